"""Finding notebooks: stable order, checkpoints left out, symlink loops and duplicates handled."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jupyterlab_nbcrash.scan.discover import Found, Skipped, discover, missing_paths

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "scan"))
from scan_fixture_tree import tree_fixture  # noqa: F401 (a fixture)


def listing(paths, exclude=()):
    found, skipped = [], []
    for item in discover([str(p) for p in paths], exclude):
        if isinstance(item, Found):
            found.append(item.path)
        else:
            skipped.append((item.path, item.kind))
    return found, skipped


def test_fixture_tree_order_and_checkpoints(tree):
    found, skipped = listing([tree])
    rel = [os.path.relpath(p, tree) for p in found]
    assert rel == [
        "bad/empty.ipynb",
        "bad/list.ipynb",
        "bad/nbformat2.ipynb",
        "bad/not_notebook.ipynb",
        "bad/truncated.ipynb",
        "broken_diag.ipynb",
        "clean.ipynb",
        "crashes.ipynb",
        "old_v3.ipynb",
        "sub/escape.ipynb",
        "sub/minified.ipynb",
    ]
    assert skipped == []


def test_found_paths_keep_the_users_spelling_and_real_is_absolute(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.ipynb").write_text("{}")
    monkeypatch.chdir(tmp_path)
    [item] = list(discover(["d"]))
    assert item == Found("d/a.ipynb", str(tmp_path / "d" / "a.ipynb"))


def test_a_file_named_on_the_command_line_counts_whatever_its_suffix(tmp_path):
    (tmp_path / "export.json").write_text("{}")
    assert listing([tmp_path / "export.json"])[0] == [str(tmp_path / "export.json")]
    assert listing([tmp_path])[0] == []  # but a folder walk only takes .ipynb files


def test_symlink_loops_are_reported_once_and_never_followed(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "n.ipynb").write_text("{}")
    os.symlink("../..", tmp_path / "a" / "b" / "up")  # back to tmp_path: a loop
    os.symlink("self.ipynb", tmp_path / "self.ipynb")  # a link to itself
    found, skipped = listing([tmp_path])
    assert found == [str(tmp_path / "a" / "b" / "n.ipynb")]
    assert sorted(skipped) == [
        (str(tmp_path / "a" / "b" / "up"), "symlink_loop"),
        (str(tmp_path / "self.ipynb"), "symlink_loop"),
    ]


def test_duplicates_through_links_and_overlapping_paths_are_scanned_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "n.ipynb").write_text("{}")
    os.symlink("real", tmp_path / "alias")
    os.symlink("real/n.ipynb", tmp_path / "link.ipynb")
    found, skipped = listing([tmp_path, tmp_path / "real"])
    assert found == [str(tmp_path / "alias" / "n.ipynb")]
    assert skipped == [
        (str(tmp_path / "link.ipynb"), "duplicate"),
        (str(tmp_path / "real"), "duplicate"),
        (str(tmp_path / "real"), "duplicate"),
    ]


def test_broken_links_named_like_notebooks_are_reported(tmp_path):
    os.symlink("gone.ipynb", tmp_path / "dangling.ipynb")
    os.symlink("gone", tmp_path / "dangling_dir")  # not notebook-like: silently ignored
    assert listing([tmp_path]) == ([], [(str(tmp_path / "dangling.ipynb"), "broken_link")])
    [item] = list(discover([str(tmp_path / "dangling.ipynb")]))
    assert isinstance(item, Skipped) and item.reason == "broken symlink to gone.ipynb"


def test_special_files_and_exclude_patterns(tmp_path):
    os.mkfifo(tmp_path / "pipe.ipynb")
    (tmp_path / "venv").mkdir()
    (tmp_path / "venv" / "x.ipynb").write_text("{}")
    (tmp_path / "keep.ipynb").write_text("{}")
    found, skipped = listing([tmp_path], exclude=["venv*"])
    assert found == [str(tmp_path / "keep.ipynb")]
    assert skipped == [(str(tmp_path / "pipe.ipynb"), "not_a_file")]


def test_missing_paths(tmp_path):
    os.symlink("nowhere", tmp_path / "link")
    assert missing_paths([str(tmp_path), str(tmp_path / "nope"), str(tmp_path / "link")]) == [
        str(tmp_path / "nope")
    ]
