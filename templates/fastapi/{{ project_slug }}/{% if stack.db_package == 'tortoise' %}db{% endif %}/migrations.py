"""Tortoise's built-in migrations from Python: apply them, and check they match the models.

`python -m <package>.db.migrations` is the drift check `make lint` runs: it
fails when the models have changed without a migration.
"""

import asyncio
import sys
from typing import Any

from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate
from tortoise.migrations.autodetector import MigrationAutodetector

from .config import tortoise_config


async def _apply(config: dict[str, Any]) -> None:
    async with TortoiseContext() as context:
        await context.init(config=config)
        await migrate(config=config)


def upgrade(database_url: str) -> None:
    asyncio.run(_apply(tortoise_config(database_url, pool_size=1)))


async def _pending_changes() -> list[str]:
    config = tortoise_config("sqlite:///:memory:", pool_size=1)
    async with TortoiseContext() as context:
        await context.init(config=config)
        writers = await MigrationAutodetector(context.apps, config["apps"]).changes()
    return [f"{writer.app_label}.{writer.name}" for writer in writers]


def check_drift() -> int:
    pending = asyncio.run(_pending_changes())
    if pending:
        print(
            f"The models and the migrations differ: {', '.join(pending)} is missing.",
            file=sys.stderr,
        )
        print(
            f"Write a migration: uv run python -m tortoise -c {__package__}.config.TORTOISE_ORM"
            " makemigrations",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(check_drift())
