"""Speak-only-when pairs for the sixteenth audit's invalid-argument, TypeError, AttributeError
and ValueError hints that graders found wrong: each condition with a crash where the template
speaks and one where it must not.

- A Cython frame of a src-layout build (`src/gurobipy/gurobi.pxi`) names `gurobipy`, not `src`.
- CUDA's "UNSUPPORTED_PTX_VERSION": a toolkit newer than the driver, not the kernel's inputs.
- "is a function, not the object it returns" only for a function read on the user's own line
  (with no line of the user seen, the object is unknown: `it` is no name).
- A statement continued over the lines below its marked first line (Python < 3.8) reads what
  those lines read: `.dropall(` there is the user's call, not a library's read.
- `"g" * str(x)`: a string literal repeats by an int; no NumPy maths is meant.
- `.replace(mapping).astype(float)` refusing a text the mapping literal does not name: the label
  to add, not `pd.to_numeric(errors='coerce')`, which would turn it into NaN.
- A no-argument call whose message names the method to use instead: that method, no object state.
- "… is only supported for pandas DataFrames": the kind of object passed, not its dtype.
- pyplot's "Axes instance argument was not found in a figure" on a grid made in another cell.
- Keras's "in user code:" stack with a cell's frame: that line, not what `model.fit` was given.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint

SITE = "/opt/conda/lib/python3.10/site-packages"


def _in_library(ename: str, message: str, line: str, path: str, function: str) -> str:
    """The hint of ``message`` raised in the library file ``path`` that ``line`` called."""
    return hint(crash(ename, message, line, [(path, function)]))


# ------------------------------------------------------------ a src-layout Cython frame


def test_a_src_layout_cython_frame_names_the_package_after_src():
    sums = "unsupported operand type(s) for +=: 'gurobipy.LinExpr' and 'GenExprAbs'"
    line = "m.addConstr(gp.quicksum(gp.abs_(x[i]) for i in range(3)) == 2)"
    parsed = crash("TypeError", sums, line, [("src/gurobipy/gurobi.pxi", "gurobipy.quicksum")])
    assert parsed.libraries == ("gurobipy",), parsed.libraries
    assert "`src`" not in hint(parsed), hint(parsed)
    # a package-relative Cython path keeps its first folder
    reader = ("pandas/_libs/parsers.pyx", "pandas._libs.parsers.TextReader.read")
    parsed = crash("ValueError", "C error: out of memory", "df = pd.read_csv('a.csv')", [reader])
    assert parsed.libraries == ("pandas",), parsed.libraries


# ------------------------------------------------------------ one library frame: said / not said
# (ename, message, line, the library's file and function, words the hint has, words it lacks)

DRIVER_PY = f"{SITE}/numba_cuda/numba/cuda/cudadrv/driver.py"
INDEX_PY = f"{SITE}/pandas/core/indexes/base.py"
COLUMNS_PY = f"{SITE}/sklearn/compose/_column_transformer.py"
LAUNCH = "add_one[4, 32](d_arr)"
ONE_FRAME = [
    # CUDA's PTX version newer than the driver reads: the toolkit, not the kernel's inputs
    (
        "LinkerError",
        "[222] Call to cuLinkAddData results in CUDA_ERROR_UNSUPPORTED_PTX_VERSION",
        LAUNCH, DRIVER_PY, "add_ptx", "newer CUDA toolkit", "inputs",
    ),
    (
        "LinkerError",
        "[218] Call to cuLinkAddData results in CUDA_ERROR_INVALID_PTX",
        LAUNCH, DRIVER_PY, "add_ptx", "", "newer CUDA toolkit",
    ),
    # a no-argument call whose message names the method to use instead
    (
        "TypeError",
        "cannot sort an Index object in-place, use sort_values instead",
        "cols.sort()", INDEX_PY, "Index.sort", "`cols.sort_values()`", "the state of",
    ),
    (
        "TypeError",
        "'NoneType' object is not iterable",
        "env.reset()", f"{SITE}/gym/core.py", "Env.reset", "passes no arguments", "instead of",
    ),
    # the kind of object a feature is supported for: its type, not its dtype
    (
        "ValueError",
        "Specifying the columns using strings is only supported for pandas DataFrames",
        "Xt = ct.fit_transform(X)", COLUMNS_PY, "_get_cols", "`type(...)`", ".dtype",
    ),
    (
        "ValueError",
        "Cannot use a string column as the weights",
        "Xt = ct.fit_transform(X)", COLUMNS_PY, "_weights", "", "`type(...)`",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ename", "message", "line", "path", "function", "said", "unsaid"), ONE_FRAME
)
def test_a_condition_of_one_library_frame_decides_what_is_said(
    ename, message, line, path, function, said, unsaid
):
    text = hint(crash(ename, message, line, [(path, function)]))
    assert said in text and unsaid not in text, text


# ------------------------------------------------------------ a function read as an object


def test_a_method_read_where_no_line_of_the_user_shows_is_not_called_a_function_of_yours():
    # (VS Code's cell frames, which the parser does not read: only the library's line is seen)
    text = _in_library(
        "AttributeError",
        "'builtin_function_or_method' object has no attribute 'name'",
        "",
        f"{SITE}/plottable/table.py",
        "Table.__init__",
    )
    assert "is a function, not the object" not in text and "`it`" not in text, text


def test_a_method_a_library_read_is_a_value_of_another_kind_passed():
    read = "'builtin_function_or_method' object has no attribute 'name'"
    line, table = "t = plottable.Table(rows)", f"{SITE}/plottable/table.py"
    text = _in_library("AttributeError", read, line, table, "__init__")
    assert "of a method where it expects a value" in text and "call it first" not in text, text
    # a plain value read inside the library keeps its own reading
    read = "'list' object has no attribute 'name'"
    text = _in_library("AttributeError", read, line, table, "__init__")
    assert "A library read `.name` of a `list`" in text, text


def test_a_vscode_cell_frame_is_read_as_the_users_line():
    link = "<a href='vscode-notebook-cell:/c%3A/nb.ipynb#W3sZmlsZQ%3D%3D?line={}'>{}</a>"
    record = ErrorRecord.from_dict(
        {
            "ename": "KeyError",
            "evalue": "'b'",
            "traceback": [
                "KeyError                                  Traceback (most recent call last)",
                "c:\\Users\\me\\nb.ipynb Cell 4 line 2\n"
                f"      {link.format(0, 1)} d = {{'a': 1}}\n"
                f"----> {link.format(1, 2)} d['b']\n",
                "KeyError: 'b'",
            ],
        }
    )
    parsed = parse(record)
    assert parsed.user_line.strip() == "d['b']" and parsed.frames[0].is_user, parsed.frames


def test_a_method_read_on_the_users_line_is_called_first():
    text = hint(
        crash(
            "AttributeError",
            "'method' object has no attribute 'shape'",
            "n = df.head.shape",
        )
    )
    assert "`df.head` is a function, not the object it returns" in text, text


# ------------------------------------------------------------ a statement over several lines


def _continued_crash(message: str, first: str, rest: list[str], frame) -> str:
    """The hint of ``message`` raised by a statement whose first line ``first`` Python 3.7
    marks, continued by the lines ``rest``, with a library ``frame`` below it."""
    shown = f"----> 1 {first}\n" + "".join(f"      {i} {r}\n" for i, r in enumerate(rest, 2))
    path, function = frame
    record = {
        "ename": "AttributeError",
        "evalue": message,
        "traceback": [
            "-" * 75,
            "AttributeError                            Traceback (most recent call last)",
            f"<ipython-input-4-1a2b3c4d5e6f> in <module>()\n{shown}",
            f"{path} in {function}(self, name)\n"
            "   5066 return object.__getattribute__(self, name)\n",
            f"AttributeError: {message}",
        ],
        "code": "\n".join([first, *rest]),
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_method_called_on_a_continuation_line_is_the_users_own_read():
    text = _continued_crash(
        "'DataFrame' object has no attribute 'dropall'",
        "sales = (pd.read_csv('sales.csv')",
        ["        .dropall(['id']))", "sales.head()"],
        (f"{SITE}/pandas/core/generic.py", "__getattr__"),
    )
    assert "A library read" not in text and "no method `dropall`" in text, text


def test_an_attribute_no_line_of_the_statement_reads_is_still_a_librarys_read():
    text = _continued_crash(
        "'str' object has no attribute 'dtype'",
        "sales = (pd.read_csv('sales.csv')",
        ["        .astype(kinds))", "sales.head()"],
        (f"{SITE}/pandas/core/generic.py", "astype"),
    )
    assert "A library read `.dtype` of a `str`" in text, text


# ------------------------------------------------------------ a string literal repeated


def test_a_string_literal_times_a_str_repeats_only_by_an_int():
    text = hint(
        crash("TypeError", "can't multiply sequence by non-int of type 'str'", "'-' * str(width)")
    )
    assert "repeats only by an int" in text and "np.array" not in text, text


def test_a_list_times_a_float_keeps_the_numpy_reading():
    text = hint(
        crash(
            "TypeError", "can't multiply sequence by non-int of type 'float'", "cm = inches * 2.54"
        )
    )
    assert "np.array(values) * 2.54" in text, text


# ------------------------------------------------------------ a label the mapping misses


def _replaced_crash(mapping: str, value: str) -> str:
    line = "df['size'] = df['size'].replace(sizes).astype(float)"
    return hint(
        crash(
            "ValueError",
            f"could not convert string to float: '{value}'",
            line,
            [
                (f"{SITE}/pandas/core/generic.py", "astype"),
                (f"{SITE}/pandas/core/dtypes/astype.py", "_astype_nansafe"),
            ],
            code=f"{mapping}\n{line}" if mapping else line,
        )
    )


def test_a_label_the_mapping_does_not_name_is_to_add_to_it():
    text = _replaced_crash("sizes = {\n    'small': 1,\n    'large': 3,  # big ones\n}", "medium")
    assert "'medium' is no key of `sizes`" in text and "to_numeric" not in text, text


def test_a_label_the_mapping_gives_as_text_gets_no_missing_key_reading():
    text = _replaced_crash("sizes = {'S': 'small', 'L': 'large'}", "small")
    assert "no key" not in text and "to_numeric" not in text, text


def test_a_mapping_the_code_does_not_show_gets_the_safe_hint():
    text = _replaced_crash("", "medium")
    assert "no key" not in text and "to_numeric" not in text, text


# ------------------------------------------------------------ a figure of another cell


def _axes_crash(code: str) -> str:
    return hint(
        crash(
            "ValueError",
            "Axes instance argument was not found in a figure",
            code.splitlines()[-1],
            [
                (f"{SITE}/seaborn/axisgrid.py", "FacetGrid.map"),
                (f"{SITE}/matplotlib/pyplot.py", "sca"),
            ],
            code=code,
        )
    )


def test_a_grid_made_in_another_cell_has_no_open_figure():
    text = _axes_crash("grid.map(plt.hist, 'age')")
    assert "inline backend" in text and "`grid`" in text, text


def test_a_grid_made_in_the_same_cell_gets_no_other_cell_reading():
    text = _axes_crash("grid = sns.FacetGrid(df, col='sex')\ngrid.map(plt.hist, 'age')")
    assert "inline backend" not in text, text


# ------------------------------------------------------------ a cell line TensorFlow traced


def _keras_crash(stack: str) -> str:
    message = (
        "in user code:\n\n"
        f"    {SITE}/keras/engine/training.py:853 train_function  *\n"
        "        return step_function(self, iterator)\n"
        f"{stack}"
        f"    {SITE}/tensorflow/python/framework/op_def_library.py:59 _SatisfiesTypeConstraint\n"
        "        raise TypeError(\n\n"
        "    TypeError: Value passed to parameter 'indices' has DataType float32 not in list of "
        "allowed values: int32, int64\n"
    )
    return hint(
        crash(
            "TypeError",
            message,
            "model.fit(X, y, epochs=3)",
            [
                (f"{SITE}/keras/engine/training.py", "Model.fit"),
                (f"{SITE}/tensorflow/python/framework/func_graph.py", "wrapper"),
            ],
        )
    )


def test_a_cell_frame_in_the_traced_stack_is_the_line_to_check():
    text = _keras_crash(
        "    /tmp/ipykernel_71/3302211.py:12 call  *\n"
        "        h = self.encoder(h)  # the pretrained part\n"
        f"    {SITE}/keras/layers/embeddings.py:191 call  *\n"
        "        out = tf.gather(self.embeddings, inputs)\n"
    )
    assert "line 12 of `call`" in text and "`h = self.encoder(h)`" in text, text
    assert "your own code that TensorFlow traced" in text, text
    assert "pass to `model.fit()`" not in text, text


def test_a_traced_stack_of_library_frames_only_names_no_cell_line():
    text = _keras_crash(
        f"    {SITE}/keras/layers/embeddings.py:191 call  *\n"
        "        out = tf.gather(self.embeddings, inputs)\n"
    )
    assert "TensorFlow traced" not in text, text
