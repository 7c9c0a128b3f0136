"""Tortoise's connections: opened by the app's lifespan, lent out per request."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Request
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext, get_current_context

from .config import tortoise_config

Connection = BaseDBAsyncClient


class Database:
    """One Tortoise context per process; the queries name its connection explicitly."""

    def __init__(self, database_url: str, *, pool_size: int = 20) -> None:
        self.config = tortoise_config(database_url, pool_size=pool_size)
        self.context = TortoiseContext()

    async def open(self) -> None:
        # Requests run in other tasks than the lifespan: the first database
        # opened becomes the process-wide fallback the models resolve through.
        first = get_current_context() is None
        with self.context:  # the models look their connection up in the current context
            await self.context.init(config=self.config, _enable_global_fallback=first)

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[BaseDBAsyncClient]:
        yield self.context.db()

    async def ping(self) -> None:
        """Raise unless the database answers."""
        await self.context.db().execute_query("SELECT 1")

    async def close(self) -> None:
        await self.context.close_connections()


async def connection(request: Request) -> AsyncIterator[BaseDBAsyncClient]:
    """The connection the request's queries run on."""
    database: Database = request.app.state.database
    async with database.connect() as conn:
        yield conn
