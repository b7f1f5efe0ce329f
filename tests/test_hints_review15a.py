"""Review 15a: conditions of the fix wave 0036c10..a71abab narrowed where a crash of the same
shape made the specific hint false. Each fix is paired: a crash where the false claim is gone,
and one the condition was made for, which keeps its specific hint. Cells, tracebacks and
messages are written here by hand in the libraries' and Python's wording.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions80 import _cell_frame
from tests.test_hints_conditions86 import _crash_hint

PARAMETERS = "parameters must be names, not values"
ON_PURPOSE = "on purpose"


def _syntax(code: str, shown: str, message: str = "invalid syntax") -> str:
    traceback = (f"  Cell In[3], line 1\n    {shown}\n           ^\n", f"SyntaxError: {message}\n")
    record = ErrorRecord(
        ename="SyntaxError",
        evalue=f"{message} (1780361012.py, line 1)",
        traceback=traceback,
        code=code,
    )
    return diagnose(record).hint


def _spark(created_by: str) -> str:
    message = (
        "Cannot run multiple SparkContexts at once; existing SparkContext(app=PySparkShell, "
        f"master=local[*]) created by {created_by} "
    )
    code = "from pyspark import SparkContext\nsc = SparkContext('local', 'app')"
    inside = (
        ("pyspark/context.py", "SparkContext.__init__(self, master, appName)"),
        ("pyspark/context.py", "SparkContext._ensure_initialized(cls, instance, gateway)"),
    )
    return _crash_hint("ValueError", message, code, inside)


def _autograd(op: str) -> str:
    message = (
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: [torch.FloatTensor [128, 1]], which is output 0 of {op}, is at version 2; "
        "expected version 1 instead. Hint: enable anomaly detection to find the operation that "
        "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."
    )
    code = "loss_G = criterion(D(fake), real_labels)\nopt_D.step()\nloss_G.backward()"
    inside = (
        ("torch/_tensor.py", "Tensor.backward(self, gradient, retain_graph)"),
        ("torch/autograd/__init__.py", "backward(tensors, grad_tensors)"),
    )
    return _crash_hint("RuntimeError", message, code, inside)


def _chrome(driver: int, browser: int) -> str:
    message = (
        "Message: session not created: This version of ChromeDriver only supports Chrome "
        f"version {driver}\nCurrent browser version is {browser}.0.5845.96 with binary path "
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"
    )
    inside = (
        ("selenium/webdriver/remote/errorhandler.py", "ErrorHandler.check_response(self, r)"),
    )
    return _crash_hint("SessionNotCreatedException", message, "driver = webdriver.Chrome()", inside)


def _rethrown(cause: str, cause_message: str, caught: str, body: str, raised: str) -> str:
    """A function of the cell whose `try` failed with ``cause`` and whose `except` (catching
    ``caught``) raises ``raised`` (a ValueError or TypeError) from it."""
    code = (
        f"def parse(rec):\n    try:\n        return {body}\n    except {caught}:\n"
        f"        raise {raised}('bad record')\n\nparse({{'total': 5}})"
    )
    ename = raised
    traceback = (
        "-" * 75,
        f"{cause}                                 Traceback (most recent call last)",
        f"Cell In[2], line 3, in parse(rec)\n      2 try:\n----> 3     return {body}\n"
        f"      4 except {caught}:\n",
        f"{cause}: {cause_message}",
        "\nDuring handling of the above exception, another exception occurred:\n",
        f"{ename}                                Traceback (most recent call last)",
        _cell_frame(code, 7),
        f"Cell In[2], line 5, in parse(rec)\n      3     return {body}\n      4 except {caught}:\n"
        f"----> 5     raise {raised}('bad record')\n",
        f"{ename}: bad record",
    )
    record = ErrorRecord(ename=ename, evalue="bad record", traceback=traceback, code=code)
    return diagnose(record).hint


CONCATENATED = 'can only concatenate str (not "int") to str'

CASES = {
    # a default's own comma (`sep=", "`) read as the comma before a value in a parameter's place
    "def-default-with-comma": (
        lambda: _syntax(
            'def join_all(items, sep=", ")\n    return sep.join(items)',
            'def join_all(items, sep=", ")',
        ),
        "",
        PARAMETERS,
    ),
    "def-with-values": (
        lambda: _syntax('def f1("s", 2):\n    pass', 'def f1("s", 2):'),
        PARAMETERS,
        "",
    ),
    # the `pyspark` launcher made `sc` in shell.py before any cell ran: no earlier cell made it
    "spark-made-by-the-shell": (
        lambda: _spark("<module> at /usr/local/spark/python/pyspark/shell.py:59"),
        "`pyspark` launcher",
        "an earlier cell or run made it",
    ),
    "spark-made-by-a-cell": (
        lambda: _spark("__init__ at /tmp/ipykernel_1234/2210563071.py:3"),
        "an earlier cell or run made it",
        "",
    ),
    # TBackward's output is a layer's weight: `optimizer.step()` changed it, no `x += y` of the
    # user's, so "write that step out of place" is no cure
    "autograd-weight-stepped": (lambda: _autograd("TBackward"), "", "out of place"),
    "autograd-relu-in-place": (
        lambda: _autograd("ReluBackward0"),
        "(the output of `ReluBackward0`) was changed in place",
        "",
    ),
    # a driver older than the browser: no update of Chrome reaches the driver's version
    "chrome-driver-older": (
        lambda: _chrome(114, 116),
        "install the ChromeDriver of version 116",
        "update Chrome to 114",
    ),
    "chrome-driver-newer": (
        lambda: _chrome(120, 114),
        "install the ChromeDriver of version 114 (or update Chrome to 120)",
        "",
    ),
    # `except Exception:` caught a bug of the `try` block's ('Total: ' + 5), no value to pass
    "raise-in-broad-except": (
        lambda: _rethrown(
            "TypeError", CONCATENATED, "Exception", "'Total: ' + rec['total']", "ValueError"
        ),
        "The first error (TypeError) was raised in your own code",
        ON_PURPOSE,
    ),
    "raise-in-named-except": (
        lambda: _rethrown(
            "ValueError",
            "invalid literal for int() with base 10: 'x'",
            "ValueError",
            "int(rec)",
            "TypeError",
        ),
        "Its `except` turns that ValueError into this TypeError on purpose",
        "",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_fix_is_paired(case):
    make, present, absent = CASES[case]
    hint = make()
    if present:
        assert present in hint, hint
    if absent:
        assert absent not in hint, hint


def test_three_makers_above_a_fresh_kernel_are_each_named():
    """ "cells 1 … 5" read as every cell from 1 to 5 defining it; cells 1, 3 and 5 do."""
    from tests.test_hints_conditions53 import _hint, _not_defined

    cells = [
        ("log = open('visits.csv')\ncontent = log.read()", None, None),
        ("print(len(content))", None, None),
        ("with open('visits.csv') as f:\n    content = f.read()", None, None),
        ("n = 3", None, None),
        ("content = requests.get(URL).text", 2, None),
        ("words = content.split()", 1, None),
    ]
    text = _hint("NameError", _not_defined("content"), cells, 5, "words = content.split()", 1)
    assert "(cells 1, 3 and 5 define `content`)" in text, text
    assert "1 … 5" not in text, text


def _field_of_none(code: str, call: str, wrapper: tuple[str, str], body: str) -> str:
    from tests.test_hints_conditions80 import _hint
    from tests.test_hints_conditions86 import _library_frame

    lines = code.splitlines()
    frames = [
        _cell_frame(code, len(lines)),
        _library_frame(*wrapper),
        f"Cell In[4], line 3, in {call}\n      2 def {call}:\n----> 3     {body}\n",
    ]
    attr = body.split("].")[1].split("(")[0]
    return _hint("AttributeError", f"'NoneType' object has no attribute '{attr}'", frames, code)


def test_a_decorated_function_the_cell_calls_gets_no_record_from_its_decorator():
    """`@torch.no_grad()` wraps `evaluate`, and the cell's own `evaluate(batch)` passed the
    batch: torch's wrapper frame passes no record of a data set."""
    body = "return model(batch['labels'].to(device))"
    code = f"@torch.no_grad()\ndef evaluate(batch):\n    {body}\n\nevaluate(batch)"
    wrapper = (
        "torch/utils/_contextlib.py",
        "context_decorator.<locals>.decorate_context(*args, **kwargs)",
    )
    text = _field_of_none(code, "evaluate(batch)", wrapper, body)
    assert "in a record that `torch` passes" not in text, text
    assert "`batch['labels']` is None here" in text, text


def test_a_function_a_data_set_maps_over_its_records_still_gets_the_record_hint():
    body = "example['text'] = example['text'].lower()"
    code = f"import re\ndef clean(example):\n    {body}\n    return example\n\nds = ds.map(clean)"
    wrapper = ("datasets/arrow_dataset.py", "Dataset._map_single(shard, function)")
    text = _field_of_none(code, "clean(example)", wrapper, body)
    assert "in a record that `datasets` passes to `clean`" in text, text


def test_python2_invalid_mode_of_a_bad_mode_does_not_blame_the_path():
    """Python 2 on Windows words a bad mode (`'rw'`) and a bad path alike: "[Errno 22] invalid
    mode ('rw') or filename"; with a mode no `open` takes, the path is not the suspect."""
    code = "f = open('data.txt', 'rw')"
    text = _crash_hint(
        "IOError", "[Errno 22] invalid mode ('rw') or filename: 'data.txt'", code, ()
    )
    assert "is not valid on this system" not in text, text
    code = "f = open('C:\\Users\\me\\new.txt', 'rb')"
    message = "[Errno 22] invalid mode ('rb') or filename: 'C:\\\\Users\\\\me\\new.txt'"
    text = _crash_hint("IOError", message, code, ())
    assert "contains `\\n`, which Python read as a backslash escape" in text, text


def _failed_definer_hint(error: tuple[str, str]) -> str:
    from tests.test_hints_conditions32 import _hint as notebook_hint

    cells = [
        ("print(X_tr.shape)", 10, None),
        ("from tools import split_rows", 11, None),
        ("X_tr, X_te = split_rows(table)", 12, error),
        ("table = pd.read_csv('rows.csv')", None, None),
    ]
    return notebook_hint("NameError", "name 'X_tr' is not defined", cells[0][0], cells, 0, 10)


def test_a_definer_that_failed_on_a_name_another_cell_sets_is_told_that_cell():
    """Its saved NameError names `table`, which cell 4 sets: running cell 4 first is the cure
    ("make that cell run without error" left it out)."""
    text = _failed_definer_hint(("NameError", "name 'table' is not defined"))
    assert "run cell 4, which sets `table`, then cell 3, then this cell" in text, text


def test_a_definer_that_failed_otherwise_is_still_to_be_made_to_run():
    text = _failed_definer_hint(("FileNotFoundError", "[Errno 2] No such file: 'rows.csv'"))
    assert "make that cell run without error first" in text, text
    assert "run cell 4" not in text, text


def test_a_driver_passed_by_a_path_that_leads_nowhere_is_not_told_to_pass_its_path():
    """Selenium 3 quotes only the last part of a path it was given and found no file at:
    "'chromedriver' executable needs to be in PATH" after `Chrome('/Users/me/…/chromedriver')`."""
    message = "Message: 'chromedriver' executable needs to be in PATH. Please see https://sites.google.com/a/chromium.org/chromedriver/home\n"
    inside = (("selenium/webdriver/common/service.py", "Service.start(self)"),)
    line = "driver = webdriver.Chrome('/Users/me/Downloads/chromedriver')"
    text = _crash_hint("WebDriverException", message, line, inside)
    assert "pass its full path" not in text and "is not on the PATH" not in text, text
    assert "No `chromedriver` program is at the path this line passes" in text, text
    text = _crash_hint("WebDriverException", message, "driver = webdriver.Chrome()", inside)
    assert "`chromedriver` (the browser's driver" in text and "pass its full path" in text, text


def test_fillna_given_a_name_that_is_none_is_told_that_name_is_none():
    """`df.fillna(mean_value)` passed a value: it is None ("got neither … pass one" misses it)."""
    message = "Must specify a fill 'value' or 'method'."
    inside = (("pandas/core/generic.py", "NDFrame.fillna(self, value, method, axis)"),)
    code = "mean_value = df['age'].fillna(0, inplace=True)\ndf = df.fillna(mean_value)"
    text = _crash_hint("ValueError", message, code, inside)
    assert "got neither a value" not in text, text
    assert "`mean_value` is None here" in text, text
    text = _crash_hint("ValueError", message, "df = df.fillna(axis=0)", inside)
    assert "got neither a value to fill with nor a method" in text, text
