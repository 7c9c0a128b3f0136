"""Fill a served variant with the catalogue every load reads, through its HTTP API.

The API is the same for every variant, so one seeder serves them all: staff
creates the categories, a user the products, over keep-alive connections
from a few threads.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

DESCRIPTION = (
    "Loose-leaf tea from a single estate, picked in spring and rolled by hand; "
    "steep at 80 degrees for two minutes."
)


def product_payload(number: int, category_id: int) -> dict[str, str | int]:
    return {
        "name": f"Product {number:05d}",
        "description": DESCRIPTION,
        "price": f"{(number * 7919) % 100000 / 100:.2f}",
        "category_id": category_id,
    }


def _created(response: httpx.Response) -> int:
    if response.status_code != 201:
        raise RuntimeError(
            f"seeding: {response.request.method} {response.request.url} answered "
            f"{response.status_code}: {response.text[:500]}"
        )
    return response.json()["id"]


def seed(
    base_url: str,
    staff: dict[str, str],
    user: dict[str, str],
    *,
    products: int = 1000,
    categories: int = 10,
    threads: int = 8,
) -> tuple[list[int], list[int]]:
    """Create the catalogue; return the category ids and the product ids, ascending."""
    limits = httpx.Limits(max_connections=threads, max_keepalive_connections=threads)
    with httpx.Client(base_url=base_url, timeout=30, limits=limits) as client:
        category_ids = [
            _created(client.post("/api/categories/", json={"name": f"Category {n}"}, headers=staff))
            for n in range(categories)
        ]

        def create(number: int) -> int:
            payload = product_payload(number, category_ids[number % categories])
            return _created(client.post("/api/products/", json=payload, headers=user))

        with ThreadPoolExecutor(threads) as pool:
            product_ids = list(pool.map(create, range(products)))
    return category_ids, sorted(product_ids)
