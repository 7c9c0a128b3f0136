from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

URL = "/api/health"


@pytest.fixture
def unreachable_database(tmp_path: Path) -> Iterator[None]:
    """For the test's duration, the default connection points at a database that is not there."""
    working = connections[DEFAULT_DB_ALIAS]
    settings_dict = {**working.settings_dict, "OPTIONS": {}}
    if working.vendor == "postgresql":
        # Nothing listens on port 1; the connection is refused at once.
        settings_dict.update(HOST="127.0.0.1", PORT="1", OPTIONS={"connect_timeout": 2})
    else:
        settings_dict["NAME"] = str(tmp_path / "no-such-directory" / "db.sqlite3")
    backend = load_backend(settings_dict["ENGINE"])
    connections[DEFAULT_DB_ALIAS] = backend.DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = working


def test_health_is_ok_when_the_database_answers(anonymous: APIClient) -> None:
    response = anonymous.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.usefixtures("unreachable_database")
def test_health_is_503_when_the_database_is_down(anonymous: APIClient) -> None:
    response = anonymous.get(URL)

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
