"""Feature mismatch: the features at predict/transform time differ from those seen at fit time."""

from __future__ import annotations

import re

from .base import pattern_rule

_F = "feature_name_mismatch"


def _feature_facts(parsed, m):
    facts = {}
    counts = re.search(
        r"X has (\d+) features(?: per sample)?[,;] (?:but \w+ is )?expecting (\d+)", parsed.message
    )
    if counts:
        facts.update(got=counts.group(1), expected=counts.group(2))
    unseen = re.search(r"Feature names unseen at fit time:\s*\n?((?:- .*\n?)+)", parsed.message)
    if unseen:
        facts["unseen"] = ", ".join(x.strip("- ").strip() for x in unseen.group(1).splitlines()[:5])
    missing = re.search(
        r"Feature names seen at fit time, yet now missing:\s*\n?((?:- .*\n?)+)", parsed.message
    )
    if missing:
        facts["missing"] = ", ".join(
            x.strip("- ").strip() for x in missing.group(1).splitlines()[:5]
        )
    cols = re.search(r"columns are missing: \{(.*?)\}", parsed.message)
    if cols:
        facts["missing"] = cols.group(1)[:200]
    return facts


RULES = (
    pattern_rule(
        "features.names_mismatch",
        _F,
        r"feature names should match those that were passed during fit|Feature names unseen at fit"
        r"|Feature names seen at fit time, yet now missing|Feature names must be in the same order"
        r"|feature_names mismatch|columns are missing:|The feature names should match",
        ml_bug=True,
        confidence=0.97,
        facts=_feature_facts,
    ),
    pattern_rule(
        "features.count_mismatch",
        _F,
        r"X has \d+ features(?: per sample)?[,;] (?:but \w+ is )?expecting \d+ features"
        r"|X has \d+ features per sample; expecting \d+"
        r"|Number of features of the model must match the input"
        r"|query data dimension must match training data dimension"
        r"|number of features (?:in|of) .* (?:does not|doesn't|must) match"
        r"|The number of features in data \(\d+\) is not the same as it was in training data",
        ml_bug=True,
        confidence=0.95,
        facts=_feature_facts,
    ),
    pattern_rule(
        "features.seaborn_column",
        _F,
        r"Could not interpret (?:input|value) [`']?(?P<column>[^'`]+)[`']?",
        library="seaborn",
        ml_bug=True,
        confidence=0.6,
        facts=lambda p, m: {"column": m.group("column")},
    ),
)
