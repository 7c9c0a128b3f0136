"""Authentication by django-allauth's headless API, for app clients, with JWT access tokens.

The rest of the project knows only what `settings` and `urls` expose.
"""
