"""The rule reference page: generated from the registry, every rule in both languages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.pages.rule_reference import LABELS, anchor, heading, render_rule_reference
from validator import RULES


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_markdown_has_every_rule_with_its_anchor_and_examples(lang: str) -> None:
    text = render_rule_reference(lang)
    for rule_id in RULES:
        assert f" {{ #{anchor(rule_id)} }}\n" in text
        assert f"    {LABELS[lang]['id']}: `{rule_id}`." in text
    assert text.count("```text") == 2 * len(RULES)
    assert "{{1}}" in text


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_readers_see_rules_by_name_and_codes_only_folded_for_developers(lang: str) -> None:
    folded = f'??? note "{LABELS[lang]["developers"]}"'
    reader_lines = [
        line
        for line in render_rule_reference(lang).splitlines()
        if not line.startswith(("    ", folded))
    ]
    fenced = False
    for line in reader_lines:
        fenced ^= line.startswith("```")
        if fenced or line.startswith("```"):
            continue  # the examples are template text
        for rule_id in RULES:
            assert rule_id not in line and rule_id.replace("_", "\\_") not in line, line
        assert "validator/data" not in line, line
    assert f"### {heading(RULES['length.body'], lang)} {{ #length-body }}" in reader_lines


def test_languages_differ() -> None:
    assert render_rule_reference("ru") != render_rule_reference("en")


@pytest.mark.parametrize("page", ["rules/index.html", "en/rules/index.html"])
def test_built_page_shows_every_rule_id_and_literal_placeholders(
    built_site: Path, page: str
) -> None:
    source = (built_site / page).read_text(encoding="utf-8")
    for rule_id in RULES:
        assert f'id="{anchor(rule_id)}"' in source, rule_id
        assert f"<code>{rule_id}</code>" in source, rule_id
    text = html.unescape(re.sub(r"<[^>]+>", "", source))
    assert "{{1}}" in text
