"""Register, log in, refresh and ask who is logged in, over the JSON API."""

import threading

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.throttling import ScopedRateThrottle

from config.settings import base

from ...catalog.tests.factories import CategoryFactory
from ...users.models import User
from ...users.tests.factories import PASSWORD, UserFactory
from ..views import LoginView

pytestmark = pytest.mark.django_db

REGISTER = "/api/auth/register/"
TOKEN = "/api/auth/token/"
REFRESH = "/api/auth/token/refresh/"
ME = "/api/auth/me/"


def log_in(client: APIClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post(TOKEN, {"email": email, "password": password})
    assert response.status_code == 200, response.json()
    return response.json()


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def test_register_creates_a_user_and_answers_it(anonymous: APIClient) -> None:
    response = anonymous.post(REGISTER, {"email": "Ada@Example.com", "password": PASSWORD})

    assert response.status_code == 201
    user = User.objects.get()
    assert response.json() == {"id": user.pk, "email": "ada@example.com", "is_staff": False}
    assert user.check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_registered_password_is_hashed_with_argon2(anonymous: APIClient) -> None:
    anonymous.post(REGISTER, {"email": "ada@example.com", "password": PASSWORD})

    assert User.objects.get().password.startswith("argon2")


@pytest.mark.parametrize(
    "password", ["short", "password123", "12345678901", "ada@example.com"], ids=str
)
def test_register_refuses_a_weak_password(anonymous: APIClient, password: str) -> None:
    response = anonymous.post(REGISTER, {"email": "ada@example.com", "password": password})

    assert response.status_code == 400
    assert "password" in response.json()
    assert not User.objects.exists()


@pytest.mark.parametrize("email", ["", "not-an-email", None])
def test_register_refuses_an_invalid_email(anonymous: APIClient, email: str | None) -> None:
    response = anonymous.post(REGISTER, {"email": email, "password": PASSWORD})

    assert response.status_code == 400
    assert "email" in response.json()


def test_register_refuses_a_taken_email_ignoring_case(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    response = anonymous.post(REGISTER, {"email": "ADA@example.com", "password": PASSWORD})

    assert response.status_code == 400
    assert "email" in response.json()


def test_login_answers_an_access_and_a_refresh_token(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    tokens = log_in(anonymous, "ada@example.com")

    assert set(tokens) == {"access", "refresh"}


def test_login_with_a_wrong_password_is_401(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    response = anonymous.post(TOKEN, {"email": "ada@example.com", "password": "wrong-password"})

    assert response.status_code == 401
    assert "detail" in response.json()


def test_login_without_a_password_is_400_naming_it(anonymous: APIClient) -> None:
    response = anonymous.post(TOKEN, {"email": "ada@example.com"})

    assert response.status_code == 400
    assert "password" in response.json()


def test_refresh_token_buys_a_new_access_token(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    tokens = log_in(anonymous, "ada@example.com")

    response = anonymous.post(REFRESH, {"refresh": tokens["refresh"]})

    assert response.status_code == 200
    assert bearer(response.json()["access"]).get(ME).status_code == 200


def test_access_token_is_no_refresh_token(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    tokens = log_in(anonymous, "ada@example.com")

    response = anonymous.post(REFRESH, {"refresh": tokens["access"]})

    assert response.status_code == 401


def test_me_answers_the_caller(anonymous: APIClient) -> None:
    user = UserFactory(email="ada@example.com")
    tokens = log_in(anonymous, "ada@example.com")

    response = bearer(tokens["access"]).get(ME)

    assert response.status_code == 200
    assert response.json() == {"id": user.pk, "email": "ada@example.com", "is_staff": False}


def test_bearer_token_lets_a_user_create_a_product(anonymous: APIClient) -> None:
    user = UserFactory(email="ada@example.com")
    category = CategoryFactory()
    tokens = log_in(anonymous, "ada@example.com")

    response = bearer(tokens["access"]).post(
        "/api/products/", {"name": "Lamp", "price": "9.99", "category_id": category.pk}
    )

    assert response.status_code == 201
    assert response.json()["owner_id"] == user.pk


def allowed_logins() -> int:
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login"]
    allowed, _ = ScopedRateThrottle().parse_rate(rate)
    return allowed


def test_login_is_throttled_after_too_many_attempts(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    allowed = allowed_logins()
    attempt = {"email": "ada@example.com", "password": "wrong-password"}

    statuses = [anonymous.post(TOKEN, attempt).status_code for _ in range(allowed)]
    refused = anonymous.post(TOKEN, attempt)

    assert set(statuses) == {401}
    assert refused.status_code == 429
    assert "detail" in refused.json()


def test_a_throttled_login_answers_429_before_any_password_is_hashed(
    anonymous: APIClient, hashing: list[str]
) -> None:
    UserFactory(email="ada@example.com")
    for _ in range(allowed_logins()):
        anonymous.post(TOKEN, {"email": "ada@example.com", "password": "wrong-password"})
    assert "verify" in hashing
    hashing.clear()

    refused = anonymous.post(TOKEN, {"email": "ada@example.com", "password": PASSWORD})

    assert refused.status_code == 429
    assert hashing == []


def test_login_attempts_count_across_the_threads_of_a_process(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    def attempt_in_another_thread() -> None:
        # The same client address, counted by the login view's own throttle.
        request = Request(APIRequestFactory().post(TOKEN))
        for _ in range(allowed_logins()):
            ScopedRateThrottle().allow_request(request, LoginView())

    thread = threading.Thread(target=attempt_in_another_thread)
    thread.start()
    thread.join()

    refused = anonymous.post(TOKEN, {"email": "ada@example.com", "password": PASSWORD})
    assert refused.status_code == 429
