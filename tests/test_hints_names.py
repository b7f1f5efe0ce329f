"""Hints of NameErrors, missing modules and failed imports say only what the crash shows (issue 12).

Each test reproduces a crash shape with the library's real wording (tracebacks written by hand in
IPython 8's layout): who raised the NameError or did the import (a cell, a library, the user's own
file), what the notebook holds, and what the message asks for decide the hint, and a hint never
claims more than that.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.hints import make_hint
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import apply_rules, matching_rules
from jupyterlab_nbcrash.diagnosis.rules.module_names import misspelt_module
from jupyterlab_nbcrash.diagnosis.rules.names import is_misspelling
from jupyterlab_nbcrash.diagnosis.traceback import parse

SITE = "/usr/local/lib/python3.10/dist-packages"


def frame(path: str, line: str, no: int = 5, func: str = "<module>") -> str:
    """One library (or own file) frame as IPython 8 prints it."""
    return f"File {path}:{no}, in {func}\n----> {no} {line}\n"


def error(
    ename: str, evalue: str, line: str, *frames: str, code: str = "", chain=(), above=()
) -> dict:
    """An error record: the cell's failing ``line`` (after the cell's lines ``above``), then
    ``frames`` below it."""
    tb = []
    for chained_name, chained_msg in chain:
        tb += [
            f"{chained_name}                 Traceback (most recent call last)",
            f"{chained_name}: {chained_msg}",
            "\nDuring handling of the above exception, another exception occurred:\n",
        ]
    tb += [
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[7], line {len(above) + 1}\n"
        + "".join(f"      {i} {text}\n" for i, text in enumerate(above, 1))
        + f"----> {len(above) + 1} {line}\n",
        *frames,
        f"{ename}: {evalue}",
    ]
    return {"ename": ename, "evalue": evalue, "traceback": tb, "code": code or line}


def hint_of(data: dict) -> str:
    parsed = parse(ErrorRecord.from_dict(data))
    match = apply_rules(parsed)
    labels = {"crash_type": match.crash_type if match else "other"}
    return make_hint(parsed, labels, matching_rules(parsed))[0]


def notebook(data: dict, sources: list[str], counts: list[int | None], crash: int) -> ErrorRecord:
    """``data`` as the crash of cell ``crash`` (0-based) of a saved notebook of ``sources``."""
    cells = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": n, "cell_type": "code"}
        for i, (s, n) in enumerate(zip(sources, counts, strict=True))
    ]
    record = {**data, "cell_id": f"c{crash}", "execution_count": counts[crash]}
    return ErrorRecord.from_dict({**record, "notebook": {"cells": cells}})


def not_defined(name: str, line: str, *frames: str, code: str = "", chain=(), above=()) -> dict:
    evalue = f"name '{name}' is not defined"
    return error("NameError", evalue, line, *frames, code=code, chain=chain, above=above)


def no_module(module: str, line: str, *frames: str, code: str = "") -> dict:
    return error("ModuleNotFoundError", f"No module named '{module}'", line, *frames, code=code)


# ------------------------------------------------------------------------------- NameError


def test_a_name_error_raised_inside_a_library_is_the_librarys():
    # matplotlib-inline's show() refers to a helper its installed version lacks.
    data = not_defined(
        "_fetch_figure_metadata",
        "f.plot()",
        frame(
            f"{SITE}/matplotlib_inline/backend_inline.py",
            "metadata=_fetch_figure_metadata(figure_manager.canvas.figure)",
            92,
            "show",
        ),
    )
    hint = hint_of(data)
    assert "`matplotlib_inline`'s own code (`backend_inline.py`)" in hint
    assert "%pip install -U matplotlib-inline" in hint
    # The notebook's cells are no cause: no "not defined anywhere in the notebook".
    record = notebook(data, ["import pandas as pd", "f.plot()"], [1, 2], 1)
    assert analyse(record, parse(record)) is None
    assert "anywhere in the notebook" not in diagnose(record).hint


def test_a_library_name_error_while_handling_another_error_points_to_that_one():
    # instapy_cli calls exit() (undefined outside an interactive prompt) after a failed login.
    data = not_defined(
        "exit",
        "with client(username, password) as cli:",
        frame(f"{SITE}/instapy_cli/cli.py", "exit(9)", 70, "_login"),
        chain=[("ClientLoginError", "invalid_user")],
    )
    hint = hint_of(data)
    assert "ClientLoginError: invalid_user" in hint and "the one to fix" in hint
    assert "did you mean" not in hint.lower()


def test_a_name_error_in_the_users_own_module_points_to_that_file():
    data = not_defined(
        "np",
        "net = TwoLayerNet(784, 50, 10)",
        frame("/home/ana/book/ch04/two_layer_net.py", "self.W = np.zeros(n)", 12, "__init__"),
    )
    hint = hint_of(data)
    assert "`two_layer_net.py` (a file of your own" in hint and "restart the kernel" in hint


def test_file_dunder_does_not_exist_in_notebooks():
    code = "import os\n__file__ = os.path.abspath(__file__)"
    data = not_defined("__file__", "__file__ = os.path.abspath(__file__)", code=code)
    assert "never in a notebook" in hint_of(data) and "os.getcwd()" in hint_of(data)
    record = notebook(data, [code], [1], 0)
    hint = diagnose(record).hint
    assert "os.getcwd()" in hint and "assigned on line" not in hint


def test_a_name_this_cell_deletes_before_using_it():
    code = "del model\nword_vectors = model.wv"
    data = not_defined("model", "word_vectors = model.wv", code=code, above=["del model"])
    record = notebook(data, ["model = Word2Vec(sentences)", code], [3, 4], 1)
    hint = diagnose(record).hint
    assert hint.startswith("This cell deletes `model` (`del model`) before the failing line")
    # The cell's code shows the `del` when the traceback's lines do not reach that far up.
    code = "del model\n" + "x = 1\n" * 8 + "word_vectors = model.wv"
    data = not_defined("model", "word_vectors = model.wv", code=code, above=["x = 1"] * 2)
    assert "(`del model`)" in hint_of(data)
    # A `del` below the failing line is none.
    data = not_defined("model", "print(model)", code="print(model)\ndel model")
    assert "deletes" not in hint_of(data)


def test_a_column_name_without_quotes():
    data = not_defined("abs_sentiment", "fake[abs_sentiment].plot()")
    assert "put it in quotes: `fake['abs_sentiment']`" in hint_of(data)
    record = notebook(data, ["fake = load()", "fake[abs_sentiment].plot()"], [1, 2], 1)
    assert "`fake['abs_sentiment']`" in diagnose(record).hint


def test_kwargs_copied_from_a_signature():
    data = not_defined("kwargs", "folium.Map(location=None, zoom_start=10, **kwargs)")
    assert hint_of(data).startswith("`**kwargs` was copied from the function's signature")


def test_a_commented_out_import_is_named():
    code = "# from google.colab import drive\ndrive.mount('/content/drive')"
    data = not_defined("drive", "drive.mount('/content/drive')", code=code)
    assert "(`# from google.colab import drive`): remove the `#`" in hint_of(data)
    # A commented line that reads the name, or prose after a `#`, is no definition.
    code = "# df = df.fillna(method='ffill')\n# X = the features only\nprint(df, X)"
    assert "commented out" not in hint_of(not_defined("df", "print(df, X)", code=code))
    assert "commented out" not in hint_of(not_defined("X", "print(df, X)", code=code))


def test_the_template_never_claims_a_cell_assigns_the_name():
    # It cannot see the other cells: the advice to run "the cell that assigns it" is a condition.
    hint = hint_of(not_defined("noise_audio", "f, s = periodogram(noise_audio, rate)"))
    assert "if a cell assigns it, run that cell first" in hint and "if none does" in hint


@pytest.mark.parametrize(
    ("line", "code", "name", "absent"),
    [
        # the failing line makes `X` out of the missing `x`
        ("X = np.array([np.ones(N), x])", "", "x", "`X`"),
        # `models` is a module path's part, not a variable of the user's
        (
            "history = model.fit(train_gen, epochs=10)",
            "from tensorflow.keras.models import load_model\n"
            "history = model.fit(train_gen, epochs=10)",
            "model",
            "`models`",
        ),
        # and a word inside a string is none either
        ("model.save('./models/net.h5')", "", "model", "`models`"),
        # an abbreviation is another name, not a slip
        ("x = image.load_img(path)", "img = 1\nx = image.load_img(path)", "image", "`img`"),
    ],
)
def test_the_template_suggests_no_name_the_code_does_not_hold_as_a_variable(
    line, code, name, absent
):
    hint = hint_of(not_defined(name, line, code=code or line))
    assert absent not in hint, hint


@pytest.mark.parametrize(
    ("missing", "other", "suggested"),
    [
        ("svc", "SVC", False),  # an instance named after an all-caps class
        ("img", "image", False),  # an abbreviation
        ("x", "X", False),  # one-letter names are different things
        ("dst5", "dst", False),  # a numbered member of a family
        ("trainig_samples", "training_samples", True),
        ("plat", "plt", True),
    ],
)
def test_misspellings_are_slips_not_relatives(missing, other, suggested):
    assert is_misspelling(missing, other) is suggested


@pytest.mark.parametrize(
    ("sources", "name", "line", "absent"),
    [
        # sibling variables of a family
        (["svc2 = SVC(kernel='poly')", "svc.coef_"], "svc", "svc.coef_", "svc2"),
        (
            ["posttrain_encodings = enc(x)", "plt.scatter(pretrain_encodings[:, 0])"],
            "pretrain_encodings",
            "plt.scatter(pretrain_encodings[:, 0])",
            "posttrain_encodings",
        ),
        (
            ["senegal_1980_2005 = df[m]", "plt.hist(senegal_1980_2000['TAVG'])"],
            "senegal_1980_2000",
            "plt.hist(senegal_1980_2000['TAVG'])",
            "senegal_1980_2005",
        ),
        # a keyword is never a value; a builtin function only where the line calls the name
        (
            ["for x in y:\n    continue", "plt.plot(cointrin.RR)"],
            "cointrin",
            "plt.plot(cointrin.RR)",
            "continue",
        ),
        (["n = len(a)", "le"], "le", "le", "`len`"),
    ],
)
def test_the_notebook_suggests_no_relative_of_the_name(sources, name, line, absent):
    record = notebook(not_defined(name, line), sources, [1, 2], 1)
    hint = diagnose(record).hint
    assert absent not in hint and "not defined anywhere in the notebook" in hint, hint


def test_a_blank_crash_cell_still_lets_the_notebook_speak():
    # The cell was cleared after it crashed: the traceback keeps its line, no other cell hides
    # a definition, so "not defined anywhere" holds.
    data = not_defined("env", "env.run(['random', 'random'])", code="")
    record = notebook(data, ["import numpy as np", ""], [1, 2], 1)
    finding = analyse(record, parse(record))
    assert finding.decisive and "`env` is not defined anywhere in the notebook" in finding.hint


def test_only_some_cells_seen_is_no_ground_for_not_defined_anywhere():
    # A record that holds some of the notebook's cells (a window, or only the executed ones):
    # their indices skip.
    data = not_defined("scaler", "X = scaler.transform(X)")
    cells = [
        {"id": "a", "index": 3, "source": "import numpy as np", "execution_count": 1},
        {"id": "b", "index": 7, "source": "X = scaler.transform(X)", "execution_count": 2},
    ]
    record = ErrorRecord.from_dict(
        {**data, "cell_id": "b", "execution_count": 2, "notebook": {"cells": cells}}
    )
    finding = analyse(record, parse(record))
    assert not finding.decisive and "anywhere" not in finding.hint
    assert "only some of the notebook's cells" in " ".join(finding.evidence)
    assert "anywhere in the notebook" not in diagnose(record).hint


# ----------------------------------------------------------------------- missing modules


@pytest.mark.parametrize(
    ("module", "suggestion"),
    [
        ("PTL", "PIL"),
        ("salenium", "selenium"),
        ("statsmodel", "statsmodels"),
        ("Tkinter", "tkinter"),
        ("scipy.cluster.heirarchy", "scipy.cluster.hierarchy"),
        ("prophet", None),  # the package's current name, not a slip of `fbprophet`
        ("task", None),  # the first letter is rarely the slip: not `dask`
        ("mdutils", None),  # two letters away from `imutils`: another package
        ("cv3", None),  # another digit is another thing
    ],
)
def test_a_misspelt_module_is_one_typing_slip(module, suggestion):
    assert misspelt_module(module) == suggestion


@pytest.mark.parametrize(
    ("module", "line", "fragments", "absent"),
    [
        (
            "self",
            "import self.discriminator as disc_model",  # no method here (a method: conditions4)
            ["`self` is not a module", "`disc_model = discriminator`"],
            ["pip"],
        ),
        ("python", "import python", ["remove this import"], ["pip"]),
        ("prophet", "from prophet import Prophet", ["%pip install prophet"], ["fbprophet"]),
        (
            "surprise",
            "from surprise import SVD",
            ["%pip install scikit-surprise"],
            ["your project"],
        ),
        ("PTL", "from PTL import Image", ["did you mean `PIL`?"], ["%pip install PTL"]),
        (
            "google",
            "from google.colab import files",
            ["`google.colab` exists only on Google Colab"],
            ["google-cloud"],
        ),
        ("tkinter", "import tkinter", ["standard library", "python3-tk"], ["%pip install"]),
    ],
)
def test_module_hints_by_what_the_name_is(module, line, fragments, absent):
    hint = hint_of(no_module(module, line))
    assert all(f in hint for f in fragments), hint
    assert not any(a in hint for a in absent), hint


def test_an_unknown_module_may_be_a_package_or_the_users_own():
    hint = hint_of(no_module("dukascopy", "from dukascopy import get_hist_data"))
    assert hint.index("%pip install dukascopy") < hint.index("your project's file or folder")
    # a project-like name, or a cell that edits sys.path, puts the user's own file first, and
    # guesses no pip name (the `utils` on PyPI is another package)
    hint = hint_of(no_module("utils", "import utils"))
    assert hint.index("your project's file or folder") < hint.index("install that package")
    assert "%pip install utils" not in hint
    code = "import sys\nsys.path.append('..')\nimport brevis"
    hint = hint_of(no_module("brevis", "import brevis", code=code))
    assert "your project's file or folder" in hint and "%pip install brevis" not in hint


def test_a_module_a_library_needs():
    data = no_module(
        "svgling",
        "nltk.ne_chunk(nltk.pos_tag(['hi', 'Tom']))",
        frame(f"{SITE}/nltk/tree/tree.py", "import svgling", 783, "_repr_svg_"),
    )
    assert hint_of(data).startswith("`nltk` needs the package `svgling`, which is not installed")


def test_a_module_the_users_own_file_imports():
    data = no_module(
        "common",
        "import scratch.ch04.two_layer_net",
        frame("/home/ana/scratch/ch04/two_layer_net.py", "from common.functions import *", 3),
    )
    hint = hint_of(data)
    assert hint.startswith("Your file `two_layer_net.py` imports `common`")
    assert "sys.path" in hint


def test_a_package_that_cannot_find_its_own_submodule_is_broken():
    data = no_module(
        "sklearn.utils",
        "from sklearn.model_selection import train_test_split",
        frame(f"{SITE}/sklearn/__init__.py", "from .utils._show_versions import show_versions", 87),
    )
    hint = hint_of(data)
    assert "--force-reinstall scikit-learn" in hint and "renamed" not in hint


@pytest.mark.parametrize(
    ("module", "fragment"),
    [
        ("numpy.core._multiarray_umath", "built for a newer NumPy"),
        ("numpy._core", "made with NumPy 2"),
    ],
)
def test_a_numpy_core_module_missing_is_a_version_mismatch(module, fragment):
    data = no_module(
        module,
        "from keras.layers import Dense",
        frame(f"{SITE}/h5py/__init__.py", "from . import _errors", 25),
    )
    hint = hint_of(data)
    assert fragment in hint and "%pip install -U numpy" in hint and "not installed" not in hint


def test_a_library_importing_a_submodule_your_version_lacks():
    data = no_module(
        "keras.utils.generic_utils",
        "from efficientnet import EfficientNetB0",
        frame(
            f"{SITE}/efficientnet/__init__.py",
            "from keras.utils.generic_utils import get_custom_objects",
            18,
        ),
    )
    hint = hint_of(data)
    assert hint.startswith("`efficientnet` imports `keras.utils.generic_utils`")
    assert "versions do not fit together" in hint


def test_an_internal_module():
    hint = hint_of(
        no_module("tensorflow.python.data", "from tensorflow.python.data import Dataset")
    )
    assert "internal module of `tensorflow`" in hint and "public API" in hint


def test_a_relative_import_in_a_notebook():
    data = error(
        "ModuleNotFoundError",
        "No module named '__main__.vgg'; '__main__' is not a package",
        "from .vgg import *",
    )
    assert hint_of(data).startswith("A relative import (`from .vgg import ...`) does not work")


# --------------------------------------------------------------------- cannot import name


def test_a_name_imported_by_a_library_from_a_package_too_old():
    # pandas-profiling's typeguard needs a newer typing_extensions (a Colab install).
    data = error(
        "ImportError",
        f"cannot import name 'Buffer' from 'typing_extensions' ({SITE}/typing_extensions.py)",
        "from pandas_profiling import ProfileReport",
        frame(f"{SITE}/typeguard/_checkers.py", "from typing_extensions import Buffer", 36),
    )
    hint = hint_of(data)
    assert hint.startswith("`typeguard` imports `Buffer` from `typing_extensions`")
    assert "%pip install -U typing-extensions" in hint and "Your module" not in hint


def test_a_namespace_package_is_installed_by_its_own_name():
    data = error(
        "ImportError",
        "cannot import name 'builder' from 'google.protobuf.internal' "
        f"({SITE}/google/protobuf/internal/__init__.py)",
        "import tensorflow_datasets as tfds",
        frame(
            f"{SITE}/tensorflow_datasets/core/features/feature.py",
            "from google.protobuf.internal import builder",
            30,
        ),
    )
    assert "%pip install -U protobuf" in hint_of(data)


@pytest.mark.parametrize(
    ("line", "name", "module", "suggestion"),
    [
        (
            "from sklearn.preprocessing import StandardScalar",
            "StandardScalar",
            "sklearn.preprocessing",
            "StandardScaler",
        ),
        ("from keras.layers import Dense, Conv20", "Conv20", "keras.layers", "Conv2D"),
        ("from matplotlib import plot", "plot", "matplotlib", "pyplot"),
        ("from keras.datasets import imbd", "imbd", "keras.datasets", "imdb"),
    ],
)
def test_a_misspelt_name_of_a_known_module(line, name, module, suggestion):
    path = f"{SITE}/{module.replace('.', '/')}/__init__.py"
    evalue = f"cannot import name '{name}' from '{module}' ({path})"
    hint = hint_of(error("ImportError", evalue, line))
    assert hint == f"`{module}` has no `{name}`: did you mean `{suggestion}`?"


def test_a_name_the_installed_version_lacks_is_not_said_to_be_removed():
    evalue = (
        "cannot import name 'EfficientNetB0' from 'tensorflow.keras.applications' "
        f"({SITE}/tensorflow/keras/applications/__init__.py)"
    )
    hint = hint_of(
        error("ImportError", evalue, "from tensorflow.keras.applications import EfficientNetB0")
    )
    # No table knows it as moved or removed: the version is one possibility among others.
    assert "`tensorflow.__version__`" in hint and "another version" in hint
    assert "not exist at all" in hint and "documentation" in hint
    assert "Your module" not in hint and "removed" not in hint and "older or newer" not in hint


def test_a_name_missing_from_an_unknown_module_points_to_which_file_it_is():
    path = f"{SITE}/text_preprocessor/__init__.py"
    evalue = f"cannot import name 'TextPreprocessor' from 'text_preprocessor' ({path})"
    hint = hint_of(error("ImportError", evalue, "from text_preprocessor import TextPreprocessor"))
    assert "`text_preprocessor.__file__`" in hint and "__version__" not in hint


# ------------------------------------------------------------------------ broken installs


def test_a_removed_function_with_its_own_import_error_message():
    evalue = (
        "\n`load_boston` has been removed from scikit-learn since version 1.2.\n\nThe Boston "
        "housing prices dataset has an ethical problem"
    )
    hint = hint_of(
        error(
            "ImportError",
            evalue,
            "from sklearn.datasets import load_boston",
            frame(
                f"{SITE}/sklearn/datasets/__init__.py", "raise ImportError(msg)", 157, "__getattr__"
            ),
        )
    )
    assert "fetch_california_housing()" in hint and "package it needs" not in hint


@pytest.mark.parametrize(
    ("evalue", "fragment"),
    [
        (
            "IProgress not found. Please update jupyter and ipywidgets. See "
            "https://ipywidgets.readthedocs.io/en/stable/user_install.html",
            "`%pip install -U jupyter ipywidgets`",
        ),
        (
            "Failed to import pydot. You must install pydot and graphviz for `pydotprint` to work.",
            "`%pip install -U pydot graphviz`",
        ),
        (
            "\nImporting the multiarray numpy extension module failed.  Most\nlikely you are "
            "trying to import a failed build of numpy.\nIf you're working with a numpy git repo, "
            "try `git clean -xdf` (removes all\nfiles not under version control).  Otherwise "
            "reinstall numpy.\n\nOriginal error was: DLL load failed: The specified module could "
            "not be found.",
            "`%pip install --force-reinstall numpy`",
        ),
    ],
)
def test_the_package_the_message_asks_for(evalue, fragment):
    assert fragment in hint_of(error("ImportError", evalue, "import something"))


def test_a_compiled_file_that_fails_to_load_is_named():
    evalue = (
        '[WinError 127] The specified procedure could not be found. Error loading "C:\\Users\\a\\'
        'envs\\py36\\lib\\site-packages\\torch\\lib\\cudnn_adv_infer64_8.dll" or one of its '
        "dependencies."
    )
    data = error(
        "OSError",
        evalue,
        "import torch",
        frame("C:\\Users\\a\\envs\\py36\\lib\\site-packages\\torch\\__init__.py", "raise err", 124),
    )
    hint = hint_of(data)
    assert hint.startswith("`torch` could not load its compiled file `cudnn_adv_infer64_8.dll`")
    assert "--force-reinstall torch" in hint


def test_numpy_core_failed_to_import_is_a_numpy_version_mismatch():
    hint = hint_of(error("ImportError", "numpy.core.umath failed to import", "import cv2"))
    assert "another NumPy version" in hint
