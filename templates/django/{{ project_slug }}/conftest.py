"""Fixtures for every test: clients for each kind of caller, a clean cache, and a record of
password hashing."""

from collections.abc import Callable, Iterator
from typing import Any
from unittest.mock import patch

import pytest
from django.contrib.auth.hashers import get_hasher
from django.core.cache import cache
from rest_framework.test import APIClient

from .users.models import User
from .users.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Throttles and rate limits count in the cache: each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hashing() -> Iterator[list[str]]:
    """The hasher methods run while the test runs ("encode", "verify"), whichever is set."""
    hasher = type(get_hasher())
    computed: list[str] = []

    def recorded(name: str) -> Callable[..., Any]:
        method = getattr(hasher, name)

        def record(self: object, *args: Any, **kwargs: Any) -> Any:
            computed.append(name)
            return method(self, *args, **kwargs)

        return record

    with (
        patch.object(hasher, "encode", recorded("encode")),
        patch.object(hasher, "verify", recorded("verify")),
    ):
        yield computed


def client_for(user: User | None) -> APIClient:
    """A client acting as `user`, whichever auth library issues the real tokens."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return client_for(None)


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def other_user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def staff_user(db: None) -> User:
    return UserFactory(staff=True)


@pytest.fixture
def as_user(user: User) -> APIClient:
    return client_for(user)


@pytest.fixture
def as_other_user(other_user: User) -> APIClient:
    return client_for(other_user)


@pytest.fixture
def as_staff(staff_user: User) -> APIClient:
    return client_for(staff_user)
