// Bare Pyodide as the npm package ships it: default options, its own stdlib and lock file.
self.addEventListener("message", async (event) => {
  const indexURL = new URL(event.data.pyodide, self.location.href).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL });
  pyodide.runPython("import sys");
  self.postMessage({ kind: "ready", pyodide: pyodide.version });
});
