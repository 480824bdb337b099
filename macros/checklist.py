"""The personal checklist: answers in, applicable steps with owners and dates out (pure).

Runs in CPython (the ``wa-checklist`` CLI) and in Pyodide (the checklist page's worker), so it
imports only the standard library, the process model, the schedule, the renderer and the
template checker; never YAML, jsonschema or MkDocs. The page's worker calls `checklist_json`;
the CLI calls `parse_answers`, `build_checklist` and `checklist_to_json` itself::

    answers = parse_answers({"company": "Ромашка", "bm_id": "123456789012345"}, today=today)
    data = checklist_to_json(build_checklist(process, answers), "en")   # the --format json shape
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from macros.model import Process, Step, process_from_json
from macros.render import MONTHS, condition_text, duration_text, timeline_svg, warnings_for
from macros.schedule import StepWindow, due_windows
from validator import check
from validator.model import Report, Severity

__all__ = [
    "ANSWER_KEYS",
    "Answers",
    "AnswersError",
    "Checklist",
    "build_checklist",
    "checklist_json",
    "checklist_to_json",
    "date_text",
    "label",
    "labels",
    "parse_answers",
    "print_css",
]

ANSWER_KEYS = (
    "company",
    "bm_id",
    "manager_name",
    "manager_contact",
    "start_date",
    "name_change",
    "description_change",
    "templates",
)
LABELS_FILE = Path(__file__).with_name("checklist_labels.toml")
TEXT_KEYS = ("company", "bm_id", "manager_name", "manager_contact")
BOOL_KEYS = ("name_change", "description_change")
MAX_TEXT = 200
MAX_TEMPLATES = 200
_BM_ID = re.compile(r"[0-9]{5,20}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The questionnaire summary's rows, in order.
SUMMARY_KEYS = ("company", "bm_id", "start_date", "name_change", "description_change")


@cache
def _all_labels() -> dict[str, dict[str, str]]:
    with LABELS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def labels(lang: str) -> dict[str, str]:
    """Every checklist text in one language ("ru" or "en")."""
    lang = "en" if lang == "en" else "ru"
    return {key: texts[lang] for key, texts in _all_labels().items()}


def label(lang: str, key: str, **args: Any) -> str:
    """One checklist text in `lang`, placeholders filled from `args`."""
    return _all_labels()[key]["en" if lang == "en" else "ru"].format(**args)


def date_text(day: date, lang: str) -> str:
    """A date for people: "1 дек 2026" / "1 Dec 2026"."""
    return f"{day.day} {MONTHS['en' if lang == 'en' else 'ru'][day.month - 1]} {day.year}"


# ------------------------------------------------------------------------------------- answers


class AnswersError(ValueError):
    """An answer that is not usable: the field (``bm_id``, ``templates[2].body``) and why."""

    def __init__(self, field: str, code: str, **args: Any) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.args_ = args

    def message(self, lang: str) -> str:
        """One line naming the field: ``bm_id: a Business Manager ID is digits only, …``."""
        key = self.field.split("[")[0].split(".")[0]
        args = {"label": label(lang, f"field_{key}") if key in ANSWER_KEYS else key, **self.args_}
        return f"{self.field}: {label(lang, self.code, **args)}"


@dataclass(frozen=True, slots=True)
class Answers:
    """The reader's answers, checked (the keys of the answers file, fixed)."""

    company: str
    start_date: date
    bm_id: str = ""
    manager_name: str = ""
    manager_contact: str = ""
    name_change: bool = False
    description_change: bool = False
    templates: tuple[Mapping[str, Any], ...] = ()

    def conditions(self) -> dict[str, Any]:
        """The answers the process's ``when:`` conditions read."""
        return {
            "name_change": self.name_change,
            "description_change": self.description_change,
            "start_date": self.start_date.isoformat(),
        }

    def to_json(self) -> dict[str, Any]:
        """The answers file's shape (what the page exports and the share link carries)."""
        return {
            "company": self.company,
            "bm_id": self.bm_id,
            "manager_name": self.manager_name,
            "manager_contact": self.manager_contact,
            "start_date": self.start_date.isoformat(),
            "name_change": self.name_change,
            "description_change": self.description_change,
            "templates": [dict(t) for t in self.templates],
        }


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AnswersError(key, "err_text")
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise AnswersError(key, "err_too_long", max=MAX_TEXT)
    return text


def _bool(raw: Mapping[str, Any], key: str) -> bool:
    value = raw.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise AnswersError(key, "err_bool", value=_short(value))
    return value


def _start_date(raw: Mapping[str, Any], today: date) -> date:
    value = raw.get("start_date")
    if value is None or value == "":
        return today
    if isinstance(value, date) and type(value) is date:  # YAML reads 2026-12-01 as a date
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AnswersError("start_date", "err_date", value=_short(value))


def _templates(raw: Mapping[str, Any]) -> tuple[dict[str, Any], ...]:
    value = raw.get("templates")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise AnswersError("templates", "err_templates")
    if len(value) > MAX_TEMPLATES:
        raise AnswersError("templates", "err_too_many", max=MAX_TEMPLATES)
    out = []
    for index, item in enumerate(value):
        template = {"body": item} if isinstance(item, str) else item
        if not isinstance(template, Mapping):
            raise AnswersError(f"templates[{index}]", "err_template")
        body = template.get("body")
        if not isinstance(body, str):
            raise AnswersError(f"templates[{index}].body", "err_template")
        if not body.strip():
            raise AnswersError(f"templates[{index}].body", "err_template_body")
        out.append(json.loads(json.dumps(dict(template), ensure_ascii=False, default=str)))
    return tuple(out)


def parse_answers(raw: Any, *, today: date) -> Answers:
    """Check an answers object and return `Answers`; raise `AnswersError` naming the field.

    Only ``company`` is required; a missing start date means `today`, a missing yes/no
    answer means "no"; keys this version does not know are ignored.
    """
    if not isinstance(raw, Mapping):
        raise AnswersError("(answers)", "err_not_object")
    bm_id = raw.get("bm_id")
    if bm_id is not None and (isinstance(bm_id, bool) or not isinstance(bm_id, str | int)):
        raise AnswersError("bm_id", "err_bm_id", value=_short(bm_id))
    texts = {key: _text(raw, key) for key in TEXT_KEYS}
    if not texts["company"]:
        raise AnswersError("company", "err_required")
    if texts["bm_id"] and not _BM_ID.fullmatch(texts["bm_id"]):
        raise AnswersError("bm_id", "err_bm_id", value=_short(texts["bm_id"]))
    return Answers(
        start_date=_start_date(raw, today),
        name_change=_bool(raw, "name_change"),
        description_change=_bool(raw, "description_change"),
        templates=_templates(raw),
        **texts,
    )


# ----------------------------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """One applicable step with its window of dates."""

    step: Step
    window: StepWindow


@dataclass(frozen=True, slots=True)
class Checklist:
    """A personal checklist: the answers, the steps that apply (in the order shown), reports."""

    process: Process
    answers: Answers
    steps: tuple[PlannedStep, ...]
    reports: tuple[Report, ...]

    def window(self, step_id: str) -> StepWindow:
        """The window of an applicable step (KeyError otherwise)."""
        for planned in self.steps:
            if planned.step.id == step_id:
                return planned.window
        raise KeyError(step_id)


def build_checklist(process: Process, answers: Answers) -> Checklist:
    """The applicable steps grouped by phase (definition order), dated from the start date."""
    conditions = answers.conditions()
    windows = {w.step_id: w for w in due_windows(process, conditions, answers.start_date)}
    by_phase = sorted(
        (step for step in process.steps if step.id in windows),
        key=lambda step: [p.id for p in process.phases].index(step.phase),
    )
    return Checklist(
        process=process,
        answers=answers,
        steps=tuple(PlannedStep(step, windows[step.id]) for step in by_phase),
        reports=tuple(check(t) for t in answers.templates),
    )


def _window_text(window: StepWindow, lang: str) -> str:
    if window.start == window.end:
        return label(lang, "doc_same_day", start=date_text(window.start, lang))
    start, end = date_text(window.start, lang), date_text(window.end, lang)
    return label(lang, "doc_window", start=start, end=end)


def _step_json(checklist: Checklist, planned: PlannedStep, lang: str) -> dict[str, Any]:
    step, window = planned.step, planned.window
    process = checklist.process
    return {
        "id": step.id,
        "owner": process.owners[step.owner].get(lang),
        "title": step.title.get(lang),
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "owner_id": step.owner,
        "phase": step.phase,
        "phase_title": process.phase(step.phase).title.get(lang),
        "earliest_end": window.earliest_end.isoformat(),
        "latest_start": window.latest_start.isoformat(),
        "when": _window_text(window, lang),
        "duration": duration_text(step.duration, lang),
        "condition": condition_text(process, step, lang),
        "items": [item.text.get(lang) for item in step.do],
        "note": step.note.get(lang) if step.note else None,
        "page": step.page,
    }


def _warnings(checklist: Checklist, lang: str) -> list[dict[str, Any]]:
    """Step warnings (dated by the step's end), then those the answers themselves call for."""
    out = []
    for warning in warnings_for(checklist.process, checklist.answers.conditions(), lang):
        end = checklist.window(warning["id"]).end
        message = label(lang, "warn_until", message=warning["message"], date=date_text(end, lang))
        out.append({"id": warning["id"], "message": message, "until": end.isoformat()})
    answers = checklist.answers
    if not answers.bm_id:
        day = date_text(answers.start_date, lang)
        out.append({"id": "bm_id_missing", "message": label(lang, "warn_bm_id_missing", date=day)})
    if not answers.templates:
        out.append({"id": "templates_missing", "message": label(lang, "warn_templates_missing")})
    bad = sum(1 for r in checklist.reports if not r.ok)
    if bad:
        total = len(checklist.reports)
        message = label(lang, "warn_templates_errors", bad=bad, total=total)
        out.append({"id": "templates_errors", "message": message})
    return out


def _templates_json(checklist: Checklist, lang: str) -> dict[str, Any]:
    items = []
    for index, (template, report) in enumerate(
        zip(checklist.answers.templates, checklist.reports, strict=True), start=1
    ):
        data = report.to_dict(lang)
        errors = sum(1 for f in report.findings if f.severity is Severity.ERROR)
        warns = sum(1 for f in report.findings if f.severity is Severity.WARNING)
        status = [label(lang, "tpl_errors", n=errors)] if errors else [label(lang, "tpl_ok")]
        if warns:
            status.append(label(lang, "tpl_warnings", n=warns))
        status.append(label(lang, "tpl_category", category=data["category_hint"]))
        items.append(
            {
                "index": index,
                "name": data["name"] or label(lang, "tpl_unnamed", n=index),
                "body": str(template.get("body", "")),
                "ok": report.ok,
                "errors": errors,
                "warnings": warns,
                "category_hint": data["category_hint"],
                "status": ", ".join(status),
                "findings": [
                    {k: f[k] for k in ("rule", "severity", "field", "message", "fix")}
                    for f in data["findings"]
                ],
            }
        )
    ok = sum(1 for item in items if item["ok"])
    summary = (
        label(lang, "doc_templates_total", total=len(items), ok=ok, bad=len(items) - ok)
        if items
        else label(lang, "doc_templates_none")
    )
    return {"total": len(items), "ok": ok, "with_errors": len(items) - ok, "summary": summary,
            "items": items}  # fmt: skip


def _summary_json(checklist: Checklist, lang: str, templates: list[dict]) -> dict[str, Any]:
    """The questionnaire summary: rows to send the provider's manager, and the same as text."""
    answers = checklist.answers
    values = {
        "company": answers.company,
        "bm_id": answers.bm_id or label(lang, "sum_not_given"),
        "start_date": date_text(answers.start_date, lang),
        "name_change": label(lang, "sum_yes" if answers.name_change else "sum_no"),
        "description_change": label(lang, "sum_yes" if answers.description_change else "sum_no"),
    }
    rows = [
        {"key": k, "label": label(lang, f"field_{k}"), "value": values[k]} for k in SUMMARY_KEYS
    ]
    manager = " · ".join(v for v in (answers.manager_name, answers.manager_contact) if v)
    if manager:
        rows.insert(0, {"key": "manager", "label": label(lang, "sum_to"), "value": manager})
    lines = [label(lang, "doc_summary"), ""]
    lines += [f"{row['label']}: {row['value']}" for row in rows]
    if templates:
        lines += ["", f"{label(lang, 'field_templates')}:"]
        for item in templates:
            lines += [
                "",
                f"{item['index']}. {item['name']} ({item['category_hint']})",
                item["body"],
            ]
    return {"title": label(lang, "doc_summary"), "rows": rows, "text": "\n".join(lines)}


def checklist_to_json(
    checklist: Checklist, lang: str, *, timeline: bool = False, made: date | None = None
) -> dict[str, Any]:
    """The checklist as JSON in `lang`: ``lang``, ``steps``, ``warnings`` (the CLI's fixed keys)
    and the rest the page and the documents show; with `timeline`, the dated SVG picture too.
    """
    lang = "en" if lang == "en" else "ru"
    answers = checklist.answers
    templates = _templates_json(checklist, lang)
    data: dict[str, Any] = {
        "lang": lang,
        "steps": [_step_json(checklist, planned, lang) for planned in checklist.steps],
        "warnings": _warnings(checklist, lang),
        "company": answers.company,
        "start_date": answers.start_date.isoformat(),
        "title": label(lang, "doc_title"),
        "subtitle": label(
            lang, "doc_for", company=answers.company, date=date_text(answers.start_date, lang)
        ),
        "templates": templates,
        "summary": _summary_json(checklist, lang, templates["items"]),
        "answers": answers.to_json(),
        "print_css": print_css(answers.company, answers.start_date, lang),
    }
    if made is not None:
        data["generated"] = label(lang, "doc_generated", date=date_text(made, lang))
    if timeline:
        data["timeline_svg"] = timeline_svg(
            checklist.process,
            lang,
            answers=answers.conditions(),
            start=answers.start_date,
            id_prefix="wa-pc-timeline",
        )
    return data


def _css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes, angle brackets and controls escaped as hex."""
    out = []
    for char in text:
        if char in '"\\<>' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def print_css(company: str, day: date, lang: str) -> str:
    """``@page`` rules: A4, and the company and the date at the top of every printed page."""
    font = "font-family:system-ui,sans-serif;color:#333"
    return (
        "@page{size:A4;margin:18mm 14mm 16mm;"
        f"@top-left{{content:{_css_string(company)};font-size:9pt;font-weight:600;{font}}}"
        f"@top-right{{content:{_css_string(date_text(day, lang))};font-size:9pt;{font}}}"
        f'@bottom-right{{content:counter(page) " / " counter(pages);font-size:8pt;{font}}}}}'
    )


# ---------------------------------------------------------------------------- browser entry


@lru_cache(maxsize=2)
def _process_from_text(text: str) -> Process:
    """The process from ``process.json`` text, parsed once per distinct text."""
    return process_from_json(json.loads(text))


def checklist_json(request: str, process_json: str | None = None) -> str:
    """The worker's entry: ``{"lang", "answers", "today"}`` and ``process.json`` text in,
    the checklist JSON (`checklist_to_json` with the timeline) out.

    Never raises: answers that do not pass give ``{"invalid": {"field", "message"}}``
    (the page shows it beside the field); a broken request gives ``{"error": {"message"}}``.
    The process may also come inside the request as ``"process"`` (an object).
    """
    try:
        data = json.loads(request)
        lang = "en" if data.get("lang") == "en" else "ru"
        today = date.fromisoformat(str(data.get("today") or date.today().isoformat()))
        if "process" in data:
            process = process_from_json(data["process"])
        else:
            process = _process_from_text(str(process_json))
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return json.dumps({"error": {"message": f"bad request: {type(error).__name__}"}})
    try:
        answers = parse_answers(data.get("answers"), today=today)
    except AnswersError as error:
        invalid = {"field": error.field, "message": error.message(lang)}
        return json.dumps({"invalid": invalid}, ensure_ascii=False)
    result = checklist_to_json(build_checklist(process, answers), lang, timeline=True, made=today)
    return json.dumps(result, ensure_ascii=False)
