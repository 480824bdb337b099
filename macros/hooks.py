"""MkDocs hooks: build-time files the browser needs, and accessible task-list checkboxes.

``process.json`` — the validated process with provider settings resolved, plus the provider
block itself, in the shape of `macros.model.process_to_json` (+ ``"provider"``). It is written
once, at the site root (every language build writes the same file there): pages fetch it
from the site root (``../process.json`` from ``/en/``).

MkDocs loads this file by path while reading mkdocs.yml, before mkdocs-macros imports the
``macros`` package from the project folder; so the package is imported inside the hooks (an
import at the top would bind ``macros`` too early and, under some editable installs, wrongly).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PROCESS_JSON = "process.json"


def on_config(config: Any) -> Any:
    """Validate process.yml before anything is built (a bad file stops the build here)."""
    from macros.main import load_site_process

    load_site_process(config)
    return config


def on_page_content(html: str, **_: Any) -> str:
    """Name every task-list checkbox after its item (screen readers; axe "label" rule)."""
    from macros.render import label_task_checkboxes

    return label_task_checkboxes(html)


def on_post_build(config: Any) -> None:
    """Write process.json into the built site."""
    from macros.main import load_site_process
    from macros.model import process_to_json

    process = load_site_process(config)
    data = {**process_to_json(process), "provider": config["extra"].get("provider") or {}}
    target = Path(config["site_dir"]) / PROCESS_JSON
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
