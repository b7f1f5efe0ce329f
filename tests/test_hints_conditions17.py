"""Specific hints of undefined names, missing modules and missing or unreadable files speak only
where their condition holds on the crash: the failing line's own subscript, the failing
function's own assignments, the function the name is missing in, the cell that creates a name
rather than changes it, the machine the frames show, what the message itself says.

Cells, frames and messages are written here by hand in the libraries' wording and the layout
IPython prints, never copied from a notebook. Each row: what must be in the hint, and what must
not (the guard rows keep a right hint of the same template speaking).
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord


def _crash(cells, frames, ename, message, counts=None, errors=None, evalue=None) -> str:
    """The hint of ``ename: message`` raised through ``frames`` (IPython's text of each) by the
    last of ``cells``, a saved notebook: ``counts`` are the cells' execution counts (1, 2, …
    unless given), ``errors`` the KeyError messages saved under some of them (by index)."""
    counts = counts or list(range(1, len(cells) + 1))
    nb = []
    for i, (source, count) in enumerate(zip(cells, counts, strict=True)):
        nb.append(
            {"id": f"c{i}", "index": i, "source": source, "execution_count": count}
            | {"cell_type": "code"}
        )
        if errors and i in errors:
            nb[-1]["error"] = {"ename": "KeyError", "evalue": errors[i], "traceback": []}
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": evalue or message,
            "traceback": [
                "---------------------------------------------------------------------------",
                f"{ename}                                 Traceback (most recent call last)",
                *frames,
                f"{ename}: {message}",
            ],
            "code": cells[-1],
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": counts[-1],
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def _check(text: str, present: tuple[str, ...], absent: tuple[str, ...]) -> None:
    assert all(s in text for s in present) and not any(s in text for s in absent), text


def _top(count: int, line: str, number: int = 1) -> str:
    """The crash cell's frame, failing on its line ``number``."""
    return f"Cell In[{count}], line {number}\n----> {number} {line}\n"


# ------------------------------------------------------------------------ undefined names

_PRICE_FN = "def fill(row):\n    price = row[0]\n    if price_is_nan(Price):\n        return 0"
_PRICE_FRAME = (
    "Cell In[2], line 3, in fill(row)\n      1 def fill(row):\n      2     price = row[0]\n"
    "----> 3     if price_is_nan(Price):\n      4         return 0\n"
)
_PLAY_FRAME = "Cell In[2], line 2, in play()\n      1 def play():\n----> 2     game = GAME(3)\n"
_REPORT_FRAME = (
    "Cell In[2], line 2, in report(line)\n      1 def report(line):\n"
    "----> 2     print(ctx.user)\n      3     return line\n"
)
_DEFAULT = "def show(img, cut=img.shape[0] // 2, cmap='gray'):"
_LOOP = "for ax in fig.axes:\n    handles, names = ax.get_legend_handles_labels()\nshow(handles)"
_PARTS = (
    "def list_parts(path):\n    book = open_book(path)\n    sheet = book.Sheets('main')\n"
    "    for part in sheet.Embedded():\n        print(part.Name)"
)

NAME_CASES = [
    pytest.param(
        ["sales = load()\nsales['units'].sum()", "shop = load()\nshop[units].plot()"],
        [_top(2, "shop[units].plot()", 2)],
        "units",
        ("`shop['units']`",),
        ("sales",),
        id="the quotes go on the object the failing line subscripts",
    ),
    pytest.param(
        ["sales = load()\nsales['units'].sum()", "total = units * 2"],
        [_top(2, "total = units * 2")],
        "units",
        ("`sales['units']`",),
        (),
        id="a bare use still points at the notebook's column",
    ),
    pytest.param(
        ["table['Price'].mean()", _PRICE_FN, "table.apply(fill, axis=1)"],
        [_top(3, "table.apply(fill, axis=1)"), _PRICE_FRAME],
        "Price",
        ("`price`", "case-sensitive"),
        ("table['Price']",),
        id="a name the failing function assigns in another case is named",
    ),
    pytest.param(
        ["class Game:\n    pass", "def play():\n    game = GAME(3)\n    return game", "play()"],
        [_top(3, "play()"), _PLAY_FRAME],
        "GAME",
        (),
        ("case-sensitive",),
        id="the failing line's own target is no case variant",
    ),
    pytest.param(
        ["class Chart:\n    title = ''\n    size = 3", "x = 3\ntitle(x)"],
        [_top(2, "title(x)", 2)],
        "title",
        (),
        ("Chart",),
        id="a class's string attribute is not what a call meant",
    ),
    pytest.param(
        ["class Chart:\n    title = ''", "print(title)"],
        [_top(2, "print(title)")],
        "title",
        ("`Chart.title`",),
        (),
        id="a class attribute read as a value is still named",
    ),
    pytest.param(
        ["def render(ctx, page):\n    return page", "def report(line):\n    print(ctx.user)", "x"],
        [_top(3, "report('a')"), _REPORT_FRAME],
        "ctx",
        (),
        ("render",),
        id="a parameter of another function than the failing one is not named",
    ),
    pytest.param(
        ["def render(ctx, page):\n    return page", "print(ctx)"],
        [_top(2, "print(ctx)")],
        "ctx",
        ("parameter of `render()`",),
        (),
        id="a parameter read at the top level is still named",
    ),
    pytest.param(
        ["img = load()", f"{_DEFAULT}\n    plt.imshow(img[cut], cmap=cmap)"],
        [_top(2, _DEFAULT)],
        "img",
        ("`cut`", "`None`"),
        ("Run cell",),
        id="a default value cannot read another parameter",
    ),
    pytest.param(
        ["fit = model.fit(x, y)", "fit.rnn = model_a.fit(x, y)\nfit_lstm = model_b.fit(x, y)"],
        [_top(2, "fit.rnn = model_a.fit(x, y)")],
        "fit",
        ("`fit_rnn = ...`",),
        (),
        id="a dot typed for an underscore beside a sibling names the variable",
    ),
    pytest.param(
        ["fit = model.fit(x, y)", "fit.rnn = model_a.fit(x, y)"],
        [_top(2, "fit.rnn = model_a.fit(x, y)")],
        "fit",
        (),
        ("fit_rnn",),
        id="an attribute set without a sibling is no underscore slip",
    ),
    pytest.param(
        ["handles = []", _LOOP],
        [_top(2, "show(handles)", 3)],
        "handles",
        ("only inside a `for` loop",),
        ("Run cell",),
        id="a name bound above only in a loop body was never bound",
    ),
    pytest.param(
        ["groups = []", "for handles in groups:\n    pass\nshow(handles)"],
        [_top(2, "show(handles)", 3)],
        "handles",
        (),
        ("only inside a `for` loop",),
        id="a loop variable itself is no unrun body",
    ),
    pytest.param(
        ["fits = []", "for f in range(3):\n    fits.append(make(f))\n    fit.predict(f)"],
        [_top(2, "    fit.predict(f)", 3)],
        "fit",
        (),
        ("`fits`",),
        id="a list the code appends to is no misspelling of its item",
    ),
    pytest.param(
        ["fits = 3", "print(fit)"],
        [_top(2, "print(fit)")],
        "fit",
        ("did you mean `fits`",),
        (),
        id="a plain close name is still suggested",
    ),
    pytest.param(
        ["word = 'spam'", "text = 'spam'\nfor i in range(len(text)):\n    print(word[i])"],
        [_top(2, "    print(word[i])", 3)],
        "word",
        ("`text = 'spam'`", "if `text` is meant, use it here"),
        ("Run cell",),
        id="a copy with the variable renamed has one use left",
    ),
    pytest.param(
        ["rows = load('a.csv')", "rows = rows.dropna()", "kept = rows.dropna()\nprint(kept)"],
        [_top(3, "kept = rows.dropna()")],
        "rows",
        (),
        ("did you mean `kept`",),
        id="a value made from the name is no renamed copy",
    ),
    pytest.param(
        ["sheet = workbook['main']", _PARTS, "for part in sheet.Embedded():\n    print(part)"],
        [_top(3, "for part in sheet.Embedded():")],
        "sheet",
        ("`list_parts()` of cell 2",),
        ("Run cell 1",),
        id="a line copied out of a function needs that function's variable",
    ),
]


@pytest.mark.parametrize(("cells", "frames", "name", "present", "absent"), NAME_CASES)
def test_undefined_name_hints_speak_where_their_condition_holds(
    cells, frames, name, present, absent
):
    text = _crash(cells, frames, "NameError", f"name '{name}' is not defined")
    _check(text, present, absent)


SAVED_CASES = [
    pytest.param(
        ["g1 = Data(x, edges)", "g1.show()\ng2 = Data(x, edges)"],
        [3, 2],
        None,
        ("Run cell 1 first",),
        ("is meant",),
        id="a renamed copy is not guessed where the definer ran after this cell",
    ),
    pytest.param(
        ["sales = load('a.csv')", "sales = sales.dropna()", "sales.describe()"],
        [4, 5, 3],
        None,
        ("Run cell 1 first",),
        (),
        id="the cell to run first creates the name rather than changes it",
    ),
    pytest.param(
        ["table = load('t.csv')", "table = table.drop('id', axis=1)", "table.head()"],
        [7, 9, 3],
        {1: "\"['id'] not found in axis\""},
        ("Run cell 1 first",),
        ("failed",),
        id="a failed cell that only changes the name did not keep it undefined",
    ),
    pytest.param(
        ["table = agg(raw, 'start')", "table = agg(raw, 'year')", "table.plot()"],
        [None, None, 2],
        {0: "'start'"},
        ("Run cell 2 first",),
        ("failed",),
        id="a failed definer shadowed by a nearer unrun one is not blamed",
    ),
    pytest.param(
        ["df = read('a.csv')", "orig = df.copy()", "df = orig.copy()", "df.head()"],
        [5, 6, 7, 4],
        {0: "'a.csv'"},
        ("Cell 1 [5] defines `df` but ran only after this cell ([4]), and failed",),
        ("Run cell 3",),
        id="a nearer creator made from the name's own copy does not make the failure moot",
    ),
    pytest.param(
        ["table = agg(raw, 'start')", "table.plot()"],
        [1, 2],
        {0: "'start'"},
        ("Cell 1 [1] failed",),
        (),
        id="a failed creator is still blamed",
    ),
    pytest.param(
        ["table = table.drop('id', axis=1)", "table.head()"],
        [3, 5],
        {0: "\"['id'] not found in axis\""},
        ("Cell 1 [3] failed",),
        ("ran after",),
        id="a failed changer where no cell creates the name is still told",
    ),
]


@pytest.mark.parametrize(("cells", "counts", "errors", "present", "absent"), SAVED_CASES)
def test_the_saved_notebook_names_the_definer_that_can_define_it(
    cells, counts, errors, present, absent
):
    name = cells[-1].split(".")[0]
    frames = [_top(counts[-1], cells[-1])]
    message = f"name '{name}' is not defined"
    _check(_crash(cells, frames, "NameError", message, counts, errors), present, absent)


# ------------------------------------------------------------------------ missing modules


@pytest.mark.parametrize(
    ("line", "module", "present", "absent"),
    [
        pytest.param(
            "import q", "q", ("slip or unfinished",), ("%pip install q",), id="one letter"
        ),
        pytest.param(
            "import seabornlib as sns",
            "seabornlib",
            ("`import seaborn as sns`",),
            ("%pip install seabornlib",),
            id="the alias tells the module meant",
        ),
        pytest.param(
            "import plotkit as sns", "plotkit", (), ("seaborn",), id="an alias of no prefix"
        ),
        pytest.param("import docx2tx", "docx2tx", ("`docx2txt`",), (), id="a known module's slip"),
        pytest.param(
            "from datasets import ScanTrainSet",
            "datasets",
            ("`ScanTrainSet` is no known name", "%pip install datasets"),
            (),
            id="a name the package lacks: the project's file, or the package",
        ),
        pytest.param(
            "from datasets import load_dataset",
            "datasets",
            ("%pip install datasets",),
            ("usual file",),
            id="a name the package has: the package",
        ),
    ],
)
def test_the_import_line_tells_what_the_missing_module_is(line, module, present, absent):
    message = f"No module named '{module}'"
    _check(_crash([line], [_top(1, line)], "ModuleNotFoundError", message), present, absent)


# ------------------------------------------------------------------------ files


def _frame(path: str, function: str, *code: str) -> str:
    return f"File {path}, in {function}\n" + "".join(f"{line}\n" for line in code)


_DIST = "/usr/local/lib/python3.11/dist-packages"
_H5PY = _frame(f"{_DIST}/h5py/_hl/files.py:241", "make_fid(name)", "--> 241 fid = h5f.open(name)")
_HOME_PANDAS = _frame(
    "~/miniconda3/lib/python3.10/site-packages/pandas/io/common.py:873",
    "get_handle(path)",
    "--> 873     handle = open(handle)",
)
_COLAB_OPEN = _frame(f"{_DIST}/google/colab/_shell.py:10", "open(file)", "--> 10 return io.open(f)")
_BASEMAP = _frame(
    "~\\Anaconda3\\lib\\site-packages\\mpl_toolkits\\basemap\\__init__.py:156",
    "<module>",
    "    155 pyproj_datadir = os.environ['PROJ_LIB']",
    "--> 156 epsgf = open(os.path.join(pyproj_datadir,'epsg'))",
)
_CONDA_PANDAS = _frame(
    "/opt/conda/lib/python3.11/site-packages/pandas/io/common.py:873",
    "get_handle(path)",
    "--> 873     handle = open(handle, ioargs.mode)",
)
_KAGGLE_LOAD = "model.load_weights('/kaggle/input/weights/net.h5')"
_REVIEWS = "text = open('reviews/train/pos/12_7.txt').read()"
_FETCH = "!wget -q https://example.org/reviews.tar.gz\n!tar -xf reviews.tar.gz"
_DAYS = "for d in days:\n    p = f'/srv/logs/log_202102{d}.csv'\n    df = pd.read_csv(p)"
_COPY = "src = '/srv/in/report.xlsx'\ntmp = os.path.join(d, 'copy_' + name)\ndf = pd.read_csv(p)"


@pytest.mark.parametrize(
    ("cells", "frame", "path", "evalue", "present", "absent"),
    [
        pytest.param(
            [_KAGGLE_LOAD],
            _H5PY,
            "/kaggle/input/weights/net.h5",
            None,
            ("Kaggle",),
            ("runs on Colab",),
            id="shared dist-packages do not tell Colab from Kaggle",
        ),
        pytest.param(
            [_KAGGLE_LOAD],
            _H5PY,
            "/kaggle/input/weights/net.h5",
            "ignored",
            ("runs on Colab",),
            (),
            id="a notebook saved by Colab still is on Colab",
        ),
        pytest.param(
            ["df = pd.read_csv('/content/sample_data/train.csv')"],
            _HOME_PANDAS,
            "/content/sample_data/train.csv",
            None,
            ("Colab path",),
            ("session storage",),
            id="a conda in the home folder is no Colab session",
        ),
        pytest.param(
            [_FETCH, _REVIEWS],
            _COLAB_OPEN,
            "reviews/train/pos/12_7.txt",
            None,
            (),
            ("upload",),
            id="no upload is missing where a cell unpacks the data",
        ),
        pytest.param(
            [_REVIEWS],
            _COLAB_OPEN,
            "reviews/train/pos/12_7.txt",
            None,
            ("upload it there",),
            (),
            id="a relative path on Colab still gets the upload advice",
        ),
        pytest.param(
            ["from mpl_toolkits.basemap import Basemap"],
            _BASEMAP,
            "C:/Users/ana\\\\epsg",
            None,
            ("`PROJ_LIB`", "`mpl_toolkits.basemap`"),
            (),
            id="a path built from an environment variable names it",
        ),
        pytest.param(
            [_DAYS],
            _CONDA_PANDAS,
            "/srv/logs/log_20210230.csv",
            None,
            ("2021-02-30",),
            (),
            id="a file name asking for a date the calendar lacks",
        ),
        pytest.param(
            [_DAYS],
            _CONDA_PANDAS,
            "/srv/logs/log_20210227.csv",
            None,
            (),
            ("date",),
            id="a real date in a file name is no cause",
        ),
        pytest.param(
            [_COPY],
            _CONDA_PANDAS,
            "/srv/in/copy_report.xlsx",
            None,
            ("builds it (from `report.xlsx`)",),
            ("relative path",),
            id="a name the code builds is no file to copy next to the notebook",
        ),
    ],
)
def test_missing_file_hints_read_the_machine_and_the_name(
    cells, frame, path, evalue, present, absent
):
    frames = [_top(len(cells), cells[-1].splitlines()[-1]), frame]
    message = f"[Errno 2] No such file or directory: '{path}'"
    _check(_crash(cells, frames, "FileNotFoundError", message, evalue=evalue), present, absent)


_JSON = _frame(
    "/opt/conda/lib/python3.11/json/decoder.py:353",
    "JSONDecoder.raw_decode(self, s)",
    "--> 353     obj, end = self.scan_once(s, idx)",
)
_NIB = _frame(
    "/opt/conda/lib/python3.11/site-packages/nibabel/streamlines/__init__.py:118",
    "save(tractogram, filename, **kwargs)",
    "--> 118     raise ValueError(msg)",
)


@pytest.mark.parametrize(
    ("ename", "message", "line", "frame", "present", "absent"),
    [
        pytest.param(
            "JSONDecodeError",
            "Invalid control character at: line 1 column 40 (char 39)",
            "check(sentence)",
            _JSON,
            ("control character",),
            ("file is complete",),
            id="a raw control character in JSON",
        ),
        pytest.param(
            "ValueError",
            "Unknown tractogram file format: '/data/out/bundle.xyz'",
            "nib.streamlines.save(t, out)",
            _NIB,
            ("`.xyz`",),
            ("content",),
            id="a writer that knows no format for the extension",
        ),
    ],
)
def test_unreadable_file_hints_read_the_message(ename, message, line, frame, present, absent):
    _check(_crash([line], [_top(1, line), frame], ename, message), present, absent)
