"""The site's service worker: one per build, at the site root, precaching files that exist."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from macros.bundle.runtime import scripts_folder, scripts_site_path
from macros.bundle.service_worker import SW_NAME, precache_paths, service_worker


def _precache(source: str) -> list[str]:
    match = re.search(r"^const PRECACHE = (\[.*?\]);", source, re.MULTILINE)
    assert match, "no PRECACHE list in the service worker"
    return json.loads(match.group(1))


def _version(source: str) -> str:
    match = re.search(r'^const VERSION = "([0-9a-f]{12})";', source, re.MULTILINE)
    assert match, "no VERSION in the service worker"
    return match.group(1)


def test_the_built_worker_precaches_the_runtime_it_serves(built_site: Path) -> None:
    source = (built_site / SW_NAME).read_text(encoding="utf-8")
    assert "__VERSION__" not in source and "__PRECACHE__" not in source
    paths = _precache(source)
    assert [p for p in paths if not (built_site / p).is_file()] == []
    # The runtime's folder is named by its version: its files never change under their URLs.
    assert any(re.fullmatch(r"assets/pyodide/\d+\.\d+\.\d+/pyodide\.asm\.wasm", p) for p in paths)
    assert any(re.fullmatch(r"assets/checker/python-[0-9a-f]+\.tar\.gz", p) for p in paths)
    assert any(p.endswith(".snapshot") for p in paths)
    # The widgets' scripts: served from a folder named by their content (assets/kit/<hash>/).
    scripts = {re.sub(r"^assets/kit/[0-9a-f]{12}/", "", p) for p in paths if "/kit/" in p}
    assert {"runtime/worker.mjs", "runtime/offline.mjs", "checklist/page.mjs"} <= scripts
    assert not (built_site / "en" / SW_NAME).exists()


def test_only_the_checker_and_checklist_pages_register_it(built_site: Path) -> None:
    for lang in ("", "en/"):
        for page in ("checker", "checklist"):
            assert "page.mjs" in (built_site / lang / page / "index.html").read_text("utf-8")
        assert "offline.mjs" not in (built_site / lang / "index.html").read_text("utf-8")
    for page in ("checker", "checklist"):
        (script,) = (built_site / "assets" / "kit").glob(f"*/{page}/page.mjs")
        assert "offline.mjs" in script.read_text(encoding="utf-8")


def test_a_new_build_gets_a_new_cache() -> None:
    old = service_worker(precache_paths(["assets/checker/python-aaaaaaaaaaaa.tar.gz"]))
    new = service_worker(precache_paths(["assets/checker/python-bbbbbbbbbbbb.tar.gz"]))
    assert _version(old) != _version(new)
    assert _precache(new) == ["assets/checker/python-bbbbbbbbbbbb.tar.gz", "process.json"]


def test_the_precache_keeps_the_pages_runtime_only() -> None:
    script = "assets/kit/0123456789ab/checker/view.mjs"
    paths = precache_paths(["assets/pyodide/pyodide.mjs", script, "index.md", "x.css"])
    assert paths == [script, "assets/pyodide/pyodide.mjs", "process.json"]


def test_cache_first_only_for_files_whose_name_changes_with_their_content(
    built_site: Path,
) -> None:
    """The worker's CACHE_FIRST pattern, run by Node on every file of the built site."""
    source = (built_site / SW_NAME).read_text(encoding="utf-8")
    match = re.search(r"^const CACHE_FIRST =\s*(/.*/);$", source, re.MULTILINE)
    assert match, "no CACHE_FIRST pattern in the service worker"
    paths = sorted("/kit/" + p.relative_to(built_site).as_posix() for p in built_site.rglob("*"))
    script = f"const re = {match.group(1)};\n"
    script += f"console.log(JSON.stringify({json.dumps(paths)}.filter((p) => re.test(p))));"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    cache_first = {p.removeprefix("/kit/") for p in json.loads(out.stdout)}
    hashed = re.compile(
        r"assets/(pyodide/.*|kit/[0-9a-f]{12}/.+"
        r"|checker/python-[0-9a-f]{12}\.(tar\.gz|pyodide-.*\.snapshot)"
        r"|.*\.[0-9a-f]{8}\.min\.(css|js))"
    )
    expected = {p.removeprefix("/kit/") for p in paths if hashed.fullmatch(p.removeprefix("/kit/"))}
    assert cache_first == expected
    assert any(p.endswith(".tar.gz") for p in cache_first)
    assert any(p.endswith(".snapshot") for p in cache_first)
    assert any(p.endswith("/runtime/worker.mjs") for p in cache_first)
    assert "process.json" not in cache_first and "checker/index.html" not in cache_first
    assert "assets/stylesheets/extra.css" not in cache_first


def test_the_worker_reads_the_caches_the_service_worker_names() -> None:
    """docs/assets/kit/runtime/kept.mjs reads the build cache directly: same name prefix."""
    root = Path(__file__).resolve().parents[2]
    prefix = re.compile(r'^const PREFIX = "([^"]+)";', re.MULTILINE)
    sw = prefix.search((root / "macros" / "bundle" / "sw.js").read_text(encoding="utf-8"))
    kept = prefix.search((root / "docs/assets/kit/runtime/kept.mjs").read_text(encoding="utf-8"))
    assert sw and kept and sw.group(1) == kept.group(1)


def test_the_scripts_folder_is_named_by_the_widgets_files_only(tmp_path: Path) -> None:
    """assets/kit/<hash>/ changes with any widget script or style, and with nothing else."""
    docs = tmp_path / "docs"
    for name, text in {
        "assets/kit/runtime/worker.mjs": "export const a = 1;",
        "assets/kit/checklist/page.mjs": "import '../runtime/worker.mjs';",
        "index.md": "# Home",
    }.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    first = scripts_folder(docs)
    assert re.fullmatch(r"assets/kit/[0-9a-f]{12}", first)
    (docs / "index.md").write_text("# Home, edited", encoding="utf-8")
    assert scripts_folder(docs) == first
    (docs / "assets/kit/checklist/page.mjs").write_text("// changed", encoding="utf-8")
    assert scripts_folder(docs) != first


def test_widget_files_keep_their_folders_inside_the_scripts_folder() -> None:
    folder = "assets/kit/0123456789ab"
    assert scripts_site_path("assets/kit/checker/page.mjs", folder) == f"{folder}/checker/page.mjs"
    assert scripts_site_path("assets/kit/checklist/x.css", folder) == f"{folder}/checklist/x.css"
    assert scripts_site_path("assets/kits/page.mjs", folder) is None
    assert scripts_site_path("assets/stylesheets/extra.css", folder) is None
