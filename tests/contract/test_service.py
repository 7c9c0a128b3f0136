"""Health check, OpenAPI document and interactive docs."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import httpx

from .checks import expect


def test_health_answers_ok_while_the_database_answers(api: httpx.Client) -> None:
    body = expect(api.get("/api/health"), 200)
    assert body["status"] == "ok", body


def test_openapi_document_is_openapi_3_json(api: httpx.Client) -> None:
    document = expect(api.get("/api/openapi.json"), 200)
    assert isinstance(document, dict)
    assert re.fullmatch(r"3\.\d+\.\d+", str(document.get("openapi"))), document.get("openapi")
    assert document["info"]["title"]


def test_openapi_document_describes_categories_and_products(api: httpx.Client) -> None:
    document = expect(api.get("/api/openapi.json"), 200)
    paths = _full_paths(document)
    for collection in ("/api/categories/", "/api/products/"):
        assert collection in paths, sorted(paths)
        item = re.compile(re.escape(collection) + r"\{\w+\}/")
        assert any(item.fullmatch(path) for path in paths), sorted(paths)
    assert {"get", "post"} <= set(paths["/api/products/"])


def test_interactive_docs_answer(api: httpx.Client) -> None:
    response = api.get("/api/docs")
    assert response.status_code == 200, (response.status_code, response.headers)
    assert response.headers["content-type"].startswith("text/html"), response.headers
    assert response.text.strip()


def _full_paths(document: dict) -> dict[str, dict]:
    """The document's paths as the client requests them, server prefix included."""
    servers = document.get("servers") or [{"url": ""}]
    prefix = urlparse(servers[0].get("url", "")).path.rstrip("/")
    return {prefix + path: item for path, item in document.get("paths", {}).items()}
