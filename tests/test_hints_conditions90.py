"""Type, value, shape, index, key and attribute hints whose claim did not hold on the crash
(session 18b): a PySpark Column or DataFrame taken for pandas', a set given to `DataFrame.add`,
an index assigned over, pandas' own column lookup, a method given the missing label, a column
moved into the index, OpenCV's pair stored over its image, a statement over several lines,
text placed far off a plot, a method's known result type, strings met inside a function, a
column of another frame, a shuffle that keeps the length, a sample typed on the line, words.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from dataclasses import replace

from jupyterlab_nbcrash.diagnosis.saved import _change_keeps_what_failed
from tests.test_hints_args import crash, hint

_SPARK = "/opt/spark/python/pyspark/sql/dataframe.py"
_PANDAS_FRAME = "/env/lib/python3.11/site-packages/pandas/core/frame.py"
_PANDAS_GENERIC = "/env/lib/python3.11/site-packages/pandas/core/generic.py"
_PANDAS_BASE = "/env/lib/python3.11/site-packages/pandas/core/indexes/base.py"
_PANDAS_MANAGERS = "/env/lib/python3.11/site-packages/pandas/core/internals/managers.py"
_PANDAS_BOXPLOT = "/env/lib/python3.11/site-packages/pandas/plotting/_matplotlib/boxplot.py"
_SEABORN = "/env/lib/python3.11/site-packages/seaborn/categorical.py"
_AGG = "/env/lib/python3.11/site-packages/matplotlib/backends/backend_agg.py"
_SKLEARN = "/env/lib/python3.11/site-packages/sklearn/utils/validation.py"
_LINEAR = "/env/lib/python3.11/site-packages/sklearn/linear_model/_base.py"


def _hint_below(ename: str, message: str, line: str, path: str, function: str) -> str:
    """The hint of a crash whose line called into one library frame."""
    return hint(crash(ename, message, line, frames=[(path, function)]))


# ------------------------------------------------------------ a PySpark Column's member


def test_a_member_of_a_spark_column_is_no_method_of_it():
    code = "from pyspark.sql import SparkSession\ndf = spark.read.csv('sms.csv')\n"
    line = "df['tag'] = df.kind.map({'ham': 0, 'spam': 1})"
    text = hint(crash("TypeError", "'Column' object is not callable", line, code=code + line))
    assert "PySpark Column" in text and "F.when" in text and "without the `()`" not in text, text


def test_a_column_of_another_library_gets_no_spark_advice():
    line = "total = table.price.sum()"
    text = hint(crash("TypeError", "'Column' object is not callable", line))
    assert "PySpark" not in text and "without the `()`" not in text, text


# ------------------------------------------------------------------- a PySpark DataFrame


_APLLY = ("AttributeError", "'DataFrame' object has no attribute 'aplly'", "df = df.aplly(f)")


def test_a_spark_dataframe_is_not_called_a_pandas_one():
    text = _hint_below(*_APLLY, _SPARK, "__getattr__")
    assert "PySpark's, not pandas'" in text and "Did you mean" not in text, text


def test_a_pandas_dataframe_still_gets_the_close_method():
    text = _hint_below(*_APLLY, _PANDAS_GENERIC, "__getattr__")
    assert "PySpark" not in text and "apply" in text, text


# ------------------------------------------------------ a set given to DataFrame arithmetic


def test_a_list_like_of_the_wrong_length_is_paired_with_the_columns():
    line = 'cars.add({"Doors", 4})'
    message = "Unable to coerce to Series, length must be 5: given 2"
    text = _hint_below("ValueError", message, line, _PANDAS_FRAME, "to_series")
    assert "the 5 columns" in text and "df['name'] = value" in text, text
    assert ".shape" not in text, text


def test_another_length_message_still_asks_for_shapes():
    line = "df['b'] = values"
    message = "Length of values (3) does not match length of index (4)"
    text = _hint_below("ValueError", message, line, _PANDAS_FRAME, "_set_item")
    assert "the 5 columns" not in text and "coerce" not in text.split(":")[-1], text


# ------------------------------------------------------------- an index assigned over


def test_an_index_assigned_over_is_named_before_iloc():
    code = "s = pd.DataFrame({'c': [1, 2, 3]})\ns.index = t.index\ns['c'][2]"
    text = hint(crash("KeyError", "2", "s['c'][2]", frames=[(_PANDAS_BASE, "get_loc")], code=code))
    assert "`s.index = ...`" in text and "`.iloc[2]` for" not in text, text


def test_a_filtered_frame_keeps_the_iloc_hint():
    code = "s = df[df.a > 1]\ns['c'][2]"
    text = hint(crash("KeyError", "2", "s['c'][2]", frames=[(_PANDAS_BASE, "get_loc")], code=code))
    assert "gave `s` other row labels" not in text, text


# ------------------------------------------------------------ pandas' own column lookup

_ONLY_INTEGER = "only integer scalar arrays can be converted to a scalar index"


def test_an_error_of_pandas_column_lookup_asks_for_no_integer():
    frames = [(_PANDAS_FRAME, "__getitem__"), (_PANDAS_MANAGERS, "iget")]
    text = hint(crash("TypeError", _ONLY_INTEGER, "n = len(x['alcohol'])", frames=frames))
    assert "pass one number" not in text, text


def test_an_array_as_an_index_on_the_line_is_still_told():
    text = hint(crash("TypeError", _ONLY_INTEGER, "item = values[idx]"))
    # a line that calls nothing: the list indexed by the array is named (conditions96)
    assert "`values` is a Python list" in text and "mask like `idx`" in text, text


# ---------------------------------------------------------- a method given the missing label


def test_a_method_of_the_frame_looked_the_label_up_in_it():
    line = "df.pivot(index='date', columns='index')"
    message = "\"None of ['index'] are in the columns\""
    text = _hint_below("KeyError", message, line, _PANDAS_FRAME, "set_index")
    assert "`df.pivot(...)` looked up 'index'" in text and "another frame" not in text, text


def test_boxplot_keeps_only_numeric_columns():
    line = "df2.boxplot('Price')"
    message = "\"None of [Index(['Price'], dtype='object')] are in the [columns]\""
    frames = [(_PANDAS_BOXPLOT, "boxplot"), (_PANDAS_FRAME, "__getitem__")]
    text = hint(crash("KeyError", message, line, frames=frames))
    assert "only the numeric columns" in text and "df2.dtypes" in text, text


def test_a_subscript_of_missing_columns_keeps_the_frame_hint():
    line = "df[['Price', 'Size']]"
    message = "\"None of [Index(['Price', 'Size'], dtype='object')] are in the [columns]\""
    text = _hint_below("KeyError", message, line, _PANDAS_FRAME, "__getitem__")
    assert "looked up" not in text and "df.columns" in text, text


# --------------------------------------------------------- a column moved into the index


def test_a_column_made_the_index_is_no_column_any_more():
    code = (
        "df = pd.DataFrame(d)\ndf.set_index('Names', inplace=True)\nplt.bar(df['Names'], df['M'])"
    )
    frames = [(_PANDAS_FRAME, "__getitem__"), (_PANDAS_BASE, "get_loc")]
    text = hint(crash("KeyError", "'Names'", "plt.bar(df['Names'], df['M'])", frames, code))
    assert "moved 'Names' from the columns into the index" in text, text


def test_set_index_without_inplace_leaves_the_column():
    code = "df = pd.DataFrame(d)\ndf.set_index('Names')\nplt.bar(df['Names'], df['M'])"
    frames = [(_PANDAS_FRAME, "__getitem__"), (_PANDAS_BASE, "get_loc")]
    text = hint(crash("KeyError", "'Names'", "plt.bar(df['Names'], df['M'])", frames, code))
    assert "into the index" not in text, text


# -------------------------------------------------------- OpenCV's pair stored over its image

_UMAT = "Expected Ptr<cv::UMat> for argument 'src'"


def test_a_threshold_pair_stored_over_its_image_is_told_to_unpack():
    line = "mask = cv2.threshold(mask, 127, 255, cv2.THRESH_BINARY)"
    text = hint(crash("TypeError", _UMAT, line))
    assert "`_, mask = cv2.threshold(...)`" in text, text


def test_a_threshold_into_another_name_keeps_the_image_hint():
    line = "mask = cv2.threshold(gray, 127, 255, cv2.THRESH_BINARY)"
    text = hint(crash("TypeError", _UMAT, line))
    assert "returns a pair" not in text, text


# ---------------------------------------------------- the last line of a statement over lines


def test_the_last_line_of_a_call_over_several_lines_is_not_quoted_alone():
    code = "clf.train(\n    input_fn=make_input,\n    steps=5000\n)"
    record = crash(
        "ValueError", "Dimensions must be equal, but are 2 and 3", "steps=5000", (), code
    )
    text = hint(record)
    assert "`steps=5000` raised" not in text, text


def test_a_line_of_its_own_is_still_quoted():
    text = hint(crash("ValueError", "Dimensions must be equal, but are 2 and 3", "y = f(x)"))
    assert "`y = f(x)` raised" in text, text


# ----------------------------------------------------------- text placed far off a plot

_TOO_LARGE = "Image size of 886x1886679 pixels is too large. It must be less than 2^16 in each "


def test_text_placed_on_the_plot_is_named_when_the_image_grows_too_large():
    code = "plt.plot(y)\nplt.text(4, 1800, 'RMSE')\nplt.show()"
    frames = [(_AGG, "RendererAgg.__init__")]
    text = hint(crash("ValueError", _TOO_LARGE + "direction.", "plt.show()", frames, code))
    assert "`plt.text(x, y, ...)`" in text and "NaN" not in text, text


def test_a_plot_without_text_keeps_the_data_range_hint():
    code = "plt.plot(y)\nplt.show()"
    frames = [(_AGG, "RendererAgg.__init__")]
    text = hint(crash("ValueError", _TOO_LARGE + "direction.", "plt.show()", frames, code))
    assert "places text" not in text, text


# ----------------------------------------------------- a method's known result type


def test_unique_gives_no_list_so_no_second_run_made_one():
    line = "tags = tags.unique()"
    text = hint(crash("AttributeError", "'list' object has no attribute 'unique'", line))
    assert "if the cell ran before" not in text, text


def test_tolist_gives_a_list_which_a_second_run_meets():
    line = "ids = ids.tolist()"
    text = hint(crash("AttributeError", "'list' object has no attribute 'tolist'", line))
    assert "if the cell ran before" in text, text


# ---------------------------------------------------------- strings met inside a function

_TWO_STRINGS = "unsupported operand type(s) for -: 'str' and 'str'"


def _in_function(line: str) -> str:
    out = [
        "---------------------------------------------------------------------------",
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[5], line 1\n----> 1 predict(test, train)\n",
        "Cell In[4], line 3, in distance(a, b)\n      2 total = 0\n----> 3 " + line + "\n",
        f"TypeError: {_TWO_STRINGS}",
    ]
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
    from jupyterlab_nbcrash.diagnosis.traceback import parse

    record = ErrorRecord(
        ename="TypeError", evalue=_TWO_STRINGS, traceback=tuple(out), code="predict(test, train)"
    )
    return hint(parse(record))


def test_strings_subtracted_inside_a_function_get_no_conversion_advice():
    text = _in_function("total += (a[i] - b[i]) ** 2")
    assert "float(...)" not in text, text


def test_strings_subtracted_in_the_cell_are_told_to_convert():
    text = hint(crash("TypeError", _TWO_STRINGS, "gap = end - start"))
    assert "float(...)" in text, text


# ------------------------------------------------------------- a column of another frame

_INTERPRET = "Could not interpret input 'churn'"


def test_a_column_of_another_frame_is_named_for_seaborn():
    line = "sns.barplot(data=raw, x='plan', y='cost', hue='churn')"
    code = f"clean['churn'].mean()\n{line}"
    frames = [(_SEABORN, "establish_variables")]
    text = hint(crash("ValueError", _INTERPRET, line, frames, code))
    assert "`clean['churn']`" in text and "data=clean" in text, text


def test_a_column_the_frame_itself_reads_is_no_other_frames():
    line = "sns.barplot(data=raw, x='plan', y='cost', hue='churn')"
    code = f"raw['churn'].mean()\n{line}"
    frames = [(_SEABORN, "establish_variables")]
    text = hint(crash("ValueError", _INTERPRET, line, frames, code))
    assert "from another frame" not in text, text


# --------------------------------------------------------- a shuffle keeps the length

_SAMPLES = "Found input variables with inconsistent numbers of samples: [57, 100]"


def test_a_shuffle_cannot_change_a_count_of_samples():
    assert _change_keeps_what_failed("y = shuffle(y)", set(), _SAMPLES)
    assert _change_keeps_what_failed("df = df.sample(frac=1)", set(), _SAMPLES)


def test_a_filter_can_change_a_count_of_samples():
    assert not _change_keeps_what_failed("y = y[y > 0]", set(), _SAMPLES)
    assert not _change_keeps_what_failed("y = shuffle(x)", set(), _SAMPLES)


# ------------------------------------------------------- a sample typed on the line

_FEATURES = "X has 3 features, but LinearRegression is expecting 2 features as input."


def _predicted_after_two_fits(line: str) -> str:
    frames = [(_LINEAR, "predict"), (_SKLEARN, "_check_n_features")]
    parsed = crash("ValueError", _FEATURES, line, frames, f"x = 1\n{line}")
    return hint(replace(parsed, notebook_code=("model.fit(x, y)", "model.fit(X, y)", line)))


def test_a_sample_typed_on_the_line_names_both_readings():
    text = _predicted_after_two_fits("model.predict([[0, 1, 3400]])")
    assert "`[[0, 1, 3400]]` holds 3 values" in text and "lost a column" in text, text


def test_a_sample_of_another_count_on_the_line_is_not_blamed():
    text = _predicted_after_two_fits("model.predict([[0, 1]])")
    assert "holds 2 values" not in text and "more than one cell" in text, text


# ------------------------------------------------------------------ words, not a number

_WORDS = "could not convert string to float: 'Mrs. Jane Anne Doe'"


def test_words_get_no_coercion_advice():
    frames = [(_SKLEARN, "check_array")]
    text = hint(crash("ValueError", _WORDS, "rfe.fit(X_train, y_train)", frames))
    assert "is words, not a number" in text and "to_numeric" not in text, text


def test_a_single_word_keeps_the_encoding_hint():
    frames = [(_SKLEARN, "check_array")]
    message = "could not convert string to float: 'female'"
    text = hint(crash("ValueError", message, "rfe.fit(X_train, y_train)", frames))
    assert "is words, not a number" not in text, text
