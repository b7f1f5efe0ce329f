"""Attribute and key hints whose claim did not hold on the crash (session 24b): a read with no
separator the cell has since been edited to pass, a module's alias written twice, `.dt` on a
column whose name says no date, "the class itself" from a library's own lookup, an integer
label gone from a filtered index, Python 2's "instance has no attribute" of the user's own
class, a function that reads a global frame instead of its argument, and pandas' missing
columns raised as an `Index`.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet (or says the other thing). Cells, tracebacks and messages are written here by hand in
the libraries' wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/home/kim/miniconda3/lib/python3.11/site-packages"


def _library(path: str, function: str, line: str, number: int = 120) -> str:
    return f"File {SITE}/{path}:{number}, in {function}(self)\n--> {number} {line}\n"


def _hint(ename: str, message: str, code: str, failing: int, *below: str, ran: str = "") -> str:
    """The hint for a crash on line ``failing`` of ``code`` in IPython 8's layout; ``ran`` is
    the failing line as it ran, when the cell's saved code was edited since."""
    line = ran or code.splitlines()[failing - 1]
    tb = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[7], line {failing}\n----> {failing} {line}\n",
        *below,
        f"{ename}: {message}",
    ]
    return diagnose(ErrorRecord(ename, message, tuple(tb), code=code)).hint


# ------------------------------------ a read with no separator, edited since to pass one

_PARSER = _library(
    "pandas/_libs/parsers.pyx", "pandas._libs.parsers.raise_parser_error", "raise ParserError"
)
_ONE_FIELD = "Error tokenizing data. C error: Expected 1 fields in line 6, saw 2\n"


def test_a_read_the_cell_now_gives_a_separator_is_told_to_run_again():
    code = "stock = pd.read_csv('stock.txt', sep='\\t', encoding='latin-1')\nstock.head()"
    ran = "stock = pd.read_csv('stock.txt', encoding='latin-1')"
    text = _hint("ParserError", _ONE_FIELD, code, 1, _PARSER, ran=ran)
    assert "edited after this error" in text and "`sep='\\t'`" in text, text
    assert "skiprows" not in text, text


def test_a_read_edited_in_another_way_keeps_lines_before_the_table():
    code = "stock = pd.read_csv('stock.txt', encoding='latin-1', header=None)\nstock.head()"
    ran = "stock = pd.read_csv('stock.txt', encoding='latin-1')"
    text = _hint("ParserError", _ONE_FIELD, code, 1, _PARSER, ran=ran)
    assert "edited after this error" not in text and "skiprows" in text, text


# ------------------------------------------------------------ a module's alias written twice


def test_an_alias_written_twice_is_told_to_write_it_once():
    code = "import numpy as np\nvalues = np.np.linspace(0, 1, 11)"
    text = _hint("AttributeError", "module 'numpy' has no attribute 'np'", code, 2)
    assert "`np.np.` writes the name twice" in text and "`np.linspace`" in text, text


def test_a_module_read_through_another_name_is_no_doubled_alias():
    code = "import numpy as np\nvalues = np.linespace(0, 1, 11)"
    text = _hint("AttributeError", "module 'numpy' has no attribute 'linespace'", code, 2)
    assert "writes the name twice" not in text, text


# ------------------------------------------------------ `.dt` on a column named for no date

_DT = _library(
    "pandas/core/generic.py", "NDFrame.__getattr__", "return object.__getattribute__"
) + _library(
    "pandas/core/indexes/accessors.py",
    "CombinedDatetimelikeProperties.__new__",
    'raise AttributeError("Can only use .dt accessor with datetimelike values")',
)
_DT_MESSAGE = "Can only use .dt accessor with datetimelike values"


def test_dt_on_a_column_named_for_no_date_asks_which_column_is_meant():
    code = "orders['weekday'] = orders['OrderID'].dt.day_name()"
    text = _hint("AttributeError", _DT_MESSAGE, code, 1, _DT)
    assert "`orders['OrderID']` is not one" in text and "column of dates" in text, text


def test_dt_on_a_date_column_is_told_to_convert_it():
    code = "orders['weekday'] = orders['Order Date'].dt.day_name()"
    text = _hint("AttributeError", _DT_MESSAGE, code, 1, _DT)
    assert "convert it first with `pd.to_datetime(...)`" in text, text
    assert "is not one" not in text, text


# --------------------------------- "type object" from a library's own attribute lookup

_METACLASS = _library(
    "h2o/utils/metaclass.py", "__getattribute__", "return type.__getattribute__(cls, name)"
)


def _type_object_hint(*below: str) -> str:
    code = "def export(m):\n    return m.save_mojo('out')\nexport(search)"
    tb_user = "Cell In[4], line 2, in export(m)\n----> 2     return m.save_mojo('out')\n"
    return _hint(
        "AttributeError",
        "type object 'H2OGridSearch' has no attribute 'save_mojo'",
        code,
        3,
        tb_user,
        *below,
    )


def test_a_libraries_metaclass_lookup_is_not_called_the_class_itself():
    text = _type_object_hint(_METACLASS)
    assert "the class `H2OGridSearch` itself" not in text and "`save_mojo`" in text, text


def test_a_class_read_by_the_users_line_is_the_class_itself():
    text = _type_object_hint()
    assert "(the class `H2OGridSearch` itself)" in text, text


# -------------------------------------------- an integer label gone from a filtered index

_GET_LOC = _library(
    "pandas/core/series.py", "Series.__getitem__", "return self._get_value(key)"
) + _library("pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err")


def test_an_integer_label_missing_is_told_both_readings():
    code = "kept = scores.drop_duplicates()\nkept['total'][12]"
    text = _hint("KeyError", "12", code, 2, _GET_LOC)
    assert "the index has no label 12" in text and "print the index" in text, text
    assert "if you meant the row at position 12, use `.iloc[12]`" in text, text


def test_a_text_key_missing_gets_no_position_reading():
    code = "kept = scores.drop_duplicates()\nkept['total']['x12']"
    text = _hint("KeyError", "'x12'", code, 2, _GET_LOC)
    assert "position" not in text, text


# -------------------------------- Python 2's "instance has no attribute" of the user's class

_READER = "class Reader:\n    def __init__(self, path):\n        self.path = path\n\n"


def test_an_own_old_style_class_without_the_method_is_told_to_add_it():
    code = _READER + "r = Reader('a.txt')\nr.getPath()"
    text = _hint("AttributeError", "Reader instance has no attribute 'getPath'", code, 6)
    assert "`Reader` is your own class" in text and "defines no `getPath`" in text, text
    assert "library version" not in text, text


def test_an_own_class_with_the_method_says_the_object_is_older():
    code = _READER + "    def getPath(self):\n        return self.path\n\nr.getPath()"
    text = _hint("AttributeError", "Reader instance has no attribute 'getPath'", code, 8)
    assert "made before that definition ran" in text, text
    unknown = _hint("AttributeError", "Writer instance has no attribute 'getPath'", code, 8)
    assert "your own class" not in unknown, unknown


# --------------------------------- a function that reads a global frame, not its argument

_RAISE = 'raise KeyError(f"{labels[mask]} not found in axis")'
_DROP = _library("pandas/core/frame.py", "DataFrame.drop", "return super().drop(") + _library(
    "pandas/core/indexes/base.py", "Index.drop", _RAISE
)


def _in_function(third: str, second: str = "T['Len'] = T.Text.str.len()") -> str:
    # the `def` is in an earlier cell: only the traceback's frame shows it
    tb_user = (
        f"Cell In[3], line 3, in add_length(T)\n      1 def add_length(T):\n"
        f"      2     {second}\n----> 3     {third}\n"
    )
    message = "\"['Text'] not found in axis\""
    return _hint("KeyError", message, "add_length(train)", 1, tb_user, _DROP)


def test_a_global_frame_read_beside_the_argument_is_told_to_use_the_argument():
    text = _in_function("frame.drop('Text', axis=1, inplace=True)")
    assert "`frame` is not a parameter of `add_length(T)`" in text, text
    assert "write `T` instead of `frame`" in text, text


def test_a_frame_the_function_assigns_is_no_global_read():
    text = _in_function(
        "frame.drop('Text', axis=1, inplace=True)", "frame = T.copy(); T['Len'] = T.Text.str.len()"
    )
    assert "is not a parameter" not in text, text


# ------------------------------------------- pandas' missing columns raised as an Index


def test_missing_columns_raised_as_an_index_are_named_plainly():
    code = "people.drop_duplicates(subset=['phone'])"
    below = _library("pandas/core/frame.py", "DataFrame.duplicated", "raise KeyError(Index(diff))")
    text = _hint("KeyError", "Index(['phone'], dtype='object')", code, 1, below)
    assert "no column or label 'phone'" in text and "Index(" not in text, text


def test_a_key_that_only_mentions_an_index_is_kept_whole():
    code = "cache['Index of rows']"
    text = _hint("KeyError", "'Index of rows'", code, 1)
    assert "Index of rows" in text, text
