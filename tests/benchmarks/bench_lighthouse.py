"""Benchmark: Lighthouse (mobile) on the home page, a guide page and the planner page.

Not a test. Run ``python tests/benchmarks/bench_lighthouse.py`` after ``make build``
(``make bench`` runs it). The built site is served by the benchmark's compressing
host (host.py); Lighthouse, pinned in package.json, drives Debian's Chromium
(``CHROME_PATH``, default /usr/bin/chromium) with its default mobile settings
(simulated slow 4G and a slowed-down CPU). Each page is audited ``--runs`` times;
the median score of each category, the metrics behind the performance score and
the bytes each page transferred go to ``tests/results/lighthouse.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.host import host  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.support.server import serve  # noqa: E402

RESULTS = ROOT / "tests" / "results" / "lighthouse.json"
PAGES = {"home": "", "guide": "guide/same-day/", "planner": "planner/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
TARGET = 98
#: Tries of one audit before the benchmark gives up.
ATTEMPTS = 3


def _audit(url: str, scratch: Path) -> dict[str, Any]:
    out = scratch / "report.json"
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or chromium_path() or ""}
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    # Lighthouse now and then loses its own trace (NO_NAVSTART): such a run is tried again.
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(command, env=env, timeout=300, check=False)
        if finished.returncode == 0:
            break
        print(f"lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr)
        time.sleep(5)  # the last browser gone before the next one starts
    else:
        raise SystemExit(f"lighthouse failed {ATTEMPTS} times on {url}")
    report = json.loads(out.read_text(encoding="utf-8"))
    pyodide = [
        item
        for item in report["audits"]["network-requests"]["details"]["items"]
        if "/pyodide/" in item["url"]
    ]
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "metrics": {m: report["audits"][m]["numericValue"] for m in METRICS},
        "transfer_bytes": sum(
            item.get("transferSize", 0)
            for item in report["audits"]["network-requests"]["details"]["items"]
        ),
        "pyodide_requests": len(pyodide),
    }


@contextmanager
def _base_url(site: Path) -> Iterator[str]:
    with host(site) as (base, _ledger):
        yield base


def main(argv: list[str] | None = None) -> int:
    """Audit the three pages, print the scores and write them.

    Example:
        >>> main(["--runs", "1"])  # doctest: +SKIP
        0
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="audits per page (medians)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="serve with the tests' plain server (no compression, no cache headers) instead",
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    served = serve(args.site) if args.plain else _base_url(args.site)
    with served as base, tempfile.TemporaryDirectory() as scratch:
        for name, path in PAGES.items():
            runs = [_audit(base + path, Path(scratch)) for _ in range(args.runs)]
            results[name] = {
                "url": "/" + path,
                "scores": {
                    c: statistics.median(run["scores"][c] for run in runs) for c in CATEGORIES
                },
                "metrics": {
                    m: round(statistics.median(run["metrics"][m] for run in runs), 3)
                    for m in METRICS
                },
                "transfer_bytes": statistics.median(run["transfer_bytes"] for run in runs),
                "pyodide_requests": max(run["pyodide_requests"] for run in runs),
                "runs": runs,
            }
            scores = results[name]["scores"]
            print(f"{name:8} " + "  ".join(f"{c} {scores[c]:>5}" for c in CATEGORIES), flush=True)
    report = {
        "lighthouse": json.loads(
            (ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8")
        )["version"],
        "form_factor": "mobile (Lighthouse defaults: simulated throttling)",
        "host": "plain (tests/support/server.py)" if args.plain else "compressing (host.py)",
        "target_performance": TARGET,
        "pages": results,
        "meets_target": all(r["scores"]["performance"] >= TARGET for r in results.values()),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
