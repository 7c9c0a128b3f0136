"""Logs a user in to a project whose auth is django-allauth's headless API (app client, JWT)."""

from __future__ import annotations

import httpx

APP_API = "/api/auth/app/v1"


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Sign up (unless told not to), log in, and answer the headers of an authenticated call."""
    with httpx.Client(base_url=base_url, timeout=15) as client:
        credentials = {"email": email, "password": password}
        if register:
            client.post(f"{APP_API}/auth/signup", json=credentials).raise_for_status()
        response = client.post(f"{APP_API}/auth/login", json=credentials)
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['meta']['access_token']}"}
