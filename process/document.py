"""The personal checklist as a document: Markdown, or standalone printable HTML (pure).

Both read the JSON of `process.checklist.checklist_to_json` (the same data the page renders),
so the CLI's files, the page and the ``--format json`` output cannot disagree. The HTML takes
its stylesheet as an argument: the CLI passes the page's own ``checklist.css``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from itertools import groupby
from typing import Any

from process.labels import label

__all__ = ["checklist_html", "checklist_md"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(text: str) -> str:
    """User or process text made inert in Markdown (no links, no emphasis, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


# ------------------------------------------------------------------------------------ Markdown


def checklist_md(data: Mapping[str, Any]) -> str:
    """A standalone Markdown checklist (GitHub task lists) in the data's language."""
    lang = data["lang"]
    out = [f"# {_md(data['title'])}", "", f"**{_md(data['subtitle'])}**", ""]
    if data["warnings"]:
        out += [f"## {label(lang, 'doc_warnings')}", ""]
        out += [f"- ⚠ {_md(w['message'])}" for w in data["warnings"]]
        out.append("")
    out += [f"## {label(lang, 'doc_steps')}", ""]
    for phase_title, steps in groupby(data["steps"], key=lambda s: s["phase_title"]):
        out += [f"### {_md(phase_title)}", ""]
        for step in steps:
            head = (
                f"- [ ] **{_md(step['title'])}** — {_md(step['owner'])} · {_md(step['when'])}"
                f" · {_md(step['duration'])}"
            )
            if step["condition"]:
                head += f" ({_md(step['condition'])})"
            out.append(head)
            out += [f"  - [ ] {_md(item)}" for item in step["items"]]
            if step["note"]:
                out.append(f"  - {label(lang, 'doc_note')}: {_md(step['note'])}")
        out.append("")
    out += _templates_md(data["templates"], lang)
    summary = data["summary"]
    out += [f"## {_md(summary['title'])}", "", "| | |", "|---|---|"]
    out += [f"| {_md(row['label'])} | {_md(row['value'])} |" for row in summary["rows"]]
    out.append("")
    for item in data["templates"]["items"]:
        out += [f"**{item['index']}. {_md(item['name'])}** ({_md(item['category'])})", ""]
        out += ["```text", item["body"].replace("```", "ʼʼʼ"), "```", ""]
    if data.get("generated"):
        out += [f"_{_md(data['generated'])}_", ""]
    return "\n".join(out)


def _templates_md(templates: Mapping[str, Any], lang: str) -> list[str]:
    out = [f"## {label(lang, 'doc_templates')}", "", _md(templates["summary"]), ""]
    for item in templates["items"]:
        mark = "✓" if item["ok"] else "✗"
        out.append(f"- {mark} **{_md(item['name'])}**: {_md(item['status'])}")
        out += [f"  - {f['severity']} `{f['rule']}`: {_md(f['message'])}" for f in item["findings"]]
    return [*out, ""] if templates["items"] else out


# ---------------------------------------------------------------------------------------- HTML


def _step_html(step: Mapping[str, Any], lang: str) -> str:
    sid = escape(step["id"])
    items = "".join(
        f'<li><input type="checkbox" id="wa-pc-{sid}-{n}">'
        f'<label for="wa-pc-{sid}-{n}">{escape(item)}</label></li>'
        for n, item in enumerate(step["items"], start=1)
    )
    condition = (
        f' <span class="wa-pc-condition">{escape(step["condition"])}</span>'
        if step["condition"]
        else ""
    )
    note = (
        f'<p class="wa-pc-note">{label(lang, "doc_note")}: {escape(step["note"])}</p>'
        if step["note"]
        else ""
    )
    return (
        f'<li class="wa-pc-step wa-pc-step--{escape(step["owner_id"])}" data-step="{sid}"'
        f' data-start="{step["start"]}" data-end="{step["end"]}">'
        f'<div class="wa-pc-step-head"><input type="checkbox" id="wa-pc-{sid}">'
        f'<label for="wa-pc-{sid}" class="wa-pc-step-title">{escape(step["title"])}</label></div>'
        f'<p class="wa-pc-meta"><span class="wa-pc-owner">{escape(step["owner"])}</span> · '
        f'<time class="wa-pc-when" datetime="{step["start"]}">{escape(step["when"])}</time>'
        f' · <span class="wa-pc-duration">{escape(step["duration"])}</span>'
        f"{condition}</p>"
        f'<ul class="wa-pc-items">{items}</ul>{note}</li>'
    )


def _templates_html(templates: Mapping[str, Any]) -> str:
    rows = []
    for item in templates["items"]:
        state = "ok" if item["ok"] else "bad"
        findings = "".join(
            f'<li class="wa-pc-finding--{escape(f["severity"])}"><code>{escape(f["rule"])}</code> '
            f"{escape(f['message'])}</li>"
            for f in item["findings"]
        )
        rows.append(
            f'<li class="wa-pc-template wa-pc-template--{state}"><strong>'
            f"{escape(item['name'])}</strong>: {escape(item['status'])}"
            f"{f'<ul>{findings}</ul>' if findings else ''}</li>"
        )
    listing = f'<ul class="wa-pc-templates">{"".join(rows)}</ul>' if rows else ""
    return f"<p>{escape(templates['summary'])}</p>{listing}"


def _summary_html(summary: Mapping[str, Any], templates: Mapping[str, Any]) -> str:
    rows = "".join(
        f'<tr data-summary="{escape(r["key"])}"><th scope="row">{escape(r["label"])}</th>'
        f"<td>{escape(r['value'])}</td></tr>"
        for r in summary["rows"]
    )
    bodies = "".join(
        f'<figure class="wa-pc-template-body"><figcaption>{item["index"]}. '
        f"{escape(item['name'])} ({escape(item['category'])})</figcaption>"
        f"<pre>{escape(item['body'])}</pre></figure>"
        for item in templates["items"]
    )
    return f'<table class="wa-pc-summary-table"><tbody>{rows}</tbody></table>{bodies}'


def checklist_html(data: Mapping[str, Any], css: str = "") -> str:
    """A standalone, printable HTML page: checkboxes, dates, timeline, templates, summary."""
    lang = data["lang"]
    warnings = "".join(
        f'<li data-warning="{escape(w["id"])}">{escape(w["message"])}</li>'
        for w in data["warnings"]
    )
    phases = []
    for phase_title, steps in groupby(data["steps"], key=lambda s: s["phase_title"]):
        body = "".join(_step_html(step, lang) for step in steps)
        phases.append(f'<h3>{escape(phase_title)}</h3><ol class="wa-pc-steps">{body}</ol>')
    sections = [
        f'<header class="wa-pc-head"><h1>{escape(data["title"])}</h1>'
        f'<p class="wa-pc-subtitle">{escape(data["subtitle"])}</p></header>',
    ]
    if warnings:
        sections.append(
            f'<section class="wa-pc-warnings" aria-labelledby="wa-pc-h-warnings">'
            f'<h2 id="wa-pc-h-warnings">{label(lang, "doc_warnings")}</h2><ul>{warnings}</ul>'
            "</section>"
        )
    sections.append(
        f'<section class="wa-pc-section"><h2>{label(lang, "doc_steps")}</h2>{"".join(phases)}'
        "</section>"
    )
    if data.get("timeline_svg"):
        sections.append(
            f'<section class="wa-pc-section wa-pc-timeline"><h2>{label(lang, "doc_timeline")}'
            f"</h2>{data['timeline_svg']}</section>"
        )
    sections.append(
        f'<section class="wa-pc-section"><h2>{label(lang, "doc_templates")}</h2>'
        f"{_templates_html(data['templates'])}</section>"
    )
    sections.append(
        f'<section class="wa-pc-section wa-pc-summary"><h2>{escape(data["summary"]["title"])}'
        f"</h2>{_summary_html(data['summary'], data['templates'])}</section>"
    )
    if data.get("generated"):
        sections.append(f'<p class="wa-pc-generated">{escape(data["generated"])}</p>')
    title = f"{data['title']} — {data['company']}"
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}\n{data['print_css']}</style></head>"
        f'<body class="wa-pc-document"><main class="wa-pc" data-checklist-state="ready">'
        f'<div class="wa-pc-result">{"".join(sections)}</div></main></body></html>\n'
    )
