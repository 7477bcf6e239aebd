"""Pack the planner package into the zip the browser worker unpacks.

Build-time helper (standard library only, like the rest of the package). The
archive is deterministic: the same sources give the same bytes, so its content
hash can name the file and no cache ever serves a stale planner.

Example:
    >>> data = build_archive()
    >>> bundle_name(data).startswith("planner-") and bundle_name(data).endswith(".zip")
    True
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import marshal
import zipfile
from pathlib import Path

#: Files of the package that the browser needs: code, typing marker and data.
_SUFFIXES = (".py", ".typed", ".md", ".toml", ".json")
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
#: Modules that only the build, the static host and the command line use: they stay
#: out of the browser's bundle (the parity tests would fail on a runtime import of one).
BUILD_ONLY = frozenset({
    "__main__.py", "backup.py", "bundle.py", "guide.py", "headers.py", "host.py", "links.py",
    "negotiate.py", "offline.py", "policy.py", "stdlib.py", "webapp.py",
})  # fmt: skip


def package_dir() -> Path:
    """The directory of the installed ``planner`` package."""
    return Path(__file__).resolve().parent


def _members(root: Path, *, build_only: bool = False) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix in _SUFFIXES
        and "__pycache__" not in path.parts
        and (build_only or path.relative_to(root).as_posix() not in BUILD_ONLY)
    )


def build_archive(root: Path | None = None, *, build_only: bool = False) -> bytes:
    """Zip the package so that ``planner/...`` sits at the archive's root.

    Args:
        root: the package directory; defaults to this package.
        build_only: also pack the modules of :data:`BUILD_ONLY` (the build runs this
            archive in Pyodide to compile the browser's one; the browser never gets it).

    Returns:
        The zip archive's bytes, identical for identical sources.
    """
    source = root or package_dir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in _members(source, build_only=build_only):
            name = "planner/" + path.relative_to(source).as_posix()
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def content_hash(data: bytes, length: int = 12) -> str:
    """A short hexadecimal SHA-256 of ``data``, for cache-proof file names."""
    return hashlib.sha256(data).hexdigest()[:length]


def bundle_name(data: bytes) -> str:
    """The file name of a bundle: ``planner-<hash>.zip``."""
    return f"planner-{content_hash(data)}.zip"


def precompile_archive(source: bytes) -> bytes:
    """Replace each ``.py`` module of a zip archive by its compiled ``.pyc``, stored.

    Run it under the Python that will import the archive (the build runs it in
    Pyodide under Node): the bytecode carries that interpreter's magic number.
    A module that does not compile, and every other file, is kept as it is.
    zipimport loads a lone ``.pyc`` without looking for its source, which
    spares the browser compiling the standard library at every start. The code
    is compiled as ``python -OO`` would (no docstrings, no asserts): nothing the
    browser runs reads a docstring, and they are a seventh of the download. Members
    are stored uncompressed: the host's transport compression (``.br``, ``.gz``)
    then sees the bytes, which a deflated zip would hide.

    Example:
        >>> plain = io.BytesIO()
        >>> with zipfile.ZipFile(plain, "w") as archive:
        ...     archive.writestr("hello.py", "GREETING = 'hi'")
        >>> zipfile.ZipFile(io.BytesIO(precompile_archive(plain.getvalue()))).namelist()
        ['hello.pyc']
    """
    header = importlib.util.MAGIC_NUMBER + bytes(12)  # timestamp flags; no source to check
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as original,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as compiled,
    ):
        for info in original.infolist():
            data = original.read(info)
            name = info.filename
            if name.endswith(".py"):
                try:
                    code = compile(data, name, "exec", dont_inherit=True, optimize=2)
                except SyntaxError:
                    pass
                else:
                    name, data = name + "c", header + marshal.dumps(code)
            target = zipfile.ZipInfo(name, date_time=info.date_time)
            target.external_attr = info.external_attr
            compiled.writestr(target, data)
    return buffer.getvalue()
