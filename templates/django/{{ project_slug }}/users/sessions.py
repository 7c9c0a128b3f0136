"""Django's database sessions, taking a key Django could not have made as no session.

Django checks only a key's length before looking it up, and PostgreSQL
answers a key holding a NUL (which a cookie's quoted "\\000" becomes) with
an error, not a miss.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS

KEY_CHARACTERS = frozenset(VALID_KEY_CHARS)
# Django's own lower bound for a key.
SHORTEST_KEY = 8


def is_session_key(key: object) -> bool:
    """Whether `key` could be a key Django made: long enough, of its alphabet alone."""
    return isinstance(key, str) and len(key) >= SHORTEST_KEY and KEY_CHARACTERS.issuperset(key)


class SessionStore(db.SessionStore):
    def _validate_session_key(self, key: str | None) -> bool:
        # An unfit key becomes None, which Django never looks up.
        return is_session_key(key)
