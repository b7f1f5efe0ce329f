"""Hints whose claim did not hold on crashes nobody tuned on (session 21b): "remove it from the
folder" for bytes a download gave, an install offered for a misspelt or mis-cased module, a
file's encoding for bytes decoded in memory, a driver's import for a Spark worker's, "check the
inputs" for Spark's two Pythons and for a broken connection, "fit first" for a search's own
attribute, "spelling" for a seaborn palette string, "shapes" for a dash tuple, NaN for pie's
`explode`, and "check the type" for a wrapper that forwards names to the model it wraps.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
IPython's layout, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint

SITE = "/usr/lib/python3.11/site-packages"

# -------------------------------------------------- PIL reads bytes in memory, not a file


_PIL_OPEN = (f"{SITE}/PIL/Image.py", "open", [], "raise UnidentifiedImageError(msg)")


def test_bytes_a_download_gave_are_told_to_be_no_image():
    code = "resp = requests.get(page)\nphoto = Image.open(io.BytesIO(resp.content))"
    message = "cannot identify image file <_io.BytesIO object at 0x7f3a2c1d9e50>"
    text = _hint("UnidentifiedImageError", message, code, [_PIL_OPEN])
    assert "downloaded bytes are not an image" in text and "Content-Type" in text, text
    assert "folder" not in text, text


def test_an_image_file_that_fails_to_open_keeps_the_folder_hint():
    code = "photo = Image.open('shots/beach_04.jpg')"
    message = "cannot identify image file 'shots/beach_04.jpg'"
    text = _hint("UnidentifiedImageError", message, code, [_PIL_OPEN])
    assert "corrupt or not an image" in text and "downloaded" not in text, text


# ---------------------------------------------- two letters off a long well-known module


def test_a_long_module_name_two_letters_off_is_told_the_module_meant():
    code = "import matplatlob.pyplot as plt"
    text = _hint("ModuleNotFoundError", "No module named 'matplatlob'", code)
    assert "did you mean `matplotlib`" in text, text


def test_a_long_unknown_module_far_from_any_known_is_not_told_a_slip():
    code = "import cloudtrailz"
    text = _hint("ModuleNotFoundError", "No module named 'cloudtrailz'", code)
    assert "did you mean" not in text, text


# --------------------------------------------------- a module's name in another case


def test_a_module_written_with_a_capital_is_told_its_lowercase_name():
    text = _hint("ModuleNotFoundError", "No module named 'Yfinance'", "import Yfinance as yf")
    assert "case-sensitive" in text and "`import yfinance`" in text, text


def test_a_standard_module_in_another_case_gets_no_pip_install():
    text = _hint("ModuleNotFoundError", "No module named 'Tkinter'", "import Tkinter as tk")
    assert "case-sensitive" not in text and "%pip install tkinter" not in text, text


# ------------------------------------------------------ bytes decoded on the cell's line


def test_bytes_decoded_in_the_cell_are_told_to_use_utf8():
    code = 'raw = "naïve café".encode("utf-8")\nprint(raw.decode("ascii"))'
    message = "'ascii' codec can't decode byte 0xc3 in position 2: ordinal not in range(128)"
    text = _hint("UnicodeDecodeError", message, code)
    assert "`raw` holds bytes" in text and "'utf-8'" in text, text
    assert "read_csv" not in text, text


def test_a_file_read_with_the_wrong_codec_keeps_the_file_encoding_hint():
    code = "df = pd.read_csv('sales_2019.csv', encoding='ascii')"
    message = "'ascii' codec can't decode byte 0xe9 in position 14: ordinal not in range(128)"
    frames = [(f"{SITE}/pandas/io/parsers/readers.py", "read_csv", [], "return _read(f, kw)")]
    text = _hint("UnicodeDecodeError", message, code, frames)
    assert "holds bytes" not in text and "encoding" in text, text


# ------------------------------------------------------------------ Spark's workers


_PY4J = (f"{SITE}/py4j/protocol.py", "get_return_value", [], "raise Py4JJavaError(")


def _spark_message(error: str) -> str:
    """Py4J's message around a worker's Python traceback, in Spark's wording."""
    return (
        "An error occurred while calling o88.collectToPython.\n"
        ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 2 in stage "
        "4.0 failed 1 times, most recent failure: Lost task 2.0 in stage 4.0 (TID 12, "
        "worker-3, executor 2): org.apache.spark.api.python.PythonException: Traceback (most "
        "recent call last):\n"
        '  File "/opt/spark/python/lib/pyspark.zip/pyspark/worker.py", line 140, in main\n'
        "    func, profiler, deserializer, serializer = read_command(pickleSer, infile)\n"
        '  File "/opt/spark/python/lib/pyspark.zip/pyspark/serializers.py", line 410, in loads\n'
        "    return pickle.loads(obj)\n"
        f"{error}\n\n"
        "\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException("
        "PythonRunner.scala:452)\n"
    )


def test_a_module_a_spark_worker_cannot_import_is_told_to_ship_it():
    message = _spark_message("ModuleNotFoundError: No module named 'geo_helpers'")
    text = _hint("Py4JJavaError", message, "rows = counts.collect()", [_PY4J])
    assert "Spark's workers could not import `geo_helpers`" in text, text
    assert "sc.addPyFile" in text and "Your file" not in text, text


def test_a_module_the_kernel_cannot_import_is_no_workers():
    code = "from geo_helpers import distance"
    text = _hint("ModuleNotFoundError", "No module named 'geo_helpers'", code)
    assert "Spark" not in text and "geo_helpers" in text, text


def test_workers_on_another_python_are_told_to_set_both_variables():
    error = (
        "Exception: Python in worker has different version 3.8 than that in driver 3.10, "
        "PySpark cannot run with different minor versions. Please check environment variables "
        "PYSPARK_PYTHON and PYSPARK_DRIVER_PYTHON are correctly set."
    )
    text = _hint("Py4JJavaError", _spark_message(error), "df.show(5)", [_PY4J])
    assert "another Python version" in text and "PYSPARK_DRIVER_PYTHON" in text, text
    assert "Check the inputs" not in text, text


def test_a_workers_own_error_is_not_told_two_pythons():
    error = "ZeroDivisionError: division by zero"
    text = _hint("Py4JJavaError", _spark_message(error), "df.show(5)", [_PY4J])
    assert "another Python version" not in text, text


# ------------------------------------------------------------ a connection that broke


_URLLIB3_READ = (f"{SITE}/urllib3/response.py", "_error_catcher", [], "raise ProtocolError(")


def test_a_broken_connection_is_no_input_to_check():
    message = (
        "('Connection broken: IncompleteRead(0 bytes read, 2048 more expected)', "
        "IncompleteRead(0 bytes read, 2048 more expected))"
    )
    text = _hint("ProtocolError", message, "feed.listen(topics=['rain'])", [_URLLIB3_READ])
    assert "A connection failed" in text and "Check the inputs" not in text, text


def test_a_header_the_library_refused_keeps_its_own_look():
    message = "Invalid header name b'X-Token\\n'"
    frames = [(f"{SITE}/requests/models.py", "prepare_headers", [], "check_header_validity(h)")]
    text = _hint("InvalidHeader", message, "requests.get(url, headers=h)", frames)
    assert "A connection failed" not in text, text


# --------------------------------------------------- a search's attribute read of a model

_SEARCH_CELL = (
    "from sklearn.tree import DecisionTreeClassifier\n"
    "from sklearn.model_selection import GridSearchCV\n"
    "tuner = GridSearchCV(DecisionTreeClassifier(), grid, cv=5)\n"
    "tuner.fit(X, y)\n"
    "chosen = tuner.best_estimator_\n"
    "print(chosen.best_score_)"
)


def test_a_search_attribute_of_the_chosen_model_is_told_to_read_the_search():
    message = "'DecisionTreeClassifier' object has no attribute 'best_score_'"
    text = _hint("AttributeError", message, _SEARCH_CELL)
    assert "belongs to a search" in text and "`tuner.best_score_`" in text, text
    assert "version" not in text and "fit first" not in text, text


def test_a_lightgbm_model_keeps_its_own_best_score():
    code = "from lightgbm import LGBMClassifier\nclf = LGBMClassifier()\nprint(clf.best_score_)"
    message = "'LGBMClassifier' object has no attribute 'best_score_'"
    text = _hint("AttributeError", message, code)
    assert "belongs to a search" not in text, text


# ------------------------------------------------- a seaborn palette string as one colour


_TO_RGBA = (f"{SITE}/matplotlib/colors.py", "_to_rgba_no_colorcycle", [], "raise ValueError(")


def test_a_palette_string_given_as_a_colour_is_told_palette():
    code = "sns.countplot(data=df, x='city', color='light:seagreen')"
    message = "Invalid RGBA argument: 'light:seagreen'"
    text = _hint("ValueError", message, code, [_TO_RGBA])
    assert "seaborn palette spec" in text and "`palette='light:seagreen'`" in text, text
    assert "spelling" not in text, text


def test_a_misspelt_colour_keeps_the_spelling_hint():
    code = "plt.bar(names, counts, color='lightgreenn')"
    message = "Invalid RGBA argument: 'lightgreenn'"
    text = _hint("ValueError", message, code, [_TO_RGBA])
    assert "palette spec" not in text, text


# -------------------------------------------------------------- a flat dash tuple


_PLOT = (f"{SITE}/matplotlib/pyplot.py", "plot", [], "return gca().plot(")


def test_a_flat_dash_tuple_is_told_the_offset_form():
    code = "pattern = (6, 3, 1, 3)\nplt.plot(t, v, linestyle=pattern)"
    frames = [
        _PLOT,
        (f"{SITE}/matplotlib/lines.py", "set_linestyle", [], "_get_dash_pattern(ls)"),
        (f"{SITE}/matplotlib/lines.py", "_get_dash_pattern", [], "offset, dashes = style"),
    ]
    message = "too many values to unpack (expected 2)"
    text = _hint("ValueError", message, code, frames)
    assert "`(offset, (on, off, ...))`" in text and "`linestyle=pattern`" in text, text
    assert ".shape" not in text, text


def test_an_unpack_inside_the_plot_arguments_is_no_dash_tuple():
    code = "plt.plot(t, v, 'r--')"
    frames = [_PLOT, (f"{SITE}/matplotlib/axes/_base.py", "_plot_args", [], "x, y = tup")]
    message = "too many values to unpack (expected 2)"
    text = _hint("ValueError", message, code, frames)
    assert "dash tuple" not in text, text


# ------------------------------------------------------------------ pie's `explode`


_TOO_LARGE = (
    "Image size of 48213377x50129884 pixels is too large. It must be less than 2^16 in each "
    "direction."
)
_DRAW = (f"{SITE}/matplotlib/backends/backend_agg.py", "__init__", [], "self._renderer = R(w, h)")


def test_a_second_series_given_to_pie_is_told_it_is_explode():
    text = _hint("ValueError", _TOO_LARGE, "plt.pie(revenue, expenses)", [_DRAW])
    assert "`explode`" in text and "`expenses`" in text, text
    assert "NaN" not in text, text


def test_a_pie_with_labels_is_not_told_explode():
    text = _hint("ValueError", _TOO_LARGE, "plt.pie(revenue, labels=regions)", [_DRAW])
    assert "explode" not in text, text


# ------------------------------------------ a wrapper forwarding names to what it wraps


_WRAPPER = (
    f"{SITE}/yellowbrick/utils/wrapper.py",
    "__getattr__",
    [],
    "return getattr(self._wrapped, attr)",
)


def test_an_old_yellowbrick_visualizer_is_told_poof():
    code = "viz = KElbowVisualizer(KMeans(), k=8)\nviz.fit(X)\nviz.show()"
    message = "'KMeans' object has no attribute 'show'"
    text = _hint("AttributeError", message, code, [_WRAPPER])
    assert "`viz.poof()`" in text and "yellowbrick" in text, text


def test_a_model_without_the_method_is_no_wrapper():
    code = "km = KMeans(n_clusters=3)\nkm.fit(X)\nkm.show()"
    message = "'KMeans' object has no attribute 'show'"
    text = _hint("AttributeError", message, code)
    assert "wrap" not in text and "poof" not in text, text
