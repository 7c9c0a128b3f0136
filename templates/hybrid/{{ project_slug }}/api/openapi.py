"""The one OpenAPI document of the origin: FastAPI's routes and Django's auth endpoints.

drf-spectacular describes the Django views from their own serializers, so
the document follows the code that answers; FastAPI's document takes in
those paths, their components and their security schemes.
"""

from typing import Any

from drf_spectacular.generators import SchemaGenerator
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi


def django_document() -> dict[str, Any]:
    """What drf-spectacular says about Django's URLconf (its DRF views: the auth endpoints)."""
    return SchemaGenerator().get_schema(request=None, public=True)


def merge(api: dict[str, Any], django: dict[str, Any]) -> dict[str, Any]:
    """`api` with Django's paths and components added; a name both define must mean the same."""
    for section, entries in [("paths", django.get("paths", {}))] + [
        (f"components.{kind}", items) for kind, items in django.get("components", {}).items()
    ]:
        target = api
        for key in section.split("."):
            target = target.setdefault(key, {})
        for name, entry in entries.items():
            if target.setdefault(name, entry) != entry:
                raise ValueError(f"FastAPI and Django both define {section}.{name}, differently")
    return api


def whole_api_document(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        app.openapi_schema = merge(document, django_document())
    return app.openapi_schema
