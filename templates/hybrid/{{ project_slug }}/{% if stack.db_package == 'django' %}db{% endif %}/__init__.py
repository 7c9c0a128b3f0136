"""The data layer on the Django ORM's async API: the API sees only these names."""

from . import categories, products
from .database import Connection, Database, connection

__all__ = ["Connection", "Database", "categories", "connection", "products"]
