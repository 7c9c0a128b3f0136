"""What the auth library adds to the settings; `config.settings.base` merges it in."""

from corsheaders.defaults import default_headers

INSTALLED_APPS = ["allauth", "allauth.account", "allauth.headless"]
MIDDLEWARE = ["allauth.account.middleware.AccountMiddleware"]
AUTHENTICATION_CLASSES = [
    "allauth.headless.contrib.rest_framework.authentication.JWTTokenAuthentication"
]
# allauth limits its own views (ACCOUNT_RATE_LIMITS); the API adds none.
THROTTLE_RATES: dict[str, str] = {}

# The library's own settings, imported as they are.
__all__ = [
    "ACCOUNT_EMAIL_VERIFICATION",
    "ACCOUNT_LOGIN_METHODS",
    "ACCOUNT_RATE_LIMITS",
    "ACCOUNT_SIGNUP_FIELDS",
    "ACCOUNT_USER_MODEL_USERNAME_FIELD",
    "AUTHENTICATION_BACKENDS",
    "CORS_ALLOW_HEADERS",
    "HEADLESS_CLIENTS",
    "HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN",
    "HEADLESS_JWT_ALGORITHM",
    "HEADLESS_ONLY",
    "HEADLESS_TOKEN_STRATEGY",
]

# allauth's backend alone: it logs in by email (the admin's too) and, being
# Django's ModelBackend underneath, answers permissions; a second backend would
# check a wrong password twice.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Nothing sends mail yet; turn this to "mandatory" once email is set up.
ACCOUNT_EMAIL_VERIFICATION = "none"
# Past 30 login attempts a minute from one address, login answers 429; past
# five wrong passwords for one account in five minutes, it refuses (400,
# code too_many_login_attempts) until the window has passed.
ACCOUNT_RATE_LIMITS = {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key"}

HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("app",)
# A class path, not a secret.
HEADLESS_TOKEN_STRATEGY = "allauth.headless.tokens.strategies.jwt.JWTTokenStrategy"  # noqa: S105
# Signed with SECRET_KEY, so there is no key pair to manage.
HEADLESS_JWT_ALGORITHM = "HS256"
HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN = 15 * 60

# App clients send the session token while they log in.
CORS_ALLOW_HEADERS = (*default_headers, "x-session-token")
