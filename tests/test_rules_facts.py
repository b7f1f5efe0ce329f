"""What the rules extract for the hint (facts) and the few labels they are certain of."""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import apply_rules, embedded_error, matching_rules
from jupyterlab_nbcrash.diagnosis.rules.tables.removed_apis import (
    lookup,
    lookup_kwarg,
    lookup_module,
)
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.fixtures.tracebacks.loader import record


def best(name, **overrides):
    return apply_rules(parse(record(name, **overrides)))


def test_module_not_found_names_the_pip_package_and_environment():
    m = best("module_not_found_cv2")
    assert m.facts["module"] == "cv2" and m.facts["package"] == "opencv-python"
    # The stage is left to the model: an import belongs to the stage it is for (matplotlib → plots).
    assert (m.root_cause, m.stage, m.library) == ("environment_setting", None, "none")


def test_misspelt_module_is_a_typo_not_a_missing_package():
    rec = record("module_not_found_cv2", evalue="No module named 'sklearn.model_selections'")
    m = apply_rules(parse(rec))
    assert m.facts["suggestion"] == "sklearn.model_selection" and m.root_cause is None
    rec = record("module_not_found_cv2", evalue="No module named 'scikit_learn'")
    assert apply_rules(parse(rec)).facts["suggestion"] == "sklearn"
    rec = record("module_not_found_cv2", evalue="No module named 'leidenalg'")
    assert "suggestion" not in apply_rules(parse(rec)).facts


def test_missing_folder_when_writing_and_extension_typos():
    rec = ErrorRecord(
        ename="OSError", evalue="Cannot save file into a non-existent directory: 'out'"
    )
    assert apply_rules(parse(rec)).crash_type == "io_error"
    data = record(
        "file_not_found_read_csv", evalue="[Errno 2] No such file or directory: 'iris.cvs'"
    )
    m = apply_rules(parse(data))
    assert m.facts["extension_typo"] == "csv" and m.root_cause is None


def test_removed_module_and_name_have_their_replacement():
    assert (
        best("module_not_found_removed_sklearn").facts["replacement"] == "sklearn.model_selection"
    )
    m = best("import_name_removed_imputer")
    assert m.facts["name"] == "Imputer" and "SimpleImputer" in m.facts["replacement"]


def test_alias_name_error_is_a_missing_import():
    m = best("alias_not_imported_np")
    assert m.facts["import"] == "import numpy as np"
    assert m.library == "none"
    # A name two imports define: the code's use picks the statement.
    for code, statement in (("glob('*.csv')", "from glob import glob"), ("", "import glob")):
        rec = ErrorRecord(ename="NameError", evalue="name 'glob' is not defined", code=code)
        m = apply_rules(parse(rec))
        assert (m.rule, m.facts["import"], m.facts["module"]) == (
            "imports.alias_not_imported",
            statement,
            "glob",
        )


def test_name_error_uses_the_user_line_to_tell_calls_from_values():
    assert best("name_undefined_function").crash_type == "name_error"
    assert best("name_undefined_variable").crash_type == "variable_not_found"
    # A class name that is not called on the failing line is still a class.
    rec = ErrorRecord(ename="NameError", evalue="name 'StandardScaler' is not defined")
    assert apply_rules(parse(rec)).crash_type == "name_error"


def test_file_facts():
    m = best("file_not_found_read_csv")
    assert (m.facts["path"], m.facts["filename"]) == ("data/train.csv", "train.csv")
    assert best("file_not_found_open_abs").facts["absolute"] == "yes"
    assert best("unicode_decode_csv").facts["codec"] == "utf-8"


def test_memory_facts_and_root_cause():
    m = best("memory_unable_to_allocate")
    assert m.facts["size"] == "7.28 TiB" and m.facts["shape"] == "(1000000, 1000000)"
    assert m.root_cause == "insufficient_resource"


def test_shape_facts():
    assert (best("shapes_not_aligned").facts["a"], best("shapes_not_aligned").facts["b"]) == (
        "(2,3)",
        "(2,3)",
    )
    m = best("shapes_inconsistent_samples")
    assert (m.facts["a"], m.facts["b"], m.library) == ("10", "8", "sklearn")
    assert best("shapes_expected_2d").facts["got"] == "1D"
    m = best("shapes_broadcast")
    assert (m.facts["a"], m.facts["b"]) == ("(3,)", "(4,)")


def test_data_value_facts():
    assert best("data_nan").facts["input"] == "X"
    assert "c" in best("data_unseen_labels").facts["labels"]
    assert best("data_metric_mix").facts["a"] == "binary"


def test_feature_facts():
    m = best("features_count_mismatch")
    assert (m.facts["got"], m.facts["expected"]) == ("3", "2")
    assert best("features_names_mismatch").facts["unseen"] == "c"


def test_key_and_attribute_facts():
    m = best("key_error_column_typo")
    assert (m.facts["key"], m.facts["container"]) == ("prices", "DataFrame")
    assert best("key_error_dict").facts["container"] == "dict"
    m = best("attribute_removed_append")
    assert m.facts["replacement"].startswith("pd.concat") and m.library == "pandas"
    m = best("attribute_removed_np_float")
    assert (m.facts["owner"], m.facts["attribute"], m.library) == ("numpy", "float", "numpy")
    assert best("attribute_array_columns").facts["expected"] == "DataFrame"


def test_argument_facts():
    m = best("argument_unexpected_keyword")
    assert (m.facts["function"], m.facts["keyword"]) == ("read_csv", "error_bad_lines")
    assert m.facts["replacement"] == "on_bad_lines='skip'"
    m = best("argument_gridsearch_param")
    assert (m.facts["param"], m.facts["estimator"]) == ("C", "Pipeline")


def test_network_dns_is_an_environment_setting():
    m = best("network_requests_dns")
    assert m.facts["dns"] == "yes" and m.root_cause == "environment_setting"


def test_syntax_facts():
    assert best("syntax_print_py2").facts["print"] == "yes"
    assert best("syntax_shell_in_cell").facts["shell"] == "git"


def test_specific_rules_rank_above_generic_fallbacks():
    rules = [m.rule for m in matching_rules(parse(record("data_nan")))]
    assert rules[0] == "data_values.nan"
    assert "values.value_error" in rules and rules.index("values.value_error") > 0


def test_message_only_records_still_match():
    # Older stored outputs sometimes keep only ename/evalue: the message alone decides.
    cases = {
        "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 14.73 GiB total capacity)": (
            "RuntimeError",
            "out_of_memory",
        ),
        "mat1 and mat2 shapes cannot be multiplied (64x100 and 200x10)": (
            "RuntimeError",
            "tensor_shape_mismatch",
        ),
        "The size of tensor a (110) must match the size of tensor b (112) at non-singleton "
        "dimension 1": ("RuntimeError", "unsupported_broadcast"),
        "Torch not compiled with CUDA enabled": ("AssertionError", "environment_error"),
        "This model has not yet been built. Build the model first by calling `build()`": (
            "ValueError",
            "model_initialization_error",
        ),
    }
    for evalue, (ename, crash_type) in cases.items():
        m = apply_rules(parse(ErrorRecord(ename=ename, evalue=evalue)))
        assert m is not None and m.crash_type == crash_type, evalue


def test_errors_embedded_in_the_message_are_judged_too():
    # TensorFlow wraps a Python error raised in a py_func; the rule for the inner error fires,
    # slightly less sure.
    rec = ErrorRecord(
        ename="InvalidArgumentError",
        evalue="TypeError: 'SparseTensor' object is not subscriptable",
    )
    parsed = parse(rec)
    inner = embedded_error(parsed)
    assert (inner.ename, inner.message) == (
        "TypeError",
        "'SparseTensor' object is not subscriptable",
    )
    m = apply_rules(parsed)
    assert m.rule == "types.not_subscriptable" and m.confidence < 0.9
    worker = ErrorRecord(
        ename="TypeError",
        evalue="Caught TypeError in DataLoader worker process 0.\nOriginal Traceback (most recent "
        "call last):\n  File \"x.py\", line 3, in f\n    x[0]\nTypeError: 'int' object is not "
        "subscriptable",
    )
    assert apply_rules(parse(worker)).rule == "types.not_subscriptable"
    assert embedded_error(parse(ErrorRecord(ename="ValueError", evalue="plain"))) is None


def test_none_reaching_library_code_is_an_invalid_argument():
    # Raised in the user's own cell (a recorded fixture): an attribute error.
    assert apply_rules(parse(record("attribute_none"))).crash_type == "attribute_error"
    # Raised inside pandas (the IPython 8 frame style, written out): the call got None.
    frames = [
        "AttributeError                            Traceback (most recent call last)",
        "Cell In[4], line 2\n      1 future = model.make_future_dataframe(30)\n"
        "----> 2 forecast = model.predict(future)\n",
        "File ~/.venv/lib/python3.11/site-packages/pandas/core/frame.py:812, in "
        "DataFrame.__init__(self, data)\n--> 812     mgr = data._mgr\n",
        "AttributeError: 'NoneType' object has no attribute '_mgr'",
    ]
    rec = ErrorRecord(ename="AttributeError", traceback=tuple(frames))
    m = apply_rules(parse(rec))
    assert (m.rule, m.crash_type, m.facts["library"]) == (
        "arguments.none_passed_to_library",
        "invalid_argument",
        "pandas",
    )


def test_removed_api_tables():
    assert lookup("DataFrame", "ix").use.startswith(".loc")
    assert lookup("tensorflow._api.v2.train", "AdamOptimizer").library == "tensorflow"
    assert lookup("tensorflow", "placeholder").library == "tensorflow"
    assert lookup("OneHotEncoder", "get_feature_names").use == "get_feature_names_out()"
    assert lookup("numpy", "no_such_thing") is None
    assert lookup_module("sklearn.grid_search").use == "sklearn.model_selection"
    assert lookup_module("keras.layers.core.dense").use == "keras.layers"
    assert lookup_module("pandas") is None
    assert lookup_kwarg("Adam", "lr").use == "learning_rate=..."


def _facts(ename, evalue):
    m = apply_rules(parse(ErrorRecord(ename=ename, evalue=evalue)))
    return m.rule, dict(m.facts), m.confidence


def test_library_message_facts_for_the_hint():
    rule, facts, conf = _facts(
        "ValueError",
        "Found array with 0 sample(s) (shape=(0, 7)) while a minimum of 1 is required by SVC.",
    )
    assert rule == "data_values.empty_data" and conf >= 0.8  # trusted for the hint
    assert facts == {
        "n": "0",
        "what": "sample",
        "shape": "(0, 7)",
        "minimum": "1",
        "estimator": "SVC",
    }
    rule, facts, _ = _facts(
        "RuntimeError",
        "'lengths' argument should be a 1D CPU int64 tensor, but got 1D cuda:1 Int tensor",
    )
    assert rule == "runtime.pack_lengths" and facts == {
        "dims": "1",
        "device": "cuda:1",
        "dtype": "Int",
    }
    rule, facts, _ = _facts(
        "Exception",
        "You are trying to load a weight file containing 2 layers into a model with 3 layers.",
    )
    assert rule == "values.weights_layer_count" and (facts["saved"], facts["model"]) == ("2", "3")
    rule, facts, _ = _facts("TypeError", "Cannot handle this data type: (1, 1, 3), <f4")
    assert rule == "arguments.pil_fromarray" and facts == {"dtype": "float32"}
    rule, facts, _ = _facts("TypeError", "Cannot handle this data type: (1, 1, 1), |u1")
    assert facts == {"channels": "1"}
    # a tuple is right for pool_size: only parameters that take one number are a shape mix-up
    rule, _, _ = _facts("ValueError", "`units` must be a positive integer. Received: units=(9, 4)")
    assert rule == "arguments.shape_for_dimension"
    rule, _, _ = _facts("ValueError", "Invalid `pool_size`. Received: pool_size=(2, 2, 2)")
    assert rule != "arguments.shape_for_dimension"
    rule, facts, _ = _facts("TypeError", "Expected cv::UMat for argument 'img'")
    assert rule == "types.opencv_not_array" and facts == {"argument": "img"}


def test_invalid_path_facts_tell_escape_url_and_forbidden_characters():
    def facts(path):
        rule, found, conf = _facts("OSError", f"[Errno 22] Invalid argument: '{path}'")
        assert rule == "files.invalid_path" and conf >= 0.8
        return found

    assert facts("C:\\\\data\\train.csv")["escape"] == "\\t"
    assert "escape" not in facts("C:\\\\data\\\\train.csv")  # an escaped backslash is fine
    assert facts("http://host/x.csv")["url"] == "yes"
    assert facts("C:\\\\out\\\\run<1>.png")["characters"] == "< >"
    assert _facts("OSError", "[Errno 22] Invalid argument")[2] < 0.8  # no path: a guess
