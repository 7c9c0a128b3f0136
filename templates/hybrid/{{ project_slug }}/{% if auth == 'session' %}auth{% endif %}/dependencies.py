"""Who is calling the API: Django's session, and Django's CSRF check on unsafe methods.

The session is read by Django itself (the session engine, then
`django.contrib.auth.get_user`, which refuses a session from before a
password change), and the CSRF token is checked by the check DRF runs on
Django's side, so both sides accept and refuse the same requests.
"""

from importlib import import_module
from io import BytesIO
from typing import Annotated

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import auth
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest
from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyCookie, APIKeyHeader
from rest_framework.exceptions import PermissionDenied

from ..core.connections import django_connection
from ..users.models import User
from ..users.sessions import is_session_key
from .authentication import CHALLENGE, SessionAuthentication

__all__ = ["User", "current_user", "staff_user"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Named as drf-spectacular names them, so the document has one scheme each;
# they document the credentials, the checks below read the request itself.
session_cookie = APIKeyCookie(
    name=settings.SESSION_COOKIE_NAME, scheme_name="cookieAuth", auto_error=False
)
csrf_header = APIKeyHeader(
    name="X-CSRFToken",
    scheme_name="csrfToken",
    description="The token from GET /api/auth/csrf/ (or the csrftoken cookie), on unsafe methods.",
    auto_error=False,
)


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": CHALLENGE}
    )


def user_of_session(session_key: str) -> User | None:
    """The active user the session names, if it still names one."""
    request = HttpRequest()
    request.session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    user = auth.get_user(request)
    return user if isinstance(user, User) and user.is_active else None


def check_csrf(request: Request) -> None:
    """Django's CSRF check, as DRF runs it for session-authenticated requests."""
    try:
        SessionAuthentication().enforce_csrf(ASGIRequest(request.scope, BytesIO()))
    except PermissionDenied as error:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(error.detail)) from None


async def current_user(
    request: Request,
    session_key: Annotated[str | None, Security(session_cookie)],
    _csrf_token: Annotated[str | None, Security(csrf_header)],
    _db: Annotated[str, Depends(django_connection)],
) -> User:
    if not session_key:
        raise unauthorized("Authentication credentials were not provided.")
    # A key Django could not have made names no session: it is not looked up.
    user = None
    if is_session_key(session_key):
        user = await sync_to_async(user_of_session)(session_key)
    if user is None:
        raise unauthorized("The session has ended; log in again.")
    if request.method not in SAFE_METHODS:
        check_csrf(request)
    return user


async def staff_user(user: Annotated[User, Depends(current_user)]) -> User:
    if not user.is_staff:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Staff only.")
    return user
