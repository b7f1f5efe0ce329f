"""Hints whose claim did not hold on the crash (wave 22a): a Series given `axis=1`, a graph
library given (node, attributes) pairs, a pandas indexer mistyped, a variable's name quoted as a
label, several labels in one pair of brackets, a number attribute called, an array of Axes
read as one, a library's line reading the attribute, a module name read through pyplot's
function, IPython's `display` function read as its module.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint

SITE = "/opt/conda/lib/python3.10/site-packages"

# ------------------------------------------------------------- a Series given `axis=1`

_PANDAS_AXIS = [
    (f"{SITE}/pandas/core/generic.py", "_get_axis_number", [], "raise ValueError(msg)"),
]


def test_a_series_given_axis_1_is_told_it_is_no_frame():
    code = "table = table.price.fillna(0)\nout = table.drop(['price'], axis=1)"
    text = _hint("ValueError", "No axis named 1 for object type Series", code, frames=_PANDAS_AXIS)
    assert "`table` is a pandas Series here" in text and "axis=1" not in text.split(".")[-1]


def test_a_frame_given_axis_2_is_not_called_a_series():
    code = "out = table.drop(['price'], axis=2)"
    text = _hint(
        "ValueError", "No axis named 2 for object type DataFrame", code, frames=_PANDAS_AXIS
    )
    assert "Series here" not in text, text


# ------------------------------------------------- networkx given (node, attributes) pairs

_NX = [
    (f"{SITE}/networkx/generators/classic.py", "complete_graph", [], "G.add_edges_from(edges)"),
    (f"{SITE}/networkx/classes/graph.py", "add_edges_from", [], "if u not in self._node:"),
]


def test_networkx_given_dicts_is_told_to_pass_node_ids():
    code = "points = [(i, {'x': i}) for i in range(4)]\nG = nx.complete_graph(points)"
    text = _hint("TypeError", "unhashable type: 'dict'", code, frames=_NX)
    assert "networkx used a `dict`" in text and "node ids" in text, text
    assert "convert it to a tuple" not in text, text


def test_a_dict_key_of_ones_own_is_still_told_to_convert():
    code = "seen = {}\nseen[{'a': 1}] = True"
    text = _hint("TypeError", "unhashable type: 'dict'", code)
    assert "networkx" not in text, text


# ------------------------------------------------------------ a pandas indexer mistyped

_PANDAS_GETATTR = [
    (
        f"{SITE}/pandas/core/generic.py",
        "__getattr__",
        [],
        "return object.__getattribute__(self, name)",
    ),
]


def test_a_mistyped_loc_is_told_to_be_loc():
    code = "first = sales.lox[0]['total']"
    text = _hint(
        "AttributeError", "'DataFrame' object has no attribute 'lox'", code, frames=_PANDAS_GETATTR
    )
    assert "`sales.loc[...]`" in text, text


def test_a_quoted_column_name_is_no_indexer_slip():
    code = "sales['lox'] = 1\nsales = sales.drop(columns=['lox'])\nfirst = sales.lox[0]"
    text = _hint(
        "AttributeError", "'DataFrame' object has no attribute 'lox'", code, frames=_PANDAS_GETATTR
    )
    assert "indexer" not in text, text


# ---------------------------------------------------- a variable's name quoted as a label

_PANDAS_LOC = [
    (f"{SITE}/pandas/core/indexes/range.py", "get_loc", [], "raise KeyError(key)"),
]


def test_a_variables_name_in_quotes_is_told_both_readings():
    code = "sales_2021 = sales[sales.year == 2021]\nsales.loc['sales_2021'].head()"
    text = _hint("KeyError", "'sales_2021'", code, frames=_PANDAS_LOC)
    assert "`sales_2021` is also a variable of yours" in text and "without quotes" in text, text


def test_a_label_that_the_code_quotes_elsewhere_is_no_variable_slip():
    code = (
        "total = sales['total'].sum()\nsales = sales.set_index('region')\nsales.loc['total'].head()"
    )
    text = _hint("KeyError", "'total'", code, frames=_PANDAS_LOC)
    assert "variable of yours" not in text, text


# --------------------------------------------------- several labels in one pair of brackets

_SERIES_GET = [
    (
        f"{SITE}/pandas/core/series.py",
        "__getitem__",
        [],
        "result = self.index.get_value(self, key)",
    ),
    (f"{SITE}/pandas/core/indexes/base.py", "get_value", [], "raise KeyError(key)"),
]


def test_commas_in_one_pair_of_brackets_are_told_to_be_a_list():
    code = "ages = people['age']\nages[3, 7, 9]"
    text = _hint("KeyError", "(3, 7, 9)", code, frames=_SERIES_GET)
    assert "the tuple (3, 7, 9)" in text and "`ages[[3, 7, 9]]`" in text, text


def test_a_multiindex_tuple_is_no_list_slip():
    code = "ages = people.set_index(['city', 'year'])['age']\nages['Oslo', 2020]"
    text = _hint("KeyError", "('Oslo', 2020)", code, frames=_SERIES_GET)
    assert "pass a list" not in text, text


# ---------------------------------------------------------------- a number attribute called


def test_a_number_attribute_called_is_told_to_drop_the_parentheses():
    code = "fit = smf.ols('y ~ x', data).fit()\nfit.rsquared(), fit.aic()"
    text = _hint("TypeError", "'numpy.float64' object is not callable", code)
    assert "`fit.rsquared` or `fit.aic` holds a number" in text and "without the `()`" in text


def test_a_bare_name_called_is_still_a_shadowed_function():
    code = "total = sum(values)\nscore = total(values) + fit.aic()"
    text = _hint("TypeError", "'numpy.float64' object is not callable", code)
    assert "holds a number" not in text, text


# ---------------------------------------------------- an array of Axes read as one Axes


def test_an_array_read_as_one_axes_is_told_to_index_it():
    cells = ["fig, ax = plt.subplots()\nax.contour(X, Y, Z)"]
    code = "fig, ax = plt.subplots(1, 2)\nax.contuor(X, Y, Z)"
    text = _hint(
        "AttributeError", "'numpy.ndarray' object has no attribute 'contuor'", code, cells=cells
    )
    assert "holds a NumPy array here" in text and "`ax[0].contour`" in text, text
    assert "Did you mean" not in text, text


def test_an_arrays_own_method_misspelled_is_still_suggested():
    code = "m = values.reshpe(3, 4)"
    text = _hint("AttributeError", "'numpy.ndarray' object has no attribute 'reshpe'", code)
    assert "Did you mean `reshape`?" in text, text


# ------------------------------------------------------------ a library's line reads it


def test_the_attribute_read_by_a_librarys_line_is_not_blamed_on_the_module():
    frames = [(f"{SITE}/networkx/classes/function.py", "nodes", [], "return G.nodes()")]
    code = "nx.nodes(graph.edges('a'))"
    text = _hint(
        "AttributeError", "'EdgeDataView' object has no attribute 'nodes'", code, frames=frames
    )
    assert "`nx` (an" not in text and "`EdgeDataView`" in text, text


def test_the_attribute_read_by_ones_own_line_names_the_variable():
    code = "view = graph.edges('a')\nview.nodes()"
    text = _hint("AttributeError", "'EdgeDataView' object has no attribute 'nodes'", code)
    assert "`view` (an `EdgeDataView`)" in text, text


# --------------------------------------------------- a name of pyplot read through its function


def test_a_pyplot_name_read_through_a_function_is_told_to_drop_it():
    code = "import matplotlib.pyplot as plt\nplt.plotting.hist(values)"
    text = _hint("AttributeError", "'function' object has no attribute 'hist'", code)
    assert "write `plt.hist`" in text and "call it first" not in text, text


def test_numpys_function_before_an_array_method_is_not_dropped():
    code = "import numpy as np\nnp.array.reshape(3, 4)"
    text = _hint("AttributeError", "'function' object has no attribute 'reshape'", code)
    assert "drop `.array`" not in text, text


# ---------------------------------------------- IPython's `display` function read as its module


def test_ipythons_display_read_as_a_module_is_told_to_import_the_name():
    code = "for frame in frames:\n    display.clear_output(wait=True)"
    text = _hint("AttributeError", "'function' object has no attribute 'clear_output'", code)
    assert "IPython's `display` function" in text, text
    assert "from IPython.display import clear_output" in text, text


def test_a_display_of_ones_own_is_no_function_slip():
    code = "display = make_display()\ndisplay.clear_output(wait=True)"
    text = _hint("AttributeError", "'function' object has no attribute 'clear_output'", code)
    assert "IPython's `display` function" not in text, text
