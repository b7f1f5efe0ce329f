"""Speak-only-when pairs for conditions a blind review found false on crashes the templates let
through (each crash written here by hand, in the libraries' own wording).

- A host that does not resolve while the same cell reached another one: the kernel is online.
- `d.value()` inside a loop over keys: `d[key]`, not `d.values()`.
- `df.loc[(a, b), col]` on a MultiIndex: the tuple is a row label, not a column.
- TensorFlow could not place a small weight matrix: the GPU was full, the layer is not too big.
- `tag.split()` on a BeautifulSoup tag: a child-tag search gave None, no assignment of the user's.
- `df.iloc(0, 1)`: an indexer called instead of subscripted.
- `.sort_values()` indented under its object: a method chain, not a block.
- `df[index]` with `index` from `iterrows()`: a row label, not a position.
- A "path" that is a line of comma-separated data.
- `os.remove` of a missing file: a deletion, not a read.
- Colab's note "install dependencies" is no package to install.
- `from pkg import pkg` of the installed package itself: no file shadows it.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions40 import _crash, _syntax

SITE = "/usr/local/lib/python3.10/dist-packages"


# ------------------------------------------------------- a host that does not resolve, online

_NO_HOST = (
    "HTTPSConnectionPool(host='api.oldweather.example', port=443): Max retries exceeded with url: "
    "/v1/today (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at "
    "0x7f3a2c1d>: Failed to establish a new connection: [Errno -2] Name or service not known'))"
)
_REQUESTS = [(f"{SITE}/requests/api.py", "get", "return request('get', url)")]


def test_a_host_that_does_not_resolve_after_another_answered_is_no_offline_kernel():
    code = (
        "import requests\nok = requests.get('https://www.python.org')\n"
        "old = requests.get('https://api.oldweather.example/v1/today')"
    )
    text = _crash("ConnectionError", _NO_HOST, code, _REQUESTS)
    assert "`api.oldweather.example` could not be resolved" in text, text
    assert "`www.python.org`" in text and "no internet access" not in text, text


def test_a_request_in_a_block_or_a_comment_above_proves_nothing():
    code = (
        "import requests\n# requests.get('https://www.python.org')\nif check:\n"
        "    ok = requests.get('https://www.python.org')\n"
        "old = requests.get('https://api.oldweather.example/v1/today')"
    )
    text = _crash("ConnectionError", _NO_HOST, code, _REQUESTS)
    assert "no internet access" in text, text


# ------------------------------------------------------------ a dict's value in a loop over keys


def test_a_dicts_value_read_in_a_loop_over_keys_is_its_subscript():
    code = "out = {}\nfor w in sorted(keys):\n    out[w] = freq.value()"
    text = _crash("AttributeError", "'dict' object has no attribute 'value'", code)
    assert "`freq[w]`" in text and "Did you mean" not in text, text


def test_a_dicts_value_outside_a_loop_keeps_the_close_name():
    code = "total = freq.value()"
    text = _crash("AttributeError", "'dict' object has no attribute 'value'", code)
    assert "Did you mean `values`" in text, text


# ------------------------------------------------------------ a MultiIndex row tuple in .loc

_LOC_FRAMES = [
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/indexing.py", f)
    for f in ("__getitem__", "_getitem_tuple", "_getitem_lowerdim", "_getitem_nested_tuple")
] + [
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/indexing.py", "_get_label"),
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/generic.py", "xs"),
    ("/opt/conda/lib/python3.11/site-packages/pandas/core/indexes/multi.py", "_get_loc_level"),
]


_FRAME_COLUMN = [("/opt/conda/lib/python3.11/site-packages/pandas/core/frame.py", "__getitem__")]


@pytest.mark.parametrize(
    ("line", "frames", "row"),
    [
        ("cost = df.loc[(level, size), 'Gas Capital']", _LOC_FRAMES, True),
        ("cost = df[('Low', 'small')]", _FRAME_COLUMN, False),  # a column's tuple
    ],
)
def test_a_tuple_before_the_comma_of_loc_is_a_row_label_of_the_multiindex(line, frames, row):
    text = hint(crash("KeyError", "('Low', 'small')", line, frames))
    assert ("among the row labels" in text) is row, text
    assert "df.columns" not in text or not row, text


# ------------------------------------------------------------ TensorFlow OOM creating weights

_INIT = [
    (f"{SITE}/tensorflow/python/keras/engine/base_layer.py", "add_weight", "caching_device=c)"),
    (f"{SITE}/tensorflow/python/ops/init_ops_v2.py", "__call__", "return self._random(shape)"),
]


def _oom(shape: str) -> str:
    message = (
        f"OOM when allocating tensor with shape[{shape}] and type float on "
        "/job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:Add]"
    )
    return _crash("ResourceExhaustedError", message, "model = build(config)", _INIT)


@pytest.mark.parametrize(
    ("shape", "told"),
    [("20000,1024", "already nearly full"), ("802816,4096", "too big for its input")],
)
def test_small_weights_that_do_not_fit_mean_a_full_gpu_not_a_big_layer(shape, told):
    assert told in _oom(shape), _oom(shape)


# ------------------------------------------------------------ a BeautifulSoup tag's "method"

_NOT_CALLABLE = "'NoneType' object is not callable"


def test_a_tags_unknown_method_is_a_child_tag_search_that_found_none():
    code = "from bs4 import BeautifulSoup\nsoup = BeautifulSoup(page, 'html.parser')\n"
    text = _crash("TypeError", _NOT_CALLABLE, code + "words = soup.body.p.split()")
    assert "child tag `<split>`" in text and "soup.body.p.get_text().split()" in text, text
    assert "was set to None" not in text, text


def test_an_attribute_no_code_sets_gets_no_reassignment_story():
    text = _crash("TypeError", _NOT_CALLABLE, "result = job.runner.start()")
    assert "was set to None" not in text, text


def test_an_attribute_the_code_sets_to_none_keeps_its_story():
    text = _crash("TypeError", _NOT_CALLABLE, "job.runner = None\nresult = job.runner()")
    assert "was set to None" in text, text


# ------------------------------------------------------------ an indexer called


_CALL_TOO_MANY = "__call__() takes from 1 to 2 positional arguments but 3 were given"


def test_an_iloc_called_with_parentheses_is_told_to_use_brackets():
    text = _crash("TypeError", _CALL_TOO_MANY, "df.iloc(0, 1)")
    assert "`df.iloc[0, 1]`" in text and "signature" not in text, text


# ------------------------------------------------------------ a method chain over lines


def test_an_indented_method_chain_needs_parentheses_not_less_indentation():
    cell = "importance\n  .sort_values()\n  .plot(kind='barh')"
    text = _syntax(cell, 2, "unexpected indent", "IndentationError")
    assert "method chain" in text and "`(importance`" in text, text
    assert "remove the spaces" not in text, text


def test_an_indented_statement_keeps_its_indentation_hint():
    text = _syntax("x = 1\n  y = 2", 2, "unexpected indent", "IndentationError")
    assert "method chain" not in text, text


# ------------------------------------------------------------ a row label from iterrows()

_FRAME_GET = [
    (
        "C:\\Anaconda\\lib\\site-packages\\pandas\\core\\frame.py",
        "__getitem__",
        "indexer = self.columns.get_loc(key)",
    )
]


def test_a_label_from_iterrows_is_looked_up_by_loc_not_iloc():
    code = "for idx, row in stops.iterrows():\n    lat = stops[idx]['STOP_LAT']"
    text = _crash("KeyError", "68208", code, _FRAME_GET)
    assert "`stops.loc[idx]`" in text and ".iloc" not in text, text


def test_a_label_reused_by_another_frames_loop_is_named():
    code = (
        "for idx, row in stops.iterrows():\n    for idx, r in route.iterrows():\n"
        "        d = r['lat']\n    lat = stops[idx]['STOP_LAT']"
    )
    text = _crash("KeyError", "68208", code, _FRAME_GET)
    assert "`route.iterrows()` also sets `idx`" in text, text


def test_a_plain_number_key_keeps_the_position_reading():
    text = _crash("KeyError", "3", "x = stops[3]", _FRAME_GET)
    assert "`stops.iloc[3]`" in text, text


# ------------------------------------------------------------ a line of data as a path

_ROW = "10115,Mueller Anna,Hauptstr 5,Berlin"
_PICKLE = [(f"{SITE}/pandas/io/common.py", "_get_handle", "f = open(path_or_buf, mode)")]


def test_a_path_that_is_a_line_of_comma_separated_data_is_told_so():
    message = f"[Errno 2] No such file or directory: '{_ROW}'"
    text = _crash(
        "FileNotFoundError", message, "frames = [pd.read_pickle(x) for x in lines]", _PICKLE
    )
    assert "line of comma-separated data" in text and "os.getcwd()" not in text, text


def test_a_spark_workers_missing_file_in_the_chain_is_read():
    outer = (
        "An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe."
        "\n: org.apache.spark.SparkException: Job aborted due to stage failure: Traceback (most "
        "recent call last):\nFileNotFoundError: [Errno 2\n[... clipped]"
    )
    chained = ("FileNotFoundError", f"[Errno 2] No such file or directory: '{_ROW}'")
    text = hint(crash("Py4JJavaError", outer, "data.collect()", chain=[chained]))
    assert "line of comma-separated data" in text, text


# ------------------------------------------------------------ a file with commas; a deletion

_NAMED = "[Errno 2] No such file or directory: 'sales,2020,q1.csv'"
_DELETED = "[WinError 2] The system cannot find the file specified: 'school.db'"


@pytest.mark.parametrize(
    ("message", "code", "told", "untold"),
    [
        (_NAMED, "df = pd.read_csv('sales,2020,q1.csv')", "", "comma-separated data"),
        (_DELETED, "conn.close()\nos.remove(db)", "to delete", "spelling"),
    ],
)
def test_a_file_name_with_commas_is_a_file_and_a_deletion_no_read(message, code, told, untold):
    text = _crash("FileNotFoundError", message, code)
    assert told in text and untold not in text, text


# ------------------------------------------------------------ Colab's note on import failures

_COLAB_NOTE = (
    "\n\n---------------------------------------------------------------------------\nNOTE: If "
    "your import is failing due to a missing package, you can\nmanually install dependencies "
    "using either !pip or !apt.\n\nTo view examples of installing some common dependencies, click "
    'the\n"Open Examples" button below.\n'
    "---------------------------------------------------------------------------\n"
)


def test_colabs_note_names_no_package_to_install():
    message = (
        "vidlib: youtube-dl not found; you can use the internal backend by setting the "
        'environmental variable VIDLIB_BACKEND to "internal".' + _COLAB_NOTE
    )
    frames = [(f"{SITE}/vidlib/__init__.py", "<module>", "from .core import new")]
    text = _crash("ImportError", message, "import cv2, vidlib", frames)
    assert "dependencies" not in text, text


def test_a_library_that_asks_for_a_package_before_colabs_note_is_heard():
    message = "You must install pydot and graphviz for plot_model to work." + _COLAB_NOTE
    frames = [(f"{SITE}/keras/utils/vis_utils.py", "plot_model", "raise ImportError(msg)")]
    text = _crash("ImportError", message, "plot_model(model)", frames)
    assert "`pydot`" in text and "dependencies" not in text, text


# ------------------------------------------------------------ the installed package itself

_LACKS = "cannot import name 'forest' from 'treecount' ({})"
_INSTALLED = f"{SITE}/treecount/__init__.py"


@pytest.mark.parametrize(
    ("path", "cells", "installed"),
    [
        (_INSTALLED, ("pip install treecount",), True),
        (_INSTALLED, (), False),  # no cell installs it: a package of that name may shadow
        ("/home/ana/work/treecount.py", ("pip install treecount",), False),
    ],
)
def test_a_name_the_package_a_cell_installs_lacks_is_not_blamed_on_shadowing(
    path, cells, installed
):
    message = _LACKS.format(path)
    text = _crash("ImportError", message, "from treecount import forest", cells=cells)
    assert ("The installed `treecount`" in text) is installed, text
    assert ("shadow" in text) is (not installed and path == _INSTALLED), text


# ------------------------------------------------------------ a library's missing dependency

_BACKEND = 'vidlib: fastdl not found; set the environment variable VIDLIB_BACKEND to "internal".'
_VIDLIB = [(f"{SITE}/vidlib/core.py", "<module>")]


@pytest.mark.parametrize(
    ("missing", "told"),
    [("fastdl", "`vidlib` needs `fastdl`"), ("vidlib", "An import failed")],
)
def test_a_library_that_failed_on_another_packages_import_names_it(missing, told):
    chained = ("ModuleNotFoundError", f"No module named '{missing}'")
    text = hint(crash("ImportError", _BACKEND, "import vidlib", _VIDLIB, chain=[chained]))
    assert told in text, text
