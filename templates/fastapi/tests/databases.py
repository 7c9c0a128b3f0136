"""Throwaway databases for the tests, never the development one.

SQLite by default: a fresh file in a temporary directory. When DATABASE_URL
names a PostgreSQL server, a fresh database on that server, dropped at the end.
"""

import asyncio
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import SplitResult, urlsplit, urlunsplit

import asyncpg


@contextmanager
def throwaway_database(tmp_dir: Path) -> Iterator[str]:
    """The URL of an empty database that exists for the length of the block."""
    server_url = os.environ.get("DATABASE_URL", "").strip()
    if not server_url.startswith(("postgresql://", "postgres://")):
        yield f"sqlite:///{tmp_dir / 'test.sqlite3'}"
        return
    name = f"test_{urlsplit(server_url).path.strip('/') or 'db'}_{secrets.token_hex(4)}"
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    try:
        yield urlunsplit(_with_database(server_url, name))
    finally:
        asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _with_database(url: str, name: str) -> SplitResult:
    return urlsplit(url)._replace(path=f"/{name}")


async def _admin(server_url: str, statement: str) -> None:
    # The maintenance database: the one DATABASE_URL names may not exist yet.
    maintenance = urlunsplit(_with_database(server_url, "postgres")._replace(scheme="postgresql"))
    connection = await asyncpg.connect(maintenance)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
