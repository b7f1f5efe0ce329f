"""Hints whose claim did not hold on the crash (session 21c): a module's number constant called,
VS Code's primed cell header, a parameter's case slip in scikit-learn's valid list, an empty
row typed on the line, a transformer fitted again on new data, the target left among the
features, `int()` of a NaN in a function of the user's, an old seaborn that converts all of
`data=`, and a DataFrame's missing column named on the frame the line reads.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint

_SK = "/opt/conda/lib/python3.11/site-packages/sklearn"

# ------------------------------------------------------ a module's number constant is called


def test_a_called_numpy_constant_is_named_not_the_print_around_it():
    code = "import numpy as np\nradii = np.array([1.0, 2.5])\nprint(np.pi(radii))"
    text = hint(
        crash("TypeError", "'float' object is not callable", "print(np.pi(radii))", code=code)
    )
    assert "`np.pi` is a number" in text and "`np.pi * (...)`" in text, text
    assert "`print` holds" not in text, text


def test_a_constant_only_passed_is_not_the_called_value():
    code = "import numpy as np\nscale = 2.5\nprint(scale(np.pi))"
    text = hint(
        crash("TypeError", "'float' object is not callable", "print(scale(np.pi))", code=code)
    )
    assert "`np.pi` is a number" not in text and "`scale`" in text, text


# ------------------------------------------------------------- VS Code's primed cell header


def _vscode_record(attribute: str, line: str) -> ErrorRecord:
    link = "<a href='vscode-notebook-cell:/home/ana/work/sales.ipynb#ch0000003?line={}'>{}</a>"
    traceback = (
        "---------------------------------------------------------------------------",
        "AttributeError                            Traceback (most recent call last)",
        "/home/ana/work/sales.ipynb Cell 4' in <cell line: 2>()\n"
        f"      {link.format(0, 1)} plt.xlabel('Size')\n"
        f"----> {link.format(1, 2)} {line}\n",
        "File /usr/lib/python3.10/site-packages/pandas/core/generic.py:5575, in "
        "NDFrame.__getattr__(self, name)\n"
        "-> 5575     return object.__getattribute__(self, name)\n",
        f"AttributeError: 'DataFrame' object has no attribute '{attribute}'",
    )
    message = f"'DataFrame' object has no attribute '{attribute}'"
    return ErrorRecord("AttributeError", message, traceback, code=f"plt.xlabel('Size')\n{line}")


def test_a_primed_vscode_cell_header_keeps_the_failing_line():
    record = _vscode_record("predict", "plt.plot(sales.size, sales.predict(sales[['size']]))")
    assert parse(record).user_line.startswith("plt.plot(sales.size"), parse(record).user_line
    text = diagnose(record).hint
    assert "method of a model" in text and "`model.predict(...)`" in text, text


def test_a_primed_vscode_header_of_a_column_is_no_model_method():
    text = diagnose(_vscode_record("prize", "plt.plot(sales.size, sales.prize)")).hint
    assert "method of a model" not in text and "`prize`" in text, text


# ------------------------------------------------- a parameter's case slip in the valid list


def _invalid_parameter(param: str, estimator: str, valid: str) -> str:
    message = (
        f"Invalid parameter {param!r} for estimator {estimator}. Valid parameters are: {valid}."
    )
    frames = ((f"{_SK}/base.py", "BaseEstimator.set_params"),)
    return hint(crash("ValueError", message, "search.fit(X, y)", frames))


def test_a_parameter_differing_in_case_gets_the_listed_name():
    valid = "['C', 'cache_size', 'degree', 'gamma', 'kernel', 'tol']"
    text = _invalid_parameter("Kernel", "SVC(C=10)", valid)
    assert "write `kernel`" in text and "case-sensitive" in text, text
    assert "<step>__" not in text, text


def test_a_pipelines_parameter_keeps_the_step_prefix():
    text = _invalid_parameter(
        "C",
        "Pipeline(steps=[('scale', StandardScaler()), ('svc', SVC())])",
        "['memory', 'steps', 'verbose']",
    )
    assert "`<step>__C`" in text, text


# ------------------------------------------------------------ an empty row typed on the line

_NO_FEATURE = (
    "Found array with 0 feature(s) (shape=(1, 0)) while a minimum of 1 is required by "
    "LinearRegression."
)
_CHECK = (
    (f"{_SK}/linear_model/_base.py", "LinearModel.predict"),
    (f"{_SK}/utils/validation.py", "check_array"),
)


def test_an_empty_row_typed_in_the_call_is_told_to_hold_the_features():
    text = hint(crash("ValueError", _NO_FEATURE, "price = reg.predict([[]])", _CHECK))
    assert "empty row (`[[]]`)" in text and "a value for each feature" in text, text


def test_an_empty_column_selection_keeps_the_selection_hint():
    text = hint(crash("ValueError", _NO_FEATURE, "price = reg.predict(houses[[]])", _CHECK))
    assert "empty row" not in text and "column selection is empty" in text, text


# ------------------------------------------------- a transformer fitted again on new data

_COUNT = "X has 9 features, but MultinomialNB is expecting 412 features as input."
_NB = ((f"{_SK}/naive_bayes.py", "_BaseNB.predict"), (f"{_SK}/base.py", "_check_n_features"))


def test_new_data_from_a_second_fit_transform_is_told_to_transform():
    code = (
        "tok = TfidfVectorizer()\nfeats = tok.fit_transform(reviews_train)\nnb.fit(feats, "
        "labels)\nfresh = tok.fit_transform(['great film', 'dull plot'])\nnb.predict(fresh)"
    )
    text = hint(crash("ValueError", _COUNT, "nb.predict(fresh)", _NB, code=code))
    assert "`fresh` is made by `tok.fit_transform(...)`" in text, text
    assert "`tok.transform(...)`" in text and "fit `nb` on" not in text, text


def test_new_data_from_transform_is_no_refit():
    code = (
        "tok = TfidfVectorizer()\nfeats = tok.fit_transform(reviews_train)\nnb.fit(feats, "
        "labels)\nfresh = tok.transform(['great film', 'dull plot'])\nnb.predict(fresh)"
    )
    text = hint(crash("ValueError", _COUNT, "nb.predict(fresh)", _NB, code=code))
    assert "is made by" not in text, text


# ------------------------------------------------------ the target left among the features


def _missing_column(column: str) -> str:
    message = (
        "The feature names should match those that were passed during fit.\n"
        f"Feature names seen at fit time, yet now missing:\n- {column}\n"
    )
    code = (
        "X = homes[['area', 'rooms', 'price']]\ny = homes['price']\nsc = StandardScaler()\n"
        "X = sc.fit_transform(X)\nsc.transform(fresh[['area', 'rooms']])"
    )
    frames = ((f"{_SK}/base.py", "BaseEstimator._check_feature_names"),)
    line = "sc.transform(fresh[['area', 'rooms']])"
    return hint(crash("ValueError", message, line, frames, code=code))


def test_a_missing_column_that_is_the_target_is_told_to_leave_the_features():
    text = _missing_column("price")
    assert "the target (`y = homes['price']`)" in text and "drop `price`" in text, text


def test_a_missing_column_that_is_a_feature_is_no_target():
    text = _missing_column("garage")
    assert "the target" not in text and "garage" in text, text


# ------------------------------------------------- `int()` of a NaN in a function of the user's


def _nan_to_int(frame: str) -> str:
    traceback = (
        "---------------------------------------------------------------------------",
        "ValueError                                Traceback (most recent call last)",
        "Cell In[7], line 1\n----> 1 centre = middle(points)\n",
        frame,
        "ValueError: cannot convert float NaN to integer",
    )
    record = ErrorRecord(
        "ValueError",
        "cannot convert float NaN to integer",
        traceback,
        code="centre = middle(points)",
    )
    return diagnose(record).hint


def test_int_of_nan_in_the_users_function_is_a_computed_number():
    frame = (
        "Cell In[6], line 4, in middle(points)\n      2 xs = [p[0] for p in points if p[0] > 0]\n"
        "      3 mean_x = np.mean(xs)\n----> 4 return int(mean_x)\n"
    )
    text = _nan_to_int(frame)
    assert "Your function `middle`" in text and "mean of an empty list" in text, text
    assert "dropna" not in text, text


def test_nan_in_a_users_function_without_int_keeps_the_data_hint():
    frame = (
        "Cell In[6], line 4, in middle(points)\n      3 table = pd.DataFrame(points)\n"
        "----> 4 return table.astype(int)\n"
    )
    assert "Your function" not in _nan_to_int(frame)


# --------------------------------------------- an old seaborn converts all of `data=`


def _seaborn_text(seaborn_line: str) -> str:
    traceback = (
        "---------------------------------------------------------------------------",
        "ValueError                                Traceback (most recent call last)",
        "<ipython-input-9-3fa2c1> in <module>()\n"
        "----> 1 sns.kdeplot(x='height', y='weight', data=people)\n",
        "/usr/lib/python3.6/site-packages/seaborn/distributions.py in kdeplot(data, data2, "
        f"shade, vertical, kernel, **kwargs)\n    690 \n--> 691     {seaborn_line}\n",
        "/usr/lib/python3.6/site-packages/pandas/core/generic.py in astype(self, dtype, copy)\n"
        "-> 5691         new_data = self._data.astype(dtype=dtype, copy=copy)\n",
        "ValueError: could not convert string to float: 'north-7'",
    )
    record = ErrorRecord(
        "ValueError",
        "could not convert string to float: 'north-7'",
        traceback,
        code="sns.kdeplot(x='height', y='weight', data=people)",
    )
    return diagnose(record).hint


def test_an_old_seaborn_kdeplot_given_data_is_told_to_pass_columns():
    text = _seaborn_text("data = data.astype(np.float64)")
    assert "older than 0.11" in text and "pass the columns meant" in text, text
    assert "to_numeric" not in text, text


def test_a_seaborn_line_that_converts_one_column_is_no_old_api():
    assert "older than 0.11" not in _seaborn_text("x = self.plot_data['x'].astype(float)")


# -------------------------------------- a DataFrame's missing column, on the frame the line reads


def test_a_missing_column_is_looked_up_on_the_frame_the_line_reads():
    line = "east = sales[sales.region == 'east']"
    text = hint(crash("AttributeError", "'DataFrame' object has no attribute 'region'", line))
    assert "`sales.columns`" in text and "`sales['region']`" in text, text
    assert "`df.columns`" not in text, text


def test_a_missing_column_of_df_keeps_df():
    line = "east = df[df.region == 'east']"
    text = hint(crash("AttributeError", "'DataFrame' object has no attribute 'region'", line))
    assert "`df.columns`" in text, text
