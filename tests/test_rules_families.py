"""Each rule family on real recorded kernel tracebacks (tests/fixtures/tracebacks, see record.py).

The expected rule of each fixture is the family's rule for that kind of crash; the crash type is
the one the snippet was written to demonstrate (``expected_crash_type`` in the fixture).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import (
    RULES,
    _candidates,
    _fire,
    apply_rules,
    matching_rules,
    rule_names,
)
from jupyterlab_nbcrash.diagnosis.rules.base import required_literals
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.fixtures.tracebacks.loader import fixture, names, record

ROOT = Path(__file__).resolve().parent.parent

EXPECTED_RULE = {
    # imports
    "module_not_found_cv2": "imports.module_not_found",
    "module_not_found_removed_sklearn": "imports.module_not_found",
    "import_name_removed_imputer": "imports.cannot_import_name",
    "alias_not_imported_np": "imports.alias_not_imported",
    # names
    "name_undefined_variable": "names.undefined_variable",
    "name_undefined_function": "names.undefined_function",
    "name_undefined_class": "names.undefined_class",
    # files
    "file_not_found_read_csv": "files.not_found",
    "file_not_found_open_abs": "files.not_found",
    "is_a_directory": "files.is_a_directory",
    "file_save_missing_folder": "files.not_found",
    "file_not_found_extension_typo": "files.not_found",
    "file_exists_mkdir": "files.exists",
    "json_decode_empty": "files.json_decode",
    "unicode_decode_csv": "files.unicode_decode",
    # memory
    "memory_unable_to_allocate": "memory.memory_error",
    # shapes
    "shapes_not_aligned": "shapes.not_aligned",
    "shapes_matmul": "shapes.matmul",
    "shapes_cannot_reshape": "shapes.cannot_reshape",
    "shapes_broadcast": "shapes.broadcast",
    "shapes_inconsistent_samples": "shapes.inconsistent_samples",
    "shapes_expected_2d": "shapes.expected_2d",
    "shapes_plot": "shapes.plot_dimensions",
    "handwritten_ipython_input_keras_shape": "shapes.keras_expected_shape",
    "handwritten_input_in_tf_qualified": "shapes.keras_incompatible_input",
    # data values
    "data_nan": "data_values.nan",
    "handwritten_ipython_input_windows_sklearn": "data_values.nan",
    "data_unseen_labels": "data_values.unseen_labels",
    "data_unknown_label_type": "data_values.label_type",
    "data_metric_mix": "data_values.label_type",
    "data_negative_nb": "data_values.negative",
    # features, models
    "features_names_mismatch": "features.names_mismatch",
    "features_count_mismatch": "features.count_mismatch",
    "seaborn_missing_column": "features.seaborn_column",
    "model_not_fitted": "models.not_fitted",
    # keys, attributes
    "key_error_column_typo": "keys.key_error",
    "key_error_dict": "keys.key_error",
    "key_error_drop": "keys.missing_label",
    "key_error_not_in_index": "keys.missing_label",
    "attribute_removed_append": "attributes.removed_api",
    "attribute_removed_np_float": "attributes.removed_api",
    "attribute_none": "attributes.none_attribute",
    "attribute_array_columns": "attributes.array_not_frame",
    "attribute_did_you_mean": "attributes.module_attribute",
    # arguments
    "argument_unexpected_keyword": "arguments.unexpected_keyword",
    "argument_sklearn_invalid_param": "arguments.sklearn_invalid_parameter",
    "argument_gridsearch_param": "arguments.sklearn_invalid_parameter",
    "argument_missing_positional": "arguments.positional",
    # types, indexes, values
    "type_not_callable": "types.not_callable",
    "type_none_subscript": "types.not_subscriptable",
    "type_unhashable": "types.unhashable",
    "type_bad_operand_str": "types.str_concat",
    "type_not_iterable": "types.not_iterable",
    "index_list": "indexes.out_of_range",
    "index_numpy_empty": "indexes.out_of_range",
    "index_iloc": "indexes.iloc_out_of_bounds",
    "value_cannot_convert": "values.cannot_convert",
    "value_unpack": "values.unpack",
    "value_ambiguous_truth": "values.ambiguous_truth",
    "value_length_mismatch": "values.length_mismatch",
    # network, runtime, other
    "network_urlopen_dns": "network.request_failed",
    "network_requests_dns": "network.request_failed",
    "handwritten_ipython_input_chained_urlerror": "network.request_failed",
    "runtime_asyncio_run": "runtime.event_loop",
    "syntax_print_py2": "other.syntax",
    "syntax_shell_in_cell": "other.syntax",
    "indentation_error": "other.syntax",
    "zero_division": "other.zero_division",
    "assertion_error": "other.assertion",
    # more library messages
    "optional_dependency_excel": "imports.optional_dependency",
    "pivot_duplicates": "values.duplicates",
    "text_column_mean": "types.unsupported_dtype_operation",
    "concat_arrays": "arguments.wrong_input_container",
    "metric_average_multiclass": "arguments.metric_average",
    "axis_out_of_bounds": "arguments.axis_out_of_bounds",
    "unknown_encoding": "arguments.unknown_encoding",
    "empty_training_data": "data_values.empty_data",
    "boolean_mask_mismatch": "indexes.out_of_range",
    "matplotlib_removed_style": "arguments.plot_value",
    "list_has_no_shape": "attributes.attribute_error",
    "python2_xrange": "names.undefined_function",
    "syntax_curly_quotes": "other.syntax",
    "unbound_local": "names.unbound_local",
    "with_class_not_instance": "types.context_manager",
    "pandas_str_accessor": "attributes.pandas_accessor",
    "requests_missing_schema": "network.request_failed",
    "fillna_method_removed": "arguments.unexpected_keyword",
    "seaborn_bad_palette": "arguments.plot_value",
    "syntax_missing_colon": "other.syntax",
    "attribute_fitted_before_fit": "attributes.attribute_error",
    "type_map_not_subscriptable": "types.not_subscriptable",
    "import_name_json_normalize": "imports.cannot_import_name",
    "import_local_file_shadows_package": "imports.not_a_package",
    "permission_denied_write": "files.permission_denied",
    "pil_not_an_image": "files.unsupported_format",
    "pickle_empty_file": "files.bad_pickle",
    "numpy_concatenate": "shapes.concatenate",
    "dataframe_shape_columns": "shapes.pandas_shape",
    "y_two_columns": "data_values.y_not_1d",
    "single_class": "data_values.class_count",
    "singular_matrix": "data_values.linear_algebra",
    "merge_key_dtypes": "data_values.merge_dtypes",
    "missing_positional": "arguments.positional",
    "kfold_too_many_splits": "values.too_few_samples",
    "string_index_str": "indexes.bad_indices_type",
    "list_minus_list": "types.bad_operands",
    "json_int64": "types.not_serializable",
    "range_float": "types.cannot_interpret",
    "numpy_add_str": "types.dtype_promotion",
    "ragged_array": "values.sequence_element",
    "max_of_empty": "values.empty_reduction",
    "log_negative": "values.math_domain",
    "recursion": "other.recursion",
    "not_implemented_method": "other.not_implemented",
    # PyTorch and TensorFlow/Keras, recorded by the corpus helper (see each fixture's made_by)
    "corpus_torch_device_gpu_string": "arguments.device_string",
    "corpus_torch_max_numpy": "arguments.torch_argument_type",
    "corpus_keras_adam_lr_kw": "arguments.unexpected_keyword",
    "corpus_keras_activation_bad": "arguments.unknown_identifier",
    "corpus_keras_predict_classes_removed": "attributes.removed_api",
    "corpus_keras_tf_contrib_removed": "attributes.removed_api",
    "corpus_torch_bce_target_range": "data_values.target_range",
    "corpus_keras_embedding_oob": "indexes.tf_gather",
    "corpus_keras_tf_oom": "memory.tf_oom",
    "corpus_torch_oom_embedding": "memory.unable_to_allocate",
    "corpus_keras_count_params_unbuilt": "models.not_built",
    "corpus_keras_fit_before_compile": "models.not_compiled",
    "corpus_keras_duplicate_layer_rerun": "models.duplicate_layers",
    "corpus_torch_no_super_init": "models.torch_module_init",
    "corpus_torch_backward_twice": "runtime.autograd",
    "corpus_torch_dtype_double_float": "runtime.dtype_mismatch",
    "corpus_torch_cuda_device_model_to": "runtime.no_cuda",
    "corpus_keras_cardinality": "shapes.keras_incompatible_input",
    "corpus_keras_conv_ndim": "shapes.keras_incompatible_input",
    "corpus_torch_mat1_mat2_features": "shapes.torch_mat1_mat2",
    "corpus_torch_mse_size_mismatch": "shapes.torch_broadcast",
    "corpus_torch_shape_invalid_view": "shapes.torch_view",
    "corpus_torch_bce_size": "shapes.torch_channels",
    "corpus_keras_tf_matmul": "shapes.matmul",
    "corpus_keras_tf_constant_mixed": "values.tensor_conversion",
    "corpus_torch_view_noncontiguous": "runtime.non_contiguous",
    "corpus_torch_nll_target_shape": "shapes.torch_channels",
    "corpus_env_import_scipy_imread": "imports.cannot_import_name",
}


def test_every_fixture_has_an_expected_rule():
    assert sorted(EXPECTED_RULE) == names()


@pytest.mark.parametrize("name", sorted(EXPECTED_RULE))
def test_best_rule_and_crash_type_on_recorded_tracebacks(name):
    match = apply_rules(parse(record(name)))
    assert match is not None
    assert (match.rule, match.crash_type) == (
        EXPECTED_RULE[name],
        fixture(name)["expected_crash_type"],
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_RULE))
def test_no_rule_raises_on_recorded_tracebacks(name):
    # matching_rules skips a rule that raises (a diagnosis must not fail): call each rule
    # directly so that such a bug fails here instead of silently losing the rule.
    parsed = parse(record(name))
    for rule in RULES:
        rule(parsed)


@pytest.mark.parametrize("name", sorted(EXPECTED_RULE))
def test_matches_are_valid_and_sorted(name):
    matches = matching_rules(parse(record(name)))
    assert matches == sorted(matches, key=lambda m: -m.confidence)
    for m in matches:
        assert m.crash_type in taxonomy.CRASH_TYPES
        assert m.root_cause is None or m.root_cause in taxonomy.ROOT_CAUSES
        assert m.stage is None or m.stage in taxonomy.STAGES
        assert m.library is None or taxonomy.is_valid("library", m.library)
        assert 0.0 < m.confidence <= 1.0
        assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in m.facts.items())


def test_matches_are_hashable_and_facts_read_only():
    match = apply_rules(parse(record("module_not_found_cv2")))
    assert match in {match}
    with pytest.raises(TypeError):
        match.facts["module"] = "x"


def test_literal_prefilter_never_hides_a_match():
    # The prefilter must pass every message its regex matches: checked on all recorded messages
    # and on our whole corpus.
    corpus = ROOT / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"
    messages = [parse(record(name)).message for name in names()]
    if corpus.exists():
        messages += [json.loads(line)["evalue"] for line in corpus.read_text("utf-8").splitlines()]
    checked = 0
    for rule in RULES:
        regex, needed = getattr(rule, "regex", None), getattr(rule, "needed", None)
        if regex is None or needed is None:
            continue
        for message in messages:
            if regex.search(message):
                checked += 1
                assert any(lit in message for lit in needed), (rule.rule_name, message[:80])
    assert checked > 100


def test_rules_skipped_by_exception_name_would_not_have_fired():
    # matching_rules calls only the rules made for the crash's exception name (or for any), and
    # only those whose literal prefilter passes (checked in _fire, before the call): on every
    # recorded traceback and corpus crash, what every rule says is the same matches, in the
    # same order.
    corpus = ROOT / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"
    parsed = [parse(record(name)) for name in names()]
    if corpus.exists():
        parsed += [
            parse(ErrorRecord.from_dict(json.loads(line)))
            for line in corpus.read_text("utf-8").splitlines()
        ]
    skipped = 0
    for p in parsed:
        every = [m for rule in RULES if (m := rule(p)) is not None]
        assert _fire(p) == every, p.ename
        skipped += len(RULES) - len(_candidates(p.ename))
    assert skipped > 20 * len(parsed)  # most crashes skip the rules of other exceptions


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"shapes (?P<a>\(\d+\)) and \(\d+\) not aligned", (") not aligned",)),
        (r"foo|bar baz", ("bar baz", "foo")),
        (r"(?:Unknown|Could not interpret) (?P<w>loss|metric)", ("Could not interpret", "Unknown")),
        (r"ab?c", None),  # no run of 3 literals: no prefilter
        (r"x(?:abc)?y", None),  # an optional group is not required
        (r"\w+ is out of range|ou", None),  # one branch without a 3-character literal
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == expected


def test_rule_names_are_unique_and_namespaced():
    ids = rule_names()
    assert len(ids) == len(set(ids)) >= len(RULES)
    assert all("." in i for i in ids)


@pytest.mark.parametrize("name", sorted(EXPECTED_RULE))
def test_matches_carry_declared_rule_ids(name):
    declared = set(rule_names())
    assert {m.rule for m in matching_rules(parse(record(name)))} <= declared


def test_no_rule_fires_on_a_plain_success_message():
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    assert matching_rules(parse(ErrorRecord(ename="", evalue="all good", traceback=()))) == []
