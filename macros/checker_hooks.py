"""MkDocs hook: add the self-hosted Pyodide runtime and the checker's Python archive to the site.

The files are added to MkDocs' file collection, so ``mkdocs build`` writes them and
``mkdocs serve`` serves them; a missing runtime fails the build with a plain message.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.checker_assets import CheckerAssetsError, build_archive, pyodide_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add assets/pyodide/* (copied from node_modules) and the hashed validator archive."""
    root = Path(config.config_file_path).resolve().parent
    try:
        runtime = pyodide_files(root / "node_modules")
        archive = build_archive(root)
    except CheckerAssetsError as error:
        raise PluginError(str(error)) from error
    for site_path, source in runtime.items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    # Written to a file first: mkdocs-static-i18n expects every file to have a source path.
    packed = Path(tempfile.gettempdir()) / "kit-checker" / archive.name
    if not packed.is_file():
        packed.parent.mkdir(parents=True, exist_ok=True)
        packed.write_bytes(archive.content)
    files.append(File.generated(config, archive.name, abs_src_path=str(packed)))
    return files
