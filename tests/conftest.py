from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import postgres

_OWN_SERVER: dict = {}


def pytest_configure(config: pytest.Config) -> None:
    """Start PostgreSQL once per run, before pytest-xdist starts its workers.

    TEST_POSTGRES_URL names a server when one already runs (as in .ci/run);
    otherwise the main process starts a throwaway one and the workers inherit
    its URL through the environment.
    """
    if hasattr(config, "workerinput") or os.environ.get("TEST_POSTGRES_URL"):
        return
    data_dir = Path(tempfile.mkdtemp(prefix="stackcraft-pg-"))
    os.chmod(data_dir, 0o755)
    url, process = postgres.start_server(data_dir / "data")
    os.environ["TEST_POSTGRES_URL"] = url
    _OWN_SERVER.update(process=process, data_dir=data_dir)


def pytest_unconfigure(config: pytest.Config) -> None:
    if process := _OWN_SERVER.get("process"):
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(_OWN_SERVER["data_dir"], ignore_errors=True)
        os.environ.pop("TEST_POSTGRES_URL", None)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """URL of a PostgreSQL server on which the tests may create databases."""
    return os.environ["TEST_POSTGRES_URL"]
