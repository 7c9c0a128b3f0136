"""What the product endpoints accept and return."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, PlainSerializer

from .fields import Id, text

MAX_PRICE = Decimal("99999999.99")
CENT = Decimal("0.01")


def in_cents(price: Decimal) -> Decimal:
    """The price as the column stores it: exactly two places, and zero without a sign.

    Checked first for at most two places (counted without trailing zeros), so
    this never rounds. It matters for the spellings that pass that check: the
    database drivers cannot send `0E-100000`, and `-0` would otherwise come
    back as "-0.00" from the write but "0.00" from a later read.
    """
    exact = price.quantize(CENT)
    return exact.copy_abs() if exact.is_zero() else exact


# Input takes a JSON number or string; more than two places is refused, never rounded.
PRICE_RULES = Field(ge=0, le=MAX_PRICE, max_digits=10, decimal_places=2, examples=["12.50"])
Price = Annotated[Decimal, PRICE_RULES, AfterValidator(in_cents)]
# Sent back as a string with exactly two places.
PriceOut = Annotated[Decimal, PlainSerializer(lambda price: f"{price:.2f}", return_type=str)]
ProductName = Annotated[str, text(min_length=1, max_length=200)]
Description = Annotated[str, text()]
Ordering = Literal["name", "-name", "price", "-price", "created_at", "-created_at"]


class ProductIn(BaseModel):
    name: ProductName
    description: Description = ""
    price: Price
    category_id: Id


class ProductPatch(BaseModel):
    # Absent means unchanged; an explicit null is refused like any other wrong type.
    name: ProductName = None  # type: ignore[assignment]
    description: Description = None  # type: ignore[assignment]
    price: Price = None  # type: ignore[assignment]
    category_id: Id = None  # type: ignore[assignment]


class ProductOut(BaseModel):
    id: int
    name: str
    description: str
    price: PriceOut
    category_id: int
    owner_id: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ProductFilter:
    """The list's filters and ordering; ties are always broken by id."""

    category_id: int | None = None
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    search: str | None = None
    ordering: Ordering = "-created_at"
