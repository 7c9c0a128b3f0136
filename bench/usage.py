"""What a server's worker processes used while loaded: peak memory and CPU time.

CPU time per request is the figure that survives a busy machine: requests per
second fall when other processes take the cores, the work each request
costs the workers hardly changes.

Workers are found by the port they serve, whatever started them: the
processes listening on it, less those whose children listen too (the
master of uvicorn or gunicorn, which binds the socket and hands it down;
granian's workers bind their own).
"""

from __future__ import annotations

import threading
from types import TracebackType

import psutil


def worker_processes(port: int) -> list[psutil.Process]:
    listening = {
        conn.pid
        for conn in psutil.net_connections(kind="tcp")
        if conn.pid and conn.status == psutil.CONN_LISTEN and conn.laddr.port == port
    }
    workers = []
    for pid in sorted(listening):
        try:
            process = psutil.Process(pid)
            if not any(child.pid in listening for child in process.children()):
                workers.append(process)
        except psutil.NoSuchProcess:
            continue
    return workers


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _tree_cpu(root: psutil.Process) -> dict[int, float]:
    """CPU seconds of `root` and every process under it, by pid."""
    spent = {}
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return {}
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        spent[process.pid] = times.user + times.system
    return spent


class WorkerUsage:
    """Samples the RSS of the port's workers in a thread until the block ends,
    and adds up the CPU time they spent in it; with the database server's
    process, the CPU time of the database too (only one target is loaded at
    a time, so all of it is that target's)."""

    def __init__(
        self, port: int, database: psutil.Process | None = None, interval: float = 0.1
    ) -> None:
        self.port = port
        self.database = database
        self.interval = interval
        self.per_worker: dict[int, int] = {}
        self.cpu_seconds = 0.0
        self.database_cpu_seconds: float | None = None
        self._database_at_start: dict[int, float] = {}
        self._workers: list[psutil.Process] = []
        self._cpu_at_start = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def peak_mb(self) -> float:
        """The largest RSS any one worker reached, in MiB."""
        return max(self.per_worker.values(), default=0) / 2**20

    def _sample(self) -> None:
        workers = self._workers
        while True:
            for process in workers:
                try:
                    rss = process.memory_info().rss
                except psutil.NoSuchProcess:
                    workers = worker_processes(self.port)  # a worker was replaced
                    continue
                self.per_worker[process.pid] = max(self.per_worker.get(process.pid, 0), rss)
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> WorkerUsage:
        self._workers = worker_processes(self.port)
        self._cpu_at_start = _cpu_seconds(self._workers)
        if self.database is not None:
            self._database_at_start = _tree_cpu(self.database)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu_seconds = _cpu_seconds(self._workers) - self._cpu_at_start
        if self.database is not None:
            # Backends started during the load count from zero; those that
            # ended during it are lost, so this can only undercount.
            self.database_cpu_seconds = sum(
                spent - self._database_at_start.get(pid, 0.0)
                for pid, spent in _tree_cpu(self.database).items()
            )
