from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_openapi_document_describes_the_catalog(anonymous: APIClient) -> None:
    response = anonymous.get("/api/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert {"/api/products/", "/api/products/{id}/", "/api/categories/", "/api/health"} <= set(
        document["paths"]
    )
    parameters = {p["name"] for p in document["paths"]["/api/products/"]["get"]["parameters"]}
    expected = {"limit", "offset", "category_id", "min_price", "max_price", "search", "ordering"}
    assert expected <= parameters


def test_interactive_docs_are_served_without_a_cdn(anonymous: APIClient) -> None:
    response = anonymous.get("/api/docs")

    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert b"cdn." not in response.content


def test_openapi_document_builds_without_warnings(tmp_path: Path) -> None:
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "openapi.json")
    )

    assert (tmp_path / "openapi.json").stat().st_size > 0
