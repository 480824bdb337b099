"""Meta-tests on the rule cards: ids, texts in both languages, placeholders, functions, lists."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest
from card_examples import reports

from validator import RULES
from validator.lexicon import DATA, lexicons
from validator.model import Kind
from validator.registry import FAMILIES, KIND, RULES_DIR
from validator.texts import blank_arguments, fill, placeholders_of

# The public ids named in the issue: never renamed.
PUBLIC_IDS = {
    "variables.syntax",
    "variables.not_sequential",
    "variables.at_start",
    "variables.at_end",
    "variables.adjacent",
    "variables.too_many",
    "variables.no_example",
    "length.body",
    "length.header",
    "length.footer",
    "format.text_only",
    "name.format",
}


def test_public_ids_exist() -> None:
    assert set(RULES) >= PUBLIC_IDS


def test_every_family_has_promo_and_policy_rules() -> None:
    families = {rule.family for rule in RULES.values()}
    assert families == set(FAMILIES)


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_card_shape(rule) -> None:
    family, name = rule.id.split(".")
    assert rule.kind is KIND[family]
    assert isinstance(rule.kind, Kind)
    for key in ("message", "why"):
        assert set(rule.texts[key]) == {"ru", "en"}
        assert all(text.strip() for text in rule.texts[key].values())
    for key, texts in rule.texts.items():
        assert placeholders_of(texts["ru"]) == placeholders_of(texts["en"]), key
    if rule.function is not None:
        assert rule.function.__name__ == name
        assert rule.function.__module__ == f"validator.rules.{family}"
        assert rule.match is None
    else:
        assert rule.match is not None and rule.match["type"] == "lexicon"
        assert rule.match["list"] in lexicons().names
    assert rule.bad["ru"] and rule.bad["en"] and rule.good["ru"] and rule.good["en"]


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_message_placeholders_match_the_args_the_rule_yields(rule) -> None:
    wanted = placeholders_of(rule.texts["message"]["en"])
    for example in rule.bad["ru"] + rule.bad["en"]:
        for finding in (f for report in reports(example) for f in report.findings):
            if finding.rule == rule.id:
                assert wanted <= set(finding.args), (rule.id, wanted, finding.args)


def test_every_card_file_key_is_a_rule_and_every_function_has_a_card() -> None:
    for family in FAMILIES:
        cards = tomllib.loads((RULES_DIR / f"{family}.toml").read_text(encoding="utf-8"))
        assert {f"{family}.{k}" for k in cards} == {r for r in RULES if r.startswith(family + ".")}
        module = __import__(f"validator.rules.{family}", fromlist=["_"])
        functions = {
            name
            for name, obj in vars(module).items()
            if inspect.isfunction(obj)
            and obj.__module__ == module.__name__
            and not name.startswith("_")
            and list(inspect.signature(obj).parameters) == ["s"]
        }
        assert functions <= set(cards), functions - set(cards)


def test_word_lists_have_a_source_header_and_both_languages() -> None:
    names = {p.stem for p in (DATA / "ru").glob("*.txt")}
    assert names == {p.stem for p in (DATA / "en").glob("*.txt")}
    for path in DATA.glob("*/*.txt"):
        head = path.read_text(encoding="utf-8").splitlines()[:3]
        assert any(line.startswith("# source:") for line in head), path


def test_no_list_repeats_an_entry_its_stems_already_cover() -> None:
    """Stemming and normalising already fold inflections, ё/е, hyphens and case: a second form
    of the same words ("скидочная" after "скидочный", "пришлем" after "пришлём") matches nothing
    new, and each list's regex lines are distinct."""
    lex = lexicons()
    seen: dict[tuple[str, tuple[str, ...], bool], str] = {}
    for group in lex.index.values():
        for entries in group.values():
            for entry in entries:
                key = (entry.list, entry.keys, entry.exception)
                assert key not in seen, f"{entry.list}: {entry.text!r} repeats {seen[key]!r}"
                seen[key] = entry.text
    for name, lines in lex.patterns.items():
        regexes = [pattern for pattern, _ in lines]
        assert len(regexes) == len(set(regexes)), name


def test_rules_folder_has_only_families() -> None:
    stems = {p.stem for p in Path(RULES_DIR).glob("*.toml")}
    assert stems == set(FAMILIES)


def test_offer_lists_are_those_of_the_promotional_cards() -> None:
    """promo.in_example checks example values with the lists the promo cards use on the text."""
    from validator.rules.promo import OFFER_LISTS

    carded = {r.match["list"] for r in RULES.values() if r.family == "promo" and r.match}
    assert carded <= set(OFFER_LISTS)


def test_a_category_argument_is_named_as_meta_names_it_in_the_language() -> None:
    assert fill("к «{judged:category}»", {"judged": "MARKETING"}, "ru") == "к «Маркетинг»"
    assert fill("as {judged:category}", {"judged": "UTILITY"}, "en") == "as Utility"
    assert fill("{judged:category}", {"judged": "SOMETHING_NEW"}, "ru") == "SOMETHING_NEW"
    assert blank_arguments("к «{judged:category}»") == "к «…»"
