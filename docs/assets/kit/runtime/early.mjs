// Requests Pyodide's WebAssembly, standard library and lock file at once and compiles the
// WebAssembly while the memory snapshot still downloads; loadPyodide() then takes them from here.
//
// Pyodide itself asks for those files only once its own module has loaded, and compiles the
// WebAssembly only once the snapshot has arrived (it sizes the memory from it). During
// loadPyodide() its fetch of those files gets these responses (each once) and its
// instantiateStreaming() the module compiled here. If compiling failed, Pyodide's usual path runs.

import { fetchKept } from "./kept.mjs";

const FILES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

/**
 * Request the runtime's files now; `during(work)` lets loadPyodide() in `work` use them, and
 * `compiled` is the promise of the compiled WebAssembly module.
 * `mark(name)` is called as each file arrives and once the WebAssembly is compiled.
 */
export function requestEarly(indexURL, mark = () => {}) {
  const wasmURL = new URL(FILES[0], indexURL).href;
  const responses = new Map();
  for (const name of FILES) {
    const url = new URL(name, indexURL).href;
    const response = fetchKept(url);
    response.then(() => mark(name), () => {});
    responses.set(url, response);
  }
  const compiled = WebAssembly.compileStreaming(responses.get(wasmURL));
  compiled.then(() => mark("compiled"), () => {});

  async function during(work) {
    const { fetch: fetchFromNetwork } = self;
    const { instantiateStreaming } = WebAssembly;
    self.fetch = (input, init) => {
      const url = String(input);
      const early = responses.get(url);
      if (!early) return fetchFromNetwork(input, init);
      responses.delete(url);
      return early;
    };
    WebAssembly.instantiateStreaming = async (_source, imports) => {
      try {
        const module = await compiled;
        return { module, instance: await WebAssembly.instantiate(module, imports) };
      } catch {
        return instantiateStreaming(fetchFromNetwork(wasmURL), imports);
      }
    };
    try {
      return await work();
    } finally {
      self.fetch = fetchFromNetwork;
      WebAssembly.instantiateStreaming = instantiateStreaming;
    }
  }
  return { during, compiled };
}
