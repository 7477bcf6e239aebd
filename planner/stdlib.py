"""Build-time helper: the part of Python's standard library the browser needs.

Pyodide ships its whole standard library (4.5 MB compiled) and the planner uses
a small part of it. The build runs every kind of request in Pyodide under Node,
as the page's worker does, and records which modules were imported from the
library archive (:func:`recorded_entries`); :func:`trim_archive` then keeps
only those, plus :data:`SAFETY`. The full archive ships beside the trimmed one
under :data:`FULL_ARCHIVE`, and the worker fetches it only if an import is
ever missing.

Archives are stored uncompressed (``ZIP_STORED``) so that the transport
compression the host applies (the build's ``.br`` and ``.gz``) sees the bytes;
a deflated zip would not shrink further.

Example:
    >>> sorted(SAFETY)[:3]
    ['_strptime', 'copy', 'encodings.ascii']
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from typing import Any

#: The full (compiled) standard library, fetched only after a missing import.
#: Its name is the one the offline cache's precache rule leaves out.
FULL_ARCHIVE = "python_stdlib-full.zip"
#: Where Pyodide mounts the standard library archive (module origins start so):
#: ``/lib/python314.zip/`` for Python 3.14.
MOUNT = re.compile(r"^/lib/python3\d+\.zip/")

#: Kept although no recorded request imported them: paths a request may take
#: that the recorded ones did not, at little cost each.
SAFETY = frozenset(
    {
        # Python formats an exception's traceback with these; if they were
        # missing, an error would hide its own cause.
        "traceback",
        "linecache",
        "tokenize",
        "token",
        "textwrap",
        # Codecs found by name at run time: encoding text in a less common form
        # (a calendar file in latin-1, a BOM) looks them up lazily.
        "encodings.ascii",
        "encodings.latin_1",
        "encodings.utf_8_sig",
        "encodings.utf_16",
        "encodings.utf_32",
        # datetime.strptime imports it on first use.
        "_strptime",
        # Used by the standard library on error and warning paths.
        "warnings",
        "copy",
        "pprint",
        "reprlib",
    }
)

#: Phrases the timing reader is asked about when the build exercises the planner.
PHRASES = (
    "in two weeks",
    "by Friday",
    "two to three months",
    "call me tomorrow",
    "don't chase us for a month",
    "2026-04-01",
    "whenever, really",
)
#: Requests that the bridge refuses, one for each way of refusing.
MALFORMED = (
    "",
    "not json",
    "[]",
    '{"protocol": 2, "id": 1, "op": "plan"}',
    '{"protocol": 1, "id": {"nested": [1, 2]}, "op": "fly"}',
    '{"protocol": 1, "id": 3, "op": "plan", "input": {"interview_date": 20260312}}',
    '{"protocol": 1, "id": 4, "op": "plan", "input": "Dana"}',
    '{"protocol": 1, "id": 5, "op": "render", "input": {}, "format": "pdf"}',
    '{"protocol": 1, "id": 6, "op": "parse_timing", "text": 7}',
    '{"protocol": 1, "id": 7, "op": "agenda", "inputs": {}, "today": "2026-04-20"}',
    '{"protocol": 1, "id": 8, "op": "agenda", "inputs": [], "today": "2026-04-20", "days": 400}',
    '{"protocol": 1, "id": 9, "op": "render_agenda", "inputs": [], "today": "x", "format": "md"}',
    '{"protocol": 1, "id": 10, "op": "record", "inputs": [], "today": "2026-4-20"}',
    "[" * 5000 + "]" * 5000,
)


def exercise_requests(inputs: Iterable[tuple[str, Any]]) -> list[str]:
    """Every operation of the bridge, for each named input, plus the refusals.

    Each input is planned (with and without ``today``) and rendered in every
    format; all of them together make an agenda and a record, in every format;
    the timing reader reads :data:`PHRASES`; :data:`MALFORMED` ends the list.
    The parity tests send the same requests to Pyodide and CPython.

    Example:
        >>> requests = exercise_requests([("one", {"interview_date": "2026-03-12"})])
        >>> [json.loads(r)["op"] for r in requests[:5]]
        ['plan', 'plan', 'render', 'render', 'render']
    """
    requests: list[dict[str, Any]] = []
    named = list(inputs)
    for name, raw in named:
        requests.append({"protocol": 1, "id": f"{name}/plan", "op": "plan", "input": raw})
        today = {"input": raw, "today": "2026-04-20"}
        requests.append({"protocol": 1, "id": f"{name}/today", "op": "plan", **today})
        for fmt in ("md", "text", "ics"):
            requests.append(
                {"protocol": 1, "id": f"{name}/{fmt}", "op": "render", **today, "format": fmt}
            )
    every = {"protocol": 1, "inputs": [raw for _, raw in named], "today": "2026-04-20"}
    requests.append({**every, "id": "agenda", "op": "agenda"})
    requests.append({**every, "id": "agenda/30", "op": "agenda", "days": 30})
    for fmt in ("md", "text", "ics"):
        requests.append({**every, "id": f"agenda/{fmt}", "op": "render_agenda", "format": fmt})
    requests.append({**every, "id": "record", "op": "record"})
    for fmt in ("md", "text"):
        requests.append({**every, "id": f"record/{fmt}", "op": "render_record", "format": fmt})
    for index, text in enumerate(PHRASES):
        requests.append(
            {
                "protocol": 1,
                "id": index,
                "op": "parse_timing",
                "text": text,
                "interview_date": "2026-03-12",
            }
        )
    return [json.dumps(request) for request in requests] + list(MALFORMED)


def recorded_entries(origins: Iterable[str]) -> set[str]:
    """The archive members behind the recorded modules' origins.

    Example:
        >>> sorted(recorded_entries(["/lib/python314.zip/json/__init__.pyc", "built-in"]))
        ['json/__init__.pyc']
    """
    return {MOUNT.sub("", origin) for origin in origins if MOUNT.match(origin)}


def _module_entries(names: Iterable[str], members: set[str]) -> set[str]:
    """The archive members of dotted module names, with their parent packages."""
    found: set[str] = set()
    for name in names:
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):
            stem = "/".join(parts[:depth])
            for candidate in (f"{stem}/__init__.pyc", f"{stem}.pyc"):
                if candidate in members:
                    found.add(candidate)
    return found


def _dotted(entry: str) -> str:
    """The module name of an archive member: ``json/__init__.pyc`` -> ``json``."""
    return entry.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".")


def store_archive(data: bytes, keep: set[str] | None = None) -> bytes:
    """Rewrite a zip with every member stored uncompressed; only ``keep`` if given.

    Member order, names and dates are kept, so the output is deterministic.

    Example:
        >>> plain = io.BytesIO()
        >>> with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as archive:
        ...     archive.writestr("a.pyc", b"x" * 100)
        ...     archive.writestr("b.pyc", b"y")
        >>> stored = store_archive(plain.getvalue(), {"a.pyc"})
        >>> [(i.filename, i.compress_type) for i in zipfile.ZipFile(io.BytesIO(stored)).infolist()]
        [('a.pyc', 0)]
    """
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            if keep is not None and info.filename not in keep:
                continue
            member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            member.compress_type = zipfile.ZIP_STORED
            member.external_attr = info.external_attr
            target.writestr(member, source.read(info))
    return buffer.getvalue()


def trim_archive(full: bytes, origins: Iterable[str]) -> bytes:
    """The standard library archive cut down to the recorded modules and :data:`SAFETY`.

    Args:
        full: the compiled standard library archive.
        origins: the recorded modules' origins (``/lib/python314.zip/json/__init__.pyc``).

    Returns:
        A stored (uncompressed) zip holding only those members.
    """
    with zipfile.ZipFile(io.BytesIO(full)) as archive:
        members = set(archive.namelist())
    recorded = recorded_entries(origins)
    keep = (recorded & members) | _module_entries(
        [_dotted(entry) for entry in recorded] + [*SAFETY],
        members,
    )
    return store_archive(full, keep)
