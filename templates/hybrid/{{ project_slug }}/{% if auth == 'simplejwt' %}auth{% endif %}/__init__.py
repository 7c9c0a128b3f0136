"""Authentication by Simple JWT: Django issues the bearer tokens, both sides accept them.

Django's side is `settings` and `urls` (register, token, refresh, me).
FastAPI's side is `User`, `current_user` and `staff_user`, the names every
auth package gives the API. Settings import this package before Django is
set up, so those names, which need the user model, load on first use.
"""

from typing import Any

API_NAMES = frozenset({"User", "current_user", "staff_user"})


def __getattr__(name: str) -> Any:
    if name in API_NAMES:
        from . import dependencies

        return getattr(dependencies, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
