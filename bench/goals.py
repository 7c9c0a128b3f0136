"""The issue's targets, checked against one run's rows and timings."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .project import Prepared
from .summary import Row

FASTAPI_LIST_VS_BARE = 0.25
DJANGO_LIST_VS_PLAIN_DRF = 2.0
HYBRID_FASTAPI_VS_DJANGO = 2.0
TAIL_RATIO = 3.0
COPY_SECONDS = 1.0
SUITE_SECONDS = 15.0
# A login worker may grow this much between the first round and the last.
LOGIN_RSS_GROWTH = 1.10


@dataclass
class Goal:
    goal: str
    target: str
    measured: str
    met: bool | None  # None: not measured in this run

    def as_dict(self) -> dict:
        return asdict(self)


def _list_goals(row: Row) -> list[Goal]:
    goals = []
    if row.framework == "fastapi":
        goals.append(
            Goal(
                f"list >= {FASTAPI_LIST_VS_BARE} x bare FastAPI",
                row.target,
                f"{row.ratio_bare:.2f} of bare FastAPI" if row.ratio_bare else "no baseline",
                row.ratio_bare is not None and row.ratio_bare >= FASTAPI_LIST_VS_BARE,
            )
        )
    if row.framework == "django":
        goals.append(
            Goal(
                f"list >= {DJANGO_LIST_VS_PLAIN_DRF:g} x plain DRF + gunicorn",
                row.target,
                f"{row.ratio_drf:.2f} x plain DRF" if row.ratio_drf else "no baseline",
                row.ratio_drf is not None and row.ratio_drf >= DJANGO_LIST_VS_PLAIN_DRF,
            )
        )
    goals.append(
        Goal(
            f"list p99 <= {TAIL_RATIO:g} x p50 at {row.connections} connections",
            row.target,
            f"p50 {row.p50_ms:.1f} ms, p99 {row.p99_ms:.1f} ms ({row.tail_ratio:.1f}x)",
            row.tail_ratio <= TAIL_RATIO,
        )
    )
    return goals


def _django_counterpart(hybrid: dict[str, str], django: dict[str, dict[str, str]]) -> str | None:
    """The Django variant a hybrid is compared with: same auth and database if there is one."""
    for same in (("auth", "database"), ("database",), ()):
        for name, answers in django.items():
            if all(answers[key] == hybrid[key] for key in same):
                return name
    return None


def _hybrid_goals(variants: list[Row], prepared: list[Prepared]) -> list[Goal]:
    answers = {item.variant.id: item.variant.data for item in prepared}
    lists = {row.target: row for row in variants if row.endpoint == "list"}
    django = {name: answers[name] for name, row in lists.items() if row.framework == "django"}
    goals = []
    for name, row in lists.items():
        if row.framework != "hybrid":
            continue
        goal = f"hybrid list >= {HYBRID_FASTAPI_VS_DJANGO:g} x the Django variant's"
        counterpart = _django_counterpart(answers[name], django)
        if counterpart is None:
            goals.append(Goal(goal, name, "no Django variant in this run", None))
            continue
        ratio = row.rps / lists[counterpart].rps if lists[counterpart].rps else float("inf")
        goals.append(
            Goal(goal, name, f"{ratio:.2f} x {counterpart}", ratio >= HYBRID_FASTAPI_VS_DJANGO)
        )
    return goals


def _login_goal(row: Row) -> Goal:
    """No errors, bounded memory, and the rate limit answering 429s rather than a stall.

    A login load of 32 connections for several seconds sends far more than the
    variants' limits allow (20 or 30 a minute per worker), so a server that
    keeps up answers 429s; one that answers none is queueing them behind
    password hashing.
    """
    growth = row.last_round_rss_mb / row.first_round_rss_mb if row.first_round_rss_mb else 1
    bounded = row.rounds < 2 or growth <= LOGIN_RSS_GROWTH
    measured = (
        f"{row.rps:.0f} req/s, {row.rate_limited} x 429, {row.errors} errors "
        f"({row.timeouts} time-outs), {row.failed} failed, p50 {row.p50_ms:.0f} ms, "
        f"p99 {row.p99_ms:.0f} ms, peak {row.peak_rss_mb:.0f} MiB/worker "
        f"(x{growth:.2f} first to last round)"
    )
    if not row.rate_limited:
        measured = "stalled, no 429 answered: " + measured
    return Goal(
        f"login at {row.connections} connections: 429s, no errors, bounded memory",
        row.target,
        measured,
        bool(row.rate_limited) and row.errors == 0 and row.failed == 0 and bounded,
    )


def _answered_goal(target: str, rows: list[Row]) -> Goal:
    """Not one of the issue's targets: a load that stalls or fails makes its figures moot."""
    problems = [
        f"{row.endpoint}: {row.rps:.0f} req/s, {row.errors} errors, {row.failed} failed"
        for row in rows
        if row.rps < 1 or row.errors or row.failed
    ]
    return Goal(
        "list, detail and create answered, without errors",
        target,
        "; ".join(problems) or "all answered",
        not problems,
    )


def _timing_goals(item: Prepared) -> list[Goal]:
    goals = [
        Goal(
            f"copier copy < {COPY_SECONDS:g} s",
            item.variant.id,
            str(item.copy),
            item.copy.seconds < COPY_SECONDS,
        )
    ]
    for database, suite in item.suite.items():
        goals.append(
            Goal(
                f"make test ({database}) < {SUITE_SECONDS:g} s",
                item.variant.id,
                str(suite) if suite.ok else f"failed after {suite}",
                suite.ok and suite.seconds < SUITE_SECONDS,
            )
        )
    return goals


def check(rows: list[Row], prepared: list[Prepared]) -> list[Goal]:
    variants = [row for row in rows if row.kind == "variant"]
    goals = [goal for row in variants if row.endpoint == "list" for goal in _list_goals(row)]
    goals += _hybrid_goals(variants, prepared)
    goals += [_login_goal(row) for row in variants if row.endpoint == "login"]
    for target in dict.fromkeys(row.target for row in variants):
        loads = [r for r in variants if r.target == target and r.endpoint != "login"]
        goals.append(_answered_goal(target, loads))
    goals += [goal for item in prepared for goal in _timing_goals(item)]
    return goals
