"""Product queries on the Django ORM: the list is one round trip for the page and its count."""

from typing import Any

from django.db import IntegrityError
from django.db.models import Count, QuerySet, Window
from django.utils import timezone

from ..catalog.models import Product
from ..core.exceptions import FieldError
from ..schemas.product import ProductFilter, ProductIn
from .database import Connection

FIELDS = (
    "id",
    "name",
    "description",
    "price",
    "category_id",
    "owner_id",
    "created_at",
    "updated_at",
)
NO_SUCH_CATEGORY = "No category has this id."


def _filtered(db: Connection, filters: ProductFilter) -> QuerySet[Product]:
    query = Product.objects.using(db).all()
    if filters.category_id is not None:
        query = query.filter(category_id=filters.category_id)
    if filters.min_price is not None:
        query = query.filter(price__gte=filters.min_price)
    if filters.max_price is not None:
        query = query.filter(price__lte=filters.max_price)
    if filters.search:
        query = query.filter(name__icontains=filters.search)
    return query


def _ordered(query: QuerySet[Product], ordering: str) -> QuerySet[Product]:
    return query.order_by(ordering, "id")


async def list_products(
    db: Connection, filters: ProductFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total count (a window function), in one round trip."""
    query = _filtered(db, filters)
    page = _ordered(query, filters.ordering).annotate(total=Window(Count("*")))
    rows = [row async for row in page.values_list(*FIELDS, "total")[offset : offset + limit]]
    if rows:
        total = rows[0][-1]
    elif offset:
        total = await query.acount()
    else:
        total = 0
    return [dict(zip(FIELDS, row, strict=False)) for row in rows], total


async def get_product(db: Connection, product_id: int) -> dict[str, Any] | None:
    return await Product.objects.using(db).filter(pk=product_id).values(*FIELDS).afirst()


async def create_product(db: Connection, data: ProductIn, *, owner_id: int) -> dict[str, Any]:
    try:
        product = await Product.objects.using(db).acreate(**data.model_dump(), owner_id=owner_id)
    except IntegrityError:
        raise FieldError("category_id", NO_SUCH_CATEGORY) from None
    row = {field: getattr(product, field) for field in FIELDS}
    # The column keeps no sign on zero, so neither does the answer: a later
    # read shows 0.00 for a -0 (adding 0 drops the sign, nothing else).
    row["price"] += 0
    return row


async def update_product(
    db: Connection, product_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if changes:
        # An UPDATE skips save(), so auto_now is set here.
        query = Product.objects.using(db).filter(pk=product_id)
        try:
            await query.aupdate(**changes, updated_at=timezone.now())
        except IntegrityError:
            raise FieldError("category_id", NO_SUCH_CATEGORY) from None
    return await get_product(db, product_id)


async def delete_product(db: Connection, product_id: int) -> bool:
    deleted, _ = await Product.objects.using(db).filter(pk=product_id).adelete()
    return deleted > 0
