"""Product queries: the list is one prepared round trip for the page and its count."""

from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, delete, func, insert, select, update
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
LIKE_ESCAPE = "/"


def _conditions(filters: ProductFilter) -> list[ColumnElement[bool]]:
    """The WHERE clause for the filters that are set, with the values left as parameters."""
    conditions: list[ColumnElement[bool]] = []
    if filters.category_id is not None:
        conditions.append(Product.category_id == bindparam("category_id"))
    if filters.min_price is not None:
        conditions.append(Product.price >= bindparam("min_price"))
    if filters.max_price is not None:
        conditions.append(Product.price <= bindparam("max_price"))
    if filters.search:
        conditions.append(Product.name.ilike(bindparam("pattern"), escape=LIKE_ESCAPE))
    return conditions


def _parameters(filters: ProductFilter) -> dict[str, Any]:
    escaped = (filters.search or "").translate(
        {ord(char): LIKE_ESCAPE + char for char in (LIKE_ESCAPE, "%", "_")}
    )
    return {
        "category_id": filters.category_id,
        "min_price": filters.min_price,
        "max_price": filters.max_price,
        "pattern": f"%{escaped}%",
    }


def _shape(filters: ProductFilter) -> ProductFilter:
    """The filters with every set value replaced by the same placeholder."""
    return ProductFilter(
        category_id=0 if filters.category_id is not None else None,
        min_price=Decimal(0) if filters.min_price is not None else None,
        max_price=Decimal(0) if filters.max_price is not None else None,
        search="_" if filters.search else None,
        ordering=filters.ordering,
    )


@lru_cache(maxsize=128)
def _page_statement(shape: ProductFilter) -> Select[Any]:
    """The list query for one combination of filters and ordering, built once.

    `shape` says which filters are set, not their values: those are bound
    parameters. The count is a scalar subquery rather than `count(*) over ()`,
    so the page stops after `limit` rows of the (created_at, id) index instead
    of reading every match, and the round trip is still one.
    """
    conditions = _conditions(shape)
    total = select(func.count()).select_from(Product).where(*conditions).scalar_subquery()
    column = ORDERING[shape.ordering.removeprefix("-")]
    return (
        select(*COLUMNS, total)
        .where(*conditions)
        .order_by(column.desc() if shape.ordering.startswith("-") else column, Product.id)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


async def list_products(
    db: AsyncConnection, filters: ProductFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total count, in one round trip."""
    parameters = {**_parameters(filters), "limit": limit, "offset": offset}
    rows = (await db.execute(_page_statement(_shape(filters)), parameters)).all()
    if rows:
        total = rows[0][-1]
    elif offset:  # past the end: the page brought no count along
        count = select(func.count()).select_from(Product).where(*_conditions(filters))
        total = (await db.execute(count, _parameters(filters))).scalar_one()
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
