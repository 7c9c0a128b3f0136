import pytest
from django.db import IntegrityError
from rest_framework.test import APIClient

from ..models import Category, Product
from .factories import CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db

URL = "/api/categories/"


def detail_url(category: Category) -> str:
    return f"{URL}{category.pk}/"


def test_anyone_lists_categories_in_a_page(anonymous: APIClient) -> None:
    CategoryFactory(name="Books")
    CategoryFactory(name="Audio")

    response = anonymous.get(URL)

    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert [category["name"] for category in response.json()["results"]] == ["Audio", "Books"]


@pytest.mark.parametrize(("param", "value"), [("limit", "-1"), ("limit", "x"), ("offset", "x")])
def test_invalid_paging_is_a_400_naming_the_parameter(
    anonymous: APIClient, param: str, value: str
) -> None:
    response = anonymous.get(URL, {param: value})

    assert response.status_code == 400
    assert param in response.json()


def test_category_limit_is_capped_at_100(anonymous: APIClient) -> None:
    CategoryFactory.create_batch(105)

    response = anonymous.get(URL, {"limit": 1000})

    assert response.json()["count"] == 105
    assert len(response.json()["results"]) == 100


def test_anyone_reads_a_category(anonymous: APIClient) -> None:
    category = CategoryFactory(name="Books")

    response = anonymous.get(detail_url(category))

    assert response.status_code == 200
    assert response.json() == {"id": category.pk, "name": "Books"}


def test_staff_creates_a_category(as_staff: APIClient) -> None:
    response = as_staff.post(URL, {"name": "Books"})

    assert response.status_code == 201
    assert response.json() == {"id": Category.objects.get().pk, "name": "Books"}


def test_an_id_in_the_body_is_ignored(as_staff: APIClient) -> None:
    books = CategoryFactory(name="Books")

    created = as_staff.post(URL, {"id": books.pk, "name": "Audio"})
    renamed = as_staff.patch(detail_url(books), {"id": 424242, "name": "Novels"})

    assert created.status_code == 201
    assert created.json()["id"] != books.pk
    assert renamed.json() == {"id": books.pk, "name": "Novels"}
    assert set(Category.objects.values_list("name", flat=True)) == {"Audio", "Novels"}


def test_anonymous_cannot_create_a_category(anonymous: APIClient) -> None:
    response = anonymous.post(URL, {"name": "Books"})

    assert response.status_code == 401
    assert not Category.objects.exists()


def test_non_staff_user_cannot_create_a_category(as_user: APIClient) -> None:
    response = as_user.post(URL, {"name": "Books"})

    assert response.status_code == 403
    assert not Category.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch"])
def test_staff_renames_a_category(as_staff: APIClient, method: str) -> None:
    category = CategoryFactory(name="Books")

    response = getattr(as_staff, method)(detail_url(category), {"name": "Novels"})

    assert response.status_code == 200
    assert response.json()["name"] == "Novels"
    category.refresh_from_db()
    assert category.name == "Novels"


def test_staff_deletes_a_category_and_with_it_its_products(as_staff: APIClient) -> None:
    product = ProductFactory()

    response = as_staff.delete(detail_url(product.category))

    assert response.status_code == 204
    assert not Category.objects.exists()
    assert not Product.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_non_staff_user_cannot_change_a_category(as_user: APIClient, method: str) -> None:
    category = CategoryFactory(name="Books")

    response = getattr(as_user, method)(detail_url(category), {"name": "Novels"})

    assert response.status_code == 403
    category.refresh_from_db()
    assert category.name == "Books"


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_anonymous_cannot_change_a_category(anonymous: APIClient, method: str) -> None:
    category = CategoryFactory(name="Books")

    response = getattr(anonymous, method)(detail_url(category), {"name": "Novels"})

    assert response.status_code == 401


@pytest.mark.parametrize(
    "body",
    [{}, {"name": ""}, {"name": "   "}, {"name": "x" * 101}, {"name": None}],
    ids=["missing", "empty", "blank", "101 chars", "null"],
)
def test_category_name_must_have_1_to_100_characters(as_staff: APIClient, body: dict) -> None:
    response = as_staff.post(URL, body)

    assert response.status_code == 400
    assert "name" in response.json()


def test_category_name_of_100_characters_is_accepted(as_staff: APIClient) -> None:
    response = as_staff.post(URL, {"name": "x" * 100})

    assert response.status_code == 201


def test_category_name_is_unique_ignoring_case(as_staff: APIClient) -> None:
    CategoryFactory(name="Books")

    response = as_staff.post(URL, {"name": "bOOKS"})

    assert response.status_code == 400
    assert response.json() == {"name": ["A category with this name already exists."]}


def test_renaming_a_category_to_another_ones_name_is_rejected(as_staff: APIClient) -> None:
    CategoryFactory(name="Books")
    audio = CategoryFactory(name="Audio")

    response = as_staff.patch(detail_url(audio), {"name": "books"})

    assert response.status_code == 400
    assert "name" in response.json()


def test_a_category_may_change_the_case_of_its_own_name(as_staff: APIClient) -> None:
    category = CategoryFactory(name="Books")

    response = as_staff.put(detail_url(category), {"name": "BOOKS"})

    assert response.status_code == 200
    assert response.json()["name"] == "BOOKS"


def test_database_refuses_duplicate_names_ignoring_case() -> None:
    CategoryFactory(name="Books")

    with pytest.raises(IntegrityError):
        Category.objects.create(name="BOOKS")


def test_unknown_category_answers_json_404(anonymous: APIClient) -> None:
    response = anonymous.get(f"{URL}999999/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No Category matches the given query."}
