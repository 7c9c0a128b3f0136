from typing import Any

API_NAMES = frozenset({"User", "current_user", "staff_user"})


def __getattr__(name: str) -> Any:
    if name in API_NAMES:
        from . import dependencies

        return getattr(dependencies, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
