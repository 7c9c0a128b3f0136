"""What the test-suite needs from the data layer: a migrated database, emptied between tests."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, event

from .database import Connection, Database
from .migrations import upgrade
from .models import Category, Product

__all__ = ["apply_migrations", "empty_catalogue", "recorded_statements"]

apply_migrations = upgrade


async def empty_catalogue(db: Connection) -> None:
    """Delete every product and category; users stay, their passwords are slow to hash."""
    await db.execute(delete(Product))
    await db.execute(delete(Category))


@contextmanager
def recorded_statements(database: Database) -> Iterator[list[str]]:
    """Every SQL statement the database is sent during the block, in order."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])  # (connection, cursor, statement, parameters, ...)

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
