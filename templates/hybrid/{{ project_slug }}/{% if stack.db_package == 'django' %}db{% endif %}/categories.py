"""Category queries on the Django ORM."""

from typing import Any

from django.db import IntegrityError
from django.db.models import Count, QuerySet, Window

from ..catalog.models import Category
from ..core.exceptions import FieldError
from ..schemas.category import CategoryIn
from .database import Connection

FIELDS = ("id", "name")
DUPLICATE_NAME = "A category with this name already exists."


def _categories(db: Connection) -> QuerySet[Category]:
    return Category.objects.using(db).order_by("name", "id")


async def list_categories(
    db: Connection, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page ordered by name, and the total count, in one round trip."""
    page = _categories(db).annotate(total=Window(Count("*"))).values_list(*FIELDS, "total")
    rows = [row async for row in page[offset : offset + limit]]
    if rows:
        total = rows[0][-1]
    elif offset:
        total = await _categories(db).acount()
    else:
        total = 0
    return [dict(zip(FIELDS, row, strict=False)) for row in rows], total


async def get_category(db: Connection, category_id: int) -> dict[str, Any] | None:
    return await Category.objects.using(db).filter(pk=category_id).values(*FIELDS).afirst()


async def create_category(db: Connection, data: CategoryIn) -> dict[str, Any]:
    try:
        category = await Category.objects.using(db).acreate(name=data.name)
    except IntegrityError:
        raise FieldError("name", DUPLICATE_NAME) from None
    return {"id": category.pk, "name": category.name}


async def update_category(
    db: Connection, category_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if changes:
        try:
            await Category.objects.using(db).filter(pk=category_id).aupdate(**changes)
        except IntegrityError:
            raise FieldError("name", DUPLICATE_NAME) from None
    return await get_category(db, category_id)


async def delete_category(db: Connection, category_id: int) -> bool:
    """Delete a category; its products go with it (the model's on_delete=CASCADE)."""
    deleted, _ = await Category.objects.using(db).filter(pk=category_id).adelete()
    return deleted > 0
