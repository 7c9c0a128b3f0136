"""Fixtures for every test: clients for each kind of caller, and a clean cache."""

from collections.abc import Iterator

import pytest
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
