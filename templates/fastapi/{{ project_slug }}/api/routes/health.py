"""`/api/health`: up only when the database answers."""

import asyncio
import logging

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])
logger = logging.getLogger(__name__)
PING_TIMEOUT_SECONDS = 3


@router.get(
    "/health",
    responses={503: {"description": "The database does not answer."}},
)
async def health(request: Request) -> JSONResponse:
    try:
        async with asyncio.timeout(PING_TIMEOUT_SECONDS):
            await request.app.state.database.ping()
    except Exception:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return JSONResponse({"status": "unavailable"}, status.HTTP_503_SERVICE_UNAVAILABLE)
    return JSONResponse({"status": "ok"})
