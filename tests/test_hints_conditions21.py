"""Value, shape and saved-order hints that named a fix the crash does not call for: text a
conversion cannot help (sentences, class labels given to a regression, data given whole to a
chart, a value written among numbers), assignments the line does not make, shapes whose numbers
say more than "reshape", and notebook changes that a later cell undid.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_notebook_saved import run, saved

SK = "/opt/conda/lib/python3.11/site-packages/sklearn"
PD = "/opt/conda/lib/python3.11/site-packages/pandas"
MPL = "/opt/conda/lib/python3.11/site-packages/matplotlib"
NP = "/opt/conda/lib/python3.11/site-packages/numpy"
TF = "/opt/conda/lib/python3.11/site-packages/keras/src/engine"

# ---------------------------------------------------------------- text that cannot be a number


def _sklearn_text(line: str, value: str, last: str = "check_array") -> str:
    method = line.split(".")[-1].split("(")[0]
    frames = [(f"{SK}/cluster/_kmeans.py", method), (f"{SK}/base.py", "_validate_data")]
    frames.append((f"{SK}/utils/validation.py", last))
    return hint(crash("ValueError", f"could not convert string to float: '{value}'", line, frames))


def test_sentences_given_to_a_clusterer_need_a_vectorizer():
    text = _sklearn_text("labels = km.fit_predict(X)", "the service was slow and the food cold")
    assert "vectorizer" in text and "to_numeric" not in text, text


def test_sentences_elsewhere_get_no_encoding_advice():
    line = "values = np.asarray(col, dtype=float)"
    message = "could not convert string to float: 'the service was slow and the food cold'"
    text = hint(crash("ValueError", message, line, [(f"{NP}/core/_asarray.py", "asarray")]))
    assert "to_numeric" not in text and "one-hot" not in text, text


def test_a_single_word_still_gets_the_encoding_advice():
    text = _sklearn_text("model.fit(X, y)", "red")
    assert "one-hot" in text, text


def test_text_labels_given_to_a_regression_want_a_classifier():
    text = _sklearn_text("reg.fit(X, species)", "virginica", last="_check_y")
    assert "classifier" in text and "to_numeric" not in text, text


def test_a_chart_given_text_counts_it():
    frames = [(f"{MPL}/pyplot.py", "pie"), (f"{MPL}/axes/_axes.py", "pie")]
    frames.append((f"{PD}/core/generic.py", "__array__"))
    text = hint(
        crash("ValueError", "could not convert string to float: 'north'", "plt.pie(df)", frames)
    )
    assert "`plt.pie(df)`" in text and "value_counts" in text and "to_numeric" not in text, text


def test_a_value_written_among_numbers_is_not_a_name():
    line = "a = np.array(['x', '2', '5'], dtype=int)"
    text = hint(crash("ValueError", "invalid literal for int() with base 10: 'x'", line))
    assert "among numbers" in text and "df['x']" not in text, text


def test_a_quoted_name_passed_alone_is_still_one():
    line = "corr = np.corrcoef('height', weights)"
    text = hint(crash("ValueError", "could not convert string to float: 'height'", line))
    assert "not its name in quotes" in text, text


# ------------------------------------------------------------------- lengths that do not match


def _pandas_set(line: str, message: str, first: str = "__setitem__") -> str:
    frames = [(f"{PD}/core/frame.py", first), (f"{PD}/core/common.py", "require_length_match")]
    return hint(crash("ValueError", message, line, frames))


def test_assigning_a_column_of_another_length_is_named():
    text = _pandas_set(
        "df['score'] = scores", "Length of values (90) does not match length of index (100)"
    )
    assert "assign one value per row" in text, text


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("total = weights * df.price", "__mul__"),  # a Series built inside an operation
        ("report.summarise(table=df, scores=scores)", "summarise"),  # a function assigns inside
    ],
)
def test_no_assignment_of_the_line_gets_no_assignment_advice(line, first):
    text = _pandas_set(line, "Length of values (3) does not match length of index (2)", first)
    assert "assign one value" not in text, text


def test_one_column_name_given_a_dataframe():
    text = _pandas_set(
        "df['peak'] = df.groupby('day')['high'].transform('max')",
        "Columns must be same length as key",
        first="_set_item_frame_value",
    )
    assert "`df['peak']` names one column" in text and "df[[...]]" not in text, text


def test_several_column_names_given_fewer_columns():
    text = _pandas_set(
        "df[cols] = imputer.fit_transform(df[cols])",
        "Columns must be same length as key",
        first="_setitem_array",
    )
    assert "as many columns as names" in text, text


# --------------------------------------------------------------------------- shapes
def _numpy_product(line: str, a: str, b: str) -> str:
    ka, kb = a.strip("()").split(",")[1], b.strip("()").split(",")[0]
    message = f"shapes {a} and {b} not aligned: {ka} (dim 1) != {kb} (dim 0)"
    return hint(crash("ValueError", message, line))


def test_a_product_that_fits_in_the_other_order_says_so():
    text = _numpy_product("C = np.dot(P, Q)", "(2,5)", "(3,2)")
    assert "in the other order" in text and "reshape" not in text, text


def test_a_product_no_order_fits_does_not_ask_for_a_reshape():
    text = _numpy_product("M = A.dot(B.dot(C))", "(2,2)", "(3,3)")
    assert "reshape" not in text and "order" in text, text


def _sklearn_1d(printed: str, line: str) -> str:
    message = (
        f"Expected 2D array, got 1D array instead:\narray=[{printed}].\nReshape your data either "
        "using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if "
        "it contains a single sample."
    )
    frames = [(f"{SK}/base.py", "_validate_data"), (f"{SK}/utils/validation.py", "check_array")]
    return hint(crash("ValueError", message, line, frames))


def test_an_all_nan_1d_x_is_not_one_feature():
    text = _sklearn_1d("nan nan nan ... nan nan nan", "pred = clf.predict(embeddings)")
    assert "NaN" in text and "reshape(-1, 1)" not in text, text


def test_a_1d_x_of_numbers_still_gets_the_reshape():
    text = _sklearn_1d("1.5 2.  3.5 4. ", "reg.fit(area, price)")
    assert "reshape(-1, 1)" in text, text


def _plot(a: str, b: str) -> str:
    message = f"x and y must have same first dimension, but have shapes {a} and {b}"
    frames = [(f"{MPL}/pyplot.py", "plot"), (f"{MPL}/axes/_base.py", "_plot_args")]
    return hint(crash("ValueError", message, "plt.plot(freqs, spectrum)", frames))


def test_x_as_long_as_ys_columns_was_made_from_the_wrong_axis():
    text = _plot("(2,)", "(5000, 2)")
    assert "columns, not rows" in text and "range(len(y))" not in text, text


def test_other_plot_lengths_keep_the_general_hint():
    assert "range(len(y))" in _plot("(40,)", "(50,)")


def _keras_rank(code: str) -> str:
    message = (
        "Error when checking input: expected conv2d_input to have 4 dimensions, but got array "
        "with shape (1, 64, 64)"
    )
    frames = [(f"{TF}/training.py", "predict"), (f"{TF}/training_utils.py", "standardize")]
    return hint(crash("ValueError", message, "pred = model.predict(img)", frames, code=code))


def test_a_model_built_for_colour_images_wants_rgb_not_one_channel():
    code = "model.add(Conv2D(8, 3, input_shape=(64, 64, 3)))\npred = model.predict(img)"
    text = _keras_rank(code)
    assert "RGB" in text and "x[..., None]" not in text, text


def test_a_model_built_for_one_channel_wants_the_axis():
    code = "model.add(Conv2D(8, 3, input_shape=(64, 64, 1)))\npred = model.predict(img)"
    text = _keras_rank(code)
    assert "x[..., None]" in text and "RGB" not in text, text


def test_an_unknown_channel_count_names_both_by_their_count():
    text = _keras_rank("pred = model.predict(img)")
    assert "`x[..., None]` for 1" in text and "RGB for 3" in text, text


PAIR = (
    "setting an array element with a sequence. The requested array has an inhomogeneous shape "
    "after 1 dimensions. The detected shape was (2,) + inhomogeneous part."
)


def test_a_gym_reset_pair_is_unpacked():
    code = "import gym\nenv = gym.make('CartPole-v1')\nstate = env.reset()\nbatch = np.array(state)"
    text = hint(crash("ValueError", PAIR, "batch = np.array(state)", code=code))
    assert "state, info = env.reset()" in text, text


def test_without_gym_a_pair_is_no_reset_pair():
    code = "state = box.reset()\nbatch = np.array(state)"
    text = hint(crash("ValueError", PAIR, "batch = np.array(state)", code=code))
    assert "reset" not in text, text


# ------------------------------------------------------------------ saved notebooks' order
KEY = ("KeyError", "'Arrival'")


def test_a_cell_converting_a_column_does_not_create_it():
    sources = [
        "df = load()",
        "df = df[['Depart']]",
        "df['Arrival'].min()",
        "df['Arrival'] = pd.to_datetime(df['Arrival'])",
    ]
    # cell 4 [5] ran after the crash [3], but it reads the column it stores
    finding = run(saved(sources, [1, 2, 3, 5], crash=3, error=KEY))
    assert finding is None or "it sets" not in finding.hint, finding


def test_a_cell_creating_a_column_later_is_still_named():
    sources = ["df = load()", "df['Arrival'].min()", "df['Arrival'] = df['Depart'] + 2"]
    finding = run(saved(sources, [1, 2, 4], crash=2, error=KEY))
    assert finding is not None and "Run cell 3 first" in finding.hint, finding


ATTR = ("AttributeError", "'Agent' object has no attribute 'fit'")


def test_a_change_undone_by_a_later_fresh_binding_is_no_cause():
    sources = ["agent = Agent(env)", "agent.fit(data)", "agent = Wrapped(agent)"]
    # cell 3 [2] wraps `agent`, then cell 1 [3] makes a new one before the crash [4]
    finding = run(saved(sources, [3, 4, 2], crash=2, error=ATTR))
    assert finding is None or "below this one" not in finding.hint, finding


def test_a_change_below_that_ran_first_is_still_named():
    sources = ["agent = Agent(env)", "agent.fit(data)", "agent = Wrapped(agent)"]
    finding = run(saved(sources, [1, 3, 2], crash=2, error=ATTR))
    assert finding is not None and "below this one, ran before it" in finding.hint, finding


def test_a_count_shown_twice_does_not_say_which_session_ran_the_change():
    sources = ["agent = Agent(env)", "setup()", "agent.fit(data)", "agent = Wrapped(agent)"]
    # [2] twice: the notebook ran in two kernel sessions, cell 4's [2] may be the other one's
    finding = run(saved(sources, [1, 2, 3, 2], crash=3, error=ATTR))
    assert finding is None or "below this one" not in finding.hint, finding


def test_diagnose_reads_the_same_saved_record():
    # The whole pipeline, not only the analysis: the record's hint names no cell order.
    sources = ["agent = Agent(env)", "agent.fit(data)", "agent = Wrapped(agent)"]
    record: ErrorRecord = saved(sources, [3, 4, 2], crash=2, error=ATTR)
    assert "below this one" not in diagnose(record).hint
