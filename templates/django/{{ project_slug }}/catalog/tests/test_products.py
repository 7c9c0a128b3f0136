from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from ...users.models import User
from ..models import Category, Product
from .factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db

URL = "/api/products/"


def detail_url(product: Product) -> str:
    return f"{URL}{product.pk}/"


@pytest.fixture
def category() -> Category:
    return CategoryFactory()


@pytest.fixture
def product(user: User) -> Product:
    return ProductFactory(owner=user, name="Lamp", price=Decimal("12.50"))


def product_body(category: Category, **changes: Any) -> dict[str, Any]:
    return {"name": "Lamp", "description": "Warm light", "price": "12.50"} | {
        "category_id": category.pk,
        **changes,
    }


def test_user_creates_a_product_and_owns_it(
    as_user: APIClient, user: User, category: Category
) -> None:
    response = as_user.post(URL, product_body(category))

    assert response.status_code == 201
    body = response.json()
    product = Product.objects.get()
    assert body == {
        "id": product.pk,
        "name": "Lamp",
        "description": "Warm light",
        "price": "12.50",
        "category_id": category.pk,
        "owner_id": user.pk,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


def test_owner_cannot_be_chosen_by_the_client(
    as_user: APIClient, user: User, other_user: User, category: Category
) -> None:
    response = as_user.post(URL, product_body(category, owner_id=other_user.pk))

    assert response.status_code == 201
    assert response.json()["owner_id"] == user.pk


def test_description_defaults_to_empty(as_user: APIClient, category: Category) -> None:
    body = product_body(category)
    del body["description"]

    response = as_user.post(URL, body)

    assert response.status_code == 201
    assert response.json()["description"] == ""


def test_anonymous_cannot_create_a_product(anonymous: APIClient, category: Category) -> None:
    response = anonymous.post(URL, product_body(category))

    assert response.status_code == 401
    assert not Product.objects.exists()


def test_anyone_reads_a_product(anonymous: APIClient, product: Product) -> None:
    response = anonymous.get(detail_url(product))

    assert response.status_code == 200
    assert response.json()["name"] == "Lamp"
    assert response.json()["price"] == "12.50"


@pytest.mark.parametrize("product_id", ["999999", "99999999999999999999", "not-a-number"])
def test_unknown_product_answers_json_404(anonymous: APIClient, product_id: str) -> None:
    response = anonymous.get(f"{URL}{product_id}/")

    assert response.status_code == 404
    assert "detail" in response.json()


def test_owner_replaces_a_product(as_user: APIClient, product: Product) -> None:
    response = as_user.put(detail_url(product), product_body(product.category, name="Desk lamp"))

    assert response.status_code == 200
    assert response.json()["name"] == "Desk lamp"


def test_owner_updates_part_of_a_product(as_user: APIClient, product: Product) -> None:
    response = as_user.patch(detail_url(product), {"price": 9})

    assert response.status_code == 200
    assert response.json()["price"] == "9.00"
    product.refresh_from_db()
    assert product.price == Decimal("9.00")


def test_owner_deletes_a_product(as_user: APIClient, product: Product) -> None:
    response = as_user.delete(detail_url(product))

    assert response.status_code == 204
    assert not Product.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch"])
def test_non_owner_cannot_change_a_product(
    as_other_user: APIClient, product: Product, method: str
) -> None:
    response = getattr(as_other_user, method)(
        detail_url(product), product_body(product.category, name="Mine now")
    )

    assert response.status_code == 403
    product.refresh_from_db()
    assert product.name == "Lamp"


def test_non_owner_cannot_delete_product(as_other_user: APIClient, product: Product) -> None:
    response = as_other_user.delete(detail_url(product))

    assert response.status_code == 403
    assert Product.objects.filter(pk=product.pk).exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_anonymous_cannot_change_a_product(
    anonymous: APIClient, product: Product, method: str
) -> None:
    response = getattr(anonymous, method)(detail_url(product), product_body(product.category))

    assert response.status_code == 401
    assert Product.objects.filter(pk=product.pk, name="Lamp").exists()


def test_staff_updates_any_product(as_staff: APIClient, product: Product, user: User) -> None:
    response = as_staff.patch(detail_url(product), {"name": "Checked lamp"})

    assert response.status_code == 200
    assert response.json()["name"] == "Checked lamp"
    assert response.json()["owner_id"] == user.pk


def test_staff_deletes_any_product(as_staff: APIClient, product: Product) -> None:
    response = as_staff.delete(detail_url(product))

    assert response.status_code == 204
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("price", "stored"),
    [
        ("12.50", "12.50"),
        ("12.5", "12.50"),
        (12.5, "12.50"),
        (7, "7.00"),
        ("0", "0.00"),
        (0, "0.00"),
        ("99999999.99", "99999999.99"),
        (99999999.99, "99999999.99"),
    ],
)
def test_price_is_taken_as_number_or_string_and_answered_with_two_places(
    as_user: APIClient, category: Category, price: object, stored: str
) -> None:
    response = as_user.post(URL, product_body(category, price=price))

    assert response.status_code == 201
    assert response.json()["price"] == stored
    assert Product.objects.get().price == Decimal(stored)


@pytest.mark.parametrize(
    "price",
    [
        "12.345",
        12.345,
        "0.001",
        "-0.01",
        -1,
        "99999999.999",
        "100000000.00",
        100000000,
        "abc",
        "NaN",
        "Infinity",
        "-Infinity",
        "",
        None,
    ],
)
def test_price_out_of_bounds_or_with_more_than_two_places_is_rejected(
    as_user: APIClient, category: Category, price: object
) -> None:
    response = as_user.post(URL, product_body(category, price=price))

    assert response.status_code == 400
    assert "price" in response.json()
    assert not Product.objects.exists()


@pytest.mark.parametrize("field", ["name", "price", "category_id"])
def test_missing_required_field_is_a_400_naming_it(
    as_user: APIClient, category: Category, field: str
) -> None:
    body = product_body(category)
    del body[field]

    response = as_user.post(URL, body)

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    "name", ["", "   ", "x" * 201, None], ids=["empty", "blank", "too long", "null"]
)
def test_product_name_must_have_1_to_200_characters(
    as_user: APIClient, category: Category, name: str | None
) -> None:
    response = as_user.post(URL, product_body(category, name=name))

    assert response.status_code == 400
    assert "name" in response.json()


def test_product_name_of_200_characters_is_accepted(as_user: APIClient, category: Category) -> None:
    response = as_user.post(URL, product_body(category, name="x" * 200))

    assert response.status_code == 201


@pytest.mark.parametrize("category_id", [999999, 99999999999999999999, "x", None])
def test_category_must_exist(as_user: APIClient, category: Category, category_id: object) -> None:
    response = as_user.post(URL, product_body(category, category_id=category_id))

    assert response.status_code == 400
    assert "category_id" in response.json()


def test_moving_a_product_to_an_unknown_category_is_refused(
    as_user: APIClient, product: Product
) -> None:
    category = product.category

    response = as_user.patch(detail_url(product), {"category_id": 999999})

    assert response.status_code == 400
    assert "category_id" in response.json()
    product.refresh_from_db()
    assert product.category == category


def test_moving_a_product_to_a_deleted_category_is_refused(
    as_user: APIClient, product: Product
) -> None:
    deleted = CategoryFactory()
    deleted_id = deleted.pk
    deleted.delete()

    response = as_user.put(
        detail_url(product), product_body(product.category, category_id=deleted_id)
    )

    assert response.status_code == 400
    assert "category_id" in response.json()
    product.refresh_from_db()
    assert product.category_id != deleted_id


INVALID_FIELDS = [
    ("name", ""),
    ("name", "x" * 201),
    ("price", "12.345"),
    ("price", "-1"),
    ("price", "Infinity"),
    ("category_id", 999999),
]


def assert_unchanged(product: Product) -> None:
    before = (product.name, product.description, product.price, product.category_id)
    product.refresh_from_db()
    assert (product.name, product.description, product.price, product.category_id) == before


@pytest.mark.parametrize(("field", "value"), INVALID_FIELDS)
def test_invalid_replacement_is_a_400_naming_the_field_and_changes_nothing(
    as_user: APIClient, product: Product, category: Category, field: str, value: object
) -> None:
    # Every other field is valid and different, so a partial write would show.
    body = product_body(category, name="Desk lamp", description="New", price="1.00")

    response = as_user.put(detail_url(product), body | {field: value})

    assert response.status_code == 400
    assert field in response.json()
    assert_unchanged(product)


@pytest.mark.parametrize(("field", "value"), INVALID_FIELDS)
def test_invalid_partial_update_is_a_400_naming_the_field_and_changes_nothing(
    as_user: APIClient, product: Product, field: str, value: object
) -> None:
    response = as_user.patch(detail_url(product), {"description": "New", field: value})

    assert response.status_code == 400
    assert field in response.json()
    assert_unchanged(product)


READ_ONLY = {
    "id": 424242,
    "owner_id": 424242,
    "created_at": "2001-01-01T00:00:00Z",
    "updated_at": "2001-01-01T00:00:00Z",
}


def test_read_only_fields_in_a_new_product_are_ignored(
    as_user: APIClient, user: User, category: Category
) -> None:
    response = as_user.post(URL, product_body(category) | READ_ONLY)

    assert response.status_code == 201
    body = response.json()
    product = Product.objects.get()
    assert body["id"] == product.pk != READ_ONLY["id"]
    assert body["owner_id"] == user.pk
    assert not body["created_at"].startswith("2001")
    assert not body["updated_at"].startswith("2001")


@pytest.mark.parametrize("method", ["put", "patch"])
def test_read_only_fields_in_an_update_are_ignored(
    as_user: APIClient, user: User, product: Product, method: str
) -> None:
    created_at = product.created_at

    response = getattr(as_user, method)(
        detail_url(product), product_body(product.category, name="Desk lamp") | READ_ONLY
    )

    assert response.status_code == 200
    assert response.json()["id"] == product.pk
    product.refresh_from_db()
    assert product.name == "Desk lamp"
    assert product.owner == user
    assert product.created_at == created_at
    assert product.updated_at.year != 2001
    assert not Product.objects.filter(pk=READ_ONLY["id"]).exists()


def test_malformed_json_is_a_400(as_user: APIClient) -> None:
    response = as_user.post(URL, data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
