"""The checker's build-time assets: the self-hosted Pyodide runtime and the packed Python archive.

Pure functions (no MkDocs import): the hook in ``checker_hooks.py`` adds their output to the
site, and the checker macro asks for the archive's content-hashed name.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import zipfile
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
# Our package, read from the project tree; then pure-Python dependencies read from the
# installed packages (snowballstemmer for stems, PyYAML's pure-Python half for .yaml files).
PROJECT_PACKAGES = ("validator",)
INSTALLED_PACKAGES = ("snowballstemmer", "yaml")
PACKED_SUFFIXES = frozenset({".py", ".toml", ".txt", ".json"})
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)


class CheckerAssetsError(Exception):
    """A checker asset cannot be built (missing runtime or package): a plain message to show."""


@dataclass(frozen=True, slots=True)
class Archive:
    """The packed Python packages: the file name carries a hash of the content."""

    name: str
    content: bytes


def pyodide_files(node_modules: Path) -> dict[str, Path]:
    """Map each site path of the Pyodide runtime to its file in node_modules (or fail plainly)."""
    folder = node_modules / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise CheckerAssetsError(
            f"Pyodide runtime not found in {folder} (missing: {', '.join(missing)}): "
            "run 'make setup' (npm ci) before building the site."
        )
    return {f"{PYODIDE_DIR}/{name}": folder / name for name in PYODIDE_FILES}


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
                files.append((f"{name}/{rel.as_posix()}", path))
    return files


def build_archive(project_root: Path) -> Archive:
    """Pack validator and its pure-Python dependencies into one reproducible, hashed zip."""
    files = _packed_files(package_dirs(project_root))
    fingerprint = tuple((arc, p.stat().st_mtime_ns, p.stat().st_size) for arc, p in files)
    return _archive(tuple((arc, str(p)) for arc, p in files), fingerprint)


@lru_cache(maxsize=4)
def _archive(files: tuple[tuple[str, str], ...], fingerprint: tuple[object, ...]) -> Archive:
    """Zip the files (cached by their paths, times and sizes, so one build packs once)."""
    del fingerprint  # only part of the cache key
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for arc, path in files:
            info = zipfile.ZipInfo(arc, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, Path(path).read_bytes())
    content = buffer.getvalue()
    digest = hashlib.sha256(content).hexdigest()[:12]
    return Archive(name=f"{ARCHIVE_DIR}/python-{digest}.zip", content=content)
