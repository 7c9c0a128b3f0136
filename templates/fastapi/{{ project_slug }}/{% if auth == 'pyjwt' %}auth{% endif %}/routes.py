"""`/api/auth/`: register, log in (OAuth2 password flow), refresh, and who am I."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, status
from pydantic import BaseModel

from ..core.config import Settings, request_settings
from ..core.rate_limit import limit_login_attempts
from ..db import Connection, connection, users
from ..schemas.fields import NO_NUL
from ..schemas.user import MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, Credentials, UserOut, UserRecord
from .dependencies import current_user, unauthorized
from .passwords import hash_password, verify_password
from .tokens import issue_token, read_token

router = APIRouter(prefix="/auth", tags=["auth"])

DbDep = Annotated[Connection, Depends(connection)]
SettingsDep = Annotated[Settings, Depends(request_settings)]


BEARER = "bearer"


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = BEARER


class AccessToken(BaseModel):
    access_token: str
    token_type: str = BEARER


class RefreshRequest(BaseModel):
    refresh_token: str


class LoginForm:
    """The OAuth2 password form (the Swagger "Authorize" button posts it), bounded
    like the stored columns so an unfit `username` is a 422, not a database error."""

    def __init__(
        self,
        username: Annotated[
            str, Form(max_length=MAX_EMAIL_LENGTH, pattern=NO_NUL, description="Your email.")
        ],
        password: Annotated[str, Form(max_length=MAX_PASSWORD_LENGTH)],
    ) -> None:
        self.username = username
        self.password = password


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(credentials: Credentials, db: DbDep) -> UserOut:
    user = await users.create_user(
        db, email=credentials.email, hashed_password=await hash_password(credentials.password)
    )
    return UserOut.model_validate(user, from_attributes=True)


@router.post(
    "/login",
    dependencies=[Depends(limit_login_attempts)],
    responses={
        401: {"description": "Wrong email or password"},
        429: {"description": "Too many attempts"},
    },
)
async def login(
    form: Annotated[LoginForm, Depends()], db: DbDep, settings: SettingsDep
) -> TokenPair:
    """OAuth2 password flow: `username` is the email."""
    user = await users.get_user_by_email(db, form.username)
    password_ok = await verify_password(form.password, user.hashed_password if user else None)
    if user is None or not password_ok or not user.is_active:
        raise unauthorized("Wrong email or password.")
    return TokenPair(
        access_token=issue_token(user.id, "access", settings),
        refresh_token=issue_token(user.id, "refresh", settings),
    )


@router.post("/refresh")
async def refresh(body: RefreshRequest, db: DbDep, settings: SettingsDep) -> AccessToken:
    user_id = read_token(body.refresh_token, "refresh", settings)
    user = await users.get_user(db, user_id) if user_id is not None else None
    if user is None or not user.is_active:
        raise unauthorized("Invalid or expired refresh token.")
    return AccessToken(access_token=issue_token(user.id, "access", settings))


@router.get("/me")
async def me(user: Annotated[UserRecord, Depends(current_user)]) -> UserOut:
    return UserOut.model_validate(user, from_attributes=True)
