"""The envelope every list endpoint answers with."""

from typing import Generic, TypeVar

from pydantic import BaseModel

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    count: int
    next: str | None
    previous: str | None
    results: list[Item]
