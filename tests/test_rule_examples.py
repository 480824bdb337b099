"""Every card's bad examples trigger its rule and its good examples are clean (the reference
page shows these very examples, so it cannot drift from the code)."""

from __future__ import annotations

from typing import Any

import pytest

from validator import RULES, check
from validator.model import Severity


def _template(example: Any) -> dict[str, Any]:
    return example if isinstance(example, dict) else {"body": example}


CASES = [
    (rule.id, lang, kind, example)
    for rule in RULES.values()
    for kind in ("bad", "good")
    for lang in ("ru", "en")
    for example in getattr(rule, kind)[lang]
]


@pytest.mark.parametrize(("rule_id", "lang", "kind", "example"), CASES)
def test_card_example(rule_id: str, lang: str, kind: str, example: Any) -> None:
    report = check(_template(example))
    found = {f.rule for f in report.findings}
    if kind == "bad":
        assert rule_id in found, f"{rule_id} bad example ({lang}) did not trigger: {found}"
    else:
        noisy = [f.rule for f in report.findings if f.severity is not Severity.INFO]
        assert not noisy, f"{rule_id} good example ({lang}) is not clean: {noisy}"
