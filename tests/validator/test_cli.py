"""The command line: inputs, exit codes, --json shape, plain output with line:column and caret."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from validator.cli import main

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "Здравствуйте! Ваш заказ передан в доставку, курьер позвонит заранее."
PROMO = "Здравствуйте!\nТолько сегодня скидка на всё."


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def run(args: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_clean_txt_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text(CLEAN + "\n", encoding="utf-8")
    code, out = run([str(path)])
    assert code == 0
    assert "UTILITY" in out


def test_plain_output_has_line_column_rule_and_caret(tmp_path: Path) -> None:
    path = tmp_path / "promo.txt"
    path.write_text(PROMO, encoding="utf-8")
    code, out = run(["--lang", "en", str(path)])
    assert code == 1
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if "promo.discount" in line)
    assert "body:2:16:" in lines[index]
    assert lines[index + 1].strip() == "Только сегодня скидка на всё."
    caret = lines[index + 2]
    assert caret.strip() == "^" * len("скидка")
    assert caret.index("^") - 4 == lines[index + 1].index("скидка") - 4


def test_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    data = {"templates": [{"name": "promo", "body": PROMO}, {"name": "ok", "body": CLEAN}]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out = run(["--json", str(path)])
    assert code == 1
    payload = json.loads(out)
    first, second = payload["templates"]
    assert set(first) >= {"name", "ok", "category_hint", "findings", "counts", "variables"}
    assert first["name"] == "promo" and first["ok"] is False
    assert first["category_hint"] == "MARKETING"
    assert second["ok"] is True and second["category_hint"] == "UTILITY"
    finding = next(f for f in first["findings"] if f["rule"] == "promo.discount")
    assert set(finding) >= {"rule", "kind", "severity", "message", "field", "start", "end"}
    assert finding["kind"] == "promotional" and finding["severity"] == "error"
    assert PROMO[finding["start"] : finding["end"]] == "скидка"


def test_yaml_list_and_mapping(tmp_path: Path) -> None:
    listed = tmp_path / "a.yaml"
    listed.write_text(f"- name: a\n  body: '{CLEAN}'\n", encoding="utf-8")
    mapped = tmp_path / "b.yml"
    mapped.write_text(
        "templates:\n  - name: b\n    body: 'Заказ {{1}} передан в доставку сегодня.'\n"
        "    examples: ['A-1']\n",
        encoding="utf-8",
    )
    code, out = run(["--json", str(listed), str(mapped)])
    names = [t["name"] for t in json.loads(out)["templates"]]
    assert names == ["a", "b"]
    assert code == 0


def test_csv_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "name,language,body,examples,buttons\n"
        f"ok,ru,{CLEAN},,\n"
        'btn,ru,"Заказ {{1}} передан в доставку сегодня.",A-1,Отследить\n',
        encoding="utf-8",
    )
    code, out = run(["--json", str(path)])
    first, second = json.loads(out)["templates"]
    assert first["ok"] is True
    assert [f["rule"] for f in second["findings"]] == ["format.text_only"]
    assert code == 1


def test_stdin_dash() -> None:
    code, out = run(["--json", "-"], stdin=PROMO)
    assert code == 1
    assert json.loads(out)["templates"][0]["name"] is None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.txt", None),
        ("bad.json", "{not json"),
        ("bad.yaml", "a: [1,"),
        ("shape.json", "42"),
        ("t.docx", "x"),
        ("nobody.csv", "name,text\na,b\n"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out = run([str(path)])
    stderr = capsys.readouterr().err
    assert code == 2
    assert out == ""
    assert len(stderr.strip().splitlines()) == 1
    assert stderr.startswith("wa-check: ")


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["--lang", "de", "x.txt"])
    assert exited.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_python_m_validator_reports_unreadable_input_in_one_line(tmp_path: Path) -> None:
    """The one run through a real process: the entry point, exit code and stderr as a shell sees."""
    result = run_module("--json", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
