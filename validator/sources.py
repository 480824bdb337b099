"""Read templates from files: .txt (one body), .yaml/.yml/.json (a list, or `templates:`), .csv.

Shared by the CLI and the browser (validator.browser.check_file_json), so both read a file the
same way, within the bounds of `validator.loader` (size, depth, aliases, numbers and dates).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from validator.errors import SourceError
from validator.loader import MAX_BYTES, LoadError, check_size, load_json, load_yaml, read_text

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
    "max_lengths",
)
LIST_CELLS = ("examples", "buttons", "max_lengths")
EXTENSIONS = (".txt", ".yaml", ".yml", ".json", ".csv")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


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


def _cell_list(value: str, filename: str) -> Any:
    """A CSV cell for examples, buttons or max_lengths: JSON ([..] or {..}) or values
    separated by `|`."""
    value = value.strip()
    if not value:
        return None
    if value[0] in "[{":
        try:
            return load_json(value, filename)
        except LoadError:
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
                item[key] = _cell_list(value, filename) if key in LIST_CELLS else value
        if "body" not in item:
            raise SourceError("csv_body", path=filename)
        templates.append(item)
    return templates


def parse(filename: str, content: str) -> list[dict[str, Any]]:
    """Templates in a file's content, read by the file name's extension; raises SourceError."""
    suffix = Path(filename).suffix.lower() if filename != "-" else ".txt"
    check_size(content, filename)
    if suffix == ".txt":
        return [{"body": content.removesuffix("\n")}]
    if suffix == ".json":
        return _templates(load_json(content, filename), filename)
    if suffix in (".yaml", ".yml"):
        return _templates(load_yaml(content, filename), filename)
    if suffix == ".csv":
        return _csv(content, filename)
    raise SourceError("extension", path=filename)


def read(path: str, stdin: io.TextIOBase | None = None) -> list[dict[str, Any]]:
    """Templates from a path (`-` is standard input holding one body); raises SourceError."""
    if path == "-":
        text = (stdin.read(MAX_BYTES + 1) if stdin is not None else "") or ""
        return parse("-", text)
    if Path(path).suffix.lower() not in EXTENSIONS:
        raise SourceError("extension", path=path)
    if not Path(path).exists():
        raise SourceError("not_found", path=path)
    return parse(path, read_text(path))
