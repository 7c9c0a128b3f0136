"""The baselines' servers: a bare app under the very command a variant's `make serve` runs.

The command is read from the generated Makefile (`make -n serve`), so a
change of server or flags in the template reaches the baselines too; only
the application it imports is swapped, and `uv run` is pointed at the
variant's environment.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from generated_project import GeneratedProject

BASELINES = Path(__file__).resolve().parent / "baselines"
# `package.module:attribute`, as granian, uvicorn and gunicorn take an app.
APP_ARGUMENT = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")


class ServerFailed(RuntimeError):
    pass


def serve_command(project: GeneratedProject, port: int, workers: int) -> list[str]:
    """What `make serve` runs for this host, port and worker count."""
    dry_run = project.run(
        "make",
        "--no-print-directory",
        "--dry-run",
        "serve",
        "HOST=127.0.0.1",
        f"PORT={port}",
        f"WEB_CONCURRENCY={workers}",
    ).stdout
    lines = [line for line in dry_run.splitlines() if line.strip()]
    if len(lines) != 1:
        raise ServerFailed(f"`make serve` runs {len(lines)} commands, expected one:\n{dry_run}")
    return shlex.split(lines[0])


def app_argument(argv: list[str]) -> str:
    found = [arg for arg in argv if APP_ARGUMENT.match(arg)]
    if len(found) != 1:
        raise ServerFailed(f"cannot tell the application in {shlex.join(argv)}")
    return found[0]


def bare_attribute(argv: list[str]) -> str:
    """Which attribute of a bare app module this command can serve.

    Each module offers its app for WSGI and ASGI, as an object and as a factory.
    """
    asgi = any("asgi" in arg for arg in argv) or any(
        Path(arg).name in ("uvicorn", "hypercorn", "daphne") for arg in argv
    )
    factory = "--factory" in argv
    return ("create_" if factory else "") + ("asgi_application" if asgi else "application")


def with_app(argv: list[str], app: str, project_dir: Path) -> list[str]:
    """`argv` serving `app` instead, from the environment of the project at `project_dir`."""
    original = app_argument(argv)
    swapped = [app if arg == original else arg for arg in argv]
    if swapped[:2] == ["uv", "run"]:
        swapped = swapped[2:]
    return ["uv", "run", "--project", str(project_dir), *swapped]


def baseline_environment(project: GeneratedProject, **overrides: str) -> dict[str, str]:
    return project.environment(PYTHONPATH=str(BASELINES), **overrides)


@contextmanager
def serving(
    name: str, argv: list[str], *, port: int, env: dict[str, str], log_dir: Path
) -> Iterator[str]:
    """Run `argv` from the baselines folder until the block ends; yield its base URL."""
    base_url = f"http://127.0.0.1:{port}"
    log = log_dir / f"{name}-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            argv,
            cwd=BASELINES,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_answering(base_url + "/", process, log)
        yield base_url
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End the server and every process it started (they share its process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_until_answering(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"{url}: server exited {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise ServerFailed(f"{url} did not answer 200 in 120 s:\n{log.read_text()[-4000:]}")
