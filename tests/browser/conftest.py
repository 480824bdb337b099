"""Browser fixtures: one built site, one local server, one Chromium per test session.

- ``site_server`` serves the session's ``built_site`` on 127.0.0.1 at the root and under ``/kit/``
  (bench.local_site, which the benchmark uses too).
- ``browser`` is one Playwright Chromium launched from Debian's ``/usr/bin/chromium``.
- ``page`` is a fresh context per test that records every request and fails the test if any
  request goes to another origin than the server (``assert_same_origin`` checks it explicitly).
- ``recorded_contexts`` makes contexts that a module's tests share, checked the same way.
- ``axe`` injects axe-core from node_modules and returns serious and critical violations.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.local_site import CHROMIUM, SUBPATH, launch_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Schemes that never leave the browser.
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@dataclass
class SiteServer:
    """The running server: its origin and the site folder it serves."""

    origin: str
    root: Path

    def url(self, path: str = "", *, kit: bool = False) -> str:
        """Absolute URL of a site path, at the root or under the /kit/ sub-path."""
        return self.origin + (SUBPATH if kit else "/") + path.lstrip("/")


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The session's ``built_site``, or an already built KIT_SITE_DIR while iterating."""
    prebuilt = os.environ.get("KIT_SITE_DIR")
    if prebuilt:
        return Path(prebuilt)
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[SiteServer]:
    """Serve the built site on 127.0.0.1 (a free port) until the session ends."""
    with serve(site_dir) as origin:
        yield SiteServer(origin=origin, root=site_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run 'make chromium' (or 'sudo apt-get install chromium').",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class RequestLog:
    """Every URL the page (and its workers) asked for."""

    origin: str
    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        """URLs that went to another origin than the site server."""
        return [
            u for u in self.urls if not u.startswith(LOCAL_SCHEMES) and _origin(u) != self.origin
        ]

    def assert_same_origin(self) -> None:
        """Fail unless requests were recorded and every one stayed on the site's origin."""
        assert self.urls, "no request was recorded at all"
        assert self.foreign() == [], f"requests to another origin: {self.foreign()}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def requests_log(site_server: SiteServer) -> RequestLog:
    """The request log of the current test's browser context."""
    return RequestLog(origin=site_server.origin)


def policy_violations(the_page: Any) -> list[str]:
    """Collect, from now on, what the page's Content-Security-Policy blocked (Chromium reports
    each refusal on the console); the site's own pages must cause none."""
    refused: list[str] = []
    the_page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.fixture
def page(browser: Any, requests_log: RequestLog) -> Iterator[Any]:
    """A page in a fresh context; the test fails if any request left the site's origin or the
    page's Content-Security-Policy had to block anything."""
    context = browser.new_context(service_workers="block")
    context.on("request", lambda request: requests_log.urls.append(request.url))
    the_page = context.new_page()
    the_page.set_default_timeout(30_000)
    refused = policy_violations(the_page)
    try:
        yield the_page
    finally:
        context.close()
    foreign = requests_log.foreign()
    if foreign:
        pytest.fail(f"requests to another origin: {foreign}", pytrace=False)
    if refused:
        pytest.fail(f"blocked by the page's policy: {refused}", pytrace=False)


@pytest.fixture(scope="module")
def recorded_contexts(browser: Any, site_server: SiteServer) -> Iterator[Callable[[], Any]]:
    """A maker of browser contexts that live for a module's tests, for pages those tests share
    (each page load starts Pyodide); checked at the module's end as ``page`` is checked."""
    log = RequestLog(origin=site_server.origin)
    refused: list[str] = []
    contexts: list[Any] = []

    def new_context() -> Any:
        context = browser.new_context(service_workers="block")
        context.on("request", lambda request: log.urls.append(request.url))
        context.on(
            "console",
            lambda message: (
                refused.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()
    if contexts:
        log.assert_same_origin()
    if refused:
        pytest.fail(f"blocked by the page's policy: {refused}", pytrace=False)


@pytest.fixture(scope="session")
def axe() -> Callable[[Any], list[dict[str, Any]]]:
    """Return a function that runs axe-core on a page and lists serious/critical violations."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run 'make setup' (npm ci).", pytrace=False)

    def run(the_page: Any) -> list[dict[str, Any]]:
        # Judge settled colours: a pointer left over a button by an earlier click (or a layout
        # shift bringing one under it) starts a 125 ms hover transition, and axe measuring in the
        # middle of it reports contrast that no reader ever sees for longer than a blink.
        the_page.mouse.move(0, 0)
        the_page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        # Evaluated, not added as a <script>: the page's policy lets no unknown inline script run.
        the_page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        result = the_page.evaluate("async () => await axe.run(document)")
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]

    return run
