"""The login request of each auth choice, as the load generator sends it.

The auth adapters of the tests log in once and hand back headers; a load
needs the raw request instead, in the library's own shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx


@dataclass(frozen=True)
class LoginShape:
    path: str
    form: bool  # OAuth2 password form (username, password) instead of JSON (email, password)
    csrf: bool = False  # session auth: Django's CSRF cookie and token, and an Origin

    def headers(self, base_url: str) -> dict[str, str]:
        """Every header the login request needs besides its body's type."""
        headers = {"Content-Type": self.content_type}
        if self.csrf:
            # The token stays valid for the whole load: Django checks it
            # against the cookie sent with it, not against a stored copy.
            response = httpx.get(base_url + "/api/auth/csrf/", timeout=30)
            response.raise_for_status()
            origin = base_url.rstrip("/")
            headers |= {
                "Cookie": f"csrftoken={response.cookies['csrftoken']}",
                "X-CSRFToken": response.json()["csrfToken"],
                "Origin": origin,
                "Referer": origin + "/",
            }
        return headers

    def body(self, email: str, password: str) -> str:
        if self.form:
            return urlencode({"username": email, "password": password})
        return json.dumps({"email": email, "password": password})

    @property
    def content_type(self) -> str:
        return "application/x-www-form-urlencoded" if self.form else "application/json"


SHAPES = {
    "simplejwt": LoginShape("/api/auth/token/", form=False),
    "allauth": LoginShape("/api/auth/app/v1/auth/login", form=False),
    "pyjwt": LoginShape("/api/auth/login", form=True),
    "fastapi-users": LoginShape("/api/auth/jwt/login", form=True),
    "session": LoginShape("/api/auth/login/", form=False, csrf=True),
}


def shape(auth: str) -> LoginShape:
    try:
        return SHAPES[auth]
    except KeyError:
        raise KeyError(f"bench/login.py has no login request for auth {auth!r}") from None
