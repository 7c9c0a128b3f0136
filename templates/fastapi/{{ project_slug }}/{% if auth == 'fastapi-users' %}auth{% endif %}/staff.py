"""Creating staff users, for the command line and the tests."""

from anyio import to_thread
from fastapi_users.password import PasswordHelper

from ..db import Connection, users
from ..schemas.user import UserRecord


async def create_staff_user(db: Connection, email: str, password: str) -> UserRecord:
    hashed_password = await to_thread.run_sync(PasswordHelper().hash, password)
    return await users.create_user(db, email=email, hashed_password=hashed_password, is_staff=True)
