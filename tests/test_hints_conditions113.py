"""Argument hints whose claim did not hold on the crash (session 24a): "another cell made the
`Figure`" for pyplot's own `plt.savefig()`, "an empty input, a missing value" where the error a
library's catch-all caught names a pandas `Series`, `.shape` for a library's loop over pairs (the
older message without counts) and for a dict of lists of different lengths, "pass 'values'" where
the notebook calls a method of nearly the same name, plans and quotas for a 403 from a server on
this machine, the one colour blamed when a wrapper's `hist` got 2-D data, and `kind=` blamed when
a Series was asked for a scatter plot.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import CELL
from tests.test_hints_conditions28 import _hint as _hint28

SITE = "/usr/lib/python3.10/site-packages"
MAC_SITE = "/Users/ana/miniconda3/lib/python3.10/site-packages"

# ------------------------------------------- a module's function that hands over to a method


def _savefig(code: str, cells=()) -> str:
    frames = [
        (
            f"{SITE}/matplotlib/pyplot.py",
            "savefig",
            ["fig = gcf()"],
            "res = fig.savefig(*args, **kwargs)",
        )
    ]
    message = "Figure.savefig() missing 1 required positional argument: 'fname'"
    return _hint28("TypeError", message, code, frames=frames, cells=cells)


def test_pyplots_own_savefig_is_told_to_take_a_file_name():
    code = "import matplotlib.pyplot as plt\nplt.plot(xs, ys)\nplt.savefig()"
    text = _savefig(code)
    assert "`plt.savefig()` hands over to `Figure.savefig()`" in text, text
    assert "`plt.savefig(fname=...)`" in text and "another cell" not in text, text


def test_a_figure_of_another_cell_is_still_told_to_come_from_there():
    text = _savefig("chart.savefig()", cells=["chart = make_chart(points)"])
    assert "`chart` holds a `Figure`, which this cell does not make" in text, text


# ------------------------------------------- a catch-all's caught error names a pandas object


def _caught(chained: str) -> str:
    tb = [
        "-" * 75,
        "AttributeError                            Traceback (most recent call last)",
        f"{SITE}/geolib/convert.py in _as_buffer(x)\n"
        "      5     try:\n----> 6         x.buffer_view()\n",
        f"AttributeError: {chained}",
        "\nDuring handling of the above exception, another exception occurred:\n",
        "TypeError                                 Traceback (most recent call last)",
        f"{CELL} in <module>\n----> 1 east, north = project(points.lon, points.lat)\n",
        f"{SITE}/geolib/convert.py in _as_buffer(x)\n"
        "      6         x.buffer_view()\n      7     except:\n"
        "----> 8         raise TypeError('input must be an array, list, tuple or scalar')\n",
        "TypeError: input must be an array, list, tuple or scalar",
    ]
    code = "east, north = project(points.lon, points.lat)"
    return _hint28("TypeError", "input must be an array, list, tuple or scalar", code, tb=tb)


def test_a_series_the_catch_all_caught_is_told_to_become_an_array():
    text = _caught("'Series' object has no attribute 'buffer_view'")
    assert "failed on a pandas `Series`" in text and "`.to_numpy()`" in text, text


def test_another_caught_error_keeps_the_humble_guess():
    text = _caught("'NoneType' object has no attribute 'buffer_view'")
    assert "pandas" not in text and "an empty input, a missing value" in text, text


# ------------------------------------------------- a library's loop over pairs, no counts


def _unpacked(library_line: str) -> str:
    frames = [
        (f"{SITE}/taglib/rules.py", "__init__", ["Tagger.__init__(self, fallback)"], library_line)
    ]
    code = "rules = open('rules.txt').read().splitlines()\nchunker = taglib.RuleTagger(rules)"
    return _hint28("ValueError", "too many values to unpack", code, frames=frames)


def test_a_comprehension_over_pairs_in_a_library_is_told_the_items_have_other_parts():
    text = _unpacked("self._rules = [(re.compile(p), label) for p, label in rules]")
    assert "`taglib`'s code unpacks the items of a value you passed" in text, text
    assert ".shape" not in text, text


def test_a_library_unpacking_a_shape_keeps_the_shape_look():
    text = _unpacked("rows, cols = rules.shape")
    assert "unpacks the items" not in text, text


# ------------------------------------------------- a DataFrame of columns of other lengths


def _frame(message: str, library_path: str) -> str:
    frames = [
        (
            library_path,
            "extract_index",
            ["lengths = list(set(raw_lengths))"],
            "raise ValueError(msg)",
        )
    ]
    code = 'table = {"name": ["a", "b", "c"], "score": [1, 2]}\nframe = pd.DataFrame(table)'
    return _hint28("ValueError", message, code, frames=frames)


def test_older_pandas_words_for_columns_of_different_lengths_are_told_to_print_lengths():
    text = _frame("arrays must all be same length", f"{SITE}/pandas/core/internals/construction.py")
    assert "have different lengths" in text and "`len(...)` of each" in text, text
    assert ".shape" not in text, text


def test_arrays_of_other_dimensions_are_not_told_about_lengths():
    message = (
        "all the input arrays must have same number of dimensions, but the array at index 0 "
        "has 2 dimension(s) and the array at index 1 has 1 dimension(s)"
    )
    text = _frame(message, f"{SITE}/numpy/core/shape_base.py")
    assert "different lengths" not in text, text


# ------------------------------------------------------- a method of nearly the same name


def _no_values(cells) -> str:
    message = "isin() missing 1 required positional argument: 'values'"
    return _hint28("TypeError", message, "orders.columns[orders.isin().any()]", cells=cells)


def test_a_near_method_called_elsewhere_is_offered():
    text = _no_values(
        ["orders = pd.read_csv('orders.csv')", "gaps = orders.columns[orders.isna().any()]"]
    )
    assert "the notebook also calls `orders.isna()`" in text and "write `orders.isna()`" in text, (
        text
    )


def test_no_near_method_elsewhere_keeps_pass_it():
    text = _no_values(["orders = pd.read_csv('orders.csv')", "orders.describe()"])
    assert "needs 'values': pass it in the call" in text and "also calls" not in text, text


# ----------------------------------------------------------- a 403 from a local server


def _refused(code: str, site: str) -> str:
    frames = [
        (
            f"{site}/trackkit/rest.py",
            "check_response",
            ["if response.status_code != 200:"],
            "raise TrackError(f'{base}. Response body: {response.text}')",
        ),
    ]
    message = (
        "Request to endpoint /api/experiments/get failed with error code 403 != 200. "
        "Response body: ''"
    )
    return _hint28("TrackError", message, code, frames=frames)


def test_a_local_server_on_port_5000_of_a_mac_is_told_about_airplay():
    code = 'trackkit.set_uri("http://127.0.0.1:5000")\ntrackkit.set_experiment("runs")'
    text = _refused(code, MAC_SITE)
    assert "AirPlay Receiver" in text and "another port" in text, text
    assert "plan" not in text, text


def test_a_local_server_elsewhere_is_no_plan_or_quota():
    code = 'trackkit.set_uri("http://localhost:8080")\ntrackkit.set_experiment("runs")'
    text = _refused(code, SITE)
    assert "port 8080 of this machine" in text and "AirPlay" not in text, text


def test_a_remote_server_keeps_access_plan_or_quota():
    code = 'trackkit.set_uri("https://tracking.example.com")\ntrackkit.set_experiment("runs")'
    text = _refused(code, MAC_SITE)
    assert "access, plan or quota" in text and "this machine" not in text, text


# ---------------------------------------------- a wrapper's hist given one colour, 2-D data


def _one_colour(function: str) -> str:
    frames = [
        (
            f"{SITE}/seaborn/distributions.py",
            "distplot",
            ["ax.hist(a, bins,"],
            "color=hist_color, **hist_kws)",
        ),
        (
            f"{SITE}/matplotlib/axes/_axes.py",
            function,
            ["if len(color) != nx:"],
            'raise ValueError("color kwarg must have one color per dataset")',
        ),
    ]
    code = 'sns.distplot(samples, bins=20, color="green")'
    return _hint28("ValueError", "color kwarg must have one color per dataset", code, frames=frames)


def test_a_wrappers_one_colour_is_told_the_data_is_2d():
    text = _one_colour("hist")
    assert '`color="green"` is one colour' in text and "`samples.ravel()`" in text, text


def test_the_words_outside_hist_do_not_blame_2d_data():
    text = _one_colour("bar")
    assert "2-D array" not in text, text


# ---------------------------------------------------- a scatter plot asked of one column


def _scatter(message: str, code: str) -> str:
    frames = [
        (
            f"{SITE}/pandas/plotting/_core.py",
            "__call__",
            ["if isinstance(data, ABCDataFrame):"],
            'raise ValueError(f"plot kind {kind} can only be used for data frames")',
        )
    ]
    return _hint28("ValueError", message, code, frames=frames)


def test_a_scatter_plot_of_a_series_is_told_to_use_the_frame():
    code = 'sales["price"].plot(x="week", y="price", kind="scatter")'
    text = _scatter("plot kind scatter can only be used for data frames", code)
    assert "needs a DataFrame" in text and "`sales.plot(x=..., y=..., kind='scatter')`" in text, (
        text
    )
    assert "Check `kind=" not in text, text


def test_another_plot_kind_message_is_not_told_about_series():
    code = 'sales.plot(x="week", y="price", kind="pie")'
    text = _scatter("pie requires either y column or 'subplots=True'", code)
    assert "needs a DataFrame" not in text, text
