"""Categories: who may change them and what a valid one is."""

from __future__ import annotations

import httpx
import pytest

from .catalog import Catalog, Headers, Json
from .checks import expect, expect_rejected, ignored_or_rejected, unique

UNSAFE_METHODS = ["PUT", "PATCH", "DELETE"]


def _change(api: httpx.Client, method: str, category: Json, headers: Headers) -> httpx.Response:
    body = None if method == "DELETE" else {"name": unique("renamed")}
    return api.request(method, f"/api/categories/{category['id']}/", json=body, headers=headers)


def _padded(length: int) -> str:
    name = unique("category")
    return name + "x" * (length - len(name))


def test_staff_creates_category(api: httpx.Client, catalog: Catalog, staff: Headers) -> None:
    name = unique("Tea")
    created = catalog.remove_at_end(
        expect(api.post("/api/categories/", json={"name": name}, headers=staff), 201)
    )
    assert isinstance(created["id"], int)
    assert created["name"] == name
    assert expect(api.get(f"/api/categories/{created['id']}/"), 200) == created


def test_anyone_reads_a_category(api: httpx.Client, category: Json) -> None:
    assert expect(api.get(f"/api/categories/{category['id']}/"), 200) == category


def test_anyone_lists_categories(api: httpx.Client, category: Json) -> None:
    page = expect(api.get("/api/categories/", params={"limit": 1}), 200)
    assert set(page) >= {"count", "next", "previous", "results"}
    assert page["count"] >= 1
    assert len(page["results"]) == 1


def test_category_name_may_have_100_characters(
    api: httpx.Client, catalog: Catalog, staff: Headers
) -> None:
    name = _padded(100)
    created = expect(api.post("/api/categories/", json={"name": name}, headers=staff), 201)
    catalog.remove_at_end(created)
    assert created["name"] == name


@pytest.mark.parametrize(
    "name",
    [pytest.param(_padded(101), id="101-characters"), pytest.param("", id="empty"), None],
)
def test_category_name_outside_1_to_100_characters_is_rejected(
    api: httpx.Client, staff: Headers, name: str | None
) -> None:
    response = api.post("/api/categories/", json={"name": name}, headers=staff)
    expect_rejected(response, "name")


def test_category_name_is_required(api: httpx.Client, staff: Headers) -> None:
    expect_rejected(api.post("/api/categories/", json={}, headers=staff), "name")


@pytest.mark.parametrize("spelling", [str, str.upper, str.title], ids=["same", "upper", "title"])
def test_category_names_are_unique_ignoring_case(
    api: httpx.Client, staff: Headers, category: Json, spelling
) -> None:
    taken = spelling(category["name"])
    response = api.post("/api/categories/", json={"name": taken}, headers=staff)
    expect_rejected(response, "name")


def test_category_cannot_be_renamed_to_a_name_taken_in_other_case(
    api: httpx.Client, catalog: Catalog, staff: Headers, category: Json
) -> None:
    other = catalog.category()
    response = api.patch(
        f"/api/categories/{other['id']}/", json={"name": category["name"].upper()}, headers=staff
    )
    expect_rejected(response, "name")
    assert expect(api.get(f"/api/categories/{other['id']}/"), 200) == other


def test_category_keeps_its_own_name_in_another_case(
    api: httpx.Client, staff: Headers, category: Json
) -> None:
    renamed = category["name"].upper()
    response = api.put(f"/api/categories/{category['id']}/", json={"name": renamed}, headers=staff)
    assert expect(response, 200)["name"] == renamed


def test_category_id_in_the_body_is_never_applied(
    api: httpx.Client, catalog: Catalog, staff: Headers, category: Json
) -> None:
    sent = {"name": unique("category"), "id": category["id"]}
    if created := ignored_or_rejected(api.post("/api/categories/", json=sent, headers=staff), 201):
        catalog.remove_at_end(created)
        assert created["id"] != category["id"]
    assert expect(api.get(f"/api/categories/{category['id']}/"), 200) == category


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_staff_renames_category(
    api: httpx.Client, staff: Headers, category: Json, method: str
) -> None:
    name = unique("Oolong")
    url = f"/api/categories/{category['id']}/"
    updated = expect(api.request(method, url, json={"name": name}, headers=staff), 200)
    assert updated == {**category, "name": name}
    assert expect(api.get(url), 200) == updated


def test_staff_deletes_category(api: httpx.Client, staff: Headers, category: Json) -> None:
    url = f"/api/categories/{category['id']}/"
    expect(api.delete(url, headers=staff), 204)
    expect(api.get(url), 404)


def test_deleting_a_category_deletes_its_products(
    api: httpx.Client, catalog: Catalog, staff: Headers, alice: Headers, category: Json
) -> None:
    products = [catalog.product(alice, category) for _ in range(2)]
    kept = catalog.product(alice, catalog.category())
    expect(api.delete(f"/api/categories/{category['id']}/", headers=staff), 204)
    for product in products:
        expect(api.get(f"/api/products/{product['id']}/"), 404)
    assert expect(api.get(f"/api/products/{kept['id']}/"), 200) == kept


def test_anonymous_user_cannot_create_category(api: httpx.Client) -> None:
    expect(api.post("/api/categories/", json={"name": unique("category")}), 401)


def test_regular_user_cannot_create_category(api: httpx.Client, alice: Headers) -> None:
    name = unique("category")
    expect(api.post("/api/categories/", json={"name": name}, headers=alice), 403)


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_anonymous_user_cannot_change_category(
    api: httpx.Client, category: Json, method: str
) -> None:
    expect(_change(api, method, category, {}), 401)
    assert expect(api.get(f"/api/categories/{category['id']}/"), 200) == category


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_regular_user_cannot_change_category(
    api: httpx.Client, alice: Headers, category: Json, method: str
) -> None:
    expect(_change(api, method, category, alice), 403)
    assert expect(api.get(f"/api/categories/{category['id']}/"), 200) == category
