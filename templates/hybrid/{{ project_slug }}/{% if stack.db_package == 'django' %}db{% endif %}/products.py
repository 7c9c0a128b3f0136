"""Product queries on the Django ORM: the list is one round trip for the page and its count.

The read queries are built once per combination of filters and ordering, with
`Bound` parameters in place of values (see `bound`): building a queryset costs
more than compiling and running it.
"""

from functools import lru_cache
from typing import Any

from asgiref.sync import sync_to_async
from django.db import IntegrityError
from django.db.models import CharField, QuerySet
from django.utils import timezone

from ..catalog.models import Product
from ..core.exceptions import FieldError
from ..schemas.product import ProductFilter, ProductIn
from .bound import Bound, binding
from .database import Connection
from .pages import first, page_and_count, with_total

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
# Which filters are set: category, lowest price, highest price, search.
Shape = tuple[bool, bool, bool, bool]

# The parameters' fields, so a value is prepared as the column's own would be.
_ID = Product._meta.pk.clone()
_CATEGORY_ID = Product._meta.get_field("category").target_field.clone()
_PRICE = Product._meta.get_field("price").clone()


def _shape(filters: ProductFilter) -> Shape:
    return (
        filters.category_id is not None,
        filters.min_price is not None,
        filters.max_price is not None,
        bool(filters.search),
    )


@lru_cache(maxsize=128)
def _filtered(db: Connection, shape: Shape) -> QuerySet[Product]:
    """The products the set filters select; `binding` gives the filters' values."""
    category_id, min_price, max_price, search = shape
    query = Product.objects.using(db).all()
    if category_id:
        query = query.filter(category_id=Bound("category_id", _CATEGORY_ID))
    if min_price:
        query = query.filter(price__gte=Bound("min_price", _PRICE))
    if max_price:
        query = query.filter(price__lte=Bound("max_price", _PRICE))
    if search:
        query = query.filter(name__icontains=Bound("search", CharField()))
    return query


@lru_cache(maxsize=128)
def _page(db: Connection, shape: Shape, ordering: str) -> QuerySet[Product]:
    """The page's rows, each carrying the count of all the filters select."""
    return with_total(_filtered(db, shape)).order_by(ordering, "id").values_list(*FIELDS, "total")


@lru_cache(maxsize=16)
def _one(db: Connection) -> QuerySet[Product]:
    return Product.objects.using(db).filter(pk=Bound("id", _ID)).values(*FIELDS)


@sync_to_async
def list_products(
    db: Connection, filters: ProductFilter, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page and the total count, in one round trip."""
    shape = _shape(filters)
    with binding(
        category_id=filters.category_id,
        min_price=filters.min_price,
        max_price=filters.max_price,
        search=filters.search,
    ):
        return page_and_count(
            _page(db, shape, filters.ordering),
            _filtered(db, shape),
            FIELDS,
            limit=limit,
            offset=offset,
        )


@sync_to_async
def get_product(db: Connection, product_id: int) -> dict[str, Any] | None:
    with binding(id=product_id):
        return first(_one(db))


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
