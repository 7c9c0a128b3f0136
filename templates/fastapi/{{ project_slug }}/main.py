"""The application factory: `create_app()` builds the API from the settings."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from . import auth
from .api.errors import install_error_handlers
from .api.hosts import AllowedHostsMiddleware
from .api.https import HTTPSOnlyMiddleware
from .api.routes import categories, health, products
from .core.config import Settings, get_settings
from .core.rate_limit import login_limiter
from .db import Database


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.database = Database(settings.database_url)
        await app.state.database.open()
        try:
            yield
        finally:
            await app.state.database.close()

    app = FastAPI(
        title=settings.project_name,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        swagger_ui_parameters={"persistAuthorization": True},
    )
    app.state.settings = settings
    app.state.login_limiter = login_limiter()

    api = APIRouter(prefix="/api")
    # Routes match in order: the busiest first.
    for router in (products.router, categories.router, auth.router, health.router):
        api.include_router(router)
    app.include_router(api)
    install_error_handlers(app)

    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_middleware(AllowedHostsMiddleware, allowed_hosts=settings.allowed_hosts)
    if settings.is_production and settings.secure_ssl_redirect:
        app.add_middleware(HTTPSOnlyMiddleware)
    return app
