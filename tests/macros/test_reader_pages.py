"""What a first reader meets in the built pages: a start block and a framed timeline on the home
page, guide steps pointing to the personal checklist, permalinks titled in the page's language,
Meta's help linked, no hreflang links that make the theme fetch a missing sitemap.xml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LANGS = ("ru", "en")
HREF = re.compile(r'href="([^"#]*)')
START_LINKS = ["prepare/", "checker/", "checklist/"]
PERMALINK_TITLES = {"ru": "Постоянная ссылка", "en": "Permanent link"}
META_HELP = {
    "business-manager": [
        "https://www.facebook.com/business/help/216940652189296",  # About Security Center
        "https://www.facebook.com/business/help",
    ],
}
GUIDE_PAGES = [
    "prepare",
    "questionnaire",
    "templates",
    "registration",
    "changes",
    "business-manager",
    "next-steps",
]
HEAD_HREFLANG = re.compile(r'<link rel="alternate"[^>]*hreflang=')


def _page(site: Path, name: str, lang: str) -> str:
    base = site if lang == "ru" else site / "en"
    path = base / "index.html" if name == "index" else base / name / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_opens_with_where_to_start(built_site: Path, lang: str) -> None:
    html = _page(built_site, "index", lang)
    start, roles, steps = (html.index(f'id="{i}"') for i in ("start", "roles", "checklist"))
    assert start < roles < steps
    block = html[start : html.index('id="about"', start)]
    links = [h for h in HREF.findall(block) if h]
    assert links == START_LINKS


@pytest.mark.parametrize("lang", LANGS)
def test_permanent_links_are_titled_in_the_page_language(built_site: Path, lang: str) -> None:
    html = _page(built_site, "prepare", lang)
    titles = set(re.findall(r'class="headerlink"[^>]*title="([^"]*)"', html))
    titles |= set(re.findall(r'title="([^"]*)"[^>]*class="headerlink"', html))
    assert titles == {PERMALINK_TITLES[lang]}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", META_HELP)
def test_meta_help_is_linked(built_site: Path, name: str, lang: str) -> None:
    links = set(HREF.findall(_page(built_site, name, lang)))
    assert set(META_HELP[name]) <= links


def test_no_page_head_names_hreflang_twins(built_site: Path) -> None:
    """Material fetches sitemap.xml beside each <link rel=alternate>; the twins are listed in
    the sitemap instead."""
    pages = sorted(built_site.glob("**/index.html"))
    assert pages
    assert [p for p in pages if HEAD_HREFLANG.search(p.read_text(encoding="utf-8"))] == []
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en"' in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_sits_in_a_named_scrolling_frame(built_site: Path, lang: str) -> None:
    html = _page(built_site, "index", lang)
    frame = re.search(r'<div([^>]*class="wa-scroll"[^>]*)>\s*<figure class="wa-timeline"', html)
    assert frame, "the timeline is not wrapped in its frame"
    assert 'tabindex="0"' in frame.group(1)
    assert re.search(r'aria-label="[^"]+"', frame.group(1))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", GUIDE_PAGES)
def test_guide_steps_point_to_the_personal_checklist(built_site: Path, name: str, lang: str):
    html = _page(built_site, name, lang)
    steps = html[html.index('id="steps"') :]
    steps = steps[: steps.index("<h2")]
    assert 'href="../checklist/"' in steps
