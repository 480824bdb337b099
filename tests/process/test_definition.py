"""process.yml loads, and every kind of broken file names the file, the line and the field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from process_data import ROOT, SETTINGS

from process.definition import load_process, parse_process
from process.errors import ProcessFileError
from process.model import Unit, process_from_json, process_to_json

TEXT = (ROOT / "process.yml").read_text(encoding="utf-8")


def _broken(old: str, new: str) -> tuple[str, int]:
    """The real file with the first `old` replaced by `new`, and the line where it happened."""
    assert old in TEXT, old
    at = TEXT.index(old)
    return TEXT.replace(old, new, 1), TEXT.count("\n", 0, at) + 1


BROKEN = {
    "unknown owner": (
        "    owner: client\n    after: [send_bm_request]\n",
        "    owner: clinet\n    after: [send_bm_request]\n",
        r"process\.yml:{line}: steps\[\d+\]\.owner: unknown owner 'clinet'",
    ),
    "bad yaml": (
        "ru: Соберите данные компании",
        "ru: Соберите: данные компании",
        r"process\.yml:{line}: steps\[0\]\.title\.ru: bad YAML",
    ),
    "missing translation": (
        "      en: Choose a contact person\n",
        "",
        r"process\.yml:\d+: steps\[\d+\]\.title\.en: missing translation 'en'",
    ),
    "circular dependency": (
        "    after: [send_questionnaire]\n    duration: {min: 1, max: 5",
        "    after: [verify_templates]\n    duration: {min: 1, max: 5",
        r"process\.yml:\d+: steps\[\d+\]\.after: circular dependency: ",
    ),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_real_file_names_its_line_and_field(kind: str) -> None:
    """What the build prints (tests/macros/test_build.py runs one of these through MkDocs)."""
    old, new, expected = BROKEN[kind]
    text, line = _broken(old, new)
    with pytest.raises(ProcessFileError) as caught:
        parse_process(text, SETTINGS)
    assert re.search(expected.format(line=line), str(caught.value)), str(caught.value)


def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def _error(text: str) -> ProcessFileError:
    with pytest.raises(ProcessFileError) as caught:
        parse_process(text, SETTINGS)
    message = str(caught.value)
    assert message.startswith(f"process.yml:{caught.value.line}: {caught.value.field}: "), message
    return caught.value


def _step_index(step_id: str) -> int:
    ids = re.findall(r"^  - id: (\w+)$", TEXT.split("\nsteps:\n", 1)[1], flags=re.MULTILINE)
    return ids.index(step_id)


def test_the_real_file_loads_with_settings_resolved() -> None:
    process = load_process(ROOT / "process.yml", SETTINGS, docs_dir=ROOT / "docs")
    registration = process.step("registration")
    assert registration.duration.max == 21
    assert registration.duration.unit is Unit.CALENDAR_DAYS
    assert process.step("change_description").duration.min == 1
    assert {s.owner for s in process.steps} <= set(process.owners)
    assert process.start_step == "send_questionnaire"


def test_json_form_round_trips() -> None:
    process = parse_process(TEXT, SETTINGS)
    data = json.loads(json.dumps(process_to_json(process)))
    assert process_from_json(data) == process
    assert data["steps"][0]["duration"] == {
        "min": 1,
        "max": 3,
        "unit": "working_days",
        "estimate": True,
        "words": None,
    }


def test_bad_yaml_names_line_and_field() -> None:
    text, line = _broken("    owner: provider\n", "    owner: [provider\n")
    error = _error(text)
    assert error.line is not None
    assert "bad YAML" in error.message
    assert error.field.startswith("steps[")
    assert abs(error.line - line) <= 2


def test_bad_yaml_field_is_the_key_being_written() -> None:
    text, line = _broken("ru: Соберите данные компании", "ru: Соберите: данные компании")
    error = _error(text)
    assert error.field == f"steps[{_step_index('company_details')}].title.ru"
    assert error.line == line
    assert "mapping values are not allowed" in error.message


def test_missing_field() -> None:
    text, _ = _broken(
        "    owner: whatsapp\n    after: [review_templates]\n", "    after: [review_templates]\n"
    )
    error = _error(text)
    i = _step_index("verify_templates")
    assert error.field == f"steps[{i}].owner"
    assert error.message == "missing field 'owner'"
    assert error.line == _line_of(text, "  - id: verify_templates")


def test_unknown_owner_reads_as_documented() -> None:
    text, line = _broken(
        "    owner: client\n    after: [send_bm_request]\n",
        "    owner: clinet\n    after: [send_bm_request]\n",
    )
    error = _error(text)
    i = _step_index("accept_request")
    assert str(error) == (
        f"process.yml:{line}: steps[{i}].owner: unknown owner 'clinet' "
        "(known: client, provider, whatsapp, meta)"
    )


def test_unknown_dependency() -> None:
    text, line = _broken("after: [review_templates]", "after: [review_templatez]")
    error = _error(text)
    assert error.field == f"steps[{_step_index('verify_templates')}].after[0]"
    assert error.line == line
    assert "review_templatez" in error.message


def test_circular_dependency() -> None:
    text, line = _broken(
        "    after: [send_questionnaire]\n    duration: {min: 1, max: 5",
        "    after: [verify_templates]\n    duration: {min: 1, max: 5",
    )
    error = _error(text)
    assert "circular dependency" in error.message
    assert "review_templates" in error.message
    assert "verify_templates" in error.message
    assert error.field.endswith(".after")
    assert error.line in (line, _line_of(text, "after: [review_templates]"))


def test_self_dependency() -> None:
    text, line = _broken("after: [review_templates]", "after: [verify_templates]")
    error = _error(text)
    assert error.line == line
    assert "itself" in error.message


def test_missing_translation() -> None:
    text, _ = _broken("      en: Choose a contact person\n", "")
    error = _error(text)
    assert error.field == f"steps[{_step_index('contact_person')}].title.en"
    assert error.message == "missing translation 'en'"
    assert error.line == _line_of(text, "      ru: Назначьте контактное лицо") - 1


def test_missing_translation_in_a_checklist_item() -> None:
    text, line = _broken(
        "      - ru: Пройдите верификацию аккаунта\n", "      - ro: Пройдите верификацию аккаунта\n"
    )
    error = _error(text)
    assert error.line == line
    assert ".do[1]" in error.field


def test_empty_translation() -> None:
    text, line = _broken("en: Gather the company details", 'en: ""')
    error = _error(text)
    assert error.field == f"steps[{_step_index('company_details')}].title.en"
    assert error.message == "empty translation"
    assert error.line == line


def test_unknown_phase() -> None:
    text, line = _broken("    phase: next\n", "    phase: later\n")
    error = _error(text)
    assert error.field == f"steps[{_step_index('submit_business')}].phase"
    assert error.line == line
    assert "unknown phase 'later'" in error.message


def test_unknown_question_in_when() -> None:
    text, line = _broken("when: {description_change: true}", "when: {descripton_change: true}")
    error = _error(text)
    assert error.field == f"steps[{_step_index('send_description')}].when.descripton_change"
    assert error.line == line
    assert "unknown question" in error.message


def test_when_value_of_the_wrong_type() -> None:
    text, line = _broken("when: {description_change: true}", "when: {description_change: 'yes'}")
    error = _error(text)
    assert error.line == line
    assert "true or false" in error.message


def test_unknown_setting() -> None:
    text, line = _broken("{setting: registration_max_days}", "{setting: registration_days}")
    error = _error(text)
    assert error.field == f"steps[{_step_index('registration')}].duration.max.setting"
    assert error.line == line


def test_missing_unit_and_bad_unit() -> None:
    text, line = _broken(
        "{min: 2, max: 14, unit: working_days, estimate: true}", "{min: 2, max: 14}"
    )
    error = _error(text)
    assert error.field == f"steps[{_step_index('verify_business')}].duration.unit"
    assert error.line == line
    text, line = _broken(
        "{min: 2, max: 14, unit: working_days, estimate: true}", "{min: 2, max: 14, unit: weeks}"
    )
    assert _error(text).field.endswith("duration.unit")


def test_estimate_is_a_field_of_the_duration() -> None:
    """The article's figures are not estimates; every other duration is, and says so."""
    process = parse_process(TEXT, SETTINGS)
    estimates = {s.id for s in process.steps if s.duration.estimate}
    assert not estimates & {"registration", "change_name"}
    assert {"sign_contract", "review_templates", "approve_name", "verify_business"} <= estimates
    description = process.step("change_description").duration
    assert description.estimate
    assert description.words is not None
    assert description.words.en == "a few days"


@pytest.mark.parametrize("value", ["'maybe'", "1", "[true]"])
def test_a_broken_estimate_names_its_line_and_field(value: str) -> None:
    text, line = _broken(
        "{min: 2, max: 14, unit: working_days, estimate: true}",
        f"{{min: 2, max: 14, unit: working_days, estimate: {value}}}",
    )
    error = _error(text)
    assert error.field == f"steps[{_step_index('verify_business')}].duration.estimate"
    assert error.line == line
    assert "estimate" in error.message
    assert re.match(rf"process\.yml:{line}: steps\[\d+\]\.duration\.estimate: ", str(error))


def test_min_above_max() -> None:
    text, line = _broken(
        "{min: 2, max: 14, unit: working_days,", "{min: 20, max: 14, unit: working_days,"
    )
    error = _error(text)
    assert error.line == line
    assert "min is greater than max" in error.message


def test_unknown_field_and_duplicate_id_and_duplicate_key() -> None:
    text, line = _broken(
        "    page: next-steps.md#bm-verification\n", "    pgae: next-steps.md#bm-verification\n"
    )
    error = _error(text)
    assert error.line in (line, _line_of(text, "  - id: submit_business"))
    assert "pgae" in str(error) or "page" in str(error)
    text, line = _broken("  - id: find_bm_id\n", "  - id: company_details\n")
    error = _error(text)
    assert (error.line, "duplicate id") == (line, error.message[:12])
    text, line = _broken("    owner: meta\n", "    owner: meta\n    owner: meta\n")
    error = _error(text)
    assert error.line == line + 1
    assert "duplicate key" in error.message


def test_missing_page_is_reported_when_docs_are_given(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    with pytest.raises(ProcessFileError) as caught:
        parse_process(TEXT, SETTINGS, docs_dir=tmp_path / "docs")
    assert caught.value.field == "phases[0].page"
    assert "prepare.md" in caught.value.message


def test_empty_file() -> None:
    error = _error("")
    assert (error.line, error.field, error.message) == (1, "(top)", "the file is empty")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ProcessFileError, match=r"^missing\.yml: cannot read"):
        load_process(tmp_path / "missing.yml", SETTINGS)


# The step ids of the first published process: saved ticks and links use them, so none may go.
PUBLISHED_STEP_IDS = {
    "company_details",
    "find_bm_id",
    "draft_templates",
    "contact_person",
    "send_questionnaire",
    "sign_contract",
    "review_templates",
    "verify_templates",
    "registration",
    "change_description",
    "approve_name",
    "change_name",
    "send_bm_request",
    "accept_request",
    "security_center",
    "verify_business",
}


def test_every_step_is_owned_by_whoever_does_its_first_task() -> None:
    """The owner shown for a step is who acts first; the reader's part of a step is its own step."""
    process = parse_process(TEXT, SETTINGS)
    for step in process.steps:
        assert step.do[0].owner == step.owner, step.id
        assert {item.owner for item in step.do} <= set(process.owners), step.id
    assert {step.id for step in process.steps} >= PUBLISHED_STEP_IDS
    # A step where one owner acted first and another then acted is two steps, in that order.
    for first, later in (
        ("send_contract_draft", "sign_contract"),
        ("send_description", "change_description"),
        ("send_name", "approve_name"),
        ("submit_business", "verify_business"),
    ):
        assert process.step(first).owner != process.step(later).owner
        assert process.step(later).after == (first,)
        assert process.step(first).when == process.step(later).when
    assert process.step("send_name").owner == "client"
    assert process.step("send_contract_draft").owner == "provider"


def test_a_step_whose_first_task_is_someone_elses_names_the_split() -> None:
    text, _ = _broken(
        "      - owner: provider\n        ru: Провайдер заменяет описание",
        "      - ru: Провайдер заменяет описание",
    )
    error = _error(text)
    assert error.field == f"steps[{_step_index('change_description')}].owner"
    assert error.line == _line_of(text, "  - id: change_description") + 2
    assert "first task is done by 'client'" in error.message
    assert "split the step" in error.message


def test_a_task_of_an_unknown_owner_and_a_missing_reader() -> None:
    text, line = _broken("      - owner: meta\n", "      - owner: mata\n")
    error = _error(text)
    assert error.field == f"steps[{_step_index('verify_business')}].do[0].owner"
    assert error.line == line
    assert "unknown owner 'mata'" in error.message
    error = _error(_broken("reader: client\n", "")[0])
    assert (error.field, error.message) == ("reader", "missing field 'reader'")
    error = _error(_broken("reader: client\n", "reader: you\n")[0])
    assert error.field == "reader"
    assert error.message.startswith("unknown owner 'you'")
