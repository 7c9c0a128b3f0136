"""/api/products/: the product rules and who may change what."""

import json
from datetime import datetime
from typing import Any

import pytest
from httpx import AsyncClient

from .conftest import Headers, MakeProduct
from .test_categories import error_fields


async def test_logged_in_user_creates_a_product_they_own(
    client: AsyncClient, owner: Headers, category: dict[str, Any]
) -> None:
    body = {
        "name": "Sencha",
        "description": "Green",
        "price": "12.50",
        "category_id": category["id"],
    }
    response = await client.post("/api/products/", json=body, headers=owner)
    assert response.status_code == 201
    product = response.json()
    me = await client.get(f"/api/products/{product['id']}/")
    assert me.json() == product
    assert product["owner_id"] > 0
    assert {k: product[k] for k in body} == body
    for stamp in ("created_at", "updated_at"):
        assert datetime.fromisoformat(product[stamp]).tzinfo is not None


async def test_description_defaults_to_empty(make_product: MakeProduct) -> None:
    assert (await make_product())["description"] == ""


async def test_anonymous_cannot_create_a_product(
    client: AsyncClient, category: dict[str, Any]
) -> None:
    body = {"name": "Sencha", "price": "1.00", "category_id": category["id"]}
    assert (await client.post("/api/products/", json=body)).status_code == 401


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("12.50", "12.50"),
        (12.5, "12.50"),
        (12, "12.00"),
        ("0", "0.00"),
        (0.1, "0.10"),
        ("99999999.99", "99999999.99"),
        (99999999.99, "99999999.99"),
    ],
)
async def test_price_takes_a_number_or_a_string_and_shows_two_places(
    make_product: MakeProduct, sent: object, shown: str
) -> None:
    assert (await make_product(price=sent))["price"] == shown


@pytest.mark.parametrize(
    "price",
    [
        "12.345",
        12.345,
        0.001,
        "-0.01",
        -1,
        "100000000.00",
        1e9,
        "abc",
        "NaN",
        None,
        "",
        "1e-100000",
        "1E-16390",
        "1e100000",
    ],
)
async def test_invalid_price_is_refused_not_rounded(
    client: AsyncClient, owner: Headers, category: dict[str, Any], price: object
) -> None:
    body = {"name": "Sencha", "price": price, "category_id": category["id"]}
    response = await client.post("/api/products/", json=body, headers=owner)
    assert response.status_code == 422
    assert error_fields(response.json()) == {"price"}


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("-0", "0.00"),
        ("-0.00", "0.00"),
        ("0e-100000", "0.00"),
        ("1.500", "1.50"),
        ("15e-1", "1.50"),
    ],
)
async def test_every_answer_shows_the_price_as_stored(
    client: AsyncClient,
    owner: Headers,
    make_product: MakeProduct,
    category: dict[str, Any],
    sent: str,
    shown: str,
) -> None:
    created = await make_product(price=sent)
    url = f"/api/products/{created['id']}/"
    body = {"name": "Sencha", "price": sent, "category_id": category["id"]}
    replaced = await client.put(url, json=body, headers=owner)
    patched = await client.patch(url, json={"price": sent}, headers=owner)
    read = await client.get(url)
    answers = [created, replaced.json(), patched.json(), read.json()]
    assert [answer["price"] for answer in answers] == [shown] * 4


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", ""), ("name", "x" * 201), ("name", None), ("category_id", "tea"), ("description", 5)],
)
async def test_invalid_fields_are_named_in_the_error(
    make_product: MakeProduct,
    client: AsyncClient,
    owner: Headers,
    category: dict[str, Any],
    field: str,
    value: object,
) -> None:
    body = {"name": "Sencha", "price": "1.00", "category_id": category["id"], field: value}
    response = await client.post("/api/products/", json=body, headers=owner)
    assert response.status_code == 422
    assert error_fields(response.json()) == {field}


async def test_category_must_exist(client: AsyncClient, owner: Headers) -> None:
    body = {"name": "Sencha", "price": "1.00", "category_id": 999999}
    response = await client.post("/api/products/", json=body, headers=owner)
    assert response.status_code == 422
    assert error_fields(response.json()) == {"category_id"}


async def test_malformed_json_is_a_json_422(client: AsyncClient, owner: Headers) -> None:
    response = await client.post(
        "/api/products/",
        content=b"{not json",
        headers={**owner, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize("field", ["name", "description", "price", "category_id"])
async def test_a_lone_surrogate_is_refused_naming_the_field(
    client: AsyncClient, owner: Headers, make_product: MakeProduct, field: str
) -> None:
    product = await make_product()
    sent = {"name": "Sencha", "price": "1.00", "category_id": product["category_id"]}
    # JSON text may escape a lone surrogate (json.dumps does), but no UTF-8 text holds one.
    body = json.dumps({**sent, field: "\ud800"}).encode()
    headers = {**owner, "Content-Type": "application/json"}
    url = f"/api/products/{product['id']}/"
    for method, path in (("POST", "/api/products/"), ("PUT", url), ("PATCH", url)):
        response = await client.request(method, path, content=body, headers=headers)
        assert response.status_code == 422, (method, response.text)
        assert error_fields(response.json()) == {field}
    assert (await client.get(url)).json() == product


async def test_owner_replaces_and_patches_their_product(
    client: AsyncClient, owner: Headers, make_product: MakeProduct, category: dict[str, Any]
) -> None:
    product = await make_product()
    url = f"/api/products/{product['id']}/"
    body = {"name": "Gyokuro", "price": 30, "category_id": category["id"]}
    replaced = await client.put(url, json=body, headers=owner)
    assert replaced.status_code == 200
    assert (replaced.json()["name"], replaced.json()["price"]) == ("Gyokuro", "30.00")
    patched = await client.patch(url, json={"price": "31.5"}, headers=owner)
    assert patched.status_code == 200
    assert (patched.json()["name"], patched.json()["price"]) == ("Gyokuro", "31.50")
    assert patched.json()["updated_at"] >= product["updated_at"]
    assert patched.json()["created_at"] == product["created_at"]


async def test_patch_refuses_null_and_bad_values(
    client: AsyncClient, owner: Headers, make_product: MakeProduct
) -> None:
    url = f"/api/products/{(await make_product())['id']}/"
    for body, field in (({"name": None}, "name"), ({"price": "1.234"}, "price")):
        response = await client.patch(url, json=body, headers=owner)
        assert response.status_code == 422
        assert error_fields(response.json()) == {field}
    moved = await client.patch(url, json={"category_id": 999999}, headers=owner)
    assert moved.status_code == 422
    assert error_fields(moved.json()) == {"category_id"}


async def test_non_owner_cannot_change_or_delete_product(
    client: AsyncClient, other_user: Headers, make_product: MakeProduct
) -> None:
    product = await make_product()
    url = f"/api/products/{product['id']}/"
    assert (await client.patch(url, json={"name": "Mine"}, headers=other_user)).status_code == 403
    body = {"name": "Mine", "price": "1.00", "category_id": product["category_id"]}
    assert (await client.put(url, json=body, headers=other_user)).status_code == 403
    assert (await client.delete(url, headers=other_user)).status_code == 403
    assert (await client.get(url)).json() == product


async def test_anonymous_cannot_change_or_delete_product(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    url = f"/api/products/{(await make_product())['id']}/"
    assert (await client.patch(url, json={"name": "Mine"})).status_code == 401
    assert (await client.delete(url)).status_code == 401


async def test_staff_changes_and_deletes_any_product(
    client: AsyncClient, staff: Headers, make_product: MakeProduct
) -> None:
    url = f"/api/products/{(await make_product())['id']}/"
    assert (await client.patch(url, json={"name": "Staff pick"}, headers=staff)).status_code == 200
    assert (await client.delete(url, headers=staff)).status_code == 204
    assert (await client.get(url)).status_code == 404


async def test_owner_deletes_their_product(
    client: AsyncClient, owner: Headers, make_product: MakeProduct
) -> None:
    url = f"/api/products/{(await make_product())['id']}/"
    assert (await client.delete(url, headers=owner)).status_code == 204
    assert (await client.delete(url, headers=owner)).status_code == 404


async def test_missing_product_is_a_json_404(client: AsyncClient, owner: Headers) -> None:
    assert (await client.get("/api/products/999999/")).json()["detail"]
    assert (await client.patch("/api/products/999999/", json={}, headers=owner)).status_code == 404
    assert (await client.delete("/api/products/999999/", headers=owner)).status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Sen\u0000cha"),
        ("description", "\u0000"),
        ("category_id", 2**31),
        ("category_id", 0),
    ],
)
async def test_values_no_database_could_store_are_refused(
    client: AsyncClient, owner: Headers, category: dict[str, Any], field: str, value: object
) -> None:
    body = {"name": "Sencha", "price": "1.00", "category_id": category["id"], field: value}
    response = await client.post("/api/products/", json=body, headers=owner)
    assert response.status_code == 422
    assert error_fields(response.json()) == {field}


@pytest.mark.parametrize("path", ["/api/products/2147483648/", "/api/categories/0/"])
async def test_impossible_ids_are_refused_not_looked_up(client: AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 422
