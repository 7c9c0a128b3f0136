"""The process environment, as settings read it.

A `.env` file at the project root fills in what the real environment leaves
unset, and an empty variable counts as unset, so `DATABASE_URL=` in CI means
the default database.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("development", "test", "production")


def load_dotenv(path: Path = BASE_DIR / ".env") -> None:
    """Copy the `KEY=value` lines of `path` into the environment, keeping what is already set."""
    if not path.is_file():
        return
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        os.environ.setdefault(key.strip(), value)


def env(name: str, default: str = "") -> str:
    return os.environ.get(name) or default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name: str, *, default: bool) -> bool:
    value = env(name).lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def select_settings_module() -> None:
    """Use `config.settings.<ENVIRONMENT>` unless DJANGO_SETTINGS_MODULE names other settings."""
    load_dotenv()
    environment = env("ENVIRONMENT", "development")
    if environment not in ENVIRONMENTS:
        raise ImproperlyConfigured(
            f"ENVIRONMENT must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{environment}")
