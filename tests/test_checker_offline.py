"""The site's service worker: one per build, at the site root, precaching files that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.checker_offline import SW_NAME, precache_paths, service_worker


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
    assert "assets/pyodide/pyodide.asm.wasm" in paths
    assert any(re.fullmatch(r"assets/checker/python-[0-9a-f]+\.tar\.gz", p) for p in paths)
    assert any(p.endswith(".snapshot") for p in paths)
    assert "assets/checker/offline.mjs" in paths and "assets/checklist/page.mjs" in paths
    assert not (built_site / "en" / SW_NAME).exists()


def test_only_the_checker_and_checklist_pages_register_it(built_site: Path) -> None:
    for lang in ("", "en/"):
        for page in ("checker", "checklist"):
            assert "page.mjs" in (built_site / lang / page / "index.html").read_text("utf-8")
        assert "offline.mjs" not in (built_site / lang / "index.html").read_text("utf-8")
    for page in ("checker", "checklist"):
        script = (built_site / "assets" / page / "page.mjs").read_text(encoding="utf-8")
        assert "offline.mjs" in script


def test_a_new_build_gets_a_new_cache() -> None:
    old = service_worker(precache_paths(["assets/checker/python-aaaaaaaaaaaa.tar.gz"]))
    new = service_worker(precache_paths(["assets/checker/python-bbbbbbbbbbbb.tar.gz"]))
    assert _version(old) != _version(new)
    assert _precache(new) == ["assets/checker/python-bbbbbbbbbbbb.tar.gz", "process.json"]


def test_the_precache_keeps_the_pages_runtime_only() -> None:
    paths = precache_paths(
        ["assets/pyodide/pyodide.mjs", "assets/checker/view.mjs", "index.md", "assets/x.css"]
    )
    assert paths == ["assets/checker/view.mjs", "assets/pyodide/pyodide.mjs", "process.json"]
