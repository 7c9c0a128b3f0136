"""Who is calling the API: the bearer token Django issued, checked by Simple JWT itself.

The checks are the ones DRF makes on Django's side (signature, expiry, token
type, the user exists and is active), so a token means the same user, with
the same staff flag, on both sides.
"""

from typing import Annotated

from asgiref.sync import sync_to_async
from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication

from ..core.connections import django_connection
from ..users.models import User

__all__ = ["User", "current_user", "staff_user"]

# The name drf-spectacular gives Simple JWT's scheme: one scheme in the document.
bearer_token = HTTPBearer(auto_error=False, scheme_name="jwtAuth", bearerFormat="JWT")


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": 'Bearer realm="api"'}
    )


def user_of_token(raw_token: str) -> User:
    authentication = JWTAuthentication()
    return authentication.get_user(authentication.get_validated_token(raw_token.encode()))


async def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_token)],
    _db: Annotated[str, Depends(django_connection)],
) -> User:
    if credentials is None:
        raise unauthorized("Authentication credentials were not provided.")
    try:
        return await sync_to_async(user_of_token)(credentials.credentials)
    except AuthenticationFailed as error:
        detail = error.detail
        message = detail.get("detail", detail) if isinstance(detail, dict) else detail
        raise unauthorized(str(message)) from None


async def staff_user(user: Annotated[User, Depends(current_user)]) -> User:
    if not user.is_staff:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Staff only.")
    return user
