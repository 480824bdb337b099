"""``wa-checklist ANSWERS [--lang ru|en] [--format md|html|json]`` — the personal checklist.

ANSWERS is a YAML or JSON file, or ``-`` for standard input. The process is ``process.yml``
with the provider settings of ``mkdocs.yml`` in the current folder (the kit's root), or the
files given with ``--process`` and ``--settings``; the HTML takes the page's stylesheet from
the ``docs/`` beside the settings. Exit status: 0, or 2 with one line on stderr naming the
field when the answers (or the files) cannot be used; never a traceback. Every file is read
through `validator.loader` (size, UTF-8, depth, aliases, numbers, dates).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from process.answers import AnswersError, parse_answers
from process.checklist import build_checklist, checklist_to_json
from process.document import checklist_html, checklist_md
from process.errors import ProcessFileError
from process.labels import label
from validator.loader import MAX_BYTES, LoadError, check_size, load, load_yaml, read_text

# The checklist page's stylesheet, relative to the folder of mkdocs.yml (the HTML embeds it).
CSS_PATH = Path("docs") / "assets" / "kit" / "checklist" / "checklist.css"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wa-checklist", description="Write a personal WhatsApp API checklist.")
    parser.add_argument("answers", metavar="ANSWERS", help="answers file (.yaml/.yml/.json) or -")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="language (ru)")
    parser.add_argument("--format", choices=("md", "html", "json"), default="md", help="(md)")
    parser.add_argument("--process", type=Path, default=Path("process.yml"), help="process.yml")
    parser.add_argument(
        "--settings", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml with extra.provider"
    )
    return parser


def read_answers(path: str, stdin: TextIO) -> Any:
    """The answers file's content as data (YAML is a superset of JSON, so one parser reads both)."""
    if path == "-":
        text = stdin.read(MAX_BYTES + 1)
        check_size(text, path)
        return load(text, path)
    return load(read_text(path), path)


def load_site_process(process_path: Path, settings_path: Path) -> Any:
    """The validated process with the provider settings of ``mkdocs.yml`` (extra.provider)."""
    from process.definition import load_process, provider_settings

    try:
        text = read_text(settings_path, settings_path.name)
        conf = load_yaml(text, settings_path.name, any_tag=True)
    except LoadError as error:
        raise ProcessFileError(error.file, error.line, "", error.reason("en")) from error
    extra = conf.get("extra") if isinstance(conf, dict) else None
    return load_process(process_path, provider_settings(extra, settings_path.name, text))


def render(data: dict[str, Any], output: str, css_file: Path | None = None) -> str:
    """The checklist JSON written as md, html or json."""
    if output == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output == "html":
        css = css_file.read_text(encoding="utf-8") if css_file and css_file.is_file() else ""
        return checklist_html(data, css)
    return checklist_md(data)


def main(
    argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run the CLI; return the exit status (0 or 2)."""
    args = _parser().parse_args(argv)
    lang = args.lang
    today = date.today()
    try:
        raw = read_answers(args.answers, stdin or sys.stdin)
        answers = parse_answers(raw, today=today)
        process = load_site_process(args.process, args.settings)
    except LoadError as error:
        place = error.file if error.line is None else f"{error.file}:{error.line}"
        place += f": {error.field}" if error.field else ""
        reason = label(lang, "err_unreadable", reason=error.reason(lang))
        print(f"wa-checklist: {place}: {reason}", file=sys.stderr)
        return 2
    except AnswersError as error:
        print(f"wa-checklist: {args.answers}: {error.line(lang)}", file=sys.stderr)
        return 2
    except ProcessFileError as error:
        print(f"wa-checklist: {error}", file=sys.stderr)
        return 2
    data = checklist_to_json(
        build_checklist(process, answers), lang, timeline=args.format == "html", made=today
    )
    if args.format == "json":
        data.pop("print_css", None)
    css_file = args.settings.parent / CSS_PATH
    (stdout or sys.stdout).write(render(data, args.format, css_file))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
