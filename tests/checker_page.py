"""Shared by browser tests that drive the checker page: when Python is ready and when the page
shows the check (and the export) of exactly the current input."""

from __future__ import annotations

from typing import Any

READY = "[data-checker][data-checker-state=ready]"
SHOWN = """() => {
  const r = document.querySelector('[data-checker]');
  return r.dataset.checkerShown !== undefined
    && r.dataset.checkerShown === (r.dataset.checkerRevision || '0');
}"""


# True once Material's own script has started on the page (its document$ has the document). On
# the checker's and checklist's pages it waits for Python (docs/assets/kit/runtime/boot.js).
THEME_STARTED = """() => {
  let started = false;
  if (window.document$) window.document$.subscribe(() => { started = true; }).unsubscribe();
  return started;
}"""


def wait_until_checked(page: Any) -> None:
    """Wait until the worker is ready and the page shows the check of its current input."""
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_function(SHOWN)


# True once the page shows the check of an input newer than revision `before`.
CHANGED = """(before) => {
  const r = document.querySelector('[data-checker]');
  const revision = Number(r.dataset.checkerRevision || 0);
  return revision > before && r.dataset.checkerShown === String(revision);
}"""


def follow_hash(page: Any, hash_: str) -> None:
    """Set the open checker's address hash (a library link's `#template=…`) and wait until the
    page shows the check of the template it brings."""
    before = int(page.get_attribute("[data-checker]", "data-checker-revision") or 0)
    page.evaluate("(hash) => { location.hash = hash; }", hash_)
    page.wait_for_function(CHANGED, arg=before)
