"""The login request of each auth choice, as the load generator sends it.

The auth adapters of the tests log in once and hand back headers; a load
needs the raw request instead, in the library's own shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class LoginShape:
    path: str
    form: bool  # OAuth2 password form (username, password) instead of JSON (email, password)

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
}


def shape(auth: str) -> LoginShape:
    try:
        return SHAPES[auth]
    except KeyError:
        raise KeyError(f"bench/login.py has no login request for auth {auth!r}") from None
