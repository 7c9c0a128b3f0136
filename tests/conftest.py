from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import answer_matrix
import postgres
from generated_project import GeneratedProject

VARIANTS = answer_matrix.valid_variants()
CI_CHOICES = ("github", "gitlab", "none")
PYTHON_CHOICES = ("3.11", "3.12", "3.13", "3.14")

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Whatever builds a whole project is slow: `-m "not variant"` leaves it out.
    for item in items:
        if "project" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.variant)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """URL of a PostgreSQL server on which the tests may create databases."""
    return os.environ["TEST_POSTGRES_URL"]


def _variant_answers(index: int, variant: answer_matrix.Variant) -> dict[str, str]:
    # CI flavour and image Python only change text: rotate them through the
    # matrix so every choice is rendered and validated somewhere.
    return {
        **variant.data,
        "ci": CI_CHOICES[index % len(CI_CHOICES)],
        "python_version": PYTHON_CHOICES[index % len(PYTHON_CHOICES)],
    }


@pytest.fixture(
    scope="session",
    params=[
        pytest.param((i, v), id=v.id, marks=pytest.mark.xdist_group(v.id))
        for i, v in enumerate(VARIANTS)
    ],
)
def project(request, copie_session, postgres_server: str) -> GeneratedProject:
    """One valid variant, rendered, installed and committed to a fresh git repo.

    Every test module that takes this fixture runs once per variant; the
    xdist group keeps a variant's tests on one worker, so it is built once.
    """
    index, variant = request.param
    answers = _variant_answers(index, variant)
    result = copie_session.copy(extra_answers=answers)
    if result.exception is not None:
        raise result.exception
    database = "sc_" + re.sub(r"\W", "_", variant.id)
    generated = GeneratedProject(
        path=result.project_dir,
        answers=answers,
        database_url=postgres.recreate_database(postgres_server, database),
    )
    generated.make("install")
    generated.run("git", "init", "--quiet", "--initial-branch=main")
    generated.run("git", "add", "--all")
    generated.run(
        "git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
        "commit", "--quiet", "--message", "Generated project",
    )  # fmt: skip
    return generated
