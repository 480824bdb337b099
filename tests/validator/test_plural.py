"""Number agreement: the plural helper, its format spec, and the rule cards that use it."""

from __future__ import annotations

import pytest

from validator.plural import plural, plural_form
from validator.texts import blank_arguments, fill, placeholders_of

SYMBOL = ("символ", "символа", "символов")
RUSSIAN = {
    1: "символ",
    2: "символа",
    5: "символов",
    11: "символов",
    12: "символов",
    14: "символов",
    21: "символ",
    22: "символа",
    25: "символов",
    101: "символ",
    111: "символов",
}


@pytest.mark.parametrize(("n", "form"), RUSSIAN.items())
def test_russian_forms_follow_the_last_digits(n: int, form: str) -> None:
    assert plural_form(n, SYMBOL) == form
    assert plural(n, "символ|символа|символов") == f"{n} {form}"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 characters"), (1, "1 character"), (2, "2 characters"), (21, "21 characters")],
)
def test_english_has_one_and_other(n: int, text: str) -> None:
    assert plural(n, ("character", "characters")) == text


def test_other_form_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="2 \\(en\\) or 3 \\(ru\\)"):
        plural_form(3, ("one",))


def test_a_counted_placeholder_agrees_and_plain_ones_are_filled() -> None:
    text = "Текст — {count:символ|символа|символов}, допустимо {limit}; шаблон {n}"
    filled = fill(text, {"count": 71, "limit": 60, "n": 3})
    assert filled == "Текст — 71 символ, допустимо 60; шаблон 3"
    assert fill("{{1}}: {n:слово|слова|слов}", {"n": 3}) == "{{1}}: 3 слова"


def test_card_fill_agrees_and_keeps_whatsapp_placeholders() -> None:
    card = "{count:слово|слова|слов} другого языка, {{1}} {other}"
    assert placeholders_of(card) == {"count", "other"}
    assert fill(card, {"count": 72, "other": "x"}) == "72 слова другого языка, {{1}} x"
    assert fill(card, {}) == card
    assert blank_arguments(card) == "… слов другого языка, {{1}} …"
