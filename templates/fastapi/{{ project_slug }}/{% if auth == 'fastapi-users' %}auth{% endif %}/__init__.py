"""Auth with fastapi-users: JWT bearer tokens over the project's User table.

The API sees only these names; every auth package exports the same ones.
"""

from ..db.models import User
from .backend import LOGIN_URL, current_user, staff_user
from .routes import router
from .staff import create_staff_user

__all__ = ["LOGIN_URL", "User", "create_staff_user", "current_user", "router", "staff_user"]
