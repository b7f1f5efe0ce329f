"""The study's published shares, so that a scan can be read next to them.

From Wang et al., "Why do Machine Learning Notebooks Crash?", IEEE TSE 2025: 746 hand-labelled
crashes (the shares listed in docs/TAXONOMY.md). Library shares are over all crashes: the study
gives them among the 42% of crashes that name a library, so they are scaled by 0.42 here.
"""

from __future__ import annotations

LABELLED_CRASHES = 746
ML_BUG_SHARE = 0.68

_LIBRARY_NAMED = 0.42
_LIBRARY_AMONG_NAMED = {
    "pandas": 0.215,
    "tensorflow": 0.195,
    "sklearn": 0.174,
    "numpy": 0.106,
    "torch": 0.106,
    "matplotlib": 0.061,
    "seaborn": 0.044,
}

SHARES: dict[str, dict[str, float]] = {
    "crash_type": {
        "variable_not_found": 0.178,
        "invalid_argument": 0.098,
        "io_error": 0.097,
        "module_not_found": 0.080,
        "attribute_error": 0.070,
        "key_error": 0.067,
        "value_error": 0.058,
        "tensor_shape_mismatch": 0.055,
        "type_error": 0.054,
        "index_error": 0.039,
        "name_error": 0.039,
        "data_value_violation": 0.035,
        "out_of_memory": 0.021,
        "environment_error": 0.021,
        "request_error": 0.017,
        "unsupported_broadcast": 0.016,
        "runtime_error": 0.015,
        "feature_name_mismatch": 0.012,
        "model_initialization_error": 0.007,
        "other": 0.021,
    },
    "root_cause": {
        "api_misuse": 0.209,
        "notebook_specific": 0.194,
        "implementation_error": 0.169,
        "environment_setting": 0.168,
        "data_confusion": 0.164,
        "ml_model_confusion": 0.023,
        "insufficient_resource": 0.023,
        "library_cause": 0.012,
        "unknown": 0.039,
    },
    "stage": {
        "environment_setup": 0.074,
        "data_preparation": 0.330,
        "data_visualization": 0.135,
        "model_construction": 0.083,
        "training": 0.194,
        "evaluation": 0.184,
    },
    "library": {
        "none": 1 - _LIBRARY_NAMED,
        **{lib: round(s * _LIBRARY_NAMED, 4) for lib, s in _LIBRARY_AMONG_NAMED.items()},
    },
}


def share(dimension: str, label: str) -> float | None:
    """The study's share of ``label`` among all its crashes, or None when it gives none."""
    return SHARES.get(dimension, {}).get(label)
