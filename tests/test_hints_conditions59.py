"""Speak-only-when pairs for conditions a blind review found false on crashes the templates let
through (each crash written here by hand, in the libraries' own wording).

- A library's KeyError sentence that marks a parameter (statsmodels' "The `start` argument could
  not be matched …"): the value passed for it, not the keys of what the line looks up.
- pandas' "Passing list-likes to .loc or [] with any missing labels …", raised over several
  lines of literals: pandas' own sentence, no column's name.
- A RangeIndex without the label asked for: label and position may be one, so "use `.iloc`"
  is no sure fix.
- "None of [Index([...])] are in the [columns]" whose labels repeat: a column's values, not
  another frame or renamed columns.
- "a mix of multiclass and continuous targets": no 0.5 threshold makes many classes.
- "Unknown label type: continuous" for labels the code splits with `stratify=`: classes made
  non-integer by a step, no regressor.
- "The number of classes has to be greater than one" for labels built from one repeated
  number (`np.array([0]*23)`): no filter or split to blame.
- `df[np.where(cond)]`: a tuple of position arrays read as a column label; no tuple helps.
- A Pipeline ending in a classifier, called with `fit_transform`: the method, not the object.
"""

from __future__ import annotations

from tests.test_hints_conditions40 import diagnosed

SITE = "/usr/local/lib/python3.10/dist-packages"


def _ipython7(ename: str, message: str, code: str, frames=()) -> str:
    """The hint for a crash on the last line of ``code`` in IPython 7's layout; ``frames`` are
    (file, function, lines shown, index of the failing one) below it."""
    line = code.splitlines()[-1]
    tb = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        f"<ipython-input-5-0a1b2c3d4e5f> in <module>\n----> 1 {line}\n",
    ]
    for path, function, shown, failing in frames:
        body = "\n".join(
            f"{'-->' if i == failing else '   '} {100 + i} {text}" for i, text in enumerate(shown)
        )
        tb.append(f"{path} in {function}(self, key)\n{body}\n")
    tb.append(f"{ename}: {message}")
    return diagnosed(ename, message, tb, code)


# ------------------------------------------------ a library's KeyError sentence names a parameter

_START = (
    "'The `start` argument could not be matched to a location related to the index of the data.'"
)
_PREDICT = (
    f"{SITE}/statsmodels/base/wrapper.py",
    "predict",
    ["obj = data.wrap_output(func(results, *args, **kwargs), how)"],
    0,
)
_STATSMODELS = (
    f"{SITE}/statsmodels/tsa/base/tsa_model.py",
    "_get_prediction_index",
    [
        "except KeyError:",
        "    raise KeyError('The `start` argument could not be matched to a'",
        "                   ' location related to the index of the data.')",
    ],
    1,
)


def test_a_sentence_that_marks_a_parameter_points_to_the_value_passed_for_it():
    code = "pred = results.predict(start=sales.iloc[0, 0])"
    text = _ipython7("KeyError", _START, code, [_PREDICT, _STATSMODELS])
    assert "account of `start=`" in text and "(`sales.iloc[0, 0]`)" in text, text
    assert "df.columns" not in text, text


def test_a_sentence_without_a_parameter_passed_keeps_the_libraries_account():
    code = "pred = results.predict(12)"
    text = _ipython7("KeyError", _START, code, [_PREDICT, _STATSMODELS])
    assert "library's own account: check the values" in text and "df.columns" not in text, text


def test_a_plain_key_looked_up_in_a_library_keeps_the_keys_look():
    code = "pred = results.predict(start='2020-01-01')"
    text = _ipython7("KeyError", "'2020-01-01'", code, [_PREDICT, _STATSMODELS])
    assert "account of `start=`" not in text, text


# ----------------------------------------------- pandas' list-likes sentence over several lines

_LIST_LIKES = (
    "'Passing list-likes to .loc or [] with any missing labels is no longer supported, see "
    "https://pandas.pydata.org/pandas-docs/stable/user_guide/indexing.html"
    "#deprecate-loc-reindex-listlike'"
)
_VALIDATE = (
    f"{SITE}/pandas/core/indexing.py",
    "_validate_read_indexer",
    [
        "if not (ax.is_categorical() or ax.is_interval()):",
        "    raise KeyError(",
        '        "Passing list-likes to .loc or [] with any missing labels "',
        '        "is no longer supported, see "',
    ],
    1,
)


def test_pandas_list_likes_sentence_is_no_column_name():
    code = "keep = ['price', 'year2']\ncars = cars.loc[:, keep]"
    text = _ipython7("KeyError", _LIST_LIKES, code, [_VALIDATE])
    assert "no column or label 'Passing" not in text, text
    assert "Some labels in `keep` are not in `cars.columns`" in text, text
    assert "set(keep) - set(cars.columns)" in text, text


def test_pandas_list_likes_sentence_on_rows_names_the_index():
    code = "picked = cars.loc[wanted]"
    text = _ipython7("KeyError", _LIST_LIKES, code, [_VALIDATE])
    assert "Some labels in `wanted` are not in `cars.index`" in text, text


def test_a_key_that_differs_from_the_literals_below_the_raise_is_a_label():
    code = "x = cars['Passing list-likes']"
    frame = (*_VALIDATE[:2], ["raise KeyError(", '    "Something else entirely "'], 0)
    text = _ipython7("KeyError", "'Passing list-likes'", code, [frame])
    assert "'Passing list-likes'" in text and "Some labels" not in text, text


# --------------------------------------------------------------- a RangeIndex without the label

_RANGE = (
    f"{SITE}/pandas/core/indexes/range.py",
    "get_loc",
    [
        "    return self._range.index(new_key)",
        "except ValueError as err:",
        "    raise KeyError(key) from err",
    ],
    2,
)
_BASE = (
    f"{SITE}/pandas/core/indexes/base.py",
    "get_loc",
    [
        "try:",
        "    return self._engine.get_loc(casted_key)",
        "except KeyError as err:",
        "    raise KeyError(key) from err",
    ],
    3,
)
_SERIES = (f"{SITE}/pandas/core/series.py", "__getitem__", ["return self._get_value(key)"], 0)


def test_a_range_index_without_the_label_is_not_told_to_use_iloc():
    code = "import pandas as pd\nname = df['path'][83].split('/')[-1]"
    text = _ipython7("KeyError", "83", code, [_SERIES, _RANGE])
    assert "not the position 83" not in text, text
    assert "RangeIndex" in text and "`len(...)`" in text, text


def test_another_index_without_the_label_keeps_label_not_position():
    code = "import pandas as pd\nname = df['path'][83].split('/')[-1]"
    text = _ipython7("KeyError", "83", code, [_SERIES, _BASE])
    assert "pandas looked up the label 83, not the position 83" in text, text


# ----------------------------------------------------- labels that repeat are a column's values

_NONE_OF = (
    "\"None of [Index(['college', 'college', 'bachelor', 'master', 'college',\\n       "
    "...\\n       'bachelor', 'college'],\\n      dtype='object', length=9134)] are in the "
    '[columns]"'
)
_STRICT = (
    f"{SITE}/pandas/core/indexes/base.py",
    "_raise_if_missing",
    ['    raise KeyError(f"None of [{key}] are in the [{axis_name}]")'],
    0,
)


def test_repeated_labels_are_a_columns_values_not_another_frame():
    code = "from sklearn.preprocessing import OrdinalEncoder\nenc = OrdinalEncoder()\n"
    code += "df[ordinal] = enc.fit_transform(df[ordinal])"
    text = _ipython7("KeyError", _NONE_OF, code, [_STRICT])
    assert "another frame" not in text and "renamed" not in text, text
    assert "`ordinal` holds a column's values" in text, text


def test_distinct_missing_labels_keep_another_frame_or_renamed_columns():
    message = "\"None of [Index(['Age', 'Fare', 'Pclass'], dtype='object')] are in the [columns]\""
    code = "import pandas as pd\nX = df[features]"
    text = _ipython7("KeyError", message, code, [_STRICT])
    assert "column's values" not in text, text


# -------------------------------------------------------------- continuous beside multiclass

_CHECK_TARGETS = (
    f"{SITE}/sklearn/metrics/_classification.py",
    "_check_targets",
    [
        "if len(y_type) > 1:",
        '    raise ValueError("Classification metrics can\'t handle a mix of {0} "',
        '                     "and {1} targets".format(type_true, type_pred))',
    ],
    2,
)


def _metric(kinds: str) -> str:
    message = f"Classification metrics can't handle a mix of {kinds} targets"
    code = "from sklearn.metrics import accuracy_score\nprint(accuracy_score(y_test, pred))"
    return _ipython7("ValueError", message, code, [_CHECK_TARGETS])


def test_multiclass_beside_continuous_gets_no_half_threshold():
    text = _metric("multiclass and continuous")
    assert "> 0.5" not in text and "multiclass labels" in text, text
    assert "np.rint(y_pred).astype(int)" in text, text


def test_binary_beside_continuous_keeps_the_threshold():
    assert "(y_pred > 0.5).astype(int)" in _metric("binary and continuous")


# --------------------------------------------------- continuous labels the code stratifies by

_UNKNOWN_LABEL = (
    "Unknown label type: 'continuous'. Maybe you are trying to fit a classifier, which expects "
    "discrete classes on a regression target with continuous values."
)
_MULTICLASS = (
    f"{SITE}/sklearn/utils/multiclass.py",
    "check_classification_targets",
    ['    raise ValueError(f"Unknown label type: {y_type!r}. Maybe you are trying to fit a "'],
    0,
)


def _fitted(message: str, code: str, module: str, checks: tuple) -> str:
    """The hint for `clf.fit(...)`, the last line of ``code``, failing in the estimator's
    module ``module`` at the check ``checks``."""
    fit = (f"{SITE}/sklearn/{module}", "fit", ["y = self._validate_data(X, y)"], 0)
    return _ipython7("ValueError", message, code, [fit, checks])


def _fit(split: str) -> str:
    code = (
        "import numpy as np\nfrom sklearn.linear_model import LogisticRegression\n"
        "for col in df.columns:\n    df[col] = np.sqrt(df[col])\ny = df['damage']\n"
        f"{split}\nclf = LogisticRegression()\nclf.fit(X_train, y_train)"
    )
    return _fitted(_UNKNOWN_LABEL, code, "linear_model/_logistic.py", _MULTICLASS)


def test_labels_split_with_stratify_are_classes_no_regressor():
    split = "X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y)"
    text = _fit(split)
    assert "use a regressor" not in text and "`stratify=y`" in text, text
    assert "np.unique(y_train)" in text, text


def test_labels_split_without_stratify_keep_both_readings():
    text = _fit("X_train, X_test, y_train, y_test = train_test_split(X, y)")
    assert "use a regressor" in text, text


# -------------------------------------------------------------- labels built all one number

_ONE_CLASS = "The number of classes has to be greater than one; got 1 class"
_SVM = (
    f"{SITE}/sklearn/svm/_base.py",
    "_validate_targets",
    ['    raise ValueError("The number of classes has to be greater than one; got %d"'],
    0,
)


def _svc(labels: str) -> str:
    code = (
        "import numpy as np\nfrom sklearn import svm\nclf = svm.SVC()\n"
        f"{labels}\ntrain_y = labels[:10]\nclf.fit(train_X, train_y)"
    )
    return _fitted(_ONE_CLASS, code, "svm/_base.py", _SVM)


def test_labels_built_from_one_repeated_number_are_one_class_by_construction():
    text = _svc("labels = np.array([1]*40)")
    assert "`labels = np.array([1]*40)` gives every sample the same label" in text, text
    assert "stratify" not in text, text


def test_labels_filled_after_zeros_keep_the_filter_or_split_advice():
    text = _svc("labels = np.zeros(40)\nlabels[20:] = 1")
    assert "gives every sample the same label" not in text, text


# ------------------------------------------------------------------- np.where inside df[...]

_CACHE = (
    f"{SITE}/pandas/core/generic.py",
    "_get_item_cache",
    ["cache = self._item_cache", "res = cache.get(item)"],
    1,
)


def test_where_positions_in_a_frames_brackets_are_no_tuple_to_make():
    code = "import numpy as np\nimport pandas as pd\nrows = sales[np.where(sales['id'] == 7)]"
    text = _ipython7("TypeError", "unhashable type: 'numpy.ndarray'", code, [_CACHE])
    assert "tuple or string" not in text, text
    assert "`sales[condition]`" in text and "sales.iloc[np.where(condition)[0]]" in text, text


def test_an_array_as_a_dict_key_keeps_the_tuple_advice():
    code = "import numpy as np\ncounts[np.array([1, 2])] += 1"
    text = _ipython7("TypeError", "unhashable type: 'numpy.ndarray'", code)
    assert "tuple or string" in text, text


# ---------------------------------------------------- a Pipeline ending in a model, transformed

_PIPELINE = (
    f"{SITE}/sklearn/pipeline.py",
    "fit_transform",
    ["else:", "    return last_step.fit(Xt, y, **fit_params).transform(Xt)"],
    1,
)


def _pipeline(extra: str = "") -> str:
    code = (
        "from sklearn.pipeline import Pipeline\nfrom sklearn.naive_bayes import MultinomialNB\n"
        f"{extra}text_clf = Pipeline([('vect', CountVectorizer()), ('nb', MultinomialNB())])\n"
        "text_clf.fit_transform(docs, labels)"
    )
    message = "'MultinomialNB' object has no attribute 'transform'"
    return _ipython7("AttributeError", message, code, [_PIPELINE])


def test_a_pipeline_ending_in_a_classifier_is_fitted_not_transformed():
    text = _pipeline()
    assert "another kind of object" not in text, text
    assert "`text_clf.fit(...)`" in text and "`text_clf.predict(...)`" in text, text


def test_a_users_own_last_step_is_not_called_a_model():
    text = _pipeline("class MultinomialNB:\n    pass\n")
    assert "is a model with no `transform`" not in text, text
