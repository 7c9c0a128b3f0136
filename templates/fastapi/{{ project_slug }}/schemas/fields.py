"""Field types every schema shares, bounded so that no input reaches the database unfit."""

from typing import Annotated

from fastapi import Path
from pydantic import Field, StringConstraints

# The database's integer keys are 32-bit: larger ids cannot exist.
MAX_ID = 2**31 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]

# PostgreSQL text cannot hold a NUL character.
NO_NUL = r"^[^\x00]*$"


def text(*, min_length: int = 0, max_length: int | None = None) -> StringConstraints:
    return StringConstraints(
        strip_whitespace=True, min_length=min_length, max_length=max_length, pattern=NO_NUL
    )
