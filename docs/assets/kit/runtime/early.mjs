// Pyodide asks for its WebAssembly, standard library and lock file only once its own module
// has loaded, and compiles the WebAssembly only once the memory snapshot has arrived (it sizes
// the memory from it). Here they are requested at once and the WebAssembly compiled while the
// snapshot still downloads; during loadPyodide() Pyodide's fetch of those files gets these
// responses (each once) and its instantiateStreaming() the module compiled here. If compiling
// failed, Pyodide's usual path runs instead.

import { fetchKept } from "./kept.mjs";

const FILES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

/** Request the runtime's files now; `during(work)` lets loadPyodide() in `work` use them. */
export function requestEarly(indexURL) {
  const wasmURL = new URL(FILES[0], indexURL).href;
  const responses = new Map();
  for (const name of FILES) {
    const url = new URL(name, indexURL).href;
    const response = fetchKept(url);
    response.catch(() => {});
    responses.set(url, response);
  }
  const compiled = WebAssembly.compileStreaming(responses.get(wasmURL));
  compiled.catch(() => {});

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
  return { during };
}
