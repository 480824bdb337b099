"""MkDocs hooks, each delegating to macros.pages or macros.bundle: runtime files, process.json,
task-list checkbox names, permalink titles in the page's language, every page's policy.
Our packages are imported inside the hooks: MkDocs loads this file before mkdocs-macros.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

PROCESS_JSON = "process.json"
# `mkdocs serve` injects its live-reload script into every page after the hooks have run: a
# page policy would block it, so pages served for editing go without one.
_run = {"serving": False}


def on_startup(command: str, **_: Any) -> None:
    """Note whether this run serves the site for editing."""
    _run["serving"] = command == "serve"


def on_config(config: Any) -> Any:
    """Validate process.yml before anything is built (a bad file stops the build here)."""
    from macros.site import load_site_process

    load_site_process(config)
    return config


# toc's permalink_title is one setting for the whole site; each page is rendered with the value
# set here for its language just before it (MkDocs builds a fresh Markdown per page).
PERMALINK_TITLES = {"ru": "Постоянная ссылка", "en": "Permanent link"}


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Title each heading's permanent link in the page's language (ru unsuffixed, en .en.md)."""
    lang = "en" if page.file.src_uri.endswith(".en.md") else config["theme"]["language"]
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = PERMALINK_TITLES[lang]
    return markdown


def on_page_content(html: str, **_: Any) -> str:
    """Name every task-list checkbox after its item (screen readers; axe "label" rule)."""
    from macros.pages.task_labels import label_task_checkboxes

    return label_task_checkboxes(html)


def on_post_page(output: str, **_: Any) -> str:
    """Give every page its Content-Security-Policy (macros.pages.content_policy)."""
    from macros.pages.content_policy import with_policy

    return output if _run["serving"] else with_policy(output)


def on_post_template(output_content: str, template_name: str, **_: Any) -> str:
    """The theme's own pages (404.html) get their policy too."""
    if not template_name.endswith(".html"):
        return output_content
    return on_post_page(output_content)


def on_post_build(config: Any) -> None:
    """Write process.json (the process with provider settings resolved, and the provider block)
    once at the site root; pages fetch it from there (``../process.json`` from ``/en/``)."""
    from macros.site import load_site_process
    from process.model import process_to_json

    process = load_site_process(config)
    data = {**process_to_json(process), "provider": config["extra"].get("provider") or {}}
    target = Path(config["site_dir"]) / PROCESS_JSON
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add assets/pyodide/* (from node_modules), the hashed archive, its snapshot and sw.js;
    move the widgets' scripts and styles to assets/kit/<hash>/."""
    from macros.bundle import CACHE_DIR, BundleError
    from macros.bundle.archive import build_archive, packed_archive
    from macros.bundle.runtime import pyodide_files, scripts_folder, scripts_site_path
    from macros.bundle.service_worker import SW_NAME, precache_paths, write_service_worker
    from macros.bundle.snapshot import build_snapshot

    root = Path(config.config_file_path).resolve().parent
    try:
        runtime = pyodide_files(root / "node_modules")
        archive = build_archive(root)
        snapshot = build_snapshot(root / "node_modules", archive)
    except BundleError as error:
        raise PluginError(str(error)) from error
    folder = scripts_folder(Path(config.docs_dir))
    for file in list(files):
        site_path = scripts_site_path(file.src_uri, folder)
        if site_path and not file.generated_by:
            files.remove(file)
            files.append(
                File(
                    file.src_uri,
                    config.docs_dir,
                    config.site_dir,
                    config.use_directory_urls,
                    dest_uri=site_path,
                )
            )
    generated = {**runtime, archive.name: packed_archive(archive), snapshot[0]: snapshot[1]}
    # From files (not bytes): mkdocs-static-i18n expects every file to have a source path.
    for site_path, source in generated.items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    precache = precache_paths(f.dest_uri for f in files)
    worker = write_service_worker(precache, CACHE_DIR)
    files.append(File.generated(config, SW_NAME, abs_src_path=str(worker)))
    return files
