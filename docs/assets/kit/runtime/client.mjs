// RPC client for the checker worker: request ids, promises, timeouts and the root's
// data-checker-state ("loading" → "ready" | "error"). Holds no human text and no rule.

const DEFAULT_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 120_000;

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
    this.startTimer = setTimeout(() => this._fail(new Error("start-up timed out")), START_TIMEOUT_MS);
    boot.adopt(
      (event) => this._onMessage(event.data),
      (event) => {
        event.preventDefault();
        this._fail(new Error(event.message || "worker error"));
      },
    );
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
