"""A pure-Python checker for WhatsApp message templates (CPython and Pyodide).

>>> from validator import check
>>> check({"body": "Скидка 20% на всё!"}).category_hint
<Category.MARKETING: 'MARKETING'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from validator.batch import earlier_twins
from validator.category import decide
from validator.model import Category, Finding, Kind, Severity, Template
from validator.registry import RULES, finding_order, run
from validator.report import Report
from validator.rules.length import count, substituted_counts
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
    hint, reason = subject.judgement = decide(subject, findings)
    findings += run(subject, after="category")
    findings.sort(key=finding_order)
    counts = {name: count(getattr(template, name) or "") for name in ("body", "header", "footer")}
    counts |= substituted_counts(subject.body, template)
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
