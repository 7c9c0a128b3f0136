"""Signed JWTs: short-lived access tokens and longer-lived refresh tokens."""

from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt

from ..core.config import Settings

ALGORITHM = "HS256"
TokenKind = Literal["access", "refresh"]


def issue_token(user_id: int, kind: TokenKind, settings: Settings) -> str:
    lifetime = (
        timedelta(minutes=settings.access_token_minutes)
        if kind == "access"
        else timedelta(days=settings.refresh_token_days)
    )
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "type": kind, "iat": now, "exp": now + lifetime}
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def read_token(token: str, kind: TokenKind, settings: Settings) -> int | None:
    """The user id a valid, unexpired token of this kind names, else None."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            options={"require": ["sub", "exp", "type"]},
        )
        if claims["type"] != kind:
            return None
        return int(claims["sub"])
    except (jwt.InvalidTokenError, ValueError):
        return None
