"""Product filters: category_id, min_price, max_price and search."""

from __future__ import annotations

import uuid

import httpx
import pytest

from .catalog import Catalog, Headers
from .checks import expect


@pytest.fixture(scope="module")
def shelf(catalog: Catalog, alice: Headers) -> dict:
    """Two categories of products whose names share a token of this run."""
    token = "qz" + uuid.uuid4().hex[:10]
    tea, cups = catalog.category(), catalog.category()
    return {
        "token": token,
        "tea": tea,
        "cups": cups,
        "alpha": catalog.product(alice, tea, name=f"Alpha {token}", price="5.00"),
        "beta": catalog.product(alice, tea, name=f"beta-{token}-leaf", price="10.00"),
        "gamma": catalog.product(alice, tea, name=f"{token.upper()} Gamma", price="10.50"),
        "delta": catalog.product(
            alice, tea, name="Delta", price="20.00", description=f"no {token} in the name"
        ),
        "epsilon": catalog.product(alice, cups, name=f"Cup {token}", price="10.00"),
    }


def _names(api: httpx.Client, shelf: dict, **params: str | int) -> set[str]:
    page = expect(api.get("/api/products/", params={"limit": 100, **params}), 200)
    assert page["count"] == len(page["results"])
    by_id = {shelf[key]["id"]: key for key in ("alpha", "beta", "gamma", "delta", "epsilon")}
    return {by_id.get(item["id"], item["name"]) for item in page["results"]}


def test_category_filter_keeps_that_categorys_products(api: httpx.Client, shelf: dict) -> None:
    assert _names(api, shelf, category_id=shelf["tea"]["id"]) == {
        "alpha",
        "beta",
        "gamma",
        "delta",
    }
    assert _names(api, shelf, category_id=shelf["cups"]["id"]) == {"epsilon"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"min_price": "10"}, {"beta", "gamma", "delta"}),
        ({"min_price": "10.01"}, {"gamma", "delta"}),
        ({"min_price": "10.5"}, {"gamma", "delta"}),
        ({"max_price": "10"}, {"alpha", "beta"}),
        ({"max_price": "10.49"}, {"alpha", "beta"}),
        ({"min_price": "10", "max_price": "10.50"}, {"beta", "gamma"}),
        ({"min_price": "0", "max_price": "99999999.99"}, {"alpha", "beta", "gamma", "delta"}),
        ({"min_price": "20.01"}, set()),
    ],
    ids=lambda value: (
        "&".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None
    ),
)
def test_price_filters_include_their_bounds(
    api: httpx.Client, shelf: dict, params: dict, expected: set[str]
) -> None:
    assert _names(api, shelf, category_id=shelf["tea"]["id"], **params) == expected


@pytest.mark.parametrize("spelling", [str.upper, str.lower, lambda token: token[3:9].upper()])
def test_search_finds_a_substring_of_the_name_in_any_case(
    api: httpx.Client, shelf: dict, spelling
) -> None:
    found = _names(api, shelf, search=spelling(shelf["token"]))
    assert found == {"alpha", "beta", "gamma", "epsilon"}


def test_search_ignores_the_description(api: httpx.Client, shelf: dict) -> None:
    assert "delta" not in _names(api, shelf, search=shelf["token"])


def test_filters_combine(api: httpx.Client, shelf: dict) -> None:
    found = _names(api, shelf, search=shelf["token"], category_id=shelf["tea"]["id"], min_price=10)
    assert found == {"beta", "gamma"}
