"""The build pipeline of the in-browser Python: runtime files, the archive, the snapshot and the
service worker (no MkDocs import; Node makes the snapshot). Shared: the error and the cache.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

__all__ = ["CACHE_DIR", "BundleError"]

CACHE_DIR = Path(tempfile.gettempdir()) / "kit-checker"


class BundleError(Exception):
    """A part of the browser bundle cannot be built (missing runtime or package)."""


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Drop all but the newest few cached files of a kind (snapshots are tens of MB each)."""
    cached = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in cached[keep:]:
        old.unlink(missing_ok=True)
