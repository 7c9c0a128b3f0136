"""The test suite: fast hashing and nothing that leaves the process."""

from ..env import env
from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS

SECRET_KEY = env("SECRET_KEY", "django-insecure-test-only-key-of-at-least-fifty-characters")
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]

# Argon2 is deliberately slow; the tests that check hashing switch it back on.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run without a collectstatic; autorefresh looks files up per request.
WHITENOISE_AUTOREFRESH = True
