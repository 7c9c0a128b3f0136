import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client, override_settings

from config.settings import base

from ..models import User
from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_users_are_identified_by_email_without_a_username() -> None:
    assert User.USERNAME_FIELD == "email"
    assert "username" not in {field.name for field in User._meta.get_fields()}


def test_email_is_stored_lowercase() -> None:
    user = User.objects.create_user(email="  Ada@Example.COM ", password=PASSWORD)

    assert user.email == "ada@example.com"


def test_login_ignores_the_case_of_the_email() -> None:
    user = UserFactory(email="ada@example.com")

    assert authenticate(email="ADA@example.com", password=PASSWORD) == user


def test_superuser_is_staff() -> None:
    admin = User.objects.create_superuser(email="admin@example.com", password=PASSWORD)

    assert admin.is_staff
    assert admin.is_superuser


def test_new_users_are_not_staff() -> None:
    assert not User.objects.create_user(email="ada@example.com", password=PASSWORD).is_staff


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_passwords_are_hashed_with_argon2() -> None:
    user = User.objects.create_user(email="ada@example.com", password=PASSWORD)

    assert user.password.startswith("argon2")
    assert user.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_passwords_are_hashed_with_argon2id_at_owasp_parameters() -> None:
    user = User.objects.create_user(email="ada@example.com", password=PASSWORD)

    # 19 MiB, 2 passes, 1 lane: bounded memory and one core per password checked.
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_hash_with_other_argon2_parameters_still_logs_in_and_is_rehashed() -> None:
    user = UserFactory(email="ada@example.com")
    user.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.save()

    assert authenticate(email="ada@example.com", password=PASSWORD) == user
    user.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in user.password


@pytest.mark.parametrize(
    "path",
    [
        "/admin/users/user/?q=example&is_staff__exact=1",
        "/admin/users/user/add/",
        "/admin/catalog/category/?q=a&products__isempty=0",
        "/admin/catalog/category/add/",
        "/admin/catalog/product/?q=a&category__id__exact=1",
        "/admin/catalog/product/add/",
    ],
)
def test_admin_pages_open_for_staff(admin_client: Client, path: str) -> None:
    assert admin_client.get(path).status_code == 200
