"""The API's Django connection: one per process, checked at every request, never left stale.

Each request here needs a user, whom the auth package looks up through
Django's ORM whichever ORM the data layer uses.
"""

from collections.abc import AsyncIterator

import pytest
from asgiref.sync import sync_to_async
from django.db import connection, connections
from httpx import AsyncClient

from .conftest import Headers

MISSING = "/api/products/999999/"


def api_thread_connection() -> object:
    """The DB-API connection Django holds in the thread the async ORM runs in."""
    return connections["default"].connection


async def request_as(client: AsyncClient, user: Headers) -> None:
    assert (await client.delete(MISSING, headers=user)).status_code == 404


@pytest.fixture
async def kept_connections(client: AsyncClient, owner: Headers) -> AsyncIterator[None]:
    """Connections kept between requests for a while, as outside the tests."""
    settings_dict = connections["default"].settings_dict
    settings_dict["CONN_MAX_AGE"] = 600
    yield
    settings_dict["CONN_MAX_AGE"] = 0
    await sync_to_async(connections.close_all)()


async def test_a_request_leaves_no_connection_open_when_none_is_kept(
    client: AsyncClient, owner: Headers
) -> None:
    await request_as(client, owner)
    assert await sync_to_async(api_thread_connection)() is None


@pytest.mark.usefixtures("kept_connections")
async def test_requests_share_one_kept_connection(client: AsyncClient, owner: Headers) -> None:
    await request_as(client, owner)
    first = await sync_to_async(api_thread_connection)()
    await request_as(client, owner)
    assert first is not None
    assert await sync_to_async(api_thread_connection)() is first


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a server ending a session is PostgreSQL's"
)
@pytest.mark.usefixtures("kept_connections")
async def test_a_connection_the_server_ended_is_replaced_without_a_failed_request(
    client: AsyncClient, owner: Headers
) -> None:
    await request_as(client, owner)
    kept = await sync_to_async(api_thread_connection)()

    def end_the_session() -> None:
        pid = kept.info.backend_pid  # type: ignore[attr-defined]
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            connections.close_all()

    # From another thread than the API's, as the database server would.
    await sync_to_async(end_the_session, thread_sensitive=False)()

    await request_as(client, owner)
    assert await sync_to_async(api_thread_connection)() is not kept
