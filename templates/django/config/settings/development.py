"""Local development: debug pages and a fixed key when none is set."""

from ..env import env
from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "django-insecure-development-only-never-use-this-key-in-production")
# Mail the auth library sends (password resets ...) is printed, not sent.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
