"""Category queries: one statement each, run on a pooled connection."""

from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from ..core.exceptions import FieldError
from ..schemas.category import CategoryIn
from .models import Category

COLUMNS = (Category.id, Category.name)


# Built once; the count rides along as a scalar subquery, so one round trip.
PAGE = (
    select(*COLUMNS, select(func.count()).select_from(Category).scalar_subquery())
    .order_by(Category.name, Category.id)
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)


async def list_categories(
    db: AsyncConnection, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page ordered by name, and the total count."""
    rows = (await db.execute(PAGE, {"limit": limit, "offset": offset})).all()
    if rows:
        total = rows[0][-1]
    elif offset:  # past the end: the page brought no count along
        total = (await db.execute(select(func.count()).select_from(Category))).scalar_one()
    else:
        total = 0
    return [{"id": row.id, "name": row.name} for row in rows], total


async def get_category(db: AsyncConnection, category_id: int) -> dict[str, Any] | None:
    row = (await db.execute(select(*COLUMNS).where(Category.id == category_id))).first()
    return row._asdict() if row else None


async def create_category(db: AsyncConnection, data: CategoryIn) -> dict[str, Any]:
    try:
        result = await db.execute(insert(Category).values(name=data.name).returning(*COLUMNS))
    except IntegrityError:
        raise FieldError("name", "A category with this name already exists.") from None
    return result.one()._asdict()


async def update_category(
    db: AsyncConnection, category_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    if not changes:
        return await get_category(db, category_id)
    query = update(Category).where(Category.id == category_id).values(**changes)
    try:
        row = (await db.execute(query.returning(*COLUMNS))).first()
    except IntegrityError:
        raise FieldError("name", "A category with this name already exists.") from None
    return row._asdict() if row else None


async def delete_category(db: AsyncConnection, category_id: int) -> bool:
    """Delete a category; its products go with it (ON DELETE CASCADE)."""
    result = await db.execute(delete(Category).where(Category.id == category_id))
    return result.rowcount > 0
