"""Tortoise migrations, applied in order by `make migrate`."""
