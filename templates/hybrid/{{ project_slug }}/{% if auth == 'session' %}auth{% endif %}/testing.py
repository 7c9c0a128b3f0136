"""Logging in from the tests, through the real endpoints of the auth library."""

from http.cookies import SimpleCookie

from django.conf import settings
from httpx import AsyncClient, Response

Headers = dict[str, str]


def session_headers(session_id: str, csrf_token: str) -> Headers:
    """What a browser sends on this origin once logged in."""
    session, csrf = settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME
    return {"Cookie": f"{session}={session_id}; {csrf}={csrf_token}", "X-CSRFToken": csrf_token}


def cookies_of(response: Response) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


async def authenticate(
    client: AsyncClient, email: str, password: str, *, register: bool = True
) -> Headers:
    """Register (unless told not to) and log in; the headers of an authenticated request.

    Cookies go in the headers, not the client's jar, so a request without
    these headers is anonymous.
    """
    csrf = await client.get("/api/auth/csrf/")
    token = csrf.json()["csrfToken"]
    secret = cookies_of(csrf)[settings.CSRF_COOKIE_NAME]
    anonymous = {"Cookie": f"{settings.CSRF_COOKIE_NAME}={secret}", "X-CSRFToken": token}
    client.cookies.clear()
    credentials = {"email": email, "password": password}
    if register:
        response = await client.post("/api/auth/register/", json=credentials, headers=anonymous)
        response.raise_for_status()
    response = await client.post("/api/auth/login/", json=credentials, headers=anonymous)
    response.raise_for_status()
    client.cookies.clear()
    cookies = cookies_of(response)
    session, csrf = cookies[settings.SESSION_COOKIE_NAME], cookies[settings.CSRF_COOKIE_NAME]
    return session_headers(session, csrf)
