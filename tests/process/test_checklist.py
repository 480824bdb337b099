"""The personal checklist: answers checks, conditions, dates, templates, summary, documents."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from process_data import PROCESS, ROOT

from process.answers import ANSWER_KEYS, Answers, AnswersError, parse_answers
from process.browser import checklist_json
from process.checklist import build_checklist, checklist_to_json, print_css
from process.document import checklist_html, checklist_md
from process.model import Unit, process_to_json
from process.schedule import effective_after
from process.workdays import workdays_in
from validator import check

TODAY = date(2026, 11, 25)
BASE = {
    "company": "Ромашка",
    "bm_id": "123456789012345",
    "manager_name": "Анна",
    "manager_contact": "anna@example.com",
    "start_date": "2026-12-01",
    "name_change": False,
    "description_change": False,
    "templates": [{"name": "order_shipped", "body": "Ваш заказ {{1}} передан в доставку."}],
}
NAME_STEPS = {"approve_name", "change_name"}


def _data(lang: str = "ru", **changes: Any) -> dict[str, Any]:
    answers = parse_answers({**BASE, **changes}, today=TODAY)
    return checklist_to_json(build_checklist(PROCESS, answers), lang)


def _error(raw: Any) -> AnswersError:
    with pytest.raises(AnswersError) as caught:
        parse_answers(raw, today=TODAY)
    return caught.value


# ------------------------------------------------------------------------------------- answers


def test_answers_keep_every_fixed_key() -> None:
    answers = parse_answers(BASE, today=TODAY)
    assert tuple(answers.to_json()) == ANSWER_KEYS
    assert parse_answers(answers.to_json(), today=TODAY) == answers


def test_only_the_company_is_required_and_defaults_apply() -> None:
    answers = parse_answers({"company": "Ромашка", "later_key": 1}, today=TODAY)
    assert answers == Answers(company="Ромашка", start_date=TODAY)
    assert _error({"bm_id": "123456"}).field == "company"
    assert _error({"company": "   "}).field == "company"


@pytest.mark.parametrize("raw", [None, [], "company: x", 42])
def test_answers_must_be_an_object(raw: Any) -> None:
    assert _error(raw).field == "(answers)"


@pytest.mark.parametrize("bm_id", ["123456789012345", "12345", 123456789012345, " 1234567890 "])
def test_bm_id_accepts_digits(bm_id: Any) -> None:
    assert parse_answers({**BASE, "bm_id": bm_id}, today=TODAY).bm_id == str(bm_id).strip()


@pytest.mark.parametrize(
    "bm_id",
    [
        "12345abc",
        "1234 5678 9012",
        "1234",
        "1" * 21,
        "-123456",
        "１２３４５６",
        "12345.6",
        1.5,
        True,
    ],
)
def test_bm_id_rejects_what_is_not_digits(bm_id: Any) -> None:
    error = _error({**BASE, "bm_id": bm_id})
    assert error.field == "bm_id"
    for lang in ("ru", "en"):
        message = error.message(lang)  # the page's words: the label, never the file's key
        assert "bm_id" not in message
        assert "Business Manager ID" in message
        assert "\n" not in message
        assert error.line(lang).startswith("bm_id: ")  # the command line names the key
    assert "digits" in error.message("en")
    assert "цифр" in error.message("ru")


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({**BASE, "start_date": "2026-02-30"}, "start_date"),
        ({**BASE, "start_date": "1900-01-01"}, "start_date"),
        ({**BASE, "templates": [{"name": "a", "body": " "}]}, "templates[0].body"),
        ({**BASE, "company": "x" * 201}, "company"),
        ({**BASE, "phone": "call me"}, "phone"),
    ],
)
def test_messages_name_no_file_key(raw: dict[str, Any], field: str) -> None:
    error = _error(raw)
    assert error.field == field
    for lang in ("ru", "en"):
        message = error.message(lang)
        for key in (*ANSWER_KEYS, "body"):
            assert not any(f"{key}{mark}" in message for mark in (":", "[", ")"))
        assert error.line(lang).startswith(f"{field}: ")
    assert _error({**BASE, "templates": ["ok", " "]}).message("en").startswith("Template 2: ")


@pytest.mark.parametrize("phone", ["+7 900 123-45-67", "8 (900) 123 45 67", "+442071234567"])
def test_a_phone_number_is_digits_as_people_write_them(phone: str) -> None:
    assert parse_answers({**BASE, "phone": phone}, today=TODAY).phone == phone


@pytest.mark.parametrize("phone", ["123-45", "+7 900 abc", "1" * 16, "+7 900 123 45 67 ext 2"])
def test_a_phone_number_that_is_not_one_is_refused(phone: str) -> None:
    assert _error({**BASE, "phone": phone}).field == "phone"


def test_the_summary_holds_what_the_questionnaire_needs() -> None:
    given = {
        "contact_person": "Иван Сидоров, ivan@example.com",
        "phone": "+7 900 123-45-67",
        "website": "https://romashka.example",
        "display_name": "Ромашка: цветы",
        "description": "Цветы с доставкой по Москве.",
        "templates": [
            {"name": "order_shipped", "body": "Ваш заказ {{1}} передан в доставку."},
            {"name": "sale", "body": "Скидка 30% на всё до пятницы!"},
            {"name": "fixed", "body": "Ваш заказ {{1}} передан.", "examples": {"1": "A-1"}},
        ],
    }
    summary = _data(**given)["summary"]
    rows = {row["key"]: row["value"] for row in summary["rows"]}
    for key in ("contact_person", "phone", "website"):
        assert rows[key] == given[key]
        assert given[key] in summary["text"]
    # the new name and description only when they change
    assert "display_name" not in rows and "description" not in rows
    assert given["display_name"] not in summary["text"]
    changed = _data(name_change=True, description_change=True, **given)["summary"]
    rows = {row["key"]: row["value"] for row in changed["rows"]}
    assert rows["display_name"] == given["display_name"]
    assert rows["description"] == given["description"]
    assert given["description"] in changed["text"]
    # which templates still have errors, by name
    assert rows["templates_errors"] == "order_shipped, sale"
    assert "Шаблоны с ошибками: order_shipped, sale" in changed["text"]
    assert "2. sale (Маркетинг)" in changed["text"]  # Meta's category name in the language
    # what is not given yet says so
    empty = {row["key"]: row["value"] for row in _data()["summary"]["rows"]}
    assert empty["phone"] == empty["website"] == "не указано"


def test_an_example_value_clears_the_missing_example_error() -> None:
    template = {"name": "order_shipped", "body": "Ваш заказ {{1}} передан в доставку."}
    bare = _data(templates=[template])["templates"]["items"][0]
    assert bare["variables"] == ["1"]
    assert not bare["ok"]
    given = _data(templates=[{**template, "examples": {"1": "A-1029"}}])["templates"]
    assert given["items"][0]["ok"]


def test_an_empty_bm_id_is_allowed_and_warned_about() -> None:
    data = _data(bm_id="")
    assert "bm_id_missing" in {w["id"] for w in data["warnings"]}
    assert "bm_id_missing" not in {w["id"] for w in _data()["warnings"]}


@pytest.mark.parametrize(
    "value", ["01.12.2026", "2026-13-01", "2026-2-1", "20261201", "tomorrow", 20261201]
)
def test_start_date_must_be_iso(value: Any) -> None:
    error = _error({**BASE, "start_date": value})
    assert error.field == "start_date"
    assert "YYYY-MM-DD" in error.message("en")


def test_start_date_defaults_to_today_and_takes_a_yaml_date() -> None:
    assert parse_answers({"company": "X", "start_date": ""}, today=TODAY).start_date == TODAY
    given_day = parse_answers({"company": "X", "start_date": date(2027, 1, 4)}, today=TODAY)
    assert given_day.start_date == date(2027, 1, 4)


@pytest.mark.parametrize("key", ["name_change", "description_change"])
@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "да"])
def test_yes_no_answers_must_be_booleans(key: str, value: Any) -> None:
    assert _error({**BASE, key: value}).field == key


@pytest.mark.parametrize(
    ("templates", "field"),
    [
        ("body", "templates"),
        ({"body": "x"}, "templates"),
        ([42], "templates[0]"),
        ([{"body": "ok"}, {"name": "x"}], "templates[1].body"),
        ([{"body": "  "}], "templates[0].body"),
        ([{"body": ["list"]}], "templates[0].body"),
    ],
)
def test_templates_must_be_a_list_of_templates(templates: Any, field: str) -> None:
    assert _error({**BASE, "templates": templates}).field == field


def test_text_answers_are_text_and_short() -> None:
    assert _error({**BASE, "manager_name": ["x"]}).field == "manager_name"
    assert _error({**BASE, "company": "x" * 201}).field == "company"
    plain = parse_answers({**BASE, "templates": ["Просто текст {{1}}."]}, today=TODAY)
    assert plain.templates == ({"body": "Просто текст {{1}}."},)


# ---------------------------------------------------------------------------------- conditions


def test_a_name_change_adds_its_steps_and_the_warning() -> None:
    for lang in ("ru", "en"):
        data = _data(lang, name_change=True)
        ids = {s["id"] for s in data["steps"]}
        assert ids >= NAME_STEPS
        warning = next(w for w in data["warnings"] if w["id"] == "approve_name")
        assert warning["until"] == next(
            s["end"] for s in data["steps"] if s["id"] == "approve_name"
        )
    assert "двухфакторн" in _data("ru", name_change=True)["warnings"][0]["message"]
    assert "two-factor" in _data("en", name_change=True)["warnings"][0]["message"]


def test_no_change_means_no_change_steps_and_no_warning() -> None:
    data = _data()
    ids = {s["id"] for s in data["steps"]}
    assert not ids & (NAME_STEPS | {"change_description"})
    assert "approve_name" not in {w["id"] for w in data["warnings"]}
    assert "change_description" in {s["id"] for s in _data(description_change=True)["steps"]}


def test_steps_follow_the_definition_grouped_by_phase() -> None:
    data = _data(name_change=True, description_change=True)
    phases = [p.id for p in PROCESS.phases]
    shown = [s["phase"] for s in data["steps"]]
    assert shown == sorted(shown, key=phases.index)
    assert [s["id"] for s in data["steps"]] == [s.id for s in PROCESS.steps]


def test_each_step_carries_owner_title_and_dates() -> None:
    data = _data("en")
    registration = next(s for s in data["steps"] if s["id"] == "registration")
    assert registration["owner"] == "WhatsApp"
    assert registration["title"] == PROCESS.step("registration").title.en
    send = next(s for s in data["steps"] if s["id"] == "send_questionnaire")
    assert send["start"] == "2026-12-01"
    for step in data["steps"]:
        assert date.fromisoformat(step["start"]) <= date.fromisoformat(step["end"])


# --------------------------------------------------------------------------- date arithmetic

ANSWERS = st.fixed_dictionaries({"name_change": st.booleans(), "description_change": st.booleans()})
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(ANSWERS, DAYS)
def test_no_step_starts_before_what_it_depends_on(answers: dict, start: date) -> None:
    data = _data(start_date=start.isoformat(), **answers)
    steps = {s["id"]: s for s in data["steps"]}
    after = effective_after(PROCESS, answers)
    for step_id, step in steps.items():
        for dep in after[step_id]:
            assert step["start"] >= steps[dep]["start"], (step_id, dep)
            assert step["start"] >= steps[dep]["earliest_end"], (step_id, dep)
            assert step["latest_start"] >= steps[dep]["end"], (step_id, dep)


@given(ANSWERS, DAYS)
def test_working_day_steps_follow_the_working_calendar(answers: dict, start: date) -> None:
    data = _data(start_date=start.isoformat(), **answers)
    workdays = workdays_in(PROCESS.country)
    for step in data["steps"]:
        duration = PROCESS.step(step["id"]).duration
        first, last = date.fromisoformat(step["latest_start"]), date.fromisoformat(step["end"])
        if duration.unit is Unit.WORKING_DAYS:
            for key in ("start", "end", "earliest_end", "latest_start"):
                assert workdays.is_workday(date.fromisoformat(step[key])), (step["id"], key)
            days = (first + timedelta(days=n) for n in range(1, (last - first).days + 1))
            assert sum(map(workdays.is_workday, days)) == duration.max
        else:
            assert (last - first).days == duration.max


def test_a_weekend_start_moves_the_questionnaire_to_monday() -> None:
    data = _data(start_date="2026-12-05")  # a Saturday; sending is counted in working days
    send = next(s for s in data["steps"] if s["id"] == "send_questionnaire")
    assert send["start"] == "2026-12-07"


# ----------------------------------------------------------------------- templates and summary


def test_templates_are_checked_by_the_validator() -> None:
    templates = [
        {"name": "promo", "body": "Скидка 20% на всё!"},
        {"name": "order", "body": "Ваш заказ {{1}} передан в доставку.", "examples": ["12"]},
    ]
    data = _data("en", templates=templates)
    summary = data["templates"]
    assert summary["total"] == 2
    for item, template in zip(summary["items"], templates, strict=True):
        report = check(template)
        assert item["ok"] == report.ok
        assert [f["rule"] for f in item["findings"]] == [f.rule for f in report.findings]
    assert summary["with_errors"] == sum(not check(t).ok for t in templates)
    if summary["with_errors"]:
        assert "templates_errors" in {w["id"] for w in data["warnings"]}
    assert "templates_missing" in {w["id"] for w in _data(templates=[])["warnings"]}


def test_the_questionnaire_summary_holds_the_answers_and_templates() -> None:
    data = _data("en", name_change=True)
    rows = {row["key"]: row["value"] for row in data["summary"]["rows"]}
    assert rows["company"] == "Ромашка"
    assert rows["bm_id"] == "123456789012345"
    assert rows["manager"] == "Анна · anna@example.com"
    assert rows["name_change"] == "yes"
    assert rows["description_change"] == "no"
    text = data["summary"]["text"]
    assert "Ваш заказ {{1}} передан в доставку." in text
    assert "order_shipped" in text


# ------------------------------------------------------------------------------ browser entry


def _request(**answers: Any) -> str:
    return json.dumps(
        {
            "lang": "en",
            "today": TODAY.isoformat(),
            "answers": {**BASE, **answers},
            "process": process_to_json(PROCESS),
        }
    )


def test_the_browser_entry_gives_what_the_cli_gives() -> None:
    for answers in ({}, {"name_change": True}, {"description_change": True, "bm_id": ""}):
        result = json.loads(checklist_json(_request(**answers)))
        expected = _data("en", **answers)
        assert result["steps"] == expected["steps"]
        assert result["warnings"] == expected["warnings"]
        assert result["timeline_svg"].startswith('<figure class="wa-timeline">')
        assert 'data-step="registration"' in result["timeline_svg"]


def test_the_browser_entry_reads_process_json_text() -> None:
    text = json.dumps({**process_to_json(PROCESS), "provider": {}})
    request = json.dumps({"lang": "ru", "today": "2026-11-25", "answers": BASE})
    result = json.loads(checklist_json(request, text))
    assert result["steps"] == _data("ru")["steps"]
    assert "error" in json.loads(checklist_json(request, "not json"))
    assert "error" in json.loads(checklist_json(request))


def test_the_browser_entry_reports_bad_answers_and_bad_requests() -> None:
    invalid = json.loads(checklist_json(_request(bm_id="12ab34")))
    assert invalid["invalid"]["field"] == "bm_id"
    assert invalid["invalid"]["message"].startswith("a Business Manager ID is digits")
    assert "error" in json.loads(checklist_json("{not json"))
    assert "error" in json.loads(checklist_json('{"answers": {}, "process": {"steps": 1}}'))


def test_the_browser_modules_import_without_build_tools() -> None:
    code = (
        "import sys, process.browser, process.document\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "bad = {'yaml', 'jsonschema', 'mkdocs', 'material'} & loaded\n"
        "print(sorted(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------------- documents


HOSTILE = 'Evil "Co" </style><script>alert(1)</script> [x](http://e.x) *b*'


def test_print_css_escapes_the_company_name() -> None:
    css = print_css(HOSTILE, date(2026, 12, 1), "en")
    assert "<" not in css
    assert ">" not in css
    assert '"Co"' not in css
    assert "@top-left" in css
    assert "1 Dec 2026" in css


def test_html_document_marks_every_step_and_escapes_user_text() -> None:
    answers = parse_answers({**BASE, "company": HOSTILE, "name_change": True}, today=TODAY)
    data = checklist_to_json(build_checklist(PROCESS, answers), "ru", timeline=True, made=TODAY)
    html = checklist_html(data, "/* css */")
    assert "<script>" not in html
    assert 'data-checklist-state="ready"' in html
    for step in data["steps"]:
        marker = f'data-step="{step["id"]}" data-start="{step["start"]}" data-end="{step["end"]}"'
        assert marker in html
        assert f'<input type="checkbox" id="wa-pc-{step["id"]}">' in html
    assert "<svg" in html
    assert "/* css */" in html


def test_markdown_document_is_a_task_list_with_inert_user_text() -> None:
    answers = parse_answers({**BASE, "company": HOSTILE}, today=TODAY)
    md = checklist_md(checklist_to_json(build_checklist(PROCESS, answers), "en"))
    assert "[x](" not in md
    assert "\\[x\\](" in md
    assert "<script>" not in md
    steps = [line for line in md.splitlines() if line.startswith("- [ ] **")]
    assert len(steps) == len(build_checklist(PROCESS, answers).steps)


def test_the_checklist_its_warnings_and_its_timeline_read_one_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Plan once, render from the plan: the windows are computed once per checklist."""
    import process.schedule

    computed = []
    windows = process.schedule._windows
    monkeypatch.setattr(
        process.schedule, "_windows", lambda *args: computed.append(1) or windows(*args)
    )
    answers = parse_answers({**BASE, "name_change": True}, today=TODAY)
    data = checklist_to_json(build_checklist(PROCESS, answers), "en", timeline=True)
    assert data["timeline_svg"].startswith("<figure")
    assert any(w["id"] == "approve_name" for w in data["warnings"])
    assert len(computed) == 1


@pytest.mark.parametrize(("lang", "mark"), [("ru", "оценка)"), ("en", "estimate)")])
def test_the_documents_mark_every_estimate_and_follow_the_working_calendar(
    lang: str, mark: str
) -> None:
    data = _data(lang, start_date="2026-12-29", description_change=True)
    html, md = checklist_html(data), checklist_md(data)
    for step in data["steps"]:
        estimate = PROCESS.step(step["id"]).duration.estimate
        assert (mark in step["duration"]) == estimate, step["id"]
        assert f'<span class="wa-pc-duration">{step["duration"]}</span>' in html
        assert f" · {step['duration']}" in md
    end = {step["id"]: step["end"] for step in data["steps"]}
    assert end["send_contract_draft"] == "2026-12-30"  # one working day after 29 December
    assert end["sign_contract"] == "2027-01-15"  # then 11-15 January: the holidays skipped
