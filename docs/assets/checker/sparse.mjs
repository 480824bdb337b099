// The build-time memory snapshot's file format (written by macros/checker_snapshot.mjs):
// gzip around a "sparse" snapshot, which keeps only the non-zero pages of Pyodide's memory:
//   "KITSPRS1" | u32 total length | u32 page size | u32 page count | one byte per page
//   (1 = stored) | the stored pages, in order (the last may be short).
// A body the server already gunzipped (Content-Encoding) and a plain snapshot both work too.

const MAGIC = "KITSPRS1";

/** A response body, gunzipped as it streams in when it starts with gzip's magic bytes. */
async function inflated(body) {
  const reader = body.getReader();
  const first = await reader.read();
  const head = first.done ? new Uint8Array() : first.value;
  const whole = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  return new Response(gzipped ? whole.pipeThrough(new DecompressionStream("gzip")) : whole).arrayBuffer();
}

/** Fetch a snapshot file of our own site and return Pyodide's full snapshot bytes. */
export async function fetchSnapshot(url) {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  return expandSnapshot(await inflated(response.body));
}

/** The full snapshot bytes from a sparse (or plain) snapshot file. */
export function expandSnapshot(buffer) {
  const bytes = new Uint8Array(buffer);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return bytes;
  const view = new DataView(buffer);
  const [total, pageSize, pages] = [view.getUint32(8, true), view.getUint32(12, true), view.getUint32(16, true)];
  const stored = bytes.subarray(20, 20 + pages);
  const out = new Uint8Array(total);
  let from = 20 + pages;
  for (let page = 0; page < pages; page++) {
    if (!stored[page]) continue;
    const start = page * pageSize;
    const length = Math.min(pageSize, total - start);
    out.set(bytes.subarray(from, from + length), start);
    from += length;
  }
  return out;
}
