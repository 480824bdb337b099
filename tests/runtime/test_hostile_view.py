"""The checker's view (docs/assets/kit/checker/view.mjs), run in Node: the CSV report neutralises
formula-starting cells (OWASP), and the preview never shows a property of a JavaScript object."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

VIEW = Path(__file__).resolve().parents[2] / "docs" / "assets" / "kit" / "checker" / "view.mjs"


def _node(expression: str) -> object:
    script = (
        f"import * as view from {json.dumps(VIEW.as_uri())};\n"
        f"console.log(JSON.stringify({expression}));\n"
    )
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def test_formula_cells_are_neutralised_the_owasp_way() -> None:
    templates = [
        {
            "name": name,
            "ok": False,
            "category_hint": "UTILITY",
            "findings": [
                {
                    "rule": "r",
                    "severity": "error",
                    "field": "body",
                    "start": 0,
                    "end": 1,
                    "message": name,
                    "fix": None,
                }
            ],
        }
        for name in DANGEROUS
    ]
    text = _node(f"view.toCsv({json.dumps({'templates': templates})})")
    rows = list(csv.reader(io.StringIO(str(text), newline="")))[1:]
    assert [row[0] for row in rows] == [f"'{name}" for name in DANGEROUS]
    assert [row[8] for row in rows] == [f"'{name}" for name in DANGEROUS]
    for row in rows:
        assert row[3] == "r" and row[6] == "0"  # ordinary cells untouched


NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]


def test_a_variable_named_like_an_object_property_stays_a_variable() -> None:
    bodies = [f"Hi {{{{{name}}}}} and {{{{1}}}}" for name in NAMES]
    filled = _node(f"{json.dumps(bodies)}.map((body) => view.fillExamples(body, {{1: 'Anna'}}))")
    assert filled == [f"Hi {{{{{name}}}}} and Anna" for name in NAMES]
