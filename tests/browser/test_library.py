"""The template library page in real Chromium: every template of library.yml on both language
pages, and "Open in the checker" fills every field of the checker's form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from checker_page import follow_hash, wait_until_checked

from macros.pages.checker import labels as checker_labels

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = yaml.safe_load((ROOT / "library.yml").read_text("utf-8"))["templates"]
LEGIBLE_PX = 12


def test_both_pages_show_every_template(page: Any, site_server: Any) -> None:
    for path in ("library/", "en/library/"):
        page.goto(site_server.url(path))
        shown = page.eval_on_selector_all(
            "[data-template]",
            """nodes => nodes.map(n => [n.dataset.template,
                Boolean(n.querySelector('.kit-checker-bubble')) && n.checkVisibility(),
                Boolean(n.querySelector('a[data-open-checker]'))])""",
        )
        assert sorted(name for name, _, _ in shown) == sorted(t["name"] for t in TEMPLATES)
        assert all(bubble and link for _, bubble, link in shown)
        # The request bodies in each card's <details>, legible once opened (Lighthouse: 12 px).
        sizes = page.eval_on_selector_all(
            ".kit-checker-json code", "ns => ns.map(n => parseFloat(getComputedStyle(n).fontSize))"
        )
        assert sizes and min(sizes) >= LEGIBLE_PX, min(sizes, default=None)


def _examples(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-example-list] input",
        """nodes => Object.fromEntries(nodes.map(n =>
            [n.dataset.exampleField === 'header' ? 'header:' : n.dataset.example, n.value]))""",
    )


def _assert_filled(page: Any, template: dict[str, Any]) -> None:
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
    assert page.eval_on_selector_all(".kit-checker-finding--error", "nodes => nodes.length") == 0
    name = checker_labels("en")[f"category_{template['category'].lower()}"]
    assert page.text_content("[data-category-hint]") == name


def test_open_in_the_checker_fills_every_field(page: Any, site_server: Any) -> None:
    # Named with a header variable, then positional (a list of examples) with a plain header.
    first, second = (
        next(t for t in TEMPLATES if t["name"] == name)
        for name in ("invoice_issued_en", "booking_reminder_ru")
    )
    page.goto(site_server.url("en/library/"))
    second_link = page.get_attribute(
        f'[data-template="{second["name"]}"] a[data-open-checker]', "href"
    )
    page.click(f'[data-template="{first["name"]}"] a[data-open-checker]')
    page.wait_for_url("**/en/checker/")
    wait_until_checked(page)
    _assert_filled(page, first)
    # Another library link while the checker is open only changes the hash.
    follow_hash(page, "#" + second_link.split("#", 1)[1])
    _assert_filled(page, second)


def test_no_serious_accessibility_violation(page: Any, site_server: Any, axe: Any) -> None:
    page.goto(site_server.url("library/"))
    assert axe(page) == []
