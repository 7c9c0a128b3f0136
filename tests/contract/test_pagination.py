"""The page envelope: count, next, previous, results; limit and offset."""

from __future__ import annotations

import httpx
import pytest

from .catalog import Catalog, Headers, Json
from .checks import expect

CROWD = 101  # one more than the largest page


@pytest.fixture(scope="module")
def crowded(catalog: Catalog, alice: Headers) -> Json:
    """A category holding 101 products."""
    category = catalog.category()
    catalog.products(alice, category, CROWD)
    return category


@pytest.fixture(scope="module")
def many_categories(api: httpx.Client, catalog: Catalog) -> int:
    """How many categories there are, made at least 101 (one more than the
    largest page) by adding to those the server already has."""
    count = expect(api.get("/api/categories/"), 200)["count"]
    catalog.categories(max(0, CROWD - count))
    return max(count, CROWD)


def _page(api: httpx.Client, crowded: Json, **params: int) -> dict:
    return expect(api.get("/api/products/", params={"category_id": crowded["id"], **params}), 200)


def _ids(page: dict) -> list[int]:
    return [item["id"] for item in page["results"]]


@pytest.mark.parametrize("path", ["/api/products/", "/api/categories/"])
def test_list_is_a_page_envelope(api: httpx.Client, path: str) -> None:
    page = expect(api.get(path), 200)
    assert set(page) >= {"count", "next", "previous", "results"}
    assert isinstance(page["count"], int)
    assert isinstance(page["results"], list)
    assert page["next"] is None or isinstance(page["next"], str)
    assert page["previous"] is None


def test_product_page_has_20_products_by_default(api: httpx.Client, crowded: Json) -> None:
    page = _page(api, crowded)
    assert page["count"] == CROWD
    assert len(page["results"]) == 20
    assert page["previous"] is None
    assert page["next"]


def test_category_page_has_20_categories_by_default(
    api: httpx.Client, many_categories: int
) -> None:
    page = expect(api.get("/api/categories/"), 200)
    assert page["count"] >= many_categories
    assert len(page["results"]) == 20
    assert page["next"]


@pytest.mark.parametrize("limit", [100, 101, 1000])
def test_product_page_holds_at_most_100_products(
    api: httpx.Client, crowded: Json, limit: int
) -> None:
    page = _page(api, crowded, limit=limit)
    assert page["count"] == CROWD
    assert len(page["results"]) == 100
    assert page["next"]


def test_category_page_holds_at_most_100_categories(
    api: httpx.Client, many_categories: int
) -> None:
    page = expect(api.get("/api/categories/", params={"limit": 1000}), 200)
    assert page["count"] >= many_categories
    assert len(page["results"]) == 100


def test_limit_and_offset_select_a_window(api: httpx.Client, crowded: Json) -> None:
    everything = _ids(_page(api, crowded, limit=100))
    window = _page(api, crowded, limit=7, offset=31)
    assert _ids(window) == everything[31:38]
    assert window["count"] == CROWD
    assert window["previous"]
    assert window["next"]


def test_offset_past_the_end_gives_an_empty_page(api: httpx.Client, crowded: Json) -> None:
    page = _page(api, crowded, offset=CROWD)
    assert page["results"] == []
    assert page["count"] == CROWD
    assert page["next"] is None


def test_next_link_leads_to_the_following_page(api: httpx.Client, crowded: Json) -> None:
    everything = _ids(_page(api, crowded, limit=100))
    first = _page(api, crowded)
    second = expect(api.get(first["next"]), 200)
    assert _ids(first) + _ids(second) == everything[:40]
    back = expect(api.get(second["previous"]), 200)
    assert _ids(back) == _ids(first)


def test_following_next_links_visits_every_product_once(api: httpx.Client, crowded: Json) -> None:
    page = _page(api, crowded, limit=30)
    seen = _ids(page)
    sizes = [len(seen)]
    while page["next"] and len(sizes) < 10:
        page = expect(api.get(page["next"]), 200)
        seen += _ids(page)
        sizes.append(len(page["results"]))
    assert sizes == [30, 30, 30, 11]
    assert len(set(seen)) == CROWD
    assert page["next"] is None
