"""Where the questionnaire comes from and whom to contact, from the provider settings
(extra.provider: questionnaire_url, manager_title, manager_contact); pure, no MkDocs.
An empty setting is left out, never replaced by a made-up address.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from process.labels import texts_in

TEXTS_FILE = Path(__file__).with_name("provider_contact.toml")


def setting(settings: Mapping[str, Any], key: str, lang: str) -> str:
    """A provider setting in the page's language ("" when absent or blank)."""
    value = settings.get(key) or ""
    if isinstance(value, Mapping):
        value = value.get(lang) or ""
    return str(value).strip()


def questionnaire_source(settings: Mapping[str, Any], lang: str) -> str:
    """Markdown: where the reader gets the questionnaire and where it goes back (two lines)."""
    texts = texts_in(TEXTS_FILE, lang)
    url = setting(settings, "questionnaire_url", lang)
    manager = setting(settings, "manager_title", lang)
    contact = setting(settings, "manager_contact", lang)
    if url:
        lines = [texts["source_link"].format(url=url)]
        if contact:
            lines.append(texts["questions_contact"].format(manager=manager, contact=contact))
    else:
        lines = [texts["source_manager"].format(manager=manager)]
        send = "send_contact" if contact else "send_reply"
        lines.append(texts[send].format(manager=manager, contact=contact))
    return "\n\n".join(lines)


def manager_reference(settings: Mapping[str, Any], lang: str) -> str:
    """The manager as a page names them: "…менеджер провайдера (contact)", or the title alone."""
    manager = setting(settings, "manager_title", lang)
    contact = setting(settings, "manager_contact", lang)
    if not contact:
        return manager
    return texts_in(TEXTS_FILE, lang)["manager_contact"].format(manager=manager, contact=contact)
