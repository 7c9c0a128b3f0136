"""Every combination of answers, read from copier.yml itself.

A new choice in copier.yml is in the matrix the day it is added: the
dimensions below are walked through their choices, each choice's validator
and each question's `when` are rendered with the answers so far, exactly as
copier renders them, and what passes is a valid variant.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

TEMPLATE_ROOT = Path(__file__).resolve().parent.parent

# The answers that change what a project is made of. The rest (names, CI
# flavour, image Python version) are text substitutions, varied across the
# matrix rather than multiplied into it.
DIMENSIONS = ("framework", "orm", "auth", "database")


@dataclass(frozen=True)
class Variant:
    answers: tuple[tuple[str, str], ...]

    @property
    def data(self) -> dict[str, str]:
        return dict(self.answers)

    @property
    def id(self) -> str:
        return "-".join(value for _, value in self.answers)


@cache
def questions() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load((TEMPLATE_ROOT / "copier.yml").read_text())
    return {name: spec for name, spec in config.items() if not name.startswith("_")}


def _render(expression: Any, context: dict[str, Any]) -> str:
    if not isinstance(expression, str):
        return str(expression)
    return jinja2.Environment().from_string(expression).render(**context).strip()


def _choices(spec: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(value, validator) pairs of a question's choices."""
    choices = spec["choices"]
    if isinstance(choices, list):
        return [(str(value), None) for value in choices]
    pairs = []
    for value in choices.values():
        if isinstance(value, dict):
            pairs.append((str(value["value"]), value.get("validator")))
        else:
            pairs.append((str(value), None))
    return pairs


def asked(name: str, context: dict[str, Any]) -> bool:
    when = questions()[name].get("when", True)
    rendered = _render(when, context).lower()
    return rendered not in ("false", "0", "", "none", "no")


def refusal(name: str, value: str, context: dict[str, Any]) -> str:
    """The validator's message for this answer, or "" when it is accepted."""
    for choice, validator in _choices(questions()[name]):
        if choice == value:
            return _render(validator, {**context, name: value}) if validator else ""
    return f"{value!r} is not a choice of {name}"


def all_combinations() -> list[dict[str, str]]:
    per_dimension = [[value for value, _ in _choices(questions()[d])] for d in DIMENSIONS]
    return [
        dict(zip(DIMENSIONS, combo, strict=True)) for combo in itertools.product(*per_dimension)
    ]


def is_valid(combination: dict[str, str]) -> bool:
    context: dict[str, Any] = {}
    for name in DIMENSIONS:
        value = combination[name]
        if not asked(name, context):
            default = _render(questions()[name].get("default"), context)
            if value != default:
                return False
        elif refusal(name, value, context):
            return False
        context[name] = value
    return True


def valid_variants() -> list[Variant]:
    seen: dict[tuple, Variant] = {}
    for combination in all_combinations():
        if is_valid(combination):
            variant = Variant(tuple(combination.items()))
            seen.setdefault(variant.answers, variant)
    return list(seen.values())


def invalid_combinations() -> list[dict[str, str]]:
    """Pairs a user could type that copier must refuse (asked questions only)."""
    refused = []
    for combination in all_combinations():
        context: dict[str, Any] = {}
        for name in DIMENSIONS:
            value = combination[name]
            if not asked(name, context):
                # copier does not ask it: the default stands, whatever is typed.
                value = _render(questions()[name].get("default"), context)
            elif refusal(name, value, context):
                refused.append({**context, name: value})
                break
            context[name] = value
    # The refused question stays last: the caller checks copier names it.
    unique = dict.fromkeys(tuple(c.items()) for c in refused)
    return [dict(items) for items in unique]


if __name__ == "__main__":
    import json

    # The CI workflow builds its job matrix from this list.
    print(json.dumps([{"id": variant.id, **variant.data} for variant in valid_variants()]))
