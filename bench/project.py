"""A variant made ready to load: rendered (timed), installed, its suite timed, migrated.

Everything goes through the generated project's own commands, as in
tests/test_variants.py: `copier copy`, `make install`, `make test`,
`make migrate`, `make superuser`.
"""

from __future__ import annotations

import re
import resource
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


@dataclass(frozen=True)
class Timed:
    """Wall time, and the CPU time of the command and everything it ran."""

    seconds: float
    cpu_seconds: float
    ok: bool = True

    def __str__(self) -> str:
        return f"{self.seconds:.2f} s ({self.cpu_seconds:.2f} s CPU)"


def timed(argv: list[str], **kwargs: object) -> Timed:
    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    cpu, started = children_cpu(), time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, check=False, **kwargs)
    elapsed = time.perf_counter() - started
    return Timed(elapsed, children_cpu() - cpu, result.returncode == 0)


@dataclass
class Prepared:
    variant: answer_matrix.Variant
    project: GeneratedProject
    copy: Timed
    suite: dict[str, Timed] = field(default_factory=dict)

    @property
    def framework(self) -> str:
        return self.variant.data["framework"]

    @property
    def auth(self) -> str:
        return self.variant.data["auth"]


def render(variant: answer_matrix.Variant, destination: Path) -> Timed:
    """`copier copy` the variant to `destination`, timed."""
    data = [arg for name, value in variant.answers for arg in ("--data", f"{name}={value}")]
    options = ["--trust", "--defaults", "--quiet", "--vcs-ref", "HEAD"]
    copy = timed([COPIER, "copy", *options, *data, str(TEMPLATE_ROOT), str(destination)])
    if not copy.ok:
        raise RuntimeError(f"copier copy of {variant.id} failed")
    return copy


def time_suite(project: GeneratedProject, **env: str) -> Timed:
    """`make test`, timed; `ok` is False when the suite fails."""
    return timed(["make", "test"], cwd=project.path, env=project.environment(**env), timeout=900)


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
    copy = render(variant, destination)
    project = GeneratedProject(path=destination, answers=variant.data)
    project.make("install")
    prepared = Prepared(variant, project, copy)
    project.database_url = database_for(variant, destination, postgres_url)
    if suite:
        prepared.suite["sqlite"] = time_suite(project)
        prepared.suite["postgresql"] = time_suite(
            project, DATABASE_URL=postgres.recreate_database(postgres_url, "bench_suite")
        )
    # As the production round-trip test serves it, with the worker count asked for.
    project.env = {**project.production_settings(), "WEB_CONCURRENCY": str(workers)}
    project.make("migrate")
    project.make("superuser", f"EMAIL={STAFF_EMAIL}", f"PASSWORD={PASSWORD}")
    return prepared
