"""Logs a user in to a project whose auth is Django's sessions (the hybrid's `session` answer)."""

from __future__ import annotations

import httpx

SESSION_COOKIE = "sessionid"
CSRF_COOKIE = "csrftoken"


def authenticate(
    base_url: str, email: str, password: str, *, register: bool = True
) -> dict[str, str]:
    """Register (unless told not to), log in, and answer the headers of an authenticated call.

    Cookies travel in the headers, not in a cookie jar: production marks them
    Secure, and a jar would not send them back over plain http. Origin is what
    a browser sends, and what Django's CSRF check compares with the host.
    """
    origin = {"Origin": base_url.rstrip("/"), "Referer": base_url.rstrip("/") + "/"}
    with httpx.Client(base_url=base_url, timeout=15) as client:
        csrf = client.get("/api/auth/csrf/")
        csrf.raise_for_status()
        secret = csrf.cookies[CSRF_COOKIE]
        anonymous = {
            **origin,
            "Cookie": f"{CSRF_COOKIE}={secret}",
            "X-CSRFToken": csrf.json()["csrfToken"],
        }
        credentials = {"email": email, "password": password}
        if register:
            client.cookies.clear()
            response = client.post("/api/auth/register/", json=credentials, headers=anonymous)
            response.raise_for_status()
        client.cookies.clear()
        response = client.post("/api/auth/login/", json=credentials, headers=anonymous)
        response.raise_for_status()
        session, token = response.cookies[SESSION_COOKIE], response.cookies[CSRF_COOKIE]
        return {
            **origin,
            "Cookie": f"{SESSION_COOKIE}={session}; {CSRF_COOKIE}={token}",
            "X-CSRFToken": token,
        }
