"""`/api/categories/`: anyone reads, staff write."""

from fastapi import HTTPException, Request, status

from ...db import categories
from ...schemas.category import CategoryIn, CategoryOut, CategoryPatch
from ...schemas.fields import PathId
from ...schemas.page import Page
from ..deps import DatabaseDep, DbDep, PageDep, StaffUser
from ..pagination import page_response
from ..responses import RowsResponse
from ..routing import ResourceRouter

router = ResourceRouter(prefix="/categories", tags=["categories"])
NOT_FOUND = "No category has this id."


@router.get("/", response_model=Page[CategoryOut])
async def list_categories(request: Request, database: DatabaseDep, page: PageDep) -> RowsResponse:
    async with database.connect() as db:
        rows, count = await categories.list_categories(db, limit=page.limit, offset=page.offset)
    return page_response(request, rows, count, page)


@router.post("/", response_model=CategoryOut, status_code=status.HTTP_201_CREATED)
async def create_category(data: CategoryIn, db: DbDep, _staff: StaffUser) -> RowsResponse:
    return RowsResponse(await categories.create_category(db, data), status.HTTP_201_CREATED)


@router.get("/{category_id}/", response_model=CategoryOut)
async def get_category(category_id: PathId, database: DatabaseDep) -> RowsResponse:
    async with database.connect() as db:
        category = await categories.get_category(db, category_id)
    if category is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return RowsResponse(category)


@router.put("/{category_id}/", response_model=CategoryOut)
async def replace_category(
    category_id: PathId, data: CategoryIn, db: DbDep, _staff: StaffUser
) -> RowsResponse:
    return await _update(db, category_id, data.model_dump())


@router.patch("/{category_id}/", response_model=CategoryOut)
async def update_category(
    category_id: PathId, data: CategoryPatch, db: DbDep, _staff: StaffUser
) -> RowsResponse:
    return await _update(db, category_id, data.model_dump(exclude_unset=True))


@router.delete("/{category_id}/", status_code=status.HTTP_204_NO_CONTENT)
async def delete_category(category_id: PathId, db: DbDep, _staff: StaffUser) -> None:
    """Deletes the category and every product in it."""
    if not await categories.delete_category(db, category_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)


async def _update(db: DbDep, category_id: int, changes: dict[str, object]) -> RowsResponse:
    category = await categories.update_category(db, category_id, changes)
    if category is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return RowsResponse(category)
