"""Hints whose claim did not hold on the crash (session w22b): a PyPI copy of a Python 2
standard module, Python 2's layout of a standard package, a standard near miss without the
imported submodule, a project file named for its analysis, the user's own file called by a
library, a NameError of a file on Spark's workers, a None global of the user's file, a web page
read as a table, a file written inside a function's body, feature columns of one key.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/opt/conda/lib/python3.11/site-packages"


def _hint(ename, message, code, line, frames=(), cells=None, crash=0):
    """The hint of a crash at ``line`` of the cell ``code``, then through ``frames`` (path,
    header, failing line); ``cells``: the notebook's sources, the crash being cell ``crash``."""
    number = code.splitlines().index(line) + 1
    tb = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[4], line {number}\n----> {number} {line}\n",
    ]
    tb += [f"File {path}:42, in {header}\n---> 42 {failing}\n" for path, header, failing in frames]
    tb.append(f"{ename}: {message}")
    record = {"ename": ename, "evalue": message, "traceback": tb, "code": code}
    if cells is not None:
        notebook = [
            {"id": str(i), "source": source, "execution_count": i + 1}
            for i, source in enumerate(cells)
        ]
        record.update(cell_id=str(crash), execution_count=crash + 1)
        record["notebook"] = {"cells": notebook}
    return diagnose(ErrorRecord.from_dict(record)).hint


# ------------------------------------------ a PyPI copy of a Python 2 standard module


def test_a_python2_module_copy_is_told_to_use_the_python3_module():
    code = "import urllib2\nimport json\n"
    frames = [(f"{SITE}/urllib2.py", "<module>", "import mimetools")]
    message = "No module named 'mimetools'"
    text = _hint("ModuleNotFoundError", message, code, "import urllib2", frames)
    assert "Python 2's standard module" in text and "`urllib.request`" in text, text
    assert "%pip install mimetools" not in text, text


def test_a_library_missing_its_dependency_is_still_told_to_install_it():
    code = "import seaborn as sns\n"
    frames = [(f"{SITE}/seaborn/__init__.py", "<module>", "import scipy")]
    text = _hint("ModuleNotFoundError", "No module named 'scipy'", code, code.strip(), frames)
    assert "%pip install scipy" in text and "Python 2" not in text, text


# ------------------------------------------- Python 2's layout of a standard package


def test_python2_wording_for_a_standard_submodule_names_the_python2_kernel():
    code = "from http.client import HTTPSConnection\n"
    text = _hint("ImportError", "No module named client", code, code.strip())
    assert "runs Python 2" in text and "%pip show" not in text, text


def test_python3_wording_for_a_standard_submodule_says_nothing_of_python2():
    code = "import xml.etreee\n"
    text = _hint("ModuleNotFoundError", "No module named 'xml.etreee'", code, code.strip())
    assert "Python 2" not in text, text


# --------------------------------------- a standard near miss without the submodule


def test_a_standard_near_miss_lacking_the_imported_submodule_is_no_suggestion():
    code = "from bisec.search import first_above\n"
    text = _hint("ModuleNotFoundError", "No module named 'bisec'", code, code.strip())
    assert "did you mean" not in text and "project's file or folder" in text, text


def test_a_standard_near_miss_having_the_submodule_is_still_suggested():
    code = "from jsonn.decoder import JSONDecodeError\n"
    text = _hint("ModuleNotFoundError", "No module named 'jsonn'", code, code.strip())
    assert "did you mean `json`" in text, text


# ---------------------------------------------- a project file named for its analysis


def test_an_analysis_module_is_taken_for_the_users_own_file():
    code = "import sales_analysis as sa\nsa.monthly_totals(df)\n"
    message = "module 'sales_analysis' has no attribute 'monthly_totals'"
    text = _hint("AttributeError", message, code, "sa.monthly_totals(df)")
    assert "most likely your own module" in text and "documentation" not in text, text


def test_an_unknown_package_name_keeps_the_shadowing_file_check():
    code = "import quantlab as ql\nql.monthly_totals(df)\n"
    message = "module 'quantlab' has no attribute 'monthly_totals'"
    text = _hint("AttributeError", message, code, "ql.monthly_totals(df)")
    assert "named `quantlab.py`" in text and "most likely your own" not in text, text


# -------------------------------------------- the user's own file called by a library

OPTIMIZE = [
    (f"{SITE}/scipy/optimize/_optimize.py", "fmin_bfgs(f, x0, fprime)", "res = _minimize(f)"),
    (f"{SITE}/scipy/optimize/_optimize.py", "function_wrapper(x)", "return fun(x, *args)"),
]
MESSAGE = "unsupported operand type(s) for -: 'NoneType' and 'float'"


def test_a_library_calling_the_users_file_names_that_file_not_the_library():
    code = "fit = model.fit(X, y)\n"
    own = ("/home/lee/hw3/ridge.py", "gradient(self, w)", "g = self.w - w * lam")
    text = _hint("TypeError", MESSAGE, code, code.strip(), [*OPTIMIZE, own])
    assert "your own file" in text and "`ridge.py`" in text, text
    assert "inside `scipy`'s code" not in text and "inside SciPy" not in text, text


def test_a_library_raising_in_its_own_code_is_still_named():
    code = "fit = model.fit(X, y)\n"
    last = (f"{SITE}/scipy/optimize/_linesearch.py", "line_search(f, x)", "a = phi0 - c1")
    text = _hint("TypeError", MESSAGE, code, code.strip(), [*OPTIMIZE, last])
    assert "your own file" not in text and "scipy" in text.lower(), text


# ------------------------------------------- a NameError of a file on Spark's workers


def _spark_message(file_line: str) -> str:
    return (
        "An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe."
        "\n: org.apache.spark.SparkException: Job aborted due to stage failure: Task 1 in stage "
        "3.0 failed 1 times: org.apache.spark.api.python.PythonException: Traceback (most "
        'recent call last):\n  File "/srv/spark/python/lib/pyspark.zip/pyspark/worker.py", line '
        "90, in main\n    command = pickleSer._read_with_length(infile)\n"
        f"{file_line}"
        "\n\tat org.apache.spark.api.python.PythonRunner$$anon$1.read(PythonRDD.scala:166)\n"
    )


SPARK_FRAMES = [
    (f"{SITE}/pyspark/rdd.py", "collect(self)", "port = self.ctx._jvm.PythonRDD.collect(rdd)"),
    (f"{SITE}/py4j/protocol.py", "get_return_value(answer)", "raise Py4JJavaError("),
]


def test_a_name_missing_on_a_spark_worker_is_that_files_not_the_kernels():
    file_line = (
        '  File "helpers_export.py", line 7, in <module>\n'
        "    get_ipython().run_line_magic('matplotlib', 'inline')\n"
        "NameError: name 'get_ipython' is not defined\n"
    )
    code = "counts.collect()\n"
    text = _hint("Py4JJavaError", _spark_message(file_line), code, code.strip(), SPARK_FRAMES)
    assert "`helpers_export.py`" in text and "not in this kernel" in text, text
    assert "run that cell first" not in text, text


def test_a_name_missing_in_the_kernel_keeps_the_kernels_hint():
    code = "total = scale * 2\n"
    text = _hint("NameError", "name 'scale' is not defined", code, code.strip())
    assert "not in this kernel" not in text and "`scale`" in text, text


# --------------------------------------------------- a None global of the user's file


def test_a_none_global_of_the_users_file_is_no_passed_value():
    code = "import boosting\nboosting.add_learner(parts)\n"
    own = ("/home/ana/src/boosting.py", "add_learner(parts)", "n = global_width.value")
    message = "'NoneType' object has no attribute 'value'"
    text = _hint("AttributeError", message, code, "boosting.add_learner(parts)", [own])
    assert "`global_width` is None in your file `boosting.py`" in text, text
    assert "one of the values you pass" not in text, text


def test_a_none_parameter_of_the_users_file_is_still_a_passed_value():
    code = "import boosting\nboosting.add_learner(parts)\n"
    own = ("/home/ana/src/boosting.py", "add_learner(parts)", "n = parts.value")
    message = "'NoneType' object has no attribute 'value'"
    text = _hint("AttributeError", message, code, "boosting.add_learner(parts)", [own])
    assert "is None in your file" not in text, text


# -------------------------------------------------------- a web page read as a table

READ_HTML = [
    (f"{SITE}/pandas/io/html.py", "read_html(io)", "return _parse(flavor=flavor, io=io)"),
    (f"{SITE}/pandas/io/html.py", "_parse(flavor, io)", "raise retained"),
]


def test_a_web_address_without_tables_is_a_page_not_a_saved_file():
    code = "import pandas as pd\ntables = pd.read_html('https://example.org/stations.html')\n"
    line = code.splitlines()[1]
    text = _hint("ValueError", "No tables found", code, line, READ_HTML)
    assert "has no `<table>`" in text and "saved by another version" not in text, text


def test_a_local_file_without_tables_keeps_the_saved_file_hint():
    code = "import pandas as pd\ntables = pd.read_html('stations.html')\n"
    line = code.splitlines()[1]
    text = _hint("ValueError", "No tables found", code, line, READ_HTML)
    assert "`<table>`" not in text and "stations.html" in text, text


# ------------------------------------------------- a file written inside a function

WRITER = (
    "def draw_logo(size):\n    fig = plt.figure()\n    fig.savefig('logo.png')\n    return fig\n"
)
WRITER_TOP = "fig = plt.figure()\nfig.savefig('logo.png')\n"
READER = "from matplotlib.image import imread\npixels = imread('logo.png')\n"
IMREAD = [(f"{SITE}/matplotlib/image.py", "imread(fname)", "with open(fname, 'rb') as fd:")]
NO_LOGO = "[Errno 2] No such file or directory: 'logo.png'"


def test_a_file_written_in_a_functions_body_needs_the_function_called():
    line = READER.splitlines()[1]
    text = _hint("FileNotFoundError", NO_LOGO, READER, line, IMREAD, [WRITER, READER], 1)
    assert "call `draw_logo()`" in text and "writes itself" not in text, text


def test_a_file_written_at_a_cells_top_level_needs_that_cell_run():
    line = READER.splitlines()[1]
    text = _hint("FileNotFoundError", NO_LOGO, READER, line, IMREAD, [WRITER_TOP, READER], 1)
    assert "writes itself" in text and "call `" not in text, text


# --------------------------------------------------------- feature columns of one key

TRAIN = [(f"{SITE}/tensorflow/python/feature_column/feature_column.py", "_check(columns)", "raise")]


def _columns(first: str, second: str) -> str:
    return (
        "Duplicate feature column name found for columns: "
        f"IdentityCategoricalColumn(key='{first}', num_buckets=10, default_value=None) and "
        f"IdentityCategoricalColumn(key='{second}', num_buckets=10, default_value=None). This "
        "usually means that these columns refer to "
        "same base feature."
    )


def test_two_feature_columns_of_one_key_are_told_to_use_each_features_name():
    code = "est.train(input_fn=train_input, steps=100)\n"
    text = _hint("ValueError", _columns("col", "col"), code, code.strip(), TRAIN)
    assert "same feature `col`" in text and "`.dtype`" not in text, text


def test_feature_columns_of_two_keys_get_no_same_feature_hint():
    code = "est.train(input_fn=train_input, steps=100)\n"
    text = _hint("ValueError", _columns("age", "age_group"), code, code.strip(), TRAIN)
    assert "same feature" not in text and "`.dtype`" not in text, text
