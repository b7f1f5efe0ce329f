"""Review of waves w24a and w24b's conditions: for each one narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash it was made for still does:

- a 401 from a server on port 5000 of a Mac (MLflow's basic-auth app asking for a login): AirPlay
  Receiver answers 403, so only a 403 is told about AirPlay;
- a link in a comment line of the cell (`# docs: https://mlflow.org/...`) is no server the code
  reaches: it no longer silences the local server's hint;
- Python 2's "Point instance has no attribute 'area'" where another class of the notebook
  (`Circle`) defines `area`: `Point` is not given it by any cell;
- `helpers.helpers.clean_text(raw)`: a package's submodule of its own name, not yet imported,
  is no alias written twice (`pd.pd.read_csv` still is);
- `df['city_mean'] = df['city'].map(city_stats['price'])` in `def add_stats(df)`: a failing line
  that reads the argument too looks the global table up on purpose; it is no argument misnamed;
- a `read_csv` edited since to pass `sep=','` (a `read_table` to pass `sep='\\t'`): the reader's
  own default, which the failed read used already, explains nothing, and running again fails
  the same way;
- `.dt` read twice on a line (`orders['shipped'].dt.dayofyear - orders['ordered'].dt...`): the
  message does not tell which failed, so the first is not said to be no datetime column.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint as _hint28
from tests.test_hints_conditions114 import _DT, _DT_MESSAGE, _ONE_FIELD, _PARSER, _library
from tests.test_hints_conditions114 import _hint as _hint114

MAC_SITE = "/Users/ana/miniconda3/lib/python3.11/site-packages"

# ------------------------------------------------------- a 401 from port 5000 of a Mac

_REST = [
    (
        f"{MAC_SITE}/mlflow/utils/rest_utils.py",
        "verify_rest_response",
        ["if response.status_code != 200:"],
        "raise MlflowException(f'{base_msg}. Response body: {response.text!r}')",
    )
]
_TRACKING = 'mlflow.set_tracking_uri("http://127.0.0.1:5000")\nmlflow.set_experiment("runs")'


def _refused(status: str, body: str) -> str:
    message = (
        "API request to endpoint /api/2.0/mlflow/experiments/get-by-name failed with error "
        f"code {status} != 200. Response body: '{body}'"
    )
    return _hint28("MlflowException", message, _TRACKING, frames=_REST)


def test_a_401_from_port_5000_of_a_mac_is_not_blamed_on_airplay():
    text = _refused("401", "You are not authenticated.")
    assert "AirPlay" not in text, text
    assert "port 5000 of this machine" in text and "plans or quotas" in text, text
    # made for: AirPlay Receiver's 403 on port 5000
    text = _refused("403", "")
    assert "AirPlay Receiver" in text and "another port" in text, text


def test_a_comments_link_does_not_silence_the_local_server():
    message = (
        "API request to endpoint /api/2.0/mlflow/experiments/get-by-name failed with error "
        "code 403 != 200. Response body: ''"
    )
    code = "# tracking server: https://mlflow.org/docs/latest/tracking.html\n" + _TRACKING
    text = _hint28("MlflowException", message, code, frames=_REST)
    assert "AirPlay Receiver" in text and "plan or quota" not in text, text
    # a URL the code reaches elsewhere still keeps the service's hint
    code = 'docs = requests.get("https://tracking.example.com/api")\n' + _TRACKING
    text = _hint28("MlflowException", message, code, frames=_REST)
    assert "AirPlay" not in text and "this machine" not in text, text


# ------------------------------------- Python 2's old-style instance, another class's method

_SHAPES = (
    "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\n"
    "class Circle:\n    def __init__(self, r):\n        self.r = r\n"
    "    def area(self):\n        return 3.14 * self.r ** 2\n\n"
)


def test_another_classes_method_gives_the_old_style_class_nothing():
    code = _SHAPES + "p = Point(1, 2)\nprint p.area()"
    text = _hint28("AttributeError", "Point instance has no attribute 'area'", code)
    assert "a cell gives it `area`" not in text and "made before" not in text, text
    assert "`Point` is your own class, and its code defines no `area`" in text, text
    # made for: the class's own `def` (indented under it), or one left at the margin
    for extra in ("", "\n"):
        code = (
            _SHAPES.replace("class Circle", "    def area(self):\n        return 0\n\nclass Circle")
            if not extra
            else _SHAPES + "def area(self):\n    return 0\n\n"
        )
        message = "Point instance has no attribute 'area'"
        text = _hint28("AttributeError", message, code + "p.area()")
        assert "a cell gives it `area`, but `p` was made before" in text, text


# --------------------------------------------- a package's submodule of its own name

_TWICE = "writes the name twice"


def test_a_submodule_named_as_its_package_is_no_alias_written_twice():
    message = "module 'helpers' has no attribute 'helpers'"
    text = _hint28("AttributeError", message, "import helpers\nclean = helpers.helpers.clean(raw)")
    assert _TWICE not in text and "write `helpers.clean`" not in text, text
    # made for: an alias of another name written twice
    message = "module 'pandas' has no attribute 'pd'"
    text = _hint28("AttributeError", message, "import pandas as pd\ndf = pd.pd.read_csv('a.csv')")
    assert "`pd` already is the module `pandas`, so write `pd.read_csv`" in text, text


# --------------------------------------- a global table read beside the function's argument

_GET = _library(
    "pandas/core/frame.py", "DataFrame.__getitem__", "indexer = self.columns.get_loc(key)"
) + _library("pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err")


def _add_stats(failing: str) -> str:
    frame = (
        "Cell In[3], line 3, in add_stats(df)\n      1 def add_stats(df):\n"
        f"      2     df['price'] = df['price'].fillna(0)\n----> 3     {failing}\n"
    )
    return _hint114("KeyError", "'price'", "train = add_stats(train)", 1, frame, _GET)


def test_a_global_table_read_beside_the_argument_is_no_argument_misnamed():
    text = _add_stats("df['city_mean'] = df['city'].map(city_stats['price'])")
    assert "is not a parameter" not in text and "write `df` instead" not in text, text
    # made for: the failing line reads only the global, the argument nowhere
    text = _add_stats("prices = train['price'].clip(0, 500)")
    assert "`train` is not a parameter of `add_stats(df)`" in text, text
    assert "write `df` instead of `train` there" in text, text


# ------------------------------------- a separator added since that is the reader's default


def _edited(code: str, ran: str) -> str:
    return _hint114("ParserError", _ONE_FIELD, code + "\nstock.head()", 1, _PARSER, ran=ran)


def test_the_readers_default_separator_added_since_is_no_fix():
    ran = "stock = pd.read_csv('stock.txt', encoding='latin-1')"
    text = _edited("stock = pd.read_csv('stock.txt', sep=',', encoding='latin-1')", ran)
    assert "edited after this error" not in text and "run the cell again" not in text, text
    text = _edited(
        "stock = pd.read_table('stock.txt', sep='\\t')", "stock = pd.read_table('stock.txt')"
    )
    assert "edited after this error" not in text, text
    # made for: another separator than the reader's own
    text = _edited("stock = pd.read_csv('stock.txt', sep=';', encoding='latin-1')", ran)
    assert "edited after this error" in text and "`sep=';'`" in text, text
    text = _edited(
        "stock = pd.read_table('stock.txt', sep=',')", "stock = pd.read_table('stock.txt')"
    )
    assert "edited after this error" in text and "`sep=','`" in text, text


# ------------------------------------------------------------- `.dt` read twice on a line


def test_two_dt_reads_on_a_line_do_not_blame_the_first_column():
    code = "orders['lead'] = orders['ordered'].dt.dayofyear - orders['shipped'].dt.dayofyear"
    text = _hint114("AttributeError", _DT_MESSAGE, code, 1, _DT)
    assert "is not one" not in text and "`orders['ordered']`" not in text, text
    assert "pd.to_datetime(...)" in text, text
    # made for: the one `.dt` of the line, on a column whose name says no date
    code = "orders['weekday'] = orders['OrderID'].dt.day_name()"
    text = _hint114("AttributeError", _DT_MESSAGE, code, 1, _DT)
    assert "`orders['OrderID']` is not one" in text, text
