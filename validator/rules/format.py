"""Format rules: text-only, links, language, header style, capitals, emoji, markers, duplicates."""

from __future__ import annotations

import bisect
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


def duplicate_body(s: Subject) -> Iterator[Hit]:
    """The same body and footer as an earlier template of the batch. A batch rule: the batch
    step (validator/batch.py) finds the earlier template before the rules run; a lone check()
    has none, so nothing is found."""
    if s.duplicate_of is not None:
        yield Hit("body", 0, len(s.body.text), {"earlier": s.duplicate_of})


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


_HEADER_MARKDOWN = re.compile(r"[*_~`]")
_HEADER_SOFT = re.compile(rf"\n|{_EMOJI.pattern}")


def header_formatting(s: Subject) -> Iterator[Hit]:
    """A Markdown character in the header (Meta forbids them there); an emoji or a line break
    (only providers say so: a soft, warning hit). The first of each."""
    header = s.fields.get("header")
    if header is None:
        return
    # Placeholders blanked out at their own length, so {{order_id}}'s underscore is no marker.
    text = re.sub(r"\{\{[^{}]*\}\}", lambda m: " " * len(m.group()), header.text[:8192])
    for pattern, soft in ((_HEADER_MARKDOWN, False), (_HEADER_SOFT, True)):
        m = pattern.search(text)
        if m:
            what = m.group().replace("\n", "\\n")
            yield Hit("header", m.start(), m.end(), {"what": what}, soft=soft)


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


# WhatsApp's inline formatting as the checker page's preview draws it (docs/assets/checker/
# view.mjs, FORMAT): ```monospace```, and *bold*, _italic_, ~strike~ pairs that hug their
# text and touch no letter or digit outside; pairs nest. Scanned without a regex, which would
# backtrack over every opener of a long line (quadratic).
_MONO = "```"
_SPOT = re.compile(r"[*_~`]")


def _paired(line: str, spots: list[int]) -> set[int]:
    """Positions of markers that format (pairs, nested pairs) or sit inside ```monospace```;
    ``spots`` are the positions of every marker and backtick in the line, in order."""
    closers: dict[str, list[int]] = {marker: [] for marker in _MARKERS}
    for j in spots:
        ch = line[j]
        hugs = ch in closers and j > 1 and not line[j - 1].isspace()
        if hugs and (j + 1 == len(line) or not line[j + 1].isalnum()):
            closers[ch].append(j)
    taken: set[int] = set()

    def scan(start: int, end: int) -> None:
        k = bisect.bisect_left(spots, start)
        while k < len(spots) and spots[k] < end:
            i = spots[k]
            if line.startswith(_MONO, i):
                close = line.find(_MONO, i + len(_MONO) + 1, end)
                if close != -1 and close + len(_MONO) <= end:
                    after = bisect.bisect_left(spots, close + len(_MONO))
                    taken.update(spots[k:after])
                    k = after
                    continue
            ch = line[i]
            opens = (
                ch in closers
                and i + 1 < end
                and not line[i + 1].isspace()
                and (i == 0 or not line[i - 1].isalnum())
            )
            if opens:
                candidates = closers[ch]
                c = bisect.bisect_left(candidates, i + 2)
                if c < len(candidates) and candidates[c] < end:
                    close = candidates[c]
                    taken.update((i, close))
                    scan(i + 1, close)
                    k = bisect.bisect_right(spots, close)
                    continue
            k += 1

    scan(0, len(line))
    return taken


def _stray(line: str, marker: str, spots: list[int], paired: set[int]) -> int | None:
    """The first marker without a pair that hugs text on one side only (not in snake_case,
    not alone between spaces, not a card's last digits written as *4821), or None."""
    for i in spots:
        if line[i] == marker and i not in paired:
            before = i > 0 and not line[i - 1].isspace()
            after = i + 1 < len(line) and not line[i + 1].isspace()
            masked_digits = marker == "*" and not before and after and line[i + 1].isdigit()
            if before != after and not masked_digits:
                return i
    return None


def unbalanced_markers(s: Subject) -> Iterator[Hit]:
    """A *bold*, _italic_ or ~strike~ marker without its pair on the same line."""
    for fld in s.text_fields():
        text = fld.text[:8192]
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
        masked = re.sub(r"\{\{[^{}]*\}\}", lambda m: "0" * len(m.group()), masked)
        offset = 0
        for line in masked.split("\n"):
            spots = [m.start() for m in _SPOT.finditer(line)]
            paired = _paired(line, spots) if spots else set()
            for marker, style in _MARKERS.items():
                i = _stray(line, marker, spots, paired)
                if i is not None:
                    where = offset + i
                    yield Hit(fld.name, where, where + 1, {"marker": marker, "style": style})
            offset += len(line) + 1
