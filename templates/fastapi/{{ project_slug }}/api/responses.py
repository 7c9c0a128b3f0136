"""JSON straight from database rows to bytes, skipping a pydantic round trip.

The response models stay on the routes, so the OpenAPI document still
describes every body.
"""

from decimal import Decimal
from typing import Any

import orjson
from fastapi import Response


def _encode(value: Any) -> str:
    # The only decimals in this API are prices, always shown with two places.
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class RowsResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        # SQLite hands back naive datetimes; every stored datetime is UTC.
        return orjson.dumps(content, default=_encode, option=orjson.OPT_NAIVE_UTC)
