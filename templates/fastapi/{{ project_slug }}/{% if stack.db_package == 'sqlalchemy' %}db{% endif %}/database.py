"""The connection pool: opened by the app's lifespan, lent out one connection per request."""

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager as AsyncContextManager
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import URL, event, make_url, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, create_async_engine

Connection = AsyncConnection

ASYNC_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def async_url(database_url: str) -> URL:
    """The async driver's URL for a `sqlite:///` or `postgresql://` DATABASE_URL."""
    url = make_url(database_url)
    try:
        return url.set(drivername=ASYNC_DRIVERS[url.drivername])
    except KeyError:
        raise ValueError(
            f"DATABASE_URL must start with sqlite:// or postgresql://, not {url.drivername}://"
        ) from None


def _replace_closed_connection(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    # A connection the server has closed (a restart, a failover) is swapped for
    # a new one at checkout. asyncpg knows this without a round trip, so this
    # costs nothing like a pre-ping would.
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError


def _enforce_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys, and so ON DELETE CASCADE, unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """One engine per process; every statement the API runs is a single autocommitted one."""

    def __init__(self, database_url: str, *, pool_size: int = 20, autocommit: bool = True) -> None:
        url = async_url(database_url)
        is_sqlite = url.get_backend_name() == "sqlite"
        # Each write the API makes is one statement, so it needs no BEGIN/COMMIT
        # round trips; migrations ask for transactions.
        options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
        self.engine = create_async_engine(
            url,
            # A steady pool per worker: overflow connections would be opened and
            # closed again under sustained load, a connect per request.
            pool_size=pool_size,
            max_overflow=0,
            pool_pre_ping=False,
            connect_args={} if is_sqlite else {"timeout": 5, "command_timeout": 30},
            **options,
        )
        if is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _enforce_foreign_keys)
        else:
            event.listen(self.engine.sync_engine, "checkout", _replace_closed_connection)

    async def open(self) -> None:
        """Nothing to do: the pool connects on first use."""

    def connect(self) -> AsyncContextManager[AsyncConnection]:
        """A pooled connection, returned to the pool when the block ends."""
        return self.engine.connect()

    async def ping(self) -> None:
        """Raise unless the database answers."""
        async with self.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def close(self) -> None:
        await self.engine.dispose()


async def connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """A pooled connection for the length of one request."""
    database: Database = request.app.state.database
    async with database.connect() as conn:
        yield conn


async def session(
    conn: Annotated[AsyncConnection, Depends(connection)],
) -> AsyncIterator[AsyncSession]:
    """An ORM session on the request's connection, for libraries that want one.

    Sharing the connection keeps a request to one pooled connection: a second
    one per request could exhaust the pool with every holder waiting.
    """
    async with AsyncSession(bind=conn, expire_on_commit=False) as orm_session:
        yield orm_session
