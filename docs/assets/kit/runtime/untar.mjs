// Unpack our own build-time archive (a gzipped ustar tar) into Pyodide's file system from
// JavaScript: one DecompressionStream and plain byte copies, no Python code at all (which
// matters right after a memory snapshot, when the interpreter's code is not compiled yet).

const BLOCK = 512;

/** The archive's tar bytes: gunzipped here unless the server already decoded it. */
export async function tarBytes(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** True when this browser can unpack in JavaScript (else use pyodide.unpackArchive). */
export const canUntar = typeof DecompressionStream === "function";

/** Write every regular file of a tar (bytes from tarBytes) under dir in Pyodide's file system. */
export function untarInto(FS, tar, dir) {
  const decoder = new TextDecoder();
  const folders = new Set();
  let count = 0;
  for (let at = 0; at + BLOCK <= tar.length && tar[at] !== 0; ) {
    const header = tar.subarray(at, at + BLOCK);
    const field = (from, length) => decoder.decode(header.subarray(from, from + length)).split("\0")[0];
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = header[156];
    at += BLOCK;
    if (type === 0x30 || type === 0) {
      const path = `${dir}/${name}`;
      const folder = path.slice(0, path.lastIndexOf("/"));
      if (!folders.has(folder)) FS.mkdirTree(folder);
      folders.add(folder);
      FS.writeFile(path, tar.slice(at, at + size));
      count += 1;
    }
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return count;
}

/** Whether the archive is gzipped (for pyodide.unpackArchive's format name). */
export function archiveFormat(buffer) {
  const bytes = new Uint8Array(buffer, 0, 2);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? "gztar" : "tar";
}
