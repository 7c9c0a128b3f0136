"""The questions, through the real copier command line: defaults work, and a
bad answer stops the copy with a message naming the question, writing nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import answer_matrix

COPIER = str(Path(sys.executable).parent / "copier")


def copier_copy(destination: Path, *answers: str) -> subprocess.CompletedProcess:
    data = [arg for answer in answers for arg in ("--data", answer)]
    return subprocess.run(
        [
            COPIER,
            "copy",
            "--trust",
            "--defaults",
            "--vcs-ref",
            "HEAD",
            *data,
            str(answer_matrix.TEMPLATE_ROOT),
            str(destination),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess, destination: Path, question: str) -> None:
    assert result.returncode != 0, result.stdout
    last_line = result.stderr.strip().splitlines()[-1]
    assert f"'{question}'" in last_line, result.stderr[-2000:]
    assert not destination.exists()


def test_defaults_give_a_django_project_with_recorded_answers(tmp_path: Path) -> None:
    destination = tmp_path / "shop"
    result = copier_copy(destination)
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((destination / ".copier-answers.yml").read_text())
    assert answers["framework"] == "django"
    assert answers["project_slug"] == "my_shop"
    assert answers["auth"] == "simplejwt"
    assert (destination / "manage.py").exists()


def test_generated_secret_stays_out_of_the_answers_file(tmp_path: Path) -> None:
    destination = tmp_path / "shop"
    assert copier_copy(destination).returncode == 0
    env_lines = dict(
        line.split("=", 1)
        for line in (destination / ".env").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    secret = env_lines["SECRET_KEY"]
    assert len(secret) >= 50
    assert secret not in (destination / ".copier-answers.yml").read_text()
    assert ".env" in (destination / ".gitignore").read_text().splitlines()


def test_slug_is_derived_from_the_name(tmp_path: Path) -> None:
    destination = tmp_path / "shop"
    result = copier_copy(destination, "project_name=Acme Coffee-Roasters 2")
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((destination / ".copier-answers.yml").read_text())
    assert answers["project_slug"] == "acme_coffee_roasters_2"


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("project_slug=My-Shop", "project_slug"),
        ("project_slug=9lives", "project_slug"),
        ("project_slug=config", "project_slug"),
        ("project_slug=class", "project_slug"),
        ("author_email=not-an-email", "author_email"),
        ("project_name= ", "project_name"),
        ("framework=rails", "framework"),
        ("database=oracle", "database"),
        ("python_version=3.10", "python_version"),
        ("ci=jenkins", "ci"),
        ("auth=ldap", "auth"),
    ],
)
def test_bad_answer_is_refused_naming_the_question(
    tmp_path: Path, answer: str, question: str
) -> None:
    destination = tmp_path / "shop"
    assert_refused(copier_copy(destination, answer), destination, question)


INVALID = answer_matrix.invalid_combinations()


@pytest.mark.parametrize("combination", INVALID, ids=["-".join(c.values()) for c in INVALID])
def test_invalid_combination_is_refused(tmp_path: Path, combination: dict[str, str]) -> None:
    destination = tmp_path / "shop"
    result = copier_copy(destination, *(f"{k}={v}" for k, v in combination.items()))
    refused_question = list(combination)[-1]
    assert_refused(result, destination, refused_question)
