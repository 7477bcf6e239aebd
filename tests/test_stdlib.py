"""The build's choice of standard library modules for the browser (planner.stdlib)."""

from __future__ import annotations

import io
import json
import zipfile

from planner import bridge, stdlib


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_build_exercises_every_operation_of_the_bridge() -> None:
    """Every operation the bridge knows (but the version) is among the recorded requests."""
    requests = stdlib.exercise_requests([("one", {"interview_date": "2026-03-12"})])
    ops = {json.loads(r).get("op") for r in requests if r.startswith("{")}
    assert set(bridge._OPS) - {"version"} <= ops


def test_every_refusal_is_exercised_too() -> None:
    """The malformed requests close the list, so error paths' imports are recorded as well."""
    requests = stdlib.exercise_requests([])
    assert requests[-len(stdlib.MALFORMED) :] == list(stdlib.MALFORMED)


def test_trimmed_archive_keeps_recorded_modules_parents_and_safety() -> None:
    """Recorded modules, their packages and the safety list stay; the rest goes, stored."""
    full = _zip(
        {
            "json/__init__.pyc": b"j",
            "json/decoder.pyc": b"d",
            "email/__init__.pyc": b"e",
            "traceback.pyc": b"t",
            "tkinter.pyc": b"k",
        }
    )
    trimmed = stdlib.trim_archive(full, ["/lib/python314.zip/json/decoder.pyc", "built-in"])
    assert _members(trimmed) == {
        "json/__init__.pyc": b"j",
        "json/decoder.pyc": b"d",
        "traceback.pyc": b"t",
    }
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}


def test_origins_outside_the_archive_are_ignored() -> None:
    """Built-in, frozen and planner modules are not standard library members."""
    origins = ["built-in", "frozen", "/home/pyodide/app/planner/bridge.pyc"]
    assert stdlib.recorded_entries(origins) == set()


def test_storing_keeps_bytes_and_order() -> None:
    """Rewriting an archive stored changes no member's bytes, name or order."""
    members = {"b.pyc": b"2" * 50, "a.pyc": b"1" * 50}
    stored = stdlib.store_archive(_zip(members))
    assert list(_members(stored)) == ["b.pyc", "a.pyc"]
    assert _members(stored) == members
