"""Shape, conversion, weights, plot and certificate hints whose claim did not hold on the crash
(session 24d): a split or `load_data()` unpacked in another order than it returns its parts, a
dask column typed from the first rows, a tuner's stale trial checkpoints, `df.size` given to
`scatter`, a certificate made for another host name.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint

_SITE = "/opt/conda/lib/python3.8/site-packages"
_CHECK_ARRAY = (
    f"{_SITE}/sklearn/utils/validation.py",
    "check_array",
    ["if array.ndim == 1:"],
    "raise ValueError(",
)
_WANTS_2D = (
    "Expected 2D array, got 1D array instead:\narray=[3.1 7.4 2.2 5.9].\n"
    "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
    "array.reshape(1, -1) if it contains a single sample."
)
_NORMALIZE = (
    f"{_SITE}/sklearn/preprocessing/_data.py",
    "normalize",
    ["X = check_array("],
    "X = check_array(X, accept_sparse=sparse_format, copy=copy,",
)

# ------------------------------------- a split or load_data() unpacked out of its return order


def test_load_data_unpacked_features_first_is_told_the_order():
    cells = ["(xa, xb), (ya, yb) = keras.datasets.reuters.load_data()"]
    code = "xb = preprocessing.normalize(xb)"
    text = _hint("ValueError", _WANTS_2D, code, frames=[_NORMALIZE, _CHECK_ARRAY], cells=cells)
    assert "`load_data` returns `(x_train, y_train), (x_test, y_test)`" in text, text
    assert "`xb` holds labels" in text and "`(xa, ya), (xb, yb) = ...load_data()`" in text


def test_load_data_unpacked_in_its_order_keeps_the_reshape_hint():
    cells = ["(xa, ya), (xb, yb) = keras.datasets.reuters.load_data()"]
    code = "xb = preprocessing.normalize(xb)"
    text = _hint("ValueError", _WANTS_2D, code, frames=[_NORMALIZE, _CHECK_ARRAY], cells=cells)
    assert "load_data" not in text and "reshape(-1, 1)" in text, text


_Y_2D = "y should be a 1d array, got an array of shape (120, 4) instead."
_COLUMN_OR_1D = (
    f"{_SITE}/sklearn/utils/validation.py",
    "column_or_1d",
    ["return np.ravel(y)"],
    "raise ValueError(",
)
_FIT = (
    f"{_SITE}/sklearn/naive_bayes.py",
    "fit",
    ["self : object"],
    "X, y = self._validate_data(X, y)",
)


def test_a_split_unpacked_x_y_x_y_gives_y_the_features_and_is_told_so():
    cells = ["train_x, train_y, test_x, test_y = train_test_split(feats, target, test_size=0.2)"]
    code = "clf.fit(train_x, train_y)"
    text = _hint("ValueError", _Y_2D, code, frames=[_FIT, _COLUMN_OR_1D], cells=cells)
    assert "`train_y` holds features" in text, text
    assert "`train_x, test_x, train_y, test_y = train_test_split(...)`" in text, text


def test_a_split_whose_y_is_rebound_afterwards_keeps_the_columns_hint():
    cells = [
        "train_x, train_y, test_x, test_y = train_test_split(feats, target, test_size=0.2)",
        "train_y = onehot.transform(labels)",
    ]
    code = "clf.fit(train_x, train_y)"
    text = _hint("ValueError", _Y_2D, code, frames=[_FIT, _COLUMN_OR_1D], cells=cells)
    assert "in that order" not in text and "4 columns" in text, text


# ---------------------------------------------- dask typed a column from the first rows only

_DASK_MESSAGE = (
    "Mismatched dtypes found in `pd.read_csv`/`pd.read_table`.\n\n"
    "+--------+---------+----------+\n| Column | Found   | Expected |\n"
    "+--------+---------+----------+\n| remark | object  | float64  |\n"
    "+--------+---------+----------+\n\n"
    "The following columns also raised exceptions on conversion:\n\n- remark\n"
    "  ValueError(\"could not convert string to float: 'LATE DELIVERY'\")\n\n"
    "Usually this is due to dask's dtype inference failing, and\n*may* be fixed by specifying "
    "dtypes manually by adding:\n\ndtype={'remark': 'object'}\n\nto the call to "
    "`read_csv`/`read_table`."
)
_DASK_COERCE = (
    f"{_SITE}/dask/dataframe/io/csv.py",
    "coerce_dtypes",
    ["rule.join(filter(None, [dtype_msg, date_msg]))"],
    "raise ValueError(msg)",
)


def test_a_dask_dtype_mismatch_is_told_to_pass_the_printed_dtypes():
    code = "orders = dd.read_csv('orders-*.csv')\norders.remark.head()"
    text = _hint("ValueError", _DASK_MESSAGE, code, frames=[_DASK_COERCE])
    assert "dask guessed each column's type" in text and "`'remark': 'object'`" in text, text
    assert "one-hot" not in text, text


def test_words_given_to_a_model_are_no_dask_matter():
    code = "clf.fit(orders[['remark', 'amount']], orders['late'])"
    frames = [(*_CHECK_ARRAY[:3], "array = np.asarray(array, order=order, dtype=dtype)")]
    message = "could not convert string to float: 'LATE DELIVERY'"
    text = _hint("ValueError", message, code, frames=frames)
    assert "dask" not in text and "'LATE DELIVERY'" in text, text


# --------------------------------------------------- a tuner's trial checkpoints that do not fit

_NOT_LOADED = (
    "A total of 2 objects could not be loaded. Example error message for object <Dense "
    "name=dense, built=True>:\n\nLayer 'dense' expected 2 variables, but received 0 variables "
    "during loading. Expected: ['kernel', 'bias']\n\nList of objects that could not be "
    "loaded:\n[<Dense name=dense, built=True>, <Dense name=dense_1, built=True>]"
)
_RAISE_LOADING = (
    f"{_SITE}/keras/src/saving/saving_lib.py",
    "_raise_loading_failure",
    ["warnings.warn(msg)"],
    "raise ValueError(msg)",
)


def test_a_tuners_best_model_that_cannot_load_is_told_to_search_or_overwrite():
    frames = [
        (
            f"{_SITE}/keras_tuner/src/engine/tuner.py",
            "load_model",
            ["with maybe_distribute(self.distribution_strategy):"],
            "model.load_weights(self._get_checkpoint_fname(trial.trial_id))",
        ),
        _RAISE_LOADING,
    ]
    code = "best = search.get_best_models(num_models=1)[0]"
    text = _hint("ValueError", _NOT_LOADED, code, frames=frames)
    assert "tuner reloads each trial's saved weights" in text and "overwrite=True" in text, text
    assert "ran twice" not in text, text


def test_weights_loaded_by_the_users_own_call_are_no_tuner_matter():
    code = "net.load_weights('best.weights.h5')"
    text = _hint("ValueError", _NOT_LOADED, code, frames=[_RAISE_LOADING])
    assert "tuner" not in text and "saved weights are for another model" in text, text


# ----------------------------------------------------------- `df.size` given to scatter as x

_SAME_SIZE = "x and y must be the same size"
_SCATTER = (
    f"{_SITE}/matplotlib/axes/_axes.py",
    "scatter",
    ["if x.size != y.size:"],
    'raise ValueError("x and y must be the same size")',
)


def test_a_frames_size_attribute_given_as_x_is_told_it_is_a_count():
    code = "flats = homes[homes.rooms == 2]\nplt.scatter(flats.size, flats.rent)"
    text = _hint("ValueError", _SAME_SIZE, code, frames=[_SCATTER])
    assert "`flats.size` is a count" in text and "`flats['size']`" in text, text


def test_a_size_column_picked_by_its_label_is_no_count():
    code = "flats = homes[homes.rooms == 2]\nplt.scatter(flats['size'], flats.rent)"
    text = _hint("ValueError", _SAME_SIZE, code, frames=[_SCATTER])
    assert "is a count" not in text and "flattens x and y" in text, text


# --------------------------------------------------- a certificate made for another host name

_URLOPEN = (
    "C:\\Python39\\lib\\urllib\\request.py",
    "do_open",
    ["except OSError as err: # timeout error"],
    "raise URLError(err)",
)


def test_a_hostname_mismatch_is_told_to_check_the_host_spelling():
    message = (
        "<urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname "
        "mismatch, certificate is not valid for 'data.exmaple.org'. (_ssl.c:1129)>"
    )
    code = "table = pd.read_csv('https://data.exmaple.org/prices.csv')"
    text = _hint("URLError", message, code, frames=[_URLOPEN])
    assert "`data.exmaple.org` sent a certificate made for another name" in text, text
    assert "spelling" in text and "install -U certifi" not in text, text


def test_an_unknown_issuer_is_still_told_to_update_certificates():
    message = (
        "<urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to "
        "get local issuer certificate (_ssl.c:1129)>"
    )
    code = "table = pd.read_csv('https://data.example.org/prices.csv')"
    text = _hint("URLError", message, code, frames=[_URLOPEN])
    assert "install -U certifi" in text and "hostname mismatch" not in text, text
