"""Templates speak only where their claim holds on this crash (issue 12, eleventh round: graded
hints that were wrong). Each test pairs a crash where a sentence must speak with one where it
must not, or where another, true sentence speaks instead.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

PANDAS_FRAME = f"{SITE}/pandas/core/frame.py"
PANDAS_INDEX = f"{SITE}/pandas/core/indexes/base.py"
SKLEARN = f"{SITE}/sklearn/base.py"

# ------------------------------------------------------------ imports: what the message names


def test_a_circular_import_inside_the_installed_package_is_a_broken_install_not_a_shadow():
    message = (
        "Unable to import required dependencies:\nnumpy: cannot import name 'numeric' from "
        "partially initialized module 'numpy.core' (most likely due to a circular import) "
        f"({SITE}/numpy/core/__init__.py)"
    )
    text = hint(crash("ImportError", message, "import pandas as pd", frames=[(SITE, "x")]))
    assert "`numpy.core`" in text and "reinstall `numpy`" in text, text
    assert "`partially`" not in text and "file of yours has the same name" not in text, text


def test_a_circular_import_of_a_users_file_keeps_the_shadow_reading():
    message = (
        "cannot import name 'array' from partially initialized module 'numpy' (most likely "
        "due to a circular import) (/home/me/work/numpy.py)"
    )
    text = hint(crash("ImportError", message, "from numpy import array"))
    assert "same name as the library" in text, text


def test_the_usual_alias_imported_from_its_module_is_the_module_itself():
    message = (
        "cannot import name 'np' from 'numpy' (/usr/lib/python3/site-packages/numpy/__init__.py)"
    )
    text = hint(crash("ImportError", message, "from numpy import np"))
    assert "`import numpy as np`" in text and "documentation" not in text, text


def test_a_module_pip_cannot_install_asked_by_matplotlibs_backend_names_the_backend():
    frames = [(f"{SITE}/matplotlib/backends/backend_qt4agg.py", "<module>")]
    text = hint(crash("ImportError", "No module named 'PyQt4'", "import matplotlib.pyplot", frames))
    assert "backend" in text and "%pip install PyQt4" not in text, text


# ---------------------------------------------------------------- joining and converting text


@pytest.mark.parametrize(
    ("other", "says", "never"),
    [
        ("range", "`items + list(r)`", "`items + [x]`"),
        ("str", "`[x + s for x in items]`", "NumPy"),
        ("int", "`items + [x]`", "list(r)"),
    ],
)
def test_a_list_joined_with_another_type_gets_the_fix_that_type_needs(other, says, never):
    message = f'can only concatenate list (not "{other}") to list'
    text = hint(crash("TypeError", message, "head = ['a'] + value"))
    assert says in text and never not in text, text


def test_text_joined_with_an_object_is_not_called_a_number():
    message = 'can only concatenate str (not "Tag") to str'
    text = hint(crash("TypeError", message, "out += tag"))
    assert "Text and a number" not in text, text
    number = hint(crash("TypeError", 'can only concatenate str (not "int") to str', "s + n"))
    assert "Text and a number" in number, number


def test_a_whole_frame_reduction_over_a_date_column_asks_for_numeric_only():
    message = "could not convert string to float: '01/02/2021'"
    frames = [
        (PANDAS_FRAME, "DataFrame.median"),
        (PANDAS_FRAME, "DataFrame._reduce"),
        (f"{SITE}/pandas/core/nanops.py", "nanmedian"),
    ]
    text = hint(crash("TypeError", message, "df.median()", frames=frames))
    assert "numeric_only=True" in text and "to_datetime" not in text, text
    series = hint(crash("ValueError", message, "s = df['when'].astype(float)"))
    assert "to_datetime" in series, series


# --------------------------------------------------------------------------------- indexing


def test_a_slice_bound_a_library_made_is_not_blamed_on_the_line():
    message = "slice indices must be integers or None or have an __index__ method"
    frames = [(f"{SITE}/nltk/text.py", "Text.collocations")]
    inside = hint(crash("TypeError", message, "t.collocations('word')", frames=frames))
    assert "slice bound" not in inside, inside
    own = hint(crash("TypeError", message, "a[n / 2:]"))
    assert "slice bound" in own, own


def test_text_labels_given_to_an_index_or_an_array_say_what_was_indexed():
    message = (
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
        "boolean arrays are valid indices"
    )
    index = hint(
        crash("IndexError", message, "df[['a', 'b']]", [(PANDAS_INDEX, "Index.__getitem__")])
    )
    assert "`df` is a pandas Index" in index and "int(...)" not in index, index
    array = hint(crash("IndexError", message, "X['price']"))
    assert "`X` is a NumPy array" in array, array
    number = hint(crash("IndexError", message, "a[i / 2]"))
    assert "int(...)" in number, number


def test_a_tuple_given_numpy_style_indexing_names_both_readings():
    message = "tuple indices must be integers or slices, not tuple"
    text = hint(crash("TypeError", message, "img = result[:, :, 5]"))
    assert "`x[0]`" in text and "np.array" in text, text


def test_a_list_indexed_by_text_with_a_variable_index_too_names_both_suspects():
    message = "list indices must be integers or slices, not str"
    both = hint(crash("TypeError", message, 'print(d["items"][k]["name"])'))
    assert '`["items"]`' in both and "`k`" in both, both
    one = hint(crash("TypeError", message, 'rows["name"]'))
    assert "indexed by name" in one, one


# --------------------------------------------------------------------- models and features


def _with_cells(parsed, *cells):
    return replace(parsed, notebook_code=cells)


def test_columns_missing_at_predict_are_not_selected_with_the_fit_columns():
    message = (
        "The feature names should match those that were passed during fit.\n"
        "Feature names seen at fit time, yet now missing:\n- Score\n"
    )
    text = hint(crash("ValueError", message, "gb.predict(data)", frames=[(SKLEARN, "predict")]))
    assert "`data` lacks" in text and "X_train.columns" not in text, text


def test_new_columns_at_predict_name_the_models_fit_columns():
    message = (
        "The feature names should match those that were passed during fit.\n"
        "Feature names unseen at fit time:\n- Extra\n"
    )
    text = hint(crash("ValueError", message, "knn.predict(X)", frames=[(SKLEARN, "predict")]))
    assert "`X[knn.feature_names_in_]`" in text, text


def test_a_model_fitted_in_two_cells_is_named_before_any_transform_advice():
    message = "X has 1 features, but LinearRegression is expecting 4 features as input."
    parsed = crash("ValueError", message, "reg.predict([[3]])", frames=[(SKLEARN, "predict")])
    twice = hint(_with_cells(parsed, "reg.fit(X1, y1)", "reg.fit(X2, y2)", "reg.predict([[3]])"))
    assert "more than one cell" in twice and ".fit_transform" not in twice, twice
    once = hint(_with_cells(parsed, "reg.fit(X1, y1)", "reg.predict([[3]])"))
    assert ".fit_transform" not in once and "same columns" in once, once
    scaled = hint(_with_cells(parsed, "Xs = sc.fit_transform(X)", "reg.fit(Xs, y)"))
    assert ".fit_transform" in scaled, scaled


# ---------------------------------------------------------------------- arguments and values


def test_a_field_of_an_objects_repr_in_the_message_is_no_argument_it_names():
    message = (
        'Expected input tensor Tensor("split:0", shape=(), dtype=int32) to have rank at least 2'
    )
    frames = [(f"{SITE}/tensorflow/python/ops/rnn.py", "dynamic_rnn")]
    text = hint(crash("ValueError", message, "rnn(cell=c, inputs=x, dtype=tf.float32)", frames))
    assert "Check `dtype=" not in text, text


def test_an_in_place_write_inside_a_library_is_not_blamed_on_the_line():
    message = (
        "non-broadcastable output operand with shape (10,1) doesn't match the broadcast "
        "shape (10,7)"
    )
    frames = [(f"{SITE}/sklearn/preprocessing/_data.py", "MinMaxScaler.inverse_transform")]
    inside = hint(crash("ValueError", message, "sc.inverse_transform(pred)", frames=frames))
    assert "+=" not in inside, inside
    own = hint(crash("ValueError", message, "a += b"))
    assert "+=" in own, own


def test_columns_passed_to_a_method_of_an_index_mean_the_frame_was_replaced():
    message = "Index.rename() got an unexpected keyword argument 'columns'"
    text = hint(crash("TypeError", message, "df.rename(columns={'a': 'b'})"))
    assert "`df` holds a pandas Index" in text and "spelling" not in text, text


def test_a_keyword_renamed_in_the_users_call_is_named_there_not_in_the_internal_one():
    message = "DatetimeArray._generate_range() got an unexpected keyword argument 'closed'"
    frames = [(f"{SITE}/pandas/core/indexes/datetimes.py", "date_range")]
    line = "pd.date_range(start, periods=5, closed='right')"
    text = hint(crash("TypeError", message, line, frames=frames))
    assert "`pd.date_range()`" in text and "inclusive" in text, text


def test_plotly_compares_the_received_value_not_the_property_name_with_the_allowed_names():
    message = (
        "\n    Invalid value of type 'builtins.str' received for the 'colorscale' property of "
        "heatmap\n        Received value: 'Bluez'\n\n    The 'colorscale' property is a "
        "colorscale and may be\n    specified as:\n      - One of the following named "
        "colorscales:\n            ['blues', 'greens', 'reds', 'colorscales']\n"
    )
    frames = [(f"{SITE}/_plotly_utils/basevalidators.py", "validate_coerce")]
    text = hint(crash("ValueError", message, "fig = go.Figure(data=[d])", frames=frames))
    assert "`blues`" in text and "`colorscales`" not in text, text


# -------------------------------------------------------------------------- files and syntax


def test_a_file_the_notebook_writes_about_in_korean_gets_the_korean_code_page():
    message = "'utf-8' codec can't decode byte 0xb1 in position 0: invalid start byte"
    line = "df = pd.read_csv('매출.csv')"
    parsed = crash("UnicodeDecodeError", message, line, frames=[(PANDAS_FRAME, "read")])
    text = hint(parsed)
    assert "cp949" in text and "latin-1" not in text, text
    plain = hint(crash("UnicodeDecodeError", message, "df = pd.read_csv('sales.csv')"))
    assert "latin-1" in plain, plain


def test_a_pickle_read_from_a_file_opened_as_text_needs_binary_mode():
    message = "'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte"
    code = "f = open('model.pkl', 'r')\nm = pickle.load(f)"
    parsed = crash("UnicodeDecodeError", message, "m = pickle.load(f)", code=code)
    text = hint(parsed)
    assert "'rb'" in text and "read_csv" not in text, text


def test_a_cell_ending_with_a_backslash_is_no_unclosed_bracket():
    text = hint(crash("SyntaxError", "incomplete input", "\\"))
    assert "backslash" in text and "bracket" not in text, text
    bracket = hint(crash("SyntaxError", "'(' was never closed", "print((1, 2)"))
    assert "bracket" in bracket, bracket


def test_a_banner_of_words_and_symbols_is_a_note_to_comment_out():
    message = "invalid character '⚠' (U+26A0)"
    text = hint(crash("SyntaxError", message, "⚠️ WARNING DO NOT RUN ⚠️"))
    assert "`#`" in text and "retype" not in text, text
    code = hint(crash("SyntaxError", message, "x = 5 ⚠ 2"))
    assert "`#`" not in code, code


# ------------------------------------------------------------------ the notebook's own code


def test_parentheses_after_prints_call_call_its_none():
    text = hint(crash("TypeError", "'NoneType' object is not callable", "print(x.shape) (4, 8)"))
    assert "`print(...)` returns None" in text and "`(4, 8)`" in text, text
    plain = hint(crash("TypeError", "'NoneType' object is not callable", "result = fn(3)"))
    assert "returns None, and" not in plain, plain


def _raw(ename, message, *blocks, code=""):
    """A crash from IPython's blocks as written (a cell, then frames with their lines)."""
    out = [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        *blocks,
        f"{ename}: {message}",
    ]
    return parse(ErrorRecord(ename=ename, evalue=message, traceback=tuple(out), code=code))


def test_a_notebook_subclass_whose_base_reads_an_unset_attribute_calls_super_init():
    parsed = _raw(
        "AttributeError",
        "'MyBatches' object has no attribute 'n'",
        "Cell In[6], line 1\n----> 1 model.fit(batches)\n",
        f"File {SITE}/keras_preprocessing/image/iterator.py:68, in Iterator.__len__(self)\n"
        "---> 68 return (self.n + self.batch_size - 1) // self.batch_size\n",
        code="model.fit(batches)",
    )
    cells = ("class MyBatches(Iterator):\n    def __init__(self, d):\n        self.d = d",)
    text = hint(_with_cells(parsed, *cells))
    assert "super().__init__" in text and "`MyBatches`" in text, text
    alone = hint(parsed)
    assert "super().__init__" not in alone, alone


def test_a_table_the_notebook_creates_is_named_with_the_cell_that_creates_it():
    line = "cur.execute('insert into visits select * from raw')"
    parsed = crash("OperationalError", "no such table: visits", line)
    created = hint(_with_cells(parsed, "cur.execute('CREATE TABLE visits (id int)')", line))
    assert "CREATE TABLE" in created and "path" not in created, created
    column = hint(crash("OperationalError", "no such column: Paris", "cur.execute(q)"))
    assert "`Paris`" in column and "path" not in column, column


def test_a_stop_signal_raised_in_a_callback_a_library_called_is_no_condition_to_print():
    parsed = _raw(
        "StopIteration",
        "",
        "Cell In[4], line 1\n----> 1 minimize(f, x0, callback=cb)\n",
        f"File {SITE}/scipy/optimize/_optimize.py:857, in _minimize_neldermead(func)\n"
        "--> 857     callback(sim[0])\n",
        "Cell In[3], line 3, in cb(xk)\n      2 if f(xk) < 0.5:\n----> 3     raise StopIteration\n",
    )
    text = hint(parsed)
    assert "stop" in text and "Print the values the condition" not in text, text


def test_a_cancelled_dask_task_is_no_message_to_search_for():
    frames = [(f"{SITE}/distributed/client.py", "Client._gather")]
    line = "ds.to_netcdf('out.nc')"
    text = hint(crash("CancelledError", "store-6f1c2a8e-11e9-ae24", line, frames=frames))
    assert "cancelled" in text and "search for it" not in text, text


def test_a_local_assigned_above_only_in_a_branch_is_no_global_to_declare():
    parsed = _raw(
        "UnboundLocalError",
        "local variable 'best' referenced before assignment",
        "Cell In[5], line 1\n----> 1 step(-1)\n",
        "Cell In[4], line 6, in step(x)\n----> 6     return best\n",
        code="step(-1)",
    )
    branch = (
        "def step(x):\n    if x > 0:\n        best = x\n    else:\n        y = -x\n    return best"
    )
    text = hint(_with_cells(parsed, branch, "step(-1)"))
    assert "every branch" in text and "global" not in text, text
    after = hint(_with_cells(parsed, "def step(x):\n    return best\n    best = 1"))
    # no `best` outside the function: `global best` would fail too, the assignment comes late
    assert "every branch" not in after and "comes later" in after, after
    outer = hint(_with_cells(parsed, "best = 0", "def step(x):\n    return best\n    best = 1"))
    assert "global" in outer, outer


def test_a_key_error_for_an_options_value_names_the_keyword_not_a_column():
    line = "pd.merge(a, b, on='id', how='natural')"
    frames = [(f"{SITE}/pandas/core/reshape/merge.py", "merge")]
    text = hint(crash("KeyError", "'natural'", line, frames=frames))
    assert "`how='natural'`" in text and "columns" not in text, text
    column = hint(crash("KeyError", "'price'", "df.sort_values(by='price')", frames=frames))
    assert "`how" not in column, column


def test_a_word_passed_where_an_integer_goes_is_not_to_be_parsed_with_int():
    message = "'str' object cannot be interpreted as an integer"
    word = hint(crash("TypeError", message, "print(chr('Python'))"))
    assert "holds no number" in word and "int(...)" not in word, word
    typed = hint(crash("TypeError", message, "range(input('How many? '))"))
    assert "int(...)" in typed, typed


# ------------------------------------------------------------------ plots, layers and models


def test_a_slice_of_several_columns_plotted_against_one_is_named():
    frames = [(f"{SITE}/matplotlib/axes/_axes.py", "Axes.scatter")]
    message = "x and y must be the same size"
    wide = hint(crash("ValueError", message, "plt.scatter(d[:, 1:3], d[:, 4])", frames=frames))
    assert "`d[:, 1:3]`" in wide and "range(len(y))" not in wide, wide
    one = hint(crash("ValueError", message, "plt.scatter(x, y)", frames=frames))
    # scatter compares sizes, not lengths: a 2-D x of as many rows fails too
    assert "same rows" in one and "range(len(y))" not in one, one


def test_keras_layers_given_where_tensors_go_are_named_as_layers():
    message = (
        "Layer concatenate_1 was called with an input that isn't a symbolic tensor. Received "
        "type: <class 'keras.layers.core.Dense'>. Full input: [<keras.layers.core.Dense object "
        "at 0x7f>]. All inputs to the layer should be tensors."
    )
    frames = [(f"{SITE}/keras/engine/base_layer.py", "Layer.__call__")]
    text = hint(crash("ValueError", message, "concatenate([a, b])", frames=frames))
    assert "`Dense` layers themselves" in text and "`.dtype`" not in text, text


def test_a_grouping_inside_brackets_asks_for_its_aggregation():
    frames = [(PANDAS_FRAME, "DataFrame.__getitem__")]
    message = "unhashable type: 'DataFrame'"
    grouped = hint(crash("TypeError", message, "df[df.groupby('kind')]", frames=frames))
    assert ".sum()" in grouped and "tuple" not in grouped, grouped
    frame = hint(crash("TypeError", message, "counts[other]", frames=frames))
    assert "column's name" in frame and "tuple" not in frame, frame
    listed = hint(crash("TypeError", "unhashable type: 'list'", "d[[1, 2]] = 3"))
    assert "tuple" in listed, listed


def test_text_given_to_a_models_predict_or_fit_says_which_text():
    frames = [(SKLEARN, "predict")]
    labels = "could not convert string to float: 'setosa'"
    swapped = hint(crash("ValueError", labels, "knn.predict(y_test)", frames=frames))
    assert "the labels" in swapped and "one-hot" not in swapped, swapped
    sentence = "could not convert string to float: 'the food was great and the staff kind'"
    fits = [(SKLEARN, "fit")]
    fitted = hint(crash("ValueError", sentence, "nb.fit(X_train, y_train)", frames=fits))
    assert "Vectorizer" in fitted and "one-hot" not in fitted, fitted
    category = hint(crash("ValueError", labels, "knn.fit(X, y)", frames=fits))
    assert "one-hot" in category, category


def test_a_fitted_attribute_of_a_model_another_cell_fits_names_the_version_reading():
    message = "'MLPClassifier' object has no attribute 'n_outputs_'"
    parsed = crash("AttributeError", message, "mlp.n_outputs_")
    other = hint(_with_cells(parsed, "mlp.fit(X, y)", "mlp.n_outputs_"))
    assert "if it ran" in other and "call `mlp.fit" not in other, other
    alone = hint(_with_cells(parsed, "mlp = MLPClassifier()", "mlp.n_outputs_"))
    assert "call `mlp.fit(...)`" in alone, alone


def test_a_column_encoded_in_place_names_the_second_run():
    frames = [(f"{SITE}/sklearn/preprocessing/_label.py", "LabelEncoder.transform")]
    message = "y contains previously unseen labels: 4"
    line = "df['level'] = le.transform(df['level'])"
    twice = hint(crash("ValueError", message, line, frames=frames))
    assert "ran before" in twice and "train and test" not in twice, twice
    other = hint(crash("ValueError", message, "t = le.transform(test['level'])", frames=frames))
    assert "train and test" in other, other


def test_a_misspelled_method_rebinding_its_own_name_is_no_second_run():
    message = "'DataFrame' object has no attribute 'sort_value'"
    text = hint(crash("AttributeError", message, "qm = qm.sort_value('score')"))
    assert "`sort_values`" in text and "ran before" not in text, text
    values = hint(
        crash("AttributeError", "'numpy.ndarray' object has no attribute 'values'", "X = X.values")
    )
    assert "ran before" in values, values


# ---------------------------------------------------------------------------------- keys


def test_a_key_missing_after_an_empty_slice_names_the_slice():
    frames = [(PANDAS_FRAME, "DataFrame.sort_values")]
    line = "df[df.columns[9:4]].mean().sort_values(by='Total')"
    text = hint(crash("KeyError", "'Total'", line, frames=frames))
    assert "`df.columns[9:4]` is empty" in text and "spelling" not in text, text
    plain = hint(crash("KeyError", "'Total'", "df[df.columns[4:9]]['Total']", frames=frames))
    assert "is empty" not in plain, plain


def test_a_key_a_library_looked_up_in_its_own_frame_is_no_column_of_the_user():
    frames = [
        (f"{SITE}/plotnine/ggplot.py", "ggplot.draw"),
        (f"{SITE}/plotnine/stats/stat_ydensity.py", "stat_ydensity.compute_group"),
        (PANDAS_FRAME, "DataFrame.__getitem__"),
    ]
    line = "plot.draw()"
    code = "plot = ggplot(df, aes(x='group', y='value')) + geom_violin()\nplot.draw()"
    text = hint(crash("KeyError", "'x'", line, frames=frames, code=code))
    assert "columns of the DataFrames you pass" not in text and "`x=" not in text, text
    named = hint(crash("KeyError", "'value'", line, frames=frames, code=code))
    assert "columns of the DataFrames you pass" in named, named


def test_a_name_the_notebook_reads_only_as_a_column_is_told_as_one():
    from tests.test_notebook_analyse import make, run

    cells = ["df = load()\nprint(df['CT'])", "def f(CT):\n    return CT", "CT.split()"]
    missing = ("NameError", "name 'CT' is not defined")
    column = run(make(cells, "1 2 3", error=missing, failing_line="CT.split()"))
    assert column is not None and "`df['CT']`" in column.hint, column
    param = run(make(["def g(x):\n    return x * 2", "print(x)"], "1 2"))
    assert param is not None and "is a parameter of `g()`" in param.hint, param


def test_a_column_holding_its_own_name_has_header_rows_to_drop():
    message = "invalid literal for int() with base 10: 'Units'"
    frames = [(f"{SITE}/pandas/core/dtypes/astype.py", "astype_array")]
    text = hint(crash("ValueError", message, "df['Units'] = df['Units'].astype(int)", frames))
    assert "`df = df[df['Units'] != 'Units']`" in text, text
    other = hint(crash("ValueError", message, "df['Qty'] = df['Qty'].astype(int)", frames))
    assert "own name" not in other, other
