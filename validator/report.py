"""The result of checking one template and its wire shape (texts from the rule cards)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from validator.category import reason_text
from validator.model import Category, Finding, Severity, Template
from validator.registry import RULES


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one template."""

    template: Template
    findings: tuple[Finding, ...]
    category_hint: Category
    category_reason: tuple[str, Mapping[str, Any]]
    counts: Mapping[str, int]
    variables: tuple[str, ...]
    header_variables: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def exit_code(self) -> int:
        """CLI exit status for this template alone: 0 ok, 1 errors."""
        return 0 if self.ok else 1

    def to_dict(self, lang: str = "ru") -> dict[str, Any]:
        """The wire shape (see validator/README.md), texts in the given language."""
        lang = lang if lang in ("ru", "en") else "ru"
        findings = []
        for f in self.findings:
            rule = RULES[f.rule]
            findings.append(
                {
                    "rule": f.rule,
                    "kind": str(f.kind),
                    "severity": str(f.severity),
                    "message": rule.message(lang, f.args),
                    "field": f.field,
                    "start": f.start,
                    "end": f.end,
                    "fix": rule.fix_text(lang, f.args),
                    "replacement": f.replacement,
                }
            )
        return {
            "name": self.template.name,
            "ok": self.ok,
            "category_hint": str(self.category_hint),
            "category_reason": reason_text(self.category_reason, lang),
            "findings": findings,
            "counts": dict(self.counts),
            "variables": list(self.variables),
            "header_variables": list(self.header_variables),
        }
