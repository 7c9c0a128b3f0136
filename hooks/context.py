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
    "django-cors-headers": "django-cors-headers>=4.6",
    "dj-database-url": "dj-database-url>=2.3",
    "psycopg": "psycopg[binary,pool]>=3.2",
    "argon2-cffi": "argon2-cffi>=23.1",
    "granian": "granian>=2.5",
    "whitenoise": "whitenoise>=6.8",
    "djangorestframework-simplejwt": "djangorestframework-simplejwt>=5.5",
    "django-allauth": "django-allauth[headless]>=65.10",
    # development tools
    "pytest": "pytest>=8.3",
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
}

ORMS: dict[str, dict[str, Any]] = {
    "django": {"label": "Django ORM", "runtime": [], "dev": []},
}

AUTHS: dict[str, dict[str, Any]] = {
    "simplejwt": {
        "label": "Simple JWT",
        "frameworks": ["django"],
        "runtime": ["djangorestframework-simplejwt"],
        "scheme": "bearer",
    },
    "allauth": {
        "label": "django-allauth headless",
        "frameworks": ["django"],
        "runtime": ["django-allauth"],
        "scheme": "allauth-app-token",
    },
}


ANSWERS_USED = ("project_slug", "framework", "orm", "auth", "database")


def _requirements(names: list[str]) -> list[str]:
    return sorted(PACKAGES[name] for name in dict.fromkeys(names))


def derive(answers: dict[str, Any]) -> dict[str, Any]:
    """Everything a template needs beyond the raw answers."""
    framework = FRAMEWORKS[answers["framework"]]
    orm = ORMS[answers["orm"]]
    auth = AUTHS[answers["auth"]]
    return {
        "deps": _requirements(framework["runtime"] + orm["runtime"] + auth["runtime"]),
        "dev_deps": _requirements(framework["dev"] + orm["dev"] + auth.get("dev", [])),
        "commands": framework["commands"],
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
