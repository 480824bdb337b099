"""The timeline SVG, drawn from the real process in both languages, generic and dated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from process_data import PROCESS

from process.timeline import timeline_svg

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
SVG = "{http://www.w3.org/2000/svg}"
CONDITIONAL = {s.id for s in PROCESS.steps if s.conditional}


def _svg(figure: str) -> ET.Element:
    assert figure.startswith('<figure class="wa-timeline"><svg ')
    assert figure.endswith("</svg></figure>")
    return ET.fromstring(figure.removeprefix('<figure class="wa-timeline">')[: -len("</figure>")])


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_timeline_is_accessible_and_self_contained(lang: str) -> None:
    figure = timeline_svg(PROCESS, lang)
    svg = _svg(figure)
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title is not None
    assert svg.get("aria-label") == title.text
    desc = svg.find(f"{SVG}desc")
    assert desc is not None
    assert svg.get("aria-describedby") == desc.get("id")
    for step in PROCESS.steps:
        assert step.title.get(lang) in desc.text
    assert "\n\n" not in figure  # one raw HTML block for Markdown
    assert not re.search(r"(href|src)=|url\(|@import", figure)
    assert re.findall(r"https?://[^\"']+", figure) == ["http://www.w3.org/2000/svg"]


def test_timeline_draws_each_step_on_its_own_row_with_conditional_ones_dashed() -> None:
    svg = _svg(timeline_svg(PROCESS, "ru"))
    groups = {g.get("data-step"): g for g in svg.iter(f"{SVG}g")}
    assert list(groups) == [s.id for s in PROCESS.steps]
    rows = {}
    for step_id, group in groups.items():
        pale, solid = group.findall(f"{SVG}rect")
        assert float(solid.get("width")) <= float(pale.get("width"))  # min inside max
        assert (pale.get("stroke-dasharray") is not None) == (step_id in CONDITIONAL)
        rows[step_id] = (float(pale.get("y")), float(pale.get("x")), float(pale.get("width")))
    assert len({y for y, _, _ in rows.values()}) == len(rows)  # separate rows
    # parallel: the contract and the registration overlap in time
    _, x1, w1 = rows["sign_contract"]
    _, x2, w2 = rows["registration"]
    assert x1 < x2 + w2 and x2 < x1 + w1
    legend = "".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert "только в некоторых случаях" in legend


def test_dated_timeline_for_given_answers() -> None:
    figure = timeline_svg(PROCESS, "en", answers={}, start=date(2026, 12, 2), id_prefix="mine")
    svg = _svg(figure)
    steps = {g.get("data-step") for g in svg.iter(f"{SVG}g")}
    assert not steps & CONDITIONAL
    assert "2 Dec" in figure
    assert 'aria-describedby="mine-desc"' in figure


@pytest.mark.parametrize(("lang", "mark"), [("ru", "оценка)"), ("en", "estimate)")])
def test_each_row_marks_an_estimate_as_one(lang: str, mark: str) -> None:
    svg = _svg(timeline_svg(PROCESS, lang))
    rows = [t.text or "" for t in svg.iter(f"{SVG}text") if " · " in (t.text or "")]
    assert len(rows) == len(PROCESS.steps)
    for step, row in zip(PROCESS.steps, rows, strict=True):
        assert row.startswith(step.title.get(lang))
        assert (mark in row) == step.duration.estimate, row


def test_the_dated_timeline_skips_russian_holidays() -> None:
    """The draft comes by 30 December; signing then takes 5 working days: 11-15 January."""
    figure = timeline_svg(PROCESS, "en", answers={}, start=date(2026, 12, 29))
    assert "Agree and sign the contract (You): 29 Dec to 15 Jan" in figure
