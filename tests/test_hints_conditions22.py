"""Type and attribute hints that claimed one cause where the crash allows another: a `()` said
to be the slip when a function of another name was meant, a name said to hide a function when
a `def` took a value's name, a DataLoader tip for any object, `int()` blamed for a library's
drawing code, a pandas method for a column or a model's method, and "the object before the dot"
for a statement's protocol method.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions4 import _cell_hint

SITE = "/opt/conda/lib/python3.11/site-packages"
PD = f"{SITE}/pandas"
MPL = f"{SITE}/matplotlib"
T, A = "TypeError", "AttributeError"
CLASH = "K = 8\ndef rate(n):\n    return n / K\ndef K(m):\n    return m * 2\nrate(3)"

# (exception, message, failing line, library frames, code or None, words said, words not said)
CASES = [
    # `d["k"]("x")`: an item is called, so no variable hides a function; `==` may be meant.
    (T, "'Series' object is not callable", 'f = s.loc[s["kind"]("Film").year == 2019]', (), None,
     "`== value`", "replaced a function"),
    # A library's object that is not callable: a hidden function is only one of two readings.
    (T, "'_UserObject' object is not callable", "out = net(dict(a=a), signature='x')", (), None,
     "one of the object's methods", "restart."),
    (T, "'function' object does not support item assignment", "step[0] = y[1]", (), None,
     "`step` is a function", "You index a method"),
    (T, "object of type 'Response' has no len()", "soup = BeautifulSoup(page, 'html.parser')",
     ((f"{SITE}/bs4/__init__.py", "__init__"),), None, "`response.text`", "single number"),
    (T, "object of type 'Booster' has no len()", "n = len(gen)", (), None, "`Booster`",
     "single number"),
    (T, "object of type 'int' has no len()", "n = len(k)", (), None, "single number", "?!"),
    # Any object but a loader: the variable may hold another object than the line expects.
    (T, "'RandomForestClassifier' object is not subscriptable", "X = np.array(data[['a']])", (),
     None, "`data` holds a `RandomForestClassifier`", "DataLoader"),
    (T, "'DataLoader' object is not subscriptable", "batch = loader[0]", (), None,
     "next(iter(...))", "?!"),
    # A value and a `def` of one name: the later binding is what the line met.
    (T, "unsupported operand type(s) for /: 'int' and 'function'", "return n / K", (), CLASH,
     "both to a value", "lambda"),
    (T, "unsupported operand type(s) for /: 'float' and 'function'", "y = 2.0 / f", (),
     "def f(x):\n    return x", "lambda x: f(x) /", "both to a value"),
    # `.apply` hands the lambda one value, so a loop over it loops over a number.
    (T, "'float' object is not iterable", "d = s.apply(lambda v: [int(w > 0.5) for w in v])", (),
     None, "one value at a time", "range(n)"),
    (T, "'float' object is not iterable", "total = sum(price)", (), None, "float", "range(n)"),
    # Raised while matplotlib draws: no `int()` or `float()` of the user's.
    (T, "must be real number, not str", "train(x, y)",
     ((f"{MPL}/collections.py", "draw"), (f"{MPL}/backends/backend_agg.py", "draw_markers")),
     None, "`matplotlib`", "int()"),
    # seaborn takes no `numeric_only`, and words do not parse as numbers.
    (T, "Could not convert yesnoyes to numeric", "sns.lmplot(x='age', y='churned', data=df)",
     ((f"{SITE}/seaborn/regression.py", "lmplot"), (f"{PD}/core/nanops.py", "nanmean")), None,
     "`sns.lmplot`", "numeric_only"),
    # A column whose name has a space: the dot stops at it, and the rest reads as a call.
    (A, "'DataFrame' object has no attribute 'Price'", "cars.Price (EUR)", (),
     "cars['Price (EUR)'].mean()\ncars.Price (EUR)", "cars['Price (EUR)']", "method"),
    (A, "'DataFrame' object has no attribute 'predict_proba'", "y_hat = df.predict_proba(X)", (),
     None, "model.predict_proba", "pandas documentation"),
    (A, "'numpy.ndarray' object has no attribute 'values'", "w.values", (), None,
     "drop the `.values`", "pd.DataFrame"),
    (A, "'list' object has no attribute 'squeeze'", "outs.squeeze()", (),
     "import torch\nouts = [net(b) for b in batches]\nouts.squeeze()", "torch.stack", "?!"),
    (A, "'list' object has no attribute 'squeeze'", "outs.squeeze()", (), None, "np.array",
     "torch.stack"),
    # The column may hold booleans of `.str.match`: `astype(str)` is only one reading.
    (A, "Can only use .str accessor with string values!", "first = hits.str[0]",
     ((f"{PD}/core/strings/accessor.py", "_validate"),), None,
     "only if its values are meant as text", "?!"),
    # Older Pythons name the protocol method alone: the statement asks for it, not a dot.
    (A, "__delitem__", "del df.loc[:, ['a', 'b']]", (), None, "drop(columns=", "before the dot"),
    (A, "__enter__", "with lock_factory:", (), None, "not a context manager", "before the dot"),
    # `yaxis` is an Axes' attribute, no slip in typing pyplot's `axis`.
    (A, "module 'matplotlib.pyplot' has no attribute 'yaxis'", 'plt.yaxis("")', (), None,
     "plt.ylabel", "Did you mean `axis`"),
]  # fmt: skip


@pytest.mark.parametrize(("ename", "message", "line", "frames", "code", "says", "not_"), CASES)
def test_the_hint_says_only_what_the_crash_shows(ename, message, line, frames, code, says, not_):
    text = hint(crash(ename, message, line, frames, code=code))
    assert says in text and not_ not in text, text


# ------------------------------------------------- a value called: which function was meant


def test_a_called_value_named_like_a_function_of_the_notebook_names_that_function():
    cell = "out = [fit_one(lam) for lam in lams]\nscores = [score(a, b, lam) for lam in lams]"
    marked = "scores = [score(a, b, lam) for lam in lams]"
    helper = "def get_score(a, b, lam):\n    return a * lam + b"
    text = _cell_hint(T, "'list' object is not callable", cell, marked, [helper])
    assert "`get_score`" in text and "is the slip" not in text, text


def test_a_called_table_with_no_function_of_that_name_gives_both_readings():
    cell = "table = pd.read_csv(p)\nres = table(lambda v: v * 2)"
    text = _cell_hint(T, "'DataFrame' object is not callable", cell, "res = table(lambda v: v * 2)")
    assert "if the value was meant" in text and "`table.method(...)`" in text, text
    assert "is the slip" not in text, text


# ------------------------------------------------------------- a method called on its class


def test_a_method_called_on_its_class_got_the_table_as_self():
    out = [
        "---------------------------------------------------------------------------",
        f"{A}                                 Traceback (most recent call last)",
        "Cell In[3], line 1\n----> 1 Tracer.fit(frame)\n",
        f"File {SITE}/kt/models/Model.py:78, in Model.fit(self, data)\n"
        "---> 78 if not self.warm_start:\n",
        f"File {PD}/core/generic.py:5575, in NDFrame.__getattr__(self, name)\n"
        "-> 5575 return object.__getattribute__(self, name)\n",
        f"{A}: 'DataFrame' object has no attribute 'warm_start'",
    ]
    message = out[-1].partition(": ")[2]
    record = ErrorRecord(ename=A, evalue=message, traceback=tuple(out), code="Tracer.fit(frame)")
    text = hint(parse(record))
    assert "called on the class" in text and "`model = Tracer(...)`" in text, text
