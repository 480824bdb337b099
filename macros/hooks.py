"""MkDocs hooks: build-time files the browser needs, accessible task-list checkboxes, and a
Content-Security-Policy on every page (macros/content_policy.py).

``process.json`` — the validated process with provider settings resolved, plus the provider
block itself, in the shape of `process.model.process_to_json` (+ ``"provider"``). It is written
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
# `mkdocs serve` injects its live-reload script into every page after the hooks have run: a
# page policy would block it, so pages served for editing go without one.
_run = {"serving": False}


def on_startup(command: str, **_: Any) -> None:
    """Note whether this run serves the site for editing."""
    _run["serving"] = command == "serve"


def on_config(config: Any) -> Any:
    """Validate process.yml before anything is built (a bad file stops the build here)."""
    from macros.main import load_site_process

    load_site_process(config)
    return config


def on_page_content(html: str, **_: Any) -> str:
    """Name every task-list checkbox after its item (screen readers; axe "label" rule)."""
    from macros.pages.task_labels import label_task_checkboxes

    return label_task_checkboxes(html)


def on_post_page(output: str, **_: Any) -> str:
    """Give every page its Content-Security-Policy (macros/content_policy.py)."""
    from macros.content_policy import with_policy

    return output if _run["serving"] else with_policy(output)


def on_post_template(output_content: str, template_name: str, **_: Any) -> str:
    """The theme's own pages (404.html) get their policy too."""
    if not template_name.endswith(".html"):
        return output_content
    return on_post_page(output_content)


def on_post_build(config: Any) -> None:
    """Write process.json into the built site."""
    from macros.main import load_site_process
    from process.model import process_to_json

    process = load_site_process(config)
    data = {**process_to_json(process), "provider": config["extra"].get("provider") or {}}
    target = Path(config["site_dir"]) / PROCESS_JSON
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
