// Reads the build-time memory snapshot (written by macros/bundle/snapshot.mjs), expanding its
// sparse form into the full snapshot as the bytes stream in (no copy of the whole file is made).
//
// The format: gzip around a "sparse" snapshot, which keeps only the non-zero pages of Pyodide's
// memory: "KITSPRS1" | u32 total length | u32 page size | u32 page count | one byte per page
// (1 = stored) | the stored pages, in order (the last may be short). A body already gunzipped
// (by the server, or kept so by the service worker) and a plain, non-sparse snapshot work too.

import { fetchKept } from "./kept.mjs";

const MAGIC = [..."KITSPRS1"].map((c) => c.charCodeAt(0));
const HEADER = 20;

/** Fetch a snapshot file of our own site and return Pyodide's full snapshot bytes. */
export async function fetchSnapshot(url) {
  const response = await fetchKept(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  return expandSnapshot(response.body);
}

/** The full snapshot from a stream of a snapshot file's bytes (any chunking). */
export async function expandSnapshot(stream) {
  const expander = new SparseExpander();
  for await (const chunk of gunzipped(stream)) expander.push(chunk);
  return expander.finish();
}

/** The body's chunks, gunzipped on the way when it starts with gzip's magic bytes. */
async function* gunzipped(body) {
  const reader = body.getReader();
  const start = [];
  let length = 0;
  while (length < 2) {
    const { done, value } = await reader.read();
    if (done) break;
    start.push(value);
    length += value.length;
  }
  const first = concat(start, length);
  if (first[0] !== 0x1f || first[1] !== 0x8b) {
    if (length) yield first;
    yield* chunks(reader);
    return;
  }
  const inflate = new DecompressionStream("gzip");
  const writer = inflate.writable.getWriter();
  const feed = (async () => {
    await writer.write(first);
    for await (const chunk of chunks(reader)) await writer.write(chunk);
    await writer.close();
  })();
  feed.catch((error) => writer.abort(error).catch(() => {}));
  yield* chunks(inflate.readable.getReader());
  await feed;
}

/** A reader's chunks, one by one. */
async function* chunks(reader) {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Writes each stored page straight to its place in the full snapshot as bytes arrive. */
class SparseExpander {
  constructor() {
    this.head = [];
    this.headLength = 0;
    this.out = null; // the full snapshot, once the header is known
    this.pages = null; // indices of the stored pages, in file order
    this.written = 0; // page bytes written so far
    this.plain = null; // chunks of a file without the sparse header
  }

  push(chunk) {
    if (this.plain) {
      this.plain.push(chunk);
      return;
    }
    if (this.out) {
      this.write(chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    const head = concat(this.head, this.headLength);
    if (head.length >= MAGIC.length && MAGIC.some((byte, i) => head[i] !== byte)) {
      this.plain = [head];
      return;
    }
    if (head.length < HEADER) return;
    const view = new DataView(head.buffer, head.byteOffset, head.length);
    const [total, pageSize, count] = [8, 12, 16].map((at) => view.getUint32(at, true));
    if (head.length < HEADER + count) return;
    const stored = head.subarray(HEADER, HEADER + count);
    this.out = new Uint8Array(total);
    this.pageSize = pageSize;
    this.pages = [];
    for (let page = 0; page < count; page++) if (stored[page]) this.pages.push(page);
    this.head = null;
    this.write(head.subarray(HEADER + count));
  }

  write(bytes) {
    let from = 0;
    while (from < bytes.length) {
      const index = Math.floor(this.written / this.pageSize);
      if (index >= this.pages.length) throw new Error("snapshot: more bytes than its pages");
      const within = this.written % this.pageSize;
      const start = this.pages[index] * this.pageSize + within;
      const room = Math.min(this.pageSize - within, this.out.length - start);
      const length = Math.min(room, bytes.length - from);
      this.out.set(bytes.subarray(from, from + length), start);
      from += length;
      this.written += length === room ? this.pageSize - within : length;
    }
  }

  finish() {
    if (this.plain) return concat(this.plain, this.plain.reduce((n, c) => n + c.length, 0));
    if (!this.out || this.written !== this.pages.length * this.pageSize) {
      throw new Error("snapshot: truncated");
    }
    return this.out;
  }
}

/** The parts as one array (the only part itself when there is one). */
function concat(parts, length) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
