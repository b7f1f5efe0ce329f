"""The def/use analysis of one cell: Python bindings, IPython syntax, cells that do not parse."""

import pytest

from jupyterlab_nbcrash.diagnosis.cells import analyse_cell, repeats_harmlessly, to_python


def defines(source):
    return set(analyse_cell(source).defines)


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("x = 1", {"x"}),
        ("a, (b, *c) = 1, (2, 3, 4)", {"a", "b", "c"}),
        ("[p, q] = [1, 2]", {"p", "q"}),
        ("x = y = 0", {"x", "y"}),
        ("n: int = 3", {"n"}),
        ("total += 1", {"total"}),
        ("def f(a, b=2):\n    inner = a\n    return inner", {"f"}),
        ("async def g():\n    pass", {"g"}),
        ("class Model:\n    layers = 3", {"Model"}),
        ("import numpy as np\nimport os.path\nimport a.b as ab", {"np", "os", "ab"}),
        ("from sklearn.model_selection import train_test_split as tts, KFold", {"tts", "KFold"}),
        ("for i, (k, v) in enumerate({}.items()):\n    last = v", {"i", "k", "v", "last"}),
        ("with open('f') as fh, open('g') as (gh):\n    pass", {"fh", "gh"}),
        ("if (n := 10) > 5:\n    pass", {"n"}),
        ("hits = [y for x in range(3) if (y := x * 2)]", {"hits", "y"}),
        ("squares = [k * k for k in range(3)]", {"squares"}),
        ("def setup():\n    global CONFIG\n    CONFIG = {}", {"setup", "CONFIG"}),
        ("try:\n    import torch\nexcept ImportError as err:\n    torch = None", {"torch"}),
        (
            "match point:\n    case (px, py):\n        pass\n    case {'k': kv, **rest}:\n    "
            "    pass",
            {"px", "py", "kv", "rest"},
        ),
        ("f = lambda z: z + 1", {"f"}),
        ("del x", set()),
    ],
)
def test_python_bindings(source, names):
    assert defines(source) == names


def test_function_locals_and_parameters_are_not_module_names():
    info = analyse_cell("def fit(X, y):\n    model = make(X)\n    return model.fit(X, y)")
    assert info.defines == {"fit"}
    assert {"model"} <= info.local_only
    assert "make" in info.uses  # a free name of the function
    assert not {"X", "y", "model"} & info.uses


def test_uses_and_first_lines():
    info = analyse_cell("import math\nr = 2\narea = math.pi * r ** 2\nprint(area, radius)")
    assert {"math", "r", "area", "print", "radius"} <= info.uses
    assert info.def_lines == {"math": 1, "r": 2, "area": 3}
    assert info.use_lines["radius"] == 4
    assert "k" not in analyse_cell("v = [k for k in range(3)]").uses  # comprehension variable


def test_conditional_bindings():
    info = analyse_cell("if flag:\n    a = 1\nb = 2\nwhile False:\n    c = 3")
    assert info.conditional == {"a", "c"}
    assert "except" not in info.defines
    assert "err" not in defines("try:\n    pass\nexcept ValueError as err:\n    pass")


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("%matplotlib inline\nx = 1", {"x"}),
        ("!pip install numpy\nimport numpy as np", {"np"}),
        ("files = !ls -la\n", {"files"}),
        ("out = %sx ls\n", {"out"}),
        ("df.head?\nx = 1\n??len", {"x"}),
        ("%time result = slow(3)", {"result"}),
        ("%timeit -n 3 ignored = f()\nkept = 1", {"kept"}),
        ("%timeit timed = f()", set()),  # timeit runs its statement inside a function
        ("%%timeit\nalso_timed = f()", set()),
        ("%%time\nmodel = train()\nscore = 1", {"model", "score"}),
        ("%%capture captured\nprint('hi')", {"captured"}),
        ("%%bash\nx=1\necho $x", set()),
        ("%%writefile script.py\nimport os\nx = 1", set()),
        ("for f in fs:\n    !echo {f}\n    done = f", {"f", "done"}),
        ("%store -r saved other", {"saved", "other"}),
    ],
)
def test_ipython_syntax(source, names):
    assert defines(source) == names


def test_ipython_rewrite_keeps_line_numbers():
    source = "%load_ext autoreload\n!ls\nx = 1\ny?\nz = !pwd"
    code, dynamic, _ = to_python(source)
    assert len(code.splitlines()) == len(source.splitlines())
    assert analyse_cell(source).def_lines == {"x": 3, "z": 5}
    assert not dynamic


@pytest.mark.parametrize(
    "source",
    ["from pylab import *", "%run helpers.py", "exec('q = 1')", "globals()['w'] = 2", "%store -r"],
)
def test_dynamic_definitions_are_flagged(source):
    assert analyse_cell(source).dynamic


def test_unparsable_cell_is_read_statement_by_statement():
    source = "x = 1\ny = (\nprint(x\nz = 2\ndef g():\n    return 1\nw = 3 +\nimport json as js"
    info = analyse_cell(source)
    assert not info.parsed
    assert {"x", "z", "g", "js"} <= info.defines
    assert {"y", "w"} <= info.defines  # from the line fallback


def test_unparsable_python2_cell():
    info = analyse_cell("import os\nprint 'hello'\ncount = 3\nexec 'x = 1'")
    assert not info.parsed
    assert {"os", "count"} <= info.defines


def test_syntax_error_inside_a_block_keeps_the_rest():
    info = analyse_cell("threshold = 0.5\nif threshold > 0.3\n    label = 'high'\nfinal = 1")
    assert {"threshold", "final"} <= info.defines
    assert "label" not in info.defines  # indented: would only bind inside the broken block


@pytest.mark.parametrize(
    ("source", "name", "kind"),
    [
        ("df = df.drop(columns=['a'])", "df", "reassign"),
        ("x = x.T", "x", "reassign"),
        ("x = x.reshape(3, 4).T", "x", "reassign"),
        ("df = df.reset_index()", "df", "reassign"),
        ("df = df.set_index('id')", "df", "reassign"),
        ("df.drop(columns=['a'], inplace=True)", "df", "inplace"),
        ("df.set_index('id', inplace=True)", "df", "inplace"),
        ("obj.count = obj.count + 1", "obj", "reassign"),
        ("X, y = X[1:], y[1:]", "X", "reassign"),
        ("df['a'] = df['a'] * 2", "df", "reassign"),
        ("df['a'].where(df['a'] > 0, 1, inplace=True)", "df", "inplace"),
        ("count += 1", "count", "augmented"),
        ("del d['k']", "d", "del"),
        ("del gone", "gone", "del"),
        ("lst.append(3)", "lst", "method"),
        ("model.add(Dense(3))", "model", "method"),
        ("for v in vs:\n    xs.append(v)", "xs", "method"),
    ],
)
def test_changes_of_a_carried_value(source, name, kind):
    mutations = analyse_cell(source).mutations_of(name)
    assert [m.kind for m in mutations] == [kind]
    assert not mutations[0].idempotent
    assert mutations[0].line >= 1 and mutations[0].text


@pytest.mark.parametrize(
    "source",
    [
        "xs = []\nfor v in vs:\n    xs.append(v)",
        "df = load()\ndf = df.drop(columns=['a'])",
        "n = 0\nn += 1",
        "df = df2.copy()",
        "df = df.dropna()",
        "df = df.fillna(0).astype(int)",
        "X = X.reshape(-1, 1)",
        "df = df.reset_index(drop=True)",
        "df.dropna(inplace=True)",
        "df.sort_values('a', inplace=True)",
        "df['total'] = df['a'] + df['b']",  # writes a column it does not read
        "model.name = model.base + '_v2'",
        "df.drop(columns=['a'])",  # returns a copy: no change
        "def f():\n    state.append(1)",  # only when called, and not a cell-level change
    ],
)
def test_rerunnable_cells_have_no_rerun_changes(source):
    assert analyse_cell(source).rerun_changes == ()


def test_idempotent_changes_are_still_changes():
    # Harmless to re-run, but a cell above that relied on the old column sees it gone.
    (mutation,) = analyse_cell("df.rename(columns={'a': 'b'}, inplace=True)").mutations
    assert mutation.idempotent and mutation.kind == "inplace"
    assert analyse_cell("df = df.dropna()").mutations[0].idempotent


@pytest.mark.parametrize(
    ("source", "idempotent"),
    [
        # a re-run repeats these to the same result: no reason for a "ran more than once" hint
        ("x = x", True),
        ("criterion = criterion.to(device)", True),
        ("df['Date'] = pd.to_datetime(df['Date'])", True),
        ("df['a'] = df['a'].fillna(df['a'].mean())", True),
        ("df['a'].fillna(df['a'].mean(), inplace=True)", True),
        # a re-run changes these again
        ("df['a'] = df['a'] * 2", False),
        ("df['r'] = df['r'].apply(lambda x: int(x[:-1]))", False),
        ("df.drop('a', axis=1, inplace=True)", False),
        ("x = x + 1", False),
    ],
)
def test_what_a_rerun_repeats_harmlessly(source, idempotent):
    (mutation,) = analyse_cell(source).mutations
    assert mutation.idempotent is idempotent


def test_a_harmless_change_below_the_failing_line_is_what_a_rerun_reads():
    # The last run turned the column into floats; this run's `.replace` on line 1 reads them.
    first = "df['D'] = df['D'].apply(lambda x: x.replace('%', ''))"
    source = f"{first}\ndf['D'] = df['D'].astype(float)"
    astype = analyse_cell(source).mutations[-1]
    assert astype.idempotent and not repeats_harmlessly(astype, source, first)
    assert repeats_harmlessly(astype, source, "df['D'] = df['D'].astype(float)")
    # ... but a change of another column below it is not read by the failing line
    source = "df['a'] = df['a'].fillna(0)\ndf['b'] = df['b'].fillna(0)"
    other = analyse_cell(source).mutations[-1]
    assert repeats_harmlessly(other, source, "df['a'] = df['a'].fillna(0)")


def test_strings_and_key_stores():
    info = analyse_cell("row['y'] = row['x'] * 2\nprint('done')")
    assert {"y", "x", "done"} <= info.strings
    assert ("row", "y") in info.key_stores


def test_analysis_is_cached_by_source_but_not_for_huge_cells():
    source = "cached_name = 1  # unique"
    assert analyse_cell(source) is analyse_cell(source)
    huge = "big = 1\n" + "# filler\n" * 2000
    assert analyse_cell(huge) is not analyse_cell(huge)
    assert analyse_cell(huge) == analyse_cell(huge)


@pytest.mark.parametrize(
    "source",
    ["", "   \n\n", "# just a comment", "'''unterminated", "(" * 500 + ")" * 500, "\x00", "é = 1"],
)
def test_odd_sources_never_raise(source):
    analyse_cell(source)


def test_one_parse_per_cell_text_for_the_analysis_and_the_fix_builder():
    from jupyterlab_nbcrash.diagnosis import cells, fix_edits

    cells.clear_cache()
    source = "import pandas as pd\ndf = pd.read_csv('x.csv')\nfor i in range(3):\n    n = i"
    analyse_cell(source)
    tree = cells.python_tree(to_python(source)[0])
    assert fix_edits._tree(source) is tree  # the fix builder reads the analysis' tree
    assert fix_edits.bound_names(source) == {"pd", "df", "i", "n"}
    # IPython lines: the two readers blank them differently, each gets its own (right) tree.
    magic = "%time x = f()\ny = x"
    assert fix_edits._tree(magic) is not cells.python_tree(to_python(magic)[0])
    assert fix_edits.bound_names(magic) == {"y"} and analyse_cell(magic).defines == {"x", "y"}
    assert cells.python_tree("x = (") is None
    long = "x = 1\n" * (cells.TREE_SOURCE_LIMIT // 6 + 1)  # too long to keep: parsed each time
    assert cells.python_tree(long) is not cells.python_tree(long)
