"""The guide's step checklists (Markdown task lists) and step warnings, from the process model.

Pure: the macros pass the page's language and path; every text comes from `process.labels`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from process.labels import label
from process.model import Process, Step
from process.schedule import applicable_steps
from process.wording import condition_text, duration_text

__all__ = ["checklist_markdown", "step_warnings", "warnings_for"]


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
    head.append(f"[{label(lang, 'more')}]({_link(step.page, from_page)})")
    lines = ["- [ ] " + " · ".join(head)]
    for item in step.do:
        text = escape(item.text.get(lang), quote=False)
        if item.page:
            text = f"[{text}]({_link(item.page, from_page)})"
        lines.append(f"    - [ ] {text}")
    for kind, text in (("note", step.note), ("warning", step.warning)):
        if text is not None:
            box = f'!!! {kind} "{label(lang, kind)}"\n    {escape(text.get(lang), quote=False)}'
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
    return step_warnings(applicable_steps(process, answers), lang)


def step_warnings(steps: Iterable[Step], lang: str) -> list[dict[str, str]]:
    """The warnings of these steps (a plan's applicable steps), in their order."""
    return [
        {"id": step.id, "message": step.warning.get(lang)}
        for step in steps
        if step.warning is not None
    ]
