"""A checked template as Graph API requests: the create body (`POST /{WABA_ID}/message_templates`)
and the matching send skeleton (`POST /{PHONE_NUMBER_ID}/messages`). Pure: the CLI's --export
and the page's worker (validator.browser.export_json) both call `export`.
"""

from __future__ import annotations

import re
from typing import Any

from validator.model import BUTTON_TYPES, Button, Category, Severity, Template
from validator.registry import RULES
from validator.report import Report

# Where the send skeleton leaves the recipient for the caller to fill in.
RECIPIENT = "<RECIPIENT_PHONE_NUMBER>"
# "Код действует 10 минут" / "expires in 10 minutes": Meta's authentication footer takes the
# number of minutes (1-90) and writes the sentence itself.
_EXPIRY = re.compile(r"(\d{1,2})\s*(?:мин|min)", re.IGNORECASE)
_URL_PARAMETER = re.compile(r"\{\{[^{}]*\}\}")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")

# Fields the create request requires that a template may lack although the checker accepts it.
NEEDS: dict[str, dict[str, str]] = {
    "name": {
        "ru": "Нет названия шаблона: WhatsApp требует его при создании (например, order_shipped).",
        "en": "The template has no name: WhatsApp requires one to create it (e.g. order_shipped).",
    },
}


def _language(template: Template) -> str:
    """The declared language, or the body's script when none is declared (ru or en)."""
    if template.language:
        return template.language
    body = template.body
    return "ru" if len(_CYRILLIC.findall(body)) > len(_LATIN.findall(body)) else "en"


def _category(report: Report) -> str:
    declared = (report.template.category or "").strip().upper()
    return declared if declared in Category.__members__ else str(report.category_hint)


def _named(report: Report) -> bool:
    return any(not v.isdigit() for v in (*report.variables, *report.header_variables))


def _distinct(names: tuple[str, ...], *, named: bool) -> list[str]:
    """Each variable once: named ones in the order they appear, positional ones by number."""
    unique = list(dict.fromkeys(names))
    return unique if named else sorted(unique, key=int)


def _text_components(report: Report, *, named: bool) -> list[dict[str, Any]]:
    t = report.template
    components: list[dict[str, Any]] = []
    if t.header:
        header: dict[str, Any] = {"type": "HEADER", "format": "TEXT", "text": t.header}
        if report.header_variables:
            value = t.header_example or ""
            header["example"] = (
                {
                    "header_text_named_params": [
                        {"param_name": report.header_variables[0], "example": value}
                    ]
                }
                if named
                else {"header_text": [value]}
            )
        components.append(header)
    body: dict[str, Any] = {"type": "BODY", "text": t.body}
    variables = _distinct(report.variables, named=named)
    if variables:
        values = [t.example_for(v) or "" for v in variables]
        body["example"] = (
            {
                "body_text_named_params": [
                    {"param_name": v, "example": x} for v, x in zip(variables, values, strict=True)
                ]
            }
            if named
            else {"body_text": [values]}
        )
    components.append(body)
    if t.footer:
        components.append({"type": "FOOTER", "text": t.footer})
    if buttons := [_create_button(b) for b in _exported_buttons(t)]:
        components.append({"type": "BUTTONS", "buttons": buttons})
    return components


def _exported_buttons(template: Template) -> list[Button]:
    """The buttons the export carries (they pass the checker only in meta mode; Meta's special
    types, which format.button_type warns of, are left out)."""
    return [b for b in template.buttons if b.type in BUTTON_TYPES]


def _create_button(button: Button) -> dict[str, Any]:
    """One button as the create request's BUTTONS component lists it."""
    if button.type == "COPY_CODE":
        return {"type": "COPY_CODE", "example": (button.example or "").strip()}
    created: dict[str, Any] = {"type": button.type, "text": button.text}
    if button.type == "URL":
        created["url"] = (button.url or "").strip()
        if _URL_PARAMETER.search(created["url"]):
            created["example"] = [button.example or ""]
    elif button.type == "PHONE_NUMBER":
        created["phone_number"] = (button.phone_number or "").strip()
    return created


def _send_buttons(template: Template) -> list[dict[str, Any]]:
    """The send request's button components: a URL's parameter and a copy-code's code, each
    with the button's index (its place among the BUTTONS) and sub_type."""
    components = []
    for index, button in enumerate(_exported_buttons(template)):
        if button.type == "URL" and _URL_PARAMETER.search(button.url or ""):
            parameter = {"type": "text", "text": button.example or ""}
            components.append(_send_button("url", index, parameter))
        elif button.type == "COPY_CODE":
            code = (button.example or "").strip()
            parameter = {"type": "coupon_code", "coupon_code": code}
            components.append(_send_button("copy_code", index, parameter))
    return components


def _send_button(sub_type: str, index: int, parameter: dict[str, str]) -> dict[str, Any]:
    return {"type": "button", "sub_type": sub_type, "index": str(index), "parameters": [parameter]}


def _authentication_components(template: Template) -> list[dict[str, Any]]:
    """Meta writes an authentication message's text itself: the request only switches on the
    security sentence, the expiry footer and names the one-time-code button."""
    components: list[dict[str, Any]] = [{"type": "BODY", "add_security_recommendation": True}]
    expiry = _EXPIRY.search(f"{template.body}\n{template.footer or ''}")
    if expiry and 1 <= int(expiry.group(1)) <= 90:
        components.append({"type": "FOOTER", "code_expiration_minutes": int(expiry.group(1))})
    components.append({"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]})
    return components


def create_request(report: Report) -> dict[str, Any]:
    """The body of `POST /{WABA_ID}/message_templates` for a template without errors."""
    t = report.template
    named = _named(report)
    category = _category(report)
    components = (
        _authentication_components(t)
        if category == Category.AUTHENTICATION
        else _text_components(report, named=named)
    )
    return {
        "name": t.name,
        "language": _language(t),
        "category": category,
        "parameter_format": "named" if named else "positional",
        "components": components,
    }


def _parameters(variables: list[str], values: list[str], *, named: bool) -> list[dict[str, str]]:
    parameters = []
    for variable, value in zip(variables, values, strict=True):
        parameter = {"type": "text", "text": value}
        if named:
            parameter["parameter_name"] = variable
        parameters.append(parameter)
    return parameters


def send_request(report: Report) -> dict[str, Any]:
    """The skeleton of `POST /{PHONE_NUMBER_ID}/messages` sending this template with its
    example values, parameters in the order WhatsApp matches them (#132000 otherwise)."""
    t = report.template
    named = _named(report)
    components: list[dict[str, Any]] = []
    if report.header_variables and _category(report) != Category.AUTHENTICATION:
        header = [report.header_variables[0]]
        values = [t.header_example or ""]
        components.append(
            {"type": "header", "parameters": _parameters(header, values, named=named)}
        )
    variables = _distinct(report.variables, named=named)
    if variables:
        values = [t.example_for(v) or "" for v in variables]
        components.append(
            {"type": "body", "parameters": _parameters(variables, values, named=named)}
        )
        if _category(report) == Category.AUTHENTICATION:
            # The copy-code button carries the same code as the body.
            components.append(
                {
                    "type": "button",
                    "sub_type": "url",
                    "index": "0",
                    "parameters": [{"type": "text", "text": values[0]}],
                }
            )
    if _category(report) != Category.AUTHENTICATION:
        components += _send_buttons(t)
    template: dict[str, Any] = {"name": t.name, "language": {"code": _language(t)}}
    if components:
        template["components"] = components
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": RECIPIENT,
        "type": "template",
        "template": template,
    }


def blockers(report: Report, lang: str) -> list[dict[str, Any]]:
    """What stands in the way of an export: every error finding, then any required field the
    template lacks. Empty when the template can be exported."""
    lang = lang if lang in ("ru", "en") else "ru"
    found = [
        {
            "rule": f.rule,
            "field": f.field,
            "message": RULES[f.rule].message(lang, f.args),
        }
        for f in report.findings
        if f.severity is Severity.ERROR
    ]
    if not report.template.name:
        found.append({"rule": None, "field": "name", "message": NEEDS["name"][lang]})
    return found


def export(report: Report, lang: str = "ru") -> dict[str, Any]:
    """One template's export entry: `name`, `ok` (the checker's), `create` and `send` (null
    while anything blocks the export) and `blocked_by` (what blocks it, in `lang`)."""
    blocked = blockers(report, lang)
    return {
        "name": report.template.name,
        "ok": report.ok,
        "create": None if blocked else create_request(report),
        "send": None if blocked else send_request(report),
        "blocked_by": blocked,
    }
