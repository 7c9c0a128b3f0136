"""Lists: the page envelope, limit and offset, filters, and ordering."""

from typing import Any

import pytest
from httpx import AsyncClient

from .conftest import Headers, MakeProduct
from .test_categories import error_fields


async def names(client: AsyncClient, query: str) -> list[str]:
    response = await client.get(f"/api/products/?{query}")
    assert response.status_code == 200, response.text
    return [product["name"] for product in response.json()["results"]]


async def test_pages_link_to_each_other_keeping_the_other_parameters(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    for index in range(5):
        await make_product(name=f"Tea {index}")
    first = (await client.get("/api/products/?limit=2&search=tea&ordering=name")).json()
    assert first["count"] == 5
    assert [p["name"] for p in first["results"]] == ["Tea 0", "Tea 1"]
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/products/?")
    for parameter in ("limit=2", "offset=2", "search=tea", "ordering=name"):
        assert parameter in first["next"]

    second = (await client.get(first["next"])).json()
    assert [p["name"] for p in second["results"]] == ["Tea 2", "Tea 3"]
    last = (await client.get(second["next"])).json()
    assert [p["name"] for p in last["results"]] == ["Tea 4"]
    assert last["next"] is None
    assert (await client.get(last["previous"])).json() == second


async def test_offset_past_the_end_still_counts(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    await make_product()
    page = (await client.get("/api/products/?offset=10")).json()
    assert (page["count"], page["results"], page["next"]) == (1, [], None)
    assert "offset=0" in page["previous"]


async def test_limit_defaults_to_20_and_is_capped_at_100(
    client: AsyncClient, staff: Headers
) -> None:
    for index in range(101):
        await client.post("/api/categories/", json={"name": f"Category {index:03}"}, headers=staff)
    assert len((await client.get("/api/categories/")).json()["results"]) == 20
    capped = (await client.get("/api/categories/?limit=500")).json()
    assert (capped["count"], len(capped["results"])) == (101, 100)
    assert "limit=100" in capped["next"]


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=-1", "limit=x", "offset=-1", f"offset={2**63}"]
)
async def test_bad_paging_parameters_are_refused(client: AsyncClient, query: str) -> None:
    response = await client.get(f"/api/products/?{query}")
    assert response.status_code == 422
    assert error_fields(response.json()) == {query.split("=")[0]}


async def test_filters_by_category_and_price_range(
    client: AsyncClient, staff: Headers, make_product: MakeProduct
) -> None:
    coffee = (await client.post("/api/categories/", json={"name": "Coffee"}, headers=staff)).json()
    await make_product(name="Cheap tea", price="2.00")
    await make_product(name="Fine tea", price="20.00")
    await make_product(name="Espresso", price="8.00", category_id=coffee["id"])

    assert await names(client, f"category_id={coffee['id']}") == ["Espresso"]
    assert await names(client, "min_price=5&max_price=10") == ["Espresso"]
    assert await names(client, "min_price=2.00&ordering=price") == [
        "Cheap tea",
        "Espresso",
        "Fine tea",
    ]
    assert await names(client, "max_price=1.99") == []


async def test_search_is_a_case_insensitive_part_of_the_name(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    for name in ("Green Tea", "TEAPOT", "Coffee", "100% juice"):
        await make_product(name=name)
    assert sorted(await names(client, "search=tea")) == ["Green Tea", "TEAPOT"]
    # Wildcards are matched literally.
    assert await names(client, "search=%25") == ["100% juice"]
    assert await names(client, "search=_") == []


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", ["A", "B", "C"]),
        ("-name", ["C", "B", "A"]),
        ("price", ["B", "C", "A"]),
        ("-price", ["A", "C", "B"]),
        ("created_at", ["B", "A", "C"]),
        ("-created_at", ["C", "A", "B"]),
    ],
)
async def test_ordering(
    client: AsyncClient, make_product: MakeProduct, ordering: str, expected: list[str]
) -> None:
    await make_product(name="B", price="1.00")
    await make_product(name="A", price="3.00")
    await make_product(name="C", price="2.00")
    assert await names(client, f"ordering={ordering}") == expected


async def test_default_ordering_is_newest_first(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    for name in ("first", "second", "third"):
        await make_product(name=name)
    assert await names(client, "") == ["third", "second", "first"]


async def test_ties_are_broken_by_id(client: AsyncClient, make_product: MakeProduct) -> None:
    ids = [(await make_product(name="Same", price="5.00"))["id"] for _ in range(3)]
    for ordering in ("price", "-price", "name", "-name"):
        page = (await client.get(f"/api/products/?ordering={ordering}")).json()
        assert [p["id"] for p in page["results"]] == sorted(ids)


@pytest.mark.parametrize(
    "query",
    [
        "ordering=owner_id",
        "ordering=--name",
        "min_price=abc",
        "min_price=NaN",
        "min_price=100000000",
        "max_price=1e400",
        "min_price=1e-100000",
        "max_price=1E-16390",
        "min_price=12.345",
        "category_id=x",
        f"category_id={2**31}",
        "search=%00",
    ],
)
async def test_bad_filters_are_refused_naming_the_parameter(
    client: AsyncClient, query: str
) -> None:
    response = await client.get(f"/api/products/?{query}")
    assert response.status_code == 422
    assert error_fields(response.json()) == {query.split("=")[0]}


async def test_price_filters_take_any_spelling_of_a_two_place_price(
    client: AsyncClient, make_product: MakeProduct
) -> None:
    await make_product(name="Free sample", price="0")
    await make_product(name="Sencha", price="1.50")
    assert await names(client, "min_price=0e-100000&ordering=price") == ["Free sample", "Sencha"]
    assert await names(client, "max_price=-0") == ["Free sample"]
    assert await names(client, "min_price=1.500") == ["Sencha"]
    assert await names(client, "max_price=15e-1&min_price=1E%2B0") == ["Sencha"]


async def test_list_rows_match_the_detail(
    client: AsyncClient, make_product: MakeProduct, category: dict[str, Any]
) -> None:
    product = await make_product(description="Steamed", price=7)
    listed = (await client.get("/api/products/")).json()["results"]
    assert listed == [product]
