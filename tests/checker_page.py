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


def wait_until_checked(page: Any) -> None:
    """Wait until the worker is ready and the page shows the check of its current input."""
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_function(SHOWN)
