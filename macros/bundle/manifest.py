"""This build's runtime paths (Pyodide folder, archive, snapshot, scripts folder) for the pages."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from macros.bundle.archive import build_archive
from macros.bundle.runtime import pyodide_site_dir, pyodide_version, scripts_folder
from macros.bundle.snapshot import snapshot_name


class RuntimePaths(NamedTuple):
    """Site paths of this build's Pyodide folder, Python archive, memory snapshot and the
    folder of the widgets' scripts and styles (``assets/kit/<hash>``)."""

    pyodide: str
    archive: str
    snapshot: str
    scripts: str


def runtime_paths(project_root: Path) -> RuntimePaths:
    """This build's Pyodide folder, Python archive, memory snapshot and scripts (site paths)."""
    node_modules = project_root / "node_modules"
    archive = build_archive(project_root)
    snapshot = snapshot_name(archive, pyodide_version(node_modules))
    scripts = scripts_folder(project_root / "docs")
    return RuntimePaths(pyodide_site_dir(node_modules), archive.name, snapshot, scripts)
