"""JWT bearer tokens, and the current-user dependencies built from them."""

from typing import Annotated

from fastapi import Depends
from fastapi_users import FastAPIUsers
from fastapi_users.authentication import AuthenticationBackend, BearerTransport, JWTStrategy

from ..core.config import Settings, request_settings
from ..db.models import User
from .manager import user_manager

LOGIN_URL = "/api/auth/jwt/login"


def jwt_strategy(
    settings: Annotated[Settings, Depends(request_settings)],
) -> JWTStrategy[User, int]:
    return JWTStrategy(
        secret=settings.secret_key, lifetime_seconds=settings.access_token_minutes * 60
    )


backend = AuthenticationBackend(
    name="jwt",
    # The Swagger "Authorize" button posts its form to this URL.
    transport=BearerTransport(tokenUrl=LOGIN_URL),
    get_strategy=jwt_strategy,
)
fastapi_users = FastAPIUsers[User, int](user_manager, [backend])

# Missing, invalid or expired token: 401; a known user who is not staff: 403.
current_user = fastapi_users.current_user(active=True)
staff_user = fastapi_users.current_user(active=True, superuser=True)
