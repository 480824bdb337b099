"""Promotional rules that need more than one word list (the rest are cards with `match`)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Hit
from validator.subject import Field, Subject

REWARD_LISTS = ("discount", "price_cut", "promo_code", "bonus")
# The word lists of the promotional cards matched on a template's text (promo.toml `match`);
# tests/test_registry.py keeps the two in step.
OFFER_LISTS = (
    "discount",
    "price_cut",
    "promo_code",
    "bonus",
    "free_delivery",
    "abandoned_cart",
    "recommendation",
    "new_arrivals",
    "urgency",
    "win_back",
    "upsell",
    "call_to_buy",
)


def review_reward(s: Subject) -> Iterator[Hit]:
    """A review or rating request paid for with a discount, bonus, code or gift."""
    for fld in s.text_fields():
        reviews = fld.matches("review")
        if not reviews:
            continue
        rewards = [m for name in REWARD_LISTS for m in fld.matches(name)]
        if rewards:
            first = reviews[0]
            reward = min(rewards, key=lambda m: m.start)
            yield Hit(
                fld.name,
                first.start,
                first.end,
                {
                    "word": fld.text[first.start : first.end],
                    "reward": fld.text[reward.start : reward.end],
                },
            )


def in_example(s: Subject) -> Iterator[Hit]:
    """A variable whose example value carries an offer (once per variable)."""
    for where, p, value in s.examples():
        if not value:
            continue
        example = Field("examples", value)
        found = [m for name in OFFER_LISTS for m in example.matches(name)]
        if found:
            first = min(found, key=lambda m: m.start)
            yield Hit(
                where, p.start, p.end, {"text": p.text, "word": value[first.start : first.end]}
            )
