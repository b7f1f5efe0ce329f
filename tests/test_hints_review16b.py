"""Review of waves w21c and w21d and of main's commits 68e3da3 to f769aaa: for each condition
narrowed, a crash (written here by hand, in the libraries' wording and IPython's layout) where
the specific hint was false must not get it, and the crash it was made for still does:

- `int(row['Age'])` in a function `df.apply` runs: the NaN is the table's missing value, not
  a number the function computed;
- `df[Sex], df[Survived]` with neither name bound: the other subscript is no variable to
  check the spelling against, both are unquoted columns;
- `df.iterrows()` on a DataFrame without it: pandas has had it for long, so no upgrade helps;
- TF1's `(128,)` fed to a `(?, 1)` placeholder: a column of targets, no channel;
- `X_new = scaler.fit_transform(new[['a', 'b']])`: a scaler refitted gives the columns it is
  given, so the refit is not why the count differs;
- `accuracy_score = accuracy_score(y, pred)` in a function, the name imported outside: no
  argument or `global` helps, the local needs another name.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions96 import CELL, _ipython

SITE = "/opt/conda/lib/python3.10/site-packages"

# ------------------------------------------------- int() of a NaN in a function a library ran


def test_int_of_a_row_item_in_an_applied_function_is_the_tables_missing_value():
    code = (
        "def age_group(row):\n    return int(row['Age']) // 10\n\n"
        "df['decade'] = df.apply(age_group, axis=1)"
    )
    frames = [
        (CELL, "<module>", "df['decade'] = df.apply(age_group, axis=1)"),
        (f"{SITE}/pandas/core/frame.py", "apply", "return op.apply()"),
        (f"{SITE}/pandas/core/apply.py", "apply_series_generator", "results[i] = self.f(v)"),
        (CELL, "age_group", "return int(row['Age']) // 10"),
    ]
    text = _ipython("ValueError", "cannot convert float NaN to integer", code, frames)
    assert "mean of an empty list" not in text, text
    assert "missing values" in text, text
    made_for = (
        "def mean_len(words):\n"
        "    avg = sum(len(w) for w in words) / len(words) if words else float('nan')\n"
        "    return int(avg)\n\nmean_len([])"
    )
    frames = [(CELL, "<module>", "mean_len([])"), (CELL, "mean_len", "return int(avg)")]
    text = _ipython("ValueError", "cannot convert float NaN to integer", made_for, frames)
    assert "Your function `mean_len` calls `int()`" in text, text


# -------------------------------------------- subscripts that are unquoted columns, not variables


def test_other_unquoted_columns_on_the_line_are_no_variables_to_compare_with():
    cells = ("import seaborn as sns\nimport pandas as pd\ndf = pd.read_csv('train.csv')",)
    line = "sns.barplot(x=df[Sex], y=df[Survived])"
    text = _ipython(
        "NameError", "name 'Sex' is not defined", line, [(CELL, "<module>", line)], cells
    )
    assert "by variables" not in text and "`Survived`" not in text, text
    assert "`df['Sex']`" in text, text
    line = "l[i], l[j] = l[j], l[ii]"
    cells = ("l = [3, 1, 2]\ni, j = 0, 1",)
    text = _ipython(
        "NameError", "name 'ii' is not defined", line, [(CELL, "<module>", line)], cells
    )
    assert "did you mean `l[i]`?" in text, text


# ------------------------------------------------ a DataFrame method pandas has had for long


def _frame_lacks(attr: str) -> str:
    line = f"for i, r in df.{attr}():"
    code = "df = spark.read.csv('/mnt/raw/sales.csv', header=True)\n" + line + "\n    print(r)"
    message = f"'DataFrame' object has no attribute '{attr}'"
    return _ipython("AttributeError", message, code, [(CELL, "<module>", line)])


def test_a_long_standing_dataframe_method_missing_asks_for_no_upgrade():
    text = _frame_lacks("iterrows")
    assert "newer pandas" not in text and "upgrade" not in text, text
    made_for = _frame_lacks("value_counts")
    assert "`DataFrame.value_counts` exists only in newer pandas" in made_for, made_for


# --------------------------------------------------------- TF1's feed short of an axis of 1


def _fed(given: str, wanted: str) -> str:
    message = (
        f"Cannot feed value of shape ({given}) for Tensor 'Placeholder_1:0', which has shape "
        f"'({wanted})'"
    )
    line = "sess.run(train_op, feed_dict={x: batch_x, y: batch_y})"
    return hint(crash("ValueError", message, line, [(f"{SITE}/tensorflow/client/s.py", "_run")]))


def test_targets_fed_without_their_column_axis_are_no_channel():
    text = _fed("128,", "?, 1")
    assert "channel" not in text, text
    assert "reshape it to `(-1, 1)`" in text, text
    text = _fed("128, 28, 28", "?, 28, 28, 1")
    assert "last axis of size 1 (a channel)" in text, text


# ---------------------------------------------- a scaler fitted again gives the same columns


def _refitted(made: str, imports: str) -> str:
    cells = (
        f"import pandas as pd\n{imports}\nfrom sklearn.linear_model import LinearRegression\n"
        f"scaler = {made}\nX_train = scaler.fit_transform(df[['a', 'b', 'c']])\n"
        "model = LinearRegression().fit(X_train, y)",
    )
    line = "model.predict(X_new)"
    code = "X_new = scaler.fit_transform(new[['a', 'b']])\n" + line
    frames = [
        (CELL, "<module>", line),
        (f"{SITE}/sklearn/linear_model/_base.py", "predict", "return self._decision_function(X)"),
        (f"{SITE}/sklearn/base.py", "_check_n_features", "raise ValueError("),
    ]
    message = "X has 2 features, but LinearRegression is expecting 3 features as input."
    return _ipython("ValueError", message, code, frames, cells)


def test_a_scaler_fitted_again_is_not_why_the_count_of_columns_differs():
    text = _refitted("StandardScaler()", "from sklearn.preprocessing import StandardScaler")
    assert "fits `scaler` again on that data and so gives other columns" not in text, text
    made_for = _refitted(
        "TfidfVectorizer()", "from sklearn.feature_extraction.text import TfidfVectorizer"
    )
    assert "write `scaler.transform(...)`" in made_for, made_for


# ------------------------------------------ a local that shadows an import of the same name


def test_a_local_shadowing_an_imported_function_is_told_to_rename_it():
    code = (
        "from sklearn.metrics import accuracy_score\n\ndef evaluate(model):\n"
        "    pred = model.predict(X_test)\n    accuracy_score = accuracy_score(y_test, pred)\n"
        "    return accuracy_score\n\nevaluate(clf)"
    )
    frames = [
        (CELL, "<module>", "evaluate(clf)"),
        (CELL, "evaluate", "accuracy_score = accuracy_score(y_test, pred)"),
    ]
    message = (
        "cannot access local variable 'accuracy_score' where it is not associated with a value"
    )
    text = _ipython("UnboundLocalError", message, code, frames)
    assert "pass it in as an argument" not in text and "`global`" not in text, text
    assert "give the value assigned there another name" in text, text
    made_for = "total = 0\n\ndef add(v):\n    total = total + v\n\nadd(3)"
    frames = [(CELL, "<module>", "add(3)"), (CELL, "add", "total = total + v")]
    message = "local variable 'total' referenced before assignment"
    text = _ipython("UnboundLocalError", message, made_for, frames)
    assert "pass it in as an argument (or declare it `global`)" in text, text
