from django.urls import path
from rest_framework_simplejwt.views import TokenRefreshView

from ..users.api.views import CurrentUserView
from .views import LoginView, RegisterView

urlpatterns = [
    path("register/", RegisterView.as_view(), name="register"),
    path("token/", LoginView.as_view(), name="token"),
    path("token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("me/", CurrentUserView.as_view(), name="me"),
]
