"""Auth with PyJWT and pwdlib: an OAuth2 password flow written in the project.

The API sees only these names; every auth package exports the same ones.
"""

from ..schemas.user import UserRecord as User
from .dependencies import LOGIN_URL, current_user, staff_user
from .routes import router
from .staff import create_staff_user

__all__ = ["LOGIN_URL", "User", "create_staff_user", "current_user", "router", "staff_user"]
