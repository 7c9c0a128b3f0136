"""Logs a user in to a project whose auth is Simple JWT."""

from __future__ import annotations

import httpx


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to), log in, and answer the headers of an authenticated call."""
    with httpx.Client(base_url=base_url, timeout=15) as client:
        credentials = {"email": email, "password": password}
        if register:
            client.post("/api/auth/register/", json=credentials).raise_for_status()
        response = client.post("/api/auth/token/", json=credentials)
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access']}"}
