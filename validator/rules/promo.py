"""Promotional rules that need more than one word list (the rest are cards with `match`).

Meta's utility test has two halves: no persuasion, and about the user's own transaction,
account or request (or essential). Strong cues (a discount, "download our app") are cards
with `match`. Weak cues (an invitation, an announcement, a price, a survey) are persuasion
only when nothing in the template ties them to the user's own order, booking or account, or
to an essential notice; those are the functions below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.lexicon import Match
from validator.model import Hit
from validator.persuasion import Feature, features, model, names, score
from validator.subject import Field, Subject
from validator.text import MAX_ANALYSED

REWARD_LISTS = ("discount", "price_cut", "promo_code", "bonus", "points")
# Every list whose hit in a variable's example means an offer (promo.in_example); the lists of
# the `match` cards are all among them (tests/validator/test_registry.py keeps the two in step).
OFFER_LISTS = (
    "discount",
    "price_cut",
    "promo_code",
    "bonus",
    "points",
    "free_delivery",
    "abandoned_cart",
    "recommendation",
    "new_arrivals",
    "urgency",
    "win_back",
    "upsell",
    "call_to_buy",
    "conversion_nudge",
    "social_proof",
    "brand_pitch",
    "relationship",
    "app_promotion",
    "exclusive",
    "compensation",
    "retargeting",
    "donation",
    "sales_follow_up",
)
# What ties a message to the user's own transaction or to an essential notice (test 2), and,
# for the template-level weak cues only, any "your <noun>" (too loose for one sentence).
ANCHOR_LISTS = ("own", "essential")
TEMPLATE_ANCHOR_LISTS = (*ANCHOR_LISTS, "possessive")
# Two or more prices with no order of the user's: a price list.
_PRICE = re.compile(
    r"(?:[$€£]\s?(?:\d|\{\{)[\d,.]*|(?:\d[\d\s.,]*|\}\})\s?(?:₽|руб\b|р\.|\$|€|£|usd\b|eur\b|gbp\b))",
    re.IGNORECASE,
)
PRICES_IN_A_LIST = 2
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# The fewest words, besides greetings and variables, that can say why a message is sent.
CLEAR_WORDS = 2
# Between the quoted words of a finding: the cards put quotes around the whole list.
SEPARATOR = ", "


def _hit(fld: Field, m: Match, **args: str) -> Hit:
    return Hit(fld.name, m.start, m.end, {"word": fld.text[m.start : m.end], **args})


def _anchor(s: Subject) -> str | None:
    """The first phrase naming the user's own order, booking, account or an essential notice
    (a closing signature, "Ваша школа «Лексика»", names the sender: it does not count)."""
    for fld in s.text_fields():
        found = fld.outside([m for n in TEMPLATE_ANCHOR_LISTS for m in fld.matches(n)], "signature")
        if found:
            m = min(found, key=lambda m: m.start)
            return fld.text[m.start : m.end]
    return None


def _unanchored(s: Subject, list_name: str) -> Iterator[Hit]:
    """Hits of a weak cue outside denied sentences, when the template names nothing of the
    user's own ("do not come to the clinic with a fever" invites nobody)."""
    if _anchor(s) is None:
        yield from _listed(s, list_name)


def _listed(s: Subject, list_name: str) -> Iterator[Hit]:
    """Hits of a list outside denied sentences."""
    for fld in s.text_fields():
        denied = fld.sentences_with("negation")
        yield from (
            _hit(fld, m) for m in fld.matches(list_name) if fld.sentence_at(m.start) not in denied
        )


def bonus(s: Subject) -> Iterator[Hit]:
    """Gifts, prizes and referrals (unless denied: "we never send prizes"); bonuses, points and
    cashback unless the template states them credited for the user's own purchase (or the
    balance) and nothing urges to spend them."""
    fields = s.text_fields()
    if any(f.matches("essential") for f in fields):
        return  # a fraud warning quotes the scammers' "free gift": it offers nothing
    excused = not any(f.matches("spend_nudge") for f in fields) and any(
        f.matches("credited") for f in fields
    )
    for fld in fields:
        # "we never send prizes" denies; "your gift is on its way" is the user's own order
        skip = fld.sentences_with("negation") | fld.sentences_with("own")
        yield from (
            _hit(fld, m) for m in fld.matches("bonus") if fld.sentence_at(m.start) not in skip
        )
        if not excused:
            yield from (_hit(fld, m) for m in fld.matches("points"))


def _outside_own(s: Subject, list_name: str) -> Iterator[Hit]:
    """Hits of a list outside the sentences that speak of the user's own order or account."""
    for fld in s.text_fields():
        own = fld.sentences_with("own")
        yield from (
            _hit(fld, m) for m in fld.matches(list_name) if fld.sentence_at(m.start) not in own
        )


def promo_code(s: Subject) -> Iterator[Hit]:
    """A promo code or coupon, outside a sentence about the user's own voucher or parcel."""
    yield from _outside_own(s, "promo_code")


def compensation(s: Subject) -> Iterator[Hit]:
    """A credit, gift or bonus given as an apology ("sorry for the wait: we added 200 ₽ to your
    account for your next ride"), or a set phrase of compensation."""
    fields = s.text_fields()
    for fld in fields:
        yield from (_hit(fld, m) for m in fld.matches("compensation"))
    if any(f.matches("apology") for f in fields):
        for fld in fields:
            yield from (_hit(fld, m) for m in fld.matches("credit_given"))


def _phrases_or_unanchored(s: Subject, list_name: str, *, quotes: bool = True) -> Iterator[Hit]:
    """A list's phrases outside sentences about the user's own matter; its single words only
    when the template names nothing of the user's ("exclusive use of your room" is no offer).
    With `quotes` False, hits inside quoted words do not count."""
    anchored = _anchor(s) is not None
    for fld in s.text_fields():
        own = fld.sentences_with("own")
        hits = fld.matches(list_name)
        for m in hits if quotes else fld.unquoted(hits):
            single = " " not in m.entry.strip()
            if fld.sentence_at(m.start) not in own and not (single and anchored):
                yield _hit(fld, m)


def exclusive(s: Subject) -> Iterator[Hit]:
    """Points multipliers and "exclusive" or members-only offers, outside a sentence about the
    user's own order ("your custom-made ring, order 12, is ready" is not an offer)."""
    yield from _phrases_or_unanchored(s, "exclusive")


def relationship(s: Subject) -> Iterator[Hit]:
    """Greetings, anniversaries and thanks for loyalty; a bare "congratulations" only when the
    template names nothing of the user's ("congratulations, your mortgage is approved"), and
    never inside quotes (a gift card that will read "Happy birthday, Sam!")."""
    yield from _phrases_or_unanchored(s, "relationship", quotes=False)


def free_delivery(s: Subject) -> Iterator[Hit]:
    """Free delivery as an offer, not the terms of the user's own order ("delivery is free for
    this order") nor help in an essential notice ("free drinking water during the outage")."""
    if not any(f.matches("essential") for f in s.text_fields()):
        yield from _outside_own(s, "free_delivery")


def invitation(s: Subject) -> Iterator[Hit]:
    """An invitation to book, visit or buy that refers to no existing order or booking."""
    yield from _unanchored(s, "invitation")


def price_list(s: Subject) -> Iterator[Hit]:
    """Prices quoted to attract ("from 4,000 ₽", or several prices), not an amount owed. A
    named price list counts unless the template names the user's own order or booking: neither
    an essential word ("vaccination") nor a bare "your" ("collection from your door") makes a
    price list a notice."""
    if any(f.matches("own") for f in s.text_fields()):
        return
    yield from _listed(s, "price_list")
    if _anchor(s) is not None:
        return
    for fld in s.text_fields():
        prices = list(_PRICE.finditer(fld.text[:MAX_ANALYSED]))
        if len(prices) >= PRICES_IN_A_LIST and not fld.matches("price_list"):
            first, last = prices[0], prices[-1]
            yield Hit(
                fld.name,
                first.start(),
                last.end(),
                {"word": fld.text[first.start() : last.end()][:60]},
            )


def generic_survey(s: Subject) -> Iterator[Hit]:
    """A survey or rating request that names no order, visit or ticket of the user's, nor a
    visit the user had ("how was your stay last week?")."""
    if not any(fld.matches("past_visit") for fld in s.text_fields()):
        yield from _unanchored(s, "survey")


def announcement(s: Subject) -> Iterator[Hit]:
    """News of a product, service, venue or feature, in a sentence about nothing of the user's."""
    if any(fld.matches("essential") for fld in s.text_fields()):
        return
    for fld in s.text_fields():
        own = fld.sentences_with("own")
        for m in fld.matches("announcement"):
            if fld.sentence_at(m.start) not in own:
                yield _hit(fld, m)


def _content_words(fld: Field, enough: int) -> int:
    """How many words say something (not a greeting, small talk, a variable or a name), up to
    `enough`: a long text stops at once."""
    greeting = fld.tokens_within("greeting") | fld.tokens_within("phatic")
    braces = [(p.start, p.end) for p in fld.placeholders]
    found = 0
    for i, token in enumerate(fld.tokens):
        if i in greeting or token.variant or not any(ch.isalpha() for ch in token.form):
            continue
        after_start = i > 0 and fld.tokens[i - 1].sentence == token.sentence
        if after_start and fld.text[token.start].isupper():
            continue  # a name (the company's, a product's) says nothing of the purpose
        if any(a <= token.start and token.end <= b for a, b in braces):
            continue
        found += 1
        if found >= enough:
            break
    return found


def unclear(s: Subject) -> Iterator[Hit]:
    """A template whose words, besides greetings and variables, cannot say why it is sent, or
    that only teases ("we have news for you") and names nothing of the user's own."""
    teaser = next(_unanchored(s, "teaser"), None)
    if teaser is not None:
        yield teaser
        return
    found = 0
    for fld in s.text_fields():
        found += _content_words(fld, CLEAR_WORDS - found)
        if found >= CLEAR_WORDS:
            return
    body = s.body.text
    if body.strip():
        start = len(body) - len(body.lstrip())
        yield Hit("body", start, len(body.rstrip()), {"word": body.strip()[:60]})


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
        if not value or _EMAIL.fullmatch(value.strip()):
            continue  # an address ("sales@firm.ru") names a mailbox, not an offer
        example = Field("examples", value)
        found = [m for name in OFFER_LISTS for m in example.matches(name)]
        if found:
            first = min(found, key=lambda m: m.start)
            yield Hit(
                where, p.start, p.end, {"text": p.text, "word": value[first.start : first.end]}
            )


def persuasive(s: Subject) -> Iterator[Hit]:
    """The persuasion model's verdict (validator/persuasion.py): the sentence that weighs most
    toward marketing, with its two heaviest words."""
    m = model()
    if score(names(s.text_fields()), m.weights, m.bias) < m.threshold:
        return
    found = features(s.text_fields())
    sentences: dict[tuple[str, int], list[Feature]] = {}
    for f in found:
        sentences.setdefault((f.field, f.sentence), []).append(f)

    def weight(group: list[Feature]) -> float:
        return sum(
            max(0.0, m.weights.get(f.name, 0.0)) for f in {f.name: f for f in group}.values()
        )

    (where, _), group = max(sentences.items(), key=lambda kv: weight(kv[1]))
    fld = s.fields[where]
    # features() already leaves greetings out; the anchor flags (a:) are not words
    words = sorted(
        (f for f in group if f.name[0] in "wb" and m.weights.get(f.name, 0.0) > 0),
        key=lambda f: -m.weights.get(f.name, 0.0),
    )
    quoted = SEPARATOR.join(dict.fromkeys(fld.text[f.start : f.end] for f in words[:2]))
    start, end = min(f.start for f in group), max(f.end for f in group)
    yield Hit(where, start, end, {"word": quoted})
