"""The process package's ru/en texts: one TOML file (labels.toml), one loader, one language rule."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from validator.texts import fill

__all__ = ["LABELS_FILE", "label", "labels", "lang_of", "read_texts", "texts_in"]

LABELS_FILE = Path(__file__).with_name("labels.toml")


def lang_of(value: Any) -> str:
    """The language a value names: "en" for "en", "ru" for everything else."""
    return "en" if value == "en" else "ru"


@cache
def read_texts(path: Path) -> dict[str, dict[str, str]]:
    """A TOML file of texts, each key a ``{ru, en}`` table (read once per file)."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def texts_in(path: Path, lang: str) -> dict[str, str]:
    """Every text of a TOML text file in one language ("ru" or "en")."""
    lang = lang_of(lang)
    return {key: texts[lang] for key, texts in read_texts(path).items()}


def labels(lang: str) -> dict[str, str]:
    """Every text of the process package in one language ("ru" or "en")."""
    return texts_in(LABELS_FILE, lang)


def label(lang: str, key: str, **args: Any) -> str:
    """One text in `lang`, placeholders filled from `args` ({n:шаблон|шаблона|шаблонов} agrees)."""
    return fill(read_texts(LABELS_FILE)[key][lang_of(lang)], args, lang_of(lang))
