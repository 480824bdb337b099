"""Policy rules: requests for sensitive data (card, CVV, password, ID numbers), a one-time code
outside an authentication template."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Category, Hit
from validator.placeholders import valid
from validator.subject import Subject


def _requested(
    s: Subject, list_name: str, *, need_request: bool, own_channel_ok: bool
) -> Iterator[Hit]:
    """Mentions of a sensitive item asked for in their sentence (not negated, not partial)."""
    for fld in s.text_fields():
        found = fld.matches(list_name)
        if not found:
            continue
        skip = fld.sentences_with("negation") | fld.sentences_with("partial")
        if own_channel_ok:
            skip |= fld.sentences_with("own_channel")
        asked = fld.sentences_with("request")
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


def category_mismatch(s: Subject) -> Iterator[Hit]:
    """The category given in the input differs from the one decided (runs after the decision)."""
    declared = (s.template.category or "").strip().upper()
    if s.judgement is None or declared not in set(Category) or declared == s.judgement[0]:
        return
    judged, (_, args) = s.judgement
    if judged is Category.AUTHENTICATION:
        return  # a code in a UTILITY or MARKETING template is policy.otp_outside_authentication
    inner = args.get("args", args)
    # the cue or the anchor; a text that names neither is quoted from its start
    word = str(inner.get("word") or inner.get("text") or s.body.text.strip())[:60]
    soft = declared == Category.MARKETING and judged == Category.UTILITY
    end = len(s.template.category or "")
    yield Hit(
        "category", 0, end, {"declared": declared, "judged": str(judged), "word": word}, soft=soft
    )


# A code in a sentence with one of these is a promo code (a MARKETING template's coupon).
_OFFER_CUES = ("promo_code", "discount", "price_cut")


def otp_outside_authentication(s: Subject) -> Iterator[Hit]:
    """A one-time login or verification code in a template declared UTILITY or MARKETING (the
    first one: the fix is the category). Pickup, order, locker and gift-card codes are excepted
    in the otp list; a negated sentence without a variable ("we never ask for your code") and a
    code next to a discount are not a code sent."""
    category = (s.template.category or "").strip().upper()
    if category not in (Category.UTILITY, Category.MARKETING):
        return
    for fld in s.text_fields():
        found = fld.matches("otp")
        if not found:
            continue
        with_code = {fld.sentence_at(p.start) for p in valid(fld.placeholders)}
        skip = (fld.sentences_with("negation") - with_code).union(
            *(fld.sentences_with(cue) for cue in _OFFER_CUES)
        )
        sent = [m for m in found if fld.sentence_at(m.start) not in skip]
        if sent:  # the longest wording in the first sentence that sends a code
            m = min(sent, key=lambda m: (fld.sentence_at(m.start), m.start - m.end))
            word = fld.text[m.start : m.end]
            yield Hit(fld.name, m.start, m.end, {"word": word, "category": category})
            return
