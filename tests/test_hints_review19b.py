"""Review of fix waves 24c and 24d (f2eb774..w24c, f2eb774..w24d): for each condition narrowed,
a crash (written here by hand, in the libraries' wording and IPython's layout) where the
specific hint was false must not get it, and the crash the condition was made for still does:

- `shops.Age.fillna(Age.median())`, `shops.City.groupby(City)`: `fillna` takes a value worked
  out from the column, `groupby` its keys, so the bare name is not to be left out of the
  arguments but written as the column;
- `(xa, xb), (ya, yb) = load_data(...)` of the notebook's own `def load_data`, and a
  hand-written `def train_test_split` returning `X_train, y_train, X_test, y_test`: the order
  they return is their own, not the library's;
- a raw Windows path in the cell above the line that writes `'\\U+1F600'`: the short code point
  is the escape that failed, not the path;
- `model.load_weights(...)` in the user's own `build_model(hp)` that the tuner calls: the
  user's weights file, no trial checkpoint of the tuner.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions116 import (
    _CHECK_ARRAY,
    _NORMALIZE,
    _NOT_LOADED,
    _RAISE_LOADING,
    _SITE,
    _WANTS_2D,
    _hint,
)
from tests.test_notebook_analyse import make


def _undefined(name: str, sources: list[str], runs: str) -> str:
    """The hint of a NameError on ``name`` in a live notebook (runs as in ``make``)."""
    return diagnose(make(sources, runs, error=("NameError", f"name '{name}' is not defined"))).hint


_LOAD = "import pandas as pd\nshops = pd.read_csv('shops.csv')"

# ------------------------------------------- a column read as an attribute, then a value of it


def test_a_fill_value_worked_out_from_the_column_is_not_to_be_left_out():
    line = "shops.Age.fillna(Age.median(), inplace=True)"
    text = _undefined("Age", [_LOAD, line], "1 2")
    assert "leave `Age` out" not in text and "needs no column passed" not in text, text
    assert "write `shops.Age` where the bare `Age` stands" in text, text
    line = "shops['Age'] = shops.Age.fillna(Age.mean())"
    text = _undefined("Age", [_LOAD, line], "1 2")
    assert "leave `Age` out" not in text and "an attribute of `shops`" in text, text
    text = _undefined("City", [_LOAD, "shops.City.groupby(City).count()"], "1 2")
    assert "leave `City` out" not in text and "write `shops.City`" in text, text
    line = "shops.City.value_counts().sort_values('City', City.value_counts())"
    text = _undefined("City", [_LOAD, line], "1 2")
    assert "leave `City` out of its arguments" in text, text


# ------------------------------------------- a split function the notebook writes itself


def test_the_notebooks_own_load_data_returns_its_own_order():
    cells = [
        "def load_data(path):\n    d = np.load(path)\n"
        "    return (d['x_tr'], d['x_te']), (d['y_tr'], d['y_te'])\n"
        "(xa, xb), (ya, yb) = load_data('digits.npz')"
    ]
    code = "xb = preprocessing.normalize(xb)"
    text = _hint("ValueError", _WANTS_2D, code, frames=[_NORMALIZE, _CHECK_ARRAY], cells=cells)
    assert "load_data` returns" not in text and "holds labels" not in text, text
    assert "reshape(-1, 1)" in text, text
    cells = ["(xa, xb), (ya, yb) = keras.datasets.reuters.load_data()"]
    text = _hint("ValueError", _WANTS_2D, code, frames=[_NORMALIZE, _CHECK_ARRAY], cells=cells)
    assert "`load_data` returns `(x_train, y_train), (x_test, y_test)`" in text, text


def test_a_hand_written_train_test_split_returns_its_own_order():
    own = (
        "def train_test_split(X, y, ratio=0.8):\n    n = int(len(X) * ratio)\n"
        "    return X[:n], y[:n], X[n:], y[n:]\n"
    )
    split = "X_train, y_train, X_test, y_test = train_test_split(X, y)"
    code = "X_test = preprocessing.normalize(X_test)"
    frames = [_NORMALIZE, _CHECK_ARRAY]
    text = _hint("ValueError", _WANTS_2D, code, frames=frames, cells=[own + split])
    assert "train_test_split` returns" not in text and "holds labels" not in text, text
    text = _hint("ValueError", _WANTS_2D, code, frames=frames, cells=[split])
    assert "`train_test_split` returns `X_train, X_test, y_train, y_test`" in text, text


# ------------------------------------------- a short code point below a raw Windows path

_ESCAPE = (
    "(unicode error) 'unicodeescape' codec can't decode bytes in position 6-13: "
    "truncated \\UXXXXXXXX escape"
)


def test_a_short_code_point_below_a_raw_windows_path_is_told_its_escape():
    marked = "print('smile \\U+1F600')"
    cell = f"df = pd.read_csv(r'C:\\Users\\me\\data.csv')\n{marked}"
    text = _syntax_hint(cell, marked, _ESCAPE)
    assert "Windows path" not in text and "`\\U0001F600`" in text, text
    marked = "df = pd.read_csv('C:\\Users\\me\\data.csv')"
    cell = f"import pandas as pd\n{marked}"
    text = _syntax_hint(cell, marked, _ESCAPE)
    assert "Windows path" in text and "r'C:\\Users\\...'" in text, text


# ------------------------------------------- weights the user's build_model loads itself


def test_weights_loaded_in_the_users_build_model_are_no_trial_checkpoint():
    frames = [
        (
            f"{_SITE}/keras_tuner/src/engine/base_tuner.py",
            "_try_run_and_update_trial",
            ["self._run_and_update_trial(trial, *fit_args, **fit_kwargs)"],
            "results = self.run_trial(trial, *fit_args, **fit_kwargs)",
        ),
        (
            f"{_SITE}/keras_tuner/src/engine/hypermodel.py",
            "_build_wrapper",
            ["hp = hp.copy()"],
            "return self._build(hp, *args, **kwargs)",
        ),
        (
            "<ipython-input-5-8a1f0c2d3e4b>",
            "build_model",
            ["model.add(layers.Dense(hp.Int('units', 32, 256, 32)))"],
            "model.load_weights('pretrained.weights.h5')",
        ),
        _RAISE_LOADING,
    ]
    code = "tuner.search(x_train, y_train, epochs=5, validation_split=0.2)"
    text = _hint("ValueError", _NOT_LOADED, code, frames=frames)
    assert "tuner reloads" not in text and "overwrite=True" not in text, text
    frames = [
        (
            f"{_SITE}/keras_tuner/src/engine/tuner.py",
            "load_model",
            ["with maybe_distribute(self.distribution_strategy):"],
            "model.load_weights(self._get_checkpoint_fname(trial.trial_id))",
        ),
        _RAISE_LOADING,
    ]
    code = "best = tuner.get_best_models(num_models=1)[0]"
    text = _hint("ValueError", _NOT_LOADED, code, frames=frames)
    assert "tuner reloads each trial's saved weights" in text, text
