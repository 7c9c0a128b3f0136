"""The database Django's settings name, for SQLAlchemy, and the errors that say it is gone.

Read from Django's settings rather than DATABASE_URL, so that both sides use
the same database, the tests' own included.
"""

from typing import Any

from django.conf import settings
from sqlalchemy import URL
from sqlalchemy.exc import InterfaceError, OperationalError

from .database import Database

# A refused or dropped connection: asyncpg raises the socket's own errors.
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError, OSError)

DRIVERS = {
    "django.db.backends.postgresql": "postgresql",
    "django.db.backends.sqlite3": "sqlite",
}


def database_url(database: dict[str, Any]) -> str:
    """A `postgresql://` or `sqlite:///` URL for a Django DATABASES entry."""
    driver = DRIVERS[database["ENGINE"]]
    if driver == "sqlite":
        return f"sqlite:///{database['NAME']}"
    url = URL.create(
        driver,
        username=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        host=database.get("HOST") or None,
        port=int(database["PORT"]) if database.get("PORT") else None,
        database=database["NAME"],
    )
    return url.render_as_string(hide_password=False)


def configured_database() -> Database:
    return Database(database_url(settings.DATABASES["default"]))
