"""The schedule: rounds of loads, alternating targets, so drift shows in every column.

Within a round each group of loads (list, detail, create, login) runs back
to back over every target, and each round starts the rotation one target
further, so no target is always measured first or last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

import psutil

from . import wrk
from .targets import Endpoint, Target
from .usage import WorkerUsage

GROUPS = ("list", "detail", "create", "login")
WARM_UP_SECONDS = 1


@dataclass
class Sample:
    target: str
    endpoint: str
    round: int
    connections: int
    rps: float
    requests: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    socket_errors: int
    timeouts: int
    non_2xx: int
    statuses: dict[int, int]
    peak_rss_mb: float
    cpu_ms_per_request: float  # the workers' CPU time over the requests answered
    database_cpu_ms_per_request: float | None  # PostgreSQL's, when the harness started it

    def as_dict(self) -> dict:
        return asdict(self)


def per_request(seconds: float | None, requests: int) -> float | None:
    """Milliseconds per request answered."""
    if seconds is None:
        return None
    return 1000 * seconds / requests if requests else 0.0


def request(target: Target, endpoint: Endpoint) -> wrk.Load:
    return wrk.Load(
        url=target.base_url + endpoint.path,
        method=endpoint.method,
        body=endpoint.body,
        headers=endpoint.headers(),
        connections=endpoint.connections,
        count_statuses=endpoint.count_statuses,
    )


def measure(
    target: Target,
    endpoint: Endpoint,
    seconds: float,
    threads: int,
    round_: int,
    database: psutil.Process | None = None,
) -> Sample:
    load = request(target, endpoint)  # may log in: before the workers are watched
    try:
        with WorkerUsage(target.port, database) as usage:
            result = wrk.run(load, seconds, threads=threads)
    finally:
        if endpoint.after:
            endpoint.after()
    return Sample(
        target=target.name,
        endpoint=endpoint.name,
        round=round_,
        connections=endpoint.connections,
        rps=result.rps,
        requests=result.requests,
        p50_ms=result.p50_ms,
        p90_ms=result.p90_ms,
        p99_ms=result.p99_ms,
        max_ms=result.max_ms,
        socket_errors=result.errors,
        timeouts=result.socket_errors["timeout"],
        non_2xx=result.non_2xx,
        statuses=result.statuses,
        peak_rss_mb=usage.peak_mb,
        cpu_ms_per_request=per_request(usage.cpu_seconds, result.requests) or 0.0,
        database_cpu_ms_per_request=per_request(usage.database_cpu_seconds, result.requests),
    )


def warm_up(targets: list[Target], threads: int) -> None:
    """Open every worker's database connections and import everything lazily imported."""
    for target in targets:
        for endpoint in target.endpoints:
            if endpoint.method == "GET":
                wrk.run(request(target, endpoint), WARM_UP_SECONDS, threads=threads)


def run(
    targets: list[Target],
    *,
    seconds: float,
    rounds: int,
    threads: int,
    database: psutil.Process | None = None,
    report: Callable[[Sample], None] = lambda sample: None,
) -> list[Sample]:
    warm_up(targets, threads)
    samples = []
    for round_ in range(1, rounds + 1):
        shift = (round_ - 1) % len(targets)
        order = targets[shift:] + targets[:shift]
        for group in GROUPS:
            for target in order:
                for endpoint in target.endpoints:
                    if endpoint.group == group:
                        watched = database if target.on_postgresql else None
                        sample = measure(target, endpoint, seconds, threads, round_, watched)
                        report(sample)
                        samples.append(sample)
    return samples
