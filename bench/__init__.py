"""Load every served variant of the template next to its bare framework, in one run.

`python -m bench --help` lists the options; the root README's Benchmarks
section says what is measured and shows the latest table.
"""

import sys
from pathlib import Path

TEMPLATE_ROOT = Path(__file__).resolve().parent.parent

# The template's test helpers (the answer matrix, PostgreSQL, generated
# projects, auth adapters) are top-level modules of tests/: the harness drives
# projects through the same code the tests do.
sys.path.insert(0, str(TEMPLATE_ROOT / "tests"))
