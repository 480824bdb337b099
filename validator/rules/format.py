"""Format rules: text-only, links, language, header style, capitals, emoji, markers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.lexicon import entries
from validator.model import Hit
from validator.placeholders import strip
from validator.subject import Field, Subject

_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u3297\u3299\u00a9\u00ae"
    "\u203c\u2049\u2122\u2139\u2194-\u21aa\U0001f1e6-\U0001f1ff]"
)
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
_LAT = re.compile(r"[a-z]", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:ru|com|рф|net|org|io|me|ly)\b\S*", re.I)
_CAPS_WORD = re.compile(r"\b[^\W\d_a-zа-яё]{3,}\b")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MARKERS = {"*": "bold", "_": "italic", "~": "strike"}

MIN_LETTERS = 12  # below this the language of a text cannot be told
MIXED_SHARE = 0.25  # the other script's share of words that makes a text "mixed"
MIXED_WORDS = 3
CAPS_WORDS = 3
CAPS_SHARE = 0.3
EMOJI_MAX = 3


def text_only(s: Subject) -> Iterator[Hit]:
    """A media header or buttons (the provider accepts text templates only)."""
    t = s.template
    if t.media:
        yield Hit("media", 0, len(t.media), {"what": t.media})
    if t.buttons:
        text = ", ".join(t.buttons)
        yield Hit("buttons", 0, len(text), {"what": text[:60]})


def _scripts(fld: Field) -> tuple[int, int, list[re.Match[str]], list[re.Match[str]]]:
    fixed = _URL.sub(" ", strip(fld.normal.text))
    words = _WORD.findall(fixed)
    cyr_words = [w for w in words if _CYR.search(w)]
    lat_words = [w for w in words if _LAT.search(w) and not _CYR.search(w)]
    return len(_CYR.findall(fixed)), len(_LAT.findall(fixed)), cyr_words, lat_words


def _expected(language: str | None) -> str | None:
    if not language:
        return None
    code = language.strip().lower().replace("-", "_").split("_", 1)[0]
    if code in ("ru", "uk", "be", "kk", "bg", "sr", "ky", "tg", "uz_cyrl"):
        return "cyr"
    if code in ("en", "es", "pt", "de", "fr", "it", "id", "tr", "nl", "pl", "uz"):
        return "lat"
    return None


def language_mismatch(s: Subject) -> Iterator[Hit]:
    """The text is written in another language than the template declares."""
    expected = _expected(s.template.language)
    body = s.body
    if expected is None:
        return
    cyr, lat, _, _ = _scripts(body)
    mine, other = (cyr, lat) if expected == "cyr" else (lat, cyr)
    if mine + other >= MIN_LETTERS and mine < other:
        found = "ru" if expected == "lat" else "en"
        yield Hit("body", 0, len(body.text), {"declared": s.template.language, "found": found})


def mixed_language(s: Subject) -> Iterator[Hit]:
    """The text mixes Russian and English (a few brand names are fine)."""
    body = s.body
    _, _, cyr_words, lat_words = _scripts(body)
    minority = min(len(cyr_words), len(lat_words))
    total = len(cyr_words) + len(lat_words)
    if minority < MIXED_WORDS or minority < MIXED_SHARE * total:
        return
    expected = _expected(s.template.language)
    if expected is not None and (len(cyr_words) < len(lat_words)) == (expected == "cyr"):
        return  # the whole text is in the wrong language: language_mismatch says so
    words = lat_words if len(lat_words) <= len(cyr_words) else cyr_words
    first = words[0]
    start = body.text.lower().find(first)
    start = max(start, 0)
    yield Hit("body", start, min(start + len(first), len(body.text)), {"count": minority})


def header_formatting(s: Subject) -> Iterator[Hit]:
    """Emoji, formatting markers or a line break in the header."""
    header = s.fields.get("header")
    if header is None:
        return
    for m in re.finditer(r"[*_~`\n]", strip(header.text)):
        yield Hit("header", m.start(), m.end(), {"what": m.group().replace("\n", "\\n")})
        return
    m = _EMOJI.search(header.text)
    if m:
        yield Hit("header", m.start(), m.end(), {"what": m.group()})


def shouting(s: Subject) -> Iterator[Hit]:
    """Several words in capitals (not counting known abbreviations)."""
    body = s.body
    allowed = entries("acronyms")
    text = body.text[: len(body.normal.text) + 64]
    caps = [m for m in _CAPS_WORD.finditer(text) if m.group().lower() not in allowed]
    words = len(_WORD.findall(text))
    if len(caps) >= CAPS_WORDS and len(caps) >= CAPS_SHARE * words:
        yield Hit("body", caps[0].start(), caps[-1].end(), {"count": len(caps)})


def emoji_flood(s: Subject) -> Iterator[Hit]:
    """More than three emoji in the body."""
    body = s.body
    found = list(_EMOJI.finditer(body.text[:8192]))
    if len(found) > EMOJI_MAX:
        yield Hit("body", found[0].start(), found[-1].end(), {"count": len(found)})


def _markers(line: str, marker: str) -> list[int]:
    """Positions where a marker can open or close: a letter or digit on exactly one side."""
    found = []
    for i, ch in enumerate(line):
        if ch == marker:
            before = i > 0 and line[i - 1].isalnum()
            after = i + 1 < len(line) and line[i + 1].isalnum()
            if before != after:
                found.append(i)
    return found


def unbalanced_markers(s: Subject) -> Iterator[Hit]:
    """A *bold*, _italic_ or ~strike~ marker without its pair on the same line."""
    for fld in s.text_fields():
        text = fld.text[:8192]
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
        masked = re.sub(r"\{\{[^{}]*\}\}", lambda m: " " * len(m.group()), masked)
        offset = 0
        for line in masked.split("\n"):
            for marker, style in _MARKERS.items():
                found = _markers(line, marker)
                if len(found) % 2:
                    i = offset + found[-1]
                    yield Hit(fld.name, i, i + 1, {"marker": marker, "style": style})
            offset += len(line) + 1
