"""Filling ru/en texts, and the validator's own texts besides the rule cards (texts.toml):
category reasons, file and request errors, the CLI's summary line, Meta's category names."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from validator.plural import plural

TEXTS = Path(__file__).resolve().parent / "texts.toml"


@cache
def _texts() -> dict[str, dict[str, str]]:
    return tomllib.loads(TEXTS.read_text(encoding="utf-8"))


def category_name(code: str, lang: str) -> str:
    """A template category as Meta's interface names it ("Служебный", "Utility"), else as is."""
    pair = _texts().get(f"category_{str(code).lower()}")
    return pair.get(lang, pair["en"]) if pair else str(code)


# {name} is an argument, {count:символ|символа|символов} a counted one (validator.plural),
# {judged:category} a category code named as Meta names it in the text's language;
# {{1}} is WhatsApp's own placeholder and stays as written.
_ARG = re.compile(r"(?<!\{)\{([a-z_]+)(?::([^{}:]+))?\}(?!\})")


def placeholders_of(text: str) -> set[str]:
    """Named {arguments} used in a card text (WhatsApp's {{1}} is not one)."""
    return {m.group(1) for m in _ARG.finditer(text)}


def _argument(match: re.Match[str], args: Mapping[str, Any], lang: str) -> str:
    """One argument's text: as given, with the word that agrees with it when counted, or a
    category's name."""
    name, spec = match.groups()
    if name not in args:
        return match.group()
    if spec == "category":
        return category_name(args[name], lang)
    return plural(int(args[name]), spec) if spec else str(args[name])


def fill(text: str, args: Mapping[str, Any], lang: str = "en") -> str:
    """Put the arguments into a text (a rule card's, a label's), leaving unknown ones and
    WhatsApp's {{1}} as written."""
    return _ARG.sub(lambda m: _argument(m, args, lang), text)


def blank_arguments(text: str, blank: str = "…") -> str:
    """A card text with its arguments blanked ("Текст — … символов"): a counted one keeps the
    word's many-form, so the sentence still reads."""
    return _ARG.sub(lambda m: _blank(m.group(2), blank), text)


def _blank(spec: str | None, blank: str) -> str:
    return f"{blank} {spec.split('|')[-1]}" if spec and "|" in spec else blank


def localized(key: str, lang: str, args: Mapping[str, Any] | None = None) -> str:
    """The text `key` in `lang` (English for a language it lacks), its arguments filled in."""
    pair = _texts()[key]
    return fill(pair.get(lang, pair["en"]), args or {}, lang)
