"""Find WhatsApp placeholders (`{{1}}`, `{{order_id}}`) and malformed brace runs in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A brace run with what it encloses (at most 40 characters, one line), or a lone run of braces.
_CANDIDATE = re.compile(r"\{+[^{}\n]{0,40}\}+|\{+|\}+")
_VALID = re.compile(r"\{\{(?:(?P<num>[1-9][0-9]{0,2})|(?P<name>[a-z][a-z0-9_]{0,59}))\}\}")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder or a malformed brace run, with its span in the field's original text."""

    text: str
    start: int
    end: int
    name: str | None  # "1", "order_id"; None when malformed

    @property
    def positional(self) -> bool:
        """True for `{{1}}`-style placeholders."""
        return self.name is not None and self.name.isdigit()


def scan(text: str) -> list[Placeholder]:
    """Every brace run in order: valid placeholders carry a name, malformed ones None."""
    found = []
    for m in _CANDIDATE.finditer(text):
        valid = _VALID.fullmatch(m.group())
        name = (valid.group("num") or valid.group("name")) if valid else None
        found.append(Placeholder(m.group(), m.start(), m.end(), name))
    return found


def valid(placeholders: list[Placeholder]) -> list[Placeholder]:
    """Only the well-formed placeholders."""
    return [p for p in placeholders if p.name is not None]


def strip(text: str) -> str:
    """The fixed text: the field with every brace run replaced by a space."""
    return _CANDIDATE.sub(" ", text)
