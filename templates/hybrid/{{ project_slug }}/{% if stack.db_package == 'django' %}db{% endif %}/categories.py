"""Category queries on the Django ORM, the reads built once (see `bound`)."""

from functools import lru_cache
from typing import Any

from asgiref.sync import sync_to_async
from django.db import IntegrityError
from django.db.models import QuerySet

from ..catalog.models import Category
from ..core.exceptions import FieldError
from ..schemas.category import CategoryIn
from .bound import Bound, binding
from .database import Connection
from .pages import first, page_and_count, with_total

FIELDS = ("id", "name")
DUPLICATE_NAME = "A category with this name already exists."
# The id parameter's field, so a value is prepared as the column's own would be.
_ID = Category._meta.pk.clone()


@lru_cache(maxsize=16)
def _page(db: Connection) -> QuerySet[Category]:
    """Categories by name, each carrying the count of all."""
    return (
        with_total(Category.objects.using(db)).order_by("name", "id").values_list(*FIELDS, "total")
    )


@lru_cache(maxsize=16)
def _one(db: Connection) -> QuerySet[Category]:
    return Category.objects.using(db).filter(pk=Bound("id", _ID)).values(*FIELDS)


@sync_to_async
def list_categories(db: Connection, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page ordered by name, and the total count, in one round trip."""
    everything = Category.objects.using(db).all()
    return page_and_count(_page(db), everything, FIELDS, limit=limit, offset=offset)


@sync_to_async
def get_category(db: Connection, category_id: int) -> dict[str, Any] | None:
    with binding(id=category_id):
        return first(_one(db))


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
