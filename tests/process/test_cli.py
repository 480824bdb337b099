"""``wa-checklist``: answers files in both languages, the fixed JSON shape, bad files → exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from process_data import PROCESS, ROOT

from process.answers import parse_answers
from process.checklist import build_checklist
from process.cli import main

ANSWERS_YAML = """\
company: ООО «Ромашка»
bm_id: 123456789012345
manager_name: Анна
manager_contact: anna@example.com
start_date: 2026-12-01
name_change: true
description_change: false
templates:
  - name: order_shipped
    body: "Ваш заказ {{1}} передан в доставку."
"""


@pytest.fixture(autouse=True)
def _in_the_kit_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads process.yml and mkdocs.yml from the current folder by default."""
    monkeypatch.chdir(ROOT)


def _run(tmp_path: Path, name: str, content: str, *args: str) -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main([str(path), *args], stdout=out)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_markdown_from_a_yaml_file(tmp_path: Path, lang: str) -> None:
    code, out, err = _run(tmp_path, "a.yml", ANSWERS_YAML, "--lang", lang)
    assert (code, err) == (0, "")
    assert "ООО «Ромашка»" in out
    answers = parse_answers({"company": "x", "name_change": True}, today=date(2026, 12, 1))
    for planned in build_checklist(PROCESS, answers).steps:
        title = getattr(planned.step.title, lang)
        assert title.replace("_", "\\_") in out
    assert ("Важно" in out) == (lang == "ru")
    assert ("Important" in out) == (lang == "en")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_json_has_the_fixed_shape(tmp_path: Path, lang: str) -> None:
    code, out, _ = _run(tmp_path, "a.yml", ANSWERS_YAML, "--lang", lang, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["lang"] == lang
    assert {"lang", "steps", "warnings"} <= set(data)
    for step in data["steps"]:
        assert {"id", "owner", "title", "start", "end"} <= set(step)
        assert all(isinstance(step[k], str) for k in ("id", "owner", "title", "start", "end"))
        date.fromisoformat(step["start"])
        date.fromisoformat(step["end"])
    for warning in data["warnings"]:
        assert {"id", "message"} <= set(warning)
    ids = [s["id"] for s in data["steps"]]
    assert {"approve_name", "change_name"} <= set(ids)
    assert "change_description" not in ids
    assert "approve_name" in {w["id"] for w in data["warnings"]}


def test_html_is_a_standalone_printable_page(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, "a.yml", ANSWERS_YAML, "--format", "html", "--lang", "en")
    assert code == 0
    assert out.startswith("<!doctype html>")
    assert '<html lang="en">' in out
    assert 'data-step="approve_name"' in out
    assert "@page{size:A4" in out
    assert "<svg" in out
    assert "http" not in out.replace("http://www.w3.org/2000/svg", "")


def test_json_file_and_stdin_give_the_same_checklist(tmp_path: Path) -> None:
    import yaml

    as_json = json.dumps(yaml.safe_load(ANSWERS_YAML), default=str, ensure_ascii=False)
    _, from_json, _ = _run(tmp_path, "a.json", as_json, "--format", "json")
    out = io.StringIO()
    assert main(["-", "--format", "json"], stdin=io.StringIO(as_json), stdout=out) == 0
    _, from_yaml, _ = _run(tmp_path, "a.yml", ANSWERS_YAML, "--format", "json")
    assert json.loads(from_json)["steps"] == json.loads(out.getvalue())["steps"]
    assert json.loads(from_json)["steps"] == json.loads(from_yaml)["steps"]


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("a.yml", ANSWERS_YAML.replace("123456789012345", "12345abc"), "bm_id"),
        ("a.yml", ANSWERS_YAML.replace("2026-12-01", "01.12.2026"), "start_date"),
        ("a.yml", ANSWERS_YAML.replace("name_change: true", "name_change: maybe"), "name_change"),
        ("a.yml", ANSWERS_YAML.replace("company: ООО «Ромашка»", "company:"), "company"),
        ("a.yml", ANSWERS_YAML + "  - 42\n", "templates[1]"),
        ("a.yml", "- just\n- a list\n", "(answers)"),
        ("a.json", '{"company": "X", "templates": {}}', "templates"),
    ],
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_bad_answers_exit_2_naming_the_field(
    tmp_path: Path, name: str, content: str, field: str, lang: str
) -> None:
    code, out, err = _run(tmp_path, name, content, "--lang", lang)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"wa-checklist: {tmp_path / name}: {field}: ")


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.yml", "company: [unclosed\n"), ("a.json", '{"company": '), ("a.yml", "\udcff")],
)
def test_unreadable_files_exit_2_in_one_line(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main([str(path)], stdout=io.StringIO()) == 2
    assert err.getvalue().count("\n") == 1
    assert "Traceback" not in err.getvalue()


def test_a_missing_file_and_bad_usage_exit_2(tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main([str(tmp_path / "none.yml")], stdout=io.StringIO()) == 2
    assert err.getvalue().count("\n") == 1
    assert "Traceback" not in err.getvalue()
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit) as usage:
        main(["x.yml", "--format", "pdf"])
    assert usage.value.code == 2


def test_python_m_process_runs_the_cli(tmp_path: Path) -> None:
    """The one smoke test through a new interpreter: ``python -m process``, exit 2, one line."""
    result = subprocess.run(
        [sys.executable, "-m", "process", str(tmp_path / "none.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("page", ["checklist.md", "checklist.en.md"])
def test_the_answers_file_shown_on_the_page_works(tmp_path: Path, page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    code, out, err = _run(tmp_path, "a.yml", example, "--format", "json")
    assert (code, err) == (0, "")
    assert "change_description" in {s["id"] for s in json.loads(out)["steps"]}
