"""Errors are JSON, name what was wrong, and bad input never causes a 500."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from .catalog import Headers, Json
from .checks import VALIDATION_ERROR, assert_json, describe, expect, expect_rejected, unique

# Integers that a 32-bit or a 64-bit id column cannot hold.
BEYOND_INT32 = str(2**31)
BEYOND_INT64 = "99999999999999999999"


@pytest.fixture
def missing_product(api: httpx.Client, alice: Headers, product: Json) -> str:
    """URL of a product that existed and was deleted."""
    url = f"/api/products/{product['id']}/"
    expect(api.delete(url, headers=alice), 204)
    return url


@pytest.fixture
def missing_category(api: httpx.Client, staff: Headers, category: Json) -> str:
    url = f"/api/categories/{category['id']}/"
    expect(api.delete(url, headers=staff), 204)
    return url


def test_missing_product_is_a_json_404(api: httpx.Client, missing_product: str) -> None:
    expect(api.get(missing_product), 404)


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_changing_a_missing_product_is_a_json_404(
    api: httpx.Client, alice: Headers, category: Json, missing_product: str, method: str
) -> None:
    body = None
    if method != "DELETE":
        body = {"name": unique("product"), "price": "1.00", "category_id": category["id"]}
    expect(api.request(method, missing_product, json=body, headers=alice), 404)


def test_missing_category_is_a_json_404(api: httpx.Client, missing_category: str) -> None:
    expect(api.get(missing_category), 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/no-such-endpoint/",
        "/api/no-such-endpoint",
        "/api/products/1/no-such-thing/",
    ],
)
def test_unknown_path_under_api_is_a_json_404(api: httpx.Client, path: str) -> None:
    expect(api.get(path), 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/products/not-a-number/",
        f"/api/products/{BEYOND_INT32}/",
        f"/api/products/{BEYOND_INT64}/",
        f"/api/categories/{BEYOND_INT32}/",
    ],
)
def test_id_that_cannot_exist_is_a_json_client_error(api: httpx.Client, path: str) -> None:
    response = api.get(path)
    assert 400 <= response.status_code < 500, describe(response)
    assert_json(response)


def test_unsupported_method_is_a_json_405(api: httpx.Client, staff: Headers) -> None:
    expect(api.delete("/api/products/", headers=staff), 405)


@pytest.mark.parametrize(
    "content",
    [b'{"name": "unterminated', b"[1, 2]", b'"a string"', b"\xff\xfe"],
    ids=["truncated", "array", "string", "not-utf8"],
)
def test_malformed_body_is_a_json_client_error(
    api: httpx.Client, alice: Headers, content: bytes
) -> None:
    headers = {**alice, "Content-Type": "application/json"}
    expect(api.post("/api/products/", content=content, headers=headers), *VALIDATION_ERROR)


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("min_price", "abc"),
        ("max_price", "abc"),
        ("min_price", "NaN"),
        ("category_id", "abc"),
        ("limit", "-1"),
        ("limit", "abc"),
        ("offset", "-1"),
        ("offset", "abc"),
        ("ordering", "bogus"),
        ("ordering", "-bogus"),
        ("ordering", "owner_id"),
    ],
    ids=lambda value: value,
)
def test_bad_product_query_is_rejected_naming_the_parameter(
    api: httpx.Client, category: Json, parameter: str, value: str
) -> None:
    params = {"category_id": category["id"], parameter: value}
    expect_rejected(api.get("/api/products/", params=params), parameter)


@pytest.mark.parametrize(
    ("parameter", "value"), [("limit", "-1"), ("limit", "abc"), ("offset", "abc")]
)
def test_bad_category_query_is_rejected_naming_the_parameter(
    api: httpx.Client, parameter: str, value: str
) -> None:
    expect_rejected(api.get("/api/categories/", params={parameter: value}), parameter)


@pytest.mark.parametrize(
    ("params", "finds_product"),
    [
        pytest.param({"search": "\x00"}, False, id="search-nul"),
        pytest.param({"search": "%"}, False, id="search-percent"),
        pytest.param({"search": "_"}, False, id="search-underscore"),
        pytest.param({"search": "x" * 5000}, False, id="search-5000-characters"),
        pytest.param({"category_id": BEYOND_INT32}, False, id="category_id-beyond-int32"),
        pytest.param({"category_id": BEYOND_INT64}, False, id="category_id-beyond-int64"),
        pytest.param({"min_price": "1e20"}, False, id="min_price-beyond-the-column"),
        pytest.param({"min_price": "1e400"}, False, id="min_price-beyond-float"),
        pytest.param({"max_price": "-1e400"}, False, id="max_price-below-float"),
        pytest.param({"min_price": "0e-100000"}, True, id="min_price-zero-tiny-exponent"),
        pytest.param({"offset": BEYOND_INT64}, False, id="offset-beyond-int64"),
        pytest.param({"limit": BEYOND_INT64}, True, id="limit-beyond-int64"),
    ],
)
def test_odd_query_values_never_cause_a_server_error(
    api: httpx.Client, product: Json, params: dict[str, str], finds_product: bool
) -> None:
    """Either a validation error or a page; a search is literal text, not a pattern."""
    query = {"category_id": product["category_id"], **params}
    response = api.get("/api/products/", params=query)
    assert response.status_code < 500, describe(response)
    if response.status_code == 200:
        expected = [product] if finds_product else []
        assert assert_json(response)["results"] == expected, describe(response)
    else:
        expect(response, *VALIDATION_ERROR)


def test_nul_character_in_a_name_never_causes_a_server_error(
    api: httpx.Client, alice: Headers, category: Json
) -> None:
    sent = {"name": "nul\x00name", "price": "1.00", "category_id": category["id"]}
    response = api.post("/api/products/", json=sent, headers=alice)
    expect(response, 201, *VALIDATION_ERROR)


@pytest.mark.parametrize(
    ("params", "finds_product"),
    [
        pytest.param({"min_price": "1e-100000"}, True, id="min_price-1e-100000"),
        pytest.param({"min_price": "1E-16390"}, True, id="min_price-1E-16390"),
        pytest.param({"max_price": "1e-100000"}, False, id="max_price-1e-100000"),
        pytest.param({"max_price": "1E-16390"}, False, id="max_price-1E-16390"),
    ],
)
def test_price_bound_with_an_extreme_exponent_filters_or_is_rejected_naming_it(
    api: httpx.Client, product: Json, params: dict[str, str], finds_product: bool
) -> None:
    """A scale that no numeric column holds: compared exactly, or refused naming the bound."""
    query = {"category_id": product["category_id"], **params}
    response = api.get("/api/products/", params=query)
    if response.status_code == 200:
        expected = [product] if finds_product else []
        assert assert_json(response)["results"] == expected, describe(response)
    else:
        (parameter,) = params
        expect_rejected(response, parameter)


def _raw_json(body: dict[str, Any]) -> bytes:
    # json.dumps writes a lone surrogate as the escape \ud800: valid JSON text that no
    # UTF-8 string, nor any database, can hold.
    return json.dumps(body).encode()


LONE_SURROGATE = "\ud800"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_lone_surrogate_in_a_category_name_is_rejected_naming_it(
    api: httpx.Client, staff: Headers, category: Json, method: str
) -> None:
    url = "/api/categories/" if method == "POST" else f"/api/categories/{category['id']}/"
    content = _raw_json({"name": f"tea {LONE_SURROGATE}"})
    headers = {**staff, "Content-Type": "application/json"}
    expect_rejected(api.request(method, url, content=content, headers=headers), "name")
    assert expect(api.get(f"/api/categories/{category['id']}/"), 200) == category


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
@pytest.mark.parametrize("field", ["name", "description", "price", "category_id"])
def test_lone_surrogate_in_a_product_field_is_rejected_naming_it(
    api: httpx.Client, alice: Headers, product: Json, method: str, field: str
) -> None:
    url = "/api/products/" if method == "POST" else f"/api/products/{product['id']}/"
    body = {"name": unique("product"), "price": "1.00", "category_id": product["category_id"]}
    content = _raw_json({**body, field: f"x{LONE_SURROGATE}"})
    headers = {**alice, "Content-Type": "application/json"}
    expect_rejected(api.request(method, url, content=content, headers=headers), field)
    assert expect(api.get(f"/api/products/{product['id']}/"), 200) == product
