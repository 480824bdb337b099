"""Pyodide's memory snapshot with the checker imported and warm, made by Node at build time.

Its name is the archive's, the Pyodide version and the hash of ``snapshot.mjs``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from macros.bundle import CACHE_DIR, BundleError, _prune
from macros.bundle.archive import Archive, packed_archive
from macros.bundle.runtime import pyodide_version

SNAPSHOT_SCRIPT = Path(__file__).with_name("snapshot.mjs")


def snapshot_name(archive: Archive, version: str) -> str:
    """Site path of the snapshot made from this archive, Pyodide version and snapshot script."""
    script = hashlib.sha256(SNAPSHOT_SCRIPT.read_bytes()).hexdigest()[:8]
    return archive.name.removesuffix(".tar.gz") + f".pyodide-{version}.{script}.snapshot"


def build_snapshot(node_modules: Path, archive: Archive) -> tuple[str, Path]:
    """Make (or reuse from the build cache) Pyodide's memory snapshot with the checker imported.

    Runs ``snapshot.mjs`` in Node; returns the snapshot's site path and its file.
    """
    name = snapshot_name(archive, pyodide_version(node_modules))
    path = CACHE_DIR / name
    if path.is_file():
        return name, path
    node = shutil.which("node")
    if node is None:
        raise BundleError("Node.js is needed to build the checker (install Node 20+).")
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
        raise BundleError("Pyodide snapshot failed: " + " | ".join(tail))
    partial.replace(path)
    _prune(path.parent, "*.snapshot", keep=3)
    return name, path
