// Starts the Pyodide worker at once, from the runtime's locations in this script's data-*
// attributes (macros/pages/widget.py), and keeps the worker's messages until client.mjs adopts it.
//
// The checker's and the checklist's pages run this inline script twice: in the head, before the
// stylesheets (overrides/main.html), and as the widget's first child, which does nothing when the
// head already did (it is there for a theme without our override). client.mjs adopts the worker
// as window.kitBoot with the messages that came before it (kept in order, so "ready" is never
// lost). It also holds back the theme's search worker while Python starts (deferSearchWorker).
(() => {
  if (window.kitBoot) return;
  const runtime = document.currentScript.dataset;
  const url = (name) => new URL(runtime[name], document.baseURI).href;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    window.kitBoot = { error: "WebAssembly or Web Workers are not available" };
    return;
  }
  try {
    // The runtime's files go in the worker's name: it starts on them at once, without waiting
    // for a message (docs/assets/kit/runtime/worker.mjs).
    const files = new URLSearchParams({
      indexURL: url("pyodide"),
      archiveURL: url("archive"),
      snapshotURL: runtime.snapshot ? url("snapshot") : "",
    });
    const worker = new Worker(url("worker"), { type: "module", name: String(files) });
    // The compiled WebAssembly the worker sends is kept for the next start (worker.mjs).
    worker.addEventListener("message", ({ data }) => {
      if (data && data.type === "module") window.kitBoot.module = data.module;
    });
    const early = [];
    const keep = (event) => early.push(event);
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    const adopt = (onMessage, onError) => {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      for (const event of early.splice(0)) (event.type === "message" ? onMessage : onError)(event);
    };
    window.kitBoot = { worker, adopt };
    deferSearchWorker(worker);
  } catch (error) {
    window.kitBoot = { error: String((error && error.message) || error) };
  }

  /**
   * Material's search worker builds its index as soon as it starts: about 0.4 s of CPU, taken
   * from Python's start on a machine with two cores. On this page it is created only once the
   * checker is ready (or has failed), when the reader moves into the search box, or after
   * LATEST_MS at most. Until then the theme gets a stand-in that queues its messages.
   */
  function deferSearchWorker(pythonWorker) {
    const LATEST_MS = 5000;
    const SEARCH = /\/workers\/search\.[^/]*\.js$/;
    const NativeWorker = window.Worker;
    let released = false;
    let start = null;
    const searching = (event) => {
      if (event.target.closest && event.target.closest('[data-md-component="search"]')) release();
    };
    const release = () => {
      released = true;
      document.removeEventListener("focusin", searching);
      if (start) setTimeout(start, 0);
    };
    pythonWorker.addEventListener("message", ({ data }) => {
      if (data && (data.type === "ready" || data.type === "failed")) release();
    });
    pythonWorker.addEventListener("error", release);
    document.addEventListener("focusin", searching);
    setTimeout(release, LATEST_MS);

    window.Worker = function Worker(url, options) {
      if (released || !SEARCH.test(new URL(url, document.baseURI).pathname)) {
        return new NativeWorker(url, options);
      }
      window.Worker = NativeWorker;
      const standIn = new EventTarget();
      const queue = [];
      let real = null;
      start = () => {
        if (real) return;
        real = new NativeWorker(url, options);
        for (const type of ["message", "messageerror", "error"]) {
          real.addEventListener(type, (event) => {
            const copy = type === "error"
              ? new ErrorEvent(type, { message: event.message })
              : new MessageEvent(type, { data: event.data });
            standIn.dispatchEvent(copy);
            if (typeof standIn[`on${type}`] === "function") standIn[`on${type}`](copy);
          });
        }
        for (const message of queue.splice(0)) real.postMessage(message);
      };
      standIn.postMessage = (message) => (real ? real.postMessage(message) : queue.push(message));
      standIn.terminate = () => {
        if (real) real.terminate();
        else start = null;
      };
      return standIn;
    };
  }
})();
