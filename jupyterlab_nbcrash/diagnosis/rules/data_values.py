"""Data values that break an API's constraint: NaN or infinity, unseen labels, the wrong kind or
number of classes, negative values, singular matrices, empty images."""

from __future__ import annotations

import re

from .base import Template, group_facts, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NAN = "data_values.nan"
UNSEEN_LABELS = "data_values.unseen_labels"
Y_NOT_1D = "data_values.y_not_1d"
LABEL_TYPE = "data_values.label_type"
CLASS_COUNT = "data_values.class_count"
NEGATIVE = "data_values.negative"
LINEAR_ALGEBRA = "data_values.linear_algebra"
TARGET_RANGE = "data_values.target_range"
EMPTY_DATA = "data_values.empty_data"
PLOT_LIMITS = "data_values.plot_limits"
MERGE_DTYPES = "data_values.merge_dtypes"
EMPTY_IMAGE = "data_values.empty_image"
OPENCV_CHANNELS = "data_values.opencv_channels"
OPENCV_ASSERTION = "data_values.opencv_assertion"

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
        NAN,
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
        UNSEEN_LABELS,
        _D,
        r"previously unseen labels|Found unknown categories|unknown categor(?:y|ies)",
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=_labels_facts,
    ),
    pattern_rule(
        Y_NOT_1D,
        _D,
        r"y should be a 1d array|bad input shape|column-vector y was passed"
        r"|y must be (?:a )?1d|Can only accept single dimensional outcomes",
        library="sklearn",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"shape": p.shapes[0] if p.shapes else ""},
    ),
    pattern_rule(
        LABEL_TYPE,
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
        CLASS_COUNT,
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
        NEGATIVE,
        _D,
        r"Negative values in data|must be non-negative|Input X must be non-negative"
        r"|contains negative values|Expected positive|must be positive|must be strictly positive"
        r"|must be non[- ]negative|non negative values",
        enames={"ValueError"},
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        LINEAR_ALGEBRA,
        _D,
        r"Singular matrix|not positive definite|Matrix is not positive definite|SVD did "
        r"not converge"
        r"|did not converge|array must not contain infs",
        enames={"LinAlgError", "ValueError", "RuntimeError"},
        ml_bug=True,
        confidence=0.8,
    ),
    pattern_rule(
        TARGET_RANGE,
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
        EMPTY_DATA,
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
        PLOT_LIMITS,
        _D,
        r"is an invalid Matplotlib date value|Image size of \d+x\d+ pixels is too large"
        r"|Axis limits cannot be NaN or Inf",
        library="matplotlib",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        MERGE_DTYPES,
        _D,
        r"You are trying to merge on (?P<a>[\w\[\]]+) and (?P<b>[\w\[\]]+) columns",
        library="pandas",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"a": m.group("a"), "b": m.group("b")},
    ),
    pattern_rule(
        EMPTY_IMAGE,
        _D,
        r"\(-215:?\s*Assertion failed\)\s*!_?(?:src|ssize|dsize|img|image)\.empty\(\)",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {"what": "empty image"},
    ),
    pattern_rule(
        OPENCV_CHANNELS,
        _D,
        r"Invalid number of channels in input image",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"what": "channels"},
    ),
    pattern_rule(
        OPENCV_ASSERTION,
        _D,
        r"OpenCV\([\d.]+\).*\(-215:?\s*Assertion failed\)",
        ml_bug=True,
        confidence=0.6,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _nan_or_infinity(p, f):
    if f.get("what") == "infinity":
        return (
            "The data contains infinite values: replace them with "
            "`df.replace([np.inf, -np.inf], np.nan)` and then drop or impute them."
        )
    if "infinity" in p.message:
        return (
            "The data contains NaN or infinite values: count them with `np.isinf(X).sum()` and "
            "`X.isna().sum()`, replace inf with NaN, then drop or impute them."
        )
    return (
        "The data contains missing values (NaN): find them with `df.isna().sum()`, then drop them "
        "(`df.dropna()`) or fill them, e.g. `SimpleImputer(strategy='median')`."
    )


def _unseen_categories(p, f):
    labels = f" ({f['labels']})" if f.get("labels") else ""
    return (
        f"The encoder meets categories it did not see when fitted{labels}: fit it on all the "
        "categories, or use `OneHotEncoder(handle_unknown='ignore')`."
    )


def _y_not_1d(p, f):
    return (
        "y must be a 1-D array of labels: use `y.ravel()` or `df['target']` (not "
        "`df[['target']]`), "
        "and `np.argmax(y, axis=1)` for one-hot labels."
    )


def _continuous_labels(p, f):
    return (
        "A classification function got continuous values where class labels are expected: "
        "threshold predictions (e.g. `(y_pred > 0.5).astype(int)`) or use a regression model "
        "and metric."
    )


def _targets_out_of_range(p, f):
    return (
        "The targets are outside the range the loss accepts: binary cross-entropy needs 0/1 "
        "targets, and class indices must lie in 0 … n_classes-1."
    )


def _too_little_data(p, f):
    who = f"`{f['estimator']}`" if f.get("estimator") else "The estimator"
    shape = f" (shape {f['shape']})" if f.get("shape") else ""
    n, minimum = f.get("n", "0"), f.get("minimum", "1")
    if f.get("what") == "feature":
        if n == "0":
            return (
                f"{who} got data with no columns{shape}: the column selection is empty; print "
                "`X.columns` (or `X.shape`) and check the names or dtypes you selected."
            )
        return (
            f"{who} needs at least {minimum} feature columns but got {n}{shape}: pass more "
            "columns, or use another method for a single feature."
        )
    if n == "0":
        return (
            f"{who} got no rows at all{shape}: the data is empty after a filter, `dropna()`, "
            "split or a load that found nothing; print `len(...)` after each step to see where."
        )
    return (
        f"{who} needs at least {minimum} rows but got {n}{shape}: a filter or split left too "
        "little data; check it, or use more samples."
    )


def _class_count_wrong(p, f):
    if f.get("a") and f.get("b"):
        return (
            f"The data has {f['a']} classes but {f['b']} target names: give one name per class or "
            "pass `labels=` with the classes to report."
        )
    return (
        "The labels contain fewer classes than needed (often only one): check the filter or split, "
        "e.g. `train_test_split(..., stratify=y)`."
    )


def _negative_values(p, f):
    return (
        "This estimator needs non-negative input (e.g. MultinomialNB, chi2, NMF): scale with "
        "`MinMaxScaler` instead of `StandardScaler`, or choose another model."
    )


def _singular_matrix(p, f):
    return (
        "The matrix is singular (not invertible): drop constant or duplicated columns, or use "
        "`np.linalg.pinv` instead of `inv`."
    )


def _impossible_axis_range(p, f):
    if "date" in f.get("detail", ""):
        return (
            "The x values are not dates, but the axis is formatted as dates: convert the column "
            "with `pd.to_datetime(...)` or remove the date formatter."
        )
    return (
        "The plotted values give an impossible axis range (huge, NaN or infinite): check the "
        "data's min/max and drop NaN/inf before plotting."
    )


def _merge_key_dtypes(p, f):
    return (
        f"The merge keys have different types ({f.get('a')} vs {f.get('b')}): convert both first, "
        "e.g. `pd.to_datetime(...)` or `.astype(str)`."
    )


def _opencv_empty_image(p, f):
    return (
        "OpenCV got an empty image: `cv2.imread` returns None when the path is wrong or the file "
        "unreadable; check the path and `img is not None` first."
    )


def _opencv_channel_count(p, f):
    return (
        "The image has a different number of channels than the colour conversion expects: check "
        "`img.shape` (a grey image has no third axis) and pick the matching `cv2.COLOR_...` code."
    )


def _opencv_input_check(p, f):
    return (
        "OpenCV's input check failed: print the image's `.shape` and `.dtype` and check they are "
        "what the function expects (e.g. uint8, 3 channels for colour conversions)."
    )


HINTS: dict[str, Template] = {
    NAN: _nan_or_infinity,
    UNSEEN_LABELS: _unseen_categories,
    Y_NOT_1D: _y_not_1d,
    LABEL_TYPE: _continuous_labels,
    TARGET_RANGE: _targets_out_of_range,
    EMPTY_DATA: _too_little_data,
    CLASS_COUNT: _class_count_wrong,
    NEGATIVE: _negative_values,
    LINEAR_ALGEBRA: _singular_matrix,
    PLOT_LIMITS: _impossible_axis_range,
    MERGE_DTYPES: _merge_key_dtypes,
    EMPTY_IMAGE: _opencv_empty_image,
    OPENCV_CHANNELS: _opencv_channel_count,
    OPENCV_ASSERTION: _opencv_input_check,
}
