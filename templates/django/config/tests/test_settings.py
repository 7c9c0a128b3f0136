import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from ..env import BASE_DIR, env, load_dotenv
from ..settings.base import database_from_url


def run_in_production(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    environment.update(ENVIRONMENT="production", **variables)
    return subprocess.run(  # noqa: S603  (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    # An empty variable wins over .env, so this holds on a developer's machine too.
    result = run_in_production("check", SECRET_KEY="")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_with_the_development_key() -> None:
    # The key the development settings fall back to, as they spell it.
    development_key = "django-insecure-development-only-never-use-this-key-in-production"
    result = run_in_production("check", SECRET_KEY=development_key)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is a development key" in result.stderr


def test_production_passes_the_deployment_checks() -> None:
    result = run_in_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.com",
        SECURE_SSL_REDIRECT="",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_empty_database_url_means_the_sqlite_file_of_the_project(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "")

    database = database_from_url(env("DATABASE_URL", "sqlite:///db.sqlite3"), BASE_DIR)

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")


def test_postgresql_connections_are_kept_and_checked() -> None:
    database = database_from_url("postgresql://shop:secret@db:5432/shop", BASE_DIR)

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "shop"
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True


def test_dotenv_fills_in_only_what_the_environment_leaves_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nSTACK_A=from-file\nexport STACK_B='quoted'\nSTACK_C=from-file\n")
    monkeypatch.delenv("STACK_A", raising=False)
    monkeypatch.delenv("STACK_B", raising=False)
    monkeypatch.setenv("STACK_C", "real")

    load_dotenv(dotenv)

    assert os.environ["STACK_A"] == "from-file"
    assert os.environ["STACK_B"] == "quoted"
    assert os.environ["STACK_C"] == "real"
    for name in ("STACK_A", "STACK_B"):
        monkeypatch.delenv(name)
