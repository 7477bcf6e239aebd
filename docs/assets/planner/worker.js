// Follow-up planner worker: runs Pyodide and answers the page's requests.
//
// The worker only moves strings. The protocol (request and response shapes,
// version, ids) is defined once, in planner/bridge.py; here every request is
// passed to bridge.handle() as a JSON string and its JSON string answer is
// posted back unchanged.
//
// Messages in:  {kind: "init", pyodide: <index URL>, bundle: <zip URL>}
//               {kind: "request", seq: <number>, json: <request string>}
//               {kind: "crash", on?: "request"}  (tests only: the worker stops
//               answering and fails, now or when the next request arrives)
// Messages out: {kind: "status", text}
//               {kind: "ready", pyodide: <Pyodide's version>}
//               {kind: "response", seq, json}
//               {kind: "fatal", message}

let handle = null;
let crashOnRequest = false;
const queue = [];

function status(text) {
  self.postMessage({ kind: "status", text });
}

async function start(indexURL, bundleURL) {
  status("Getting the planner ready: a download of about 15 MB, which your browser usually keeps for next time. Once it is ready, it works offline…");
  // The planner's own files download while Python loads; a failure is reported below.
  const bundle = fetch(bundleURL);
  bundle.catch(() => {});
  // Pyodide does not reject when its WebAssembly file is missing: it waits
  // for ever. Ask for the file's headers first, so that case fails clearly.
  const wasm = await fetch(new URL("pyodide.asm.wasm", indexURL), { method: "HEAD" });
  if (!wasm.ok) throw new Error(`Python could not be downloaded (HTTP ${wasm.status}).`);
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false });
  status("Almost ready…");
  const response = await bundle;
  if (!response.ok) {
    throw new Error(`The planner could not be downloaded (HTTP ${response.status}).`);
  }
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/app')");
  handle = pyodide.pyimport("planner.bridge").handle;
  self.postMessage({ kind: "ready", pyodide: pyodide.version });
  while (queue.length) answer(queue.shift());
}

function crash() {
  handle = null;
  setTimeout(() => {
    throw new Error("planner worker crashed on request (test)");
  });
}

function answer(message) {
  if (crashOnRequest) {
    crash();
    return;
  }
  let json;
  try {
    json = handle(message.json);
  } catch (error) {
    // bridge.handle never raises; reaching here means Python itself broke.
    self.postMessage({ kind: "fatal", message: String(error && error.message || error) });
    return;
  }
  self.postMessage({ kind: "response", seq: message.seq, json });
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.kind === "init") {
    start(message.pyodide, message.bundle).catch((error) => {
      self.postMessage({ kind: "fatal", message: String(error && error.message || error) });
    });
  } else if (message.kind === "request") {
    if (handle) answer(message);
    else queue.push(message);
  } else if (message.kind === "crash") {
    // Lets the tests check that the page restarts a dead worker and replays
    // what it was waiting for: from now on nothing is answered, and the error
    // reaches the page as the worker's "error" event.
    if (message.on === "request") crashOnRequest = true;
    else crash();
  }
});
