"""Shape and value hints whose claim did not hold on the crash (session 20c): `np.inner`'s
message shows its second array reversed, a 2-D table where pandas wants one column, a metric
given no class labels on either side, a line of numbers a file reader did not split, rows that
differ (a vectorizer, a part split again), Keras's None y, NaN met inside a fit, a date without
a year, and a re-run blamed for a name the crashing cell binds itself.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions32 import _hint as notebook_hint

_PANDAS = (
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/reshape/encoding.py", "get_dummies"),
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/construction.py", "_sanitize_ndim"),
)
_METRICS = "/opt/conda/lib/python3.11/site-packages/sklearn/metrics/_classification.py"
_SKLEARN = ((_METRICS, "accuracy_score"), (_METRICS, "_check_targets"))
_NUMPY_TEXT = (("/opt/conda/lib/python3.11/site-packages/numpy/lib/npyio.py", "loadtxt"),)

# ------------------------------------------------- np.inner shows its second array reversed


def test_np_inner_is_told_it_pairs_the_last_axes():
    message = "shapes (4,2) and (6,2) not aligned: 2 (dim 1) != 6 (dim 0)"
    text = hint(crash("ValueError", message, "out = np.inner(weights, points)"))
    assert "`np.inner` pairs the last axis" in text and "(2, 6)" in text, text
    assert "`weights @ points`" in text and "transpose the second" not in text, text


def test_np_dot_still_transposes_the_second():
    message = "shapes (4,2) and (6,2) not aligned: 2 (dim 1) != 6 (dim 0)"
    text = hint(crash("ValueError", message, "out = np.dot(weights, points)"))
    assert "np.inner" not in text and "transpose the second with `points.T`" in text, text


# ---------------------------------------------------- a 2-D table where pandas wants 1-D


def test_a_table_of_columns_is_not_told_to_ravel():
    message = "Data must be 1-dimensional, got ndarray of shape (250, 4) instead"
    text = hint(crash("ValueError", message, "s = pd.Series(features)", _PANDAS))
    assert "(250, 4)" in text and "one column" in text and "ravel" not in text, text


def test_a_line_encoding_a_name_into_itself_is_told_a_rerun_left_the_table():
    message = "Data must be 1-dimensional, got ndarray of shape (250, 4) instead"
    text = hint(crash("ValueError", message, "labels = pd.get_dummies(labels).to_numpy()", _PANDAS))
    assert "replaces `labels` with its one-hot columns" in text and "re-create" in text, text


def test_a_single_column_is_still_told_to_ravel():
    message = "Data must be 1-dimensional, got ndarray of shape (250, 1) instead"
    text = hint(crash("ValueError", message, "labels = pd.get_dummies(labels)", _PANDAS))
    assert "`arr.ravel()`" in text and "one-hot columns" not in text, text


# ----------------------------------------------------- a metric given no class labels at all


def test_numbers_beside_columns_of_numbers_are_told_to_use_a_regression_metric():
    message = (
        "Classification metrics can't handle a mix of continuous and continuous-multioutput targets"
    )
    text = hint(crash("ValueError", message, "accuracy_score(pred, features_test)", _SKLEARN))
    assert "Neither side holds class labels" in text and "`r2_score`" in text, text
    assert "argmax" not in text, text


def test_class_labels_beside_scores_are_told_to_take_the_argmax():
    message = (
        "Classification metrics can't handle a mix of multiclass and continuous-multioutput targets"
    )
    text = hint(crash("ValueError", message, "accuracy_score(y_val, probs)", _SKLEARN))
    assert "`np.argmax(y_pred, axis=1)`" in text and "Neither side" not in text, text


# ------------------------------------------------- a line of numbers the reader did not split


def test_a_line_of_numbers_is_told_to_give_the_delimiter():
    message = "could not convert string to float: b'0.5;1.25;7.0;3.5'"
    text = hint(crash("ValueError", message, 'grid = np.loadtxt("grid.txt")', _NUMPY_TEXT))
    assert "joined by a semicolon" in text and "`delimiter=';'` to `loadtxt`" in text, text


def test_newer_numpy_wording_of_a_comma_line_is_read_too():
    message = "could not convert string '1.5,2.5,4.0' to float64 at row 0, column 1."
    text = hint(crash("ValueError", message, 'm = np.loadtxt("m.csv")', _NUMPY_TEXT))
    assert "joined by a comma" in text and "`delimiter=','`" in text, text


def test_a_decimal_comma_is_no_line_of_numbers():
    message = "could not convert string to float: '12,75'"
    text = hint(crash("ValueError", message, 'df["price"] = df["price"].astype(float)'))
    assert "joined by" not in text and "comma" in text, text


# ------------------------------------- rows that differ: a vectorizer, a part split again


_SAMPLES = "Found input variables with inconsistent numbers of samples: [{}, {}]"
_VALIDATION = "/opt/conda/lib/python3.11/site-packages/sklearn/utils/validation.py"


def _rows_hint(cells, crash_at, a, b, called="fit"):
    """The hint of scikit-learn's row check failing on cell ``crash_at``'s one line, which
    calls ``called``."""
    line, count = cells[crash_at][0], cells[crash_at][1]
    message = _SAMPLES.format(a, b)
    tb = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        f"Cell In[{count}], line 1\n----> 1 {line}\n",
        f"File {_VALIDATION[:-14]}/base.py:1151, in {called}(*args, **kwargs)\n"
        "-> 1151 return impl(*args, **kwargs)\n",
        f"File {_VALIDATION}:1165, in check_X_y(X, y)\n-> 1165 check_consistent_length(X, y)\n",
        f"File {_VALIDATION}:409, in check_consistent_length(*arrays)\n--> 409 raise ValueError(\n",
        f"ValueError: {message}",
    ]
    return notebook_hint("ValueError", message, line, cells, crash_at, count=count, traceback=tb)


def test_a_vectorized_frame_seen_in_another_cell_is_told_its_items_are_column_names():
    cells = [
        ("reviews_tr, reviews_te, lab_tr, lab_te = train_test_split(reviews, labels)", 1, None),
        ("vec = TfidfVectorizer(min_df=2)", 2, None),
        ("feats_tr = vec.fit_transform(reviews_tr)", 3, None),
        ("clf.fit(feats_tr, lab_tr)", 4, None),
    ]
    text = _rows_hint(cells, 3, 3, 1480)
    assert "`TfidfVectorizer` reads one text per item" in text, text
    assert "same split together" not in text, text


def test_a_scaled_part_is_no_vectorized_frame():
    cells = [
        ("reviews_tr, reviews_te, lab_tr, lab_te = train_test_split(reviews, labels)", 1, None),
        ("vec = TfidfVectorizer(min_df=2)", 2, None),
        ("feats_tr = scaler.fit_transform(reviews_tr)", 3, None),
        ("clf.fit(feats_tr, lab_tr)", 4, None),
    ]
    text = _rows_hint(cells, 3, 3, 1480)
    assert "Vectorizer" not in text, text
    assert "named as the same part of a split" in text and "`X_train` with" not in text, text


def test_parts_of_different_names_are_still_told_to_go_together():
    cells = [
        ("a_tr, a_te, b_tr, b_te = train_test_split(a, b)", 1, None),
        ("clf.fit(feats, lab_te)", 2, None),
    ]
    text = notebook_hint(
        "ValueError", _SAMPLES.format(900, 300), "clf.fit(feats, lab_te)", cells, 1
    )
    assert "pass parts of the same split together" in text, text


def test_splitting_a_label_part_again_is_told_to_use_the_whole_labels():
    cells = [
        ("img_tr, img_te, tgt_tr, tgt_te = train_test_split(images, target)", 1, None),
        ("emb = reducer.fit_transform(images)", 2, None),
        ("e_tr, e_te, tgt_tr, tgt_te = train_test_split(emb, tgt_tr, test_size=0.2)", 3, None),
    ]
    text = _rows_hint(cells, 2, 2000, 1500, "train_test_split")
    assert "`tgt_tr` is only the train part of an earlier split of `target`" in text, text
    assert "`train_test_split(emb, target, ...)`" in text and "`e_tr`" not in text, text


def test_the_failing_split_is_not_its_own_partner_nor_an_earlier_one():
    cells = [("e_tr, e_te, t_tr, t_te = train_test_split(emb, target)", 1, None)]
    text = _rows_hint(cells, 0, 2000, 1500, "train_test_split")
    assert "`e_tr`" not in text and "earlier split" not in text, text
    assert "before the split" in text, text


# ------------------------------------ Keras's data adapter: y None is predict's own, not a slip

_KERAS = (
    ("/usr/local/lib/python3.10/dist-packages/keras/src/utils/traceback_utils.py", "error_handler"),
    (
        "/usr/local/lib/python3.10/dist-packages/keras/src/engine/data_adapter.py",
        "select_data_adapter",
    ),
)
_ADAPTER = "Failed to find data adapter that can handle input: {}, <class 'NoneType'>"


def test_symbolic_tensors_given_as_data_are_named():
    tensor = "keras.src.engine.keras_tensor.KerasTensor"
    given = f"(<class 'list'> containing values of types {{\"<class '{tensor}'>\"}})"
    text = hint(crash("ValueError", _ADAPTER.format(given), "out = net.predict([enc, h0])", _KERAS))
    assert "symbolic `KerasTensor`s" in text and "holds None" not in text, text


def test_a_none_y_beside_odd_items_is_no_variable_holding_none():
    given = "(<class 'list'> containing values of types {\"<class 'str'>\"})"
    text = hint(crash("ValueError", _ADAPTER.format(given), "out = net.predict(words)", _KERAS))
    assert "holds None" not in text and "KerasTensor" not in text, text


def test_a_none_x_is_still_a_variable_holding_none():
    message = _ADAPTER.format("<class 'NoneType'>")
    text = hint(crash("ValueError", message, "out = net.predict(batch)", _KERAS))
    assert "Keras got None as its data" in text, text


# -------------------------------- NaN met inside scikit-learn's computation, after its checks

_SITE = "/usr/local/lib/python3.10/dist-packages"
_INSIDE = (
    (f"{_SITE}/sklearn/cluster/_spectral.py", "fit"),
    (f"{_SITE}/sklearn/manifold/_spectral_embedding.py", "spectral_embedding"),
    (f"{_SITE}/scipy/sparse/linalg/_eigen/arpack/arpack.py", "eigsh"),
    (f"{_SITE}/scipy/linalg/_decomp_lu.py", "lu_factor"),
    (f"{_SITE}/numpy/lib/function_base.py", "asarray_chkfinite"),
)
_NOT_FINITE = "array must not contain infs or NaNs"


def test_nan_inside_a_fit_after_its_checks_is_the_methods_own():
    code = 'sc = SpectralClustering(n_clusters=4, affinity="precomputed")\nsc.fit(sim)'
    text = hint(crash("ValueError", _NOT_FINITE, "sc.fit(sim)", _INSIDE, code=code))
    assert "inside `sc.fit`'s own computation" in text and "`lu_factor`" in text, text
    assert "non-negative similarity matrix" in text and "`sim` contains" not in text, text


def test_nan_at_the_input_check_is_the_datas():
    frames = (
        (f"{_SITE}/sklearn/cluster/_spectral.py", "fit"),
        (f"{_SITE}/sklearn/utils/validation.py", "check_array"),
        (f"{_SITE}/sklearn/utils/validation.py", "_assert_all_finite"),
        (f"{_SITE}/numpy/lib/function_base.py", "asarray_chkfinite"),
    )
    text = hint(crash("ValueError", _NOT_FINITE, "sc.fit(sim)", frames))
    assert "own computation" not in text and "NaN" in text, text


def test_a_function_called_directly_may_pass_its_input_on_unchecked():
    frames = _INSIDE[1:]
    text = hint(crash("ValueError", _NOT_FINITE, "emb = spectral_embedding(sim)", frames))
    assert "own computation" not in text, text


# ------------------------------------------- a date without a year; a name the cell binds itself

_TIMES = (
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/tools/datetimes.py", "to_datetime"),
)


def test_a_date_without_a_year_is_told_to_give_its_format():
    message = "Out of bounds nanosecond timestamp: 17/03, at position 0"
    text = hint(crash("OutOfBoundsDatetime", message, "s = pd.to_datetime(s)", _TIMES))
    assert "'17/03' has no four-digit year" in text and "`format=`" in text, text


def test_a_date_with_its_year_is_still_out_of_range():
    message = "Out of bounds nanosecond timestamp: 3022-05-01 00:00:00, at position 4"
    text = hint(crash("OutOfBoundsDatetime", message, "s = pd.to_datetime(s)", _TIMES))
    assert "four-digit year" not in text and "1677–2262" in text, text


def _rerun_hint(crash_source):
    cells = [
        ("raw = pd.read_csv('log.csv')", 2, None),
        ("raw = split_time(raw)", 7, None),
        ("daily = raw.groupby('day', as_index=False)['temp'].mean()", 4, None),
        ("daily.head()", 3, None),
        (crash_source, 8, None),
    ]
    message = "Out of bounds nanosecond timestamp: 3022-05-01 00:00:00, at position 0"
    line = crash_source.splitlines()[-1]
    return notebook_hint("OutOfBoundsDatetime", message, line, cells, 4, count=8)


def test_a_name_the_crashing_cell_binds_itself_is_not_traced_to_other_cells():
    text = _rerun_hint(
        "daily = other.groupby('day', as_index=False)['temp'].mean()\n"
        "daily['day'] = pd.to_datetime(daily['day'])"
    )
    assert "changes `raw`" not in text and "1677–2262" in text, text


def test_a_name_set_in_another_cell_still_leads_to_the_rerun():
    text = _rerun_hint("daily['day'] = pd.to_datetime(daily['day'])")
    assert "changes `raw` (`raw = split_time(raw)`) each time it runs" in text, text
