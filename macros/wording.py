"""Duration phrases in Russian and English ("до 21 дня" / "up to 21 days"), pure and MkDocs-free."""

from __future__ import annotations


def _ru_days_genitive(n: int) -> str:
    """The Russian genitive of "день" after "до"/"от": 1, 21, 31… take "дня", the rest "дней"."""
    return "дня" if n % 10 == 1 and n % 100 != 11 else "дней"


def _en_days(n: int) -> str:
    """The English noun for n days."""
    return "day" if n == 1 else "days"


def up_to_days(n: int, lang: str) -> str:
    """An upper bound in days: "до 21 дня" (ru) or "up to 21 days" (en)."""
    if lang == "ru":
        return f"до {n} {_ru_days_genitive(n)}"
    return f"up to {n} {_en_days(n)}"


def days_range(low: int, high: int, lang: str) -> str:
    """A span in days: "от 1 до 3 дней" (ru) or "1 to 3 days" (en); equal bounds read "up to"."""
    if low >= high:
        return up_to_days(high, lang)
    if lang == "ru":
        return f"от {low} до {high} {_ru_days_genitive(high)}"
    return f"{low} to {high} {_en_days(high)}"
