"""Carry a project across a breaking release of the template.

`copier update` merges the user's edits into every file that stays where it
was. A file the template moves would lose them: copier deletes the old path
and writes the new one fresh. So a release that moves a file adds an entry to
`_migrations` in copier.yml that runs, after the update, in the project:

    python hooks/migrate.py move OLD NEW

It takes OLD as the user last committed it, renders the release the project
came from to see what the user started with, and merges the user's changes
into NEW, with the conflict markers `copier update` itself writes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ANSWERS_FILE = ".copier-answers.yml"
# The labels copier gives the sides of a conflict, so one way to resolve fits all.
LABELS = ("before updating", "last update", "after updating")


def committed(path: str) -> bytes | None:
    """The file as the user last committed it, before this update."""
    shown = subprocess.run(["git", "show", f"HEAD:{path}"], capture_output=True, check=False)
    return shown.stdout if shown.returncode == 0 else None


def previous_release(path: str) -> bytes | None:
    """The file as the release the project came from generated it."""
    from copier import run_copy  # the migration runs under copier's own Python

    answers: dict[str, Any] = yaml.safe_load(committed(ANSWERS_FILE) or b"{}")
    with tempfile.TemporaryDirectory() as scratch:
        run_copy(
            answers["_src_path"],
            scratch,
            data={k: v for k, v in answers.items() if not k.startswith("_")},
            vcs_ref=answers["_commit"],
            defaults=True,
            unsafe=True,
            quiet=True,
        )
        rendered = Path(scratch, path)
        return rendered.read_bytes() if rendered.is_file() else None


def merge(mine: bytes, base: bytes, theirs: bytes) -> tuple[bytes, int]:
    """Three-way merge; returns the result and how many conflicts it holds."""
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for name, content in (("mine", mine), ("base", base), ("theirs", theirs)):
            Path(scratch, name).write_bytes(content)
            files.append(str(Path(scratch, name)))
        labels = [arg for label in LABELS for arg in ("-L", label)]
        result = subprocess.run(
            ["git", "merge-file", "-p", *labels, *files], capture_output=True, check=False
        )
    if result.returncode < 0:
        raise SystemExit(f"git merge-file failed: {result.stderr.decode()}")
    return result.stdout, result.returncode


def move(old: str, new: str) -> int:
    """Bring the user's edits of OLD into NEW, where the template moved it."""
    if Path(old).exists():
        print(f"{old} is still there: nothing moved", file=sys.stderr)
        return 0
    Path(f"{old}.rej").unlink(missing_ok=True)  # hunks for OLD: merged below
    mine, base, target = committed(old), previous_release(old), Path(new)
    if mine is None or base is None or mine == base:
        return 0  # the user had deleted it, never had it, or never changed it
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(mine)
        return 0
    merged, conflicts = merge(mine, base, target.read_bytes())
    target.write_bytes(merged)
    if conflicts:
        print(f"{new} (moved from {old}): resolve the conflict markers", file=sys.stderr)
    else:
        print(f"{new}: your changes to {old} moved with it", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    moved = commands.add_parser("move", help="a file the template moved from OLD to NEW")
    moved.add_argument("old")
    moved.add_argument("new")
    arguments = parser.parse_args(argv)
    return move(arguments.old, arguments.new)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
