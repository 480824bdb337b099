"""Property tests: the checker never raises, spans lie inside their fields, results repeat;
formatting pairs are counted as the preview draws them."""

from __future__ import annotations

import json
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator import check
from validator.browser import check_file_json, check_json
from validator.model import Template
from validator.rules.format import _SPOT, _paired

# Characters that exercise the parser and the normaliser, plus anything at all (lone
# surrogates and control characters included).
TRICKY = list("{}{{}}*_~#$%@!|.- \n\t\u200b\u200d\u00ad\ufeff\u0301\u0336ёйЁcаеорxуСКИДКАsale0134")
TRICKY += ["🚚", "📦", "\U0001f1f7\U0001f1fa", "{{1}}", "{{ 1}}", "{{order_id}}", "скидка", "SALE"]
ANY_CHAR = st.characters(codec=None, categories=None)
TEXT = st.lists(st.one_of(st.sampled_from(TRICKY), ANY_CHAR), max_size=120).map("".join)
OPTIONAL = st.one_of(st.none(), TEXT)
TEMPLATES = st.fixed_dictionaries(
    {"body": TEXT},
    optional={
        "name": OPTIONAL,
        "language": st.sampled_from(["ru", "en", "en_US", "es", "", None]),
        "header": OPTIONAL,
        "footer": OPTIONAL,
        "examples": st.one_of(
            st.lists(TEXT, max_size=3), st.dictionaries(TEXT, TEXT, max_size=3), st.none()
        ),
        "buttons": st.one_of(st.lists(TEXT, max_size=2), st.none()),
        "media": st.one_of(st.none(), st.sampled_from(["image", "video"])),
    },
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_spans_inside(template: Template, report_dict: dict) -> None:
    for finding in report_dict["findings"]:
        text = template.field_text(finding["field"])
        assert text is not None, finding
        assert 0 <= finding["start"] <= finding["end"] <= len(text), finding


@FAST
@given(TEMPLATES)
def test_never_raises_and_spans_lie_inside_fields(data: dict) -> None:
    report = check(data)
    result = report.to_dict("en")
    _assert_spans_inside(report.template, result)
    json.dumps(result)


@FAST
@given(TEMPLATES)
def test_deterministic(data: dict) -> None:
    assert check(data).to_dict("ru") == check(dict(data)).to_dict("ru")


@FAST
@given(st.one_of(TEXT, st.text()))
def test_browser_entry_never_raises(text: str) -> None:
    for request in (text, json.dumps({"lang": "en", "templates": [{"body": text}, text]})):
        answer = json.loads(check_json(request))
        assert "templates" in answer or "error" in answer
    for name in ("t.json", "t.csv", "t.txt", "t.yaml"):
        answer = json.loads(check_file_json(name, text, "ru"))
        assert "templates" in answer or "error" in answer


def test_huge_body_still_reports_its_length() -> None:
    rng = random.Random(7)
    pieces = [*TRICKY, "слово ", "word ", "Скидка ", "{{", "}}"]
    body = "".join(rng.choice(pieces) for _ in range(60_000))[:100_000]
    report = check({"body": body, "header": body[:5000], "footer": body[:3000]})
    rules = {f.rule for f in report.findings}
    assert {"length.body", "length.header", "length.footer"} <= rules
    _assert_spans_inside(report.template, report.to_dict("en"))
    million = check({"body": "а" * 1_000_000})
    assert million.counts["body"] == 1_000_000
    assert "length.body" in {f.rule for f in million.findings}


# The preview's formatting pattern (docs/assets/kit/checker/view.mjs, FORMAT) in Python: what
# format.unbalanced_markers counts as a pair must be what the reader sees drawn as one.
PREVIEW_FORMAT = re.compile(r"```.+?```|(?<![^\W_])([*_~])(?=\S)(.*?\S)\1(?![^\W_])")


def _preview_pairs(line: str, start: int = 0, end: int | None = None) -> set[int]:
    end = len(line) if end is None else end
    taken: set[int] = set()
    while m := PREVIEW_FORMAT.search(line, start, end):
        if m.group(1):
            taken |= {m.start(), m.end() - 1} | _preview_pairs(line, m.start(2), m.end(2))
        else:
            taken |= set(range(m.start(), m.end()))
        start = m.end()
    return taken


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"*_~` aб1.!%(x", "```"]), max_size=40).map("".join))
def test_marker_pairs_are_the_previews(line: str) -> None:
    spots = [m.start() for m in _SPOT.finditer(line)]
    assert _paired(line, spots) == _preview_pairs(line) & set(spots)
