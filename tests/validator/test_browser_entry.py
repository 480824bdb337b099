"""validator.browser: JSON in, JSON out, identical to the CLI, never raises."""

from __future__ import annotations

import io
import json

import pytest

from validator.browser import check_file_json, check_json
from validator.cli import main

TEMPLATES = [
    {"name": "promo", "body": "Скидка 20% на всё!", "language": "ru"},
    {
        "name": "otp",
        "body": "Ваш код подтверждения {{1}}. Никому его не сообщайте.",
        "examples": ["123456"],
    },
    {"body": "Order {{1}} shipped today, thank you.", "examples": {"1": "A-1"}, "media": "image"},
]


def test_check_json_matches_the_cli(tmp_path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(TEMPLATES), encoding="utf-8")
    out = io.StringIO()
    main(["--json", "--lang", "en", str(path)], stdout=out)
    answer = json.loads(check_json(json.dumps({"lang": "en", "templates": TEMPLATES})))
    assert answer == json.loads(out.getvalue())
    hints = [t["category_hint"] for t in answer["templates"]]
    assert hints == ["MARKETING", "AUTHENTICATION", "UTILITY"]
    assert answer["templates"][2]["findings"][0]["rule"] == "format.text_only"


@pytest.mark.parametrize("request_text", ["", "nope", "[]", '{"templates": 1}', "null", '"x"'])
def test_bad_request_gives_error(request_text: str) -> None:
    answer = json.loads(check_json(request_text))
    assert set(answer) == {"error"} and answer["error"]["message"]


def test_odd_template_values_do_not_raise() -> None:
    odd = [
        {"body": 5},
        {"body": None},
        {},
        "just text",
        7,
        {"body": "x", "examples": 3, "buttons": {"a": 1}, "name": ["x"], "media": True},
    ]
    answer = json.loads(check_json(json.dumps({"lang": "ru", "templates": odd})))
    assert len(answer["templates"]) == len(odd)


@pytest.mark.parametrize("filename", ["t.json", "t.csv", "t.txt", "t.yaml"])
def test_check_file_json(filename: str) -> None:
    content = {
        "t.json": json.dumps(TEMPLATES),
        "t.csv": "name,body\npromo,Скидка 20% на всё!\n",
        "t.txt": "Скидка 20% на всё!\n",
        "t.yaml": "- name: promo\n  body: Скидка 20% на всё!\n",
    }[filename]
    answer = json.loads(check_file_json(filename, content, "ru"))
    assert answer["templates"][0]["category_hint"] == "MARKETING"


@pytest.mark.parametrize("mode", ["provider", "meta"])
def test_check_file_json_takes_the_cli_mode(tmp_path, mode: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(TEMPLATES), encoding="utf-8")
    out = io.StringIO()
    main(["--json", "--lang", "en", "--mode", mode, str(path)], stdout=out)
    answer = json.loads(check_file_json("t.json", path.read_text(encoding="utf-8"), "en", mode))
    assert answer == json.loads(out.getvalue())
    promo = {f["severity"] for f in answer["templates"][0]["findings"] if "promo." in f["rule"]}
    assert promo == ({"warning"} if mode == "meta" else {"error"})


def test_check_file_json_error_is_one_line_in_language() -> None:
    answer = json.loads(check_file_json("t.json", "{oops", "ru"))
    assert "\n" not in answer["error"]["message"]
    assert "ошибка" in answer["error"]["message"]
    answer = json.loads(check_file_json("t.pdf", "x", "en"))
    assert "unknown file type" in answer["error"]["message"]
