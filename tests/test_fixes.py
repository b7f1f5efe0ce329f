"""One-click fixes (issue 16): which crashes get one, the exact edits, and the refusals.

Records are built with IPython 8's traceback layout and the libraries' real messages; each fix is
applied to the cell's source the way the frontend applies it (``fix_edits.apply_edits``), and the
result is checked as code.
"""

from __future__ import annotations

import hashlib
import importlib

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.fix_edits import (
    apply_edits,
    import_offset,
    last_first,
    masked,
    name_spans,
)
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/usr/local/lib/python3.11/site-packages"


def traceback(ename: str, evalue: str, code: str, line: int, *frames: str) -> list[str]:
    """The cell's frame with its failing ``line`` (1-based), then library ``frames``."""
    lines = code.split("\n")
    shown = "".join(
        f"{'---->' if n == line else '     '} {n} {text}\n" for n, text in enumerate(lines, 1)
    )
    return [
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[7], line {line}\n{shown}",
        *frames,
        f"{ename}: {evalue}",
    ]


def record(
    ename: str,
    evalue: str,
    cells: list[str],
    crash: int,
    line: int = 1,
    *frames: str,
    history: list[dict] | None = None,
) -> ErrorRecord:
    """The crash of cell ``crash`` (0-based) of a notebook of ``cells``, its failing ``line``."""
    code = cells[crash]
    nb = {
        "cells": [
            {"id": f"c{i}", "index": i, "source": s, "cell_type": "code"}
            for i, s in enumerate(cells)
        ],
        "history": history or [],
    }
    return ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": evalue,
            "traceback": traceback(ename, evalue, code, line, *frames),
            "code": code,
            "cell_id": f"c{crash}",
            "notebook": nb,
        }
    )


def not_defined(name: str, cells: list[str], crash: int, line: int = 1, **kw) -> ErrorRecord:
    return record("NameError", f"name '{name}' is not defined", cells, crash, line, **kw)


def fix_of(rec: ErrorRecord) -> dict | None:
    return diagnose(rec).fix


def applied(rec: ErrorRecord, fix: dict) -> str:
    assert fix["cell_id"] == rec.cell_id
    assert fix["code_sha1"] == hashlib.sha1(rec.code.encode()).hexdigest()
    return apply_edits(rec.code, fix["edits"])


# ------------------------------------------------------------------------------ typo


def test_a_typo_of_a_notebook_name_is_replaced_in_code_but_not_in_strings_or_comments():
    cells = [
        "X_train = [[1, 2], [3, 4]]",
        'print("X_tarin rows:", len(X_tarin))  # X_tarin\nfirst = X_tarin[0]\nobj.X_tarin = 1',
    ]
    rec = not_defined("X_tarin", cells, 1)
    fix = fix_of(rec)
    assert fix["kind"] == "typo"
    assert fix["title"] == "Replace `X_tarin` with `X_train`"
    assert fix["rerun"] is True
    assert applied(rec, fix) == (
        'print("X_tarin rows:", len(X_train))  # X_tarin\nfirst = X_train[0]\nobj.X_tarin = 1'
    )
    starts = [e["start"] for e in fix["edits"]]
    assert starts == sorted(starts, reverse=True)  # last-first: each edit keeps the next valid


def test_a_typo_of_a_known_api_name_brings_its_import_after_the_magics():
    cells = ["%matplotlib inline\n# the model\nforest = RandomForestClasifier(n_estimators=50)"]
    rec = not_defined("RandomForestClasifier", cells, 0, 3)
    fix = fix_of(rec)
    assert fix["kind"] == "typo"
    assert "RandomForestClassifier" in fix["title"] and "import" in fix["title"]
    assert applied(rec, fix) == (
        "%matplotlib inline\n# the model\n"
        "from sklearn.ensemble import RandomForestClassifier\n"
        "forest = RandomForestClassifier(n_estimators=50)"
    )


def test_lower_case_true_becomes_true():
    rec = not_defined("true", ["verbose = true"], 0)
    assert applied(rec, fix_of(rec)) == "verbose = True"


@pytest.mark.parametrize(
    ("name", "defined", "use"),
    [
        ("modle", "model = 1\nmode = 2", "print(modle)"),  # two names one slip away
        ("epochs", "epoch = 1", "for epoch in range(epochs): pass"),  # a plural: another thing
        ("x2", "x1 = 1", "print(x2)"),  # a sibling of a family
        ("model", "Model = object", "model.fit()"),  # an instance named after its class
        ("tokenize", "", "tokens = tokenize(text)"),  # a plain word is no misspelt API name
        ("zzz_total", "revenue = 1", "print(zzz_total)"),  # nothing close
    ],
)
def test_no_typo_fix_when_the_right_name_is_not_certain(name, defined, use):
    assert fix_of(not_defined(name, [defined, use], 1)) is None


def test_no_typo_fix_when_the_name_is_only_in_a_string():
    # The NameError's name is nowhere in the cell's code as a name: nothing to edit.
    rec = not_defined("X_tarin", ["X_train = 1", 'eval("X_tarin")'], 1)
    assert fix_of(rec) is None


def test_a_name_in_an_fstring_is_edited_or_refused_never_left_behind():
    rec = not_defined("X_tarin", ["X_train = 1", 'print(f"{X_tarin}")'], 1)
    fix = fix_of(rec)
    assert fix is None or "X_tarin" not in applied(rec, fix)


def test_a_name_another_cell_defines_is_no_typo():
    # A cell binds the name: the order of runs is the problem (here the saved notebook shows
    # the definer never ran), not the spelling, even with a close name around.
    rec = not_defined("X_tarin", ["X_tarin = 1\nX_train = 2", "print(X_tarin)"], 1)
    fix = fix_of(rec)
    assert fix["kind"] == "run_first"
    assert fix["edits"] == [{"op": "run_cells", "cell_ids": ["c0"]}]


def test_no_fix_for_a_name_error_raised_inside_another_cells_function():
    cells = ["def show():\n    print(X_tarin)", "X_train = 1\nshow()"]
    code = cells[1]
    tb = [
        "NameError                                 Traceback (most recent call last)",
        "Cell In[8], line 2\n      1 X_train = 1\n----> 2 show()\n",
        "Cell In[7], line 2, in show()\n      1 def show():\n----> 2     print(X_tarin)\n",
        "NameError: name 'X_tarin' is not defined",
    ]
    rec = ErrorRecord.from_dict(
        {
            "ename": "NameError",
            "evalue": "name 'X_tarin' is not defined",
            "traceback": tb,
            "code": code,
            "cell_id": "c1",
            "notebook": {"cells": [{"id": f"c{i}", "source": s} for i, s in enumerate(cells)]},
        }
    )
    assert fix_of(rec) is None


# ------------------------------------------------------------------------------ import


def test_a_known_alias_never_imported_gets_its_import_on_top():
    rec = not_defined("np", ["values = np.arange(3)"], 0)
    fix = fix_of(rec)
    assert fix["kind"] == "import"
    assert fix["title"] == "Add `import numpy as np` to this cell"
    assert applied(rec, fix) == "import numpy as np\nvalues = np.arange(3)"


def test_a_known_function_never_imported_gets_its_import():
    rec = not_defined("train_test_split", ["parts = train_test_split(X, y)"], 0)
    fix = fix_of(rec)
    assert fix["kind"] == "import"
    assert applied(rec, fix).startswith("from sklearn.model_selection import train_test_split\n")


def test_no_import_fix_for_a_name_error_inside_a_library():
    frame = f"File {SITE}/seaborn/utils.py:12, in helper()\n----> 12 return np.asarray(x)\n"
    rec = record("NameError", "name 'np' is not defined", ["sns.helper(x)"], 0, 1, frame)
    assert fix_of(rec) is None


# ------------------------------------------------------------------------------ install


def no_module(module: str, cells: list[str], crash: int) -> ErrorRecord:
    return record("ModuleNotFoundError", f"No module named '{module}'", cells, crash)


def test_a_missing_known_package_gets_a_pip_cell_above_that_is_not_run():
    rec = no_module("sklearn", ["x = 1", "from sklearn.svm import SVC"], 1)
    fix = fix_of(rec)
    assert fix["kind"] == "install"
    assert "scikit-learn" in fix["title"]
    assert fix["rerun"] is False
    assert fix["edits"] == [
        {"op": "insert_cell", "index": 1, "source": "%pip install scikit-learn", "run": False}
    ]


@pytest.mark.parametrize(
    "module",
    [
        "utils",  # the user's own file, most likely
        "foobarbaz_lib",  # a name nbcrash does not know: a package or a folder
        "google.colab",  # exists only on Colab
        "sklearn.foo",  # a submodule of an installed package
        "sklearn.cross_validation",  # moved, not missing: removed_api
    ],
)
def test_no_install_fix_for_a_module_that_is_not_a_known_package(module):
    fix = fix_of(no_module(module, [f"import {module}"], 0))
    assert fix is None or fix["kind"] != "install"


# ------------------------------------------------------------------------------ removed APIs


def test_a_moved_module_is_imported_from_its_new_place():
    code = "from sklearn.cross_validation import train_test_split"
    rec = no_module("sklearn.cross_validation", [code], 0)
    fix = fix_of(rec)
    assert fix["kind"] == "removed_api"
    assert applied(rec, fix) == "from sklearn.model_selection import train_test_split"


def test_a_removed_numpy_alias_becomes_the_builtin():
    code = "import numpy as np\nx = np.array([1], dtype=np.float)\ny = np.float64(2)"
    msg = "module 'numpy' has no attribute 'float'.\n`np.float` was a deprecated alias"
    rec = record("AttributeError", msg, [code], 0, 2)
    fix = fix_of(rec)
    assert fix["kind"] == "removed_api"
    assert (
        applied(rec, fix) == "import numpy as np\nx = np.array([1], dtype=float)\ny = np.float64(2)"
    )


def test_a_renamed_keyword_is_renamed_in_the_failing_statement_only():
    code = "opt = Adam(\n    lr=0.01,\n)\nother = f(lr=1)"
    frame = f"File {SITE}/keras/src/optimizers/adam.py:5, in Adam.__init__()\n----> 5 raise\n"
    msg = "Adam.__init__() got an unexpected keyword argument 'lr'"
    rec = record("TypeError", msg, [code], 0, 1, frame)
    fix = fix_of(rec)
    assert fix is not None and fix["kind"] == "removed_api"
    assert applied(rec, fix) == "opt = Adam(\n    learning_rate=0.01,\n)\nother = f(lr=1)"


# ------------------------------------------------------------------------------ notebook causes


def test_a_definer_that_never_ran_is_run_first():
    cells = ["import pandas as pd", "df = pd.DataFrame({'a': [1]})", "df.head()"]
    history = [
        {"cell_id": "c0", "execution_count": 1, "ok": True},
        {"cell_id": "c2", "execution_count": 2, "ok": False, "ename": "NameError"},
    ]
    fix = fix_of(not_defined("df", cells, 2, history=history))
    assert fix["kind"] == "run_first"
    assert fix["title"] == "Run cell 2, then this cell"
    assert fix["edits"] == [{"op": "run_cells", "cell_ids": ["c1"]}]
    assert fix["rerun"] is True


def test_run_first_runs_what_the_definer_needs_too():
    # After a restart only the imports ran again: the split needs `X`, which cell 2 makes.
    cells = [
        "from sklearn.model_selection import train_test_split",
        "X, y = load()",
        "def helper():\n    return model\nX_train, X_test = train_test_split(X)",
        "print(len(X_train))",
        "X_train = None",
    ]
    history = [
        {"cell_id": "c0", "execution_count": 1, "ok": True},
        {"cell_id": "c3", "execution_count": 2, "ok": False, "ename": "NameError"},
    ]
    previous = [{"cell_id": f"c{i}", "execution_count": i + 1, "ok": True} for i in range(4)]
    rec = not_defined("X_train", cells, 3, history=history)
    rec = ErrorRecord.from_dict(
        {
            **{k: getattr(rec, k) for k in ("ename", "evalue", "code", "cell_id")},
            "traceback": list(rec.traceback),
            "notebook": {
                "cells": [
                    {"id": c.id, "index": c.index, "source": c.source} for c in rec.notebook.cells
                ],
                "history": history,
                "previous_history": previous,
            },
        }
    )
    fix = fix_of(rec)
    assert fix["kind"] == "run_first"
    # Cell 3 binds `X_train` (nearest above); `model`, read only inside a function, is no need.
    assert fix["edits"] == [{"op": "run_cells", "cell_ids": ["c1", "c2"]}]
    assert fix["title"] == "Run cells 2 and 3, then this cell"


def test_a_definer_that_failed_is_only_navigated_to():
    cells = ["import pandas as pd", "df = pd.read_csv('nope.csv')", "df.head()"]
    history = [
        {"cell_id": "c0", "execution_count": 1, "ok": True},
        {"cell_id": "c1", "execution_count": 2, "ok": False, "ename": "FileNotFoundError"},
        {"cell_id": "c2", "execution_count": 3, "ok": False, "ename": "NameError"},
    ]
    fix = fix_of(not_defined("df", cells, 2, history=history))
    assert fix["kind"] == "go_to_cell"
    assert fix["edits"] == [{"op": "go_to_cell", "cell_id": "c1"}]
    assert fix["rerun"] is False


# ------------------------------------------------------------------------------ judgment, safety


def test_no_fix_where_the_cure_needs_judgment():
    key = record("KeyError", "'Species'", ["iris_df['Species'].value_counts()"], 0)
    shapes = record(
        "ValueError",
        "operands could not be broadcast together with shapes (150,4) (150,)",
        ["centred = X - row_means"],
        0,
    )
    assert fix_of(key) is None
    assert fix_of(shapes) is None


def test_the_fix_names_the_code_it_was_computed_for():
    # The frontend refuses a fix whose hash differs from the cell's current source.
    rec = not_defined("np", ["values = np.arange(3)"], 0)
    changed = not_defined("np", ["values = np.arange(4)"], 0)
    assert fix_of(rec)["code_sha1"] != fix_of(changed)["code_sha1"]
    assert fix_of(rec)["code_sha1"] == hashlib.sha1(b"values = np.arange(3)").hexdigest()


def test_no_fix_without_the_cells_code_or_id():
    data = {"ename": "NameError", "evalue": "name 'np' is not defined", "cell_id": "c0"}
    assert diagnose(ErrorRecord.from_dict(data)).fix is None
    assert (
        diagnose(ErrorRecord.from_dict({**data, "code": "np.ones(1)", "cell_id": ""})).fix is None
    )


def test_a_failing_fix_builder_leaves_the_diagnosis_without_a_fix(monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    module = importlib.import_module("jupyterlab_nbcrash.diagnosis.diagnose")
    monkeypatch.setattr(module, "make_fix", broken)
    result = diagnose(not_defined("np", ["values = np.arange(3)"], 0))
    assert result.fix is None
    assert result.crash_type  # the rest of the diagnosis stands
    assert "fix" in result.to_dict()


# ------------------------------------------------------------------------------ edit helpers


def test_name_spans_skip_attributes_keywords_strings_and_comments():
    code = "a = x + f(x=1) + o.x  # x\nb = 'x' + x"
    assert [code[s:e] for s, e in name_spans(code, "x")] == ["x", "x"]
    assert [s for s, _ in name_spans(code, "x")] == [4, code.rindex("x")]


def test_cells_that_are_not_python_have_no_spans():
    assert masked("%%bash\necho x") is None
    assert name_spans("%%bash\necho x", "x") is None
    at = len("%%time\ny = ")
    assert name_spans("%%time\ny = x", "x") == [(at, at + 1)]
    at = len("!pip install x\ny = ")
    assert name_spans("!pip install x\ny = x", "x") == [(at, at + 1)]


def test_import_offset_keeps_magics_and_heading_comments_on_top():
    assert import_offset("x = 1") == 0
    assert import_offset("%matplotlib inline\n\n# data\nx = 1") == len(
        "%matplotlib inline\n\n# data\n"
    )
    assert import_offset("# only a comment") == len("# only a comment")


def test_last_first_puts_an_insertion_after_a_replacement_at_the_same_place():
    code = "ab"
    edits = [
        {"op": "replace", "start": 0, "end": 0, "old": "", "new": "import x\n"},
        {"op": "replace", "start": 0, "end": 1, "old": "a", "new": "A"},
        {"op": "replace", "start": 1, "end": 2, "old": "b", "new": "B"},
    ]
    assert apply_edits(code, last_first(edits)) == "import x\nAB"
    with pytest.raises(ValueError):
        apply_edits("zz", last_first(edits))


# ------------------------------------------------------------------------------ file path


def missing_file(path: str, code: str, **kw) -> ErrorRecord:
    frame = (
        f"File {SITE}/pandas/io/common.py:873, in get_handle()\n"
        "----> 873 handle = open(handle, ioargs.mode)\n"
    )
    msg = f"[Errno 2] No such file or directory: '{path}'"
    return record("FileNotFoundError", msg, [code], 0, 1, frame, **kw)


def lister(tree: dict[str, list[str]]):
    return lambda relative: tree.get(relative)


def test_a_misspelt_file_name_is_corrected_to_the_one_file_that_exists():
    code = 'df = pd.read_csv("data/measurement_2024.csv")  # data/measurement_2024.csv'
    rec = missing_file("data/measurement_2024.csv", code)
    folder = lister({"data": ["measurements_2024.csv", "other.csv"]})
    fix = diagnose(rec, folder=folder).fix
    assert fix["kind"] == "file_path"
    assert fix["title"] == "Use `data/measurements_2024.csv` (it exists)"
    assert applied(rec, fix) == (
        'df = pd.read_csv("data/measurements_2024.csv")  # data/measurement_2024.csv'
    )
    assert diagnose(rec).fix is None  # without a folder to look in: no fix


@pytest.mark.parametrize(
    ("path", "code", "tree"),
    [
        # two files as close: which one is meant?
        ("data/sale.csv", 'pd.read_csv("data/sale.csv")', {"data": ["sales.csv", "saler.csv"]}),
        # nothing close: the file is really missing
        ("data/x.csv", 'pd.read_csv("data/x.csv")', {"data": ["measurements.csv"]}),
        # the folder cannot be listed (outside the root, missing)
        ("data/sale.csv", 'pd.read_csv("data/sale.csv")', {}),
        # a path built in code: no literal to edit
        ("data/sale.csv", 'pd.read_csv(folder + "/sale.csv")', {"data": ["sales.csv"]}),
        # the kernel left the notebook's folder
        ("data/sale.csv", 'os.chdir("..")\npd.read_csv("data/sale.csv")', {"data": ["sales.csv"]}),
        # leaving the folder by name
        ("../sale.csv", 'pd.read_csv("../sale.csv")', {"..": ["sales.csv"]}),
    ],
)
def test_no_file_fix_when_the_right_file_is_not_certain(path, code, tree):
    assert diagnose(missing_file(path, code), folder=lister(tree)).fix is None
