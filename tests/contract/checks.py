"""Assertions every contract test makes about a response."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx

# Either framework's convention for a body or query that breaks a rule.
VALIDATION_ERROR = (400, 422)

_JSON_MEDIA_TYPE = re.compile(r"^application/(?:[\w.-]+\+)?json\s*(?:;|$)", re.IGNORECASE)


def unique(prefix: str) -> str:
    """A name no other test, nor another run against the same server, uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def describe(response: httpx.Response) -> str:
    request = response.request
    sent = request.content.decode(errors="replace")[:500] if request.content else ""
    return (
        f"{request.method} {request.url} {sent}\n"
        f"answered {response.status_code} {response.headers.get('content-type')}: "
        f"{response.text[:1500]}"
    )


def assert_json(response: httpx.Response) -> Any:
    """Every response under /api/ is JSON, errors included."""
    content_type = response.headers.get("content-type", "")
    assert _JSON_MEDIA_TYPE.match(content_type), f"not JSON: {describe(response)}"
    try:
        return response.json()
    except json.JSONDecodeError as error:
        raise AssertionError(f"invalid JSON ({error}): {describe(response)}") from None


def expect(response: httpx.Response, *statuses: int) -> Any:
    """Assert the status is one of `statuses` and the body is JSON; return the body.

    A 204 has no body and returns None.
    """
    assert response.status_code in statuses, f"expected {statuses}: {describe(response)}"
    if response.status_code == 204:
        return None
    return assert_json(response)


def expect_rejected(response: httpx.Response, field: str) -> Any:
    """A validation error whose JSON body names `field`."""
    body = expect(response, *VALIDATION_ERROR)
    assert names_field(body, field), f"error does not name {field!r}: {describe(response)}"
    return body


def ignored_or_rejected(response: httpx.Response, accepted: int) -> Any:
    """The body of a request that carried a read-only field: when the server
    ignored the field, its answer (`accepted`); when it rejected the request,
    None."""
    if response.status_code == accepted:
        return assert_json(response)
    expect(response, *VALIDATION_ERROR)
    return None


def names_field(body: Any, field: str) -> bool:
    """Whether a JSON error body names `field` as a key or as a location.

    Covers DRF's `{"price": [...]}` and FastAPI's
    `{"detail": [{"loc": ["body", "price"], ...}]}` alike, without matching
    the field's name inside a sentence of some other field's message.
    """
    return any(token == field for token in _tokens(body))


def _tokens(body: Any) -> Iterator[str]:
    if isinstance(body, dict):
        for key, value in body.items():
            yield str(key)
            yield from _tokens(value)
    elif isinstance(body, list):
        for item in body:
            yield from _tokens(item)
    elif isinstance(body, str):
        yield body
