"""Where the questionnaire comes from: a link when the provider sets one, else the manager;
an empty contact is left out, and the kit's own settings show no placeholder address."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.pages.provider_contact import manager_reference, questionnaire_source

ROOT = Path(__file__).resolve().parents[2]
MANAGER = {"ru": "персональный менеджер провайдера", "en": "the provider's personal manager"}


def _kit_settings() -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nextra:")[1]
    return yaml.safe_load(text)["provider"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_form_link_is_where_the_questionnaire_comes_from(lang: str) -> None:
    settings = {"manager_title": MANAGER, "questionnaire_url": "https://forms.example.org/wa"}
    text = questionnaire_source(settings, lang)
    assert "](<https://forms.example.org/wa>)" in text
    assert MANAGER[lang] not in text  # no contact given: no "questions" line with a blank


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_without_a_link_the_manager_sends_it_and_the_contact_shows_when_given(lang: str) -> None:
    settings = {"manager_title": MANAGER, "questionnaire_url": "", "manager_contact": "+7 495 000"}
    text = questionnaire_source(settings, lang)
    assert "](" not in text
    assert MANAGER[lang] in text
    assert "+7 495 000" in text
    assert manager_reference(settings, lang) == f"{MANAGER[lang]} (+7 495 000)"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_empty_contact_is_left_out(lang: str) -> None:
    settings = {"manager_title": MANAGER, "manager_contact": "  "}
    text = questionnaire_source(settings, lang)
    assert "—  ." not in text
    assert "()" not in manager_reference(settings, lang)
    assert manager_reference(settings, lang) == MANAGER[lang]


def test_the_kits_default_settings_hold_no_placeholder_address() -> None:
    settings = _kit_settings()
    assert "questionnaire_url" in settings
    for value in (settings.get("manager_contact"), settings.get("questionnaire_url")):
        assert "example." not in str(value or "")


@pytest.mark.parametrize("page", ["questionnaire/index.html", "en/questionnaire/index.html"])
def test_the_built_questionnaire_page_says_where_the_form_comes_from(
    built_site: Path, page: str
) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert ("Где взять анкету" in html) or ("Where to get it" in html)
    assert "example.com" not in html
