"""/api/categories/: anyone reads, staff write, names unique whatever the case."""

from typing import Any

import pytest
from httpx import AsyncClient

from .conftest import Headers, MakeProduct


def error_fields(response_json: dict[str, Any]) -> set[str]:
    return {str(error["loc"][-1]) for error in response_json["detail"]}


async def test_staff_creates_reads_updates_and_deletes_a_category(
    client: AsyncClient, staff: Headers
) -> None:
    created = await client.post("/api/categories/", json={"name": "Tea"}, headers=staff)
    assert created.status_code == 201
    category = created.json()
    assert category == {"id": category["id"], "name": "Tea"}
    url = f"/api/categories/{category['id']}/"

    assert (await client.get(url)).json() == category
    replaced = await client.put(url, json={"name": "Green tea"}, headers=staff)
    assert replaced.status_code == 200
    assert replaced.json()["name"] == "Green tea"
    patched = await client.patch(url, json={"name": "Black tea"}, headers=staff)
    assert patched.status_code == 200
    assert patched.json() == {"id": category["id"], "name": "Black tea"}

    assert (await client.delete(url, headers=staff)).status_code == 204
    assert (await client.get(url)).status_code == 404


async def test_anyone_lists_categories(client: AsyncClient, category: dict[str, Any]) -> None:
    response = await client.get("/api/categories/")
    assert response.status_code == 200
    assert response.json() == {"count": 1, "next": None, "previous": None, "results": [category]}


async def test_anonymous_cannot_create_a_category(client: AsyncClient) -> None:
    response = await client.post("/api/categories/", json={"name": "Tea"})
    assert response.status_code == 401


async def test_non_staff_cannot_create_change_or_delete_a_category(
    client: AsyncClient, owner: Headers, category: dict[str, Any]
) -> None:
    url = f"/api/categories/{category['id']}/"
    assert (
        await client.post("/api/categories/", json={"name": "X"}, headers=owner)
    ).status_code == 403
    assert (await client.put(url, json={"name": "X"}, headers=owner)).status_code == 403
    assert (await client.patch(url, json={"name": "X"}, headers=owner)).status_code == 403
    assert (await client.delete(url, headers=owner)).status_code == 403
    assert (await client.get(url)).json() == category


async def test_category_name_is_unique_whatever_the_case(
    client: AsyncClient, staff: Headers, category: dict[str, Any]
) -> None:
    response = await client.post("/api/categories/", json={"name": "TEA"}, headers=staff)
    assert response.status_code == 422
    assert error_fields(response.json()) == {"name"}


async def test_a_lone_surrogate_in_the_name_is_refused_naming_it(
    client: AsyncClient, staff: Headers, category: dict[str, Any]
) -> None:
    # Legal as a JSON escape, but no UTF-8 text can hold it: no database stores it.
    body = rb'{"name": "Tea \ud800"}'
    headers = {**staff, "Content-Type": "application/json"}
    url = f"/api/categories/{category['id']}/"
    for method, path in (("POST", "/api/categories/"), ("PUT", url), ("PATCH", url)):
        response = await client.request(method, path, content=body, headers=headers)
        assert response.status_code == 422, (method, response.text)
        assert error_fields(response.json()) == {"name"}
    assert (await client.get(url)).json() == category


async def test_renaming_onto_an_existing_name_is_refused(
    client: AsyncClient, staff: Headers, category: dict[str, Any]
) -> None:
    other = await client.post("/api/categories/", json={"name": "Coffee"}, headers=staff)
    url = f"/api/categories/{other.json()['id']}/"
    response = await client.patch(url, json={"name": "tea"}, headers=staff)
    assert response.status_code == 422
    assert error_fields(response.json()) == {"name"}


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, None, 42])
async def test_category_name_must_be_1_to_100_characters(
    client: AsyncClient, staff: Headers, name: object
) -> None:
    response = await client.post("/api/categories/", json={"name": name}, headers=staff)
    assert response.status_code == 422
    assert error_fields(response.json()) == {"name"}


async def test_category_name_of_100_characters_is_accepted(
    client: AsyncClient, staff: Headers
) -> None:
    response = await client.post("/api/categories/", json={"name": "x" * 100}, headers=staff)
    assert response.status_code == 201


async def test_missing_category_is_a_json_404(client: AsyncClient, staff: Headers) -> None:
    for response in (
        await client.get("/api/categories/999999/"),
        await client.put("/api/categories/999999/", json={"name": "X"}, headers=staff),
        await client.delete("/api/categories/999999/", headers=staff),
    ):
        assert response.status_code == 404
        assert response.json()["detail"]


async def test_deleting_a_category_deletes_its_products(
    client: AsyncClient, staff: Headers, category: dict[str, Any], make_product: MakeProduct
) -> None:
    product = await make_product()
    response = await client.delete(f"/api/categories/{category['id']}/", headers=staff)
    assert response.status_code == 204
    assert (await client.get(f"/api/products/{product['id']}/")).status_code == 404
    assert (await client.get("/api/products/")).json()["count"] == 0


async def test_paths_without_the_trailing_slash_answer_without_redirecting(
    client: AsyncClient, staff: Headers, category: dict[str, Any]
) -> None:
    listed = await client.get("/api/categories")
    assert listed.status_code == 200
    assert listed.json()["count"] == 1
    created = await client.post("/api/categories", json={"name": "Coffee"}, headers=staff)
    assert created.status_code == 201
    assert (await client.get(f"/api/categories/{category['id']}")).status_code == 200
