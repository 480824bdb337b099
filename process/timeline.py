"""The process timeline as inline SVG: a row per step, its quickest and longest span, a legend.

Pure and self-contained (no outside resources), in one language; dated when given a start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from process.labels import label
from process.model import Process, Step
from process.schedule import REFERENCE_MONDAY, Plan, generic_answers, make_plan
from process.wording import condition_text, duration_text, short_date
from process.workdays import WEEKDAYS

__all__ = ["OWNER_COLOURS", "timeline_svg"]

OWNER_COLOURS = {
    "client": "#2e7d32",
    "provider": "#1565c0",
    "whatsapp": "#00796b",
    "meta": "#6a1b9a",
}
_FALLBACK_COLOUR = "#555555"

_WIDTH = 960
_SIDE = 16
_AXIS = 34
_ROW = 38
_BAR = 12
_LEGEND_LINE = 22
_CHAR = 6.6  # rough width of one 12px character, to lay out the legend
_TEXT = "#1a1a1a"
_HALO = 'stroke="#ffffff" stroke-width="3" paint-order="stroke"'  # keeps text readable over lines


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
    plan: Plan | None = None,
    id_prefix: str = "wa-timeline",
) -> str:
    """The timeline as inline SVG inside a ``<figure>``: a row per step, its min–max span.

    Without `answers` every step is shown (conditional ones dashed); without `start` the axis
    counts days from the questionnaire (day 0, a Monday), otherwise it shows dates. A computed
    `plan` (the personal checklist's) stands for both: its steps, dated from its start.
    """
    if plan is None:
        chosen = generic_answers(process) if answers is None else answers
        # Dated: the country's working days; counted from day 0: weekends only.
        plan = make_plan(process, chosen, start or REFERENCE_MONDAY, None if start else WEEKDAYS)
    else:
        start = plan.start
    origin = plan.start
    windows = plan.windows
    steps = {s.id: s for s in plan.steps}

    def day(value: date) -> int:
        return (value - origin).days

    scale = _Scale.around(min(day(w.start) for w in windows), max(day(w.end) for w in windows))
    rows_bottom = _AXIS + _ROW * len(windows)
    height = rows_bottom + 2 * _LEGEND_LINE + 12
    if start:
        title = label(lang, "timeline_dated", start=short_date(origin, lang))
        desc = [label(lang, "desc_intro_dated", start=short_date(origin, lang))]
    else:
        title = label(lang, "timeline")
        desc = [label(lang, "desc_intro")]
    parts = [f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>']
    parts += _axis(scale, rows_bottom, lang, origin if start else None)
    for row, window in enumerate(windows):
        step = steps[window.step_id]
        owner = process.owners[step.owner].get(lang)
        if start:
            when = {"start": short_date(window.start, lang), "end": short_date(window.end, lang)}
            line = label(lang, "desc_dates", title=step.title.get(lang), owner=owner, **when)
        else:
            when = {"start": day(window.start), "end": day(window.end)}
            line = label(lang, "desc_days", title=step.title.get(lang), owner=owner, **when)
        if step.conditional:
            line += f" ({condition_text(process, step, lang)})"
        desc.append(line)
        span = (day(window.start), day(window.earliest_end), day(window.end))
        parts.append(
            _row(process, step, lang, top=_AXIS + row * _ROW, scale=scale, span=span, tooltip=line)
        )
    parts += _legend(process, lang, rows_bottom + 8)
    name = escape(title)
    return (
        '<figure class="wa-timeline">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{name}" aria-describedby="{id_prefix}-desc" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="{id_prefix}-title">{name}</title>'
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
            text = label(lang, "day_axis", n=offset)
        else:
            text = short_date(date.fromordinal(origin.toordinal() + offset), lang)
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
        text = label(lang, key)
        out.append(f'<rect x="{x}" y="{top}" width="28" height="12" {style}/>')
        out.append(f'<text x="{x + 34}" y="{top + 10}" fill="{_TEXT}">{escape(text)}</text>')
        x += 34 + len(text) * _CHAR + 22
    return out
