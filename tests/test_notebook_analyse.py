"""Each decision of the notebook analysis, on notebook contexts built like the frontend's."""

from dataclasses import replace

import pytest

from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse

NOT_DEFINED = ("NameError", "name 'x' is not defined")


def make(sources, runs, before="", error=NOT_DEFINED, failing_line=None, crash_in_history=True):
    """A crash record: ``runs`` like "1 2! 3" (cell numbers, ``!`` = that run failed).

    The last run is the crash. ``before`` holds the runs of the session before the last restart.
    Cells are numbered from 1 by position; the record carries ids, 0-based indexes and counts.
    """
    cells = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": None, "cell_type": "code"}
        for i, s in enumerate(sources)
    ]
    for i, source in enumerate(sources):
        if source.startswith("#md "):
            cells[i].update(cell_type="markdown", source=source[4:])

    def play(tokens):
        runs_ = []
        for count, token in enumerate(tokens.split(), 1):
            cell = cells[int(token.rstrip("!")) - 1]
            cell["execution_count"] = count
            run = {"cell_id": cell["id"], "execution_count": count, "ok": not token.endswith("!")}
            if not run["ok"]:
                run.update(ename="ValueError", evalue="bad value")
            runs_.append(run)
        return runs_

    previous = play(before)
    history = play(runs)
    crash = cells[int(runs.split()[-1].rstrip("!")) - 1]
    history[-1].update(ok=False, ename=error[0], evalue=error[1])
    if not crash_in_history:
        history.pop()
    line = failing_line or crash["source"].splitlines()[-1]
    data = {
        "ename": error[0],
        "evalue": error[1],
        "traceback": [
            "-" * 75,
            f"{error[0]}                                 Traceback (most recent call last)",
            f"Cell In[{crash['execution_count']}], line 1\n----> 1 {line}\n",
            f"{error[0]}: {error[1]}",
        ],
        "code": crash["source"],
        "cell_id": crash["id"],
        "execution_count": crash["execution_count"],
        "notebook": {"cells": cells, "history": history, "previous_history": previous},
    }
    return ErrorRecord.from_dict(data)


def run(record):
    return analyse(record, parse(record))


def check(finding, root, cause, cell, decisive=True):
    assert finding is not None
    assert (finding.root_cause, finding.notebook_cause) == (root, cause), finding
    assert finding.decisive is decisive, finding
    if cell is None:
        assert finding.related_cell is None
    else:
        assert finding.related_cell["index"] == cell - 1
        assert finding.related_cell["id"] == f"c{cell - 1}"
        assert set(finding.related_cell) == {"id", "index", "execution_count"}
    assert finding.evidence
    decided = "root cause decided from the notebook's cells and execution history"
    assert (finding.evidence[-1] == decided) is decisive


# --------------------------------------------------------------------------- NameError, defined


def test_defined_below_and_not_run():
    f = run(make(["a = 1", "print(x)", "x = 2"], "1 2"))
    check(f, "notebook_specific", "out_of_order_execution", 3)
    assert f.hint.startswith("Run cell 3 first: it defines `x`. Then consider moving it above")
    assert any("below" in line for line in f.evidence)


def test_defined_above_and_skipped():
    f = run(make(["x = 1", "y = 2", "print(x)"], "2 3"))
    check(f, "notebook_specific", "out_of_order_execution", 1)
    assert f.hint.startswith("Run cell 1 first: it defines `x`")
    assert "skipped" in f.hint


def test_nearest_definer_above_is_named():
    f = run(make(["x = 1", "x = 2", "z = 0", "print(x)", "x = 3"], "3 4"))
    check(f, "notebook_specific", "out_of_order_execution", 2)


def test_definer_failed_before_defining():
    f = run(make(["a = 1", "b = int('q')\nx = b", "print(x)"], "1 2! 3"))
    check(f, "notebook_specific", "previous_cell_error", 2)
    assert f.hint.startswith("Cell 2 [2] failed (ValueError: bad value) before defining `x`")


def test_interrupted_definer():
    record = make(["x = slow()", "print(x)"], "1! 2")
    runs = list(record.notebook.history)
    runs[0] = replace(runs[0], ename="KeyboardInterrupt", evalue="")
    record = replace(record, notebook=replace(record.notebook, history=tuple(runs)))
    f = run(record)
    check(f, "notebook_specific", "previous_cell_error", 1)
    assert "was interrupted before defining `x`" in f.hint


def test_failed_definer_wins_over_a_skipped_one():
    f = run(make(["x = 0", "x = int('q')", "print(x)"], "2! 3"))
    check(f, "notebook_specific", "previous_cell_error", 2)


def test_definer_ran_only_before_the_restart():
    f = run(make(["x = 1", "print(x)"], "2", before="1 2"))
    check(f, "notebook_specific", "out_of_order_execution", 1)
    assert "kernel restarted" in f.hint and "cell 1" in f.hint
    assert any("restart" in line for line in f.evidence)


def test_definer_failed_after_the_restart():
    f = run(make(["x = 1", "print(x)"], "1! 2", before="1 2"))
    check(f, "notebook_specific", "previous_cell_error", 1)


def test_history_without_the_crash_itself_gives_the_same_answer():
    sources = ["a = 1", "print(x)", "x = 2"]
    with_crash = run(make(sources, "1 2"))
    without = run(make(sources, "1 2", crash_in_history=False))
    assert with_crash == without


def test_markdown_cells_count_in_positions():
    f = run(make(["#md # Title", "print(x)", "#md text", "x = 1"], "2"))
    check(f, "notebook_specific", "out_of_order_execution", 4)
    assert "cell 4" in f.hint


def test_name_deleted_by_a_later_run():
    f = run(make(["x = 1", "print(x)", "del x"], "1 2 3 2"))
    check(f, "notebook_specific", "out_of_order_execution", 3)
    assert "del x" in f.hint


def test_definer_ran_but_binds_only_under_a_condition():
    f = run(make(["if False:\n    x = 1", "print(x)"], "1 2"))
    check(f, "implementation_error", None, 1, decisive=False)


def test_definer_ran_yet_name_missing_is_not_decisive():
    f = run(make(["x = 1", "print(x)"], "1 2"))  # e.g. cell 1 was edited after it ran
    check(f, "notebook_specific", "out_of_order_execution", 1, decisive=False)
    assert "edited" in f.hint


def test_function_called_from_another_cell_uses_the_same_analysis():
    error = ("NameError", "name 'scale' is not defined")
    sources = ["def f(v):\n    return v * scale", "f(2)", "scale = 3"]
    f = run(make(sources, "1 2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 3)


def test_ipython_cells_take_part():
    error = ("NameError", "name 'files' is not defined")
    f = run(make(["%matplotlib inline\nfiles = !ls", "print(files)"], "2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 1)


# ----------------------------------------------------------------------- NameError, not defined


def test_typo_suggests_the_close_name():
    error = ("NameError", "name 'learnig_rate' is not defined")
    f = run(make(["learning_rate = 0.1", "print(learnig_rate)"], "1 2", error=error))
    check(f, "implementation_error", None, None)
    assert "did you mean `learning_rate`?" in f.hint


def test_crashes_of_one_notebook_share_its_words_and_answer_as_alone():
    # The scan diagnoses the crashes of a notebook one after another with the same cells: the
    # notebook's words are gathered once. Each answer is the one a first crash gets, and the
    # next notebook (other cells, or the same cells edited) gets its own words.
    sources = ["learning_rate = 0.1\nbatch_size = 32", "print(learnig_rate)", "print(bach_size)"]
    first = make(sources, "1 2", error=("NameError", "name 'learnig_rate' is not defined"))
    second = make(sources, "1 3", error=("NameError", "name 'bach_size' is not defined"))
    alone = [run(second).hint, run(first).hint]
    assert [run(first).hint, run(second).hint] == alone[::-1]
    assert "did you mean `learning_rate`?" in alone[1] and "did you mean `batch_size`?" in alone[0]
    error = ("NameError", "name 'learnig_rate' is not defined")
    assert (
        "did you mean"
        not in run(make(["alpha = 0.1", "print(learnig_rate)"], "1 2", error=error)).hint
    )
    edited = ["alpha = 0.1\nlearning_rate = alpha", "print(learnig_rate)"]
    assert "did you mean `learning_rate`?" in run(make(edited, "1 2", error=error)).hint


def test_a_name_made_from_the_missing_one_is_no_suggestion():
    # `df_` is the failing line's own target (and made from `df`): `df` is what is missing.
    error = ("NameError", "name 'df' is not defined")
    f = run(make(["x = 1", "df_ = df.dropna(axis=1)"], "1 2", error=error))
    assert "did you mean" not in f.hint
    f = run(make(["df_ = df.dropna()", "print(df.shape)"], "1 2", error=error))
    assert "did you mean" not in f.hint
    error = ("NameError", "name 'dtaset' is not defined")
    f = run(make(["dataset = load()", "print(dtaset.shape)"], "1 2", error=error))
    assert "did you mean `dataset`?" in f.hint


def test_pythons_own_suggestion_is_used():
    error = ("NameError", "name 'lenght' is not defined. Did you mean: 'length'?")
    f = run(make(["length = 3", "print(lenght)"], "1 2", error=error))
    assert "did you mean `length`?" in f.hint


def test_misspelt_builtin():
    error = ("NameError", "name 'pritn' is not defined")
    f = run(make(["pritn('hi')"], "1", error=error))
    check(f, "implementation_error", None, None)
    assert "`print`" in f.hint


@pytest.mark.parametrize(
    ("alias", "statement"),
    [
        ("np", "import numpy as np"),
        ("pd", "import pandas as pd"),
        ("plt", "import matplotlib.pyplot as plt"),
        ("F", "import torch.nn.functional as F"),
        ("px", "import plotly.express as px"),
        ("os", "import os"),
    ],
)
def test_missing_import_of_a_well_known_alias(alias, statement):
    error = ("NameError", f"name '{alias}' is not defined")
    f = run(make(["a = 1", f"{alias}.thing(a)"], "1 2", error=error))
    check(f, "implementation_error", None, None)
    assert f.hint.startswith(f"`{alias}` must be imported before use: add `{statement}`")


@pytest.mark.parametrize(
    ("name", "line", "statement"),
    [
        ("KMeans", "km = KMeans(n_clusters=3).fit(a)", "from sklearn.cluster import KMeans"),
        ("TSNE", "emb = TSNE(2).fit_transform(a)", "from sklearn.manifold import TSNE"),
        ("Dense", "model.add(Dense(10))", "from tensorflow.keras.layers import Dense"),
        ("glob", "files = glob('*.csv')", "from glob import glob"),
        ("glob", "files = glob.glob('*.csv')", "import glob"),
        ("datetime", "d = datetime.now()", "from datetime import datetime"),
        ("datetime", "d = datetime.date(2020, 1, 1)", "import datetime"),
    ],
)
def test_missing_import_of_a_library_name_fits_its_use(name, line, statement):
    error = ("NameError", f"name '{name}' is not defined")
    f = run(make(["a = 1\nmodel = 2", line], "1 2", error=error))
    check(f, "implementation_error", None, None)
    assert f.hint == f"`{name}` must be imported before use: add `{statement}` and run it."


def test_missing_import_that_may_also_be_a_typo_says_both():
    error = ("NameError", "name 'models' is not defined")
    f = run(make(["model = make_model()", "models.fit(x)"], "1 2", error=error))
    check(f, "implementation_error", None, None)
    assert f.hint.startswith(
        "`models` must be imported before use: add `from tensorflow.keras import models`"
    )
    assert f.hint.endswith("or did you mean `model`?")


def test_alias_imported_in_a_skipped_cell_is_not_a_missing_import():
    error = ("NameError", "name 'np' is not defined")
    f = run(make(["import numpy as np", "np.zeros(3)"], "2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 1)


def test_used_before_assigned_in_the_same_cell():
    f = run(make(["print(x)\nx = 1"], "1", failing_line="print(x)"))
    check(f, "implementation_error", None, None)
    assert "line 1" in f.hint and "line 2" in f.hint


def test_name_local_to_a_function():
    f = run(make(["def g():\n    x = 1\n    return x", "g()\nprint(x)"], "1 2"))
    check(f, "implementation_error", None, 1)
    assert "local" in f.hint and "return it" in f.hint


@pytest.mark.parametrize(
    ("source", "says"),
    [
        # A parameter: "return it" makes no sense; it has a value only while the function runs.
        ("def g(x):\n    return x * 2", "`x` is a parameter of `g()`"),
        # A class attribute: read through the class.
        ("class Plot:\n    x = 'line'", "read it as `Plot.x`"),
    ],
)
def test_a_name_bound_only_inside_a_def_or_class_is_told_how(source, says):
    f = run(make([source, "print(x)"], "1 2"))
    check(f, "implementation_error", None, 1)
    assert says in f.hint and "return it" not in f.hint, f.hint


def test_star_import_makes_defined_nowhere_undecided():
    f = run(make(["from helpers import *", "print(x)"], "1 2"))
    check(f, "implementation_error", None, None, decisive=False)


def test_cells_sent_without_source_make_defined_nowhere_undecided():
    # The frontend blanks far cells of a huge notebook: a cell that ran but has no source.
    record = make(["", "a = 1", "print(x)"], "1 2 3")
    f = run(record)
    check(f, "implementation_error", None, None, decisive=False)
    assert any("without" in line for line in f.evidence)


def test_free_variable_message():
    error = ("NameError", "cannot access free variable 'x' where it is not associated with a value")
    f = run(make(["print(x)", "x = 1"], "1", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)


def test_unbound_local_is_left_to_the_rules():
    error = ("UnboundLocalError", "cannot access local variable 'x' where it is not associated")
    assert run(make(["x = 1", "def f():\n    x += 1\nf()"], "1 2", error=error)) is None


# ------------------------------------------------------------------ state changed by a re-run


def test_rerun_of_a_cell_that_pops_its_key():
    error = ("KeyError", "'a'")
    f = run(make(["d = {'a': 1}", "d.pop('a')"], "1 2 2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)
    assert f.hint.startswith("Cell 2 (this cell) ran 2 times and changed `d` each time")
    assert "restart" in f.hint


def test_rerun_drop_of_a_dataframe_column():
    error = ("KeyError", "\"['a'] not found in axis\"")
    sources = ["df = load()", "df = df.drop(columns=['a'])"]
    f = run(make(sources, "1 2 2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)
    assert "`df`" in f.hint


def test_cell_that_changed_state_ran_three_times():
    error = ("ValueError", "operands could not be broadcast together with shapes (3,4) (3,)")
    sources = ["x = make()", "x = x.T", "y = x + w"]
    f = run(make(sources, "1 2 2 2 3", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)
    assert f.hint.startswith("Cell 2 ran 3 times and changed `x` each time")


def test_cell_below_changed_the_state():
    error = ("KeyError", "'alice'")
    sources = ["s = {'alice': 1}", "print(s['alice'])", "s.pop('alice')"]
    f = run(make(sources, "1 2 3 2", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 3)
    assert "below" in f.hint


def test_state_passed_into_a_function_of_another_cell():
    error = ("KeyError", "'a'")
    record = make(
        ["d = {'a': 1}", "def get(m):\n    return m['a']", "d.pop('a')", "get(d)"],
        "1 2 3 3 4",
        error=error,
    )
    tb = [
        "KeyError                 Traceback (most recent call last)",
        "Cell In[5], line 1\n----> 1 get(d)\n",
        "Cell In[2], line 2, in get(m)\n      1 def get(m):\n----> 2     return m['a']\n",
        "KeyError: 'a'",
    ]
    record = ErrorRecord(
        ename="KeyError",
        evalue="'a'",
        traceback=tuple(tb),
        cell_id=record.cell_id,
        execution_count=5,
        notebook=record.notebook,
    )
    f = run(record)
    check(f, "notebook_specific", "out_of_order_execution", 3)


def test_change_to_the_source_of_a_derived_value():
    error = ("ValueError", "Found input variables with inconsistent numbers of samples: [4, 6]")
    sources = ["raw = load()\nlabels = make()", "raw = raw[1:]", "X = raw * 2", "fit(X, labels)"]
    f = run(make(sources, "1 2 2 3 4", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)
    assert "`X` comes from `raw` (cell 3" in " ".join(f.evidence)
    # the same notebook run once in order: the code itself is wrong
    assert run(make(sources, "1 2 3 4", error=error)) is None


def test_rerun_with_weak_evidence_is_not_decisive():
    error = ("AttributeError", "'list' object has no attribute 'keys'")
    sources = ["items = start()", "items = items + extra", "items.keys()"]
    f = run(make(sources, "1 2 2 3", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2, decisive=False)


@pytest.mark.parametrize(
    ("sources", "runs", "error"),
    [
        # ran once, in order: the code itself fails
        (["d = {'a': 1}", "d.pop('a')", "d['a']"], "1 2 3", ("KeyError", "'a'")),
        # re-ran, but rebuilds its value each time
        (["xs = []\nxs.append(1)", "xs[5]"], "1 1 2", ("IndexError", "list index out of range")),
        # re-ran and changes a value the failing line does not use
        (["log.append(1)", "cfg['b']"], "1 1 1 2", ("KeyError", "'b'")),
        # the changing cell crashes on its first run
        (["xs = xs + [4]\nxs[10]"], "1", ("IndexError", "list index out of range")),
        # an error that state does not explain
        (["f = open('nope.csv')"], "1", ("FileNotFoundError", "[Errno 2] No such file")),
    ],
)
def test_no_state_finding(sources, runs, error):
    assert run(make(sources, runs, error=error)) is None


def test_key_set_by_a_cell_that_failed():
    error = ("KeyError", "'y'")
    sources = ["row = {'x': 1}", "row['y'] = int('q')", "print(row['y'])"]
    f = run(make(sources, "1 2! 3", error=error))
    check(f, "notebook_specific", "previous_cell_error", 2)


def test_key_set_by_a_cell_before_the_restart():
    error = ("KeyError", "'y'")
    sources = ["row = {'x': 1}", "row['y'] = 2", "print(row['y'])"]
    f = run(make(sources, "1 3", before="1 2 3", error=error))
    check(f, "notebook_specific", "out_of_order_execution", 2)
    assert "restarted" in f.hint


def test_placeholder_kept_because_the_cell_setting_it_failed():
    error = ("AttributeError", "'NoneType' object has no attribute 'fit'")
    sources = ["model = None", "model = build()", "model.fit(X)"]
    f = run(make(sources, "1 2! 3", error=error))
    check(f, "notebook_specific", "previous_cell_error", 2)
    assert "still holds an older value" in f.hint


def test_stale_value_with_weak_evidence_is_not_decisive():
    error = ("IndexError", "list index out of range")
    f = run(make(["xs = [1]", "xs = parse(text)", "xs[3]"], "1 2! 3", error=error))
    check(f, "notebook_specific", "previous_cell_error", 2, decisive=False)


def test_failed_cell_later_fixed_by_another_is_not_blamed():
    error = ("AttributeError", "'NoneType' object has no attribute 'fit'")
    sources = ["model = None", "model = build()", "model = make()", "model.fit(X)"]
    assert run(make(sources, "1 2! 3 4", error=error)) is None


# ---------------------------------------------------------------------------------- robustness


def test_without_notebook_context():
    assert analyse(ErrorRecord(ename="NameError", evalue=NOT_DEFINED[1]), None) is None


def test_without_cells():
    record = ErrorRecord.from_dict({"ename": "NameError", "evalue": NOT_DEFINED[1], "notebook": {}})
    assert run(record) is None


def test_works_without_a_parsed_error():
    f = analyse(make(["print(x)", "x = 1"], "1"), None)
    check(f, "notebook_specific", "out_of_order_execution", 2)


def test_crash_cell_missing_from_the_context():
    record = make(["a = 1", "x = 2"], "1")
    record = ErrorRecord(
        ename="NameError", evalue=NOT_DEFINED[1], cell_id="gone", notebook=record.notebook
    )
    f = run(record)
    check(f, "notebook_specific", "out_of_order_execution", 2)


def test_five_thousand_cells():
    sources = [f"v{i} = {i}" for i in range(5000)]
    sources[4000] = "x = 1"
    sources[10] = "print(x)"
    f = run(make(sources, "1 2 3 11"))
    check(f, "notebook_specific", "out_of_order_execution", 4001)
