"""The API's handle on Django's connections (see `core.connections` for their life)."""

from contextlib import AbstractAsyncContextManager as AsyncContextManager

from asgiref.sync import sync_to_async
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

from ..core.connections import checked_connection, django_connection

# The alias of the Django database a request's queries use.
Connection = str
connection = django_connection
# What Django raises when the database cannot be reached.
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


class Database:
    """Django opens the connections on first use; this checks and closes them."""

    def __init__(self, alias: str = DEFAULT_DB_ALIAS) -> None:
        self.alias = alias

    async def open(self) -> None:
        """Nothing to do: Django connects on first use."""

    def connect(self) -> AsyncContextManager[Connection]:
        """The alias for a block of queries: the async ORM runs them on its thread's
        connection, checked before and after the block."""
        return checked_connection(self.alias)

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


def configured_database() -> Database:
    """The database Django's settings name."""
    return Database()
