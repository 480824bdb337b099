"""Accessible names for the guide's task-list checkboxes (pure HTML post-processing)."""

from __future__ import annotations

import re
from html import escape, unescape

__all__ = ["label_task_checkboxes"]

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
