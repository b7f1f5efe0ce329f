"""Hints name the specifics of the crash; evidence says what the decision rested on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.hints import make_hint, safe_hint, template_count
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import (
    CATCH_ALL,
    HINTS,
    apply_rules,
    matching_rules,
    rule_names,
)
from jupyterlab_nbcrash.diagnosis.text import close_matches, possibly_close
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.fixtures.tracebacks.loader import fixture, names, record


def _message_hint(ename, evalue):
    """The hint for an error known only by its message (as the CLI sees a bare record)."""
    parsed = parse(ErrorRecord(ename=ename, evalue=evalue))
    match = apply_rules(parsed)
    return make_hint(parsed, {"crash_type": match.crash_type}, matching_rules(parsed))[0]


def hint_for(name, crash_type=None, **overrides):
    parsed = parse(record(name, **overrides))
    match = apply_rules(parsed)
    labels = {"crash_type": crash_type or (match.crash_type if match else "other")}
    return make_hint(parsed, labels, matching_rules(parsed))


# fixture -> fragments its hint must contain (specifics, not generic advice)
SPECIFICS = {
    "module_not_found_cv2": ["%pip install opencv-python", "`cv2`"],
    "module_not_found_removed_sklearn": ["sklearn.model_selection"],
    "import_name_removed_imputer": ["SimpleImputer"],
    "alias_not_imported_np": ["import numpy as np"],
    "name_undefined_variable": ["`totl`", "`total`"],
    "name_undefined_class": ["from sklearn.ensemble import RandomForestClassifier"],
    "file_not_found_read_csv": ["train.csv", "os.getcwd()"],
    "file_not_found_open_abs": ["/home/alice/data/notes.txt", "relative path"],
    "unicode_decode_csv": ["encoding='latin-1'"],
    "file_save_missing_folder": ["os.makedirs('results', exist_ok=True)"],
    "file_not_found_extension_typo": ["`.csv`"],
    "json_decode_empty": ["JSON"],
    "memory_unable_to_allocate": ["7.28 TiB"],
    "shapes_not_aligned": ["(2,3)", "`.T`"],
    "shapes_broadcast": ["(3,)", "(4,)"],
    "shapes_inconsistent_samples": ["10 vs 8", "train_test_split"],
    "shapes_expected_2d": ["reshape(-1, 1)"],
    "shapes_cannot_reshape": ["10", "(3,3)"],
    "handwritten_ipython_input_keras_shape": ["input_shape", "(784,)", "(28, 28)"],
    "data_nan": ["SimpleImputer", "dropna"],
    # LabelEncoder has no handle_unknown (that is OneHotEncoder's): fit it on every value
    "data_unseen_labels": ["LabelEncoder", "np.str_('c')", "fit it on every value"],
    "data_negative_nb": ["MinMaxScaler"],
    "features_names_mismatch": ["lacks columns", "missing: b"],
    "features_count_mismatch": ["3 given, 2 expected", "same columns"],
    "model_not_fitted": ["LinearRegression", ".fit("],
    "key_error_column_typo": ["`prices`", "`price`"],
    "key_error_drop": ["`Price`", "`price`"],
    "attribute_removed_append": ["pd.concat"],
    "attribute_removed_np_float": ["float"],
    "attribute_none": ["None", "`.append`"],
    "attribute_array_columns": ["NumPy array", "pd.DataFrame"],
    "argument_unexpected_keyword": ["error_bad_lines", "on_bad_lines='skip'"],
    "argument_gridsearch_param": ["<step>__C", "get_params"],
    "type_none_subscript": ["None"],
    "type_not_iterable": ["range("],
    "index_numpy_empty": ["empty"],
    "value_ambiguous_truth": ["boolean indexing", ".any()"],
    "value_cannot_convert": ["'12,5'", "decimal=','"],
    "network_urlopen_dns": ["internet"],
    "runtime_asyncio_run": ["await main()"],
    "syntax_print_py2": ["print(...)"],
    "syntax_shell_in_cell": ["`git`", "!"],
    "zero_division": ["denominator"],
    "optional_dependency_excel": ["%pip install openpyxl"],
    "pivot_duplicates": ["pivot_table"],
    "text_column_mean": ["`mean`", "select_dtypes"],
    "concat_arrays": ["pd.DataFrame("],
    "metric_average_multiclass": ["average='macro'"],
    "unknown_encoding": ["'latin-1'"],
    "matplotlib_removed_style": ["seaborn-v0_8"],
    "list_has_no_shape": ["np.array("],
    "python2_xrange": ["`range`"],
    "syntax_curly_quotes": ["curly quotes"],
    "unbound_local": ["`count`", "global"],
    "with_class_not_instance": ["call it", "()"],
    "pandas_str_accessor": ["`.str`", ".astype(str)"],
    "requests_missing_schema": ["https://"],
    "fillna_method_removed": ["df.ffill()"],
    "seaborn_bad_palette": ["'viridis'"],
    "syntax_missing_colon": ["colon"],
    "attribute_fitted_before_fit": ["`coef_`", ".fit("],
    "type_map_not_subscriptable": ["list(...)"],
    "import_name_json_normalize": ["pd.json_normalize"],
    # no view or reshape in its code: the inputs and targets are of other samples
    "corpus_torch_nll_target_shape": ["not the same samples"],
    "corpus_env_import_scipy_imread": ["imageio.v3.imread"],
    "import_local_file_shadows_package": ["`mrcnn.py`", "rename"],
    "merge_key_dtypes": ["int64 vs str"],
    "list_minus_list": ["np.array(a) - np.array(b)"],
    "kfold_too_many_splits": ["folds"],
    "singular_matrix": ["np.linalg.pinv"],
    # y of shape (4, 2): ravel() would make 8 labels of 4 samples; one column or argmax is right
    "y_two_columns": ["2 columns", "np.argmax(y, axis=1)"],
    "pickle_empty_file": ["empty"],
    "ragged_array": ["different lengths"],
    "boolean_mask_mismatch": ["boolean mask"],
    "corpus_torch_device_gpu_string": ["'cuda'", "not 'gpu'"],
    "corpus_keras_adam_lr_kw": ["learning_rate="],
    "corpus_keras_predict_classes_removed": ["np.argmax(model.predict(x), axis=-1)"],
    "corpus_keras_tf_contrib_removed": ["tensorflow-addons", "TensorFlow 2.0"],
    "corpus_torch_no_super_init": ["super().__init__()"],
    "corpus_torch_mat1_mat2_features": ["in_features", "12"],
    "corpus_torch_cuda_device_model_to": ["torch.cuda.is_available()", "map_location='cpu'"],
    "corpus_torch_dtype_double_float": [".float()"],
    "corpus_keras_duplicate_layer_rerun": ["clear_session()"],
    "corpus_keras_embedding_oob": ["input_dim"],
}


@pytest.mark.parametrize("name", sorted(SPECIFICS))
def test_hint_names_the_specifics(name):
    hint, _ = hint_for(name)
    for fragment in SPECIFICS[name]:
        assert fragment in hint, hint


@pytest.mark.parametrize("name", names())
def test_every_hint_is_short_and_evidence_names_the_rule(name):
    hint, evidence = hint_for(name)
    assert hint and len(hint) <= 400
    assert hint.count(". ") + hint.count("? ") <= 2  # one or two sentences
    assert evidence[0].startswith("rule ")
    assert any(line.startswith("exception: ") for line in evidence)


@pytest.mark.parametrize("name", names())
def test_templates_of_all_matching_rules_run_without_the_safety_net(name):
    # make_hint swallows a template error (a hint must never break a diagnosis): call the
    # templates directly so that such an error fails here.
    # A catch-all rule's template may decline (None: the safe hint speaks); every other
    # template must word these fixtures' crashes.
    parsed = parse(record(name))
    for match in matching_rules(parsed):
        template = HINTS.get(match.rule)
        if match.rule in CATCH_ALL:
            if template is not None:
                hint = template(parsed, match.facts)  # runs without raising
                assert hint is None or isinstance(hint, str)
            continue
        assert template is not None, f"no hint template for {match.rule}"
        assert template(parsed, match.facts)


def test_evidence_names_library_frame_and_failing_line():
    _, evidence = hint_for("key_error_column_typo")
    assert "raised inside pandas" in " ".join(evidence)
    assert "failing line: df['prices'].mean()" in evidence


def test_evidence_shows_the_file_name_of_a_windows_frame():
    _, evidence = hint_for("handwritten_ipython_input_windows_sklearn")
    assert "raised inside sklearn (_assert_all_finite in validation.py)" in evidence


@pytest.mark.parametrize(
    ("ename", "evalue", "fragment"),
    [
        # Library messages we cannot record here (no GPU, Keras' exact wording): message only.
        (
            "ValueError",
            "Shapes (None, 1) and (None, 10) are incompatible",
            "sparse_categorical_crossentropy",
        ),
        (
            "RuntimeError",
            "Expected 4-dimensional input for 4-dimensional weight [64, 3, 3, 3], but got "
            "3-dimensional input of size [3, 224, 224] instead",
            "unsqueeze(0)",
        ),
        ("ImportError", "libGL.so.1: cannot open shared object file", "opencv-python-headless"),
        (
            "OSError",
            "[Errno 30] Read-only file system: '/kaggle/input/titanic/submission.csv'",
            "/kaggle/working/",
        ),
        # a Windows path in a normal string: \n became a newline, \U starts a unicode escape
        (
            "FileNotFoundError",
            r"[Errno 2] No such file or directory: 'C:\\data\new_folder\train.csv'",
            r"contains `\n`, which Python read as a backslash escape",
        ),
        (
            "SyntaxError",
            r"(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: "
            r"truncated \UXXXXXXXX escape",
            "raw string",
        ),
        # old PyTorch's CUDA errors: a memory shortage, and a kernel fault (not a device mix-up)
        ("RuntimeError", "cuda runtime error (2) : out of memory at THCStorage.cu:58", "GPU ran"),
        ("RuntimeError", "CUDA error: an illegal memory access was encountered", "embedding id"),
        (
            "ValueError",
            "A `Concatenate` layer requires inputs with matching shapes except for the concat "
            "axis. Got inputs shapes: [(None, 14, 14, 512), (None, 15, 15, 512)]",
            "(None, 15, 15, 512)]): make the branches match",
        ),
    ],
)
def test_library_specific_hints_from_messages(ename, evalue, fragment):
    hint = _message_hint(ename, evalue)
    assert fragment in hint


@pytest.mark.parametrize(
    ("name", "code", "statement"),
    [
        ("glob", "files = glob('data/*.csv')", "from glob import glob"),
        ("glob", "files = glob.glob('data/*.csv')", "import glob"),
        ("Counter", "counts = Counter(words)", "from collections import Counter"),
        ("norm", "length = norm(v)", "from numpy.linalg import norm"),
        ("norm", "p = norm.pdf(x)", "from scipy.stats import norm"),
        ("KMeans", "km = KMeans(3)", "from sklearn.cluster import KMeans"),
    ],
)
def test_name_error_hint_gives_the_import_the_code_needs(name, code, statement):
    error = ErrorRecord(ename="NameError", evalue=f"name '{name}' is not defined", code=code)
    parsed = parse(error)
    match = apply_rules(parsed)
    hint, _ = make_hint(parsed, {"crash_type": match.crash_type}, matching_rules(parsed))
    assert f"`{statement}`" in hint


def test_close_matches_use_the_users_code():
    # The column list is not in pandas' message: the candidates come from the cell's code.
    code = "df = pd.read_csv('sales.csv')\ndf['Revenue'].sum()\ndf['revenue_2020']"
    hint, _ = hint_for("key_error_column_typo", code=code, evalue="'revenue'")
    assert "`Revenue`" in hint


def _name_error_hint(failing_line, name, context=""):
    tb = [
        "NameError                                 Traceback (most recent call last)",
        f"Cell In[12], line 2\n{context}----> 2 {failing_line}\n",
        f"NameError: name '{name}' is not defined",
    ]
    evalue = f"name '{name}' is not defined"
    parsed = parse(ErrorRecord.from_dict({"ename": "NameError", "evalue": evalue, "traceback": tb}))
    match = apply_rules(parsed)
    return make_hint(parsed, {"crash_type": match.crash_type}, matching_rules(parsed))[0]


def test_a_name_the_failing_line_only_uses_is_no_suggestion():
    # y_train is the user's other variable, not a spelling of X_train.
    hint = _name_error_hint("model.fit(X_train, y_train)", "X_train")
    assert "y_train" not in hint and "has no value in this kernel" in hint
    # A name assigned in the code shown, or used on another line, still is.
    hint = _name_error_hint("model.fit(X_trian, y_train)", "X_trian", "      1 X_train = load()\n")
    assert "did you mean `X_train`?" in hint
    hint = _name_error_hint("model.fit(X_trian, y)", "X_trian", "      1 print(X_train.shape)\n")
    assert "did you mean `X_train`?" in hint


@settings(max_examples=300, deadline=None)
@given(
    st.text("abcXY_1", min_size=1, max_size=10),
    st.lists(st.text("abcXY_1", min_size=1, max_size=12), max_size=30),
)
def test_the_close_candidate_prefilter_drops_nothing_close_matches_would_return(word, cands):
    assert close_matches(word, possibly_close(word, cands)) == close_matches(word, cands)


def test_close_matches():
    assert close_matches("prices", ["price", "city", "prices"]) == ["price"]
    assert close_matches("Price", ["price"]) == ["price"]
    assert close_matches("plot_scores", ["scores"]) == []
    assert close_matches("", ["a"]) == []


def test_model_label_that_disagrees_with_a_weak_rule_gets_the_safe_hint():
    # The model's io_error may be wrong: the hint says only what the ValueError makes certain.
    parsed = parse(ErrorRecord(ename="ValueError", evalue="something odd"))
    match = apply_rules(parsed)
    assert match is not None and match.crash_type == "value_error"
    hint, evidence = make_hint(parsed, {"crash_type": "io_error"}, matching_rules(parsed))
    assert hint == safe_hint(parsed)
    assert "ValueError: something odd" in hint and "file" not in hint
    assert evidence[0].startswith("rule values.value_error")


def test_a_rule_agreeing_with_the_models_label_gives_the_hint():
    # The best rule says value_error (generic); if the model says data_value_violation, the
    # NaN rule that also fired knows the specifics.
    parsed = parse(record("data_nan"))
    matches = matching_rules(parsed)
    generic = next(m for m in matches if m.rule == "values.value_error")
    best_first = [generic, *(m for m in matches if m is not generic)]
    hint, evidence = make_hint(parsed, {"crash_type": "data_value_violation"}, best_first)
    assert "SimpleImputer" in hint
    assert evidence[0].startswith("rule data_values.nan")


def test_a_rule_that_fires_on_the_message_alone_gives_the_hint():
    parsed = parse(ErrorRecord(ename="", evalue="No module named 'skimage'"))
    hint, evidence = make_hint(parsed, {"crash_type": "module_not_found"}, matching_rules(parsed))
    assert "scikit-image" in hint
    assert evidence[0].startswith("rule imports.module_not_found")


def test_fallbacks_use_parsed_specifics_when_no_rule_fires():
    # No ename: no rule fires; the generic hint still uses the name found in the message.
    rec = ErrorRecord(ename="", evalue="name 'totl' is not defined", code="total = 1")
    parsed = parse(rec)
    assert matching_rules(parsed) == []
    hint, evidence = make_hint(parsed, {"crash_type": "variable_not_found"}, [])
    assert "`totl`" in hint and "`total`" in hint
    assert not evidence[0].startswith("rule ")


@pytest.mark.parametrize("crash_type", sorted(taxonomy.CRASH_TYPES))
def test_the_fallback_hint_does_not_depend_on_the_models_crash_type(crash_type):
    # Whatever label the model chose, an error no rule knows gets the same true sentence.
    parsed = parse(ErrorRecord(ename="Exception", evalue="x"))
    hint, _ = make_hint(parsed, {"crash_type": crash_type}, matching_rules(parsed))
    assert hint == (
        "The marked line raised Exception: x. The message says no more: search for it together "
        "with the library's name and version."
    )


def test_at_least_forty_templates():
    assert template_count() >= 40


def test_every_rule_but_a_catch_all_has_a_hint_template():
    assert set(rule_names()) - set(HINTS) <= CATCH_ALL


def test_pip_package_names_for_common_imports():
    cases = {
        "sklearn": "scikit-learn",
        "PIL": "Pillow",
        "skimage": "scikit-image",
        "yaml": "pyyaml",
        "bs4": "beautifulsoup4",
    }
    for module, package in cases.items():
        rec = record("module_not_found_cv2", evalue=f"No module named '{module}'")
        parsed = parse(rec)
        hint, _ = make_hint(parsed, {"crash_type": "module_not_found"}, matching_rules(parsed))
        assert f"%pip install {package}" in hint
    assert fixture("module_not_found_cv2")["ename"] == "ModuleNotFoundError"


@pytest.mark.parametrize(
    ("ename", "evalue", "fragment"),
    [
        # Wordings reproduced with the installed libraries (Python 3.11, pandas, torch 2).
        ("TypeError", "bad operand type for unary -: 'str'", "`-` in front of a str"),
        ("TypeError", "'>=' not supported between instances of 'NoneType' and 'str'", "is None"),
        ("TypeError", 'can only concatenate str (not "bytes") to str', "decode"),
        ("TypeError", "write() argument must be str, not bytes", "text mode"),
        ("TypeError", "object of type 'NoneType' has no len()", "`len()` of None"),
        ("TypeError", "object of type 'int' has no len()", "a single number"),
        ("TypeError", "'DataLoader' object is not subscriptable", "next(iter(...))"),
        ("IndexError", "invalid index to scalar variable.", "NumPy scalar"),
        ("IndexingError", "Too many indexers", "one index per dimension"),
        ("IndexError", "index out of range in self", "num_embeddings"),
        ("TypeError", "list indices must be integers or slices, not str", "A list is indexed"),
        ("TypeError", "string indices must be integers, not 'str'", "A string is indexed"),
        ("TypeError", "slice indices must be integers or None or have an __index__ method", "//"),
        ("ValueError", "too many values to unpack (expected 2)", "more than 2 values"),
        ("ValueError", "not enough values to unpack (expected 4, got 2)", "returns 4"),
        ("ValueError", "not enough values to unpack (expected 3, got 2)", "expects 3 values"),
        (
            "RuntimeError",
            "Expected one of cpu, cuda device type at start of device string: gpu0",
            "not 'gpu0'",
        ),
        (
            "ValueError",
            "Error when checking target: expected dense_8 to have shape (10,) but got "
            "array with shape (16388,)",
            "labels' shape",
        ),
        (
            "ValueError",
            "Expected more than 1 value per channel when training, got input size "
            "torch.Size([1, 4])",
            "drop_last=True",
        ),
        (
            "TypeError",
            "max() received an invalid combination of arguments - got (numpy.ndarray, "
            "dim=int), but expected one of:",
            "torch.from_numpy",
        ),
        (
            "TypeError",
            "torch.max received an invalid combination of arguments - got "
            "(numpy.ndarray, dim=int), but expected one of:",
            "torch.from_numpy",
        ),
        (
            "TypeError",
            "sum() received an invalid combination of arguments - got (Tensor, str), "
            "but expected one of:",
            "(Tensor, str)",
        ),
        (
            "AttributeError",
            "module 'seaborn' has no attribute 'scatterplot'",
            "`%pip install -U seaborn`",
        ),
        (
            "ValueError",
            "Input contains NaN, infinity or a value too large for dtype('float64').",
            "NaN or infinite",
        ),
        (
            "KeyError",
            "\"None of [Index(['context', 'axes'], dtype='object')] are in the [columns]\"",
            "('context', 'axes')",
        ),
        ("ModuleNotFoundError", "No module named 'tf'", "`import tensorflow as tf`"),
        ("ModuleNotFoundError", "No module named 'keras'", "%pip install keras"),
        ("ValueError", "3 is not in list", "`.index(...)` did not find 3"),
        ("ValueError", "cannot insert level_0, already exists", "reset_index(drop=True)"),
        ("ValueError", "cannot insert price, already exists", "column `price`"),
        (
            "ValueError",
            "dictionary update sequence element #1 has length 1; 2 is required",
            "(key, value) pairs",
        ),
        ("TypeError", "expected string or bytes-like object, got 'float'", "fillna('')"),
        ("TypeError", "'float' object cannot be interpreted as an index", "int(...)"),
        ("XLRDError", "No sheet named <'Page 2'>", "no sheet `Page 2`"),
        ("ValueError", "Worksheet named 'Sales' not found", "no sheet `Sales`"),
        (
            "ValueError",
            "Parent directory of ckpt/model-2 doesn't exist, can't save.",
            "os.makedirs('ckpt', exist_ok=True)",
        ),
        (
            "ValueError",
            "Solver sag supports only 'l2' or 'none' penalties, got l1 penalty.",
            "got l1 penalty. Pick",
        ),
        (
            "ParamValidationError",
            "Parameter validation failed:\nInvalid type for parameter "
            "Name, value: {'Arn': 'x'}, type: <class 'dict'>, valid types: <class 'str'>",
            "`Name` got a `dict`, but accepts str",
        ),
        (
            "ParamValidationError",
            'Parameter validation failed:\nMissing required parameter in input: "Bucket"',
            "`Bucket` is required",
        ),
        (
            "OperationalError",
            "(sqlite3.OperationalError) no such table: sales\n(Background on "
            "this error at: http://sqlalche.me/e/e3q8)",
            "no such table",
        ),
        (
            "ValueError",
            "could not broadcast input array from shape (2,) into shape (1,7)",
            # no line: an assignment of the user's, np.array or a library's copy (safe hint)
            "could not broadcast input array from shape (2,) into shape (1,7)",
        ),
        (
            "InvalidArgumentError",
            "Incompatible shapes: [3,1] vs. [2,1] [Op:SquaredDifference]",
            "`SquaredDifference`",
        ),
        (
            "RuntimeError",
            "Please install either `pyarrow` (preferred) or `hdfs3`",
            "%pip install pyarrow",
        ),
        ("RuntimeError", "latex was not able to process the following string:\nb'a_b'", "escape"),
        ("TypeError", "cannot pickle '_thread.lock' object", "model.save(path)"),
        ("TypeError", "'Image' object is not callable", "An `Image` object"),
        ("TypeError", "score() missing 2 required positional arguments: 'X' and 'y'", "pass them"),
    ],
)
def test_hints_say_what_the_message_says(ename, evalue, fragment):
    hint = _message_hint(ename, evalue)
    assert fragment in hint, hint
    assert hint.count(". ") + hint.count("? ") <= 2  # one or two sentences


@pytest.mark.parametrize(
    ("ename", "evalue", "wrong"),
    [
        # advice for another problem than the message describes
        ("TypeError", "bad operand type for unary +: 'str'", "mixes text and numbers"),
        ("TypeError", "'<' not supported between instances of 'NoneType' and 'int'", "text"),
        ("TypeError", 'can only concatenate str (not "bytes") to str', "a number"),
        ("ValueError", "too many values to unpack (expected 2)", "train_test_split"),
        ("ModuleNotFoundError", "No module named 'tf'", "%pip install tf"),
        ("ModuleNotFoundError", "No module named 'mylocal_helpers'", "the package is called"),
        ("FileNotFoundError", "[Errno 2] No such file or directory: 'models/resnet.py'", ".npy"),
        ("AttributeError", "module 'seaborn' has no attribute 'lineplot'", "was removed"),
        ("IndexError", "invalid index to scalar variable.", "past the end"),
        ("TypeError", "'DataLoader' object is not subscriptable", "figsize"),
        (
            "RuntimeError",
            "Expected one of cpu, cuda device type at start of device string: cpu0",
            "'gpu'",
        ),
    ],
)
def test_hints_do_not_give_advice_for_another_problem(ename, evalue, wrong):
    hint = _message_hint(ename, evalue)
    assert wrong not in hint, hint


def test_a_submodule_missing_is_no_missing_package():
    # Python names the first part it cannot import: here `statsmodels` itself was found.
    tb = [
        "ModuleNotFoundError                       Traceback (most recent call last)",
        "Cell In[3], line 1\n----> 1 from statsmodels.tsa.holtwinters_old import Holt\n",
        "ModuleNotFoundError: No module named 'statsmodels.tsa.holtwinters_old'",
    ]
    error = {"ename": "ModuleNotFoundError", "evalue": tb[-1].split(": ", 1)[1], "traceback": tb}
    parsed = parse(ErrorRecord.from_dict(error))
    match = apply_rules(parsed)
    hint, _ = make_hint(parsed, {"crash_type": match.crash_type}, matching_rules(parsed))
    assert "no submodule `statsmodels.tsa.holtwinters_old`" in hint
    assert "not installed" not in hint


@pytest.mark.parametrize(
    ("module", "line", "fragments", "absent"),
    [
        # a module we know nothing of may be the user's own file
        (
            "task",
            "from task import run",
            ["%pip install task", "`task` is your project's file or folder"],
            [],
        ),
        # a known package is just missing
        ("xgboost", "import xgboost as xgb", ["%pip install xgboost"], ["your own"]),
        # `google` is a namespace, not a package
        (
            "google",
            "from google.cloud import storage",
            ["google-cloud-storage"],
            ["install google`"],
        ),
    ],
)
def test_module_not_found_hints_for_unknown_and_namespace_modules(module, line, fragments, absent):
    tb = [
        "ModuleNotFoundError                       Traceback (most recent call last)",
        f"Cell In[3], line 1\n----> 1 {line}\n",
        f"ModuleNotFoundError: No module named '{module}'",
    ]
    error = {"ename": "ModuleNotFoundError", "evalue": tb[-1].split(": ", 1)[1], "traceback": tb}
    parsed = parse(ErrorRecord.from_dict(error))
    match = apply_rules(parsed)
    hint, _ = make_hint(parsed, {"crash_type": match.crash_type}, matching_rules(parsed))
    assert all(f in hint for f in fragments), hint
    assert not any(a in hint for a in absent), hint


@pytest.mark.parametrize(
    ("missing", "other", "suggested"),
    [
        ("X_trian", "X_train", True),  # a typo
        ("prices", "price", True),
        ("Xtrain", "X_train", True),
        ("count1", "count2", False),  # numbered siblings
        ("df18", "df18b", False),
        ("d_optimizer", "g_optimizer", False),  # another member of a family
        ("knn_test_mse", "RF_test_mse", False),
        ("coretasks_df", "noncoretasks_df", False),
        ("CONFIG_FILE", "config_list", False),
        ("model", "Model", False),  # an instance named after its class
    ],
)
def test_did_you_mean_suggests_typos_not_sibling_variables(missing, other, suggested):
    hint = _name_error_hint(f"print({missing})", missing, f"      1 {other} = load()\n")
    assert (f"`{other}`" in hint) is suggested, hint
    # the advice to run the assigning cell stays, with or without a suggestion, as a condition:
    # this hint cannot see whether any cell assigns the name
    assert re.search(
        r"run the cell that assigns it first, if there is one|if a cell assigns it, "
        r"run that cell first",
        hint,
    ), hint


# Library wordings reproduced with sklearn 1.9, Pillow 13, torch 2.13, TensorFlow 2.21 / Keras 3,
# OpenCV 5.0 (cv2.error) and, for older releases, their source (Keras 2, OpenCV 4.5 TypeError).
@pytest.mark.parametrize(
    ("ename", "evalue", "fragments"),
    [
        (
            "ValueError",
            "Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required by "
            "LinearRegression.",
            ["`LinearRegression` got no rows", "(shape (0, 3))", "filter"],
        ),
        (
            "ValueError",
            "Found array with 0 feature(s) (shape=(5, 0)) while a minimum of 1 is required by "
            "StandardScaler.",
            ["no columns", "(shape (5, 0))"],
        ),
        (
            "ValueError",
            "Found array with 1 sample(s) (shape=(1, 4)) while a minimum of 2 is required by "
            "KMeans.",
            ["at least 2 rows but got 1"],
        ),
        (
            "OSError",
            "[Errno 22] Invalid argument: 'C:\\\\Users\\\\ana\\new_data.csv'",
            ["`\\n`", "raw string"],
        ),
        (
            "OSError",
            "[Errno 22] Invalid argument: 'D:\\\\data\\\\set\\x07.csv'",
            ["`\\a`", "raw string"],
        ),
        (
            "OSError",
            "[Errno 22] Invalid argument: 'plots/loss 12:30.png'",
            ["contains `:`", "Windows"],
        ),
        (
            "OSError",
            "[Errno 22] Invalid argument: 'results/best?.csv'",
            ["contains `?`"],
        ),
        (
            "OSError",
            "[Errno 22] Invalid argument: 'https://example.org/data/train.csv'",
            ["is a URL", "pd.read_csv(url)"],
        ),
        (
            "RuntimeError",
            "'lengths' argument should be a 1D CPU int64 tensor, but got 1D cuda:0 Long tensor",
            ["cuda:0", "lengths.cpu()"],
        ),
        (
            "RuntimeError",
            "'lengths' argument should be a 1D CPU int64 tensor, but got 2D cpu Long tensor",
            ["2-D", "1-D"],
        ),
        ("RuntimeError", "'lengths' argument should be a 1D CPU int64 tensor", ["lengths.cpu()"]),
        (
            "ValueError",
            "You are trying to load a weight file containing 6 layers into a model with 8 layers.",
            ["the file has 6 layers, this model 8", "ran twice", "model.save"],
        ),
        (
            "ValueError",
            "Layer count mismatch when loading weights from file. Model expected 5 layers, found "
            "3 saved layers.",
            ["the file has 3 layers, this model 5"],
        ),
        (
            "error",
            "OpenCV(4.5.1) /tmp/pip-req-build/opencv/modules/core/src/arithm.cpp:666: error: "
            "(-209:Sizes of input arguments do not match) The operation is neither 'array op "
            "array' (where arrays have the same size and the same number of channels), nor "
            "'array op scalar', nor 'scalar op array' in function 'arithm_op'",
            ["differ in size or number of channels", "cv2.resize"],
        ),
        (
            "TypeError",
            "Expected Ptr<cv::UMat> for argument 'src'",
            ["`src`", "img is not None", "np.array(img)"],
        ),
        (
            "error",
            "OpenCV(5.0.0) :-1: error: (-5:Bad argument) in function 'cvtColor'\n> Overload "
            "resolution failed:\n>  - src is not a numpy array, neither a scalar\n>  - Expected "
            "Ptr<cv::UMat> for argument 'src'\n",
            ["`src`", "img is not None"],
        ),
        (
            "error",
            "OpenCV(5.0.0) :-1: error: (-5:Bad argument) in function 'resize'\n> Overload "
            "resolution failed:\n>  - src data type = object is not supported\n>  - Expected "
            "Ptr<cv::UMat> for argument 'src'\n",
            ["dtype object", ".astype('uint8')"],
        ),
        (
            "TypeError",
            "Cannot handle this data type: (1, 1, 3), <f8",
            ["uint8", "float64", "(arr * 255).astype('uint8')"],
        ),
        ("TypeError", "Cannot handle this data type: (1, 1, 3), <i8", ["not int64"]),
        ("TypeError", "Cannot handle this data type: (1, 1, 224), |u1", ["224", "transpose"]),
        ("TypeError", "Cannot handle this data type", ["uint8", "(H, W)"]),
        (
            "TypeError",
            "Dimension value must be integer or None or have an __index__ method, got value "
            "'(4200, 34)' with type '<class 'tuple'>'",
            ["`(4200, 34)`", "X.shape[1]"],
        ),
        (
            "TypeError",
            "Dimension value must be integer or None or have an __index__ method, got value "
            "'17.0' with type '<class 'float'>'",
            ["float `17.0`", "`//`"],
        ),
        (
            "ValueError",
            "`input_dim` must be a positive integer. Received: input_dim=(4200, 34) (of type "
            "tuple).",
            ["`input_dim` got the whole shape `(4200, 34)`"],
        ),
    ],
)
@pytest.mark.parametrize("label", ["rule", "invalid_argument", "value_error"])
def test_library_hints_come_through_whatever_type_the_model_picks(ename, evalue, fragments, label):
    # The model may label these crashes otherwise than the rule; the rule is trusted for the hint.
    parsed = parse(ErrorRecord(ename=ename, evalue=evalue))
    match = apply_rules(parsed)
    crash_type = match.crash_type if label == "rule" else label
    hint, _ = make_hint(parsed, {"crash_type": crash_type}, matching_rules(parsed))
    assert all(f in hint for f in fragments), hint
    assert hint.count(". ") + hint.count("? ") <= 2, hint  # one or two sentences


@pytest.mark.parametrize(
    ("evalue", "wrong"),
    [
        # an escaped backslash is no escape, and a drive's colon is allowed
        ("[Errno 22] Invalid argument: 'C:\\\\new\\\\data.csv'", "escape"),
        ("[Errno 22] Invalid argument: 'C:\\\\new\\\\data.csv'", "contains `:`"),
        # without a path, say nothing about one
        ("[Errno 22] Invalid argument", "The path ``"),
    ],
)
def test_invalid_path_hint_says_only_what_the_path_shows(evalue, wrong):
    hint = _message_hint("OSError", evalue)
    assert wrong not in hint, hint
