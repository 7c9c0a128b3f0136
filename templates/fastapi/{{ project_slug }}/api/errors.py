"""Every error under /api/ answers JSON, in FastAPI's `{"detail": ...}` shape."""

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..core.exceptions import FieldError

logger = logging.getLogger(__name__)


async def field_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FieldError)  # noqa: S101 - registered for FieldError only
    detail = [{"type": "value_error", "loc": ["body", exc.field], "msg": exc.message}]
    return JSONResponse({"detail": detail}, status_code=422)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal server error."}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FieldError, field_error)
    app.add_exception_handler(Exception, unexpected_error)
