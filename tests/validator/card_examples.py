"""Card examples as the tests run them: a body, a template, or a batch (a list of templates,
checked together with check_many: the rule must fire on the last one; validator/batch.py)."""

from __future__ import annotations

from typing import Any

from validator import check, check_many
from validator.report import Report


def reports(example: Any) -> list[Report]:
    """The reports of one card example, in order."""
    if isinstance(example, list):
        return check_many(example)
    return [check(example if isinstance(example, dict) else {"body": example})]
