"""The command line: ``python -m planner plan INPUT --format FORMAT [--today YYYY-MM-DD]``.

``INPUT`` is a JSON file, or ``-`` for standard input. The plan goes to standard
output with exit status 0. A refused input exits with status 2: with ``--format
json`` the errors object goes to standard output, otherwise each error goes to
standard error as a plain line ``field: message``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from planner import api, render
from planner.model import Problem

FORMATS = ("json", "md", "text", "ics")
EXIT_OK = 0
EXIT_REFUSED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m planner",
        description="Plan the follow-up after a job interview.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="plan one interview from a JSON file")
    plan.add_argument("input", metavar="INPUT", help="a JSON file, or - for standard input")
    plan.add_argument("--format", choices=FORMATS, default="json", help="output format")
    plan.add_argument("--today", metavar="YYYY-MM-DD", help="mark items before this overdue")
    return parser


def _read(source: str) -> Any | Problem:
    """The input's JSON value, or the problem that stops it being read."""
    try:
        if source == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            with open(source, encoding="utf-8-sig") as handle:
                text = handle.read()
    except OSError as error:
        return Problem("", f"The input file cannot be read: {error.strerror or error}.")
    except UnicodeDecodeError:
        return Problem("", "The input is not UTF-8 text.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return Problem("", "The input is not valid JSON.")


def _refuse(refusal: dict[str, Any], fmt: str) -> int:
    """Report a refusal (an object made by ``render.errors_json``) and return exit status 2."""
    if fmt == "json":
        sys.stdout.write(render.dumps(refusal))
    else:
        for problem in refusal["errors"]:
            sys.stderr.write(f"{problem['field']}: {problem['message']}\n")
    return EXIT_REFUSED


def _write(text: str, fmt: str) -> None:
    if fmt == "ics":  # the calendar's CRLF line ends must survive as they are
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: the arguments after the program name; ``None`` reads ``sys.argv``.

    Returns:
        0 when the plan was written, 2 when the input was refused.

    Example:
        >>> main(["plan", "missing.json", "--format", "text"])  # doctest: +SKIP
        2
    """
    args = _parser().parse_args(argv)
    fmt: str = args.format
    raw = _read(args.input)
    if isinstance(raw, Problem):
        return _refuse(render.errors_json([raw]), fmt)
    today = args.today
    result = api.render_result(raw, today, fmt)
    if "errors" in result:
        return _refuse(result, fmt)
    _write(result["text"], fmt)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
