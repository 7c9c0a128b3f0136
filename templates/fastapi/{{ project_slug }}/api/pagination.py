"""Limit/offset paging and the page envelope."""

from typing import Annotated, Any

from fastapi import Request
from pydantic import AfterValidator, BaseModel, Field

from .responses import RowsResponse

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Beyond any table this API serves, and within every database's OFFSET.
MAX_OFFSET = 2**31 - 1


class PageQuery(BaseModel):
    """The paging parameters, taken as a query model: FastAPI validates it in one
    step with the route's other parameters, where a dependency per group of
    parameters costs a measurable share of a fast request."""

    limit: Annotated[
        int,
        Field(ge=1, description=f"Page size; larger values are capped at {MAX_LIMIT}."),
        AfterValidator(lambda limit: min(limit, MAX_LIMIT)),
    ] = DEFAULT_LIMIT
    offset: Annotated[int, Field(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0


def page_response(
    request: Request, results: list[dict[str, Any]], count: int, page: PageQuery
) -> RowsResponse:
    """The envelope, with absolute next/previous links that keep the other query parameters."""
    url = request.url
    next_offset = page.offset + page.limit
    previous_offset = max(page.offset - page.limit, 0)
    return RowsResponse(
        {
            "count": count,
            "next": str(url.include_query_params(limit=page.limit, offset=next_offset))
            if next_offset < count
            else None,
            "previous": str(url.include_query_params(limit=page.limit, offset=previous_offset))
            if page.offset > 0
            else None,
            "results": results,
        }
    )
