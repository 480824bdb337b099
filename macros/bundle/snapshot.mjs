// Build-time (Node) memory snapshot of Pyodide with the checker already imported and warm.
// Usage: node checker_snapshot.mjs <pyodide dir> <archive.tar.gz> <out.snapshot>
// The browser worker loads it with loadPyodide({_loadSnapshot}) and skips start-up and imports.

import fs from "node:fs";
import zlib from "node:zlib";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, archivePath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node checker_snapshot.mjs <pyodide dir> <archive.tar.gz> <out.snapshot>");
  process.exit(2);
}
// Must match ARCHIVE_DIR in docs/assets/kit/runtime/worker.mjs: modules keep their file paths.
const ARCHIVE_DIR = "/lib/kit";
// Modules imported into the snapshot (the checker's, the personal checklist's), and standard
// modules the worker needs right after.
const PRELOAD = ["validator.browser", "csv", "yaml", "process.browser"];
const WARM_UP = [
  ["check_json", JSON.stringify({ lang: "ru", templates: [{ name: "warm_up", body: "Здравствуйте, {{1}}! Заказ {{2}} в пути. Скидка 10%." }] })],
  ["check_json", JSON.stringify({ lang: "en", templates: [{ name: "warm_up", body: "Hello {{1}}, your order {{2}} ships today. Sale!" }] })],
  ["check_file_json", "warm.yaml", "- body: Здравствуйте!\n", "ru"],
  ["check_file_json", "warm.csv", "name,body\nwarm_up,Hello!\n", "en"],
];

const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  _makeSnapshot: true,
  stdout: () => {},
  stderr: () => {},
});
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(archivePath)), "gztar", { extractDir: ARCHIVE_DIR });
const sys = pyodide.pyimport("sys");
sys.path.insert(0, ARCHIVE_DIR);
sys.destroy();
for (const name of PRELOAD) pyodide.pyimport(name).destroy();
const browser = pyodide.pyimport("validator.browser");
for (const [fn, ...args] of WARM_UP) {
  const answer = JSON.parse(browser[fn](...args));
  if (answer.error) throw new Error(`warm-up ${fn} failed: ${answer.error.message}`);
}
browser.destroy();
// Gzipped: about a third of the bytes to send and keep; the worker inflates it as it streams in.
fs.writeFileSync(outPath, zlib.gzipSync(sparse(pyodide.makeMemorySnapshot()), { level: 9 }));

/** Keep only the non-zero pages (format: docs/assets/kit/runtime/sparse.mjs, which reads it). */
function sparse(snapshot, pageSize = 65536) {
  const pages = Math.ceil(snapshot.length / pageSize);
  const stored = new Uint8Array(pages);
  const parts = [];
  for (let page = 0; page < pages; page++) {
    const chunk = snapshot.subarray(page * pageSize, (page + 1) * pageSize);
    if (chunk.some((byte) => byte !== 0)) {
      stored[page] = 1;
      parts.push(chunk);
    }
  }
  const header = Buffer.alloc(20);
  header.write("KITSPRS1", 0, "ascii");
  header.writeUInt32LE(snapshot.length, 8);
  header.writeUInt32LE(pageSize, 12);
  header.writeUInt32LE(pages, 16);
  return Buffer.concat([header, stored, ...parts]);
}
