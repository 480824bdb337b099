"""The labelled corpus (bench/corpus) keeps its shape, and the checker keeps a floor on it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bench.category import LAST_MEASURED_WAVE, judge, load, scores

LABELS = {"MARKETING", "UTILITY", "AUTHENTICATION"}
MARKETING_CUES = {
    "offer", "re_engagement", "announcement", "conversion_nudge", "invitation",
    "renewal_upgrade", "sales_follow_up", "social_proof", "brand_pitch", "relationship",
    "app_promotion", "loyalty_exclusive", "compensation", "scarcity", "price_list",
    "retargeting", "generic_survey", "unclear", "mixed", "donation",
}  # fmt: skip
UTILITY_CLASSES = {
    "order", "payment", "booking", "account", "points_credited", "refund", "essential",
    "gift_certificate", "subscription_expiry", "feedback_specific", "support", "new_but_utility",
}  # fmt: skip
ITEMS = load()


def test_the_corpus_is_large_enough_and_holds_only_unmeasured_waves_aside() -> None:
    assert len(ITEMS) >= 600
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    newest = max(i["wave"] for i in ITEMS)
    held = {i["wave"] for i in ITEMS if i["part"] == "held"}
    assert held == set(range(LAST_MEASURED_WAVE + 1, newest + 1))
    for lang in ("ru", "en"):
        assert sum(i["lang"] == lang for i in ITEMS) >= 300
        assert any(i["lang"] == lang and i["wave"] == newest for i in ITEMS)


ALLOWED_CUES = {"MARKETING": MARKETING_CUES, "UTILITY": UTILITY_CLASSES, "AUTHENTICATION": {"otp"}}


def _problems(item: dict) -> Iterator[str]:
    """What is wrong with one corpus item's shape (nothing for a good one)."""
    if item.get("label") not in LABELS:
        yield f"label {item.get('label')!r}"
    elif item.get("cue") not in ALLOWED_CUES[item["label"]]:
        yield f"cue {item.get('cue')!r} for {item['label']}"
    if not str(item.get("source")).startswith("written"):
        yield f"source {item.get('source')!r}"
    variables = set(re.findall(r"\{\{\s*([a-z0-9_]+)\s*\}\}", item.get("body", "")))
    if len(item.get("examples") or []) != len(variables):
        yield f"{len(item.get('examples') or [])} examples for {len(variables)} variables"


def test_every_item_is_labelled_sourced_and_has_its_examples() -> None:
    """One test over every item (not one per item: thousands of tiny tests cost seconds)."""
    problems = [f"{item['id']}: {problem}" for item in ITEMS for problem in _problems(item)]
    assert not problems, "\n".join(problems[:40])


def test_a_bad_item_is_reported() -> None:
    item = {"id": "x", "label": "UTILITY", "cue": "offer", "source": "copied", "body": "{{1}}"}
    assert len(list(_problems(item))) == 3


def test_the_development_part_stays_above_a_floor() -> None:
    """A guard against a change that breaks the judgement wholesale (not the reported figure:
    that is the held-aside part's, printed by `python -m bench.category`)."""
    development = [i for i in ITEMS if i["part"] == "dev"]
    rows = [(i, judge(i)) for i in development[::8]]  # an eighth (590 texts) keeps it quick
    s = scores(rows)
    assert s["P"] >= 0.95 and s["R"] >= 0.9 and s["blocked"] <= 0.05, s
