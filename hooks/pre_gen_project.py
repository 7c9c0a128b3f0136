"""cookiecutter runs this before writing anything: copier checks the answers
with copier.yml's validators (see hooks/cookiecutter_bridge.py)."""

import json
import sys
from pathlib import Path

# cookiecutter renders this file with Jinja before running it.
TEMPLATE = Path(r"""{{ template_directory() }}""")
ANSWERS = json.loads(r"""{{ cookiecutter | tojson }}""")

sys.path.insert(0, str(TEMPLATE / "hooks"))
from cookiecutter_bridge import validate  # noqa: E402

sys.exit(validate(TEMPLATE, ANSWERS))
