"""Authentication by Simple JWT: register, then trade email and password for bearer tokens.

The rest of the project knows only what `settings` and `urls` expose.
"""
