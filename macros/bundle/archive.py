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
from importlib.metadata import version
from pathlib import Path

import yaml

from macros.bundle import CACHE_DIR, BundleError, _prune
from macros.bundle.trim import Trimmed, trim
from process.workdays import DEFAULT_COUNTRY, country_module

ARCHIVE_DIR = "assets/checker"
# Our packages, read from the project tree (process for the personal checklist; nothing of
# macros/, so build code never renames the archive or the snapshot); then pure-Python
# dependencies read from the installed packages (snowballstemmer for stems, PyYAML's
# pure-Python half for .yaml files, holidays for the working calendar, with python-dateutil
# and six, which holidays' core imports).
PROJECT_PACKAGES = ("validator", "process")
INSTALLED_PACKAGES = ("snowballstemmer", "yaml", "holidays", "dateutil")
INSTALLED_MODULES = ("six",)  # single-file modules
# Installed packages of which only some modules are packed (paths in the package, no .py):
# snowballstemmer's own __init__ imports every language it has (5.6 MB more in the snapshot);
# validator/lexicon.py imports the Russian and English stemmers' modules directly. Of dateutil,
# what holidays' core imports. Of holidays, what its core and the provider country's module
# import, read from their imports (`holidays_part`): not the other countries, calendars, groups.
PARTLY_PACKED = {
    "snowballstemmer": ("among", "basestemmer", "english_stemmer", "russian_stemmer"),
    "dateutil": (
        "__init__",
        "_common",
        "_version",
        "easter",
        "relativedelta",
        "parser/__init__",
        "parser/_parser",
        "parser/isoparser",
        "tz/__init__",
        "tz/_common",
        "tz/_factories",
        "tz/tz",
    ),
}
PARTLY_PACKED_INIT = b'"""Packed for the browser: only the modules the validator imports."""\n'
PACKED_SUFFIXES = frozenset({".py", ".toml", ".txt", ".json"})
# Files of our packages the browser never imports: the YAML loader and its schema, the CLI.
BUILD_ONLY = {
    "process": ("__main__.py", "cli.py", "definition.py", "definition.schema.json", "document.py")
}


def provider_country(project_root: Path) -> str:
    """mkdocs.yml's extra.provider.country (the default when the file or the key is absent)."""
    config = project_root / "mkdocs.yml"
    if not config.is_file():
        return DEFAULT_COUNTRY
    extra = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("extra")
    provider = extra.get("provider") if isinstance(extra, dict) else None
    country = provider.get("country") if isinstance(provider, dict) else None
    return str(country or DEFAULT_COUNTRY)


@lru_cache(maxsize=4)
def holidays_part(folder: Path, country: str) -> Trimmed:
    """The modules of holidays (installed at `folder`) that `country`'s working calendar needs
    (read once per build: every page that boots the checker names the archive)."""
    module = country_module(country)
    if module is None:
        raise BundleError(f"extra.provider.country '{country}': holidays has no such country.")
    return trim(folder, ("__init__", f"countries/{module}"))


def _generated_files(holidays: Trimmed) -> dict[str, bytes]:
    """Files written for the browser in place of installed ones: snowballstemmer's __init__,
    holidays' subpackage __init__s (each imports all it has), and holidays' version module
    (which reads the installed package's metadata, not packed)."""
    return {
        "snowballstemmer/__init__.py": PARTLY_PACKED_INIT,
        **{f"holidays/{path}": text for path, text in holidays.inits.items()},
        "holidays/version.py": f'__version__ = "{version("holidays")}"\n'.encode(),
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


def module_files() -> dict[str, Path]:
    """The installed single-file modules packed, by archive path (``six.py``)."""
    files = {}
    for name in INSTALLED_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise BundleError(f"Python module '{name}' is not installed: run 'make setup' first.")
        files[f"{name}.py"] = Path(spec.origin)
    return files


def _packed_files(
    dirs: dict[str, Path], partly: dict[str, tuple[str, ...]], generated: dict[str, bytes]
) -> list[tuple[str, Path]]:
    """(archive path, file) pairs in a stable order, without caches or compiled extensions."""
    files = []
    for name, folder in sorted(dirs.items()):
        chosen = {f"{module}.py" for module in partly.get(name, ())}
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if not path.is_file() or path.suffix not in PACKED_SUFFIXES or "__pycache__" in rel:
                continue
            if (name in partly and rel not in chosen) or rel in BUILD_ONLY.get(name, ()):
                continue
            if f"{name}/{rel}" not in generated:
                files.append((f"{name}/{rel}", path))
    return files + sorted(module_files().items())


def build_archive(project_root: Path) -> Archive:
    """Pack validator, process and their pure-Python dependencies into one hashed tar.gz (of
    holidays, the calendar of mkdocs.yml's extra.provider.country only)."""
    dirs = package_dirs(project_root)
    holidays = holidays_part(dirs["holidays"], provider_country(project_root))
    generated = _generated_files(holidays)
    files = _packed_files(dirs, {**PARTLY_PACKED, "holidays": holidays.modules}, generated)
    fingerprint = tuple((arc, p.stat().st_mtime_ns, p.stat().st_size) for arc, p in files)
    return _archive(
        tuple((arc, str(p)) for arc, p in files), tuple(sorted(generated.items())), fingerprint
    )


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
