"""The personal checklist page's markup: the answers form, actions, result region, texts.

Pure (no MkDocs import). Inputs are named exactly by the answers keys; the JavaScript finds
everything by ``data-*`` attributes and takes every human text from the JSON block written
here. The checklist itself is computed in the checker's Pyodide worker (``process.browser``).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

from macros.bundle.manifest import RuntimePaths, runtime_paths
from macros.pages.checker import CHECKER_STORAGE_KEY
from macros.pages.widget import html_attrs, relative_root, widget_opening
from process.labels import labels as process_labels
from process.labels import texts_in
from process.model import Process, process_to_json

STORAGE_KEY = "wa-kit:checklist:v1"
SHARE_PARAM = "answers"
LABELS_FILE = Path(__file__).with_name("checklist.toml")


def labels(lang: str) -> dict[str, str]:
    """The process's texts and the page's own (ui_*) in one language."""
    return {**process_labels(lang), **texts_in(LABELS_FILE, lang)}


def _docs_url(path: str, *, directory_urls: bool) -> str:
    """The site URL of a docs page (``prepare.md`` → ``prepare/`` or ``prepare.html``)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def guide_urls(
    pages: Iterable[str], page_url: str, page_src: str = "checklist.md"
) -> dict[str, str]:
    """Each guide page (``prepare.md``) as a link relative to this page (``../prepare/``).

    The page's own URL tells the URL style (``…/checklist/`` or ``…/checklist.html``); the
    links stay inside the page's language, as the guide's pages sit beside it.
    """
    directory_urls = not page_url.endswith(".html")
    here = _docs_url(page_src, directory_urls=directory_urls)
    base = here if directory_urls else posixpath.dirname(here)
    out = {}
    for page in sorted(pages):  # sorted: the same build gives the same bytes
        path = page.partition("#")[0]
        link = posixpath.relpath(_docs_url(path, directory_urls=directory_urls) or ".", base or ".")
        out[path] = f"{link}/" if directory_urls else link
    return out


def _text_field(
    key: str,
    text: Mapping[str, str],
    *,
    tag: str = "input",
    shown_when: str = "",
    **extra: str,
) -> str:
    """A labelled text field (``tag="textarea"`` for a long text); a required one is marked in
    its label (the mark is explained above the form) and for assistive technology;
    `shown_when` names the yes/no answer that shows it."""
    field_id = f"wa-pc-f-{key}"
    hint_key = f"ui_{key}_hint"
    described = f"{field_id}-error"
    hint = ""
    if hint_key in text:
        described = f"{field_id}-hint {described}"
        hint = f'<p class="wa-pc-hint" id="{field_id}-hint">{escape(text[hint_key])}</p>'
    attrs = {} if tag == "textarea" else {"type": "text"}
    attrs |= {"autocomplete": "off", **extra}
    mark = ""
    if "required" in attrs:
        attrs["aria-required"] = "true"
        mark = '<span class="wa-pc-required" aria-hidden="true">*</span>'
    control = (
        f'<{tag} id="{field_id}" name="{key}" data-answer="{key}"{html_attrs(attrs)}'
        f' aria-describedby="{described}">{"</textarea>" if tag == "textarea" else ""}'
    )
    wrapper = f' data-shown-when="{shown_when}" hidden' if shown_when else ""
    return (
        f'<div class="wa-pc-field"{wrapper}><label for="{field_id}">'
        f"{escape(text[f'field_{key}'])}{mark}</label>{control}{hint}"
        f'<p class="wa-pc-error" id="{field_id}-error" data-field-error="{key}"></p></div>'
    )


def _check_field(key: str, text: Mapping[str, str]) -> str:
    field_id = f"wa-pc-f-{key}"
    return (
        f'<div class="wa-pc-field wa-pc-field--check"><input type="checkbox" id="{field_id}"'
        f' name="{key}" data-answer="{key}" aria-describedby="{field_id}-error">'
        f'<label for="{field_id}">{escape(text[f"field_{key}"])}</label>'
        f'<p class="wa-pc-error" id="{field_id}-error" data-field-error="{key}"></p></div>'
    )


def _button(key: str, text: Mapping[str, str], action: str, *, primary: bool = False) -> str:
    cls = "md-button md-button--primary" if primary else "md-button"
    return (
        f'<button type="button" class="{cls}" data-action="{action}">{escape(text[key])}</button>'
    )


def render_widget(
    lang: str,
    page_url: str,
    runtime: RuntimePaths,
    process: Mapping[str, Any],
) -> str:
    """The checklist widget's HTML for one language (the form works before Python is ready)."""
    text = labels(lang)
    root = relative_root(page_url)
    version = hashlib.sha256(json.dumps(process, sort_keys=True).encode()).hexdigest()[:12]
    config = {
        "lang": lang,
        "labels": {k: v for k, v in text.items() if k.startswith(("ui_", "field_", "doc_"))},
        "storageKey": STORAGE_KEY,
        "checkerStorageKey": CHECKER_STORAGE_KEY,  # read only: the checker's last template
        "shareParam": SHARE_PARAM,
        "guideUrls": guide_urls({step["page"] for step in process["steps"]}, page_url),
    }
    data = {
        "data-checklist": "",
        "data-checklist-state": "loading",
        "data-process": f"{root}process.json?v={version}",
    }
    opening = widget_opening(
        root,
        runtime,
        element=("wa-pc", data),
        stylesheet="checklist/checklist.css",
        config=("data-checklist-config", config),
        noscript=("wa-pc-status", text["ui_failed"]),
    )
    parts = [
        *opening,
        '<p class="wa-pc-status" role="status" data-checklist-status>'
        f"{escape(text['ui_loading'])}</p>",
        f'<form class="wa-pc-form" data-checklist-form aria-label="{escape(text["ui_form"])}"'
        " novalidate>",
        f'<p class="wa-pc-hint wa-pc-required-note">{escape(text["ui_required_note"])}</p>',
        '<div class="wa-pc-row">',
        _text_field("company", text, required="", maxlength="200", autocomplete="organization"),
        _text_field("bm_id", text, inputmode="numeric", maxlength="20", spellcheck="false"),
        "</div>",
        '<div class="wa-pc-row">',
        _text_field("manager_name", text, maxlength="200"),
        _text_field("manager_contact", text, maxlength="200"),
        "</div>",
        '<div class="wa-pc-row">',
        _text_field("start_date", text, type="date"),
        _text_field("contact_person", text, maxlength="200"),
        "</div>",
        '<div class="wa-pc-row">',
        _text_field("phone", text, type="tel", maxlength="30", autocomplete="tel"),
        _text_field("website", text, inputmode="url", maxlength="200", spellcheck="false"),
        "</div>",
        _check_field("name_change", text),
        _text_field("display_name", text, shown_when="name_change", maxlength="200"),
        _check_field("description_change", text),
        _text_field(
            "description",
            text,
            tag="textarea",
            shown_when="description_change",
            maxlength="512",
            rows="3",
        ),
        '<fieldset class="wa-pc-templates" aria-describedby="wa-pc-templates-hint">'
        f"<legend>{escape(text['field_templates'])}</legend>"
        f'<p class="wa-pc-hint" id="wa-pc-templates-hint">{escape(text["ui_templates_hint"])}</p>'
        "<div data-templates></div>"
        '<p class="wa-pc-error" data-field-error="templates"></p>'
        f"<p>{_button('ui_add_template', text, 'add-template')} "
        f"<span data-from-checker hidden>{_button('ui_from_checker', text, 'from-checker')}"
        "</span></p></fieldset>",
        "</form>",
        f'<div class="wa-pc-actions" role="group" aria-label="{escape(text["ui_actions"])}">',
        _button("ui_print", text, "print", primary=True),
        _button("ui_export", text, "export"),
        f'<label class="md-button wa-pc-import">{escape(text["ui_import"])}'
        '<input type="file" accept=".json,application/json" data-action="import"'
        ' class="wa-pc-visually-hidden"></label>',
        _button("ui_share", text, "share"),
        _button("ui_reset", text, "reset"),
        "</div>",
        '<div class="wa-pc-share" data-share hidden>'
        f'<label for="wa-pc-share-link">{escape(text["ui_share_hint"])}</label>'
        '<input type="text" id="wa-pc-share-link" readonly data-share-link></div>',
        '<p class="wa-pc-announce" role="status" aria-live="polite" data-checklist-announce></p>',
        f'<section class="wa-pc-result" aria-label="{escape(text["ui_result"])}"'
        " data-checklist-result></section>",
        f'<script type="module" src="{root}{runtime.scripts}/checklist/page.mjs"></script>',
        "</div>",
    ]
    return "\n".join(parts)


def checklist_page(lang: str, page_url: str, project_root: Path, process: Process) -> str:
    """The widget for a page of this build: the checker's archive and snapshot, the process."""
    return render_widget(lang, page_url, runtime_paths(project_root), process_to_json(process))
