"""fastapi-users' user manager and user database, on the project's User table."""

from collections.abc import AsyncIterator
from typing import Annotated, Any

from anyio import to_thread
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from fastapi_users import BaseUserManager, IntegerIDMixin, exceptions, schemas
from fastapi_users_db_sqlalchemy import SQLAlchemyUserDatabase
from sqlalchemy.ext.asyncio import AsyncSession

from ..core.config import Settings, request_settings
from ..db import session
from ..db.models import User
from ..schemas.fields import MAX_ID


class UserManager(IntegerIDMixin, BaseUserManager[User, int]):
    """The library's manager, with Argon2 hashing moved off the event loop."""

    def parse_id(self, value: Any) -> int:
        user_id = super().parse_id(value)
        # No id outside the 32-bit column exists, and PostgreSQL would refuse the query.
        if not 1 <= user_id <= MAX_ID:
            raise exceptions.InvalidID()
        return user_id

    async def create(
        self,
        user_create: schemas.BaseUserCreate,
        safe: bool = False,
        request: Request | None = None,
    ) -> User:
        await self.validate_password(user_create.password, user_create)
        if await self.user_db.get_by_email(user_create.email) is not None:
            raise exceptions.UserAlreadyExists()
        values = (
            user_create.create_update_dict() if safe else user_create.create_update_dict_superuser()
        )
        values["hashed_password"] = await self._hash(values.pop("password"))
        user = await self.user_db.create(values)
        await self.on_after_register(user, request)
        return user

    async def authenticate(self, credentials: OAuth2PasswordRequestForm) -> User | None:
        try:
            if "\x00" in credentials.username:
                # No stored email holds one, and PostgreSQL would refuse the query.
                raise exceptions.UserNotExists()
            user = await self.get_by_email(credentials.username)
        except exceptions.UserNotExists:
            await self._hash(credentials.password)  # as slow as a real check
            return None
        verified, new_hash = await to_thread.run_sync(
            self.password_helper.verify_and_update, credentials.password, user.hashed_password
        )
        if not verified:
            return None
        if new_hash is not None:
            await self.user_db.update(user, {"hashed_password": new_hash})
        return user

    async def update(
        self,
        user_update: schemas.BaseUserUpdate,
        user: User,
        safe: bool = False,
        request: Request | None = None,
    ) -> User:
        if user_update.password is not None:
            await self.validate_password(user_update.password, user)
            hashed = await self._hash(user_update.password)
            user = await self.user_db.update(user, {"hashed_password": hashed})
            rest = user_update.model_dump(exclude_unset=True, exclude={"password"})
            user_update = type(user_update).model_validate(rest)
        return await super().update(user_update, user, safe, request)

    async def _hash(self, password: str) -> str:
        return await to_thread.run_sync(self.password_helper.hash, password)


async def user_database(
    orm_session: Annotated[AsyncSession, Depends(session)],
) -> AsyncIterator[SQLAlchemyUserDatabase[User, int]]:
    yield SQLAlchemyUserDatabase(orm_session, User)


async def user_manager(
    users: Annotated[SQLAlchemyUserDatabase[User, int], Depends(user_database)],
    settings: Annotated[Settings, Depends(request_settings)],
) -> AsyncIterator[UserManager]:
    manager = UserManager(users)
    # Password-reset and verification tokens, should those routers be added.
    manager.reset_password_token_secret = settings.secret_key
    manager.verification_token_secret = settings.secret_key
    yield manager
