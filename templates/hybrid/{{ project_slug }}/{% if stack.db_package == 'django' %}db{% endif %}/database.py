"""Django's database connections, as the API's requests use them.

Django's async queryset methods run their queries through asgiref's
`sync_to_async`, which, outside Django's own request handler, is one thread
per process. So each server process gives the API one connection. It is kept
between requests for CONN_MAX_AGE seconds, and, as Django does around its own
requests, checked when a request starts and ends: a connection that failed or
outlived CONN_MAX_AGE is closed, a kept one is health-checked before its first
query (CONN_HEALTH_CHECKS), so a restarted database costs no failed request.
"""

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections

# The alias of the Django database a request's queries use.
Connection = str

# The same thread the async ORM runs its queries in: this checks those connections.
release_old_connections = sync_to_async(close_old_connections)


class Database:
    """The app's handle on Django's connections: Django opens them on first use."""

    def __init__(self, alias: str = DEFAULT_DB_ALIAS) -> None:
        self.alias = alias

    async def open(self) -> None:
        """Nothing to do: Django connects on first use."""

    async def ping(self) -> None:
        """Raise unless the database answers."""
        await sync_to_async(self._ping)()

    def _ping(self) -> None:
        # The health check is a request of its own: drop a connection that failed.
        connection = connections[self.alias]
        connection.close_if_unusable_or_obsolete()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    async def close(self) -> None:
        await sync_to_async(connections.close_all)()


async def connection() -> AsyncIterator[Connection]:
    """The database alias for one request, with Django's connection checks around it."""
    await release_old_connections()
    try:
        yield DEFAULT_DB_ALIAS
    finally:
        await release_old_connections()
