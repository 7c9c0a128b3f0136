"""The API app: FastAPI on Django's settings, models and users.

`config.asgi` serves it beside Django on one origin. Django must be set up
before this module is imported: the data layer imports the models.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from django.conf import settings
from fastapi import APIRouter, FastAPI, Request, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .api.errors import install_error_handlers
from .api.hosts import AllowedHostsMiddleware
from .api.https import HTTPSOnlyMiddleware
from .api.openapi import whole_api_document
from .api.routes import categories, health, products
from .db import UNAVAILABLE, configured_database


async def database_unavailable(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": "The database is unavailable."}, status.HTTP_503_SERVICE_UNAVAILABLE
    )


def allowed_hosts(django_hosts: list[str]) -> list[str]:
    """Django's ALLOWED_HOSTS as the API's middleware reads them (`*.example.com`)."""
    hosts = []
    for host in django_hosts:
        if host.startswith("."):
            hosts += [host[1:], f"*{host}"]
        else:
            hosts.append(host)
    return hosts


def create_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.database = configured_database()
        await app.state.database.open()
        try:
            yield
        finally:
            await app.state.database.close()

    app = FastAPI(
        title=settings.SPECTACULAR_SETTINGS["TITLE"],
        description=settings.SPECTACULAR_SETTINGS["DESCRIPTION"],
        version=settings.SPECTACULAR_SETTINGS["VERSION"],
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        swagger_ui_parameters={"persistAuthorization": True},
    )
    api = APIRouter(prefix="/api")
    for router in (health.router, categories.router, products.router):
        api.include_router(router)
    app.include_router(api)
    install_error_handlers(app)
    # A lost database is the server's trouble, not the request's: 503, not 500.
    for error in UNAVAILABLE:
        app.add_exception_handler(error, database_unavailable)
    app.openapi = lambda: whole_api_document(app)  # type: ignore[method-assign]

    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ALLOWED_ORIGINS,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_middleware(AllowedHostsMiddleware, allowed_hosts=allowed_hosts(settings.ALLOWED_HOSTS))
    if settings.SECURE_SSL_REDIRECT:
        app.add_middleware(HTTPSOnlyMiddleware)
    return app
