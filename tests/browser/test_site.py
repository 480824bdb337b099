"""The guide in real Chromium: language switch, search, same-origin requests, accessibility."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from checker_page import THEME_STARTED

ROOT = Path(__file__).resolve().parents[2]
GUIDE_PAGE = "prepare/"


def _switch_language(page: Any, lang: str) -> None:
    """Open Material's language menu in the header and pick a language."""
    select = page.locator(".md-header .md-select").first
    select.hover()
    with page.expect_navigation():
        page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]').click()


@pytest.mark.parametrize("path", ["", GUIDE_PAGE])
def test_language_switch_keeps_the_page(page: Any, site_server: Any, requests_log: Any, path: str):
    page.goto(site_server.url(path))
    assert page.locator("html").get_attribute("lang") == "ru"
    _switch_language(page, "en")
    assert page.url == site_server.url("en/" + path)
    assert page.locator("html").get_attribute("lang") == "en"
    _switch_language(page, "ru")
    assert page.url == site_server.url(path)
    requests_log.assert_same_origin()


def _step_with_a_word(lang: str) -> tuple[str, str]:
    """A process step's distinctive title word and the URL path of the page explaining it."""
    process = yaml.safe_load((ROOT / "process.yml").read_text(encoding="utf-8")) or {}
    steps = [s for s in process.get("steps") or [] if s.get("page") and s.get("title")]
    if not steps:
        pytest.skip("process.yml has no steps with a page yet")
    step = steps[len(steps) // 2]
    words = re.findall(r"\w{5,}", step["title"][lang])
    word = max(words, key=len)
    page_name = step["page"].split("#")[0].removesuffix(".md")
    page_path = "" if page_name == "index" else page_name + "/"
    return word, ("en/" if lang == "en" else "") + page_path


def _search_result_paths(page: Any, word: str) -> list[str]:
    """Type a word into the theme's search box; the result links' URLs (no query, no anchor)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator(".md-search__input")
    box.press_sequentially(word)
    # Playwright inserts non-Latin letters without key events; Material searches on keyup.
    box.press("End")
    links = page.locator(".md-search-result__link")
    links.first.wait_for()
    return [re.split(r"[?#]", h)[0] for h in links.evaluate_all("ls => ls.map(l => l.href)")]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_search_finds_a_process_step(page: Any, site_server: Any, requests_log: Any, lang: str):
    word, target = _step_with_a_word(lang)
    page.goto(site_server.url("en/" if lang == "en" else ""))
    found = _search_result_paths(page, word)
    assert site_server.url(target) in found, (word, target, found)
    requests_log.assert_same_origin()


# Logs each Worker the page creates with what the checker's Python worker had said of its start
# by then ("ready", "failed" or nothing) and when (ms since the page started). Installed before the
# page's scripts, so the boot script's stand-in calls it when it starts the real search worker.
WORKER_LOG = """
const NativeWorker = window.Worker;
window.__workers = [];
window.Worker = function Worker(url, options) {
  const worker = new NativeWorker(url, options);
  const at = performance.now();
  window.__workers.push({ url: String(url), python: window.__pythonSaid || null, at });
  if (String(url).includes("/runtime/worker.mjs")) {
    worker.addEventListener("message", ({ data }) => {
      const said = data && data.type;
      if (said === "ready" || said === "failed") window.__pythonSaid = said;
    });
  }
  return worker;
};
"""


@pytest.mark.parametrize("start", ["ready", "failed"])
def test_search_waits_for_the_checker_and_still_works(page: Any, site_server: Any, start: str):
    """On the checker's page the theme's search worker starts once Python is ready (or has
    failed), not alongside it; its index is then built and searching works as anywhere."""
    word, target = _step_with_a_word("en")
    page.add_init_script(WORKER_LOG)
    if start == "failed":
        page.route("**/assets/pyodide/*/pyodide.mjs", lambda route: route.fulfill(status=404))
    page.goto(site_server.url("en/checker/"))
    page.wait_for_selector(
        f"[data-checker][data-checker-state={'error' if start == 'failed' else 'ready'}]"
    )
    found = _search_result_paths(page, word)
    assert site_server.url(target) in found, (word, target, found)
    search = [w for w in page.evaluate("window.__workers") if "/workers/search." in w["url"]]
    assert [w["python"] for w in search] == [start]


def test_search_starts_at_once_when_the_reader_searches_while_python_starts(
    page: Any, site_server: Any
) -> None:
    """Moving into the search box starts the held-back search worker: Python, held here so it
    never starts, has said nothing when the search worker is created, and searching works."""
    word, target = _step_with_a_word("en")
    page.add_init_script(WORKER_LOG)
    held: list[Any] = []
    page.route("**/assets/pyodide/*/pyodide.mjs", lambda route: held.append(route))  # noqa: PLW0108
    page.goto(site_server.url("en/checker/"))
    page.wait_for_function("() => window.__workers.length === 1")  # Python's worker only
    # The theme's own script waits for Python too, on a page already laid out for it.
    page.wait_for_load_state("load")
    assert page.evaluate(THEME_STARTED) is False
    assert page.evaluate("document.documentElement.className") == "js"
    found = _search_result_paths(page, word)
    assert page.evaluate(THEME_STARTED) is True
    assert site_server.url(target) in found, (word, target, found)
    search = [w for w in page.evaluate("window.__workers") if "/workers/search." in w["url"]]
    assert [w["python"] for w in search] == [None]
    assert page.get_attribute("[data-checker]", "data-checker-state") == "loading"
    # Not the boot script's own limit (5 s after the page starts): the reader's move did it.
    assert search[0]["at"] < 5000


# The home page in Russian and a guide page in English: each language and each kind of page
# once (axe costs about 3 s a run).
@pytest.mark.parametrize("path", ["", "en/" + GUIDE_PAGE])
def test_no_serious_accessibility_violation(page: Any, site_server: Any, axe: Any, path: str):
    page.goto(site_server.url(path))
    assert axe(page) == []


# What a page may not do under its own policy (macros.pages.content_policy): reach another origin
# (here the same server under another name, which answers when nothing blocks the request),
# or run an inline script it was not built with.
FORBIDDEN = """async (elsewhere) => {
  const sent = await fetch(elsewhere, {mode: 'no-cors'}).then(() => 'sent', () => 'blocked');
  const script = document.createElement('script');
  script.textContent = 'window.__injected = true';
  document.head.append(script);
  return [sent, window.__injected === true];
}"""


@pytest.mark.parametrize("path", [GUIDE_PAGE, "en/checker/", "404.html"])
def test_every_page_enforces_its_content_policy(browser: Any, site_server: Any, path: str):
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_server.url(path))
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        elsewhere = site_server.url(path).replace("127.0.0.1", "localhost")
        with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
            assert page.evaluate(FORBIDDEN, elsewhere) == ["blocked", False]
    finally:
        context.close()
