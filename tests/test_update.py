"""`copier update` from one release of the template to the next, with real git.

Each test releases the template as it is on disk (v1.0.0) in a throwaway
repository, generates and edits a project from that release, releases a
template change (v1.1.0) and updates the project the way the README says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import pytest

import answer_matrix
from template_repo import TemplateRepo, clone_working_tree
from user_project import EDITS, UserProject, copy_project, render

FRAMEWORKS = sorted(EDITS)
# Each test generates, installs and checks projects: slow, like the variants.
pytestmark = pytest.mark.variant


def answer_changes() -> list[tuple[str, str, str]]:
    """(framework, question, new answer): from each framework's defaults, every
    other choice copier accepts for an answer that changes what a project is
    made of (ORM, auth library, database), one answer at a time."""
    changes = []
    for framework in FRAMEWORKS:
        defaults = {"framework": framework}
        for name in answer_matrix.DIMENSIONS[1:]:  # after the framework
            default = str(answer_matrix.questions()[name]["default"])
            defaults[name] = jinja2.Environment().from_string(default).render(defaults)
        for combination in answer_matrix.all_combinations():
            changed = [name for name, value in combination.items() if value != defaults[name]]
            one_answer = len(changed) == 1 and changed != ["framework"]
            if one_answer and answer_matrix.is_valid(combination):
                changes.append((framework, changed[0], combination[changed[0]]))
    return changes


TEMPLATE_FIX = "Run `make check` before pushing: it lints and tests like CI."
SETTINGS_FIX = "# Reviewed for the v1.1.0 release of the template."


@pytest.fixture
def template(tmp_path: Path) -> TemplateRepo:
    repo = clone_working_tree(tmp_path / "template")
    repo.release("v1.0.0")
    return repo


def release_template_fix(template: TemplateRepo, framework: str) -> None:
    """v1.1.0: a new Makefile target, a README line at its end, a settings
    comment, a new variable in the generated .env."""
    template.append("partials/Makefile.jinja", "\ncheck: lint test ## Lint, then test\n")
    template.append("partials/env.jinja", "\nLOG_LEVEL=info\n")
    template.append("partials/README.md.jinja", f"\n{TEMPLATE_FIX}\n")
    # Two blank lines: ruff format wants them after a class or function.
    template.append(EDITS[framework].settings_template, f"\n\n{SETTINGS_FIX}\n")
    template.release("v1.1.0")


def installed_project(template: TemplateRepo, tmp_path: Path, **answers: str) -> UserProject:
    """A project from v1.0.0 with its environment and lock file committed."""
    project = copy_project(template, tmp_path / "project", "v1.0.0", answers)
    project.make("install")
    project.commit("Lock the dependencies")
    return project


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_update_keeps_user_edits_and_applies_the_template_fix(
    template: TemplateRepo, tmp_path: Path, framework: str
) -> None:
    edits = EDITS[framework]
    project = installed_project(template, tmp_path, framework=framework)
    edits.first_week(project)
    own_env = project.read(".env") + "CORS_ORIGINS=https://shop.example.com\n"
    project.write(".env", own_env)
    release_template_fix(template, framework)
    user_changes = project.user_changes()

    project.update()

    assert project.unfinished_update() == []
    # A fresh copy of v1.1.0 plus the user's work, nothing else.
    render(template, tmp_path / "fresh", "v1.1.0", {"framework": framework})
    assert project.differences_from(tmp_path / "fresh") == user_changes
    assert project.recorded_answers()["_commit"] == "v1.1.0"
    edits.assert_first_week_kept(project)
    assert "\ncheck: lint test" in project.read("Makefile")
    assert project.read("README.md").rstrip().endswith(TEMPLATE_FIX)
    assert project.read(edits.settings).rstrip().endswith(SETTINGS_FIX)
    # .env is the user's: not rewritten, its secret kept, and kept out of the answers.
    assert project.read(".env") == own_env
    secret = re.search(r"^SECRET_KEY=(.+)$", own_env, re.MULTILINE)
    assert secret and secret[1] not in project.read(".copier-answers.yml")
    project.make("lint")
    project.make("test")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_check_update_sees_the_release_and_a_second_update_changes_nothing(
    template: TemplateRepo, tmp_path: Path, framework: str
) -> None:
    project = copy_project(template, tmp_path / "project", "v1.0.0", {"framework": framework})
    release_template_fix(template, framework)

    before = json.loads(project.copier("check-update", "--output-format", "json").stdout)
    assert before == {
        "update_available": True,
        "current_version": "1.0.0",
        "latest_version": "1.1.0",
    }
    project.update()
    project.commit("Update the template to v1.1.0")
    after = json.loads(project.copier("check-update", "--output-format", "json").stdout)
    assert after["update_available"] is False

    project.update()

    assert project.run("git", "status", "--porcelain", "--untracked-files=all").stdout == ""


@pytest.mark.parametrize("conflict", ["inline", "rej"])
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_overlapping_edit_ends_in_a_visible_conflict_that_pre_commit_refuses(
    template: TemplateRepo, tmp_path: Path, framework: str, conflict: str
) -> None:
    project = installed_project(template, tmp_path, framework=framework)
    project.run("uv", "run", "--frozen", "pre-commit", "install")
    project.replace("Makefile", r"^WEB_CONCURRENCY \?= 2$", "WEB_CONCURRENCY ?= 4")
    project.commit("More workers")
    template.replace("partials/Makefile.jinja", r"^WEB_CONCURRENCY \?= 2$", "WEB_CONCURRENCY ?= 3")
    template.release("v1.1.0")
    head = project.run("git", "rev-parse", "HEAD").stdout

    project.update("--conflict", conflict)

    if conflict == "inline":
        assert project.unfinished_update() == ["Makefile"]
        assert re.search(
            r"^<{7} before updating\nWEB_CONCURRENCY \?= 4\n={7}\nWEB_CONCURRENCY \?= 3\n"
            r">{7} after updating$",
            project.read("Makefile"),
            re.MULTILINE,
        ), project.read("Makefile")
    else:
        # The template's version in the file, the user's change left beside it.
        assert project.unfinished_update() == ["Makefile.rej"]
        assert "\nWEB_CONCURRENCY ?= 3\n" in project.read("Makefile")
        assert "+WEB_CONCURRENCY ?= 4" in project.read("Makefile.rej")
    # Whether the user stages everything or only the files git knows.
    for add in (["git", "add", "--all"], ["git", "add", "--update"]):
        project.run(*add)
        refused = project.attempt("git", "commit", "--message", "Update the template")
        assert refused.returncode != 0, refused.stdout
        hook = "check-merge-conflict" if conflict == "inline" else "no-rejected-patches"
        output = refused.stdout + refused.stderr
        assert f"- hook id: {hook}" in output, output
        assert project.run("git", "rev-parse", "HEAD").stdout == head
        project.run("git", "reset", "--quiet")


@pytest.mark.parametrize(("framework", "question", "answer"), answer_changes())
def test_changing_an_answer_through_update_gives_a_working_project(
    template: TemplateRepo, tmp_path: Path, framework: str, question: str, answer: str
) -> None:
    edits = EDITS[framework]
    project = installed_project(template, tmp_path, framework=framework)
    edits.first_week(project, model=False)
    user_changes = project.user_changes()

    # Same release: only the answer changes.
    project.update("--data", f"{question}={answer}")

    assert project.recorded_answers()[question] == answer
    assert project.unfinished_update() == []
    # A fresh copy with the new answer plus the user's work, nothing else.
    render(template, tmp_path / "fresh", "v1.0.0", {"framework": framework, question: answer})
    assert project.differences_from(tmp_path / "fresh") == user_changes
    edits.assert_first_week_kept(project, model=False)
    project.make("install")
    project.make("lint")
    project.make("test")


USERS_OWN_TEST = """

def test_the_users_own_check() -> None:
    assert "ours".upper() == "OURS"
"""
MOVED_HEADER = "# Under this name since v1.1.0.\n"


def moved(path: str) -> str:
    """Where v1.1.0 moves a test module: test_x.py to test_x_moved.py."""
    return re.sub(r"(\w+)(\.py(\.jinja)?)$", r"\1_moved\2", path)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_file_the_template_moves_keeps_the_users_edits_through_its_migration(
    template: TemplateRepo, tmp_path: Path, framework: str
) -> None:
    edits = EDITS[framework]
    project = installed_project(template, tmp_path, framework=framework)
    old, new = edits.test_module, moved(edits.test_module)
    project.write(old, project.read(old) + USERS_OWN_TEST)
    project.commit("A check of our own")
    user_changes = project.user_changes()
    # v1.1.0 moves the module, changes its first line and says so in _migrations.
    moved_template = moved(edits.test_module_template)
    template.move(edits.test_module_template, moved_template)
    template.write(moved_template, MOVED_HEADER + template.read(moved_template))
    template.replace(
        "copier.yml",
        r"^_migrations: \[\]$",
        "_migrations:\n"
        "  - version: v1.1.0\n"
        '    command: ["{{ _copier_python }}", "{{ _copier_conf.src_path }}/hooks/migrate.py",\n'
        f'              "move", "{old.format(slug="{{ project_slug }}")}",'
        f' "{new.format(slug="{{ project_slug }}")}"]',
    )
    template.release("v1.1.0")

    project.update()

    assert not project.file(old).exists()
    carried = project.read(new)
    assert carried.startswith(MOVED_HEADER)
    assert carried.endswith(USERS_OWN_TEST)
    assert project.unfinished_update() == []
    render(template, tmp_path / "fresh", "v1.1.0", {"framework": framework})
    slug = project.recorded_answers()["project_slug"]
    expected = {**user_changes, "changed": {new.format(slug=slug)}}
    assert project.differences_from(tmp_path / "fresh") == expected
    # The user's test runs from its new place (pytest fails on an unknown test id).
    node = f"{new.format(slug=slug)}::test_the_users_own_check"
    project.run("uv", "run", "pytest", "-p", "no:cacheprovider", node)
