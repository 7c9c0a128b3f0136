import pytest
from django.test import Client

from ..sessions import is_session_key


@pytest.mark.parametrize("key", ["abcdefgh", "0123456789abcdefghijklmnopqrstuv"])
def test_keys_django_makes_are_session_keys(key: str) -> None:
    assert is_session_key(key)


@pytest.mark.parametrize("key", [None, "", "abcdefg", "abcd\x00efghijkl", "abcdefgh ijkl/mnop"])
def test_other_keys_are_not(key: str | None) -> None:
    assert not is_session_key(key)


# Cookie parsers turn the octal escape into a real NUL, which PostgreSQL refuses.
@pytest.mark.django_db
@pytest.mark.parametrize("session_id", ['"\\000abcdefghijkl"', "abcdefgh ijkl/mnop"])
def test_admin_takes_a_session_cookie_no_session_could_have_as_none(session_id: str) -> None:
    response = Client(HTTP_COOKIE=f"sessionid={session_id}").get("/admin/")

    assert response.status_code == 302
    assert response.headers["location"].startswith("/admin/login/")
