"""Length limits, counted as WhatsApp counts: UTF-16 code units, placeholders as written."""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Hit, Template
from validator.placeholders import valid
from validator.subject import Field, Subject

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


def substituted_counts(body: Field, template: Template) -> dict[str, int]:
    """The body's length as sent: `body_with_examples` with each variable replaced by its
    example, `body_longest` by the longest value it may take (its user-set maximum, else its
    example). A variable with neither counts as written."""
    base = count(body.text)
    with_examples = longest = base
    for p in valid(body.placeholders):
        example = template.example_for(p.name or "")
        example_count = count(example) if example is not None else len(p.text)
        cap = template.max_length_for(p.name or "")
        with_examples += example_count - len(p.text)
        longest += (cap if cap is not None else example_count) - len(p.text)
    return {"body_with_examples": with_examples, "body_longest": longest}


def body_substituted(s: Subject) -> Iterator[Hit]:
    """The body fits, but filled in with the examples or the longest values it passes 1024."""
    limit = LIMITS["body"]
    found = valid(s.body.placeholders)
    if not found or count(s.body.text) > limit:
        return  # nothing to fill in, or length.body already says so
    figures = substituted_counts(s.body, s.template)
    if max(figures.values()) > limit:
        args = {
            "count": max(figures.values()),
            "limit": limit,
            "examples": figures["body_with_examples"],
            "longest": figures["body_longest"],
        }
        yield Hit("body", found[0].start, found[-1].end, args)
