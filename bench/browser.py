"""Benchmark the checker page in headless Chromium: `python -m bench.browser [--runs 5]`.

Prints medians of N runs: cold and warm "ready" time of the checker page and of a plain
``loadPyodide()`` page (same runtime files, same worker set-up, measured in the same run) with
their ratio, and the spread of both over the runs; the same against ``loadPyodide()`` called in
the page's main thread, as Pyodide's documentation shows it; the same for Pyodide's own snapshot
start with nothing of ours (the floor of the ratio); cold and warm time to the personal
checklist page's first checklist; the check latency for a 1024-character template (on a settled
page, and for the first check one second after a cold start); bytes transferred for a guide page
and for the checker page (as served, and what gzip would make of the same files), and what the
site's service worker fetches after a first visit to keep for offline use; when each step of
the checker worker's start ended on a warm visit (fetches, compilation, snapshot, unpack, ready);
and a repeat visit in a new tab of a normal profile, for the checker and the main-thread page.
A warm visit is a repeat visit made once the first has settled (its service worker, if any,
controls the page), in the same tab of a context that keeps no disk cache: the engine may still
hold the first visit's compiled code in memory. The repeat visit in a new tab of a normal profile
counts only what the browser kept on disk.
A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.local_site import launch_chromium, launch_profile, serve

ROOT = Path(__file__).resolve().parent.parent
# Records when the page is ready (page time: ms since navigation start): the checker's root
# turns ready, or the personal checklist's root shows its first checklist.
READY_PROBE = """
new MutationObserver((_, observer) => {
  const checker = document.querySelector('[data-checker]');
  const checklist = document.querySelector('[data-checklist-state]');
  if ((checker && checker.dataset.checkerState === 'ready')
      || (checklist && checklist.dataset.checklistState === 'ready')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true,
  attributeFilter: ['data-checker-state', 'data-checklist-state']});
"""
# A page that only starts Pyodide in its module worker (worker.mjs), as the checker does.
PLAIN_PAGE = """<!doctype html><html lang="en"><title>loadPyodide() in a worker</title>
<script type="module">
const worker = new Worker(new URL("./worker.mjs", import.meta.url), {type: "module"});
worker.onmessage = () => { window.__readyAt = performance.now(); };
</script></html>"""
# The same start in the page's main thread, as Pyodide's documentation shows it: the way most
# pages put Python on the web, and the yardstick issue 14 names (the browser may cache the
# WebAssembly it compiles there differently from a worker's).
MAIN_PAGE = """<!doctype html><html lang="en"><title>loadPyodide() on the page</title>
<script type="module">
import { loadPyodide } from "../%(pyodide)s/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../%(pyodide)s/", import.meta.url).href });
window.__readyAt = performance.now();
</script></html>"""
PLAIN_WORKER = """import { loadPyodide } from "../%(pyodide)s/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../%(pyodide)s/", import.meta.url).href });
postMessage("ready");
"""
# The checker's own worker started from a blank page (no theme, no service worker): the floor
# of the checker page's start, so the page's own share of the time shows.
FLOOR_PAGE = """<!doctype html><html lang="en"><title>checker worker alone</title>
<script>
const url = (path) => new URL(path, location.href).href;
const files = new URLSearchParams({indexURL: url("%(data-pyodide)s"),
  archiveURL: url("%(data-archive)s"), snapshotURL: url("%(data-snapshot)s")});
const worker = new Worker(url("%(data-worker)s"), {type: "module", name: String(files)});
worker.onmessage = (event) => {
  if (event.data && event.data.type === "ready") window.__readyAt = performance.now();
};
</script></html>"""
# Pyodide's own snapshot start and nothing else: a bare interpreter's memory snapshot (made in
# Node when the benchmark builds its site), fetched whole and handed to loadPyodide(). The floor
# of any snapshot start with this runtime, so its ratio shows what is left to gain on our side.
BARE_SNAPSHOT = """import fs from "node:fs";
const [pyodideDir, out] = process.argv.slice(2);
const { loadPyodide } = await import(new URL("pyodide.mjs", `file://${pyodideDir}/`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
fs.writeFileSync(out, pyodide.makeMemorySnapshot());
"""
BARE_WORKER = """const snapshot = fetch("./bare.snapshot").then((reply) => reply.arrayBuffer());
const { loadPyodide } = await import("../%(pyodide)s/pyodide.mjs");
await loadPyodide({ indexURL: new URL("../%(pyodide)s/", import.meta.url).href,
  _loadSnapshot: new Uint8Array(await snapshot) });
postMessage("ready");
"""
CHECK_LATENCY = """async (text) => {
  const root = document.querySelector('[data-checker]');
  const body = root.querySelector('[data-field=body]');
  const started = performance.now();
  body.value = text;
  body.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise((resolve) => {
    const done = () => root.dataset.checkerShown === root.dataset.checkerRevision;
    if (done()) return resolve();
    new MutationObserver((_, o) => { if (done()) { o.disconnect(); resolve(); } })
      .observe(root, {attributes: true, attributeFilter: ['data-checker-shown']});
  });
  const shown = performance.now() - started;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return [shown, performance.now() - started];
}"""


def build_site(out: Path, prebuilt: Path | None) -> None:
    """Build the site (strict; or copy a built one) and add the plain loadPyodide() page."""
    if prebuilt:
        shutil.copytree(prebuilt, out)
    else:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    pyodide_dir = next(out.glob("assets/pyodide/*/pyodide.mjs")).parent
    relative = {"pyodide": pyodide_dir.relative_to(out).as_posix()}
    for name, worker in (("bench-plain", PLAIN_WORKER), ("bench-bare", BARE_WORKER)):
        (out / name).mkdir()
        (out / name / "index.html").write_text(PLAIN_PAGE, encoding="utf-8")
        (out / name / "worker.mjs").write_text(worker % relative, encoding="utf-8")
    (out / "bench-main").mkdir()
    (out / "bench-main" / "index.html").write_text(MAIN_PAGE % relative, encoding="utf-8")
    script = out / "bench-bare" / "make-snapshot.mjs"
    script.write_text(BARE_SNAPSHOT, encoding="utf-8")
    subprocess.run(["node", script, pyodide_dir, out / "bench-bare" / "bare.snapshot"], check=True)
    checker = (out / "checker" / "index.html").read_text(encoding="utf-8")
    names = ("data-worker", "data-pyodide", "data-archive", "data-snapshot")
    found = {n: re.search(rf'{n}="([^"]+)"', checker) for n in names}
    floor = out / "bench-floor"  # as deep as checker/, so the same relative paths work
    floor.mkdir()
    runtime = {n: html.unescape(m.group(1)) for n, m in found.items() if m}
    (floor / "index.html").write_text(FLOOR_PAGE % runtime, encoding="utf-8")


def ready_ms(page: Any, url: str) -> float:
    """Navigate and return the page's own time to ready (ms since navigation start)."""
    page.goto(url)
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
    return float(page.evaluate("window.__readyAt"))


# Waits are functions, not expressions: Playwright evaluates an expression with eval(), which
# the pages' Content-Security-Policy forbids.
# A repeat visit comes after the first one has settled: its service worker (if the page
# registers one) controls the page, i.e. has finished keeping the runtime for next time.
SETTLED = "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null"


def first_visit(page: Any, url: str, service_worker: bool) -> float:
    """A first visit's ready time, returned once it has settled (when its page registers a
    service worker), so that a repeat visit can follow."""
    ready = ready_ms(page, url)
    if service_worker:
        page.wait_for_function(SETTLED, timeout=120_000)
    return ready


# When each step of the checker worker's start ended (its timings.at), on the page's clock.
STEPS = """() => {
  const at = {...((window.kitChecker && window.kitChecker.timings || {}).at || {})};
  const shift = (at.origin || performance.timeOrigin) - performance.timeOrigin;
  delete at.origin;
  return Object.fromEntries(Object.entries(at).map(([step, ms]) => [step, ms + shift]));
}"""


def cold_and_warm(
    browser: Any, url: str, service_worker: bool, steps: list[dict[str, float]] | None = None
) -> tuple[float, float]:
    """Ready time on a fresh context (cold cache), then on a repeat visit (warm cache); the
    warm visit's start-up steps are added to ``steps`` when given (the checker page)."""
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    try:
        page = context.new_page()
        cold = first_visit(page, url, service_worker)
        page.goto("about:blank")
        warm = ready_ms(page, url)
        if steps is not None:
            steps.append(page.evaluate(STEPS))
    finally:
        context.close()
    return cold, warm


def new_tab_repeat(playwright: Any, url: str, service_worker: bool) -> float:
    """Ready time of a repeat visit in a new tab of a normal profile, once the first visit has
    settled and its tab is closed: what the browser kept on disk (HTTP cache, code caches,
    Cache Storage) counts, what the first tab's renderer still held in memory does not."""
    with tempfile.TemporaryDirectory(prefix="kit-profile-") as profile:
        context = launch_profile(playwright, Path(profile))
        context.add_init_script(READY_PROBE)
        try:
            page = context.new_page()
            first_visit(page, url, service_worker)
            page.close()
            return ready_ms(context.new_page(), url)
        finally:
            context.close()


def transferred(
    browser: Any, url: str, site: Path, wait: Callable[[Any], None], service_worker: bool
) -> tuple[int, int, int]:
    """Bytes a cold visit's page loads (as served; gzip -6 of the same files), and the bytes
    its service worker then fetches to keep for offline use (a URL fetched twice counts twice)."""
    context = browser.new_context()
    loaded: list[tuple[str, int]] = []
    kept: list[int] = []

    def finished(request: Any) -> None:
        size = request.sizes()["responseBodySize"]
        if request.service_worker:
            kept.append(size)
        else:
            loaded.append((request.url, size))

    context.on("requestfinished", finished)
    try:
        page = context.new_page()
        page.goto(url)
        wait(page)
        page.wait_for_load_state("networkidle")
        if service_worker:
            page.wait_for_function(SETTLED, timeout=120_000)
    finally:
        context.close()
    zipped = 0
    for address, _ in loaded:
        path = urlsplit(address).path
        file = site / path.lstrip("/")
        file = file / "index.html" if path.endswith("/") else file
        if file.is_file():
            zipped += len(gzip.compress(file.read_bytes(), compresslevel=6))
    return sum(size for _, size in loaded), zipped, sum(kept)


def step_medians(steps: list[dict[str, float]]) -> list[tuple[str, float]]:
    """Each start-up step's median time over the runs, in the order the steps end."""
    names = {name for run in steps for name in run}
    medians = {n: statistics.median(run[n] for run in steps if n in run) for n in names}
    return sorted(medians.items(), key=lambda item: item[1])


ROUND_TRIP = """async (text) => {
  const started = performance.now();
  await window.kitChecker.call('check', {lang: 'ru', mode: 'provider', template: {body: text}});
  return performance.now() - started;
}"""


# A reader's first paste comes a moment after the page says it is ready.
FIRST_CHECK_AFTER_MS = 1000


def check_latency(browser: Any, url: str, runs: int) -> tuple[float, float, float]:
    """Median ms for a 1024-character body: edit to shown, to next frame; worker round trip.

    Measured once the page has settled: right after a first visit's "ready", the service
    worker is still keeping the runtime for offline use and competes for the CPU.
    """
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    sentence = "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в доставку, курьер позвонит заранее. "
    texts = [(sentence * 20)[:1023] + end for end in ("!", ".")]
    try:
        page = context.new_page()
        first_visit(page, url, service_worker=True)
        page.evaluate(CHECK_LATENCY, texts[1])  # first check compiles regexes etc.
        samples = [page.evaluate(CHECK_LATENCY, texts[i % 2]) for i in range(runs * 4)]
        trips = [page.evaluate(ROUND_TRIP, texts[i % 2]) for i in range(runs * 4)]
    finally:
        context.close()
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
        statistics.median(trips),
    )


def first_check_latency(browser: Any, url: str, runs: int, after_ms: int) -> float:
    """Median ms, edit to shown, of the first check made ``after_ms`` after a cold "ready": the
    engine is still optimising the freshly started code and the page's background work (the
    service worker keeping the runtime, the search index) runs beside it."""
    sentence = "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в доставку, курьер позвонит заранее. "
    text = (sentence * 20)[:1023] + "!"
    samples = []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(READY_PROBE)
        try:
            page = context.new_page()
            ready_ms(page, url)
            page.wait_for_timeout(after_ms)
            samples.append(page.evaluate(CHECK_LATENCY, text)[0])
        finally:
            context.close()
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        site = Path(tmp) / "site"
        build_site(site, args.site)
        # Revalidated caching, as most hosts serve: warm visits ask whether files changed.
        with serve(site, cache_control="no-cache") as origin, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            checker_url, plain_url = f"{origin}/checker/", f"{origin}/bench-plain/"
            floor_url, bare_url = f"{origin}/bench-floor/", f"{origin}/bench-bare/"
            main_url = f"{origin}/bench-main/"
            checklist_url = f"{origin}/checklist/"
            keys = ("pc", "pw", "mc", "mw", "cc", "cw", "lc", "lw", "fc", "fw", "bc", "bw")
            keys += ("nc", "nm")  # the repeat visits in a new tab
            rows: dict[str, list[float]] = {k: [] for k in keys}
            steps: list[dict[str, float]] = []
            for _ in range(args.runs):  # interleaved, so both see the same machine load
                plain_cold, plain_warm = cold_and_warm(browser, plain_url, service_worker=False)
                main_cold, main_warm = cold_and_warm(browser, main_url, service_worker=False)
                cold, warm = cold_and_warm(browser, checker_url, service_worker=True, steps=steps)
                rows["mc"].append(main_cold)
                rows["mw"].append(main_warm)
                rows["pc"].append(plain_cold)
                rows["pw"].append(plain_warm)
                rows["cc"].append(cold)
                rows["cw"].append(warm)
                cold, warm = cold_and_warm(browser, checklist_url, service_worker=True)
                rows["lc"].append(cold)
                rows["lw"].append(warm)
                cold, warm = cold_and_warm(browser, floor_url, service_worker=False)
                rows["fc"].append(cold)
                rows["fw"].append(warm)
                cold, warm = cold_and_warm(browser, bare_url, service_worker=False)
                rows["bc"].append(cold)
                rows["bw"].append(warm)
                rows["nm"].append(new_tab_repeat(playwright, main_url, service_worker=False))
                rows["nc"].append(new_tab_repeat(playwright, checker_url, service_worker=True))
            med = {k: statistics.median(v) for k, v in rows.items()}
            latency = check_latency(browser, checker_url, args.runs)
            first = first_check_latency(browser, checker_url, args.runs, FIRST_CHECK_AFTER_MS)
            guide = transferred(browser, f"{origin}/prepare/", site, lambda p: None, False)
            checker = transferred(
                browser,
                checker_url,
                site,
                lambda p: p.wait_for_selector("[data-checker-state=ready]", timeout=120_000),
                True,
            )
            browser.close()
    print(f"median of {args.runs} runs, headless Chromium, site served from 127.0.0.1")
    print(f"plain loadPyodide() ready: cold {med['pc']:.0f} ms, warm {med['pw']:.0f} ms")
    print(
        f"checker page ready:        cold {med['cc']:.0f} ms (ratio {med['cc'] / med['pc']:.2f}),"
        f" warm {med['cw']:.0f} ms (ratio {med['cw'] / med['pw']:.2f})"
    )
    print(
        f"plain loadPyodide() on the page (main thread): cold {med['mc']:.0f} ms,"
        f" warm {med['mw']:.0f} ms; the checker page against it: cold ratio"
        f" {med['cc'] / med['mc']:.2f}, warm ratio {med['cw'] / med['mw']:.2f}"
    )
    span = {k: f"{min(v):.0f}–{max(v):.0f}" for k, v in rows.items()}
    print(
        f"  (runs: checker cold {span['cc']} ms, warm {span['cw']} ms;"
        f" plain cold {span['pc']} ms, warm {span['pw']} ms;"
        f" main-thread plain cold {span['mc']} ms, warm {span['mw']} ms)"
    )
    print(
        f"repeat visit in a new tab of a normal profile (disk caches only, not the first tab's"
        f" renderer): checker page {med['nc']:.0f} ms, main-thread plain page {med['nm']:.0f} ms"
        f" (ratio {med['nc'] / med['nm']:.2f}; runs: checker {span['nc']} ms,"
        f" main-thread {span['nm']} ms)"
    )
    print(
        "checker page, warm visit: when each start-up step ended (median ms since navigation): "
        + ", ".join(f"{step} {ms:.0f}" for step, ms in step_medians(steps))
    )
    print(
        f"checker's worker alone on a blank page (no theme, no service worker):"
        f" cold {med['fc']:.0f} ms, warm {med['fw']:.0f} ms"
    )
    print(
        f"Pyodide's own snapshot start (bare interpreter, no archive, no page):"
        f" cold {med['bc']:.0f} ms (ratio {med['bc'] / med['pc']:.2f}),"
        f" warm {med['bw']:.0f} ms (ratio {med['bw'] / med['pw']:.2f})"
    )
    print(
        f"personal checklist page, first checklist shown: cold {med['lc']:.0f} ms,"
        f" warm {med['lw']:.0f} ms"
    )
    print(
        f"check of a 1024-character template (page settled): edit to findings shown"
        f" {latency[0]:.1f} ms"
        f" (to the next frame {latency[1]:.1f} ms), worker round trip {latency[2]:.1f} ms"
    )
    print(
        f"first check of that template {FIRST_CHECK_AFTER_MS} ms after a cold visit's ready:"
        f" edit to findings shown {first:.1f} ms"
    )
    print(f"guide page (prepare/) transferred: {guide[0]:,} B (gzip: {guide[1]:,} B)")
    print(
        f"checker page, cold visit: {checker[0]:,} B loaded by the page (gzip: {checker[1]:,} B);"
        f" then {checker[2]:,} B fetched by its service worker to keep for offline use"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
