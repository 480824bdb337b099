"""The literals a regex line needs: right on known shapes, and never wrong on the real lines."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bench.category import load
from validator import lexicon
from validator.lexicon import find_all, lexicons
from validator.literals import required_literals
from validator.text import normalise, tokenise

CORPUS = load()


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bsave\s[$€£]\d", {"save"}),
        (r"(?:с?экономьте|экономия)\s(?:до\s)?\d", {"экономьте", "экономия"}),
        (r"\b[xх×]\s?[2-5]\s(?:балл|кешбэк)", {"балл", "кешбэк"}),  # the longer factor wins
        (r"[$€£]\s?\d+", {"$", "€", "£"}),
        (r"\*{2,}\s?\d{2,4}", {"*"}),
        (r"(?:promo)?code\s\d", {"code"}),  # an optional group is not required
    ],
)
def test_the_literals_every_match_must_contain(pattern: str, needs: set[str]) -> None:
    assert required_literals(pattern) == needs


@pytest.mark.parametrize(
    "pattern",
    [r"\d+\s?%?", r"(?:a|\d)\s\d", r"[^.]{3}", r"(?i)sale", r"\w+\s\d", r"(?:x)?y?"],
)
def test_nothing_is_claimed_when_a_match_may_lack_every_literal(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_every_match_of_every_regex_line_holds_one_of_its_literals() -> None:
    """On a quarter of the corpus: a wrong literal would silently skip a line that matches."""
    texts = [normalise(item["body"]).text for item in CORPUS[::4]]
    wrong = []
    for lines in lexicons().patterns.values():
        for source, needs in lines:
            if needs is None:
                continue
            pattern = re.compile(source)
            for text in texts:
                for m in pattern.finditer(text):
                    if not any(s in m.group() for s in needs):
                        wrong.append((source, m.group()))
    assert not wrong, wrong[:5]


def test_skipping_regex_lines_changes_no_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hits with the shortcut equal the hits when every regex line runs, text by text."""
    fields = [normalise(item["body"]) for item in CORPUS[1::16]]
    shortcut = [find_all(normal, tokenise(normal)) for normal in fields]
    lex = lexicons()
    every_line = {name: tuple((p, None) for p, _ in lines) for name, lines in lex.patterns.items()}
    monkeypatch.setattr(lexicon, "lexicons", lambda: replace(lex, patterns=every_line))
    assert [find_all(normal, tokenise(normal)) for normal in fields] == shortcut
