"""Session auth's endpoints: a CSRF token, register, log in, log out.

Every unsafe request carries the CSRF token, anonymous ones too: a forged
login would sign the victim in to the attacker's account.
"""

from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.generics import CreateAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from ..users.api.serializers import UserSerializer
from .authentication import SessionAuthentication
from .serializers import LoginSerializer, RegistrationSerializer

CsrfToken = inline_serializer("CsrfToken", {"csrfToken": serializers.CharField()})


class CsrfChecked(APIView):
    """An anonymous view that still checks the CSRF token of unsafe requests."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        SessionAuthentication().enforce_csrf(request)
        super().initial(request, *args, **kwargs)


@method_decorator(ensure_csrf_cookie, name="get")
class CsrfTokenView(APIView):
    """GET /api/auth/csrf/: the CSRF cookie, and its token for the X-CSRFToken header."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=CsrfToken)
    def get(self, request: Request) -> Response:
        return Response({"csrfToken": get_token(request)})


class RegisterView(CsrfChecked, CreateAPIView):
    """POST /api/auth/register/ {email, password}: 201 and the new user."""

    serializer_class = RegistrationSerializer


class LoginView(CsrfChecked):
    """POST /api/auth/login/ {email, password}: the session cookie, and the user."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(request=LoginSerializer, responses=UserSerializer)
    def post(self, request: Request) -> Response:
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request, **credentials.validated_data)
        if user is None:
            raise AuthenticationFailed("Wrong email or password.")
        # A new session key and a new CSRF token: the old ones named nobody.
        login(request._request, user)
        return Response(UserSerializer(user).data)


class LogoutView(APIView):
    """POST /api/auth/logout/: ends the session."""

    authentication_classes = [SessionAuthentication]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
