"""Rounds folded into one row per target and endpoint, with the ratios that get published.

Absolute requests per second depend on the machine; the ratios to the bare
framework and to straightforward DRF, measured in the same run, are what
compares across machines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from statistics import median

from .runner import Sample
from .targets import Target

RATE_LIMITED = 429


@dataclass
class Row:
    target: str
    kind: str
    framework: str
    endpoint: str
    connections: int
    rounds: int
    rps: float  # median over rounds
    rps_min: float
    rps_max: float
    p50_ms: float  # medians over rounds
    p99_ms: float
    errors: int  # connect, read, write errors and time-outs, summed over rounds
    timeouts: int
    failed: int  # answers outside 2xx/3xx, a login's 429s excepted
    rate_limited: int  # 429s
    peak_rss_mb: float  # the largest worker, over all rounds
    cpu_ms: float  # workers' CPU time per request, median over rounds
    database_cpu_ms: float | None  # PostgreSQL's, likewise (None: SQLite, or not measured)
    first_round_rss_mb: float
    last_round_rss_mb: float
    ratio_bare: float | None = None
    ratio_drf: float | None = None

    @property
    def tail_ratio(self) -> float:
        return self.p99_ms / self.p50_ms if self.p50_ms else float("inf")

    def as_dict(self) -> dict:
        return {**asdict(self), "tail_ratio": round(self.tail_ratio, 2)}


def _median_known(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return median(known) if known else None


def fold(target: Target, endpoint: str, samples: list[Sample]) -> Row:
    rates = [s.rps for s in samples]
    rate_limited = sum(s.statuses.get(RATE_LIMITED, 0) for s in samples)
    non_2xx = sum(s.non_2xx for s in samples)
    return Row(
        target=target.name,
        kind=target.kind,
        framework=target.framework,
        endpoint=endpoint,
        connections=samples[0].connections,
        rounds=len(samples),
        rps=median(rates),
        rps_min=min(rates),
        rps_max=max(rates),
        p50_ms=median(s.p50_ms for s in samples),
        p99_ms=median(s.p99_ms for s in samples),
        errors=sum(s.socket_errors for s in samples),
        timeouts=sum(s.timeouts for s in samples),
        failed=non_2xx - rate_limited if endpoint == "login" else non_2xx,
        rate_limited=rate_limited,
        peak_rss_mb=max(s.peak_rss_mb for s in samples),
        cpu_ms=median(s.cpu_ms_per_request for s in samples),
        database_cpu_ms=_median_known([s.database_cpu_ms_per_request for s in samples]),
        first_round_rss_mb=samples[0].peak_rss_mb,
        last_round_rss_mb=samples[-1].peak_rss_mb,
    )


def rows(targets: list[Target], samples: list[Sample]) -> list[Row]:
    folded = []
    for target in targets:
        for endpoint in target.endpoints:
            mine = [s for s in samples if s.target == target.name and s.endpoint == endpoint.name]
            if mine:
                folded.append(fold(target, endpoint.name, sorted(mine, key=lambda s: s.round)))
    bare = {row.framework: row.rps for row in folded if row.kind == "bare"}
    plain_drf = {row.endpoint: row.rps for row in folded if row.kind == "drf"}
    for row in folded:
        if row.kind == "bare":
            continue
        if bare.get(row.framework):
            row.ratio_bare = row.rps / bare[row.framework]
        if row.framework == "django" and plain_drf.get(row.endpoint):
            row.ratio_drf = row.rps / plain_drf[row.endpoint]
    return folded
