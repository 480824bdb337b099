"""The batch step (validator/batch.py): format.duplicate_body fires only when templates are
checked together, identically in check_many, the CLI and the browser entry points."""

from __future__ import annotations

import io
import json
from pathlib import Path

from validator import check, check_many
from validator.batch import BATCH_RULES, earlier_twins, wording
from validator.browser import check_file_json, check_json
from validator.cli import main
from validator.model import Severity, Template

BODY = "Здравствуйте! Ваш заказ передан в доставку."
BATCH = [
    {"name": "order_shipped", "body": BODY, "footer": "Магазин «Ромашка»"},
    {"name": "order_delivered", "body": "Здравствуйте! Ваш заказ доставлен, спасибо."},
    {"name": "order_sent", "body": f"\n {BODY} ", "footer": " Магазин «Ромашка»"},
    {"body": BODY, "footer": "Магазин «Ромашка»"},
]


def _duplicates(report) -> list:
    return [f for f in report.findings if f.rule == "format.duplicate_body"]


def test_a_lone_check_never_fires_a_batch_rule() -> None:
    for template in BATCH:
        assert not {f.rule for f in check(template).findings} & set(BATCH_RULES)


def test_the_later_twin_gets_an_error_on_its_whole_body_naming_the_first() -> None:
    reports = check_many(BATCH)
    assert [len(_duplicates(r)) for r in reports] == [0, 0, 1, 1]
    third = _duplicates(reports[2])[0]
    assert third.severity is Severity.ERROR
    assert (third.field, third.start, third.end) == ("body", 0, len(BATCH[2]["body"]))
    assert third.args == {"earlier": "order_shipped (#1)"}
    assert _duplicates(reports[3])[0].args == {"earlier": "order_shipped (#1)"}
    assert not reports[2].ok


def test_unnamed_templates_are_named_by_position() -> None:
    one, two = Template(body="Текст один."), Template(body="Текст два.")
    assert earlier_twins([one, two, two]) == [None, None, "#2"]


def test_authentication_and_empty_bodies_are_not_compared() -> None:
    auth = Template(body="Ваш код {{1}}.", category=" authentication ")
    assert wording(auth) is None
    assert wording(Template(body="  ")) is None
    assert earlier_twins([auth, auth, Template(body=""), Template(body="")]) == [None] * 4


def test_cli_compares_across_all_paths(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(BATCH[:1], ensure_ascii=False), encoding="utf-8")
    second.write_text(json.dumps(BATCH[2:3], ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    assert main(["--json", "--lang", "en", str(first), str(second)], stdout=out) == 1
    answer = json.loads(out.getvalue())
    rules = [[f["rule"] for f in t["findings"]] for t in answer["templates"]]
    assert "format.duplicate_body" not in rules[0] and "format.duplicate_body" in rules[1]
    message = answer["templates"][1]["findings"][rules[1].index("format.duplicate_body")]
    assert "order_shipped (#1)" in message["message"]


def test_browser_bulk_equals_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(BATCH, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    main(["--json", "--lang", "ru", str(path)], stdout=out)
    cli = json.loads(out.getvalue())
    assert json.loads(check_json(json.dumps({"lang": "ru", "templates": BATCH}))) == cli
    assert json.loads(check_file_json("t.json", path.read_text(encoding="utf-8"), "ru")) == cli
    found = [f["rule"] for t in cli["templates"] for f in t["findings"]]
    assert found.count("format.duplicate_body") == 2
