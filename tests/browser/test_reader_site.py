"""A first reader's site in real Chromium: Russian search by any form of a word, no console
error on the main pages, the timeline legible on a 390 px phone."""

from __future__ import annotations

import re
from typing import Any

import pytest

# A word, another of its forms, and the guide page both must find.
RUSSIAN_FORMS = [
    ("анкета", "анкету", "questionnaire/"),
    ("договор", "договора", "questionnaire/"),
    ("шаблон", "шаблонов", "templates/"),
]
MAIN_PAGES = ["", "prepare/", "checker/", "checklist/"]
PHONE = {"width": 390, "height": 844}
LEGIBLE_PX = 11
SETTLE_MS = 500


def _found_pages(page: Any, word: str) -> set[str]:
    """Search one word (a single query, as typed and released); the result pages' paths."""
    box = page.locator(".md-search__input")
    links = page.locator(".md-search-result__link")
    box.fill("")
    box.press("End")  # Material searches on keyup
    links.first.wait_for(state="detached")
    box.fill(word)
    box.press("End")
    links.first.wait_for()
    hrefs = links.evaluate_all("ls => ls.map(l => l.href)")
    return {re.split(r"[?#]", h)[0] for h in hrefs}


def test_russian_search_finds_every_form_of_a_word(page: Any, site_server: Any) -> None:
    page.goto(site_server.url(""))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    for word, form, target in RUSSIAN_FORMS:
        by_word, by_form = _found_pages(page, word), _found_pages(page, form)
        assert site_server.url(target) in by_word, (word, by_word)
        assert by_form == by_word, (word, form, by_word ^ by_form)


# Each main page once, the languages alternating: the head links and the theme's start-up
# requests are the same code in both languages (about 2 s a page).
@pytest.mark.parametrize(
    ("path", "lang"), list(zip(MAIN_PAGES, ["ru", "en", "ru", "en"], strict=True))
)
def test_main_pages_log_no_console_error(page: Any, site_server: Any, path: str, lang: str):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(site_server.url(("en/" if lang == "en" else "") + path), wait_until="load")
    # The theme's start-up requests (sitemap.xml among them) leave as the page loads; a local
    # answer comes back in milliseconds. Waiting for the network to idle would wait for Python.
    page.wait_for_timeout(SETTLE_MS)
    assert errors == []


def test_timeline_is_legible_on_a_phone(page: Any, site_server: Any) -> None:
    """One language: both pages wrap the same picture in the same frame (test_reader_pages)."""
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(""))
    figure = page.locator("figure.wa-timeline").first
    facts = figure.evaluate(
        """(fig) => {
          // Rendered size: the font size times the picture's scale on screen.
          const sizes = [...fig.querySelectorAll("svg text")]
            .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
          const scroller = fig.closest("[tabindex]");
          return {
            smallest: Math.min(...sizes),
            pageWidth: document.documentElement.scrollWidth,
            scrollable: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
            name: scroller ? scroller.getAttribute("aria-label") : null,
          };
        }"""
    )
    assert facts["smallest"] >= LEGIBLE_PX, facts
    assert facts["pageWidth"] <= PHONE["width"], "the page itself scrolls sideways"
    assert facts["scrollable"], "the picture neither fits nor scrolls in a focusable frame"
    assert facts["name"], "the scrolling frame has no name"


def test_guide_steps_show_no_dead_boxes_and_point_to_the_checklist(
    page: Any, site_server: Any
) -> None:
    page.goto(site_server.url("questionnaire/"))
    steps = page.locator("#steps ~ ul").first
    boxes = steps.locator(".task-list-indicator, input[type=checkbox]")
    assert boxes.count() > 0, "no step list on the page"
    assert [b.is_visible() for b in boxes.all()] == [False] * boxes.count()
    target = site_server.url("checklist/")
    after = page.locator("#steps ~ p a").evaluate_all("ls => ls.map(l => l.href)")
    assert target in after
