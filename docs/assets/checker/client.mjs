// RPC client for the checker worker: request ids, promises, timeouts and the root's
// data-checker-state ("loading" → "ready" | "error"). Holds no human text and no rule.

const DEFAULT_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 120_000;

export class CheckerClient {
  /**
   * @param {HTMLElement} root element carrying data-checker-state
   * @param {{indexURL: string, archiveURL: string}} urls absolute URLs of the runtime and archive
   */
  constructor(root, urls) {
    this.root = root;
    this.urls = urls;
    this.nextId = 1;
    this.pending = new Map();
    this.timings = null;
    this.ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    this.ready.catch(() => {});
  }

  /** Start the worker; resolves when Python is ready, rejects (state "error") otherwise. */
  start() {
    this.startedAt = performance.now();
    this._setState("loading");
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this._fail(new Error("WebAssembly or Web Workers are not available"));
      return this.ready;
    }
    try {
      this.worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      this._fail(error);
      return this.ready;
    }
    this.worker.addEventListener("message", (event) => this._onMessage(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this._fail(new Error(event.message || "worker error"));
    });
    this.startTimer = setTimeout(() => this._fail(new Error("start-up timed out")), START_TIMEOUT_MS);
    this.worker.postMessage({ id: 0, verb: "init", payload: this.urls });
    return this.ready;
  }

  /** Send one verb; resolves with its result or rejects with its error. */
  call(verb, payload, timeoutMs = DEFAULT_TIMEOUT_MS) {
    if (this.root.dataset.checkerState === "error") {
      return Promise.reject(this.error || new Error("checker unavailable"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${verb} timed out`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, verb, payload });
    });
  }

  _onMessage(message) {
    if (!message) return;
    if (message.type === "ready") {
      clearTimeout(this.startTimer);
      this.timings = message.timings;
      this._setState("ready");
      this._resolveReady(message.timings);
      return;
    }
    if (message.type === "failed") {
      this._fail(new Error(`${message.stage}: ${message.error}`));
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error && message.error.message));
  }

  _fail(error) {
    clearTimeout(this.startTimer);
    this.error = error;
    this._setState("error");
    this._rejectReady(error);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
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
