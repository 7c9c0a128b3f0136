"""`cookiecutter <template>`: copier's questions, copier's refusals, and the
tree `copier copy` writes, `.copier-answers.yml` included, so the project can
move on with `copier update`."""

from __future__ import annotations

import importlib.util
import re
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

import answer_matrix
from template_repo import GIT_ENV, TEMPLATE_ROOT, TemplateRepo, clone_working_tree
from user_project import COPIER, UserProject


def _load_bridge() -> ModuleType:
    """hooks/cookiecutter_bridge.py, without putting hooks/ on sys.path."""
    path = TEMPLATE_ROOT / "hooks" / "cookiecutter_bridge.py"
    spec = importlib.util.spec_from_file_location("cookiecutter_bridge", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cookiecutter_bridge = _load_bridge()

FRAMEWORKS = list(cookiecutter_bridge.choice_labels(answer_matrix.questions()["framework"]))
# Answers away from the defaults, for the frameworks after the first; the
# first one is generated with no answers at all (`--no-input`).
NON_DEFAULT = {
    "project_name": "Acme Coffee-Roasters 2",
    "author_email": "dev@acme.example",
    "database": "sqlite",
    "python_version": "3.12",
    "ci": "gitlab",
}


def cookiecutter(tmp_path: Path, template: str, *answers: str) -> subprocess.CompletedProcess:
    """The cookiecutter command line, its clones and replays kept in tmp_path."""
    config = tmp_path / "cookiecutter.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "cookiecutters_dir": str(tmp_path / "cookiecutters"),
                "replay_dir": str(tmp_path / "replay"),
            }
        )
    )
    (tmp_path / "out").mkdir(exist_ok=True)
    options = ["--no-input", "--config-file", str(config), "--output-dir", str(tmp_path / "out")]
    return subprocess.run(
        [sys.executable, "-m", "cookiecutter", *options, template, *answers],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def copier_copy(template: str, destination: Path, *answers: str) -> subprocess.CompletedProcess:
    data = [arg for answer in answers for arg in ("--data", answer)]
    options = ["--trust", "--defaults", "--vcs-ref", "HEAD", *data]
    return subprocess.run(
        [COPIER, "copy", *options, template, str(destination)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def tree(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file's mode and bytes; the random SECRET_KEY of .env blanked."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if path.name == ".env":
                content = re.sub(rb"(?m)^SECRET_KEY=.*$", b"SECRET_KEY=", content)
            files[str(path.relative_to(root))] = (stat.S_IMODE(path.stat().st_mode), content)
    return files


def tree_differences(mine: Path, theirs: Path) -> dict[str, list[str]]:
    a, b = tree(mine), tree(theirs)
    return {
        "only cookiecutter": sorted(a.keys() - b.keys()),
        "only copier": sorted(b.keys() - a.keys()),
        "different": sorted(name for name in a.keys() & b.keys() if a[name] != b[name]),
    }


@pytest.fixture
def template(tmp_path: Path) -> TemplateRepo:
    repo = clone_working_tree(tmp_path / "template")
    repo.release("v1.0.0")
    return repo


def test_cookiecutter_json_is_generated_from_copier_yml() -> None:
    assert (
        cookiecutter_bridge.render_cookiecutter_json()
        == (TEMPLATE_ROOT / "cookiecutter.json").read_text()
    ), "cookiecutter.json is stale: uv run python hooks/cookiecutter_bridge.py"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_cookiecutter_writes_the_tree_copier_copy_writes(
    template: TemplateRepo, tmp_path: Path, framework: str
) -> None:
    answers = [] if framework == FRAMEWORKS[0] else [f"framework={framework}"]
    answers += [] if framework == FRAMEWORKS[0] else [f"{k}={v}" for k, v in NON_DEFAULT.items()]

    made = cookiecutter(tmp_path, str(template.path), *answers)
    assert made.returncode == 0, made.stderr[-4000:]
    copied = copier_copy(str(template.path), tmp_path / "copier", *answers)
    assert copied.returncode == 0, copied.stderr[-4000:]

    (project,) = (tmp_path / "out").iterdir()
    assert tree_differences(project, tmp_path / "copier") == {
        "only cookiecutter": [],
        "only copier": [],
        "different": [],
    }
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert recorded["_commit"] == "v1.0.0"
    assert recorded["framework"] == framework


def test_a_project_from_a_cookiecutter_url_updates_with_copier(
    template: TemplateRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # cookiecutter clones a URL; copier must find the template there again.
    monkeypatch.setenv("COPIER_CACHE_DIR", str(tmp_path / "copier-cache"))
    url = f"git+file://{template.path}"
    made = cookiecutter(tmp_path, url)
    assert made.returncode == 0, made.stderr[-4000:]
    (path,) = (tmp_path / "out").iterdir()
    project = UserProject(path=path, answers={}, env=dict(GIT_ENV))
    assert project.recorded_answers()["_src_path"] == url
    project.run("git", "init", "--quiet", "--initial-branch=main")
    project.commit("Generated with cookiecutter")
    template.append("partials/Makefile.jinja", "\ncheck: lint test ## Lint, then test\n")
    template.release("v1.1.0")

    project.update()

    assert project.recorded_answers()["_commit"] == "v1.1.0"
    assert "\ncheck: lint test" in project.read("Makefile")
    assert project.unfinished_update() == []


def _first_per_question(combinations: list[dict[str, str]]) -> list[dict[str, str]]:
    """One invalid combination for each question that refuses one."""
    seen: dict[str, dict[str, str]] = {}
    for combination in combinations:
        # The questions are answered in DIMENSIONS order; the last one is refused.
        refused = max(combination, key=answer_matrix.DIMENSIONS.index)
        seen.setdefault(refused, combination)
    return list(seen.values())


REFUSED = [
    ["project_slug=My-Shop"],
    ["author_email=not-an-email"],
    ["project_name= "],
    *(
        [f"{name}={value}" for name, value in combination.items()]
        for combination in _first_per_question(answer_matrix.invalid_combinations())
    ),
]


@pytest.mark.parametrize("answers", REFUSED, ids=["+".join(a) for a in REFUSED])
def test_an_answer_copier_refuses_is_refused_with_its_message_before_anything_is_written(
    template: TemplateRepo, tmp_path: Path, answers: list[str]
) -> None:
    copied = copier_copy(str(template.path), tmp_path / "copier", *answers)
    assert copied.returncode != 0
    message = copied.stderr.strip().splitlines()[-1].removeprefix("ValueError: ")
    assert re.match(r"(Validation error for question|Invalid choice for) '\w+'", message), message

    made = cookiecutter(tmp_path, str(template.path), *answers)

    assert made.returncode != 0
    assert message in made.stderr.splitlines()
    assert list((tmp_path / "out").iterdir()) == []


def test_without_copier_cookiecutter_says_what_to_install(tmp_path: Path) -> None:
    # As if copier were not installed: the import system treats None as absent.
    hide_copier = (
        "import sys; sys.modules['copier'] = None; sys.argv[0] = 'cookiecutter';"
        " from cookiecutter.cli import main; main()"
    )
    config = tmp_path / "cookiecutter.yaml"
    config.write_text(yaml.safe_dump({"replay_dir": str(tmp_path / "replay")}))
    options = ["--no-input", "--config-file", str(config), "--output-dir", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-c", hide_copier, *options, str(TEMPLATE_ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert cookiecutter_bridge.MISSING_COPIER in result.stdout + result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["cookiecutter.yaml"]
