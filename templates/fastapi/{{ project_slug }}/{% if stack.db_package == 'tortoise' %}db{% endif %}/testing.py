"""What the test-suite needs from the data layer: a migrated database, emptied between tests."""

from .database import Connection
from .migrations import upgrade
from .models import Category, Product

__all__ = ["apply_migrations", "empty_catalogue"]

apply_migrations = upgrade


async def empty_catalogue(db: Connection) -> None:
    """Delete every product and category; users stay, their passwords are slow to hash."""
    await Product.all().using_db(db).delete()
    await Category.all().using_db(db).delete()
