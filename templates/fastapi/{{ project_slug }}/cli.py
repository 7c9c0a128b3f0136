"""Management commands: `python -m <package>.cli create-superuser --email ...`.

The password comes from SUPERUSER_PASSWORD, so it stays out of the process list
and the shell history.
"""

import argparse
import asyncio
import os
import sys

from pydantic import ValidationError

from . import auth
from .core.config import DatabaseSettings
from .core.exceptions import FieldError
from .db import Database
from .schemas.user import Credentials


async def create_superuser(email: str, password: str) -> None:
    database = Database(DatabaseSettings().database_url, pool_size=1)
    await database.open()
    try:
        async with database.connect() as db:
            await auth.create_staff_user(db, email, password)
    finally:
        await database.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    superuser = commands.add_parser("create-superuser", help="create a staff user")
    superuser.add_argument("--email", required=True)
    args = parser.parse_args(argv)

    # The rules registration applies, checked before the database is touched.
    try:
        credentials = Credentials(
            email=args.email, password=os.environ.get("SUPERUSER_PASSWORD", "")
        )
    except ValidationError as error:
        problem = error.errors()[0]
        name = {"email": "--email", "password": "SUPERUSER_PASSWORD"}[problem["loc"][0]]
        parser.error(f"{name}: {problem['msg']}")
    try:
        asyncio.run(create_superuser(credentials.email, credentials.password))
    except FieldError as error:
        print(f"{error.field}: {error.message}", file=sys.stderr)
        return 1
    print(f"Staff user {credentials.email} created.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
