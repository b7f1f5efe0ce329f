"""Hints whose claim did not hold on the crash (session 20b): a build without GPU support asked
for the GPU, NumPy's own failure under another package's import, a `.pyc` of another Python, a
DLL Windows cannot find, a gzip file read as text.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet (or says the other thing). Cells, tracebacks and messages are written here by hand in the
libraries' wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint

_SITE = "/opt/conda/lib/python3.10/site-packages"

# ------------------------------------------------- a build without GPU support asked for the GPU


def test_a_build_without_gpu_support_is_told_to_drop_the_gpu_option():
    parsed = crash(
        "XGBoostError",
        "b'[10:02:11] src/gbm/gbtree.cc:610: XGBoost version not compiled with GPU support.'",
        "booster = xgb.train({'tree_method': 'gpu_hist'}, dtrain, 50)",
        frames=[(f"{_SITE}/xgboost/core.py", "update")],
    )
    text = hint(parsed)
    assert "built without GPU support" in text and "CPU" in text, text
    assert "built for a CUDA GPU" not in text, text


def test_a_build_for_a_gpu_on_a_machine_without_one_keeps_its_hint():
    parsed = crash(
        "RuntimeError",
        "CUDA driver initialization failed, you might not have a CUDA gpu.",
        "detector = dlib.cnn_face_detection_model_v1('mmod.dat')",
        frames=[(f"{_SITE}/dlib/__init__.py", "__init__")],
    )
    text = hint(parsed)
    assert "built for a CUDA GPU" in text and "built without GPU support" not in text, text


# --------------------------------------------- NumPy's own failure under another package's import


_NUMPY_FAILED = (
    "\n\nIMPORTANT: PLEASE READ THIS FOR ADVICE ON HOW TO SOLVE THIS ISSUE!\n\n"
    "Importing the numpy C-extensions failed. This error can happen for\nmany reasons.\n\n"
    "Original error was: DLL load failed while importing _multiarray_umath: "
    "The specified module could not be found.\n"
)


def test_numpys_own_failure_names_numpy_not_the_package_imported():
    parsed = crash(
        "ImportError",
        _NUMPY_FAILED,
        "import sklearn",
        frames=[
            ("C:\\envs\\ml\\lib\\site-packages\\sklearn\\__init__.py", "<module>"),
            ("C:\\envs\\ml\\lib\\site-packages\\numpy\\core\\__init__.py", "<module>"),
        ],
    )
    text = hint(parsed)
    assert "NumPy" in text and "install --force-reinstall numpy" in text, text
    assert "sklearn" not in text and "scikit-learn" not in text, text


def test_another_librarys_dll_failure_still_names_that_library():
    parsed = crash(
        "ImportError",
        "DLL load failed while importing _pywrap_tensorflow_internal: "
        "The specified module could not be found.",
        "import tensorflow as tf",
        frames=[("C:\\envs\\ml\\lib\\site-packages\\tensorflow\\python\\__init__.py", "<module>")],
    )
    text = hint(parsed)
    assert "`tensorflow`" in text and "NumPy" not in text, text


# ------------------------------------------------------------- a `.pyc` of another Python


def test_a_bad_magic_number_is_a_compiled_file_not_a_package_to_install():
    parsed = crash(
        "ImportError", "bad magic number in 'grader': b'\\x03\\xf3\\r\\n'", "import grader"
    )
    text = hint(parsed)
    assert "`grader.pyc`" in text and "another Python version" in text, text
    assert "%pip install" not in text, text


def test_a_missing_dependency_is_still_told_to_install():
    parsed = crash(
        "ImportError",
        "Missing optional dependency 'openpyxl'.  Use pip or conda to install openpyxl.",
        "df = pd.read_excel('sales.xlsx')",
        frames=[(f"{_SITE}/pandas/compat/_optional.py", "import_optional_dependency")],
    )
    text = hint(parsed)
    assert "openpyxl" in text and "magic" not in text, text


# ------------------------------------------------------------- a DLL Windows cannot find


def test_a_dll_windows_cannot_find_is_no_data_file():
    parsed = crash(
        "FileNotFoundError",
        "Could not find module 'cublas64_11.dll' (or one of its dependencies). "
        "Try using the full path with constructor syntax.",
        "lib = ctypes.CDLL('cublas64_11.dll')",
        frames=[("C:\\Python39\\lib\\ctypes\\__init__.py", "__init__")],
    )
    text = hint(parsed)
    assert "`cublas64_11.dll`" in text and "PATH" in text, text
    assert "downloaded" not in text, text


def test_a_missing_data_file_is_still_a_path_to_check():
    parsed = crash(
        "FileNotFoundError",
        "[Errno 2] No such file or directory: 'data/train.csv'",
        "df = pd.read_csv('data/train.csv')",
    )
    text = hint(parsed)
    assert "train.csv" in text and "DLL" not in text, text


# --------------------------------------------------------------- a gzip file read as text


def test_byte_0x8b_at_position_1_is_a_gzip_file():
    parsed = crash(
        "UnicodeDecodeError",
        "'utf-8' codec can't decode byte 0x8b in position 1: invalid start byte",
        "df = pd.read_csv('downloads/export')",
        frames=[(f"{_SITE}/pandas/io/parsers/readers.py", "read_csv")],
    )
    text = hint(parsed)
    assert "gzip" in text and "compression='gzip'" in text, text
    assert "latin-1" not in text, text


def test_another_byte_is_still_an_encoding():
    parsed = crash(
        "UnicodeDecodeError",
        "'utf-8' codec can't decode byte 0xe9 in position 14: invalid continuation byte",
        "df = pd.read_csv('clients.csv')",
        frames=[(f"{_SITE}/pandas/io/parsers/readers.py", "read_csv")],
    )
    text = hint(parsed)
    assert "encoding=" in text and "gzip" not in text, text
