"""Speak-only-when pairs for syntax, name, module and attribute hints that blind graders found
wrong (crashes written here by hand, in Python's and the libraries' wording and IPython's layout):

- words without quotes as a call's only argument (`print(hello my dear friends)`) or as an
  `assert`'s message: put them in quotes, not in a Markdown cell; a sentence alone keeps the
  Markdown hint;
- Python 3.13's `_IncompleteInputError` is a SyntaxError (the unclosed bracket is named);
- a pattern `re` cannot compile: the sign at fault, and `re.escape` only for a pattern built
  from other text;
- `import stats`: SciPy's submodule, not a typo of `stat`; not for a project's name (`models`);
- "did you mean `models`?" for `model`: not when `models` is an imported module;
- `mean("rooms")`: a pandas method called on the column the notebook reads;
- "numbered next": not when the saved counts repeat (several sessions);
- `print(word)` of an undefined word: quotes or a variable, both readings;
- a cell that IPython printed under a library file's name is the cell, not the library;
- `df.unique()`: a Series method (a column), not a slip of `nunique`;
- `.group` of None right after a library's `.search(...)`: no match, nothing to run first;
- a tuple called through `self.x(...)`: the comma of its assignment, not `[...]` or a rename.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions18 import _record_hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions40 import _crash as cell_crash
from tests.test_hints_conditions40 import _syntax
from tests.test_hints_conditions53 import _hint as saved_hint
from tests.test_hints_conditions53 import _not_defined
from tests.test_hints_conditions67 import _crash

COMMA = "invalid syntax. Perhaps you forgot a comma?"

# ------------------------------------------------------------ text without its quotes


def test_words_as_the_only_argument_of_a_call_are_quoted():
    hint = _syntax("print(hello my dear friends)", 1, COMMA)
    assert 'put it in quotes, `print("hello my dear friends")`' in hint, hint
    assert "Markdown" not in hint


def test_an_assert_message_without_quotes_is_quoted():
    hint = _syntax("total = add(3)\nassert total == 6, You got it wrong", 2, "invalid syntax")
    assert '`assert total == 6, "You got it wrong"`' in hint, hint
    assert "Markdown" not in hint


def test_a_sentence_on_its_own_keeps_the_markdown_hint():
    hint = _syntax("x = 1\nThis is where we load the data", 2, "invalid syntax")
    assert "Markdown" in hint and "put it in quotes" not in hint, hint


@pytest.mark.parametrize("line", ["plot(xs ys)", "model.fit(X_train y_train epochs)"])
def test_names_of_code_in_a_call_get_no_quotes(line):
    # `f(a b)` is as likely a missing comma between two values, and `X_train` a name of code
    assert "put it in quotes" not in _syntax(line, 1, COMMA)


# ------------------------------------------------------- Python 3.13's incomplete input


def test_an_incomplete_input_error_names_the_open_bracket():
    cell = "import seaborn as sns\nplt.figure(figsize=(12, 8)\n"
    hint = _syntax(cell + "   ", 3, "incomplete input", ename="_IncompleteInputError")
    assert "`plt.figure(figsize=(12, 8)` is never closed" in hint, hint
    assert "search for it" not in hint


# ------------------------------------------------------------- a pattern re rejects

RE_FRAMES = (
    ("/usr/lib/python3.12/re/__init__.py", "sub", "return _compile(pattern, flags).sub(repl, s)"),
    ("/usr/lib/python3.12/re/_parser.py", "parse", 'raise source.error("unbalanced parenthesis")'),
)


def test_a_stray_parenthesis_in_a_built_pattern_is_named_with_re_escape():
    code = "for word in words:\n    text = re.sub(rf'\\b{word})\\b', '', text)"
    hint = cell_crash("error", "unbalanced parenthesis at position 7", code, RE_FRAMES)
    assert "has a `)` that no `(` opens" in hint and "re.escape" in hint, hint
    assert "search for it" not in hint


def test_a_plain_pattern_gets_no_re_escape():
    code = "text = re.sub(r'(\\d+))', '', text)"
    hint = cell_crash("error", "unbalanced parenthesis at position 5", code, RE_FRAMES)
    assert "has a `)` that no `(` opens" in hint and "re.escape" not in hint, hint


def test_an_error_of_another_library_gets_no_pattern_look():
    frames = (("/opt/conda/lib/python3.11/site-packages/tok/parse.py", "run", "raise error(m)"),)
    hint = cell_crash("error", "unbalanced parenthesis at position 5", "tok.run(s)", frames)
    assert "no `(` opens" not in hint, hint


# ------------------------------------------------------- a library's submodule alone


def _no_module(module: str, line: str) -> str:
    return _crash("ModuleNotFoundError", f"No module named '{module}'", line, line)


def test_import_stats_is_scipys_submodule():
    hint = _no_module("stats", "import stats")
    assert "`from scipy import stats`" in hint and "`stat`" not in hint, hint


def test_from_stats_import_reads_from_scipy_stats():
    assert "`from scipy.stats import skew`" in _no_module("stats", "from stats import skew")


def test_a_project_name_is_no_submodule_of_a_library():
    assert "submodule of" not in _no_module("models", "import models")


def test_a_typo_of_a_module_keeps_its_did_you_mean():
    assert "did you mean `pandas`" in _no_module("pandsa", "import pandsa")


# ------------------------------------------------ an imported module close to the name

FIT = "history = model.fit(x_train, y_train, epochs=5)"


def test_an_imported_plural_module_is_no_slip_of_the_name():
    cells = [("from keras import layers, models", 1, None), (FIT, 2, None)]
    hint = notebook_hint("NameError", _not_defined("model"), FIT, cells, 1, 2)
    assert "did you mean `models`" not in hint, hint


def test_a_plural_variable_is_still_offered():
    cells = [("models = make_model()", 1, None), (FIT, 2, None)]
    hint = notebook_hint("NameError", _not_defined("model"), FIT, cells, 1, 2)
    assert "did you mean `models`" in hint, hint


# ------------------------------------------------- a pandas method called as a function

PANDAS = "import pandas as pd\nhouses = pd.read_csv('houses.csv')\nhouses[houses['rooms'] > 2]"


def test_a_pandas_method_called_with_a_column_name_is_called_on_the_column():
    line = 'cars[mean("rooms")]'
    cells = [(PANDAS, 1, None), ("cars = pd.read_csv('cars.csv')", 2, None), (line, 3, None)]
    hint = notebook_hint("NameError", _not_defined("mean"), line, cells, 2, 3)
    assert "`houses['rooms'].mean()`" in hint, hint


def test_a_pandas_method_name_called_with_a_variable_gets_no_column():
    line = "print(mean(values))"
    cells = [(PANDAS, 1, None), (line, 2, None)]
    hint = notebook_hint("NameError", _not_defined("mean"), line, cells, 1, 2)
    assert ".mean()`" not in hint, hint


# ---------------------------------------------- the next count of another session


def _retyped(*more):
    cells = [("tu = (23, 'abc', 4.5)", 1, None), ("t[1:4]", 2, None), ("tu[1:4]", 3, None)]
    cells += [*more, ("t = [1, 2, 4, 5]", 1, None)]
    return saved_hint("NameError", _not_defined("t"), cells, 1, "t[1:4]", 2)


def test_the_next_count_is_read_when_it_is_the_only_one():
    assert "numbered next" in _retyped()


def test_the_next_count_is_not_read_when_two_cells_show_it():
    assert "numbered next" not in _retyped(("print(x)", 3, None))


# --------------------------------------------------------------- a word printed alone


def test_a_word_printed_alone_gets_quotes_or_a_variable():
    hint = _crash("NameError", _not_defined("robin"), "print(robin)", "print(robin)")
    assert "`print('robin')`" in hint and "run that cell first" in hint, hint


@pytest.mark.parametrize(("line", "name"), [("len(robin)", "robin"), ("print(count1)", "count1")])
def test_a_name_passed_to_another_call_or_a_code_name_gets_no_quotes(line, name):
    hint = _crash("NameError", _not_defined(name), line, line)
    assert f"`print('{name}')`" not in hint, hint


# ------------------------------------------------- a cell shown under a library's file


def _module_frame(shown: str, code: str) -> str:
    path = "/usr/local/lib/python3.7/dist-packages/gpflow/__init__.py"
    traceback = [
        "-" * 75,
        "NameError                                 Traceback (most recent call last)",
        f"{path} in <module>()\n----> 1 {shown}\n",
        "NameError: name 'net_weights' is not defined",
    ]
    return _record_hint("NameError", "name 'net_weights' is not defined", tuple(traceback), code)


@pytest.mark.parametrize(
    ("shown", "code", "blamed"),
    [
        pytest.param("net_weights", "net_weights", False, id="the-cell's-own-line"),
        pytest.param("net_weights = load()", "import gpflow", True, id="the-library's-line"),
    ],
)
def test_a_cell_printed_under_a_library_file_is_the_cell(shown, code, blamed):
    hint = _module_frame(shown, code)
    assert ("gpflow" in hint) is blamed, hint


# ------------------------------------------------------- a Series method on a frame

GETATTR = "pandas/core/generic.py | NDFrame.__getattr__ | return object.__getattribute__(self, n)"


@pytest.mark.parametrize(
    ("line", "says", "never"),
    [
        ("df.loc[df['car_type'] != 'bus'].unique()", "method of a pandas Series", "nunique"),
        ("df.nuniqe()", "nunique", "method of a pandas Series"),
    ],
)
def test_a_series_method_called_on_a_frame_is_no_slip_of_a_frame_method(line, says, never):
    attr = line.rsplit(".", 1)[-1].rstrip("()")
    message = f"'DataFrame' object has no attribute '{attr}'"
    hint = _crash("AttributeError", message, line, line, GETATTR)
    assert says in hint and never not in hint, hint


# ------------------------------------------------ a None from a search in library code

NONE_GROUP = "'NoneType' object has no attribute 'group'"
CALL = "out = translator.translate('hola', dest='en')"


def test_group_of_a_failed_search_in_library_code_is_no_match():
    token = "pagetool/token.py | Token._update | code = self.RE_KEY.search(r.text).group(1)"
    hint = _crash("AttributeError", NONE_GROUP, CALL, CALL, token)
    assert "found no match" in hint and "runs before this call" not in hint, hint


def test_group_of_another_none_gets_no_search_story():
    token = "pagetool/token.py | Token._update | code = self.match_cache.group(1)"
    hint = _crash("AttributeError", NONE_GROUP, CALL, CALL, token)
    assert "found no match" not in hint, hint


# ------------------------------------------------- a tuple called through self.x(...)

TUPLE = "'tuple' object is not callable"


def test_a_tuple_called_through_self_attributes_is_the_comma_of_its_assignment():
    line = "return self.fc2(self.relu(self.fc1(x)))"
    code = f"class Net(nn.Module):\n    def forward(self, x):\n        {line}"
    frames = (
        (
            "/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py",
            "_call_impl",
            "return forward_call(*args, **kwargs)",
        ),
    )
    tb = [
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[9], line 1\n----> 1 out = net(xb)\n",
        "File {}:1747, in {}\n-> 1747 {}\n".format(*frames[0]),
        f"Cell In[8], line 3, in Net.forward(self, x)\n----> 3 {line}\n",
        f"TypeError: {TUPLE}",
    ]
    record = {"ename": "TypeError", "evalue": TUPLE, "traceback": tb, "code": "out = net(xb)"}
    hint = diagnose(ErrorRecord.from_dict(record)).hint
    assert "holds a tuple" in hint and "ends in a comma" in hint, hint
    assert "use `[...]`" not in hint and code


def test_a_tuple_called_by_name_keeps_its_hint():
    line = "y = point(2)"
    hint = _crash("TypeError", TUPLE, f"point = (1, 2)\n{line}", line)
    assert "ends in a comma" not in hint, hint
