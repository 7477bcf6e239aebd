// Answer planner requests with Pyodide in Node, from the very bundle the site serves.
//
// Usage: node tests/node/bridge.mjs <bundle.zip> [python_stdlib.zip] < requests.json
// where requests.json is a JSON array of request strings; the output is the
// JSON array of bridge.handle() answers, in the same order. No network is used:
// Pyodide loads from node_modules/pyodide, the planner from the zip, and the
// standard library from the given zip (the site's compiled one) if any.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const [bundlePath, stdlibPath] = process.argv.slice(2);
if (!bundlePath) {
  console.error("usage: node tests/node/bridge.mjs <bundle.zip> < requests.json");
  process.exit(2);
}
const requests = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({
  indexURL: path.dirname(require.resolve("pyodide/package.json")) + path.sep,
  ...(stdlibPath ? { stdLibURL: path.resolve(stdlibPath) } : {}),
  stdout: () => {},
  stderr: (line) => console.error(line),
});
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/home/pyodide/app" });
pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/app')");
const handle = pyodide.pyimport("planner.bridge").handle;
const responses = requests.map((request) => handle(request));
process.stdout.write(JSON.stringify(responses));
