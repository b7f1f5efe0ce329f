"""Reading one saved notebook: nbformat 3 and 4, the fast path, and every kind of bad file."""

from __future__ import annotations

import json
import os
import stat

import pytest

from jupyterlab_nbcrash.diagnosis.record import MAX_CELLS, ErrorRecord
from jupyterlab_nbcrash.scan import read
from jupyterlab_nbcrash.scan.read import SkipFile, parse_notebook, read_bytes
from jupyterlab_nbcrash.scan.worker import ScanOptions, scan_file


def nb4(cells, **top) -> dict:
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5, **top}


def code(source, count, outputs=(), cell_id=None) -> dict:
    cell = {"cell_type": "code", "execution_count": count, "metadata": {}, "source": source}
    cell["outputs"] = list(outputs)
    if cell_id:
        cell["id"] = cell_id
    return cell


def error(ename="NameError", evalue="name 'x' is not defined", traceback=None) -> dict:
    tb = traceback if traceback is not None else [f"{ename}: {evalue}"]
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}


def dump(doc, **kw) -> bytes:
    return json.dumps(doc, indent=1, **kw).encode("utf-8")


def skip_kind(data: bytes, parse_all: bool = False) -> tuple[str, str]:
    with pytest.raises(SkipFile) as info:
        parse_notebook(data, parse_all)
    return info.value.kind, info.value.reason


def test_v4_cells_and_errors():
    doc = nb4(
        [
            {"cell_type": "markdown", "metadata": {}, "source": "# title", "id": "m"},
            code(["x = 1\n", "y = 2"], 1, cell_id="a"),
            code("print(z)", 3, [{"output_type": "stream", "text": "hi"}, error()], "b"),
        ]
    )
    nb = parse_notebook(dump(doc))
    assert nb.parsed and nb.nbformat == 4
    assert [c["index"] for c in nb.cells] == [0, 1, 2]
    assert nb.cells[1] == {
        "id": "a",
        "index": 1,
        "source": "x = 1\ny = 2",
        "execution_count": 1,
        "cell_type": "code",
    }
    assert nb.cells[0]["cell_type"] == "markdown"
    [err] = nb.errors
    assert (err.cell_index, err.ename, err.evalue) == (2, "NameError", "name 'x' is not defined")


def test_cells_without_ids_get_their_index():
    nb = parse_notebook(dump(nb4([code("a", 1), code("b", None, [error()])], nbformat_minor=4)))
    assert [c["id"] for c in nb.cells] == ["0", "1"]
    assert nb.cells[1]["execution_count"] is None


def test_nbformat3_worksheets_input_prompt_number_pyerr():
    doc = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [
            {"cells": [{"cell_type": "heading", "level": 1, "source": "T", "metadata": {}}]},
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "input": ["import foo"],
                        "prompt_number": 7,
                        "outputs": [
                            {
                                "output_type": "pyerr",
                                "ename": "ImportError",
                                "evalue": "No module named foo",
                                "traceback": ["ImportError: No module named foo"],
                            }
                        ],
                    }
                ]
            },
        ],
    }
    nb = parse_notebook(dump(doc))
    assert nb.nbformat == 3
    assert [(c["cell_type"], c["source"], c["execution_count"]) for c in nb.cells] == [
        ("heading", "T", None),
        ("code", "import foo", 7),
    ]
    assert [(e.cell_index, e.ename) for e in nb.errors] == [(1, "ImportError")]


def test_notebook_without_errors_is_not_parsed_unless_asked():
    data = dump(nb4([code("x = 1", 1)]))
    fast = parse_notebook(data)
    assert (fast.parsed, fast.nbformat, fast.cells, fast.errors) == (False, 4, [], [])
    full = parse_notebook(data, parse_all=True)
    assert full.parsed and len(full.cells) == 1


def test_ename_inside_code_text_does_not_trigger_parsing():
    # A cell that mentions "ename" is stored with escaped quotes, so the marker does not match.
    data = dump(nb4([code('out = {"ename": "x"}', 1)]))
    assert b'\\"ename\\"' in data
    assert not parse_notebook(data).parsed


def test_minified_and_bom_notebooks_are_read():
    doc = nb4([code("x", 1, [error()])])
    minified = json.dumps(doc, separators=(",", ":")).encode()
    assert len(parse_notebook(minified).errors) == 1
    assert len(parse_notebook(b"\xef\xbb\xbf" + dump(doc)).errors) == 1


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b'{"cells": [], "x": "\x00"}', "binary"),
        (b"[1, 2]", "not_notebook"),
        (b'"just a string"', "not_notebook"),
        (b"hello world", "invalid_json"),
        (b'{"cells": [{"outputs": [{"ename": "X"', "invalid_json"),
        (b'{"cells": [', "invalid_json"),  # no error marker: caught by the cheap check
        (b'{"name": "x"}', "not_notebook"),
        (b'{"nbformat": 2, "worksheets": []}', "nbformat"),
        (b'{"nbformat": 5, "cells": []}', "nbformat"),
        (b'{"nbformat": 2, "worksheets": [], "ename": 1}', "nbformat"),
        (b'{"cells": [1], "ename": 1}', "not_notebook"),
        (b'{"cells": [], "x": "caf\xe9", "ename": 1}', "encoding"),
        (b"caf\xe9 au lait", "encoding"),
    ],
)
def test_bad_input_is_skipped_with_a_kind(data, kind):
    assert skip_kind(data)[0] == kind


def test_reasons_are_specific():
    assert skip_kind(b'{"a": "\xff", "ename": 1}')[1] == "not UTF-8: byte 0xff at offset 7"
    reason = skip_kind(b'{"ename": 1,}')[1]
    assert reason.startswith("invalid JSON: ") and "line 1, column" in reason
    assert skip_kind(b'{"cells": [')[1] == "invalid JSON: truncated (does not end with '}')"


def test_deeply_nested_json_is_invalid_not_a_crash():
    data = b'{"ename": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert skip_kind(data)[0] == "invalid_json"


def test_odd_field_types_are_tolerated():
    doc = nb4(
        [
            {"cell_type": "code", "execution_count": True, "source": 5, "outputs": "nope"},
            code(
                "x",
                "7",
                [{"output_type": "error", "ename": None, "evalue": 3, "traceback": "a\nb"}],
            ),
        ]
    )
    nb = parse_notebook(dump(doc))
    assert nb.cells[0]["execution_count"] is None and nb.cells[0]["source"] == "5"
    assert nb.cells[1]["execution_count"] is None
    [err] = nb.errors
    assert (err.ename, err.evalue, err.traceback) == ("", "3", ("a", "b"))


def test_huge_outputs_are_clipped_to_a_valid_record():
    frames = [f"frame {i}\n" for i in range(50_000)]
    frames[-1] = "RecursionError: maximum recursion depth exceeded"
    big = error("RecursionError", "e" * 3_000_000, frames)
    doc = nb4([code("f()" * 200_000, 1, [{"output_type": "stream", "text": "x" * 5_000_000}, big])])
    nb = parse_notebook(dump(doc))
    [err] = nb.errors
    assert len(err.traceback) == read.MAX_TB_ENTRIES + 1
    assert err.traceback[-1] == "RecursionError: maximum recursion depth exceeded"
    assert "omitted" in err.traceback[read.TB_HEAD_ENTRIES]
    assert len(err.evalue) == read.MAX_EVALUE and len(nb.cells[0]["source"]) == read.MAX_SOURCE
    ErrorRecord.from_dict(
        {"ename": err.ename, "evalue": err.evalue, "traceback": list(err.traceback)}
    )


def test_context_window_for_notebooks_with_more_cells_than_a_record_holds():
    cells = list(range(MAX_CELLS + 10))
    assert read.context_cells(cells, 3) == cells[:MAX_CELLS]
    window = read.context_cells(cells, MAX_CELLS + 5)
    assert len(window) == MAX_CELLS and window[-1] == MAX_CELLS + 5


def test_read_bytes_limits_size(tmp_path):
    path = tmp_path / "big.ipynb"
    path.write_bytes(b"{" + b" " * 2000 + b"}")
    assert read_bytes(str(path), 5000).startswith(b"{")
    with pytest.raises(SkipFile) as info:
        read_bytes(str(path), 1000)
    assert info.value.kind == "too_large" and "--max-size" in info.value.reason


def test_a_fifo_named_ipynb_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.ipynb"
    os.mkfifo(fifo)
    with pytest.raises(SkipFile) as info:
        read_bytes(str(fifo))
    assert info.value.kind == "not_a_file"


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = tmp_path / "secret.ipynb"
    path.write_bytes(dump(nb4([])))
    path.chmod(0)
    if os.geteuid() == 0:
        # root reads mode-000 files, so make the open itself fail the way it does for a user.
        real_open = os.open

        def denied(p, *args, **kwargs):
            if str(p) == str(path):
                raise PermissionError(13, "Permission denied", str(p))
            return real_open(p, *args, **kwargs)

        monkeypatch.setattr(read.os, "open", denied)
    row = scan_file("secret.ipynb", str(path), ScanOptions())
    assert row == {
        "path": "secret.ipynb",
        "status": "skipped",
        "kind": "unreadable",
        "reason": "cannot open: Permission denied",
    }
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_scan_file_turns_an_internal_error_into_a_skip(monkeypatch, tmp_path):
    path = tmp_path / "a.ipynb"
    path.write_bytes(dump(nb4([])))

    def broken(data, parse_all=False):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("jupyterlab_nbcrash.scan.worker.parse_notebook", broken)
    row = scan_file("a.ipynb", str(path), ScanOptions())
    assert row["status"] == "skipped" and row["kind"] == "error"
    assert row["reason"] == "could not be scanned: ZeroDivisionError: oops"


def test_saved_order_only_where_there_are_errors_unless_parse_all(tmp_path):
    # "ename" in metadata makes the file parsed, but it has no crash: no order analysis.
    path = tmp_path / "meta.ipynb"
    path.write_bytes(dump(nb4([code("x", 2), code("y", 1)], metadata={"ename": "widget"})))
    row = scan_file("meta.ipynb", str(path), ScanOptions())
    assert row["parsed"] and row["crashes"] == [] and row["saved_order"] is None
    row = scan_file("meta.ipynb", str(path), ScanOptions(parse_all=True))
    assert row["saved_order"]["decreasing"] is True
