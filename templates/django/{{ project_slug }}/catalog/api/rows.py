"""The product list's rows, from database values straight to what JSON shows.

The list is the busiest endpoint. A serializer per product costs more than the
queries; these are the same representations `ProductSerializer` gives, which
the tests hold to.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from .serializers import ProductSerializer

FIELDS = tuple(ProductSerializer.Meta.fields)


def timestamp(value: datetime) -> str:
    # DRF's DateTimeField: the time in UTC, with "Z" for the offset.
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def product_rows(values: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The representations of rows of `FIELDS`, in that order."""
    return [
        {
            "id": id_,
            "name": name,
            "description": description,
            "price": f"{price:.2f}",
            "category_id": category_id,
            "owner_id": owner_id,
            "created_at": timestamp(created_at),
            "updated_at": timestamp(updated_at),
        }
        for id_, name, description, price, category_id, owner_id, created_at, updated_at in values
    ]
