"""The guide pages: twins share anchors, steps come only from macros, and pages print cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Guide page -> the process phase its checklist shows (None: the overview shows every step).
GUIDE_PAGES = {
    "index": None,
    "prepare": "prepare",
    "questionnaire": "questionnaire",
    "templates": "templates",
    "registration": "registration",
    "changes": "changes",
    "business-manager": "business_manager",
    "next-steps": "next",
}
ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")
# A duration typed by hand ("21 день", "up to 7 days", "3 недели") instead of a provider macro.
TYPED_DURATION = re.compile(r"\b\d+\s*(?:дн|день|недел|days?\b|weeks?\b)", re.IGNORECASE)
PRINT_HIDDEN = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    ".md-search",
    ".md-top",
    ".md-source",
    ".md-content__button",
)


def _source(page: str, lang: str) -> str:
    suffix = ".md" if lang == "ru" else ".en.md"
    return (DOCS / f"{page}{suffix}").read_text(encoding="utf-8")


def _built(site: Path, page: str, lang: str) -> str:
    base = site if lang == "ru" else site / "en"
    path = base / "index.html" if page == "index" else base / page / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_twins_share_anchor_ids(page: str) -> None:
    ru = ANCHOR.findall(_source(page, "ru"))
    en = ANCHOR.findall(_source(page, "en"))
    assert ru, f"{page}.md has no explicit anchors"
    assert ru == en


@pytest.mark.parametrize("page", GUIDE_PAGES)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_steps_come_from_the_process_macro(page: str, lang: str) -> None:
    text = _source(page, lang)
    phase = GUIDE_PAGES[page]
    call = "[[ checklist() ]]" if phase is None else f'[[ checklist(phase="{phase}") ]]'
    assert call in text
    assert not re.search(r"^\s*[-*] \[[ xX]\]", text, re.MULTILINE), "task list typed by hand"


@pytest.mark.parametrize("page", GUIDE_PAGES)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_provider_values_are_not_typed(page: str, lang: str) -> None:
    text = _source(page, lang)
    settings = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nextra:")[1]
    )
    contact = str(settings["provider"].get("manager_contact") or "")
    assert not contact or contact not in text
    assert 'provider("manager_contact")' not in text, "use provider_manager(): it drops a blank"
    assert not TYPED_DURATION.findall(text)


@pytest.mark.parametrize("page", GUIDE_PAGES)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_built_page_keeps_anchors_and_print_assets(built_site: Path, page: str, lang: str) -> None:
    html = _built(built_site, page, lang)
    for anchor in ANCHOR.findall(_source(page, lang)):
        assert f'id="{anchor}"' in html, f"{page} ({lang}) lost #{anchor}"
    assert "assets/stylesheets/extra.css" in html
    assert "assets/javascripts/print-links.js" in html
    assert "[[" not in html, "an unrendered macro reached the page"


def test_template_pages_show_whatsapp_variables_literally(built_site: Path) -> None:
    for lang in ("ru", "en"):
        html = _built(built_site, "templates", lang)
        assert "{{1}}" in html
        assert "{{3}}" in html


def test_print_stylesheet_hides_site_chrome(built_site: Path) -> None:
    css = (built_site / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "@page" in css
    assert "size: A4" in css
    print_block = css[css.index("@media print") :]
    for selector in PRINT_HIDDEN:
        assert selector in print_block, selector
    assert "attr(href)" in print_block
    assert "task-list-indicator::before" in print_block


def _process_links() -> list[str]:
    """Every `page:` link in process.yml (phases, steps and their checklist items)."""
    process = yaml.safe_load((ROOT / "process.yml").read_text(encoding="utf-8"))
    links = [phase["page"] for phase in process.get("phases", []) if "page" in phase]
    for step in process.get("steps", []):
        links.append(step["page"])
        links.extend(item["page"] for item in step.get("do", []) if "page" in item)
    return links


@pytest.mark.parametrize("link", sorted(set(_process_links())))
def test_process_links_reach_a_guide_anchor(link: str) -> None:
    page, _, anchor = link.partition("#")
    stem = page.removesuffix(".md")
    for lang in ("ru", "en"):
        text = _source(stem, lang)
        if anchor:
            assert f"{{#{anchor}}}" in text, f"{link}: no heading {{#{anchor}}} ({lang})"
