"""What the auth library adds to the settings; `config.settings.base` merges it in."""

from datetime import timedelta

INSTALLED_APPS = ["rest_framework_simplejwt"]
MIDDLEWARE: list[str] = []
AUTHENTICATION_CLASSES = ["rest_framework_simplejwt.authentication.JWTAuthentication"]
# Token requests per client address; the cache is per process, so each
# server worker counts on its own.
THROTTLE_RATES = {"login": "20/minute"}

# The library's own settings, imported as they are.
__all__ = ["AUTHENTICATION_BACKENDS", "SIMPLE_JWT"]

AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=7),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "UPDATE_LAST_LOGIN": True,
}
