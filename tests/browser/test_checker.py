"""The template checker page in real Chromium: same findings as the CLI, safe rendering, offline."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from checker_page import READY, SHOWN, THEME_STARTED

from macros.pages.checker import CHECKER_STORAGE_KEY, MAX_BULK_CHARS, MAX_CHARS, labels
from validator.batch import BATCH_RULES
from validator.cli import main as cli_main
from validator.sources import FIELDS, parse

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validator" / "cases"
TEMPLATE_KEYS = FIELDS
FORM_KEYS = {"name", "category", "header", "body", "footer"}
FORM_CATEGORIES = {"UTILITY", "MARKETING", "AUTHENTICATION"}
SET_FIELDS = """(values) => {
  const root = document.querySelector('[data-checker]');
  for (const node of root.querySelectorAll('[data-checker-form] [data-field]')) {
    if (node.dataset.field !== 'mode') node.value = values[node.dataset.field] || '';
  }
  root.querySelector('[data-field=body]').dispatchEvent(new Event('input', {bubbles: true}));
}"""
BODY_MARKS = """() => {
  const out = [];
  let at = 0;
  for (const node of document.querySelector('[data-backdrop=body]').childNodes) {
    const len = node.textContent.length;
    if (node.nodeName === 'MARK') out.push([at, at + len, node.textContent]);
    at += len;
  }
  return out;
}"""

# Each highlight's background (over the field's) and the contrast of the field's text on it.
MARK_COLOURS = """() => {
  const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const over = (top, under) => {
    const a = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a));
  };
  const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map(linear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const field = document.querySelector('[data-field=body]');
  const ground = over(rgba(getComputedStyle(field.parentElement).backgroundColor),
    rgba(getComputedStyle(document.body).backgroundColor));
  const out = {};
  for (const severity of ['error', 'warning']) {
    const mark = document.querySelector(`[data-backdrop=body] .kit-checker-mark--${severity}`);
    const back = over(rgba(getComputedStyle(mark).backgroundColor), ground);
    const [hi, lo] = [luminance(over(rgba(getComputedStyle(field).color), back)), luminance(back)]
      .sort((a, b) => b - a);
    const contrast = (hi + 0.05) / (lo + 0.05);
    out[severity] = {background: back.map(Math.round).join(','), contrast};
  }
  return out;
}"""


def _page_path(lang: str) -> str:
    return "en/checker/" if lang == "en" else "checker/"


def open_checker(page: Any, url: str) -> Any:
    """Open a checker page and wait until Python is ready in its worker."""
    page.goto(url)
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_function(SHOWN)
    return page


def set_fields(page: Any, values: dict[str, str]) -> list[str]:
    """Fill the form at once, wait for the check of exactly that input, return shown rule ids."""
    page.evaluate(SET_FIELDS, values)
    page.wait_for_function(SHOWN)
    return page.eval_on_selector_all(
        "[data-findings] [data-rule]", "nodes => nodes.map(n => n.dataset.rule)"
    )


def cli_json(*args: str) -> dict[str, Any]:
    """The CLI's --json report (`wa-check --json ARGS`, run in this process)."""
    out = io.StringIO()
    assert cli_main(["--json", *args], stdout=out) in (0, 1)
    return json.loads(out.getvalue())


def cli_report(templates: list[dict[str, Any]], lang: str, tmp_path: Path) -> dict[str, Any]:
    """The CLI's --json report for the templates (written to a .json file as a user would)."""
    source = tmp_path / f"templates-{lang}.json"
    source.write_text(json.dumps({"templates": templates}, ensure_ascii=False), encoding="utf-8")
    return cli_json("--lang", lang, str(source))


def case_templates() -> list[dict[str, Any]]:
    """Every case of the validator's test data as a template (read generically); a case's
    `batch` templates (checked before it) come just before it."""
    templates = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = data.get("cases", []) if isinstance(data, dict) else data or []
        for item in items:
            if not isinstance(item, dict):
                continue
            source = item.get("template") if isinstance(item.get("template"), dict) else item
            for one in [*item.get("batch", []), source]:
                template = {k: one[k] for k in TEMPLATE_KEYS if k in one}
                if isinstance(template.get("body"), str):
                    templates.append(template)
    if not templates:
        pytest.skip("tests/validator/cases/*.yaml holds no cases yet")
    return templates


@pytest.fixture(scope="module")
def ru_checker(recorded_contexts: Any, site_server: Any) -> Any:
    """One Russian checker page shared by the tests that only type into it."""
    page = recorded_contexts().new_page()
    page.set_default_timeout(30_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    return open_checker(page, site_server.url("checker/"))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_bulk_report_equals_cli_json(
    page: Any, site_server: Any, requests_log: Any, tmp_path: Path, lang: str
) -> None:
    templates = case_templates()
    expected = cli_report(templates, lang, tmp_path)
    if lang == "en":  # every case in Russian; in English a case of every rule (the same code)
        chosen = _one_case_per_finding(templates, expected["templates"])
        templates = [templates[i] for i in chosen]
        expected = cli_report(templates, lang, tmp_path)
    open_checker(page, site_server.url(_page_path(lang)))
    # The page lists every column the checker reads, and its sample CSV and YAML hold the same
    # templates in the page's language, read as the checker reads files.
    documented = page.eval_on_selector_all(
        "[data-bulk-columns] tbody code", "nodes => nodes.map(n => n.textContent)"
    )
    assert documented == list(FIELDS)
    samples = []
    for kind in ("csv", "yaml"):  # read from the links' data: addresses (no download round trip)
        link = page.locator(f"[data-bulk-sample={kind}]")
        text = unquote(link.get_attribute("href").split(",", 1)[1])
        samples.append(parse(link.get_attribute("download"), text))
    assert samples[0] == samples[1]
    assert samples[0] and {t["language"] for t in samples[0]} == {lang}
    page.select_option("[data-bulk-format]", "json")
    page.fill("[data-bulk-text]", json.dumps({"templates": templates}, ensure_ascii=False))
    page.click("[data-bulk-form] button[type=submit]")
    page.wait_for_selector("[data-checker][data-bulk-result=checked]")
    rows = page.eval_on_selector_all(
        ".kit-checker-table tbody tr",
        "rows => rows.map(r => [...r.querySelectorAll('[data-rule]')].map(n => n.dataset.rule))",
    )
    assert rows == [[f["rule"] for f in t["findings"]] for t in expected["templates"]]
    with page.expect_download() as download:
        page.click("[data-download=json]")
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8")) == expected
    with page.expect_download() as download:
        page.click("[data-download=csv]")
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("name,ok,category_hint,rule,")
    assert len(csv_text.splitlines()) == 1 + sum(
        max(1, len(t["findings"])) for t in expected["templates"]
    )
    requests_log.assert_same_origin()


def _one_case_per_finding(
    templates: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> list[int]:
    """Indexes of the cases that bring a rule not seen yet, and of one clean case per field set:
    every rule the cases reach is typed into the form once (every case goes through the browser
    in test_bulk_report_equals_cli_json, in both languages)."""
    chosen, seen, clean = [], set(), set()
    for i, (template, report) in enumerate(zip(templates, expected, strict=True)):
        rules = {f["rule"] for f in report["findings"]}
        shape = frozenset(template)
        if rules - seen or (not rules and shape not in clean):
            chosen.append(i)
            seen |= rules
            clean |= {shape} if not rules else set()
    return chosen


def test_form_findings_equal_cli_for_a_case_of_every_rule(ru_checker: Any, tmp_path: Path) -> None:
    templates = [
        t
        for t in case_templates()
        if set(t) <= FORM_KEYS
        and t.get("category", "UTILITY") in FORM_CATEGORIES
        and all(isinstance(v, str) and (v or k == "body") for k, v in t.items())
    ]  # the form cannot tell an empty field from a missing one, so those cases go in bulk
    expected = cli_report(templates, "ru", tmp_path)["templates"]
    chosen = _one_case_per_finding(templates, expected)
    assert len({f["rule"] for i in chosen for f in expected[i]["findings"]}) >= 40
    templates = [templates[i] for i in chosen]
    expected = [expected[i] for i in chosen]
    shown = [set_fields(ru_checker, t) for t in templates]
    # The form checks one template at a time, the CLI these as one batch: batch rules aside.
    assert shown == [
        [f["rule"] for f in e["findings"] if f["rule"] not in BATCH_RULES] for e in expected
    ]


def test_highlights_land_on_the_right_characters_with_emoji(
    ru_checker: Any, tmp_path: Path
) -> None:
    body = "🎉🎉 Здравствуйте, {{1}}! Скидка 50% на всё 👨‍👩‍👧 до пятницы 🎁 {{2}}"
    set_fields(ru_checker, {"body": body})
    findings = cli_report([{"body": body}], "ru", tmp_path)["templates"][0]["findings"]
    spans = [
        (f["start"], f["end"]) for f in findings if f["field"] == "body" and f["end"] > f["start"]
    ]
    assert spans, "the sample must trigger findings with spans"
    # Expected: the same code points, counted in UTF-16 units as the DOM counts them.
    utf16 = [0]
    for ch in body:
        utf16.append(utf16[-1] + len(ch.encode("utf-16-le")) // 2)
    covered = {u for s, e in spans for u in range(utf16[s], utf16[e])}
    marks = ru_checker.evaluate(BODY_MARKS)
    assert {u for s, e, _ in marks for u in range(s, e)} == covered
    marked_text = {text for _, _, text in marks}
    assert any(body[s:e] in marked_text for s, e in spans)
    # An error and a warning, each highlighted in its own colour that keeps the field's text
    # readable (WCAG AA, 4.5:1) in the light and the dark scheme; the mixed-language warning
    # covers the whole foreign passage, not only its first word (the checker's span).
    mixed = (
        "{{1}}, здравствуйте! Your order has been shipped, курьер позвонит заранее."
        " Ждём вас, {{Order-Id}}"
    )
    set_fields(ru_checker, {"body": mixed})
    marked = {text for _, _, text in ru_checker.evaluate(BODY_MARKS)}
    assert "Your order has been shipped" in marked
    light = ru_checker.evaluate(MARK_COLOURS)
    ru_checker.evaluate("document.body.dataset.mdColorScheme = 'slate'")
    try:
        dark = ru_checker.evaluate(MARK_COLOURS)
    finally:
        ru_checker.evaluate("document.body.dataset.mdColorScheme = 'default'")
    for scheme in (light, dark):
        assert scheme["error"]["background"] != scheme["warning"]["background"]
        assert min(scheme["error"]["contrast"], scheme["warning"]["contrast"]) >= 4.5
    assert light["error"]["background"] != dark["error"]["background"]
    # "Apply" writes a finding's suggested replacement into the text.
    ru_checker.click("[data-findings] [data-apply-suggestion='variables.syntax']")
    ru_checker.wait_for_function(SHOWN)
    assert ru_checker.input_value("[data-field=body]").endswith("Ждём вас, {{order_id}}")
    rules = ru_checker.eval_on_selector_all(
        "[data-findings] [data-rule]", "n => n.map(x => x.dataset.rule)"
    )
    assert "variables.syntax" not in rules


@pytest.mark.parametrize(
    "attack", ["<img src=x onerror=window.__xss=1>", "<script>window.__xss=1</script>"]
)
def test_pasted_html_is_shown_as_text(ru_checker: Any, attack: str) -> None:
    body = f"Здравствуйте, {{{{1}}}}! {attack} *{attack}* Спасибо."
    set_fields(ru_checker, {"name": attack, "header": attack, "body": body, "footer": attack})
    widget = ru_checker.locator("[data-checker]")
    assert widget.locator("img[src=x], [data-preview] script, [data-findings] script").count() == 0
    assert attack in ru_checker.inner_text("[data-preview]")
    assert attack in ru_checker.text_content("[data-backdrop=body]")
    assert ru_checker.evaluate("window.__xss") is None
    ru_checker.select_option("[data-bulk-format]", "txt")
    ru_checker.fill("[data-bulk-text]", body)
    ru_checker.click("[data-bulk-form] button[type=submit]")
    ru_checker.wait_for_selector("[data-checker][data-bulk-result=checked]")
    assert widget.locator("[data-bulk-result] img, [data-bulk-result] script").count() == 0
    assert ru_checker.evaluate("window.__xss") is None
    assert ru_checker.dialogs == []
    # CSV pasted as JSON: the checker's reason, and an offer to check it as CSV.
    ru_checker.select_option("[data-bulk-format]", "json")
    ru_checker.fill("[data-bulk-text]", f"name,body\norder_ready,{attack}")
    ru_checker.click("[data-bulk-form] button[type=submit]")
    ru_checker.wait_for_selector("[data-checker][data-bulk-result=failed]")
    assert ru_checker.get_attribute("[data-bulk-suggest]", "data-bulk-suggest") == "csv"
    ru_checker.click("[data-bulk-suggest]")
    ru_checker.wait_for_selector("[data-checker][data-bulk-result=checked]")
    assert ru_checker.input_value("[data-bulk-format]") == "csv"
    assert ru_checker.locator(".kit-checker-table tbody tr").count() == 1
    assert ru_checker.locator("[data-bulk-suggestion]").is_hidden()


def paste(page: Any, selector: str, text: str) -> None:
    """Paste text into a field through the real clipboard (Ctrl+V)."""
    page.evaluate("(t) => navigator.clipboard.writeText(t)", text)
    page.focus(selector)
    page.keyboard.press("Control+V")


def test_a_huge_paste_is_refused_and_the_page_stays_responsive(
    browser: Any, site_server: Any
) -> None:
    context = browser.new_context(service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    try:
        page = open_checker(context.new_page(), site_server.url("checker/"))
        huge = "Ж" * 1_000_000
        paste(page, "[data-field=body]", huge)
        page.wait_for_selector("[data-checker][data-checker-result=too-long]", timeout=5_000)
        page.wait_for_function(SHOWN, timeout=5_000)
        assert str(MAX_CHARS) in page.inner_text("[data-findings]")
        assert page.input_value("[data-field=body]") == ""
        assert page.evaluate("1 + 1") == 2
        # The bulk field refuses it too, before anything is posted to the worker.
        paste(page, "[data-bulk-text]", huge)
        page.wait_for_selector("[data-checker][data-bulk-result=too-long]", timeout=5_000)
        assert str(MAX_BULK_CHARS) in page.inner_text("[data-bulk-announce]")
        # A short paste goes in, and the checker still answers normally.
        paste(page, "[data-field=body]", "{{1}}, ваш заказ готов.")
        page.wait_for_selector("[data-checker][data-checker-result=checked]", timeout=5_000)
        page.wait_for_function(SHOWN)
        rules = page.eval_on_selector_all(
            "[data-findings] [data-rule]", "ns => ns.map(n => n.dataset.rule)"
        )
        assert "variables.at_start" in rules
    finally:
        context.close()


def test_preview_fills_examples_and_draws_whatsapp_formatting(ru_checker: Any) -> None:
    body = "Здравствуйте, {{1}}! *Заказ* _готов_, ~вчера~ ```A-42``` ждёт вас. Спасибо."
    set_fields(ru_checker, {"header": "Ваш *заказ*", "body": body, "footer": "Магазин"})
    example = ru_checker.locator("[data-example-list] input[data-example]")
    assert example.count() == 1
    label = ru_checker.locator(f"label[for='{example.get_attribute('id')}']")
    assert "{{1}}" in label.inner_text()
    example.fill("Анна")
    ru_checker.wait_for_function(SHOWN)
    bubble = ru_checker.locator("[data-preview]")
    assert "Здравствуйте, Анна!" in bubble.inner_text()
    assert bubble.locator(".kit-checker-bubble-body strong").inner_text() == "Заказ"
    assert bubble.locator(".kit-checker-bubble-body em").inner_text() == "готов"
    assert bubble.locator(".kit-checker-bubble-body s").inner_text() == "вчера"
    assert bubble.locator(".kit-checker-bubble-body code").inner_text() == "A-42"
    assert bubble.locator(".kit-checker-bubble-header strong").inner_text() == "заказ"
    assert ru_checker.inner_text("[data-count=body]") == str(len(body))
    assert ru_checker.inner_text("[data-count=variables]") == "1"
    # Meta's Russian name of the category, never its API code.
    names = {labels("ru")[f"category_{c.lower()}"] for c in FORM_CATEGORIES}
    assert ru_checker.inner_text("[data-category-hint]") in names


def test_every_control_is_labelled_and_findings_are_announced(ru_checker: Any) -> None:
    set_fields(ru_checker, {"body": "{{1}}{{2}}"})
    unlabelled = ru_checker.eval_on_selector_all(
        "[data-checker] input, [data-checker] textarea, [data-checker] select",
        "nodes => nodes.filter(n => !n.labels || n.labels.length === 0).map(n => n.outerHTML)",
    )
    assert unlabelled == []
    live = ru_checker.locator("[data-announce]")
    assert live.get_attribute("aria-live") == "polite"
    count = ru_checker.locator("[data-findings] [data-rule]").count()
    assert count > 0
    assert str(count) in live.inner_text()


def test_rule_links_point_into_the_rule_reference(ru_checker: Any, site_server: Any) -> None:
    set_fields(ru_checker, {"body": "{{1}}{{2}}"})
    hrefs = ru_checker.eval_on_selector_all(
        "[data-findings] [data-rule] a", "links => links.map(a => a.href)"
    )
    assert hrefs
    assert all(h.startswith(site_server.url("rules/#")) for h in hrefs)
    rules = ru_checker.context.new_page()
    try:
        rules.goto(hrefs[0])
        anchor = hrefs[0].split("#", 1)[1]
        assert rules.locator(f"[id='{anchor}']").count() == 1
    finally:
        rules.close()


def test_english_page_speaks_english(page: Any, site_server: Any, tmp_path: Path) -> None:
    open_checker(page, site_server.url("en/checker/"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.inner_text("[data-checker-status]") == labels("en")["ready"]
    # Nothing typed yet: no finding (an empty body is no error of the reader's yet), no highlight.
    assert page.get_attribute("[data-checker]", "data-checker-result") == "empty"
    assert page.locator("[data-findings] [data-rule], [data-checker] mark").count() == 0
    assert page.inner_text("[data-findings]") == labels("en")["empty_form"]
    body = "{{1}}, your order is ready."
    shown = set_fields(page, {"body": body})
    expected = cli_report([{"body": body}], "en", tmp_path)["templates"][0]["findings"]
    assert shown == [f["rule"] for f in expected]
    messages = page.eval_on_selector_all(
        "[data-findings] [data-rule] .kit-checker-msg span:last-child",
        "nodes => nodes.map(n => n.textContent)",
    )
    assert messages == [f["message"] for f in expected]


def test_works_under_a_sub_path(page: Any, site_server: Any, requests_log: Any) -> None:
    for path in ("checker/", "en/checker/"):
        open_checker(page, site_server.url(path, kit=True))
        assert "variables.at_start" in set_fields(page, {"body": "{{1}}, ваш заказ готов."})
    outside = [u for u in requests_log.urls if not u.startswith(site_server.url("", kit=True))]
    assert outside == []
    requests_log.assert_same_origin()


def test_still_checks_with_the_network_cut(page: Any, site_server: Any) -> None:
    open_checker(page, site_server.url("checker/"))
    page.context.set_offline(True)
    try:
        assert "variables.at_start" in set_fields(page, {"body": "{{1}}, ваш заказ готов."})
        assert set_fields(page, {"body": "Здравствуйте! Ваш заказ передан в доставку."}) == []
    finally:
        page.context.set_offline(False)


CONTROLLED = "() => navigator.serviceWorker.controller !== null"
FETCH_FAILS = "(url) => fetch(url).then(r => `HTTP ${r.status}`, () => 'failed')"


def test_a_repeat_visit_reads_the_kept_runtime_and_reloads_offline(
    browser: Any, site_server: Any, requests_log: Any
) -> None:
    """A first visit starts from the build-time snapshot; once the service worker keeps the
    runtime, a repeat visit reads it from Cache Storage, and a reload works offline."""
    context = browser.new_context(service_workers="allow")
    context.on("request", lambda request: requests_log.urls.append(request.url))
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        # Under the sub-path: the worker's scope is the site root, not the origin's.
        open_checker(page, site_server.url("checker/", kit=True))
        assert page.evaluate("window.kitChecker.timings.snapshot") is True
        scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
        assert scope == site_server.url("", kit=True)
        page.wait_for_function(CONTROLLED)
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        open_checker(page, site_server.url("checker/", kit=True))
        assert page.evaluate("window.kitChecker.timings.snapshot") is True
        big = (".snapshot", ".tar.gz", "pyodide.asm.wasm", "python_stdlib.zip")
        assert [url for url in seen if url.endswith(big)] == []
        assert any(url.endswith("/checker/") for url in seen)  # the page itself was asked for
        context.set_offline(True)
        # The cut reaches the service worker: a file it never cached cannot be fetched.
        assert page.evaluate(FETCH_FAILS, "../404.html") == "failed"
        page.reload()
        page.wait_for_selector(READY, timeout=90_000)
        assert "variables.at_start" in set_fields(page, {"body": "{{1}}, ваш заказ готов."})
        assert page.evaluate("window.kitChecker.timings.snapshot") is True
    finally:
        context.set_offline(False)
        context.close()
    requests_log.assert_same_origin()


def _forbid_webassembly(route: Any) -> None:
    """Serve the worker with a policy header that does not allow it to compile WebAssembly."""
    response = route.fetch()
    headers = {**response.headers, "content-security-policy": "script-src 'self'"}
    route.fulfill(response=response, headers=headers)


@pytest.mark.parametrize("how", ["no-webassembly", "webassembly-forbidden", "runtime-missing"])
def test_a_checker_that_cannot_start_says_so(page: Any, site_server: Any, how: str) -> None:
    if how == "no-webassembly":
        page.add_init_script("delete globalThis.WebAssembly")
    elif how == "webassembly-forbidden":
        page.route("**/runtime/worker.mjs", _forbid_webassembly)
    else:
        page.route("**/assets/pyodide/*/pyodide.mjs", lambda route: route.fulfill(status=404))
    page.goto(site_server.url("en/checker/"))
    page.wait_for_selector("[data-checker][data-checker-state=error]", timeout=60_000)
    assert page.inner_text("[data-checker-status]") == labels("en")["failed"]
    page.fill("[data-field=body]", "typing still works")
    assert page.input_value("[data-field=body]") == "typing still works"
    page.wait_for_function(THEME_STARTED, timeout=5_000)  # it waited for Python only


# One language: both pages come from one generator, and the English labels are checked in
# test_english_page_speaks_english (axe costs about 7 s a run). On the module's Russian page,
# after the other tests that type into it: axe leaves a style rule behind.
def test_no_serious_accessibility_violation(ru_checker: Any, axe: Any) -> None:
    set_fields(ru_checker, {"name": "Order Shipped", "body": "{{1}}{{2}} Скидка 50%!"})
    ru_checker.select_option("[data-bulk-format]", "txt")
    ru_checker.fill("[data-bulk-text]", "{{1}} Скидка!")
    # An earlier test left a checked result: forget it, so that the wait is for this one.
    ru_checker.eval_on_selector("[data-checker]", "root => delete root.dataset.bulkResult")
    ru_checker.click("[data-bulk-form] button[type=submit]")
    ru_checker.wait_for_selector("[data-checker][data-bulk-result=checked]")
    assert axe(ru_checker) == []


def test_the_last_template_is_kept_in_this_browser(page: Any, site_server: Any) -> None:
    open_checker(page, site_server.url("checker/"))
    set_fields(page, {"name": "order_ready", "body": "Здравствуйте, {{1}}! Заказ готов."})
    page.fill("[data-example-list] input", "Анна")
    page.wait_for_function(SHOWN)
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(CHECKER_STORAGE_KEY)})"))
    assert saved["template"] == {
        "name": "order_ready",
        "body": "Здравствуйте, {{1}}! Заказ готов.",
        "examples": {"1": "Анна"},
    }
    open_checker(page, site_server.url("checker/"))
    page.wait_for_function(SHOWN)
    assert page.input_value("[data-field=body]") == "Здравствуйте, {{1}}! Заказ готов."
    assert page.input_value("[data-example-list] input") == "Анна"
    assert "Здравствуйте, Анна!" in page.inner_text("[data-preview]")
    # Copy puts the body on the clipboard; Clear empties the form and the kept copy, reports
    # nothing, and Undo brings everything back.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    page.click("[data-copy-body]")
    page.wait_for_function("() => document.querySelector('[data-form-announce]').textContent")
    assert page.evaluate("navigator.clipboard.readText()") == "Здравствуйте, {{1}}! Заказ готов."
    page.click("[data-clear]")
    page.wait_for_function(SHOWN)
    assert [page.input_value(f"[data-field={k}]") for k in ("name", "body")] == ["", ""]
    assert page.get_attribute("[data-checker]", "data-checker-result") == "empty"
    assert page.locator("[data-findings] [data-rule]").count() == 0
    assert page.evaluate(f"localStorage.getItem({json.dumps(CHECKER_STORAGE_KEY)})") is None
    page.click("[data-undo-clear]")
    page.wait_for_function(SHOWN)
    assert page.input_value("[data-field=name]") == "order_ready"
    assert page.input_value("[data-example-list] input") == "Анна"
    assert page.locator("[data-undo-clear]").is_hidden()


def test_the_header_variable_has_its_own_example(page: Any, site_server: Any) -> None:
    open_checker(page, site_server.url("checker/"))
    shown = set_fields(
        page, {"header": "Заказ {{1}} готов", "body": "Здравствуйте, {{1}}! Заказ ждёт вас."}
    )
    assert shown.count("variables.no_example") == 2
    body_example = page.locator("[data-example-list] input[data-example-field=body]")
    header_example = page.locator("[data-example-list] input[data-example-field=header]")
    label = page.locator(f"label[for='{header_example.get_attribute('id')}']").inner_text()
    assert "{{1}}" in label and "заголов" in label
    body_example.fill("Анна")
    page.wait_for_function(SHOWN)
    rules = page.eval_on_selector_all(
        "[data-findings] [data-rule]", "n => n.map(x => x.dataset.rule)"
    )
    assert rules.count("variables.no_example") == 1  # the header's {{1}} is not the body's
    assert "Заказ {{1}} готов" in page.inner_text("[data-preview] .kit-checker-bubble-header")
    header_example.fill("A-1042")
    page.wait_for_function(SHOWN)
    rules = page.eval_on_selector_all(
        "[data-findings] [data-rule]", "n => n.map(x => x.dataset.rule)"
    )
    assert "variables.no_example" not in rules
    assert page.inner_text("[data-preview] .kit-checker-bubble-header") == "Заказ A-1042 готов"
    assert "Здравствуйте, Анна!" in page.inner_text("[data-preview] .kit-checker-bubble-body")
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(CHECKER_STORAGE_KEY)})"))
    assert saved["template"]["header_example"] == "A-1042"
    assert saved["template"]["examples"] == {"1": "Анна"}
    open_checker(page, site_server.url("checker/"))
    page.wait_for_function(SHOWN)
    assert page.input_value("[data-example-list] input[data-example-field=header]") == "A-1042"
    assert page.input_value("[data-example-list] input[data-example-field=body]") == "Анна"


def test_the_page_keeps_the_compiled_runtime_for_its_next_start(ru_checker: Any) -> None:
    """The worker hands the page its compiled WebAssembly: a replaced worker, or the start after
    a reload, then reuses its machine code instead of compiling it again (bench.browser)."""
    exports = ru_checker.evaluate(
        "() => { const kept = window.kitBoot.module; return kept instanceof WebAssembly.Module"
        " ? WebAssembly.Module.exports(kept).length : 0; }"
    )
    assert exports > 1000


def test_falls_back_to_a_plain_start_without_the_snapshot(page: Any, site_server: Any) -> None:
    page.route("**/*.snapshot", lambda route: route.fulfill(status=404))
    open_checker(page, site_server.url("checker/"))
    assert page.evaluate("window.kitChecker.timings.snapshot") is False
    assert "variables.at_start" in set_fields(page, {"body": "{{1}}, ваш заказ готов."})


@pytest.mark.parametrize(("suffix", "mode"), [("yaml", "provider"), ("csv", "meta")])
def test_bulk_file_upload_equals_cli(
    page: Any, site_server: Any, tmp_path: Path, suffix: str, mode: str
) -> None:
    templates = [
        {"name": "order_shipped", "body": "Здравствуйте, {{1}}! Заказ {{2}} в пути. Спасибо!"},
        {"name": "Sale Now", "body": "{{1}} Скидка 50% на всё! 🎉", "footer": "Магазин"},
        {"name": "empty_body", "body": ""},
    ]
    source = tmp_path / f"templates.{suffix}"
    if suffix == "yaml":
        source.write_text(yaml.safe_dump(templates, allow_unicode=True), encoding="utf-8")
    else:
        rows = ["name,body,footer"] + [
            ",".join(
                json.dumps(t.get(k, ""), ensure_ascii=False) for k in ("name", "body", "footer")
            )
            for t in templates
        ]
        source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    expected = cli_json("--mode", mode, str(source))
    open_checker(page, site_server.url("checker/"))
    page.select_option("[data-field=mode]", mode)
    page.set_input_files("[data-bulk-file]", str(source))
    page.wait_for_selector("[data-checker][data-bulk-result=checked]")
    # The opened file's text and format are shown, ready to edit and check again.
    assert page.input_value("[data-bulk-text]") == source.read_text(encoding="utf-8")
    assert page.input_value("[data-bulk-format]") == suffix
    assert source.name in page.inner_text("[data-bulk-announce]")
    rows = page.eval_on_selector_all(
        ".kit-checker-table tbody tr",
        "rows => rows.map(r => [...r.querySelectorAll('[data-rule]')]"
        ".map(n => [n.dataset.rule, n.className.split('--').pop()]))",
    )
    assert rows == [
        [[f["rule"], f["severity"]] for f in t["findings"]] for t in expected["templates"]
    ]
    promo = {f["severity"] for f in expected["templates"][1]["findings"] if "promo." in f["rule"]}
    assert promo == ({"warning"} if mode == "meta" else {"error"})
    assert page.locator(".kit-checker-table tbody tr[data-ok=false]").count() == sum(
        1 for t in expected["templates"] if not t["ok"]
    )


def test_a_worker_ready_before_the_page_script_arrives_is_adopted(
    page: Any, site_server: Any
) -> None:
    """The inline boot script starts the worker; its "ready" must wait for page.mjs."""
    held: list[Any] = []
    # A lambda: Playwright cannot take a bound builtin (list.append) as a handler.
    page.route("**/assets/kit/*/checker/page.mjs", lambda route: held.append(route))  # noqa: PLW0108
    with page.expect_worker(lambda w: urlsplit(w.url).path.endswith("/worker.mjs")) as started:
        page.goto(site_server.url("checker/"), wait_until="domcontentloaded")
    worker = started.value
    ready = "performance.getEntriesByName('checker-ready').length"
    deadline = time.monotonic() + 90
    while not worker.evaluate(ready) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert worker.evaluate(ready) == 1
    assert page.get_attribute("[data-checker]", "data-checker-state") == "loading"
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_selector(READY, timeout=30_000)
    assert "variables.at_start" in set_fields(page, {"body": "{{1}}, ваш заказ готов."})


def test_typing_before_ready_is_checked_once_ready(page: Any, site_server: Any) -> None:
    page.goto(site_server.url("checker/"), wait_until="domcontentloaded")
    page.fill("[data-field=body]", "{{1}}, ваш заказ готов.")
    assert page.get_attribute("[data-checker]", "data-checker-state") in {"loading", "ready"}
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_function(SHOWN)
    rules = page.eval_on_selector_all(
        "[data-findings] [data-rule]", "ns => ns.map(n => n.dataset.rule)"
    )
    assert "variables.at_start" in rules
