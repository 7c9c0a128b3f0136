"""A written run read back: its rows, goals and table derived again from its raw rounds.

`python -m bench --replay bench/results/latest.json` rewrites the markdown
(and, with `--update-readme`, the README) after a change to how rounds are
summarised or judged, without loading anything again.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import answer_matrix

from . import goals, summary
from .project import Prepared, Timed
from .report import Run
from .runner import Sample
from .targets import Endpoint, Target


def _sample(data: dict) -> Sample:
    statuses = {int(status): count for status, count in data.pop("statuses").items()}
    return Sample(**data, statuses=statuses)


def _targets(rows: list[dict]) -> list[Target]:
    """The targets as far as summarising needs them: names, kinds and endpoints, in order."""
    targets: dict[str, Target] = {}
    for row in rows:
        target = targets.setdefault(
            row["target"], Target(row["target"], row["kind"], row["framework"], 0, "")
        )
        target.endpoints.append(Endpoint(row["endpoint"], "", row["connections"]))
    return list(targets.values())


def _prepared(variants: dict[str, dict]) -> list[Prepared]:
    known = {variant.id: variant for variant in answer_matrix.valid_variants()}
    return [
        Prepared(
            variant=known[name],
            project=None,  # type: ignore[arg-type]  (nothing is run again)
            copy=Timed(**timings["copy"]),
            suite={database: Timed(**t) for database, t in timings["suite"].items()},
        )
        for name, timings in variants.items()
        if name in known
    ]


def load(path: Path) -> Run:
    data = json.loads(path.read_text())
    samples = [_sample(sample) for sample in data["samples"]]
    rows = summary.rows(_targets(data["rows"]), samples)
    prepared = _prepared(data["variants"])
    return Run(
        command=data["command"],
        settings=data["settings"],
        rows=rows,
        goals=goals.check(rows, prepared),
        prepared=prepared,
        samples=samples,
        failures=data["failures"],
        started=datetime.fromisoformat(data["started"]),
        machine=data["machine"],
    )
