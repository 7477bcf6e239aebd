// Build step: compile Pyodide's standard library to bytecode, with Pyodide itself.
//
// Usage: node docs/.hooks/precompile.mjs <pyodide dir> <planner bundle.zip> <out.zip>
// Pyodide ships its standard library as .py sources, which the browser would
// compile at every start; compiled once here, start-up is several times faster.
// The work is done by planner.bundle.precompile_archive, run under Pyodide's
// own Python so that the bytecode matches the browser's interpreter.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [pyodideDir, bundlePath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node precompile.mjs <pyodide dir> <bundle.zip> <out.zip>");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { loadPyodide } = require(path.resolve(pyodideDir));
const indexURL = path.resolve(pyodideDir) + path.sep;
const pyodide = await loadPyodide({ indexURL, stdout: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundlePath)), "zip", { extractDir: "/build" });
pyodide.FS.writeFile("/build/stdlib.zip", new Uint8Array(readFileSync(indexURL + "python_stdlib.zip")));
pyodide.runPython(`
import sys
sys.path.insert(0, "/build")
from planner.bundle import precompile_archive
with open("/build/stdlib.zip", "rb") as source, open("/build/compiled.zip", "wb") as target:
    target.write(precompile_archive(source.read()))
`);
writeFileSync(outPath, pyodide.FS.readFile("/build/compiled.zip"));
