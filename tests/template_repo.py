"""A throwaway git copy of this template, to release versions of it in a test.

Update tests need a "previous release" and a "new release" without touching
the repository's own tags: the working tree (uncommitted changes included, so
a template change under development is what gets tested) is committed into a
fresh repository, tagged, changed and tagged again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TEMPLATE_ROOT = Path(__file__).resolve().parent.parent

# Commits made by the tests must not depend on the machine's git setup.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Template Tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "Template Tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed in {cwd}:\n{result.stderr}")
    return result


@dataclass
class TemplateRepo:
    path: Path

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text()

    def write(self, relative: str, text: str) -> None:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    def append(self, relative: str, text: str) -> None:
        self.write(relative, self.read(relative) + text)

    def replace(self, relative: str, pattern: str, replacement: str) -> None:
        """Replace the one match of a multiline regex; fail if it does not match once."""
        text = self.read(relative)
        changed, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        assert count == 1, f"{pattern!r} matched {count} times in {relative}"
        self.write(relative, changed)

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        git(self.path, "mv", old, new)

    def release(self, version: str, message: str = "") -> None:
        """Commit everything and tag it, as a maintainer cuts a release."""
        git(self.path, "add", "--all")
        git(self.path, "commit", "--quiet", "--allow-empty", "-m", message or f"Release {version}")
        git(self.path, "tag", "-a", version, "-m", f"Release {version}")


def clone_working_tree(destination: Path) -> TemplateRepo:
    """A one-commit repository holding this template as it is on disk now."""
    listed = git(
        TEMPLATE_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"
    ).stdout.split("\0")
    destination.mkdir(parents=True)
    for relative in filter(None, listed):
        source = TEMPLATE_ROOT / relative
        if source.is_file():  # a tracked file deleted in the working tree is gone
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(destination, "init", "--quiet", "--initial-branch=main")
    git(destination, "add", "--all")
    git(destination, "commit", "--quiet", "-m", "Template as in the working tree")
    return TemplateRepo(destination)
