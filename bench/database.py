"""Put the product table back to the seeded catalogue after a load that created rows.

Every list load must count and page the same 1,000 rows, whichever create
load ran before it. The product table is found by its contract columns, so
this works for every ORM's naming (`catalog_product`, `products`, ...).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import psycopg
from psycopg import sql

CONTRACT_COLUMNS = ("price", "category_id", "owner_id")


def trim_products(database_url: str, last_seeded_id: int) -> int:
    """Delete the products past `last_seeded_id`; return how many went."""
    if database_url.startswith("sqlite:"):
        return _trim_sqlite(database_url.removeprefix("sqlite:///"), last_seeded_id)
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT table_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND column_name = ANY(%s)"
            " GROUP BY table_name HAVING count(*) = %s",
            [list(CONTRACT_COLUMNS), len(CONTRACT_COLUMNS)],
        ).fetchone()
        if row is None:
            raise RuntimeError("no table with the product columns in the variant's database")
        table = sql.Identifier(row[0])
        deleted = conn.execute(
            sql.SQL("DELETE FROM {} WHERE id > %s").format(table), [last_seeded_id]
        ).rowcount
        # Keep the planner's view of the table at the seeded size.
        conn.execute(sql.SQL("VACUUM ANALYZE {}").format(table))
        return deleted


def _trim_sqlite(path: str, last_seeded_id: int) -> int:
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if set(CONTRACT_COLUMNS)
            <= {column[1] for column in conn.execute(f'PRAGMA table_info("{name}")')}
        ]
        if len(tables) != 1:
            raise RuntimeError(f"expected one product table in {path}, found {tables}")
        with conn:
            deleted = conn.execute(
                f'DELETE FROM "{tables[0]}" WHERE id > ?', [last_seeded_id]
            ).rowcount
        return deleted
