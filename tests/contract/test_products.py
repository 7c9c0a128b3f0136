"""Products: the fields a product has and the values it accepts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from .catalog import Catalog, Headers, Json
from .checks import expect, expect_rejected, ignored_or_rejected, unique

FIELDS = {
    "id", "name", "description", "price", "category_id", "owner_id", "created_at", "updated_at"
}  # fmt: skip


def _valid(category: Json) -> dict[str, Any]:
    return {"name": unique("product"), "price": "1.00", "category_id": category["id"]}


def _create(api: httpx.Client, owner: Headers, category: Json, **fields: Any) -> httpx.Response:
    return api.post("/api/products/", json=_valid(category) | fields, headers=owner)


def _moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None, f"{value} has no time zone"
    return moment


def test_logged_in_user_creates_product(api: httpx.Client, alice: Headers, category: Json) -> None:
    sent = {"name": unique("Sencha"), "description": "Steamed green tea", "price": "12.50"}
    created = expect(_create(api, alice, category, **sent), 201)
    assert set(created) >= FIELDS
    assert isinstance(created["id"], int)
    assert isinstance(created["owner_id"], int)
    assert {key: created[key] for key in sent} == sent
    assert created["category_id"] == category["id"]
    assert _moment(created["created_at"]) <= _moment(created["updated_at"])
    assert expect(api.get(f"/api/products/{created['id']}/"), 200) == created


def test_product_is_owned_by_its_creator(
    catalog: Catalog, alice: Headers, bob: Headers, category: Json
) -> None:
    first, second = (catalog.product(alice, category) for _ in range(2))
    strangers = catalog.product(bob, category)
    assert first["owner_id"] == second["owner_id"] != strangers["owner_id"]


def test_description_defaults_to_empty_string(
    api: httpx.Client, alice: Headers, category: Json
) -> None:
    assert expect(_create(api, alice, category), 201)["description"] == ""


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("12.50", "12.50"),
        ("12.5", "12.50"),
        (12.5, "12.50"),
        (7, "7.00"),
        ("7", "7.00"),
        (0, "0.00"),
        ("0.00", "0.00"),
        (0.1, "0.10"),
        ("99999999.99", "99999999.99"),
        (99999999.99, "99999999.99"),
    ],
    ids=repr,
)
def test_price_is_a_string_with_two_decimal_places(
    api: httpx.Client, alice: Headers, category: Json, sent: Any, stored: str
) -> None:
    created = expect(_create(api, alice, category, price=sent), 201)
    assert created["price"] == stored
    assert expect(api.get(f"/api/products/{created['id']}/"), 200)["price"] == stored


@pytest.mark.parametrize("sent", ["-0", "-0.00", -0.0], ids=repr)
def test_negative_zero_is_zero_in_every_answer(
    api: httpx.Client, alice: Headers, category: Json, sent: Any
) -> None:
    created = expect(_create(api, alice, category, price=sent), 201)
    url = f"/api/products/{created['id']}/"
    replaced = expect(api.put(url, json=_valid(category) | {"price": sent}, headers=alice), 200)
    patched = expect(api.patch(url, json={"price": sent}, headers=alice), 200)
    answers = [created, replaced, patched, expect(api.get(url), 200)]
    assert [answer["price"] for answer in answers] == ["0.00"] * 4


@pytest.mark.parametrize("sent", ["0e-100000", "0E-16390", "0e+100000"])
def test_zero_with_an_extreme_exponent_is_zero_or_rejected(
    api: httpx.Client, alice: Headers, category: Json, sent: str
) -> None:
    """It has no digit beyond the second place, yet no database column takes it as sent."""
    response = _create(api, alice, category, price=sent)
    if response.status_code == 201:
        created = expect(response, 201)
        url = f"/api/products/{created['id']}/"
        assert [created["price"], expect(api.get(url), 200)["price"]] == ["0.00"] * 2
    else:
        expect_rejected(response, "price")
        assert _products_in(api, category) == []


@pytest.mark.parametrize(
    "price",
    [
        pytest.param("1e-100000", id="tiny-exponent"),
        pytest.param("1E-16390", id="beyond-the-numeric-scale"),
        pytest.param("1.005", id="three-places-string"),
        pytest.param(1.005, id="three-places-number"),
        pytest.param("12.345", id="three-places-rounding-up"),
        pytest.param("-0.01", id="negative-string"),
        pytest.param(-1, id="negative-number"),
        pytest.param("100000000", id="too-large-string"),
        pytest.param(100000000, id="too-large-number"),
        pytest.param(99999999.999, id="too-large-by-a-fraction"),
        pytest.param("1e10", id="too-large-exponent"),
        pytest.param("abc", id="not-a-number"),
        pytest.param("", id="empty"),
        pytest.param("NaN", id="nan"),
        pytest.param("Infinity", id="infinity"),
        pytest.param(None, id="null"),
        pytest.param([1], id="list"),
    ],
)
def test_invalid_price_is_rejected(
    api: httpx.Client, alice: Headers, category: Json, price: Any
) -> None:
    expect_rejected(_create(api, alice, category, price=price), "price")
    assert _products_in(api, category) == []


@pytest.mark.parametrize(
    "name",
    [pytest.param("", id="empty"), pytest.param("x" * 201, id="201-characters"), None],
)
def test_invalid_product_name_is_rejected(
    api: httpx.Client, alice: Headers, category: Json, name: str | None
) -> None:
    expect_rejected(_create(api, alice, category, name=name), "name")


def test_product_name_may_have_200_characters(
    api: httpx.Client, alice: Headers, category: Json
) -> None:
    name = unique("product").ljust(200, "x")
    assert expect(_create(api, alice, category, name=name), 201)["name"] == name


@pytest.mark.parametrize("field", ["name", "price", "category_id"])
def test_required_field_is_required(
    api: httpx.Client, alice: Headers, category: Json, field: str
) -> None:
    payload = _valid(category)
    del payload[field]
    response = api.post("/api/products/", json=payload, headers=alice)
    expect_rejected(response, field)


def test_product_in_a_missing_category_is_rejected(
    api: httpx.Client, catalog: Catalog, staff: Headers, alice: Headers
) -> None:
    gone = catalog.category()
    expect(api.delete(f"/api/categories/{gone['id']}/", headers=staff), 204)
    expect_rejected(_create(api, alice, gone), "category_id")


@pytest.mark.parametrize("category_id", ["abc", None, 2**31, 99999999999999999999])
def test_category_id_that_is_not_an_id_is_rejected(
    api: httpx.Client, alice: Headers, category: Json, category_id: Any
) -> None:
    expect_rejected(_create(api, alice, category, category_id=category_id), "category_id")


def test_owner_id_in_the_body_is_never_applied(
    api: httpx.Client, catalog: Catalog, alice: Headers, bob: Headers, category: Json
) -> None:
    alices = catalog.product(alice, category)["owner_id"]
    bobs = catalog.product(bob, category)["owner_id"]
    if created := ignored_or_rejected(_create(api, alice, category, owner_id=bobs), 201):
        assert created["owner_id"] == alices
    url = f"/api/products/{catalog.product(alice, category)['id']}/"
    if patched := ignored_or_rejected(api.patch(url, json={"owner_id": bobs}, headers=alice), 200):
        assert patched["owner_id"] == alices
    # Only the product bob made himself is his, whatever was sent.
    assert [p["owner_id"] for p in _products_in(api, category)].count(bobs) == 1


def test_created_at_in_the_body_is_never_applied(
    api: httpx.Client, alice: Headers, category: Json, product: Json
) -> None:
    past = "2001-02-03T04:05:06+00:00"
    response = _create(api, alice, category, created_at=past, updated_at=past)
    if created := ignored_or_rejected(response, 201):
        assert _moment(created["created_at"]).year != 2001
        assert _moment(created["updated_at"]).year != 2001
    url = f"/api/products/{product['id']}/"
    ignored_or_rejected(api.patch(url, json={"created_at": past}, headers=alice), 200)
    assert expect(api.get(url), 200)["created_at"] == product["created_at"]


def test_id_in_the_body_is_never_applied(
    api: httpx.Client, alice: Headers, category: Json, product: Json
) -> None:
    if created := ignored_or_rejected(_create(api, alice, category, id=product["id"]), 201):
        assert created["id"] != product["id"]
    url = f"/api/products/{product['id']}/"
    moved = {"id": product["id"] + 1_000_000}
    if patched := ignored_or_rejected(api.patch(url, json=moved, headers=alice), 200):
        assert patched["id"] == product["id"]
    assert expect(api.get(url), 200)["name"] == product["name"]


def test_owner_replaces_product(
    api: httpx.Client, catalog: Catalog, alice: Headers, product: Json
) -> None:
    other = catalog.category()
    sent = {
        "name": unique("Gyokuro"),
        "description": "Shaded",
        "price": 30,
        "category_id": other["id"],
    }
    url = f"/api/products/{product['id']}/"
    updated = expect(api.put(url, json=sent, headers=alice), 200)
    assert updated == {
        **product,
        **sent,
        "price": "30.00",
        "updated_at": updated["updated_at"],
    }
    assert _moment(updated["updated_at"]) > _moment(product["updated_at"])
    assert expect(api.get(url), 200) == updated


def test_owner_changes_only_the_price(api: httpx.Client, alice: Headers, product: Json) -> None:
    url = f"/api/products/{product['id']}/"
    updated = expect(api.patch(url, json={"price": "3.1"}, headers=alice), 200)
    assert updated == {**product, "price": "3.10", "updated_at": updated["updated_at"]}
    assert expect(api.get(url), 200) == updated


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", "1.005"),
        ("price", -1),
        ("price", "1e-100000"),
        ("name", ""),
        ("category_id", "abc"),
    ],
    ids=[
        "price-three-places",
        "price-negative",
        "price-tiny-exponent",
        "name-empty",
        "category-not-an-id",
    ],
)
def test_invalid_change_is_rejected_and_not_applied(
    api: httpx.Client, alice: Headers, product: Json, field: str, value: Any
) -> None:
    url = f"/api/products/{product['id']}/"
    expect_rejected(api.patch(url, json={field: value}, headers=alice), field)
    assert expect(api.get(url), 200) == product


def test_moving_a_product_to_a_missing_category_is_rejected(
    api: httpx.Client, catalog: Catalog, staff: Headers, alice: Headers, product: Json
) -> None:
    gone = catalog.category()
    expect(api.delete(f"/api/categories/{gone['id']}/", headers=staff), 204)
    url = f"/api/products/{product['id']}/"
    expect_rejected(api.patch(url, json={"category_id": gone["id"]}, headers=alice), "category_id")
    assert expect(api.get(url), 200) == product


def _products_in(api: httpx.Client, category: Json) -> list[Json]:
    page = expect(
        api.get("/api/products/", params={"category_id": category["id"], "limit": 100}), 200
    )
    return page["results"]
