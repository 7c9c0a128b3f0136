"""The data layer on Tortoise ORM: the API sees only these names."""

from . import categories, products, users
from .database import Connection, Database, connection

__all__ = ["Connection", "Database", "categories", "connection", "products", "users"]
