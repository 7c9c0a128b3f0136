"""Logging in to a FastAPI project whose auth answer is pyjwt."""

from __future__ import annotations

import httpx

LOGIN_PATH = "/api/auth/login"


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to) and log in; the headers of an authenticated request."""
    return password_flow(base_url, email, password, register=register, login_path=LOGIN_PATH)


def password_flow(
    base_url: str, email: str, password: str, *, register: bool, login_path: str
) -> dict[str, str]:
    """JSON registration, then an OAuth2 password-form login that answers a bearer token."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        if register:
            response = client.post(
                "/api/auth/register", json={"email": email, "password": password}
            )
            response.raise_for_status()
        response = client.post(login_path, data={"username": email, "password": password})
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}
