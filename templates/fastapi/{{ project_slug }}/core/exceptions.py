"""Errors the data layer raises for rules only the database can check."""


class FieldError(Exception):
    """A value that breaks a rule such as uniqueness or a foreign key; the API answers 422."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
