"""Day, date, duration and condition phrases in Russian and English ("до 21 дня", "1 Dec 2026")."""

from __future__ import annotations

from datetime import date

from process.labels import label, lang_of
from process.model import Duration, Process, Step, Unit
from validator.plural import plural, plural_form

MONTHS = {
    "ru": ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


# The forms of "day" after a number (validator.plural): ru one/few/many, en one/other; after
# "до"/"от" Russian takes the genitive ("до 21 дня", "до 3 дней").
DAY = {"ru": ("день", "дня", "дней"), "en": ("day", "days")}
WORKING_DAY = {
    "ru": ("рабочий день", "рабочих дня", "рабочих дней"),
    "en": ("working day", "working days"),
}
DAY_AFTER_UP_TO = {"ru": ("дня", "дней", "дней"), "en": DAY["en"]}
WORKING_DAY_AFTER_UP_TO = {
    "ru": ("рабочего дня", "рабочих дней", "рабочих дней"),
    "en": WORKING_DAY["en"],
}


def _ru_days_genitive(n: int) -> str:
    """The Russian genitive of "день" after "до"/"от": 1, 21, 31… take "дня", the rest "дней"."""
    return plural_form(n, DAY_AFTER_UP_TO["ru"])


def _en_days(n: int) -> str:
    """The English noun for n days."""
    return plural_form(n, DAY["en"])


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


def date_text(day: date, lang: str) -> str:
    """A date for people: "1 дек 2026" / "1 Dec 2026"."""
    return f"{day.day} {MONTHS[lang_of(lang)][day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """A date without the year, as the timeline shows it: "1 дек" / "1 Dec"."""
    return f"{day.day} {MONTHS[lang_of(lang)][day.month - 1]}"


def _working_days(n: int, lang: str) -> str:
    """ "3 рабочих дней" after "до"/"от ... до" (genitive), "3 working days"."""
    return plural(n, WORKING_DAY_AFTER_UP_TO[lang_of(lang)])


def figures_text(duration: Duration, lang: str) -> str:
    """A duration's figures as words: "от 1 до 3 рабочих дней", "up to 21 days", "the same day"."""
    low, high = duration.min, duration.max
    if high == 0:
        return label(lang, "same_day")
    if duration.unit is Unit.CALENDAR_DAYS:
        return up_to_days(high, lang) if low in (0, high) else days_range(low, high, lang)
    if low in (0, high) and high == 1:
        return label(lang, "within_working_day")
    if low in (0, high):
        return (
            f"до {_working_days(high, lang)}"
            if lang == "ru"
            else f"up to {_working_days(high, lang)}"
        )
    if lang == "ru":
        return f"от {low} до {_working_days(high, lang)}"
    return f"{low} to {_working_days(high, lang)}"


def _ru_days_after_number(n: int, *, working: bool) -> str:
    """The Russian noun group that follows the number n: "1 день", "3 рабочих дня", "5 дней"."""
    return plural_form(n, (WORKING_DAY if working else DAY)["ru"])


def _estimate_span(duration: Duration, lang: str) -> str:
    """An estimate's figures: "1–5 рабочих дней", "до 2 рабочих дней", "1–7 days"."""
    low, high = duration.min, duration.max
    working = duration.unit is Unit.WORKING_DAYS
    if lang == "en":
        noun = plural_form(high, (WORKING_DAY if working else DAY)["en"])
    else:
        noun = _ru_days_after_number(high, working=working)
    if low == high or (low == 0 and high == 1):
        return f"{high} {noun}"
    if low == 0:
        if lang == "en":
            return f"up to {high} {noun}"
        return f"до {plural(high, (WORKING_DAY_AFTER_UP_TO if working else DAY_AFTER_UP_TO)['ru'])}"
    return f"{low}–{high} {noun}"


def duration_text(duration: Duration, lang: str) -> str:
    """A duration as the reader sees it: the provider's figures ("до 21 дня"), its own words
    ("несколько дней"), or an estimate marked as one ("≈ 1–5 рабочих дней (оценка)")."""
    if duration.words is not None and duration.estimate and duration.max > 0:
        span = _estimate_span(duration, lang)
        return label(lang, "duration_words_estimate", words=duration.words.get(lang), span=span)
    if duration.words is not None:
        return duration.words.get(lang)
    if duration.estimate and duration.max > 0:
        return label(lang, "duration_estimate", span=_estimate_span(duration, lang))
    return figures_text(duration, lang)


def condition_text(process: Process, step: Step, lang: str) -> str:
    """When a conditional step applies, as a clause ("только если меняется ..."); "" if always."""
    parts = []
    questions = {q.id: q for q in process.questions}
    for question_id, value in step.when.items():
        question = questions[question_id]
        clause = (question.condition or question.label).get(lang)
        if value is True or question.type != "bool":
            parts.append(label(lang, "only_if", condition=clause))
        else:
            parts.append(label(lang, "only_if_not", condition=clause))
    return "; ".join(parts)
