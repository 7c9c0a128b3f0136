"""Category queries on Tortoise, run on the request's connection."""

from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import RawSQL

from ..core.exceptions import FieldError
from ..schemas.category import CategoryIn
from .database import Connection
from .models import Category

FIELDS = ("id", "name")


async def list_categories(
    db: Connection, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page ordered by name, and the total count, in one round trip."""
    rows = (
        await Category.all()
        .using_db(db)
        .annotate(total=RawSQL("COUNT(*) OVER ()"))
        .order_by("name", "id")
        .offset(offset)
        .limit(limit)
        .values(*FIELDS, "total")
    )
    if rows:
        total = rows[0]["total"]
    elif offset:
        total = await Category.all().using_db(db).count()
    else:
        total = 0
    return [{"id": row["id"], "name": row["name"]} for row in rows], total


async def get_category(db: Connection, category_id: int) -> dict[str, Any] | None:
    return await Category.filter(id=category_id).using_db(db).first().values(*FIELDS)


async def create_category(db: Connection, data: CategoryIn) -> dict[str, Any]:
    try:
        category = await Category.create(name=data.name, using_db=db)
    except IntegrityError:
        raise FieldError("name", "A category with this name already exists.") from None
    return {"id": category.id, "name": category.name}


async def update_category(
    db: Connection, category_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if changes:
        try:
            await Category.filter(id=category_id).using_db(db).update(**changes)
        except IntegrityError:
            raise FieldError("name", "A category with this name already exists.") from None
    return await get_category(db, category_id)


async def delete_category(db: Connection, category_id: int) -> bool:
    """Delete a category; its products go with it (ON DELETE CASCADE)."""
    return await Category.filter(id=category_id).using_db(db).delete() > 0
