"""Every valid combination of answers, rendered and checked with its own commands.

For each variant: render with copier, `make install`, then the project's lint
(with the migration-drift check), its test suite on SQLite and PostgreSQL,
its pre-commit hooks, its container and CI files, and its production server
over real HTTP.
"""

from __future__ import annotations

import importlib
import re
import secrets
import subprocess
import sys
from pathlib import Path

import httpx
import yaml

import postgres
from generated_project import GeneratedProject

TOOLS = Path(sys.executable).parent  # hadolint and check-jsonschema of the template repo


def test_render_leaves_no_template_syntax(project: GeneratedProject) -> None:
    leftovers = []
    for path in project.text_files():
        relative = path.relative_to(project.path)
        if path.suffix == ".jinja" or "{{" in str(relative) or "{%" in str(relative):
            leftovers.append(f"{relative}: template file name")
            continue
        text = path.read_text(errors="replace")
        if re.search(r"{%-?\s|\{\{\s*(stack|project_|framework|orm|auth|database)", text):
            leftovers.append(f"{relative}: unrendered Jinja")
    assert leftovers == []


WINDOWS_FORBIDDEN = re.compile(r'[<>:"\\|?*]')
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def test_file_names_are_windows_safe(project: GeneratedProject) -> None:
    bad = [
        str(path.relative_to(project.path))
        for path in project.text_files()
        for part in path.relative_to(project.path).parts
        if WINDOWS_FORBIDDEN.search(part)
        or part.endswith((".", " "))
        or WINDOWS_RESERVED.match(part)
    ]
    assert bad == []


def test_lint_passes(project: GeneratedProject) -> None:
    project.make("lint")


def test_migration_check_catches_drift(project: GeneratedProject) -> None:
    """`make lint` must fail when a model changes without its migration."""
    models, syntax = _schema_owner(project)
    original = models.read_text()
    models.write_text(_add_model_field(original, syntax))
    try:
        result = subprocess.run(
            ["make", "lint"],
            cwd=project.path,
            env=project.environment(),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    finally:
        models.write_text(original)
    assert result.returncode != 0, result.stdout


def test_suite_passes_on_sqlite(project: GeneratedProject) -> None:
    project.make("test")


def test_suite_passes_on_postgresql(project: GeneratedProject) -> None:
    project.make("test", DATABASE_URL=project.database_url)


def test_pre_commit_passes_without_changes(project: GeneratedProject) -> None:
    project.run(
        "uv", "run", "--frozen", "pre-commit", "run", "--all-files", "--show-diff-on-failure"
    )
    assert project.run("git", "status", "--porcelain").stdout == ""


def test_dockerfile_has_no_hadolint_warning(project: GeneratedProject) -> None:
    project.run(str(TOOLS / "hadolint"), "--failure-threshold", "info", "Dockerfile")


def test_compose_and_ci_files_match_their_schemas(project: GeneratedProject) -> None:
    check = str(TOOLS / "check-jsonschema")
    project.run(check, "--builtin-schema", "vendor.compose-spec", "compose.yaml")
    ci = project.answers["ci"]
    if ci == "github":
        project.run(
            check, "--builtin-schema", "vendor.github-workflows", ".github/workflows/ci.yml"
        )
    elif ci == "gitlab":
        project.run(check, "--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml")
    else:
        assert not (project.path / ".github").exists()
        assert not (project.path / ".gitlab-ci.yml").exists()


def test_container_serves_as_a_plain_user_and_tests_on_the_compose_database(
    project: GeneratedProject,
) -> None:
    """The image the app services build runs as a non-root user; `docker compose run
    --rm test` builds the test stage and runs the Makefile's test command there."""
    dockerfile = (project.path / "Dockerfile").read_text()
    stages = re.split(r"^FROM ", dockerfile, flags=re.MULTILINE)[1:]
    names = [stage.split("\n", 1)[0].split(" AS ")[-1].strip() for stage in stages]
    assert names[-1] == "runtime", names  # what `build: .` builds
    users = re.findall(r"^USER (\S+)", stages[-1], flags=re.MULTILINE)
    assert users and not users[-1].startswith(("0", "root")), users

    test_stage = stages[names.index("test")]
    command = re.search(r"^CMD (\[.*\])$", test_stage, flags=re.MULTILINE)
    makefile = (project.path / "Makefile").read_text()
    make_test = re.search(r"^test:.*\n\t\$\(RUN\) (.+)$", makefile, flags=re.MULTILINE)
    assert command and make_test
    assert " ".join(yaml.safe_load(command.group(1))) == make_test.group(1)

    services = yaml.safe_load((project.path / "compose.yaml").read_text())["services"]
    test = services["test"]
    assert test["build"] == {"context": ".", "target": "test"}
    assert test["profiles"] == ["test"]  # `docker compose up` leaves it out
    if project.answers["database"] == "postgresql":
        assert test["environment"]["DATABASE_URL"].endswith("@db:5432/my_shop")
        assert test["depends_on"] == {"db": {"condition": "service_healthy"}}
    else:
        assert "db" not in services


def test_production_server_round_trip(project: GeneratedProject) -> None:
    """`make serve`, in production mode on PostgreSQL, over real HTTP."""
    env = {
        "DATABASE_URL": project.database_url,
        "ENVIRONMENT": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "WEB_CONCURRENCY": "2",
    }
    project.make("migrate", **env)
    staff_email, password = "staff@example.com", "Correct-Horse-42"
    project.make("superuser", f"EMAIL={staff_email}", f"PASSWORD={password}", **env)
    adapter = importlib.import_module("auth_adapters." + project.answers["auth"].replace("-", "_"))

    with project.serving(postgres.free_port(), **env) as base:
        staff = adapter.authenticate(base, staff_email, password, register=False)
        user = adapter.authenticate(base, "buyer@example.com", password)
        with httpx.Client(base_url=base, timeout=10) as client:
            category = client.post("/api/categories/", json={"name": "Tea"}, headers=staff)
            assert category.status_code == 201, category.text
            created = client.post(
                "/api/products/",
                json={"name": "Sencha", "price": "12.50", "category_id": category.json()["id"]},
                headers=user,
            )
            assert created.status_code == 201, created.text
            assert created.json()["price"] == "12.50"
            listed = client.get("/api/products/").json()
            assert [p["name"] for p in listed["results"]] == ["Sencha"]
            product_url = f"/api/products/{created.json()['id']}/"
            assert client.delete(product_url).status_code == 401
            deleted = client.delete(product_url, headers=user)
            assert deleted.status_code == 204, deleted.text
            assert client.get("/api/products/").json()["count"] == 0


def _schema_owner(project: GeneratedProject) -> tuple[Path, str]:
    """The module whose models the migrations follow, and its ORM syntax."""
    package = project.path / "my_shop"
    if (package / "catalog" / "models.py").exists():  # Django owns the schema
        return package / "catalog" / "models.py", "django"
    return package / "db" / "models.py", project.answers["orm"]


def _add_model_field(source: str, orm: str) -> str:
    """The Product model with one more column, in the ORM's own syntax."""
    new_field = {
        "django": "    drift_probe = models.IntegerField(default=0)\n",
        "sqlalchemy": "    drift_probe: Mapped[int] = mapped_column(default=0)\n",
        "sqlmodel": "    drift_probe: int = 0\n",
        "tortoise": "    drift_probe = fields.IntField(default=0)\n",
    }[orm]
    header = re.search(r"^class Product\b.*:\n", source, re.MULTILINE)
    assert header, "no Product class in the models module"
    # Before the first field of the class body, past any docstring.
    first_field = re.compile(r"^    \w+\s*[:=]", re.MULTILINE).search(source, header.end())
    assert first_field, "no field in the Product class"
    return source[: first_field.start()] + new_field + source[first_field.start() :]
