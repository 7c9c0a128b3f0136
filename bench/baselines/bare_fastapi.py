"""Bare FastAPI: one route answering {"ok": true}."""

from fastapi import FastAPI


def create_asgi_application() -> FastAPI:
    app = FastAPI()

    @app.get("/")
    async def ok() -> dict[str, bool]:
        return {"ok": True}

    return app


asgi_application = create_asgi_application()
