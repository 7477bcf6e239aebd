"""Benchmark: plan and render a typical interview many times; write the figures to a file.

Not a test. Run ``python tests/benchmarks/bench_planner.py [--runs N]``; it writes the
median and 95th percentile, in milliseconds, of each operation to
``tests/results/benchmark.json``. The targets: validating, planning once and rendering
every format (JSON, Markdown, text, calendar) takes a median of at most 5 ms on CPython;
the agenda of the 20 interviews with progress of ``twenty.json`` (each planned once, the
agenda rendered once in every format) a median of at most 30 ms. Each ``render_*``
operation is a separate request, so it validates and plans again.
"""

from __future__ import annotations

import argparse
import functools
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

from planner import api, render  # noqa: E402 - the repository root goes on the path first
from planner.agenda import build_agenda  # noqa: E402

RESULTS = ROOT / "tests" / "results" / "benchmark.json"
TARGET_MEDIAN_MS = 5.0
AGENDA_TARGET_MEDIAN_MS = 30.0
TODAY = "2026-03-20"
AGENDA_TODAY = api.agenda_request([], "2026-04-20", None)
TYPICAL: dict[str, Any] = json.loads(
    (Path(__file__).with_name("typical.json")).read_text(encoding="utf-8")
)
TWENTY: list[Any] = json.loads(
    (Path(__file__).with_name("twenty.json")).read_text(encoding="utf-8")
)["interviews"]


def _operations() -> dict[str, Callable[[], object]]:
    def everything() -> None:
        api.plan_result(TYPICAL, TODAY)
        for fmt in api.RENDER_FORMATS:
            api.render_result(TYPICAL, TODAY, fmt)

    operations: dict[str, Callable[[], object]] = {
        "plan_json": lambda: api.plan_result(TYPICAL, TODAY),
    }
    for fmt in api.RENDER_FORMATS:
        operations[f"render_{fmt}"] = functools.partial(api.render_result, TYPICAL, TODAY, fmt)
    operations["plan_and_all_renders"] = everything

    def once() -> None:
        # What the page needs for one interview: the plan as the bridge sends it
        # (compact JSON), then Markdown, text and the calendar from that plan.
        built = api.build(TYPICAL, TODAY)
        assert not isinstance(built, list)
        json.dumps(render.plan_json(built[1]), ensure_ascii=False, separators=(",", ":"))
        for fmt in api.RENDER_FORMATS:
            api.render_text(*built, fmt)

    operations["plan_once_render_every_format"] = once

    def agenda() -> None:
        # Twenty interviews, each planned once; the agenda rendered once in every format.
        assert not isinstance(AGENDA_TODAY, str)
        _, today, days = AGENDA_TODAY
        built = build_agenda(TWENTY, today, days)
        for fmt in ("json", *api.RENDER_FORMATS):
            api.render_agenda_text(built, fmt)

    operations["agenda_of_twenty_every_format"] = agenda
    return operations


def _measure(operation: Callable[[], object], runs: int) -> dict[str, float]:
    for _ in range(min(20, runs)):  # warm caches (advice content, imports)
        operation()
    timings: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        operation()
        timings.append((time.perf_counter() - start) * 1000.0)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return {"median_ms": round(statistics.median(timings), 4), "p95_ms": round(p95, 4)}


def main(argv: list[str] | None = None) -> int:
    """Run every operation, print a summary and write the figures.

    Example:
        >>> main(["--runs", "5"])  # doctest: +SKIP
        0
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500, help="timed runs per operation")
    args = parser.parse_args(argv)
    figures = {name: _measure(op, args.runs) for name, op in _operations().items()}
    report = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "runs": args.runs,
        "target_median_ms": TARGET_MEDIAN_MS,
        "items": len(api.plan_result(TYPICAL, TODAY)["items"]),
        "operations": figures,
        "meets_target": figures["plan_once_render_every_format"]["median_ms"] <= TARGET_MEDIAN_MS,
        "agenda_target_median_ms": AGENDA_TARGET_MEDIAN_MS,
        "agenda_meets_target": figures["agenda_of_twenty_every_format"]["median_ms"]
        <= AGENDA_TARGET_MEDIAN_MS,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, figure in figures.items():
        print(f"{name:30} median {figure['median_ms']:8.3f} ms   p95 {figure['p95_ms']:8.3f} ms")
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
