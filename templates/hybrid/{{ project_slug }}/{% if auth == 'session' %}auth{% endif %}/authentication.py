"""DRF's session authentication, answering 401 rather than 403 to a caller without a session."""

from drf_spectacular.authentication import SessionScheme as SpectacularSessionScheme
from rest_framework import authentication
from rest_framework.request import Request

# The scheme a 401 names in WWW-Authenticate, on Django's side and FastAPI's.
CHALLENGE = 'Session realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate_header(self, request: Request) -> str:
        # DRF answers 403 to an anonymous caller unless the scheme has a challenge.
        return CHALLENGE


class SessionScheme(SpectacularSessionScheme):
    """drf-spectacular's `cookieAuth` for this subclass too."""

    target_class = SessionAuthentication
