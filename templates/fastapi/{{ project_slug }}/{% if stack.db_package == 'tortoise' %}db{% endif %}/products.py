"""Product queries on Tortoise: the list is one round trip for the page and its count."""

from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import RawSQL
from tortoise.queryset import QuerySet

from ..core.exceptions import FieldError
from ..schemas.product import ProductFilter, ProductIn
from .database import Connection
from .models import Product

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


def _filtered(db: Connection, filters: ProductFilter) -> QuerySet[Product]:
    query = Product.all().using_db(db)
    if filters.category_id is not None:
        query = query.filter(category_id=filters.category_id)
    if filters.min_price is not None:
        query = query.filter(price__gte=filters.min_price)
    if filters.max_price is not None:
        query = query.filter(price__lte=filters.max_price)
    if filters.search:
        query = query.filter(name__icontains=filters.search)
    return query


async def list_products(
    db: Connection, filters: ProductFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total count (a window function), in one round trip."""
    rows = (
        await _filtered(db, filters)
        .annotate(total=RawSQL("COUNT(*) OVER ()"))
        .order_by(filters.ordering, "id")
        .offset(offset)
        .limit(limit)
        .values(*FIELDS, "total")
    )
    if rows:
        total = rows[0]["total"]
    elif offset:
        total = await _filtered(db, filters).count()
    else:
        total = 0
    for row in rows:
        del row["total"]
    return rows, total


async def get_product(db: Connection, product_id: int) -> dict[str, Any] | None:
    return await Product.filter(id=product_id).using_db(db).first().values(*FIELDS)


async def create_product(db: Connection, data: ProductIn, *, owner_id: int) -> dict[str, Any]:
    try:
        product = await Product.create(**data.model_dump(), owner_id=owner_id, using_db=db)
    except IntegrityError:
        raise FieldError("category_id", "No category has this id.") from None
    return {field: getattr(product, field) for field in FIELDS}


async def update_product(
    db: Connection, product_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if changes:
        # A queryset update skips auto_now: stamp it here.
        changes = {**changes, "updated_at": datetime.now(UTC)}
        try:
            await Product.filter(id=product_id).using_db(db).update(**changes)
        except IntegrityError:
            raise FieldError("category_id", "No category has this id.") from None
    return await get_product(db, product_id)


async def delete_product(db: Connection, product_id: int) -> bool:
    return await Product.filter(id=product_id).using_db(db).delete() > 0
