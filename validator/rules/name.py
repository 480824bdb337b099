"""Template name rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.model import Hit
from validator.subject import Subject

NAME = re.compile(r"[a-z0-9_]{1,512}")
_VAGUE = re.compile(r"(?:test|testing|template|tmp|temp|untitled|new|sample|draft|shablon)?_*\d*")
_TRANSLIT = str.maketrans(
    dict(zip("абвгдезийклмнопрстуфхцыэ", "abvgdezijklmnoprstufhcye", strict=True))
    | {
        "ё": "e",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ю": "yu",
        "я": "ya",
        "ъ": "",
        "ь": "",
    }
)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "_", name.lower().translate(_TRANSLIT)).strip("_")
    return slug[:512] or "order_update"


def format(s: Subject) -> Iterator[Hit]:
    """The name is not lowercase Latin letters, digits and underscores, 1–512 long."""
    name = s.template.name
    if name is None or NAME.fullmatch(name):
        return
    bad = next((i for i, ch in enumerate(name) if not NAME.fullmatch(ch)), 512)
    end = len(name) if bad >= 512 or not name else bad + 1
    yield Hit("name", min(bad, len(name)), end, {"name": name[:80]}, _slug(name))


def vague(s: Subject) -> Iterator[Hit]:
    """The name says nothing about the message (test, template_014…)."""
    name = s.template.name
    if name and NAME.fullmatch(name) and _VAGUE.fullmatch(name):
        yield Hit("name", 0, len(name), {"name": name})
