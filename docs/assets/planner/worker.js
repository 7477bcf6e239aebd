// Follow-up planner worker: runs Pyodide and answers the page's requests.
//
// The worker only moves strings. The protocol (request and response shapes,
// version, ids) is defined once, in planner/bridge.py; here every request is
// passed to bridge.handle() as a JSON string and its JSON string answer is
// posted back unchanged. The messages are typed in protocol.js:
//
// Messages in:  {kind: "init", pyodide: <index URL>, bundle: <zip URL>, testing?: true}
//               {kind: "request", seq: <number>, json: <request string>}
//               {kind: "crash", on?: "request"}  (obeyed only after an init with
//               testing: the page's test hooks; the worker stops answering and
//               fails, now or when the next request arrives)
// Messages out: {kind: "status", text}
//               {kind: "ready", pyodide: <Pyodide's version>}
//               {kind: "response", seq, json}
//               {kind: "fatal", message}

/** @typedef {import("./protocol.js").ToWorker} ToWorker */
/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").RequestMessage} RequestMessage */

/** @type {((requestJson: string) => string) | null} */
let handle = null;
let testing = false;
let crashOnRequest = false;
/** @type {RequestMessage[]} */
const queue = [];

/** @param {FromWorker} message */
function send(message) {
  self.postMessage(message);
}

/** @param {string} text */
function status(text) {
  send({ kind: "status", text });
}

/** @param {unknown} error */
function reason(error) {
  return String((error instanceof Error && error.message) || error);
}

/**
 * @param {string} indexURL
 * @param {string} bundleURL
 */
async function start(indexURL, bundleURL) {
  status("Getting the planner ready: a download of about 15 MB, which your browser usually keeps for next time. Once it is ready, it works offline…");
  // The planner's own files download while Python loads; a failure is reported below.
  const bundle = fetch(bundleURL);
  bundle.catch(() => {});
  // Pyodide does not reject when its WebAssembly file is missing: it waits
  // for ever. Ask for the file's headers first, so that case fails clearly.
  const wasm = await fetch(new URL("pyodide.asm.wasm", indexURL), { method: "HEAD" });
  if (!wasm.ok) throw new Error(`Python could not be downloaded (HTTP ${wasm.status}).`);
  /** @type {typeof import("pyodide")} */
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
  send({ kind: "ready", pyodide: pyodide.version });
  while (handle && queue.length) answer(/** @type {RequestMessage} */ (queue.shift()));
}

function crash() {
  handle = null;
  setTimeout(() => {
    throw new Error("planner worker crashed on request (test)");
  });
}

/** @param {RequestMessage} message */
function answer(message) {
  if (!handle) {
    queue.push(message); // answered once Python is ready
    return;
  }
  if (crashOnRequest) {
    crash();
    return;
  }
  let json;
  try {
    json = handle(message.json);
  } catch (error) {
    // bridge.handle never raises; reaching here means Python itself broke.
    send({ kind: "fatal", message: reason(error) });
    return;
  }
  send({ kind: "response", seq: message.seq, json });
}

self.addEventListener("message", (/** @type {MessageEvent<ToWorker>} */ event) => {
  const message = event.data;
  if (message.kind === "init") {
    testing = message.testing === true;
    start(message.pyodide, message.bundle).catch((error) => {
      send({ kind: "fatal", message: reason(error) });
    });
  } else if (message.kind === "request") {
    answer(message);
  } else if (message.kind === "crash" && testing) {
    // Lets the tests check that the page restarts a dead worker and replays
    // what it was waiting for: from now on nothing is answered, and the error
    // reaches the page as the worker's "error" event.
    if (message.on === "request") crashOnRequest = true;
    else crash();
  }
});
