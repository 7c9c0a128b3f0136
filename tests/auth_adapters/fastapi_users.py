"""Logging in to a FastAPI project whose auth answer is fastapi-users."""

from __future__ import annotations

from auth_adapters.pyjwt import password_flow

LOGIN_PATH = "/api/auth/jwt/login"


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to) and log in; the headers of an authenticated request."""
    return password_flow(base_url, email, password, register=register, login_path=LOGIN_PATH)
