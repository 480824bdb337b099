"""The browser entry points: JSON string in, JSON string out (the Pyodide worker calls these).

Never raises: a bad request gives `{"error": {"message": ...}}`; user text gives findings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from validator import check_many
from validator.errors import SourceError
from validator.export import export
from validator.loader import LoadError, load_json
from validator.report import Report
from validator.sources import parse


def _lang(value: Any) -> str:
    return value if value in ("ru", "en") else "ru"


def _error(message: str) -> str:
    return json.dumps({"error": {"message": message}})


def _report(report: Report, lang: str) -> dict[str, Any]:
    return report.to_dict(lang)


def _response(
    templates: list[Any], lang: str, mode: str, entry: Callable[[Report, str], dict[str, Any]]
) -> str:
    reports = check_many(
        [
            t if isinstance(t, Mapping) else {"body": t if isinstance(t, str) else ""}
            for t in templates
        ],
        mode,
    )
    return json.dumps({"templates": [entry(r, lang) for r in reports]})


def check_json(request: str) -> str:
    """Check `{"lang": "ru"|"en", "templates": [{...}, ...]}`; answer `{"templates": [...]}`."""
    return _answer(request, _report)


def export_json(request: str) -> str:
    """Export the request's templates as `python -m validator --export` does (same shape)."""
    return _answer(request, export)


def _answer(request: str, entry: Callable[[Report, str], dict[str, Any]]) -> str:
    try:
        data = load_json(str(request), "request")  # bounded: a deep request never reaches a parser
    except LoadError as error:
        return _error(SourceError("request", reason=error.reason("en")).message("en"))
    lang = _lang(data.get("lang")) if isinstance(data, dict) else "ru"
    if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
        return _error(SourceError("request", reason="templates: [...]").message(lang))
    try:
        return _response(data["templates"], lang, str(data.get("mode", "provider")), entry)
    except RecursionError:
        return _error(SourceError("request", reason="too deep").message(lang))


def check_file_json(filename: str, content: str, lang: str, mode: str = "provider") -> str:
    """Check a file's content read as the CLI reads it (``--mode``: provider or meta rules)."""
    return _file_answer(filename, content, lang, mode, _report)


def export_file_json(filename: str, content: str, lang: str, mode: str = "provider") -> str:
    """Export a file's templates as `python -m validator --export FILE` does."""
    return _file_answer(filename, content, lang, mode, export)


def _file_answer(
    filename: str,
    content: str,
    lang: str,
    mode: str,
    entry: Callable[[Report, str], dict[str, Any]],
) -> str:
    lang = _lang(lang)
    try:
        templates = parse(str(filename), str(content))
    except SourceError as error:
        return _error(error.message(lang))
    except RecursionError:
        return _error(SourceError("syntax", path=filename, reason="too deep").message(lang))
    return _response(templates, lang, str(mode), entry)
