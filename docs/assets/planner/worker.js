// Follow-up planner worker: runs Pyodide and answers the page's requests.
//
// The worker only moves strings. The protocol (request and response shapes,
// version, ids) is defined once, in planner/bridge.py; here every request is
// passed to bridge.handle() as a JSON string and its JSON string answer is
// posted back unchanged. The messages are typed in protocol.js:
//
// Messages in:  {kind: "init", pyodide: <index URL>, bundle: <zip URL>, lock?: <lock file JSON>,
//                testing?: true}
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
/** @type {(() => Promise<boolean>) | null} mounts the full standard library, once; null until Python runs */
let fullStdlib = null;

// Behind the trimmed library: on sys.path for new top-level modules, and on the
// __path__ of every package already imported from it, for their submodules. New
// path entries have no cached finder, so no importlib.invalidate_caches() (which
// would itself import importlib.metadata, not in the trimmed library).
const MOUNT_FULL = `
import sys
FULL = "/lib/python_stdlib-full.zip"
TRIMMED = next(p for p in sys.path if p.startswith("/lib/python") and p.endswith(".zip"))
sys.path.append(FULL)
for module in list(sys.modules.values()):
    for entry in list(getattr(module, "__path__", None) or ()):
        if isinstance(entry, str) and entry.startswith(TRIMMED + "/"):
            module.__path__.append(FULL + entry[len(TRIMMED):])
`;

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
 * The standard library served first holds only the modules the planner was
 * seen to import (the build records them). Should an import ever be missing,
 * the full library is fetched (only then: it is not precached), put behind the
 * trimmed one on sys.path, and what failed is tried once more.
 * @param {import("pyodide").PyodideAPI} pyodide the started Pyodide
 * @param {string} indexURL where Pyodide's files are served
 * @returns {() => Promise<boolean>} resolves true once mounted (false if already done)
 */
function fullStdlibLoader(pyodide, indexURL) {
  let mounted = false;
  return async () => {
    if (mounted) return false;
    mounted = true;
    status("Getting a part of Python the planner rarely needs…");
    const response = await fetch(new URL("python_stdlib-full.zip", indexURL));
    if (!response.ok) throw new Error(`Python could not be downloaded (HTTP ${response.status}).`);
    pyodide.FS.writeFile("/lib/python_stdlib-full.zip", new Uint8Array(await response.arrayBuffer()));
    pyodide.runPython(MOUNT_FULL);
    return true;
  };
}

/**
 * True when a Python error text is a failed import.
 * @param {string} text an exception's message or an internal error's text
 */
function missingImport(text) {
  return /\b(ModuleNotFoundError|ImportError)\b/.test(text);
}

/**
 * True when the bridge's answer is an internal error from a failed import.
 * @param {string} json a response of bridge.handle
 */
function failedImport(json) {
  const reply = JSON.parse(json);
  return reply.ok === false && reply.error.code === "internal" && missingImport(reply.error.message);
}

/**
 * @param {string} indexURL where Pyodide's files are served
 * @param {string} bundleURL the planner bundle
 * @param {string} [lock] Pyodide's lock file with no packages (the planner needs none):
 *   given, Pyodide does not download its own lock file
 */
async function start(indexURL, bundleURL, lock) {
  // Short enough for two lines on a phone: the status line keeps room for two.
  status("Getting the planner ready: about 4 MB, which your browser keeps for next time…");
  // The planner's own files download while Python loads; a failure is reported below.
  const bundle = fetch(bundleURL);
  bundle.catch(() => {});
  // Pyodide does not reject when its WebAssembly file is missing: it waits
  // for ever. Ask for the file's headers first (while its loader downloads),
  // so that case fails clearly.
  /** @type {[Response, typeof import("pyodide")]} */
  const [wasm, { loadPyodide }] = await Promise.all([
    fetch(new URL("pyodide.asm.wasm", indexURL), { method: "HEAD" }),
    import(new URL("pyodide.mjs", indexURL).href),
  ]);
  if (!wasm.ok) throw new Error(`Python could not be downloaded (HTTP ${wasm.status}).`);
  const pyodide = await loadPyodide({ indexURL, ...(lock ? { lockFileContents: lock } : {}) });
  status("Almost ready…");
  const response = await bundle;
  if (!response.ok) {
    throw new Error(`The planner could not be downloaded (HTTP ${response.status}).`);
  }
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/app')");
  const load = fullStdlibLoader(pyodide, indexURL);
  fullStdlib = load;
  try {
    handle = pyodide.pyimport("planner.bridge").handle;
  } catch (error) {
    if (!missingImport(reason(error)) || !(await load())) throw error;
    handle = pyodide.pyimport("planner.bridge").handle;
  }
  send({ kind: "ready", pyodide: pyodide.version });
  void drain();
}

let draining = false;

/** Answer the waiting requests in order, one at a time (an answer may wait for a download). */
async function drain() {
  if (draining) return;
  draining = true;
  while (handle && queue.length) await answer(/** @type {RequestMessage} */ (queue.shift()));
  draining = false;
}

function crash() {
  handle = null;
  setTimeout(() => {
    throw new Error("planner worker crashed on request (test)");
  });
}

/** @param {RequestMessage} message */
async function answer(message) {
  if (!handle) {
    queue.unshift(message); // answered once Python is ready
    return;
  }
  if (crashOnRequest) {
    crash();
    return;
  }
  let json;
  try {
    json = handle(message.json);
    // bridge.handle answers an exception as an "internal" error: if it was a
    // missing import, get the full standard library and ask once more.
    if (json.includes('"code":"internal"') && failedImport(json) && fullStdlib && await fullStdlib()) {
      json = handle(message.json);
    }
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
    start(message.pyodide, message.bundle, message.lock).catch((error) => {
      send({ kind: "fatal", message: reason(error) });
    });
  } else if (message.kind === "request") {
    queue.push(message);
    void drain();
  } else if (message.kind === "crash" && testing) {
    // Lets the tests check that the page restarts a dead worker and replays
    // what it was waiting for: from now on nothing is answered, and the error
    // reaches the page as the worker's "error" event.
    if (message.on === "request") crashOnRequest = true;
    else crash();
  }
});
