"""Format rules: text-only, links, language, header style, capitals, emoji, markers, duplicates,
and buttons as Meta checks them (`--mode meta`; the provider takes no buttons at all)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from validator.lexicon import entries
from validator.model import BUTTON_TYPES, Button, Hit
from validator.placeholders import strip
from validator.rules.length import count as _count
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
    """A media header or, in provider mode, buttons (the provider accepts text templates only;
    Meta takes buttons, which the button_* rules check in meta mode)."""
    t = s.template
    if t.media:
        yield Hit("media", 0, len(t.media), {"what": t.media})
    if t.buttons and s.mode != "meta":
        text = t.field_text("buttons") or ""
        what = text[:60] or ", ".join(b.type for b in t.buttons)[:60]
        yield Hit("buttons", 0, len(text), {"what": what})


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
    foreign = _LAT if len(lat_words) <= len(cyr_words) else _CYR
    start, end = _longest_run(body.text[: len(body.normal.text) + 64], foreign)
    yield Hit("body", start, end, {"count": minority})


def _longest_run(text: str, foreign: re.Pattern[str]) -> tuple[int, int]:
    """The longest stretch of words in the foreign script, from its first word to its last
    (digits, variables and punctuation between them do not break it): the foreign phrase or
    sentence, not a letter sequence found inside some other word."""
    best = run = (0, 0, 0)  # (words, start, end)
    for m in _WORD.finditer(text):
        if foreign.search(m.group()):
            run = (run[0] + 1, run[1] if run[0] else m.start(), m.end())
            best = max(best, run, key=lambda r: r[0])
        else:
            run = (0, 0, 0)
    return best[1], best[2]


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


# Buttons, as Meta's components page limits them (research/update-2026-11.md §1.5). Checked in
# meta mode only: in provider mode text_only refuses every button. A finding's span is the
# button's label inside the labels joined with ", " (Template.field_text("buttons")).
BUTTONS_MAX = 10
BUTTONS_PER_TYPE = {"URL": 2, "PHONE_NUMBER": 1, "COPY_CODE": 1}
LABEL_MAX = 25
URL_MAX = 2000
PHONE_MAX = 20
COPY_CODE_MAX = 20
# Meta's special button types: real, but built by other flows (authentication, catalogues,
# flows, calls); this checker neither checks nor exports them.
SPECIAL_TYPES = ("OTP", "VOICE_CALL", "MPM", "SPM", "FLOW", "CATALOG")
_URL_PARAMETER = re.compile(r"\{\{[^{}]*\}\}")


def _meta_buttons(s: Subject) -> list[tuple[int, int, Button]]:
    """(start, end, button) for each button, the span being its label in the joined labels;
    empty outside meta mode."""
    if s.mode != "meta":
        return []
    spans, start = [], 0
    for button in s.template.buttons:
        spans.append((start, start + len(button.text), button))
        start += len(button.text) + 2
    return spans


def _label(button: Button) -> str:
    return button.text or button.type


def button_count(s: Subject) -> Iterator[Hit]:
    """More than 10 buttons."""
    buttons = _meta_buttons(s)
    if len(buttons) > BUTTONS_MAX:
        yield Hit("buttons", buttons[BUTTONS_MAX][0], buttons[-1][1], {"count": len(buttons)})


def button_type_count(s: Subject) -> Iterator[Hit]:
    """More URL (2), PHONE_NUMBER (1) or COPY_CODE (1) buttons than Meta allows."""
    buttons = _meta_buttons(s)
    for kind, limit in BUTTONS_PER_TYPE.items():
        same = [(a, b) for a, b, button in buttons if button.type == kind]
        if len(same) > limit:
            args = {"type": kind, "count": len(same), "limit": limit}
            yield Hit("buttons", same[limit][0], same[-1][1], args)


def button_type(s: Subject) -> Iterator[Hit]:
    """A type Meta does not know (error) or a special one this checker does not check (soft)."""
    for start, end, button in _meta_buttons(s):
        if button.type not in BUTTON_TYPES:
            soft = button.type in SPECIAL_TYPES
            yield Hit("buttons", start, end, {"type": button.type[:40]}, soft=soft)


def _missing(button: Button) -> str | None:
    """The first value Meta requires that the button lacks, by its key name."""
    if button.type in ("QUICK_REPLY", "URL", "PHONE_NUMBER") and not button.text.strip():
        return "text"
    if button.type == "URL" and not (button.url or "").strip():
        return "url"
    if button.type == "URL" and _URL_PARAMETER.search(button.url or "") and not button.example:
        return "example"
    if button.type == "PHONE_NUMBER" and not (button.phone_number or "").strip():
        return "phone_number"
    if button.type == "COPY_CODE" and not (button.example or "").strip():
        return "example"
    return None


def button_value_missing(s: Subject) -> Iterator[Hit]:
    """A label, URL, phone number or example that the button's type requires is missing."""
    for start, end, button in _meta_buttons(s):
        if what := _missing(button):
            yield Hit("buttons", start, end, {"type": button.type, "what": what})


def button_label_length(s: Subject) -> Iterator[Hit]:
    """A button label over 25 characters."""
    for start, end, button in _meta_buttons(s):
        n = _count(button.text)
        if n > LABEL_MAX:
            yield Hit("buttons", start + LABEL_MAX, end, {"label": button.text[:40], "count": n})


def button_url_invalid(s: Subject) -> Iterator[Hit]:
    """A URL button's address that is not a full web address (https://…, no spaces)."""
    for start, end, button in _meta_buttons(s):
        url = (button.url or "").strip()
        full = re.match(r"https?://[^\s/]", url, re.I) and not re.search(r"\s", url)
        if button.type == "URL" and url and not full:
            yield Hit("buttons", start, end, {"label": _label(button), "url": url[:80]})


def button_url_length(s: Subject) -> Iterator[Hit]:
    """A URL button's address over 2000 characters."""
    for start, end, button in _meta_buttons(s):
        if button.type == "URL" and (n := _count(button.url or "")) > URL_MAX:
            yield Hit("buttons", start, end, {"label": _label(button), "count": n})


def button_url_variable(s: Subject) -> Iterator[Hit]:
    """More than one parameter in a URL, or one that is not at its very end."""
    for start, end, button in _meta_buttons(s):
        url = (button.url or "").strip()
        found = list(_URL_PARAMETER.finditer(url)) if button.type == "URL" else []
        if len(found) > 1 or (found and found[0].end() != len(url)):
            args = {"label": _label(button), "count": len(found)}
            yield Hit("buttons", start, end, args)


def button_phone_length(s: Subject) -> Iterator[Hit]:
    """A phone number over 20 characters."""
    for start, end, button in _meta_buttons(s):
        phone = (button.phone_number or "").strip()
        if button.type == "PHONE_NUMBER" and (n := _count(phone)) > PHONE_MAX:
            yield Hit("buttons", start, end, {"label": _label(button), "count": n})


def button_copy_code_length(s: Subject) -> Iterator[Hit]:
    """A copy-code example over 20 characters."""
    for start, end, button in _meta_buttons(s):
        code = (button.example or "").strip()
        if button.type == "COPY_CODE" and (n := _count(code)) > COPY_CODE_MAX:
            yield Hit("buttons", start, end, {"count": n})


def button_quick_replies_split(s: Subject) -> Iterator[Hit]:
    """Quick replies not kept together (QUICK_REPLY, URL, QUICK_REPLY): Meta refuses the
    combination."""
    buttons = _meta_buttons(s)
    quick = [i for i, (_, _, button) in enumerate(buttons) if button.type == "QUICK_REPLY"]
    if quick and quick[-1] - quick[0] + 1 != len(quick):
        between = next(i for i in range(quick[0], quick[-1]) if i not in quick)
        yield Hit("buttons", buttons[between][0], buttons[quick[-1]][1], {})
