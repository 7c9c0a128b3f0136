"""Logging in from the tests, through the real endpoints of the auth library."""

from httpx import AsyncClient

Headers = dict[str, str]


async def authenticate(
    client: AsyncClient, email: str, password: str, *, register: bool = True
) -> Headers:
    """Register (unless told not to) and log in; the headers of an authenticated request."""
    credentials = {"email": email, "password": password}
    if register:
        (await client.post("/api/auth/register/", json=credentials)).raise_for_status()
    response = await client.post("/api/auth/token/", json=credentials)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access']}"}
