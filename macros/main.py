"""mkdocs-macros entry point: registers variables and macros, nothing else; each macro calls a
pure function (process/, macros/pages/) with the page's language from `macros.site`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.site import load_site_process, page_language, start_worker_in_head
from process.guide import checklist_markdown
from process.timeline import timeline_svg
from process.wording import days_range, up_to_days


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
    def questionnaire_source() -> str:
        """Where the questionnaire comes from and where it goes back (a link or the manager)."""
        from macros.pages.provider_contact import questionnaire_source as source

        return source(env.conf["extra"]["provider"], page_language(env))

    @env.macro
    def provider_manager() -> str:
        """The provider's manager with their contact when the settings give one."""
        from macros.pages.provider_contact import manager_reference

        return manager_reference(env.conf["extra"]["provider"], page_language(env))

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
        from macros.pages.checker import checker_page

        root = Path(env.conf["config_file_path"]).parent
        start_worker_in_head(env, root)
        return checker_page(page_language(env), env.page.url, root)

    @env.macro
    def rule_reference() -> str:
        """The checker's rule reference (ids, reasons, examples) in the page's language."""
        from macros.pages.rule_reference import render_rule_reference

        return render_rule_reference(page_language(env))

    @env.macro
    def template_library() -> str:
        """The library of ready templates (library.yml) by case, in the page's language."""
        from macros.pages.library import library_page

        root = Path(env.conf["config_file_path"]).parent
        return library_page(page_language(env), env.page.url, root)

    @env.macro
    def personal_checklist() -> str:
        """The personal checklist widget (answers form, dated checklist) in the page's language."""
        from macros.pages.checklist import checklist_page

        root = Path(env.conf["config_file_path"]).parent
        start_worker_in_head(env, root)
        return checklist_page(page_language(env), env.page.url, root, process)
