"""Export (validator/export.py): the create request validates against the repository's schema,
the send skeleton's parameters match the template's, errors block it; CLI --export shape."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from validator import check, check_many
from validator.browser import export_file_json, export_json
from validator.cli import main
from validator.export import create_request, export, send_request

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "validator" / "export.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

NAMED = {
    "name": "order_shipped",
    "language": "ru",
    "category": "UTILITY",
    "header": "Заказ {{order_number}}",
    "header_example": "A-10293",
    "body": "Здравствуйте, {{first_name}}! Заказ {{order_number}} передан в службу доставки. "
    "Ожидаемая дата доставки: {{delivery_date}}.",
    "examples": {"first_name": "Анна", "order_number": "A-10293", "delivery_date": "12 декабря"},
    "footer": "Это автоматическое уведомление",
}
POSITIONAL = {
    "name": "order_on_its_way",
    "language": "en",
    "header": "Order {{1}}",
    "header_example": "B-77",
    "body": "Hello {{1}}, your order {{2}} has been handed to the courier and arrives on {{3}}.",
    "examples": ["Mark", "B-77", "May 12"],
}
AUTH = {
    "name": "login_code",
    "language": "en",
    "category": "AUTHENTICATION",
    "body": "Your verification code is {{1}}. For your security, do not share this code.",
    "footer": "This code expires in 10 minutes.",
    "examples": ["482913"],
}
PROMO = {"name": "sale", "body": "Скидка 20% на всё! Только сегодня."}


def _errors(instance: dict[str, Any]) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(instance)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("template", [NAMED, POSITIONAL, AUTH], ids=["named", "positional", "auth"])
@pytest.mark.parametrize("mode", ["provider", "meta"])
def test_create_request_validates_against_the_schema(template: dict, mode: str) -> None:
    report = check(template, mode)
    assert report.ok, report.to_dict("en")["findings"]
    assert _errors(create_request(report)) == []


def test_schema_rejects_what_meta_rejects() -> None:
    good = create_request(check(NAMED))
    assert _errors(good) == []
    # Named examples in a positional template (the #1 create-time failure, inverted).
    assert _errors({**good, "parameter_format": "positional"})
    assert _errors({**good, "allow_category_change": True})
    assert _errors({**good, "name": "Order Shipped"})
    flat_body = json.loads(json.dumps(create_request(check(POSITIONAL))))
    flat_body["components"][1]["example"]["body_text"] = ["Mark", "B-77", "May 12"]
    assert _errors(flat_body)
    assert _errors({**good, "components": [c for c in good["components"] if c["type"] != "BODY"]})


def test_named_create_and_send() -> None:
    report = check(NAMED)
    create, send = create_request(report), send_request(report)
    assert create["parameter_format"] == "named"
    header, body, footer = create["components"]
    assert header["example"] == {
        "header_text_named_params": [{"param_name": "order_number", "example": "A-10293"}]
    }
    assert [p["param_name"] for p in body["example"]["body_text_named_params"]] == [
        "first_name",
        "order_number",
        "delivery_date",
    ]
    assert footer == {"type": "FOOTER", "text": NAMED["footer"]}
    parts = {c["type"]: c["parameters"] for c in send["template"]["components"]}
    assert parts["header"] == [
        {"type": "text", "text": "A-10293", "parameter_name": "order_number"}
    ]
    assert [(p["parameter_name"], p["text"]) for p in parts["body"]] == [
        ("first_name", "Анна"),
        ("order_number", "A-10293"),
        ("delivery_date", "12 декабря"),
    ]
    assert send["template"]["name"] == "order_shipped"
    assert send["template"]["language"] == {"code": "ru"}
    assert send["messaging_product"] == "whatsapp"
    assert send["type"] == "template"


def test_positional_examples_are_an_array_of_arrays_in_number_order() -> None:
    template = {**POSITIONAL, "body": "Hello {{1}}, order {{2}} arrives on {{3}}; order {{2}}."}
    report = check(template)
    create, send = create_request(report), send_request(report)
    assert create["parameter_format"] == "positional"
    assert create["components"][0]["example"] == {"header_text": ["B-77"]}
    assert create["components"][1]["example"] == {"body_text": [["Mark", "B-77", "May 12"]]}
    header, body = send["template"]["components"]
    assert header == {"type": "header", "parameters": [{"type": "text", "text": "B-77"}]}
    assert [p["text"] for p in body["parameters"]] == ["Mark", "B-77", "May 12"]
    assert all("parameter_name" not in p for p in body["parameters"])


def test_send_parameters_match_the_templates_variables() -> None:
    for template in (NAMED, POSITIONAL):
        report = check(template)
        body = next(
            c for c in send_request(report)["template"]["components"] if c["type"] == "body"
        )
        assert len(body["parameters"]) == len(set(report.variables))


def test_authentication_uses_metas_preset_body_and_otp_button() -> None:
    report = check(AUTH)
    create = create_request(report)
    assert create["category"] == "AUTHENTICATION"
    assert create["components"] == [
        {"type": "BODY", "add_security_recommendation": True},
        {"type": "FOOTER", "code_expiration_minutes": 10},
        {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]},
    ]
    body, button = send_request(report)["template"]["components"]
    assert body["parameters"] == [{"type": "text", "text": "482913"}]
    assert button["sub_type"] == "url"
    assert button["parameters"] == [{"type": "text", "text": "482913"}]


def test_no_variables_no_components_in_send() -> None:
    report = check({"name": "order_packed", "body": "Hello! Your order has been packed."})
    assert "components" not in send_request(report)["template"]
    assert "example" not in create_request(report)["components"][0]


def test_language_falls_back_to_the_bodys_script() -> None:
    ru = check({"name": "order_packed", "body": "Здравствуйте! Ваш заказ собран."})
    en = check({"name": "order_packed", "body": "Hello! Your order has been packed."})
    assert create_request(ru)["language"] == "ru"
    assert create_request(en)["language"] == "en"


def test_errors_block_the_export_and_are_named() -> None:
    entry = export(check(PROMO), "en")
    assert entry["ok"] is False
    assert entry["create"] is None
    assert entry["send"] is None
    assert {b["rule"] for b in entry["blocked_by"]} >= {"promo.discount"}
    assert all(b["message"] for b in entry["blocked_by"])


def test_a_missing_name_blocks_the_export_but_not_the_check() -> None:
    entry = export(check({"body": "Hello! Your order has been packed."}), "ru")
    assert entry["ok"] is True
    assert entry["create"] is None
    assert [b["field"] for b in entry["blocked_by"]] == ["name"]


def _cli(args: list[str]) -> tuple[int, dict]:
    out = io.StringIO()
    code = main(args, stdin=io.StringIO(""), stdout=out)
    return code, json.loads(out.getvalue())


def test_cli_export_shape_and_exit_status(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps([NAMED, POSITIONAL, PROMO], ensure_ascii=False), "utf-8")
    code, data = _cli(["--export", "--lang", "en", str(path)])
    assert code == 1
    assert list(data) == ["templates"]
    names = [t["name"] for t in data["templates"]]
    assert names == ["order_shipped", "order_on_its_way", "sale"]
    for entry in data["templates"]:
        assert {"name", "ok", "create", "send"} <= set(entry)
        if entry["ok"]:
            assert _errors(entry["create"]) == []
            assert entry["send"]["template"]["name"] == entry["name"]
        else:
            assert entry["create"] is None
            assert entry["send"] is None
    ok_only = tmp_path / "ok.json"
    ok_only.write_text(json.dumps([NAMED], ensure_ascii=False), "utf-8")
    assert _cli(["--export", str(ok_only)])[0] == 0


def test_cli_export_and_json_are_exclusive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--export", "--json", "x.txt"], stdout=io.StringIO())
    assert exit_info.value.code == 2


def test_browser_entry_points_answer_as_the_cli(tmp_path: Path) -> None:
    templates = [NAMED, POSITIONAL, PROMO]
    path = tmp_path / "t.json"
    content = json.dumps(templates, ensure_ascii=False)
    path.write_text(content, "utf-8")
    _, cli = _cli(["--export", "--lang", "en", "--mode", "meta", str(path)])
    request = json.dumps({"lang": "en", "mode": "meta", "templates": templates})
    assert json.loads(export_json(request)) == cli
    assert json.loads(export_file_json("t.json", content, "en", "meta")) == cli
    assert "error" in json.loads(export_json("not json"))


def test_batch_duplicate_blocks_the_second_export() -> None:
    first, second = check_many([NAMED, {**NAMED, "name": "order_shipped_again"}])
    assert export(first)["create"] is not None
    assert export(second)["create"] is None


BUTTONS = {
    "name": "order_handed_over",
    "language": "en",
    "body": "Hello {{1}}! Your order has been handed to the courier.",
    "examples": ["Ann"],
    "buttons": [
        "Thanks",
        "Call me",
        {
            "type": "URL",
            "text": "Track",
            "url": "https://shop.example.com/track/{{1}}",
            "example": "A-10293",
        },
        {"type": "URL", "text": "Help", "url": "https://shop.example.com/help"},
        {"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+15550123456"},
        {"type": "COPY_CODE", "example": "PICK-1234"},
    ],
}


def test_buttons_are_exported_in_meta_mode_only() -> None:
    assert export(check(BUTTONS))["create"] is None  # provider: format.text_only
    report = check(BUTTONS, "meta")
    assert report.ok, report.to_dict("en")["findings"]
    create, send = create_request(report), send_request(report)
    assert _errors(create) == []
    buttons = create["components"][-1]
    assert buttons["type"] == "BUTTONS"
    assert [b["type"] for b in buttons["buttons"]] == [
        "QUICK_REPLY",
        "QUICK_REPLY",
        "URL",
        "URL",
        "PHONE_NUMBER",
        "COPY_CODE",
    ]
    assert buttons["buttons"][2] == {
        "type": "URL",
        "text": "Track",
        "url": "https://shop.example.com/track/{{1}}",
        "example": ["A-10293"],
    }
    assert "example" not in buttons["buttons"][3]  # a fixed URL has no parameter
    assert buttons["buttons"][5] == {"type": "COPY_CODE", "example": "PICK-1234"}
    sent = [c for c in send["template"]["components"] if c["type"] == "button"]
    assert sent == [
        {
            "type": "button",
            "sub_type": "url",
            "index": "2",
            "parameters": [{"type": "text", "text": "A-10293"}],
        },
        {
            "type": "button",
            "sub_type": "copy_code",
            "index": "5",
            "parameters": [{"type": "coupon_code", "coupon_code": "PICK-1234"}],
        },
    ]


def test_a_special_button_type_is_left_out_of_the_export() -> None:
    template = {**BUTTONS, "buttons": [{"type": "FLOW", "text": "Rate us"}, "Thanks"]}
    report = check(template, "meta")
    assert {f.rule for f in report.findings} == {"format.button_type"}
    assert report.ok  # a special type is only a warning
    create = create_request(report)
    assert create["components"][-1]["buttons"] == [{"type": "QUICK_REPLY", "text": "Thanks"}]
    assert _errors(create) == []


def test_a_button_error_blocks_the_export() -> None:
    template = {
        **BUTTONS,
        "buttons": [
            "Thanks",
            {"type": "URL", "text": "Map", "url": "https://x.example.com/m"},
            "Later",
        ],
    }
    entry = export(check(template, "meta"), "en")
    assert entry["create"] is None
    assert [b["rule"] for b in entry["blocked_by"]] == ["format.button_quick_replies_split"]


def test_schema_rejects_what_meta_refuses_in_buttons() -> None:
    good = create_request(check(BUTTONS, "meta"))
    assert _errors(good) == []

    def with_buttons(buttons: list[dict[str, Any]]) -> dict[str, Any]:
        components = [c for c in good["components"] if c["type"] != "BUTTONS"]
        return {**good, "components": [*components, {"type": "BUTTONS", "buttons": buttons}]}

    url = {"type": "URL", "text": "Track", "url": "https://shop.example.com/t"}
    phone = {"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+15550123456"}
    code = {"type": "COPY_CODE", "example": "PICK-1"}
    assert _errors(with_buttons([url, url])) == []
    assert _errors(with_buttons([url, url, url]))
    assert _errors(with_buttons([phone, phone]))
    assert _errors(with_buttons([code, code]))
    assert _errors(with_buttons([{"type": "QUICK_REPLY", "text": "x" * 26}]))
    assert _errors(with_buttons([{**url, "url": "https://shop.example.com/{{1}}"}]))  # no example
    assert _errors(
        with_buttons([{**url, "url": "https://shop.example.com/{{1}}/x", "example": ["A"]}])
    )
    assert _errors(with_buttons([{"type": "QUICK_REPLY", "text": str(i)} for i in range(11)]))
    assert _errors(with_buttons([{**code, "example": "C" * 21}]))
    assert _errors(with_buttons([{**phone, "phone_number": "1" * 21}]))
