"""What the database's columns can hold, checked before a value reaches a query."""

from ..core.exceptions import FieldError

# Ids and OFFSET are 64-bit integers in the database; a larger one would be
# an error there, not an empty answer.
MAX_ID = 2**63 - 1
MAX_OFFSET = MAX_ID


def refuse_nul_characters(values: dict[str, object]) -> None:
    """PostgreSQL text cannot hold NUL; refuse it on every database alike."""
    for field, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            raise FieldError(field, "Null characters are not allowed.")
