// Benchmark: the worker's entry point (bridge.handle) in Pyodide under Node.
//
// Not a test. Run `node tests/benchmarks/bench_pyodide.mjs site` after `make build`;
// it loads Pyodide with the standard library the site serves (precompiled) and,
// for comparison, with the npm package's plain one, then times plan and render
// requests for the typical interview of typical.json, and the agenda of the 20
// interviews with progress of twenty.json (the agenda request, then render_agenda in
// Markdown, text and calendar: target, a median of at most 90 ms for the four).
// Figures, in milliseconds, go to tests/results/benchmark-pyodide.json.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const site = path.resolve(process.argv[2] || path.join(root, "site"));
const runs = Number(process.argv[3] || 200);
const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");
const indexURL = path.dirname(require.resolve("pyodide/package.json")) + path.sep;
const version = JSON.parse(readFileSync(path.join(indexURL, "package.json"), "utf8")).version;
const bundleDir = path.join(site, "assets", "planner");
const bundle = readdirSync(bundleDir).find((name) => /^planner-\w+\.zip$/.test(name));
const typical = JSON.parse(readFileSync(path.join(here, "typical.json"), "utf8"));
const twenty = JSON.parse(readFileSync(path.join(here, "twenty.json"), "utf8")).interviews;
const AGENDA_TARGET_MS = 90;

async function start(stdLibURL) {
  const begin = performance.now();
  const pyodide = await loadPyodide({ indexURL, stdLibURL, stdout: () => {} });
  const loaded = performance.now();
  const zip = new Uint8Array(readFileSync(path.join(bundleDir, bundle)));
  pyodide.unpackArchive(zip, "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/app')");
  const handle = pyodide.pyimport("planner.bridge").handle;
  const first = JSON.parse(handle(JSON.stringify({ protocol: 1, id: 0, op: "plan", input: typical })));
  if (!first.ok || !first.result.items) throw new Error("the typical interview did not plan");
  const ready = performance.now();
  return { handle, loadMs: loaded - begin, firstPlanMs: ready - loaded };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(handle, ...requests) {
  const texts = requests.map((request) => JSON.stringify(request));
  const timings = [];
  for (let i = 0; i < runs; i += 1) {
    const begin = performance.now();
    for (const json of texts) handle(json);
    timings.push(performance.now() - begin);
  }
  return Number(median(timings).toFixed(3));
}

const plain = await start(path.join(indexURL, "python_stdlib.zip"));
const compiled = await start(path.join(site, "assets", "pyodide", version, "python_stdlib.zip"));
const operations = { plan: time(compiled.handle, { protocol: 1, id: 1, op: "plan", input: typical, today: "2026-03-20" }) };
for (const format of ["md", "text", "ics"]) {
  operations[`render_${format}`] = time(compiled.handle,
    { protocol: 1, id: 1, op: "render", input: typical, today: "2026-03-20", format });
}
const agenda = { protocol: 1, id: 1, op: "agenda", inputs: twenty, today: "2026-04-20" };
operations.agenda_of_twenty_json = time(compiled.handle, agenda);
operations.agenda_of_twenty_every_format = time(compiled.handle, agenda,
  ...["md", "text", "ics"].map((format) => ({ ...agenda, op: "render_agenda", format })));
const report = {
  pyodide: version,
  agenda_target_ms: AGENDA_TARGET_MS,
  agenda_meets_target: operations.agenda_of_twenty_every_format <= AGENDA_TARGET_MS,
  runs,
  startup_ms: {
    plain_stdlib: { load: Math.round(plain.loadMs), planner_and_first_plan: Math.round(plain.firstPlanMs) },
    precompiled_stdlib: { load: Math.round(compiled.loadMs), planner_and_first_plan: Math.round(compiled.firstPlanMs) },
  },
  median_ms: operations,
};
mkdirSync(path.join(root, "tests", "results"), { recursive: true });
writeFileSync(path.join(root, "tests", "results", "benchmark-pyodide.json"), JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify(report, null, 2));
