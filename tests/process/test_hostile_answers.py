"""wa-checklist on hostile answers files and broken settings: exit 2 and one line naming the file
(and line, or the field), within seconds and a memory ceiling; never a traceback."""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

import pytest
from hostile_inputs import laughs, one_line
from process_data import ROOT

from process.answers import AnswersError, parse_answers
from process.cli import main

# kind → (file name, content, what the line starts with after "wa-checklist: <tmp>/")
HOSTILE: dict[str, tuple[str, str | bytes, str]] = {
    "alias bomb in examples": (
        "a.yaml",
        laughs() + "company: X\ntemplates:\n  - body: hi {{1}}\n    examples: *a8\n",
        "a.yaml:7: ",
    ),
    "recursive alias": ("a.yaml", "company: &c [*c]\n", "a.yaml:1: "),
    "deep JSON": (
        "a.json",
        '{"company": "X", "templates": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "a.json: ",
    ),
    "long integer": ("a.yaml", "company: X\nbm_id: " + "9" * 5000 + "\n", "a.yaml:2: "),
    "start date 9999-12-31": (
        "a.yaml",
        "company: X\nstart_date: 9999-12-31\n",
        "a.yaml: start_date: ",
    ),
    "start date as text": (
        "a.json",
        '{"company": "X", "start_date": "9999-12-31"}',
        "a.json: start_date: ",
    ),
    "impossible date": ("a.yaml", "company: X\nstart_date: 2026-02-30\n", "a.yaml:2: "),
    "non-UTF-8 byte": ("a.yaml", b"company: \xff\n", "a.yaml:1: "),
    "too big": ("a.json", '{"company": "' + "x" * 2_100_000 + '"}', "a.json: "),
}


@pytest.fixture(autouse=True)
def _in_the_kit_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), stdout=io.StringIO())
    return code, err.getvalue()


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_hostile_answers_file_is_one_line_and_exit_2(
    tmp_path: Path, kind: str, lang: str
) -> None:
    name, content, start = HOSTILE[kind]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    line = one_line(lambda: _run(str(path), "--lang", lang))
    assert line.startswith(f"wa-checklist: {tmp_path}/{start}"), line


def test_the_start_date_window_is_a_named_field_error() -> None:
    today = date(2026, 12, 1)
    assert parse_answers({"company": "x", "start_date": "2999-12-31"}, today=today)
    for outside in ("1999-12-31", "3000-01-01", date.max):
        with pytest.raises(AnswersError) as caught:
            parse_answers({"company": "x", "start_date": outside}, today=today)
        assert (caught.value.field, caught.value.code) == ("start_date", "err_date_range")


def test_settings_with_the_provider_as_a_list(tmp_path: Path) -> None:
    settings = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    settings.write_text(
        text.replace("  provider:\n", "  provider:\n    - oops\n  was:\n", 1), encoding="utf-8"
    )
    answers = tmp_path / "a.yaml"
    answers.write_text("company: X\n", encoding="utf-8")
    line = one_line(lambda: _run(str(answers), "--settings", str(settings)))
    assert line.startswith("wa-checklist: mkdocs.yml:"), line
    assert ": extra.provider: " in line
