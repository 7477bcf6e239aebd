"""The planner bundle the browser unpacks."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import zipfile
from pathlib import Path

from planner import bundle


def _names(data: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return set(archive.namelist())


def test_archive_is_deterministic() -> None:
    """Packing the same sources twice gives the same bytes, so the same name."""
    assert bundle.build_archive() == bundle.build_archive()


def test_archive_holds_every_runtime_module_and_data_file() -> None:
    """Every module the browser runs, data file and the typing marker sit under planner/."""
    root = bundle.package_dir()
    expected = {
        "planner/" + path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix in {".py", ".typed", ".md", ".toml", ".json"}
        and path.relative_to(root).as_posix() not in bundle.BUILD_ONLY
    }
    names = _names(bundle.build_archive())
    assert "planner/bridge.py" in names
    assert "planner/py.typed" in names
    assert not {"planner/host.py", "planner/policy.py", "planner/bundle.py"} & names
    assert names == expected


def test_no_runtime_module_imports_a_build_only_one() -> None:
    """The bundle runs without the build's modules: no module it holds imports one."""
    root = bundle.package_dir()
    left_out = {name.removesuffix(".py") for name in bundle.BUILD_ONLY}
    for path in root.glob("*.py"):
        if path.name in bundle.BUILD_ONLY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {node.module.removeprefix("planner.")}
                if node.module == "planner":
                    names = {alias.name for alias in node.names}
                assert not names & left_out, (path.name, names & left_out)
            elif isinstance(node, ast.Import):
                found = {alias.name.removeprefix("planner.") for alias in node.names}
                assert not found & left_out, (path.name, found & left_out)


def test_archive_leaves_out_caches(tmp_path: Path) -> None:
    """Compiled caches and stray files never reach the browser."""
    package = tmp_path / "planner"
    (package / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (package / "notes.txt").write_text("scratch", encoding="utf-8")
    assert _names(bundle.build_archive(package)) == {"planner/__init__.py"}


def test_name_changes_with_content(tmp_path: Path) -> None:
    """A change to any source gives the bundle a new content-hashed name."""
    package = tmp_path / "planner"
    package.mkdir()
    (package / "__init__.py").write_text("A = 1\n", encoding="utf-8")
    before = bundle.bundle_name(bundle.build_archive(package))
    (package / "__init__.py").write_text("A = 2\n", encoding="utf-8")
    after = bundle.bundle_name(bundle.build_archive(package))
    assert before != after
    assert before.startswith("planner-") and before.endswith(".zip")


def test_precompiled_archive_imports_without_sources(tmp_path: Path) -> None:
    """A precompiled archive holds only bytecode, and its modules still import."""
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("greeting/__init__.py", "WORD = 'hello'\n")
        archive.writestr("greeting/data.txt", "kept as it is")
        archive.writestr("broken.py", "def (:\n")
    compiled = bundle.precompile_archive(plain.getvalue())
    assert _names(compiled) == {"greeting/__init__.pyc", "greeting/data.txt", "broken.py"}
    path = tmp_path / "lib.zip"
    path.write_bytes(compiled)
    script = f"import sys; sys.path.insert(0, {str(path)!r}); import greeting; print(greeting.WORD)"
    done = subprocess.run(
        [sys.executable, "-B", "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "hello"
