"""Creating staff users, for the command line and the tests."""

from ..db import Connection, users
from ..schemas.user import UserRecord
from .passwords import hash_password


async def create_staff_user(db: Connection, email: str, password: str) -> UserRecord:
    return await users.create_user(
        db, email=email, hashed_password=await hash_password(password), is_staff=True
    )
