"""A built site served on 127.0.0.1 and Debian's Chromium launched headless: the one set-up
that the browser tests (tests/browser/conftest.py) and `python -m bench.browser` share."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
# The site is also served under this sub-path, as on most static hosts.
SUBPATH = "/kit/"
MIME_TYPES = {  # module scripts and WebAssembly need their exact types
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".tar": "application/x-tar",
    ".svg": "image/svg+xml",
    ".css": "text/css",
    ".html": "text/html",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of a built site, at / and under /kit/, quiet."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }
    cache_control: str | None = None

    def translate_path(self, path: str) -> str:
        """Map /kit/… onto the same files as /…."""
        if path == SUBPATH.rstrip("/") or path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH) :]
        return super().translate_path(path)

    def end_headers(self) -> None:
        """Add the Cache-Control header the server was started with, if any."""
        if self.cache_control:
            self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the output clean."""


@contextlib.contextmanager
def serve(directory: Path, cache_control: str | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) and yield its origin; `cache_control`
    ("no-cache": revalidate, as most hosts do) is sent with every file when given."""
    handler_class = type("Handler", (SiteHandler,), {"cache_control": cache_control})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium, headless, with flags that stop it calling home (no GPU, no sandbox)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
    )


def launch_profile(playwright: Any, profile: Path) -> Any:
    """The same Chromium with a normal profile kept in ``profile``: a context whose disk caches
    (HTTP, code) behave as a reader's do; the contexts of launch_chromium() keep none."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
    )
