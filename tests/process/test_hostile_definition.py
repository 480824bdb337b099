"""Hostile and broken process.yml and mkdocs.yml: each mistake names the file, the line and the
field (in words a provider's editor understands), within seconds and a memory ceiling."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_inputs import bounded, laughs
from process_data import ROOT, SETTINGS

from process.definition import MAX_DAYS, load_process, parse_process, provider_settings
from process.errors import ProcessFileError

TEXT = (ROOT / "process.yml").read_text(encoding="utf-8")
FIRST_DURATION = "{min: 1, max: 3, unit: working_days,"


def _broken(old: str, new: str) -> tuple[str, int]:
    """The real file with the first `old` replaced by `new`, and the line where it happened."""
    assert old in TEXT, old
    return TEXT.replace(old, new, 1), TEXT.count("\n", 0, TEXT.index(old)) + 1


def _refusal(text: str, **kwargs: object) -> ProcessFileError:
    with bounded(), pytest.raises(ProcessFileError) as caught:
        parse_process(text, SETTINGS, **kwargs)
    error = caught.value
    assert "\n" not in str(error)
    assert str(error).startswith(f"{error.file}:{error.line}: {error.field}: "), str(error)
    return error


# kind → (old, new, field expected at the changed line)
BROKEN = {
    "recursive alias": ("    after: []\n", "    after: &r [*r]\n", "steps[0].after"),
    "alias bomb": (
        "owners:\n",
        "x:\n  " + laughs().replace("\n", "\n  ").rstrip() + "\nowners:\n",
        "x.a",
    ),
    "negative duration": (
        FIRST_DURATION,
        "{min: -1, max: 3, unit: working_days,",
        "steps[0].duration.min",
    ),
    "million days": (
        FIRST_DURATION,
        "{min: 1, max: 3000000, unit: working_days,",
        "steps[0].duration.max",
    ),
    "days as text": (
        FIRST_DURATION,
        "{min: one, max: 3, unit: working_days,",
        "steps[0].duration.min",
    ),
    "long number": (
        FIRST_DURATION,
        "{min: 1, max: " + "9" * 5000 + ", unit: working_days,",
        "steps[0].duration",
    ),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_process_names_its_line_and_field(kind: str) -> None:
    old, new, field = BROKEN[kind]
    text, line = _broken(old, new)
    error = _refusal(text)
    assert error.file == "process.yml"
    assert error.field.startswith(field), str(error)
    assert line <= error.line <= line + 9, str(error)
    assert "is not of type" not in error.message
    assert "bad YAML" not in error.message


def test_an_unhashable_key_is_named_as_a_key() -> None:
    text, line = _broken("  client: {ru: Вы, en: You}\n", "  [a, b]: {ru: Вы, en: You}\n")
    error = _refusal(text)
    assert (error.line, error.field) == (line, "owners")
    assert "key" in error.message


def test_a_provider_setting_over_ten_years_is_refused() -> None:
    with pytest.raises(ProcessFileError) as caught:
        parse_process(TEXT, {**SETTINGS, "registration_max_days": MAX_DAYS + 1})
    assert caught.value.field.endswith(".duration.max.setting")
    assert "registration_max_days" in caught.value.message


def test_a_non_utf8_byte_names_its_line_and_field(tmp_path: Path) -> None:
    text, line = _broken("ru: Соберите данные компании", "ru: Соберите данные \udcff компании")
    path = tmp_path / "process.yml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with bounded(), pytest.raises(ProcessFileError) as caught:
        load_process(path, SETTINGS)
    assert (caught.value.line, caught.value.field) == (line, "steps[0].title.ru")
    assert "0xff" in caught.value.message


def test_an_unknown_page_anchor_names_the_page_and_the_field() -> None:
    text, line = _broken("page: prepare.md#company-details", "page: prepare.md#company-detail")
    error = _refusal(text, docs_dir=ROOT / "docs")
    assert (error.line, error.field) == (line, "steps[0].page")
    assert "prepare.md" in error.message
    assert "company-detail" in error.message


def test_every_real_anchor_is_found() -> None:
    load_process(ROOT / "process.yml", SETTINGS, docs_dir=ROOT / "docs")


def test_provider_settings_written_as_a_list_name_mkdocs_yml_and_the_line() -> None:
    text = "site_name: x\nextra:\n  provider:\n    - registration_max_days: 21\n"
    with pytest.raises(ProcessFileError) as caught:
        provider_settings({"provider": [{"registration_max_days": 21}]}, "mkdocs.yml", text)
    assert (caught.value.file, caught.value.line, caught.value.field) == (
        "mkdocs.yml",
        3,
        "extra.provider",
    )
    assert provider_settings({"provider": {"a": 1}}) == {"a": 1}
    assert provider_settings(None) == {}
