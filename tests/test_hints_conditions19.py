"""Conditions of the key, value, shape, feature and data-value templates, nineteenth round:
each names the axis, the frame, the argument or the producer that the crash shows, and says
nothing where the crash does not show it.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

from dataclasses import replace

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

_DROP = [
    (f"{SITE}/pandas/core/frame.py", "drop"),
    (f"{SITE}/pandas/core/generic.py", "drop"),
    (f"{SITE}/pandas/core/generic.py", "_drop_axis"),
    (f"{SITE}/pandas/core/indexes/base.py", "drop"),
]
_FRAME_GET = [
    (f"{SITE}/pandas/core/frame.py", "__getitem__"),
    (f"{SITE}/pandas/core/indexes/base.py", "get_loc"),
]
_SERIES_GET = [
    (f"{SITE}/pandas/core/series.py", "__getitem__"),
    (f"{SITE}/pandas/core/series.py", "_get_value"),
    (f"{SITE}/pandas/core/indexes/base.py", "get_loc"),
]
_LOC_GET = [
    (f"{SITE}/pandas/core/indexing.py", "__getitem__"),
    (f"{SITE}/pandas/core/indexing.py", "_getitem_axis"),
    (f"{SITE}/pandas/core/indexes/base.py", "get_loc"),
]


# ------------------------------------------------------------------- keys: which axis, which frame


def test_a_drop_along_the_rows_points_to_the_index_and_its_label_types():
    text = hint(crash("KeyError", "'[7] not found in axis'", "sales.drop(7, axis=0)", _DROP))
    assert "`sales.index`" in text and "the number 7 is not the text '7'" in text, text
    assert "columns" not in text, text


def test_a_drop_along_the_columns_names_the_frame_dropped_from():
    line = "clean = clean.drop(raw.columns[0], axis=1)"
    text = hint(crash("KeyError", "'[0] not found in axis'", line, _DROP))
    assert "`clean` has no column 0" in text and "`raw.columns`" in text, text
    message = "\"['Zip'] not found in axis\""
    same = hint(crash("KeyError", message, "t.drop(['Zip'], axis=1)", _DROP))
    assert "print `t.columns`" in same and "`raw" not in same, same


def test_a_second_run_of_an_inplace_row_drop_points_to_the_index():
    line = "cars.drop(['Fiat', 'Opel'], axis=0, inplace=True)"
    text = hint(crash("KeyError", "\"['Fiat', 'Opel'] not found in axis\"", line, _DROP))
    assert "already removed it" in text and "`cars.index`" in text, text
    columns = line.replace("axis=0", "axis=1")
    said = hint(crash("KeyError", "\"['Fiat', 'Opel'] not found in axis\"", columns, _DROP))
    assert "already removed it" in said and "print the columns" in said, said


def test_an_inplace_drop_without_an_axis_is_no_second_run():
    # no axis: drop searched the rows, where a column's name never was; a re-run explains nothing
    line = "df.drop('Cabin', inplace=True)"
    text = hint(crash("KeyError", "\"['Cabin'] not found in axis\"", line, _DROP))
    assert "already removed" not in text and "columns=" in text, text


def test_a_loc_inside_drop_is_told_to_pass_the_labels_themselves():
    line = 'df.drop(df.loc["A,B"], axis=1, inplace=True)'
    text = hint(crash("KeyError", "'A,B'", line, _LOC_GET))
    assert "`df.drop(columns=['A', 'B'])`" in text and "df[df['col']" not in text, text


def test_a_row_of_iterrows_is_labelled_by_the_frames_columns():
    code = "for _, rec in table.iterrows():\n    send(rec['town'])"
    text = hint(crash("KeyError", "'town'", "    send(rec['town'])", _SERIES_GET, code=code))
    assert "`table` has no column 'town'" in text and "filter the Series" not in text, text
    plain = hint(crash("KeyError", "'town'", "send(rec['town'])", _SERIES_GET))
    assert "is a Series here" in plain, plain


def test_a_row_label_asked_for_among_the_columns_is_told_to_use_loc():
    parsed = crash("KeyError", "'Ann'", "people['Ann']", _FRAME_GET)
    seen = replace(parsed, notebook_code=("people = pd.DataFrame(rows, index=['Ann', 'Bo'])",))
    assert "`people.loc['Ann']`" in hint(seen), hint(seen)
    read = replace(parsed, notebook_code=("people.loc['Ann', 'age']",))
    assert "`people.loc['Ann']`" in hint(read), hint(read)
    # nothing in the notebook makes 'Ann' a row: the column's spelling is what to check
    assert "print `people.columns`" in hint(parsed), hint(parsed)


def test_a_tuple_written_in_parentheses_is_no_mistyped_list_of_columns():
    line = "visits[(name, len(visits[m]))]"
    text = hint(crash("KeyError", "('Lima', 42)", line, _FRAME_GET))
    assert "pass a list" not in text and "not a pair of values" in text, text
    typed = hint(crash("KeyError", "('a', 'b')", "df['a', 'b']", _FRAME_GET))
    assert "`df[['a', 'b']]`" in typed, typed


# ------------------------------------------------------- values: what the line and message show


def test_a_call_passes_the_arguments_of_its_own_parentheses_not_of_its_receivers():
    frames = [
        (f"{SITE}/explorer/core.py", "summary"),
        (f"{SITE}/seaborn/distributions.py", "distplot"),
    ]
    line = "tools.Explorer().summary(data=df, y='id')"
    text = hint(crash("ValueError", "cannot convert float NaN to integer", line, frames))
    assert "passes no arguments" not in text, text


def test_an_own_raise_is_not_told_to_do_what_its_message_says():
    cell = "a = input('n?')\nif type(a) != int:\n    raise ValueError('please enter a number')"
    text = hint(
        crash(
            "ValueError",
            "please enter a number",
            "    raise ValueError('please enter a number')",
            code=cell,
        )
    )
    assert "Do what the message says" not in text and "condition" in text, text


def test_an_unfed_placeholder_on_a_line_that_feeds_one_points_to_an_older_graph():
    message = "You must feed a value for placeholder tensor 'Placeholder_3' with dtype float"
    frames = [(f"{SITE}/tensorflow/python/client/session.py", "_do_call")]
    line = "sess.run(step, feed_dict={x: xs, y: ys})"
    text = hint(crash("InvalidArgumentError", message, line, frames))
    assert "`tf.reset_default_graph()`" in text and "else add it" in text, text
    bare = hint(crash("InvalidArgumentError", message, "sess.run(step)", frames))
    assert "reset_default_graph" not in bare, bare


_SEVERAL = (
    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
)


def test_membership_tested_as_a_second_list_item_reads_as_a_comprehension_without_for():
    lines = ("sq = [v * 2, v in values]", "found = v in values")
    slip, plain = (hint(crash("ValueError", _SEVERAL, line)) for line in lines)
    assert "`[v * 2 for v in values]`" in slip and "array_equal" not in slip, slip
    assert "array_equal" in plain, plain


def test_an_array_of_several_values_is_not_told_to_take_its_item():
    cell = "act = np.dot(x, w0)\nif act >= 0:\n    grow()"
    text = hint(crash("ValueError", _SEVERAL, "if act >= 0:", code=cell))
    assert ".item()" not in text and "`act = np.dot(x, w0)`" in text, text


def test_a_method_called_without_arguments_tested_the_values_it_works_on():
    message = "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any()"
    frames = [
        (f"{SITE}/pandas/core/series.py", "mode"),
        (f"{SITE}/numpy/core/fromnumeric.py", "sort"),
        (f"{SITE}/pandas/core/generic.py", "__nonzero__"),
    ]
    text = hint(crash("ValueError", message, "names[mask].mode()[0]", frames))
    assert "`.mode()` is given no argument" in text and "arguments probably" not in text, text
    given = hint(
        crash(
            "ValueError",
            message,
            "names.fillna(other)",
            [(f"{SITE}/pandas/core/generic.py", "fillna")],
        )
    )
    assert "one of its arguments" in given, given


# ---------------------------------------------------------- features: which fit, which sample


_COUNT = "X has 4 features, but RandomForestClassifier is expecting 3 features as input."
_FOREST = [(f"{SITE}/sklearn/ensemble/_forest.py", "predict")]


def test_a_sample_typed_by_hand_is_told_to_give_one_value_per_column():
    cell = (
        "clf.fit(X_train, y_train)\nnew = np.array([1, 0, 22, 7]).reshape(1, -1)\nclf.predict(new)"
    )
    parsed = crash("ValueError", _COUNT, "clf.predict(new)", _FOREST, code=cell)
    other_fits = replace(parsed, notebook_code=("clf.fit(A, b)", "clf.fit(C, d)"))
    text = hint(other_fits)
    assert "typed by hand with 4 values" in text and "more than one cell" not in text, text


def test_a_model_the_cell_fits_above_the_line_is_not_blamed_on_other_cells_fits():
    cell = "clf.fit(X_train, y_train)\nclf.predict(X_new)"
    parsed = crash("ValueError", _COUNT, "clf.predict(X_new)", _FOREST, code=cell)
    text = hint(replace(parsed, notebook_code=("clf.fit(A, b)", "clf.fit(C, d)")))
    assert "more than one cell" not in text, text
    elsewhere = crash("ValueError", _COUNT, "clf.predict(X_new)", _FOREST)
    said = hint(replace(elsewhere, notebook_code=("clf.fit(A, b)", "clf.fit(C, d)")))
    assert "more than one cell" in said, said


def test_a_model_fitted_once_on_other_data_names_that_data():
    parsed = crash("ValueError", _COUNT, "clf.score(X, y)", [(f"{SITE}/sklearn/base.py", "score")])
    text = hint(replace(parsed, notebook_code=("enc.fit_transform(t)", "clf.fit(small, y)")))
    assert "fitted on `small`" in text and ".fit_transform" not in text, text


def test_a_plot_label_is_no_candidate_for_a_misspelt_seaborn_column():
    frames = [(f"{SITE}/seaborn/categorical.py", "establish_variables")]
    line = "sns.countplot(y='kind', data=loans)"
    cell = f"{line}\nplt.ylabel('Kind')"
    text = hint(crash("ValueError", "Could not interpret input 'kind'", line, frames, code=cell))
    assert "Did you mean" not in text and "`loans.columns`" in text, text
    used = f"{line}\nprint(loans['Kind'].unique())"
    named = hint(crash("ValueError", "Could not interpret input 'kind'", line, frames, code=used))
    assert "Did you mean `Kind`?" in named, named


# ------------------------------------------------------------- data values: whose NaN, made how


_NAN = "Input contains NaN, infinity or a value too large for dtype('float64')."
_CHECK = (f"{SITE}/sklearn/utils/validation.py", "_assert_all_finite")


def test_a_nan_in_values_an_own_function_passes_is_traced_there_not_dropped():
    frames = [
        ("/home/me/work/stats_tools.py", "spread"),
        (f"{SITE}/sklearn/metrics/pairwise.py", "pairwise_distances"),
        _CHECK,
    ]
    text = hint(crash("ValueError", _NAN, "out = spread(table, k=3)", frames))
    assert "`spread()` (stats_tools.py)" in text and "impute" not in text, text
    direct = hint(
        crash("ValueError", _NAN, "model.fit(X, y)", [(f"{SITE}/sklearn/base.py", "fit"), _CHECK])
    )
    assert "impute" in direct, direct


def test_a_target_with_nan_after_a_dict_map_points_to_the_dicts_keys():
    parsed = crash("ValueError", _NAN, "model.fit(X, y)", [(f"{SITE}/sklearn/base.py", "fit")])
    # scikit-learn's own frame names the input it checks: the target
    checked = replace(
        parsed,
        frames=(
            *parsed.frames,
            replace(parsed.frames[-1], failing_line="_assert_all_finite(y)", library="sklearn"),
        ),
    )
    seen = replace(checked, notebook_code=("df.kind = df.kind.map({'ab': 0, 'cd': 1})",))
    text = hint(seen)
    assert "The target y" in text and "`.unique()`" in text and "impute" not in text, text
    assert "`.map(" not in hint(checked), hint(checked)


# ------------------------------------------------------------------ shapes: what the arrays are


def test_a_functional_models_inner_layer_is_not_fixed_by_reshaping_the_data():
    message = (
        'Exception encountered when calling layer "net" (type Functional).\n'
        'Input 0 of layer "conv1d_2" is incompatible with the layer: expected min_ndim=3, found '
        "ndim=2. Full shape received: (None, 12)\n"
        'Call arguments received by layer "net" (type Functional):\n'
        "  • inputs=tf.Tensor(shape=(None, 12), dtype=int32)"
    )
    frames = [(f"{SITE}/keras/engine/input_spec.py", "assert_input_compatibility")]
    text = hint(crash("ValueError", message, "net.fit(X, y)", frames))
    assert "`Embedding`" in text and "X.reshape" not in text, text
    plain = message.split("\n")[1]
    reshaped = hint(crash("ValueError", plain, "net.fit(X, y)", frames))
    assert "X.reshape(X.shape[0], X.shape[1], 1)" in reshaped, reshaped


def test_a_one_column_x_beside_a_slice_of_columns_as_y_reads_as_swapped():
    message = "Expected 2D array, got 1D array instead:\narray=[3. 5. 8.]."
    frames = [(f"{SITE}/sklearn/utils/validation.py", "check_array")]
    parsed = crash("ValueError", message, "reg.fit(a_train, b_train)", frames)
    cells = ("X = cars.iloc[:, 0].values\nY = cars.iloc[:, 1:].values",)
    text = hint(replace(parsed, notebook_code=cells))
    assert "look swapped" in text and "reshape" not in text, text
    redone = (cells[0] + "\nX = cars.iloc[:, 1:].values",)
    assert "look swapped" not in hint(replace(parsed, notebook_code=redone))


def test_a_parameter_that_may_be_a_list_is_made_an_array_before_reshape():
    message = "Expected 2D array, got 1D array instead:\narray=[1. 2.]."
    frames = [
        (f"{SITE}/sklearn/preprocessing/_encoders.py", "fit_transform"),
        (f"{SITE}/sklearn/utils/validation.py", "check_array"),
    ]
    cell = "def encode(labels):\n    return enc.fit_transform(labels)\nencode([1, 2])"
    text = hint(crash("ValueError", message, "    return enc.fit_transform(labels)", frames, cell))
    assert "`np.asarray(labels).reshape(-1, 1)`" in text, text


def test_joining_arrays_is_not_told_to_join_along_the_mismatched_dimension():
    message = (
        "all the input array dimensions except for the concatenation axis must match exactly, but "
        "along dimension 1, the array at index 0 has size 4 and the array at index 1 has size 5"
    )
    text = hint(crash("ValueError", message, "np.concatenate((p, q), axis=0)"))
    assert "join along that dimension" not in text and "`.shape`s" in text, text


def test_per_class_scores_reshaped_to_the_grid_are_one_column_per_class():
    message = "cannot reshape array of size 900 into shape (30,10)"
    cell = "S = svc.decision_function(grid)\nS = S.reshape(gx.shape)"
    text = hint(crash("ValueError", message, "S = S.reshape(gx.shape)", code=cell))
    assert "one column per class (3 here)" in text and "`svc.predict(...)`" in text, text
    other = "S = np.ones(900)\nS = S.reshape(gx.shape)"
    assert "-1 in one dimension" in hint(
        crash("ValueError", message, "S = S.reshape(gx.shape)", code=other)
    )


def test_a_text_vectorizer_given_a_few_items_against_many_labels_reads_column_names():
    message = "Found input variables with inconsistent numbers of samples: [2, 500]"
    frames = [(f"{SITE}/sklearn/utils/validation.py", "check_consistent_length")]
    cell = "pipe = make_pipeline(TfidfVectorizer(), LogisticRegression())\npipe.fit(X, y)"
    text = hint(crash("ValueError", message, "pipe.fit(X, y)", frames, cell))
    assert "column names" in text and "`ColumnTransformer`" in text, text
    plain = hint(crash("ValueError", message, "model.fit(X, y)", frames))
    assert "column names" not in plain, plain


# ------------------------------------------------- notebook findings: what a cell can have done


def _saved_finding(sources, counts, crash, error, line=None):
    from tests.test_notebook_saved import run, saved

    return run(saved(sources, counts, crash=crash, error=error, line=line))


def test_a_cell_that_rewrites_a_key_from_itself_does_not_set_it():
    # `df['d'] = pd.to_datetime(df['d'])` needs 'd' to exist: running it first cannot make it
    error = ("KeyError", "'d'")
    rewrites = ["df = load()", "print(df['d'])", "df['d'] = pd.to_datetime(df['d'])"]
    found = _saved_finding(rewrites, [1, 2, None], crash=2, error=error)
    assert found is None or "sets `df['d']`" not in found.hint, found
    makes = ["df = load()", "print(df['d'])", "df['d'] = pd.to_datetime(df['raw'])"]
    made = _saved_finding(makes, [1, 2, None], crash=2, error=error)
    assert made is not None and "Run cell 3 first: it sets `df['d']`" in made.hint, made


def test_a_never_run_cell_below_that_needs_a_later_cells_function_is_not_to_run_first():
    error = ("KeyError", "'age'")
    sources = [
        "df = load()",
        "print(df['age'])",
        "def fill(row):\n    return row['age']",
        "df['age'] = df.apply(fill, axis=1)",
    ]
    found = _saved_finding(sources, [1, 2, None, None], crash=2, error=error)
    assert found is None or "Run cell 4 first" not in found.hint, found


def test_a_rewrite_of_the_missing_key_is_no_rerun_that_removed_it():
    error = ("KeyError", "'kind'")
    sources = ["df = load()", "df['kind'] = enc.fit_transform(df['kind'])"]
    found = _saved_finding(sources, [1, 3], crash=2, error=error)
    assert found is None or "each time it runs" not in found.hint, found
    drops = ["df = load()", "df = df.drop(columns=['kind'])\nprint(df['kind'])"]
    dropped = _saved_finding(drops, [1, 3], crash=2, error=error, line="print(df['kind'])")
    assert dropped is not None and "each time it runs" in dropped.hint, dropped


def test_a_column_added_below_is_no_cause_of_a_row_count_mismatch():
    error = ("ValueError", "Length of values (50) does not match length of index (900)")
    sources = ["t = load()", "t['pred'] = clf.predict(Xv)", "t = t.assign(flag=f)"]
    found = _saved_finding(sources, [1, 3, 2], crash=2, error=error)
    assert found is None or "below this one" not in found.hint, found


# ------------------------------------------- what the notebook read, the chain said, the loop did


def test_a_word_that_fails_conversion_after_a_headerless_read_may_be_the_header_line():
    message = "could not convert string to float: 'price'"
    frames = [(f"{SITE}/sklearn/base.py", "fit"), (f"{SITE}/pandas/core/generic.py", "__array__")]
    parsed = crash("ValueError", message, "lm.fit(X, Y)", frames)
    read = replace(parsed, notebook_code=("df = pd.read_csv(path, header=None)",))
    text = hint(read)
    assert "`header=None`" in text and "'price'" in text, text
    assert "header=None" not in hint(replace(parsed, notebook_code=("df = pd.read_csv(path)",)))


def test_a_position_past_the_end_names_the_length_the_chain_gives():
    chained = [("IndexError", "index 7 is out of bounds for axis 0 with size 2")]
    frames = [(f"{SITE}/pandas/core/indexing.py", "_get_list_axis")]
    line = "s[[7, 8]]"
    text = hint(
        crash("IndexError", "positional indexers are out-of-bounds", line, frames, chain=chained)
    )
    assert "only 2 rows" in text and "empty" not in text, text
    plain = hint(crash("IndexError", "positional indexers are out-of-bounds", "df.iloc[5]", frames))
    assert "`len(df)`" in plain, plain


def test_a_loop_counter_used_on_a_dataframe_is_told_to_use_iloc():
    frames = [(f"{SITE}/pandas/core/frame.py", "__getitem__")]
    cell = "for k in range(len(pred)):\n    hits += pred[k] == truth[k]"
    text = hint(crash("KeyError", "0", "    hits += pred[k] == truth[k]", frames, code=cell))
    assert "`pred` or `truth`" in text and "`.iloc[k]`" in text, text
    fixed = hint(crash("KeyError", "0", "truth[0]", frames))
    assert "`truth[0]` looks up a column labelled 0" in fixed, fixed
