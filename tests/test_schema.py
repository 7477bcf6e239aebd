"""The input JSON Schema (planner/data/input.schema.json) agrees with what validate accepts.

The schema is a third copy of spec §2/§2b, published for editors and other tools. The truth
here is planner.validate's own field tables (and its behaviour, which the tables must
describe); the schema is checked against them with a tiny structural checker for just the
keywords the schema uses, so no schema library is needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from planner import validate
from planner.model import Interview

ROOT = Path(__file__).parent.parent
SCHEMA: dict[str, Any] = json.loads(
    (ROOT / "planner" / "data" / "input.schema.json").read_text("utf-8")
)
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))
BASE: dict[str, Any] = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}

#: Keywords the checker below enforces.
CHECKED = {"type", "required", "properties", "items", "enum", "minimum", "maximum", "pattern",
           "minItems", "maxItems", "$ref"}  # fmt: skip
#: Keywords that only annotate (the checker may ignore them).
ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "default", "format"}
#: The JSON Schema type of each kind of field validate checks (spec §2 "JSON types").
JSON_TYPE = {"date": "string", "integer": "integer", "text": "string", "flag": "boolean",
             "list": "array"}  # fmt: skip


# -- a tiny structural checker ----------------------------------------------------------


def _is_type(value: Any, name: str) -> bool:
    """JSON Schema's meaning of a type name (an integer may be written 3.0)."""
    if name == "integer":
        whole_float = isinstance(value, float) and value.is_integer()
        return (type(value) is int) or whole_float
    kinds: dict[str, Any] = {"string": str, "boolean": bool, "array": list, "object": dict}
    if name == "null":
        return value is None
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, kinds[name]) and (name == "boolean" or not isinstance(value, bool))


def violations(node: dict[str, Any], value: Any, path: str = "") -> list[str]:
    """Every way ``value`` breaks ``node`` of the schema, as ``path: keyword`` strings."""
    if "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/$defs/"), ref
        node = {
            **SCHEMA["$defs"][ref.removeprefix("#/$defs/")],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    found: list[str] = []
    types = node.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is_type(value, name) for name in names):
            return [f"{path}: type"]
    if "enum" in node and not any(value == e and type(value) is type(e) for e in node["enum"]):
        found.append(f"{path}: enum")
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and "minimum" in node and value < node["minimum"]:
        found.append(f"{path}: minimum")
    if numeric and "maximum" in node and value > node["maximum"]:
        found.append(f"{path}: maximum")
    if isinstance(value, str) and "pattern" in node and not re.search(node["pattern"], value):
        found.append(f"{path}: pattern")
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0):
            found.append(f"{path}: minItems")
        if "maxItems" in node and len(value) > node["maxItems"]:
            found.append(f"{path}: maxItems")
        if "items" in node:
            for index, entry in enumerate(value):
                found += violations(node["items"], entry, f"{path}[{index}]")
    if isinstance(value, dict):
        found += [f"{path}.{key}: required" for key in node.get("required", ()) if key not in value]
        for key, sub in node.get("properties", {}).items():
            if key in value:
                found += violations(sub, value[key], f"{path}.{key}".lstrip("."))
    return found


def _keywords(node: Any) -> set[str]:
    """Every keyword used anywhere in a schema node (property names excluded)."""
    if isinstance(node, list):
        return set().union(*(_keywords(entry) for entry in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    used = set(node)
    for key, sub in node.items():
        if key in ("properties", "$defs"):
            used |= set().union(*(_keywords(child) for child in sub.values()))
        elif key == "items":
            used |= _keywords(sub)
    return used


def test_checker_knows_every_keyword_the_schema_uses() -> None:
    """The structural checker covers the schema: it uses no other keyword."""
    assert _keywords(SCHEMA) <= CHECKED | ANNOTATIONS


def test_checker_is_not_vacuous() -> None:
    """The checker finds a wrong type, a missing field, a bad enum, a bound and a pattern."""
    raw = {"interview_date": "2026-13-01", "interviewers": [{}], "outcome": "withdrawn",
           "wait_days": 0, "materials": [{"description": " "}]}  # fmt: skip
    assert set(violations(SCHEMA, raw)) == {
        "interview_date: pattern", "interviewers[0].name: required", "outcome: enum",
        "wait_days: minimum", "materials[0].description: pattern",
        "materials[0].due_date: required",
    }  # fmt: skip
    assert violations(SCHEMA, []) == [": type"]
    assert violations(SCHEMA, BASE) == []


# -- the schema agrees with validate's tables -------------------------------------------


def top_level_kinds() -> dict[str, str]:
    """Each top-level field validate checks, with its kind."""
    kinds = {key: "date" for key in validate.DATES}
    kinds |= {key: "integer" for key in validate.INTEGER_MAX}
    kinds |= {key: "choice" for key in validate.CHOICES}
    kinds |= {key: "text" for key in validate.TEXTS}
    kinds |= {key: "flag" for key in validate.FLAGS}
    kinds |= {key: "list" for key in validate.LISTS}
    return kinds


ENTRIES = {
    "interviewer": (validate.INTERVIEWER_FIELDS, validate.INTERVIEWER_REQUIRED),
    "material": (validate.MATERIAL_FIELDS, validate.MATERIAL_REQUIRED),
    "done": (validate.DONE_FIELDS, validate.DONE_REQUIRED),
}
#: Each entry kind: the list that holds it and an entry the planner accepts.
LISTED = {
    "interviewer": ("interviewers", {"name": "Dana"}),
    "material": ("materials", {"description": "CV", "due_date": "2026-03-13"}),
    "done": ("done", {"key": "TY-EMAIL-1", "date": "2026-03-13"}),
}


def test_top_level_names_and_required() -> None:
    """The schema lists exactly the fields validate reads, and requires the same ones."""
    assert set(SCHEMA["properties"]) == set(top_level_kinds())
    assert SCHEMA["type"] == "object"
    assert sorted(SCHEMA["required"]) == sorted(validate.REQUIRED)


def _expected_type(kind: str, required: bool) -> str | list[str]:
    """The ``type`` a field of this kind must have: null means "not given" unless required."""
    return JSON_TYPE[kind] if required else [JSON_TYPE[kind], "null"]


@pytest.mark.parametrize("name", sorted(top_level_kinds()))
def test_top_level_types(name: str) -> None:
    """Each top-level field has the JSON type validate checks (choices have an enum)."""
    kind, node = top_level_kinds()[name], SCHEMA["properties"][name]
    if kind == "choice":
        assert "type" not in node
        values = [member.value for member in validate.CHOICES[name]]
        assert node["enum"] == [*values, None]
    else:
        assert node["type"] == _expected_type(kind, name in validate.REQUIRED)


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_entry_properties(entry: str) -> None:
    """interviewers[] and materials[] entries: the same fields, types and required ones."""
    fields, required = ENTRIES[entry]
    node = SCHEMA["$defs"][entry]
    assert node["type"] == "object"
    assert set(node["properties"]) == set(fields)
    assert sorted(node["required"]) == sorted(required)
    for name, kind in fields.items():
        assert node["properties"][name]["type"] == _expected_type(kind, name in required), name


def test_lists_point_at_their_entries() -> None:
    """Each list's items: interviewer and material objects, strings for strengths."""
    props = SCHEMA["properties"]
    assert props["interviewers"]["items"] == {"$ref": "#/$defs/interviewer"}
    assert props["materials"]["items"] == {"$ref": "#/$defs/material"}
    assert props["strengths"]["items"] == {"type": "string"}
    assert props["done"]["items"] == {"$ref": "#/$defs/done"}
    assert props["interviewers"]["minItems"] == 1
    assert props["done"]["maxItems"] == validate.MAX_DONE
    assert isinstance(validate.parse_input({**BASE, "interviewers": []}), list)


def test_numeric_bounds() -> None:
    """minimum and maximum are validate's bounds, on exactly its whole-number fields."""
    bounded = {
        name: (node.get("minimum"), node.get("maximum"))
        for name, node in SCHEMA["properties"].items()
        if "minimum" in node or "maximum" in node
    }
    expected = {name: (validate.INTEGER_MIN, high) for name, high in validate.INTEGER_MAX.items()}
    assert bounded == expected


def date_patterns() -> dict[str, str]:
    """The pattern of every date field, top-level and in materials[]."""
    found = {name: SCHEMA["properties"][name]["pattern"] for name in validate.DATES}
    found["materials[].due_date"] = SCHEMA["$defs"]["material"]["properties"]["due_date"]["pattern"]
    found["done[].date"] = SCHEMA["$defs"]["done"]["properties"]["date"]["pattern"]
    return found


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("2026-03-12", True), ("2000-01-01", True), ("2099-12-31", True), ("2028-02-29", True),
        ("2026-13-01", False), ("2026-00-10", False), ("2026-01-32", False),
        ("2026-01-00", False), ("1999-12-31", False), ("2100-01-01", False),
        ("2026-3-12", False), ("20260312", False), (" 2026-03-12", False),
    ],
)  # fmt: skip
def test_date_pattern(text: str, matches: bool) -> None:
    """Every date pattern accepts what validate accepts and refuses month 13, day 32, 1999..."""
    accepted = isinstance(validate.parse_input({**BASE, "today": text}), Interview)
    for field, pattern in date_patterns().items():
        assert bool(re.search(pattern, text)) is matches, field
        if accepted:
            assert re.search(pattern, text), f"{field} refuses {text}, which the planner accepts"


def test_description_warns_about_fractional_integers() -> None:
    """JSON Schema's integer accepts 3.0; the planner does not, and the schema says so."""
    assert "3.0" in SCHEMA["description"]
    assert violations(SCHEMA, {**BASE, "wait_days": 3.0}) == []
    assert isinstance(validate.parse_input({**BASE, "wait_days": 3.0}), list)


# -- validate's tables describe what it does --------------------------------------------

WRONG = {"date": 20260312, "integer": "3", "text": 5, "flag": "yes", "list": "x",
         "choice": "other"}  # fmt: skip


@pytest.mark.parametrize("name", sorted(top_level_kinds()))
def test_tables_match_validate_top_level(name: str) -> None:
    """A wrong type in any field of the tables is refused on that field, by both."""
    raw = {**BASE, name: WRONG[top_level_kinds()[name]]}
    result = validate.parse_input(raw)
    assert isinstance(result, list) and name in {p.field for p in result}
    assert any(v.startswith(f"{name}:") for v in violations(SCHEMA, raw))


@pytest.mark.parametrize(
    ("entry", "name"), [(e, n) for e, (fields, _) in sorted(ENTRIES.items()) for n in fields]
)
def test_tables_match_validate_entries(entry: str, name: str) -> None:
    """A wrong type in an entry's field is refused on that entry's field, by both."""
    fields = ENTRIES[entry][0]
    listed, good = LISTED[entry]
    wrong = {**good, name: WRONG[fields[name]]}
    raw = {**BASE, listed: [wrong]}
    result = validate.parse_input(raw)
    path = f"{listed}[0].{name}"
    assert isinstance(result, list) and path in {p.field for p in result}
    assert any(v.startswith(f"{path}:") for v in violations(SCHEMA, raw))


def test_integer_bounds_match_validate() -> None:
    """The bounds in validate's table are the ones it enforces."""
    for name, high in validate.INTEGER_MAX.items():
        for value, ok in ((validate.INTEGER_MIN - 1, False), (validate.INTEGER_MIN, True),
                          (high, True), (high + 1, False)):  # fmt: skip
            raw = {**BASE, name: value}
            assert isinstance(validate.parse_input(raw), Interview) is ok, (name, value)
            assert (violations(SCHEMA, raw) == []) is ok, (name, value)


def test_unknown_fields_are_ignored_by_both() -> None:
    """Fields not in the tables are ignored, at the top level and in entries (spec §2)."""
    raw = {**BASE, "colour": 5, "interviewers": [{"name": "Dana", "shoe_size": []}]}
    assert isinstance(validate.parse_input(raw), Interview)
    assert violations(SCHEMA, raw) == []


# -- the golden inputs ------------------------------------------------------------------


def _accepted_golden() -> list[Path]:
    """The golden inputs the planner accepts."""
    read = {path: json.loads(path.read_text("utf-8")) for path in GOLDEN}
    return [path for path, raw in read.items() if isinstance(validate.parse_input(raw), Interview)]


ACCEPTED = _accepted_golden()


def test_most_golden_inputs_are_accepted() -> None:
    """The golden set has plenty of inputs to check (all but the invalid ones)."""
    assert len(ACCEPTED) >= len(GOLDEN) - 2 >= 10


@pytest.mark.parametrize("path", ACCEPTED, ids=[path.stem for path in ACCEPTED])
def test_golden_inputs_validate_accepts_satisfy_the_schema(path: Path) -> None:
    """Every golden input the planner accepts also satisfies the schema."""
    assert violations(SCHEMA, json.loads(path.read_text("utf-8"))) == []


def test_refused_golden_inputs_break_the_schema() -> None:
    """The invalid golden inputs are invalid for the schema too."""
    for path in sorted(set(GOLDEN) - set(ACCEPTED)):
        assert violations(SCHEMA, json.loads(path.read_text("utf-8"))), path.name
