"""How passwords are hashed."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's recommended parameters: 19 MiB, 2 passes, 1 lane.

    Django's defaults (100 MiB, 8 lanes) cost every server thread that checks a
    password 100 MiB and several cores at once, so a burst of logins stalls the
    server and swells its memory. The algorithm name stays "argon2": hashes made
    with other parameters still verify and are rehashed at the next login.
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
