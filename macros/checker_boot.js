// Inlined by macros/widget_html.py as the first child of the checker's and the checklist's
// root element: starts the Pyodide worker while the rest of the page still loads (the page's
// modules arrive later). docs/assets/checker/client.mjs adopts the worker and the messages
// that came before it (kept here in order, so "ready" is never lost).
(() => {
  const root = document.currentScript.parentElement;
  const url = (name) => new URL(root.dataset[name], document.baseURI).href;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    root.kitBoot = { error: "WebAssembly or Web Workers are not available" };
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
        snapshotURL: root.dataset.snapshot ? url("snapshot") : "",
      },
    });
    const adopt = (onMessage, onError) => {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      for (const event of early.splice(0)) (event.type === "message" ? onMessage : onError)(event);
    };
    root.kitBoot = { worker, adopt };
  } catch (error) {
    root.kitBoot = { error: String((error && error.message) || error) };
  }
})();
