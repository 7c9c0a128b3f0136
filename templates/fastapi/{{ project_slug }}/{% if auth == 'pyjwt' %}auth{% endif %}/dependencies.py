"""Who is calling: the current user from the bearer token, and the staff check."""

from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from ..core.config import Settings, request_settings
from ..db import Connection, connection, users
from ..schemas.user import UserRecord
from .tokens import read_token

LOGIN_URL = "/api/auth/login"
# auto_error=False: a missing token answers 401 here, with the same body as a bad one.
bearer_token = OAuth2PasswordBearer(tokenUrl=LOGIN_URL, auto_error=False)


def unauthorized(detail: str = "Invalid or expired token.") -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def current_user(
    token: Annotated[str | None, Depends(bearer_token)],
    db: Annotated[Connection, Depends(connection)],
    settings: Annotated[Settings, Depends(request_settings)],
) -> UserRecord:
    if not token:
        raise unauthorized("Not authenticated.")
    user_id = read_token(token, "access", settings)
    user = await users.get_user(db, user_id) if user_id is not None else None
    if user is None or not user.is_active:
        raise unauthorized()
    return user


async def staff_user(user: Annotated[UserRecord, Depends(current_user)]) -> UserRecord:
    if not user.is_staff:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Staff only.")
    return user
