"""Django's database connections, as the API's requests use them.

Django's async ORM methods run their queries through asgiref's
`sync_to_async`, which, outside Django's own request handler, is one thread
per process. So each server process gives the API one Django connection. It
is kept between requests for CONN_MAX_AGE seconds and, as Django does around
its own requests, checked when a request starts and ends: a connection that
failed or outlived CONN_MAX_AGE is closed, and a kept one is health-checked
before its first query (CONN_HEALTH_CHECKS), so a restarted database costs no
failed request.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from asgiref.sync import sync_to_async
from django.db import DEFAULT_DB_ALIAS, close_old_connections

# In the thread the async ORM runs its queries in: this checks those connections.
release_old_connections = sync_to_async(close_old_connections)


@asynccontextmanager
async def checked_connection(alias: str = DEFAULT_DB_ALIAS) -> AsyncIterator[str]:
    """The alias of a Django database for a block of queries, checked before and after it."""
    await release_old_connections()
    try:
        yield alias
    finally:
        await release_old_connections()


async def django_connection() -> AsyncIterator[str]:
    """The alias of the Django database for one request, checked before and after it."""
    async with checked_connection() as alias:
        yield alias
