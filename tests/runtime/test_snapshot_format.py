"""The snapshot file format read by the browser (docs/assets/kit/runtime/sparse.mjs), run in Node.

The file is written by macros/bundle/snapshot.mjs: gzip around a "sparse" snapshot that keeps
only the non-zero pages. The reader must give back the exact memory for any chunking of the
stream, gzipped or not, and refuse a truncated file (the worker then starts plainly).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

SPARSE = Path(__file__).resolve().parents[2] / "docs/assets/kit/runtime/sparse.mjs"

# The writer below is this test's own (an oracle), not the build script's.
SCRIPT = """
import { expandSnapshot } from %(module)s;
import zlib from "node:zlib";

function sparse(memory, pageSize) {
  const pages = Math.ceil(memory.length / pageSize);
  const stored = new Uint8Array(pages);
  const parts = [];
  for (let p = 0; p < pages; p++) {
    const chunk = memory.subarray(p * pageSize, (p + 1) * pageSize);
    if (chunk.some((b) => b)) { stored[p] = 1; parts.push(chunk); }
  }
  const head = Buffer.alloc(20);
  head.write("KITSPRS1", 0, "ascii");
  head.writeUInt32LE(memory.length, 8);
  head.writeUInt32LE(pageSize, 12);
  head.writeUInt32LE(pages, 16);
  return new Uint8Array(Buffer.concat([head, stored, ...parts]));
}

function streamOf(bytes, size) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const memory = new Uint8Array(10 * 4096 + 123);  // the last page is short, and stored
for (const page of [0, 3, 4, 10]) {
  for (let i = 0; i < 4096 && page * 4096 + i < memory.length; i += 7) {
    memory[page * 4096 + i] = (i %% 251) + 1;
  }
}
const file = sparse(memory, 4096);
const forms = { sparse: file, gzip: new Uint8Array(zlib.gzipSync(file)), plain: memory };
const results = {};
for (const [name, bytes] of Object.entries(forms)) {
  for (const size of [1, 7, 20, 4096, 5000, 1 << 20]) {
    const out = await expandSnapshot(streamOf(bytes, size));
    const same = out.length === memory.length && out.every((b, i) => b === memory[i]);
    results[`${name} ${size}`] = same;
  }
}
try {
  await expandSnapshot(streamOf(file.subarray(0, file.length - 10), 4096));
  results.truncated = "accepted";
} catch (error) {
  results.truncated = error.message;
}
console.log(JSON.stringify(results));
"""


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    script = SCRIPT % {"module": json.dumps(SPARSE.as_uri())}
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize("form", ["sparse", "gzip", "plain"])
def test_any_chunking_gives_back_the_exact_memory(results: dict[str, object], form: str) -> None:
    mine = {key: ok for key, ok in results.items() if key.startswith(form + " ")}
    assert len(mine) == 6
    assert all(ok is True for ok in mine.values()), mine


def test_a_truncated_file_is_refused(results: dict[str, object]) -> None:
    assert results["truncated"] == "snapshot: truncated"
