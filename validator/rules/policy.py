"""Policy rules: requests for sensitive data (card, CVV, password, ID numbers)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Hit
from validator.subject import Field, Subject


def _sentences(fld: Field, list_name: str) -> set[int]:
    return {fld.sentence_at(m.start) for m in fld.matches(list_name)}


def _requested(
    s: Subject, list_name: str, *, need_request: bool, own_channel_ok: bool
) -> Iterator[Hit]:
    """Mentions of a sensitive item asked for in their sentence (not negated, not partial)."""
    for fld in s.text_fields():
        found = fld.matches(list_name)
        if not found:
            continue
        skip = _sentences(fld, "negation") | _sentences(fld, "partial")
        if own_channel_ok:
            skip |= _sentences(fld, "own_channel")
        asked = _sentences(fld, "request")
        for m in found:
            sentence = fld.sentence_at(m.start)
            if sentence in skip or (need_request and sentence not in asked):
                continue
            yield Hit(fld.name, m.start, m.end, {"word": fld.text[m.start : m.end]})


def card_number(s: Subject) -> Iterator[Hit]:
    """A request for a full payment-card number."""
    yield from _requested(s, "card_number", need_request=True, own_channel_ok=False)


def cvv(s: Subject) -> Iterator[Hit]:
    """Any mention of a card's CVV/CVC outside a 'never share' sentence."""
    yield from _requested(s, "cvv", need_request=False, own_channel_ok=False)


def password(s: Subject) -> Iterator[Hit]:
    """A request to send a password, card PIN or secret word."""
    yield from _requested(s, "password", need_request=True, own_channel_ok=True)


def id_number(s: Subject) -> Iterator[Hit]:
    """A request for a passport, national ID, tax or bank account number."""
    yield from _requested(s, "id_number", need_request=True, own_channel_ok=False)
