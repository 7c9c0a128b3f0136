"""How the test-suite logs in: the one auth-specific step every API test shares."""

from httpx import AsyncClient


async def authenticate(
    client: AsyncClient, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to) and log in; the headers of an authenticated request."""
    if register:
        response = await client.post(
            "/api/auth/register", json={"email": email, "password": password}
        )
        response.raise_for_status()
    response = await client.post(
        "/api/auth/jwt/login", data={"username": email, "password": password}
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
