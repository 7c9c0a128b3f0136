"""What the category endpoints accept and return."""

from typing import Annotated

from pydantic import BaseModel

from .fields import text

CategoryName = Annotated[str, text(min_length=1, max_length=100)]


class CategoryIn(BaseModel):
    name: CategoryName


class CategoryPatch(BaseModel):
    name: CategoryName = None  # type: ignore[assignment]  # absent means unchanged, null is refused


class CategoryOut(BaseModel):
    id: int
    name: str
