"""The bulk checker's sample files: a few templates of the library in the page's language,
written as CSV and as YAML with the columns the checker reads (validator.sources.FIELDS).
Pure (no MkDocs import); nothing is typed here, so the samples cannot drift from either.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from validator.sources import FIELDS, LIST_CELLS

SAMPLE_SIZE = 3


def sample_templates(library: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """The first templates of the library in one language, with only the checker's fields."""
    chosen = [t for t in library["templates"] if t.get("language") == lang][:SAMPLE_SIZE]
    return [{key: t[key] for key in FIELDS if key in t} for t in chosen]


def _columns(templates: Iterable[Mapping[str, Any]]) -> list[str]:
    present = {key for t in templates for key in t}
    return [key for key in FIELDS if key in present]


def sample_csv(templates: list[dict[str, Any]]) -> str:
    """The templates as CSV: one row each; examples and buttons as JSON in their cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = _columns(templates)
    writer.writerow(columns)
    for t in templates:
        writer.writerow(
            [
                json.dumps(t[k], ensure_ascii=False) if k in LIST_CELLS and k in t else t.get(k, "")
                for k in columns
            ]
        )
    return out.getvalue()


def sample_yaml(templates: list[dict[str, Any]]) -> str:
    """The templates as YAML, under the `templates:` key the checker also accepts."""
    return yaml.safe_dump({"templates": templates}, allow_unicode=True, sort_keys=False, width=1000)
