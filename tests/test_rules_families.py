"""Each rule family on real recorded kernel tracebacks (tests/fixtures/tracebacks, see record.py).

The expected rule of each fixture is the family's rule for that kind of crash; the crash type is
the one the snippet was written to demonstrate (``expected_crash_type`` in the fixture).
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.rules import RULES, apply_rules, matching_rules, rule_names
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.fixtures.tracebacks.loader import fixture, names, record

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
    "argument_missing_positional": "arguments.library_rejected_type",
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
}


def test_every_fixture_has_an_expected_rule():
    assert sorted(EXPECTED_RULE) == names()


@pytest.mark.parametrize("name", sorted(EXPECTED_RULE))
def test_best_rule_and_crash_type_on_recorded_tracebacks(name):
    match = apply_rules(parse(record(name)))
    assert match is not None
    assert (match.rule, match.crash_type) == (EXPECTED_RULE[name], fixture(name)["expected_crash_type"])


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


def test_rule_names_are_unique_and_namespaced():
    ids = rule_names()
    assert len(ids) == len(set(ids)) == len(RULES)
    assert all("." in i for i in ids)


def test_no_rule_fires_on_a_plain_success_message():
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    assert matching_rules(parse(ErrorRecord(ename="", evalue="all good", traceback=()))) == []
