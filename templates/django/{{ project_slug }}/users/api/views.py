from rest_framework.generics import RetrieveAPIView

from ..models import User
from .serializers import UserSerializer


class CurrentUserView(RetrieveAPIView):
    """GET /api/auth/me/: the caller, as the token or session names them."""

    serializer_class = UserSerializer

    def get_object(self) -> User:
        return self.request.user
