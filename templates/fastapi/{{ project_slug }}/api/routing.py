"""The router class every resource uses."""

from collections.abc import Callable, Coroutine
from decimal import Decimal
from json import loads
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute


class DecimalJSONRequest(Request):
    async def json(self) -> Any:
        # JSON numbers with a fraction become Decimal, not float, so 12.345 is
        # refused exactly as sent instead of after a float approximation.
        if not hasattr(self, "_json"):
            self._json = loads(await self.body(), parse_float=Decimal)
        return self._json


class DecimalJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            return await handler(DecimalJSONRequest(request.scope, request.receive))

        return handle


class ResourceRouter(APIRouter):
    """Answers `/items/` and `/items` alike, rather than redirecting between them.

    A redirect would drop the body of some clients' POSTs and point at the
    wrong scheme behind a TLS proxy. Only the documented, slashed path is in
    the OpenAPI document.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(route_class=DecimalJSONRoute, **kwargs)

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().add_api_route(path, endpoint, **kwargs)
        if path.endswith("/") and len(self.prefix + path) > 1:
            super().add_api_route(
                path.rstrip("/"), endpoint, **{**kwargs, "include_in_schema": False}
            )
