"""Length limits, counted as WhatsApp counts: UTF-16 code units, placeholders as written."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Hit
from validator.subject import Subject

LIMITS = {"body": 1024, "header": 60, "footer": 60}


def count(text: str) -> int:
    """Characters as WhatsApp counts them (UTF-16 code units: an emoji outside the BMP is 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cut(text: str, limit: int) -> int:
    """The index of the first character beyond the limit."""
    if text.isascii() or (count(text[:limit]) == limit and count(text) == len(text)):
        return limit
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return i
    return len(text)


def _over(s: Subject, name: str) -> Iterator[Hit]:
    fld = s.fields.get(name)
    if fld is None:
        return
    limit = LIMITS[name]
    n = count(fld.text)
    if n > limit:
        yield Hit(name, _cut(fld.text, limit), len(fld.text), {"count": n, "limit": limit})


def body(s: Subject) -> Iterator[Hit]:
    """The body is longer than 1024 characters."""
    yield from _over(s, "body")


def header(s: Subject) -> Iterator[Hit]:
    """The text header is longer than 60 characters."""
    yield from _over(s, "header")


def footer(s: Subject) -> Iterator[Hit]:
    """The footer is longer than 60 characters."""
    yield from _over(s, "footer")


def body_empty(s: Subject) -> Iterator[Hit]:
    """The body is missing or blank."""
    if not s.body.text.strip():
        yield Hit("body", 0, len(s.body.text))
