"""One bounded wrk run against 127.0.0.1, and what it measured.

Method, body and headers go in a Lua script generated per run; its `done`
hook prints the summary as one JSON line, so nothing is read back from
wrk's rounded, unit-suffixed text. Counting responses per status (to tell a
429 from a failure) needs wrk's `response` hook, which makes wrk parse every
response, so only the loads that need it ask for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MARKER = "BENCH_JSON "


class WrkMissing(RuntimeError):
    pass


def ensure_installed() -> str:
    """The wrk executable; installed from Debian's package when running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise WrkMissing("wrk is not installed: run `sudo apt-get install -y wrk` and try again")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    found = shutil.which("wrk")
    if not found:
        raise WrkMissing("apt-get installed wrk but it is not on PATH")
    return found


@dataclass(frozen=True)
class Load:
    """What every connection sends, over and over."""

    url: str
    method: str = "GET"
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    connections: int = 64
    count_statuses: bool = False


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    socket_errors: dict[str, int]
    non_2xx: int  # wrk's count of answers outside 2xx and 3xx
    statuses: dict[int, int] = field(default_factory=dict)  # only with count_statuses

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        """Connections refused, broken or timed out."""
        return sum(self.socket_errors.values())

    def count(self, status: int) -> int:
        return self.statuses.get(status, 0)


def lua_string(text: str) -> str:
    """A Lua string literal for any text (every byte outside plain ASCII escaped)."""
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(char if 32 <= byte < 127 and char not in '"\\' else f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def script(load: Load) -> str:
    lines = [f"wrk.method = {lua_string(load.method)}"]
    if load.body is not None:
        lines.append(f"wrk.body = {lua_string(load.body)}")
    for name, value in load.headers.items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    lines += [
        "local threads = {}",
        "function setup(thread) table.insert(threads, thread) end",
    ]
    if load.count_statuses:
        lines += [
            "function init(args) statuses = {} end",
            "function response(status, headers, body)",
            "  statuses[status] = (statuses[status] or 0) + 1",
            "end",
        ]
    lines += [
        "function done(summary, latency, requests)",
        "  local totals, counts = {}, {}",
        "  for _, thread in ipairs(threads) do",
        '    for status, n in pairs(thread:get("statuses") or {}) do',
        "      totals[status] = (totals[status] or 0) + n",
        "    end",
        "  end",
        "  for status, n in pairs(totals) do",
        "    counts[#counts + 1] = string.format('\"%d\": %d', status, n)",
        "  end",
        "  local e = summary.errors",
        "  io.write(string.format(",
        f"    '{MARKER}" + '{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, '
        '"write": %d, "timeout": %d, "status": %d, "p50_us": %d, "p90_us": %d, '
        '"p99_us": %d, "max_us": %d, "statuses": {%s}}\\n\',',
        "    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,",
        "    e.status, latency:percentile(50), latency:percentile(90),",
        "    latency:percentile(99), latency.max, table.concat(counts, ', ')))",
        "end",
    ]
    return "\n".join(lines) + "\n"


def run(load: Load, seconds: float, *, threads: int = 2, timeout: float = 5) -> Result:
    """Load `load.url` for `seconds`; a request unanswered after `timeout` s counts as an error."""
    host = urlsplit(load.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the harness loads this machine only, not {host}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-") as lua:
        lua.write(script(load))
        lua.flush()
        completed = subprocess.run(
            [
                ensure_installed(),
                f"--threads={max(1, min(threads, load.connections))}",
                f"--connections={load.connections}",
                f"--duration={max(1, round(seconds))}s",
                f"--timeout={timeout:g}s",
                f"--script={lua.name}",
                load.url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + timeout + 60,
            check=False,
        )
    return parse(completed.stdout, completed.stderr, completed.returncode)


def parse(stdout: str, stderr: str = "", returncode: int = 0) -> Result:
    for line in stdout.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line.removeprefix(MARKER))
            break
    else:
        raise RuntimeError(f"wrk exited {returncode} without a summary:\n{stdout}\n{stderr}")
    return Result(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        socket_errors={name: data[name] for name in ("connect", "read", "write", "timeout")},
        non_2xx=data["status"],
        statuses={int(status): n for status, n in data["statuses"].items()},
    )
