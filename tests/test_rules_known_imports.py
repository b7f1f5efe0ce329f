"""The one table of names and the import that defines each: every statement is a real import.

Statements of the libraries the test environment has (numpy, pandas, scikit-learn, SciPy,
matplotlib, the standard library; seaborn, Pillow, IPython where installed) are executed; the
others (TensorFlow, PyTorch, ...) are checked for form only.
"""

import ast
import importlib.util
import sys

import pytest

from jupyterlab_nbcrash.diagnosis.rules.tables.known_imports import (
    ALIASES,
    BY_USE,
    KNOWN_IMPORTS,
    LIBRARY_NAMES,
    import_for,
)

# Every (name, statement) the table can suggest: the default and the by-use alternatives.
STATEMENTS = sorted({*KNOWN_IMPORTS.items(), *((n, s) for n, (_, s) in BY_USE.items())})
# Installed wherever the tests run (the package's dependencies, its test extras and CI's).
REQUIRED = {"numpy", "pandas", "sklearn", "scipy", "matplotlib", "PIL", "IPython"}
EXECUTED = REQUIRED | {"seaborn"}
# Standard-library modules that distributions ship as a package of their own (Debian's python3-tk):
# executed where present, not required.
OPTIONAL_STDLIB = {"tkinter"}


def _top(statement: str) -> str:
    return statement.split()[1].split(".")[0]


def _runnable(top: str) -> bool:
    in_scope = top in EXECUTED or top in sys.stdlib_module_names
    return in_scope and importlib.util.find_spec(top) is not None


RUNNABLE = [(n, s) for n, s in STATEMENTS if _runnable(_top(s))]


def test_aliases_and_library_names_are_one_table_in_two_parts():
    assert not set(ALIASES) & set(LIBRARY_NAMES)
    assert KNOWN_IMPORTS == {**ALIASES, **LIBRARY_NAMES}
    assert set(BY_USE) <= set(KNOWN_IMPORTS)


@pytest.mark.parametrize(("name", "statement"), STATEMENTS)
def test_each_statement_is_one_import_that_binds_the_name(name, statement):
    (node,) = ast.parse(statement).body
    assert isinstance(node, ast.Import | ast.ImportFrom), statement
    (alias,) = node.names
    assert (alias.asname or alias.name.split(".")[0]) == name, statement


@pytest.mark.parametrize(("name", "statement"), RUNNABLE)
def test_statement_imports_the_name(name, statement):
    namespace: dict = {}
    exec(statement, namespace)
    assert name in namespace


def test_executed_statements_cover_most_of_the_table():
    # Only a missing library may leave a statement out, and never one the tests must have.
    required = [
        s
        for _, s in STATEMENTS
        if _top(s) in REQUIRED or (_top(s) in sys.stdlib_module_names - OPTIONAL_STDLIB)
    ]
    assert set(required) <= {s for _, s in RUNNABLE}
    assert len(RUNNABLE) > len(STATEMENTS) / 2, f"{len(RUNNABLE)} of {len(STATEMENTS)}"


# (name, failing line, the statement it needs): each line runs once that statement has.
USES = [
    ("glob", "files = glob('*.csv')", "from glob import glob"),
    ("glob", "files = sorted(glob.glob('*.csv'))", "import glob"),
    ("glob", "files = list(Path('.').glob('*.csv'))", "import glob"),  # pathlib's, the default
    ("datetime", "today = datetime.now()", "from datetime import datetime"),
    ("datetime", "d = datetime(2020, 1, 1)", "from datetime import datetime"),
    ("datetime", "t = datetime.strptime('2020', '%Y')", "from datetime import datetime"),
    ("datetime", "start = datetime.date(2020, 1, 1)", "import datetime"),
    ("datetime", "now = datetime.datetime.now()", "import datetime"),
    ("datetime", "step = datetime.timedelta(days=1)", "import datetime"),
    ("dt", "t = dt.strptime('2020', '%Y')", "from datetime import datetime as dt"),
    ("dt", "step = dt.timedelta(days=1)", "import datetime as dt"),
    ("Image", "img = Image.new('RGB', (2, 2))", "from PIL import Image"),
    ("Image", "Image(url='https://example.org/a.png')", "from IPython.display import Image"),
    ("norm", "p = norm.pdf(0.5)", "from scipy.stats import norm"),
    ("norm", "length = norm([3, 4])", "from numpy.linalg import norm"),
    ("io", "buf = io.BytesIO()", "import io"),
    ("io", "img = io.imread('a.png')", "from skimage import io"),
    ("copy", "b = copy([1])", "from copy import copy"),
    ("copy", "b = copy.deepcopy([1])", "import copy"),
    ("matplotlib", "matplotlib.pyplot.close('all')", "import matplotlib.pyplot"),
    ("matplotlib", "matplotlib.rcParams['font.size'] = 12", "import matplotlib"),
]


@pytest.mark.parametrize(("name", "line", "statement"), USES)
def test_the_use_picks_the_import(name, line, statement):
    assert import_for(name, line) == statement


def test_every_alternative_is_exercised():
    assert {(n, s) for n, _, s in USES} >= {(n, s) for n, (_, s) in BY_USE.items()}


RUNNABLE_USES = [u for u in USES if _runnable(_top(u[2])) and "Path(" not in u[1]]


@pytest.mark.parametrize(("name", "line", "statement"), RUNNABLE_USES)
def test_the_picked_import_makes_the_line_run(name, line, statement, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # glob('*.csv') looks at an empty folder
    namespace: dict = {}
    exec(f"{statement}\n{line}", namespace)
    assert name in namespace


def test_without_code_the_default_statement():
    assert import_for("glob") == "import glob"
    assert import_for("datetime") == "from datetime import datetime"
    assert import_for("KMeans", "km = KMeans(3)") == "from sklearn.cluster import KMeans"
    assert import_for("no_such_name_anywhere", "no_such_name_anywhere()") is None
