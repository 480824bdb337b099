"""`python -m validator [--lang ru|en] [--json | --export] PATH...` — check template files.

--export prints each template's Graph API create and send requests (validator/export.py).

Exit status: 0 no template has an error, 1 some template has one, 2 unreadable input or wrong
usage (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn, TextIO

from validator import check_many
from validator.errors import SourceError
from validator.export import export
from validator.report import Report
from validator.sources import read
from validator.texts import localized

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wa-check", description="Check WhatsApp message templates.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.yaml/.yml/.json/.csv or -")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="message language")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the JSON report")
    output.add_argument(
        "--export",
        action="store_true",
        help="print the Graph API create and send requests of each template (JSON)",
    )
    parser.add_argument(
        "--mode",
        choices=("provider", "meta"),
        default="provider",
        help="provider: promotional content is an error (default); meta: a warning",
    )
    return parser


def position(text: str, index: int) -> tuple[int, int, str]:
    """1-based line and column of an index, and the text of that line."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    line_end = len(text) if line_end < 0 else line_end
    return text.count("\n", 0, index) + 1, index - line_start + 1, text[line_start:line_end]


def _plain(source: str, report: Report, lang: str, *, colour: bool) -> list[str]:
    data = report.to_dict(lang)
    title = f"{source}: {data['name']}" if data["name"] else source
    lines = [f"{title}  [{data['category_hint']}]"]
    for f in data["findings"]:
        text = report.template.field_text(f["field"]) or ""
        line, column, line_text = position(text, f["start"])
        severity = f["severity"]
        if colour:
            severity = f"{_COLOURS[severity]}{severity}{_RESET}"
        lines.append(f"  {f['field']}:{line}:{column}: {severity} {f['rule']}: {f['message']}")
        if line_text.strip():
            pad = "".join(ch if ch == "\t" else " " for ch in line_text[: column - 1])
            width = max(1, min(f["end"] - f["start"], len(line_text) - column + 1))
            lines.append(f"    {line_text}")
            lines.append(f"    {pad}{'^' * width}")
        if f.get("fix"):
            lines.append(f"    → {f['fix']}")
    return lines


def main(
    argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run the checker on the given paths; return the exit status."""
    args = _parser().parse_args(argv)
    out = stdout or sys.stdout
    batches: list[tuple[str, list[dict[str, Any]]]] = []
    try:
        for path in args.paths:
            batches.append((path, read(path, stdin or sys.stdin)))
    except SourceError as error:
        print(f"wa-check: {error.message(args.lang)}", file=sys.stderr)
        return 2
    paths = [path for path, items in batches for _ in items]
    # One batch across every PATH, as the browser's bulk check: duplicates show across files.
    reports = check_many([item for _, items in batches for item in items], args.mode)
    results = list(zip(paths, reports, strict=True))
    if args.json or args.export:
        entry = (
            (lambda r: export(r, args.lang)) if args.export else (lambda r: r.to_dict(args.lang))
        )
        payload = {"templates": [entry(report) for _, report in results]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        colour = bool(getattr(out, "isatty", lambda: False)())
        for path, report in results:
            out.write("\n".join(_plain(path, report, args.lang, colour=colour)) + "\n")
        bad = sum(1 for _, r in results if not r.ok)
        out.write(localized("cli_summary", args.lang, {"n": len(results), "bad": bad}) + "\n")
    return max((r.exit_code for _, r in results), default=0)
