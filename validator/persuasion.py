"""A small linear model of persuasion: the weights of word stems and stem pairs, learnt from
our labelled corpus (bench/corpus, `python -m bench.train`), kept as a data file.

It catches marketing that names no offer and that no word list knows yet. Every decision stays
explainable: the finding points at the sentence that weighs most and names its heaviest words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from validator.lexicon import stem
from validator.subject import Field
from validator.text import Token

MODEL = Path(__file__).resolve().parent / "data" / "model" / "persuasion.txt"
ANCHORS = ("own", "essential", "possessive", "past_visit")
# Shorter words (a, в, на, the) carry style, not intent; leaving them out keeps the reasons legible.
MIN_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Model:
    """Bias, decision threshold and weights (feature → weight)."""

    bias: float
    threshold: float
    weights: dict[str, float]


@cache
def model() -> Model:
    """Load the weights once (an absent file means an empty model that never fires)."""
    bias, threshold, weights = 0.0, math.inf, {}
    if MODEL.exists():
        for line in MODEL.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            name, value = line.rsplit("\t", 1)
            if name == "=bias":
                bias = float(value)
            elif name == "=threshold":
                threshold = float(value)
            else:
                weights[name] = float(value)
    return Model(bias, threshold, weights)


@dataclass(frozen=True, slots=True)
class Feature:
    """One feature of a template and where it is (field, sentence, span)."""

    name: str
    field: str
    sentence: int
    start: int
    end: int


def _words(fld: Field) -> tuple[list[Token], list[str]]:
    """The field's words that carry meaning (three letters or more, not a greeting or a form of
    address: every kind of message opens with them, nor a closing signature) and their stems."""
    greeting = fld.tokens_within("greeting") | fld.tokens_within("signature")
    words = [
        t
        for i, t in enumerate(fld.tokens)
        if i not in greeting
        and not t.variant
        and len(t.form) >= MIN_LETTERS
        and any(c.isalpha() for c in t.form)
    ]
    return words, [stem(t.form) for t in words]


def names(fields: Iterable[Field]) -> set[str]:
    """The features' names alone (what the score needs): stems, pairs of neighbouring stems in a
    sentence, and anchor flags."""
    found: set[str] = set()
    for fld in fields:
        words, stems = _words(fld)
        found.update("w:" + key for key in stems)
        found.update(
            f"b:{stems[i - 1]}_{stems[i]}"
            for i in range(1, len(words))
            if words[i - 1].sentence == words[i].sentence
        )
        found.update("a:" + name for name in ANCHORS if fld.matches(name))
    return found


def features(fields: Iterable[Field]) -> list[Feature]:
    """The same features with where they are, to explain a verdict."""
    found: list[Feature] = []
    for fld in fields:
        words, stems = _words(fld)
        for i, (token, key) in enumerate(zip(words, stems, strict=True)):
            found.append(Feature("w:" + key, fld.name, token.sentence, token.start, token.end))
            if i and words[i - 1].sentence == token.sentence:
                prev = words[i - 1]
                pair = f"b:{stems[i - 1]}_{key}"
                found.append(Feature(pair, fld.name, token.sentence, prev.start, token.end))
        for name in ANCHORS:
            for m in fld.matches(name)[:1]:
                found.append(
                    Feature("a:" + name, fld.name, fld.sentence_at(m.start), m.start, m.end)
                )
    return found


def score(found: Iterable[str], weights: dict[str, float], bias: float) -> float:
    """The model's log-odds of marketing (each feature counted once). fsum is exact, so the
    score does not depend on the set's order, which changes from run to run with Python's
    string hashing: a template right at the threshold would otherwise flip between runs."""
    return math.fsum([bias, *(weights.get(name, 0.0) for name in set(found))])
