"""Keys, values, memory and files told from what the crash shows (wave 15a): a frame read from
its file in the failing cell itself, `.loc` inside a column-wise `DataFrame.apply`, a `<` that
is pandas' own label join, mlxtend's empty frequent itemsets, a column's values given as a new
frame's labels, a library refusing to write over its output file, and a relative path written
to a read-only working folder.

Each condition is paired: a crash where the specific hint must speak, and one where the former
hint stays. Messages are the libraries' own wording; the tracebacks are written by hand in
IPython 8's style, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_objects import COLAB, SITE, frame, hint

PANDAS_GET = frame(f"{SITE}/pandas/core/frame.py", "DataFrame.__getitem__", "indexer = ...")
NONE_OF = "\"None of [Index(['Age', 'Income'], dtype='object')] are in the [columns]\""


def test_a_frame_just_read_in_the_cell_is_not_called_another_frame():
    text = hint(
        "KeyError",
        NONE_OF,
        "X = df[['Age', 'Income']]",
        [PANDAS_GET],
        before="df = pd.read_csv('customers.csv')",
    )
    assert "just read from its file" in text and "`df.columns`" in text, text
    assert "another frame" not in text, text


def test_a_frame_read_elsewhere_may_still_be_another_frame():
    text = hint("KeyError", NONE_OF, "X = df[['Age', 'Income']]", [PANDAS_GET])
    assert "just read" not in text, text


def test_a_frame_renamed_after_its_read_is_not_said_just_read():
    code = "df = pd.read_csv('customers.csv')\ndf.columns = ['a', 'b']\nX = df[['Age', 'Income']]"
    text = hint("KeyError", NONE_OF, "X = df[['Age', 'Income']]", [PANDAS_GET], code=code)
    assert "just read" not in text, text


APPLY = frame(f"{SITE}/pandas/core/frame.py", "DataFrame.apply", "return op.apply()")
LOC = frame(f"{SITE}/pandas/core/indexing.py", "_LocIndexer._getitem_axis", "return self._get()")
IN_INDEX = "\"None of [Index(['price'], dtype='object')] are in the [index]\""


def test_loc_inside_a_column_wise_apply_is_told_axis_1():
    line = "sizes = prices.apply(lambda r: len(r.loc[['price']]))"
    text = hint("KeyError", IN_INDEX, line, [APPLY, LOC])
    assert "axis=1" in text and "each column" in text, text


def test_loc_inside_a_row_wise_apply_keeps_the_row_label_hint():
    line = "sizes = prices.apply(lambda r: len(r.loc[['price']]), axis=1)"
    text = hint("KeyError", IN_INDEX, line, [APPLY, LOC])
    assert "each column" not in text, text


MUL = frame(f"{SITE}/pandas/core/ops/common.py", "_unpack_zerodim_and_defer.<locals>.new_method")
JOIN = frame(f"{SITE}/pandas/core/indexes/base.py", "Index.join", "return this.join(other)")
LESS = "'<' not supported between instances of 'str' and 'int'"


def test_a_comparison_inside_pandas_index_join_is_about_labels():
    text = hint("TypeError", LESS, "data['y'] = data[col] * data['year']", [MUL, JOIN])
    assert "pandas' own" in text and "labels" in text, text
    assert "pd.to_numeric" not in text, text


def test_a_comparison_the_line_writes_is_still_text_against_numbers():
    text = hint("TypeError", LESS, "late = df[df['year'] < 2000]", [MUL, JOIN])
    assert "pandas' own" not in text, text


MINED = f"{SITE}/mlxtend/frequent_patterns/association_rules.py"
RULES = frame(MINED, "association_rules", "raise ValueError(")


def test_empty_frequent_itemsets_point_at_min_support():
    message = "The input DataFrame `df` containing the frequent itemsets is empty."
    line = "rules = association_rules(itemsets, metric='lift', min_threshold=1)"
    text = hint("ValueError", message, line, [RULES])
    assert "min_support" in text and "folder" not in text, text
    # a filter of the user's after the mining empties them as well (the 23rd audit's regrade)
    assert "or a step after it filtered them all out" in text, text


def test_other_empty_data_keeps_the_loading_advice():
    message = "Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required."
    text = hint("ValueError", message, "model.fit(X, y)")
    assert "min_support" not in text, text


RAM = "Unable to allocate 1.2 TiB for an array with shape (400000, 400000) and data type float64"
REINDEX = frame(f"{SITE}/pandas/core/internals/managers.py", "BlockManager.reindex_axis")


def test_a_column_given_as_labels_explains_the_size():
    line = "flights = pd.DataFrame(df, columns=[df['date']])"
    text = hint("MemoryError", RAM, line, [REINDEX])
    assert "columns=[df['date']]" in text and "set_index" in text, text
    assert "float32" not in text, text


def test_column_names_as_labels_keep_the_memory_advice():
    line = "flights = pd.DataFrame(df, columns=['date', 'origin'])"
    text = hint("MemoryError", RAM, line, [REINDEX])
    assert "set_index" not in text, text


EXISTS = "The file 'out/traj.xtc' already exists."
WRITER = frame(
    f"{SITE}/openmm/app/xtcfile.py",
    "XTCFile.__init__",
    "raise FileExistsError(f\"The file '{self._filename}' already exists.\")",
)


def test_a_library_refusing_to_overwrite_is_not_told_to_skip_the_step():
    text = hint("FileExistsError", EXISTS, "simulation.step(1000)", [WRITER])
    assert "refuses to write over it" in text and "skip this step" not in text, text


# (exception, message, failing line, words the hint must hold, words it must not)
OS_CASES = [
    (
        "FileExistsError",
        "[Errno 17] File exists: 'out/link'",
        "os.symlink(src, 'out/link')",
        "skip this step",
        "refuses",
    ),
    (
        "OSError",
        "[Errno 30] Read-only file system: 'notes.txt'",
        "f = open('notes.txt', 'a')",
        "os.getcwd()",
        "notebook's folder",
    ),
    (
        "OSError",
        "[Errno 30] Read-only file system: '/mnt/data/notes.txt'",
        "f = open('/mnt/data/notes.txt', 'a')",
        "read-only",
        "os.getcwd()",
    ),
]


@pytest.mark.parametrize(("ename", "message", "line", "says", "never"), OS_CASES)
def test_an_os_call_is_told_by_its_own_path(ename, message, line, says, never):
    # an OS call (no library's raise) may be skipped; only a relative path names the cwd
    text = hint(ename, message, line)
    assert says in text and never not in text, text


def test_colab_frames_do_not_make_a_relative_path_absolute():
    message = "[Errno 30] Read-only file system: 'out/model.pkl'"
    saver = frame(f"{COLAB}/joblib/numpy_pickle.py", "dump", "with open(filename, 'wb') as f:")
    text = hint("OSError", message, "joblib.dump(model, 'out/model.pkl')", [saver])
    assert "`out/model.pkl` is relative" in text, text


def _unrun_model_hint(definer: str) -> str:
    cells = [
        ("from sklearn.linear_model import LinearRegression", 1, None),
        (definer, 5, None),
        ("lr.fit(X_train, y_train)", 3, None),
    ]
    return notebook_hint("NameError", "name 'lr' is not defined", cells[2][0], cells, 2, count=3)


def test_a_definer_that_names_the_class_uncalled_is_not_the_cell_to_run():
    # `lr = LinearRegression` gives the class: run it and `lr.fit(...)` fails anew
    text = _unrun_model_hint("lr = LinearRegression")
    assert "cell 2" not in text.lower(), text


def test_a_definer_that_makes_the_instance_is_the_cell_to_run():
    text = _unrun_model_hint("lr = LinearRegression()")
    assert "cell 2" in text.lower(), text
