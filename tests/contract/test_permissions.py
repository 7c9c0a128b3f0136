"""Who may do what to a product: anyone reads, the owner or staff change."""

from __future__ import annotations

import httpx
import pytest

from .catalog import Headers, Json
from .checks import expect, unique

UPDATES = ["PUT", "PATCH"]


def _update(api: httpx.Client, method: str, product: Json, headers: Headers) -> httpx.Response:
    body = {"name": unique("renamed"), "price": "2.00", "category_id": product["category_id"]}
    if method == "PATCH":
        body = {"name": body["name"]}
    return api.request(method, f"/api/products/{product['id']}/", json=body, headers=headers)


def _unchanged(api: httpx.Client, product: Json) -> None:
    assert expect(api.get(f"/api/products/{product['id']}/"), 200) == product


def test_anyone_reads_a_product(api: httpx.Client, product: Json) -> None:
    _unchanged(api, product)


def test_anyone_lists_products(api: httpx.Client, product: Json) -> None:
    page = expect(api.get("/api/products/", params={"category_id": product["category_id"]}), 200)
    assert page["results"] == [product]


def test_anonymous_user_cannot_create_product(api: httpx.Client, category: Json) -> None:
    sent = {"name": unique("product"), "price": "1.00", "category_id": category["id"]}
    expect(api.post("/api/products/", json=sent), 401)
    page = expect(api.get("/api/products/", params={"category_id": category["id"]}), 200)
    assert page["count"] == 0


def test_made_up_token_is_not_a_login(api: httpx.Client, category: Json) -> None:
    sent = {"name": unique("product"), "price": "1.00", "category_id": category["id"]}
    headers = {"Authorization": "Bearer not-a-real-token"}
    expect(api.post("/api/products/", json=sent, headers=headers), 401)


def test_cookie_without_csrf_token_cannot_create_product(
    api: httpx.Client, alice: Headers, category: Json
) -> None:
    """Session logins need the CSRF token on unsafe requests; token logins never
    authenticate through a cookie. Either way the cookie alone is refused."""
    cookie_only = {
        name: value
        for name, value in alice.items()
        if name.lower() != "authorization" and "csrf" not in name.lower()
    }
    sent = {"name": unique("product"), "price": "1.00", "category_id": category["id"]}
    expect(api.post("/api/products/", json=sent, headers=cookie_only), 401, 403)
    page = expect(api.get("/api/products/", params={"category_id": category["id"]}), 200)
    assert page["count"] == 0


@pytest.mark.parametrize("method", UPDATES)
def test_anonymous_user_cannot_update_product(
    api: httpx.Client, product: Json, method: str
) -> None:
    expect(_update(api, method, product, {}), 401)
    _unchanged(api, product)


def test_anonymous_user_cannot_delete_product(api: httpx.Client, product: Json) -> None:
    expect(api.delete(f"/api/products/{product['id']}/"), 401)
    _unchanged(api, product)


@pytest.mark.parametrize("method", UPDATES)
def test_non_owner_cannot_update_product(
    api: httpx.Client, bob: Headers, product: Json, method: str
) -> None:
    expect(_update(api, method, product, bob), 403)
    _unchanged(api, product)


def test_non_owner_cannot_delete_product(api: httpx.Client, bob: Headers, product: Json) -> None:
    expect(api.delete(f"/api/products/{product['id']}/", headers=bob), 403)
    _unchanged(api, product)


@pytest.mark.parametrize("who", ["alice", "staff"], ids=["owner", "staff"])
@pytest.mark.parametrize("method", UPDATES)
def test_owner_or_staff_updates_product(
    api: httpx.Client, request: pytest.FixtureRequest, product: Json, method: str, who: str
) -> None:
    updated = expect(_update(api, method, product, request.getfixturevalue(who)), 200)
    assert updated["name"] != product["name"]
    assert updated["owner_id"] == product["owner_id"]
    _unchanged(api, updated)


@pytest.mark.parametrize("who", ["alice", "staff"], ids=["owner", "staff"])
def test_owner_or_staff_deletes_product(
    api: httpx.Client, request: pytest.FixtureRequest, product: Json, who: str
) -> None:
    url = f"/api/products/{product['id']}/"
    expect(api.delete(url, headers=request.getfixturevalue(who)), 204)
    expect(api.get(url), 404)


def test_staff_creates_product_owned_by_staff(
    api: httpx.Client, staff: Headers, product: Json
) -> None:
    sent = {"name": unique("product"), "price": "1.00", "category_id": product["category_id"]}
    created = expect(api.post("/api/products/", json=sent, headers=staff), 201)
    assert created["owner_id"] != product["owner_id"]
