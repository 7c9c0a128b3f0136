"""A project as its user lives with it: generated with copier, committed to
git, edited, and later updated with `copier update`.

The edits are the ones every user makes in the first week (a model field with
its migration, a route with its test, a setting, a line in the README),
written once per framework in that framework's own idiom.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generated_project import GeneratedProject
from template_repo import GIT_ENV, TemplateRepo

COPIER = str(Path(sys.executable).parent / "copier")
CONFLICT_MARKERS = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)
README_LINE = "Deployments happen from the `release` branch only."


@dataclass
class UserProject(GeneratedProject):
    def attempt(self, *argv: str) -> subprocess.CompletedProcess:
        """Run a command that may fail; the caller looks at the result."""
        return subprocess.run(
            argv,
            cwd=self.path,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def copier(self, *args: str) -> subprocess.CompletedProcess:
        return self.run(COPIER, *args, str(self.path))

    def update(self, *args: str) -> subprocess.CompletedProcess:
        """`copier update` as the README tells users to run it."""
        return self.copier("update", "--trust", "--defaults", *args)

    def commit(self, message: str) -> None:
        self.run("git", "add", "--all")
        self.run("git", "commit", "--quiet", "--no-verify", "--message", message)

    def recorded_answers(self) -> dict[str, Any]:
        return yaml.safe_load((self.path / ".copier-answers.yml").read_text())

    def file(self, relative: str) -> Path:
        return self.path / relative.format(slug=self.recorded_answers()["project_slug"])

    def read(self, relative: str) -> str:
        return self.file(relative).read_text()

    def write(self, relative: str, text: str) -> None:
        path = self.file(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def replace(self, relative: str, pattern: str, replacement: str) -> None:
        text = self.read(relative)
        changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{pattern!r} not found in {relative}"
        self.write(relative, changed)

    def unfinished_update(self) -> list[str]:
        """Files an update left for the user to resolve: unmerged, with
        conflict markers, or rejected hunks."""
        unmerged = self.run("git", "diff", "--name-only", "--diff-filter=U").stdout.split()
        marked = [
            str(path.relative_to(self.path))
            for path in self.text_files()
            if CONFLICT_MARKERS.search(path.read_text(errors="replace"))
        ]
        rejected = [str(p.relative_to(self.path)) for p in self.path.rglob("*.rej")]
        return sorted(set(unmerged + marked + rejected))

    def files(self) -> dict[str, bytes]:
        """What git sees in the project: tracked and untracked, not ignored."""
        listed = self.run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        paths = (self.path / name for name in listed.stdout.split("\0") if name)
        return {str(p.relative_to(self.path)): p.read_bytes() for p in paths if p.is_file()}

    def user_changes(self) -> dict[str, set[str]]:
        """What the user changed since the project was generated, as
        `differences_from` reports it."""
        first = self.run("git", "rev-list", "--max-parents=0", "HEAD").stdout.strip()
        status = self.run("git", "diff", "--name-status", "--no-renames", first, "HEAD").stdout
        changes: dict[str, set[str]] = {"changed": set(), "added": set(), "missing": set()}
        kinds = {"M": "changed", "A": "added", "D": "missing"}
        for line in status.splitlines():
            kind, name = line.split("\t")
            changes[kinds[kind]].add(name)
        return changes

    def differences_from(self, fresh: Path) -> dict[str, set[str]]:
        """How the project differs from a fresh copy: what the user changed,
        added, or lost. The generated .env (its secret is random) is left out."""
        mine = self.files()
        theirs = {
            str(p.relative_to(fresh)): p.read_bytes()
            for p in fresh.rglob("*")
            if p.is_file() and p.name != ".env"
        }
        return {
            "changed": {name for name in mine.keys() & theirs.keys() if mine[name] != theirs[name]},
            "added": mine.keys() - theirs.keys(),
            "missing": theirs.keys() - mine.keys(),
        }


def render(template: TemplateRepo, destination: Path, ref: str, answers: dict[str, str]) -> None:
    """`copier copy` from a release of the template."""
    data = [arg for name, value in answers.items() for arg in ("--data", f"{name}={value}")]
    destination.mkdir()
    GeneratedProject(destination, answers).run(
        COPIER, "copy", "--trust", "--defaults", "--vcs-ref", ref, *data, str(template.path), "."
    )


def copy_project(
    template: TemplateRepo, destination: Path, ref: str, answers: dict[str, str]
) -> UserProject:
    """A project copied from a release of the template, committed as a user would."""
    render(template, destination, ref, answers)
    project = UserProject(path=destination, answers=answers, env=dict(GIT_ENV))
    project.run("git", "init", "--quiet", "--initial-branch=main")
    project.commit("Generated project")
    return project


class Edits:
    """Where a framework's project keeps what users edit, and how they edit it."""

    framework: ClassVar[str]
    settings: ClassVar[str]  # project path of the settings module
    settings_template: ClassVar[str]  # the same file in the template
    test_module: ClassVar[str]  # a test module users add to, project path
    test_module_template: ClassVar[str]  # the same in the template
    setting_pattern: ClassVar[tuple[str, str]]  # a setting's line and its new version

    def add_product_field(self, project: UserProject) -> None:
        raise NotImplementedError

    def add_route(self, project: UserProject) -> None:
        raise NotImplementedError

    def change_setting(self, project: UserProject) -> None:
        project.replace(self.settings, *self.setting_pattern)

    def add_readme_line(self, project: UserProject) -> None:
        # Under the title, far from where the template changes its README.
        project.replace("README.md", r"\A(# .*\n)", rf"\1\n{README_LINE}\n")

    def first_week(self, project: UserProject, *, model: bool = True) -> None:
        """Every edit, formatted and committed; `model=False` leaves the
        models alone (for a change of ORM, which replaces them)."""
        if model:
            self.add_product_field(project)
        self.add_route(project)
        self.change_setting(project)
        self.add_readme_line(project)
        project.make("format")
        project.commit("Our first week of work")

    def assert_first_week_kept(self, project: UserProject, *, model: bool = True) -> None:
        if model:
            self.assert_field_kept(project)
        self.assert_route_kept(project)
        self.assert_setting_kept(project)
        self.assert_readme_kept(project)

    def assert_field_kept(self, project: UserProject) -> None:
        raise NotImplementedError

    def assert_route_kept(self, project: UserProject) -> None:
        raise NotImplementedError

    def assert_setting_kept(self, project: UserProject) -> None:
        assert self.setting_pattern[1] in project.read(self.settings)

    def assert_readme_kept(self, project: UserProject) -> None:
        assert README_LINE in project.read("README.md")


class DjangoEdits(Edits):
    framework = "django"
    settings = "config/settings/base.py"
    settings_template = "templates/django/config/settings/base.py.jinja"
    test_module = "{slug}/api/tests/test_health.py"
    test_module_template = "templates/django/{{ project_slug }}/api/tests/test_health.py"
    setting_pattern = (r'^TIME_ZONE = "UTC"$', 'TIME_ZONE = "Europe/Paris"')
    models = "{slug}/catalog/models.py"

    def add_product_field(self, project: UserProject) -> None:
        # Before the first field of Product, whatever the template put there.
        project.replace(
            self.models,
            r"^(class Product\(.*\n(?:(?!    \w+ = models\.).*\n)*?)(    \w+ = models\.)",
            r'\1    sku = models.CharField(max_length=32, blank=True, default="")\n\2',
        )
        project.run("uv", "run", "python", "manage.py", "makemigrations", "catalog",
                    "--name", "product_sku")  # fmt: skip

    def assert_field_kept(self, project: UserProject) -> None:
        assert "    sku = models.CharField(" in project.read(self.models)
        migrations = project.file("{slug}/catalog/migrations")
        assert [p.name for p in migrations.glob("*_product_sku.py")], "migration lost"

    def add_route(self, project: UserProject) -> None:
        project.write(
            "{slug}/api/version.py",
            '"""`/api/version`: which release of the API answers."""\n\n'
            "from drf_spectacular.utils import extend_schema, inline_serializer\n"
            "from rest_framework import serializers\n"
            "from rest_framework.permissions import AllowAny\n"
            "from rest_framework.request import Request\n"
            "from rest_framework.response import Response\n"
            "from rest_framework.views import APIView\n\n"
            'VERSION = inline_serializer("Version", {"version": serializers.CharField()})\n\n\n'
            "class VersionView(APIView):\n"
            "    permission_classes = [AllowAny]\n\n"
            "    @extend_schema(responses=VERSION)\n"
            "    def get(self, request: Request) -> Response:\n"
            '        return Response({"version": "2024.1"})\n',
        )
        slug = project.recorded_answers()["project_slug"]
        project.replace(
            "{slug}/api/urls.py",
            r"^(urlpatterns = \[\n)",
            r'\1    path("version", VersionView.as_view(), name="version"),\n',
        )
        project.replace(
            "{slug}/api/urls.py",
            r"^(from \S+ import .*\n)(?!from )",
            rf"\1from {slug}.api.version import VersionView\n",
        )
        project.write(
            "{slug}/api/tests/test_version.py",
            "import pytest\n"
            "from rest_framework.test import APIClient\n\n"
            "pytestmark = pytest.mark.django_db\n\n\n"
            "def test_version_is_public() -> None:\n"
            '    response = APIClient().get("/api/version")\n\n'
            "    assert response.status_code == 200\n"
            '    assert response.json() == {"version": "2024.1"}\n',
        )

    def assert_route_kept(self, project: UserProject) -> None:
        assert "VersionView.as_view()" in project.read("{slug}/api/urls.py")
        assert project.file("{slug}/api/version.py").exists()
        assert project.file("{slug}/api/tests/test_version.py").exists()


class FastAPIEdits(Edits):
    """The default data layer (SQLAlchemy with Alembic) and auth (PyJWT)."""

    framework = "fastapi"
    settings = "{slug}/core/config.py"
    settings_template = "templates/fastapi/{{ project_slug }}/core/config.py.jinja"
    test_module = "tests/test_health.py"
    test_module_template = "templates/fastapi/tests/test_health.py.jinja"
    setting_pattern = (
        r"^    access_token_minutes: int = 30$",
        "    access_token_minutes: int = 60",
    )
    models = "{slug}/db/models.py"

    def add_product_field(self, project: UserProject) -> None:
        project.replace(
            self.models,
            r"^(class Product\(.*\n(?:(?!    \w+: Mapped).*\n)*?)(    \w+: Mapped)",
            r'\1    sku: Mapped[str] = mapped_column(String(32), default="")\n\2',
        )
        # Alembic compares the models with a database at the latest revision.
        project.make("migrate")
        project.run("uv", "run", "alembic", "revision", "--autogenerate", "-m", "product sku")

    def assert_field_kept(self, project: UserProject) -> None:
        assert '    sku: Mapped[str] = mapped_column(String(32), default="")' in project.read(
            self.models
        )
        assert list(project.file("migrations/versions").glob("*_product_sku.py")), "migration lost"

    def add_route(self, project: UserProject) -> None:
        project.write(
            "{slug}/api/routes/version.py",
            '"""`/api/version`: which release of the API answers."""\n\n'
            "from fastapi import APIRouter\n\n"
            'router = APIRouter(tags=["version"])\n\n\n'
            '@router.get("/version")\n'
            "async def version() -> dict[str, str]:\n"
            '    return {"version": "2024.1"}\n',
        )
        project.replace("{slug}/main.py", r"^(from \.api\.routes import .*)$", r"\1, version")
        project.replace("{slug}/main.py", r"(for router in \()", r"\1version.router, ")
        project.write(
            "tests/test_version.py",
            "from httpx import AsyncClient\n\n\n"
            "async def test_version_is_public(client: AsyncClient) -> None:\n"
            '    response = await client.get("/api/version")\n\n'
            "    assert response.status_code == 200\n"
            '    assert response.json() == {"version": "2024.1"}\n',
        )

    def assert_route_kept(self, project: UserProject) -> None:
        assert "version.router" in project.read("{slug}/main.py")
        assert project.file("{slug}/api/routes/version.py").exists()
        assert project.file("tests/test_version.py").exists()


class HybridEdits(DjangoEdits):
    """Django's models, migrations and settings; FastAPI's routes."""

    framework = "hybrid"
    settings_template = "templates/hybrid/config/settings/base.py.jinja"
    test_module = "tests/test_connections.py"
    test_module_template = "templates/hybrid/tests/test_connections.py"
    add_route = FastAPIEdits.add_route
    assert_route_kept = FastAPIEdits.assert_route_kept


EDITS: dict[str, Edits] = {
    edits.framework: edits for edits in (DjangoEdits(), FastAPIEdits(), HybridEdits())
}
