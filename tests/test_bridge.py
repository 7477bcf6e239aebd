"""Tests for the browser bridge: the protocol of spec §12, and that it never raises."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import api
from planner.bridge import PROTOCOL, handle

GOOD: dict[str, Any] = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}


def ask(request: Any) -> dict[str, Any]:
    """Send a request (JSON-encoded unless already a string) and decode the answer."""
    text = request if isinstance(request, str) else json.dumps(request)
    response = json.loads(handle(text))
    assert isinstance(response, dict)
    return response


@pytest.mark.parametrize("request_id", [7, "abc", None, [1, {"x": 2}], {"nested": True}, 1.5])
def test_id_echoed(request_id: Any) -> None:
    """The response echoes the request's id, whatever JSON value it is."""
    response = ask({"protocol": 1, "id": request_id, "op": "version"})
    assert response["id"] == request_id and response["protocol"] == PROTOCOL


def test_version() -> None:
    """The version op names the protocol and the planner's version."""
    result = ask({"protocol": 1, "id": 1, "op": "version"})["result"]
    assert (result["protocol"], result["planner"]) == (1, api.PLANNER_VERSION)


@pytest.mark.parametrize(
    ("sent", "code"),
    [
        ("{not json", "bad_json"),
        ("", "bad_json"),
        ("[1, 2]", "bad_request"),
        ('"plan"', "bad_request"),
        ({"protocol": 2, "id": 1, "op": "plan"}, "unsupported_protocol"),
        ({"id": 1, "op": "plan"}, "unsupported_protocol"),
        ({"protocol": 1, "id": 1, "op": "dance"}, "unknown_op"),
        ({"protocol": 1, "id": 1}, "unknown_op"),
        ({"protocol": 1, "id": 1, "op": "render", "input": GOOD, "format": "pdf"}, "bad_request"),
        ({"protocol": 1, "id": 1, "op": "parse_timing", "text": 3}, "bad_request"),
    ],
)
def test_failures_have_codes(sent: Any, code: str) -> None:
    """Malformed requests fail with ok false and a machine-readable code."""
    response = ask(sent)
    assert response["ok"] is False
    assert response["error"]["code"] == code and response["error"]["message"]


@pytest.mark.parametrize("depth", [100, 5000, 200_000])
def test_deep_nesting_is_refused_cleanly(depth: int) -> None:
    """A deeply nested request is answered, never a crash: refused, or parsed when shallow."""
    sent = json.dumps({"protocol": 1, "id": 9, "op": "plan", "input": None})
    sent = sent[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
    response = ask(sent)
    assert response["protocol"] == PROTOCOL
    if not response["ok"]:
        assert response["error"]["code"] in {"bad_json", "bad_request"}


def test_plan_matches_api() -> None:
    """A plan request's result is exactly the command line's JSON output."""
    response = ask({"protocol": 1, "id": 3, "op": "plan", "input": GOOD, "today": "2026-03-14"})
    assert response["ok"] is True
    assert response["result"] == api.plan_result(GOOD, "2026-03-14")


def test_refused_input_is_an_answer() -> None:
    """A refused input is ok true, with the errors object as the result."""
    response = ask({"protocol": 1, "id": 3, "op": "plan", "input": {"interviewers": []}})
    assert response["ok"] is True
    assert {e["field"] for e in response["result"]["errors"]} == {"interview_date", "interviewers"}


@pytest.mark.parametrize("fmt", ["md", "text", "ics"])
def test_render(fmt: str) -> None:
    """A render request gives the rendering with its file name and media type."""
    request = {"protocol": 1, "id": 4, "op": "render", "input": GOOD, "today": None, "format": fmt}
    result = ask(request)["result"]
    assert result["format"] == fmt and result["text"] and result["filename"].startswith("follow-up")


def test_parse_timing() -> None:
    """A parse_timing request says which field the phrase fills."""
    request = {
        "protocol": 1,
        "id": 5,
        "op": "parse_timing",
        "text": "call me tomorrow",
        "interview_date": "2026-03-12",
    }
    result = ask(request)["result"]
    assert (result["field"], result["value"]) == ("contact_on", "2026-03-13")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "protocol": st.sampled_from([1, 2, "1", None]),
        "id": _JSON,
        "op": st.sampled_from(["plan", "render", "parse_timing", "version", "x"]) | _JSON,
        "input": _JSON | st.just(GOOD),
        "today": _JSON | st.just("2026-03-12"),
        "format": st.sampled_from(["md", "text", "ics", "json"]) | _JSON,
        "text": _JSON,
        "interview_date": _JSON,
    },
)


@settings(deadline=None, max_examples=200)
@given(st.one_of(_FIELDS, _JSON))
def test_any_json_gets_a_response(request: Any) -> None:
    """Any JSON request at all gets a JSON response carrying the protocol, never an exception."""
    response = json.loads(handle(json.dumps(request)))
    assert response["protocol"] == PROTOCOL and response["ok"] in (True, False)
    assert ("result" in response) is response["ok"]
    assert response.get("error", {}).get("code") != "internal"


@settings(deadline=None, max_examples=100)
@given(st.text(max_size=60))
def test_any_text_gets_a_response(text: str) -> None:
    """Any string at all, JSON or not, gets a JSON response."""
    assert json.loads(handle(text))["protocol"] == PROTOCOL
