"""A project rendered from the template, driven through its own commands."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

# Variables of the caller's shell that would leak into the project's commands.
_SCRUBBED = ("VIRTUAL_ENV", "DATABASE_URL", "PYTHONPATH", "ENVIRONMENT", "SECRET_KEY")


@dataclass
class GeneratedProject:
    path: Path
    answers: dict[str, str]
    database_url: str = ""
    env: dict[str, str] = field(default_factory=dict)

    def environment(self, **overrides: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
        env.update(self.env)
        env.update(overrides)
        return env

    def production_settings(self, database_url: str = "") -> dict[str, str]:
        """Environment of a production deployment on PostgreSQL (this project's database
        unless another is named), for `make migrate`, `make superuser` and `serving()`."""
        return {
            "DATABASE_URL": database_url or self.database_url,
            "ENVIRONMENT": "production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "WEB_CONCURRENCY": "2",
        }

    def run(self, *argv: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
        """Run a command in the project; fail the test with its output if it fails."""
        result = subprocess.run(
            argv,
            cwd=self.path,
            env=self.environment(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(
                f"`{' '.join(argv)}` exited {result.returncode} in {self.path}\n"
                f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}",
                pytrace=False,
            )
        return result

    def make(self, target: str, *args: str, **env: str) -> subprocess.CompletedProcess:
        return self.run("make", target, *args, **env)

    def text_files(self) -> Iterator[Path]:
        skipped = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache"}
        for path in self.path.rglob("*"):
            if path.is_file() and not skipped.intersection(path.relative_to(self.path).parts):
                yield path

    @contextmanager
    def serving(self, port: int, **env: str) -> Iterator[str]:
        """`make serve` on 127.0.0.1:port until the block ends; yields its base URL."""
        base_url = f"http://127.0.0.1:{port}"
        # Beside the project, not in it: the project's own checks see a clean tree.
        log = self.path.parent / f"{self.path.name}-serve-{port}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                ["make", "serve", "HOST=127.0.0.1", f"PORT={port}"],
                cwd=self.path,
                env=self.environment(**env),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_for_health(base_url, process, log)
            yield base_url
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_for_health(base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`make serve` exited {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base_url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"`make serve` did not answer /api/health in 60 s:\n{log.read_text()[-4000:]}")
