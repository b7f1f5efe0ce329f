"""Saved notebooks: what the execution counts say about the order cells ran in
(``analyse_saved``), and the notebook causes found from the file alone (cells, counts, saved
error outputs) — the same causes, cells and kinds of hint as with a live history."""

from dataclasses import replace

import pytest

from jupyterlab_nbcrash.diagnosis.finding import DECIDED_SAVED
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import Cell, ErrorRecord, RecordError, SavedError
from jupyterlab_nbcrash.diagnosis.saved import SavedOrder, analyse_saved
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.scan.read import ErrorOutput, SavedNotebook
from jupyterlab_nbcrash.scan.worker import with_errors


def cells(*counts, kinds=None):
    kinds = kinds or ["code"] * len(counts)
    return [
        Cell(
            id=str(i),
            index=i,
            source="" if c == "empty" else "x = 1",
            execution_count=None if c in (None, "empty") else c,
            cell_type=k,
        )
        for i, (c, k) in enumerate(zip(counts, kinds, strict=True))
    ]


def test_in_order():
    order = analyse_saved(cells(1, 2, 3, 4))
    assert order == SavedOrder(
        code_cells=4, run_cells=4, decreasing=False, gaps=False, skipped=False, in_order=True
    )


def test_decreasing_counts():
    order = analyse_saved(cells(1, 5, 3, 4))
    assert order.decreasing and not order.in_order
    assert order.decreasing_cells == (2,)
    assert order.gap_cells == (1,)  # 2 -> 5 jumps


def test_gaps_and_missing_counts():
    order = analyse_saved(cells(1, 2, 7, 8))
    assert order.gaps and not order.decreasing and not order.skipped
    assert order.gap_cells == (2,)
    assert order.missing_counts == 4  # 3, 4, 5, 6


def test_never_run_cells_among_run_ones():
    order = analyse_saved(cells(None, 1, None, 2, None))
    assert order.skipped and order.skipped_cells == (2,)  # leading/trailing unrun cells are fine
    assert order.run_cells == 2 and order.code_cells == 5


def test_markdown_and_empty_cells_are_ignored():
    order = analyse_saved(cells(1, None, "empty", 2, kinds=["code", "markdown", "code", "code"]))
    assert order.in_order
    assert order.code_cells == 2


@pytest.mark.parametrize("counts", [(), (None, None), ("empty",)])
def test_nothing_run(counts):
    order = analyse_saved(cells(*counts))
    assert order.run_cells == 0 and order.in_order and order.missing_counts == 0


def test_saved_order_is_frozen():
    order = analyse_saved(cells(1))
    with pytest.raises(AttributeError):
        order.in_order = False


# ------------------------------------------------------------- causes from a saved file alone

NOT_DEFINED = ("NameError", "name 'x' is not defined")


FRAME_STYLES = {  # how IPython names the failing cell's frame, newest first
    "8": "Cell In[{count}], line {line}\n----> {line} {code}\n",
    "8.0": "Input In [{count}], in <cell line: {line}>()\n----> {line} {code}\n",
    "7": "<ipython-input-{count}-0123456789ab> in <module>\n----> {line} {code}\n",
}


def tb(count, line, code, error=("ValueError", "bad value"), style="8") -> list[str]:
    """A traceback of a cell that failed on ``line``."""
    return [
        "-" * 75,
        f"{error[0]}                                 Traceback (most recent call last)",
        FRAME_STYLES[style].format(count=count, line=line, code=code),
        f"{error[0]}: {error[1]}",
    ]


def saved(sources, counts, crash, error=NOT_DEFINED, errors=None, line=None):
    """A record as the frontend sends it for an error output of a reopened notebook: cells with
    their counts and saved error outputs (``errors``: cell number -> traceback list, or None for
    an error output without traceback), no history. The crash is cell ``crash`` (1-based)."""
    errors = errors or {}
    cells = []
    for i, (source, count) in enumerate(zip(sources, counts, strict=True)):
        cell = {"id": f"c{i}", "index": i, "source": source, "execution_count": count}
        if i + 1 in errors:
            cell["error"] = {"ename": "ValueError", "evalue": "bad value"}
            if errors[i + 1] is not None:
                cell["error"]["traceback"] = errors[i + 1]
                ename, _, evalue = errors[i + 1][-1].partition(": ")
                cell["error"].update(ename=ename, evalue=evalue)
        cells.append(cell)
    code = sources[crash - 1]
    line = line or code.splitlines()[-1]
    return ErrorRecord.from_dict(
        {
            "ename": error[0],
            "evalue": error[1],
            "traceback": tb(counts[crash - 1] or 0, 1, line, error),
            "code": code,
            "cell_id": f"c{crash - 1}",
            "execution_count": counts[crash - 1],
            "notebook": {"cells": cells},
        }
    )


def run(record):
    return analyse(record, parse(record))


def check(finding, cause, cell, kind, decisive=True, root="notebook_specific"):
    assert finding is not None
    assert (finding.root_cause, finding.notebook_cause) == (root, cause), finding
    assert (finding.kind, finding.decisive) == (kind, decisive), finding
    assert finding.related_cell["index"] == cell - 1, finding
    assert finding.related_cell["id"] == f"c{cell - 1}"
    assert f"ell {cell}" in finding.hint, finding
    assert (finding.evidence[-1] == DECIDED_SAVED) is decisive


OOO, PREV = "out_of_order_execution", "previous_cell_error"


def test_definer_never_run():
    f = run(saved(["print(x)", "x = 1"], [1, None], crash=1))
    check(f, OOO, 2, "out_of_order")
    assert "never run" in " ".join(f.evidence) and "moving it above this cell" in f.hint


def test_definer_ran_after_the_crash():
    f = run(saved(["a = 0", "print(x)", "x = 1"], [1, 2, 3], crash=2))
    check(f, OOO, 3, "out_of_order")
    assert "only ran after this cell" in f.hint
    assert "[3] > [2]" in " ".join(f.evidence)


def test_definer_with_a_higher_count_after_a_restart_may_be_either():
    # [1] twice: two kernel sessions; cell 2's [3] is from after the crash or before the restart
    f = run(saved(["a = 0", "x = 1", "b = 1", "print(x)"], [1, 3, 1, 2], crash=4))
    check(f, OOO, 2, "restart")
    assert "or before a kernel restart" in f.hint
    assert "show the same count" in " ".join(f.evidence)


def test_definer_ran_before_in_order_is_undecided():
    f = run(saved(["x = 1", "print(x)"], [1, 2], crash=2))
    check(f, OOO, 1, "out_of_order", decisive=False)
    assert "edited since" in f.hint


def test_conditional_definer_is_a_code_problem():
    f = run(saved(["if flag:\n    x = 1", "print(x)"], [1, 2], crash=2))
    assert (f.root_cause, f.notebook_cause, f.decisive) == ("implementation_error", None, False)


def test_same_count_as_the_crash_is_another_session():
    f = run(saved(["x = 1", "y = 2", "print(x)"], [1, 2, 1], crash=3))
    check(f, OOO, 1, "restart")
    assert f.hint.startswith("The kernel probably restarted since cell 1 [1] defined `x`")


def test_cells_run_in_order_from_1_down_to_the_crash_are_its_session():
    f = run(saved(["x = 1", "a = 2", "b = 3", "print(x)"], [1, 2, 1, 2], crash=4))
    check(f, OOO, 1, "restart")
    assert "cell 3 [1] to cell 4 [2] show [1] to [2] in order" in " ".join(f.evidence)


@pytest.mark.parametrize(
    ("counts", "kind"),
    [
        ([1, 2, 3, 1], "out_of_order"),  # cells 1 to 3 ran in order from [1]: one session
        ([2, 1, 3, 2], "restart"),  # [2] twice and no run in order from [1]: maybe a restart
    ],
)
def test_definer_that_ran_before_yet_the_name_is_gone(counts, kind):
    f = run(saved(["x = 1", "a = 2", "print(x)", "b = 1"], counts, crash=3))
    check(f, OOO, 1, kind, decisive=False)


def test_name_deleted_by_a_cell_that_ran_in_between():
    f = run(saved(["x = 1", "print(x)", "del x"], [1, 3, 2], crash=2))
    check(f, OOO, 3, "out_of_order")
    assert "[1] < [2] < [3]" in " ".join(f.evidence)


def test_the_last_definer_run_before_the_crash_failed_though_an_older_one_ran():
    # cell 1 [1] defined x in a session before a restart ([1] twice); cell 3 [3], the copy of
    # that definer run after it, failed before `x = ...`: that failure is why x is missing now
    sources = ["x = load()", "a = 0", "y = read()\nx = y", "print(x)"]
    errors = {3: tb(3, 1, "y = read()", ("KeyError", "'col'"))}
    f = run(saved(sources, [1, 1, 3, 4], crash=4, errors=errors))
    check(f, PREV, 3, "previous_error")
    assert f.hint.startswith("Cell 3 [3] failed (KeyError: 'col') before defining `x`"), f.hint


def test_a_definer_that_failed_before_an_older_successful_run_is_not_the_cause():
    # cell 3 failed at [1], then cell 1 defined x at [3]: the failure is older than the
    # successful run, so the name's loss has another story (undecided, as before)
    sources = ["x = load()", "a = 0", "y = read()\nx = y", "print(x)"]
    errors = {3: tb(1, 1, "y = read()", ("KeyError", "'col'"))}
    f = run(saved(sources, [3, 2, 1, 4], crash=4, errors=errors))
    check(f, OOO, 1, "out_of_order", decisive=False)


def test_a_deletion_after_the_last_successful_definer_stays_the_story():
    sources = ["x = load()", "del x", "y = read()\nx = y", "print(x)"]
    errors = {3: tb(3, 1, "y = read()", ("KeyError", "'col'"))}
    f = run(saved(sources, [1, 2, 3, 4], crash=4, errors=errors))
    check(f, OOO, 2, "out_of_order")


def test_definer_failed_before_the_line_that_assigns():
    sources = ["a = 1\nb = a / 0\nx = a", "print(x)"]
    errors = {1: tb(1, 2, "b = a / 0", ("ZeroDivisionError", "division by zero"))}
    f = run(saved(sources, [1, 2], crash=2, errors=errors))
    check(f, PREV, 1, "previous_error")
    assert f.hint == (
        "Cell 1 [1] failed (ZeroDivisionError: division by zero) before defining `x`: fix that "
        "first, then run it again."
    )
    assert "statement starting on line 2" in " ".join(f.evidence)


@pytest.mark.parametrize("style", FRAME_STYLES)
def test_definer_failed_after_assigning_is_not_the_cause(style):
    sources = ["x = 1\nb = 1 / 0", "print(x)"]
    errors = {1: tb(1, 2, "b = 1 / 0", ("ZeroDivisionError", "division by zero"), style)}
    f = run(saved(sources, [1, 2], crash=2, errors=errors))
    assert f.notebook_cause != PREV and not f.decisive


def test_failure_inside_a_loop_fails_the_whole_statement():
    sources = ["for i in range(3):\n    x = i\n    y = 1 / 0", "print(x)"]
    errors = {1: tb(1, 3, "y = 1 / 0", ("ZeroDivisionError", "division by zero"))}
    check(run(saved(sources, [1, 2], crash=2, errors=errors)), PREV, 1, "previous_error")


@pytest.mark.parametrize(
    "errors",
    [
        {1: None},  # an error output without traceback: where it failed is unknown
        {1: ["Cell In[1], line 1", "  x = (", "SyntaxError: incomplete input"]},  # nothing ran
        {1: tb(1, 1, "x = load()", style="7")},
    ],
)
def test_definer_failed_however_the_error_was_saved(errors):
    f = run(saved(["x = load()", "print(x)"], [1, 2], crash=2, errors=errors))
    check(f, PREV, 1, "previous_error")


def test_interrupted_definer():
    errors = {1: tb(1, 1, "x = slow()", ("KeyboardInterrupt", ""))}
    f = run(saved(["x = slow()", "print(x)"], [1, 2], crash=2, errors=errors))
    check(f, PREV, 1, "previous_error")
    assert "was interrupted before defining `x`" in f.hint


def test_definer_below_that_failed_after_the_crash():
    errors = {2: tb(3, 1, "x = load()")}
    f = run(saved(["print(x)", "x = load()"], [2, 3], crash=1, errors=errors))
    check(f, OOO, 2, "out_of_order")
    assert "Its last run failed too (ValueError: bad value)" in f.hint


def test_crash_count_unknown_is_undecided():
    f = run(saved(["x = 1", "print(x)"], [1, None], crash=2))
    check(f, OOO, 1, "", decisive=False)


# --------------------------------------------------------------------- state changed by a re-run

SHAPES = ("ValueError", "matmul: Input operand 1 has a mismatch in its core dimension 0")


def test_gap_before_a_mutating_cell_is_probably_a_rerun():
    sources = ["X = make()", "X = add_bias(X)", "y = X @ w"]
    f = run(saved(sources, [1, 3, 4], crash=3, error=SHAPES))
    check(f, OOO, 2, "rerun")
    assert f.hint.startswith("Cell 2 [3] changes `X` (`X = add_bias(X)`) each time it runs")
    assert "the saved counts suggest it ran more than once: if it did, restart" in f.hint
    assert "no cell shows [2]" in " ".join(f.evidence)


def test_ran_after_a_later_cell_with_a_missing_count_is_probably_a_rerun():
    sources = ["X = make()", "X = X[:, 1:]", "print(X)", "y = X @ w"]
    f = run(saved(sources, [1, 4, 3, 5], crash=4, error=SHAPES))
    check(f, OOO, 2, "rerun")
    assert "ran after cell 3 [3] below it, and no cell shows [2]" in " ".join(f.evidence)


@pytest.mark.parametrize(
    ("sources", "counts"),
    [
        (["X = make()", "X = add_bias(X)", "y = X @ w"], [1, 2, 3]),  # in order, no gap
        (["X = make()", "X = X[:, 1:]", "print(X)", "y = X @ w"], [1, 3, 2, 4]),  # once, late
        (["X = make()", "X = X.dropna()", "y = X @ w"], [1, 3, 4]),  # idempotent
        (["X = make()", "print(X)", "y = X @ w"], [1, 3, 4]),  # the re-run changes nothing
        (["X = make()", "X = add_bias(X)", "y = X @ w"], [1, 3, 2]),  # the crash ran first
    ],
)
def test_no_rerun_finding(sources, counts):
    assert run(saved(sources, counts, crash=len(sources), error=SHAPES)) is None


def test_crash_cell_itself_ran_twice():
    error = ("KeyError", "\"['a'] not found in axis\"")
    f = run(saved(["df = load()", "df = df.drop(columns=['a'])"], [1, 3], crash=2, error=error))
    check(f, OOO, 2, "rerun")
    # Counts only suggest the re-run: both readings are named, each true if it happened.
    assert "the saved counts suggest it ran more than once: if it did" in f.hint
    assert "if not, `df` never had" in f.hint


def test_cell_below_ran_before_and_changed_the_state():
    error = ("KeyError", "'alice'")
    sources = ["s = {'alice': 1}", "print(s['alice'])", "s.pop('alice')"]
    f = run(saved(sources, [1, 3, 2], crash=2, error=error))
    check(f, OOO, 3, "out_of_order")
    assert "below this one, ran before it" in f.hint


def test_placeholder_kept_because_the_cell_setting_it_failed():
    error = ("AttributeError", "'NoneType' object has no attribute 'fit'")
    errors = {2: tb(2, 1, "model = build()")}
    sources = ["model = None", "model = build()", "model.fit(X)"]
    f = run(saved(sources, [1, 2, 3], crash=3, error=error, errors=errors))
    check(f, PREV, 2, "previous_error")
    assert "so `model` still holds an older value" in f.hint


def test_failed_cell_later_fixed_by_another_is_not_blamed():
    error = ("AttributeError", "'NoneType' object has no attribute 'fit'")
    errors = {2: tb(2, 1, "model = build()")}
    sources = ["model = None", "model = build()", "model = make()", "model.fit(X)"]
    assert run(saved(sources, [1, 2, 3, 4], crash=4, error=error, errors=errors)) is None


def test_key_set_by_a_cell_that_failed():
    error = ("KeyError", "'y'")
    errors = {2: tb(2, 1, "row['y'] = int('q')")}
    sources = ["row = {'x': 1}", "row['y'] = int('q')", "print(row['y'])"]
    f = run(saved(sources, [1, 2, 3], crash=3, error=error, errors=errors))
    check(f, PREV, 2, "previous_error")


def test_key_set_before_the_failure_is_not_blamed():
    error = ("KeyError", "'z'")
    errors = {2: tb(2, 2, "1 / 0")}
    sources = ["row = {'x': 1}", "row['y'] = 2\n1 / 0", "print(row['z'])"]
    assert run(saved(sources, [1, 2, 3], crash=3, error=error, errors=errors)) is None


@pytest.mark.parametrize(
    ("counts", "kind", "words"),
    [([1, None, 2], "out_of_order", "Run cell 2 first"), ([1, 2, 2], "restart", "restarted")],
)
def test_key_set_by_a_cell_that_did_not_run_in_this_session(counts, kind, words):
    error = ("KeyError", "'y'")
    sources = ["row = {'x': 1}", "row['y'] = 2", "print(row['y'])"]
    f = run(saved(sources, counts, crash=3, error=error))
    check(f, OOO, 2, kind)
    assert words in f.hint


# -------------------------------------------------------------------------------- the same causes


LIVE_CASES = [  # (sources, runs as in test_notebook_analyse.make, error)
    (["print(x)", "x = 1"], "1", NOT_DEFINED),
    (["x = 1", "y = 2", "print(x)"], "2 3", NOT_DEFINED),
    (["x = load()", "print(x)"], "1! 2", NOT_DEFINED),
    (["a = 0", "x = load()", "b = 1", "print(x)"], "1 2! 4", NOT_DEFINED),
    (["x = 1", "print(x)", "del x"], "1 3 2", NOT_DEFINED),
    (["d = {'a': 1}", "d.pop('a')"], "1 2 2", ("KeyError", "'a'")),
    (["s = {'a': 1}", "print(s['a'])", "s.pop('a')"], "1 3 2", ("KeyError", "'a'")),
    (["X = make()", "X = X.T", "y = X @ w"], "1 2 2 3", SHAPES),
    (["row = {'x': 1}", "row['y'] = int('q')", "print(row['y'])"], "1 2! 3", ("KeyError", "'y'")),
]


@pytest.mark.parametrize(("sources", "runs", "error"), LIVE_CASES)
def test_saved_file_gives_the_live_cause(sources, runs, error):
    """Played once in a session: the live analysis (history) and the saved one (counts and
    error outputs) name the same cause and cell."""
    from test_notebook_analyse import make

    live = make(sources, runs, error=error)
    failed = {int(token.rstrip("!")): token.endswith("!") for token in runs.split()}
    counts = [c.execution_count for c in live.notebook.cells]
    errors = {n: None for n, bad in failed.items() if bad}
    crash = int(runs.split()[-1].rstrip("!"))
    from_file = run(saved(sources, counts, crash=crash, error=error, errors=errors))
    from_history = run(live)
    assert (from_file.notebook_cause, from_file.related_cell["index"]) == (
        from_history.notebook_cause,
        from_history.related_cell["index"],
    )
    assert from_file.decisive and from_history.decisive


def test_error_outputs_do_not_change_a_live_analysis():
    from test_notebook_analyse import make

    live = make(["x = load()", "print(x)"], "1 2")
    cells = tuple(
        replace(c, error=SavedError("ValueError", "bad value")) if c.index == 0 else c
        for c in live.notebook.cells
    )
    with_errors = replace(live, notebook=replace(live.notebook, cells=cells))
    assert run(with_errors) == run(live)


# --------------------------------------------------------------------------- the wire format


def test_cell_error_is_read_from_the_record():
    record = saved(["x = load()", "print(x)"], [1, 2], crash=2, errors={1: tb(1, 1, "x")})
    error = record.notebook.cells[0].error
    assert error.ename == "ValueError" and error.evalue == "bad value"
    assert error.traceback[-1] == "ValueError: bad value"
    assert record.notebook.cells[1].error is None


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ("ValueError", "notebook.cells[0]: 'error' must be an object"),
        ({"ename": 3}, "notebook.cells[0]: 'ename' must be a string"),
        ({"traceback": "x"}, "notebook.cells[0]: 'traceback' must be a list"),
        ({"traceback": [1]}, "notebook.cells[0]: 'error.traceback' must be a list of strings"),
        ({"traceback": ["x"] * 201}, "notebook.cells[0]: 'traceback' has more than 200"),
        ({"evalue": "x" * 10_001}, "notebook.cells[0]: 'evalue' is longer than 10000"),
    ],
)
def test_bad_cell_error_is_rejected(error, message):
    data = {"ename": "E", "notebook": {"cells": [{"source": "", "error": error}]}}
    with pytest.raises(RecordError) as err:
        ErrorRecord.from_dict(data)
    assert str(err.value).startswith(message)


def test_scan_gives_each_cell_its_first_error_output():
    nb = SavedNotebook(
        nbformat=4,
        parsed=True,
        cells=[
            {"id": "a", "index": 0, "source": "x", "execution_count": 1, "cell_type": "code"},
            {"id": "b", "index": 1, "source": "", "execution_count": None, "cell_type": "markdown"},
        ],
        errors=[ErrorOutput(0, "E1", "one", ("t",)), ErrorOutput(0, "E2", "two", ())],
    )
    cells = with_errors(nb)
    assert cells[0].error == SavedError("E1", "one", ("t",))
    assert cells[1].error is None


def test_huge_counts_cost_no_more_than_the_cells():
    # a count of a billion shown by one cell: the counts below it are not walked one by one
    # (a walk would not end in the test's time), and with almost every count below missing, one
    # more missing count is no sign of a re-run
    sources = ["X = make()", "X = add_bias(X)", "y = X @ w"]
    f = run(saved(sources, [None, 10**9, 10**9 + 1], crash=3, error=SHAPES))
    assert f is None or f.kind != "rerun", f
    # the same cells with the counts below shown: the missing one is a re-run's sign
    f = run(saved(sources, [1, 3, 4], crash=3, error=SHAPES))
    check(f, OOO, 2, "rerun")
    assert "no cell shows [2]" in " ".join(f.evidence)


def test_a_definer_that_failed_on_the_same_missing_name_is_not_the_one_to_fix():
    # Cell 2 rebinds `x` from itself and failed for want of `x` too: cell 1, which makes `x`
    # and was skipped, is the one to run; "fix cell 2 first" would send the user in a circle.
    errors = {2: tb(2, 1, "x = x + 1", NOT_DEFINED)}
    f = run(saved(["x = 1", "x = x + 1", "print(x)"], [None, 2, 3], crash=3, errors=errors))
    assert f.notebook_cause == OOO and "Cell 2" not in f.hint and "ell 1" in f.hint
    # a definer that failed on another name is still the one to fix
    other = {2: tb(2, 1, "x = y + 1", ("NameError", "name 'y' is not defined"))}
    f = run(saved(["x = 1", "x = y + 1", "print(x)"], [None, 2, 3], crash=3, errors=other))
    check(f, PREV, 2, "previous_error")
