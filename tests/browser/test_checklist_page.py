"""The personal checklist page in real Chromium: same steps and dates as the CLI, saved state,
export/import, share link, print to PDF, accessibility, nothing sent to another origin."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.pages.checker import CHECKER_STORAGE_KEY
from macros.pages.checklist import STORAGE_KEY, labels
from process.answers import ANSWER_KEYS, TEXT_KEYS
from process.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
KIT_FILES = ("--process", str(ROOT / "process.yml"), "--settings", str(ROOT / "mkdocs.yml"))
ROOT_SELECTOR = "[data-checklist]"
SETTLED = """() => {
  const r = document.querySelector('[data-checklist]');
  return r.dataset.checklistState === 'ready'
    && (r.dataset.checklistShown || '0') === (r.dataset.checklistRevision || '0');
}"""
STEPS = """() => [...document.querySelectorAll('[data-checklist-result] li[data-step]')].map(
  (n) => ({id: n.dataset.step, start: n.dataset.start, end: n.dataset.end,
           box: n.querySelector(':scope > .wa-pc-step-head > input[type=checkbox]') !== null}))"""
ANSWERS: dict[str, Any] = {
    "company": "ООО «Ромашка & Co»",
    "bm_id": "123456789012345",
    "manager_name": "Анна Петрова",
    "manager_contact": "anna@example.com",
    "start_date": "2026-12-29",  # across Russia's New Year holidays (31 December, 1-8 January)
    "contact_person": "Иван Сидоров, ivan@example.com",
    "phone": "+7 900 123-45-67",
    "website": "https://romashka.example",
    "display_name": "",  # shown (and typed) only when the name changes
    "description": "Цветы с доставкой по Москве.",
    "name_change": False,
    "description_change": True,
    "templates": [
        {"name": "order_shipped", "body": "Ваш заказ {{1}} передан в службу доставки."},
        {"name": "sale", "body": "Скидка 30% на всё до пятницы!"},
    ],
}


def _path(lang: str) -> str:
    return "en/checklist/" if lang == "en" else "checklist/"


def open_checklist(page: Any, url: str) -> Any:
    """Open the page and wait until Python answered for what the form holds."""
    page.goto(url)
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-state=ready]", timeout=90_000)
    page.wait_for_function(SETTLED)
    return page


CHANGES = {"name_change": "display_name", "description_change": "description"}
ALWAYS_ASKED = (*(k for k in TEXT_KEYS if k not in CHANGES.values()), "start_date")


def fill(page: Any, answers: dict[str, Any]) -> None:
    """Type the answers into the form as a reader would, then wait for the checklist."""
    for key in ALWAYS_ASKED:
        page.fill(f"[name={key}]", answers[key])
    for key, text_key in CHANGES.items():  # a change's new text is asked once it is ticked
        page.set_checked(f"[name={key}]", answers[key])
        if answers[key]:
            page.fill(f"[data-answer={text_key}]", answers[text_key])
    for template in answers["templates"]:
        page.click("[data-action=add-template]")
        block = page.locator("[data-template-block]").last
        block.locator("[data-template-field=name]").fill(template["name"])
        block.locator("textarea[name=templates]").fill(template["body"])
    page.wait_for_function(SETTLED)


def cli_json(answers: dict[str, Any], lang: str, tmp_path: Path) -> dict[str, Any]:
    """What ``wa-checklist --format json`` says for the same answers."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    assert cli_main([str(path), "--lang", lang, "--format", "json", *KIT_FILES], stdout=out) == 0
    return json.loads(out.getvalue())


def cli_steps(answers: dict[str, Any], lang: str, tmp_path: Path) -> list[dict[str, Any]]:
    """The CLI's steps as the page marks them (id, start, end, a checkbox)."""
    data = cli_json(answers, lang, tmp_path)
    return [
        {"id": s["id"], "start": s["start"], "end": s["end"], "box": True} for s in data["steps"]
    ]


@pytest.fixture
def fresh_context(browser: Any, requests_log: Any) -> Iterator[Any]:
    """A second, empty browser context (another reader's browser), recorded like `page`."""
    context = browser.new_context(service_workers="block")
    context.on("request", lambda request: requests_log.urls.append(request.url))
    try:
        yield context
    finally:
        context.close()


def pdf_pages(page: Any, path: Path) -> list[str]:
    """Print the page to an A4 PDF and return each page's text (whitespace squeezed)."""
    from pypdf import PdfReader

    page.pdf(path=str(path), format="A4", print_background=True)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


# Each page load starts Pyodide (~10 s): the tests that only read the page filled with ANSWERS
# share one page per language (`filled`); a test that changes it puts it back as it was.


@pytest.fixture(scope="module")
def filled_pages(recorded_contexts: Callable[[], Any], site_server: Any) -> Callable[[str], Any]:
    """`filled_pages(lang)`: the checklist page in that language filled with ANSWERS, opened once
    per module, each language in its own context (the page keeps its answers in the browser)."""
    opened: dict[str, Any] = {}

    def get(lang: str) -> Any:
        if lang not in opened:
            the_page = recorded_contexts().new_page()
            the_page.set_default_timeout(30_000)
            opened[lang] = open_checklist(the_page, site_server.url(_path(lang)))
            fill(opened[lang], ANSWERS)
        return opened[lang]

    return get


@pytest.fixture(params=["ru", "en"])
def filled(request: pytest.FixtureRequest, filled_pages: Callable[[str], Any]) -> Any:
    """The shared filled page, in each language."""
    the_page = filled_pages(request.param)
    the_page.lang = request.param
    return the_page


def test_the_page_shows_the_steps_dates_and_titles_of_wa_checklist(
    filled: Any, tmp_path: Path
) -> None:
    shown = filled.evaluate(STEPS)
    cli = cli_json(ANSWERS, filled.lang, tmp_path)
    assert shown == cli_steps(ANSWERS, filled.lang, tmp_path)  # each with a real checkbox
    ids = [s["id"] for s in shown]
    assert "change_description" in ids
    assert "approve_name" not in ids
    titles = filled.locator("[data-checklist-result] .wa-pc-step-title").all_inner_texts()
    assert titles == [s["title"] for s in cli["steps"]]
    assert filled.locator("[data-checklist-result] [data-warning]").count() == len(cli["warnings"])


def test_each_step_links_to_its_guide_section_in_the_same_language(
    filled: Any, site_server: Any
) -> None:
    link = filled.locator("li[data-step=registration] a.wa-pc-more")
    target = link.evaluate("(a) => a.href").removeprefix(site_server.origin + "/")
    assert target == ("en/" if filled.lang == "en" else "") + "registration/#duration"
    html = (site_server.root / target.partition("#")[0] / "index.html").read_text(encoding="utf-8")
    assert 'id="duration"' in html


def test_the_pdf_has_the_company_on_every_page_and_only_the_applicable_steps(
    filled: Any, tmp_path: Path
) -> None:
    ids = [s["id"] for s in filled.evaluate(STEPS)]
    pages = pdf_pages(filled, tmp_path / "checklist.pdf")
    text = " ".join(pages)
    every_step = cli_json({**ANSWERS, "name_change": True}, filled.lang, tmp_path)["steps"]
    for step in every_step:
        assert (" ".join(step["title"].split()) in text) == (step["id"] in ids), step["id"]
    for page_text in pages:
        assert ANSWERS["company"] in page_text
    assert "Анна Петрова" in text
    assert "123456789012345" in text
    # The dates follow Russia's working days and every estimate says it is one, on paper too.
    sign = next(step for step in every_step if step["id"] == "sign_contract")
    assert sign["end"] == "2027-01-15"  # the draft by 30 December, then 11-15 January
    assert " ".join(sign["when"].split()) in text
    assert " ".join(sign["duration"].split()) in text
    assert ("оценка)" if filled.lang == "ru" else "estimate)") in sign["duration"]


def test_no_serious_accessibility_violation_even_with_a_field_error(
    filled_pages: Callable[[str], Any], axe: Any
) -> None:
    """In Russian (both languages come from one generator; axe costs about 5 s a run)."""
    filled = filled_pages("ru")
    assert axe(filled) == []
    # the one required field is marked, on screen and for assistive technology
    assert filled.locator("[data-checklist-form] [aria-required=true]").count() == 1
    assert filled.get_attribute("[name=company]", "aria-required") == "true"
    assert filled.locator("label[for=wa-pc-f-company] .wa-pc-required").is_visible()
    filled.fill("[name=bm_id]", "12ab")
    filled.wait_for_function(SETTLED)
    try:
        assert axe(filled) == []
    finally:
        filled.fill("[name=bm_id]", ANSWERS["bm_id"])
        filled.wait_for_function(SETTLED)


@pytest.fixture
def filled_en(filled_pages: Callable[[str], Any]) -> Any:
    """The shared English page filled with ANSWERS."""
    return filled_pages("en")


def test_a_name_change_adds_its_steps_and_its_warning(filled_en: Any) -> None:
    assert filled_en.locator("[data-warning=approve_name]").count() == 0
    filled_en.check("[name=name_change]")
    filled_en.wait_for_function(SETTLED)
    try:
        assert {"approve_name", "change_name"} <= {s["id"] for s in filled_en.evaluate(STEPS)}
        assert "two-factor" in filled_en.locator("[data-warning=approve_name]").inner_text()
        filled_en.fill("[name=display_name]", "Romashka Flowers")  # asked once it changes
        filled_en.wait_for_function(SETTLED)
        new_name = filled_en.locator("[data-summary=display_name] td").inner_text()
        assert new_name == "Romashka Flowers"
        filled_en.fill("[name=display_name]", "")
        filled_en.wait_for_function(SETTLED)
    finally:
        filled_en.uncheck("[name=name_change]")
        filled_en.wait_for_function(SETTLED)
    assert filled_en.locator("[data-warning=approve_name]").count() == 0
    assert filled_en.locator("[name=display_name]").is_hidden()
    assert filled_en.locator("[data-summary=display_name]").count() == 0


def test_the_templates_are_checked_by_the_validator_in_the_same_worker(filled_en: Any) -> None:
    items = filled_en.locator("[data-checklist-result] [data-template]")
    assert items.count() == 2
    assert "wa-pc-template--bad" in (items.nth(1).get_attribute("class") or "")
    assert filled_en.locator("[data-warning=templates_errors]").count() == 1
    summary = filled_en.locator("[data-checklist-result] .wa-pc-summary").inner_text()
    assert "Скидка 30% на всё до пятницы!" in summary
    # what the questionnaire needs: contact, phone, website, the new description, the errors
    for key in ("contact_person", "phone", "website", "description"):
        assert filled_en.locator(f"[data-summary={key}] td").inner_text() == ANSWERS[key]
    errors = filled_en.locator("[data-summary=templates_errors] td")
    assert errors.inner_text() == "order_shipped, sale"
    # {{1}} gets a field for its example value, which clears the missing-example error
    assert "wa-pc-template--bad" in (items.nth(0).get_attribute("class") or "")
    example = filled_en.locator("[data-template-block]").first.locator("[data-template-example]")
    assert example.count() == 1
    assert "{{1}}" in filled_en.locator(f"label[for={example.get_attribute('id')}]").inner_text()
    example.fill("A-1029")
    filled_en.wait_for_function(SETTLED)
    try:
        assert "wa-pc-template--ok" in (items.nth(0).get_attribute("class") or "")
        assert errors.inner_text() == "sale"
    finally:
        example.fill("")
        filled_en.wait_for_function(SETTLED)
    assert "wa-pc-template--bad" in (items.nth(0).get_attribute("class") or "")


def test_a_bad_bm_id_gets_a_plain_message_naming_the_field(filled_en: Any) -> None:
    filled_en.fill("[name=bm_id]", "1234-5678")
    filled_en.wait_for_function(SETTLED)
    try:
        message = filled_en.locator("[data-field-error=bm_id]").inner_text()
        assert message.startswith("a Business Manager ID is digits only")  # no "bm_id:"
        assert "digits" in message
        assert filled_en.get_attribute("[name=bm_id]", "aria-invalid") == "true"
        filled_en.fill("[name=bm_id]", "98765432101")
        filled_en.wait_for_function(SETTLED)
        assert filled_en.locator("[data-field-error=bm_id]").inner_text() == ""
        filled_en.fill("[name=start_date]", "1899-12-31")
        filled_en.wait_for_function(SETTLED)
        message = filled_en.locator("[data-field-error=start_date]").inner_text()
        assert message.startswith("the start date must lie between")  # no "start_date:"
        filled_en.fill("[name=start_date]", ANSWERS["start_date"])
        filled_en.click("[data-action=add-template]")  # a name without a text
        filled_en.locator("[data-template-field=name]").last.fill("no_text_yet")
        filled_en.wait_for_function(SETTLED)
        message = filled_en.locator("[data-field-error=templates]").inner_text()
        assert message == "Template 3: the template's text is empty"
    finally:
        if filled_en.locator("[data-template-block]").count() > 2:
            filled_en.locator("[data-action=remove-template]").last.click()
        filled_en.fill("[name=start_date]", ANSWERS["start_date"])
        filled_en.fill("[name=bm_id]", ANSWERS["bm_id"])
        filled_en.wait_for_function(SETTLED)


def test_the_print_button_and_the_print_layout(filled_en: Any) -> None:
    """No chrome, drawn boxes, steps kept whole, the company in the page margin."""
    filled_en.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed++; }; }"
    )
    filled_en.click("[data-action=print]")
    assert filled_en.evaluate("() => window.__printed") == 1
    filled_en.check("#wa-pc-send_questionnaire")
    filled_en.emulate_media(media="print")
    try:
        hidden = filled_en.evaluate(
            """() => ['.md-header', '.md-sidebar', '.md-footer', '[data-checklist-form]',
                      '.wa-pc-actions'].map((s) => {
              const n = document.querySelector(s);
              return n === null || getComputedStyle(n).display === 'none';
            })"""
        )
        assert all(hidden)
        step = filled_en.locator("li[data-step=send_questionnaire]")
        assert step.evaluate("(n) => getComputedStyle(n).breakInside") == "avoid"
        box = filled_en.locator("#wa-pc-send_questionnaire")
        assert box.evaluate("(n) => getComputedStyle(n).appearance") == "none"
        assert box.evaluate("(n) => getComputedStyle(n).borderTopStyle") == "solid"
        css = filled_en.evaluate(
            "() => document.querySelector('style[data-checklist-print]').textContent"
        )
        assert "@top-left" in css
        assert "Ромашка" in css
    finally:
        filled_en.emulate_media(media="null")
        filled_en.uncheck("#wa-pc-send_questionnaire")


def test_answers_and_ticks_survive_a_closed_tab(page: Any, site_server: Any) -> None:
    url = site_server.url("checklist/")
    open_checklist(page, url)
    fill(page, ANSWERS)
    page.check("#wa-pc-send_questionnaire")
    page.check("#wa-pc-company_details-2")
    # the step is done once all its items are, and the count follows
    progress = page.locator("[data-checklist-progress]")
    assert progress.inner_text().startswith("Сделано 1 из")
    page.check("#wa-pc-registration-1")
    assert not page.is_checked("#wa-pc-registration")
    page.check("#wa-pc-registration-2")
    assert page.is_checked("#wa-pc-registration")
    assert progress.inner_text().startswith("Сделано 2 из")
    page.uncheck("#wa-pc-registration-2")
    assert not page.is_checked("#wa-pc-registration")
    page.check("#wa-pc-registration-2")
    example = "[data-template-block] [data-template-example='1']"
    page.fill(example, "A-1029")
    page.wait_for_function(SETTLED)
    before = page.evaluate(STEPS)
    # The tab closed and the site opened again: stricter than a reload, which would also pass
    # with sessionStorage; one page load instead of two.
    other = page.context.new_page()
    page.close()
    page = open_checklist(other, url)
    for key in (*ALWAYS_ASKED, "description"):
        assert page.input_value(f"[data-answer={key}]") == ANSWERS[key]
    assert page.input_value(example) == "A-1029"  # shown again once Python found {{1}}
    assert page.is_checked("[name=description_change]")
    assert not page.is_checked("[name=name_change]")
    bodies = page.locator("textarea[name=templates]")
    assert [bodies.nth(i).input_value() for i in range(bodies.count())] == [
        t["body"] for t in ANSWERS["templates"]
    ]
    assert page.is_checked("#wa-pc-send_questionnaire")
    assert page.is_checked("#wa-pc-company_details-2")
    assert not page.is_checked("#wa-pc-company_details-1")
    assert page.is_checked("#wa-pc-registration")
    assert page.locator("[data-checklist-progress]").inner_text().startswith("Сделано 2 из")
    assert page.evaluate(STEPS) == before


BAD_FILES = [
    ("notes.json", "this is not JSON"),
    ("package.json", '{"name": "left-pad", "version": "1.0.0"}'),
    ("answers.json", json.dumps({**ANSWERS, "bm_id": "12x45"})),
    ("answers.json", json.dumps({**ANSWERS, "start_date": "02.12.2026"})),
]


def test_export_import_bad_files_and_start_over(
    page: Any, site_server: Any, tmp_path: Path
) -> None:
    open_checklist(page, site_server.url("en/checklist/"))
    fill(page, ANSWERS)
    page.check("#wa-pc-registration")
    before = page.evaluate(STEPS)
    with page.expect_download() as download:
        page.click("[data-action=export]")
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert tuple(data) == (*ANSWER_KEYS, "ticks")  # the ticks too (the CLI ignores them)
    assert data["ticks"]["registration"] is True
    assert data["company"] == ANSWERS["company"]
    assert cli_steps(data, "en", tmp_path) == before  # the exported file is a CLI answers file
    # a bad or foreign file: a plain error, and nothing changes
    for name, content in BAD_FILES:
        path = tmp_path / "bad" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
        page.evaluate(
            "() => { delete document.querySelector('[data-checklist]').dataset.checklistImport; }"
        )
        page.set_input_files("input[data-action=import]", str(path))
        page.wait_for_function(
            "() => document.querySelector('[data-checklist]').dataset.checklistImport === 'error'"
        )
        assert "Nothing has changed" in page.locator("[data-checklist-announce]").inner_text()
        assert page.input_value("[name=company]") == ANSWERS["company"]
        assert page.evaluate(STEPS) == before
    # "Start over" asks first: dismissed, nothing changes; accepted, all is cleared
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-action=reset]")
    assert page.input_value("[name=company]") == ANSWERS["company"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=reset]")
    page.wait_for_function(SETTLED)
    assert page.evaluate(STEPS) == []
    assert page.input_value("[name=company]") == ""
    waiting = page.locator("[data-checklist-result]").inner_text()  # why there is no checklist
    assert waiting == labels("en")["ui_company_needed"]
    saved = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(STORAGE_KEY)}))")
    assert saved["ticks"] == {}
    # importing the exported file gives the same checklist back
    page.set_input_files("input[data-action=import]", str(exported))
    page.wait_for_function(
        "() => document.querySelector('[data-checklist]').dataset.checklistImport === 'ok'"
    )
    page.wait_for_function(SETTLED)
    assert page.evaluate(STEPS) == before
    assert page.input_value("[name=company]") == ANSWERS["company"]
    assert page.is_checked("#wa-pc-registration")


def test_the_share_link_reproduces_the_checklist_elsewhere(
    page: Any, site_server: Any, fresh_context: Any, requests_log: Any
) -> None:
    open_checklist(page, site_server.url("checklist/", kit=True))
    fill(page, {**ANSWERS, "name_change": True, "display_name": "Ромашка: цветы"})
    page.check("#wa-pc-registration")
    before = page.evaluate(STEPS)
    page.click("[data-action=share]")
    link = page.input_value("[data-share-link]")
    assert "#answers=" in link
    assert "Ромашка" not in link  # encoded, not readable text in the address
    fresh_context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=site_server.origin
    )
    other = fresh_context.new_page()
    open_checklist(other, link)
    assert other.evaluate(STEPS) == before
    assert other.input_value("[name=company]") == ANSWERS["company"]
    assert other.is_checked("#wa-pc-registration")  # the link carries the ticks
    assert other.is_checked("#wa-pc-registration-2")
    other.click("[data-action=copy-summary]")  # the questionnaire summary, ready to send
    other.wait_for_function(
        "(done) => document.querySelector('[data-checklist-announce]').textContent === done",
        arg=labels("ru")["ui_copied"],
    )
    copied = other.evaluate("() => navigator.clipboard.readText()")
    assert ANSWERS["company"] in copied
    assert ANSWERS["templates"][1]["body"] in copied
    for text in ("Ромашка: цветы", ANSWERS["description"], ANSWERS["phone"], ANSWERS["website"]):
        assert text in copied
    assert "order_shipped, sale" in copied  # the templates that still have errors
    assert "2. sale (Маркетинг)" in copied  # Meta's category name in the page's language
    assert other.locator("[data-checklist]").get_attribute("data-checklist-notice") == "link"
    assert "#" not in other.url  # taken into the form and the saved state, then dropped
    assert [u for u in requests_log.urls if "answers=" in u] == []  # never sent to the server
    requests_log.assert_same_origin()


def test_a_damaged_state_is_reported_and_a_checker_template_can_be_taken(
    page: Any, site_server: Any
) -> None:
    page.goto(site_server.url(""))  # the same origin, without starting Python
    # What the checker page keeps (tests/browser/test_checker.py asserts this very shape there).
    saved = {
        "template": {
            "name": "from_checker",
            "body": "Заказ {{1}} готов к выдаче.",
            "examples": {"1": "A-17"},
        }
    }
    page.evaluate(
        "([key, broken, checkerKey, template]) => {"
        " localStorage.setItem(key, broken); localStorage.setItem(checkerKey, template); }",
        [STORAGE_KEY, '{"version": 1, "ans', CHECKER_STORAGE_KEY, json.dumps(saved)],
    )
    open_checklist(page, site_server.url("checklist/"))
    assert page.locator(ROOT_SELECTOR).get_attribute("data-checklist-notice") == "corrupt"
    assert page.locator("[data-checklist-announce]").inner_text()
    assert page.input_value("[name=company]") == ""
    fill(page, {**ANSWERS, "templates": []})
    assert len(page.evaluate(STEPS)) > 5
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(STORAGE_KEY)}))")
    assert stored["answers"]["company"] == ANSWERS["company"]  # the page recovered and saves
    page.click("[data-action=from-checker]")
    page.wait_for_function(SETTLED)
    assert page.input_value("textarea[name=templates]") == "Заказ {{1}} готов к выдаче."
    assert "from_checker" in page.locator("[data-checklist-result] [data-template]").inner_text()


def test_a_runtime_that_cannot_start_gives_the_error_state(page: Any, site_server: Any) -> None:
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(site_server.url("en/checklist/"))
    page.wait_for_selector(f"{ROOT_SELECTOR}[data-checklist-state=error]", timeout=60_000)
    assert "recent Chrome" in page.locator("[data-checklist-status]").inner_text()
    page.fill("[name=company]", "Still typed")  # the form still works and keeps the answers
    saved = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(STORAGE_KEY)}))")
    assert saved["answers"]["company"] == "Still typed"
