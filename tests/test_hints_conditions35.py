"""Hints whose claim was false on crashes nobody tuned on (the fourteenth audit's KeyError, tensor
shape, feature name, index and data value C cases): each test pairs a crash where the template
must speak with one where its condition does not hold.

- `x[i]` with positions and no `.loc`: rows or columns may be meant; both readings.
- XGBoost's "expected … in input data": the data lacks fit columns, selecting them fails again.
- A prediction through an Embedding with no fit seen: trained or not, both readings; `model. fit(`
  (a space after the dot) is a fit.
- X and y of different lengths: `y.reshape(1, -1)` is one row; a split's part beside the whole
  other input; the split itself failing; `y = df.iloc[:5]`; a notebook that splits already.
- pandas re-wrapping a NumPy function's result (`np.delete(df, …)`) builds no frame of the user's.
- "X has 1 features" of a variable: one sample as a column, or one column; both readings.
- A library's `TABLE[self.criterion]`: the key is the value of a setting, no data key.
- A Series' `a[0]` inside a function `df.apply` runs is no DataFrame's column lookup.
- `value_counts()[0]`: the count of a value that does not occur.
- 'DESCR' asked of a DataFrame: a scikit-learn dataset Bunch's key.
- A continuous y that several cells assign: which ran last decides; both readings.

Crashes are written here by hand in the libraries' wording and IPython 8's layout, never copied
from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions30 import diagnosed_hint

SITE = "/home/u/.venv/lib/python3.11/site-packages"


def _hint(ename, message, line, steps=(), cells=()):
    """The hint of the cell `line` failing (IPython 8's layout). ``steps`` are the frames below
    it in order, deepest last: (path under site-packages, function, source line), or (None,
    function, source line) for a function of the user's; ``cells`` the notebook's other cells."""
    tb = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[9], line 1\n----> 1 {line}\n")
    for path, function, code in steps:
        if path is None:
            tb.append(f"Cell In[4], line 3, in {function}()\n      2 pass\n----> 3     {code}\n")
        else:
            tb.append(f"File {SITE}/{path}:12, in {function}()\n     11 pass\n---> 12 {code}\n")
    tb.append(f"{ename}: {message}")
    return diagnosed_hint(ename, message, tb, line, cells)


# ------------------------------------------------------------ positions as column labels

COLUMNS_GETITEM = [
    ("pandas/core/frame.py", "DataFrame.__getitem__", "indexer = self.columns._get_indexer_strict"),
    ("pandas/core/indexes/base.py", "Index._raise_if_missing", 'raise KeyError(f"None of")'),
]
POSITIONS = "None of [Index([47, 3], dtype='int64')] are in the [columns]"


def test_positions_in_plain_brackets_get_both_rows_and_columns():
    text = _hint("KeyError", POSITIONS, "centroid = x[idx]", COLUMNS_GETITEM)
    assert "`x.iloc[idx]` takes rows" in text and "`x.iloc[:, idx]` columns" in text, text


def test_positions_after_loc_and_a_colon_are_columns():
    text = _hint("KeyError", POSITIONS, "sub = x.loc[:, [47, 3]]", COLUMNS_GETITEM)
    assert "for columns by position write `x.iloc[:, [47, 3]]`" in text, text
    assert "takes rows" not in text, text


# ------------------------------------------------------------ XGBoost's missing columns

XGB_PREDICT = [
    ("xgboost/core.py", "Booster.predict", "self._validateFEATURES.format(data)"),
    ("xgboost/core.py", "Booster._validate_features", "raise ValueError(msg.format(a, b))"),
]


def test_xgboost_data_lacking_fit_columns_is_not_told_to_select_them():
    message = (
        "feature_names mismatch: ['age', 'fare', 'n_trips'] ['age', 'fare']\n"
        "expected n_trips in input data"
    )
    text = _hint("ValueError", message, "pred = booster.predict(xgb.DMatrix(test))", XGB_PREDICT)
    assert "lacks columns" in text and "n_trips" in text, text
    assert "X_train.columns" not in text, text


def test_xgboost_columns_in_another_order_keep_the_selection():
    message = "feature_names mismatch: ['age', 'fare'] ['fare', 'age']"
    text = _hint("ValueError", message, "pred = booster.predict(xgb.DMatrix(test))", XGB_PREDICT)
    assert "X_test[X_train.columns]" in text, text


# ------------------------------------------------------------ an Embedding at predict time

GATHER = (
    "Graph execution error:\n\nDetected at node sequential/embedding/GatherV2\n"
    "indices[1,4] = 15230 is not in [0, 10000)\n\t [[{{node sequential/embedding/GatherV2}}]]"
)
KERAS_PREDICT = [
    ("keras/src/utils/traceback_utils.py", "error_handler", "raise e.with_traceback(None)"),
    ("tensorflow/python/eager/execute.py", "quick_execute", "tensors = pywrap_tfe.TFE_Py_Execute"),
]


def test_a_prediction_with_no_fit_seen_gets_both_readings():
    text = _hint("InvalidArgumentError", GATHER, "out = model.predict(padded)", KERAS_PREDICT)
    assert "if the model is trained" in text and "if not, set `input_dim`" in text, text


def test_a_fit_written_with_a_space_after_the_dot_is_a_fit():
    cells = ["model.add(Embedding(10000, 8))\nhistory = model. fit(x_train, y_train, epochs=3)"]
    line = "out = model.predict(padded)"
    text = _hint("InvalidArgumentError", GATHER, line, KERAS_PREDICT, cells)
    assert "the trained Embedding" in text and "set `input_dim`" not in text, text


# ------------------------------------------------------------ X and y of different lengths

CHECK_LENGTH = [
    ("sklearn/linear_model/_logistic.py", "LogisticRegression.fit", "X, y = self._validate_data("),
    ("sklearn/base.py", "BaseEstimator._validate_data", "X, y = check_X_y(X, y, **check_params)"),
    ("sklearn/utils/validation.py", "check_consistent_length", "raise ValueError("),
]
SPLIT_LENGTH = [
    ("sklearn/model_selection/_split.py", "train_test_split", "arrays = indexable(*arrays)"),
    CHECK_LENGTH[-1],
]
SAMPLES = "Found input variables with inconsistent numbers of samples: [{}, {}]"


def test_y_reshaped_into_one_row_is_named():
    line = "clf.fit(X_train, y_train.reshape(1,-1))"
    text = _hint("ValueError", SAMPLES.format(1022, 1), line, CHECK_LENGTH)
    assert "pass `y_train` as it is, 1-D" in text and "train_test_split" not in text, text


def test_a_plain_y_of_one_row_is_no_reshape():
    text = _hint("ValueError", SAMPLES.format(1022, 1), "clf.fit(X_train, y_one)", CHECK_LENGTH)
    assert "reshape" not in text and "as it is" not in text, text


SPLIT = "tr, te, tr_y, te_y = train_test_split(X, y, random_state=0)"


def test_a_part_of_the_split_beside_the_whole_other_input_gets_its_matching_part():
    text = _hint("ValueError", SAMPLES.format(668, 891), "clf.fit(tr, y)", CHECK_LENGTH, [SPLIT])
    assert "pass the matching part, `tr_y`" in text, text


def test_two_parts_of_the_split_get_no_matching_part():
    text = _hint("ValueError", SAMPLES.format(668, 223), "clf.fit(tr, te_y)", CHECK_LENGTH, [SPLIT])
    assert "matching part" not in text and "parts of the same split together" in text, text


def test_the_split_itself_failing_is_not_told_to_split():
    line = "a, b, c, d = train_test_split(X, y_all, test_size=0.2)"
    text = _hint("ValueError", SAMPLES.format(50, 48), line, SPLIT_LENGTH)
    assert "before the split" in text and "split them together" not in text, text


def test_y_cut_to_its_first_rows_is_named_with_the_column_reading():
    cells = ["y = data.iloc[:5].values"]
    line = "a, b, c, d = train_test_split(X, y, test_size=0.2)"
    text = _hint("ValueError", SAMPLES.format(50, 5), line, SPLIT_LENGTH, cells)
    assert "`y = data.iloc[:5]` takes the first 5 rows" in text and "data.iloc[:, 5]" in text


def test_y_of_a_column_gets_no_first_rows_reading():
    cells = ["y = data.iloc[:, 5].values"]
    line = "a, b, c, d = train_test_split(X, y, test_size=0.2)"
    text = _hint("ValueError", SAMPLES.format(50, 48), line, SPLIT_LENGTH, cells)
    assert "first" not in text and "before the split" in text, text


def test_without_a_split_in_the_notebook_the_split_is_the_example():
    text = _hint("ValueError", SAMPLES.format(50, 48), "clf.fit(X, y)", CHECK_LENGTH)
    assert "split them together with `train_test_split(X, y)`" in text, text


# ------------------------------------------------------------ pandas re-wrapping NumPy's result

REWRAP = [
    ("numpy/lib/function_base.py", "delete", "return wrap(new)"),
    ("pandas/core/generic.py", "NDFrame.__array_wrap__", "return self._constructor(res, **d)"),
    ("pandas/core/frame.py", "DataFrame.__init__", "mgr = ndarray_to_mgr("),
    ("pandas/core/internals/construction.py", "_check_values_indices_shape_match", "raise"),
]
PASSED = "Shape of passed values is (10689, 1), indices imply (891, 12)"


def test_a_numpy_function_given_a_frame_is_no_frame_the_user_builds():
    text = _hint("ValueError", PASSED, "a = np.delete(data, np.where(data == v))", REWRAP)
    assert "`np.delete(...)` was given a pandas object" in text and "column names" not in text


def test_a_frame_built_by_a_librarys_code_names_no_constructor_arguments():
    frames = REWRAP[2:]
    text = _hint("ValueError", PASSED, "out = tool.expand(data)", frames)
    assert "made from it" in text and "column names as columns" not in text, text


def test_the_users_own_constructor_keeps_the_labels_advice():
    frames = REWRAP[2:]
    text = _hint("ValueError", PASSED, "out = pd.DataFrame(values)", frames)
    assert "column names as columns" in text, text


# ------------------------------------------------------------ a feature count at predict time

FEATURES = "X has {} features, but SVC is expecting {} features as input."
SVC_PREDICT = [
    ("sklearn/svm/_base.py", "BaseSVC.predict", "X = self._validate_for_predict(X)"),
    ("sklearn/base.py", "BaseEstimator._check_n_features", "raise ValueError("),
]


def test_one_column_against_many_gets_the_row_reading():
    line = "pred = loaded.predict(new_data)"
    text = _hint("ValueError", FEATURES.format(1, 62), line, SVC_PREDICT)
    assert "`new_data` has 1 column" in text and "`.reshape(1, -1)`" in text, text
    assert "fit_transform" not in text, text


def test_data_made_by_a_new_fit_transform_is_told_to_transform():
    cells = ["X_new = tfidf.fit_transform(new_texts)"]
    text = _hint("ValueError", FEATURES.format(300, 5000), "clf.predict(X_new)", SVC_PREDICT, cells)
    assert "not a new `.fit_transform`" in text, text


# ------------------------------------------------------------ a setting looked up in a table

TREE_FIT = [
    ("sklearn/tree/_classes.py", "DecisionTreeRegressor.fit", "super().fit("),
    (
        "sklearn/tree/_classes.py",
        "BaseDecisionTree.fit",
        "criterion = CRITERIA_REG[self.criterion](self.n_outputs_, n_samples)",
    ),
]


def test_a_setting_looked_up_in_a_librarys_table_is_named():
    text = _hint("KeyError", "'entropy'", "new.fit(xtrain, ytrain)", TREE_FIT)
    assert "value of the `criterion` setting" in text and "`new`" in text, text
    assert "df.columns" not in text, text


def test_a_librarys_lookup_of_its_argument_is_no_setting():
    frames = [("somelib/store.py", "Store.get", "return self._items[self.name]")]
    text = _hint("KeyError", "'entropy'", "store.get('entropy')", frames)
    assert "setting" not in text, text


# ------------------------------------------------------------ a Series inside df.apply

SERIES_GET = [
    ("pandas/core/series.py", "Series.__getitem__", "return self._get_value(key)"),
    ("pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err"),
]
APPLY = [
    ("pandas/core/frame.py", "DataFrame.apply", 'return op.apply().__finalize__(self, "apply")'),
    ("pandas/core/apply.py", "FrameApply.apply_series_generator", "results[i] = self.func(v)"),
]


def test_a_series_looked_up_inside_apply_is_no_dataframe():
    steps = [*APPLY, (None, "impute_age", "return means[0]"), *SERIES_GET]
    line = "df['Age'] = df[['Age', 'Pclass']].apply(impute_age, axis=1)"
    text = _hint("KeyError", "0", line, steps)
    assert "label 0" in text and ".columns" not in text, text


def test_a_dataframes_own_lookup_is_a_column():
    frames = [("pandas/core/frame.py", "DataFrame.__getitem__", "indexer = self.columns.get_loc")]
    text = _hint("KeyError", "0", "first = table[0]", [*frames, SERIES_GET[1]])
    assert "looks up a column labelled 0" in text, text


# ------------------------------------------------------------ value_counts()[k]


def test_the_count_of_an_absent_value_is_got_with_a_default():
    steps = [(None, "prob", "n = d[d[col] == cat]['play'].value_counts()[0]"), *SERIES_GET]
    text = _hint("KeyError", "0", "prob(df, 'outlook', 'overcast')", steps)
    assert "`.get(0, 0)`" in text and "count labelled 0" in text, text


def test_a_plain_series_lookup_keeps_the_label_hint():
    steps = [(None, "prob", "n = d[d[col] == cat]['play'][0]"), *SERIES_GET]
    text = _hint("KeyError", "0", "prob(df, 'outlook', 'overcast')", steps)
    assert "value_counts" not in text and "label 0" in text, text


# ------------------------------------------------------------ a dataset Bunch's key

FRAME_GET = [
    ("pandas/core/frame.py", "DataFrame.__getitem__", "indexer = self.columns.get_loc(key)"),
    ("pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err"),
]


def test_a_bunch_key_asked_of_a_dataframe_names_the_bunch():
    cells = [
        "from sklearn.datasets import load_breast_cancer\ncancer = load_breast_cancer()",
        "data = pd.DataFrame(cancer['data'])",
    ]
    text = _hint("KeyError", "'DESCR'", "print(data['DESCR'])", FRAME_GET, cells)
    assert "`cancer['DESCR']`" in text and "spelling" not in text, text


def test_a_loader_of_the_users_own_is_named_no_bunch_source():
    cells = ["def load_data():\n    return pd.read_csv('a.csv')", "raw = load_data()"]
    text = _hint("KeyError", "'DESCR'", "print(data['DESCR'])", FRAME_GET, cells)
    assert "`raw['DESCR']`" not in text, text


def test_another_missing_column_is_no_bunch_key():
    cells = ["data = pd.read_csv('cancer.csv')"]
    text = _hint("KeyError", "'Descr'", "print(data['Descr'])", FRAME_GET, cells)
    assert "Bunch" not in text, text


# ------------------------------------------------------------ a continuous y of several cells

FOREST_FIT = [
    ("sklearn/ensemble/_forest.py", "BaseForest.fit", "y, expanded_class_weight = self._val(y)"),
    ("sklearn/utils/multiclass.py", "check_classification_targets", "raise ValueError("),
]
LABEL_TYPE = (
    "Unknown label type: continuous. Maybe you are trying to fit a classifier, which expects "
    "discrete classes on a regression target with continuous values."
)
SPLIT_XY = "X_train, X_test, y_train, y_test = train_test_split(X, y)"
IRIS = f"X, y = load_iris(return_X_y=True)\n{SPLIT_XY}"
HOUSING = f"X, y = fetch_california_housing(return_X_y=True)\n{SPLIT_XY}"


def test_a_target_several_cells_assign_gets_both_readings():
    text = _hint("ValueError", LABEL_TYPE, "clf.fit(X_train, y_train)", FOREST_FIT, [IRIS, HOUSING])
    assert "several cells assign" in text and "run the cell that makes the class labels" in text


def test_a_target_one_cell_assigns_gets_the_regressor():
    text = _hint("ValueError", LABEL_TYPE, "clf.fit(X_train, y_train)", FOREST_FIT, [HOUSING])
    assert "several cells" not in text and "use a regressor" in text, text
