"""The benchmark harness still runs: one variant, short loads, one round.

Numbers are not judged here (the machine is busy with the other tests), only
that every load was answered without errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import answer_matrix

pytestmark = pytest.mark.variant


def test_harness_measures_a_variant_and_its_baselines(tmp_path: Path, postgres_server: str) -> None:
    variant = answer_matrix.valid_variants()[0]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--smoke",
            "--variants",
            variant.id,
            "--postgres-url",
            postgres_server,
            "--out",
            str(tmp_path),
        ],
        cwd=answer_matrix.TEMPLATE_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]

    run = json.loads((tmp_path / "latest.json").read_text())
    rows = {(row["target"], row["endpoint"]): row for row in run["rows"]}
    for endpoint in ("list", "detail", "create", "login"):
        row = rows[(variant.id, endpoint)]
        assert (row["errors"], row["failed"]) == (0, 0), row
        # Two seconds may pass before a busy machine finishes hashing one password.
        assert row["rps"] > 0 or endpoint == "login", row
    baselines = [row for row in run["rows"] if row["kind"] != "variant"]
    assert baselines, run["rows"]
    assert all(row["rps"] > 0 and row["errors"] == row["failed"] == 0 for row in baselines)
    assert (tmp_path / "latest.md").read_text().count(variant.id) >= 4
