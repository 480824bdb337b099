"""Load process.yml keeping line marks, validate it, and build the `Process` model.

Order of checks: bounded YAML (`validator.loader`: size, UTF-8, depth, aliases, numbers, dates)
→ JSON Schema (`definition.schema.json`) → references (owner, phase,
after, when, settings, pages) → cycles. Every failure raises `ProcessFileError` naming the file,
the line and the field. Build-time only: the browser reads ``process.json`` through
`process.model.process_from_json` and never imports this module.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from process.errors import ProcessFileError
from process.model import Process, process_from_json, process_to_json
from process.workdays import DEFAULT_COUNTRY, country_module
from validator.loader import LoadError, compose_yaml, field_at_line, field_name, read_text

__all__ = [
    "SCHEMA_PATH",
    "load_process",
    "load_process_once",
    "parse_process",
    "process_to_json",
    "provider_settings",
]

SCHEMA_PATH = Path(__file__).with_name("definition.schema.json")
# The longest duration a step may have, in days (ten years; a date beyond year 9999 cannot be).
MAX_DAYS = 3650

Path_ = tuple[str | int, ...]


def _refused(error: LoadError, text: str) -> ProcessFileError:
    """A loader refusal as a process error, with the field being written at its line."""
    field = error.field or (field_at_line(text, error.line) if error.line else "")
    reason = error.reason("en")
    if error.key == "syntax":
        reason = f"bad YAML: {reason.removeprefix('cannot parse: ')}"
    return ProcessFileError(error.file, error.line, field, reason)


class _Lines:
    """The YAML document as plain data plus the line of every value and key."""

    def __init__(self, text: str, file: str) -> None:
        try:
            node, self._loader = compose_yaml(text, file)
        except LoadError as error:
            raise _refused(error, text) from error
        self.file = file
        self.lines: dict[Path_, int] = {}
        try:
            self.data = self._build(node, ()) if node is not None else None
        except LoadError as error:
            raise _refused(error, text) from error
        finally:
            self._loader.dispose()

    def _build(self, node: Node, path: Path_) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._loader.construct_object(key_node)
                if isinstance(key, list | dict):
                    raise ProcessFileError(
                        self.file,
                        key_node.start_mark.line + 1,
                        field_name(path),
                        "a key must be a plain word, not a list or a mapping",
                    )
                if key in out:
                    raise ProcessFileError(
                        self.file,
                        key_node.start_mark.line + 1,
                        field_name((*path, key)),
                        f"duplicate key '{key}'",
                    )
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = self._build(value_node, (*path, key))
            return out
        if isinstance(node, SequenceNode):
            return [self._build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._loader.construct_object(node)

    def line(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# What to write instead, for a value of a schema part marked "x-kind".
_KIND_HELP = {
    "days": f"cannot be a duration: write a whole number of days from 0 to {MAX_DAYS} (ten "
    "years), or {setting: <a key of extra.provider in mkdocs.yml>}",
    "estimate": "cannot be an estimate mark: write true when the provider does not state this "
    "duration (it is then shown as an estimate), or leave the field out",
}


def _schema_error(doc: _Lines) -> None:
    """Raise the first JSON Schema violation (by line), phrased for a person."""
    if doc.data is None:
        raise ProcessFileError(doc.file, 1, "(top)", "the file is empty")
    validator = jsonschema.Draft202012Validator(_schema())
    errors = list(validator.iter_errors(doc.data))
    if not errors:
        return
    error = min(errors, key=lambda e: (doc.line(tuple(e.absolute_path)) or 0, len(e.path)))
    kind_help = _KIND_HELP.get(error.schema.get("x-kind", ""))
    if kind_help is not None:
        where: Path_ = tuple(error.absolute_path)
        reason = f"{_shown(error.instance)} {kind_help}"
        raise ProcessFileError(doc.file, doc.line(where), field_name(where), reason)
    if error.validator == "oneOf" and error.context:
        error = jsonschema.exceptions.best_match(error.context)
    path: Path_ = tuple(error.absolute_path)
    instance = error.instance
    if error.validator == "required":
        missing = next(p for p in error.validator_value if p not in instance)
        kind = "translation" if error.schema.get("x-kind") == "translation" else "field"
        raise ProcessFileError(
            doc.file, doc.line(path), field_name((*path, missing)), f"missing {kind} '{missing}'"
        )
    if error.validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed = set(error.schema.get("properties", {}))
        extra = next(k for k in instance if k not in allowed)
        known = ", ".join(sorted(allowed))
        raise ProcessFileError(
            doc.file,
            doc.line((*path, extra)),
            field_name((*path, extra)),
            f"unknown field '{extra}' (known: {known})",
        )
    if error.validator == "minLength" and path and path[-1] in ("ru", "en"):
        raise ProcessFileError(doc.file, doc.line(path), field_name(path), "empty translation")
    raise ProcessFileError(doc.file, doc.line(path), field_name(path), error.message)


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _check_references(doc: _Lines, settings: Mapping[str, Any], docs_dir: Path | None) -> None:
    """Check owner, phase, after, when, settings, pages and unique ids; then cycles."""
    data = doc.data

    def fail(path: Path_, message: str) -> None:
        raise ProcessFileError(doc.file, doc.line(path), field_name(path), message)

    def unique(section: str) -> list[str]:
        seen: list[str] = []
        for i, item in enumerate(data[section]):
            if item["id"] in seen:
                fail((section, i, "id"), f"duplicate id '{item['id']}'")
            seen.append(item["id"])
        return seen

    def known(items: list[str]) -> str:
        return ", ".join(items)

    owners = list(data["owners"])

    def check_owner(path: Path_, owner: str) -> None:
        if owner not in owners:
            fail(path, f"unknown owner '{owner}' (known: {known(owners)})")

    reader = data["reader"]
    check_owner(("reader",), reader)
    phases = unique("phases")
    step_ids = unique("steps")
    unique("questions")
    questions = {q["id"]: q for q in data["questions"]}
    for i, question in enumerate(data["questions"]):
        if (question["type"] == "choice") != ("choices" in question):
            fail(("questions", i, "choices"), "'choices' is given exactly for type 'choice'")

    for i, step in enumerate(data["steps"]):
        here: Path_ = ("steps", i)
        check_owner((*here, "owner"), step["owner"])
        for j, item in enumerate(step["do"]):
            check_owner((*here, "do", j, "owner"), item.get("owner", reader))
        _check_first_task(step, here, reader, fail)
        if step["phase"] not in phases:
            fail((*here, "phase"), f"unknown phase '{step['phase']}' (known: {known(phases)})")
        for j, dep in enumerate(step["after"]):
            if dep == step["id"]:
                fail((*here, "after", j), f"step '{dep}' cannot come after itself")
            if dep not in step_ids:
                fail((*here, "after", j), f"unknown step '{dep}' in after")
        for qid, value in (step.get("when") or {}).items():
            if qid not in questions:
                fail(
                    (*here, "when", qid), f"unknown question '{qid}' (known: {known([*questions])})"
                )
            qtype = questions[qid]["type"]
            if qtype == "bool" and not isinstance(value, bool):
                fail((*here, "when", qid), f"question '{qid}' is yes/no: use true or false")
            if qtype == "choice" and value not in questions[qid]["choices"]:
                fail((*here, "when", qid), f"'{value}' is not a choice of question '{qid}'")
            if qtype in ("date", "text"):
                fail((*here, "when", qid), f"question '{qid}' ({qtype}) cannot be a condition")
        _check_settings(step["duration"], here, settings, fail)
        if _days(step["duration"]["min"], settings) > _days(step["duration"]["max"], settings):
            fail((*here, "duration"), "min is greater than max")
    _check_pages(doc, docs_dir, fail)
    start = data.get("start_step")
    if start is not None and start not in step_ids:
        fail(("start_step",), f"unknown step '{start}'")
    _check_cycles(data["steps"], fail)


def _check_first_task(step: Mapping[str, Any], here: Path_, reader: str, fail: Any) -> None:
    """The step's owner is whoever does its first task (a task names its owner, else the
    reader's)."""
    first = step["do"][0].get("owner", reader)
    if first != step["owner"]:
        fail(
            (*here, "owner"),
            f"the step's owner is '{step['owner']}' but its first task is done by '{first}' (a "
            f"task without owner is the reader's, '{reader}'): the owner is whoever acts first; "
            f"where '{first}' acts first and '{step['owner']}' then acts, split the step in two "
            "(a new id for the first part, `after:` it for the second)",
        )


def _check_settings(
    duration: Mapping[str, Any], here: Path_, settings: Mapping[str, Any], fail: Any
) -> None:
    """A duration's `{setting: key}` names a provider setting holding 0 to MAX_DAYS days."""
    for bound in ("min", "max"):
        days = duration[bound]
        if not isinstance(days, dict):
            continue
        key = days["setting"]
        value = settings.get(key)
        if value is None:
            known = ", ".join(sorted(settings))
            fail(
                (*here, "duration", bound, "setting"),
                f"unknown provider setting '{key}' (known: {known})",
            )
        whole = isinstance(value, int) and not isinstance(value, bool)
        if not whole or not 0 <= value <= MAX_DAYS:
            fail(
                (*here, "duration", bound, "setting"),
                f"provider setting '{key}' (mkdocs.yml extra.provider) must be a whole "
                f"number of days from 0 to {MAX_DAYS}, got {_shown(value)}",
            )


def _check_pages(doc: _Lines, docs_dir: Path | None, fail: Any) -> None:
    """Every linked page exists in both languages (page.md and page.en.md)."""
    if docs_dir is None:
        return
    places: list[tuple[Path_, str]] = []
    for i, phase in enumerate(doc.data["phases"]):
        places.append((("phases", i, "page"), phase["page"]))
    for i, step in enumerate(doc.data["steps"]):
        places.append((("steps", i, "page"), step["page"]))
        places += [
            (("steps", i, "do", j, "page"), item["page"])
            for j, item in enumerate(step["do"])
            if "page" in item
        ]
    texts: dict[str, str] = {}
    for path, page in places:
        name, _, anchor = page.partition("#")
        for variant in (name, name.removesuffix(".md") + ".en.md"):
            if not (docs_dir / variant).is_file():
                fail(path, f"page '{variant}' does not exist in {docs_dir.name}/")
            if anchor:
                if variant not in texts:
                    texts[variant] = (docs_dir / variant).read_text(encoding="utf-8")
                if not _has_anchor(texts[variant], anchor):
                    fail(
                        path,
                        f"page '{variant}' has no section {{#{anchor}}}: add it after a heading "
                        f"of {docs_dir.name}/{variant}, or correct the part after #",
                    )


def _has_anchor(markdown: str, anchor: str) -> bool:
    """True when the page sets the id `anchor` (``{#anchor}``, ``{: #anchor }`` or id="anchor")."""
    name = re.escape(anchor)
    return bool(re.search(rf"\{{[^}}\n]*#{name}[\s}}]|\bid=[\"']{name}[\"']", markdown))


def _check_cycles(steps: list[dict[str, Any]], fail: Any) -> None:
    """Fail on the first circular `after` chain, naming it."""
    index = {s["id"]: i for i, s in enumerate(steps)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(step_id: str, trail: list[str]) -> None:
        state[step_id] = 1
        for dep in steps[index[step_id]]["after"]:
            if state.get(dep) == 1:
                cycle = (
                    [*trail[trail.index(dep) :], step_id, dep] if dep in trail else [step_id, dep]
                )
                fail(
                    ("steps", index[step_id], "after"),
                    "circular dependency: " + " → ".join(cycle),
                )
            if dep not in state:
                visit(dep, [*trail, step_id])
        state[step_id] = 2

    for step in steps:
        if step["id"] not in state:
            visit(step["id"], [])


_NOT_A_MAPPING = "the provider settings must be keys with values (name: …), not a list (- …)"


def provider_settings(extra: Any, file: str = "mkdocs.yml", text: str = "") -> Mapping[str, Any]:
    """``extra.provider`` of mkdocs.yml (`extra`: its ``extra`` block), checked to be a mapping;
    `text` (the file's text) lets the error name the line."""
    provider = (extra or {}).get("provider") if isinstance(extra, Mapping) else None
    if provider is None:
        return {}
    if not isinstance(provider, Mapping):
        match = re.search(r"^\s+provider\s*:", text, flags=re.MULTILINE)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        raise ProcessFileError(file, line, "extra.provider", _NOT_A_MAPPING)
    return provider


def _country(settings: Mapping[str, Any]) -> str:
    """extra.provider.country: whose public holidays and working days the dates follow."""
    country = settings.get("country", DEFAULT_COUNTRY)
    if not isinstance(country, str) or country_module(country) is None:
        raise ProcessFileError(
            "mkdocs.yml",
            None,
            "extra.provider.country",
            f"unknown country {_shown(country)}: write the two-letter ISO 3166 code of the "
            f"country whose working days the dates follow (RU, KZ, DE…), or leave it out "
            f"({DEFAULT_COUNTRY})",
        )
    return country.upper()


def _days(value: Any, settings: Mapping[str, Any]) -> int:
    return int(settings[value["setting"]]) if isinstance(value, dict) else int(value)


def _resolved(data: dict[str, Any], settings: Mapping[str, Any]) -> dict[str, Any]:
    """The validated data in the `process_to_json` shape, provider settings replaced by numbers."""
    steps = []
    for step in data["steps"]:
        duration = step["duration"]
        steps.append(
            {
                **step,
                "do": [{**item, "owner": item.get("owner", data["reader"])} for item in step["do"]],
                "when": step.get("when") or {},
                "note": step.get("note"),
                "warning": step.get("warning"),
                "duration": {
                    "min": _days(duration["min"], settings),
                    "max": _days(duration["max"], settings),
                    "unit": duration["unit"],
                    "estimate": duration.get("estimate", False),
                    "words": duration.get("words"),
                },
            }
        )
    return {**data, "steps": steps, "country": _country(settings)}


def parse_process(
    text: str,
    settings: Mapping[str, Any] | None = None,
    *,
    file: str = "process.yml",
    docs_dir: Path | None = None,
) -> Process:
    """Validate the YAML `text` of a process definition and build its model."""
    settings = settings or {}
    if not isinstance(settings, Mapping):
        raise ProcessFileError("mkdocs.yml", None, "extra.provider", _NOT_A_MAPPING)
    doc = _Lines(text, file)
    _schema_error(doc)
    _check_references(doc, settings, docs_dir)
    return process_from_json(_resolved(doc.data, settings))


def load_process(
    path: Path | str, settings: Mapping[str, Any] | None = None, *, docs_dir: Path | None = None
) -> Process:
    """Read, validate and build the process at `path` (settings: mkdocs.yml's extra.provider)."""
    path = Path(path)
    try:
        text = read_text(path, path.name)
    except LoadError as error:
        field = ""
        if error.key == "not_utf8" and error.line:
            field = field_at_line(path.read_bytes().decode("utf-8", "replace"), error.line)
        raise ProcessFileError(path.name, error.line, field, error.reason("en")) from error
    return parse_process(text, settings, file=path.name, docs_dir=docs_dir)


@functools.lru_cache(maxsize=4)
def _load_cached(path: str, stamp: tuple[int, int], settings: str, docs_dir: str | None) -> Process:
    return load_process(path, json.loads(settings), docs_dir=Path(docs_dir) if docs_dir else None)


def load_process_once(
    path: Path | str, settings: Mapping[str, Any] | None = None, *, docs_dir: Path | None = None
) -> Process:
    """`load_process`, reused while the file and the settings are unchanged (once per build).

    Both the macros and the hooks ask for the process; MkDocs builds each language in turn,
    and ``mkdocs serve`` rebuilds on change: the file's size and mtime key the reuse.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return load_process(path, settings, docs_dir=docs_dir)  # raises the readable error
    key = json.dumps(settings or {}, sort_keys=True, default=str)
    return _load_cached(
        str(path), (stat.st_mtime_ns, stat.st_size), key, str(docs_dir) if docs_dir else None
    )


def round_trip(process: Process) -> Process:
    """The process as the browser will see it: through its JSON form and back."""
    return process_from_json(json.loads(json.dumps(process_to_json(process))))
