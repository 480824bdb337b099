"""Hostile and broken inputs for the loader tests (validator and process), and the bounds they run
under: each refusal is one line, within seconds, under a memory ceiling."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# What a refusal may cost in the tests, in-process (tracemalloc counts Python's own allocations).
SECONDS = 5.0
PEAK_BYTES = 64 * 1024 * 1024


def laughs(levels: int = 9, width: int = 9) -> str:
    """A "billion laughs" YAML block: `levels` anchors, each `width` aliases of the one before."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def nested_json(depth: int) -> str:
    """A JSON list nested `depth` levels deep."""
    return "[" * depth + "]" * depth


@contextmanager
def bounded() -> Iterator[None]:
    """Fail the test if the block takes more than SECONDS or allocates more than PEAK_BYTES."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
    assert peak < PEAK_BYTES, f"peak {peak / 2**20:.0f} MiB"


def one_line(run: Callable[[], tuple[int, str]]) -> str:
    """Run a CLI (returning exit status and stderr) within bounds; its one line, exit 2 asserted."""
    with bounded():
        code, err = run()
    assert code == 2, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    return err.strip()
