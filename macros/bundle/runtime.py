"""Where the self-hosted Pyodide runtime and the widgets' scripts and styles go in the site."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from macros.bundle import BundleError

# Only what loadPyodide() needs for a plain start (no package wheels, no CDN).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_DIR = "assets/pyodide"
# The widgets' scripts and styles (docs/assets/kit/) are served from SCRIPTS_DIR/<hash>/, keeping
# their own folders (runtime/, checker/, checklist/), so their relative imports stay as written.
# A name that changes with the content can be kept as it is: by the service worker and HTTP caches.
SCRIPT_SOURCES = ("assets/kit",)
SCRIPTS_DIR = "assets/kit"


def scripts_folder(docs_dir: Path) -> str:
    """This build's site folder for the widgets' scripts and styles (``assets/kit/<hash>``)."""
    digest = hashlib.sha256()
    for source in SCRIPT_SOURCES:
        for path in sorted((docs_dir / source).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(docs_dir).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return f"{SCRIPTS_DIR}/{digest.hexdigest()[:12]}"


def scripts_site_path(src_uri: str, folder: str) -> str | None:
    """Where a docs file of the widgets goes in the site (``assets/kit/checker/x.mjs`` →
    ``assets/kit/<hash>/checker/x.mjs``); None for any other file."""
    for source in SCRIPT_SOURCES:
        if src_uri.startswith(f"{source}/"):
            return f"{folder}/{src_uri.removeprefix(f'{source}/')}"
    return None


def pyodide_files(node_modules: Path) -> dict[str, Path]:
    """Map each site path of the Pyodide runtime to its file in node_modules (or fail plainly)."""
    folder = node_modules / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise BundleError(
            f"Pyodide runtime not found in {folder} (missing: {', '.join(missing)}): "
            "run 'make setup' (npm ci) before building the site."
        )
    site_dir = pyodide_site_dir(node_modules)
    return {f"{site_dir}/{name}": folder / name for name in PYODIDE_FILES}


def pyodide_site_dir(node_modules: Path) -> str:
    """The runtime's folder in the site, named by its version: its files never change there."""
    return f"{PYODIDE_DIR}/{pyodide_version(node_modules)}"


def pyodide_version(node_modules: Path) -> str:
    """The installed Pyodide runtime's version (part of the snapshot's name)."""
    package = json.loads((node_modules / "pyodide" / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])
