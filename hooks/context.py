"""Turn the answers to copier.yml into the stack a project is built from.

This is the one place that knows which packages, commands and modules each
answer brings. Templates read the derived values (``deps``, ``commands``,
``auth_module`` ...) instead of re-deriving them from the raw answers, so
adding an ORM or an auth library is one entry here plus one package in the
template.
"""

from __future__ import annotations

import secrets
from typing import Any

from copier_template_extensions import ContextHook

# Versions are ranges, not pins: the project's own `uv sync` writes the lock
# file, so copying stays offline.
PACKAGES = {
    "django": "django>=5.2.8,<5.3",
    "djangorestframework": "djangorestframework>=3.16,<4",
    "django-filter": "django-filter>=25.1",
    "drf-spectacular": "drf-spectacular>=0.28",
    "drf-spectacular-sidecar": "drf-spectacular-sidecar>=2025.1",
    "django-cors-headers": "django-cors-headers>=4.6",
    "dj-database-url": "dj-database-url>=2.3",
    "psycopg": "psycopg[binary,pool]>=3.2",
    "argon2-cffi": "argon2-cffi>=23.1",
    "granian": "granian>=2.5",
    "whitenoise": "whitenoise>=6.8",
    "djangorestframework-simplejwt": "djangorestframework-simplejwt>=5.5",
    # 65.13 brought the headless JWT token strategy.
    "django-allauth": "django-allauth[headless]>=65.13.1",
    "fastapi": "fastapi>=0.115.8",
    "pydantic-settings": "pydantic-settings>=2.7",
    "email-validator": "email-validator>=2.2",
    "python-multipart": "python-multipart>=0.0.18",
    "orjson": "orjson>=3.10",
    "uvicorn": "uvicorn[standard]>=0.34",
    "sqlalchemy": "sqlalchemy[asyncio]>=2.0.36,<2.1",
    "sqlmodel": "sqlmodel>=0.0.24",
    "alembic": "alembic>=1.14",
    "asyncpg": "asyncpg>=0.30",
    "aiosqlite": "aiosqlite>=0.20",
    "tortoise-orm": "tortoise-orm[asyncpg]>=1.0,<2",
    "pyjwt": "pyjwt>=2.10",
    "pwdlib": "pwdlib[argon2]>=0.2.1",
    "fastapi-users": "fastapi-users[sqlalchemy]>=14",
    "a2wsgi": "a2wsgi>=1.10",
    # development tools
    "pytest": "pytest>=8.3",
    "pytest-asyncio": "pytest-asyncio>=1.0",
    "httpx": "httpx>=0.28",
    "pytest-django": "pytest-django>=4.9",
    "factory-boy": "factory-boy>=3.3",
    "ruff": "ruff==0.17.6",
    "pre-commit": "pre-commit>=4.0",
}

FRAMEWORKS: dict[str, dict[str, Any]] = {
    "django": {
        "label": "Django + Django REST framework",
        "runtime": [
            "django",
            "djangorestframework",
            "django-filter",
            "drf-spectacular",
            # Swagger UI served by the app itself instead of a CDN.
            "drf-spectacular-sidecar",
            "django-cors-headers",
            "dj-database-url",
            "psycopg",
            "argon2-cffi",
            "granian",
            "whitenoise",
        ],
        "dev": ["pytest", "pytest-django", "factory-boy", "ruff", "pre-commit"],
        # Placeholders in braces are filled by each file that runs a command
        # (Makefile variables, Dockerfile environment); {run} is the runner
        # prefix (`uv run` in the Makefile) where it cannot simply lead.
        "commands": {
            "migrate": "python manage.py migrate --noinput",
            "migrations_check": "python manage.py makemigrations --check --dry-run",
            "superuser": (
                "DJANGO_SUPERUSER_PASSWORD={password} "
                "{run} python manage.py createsuperuser --noinput --email {email}"
            ),
            "run": "python manage.py runserver 127.0.0.1:8000",
            # Measured against gunicorn (sync and gthread) on the product list:
            # granian's WSGI server wins; the project README has the figures.
            "serve": (
                "granian --interface wsgi --host {host} --port {port}"
                " --workers {workers} --blocking-threads 4 --no-ws config.wsgi:application"
            ),
            # Run once while building the image.
            "build": "python manage.py collectstatic --noinput",
            "test": "pytest",
        },
        "orms": ["django"],
    },
    "fastapi": {
        "label": "FastAPI",
        "runtime": [
            "fastapi",
            "pydantic-settings",
            "email-validator",
            "python-multipart",
            "orjson",
            "uvicorn",
            "granian",
        ],
        "dev": ["pytest", "pytest-asyncio", "httpx", "ruff", "pre-commit"],
        # {package} is the project's Python package; migrate and
        # migrations_check come from the ORM entry.
        "commands": {
            "superuser": (
                "SUPERUSER_PASSWORD={password} "
                "{run} python -m {package}.cli create-superuser --email {email}"
            ),
            "run": (
                "uvicorn {package}.main:create_app --factory --reload --host 127.0.0.1 --port 8000"
            ),
            "serve": (
                "granian --interface asgi --host {host} --port {port} --workers {workers}"
                " --loop uvloop --http 1 --no-ws --factory {package}.main:create_app"
            ),
            "build": None,
            "test": "pytest",
        },
        "orms": ["sqlalchemy", "sqlmodel", "tortoise"],
    },
}

# Django for the accounts, the admin and the schema, FastAPI for the API.
FRAMEWORKS["hybrid"] = {
    "label": "Django (admin, migrations, accounts) + FastAPI (the API)",
    "runtime": [
        "django",
        # The auth endpoints are DRF views; drf-spectacular describes them in
        # the one OpenAPI document FastAPI serves.
        "djangorestframework",
        "drf-spectacular",
        "django-cors-headers",
        "dj-database-url",
        "psycopg",
        "argon2-cffi",
        "whitenoise",
        "fastapi",
        "orjson",
        "uvicorn",
        "granian",
        # Django's WSGI app inside the one ASGI app, on a fixed thread pool.
        "a2wsgi",
    ],
    "dev": [
        "pytest",
        "pytest-django",
        "pytest-asyncio",
        "httpx",
        "factory-boy",
        "ruff",
        "pre-commit",
    ],
    # Django owns the schema whichever ORM the API reads it with, so the
    # management commands (migrations included) stay Django's.
    "migrations": "django",
    "commands": {
        **FRAMEWORKS["django"]["commands"],
        "run": "uvicorn config.asgi:application --reload --host 127.0.0.1 --port 8000",
        # One process serves both apps; the project README has the measurement
        # against two servers behind a proxy.
        "serve": (
            "granian --interface asgi --host {host} --port {port} --workers {workers}"
            " --loop uvloop --http 1 --no-ws config.asgi:application"
        ),
    },
    "orms": ["django", "sqlalchemy"],
}

# An ORM's "commands" override its framework's (migrations are the ORM's);
# "db_package" names the template's data-layer package it renders.
_ALEMBIC_COMMANDS = {
    "migrate": "alembic upgrade head",
    "migrations_check": "python -m {package}.db.migrations",
}
ORMS: dict[str, dict[str, Any]] = {
    # db_package: the hybrid's data layer; the django framework has none.
    "django": {"label": "Django ORM", "runtime": [], "dev": [], "db_package": "django"},
    "sqlalchemy": {
        "label": "SQLAlchemy 2 (async)",
        "runtime": ["sqlalchemy", "alembic", "asyncpg", "aiosqlite"],
        "dev": [],
        "db_package": "sqlalchemy",
        "migrations": "alembic",
        "commands": _ALEMBIC_COMMANDS,
    },
    "sqlmodel": {
        "label": "SQLModel",
        "runtime": ["sqlmodel", "sqlalchemy", "alembic", "asyncpg", "aiosqlite"],
        "dev": [],
        # SQLModel tables are SQLAlchemy tables: the queries are shared.
        "db_package": "sqlalchemy",
        "migrations": "alembic",
        "commands": _ALEMBIC_COMMANDS,
    },
    "tortoise": {
        "label": "Tortoise ORM",
        "runtime": ["tortoise-orm"],
        "dev": [],
        "db_package": "tortoise",
        # Tortoise 1.x ships its own migrations (aerich's successor).
        "migrations": "tortoise",
        "commands": {
            "migrate": "python -m tortoise -c {package}.db.config.TORTOISE_ORM migrate",
            "migrations_check": "python -m {package}.db.migrations",
        },
    },
}

AUTHS: dict[str, dict[str, Any]] = {
    "simplejwt": {
        "label": "Simple JWT",
        "frameworks": ["django", "hybrid"],
        "runtime": ["djangorestframework-simplejwt"],
        "scheme": "bearer",
    },
    "session": {
        "label": "Django sessions",
        "frameworks": ["hybrid"],
        "runtime": [],
        "scheme": "session",
    },
    "allauth": {
        "label": "django-allauth headless",
        "frameworks": ["django"],
        "runtime": ["django-allauth"],
        "scheme": "allauth-app-token",
    },
    "pyjwt": {
        "label": "PyJWT (OAuth2 password flow)",
        "frameworks": ["fastapi"],
        "runtime": ["pyjwt", "pwdlib"],
        "scheme": "bearer",
    },
    "fastapi-users": {
        "label": "fastapi-users (JWT bearer)",
        "frameworks": ["fastapi"],
        "runtime": ["fastapi-users", "pwdlib"],
        "scheme": "bearer",
    },
}


ANSWERS_USED = ("project_slug", "framework", "orm", "auth", "database")


def _requirements(names: list[str]) -> list[str]:
    return sorted(PACKAGES[name] for name in dict.fromkeys(names))


def _commands(framework: dict[str, Any], orm: dict[str, Any], package: str) -> dict[str, Any]:
    # A framework that owns the migrations keeps its commands for them.
    orm_commands = {} if "migrations" in framework else orm.get("commands", {})
    commands = {**framework["commands"], **orm_commands}
    return {
        name: command.replace("{package}", package) if command else command
        for name, command in commands.items()
    }


# What an ORM needs only to run migrations of its own.
MIGRATION_TOOLS = frozenset({"alembic"})


def _orm_runtime(framework: dict[str, Any], orm: dict[str, Any]) -> list[str]:
    # Under a framework that owns the migrations, the ORM's own tool is dead weight.
    if "migrations" in framework:
        return [name for name in orm["runtime"] if name not in MIGRATION_TOOLS]
    return orm["runtime"]


def derive(answers: dict[str, Any]) -> dict[str, Any]:
    """Everything a template needs beyond the raw answers."""
    framework = FRAMEWORKS[answers["framework"]]
    orm = ORMS[answers["orm"]]
    auth = AUTHS[answers["auth"]]
    return {
        "deps": _requirements(
            framework["runtime"] + _orm_runtime(framework, orm) + auth["runtime"]
        ),
        "dev_deps": _requirements(framework["dev"] + orm["dev"] + auth.get("dev", [])),
        "commands": _commands(framework, orm, answers["project_slug"]),
        "db_package": orm.get("db_package"),
        "migrations": framework.get("migrations") or orm.get("migrations"),
        "auth_label": auth["label"],
        "auth_scheme": auth["scheme"],
        "orm_label": orm["label"],
        "framework_label": framework["label"],
        "ruff_version": PACKAGES["ruff"].split("==")[1],
        "compose_database_url": (
            "postgresql://{slug}:${{POSTGRES_PASSWORD:-{slug}}}@db:5432/{slug}".format(
                slug=answers["project_slug"]
            )
            if answers["database"] == "postgresql"
            else "sqlite:////app/data/db.sqlite3"
        ),
        # Lands only in the git-ignored .env, never in the answers file.
        "generated_secret_key": secrets.token_urlsafe(50),
    }


class StackContext(ContextHook):
    """Adds the derived stack to the Jinja context of every rendered file."""

    def hook(self, context: dict[str, Any]) -> None:
        # Question defaults are rendered before every answer is known.
        if not all(name in context for name in ANSWERS_USED):
            return
        context["stack"] = derive(context)
