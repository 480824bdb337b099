"""mkdocs-macros entry point: registers variables and macros, nothing else.

Each macro takes the page's language from the page itself and calls a pure function that has no
MkDocs import, so the generators can move to another site builder by touching this file only.
"""

from __future__ import annotations

from typing import Any


def page_language(env: Any) -> str:
    """Return the language of the page being rendered ("ru" or "en")."""
    page = getattr(env, "page", None)
    src = getattr(getattr(page, "file", None), "src_uri", "") or ""
    if src.endswith(".en.md"):
        return "en"
    return str(env.conf["theme"].get("language") or "ru")


def define_env(env: Any) -> None:
    """Register the kit's macros (called once per build by mkdocs-macros)."""

    @env.macro
    def provider(key: str) -> str:
        """A provider setting from extra.provider, in the page's language when it has two."""
        value = env.variables["provider"][key]
        if isinstance(value, dict):
            return str(value[page_language(env)])
        return str(value)

    # Placeholders until the process renderer lands (replaced by the process-definition work).
    @env.macro
    def checklist(phase: str | None = None) -> str:
        """The step checklist of the whole process, or of one phase, in the page's language."""
        return ""

    @env.macro
    def timeline() -> str:
        """The process timeline picture (SVG) in the page's language."""
        return ""
