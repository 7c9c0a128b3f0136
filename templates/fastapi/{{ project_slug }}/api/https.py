"""Production only: send plain HTTP to HTTPS and tell browsers to stay there (HSTS)."""

from starlette.datastructures import URL, Headers, MutableHeaders
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = "max-age=31536000; includeSubDomains"
# The container's health check speaks plain HTTP to the app itself.
EXEMPT_PATHS = frozenset({"/api/health"})


class HTTPSOnlyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Behind a TLS-terminating proxy the original scheme arrives in a header.
        forwarded = Headers(scope=scope).get("x-forwarded-proto", "")
        secure = scope["scheme"] == "https" or forwarded.lower() == "https"
        if not secure and scope["path"] not in EXEMPT_PATHS:
            target = URL(scope=scope).replace(scheme="https")
            await RedirectResponse(str(target), status_code=308)(scope, receive, send)
            return

        async def send_with_hsts(message: Message) -> None:
            if secure and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_hsts)
