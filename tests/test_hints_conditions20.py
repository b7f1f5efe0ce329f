"""Templates that named a cause their crash did not show: each speaks now only when the
condition its words need holds (the failing line, the code seen, the frames), and the other
reading gets the safe or the former hint.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE
from tests.test_notebook_saved import run, saved, tb

_NONE_TIMES = "unsupported operand type(s) for *: 'float' and 'NoneType'"
_TEXT_PLUS = "unsupported operand type(s) for +=: 'int' and 'str'"
_LIST_STR = 'can only concatenate list (not "str") to list'
_READ_SCORES = 'import pandas as pd\nscores = pd.read_csv("scores.csv")\n'
_TOKENS = "tokens = df['tokens'].iloc[0]\nscores = [score([w]) for w in tokens]\n"
_EMPTY_IMAGE = (
    "Graph execution error:\n\n  (0) INVALID_ARGUMENT:  Input is empty.\n"
    "\t [[{{node decode_image/DecodeImage}}]]\n\t [[IteratorGetNext]]"
)
_SUMS = (
    "For each axis slice, the sum of the observed frequencies must agree with the sum of the "
    "expected frequencies to a relative tolerance of 1e-08, but the percent differences are:\n0.04"
)

# (ename, message, failing line, the cell's code above that line, words the hint must hold,
# words it must not): each condition once where it holds, and once where it does not.
CASES = [
    # a comparison that gave one bool: a list, or sides of different lengths
    ("AttributeError", "'bool' object has no attribute 'sum'", "(y_test != y_pred).sum()", "",
     "different lengths", "the two sides are lists"),
    # a tensor's .grad that is None, after backward(): no missing `return`
    ("TypeError", _NONE_TIMES, "w = w - 0.1 * w.grad", "y = w * 3\ny.backward()\n",
     "`w.grad` is None", "return"),
    ("TypeError", _NONE_TIMES, "total = 0.5 * result", "", "One operand of `*` is None", "grad"),
    # text shifted as bar positions; a loop over a DataFrame (its column names)
    ("TypeError", "unsupported operand type(s) for -: 'str' and 'float'",
     "ax.bar(summary['category'] - 0.2, summary['mean'], width=0.4)", "",
     "np.arange(len(labels))", "convert first"),
    ("TypeError", _TEXT_PLUS, "    total += row", _READ_SCORES + "for row in scores:\n",
     "`scores.mean()`", "convert first"),
    ("TypeError", _TEXT_PLUS, "    total += row", "for row in lines:\n", "convert first",
     "column names"),
    ("TypeError", _TEXT_PLUS, "    total += row",
     _READ_SCORES + "scores = scores['points'].tolist()\nfor row in scores:\n", "convert first",
     "column names"),
    # a list as a key: of feed_dict (a placeholder replaced by data), or of a dict
    ("TypeError", "unhashable type: 'list'",
     "sess.run(train_op, feed_dict={x: batch_x, y: batch_y})", "", "placeholder", "tuple"),
    ("TypeError", "unhashable type: 'list'", "seen[pair] = 1", "", "tuple", "placeholder"),
    # a str joined to a list: one the cell loops over as items, or any other
    ("TypeError", _LIST_STR, 'rows = ["ALL"] + tokens', _TOKENS, "`tokens` is a str",
     "items + [s]"),
    ("TypeError", _LIST_STR, "names = names + suffix", "", "items + [s]", "is a str,"),
    # floats in an integer tensor's data; a float size
    ("TypeError", "'numpy.float32' object cannot be interpreted as an integer",
     "actions = torch.LongTensor(actions).unsqueeze(1)", "",
     "`actions` holds numpy.float32 values", "int(...)"),
    ("TypeError", "'numpy.float64' object cannot be interpreted as an integer",
     "for i in range(n / 2):", "", "int(...)", "holds"),
    # messages that say more than their family's look
    ("TypeError", "NWBHDF5IO.__init__: incorrect type for 'path' (got 'PosixPath', expected "
     "'str')", "session.trials", "", "`str(...)`", "Print `type(...)`"),
    ("InvalidArgumentError", _EMPTY_IMAGE, "model.fit(train_ds)", "", "empty file (0 bytes)",
     "matched nothing"),
    ("ValueError", _SUMS, "chisquare(obs, f_exp=exp)", "", "same sum", ".shape"),
    ("WebDriverException", "Message: Service /usr/bin/chromedriver unexpectedly exited. "
     "Status code was: 1\n", "run()", "", "exited at once", "is missing"),
    ("WebSocketConnectionClosedException", "socket is already closed.", "run()", "", "not open",
     "server"),
    ("ScraperException", "4 requests to https://twitter.com/i/api/graphql/x/SearchTimeline "
     "failed, giving up.", "run()", "", "snscrape", "credentials"),
    ("RemoteDataError", "Unable to read URL: https://finance.yahoo.com/quote/AAPL/history\n"
     "Response Text:\nb'<!DOCTYPE html>'", "run()", "", "yfinance", "wait and retry"),
    ("CalledProcessError", "Command '['ls', '../input']' returned non-zero exit status 2.",
     "run()", "", "`ls` could not access `../input`", "search for it"),
    ("CalledProcessError", "Command '['ls', '-la', 'data/']' returned non-zero exit status 2.",
     "run()", "", "`ls` could not access `data/`", "search for it"),
    ("CalledProcessError", "Command '['git', 'pull']' returned non-zero exit status 2.",
     "run()", "", "", "does not exist"),
]  # fmt: skip


@pytest.mark.parametrize(("ename", "message", "line", "above", "says", "not_says"), CASES)
def test_a_hint_speaks_only_when_its_condition_holds(ename, message, line, above, says, not_says):
    # a library's frame under the line for the messages a library raises; Python's own
    # TypeError and AttributeError are raised on the line itself
    frames = () if ename in ("TypeError", "AttributeError") else ((f"{SITE}/lib/core.py", "run"),)
    text = hint(crash(ename, message, line, frames=frames, code=above + line))
    assert says in text and not_says not in text, text


# ------------------------------------------------------------------- a None of a tensor's .grad


def test_a_failed_cell_that_read_the_same_none_grad_is_no_stale_value():
    first = "y = h + 20\ny.backward()\nh = h - 0.1 * h.grad"
    failed = ("TypeError", "unsupported operand type(s) for *: 'float' and 'NoneType'")
    error = ("AttributeError", "'NoneType' object has no attribute 'data'")
    record = saved(
        ["h = torch.tensor(2.0, requires_grad=True)", first, "h.grad.data.zero_()"],
        [1, 2, 3],
        crash=3,
        error=error,
        errors={2: tb(2, 3, "h = h - 0.1 * h.grad", failed)},
    )
    f = run(record)
    assert f is None or "older value" not in f.hint, f


# ------------------------------------------------ a library's own table lacks the column


def _column_read_inside(caller_lines: str) -> str:
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    traceback = (
        "---------------------------------------------------------------------------",
        "AttributeError                            Traceback (most recent call last)",
        "Cell In[4], line 1\n----> 1 plots.plot_session(session_id)\n",
        f"File /home/u/lab/plots.py:20, in plot_session(session_id)\n{caller_lines}",
        "File /home/u/lab/plots.py:8, in summarize(table)\n"
        "      7 def summarize(table):\n----> 8     ids = table.experiment_id.unique()\n",
        f"File {SITE}/pandas/core/generic.py:6299, in NDFrame.__getattr__(self, name)\n"
        "-> 6299 return object.__getattribute__(self, name)\n",
        "AttributeError: 'DataFrame' object has no attribute 'experiment_id'",
    )
    record = ErrorRecord(
        ename="AttributeError",
        evalue="'DataFrame' object has no attribute 'experiment_id'",
        traceback=traceback,
        code="plots.plot_session(session_id)",
    )
    return diagnose(record).hint


def test_a_table_the_library_loads_itself_is_not_one_the_user_passed():
    built = "     19     table = loader.load_table(session_id)\n---> 20     summarize(table)\n"
    text = _column_read_inside(built)
    assert "its own code builds" in text and "DataFrames you pass" not in text, text


def test_a_table_passed_through_still_asks_for_the_columns_passed():
    text = _column_read_inside("---> 20     summarize(session_id)\n")
    assert "DataFrames you pass it" in text, text


# ------------------------------------------------ the library that raised, when it was called


def test_an_inherited_method_names_the_library_whose_check_raised():
    code = (
        "import category_encoders as ce\nenc = ce.OrdinalEncoder(cols=['a'])\nenc.fit_transform(X)"
    )
    frames = (
        (f"{SITE}/sklearn/utils/_set_output.py", "wrapped"),
        (f"{SITE}/sklearn/base.py", "fit_transform"),
        (f"{SITE}/category_encoders/utils.py", "fit"),
    )
    message = "X does not contain the columns listed in cols"
    text = hint(crash("ValueError", message, "enc.fit_transform(X)", frames=frames, code=code))
    assert "inside category_encoders" in text, text


def test_a_call_into_one_library_that_raised_in_another_keeps_the_first():
    frames = ((f"{SITE}/pandas/io/pytables.py", "to_hdf"), (f"{SITE}/tables/file.py", "open_file"))
    message = "bad mode"
    text = hint(crash("ValueError", message, "df.to_hdf('a.h5', 'k')", frames=frames))
    assert "inside pandas" in text, text


# --------------------------------------------- a graph mismatch is no re-run of arithmetic


def test_a_graph_mismatch_is_not_blamed_on_rerunning_an_augmented_assignment():
    line = "grads /= (K.sqrt(K.mean(K.square(grads))) + 1e-5)"
    error = (
        "ValueError",
        'Tensor("Const:0", shape=(4,), dtype=int32) must be from the same graph as '
        'Tensor("Square:0", shape=(None, 224, 224, 3), dtype=float32).',
    )
    # a cell below holds the same change and ran before the crash (count 31 < 39)
    sources = [
        "grads = K.gradients(loss, model.input)[0]",
        line,
        "from tensorflow.keras import backend as K",
        "model.summary()",
        line,
    ]
    f = run(saved(sources, [38, 39, 29, 30, 31], crash=2, error=error))
    assert f is None or "changed `grads`" not in f.hint, f


# --------------------------------------------- safe hints whose message says more than its family


def _library_line(ename: str, message: str, line: str, frames, library_line: str) -> str:
    """The hint of a crash whose library frames show ``library_line`` (the crash helper's
    frames all show `return impl()`)."""
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
    from jupyterlab_nbcrash.diagnosis.traceback import parse

    parsed = crash(ename, message, line, frames=frames)
    text = parsed.text.replace("return impl()", library_line)
    return hint(parse(ErrorRecord(ename=ename, evalue=message, traceback=(text,))))


@pytest.mark.parametrize(
    ("library_line", "edited"),
    [
        ("noops = self.unwrapped.np_random.integers(1, self.noop_max + 1)", True),
        ("noops = self.unwrapped.np_random.randint(1, self.noop_max + 1)", False),
        ("raise AttributeError(name)", False),
    ],
)
def test_a_file_edited_since_import_is_named_when_its_line_lacks_the_attribute(
    library_line, edited
):
    frames = ((f"{SITE}/baselines/common/atari_wrappers.py", "reset"),)
    message = "'numpy.random._generator.Generator' object has no attribute 'randint'"
    text = _library_line("AttributeError", message, "obs = env.reset()", frames, library_line)
    assert ("changed after it was imported" in text) is edited, text


def test_a_library_call_missing_arguments_is_a_version_mismatch_not_the_objects_state():
    frames = (
        (f"{SITE}/gym/core.py", "reset"),
        (f"{SITE}/gym/envs/classic_control/rendering.py", "render"),
    )
    message = "get_data() missing 2 required positional arguments: 'format' and 'pitch'"
    text = _library_line("TypeError", message, "env.reset()", frames, "arr = image.get_data()")
    assert "written for another version" in text and "state of" not in text, text
