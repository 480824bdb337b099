"""The browser's Python archive: validator, process and their pure-Python dependencies, packed
into one reproducible tar.gz named by its content (nothing of macros/ is packed).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import io
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from macros.bundle import CACHE_DIR, BundleError, _prune

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
# Files of our packages the browser never imports: the YAML loader and its schema, the CLI.
BUILD_ONLY = {
    "process": ("__main__.py", "cli.py", "definition.py", "definition.schema.json", "document.py")
}


@dataclass(frozen=True, slots=True)
class Archive:
    """The packed Python packages: the file name carries a hash of the content."""

    name: str
    content: bytes


def package_dirs(project_root: Path) -> dict[str, Path]:
    """The folder of every package packed into the archive, by import name."""
    dirs = {name: project_root / name for name in PROJECT_PACKAGES}
    for name in INSTALLED_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise BundleError(f"Python package '{name}' is not installed: run 'make setup' first.")
        dirs[name] = Path(next(iter(spec.submodule_search_locations)))
    for name, folder in dirs.items():
        if not (folder / "__init__.py").is_file():
            raise BundleError(f"Package '{name}' not found at {folder}.")
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
                if rel.as_posix() in BUILD_ONLY.get(name, ()):
                    continue
                files.append((f"{name}/{rel.as_posix()}", path))
    return files


def _module_files(package: str) -> set[str]:
    """The files packed of a partly packed package (its __init__.py is generated)."""
    return {f"{module}.py" for module in PARTLY_PACKED[package]}


def build_archive(project_root: Path) -> Archive:
    """Pack validator, process and their pure-Python dependencies into one hashed tar.gz."""
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
