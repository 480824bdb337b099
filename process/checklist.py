"""The personal checklist: answers and the process in, the applicable dated steps, warnings,
template reports and the document's JSON out (the CLI's ``--format json`` shape), as
``checklist_to_json(build_checklist(process, answers), lang)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from process.answers import Answers
from process.guide import step_warnings
from process.labels import label, lang_of
from process.model import Process, Step
from process.schedule import Plan, StepWindow, make_plan
from process.timeline import timeline_svg
from process.wording import condition_text, date_text, duration_text
from validator import check
from validator.model import Severity
from validator.report import Report
from validator.texts import category_name

__all__ = ["Checklist", "PlannedStep", "build_checklist", "checklist_to_json", "print_css"]

# The questionnaire summary's rows, in order; a change's new text follows its yes/no row and
# shows only when that change is asked for.
SUMMARY_KEYS = (
    "company",
    "bm_id",
    "contact_person",
    "phone",
    "website",
    "start_date",
    "name_change",
    "display_name",
    "description_change",
    "description",
)
SHOWN_WHEN = {"display_name": "name_change", "description": "description_change"}


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """One applicable step with its window of dates."""

    step: Step
    window: StepWindow


@dataclass(frozen=True, slots=True)
class Checklist:
    """A personal checklist: the answers, their plan, the steps that apply (in the order shown),
    the template reports."""

    process: Process
    answers: Answers
    plan: Plan
    steps: tuple[PlannedStep, ...]
    reports: tuple[Report, ...]

    def window(self, step_id: str) -> StepWindow:
        """The window of an applicable step (KeyError otherwise)."""
        return self.plan.window(step_id)


def build_checklist(process: Process, answers: Answers) -> Checklist:
    """The applicable steps grouped by phase (definition order), dated from the start date."""
    plan = make_plan(process, answers.conditions(), answers.start_date)
    windows = {w.step_id: w for w in plan.windows}
    phases = [p.id for p in process.phases]
    by_phase = sorted(plan.steps, key=lambda step: phases.index(step.phase))
    return Checklist(
        process=process,
        answers=answers,
        plan=plan,
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
    for warning in step_warnings(checklist.plan.steps, lang):
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
        category = category_name(data["category_hint"], lang)  # Meta's name, in `lang`
        status.append(label(lang, "tpl_category", category=category))
        items.append(
            {
                "index": index,
                "name": data["name"] or label(lang, "tpl_unnamed", n=index),
                "body": str(template.get("body", "")),
                "ok": report.ok,
                "errors": errors,
                "warnings": warns,
                "category_hint": data["category_hint"],
                "category": category,
                "variables": data["variables"],  # the page gives each an example field
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
    """The questionnaire summary: rows to send the provider's manager, and the same as text.

    What the questionnaire asks for (company, Business Manager ID, contact person, phone
    number, website, the new name and description when they change) and, when templates are
    given, which of them still have errors; an answer not given yet says so.
    """
    answers = checklist.answers
    not_given = label(lang, "sum_not_given")
    values = {
        key: getattr(answers, key) or not_given
        for key in ("company", "bm_id", "contact_person", "phone", "website")
    }
    values |= {
        "start_date": date_text(answers.start_date, lang),
        "name_change": label(lang, "sum_yes" if answers.name_change else "sum_no"),
        "display_name": answers.display_name or not_given,
        "description_change": label(lang, "sum_yes" if answers.description_change else "sum_no"),
        "description": answers.description or not_given,
    }
    rows = [
        {"key": k, "label": label(lang, f"field_{k}"), "value": values[k]}
        for k in SUMMARY_KEYS
        if k not in SHOWN_WHEN or getattr(answers, SHOWN_WHEN[k])
    ]
    manager = " · ".join(v for v in (answers.manager_name, answers.manager_contact) if v)
    if manager:
        rows.insert(0, {"key": "manager", "label": label(lang, "sum_to"), "value": manager})
    if templates:
        bad = ", ".join(item["name"] for item in templates if not item["ok"])
        value = bad or label(lang, "sum_none")
        title = label(lang, "sum_templates_errors")
        rows.append({"key": "templates_errors", "label": title, "value": value})
    lines = [label(lang, "doc_summary"), ""]
    lines += [f"{row['label']}: {row['value']}" for row in rows]
    if templates:
        lines += ["", f"{label(lang, 'field_templates')}:"]
        for item in templates:
            lines += [
                "",
                f"{item['index']}. {item['name']} ({item['category']})",
                item["body"],
            ]
    return {"title": label(lang, "doc_summary"), "rows": rows, "text": "\n".join(lines)}


def checklist_to_json(
    checklist: Checklist, lang: str, *, timeline: bool = False, made: date | None = None
) -> dict[str, Any]:
    """The checklist as JSON in `lang`: ``lang``, ``steps``, ``warnings`` (the CLI's fixed keys)
    and the rest the page and the documents show; with `timeline`, the dated SVG picture too.
    """
    lang = lang_of(lang)
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
            checklist.process, lang, plan=checklist.plan, id_prefix="wa-pc-timeline"
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
