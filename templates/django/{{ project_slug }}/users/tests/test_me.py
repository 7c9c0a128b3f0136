"""GET /api/auth/me/, whichever auth library issues the tokens."""

import pytest
from rest_framework.test import APIClient

from ..models import User

pytestmark = pytest.mark.django_db

ME = "/api/auth/me/"


def test_me_answers_the_caller(as_user: APIClient, user: User) -> None:
    response = as_user.get(ME)

    assert response.status_code == 200
    assert response.json() == {"id": user.pk, "email": user.email, "is_staff": False}


def test_me_tells_staff_apart(as_staff: APIClient) -> None:
    assert as_staff.get(ME).json()["is_staff"] is True


@pytest.mark.parametrize("header", [None, "Bearer not-a-token", "Token abc"])
def test_me_without_a_valid_token_is_401(header: str | None) -> None:
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(ME)

    assert response.status_code == 401
    assert "detail" in response.json()
