"""Production: a real key is required, and HTTPS is enforced."""

from django.core.exceptions import ImproperlyConfigured

from ..env import env, env_bool
from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS

SECRET_KEY = env("SECRET_KEY")
# Django marks the keys it makes for development, the development and test
# settings' fallbacks among them: one in production would sign with a published key.
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure-"):
    problem = "is a development key" if SECRET_KEY else "is not set"
    raise ImproperlyConfigured(
        f"SECRET_KEY {problem}: production refuses to start without a real one. Generate one with\n"
        '  python -c "import secrets; print(secrets.token_urlsafe(50))"\n'
        "and set it in the environment (or in .env)."
    )

# The container's health check calls http://127.0.0.1 from inside, whatever
# names the site is served under.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1", "localhost"]

# A proxy in front terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# The health check speaks plain HTTP to the container.
SECURE_REDIRECT_EXEMPT = [r"^api/health$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
