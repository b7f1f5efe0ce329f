"""Hints whose claim did not hold on the crash (session w23c): an `if` on one column comparison,
`solve` of a singular system, a comma written for a decimal point, a `tf.data` dataset indexed,
`import matplotlib as plt`, one text column plotted.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import SITE, crash, hint
from tests.test_hints_conditions28 import _hint as _hint28

AMBIGUOUS = (
    "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all()."
)
PANDAS_BOOL = [(f"{SITE}/pandas/core/generic.py", "NDFrame.__nonzero__")]

# ----------------------------------------------- `if` on one comparison of a frame's column


def test_an_if_on_a_column_comparison_is_told_to_select_the_rows():
    text = hint(crash("ValueError", AMBIGUOUS, "if (sales['units'] < 5):", PANDAS_BOOL))
    assert "boolean indexing, `sales[sales['units'] < 5]`" in text, text
    assert "`and`/`or`" not in text, text


def test_an_if_joining_two_column_tests_with_and_keeps_the_ampersand_advice():
    line = "if sales['units'] < 5 and sales['price'] > 2:"
    text = hint(crash("ValueError", AMBIGUOUS, line, PANDAS_BOOL))
    assert "boolean indexing" not in text and "`&`" in text, text


# ------------------------------------------------------------- `solve` of a singular system

SINGULAR = [(f"{SITE}/numpy/linalg/linalg.py", "_raise_linalgerror_singular")]


def test_solve_of_a_singular_system_is_told_about_dependent_rows_and_lstsq():
    line = "coef = np.linalg.solve(M, rhs)"
    text = hint(crash("LinAlgError", "Singular matrix", line, SINGULAR))
    assert "passed to `solve` is singular" in text and "np.linalg.lstsq" in text, text
    assert "pinv" not in text, text


def test_inv_of_a_singular_matrix_keeps_the_pinv_advice():
    line = "W = np.linalg.inv(A.T @ A) @ A.T @ b"
    text = hint(crash("LinAlgError", "Singular matrix", line, SINGULAR))
    assert "np.linalg.pinv" in text and "`solve`" not in text, text


# ------------------------------------------------------ a comma written for a decimal point


def _negated_tuple(assignment: str) -> str:
    code = f"def loss(w):\n    r = w - 1\n    {assignment}\n    return -val\n\nloss(3)"
    tb = [
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[4], line 6\n      4     return -val\n      5 \n----> 6 loss(3)\n",
        "Cell In[4], line 4, in loss(w)\n      2     r = w - 1\n      3     "
        f"{assignment}\n----> 4     return -val\n",
        "TypeError: bad operand type for unary -: 'tuple'",
    ]
    return _hint28("TypeError", "bad operand type for unary -: 'tuple'", code, tb=tb)


def test_a_comma_between_two_digits_in_a_product_is_read_as_a_decimal_point():
    text = _negated_tuple("val = r**2 - 2*0,25*r")
    assert "`0,25`" in text and "write `0.25`" in text and "`val` a tuple" in text, text


def test_a_tuple_of_two_results_written_on_purpose_is_no_decimal_point():
    text = _negated_tuple("val = r**2, r*3")
    assert "decimal point" not in text, text


# ----------------------------------------------------------- a `tf.data` dataset indexed

TF_FRAMES = ()


def test_an_indexed_tf_data_dataset_is_told_to_pass_it_whole_or_take_a_batch():
    message = "'_BatchDataset' object is not subscriptable"
    text = hint(crash("TypeError", message, "preds = net.predict(valid_ds[0])", TF_FRAMES))
    assert "`tf.data` dataset (`_BatchDataset`)" in text and "`.take(1)`" in text, text
    assert "reused the name" not in text, text


def test_an_indexed_fitted_model_is_no_dataset():
    message = "'LinearRegression' object is not subscriptable"
    text = hint(crash("TypeError", message, "preds = reg[0]", TF_FRAMES))
    assert "tf.data" not in text, text


# --------------------------------------------------------------- `import matplotlib as plt`


def test_plt_bound_to_the_matplotlib_package_is_told_to_import_pyplot():
    cells = ("import matplotlib as plt\nimport pandas as pd",)
    text = _hint28("TypeError", "'module' object is not callable", "plt.legend()", cells=cells)
    assert "`import matplotlib.pyplot as plt`" in text and "`plt.legend` is its module" in text
    assert "module.function" not in text, text


def test_a_module_called_without_that_import_keeps_the_generic_words():
    cells = ("import matplotlib.pyplot as plt\nimport tqdm",)
    text = _hint28("TypeError", "'module' object is not callable", "tqdm.auto()", cells=cells)
    assert "matplotlib.pyplot" not in text, text


# ------------------------------------------------------------------- one text column plotted

NO_NUMERIC = [(f"{SITE}/pandas/plotting/_matplotlib/core.py", "MPLPlot._compute_plot_data")]


def test_one_text_column_plotted_is_told_to_count_categories_or_convert():
    line = 'survey["Smoker"].plot()'
    text = hint(crash("TypeError", "no numeric data to plot", line, NO_NUMERIC))
    assert "`survey[\"Smoker\"].value_counts().plot(kind='bar')`" in text, text
    assert "numbers stored as text" in text, text


def test_a_whole_frame_plotted_keeps_the_conversion_advice():
    text = hint(crash("TypeError", "no numeric data to plot", "survey.plot()", NO_NUMERIC))
    assert "value_counts" not in text and "pd.to_numeric" in text, text


# ------------------------------------------------- a histogram of values with inf or -inf

HISTOGRAM = [(f"{SITE}/numpy/lib/histograms.py", "_get_outer_edges")]


def test_minus_infinity_after_a_log_in_the_cell_is_told_to_use_log1p():
    code = "df['income_log'] = np.log(df['income'])\ndf['income_log'].hist()"
    message = "supplied range of [-inf, 11.82] is not finite"
    text = hint(crash("ValueError", message, "df['income_log'].hist()", HISTOGRAM, code=code))
    assert "`-inf`, which a log of 0 gives" in text and "np.log1p" in text, text


def test_infinity_without_a_log_is_told_to_drop_it_not_to_use_log1p():
    code = "df['ratio'] = df['a'] / df['b']\ndf['ratio'].hist()"
    message = "supplied range of [0.0, inf] is not finite"
    text = hint(crash("ValueError", message, "df['ratio'].hist()", HISTOGRAM, code=code))
    assert "include `inf`" in text and "log1p" not in text and "search" not in text, text


# ------------------------------------------------- a column's name read as a variable


def test_a_column_name_without_quotes_before_a_method_is_told_to_take_the_column():
    cells = ("import pandas as pd\nshop = pd.read_csv('shop.csv')", "shop[['Region', 'Sales']]")
    code = "per_region = shop[Region.value_counts()]"
    text = _hint28("NameError", "name 'Region' is not defined", code, cells=cells)
    assert "`shop['Region'].value_counts()`" in text, text


def test_a_name_never_quoted_as_a_column_keeps_the_define_it_words():
    cells = ("import pandas as pd\nshop = pd.read_csv('shop.csv')", "shop[['Sales']]")
    code = "per_region = shop[Region.value_counts()]"
    text = _hint28("NameError", "name 'Region' is not defined", code, cells=cells)
    assert "column's name" not in text, text


# ------------------------------------------- Keras's History read after a fit that dropped it


def _history_read_after(training: str) -> str:
    sources = [
        ("model = build_model()", 1),
        (training, 2),
        ("print(history.history['loss'])", 5),
        ("evaluate(model)", 3),
        ("history = model.fit(X2, y2, epochs=30)", None),
    ]
    cells = [
        {"id": str(i), "source": s, "execution_count": n, "cell_type": "code"}
        for i, (s, n) in enumerate(sources)
    ]
    tb = [
        "-" * 75,
        "NameError                                 Traceback (most recent call last)",
        "Cell In[5], line 1\n----> 1 print(history.history['loss'])\n",
        "NameError: name 'history' is not defined",
    ]
    record = {
        "ename": "NameError",
        "evalue": "name 'history' is not defined",
        "traceback": tb,
        "code": sources[2][0],
        "cell_id": "2",
        "execution_count": 5,
        "notebook": {"cells": cells},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_history_read_after_a_fit_that_kept_nothing_is_told_to_assign_it():
    text = _history_read_after("model.fit(X, y, epochs=10, validation_split=0.2)")
    assert "`history = model.fit(...)`" in text and "cell 2" in text, text


def test_a_history_read_after_a_scalers_fit_keeps_the_cell_below():
    text = _history_read_after("scaler.fit(X)")
    assert "history = scaler.fit" not in text and "cell 5" in text, text


# ------------------------------------- an in-place update whose right side has a larger shape

OUTPUT_OPERAND = (
    "non-broadcastable output operand with shape (5,) doesn't match the broadcast shape (5,5)"
)


def _in_place_after(change: str) -> str:
    """`X += offsets` fails; a cell below changed the frame `X` was taken from, and ran first."""
    sources = [
        ("import pandas as pd\ndf = pd.read_csv('f.csv')", 1),
        ("X = df[['a', 'b']].values", 2),
        ("X += offsets", 6),
        (change, 3),
    ]
    cells = [
        {"id": str(i), "source": s, "execution_count": n, "cell_type": "code"}
        for i, (s, n) in enumerate(sources)
    ]
    tb = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        "Cell In[6], line 1\n----> 1 X += offsets\n",
        f"ValueError: {OUTPUT_OPERAND}",
    ]
    record = {
        "ename": "ValueError",
        "evalue": OUTPUT_OPERAND,
        "traceback": tb,
        "code": "X += offsets",
        "cell_id": "2",
        "execution_count": 6,
        "notebook": {"cells": cells},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_column_recast_from_itself_is_no_cause_of_a_shape_error():
    text = _in_place_after("df['a'] = df['a'].astype('category')")
    assert "restart the kernel" not in text, text
    assert "`X` has shape (5,) and an in-place `+=` keeps it" in text, text


def test_a_dropped_column_below_that_ran_first_is_still_blamed():
    text = _in_place_after("df = df.drop(columns=['b'])")
    assert "below this one, ran before it and changed `df`" in text, text


def test_an_in_place_update_is_told_to_check_its_right_side_first():
    text = hint(crash("ValueError", OUTPUT_OPERAND, "w -= lr * grad_w"))
    assert "`w -= lr * grad_w` gives shape (5,5)" in text, text
    assert "check how the right side is computed" in text and "`w = w - ...`" in text, text


def test_an_out_argument_keeps_the_new_variable_advice():
    text = hint(crash("ValueError", OUTPUT_OPERAND, "np.add(a, b, out=a)"))
    assert "assign to a new variable" in text and "right side" not in text, text
