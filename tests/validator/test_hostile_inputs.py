"""wa-check on hostile and broken files: exit 2 and one line naming the file (and line), within
seconds and a memory ceiling; never a traceback, never exit 1 ("the template has errors")."""

from __future__ import annotations

import contextlib
import io
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_inputs import bounded, laughs, nested_json, one_line

from validator.browser import check_file_json
from validator.cli import main
from validator.loader import MAX_BYTES, MAX_DEPTH, MAX_DIGITS, LoadError, load_json, load_yaml
from validator.sources import read

ROOT = Path(__file__).resolve().parents[2]

# kind → file name, content, the refusal's key, the line it names (None: no line)
HOSTILE: dict[str, tuple[str, str | bytes, str, int | None]] = {
    "alias bomb in buttons": (
        "t.yaml",
        laughs() + "templates:\n  - body: hi\n    buttons: *a8\n",
        "too_many",
        7,
    ),
    "alias bomb in examples": (
        "t.yaml",
        laughs() + "templates:\n  - body: hi {{1}}\n    examples: *a8\n",
        "too_many",
        7,
    ),
    "recursive alias": (
        "t.yaml",
        "templates:\n  - body: hi\n    buttons: &b [*b]\n",
        "recursive",
        3,
    ),
    # One bracket a line: the scanner keeps no simple-key candidates across lines (quick).
    "deep YAML": (
        "t.yaml",
        "templates:\n  - body: x\n    examples: " + "[\n" * 1000,
        "too_deep",
        32,
    ),
    "deep JSON": (
        "t.json",
        '{"templates": [{"body": "x", "examples": ' + "[" * 5000,
        "too_deep",
        None,
    ),
    "JSON nested 900 deep": (
        "t.json",
        '{"templates": [{"body": "x", "examples": ' + nested_json(900) + "}]}",
        "too_deep",
        None,
    ),
    "long integer in YAML": (
        "t.yaml",
        "templates:\n  - body: " + "9" * 5000 + "\n",
        "long_number",
        2,
    ),
    "long integer in JSON": (
        "t.json",
        '{"templates": [{"body": ' + "9" * 5000 + "}]}",
        "long_number",
        1,
    ),
    "impossible date": ("t.yaml", "templates:\n  - body: 2026-02-30\n", "bad_value", 2),
    "unhashable key": (
        "t.yaml",
        "templates:\n  - body: x\n    ? [a, b]\n    : c\n",
        "unhashable",
        3,
    ),
    "non-UTF-8 byte": ("t.yaml", b"templates:\n  - body: \xff\xfe\n", "not_utf8", 2),
}


def _write(tmp_path: Path, kind: str) -> Path:
    name, content, _, _ = HOSTILE[kind]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _check(path: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main([*args, str(path)], stdout=io.StringIO())
    return code, err.getvalue()


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_hostile_file_is_one_line_and_exit_2(tmp_path: Path, kind: str, lang: str) -> None:
    path = _write(tmp_path, kind)
    line = one_line(lambda: _check(path, "--lang", lang))
    number = HOSTILE[kind][3]
    place = f"{path}:{number}" if number else str(path)
    assert line.startswith(f"wa-check: {place}: "), line


@pytest.mark.parametrize("kind", HOSTILE)
def test_each_refusal_says_what_is_wrong(tmp_path: Path, kind: str) -> None:
    path = _write(tmp_path, kind)
    with bounded(), pytest.raises(LoadError) as caught:
        read(str(path))
    assert caught.value.key == HOSTILE[kind][2]
    assert caught.value.message("ru") != caught.value.message("en")


@pytest.mark.parametrize("kind", [k for k in HOSTILE if isinstance(HOSTILE[k][1], str)])
def test_the_page_gets_the_same_refusal_as_one_message(kind: str) -> None:
    """validator.browser.check_file_json (the page's file check) reads through the same loader."""
    name, content, _, _ = HOSTILE[kind]
    with bounded():
        answer = json.loads(check_file_json(name, str(content), "en"))
    assert "\n" not in answer["error"]["message"]
    assert answer["error"]["message"].startswith(name)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"templates": [{"body": "x" * MAX_BYTES}]}), encoding="utf-8")
    line = one_line(lambda: _check(path, "--lang", "en"))
    assert line == f"wa-check: {path}: the file is larger than {MAX_BYTES} bytes"


def test_the_largest_file_accepted_keeps_the_json_shape(tmp_path: Path) -> None:
    """Just under the limit is read, with the usual report (the limit is not off by one)."""
    body = "Ваш заказ {{1}} передан в доставку."
    template = {"name": "order_shipped", "body": body, "examples": ["1"]}
    one = len(json.dumps(template, ensure_ascii=False).encode()) + 2
    data = {"templates": [template] * (MAX_BYTES // one - 1)}
    text = json.dumps(data, ensure_ascii=False)
    assert len(text.encode()) <= MAX_BYTES
    assert len(load_json(text, "t.json")["templates"]) == len(data["templates"])


def test_the_limits_admit_real_shapes() -> None:
    """Real files nest far less than MAX_DEPTH and numbers as long as a BM ID pass."""
    assert load_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1), "t.yaml")
    assert load_json("9" * MAX_DIGITS, "t.json") == int("9" * MAX_DIGITS)
    with pytest.raises(LoadError):
        load_json("9" * (MAX_DIGITS + 1), "t.json")
    shared = "base: &base {body: hi}\ntemplates: [*base, *base]\n"
    assert load_yaml(shared, "t.yaml")["templates"][1] == {"body": "hi"}


def test_smoke_the_alias_bomb_under_an_address_space_limit(tmp_path: Path) -> None:
    """The command itself (python -m validator), with 1 GiB of address space at most."""
    path = tmp_path / "bomb.yaml"
    path.write_text(laughs() + "templates:\n  - body: hi\n    buttons: *a8\n", encoding="utf-8")
    limit = 1024**3

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    run = subprocess.run(
        [sys.executable, "-m", "validator", "--lang", "en", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=cap,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1
    assert "aliases" in run.stderr
