"""ValueError of the right type but wrong content: failed casts, unpacking, ambiguous truth
values, lengths that do not match. The generic ValueError fallback lives here too."""

from __future__ import annotations

import re

from .base import Template, group_facts, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
CANNOT_CONVERT = "values.cannot_convert"
UNPACK = "values.unpack"
AMBIGUOUS_TRUTH = "values.ambiguous_truth"
LENGTH_MISMATCH = "values.length_mismatch"
SEQUENCE_ELEMENT = "values.sequence_element"
EMPTY_REDUCTION = "values.empty_reduction"
MATH_DOMAIN = "values.math_domain"
TENSOR_CONVERSION = "values.tensor_conversion"
TOO_FEW_SAMPLES = "values.too_few_samples"
ALIGNMENT = "values.alignment"
DUPLICATES = "values.duplicates"
NOT_IN_LIST = "values.not_in_list"
COLUMN_EXISTS = "values.column_exists"
DICT_PAIRS = "values.dict_pairs"
WEIGHTS_LAYER_COUNT = "values.weights_layer_count"
VALUE_ERROR = "values.value_error"

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
        CANNOT_CONVERT,
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
        UNPACK,
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
        AMBIGUOUS_TRUTH,
        _V,
        r"The truth value of an? (?P<what>Series|DataFrame|array|Index)[^.]* is ambiguous",
        enames={"ValueError"},
        confidence=0.9,
        facts=lambda p, m: {"what": m.group("what")},
    ),
    pattern_rule(
        LENGTH_MISMATCH,
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
        SEQUENCE_ELEMENT,
        _V,
        r"setting an array element with a sequence",
        enames={"ValueError"},
        confidence=0.85,
    ),
    pattern_rule(
        EMPTY_REDUCTION,
        _V,
        r"zero-size array to reduction operation|attempt to get arg(?:max|min) of an empty sequence"
        r"|(?:max|min)\(\) arg is an empty sequence|No objects to concatenate"
        r"|need at least one array to concatenate|cannot be empty unless no samples are taken",
        enames={"ValueError"},
        confidence=0.85,
    ),
    pattern_rule(
        MATH_DOMAIN,
        _V,
        r"math domain error|Out of bounds nanosecond timestamp|out of bounds for datetime"
        r"|Python int too large|int too large to convert",
        enames={"ValueError", "OverflowError", "OutOfBoundsDatetime"},
        confidence=0.8,
    ),
    pattern_rule(
        TENSOR_CONVERSION,
        _V,
        r"Failed to convert a NumPy array to a Tensor"
        r"|Can't convert Python sequence with mixed types|Invalid dtype: object",
        library="tensorflow",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        TOO_FEW_SAMPLES,
        _V,
        r"Cannot have number of splits n_splits=\d+ greater than the number of samples"
        r"|Expected n_neighbors <= n_samples|n_samples=\d+ should be >= n_clusters=\d+",
        enames={"ValueError"},
        library="sklearn",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        ALIGNMENT,
        _V,
        r"Can only compare identically-labeled (?:Series|DataFrame) objects",
        enames={"ValueError"},
        library="pandas",
        confidence=0.85,
    ),
    pattern_rule(
        DUPLICATES,
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
        NOT_IN_LIST,
        _V,
        r"^(?P<item>.{1,80}) is not in (?:list|tuple)$",
        enames={"ValueError"},
        confidence=0.85,
        facts=group_facts(item="item"),
    ),
    pattern_rule(
        COLUMN_EXISTS,
        _V,
        r"cannot insert (?P<column>.+?), already exists",
        enames={"ValueError"},
        library="pandas",
        confidence=0.85,
        facts=group_facts(column="column"),
    ),
    pattern_rule(
        DICT_PAIRS,
        _V,
        r"dictionary update sequence element #\d+ has length (?P<length>\d+); 2 is required"
        r"|cannot convert dictionary update sequence element",
        enames={"ValueError", "TypeError"},
        confidence=0.85,
        facts=group_facts(length="length"),
    ),
    pattern_rule(
        # Saved weights and the model built now differ: Keras 2, Keras 3 (.h5) and Keras 3 wording.
        WEIGHTS_LAYER_COUNT,
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
        VALUE_ERROR,
        _V,
        enames={"ValueError"},
        confidence=0.45,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _objects_to_tensor(p, f):
    return (
        "The array holds Python objects or mixed types, which cannot become a tensor: convert it "
        "with `np.asarray(X).astype('float32')` after encoding text columns."
    )


def _too_few_samples(p, f):
    return (
        f"There is too little data for this setting ({f.get('detail', '')}): lower the number "
        "(folds, neighbours, clusters) or use more samples."
    )


def _indexes_not_aligned(p, f):
    return (
        "The two Series/DataFrames have different indexes, so pandas cannot compare them row by "
        "row: align them first, e.g. `a.reset_index(drop=True) == b.reset_index(drop=True)`."
    )


def _duplicate_labels(p, f):
    return (
        "The index or the keys contain duplicates, so pandas cannot place the values uniquely: "
        "drop them (`df.drop_duplicates(...)`) or aggregate with `pivot_table(..., aggfunc=...)`."
    )


def _weights_for_another_model(p, f):
    saved, model = f.get("saved") or f.get("saved2"), f.get("model") or f.get("model2")
    counts = f" (the file has {saved} layers, this model {model})" if saved and model else ""
    return (
        f"The saved weights are for another model than the one built now{counts}: a cell that "
        "adds layers ran twice, or the architecture changed. Restart and rebuild the model "
        "exactly as when saving, or save and load the whole model (`model.save`)."
    )


def _text_to_number(p, f):
    value = f" like {f['value']!r}" if f.get("value") is not None and "value" in f else ""
    return (
        f"Text{value} cannot be turned into a number: clean or encode that column first, e.g. "
        "`pd.to_numeric(col, errors='coerce')` or one-hot encoding for categories."
    )


def _unpack_count(p, f):
    want = f.get("expected", "")
    if f.get("kind") == "too many":
        what = f"more than {want} values" if want else "more values"
        return (
            f"The right side gives {what}, but the left side has {want} names: match the "
            "names to what it returns (e.g. `.items()` to loop over a dict's pairs)."
        )
    got = f" but there are {f['got']}" if f.get("got") else ""
    split = " (`train_test_split(X, y)` returns 4)" if want == "4" else ""
    return (
        f"The left side expects {want} values{got}: match the number of names to what the "
        f"function returns{split}."
    )


def _array_as_bool(p, f):
    return (
        f"A whole {f.get('what', 'array')} is used as one True/False: combine conditions "
        "with `&`, `|` "
        "and parentheses instead of `and`/`or`, or use `.any()` / `.all()`."
    )


def _length_mismatch(p, f):
    pair = f" ({f['a']} vs {f['b']})" if f.get("a") and f.get("b") else ""
    return (
        f"The values' length does not match the DataFrame's index{pair}: assign one value per row."
    )


def _ragged_sequences(p, f):
    return (
        "The lists inside the array have different lengths: pad or truncate them to one length, "
        "or keep them as a list of arrays."
    )


def _empty_reduction(p, f):
    return (
        "The array or list is empty: the step before produced no data; check it before taking "
        "max/min/concat."
    )


def _math_domain(p, f):
    return (
        "A value is outside the allowed range (e.g. log or sqrt of a negative number): check "
        "the inputs."
    )


def _not_in_list(p, f):
    return (
        f"`.index(...)` did not find {f.get('item', 'the value')} in the list: check it with "
        "`x in items` first, and the spelling, case and type (`'1'` is not `1`)."
    )


def _column_exists(p, f):
    column = f.get("column", "")
    if column in ("index", "level_0"):
        return (
            "`reset_index()` ran twice, so the old index is already a column: use "
            "`reset_index(drop=True)`, or run the cell that builds the DataFrame again first."
        )
    return (
        f"The DataFrame already has a column `{column}`: drop or rename it first, or assign "
        f"it with `df['{column}'] = ...` to replace it."
    )


def _dict_from_non_pairs(p, f):
    length = f" (one has {f['length']})" if f.get("length") else ""
    return (
        f"`dict(...)` needs (key, value) pairs, but got items that are not pairs{length}: build "
        "it with `dict(zip(keys, values))`, or use `json.load` to read a file."
    )


# Fire on the exception class or a broad message shape: they cannot know the cause.
CATCH_ALL = frozenset({VALUE_ERROR})

HINTS: dict[str, Template] = {
    TENSOR_CONVERSION: _objects_to_tensor,
    TOO_FEW_SAMPLES: _too_few_samples,
    ALIGNMENT: _indexes_not_aligned,
    DUPLICATES: _duplicate_labels,
    WEIGHTS_LAYER_COUNT: _weights_for_another_model,
    CANNOT_CONVERT: _text_to_number,
    UNPACK: _unpack_count,
    AMBIGUOUS_TRUTH: _array_as_bool,
    LENGTH_MISMATCH: _length_mismatch,
    SEQUENCE_ELEMENT: _ragged_sequences,
    EMPTY_REDUCTION: _empty_reduction,
    MATH_DOMAIN: _math_domain,
    NOT_IN_LIST: _not_in_list,
    COLUMN_EXISTS: _column_exists,
    DICT_PAIRS: _dict_from_non_pairs,
}
