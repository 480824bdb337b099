"""Rule cases kept as data (tests/validator/cases/<family>.yaml): triggers and near misses.

Each case: `lang`, `body` (or template fields), `expect: [rule ids]`, `expect_not: [rule ids]`,
optional `at` (a substring the expected finding's span must cover; `field` says where, body by
default), optional `category` (the expected hint), optional `mode`, optional `batch` (templates
checked before this one in the same batch, for the rules that compare templates: the case is
then the last template of `check_many`), and a `note`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from validator import RULES, check, check_many
from validator.sources import FIELDS

CASES_DIR = Path(__file__).parent / "cases"
TEMPLATE_KEYS = set(FIELDS)
CASE_KEYS = {
    "lang",
    "expect",
    "expect_not",
    "at",
    "field",
    "category_hint",
    "mode",
    "batch",
    "note",
}


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")), start=1):
            cases.append((f"{path.stem}-{i}", case))
    return cases


CASES = _load()


def _template(case: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in case.items() if k in TEMPLATE_KEYS}


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_case(case_id: str, case: dict[str, Any]) -> None:
    assert set(case) <= TEMPLATE_KEYS | CASE_KEYS, set(case) - TEMPLATE_KEYS - CASE_KEYS
    assert case["lang"] in ("ru", "en")
    mode = case.get("mode", "provider")
    if "batch" in case:
        report = check_many([*case["batch"], _template(case)], mode)[-1]
    else:
        report = check(_template(case), mode)
    found = {f.rule for f in report.findings}
    for rule in case.get("expect", []) + case.get("expect_not", []):
        assert rule in RULES, f"unknown rule id {rule}"
    missing = set(case.get("expect", [])) - found
    assert not missing, f"expected {missing}, found {sorted(found)}"
    unexpected = set(case.get("expect_not", [])) & found
    assert not unexpected, f"should not fire: {unexpected}"
    if "at" in case:
        field = case.get("field", "body")
        text = report.template.field_text(field) or ""
        index = text.find(case["at"])
        assert index >= 0, "the `at` text is not in the field"
        spans = [
            (f.start, f.end)
            for f in report.findings
            if f.rule in case["expect"] and f.field == field
        ]
        assert any(a <= index and index + len(case["at"]) <= b for a, b in spans), spans
    if "category_hint" in case:
        assert str(report.category_hint) == case["category_hint"]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_trigger_and_a_near_miss_in_both_languages(rule_id: str) -> None:
    for lang in ("ru", "en"):
        cases = [c for _, c in CASES if c["lang"] == lang]
        assert any(rule_id in c.get("expect", []) for c in cases), f"no {lang} trigger"
        assert any(rule_id in c.get("expect_not", []) for c in cases), f"no {lang} near miss"
