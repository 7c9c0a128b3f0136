"""One origin: health, the document of the whole API, Django's paths, JSON errors from both."""

from collections.abc import AsyncIterator

import pytest
from asgiref.sync import sync_to_async
from django.db import connections
from httpx import AsyncClient

from .conftest import Headers


async def test_health_is_ok_when_the_database_answers(client: AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.fixture
async def database_unreachable(client: AsyncClient) -> AsyncIterator[None]:
    """Django's database settings point where no database answers, until the test ends."""

    def point(settings_dict: dict[str, object]) -> None:
        connections["default"].close()
        connections["default"].settings_dict.update(settings_dict)

    settings_dict = connections["default"].settings_dict
    saved = dict(settings_dict)
    if settings_dict["ENGINE"].endswith("sqlite3"):
        unreachable = {"NAME": "/nonexistent-directory/for/the/test.sqlite3"}
    else:
        unreachable = {"HOST": "127.0.0.1", "PORT": "1"}
    # The API's thread connects anew at its next request (CONN_MAX_AGE is 0 in tests).
    await sync_to_async(point)(unreachable)
    yield
    await sync_to_async(point)(saved)


@pytest.mark.usefixtures("database_unreachable")
async def test_health_and_lists_answer_503_while_the_database_is_unreachable(
    client: AsyncClient,
) -> None:
    health = await client.get("/api/health")
    assert health.status_code == 503
    assert health.json()["status"] != "ok"
    for path in ("/api/products/", "/api/categories/", "/api/products/1/"):
        response = await client.get(path)
        assert response.status_code == 503, path
        assert response.headers["content-type"] == "application/json"


async def test_empty_tables_answer_empty_pages_and_404s(client: AsyncClient) -> None:
    for path in ("/api/products/", "/api/categories/", "/api/products/?offset=40"):
        page = (await client.get(path)).json()
        assert (page["count"], page["results"], page["next"]) == (0, [], None)
    assert (await client.get("/api/products/1/")).status_code == 404
    assert (await client.get("/api/categories/1/")).status_code == 404


async def test_openapi_document_describes_the_whole_api(client: AsyncClient) -> None:
    response = await client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {"/api/health", "/api/categories/", "/api/products/{product_id}/"} <= paths
    # Django's auth endpoints, described from their own serializers.
    assert {path for path in paths if path.startswith("/api/auth/")}
    assert "/api/products" not in paths
    product = document["components"]["schemas"]["ProductOut"]["properties"]
    assert product["price"]["type"] == "string"


async def test_docs_page_is_served(client: AsyncClient) -> None:
    response = await client.get("/api/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()


async def test_admin_is_served_by_django(client: AsyncClient, staff: Headers) -> None:
    response = await client.get("/admin/")
    assert response.status_code == 302
    assert response.headers["location"].startswith("/admin/login/")
    login_page = await client.get("/admin/login/")
    assert login_page.status_code == 200
    assert "csrfmiddlewaretoken" in login_page.text


@pytest.mark.parametrize("path", ["/api/nothing-here/", "/api/auth/nothing-here/"])
async def test_unknown_path_answers_json_404_on_both_sides(client: AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()


async def test_wrong_method_answers_json_405(client: AsyncClient) -> None:
    response = await client.put("/api/health")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", ["/api/health", "/api/auth/me/"])
async def test_unknown_host_is_refused_on_both_sides(client: AsyncClient, path: str) -> None:
    response = await client.get(path, headers={"Host": "evil.example.com"})
    assert response.status_code == 400
