"""Which steps apply for given answers, and when each is due (pure; also runs in Pyodide).

Imports only the standard library and `process.model`, so the browser can run it from
``process.json`` alone::

    process = process_from_json(json.loads(text))            # or schedule.plan_json(...)
    steps = applicable_steps(process, {"name_change": True})
    plan = make_plan(process, answers, date(2026, 12, 1))   # steps, dependencies and windows

Dates are days, not moments. A step that may begin on `start` and takes *n* days is done by
`start + n` (calendar days) or by the *n*-th working day after `start` (working days follow the
process's country, `process.workdays`: weekends and public holidays are skipped, a transferred
working Saturday counts, and a working-day step never starts or ends on a day off). The generic
timeline, which counts days from a Monday rather than dates, skips weekends only.

Scheduling: the process's ``start_step`` (the questionnaire going out) begins on the reader's
start date. The steps it depends on are scheduled backwards, so each is finished, even at its
longest, before what follows it; every other step starts when all it depends on can be done
(earliest: each dependency at its shortest; latest: each at its longest). A step that does not
apply is skipped and what came after it depends on what it depended on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from process.model import Process, Step, Unit, process_from_json
from process.workdays import WEEKDAYS, Workdays, workdays_in

__all__ = [
    "REFERENCE_MONDAY",
    "Plan",
    "RelativeWindow",
    "StepWindow",
    "add_days",
    "applicable_steps",
    "applies",
    "due_windows",
    "effective_after",
    "generic_answers",
    "make_plan",
    "plan_json",
    "relative_windows",
    "subtract_days",
]

#: Day 0 of the generic timeline: a Monday, so working days fall as they would in a real week.
REFERENCE_MONDAY = date(2024, 1, 1)


@dataclass(frozen=True, slots=True)
class StepWindow:
    """When one step should happen.

    `start` is the earliest day it can begin (what it depends on done at its quickest);
    `end` the day it is done by at the latest (dependencies and the step at their longest).
    `earliest_end` = `start` + min duration; `latest_start` = the day its slowest dependency ends.
    """

    step_id: str
    start: date
    end: date
    earliest_end: date
    latest_start: date

    def to_json(self) -> dict[str, str]:
        """ISO dates keyed ``id``, ``start``, ``end``, ``earliest_end``, ``latest_start``."""
        return {
            "id": self.step_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "earliest_end": self.earliest_end.isoformat(),
            "latest_start": self.latest_start.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class RelativeWindow:
    """A `StepWindow` as calendar-day offsets from the start day (day 0 = a Monday)."""

    step_id: str
    start: int
    end: int
    earliest_end: int
    latest_start: int


def _roll(day: date, unit: Unit, workdays: Workdays, step: int) -> date:
    """`day`, or the nearest working day after it (step 1) or before it (step -1)."""
    while unit is Unit.WORKING_DAYS and not workdays.is_workday(day):
        day += timedelta(days=step)
    return day


def _count(day: date, days: int, unit: Unit | str, workdays: Workdays, step: int) -> date:
    """`days` days (working days: `days` working days) after `day` (step 1) or before it (-1)."""
    unit = Unit(unit)
    if unit is Unit.CALENDAR_DAYS:
        return day + timedelta(days=step * days)
    day = _roll(day, unit, workdays, step)
    if workdays is WEEKDAYS:  # five working days a week: skip whole weeks at once
        weeks, days = divmod(days, 5)
        day += timedelta(weeks=step * weeks)
    while days:
        day += timedelta(days=step)
        if workdays.is_workday(day):
            days -= 1
    return day


def add_days(day: date, days: int, unit: Unit | str, workdays: Workdays = WEEKDAYS) -> date:
    """The day a `days`-long step begun on `day` is done (days off skipped for working days)."""
    return _count(day, days, unit, workdays, 1)


def subtract_days(day: date, days: int, unit: Unit | str, workdays: Workdays = WEEKDAYS) -> date:
    """The day a `days`-long step must begin to be done by `day` (inverse of `add_days`)."""
    return _count(day, days, unit, workdays, -1)


def _question_types(process: Process) -> dict[str, str]:
    return {q.id: q.type for q in process.questions}


def _answer(types: Mapping[str, str], question_id: str, answers: Mapping[str, Any]) -> Any:
    """The reader's answer; an unanswered yes/no question counts as "no"."""
    if question_id in answers and answers[question_id] is not None:
        return answers[question_id]
    return False if types.get(question_id) == "bool" else None


def _applies(step: Step, answers: Mapping[str, Any], types: Mapping[str, str]) -> bool:
    return all(_answer(types, q, answers) == v for q, v in step.when.items())


def applies(process: Process, step: Step, answers: Mapping[str, Any]) -> bool:
    """True when every condition in the step's `when` matches the answers."""
    return _applies(step, answers, _question_types(process))


def applicable_steps(process: Process, answers: Mapping[str, Any]) -> list[Step]:
    """The steps that apply for `answers`, in the order of the process definition."""
    types = _question_types(process)  # once per call, not once per condition
    return [step for step in process.steps if _applies(step, answers, types)]


def effective_after(process: Process, answers: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each applicable step's dependencies, reaching through steps that do not apply."""
    return _effective_after(process, applicable_steps(process, answers))


def _effective_after(process: Process, kept_steps: Iterable[Step]) -> dict[str, tuple[str, ...]]:
    kept = {step.id for step in kept_steps}
    by_id = {step.id: step for step in process.steps}

    def resolve(step_ids: Iterable[str]) -> list[str]:
        out: list[str] = []
        for dep in step_ids:
            for found in [dep] if dep in kept else resolve(by_id[dep].after):
                if found not in out:
                    out.append(found)
        return out

    return {step_id: tuple(resolve(by_id[step_id].after)) for step_id in by_id if step_id in kept}


def _topological(order: list[str], after: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Dependencies first; otherwise the order of the definition (the file has no cycles)."""
    done: list[str] = []
    seen: set[str] = set()

    def visit(step_id: str) -> None:
        if step_id in seen:
            return
        seen.add(step_id)
        for dep in after[step_id]:
            visit(dep)
        done.append(step_id)

    for step_id in order:
        visit(step_id)
    return done


def _ancestors(step_id: str, after: Mapping[str, tuple[str, ...]]) -> set[str]:
    found: set[str] = set()
    todo = list(after[step_id])
    while todo:
        dep = todo.pop()
        if dep not in found:
            found.add(dep)
            todo.extend(after[dep])
    return found


@dataclass(frozen=True, slots=True)
class Plan:
    """What applies for some answers and when, computed once: the applicable steps (definition
    order), their dependencies reaching through the steps left out, and their windows from
    `start` (same order). The checklist, its warnings and its timeline all read it."""

    start: date
    steps: tuple[Step, ...]
    after: Mapping[str, tuple[str, ...]]
    windows: tuple[StepWindow, ...]
    workdays: Workdays = WEEKDAYS

    def window(self, step_id: str) -> StepWindow:
        """The window of an applicable step (KeyError otherwise)."""
        for window in self.windows:
            if window.step_id == step_id:
                return window
        raise KeyError(step_id)


def make_plan(
    process: Process, answers: Mapping[str, Any], start: date, workdays: Workdays | None = None
) -> Plan:
    """The plan for `answers` of a process whose start step begins on `start`; working days
    follow `workdays`, by default the process's country's calendar."""
    workdays = workdays_in(process.country) if workdays is None else workdays
    steps = applicable_steps(process, answers)
    after = _effective_after(process, steps)
    windows = _windows(process, steps, after, start, workdays)
    return Plan(start, tuple(steps), after, tuple(windows), workdays)


def due_windows(process: Process, answers: Mapping[str, Any], start: date) -> list[StepWindow]:
    """The window of every applicable step for a process whose start step begins on `start`."""
    return list(make_plan(process, answers, start).windows)


def _windows(
    process: Process,
    kept_steps: list[Step],
    after: Mapping[str, tuple[str, ...]],
    start: date,
    workdays: Workdays,
) -> list[StepWindow]:
    steps = {step.id: step for step in kept_steps}
    order = _topological(list(steps), after)
    anchor = process.start_step if process.start_step in steps else None
    before = _ancestors(anchor, after) if anchor else set()
    windows: dict[str, StepWindow] = {}

    for step_id in reversed(order):  # backwards: what the start step needs, done before it
        if step_id not in before:
            continue
        step = steps[step_id]
        unit = step.duration.unit
        deadline = min(
            start if succ == anchor else windows[succ].start
            for succ in order
            if step_id in after[succ] and (succ in before or succ == anchor)
        )
        end = _roll(deadline, unit, workdays, -1)
        begin = subtract_days(end, step.duration.max, unit, workdays)
        windows[step_id] = StepWindow(
            step_id, begin, end, add_days(begin, step.duration.min, unit, workdays), begin
        )

    for step_id in order:  # forwards: everything else
        if step_id in before:
            continue
        step = steps[step_id]
        unit = step.duration.unit
        deps = [windows[dep] for dep in after[step_id]]
        if step_id == anchor or not deps:
            earliest = latest = start
        else:
            earliest = max(w.earliest_end for w in deps)
            latest = max(w.end for w in deps)
        earliest, latest = _roll(earliest, unit, workdays, 1), _roll(latest, unit, workdays, 1)
        windows[step_id] = StepWindow(
            step_id,
            earliest,
            add_days(latest, step.duration.max, unit, workdays),
            add_days(earliest, step.duration.min, unit, workdays),
            latest,
        )
    return [windows[step_id] for step_id in steps]


def relative_windows(process: Process, answers: Mapping[str, Any]) -> list[RelativeWindow]:
    """`due_windows` as day offsets from a start on a Monday (the generic timeline: weekends
    skipped, no country's holidays)."""

    def offset(day: date) -> int:
        return (day - REFERENCE_MONDAY).days

    return [
        RelativeWindow(
            w.step_id,
            offset(w.start),
            offset(w.end),
            offset(w.earliest_end),
            offset(w.latest_start),
        )
        for w in make_plan(process, answers, REFERENCE_MONDAY, WEEKDAYS).windows
    ]


def generic_answers(process: Process) -> dict[str, bool]:
    """Answers that switch every yes/no condition on, so a generic view shows every step."""
    return {q.id: True for q in process.questions if q.type == "bool"}


def plan_json(process_json: Mapping[str, Any], answers: Mapping[str, Any], start: str) -> dict:
    """Browser entry: ``{"steps": [StepWindow.to_json()...]}`` from ``process.json`` data.

    `start` is an ISO date (``YYYY-MM-DD``); steps come in the order of the definition.
    """
    process = process_from_json(process_json)
    windows = due_windows(process, answers, date.fromisoformat(start))
    return {"steps": [w.to_json() for w in windows]}
