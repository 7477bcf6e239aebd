"""The command-line page's worked examples say what the command line really prints.

Each ``sh`` block of ``docs/reference/command-line.md`` that runs ``python -m planner`` on one
of the example files beside the page, followed by a ``text`` block, is run here: every line of
the text block must appear in the real output, in the same order (``...`` stands for lines
left out).
"""

from __future__ import annotations

import itertools
import re
import shlex

import pytest

from planner.__main__ import main
from tests.support.paths import ROOT

PAGE = ROOT / "docs" / "reference" / "command-line.md"
EXAMPLES = PAGE.parent / "examples"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def worked_examples() -> list[tuple[list[str], list[str]]]:
    """(arguments, expected lines) for each command on an example file and its output."""
    blocks = _BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    found = []
    for (kind, body), (next_kind, shown) in itertools.pairwise(blocks):
        if kind != "sh" or next_kind != "text":
            continue
        words = shlex.split(body)
        assert words[:3] == ["python", "-m", "planner"], body
        assert any((EXAMPLES / word).is_file() for word in words), f"no example file: {body}"
        found.append((words[3:], shown.splitlines()))
    return found


def test_the_page_has_worked_examples() -> None:
    """The page shows a plan opened late, the same plan ticked, an agenda and a record."""
    commands = [" ".join(args) for args, _ in worked_examples()]
    assert [command.split()[:2] for command in commands] == [
        ["plan", "opened-late.json"], ["plan", "ticked.json"], ["agenda", "backup.json"],
        ["record", "backup.json"],
    ]  # fmt: skip


@pytest.mark.parametrize(("args", "shown"), worked_examples(), ids=lambda v: str(v)[:40])
def test_example_output_is_real(
    args: list[str],
    shown: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every line the page shows is in the command's output, in order."""
    monkeypatch.chdir(EXAMPLES)
    assert main(args) == 0
    output = iter(capsys.readouterr().out.splitlines())
    for line in shown:
        if line != "...":
            assert line in output, f"not printed (or out of order): {line!r}"
