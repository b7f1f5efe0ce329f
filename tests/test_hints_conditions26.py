"""Hints whose claim was false on crashes nobody tuned on (the thirteenth audit): Kaggle's folders
told to a notebook that only shares Kaggle's /opt/conda (Jupyter's Docker images, a conda env),
a Colab Drive mount told to a Windows kernel (a WinError), Python's own "pop from an empty set"
read as a key, and `import a.b as c, Name` read as a missing package.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions import _ipython7

PD = "/opt/conda/lib/python3.9/site-packages/pandas/io"
READ = [
    (f"{PD}/parsers/readers.py", "read_csv", "return _read(filepath_or_buffer, kwds)"),
    (f"{PD}/common.py", "get_handle", "handle = open(handle, ioargs.mode)"),
]
NOT_FOUND = "[Errno 2] No such file or directory: 'y_test.csv'"


def _with_cells(line: str, frames, cells: list[str]) -> str:
    tb = ["-" * 75, "FileNotFoundError            Traceback (most recent call last)"]
    tb.append(f"<ipython-input-3-0123456789ab> in <module>\n----> 1 {line}\n")
    tb += [f"{path} in {function}()\n----> 6 {code}\n" for path, function, code in frames]
    tb.append(f"FileNotFoundError: {NOT_FOUND}")
    cells = [*cells, line]
    notebook = {"cells": [{"id": str(i), "source": c} for i, c in enumerate(cells)]}
    record = ErrorRecord.from_dict(
        {
            "ename": "FileNotFoundError",
            "evalue": NOT_FOUND,
            "traceback": tb,
            "code": line,
            "cell_id": str(len(cells) - 1),
            "notebook": notebook,
        }
    )
    return diagnose(record).hint


# ------------------------------------------------------------ Kaggle only when it is Kaggle


def test_opt_conda_alone_is_no_kaggle_for_a_relative_path():
    cells = ["import pandas as pd", "X = pd.read_csv('/aiffel/data/X_test.csv')"]
    text = _with_cells("y = pd.read_csv('y_test.csv')", READ, cells)
    assert "Kaggle" not in text and "y_test.csv" in text, text


def test_a_named_conda_env_is_no_kaggle():
    frames = [(p.replace("/opt/conda/lib", "/opt/conda/envs/py36/lib"), f, c) for p, f, c in READ]
    cells = ["import pandas as pd", "train = pd.read_csv('../input/titanic/train.csv')"]
    text = _with_cells("y = pd.read_csv('y_test.csv')", frames, cells)
    assert "Kaggle" not in text, text


def test_a_notebook_that_reads_kaggle_inputs_on_opt_conda_gets_kaggle_folders():
    cells = ["import pandas as pd", "train = pd.read_csv('/kaggle/input/titanic/train.csv')"]
    text = _with_cells("y = pd.read_csv('y_test.csv')", READ, cells)
    assert "/kaggle/input" in text, text


# ------------------------------------------------------------ a WinError runs on Windows


def test_a_winerror_on_a_drive_path_is_a_colab_path_on_windows():
    message = (
        "[WinError 3] The system cannot find the path specified: "
        "'/content/drive/My Drive/Colab Notebooks/data'"
    )
    text = _ipython7(
        "FileNotFoundError", message, "os.chdir('/content/drive/My Drive/Colab Notebooks/data')", []
    )
    assert "mount" not in text and "Colab path" in text, text


# ------------------------------------------------------------ Python's own KeyError sentences


def test_pop_from_an_empty_set_is_no_missing_key():
    text = _ipython7("KeyError", "'pop from an empty set'", "item = pending.pop()", [])
    assert "empty set" in text and "spelling" not in text and ".keys()" not in text, text


def test_popitem_of_an_empty_dict_is_no_missing_key():
    text = _ipython7("KeyError", "'popitem(): dictionary is empty'", "k, v = cache.popitem()", [])
    assert "empty dict" in text and "spelling" not in text, text


# ------------------------------------------------------------ names listed after a module


def test_a_class_listed_after_a_dotted_module_means_from_import():
    line = "import torch.utils.data as data, Dataset, DataLoader"
    text = _ipython7("ModuleNotFoundError", "No module named 'Dataset'", line, [])
    assert "`from torch.utils.data import Dataset`" in text and "did you mean" not in text, text


def test_a_lower_case_module_after_a_comma_is_still_a_missing_module():
    line = "import os.path, tqdmx"
    text = _ipython7("ModuleNotFoundError", "No module named 'tqdmx'", line, [])
    assert "from os.path import" not in text, text
