"""MkDocs configuration and page → plain values for the macros and hooks: the page's language,
this site's validated process, the worker's boot script in the page's head.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def page_language(env: Any) -> str:
    """Return the language of the page being rendered ("ru" or "en")."""
    page = getattr(env, "page", None)
    src = getattr(getattr(page, "file", None), "src_uri", "") or ""
    if src.endswith(".en.md"):
        return "en"
    return str(env.conf["theme"].get("language") or "ru")


def start_worker_in_head(env: Any, root: Path) -> None:
    """Have the theme start the page's Python worker from its head (overrides/main.html)."""
    from macros.pages.checker import head_boot

    env.page.meta["kit_boot"] = head_boot(env.page.url, root)


def load_site_process(conf: Any) -> Any:
    """The validated process of this site (process.yml beside mkdocs.yml); fails the build if bad.

    Shared with `macros.hooks`; loads once per build (see `load_process_once`).
    """
    from mkdocs.exceptions import PluginError

    from process.definition import load_process_once, provider_settings
    from process.errors import ProcessFileError

    config_file = Path(conf["config_file_path"])
    try:
        provider = conf["extra"].get("provider")
        text = "" if isinstance(provider, dict | None) else config_file.read_text(encoding="utf-8")
        return load_process_once(
            config_file.parent / "process.yml",
            provider_settings(conf["extra"], config_file.name, text),
            docs_dir=Path(conf["docs_dir"]),
        )
    except ProcessFileError as error:
        raise PluginError(str(error)) from error
