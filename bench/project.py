"""A variant made ready to load: rendered (timed), installed, its suite timed, migrated.

Everything goes through the generated project's own commands, as in
tests/test_variants.py: `copier copy`, `make install`, `make test`,
`make migrate`, `make superuser`.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import answer_matrix
import postgres
from generated_project import GeneratedProject

from . import TEMPLATE_ROOT

COPIER = str(Path(sys.executable).parent / "copier")
STAFF_EMAIL = "staff@example.com"
USER_EMAIL = "bench@example.com"
PASSWORD = "Correct-Horse-42"


@dataclass
class Prepared:
    variant: answer_matrix.Variant
    project: GeneratedProject
    copy_seconds: float
    suite_seconds: dict[str, float | None] = field(default_factory=dict)

    @property
    def framework(self) -> str:
        return self.variant.data["framework"]

    @property
    def auth(self) -> str:
        return self.variant.data["auth"]


def production_environment(database_url: str, workers: int) -> dict[str, str]:
    """The settings `make serve` runs with, as in the production round-trip test."""
    return {
        "DATABASE_URL": database_url,
        "ENVIRONMENT": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "WEB_CONCURRENCY": str(workers),
    }


def render(variant: answer_matrix.Variant, destination: Path) -> float:
    """`copier copy` the variant to `destination`; return its wall time in seconds."""
    data = [arg for name, value in variant.answers for arg in ("--data", f"{name}={value}")]
    started = time.perf_counter()
    subprocess.run(
        [
            COPIER,
            "copy",
            "--trust",
            "--defaults",
            "--quiet",
            "--vcs-ref",
            "HEAD",
            *data,
            str(TEMPLATE_ROOT),
            str(destination),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started


def time_suite(project: GeneratedProject, **env: str) -> float | None:
    """Wall time of `make test`; None when the suite fails."""
    started = time.perf_counter()
    result = subprocess.run(
        ["make", "test"],
        cwd=project.path,
        env=project.environment(**env),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    elapsed = time.perf_counter() - started
    return elapsed if result.returncode == 0 else None


def database_for(variant: answer_matrix.Variant, project_dir: Path, postgres_url: str) -> str:
    """The variant's own kind of database: a fresh PostgreSQL database, or a SQLite file."""
    if variant.data["database"] == "sqlite":
        return f"sqlite:///{project_dir / 'bench.sqlite3'}"
    return postgres.recreate_database(postgres_url, "bench_" + re.sub(r"\W", "_", variant.id))


def prepare(
    variant: answer_matrix.Variant,
    workdir: Path,
    postgres_url: str,
    *,
    workers: int,
    suite: bool,
) -> Prepared:
    destination = workdir / variant.id
    copy_seconds = render(variant, destination)
    project = GeneratedProject(path=destination, answers=variant.data)
    project.make("install")
    prepared = Prepared(variant, project, copy_seconds)
    project.database_url = database_for(variant, destination, postgres_url)
    if suite:
        prepared.suite_seconds["sqlite"] = time_suite(project)
        prepared.suite_seconds["postgresql"] = time_suite(
            project, DATABASE_URL=postgres.recreate_database(postgres_url, "bench_suite")
        )
    project.env = production_environment(project.database_url, workers)
    project.make("migrate")
    project.make("superuser", f"EMAIL={STAFF_EMAIL}", f"PASSWORD={PASSWORD}")
    return prepared
