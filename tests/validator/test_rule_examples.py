"""Every card's bad examples trigger its rule and its good examples are clean (the reference
page shows these very examples, so it cannot drift from the code). An example that is a list is
a batch (validator/batch.py): checked with check_many, the rule must fire on its last template."""

from __future__ import annotations

from typing import Any

import pytest
from card_examples import reports

from validator import RULES
from validator.model import Severity

CASES = [
    (rule.id, lang, kind, example)
    for rule in RULES.values()
    for kind in ("bad", "good")
    for lang in ("ru", "en")
    for example in getattr(rule, kind)[lang]
]


@pytest.mark.parametrize(("rule_id", "lang", "kind", "example"), CASES)
def test_card_example(rule_id: str, lang: str, kind: str, example: Any) -> None:
    checked = reports(example)
    found = {f.rule for f in checked[-1].findings}
    if kind == "bad":
        assert rule_id in found, f"{rule_id} bad example ({lang}) did not trigger: {found}"
    else:
        noisy = [f.rule for r in checked for f in r.findings if f.severity is not Severity.INFO]
        assert not noisy, f"{rule_id} good example ({lang}) is not clean: {noisy}"
