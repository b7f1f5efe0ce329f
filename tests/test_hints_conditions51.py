"""Speak-only-when pairs for missing-module and undefined-name hints that told a wrong cause
(crashes written here by hand, in Python's and the libraries' own wording).

- `skfuzzy` is installed as `scikit-fuzzy`: no `%pip install skfuzzy`.
- `apndas`: the first two letters of `pandas` swapped, a typo, not a package to install.
- `pd.df[0]`: the notebook's own variable read through the module's name, not a name to look
  up in pandas' documentation.
- `read_csv(Users/me/week4)`, `save(weights1.h5)`: a path or file name without quotes, not a
  variable to define.
- `lambda debt: ... Debt`: the lambda's own parameter in other capitals, not a column.
- `y(t)` on a SymPy symbol: an unknown function is a `Function`, not a hidden function.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions32 import _hint as saved_hint


def _missing_module(module: str) -> str:
    return hint(crash("ModuleNotFoundError", f"No module named '{module}'", f"import {module}"))


def test_skfuzzy_is_installed_by_its_pip_name():
    text = _missing_module("skfuzzy")
    assert "%pip install scikit-fuzzy" in text and "install skfuzzy" not in text, text


def test_a_module_with_its_first_two_letters_swapped_is_a_typo():
    text = _missing_module("apndas")
    assert "did you mean `pandas`" in text and "%pip install apndas" not in text, text


def test_a_module_like_no_known_one_is_still_a_package_to_install():
    text = _missing_module("aspdas")
    assert "pandas" not in text and "aspdas" in text, text


_FRAME_CELL = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2]})"


def _module_lacks(name: str, line: str, cells: list[str]) -> str:
    code = "\n".join([*cells, line])
    return hint(
        crash("AttributeError", f"module 'pandas' has no attribute '{name}'", line, code=code)
    )


def test_a_top_level_variable_read_through_the_module_is_the_users_own():
    text = _module_lacks("df", "pd.df[0].astype(int)", [_FRAME_CELL])
    assert "without the `pd.` before it" in text and "documentation" not in text, text


def test_a_name_assigned_only_inside_a_function_is_not_said_to_be_the_users():
    cells = ["import pandas as pd\ndef load():\n    df = pd.DataFrame()\n    return df"]
    text = _module_lacks("df", "pd.df[0].astype(int)", cells)
    assert "without the `pd.`" not in text, text


def _undefined(name: str, line: str, cells: list[str]) -> str:
    rows = [(source, i + 1, None) for i, source in enumerate(cells)] + [
        (line, len(cells) + 1, None)
    ]
    message = f"name '{name}' is not defined"
    return saved_hint("NameError", message, line, rows, len(cells), len(cells) + 1)


def test_a_path_without_quotes_given_to_a_reader_is_a_path():
    line = "df = pd.read_csv(Users/ada/Documents/course2/week4)"
    text = _undefined("Users", line, ["import pandas as pd"])
    assert "`'Users/ada/Documents/course2/week4'`" in text, text
    assert "not defined anywhere" not in text, text


@pytest.mark.parametrize(
    "line, cells",
    [
        ("np.load(total/rows)", ["import numpy as np\nrows = 10"]),  # `rows` is a variable
        ("y = np.log(total/count)", ["import numpy as np"]),  # `log` takes no path
    ],
)
def test_a_division_is_no_path(line, cells):
    assert "path without quotes" not in _undefined("total", line, cells)


def test_an_h5_file_name_without_quotes_is_a_file_name():
    text = _undefined("weights1", "model.save(weights1.h5)", ["model = build()"])
    assert "`'weights1.h5'`" in text and "not defined anywhere" not in text, text


_DEBT_CELL = "import pandas as pd\ndf = pd.read_csv('loans.csv')\ndf['Debt'].describe()"


def test_a_lambdas_parameter_in_other_capitals_is_the_name_meant():
    line = "df['Debt'].map(lambda debt: 'High' if Debt > 1000 else 'Low')"
    text = _undefined("Debt", line, [_DEBT_CELL])
    assert "the lambda's parameter is `debt`" in text and "column or key" not in text, text


def test_a_lambda_with_other_parameters_leaves_the_column_hint():
    line = "df['Debt'].map(lambda d: 'High' if Debt > 1000 else 'Low')"
    text = _undefined("Debt", line, [_DEBT_CELL])
    assert "lambda's parameter" not in text, text


_SYMBOLS = "import sympy as sp\ny, t = sp.symbols('y t')"


def _symbol_called(code: str) -> str:
    line = "sp.dsolve(y(t).diff(t, t) - y(t), y(t))"
    return hint(
        crash("TypeError", "'Symbol' object is not callable", line, code=code + "\n" + line)
    )


def test_a_sympy_symbol_called_is_told_to_be_a_function():
    text = _symbol_called(_SYMBOLS)
    assert "`y = sp.Function('y')`" in text and "dir(" not in text, text


def test_a_symbol_of_code_without_sympy_gets_no_sympy_advice():
    text = _symbol_called("y, t = make_symbols()")
    assert "Function(" not in text, text
