"""HTML pieces shared by the browser widgets (checker, personal checklist): the boot script,
the widget's opening and its JSON config block. Pure, no MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from macros.bundle.manifest import RuntimePaths

BOOT_SCRIPT = Path(__file__).parents[2] / "docs" / "assets" / "kit" / "runtime" / "boot.js"


def relative_root(page_url: str) -> str:
    """The relative path from a page's URL (``en/checker/``) back to the site root (``../../``)."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth


def html_attrs(values: Mapping[str, str]) -> str:
    """Attributes as ``' key="value"'`` pairs, values escaped."""
    return "".join(f' {key}="{escape(value, quote=True)}"' for key, value in values.items())


def config_script(marker: str, config: Mapping[str, Any]) -> str:
    """A JSON block the widget's script reads; ``<`` is escaped so no text can close the tag."""
    payload = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" {marker}>{payload}</script>'


def _runtime_attrs(root: str, paths: RuntimePaths) -> dict[str, str]:
    """Where the Python worker, the Pyodide runtime, the Python archive and its snapshot are."""
    return {
        "data-worker": f"{root}{paths.scripts}/runtime/worker.mjs",
        "data-pyodide": f"{root}{paths.pyodide}/",
        "data-archive": f"{root}{paths.archive}",
        "data-snapshot": f"{root}{paths.snapshot}" if paths.snapshot else "",
    }


def boot_script(root: str, paths: RuntimePaths) -> str:
    """The inline script that starts the Python worker early, with the runtime's locations.

    Placed in the page's head by the theme (overrides/main.html) and again as the widget's
    first child, which only starts the worker when the head did not (another theme).
    """
    attrs = html_attrs(_runtime_attrs(root, paths))
    return f"<script{attrs}>\n{BOOT_SCRIPT.read_text(encoding='utf-8')}</script>"


def widget_opening(
    root: str,
    runtime: RuntimePaths,
    *,
    element: tuple[str, Mapping[str, str]],
    stylesheet: str,
    config: tuple[str, Mapping[str, Any]],
    noscript: tuple[str, str],
) -> list[str]:
    """A widget's first pieces: its root element (class, attributes; left open), the boot
    script's fallback copy, its stylesheet (path in the scripts folder), its JSON config block
    (marker, data) and the notice shown without JavaScript (class, text)."""
    (cls, attrs), (marker, data), (notice_cls, notice) = element, config, noscript
    return [
        f'<div class="{cls}"{html_attrs(attrs)}>',
        boot_script(root, runtime),
        f'<link rel="stylesheet" href="{root}{runtime.scripts}/{stylesheet}">',
        config_script(marker, data),
        f'<noscript><p class="{notice_cls}">{escape(notice)}</p></noscript>',
    ]
