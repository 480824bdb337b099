"""Placeholder rules: syntax, numbering, position, density and example values."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

from validator.model import Hit
from validator.placeholders import strip, valid
from validator.subject import Subject

# Twilio's published guidance (not Meta's, which names no number, hence a warning):
# x variables need at least 2x + 1 words of fixed text.
WORDS_PER_VARIABLE = 2
_FIXED_WORD = re.compile(r"\w*[^\W\d_]\w*")
# What a malformed placeholder probably meant: a number, or a name with capitals, hyphens or
# spaces (`{{Order-Id}}`, `{{ order id }}` → `{{order_id}}`).
_INNER = re.compile(r"\s*(?:(\d+)|([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*))\s*")
# Meta: names are "composed of lowercase characters and underscores"; whatsapp-api-js also caps
# them at 20 characters. Neither digits nor the cap is confirmed by Meta, hence a warning.
NAME_MAX = 20


def _suggest(text: str) -> str | None:
    inner = _INNER.fullmatch(text.strip("{}"))
    if not inner:
        return None
    number, name = inner.groups()
    return "{{" + (str(int(number)) if number else re.sub("[- ]", "_", name.lower())) + "}}"


def syntax(s: Subject) -> Iterator[Hit]:
    """Malformed placeholders: braces, spaces, symbols or capitals (mixed styles: mixed_styles)."""
    for fld in s.text_fields():
        for p in fld.placeholders:
            if p.name is None:
                yield Hit(fld.name, p.start, p.end, {"text": p.text}, _suggest(p.text))


def mixed_styles(s: Subject) -> Iterator[Hit]:
    """Numbered and named variables in one template (Meta's parameter_format is one or the
    other); the variables of the less used style are marked."""
    found = [(fld, p) for fld in s.text_fields() for p in valid(fld.placeholders)]
    numbered = [p for _, p in found if p.positional]
    named = [p for _, p in found if not p.positional]
    if not numbered or not named:
        return
    fewer_named = len(named) <= len(numbered)
    for fld, p in found:
        if p.positional != fewer_named:
            args = {"numbered": (p if p.positional else numbered[0]).text}
            args["named"] = (named[0] if p.positional else p).text
            yield Hit(fld.name, p.start, p.end, args)


def named_digits_or_long(s: Subject) -> Iterator[Hit]:
    """A named variable with digits or longer than 20 characters."""
    for fld in s.text_fields():
        for p in valid(fld.placeholders):
            name = p.name or ""
            if not p.positional and (len(name) > NAME_MAX or any(c.isdigit() for c in name)):
                yield Hit(fld.name, p.start, p.end, {"text": p.text, "length": len(name)})


def not_sequential(s: Subject) -> Iterator[Hit]:
    """Positional numbers that do not run 1, 2, 3… without gaps (each field numbered alone)."""
    for fld in s.text_fields():
        numbered = [p for p in valid(fld.placeholders) if p.positional]
        numbers = sorted({int(p.name) for p in numbered if p.name})
        expected = list(range(1, len(numbers) + 1))
        if numbers == expected:
            continue
        missing = ", ".join(f"{{{{{n}}}}}" for n in expected if n not in numbers)
        for p in numbered:
            if int(p.name or 0) > len(numbers):
                yield Hit(fld.name, p.start, p.end, {"text": p.text, "missing": missing})


def at_start(s: Subject) -> Iterator[Hit]:
    """The body begins with a variable (not in AUTHENTICATION: Meta writes that body itself,
    and it opens with the code)."""
    if (s.template.category or "").strip().upper() == "AUTHENTICATION":
        return
    body = s.body
    stripped = len(body.text) - len(body.text.lstrip())
    for p in body.placeholders[:1]:
        if p.start == stripped and p.name is not None:
            yield Hit("body", p.start, p.end, {"text": p.text})


def at_end(s: Subject) -> Iterator[Hit]:
    """The body ends with a variable (only punctuation after it: a softer warning)."""
    body = s.body
    found = valid(body.placeholders[-1:])
    if not found:
        return
    p = found[0]
    tail = body.text[p.end :].strip()
    if not tail:
        yield Hit("body", p.start, p.end, {"text": p.text})
    elif not any(ch.isalnum() for ch in tail) and "{" not in tail:
        yield Hit("body", p.start, p.end, {"text": p.text}, soft=True)


def _separates(gap: str) -> bool:
    """Meta's test: text or punctuation between two variables; spaces and invisible format
    characters (a zero-width space) are neither."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in gap)


def adjacent(s: Subject) -> Iterator[Hit]:
    """Two variables without text or punctuation between them (Meta's INVALID_FORMAT reason)."""
    for fld in s.text_fields():
        found = valid(fld.placeholders)
        for a, b in itertools.pairwise(found):
            if not _separates(fld.text[a.end : b.start]):
                yield Hit(fld.name, a.start, b.end, {"first": a.text, "second": b.text})


def too_many(s: Subject) -> Iterator[Hit]:
    """Fewer than 2x + 1 words of fixed text for x variables in the body."""
    body = s.body
    found = valid(body.placeholders)
    if not found:
        return
    words = len(_FIXED_WORD.findall(strip(body.text)))
    needed = WORDS_PER_VARIABLE * len(found) + 1
    if words < needed:
        yield Hit(
            "body",
            found[0].start,
            found[-1].end,
            {"count": len(found), "words": words, "needed": needed},
        )


def no_example(s: Subject) -> Iterator[Hit]:
    """A variable (body or header) without an example value."""
    for where, p, value in s.examples():
        if value is None or not value.strip():
            yield Hit(where, p.start, p.end, {"text": p.text})


def header_many(s: Subject) -> Iterator[Hit]:
    """More than one variable in the header."""
    header = s.fields.get("header")
    if header is None:
        return
    found = [p for p in header.placeholders if p.name is not None]
    for p in found[1:]:
        yield Hit("header", p.start, p.end, {"text": p.text, "count": len(found)})


def in_footer(s: Subject) -> Iterator[Hit]:
    """Any variable in the footer."""
    footer = s.fields.get("footer")
    if footer is None:
        return
    for p in footer.placeholders:
        if p.name is not None:
            yield Hit("footer", p.start, p.end, {"text": p.text})


def example_whitespace(s: Subject) -> Iterator[Hit]:
    """An example value with a line break, a tab or more than four spaces in a row."""
    for where, p, value in s.examples():
        if value and ("\n" in value or "\t" in value or "     " in value):
            yield Hit(where, p.start, p.end, {"text": p.text})
