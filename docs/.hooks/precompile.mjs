// Build step: Python work that must run in Pyodide itself, under Node.
//
//   node precompile.mjs compile <pyodide dir> <planner.zip> <in.zip> <out.zip> [<in.zip> <out.zip>...]
//     compile each archive's .py modules to bytecode (planner.bundle.precompile_archive),
//     with Pyodide's own Python so that the bytecode matches the browser's interpreter;
//   node precompile.mjs record <pyodide dir> <stdlib.zip> <planner.zip> <requests.json> <out.json>
//     start Pyodide as the page's worker does, answer every request of requests.json,
//     and write the origins of every module then imported (the standard library's
//     members the planner needs).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [command, pyodideDir, ...rest] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve(pyodideDir || "."));
const indexURL = path.resolve(pyodideDir || ".") + path.sep;

async function compile(plannerZip, pairs) {
  const pyodide = await loadPyodide({ indexURL, stdout: () => {} });
  pyodide.unpackArchive(new Uint8Array(readFileSync(plannerZip)), "zip", { extractDir: "/build" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/build')\nfrom planner.bundle import precompile_archive");
  const precompile = pyodide.globals.get("precompile_archive");
  for (let i = 0; i < pairs.length; i += 2) {
    const source = pyodide.toPy(new Uint8Array(readFileSync(pairs[i])));
    const compiled = precompile(source);
    writeFileSync(pairs[i + 1], compiled.toJs());
    source.destroy();
    compiled.destroy();
  }
}

async function record(stdlibZip, plannerZip, requestsFile, outFile) {
  const pyodide = await loadPyodide({ indexURL, stdLibURL: path.resolve(stdlibZip), stdout: () => {} });
  // The same calls as docs/assets/planner/worker.js, in the same order.
  pyodide.unpackArchive(new Uint8Array(readFileSync(plannerZip)), "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/app')");
  const handle = pyodide.pyimport("planner.bridge").handle;
  handle(JSON.stringify({ protocol: 1, id: 0, op: "version" }));
  for (const request of JSON.parse(readFileSync(requestsFile, "utf8"))) handle(request);
  const origins = pyodide.runPython(`
import json, sys
json.dumps(sorted({
    module.__spec__.origin
    for module in list(sys.modules.values())
    if getattr(module, "__spec__", None) is not None and isinstance(module.__spec__.origin, str)
}))`);
  writeFileSync(outFile, origins);
}

if (command === "compile" && rest.length >= 3 && rest.length % 2 === 1) {
  await compile(rest[0], rest.slice(1));
} else if (command === "record" && rest.length === 4) {
  await record(...rest);
} else {
  console.error("usage: node precompile.mjs compile|record <pyodide dir> ... (see the file's head)");
  process.exit(2);
}
