"""Product queries: the list is one round trip for the page and its count."""

from typing import Any

from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ..core.exceptions import FieldError
from ..schemas.product import ProductFilter, ProductIn
from .models import Product

COLUMNS = (
    Product.id,
    Product.name,
    Product.description,
    Product.price,
    Product.category_id,
    Product.owner_id,
    Product.created_at,
    Product.updated_at,
)
KEYS = tuple(column.key for column in COLUMNS)
ORDERING = {"name": Product.name, "price": Product.price, "created_at": Product.created_at}


def _filtered(query: Select[Any], filters: ProductFilter) -> Select[Any]:
    if filters.category_id is not None:
        query = query.where(Product.category_id == filters.category_id)
    if filters.min_price is not None:
        query = query.where(Product.price >= filters.min_price)
    if filters.max_price is not None:
        query = query.where(Product.price <= filters.max_price)
    if filters.search:
        query = query.where(Product.name.icontains(filters.search, autoescape=True))
    return query


def _ordered(query: Select[Any], ordering: str) -> Select[Any]:
    column = ORDERING[ordering.removeprefix("-")]
    return query.order_by(column.desc() if ordering.startswith("-") else column, Product.id)


async def list_products(
    db: AsyncConnection, filters: ProductFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total count (a window function), in one round trip."""
    query = _filtered(select(*COLUMNS, func.count().over()), filters)
    rows = (await db.execute(_ordered(query, filters.ordering).limit(limit).offset(offset))).all()
    if rows:
        total = rows[0][-1]
    elif offset:
        count = _filtered(select(func.count()).select_from(Product), filters)
        total = (await db.execute(count)).scalar_one()
    else:
        total = 0
    return [dict(zip(KEYS, row, strict=False)) for row in rows], total


async def get_product(db: AsyncConnection, product_id: int) -> dict[str, Any] | None:
    row = (await db.execute(select(*COLUMNS).where(Product.id == product_id))).first()
    return row._asdict() if row else None


async def create_product(db: AsyncConnection, data: ProductIn, *, owner_id: int) -> dict[str, Any]:
    query = insert(Product).values(**data.model_dump(), owner_id=owner_id).returning(*COLUMNS)
    try:
        return (await db.execute(query)).one()._asdict()
    except IntegrityError:
        raise FieldError("category_id", "No category has this id.") from None


async def update_product(
    db: AsyncConnection, product_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if not changes:
        return await get_product(db, product_id)
    query = update(Product).where(Product.id == product_id).values(**changes)
    try:
        row = (await db.execute(query.returning(*COLUMNS))).first()
    except IntegrityError:
        raise FieldError("category_id", "No category has this id.") from None
    return row._asdict() if row else None


async def delete_product(db: AsyncConnection, product_id: int) -> bool:
    result = await db.execute(delete(Product).where(Product.id == product_id))
    return result.rowcount > 0
