"""The guide's checklist Markdown and durations from the real process, in both languages."""

from __future__ import annotations

import re

import pytest
from process_data import PROCESS

from process.guide import checklist_markdown, warnings_for
from process.model import Duration, Text, Unit
from process.timeline import timeline_svg
from process.wording import duration_text

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
CONDITIONAL = {s.id for s in PROCESS.steps if s.conditional}


@pytest.mark.parametrize(
    ("duration", "lang", "text"),
    [
        (Duration(1, 21, Unit.CALENDAR_DAYS), "ru", "от 1 до 21 дня"),
        (Duration(0, 21, Unit.CALENDAR_DAYS), "ru", "до 21 дня"),
        (Duration(0, 21, Unit.CALENDAR_DAYS), "en", "up to 21 days"),
        (Duration(1, 3, Unit.WORKING_DAYS), "ru", "от 1 до 3 рабочих дней"),
        (Duration(0, 1, Unit.WORKING_DAYS), "ru", "в течение рабочего дня"),
        (Duration(0, 2, Unit.WORKING_DAYS), "ru", "до 2 рабочих дней"),
        (Duration(0, 21, Unit.WORKING_DAYS), "ru", "до 21 рабочего дня"),
        (Duration(2, 14, Unit.WORKING_DAYS), "en", "2 to 14 working days"),
        (Duration(0, 1, Unit.WORKING_DAYS), "en", "within a working day"),
        (Duration(0, 0, Unit.WORKING_DAYS), "en", "the same day"),
        (Duration(0, 0, Unit.CALENDAR_DAYS), "ru", "в тот же день"),
    ],
)
def test_duration_text(duration: Duration, lang: str, text: str) -> None:
    assert duration_text(duration, lang) == text


FEW_DAYS = Text("несколько дней", "a few days")


@pytest.mark.parametrize(
    ("duration", "lang", "text"),
    [
        (Duration(1, 5, Unit.WORKING_DAYS, estimate=True), "ru", "≈ 1–5 рабочих дней (оценка)"),
        (Duration(1, 5, Unit.WORKING_DAYS, estimate=True), "en", "≈ 1–5 working days (estimate)"),
        (Duration(1, 3, Unit.WORKING_DAYS, estimate=True), "ru", "≈ 1–3 рабочих дня (оценка)"),
        (Duration(0, 1, Unit.WORKING_DAYS, estimate=True), "ru", "≈ 1 рабочий день (оценка)"),
        (Duration(0, 2, Unit.WORKING_DAYS, estimate=True), "ru", "≈ до 2 рабочих дней (оценка)"),
        (
            Duration(0, 2, Unit.WORKING_DAYS, estimate=True),
            "en",
            "≈ up to 2 working days (estimate)",
        ),
        (Duration(1, 7, Unit.CALENDAR_DAYS, estimate=True), "ru", "≈ 1–7 дней (оценка)"),
        (Duration(1, 3, Unit.CALENDAR_DAYS, words=FEW_DAYS), "ru", "несколько дней"),
        (
            Duration(1, 3, Unit.CALENDAR_DAYS, estimate=True, words=FEW_DAYS),
            "en",
            "a few days (≈ 1–3 days, estimate)",
        ),
    ],
)
def test_estimates_and_words_are_shown_as_such(duration: Duration, lang: str, text: str) -> None:
    assert duration_text(duration, lang) == text


@pytest.mark.parametrize(
    ("step_id", "lang", "text"),
    [
        ("registration", "ru", "до 21 дня"),
        ("registration", "en", "up to 21 days"),
        ("change_name", "ru", "до 7 дней"),
        ("change_name", "en", "up to 7 days"),
    ],
)
def test_the_articles_upper_bounds_gain_no_lower_bound(step_id: str, lang: str, text: str) -> None:
    """The article says "up to 3 weeks" and "up to a week": no "from 1 day" of our own."""
    step = next(s for s in PROCESS.steps if s.id == step_id)
    assert duration_text(step.duration, lang) == text


@pytest.mark.parametrize(("lang", "mark"), [("ru", "оценка)"), ("en", "estimate)")])
def test_guide_marks_every_estimate_and_only_estimates(lang: str, mark: str) -> None:
    text = checklist_markdown(PROCESS, lang, from_page="index.md")
    tasks = re.findall(r"^- \[ \] .*$", text, re.MULTILINE)
    for step, task in zip(PROCESS.steps, tasks, strict=True):
        duration = re.search(r'class="wa-duration">([^<]*)<', task)
        assert duration is not None
        assert (mark in duration.group(1)) == step.duration.estimate, (step.id, task)
    description = PROCESS.step("change_description").duration.words
    assert description is not None
    assert description.get(lang) in text


def _step_ids(markdown: str) -> list[str]:
    return re.findall(r'\{ data-step="(\w+)" \}', markdown)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_full_checklist_lists_every_step_once_as_a_task(lang: str) -> None:
    text = checklist_markdown(PROCESS, lang, from_page="index.md")
    assert _step_ids(text) == [s.id for s in PROCESS.steps]
    tasks = re.findall(r"^- \[ \] .*$", text, re.MULTILINE)
    assert len(tasks) == len(PROCESS.steps)
    for step, task in zip(PROCESS.steps, tasks, strict=True):
        assert step.title.get(lang) in task
        assert f'class="wa-owner wa-owner--{step.owner}"' in task
        assert 'class="wa-duration"' in task
        assert f"]({step.page})" in task
        assert ('class="wa-conditional"' in task) == (step.id in CONDITIONAL)
    for phase in PROCESS.phases:
        assert f"**[{phase.title.get(lang)}]({phase.page})**" in text


def test_checklist_items_nest_under_their_step_and_keep_variables_literal() -> None:
    text = checklist_markdown(PROCESS, "en", phase="prepare", from_page="prepare.en.md")
    assert _step_ids(text) == ["company_details", "find_bm_id", "draft_templates", "contact_person"]
    assert "    - [ ] Variables such as {{1}} fill in" in text
    assert "    - [ ] [Check every template on the checker page](checker.md)" in text
    assert '    !!! note "Note"' in text


def test_english_output_has_no_russian_and_russian_output_is_russian() -> None:
    en = checklist_markdown(PROCESS, "en") + timeline_svg(PROCESS, "en")
    assert not CYRILLIC.findall(en)
    ru = checklist_markdown(PROCESS, "ru")
    assert "Подробнее" in ru
    assert "Details" not in ru


def test_warning_and_condition_on_the_name_change() -> None:
    text = checklist_markdown(PROCESS, "ru", phase="changes", from_page="changes.md")
    assert '    !!! warning "Важно"' in text
    assert "двухфакторную аутентификацию" in text
    assert "только если меняется отображаемое имя" in text
    assert warnings_for(PROCESS, {"name_change": True}, "en") == [
        {"id": "approve_name", "message": PROCESS.step("approve_name").warning.en}
    ]
    assert warnings_for(PROCESS, {"name_change": False}, "en") == []


def test_links_are_relative_to_the_page() -> None:
    text = checklist_markdown(PROCESS, "ru", phase="next", from_page="guide/deep.md")
    assert "](../next-steps.md#bm-verification)" in text


def test_personal_checklist_lists_only_what_applies() -> None:
    text = checklist_markdown(PROCESS, "ru", answers={"description_change": True})
    ids = set(_step_ids(text))
    assert "change_description" in ids
    assert not ids & {"approve_name", "change_name"}


def test_unknown_phase_fails_loudly() -> None:
    with pytest.raises(KeyError):
        checklist_markdown(PROCESS, "ru", phase="nope")
