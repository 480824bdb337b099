"""The site's service worker: ``sw.js`` at the site root, made from the template per build.

Pure (no MkDocs import): the hook in ``macros/hooks.py`` adds the written file to the site.
Its cache name is a hash of the script and of the precached paths (which carry the archive's
and snapshot's content hashes), so each build gets a fresh cache and drops the old one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

SW_TEMPLATE = Path(__file__).with_name("sw.js")
SW_NAME = "sw.js"
# Site folders whose files the checker and checklist pages need offline: the Python archive and
# snapshot (assets/checker/), the widgets' scripts and styles (assets/kit/<hash>/).
PRECACHE_DIRS = ("assets/checker/", "assets/kit/")
PRECACHE_EXTRA = ("process.json",)


def precache_paths(site_paths: Iterable[str]) -> list[str]:
    """The sorted site paths to cache on install: the runtime, the pages' scripts, process.json."""
    wanted = {p for p in site_paths if p.startswith(("assets/pyodide/", *PRECACHE_DIRS))}
    return sorted(wanted | set(PRECACHE_EXTRA))


def service_worker(precache: list[str]) -> str:
    """The service worker's source with this build's cache version and precache list."""
    template = SW_TEMPLATE.read_text(encoding="utf-8")
    listed = json.dumps(precache)
    version = hashlib.sha256((template + listed).encode()).hexdigest()[:12]
    return template.replace("__VERSION__", version).replace("__PRECACHE__", listed)


def write_service_worker(precache: list[str], folder: Path) -> Path:
    """Write the service worker into a build-cache folder (MkDocs copies files from a path)."""
    source = service_worker(precache)
    digest = hashlib.sha256(source.encode()).hexdigest()[:12]
    path = folder / f"sw-{digest}.js"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return path
