"""The dependencies every route signature uses, named once."""

from typing import Annotated

from fastapi import Depends

from .. import auth, db
from .pagination import PageParams, page_params

AuthUser = auth.User

DbDep = Annotated[db.Connection, Depends(db.connection)]
CurrentUser = Annotated[AuthUser, Depends(auth.current_user)]
StaffUser = Annotated[AuthUser, Depends(auth.staff_user)]
PageDep = Annotated[PageParams, Depends(page_params)]
