from rest_framework.generics import CreateAPIView
from rest_framework.permissions import AllowAny
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.views import TokenObtainPairView

from .serializers import RegistrationSerializer


class RegisterView(CreateAPIView):
    """POST /api/auth/register/ {email, password}: 201 and the new user."""

    serializer_class = RegistrationSerializer
    authentication_classes = []
    permission_classes = [AllowAny]


class LoginView(TokenObtainPairView):
    """POST /api/auth/token/ {email, password}: an access and a refresh token."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"
