"""A pure-Python checker for WhatsApp message templates (CPython and Pyodide).

>>> from validator import check
>>> check({"body": "Скидка 20% на всё!"}).category_hint
<Category.MARKETING: 'MARKETING'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from validator.batch import earlier_twins
from validator.model import Category, Finding, Kind, Report, Severity, Template
from validator.registry import RULES, run
from validator.rules.length import count
from validator.subject import Subject

__all__ = [
    "RULES",
    "Category",
    "Finding",
    "Kind",
    "Report",
    "Severity",
    "Template",
    "check",
    "check_many",
]

MODES = ("provider", "meta")


def _category(subject: Subject, findings: list[Finding]) -> tuple[Category, tuple[str, dict]]:
    for f in findings:
        if f.kind is Kind.PROMOTIONAL:
            text = subject.template.field_text(f.field) or ""
            word = text[f.start : f.end][:60]
            return Category.MARKETING, ("MARKETING", {"rule": f.rule, "word": word})
    for fld in subject.text_fields():
        for m in fld.matches("otp"):
            word = fld.text[m.start : m.end][:60]
            return Category.AUTHENTICATION, ("AUTHENTICATION", {"word": word})
    return Category.UTILITY, ("UTILITY", {})


def _template(template: Any) -> Template:
    if isinstance(template, Template):
        return template
    return Template.from_mapping(template if isinstance(template, Mapping) else {})


def check(template: Template | Mapping[str, Any], mode: str = "provider") -> Report:
    """Check one template (a Template or a mapping with at least `body`) and return its Report.

    mode "provider" (default) treats every promotional element as an error, as the provider
    does; "meta" reports them as warnings (Meta would only recategorise to MARKETING).
    """
    return _check(_template(template), mode)


def _check(template: Template, mode: str, duplicate_of: str | None = None) -> Report:
    """One template's report; `duplicate_of` comes from the batch step (validator/batch.py)."""
    subject = Subject(template, mode if mode in MODES else "provider", duplicate_of)
    findings = run(subject)
    hint, reason = _category(subject, findings)
    counts = {name: count(getattr(template, name) or "") for name in ("body", "header", "footer")}
    variables = {
        name: tuple(p.name for p in subject.fields[name].placeholders if p.name is not None)
        for name in ("body", "header")
        if name in subject.fields
    }
    return Report(
        template,
        tuple(findings),
        hint,
        reason,
        counts,
        variables["body"],
        variables.get("header", ()),
    )


def check_many(
    templates: Iterable[Template | Mapping[str, Any]], mode: str = "provider"
) -> list[Report]:
    """Check a batch (one CLI run over all its paths, one bulk request in the browser): each
    template as check() does, plus what only a batch shows (validator/batch.py)."""
    items = [_template(t) for t in templates]
    return [_check(t, mode, twin) for t, twin in zip(items, earlier_twins(items), strict=True)]
