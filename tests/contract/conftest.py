"""Points the contract suite at a served project.

    CONTRACT_BASE_URL        origin of the served project, e.g. http://127.0.0.1:8000;
                             without it these tests are not collected at all
    CONTRACT_AUTH            module of tests/auth_adapters/ that logs users in
                             (simplejwt, allauth, pyjwt, fastapi_users)
    CONTRACT_STAFF_EMAIL     an existing staff user (`make superuser EMAIL=... PASSWORD=...`)
    CONTRACT_STAFF_PASSWORD
    CONTRACT_DB_ADMIN_URL    a PostgreSQL superuser URL on the project's database server and
    CONTRACT_DB_NAME         the project's database: the outage test takes that database
                             away and brings it back (skipped without them)

    CONTRACT_BASE_URL=http://127.0.0.1:8000 CONTRACT_AUTH=simplejwt ... \
        uv run pytest tests/contract

The tests share the server with whatever else uses it: each makes its own
categories with unique names and looks only inside them.
"""

from __future__ import annotations

import importlib
import os
import secrets
import sys
from collections.abc import Iterator
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from .catalog import Catalog, Headers, Json
from .checks import unique

if not os.environ.get("CONTRACT_BASE_URL"):
    # No server to test: a plain run of the template's own tests leaves the
    # suite out instead of failing or passing it without a request.
    collect_ignore_glob = ["test_*.py"]

# tests/, where the auth adapters live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "outage: takes the project's database away; runs after every other test"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.get_closest_marker("outage") is not None)


def setting(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(f"{name} must be set to run the contract suite", pytrace=False)
    return value


@pytest.fixture(scope="session")
def base_url() -> str:
    return setting("CONTRACT_BASE_URL").rstrip("/")


@pytest.fixture(scope="session")
def api(base_url: str) -> Iterator[httpx.Client]:
    """An HTTP client that keeps no cookies.

    A request carries only the credentials it is given, so a request without
    headers is anonymous whichever auth library the project uses.
    """
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    # A fresh connection per request: a kept-alive one the server has just
    # closed as idle would fail a test for a reason outside the contract.
    with httpx.Client(
        base_url=base_url,
        timeout=15,
        follow_redirects=False,
        cookies=no_cookies,
        headers={"Connection": "close"},
    ) as client:
        yield client


@pytest.fixture(scope="session")
def adapter() -> ModuleType:
    return importlib.import_module("auth_adapters." + setting("CONTRACT_AUTH").replace("-", "_"))


@pytest.fixture(scope="session")
def staff(base_url: str, adapter: ModuleType) -> Headers:
    """Credentials of the existing staff user."""
    email, password = setting("CONTRACT_STAFF_EMAIL"), setting("CONTRACT_STAFF_PASSWORD")
    return adapter.authenticate(base_url, email, password, register=False)


def _register(base_url: str, adapter: ModuleType, name: str) -> Headers:
    password = "Contract-" + secrets.token_urlsafe(12)
    return adapter.authenticate(base_url, f"{unique(name)}@example.com", password)


@pytest.fixture(scope="session")
def alice(base_url: str, adapter: ModuleType) -> Headers:
    """Credentials of a newly registered user without staff rights."""
    return _register(base_url, adapter, "alice")


@pytest.fixture(scope="session")
def bob(base_url: str, adapter: ModuleType) -> Headers:
    """Credentials of another user without staff rights, a stranger to alice's products."""
    return _register(base_url, adapter, "bob")


@pytest.fixture(scope="session")
def catalog(api: httpx.Client, staff: Headers) -> Iterator[Catalog]:
    made = Catalog(api, staff)
    yield made
    made.clean_up()


@pytest.fixture
def category(catalog: Catalog) -> Json:
    """A fresh category of the test's own."""
    return catalog.category()


@pytest.fixture
def product(catalog: Catalog, alice: Headers, category: Json) -> Json:
    """A fresh product owned by alice."""
    return catalog.product(alice, category, name=unique("Sencha"), price="12.50")
