"""The data layer on SQLAlchemy's async engine: the API sees only these names."""

from . import categories, products, users
from .database import Connection, Database, connection, session

__all__ = ["Connection", "Database", "categories", "connection", "products", "session", "users"]
