"""The template checker's page markup: labelled fields, result regions and the widget's texts.

Pure (no MkDocs import). The page's JavaScript finds everything by ``data-*`` attributes and
takes every human text from the JSON block written here, so it holds no text and no rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from urllib.parse import quote

from macros.bundle.manifest import RuntimePaths, runtime_paths
from macros.pages.checker_samples import sample_csv, sample_templates, sample_yaml
from macros.pages.widget import boot_script, relative_root, widget_opening
from process.labels import texts_in
from validator.sources import FIELDS
from validator.texts import category_name, fill

LABELS_FILE = Path(__file__).with_name("checker.toml")
CATEGORIES = ("UTILITY", "MARKETING", "AUTHENTICATION")
BULK_FORMATS = ("yaml", "json", "csv", "txt")
MAX_CHARS = 100_000  # a single template (all fields) or a bulk paste, checked before posting
MAX_BULK_CHARS = 400_000
# Where the checker keeps the last checked template in the browser (the checklist page reads it).
CHECKER_STORAGE_KEY = "wa-kit:checker:v1"


def labels(lang: str) -> dict[str, str]:
    """The widget's texts in one language (ru or en), with Meta's names of the categories."""
    names = {f"category_{c.lower()}": category_name(c, lang) for c in CATEGORIES}
    return {**texts_in(LABELS_FILE, lang), **names}


def _counted(text: Mapping[str, str]) -> dict[str, str]:
    """The texts with the fixed limits put in here, where the number's word can agree with it
    (the page's script only fills plain {name} placeholders)."""
    return {
        **text,
        "too_long": fill(text["too_long"], {"max": MAX_CHARS}),
        "too_long_bulk": fill(text["too_long"], {"max": MAX_BULK_CHARS}),
    }


def _field(key: str, text: Mapping[str, str], *, multiline: bool = False, hint: str = "") -> str:
    """One labelled text field with a highlight backdrop behind it."""
    field_id = f"kit-checker-{key}"
    described = f' aria-describedby="{field_id}-hint"' if hint else ""
    control = (
        f'<textarea id="{field_id}" name="{key}" data-field="{key}" rows="6"'
        f' spellcheck="false"{described}></textarea>'
        if multiline
        else f'<input type="text" id="{field_id}" name="{key}" data-field="{key}"'
        f' spellcheck="false" autocomplete="off"{described}>'
    )
    hint_html = (
        f'<p class="kit-checker-hint" id="{field_id}-hint">{escape(hint)}</p>' if hint else ""
    )
    return (
        f'<div class="kit-checker-field"><label for="{field_id}">{escape(text[key])}</label>'
        f'<div class="kit-checker-hl{" kit-checker-hl--multi" if multiline else ""}">'
        f'<div class="kit-checker-backdrop" aria-hidden="true" data-backdrop="{key}"></div>'
        f"{control}</div>{hint_html}</div>"
    )


def _select(key: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    field_id = f"kit-checker-{key}"
    opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    return (
        f'<div class="kit-checker-field kit-checker-field--select"><label for="{field_id}">'
        f'{escape(label)}</label><select id="{field_id}" name="{key}" data-field="{key}">'
        f"{opts}</select></div>"
    )


def _counter(key: str, label: str, limit: int | None) -> str:
    limit_html = f'<span class="kit-checker-limit">/{limit}</span>' if limit else ""
    return (
        f'<div class="kit-checker-counter" data-counter="{key}"><dt>{escape(label)}</dt>'
        f'<dd><span data-count="{key}">0</span>{limit_html}</dd></div>'
    )


def _export_document(key: str, title: str, text: Mapping[str, str]) -> str:
    """One exported request: its title, the JSON (filled in by the page), Copy and Download."""
    return (
        f'<div class="kit-checker-export-doc" data-export-doc="{key}">'
        f'<h3 class="kit-checker-h3" id="kit-checker-export-{key}">{escape(title)}</h3>'
        f'<pre class="kit-checker-json" tabindex="0" aria-labelledby="kit-checker-export-{key}">'
        f'<code data-export-json="{key}"></code></pre><p class="kit-checker-export-actions">'
        f'<button type="button" class="md-button" data-export-copy="{key}">'
        f"{escape(text['export_copy'])}</button> "
        f'<button type="button" class="md-button" data-export-download="{key}">'
        f"{escape(text['export_download'])}</button></p></div>"
    )


def _export_section(text: Mapping[str, str]) -> list[str]:
    """The single template's export: opened by a button, then kept up to date with each check;
    the blockers list replaces the documents while the template has errors."""
    return [
        '<section class="kit-checker-export" data-export aria-labelledby="kit-checker-export-h">',
        f'<h2 class="kit-checker-h" id="kit-checker-export-h">{escape(text["export"])}</h2>',
        '<p><button type="button" class="md-button" data-export-open aria-expanded="false"'
        f' aria-controls="kit-checker-export-body">{escape(text["export_open"])}</button></p>',
        '<div id="kit-checker-export-body" data-export-body hidden>',
        f'<p class="kit-checker-hint">{escape(text["export_intro"])}</p>',
        f'<div class="kit-checker-export-blocked" data-export-blocked hidden>'
        f"<p>{escape(text['export_blocked'])}</p><ul data-export-blockers></ul></div>",
        "<div data-export-documents hidden>",
        _export_document("create", text["export_create"], text),
        _export_document("send", text["export_send"], text),
        "</div>",
        '<p class="kit-checker-announce" role="status" aria-live="polite" data-export-announce>'
        "</p>",
        "</div>",
        "</section>",
    ]


def _form_actions(text: Mapping[str, str]) -> list[str]:
    """Copy the body, clear the form (undone by the button that then appears) and the live
    region that says what happened."""
    return [
        '<p class="kit-checker-actions">',
        f'<button type="button" class="md-button" data-copy-body>{escape(text["copy_body"])}'
        "</button> ",
        f'<button type="button" class="md-button" data-clear>{escape(text["clear"])}</button> ',
        f'<button type="button" class="md-button" data-undo-clear hidden>'
        f"{escape(text['undo_clear'])}</button>",
        "</p>",
        '<p class="kit-checker-announce" role="status" aria-live="polite" data-form-announce></p>',
    ]


def _bulk_columns(text: Mapping[str, str], samples: Mapping[str, str]) -> list[str]:
    """What a bulk file holds: every field the checker reads, and the sample files to start
    from (data: links, so they download without the checker having started)."""
    rows = "".join(
        f"<tr><td><code>{key}</code></td><td>{escape(text[f'column_{key}'])}</td></tr>"
        for key in FIELDS
    )
    links = " ".join(
        f'<a class="md-button" data-bulk-sample="{kind}" download="templates-sample.{kind}"'
        f' href="data:{mime};charset=utf-8,{quote(samples[kind])}">'
        f"{escape(text[f'bulk_sample_{kind}'])}</a>"
        for kind, mime in (("csv", "text/csv"), ("yaml", "application/yaml"))
    )
    return [
        '<details class="kit-checker-columns" data-bulk-columns>',
        f"<summary>{escape(text['bulk_columns'])}</summary>",
        f'<p class="kit-checker-hint">{escape(text["bulk_columns_intro"])}</p>',
        '<div class="kit-checker-table-wrap"><table class="kit-checker-columns-table">',
        f'<thead><tr><th scope="col">{escape(text["bulk_col_key"])}</th>'
        f'<th scope="col">{escape(text["bulk_col_meaning"])}</th></tr></thead>',
        f"<tbody>{rows}</tbody></table></div>",
        "</details>",
        f'<p class="kit-checker-samples">{links}</p>',
    ]


def _buttons_section(text: Mapping[str, str]) -> list[str]:
    """The button editor: shown by the page in Meta mode only (the provider takes no buttons);
    its rows are built by the page (checker/buttons.mjs)."""
    return [
        '<fieldset class="kit-checker-buttons" data-buttons hidden>',
        f"<legend>{escape(text['buttons'])}</legend>",
        f'<p class="kit-checker-hint">{escape(text["buttons_hint"])}</p>',
        "<div data-button-list></div>",
        f'<button type="button" class="md-button" data-button-add>{escape(text["button_add"])}'
        "</button>",
        "</fieldset>",
    ]


def render_widget(
    lang: str,
    page_url: str,
    *,
    runtime: RuntimePaths,
    limits: Mapping[str, int],
    rule_anchors: Mapping[str, str],
    storage_key: str,
    samples: Mapping[str, str],
) -> str:
    """The checker widget's HTML for one language (fields first, so typing works at once)."""
    text = labels(lang)
    root = relative_root(page_url)
    config = {
        "lang": lang,
        "labels": _counted(text),
        "limits": dict(limits),
        "maxChars": MAX_CHARS,
        "maxBulkChars": MAX_BULK_CHARS,
        "ruleAnchors": dict(sorted(rule_anchors.items())),
        "storageKey": storage_key,
    }
    data = {
        "data-checker": "",
        "data-checker-state": "loading",
        "data-rules-href": "../rules/",
    }
    categories = [("", text["category_none"])] + [
        (c, text[f"category_{c.lower()}"]) for c in CATEGORIES
    ]
    modes = [("provider", text["mode_provider"]), ("meta", text["mode_meta"])]
    formats = [(f, text[f"bulk_format_{f}"]) for f in BULK_FORMATS]
    counters = "".join(
        _counter(key, text[f"count_{key}"], limits.get(key))
        for key in ("body", "header", "footer", "variables", "body_with_examples", "body_longest")
    )
    opening = widget_opening(
        root,
        runtime,
        element=("kit-checker", data),
        stylesheet="checker/checker.css",
        config=("data-checker-config", config),
        noscript=("kit-checker-status", text["noscript"]),
    )
    parts = [
        *opening,
        f'<p class="kit-checker-status" data-checker-status>{escape(text["loading"])}</p>',
        f'<form class="kit-checker-form" data-checker-form aria-label="{escape(text["form"])}">',
        _field("name", text, hint=text["name_hint"]),
        '<div class="kit-checker-row">',
        _select("category", text["category"], categories),
        _select("mode", text["mode"], modes),
        "</div>",
        _field("header", text),
        _field("body", text, multiline=True, hint=text["body_hint"]),
        _field("footer", text),
        *_form_actions(text),
        f'<fieldset class="kit-checker-examples" data-examples hidden>'
        f"<legend>{escape(text['examples'])}</legend><div data-example-list></div></fieldset>",
        f'<fieldset class="kit-checker-examples" data-longest hidden>'
        f"<legend>{escape(text['longest'])}</legend><div data-longest-list></div></fieldset>",
        *_buttons_section(text),
        "</form>",
        f'<section class="kit-checker-results" aria-label="{escape(text["results"])}">',
        '<p class="kit-checker-announce" role="status" aria-live="polite" data-announce></p>',
        f'<dl class="kit-checker-counters" aria-label="{escape(text["counters"])}">{counters}</dl>',
        f'<p class="kit-checker-category"><span>{escape(text["category_hint"])}: </span>'
        f"<strong data-category-hint>—</strong> <span data-category-reason></span></p>",
        f'<h2 class="kit-checker-h">{escape(text["findings"])}</h2>',
        '<ul class="kit-checker-findings" data-findings></ul>',
        f'<h2 class="kit-checker-h">{escape(text["preview"])}</h2>',
        '<div class="kit-checker-phone"><div class="kit-checker-bubble" data-preview></div></div>',
        "</section>",
        *_export_section(text),
        '<section class="kit-checker-bulk" data-bulk>',
        f'<h2 class="kit-checker-h" id="kit-checker-bulk-h">{escape(text["bulk"])}</h2>',
        *_bulk_columns(text, samples),
        '<form data-bulk-form aria-labelledby="kit-checker-bulk-h">',
        '<div class="kit-checker-field"><label for="kit-checker-bulk-text">'
        f'{escape(text["bulk_text"])}</label><textarea id="kit-checker-bulk-text" rows="8"'
        ' spellcheck="false" data-bulk-text></textarea></div>',
        '<div class="kit-checker-row">',
        _select("bulk-format", text["bulk_format"], formats).replace(
            'data-field="bulk-format"', "data-bulk-format"
        ),
        '<div class="kit-checker-field"><label for="kit-checker-bulk-file">'
        f'{escape(text["bulk_file"])}</label><input type="file" id="kit-checker-bulk-file"'
        ' accept=".yaml,.yml,.json,.csv,.txt" data-bulk-file></div>',
        "</div>",
        f'<button type="submit" class="md-button md-button--primary">'
        f"{escape(text['bulk_check'])}</button>",
        "</form>",
        '<p class="kit-checker-suggest" data-bulk-suggestion hidden><span></span> '
        '<button type="button" class="md-button" data-bulk-suggest></button></p>',
        '<p class="kit-checker-announce" role="status" aria-live="polite" data-bulk-announce></p>',
        '<div class="kit-checker-table-wrap" data-bulk-result></div>',
        '<p class="kit-checker-downloads" data-bulk-downloads hidden>'
        f'<button type="button" class="md-button" data-download="json">'
        f"{escape(text['download_json'])}</button> "
        f'<button type="button" class="md-button" data-download="csv">'
        f"{escape(text['download_csv'])}</button> "
        f'<button type="button" class="md-button" data-download="export">'
        f"{escape(text['download_export'])}</button></p>",
        "</section>",
        # async: starts the worker as soon as the script arrives (the fields are above it).
        f'<script type="module" async src="{root}{runtime.scripts}/checker/page.mjs"></script>',
        "</div>",
    ]
    return "\n".join(parts)


def head_boot(page_url: str, project_root: Path) -> str:
    """The worker's boot script for the head of a page with the checker or the checklist."""
    return boot_script(relative_root(page_url), runtime_paths(project_root))


def checker_page(lang: str, page_url: str, project_root: Path) -> str:
    """The widget for a page, with the archive name, length limits and rule ids of this build."""
    from macros.pages.rule_reference import anchor
    from validator.registry import RULES
    from validator.rules.length import LIMITS

    anchors = {rule: anchor(rule) for rule in RULES}
    # The body as sent, with the example values (or each variable's longest value) in place, is
    # held to the body's limit too.
    limits = {**LIMITS, "body_with_examples": LIMITS["body"], "body_longest": LIMITS["body"]}
    return render_widget(
        lang,
        page_url,
        runtime=runtime_paths(project_root),
        limits=limits,
        rule_anchors=anchors,
        storage_key=CHECKER_STORAGE_KEY,
        samples=_samples(lang, project_root),
    )


def _samples(lang: str, project_root: Path) -> dict[str, str]:
    """The sample files' texts: the library's first templates in the page's language."""
    from macros.pages.library import load_library

    templates = sample_templates(load_library(project_root), lang)
    return {"csv": sample_csv(templates), "yaml": sample_yaml(templates)}
