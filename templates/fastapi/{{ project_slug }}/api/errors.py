"""Every error under /api/ answers JSON, in FastAPI's `{"detail": ...}` shape."""

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..core.exceptions import FieldError

logger = logging.getLogger(__name__)


async def field_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FieldError)  # noqa: S101 - registered for FieldError only
    detail = [{"type": "value_error", "loc": ["body", exc.field], "msg": exc.message}]
    return JSONResponse({"detail": detail}, status_code=422)


async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    # FastAPI's own handler also echoes each offending `input`: that repeats a
    # password back to its sender, and a lone surrogate (legal in JSON text, never
    # in UTF-8) makes the answer itself unencodable, a 500 instead of this 422.
    detail = [
        {key: value for key, value in error.items() if key != "input"} for error in exc.errors()
    ]
    return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=422)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal server error."}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FieldError, field_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected_error)
