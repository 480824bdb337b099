"""The template library page: library.yml's templates grouped by case, each with its purpose,
a preview bubble with the example values, a link that opens it in the checker and its Graph API
requests (validator.export). Pure (no MkDocs import).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import yaml

from process.labels import lang_of, texts_in
from validator import check_many
from validator.export import export
from validator.sources import FIELDS
from validator.texts import category_name

LABELS_FILE = Path(__file__).with_name("library.toml")
LIBRARY_FILE = "library.yml"
# The checker page from the library page (both are one folder deep in each language's tree).
CHECKER_HREF = "../checker/"
_VARIABLE = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")


def load_library(project_root: Path) -> dict[str, Any]:
    """library.yml as data: `cases` (id → {ru, en} title) and `templates`."""
    return yaml.safe_load((project_root / LIBRARY_FILE).read_text(encoding="utf-8"))


def checker_link(template: Mapping[str, Any]) -> str:
    """The checker's address with the template's form fields in it (page.mjs reads it)."""
    fields = {key: template[key] for key in FIELDS if key in template and key != "language"}
    # Only "%" needs encoding for page.mjs's decodeURIComponent; the browser encodes the rest.
    return CHECKER_HREF + "#template=" + json.dumps(fields, ensure_ascii=False).replace("%", "%25")


def _filled(text: str, values: Mapping[str, str]) -> str:
    """The text with each variable replaced by its example value (escaped HTML, line breaks
    kept as they are: the bubble shows them)."""
    out, at = [], 0
    for match in _VARIABLE.finditer(text):
        out.append(escape(text[at : match.start()]))
        value = values.get(match.group(1))
        out.append(f"<mark>{escape(value)}</mark>" if value else escape(match.group()))
        at = match.end()
    out.append(escape(text[at:]))
    return "".join(out)


def _values(template: Mapping[str, Any]) -> dict[str, str]:
    examples = template.get("examples") or {}
    if isinstance(examples, list):
        return {str(i): str(v) for i, v in enumerate(examples, start=1)}
    return {str(k): str(v) for k, v in examples.items()}


def preview(template: Mapping[str, Any]) -> str:
    """The message as the customer sees it, example values in place, as a chat bubble."""
    parts = []
    if template.get("header"):
        header_values = dict.fromkeys(_VARIABLE.findall(template["header"]), "")
        header_values = {k: str(template.get("header_example") or "") for k in header_values}
        header = _filled(template["header"], header_values)
        parts.append(f'<div class="kit-checker-bubble-header">{header}</div>')
    parts.append(f"<div>{_filled(template['body'], _values(template))}</div>")
    if template.get("footer"):
        parts.append(f'<div class="kit-checker-bubble-footer">{escape(template["footer"])}</div>')
    # No whitespace between the parts: the bubble keeps line breaks as written (pre-wrap).
    return (
        '<div class="kit-checker-phone"><div class="kit-checker-bubble kit-library-bubble">'
        + "".join(parts)
        + "</div></div>"
    )


def _request(title: str, document: Any) -> str:
    code = escape(json.dumps(document, ensure_ascii=False, indent=2))
    return (
        f"<details><summary>{escape(title)}</summary>"
        f'<pre class="kit-checker-json"><code>{code}</code></pre></details>'
    )


def _item(template: Mapping[str, Any], entry: Mapping[str, Any], text: Mapping[str, str]) -> str:
    name = template["name"]
    language = text[f"language_{lang_of(template.get('language'))}"]
    return (
        f'<article class="kit-library-item" data-template="{escape(name)}" id="{escape(name)}">'
        f'<p class="kit-library-title"><code>{escape(name)}</code> · {escape(language)} · '
        f"{escape(category_name(template['category'], text['lang']))}</p>"
        f"<p>{escape(template['purpose'][text['lang']])}</p>"
        f'<p class="kit-library-preview-label">{escape(text["preview"])}</p>'
        f"{preview(template)}"
        f'<p><a class="md-button" data-open-checker href="{escape(checker_link(template))}">'
        f"{escape(text['open'])}</a></p>"
        f"{_request(text['create'], entry['create'])}{_request(text['send'], entry['send'])}"
        "</article>"
    )


def render_library(library: Mapping[str, Any], lang: str) -> str:
    """The library in one language: a Markdown heading per case, its templates as HTML."""
    lang = lang_of(lang)
    text = {**texts_in(LABELS_FILE, lang), "lang": lang}
    templates = library["templates"]
    entries = [export(report, lang) for report in check_many(templates)]
    blocks = [text["intro_count"].format(count=len(templates))]
    for case, title in library["cases"].items():
        items = [
            _item(t, e, text) for t, e in zip(templates, entries, strict=True) if t["case"] == case
        ]
        blocks.append(f"## {title[lang]} {{#{case.replace('_', '-')}}}")
        blocks.append(f'<div class="kit-library" data-case="{escape(case)}">{"".join(items)}</div>')
    return "\n\n".join(blocks) + "\n"


def library_page(lang: str, page_url: str, project_root: Path) -> str:
    """The library page's content: the checker's stylesheet (bubbles, JSON blocks) and the list."""
    from macros.bundle.manifest import runtime_paths
    from macros.pages.widget import relative_root

    root = relative_root(page_url)
    stylesheet = f"{root}{runtime_paths(project_root).scripts}/checker/checker.css"
    link = f'<link rel="stylesheet" href="{escape(stylesheet)}">'
    return link + "\n\n" + render_library(load_library(project_root), lang)
