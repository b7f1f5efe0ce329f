"""File, environment, syntax and argument hints whose claim did not hold on the crash (session
19c): two tensors (no model) on two devices, cuDNN failing on a GPU that is there, a keyword
twice through `**`, a wrapper cell run twice, data too short for any setting, a None passed as
data, an `hdfs://` address, the Java VM's heap, a folder `makedirs` may not create, a comment-only
body in a cell saved with one line more, a package installed from its git repository, and
datetimes with and without a time zone.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions18 import _ipython_syntax

SITE = "/usr/lib/python3/dist-packages"
NN = (f"{SITE}/torch/nn/modules/module.py", "_call_impl")
TF_FRAME = (f"{SITE}/tensorflow/python/client/session.py", "_do_call")
SPLIT = (f"{SITE}/sklearn/model_selection/_split.py", "_validate_shuffle_split")
HOLT = (f"{SITE}/statsmodels/tsa/holtwinters/model.py", "_initialize_heuristic")
NUM_SAMPLES = (f"{SITE}/sklearn/utils/validation.py", "_num_samples")
PARSERS = (f"{SITE}/pandas/io/parsers.py", "_read")
KKMA = (f"{SITE}/konlpy/tag/_kkma.py", "nouns")
MAKEDIRS = ("/usr/lib/python3.11/os.py", "makedirs")
DATETIMES = (f"{SITE}/pandas/core/arrays/datetimelike.py", "_sub_datetime_arraylike")

DEVICES = (
    "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!"
)
CUDNN = (
    "Failed to get convolution algorithm. This is probably because cuDNN failed to initialize, "
    "so try looking to see if a warning log message was printed above.\n\t [[{{node conv2d/"
    'Conv2D}} = Conv2D[T=DT_FLOAT, _device="/job:localhost/replica:0/task:0/device:GPU:0"]]'
)
EMPTY_TRAIN = (
    "With n_samples={}, test_size={} and train_size=None, the resulting train set will be "
    "empty. Adjust any of the aforementioned parameters."
)
SEASONS = (
    "Cannot compute initial seasonals using heuristic method with less than two full seasonal "
    "cycles in the data."
)
ARRAY_LIKE = "Expected sequence or array-like, got <class '{}'>"
PANDAS_MISSING = "[Errno 2] File b'{0}' does not exist: b'{0}'"
DENIED = "[Errno 13] Permission denied: '{}'"

# (ename, message, failing line, frames below it, words said, words not said)
SPEAKS = [
    ("RuntimeError", DEVICES, "a_gpu + b", (), "Two tensors on this line", "model"),
    ("UnknownError", CUDNN, "model.fit(x, y)", (TF_FRAME,), "", "has none"),
    (
        "TypeError",
        "plot() got multiple values for keyword argument 'color'",
        "plot(x, color='r', **style)",
        (),
        "twice by name",
        "by position",
    ),
    (
        "ValueError",
        EMPTY_TRAIN.format(1, 0.2),
        "train_test_split(X, y, test_size=0.2)",
        (SPLIT,),
        "too short",
        "Check `test_size",
    ),
    (
        "ValueError",
        SEASONS,
        "ExponentialSmoothing(y, seasonal_periods=12, seasonal='add').fit()",
        (HOLT,),
        "too short",
        "Check `seasonal",
    ),
    (
        "TypeError",
        ARRAY_LIKE.format("NoneType"),
        "train_test_split(df, test_size=0.3)",
        (NUM_SAMPLES,),
        "is None",
        "np.asarray",
    ),
    (
        "FileNotFoundError",
        PANDAS_MISSING.format("hdfs://10.0.0.5:8020/data/sms.txt"),
        "pd.read_csv(path, sep='\\t')",
        (PARSERS,),
        "`hdfs://` address",
        "os.getcwd()",
    ),
    (
        "java.lang.OutOfMemoryError",
        "Java heap space",
        "kkma.nouns(text)",
        (KKMA,),
        "heap",
        "float32",
    ),
    (
        "PermissionError",
        DENIED.format("../../_static"),
        "tar.extractall(target)",
        (MAKEDIRS,),
        "may not create the folder",
        "Excel",
    ),
    (
        "TypeError",
        "Cannot subtract tz-naive and tz-aware datetime-like objects",
        "df['end'] - df['start']",
        (DATETIMES,),
        "tz_localize",
        "compare what you pass",
    ),
]

# (ename, message, failing line, frames below it, words the specific hint would say)
QUIET = [
    ("RuntimeError", DEVICES, "out = model(batch)", (NN,), "Two tensors on this line"),
    (
        "TypeError",
        "plot() got multiple values for argument 'color'",
        "plot(color='r')",
        (),
        "twice by name",
    ),
    (
        "ValueError",
        EMPTY_TRAIN.format(100, 1.5),
        "train_test_split(X, y, test_size=1.5)",
        (SPLIT,),
        "too short",
    ),
    (
        "TypeError",
        ARRAY_LIKE.format("set"),
        "train_test_split(labels, test_size=0.3)",
        (NUM_SAMPLES,),
        "is None",
    ),
    (
        "FileNotFoundError",
        PANDAS_MISSING.format("data/sms.txt"),
        "pd.read_csv(path)",
        (PARSERS,),
        "address",
    ),
    (
        "MemoryError",
        "Unable to allocate 12.0 GiB for an array with shape (40000, 40000)",
        "np.zeros((40000, 40000))",
        (),
        "Java",
    ),
    (
        "PermissionError",
        DENIED.format("results.xlsx"),
        "df.to_excel('results.xlsx')",
        (),
        "may not create",
    ),
    (
        "TypeError",
        "unsupported operand type(s) for -: 'str' and 'Timestamp'",
        "df['end'] - start",
        (),
        "time zone",
    ),
]


@pytest.mark.parametrize(("ename", "message", "line", "frames", "said", "unsaid"), SPEAKS)
def test_the_specific_hint_speaks_when_its_condition_holds(
    ename, message, line, frames, said, unsaid
):
    text = hint(crash(ename, message, line, frames))
    assert said in text and unsaid not in text, text


@pytest.mark.parametrize(("ename", "message", "line", "frames", "specific"), QUIET)
def test_the_specific_hint_stays_quiet_when_its_condition_fails(
    ename, message, line, frames, specific
):
    text = hint(crash(ename, message, line, frames))
    assert specific not in text, text


def test_a_cudnn_failure_without_a_device_keeps_the_no_gpu_hint():
    message = "Could not load dynamic library 'libcudart.so.11.0'"
    text = hint(crash("InternalError", message, "model.fit(x, y)", (TF_FRAME,)))
    assert "built for a CUDA GPU" in text, text


# ------------------------------------------------ a wrapper cell run twice wraps itself

WRAPPED = "old_load = np.load\nnp.load = lambda *a, **k: old_load(*a, allow_pickle=True, **k)\n"
TWICE_BY_NAME = "<lambda>() got multiple values for keyword argument 'allow_pickle'"
LAMBDA = ("<ipython-input-2-0f3a>", "<lambda>")


@pytest.mark.parametrize(("saved", "wraps"), [(WRAPPED, True), ("old_load = np.load\n", False)])
def test_a_wrapper_of_a_saved_function_is_named_only_when_the_cell_rebinds_it(saved, wraps):
    code = saved + "data = load_data()"
    text = hint(crash("TypeError", TWICE_BY_NAME, "data = load_data()", (LAMBDA,), code=code))
    assert ("wraps the wrapper" in text) is wraps and "by position" not in text, text


# ------------------------------------------------ a comment-only body, cell saved since it ran

PLACEHOLDER = (
    "def descend(theta):\n    for step in range(10):\n        # Your Code Here\n\n\n"
    "    return theta * 2"
)


def test_a_comment_only_body_is_found_when_the_saved_cell_has_a_line_more():
    # the error marks line 4, where the cell that ran had the `return`; the saved one has a blank
    text = _ipython_syntax(
        PLACEHOLDER, 4, "    return theta * 2", "expected an indented block", "IndentationError"
    )
    assert "only comments" in text and "indent it" not in text, text


def test_a_line_that_is_the_lost_body_keeps_the_indent_hint():
    cell = "x = 1\nif x:\nprint(x)\nprint(x)"
    text = _ipython_syntax(cell, 3, "print(x)", "expected an indented block", "IndentationError")
    assert "only comments" not in text, text


# ------------------------------------------------ a package installed from its git repository

NO_NAME = (
    "cannot import name 'split' from 'pywordsplit' "
    "(/usr/local/lib/python3.10/dist-packages/pywordsplit/__init__.py)"
)


@pytest.mark.parametrize(
    ("repository", "installed"), [("someone/PyWordSplit.git", True), ("someone/other", False)]
)
def test_a_package_installed_from_its_own_repository_is_no_shadow(repository, installed):
    line = "from pywordsplit import split"
    code = f"!pip install git+https://github.com/{repository}\n{line}"
    text = hint(crash("ImportError", NO_NAME, line, code=code))
    assert ("The installed `pywordsplit`" in text) is installed, text
