"""Whatever the notebook, history and error, the analysis answers with valid ids or None."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.cells import analyse_cell
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import Cell, ErrorRecord
from jupyterlab_nbcrash.diagnosis.saved import analyse_saved
from jupyterlab_nbcrash.diagnosis.traceback import parse

NAMES = ["x", "df", "np", "model", "d", "xs"]
LINES = [
    "x = 1",
    "df = df.drop(columns=['a'])",
    "import numpy as np",
    "del x",
    "d.pop('a')",
    "xs.append(1)",
    "if x:\n    model = 2",
    "def f():\n    return x",
    "%time model = fit()",
    "!ls",
    "files = !ls",
    "x?",
    "print(x",
    "model.fit(df)",
    "from m import *",
    "%%bash\necho",
    "",
]
ERRORS = [
    ("NameError", "name '{}' is not defined"),
    ("KeyError", "'a'"),
    ("AttributeError", "'NoneType' object has no attribute 'fit'"),
    ("ValueError", "shapes (3,2) and (3,2) not aligned"),
    ("UnboundLocalError", "cannot access local variable '{}'"),
    ("ZeroDivisionError", "division by zero"),
    ("", ""),
]

# A saved error output: any exception, failing on any line (or without a traceback).
saved_errors = st.fixed_dictionaries(
    {"ename": st.sampled_from(["ValueError", "SyntaxError", "KeyboardInterrupt", ""])},
    optional={
        "traceback": st.builds(
            lambda n, line: [f"Cell In[2], line {n}\n----> {n} {line}\n", "ValueError: x"],
            st.integers(0, 5),
            st.sampled_from(LINES),
        )
    },
)
sources = st.lists(st.sampled_from(LINES), min_size=1, max_size=3).map("\n".join)
runs = st.lists(st.tuples(st.integers(0, 7), st.booleans()), max_size=12)


@st.composite
def records(draw):
    n = draw(st.integers(0, 8))
    cells = [
        {
            "id": f"c{i}",
            "index": i,
            "source": draw(sources),
            "execution_count": draw(st.none() | st.integers(1, 20)),
            "cell_type": draw(st.sampled_from(["code", "code", "code", "markdown"])),
            "error": draw(st.none() | saved_errors),
        }
        for i in range(n)
    ]

    def history(pairs):
        return [
            {"cell_id": f"c{i}", "execution_count": k + 1, "ok": ok}
            for k, (i, ok) in enumerate(pairs)
        ]

    ename, evalue = draw(st.sampled_from(ERRORS))
    crash = draw(st.integers(0, max(n - 1, 0)))
    data = {
        "ename": ename or "Exception",
        "evalue": evalue.format(draw(st.sampled_from(NAMES))),
        "traceback": [f"Cell In[3], line 1\n----> 1 {draw(st.sampled_from(LINES))}\n"],
        "cell_id": draw(st.sampled_from([f"c{crash}", "", "other"])),
        "execution_count": draw(st.none() | st.integers(1, 20)),
        "notebook": {
            "cells": cells,
            "history": history(draw(runs)),
            "previous_history": history(draw(runs)),
        },
    }
    return ErrorRecord.from_dict(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_analyse_never_raises_and_emits_valid_ids(record):
    finding = analyse(record, parse(record))
    if finding is None:
        return
    assert taxonomy.is_valid("root_cause", finding.root_cause)
    assert taxonomy.is_valid("notebook_cause", finding.notebook_cause)
    assert (finding.notebook_cause is not None) == (finding.root_cause == "notebook_specific")
    assert finding.hint and finding.evidence
    if finding.related_cell is not None:
        ids = {c.id: c.index for c in record.notebook.cells}
        assert ids[finding.related_cell["id"]] == finding.related_cell["index"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_cell(source):
    info = analyse_cell(source)
    assert all(isinstance(name, str) and name for name in info.defines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.none() | st.integers(0, 50), max_size=30))
def test_saved_order_counts_add_up(counts):
    cells = [
        Cell(id=str(i), index=i, source="a = 1", execution_count=c) for i, c in enumerate(counts)
    ]
    order = analyse_saved(cells)
    assert order.code_cells == len(counts)
    assert order.run_cells == sum(c is not None for c in counts)
    assert order.in_order == (not (order.decreasing or order.gaps or order.skipped))
    assert all(0 <= i < len(counts) for i in order.decreasing_cells + order.skipped_cells)
