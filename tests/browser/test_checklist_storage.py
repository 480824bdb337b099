"""The checklist page keeps what a reader saved: a failed save is said, a damaged entry is kept
aside with only its broken part dropped, a share link asks before replacing saved answers, and
a failed request shows a short message (no traceback) that goes away when the input is fixed."""

from __future__ import annotations

import json
from typing import Any

from browser.test_checklist_page import ROOT_SELECTOR, SETTLED, open_checklist

from macros.pages.checklist import SHARE_PARAM, STORAGE_KEY, labels

ANNOUNCE = "[data-checklist-announce]"
SAVED = {
    "version": 1,
    "answers": {"company": "Моя компания", "bm_id": "123456789012345", "templates": []},
    "ticks": {"company_details": True},
}


def _save(page: Any, site_server: Any, value: str) -> None:
    """Put `value` in the page's saved state (same origin, without starting Python)."""
    page.goto(site_server.url(""))
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, value])


def _open_without_python(page: Any, url: str) -> None:
    """Open the page and wait for its script only: saving, restoring and asking need no Python."""
    page.goto(url)
    page.wait_for_function("() => window.kitChecklist !== undefined")


def _root(page: Any, name: str) -> str | None:
    return page.locator(ROOT_SELECTOR).get_attribute(f"data-checklist-{name}")


def test_a_full_storage_is_said_on_the_page(page: Any, site_server: Any) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    _open_without_python(page, site_server.url("en/checklist/"))
    page.fill("[name=company]", "Typed while full")
    assert _root(page, "save") == "failed"
    assert page.locator(ANNOUNCE).inner_text() == labels("en")["ui_save_failed"]


def test_a_damaged_tick_drops_only_itself_and_the_entry_is_kept_aside(
    page: Any, site_server: Any
) -> None:
    damaged = {**SAVED, "ticks": {"company_details": True, "send_questionnaire": "yes"}}
    raw = json.dumps(damaged, ensure_ascii=False)
    _save(page, site_server, raw)
    _open_without_python(page, site_server.url("checklist/"))
    assert _root(page, "notice") == "corrupt"
    assert page.input_value("[name=company]") == "Моя компания"  # the intact answers stay
    assert page.input_value("[name=bm_id]") == "123456789012345"
    kept = page.evaluate("(key) => localStorage.getItem(key + '.damaged')", STORAGE_KEY)
    assert kept == raw
    with page.expect_download() as download:
        page.click("[data-action=export-damaged]")
    assert download.value.path().read_text(encoding="utf-8") == raw
    stored = page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", STORAGE_KEY)
    assert stored["ticks"] == {"company_details": True}  # the intact tick stays, saved again
    assert stored["answers"]["company"] == "Моя компания"


def test_a_share_link_asks_before_replacing_saved_answers(page: Any, site_server: Any) -> None:
    _save(page, site_server, json.dumps(SAVED, ensure_ascii=False))
    link_answers = {"company": "Из ссылки", "templates": []}
    encoded = page.evaluate(
        "(value) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))"
        ".replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')",
        link_answers,
    )
    link = site_server.url("checklist/") + f"#{SHARE_PARAM}={encoded}"
    asked: list[str] = []

    def answer(dialog: Any, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    _open_without_python(page, link)
    assert asked == [labels("ru")["ui_link_replace"]]
    assert page.input_value("[name=company]") == "Моя компания"
    assert _root(page, "notice") == "link-kept"

    page.once("dialog", lambda dialog: answer(dialog, True))
    page.goto("about:blank")
    _open_without_python(page, link)
    assert len(asked) == 2
    assert page.input_value("[name=company]") == "Из ссылки"
    assert _root(page, "notice") == "link"


def test_a_failed_request_shows_a_short_message_until_the_input_is_fixed(
    page: Any, site_server: Any
) -> None:
    """A template nested deeper than Python's recursion limit makes the worker's request raise."""
    template = {"name": "deep", "body": "Заказ {{1}} готов.", "extra": "DEEP"}
    answers = {**SAVED["answers"], "templates": [template]}
    text = json.dumps({**SAVED, "answers": answers}, ensure_ascii=False)
    _save(page, site_server, text.replace('"DEEP"', "[" * 3000 + "1" + "]" * 3000))
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    open_checklist(page, site_server.url("en/checklist/"))
    assert _root(page, "error") == "request"
    assert page.locator(ANNOUNCE).inner_text() == labels("en")["ui_request_failed"]
    assert "Traceback" not in page.locator(ROOT_SELECTOR).inner_text()
    assert any("Traceback" in text or "request failed" in text for text in console)
    page.click("[data-action=remove-template]")
    page.wait_for_function(SETTLED)
    assert _root(page, "error") is None
    assert page.locator(ANNOUNCE).inner_text() == ""
