"""Test data made through the API itself, removed again when the run ends."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import httpx

from .checks import expect, unique

Headers = dict[str, str]
Json = dict[str, Any]


@dataclass
class Catalog:
    """Makes categories (as staff) and products (as anyone) with unique names.

    Each test works inside categories of its own, so it never depends on what
    else the shared server holds. Deleting those categories at the end
    deletes their products too.
    """

    api: httpx.Client
    staff: Headers
    _categories: list[int] = field(default_factory=list)

    def category(self, name: str | None = None) -> Json:
        response = self.api.post(
            "/api/categories/", json={"name": name or unique("category")}, headers=self.staff
        )
        return self.remove_at_end(expect(response, 201))

    def remove_at_end(self, category: Json) -> Json:
        """Delete a category that a test created itself when the run ends."""
        self._categories.append(category["id"])
        return category

    def product(self, owner: Headers, category: Json, **fields: Any) -> Json:
        payload = {"name": unique("product"), "price": "1.00", "category_id": category["id"]}
        response = self.api.post("/api/products/", json=payload | fields, headers=owner)
        return expect(response, 201)

    def products(self, owner: Headers, category: Json, count: int) -> list[Json]:
        """`count` products, created concurrently (so in no particular order)."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(self.product, owner, category) for _ in range(count)]
            return [future.result() for future in futures]

    def categories(self, count: int) -> list[Json]:
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(self.category) for _ in range(count)]
            return [future.result() for future in futures]

    def clean_up(self) -> None:
        """Best effort: what cannot be deleted stays, under its unique name."""

        def delete(category_id: int) -> None:
            with suppress(httpx.TransportError):
                self.api.delete(f"/api/categories/{category_id}/", headers=self.staff)

        with ThreadPoolExecutor(max_workers=4) as pool:
            pool.map(delete, self._categories)
