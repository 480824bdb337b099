"""library.yml: every ready template passes the checker with no error and no warning in both
modes, its category hint is its declared category, and the library is complete (cases, both
languages, a purpose in both)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from validator import check_many
from validator.export import export
from validator.sources import read

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "library.yml"
DATA = yaml.safe_load(LIBRARY.read_text("utf-8"))
TEMPLATES: list[dict[str, Any]] = DATA["templates"]
SCHEMA = jsonschema.Draft202012Validator(
    yaml.safe_load((ROOT / "validator" / "export.schema.json").read_text("utf-8"))
)
REQUIRED_CASES = {
    "order_confirmed",
    "order_shipped",
    "order_ready_for_pickup",
    "order_delivered",
    "payment_received",
    "payment_due",
    "payment_failed",
    "booking_confirmed",
    "booking_reminder",
    "booking_moved",
    "booking_cancelled",
    "delivery_slot",
    "security_alert",
    "subscription_expiry",
    "refund_processed",
    "order_feedback",
    "one_time_code",
}


def test_the_checker_reads_the_library_as_it_reads_any_file() -> None:
    assert [t["name"] for t in read(str(LIBRARY))] == [t["name"] for t in TEMPLATES]


def test_at_least_forty_templates_every_case_in_both_languages() -> None:
    assert len(TEMPLATES) >= 40
    assert len({t["name"] for t in TEMPLATES}) == len(TEMPLATES)
    languages = Counter((t["case"], t["language"]) for t in TEMPLATES)
    cases = {t["case"] for t in TEMPLATES}
    assert cases >= REQUIRED_CASES
    assert cases == set(DATA["cases"])
    for case in cases:
        assert languages[case, "ru"] >= 1, case
        assert languages[case, "en"] >= 1, case
        assert DATA["cases"][case]["ru"]
        assert DATA["cases"][case]["en"]
    for t in TEMPLATES:
        assert t["purpose"]["ru"]
        assert t["purpose"]["en"]
    otp = [t for t in TEMPLATES if t["case"] == "one_time_code"]
    assert {t["category"] for t in otp} == {"AUTHENTICATION"}


@pytest.mark.parametrize("mode", ["provider", "meta"])
def test_every_template_is_clean_and_keeps_its_category(mode: str) -> None:
    reports = check_many(TEMPLATES, mode)
    problems = {
        t["name"]: [f.rule for f in r.findings if f.severity in ("error", "warning")]
        for t, r in zip(TEMPLATES, reports, strict=True)
    }
    assert {name: rules for name, rules in problems.items() if rules} == {}
    hints = {
        t["name"]: (str(r.category_hint), t["category"])
        for t, r in zip(TEMPLATES, reports, strict=True)
    }
    assert {n: pair for n, pair in hints.items() if pair[0] != pair[1]} == {}


def test_every_template_exports_a_create_request_valid_against_the_schema() -> None:
    for t, report in zip(TEMPLATES, check_many(TEMPLATES), strict=True):
        entry = export(report, "en")
        assert entry["create"] is not None, (t["name"], entry["blocked_by"])
        assert list(SCHEMA.iter_errors(entry["create"])) == [], t["name"]
        assert entry["send"]["template"]["language"]["code"] == t["language"]


def test_header_variables_have_names_of_their_own() -> None:
    for t, report in zip(TEMPLATES, check_many(TEMPLATES), strict=True):
        assert not set(report.header_variables) & set(report.variables), t["name"]
