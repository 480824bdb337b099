// RPC client for the checker worker: request ids, promises, time budgets and the root's
// data-checker-state ("loading" → "ready" | "error"). Holds no human text and no rule.
//
// A request over its time budget is answered with an error, and the worker, still busy with it
// (Python cannot be interrupted), is replaced by a new one: the state goes back to "loading"
// until the new worker is ready, so the page never says "ready" while checks time out.

// Time budgets: 30 s for one template or one checklist (they take well under a second); a
// bulk of up to 2 MB (validator/loader.py MAX_BYTES) takes tens of seconds in the page.
const DEFAULT_TIMEOUT_MS = 30_000;
const BUDGETS_MS = { checkMany: 180_000, checkFile: 180_000, exportFile: 180_000 };
const START_TIMEOUT_MS = 120_000;
// Replacements in a row without a request answered in between before the checker gives up.
const MAX_REPLACEMENTS = 3;

export class CheckerClient {
  /**
   * @param {HTMLElement} root element carrying data-checker-state; the page's inline boot
   *   script (docs/assets/kit/runtime/boot.js) has already started the worker as window.kitBoot
   */
  constructor(root) {
    this.root = root;
    this.nextId = 1;
    this.pending = new Map();
    this.timings = null;
    this.ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    this.ready.catch(() => {});
  }

  /** Take over the worker the boot script started; resolves when Python is ready. */
  start() {
    this.startedAt = performance.now();
    this._setState("loading");
    const boot = window.kitBoot;
    if (!boot || !boot.worker) {
      this._fail(new Error((boot && boot.error) || "the checker's worker was not started"));
      return this.ready;
    }
    this.worker = boot.worker;
    this.replacements = 0;
    this.startTimer = setTimeout(() => this._fail(new Error("start-up timed out")), START_TIMEOUT_MS);
    boot.adopt(
      (event) => this._onMessage(event.data),
      (event) => this._onError(event),
    );
    return this.ready;
  }

  _onError(event) {
    event.preventDefault();
    this._fail(new Error(event.message || "worker error"));
  }

  /**
   * Stop the busy worker, answer every request still waiting with `error`, and start a new
   * worker from the runtime's locations on the page's boot script (as boot.js does).
   */
  _replace(error) {
    this.worker.terminate();
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer.id);
      entry.reject(error);
    }
    this.pending.clear();
    this.replacements += 1;
    const script = document.querySelector("script[data-worker]");
    if (!script || this.replacements > MAX_REPLACEMENTS) {
      this._fail(error);
      return;
    }
    const url = (name) => new URL(script.dataset[name], document.baseURI).href;
    const files = new URLSearchParams({
      indexURL: url("pyodide"),
      archiveURL: url("archive"),
      snapshotURL: script.dataset.snapshot ? url("snapshot") : "",
    });
    this._setState("loading");
    this.worker = new Worker(url("worker"), { type: "module", name: String(files) });
    this.worker.addEventListener("message", (event) => this._onMessage(event.data));
    this.worker.addEventListener("error", (event) => this._onError(event));
    this.startTimer = setTimeout(() => this._fail(new Error("start-up timed out")), START_TIMEOUT_MS);
  }

  /**
   * Send one verb; resolves with its result or rejects with its error. `timeoutMs` is the
   * request's time budget, counted from when the worker is ready for it.
   */
  call(verb, payload, timeoutMs = BUDGETS_MS[verb] || DEFAULT_TIMEOUT_MS) {
    if (this.root.dataset.checkerState === "error") {
      return Promise.reject(this.error || new Error("checker unavailable"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const budget = () => {
        if (!this.pending.has(id)) return;
        const error = Object.assign(new Error(`${verb} ran over its time budget`), { kind: "timeout" });
        this.pending.delete(id);
        reject(error);
        this._replace(error);
      };
      // A request sent while the worker starts waits for it: its budget starts at "ready".
      const timer = { id: null };
      const arm = () => {
        timer.id = setTimeout(budget, timeoutMs);
      };
      if (this.root.dataset.checkerState === "ready") arm();
      // As JSON text: a deeply nested payload fails here, with an error, not in the worker.
      const json = JSON.stringify(payload);
      this.pending.set(id, { resolve, reject, timer, arm });
      this.worker.postMessage({ id, verb, json });
    });
  }

  _onMessage(message) {
    if (!message) return;
    if (message.type === "ready") {
      clearTimeout(this.startTimer);
      this.timings = message.timings;
      this._setState("ready");
      this._resolveReady(message.timings);
      for (const entry of this.pending.values()) if (entry.timer.id === null) entry.arm();
      return;
    }
    if (message.type === "failed") {
      this._fail(new Error(`${message.stage}: ${message.error}`));
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer.id);
    this.replacements = 0;
    if (message.ok) entry.resolve(message.result);
    else entry.reject(Object.assign(new Error(message.error && message.error.message), { kind: message.error && message.error.kind }));
  }

  _fail(error) {
    clearTimeout(this.startTimer);
    this.error = error;
    this._setState("error");
    this._rejectReady(error);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer.id);
      entry.reject(error);
    }
    this.pending.clear();
    if (this.worker) this.worker.terminate();
  }

  _setState(state) {
    this.root.dataset.checkerState = state;
    this.root.dispatchEvent(new CustomEvent("checker-state", { detail: { state } }));
  }
}

/**
 * Wrap an async task so calls made while it runs collapse into one rerun afterwards (the
 * newest input wins and no two requests race). The task gets `stale()`: true once a newer call
 * has arrived, so it can skip drawing a result that is already out of date.
 */
export function coalesce(task) {
  let running = false;
  let again = false;
  return async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task(() => again);
    } finally {
      running = false;
      if (again) {
        again = false;
        run();
      }
    }
  };
}
