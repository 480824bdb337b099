"""The template library page in real Chromium: every template of library.yml on both language
pages, and "Open in the checker" fills every field of the checker's form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from checker_page import wait_until_checked

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = yaml.safe_load((ROOT / "library.yml").read_text("utf-8"))["templates"]


@pytest.mark.parametrize("path", ["library/", "en/library/"])
def test_the_page_shows_every_template(page: Any, site_server: Any, path: str) -> None:
    page.goto(site_server.url(path))
    shown = page.eval_on_selector_all(
        "[data-template]",
        """nodes => nodes.map(n => [n.dataset.template,
            Boolean(n.querySelector('.kit-checker-bubble')) && n.checkVisibility(),
            Boolean(n.querySelector('a[data-open-checker]'))])""",
    )
    assert sorted(name for name, _, _ in shown) == sorted(t["name"] for t in TEMPLATES)
    assert all(bubble and link for _, bubble, link in shown)


def _examples(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-example-list] input",
        """nodes => Object.fromEntries(nodes.map(n =>
            [n.dataset.exampleField === 'header' ? 'header:' : n.dataset.example, n.value]))""",
    )


@pytest.mark.parametrize("name", ["order_confirmed_ru", "invoice_issued_en", "payment_due_en"])
def test_open_in_the_checker_fills_every_field(page: Any, site_server: Any, name: str) -> None:
    template = next(t for t in TEMPLATES if t["name"] == name)
    page.goto(site_server.url("en/library/"))
    page.click(f'[data-template="{name}"] a[data-open-checker]')
    page.wait_for_url("**/en/checker/")
    wait_until_checked(page)
    for key in ("name", "category", "header", "body", "footer"):
        assert page.input_value(f"[data-checker-form] [data-field={key}]") == template.get(key, "")
    examples = template["examples"]
    expected = (
        {str(i): v for i, v in enumerate(examples, start=1)}
        if isinstance(examples, list)
        else dict(examples)
    )
    if template.get("header_example"):
        expected["header:"] = template["header_example"]
    assert _examples(page) == expected
    errors = page.eval_on_selector_all(
        "[data-findings] [data-rule]", "nodes => nodes.map(n => n.dataset.rule)"
    )
    severities = page.eval_on_selector_all(
        "[data-findings] .kit-checker-finding--error", "nodes => nodes.length"
    )
    assert severities == 0, errors
    assert page.text_content("[data-category-hint]") == template["category"]


@pytest.mark.parametrize("path", ["library/", "en/library/"])
def test_no_serious_accessibility_violation(page: Any, site_server: Any, axe: Any, path: str):
    page.goto(site_server.url(path))
    assert axe(page) == []
