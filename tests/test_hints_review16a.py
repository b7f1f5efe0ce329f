"""Review of waves w21a and w21b's conditions: for each one narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash it was made for still does:

- `.iloc[grid['score'].idxmax()]`: the quoted text is a column read inside the indexer, not the
  position given; and `.iloc[rows[0], 'price']` gives text beside a subscript;
- `df = df.drop(columns=[...])` inside the loop over positions drops a column, not rows;
- a mask reduced with `axis=1` already holds one value per row: the array changed after it;
- `y=groups['rates']` passes a list of column names, no values;
- `codecs.decode(raw, 'ascii')`: the bytes are `raw`, not the module `codecs`;
- `import fontTools`: a package of its own, no two-letter slip of `functools`;
- a model imported from scikit-learn in parentheses is still scikit-learn's;
- `plt.pie(sizes, explode)`: the explode was meant;
- a `def` body's local name is no assignment of the crashing cell;
- `import Cython`: Cython installs both cases, no case slip;
- `.iat['b', 0]` in `.iat`'s own words gets the text-position hint too.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions28 import _hint
from tests.test_hints_conditions100 import (
    DATES,
    ILOC,
    ILOC_TUPLE,
    LOCATION,
    LOOP,
    MASK_MESSAGE,
    PANDAS_INDEXING,
    PLOT,
    _cell_hint,
)
from tests.test_hints_conditions101 import _DRAW, _TOO_LARGE

# --------------------------------------------------------------- `.iloc` given text

NON_INTEGER = "Cannot index by location index with a non-integer key"
ILOC_AXIS = [
    (PANDAS_INDEXING, "_LocationIndexer.__getitem__", "return self._getitem_axis(maybe_callable)"),
    (PANDAS_INDEXING, "_iLocIndexer._getitem_axis", f'raise TypeError("{NON_INTEGER}")'),
]


def test_a_quote_inside_the_iloc_indexers_own_subscript_is_no_text_position():
    code = "x = 1\nbest = grid.iloc[grid['score'].idxmax()]"
    text = _cell_hint("TypeError", NON_INTEGER, code, 2, ILOC_AXIS)
    assert "gives it text" not in text, text
    code = "x = 1\nbest = grid.iloc['b']"
    text = _cell_hint("TypeError", NON_INTEGER, code, 2, ILOC_AXIS)
    assert "`grid.iloc[...]` takes whole-number positions" in text, text


def test_text_beside_a_subscripted_position_is_still_text():
    code = "x = 1\nprice = grid.iloc[rows[0], 'price']"
    text = _cell_hint("ValueError", LOCATION, code, 2, ILOC_TUPLE)
    assert "`grid.iloc[...]` takes whole-number positions" in text, text


# -------------------------------------- a frame that loses rows in the loop over its positions


def test_columns_dropped_inside_the_loop_lose_no_rows():
    for drop in (
        "            songs = songs.drop(columns=['tmp'])",
        "            songs.drop('tmp', axis=1, inplace=True)",
    ):
        code = LOOP.format(drop=drop)
        text = _cell_hint("IndexError", "single positional indexer is out-of-bounds", code, 3, ILOC)
        assert "loses rows" not in text, text
    code = LOOP.format(drop="            songs.drop(songs.index[j], axis=0, inplace=True)")
    text = _cell_hint("IndexError", "single positional indexer is out-of-bounds", code, 3, ILOC)
    assert "`songs` loses rows inside the loop" in text, text


# ---------------------------------------------- a mask reduced along the wrong axis


def test_a_mask_reduced_to_one_value_per_row_is_not_told_to_reduce_the_other_axis():
    for axis in ("1", "-1"):
        code = f"hot = (temps > 30).any(axis={axis})\ntemps = temps[:4]\ntemps[hot]"
        text = _cell_hint("IndexError", MASK_MESSAGE, code, 3)
        assert "reduce along the other axis" not in text, text
    text = _cell_hint("IndexError", MASK_MESSAGE, "hot = (temps > 30).any(axis=0)\ntemps[hot]", 2)
    assert "`hot` reduces `temps` along an axis" in text, text


# ----------------------------------------------- `DataFrame.plot(y=...)` gives values

RATES = "\"None of [Index(['birth_rate', 'death_rate'], dtype='object')] are in the [columns]\""


def test_a_list_of_names_looked_up_in_a_dict_is_no_values():
    code = (
        "groups = {'rates': ['birth_rate', 'death_rate']}\nstats.plot(x='year', y=groups['rates'])"
    )
    text = _cell_hint("KeyError", RATES, code, 2, PLOT)
    assert "gives it values" not in text, text
    code = "x = 1\nsales.plot.hist(y=sales['units'])"
    text = _cell_hint("KeyError", DATES, code, 2, PLOT)
    assert "`y=sales['units']` gives it values" in text, text
    code = "daily = pd.read_csv('daily.csv')\nsales.plot(x='day', y=daily['units'])"
    text = _cell_hint("KeyError", DATES, code, 2, PLOT)
    assert "`y=daily['units']` gives it values" in text, text


# ------------------------------------------------- bytes the notebook's line decodes

ASCII = "'ascii' codec can't decode byte 0xe9 in position 3: ordinal not in range(128)"


def test_codecs_decode_names_the_bytes_it_was_given_not_the_module():
    text = _cell_hint("UnicodeDecodeError", ASCII, "x = 1\ntext = codecs.decode(raw, 'ascii')", 2)
    assert "`codecs` holds bytes" not in text and "`raw` holds bytes" in text, text
    text = _cell_hint("UnicodeDecodeError", ASCII, "x = 1\ntext = raw.decode('ascii')", 2)
    assert "`raw` holds bytes that are not ascii text" in text, text


# ----------------------------------------------- a long module name two letters off


def test_a_package_two_letters_off_a_standard_module_is_not_told_it_meant_it():
    for module in ("fontTools", "contextkit"):
        message = f"No module named '{module}'"
        text = _cell_hint("ModuleNotFoundError", message, f"x = 1\nimport {module}", 2)
        assert "did you mean" not in text, text
    message = "No module named 'mayploylib'"
    text = _cell_hint("ModuleNotFoundError", message, "x = 1\nimport mayploylib", 2)
    assert "did you mean `matplotlib`" in text, text


# ------------------------------------- a search's attribute read of the model it chose

BEST_SCORE = "'RandomForestClassifier' object has no attribute 'best_score_'"
SEARCH = (
    "\nfrom sklearn.model_selection import GridSearchCV\n"
    "grid = GridSearchCV(RandomForestClassifier(), params)\n"
    "rf = grid.best_estimator_\nprint(rf.best_score_)"
)


def test_a_model_imported_in_parentheses_is_still_scikit_learns():
    for imports in (
        "from sklearn.ensemble import (\n    GradientBoostingClassifier,\n"
        "    RandomForestClassifier,\n)",
        "from sklearn.ensemble import GradientBoostingClassifier, \\\n    RandomForestClassifier",
        "from sklearn.ensemble import RandomForestClassifier",
    ):
        code = imports + SEARCH
        text = _cell_hint("AttributeError", BEST_SCORE, code, len(code.splitlines()))
        assert "exists only after fitting" not in text, text
        assert "read it from the fitted search object, `grid.best_score_`" in text, text


# ------------------------------------------------------------------ pie's `explode`


def test_a_pie_given_its_explode_on_purpose_is_not_told_it_passed_explode_by_mistake():
    code = (
        "explode = (0, 0.1, 0, 0)\n"
        "plt.figure(figsize=(len(df), 6))\n"
        "plt.pie(sizes, explode, labels=labels, autopct='%1.1f%%')"
    )
    text = _hint("ValueError", _TOO_LARGE, code, [_DRAW])
    assert "passes `explode` as pie's second argument" not in text, text
    text = _hint("ValueError", _TOO_LARGE, "plt.pie(revenue, expenses)", [_DRAW])
    assert "passes `expenses` as pie's second argument, `explode`" in text, text


# ------------------------------------------------ a name assigned by the cell just above


def test_a_functions_local_name_is_no_assignment_of_the_cell():
    code = "def prepare():\n    report = checker.run()\n    return report\n\nprepare()\nreport[0]"
    parsed = crash("TypeError", "'Report' object is not subscriptable", "report[0]", code=code)
    assert "this cell's assignment above" not in hint(parsed), hint(parsed)
    code = "def prepare():\n    return checker\n\nreport = prepare().run()\nreport[0]"
    parsed = crash("TypeError", "'Report' object is not subscriptable", "report[0]", code=code)
    assert "this cell's assignment above" in hint(parsed), hint(parsed)


# ---------------------------------------------- a module name that differs only in case


def test_a_package_installing_both_cases_is_not_told_to_change_the_case():
    for line in ("import Cython", "from Cython.Build import cythonize"):
        message = "No module named 'Cython'"
        text = _cell_hint("ModuleNotFoundError", message, f"x = 1\n{line}", 2)
        assert "case-sensitive" not in text, text
    message = "No module named 'Quandl'"
    text = _cell_hint("ModuleNotFoundError", message, "x = 1\nimport Quandl", 2)
    assert "case-sensitive, and the module is `quandl`" in text, text


def test_iat_given_text_in_iats_own_words_is_told_positions_are_numbers():
    message = "iAt based indexing can only have integer indexers"
    frames = [(PANDAS_INDEXING, "_iAtIndexer._convert_key", f'raise ValueError("{message}")')]
    text = _cell_hint("ValueError", message, "x = 1\nv = grid.iat['b', 0]", 2, frames)
    assert "`grid.iat[...]` takes whole-number positions" in text and "grid.at[" in text, text
    text = _cell_hint("ValueError", message, "x = 1\nv = grid.iat[row, col]", 2, frames)
    assert "gives it text" not in text, text
