"""Argon2 password hashing, run in a worker thread so it never blocks the event loop."""

from functools import cache

from anyio import to_thread
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

_hasher = PasswordHash((Argon2Hasher(),))


@cache
def _unknown_user_hash() -> str:
    # Checked against when the email is unknown, so both answers take as long.
    return _hasher.hash("not-a-real-password")


async def hash_password(password: str) -> str:
    return await to_thread.run_sync(_hasher.hash, password)


async def verify_password(password: str, hashed_password: str | None) -> bool:
    """Whether the password matches; False, after as long, when there is no hash."""
    stored = hashed_password or await to_thread.run_sync(_unknown_user_hash)
    matches = await to_thread.run_sync(_hasher.verify, password, stored)
    return matches and hashed_password is not None
