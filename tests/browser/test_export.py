"""The checker page's export in real Chromium: the same bytes as `python -m validator --export`,
Copy puts them on the clipboard, errors block it, bulk downloads every exportable template."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from checker_page import SHOWN, follow_hash, wait_until_checked

ROOT = Path(__file__).resolve().parents[2]
NAMED = {
    "name": "order_shipped",
    "category": "UTILITY",
    "header": "Заказ {{order_number}}",
    "header_example": "A-10293",
    "body": "Здравствуйте, {{first_name}}! Заказ {{order_number}} передан в службу доставки, "
    "курьер привезёт его {{delivery_date}} после звонка.",
    "examples": {"first_name": "Анна", "order_number": "A-10293", "delivery_date": "12 декабря"},
    "footer": "Это автоматическое уведомление",
}
POSITIONAL = {
    "name": "order_on_its_way",
    "body": "Hello {{1}}, your order {{2}} has been handed to the courier and arrives on {{3}} "
    "before noon.",
    "examples": {"1": "Mark", "2": "B-77", "3": "May 12"},
}
BLOCKED = {"name": "sale", "body": "Скидка 20% на всё! Только сегодня."}
WITH_BUTTONS = {
    "name": "order_handed_over",
    "body": "Здравствуйте, {{1}}! Заказ {{2}} передан в службу доставки, курьер позвонит заранее.",
    "examples": {"1": "Анна", "2": "A-10293"},
    "buttons": [
        {
            "type": "URL",
            "text": "Отследить",
            "url": "https://shop.example.ru/t/{{1}}",
            "example": "A-10293",
        },
        {"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+74951234567"},
        "Спасибо",
    ],
}


def cli_export(
    templates: list[dict[str, Any]], lang: str, tmp_path: Path, mode: str = "provider"
) -> dict[str, Any]:
    """`python -m validator --export --lang LANG --mode MODE FILE` for the templates, parsed."""
    source = tmp_path / f"export-{lang}.json"
    source.write_text(json.dumps({"templates": templates}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "validator",
            "--export",
            "--lang",
            lang,
            "--mode",
            mode,
            str(source),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def checker(browser: Any, site_server: Any) -> Iterator[Any]:
    """One Russian checker page, its export panel open, shared by this module's tests (each
    loads its template through the address, as the library's links do)."""
    urls: list[str] = []
    context = browser.new_context(service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(site_server.url("checker/"))
    wait_until_checked(page)
    page.click("[data-export-open]")
    page.wait_for_function(SHOWN)
    yield page
    context.close()
    foreign = [u for u in urls if u.startswith("http") and not u.startswith(site_server.origin)]
    assert foreign == []


def load(page: Any, template: dict[str, Any]) -> None:
    """Put a template in the checker through the address's hash; wait for its check and export."""
    follow_hash(page, "#template=" + quote(json.dumps(template)))


def shown(page: Any, key: str) -> str:
    return page.text_content(f'[data-export-json="{key}"]')


def test_export_equals_the_cli_byte_for_byte_and_copies(checker: Any, tmp_path: Path) -> None:
    page = checker
    cli = cli_export([NAMED, POSITIONAL], "ru", tmp_path)["templates"]
    assert all(entry["create"] for entry in cli)
    for template, entry in zip([NAMED, POSITIONAL], cli, strict=True):
        load(page, template)
        assert page.get_attribute("[data-export]", "data-export-state") == "ready"
        for key in ("create", "send"):
            assert shown(page, key) == json.dumps(entry[key], ensure_ascii=False, indent=2)
    assert json.loads(shown(page, "create"))["parameter_format"] == "positional"
    page.evaluate("() => { document.querySelector('[data-export-announce]').textContent = ''; }")
    page.click('[data-export-copy="send"]')
    page.wait_for_function("() => document.querySelector('[data-export-announce]').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == shown(page, "send")
    with page.expect_download() as download:
        page.click('[data-export-download="create"]')
    assert download.value.suggested_filename == "order_on_its_way.create.json"
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved == json.dumps(cli[1]["create"], ensure_ascii=False, indent=2) + "\n"


def test_a_template_with_errors_offers_no_export(checker: Any, tmp_path: Path) -> None:
    page = checker
    load(page, BLOCKED)
    assert page.get_attribute("[data-export]", "data-export-state") == "blocked"
    assert not page.is_visible("[data-export-documents]")
    assert not page.is_visible('[data-export-copy="create"]')
    assert shown(page, "create") == ""
    blockers = page.eval_on_selector_all(
        "[data-export-blockers] li", "nodes => nodes.map(n => [n.dataset.blocker, n.textContent])"
    )
    expected = cli_export([BLOCKED], "ru", tmp_path)["templates"][0]["blocked_by"]
    assert blockers == [[b["rule"] or b["field"], b["message"]] for b in expected]
    assert "promo.discount" in {rule for rule, _ in blockers}
    # Fixing the text brings the export back without reopening the panel.
    page.fill("[data-field=body]", "Здравствуйте! Ваш заказ передан в доставку, курьер позвонит.")
    page.wait_for_function(SHOWN)
    assert page.get_attribute("[data-export]", "data-export-state") == "ready"


def test_bulk_downloads_every_template_without_errors(checker: Any, tmp_path: Path) -> None:
    page = checker
    templates = [NAMED, BLOCKED, POSITIONAL]
    page.select_option("[data-bulk-format]", "json")
    page.fill("[data-bulk-text]", json.dumps(templates, ensure_ascii=False))
    page.click("[data-bulk-form] button[type=submit]")
    page.wait_for_selector("[data-checker][data-bulk-result=checked]")
    with page.expect_download() as download:
        page.click('[data-download="export"]')
    assert download.value.suggested_filename == "templates-export.json"
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    cli = cli_export(templates, "ru", tmp_path)["templates"]
    exportable = {"templates": [entry for entry in cli if entry["create"]]}
    assert [t["name"] for t in exportable["templates"]] == ["order_shipped", "order_on_its_way"]
    assert saved == json.dumps(exportable, ensure_ascii=False, indent=2) + "\n"


def test_button_editor_in_meta_mode_exports_as_the_cli(checker: Any, tmp_path: Path) -> None:
    """A template with buttons opens in Meta mode with one editor row per button, its export is
    the CLI's (--mode meta) byte for byte; editing a row re-checks; provider mode hides them."""
    page = checker
    load(page, WITH_BUTTONS)
    assert page.input_value("[data-field=mode]") == "meta"
    assert page.is_visible("[data-buttons]")
    rows = "[data-button-list] [data-button-row]"
    assert page.eval_on_selector_all(
        rows,
        "rs => rs.map(r => [r.querySelector('[data-button-type]').value,"
        " r.querySelector('[data-button-text]').value])",
    ) == [["URL", "Отследить"], ["PHONE_NUMBER", "Позвонить"], ["QUICK_REPLY", "Спасибо"]]
    # The counter of the body as sent: "{{1}}" and "{{2}}" replaced by "Анна" and "A-10293".
    body = WITH_BUTTONS["body"]
    filled = len(body) - len("{{1}}{{2}}") + len("АннаA-10293")
    assert page.text_content('[data-count="body_with_examples"]') == str(filled)
    entry = cli_export([WITH_BUTTONS], "ru", tmp_path, mode="meta")["templates"][0]
    assert entry["create"]["components"][-1]["type"] == "BUTTONS"
    for key in ("create", "send"):
        assert shown(page, key) == json.dumps(entry[key], ensure_ascii=False, indent=2)
    page.fill(f"{rows}:nth-child(3) [data-button-text]", "Спасибо, всё понятно и удобно")
    page.wait_for_function(SHOWN)
    assert page.is_visible('[data-rule="format.button_label_length"]')
    assert page.get_attribute("[data-export]", "data-export-state") == "blocked"
    page.click(f"{rows}:nth-child(3) [data-button-remove]")
    page.click("[data-button-add]")
    page.select_option(f"{rows}:nth-child(3) [data-button-type]", "COPY_CODE")
    page.fill(f"{rows}:nth-child(3) [data-button-value]", "PICKUP-1234")
    page.wait_for_function(SHOWN)
    create = json.loads(shown(page, "create"))
    assert create["components"][-1]["buttons"][-1] == {
        "type": "COPY_CODE",
        "example": "PICKUP-1234",
    }
    page.select_option("[data-field=mode]", "provider")
    page.wait_for_function(SHOWN)
    assert not page.is_visible("[data-buttons]")
    assert not page.is_visible('[data-rule="format.text_only"]')  # hidden buttons are not sent


def test_longest_values_count_the_body_after_substitution(checker: Any) -> None:
    """A longest value typed for {{1}} goes into the check (max_lengths): the counter shows the
    body with it in place, as the CLI counts it, and a body that could pass 1024 is warned of;
    a linked template's max_lengths fill the inputs."""
    from validator import check

    page = checker
    load(page, POSITIONAL)
    assert page.input_value('[data-max-length="1"]') == ""
    page.fill('[data-max-length="1"]', "1000")
    page.wait_for_function(SHOWN)
    expected = check({**POSITIONAL, "max_lengths": {"1": 1000}}).counts["body_longest"]
    assert expected > 1024
    assert page.text_content('[data-count="body_longest"]') == str(expected)
    counter = page.locator('[data-counter]:has([data-count="body_longest"])')
    assert "kit-checker-counter--over" in (counter.get_attribute("class") or "")
    assert page.is_visible('[data-rule="length.body_substituted"]')
    load(page, {**POSITIONAL, "max_lengths": {"2": 12}})
    assert page.input_value('[data-max-length="1"]') == ""
    assert page.input_value('[data-max-length="2"]') == "12"
    assert not page.is_visible('[data-rule="length.body_substituted"]')
