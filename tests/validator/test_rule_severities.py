"""Severities that are judgement calls, pinned: what Meta itself rejects is an error, what only
a provider's house rule or an unconfirmed source says is a warning."""

from __future__ import annotations

from typing import Any

import pytest

from validator import RULES, check
from validator.model import Severity


def _severities(template: dict[str, Any], rule_id: str) -> set[Severity]:
    return {f.severity for f in check(template).findings if f.rule == rule_id}


@pytest.mark.parametrize(
    "template",
    [
        {"body": "Здравствуйте, {{1}}! Заказ {{2}} собран.", "examples": ["Анна", "A-12"]},
        {"body": "Hello {{1}}, order {{2}} is packed.", "examples": ["Ann", "A-12"]},
    ],
)
def test_thin_fixed_text_is_only_a_warning(template: dict[str, Any]) -> None:
    """2x + 1 fixed words is Twilio's rule; Meta names no number, so it never blocks."""
    assert RULES["variables.too_many"].severity is Severity.WARNING
    assert _severities(template, "variables.too_many") == {Severity.WARNING}
    assert check(template).ok


@pytest.mark.parametrize(
    ("header", "severity"),
    [
        ("*Заказ* в пути", Severity.ERROR),
        ("Order `A-12` ready", Severity.ERROR),
        ("🚚 Заказ в пути", Severity.WARNING),
        ("Order\nupdate", Severity.WARNING),
    ],
)
def test_header_markdown_is_an_error_emoji_only_a_warning(header: str, severity: Severity) -> None:
    """Meta: "Do not use Markdown special characters in this component"; emoji: providers only."""
    template = {"header": header, "body": "Здравствуйте! Ваш заказ передан в доставку."}
    assert _severities(template, "format.header_formatting") == {severity}
