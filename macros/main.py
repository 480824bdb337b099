"""mkdocs-macros entry point: registers variables and macros, nothing else.

Each macro takes the page's language from the page itself and calls a pure function that has no
MkDocs import, so the generators can move to another site builder by touching this file only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from process.guide import checklist_markdown
from process.timeline import timeline_svg
from process.wording import days_range, up_to_days


def page_language(env: Any) -> str:
    """Return the language of the page being rendered ("ru" or "en")."""
    page = getattr(env, "page", None)
    src = getattr(getattr(page, "file", None), "src_uri", "") or ""
    if src.endswith(".en.md"):
        return "en"
    return str(env.conf["theme"].get("language") or "ru")


def define_env(env: Any) -> None:
    """Register the kit's macros (called once per build by mkdocs-macros)."""
    # extra.provider also lands as a top-level page variable "provider", and page variables
    # shadow macros of the same name; drop the copy (it stays at extra.provider / env.conf).
    env.variables.pop("provider", None)

    @env.macro
    def provider(key: str) -> str:
        """A provider setting from extra.provider, in the page's language when it has two."""
        value = env.conf["extra"]["provider"][key]
        if isinstance(value, dict):
            return str(value[page_language(env)])
        return str(value)

    @env.macro
    def provider_days(max_key: str, min_key: str | None = None) -> str:
        """A provider duration as a phrase ("до 21 дня", "от 1 до 3 дней") in the page language."""
        settings = env.conf["extra"]["provider"]
        high = int(settings[max_key])
        if min_key is None:
            return up_to_days(high, page_language(env))
        return days_range(int(settings[min_key]), high, page_language(env))

    process = load_site_process(env.conf)

    @env.macro
    def checklist(phase: str | None = None) -> str:
        """The step checklist of the whole process, or of one phase, in the page's language."""
        return checklist_markdown(
            process, page_language(env), phase=phase, from_page=env.page.file.src_uri
        )

    @env.macro
    def timeline() -> str:
        """The process timeline picture (SVG) in the page's language."""
        return timeline_svg(process, page_language(env))

    @env.macro
    def checker() -> str:
        """The template checker widget (fields, results, bulk mode) in the page's language."""
        from macros.checker_widget import checker_page

        root = Path(env.conf["config_file_path"]).parent
        start_worker_in_head(env, root)
        return checker_page(page_language(env), env.page.url, root)

    @env.macro
    def rule_reference() -> str:
        """The checker's rule reference (ids, reasons, examples) in the page's language."""
        from macros.rule_reference import render_rule_reference

        return render_rule_reference(page_language(env))

    @env.macro
    def personal_checklist() -> str:
        """The personal checklist widget (answers form, dated checklist) in the page's language."""
        from macros.checklist_widget import checklist_page

        root = Path(env.conf["config_file_path"]).parent
        start_worker_in_head(env, root)
        return checklist_page(page_language(env), env.page.url, root, process)


def start_worker_in_head(env: Any, root: Path) -> None:
    """Have the theme start the page's Python worker from its head (overrides/main.html)."""
    from macros.checker_widget import head_boot

    env.page.meta["kit_boot"] = head_boot(env.page.url, root)


def load_site_process(conf: Any) -> Any:
    """The validated process of this site (process.yml beside mkdocs.yml); fails the build if bad.

    Shared with `macros.hooks`; loads once per build (see `load_process_once`).
    """
    from mkdocs.exceptions import PluginError

    from process.definition import load_process_once
    from process.errors import ProcessFileError

    root = Path(conf["config_file_path"]).parent
    try:
        return load_process_once(
            root / "process.yml",
            conf["extra"].get("provider") or {},
            docs_dir=Path(conf["docs_dir"]),
        )
    except ProcessFileError as error:
        raise PluginError(str(error)) from error
