"""Word lists (validator/data/<lang>/<list>.txt), loaded once and matched on stems in one pass.

A list line is one of: a word or phrase (each word stemmed with Snowball, Russian for Cyrillic
and English for Latin, so one form covers its inflections); `=form` (this exact word form, not
stemmed); `*` inside a phrase (any one word); `!phrase` (an exception: a hit inside it is
dropped, e.g. `!toll free`); `re:<regex>` (matched on the normalised text). `#` starts a
comment. Lists of the same name in every language are merged: a Russian template that says
"SALE" is still caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

# The two stemmer modules, not the package's stemmer() factory: snowballstemmer's __init__
# imports all of its 30-odd languages, which the browser archive leaves out (checker_assets.py).
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from validator.literals import Needs, required_literals
from validator.text import Normal, Token, script

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("ru", "en", "common")

_STEMMERS = {"cyr": RussianStemmer(), "lat": EnglishStemmer()}
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """Snowball stem of a lower-case word (Russian or English by its letters), memoised."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        found = _STEMMERS[script(word)].stemWord(word) if len(word) > 2 else word
        _STEMS[word] = found
    return found


@dataclass(frozen=True, slots=True)
class Match:
    """One list hit: its span in the original field text and the list entry that matched."""

    start: int
    end: int
    entry: str


@dataclass(frozen=True, slots=True)
class _Entry:
    list: str
    text: str
    keys: tuple[str, ...]  # per word: stem, "=form" for exact, "*" for any
    exception: bool


def _keys(text: str) -> tuple[str, ...]:
    """The match keys of a list entry: a stem per word, `=form` as is, `*` for any word."""
    from validator.text import normalise, tokenise

    keys: list[str] = []
    for word in text.split():
        if word == "*" or word.startswith("="):
            keys.append(word)
        else:
            keys.extend(stem(t.form) for t in tokenise(normalise(word)) if not t.variant)
    return tuple(keys)


def _read(path: Path, name: str) -> tuple[list[_Entry], list[str]]:
    entries: list[_Entry] = []
    patterns: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("re:") else raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            patterns.append(line[3:].strip())
            continue
        exception = line.startswith("!")
        text = line.lstrip("!").strip().lower()
        keys = _keys(text)
        if keys:
            entries.append(_Entry(name, text, keys, exception))
    return entries, patterns


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every list of every language, indexed by the keys of each entry's first two words (the
    second is None for a one-word entry): "your" begins a hundred phrases, and a text checks
    only those whose second word follows it."""

    index: dict[str, dict[str | None, tuple[_Entry, ...]]]
    texts: dict[str, frozenset[str]]
    patterns: dict[str, tuple[tuple[str, Needs], ...]]  # per list: each regex line, its literals
    literals: tuple[str, ...]  # every regex line's literals, looked up once per text
    names: frozenset[str]
    longest: int  # the most words in one entry


@cache
def lexicons() -> Lexicons:
    """Load all word lists once."""
    index: dict[str, dict[str | None, list[_Entry]]] = {}
    patterns: dict[str, list[str]] = {}
    names: set[str] = set()
    texts: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for path in sorted((DATA / lang).glob("*.txt")):
            name = path.stem
            names.add(name)
            entries, pats = _read(path, name)
            texts.setdefault(name, set()).update(e.text for e in entries if not e.exception)
            for entry in entries:
                second = entry.keys[1] if len(entry.keys) > 1 else None
                index.setdefault(entry.keys[0], {}).setdefault(second, []).append(entry)
            patterns.setdefault(name, []).extend(pats)
    for pats in patterns.values():
        for p in pats:
            re.compile(p)  # a broken line fails at load, not on the first text that has its literal
    regexes = {
        name: tuple((p, required_literals(p)) for p in pats)
        for name, pats in patterns.items()
        if pats
    }
    return Lexicons(
        {k: {k2: tuple(v2) for k2, v2 in v.items()} for k, v in index.items()},
        {k: frozenset(v) for k, v in texts.items()},
        regexes,
        tuple(
            sorted({s for lines in regexes.values() for _, needs in lines if needs for s in needs})
        ),
        frozenset(names),
        max((len(e.keys) for v in index.values() for es in v.values() for e in es), default=1),
    )


def entries(name: str) -> frozenset[str]:
    """The plain entries of a list in every language (for rules that look words up as is)."""
    return lexicons().texts.get(name, frozenset())


def _key_matches(key: str, token: Token, token_stem: str) -> bool:
    if key == "*":
        return True
    if key[0] == "=":
        return token.form == key[1:]
    return token_stem == key


def _sequences(tokens: list[Token]) -> Iterable[list[Token]]:
    """Plain words; and, when some word had symbols in it, the words with variants instead."""
    plain = [t for t in tokens if not t.variant]
    yield plain
    variants = [t for t in tokens if t.variant]
    if variants:
        covered = [(v.start, v.end) for v in variants]
        seq = [t for t in plain if not any(a <= t.start and t.end <= b for a, b in covered)]
        seq.extend(variants)
        seq.sort(key=lambda t: (t.start, -t.end))
        yield seq


def _candidates(lex: Lexicons, stems: list[str], exact: list[str], i: int) -> list[_Entry]:
    """The entries that may start at word i: by its stem or exact form, then the next word's."""
    found: list[_Entry] = []
    following: tuple[str | None, ...] = (None, "*")
    if i + 1 < len(stems):
        following += (stems[i + 1], exact[i + 1])
    for first in (stems[i], exact[i]):
        group = lex.index.get(first)
        if group:
            for second in following:
                found.extend(group.get(second, ()))
    return found


@lru_cache(maxsize=1024)
def _alternation(lines: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a list's lines that may match: dropping a line that cannot match anywhere
    in the text leaves the leftmost-first matches of the whole alternation unchanged."""
    return re.compile("|".join(f"(?:{p})" for p in lines))


def find_all(normal: Normal, tokens: list[Token]) -> dict[str, list[Match]]:
    """All list hits in one field, by list name, each list's exceptions already applied."""
    lex = lexicons()
    found: dict[str, list[Match]] = {}
    excepted: dict[str, list[tuple[int, int]]] = {}
    seen: set[tuple[str, int, int]] = set()
    for number, seq in enumerate(_sequences(tokens)):
        stems = [stem(t.form) for t in seq]
        exact = ["=" + t.form for t in seq]
        starts = range(len(seq))
        if number:  # the variant reading: only phrases that take in a variant are new
            near = {
                i for j, t in enumerate(seq) if t.variant for i in range(j - lex.longest, j + 1)
            }
            starts = sorted(i for i in near if 0 <= i < len(seq))
        for i in starts:
            token = seq[i]
            candidates = _candidates(lex, stems, exact, i)
            for entry in candidates:
                n = len(entry.keys)
                if i + n > len(seq) or any(
                    seq[i + k].sentence != token.sentence
                    or not _key_matches(entry.keys[k], seq[i + k], stems[i + k])
                    for k in range(1, n)
                ):
                    continue
                span = (token.start, seq[i + n - 1].end)
                if entry.exception:
                    excepted.setdefault(entry.list, []).append(span)
                elif (entry.list, *span) not in seen:
                    seen.add((entry.list, *span))
                    found.setdefault(entry.list, []).append(Match(*span, entry.text))
    text = normal.text
    present = {s for s in lex.literals if s in text}
    for name, lines in lex.patterns.items():
        possible = tuple(p for p, needs in lines if needs is None or not needs.isdisjoint(present))
        if not possible:
            continue
        for m in _alternation(possible).finditer(text):
            if m.end() > m.start():
                start, end = normal.origin(m.start(), m.end())
                found.setdefault(name, []).append(Match(start, end, m.group()))
    for name, spans in excepted.items():
        if name in found:
            found[name] = [
                m for m in found[name] if not any(a <= m.start and m.end <= b for a, b in spans)
            ]
    return found
