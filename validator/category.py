"""The category WhatsApp will give a template, decided as Meta's guidelines say.

UTILITY only when both tests pass: (1) nothing promotional or persuasive, (2) about the user's
own transaction, account or request, or essential. Every reason for MARKETING is a promotional
finding (its rule names the cue and its span), so `ok`, the exit status and the category agree.
A one-time code makes AUTHENTICATION. Test 2 alone is not a finding: where no own order,
booking or account is named, the reason says it is a risk worth a look.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from validator.model import Category, Finding, Kind, Severity
from validator.registry import RULES
from validator.rules.promo import ANCHOR_LISTS
from validator.subject import Subject
from validator.texts import localized

Reason = tuple[str, Mapping[str, Any]]


def _promotional(findings: Iterable[Finding]) -> Finding | None:
    return next(
        (f for f in findings if f.kind is Kind.PROMOTIONAL and f.severity is not Severity.INFO),
        None,
    )


def decide(subject: Subject, findings: Iterable[Finding]) -> tuple[Category, Reason]:
    """The category and its reason, from the template's promotional findings and its words."""
    promo = _promotional(findings)
    if promo is not None:
        return Category.MARKETING, ("MARKETING", {"rule": promo.rule, "args": dict(promo.args)})
    for fld in subject.text_fields():
        for m in fld.matches("otp"):
            return Category.AUTHENTICATION, ("AUTHENTICATION", {"word": fld.text[m.start : m.end]})
    for list_name, key in zip(ANCHOR_LISTS, ("UTILITY", "UTILITY_ESSENTIAL"), strict=True):
        for fld in subject.text_fields():
            for m in fld.matches(list_name):
                return Category.UTILITY, (key, {"word": fld.text[m.start : m.end][:60]})
    return Category.UTILITY, ("UTILITY_UNANCHORED", {})


def reason_text(reason: Reason, lang: str) -> str:
    """The category reason in a language (a MARKETING reason quotes its rule's message)."""
    key, args = reason
    lang = lang if lang in ("ru", "en") else "ru"
    if key == "MARKETING":
        args = {"message": RULES[args["rule"]].message(lang, args["args"])}
    return localized("reason_" + key.lower(), lang, args)
