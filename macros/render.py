"""Checklists (Markdown) and the timeline picture (SVG) from the process model (pure functions).

No MkDocs import: the macros in `main.py` pass the page's language and path, the personal
checklist passes answers and a start date. Everything returned is self-contained (inline SVG,
no outside resources) and in one language.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import escape, unescape
from typing import Any

from macros.model import Duration, Process, Step, Unit
from macros.schedule import REFERENCE_MONDAY, applicable_steps, due_windows
from macros.wording import days_range, up_to_days

__all__ = [
    "checklist_markdown",
    "condition_text",
    "duration_text",
    "generic_answers",
    "label_task_checkboxes",
    "timeline_svg",
    "warnings_for",
]

LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "more": "Подробнее",
        "only_if": "только если {condition}",
        "only_if_not": "только если не так: {condition}",
        "note": "Примечание",
        "warning": "Важно",
        "same_day": "в тот же день",
        "timeline": "Сроки подключения WhatsApp Business API",
        "timeline_dated": "Сроки подключения WhatsApp Business API с {start}",
        "desc_days": "{title} ({owner}): с дня {start} по день {end}",
        "desc_dates": "{title} ({owner}): с {start} по {end}",
        "day_axis": "день {n}",
        "fastest": "если всё идёт быстро",
        "longest": "самый долгий срок",
        "conditional": "только в некоторых случаях",
        "desc_intro": "День 0 — отправка анкеты. Шаги по порядку:",
        "desc_intro_dated": "Анкета уходит {start}. Шаги по порядку:",
    },
    "en": {
        "more": "Details",
        "only_if": "only if {condition}",
        "only_if_not": "only unless {condition}",
        "note": "Note",
        "warning": "Important",
        "same_day": "the same day",
        "timeline": "WhatsApp Business API connection timeline",
        "timeline_dated": "WhatsApp Business API connection timeline from {start}",
        "desc_days": "{title} ({owner}): day {start} to day {end}",
        "desc_dates": "{title} ({owner}): {start} to {end}",
        "day_axis": "day {n}",
        "fastest": "when all goes quickly",
        "longest": "at the longest",
        "conditional": "only in some cases",
        "desc_intro": "Day 0 is when the questionnaire goes out. The steps in order:",
        "desc_intro_dated": "The questionnaire goes out on {start}. The steps in order:",
    },
}
MONTHS = {
    "ru": ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
OWNER_COLOURS = {
    "client": "#2e7d32",
    "provider": "#1565c0",
    "whatsapp": "#00796b",
    "meta": "#6a1b9a",
}
_FALLBACK_COLOUR = "#555555"


def _label(lang: str, key: str, **args: Any) -> str:
    return LABELS["en" if lang == "en" else "ru"][key].format(**args)


def _working_days(n: int, lang: str) -> str:
    """ "3 рабочих дней" after "до"/"от ... до" (genitive), "3 working days"."""
    if lang == "en":
        return f"{n} working day" if n == 1 else f"{n} working days"
    return f"{n} рабочего дня" if n % 10 == 1 and n % 100 != 11 else f"{n} рабочих дней"


def duration_text(duration: Duration, lang: str) -> str:
    """A duration as words: "от 1 до 3 рабочих дней", "up to 21 days", "the same day"."""
    low, high = duration.min, duration.max
    if high == 0:
        return _label(lang, "same_day")
    if duration.unit is Unit.CALENDAR_DAYS:
        return up_to_days(high, lang) if low in (0, high) else days_range(low, high, lang)
    if low in (0, high):
        return (
            f"до {_working_days(high, lang)}"
            if lang == "ru"
            else f"up to {_working_days(high, lang)}"
        )
    if lang == "ru":
        return f"от {low} до {_working_days(high, lang)}"
    return f"{low} to {_working_days(high, lang)}"


def condition_text(process: Process, step: Step, lang: str) -> str:
    """When a conditional step applies, as a clause ("только если меняется ..."); "" if always."""
    parts = []
    questions = {q.id: q for q in process.questions}
    for question_id, value in step.when.items():
        question = questions[question_id]
        clause = (question.condition or question.label).get(lang)
        if value is True or question.type != "bool":
            parts.append(_label(lang, "only_if", condition=clause))
        else:
            parts.append(_label(lang, "only_if_not", condition=clause))
    return "; ".join(parts)


def generic_answers(process: Process) -> dict[str, bool]:
    """Answers that switch every yes/no condition on, so a generic view shows every step."""
    return {q.id: True for q in process.questions if q.type == "bool"}


def _link(page: str, from_page: str) -> str:
    """A relative link from the docs page `from_page` to `page` (``x.md#anchor``)."""
    path, _, anchor = page.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def _step_markdown(process: Process, step: Step, lang: str, from_page: str) -> str:
    owner = escape(process.owners[step.owner].get(lang))
    title = escape(step.title.get(lang), quote=False)
    duration = escape(duration_text(step.duration, lang))
    head = [
        f'<span class="wa-owner wa-owner--{step.owner}">{owner}</span>',
        f'**{title}**{{ data-step="{step.id}" }} <span class="wa-duration">{duration}</span>',
    ]
    if step.conditional:
        condition = escape(condition_text(process, step, lang))
        head.append(f'<span class="wa-conditional">{condition}</span>')
    head.append(f"[{_label(lang, 'more')}]({_link(step.page, from_page)})")
    lines = ["- [ ] " + " · ".join(head)]
    for item in step.do:
        text = escape(item.text.get(lang), quote=False)
        if item.page:
            text = f"[{text}]({_link(item.page, from_page)})"
        lines.append(f"    - [ ] {text}")
    for kind, text in (("note", step.note), ("warning", step.warning)):
        if text is not None:
            box = f'!!! {kind} "{_label(lang, kind)}"\n    {escape(text.get(lang), quote=False)}'
            lines += ["", _indent(box)]
    return "\n".join(lines)


def checklist_markdown(
    process: Process,
    lang: str,
    *,
    phase: str | None = None,
    from_page: str = "index.md",
    answers: Mapping[str, Any] | None = None,
) -> str:
    """The steps of one phase (or all, grouped by phase) as a Markdown task list.

    `from_page` is the docs path of the page the list appears on (links are made relative to
    it); with `answers`, only the steps that apply are listed (a personal checklist).
    """
    steps = list(process.steps) if answers is None else applicable_steps(process, answers)
    if phase is not None:
        process.phase(phase)  # KeyError for an unknown phase: fail the build loudly
        return "\n\n".join(
            _step_markdown(process, s, lang, from_page) for s in steps if s.phase == phase
        )
    blocks = []
    for section in process.phases:
        chosen = [s for s in steps if s.phase == section.id]
        if not chosen:
            continue
        title = escape(section.title.get(lang), quote=False)
        blocks.append(f"**[{title}]({_link(section.page, from_page)})**")
        blocks += [_step_markdown(process, s, lang, from_page) for s in chosen]
    return "\n\n".join(blocks)


def warnings_for(process: Process, answers: Mapping[str, Any], lang: str) -> list[dict[str, str]]:
    """``[{"id": step id, "message": text}]`` for every applicable step that carries a warning."""
    return [
        {"id": step.id, "message": step.warning.get(lang)}
        for step in applicable_steps(process, answers)
        if step.warning is not None
    ]


# ------------------------------------------------------------------------------ timeline picture

_WIDTH = 960
_SIDE = 16
_AXIS = 34
_ROW = 38
_BAR = 12
_LEGEND_LINE = 22
_CHAR = 6.6  # rough width of one 12px character, to lay out the legend
_TEXT = "#1a1a1a"
_HALO = 'stroke="#ffffff" stroke-width="3" paint-order="stroke"'  # keeps text readable over lines


def _date_text(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS['en' if lang == 'en' else 'ru'][day.month - 1]}"


@dataclass(frozen=True, slots=True)
class _Scale:
    """Day offsets → x coordinates, over whole weeks."""

    low: int
    high: int

    @classmethod
    def around(cls, first: int, last: int) -> _Scale:
        low = first - first % 7
        high = last + (-last) % 7
        return cls(low, max(high, low + 7))

    def x(self, offset: int) -> float:
        return round(_SIDE + (offset - self.low) * (_WIDTH - 2 * _SIDE) / (self.high - self.low), 1)


def timeline_svg(
    process: Process,
    lang: str,
    *,
    answers: Mapping[str, Any] | None = None,
    start: date | None = None,
    id_prefix: str = "wa-timeline",
) -> str:
    """The timeline as inline SVG inside a ``<figure>``: a row per step, its min–max span.

    Without `answers` every step is shown (conditional ones dashed); without `start` the axis
    counts days from the questionnaire (day 0, a Monday), otherwise it shows dates.
    """
    if answers is None:
        answers = generic_answers(process)
    origin = start or REFERENCE_MONDAY
    windows = due_windows(process, answers, origin)
    steps = {s.id: s for s in applicable_steps(process, answers)}

    def day(value: date) -> int:
        return (value - origin).days

    scale = _Scale.around(min(day(w.start) for w in windows), max(day(w.end) for w in windows))
    rows_bottom = _AXIS + _ROW * len(windows)
    height = rows_bottom + 2 * _LEGEND_LINE + 12
    if start:
        title = _label(lang, "timeline_dated", start=_date_text(origin, lang))
        desc = [_label(lang, "desc_intro_dated", start=_date_text(origin, lang))]
    else:
        title = _label(lang, "timeline")
        desc = [_label(lang, "desc_intro")]
    parts = [f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>']
    parts += _axis(scale, rows_bottom, lang, origin if start else None)
    for row, window in enumerate(windows):
        step = steps[window.step_id]
        owner = process.owners[step.owner].get(lang)
        if start:
            when = {"start": _date_text(window.start, lang), "end": _date_text(window.end, lang)}
            line = _label(lang, "desc_dates", title=step.title.get(lang), owner=owner, **when)
        else:
            when = {"start": day(window.start), "end": day(window.end)}
            line = _label(lang, "desc_days", title=step.title.get(lang), owner=owner, **when)
        if step.conditional:
            line += f" ({condition_text(process, step, lang)})"
        desc.append(line)
        span = (day(window.start), day(window.earliest_end), day(window.end))
        parts.append(
            _row(process, step, lang, top=_AXIS + row * _ROW, scale=scale, span=span, tooltip=line)
        )
    parts += _legend(process, lang, rows_bottom + 8)
    label = escape(title)
    return (
        '<figure class="wa-timeline">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{label}" aria-describedby="{id_prefix}-desc" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="{id_prefix}-title">{label}</title>'
        f'<desc id="{id_prefix}-desc">{escape(". ".join(desc))}.</desc>'
        f"{''.join(parts)}</svg></figure>"
    )


def _axis(scale: _Scale, bottom: int, lang: str, origin: date | None) -> list[str]:
    """Week lines with day numbers (or dates); day 0 drawn solid."""
    every = 7 if scale.high - scale.low <= 126 else 14
    out = []
    for offset in range(scale.low, scale.high + 1, every):
        x = scale.x(offset)
        if origin is None:
            text = _label(lang, "day_axis", n=offset)
        else:
            text = _date_text(date.fromordinal(origin.toordinal() + offset), lang)
        line = 'stroke="#333333" stroke-width="1.5"' if offset == 0 else 'stroke="#cccccc"'
        out.append(f'<line x1="{x}" y1="{_AXIS - 8}" x2="{x}" y2="{bottom}" {line}/>')
        anchor = "start" if offset == scale.low else "end" if offset == scale.high else "middle"
        weight = ' font-weight="700"' if offset == 0 else ""
        out.append(
            f'<text x="{x}" y="{_AXIS - 14}" text-anchor="{anchor}" fill="{_TEXT}"{weight}>'
            f"{escape(text)}</text>"
        )
    return out


def _row(
    process: Process,
    step: Step,
    lang: str,
    *,
    top: int,
    scale: _Scale,
    span: tuple[int, int, int],
    tooltip: str,
) -> str:
    """One step: its title, a pale bar to the latest end and a solid bar for the quickest case."""
    colour = OWNER_COLOURS.get(step.owner, _FALLBACK_COLOUR)
    first, quickest, last = (scale.x(d) for d in span)
    bar_top = top + 17
    owner = process.owners[step.owner].get(lang)
    text = f"{step.title.get(lang)} · {owner} · {duration_text(step.duration, lang)}"
    if step.conditional:
        text += f" · {condition_text(process, step, lang)}"
    dash = ' stroke-dasharray="5 3"' if step.conditional else ""
    italic = ' font-style="italic"' if step.conditional else ""
    label_x = min(first, _WIDTH - _SIDE - len(text) * _CHAR)
    shapes = [
        f"<title>{escape(tooltip)}</title>",
        f'<text x="{max(label_x, _SIDE)}" y="{top + 12}" fill="{_TEXT}" {_HALO}{italic}>'
        f"{escape(text)}</text>",
        f'<rect x="{first}" y="{bar_top}" width="{max(last - first, 3)}" height="{_BAR}" '
        f'fill="{colour}" fill-opacity="0.25" stroke="{colour}"{dash}/>',
        f'<rect x="{first}" y="{bar_top}" width="{max(quickest - first, 3)}" height="{_BAR}" '
        f'fill="{colour}"/>',
    ]
    cls = (
        "wa-timeline-step wa-timeline-step--conditional" if step.conditional else "wa-timeline-step"
    )
    return f'<g class="{cls}" data-step="{step.id}">{"".join(shapes)}</g>'


def _legend(process: Process, lang: str, top: int) -> list[str]:
    """Two lines: the owners' colours; then quickest, longest and conditional."""
    out = []
    x = float(_SIDE)
    for owner_id, owner in process.owners.items():
        colour = OWNER_COLOURS.get(owner_id, _FALLBACK_COLOUR)
        name = owner.get(lang)
        out.append(f'<rect x="{x}" y="{top}" width="14" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 20}" y="{top + 10}" fill="{_TEXT}">{escape(name)}</text>')
        x += 20 + len(name) * _CHAR + 18
    x, top = float(_SIDE), top + _LEGEND_LINE
    samples = (
        ("fastest", 'fill="#555555"'),
        ("longest", 'fill="#555555" fill-opacity="0.25" stroke="#555555"'),
        (
            "conditional",
            'fill="#555555" fill-opacity="0.25" stroke="#555555" stroke-dasharray="5 3"',
        ),
    )
    for key, style in samples:
        text = _label(lang, key)
        out.append(f'<rect x="{x}" y="{top}" width="28" height="12" {style}/>')
        out.append(f'<text x="{x + 34}" y="{top + 10}" fill="{_TEXT}">{escape(text)}</text>')
        x += 34 + len(text) * _CHAR + 22
    return out


# ----------------------------------------------------------------------- task list accessibility

_TASK_BOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")([^>]*>'
    r'<span class="task-list-indicator"></span></label>)(.*?)(?=<ul|</li>|</p>|$)',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_STEP_TITLE = re.compile(r"<strong data-step=[^>]*>(.*?)</strong>", re.DOTALL)


def label_task_checkboxes(html: str) -> str:
    """Give every task-list checkbox an accessible name: the text of its item.

    pymdownx.tasklist draws the box in a ``<label>`` that holds no text, so screen readers (and
    axe's "label" rule) find an unnamed form control; the item's text (a step's title) becomes
    its aria-label.
    """

    def name(match: re.Match[str]) -> str:
        title = _STEP_TITLE.search(match.group(3))  # a process step: its title names it
        item = title.group(1) if title else match.group(3)
        text = " ".join(unescape(_TAG.sub(" ", item)).split())
        if not text or "aria-label" in match.group(2):
            return match.group(0)
        return f'{match.group(1)} aria-label="{escape(text)}"{match.group(2)}{match.group(3)}'

    return _TASK_BOX.sub(name, html)
