"""Hints whose claim did not hold on the crash (session 20b): a build without GPU support asked
for the GPU, NumPy's own failure under another package's import, a `.pyc` of another Python, a
DLL Windows cannot find, a gzip file read as text, a string method read of a number, a saved
weight of another shape, a seaborn grid given for a figure, a library's bare `raise`, a library
function replaced by a value, a worker's traceback that ends in a project's file.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet (or says the other thing). Cells, tracebacks and messages are written here by hand in the
libraries' wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
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


# ---------------------------------------- a string method read of a number, one library to another


def test_a_string_method_of_a_number_is_a_label_not_a_numpy_version():
    parsed = crash(
        "AttributeError",
        "'numpy.int64' object has no attribute 'startswith'",
        "sns.barplot(x='region', y='sales', hue='year', data=df)",
        frames=[
            (f"{_SITE}/seaborn/categorical.py", "barplot"),
            (f"{_SITE}/matplotlib/legend.py", "_get_legend_handles_labels"),
        ],
    )
    text = hint(parsed)
    assert "a method of text" in text and ".astype(str)" in text, text
    assert "written for another version of `numpy`" not in text, text


def test_another_attribute_of_a_number_keeps_the_version_hint():
    parsed = crash(
        "AttributeError",
        "'numpy.int64' object has no attribute 'to_pydatetime'",
        "sns.lineplot(x='day', y='sales', data=df)",
        frames=[
            (f"{_SITE}/seaborn/relational.py", "lineplot"),
            (f"{_SITE}/pandas/core/tools.py", "convert"),
        ],
    )
    text = hint(parsed)
    assert "another version of `numpy`" in text and "a method of text" not in text, text


# ------------------------------------------------------- weights saved by a model of other sizes


def test_two_shapes_of_a_saved_weight_are_a_model_of_other_sizes():
    parsed = crash(
        "ValueError",
        "Shapes (1200, 32) and (950, 32) are incompatible",
        "model.load_weights('recommender.h5')",
        frames=[(f"{_SITE}/keras/engine/training.py", "load_weights")],
    )
    text = hint(parsed)
    assert "does not match the one saved in 'recommender.h5'" in text, text
    assert "(1200, 32)" in text and "(950, 32)" in text, text
    assert "which version" not in text, text


def test_a_file_rejected_without_shapes_keeps_the_version_hint():
    parsed = crash(
        "ValueError",
        "Unknown layer: Functional. Please ensure this object is passed to the `custom_objects`.",
        "model = load_model('recommender.h5')",
        frames=[(f"{_SITE}/keras/saving/save.py", "load_model")],
    )
    text = hint(parsed)
    assert "does not match the one saved" not in text, text


# ------------------------------------------------------- a seaborn grid given where a figure goes


def test_a_seaborn_grid_saved_as_a_figure_is_told_to_pass_its_fig():
    parsed = crash(
        "ValueError",
        "No such figure: <seaborn.axisgrid.FacetGrid object at 0x7f3a2c1b5e50>",
        "pdf.savefig(grid)",
        frames=[(f"{_SITE}/matplotlib/backends/backend_pdf.py", "savefig")],
    )
    text = hint(parsed)
    assert "seaborn `FacetGrid`" in text and "`pdf.savefig(grid.fig)`" in text, text
    assert ".dtype" not in text, text


def test_a_figure_number_that_does_not_exist_is_no_grid():
    parsed = crash(
        "ValueError",
        "No such figure: 7",
        "pdf.savefig(7)",
        frames=[(f"{_SITE}/matplotlib/backends/backend_pdf.py", "savefig")],
    )
    text = hint(parsed)
    assert "seaborn" not in text and ".fig)" not in text, text


# ----------------------------------------------------- two frames written out: a library's lines


def _library_frame_crash(ename, message, user_line, path, function, lines, failing):
    """The cell's failing line, then one library frame whose printed lines end at ``failing``
    (IPython's layout: the numbered lines above it, `--->` on it)."""
    shown = [f"    {20 + k} {line}" for k, line in enumerate(lines)]
    shown.append(f"--> {20 + len(lines)} {failing}")
    traceback = (
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[5], line 2\n      1 x = 1\n----> 2 {user_line}\n",
        f"File {path}:{20 + len(lines)}, in {function}(self, *args)\n" + "\n".join(shown) + "\n",
        f"{ename}: {message}",
    )
    return ErrorRecord(ename, message, traceback, code=f"x = 1\n{user_line}")


def test_a_bare_raise_of_a_library_points_at_the_check_above_it():
    record = _library_frame_crash(
        "ValueError",
        "",
        "out = pipeline(sample)",
        f"{_SITE}/augment/ops.py",
        "Resize.check",
        ["if self.size is not None:", "    if self.size[0] > height:"],
        "        raise ValueError",
    )
    text = diagnose(record).hint
    assert "bare `raise ValueError`" in text and "`if self.size[0] > height:`" in text, text
    assert "run the cell again" not in text, text


def test_a_lost_message_without_a_bare_raise_still_asks_to_run_again():
    record = _library_frame_crash(
        "ValueError",
        "ignored",
        "out = pipeline(sample)",
        f"{_SITE}/augment/ops.py",
        "Resize.check",
        ["if self.size is not None:", "    if self.size[0] > height:"],
        "        raise ValueError(f'size {self.size} is larger than the image')",
    )
    text = diagnose(record).hint
    assert "bare `raise" not in text, text


def test_a_module_function_that_is_now_a_tuple_was_replaced():
    record = _library_frame_crash(
        "TypeError",
        "'tuple' object is not callable",
        "plt.imshow_grid(images[0])",
        f"{_SITE}/plotkit/pyplot.py",
        "imshow_grid",
        ["if new:"],
        "    fig = figure(num, figsize=size)",
    )
    text = diagnose(record).hint
    assert "calls `figure`, which is now a `tuple`" in text, text
    assert "`plt.figure = ...`" in text and "restart the kernel" in text, text


def test_a_callable_passed_by_name_is_not_called_replaced():
    record = _library_frame_crash(
        "TypeError",
        "'tuple' object is not callable",
        "pd.apply_each(rows, handler)",
        f"{_SITE}/tablekit/core.py",
        "apply_each",
        ["for row in rows:"],
        "    out.append(handler(row))",
    )
    text = diagnose(record).hint
    assert "replaced the library's own" not in text, text


# ------------------------------------- a worker's traceback that ends in a file of the project's


def _spark_crash(worker_file: str) -> str:
    message = (
        "An error occurred while calling o88.collect.\n"
        ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 1 in stage 2.0 "
        "failed 1 times: org.apache.spark.api.python.PythonException: Traceback (most recent "
        "call last):\n"
        '  File "/opt/spark/python/lib/pyspark.zip/pyspark/worker.py", line 604, in main\n'
        "    process()\n"
        f'  File "{worker_file}", line 17, in score_rows\n'
        "    totals = np.zeros(n_bins)\n"
        "TypeError: 'NoneType' object cannot be interpreted as an integer\n\n"
        "\tat org.apache.spark.api.python.BasePythonRunner$ReaderIterator.handlePythonException"
        "(PythonRunner.scala:517)\n"
    )
    parsed = crash(
        "Py4JJavaError",
        message,
        "result = scores.collect()",
        frames=[
            (f"{_SITE}/pyspark/rdd.py", "collect"),
            (f"{_SITE}/py4j/protocol.py", "get_return_value"),
        ],
    )
    return hint(parsed)


def test_a_workers_error_in_a_project_file_names_that_line():
    text = _spark_crash("/home/ana/project/scoring.py")
    assert "`scoring.py` (line 17, in `score_rows`)" in text, text
    assert "`totals = np.zeros(n_bins)`" in text and "Spark worker" in text, text


def test_a_workers_error_in_an_installed_package_names_no_file():
    text = _spark_crash(f"{_SITE}/binning/core.py")
    assert "`core.py` (line 17" not in text and "outside the installed packages" not in text, text
