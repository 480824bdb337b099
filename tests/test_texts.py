"""Every ru/en text file of every package (process/, macros/, validator/ outside the rule cards,
which the registry checks as it loads them): the same keys and placeholders in both languages."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("process", "macros", "validator")
TEXT_FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for package in PACKAGES
    for path in (ROOT / package).rglob("*.toml")
    if "rules" not in path.relative_to(ROOT / package).parts
)


def placeholders(text: str) -> set[str]:
    """The {names} that Python fills in a text ({{ and }} are literal braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_text_files_are_found() -> None:
    assert {"process/labels.toml", "macros/pages/checker.toml"} <= set(TEXT_FILES)


@pytest.mark.parametrize("path", TEXT_FILES)
def test_every_text_has_both_languages_with_the_same_placeholders(path: str) -> None:
    texts = tomllib.loads((ROOT / path).read_text(encoding="utf-8"))
    assert texts, "no text at all"
    for key, pair in texts.items():
        assert isinstance(pair, dict), f"{key}: not a {{ru, en}} table"
        assert set(pair) == {"ru", "en"}, key
        assert all(isinstance(text, str) and text.strip() for text in pair.values()), key
        assert placeholders(pair["ru"]) == placeholders(pair["en"]), key


def test_a_missing_placeholder_is_seen() -> None:
    assert placeholders("{count} шаблонов") != placeholders("templates")
    assert placeholders("{{1}} и {name}") == {"name"}


def test_every_error_the_validator_raises_has_its_text() -> None:
    """A key raised in the code (SourceError("shape", ...)) must be in validator/texts.toml."""
    keys = tomllib.loads((ROOT / "validator/texts.toml").read_text(encoding="utf-8"))
    raised = {
        f"{'load' if kind == 'Load' else 'source'}_{key}"
        for path in (ROOT / "validator").glob("*.py")
        for kind, key in re.findall(r"\b(Source|Load)Error\(\s*\"(\w+)\"", path.read_text("utf-8"))
    }
    assert len(raised) >= 10
    assert raised <= set(keys), raised - set(keys)
