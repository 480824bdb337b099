"""Guide pages in print media (real Chromium): no site chrome, boxes drawn, link targets shown."""

from __future__ import annotations

from typing import Any

import pytest

CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")

# Print-media facts about one page, read in the browser after the page settled.
PRINT_FACTS = """() => {
  const shown = (sel) => [...document.querySelectorAll(sel)]
    .some((el) => getComputedStyle(el).display !== "none");
  const box = document.querySelector(".task-list-indicator");
  const boxStyle = box ? getComputedStyle(box, "::before") : null;
  const inner = document.querySelector(".md-content");
  const after = (sel) => {
    const a = document.querySelector(sel);
    return a ? getComputedStyle(a, "::after").content : null;
  };
  return {
    chrome: CHROME.filter(shown),
    boxBorder: boxStyle ? boxStyle.borderTopStyle + " " + boxStyle.borderTopWidth : null,
    boxMask: boxStyle ? boxStyle.maskImage : null,
    contentWidth: inner.getBoundingClientRect().width,
    bodyWidth: document.body.getBoundingClientRect().width,
    external: after('.md-content a[href^="http"]'),
    internal: after(".md-content a[data-print-href]"),
  };
}"""


@pytest.mark.parametrize("path", ["business-manager/", "en/business-manager/"])
def test_guide_page_prints_without_chrome(page: Any, site_server: Any, path: str) -> None:
    page.goto(site_server.url(path))
    page.emulate_media(media="print")
    facts = page.evaluate(PRINT_FACTS.replace("CHROME", repr(list(CHROME))))
    assert facts["chrome"] == []
    assert facts["contentWidth"] >= 0.95 * facts["bodyWidth"]
    assert facts["boxBorder"] is not None, "the page has no checklist box"
    assert facts["boxBorder"].startswith("solid")
    assert facts["boxMask"] == "none"
    assert "business.facebook.com" in facts["external"]
    assert facts["internal"] is not None
    assert "/checklist/" in facts["internal"]  # the steps point to the personal checklist
    assert site_server.url("") in facts["internal"], "internal targets print absolute"
