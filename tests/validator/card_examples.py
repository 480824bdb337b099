"""Card examples as the tests run them: a body, a template, or a batch (a list of templates,
checked together with check_many: the rule must fire on the last one; validator/batch.py).
A template example may carry `mode` ("meta" for the button rules); provider by default."""

from __future__ import annotations

from typing import Any

from validator import check, check_many
from validator.report import Report


def _mode(example: Any) -> str:
    """A card example of a meta-only rule (the button cards) says `mode = "meta"`."""
    return example.get("mode", "provider") if isinstance(example, dict) else "provider"


def reports(example: Any) -> list[Report]:
    """The reports of one card example, in order."""
    if isinstance(example, list):
        return check_many(example, _mode(example[-1]))
    return [check(example if isinstance(example, dict) else {"body": example}, _mode(example))]
