"""Normalise text against evasion and split it into words, keeping a map back to the original.

Steps (each documented in validator/README.md): Unicode NFKC per character and lower case;
zero-width, bidi and other invisible characters removed; strike-through and other combining
marks removed; letters spaced out with one separator (`с к и д к а`, `s.a.l.e`) joined;
Latin/Cyrillic/Greek look-alikes inside a mixed-script word folded to the word's main script;
digits and symbols inside a word (`ск1дка`, `s@le`, `fr33`) give an extra "variant" token.
Every normalised character knows the index of the original character it came from, so a finding
found on normalised text points at the user's own characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Beyond this many characters a field gets only the cheap checks (lengths, placeholders):
# WhatsApp's longest field is 1024 characters, so nothing real is lost, and huge input stays fast.
MAX_ANALYSED = 8192

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\u0300-\u036f\u0483-\u0489"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_LETTER = r"[^\W\d_]"
_SPACED = re.compile(
    rf"(?<![\w@$]){_LETTER}(?:(?P<sep>[ .·*_\-/|]){_LETTER})(?:(?P=sep){_LETTER}){{1,}}(?![\w@$])"
)
# Symbols that may hide inside a word (`ск.идка`, `s@le`, `с🔥кидка`, `ски~дка`).
_INNER = "[.*·'’@$|!\\-_~^/+\u2600-\u27bf\U0001f300-\U0001faff]"
_WORD = re.compile(rf"[@$]?[^\W_]+(?:{_INNER}+[^\W_]+)*")
_ALNUM = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…;\n]+")

_LAT_TO_CYR = str.maketrans("aceopxykmthbiunrαεορτκχ", "асеорхукмтнвиипгаеорткх")
_CYR_TO_LAT = str.maketrans("асеорхукмтнвіјѕԁһαεορτκχ", "aceopxykmthbijsdhaeoptkx")
# Symbols dropped from inside a word whatever its script (`с.к.и.д.к.а`, `dis-count`).
_DROPPED_INSIDE = dict.fromkeys(".*·'’-", "")
# Digits and symbols that stand for letters, per script (`ск1дка`, `d1sc0unt`, `s@le`).
_LEET = {
    "cyr": str.maketrans(
        {
            "0": "о",
            "3": "з",
            "4": "ч",
            "6": "б",
            "8": "в",
            "@": "а",
            "1": "и",
            "$": "с",
            "|": "",
            "!": "и",
            **_DROPPED_INSIDE,
        }
    ),
    "lat": str.maketrans(
        {
            "0": "o",
            "1": "i",
            "3": "e",
            "4": "a",
            "5": "s",
            "7": "t",
            "8": "b",
            "@": "a",
            "$": "s",
            "|": "l",
            "!": "i",
            **_DROPPED_INSIDE,
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the normalised text: its form, its span in the ORIGINAL text and its sentence."""

    form: str
    start: int
    end: int
    sentence: int
    variant: bool = False


@dataclass(frozen=True, slots=True)
class Normal:
    """Normalised text plus, for each of its characters, the original index it came from."""

    text: str
    offsets: tuple[int, ...] | None  # None: identity (fast path)
    length: int  # length of the original text

    def origin(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to the original text."""
        if self.offsets is None:
            return min(start, self.length), min(end, self.length)
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def script(word: str) -> str:
    """'cyr' or 'lat' by the majority of letters (ties go to Cyrillic)."""
    cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in word if ch.isascii() and ch.isalpha())
    return "cyr" if cyr >= lat and cyr else "lat"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if _INVISIBLE.match(ch) or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
        return ""
    return unicodedata.normalize("NFKC", ch).lower().replace("ё", "е")


def _fold(text: str) -> tuple[str, list[int] | None]:
    lowered = text.lower()
    if (
        len(lowered) == len(text)
        and unicodedata.is_normalized("NFKC", text)
        and not _INVISIBLE.search(text)
    ):
        return lowered.replace("ё", "е"), None
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in "\u0306\u0308" and out:  # keep й and ё when typed as base letter + mark
            if out[-1] == "и" and ch == "\u0306":
                out[-1] = "й"
            continue
        folded = _fold_char(ch)
        for piece in folded:
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets


def _join_spaced(text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    if not _SPACED.search(text):
        return text, offsets
    if offsets is None:
        offsets = list(range(len(text)))
    out: list[str] = []
    new_offsets: list[int] = []
    last = 0
    for m in _SPACED.finditer(text):
        out.append(text[last : m.start()])
        new_offsets.extend(offsets[last : m.start()])
        sep = m.group("sep")
        for j in range(m.start(), m.end()):
            if text[j] != sep:
                out.append(text[j])
                new_offsets.append(offsets[j])
        last = m.end()
    out.append(text[last:])
    new_offsets.extend(offsets[last:])
    return "".join(out), new_offsets


# Anything that is not a Cyrillic letter: a word without one is all Cyrillic, nothing to fold.
_NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff]")


def _unmix(word: str) -> str:
    """Fold look-alike letters of a mixed-script word into its main script (same length)."""
    # The common cases first, in C: an ASCII word, or a word all in Cyrillic.
    if word.isascii() or not _NOT_CYRILLIC.search(word):
        return word
    has_cyr = any("\u0400" <= ch <= "\u04ff" for ch in word)
    if not has_cyr:
        return word
    has_other = any((ch.isascii() and ch.isalpha()) or "\u0370" <= ch <= "\u03ff" for ch in word)
    if not has_other:
        return word
    if script(word) == "cyr":
        return word.translate(_LAT_TO_CYR)
    return word.translate(_CYR_TO_LAT)


def normalise(text: str) -> Normal:
    """Normalise a field's text (at most MAX_ANALYSED characters of it) for matching."""
    text = text[:MAX_ANALYSED]
    folded, offsets = _fold(text)
    folded, offsets = _join_spaced(folded, offsets)
    return Normal(folded, None if offsets is None else tuple(offsets), len(text))


def tokenise(normal: Normal) -> list[Token]:
    """Words of the normalised text with original spans; variants for symbol-laden words."""
    text = normal.text
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    tokens: list[Token] = []
    origin = normal.origin
    for m in _WORD.finditer(text):
        word = m.group()
        sentence = bisect_right(ends, m.start())
        bare = word.replace("'", "").replace("’", "")
        if bare.isalpha():  # plain words, and don't / it's as one word
            start, end = origin(m.start(), m.end())
            tokens.append(Token(_unmix(bare), start, end, sentence))
            continue
        for part in _ALNUM.finditer(word):
            start, end = origin(m.start() + part.start(), m.start() + part.end())
            tokens.append(Token(_unmix(part.group()), start, end, sentence))
        letters = sum(1 for ch in word if ch.isalpha())
        if letters >= 2 and not word.replace(".", "").replace(",", "").isdigit():
            unmixed = _unmix(word)
            variant = "".join(
                ch for ch in unmixed.translate(_LEET[script(unmixed)]) if ch.isalnum()
            )
            if variant.isalpha() and variant != word:
                start, end = origin(m.start(), m.end())
                tokens.append(Token(variant, start, end, sentence, variant=True))
    return tokens
