"""Product ordering: by name, price or creation time, ties broken by id."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import httpx
import pytest

from .catalog import Catalog, Headers, Json
from .checks import expect

# Created one after another in this order. Prices compare as numbers, not
# strings ("9.00" < "10.00" < "100.00"), and three share one price.
ROWS = [
    ("cherry", "10.00"),
    ("apple", "50.00"),
    ("fig", "9.00"),
    ("banana", "50.00"),
    ("elder", "100.00"),
    ("date", "50.00"),
]


@pytest.fixture(scope="module")
def shelf(catalog: Catalog, alice: Headers) -> tuple[Json, list[Json]]:
    """A category and its products, in the order they were created."""
    category = catalog.category()
    # One shared prefix, lowercase, no spaces: the same order in any collation.
    prefix = "ord" + uuid.uuid4().hex[:8]
    made = [
        catalog.product(alice, category, name=f"{prefix}{fruit}", price=price)
        for fruit, price in ROWS
    ]
    # PostgreSQL writes an updated row anew at the end of the table: without
    # a tie-break by id, "apple" would now follow the other 50.00 products.
    apple = made[1]
    expect(
        catalog.api.patch(
            f"/api/products/{apple['id']}/", json={"description": "moved"}, headers=alice
        ),
        200,
    )
    return category, made


def _ordered(api: httpx.Client, category: Json, **params: str | int) -> list[Json]:
    page = expect(api.get("/api/products/", params={"category_id": category["id"], **params}), 200)
    return page["results"]


def _key(field: str):
    return {
        "name": lambda product: product["name"],
        "price": lambda product: Decimal(product["price"]),
        "created_at": lambda product: datetime.fromisoformat(product["created_at"]),
    }[field]


def _ties_by_id(products: list[Json], field: str, descending: bool) -> list[list[int]]:
    """Both orders a correct answer may take: ties by ascending or by descending id."""
    key = _key(field)
    return [
        [
            product["id"]
            for product in sorted(
                products, key=lambda p: (key(p), direction * p["id"]), reverse=descending
            )
        ]
        for direction in (1, -1)
    ]


def test_newest_products_come_first_by_default(
    api: httpx.Client, shelf: tuple[Json, list[Json]]
) -> None:
    category, made = shelf
    assert [p["id"] for p in _ordered(api, category)] == [p["id"] for p in reversed(made)]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("field", ["name", "price", "created_at"])
def test_ordering_sorts_by_the_field_with_ties_broken_by_id(
    api: httpx.Client, shelf: tuple[Json, list[Json]], field: str, descending: bool
) -> None:
    category, made = shelf
    ordering = f"-{field}" if descending else field
    got = [p["id"] for p in _ordered(api, category, ordering=ordering)]
    assert got in _ties_by_id(made, field, descending), (ordering, got)


def test_creation_order_is_the_order_of_created_at(shelf: tuple[Json, list[Json]]) -> None:
    _, made = shelf
    moments = [_key("created_at")(product) for product in made]
    assert moments == sorted(moments)


@pytest.mark.parametrize("ordering", ["price", "-price"])
def test_tied_products_keep_their_order_across_pages(
    api: httpx.Client, shelf: tuple[Json, list[Json]], ordering: str
) -> None:
    category, made = shelf
    whole = [p["id"] for p in _ordered(api, category, ordering=ordering)]
    one_by_one = [
        p["id"]
        for offset in range(len(made))
        for p in _ordered(api, category, ordering=ordering, limit=1, offset=offset)
    ]
    assert one_by_one == whole
    assert [p["id"] for p in _ordered(api, category, ordering=ordering)] == whole
