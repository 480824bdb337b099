"""The process model: frozen dataclasses and their JSON form (pure; also runs in Pyodide).

`process_to_json` writes the dict the build publishes as ``process.json``; `process_from_json`
reads it back. Both sides use only the standard library, so the browser needs neither YAML nor
jsonschema: the build has validated the file and resolved provider settings before writing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

LANGUAGES = ("ru", "en")


class Unit(StrEnum):
    """How a duration counts days."""

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"


@dataclass(frozen=True, slots=True)
class Text:
    """A human text in both languages."""

    ru: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("ru" or "en")."""
        return self.en if lang == "en" else self.ru


@dataclass(frozen=True, slots=True)
class Duration:
    """How long a step takes: `min`..`max` days counted in `unit` (settings already resolved).

    `estimate`: the provider does not state these figures (shown as "≈ … (estimate)");
    `words`: how the provider states a duration it gives no figures for ("a few days"), shown
    instead of the figures, which the schedule still plans with.
    """

    min: int
    max: int
    unit: Unit = Unit.CALENDAR_DAYS
    estimate: bool = False
    words: Text | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One task of a step, optionally linked to a docs page (``checker.md``).

    `owner`: who does it (an owner id; the build fills in the process's reader when the file
    names none). A step's first task is its owner's.
    """

    text: Text
    page: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the process: who does what, when it applies, how long it takes."""

    id: str
    phase: str
    owner: str
    title: Text
    duration: Duration
    page: str
    after: tuple[str, ...] = ()
    when: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    do: tuple[Item, ...] = ()
    note: Text | None = None
    warning: Text | None = None

    @property
    def conditional(self) -> bool:
        """True when the step applies only for some answers."""
        return bool(self.when)


@dataclass(frozen=True, slots=True)
class Phase:
    """A section of the guide; its steps are explained on `page`."""

    id: str
    title: Text
    page: str


@dataclass(frozen=True, slots=True)
class Question:
    """Something the reader answers that decides which steps apply."""

    id: str
    type: str
    label: Text
    choices: tuple[str, ...] = ()
    condition: Text | None = None  # the "yes" case as a clause: "the display name changes"


@dataclass(frozen=True, slots=True)
class Process:
    """The whole process definition."""

    owners: Mapping[str, Text]
    questions: tuple[Question, ...]
    phases: tuple[Phase, ...]
    steps: tuple[Step, ...]
    start_step: str | None = None
    schema: int = 1
    # Whose working days the dates follow (ISO 3166 code, mkdocs.yml extra.provider.country);
    # None: Monday to Friday.
    country: str | None = None

    def step(self, step_id: str) -> Step:
        """The step with id `step_id` (KeyError when there is none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def phase(self, phase_id: str) -> Phase:
        """The phase with id `phase_id` (KeyError when there is none)."""
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)


def _text(raw: Mapping[str, str]) -> Text:
    return Text(ru=str(raw["ru"]), en=str(raw["en"]))


def _text_json(text: Text) -> dict[str, str]:
    return {"ru": text.ru, "en": text.en}


def process_from_json(raw: Mapping[str, Any]) -> Process:
    """Build a `Process` from the JSON dict written by `process_to_json` (no validation here)."""
    steps = tuple(
        Step(
            id=s["id"],
            phase=s["phase"],
            owner=s["owner"],
            title=_text(s["title"]),
            duration=Duration(
                int(s["duration"]["min"]),
                int(s["duration"]["max"]),
                Unit(s["duration"].get("unit", Unit.CALENDAR_DAYS)),
                bool(s["duration"].get("estimate", False)),
                _text(s["duration"]["words"]) if s["duration"].get("words") else None,
            ),
            page=s["page"],
            after=tuple(s.get("after") or ()),
            when=MappingProxyType(dict(s.get("when") or {})),
            do=tuple(Item(_text(i), i.get("page"), i.get("owner")) for i in s.get("do") or ()),
            note=_text(s["note"]) if s.get("note") else None,
            warning=_text(s["warning"]) if s.get("warning") else None,
        )
        for s in raw["steps"]
    )
    return Process(
        owners=MappingProxyType({k: _text(v) for k, v in raw["owners"].items()}),
        questions=tuple(
            Question(
                q["id"],
                q["type"],
                _text(q["label"]),
                tuple(q.get("choices") or ()),
                _text(q["condition"]) if q.get("condition") else None,
            )
            for q in raw.get("questions") or ()
        ),
        phases=tuple(Phase(p["id"], _text(p["title"]), p["page"]) for p in raw["phases"]),
        steps=steps,
        start_step=raw.get("start_step"),
        schema=int(raw.get("schema", 1)),
        country=raw.get("country"),
    )


def process_to_json(process: Process) -> dict[str, Any]:
    """The JSON form of `process` (the shape of ``process.json``; settings already numbers)."""
    return {
        "schema": process.schema,
        "start_step": process.start_step,
        "country": process.country,
        "owners": {k: _text_json(v) for k, v in process.owners.items()},
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "label": _text_json(q.label),
                "choices": list(q.choices),
                "condition": _text_json(q.condition) if q.condition else None,
            }
            for q in process.questions
        ],
        "phases": [
            {"id": p.id, "title": _text_json(p.title), "page": p.page} for p in process.phases
        ],
        "steps": [
            {
                "id": s.id,
                "phase": s.phase,
                "owner": s.owner,
                "after": list(s.after),
                "when": dict(s.when),
                "duration": {
                    "min": s.duration.min,
                    "max": s.duration.max,
                    "unit": str(s.duration.unit),
                    "estimate": s.duration.estimate,
                    "words": _text_json(s.duration.words) if s.duration.words else None,
                },
                "title": _text_json(s.title),
                "do": [{**_text_json(i.text), "page": i.page, "owner": i.owner} for i in s.do],
                "page": s.page,
                "note": _text_json(s.note) if s.note else None,
                "warning": _text_json(s.warning) if s.warning else None,
            }
            for s in process.steps
        ],
    }
