"""Sign up, log in, refresh and ask who is logged in, as an app client of allauth's headless API."""

import threading
from typing import Any

import pytest
from allauth.core import ratelimit
from django.conf import settings
from django.test import RequestFactory, override_settings
from rest_framework.test import APIClient

from config.settings import base

from ...catalog.tests.factories import CategoryFactory
from ...users.models import User
from ...users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/api/auth/app/v1/auth/signup"
LOGIN = "/api/auth/app/v1/auth/login"
REFRESH = "/api/auth/app/v1/tokens/refresh"
SESSION = "/api/auth/app/v1/auth/session"
ME = "/api/auth/me/"


def log_in(client: APIClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = client.post(LOGIN, {"email": email, "password": password})
    assert response.status_code == 200, response.json()
    return response.json()["meta"]


def bearer(access_token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token}")
    return client


def error_params(response: Any) -> set[str]:
    return {error.get("param") for error in response.json()["errors"]}


def test_signup_creates_a_user_and_logs_them_in(anonymous: APIClient) -> None:
    response = anonymous.post(SIGNUP, {"email": "Ada@Example.com", "password": PASSWORD})

    assert response.status_code == 200
    body = response.json()
    assert body["data"]["user"]["email"] == "ada@example.com"
    assert body["meta"]["is_authenticated"] is True
    assert {"access_token", "refresh_token"} <= set(body["meta"])
    assert User.objects.get().check_password(PASSWORD)


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_signed_up_password_is_hashed_with_argon2(anonymous: APIClient) -> None:
    anonymous.post(SIGNUP, {"email": "ada@example.com", "password": PASSWORD})

    assert User.objects.get().password.startswith("argon2")


@pytest.mark.parametrize("password", ["short", "password123", "12345678901"], ids=str)
def test_signup_refuses_a_weak_password(anonymous: APIClient, password: str) -> None:
    response = anonymous.post(SIGNUP, {"email": "ada@example.com", "password": password})

    assert response.status_code == 400
    assert "password" in error_params(response)
    assert not User.objects.exists()


def test_signup_refuses_a_taken_email_ignoring_case(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    response = anonymous.post(SIGNUP, {"email": "ADA@example.com", "password": PASSWORD})

    assert response.status_code == 400
    assert "email" in error_params(response)


def test_login_answers_an_access_and_a_refresh_token(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    meta = log_in(anonymous, "ada@example.com")

    assert meta["is_authenticated"] is True
    assert {"access_token", "refresh_token"} <= set(meta)


def test_login_with_a_wrong_password_is_refused(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    response = anonymous.post(LOGIN, {"email": "ada@example.com", "password": "wrong-password"})

    # allauth's own convention: 400 with the offending parameter named.
    assert response.status_code == 400
    assert "password" in error_params(response)


def test_refresh_token_buys_a_new_access_token(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    meta = log_in(anonymous, "ada@example.com")

    response = anonymous.post(REFRESH, {"refresh_token": meta["refresh_token"]})

    assert response.status_code == 200
    assert bearer(response.json()["data"]["access_token"]).get(ME).status_code == 200


def test_me_answers_the_caller(anonymous: APIClient) -> None:
    user = UserFactory(email="ada@example.com")
    meta = log_in(anonymous, "ada@example.com")

    response = bearer(meta["access_token"]).get(ME)

    assert response.status_code == 200
    assert response.json() == {"id": user.pk, "email": "ada@example.com", "is_staff": False}


def test_session_endpoint_knows_the_bearer(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    meta = log_in(anonymous, "ada@example.com")

    response = bearer(meta["access_token"]).get(SESSION)

    assert response.status_code == 200
    assert response.json()["data"]["user"]["email"] == "ada@example.com"


def test_bearer_token_lets_a_user_create_a_product(anonymous: APIClient) -> None:
    user = UserFactory(email="ada@example.com")
    category = CategoryFactory()
    meta = log_in(anonymous, "ada@example.com")

    response = bearer(meta["access_token"]).post(
        "/api/products/", {"name": "Lamp", "price": "9.99", "category_id": category.pk}
    )

    assert response.status_code == 201
    assert response.json()["owner_id"] == user.pk


def allowed_logins() -> int:
    return int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])


def test_login_is_throttled_after_too_many_attempts(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    for _ in range(allowed_logins()):
        anonymous.post(LOGIN, {"email": "ada@example.com", "password": "wrong-password"})
    refused = anonymous.post(LOGIN, {"email": "ada@example.com", "password": PASSWORD})

    assert refused.status_code == 429


def test_repeated_wrong_passwords_lock_the_account_for_a_while(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")
    wrong = {"email": "ada@example.com", "password": "wrong-password"}

    for _ in range(5):
        anonymous.post(LOGIN, wrong)
    refused = anonymous.post(LOGIN, {"email": "ada@example.com", "password": PASSWORD})

    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "too_many_login_attempts"


def test_a_throttled_login_answers_429_before_any_password_is_hashed(
    anonymous: APIClient, hashing: list[str]
) -> None:
    UserFactory(email="ada@example.com")
    for _ in range(allowed_logins()):
        anonymous.post(LOGIN, {"email": "ada@example.com", "password": "wrong-password"})
    assert "verify" in hashing
    hashing.clear()

    refused = anonymous.post(LOGIN, {"email": "ada@example.com", "password": PASSWORD})

    assert refused.status_code == 429
    assert hashing == []


def test_a_locked_account_is_refused_before_its_password_is_hashed(
    anonymous: APIClient, hashing: list[str]
) -> None:
    UserFactory(email="ada@example.com")
    for _ in range(5):
        anonymous.post(LOGIN, {"email": "ada@example.com", "password": "wrong-password"})
    hashing.clear()

    refused = anonymous.post(LOGIN, {"email": "ada@example.com", "password": PASSWORD})

    assert refused.json()["errors"][0]["code"] == "too_many_login_attempts"
    assert hashing == []


def test_a_wrong_password_is_checked_once(anonymous: APIClient, hashing: list[str]) -> None:
    UserFactory(email="ada@example.com")

    anonymous.post(LOGIN, {"email": "ada@example.com", "password": "wrong-password"})

    # One authentication backend, so a failed login costs one hash, not one per backend.
    assert hashing.count("verify") == 1


def test_login_attempts_count_across_the_threads_of_a_process(anonymous: APIClient) -> None:
    UserFactory(email="ada@example.com")

    def attempt_in_another_thread() -> None:
        # The same client address, counted by the login view's own rate limit.
        request = RequestFactory().post(LOGIN)
        for _ in range(allowed_logins()):
            ratelimit.consume(request, action="login")

    thread = threading.Thread(target=attempt_in_another_thread)
    thread.start()
    thread.join()

    refused = anonymous.post(LOGIN, {"email": "ada@example.com", "password": PASSWORD})
    assert refused.status_code == 429
