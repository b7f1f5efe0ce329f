"""The instructor gallery (examples/crash_gallery.ipynb) crashes exactly where it says it does.

Runs the notebook top to bottom with nbclient in a real kernel (scikit-learn, pandas, SciPy; no
torch/tensorflow), as "Run all" in class would.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from jupyterlab_nbcrash import taxonomy

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "examples" / "crash_gallery.ipynb"

_spec = importlib.util.spec_from_file_location("gallery", REPO / "corpus" / "gallery.py")
gallery = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("gallery", gallery)  # dataclasses look their module up
_spec.loader.exec_module(gallery)


def test_committed_gallery_is_generated_from_corpus_gallery():
    assert NOTEBOOK.read_text(encoding="utf-8") == gallery.render()


def test_gallery_covers_every_crash_type_and_notebook_cause():
    sections = [label for label, *_ in gallery.SECTIONS]
    assert sorted(sections) == sorted([*taxonomy.CRASH_TYPES, *taxonomy.NOTEBOOK_CAUSES])
    for _label, _title, text, snippets in gallery.SECTIONS:
        assert text.count(". ") + text.endswith(".") >= 2  # two sentences
        assert any(expect for _code, expect in snippets)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    workdir = tmp_path_factory.mktemp("gallery")
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    client.execute()
    return nb


def test_run_all_raises_the_expected_error_in_each_section(executed):
    seen: dict[str, list[str]] = {}
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        expected = cell.metadata.get("nbcrash_gallery")
        if expected is None:
            assert not errors, f"unexpected error in {cell.source[:60]!r}: {errors}"
            continue
        assert "raises-exception" in cell.metadata.get("tags", [])
        assert len(errors) == 1, f"{expected['section']}: no error raised"
        assert errors[0]["ename"] == expected["ename"], (expected, errors[0]["evalue"])
        assert errors[0]["traceback"], expected
        seen.setdefault(expected["section"], []).append(errors[0]["ename"])
    assert set(seen) == {label for label, *_ in gallery.SECTIONS}


def test_gallery_is_valid_nbformat():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert json.loads(NOTEBOOK.read_text())["nbformat"] == 4
