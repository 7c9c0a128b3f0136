"""Every URL under /api/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView

from ..auth import urls as auth_urls
from ..catalog.api import urls as catalog_urls
from .health import HealthView

urlpatterns = [
    path("health", HealthView.as_view(), name="health"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="docs"),
    path("auth/", include(auth_urls)),
    path("", include(catalog_urls)),
]
