import pytest
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.test import RequestFactory
from rest_framework.test import APIClient

from ..errors import JsonErrorsMiddleware


@pytest.mark.parametrize("path", ["/api/nothing-here", "/api/products/1/extra/", "/api/auth/x/"])
def test_unknown_api_path_answers_json_404(anonymous: APIClient, path: str) -> None:
    response = anonymous.get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_unknown_host_under_api_answers_json_400(anonymous: APIClient) -> None:
    response = anonymous.get("/api/health", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert response.json() == {"detail": "Bad Request"}


def test_server_error_under_api_becomes_json() -> None:
    def crash(request: HttpRequest) -> HttpResponse:
        return HttpResponseServerError("<h1>Server Error (500)</h1>")

    response = JsonErrorsMiddleware(crash)(RequestFactory().get("/api/products/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.content == b'{"detail": "Internal Server Error"}'


def test_errors_outside_api_keep_their_html() -> None:
    def crash(request: HttpRequest) -> HttpResponse:
        return HttpResponseServerError("<h1>Server Error (500)</h1>")

    response = JsonErrorsMiddleware(crash)(RequestFactory().get("/admin/"))

    assert response.content == b"<h1>Server Error (500)</h1>"
