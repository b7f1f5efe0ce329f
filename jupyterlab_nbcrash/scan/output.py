"""Where a report goes: the format from ``--format`` or the output's suffix, and a safe write.

The output is checked before a scan starts (a long scan must not end in "no such folder"), and a
file is written next to its destination and renamed into place, so an interrupted run never leaves
a half-written report over a good one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..uncertainty import DEFAULT_THRESHOLD
from .report import FORMATS, SUFFIXES, render
from .result import ScanResult


class OutputError(ValueError):
    """The output cannot be written; the message is one line for the user."""


def resolve_format(fmt: str | None, output: str | None) -> str:
    """``--format`` if given, else the one the output's suffix names, else the table."""
    if fmt:
        return fmt
    if output and output != "-":
        return SUFFIXES.get(Path(output).suffix.lower(), "table")
    return "table"


def check_output(output: str | None) -> None:
    if not output or output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"output {output} is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {output}: no such folder {parent}")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"cannot write {output}: folder {parent} is not writable")


def write(
    result: ScanResult, fmt: str, output: str | None, threshold: float = DEFAULT_THRESHOLD
) -> None:
    """Write the scan in ``fmt`` to ``output`` (stdout when none); readable formats hedge
    labels the diagnosis is less sure of than ``threshold``."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if not output or output == "-":
        render(result, fmt, sys.stdout, threshold)
        sys.stdout.flush()
        return
    check_output(output)
    path = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="" if fmt == "csv" else None) as f:
            render(result, fmt, f, threshold)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
