"""ALLOWED_HOSTS: requests for other host names get a JSON 400, like every other error.

Starlette's TrustedHostMiddleware answers in plain text; under /api/ every
answer is JSON.
"""

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send


class AllowedHostsMiddleware:
    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.allow_any = "*" in allowed_hosts
        self.hosts = frozenset(host for host in allowed_hosts if not host.startswith("*."))
        # "*.example.com" allows every subdomain of example.com.
        self.suffixes = tuple(host[1:] for host in allowed_hosts if host.startswith("*."))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.allow_any or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "").split(":")[0]
        if host in self.hosts or (self.suffixes and host.endswith(self.suffixes)):
            await self.app(scope, receive, send)
            return
        response = JSONResponse({"detail": "Invalid host header."}, status_code=400)
        await response(scope, receive, send)
