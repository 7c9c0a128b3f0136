"""One run written out: a markdown table for people, JSON with every round for tools.

`--update-readme` also puts the markdown into the root README, between the
markers of its Benchmarks section.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .goals import Goal
from .project import Prepared
from .runner import Sample
from .summary import Row

README_START = "<!-- bench:results:start -->"
README_END = "<!-- bench:results:end -->"


@dataclass
class Run:
    command: str
    settings: dict[str, object]
    rows: list[Row]
    goals: list[Goal]
    prepared: list[Prepared]
    samples: list[Sample]
    failures: dict[str, str] = field(default_factory=dict)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    machine: str = field(default_factory=lambda: this_machine())


def this_machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}"


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _met(met: bool | None) -> str:
    return {True: "met", False: "**missed**", None: "n/a"}[met]


def markdown(run: Run) -> str:
    s = run.settings
    lines = [
        f"Run of {run.started:%Y-%m-%d %H:%M} UTC on {run.machine}, load generator included: "
        f"`{run.command}`.",
        "",
        f"Each load runs {s['seconds']} s with wrk ({s['threads']} threads), "
        f"{s['rounds']} round(s), targets alternating; servers run {s['workers']} workers. "
        "req/s is the median over rounds (slowest and fastest round beside it), p50 and p99 "
        "the medians of the rounds' percentiles, errors are socket errors and time-outs, "
        "failed are answers outside 2xx (a login's 429s counted apart), memory is the largest "
        "worker's peak RSS, CPU ms/req the workers' CPU time over the requests answered (the "
        "figure a busy machine changes least) and DB CPU ms/req PostgreSQL's. `x bare` divides "
        "by the bare framework of the same run (Django's JsonResponse view, FastAPI's "
        '`{"ok": true}`), `x DRF` by the straightforward DRF list under gunicorn.',
        "",
        "| target | endpoint | conns | req/s | rounds | p50 ms | p99 ms | errors | failed "
        "| 429 | MiB/worker | CPU ms/req | DB CPU ms/req | x bare | x DRF |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in run.rows:
        lines.append(
            f"| {row.target} | {row.endpoint} | {row.connections} | {row.rps:,.0f} "
            f"| {row.rps_min:,.0f}-{row.rps_max:,.0f} | {row.p50_ms:.1f} | {row.p99_ms:.1f} "
            f"| {row.errors} | {row.failed} | {row.rate_limited} | {row.peak_rss_mb:.0f} "
            f"| {row.cpu_ms:.2f} | {_number(row.database_cpu_ms)} "
            f"| {_number(row.ratio_bare)} | {_number(row.ratio_drf)} |"
        )
    lines += ["", "| goal | variant | measured | |", "|---|---|---|---|"]
    lines += [f"| {g.goal} | {g.target} | {g.measured} | {_met(g.met)} |" for g in run.goals]
    if run.failures:
        lines += ["", "Not measured:"]
        lines += [
            f"- {name}: {reason.splitlines()[0][:300]}" for name, reason in run.failures.items()
        ]
    return "\n".join(lines) + "\n"


def as_json(run: Run) -> dict:
    return {
        "started": run.started.isoformat(),
        "machine": run.machine,
        "command": run.command,
        "settings": run.settings,
        "rows": [row.as_dict() for row in run.rows],
        "goals": [goal.as_dict() for goal in run.goals],
        "variants": {
            item.variant.id: {
                "copy": asdict(item.copy),
                "suite": {database: asdict(timing) for database, timing in item.suite.items()},
            }
            for item in run.prepared
        },
        "failures": run.failures,
        "samples": [sample.as_dict() for sample in run.samples],
    }


def write(run: Run, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    text, data = directory / "latest.md", directory / "latest.json"
    text.write_text(markdown(run))
    data.write_text(json.dumps(as_json(run), indent=2) + "\n")
    return text, data


def update_readme(readme: Path, run: Run) -> None:
    content = readme.read_text()
    start, end = content.find(README_START), content.find(README_END)
    if start < 0 or end < start:
        raise RuntimeError(f"{readme} has no {README_START} ... {README_END} section")
    replaced = content[: start + len(README_START)] + "\n" + markdown(run) + content[end:]
    readme.write_text(replaced)
