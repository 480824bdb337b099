// The checker's Web Worker: loads Pyodide from our own origin, unpacks the Python archive,
// imports the entry modules and answers a closed set of verbs.
//
// Start: the page names the runtime's files in this worker's name (the Worker's `name` option,
// "indexURL=…&archiveURL=…&snapshotURL=…", docs/assets/kit/runtime/boot.js) and the start-up begins as
// soon as this module runs. (A message from the page would only arrive once the page's main
// thread is free, which while the theme loads is 100–200 ms later; a URL fragment is lost when
// the service worker answers from its cache.)
// Protocol (conventions §6): request {id, verb, json (the payload as JSON text)} → reply {id, ok: true, result} or
// {id, ok: false, error: {message}}; one {type: "ready", timings} event, or
// {type: "failed", stage, error} when a stage of the start-up fails; and, on a start from the
// snapshot, one {type: "module", module} event with the compiled WebAssembly for the page to keep.
// Payloads cross into Python as JSON strings and come back as JSON strings: no PyProxy leaks,
// and no Python source is ever posted or run from a message. A Python exception is answered with
// its last line only (kind "python"); the traceback goes to the console, never to a page.
// A request that runs too long is the client's to time out: it replaces this worker.

import { requestEarly } from "./early.mjs";
import { fetchKept } from "./kept.mjs";
import { fetchSnapshot } from "./sparse.mjs";
import { archiveFormat, canUntar, tarBytes, untarInto } from "./untar.mjs";

const ARCHIVE_DIR = "/lib/kit";
// The smallest WebAssembly module: its header (magic number and version).
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

// The two payload shapes the validator's verbs take: one template, or a file's text.
const oneTemplate = (p) => [JSON.stringify({ lang: p.lang, mode: p.mode, templates: [p.template] })];
const fileArgs = (p) => [String(p.filename), String(p.content), String(p.lang), String(p.mode || "provider")];

// The verb table: each verb names a Python module and function, how to turn the payload
// into arguments (strings only) and, optionally, how to shape the parsed result.
// To add a verb (e.g. for the personalised checklist), add a row here and pack its module.
const VERBS = {
  check: {
    module: "validator.browser",
    fn: "check_json",
    args: oneTemplate,
    result: (r) => r.templates[0],
  },
  checkMany: {
    module: "validator.browser",
    fn: "check_json",
    args: (p) => [JSON.stringify({ lang: p.lang, mode: p.mode, templates: p.templates })],
  },
  checkFile: {
    module: "validator.browser",
    fn: "check_file_json",
    args: fileArgs,
  },
  // Graph API create and send requests of checked templates (validator/export.py), the shape
  // of `python -m validator --export`.
  export: {
    module: "validator.browser",
    fn: "export_json",
    args: oneTemplate,
    result: (r) => r.templates[0],
  },
  exportFile: {
    module: "validator.browser",
    fn: "export_file_json",
    args: fileArgs,
  },
  // The personal checklist: answers → dated steps, warnings, template summary (process/browser.py).
  checklist: {
    module: "process.browser",
    fn: "checklist_json",
    args: (p) => [JSON.stringify({ lang: p.lang, today: p.today, answers: p.answers }), String(p.process)],
  },
};

// A request used to warm the interpreter up: before "ready" on a plain start (imports, word
// lists, regexes), right after it when started from a snapshot (see warmUp).
const WARM_UP = {
  verb: "check",
  payload: { lang: "ru", template: { name: "warm_up", body: "Здравствуйте, {{1}}! Заказ {{2}} в пути." } },
};

// When each step of the start-up ended, in ms since this worker's time origin: posted with
// "ready" as timings.at, with that origin as `origin`, so a page can put them on its own clock
// (bench/browser.py prints a warm visit's).
const at = { origin: performance.timeOrigin };
const mark = (name) => {
  at[name] = Math.round(performance.now());
};
mark("worker");

const functions = new Map();
let pyodide = null;
let resolveReady;
let rejectReady;
const ready = new Promise((resolve, reject) => {
  resolveReady = resolve;
  rejectReady = reject;
});

/** Run one stage of the start-up, recording its duration and when it ended (mark). */
async function stage(name, timings, work) {
  const started = performance.now();
  try {
    return await work();
  } catch (error) {
    error.stage = name;
    throw error;
  } finally {
    timings[name] = Math.round(performance.now() - started);
    mark(name);
  }
}

/** A file of our own site as bytes. */
async function bytes(url) {
  const response = await fetchKept(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Pyodide 314's restoreSnapshot() copies the snapshot into the module's own memory without
 * growing it first; grow the fresh instance's memory to the snapshot's size before use.
 */
function growingForSnapshot(asmModule) {
  // Async, so loadPyodide() can start (and fetch the WebAssembly) while pyodide.asm.mjs loads.
  return async (settings) => {
    const { default: createPyodideModule } = await asmModule;
    const instantiate = settings.instantiateWasm;
    settings.instantiateWasm = (imports, done) =>
      instantiate(imports, (instance, module) => {
        mark("instantiated");
        const memory = instance.exports.memory;
        const missing = Math.ceil(settings.INITIAL_MEMORY / 65536) - memory.buffer.byteLength / 65536;
        if (missing > 0) memory.grow(missing);
        done(instance, module);
      });
    return createPyodideModule(settings);
  };
}

/** Start Pyodide from the build-time memory snapshot; null if that fails (plain start then). */
async function fromSnapshot(indexURL, snapshot, asmModule, early, loadPyodide) {
  if (!snapshot) return null;
  try {
    return await early.during(() =>
      loadPyodide({
        indexURL,
        _loadSnapshot: snapshot,
        createPyodideModule: growingForSnapshot(asmModule),
        stdout: () => {},
        stderr: () => {},
      }),
    );
  } catch (error) {
    console.info(`checker: snapshot not used (${error && error.message}); starting plainly`);
    return null;
  }
}

/** Staged start-up: runtime (snapshot or plain) → unpack archive → import → warm-up → ready. */
async function init({ indexURL, archiveURL, snapshotURL }) {
  const timings = {};
  try {
    // A host's Content-Security-Policy header may forbid compiling WebAssembly in this worker
    // (it needs 'wasm-unsafe-eval'); Pyodide's start would then never settle, so ask first.
    await stage("webassembly", timings, async () => new WebAssembly.Module(EMPTY_MODULE));
    // Everything the start needs is requested at once, not one after another.
    const quiet = (promise) => (promise && promise.catch(() => {}), promise);
    const marked = (name, promise) => promise.then((value) => (mark(name), value));
    // The archive is gunzipped as soon as it arrives, while the runtime still loads.
    const archive = quiet(
      marked("archive", bytes(archiveURL).then((buffer) => (canUntar ? tarBytes(buffer) : buffer))),
    );
    const snapshot = snapshotURL ? quiet(marked("snapshot", fetchSnapshot(snapshotURL))) : null;
    const runtime = marked("pyodide.mjs", import(new URL("pyodide.mjs", indexURL).href));
    const asmModule = snapshot
      ? quiet(marked("pyodide.asm.mjs", import(new URL("pyodide.asm.mjs", indexURL).href)))
      : null;
    const early = snapshot ? requestEarly(indexURL, mark) : null;
    // The page keeps the compiled module (boot.js). A later compile of the same bytes in this
    // renderer (a replaced worker, or the next start after a reload, until the old page's
    // objects are collected) then gets its machine code, with all this worker compiled lazily
    // and optimised since, instead of compiling function by function again.
    if (early) early.compiled.then((module) => postMessage({ type: "module", module }), () => {});
    pyodide = await stage("runtime", timings, async () => {
      const { loadPyodide } = await runtime;
      const restored = await fromSnapshot(indexURL, snapshot, asmModule, early, loadPyodide);
      timings.snapshot = Boolean(restored);
      return restored || loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    });
    // The files are unpacked in both cases: a snapshot holds memory, not the file system, and
    // modules imported later (or data read later) come from these files.
    await stage("unpack", timings, async () => {
      const files = await archive;
      if (canUntar) untarInto(pyodide.FS, files, ARCHIVE_DIR);
      else pyodide.unpackArchive(files, archiveFormat(files), { extractDir: ARCHIVE_DIR });
      const path = pyodide.pyimport("sys").path;
      if (!path.toJs().includes(ARCHIVE_DIR)) path.insert(0, ARCHIVE_DIR);
      path.destroy();
    });
    // The warm-up verb's module must import; other verbs' modules import on first use, so a
    // page never fails to start because of a verb it does not use.
    await stage("import", timings, async () => pythonFunction(VERBS[WARM_UP.verb]));
    // A snapshot already holds a warmed-up interpreter (macros/bundle/snapshot.mjs).
    if (!timings.snapshot) await stage("warmUp", timings, async () => call(WARM_UP.verb, WARM_UP.payload));
    mark("ready");
    timings.at = at;
    resolveReady();
    performance.mark("checker-ready"); // visible in the browser's performance tools
    postMessage({ type: "ready", timings });
    // A snapshot restores Python's memory, not the engine's compiled code: the first check after
    // it runs much of the interpreter's WebAssembly for the first time (30-50 ms). One check now,
    // before any request waiting for "ready" runs, so the reader's first check is as quick as
    // the next (a request sent at this very moment waits for it).
    if (timings.snapshot) warmUp();
  } catch (error) {
    rejectReady(error);
    postMessage({ type: "failed", stage: error.stage || "init", error: String(error && error.message || error) });
  }
}

/** One check whose answer nobody needs, to have the engine compile the checker's code paths. */
function warmUp() {
  try {
    call(WARM_UP.verb, WARM_UP.payload);
  } catch (error) {
    console.info(`checker: warm-up failed (${error && error.message})`);
  }
}

/** The Python function behind a verb (imported once). */
function pythonFunction(spec) {
  const key = `${spec.module}:${spec.fn}`;
  if (!functions.has(key)) functions.set(key, pyodide.pyimport(spec.module)[spec.fn]);
  return functions.get(key);
}

/** Call a verb's Python function with string arguments; parse its JSON answer. */
function call(verb, payload) {
  const spec = VERBS[verb];
  const answer = JSON.parse(pythonFunction(spec)(...spec.args(payload)));
  if (answer && answer.error) throw new Error(answer.error.message);
  return spec.result ? spec.result(answer) : answer;
}

/** A failed request's answer: one short line, and whether Python raised it (PythonError). */
function failure(verb, error) {
  const text = String((error && error.message) || error).trim();
  const python = Boolean(error && error.type && error.name === "PythonError");
  if (python) console.error(`checker worker: ${verb} raised in Python`, text);
  const last = text.split("\n").pop() || "error";
  return { message: last.slice(0, 200), kind: python ? "python" : "request" };
}

// Requests arrive as {id, verb, json}: the payload as JSON text, which the page's thread wrote;
// a deeply nested object posted as such fails to arrive at all (the structured clone runs out of
// the worker's stack, and no one could be answered), while JSON.parse here is iterative.
self.addEventListener("message", async (event) => {
  const { id, verb, json } = event.data || {};
  if (!Object.hasOwn(VERBS, verb)) {
    postMessage({ id, ok: false, error: { message: `unknown verb: ${String(verb)}`, kind: "request" } });
    return;
  }
  try {
    const payload = JSON.parse(json);
    await ready;
    postMessage({ id, ok: true, result: call(verb, payload) });
  } catch (error) {
    postMessage({ id, ok: false, error: failure(verb, error) });
  }
});

const runtime = new URLSearchParams(self.name);
if (runtime.has("indexURL")) {
  init(Object.fromEntries(runtime));
} else {
  const failure = "the worker's name does not name the runtime (indexURL=…)";
  rejectReady(new Error(failure));
  postMessage({ type: "failed", stage: "init", error: failure });
}
