"""Query parameters bound when a query is compiled, so a query can be built once and reused.

Building a queryset (filters, annotations, the count's subquery) costs more
than compiling and running it. A queryset built with `Bound` parameters in
place of values is built once per combination of filters, and each use
binds its values for the compilation alone.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Expression, Field
from django.db.models.sql.compiler import SQLCompiler

_values: ContextVar[Mapping[str, Any]] = ContextVar("bound_values")


class Bound(Expression):
    """A parameter named `name`, whose value `binding` supplies at compile time."""

    def __init__(self, name: str, output_field: Field) -> None:
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        value = _values.get()[self.name]
        # As the field would prepare a literal value: a Decimal quantized, an id an int.
        return "%s", [self.output_field.get_db_prep_value(value, connection, prepared=False)]


@contextmanager
def binding(**values: Any) -> Iterator[None]:
    """Give the `Bound` parameters of the queries compiled in this block their values."""
    token = _values.set(values)
    try:
        yield
    finally:
        _values.reset(token)
