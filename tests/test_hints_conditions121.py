"""Shape, network, index, metric and own-raise hints whose claim did not hold on the crash
(session 26a): a library's own arithmetic on arrays of two lengths, two lengths one apart, a
library's download reset by the far side, pandas_datareader's Yahoo reader, 2-D 0/1 targets
scored with `average='binary'`, an `else:` that reports a service's answer.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions96 import CELL, _ipython

SITE = "/opt/conda/lib/python3.9/site-packages"


def _at_module(ename: str, message: str, code: str, library_frames=(), cells=()) -> str:
    """The cell's last line fails at module level, then in ``library_frames``."""
    line = code.splitlines()[-1]
    return _ipython(ename, message, code, [(CELL, "<module>", line), *library_frames], cells)


def _broadcast(a: str, b: str) -> str:
    return f"operands could not be broadcast together with shapes {a} {b} "


# ------------------------------------------- a library's own arithmetic on two lengths

_SMOOTH = [(f"{SITE}/scipy/signal/_filter.py", "smooth_curve", "rest = y - baseline")]


def test_a_mismatch_inside_a_library_call_is_not_told_to_build_both_from_the_same_rows():
    text = _at_module("ValueError", _broadcast("(7,)", "(12,)"), "out = smooth_curve(y)", _SMOOTH)
    assert "arises inside `smooth_curve` (scipy)" in text, text
    assert "same rows" not in text, text


def test_an_operator_on_the_line_keeps_the_two_arrays_hint():
    code = "gap = smooth_curve(y) - y"
    text = _at_module("ValueError", _broadcast("(7,)", "(12,)"), code, _SMOOTH)
    assert "arises inside" not in text and "different lengths" in text, text


# ---------------------------------------------------------------- two lengths one apart


def test_lengths_one_apart_are_told_what_adds_or_drops_one():
    text = _at_module("ValueError", _broadcast("(9,)", "(8,)"), "z = weights / spread")
    assert "one element apart" in text and "intercept" in text, text
    assert "same rows" not in text, text


def test_lengths_further_apart_keep_the_same_rows_hint():
    text = _at_module("ValueError", _broadcast("(9,)", "(13,)"), "z = weights / spread")
    assert "one element apart" not in text and "same rows" in text, text


# -------------------------------------------------- a library's download reset by the far side

_RESET = (
    "<urlopen error [WinError 10054] An existing connection was forcibly closed by the remote host>"
)
_URLLIB = [
    ("C:\\Python311\\Lib\\urllib\\request.py", "do_open", "raise URLError(err)"),
]


def test_a_library_download_reset_is_told_to_retry_not_to_check_its_inputs():
    frames = [
        (f"{SITE}/vega_datasets/core.py", "fetch_table", "with urlopen(self.url) as f:"),
        *_URLLIB,
    ]
    text = _at_module("URLError", _RESET, 'cars = fetch_table("cars")', frames)
    assert "closed the connection while the library downloaded" in text, text
    assert "retry" in text and "Check the inputs" not in text, text


def test_the_lines_own_request_reset_keeps_the_user_agent_hint():
    text = _at_module("URLError", _RESET, "page = urlopen(address)", _URLLIB)
    assert "while the library downloaded" not in text and "User-Agent" in text, text


# ------------------------------------------------------ pandas_datareader's Yahoo reader

_STRING_INDICES = "string indices must be integers"


def test_the_yahoo_reader_breaking_is_told_to_use_yfinance():
    frames = [
        (f"{SITE}/pandas_datareader/base.py", "read", "df = self._read_one_data(self.url, p)"),
        (f"{SITE}/pandas_datareader/yahoo/daily.py", "_read_one_data", 'rows = j["ctx"]["s"]'),
    ]
    code = "quotes = web.DataReader('ACME', 'yahoo', begin, finish)"
    text = _at_module("TypeError", _STRING_INDICES, code, frames)
    assert "Yahoo changed" in text and "`yfinance`" in text, text


def test_another_reader_of_pandas_datareader_says_nothing_of_yahoo():
    frames = [
        (f"{SITE}/pandas_datareader/base.py", "read", "df = self._read_one_data(self.url, p)"),
        (f"{SITE}/pandas_datareader/stooq.py", "_read_one_data", 'rows = j["ctx"]["s"]'),
    ]
    code = "quotes = web.DataReader('ACME', 'stooq', begin, finish)"
    text = _at_module("TypeError", _STRING_INDICES, code, frames)
    assert "yfinance" not in text and "Yahoo" not in text, text


# ----------------------------------------- 2-D 0/1 targets scored with `average='binary'`

_METRIC = [
    (f"{SITE}/sklearn/metrics/_classification.py", "_check_set_wise_labels", "raise ValueError("),
]


def _average_message(kind: str) -> str:
    options = "[None, 'micro', 'macro', 'weighted', 'samples']"
    if kind == "multiclass":
        options = "[None, 'micro', 'macro', 'weighted']"
    return (
        f"Target is {kind} but average='binary'. Please choose another average setting, one "
        f"of {options}."
    )


def test_multilabel_targets_with_a_binary_average_are_told_to_flatten_one_label_rows():
    code = "rec = recall_score(truth, guessed)"
    text = _at_module("ValueError", _average_message("multilabel-indicator"), code, _METRIC)
    assert "2-D targets with several 0/1 columns" in text and "`.ravel()`" in text, text


def test_multiclass_targets_keep_the_messages_advice():
    code = "rec = recall_score(truth, guessed)"
    text = _at_module("ValueError", _average_message("multiclass"), code, _METRIC)
    assert "2-D targets" not in text and "average" in text, text


# ------------------------------------------------ an `else:` that reports a service's answer


def _else_raise(raise_line: str, message: str) -> str:
    """`ask()` was defined in an earlier cell: its frame shows the lines around the `raise`."""
    tb = [
        "-" * 75,
        "Exception                                 Traceback (most recent call last)",
        "<ipython-input-9-0a1b2c3d4e5f> in <module>\n----> 1 ask('hello')\n",
        "<ipython-input-4-6f7e8d9c0b1a> in ask(prompt)\n"
        "      5         return reply.json()['answer']\n"
        "      6     else:\n"
        f"----> 7         {raise_line}\n",
        f"Exception: {message}",
    ]
    record = {
        "ename": "Exception",
        "evalue": message,
        "traceback": tb,
        "code": "ask('hello')",
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_an_else_that_reports_the_services_status_is_told_to_act_on_it():
    line = 'raise Exception(f"Service error {reply.status_code}: {reply.text}")'
    message = 'Service error 400: {"error": {"message": "Account suspended", "code": "blocked"}}'
    text = _else_raise(line, message)
    assert "status the service answered" in text and "`else:` branch" not in text, text


def test_an_else_with_its_own_words_keeps_the_branch_hint():
    text = _else_raise('raise Exception("no answer for this prompt")', "no answer for this prompt")
    assert "status the service answered" not in text and "`else:` branch" in text, text
