"""The template's own CI: its GitHub workflow and `.ci/run` are valid and run what
the README says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "template.yml"


def _readme_test_command() -> str:
    """The command under the README's "Run the template's own tests" line."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"# Run the template's own tests.*\n(.+)\n", readme)
    assert block, "the README opens without the test command"
    return block.group(1).split("&&")[-1].strip()


def test_workflow_matches_the_github_workflow_schema() -> None:
    check = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(check), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_every_variant_on_the_oldest_and_a_current_python() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    assert "tests/answer_matrix.py" in jobs["variants"]["steps"][-1]["run"]
    variant = jobs["variant"]
    assert variant["strategy"]["matrix"]["python"] == ["3.11", "3.13"]
    assert "matrix.variant.id" in variant["steps"][-1]["run"]


def test_container_job_runs_each_variants_tests_in_compose() -> None:
    container = yaml.safe_load(WORKFLOW.read_text())["jobs"]["container"]
    assert (
        container["strategy"]["matrix"]["variant"] == "${{ fromJSON(needs.variants.outputs.ids) }}"
    )
    commands = "\n".join(step.get("run", "") for step in container["steps"])
    assert "docker compose up --build" in commands
    assert "docker compose run --rm --build test" in commands
    teardown = container["steps"][-1]
    assert teardown["if"] == "always()" and "down" in teardown["run"]


def test_ci_script_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert script[-1] == _readme_test_command()
