"""`/api/auth/`: the routers fastapi-users provides, in its own shape."""

from fastapi import APIRouter, Depends
from fastapi_users import schemas
from pydantic import EmailStr, Field, field_validator

from ..core.rate_limit import limit_login_attempts
from ..schemas.user import MAX_PASSWORD_LENGTH, UserOut
from .backend import backend, fastapi_users


class UserCreate(schemas.BaseUserCreate):
    password: str = Field(min_length=8, max_length=MAX_PASSWORD_LENGTH)


class UserUpdate(schemas.CreateUpdateDictModel):
    # Staff status is not self-service: only email and password change here.
    email: EmailStr | None = None
    password: str | None = Field(default=None, min_length=8, max_length=MAX_PASSWORD_LENGTH)

    @field_validator("email", "password")
    @classmethod
    def omitted_not_null(cls, value: str | None) -> str:
        # Left out means "unchanged"; an explicit null would blank a required column.
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


router = APIRouter(prefix="/auth", tags=["auth"])
router.include_router(
    fastapi_users.get_auth_router(backend),
    prefix="/jwt",
    dependencies=[Depends(limit_login_attempts)],
)
router.include_router(fastapi_users.get_register_router(UserOut, UserCreate))
router.include_router(fastapi_users.get_users_router(UserOut, UserUpdate), prefix="/users")
