"""Working days follow the provider country's calendar: Russian holidays and transfers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from process_data import PROCESS, ROOT, SETTINGS

from process.definition import parse_process
from process.errors import ProcessFileError
from process.model import Unit
from process.schedule import add_days, make_plan, subtract_days
from process.workdays import WEEKDAYS, country_module, workdays_in

RUSSIA = workdays_in("RU")
EVERY_STEP = {"name_change": True, "description_change": True}
NEW_YEAR_2027 = [date(2027, 1, day) for day in range(1, 9)]  # 1-8 January: days off in Russia


def test_the_kit_follows_russia_by_default() -> None:
    assert "country" not in SETTINGS or SETTINGS["country"] == "RU"
    assert PROCESS.country == "RU"
    assert country_module("ru") == "russia"
    assert country_module("XX") is None


def test_russian_new_year_holidays_and_a_transferred_working_saturday() -> None:
    assert not any(map(RUSSIA.is_workday, NEW_YEAR_2027))
    assert RUSSIA.is_workday(date(2027, 1, 11))
    assert not RUSSIA.is_workday(date(2026, 12, 31))  # transferred from Sunday 4 January 2026
    saturday = date(2027, 2, 20)  # worked instead of Monday 22 February
    assert saturday.weekday() == 5
    assert RUSSIA.is_workday(saturday)
    assert not RUSSIA.is_workday(date(2027, 2, 22))
    assert not WEEKDAYS.is_workday(saturday)
    assert all(map(WEEKDAYS.is_workday, NEW_YEAR_2027[3:6]))  # Mon-Wed with no calendar


def test_counting_working_days_across_the_new_year_and_a_transfer() -> None:
    tuesday = date(2026, 12, 29)
    assert add_days(tuesday, 2, Unit.WORKING_DAYS, RUSSIA) == date(2027, 1, 11)
    assert subtract_days(date(2027, 1, 11), 2, Unit.WORKING_DAYS, RUSSIA) == tuesday
    friday = date(2027, 2, 19)
    assert add_days(friday, 1, Unit.WORKING_DAYS, RUSSIA) == date(2027, 2, 20)
    assert add_days(friday, 2, Unit.WORKING_DAYS, RUSSIA) == date(2027, 2, 24)
    assert add_days(friday, 1, Unit.CALENDAR_DAYS, RUSSIA) == date(2027, 2, 20)


def test_a_plan_from_29_december_puts_no_work_on_1_to_8_january() -> None:
    plan = make_plan(PROCESS, EVERY_STEP, date(2026, 12, 29))
    assert plan.workdays == RUSSIA
    working = [
        w for w in plan.windows if PROCESS.step(w.step_id).duration.unit is Unit.WORKING_DAYS
    ]
    assert len(working) > 5
    for window in working:
        for day in (window.start, window.end, window.earliest_end, window.latest_start):
            assert day not in NEW_YEAR_2027, window
    # The draft by 30 December (one working day), then five working days: 11-15 January.
    assert plan.window("send_contract_draft").end == date(2026, 12, 30)
    assert plan.window("sign_contract").end == date(2027, 1, 15)
    weekdays_only = make_plan(PROCESS, EVERY_STEP, date(2026, 12, 29), WEEKDAYS)
    assert weekdays_only.window("sign_contract").end == date(2027, 1, 6)  # 31 Dec, 1, 4, 5, 6 Jan


def test_a_plan_counts_the_transferred_working_saturday() -> None:
    plan = make_plan(PROCESS, {}, date(2027, 2, 19))  # a Friday; sending takes a working day
    assert plan.window("send_questionnaire").end == date(2027, 2, 20)


def test_a_process_without_country_counts_weekdays() -> None:
    plan = make_plan(replace(PROCESS, country=None), {}, date(2026, 12, 29))
    assert plan.window("send_contract_draft").end == date(2026, 12, 30)
    assert plan.window("sign_contract").end == date(2027, 1, 6)  # 31 Dec, 1, 4, 5, 6 Jan
    assert (plan.window("sign_contract").end - date(2026, 12, 29)) == timedelta(days=8)


@pytest.mark.parametrize("country", ["XX", "Russia", 7, ""])
def test_an_unknown_country_fails_the_build_naming_the_setting(country: object) -> None:
    text = (ROOT / "process.yml").read_text(encoding="utf-8")
    with pytest.raises(ProcessFileError) as caught:
        parse_process(text, {**SETTINGS, "country": country})
    assert caught.value.file == "mkdocs.yml"
    assert caught.value.field == "extra.provider.country"
    assert "ISO 3166" in caught.value.message


def test_another_country_follows_its_own_calendar() -> None:
    text = (ROOT / "process.yml").read_text(encoding="utf-8")
    germany = parse_process(text, {**SETTINGS, "country": "de"})
    assert germany.country == "DE"
    plan = make_plan(germany, {}, date(2026, 12, 29))
    # The draft by 30 December, then 31 December, 4-7 January (1 January is a holiday there too).
    assert plan.window("sign_contract").end == date(2027, 1, 7)
