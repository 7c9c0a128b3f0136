"""Every variant, served in production on PostgreSQL, against the shared HTTP contract.

The black-box suite in tests/contract/ runs in a pytest of its own pointed at
the served variant; then schemathesis fuzzes the variant through its own
OpenAPI document. Both run on a database of their own, so nothing here
depends on what other tests left in the variant's database.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import postgres
from generated_project import GeneratedProject

pytestmark = pytest.mark.variant

TESTS = Path(__file__).resolve().parent
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
# The suite is a pytest project of its own (tests/contract/pytest.ini).
CONTRACT_PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--tb=short"]
STAFF_EMAIL, STAFF_PASSWORD = "contract-staff@example.com", "Correct-Horse-42"

# No 5xx, and every answer the document describes looks as it says. Left out:
# status_code_conformance, because the contract does not ask the document to
# list every error status (drf-spectacular, for one, lists only successes).
SCHEMATHESIS_CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"
# A fixed seed, so a run fails or passes the same way again; set another (and
# more examples) to hunt wider: SCHEMATHESIS_SEED=7 SCHEMATHESIS_MAX_EXAMPLES=50.
SCHEMATHESIS_SEED = os.environ.get("SCHEMATHESIS_SEED", "20261203")
SCHEMATHESIS_MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "5")


@dataclass(frozen=True)
class ServedVariant:
    base_url: str
    auth: str
    database: str
    server_url: str  # a PostgreSQL superuser on the variant's database server


@pytest.fixture(scope="module")
def served(project: GeneratedProject, postgres_server: str) -> Iterator[ServedVariant]:
    """The variant under `make serve`, in production mode, with a staff user."""
    # Per worker: a variant whose tests land on two xdist workers is served twice.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    database = f"{project.database_url.rsplit('/', 1)[1]}_ct_{worker}"
    env = project.production_settings(postgres.recreate_database(postgres_server, database))
    project.make("migrate", **env)
    project.make("superuser", f"EMAIL={STAFF_EMAIL}", f"PASSWORD={STAFF_PASSWORD}", **env)
    with project.serving(postgres.free_port(), **env) as base_url:
        yield ServedVariant(
            base_url=base_url,
            auth=project.answers["auth"].replace("-", "_"),
            database=database,
            server_url=postgres_server,
        )


def test_variant_keeps_the_http_contract(served: ServedVariant) -> None:
    env = {
        **os.environ,
        "CONTRACT_BASE_URL": served.base_url,
        "CONTRACT_AUTH": served.auth,
        "CONTRACT_STAFF_EMAIL": STAFF_EMAIL,
        "CONTRACT_STAFF_PASSWORD": STAFF_PASSWORD,
        "CONTRACT_DB_ADMIN_URL": served.server_url,
        "CONTRACT_DB_NAME": served.database,
    }
    result = subprocess.run(
        [*CONTRACT_PYTEST, str(TESTS / "contract")],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = _tail(result)
    if result.returncode != 0:
        pytest.fail(f"the contract suite failed:\n{output}", pytrace=False)
    summary = result.stdout.strip().splitlines()[-1]
    # Every variable is set here, so every test must have run.
    assert re.search(r"\d+ passed", summary), output
    assert not re.search(r"skipped|deselected|xfailed|xpassed", summary), output


def test_schemathesis_finds_no_server_error_or_schema_mismatch(
    served: ServedVariant, tmp_path: Path
) -> None:
    adapter = importlib.import_module(f"auth_adapters.{served.auth}")
    staff = adapter.authenticate(served.base_url, STAFF_EMAIL, STAFF_PASSWORD, register=False)
    headers = [
        option for name, value in staff.items() for option in ("--header", f"{name}: {value}")
    ]
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{served.base_url}/api/openapi.json",
            # The document's own base path (from `servers`) follows the origin.
            "--origin",
            served.base_url,
            "--checks",
            SCHEMATHESIS_CHECKS,
            # Bounded: a handful of cases per operation in each phase.
            "--max-examples",
            SCHEMATHESIS_MAX_EXAMPLES,
            "--seed",
            SCHEMATHESIS_SEED,
            # One worker: hypothesis parsing lambdas in two threads at once
            # trips CPython 3.11's "AST constructor recursion depth mismatch"
            # (seen here as a schemathesis runtime error, not an API failure).
            "--workers",
            "1",
            "--request-timeout",
            "10",
            "--generation-database",
            "none",
            "--no-color",
            *headers,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300 + 20 * int(SCHEMATHESIS_MAX_EXAMPLES),
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"schemathesis found failures:\n{_tail(result)}", pytrace=False)


def _tail(result: subprocess.CompletedProcess) -> str:
    return f"{result.stdout[-30000:]}\n{result.stderr[-4000:]}".strip()
