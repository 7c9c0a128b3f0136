"""The cookiecutter front door: `cookiecutter <this template>` asks copier's
questions, and copier writes the project.

- cookiecutter.json is generated from copier.yml by this module
  (`uv run python hooks/cookiecutter_bridge.py`; a test fails when it is
  stale), so the questions live in copier.yml only.
- hooks/pre_gen_project.py hands the answers to copier, which checks them
  with copier.yml's own validators before anything is written.
- hooks/post_gen_project.py has copier write the project into the directory
  cookiecutter created: the tree `copier copy` writes for the same answers,
  `.copier-answers.yml` included, so the project moves on with `copier update`.

cookiecutter imports this module as a Jinja extension first, so a missing
copier is reported before a single question is asked.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2.ext import Extension

TEMPLATE_DIR = Path(__file__).resolve().parent.parent
COOKIECUTTER_JSON = TEMPLATE_DIR / "cookiecutter.json"
ANSWERS_FILE = ".copier-answers.yml"
# A choice whose copier default depends on earlier answers (the auth library
# on the framework) starts with this stand-in, so that `--no-input` leaves
# the default to copier, as `copier copy --defaults` does.
DEFAULT = "default"
EXTENSIONS = [
    f"hooks.{Path(__file__).stem}.CopierBridge",
    # The filters copier's own Jinja has (regex_replace, in project_slug's default).
    "jinja2_ansible_filters.AnsibleCoreFiltersExtension",
]
MISSING_COPIER = (
    "this template is a Copier template; cookiecutter needs copier to generate it:"
    " pip install cookiecutter copier copier-template-extensions"
)
# gh:org/repo, https://..., git+ssh://..., git@host:... (not C:\ on Windows).
REMOTE = re.compile(r"^([a-z][\w+.-]+:|[\w.-]+@)", re.IGNORECASE)


# --- cookiecutter.json, from copier.yml -------------------------------------


def copier_questions(template_dir: Path = TEMPLATE_DIR) -> dict[str, dict[str, Any]]:
    config = yaml.safe_load((template_dir / "copier.yml").read_text())
    return {name: spec for name, spec in config.items() if not name.startswith("_")}


def _is_templated(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


def _names_used(expression: str, questions: dict[str, Any]) -> list[str]:
    tokens = jinja2.Environment().lex(expression)
    return [value for _, kind, value in tokens if kind == "name" and value in questions]


def for_cookiecutter(expression: str, questions: dict[str, Any]) -> str:
    """A copier Jinja expression with answers read as `cookiecutter.<name>`."""
    rewritten, previous = [], ""
    for _, kind, value in jinja2.Environment().lex(expression):
        # Filters (`| lower`) and attributes (`x.name`) keep their names.
        if kind == "name" and value in questions and previous not in ("|", "."):
            value = f"cookiecutter.{value}"
        rewritten.append(value)
        if kind != "whitespace":
            previous = value
    return "".join(rewritten)


def choice_labels(spec: dict[str, Any]) -> dict[str, str]:
    """value -> label of a question's choices."""
    choices = spec["choices"]
    if isinstance(choices, list):
        return {str(value): str(value) for value in choices}
    return {
        str(value["value"] if isinstance(value, dict) else value): label
        for label, value in choices.items()
    }


def _default_label(name: str, spec: dict[str, Any], questions: dict[str, Any]) -> str:
    """What DEFAULT stands for, e.g. "the framework's default (django: simplejwt, ...)"."""
    depends_on = _names_used(spec["default"], questions)
    if len(depends_on) != 1 or "choices" not in questions[depends_on[0]]:
        return "copier's default for the answers above"
    earlier = depends_on[0]
    template = jinja2.Environment().from_string(spec["default"])
    examples = ", ".join(
        f"{value}: {template.render({earlier: value})}"
        for value in choice_labels(questions[earlier])
    )
    return f"the {earlier}'s default ({examples})"


def cookiecutter_json(questions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """cookiecutter's variables for copier's questions, in the same order."""
    variables: dict[str, Any] = {}
    prompts: dict[str, Any] = {}
    for name, spec in questions.items():
        if spec.get("when") is False:
            continue  # never asked: copier's default applies
        unsupported = {"secret", "multiselect"} & {k for k, v in spec.items() if v}
        if unsupported:
            raise NotImplementedError(f"{name}: {', '.join(unsupported)} has no cookiecutter form")
        default = spec.get("default", "")
        if "choices" in spec:
            labels = choice_labels(spec)
            if DEFAULT in labels:
                raise NotImplementedError(f"{name}: a choice named {DEFAULT!r}")
            if _is_templated(default):
                labels = {DEFAULT: _default_label(name, spec, questions), **labels}
            else:  # cookiecutter's default is the first choice
                labels = {str(default): labels.pop(str(default)), **labels}
            variables[name] = list(labels)
            prompts[name] = {"__prompt__": spec.get("help", name), **labels}
        elif spec.get("type") == "bool":
            variables[name] = bool(default)
            prompts[name] = spec.get("help", name)
        else:
            text = str(default)
            variables[name] = for_cookiecutter(text, questions) if _is_templated(text) else text
            prompts[name] = spec.get("help", name)
    return {**variables, "__prompts__": prompts, "_extensions": EXTENSIONS}


def render_cookiecutter_json(template_dir: Path = TEMPLATE_DIR) -> str:
    return json.dumps(cookiecutter_json(copier_questions(template_dir)), indent=2) + "\n"


# --- inside cookiecutter ----------------------------------------------------


class CopierBridge(Extension):
    """Loaded by cookiecutter from cookiecutter.json's `_extensions`: stops
    with a clear message when copier is missing, and tells the hooks where
    the template is on disk."""

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        if not all(find_spec(module) for module in ("copier", "copier_template_extensions")):
            raise ImportError(MISSING_COPIER)
        # cookiecutter finds and renders the hooks from inside the template
        # directory (the one given, or its clone of a URL), so there the
        # working directory is the template, however it was named.
        environment.globals["template_directory"] = lambda: str(Path.cwd())


def copier_data(context: dict[str, Any], template_dir: Path = TEMPLATE_DIR) -> dict[str, Any]:
    """cookiecutter's answers as copier's `--data`, stand-ins for defaults left out."""
    questions = copier_questions(template_dir)
    return {
        name: value for name, value in context.items() if name in questions and value != DEFAULT
    }


def update_source(context: dict[str, Any], template_dir: Path) -> str:
    """Where `copier update` finds the template later: the URL cookiecutter
    was given (cookiecutter works on a clone of it), or the local directory."""
    given = str(context.get("_template", ""))
    return given if REMOTE.match(given) else str(template_dir)


def _copy(template_dir: Path, context: dict[str, Any], **options: Any) -> None:
    from copier import run_copy

    run_copy(
        str(template_dir),
        Path.cwd(),
        data=copier_data(context, template_dir),
        defaults=True,
        unsafe=True,  # the template's own Jinja extension, as `copier copy --trust`
        vcs_ref="HEAD",  # the commit cookiecutter checked out (or the working tree)
        **options,
    )


def validate(template_dir: Path, context: dict[str, Any]) -> int:
    """pre_gen_project: copier checks the answers; nothing is written."""
    from copier.errors import CopierError

    try:
        _copy(template_dir, context, pretend=True, quiet=True)
    except (ValueError, CopierError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def generate(template_dir: Path, context: dict[str, Any]) -> int:
    """post_gen_project: copier writes the project where cookiecutter made its directory."""
    # The placeholder cookiecutter rendered; copier writes the real answers file.
    Path(ANSWERS_FILE).unlink(missing_ok=True)
    _copy(template_dir, context, overwrite=True)
    source = update_source(context, template_dir)
    if source != str(template_dir):
        answers = Path(ANSWERS_FILE)
        recorded = yaml.safe_dump({"_src_path": source}, allow_unicode=True)
        text = re.sub(r"^_src_path: .*\n", lambda _: recorded, answers.read_text(), flags=re.M)
        answers.write_text(text)
    return 0


if __name__ == "__main__":
    COOKIECUTTER_JSON.write_text(render_cookiecutter_json())
    print(f"wrote {COOKIECUTTER_JSON.relative_to(TEMPLATE_DIR)} from copier.yml")
