from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.response import Response
from rest_framework.test import APIClient

from ...users.models import User
from ..models import Product
from .factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db

URL = "/api/products/"


def names(response: Response) -> list[str]:
    return [product["name"] for product in response.json()["results"]]


def ids(response: Response) -> list[int]:
    return [product["id"] for product in response.json()["results"]]


@pytest.fixture
def many_products(user: User) -> list[Product]:
    return ProductFactory.create_batch(105, owner=user, category=CategoryFactory())


def test_list_answers_a_page_of_20_by_default(
    anonymous: APIClient, many_products: list[Product]
) -> None:
    response = anonymous.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 105
    assert len(body["results"]) == 20
    assert body["previous"] is None
    assert "limit=20" in body["next"]
    assert "offset=20" in body["next"]


def test_limit_is_capped_at_100(anonymous: APIClient, many_products: list[Product]) -> None:
    response = anonymous.get(URL, {"limit": 1000})

    assert len(response.json()["results"]) == 100


def test_offset_past_the_end_answers_an_empty_page(
    anonymous: APIClient, many_products: list[Product]
) -> None:
    response = anonymous.get(URL, {"offset": 1000})

    assert response.status_code == 200
    assert response.json()["count"] == 105
    assert response.json()["results"] == []


def test_next_and_previous_walk_the_pages(
    anonymous: APIClient, many_products: list[Product]
) -> None:
    first = anonymous.get(URL, {"limit": 50})
    second = anonymous.get(first.json()["next"])
    third = anonymous.get(second.json()["next"])

    assert len(third.json()["results"]) == 5
    assert third.json()["next"] is None
    seen = ids(first) + ids(second) + ids(third)
    assert sorted(seen) == sorted(product.pk for product in many_products)
    assert anonymous.get(second.json()["previous"]).json() == first.json()


def test_list_runs_two_queries_whatever_the_page_size(
    anonymous: APIClient, many_products: list[Product], django_assert_num_queries: Any
) -> None:
    # One count and one page of rows: nothing per product.
    with django_assert_num_queries(2):
        response = anonymous.get(URL, {"limit": 100})

    assert len(response.json()["results"]) == 100


def test_filter_by_category(anonymous: APIClient) -> None:
    books, audio = CategoryFactory(), CategoryFactory()
    ProductFactory(name="Novel", category=books)
    ProductFactory(name="Speaker", category=audio)

    response = anonymous.get(URL, {"category_id": books.pk})

    assert names(response) == ["Novel"]


def test_filter_by_unknown_category_finds_nothing(anonymous: APIClient) -> None:
    ProductFactory()

    response = anonymous.get(URL, {"category_id": 999999})

    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_filter_by_price_range_includes_the_bounds(anonymous: APIClient) -> None:
    for name, price in [("cheap", "5.00"), ("low", "10.00"), ("high", "20.00"), ("dear", "25")]:
        ProductFactory(name=name, price=Decimal(price))

    response = anonymous.get(URL, {"min_price": "10", "max_price": "20.00", "ordering": "price"})

    assert names(response) == ["low", "high"]


def test_search_finds_part_of_the_name_ignoring_case(anonymous: APIClient) -> None:
    ProductFactory(name="Smartphone X")
    ProductFactory(name="Headphones")
    ProductFactory(name="Desk")

    response = anonymous.get(URL, {"search": "PHONE", "ordering": "name"})

    assert names(response) == ["Headphones", "Smartphone X"]


def test_search_ignores_the_description(anonymous: APIClient) -> None:
    ProductFactory(name="Desk", description="Holds a phone")
    ProductFactory(name="Phone stand", description="")

    response = anonymous.get(URL, {"search": "pHoNe"})

    assert names(response) == ["Phone stand"]


def test_filters_combine(anonymous: APIClient) -> None:
    books = CategoryFactory()
    ProductFactory(name="Cheap novel", category=books, price=Decimal("5"))
    ProductFactory(name="Dear novel", category=books, price=Decimal("50"))
    ProductFactory(name="Dear speaker", price=Decimal("50"))

    response = anonymous.get(URL, {"category_id": books.pk, "min_price": 10, "search": "novel"})

    assert names(response) == ["Dear novel"]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("min_price", "abc"),
        ("max_price", "1e"),
        ("category_id", "x"),
        ("category_id", "1.5"),
        ("category_id", "99999999999999999999"),
        ("ordering", "bogus"),
        ("ordering", "owner"),
        ("ordering", "name,price"),
        ("limit", "-1"),
        ("limit", "0"),
        ("limit", "abc"),
        ("offset", "-1"),
        ("offset", "1.5"),
        ("offset", "99999999999999999999"),
    ],
)
def test_invalid_query_parameter_is_a_400_naming_it(
    anonymous: APIClient, param: str, value: str
) -> None:
    ProductFactory()

    response = anonymous.get(URL, {param: value})

    assert response.status_code == 400
    assert param in response.json()


@pytest.mark.parametrize(
    ("value", "status", "count"),
    [("1e400", 400, None), ("99999999999999999999", 200, 0), ("-1e30", 200, 1)],
)
def test_absurd_price_bounds_are_answered_not_crashed_on(
    anonymous: APIClient, value: str, status: int, count: int | None
) -> None:
    ProductFactory()

    response = anonymous.get(URL, {"min_price": value})

    assert response.status_code == status
    if count is None:
        assert "min_price" in response.json()
    else:
        assert response.json()["count"] == count


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", ["apple", "banana", "cherry"]),
        ("-name", ["cherry", "banana", "apple"]),
        ("price", ["banana", "cherry", "apple"]),
        ("-price", ["apple", "cherry", "banana"]),
        ("created_at", ["cherry", "apple", "banana"]),
        ("-created_at", ["banana", "apple", "cherry"]),
    ],
)
def test_ordering_by_each_field(anonymous: APIClient, ordering: str, expected: list[str]) -> None:
    for day, (name, price) in enumerate([("cherry", "2"), ("apple", "3"), ("banana", "1")], 1):
        product = ProductFactory(name=name, price=Decimal(price))
        Product.objects.filter(pk=product.pk).update(created_at=datetime(2025, 1, day, tzinfo=UTC))

    response = anonymous.get(URL, {"ordering": ordering})

    assert names(response) == expected


def test_newest_products_come_first_by_default(anonymous: APIClient) -> None:
    older, newer = ProductFactory(), ProductFactory()
    Product.objects.filter(pk=older.pk).update(created_at=datetime(2024, 1, 1, tzinfo=UTC))

    response = anonymous.get(URL)

    assert ids(response) == [newer.pk, older.pk]


@pytest.mark.parametrize(
    ("ordering", "ids_ascending"),
    [
        ("name", True),
        ("-name", False),
        ("price", True),
        ("-price", False),
        ("created_at", True),
        ("-created_at", False),
        (None, False),
    ],
)
def test_ties_are_broken_by_id_in_the_direction_of_the_ordering(
    anonymous: APIClient, ordering: str | None, ids_ascending: bool
) -> None:
    same_time = datetime(2025, 1, 1, tzinfo=UTC)
    products = ProductFactory.create_batch(5, name="Same", price=Decimal("1.00"))
    Product.objects.update(created_at=same_time)
    expected = sorted((product.pk for product in products), reverse=not ids_ascending)

    response = anonymous.get(URL, {"ordering": ordering} if ordering else {})

    assert ids(response) == expected


@pytest.mark.parametrize(
    ("price", "stamp"),
    [
        (Decimal("0.00"), datetime(2025, 1, 1, tzinfo=UTC)),
        (Decimal("12.50"), datetime(2025, 6, 30, 23, 59, 59, 123456, tzinfo=UTC)),
        (Decimal("99999999.99"), datetime(2030, 12, 31, 12, 0, 0, 1, tzinfo=UTC)),
    ],
)
def test_listed_rows_are_the_detail_representation(
    anonymous: APIClient, price: Decimal, stamp: datetime
) -> None:
    # The list writes its rows without the serializer: they must not differ.
    product = ProductFactory(description="Steamed, not roasted", price=price)
    Product.objects.filter(pk=product.pk).update(created_at=stamp, updated_at=stamp)

    listed = anonymous.get(URL).json()["results"]

    assert listed == [anonymous.get(f"{URL}{product.pk}/").json()]
