"""The command line words a label it is not sure of as the panel does (src/uncertainty.ts)."""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.uncertainty import (
    DEFAULT_THRESHOLD,
    check_threshold,
    label_text,
    lower_first,
    percent,
    sureness,
)

TORN = {
    "root_cause": "api_misuse",
    "confidence": {"root_cause": 0.55, "stage": 0.83},
    "alternatives": {
        "root_cause": [
            {"id": "api_misuse", "p": 0.55},
            {"id": "implementation_error", "p": 0.12},
            {"id": "data_confusion", "p": 0.26},
        ],
        "stage": [{"id": "data_preparation", "p": 0.83}, {"id": "training", "p": 0.1}],
    },
    "stage": "data_preparation",
}


def test_below_the_threshold_the_two_likeliest_labels_with_their_shares():
    assert DEFAULT_THRESHOLD == 0.7
    assert label_text(TORN, "root_cause", 0.7) == (
        "API misuse or data confusion — not sure (55% / 26%)"
    )
    assert label_text(TORN, "stage", 0.7) == "Data preparation"
    assert label_text(TORN, "root_cause", 0.55) == "API misuse"  # at the threshold: sure
    assert label_text(TORN, "root_cause", 0) == "API misuse"


def test_the_cause_keeps_its_notebook_cause_and_titles_come_from_the_caller():
    first = "Out-of-order execution (Notebook execution)"
    assert label_text(TORN, "root_cause", 0.7, first=first) == (
        f"{first} or data confusion — not sure (55% / 26%)"
    )
    assert label_text(TORN, "root_cause", 0.7, lambda d, i: i.upper()) == (
        "API_MISUSE or DATA_CONFUSION — not sure (55% / 26%)"
    )


def test_nothing_to_doubt_by_is_sure():
    bare = {"root_cause": "api_misuse"}  # stored before alternatives existed: confidence 1
    assert sureness(bare, "root_cause", 0.99).sure
    alone = {"root_cause": "api_misuse", "confidence": {"root_cause": 0.2}}
    assert label_text(alone, "root_cause", 0.7) == taxonomy.title("root_cause", "api_misuse")
    broken = {
        "root_cause": "api_misuse",
        "confidence": {"root_cause": 0.2},
        "alternatives": {"root_cause": [None, {"id": ""}, {"id": "x", "p": "0.5"}, {"p": 0.3}]},
    }
    assert sureness(broken, "root_cause", 0.7).sure
    zero = {**alone, "alternatives": {"root_cause": [{"id": "data_confusion", "p": 0}]}}
    assert sureness(zero, "root_cause", 0.7).sure


def test_words_as_the_frontend_writes_them():
    assert [percent(p) for p in (0.545, 0.004, 0.005, 1.0)] == ["55%", "0%", "1%", "100%"]
    assert lower_first("Data confusion") == "data confusion"
    assert lower_first("API misuse") == "API misuse"


@pytest.mark.parametrize("bad", [-0.1, 1.01, float("nan"), float("inf")])
def test_a_threshold_is_a_share(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        check_threshold(bad)
    assert check_threshold(0) == 0.0 and check_threshold(1) == 1.0
