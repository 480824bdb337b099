"""Number agreement for counted texts: "71 символ", "72 символа", "75 символов", "1 character".

A text names the word's forms in its placeholder, `{count:символ|символа|символов}` (Russian:
one, few, many) or `{count:character|characters}` (English: one, other), filled by
validator.texts.fill; the number of forms picks the language's rule.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["plural", "plural_form"]


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
