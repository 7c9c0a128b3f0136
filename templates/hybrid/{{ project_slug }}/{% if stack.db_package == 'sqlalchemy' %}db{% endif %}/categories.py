"""Category queries: the FastAPI variant's, but for deleting.

Django's foreign keys have no ON DELETE CASCADE in the database (Django
deletes the dependent rows itself), so deleting a category deletes its
products first, as Django does.
"""

from sqlalchemy import delete

from . import category_queries
from .category_queries import create_category, get_category, list_categories, update_category
from .database import Connection
from .models import Product

__all__ = [
    "create_category",
    "delete_category",
    "get_category",
    "list_categories",
    "update_category",
]


async def delete_category(db: Connection, category_id: int) -> bool:
    await db.execute(delete(Product).where(Product.category_id == category_id))
    return await category_queries.delete_category(db, category_id)
