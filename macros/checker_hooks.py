"""MkDocs hook: add the self-hosted Pyodide runtime, the checker's Python archive and snapshot,
and serve the widgets' scripts and styles from a folder named by their content.

The files are added to MkDocs' file collection, so ``mkdocs build`` writes them and
``mkdocs serve`` serves them; a missing runtime fails the build with a plain message.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.checker_assets import (
    CACHE_DIR,
    CheckerAssetsError,
    build_archive,
    build_snapshot,
    packed_archive,
    pyodide_files,
    scripts_folder,
    scripts_site_path,
)
from macros.checker_offline import SW_NAME, precache_paths, write_service_worker


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add assets/pyodide/* (from node_modules), the hashed archive, its snapshot and sw.js;
    move the widgets' scripts and styles to assets/kit/<hash>/."""
    root = Path(config.config_file_path).resolve().parent
    try:
        runtime = pyodide_files(root / "node_modules")
        archive = build_archive(root)
        snapshot = build_snapshot(root / "node_modules", archive)
    except CheckerAssetsError as error:
        raise PluginError(str(error)) from error
    folder = scripts_folder(Path(config.docs_dir))
    for file in list(files):
        site_path = scripts_site_path(file.src_uri, folder)
        if site_path and not file.generated_by:
            files.remove(file)
            files.append(
                File(
                    file.src_uri,
                    config.docs_dir,
                    config.site_dir,
                    config.use_directory_urls,
                    dest_uri=site_path,
                )
            )
    generated = {**runtime, archive.name: packed_archive(archive), snapshot[0]: snapshot[1]}
    # From files (not bytes): mkdocs-static-i18n expects every file to have a source path.
    for site_path, source in generated.items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    precache = precache_paths(f.dest_uri for f in files)
    worker = write_service_worker(precache, CACHE_DIR)
    files.append(File.generated(config, SW_NAME, abs_src_path=str(worker)))
    return files
