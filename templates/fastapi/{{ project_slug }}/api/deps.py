"""The dependencies every route signature uses, named once."""

from typing import Annotated

from fastapi import Depends, Query, Request

from .. import auth, db
from .pagination import PageQuery

AuthUser = auth.User

# A route with a user shares the connection the user was looked up on, so no
# request ever holds two and a busy pool cannot deadlock.
DbDep = Annotated[db.Connection, Depends(db.connection)]
CurrentUser = Annotated[AuthUser, Depends(auth.current_user)]
StaffUser = Annotated[AuthUser, Depends(auth.staff_user)]
PageDep = Annotated[PageQuery, Query()]


async def database(request: Request) -> db.Database:
    database: db.Database = request.app.state.database
    return database


# A read that needs no user opens `async with database.connect() as conn:` for
# its queries alone: the connection goes back to the pool before the response
# is sent, where one from a yielding dependency is held until after it.
DatabaseDep = Annotated[db.Database, Depends(database)]
