"""Data values that break an API's constraint: NaN or infinity, unseen labels, the wrong kind or
number of classes, negative values, singular matrices, empty images."""

from __future__ import annotations

import re

from ..definitions import assigned_values, imports_name, seen_code
from ..finding import short
from ..name_reads import has_word
from ..shape_text import SPLIT_INTO_FOUR, call_args, code, dims
from ..split_unpacking import misordered_unpacking
from ..traceback import ParsedError
from ..where import call_arguments, failing_call, failing_line_number, own_lines, user_frame_index
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
    text = m.group(0)
    if re.search(r"non-finite|NA or inf|to integer|Integer column", text, re.I):
        what = "int_cast"  # NaN (or inf) in a column cast to an integer type
    elif re.search(r"infinity|inf\b", text, re.I) and not re.search(r"nan", text, re.I):
        what = "infinity"
    else:
        what = "NaN"
    facts = {"what": what}
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
        r"|tensor contains either `inf`, `nan` or element < 0|containing NA / NaN values"
        r"|(?:supplied|autodetected) range of \[[^\]]*\] is not finite",
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


def _input_name(p: ParsedError, f) -> str:
    """The data the message blames, as the call passed it: "Input X" is the call's first
    argument, "Input y" its second; otherwise the call's only argument."""
    args = call_args(p)
    which = {"X": 0, "y": 1}.get(f.get("input", ""))
    if which is not None and len(args) > which and code(args[which]):
        return code(args[which])
    if len(args) == 1 and code(args[0]):
        return code(args[0])
    return f"`{f['input']}`" if f.get("input") else "The data"


# scikit-learn's own check of the target, as its frames show it (`_assert_all_finite(y)`):
# older releases do not name the input in the message.
_CHECKS_Y = re.compile(r"\b(?:_assert_all_finite|column_or_1d|_check_y)\(\s*y\b")


def _checked_target(p: ParsedError) -> str:
    """ "y" when a library frame's failing line checks the target y, else ""."""
    return "y" if any(f.library and _CHECKS_Y.search(f.failing_line) for f in p.frames) else ""


def _computed_by_own_function(p: ParsedError) -> str:
    """The user's own function (in a module of theirs or a cell's `def`) that called the
    library whose check failed, as "`f()` (file.py)" or "`f()`"; "" when the cell's line
    called it directly."""
    frames = list(p.frames)
    first = next((i for i, f in enumerate(frames) if f.library), None)
    if not first:
        return ""
    caller = frames[first - 1]
    name = caller.function.strip("<>")
    if caller.library or caller.package or not re.fullmatch(r"[A-Za-z_]\w*", name):
        return ""
    if name == "module" or (caller.is_user and first - 1 == 0):
        return ""
    where = re.split(r"[\\/]", caller.filename)[-1]
    line = " ".join(caller.failing_line.split())
    at = f" at `{line}`" if 0 < len(line) <= 60 and line.count("(") == line.count(")") else ""
    return f"`{name}()`" + (f" ({where})" if where.endswith(".py") else "") + at


# scikit-learn's own check of its inputs: where a NaN it reports is the data's.
_INPUT_CHECK = re.compile(r"check_array|check_X_y|_assert_all_finite|validate_data|_check_")
_ESTIMATOR_FITS = ("fit", "fit_predict", "fit_transform")


def _check_inside_library(p: ParsedError) -> str:
    """The hint when the finiteness check is SciPy's (or NumPy's under SciPy), reached from
    scikit-learn's computation steps below the user's call, with no input check on the way:
    scikit-learn checks its inputs for NaN/inf when a fit starts, so one met later is one the
    method computed. "" else.
    When: the line calls an estimator's `fit`/`fit_predict`/`fit_transform`, the first library
    under it is scikit-learn, SciPy runs under it, NumPy/SciPy raised, and no frame is an input
    check (`check_array`, `_assert_all_finite`, ...)."""
    i = user_frame_index(p)
    libs = [fr for fr in p.frames[(i or 0) + 1 :] if fr.library] if i is not None else []
    if len(libs) < 3 or libs[-1].library not in ("numpy", "scipy"):
        return ""
    first = libs[0].library
    if first != "sklearn" or any(_INPUT_CHECK.search(fr.function) for fr in libs):
        return ""
    entered = next((fr for fr in libs if fr.library == "scipy"), None)
    if entered is None:
        return ""
    call = failing_call(p)
    if call is None or call.function.rsplit(".", 1)[-1] not in _ESTIMATOR_FITS:
        return ""  # a function called directly may pass its input on unchecked
    what = f"`{call.function}`"
    step = next((fr.function for fr in reversed(libs) if fr.library == "scipy"), "")
    step = f"SciPy's `{step}`" if re.fullmatch(r"[A-Za-z_]\w*", step) else "SciPy"
    example = (
        " (a precomputed affinity must be a non-negative similarity matrix, not distances)"
        if "precomputed" in p.user_code
        else ""
    )
    return (
        f"NaN or inf came up inside {what}'s own computation ({step}, run by scikit-learn, "
        "which checks its input for them first), so the method computed it from your data: "
        f"check that the input is what this method expects{example}, and its parameters."
    )


def _dict_map_in(p: ParsedError) -> bool:
    """The notebook (or the cell) maps a column's values with a dict: `.map({'a': 0, …})`."""
    return any(".map({" in code.replace(" ", "") for code in (p.user_code, *p.notebook_code))


_INF = re.compile(r"\binf(?:inity|s)?\b|finite", re.I)
_NAN = re.compile(r"\bnans?\b|\bNA\b|finite", re.I)


def _computed_number_to_int(p: ParsedError) -> bool:
    """True when Python's int() of a NaN or inf ran inside a library other than pandas (a pie
    of all-zero values, KMeans, np.vectorize): the number may be one the library computed, not a
    missing value of the data."""
    if not re.search(r"cannot convert float (?:NaN|infinity) to integer", p.message):
        return False
    last = p.frames[-1] if p.frames else None
    return last is not None and bool(last.library) and last.library != "pandas"


# `int(x)` (or `round(x)`, which converts to int too) of a name or an expression, not of a
# read item (`int(row['Age'])`: the data's own value, which may be a missing one); `print(` is
# no call of `int`.
# `round(x, 2)` keeps a NaN a float and raises nothing: only a one-argument round converts.
_INT_OF_COMPUTED = re.compile(r"(?<![\w.])(int(?=\((?![^()]*\[))|round(?=\((?![^()]*[\[,])))\(")


# `name = f(a, b)`: a name bound from one call of a plain name (a function of the notebook's,
# not a library's `np.mean(...)`, whose NaN of nothing the general hint names)
_NAME_FROM_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*=(?!=)\s*([A-Za-z_]\w*\([^()]*\))\s*$")
# `name = ...` / `name += ...`: a line that binds the name otherwise
_BINDS_NAME = re.compile(r"^\s*([A-Za-z_]\w*)\s*[-+*/]?=(?!=)")
# `int(name)` / `round(name)`: the converted value is one plain name
_CONVERTS_NAME = re.compile(r"(?<![\w.])(?:int|round)\(\s*([A-Za-z_]\w*)\s*\)")


def _made_by_a_call_above(frame, call) -> tuple[str, str] | None:
    """(name, call) when the frame's failing line converts one plain name and the last shown
    line above it that binds the name binds it from a plain-named call (`yhat = predict(...)`)."""
    converted = _CONVERTS_NAME.search(frame.failing_line or "", call.start())
    if not converted or converted.start() != call.start():
        return None
    name = converted.group(1)
    lines = list(frame.code_lines)
    if frame.failing_line not in lines:
        return None
    made = None
    for line in lines[: lines.index(frame.failing_line)]:
        m = _NAME_FROM_CALL.match(line)
        if m and m.group(1) == name:
            made = m.group(2)
        elif (bound := _BINDS_NAME.match(line)) and bound.group(1) == name:
            made = None
    return (name, made) if made else None


def _imported_function(p: ParsedError, source: str) -> bool:
    """Whether the call `f(...)` calls a name the code imports (`from numpy import mean`): a
    library's function, whose NaN of an empty input the general hint names."""
    function = source.split("(")[0].strip()
    return any(imports_name(code, function) for code in (p.user_code, *p.notebook_code))


def _own_function_int_of_nan(p: ParsedError) -> str | None:
    """Python's `int()` of a NaN raised in a function of the user's (no library below it): a
    number that function computed is NaN (a mean of nothing, 0/0), not a missing value of a
    table, so dropping or imputing rows is no fix."""
    if "cannot convert float NaN to integer" not in p.message:
        return None
    last = p.frames[-1] if p.frames else None
    if last is None or not last.is_user or last.function in ("", "<module>", "<lambda>"):
        return None
    call = _INT_OF_COMPUTED.search(last.failing_line or "")
    if not call:
        return None
    if any(fr.library for fr in p.frames):
        # a library called the function (`df.apply(f, axis=1)`, `Series.map`): its value is
        # an item of the data, where a NaN is a missing value of the table
        return None
    made = _made_by_a_call_above(last, call)
    if made and _imported_function(p, made[1]):
        made = None  # `from numpy import mean`: a library's mean of nothing is NaN too
    if made:
        # `yhat = predict(row, coef)` then `round(yhat)`: the call above returned NaN; skipping
        # it hides the cause, which is in what that call gets or computes
        name, source = made
        return (
            f"Your function `{last.function}` calls `{call.group(1)}()` on `{name}`, which is "
            f"NaN here: it comes from `{short(source, 40)}`, so print what that call gets and "
            "computes to find where NaN first appears (NaN in the inputs, a 0/0 such as scaling "
            "a constant column, or numbers that overflowed)."
        )
    return (
        f"Your function `{last.function}` calls `{call.group(1)}()` on a number that is NaN here "
        f"(`{short(last.failing_line.strip(), 60)}`): a value it computes is NaN, e.g. the "
        "mean of an empty list or 0/0. Check for that case (`math.isnan(x)`) and skip it or use "
        "a fallback before converting."
    )


# NumPy's histogram: "supplied range of [-inf, 6.2] is not finite" (the two edges)
_HISTOGRAM_RANGE = re.compile(r"(?:supplied|autodetected) range of \[([^,\]]*),([^\]]*)\] is not")
# a logarithm in the cell's code: `np.log(`, `np.log10(`, `math.log2(`
_LOG_CALL = re.compile(r"\blog(?:2|10)?\s*\(")


def _nan_or_infinity(p, f):
    """When: the message says NaN and/or infinity (a "finite values" check means either); a
    cast to int says NaN or inf in that column; torch's sampling names its probabilities."""
    if _computed_number_to_int(p):
        return None
    own_int = _own_function_int_of_nan(p)
    if own_int:
        return own_int
    if f.get("what") == "int_cast" and "NaN" not in p.message and "infinity" in p.message:
        # fillna/dropna and 'Int64' leave inf in place: it must be replaced first.
        return (
            "The column has infinite values (inf), which an integer type cannot hold: replace "
            "them first, e.g. `.replace([np.inf, -np.inf], np.nan).fillna(0)`, then cast."
        )
    if _NAN_INTO_INTEGERS.search(p.message) and _WRITES_NAN.search(p.user_line):
        # `a[a == -5] = np.nan` on an integer array: the NaN is the line's own, not the data's
        return (
            "This line writes NaN into an integer array, which cannot hold it: convert the "
            "array to float first (`.astype(float)`), then assign the NaN."
        )
    if f.get("what") == "int_cast":
        return (
            "The column has missing (NaN) or infinite values, which an integer type cannot hold: "
            "fill or drop them first (`.fillna(...)`, `.dropna()`), or cast to pandas' nullable "
            "`'Int64'`."
        )
    msg = p.message
    bounds = _HISTOGRAM_RANGE.search(msg)
    if bounds and msg.startswith("supplied") and re.search(r"\brange\s*=", p.user_line):
        # `plt.hist(x, range=(0, np.inf))`: the edges given are infinite, not the values
        return (
            f"The `range=` given to the histogram has an edge that is not finite "
            f"([{bounds.group(1).strip()}, {bounds.group(2).strip()}]): give two finite "
            "edges (e.g. `range=(0, x.max())`), or leave `range` out."
        )
    if bounds:
        # NumPy's histogram (pandas' `.hist()`, `plt.hist`) found an inf or NaN among the values
        bad = next((b for b in bounds.groups() if b.strip() in ("-inf", "inf", "nan")), "inf")
        bad = bad.strip()
        if bad == "-inf" and _LOG_CALL.search(p.user_code):
            return (
                "The values to histogram include `-inf`, which a log of 0 gives (this cell "
                "takes a log): use `np.log1p(...)` (the log of 1 + x), or drop the infinite "
                "values first "
                "(`.replace([np.inf, -np.inf], np.nan).dropna()`)."
            )
        return (
            f"The values to histogram include `{bad}`, and a histogram's range must be finite: "
            "drop or replace them first (`.replace([np.inf, -np.inf], np.nan).dropna()`)."
        )
    if "probability tensor contains" in msg:
        return (
            "The probabilities given to `torch.multinomial` contain inf, NaN or negative "
            "numbers: print them before sampling; they must be finite and ≥ 0."
        )
    own = _computed_by_own_function(p)
    if own:
        # the library checked values a function of the user's computed and passed it
        return (
            f"The library's check failed on what your own {own} passes it: print those values "
            "there, and trace where NaN or inf first appear (in what it computes, or in the data "
            "you passed in)."
        )
    inside = _check_inside_library(p)
    if inside:
        return inside
    who = _input_name(p, f)
    has_inf, has_nan = bool(_INF.search(msg)), bool(_NAN.search(msg))
    mapped = (
        " A `.map({...})` of the notebook gives NaN for every value its dict lacks: compare its "
        "keys with the column's `.unique()` values."
        if _dict_map_in(p)
        else ""
    )
    joined = _joined_by_index(p) if has_nan else ""
    if joined:
        return (
            f"`{joined}` was built by putting columns side by side, which lines them up by index "
            "labels: a `pd.DataFrame(...)`/`pd.Series(...)` of an array is labelled 0..n-1 while "
            "a split or filtered column keeps its own labels, and rows whose labels do not match "
            "become NaN. Build it from `.values` (or `.reset_index(drop=True)`) of each column "
            "instead of dropping those rows."
        )
    forecast = _column_from_a_forecast(p) if has_nan else None
    if forecast:
        column, call = forecast
        return (
            f"`{column}` is filled from `{call}`, whose values are labelled with the dates (or "
            "steps) after the data, and pandas places a Series into a frame by index labels, so "
            f"rows whose label the forecast lacks get NaN: if `{column}.isna().sum()` counts them, "
            "assign `.values` of the forecast, or use the fitted values for the data's own dates."
        )
    if f.get("input") == "y" or _checked_target(p):
        # the labels: imputing them invents classes; where the NaN came from is what to fix
        return (
            "The target y contains NaN or infinite values: find the rows (`pd.isna(y).sum()`) "
            f"and where they came from before dropping them.{mapped}"
        )
    if has_inf and not has_nan:
        return (
            f"{who} contains infinite values: replace them with "
            "`.replace([np.inf, -np.inf], np.nan)` and then drop or impute them."
        )
    if has_inf:
        return (
            f"{who} contains NaN or infinite values: count them with `np.isnan(X).sum()` and "
            f"`np.isinf(X).sum()`, replace inf with NaN, then drop or impute them.{mapped}"
        )
    return (
        f"{who} contains missing values (NaN): find them with `df.isna().sum()`, then drop them "
        "(`df.dropna()`) or fill them, e.g. `SimpleImputer(strategy='median')`."
    )


# `frame = pd.DataFrame({...})` or `frame = pd.concat([...], axis=1)`: columns set side by side.
_SIDE_BY_SIDE = r"\s*=\s*(?:pd|pandas)\.(?:DataFrame\(\s*(?=\{)|concat\(\s*(?=[\[(].*axis\s*=\s*1))"
# A pandas object made fresh from values: labelled 0..n-1 whatever the values' rows were.
_FRESH_INDEX = re.compile(r"^(?:pd|pandas)\.(?:DataFrame|Series)\((?![^)]*\bindex\s*=)")


# `frame['col'] = fitted.forecast(n)`: a column assigned from a time-series forecast.
_FORECAST_INTO_COLUMN = re.compile(
    r"""^[ \t]*([A-Za-z_]\w*)\[\s*(['"])(\w+)\2\s*\]\s*=\s*([\w.]+\.forecast\([^\n]*\))\s*$""",
    re.M,
)


def _column_from_a_forecast(p: ParsedError) -> tuple[str, str] | None:
    """(column, call) when the failing line reads a frame's column (`f['c']` or `f.c`) that the
    code assigned from a `.forecast(...)` (statsmodels labels its forecast with the dates after
    the data: put into a frame of the data's dates, it lines up with none of them)."""
    code = p.code_seen
    for m in _FORECAST_INTO_COLUMN.finditer(code):
        frame, quote, column = m.group(1), m.group(2), m.group(3)
        line = p.user_line.replace('"', "'")
        if f"{frame}['{column}']" in line or has_word(line, f"{frame}.{column}"):
            return f"{frame}[{quote}{column}{quote}]", m.group(4).strip()
    return None


def _joined_by_index(p: ParsedError) -> str:
    """A frame the failing line reads that the notebook built by setting side by side a fresh
    `pd.DataFrame(arr)`/`pd.Series(arr)` (labels 0..n-1) and a column that is not one (it
    keeps its rows' labels): pandas aligns them by label, and unmatched rows are NaN."""
    code = p.code_seen
    for name in dict.fromkeys(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\[", p.user_line)):
        built = re.findall(rf"^[ \t]*{re.escape(name)}{_SIDE_BY_SIDE}(.+)$", code, re.M)
        if not built:
            continue
        whole = call_arguments("(" + built[-1])[:1]  # the dict or list, then its items
        items = call_arguments("(" + whole[0][1:-1] + ")") if whole else []
        values = [re.sub(r"^\s*(['\"]).*?\1\s*:\s*", "", item) for item in items]
        fresh = [bool(_FRESH_INDEX.match(v)) for v in values]
        kept = [v for v in values if not _FRESH_INDEX.match(v)]
        if len(values) >= 2 and any(fresh) and any(_keeps_other_labels(code, v) for v in kept):
            return name
    return ""


# What keeps some rows' labels only (not 0..n-1): a filter or mask, `.loc`/`.iloc`, a sample,
# `.dropna()`, `.tail()`; `train_test_split`'s parts (shuffled rows) below.
_SOME_ROWS = re.compile(
    r"\.(?:loc|iloc)\[|\[[^\n]*(?:[<>]=?|[!=]=|\bisin\(|\.str\.)"
    r"|\.(?:sample|dropna|query|drop_duplicates|tail|drop|nlargest|nsmallest)\("
)
# A name that reads as a split's part: `y_valid`, `test_y`, `X_val`.
_SPLIT_PART_NAME = re.compile(r"(?:^|_)(?:train|test|val|valid|validation)(?:_|$)", re.I)


def _keeps_other_labels(code: str, value: str) -> bool:
    """``value`` (or the name it reads) holds some rows of a frame with their own labels: a
    split's part or a filter's result, or a split's part by its name when the notebook does not
    show where it was made. A whole column of a frame read as it is is labelled 0..n-1 too,
    and a NaN there is the data's own."""
    if _SOME_ROWS.search(value):
        return True
    m = re.match(r"\s*([A-Za-z_]\w*)", value)
    if m is None:
        return False
    base = re.escape(m.group(1))
    split = rf"^[ \t]*(?:\w+\s*,\s*)*{base}\s*(?:,\s*\w+\s*)*=[^=\n]*train_test_split\("
    if re.search(split, code, re.M):
        return True
    made = re.findall(rf"^[ \t]*{base}\s*=(?!=)(.*)$", code, re.M)
    if made:
        return any(_SOME_ROWS.search(value) for value in made)
    return bool(_SPLIT_PART_NAME.search(m.group(1)))


# NumPy's words for storing a NaN into an integer array, and a line that stores one.
_NAN_INTO_INTEGERS = re.compile(r"cannot convert float NaN to integer")
_WRITES_NAN = re.compile(
    r"\]\s*=\s*(?:np\.|numpy\.)?(?:nan|NaN|NAN)\b|\]\s*=\s*float\(\s*['\"]nan['\"]\s*\)"
)


# A number with decimals as the message lists it: `-0.4722`, `3.7262`, `1.5e-05`.
_DECIMAL_NUMBER = re.compile(r"-?\d*\.\d+(?:e[-+]?\d+)?|-?\d+(?:\.\d*)?e[-+]?\d+", re.I)


def _continuous_categories(labels: str) -> bool:
    """The unseen values the message lists are at least three numbers, each with a nonzero
    fractional part (`-0.4722`, not `3.0` or `'a'`): measurements, not categories."""
    items = [x.strip(" '\"") for x in labels.split(",") if x.strip()]
    if len(items) < 3 or not all(_DECIMAL_NUMBER.fullmatch(x) for x in items):
        return False
    return all(float(x) != int(float(x)) for x in items)


def _unseen_categories(p, f):
    """When: LabelEncoder's "previously unseen labels" or OneHotEncoder's "unknown categories"."""
    labels = f" ({f['labels']})" if f.get("labels") else ""
    if _continuous_categories(f.get("labels", "")):
        return (
            f"The encoder's unknown 'categories'{labels} are continuous numbers with decimals: "
            "it is given a numeric column rather than a categorical one; check the columns (or "
            "indices) you pass to it and encode only the categorical ones."
        )
    rerun = _encoded_in_place(p, f.get("labels", "")) or _encoder_refitted(p)
    if rerun:
        return rerun
    if "previously unseen labels" in p.message:
        return (
            f"The LabelEncoder meets values it did not see when fitted{labels}: fit it on every "
            "value that occurs (e.g. train and test together), or map unknown values first."
        )
    return (
        f"The encoder meets categories it did not see when fitted{labels}: fit it on all the "
        "categories, or use `OneHotEncoder(handle_unknown='ignore')`."
    )


def _encoded_in_place(p, labels: str) -> str:
    """`df['c'] = enc.transform(df['c'])` meeting unseen numbers: the line writes the codes
    back into the column it reads, so a second run encodes codes."""
    m = re.match(r"\s*(\S[^=]*?)\s*=\s*\w+\.transform\(\s*(.+?)\s*\)\s*$", p.user_line)
    numbers = re.fullmatch(r"[\[\]\s\d,.'\-]+", labels or "")
    if not m or m.group(1) != m.group(2) or not numbers:
        return ""
    return (
        f"`{m.group(1)}` holds numbers the encoder did not see ({labels.strip('[]')}): if this "
        "line ran before, it replaced the column with its codes; load the column again (rerun "
        "the cell that reads the data) instead of running this line twice."
    )


# `enc.fit(df['a'])` / `enc.fit_transform(df['a'])  # comment`: the encoder and what it is fitted
# on (one level of parentheses inside the argument)
_FIT_CALL = re.compile(
    r"^[^#\n]*?\b(\w+)\s*\.\s*fit(?:_transform)?\s*\(\s*((?:[^()\n]|\([^()\n]*\))+?)\s*\)",
    re.M,
)


_COLUMN_KEY = re.compile(r"\[\s*['\"]([^'\"\n]+)['\"]\s*\]")


def _encoder_refitted(p) -> str:
    """`enc.fit(df['a'])` then `enc.fit(df['b'])`: each fit replaces what the encoder learnt, so
    it knows only the last column's values, and transforming another column meets unseen ones
    whatever the train/test split. The fits are read in the notebook's cells when the record
    carries them (the encoder is usually fitted in other cells), else in the crash's code."""
    m = re.search(r"(\w+)\.transform\(\s*(.+?)\s*\)", p.user_line)
    if not m:
        return ""
    encoder, transformed = m.groups()
    text = p.code_seen if p.notebook_code else p.user_code
    fitted = [arg for name, arg in _FIT_CALL.findall(text) if name == encoder]
    if len(set(fitted)) < 2 or fitted[-1] == transformed:
        return ""
    if _COLUMN_KEY.findall(fitted[-1]) and set(_COLUMN_KEY.findall(fitted[-1])) & set(
        _COLUMN_KEY.findall(transformed)
    ):
        # `enc.fit(pd.concat([train['city'], test['city']]))`, then `val['city']`: the last fit
        # was on that very column, no other column's values replaced it
        return ""
    return (
        f"`{encoder}` is fitted several times in turn, and each fit replaces the one before, "
        f"so it knows only `{short(fitted[-1], 40)}`'s values: use one encoder per column (e.g. "
        "`LabelEncoder().fit_transform(col)` for each), fitted once on the original values."
    )


def _y_not_1d(p, f):
    """When: column_or_1d names y's shape: () is a single value, (n, 1) a column, (n, k) k
    columns (one-hot or several targets)."""
    m = re.search(
        r"(?:bad input shape|y should be a 1d array, got an array of shape) "
        r"(\([^)]*\))",
        p.message,
    )
    text = m.group(1) if m else f.get("shape", "")
    shape = dims(text) if text else None
    if shape == ():
        return "y is a single value (shape ()): pass a list or array of labels, e.g. `[value]`."
    encoder = table_to_a_label_encoder(p)
    if encoder:
        return (
            f"`{encoder}` gives a table of {shape[1]} columns to a label encoder, which "
            "encodes one 1-D column: encode each column apart (`df[c] = le.fit_transform(df[c])`)"
            ", or use `OrdinalEncoder` for several columns at once."
        )
    swapped = _features_given_as_y(p) if shape and len(shape) == 2 else None
    if swapped:
        return swapped.hint()
    if shape and len(shape) == 2 and shape[1] == 1:
        return (
            f"y must be a 1-D array of labels but has shape {text}: use `y.ravel()` or "
            "`df['target']` (not `df[['target']]`)."
        )
    if shape and len(shape) == 2 and any("metrics" in fr.filename for fr in p.frames):
        # A metric checks the scores too: the 2-column array may be the predictions.
        return (
            f"The metric got an array with {shape[1]} columns {text} where it wants one (labels, "
            "or scores): for two classes pass the positive class's scores, `proba[:, 1]`, and "
            "labels as one column."
        )
    if shape and len(shape) == 2:
        return (
            f"y must be a 1-D array of labels but has {shape[1]} columns {text}: pass the "
            "one target column, or `np.argmax(y, axis=1)` for one-hot labels."
        )
    return (
        "y must be a 1-D array of labels: use `y.ravel()` or `df['target']` (not "
        "`df[['target']]`), and `np.argmax(y, axis=1)` for one-hot labels."
    )


def table_to_a_label_encoder(p) -> str:
    """`le.fit_transform(train_df)`: scikit-learn's label encoders (`_label.py`) got one
    argument of k >= 2 columns where they take one 1-D column; the call's text, else ""."""
    m = _Y_SHAPE.search(p.message)
    shape = dims(m.group(1)) if m else None
    if not shape or len(shape) != 2 or shape[1] < 2:
        return ""
    if not any(
        f.function.split(".")[-1] in ("fit", "fit_transform", "transform")
        and f.filename.replace("\\", "/").endswith("sklearn/preprocessing/_label.py")
        for f in p.frames
    ):
        return ""
    call = failing_call(p)
    if call is None or len(call.args) != 1 or "=" in call.args[0]:
        return ""
    arg = call.args[0].strip()
    if _ONE_NAMED_COLUMN.fullmatch(arg) or (
        _ONE_KEYED_COLUMN.fullmatch(arg) and re.match(rf"\s*{re.escape(arg)}\s*=[^=]", p.user_line)
    ):
        # `le.fit_transform(df['Sex'])`, `df[c] = le.fit_transform(df[c])`: one column, a table
        # only when two columns share the name (a concat run twice), already encoded apart
        return ""
    if not call.function.endswith(("fit", "fit_transform", "transform")):
        return ""
    return call.text


# `df['Sex']`, `df.loc[:, 'Sex']`: one column read by its name.
_ONE_NAMED_COLUMN = re.compile(
    r"[A-Za-z_][\w.]*(?:\.loc\[\s*:\s*,\s*|\[)(?:'[^']*'|\"[^\"]*\")\s*\]"
)
# `df[c]`: one column read by a name's value (or a list's: only the assignment tells).
_ONE_KEYED_COLUMN = re.compile(r"[A-Za-z_][\w.]*\[[A-Za-z_]\w*\]")
_Y_SHAPE = re.compile(r"y should be a 1d array, got an array of shape (\([^)]*\))")


def _features_given_as_y(p):
    """The call's y (`y=` or its second argument) is a split's labels name that holds features
    (``split_unpacking``)."""
    args = call_args(p)
    y = next((a.split("=", 1)[1].strip() for a in args if re.match(r"y\s*=[^=]", a)), "")
    if not y and len(args) >= 2 and "=" not in args[1]:
        y = args[1].strip()
    found = misordered_unpacking(p, y)
    return found if found and not found.holds_labels else None


def _target_made_in_several_cells(p) -> str:
    """The `y` the failing `fit(X, y)` passes, when the crashing cell does not assign it and
    two cells or more of the notebook do: which of them ran last decides what y holds."""
    args = call_args(p)
    if len(args) < 2 or not re.fullmatch(r"[A-Za-z_]\w*", args[1]):
        return ""
    y = args[1]
    assigns = re.compile(rf"^[ \t]*(?:[\w, ]*,\s*)?{y}\s*(?:,[\w, ]*)?=(?!=)", re.M)
    if assigns.search(p.user_code):
        return ""
    cells = {code for code in p.notebook_code if assigns.search(code)}
    return y if len(cells) >= 2 else ""


# `a, b, c, d = train_test_split(X, y, …)`: the labels' parts (c, d) and their whole (y).
_SPLIT_OF_LABELS = re.compile(SPLIT_INTO_FOUR + r"\s*[\w.]+\s*,\s*([A-Za-z_]\w*)\s*[,)]", re.M)
# A scaler's output written back into a frame: `df[cols] = scaler.fit_transform(df[cols])`,
# `df = pd.DataFrame(StandardScaler().fit_transform(df), …)`.
_SCALED_INTO = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)\s*(\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\])?\s*=(?!=)[^\n]*"
    r"\b(?:\w*scal\w*|sc|ss|norm\w*)(?:\(\))?\.(?:fit_)?transform\(",
    re.M | re.I,
)


def _fitted_labels(p) -> tuple[str, list[str], str]:
    """(the labels the failing `fit(X, y)` passes, that name and the names it was split from
    with `train_test_split`, the code seen); ("", [], "") when y is no plain name."""
    args = call_args(p)
    if len(args) < 2 or not re.fullmatch(r"[A-Za-z_]\w*", args[1]):
        return "", [], ""
    code_seen = p.code_seen
    names = [args[1]]
    names += [
        m.group(5) for m in _SPLIT_OF_LABELS.finditer(code_seen) if args[1] in m.groups()[2:4]
    ]
    return args[1], names, code_seen


def _target_scaled(p) -> str:
    """The hint when the labels the failing `fit(X, y)` passes (or the whole they were split
    from) are a frame's column, `y = df['t']`, taken after a scaler's output was written back
    into that frame: the class labels may have been scaled with the features. A list of
    columns written out that leaves the target out says it was not; "" then and otherwise."""
    _, names, code_seen = _fitted_labels(p)
    for name in names:
        taken = re.search(
            rf"^[ \t]*{name}\s*=\s*([A-Za-z_]\w*)\s*\[\s*(['\"])([^'\"\n]+)\2\s*\]", code_seen, re.M
        )
        if taken is None:
            continue
        frame, column = taken.group(1), taken.group(3)
        for scaled in _SCALED_INTO.finditer(code_seen[: taken.start()]):
            listed = re.findall(r"['\"]([^'\"]+)['\"]", scaled.group(2) or "")
            if scaled.group(1) != frame or (listed and column not in listed):
                continue
            line = scaled.group(0).strip()
            shown = (
                f"{line}…)"
                if len(line) <= 60
                else f"{frame}{scaled.group(2) or ''} = ….transform(…)"
            )
            return (
                f"`{name}` is `{frame}['{column}']`, taken after `{shown}` scaled `{frame}`'s "
                f"columns: if '{column}' was among them, its classes became continuous values; "
                "take the labels before scaling, or scale the feature columns only."
            )
    return ""


def _target_stratified_as_classes(p) -> str:
    """The hint when the labels the failing `fit(X, y)` passes (or the whole they were split
    from) are split with `stratify=` on them: the code treats them as classes, so a regressor
    is no fix; a step made the labels non-integer. "" otherwise."""
    labels, names, code_seen = _fitted_labels(p)
    for name in names:
        if re.search(rf"^[^#\n]*\bstratify\s*=\s*{name}\b", code_seen, re.M):
            return (
                f"`{labels}` holds continuous values, though the code splits with "
                f"`stratify={name}` as if they were classes: print `np.unique({labels})[:10]`. "
                "Classes that are fractions (ratings 3.5, 4.5) are numbered with "
                "`LabelEncoder().fit_transform(...)`; labels a step made non-integer (a "
                "transform, scaling or fill applied to every column, the target's too) are "
                "fixed at that step."
            )
    return ""


def _continuous_labels(p, f):
    """When: the message names the target types: "continuous-multioutput" predictions are
    scores per class (beside labels; beside continuous numbers neither side is classes),
    "continuous" ones numbers to threshold; a classifier fitted on a
    continuous y needs a regressor; a mix of strings and numbers needs one type."""
    msg = p.message
    kinds = {f.get("a", ""), f.get("b", "")}
    if kinds == {"continuous", "continuous-multioutput"}:
        # no side holds classes: scores per class are beside class labels, not beside numbers
        return (
            "Neither side holds class labels: one is continuous numbers, the other several "
            "columns of them (continuous-multioutput), so a classification metric cannot count "
            "classes. For a numeric target use a regression metric (`mean_absolute_error`, "
            "`r2_score`) on the true target and the predictions, one column each."
        )
    if "continuous-multioutput" in kinds or "continuous-multioutput" in msg:
        return (
            "The predictions are scores per class (continuous-multioutput), not labels: take "
            "the class with `np.argmax(y_pred, axis=1)` before the metric."
        )
    if "multilabel-indicator" in kinds and ("multiclass" in kinds or "binary" in kinds):
        return (
            "One side is one-hot (multilabel-indicator), the other class labels: convert the "
            "one-hot side with `np.argmax(..., axis=1)`."
        )
    if kinds == {"continuous", "multiclass"}:
        # many classes: no threshold at 0.5 makes classes of the numbers
        return (
            "A classification metric got continuous numbers beside multiclass labels: numbers "
            "(a regressor's output, or scores) are no classes. Compare class labels (a "
            "classifier's `predict`), round numbers that stand for the classes "
            "(`np.rint(y_pred).astype(int)`), or use a regression metric for a numeric target."
        )
    if ("continuous" in kinds and kinds & {"binary", "multiclass"}) or re.search(
        r"^continuous is not supported", msg
    ):
        return (
            "A classification metric got continuous values where class labels are expected: "
            "threshold predictions (e.g. `(y_pred > 0.5).astype(int)`) or use a regression "
            "metric."
        )
    if re.search(r"Unknown label type: '?continuous", msg):
        scaled = _target_scaled(p) or _target_stratified_as_classes(p)
        if scaled:
            return scaled
        target = _target_made_in_several_cells(p)
        if target:
            return (
                f"A classifier got a continuous `{target}`, which several cells assign: if the "
                "last one run made it from regression data, run the cell that makes the class "
                "labels again before fitting; if y is numeric by design, use a regressor (e.g. "
                "`RandomForestRegressor`)."
            )
        return (
            "A classifier got a continuous target: use a regressor (e.g. `LinearRegression`, "
            "`RandomForestRegressor`) for a numeric y, or turn y into classes first."
        )
    if "Mix of label input types" in msg:
        return (
            "The labels mix strings and numbers: convert both sides to one type, e.g. "
            "`.astype(str)`."
        )
    return None


def _targets_out_of_range(p, f):
    """When: the message names the label and the valid range (TensorFlow), or states the range
    the loss accepts (PyTorch)."""
    m = re.search(
        r"label value of (-?\d+) which is outside the valid range of \[0, (\d+)\)", p.message
    )
    if m:
        label, n = int(m.group(1)), int(m.group(2))
        if label < 0:
            return (
                f"A label is {label}, but class labels must lie in 0 … {n - 1}: map the labels "
                "to 0 … n_classes-1 first (e.g. `LabelEncoder`)."
            )
        return (
            f"A label is {label} but the output layer has {n} units (classes 0 … {n - 1}): give "
            f"the last layer one unit per class (at least {label + 1}), or map the labels to "
            "0 … n_classes-1."
        )
    if "between 0 and 1" in p.message:
        return (
            "Binary cross-entropy needs targets (and, for `BCELoss`, predictions after a sigmoid) "
            "between 0 and 1: check the labels, or use `BCEWithLogitsLoss` on raw outputs."
        )
    return (
        "The targets are outside the range the loss accepts: class indices must lie in "
        "0 … n_classes-1 (the output layer needs one unit per class)."
    )


# A call given a literal row with nothing in it: `predict([[]])`, `transform([ [ ] ])`.
_EMPTY_ROW = re.compile(r"\(\s*\[\s*\[\s*\]\s*\]\s*[,)]")


def _too_little_data(p, f):
    who = f"`{f['estimator']}`" if f.get("estimator") else "The estimator"
    shape = f" (shape {f['shape']})" if f.get("shape") else ""
    n, minimum = f.get("n", "0"), f.get("minimum", "1")
    if f.get("what") == "feature":
        stop = re.search(r"\[\s*:\s*,\s*:\s*([A-Za-z_]\w*)\s*\]", p.user_line)
        if n == "0" and stop:
            # x[:, :i] keeps no column when i is 0, as a loop's first pass gives it.
            return (
                f"`[:, :{stop.group(1)}]` keeps no columns when `{stop.group(1)}` is 0 (a loop's "
                "first pass): start the loop at 1, e.g. `range(1, n + 1)`."
            )
        if n == "0" and _EMPTY_ROW.search(p.user_line):
            # `model.predict([[]])`: the line itself passes a row with no values
            return (
                f"The line passes an empty row (`[[]]`) to {who}{shape}: give one row with a "
                "value for each feature the model was fitted on, in the same order, e.g. "
                "`[[v1, v2, ...]]`."
            )
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
    listed = _one_item_list(p) if n == "1" else None
    if listed:
        name, value = listed
        return (
            f"`{name}` is built as a list of one item (`{name} = {short(value, 40)}`), which is "
            f"1 row{shape}: pass the data of all the samples instead."
        )
    return (
        f"{who} needs at least {minimum} rows but got {n}{shape}: a filter or split left too "
        "little data; check it, or use more samples."
    )


# `[feats[0]]`, `[x]`: a list literal of one item, no comma at its top level.
_ONE_ITEM_LIST = re.compile(r"\[\s*[\w.]+(?:\[[^\[\],]*\])*\s*\]")


def _one_item_list(p: ParsedError) -> tuple[str, str] | None:
    """(name, value) when the failing line fits or transforms a name that every assignment of
    the code seen makes a one-item list (`lll = [mfccFeatures[0]]`): one sample, by design."""
    m = re.search(r"\.(?:fit\w*|predict\w*|transform|score)\(\s*([A-Za-z_]\w*)\s*[,)]", p.user_line)
    values = assigned_values(seen_code(p)[0], m.group(1)) if m else []
    if values and all(_ONE_ITEM_LIST.fullmatch(v) for v in values):
        return m.group(1), values[-1]
    return None


def _class_count_wrong(p, f):
    if f.get("a") and f.get("b"):
        return (
            f"The data has {f['a']} classes but {f['b']} target names: give one name per class or "
            "pass `labels=` with the classes to report."
        )
    few = re.search(r"least populated class(?:es)? in y ha(?:s|ve) only (\d+) member", p.message)
    if few or "number of members in each class" in p.message:
        # Enough classes, too few rows in one of them: a stratified split or fold needs more.
        n = few.group(1) if few else ""
        count = f"only {n} member{'s' if n != '1' else ''}" if n else "too few members"
        return (
            f"A class in y has {count}, too few for this stratified split or fold: drop or "
            "merge the rarest classes (see `y.value_counts()`), or use fewer splits."
        )
    if "Invalid classes inferred" in p.message:
        if re.search(r"Expected: \[\w*\],", p.message):
            # one class only (`Expected: [0], got [1]`): y holds a single value, which no
            # encoding cures; the rows taken lack the other classes
            return None
        return (
            "XGBoost wants the classes numbered 0, 1, …, n-1: encode y first, e.g. "
            "`LabelEncoder().fit_transform(y)`."
        )
    constant = _labels_built_constant(p)
    if constant:
        return constant
    return (
        "The labels contain fewer classes than needed (often only one): check the filter or split, "
        "e.g. `train_test_split(..., stratify=y)`."
    )


# A value built with one number repeated: `np.array([0]*23)`, `[1] * n`, `np.zeros(n)`.
_ONE_VALUE_REPEATED = re.compile(
    r"^(?:np\.(?:array|asarray)\(\s*)?\[\s*-?\d+\s*\]\s*\*\s*[\w.()]+\s*\)?$"
    r"|^(?:np|numpy|torch)\.(?:zeros|ones)\("
)
# `name = other`, `name = other[:10]`: the labels taken from another name, as they are.
_TAKEN_FROM = re.compile(r"([A-Za-z_]\w*)\s*(?:\[[^\[\]]*\])?")


def _changed_in_place(code: str, name: str) -> bool:
    """``code`` writes into ``name`` after making it: an item or slice assignment, an augmented
    assignment or an in-place method."""
    return bool(
        re.search(
            rf"\b{name}\s*\[[^\n]*?\]\s*=(?!=)|\b{name}\s*[-+*/|&%]=|\b{name}\.(?:fill|put|append|"
            r"extend|insert)\(",
            code,
        )
    )


def _labels_built_constant(p) -> str:
    """The hint when the labels the failing `fit(X, y)` passes are built from one number
    repeated (`np.array([0]*23)`, through plain names and slices): one class by construction,
    no filter or split to blame. "" otherwise."""
    labels, _, code_seen = _fitted_labels(p)
    name = labels
    for _ in range(3 if labels else 0):
        made = re.findall(
            rf"^[ \t]*{name}[ \t]*=(?!=)[ \t]*([^#\n]*?)\s*(?:#.*)?$", code_seen, re.M
        )
        if len(set(made)) != 1:
            return ""  # never assigned, or assigned several ways: which one ran is unknown
        value = made[0]
        if _changed_in_place(code_seen, name):
            return ""  # `y = np.zeros(n)` then `y[mask] = 1`: filled afterwards
        if _ONE_VALUE_REPEATED.search(value):
            return (
                f"`{name} = {value}` gives every sample the same label, so `{labels}` holds one "
                "class: fill it with each sample's real label (two classes at least)."
            )
        taken = _TAKEN_FROM.fullmatch(value)
        if taken is None:
            return ""
        name = taken.group(1)
    return ""


def _negative_values(p, f):
    """When: the message says the data (X, the input) has negative values; a parameter that
    must be positive is no data problem (None: the safe hint quotes the message)."""
    if not re.search(
        r"Negative values in data|Input X|input X|contains negative values", p.message
    ):
        return None
    return (
        "This estimator needs non-negative input (e.g. MultinomialNB, chi2, NMF): scale with "
        "`MinMaxScaler` instead of `StandardScaler`, or choose another model."
    )


def _singular_matrix(p, f):
    """When: "Singular matrix" (not invertible), or a decomposition that did not converge
    (NaN or inf in the data is the usual reason, so the hint says to check that first)."""
    if "Singular matrix" in p.message and not re.search(r"\b(?:inv|solve)\(", p.user_line):
        # The library inverted a matrix it built from the data: no `inv` of the user's to swap.
        return (
            "A matrix built from your data inside this call is singular (not invertible): check "
            "the data for constant or duplicated columns or values, and for too few rows."
        )
    if "Singular matrix" in p.message and not re.search(r"\binv\(", p.user_line):
        # `np.linalg.solve(A, b)`: a system of equations, no inverse and no data columns
        return (
            "The matrix passed to `solve` is singular: its rows (or columns) are linearly "
            "dependent, so the system has no unique solution; use independent vectors, or "
            "`np.linalg.lstsq(A, b, rcond=None)` for a least-squares answer."
        )
    if "Singular matrix" in p.message:
        return (
            "The matrix is singular (not invertible): drop constant or duplicated columns, or "
            "use `np.linalg.pinv` instead of `inv`."
        )
    if "did not converge" in p.message:
        return (
            "The decomposition did not converge, which NaN or infinite values in the data "
            "usually cause: check `np.isnan(X).sum()` and `np.isinf(X).sum()` first."
        )
    return None


# plt.plot(series) / ax.plot(series, label=...): one positional argument, x taken from its index.
_PLOT_ONE_ARGUMENT = re.compile(r"\.plot\(\s*[\w.\[\]'\"]+\s*(?:,\s*\w+\s*=[^)]*)?\)")


_IMAGE_TOO_LARGE = re.compile(r"Image size of \d+x\d+ pixels is too large")
# `plt.text(4, 180, ...)`, `ax3.text(...)`, `ax.annotate(...)`: artists placed in data coordinates
_TEXT_PLACED = re.compile(r"\b[A-Za-z_][\w.\[\], ]*?\.(?:text|annotate)(?=\()")


# `plt.pie(` / `ax.pie(` up to its opening parenthesis.
_PIE_CALL = re.compile(r"\b[\w.]*\bpie\(")


def _pie_with_explode(p) -> tuple[str, str] | None:
    """(the call, its second argument) when a line of the cell calls `pie(a, b, ...)` with a
    second positional argument (pie's `explode`); None otherwise."""
    for line in p.user_code.splitlines():
        m = _PIE_CALL.search(line)
        if m is None or line.lstrip().startswith("#"):
            continue
        args = call_arguments(line[m.end() - 1 :])
        if (
            len(args) >= 2
            and "=" not in args[1]
            and not args[1].startswith(("*", "[", "("))
            and "explode" not in args[1].lower()  # `pie(sizes, explode)`: meant as explode
        ):
            return short(f"{m.group(0)}{args[0]}, {args[1]})", 50), args[1]
    return None


# "view limit minimum -0.001 is less than 1": the limits of an axis with no data.
_EMPTY_VIEW = re.compile(r"view limit minimum -0\.001 is less than 1")


def _impossible_axis_range(p, f):
    if "date" in f.get("detail", "") and _EMPTY_VIEW.search(p.message):
        # -0.001 (to 0.001) is matplotlib's widening of a zero-width range: an axis with no
        # finite point, or whose x values are all 0; not dates of the wrong kind
        return (
            "The date axis got no range of x values (-0.001 is matplotlib's limit when there "
            "is none): check that the plotted data is not empty or all NaN (e.g. after a rolling "
            "window longer than the data), `print(len(s), s.isna().sum())`, and that x is not "
            "all 0."
        )
    if "date" in f.get("detail", "") and len(_PLOT_ONE_ARGUMENT.findall(p.user_code)) >= 2:
        # Each line takes x from its own index: a Series with dates sets a date axis that an
        # array (x = 0, 1, 2, ...) cannot be drawn on.
        return (
            "Each plot takes x from its own index: when one has dates and another plain "
            "positions (0, 1, 2, …), the date axis cannot show the second; give them the same x, "
            "e.g. `plt.plot(s.index, pred)`."
        )
    if "date" in f.get("detail", ""):
        return (
            "The x values are not dates, but the axis is formatted as dates: convert the column "
            "with `pd.to_datetime(...)` or remove the date formatter."
        )
    placed = _TEXT_PLACED.findall(p.user_code)
    if _IMAGE_TOO_LARGE.search(p.message) and placed:
        # the tight bounding box takes in every text artist: one placed in data coordinates
        # far off the plotted range stretches the image as much as wild data does
        return (
            f"The image grew too large to draw, and the cell places text with "
            f"`{placed[0]}(x, y, ...)`: text at coordinates far outside the plotted data (or a "
            "huge y such as a total used as a position) stretches the figure; check those "
            "coordinates and the axes they are drawn on (or pass `transform=ax.transAxes`)."
        )
    pie = _pie_with_explode(p)
    if _IMAGE_TOO_LARGE.search(p.message) and pie:
        # `plt.pie(a, b)`: b lands in `explode`, each wedge pushed out by b's values
        return (
            f"`{pie[0]}` passes `{pie[1]}` as pie's second argument, `explode`, which pushes "
            "each wedge out by its value and stretches the figure: give `pie` one series (names "
            "as `labels=`), or plot two series with `plot` or `bar`."
        )
    return (
        "The plotted values give an impossible axis range (huge, NaN or infinite): check the "
        "data's min/max and drop NaN/inf before plotting."
    )


# `left.join(right, on='key')`: the line's `.join(` call and its `on=` keyword.
_JOIN_ON = re.compile(r"\.join\s*\(")


def _indexed_by_the_key(p, other: str, on: str) -> bool:
    """The code seen gives `other` an index of its own before the join: `other =
    other.set_index(...)`, `other.set_index(..., inplace=True)`, `other.index = ...`, or a
    read with `index_col=`; then the join meets that index, and the message is about dtypes."""
    o = re.escape(other)
    code = p.code_seen
    return bool(
        re.search(rf"^[ \t]*{o}[ \t]*=[^\n]*(?:\.set_index\(|index_col\s*=)", code, re.M)
        or re.search(rf"^[ \t]*{o}\.set_index\([^\n]*inplace\s*=\s*True", code, re.M)
        or re.search(rf"^[ \t]*{o}\.index[ \t]*=(?!=)", code, re.M)
    )


def _join_on_column(p) -> str | None:
    """`df.join(other, on='key')` matches df's `key` column against other's *index*, not its
    `key` column: a key column of text met with a default 0..n-1 index is this message. Only
    when the failing line calls `.join(` with an `on=` keyword (a merge names both columns)."""
    m = _JOIN_ON.search(p.user_line)
    if m is None:
        return None
    args = call_arguments(p.user_line[m.end() - 1 :])
    on = next((a.split("=", 1)[1].strip() for a in args if re.match(r"\s*on\s*=", a)), "")
    if not on or not args or "=" in args[0] or "set_index" in args[0]:
        return None
    other = args[0].strip()
    if re.fullmatch(r"[A-Za-z_]\w*", other) and _indexed_by_the_key(p, other, on):
        return None  # the other frame is indexed by the key already: the dtypes differ
    return (
        f"`.join(..., on={on})` matches this frame's {on} column against the index of "
        f"`{other}`, not its {on} column: index it by the key first, "
        f"`.join({other}.set_index({on}), on={on})`, or use `.merge({other}, on={on})`."
    )


def _merge_key_dtypes(p, f):
    joined = _join_on_column(p)
    if joined:
        return joined
    return (
        f"The merge keys have different types ({f.get('a')} vs {f.get('b')}): convert both first, "
        "e.g. `pd.to_datetime(...)` or `.astype(str)`."
    )


_VIDEO = re.compile(r"\.read\(\)|VideoCapture")


def _opencv_empty_image(p, f):
    """When: OpenCV's "!_src.empty()" / "!ssize.empty()" (or "size.width>0"): the image is
    empty. Where it came from is said only when the cell's code shows it (a camera/video read,
    an imread)."""
    source = p.user_code or p.user_line
    crop = _cropped_image(p)
    if crop:
        name, made, image = crop
        return (
            f"`{name}` comes from `{made}`, which ran, so `{image}` was loaded (indexing None "
            "would have failed there); the slice is empty because its bounds lie outside the "
            f"image (or run backwards): print `{image}.shape` and crop inside it."
        )
    unchecked = _unchecked_read_loop(source, p.user_line)
    if unchecked:
        return unchecked
    if _VIDEO.search(source):
        return (
            "The frame is empty: `cap.read()` returned no image (check `ret`), because the "
            "camera or video could not be opened (`cap.isOpened()`; a server or Colab has no "
            "webcam)."
        )
    if "imread" in source or "imread" in p.text:
        return (
            "OpenCV got an empty image: `cv2.imread` returns None when the path is wrong or the "
            "file unreadable; check the path and `img is not None` first."
        )
    return (
        "OpenCV got an empty image (None or size 0): check where the image was loaded or "
        "created, and `img is not None` before using it."
    )


# `ret, frame = cap.read()`: the flag's name and the capture's.
_READ_PAIR = re.compile(r"(\w+)\s*,\s*(\w+)\s*=\s*([A-Za-z_][\w.]*)\.read\(\)")


def _unchecked_read_loop(source: str, line: str) -> str:
    """A `while` loop reads frames (`ret, frame = cap.read()`) and never tests `ret`: the last
    read, at the video's end, gives no frame. A loop `while cap.isOpened():` proves the video
    opened, so "could not be opened" would be wrong there."""
    pair = _READ_PAIR.search(source)
    loop = re.search(r"^[ \t]*while\b(.*):", source, re.M)
    if pair is None or loop is None:
        return ""
    flag, frame, capture = pair.groups()
    if not re.search(rf"(?<![\w.]){re.escape(frame)}\b", line):
        return ""  # the failing line uses another image (an imread after the loop, say)
    if re.search(rf"\b(?:if|elif|while|and|or|assert)\s+(?:not\s+)?\(?\s*{flag}\b", source):
        return ""  # the flag is tested: an empty frame came some other way
    camera = re.search(
        rf"\b{re.escape(capture)}\s*=\s*(?:cv2\.)?VideoCapture\(\s*\d+\s*[,)]", source
    )
    opened = f"{capture}.isOpened()" in loop.group(1)
    if camera and opened:
        # an open camera that gave no frame: neither the end of a file nor an unopened device
        return (
            f"The frame is empty: `{capture}.read()` gave `{flag}=False` and no frame, and the "
            f"loop uses the frame unchecked; add `if not {flag}: break` right after the read."
        )
    if camera:
        return ""  # a camera has no end: one that gives no frame did not open (the hint below)
    if opened:
        return (
            f"The frame is empty: the loop runs while `{capture}.isOpened()`, so the video "
            f"opened, and `{capture}.read()` gives `{flag}=False` and no frame once it reaches "
            f"the end; add `if not {flag}: break` right after the read."
        )
    return (
        f"The frame is empty: `{capture}.read()` gives `{flag}=False` and no frame at the end of "
        "the video (or when the file could not be opened), and the loop uses the frame "
        f"unchecked; add `if not {flag}: break` right after the read."
    )


def _cropped_image(p) -> tuple[str, str, str] | None:
    """(name, its slicing, the image sliced) when an argument of the line's OpenCV call is a
    name the cell assigns above the failing line from a slice of another name (`crop = img[300:400,
    300:400]`): that line ran, so the image was an array, and the slice is what is empty."""
    call = re.search(r"\bcv2\.\w+\s*\(", p.user_line)
    number = failing_line_number(p)
    if call is None or not number:
        return None
    above = own_lines(p)[: number - 1]
    names = [
        a for a in call_arguments(p.user_line[call.start() :]) if re.fullmatch(r"[A-Za-z_]\w*", a)
    ]
    if len(names) != 1:
        return None  # `matchTemplate(frame, template, …)`: which image is empty is not known
    crop = _last_slice_of(names[0], above)
    return (names[0], *crop) if crop else None


def _last_slice_of(name: str, lines: list[str]) -> tuple[str, str] | None:
    """(the slicing, the name sliced) when the last of ``lines`` that assigns ``name`` makes it
    a slice of another name (`img[300:400, 300:400]`); else None."""
    for line in reversed(lines):
        if not re.match(rf"\s*{name}\s*=(?!=)", line):
            continue
        m = re.match(rf"\s*{name}\s*=\s*(([A-Za-z_]\w*)\[[^\[\]]*:[^\[\]]*\])\s*(?:#.*)?$", line)
        return (m.group(1), m.group(2)) if m else None
    return None


# A conversion from a 3-channel image (`cv2.COLOR_BGR2GRAY`, `COLOR_RGB2HSV`): what `cv2.imread`
# gives by default.
_FROM_THREE_CHANNELS = re.compile(r"\bCOLOR_(?:BGR|RGB)2")
# `cv2.imread(path)` or `cv2.imread(path, cv2.IMREAD_COLOR)` (or 1): three channels when it reads.
_COLOUR_IMREAD = re.compile(
    r"\bimread\(\s*[^,()]+(?:\([^()]*\))?[^,()]*(?:,\s*(?:cv2\.IMREAD_COLOR|1)\s*)?\)"
)


def _read_in_colour(p, image: str) -> bool:
    """``image`` is `cv2.imread(...)` read in colour, written in the call or assigned to it by the
    last line of the cell above the failing one that binds it."""
    if _COLOUR_IMREAD.fullmatch(image.strip().removeprefix("cv2.")):
        return True
    if not re.fullmatch(r"[A-Za-z_]\w*", image):
        return False
    failing = failing_line_number(p)
    above = own_lines(p)[: failing - 1] if failing else []
    bound = [line for line in above if re.match(rf"\s*{image}\s*=[^=]", line)]
    return bool(bound) and bool(
        re.match(rf"\s*{image}\s*=\s*(?:cv2\.)?{_COLOUR_IMREAD.pattern}\s*(?:#.*)?$", bound[-1])
    )


def _opencv_channel_count(p, f):
    # cv2's functions are compiled: no frame names the call, the line's `cvtColor(` does.
    at = p.user_line.find("cvtColor(")
    args = call_arguments(p.user_line[at:]) if at >= 0 else []
    if len(args) >= 2 and _FROM_THREE_CHANNELS.search(args[1]) and _read_in_colour(p, args[0]):
        # imread in colour gives 3 channels, the count a BGR/RGB conversion wants: an image that
        # still fails the check is no image at all (OpenCV 3 words None this way).
        return (
            f"`{args[0]}` comes from `cv2.imread`, which reads 3 channels as this conversion "
            "wants, so the image is empty: `cv2.imread` returns None when the path is wrong or "
            "the file unreadable; check the path, and that the image `is not None`, first."
        )
    return (
        "The image has a different number of channels than the colour conversion expects (or "
        "it is empty): check `img.shape` (a grey image has no third axis) and pick the matching "
        "`cv2.COLOR_...` code."
    )


def _opencv_input_check(p, f):
    """When: the assertion's condition says what is wrong (an empty image or classifier, a
    channel count, a matcher's descriptor type); otherwise None: the safe hint."""
    msg = p.message
    if re.search(r"size\.width\s*>\s*0 && size\.height\s*>\s*0", msg):
        return _opencv_empty_image(p, f)
    if "CascadeClassifier" in msg and "empty()" in msg:
        return (
            "The CascadeClassifier is empty: its XML file was not found or not loaded; pass a "
            "valid path, e.g. `cv2.data.haarcascades + 'haarcascade_frontalface_default.xml'`."
        )
    if "VScn::contains(scn)" in msg:
        return _opencv_channel_count(p, f)
    if "batchDistance" in msg:
        return (
            "The matcher's norm does not fit the descriptors' type: binary descriptors (ORB, "
            "BRIEF) need `cv2.NORM_HAMMING`, float ones (SIFT, SURF) `cv2.NORM_L2`."
        )
    return None


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
