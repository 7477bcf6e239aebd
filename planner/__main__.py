"""The command line: ``plan`` one interview, or the ``agenda`` of several.

``python -m planner plan INPUT --format FORMAT [--today YYYY-MM-DD]``: ``INPUT`` is a
JSON file, or ``-`` for standard input. The plan goes to standard output with exit
status 0. A refused input exits with status 2: with ``--format json`` the errors
object goes to standard output, otherwise each error goes to standard error as a
plain line ``field: message``.

``python -m planner agenda FILE... --today YYYY-MM-DD [--days N] --format FORMAT``:
each ``FILE`` holds one interview's input or a backup (``{"version": 1,
"interviews": [...]}``); the inputs are numbered from 0 across the files in the
order given. The agenda goes to standard output; the exit status is 2 when any
input was refused (the others are still listed), and each refusal also goes to
standard error as ``FILE: interview N: field: message``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from planner import api, render
from planner.agenda import build_agenda
from planner.backup import interviews_in
from planner.model import Problem, Refusal
from planner.record import build_record

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
    agenda = commands.add_parser(
        "agenda", help="what to do today and in the days ahead, across several interviews"
    )
    agenda.add_argument(
        "files", metavar="FILE", nargs="+", help="an interview's JSON file, or a backup file"
    )
    agenda.add_argument("--today", metavar="YYYY-MM-DD", required=True, help="the agenda's day")
    agenda.add_argument(
        "--days", type=int, default=None, metavar="N", help="days ahead to list (default 7)"
    )
    agenda.add_argument("--format", choices=FORMATS, default="json", help="output format")
    record = commands.add_parser(
        "record", help="every interview and every contact made, with its date: a printable record"
    )
    record.add_argument(
        "files", metavar="FILE", nargs="+", help="an interview's JSON file, or a backup file"
    )
    record.add_argument("--today", metavar="YYYY-MM-DD", help="the record's day")
    record.add_argument("--format", choices=("json", "md", "text"), default="text")
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
    if args.command == "agenda":
        return _agenda(args.files, args.today, args.days, args.format)
    if args.command == "record":
        return _record(args.files, args.today, args.format)
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


def _inputs(files: list[str]) -> tuple[list[object], list[str]]:
    """Every interview input of the files, in order, and the file each came from.

    A file that cannot be read, or a backup of another version, counts as one input
    that is refused with that problem.
    """
    inputs: list[object] = []
    sources: list[str] = []
    for source in files:
        raw = _read(source)
        found = raw if isinstance(raw, Problem) else interviews_in(raw)
        entries = [found] if isinstance(found, Problem) else found
        inputs += entries
        sources += [source] * len(entries)
    return inputs, sources


def _report(refusals: tuple[Refusal, ...], sources: list[str]) -> int:
    """Write each refused input's problems to standard error; the exit status."""
    for refusal in refusals:
        where = f"{sources[refusal.index]}: interview {refusal.index}"
        for problem in refusal.problems:
            sys.stderr.write(f"{where}: {problem.field}: {problem.message}\n")
    return EXIT_REFUSED if refusals else EXIT_OK


def _record(files: list[str], today: str | None, fmt: str) -> int:
    """Run ``record``: read every file, write the record, report each refused input."""
    inputs, sources = _inputs(files)
    checked = api.record_request(inputs, today)
    if isinstance(checked, str):
        return _refuse(render.errors_json([Problem("", checked)]), fmt)
    built = build_record(*checked)
    _write(api.render_record_text(built, fmt), fmt)
    refusals = built[2]
    if fmt == "json":
        return EXIT_REFUSED if refusals else EXIT_OK
    return _report(refusals, sources)


def _agenda(files: list[str], today: str, days: int | None, fmt: str) -> int:
    """Run ``agenda``: read every file, write the agenda, report each refused input."""
    inputs, sources = _inputs(files)
    checked = api.agenda_request(inputs, today, days)
    if isinstance(checked, str):
        return _refuse(render.errors_json([Problem("", checked)]), fmt)
    built = build_agenda(*checked)
    _write(api.render_agenda_text(built, fmt), fmt)
    if fmt == "json":
        return EXIT_REFUSED if built.refusals else EXIT_OK
    return _report(built.refusals, sources)


if __name__ == "__main__":
    sys.exit(main())
