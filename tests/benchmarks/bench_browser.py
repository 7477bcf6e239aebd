"""Benchmark: the planner page in Chromium, paired in one run with bare Pyodide as shipped.

Not a test (no assertion on time anywhere). Run ``python tests/benchmarks/bench_browser.py``
after ``make build`` (``make bench`` does both). One local compressing host (host.py)
serves the built site and, beside it, a bare page that loads the npm package's Pyodide
with its default options; both run their Python in a module worker. Each run, in a fresh
browser context (an empty cache) and in alternating order:

* bare page: navigation to "ready" cold, then warm (a second visit in the same context);
* planner page: the same (the warm visit once the first one's service-worker precaching
  is over, as for a person coming back), the bytes the host sent until ready (the worker's
  requests included), then ready to first checklist (fill the form, submit) and re-plans after an
  edit (edit to re-rendered checklist, less the page's debounce delay);
* floor pages: fetch and compile the WebAssembly module alone, and start the site's
  Pyodide (its standard library) with nothing else.

Medians over the runs, and ratios to bare Pyodide measured in the same run, go to
``tests/results/benchmark-browser.json`` and are printed as a table.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402

from tests.benchmarks.host import Ledger, host  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402

RESULTS = ROOT / "tests" / "results" / "benchmark-browser.json"
BARE = Path(__file__).with_name("bare")
#: The page's debounce before a re-plan (LIVE_DELAY_MS in client.js).
LIVE_DELAY_MS = 400
EDITS = 10
TARGETS = {"ready_cold": 0.45, "ready_warm": 0.35, "bytes_mib": 4.0, "replan_ms": 20.0}

#: Records when <html data-planner-ready> appears, in the page's own clock.
_READY_PROBE = """
new MutationObserver(() => {
  if (document.documentElement && document.documentElement.dataset.plannerReady
      && window.__readyAt === undefined) window.__readyAt = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-planner-ready"] });
"""

#: Submit the form and resolve with the ms until the checklist's heading is in the page.
_FIRST_CHECKLIST = """
async () => {
  const result = document.getElementById("planner-result");
  const begin = performance.now();
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (result.querySelector("#checklist-heading")) {
        observer.disconnect();
        resolve(performance.now() - begin);
      }
    });
    observer.observe(result, { childList: true, subtree: true });
  });
  document.getElementById("planner-form").requestSubmit();
  return await done;
}
"""

#: Edit the company field and resolve with the ms until the checklist is rendered again
#: (less the page's debounce).
_REPLAN = """
async ([text, delay]) => {
  const result = document.getElementById("planner-result");
  const company = document.getElementById("company");
  let begin = 0;
  const done = new Promise((resolve) => {
    // The checklist made again, not the history line that follows the edit at once.
    const remade = (node) => node instanceof Element
      && (node.id === "checklist-heading" || node.querySelector("#checklist-heading"));
    const observer = new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes].some(remade))) return;
      observer.disconnect();
      resolve(performance.now() - begin - delay);
    });
    observer.observe(result, { childList: true, subtree: true });
  });
  company.value = text;
  begin = performance.now();
  company.dispatchEvent(new Event("input", { bubbles: true }));
  return await done;
}
"""


def _visit(context: BrowserContext, url: str) -> tuple[Page, float, float]:
    """Open ``url`` in a new page; wait for ready. Returns page, ready ms, start (epoch s)."""
    page = context.new_page()
    started = time.time()
    page.goto(url)
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
    ready_ms = float(page.evaluate("window.__readyAt"))
    return page, ready_ms, started


def _wire(ledger: Ledger, started: float, page: Page, ready_ms: float) -> tuple[int, list[Any]]:
    """Bytes the host sent for requests that arrived between navigation and ready."""
    origin = float(page.evaluate("performance.timeOrigin")) / 1000.0
    sent = ledger.since(started - 0.05, origin + ready_ms / 1000.0)
    files = [[entry.path, entry.status, entry.encoding, entry.wire_bytes] for entry in sent]
    return sum(entry.wire_bytes for entry in sent), files


#: True once the site's service worker is active and installs nothing (its precache is done).
_INSTALLED = """
async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration && registration.active && !registration.installing);
}
"""


def _settled(page: Page, ledger: Ledger, seconds: float = 1.5, limit: float = 120.0) -> None:
    """Wait until the first visit's service worker has precached the site and the host has
    had no request for ``seconds``: a person coming back another day finds it so."""
    deadline = time.time() + limit
    while time.time() < deadline and not page.evaluate(_INSTALLED):
        time.sleep(0.25)
    while time.time() < deadline:
        now = time.time()
        if not ledger.since(now - seconds, now + 1):
            return
        time.sleep(0.25)
    print(f"warning: the service worker had not settled after {limit:.0f} s", file=sys.stderr)


def _pair(context_for: Callable[[], BrowserContext], url: str) -> dict[str, float]:
    """Cold then warm ready for one page, in one fresh context."""
    context = context_for()
    try:
        page, cold, _ = _visit(context, url)
        page.close()
        page, warm, _ = _visit(context, url)
        page.close()
    finally:
        context.close()
    return {"ready_cold_ms": cold, "ready_warm_ms": warm}


def _planner(context_for: Callable[[], BrowserContext], url: str, ledger: Ledger) -> dict[str, Any]:
    context = context_for()
    try:
        page, cold, started = _visit(context, url)
        wire, files = _wire(ledger, started, page, cold)
        shift = page.evaluate("window.__layoutShift || 0")
        _settled(page, ledger)
        page.close()
        page, warm, started = _visit(context, url)
        warm_wire, _ = _wire(ledger, started, page, warm)
        page.fill("#interview-date", "2026-03-12")
        page.fill('[data-field="interviewers[0].name"]', "Dana Lee")
        first = float(page.evaluate(_FIRST_CHECKLIST))
        replans = [
            float(page.evaluate(_REPLAN, [f"Acme {index}", LIVE_DELAY_MS]))
            for index in range(EDITS)
        ]
        page.close()
    finally:
        context.close()
    return {
        "ready_cold_ms": cold,
        "ready_warm_ms": warm,
        "bytes_until_ready": wire,
        "bytes_until_ready_warm": warm_wire,
        "first_checklist_ms": first,
        "replan_ms": statistics.median(replans),
        "layout_shift_until_ready": shift,
        "files": files,
    }


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(float(run[key]) for run in runs), 1)


def main(argv: list[str] | None = None) -> int:
    """Run the pages, print the table and write the figures.

    Example:
        >>> main(["--runs", "1"])  # doctest: +SKIP
        0
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs of each page (medians)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--label", default="", help="a note stored with the figures")
    args = parser.parse_args(argv)
    npm = ROOT / "node_modules" / "pyodide"
    version = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    bare_pyodide = f"/bare/assets/pyodide/{version}/"
    site_pyodide = f"/assets/pyodide/{version}/"
    mounts = {bare_pyodide: npm, "/bare/": BARE}
    bare: list[dict[str, float]] = []
    planner: list[dict[str, Any]] = []
    floor_wasm: list[dict[str, float]] = []
    floor_python: list[dict[str, float]] = []
    with host(args.site, mounts) as (base, ledger), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)

        def context_for() -> BrowserContext:
            context = browser.new_context()
            context.add_init_script(_READY_PROBE + _SHIFT_PROBE)
            return context

        # One unmeasured round first: the browser's own first start is not Pyodide's.
        _pair(context_for, f"{base}bare/?pyodide={bare_pyodide}")
        _planner(context_for, f"{base}planner/", ledger)
        for run in range(args.runs):
            steps: list[Callable[[], None]] = [
                lambda: bare.append(_pair(context_for, f"{base}bare/?pyodide={bare_pyodide}")),
                lambda: planner.append(_planner(context_for, f"{base}planner/", ledger)),
            ]
            for step in steps if run % 2 == 0 else reversed(steps):
                step()
            floor = f"{base}bare/?worker=floor.js&pyodide={site_pyodide}&what="
            floor_wasm.append(_pair(context_for, floor + "wasm"))
            floor_python.append(_pair(context_for, floor + "python"))
            print(
                f"run {run + 1}/{args.runs}: bare {bare[-1]}, planner "
                f"{ {k: v for k, v in planner[-1].items() if k != 'files'} }",
                flush=True,
            )
        browser.close()
    report = _report(args, version, bare, planner, floor_wasm, floor_python)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _print(report)
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


#: Sums the page's layout shifts (those not caused by input), as Lighthouse's CLS does.
_SHIFT_PROBE = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def _report(
    args: argparse.Namespace,
    version: str,
    bare: list[dict[str, float]],
    planner: list[dict[str, Any]],
    floor_wasm: list[dict[str, float]],
    floor_python: list[dict[str, float]],
) -> dict[str, Any]:
    cold_ratios = [
        p["ready_cold_ms"] / b["ready_cold_ms"] for p, b in zip(planner, bare, strict=True)
    ]
    warm_ratios = [
        p["ready_warm_ms"] / b["ready_warm_ms"] for p, b in zip(planner, bare, strict=True)
    ]
    mib = statistics.median(p["bytes_until_ready"] for p in planner) / 2**20
    figures = {
        "bare": {
            "ready_cold_ms": _median(bare, "ready_cold_ms"),
            "ready_warm_ms": _median(bare, "ready_warm_ms"),
        },
        "planner": {
            key: _median(planner, key)
            for key in (
                "ready_cold_ms",
                "ready_warm_ms",
                "first_checklist_ms",
                "replan_ms",
                "bytes_until_ready",
                "bytes_until_ready_warm",
            )
        },
        "floor": {
            "wasm_compile_cold_ms": _median(floor_wasm, "ready_cold_ms"),
            "wasm_compile_warm_ms": _median(floor_wasm, "ready_warm_ms"),
            "pyodide_start_cold_ms": _median(floor_python, "ready_cold_ms"),
            "pyodide_start_warm_ms": _median(floor_python, "ready_warm_ms"),
        },
        "ratios": {
            "ready_cold": round(statistics.median(cold_ratios), 3),
            "ready_warm": round(statistics.median(warm_ratios), 3),
            "floor_cold": round(
                _median(floor_python, "ready_cold_ms") / _median(bare, "ready_cold_ms"), 3
            ),
            "floor_warm": round(
                _median(floor_python, "ready_warm_ms") / _median(bare, "ready_warm_ms"), 3
            ),
        },
        "bytes_until_ready_mib": round(mib, 2),
        "layout_shift_until_ready": max(p["layout_shift_until_ready"] for p in planner),
    }
    met = {
        "ready_cold": figures["ratios"]["ready_cold"] <= TARGETS["ready_cold"],
        "ready_warm": figures["ratios"]["ready_warm"] <= TARGETS["ready_warm"],
        "bytes_mib": mib <= TARGETS["bytes_mib"],
        "replan_ms": figures["planner"]["replan_ms"] <= TARGETS["replan_ms"],
    }
    return {
        "label": args.label,
        "pyodide": version,
        "chromium": chromium_path(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "runs": args.runs,
        "targets": TARGETS,
        "figures": figures,
        "meets_target": met,
        "files_cold": planner[len(planner) // 2]["files"],
        "raw": {
            "bare": bare,
            "planner": [{k: v for k, v in p.items() if k != "files"} for p in planner],
            "floor_wasm": floor_wasm,
            "floor_python": floor_python,
        },
    }


def _print(report: dict[str, Any]) -> None:
    f = report["figures"]
    rows = [
        (
            "ready, cold (ms)",
            f["bare"]["ready_cold_ms"],
            f["planner"]["ready_cold_ms"],
            f["ratios"]["ready_cold"],
        ),
        (
            "ready, warm (ms)",
            f["bare"]["ready_warm_ms"],
            f["planner"]["ready_warm_ms"],
            f["ratios"]["ready_warm"],
        ),
        ("ready to first checklist (ms)", "", f["planner"]["first_checklist_ms"], ""),
        ("re-plan after an edit (ms)", "", f["planner"]["replan_ms"], ""),
        ("bytes until ready, cold (MiB)", "", f["bytes_until_ready_mib"], ""),
        (
            "bytes until ready, warm (KiB)",
            "",
            round(f["planner"]["bytes_until_ready_warm"] / 1024, 1),
            "",
        ),
        ("layout shift until ready", "", f["layout_shift_until_ready"], ""),
        (
            "floor: wasm compile cold/warm (ms)",
            "",
            f"{f['floor']['wasm_compile_cold_ms']} / {f['floor']['wasm_compile_warm_ms']}",
            "",
        ),
        (
            "floor: Pyodide start cold/warm (ms)",
            "",
            f"{f['floor']['pyodide_start_cold_ms']} / {f['floor']['pyodide_start_warm_ms']}",
            f"{f['ratios']['floor_cold']} / {f['ratios']['floor_warm']}",
        ),
    ]
    print(f"{'':38} {'bare':>10} {'planner':>16} {'ratio':>12}")
    for name, bare, planner, ratio in rows:
        print(f"{name:38} {bare!s:>10} {planner!s:>16} {ratio!s:>12}")
    print("targets met:", json.dumps(report["meets_target"]))
    print("planner page, cold, until ready (path, status, encoding, bytes on the wire):")
    for path, status, encoding, size in report["files_cold"]:
        print(f"  {size:>10}  {status}  {encoding or '-':5} {path}")


if __name__ == "__main__":
    sys.exit(main())
