"""The personal checklist's page: the built form, its texts in both languages, its guide links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from process_data import PROCESS

from process.answers import ANSWER_KEYS


@pytest.mark.parametrize("page", ["checklist/index.html", "en/checklist/index.html"])
def test_the_built_page_names_inputs_by_the_answers_keys(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert 'data-checklist-state="loading"' in html
    for key in ANSWER_KEYS[:-1]:  # templates: a textarea name="templates" per added block
        assert f'name="{key}"' in html
    assert ANSWER_KEYS[-1] == "templates"
    assert "page.mjs" in html
    assert (built_site / "process.json").is_file()
    for linked in re.findall(r'(?:href|src)="([^"]*/checklist/[^"/]*\.(?:css|mjs))"', html):
        assert (built_site / page).parent.joinpath(linked).resolve().is_file(), linked


def test_guide_links_are_relative_to_the_checklist_page() -> None:
    from macros.pages.checklist import guide_urls

    pages = {step.page for step in PROCESS.steps} | {"index.md"}
    for url in ("checklist/", "en/checklist/"):
        links = guide_urls(pages, url)
        assert links["registration.md"] == "../registration/"
        assert links["index.md"] == "../"
    assert guide_urls(pages, "en/checklist.html")["registration.md"] == "registration.html"
