"""What the test-suite needs from the data layer: a migrated database, emptied between tests."""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import wraps
from typing import Any

from .database import Connection, Database
from .migrations import upgrade
from .models import Category, Product

__all__ = ["apply_migrations", "empty_catalogue", "recorded_statements"]

apply_migrations = upgrade

# The client methods every query Tortoise runs goes through.
EXECUTE_METHODS = (
    "execute_insert",
    "execute_many",
    "execute_query",
    "execute_query_dict",
    "execute_script",
)


async def empty_catalogue(db: Connection) -> None:
    """Delete every product and category; users stay, their passwords are slow to hash."""
    await Product.all().using_db(db).delete()
    await Category.all().using_db(db).delete()


@contextmanager
def recorded_statements(database: Database) -> Iterator[list[str]]:
    """Every SQL statement the database is sent during the block, in order."""
    statements: list[str] = []
    client = database.context.db()

    def recording(method: Any) -> Any:
        @wraps(method)
        async def execute(query: str, *args: Any, **kwargs: Any) -> Any:
            statements.append(query)
            return await method(query, *args, **kwargs)

        return execute

    with ExitStack() as restore:
        for name in EXECUTE_METHODS:
            setattr(client, name, recording(getattr(client, name)))
            restore.callback(delattr, client, name)
        yield statements
