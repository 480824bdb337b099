"""Number agreement for counted texts: "71 символ", "72 символа", "75 символов", "1 character".

A text names the word's forms in a placeholder's format spec, `{count:символ|символа|символов}`
(Russian: one, few, many) or `{count:character|characters}` (English: one, other); the number of
forms picks the language's rule, so one text file serves both languages.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["fill_counted", "plural", "plural_form"]


def plural_form(n: int, forms: Sequence[str]) -> str:
    """The form of a word that agrees with n: three forms (one, few, many) follow Russian,
    two (one, other) follow English."""
    if len(forms) == 2:  # English: one, other
        return forms[0] if n == 1 else forms[1]
    if len(forms) != 3:  # Russian: one, few, many
        raise ValueError(f"plural forms must be 2 (en) or 3 (ru), not {len(forms)}: {forms!r}")
    tens, units = n % 100, n % 10
    if units == 1 and tens != 11:
        return forms[0]
    if 2 <= units <= 4 and not 12 <= tens <= 14:
        return forms[1]
    return forms[2]


def plural(n: int, forms: Sequence[str] | str) -> str:
    """The number and the agreeing form: plural(72, "символ|символа|символов") -> "72 символа"."""
    if isinstance(forms, str):
        forms = forms.split("|")
    return f"{n} {plural_form(n, forms)}"


class _CountedFormatter(string.Formatter):
    """str.format, plus a "a|b|c" format spec that writes the number with its agreeing form."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            return plural(int(value), format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _CountedFormatter()


def fill_counted(text: str, args: Mapping[str, Any]) -> str:
    """A text's {placeholders} filled from args, `{n:forms}` agreeing with n (str.format rules)."""
    return _FORMATTER.vformat(text, (), args)
