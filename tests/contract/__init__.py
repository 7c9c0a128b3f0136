"""The HTTP contract every generated project keeps, checked from outside.

Black-box tests written against the shared contract page only: they talk to
a served project over HTTP and know nothing of its framework, ORM or auth
library beyond the adapter that logs a user in. See conftest.py for the
environment variables that point them at a server.
"""
