"""Data values that break an API's constraint: NaN or infinity, unseen labels, the wrong kind or
number of classes, negative values, singular matrices, empty images."""

from __future__ import annotations

import re

from .base import group_facts, pattern_rule

_D = "data_value_violation"


def _nan_facts(parsed, m):
    facts = {"what": "infinity" if re.search(r"infinity|inf\b", m.group(0), re.I) else "NaN"}
    which = re.search(r"Input (X|y)\b", parsed.message)
    if which:
        facts["input"] = which.group(1)
    return facts


def _labels_facts(parsed, m):
    labels = re.search(r"previously unseen labels: ?\[?([^\]\n]*)", parsed.message)
    if labels:
        return {"labels": labels.group(1).strip()[:200]}
    cats = re.search(r"Found unknown categories \[?([^\]\n]*)\]?", parsed.message)
    return {"labels": cats.group(1).strip()[:200]} if cats else {}


RULES = (
    pattern_rule(
        "data_values.nan",
        _D,
        r"Input (?:[Xy] )?contains (?:NaN|infinity)|contains NaN|Input (?:X|y) contains infinity"
        r"|array must not contain infs or NaNs|NaN, infinity or a value too large"
        r"|Cannot convert non-finite values \(NA or inf\) to integer|cannot convert float NaN"
        r"|Integer column has NA values|cannot convert float infinity to integer"
        r"|Found NaN|nan values? (?:found|detected)|must contain only finite values"
        r"|array must not contain infs|contains inf or nans"
        r"|tensor contains either `inf`, `nan` or element < 0|containing NA / NaN values",
        ml_bug=True,
        confidence=0.95,
        facts=_nan_facts,
    ),
    pattern_rule(
        "data_values.unseen_labels",
        _D,
        r"previously unseen labels|Found unknown categories|unknown categor(?:y|ies)",
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=_labels_facts,
    ),
    pattern_rule(
        "data_values.y_not_1d",
        _D,
        r"y should be a 1d array|bad input shape|column-vector y was passed"
        r"|y must be (?:a )?1d|Can only accept single dimensional outcomes",
        library="sklearn",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"shape": p.shapes[0] if p.shapes else ""},
    ),
    pattern_rule(
        "data_values.label_type",
        _D,
        r"Unknown label type|Classification metrics can't handle a mix of (?P<a>[\w-]+) and "
        r"(?P<b>[\w-]+) targets|(?P<c>continuous(?:-multioutput)?|multiclass-multioutput) is not "
        r"supported|Supported target types are"
        r"|multiclass format is not supported|Mix of label input types",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {
            "a": m.group("a") or m.group("c") or "",
            "b": m.group("b") or "",
        },
    ),
    pattern_rule(
        "data_values.class_count",
        _D,
        r"Number of classes, (?P<a>\d+), does not match size of target_names, (?P<b>\d+)"
        r"|needs samples of at least 2 classes|The number of classes has to be greater than one"
        r"|only one class|contains only one label|n_splits=\d+ cannot be greater than the number"
        r" of members in each class|number of classes .* does not match"
        r"|The least populated class(?:es)? in y ha(?:s|ve) only \d+ member"
        r"|Invalid classes inferred from unique values of `y`",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"a": m.group("a") or "", "b": m.group("b") or ""},
    ),
    pattern_rule(
        "data_values.negative",
        _D,
        r"Negative values in data|must be non-negative|Input X must be non-negative"
        r"|contains negative values|Expected positive|must be positive|must be strictly positive"
        r"|must be non[- ]negative|non negative values",
        enames={"ValueError"},
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        "data_values.linear_algebra",
        _D,
        r"Singular matrix|not positive definite|Matrix is not positive definite|SVD did "
        r"not converge"
        r"|did not converge|array must not contain infs",
        enames={"LinAlgError", "ValueError", "RuntimeError"},
        ml_bug=True,
        confidence=0.8,
    ),
    pattern_rule(
        "data_values.target_range",
        _D,
        r"all elements of (?:target|input) should be between 0 and 1"
        r"|Received a label value of -?\d+ which is outside the valid range"
        r"|Assertion `t >= 0 && t < n_classes` failed",
        library="torch",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        # sklearn's check_array: too few rows (usually none left after a filter or a load) or no
        # columns. Trusted for the hint: the model may call it an invalid argument.
        "data_values.empty_data",
        _D,
        r"Found array with (?P<n>\d+) (?P<what>sample|feature)\(s\)"
        r"(?: \(shape=(?P<shape>\([\d, ]*\))\))?(?: while a minimum of (?P<min>\d+) is required"
        r"(?: by (?P<by>\w+))?)?",
        library="sklearn",
        ml_bug=True,
        confidence=0.85,
        facts=group_facts(n="n", what="what", shape="shape", minimum="min", estimator="by"),
    ),
    pattern_rule(
        "data_values.plot_limits",
        _D,
        r"is an invalid Matplotlib date value|Image size of \d+x\d+ pixels is too large"
        r"|Axis limits cannot be NaN or Inf",
        library="matplotlib",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "data_values.merge_dtypes",
        _D,
        r"You are trying to merge on (?P<a>[\w\[\]]+) and (?P<b>[\w\[\]]+) columns",
        library="pandas",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"a": m.group("a"), "b": m.group("b")},
    ),
    pattern_rule(
        "data_values.empty_image",
        _D,
        r"\(-215:?\s*Assertion failed\)\s*!_?(?:src|ssize|dsize|img|image)\.empty\(\)",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"what": "empty image"},
    ),
    pattern_rule(
        "data_values.opencv_channels",
        _D,
        r"Invalid number of channels in input image",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"what": "channels"},
    ),
    pattern_rule(
        "data_values.opencv_assertion",
        _D,
        r"OpenCV\([\d.]+\).*\(-215:?\s*Assertion failed\)",
        ml_bug=True,
        confidence=0.6,
    ),
)
