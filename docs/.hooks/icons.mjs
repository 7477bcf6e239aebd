// Build step: draw the site's icons, SVG in and PNG out, with resvg (WebAssembly).
//
// Usage: node docs/.hooks/icons.mjs <out dir> < jobs.json
// jobs.json is a list of {"name": "icon-192.png", "svg": "<svg ...>"}; each SVG
// already has its pixel size (planner/offline.py composes them from the logo).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node icons.mjs <out dir> < jobs.json");
  process.exit(2);
}
const require = createRequire(import.meta.url);
await initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
const jobs = JSON.parse(readFileSync(0, "utf8"));
for (const { name, svg } of jobs) {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  writeFileSync(path.join(outDir, name), image.asPng());
}
