import pytest
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.test import Client, RequestFactory
from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.test import APIClient

from config.urls import urlpatterns as project_urlpatterns

from ..errors import JsonErrorsMiddleware


def crash_in_django(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a plain view")


@api_view(["GET"])
@permission_classes([AllowAny])
def crash_in_drf(request: Request) -> HttpResponse:
    raise RuntimeError("a bug in an API view")


# The project's URLs plus two views that raise, for the tests marked with this module.
urlpatterns = [
    path("api/crash/django/", crash_in_django),
    path("api/crash/drf/", crash_in_drf),
    *project_urlpatterns,
]


@pytest.mark.parametrize("path", ["/api/nothing-here", "/api/products/1/extra/", "/api/auth/x/"])
def test_unknown_api_path_answers_json_404(anonymous: APIClient, path: str) -> None:
    response = anonymous.get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_unknown_host_under_api_answers_json_400(anonymous: APIClient) -> None:
    response = anonymous.get("/api/health", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert response.json() == {"detail": "Bad Request"}


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/api/crash/django/", "/api/crash/drf/"])
def test_a_view_that_raises_under_api_answers_json_500(url: str) -> None:
    # Through Django's own 500 handler, as a server would answer it.
    client = Client(raise_request_exception=False)

    response = client.get(url)

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Internal Server Error"}


def test_errors_outside_api_keep_their_html() -> None:
    def crash(request: HttpRequest) -> HttpResponse:
        return HttpResponseServerError("<h1>Server Error (500)</h1>")

    response = JsonErrorsMiddleware(crash)(RequestFactory().get("/admin/"))

    assert response.content == b"<h1>Server Error (500)</h1>"
