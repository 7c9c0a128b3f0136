"""User queries for the auth code and the command line."""

from tortoise.exceptions import IntegrityError
from tortoise.functions import Lower

from ..core.exceptions import FieldError
from ..schemas.user import UserRecord
from .database import Connection
from .models import User

FIELDS = ("id", "email", "is_staff", "hashed_password", "is_active")


async def get_user(db: Connection, user_id: int) -> UserRecord | None:
    row = await User.filter(id=user_id).using_db(db).first().values(*FIELDS)
    return UserRecord.model_validate(row) if row else None


async def get_user_by_email(db: Connection, email: str) -> UserRecord | None:
    query = User.annotate(email_lower=Lower("email")).filter(email_lower=email.lower())
    row = await query.using_db(db).first().values(*FIELDS)
    return UserRecord.model_validate(row) if row else None


async def create_user(
    db: Connection, *, email: str, hashed_password: str, is_staff: bool = False
) -> UserRecord:
    try:
        user = await User.create(
            email=email.lower(), hashed_password=hashed_password, is_staff=is_staff, using_db=db
        )
    except IntegrityError:
        raise FieldError("email", "A user with this email already exists.") from None
    return UserRecord.model_validate(user, from_attributes=True)
