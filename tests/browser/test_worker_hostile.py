"""The page's Python worker survives a runaway request: the request is answered with an error
once over its time budget, the busy worker is replaced, and the page says "loading" (never
"ready") until the new worker answers again."""

from __future__ import annotations

from typing import Any

from browser.test_checker import open_checker
from browser.test_checklist_page import ROOT_SELECTOR, open_checklist
from checker_page import SHOWN

from macros.pages.checker import labels

# A bulk far over a 300 ms budget, sent through a page's client (`window[handle]`); the states
# and the status line the page shows once the request is refused.
RUNAWAY = """async (handle) => {
  const client = window[handle];
  const templates = Array.from({length: 4000}, (_, i) =>
    ({name: `t${i}`, body: `Скидка 50% на всё до пятницы! Заказ {{1}} номер ${i}.`}));
  try {
    await client.call('checkMany', {lang: 'ru', templates}, 300);
    return {answered: true};
  } catch (error) {
    const {checkerState: checker, checklistState: page} = client.root.dataset;
    const status = document.querySelector('[data-checker-status]');
    return {kind: error.kind, checker, page, status: status && status.textContent};
  }
}"""
QUICK = """async () => {
  const started = performance.now();
  const result = await window.kitChecklist.call(
    'check', {lang: 'en', template: {body: 'Your order {{1}} has shipped.'}}, 10000);
  return {ms: performance.now() - started, findings: Array.isArray(result.findings)};
}"""


def test_a_runaway_request_replaces_the_worker(page: Any, site_server: Any) -> None:
    open_checklist(page, site_server.url("checklist/"))
    outcome = page.evaluate(RUNAWAY, "kitChecklist")
    assert outcome == {"kind": "timeout", "checker": "loading", "page": "loading", "status": None}
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checker-state=ready]", timeout=90_000)
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-state=ready]", timeout=30_000)
    quick = page.evaluate(QUICK)
    assert quick["findings"]
    assert quick["ms"] < 10_000


def test_the_checker_page_says_loading_while_its_worker_is_replaced(
    page: Any, site_server: Any
) -> None:
    """On the checker page too: the status says "loading" (in the page's language) while the
    worker is replaced, then "ready", and the text in the form is checked again."""
    open_checker(page, site_server.url("en/checker/"))
    page.fill("[data-field=body]", "Your order {{1}} has shipped and arrives tomorrow.")
    page.wait_for_function(SHOWN)
    outcome = page.evaluate(RUNAWAY, "kitChecker")
    assert outcome["kind"] == "timeout"
    assert outcome["checker"] == "loading"
    assert outcome["status"] == labels("en")["loading"]
    page.wait_for_selector("[data-checker][data-checker-state=ready]", timeout=90_000)
    assert page.text_content("[data-checker-status]") == labels("en")["ready"]
    page.wait_for_function(SHOWN)
    assert page.locator("[data-findings] li").count() >= 1
