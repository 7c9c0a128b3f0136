from django.urls import include, path

from ..users.api.views import CurrentUserView

urlpatterns = [
    # app/v1/auth/signup, app/v1/auth/login, app/v1/tokens/refresh ...
    path("", include("allauth.headless.urls")),
    path("me/", CurrentUserView.as_view(), name="me"),
]
