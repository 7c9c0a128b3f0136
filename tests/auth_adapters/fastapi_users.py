"""Logging in to a FastAPI project whose auth answer is fastapi-users."""

from __future__ import annotations

import httpx


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to) and log in; the headers of an authenticated request."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        if register:
            response = client.post(
                "/api/auth/register", json={"email": email, "password": password}
            )
            response.raise_for_status()
        response = client.post(
            "/api/auth/jwt/login", data={"username": email, "password": password}
        )
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}
