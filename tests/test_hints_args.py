"""Hints of the arguments, types and values families, and the safe hint of every exception
without a rule: each template speaks only where the crash makes its words true.

The messages are the libraries' own wordings; the tracebacks are written by hand in IPython 8's
layout (the cell's failing line, then the library frames it went into).
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.hints import make_hint, safe_hint
from jupyterlab_nbcrash.diagnosis.message_words import stated_fix
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import apply_rules, matching_rules
from jupyterlab_nbcrash.diagnosis.text import allowed_values, closest_allowed
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.diagnosis.where import (
    call_arguments,
    keyword_arguments,
    loop_or_unpack,
    raised_by_the_line,
)

SITE = "/opt/conda/lib/python3.10/site-packages"


def crash(ename, message, line, frames=(), code=None, chain=()):
    """A parsed crash: the cell's failing ``line``, then ``frames`` as (path, function) pairs
    below it; ``chain``: (name, message) of errors raised before, while handling them."""
    out = []
    for name, text in chain:
        out += [
            f"{name}                                 Traceback (most recent call last)",
            "Cell In[2], line 1\n----> 1 run()\n",
            f"{name}: {text}",
            "\nDuring handling of the above exception, another exception occurred:\n",
        ]
    out += [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[3], line 2\n      1 x = 1\n----> 2 {line}\n",
    ]
    for path, function in frames:
        out.append(f"File {path}:10, in {function}(*args, **kwargs)\n---> 10 return impl()\n")
    out.append(f"{ename}: {message}")
    record = ErrorRecord(
        ename=ename, evalue=message, traceback=tuple(out), code=code if code is not None else line
    )
    return parse(record)


def hint(parsed) -> str:
    match = apply_rules(parsed)
    labels = {"crash_type": match.crash_type if match else "other"}
    return make_hint(parsed, labels, matching_rules(parsed))[0]


# ----------------------------------------------------------------- where.py: the line's call


def test_call_arguments_split_at_top_level_commas_and_keep_an_unclosed_calls_complete_items():
    assert call_arguments('f(X, y[:, 0], s="a,b", epochs=5)') == [
        "X",
        "y[:, 0]",
        's="a,b"',
        "epochs=5",
    ]
    assert call_arguments('sns.lineplot(x="a", fill=True, hue="s"') == ['x="a"', "fill=True"]
    assert keyword_arguments(["X", "epochs = 5", "k == 3"]) == {"epochs": "5"}


def test_loop_or_unpack_reads_what_a_line_takes_its_values_from():
    assert loop_or_unpack("for a, b in pairs:") == ("for", "a, b", "pairs")
    assert loop_or_unpack("x, y = load(path)  # two") == ("assign", "x, y", "load(path)")
    assert loop_or_unpack("print(x)") == ("", "", "")


def test_the_lines_own_truth_test_counts_as_the_lines_operation_even_in_a_library_method():
    # pandas raises in NDFrame.__bool__; IPython 8.x may show the frame as "in ?(self)"
    parsed = crash(
        "ValueError",
        "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or "
        "a.all().",
        "if df['price'] > 1:",
        [(f"{SITE}/pandas/core/generic.py", "NDFrame.__bool__")],
    )
    assert raised_by_the_line(parsed)
    # the line's own template speaks (no and/or on it: rows are meant, not `&`)
    assert "boolean indexing" in hint(parsed)


# ----------------------------------------------------------------- the safe hint


def test_safe_hint_lists_the_values_the_message_allows():
    parsed = crash(
        "ValueError",
        'Format "01" is not supported.\nSupported formats: eps, jpeg, jpg, pdf, png, svg.',
        'plt.savefig("Momentum_0.01")',
        [(f"{SITE}/matplotlib/pyplot.py", "savefig"), (f"{SITE}/matplotlib/figure.py", "savefig")],
    )
    assert "Supported formats: eps, jpeg, jpg, pdf, png, svg" in safe_hint(parsed)


def test_a_near_miss_among_the_allowed_values_is_named():
    parsed = crash(
        "ValueError",
        "style must be one of white, dark, whitegrid, darkgrid, ticks",
        'sns.set_style("darkgird")',
        [(f"{SITE}/seaborn/rcmod.py", "set_style"), (f"{SITE}/seaborn/rcmod.py", "axes_style")],
    )
    assert "did you mean `darkgrid`?" in hint(parsed)
    assert closest_allowed(
        "The value for `kind` must be one of ['scatter', 'hist', 'kde'], but 'scatterplot' was "
        "passed.",
        [],
    ) == ("scatterplot", "scatter")
    assert allowed_values("Something failed.") == ""


def test_safe_hint_points_at_the_users_argument_the_message_names():
    parsed = crash(
        "ValueError",
        "No axis named 2 for object type DataFrame",
        "df.sum(axis=2)",
        [(f"{SITE}/pandas/core/generic.py", "NDFrame._get_axis_number")],
    )
    assert "Check `axis=2`, the argument the message names." in safe_hint(parsed)


def test_a_parameter_named_as_a_plain_word_elsewhere_in_the_cell_is_not_quoted():
    # "root" is a word of the path, not the parameter of another line's call
    parsed = crash(
        "OSError",
        "[Errno 39] Directory not empty: '/root/.cache/data/__MACOSX'",
        'os.rmdir(os.path.join(base, "__MACOSX"))',
        code="for root, d, f in os.walk(x, topdown=True, root=data_dir):\n    pass\n"
        'os.rmdir(os.path.join(base, "__MACOSX"))',
    )
    assert "root=" not in safe_hint(parsed)


def test_an_import_line_points_at_the_installed_versions_not_at_the_values():
    parsed = crash(
        "ValueError",
        "numpy.ufunc size changed, may indicate binary incompatibility. Expected 216 from C "
        "header, got 192 from PyObject",
        "from catboost import CatBoostRegressor",
        [(f"{SITE}/catboost/__init__.py", "<module>"), (f"{SITE}/catboost/core.py", "<module>")],
    )
    text = safe_hint(parsed)
    assert "restart the kernel and import it again" in text and ".shape" not in text
    own = crash(
        "ValueError",
        "bad constant",
        "from helpers import load",
        [("/home/ana/project/helpers.py", "<module>")],
    )
    assert "import it again" not in safe_hint(own)


def test_the_users_own_raise_is_said_to_be_theirs():
    parsed = crash("MatrixIsSingular", "", "raise MatrixIsSingular()", code="fixRowTwo(A)")
    assert safe_hint(parsed).startswith("Your own code raised MatrixIsSingular")


def test_a_kernel_death_without_a_traceback_says_so():
    record = ErrorRecord(
        ename="",
        evalue="",
        traceback=(
            "The Kernel crashed while executing code in the current cell or a previous cell. "
            "Please review the code in the cell(s) to identify a possible cause of the failure.",
        ),
    )
    assert safe_hint(parse(record)).startswith("The kernel process died")


def test_an_error_of_ipythons_own_display_points_at_the_earlier_error_and_no_template_speaks():
    parsed = crash(
        "TypeError",
        'can only concatenate str (not "list") to str',
        "",
        [
            (f"{SITE}/IPython/core/interactiveshell.py", "InteractiveShell.showtraceback"),
            (f"{SITE}/IPython/core/ultratb.py", "FormattedTB.structured_traceback"),
        ],
        chain=[("ImportError", "DLL load failed: The specified module could not be found.")],
    )
    text = hint(parsed)
    assert text.startswith("IPython failed while showing an earlier ImportError: DLL load failed")
    assert "joined" not in text


def test_a_wrapped_keras_error_quotes_the_inner_message():
    parsed = crash(
        "ValueError",
        'in user code:\n\n    File "/x/keras/engine/training.py", line 853, in train_function\n'
        "        return step_function(self, iterator)\n\n    ValueError: Shape mismatch: The "
        "shape of labels (received (32, 1)) should equal the shape of logits except for the last "
        "dimension (received (32, 28, 10)).\n",
        "model.fit(images, labels, epochs=5)",
        [(f"{SITE}/keras/utils/traceback_utils.py", "error_handler")],
    )
    assert "Shape mismatch: The shape of labels" in safe_hint(parsed)


def test_a_fix_the_message_offers_as_a_substitution_is_quoted_with_its_code():
    message = (
        "cv2.imshow() is disabled in Colab, because it causes Jupyter sessions\nto crash; see "
        "https://github.com/jupyter/notebook/issues/3935.\nAs a substitution, consider using\n"
        "  from google.colab.patches import cv2_imshow\n"
    )
    assert stated_fix(message).endswith("`from google.colab.patches import cv2_imshow`")


def test_a_line_magic_is_quoted_as_the_user_wrote_it():
    parsed = crash(
        "ValueError",
        "'solutions/q01.py' was not found in history, as a file, url, nor in the user namespace.",
        "get_ipython().run_line_magic('load', 'solutions/q01.py')",
        [(f"{SITE}/IPython/core/interactiveshell.py", "InteractiveShell.run_line_magic")],
    )
    text = safe_hint(parsed)
    assert text.startswith("`%load solutions/q01.py` raised ValueError") and ".shape" not in text


def test_a_catch_all_invalid_argument_does_not_claim_an_argument_value_was_refused():
    parsed = crash(
        "RuntimeError",
        "CUDA error: invalid argument\nCUDA kernel errors might be asynchronously reported.",
        "x = x.to(device)",
        [(f"{SITE}/torch/cuda/__init__.py", "_lazy_init")],
    )
    assert "argument value is not accepted" not in hint(parsed)


# ----------------------------------------------------------------- arguments


def test_an_unexpected_keyword_of_a_constructor_names_the_class_the_line_calls():
    parsed = crash(
        "TypeError",
        "__init__() got an unexpected keyword argument 'n_folds'",
        "kf = KFold(len(train), n_folds=5, shuffle=True)",
    )
    assert hint(parsed).startswith("`KFold()` no longer takes `n_folds`")


def test_a_keyword_the_users_code_never_passes_is_no_typo_of_theirs():
    parsed = crash(
        "TypeError",
        "__init__() got an unexpected keyword argument 'ragged'",
        'model = load_model("keras_model.h5")',
        [
            (f"{SITE}/keras/saving/save.py", "load_model"),
            (f"{SITE}/keras/layers/serialization.py", "deserialize"),
            (f"{SITE}/keras/engine/base_layer.py", "Layer.from_config"),
        ],
    )
    text = hint(parsed)
    assert text.startswith("Your code does not pass `ragged`") and "spelling" not in text


def test_a_keyword_passed_on_to_matplotlib_names_the_users_call():
    parsed = crash(
        "AttributeError",
        "Line2D.set() got an unexpected keyword argument 'fill'",
        'sns.lineplot(x="pclass", y="age", fill=True, data=ds)',
        [
            (f"{SITE}/seaborn/relational.py", "lineplot"),
            (f"{SITE}/matplotlib/lines.py", "Line2D.__init__"),
            (f"{SITE}/matplotlib/artist.py", "Artist._internal_update"),
        ],
    )
    assert hint(parsed).startswith("`sns.lineplot()` passes `fill` on to `Line2D.set()`")


def test_xgboost_fit_keywords_that_moved_to_the_estimator():
    parsed = crash(
        "TypeError",
        "XGBClassifier.fit() got an unexpected keyword argument 'early_stopping_rounds'",
        "model.fit(X, y, eval_set=[(Xv, yv)], early_stopping_rounds=20)",
        [(f"{SITE}/xgboost/core.py", "require_keyword_args.<locals>.throw_if.<locals>.inner_f")],
    )
    assert "`XGBClassifier(..., early_stopping_rounds=...)`" in hint(parsed)


def test_a_missing_argument_of_a_call_inside_a_library_gets_the_safe_hint():
    parsed = crash(
        "TypeError",
        "get_data() missing 2 required positional arguments: 'format' and 'pitch'",
        "state = self.env.reset()",
        [(f"{SITE}/gym/core.py", "Wrapper.reset"), (f"{SITE}/pyglet/image/__init__.py", "save")],
    )
    text = hint(parsed)
    assert "pass them in the call" not in text and text.startswith("`self.env.reset()` raised")


def test_add_self_only_where_the_users_code_defines_the_method():
    library = crash(
        "TypeError",
        "rc() takes 1 positional argument but 2 were given",
        "matplotlib.rc('savefig.transparent', True)",
    )
    assert "self" not in hint(library)
    own = crash(
        "TypeError",
        "Agent.act() takes 1 positional argument but 2 were given",
        "agent.act(state)",
        code="class Agent:\n    def act(state):\n        return 0\nagent = Agent()\n"
        "agent.act(state)",
    )
    assert "add `self`" in hint(own)


def test_a_method_called_on_its_class_is_said_to_need_an_instance():
    parsed = crash(
        "TypeError",
        "DataSet.get_schema() missing 1 required positional argument: 'name'",
        "schema = DataSet.get_schema(DATASET_NAME)",
    )
    assert "call it on an instance" in hint(parsed)
    assigned = crash(
        "TypeError",
        "fit() missing 1 required positional argument: 'y'",
        "model.fit(x_train, y_train)",
        code="model = LinearRegression\nmodel.fit(x_train, y_train)",
    )
    assert "`model = LinearRegression()`" in hint(assigned)


def test_a_loss_called_instead_of_handed_over():
    parsed = crash(
        "TypeError",
        "sparse_categorical_crossentropy() missing 2 required positional arguments: 'y_true' and "
        "'y_pred'",
        "model.compile(loss=tf.keras.losses.sparse_categorical_crossentropy(from_logits=False),",
        [(f"{SITE}/tensorflow/python/util/dispatch.py", "wrapper")],
    )
    assert "drop the `(...)`" in hint(parsed)
    dataset = crash(
        "TypeError",
        "__init__() missing 1 required positional argument: 'root'",
        "loader = DataLoader(dataset=Images(), batch_size=8)",
    )
    assert "drop the `(...)`" not in hint(dataset)


def test_a_subplot_index_out_of_the_grid():
    parsed = crash(
        "ValueError",
        "num must be an integer with 1 <= num <= 16, not 17",
        "plt.subplot(4, 4, i + 1)",
        [(f"{SITE}/matplotlib/pyplot.py", "subplot"), (f"{SITE}/matplotlib/figure.py", "add")],
    )
    text = hint(parsed)
    assert "between 1 and 16" in text and "spelling" not in text


def test_a_layer_keras_cannot_rebuild_points_at_custom_objects_not_at_spelling():
    parsed = crash(
        "ValueError",
        "Unknown layer: Distill_BranchModel. Please ensure this object is passed to the "
        "`custom_objects` argument.",
        'model = tf.keras.models.load_model("./models/m.hdf5")',
        [(f"{SITE}/keras/utils/generic_utils.py", "class_and_config_for_serialized_keras_object")],
    )
    text = hint(parsed)
    assert "custom_objects={'Distill_BranchModel': Distill_BranchModel}" in text
    assert "spelling" not in text


def test_none_met_inside_a_library_names_the_plain_arguments_to_check():
    parsed = crash(
        "AttributeError",
        "'NoneType' object has no attribute 'clip'",
        "cv2_imshow(frame)",
        [
            (
                "/usr/local/lib/python3.10/dist-packages/google/colab/patches/__init__.py",
                "cv2_imshow",
            )
        ],
    )
    assert "check whether `frame` is None" in hint(parsed)


def test_pydantic_validation_errors_say_what_the_model_said():
    parsed = crash(
        "ValidationError",
        "1 validation error for LlamaCpp\n  Value error, Could not load Llama model from path: "
        "/m/llama.gguf. Received error Model path does not exist [type=value_error]",
        "llm = LlamaCpp(model_path=path)",
        [(f"{SITE}/pydantic/main.py", "BaseModel.__init__")],
    )
    assert hint(parsed).startswith("`LlamaCpp` rejected its parameter: Could not load Llama model")


# ----------------------------------------------------------------- types


def test_none_called_inside_a_library_is_not_blamed_on_a_shadowing_variable():
    parsed = crash(
        "TypeError",
        "'NoneType' object is not callable",
        "model.fit(X_train, y_train, epochs=10)",
        [(f"{SITE}/keras/utils/traceback_utils.py", "error_handler"), (f"{SITE}/x.py", "_call")],
    )
    assert "rename" not in hint(parsed)


@pytest.mark.parametrize(
    ("message", "line", "fragment"),
    [
        ("'tuple' object is not callable", "df3.shape()", "write `df3.shape` without the `()`"),
        ("'numpy.ndarray' object is not callable", "train(data, 5)", "`train` holds"),
    ],
)
def test_not_callable_names_what_the_line_calls(message, line, fragment):
    assert fragment in hint(crash("TypeError", message, line))


def test_not_callable_names_nothing_when_the_line_calls_an_expressions_result():
    assert "`len`" not in hint(
        crash("TypeError", "'list' object is not callable", "fns[0](len(x))")
    )


def test_a_datetime_column_compared_with_a_number():
    parsed = crash(
        "TypeError",
        "Invalid comparison between dtype=datetime64[ns] and int",
        "zoom = df[(df['DATE'] >= 1980) & (df['DATE'] <= 2005)]",
        [
            (f"{SITE}/pandas/core/ops/common.py", "_unpack_zerodim_and_defer.<locals>.new_method"),
            (f"{SITE}/pandas/core/arraylike.py", "OpsMixin.__ge__"),
            (f"{SITE}/pandas/core/ops/invalid.py", "invalid_comparison"),
        ],
    )
    assert "pd.Timestamp" in hint(parsed)


def test_a_comparison_inside_a_librarys_own_code_gets_the_safe_hint():
    parsed = crash(
        "TypeError",
        "'<=' not supported between instances of 'str' and 'int'",
        'kmeans = KMeans(n_clusters=2, n_init="auto").fit(X)',
        [
            (f"{SITE}/sklearn/cluster/_kmeans.py", "KMeans.fit"),
            (f"{SITE}/sklearn/cluster/_kmeans.py", "_BaseKMeans._check_params"),
        ],
    )
    assert "pd.to_numeric" not in hint(parsed)


def test_an_odd_operand_is_not_to_be_converted():
    parsed = crash(
        "TypeError",
        "unsupported operand type(s) for *: 'Axes' and 'int'",
        "plt.imshow(imgs[noisy_img * k])",
    )
    text = hint(parsed)
    assert "an `Axes`" in text and "convert" not in text


@pytest.mark.parametrize(
    ("message", "line", "fragment"),
    [
        ('can only concatenate list (not "int") to list', "ax.plot(x, x+1)", "A list and an int"),
        ("can't multiply sequence by non-int of type 'float'", "heights * 2.54", "NumPy array"),
    ],
)
def test_joins_and_repeats_follow_the_types_the_message_names(message, line, fragment):
    assert fragment in hint(crash("TypeError", message, line))


def test_a_parameter_that_must_be_text_is_not_a_join():
    parsed = crash("TypeError", "order must be str, not int", "a.reshape((3, 4), order=1)")
    text = hint(parsed)
    assert "joined" not in text and "`order=1`" in text


def test_a_library_iterating_a_number_names_the_number_the_call_passes():
    parsed = crash(
        "TypeError",
        "'int' object is not iterable",
        "plt.tight_layout(rect=0)",
        [(f"{SITE}/matplotlib/pyplot.py", "tight_layout"), (f"{SITE}/matplotlib/_tight.py", "f")],
    )
    text = hint(parsed)
    assert "`rect=0` is a single number" in text and "range(" not in text


def test_none_unpacked_names_the_right_side_only_where_the_line_shows_it():
    parsed = crash("TypeError", "cannot unpack non-iterable NoneType object", "H, b = hist(I)")
    assert hint(parsed).startswith("`hist(I)` is None")
    summed = crash("TypeError", "'NoneType' object is not iterable", "total = sum(x for x in v)")
    assert not hint(summed).startswith("`sum(")


def test_a_custom_object_used_as_an_integer_is_not_told_to_call_int():
    parsed = crash("TypeError", "'Tensor' object cannot be interpreted as an integer", "range(n)")
    assert "int(...)" not in hint(parsed)


# ----------------------------------------------------------------- values


def test_unpacking_inside_a_library_is_not_the_users_left_side():
    parsed = crash(
        "ValueError",
        "not enough values to unpack (expected 2, got 1)",
        "plt.matshow(digits.data[1])",
        [
            (f"{SITE}/matplotlib/pyplot.py", "matshow"),
            (f"{SITE}/matplotlib/figure.py", "figaspect"),
        ],
    )
    assert "left side" not in hint(parsed)


def test_an_array_tested_inside_a_library_is_not_about_and_or():
    parsed = crash(
        "ValueError",
        "The truth value of an array with more than one element is ambiguous. Use a.any() or "
        "a.all()",
        "plot_importance(model, ax=ax, ylabel=names)",
        [
            (f"{SITE}/lightgbm/plotting.py", "plot_importance"),
            (f"{SITE}/matplotlib/axis.py", "Axis.set_label_text"),
        ],
    )
    text = hint(parsed)
    assert "`&`" not in text and "single value" in text


@pytest.mark.parametrize(
    ("message", "line", "fragment"),
    [
        (
            "Length mismatch: Expected axis has 1 elements, new values have 10 elements",
            "data.columns = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']",
            "has 1 column but 10 names",
        ),
        (
            "Columns must be same length as key",
            "X[num] = imputer.fit_transform(X[num])",
            "different number of columns",
        ),
        (
            "All arrays must be of the same length",
            "df = pd.DataFrame({'X': xs, 'Y': ys})",
            "(`xs`, `ys`)",
        ),
    ],
)
def test_length_mismatches_follow_the_message(message, line, fragment):
    frames = [(f"{SITE}/pandas/core/frame.py", "DataFrame.__init__")]
    text = hint(crash("ValueError", message, line, frames))
    assert fragment in text and "one value per row" not in text


@pytest.mark.parametrize(
    ("message", "line", "fragment"),
    [
        (
            "time data 201601 does not match format '%y-%m' (match)",
            "pd.to_datetime(df['ds'], format='%y-%m')",
            "with the format '%y-%m'",
        ),
        ("Unknown string format: sharath", "pd.to_datetime(dates)", "'sharath' as a date"),
        (
            "invalid literal for int() with base 10: '04-07-2019 22:30'",
            "data['Month'] = data['Month'].astype('int32')",
            "is a date, not a number",
        ),
        (
            "could not convert string to float: 'INLAND'",
            "corr_matrix = housing.corr()",
            "`numeric_only=True`",
        ),
    ],
)
def test_conversions_follow_what_the_text_is(message, line, fragment):
    frames = [(f"{SITE}/pandas/core/frame.py", "DataFrame.corr")] if "corr" in line else ()
    assert fragment in hint(crash("ValueError", message, line, frames))


def test_duplicate_column_names_are_not_told_to_pivot():
    parsed = crash(
        "ValueError",
        "cannot assemble with duplicate keys",
        "train['start'] = pd.to_datetime(train['Policy Start Date'])",
        [(f"{SITE}/pandas/core/tools/datetimes.py", "_assemble_from_unit_mappings")],
    )
    text = hint(parsed)
    assert "same name" in text and "pivot" not in text


def test_an_empty_list_given_to_concat_is_named():
    parsed = crash(
        "ValueError",
        "No objects to concatenate",
        "all_df = pd.concat(dfs, ignore_index=True)",
        [(f"{SITE}/pandas/core/reshape/concat.py", "concat")],
    )
    assert hint(parsed).startswith("`dfs` is empty")
