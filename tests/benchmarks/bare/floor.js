// The floor under the planner's start, measured with the site's own files:
//   ?pyodide=<index URL>&what=wasm    fetch and compile the WebAssembly module only
//   ?pyodide=<index URL>&what=python  start Pyodide (the site's stdlib), nothing more
self.addEventListener("message", async (event) => {
  const { what } = event.data;
  const indexURL = new URL(event.data.pyodide, self.location.href).href;
  const begin = performance.now();
  if (what === "wasm") {
    await WebAssembly.compileStreaming(fetch(new URL("pyodide.asm.wasm", indexURL)));
  } else {
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    const pyodide = await loadPyodide({ indexURL });
    pyodide.runPython("import sys");
  }
  self.postMessage({ kind: "ready", ms: performance.now() - begin });
});
