"""What gets loaded: each served variant and baseline, with the requests it answers.

Each context manager serves one target, seeds it, and yields it with its
endpoints; when the block ends its server is stopped.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

import postgres

from . import database, login, seed, servers
from .project import PASSWORD, STAFF_EMAIL, USER_EMAIL, Prepared

# A token older than this is renewed before a create load (the variants'
# access tokens live 15 minutes).
TOKEN_MAX_AGE = 300
# Logging in can be refused for up to a minute after a login load.
AUTH_PATIENCE = 90


@dataclass
class Endpoint:
    name: str  # list, detail, create, login; "ok" for a bare framework
    path: str
    connections: int
    method: str = "GET"
    body: str | None = None
    headers: Callable[[], dict[str, str]] = dict
    count_statuses: bool = False
    after: Callable[[], object] | None = None  # run after each load, e.g. undo its writes

    @property
    def group(self) -> str:
        """Loads of one group run back to back across targets; the bare app's joins the list."""
        return "list" if self.name == "ok" else self.name


@dataclass
class Target:
    name: str
    kind: str  # variant, bare, drf
    framework: str
    port: int
    base_url: str
    endpoints: list[Endpoint] = field(default_factory=list)
    on_postgresql: bool = False  # whether the harness's PostgreSQL server does its queries


class Credentials:
    """Headers of a logged-in user, renewed when they may have expired."""

    def __init__(self, adapter: object, base_url: str, email: str) -> None:
        self.adapter, self.base_url, self.email = adapter, base_url, email
        self._headers: dict[str, str] = {}
        self._at = 0.0

    def __call__(self) -> dict[str, str]:
        if not self._headers or time.monotonic() - self._at > TOKEN_MAX_AGE:
            self._headers = self._log_in()
            self._at = time.monotonic()
        return self._headers

    def _log_in(self) -> dict[str, str]:
        deadline = time.monotonic() + AUTH_PATIENCE
        while True:
            try:
                return self.adapter.authenticate(
                    self.base_url, self.email, PASSWORD, register=False
                )
            except (Exception, pytest.fail.Exception):
                # Most likely the rate limit a login load left behind.
                if time.monotonic() > deadline:
                    raise
                time.sleep(5)


def auth_adapter(auth: str) -> object:
    return importlib.import_module("auth_adapters." + auth.replace("-", "_"))


def check_login(base_url: str, shape: login.LoginShape, headers: dict[str, str]) -> None:
    """One login as the load sends it must succeed (or be rate limited)."""
    response = httpx.post(
        base_url + shape.path,
        content=shape.body(USER_EMAIL, PASSWORD),
        headers=headers,
        timeout=30,
    )
    if response.status_code not in (200, 429):
        raise RuntimeError(
            f"login as loaded ({shape.path}) answered {response.status_code}: {response.text[:300]}"
        )


@contextmanager
def variant(
    prepared: Prepared,
    *,
    connections: int,
    login_connections: int,
    products: int,
    categories: int,
) -> Iterator[Target]:
    project = prepared.project
    port = postgres.free_port()
    with project.serving(port) as base_url:
        adapter = auth_adapter(prepared.auth)
        staff = adapter.authenticate(base_url, STAFF_EMAIL, PASSWORD, register=False)
        adapter.authenticate(base_url, USER_EMAIL, PASSWORD)
        user = Credentials(adapter, base_url, USER_EMAIL)
        category_ids, product_ids = seed.seed(
            base_url, staff, user(), products=products, categories=categories
        )
        shape = login.shape(prepared.auth)
        login_headers = shape.headers(base_url)
        check_login(base_url, shape, login_headers)
        new_product = seed.product_payload(products, category_ids[0])
        yield Target(
            name=prepared.variant.id,
            kind="variant",
            framework=prepared.framework,
            port=port,
            base_url=base_url,
            on_postgresql=project.database_url.startswith("postgresql"),
            endpoints=[
                Endpoint("list", "/api/products/?limit=20", connections),
                Endpoint(
                    "detail", f"/api/products/{product_ids[len(product_ids) // 2]}/", connections
                ),
                Endpoint(
                    "create",
                    "/api/products/",
                    connections,
                    method="POST",
                    body=json.dumps(new_product),
                    headers=lambda: {"Content-Type": "application/json", **user()},
                    after=lambda: database.trim_products(project.database_url, product_ids[-1]),
                ),
                Endpoint(
                    "login",
                    shape.path,
                    login_connections,
                    method="POST",
                    body=shape.body(USER_EMAIL, PASSWORD),
                    headers=lambda: login_headers,
                    count_statuses=True,
                ),
            ],
        )


# The hybrid's API is its FastAPI app, so bare FastAPI is what it is held to.
BARE_MODULES = {"django": "bare_django", "fastapi": "bare_fastapi", "hybrid": "bare_fastapi"}


@contextmanager
def bare(prepared: Prepared, *, connections: int, workers: int, log_dir: Path) -> Iterator[Target]:
    """The bare framework under the variant's own server command and environment."""
    project = prepared.project
    port = postgres.free_port()
    argv = servers.serve_command(project, port, workers)
    module = BARE_MODULES[prepared.framework]
    argv = servers.with_app(argv, f"{module}:{servers.bare_attribute(argv)}", project.path)
    # bare-django, bare-fastapi; bare-fastapi-hybrid under the hybrid's command.
    name = "bare-" + module.removeprefix("bare_")
    if module != f"bare_{prepared.framework}":
        name += f"-{prepared.framework}"
    env = servers.baseline_environment(project)
    with servers.serving(name, argv, port=port, env=env, log_dir=log_dir) as base_url:
        yield Target(
            name, "bare", prepared.framework, port, base_url, [Endpoint("ok", "/", connections)]
        )


@contextmanager
def drf_plain(
    prepared: Prepared,
    postgres_url: str,
    *,
    connections: int,
    workers: int,
    products: int,
    categories: int,
    log_dir: Path,
) -> Iterator[Target]:
    """Straightforward DRF under gunicorn's defaults, from the Django variant's environment."""
    project = prepared.project
    env = servers.baseline_environment(
        project, DATABASE_URL=postgres.recreate_database(postgres_url, "bench_drf_plain")
    )
    in_env = ["uv", "run", "--project", str(project.path), "--with", "gunicorn"]
    seeded = subprocess.run(
        [*in_env, "python", "-m", "drf_plain.seed", str(products), str(categories)],
        cwd=servers.BASELINES,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    detail_id = int(seeded.stdout.split()[-1])
    port = postgres.free_port()
    argv = [
        *in_env,
        "gunicorn",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "drf_plain.wsgi:application",
    ]
    with servers.serving("drf-plain", argv, port=port, env=env, log_dir=log_dir) as base_url:
        yield Target(
            "drf-plain",
            "drf",
            "django",
            port,
            base_url,
            [
                Endpoint("list", "/api/products/?limit=20", connections),
                Endpoint("detail", f"/api/products/{detail_id}/", connections),
            ],
            on_postgresql=True,
        )
