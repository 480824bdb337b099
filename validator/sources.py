"""Read templates from files: .txt (one body), .yaml/.yml/.json (a list, or `templates:`), .csv.

Shared by the CLI and the browser (validator.browser.check_file_json), so both read a file the
same way. PyYAML is imported only when a YAML file is read: Pyodide may not have it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from validator.errors import SourceError

FIELDS = (
    "name",
    "language",
    "category",
    "header",
    "body",
    "footer",
    "examples",
    "buttons",
    "media",
    "header_example",
)
EXTENSIONS = (".txt", ".yaml", ".yml", ".json", ".csv")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def _yaml(content: str, filename: str) -> Any:
    try:
        import yaml
    except ImportError as error:
        raise SourceError("no_yaml", path=filename) from error
    try:
        return yaml.safe_load(content)
    except yaml.YAMLError as error:
        raise SourceError("syntax", path=filename, reason=_one_line(error)) from error


def _templates(data: Any, filename: str) -> list[dict[str, Any]]:
    if isinstance(data, Mapping) and "templates" in data:
        data = data["templates"]
    elif isinstance(data, Mapping) and "body" in data:
        data = [data]
    if not isinstance(data, list):
        raise SourceError("shape", path=filename)
    for index, item in enumerate(data, start=1):
        if not isinstance(item, Mapping) or "body" not in item:
            raise SourceError("item", path=filename, index=index)
    return [dict(item) for item in data]


def _cell_list(value: str) -> Any:
    """A CSV cell for examples or buttons: JSON ([..] or {..}) or values separated by `|`."""
    value = value.strip()
    if not value:
        return None
    if value[0] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            pass
    return [part.strip() for part in value.split("|")]


def _csv(content: str, filename: str) -> list[dict[str, Any]]:
    try:
        rows = list(csv.DictReader(io.StringIO(content)))
    except csv.Error as error:
        raise SourceError("syntax", path=filename, reason=_one_line(error)) from error
    if not rows and "body" not in content.split("\n", 1)[0]:
        raise SourceError("csv_body", path=filename)
    templates = []
    for row in rows:
        item: dict[str, Any] = {}
        for column, value in row.items():
            key = (column or "").strip().lower()
            if key in FIELDS and value is not None and (value != "" or key == "body"):
                item[key] = _cell_list(value) if key in ("examples", "buttons") else value
        if "body" not in item:
            raise SourceError("csv_body", path=filename)
        templates.append(item)
    return templates


def parse(filename: str, content: str) -> list[dict[str, Any]]:
    """Templates in a file's content, read by the file name's extension; raises SourceError."""
    suffix = Path(filename).suffix.lower() if filename != "-" else ".txt"
    if suffix == ".txt":
        return [{"body": content.removesuffix("\n")}]
    if suffix == ".json":
        try:
            data = json.loads(content)
        except ValueError as error:
            raise SourceError("syntax", path=filename, reason=_one_line(error)) from error
        return _templates(data, filename)
    if suffix in (".yaml", ".yml"):
        return _templates(_yaml(content, filename), filename)
    if suffix == ".csv":
        return _csv(content, filename)
    raise SourceError("extension", path=filename)


def read(path: str, stdin: io.TextIOBase | None = None) -> list[dict[str, Any]]:
    """Templates from a path (`-` is standard input holding one body); raises SourceError."""
    if path == "-":
        text = (stdin.read() if stdin is not None else "") or ""
        return parse("-", text)
    file = Path(path)
    if Path(path).suffix.lower() not in EXTENSIONS:
        raise SourceError("extension", path=path)
    try:
        content = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise SourceError("not_found", path=path) from error
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError("unreadable", path=path, reason=_one_line(error)) from error
    return parse(path, content)
