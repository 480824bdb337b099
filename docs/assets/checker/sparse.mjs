// The build-time memory snapshot is stored "sparse": most of Pyodide's memory pages are zero,
// so the file keeps only the others. Format (written by macros/checker_snapshot.mjs):
//   "KITSPRS1" | u32 total length | u32 page size | u32 page count | one byte per page
//   (1 = stored) | the stored pages, in order (the last may be short).
// A file without the magic is a plain snapshot and is returned as is.

const MAGIC = "KITSPRS1";

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
