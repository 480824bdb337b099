"""Promotional rules that need more than one word list (the rest are cards with `match`)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Hit
from validator.subject import Subject

REWARD_LISTS = ("discount", "price_cut", "promo_code", "bonus")


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
