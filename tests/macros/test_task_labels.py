"""Task-list checkboxes get their item's text as an accessible name (macros.pages.task_labels)."""

from __future__ import annotations

from macros.pages.task_labels import label_task_checkboxes


def test_task_checkboxes_are_named_after_their_item() -> None:
    box = '<label class="task-list-control"><input type="checkbox" disabled/>'
    box += '<span class="task-list-indicator"></span></label>'
    html = (
        f'<li class="task-list-item"><p>{box} <span class="wa-owner">Вы</span> · '
        f'<strong data-step="a">Шаг &amp; ещё</strong> · <a href="x">Подробнее</a></p><ul>'
        f'<li class="task-list-item">{box} Item <em>one</em></li></ul></li>'
    )
    named = label_task_checkboxes(html)
    assert '<input type="checkbox" aria-label="Шаг &amp; ещё" disabled/>' in named
    assert '<input type="checkbox" aria-label="Item one" disabled/>' in named
    assert label_task_checkboxes(named) == named
