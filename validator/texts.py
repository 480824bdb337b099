"""The validator's own ru/en texts besides the rule cards (validator/texts.toml): category
reasons, file and request errors, the CLI's summary line; filled in one language."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from validator.plural import fill_counted

TEXTS = Path(__file__).resolve().parent / "texts.toml"


@cache
def _texts() -> dict[str, dict[str, str]]:
    return tomllib.loads(TEXTS.read_text(encoding="utf-8"))


def category_name(code: str, lang: str) -> str:
    """A template category as Meta's interface names it ("Служебный", "Utility"), else as is."""
    pair = _texts().get(f"category_{str(code).lower()}")
    return pair.get(lang, pair["en"]) if pair else str(code)


def localized(key: str, lang: str, args: Mapping[str, Any] | None = None) -> str:
    """The text `key` in `lang` (English for a language it lacks), its arguments filled in."""
    pair = _texts()[key]
    return fill_counted(pair.get(lang, pair["en"]), args or {})
