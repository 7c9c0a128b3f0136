"""The health check tells when the database has gone, and again when it is back."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from .checks import assert_json, describe

pytestmark = pytest.mark.outage

# How long the project may take to notice the database leaving or coming back.
NOTICE_SECONDS = 10
AFTERWARDS = ("/api/products/", "/api/categories/")


@contextmanager
def database_gone(admin_url: str, name: str) -> Iterator[None]:
    """Refuse new connections to the database and end the open ones; always undo it."""
    import psycopg
    from psycopg import sql

    database = sql.Identifier(name)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(database))
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            yield
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(database))


def _first_health_answer(api: httpx.Client, status: int) -> httpx.Response:
    """Poll /api/health until it answers `status`; the last answer after the deadline."""
    deadline = time.monotonic() + NOTICE_SECONDS
    while True:
        response = api.get("/api/health")
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def test_health_answers_503_while_the_database_is_gone(api: httpx.Client) -> None:
    admin_url = os.environ.get("CONTRACT_DB_ADMIN_URL")
    name = os.environ.get("CONTRACT_DB_NAME")
    if not (admin_url and name):
        pytest.skip("CONTRACT_DB_ADMIN_URL and CONTRACT_DB_NAME name no database to take away")

    with database_gone(admin_url, name):
        gone = _first_health_answer(api, 503)
        assert gone.status_code == 503, describe(gone)
        assert_json(gone)
        # Other endpoints fail too, but still in JSON.
        listed = api.get("/api/products/")
        assert listed.status_code >= 500, describe(listed)
        assert_json(listed)

    back = _first_health_answer(api, 200)
    assert back.status_code == 200, describe(back)
    assert assert_json(back)["status"] == "ok"
    # Database connections opened before the outage are dead now: every
    # request, not just the health check's, must get a live one. A new TCP
    # connection each time, so the requests reach every server process.
    answers = [
        api.get(path, headers={"Connection": "close"}) for _ in range(15) for path in AFTERWARDS
    ]
    failures = [describe(answer) for answer in answers if answer.status_code != 200]
    assert not failures, "after the database came back:\n" + "\n".join(failures)
