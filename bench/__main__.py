"""`python -m bench`: render, serve, seed and load the variants and their baselines.

uv run python -m bench                       # every valid variant, 10 s x 3 rounds
uv run python -m bench --variants 'django-*-postgresql' --seconds 5 --rounds 2
uv run python -m bench --smoke               # one variant, 2 s per load, 1 round
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shlex
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psutil
import pytest

import answer_matrix
import postgres

from . import TEMPLATE_ROOT, goals, project, report, runner, summary, targets, wrk
from . import replay as bench_replay


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--variants",
        default="*",
        help="comma-separated variant ids or shell patterns (default: every valid variant)",
    )
    parser.add_argument("--seconds", type=float, default=10, help="length of one load")
    parser.add_argument("--rounds", type=int, default=3, help="times each load is repeated")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--login-connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="server workers (WEB_CONCURRENCY)")
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--categories", type=int, default=10)
    parser.add_argument("--no-suite", action="store_true", help="skip timing `make test`")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="the first selected variant only, 2 s loads, 1 round, 100 products, no suite timing",
    )
    parser.add_argument(
        "--postgres-url", default="", help="a server to create databases on (default: start one)"
    )
    parser.add_argument("--out", type=Path, default=TEMPLATE_ROOT / "bench" / "results")
    parser.add_argument("--update-readme", action="store_true", help="put the table into README.md")
    parser.add_argument("--keep", action="store_true", help="keep the rendered projects")
    parser.add_argument(
        "--replay",
        type=Path,
        metavar="JSON",
        help="load nothing: summarise and judge the rounds of a written run again",
    )
    options = parser.parse_args(argv)
    if options.smoke:
        options.seconds, options.rounds, options.products, options.no_suite = 2, 1, 100, True
    return options


def select(patterns: str, smoke: bool) -> list[answer_matrix.Variant]:
    wanted = [p.strip() for p in patterns.split(",") if p.strip()]
    chosen = [
        v for v in answer_matrix.valid_variants() if any(fnmatch.fnmatch(v.id, p) for p in wanted)
    ]
    if not chosen:
        raise SystemExit(f"no valid variant matches {patterns!r}")
    return chosen[:1] if smoke else chosen


@contextmanager
def postgres_server(url: str, workdir: Path) -> Iterator[tuple[str, psutil.Process | None]]:
    """The server's URL, and its process when the harness started it (to count its CPU)."""
    if url:
        yield url, None
        return
    data_dir = workdir / "postgres"
    data_dir.mkdir(mode=0o755)
    # Every variant is served at once, each worker holding its pool (20 for
    # SQLAlchemy) or a connection per thread: 300 ran out with 22 variants.
    server_url, process = postgres.start_server(data_dir / "data", max_connections=1000)
    try:
        yield server_url, psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def show(sample: runner.Sample) -> None:
    failed = f" non-2xx {sample.non_2xx}" if sample.non_2xx else ""
    say(
        f"  round {sample.round} {sample.endpoint:<6} {sample.target:<40} "
        f"{sample.rps:>8,.0f} req/s  p50 {sample.p50_ms:6.1f} ms  p99 {sample.p99_ms:7.1f} ms"
        f"  errors {sample.socket_errors}{failed}  {sample.peak_rss_mb:.0f} MiB"
        f"  {sample.cpu_ms_per_request:.2f} CPU ms/req"
    )


def estimate(variants: int, frameworks: int, options: argparse.Namespace) -> float:
    """Seconds of load: four loads per variant, the baselines' one or two, per round."""
    loads = 4 * variants + frameworks + (2 if frameworks else 0)
    return loads * options.rounds * options.seconds


def replay(options: argparse.Namespace) -> int:
    run = bench_replay.load(options.replay)
    text, _ = report.write(run, options.out)
    if options.update_readme:
        report.update_readme(TEMPLATE_ROOT / "README.md", run)
    print(text.read_text(), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    if options.replay:
        return replay(options)
    # A plain kill must still stop the servers: unwind the context managers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    wrk.ensure_installed()
    variants = select(options.variants, options.smoke)
    frameworks = sorted({v.data["framework"] for v in variants})
    say(
        f"{len(variants)} variant(s): {', '.join(v.id for v in variants)}; "
        f"about {estimate(len(variants), len(frameworks), options) / 60:.0f} min of load"
    )
    started = time.monotonic()
    failures: dict[str, str] = {}
    workdir = Path(tempfile.mkdtemp(prefix="stackcraft-bench-"))
    os.chmod(workdir, 0o755)
    try:
        with ExitStack() as stack:
            server_url, database = stack.enter_context(
                postgres_server(options.postgres_url, workdir)
            )
            prepared = []
            for variant in variants:
                say(f"preparing {variant.id}")
                try:
                    prepared.append(
                        project.prepare(
                            variant,
                            workdir,
                            server_url,
                            workers=options.workers,
                            suite=not options.no_suite,
                        )
                    )
                except (Exception, pytest.fail.Exception) as error:
                    failures[variant.id] = str(error)
                    say(f"  skipped: {str(error)[:2000]}")
            loaded = serve(stack, prepared, server_url, options, workdir, failures)
            say(f"loading {len(loaded)} target(s)")
            samples = runner.run(
                loaded,
                seconds=options.seconds,
                rounds=options.rounds,
                threads=options.threads,
                database=database,
                report=show,
            )
        rows = summary.rows(loaded, samples)
        run = report.Run(
            command=shlex.join(["uv", "run", "python", "-m", "bench", *(argv or sys.argv[1:])]),
            settings={
                "seconds": options.seconds,
                "rounds": options.rounds,
                "threads": options.threads,
                "workers": options.workers,
                "connections": options.connections,
                "login_connections": options.login_connections,
                "products": options.products,
                "categories": options.categories,
            },
            rows=rows,
            goals=goals.check(rows, prepared),
            prepared=prepared,
            samples=samples,
            failures=failures,
        )
        text, _ = report.write(run, options.out)
        if options.update_readme:
            report.update_readme(TEMPLATE_ROOT / "README.md", run)
        print("\n" + text.read_text(), flush=True)
        say(f"written to {options.out}; took {(time.monotonic() - started) / 60:.1f} min")
    finally:
        if options.keep:
            say(f"projects kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


def serve(
    stack: ExitStack,
    prepared: list[project.Prepared],
    server_url: str,
    options: argparse.Namespace,
    workdir: Path,
    failures: dict[str, str],
) -> list[targets.Target]:
    """Serve each variant and, once per framework, its baselines; all stay up until the end."""
    loaded: list[targets.Target] = []
    sizes = {"products": options.products, "categories": options.categories}
    for item in prepared:
        say(f"serving and seeding {item.variant.id}")
        try:
            loaded.append(
                stack.enter_context(
                    targets.variant(
                        item,
                        connections=options.connections,
                        login_connections=options.login_connections,
                        **sizes,
                    )
                )
            )
        except (Exception, pytest.fail.Exception) as error:
            failures[item.variant.id] = str(error)
            say(f"  skipped: {str(error)[:2000]}")
    served = {t.name for t in loaded}
    hosts: dict[str, project.Prepared] = {}
    for item in prepared:
        if item.variant.id in served:
            hosts.setdefault(item.framework, item)
    for framework, host in hosts.items():
        if framework not in targets.BARE_MODULES:
            failures[f"bare {framework}"] = f"the harness has no bare baseline for {framework}"
            continue
        say(f"serving the {framework} baselines from {host.variant.id}'s environment")
        common = {"connections": options.connections, "workers": options.workers}
        baselines = [targets.bare(host, **common, log_dir=workdir)]
        if framework == "django":
            baselines.append(
                targets.drf_plain(host, server_url, **common, **sizes, log_dir=workdir)
            )
        for baseline in baselines:
            try:
                loaded.append(stack.enter_context(baseline))
            except (Exception, pytest.fail.Exception) as error:
                failures[f"{framework} baseline"] = str(error)
                say(f"  baseline skipped: {str(error)[:2000]}")
    return loaded


if __name__ == "__main__":
    sys.exit(main())
