"""Conditions of the syntax, type and attribute templates (round 11, part c): each claim holds
only where the message's wording, the failing line or the frames show it.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

# ------------------------------------------- Colab's newer cell file names are the cell itself


def _colab_syntax(cell: str, number: int, message: str, cls: str = "SyntaxError") -> str:
    """A SyntaxError as Colab's newer IPython prints it: the cell is `/tmp/ipython-input-N.py`,
    and the message keeps only the file's name."""
    marked = cell.splitlines()[number - 1]
    evalue = f"{message} (ipython-input-1234567890.py, line {number})"
    traceback = (
        f'  File "/tmp/ipython-input-1234567890.py", line {number}\n    {marked.strip()}\n'
        f"    ^\n{cls}: {message}\n",
    )
    record = ErrorRecord(ename=cls, evalue=evalue, traceback=traceback, code=cell)
    return diagnose(record).hint


def test_colabs_newer_cell_file_is_the_cell_not_a_file_it_runs():
    cell = "import math\n x = 3\n y = 4"
    text = _colab_syntax(cell, 2, "unexpected indent", "IndentationError")
    assert "a file this cell runs" not in text and "ipython-input" not in text, text
    assert "and the line after it start with the same indentation" in text, text


def test_a_file_the_cell_imports_is_still_named():
    message = "invalid syntax (helpers.py, line 3)"
    traceback = (
        f'  File "/home/u/helpers.py", line 3\n    x = = 1\n    ^\nSyntaxError: {message}\n',
    )
    record = ErrorRecord(
        ename="SyntaxError", evalue=message, traceback=traceback, code="import helpers"
    )
    assert "`helpers.py` (line 3), a file this cell runs" in diagnose(record).hint


# --------------------------------------- a string in plain quotes written over two lines


def test_a_plain_string_that_goes_on_to_the_next_line_gets_triple_quotes():
    cell = 'rows = df.query(\n    "price > 10 and\n    stock > 0"\n)'
    text = _colab_syntax(cell, 2, "unterminated string literal (detected at line 2)")
    assert "triple quotes" in text and "closes on the next line" in text, text


def test_a_string_that_never_closes_is_not_said_to_go_on():
    cell = 'name = "Ada\nprint(name)'
    text = _colab_syntax(cell, 1, "unterminated string literal (detected at line 1)")
    assert "triple quotes" not in text and "no closing quote" in text, text


# ------------------------------- TypeError: no "parameters" advice where the line calls nothing


@pytest.mark.parametrize(
    ("message", "line"),
    [
        ('can only concatenate str (not "Element") to str', "text += node"),
        ("unhashable type: 'slice'", "total = counts[0:2] + 1"),
    ],
)
def test_a_line_that_calls_nothing_gets_no_parameter_advice(message, line):
    text = hint(crash("TypeError", message, line))
    assert "parameters" not in text and "help(" not in text, text


def test_a_line_with_a_call_keeps_the_parameter_advice():
    text = hint(crash("TypeError", "an integer is required (got type Element)", "chr(node)"))
    assert "parameters" in text or "types the message names" in text, text


def test_a_special_method_that_returned_none_is_named():
    text = hint(crash("TypeError", "__str__ returned non-string (type NoneType)", "print(car)"))
    assert "`__str__` method returned a `NoneType`" in text and "`return`" in text, text
    assert "parameters" not in text, text


def test_a_complex_number_given_to_int_is_named():
    text = hint(crash("TypeError", "can't convert complex to int", "k = int(root)"))
    assert "complex number" in text and "`.real`" in text, text
    assert "parameters" not in text, text


def test_a_number_assigned_to_a_slice_needs_an_iterable():
    text = hint(crash("TypeError", "can only assign an iterable", "scores[1:3] = 0"))
    assert "`x[0:2] = [v, v]`" in text and "parameters" not in text, text
    text = hint(crash("TypeError", "can only assign an iterable", "scores[1] = 0"))
    assert "[v, v]" not in text, text


# ------------------------------------------------------ not callable: which name was called


def test_a_number_called_inside_print_is_the_name_called():
    code = "n = 31415\nprint(n(0))"
    text = hint(crash("TypeError", "'int' object is not callable", "print(n(0))", code=code))
    assert "`n` holds" in text and "`str(n)[0]`" in text, text
    assert "sum = ..." not in text, text


def test_a_print_the_code_reassigned_is_no_builtin_to_skip():
    code = "print = 3\nn = 5\nprint(n(0))"
    text = hint(crash("TypeError", "'int' object is not callable", "print(n(0))", code=code))
    assert "`n` holds" not in text, text


def test_a_module_function_that_holds_a_value_gets_both_readings():
    code = "import numpy as np\nm = np.ones((2, 2))"
    text = hint(
        crash("TypeError", "'tuple' object is not callable", "m = np.ones((2, 2))", code=code)
    )
    assert "if it is a function of `np`" in text and "restart the kernel" in text, text
    assert not text.split(":", 1)[1].lstrip().startswith("write"), text


# ----------------------------------------------- NotImplementedError: who did not implement it


def test_the_library_that_raised_is_named_not_the_decorators():
    frames = (
        ("/opt/conda/lib/python3.9/site-packages/pandas/util/_decorators.py", "wrapper"),
        ("/opt/conda/lib/python3.9/site-packages/pandas_datareader/data.py", "DataReader"),
    )
    parsed = crash(
        "NotImplementedError",
        "data_source='yahoo-actions' is not implemented",
        "f = web.DataReader('F', 'yahoo-actions', start, end)",
        frames,
    )
    text = hint(parsed)
    assert "`pandas_datareader` does not implement" in text, text
    assert "inside pandas:" not in text, text


def test_asyncio_without_subprocesses_is_no_missing_feature_of_the_library():
    frames = (
        ("C:\\venv\\Lib\\site-packages\\chess\\engine.py", "SimpleEngine.popen_uci"),
        ("C:\\Python312\\Lib\\asyncio\\base_events.py", "BaseEventLoop.subprocess_exec"),
        ("C:\\Python312\\Lib\\asyncio\\base_events.py", "BaseEventLoop._make_subprocess_transport"),
    )
    parsed = crash("NotImplementedError", "", "e = SimpleEngine.popen_uci(path)", frames)
    text = hint(parsed)
    assert "WindowsProactorEventLoopPolicy" in text and "does not implement" not in text, text


def test_a_message_that_says_you_should_implement_is_the_fix():
    frames = (("/usr/lib/python3/site-packages/keras/engine/training.py", "Model.call"),)
    message = "When subclassing the `Model` class, you should implement a `call` method."
    text = hint(crash("NotImplementedError", message, "model.build((None, 8))", frames))
    assert "Do what the message says" in text and "another way" not in text, text


# ------------------------------------------------------------ text that is no Python in a cell


def _ipython_syntax(cell: str, number: int, marked: str, message: str, cls="SyntaxError") -> str:
    evalue = f"{message} (<ipython-input-7-3f2a1b>, line {number})"
    traceback = (
        f'  File "<ipython-input-7-3f2a1b>", line {number}\n    {marked}\n    ^\n',
        f"{cls}: {message}\n",
    )
    return diagnose(ErrorRecord(ename=cls, evalue=evalue, traceback=traceback, code=cell)).hint


def test_an_indented_bang_line_of_notes_is_a_shell_command_to_ipython():
    cell = "# truth table\n  !a -> b"
    text = _ipython_syntax(
        cell, 2, "get_ipython().system('a -> b')", "unexpected indent", "IndentationError"
    )
    assert "`!a -> b`" in text and "make it a comment" in text, text


def test_a_stray_indent_of_several_lines_is_named_for_all_of_them():
    cell = "import math\n r = 2\n # area\n a = math.pi * r**2\n for i in range(2):\n     print(i)"
    text = _ipython_syntax(cell, 2, "r = 2", "unexpected indent", "IndentationError")
    assert "and the 2 lines after it" in text and "their start" in text, text


def test_an_indented_line_of_code_still_loses_its_spaces():
    text = _ipython_syntax("x = 1\n  y = 2", 2, "y = 2", "unexpected indent", "IndentationError")
    assert "remove the spaces at its start" in text and "`!`" not in text, text


@pytest.mark.parametrize(("marked", "rule"), [("======", True), ("--- x", False)])
def test_a_markdown_rule_is_named_as_one(marked, rule):
    text = _ipython_syntax(f"x = 1\n{marked}", 2, marked, "invalid syntax")
    assert ("Markdown rule" in text) == rule, text


def _sql_hint(notebook_cells: list[str]) -> str:
    cell = "SELECT city, COUNT(*)\nFROM sales\nGROUP BY city"
    cells = [
        {"id": str(i), "index": i, "source": src, "cell_type": "code", "execution_count": i}
        for i, src in enumerate([*notebook_cells, cell], 1)
    ]
    traceback = (
        "  Cell In[9], line 1\n    SELECT city, COUNT(*)\n           ^\n",
        "SyntaxError: invalid syntax\n",
    )
    record = ErrorRecord.from_dict(
        {
            "ename": "SyntaxError",
            "evalue": "invalid syntax (2207.py, line 1)",
            "traceback": list(traceback),
            "code": cell,
            "notebook": {"path": "n.ipynb", "cells": cells},
        }
    )
    return diagnose(record).hint


def test_a_query_cell_is_run_as_the_notebooks_other_queries():
    text = _sql_hint(["import duckdb\nsales = load()", 'duckdb.sql("SELECT 1 FROM sales").df()'])
    assert "`duckdb.sql(...)`" in text and "read_sql" not in text, text


def test_a_query_over_a_dataframe_of_the_notebook_needs_no_connection():
    text = _sql_hint(["import pandas as pd\nsales = pd.read_csv('s.csv')"])
    assert "`sales`, a variable of this notebook" in text and "connection" not in text, text


def test_a_query_of_a_database_table_keeps_the_database_hint():
    text = _sql_hint(["import pandas as pd"])
    assert "pd.read_sql(query, connection)" in text, text


# --------------------------------------------------- a shell command that exited with an error


def _shell_crash(command: str) -> str:
    line = f"get_ipython().run_cell_magic('shell', '', '{command}')"
    frames = (
        (
            "/usr/local/lib/python3.10/dist-packages/IPython/core/interactiveshell.py",
            "run_cell_magic",
        ),
        (
            "/usr/local/lib/python3.10/dist-packages/google/colab/_system_commands.py",
            "_run_command",
        ),
    )
    message = f"Command '{command}' returned non-zero exit status 1."
    return hint(crash("CalledProcessError", message, line, frames, code=f"%%shell\n{command}"))


def test_a_parenthesis_outside_quotes_in_a_shell_command_is_named():
    text = _shell_crash("cp /content/report (2).pdf out/")
    assert "parenthesis outside quotes (`(2).pdf`)" in text, text
    assert "passes no arguments" not in text and "get_ipython" not in text.split(".", 1)[1], text


def test_a_quoted_file_name_with_parentheses_is_no_shell_syntax():
    text = _shell_crash('cp "/content/report (2).pdf" out/')
    assert "parenthesis" not in text and "exit status 1), not Python" in text, text


# ------------------------------------------------------------------- values the notebook shows


def test_a_text_of_several_numbers_is_split_not_converted():
    code = 'a = "4,2,7"\nb = "1,1,1"\na - b'
    message = "unsupported operand type(s) for -: 'str' and 'str'"
    text = hint(crash("TypeError", message, "a - b", code=code))
    assert "`np.array(a.split(','), dtype=float)`" in text and "float(...)`," not in text, text
    code = 'a = "4.5"\nb = "1"\na - b'
    text = hint(crash("TypeError", message, "a - b", code=code))
    assert "split" not in text and "`float(...)`" in text, text


def test_the_standard_librarys_test_package_is_named():
    message = "module 'test' has no attribute 'check'"
    text = hint(crash("AttributeError", message, "test.check()", code="import test\ntest.check()"))
    assert "standard library" in text and "`my_test.py`" in text, text
    message = "module 'utils' has no attribute 'check'"
    text = hint(crash("AttributeError", message, "utils.check()", code="import utils"))
    assert "your own module" in text and "standard library" not in text, text


def _search_hint(code: str) -> str:
    message = "'GridSearchCV' object has no attribute 'best_estimator_'"
    return hint(crash("AttributeError", message, "search.best_estimator_", code=code))


def test_a_search_without_best_estimator_was_not_refitted_no_version_lacks_it():
    text = _search_hint("search = GridSearchCV(model, grid)\nsearch.best_estimator_")
    assert "version" not in text and "`refit=True`" in text, text
    code = "search = GridSearchCV(model, grid,\n    refit=False)\nsearch.fit(X, y)"
    text = _search_hint(code)
    assert "built with `refit=False`" in text, text


# --------------------------------------------------------- attributes read inside other code


def test_a_removed_name_read_in_a_copied_folder_names_that_file_and_the_replacement():
    frames = (("/home/u/book/mglearn/plot_grid_search.py", "plot_cross_val_selection"),)
    message = "'GridSearchCV' object has no attribute 'grid_scores_'"
    text = hint(crash("AttributeError", message, "mglearn.plots.plot_it()", frames))
    assert "`mglearn/plot_grid_search.py`" in text and "`cv_results_`" in text, text
    assert "make sure it runs before" not in text, text


def test_pandas_flags_read_as_an_arrays_flags():
    frames = (
        ("/opt/conda/lib/python3.11/site-packages/sklearn/neighbors/_classification.py", "predict"),
        ("/opt/conda/lib/python3.11/site-packages/sklearn/metrics/_dispatcher.py", "is_usable"),
    )
    message = "'Flags' object has no attribute 'c_contiguous'"
    text = hint(crash("AttributeError", message, "knn.predict(X_test)", frames))
    assert "`X.to_numpy()`" in text and "what must run before" not in text, text


def _drawn_after_the_cell(code: str) -> str:
    traceback = (
        "---------------------------------------------------------------------------",
        "AttributeError                            Traceback (most recent call last)",
        "File /usr/lib/python3/dist-packages/matplotlib/pyplot.py:120, in "
        "_draw_all_if_interactive()\n--> 120     draw_all()\n",
        "File /usr/lib/python3/dist-packages/matplotlib/_pylab_helpers.py:132, in "
        "Gcf.draw_all(cls, force)\n--> 132     manager.canvas.draw_idle()\n",
        "File /usr/lib/python3/dist-packages/mpl_toolkits/mplot3d/art3d.py:250, in "
        "Line3D.draw(self, renderer)\n--> 250     xs3d, ys3d, zs3d = self._verts3d\n",
        "AttributeError: 'Line3D' object has no attribute '_verts3d'",
    )
    return _record_hint(
        "AttributeError", "'Line3D' object has no attribute '_verts3d'", traceback, code
    )


def _record_hint(ename: str, evalue: str, traceback: tuple, code: str) -> str:
    return diagnose(ErrorRecord(ename=ename, evalue=evalue, traceback=traceback, code=code)).hint


def test_a_half_made_3d_line_drawn_after_the_cell_points_at_the_plot_call():
    code = "X, Y = np.meshgrid(x, y)\nZ = X + Y\nax.plot3D(X, Y, Z)"
    text = _drawn_after_the_cell(code)
    assert "after the cell ran" in text and "`ax.plot_surface" in text, text
    assert "before the dot" not in text, text
    text = _drawn_after_the_cell("ax.plot3D(xs, ys, zs)")
    assert "Fix that first error" in text and "meshgrid" not in text, text


# ------------------------------------------------- a re-run whose change a later cell replaced


def test_a_change_replaced_since_by_a_fresh_assignment_is_no_cause():
    from tests.test_notebook_saved import OOO, SHAPES, check, run, saved

    sources = ["X = make()", "X = add_bias(X)", "X = make()\nX[0] = 1", "y = X @ w"]
    assert run(saved(sources, [1, 3, 4, 5], crash=4, error=SHAPES)) is None
    # a later cell that reads `X` first keeps the change: the re-run is still named
    sources = ["X = make()", "X = add_bias(X)", "Z = X + 1", "y = X @ w"]
    check(run(saved(sources, [1, 3, 4, 5], crash=4, error=SHAPES)), OOO, 2, "rerun")
    # an assignment inside a block may not have run
    sources = ["X = make()", "X = add_bias(X)", "if fresh:\n    X = make()", "y = X @ w"]
    check(run(saved(sources, [1, 3, 4, 5], crash=4, error=SHAPES)), OOO, 2, "rerun")


# ------------------------------------------------------------------ carried: conditions found


def test_a_submodule_found_in_its_package_is_no_shadowing_file():
    message = "module 'PIL.Image' has no attribute 'from_bytes_io'"
    code = "from PIL import Image\nimg = Image.from_bytes_io(buf)"
    text = hint(crash("AttributeError", message, "img = Image.from_bytes_io(buf)", code=code))
    assert "PIL.py" not in text and "`from_bytes_io`" in text, text


def test_bar_label_needs_a_newer_matplotlib():
    message = "'AxesSubplot' object has no attribute 'bar_label'"
    text = hint(crash("AttributeError", message, "ax.bar_label(bars)"))
    assert "matplotlib >= 3.4" in text and "%pip install -U matplotlib" in text, text


def test_a_numpy_function_replaced_by_a_value_fails_inside_a_library():
    traceback = (
        "---------------------------------------------------------------------------",
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[5], line 1\n----> 1 preds = net.predict(batch)\n",
        "File /usr/lib/python3/dist-packages/keras/engine/training.py:1338, in "
        "Model._predict_loop(self, f, ins)\n--> 1338     outs.append(np.ones(shape))\n",
        "TypeError: 'list' object is not callable",
    )
    code = "preds = net.predict(batch)"
    text = _record_hint("TypeError", "'list' object is not callable", traceback, code)
    assert "if it is `np.ones`" in text and "`np.ones = ...`" in text, text
    assert "compare what you pass" not in text, text


def test_a_sort_key_that_returns_a_method_is_named():
    message = "'<' not supported between instances of 'method' and 'method'"
    text = hint(crash("TypeError", message, "rows = sorted(items, key=lambda r: r.count)"))
    assert "`key` function returns `r.count`" in text and "df['x'].mean()" not in text, text


def test_a_set_literal_holding_a_list_is_named():
    text = hint(crash("TypeError", "unhashable type: 'list'", "s.replace({[1, 2], 0})"))
    assert "`{[1, 2], 0}` is a set" in text and "`{old: new}`" in text, text
    text = hint(crash("TypeError", "unhashable type: 'list'", "d = {[1, 2]: 0}"))
    assert "is a set" not in text, text


def test_an_in_place_methods_result_assigned_made_the_name_none():
    from tests.test_notebook_saved import OOO, check, run, saved, tb

    error = ("AttributeError", "'NoneType' object has no attribute 'append'")
    errors = {2: tb(2, 1, "xs = xs.remove(3)", ("AttributeError", _NONE_REMOVE))}
    sources = ["xs = [3, 4]", "xs = xs.remove(3)", "xs.append(5)"]
    f = run(saved(sources, [1, 2, 3], crash=3, error=error, errors=errors))
    check(f, OOO, 2, "out_of_order")
    assert "`.remove` changes `xs` in place and returns None" in f.hint, f.hint


_NONE_REMOVE = "'NoneType' object has no attribute 'remove'"


def test_a_hyphenated_import_whose_alias_calls_functions_gets_both_readings():
    cell = "import pyexcel-ods as pe\nbook = pe.get_book(file_name='a.ods')"
    text = _ipython_syntax(cell, 1, "import pyexcel-ods as pe", "invalid syntax")
    assert "`pyexcel_ods`" in text and "`import pyexcel`" in text and "`get_book`" in text, text


def test_a_librarys_assert_on_empty_data_points_at_the_data():
    frames = (("/opt/conda/lib/python3.12/site-packages/pingouin/utils.py", "remove_na"),)
    message = "y cannot be an empty list or array."
    line = "pg.ttest(df[df.g == 'a'].v, df[df.g == 'b'].v)"
    text = hint(crash("AssertionError", message, line, frames))
    assert "data is empty" in text and "print the values it tests" not in text, text
    own = hint(crash("AssertionError", "", "assert len(rows) > 0"))
    assert "data is empty" not in own, own


def test_a_beautifulsoup_tag_joined_to_text_gets_its_text():
    code = "from bs4 import BeautifulSoup\nout = ''\nfor t in tags:\n    out += t"
    message = 'can only concatenate str (not "Tag") to str'
    text = hint(crash("TypeError", message, "out += t", code=code))
    assert "`.get_text()`" in text, text
    text = hint(crash("TypeError", message, "out += t", code="out = ''\nout += t"))
    assert "get_text" not in text, text
