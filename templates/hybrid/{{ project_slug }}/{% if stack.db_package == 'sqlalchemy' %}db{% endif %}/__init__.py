"""The data layer on SQLAlchemy's async engine, over the tables Django's migrations make.

The API sees only these names, the same ones the Django ORM's data layer gives it.
"""

from . import categories, products
from .configuration import UNAVAILABLE, configured_database
from .database import Connection, Database, connection

__all__ = [
    "UNAVAILABLE",
    "Connection",
    "Database",
    "categories",
    "configured_database",
    "connection",
    "products",
]
