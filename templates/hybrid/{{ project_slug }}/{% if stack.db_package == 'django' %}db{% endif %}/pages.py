"""A page of rows with the count of all, as the list queries of both tables read it."""

from typing import Any

from django.db.models import Func, IntegerField, QuerySet, Subquery


def with_total(query: QuerySet[Any]) -> QuerySet[Any]:
    """`query` with a `total` column: the count of all its rows.

    A scalar subquery rather than a window function, so a page stops after
    `limit` rows of the ordering's index instead of reading every match.
    """
    count = query.order_by().annotate(n=Func("pk", function="COUNT")).values("n")
    return query.annotate(total=Subquery(count, output_field=IntegerField()))


def page_and_count(
    rows: QuerySet[Any],
    everything: QuerySet[Any],
    fields: tuple[str, ...],
    *,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of `rows` (value tuples of `fields`, then the total) and the count of all.

    Only a page past the end, with no row to carry the count, asks `everything`.
    """
    page = list(rows[offset : offset + limit])
    if page:
        total = page[0][-1]
    elif offset:
        total = everything.count()
    else:
        total = 0
    return [dict(zip(fields, row, strict=False)) for row in page], total


def first(query: QuerySet[Any]) -> Any:
    """The first row of `query`, or None; a slice, so a cached queryset never holds rows."""
    return next(iter(query[:1]), None)
