"""The persuasion model's score: the same for a template on every run."""

from __future__ import annotations

import itertools

from validator.persuasion import score


def test_the_score_does_not_depend_on_the_order_of_the_features() -> None:
    """Python's string hashing changes a set's order from run to run; a plain float sum of
    0.1, 0.2 and 0.3 is 0.6 in one order and 0.6000000000000001 in another."""
    weights = {"w:a": 0.1, "w:b": 0.2, "w:c": 0.3}
    scores = {score(order, weights, 0.0) for order in itertools.permutations(weights)}
    assert scores == {0.6}


def test_each_feature_counts_once_and_unknown_ones_weigh_nothing() -> None:
    assert score(["w:a", "w:a", "w:unknown"], {"w:a": 0.5}, -0.25) == 0.25
