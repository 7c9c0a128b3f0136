"""A small in-process limiter for login attempts.

It counts per process: with N server workers a client gets up to N times the
limit. Put a shared limiter (the proxy, or one backed by Redis) in front when
that matters.
"""

import time
from collections import deque

from fastapi import HTTPException, Request, status

LOGIN_ATTEMPTS = 5
LOGIN_WINDOW_SECONDS = 60.0


class SlidingWindowLimiter:
    def __init__(self, attempts: int, window_seconds: float) -> None:
        self.attempts = attempts
        self.window_seconds = window_seconds
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        """Record an attempt; False once `key` has used up its attempts in the window."""
        now = time.monotonic()
        if len(self._hits) > 10_000:
            self._forget_idle(now)
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] > self.window_seconds:
            hits.popleft()
        if len(hits) >= self.attempts:
            return False
        hits.append(now)
        return True

    def _forget_idle(self, now: float) -> None:
        idle = [
            key
            for key, hits in self._hits.items()
            if not hits or now - hits[-1] > self.window_seconds
        ]
        for key in idle:
            del self._hits[key]


def login_limiter() -> SlidingWindowLimiter:
    return SlidingWindowLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_SECONDS)


async def limit_login_attempts(request: Request) -> None:
    """Dependency for login routes: a few attempts per client address and user name a minute."""
    username = (await request.form()).get("username")
    if not isinstance(username, str):
        return  # not a login attempt (a logout, say): nothing to count
    client = request.client.host if request.client else "unknown"
    key = f"{client}|{username.lower()}"
    limiter: SlidingWindowLimiter = request.app.state.login_limiter
    if not limiter.allow(key):
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "Too many login attempts; try again in a minute.",
            headers={"Retry-After": str(int(LOGIN_WINDOW_SECONDS))},
        )
