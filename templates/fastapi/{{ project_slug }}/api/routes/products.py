"""`/api/products/`: anyone reads, logged-in users create, owners and staff change."""

from typing import Annotated, Any

from fastapi import HTTPException, Query, Request, status
from pydantic import Field

from ...db import products
from ...schemas.fields import NO_NUL, Id, PathId
from ...schemas.page import Page
from ...schemas.product import (
    Ordering,
    Price,
    ProductFilter,
    ProductIn,
    ProductOut,
    ProductPatch,
)
from ..deps import CurrentUser, DatabaseDep, DbDep
from ..pagination import PageQuery, page_response
from ..permissions import ensure_owner_or_staff
from ..responses import RowsResponse
from ..routing import ResourceRouter

router = ResourceRouter(prefix="/products", tags=["products"])
NOT_FOUND = "No product has this id."


class ProductQuery(PageQuery):
    """The list's paging, filters and ordering, validated together."""

    category_id: Id | None = None
    # A price's own rules: a bound such as 1E-100000, which no driver can send,
    # is refused naming the parameter, and 0E-100000 means 0.00.
    min_price: Price | None = None
    max_price: Price | None = None
    search: Annotated[
        str | None,
        Field(max_length=200, pattern=NO_NUL, description="Case-insensitive part of the name."),
    ] = None
    ordering: Annotated[
        Ordering, Field(description="Sort key, `-` for descending; ties go by id.")
    ] = "-created_at"

    def filters(self) -> ProductFilter:
        return ProductFilter(
            self.category_id, self.min_price, self.max_price, self.search, self.ordering
        )


@router.get("/", response_model=Page[ProductOut])
async def list_products(
    request: Request, database: DatabaseDep, query: Annotated[ProductQuery, Query()]
) -> RowsResponse:
    async with database.connect() as db:
        rows, count = await products.list_products(
            db, query.filters(), limit=query.limit, offset=query.offset
        )
    return page_response(request, rows, count, query)


@router.post("/", response_model=ProductOut, status_code=status.HTTP_201_CREATED)
async def create_product(data: ProductIn, db: DbDep, user: CurrentUser) -> RowsResponse:
    product = await products.create_product(db, data, owner_id=user.id)
    return RowsResponse(product, status.HTTP_201_CREATED)


@router.get("/{product_id}/", response_model=ProductOut)
async def get_product(product_id: PathId, database: DatabaseDep) -> RowsResponse:
    async with database.connect() as db:
        return RowsResponse(await _existing(db, product_id))


@router.put("/{product_id}/", response_model=ProductOut)
async def replace_product(
    product_id: PathId, data: ProductIn, db: DbDep, user: CurrentUser
) -> RowsResponse:
    return await _update(db, product_id, user, data.model_dump())


@router.patch("/{product_id}/", response_model=ProductOut)
async def update_product(
    product_id: PathId, data: ProductPatch, db: DbDep, user: CurrentUser
) -> RowsResponse:
    return await _update(db, product_id, user, data.model_dump(exclude_unset=True))


@router.delete("/{product_id}/", status_code=status.HTTP_204_NO_CONTENT)
async def delete_product(product_id: PathId, db: DbDep, user: CurrentUser) -> None:
    ensure_owner_or_staff(await _existing(db, product_id), user)
    await products.delete_product(db, product_id)


async def _existing(db: DbDep, product_id: int) -> dict[str, Any]:
    product = await products.get_product(db, product_id)
    if product is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return product


async def _update(
    db: DbDep, product_id: int, user: CurrentUser, changes: dict[str, Any]
) -> RowsResponse:
    ensure_owner_or_staff(await _existing(db, product_id), user)
    product = await products.update_product(db, product_id, changes)
    if product is None:  # deleted in between
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return RowsResponse(product)
