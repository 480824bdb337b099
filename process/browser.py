"""The page worker's entry for the personal checklist: JSON text in, JSON text out, never raises.

Mirrors `validator.browser`; runs in Pyodide from ``process.json`` alone (no YAML, no schema).
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from process.answers import AnswersError, parse_answers
from process.checklist import build_checklist, checklist_to_json
from process.labels import lang_of
from process.model import Process, process_from_json
from validator.loader import LoadError, load_json

__all__ = ["checklist_json"]


@lru_cache(maxsize=2)
def _process_from_text(text: str) -> Process:
    """The process from ``process.json`` text, parsed once per distinct text."""
    return process_from_json(json.loads(text))


def checklist_json(request: str, process_json: str | None = None) -> str:
    """The worker's entry: ``{"lang", "answers", "today"}`` and ``process.json`` text in,
    the checklist JSON (`checklist_to_json` with the timeline) out.

    Never raises: answers that do not pass give ``{"invalid": {"field", "message"}}``
    (the page shows it beside the field); a broken request gives ``{"error": {"message"}}``.
    The process may also come inside the request as ``"process"`` (an object).
    """
    try:
        data = load_json(request, "request")  # bounded: a deep request never reaches a parser
        lang = lang_of(data.get("lang"))
        today = date.fromisoformat(str(data.get("today") or date.today().isoformat()))
        if "process" in data:
            process = process_from_json(data["process"])
        else:
            process = _process_from_text(str(process_json))
    except LoadError as error:
        return json.dumps({"error": {"message": f"bad request: {error.reason('en')}"}})
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        return json.dumps({"error": {"message": f"bad request: {type(error).__name__}"}})
    try:
        answers = parse_answers(data.get("answers"), today=today)
    except AnswersError as error:
        invalid = {"field": error.field, "message": error.message(lang)}
        return json.dumps({"invalid": invalid}, ensure_ascii=False)
    result = checklist_to_json(build_checklist(process, answers), lang, timeline=True, made=today)
    return json.dumps(result, ensure_ascii=False)
