"""Templates speak only where their conditions hold (issue 12, sixth round: keys, cannot_convert,
positional arguments, out_of_range, not_callable): each test pairs a crash where a template must
speak with one where it must not, or shows the safe hint taking over.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash
from tests.test_hints_args import hint as hint_of
from tests.test_hints_objects import SITE, frame, hint

GET = frame(f"{SITE}/pandas/core/frame.py", "DataFrame.__getitem__", "indexer = ...")
LOC = frame(f"{SITE}/pandas/core/indexing.py", "_LocationIndexer.__getitem__", "return ...")
LOC_AXIS = frame(f"{SITE}/pandas/core/indexing.py", "_LocIndexer._getitem_axis", "return ...")
GET_LOC = frame(f"{SITE}/pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key)")
DROP = frame(f"{SITE}/pandas/core/generic.py", "NDFrame.drop", "obj = obj._drop_axis()")
SLICE = frame(f"{SITE}/pandas/core/indexes/base.py", "Index.get_slice_bound", "raise err")

# --------------------------------------------------- 1. keys: what pandas' sentence names


@pytest.mark.parametrize(
    ("message", "line", "frames", "says"),
    [
        (
            "'Column not found: height'",
            "df.hist(column='height', by='kind')",
            [frame(f"{SITE}/pandas/core/base.py", "SelectionMixin.__getitem__")],
            "no column or label 'height'",
        ),
        ("'the label [Oslo] is not in the [index]'", "df.loc['Oslo']", [LOC], "'Oslo' was"),
        ("'[3] not found in axis'", "df = df.drop(cols[0], axis=1)", [DROP], "no column 3:"),
    ],
)
def test_a_key_inside_pandas_sentence_is_the_key_not_the_sentence(message, line, frames, says):
    text = hint("KeyError", message, line, frames)
    assert says in text and "not found" not in text and "is not in the" not in text, text


def test_a_key_error_that_carries_a_message_gets_the_safe_hint():
    message = "'Exception encountered when calling Sequential.call().\\n\\nArguments received'"
    frames = [frame(f"{SITE}/keras/src/ops/function.py", "Function._run_through_graph")]
    text = hint("KeyError", message, "model.fit(X, y)", frames)
    assert "There is no key" not in text, text


# ------------------------------------------------- 2. keys that are no name of a column


def test_a_comma_in_single_brackets_is_a_tuple_key_and_a_plain_missing_column_is_not():
    text = hint("KeyError", "('price', 'area')", "df['price', 'area'].plot()", [GET, GET_LOC])
    assert "one tuple key" in text and "df[['a', 'b']]" in text, text
    text = hint("KeyError", "'price'", "df['price'].plot()", [GET, GET_LOC])
    assert "tuple" not in text and "`df.columns`" in text, text


def test_a_dtype_as_key_comes_from_a_loop_over_dtypes():
    text = hint("KeyError", "dtype('int64')", "df[c] = df[c].astype(str)", [GET, GET_LOC])
    assert "loop over `df.dtypes`" in text, text


@pytest.mark.parametrize(
    ("message", "says"),
    [
        (
            '"None of [Float64Index([0.5, 1.5, 2.5, 0.5, 3.0, 1.0, 0.5, 2.0, 1.5, 4.0], '
            "dtype='float64')] are in the [columns]\"",
            "data values (0.5, 1.5",
        ),
        ("\"None of [Index([None], dtype='object')] are in the [columns]\"", "is None"),
    ],
)
def test_values_or_none_asked_as_columns_are_no_names(message, says):
    text = hint("KeyError", message, "df[df['rate']].head()", [GET])
    assert says in text and "another frame" not in text, text


def test_a_few_numbers_may_be_real_column_labels():
    message = "\"None of [Int64Index([5, 6], dtype='int64')] are in the [columns]\""
    text = hint("KeyError", message, "df[[5, 6]]", [GET])
    assert "data values" not in text, text


def test_a_slice_by_labels_is_told_as_rows_or_as_an_unsorted_index():
    text = hint("KeyError", "'height'", "df['height':'weight']", [GET, SLICE])
    assert "slices rows, not columns" in text and "df.loc[:, 'height':…]" in text, text
    text = hint("KeyError", "'Ba'", "df.loc['Ba':'Bo']", [LOC, SLICE])
    assert "sorted index" in text and "not the columns" not in text, text


def test_a_set_element_a_format_field_and_a_strings_letter_are_told_as_such():
    text = hint("KeyError", "7", "seen.remove(7)")
    assert "`seen.discard(...)`" in text and "'7'" not in text, text
    text = hint("KeyError", "'%'", 'print("rate = {%.2f}".format(r))')
    assert "field named '%'" in text and "`{:.3f}`" in text, text
    frames = [frame("/home/ana/project/metrics.py", "score_all", "v = df[m]"), GET]
    text = hint("KeyError", "'l'", 'report(frame, "loss")', frames)
    assert "first letter of 'loss'" in text, text


def test_an_integer_key_of_a_dataframe_is_a_column_and_of_a_series_a_label():
    text = hint("KeyError", "0", "parts = tbl[0].str.split(',')", [GET, GET_LOC])
    assert "`tbl[0]` looks up a column labelled 0" in text and "tbl.iloc[:, 0]" in text, text
    series = frame(f"{SITE}/pandas/core/series.py", "Series.__getitem__", "return ...")
    text = hint("KeyError", "0", "first = s[0]", [series, GET_LOC])
    assert "not the position 0" in text, text


# ------------------------------------------ 3. keys: removed by the cell, rows of .loc


def test_a_key_read_inside_a_drop_call_is_not_what_it_removes():
    line = "df.drop(df.loc['2021'], axis=1, inplace=True)"
    text = hint("KeyError", "'2021'", line, [LOC, LOC_AXIS, GET_LOC])
    assert "removes" not in text and "row labels" in text, text


def test_a_frame_rebuilt_earlier_in_the_cell_is_no_rerun():
    line = "data = data.drop(['Unnamed: 0'], axis=1)"
    message = "\"['Unnamed: 0'] not found in axis\""
    text = hint("KeyError", message, line, [DROP], before="data = raw.copy()")
    assert "already gone" not in text and "ran before" not in text, text


def test_a_loc_along_the_rows_says_rows_for_a_label_from_a_variable():
    message = "\"['0042'] not in index\""
    text = hint("KeyError", message, "vals = tbl.loc[other.index]", [LOC, LOC_AXIS])
    assert "among the row labels" in text and "`df.columns`" not in text, text
    text = hint("KeyError", "'North'", "df.loc[('North')]", [LOC, LOC_AXIS, GET_LOC])
    assert "row labels" in text, text


def test_drop_of_labels_from_a_variable_does_not_guess_columns():
    message = "\"['norway'] not found in axis\""
    text = hint("KeyError", message, "df.drop(nor)", [DROP])
    assert "print what you passed" in text and "columns=['norway']" not in text, text
    text = hint("KeyError", message, "df.drop('norway')", [DROP])
    assert "columns=['norway']" in text, text


def test_a_row_the_notebook_added_is_not_dropped_among_the_columns():
    message = "\"['Q'] not found in axis\""
    line = "df.drop('Q', axis=1)"
    text = hint("KeyError", message, line, [DROP], before="df.loc['Q'] = [1, 2, 3]")
    assert "'Q' is a row label" in text and "`.drop('Q')`" in text, text
    text = hint("KeyError", message, line, [DROP], before="df['Q'] = 0")
    assert "row label" not in text, text


def test_a_key_looked_up_deep_in_a_library_by_no_name_of_the_line_gets_the_safe_hint():
    frames = [
        frame("/home/ana/tools/loader.py", "open_var"),
        frame(f"{SITE}/xarray/core/utils.py", "Frozen.__getitem__", "return self.mapping[key]"),
    ]
    text = hint("KeyError", "'lat_t'", "    chunks=None,", frames)
    assert "There is no key" not in text, text


# ------------------------------------------------------------- 4. values.cannot_convert


SNS = frame(f"{SITE}/seaborn/categorical.py", "_CategoricalPlotter.establish_variables")


@pytest.mark.parametrize(
    ("message", "line", "frames", "says"),
    [
        ("could not convert string to float: '-f'", "n = float(sys.argv[1])", [], "sys.argv"),
        (
            "could not convert string to float: 'X'",
            "km.fit('X')",
            [frame(f"{SITE}/sklearn/base.py", "fit")],
            "not its name in quotes",
        ),
        (
            "could not convert string to float: 'red'",
            "sns.countplot(df['color'])",
            [frame(f"{SITE}/seaborn/categorical.py", "countplot"), SNS],
            "sns.countplot(x=df['color'])",
        ),
        (
            "could not convert string to float: 'Mon'",
            "sns.heatmap(days, cmap='Reds')",
            [frame(f"{SITE}/seaborn/matrix.py", "heatmap")],
            "`days.pivot(",
        ),
        (
            'time data "1970-01-01 00:00:00.019990101" doesn\'t match format "%Y%m%d"',
            "df['d'] = pd.to_datetime(df['d'].astype(str), format='%Y%m%d')",
            [frame(f"{SITE}/pandas/core/tools/datetimes.py", "to_datetime")],
            "already a date",
        ),
    ],
)
def test_text_that_comes_from_the_line_itself_is_told_where_it_comes_from(
    message, line, frames, says
):
    text = hint("ValueError", message, line, frames)
    assert says in text and "encode that column" not in text, text


def test_a_library_parsing_hexadecimal_gets_the_safe_hint():
    message = "invalid literal for int() with base 16: 'a9f3c2-7'"
    frames = [frame(f"{SITE}/s3fs/core.py", "_info")]
    text = hint("ValueError", message, "dd.read_parquet('s3://b/*.parquet')", frames)
    assert "identifier" not in text and "column" not in text, text


def test_pieces_of_a_split_line_and_one_value_are_no_column():
    line = "vec = np.asarray(parts[1:], dtype='float32')"
    numpy = [frame(f"{SITE}/numpy/core/numeric.py", "asarray")]
    text = hint(
        "ValueError",
        "could not convert string to float: '.'",
        line,
        numpy,
        before="parts = row.split()",
    )
    assert "`.split()`" in text and "encode" not in text, text
    text = hint("ValueError", "could not convert string to float: 'ab cd'", "v = float(t[0][1])")
    assert "cannot convert it" in text and "encode" not in text, text


# ------------------------------------------------------------ 5. arguments.positional


@pytest.mark.parametrize(
    ("message", "line", "says"),
    [
        ("predict() missing 1 required positional argument: 'params'", "m.predict()", "m.fit()"),
        (
            "__init__() missing 2 required positional arguments: 'op' and 'value_index'",
            "t = tf.Tensor(values)",
            "tf.constant(value)",
        ),
        ("split_at() takes 3 positional arguments but 5 were given", "split_at(*bounds)", "len("),
        (
            "__init__() takes from 1 to 2 positional arguments but 3 were given",
            "out = nn.LogSoftmax(z, 1)",
            "nn.LogSoftmax(...)(z)",
        ),
        (
            "__init__() takes 1 positional argument but 2 were given",
            "a = Account(owner)",
            "besides `self`",
        ),
    ],
)
def test_the_line_tells_why_the_count_of_arguments_is_wrong(message, line, says):
    text = hint_of(crash("TypeError", message, line))
    assert says in text and "pass the optional ones by name" not in text, text


def test_a_positional_argument_that_fills_a_named_one_is_not_just_given_twice():
    line = "pd.concat(a, b, axis=1)"
    text = hint_of(crash("TypeError", "concat() got multiple values for argument 'axis'", line))
    assert "already lands in `axis`'s place" in text, text
    line = "plot(x=1, axis=0, **kw)"
    text = hint_of(crash("TypeError", "plot() got multiple values for argument 'axis'", line))
    assert "remove one" in text, text


def test_a_method_of_an_imported_capitalised_name_is_called_on_the_class():
    code = "from imputers import KNN\nKNN.fill(np.array(d))"
    message = "fill() missing 1 required positional argument: 'X'"
    text = hint_of(crash("TypeError", message, "KNN.fill(np.array(d))", code=code))
    assert "called on the class `KNN`" in text, text


# --------------------------------------------------------------- 6. indexes.out_of_range


@pytest.mark.parametrize(
    ("line", "message", "says", "never"),
    [
        ("v[1, 3]", "index 3 is out of bounds for axis 1 with size 3", "off-by-one", "column"),
        (
            "plt.plot(a[:, 0], a[:, 1])",
            "index 1 is out of bounds for axis 1 with size 1",
            "only 1 column",
            "off-by-one",
        ),
        (
            "ax = axes[i // 3, i % 3]",
            "index 3 is out of bounds for axis 0 with size 3",
            "0 to 2",
            "off-by-one",
        ),
    ],
)
def test_an_off_by_one_only_for_the_index_the_line_writes(line, message, says, never):
    text = hint_of(crash("IndexError", message, line))
    assert says in text and never not in text, text


def test_a_mask_made_from_dtypes_selects_columns():
    message = (
        "Unalignable boolean Series provided as indexer (index of the boolean Series and of "
        "the indexed object do not match)."
    )
    text = hint_of(crash("IndexingError", message, "df[df.dtypes != 'object']"))
    assert "df.loc[:, mask]" in text and "another length" not in text, text
    text = hint_of(crash("IndexingError", message, "a[b['x'] > 0]"))
    assert "other index labels" in text and "another length" not in text, text


# ----------------------------------------------------------------- 7. types.not_callable


def test_index_of_a_pandas_object_is_no_list_method():
    text = hint_of(crash("TypeError", "'Int64Index' object is not callable", "i = s.index(max(s))"))
    assert ".idxmax()" in text and "hide" not in text, text


def test_a_called_module_is_named_and_a_decorated_def_gets_the_safe_hint():
    text = hint_of(crash("TypeError", "'module' object is not callable", "v = treeviz(m, X)"))
    assert "`treeviz` is a module" in text and "tqdm" not in text, text
    code = "@cuda.jit(device=True)\ndef step(a):\n    return a\n\nout = step(x)"
    message = "'DeviceFunctionTemplate' object is not callable"
    text = hint_of(crash("TypeError", message, "out = step(x)", code=code))
    assert "hide" not in text, text
    text = hint_of(crash("TypeError", "'Image' object is not callable", "im = open_it(p)(q)"))
    assert "hide" in text, text


def test_of_two_calls_the_one_no_module_holds_is_the_value_called():
    line = "pd.concat([cars, flags(cars.origin)])"
    code = f"import pandas as pd\nflags = pd.get_dummies(cars.origin)\n{line}"
    text = hint_of(crash("TypeError", "'DataFrame' object is not callable", line, code=code))
    assert "`flags` holds a `DataFrame`" in text, text
