"""The browser's Python archive: what it packs, and that it alone checks like the installed code."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import holidays
import pytest
import yaml
from process_data import PROCESS

from macros.bundle import BundleError
from macros.bundle.archive import PARTLY_PACKED, build_archive, holidays_part
from macros.bundle.snapshot import snapshot_name
from process.browser import checklist_json
from process.model import process_to_json
from validator.browser import check_json

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_KEYS = ("name", "category", "header", "body", "footer", "examples", "lang")


def _archive_names() -> set[str]:
    with tarfile.open(fileobj=io.BytesIO(build_archive(ROOT).content), mode="r:gz") as packed:
        return set(packed.getnames())


def _in_pyodide_like_python(code: str, folder: Path) -> str:
    """Run `code` with the standard library only (``-S``: no site-packages); its stdout."""
    result = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return result.stdout


def _case_templates() -> list[dict[str, object]]:
    templates = []
    for path in sorted((ROOT / "tests" / "validator" / "cases").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            template = {key: item[key] for key in TEMPLATE_KEYS if key in item}
            if isinstance(template.get("body"), str):
                templates.append(template)
    return templates


def test_snowballstemmer_is_packed_with_only_the_stemmers_the_validator_imports() -> None:
    packed = {name for name in _archive_names() if name.startswith("snowballstemmer/")}
    expected = {f"snowballstemmer/{module}.py" for module in PARTLY_PACKED["snowballstemmer"]}
    assert packed == expected | {"snowballstemmer/__init__.py"}
    assert "snowballstemmer/french_stemmer.py" not in packed


def test_holidays_is_packed_with_the_provider_country_alone() -> None:
    names = _archive_names()
    countries = {name for name in names if name.startswith("holidays/countries/")}
    assert countries == {"holidays/countries/__init__.py", "holidays/countries/russia.py"}
    assert "holidays/calendars/gregorian.py" in names
    assert "holidays/calendars/islamic.py" not in names  # Russia's calendar does not need it
    assert not any(name.startswith(("holidays/locale/", "holidays/financial/")) for name in names)


def test_a_trimmed_package_init_imports_only_what_is_packed() -> None:
    folder = Path(holidays.__file__).parent
    germany = holidays_part(folder, "de")
    assert "countries/germany" in germany.modules
    assert "countries/russia" not in germany.modules
    for path, text in holidays_part(folder, "RU").inits.items():
        imported = re.findall(r"^from holidays\.([\w.]+) import", text.decode(), re.MULTILINE)
        assert imported, path
        packed = set(holidays_part(folder, "RU").modules)
        assert {name.replace(".", "/") for name in imported} <= packed, path
    with pytest.raises(BundleError):
        holidays_part(folder, "XX")


def test_the_archive_alone_checks_every_case_as_the_installed_code(tmp_path: Path) -> None:
    """As in Pyodide: only the standard library and the archive (``-S``: no site-packages)."""
    with tarfile.open(fileobj=io.BytesIO(build_archive(ROOT).content), mode="r:gz") as packed:
        packed.extractall(tmp_path / "lib", filter="data")
    templates = _case_templates()
    assert len(templates) > 200
    requests = [json.dumps({"lang": lang, "templates": templates}) for lang in ("ru", "en")]
    (tmp_path / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    code = (  # one interpreter for both languages: its start-up is most of the cost
        "import sys, json, pathlib\n"
        f"sys.path.insert(0, {str(tmp_path / 'lib')!r})\n"
        "from validator.browser import check_json\n"
        "import snowballstemmer\n"
        f"assert snowballstemmer.__file__.startswith({str(tmp_path)!r})\n"
        "requests = json.loads(pathlib.Path('requests.json').read_text('utf-8'))\n"
        "sys.stdout.write(json.dumps([check_json(r) for r in requests]))\n"
    )
    with subprocess.Popen(
        [sys.executable, "-S", "-c", code], cwd=tmp_path, stdout=subprocess.PIPE, text=True
    ) as packed_python:  # runs on the other core while this one computes the expected replies
        expected = [json.loads(check_json(request)) for request in requests]
        out, _ = packed_python.communicate()
    assert packed_python.returncode == 0
    assert [json.loads(reply) for reply in json.loads(out)] == expected


def test_the_archive_packs_only_what_the_browser_imports() -> None:
    names = _archive_names()
    assert {name.split("/")[0] for name in names} == {
        "validator",
        "process",
        "snowballstemmer",
        "yaml",
        "holidays",
        "dateutil",
        "six.py",
    }
    for build_only in ("cli.py", "definition.py", "definition.schema.json", "document.py"):
        assert f"process/{build_only}" not in names
    assert "process/browser.py" in names


def test_build_code_never_renames_the_archive_or_the_snapshot(tmp_path: Path) -> None:
    """Editing a hook, the page policy or a page generator keeps both names; process does not."""
    for folder in ("validator", "process", "macros"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )

    def names() -> tuple[str, str]:
        archive = build_archive(tmp_path)
        return archive.name, snapshot_name(archive, "0.0.0")

    before = names()
    for path in ("macros/hooks.py", "macros/pages/content_policy.py", "macros/pages/checker.py"):
        with (tmp_path / path).open("a", encoding="utf-8") as handle:
            handle.write("# an edit\n")
    assert names() == before
    with (tmp_path / "process" / "model.py").open("a", encoding="utf-8") as handle:
        handle.write("# an edit\n")
    assert names()[0] != before[0]
    assert names()[1] != before[1]


def test_the_archive_alone_runs_the_checklist(tmp_path: Path) -> None:
    """As in Pyodide: only the standard library and the packed archive on the path."""
    archive = build_archive(ROOT)
    with tarfile.open(fileobj=io.BytesIO(archive.content), mode="r:gz") as packed:
        names = set(packed.getnames())
        packed.extractall(tmp_path / "lib", filter="data")
    for module in ("browser", "checklist", "schedule", "model", "timeline", "guide", "wording"):
        assert f"process/{module}.py" in names
    assert "process/labels.toml" in names
    assert not any(name.startswith("macros/") for name in names)
    text = json.dumps(process_to_json(PROCESS))
    (tmp_path / "process.json").write_text(text, encoding="utf-8")
    answers = {
        "company": "Ромашка",
        "name_change": True,
        "templates": ["Ваш заказ {{1}} в пути."],
        "start_date": "2026-12-29",  # Russia's New Year holidays: 31 December, 1-8 January
    }
    request = json.dumps({"lang": "en", "today": "2026-11-25", "answers": answers})
    (tmp_path / "request.json").write_text(request, encoding="utf-8")
    code = (
        "import sys, json, pathlib\n"
        f"sys.path.insert(0, {str(tmp_path / 'lib')!r})\n"
        "from process.browser import checklist_json\n"
        f"text = pathlib.Path({str(tmp_path / 'process.json')!r}).read_text()\n"
        "request = pathlib.Path('request.json').read_text('utf-8')\n"
        "sys.stdout.write(checklist_json(request, text))\n"
    )
    out = _in_pyodide_like_python(code, tmp_path)
    assert json.loads(out) == json.loads(checklist_json(request, text))
    steps = {step["id"]: step for step in json.loads(out)["steps"]}
    assert steps["send_contract_draft"]["end"] == "2026-12-30"  # a working day after 29 Dec
    assert steps["sign_contract"]["end"] == "2027-01-15"  # then 5 working days: 11-15 Jan
