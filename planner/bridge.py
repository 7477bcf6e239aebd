"""The one function the browser calls: a JSON request string in, a JSON response string out.

The protocol is written down here and nowhere else (the worker only moves
strings). A request is ``{"protocol": 1, "id": <any JSON>, "op": <name>, ...}``;
the response echoes ``protocol`` and ``id`` and carries either
``"ok": true, "result": ...`` or ``"ok": false, "error": {"code", "message"}``.

The operations (``op``) and what they carry besides ``protocol``, ``id`` and ``op``:

- ``version``: nothing; answers ``{"protocol", "planner", "python"}``.
- ``plan``: ``input`` and optionally ``today``; answers the command line's JSON plan.
- ``render``: ``input``, ``today`` and ``format`` (``md``, ``text`` or ``ics``);
  answers ``{"format", "filename", "media_type", "text"}``.
- ``parse_timing``: ``text`` and ``interview_date``; answers which field a phrase
  fills, with the value and an explanation, or that it was not understood.
- ``agenda``: ``inputs`` (a list of inputs), ``today`` and optionally ``days``
  (0 to 365, default 7); answers the command line's JSON agenda (spec §14).
- ``render_agenda``: as ``agenda``, plus ``format``; answers like ``render``.
- ``record``: ``inputs`` and optionally ``today``; answers the record of the job search
  (every interview and every contact made, with its date) as JSON data.
- ``render_record``: as ``record``, plus ``format`` (``md`` or ``text``); answers like
  ``render``.

Refusing an input is an answer, not a failure: a ``plan`` request whose input
has errors is ``ok: true`` with the errors object as its result, and an agenda
lists each refused input under ``errors``. A malformed request (an agenda without
a list of inputs or a valid ``today``, say) is ``ok: false`` with ``bad_request``.

Example:
    >>> import json
    >>> json.loads(handle('{"protocol": 1, "id": 7, "op": "version"}'))["result"]["protocol"]
    1
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

from planner import api

PROTOCOL = 1
#: Deeper requests are refused before parsing, so every Python answers alike.
MAX_DEPTH = 64
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')

_Op = Callable[[dict[str, Any]], Any]


class RequestError(Exception):
    """A request the bridge cannot serve, with a machine-readable code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _version(_request: dict[str, Any]) -> dict[str, Any]:
    return {
        "protocol": PROTOCOL,
        "planner": api.PLANNER_VERSION,
        "python": ".".join(str(part) for part in sys.version_info[:3]),
    }


def _plan(request: dict[str, Any]) -> Any:
    return api.plan_result(request.get("input"), _today(request))


def _parse_timing(request: dict[str, Any]) -> Any:
    text = request.get("text")
    interview_date = request.get("interview_date")
    if not isinstance(text, str):
        raise RequestError("bad_request", "A parse_timing request needs a 'text' string.")
    if not isinstance(interview_date, str):
        raise RequestError(
            "bad_request", "A parse_timing request needs an 'interview_date' string."
        )
    return api.parse_timing_result(text, interview_date)


def _render(request: dict[str, Any]) -> Any:
    fmt = request.get("format")
    if fmt not in api.RENDER_FORMATS:
        allowed = ", ".join(api.RENDER_FORMATS)
        raise RequestError("bad_request", f"A render request needs a 'format': one of {allowed}.")
    return api.render_result(request.get("input"), _today(request), fmt)


def _today(request: dict[str, Any]) -> Any:
    return request.get("today")


def _agenda_args(request: dict[str, Any]) -> tuple[list[Any], Any, int]:
    checked = api.agenda_request(request.get("inputs"), request.get("today"), request.get("days"))
    if isinstance(checked, str):
        raise RequestError("bad_request", checked)
    return checked


def _agenda(request: dict[str, Any]) -> Any:
    return api.agenda_result(*_agenda_args(request))


def _render_agenda(request: dict[str, Any]) -> Any:
    fmt = request.get("format")
    if fmt not in api.RENDER_FORMATS:
        allowed = ", ".join(api.RENDER_FORMATS)
        raise RequestError(
            "bad_request", f"A render_agenda request needs a 'format': one of {allowed}."
        )
    return api.render_agenda_result(*_agenda_args(request), fmt)


def _record_args(request: dict[str, Any]) -> tuple[list[Any], Any]:
    checked = api.record_request(request.get("inputs"), request.get("today"))
    if isinstance(checked, str):
        raise RequestError("bad_request", checked)
    return checked


def _record(request: dict[str, Any]) -> Any:
    return api.record_result(*_record_args(request))


def _render_record(request: dict[str, Any]) -> Any:
    fmt = request.get("format")
    if fmt not in RECORD_FORMATS:
        raise RequestError("bad_request", "A render_record request needs a 'format': md or text.")
    return api.render_record_result(*_record_args(request), fmt)


RECORD_FORMATS = ("md", "text")

_OPS: dict[str, _Op] = {
    "version": _version,
    "plan": _plan,
    "parse_timing": _parse_timing,
    "render": _render,
    "agenda": _agenda,
    "render_agenda": _render_agenda,
    "record": _record,
    "render_record": _render_record,
}


def _too_deep(text: str) -> bool:
    depth = 0
    for char in _STRING.sub("", text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _dumps(response: dict[str, Any]) -> str:
    return json.dumps(response, ensure_ascii=False, separators=(",", ":"))


def _failure(request_id: Any, code: str, message: str) -> str:
    return _dumps(
        {
            "protocol": PROTOCOL,
            "id": request_id,
            "ok": False,
            "error": {"code": code, "message": message},
        }
    )


def handle(request_json: str) -> str:
    """Answer one request; never raises, whatever the request holds.

    Args:
        request_json: the request as a JSON string.

    Returns:
        The response as a JSON string.
    """
    request_id: Any = None
    try:
        if not isinstance(request_json, str):
            return _failure(None, "bad_request", "The request must be a JSON string.")
        if _too_deep(request_json):
            return _failure(None, "bad_request", "The request is nested too deeply.")
        try:
            request = json.loads(request_json)
        except (ValueError, TypeError, RecursionError):
            return _failure(None, "bad_json", "The request is not valid JSON.")
        if not isinstance(request, dict):
            return _failure(None, "bad_request", "The request must be a JSON object.")
        request_id = request.get("id")
        if request.get("protocol") != PROTOCOL:
            return _failure(
                request_id, "unsupported_protocol", f"This planner speaks protocol {PROTOCOL}."
            )
        op = request.get("op")
        handler = _OPS.get(op) if isinstance(op, str) else None
        if handler is None:
            known = ", ".join(sorted(_OPS))
            return _failure(request_id, "unknown_op", f"Unknown operation; known: {known}.")
        result = handler(request)
        return _dumps({"protocol": PROTOCOL, "id": request_id, "ok": True, "result": result})
    except RequestError as error:
        return _failure(request_id, error.code, error.message)
    except Exception as error:  # the boundary must never raise
        return _failure(request_id, "internal", f"{type(error).__name__}: {error}")
