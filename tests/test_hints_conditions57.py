"""Speak-only-when pairs for hints that blind graders called wrong (written here by hand, in
the libraries' and Python's wording, never copied from a notebook):

- A library that cannot import a name from its own files: no removed-name advice (the user did
  not write that import), and no pip command for an import name the tables do not know (`sql`
  is installed by ipython-sql and by jupysql; PyPI's `sql` is another package).
- pandas' "Missing optional dependency 'pytables'" after "No module named 'tables'": the pip
  name comes from the import name.
- A KeyError raised in a `%%sql` magic's code: no keys of the cell's to print.
- A split archive's part (`.z02`) read as text: no encoding reads it.
- `__init__() should return None, not 'int'`: Python's own rule, no library to search.
- A lower-case heading `syntax:` over notes: no unfinished statement.
- `print[arr[:4]]`: a built-in indexed, not a method.
- `plt.xticks(rotation=90)` among `sns.barplot`'s arguments: a step of its own.
- An f-string's `:.1f` given None: no function's parameters to check.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions28 import _hint as ipython_hint
from tests.test_hints_conditions28 import _syntax

SITE = "/home/u/.venv/lib/python3.11/site-packages"


# ------------------------------------------------------ a library's import of its own names


def _own_import(module: str, name: str, path: str, importing: str) -> str:
    message = f"cannot import name '{name}' from '{module}' ({SITE}/{path})"
    frames = [(f"{SITE}/{importing}", "<module>", [], f"from {module} import {name}")]
    return ipython_hint("ImportError", message, "df.to_csv('out.csv')", frames=frames)


def test_a_removed_name_imported_by_the_library_itself_is_no_rename_to_make():
    text = _own_import(
        "pandas.core.dtypes.generic",
        "ABCIndexClass",
        "pandas/core/dtypes/generic.py",
        "pandas/io/formats/csvs.py",
    )
    assert "use `ABCIndex` instead" not in text, text
    assert "`pandas` cannot import its own `ABCIndexClass`" in text, text


def test_the_users_own_import_of_a_removed_name_keeps_the_rename():
    message = (
        "cannot import name 'ABCIndexClass' from 'pandas.core.dtypes.generic' "
        f"({SITE}/pandas/core/dtypes/generic.py)"
    )
    line = "from pandas.core.dtypes.generic import ABCIndexClass"
    text = ipython_hint("ImportError", message, line)
    assert "use `ABCIndex` instead" in text, text


def test_an_unknown_import_name_gets_no_pip_command_of_that_name():
    text = _own_import("sql.parse", "split_words", "sql/parse.py", "sql/magic.py")
    assert "%pip install -U sql" not in text, text
    assert "two packages that both install `sql`" in text, text


def test_a_known_library_keeps_its_pip_command():
    text = _own_import("sklearn.utils", "check_words", "sklearn/utils/__init__.py", "sklearn/x.py")
    assert "`%pip install -U scikit-learn`" in text, text


# ------------------------------------------------------------ pandas' optional dependencies


def _optional(display: str, imported: str) -> str:
    frames = [(f"{SITE}/pandas/compat/_optional.py", "import_optional_dependency")]
    return hint(
        crash(
            "ImportError",
            f"Missing optional dependency '{display}'.  Use pip or conda to install {display}.",
            "store = pd.HDFStore('d.h5')",
            frames,
            chain=[("ModuleNotFoundError", f"No module named '{imported}'")],
        )
    )


@pytest.mark.parametrize(
    ("display", "imported", "command"),
    [
        ("pytables", "tables", "`%pip install tables`"),
        ("openpyxl", "openpyxl", "install openpyxl`"),
    ],
)
def test_the_import_name_gives_the_pip_name_of_an_optional_dependency(display, imported, command):
    text = _optional(display, imported)
    assert command in text and "install pytables`" not in text, text


def test_a_dotted_module_missing_under_the_dependency_gives_no_pip_name_of_its_top():
    # 'tables.utilsextension' missing: `tables` imported and is broken; installing it again
    # under its own name is no pip name read from the chain
    text = _optional("pytables", "tables.utilsextension")
    assert "install tables`" not in text, text


# ------------------------------------------------------------- a KeyError in a magic's code


def _magic_key_error(line: str) -> str:
    frames = [
        (f"{SITE}/sql/magic.py", "execute", [], "result = sql.run.run(conn, sql, self, ns)"),
        (f"{SITE}/sql/run.py", "__init__", [], "style = prettytable.__dict__[config.style]"),
    ]
    return ipython_hint("KeyError", "'DEFAULT'", line, frames=frames)


def test_a_key_error_inside_a_cell_magic_asks_no_keys_of_the_cell():
    text = _magic_key_error("get_ipython().run_cell_magic('sql', '', 'SELECT 1;\\n')")
    assert "Print the keys" not in text and "`%%sql` magic" in text, text


def test_a_key_error_under_ipythons_timing_magic_keeps_the_keys_advice():
    frames = [
        (f"{SITE}/IPython/core/magics/execution.py", "time", [], "exec(code, glob, local_ns)"),
        (f"{SITE}/keras/src/models/model.py", "build", [], "units = config[name]"),
    ]
    line = "get_ipython().run_line_magic('time', 'model = build(cfg)')"
    text = ipython_hint("KeyError", "'units'", line, frames=frames)
    assert "magic" not in text and "Print the keys" in text, text


def test_a_key_error_of_the_users_own_lookup_keeps_the_keys_advice():
    line = "x = d['DEFAULT']"
    text = ipython_hint("KeyError", "'DEFAULT'", f"d = {{'a': 1}}\n{line}", failing=line)
    assert "magic" not in text, text


# ------------------------------------------------------------- an archive's part read as text


def _decode(line: str) -> str:
    frames = [(f"{SITE}/pandas/io/parsers/readers.py", "read_csv")]
    message = "'utf-8' codec can't decode byte 0xae in position 1: invalid start byte"
    return hint(crash("UnicodeDecodeError", message, line, frames))


def test_a_split_archives_part_is_told_to_be_extracted_not_decoded():
    text = _decode("df = pd.read_csv('reviews.csv.z01')")
    assert "encoding=" not in text and "archive" in text, text


def test_a_plain_csv_keeps_the_encoding_advice():
    assert "encoding='latin-1'" in _decode("df = pd.read_csv('reviews.csv')")


# ------------------------------------------------------------- Python's own TypeErrors


def test_an_init_that_returns_a_value_is_told_to_return_nothing():
    code = "class P:\n    def __init__(self, a):\n        return a * 2\np = P(3)"
    text = ipython_hint("TypeError", "__init__() should return None, not 'int'", code)
    assert "search for it" not in text and "`__init__` returned" in text, text


def test_a_none_given_a_number_format_is_named():
    line = "print(f\"{row['score']:.2f}\")"
    text = ipython_hint(
        "TypeError", "unsupported format string passed to NoneType.__format__", line
    )
    assert "help(...)" not in text and "is None" in text, text


def test_a_none_formatted_inside_a_library_is_not_said_to_be_on_the_line():
    frames = [(f"{SITE}/tqdm/std.py", "format_meter", [], "rate_fmt = f'{rate:5.2f}'")]
    message = "unsupported format string passed to NoneType.__format__"
    text = ipython_hint("TypeError", message, "for b in tqdm(batches): step(b)", frames=frames)
    assert "on the marked line is None" not in text, text


@pytest.mark.parametrize(
    ("kind", "line", "says"),
    [
        ("builtin_function_or_method", "print[values[:3]]", "`print(...)`"),
        ("method", "y = s.isin[vals]", "`.isin(...)`"),  # a dotted method keeps its advice
    ],
)
def test_a_builtin_indexed_at_the_start_of_the_line_is_called_with_parentheses(kind, line, says):
    message = f"'{kind}' object is not subscriptable"
    text = ipython_hint("TypeError", message, f"values = [1, 2, 3, 4]\n{line}", failing=line)
    assert "You index a method" not in text and says in text, text


# ------------------------------------------------------------------------ SyntaxErrors


def test_a_lower_case_heading_over_notes_is_text_not_an_unfinished_statement():
    code = "usage:\n\nsorted(items, key, reverse)"
    text = _syntax("usage:", code=code, caret=6)
    assert "unfinished" not in text and "Markdown" in text, text


def test_a_heading_over_an_indented_body_is_not_called_notes():
    code = "main:\n    run()"
    text = _syntax("main:", code=code, caret=5)
    assert "heading of notes" not in text, text


def test_a_pyplot_step_among_a_calls_arguments_is_taken_out_of_it():
    line = "sns.histplot(x='age', plt.title('Ages'), data=df)"
    text = _syntax(line, "positional argument follows keyword argument", caret=len(line))
    assert "line of its own" in text and "(`x=...`)" not in text, text


def test_a_plain_positional_value_after_a_keyword_keeps_the_naming_advice():
    line = "sns.histplot(x='age', df, bins=5)"
    text = _syntax(line, "positional argument follows keyword argument", caret=len(line))
    assert "(`x=...`)" in text, text
