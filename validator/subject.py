"""The template under check, analysed once: each text field normalised, split into words and
matched against every word list in a single pass; rule functions read from here."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from validator.lexicon import Match, find_all
from validator.model import TEXT_FIELDS, Category, Template
from validator.placeholders import Placeholder, scan, valid
from validator.text import Normal, Token, normalise, tokenise

# Placeholders are looked for in the first 64 KiB of a field (64 times the body limit).
MAX_SCANNED = 65536
# Quoted words: a name («Деревенская корзина», "Basket & Co") or a quoted line of text.
_QUOTED = re.compile(r"«[^«»]{1,60}»|\u201c[^\u201c\u201d]{1,60}\u201d|\"[^\"]{1,60}\"")


def _apart(hits: list[Match], spans: list[tuple[int, int]]) -> list[Match]:
    """The hits that overlap none of the spans."""
    return [m for m in hits if not any(m.start < b and a < m.end for a, b in spans)]


class Field:
    """One text field (header, body or footer) and everything derived from it, computed lazily."""

    def __init__(self, name: str, text: str) -> None:
        """Wrap a field's original text."""
        self.name = name
        self.text = text

    @cached_property
    def placeholders(self) -> list[Placeholder]:
        """Every brace run in the field (valid or not), in order."""
        text = self.text[:MAX_SCANNED]
        if "{" not in text and "}" not in text:
            return []
        return scan(text)

    @cached_property
    def normal(self) -> Normal:
        """The normalised text with its offset map."""
        return normalise(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        """Words of the normalised text, spans in the original text."""
        return tokenise(self.normal)

    @cached_property
    def hits(self) -> dict[str, list[Match]]:
        """All word-list hits, by list name."""
        return find_all(self.normal, self.tokens)

    @cached_property
    def _sentence_marks(self) -> tuple[list[int], list[int]]:
        return [t.start for t in self.tokens], [t.sentence for t in self.tokens]

    def sentence_at(self, index: int) -> int:
        """The sentence number of the word at or before an original index."""
        starts, sentences = self._sentence_marks
        i = bisect_right(starts, index) - 1
        return sentences[i] if i >= 0 else 0

    def matches(self, list_name: str) -> list[Match]:
        """Hits of one word list in this field."""
        return self.hits.get(list_name, [])

    def unquoted(self, hits: list[Match]) -> list[Match]:
        """The hits that do not reach into quoted words (a shop called «Корзина», a card that
        will read "Happy birthday!"); the quotes are looked for only when there are hits."""
        if not hits:
            return hits
        return _apart(hits, [q.span() for q in _QUOTED.finditer(self.text)])

    def outside(self, hits: list[Match], list_name: str) -> list[Match]:
        """The hits that do not reach into another word list's hits (an order named inside a
        closing signature, "Ваша школа «Лексика»")."""
        if not hits:
            return hits
        return _apart(hits, [(m.start, m.end) for m in self.matches(list_name)])

    def sentences_with(self, list_name: str) -> set[int]:
        """The sentence numbers in which a word list has a hit."""
        return {self.sentence_at(m.start) for m in self.matches(list_name)}

    def tokens_within(self, list_name: str) -> set[int]:
        """Indexes of the words that lie inside a word list's hits (e.g. the greetings)."""
        starts, _ = self._sentence_marks
        inside: set[int] = set()
        for m in self.matches(list_name):
            i = bisect_left(starts, m.start)
            while i < len(starts) and self.tokens[i].end <= m.end:
                inside.add(i)
                i += 1
        return inside


class Subject:
    """A template plus its analysed text fields: what every rule function receives."""

    def __init__(
        self, template: Template, mode: str = "provider", duplicate_of: str | None = None
    ) -> None:
        """Prepare the lazily analysed fields of a template."""
        self.template = template
        self.mode = mode
        # The decided category and its reason, set between the two passes of the rules.
        self.judgement: tuple[Category, tuple[str, Any]] | None = None
        # The earlier template of the same batch with the same wording, if any (set by the batch
        # step, validator/batch.py; a lone check() has none).
        self.duplicate_of = duplicate_of
        self.fields = {
            name: Field(name, text)
            for name in TEXT_FIELDS
            if (text := getattr(template, name)) is not None
        }

    @property
    def body(self) -> Field:
        """The body field (always present, possibly empty)."""
        return self.fields["body"]

    def text_fields(self) -> list[Field]:
        """Header, body and footer that are present, in display order."""
        return list(self.fields.values())

    def examples(self) -> Iterator[tuple[str, Placeholder, str | None]]:
        """Each distinct valid variable (first occurrence) with its field's name and its example
        value, if any: the body's variables, then the header's first (its example is apart)."""
        seen: set[str] = set()
        for p in valid(self.body.placeholders):
            if p.name is None or p.name in seen:
                continue
            seen.add(p.name)
            yield "body", p, self.template.example_for(p.name)
        header = self.fields.get("header")
        named = [p for p in valid(header.placeholders) if p.name is not None] if header else []
        if named:
            yield "header", named[0], self.template.header_example
