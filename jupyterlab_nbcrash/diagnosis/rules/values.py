"""ValueError of the right type but wrong content: failed casts, unpacking, ambiguous truth
values, lengths that do not match. The generic ValueError fallback lives here too."""

from __future__ import annotations

import re

from .base import group_facts, pattern_rule

_V = "value_error"


def _cast_facts(parsed, m):
    facts = {}
    value = re.search(r"(?:to float|base \d+|to int|Timestamp|number):? ?'([^']*)'", parsed.message)
    if value:
        facts["value"] = value.group(1)
    target = re.search(r"convert string to (\w+)|for (int|float)\(\)", parsed.message)
    if target:
        facts["target"] = target.group(1) or target.group(2)
    return facts


RULES = (
    pattern_rule(
        "values.cannot_convert",
        _V,
        r"could not convert string to (?:float|int)|invalid literal for (?:int|float)\(\)"
        r"|could not convert string '[^']*' to (?:float|int)"
        r"|could not convert (?:string|str) to|Unable to parse string"
        r"|cannot convert the series to|could not convert string to Timestamp"
        r"|Unknown string format|time data .* does not match format|doesn't match format"
        r"|Cannot cast .* to|Invalid literal|argument must be a string or a number",
        enames={"ValueError", "TypeError", "ParserError", "DateParseError"},
        confidence=0.88,
        facts=_cast_facts,
    ),
    pattern_rule(
        "values.unpack",
        _V,
        r"(?P<kind>too many|not enough) values to unpack \(expected (?P<want>\d+)(?:, got "
        r"(?P<got>\d+))?\)",
        enames={"ValueError"},
        confidence=0.9,
        facts=lambda p, m: {
            "kind": m.group("kind"),
            "expected": m.group("want"),
            "got": m.group("got") or "",
        },
    ),
    pattern_rule(
        "values.ambiguous_truth",
        _V,
        r"The truth value of an? (?P<what>Series|DataFrame|array|Index)[^.]* is ambiguous",
        enames={"ValueError"},
        confidence=0.9,
        facts=lambda p, m: {"what": m.group("what")},
    ),
    pattern_rule(
        "values.length_mismatch",
        _V,
        r"Length of values \((?P<a>\d+)\) does not match length of index \((?P<b>\d+)\)"
        r"|Length of passed values is (?P<a2>\d+), index implies (?P<b2>\d+)"
        r"|Length mismatch: Expected axis has (?P<b3>\d+) elements, new values have (?P<a3>\d+)"
        r"|(?:All )?arrays must (?:all )?be (?:of )?the same length|Columns must be same "
        r"length as key"
        r"|If using all scalar values, you must pass an index"
        r"|Unable to coerce to Series, length must be|Must have equal len keys and value"
        r"|cannot set a row with mismatched columns|Wrong number of items passed",
        enames={"ValueError"},
        confidence=0.85,
        facts=lambda p, m: {
            "a": m.group("a") or m.group("a2") or m.group("a3") or "",
            "b": m.group("b") or m.group("b2") or m.group("b3") or "",
        },
    ),
    pattern_rule(
        "values.sequence_element",
        _V,
        r"setting an array element with a sequence",
        enames={"ValueError"},
        confidence=0.85,
    ),
    pattern_rule(
        "values.empty_reduction",
        _V,
        r"zero-size array to reduction operation|attempt to get arg(?:max|min) of an empty sequence"
        r"|(?:max|min)\(\) arg is an empty sequence|No objects to concatenate"
        r"|need at least one array to concatenate|cannot be empty unless no samples are taken",
        enames={"ValueError"},
        confidence=0.85,
    ),
    pattern_rule(
        "values.math_domain",
        _V,
        r"math domain error|Out of bounds nanosecond timestamp|out of bounds for datetime"
        r"|Python int too large|int too large to convert",
        enames={"ValueError", "OverflowError", "OutOfBoundsDatetime"},
        confidence=0.8,
    ),
    pattern_rule(
        "values.tensor_conversion",
        _V,
        r"Failed to convert a NumPy array to a Tensor"
        r"|Can't convert Python sequence with mixed types|Invalid dtype: object",
        library="tensorflow",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "values.too_few_samples",
        _V,
        r"Cannot have number of splits n_splits=\d+ greater than the number of samples"
        r"|Expected n_neighbors <= n_samples|n_samples=\d+ should be >= n_clusters=\d+",
        enames={"ValueError"},
        library="sklearn",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "values.alignment",
        _V,
        r"Can only compare identically-labeled (?:Series|DataFrame) objects",
        enames={"ValueError"},
        library="pandas",
        confidence=0.85,
    ),
    pattern_rule(
        "values.duplicates",
        _V,
        r"Index contains duplicate entries|cannot reindex on an axis with duplicate labels"
        r"|cannot reindex from a duplicate axis|Duplicate column names|duplicate (?:keys|labels)"
        r"|Bin edges must be unique",
        enames={"ValueError", "InvalidIndexError"},
        library="pandas",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "values.not_in_list",
        _V,
        r"^(?P<item>.{1,80}) is not in (?:list|tuple)$",
        enames={"ValueError"},
        confidence=0.85,
        facts=group_facts(item="item"),
    ),
    pattern_rule(
        "values.column_exists",
        _V,
        r"cannot insert (?P<column>.+?), already exists",
        enames={"ValueError"},
        library="pandas",
        confidence=0.85,
        facts=group_facts(column="column"),
    ),
    pattern_rule(
        "values.dict_pairs",
        _V,
        r"dictionary update sequence element #\d+ has length (?P<length>\d+); 2 is required"
        r"|cannot convert dictionary update sequence element",
        enames={"ValueError", "TypeError"},
        confidence=0.85,
        facts=group_facts(length="length"),
    ),
    pattern_rule(
        # Saved weights and the model built now differ: Keras 2, Keras 3 (.h5) and Keras 3 wording.
        "values.weights_layer_count",
        _V,
        r"trying to load a weight file containing (?P<saved>\d+) layers into a model with "
        r"(?P<model>\d+) layers"
        r"|Layer count mismatch when loading weights from file\. Model expected (?P<model2>\d+) "
        r"layers, found (?P<saved2>\d+) saved layers"
        r"|Layer '[\w/]+' expected \d+ variables, but received \d+ variables during "
        r"loading",
        library="tensorflow",
        ml_bug=True,
        confidence=0.85,
        facts=group_facts(saved="saved", model="model", saved2="saved2", model2="model2"),
    ),
    pattern_rule(
        "values.value_error",
        _V,
        enames={"ValueError"},
        confidence=0.45,
    ),
)
