"""The checker's build-time assets: the self-hosted Pyodide runtime, the packed Python archive
and the folder named by its content that the widgets' scripts and styles are served from.

Pure functions (no MkDocs import): the hook in ``checker_hooks.py`` adds their output to the
site, and the widget macros ask for the content-hashed names.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Only what loadPyodide() needs for a plain start (no package wheels, no CDN).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_DIR = "assets/pyodide"
ARCHIVE_DIR = "assets/checker"
# Our packages, read from the project tree (process for the personal checklist; nothing of
# macros/, so build code never renames the archive or the snapshot); then pure-Python
# dependencies read from the installed packages (snowballstemmer for stems, PyYAML's
# pure-Python half for .yaml files).
PROJECT_PACKAGES = ("validator", "process")
INSTALLED_PACKAGES = ("snowballstemmer", "yaml")
# Installed packages of which only some modules are packed, under a generated __init__.py:
# snowballstemmer's own __init__ imports every language it has (5.6 MB more in the snapshot);
# validator/lexicon.py imports the Russian and English stemmers' modules directly.
PARTLY_PACKED = {"snowballstemmer": ("among", "basestemmer", "english_stemmer", "russian_stemmer")}
PARTLY_PACKED_INIT = b'"""Packed for the browser: only the modules the validator imports."""\n'
PACKED_SUFFIXES = frozenset({".py", ".toml", ".txt", ".json"})
SNAPSHOT_SCRIPT = Path(__file__).with_name("checker_snapshot.mjs")
CACHE_DIR = Path(tempfile.gettempdir()) / "kit-checker"
# The widgets' scripts and styles (under docs/) are served from SCRIPTS_DIR/<hash>/, keeping
# their own folders (checker/, checklist/), so their relative imports stay as written. A name
# that changes with the content can be kept as it is: by the service worker and by HTTP caches.
SCRIPT_SOURCES = ("assets/checker", "assets/checklist")
SCRIPTS_DIR = "assets/kit"


class CheckerAssetsError(Exception):
    """A checker asset cannot be built (missing runtime or package): a plain message to show."""


@dataclass(frozen=True, slots=True)
class Archive:
    """The packed Python packages: the file name carries a hash of the content."""

    name: str
    content: bytes


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
    """Where a docs file of the widgets goes in the site (``assets/checker/x.mjs`` →
    ``assets/kit/<hash>/checker/x.mjs``); None for any other file."""
    if not src_uri.startswith(tuple(f"{source}/" for source in SCRIPT_SOURCES)):
        return None
    return f"{folder}/{src_uri.removeprefix('assets/')}"


def pyodide_files(node_modules: Path) -> dict[str, Path]:
    """Map each site path of the Pyodide runtime to its file in node_modules (or fail plainly)."""
    folder = node_modules / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise CheckerAssetsError(
            f"Pyodide runtime not found in {folder} (missing: {', '.join(missing)}): "
            "run 'make setup' (npm ci) before building the site."
        )
    site_dir = pyodide_site_dir(node_modules)
    return {f"{site_dir}/{name}": folder / name for name in PYODIDE_FILES}


def pyodide_site_dir(node_modules: Path) -> str:
    """The runtime's folder in the site, named by its version: its files never change there."""
    return f"{PYODIDE_DIR}/{pyodide_version(node_modules)}"


def package_dirs(project_root: Path) -> dict[str, Path]:
    """The folder of every package packed into the archive, by import name."""
    dirs = {name: project_root / name for name in PROJECT_PACKAGES}
    for name in INSTALLED_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise CheckerAssetsError(
                f"Python package '{name}' is not installed: run 'make setup' first."
            )
        dirs[name] = Path(next(iter(spec.submodule_search_locations)))
    for name, folder in dirs.items():
        if not (folder / "__init__.py").is_file():
            raise CheckerAssetsError(f"Package '{name}' not found at {folder}.")
    return dirs


def _packed_files(dirs: dict[str, Path]) -> list[tuple[str, Path]]:
    """(archive path, file) pairs in a stable order, without caches or compiled extensions."""
    files = []
    for name, folder in sorted(dirs.items()):
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if path.is_file() and path.suffix in PACKED_SUFFIXES and "__pycache__" not in rel.parts:
                if name in PARTLY_PACKED and rel.as_posix() not in _module_files(name):
                    continue
                files.append((f"{name}/{rel.as_posix()}", path))
    return files


def _module_files(package: str) -> set[str]:
    """The files packed of a partly packed package (its __init__.py is generated)."""
    return {f"{module}.py" for module in PARTLY_PACKED[package]}


def build_archive(project_root: Path) -> Archive:
    """Pack validator and its pure-Python dependencies into one reproducible, hashed tar.gz."""
    files = _packed_files(package_dirs(project_root))
    fingerprint = tuple((arc, p.stat().st_mtime_ns, p.stat().st_size) for arc, p in files)
    generated = tuple((f"{name}/__init__.py", PARTLY_PACKED_INIT) for name in sorted(PARTLY_PACKED))
    return _archive(tuple((arc, str(p)) for arc, p in files), generated, fingerprint)


@lru_cache(maxsize=4)
def _archive(
    files: tuple[tuple[str, str], ...],
    generated: tuple[tuple[str, bytes], ...],
    fingerprint: tuple[object, ...],
) -> Archive:
    """Tar and gzip the files (cached by paths, times and sizes, so one build packs once).

    Plain ustar with fixed owners and times: the browser unpacks it with a few lines of
    JavaScript (``untar.mjs``), and the same files always give the same bytes and name.
    """
    del fingerprint  # only part of the cache key
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        contents = [(arc, Path(path).read_bytes()) for arc, path in files]
        for arc, data in sorted([*contents, *generated]):
            info = tarfile.TarInfo(arc)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    content = gzip.compress(buffer.getvalue(), compresslevel=9, mtime=0)
    digest = hashlib.sha256(content).hexdigest()[:12]
    return Archive(name=f"{ARCHIVE_DIR}/python-{digest}.tar.gz", content=content)


def packed_archive(archive: Archive) -> Path:
    """The archive written once to the build cache (MkDocs copies files from a path)."""
    path = CACHE_DIR / archive.name
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(archive.content)
        _prune(path.parent, "*.tar.gz", keep=10)
    return path


def pyodide_version(node_modules: Path) -> str:
    """The installed Pyodide runtime's version (part of the snapshot's name)."""
    package = json.loads((node_modules / "pyodide" / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def snapshot_name(archive: Archive, version: str) -> str:
    """Site path of the snapshot made from this archive, Pyodide version and snapshot script."""
    script = hashlib.sha256(SNAPSHOT_SCRIPT.read_bytes()).hexdigest()[:8]
    return archive.name.removesuffix(".tar.gz") + f".pyodide-{version}.{script}.snapshot"


def build_snapshot(node_modules: Path, archive: Archive) -> tuple[str, Path]:
    """Make (or reuse from the build cache) Pyodide's memory snapshot with the checker imported.

    Runs ``checker_snapshot.mjs`` in Node; returns the snapshot's site path and its file.
    """
    name = snapshot_name(archive, pyodide_version(node_modules))
    path = CACHE_DIR / name
    if path.is_file():
        return name, path
    node = shutil.which("node")
    if node is None:
        raise CheckerAssetsError("Node.js is needed to build the checker (install Node 20+).")
    partial = path.with_suffix(f".{os.getpid()}.partial")
    result = subprocess.run(
        [
            node,
            str(SNAPSHOT_SCRIPT),
            str(node_modules / "pyodide"),
            str(packed_archive(archive)),
            str(partial),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0 or not partial.is_file():
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise CheckerAssetsError("Pyodide snapshot failed: " + " | ".join(tail))
    partial.replace(path)
    _prune(path.parent, "*.snapshot", keep=3)
    return name, path


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Drop all but the newest few cached files of a kind (snapshots are tens of MB each)."""
    cached = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in cached[keep:]:
        old.unlink(missing_ok=True)
