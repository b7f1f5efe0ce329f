"""Speak-only-when pairs for type, value and OpenCV templates that blind graders called wrong
(crashes written here by hand, in the libraries' wording, never copied from a notebook):

- "not JSON serializable": `.tolist()`/`int(x)` only for NumPy's and torch's types; a set is
  made a list, a Timestamp text, another type plain values.
- `arr.add(b)`: NumPy's function keeps the call's operands, `np.add(arr, b)`.
- A base-62 id ('4uLU6hMCjMI75M1A2tKUQC') read as a number: an identifier, no `to_numeric`.
- A function written for one value (`if x > 0.5:` on its parameter) called with a column:
  `.apply`, not `.item()`/`.any()`.
- NaN from columns set side by side (`pd.DataFrame({'a': s, 'b': pd.DataFrame(pred)[0]})`):
  index alignment, not `dropna`.
- check_array's one value that is an object's repr (`StandardScaler()`): no vectorizer.
- The user's own `for a, b in rows` of the old "too many values to unpack": one item's parts,
  no `.shape`.
- `clf.predict(text)` with a fitted vectorizer: its `.transform`, not a new `.fit_transform`.
- A video read in `while cap.isOpened():` without testing `ret`: the end of the file.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/opt/conda/lib/python3.11/site-packages"
RULE = "-" * 75


def _hint(ename, message, cell, frames=(), cells=(), own=None):
    """The hint of ``cell`` failing on its last line, then library ``frames`` ((path, function,
    line) triples); ``own``: (function, its def's lines, failing line number) of a notebook
    function the line called, which failed; ``cells``: the notebook's other code cells."""
    lines = cell.splitlines()
    shown = "".join(f"      {i} {line}\n" for i, line in enumerate(lines[:-1], 1))
    tb = [
        RULE,
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[12], line {len(lines)}\n{shown}----> {len(lines)} {lines[-1]}\n",
    ]
    if own:
        function, body, at = own
        text = "".join(
            f"{'---->' if i == at else '     '} {i} {line}\n" for i, line in enumerate(body, 1)
        )
        tb.append(f"Cell In[11], line {at}, in {function}\n{text}")
    for path, function, line in frames:
        tb.append(f"File {path}:88, in {function}\n---> 88 {line}\n")
    tb.append(f"{ename}: {message}")
    notebook = [
        {"id": str(i), "source": source, "execution_count": i + 1, "cell_type": "code"}
        for i, source in enumerate((*cells, cell))
    ]
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": tb,
        "code": cell,
        "cell_id": str(len(cells)),
        "execution_count": 12,
        "notebook": {"cells": notebook},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


# ------------------------------------------------------------ not JSON serializable

_JSON_FRAMES = [
    ("/usr/lib/python3.11/json/__init__.py", "dump(obj, fp)", "for chunk in iterable:"),
    ("/usr/lib/python3.11/json/encoder.py", "JSONEncoder.default(self, o)", "raise TypeError("),
]


def _unserializable(kind):
    message = f"Object of type {kind} is not JSON serializable"
    cell = "with open('out.json', 'w') as f:\n    json.dump(record, f)"
    return _hint("TypeError", message, cell, _JSON_FRAMES)


def test_a_set_is_made_a_list_not_tolist():
    text = _unserializable("set")
    assert "`list(s)`" in text and ".tolist()" not in text and "int(x)" not in text, text


def test_a_timestamp_is_made_text_not_tolist():
    text = _unserializable("Timestamp")
    assert "astype(str)" in text and ".tolist()" not in text and "int(x)" not in text, text


def test_another_type_gets_plain_values_without_numpy_conversions():
    text = _unserializable("Decimal")
    assert "plain" in text and ".tolist()" not in text, text


def test_numpy_types_keep_tolist_and_int():
    for kind in ("int64", "ndarray", "float32"):
        text = _unserializable(kind)
        assert "`.tolist()`, `int(x)`" in text, text


# ------------------------------------------------------------ an array's missing method


def _array_method(line):
    message = "'numpy.ndarray' object has no attribute 'add'"
    return _hint("AttributeError", message, f"v = np.arange(5)\n{line}")


def test_numpys_function_keeps_the_calls_operands():
    text = _array_method("v.add(v)")
    assert "`np.add(v, v)`" in text and "np.add(v)`" not in text, text


def test_an_unread_call_gets_no_one_operand_function():
    text = _array_method("w = v.add")
    assert "`np.add(...)`" in text and "np.add(v)" not in text, text


# ------------------------------------------------------------ a base-62 id read as a number


def _scaled(value):
    message = f"could not convert string to float: '{value}'"
    frames = [
        (f"{SITE}/sklearn/preprocessing/_data.py", "StandardScaler.fit(self, X)", "return x"),
        (f"{SITE}/sklearn/utils/validation.py", "check_array(array)", "array = _asarray()"),
        (f"{SITE}/pandas/core/generic.py", "NDFrame.__array__(self)", "return np.asarray()"),
    ]
    return _hint("ValueError", message, "scaler = StandardScaler()\nscaler.fit(X)", frames)


def test_a_base62_id_is_an_identifier_to_drop():
    text = _scaled("4uLU6hMCjMI75M1A2tKUQC")
    assert "identifier" in text and "to_numeric" not in text and "one-hot" not in text, text


def test_a_category_word_keeps_the_encoding_advice():
    text = _scaled("Electronics")
    assert "identifier" not in text, text


# ------------------------------------------------------------ a one-value function given a column

_AMBIGUOUS = (
    "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all()."
)
_BOOL = [(f"{SITE}/pandas/core/generic.py", "NDFrame.__nonzero__(self)", "raise ValueError(")]
_IS_LARGE = ("def is_large(v):", "    if v > 100:", "        return 'big'", "    return 'small'")


def test_a_one_value_function_given_a_column_is_applied_per_value():
    own = ("is_large(v)", _IS_LARGE, 2)
    text = _hint("ValueError", _AMBIGUOUS, "is_large(sales['amount'])", _BOOL, own=own)
    assert "`sales['amount'].apply(is_large)`" in text, text
    assert ".item()" not in text and ".any()" not in text, text


def test_a_parameter_reached_some_other_way_gets_no_item_advice():
    own = ("is_large(v)", _IS_LARGE, 2)
    text = _hint("ValueError", _AMBIGUOUS, "out = [is_large(g) for g in groups]", _BOOL, own=own)
    assert ".item()" not in text, text


def test_a_cells_own_name_keeps_the_item_advice():
    cell = "if total > 100:"
    text = _hint("ValueError", _AMBIGUOUS, cell, _BOOL)
    assert "`total.item()`" in text, text


# ------------------------------------------------------------ NaN from index alignment

_NAN_FRAMES = [
    (f"{SITE}/sklearn/metrics/_regression.py", "mean_absolute_error", "_check_reg_targets()"),
    (f"{SITE}/sklearn/utils/validation.py", "_assert_all_finite(X)", "raise ValueError(msg_err)"),
]


def test_columns_set_side_by_side_are_told_their_index_alignment():
    made = "both = pd.DataFrame({'true': y_valid, 'guess': pd.Series(guess)})"
    cell = "mean_absolute_error(both['true'], both['guess'])"
    text = _hint("ValueError", "Input contains NaN.", cell, _NAN_FRAMES, cells=(made,))
    assert "`both`" in text and "index" in text and "dropna" not in text, text


def test_columns_all_made_fresh_keep_the_missing_values_advice():
    made = "both = pd.DataFrame({'true': pd.Series(y_valid), 'guess': pd.Series(guess)})"
    cell = "mean_absolute_error(both['true'], both['guess'])"
    text = _hint("ValueError", "Input contains NaN.", cell, _NAN_FRAMES, cells=(made,))
    assert "index" not in text, text


# ------------------------------------------------------------ an object where data goes

_RESHAPE = (
    "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
    "array.reshape(1, -1) if it contains a single sample."
)
_CHECK = [
    (f"{SITE}/sklearn/neighbors/_classification.py", "predict(self, X)", "X = check_array(X)"),
    (f"{SITE}/sklearn/utils/validation.py", "check_array(array)", "raise ValueError("),
]


def _one_value(printed):
    message = f"Expected 2D array, got scalar array instead:\narray={printed}.\n{_RESHAPE}"
    return _hint("ValueError", message, "pred = knn.predict(X_valid)", _CHECK)


def test_an_objects_repr_is_no_text_for_a_vectorizer():
    text = _one_value("MinMaxScaler()")
    assert "`X_valid` holds an object" in text and "vectorizer" not in text, text
    assert "`X_valid = scaler.transform(X_valid)`" in text, text


def test_a_sentence_keeps_the_vectorizer_advice():
    text = _one_value("what a lovely day")
    assert "vectorizer" in text, text


# ------------------------------------------------------------ a loop's unpacking, old wording


def test_a_loops_unpacking_of_rows_gets_no_shape_tip():
    cell = "names = [n for n, price in menu]"
    text = _hint("ValueError", "too many values to unpack", cell)
    assert "`for n, price in menu`" in text and ".shape" not in text, text


def test_an_assignments_unpacking_keeps_the_safe_look():
    text = _hint("ValueError", "too many values to unpack", "h, w = img.shape")
    assert "for " not in text, text


# ------------------------------------------------------------ text given to a fitted model

_PREDICT_FRAMES = [
    (f"{SITE}/sklearn/naive_bayes.py", "_BaseNB.predict(self, X)", "X = self._check_X(X)"),
    (f"{SITE}/sklearn/utils/validation.py", "check_array(array)", "array = np.asarray(array)"),
]
_REVIEW = (
    "could not convert string to float: 'the soup was cold and the waiter never came back to "
    "our table'"
)
_VECTORIZED = "vec = TfidfVectorizer()\nX_tr = vec.fit_transform(train_text)\nnb.fit(X_tr, y_tr)"


def test_text_to_predict_goes_through_the_fitted_vectorizer():
    cell = "nb.predict(test_text)"
    text = _hint("ValueError", _REVIEW, cell, _PREDICT_FRAMES, cells=(_VECTORIZED,))
    assert "`vec.transform(test_text)`" in text, text
    assert "not a new `.fit_transform`" in text, text


def test_text_to_predict_without_any_vectorizer_gets_no_vectorizer_advice():
    cell = "nb.predict(test_text)"
    text = _hint("ValueError", _REVIEW, cell, _PREDICT_FRAMES, cells=("nb.fit(X_tr, y_tr)",))
    assert "fit_transform" not in text, text


# ------------------------------------------------------------ an OpenCV read loop

_EMPTY = (
    "OpenCV(4.8.0) /io/opencv/modules/highgui/src/window.cpp:971: error: (-215:Assertion "
    "failed) size.width>0 && size.height>0 in function 'imshow'"
)


def _video(source, condition):
    cell = (
        f"cam = cv2.VideoCapture({source})\nwhile {condition}:\n    ok, img = cam.read()\n"
        "    cv2.imshow('v', img)"
    )
    return _hint("error", _EMPTY, cell)


def test_a_loop_guarded_by_is_opened_reads_past_the_videos_end():
    text = _video("'clip.mp4'", "cam.isOpened()")
    assert "could not be opened" not in text and "`if not ok: break`" in text, text


def test_a_camera_in_an_endless_loop_keeps_the_not_opened_hint():
    text = _video("0", "True")
    assert "could not be opened" in text, text
