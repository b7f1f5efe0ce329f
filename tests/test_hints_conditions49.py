"""Speak-only-when pairs for value, type and index templates that said something false on
crashes their conditions let through (written here by hand):

- A 1-D X that comes from a pandas column (directly or through `train_test_split`) has no
  `.reshape`: its one-column frame is offered.
- check_array's single value that is text: `[[value]]` fails again; the features are made first.
- `pd.DataFrame(dfs)` of a list of tables: join them, not reshape.
- `arr[0, 0] = 'Hello'` stores text into an array of numbers: no quoted name of data.
- `if frame == "text":` compares every value with the text: no `&`/`|` advice.
- `[1,2][2,3]`: a list literal indexed, a missing comma between rows.
- `arr[1, -0.1]`: a float written as an index; `int(-0.1)` is 0, not the last item.
- Python's `sum()` of text starts from 0: no `pd.to_numeric`.
- Keras's data adapter got None: a variable holds None (`x = np.random.shuffle(x)` is named).
- `scoring='precision'` takes no `average`: the scorer's name carries it.
- A plot whose one side is empty: no `range(len(y))` that hides it.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint

SITE = "/opt/conda/lib/python3.10/site-packages"
_RESHAPE = (
    "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
    "array.reshape(1, -1) if it contains a single sample."
)
_CHECK_ARRAY = [
    (f"{SITE}/sklearn/base.py", "fit_transform"),
    (f"{SITE}/sklearn/utils/validation.py", "check_array"),
]


def _sklearn_2d(code: str, printed: str, got: str = "1D") -> str:
    message = f"Expected 2D array, got {got} array instead:\narray={printed}.\n{_RESHAPE}"
    return hint(crash("ValueError", message, code.splitlines()[-1], _CHECK_ARRAY, code=code))


_SPLIT_OF_A_COLUMN = (
    "y = df['tip']\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)\n"
)


def test_a_part_split_from_a_pandas_column_is_not_told_to_reshape_itself():
    text = _sklearn_2d(_SPLIT_OF_A_COLUMN + "pt.fit_transform(y_train)", "[1.5 2.  3.5]")
    assert "`y_train.to_frame()`" in text and "`df['tip']`" in text, text
    assert "y_train.reshape(" not in text, text


def test_a_part_made_an_array_again_keeps_the_reshape_advice():
    code = _SPLIT_OF_A_COLUMN + "y_train = y_train.to_numpy()\npt.fit_transform(y_train)"
    text = _sklearn_2d(code, "[1.5 2.  3.5]")
    assert "`y_train.reshape(-1, 1)`" in text and "to_frame" not in text, text


def test_a_single_text_value_is_not_wrapped_as_it_is():
    text = _sklearn_2d("clf.fit_transform(reviews[3])", "great movie, would watch again", "scalar")
    assert "[[value]]" not in text and ".transform([text])" in text, text


def test_a_single_number_is_still_wrapped():
    text = _sklearn_2d("clf.fit_transform(x[3])", "4.5", "scalar")
    assert "`[[value]]`" in text, text


_FRAME_FRAMES = [
    (f"{SITE}/pandas/core/frame.py", "DataFrame.__init__"),
    (f"{SITE}/pandas/core/internals/construction.py", "_prep_ndarray"),
]


def test_a_list_of_tables_is_joined_not_reshaped():
    code = (
        "parts = []\nfor f in files:\n    parts.append(pd.read_csv(f))\nrows = pd.DataFrame(parts)"
    )
    message = "Must pass 2-d input. shape=(3, 120, 7)"
    text = hint(crash("ValueError", message, "rows = pd.DataFrame(parts)", _FRAME_FRAMES, code))
    assert "`pd.concat(parts)`" in text and "reshape" not in text, text


def test_a_three_dimensional_array_is_still_reshaped():
    message = "Must pass 2-d input. shape=(3, 120, 7)"
    text = hint(crash("ValueError", message, "table = pd.DataFrame(images)", _FRAME_FRAMES))
    assert "reshape" in text and "concat" not in text, text


def test_text_stored_into_an_array_item_is_no_quoted_name_of_data():
    stored = hint(crash("ValueError", "invalid literal for int() with base 10: 'Hello'", _STORE))
    assert "dtype=object" in stored and "df['Hello']" not in stored, stored
    passed = hint(crash("ValueError", "could not convert string to float: 'price'", _PASS))
    assert "df['price']" in passed, passed


_STORE, _PASS = "grid[0, 0] = 'Hello'", "total = float('price')"


_TRUTH = (
    "The truth value of a DataFrame is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or "
    "a.all()."
)
_TRUTH_FRAMES = [(f"{SITE}/pandas/core/generic.py", "NDFrame.__nonzero__")]


def test_a_frame_compared_with_a_string_gets_no_and_or_advice():
    text = hint(crash("ValueError", _TRUTH, 'if group_df == "Group by city":', _TRUTH_FRAMES))
    assert "`&`" not in text and "`group_df`" in text, text


def test_conditions_joined_by_and_still_get_the_operators():
    line = "if df['a'] > 1 and df['b'] == 'x':"
    text = hint(crash("ValueError", _TRUTH, line, _TRUTH_FRAMES))
    assert "`&`" in text, text


_LIST_TUPLE = "list indices must be integers or slices, not tuple"


def test_a_list_literal_indexed_is_a_missing_comma_between_rows():
    text = hint(crash("TypeError", _LIST_TUPLE, "m = np.matrix([4, 5][6, 7])"))
    assert "`[4, 5][6, 7]`" in text and "comma" in text and "np.array(" not in text, text


def test_a_list_variable_indexed_with_a_pair_still_gets_np_array():
    text = hint(crash("TypeError", _LIST_TUPLE, "v = rows[1, 2]"))
    assert "`np.array(...)`" in text, text


_ONLY_INTEGERS = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
    "boolean arrays are valid indices"
)


def test_a_float_written_as_an_index_is_not_converted_with_int():
    text = hint(crash("IndexError", _ONLY_INTEGERS, "print(grid[0, -0.5])"))
    assert "`-0.5`" in text and "int(" not in text, text


def test_a_division_as_an_index_still_gets_floor_division():
    text = hint(crash("IndexError", _ONLY_INTEGERS, "mid = values[n / 2]"))
    assert "`//`" in text, text


_INT_STR = "unsupported operand type(s) for +: 'int' and 'str'"


def test_the_builtin_sum_of_text_is_joined_not_converted_with_pandas():
    text = hint(crash("TypeError", _INT_STR, "total = sum(letters)"))
    assert "`''.join(letters)`" in text and "to_numeric" not in text, text


def test_a_plain_addition_of_text_still_gets_the_conversions():
    text = hint(crash("TypeError", _INT_STR, "total = count + label"))
    assert "sum(" not in text and "convert" in text, text


_ADAPTER = [(f"{SITE}/keras/engine/data_adapter.py", "select_data_adapter")]


def test_keras_given_none_names_the_none_not_the_container():
    given_none = hint(crash("ValueError", _ADAPTER_MESSAGE.format("NoneType"), _FIT, _ADAPTER))
    assert "None" in given_none and "np.asarray" not in given_none, given_none
    given_list = hint(crash("ValueError", _ADAPTER_MESSAGE.format("list"), _FIT, _ADAPTER))
    assert "`np.asarray(x)`" in given_list, given_list


def test_keras_given_a_shuffled_name_names_the_assignment_of_none():
    code = "train_set = np.vstack((a, b))\ntrain_set = np.random.shuffle(train_set)\n" + _FIT
    message = _ADAPTER_MESSAGE.format("NoneType")
    text = hint(crash("ValueError", message, _FIT, _ADAPTER, code=code))
    assert "`train_set = np.random.shuffle(train_set)`" in text, text
    code = "train_set = np.random.shuffle(train_set)\ntrain_set = load()\n" + _FIT
    text = hint(crash("ValueError", message, _FIT, _ADAPTER, code=code))
    assert "random.shuffle(train_set)`" not in text, text


_ADAPTER_MESSAGE = "Failed to find data adapter that can handle input: <class '{}'>, <class 'int'>"
_FIT = "model.fit(x=train_set, y=train_set)"


_MULTICLASS = "Target is multiclass but average='binary'. Please choose another average setting."
_SCORER_FRAMES = [
    (f"{SITE}/sklearn/model_selection/_validation.py", "cross_val_score"),
    (f"{SITE}/sklearn/metrics/_scorer.py", "_BaseScorer.__call__"),
    (f"{SITE}/sklearn/metrics/_classification.py", "precision_score"),
]


def test_a_scorer_name_carries_the_average():
    line = "s = cross_val_score(model, X, y, cv=5, scoring='recall')"
    text = hint(crash("ValueError", _MULTICLASS, line, _SCORER_FRAMES))
    assert "`scoring='recall_macro'`" in text and "average=" not in text, text


def test_a_scorer_named_elsewhere_gets_no_average_argument():
    text = hint(crash("ValueError", _MULTICLASS, "search.fit(X, y)", _SCORER_FRAMES))
    assert "`average='macro'`" not in text, text


def test_a_metric_called_by_the_line_still_gets_the_average():
    frames = [(f"{SITE}/sklearn/metrics/_classification.py", "precision_score")]
    text = hint(crash("ValueError", _MULTICLASS, "p = precision_score(y_test, pred)", frames))
    assert "`average='macro'`" in text, text


_PLOT = [(f"{SITE}/matplotlib/axes/_base.py", "_process_plot_var_args._plot_args")]


def _plot(a: str, b: str) -> str:
    message = f"x and y must have same first dimension, but have shapes {a} and {b}"
    return hint(crash("ValueError", message, "plt.plot(xs, ys)", _PLOT))


def test_an_empty_side_of_a_plot_is_named_empty_and_unequal_sides_are_paired():
    empty, unequal = _plot("(6,)", "(0,)"), _plot("(6,)", "(5,)")
    assert "The y values (`ys`) are empty" in empty and "range(len(y))" not in empty, empty
    assert "range(len(y))" in unequal, unequal
