"""Which steps apply, and due windows: weekends skipped, dependencies respected (property tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st
from process_data import PROCESS, ROOT

from process.model import Duration, Phase, Process, Question, Step, Text, Unit, process_to_json
from process.schedule import (
    add_days,
    applicable_steps,
    due_windows,
    effective_after,
    plan_json,
    relative_windows,
    subtract_days,
)
from process.workdays import Workdays, workdays_in

T = Text("т", "t")
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
ANSWERS = st.fixed_dictionaries({"name_change": st.booleans(), "description_change": st.booleans()})


def _weekdays_between(first: date, last: date) -> int:
    """Weekdays in (first, last]."""
    return sum((first + timedelta(d)).weekday() < 5 for d in range(1, (last - first).days + 1))


def _workdays_between(first: date, last: date, workdays: Workdays) -> int:
    """Working days in (first, last]."""
    return sum(workdays.is_workday(first + timedelta(d)) for d in range(1, (last - first).days + 1))


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 11, 27)
    assert add_days(friday, 1, Unit.WORKING_DAYS) == date(2026, 11, 30)  # Monday
    assert add_days(friday, 3, Unit.WORKING_DAYS) == date(2026, 12, 2)  # Wednesday
    assert add_days(friday, 3, Unit.CALENDAR_DAYS) == date(2026, 11, 30)
    saturday = date(2026, 11, 28)
    assert add_days(saturday, 0, Unit.WORKING_DAYS) == date(2026, 11, 30)
    assert add_days(saturday, 5, "working_days") == date(2026, 12, 7)
    assert subtract_days(date(2026, 11, 30), 1, Unit.WORKING_DAYS) == friday


@given(DAYS, st.integers(min_value=0, max_value=60))
def test_working_day_arithmetic(day: date, days: int) -> None:
    end = add_days(day, days, Unit.WORKING_DAYS)
    assert end.weekday() < 5
    first = day
    while first.weekday() >= 5:
        first += timedelta(1)
    assert _weekdays_between(first, end) == days
    assert subtract_days(end, days, Unit.WORKING_DAYS) == first
    assert subtract_days(day, days, Unit.CALENDAR_DAYS) == day - timedelta(days)


def test_conditions_add_and_remove_steps() -> None:
    plain = {s.id for s in applicable_steps(PROCESS, {})}
    assert {"approve_name", "change_name", "change_description"}.isdisjoint(plain)
    named = {s.id for s in applicable_steps(PROCESS, {"name_change": True})}
    assert named - plain == {"send_name", "approve_name", "change_name"}
    described = {s.id for s in applicable_steps(PROCESS, {"description_change": True})}
    assert described - plain == {"send_description", "change_description"}
    no = {"name_change": False, "description_change": False}
    assert {s.id for s in applicable_steps(PROCESS, no)} == plain


def _step(step_id: str, after: tuple[str, ...] = (), **extra: object) -> Step:
    return Step(
        id=step_id,
        phase="p",
        owner="o",
        title=T,
        duration=extra.pop("duration", Duration(1, 2)),  # type: ignore[arg-type]
        page="p.md",
        after=after,
        **extra,  # type: ignore[arg-type]
    )


def _process(steps: list[Step], start_step: str | None = None) -> Process:
    return Process(
        owners=MappingProxyType({"o": T}),
        questions=(Question("q", "bool", T),),
        phases=(Phase("p", T, "p.md"),),
        steps=tuple(steps),
        start_step=start_step,
    )


def test_a_skipped_step_passes_its_dependencies_on() -> None:
    process = _process(
        [
            _step("a"),
            _step("b", ("a",), when=MappingProxyType({"q": True})),
            _step("c", ("b",)),
        ]
    )
    assert effective_after(process, {"q": False}) == {"a": (), "c": ("a",)}
    assert effective_after(process, {"q": True})["c"] == ("b",)
    start = date(2026, 12, 1)
    windows = {w.step_id: w for w in due_windows(process, {"q": False}, start)}
    assert windows["c"].start == windows["a"].earliest_end


def test_preparation_ends_before_the_start_step() -> None:
    start = date(2026, 12, 2)  # Wednesday
    windows = {w.step_id: w for w in due_windows(PROCESS, {}, start)}
    assert windows["send_questionnaire"].start == start
    for dep in PROCESS.step("send_questionnaire").after:
        assert windows[dep].end <= start
        assert windows[dep].start < start


@st.composite
def processes(draw: st.DrawFn) -> Process:
    """Random acyclic processes: each step may depend on earlier ones and have a condition."""
    count = draw(st.integers(min_value=1, max_value=8))
    steps = []
    for i in range(count):
        low = draw(st.integers(min_value=0, max_value=10))
        high = draw(st.integers(min_value=low, max_value=25))
        after = draw(st.sets(st.integers(min_value=0, max_value=i - 1))) if i else set()
        conditional = draw(st.booleans())
        steps.append(
            _step(
                f"s{i}",
                tuple(f"s{j}" for j in sorted(after)),
                duration=Duration(low, high, draw(st.sampled_from(list(Unit)))),
                when=MappingProxyType({"q": draw(st.booleans())} if conditional else {}),
            )
        )
    start_step = draw(st.none() | st.sampled_from([s.id for s in steps]))
    return _process(steps, start_step)


def _check_windows(process: Process, answers: dict[str, bool], start: date) -> None:
    windows = {w.step_id: w for w in due_windows(process, answers, start)}
    workdays = workdays_in(process.country)
    assert list(windows) == [s.id for s in applicable_steps(process, answers)]
    after = effective_after(process, answers)
    for step in applicable_steps(process, answers):
        w = windows[step.id]
        assert w.start <= w.earliest_end <= w.end
        assert w.start <= w.latest_start <= w.end
        for dep in after[step.id]:
            assert w.start >= windows[dep].earliest_end, (step.id, dep)
            assert w.latest_start >= windows[dep].end, (step.id, dep)
        if step.duration.unit is Unit.WORKING_DAYS:
            assert all(map(workdays.is_workday, (w.start, w.end, w.earliest_end)))
            assert _workdays_between(w.latest_start, w.end, workdays) == step.duration.max
        else:
            assert (w.end - w.latest_start).days == step.duration.max
            assert (w.earliest_end - w.start).days == step.duration.min
    if process.start_step in windows:  # the start step begins on the first day it can
        anchor = windows[process.start_step].start
        days_off = (start + timedelta(n) for n in range((anchor - start).days))
        assert anchor >= start
        assert not any(map(workdays.is_workday, days_off))


@given(processes(), st.booleans(), DAYS)
def test_windows_respect_dependencies_in_random_processes(
    process: Process, answer: bool, start: date
) -> None:
    _check_windows(process, {"q": answer}, start)


@given(ANSWERS, DAYS)
def test_windows_respect_dependencies_in_the_real_process(answers: dict, start: date) -> None:
    _check_windows(PROCESS, answers, start)


def test_relative_windows_count_from_a_monday() -> None:
    relative = {w.step_id: w for w in relative_windows(PROCESS, {"name_change": True})}
    assert relative["send_questionnaire"].start == 0
    assert relative["company_details"].start < 0
    assert relative["registration"].end - relative["registration"].latest_start == 21
    assert relative["change_name"].end > relative["approve_name"].end


def test_plan_json_runs_from_the_published_json_alone() -> None:
    data = json.loads(json.dumps(process_to_json(PROCESS)))
    plan = plan_json(data, {"name_change": True}, "2026-12-02")
    expected = due_windows(PROCESS, {"name_change": True}, date(2026, 12, 2))
    assert plan["steps"] == [w.to_json() for w in expected]
    assert plan["steps"][0].keys() >= {"id", "start", "end"}


def test_the_browser_side_needs_neither_yaml_nor_jsonschema_nor_mkdocs() -> None:
    """schedule, model, guide and timeline import in a Python where those packages cannot load."""
    blocked = "import sys\nfor name in ('yaml', 'jsonschema', 'mkdocs'): sys.modules[name] = None\n"
    code = blocked + "import process.schedule, process.model, process.guide, process.timeline\n"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
