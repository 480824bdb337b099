"""The process package's ru/en texts: one TOML file (labels.toml), one loader, one language rule."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["LABELS_FILE", "label", "labels", "lang_of"]

LABELS_FILE = Path(__file__).with_name("labels.toml")


def lang_of(value: Any) -> str:
    """The language a value names: "en" for "en", "ru" for everything else."""
    return "en" if value == "en" else "ru"


@cache
def _all_labels() -> dict[str, dict[str, str]]:
    with LABELS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def labels(lang: str) -> dict[str, str]:
    """Every text in one language ("ru" or "en")."""
    lang = lang_of(lang)
    return {key: texts[lang] for key, texts in _all_labels().items()}


def label(lang: str, key: str, **args: Any) -> str:
    """One text in `lang`, placeholders filled from `args`."""
    return _all_labels()[key][lang_of(lang)].format(**args)
