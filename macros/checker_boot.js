// The checker's and the checklist's pages run this inline script twice: in the head, before
// the stylesheets (overrides/main.html), and as the widget's first child, which does nothing
// when the head already did (it is there for a theme without our override). It starts the
// Pyodide worker at once, with the runtime's locations from its own data-* attributes
// (macros/widget_html.py); docs/assets/checker/client.mjs adopts the worker as window.kitBoot,
// with the messages that came before it (kept here in order, so "ready" is never lost).
(() => {
  if (window.kitBoot) return;
  const runtime = document.currentScript.dataset;
  const url = (name) => new URL(runtime[name], document.baseURI).href;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    window.kitBoot = { error: "WebAssembly or Web Workers are not available" };
    return;
  }
  try {
    const worker = new Worker(url("worker"), { type: "module" });
    const early = [];
    const keep = (event) => early.push(event);
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    worker.postMessage({
      id: 0,
      verb: "init",
      payload: {
        indexURL: url("pyodide"),
        archiveURL: url("archive"),
        snapshotURL: runtime.snapshot ? url("snapshot") : "",
      },
    });
    const adopt = (onMessage, onError) => {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      for (const event of early.splice(0)) (event.type === "message" ? onMessage : onError)(event);
    };
    window.kitBoot = { worker, adopt };
  } catch (error) {
    window.kitBoot = { error: String((error && error.message) || error) };
  }
})();
