"""The library page generator (macros/pages/library.py): every template once per language,
grouped under its case, its checker link carrying the form's fields, its requests exported."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from macros.pages.library import checker_link, load_library, preview, render_library

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = load_library(ROOT)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_template_once_under_its_case(lang: str) -> None:
    page = render_library(LIBRARY, lang)
    names = re.findall(r'data-template="([a-z0-9_]+)"', page)
    assert sorted(names) == sorted(t["name"] for t in LIBRARY["templates"])
    for case, title in LIBRARY["cases"].items():
        heading = page.index(f"## {title[lang]} ")
        block = page[heading : page.index("</div>\n", heading)]
        in_case = [t["name"] for t in LIBRARY["templates"] if t["case"] == case]
        assert re.findall(r'data-template="([a-z0-9_]+)"', block) == in_case


def test_each_card_shows_its_create_request_and_purpose() -> None:
    page = unescape(render_library(LIBRARY, "en"))
    for template in LIBRARY["templates"]:
        assert template["purpose"]["en"] in page
        assert f'"name": "{template["name"]}"' in page


def test_the_checker_link_carries_the_form_fields() -> None:
    template = next(t for t in LIBRARY["templates"] if t.get("header_example"))
    link = checker_link(template)
    assert link.startswith("../checker/#template=")
    fields = json.loads(link.split("#template=", 1)[1].replace("%25", "%"))
    for key in ("name", "category", "header", "body", "examples", "header_example"):
        assert fields[key] == template[key]
    assert "case" not in fields
    assert "purpose" not in fields


def test_preview_puts_the_examples_in_place_and_escapes_text() -> None:
    bubble = preview(
        {
            "header": "Order {{1}}",
            "header_example": "A-1",
            "body": "Hi {{name}} <b>!</b> {{missing}}",
            "examples": {"name": "Ann"},
        }
    )
    assert "<mark>A-1</mark>" in bubble
    assert "<mark>Ann</mark>" in bubble
    assert "&lt;b&gt;" in bubble
    assert "{{missing}}" in bubble
