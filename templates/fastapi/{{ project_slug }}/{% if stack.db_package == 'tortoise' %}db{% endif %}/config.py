"""Tortoise's configuration, from DATABASE_URL.

`python -m tortoise -c <package>.db.config.TORTOISE_ORM migrate` reads
TORTOISE_ORM; the app and the tests build theirs with `tortoise_config()`.
"""

from typing import Any

from ..core.config import DatabaseSettings

MIGRATIONS_PACKAGE = "migrations"


def tortoise_url(database_url: str, *, pool_size: int = 20) -> str:
    """Tortoise's URL for a `sqlite:///` or `postgresql://` DATABASE_URL."""
    scheme, _, rest = database_url.partition("://")
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute.db carry one slash more.
        return f"sqlite://{rest.removeprefix('/')}"
    if scheme in ("postgresql", "postgres"):
        separator = "&" if "?" in rest else "?"
        return f"asyncpg://{rest}{separator}minsize=1&maxsize={pool_size}"
    raise ValueError(f"DATABASE_URL must start with sqlite:// or postgresql://, not {scheme}://")


def tortoise_config(database_url: str, *, pool_size: int = 20) -> dict[str, Any]:
    return {
        "connections": {"default": tortoise_url(database_url, pool_size=pool_size)},
        "apps": {
            "models": {
                "models": [f"{__package__}.models"],
                "default_connection": "default",
                "migrations": MIGRATIONS_PACKAGE,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


TORTOISE_ORM = tortoise_config(DatabaseSettings().database_url)
