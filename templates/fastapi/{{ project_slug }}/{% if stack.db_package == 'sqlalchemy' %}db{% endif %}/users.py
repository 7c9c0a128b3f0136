"""User queries for the auth code and the command line."""

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ..core.exceptions import FieldError
from ..schemas.user import UserRecord
from .models import User

COLUMNS = (User.id, User.email, User.is_staff, User.hashed_password, User.is_active)


async def get_user(db: AsyncConnection, user_id: int) -> UserRecord | None:
    row = (await db.execute(select(*COLUMNS).where(User.id == user_id))).first()
    return UserRecord.model_validate(row._asdict()) if row else None


async def get_user_by_email(db: AsyncConnection, email: str) -> UserRecord | None:
    query = select(*COLUMNS).where(func.lower(User.email) == email.lower())
    row = (await db.execute(query)).first()
    return UserRecord.model_validate(row._asdict()) if row else None


async def create_user(
    db: AsyncConnection, *, email: str, hashed_password: str, is_staff: bool = False
) -> UserRecord:
    query = (
        insert(User)
        .values(email=email.lower(), hashed_password=hashed_password, is_staff=is_staff)
        .returning(*COLUMNS)
    )
    try:
        row = (await db.execute(query)).one()
    except IntegrityError:
        raise FieldError("email", "A user with this email already exists.") from None
    return UserRecord.model_validate(row._asdict())
