"""The data layer on the Django ORM's async API: the API sees only these names."""

from . import categories, products
from .database import UNAVAILABLE, Connection, Database, configured_database, connection

__all__ = [
    "UNAVAILABLE",
    "Connection",
    "Database",
    "categories",
    "configured_database",
    "connection",
    "products",
]
