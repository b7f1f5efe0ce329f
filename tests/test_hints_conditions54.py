"""Speak-only-when pairs for conditions of waves 7 to 9 that let a specific hint speak where its
claim was false (a review of those conditions, not of a crash of the wild set):

- a lambda whose body reads its parameter and a name in other capitals (`lambda x: x / X.max()`)
  means two values, no misspelt parameter;
- `self` in a `@classmethod` (or a method whose first parameter has another name) is no plain
  function;
- `d.value()` in a loop over the dicts themselves, or over `range(...)`, has no key to offer;
- `scipy.stats` beside a variable `stats` is a submodule, not the notebook's own name;
- `tf.keras` or `torch.nn` missing: those packages load their submodules themselves, so no
  import of the notebook is still to run;
- a SymPy expression called with a value (`f(2)`) is evaluated with `.subs`, which the hint
  offers beside `Function` and `*`;
- numbers with thousands separators ("1,2342,345") are no text that `pd.to_numeric` converts;
- the one assigning cell's line quoted is one its top level runs, not a `def`'s own;
- `totl += v` beside `total = 0` is no accumulator to start;
- a function the notebook calls and sets nowhere is to define or import, not to pass in;
- a cell's commented-out maker that reads names no cell sets is no line to restore;
- a library that fell back from a Python 2 module (`try: import cPickle`) needs no `pip install
  cPickle`.

Cells, tracebacks and messages are written here by hand in Python's and the libraries' wording
and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions40 import _crash
from tests.test_hints_conditions46 import _hint, _not_defined

SITE = "/usr/local/lib/python3.10/dist-packages"

# ------------------------------------------------------ a lambda's parameter in other capitals


def test_a_lambda_that_reads_its_parameter_and_the_capital_name_is_no_slip():
    code = "df = pd.read_csv('a.csv')\ndf['r'] = df['x'].apply(lambda x: x / X.max())"
    text = _crash("NameError", _not_defined("X"), code)
    assert "lambda's parameter" not in text, text


def test_a_lambda_whose_body_reads_only_the_capital_name_is_still_told():
    code = "df = pd.read_csv('a.csv')\ndf['r'] = df['d'].map(lambda debt: 'H' if Debt > 9 else 'L')"
    text = _crash("NameError", _not_defined("Debt"), code)
    assert "the lambda's parameter is `debt`" in text, text


# ------------------------------------------------------------------- `self` in a class method

BUILD = "class Net:\n    @classmethod\n    def build(cls):\n        return self.size\n"


def test_self_in_a_classmethod_is_not_called_a_plain_function():
    inner = (3, "build", ["    @classmethod", "    def build(cls):", "        return self.size"], 3)
    cells = [(BUILD, 3, None), ("net = Net.build()", 4, None)]
    text = _hint("NameError", _not_defined("self"), cells, 1, "net = Net.build()", 4, inner)
    assert "plain function" not in text, text


def test_self_in_a_top_level_function_is_still_a_plain_function():
    source = "def build(size):\n    return self.size + size\n"
    inner = (3, "build", ["def build(size):", "    return self.size + size"], 2)
    cells = [(source, 3, None), ("net = build(2)", 4, None)]
    text = _hint("NameError", _not_defined("self"), cells, 1, "net = build(2)", 4, inner)
    assert "`build()` is a plain function" in text, text


# ------------------------------------------------------------------- a dict's `.value()` in a loop

_NO_VALUE = "'dict' object has no attribute 'value'"


def test_a_loop_over_the_dicts_themselves_offers_no_key():
    code = "rows = [{'a': 1}]\nfor entry in rows:\n    print(entry.value())"
    text = _crash("AttributeError", _NO_VALUE, code)
    assert "entry[entry]" not in text and "loop's key" not in text, text


def test_a_loop_over_positions_offers_no_key():
    code = "d = {'a': 1}\nout = {}\nfor i in range(3):\n    out[i] = d.value()"
    text = _crash("AttributeError", _NO_VALUE, code)
    assert "d[i]" not in text, text


def test_a_loop_over_keys_still_offers_the_key():
    code = "d = {'a': 1}\nout = {}\nfor k in sorted(d):\n    out[k] = d.value()"
    text = _crash("AttributeError", _NO_VALUE, code)
    assert "write `d[k]`" in text, text


# ------------------------------------------------- a submodule beside a variable of its name


def test_a_known_submodule_is_not_called_the_notebooks_own_name():
    code = "import scipy\nstats = df.describe()\np = scipy.stats.norm.cdf(1.5)"
    text = _crash("AttributeError", "module 'scipy' has no attribute 'stats'", code)
    assert "notebook's own name" not in text, text


def test_a_module_prefix_on_the_notebooks_own_frame_is_still_told():
    code = "import pandas as pd\ndf = pd.read_csv('a.csv')\nfirst = pd.df[0]"
    text = _crash("AttributeError", "module 'pandas' has no attribute 'df'", code)
    assert "without the `pd.` before it" in text, text


# ----------------------------------------- a submodule that its package loads by itself


def test_tf_keras_missing_is_no_import_still_to_run():
    code = "import tensorflow as tf\nmodel = tf.keras.Sequential()"
    cells = ["from tensorflow.keras.layers import Dense"]
    text = _crash("AttributeError", "module 'tensorflow' has no attribute 'keras'", code, (), cells)
    assert "run that import" not in text, text


def test_torch_nn_missing_is_no_import_still_to_run():
    code = "import torch\nlayer = torch.nn.Linear(2, 3)"
    text = _crash(
        "AttributeError", "module 'torch' has no attribute 'nn'", code, (), ["import torch.nn"]
    )
    assert "run that import" not in text, text


def test_a_submodule_its_package_leaves_to_import_is_still_told():
    code = "import sklearn\nacc = sklearn.metrics.accuracy_score(y, p)"
    cells = ["from sklearn.metrics import f1_score"]
    text = _crash("AttributeError", "module 'sklearn' has no attribute 'metrics'", code, (), cells)
    assert "run that import before this line" in text, text


# ---------------------------------------------------------- a SymPy expression given a value


def test_a_sympy_expression_called_with_a_value_is_offered_subs():
    code = "import sympy as sp\nx = sp.symbols('x')\nf = x**2\nf(2)"
    text = _crash("TypeError", "'Pow' object is not callable", code)
    assert "`f.subs(x, 2)`" in text and "lambdify" in text, text


def test_a_sympy_symbol_called_with_a_symbol_still_names_function():
    code = "import sympy as sp\ny, t = sp.symbols('y t')\neq = sp.Eq(y(t).diff(t), y(t))"
    text = _crash("TypeError", "'Symbol' object is not callable", code)
    assert "`y = sp.Function('y')`" in text, text


# ------------------------------------------------ numbers with separators in a plot's column

_BAR = "import seaborn as sns\nsns.barplot(x='city', y='price', data=df)"
_SEABORN = [(f"{SITE}/seaborn/categorical.py", "barplot", "p.plot(ax, kwargs)")]


def test_numbers_with_thousands_separators_are_not_sent_to_to_numeric():
    text = _crash("TypeError", "Could not convert 1,2342,3453,456 to numeric", _BAR, _SEABORN)
    assert "pd.to_numeric" not in text, text


def test_numbers_without_separators_are_still_sent_to_to_numeric():
    text = _crash("TypeError", "Could not convert 12.3445.1178.02 to numeric", _BAR, _SEABORN)
    assert "pd.to_numeric" in text, text


# ------------------------------------------------- the one assigning cell's quoted line


def test_a_functions_own_assignment_is_not_the_line_quoted():
    maker = "def build():\n    model = {}\n    return model\nmodel = build()"
    text = _crash("NameError", _not_defined("model"), "model.fit(X, y)", (), [maker])
    assert "(`model = {}`)" not in text, text
    assert "(`model = build()`)" in text, text


def test_a_cell_that_assigns_only_inside_a_function_quotes_no_line():
    maker = "def build():\n    global model\n    model = {}\nbuild()"
    text = _crash("NameError", _not_defined("model"), "model.fit(X, y)", (), [maker])
    assert "(`model = {}`)" not in text, text


# ------------------------------------------------------- an accumulator whose name is a slip


def test_a_misspelt_accumulator_is_not_told_to_start_from_zero():
    cells = [("values = [1, 2]\ntotal = 0", 1, None), ("for v in values:\n    totl += v", 2, None)]
    text = _hint("NameError", _not_defined("totl"), cells, 1, "    totl += v", 2, lineno=2)
    assert "start value (`totl = 0`" not in text, text


def test_an_accumulator_with_no_near_name_still_needs_a_start_value():
    cells = [("values = [1, 2]", 1, None), ("for v in values:\n    count += v", 2, None)]
    text = _hint("NameError", _not_defined("count"), cells, 1, "    count += v", 2, lineno=2)
    assert "start value (`count = 0`" in text, text


# --------------------------------------------- a function called in a function, set nowhere


def test_a_function_called_in_a_function_and_set_nowhere_is_to_define():
    source = "def prepare(a):\n    b = a\n    return clean_text(b)"
    inner = (2, "prepare", ["def prepare(a):", "    b = a", "    return clean_text(b)"], 3)
    cells = [(source, 2, None), ("prepare('x')", 4, None)]
    text = _hint("NameError", _not_defined("clean_text"), cells, 1, "prepare('x')", 4, inner)
    assert "pass it in as an argument" not in text, text


def test_a_value_read_in_a_function_and_set_nowhere_is_still_to_pass_in():
    source = "def prepare(a):\n    b = a\n    return b * scale"
    inner = (2, "prepare", ["def prepare(a):", "    b = a", "    return b * scale"], 3)
    cells = [(source, 2, None), ("prepare(3)", 4, None)]
    text = _hint("NameError", _not_defined("scale"), cells, 1, "prepare(3)", 4, inner)
    assert "neither a parameter nor a variable of `prepare()`" in text, text


# ---------------------------------------- a commented-out maker that reads names set nowhere


def test_a_commented_maker_of_names_set_nowhere_is_not_to_restore():
    own = "# df = clean(raw)\nprint(df.head())"
    cells = [(own, 4, None), ("df = pd.read_csv('a.csv')", None, None)]
    text = _hint("NameError", _not_defined("df"), cells, 0, "print(df.head())", 4, lineno=2)
    assert "commented out" not in text, text


def test_a_commented_maker_that_reads_its_own_name_is_not_to_restore():
    own = "# df = df.dropna()\nprint(df.head())"
    cells = [(own, 4, None), ("df = pd.read_csv('a.csv')", None, None)]
    text = _hint("NameError", _not_defined("df"), cells, 0, "print(df.head())", 4, lineno=2)
    assert "commented out" not in text, text


def test_a_commented_maker_of_names_the_notebook_sets_is_still_named():
    own = "# sub = pred.loc[pred.day > 3]\nsub.loc[:, 'y'] = 1"
    cells = [
        (own, 4, None),
        ("pred = pd.read_csv('p.csv')", 2, None),
        ("sub = pd.read_csv('s.csv')", None, None),
    ]
    text = _hint("NameError", _not_defined("sub"), cells, 0, "sub.loc[:, 'y'] = 1", 4, lineno=2)
    assert "own line that made `sub` is commented out" in text, text


# ------------------------------------------- a library that fell back from a Python 2 module

_COMPAT = "oldlib requires a pickle module with protocol 5 support"
_OLDLIB = [(f"{SITE}/oldlib/compat.py", "<module>")]


@pytest.mark.parametrize(
    ("missing", "told"),
    [("cPickle", False), ("Queue", False), ("urllib2", False), ("fastpickle", True)],
)
def test_a_python_2_module_a_library_tried_first_is_no_package_to_install(missing, told):
    chained = ("ModuleNotFoundError", f"No module named '{missing}'")
    text = hint(crash("ImportError", _COMPAT, "import oldlib", _OLDLIB, chain=[chained]))
    assert (f"%pip install {missing}" in text) is told, text
