"""The product list's rows, from database values straight to what JSON shows.

The list is the busiest endpoint, and a serializer per product costs more
than its queries. These are the representations `ProductSerializer` gives,
which a test holds them to: a column added to its fields is listed as it is,
a computed field needs its format here.
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from .serializers import ProductSerializer

FIELDS = tuple(ProductSerializer.Meta.fields)


def timestamp(value: datetime) -> str:
    # DRF's DateTimeField: the time in the current time zone, "Z" for UTC.
    if settings.USE_TZ:
        value = timezone.localtime(value)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def price(value: Decimal) -> str:
    return f"{value:.2f}"


FORMATS: dict[str, Callable[[Any], Any]] = {
    "price": price,
    "created_at": timestamp,
    "updated_at": timestamp,
}


def product_rows(values: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The representations of rows of `FIELDS`, in that order."""
    formats = [FORMATS.get(name) for name in FIELDS]
    return [
        {
            name: value if format_ is None else format_(value)
            for name, format_, value in zip(FIELDS, formats, row, strict=True)
        }
        for row in values
    ]
