"""Read one saved notebook: its cells and every error output, or the reason it cannot be read.

Most notebooks have no error output, and parsing JSON is the main cost of a scan, so a notebook
whose bytes do not contain ``"ename"`` (the key every error output has, in nbformat 3 and 4) only
gets a cheap structural check unless ``parse_all`` is set. A ``"ename"`` inside a code string is
escaped as ``\\"ename\\"`` in the file and does not match, so the check has no false negatives on
notebooks written by Jupyter.

nbformat 4 (``cells``) and nbformat 3 (``worksheets``, ``pyerr`` outputs, ``input`` and
``prompt_number``) are both read. Oversized fields are clipped to what a diagnosis needs, so a
notebook with huge outputs is read, not rejected.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..diagnosis.record import MAX_CELLS

ERROR_MARKER = b'"ename"'
ERROR_OUTPUT_TYPES = ("error", "pyerr")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
_SPACE = re.compile(rb"[ \t\r\n]*")
_NBFORMAT = re.compile(rb"\s*:\s*(\d{1,3})\b")

# Clips: a diagnosis reads the last frames and the message; the rest only costs time.
MAX_TB_ENTRIES = 120
TB_HEAD_ENTRIES = 20
MAX_TB_ENTRY = 20_000
MAX_EVALUE = 10_000
MAX_SOURCE = 100_000
MAX_ENAME = 1_000


class SkipFile(Exception):
    """The file cannot be scanned; ``kind`` groups the reason in the summary."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class ErrorOutput:
    cell_index: int
    ename: str
    evalue: str
    traceback: tuple[str, ...]


@dataclass
class SavedNotebook:
    """What a scan needs of a notebook. ``cells`` is empty when it was not parsed (no errors)."""

    nbformat: int | None
    parsed: bool
    cells: list[dict] = field(default_factory=list)
    errors: list[ErrorOutput] = field(default_factory=list)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; a FIFO or device never blocks the scan (O_NONBLOCK + fstat)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise SkipFile("unreadable", f"cannot open: {err.strerror or err}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SkipFile("not_a_file", "not a regular file (device, FIFO or socket)")
        if st.st_size > max_bytes:
            raise SkipFile(
                "too_large", f"{st.st_size / 1e6:.0f} MB is over the limit of {_mb(max_bytes)}"
            )
        data = _read_fd(fd, st.st_size, max_bytes)
    except OSError as err:
        raise SkipFile("unreadable", f"cannot read: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while we read it
        raise SkipFile("too_large", f"over the limit of {_mb(max_bytes)}")
    return data


def _read_fd(fd: int, size: int, limit: int) -> bytes:
    """Read up to ``limit + 1`` bytes, sized by fstat (one read, no 100 MB buffer up front)."""
    parts = []
    want = min(size, limit) + 1  # one byte more than fstat says, to see a file that grew
    total = 0
    while total <= limit:
        step = want - total if total < want else 1 << 20
        chunk = os.read(fd, min(step, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB (--max-size)"


def parse_notebook(data: bytes, parse_all: bool = False) -> SavedNotebook:
    """Cells and error outputs of a notebook's bytes; raise ``SkipFile`` when it is not one."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # a BOM, written by some editors
    start = _SPACE.match(data, start).end()  # no copies: notebooks are hundreds of KB
    if start == len(data):
        raise SkipFile("empty", "empty file" if not data else "only whitespace")
    if data.find(b"\x00", 0, 65536) >= 0:
        raise SkipFile("binary", "binary file, not a JSON notebook")
    head = data[start : start + 1]
    if head == b"{" and not parse_all and ERROR_MARKER not in data:
        return _without_errors(data)
    doc = _load_json(_decode(data[start:] if start else data))
    return _read_doc(doc)


def _without_errors(data: bytes) -> SavedNotebook:
    """Accept a notebook without error outputs on structure alone; it has nothing to diagnose."""
    if not data[-256:].rstrip().endswith(b"}"):
        raise SkipFile("invalid_json", "invalid JSON: truncated (does not end with '}')")
    version = _sniff_nbformat(data)
    if b'"cells"' in data:
        nbformat = version or 4
    elif b'"worksheets"' in data:
        nbformat = version or 3
    else:
        raise SkipFile("not_notebook", "JSON but not a notebook: no 'cells' list")
    _check_version(nbformat)
    return SavedNotebook(nbformat=nbformat, parsed=False)


def _sniff_nbformat(data: bytes) -> int | None:
    """The top-level ``"nbformat": N`` without parsing: Jupyter writes keys sorted, so it is the
    last (nbformat 4) or an early (nbformat 3) ``"nbformat"`` key; strings never match (escaped)."""
    at = data.rfind(b'"nbformat"')
    match = _NBFORMAT.match(data, at + len(b'"nbformat"')) if at >= 0 else None
    return int(match.group(1)) if match else None


def _check_version(nbformat: int) -> None:
    if nbformat not in (3, 4):
        raise SkipFile("nbformat", f"nbformat {nbformat} is not supported (only 3 and 4)")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = data[err.start]
        raise SkipFile("encoding", f"not UTF-8: byte 0x{byte:02x} at offset {err.start}") from None


def _load_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SkipFile(
            "invalid_json", f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None
    except RecursionError:
        raise SkipFile("invalid_json", "invalid JSON: nested too deeply") from None


def _read_doc(doc) -> SavedNotebook:
    if not isinstance(doc, dict):
        raise SkipFile("not_notebook", f"JSON but not a notebook: top level is {_kind(doc)}")
    nbformat = doc.get("nbformat")
    if _is_int(nbformat):
        _check_version(nbformat)
    if isinstance(doc.get("cells"), list):
        raw_cells, version = doc["cells"], 4
    elif isinstance(doc.get("worksheets"), list):
        raw_cells, version = _v3_cells(doc["worksheets"]), 3
    else:
        raise SkipFile("not_notebook", "JSON but not a notebook: no 'cells' list")
    nb = SavedNotebook(nbformat=nbformat if _is_int(nbformat) else version, parsed=True)
    for index, cell in enumerate(raw_cells):
        if not isinstance(cell, dict):
            raise SkipFile("not_notebook", f"malformed notebook: cell {index} is {_kind(cell)}")
        cell_type = cell.get("cell_type") if isinstance(cell.get("cell_type"), str) else "code"
        # nbformat 3 code cells keep their code in "input", other cells in "source"
        source = cell.get("input" if version == 3 and cell_type == "code" else "source")
        count = cell.get("prompt_number" if version == 3 else "execution_count")
        cell_id = cell.get("id")
        nb.cells.append(
            {
                "id": cell_id if isinstance(cell_id, str) and cell_id else str(index),
                "index": index,
                "source": _clip(_text(source), MAX_SOURCE),
                "execution_count": count if _is_int(count) else None,
                "cell_type": cell_type[:MAX_ENAME],
            }
        )
        outputs = cell.get("outputs")
        for out in outputs if isinstance(outputs, list) else ():
            if isinstance(out, dict) and out.get("output_type") in ERROR_OUTPUT_TYPES:
                nb.errors.append(_error(index, out))
    return nb


def _v3_cells(worksheets: list) -> list:
    cells = []
    for ws in worksheets:
        if isinstance(ws, dict) and isinstance(ws.get("cells"), list):
            cells.extend(ws["cells"])
    return cells


def _error(index: int, out: dict) -> ErrorOutput:
    tb = out.get("traceback")
    if isinstance(tb, str):
        tb = tb.split("\n")
    entries = [_clip(_text(line), MAX_TB_ENTRY) for line in tb] if isinstance(tb, list) else []
    if len(entries) > MAX_TB_ENTRIES:  # keep the start and the frames nearest the error
        tail = MAX_TB_ENTRIES - TB_HEAD_ENTRIES
        omitted = len(entries) - MAX_TB_ENTRIES
        entries = [
            *entries[:TB_HEAD_ENTRIES],
            f"[... {omitted} traceback entries omitted by nbcrash scan ...]",
            *entries[-tail:],
        ]
    return ErrorOutput(
        cell_index=index,
        ename=_clip(_text(out.get("ename")), MAX_ENAME),
        evalue=_clip(_text(out.get("evalue")), MAX_EVALUE),
        traceback=tuple(entries),
    )


def context_cells(cells: Sequence, index: int) -> Sequence:
    """At most MAX_CELLS cells around the crash: all of them in any real notebook."""
    if len(cells) <= MAX_CELLS:
        return cells
    start = max(0, min(index + 1, len(cells)) - MAX_CELLS)
    return cells[start : start + MAX_CELLS]


def _text(value) -> str:
    """nbformat stores text as a string or a list of lines; anything else becomes ''."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(v for v in value if isinstance(v, str))
    if value is None:
        return ""
    return str(value)


CLIPPED = "\n[... clipped by nbcrash scan]"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - len(CLIPPED)] + CLIPPED


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value) -> str:
    return {list: "a list", str: "a string", dict: "an object"}.get(type(value), "a value")
