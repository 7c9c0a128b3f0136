"""Who may change what, beyond "logged in" and "staff" (those are dependencies)."""

from typing import Any

from fastapi import HTTPException, status

from .deps import AuthUser


def ensure_owner_or_staff(product: dict[str, Any], user: AuthUser) -> None:
    if not user.is_staff and product["owner_id"] != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only the owner or staff may change this.")
