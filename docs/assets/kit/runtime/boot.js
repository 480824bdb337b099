// Starts the Pyodide worker at once, from the runtime's locations in this script's data-*
// attributes (macros/pages/widget.py), and keeps the worker's messages until client.mjs adopts it.
//
// The checker's and the checklist's pages run this inline script twice: in the head, before the
// stylesheets (overrides/main.html), and as the widget's first child, which does nothing when the
// head already did (it is there for a theme without our override). client.mjs adopts the worker
// as window.kitBoot with the messages that came before it (kept in order, so "ready" is never
// lost). It also holds back the theme's script and its search worker while Python starts
// (holdTheme).
(() => {
  if (window.kitBoot) return;
  const runtime = document.currentScript.dataset;
  const url = (name) => new URL(runtime[name], document.baseURI).href;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    window.kitBoot = { error: "WebAssembly or Web Workers are not available" };
    startThemeScript();
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
    holdTheme(worker);
  } catch (error) {
    window.kitBoot = { error: String((error && error.message) || error) };
    startThemeScript();
  }

  /**
   * The theme's script and Material's search worker (which builds its index as soon as it
   * starts: about 0.4 s of CPU) would take the page's share of two cores while Python starts.
   * They start only once the checker is ready (or has failed), when the reader moves into the
   * search box, or after LATEST_MS at most. The theme's script tag comes here as
   * type="kit/later" (overrides/main.html); the search worker, if the theme creates it before
   * then, gets a stand-in that queues its messages.
   */
  function holdTheme(pythonWorker) {
    // What the theme's script does first: the page is laid out for it from the start, so
    // nothing moves when it runs (search box shown, sidebars sized as with it).
    document.documentElement.classList.replace("no-js", "js");
    const LATEST_MS = 5000;
    const SEARCH = /\/workers\/search\.[^/]*\.js$/;
    const NativeWorker = window.Worker;
    let released = false;
    let start = null;
    // The search box, or the header's search button (which toggles the #__search checkbox).
    const searching = ({ target }) => {
      if (target.id === "__search" || (target.closest && target.closest('[data-md-component="search"]'))) {
        release();
      }
    };
    const release = () => {
      if (released) return;
      released = true;
      document.removeEventListener("focusin", searching);
      document.removeEventListener("change", searching);
      startThemeScript();
      if (start) setTimeout(start, 0);
    };
    pythonWorker.addEventListener("message", ({ data }) => {
      if (data && (data.type === "ready" || data.type === "failed")) release();
    });
    pythonWorker.addEventListener("error", release);
    document.addEventListener("focusin", searching);
    document.addEventListener("change", searching);
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

  /**
   * Run the held theme script. The theme starts on DOMContentLoaded, which has passed by now:
   * it is sent again, to the document only, once the script has run.
   */
  function startThemeScript() {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", startThemeScript, { once: true });
      return;
    }
    const held = document.querySelector('script[type="kit/later"]');
    if (!held) return;
    const script = document.createElement("script");
    script.src = held.src;
    script.addEventListener("load", () => {
      if (document.readyState !== "loading") document.dispatchEvent(new Event("DOMContentLoaded"));
    });
    held.replaceWith(script);
  }
})();
