"""ValueError of the right type but wrong content: failed casts, unpacking, ambiguous truth
values, lengths that do not match. The generic ValueError fallback lives here too."""

from __future__ import annotations

import ast
import re

from ..finding import short
from ..text import literal_argument
from ..where import (
    call_arguments,
    callee,
    callee_function,
    code_only,
    failing_call,
    loop_or_unpack,
    raised_by_the_line,
    user_frame_index,
)
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
        r"|(?:All )?arrays must (?:all )?be (?:of )?(?:the )?same length|Columns must be same "
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
    """When: an object array reached a tensor. A value the line passes that the code took from a
    column named for file paths holds the files' names, which no dtype turns into data."""
    paths = _path_column_passed(p)
    if paths:
        name, column = paths
        return (
            f"`{name}` holds the column '{column}', file paths (text), not the data in the "
            "files: load each file into an array first (e.g. an image with "
            "`tf.keras.utils.load_img` and `img_to_array`) and pass the stacked arrays."
        )
    nested = re.search(r"Unsupported object type (numpy\.ndarray|list|tuple)\b", p.message)
    if nested:
        # items that are arrays themselves: NumPy kept them as objects because their lengths or
        # shapes differ (or a column holds one array per row), and no `astype` converts them
        return (
            f"The array's items are themselves arrays (`{nested.group(1)}`), kept as Python "
            "objects, so `astype('float32')` fails too: if they all have one shape, stack them "
            "(`np.stack(list(X))`); if not, pad or cut them to one length first."
        )
    return (
        "The array holds Python objects or mixed types, which cannot become a tensor: convert it "
        "with `np.asarray(X).astype('float32')` after encoding text columns."
    )


# A column named for file names or paths ('sat_image_path', 'filename', 'img_file').
_PATH_COLUMN = re.compile(r"(?:^|_)(?:path|paths|file|files|filename|filepath|fname)(?:_|$)", re.I)


def _path_column_passed(p) -> tuple[str, str] | None:
    """(name, column) when a plain name the line passes was last assigned `df['column']` (or
    `df.column`) with a column named for file paths."""
    code = p.code_seen
    for name in dict.fromkeys(re.findall(r"[(,]\s*([A-Za-z_]\w*)\s*(?=[,)])", p.user_line)):
        assigned = re.findall(rf"^[ \t]*{name}[ \t]*=(?!=)[ \t]*(.*)$", code, re.M)
        last = assigned[-1].strip() if assigned else ""
        column = re.fullmatch(r"""[A-Za-z_]\w*(?:\[(['"])(\w+)\1\]|\.(\w+))""", last)
        found = column and (column.group(2) or column.group(3))
        if found and _PATH_COLUMN.search(found):
            return name, found
    return None


def _too_few_samples(p, f):
    if re.search(r"n_samples=1\b", p.message):
        # a single sample: more often X built the wrong way round (a list of columns, one
        # row) than a data set of one row
        return None
    return (
        f"There is too little data for this setting ({f.get('detail', '')}): lower the number "
        "(folds, neighbours, clusters) or use more samples."
    )


def _indexes_not_aligned(p, f):
    if "DataFrame objects" in p.message and re.search(r"\.i?loc\[[^\]]*,\s*\[", p.user_line):
        # df.iloc[:, [a]] == df.iloc[:, [b]]: one-column DataFrames whose column names differ.
        return (
            "Two DataFrames compare only when both their row and their column labels match, and "
            "these one-column selections have different column names: compare Series instead, "
            "e.g. `df.iloc[:, a] == df.iloc[:, b]` (single brackets)."
        )
    return (
        "The two Series/DataFrames have different indexes, so pandas cannot compare them row by "
        "row: align them first, e.g. `a.reset_index(drop=True) == b.reset_index(drop=True)`."
    )


def _duplicate_labels(p, f):
    """When: the message says which duplicates (index entries when reshaping, labels when
    reindexing, column names, bin edges); other duplicate messages get the safe hint."""
    message = p.message
    if "Index contains duplicate entries" in message:
        return (
            "The index/columns pair has duplicate entries, so pandas cannot place the values "
            "uniquely: aggregate them with `pivot_table(..., aggfunc='mean')`, or drop the "
            "duplicates first."
        )
    if re.search(r"reindex (?:on an axis with|from a) duplicate", message):
        return (
            "The index has duplicate labels, so pandas cannot align on it: drop them "
            "(`df = df[~df.index.duplicated()]`) or use `reset_index(drop=True)` first."
        )
    if "Duplicate column names" in message or "duplicate keys" in message:
        return (
            "Several columns have the same name, so selecting one by name returns a DataFrame: "
            "rename or drop the duplicates (`df.loc[:, ~df.columns.duplicated()]`)."
        )
    if "Bin edges must be unique" in message:
        return (
            "Some bin edges are equal (many identical values): pass `duplicates='drop'` to "
            "`pd.qcut`/`pd.cut`, or use fewer bins."
        )
    return None


def _tuner_loaded(p) -> bool:
    """keras_tuner's frames lead to the failing load with none of the user's between (the
    user's own `build_model(hp)` that loads weights itself is no trial checkpoint)."""
    tuner = [i for i, fr in enumerate(p.frames) if not fr.is_user and "keras_tuner" in fr.filename]
    return bool(tuner) and not any(fr.is_user for fr in p.frames[tuner[-1] + 1 :])


def _weights_for_another_model(p, f):
    if _tuner_loaded(p):
        # The tuner rebuilds each trial's model and loads that trial's checkpoint from its
        # project folder: no cell of the user's built or saved those weights.
        return (
            "The tuner reloads each trial's saved weights from its project folder, and these "
            "checkpoints do not fit the models it builds now (trials of an earlier or unfinished "
            "search): run `tuner.search(...)` to the end first, or recreate the tuner with "
            "`overwrite=True` (or a new `project_name`)."
        )
    saved, model = f.get("saved") or f.get("saved2"), f.get("model") or f.get("model2")
    counts = f" (the file has {saved} layers, this model {model})" if saved and model else ""
    return (
        f"The saved weights are for another model than the one built now{counts}: a cell that "
        "adds layers ran twice, or the architecture changed. Restart and rebuild the model "
        "exactly as when saving, or save and load the whole model (`model.save`)."
    )


# `X.astype(float)` / `X = X.astype('float32')` / `df.values.astype(float)`: the receiver.
_ASTYPE_OF = re.compile(r"(?<![\w.\]])([A-Za-z_]\w*(?:\.values|\.to_numpy\(\))?)\.astype\s*\(")
# A whole frame's array: `train.values`, `df.to_numpy()` (no column picked first).
_FRAME_ARRAY = re.compile(r"([A-Za-z_]\w*)\s*\.\s*(?:values|to_numpy\(\s*\))\s*$")


def _one_column_picked(name: str) -> re.Pattern:
    """`name = df['day']` / `name = df.day` as the line that last assigns ``name``."""
    n = re.escape(name)
    return re.compile(
        rf"^[ \t]*{n}[ \t]*=(?!=)[ \t]*[A-Za-z_]\w*(?:\[\s*['\"][^'\"]+['\"]\s*\]|\.\w+)"
        r"[ \t]*(?:#.*)?$",
        re.M,
    )


def _whole_frame_converted(p) -> tuple[str, str] | None:
    """(array, frame) when the failing line converts with `.astype(...)` an array that is a
    whole frame's values (`X = train.values` in the cell, or `train.values.astype(...)` on the
    line): a date there is one column among others, not a column to parse. None when a column
    is picked (`df['d'].astype(...)`) or the array's making is not shown."""
    m = _ASTYPE_OF.search(p.user_line)
    if m is None:
        return None
    receiver = m.group(1)
    if "." in receiver:
        frame = receiver.split(".", 1)[0]
        if _one_column_picked(frame).search(p.user_code):
            return None  # `days = prices['day']`: one column's values, no whole frame's
        return receiver, frame
    made = re.findall(rf"^[ \t]*{re.escape(receiver)}[ \t]*=(?!=)[ \t]*(.*)$", p.user_code, re.M)
    made = [v for v in made if ".astype" not in v]
    frame = _FRAME_ARRAY.match(made[-1].strip()) if made else None
    if frame is None:
        return None
    return receiver, frame.group(1)


_DATE_LIKE = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}.*)?$")
# `(1,234.50)`: a negative amount as accountants write it, in parentheses.
_ACCOUNTING_NEGATIVE = re.compile(r"^\s*\(\s*[$€£]?\s*\d[\d,]*(?:\.\d+)?\s*\)\s*$")
# '208,959.00 ', '$1,200', '45%': digits with thousands separators, currency or percent signs.
# '7,57,504': the Indian grouping (lakhs, crores), commas after every two digits but the last 3.
_FORMATTED_NUMBER = re.compile(
    r"^\s*[$€£₹]?\s*-?\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?\s*$"
    r"|^\s*[$€£₹]?\s*-?\d{1,2}(?:,\d{2})*,\d{2},\d{3}(?:\.\d+)?\s*$"
    r"|^\s*[$€£]\s*-?[\d.,]+\s*$|^\s*-?[\d.,]+\s*%\s*$"
)
# 'add41eaa6989fb56…', '3f2a-…' UUIDs, 'CUST-004711': long runs of hex digits, or letters with
# five digits or more; '4uLU6hMCjMI75M1A2tKUQC' (a Spotify or other base-62 id): 16 or more
# letters and digits with two of each kind mixed, which no word or number is written as.
_IDENTIFIER = re.compile(
    r"^\s*(?=[0-9a-f-]*\d)(?=[0-9a-f-]*[a-f])[0-9a-f-]{12,}\s*$|^\s*[A-Za-z]{1,6}[-_]?\d{5,}\s*$"
    r"|^(?=(?:[^\d]*\d){2})(?=(?:[^A-Z]*[A-Z]){2})(?=(?:[^a-z]*[a-z]){2})[A-Za-z0-9]{16,}$"
)
_NUMERIC_ONLY_CALLS = re.compile(r"^[A-Za-z_]\w*\.(?:corr|cov)\($")


_FRAME_REDUCTIONS = re.compile(r"^[A-Za-z_]\w*\.(?:mean|median|std|var|sem|skew|kurt|quantile)\($")


def _options_only(call) -> bool:
    """`df.corr()`, `df.corr(method='kendall')`: no data is passed (`s.corr(other)` is given
    another column), and no `numeric_only` is already chosen."""
    keywords = call.keywords()
    return len(keywords) == len(call.arguments) and "numeric_only" not in keywords


def _reduces_every_column(p, function: str) -> bool:
    """`df.corr()`, or `df.median()` whose frames show pandas reducing a whole DataFrame (a
    Series' `.mean()` has no other column to leave out)."""
    if _NUMERIC_ONLY_CALLS.search(function + "("):
        return True
    in_frame = any(f.package == "pandas" and "DataFrame." in f.function for f in p.frames)
    return in_frame and bool(_FRAME_REDUCTIONS.search(function + "("))


# `df['col']` (a frame's named column) or `df = pd.read_csv(...)`: the name is a frame's.
_FRAME_USES = re.compile(
    r"""(?<![\w.])([A-Za-z_]\w*)\[\s*['"]|(?<![\w.])([A-Za-z_]\w*)\s*=\s*pd\.(?:read_\w+|DataFrame)\("""
)


def _whole_frame_plotted(p, call) -> str:
    """`plt.pie(df, labels=df['Day'])`: a Matplotlib call whose first argument is a bare name
    the cell uses as a frame of named columns (subscripts it with a quoted name, or reads it from
    a file); the name, else "". Matplotlib reads the argument as numbers, every column of it."""
    if call is None or call.library != "matplotlib" or not call.args:
        return ""
    name = call.args[0].strip()
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        return ""
    frames = {m.group(1) or m.group(2) for m in _FRAME_USES.finditer(p.user_code or p.user_line)}
    return name if name in frames else ""


def _header_row_in_column(p, value: str | None) -> str:
    """`df['Order ID'].astype(int)` failing on the text 'Order ID': the column holds its own
    name in some rows, header lines of files joined together."""
    if not value:
        return ""
    m = re.search(rf"""([A-Za-z_]\w*)\[\s*(['"]){re.escape(value)}\2\s*\]""", p.user_line)
    # `df[['month', 'day']].astype(int)` failing on 'month': one of the columns selected
    m = m or re.search(
        rf"""([A-Za-z_]\w*)\[\[[^\[\]]*?(['"]){re.escape(value)}\2[^\[\]]*\]\]""", p.user_line
    )
    if not m:
        return ""
    column = f"{m.group(1)}[{m.group(2)}{value}{m.group(2)}]"
    return (
        f"Some rows of `{column}` hold the column's own name {_quoted(value)}: header lines "
        f"repeated in the data (often files joined together); drop them first (`{m.group(1)} = "
        f"{m.group(1)}[{column} != "
        f"{m.group(2)}{value}{m.group(2)}]`), then convert."
    )


_MODEL_METHOD = (
    r"\.(?:fit|predict|predict_proba|score|fit_predict|fit_transform|transform|partial_fit)$"
)


def _a_sentence(value: str | None) -> bool:
    """Free text (five words or more): no number conversion nor one-hot encoding fits it."""
    return bool(value) and len(value.split()) >= 5


_Y_TO_FLOAT = re.compile(r"(?<![\w.])y\.astype\(np\.float64\)")


def _text_padded(p, value: str | None) -> str:
    """Keras's `pad_sequences` turns each sequence into integer token ids as they are: raw
    texts must be tokenized first; coercing or one-hot encoding them would not make ids."""
    call = failing_call(p)
    if call is None or not call.function.endswith("pad_sequences"):
        return ""
    shown = f" (like {_quoted(value)})" if value else ""
    return (
        f"`pad_sequences` takes sequences of integer token ids, and it was given text{shown}: "
        "turn the texts into integer sequences first (`Tokenizer.texts_to_sequences` or a "
        "`TextVectorization` layer), then pad those."
    )


def _text_as_regression_target(p, value: str | None) -> str:
    """scikit-learn's `_check_y` turns y into numbers only for a step that regresses
    (`y_numeric=True`: a regressor, `f_regression`): text labels there are classes."""
    last = p.frames[-1] if p.frames else None
    if last is None or last.library != "sklearn":
        return ""
    # `y = y.astype(np.float64)` (older check_X_y), not check_array's `array.astype(...)`, which
    # converts X as well: a text column of X reads the same there.
    if not (last.function.endswith("_check_y") or _Y_TO_FLOAT.search(last.failing_line)):
        return ""
    shown = f" like {_quoted(value)}" if value else ""
    return (
        f"The target y holds text labels{shown}, but this scikit-learn step does regression and "
        "needs numeric targets: for classes use a classifier instead (e.g. `LogisticRegression` "
        "rather than `LinearRegression`)."
    )


# seaborn before 0.11: `kdeplot(data, data2, ...)`, `distplot(a, ...)` take the values
# themselves and convert all of them to numbers on this line.
_SEABORN_WHOLE_CAST = re.compile(r"^\s*(?:data|a)\s*=\s*(?:np\.)?asarray\(|\.astype\(np\.float")


def _old_seaborn_whole_frame(p) -> str:
    """`sns.kdeplot(x="a", y="b", data=df)` on a seaborn older than 0.11: its `kdeplot` (or
    `distplot`) converts all of `data`, the text columns too, so no column is to be cleaned:
    the columns meant are to be passed themselves."""
    if not re.search(r"\bdata\s*=", p.user_line):
        return ""
    own = next((fr for fr in p.frames if fr.library == "seaborn"), None)
    if own is None or own.function not in ("kdeplot", "distplot"):
        return ""
    if not _SEABORN_WHOLE_CAST.search(own.failing_line or ""):
        return ""
    return (
        f"This seaborn's `{own.function}` (older than 0.11) takes the values themselves, so it "
        "converted all of `data=`, text columns too: pass the columns meant, e.g. "
        f"`sns.{own.function}(df['a'], df['b'])`, or upgrade seaborn to use `x=`, `y=` "
        "with `data=`."
    )


def _plotted_text(p, value: str | None) -> str:
    """A Matplotlib function the line calls turned its data into numbers and met text: it
    draws numbers, and the categories' counts are what such a chart shows of text."""
    call = failing_call(p)
    if call is None or call.library != "matplotlib" or not p.frames:
        return ""
    if p.frames[-1].library not in ("matplotlib", "numpy", "pandas"):
        return ""
    shown = f" (like {_quoted(value)})" if value else ""
    return (
        f"`{call.text}` got data holding text{shown}, but it draws numbers: pass one numeric "
        "column, or count the text values first (e.g. `df['col'].value_counts()`)."
    )


# Words files write for a missing value (pandas reads some, not all, as NaN).
_MISSING_MARKERS = frozenset({"none", "null", "nan", "na", "n/a", "missing", "nil", "unknown"})


def _header_read_as_data(p, value: str | None) -> str:
    """The notebook reads a file with `header=None`: its first line, the column names, becomes
    a row of data, and a name (a word like 'long') then fails the conversion."""
    if not value or not re.fullmatch(r"[A-Za-z_][\w ]{0,40}", value):
        return ""
    if value.lower() in _MISSING_MARKERS:
        return ""  # 'None', 'NA': a data row's missing value, as likely as a header's word
    code = p.code_seen
    reads = [
        m.group(0)
        for m in re.finditer(r"\bread_(?:csv|table|excel)\([^)]*", code)
        if re.match(r"[^\n]*\bheader\s*=\s*None", m.group(0))
    ]
    if not reads or all(re.search(r"\bnames\s*=", read) for read in reads):
        return ""  # `names=` with `header=None`: the file's first line is data, not names
    return (
        f"The notebook reads its file with `header=None`, which keeps the file's first line as "
        f"a row of data: if {_quoted(value)} is a column name of that line, read the file "
        "without `header=None` (or drop that first row) before converting."
    )


def _names_without_header(p, value: str | None) -> str:
    """`read_csv(path, names=cols)` with no `header=`: pandas then reads the file's first line as
    data, so a file that has its own header line gets the column names as a row. Said only when
    the failing text is one of the names given (a list literal inline or assigned to the name)."""
    if not value or not re.fullmatch(r"[A-Za-z_][\w ]{0,40}", value):
        return ""
    code = p.code_seen
    quoted = r"""(['"])""" + re.escape(value) + r"\1"
    for m in re.finditer(r"\bread_(?:csv|table)\(([^)]*)\)", code):
        given = re.search(r"\bnames\s*=\s*(\[[^\]]*\]|[A-Za-z_]\w*)", m.group(1))
        if given is None or re.search(r"\b(?:header|skiprows)\s*=", m.group(1)):
            continue
        names = given.group(1)
        if not names.startswith("["):
            listed = re.search(rf"^\s*{re.escape(names)}\s*=\s*(\[[^\]]*\])", code, re.M)
            names = listed.group(1) if listed else ""
        if re.search(quoted, names):
            return (
                f"The file is read with `names=` but no `header=`, so its own header line became "
                f"a row of data ({_quoted(value)} is one of those names): add `header=0` to that "
                "`read_csv` to replace the file's names with yours."
            )
    return ""


# A name for labels: `y`, `y_train`, `Y_test`, `labels`, `target`.
_LABELS_NAME = re.compile(r"[yY](?:_\w+)?|labels?|targets?")


# Libraries whose `fit` takes the features first (`fit(X, y)`); sktime, pmdarima and
# scipy's distributions take the series or the sample first (`fit(y, X)`, `norm.fit(data)`).
_FEATURES_FIRST = ("sklearn", "xgboost", "lightgbm", "catboost", "imblearn")


def _fits_features_first(p) -> bool:
    """The first library the call enters is one whose `fit` takes X first."""
    library = next((f.library for f in p.frames if f.library), None)
    return library in _FEATURES_FIRST


def _text_into_a_model(p, value: str | None) -> str:
    """A model's `fit`/`predict` given text: labels passed where features go (`knn.predict(
    y_test)`), or sentences, which no encoding of categories turns into features."""
    call = failing_call(p)
    if call is None or not re.search(_MODEL_METHOD, call.function):
        return ""
    first = call.args[0] if call.args else ""
    if call.function.endswith(("predict", "predict_proba")) and re.fullmatch(
        r"y(?:_\w+)?|labels?|targets?", first
    ):
        return (
            f"`{call.text}` is given `{first}`, the labels, where it needs the features: pass "
            "the X data (e.g. `X_test`); the labels are what it predicts."
        )
    if (
        call.function.endswith(".fit")
        and len(call.args) >= 2
        and _LABELS_NAME.fullmatch(first)
        and not _LABELS_NAME.fullmatch(call.args[1])
        and _fits_features_first(p)
    ):
        # `forest.fit(Y_train, X_train)`: the labels (text) went where the features go
        return (
            f"`{call.text}` is given `{first}`, the labels, as its first argument, where the "
            "features go: call `fit(X, y)` with the numeric features (e.g. vectorized text) "
            "first and the labels second."
        )
    if _a_sentence(value) and _plainly_prose(value) and _PREDICTS.search(call.function):
        return _text_to_a_fitted_model(p, call.text, first)
    if _a_sentence(value) and _plainly_prose(value):
        # A vectorizer makes columns of numbers from it.
        return (
            f"`{call.text}` got free text (a column of sentences), which no conversion turns "
            "into a number: make features of it first with a vectorizer (`CountVectorizer` or "
            "`TfidfVectorizer`, `.fit_transform` on the text column)."
        )
    if _a_sentence(value) and re.search(r"\n|\\n", value):
        # lines of text (an address, a note; the message shows the break as `\\n`): an
        # identifier to drop as often as features to make, which one value does not tell
        return ""
    if _a_sentence(value):
        # Five words without a sentence's end may as well be one category of a few
        # ('Native- Born in the United States'): one value does not tell which.
        return (
            f"`{call.text}` got text like {_quoted(value)}, which no conversion turns into a "
            "number: if its column holds a few repeated categories, one-hot encode it "
            "(`pd.get_dummies` or `OneHotEncoder`); if free text, make features with a vectorizer "
            "(`TfidfVectorizer`)."
        )
    return ""


# A fitted model's methods: its features come from vectorizers fitted before, not new ones.
_PREDICTS = re.compile(r"\.(?:predict|predict_proba|score)$")
# `name = CountVectorizer(...)`, `TfidfVectorizer`, `HashingVectorizer`: a text vectorizer made.
_VECTORIZER_MADE = re.compile(
    r"^[ \t]*(\w+)\s*=\s*(?:\w+\.)*(?:Count|Tfidf|Hashing)Vectorizer\(", re.M
)


def _text_to_a_fitted_model(p, call_text: str, given: str) -> str:
    """`clf.predict(X_test)` of raw text: the test text goes through the vectorizer fitted on
    the training text (`.transform`); a new `.fit_transform` would make other columns. Said
    when the notebook makes a vectorizer, named when it makes exactly one and no transformer
    after it; without one, "" (the model may have been trained on other columns)."""
    code = p.code_seen
    made = set(_VECTORIZER_MADE.findall(code))
    if not made:
        return ""  # no vectorizer: the model may have been trained on other columns than text
    what = f"`{given}`" if given else "the text"
    if len(made) == 1 and "TfidfTransformer(" not in code:
        name = made.pop()
        step = f"pass `{name}.transform({given or 'text'})`"
    else:
        step = "pass it through the vectorizer fitted on the training text with `.transform(...)`"
    return (
        f"`{call_text}` got free text (a column of sentences) where the model needs the "
        f"features it was trained on: {step}, not a new `.fit_transform` of {what}, which "
        "would make other columns."
    )


def _plainly_prose(value: str) -> bool:
    """Text that reads as a sentence, not a category's label: it ends as a sentence does, runs to
    ten words or more, or holds a verb or pronoun of everyday sentences, which labels seldom do
    ('was', 'I')."""
    text = value.strip()
    words = {w.strip(".,;:!?'\"()").lower() for w in text.split()}
    return text.endswith((".", "!", "?")) or len(words) >= 10 or bool(words & _SENTENCE_WORDS)


_SENTENCE_WORDS = frozenset(
    {"is", "was", "are", "were", "be", "been", "am", "have", "has", "had", "do", "does", "did"}
    | {"i", "you", "we", "they", "my", "it", "this", "not", "very", "will", "would", "can"}
)


def _split_piece(p) -> str:
    """The failing line converts a variable the cell made with `.split(...)` of a text line
    (`values = line.split()`): its name, else ""."""
    for name in re.findall(r"(\w+)\s*=\s*\w+\.split\(", p.user_code):
        if re.search(rf"\b{name}\b", p.user_line):
            return name
    return ""


def _passed_as_literal(line: str, value: str) -> bool:
    """``value`` is written on ``line`` as a string that is passed (`x=["fare"]`, `f('a')`), not
    inside a subscript: `df['Order ID']` or `df[['a', 'b']]` select columns, whose text is the
    value."""
    quoted = r"""(['"])""" + re.escape(value) + r"\1"
    return any(not _inside_subscript(line[: m.start()]) for m in re.finditer(quoted, line))


_NUMBER_LITERAL = re.compile(r"""\s*(['"]?)\s*-?\d+(?:\.\d*)?\s*\1\s*""")


def _written_among_numbers(line: str, value: str) -> bool:
    """``value`` is an item of a list or tuple literal on ``line`` whose other items are numbers
    (`['a', '1', '3']`): a data value written by hand, not the name of some data."""
    quoted = r"""(['"])""" + re.escape(value) + r"\1"
    for m in re.finditer(r"[\[(]([^\[\]()]*)[\])]", line):
        items = [i for i in m.group(1).split(",") if i.strip()]
        called = m.group(0)[0] == "(" and re.search(r"[\w)\]]\s*$", line[: m.start()])
        if (
            called
            or _inside_subscript(line[: m.start() + 1])
            or not any(re.fullmatch(r"\s*" + quoted + r"\s*", i) for i in items)
        ):
            continue
        others = [i for i in items if not re.fullmatch(r"\s*" + quoted + r"\s*", i)]
        if others and all(_NUMBER_LITERAL.fullmatch(i) for i in others):
            return True
    return False


def _stored_into_an_item(line: str, value: str) -> str:
    """`arr[0, 0] = 'Hello'`, `arr[0][0] = 'Hello'` or `arr.fill('Hello')`: the line stores the
    quoted ``value`` itself into an item, a slice or every item of a name; the statement as
    written, else ""."""
    quoted = r"""(['"])""" + re.escape(value) + r"\2"
    item = rf"[A-Za-z_][\w.]*(?:\[[^\[\]=]+\])+\s*=\s*{quoted}"
    filled = rf"[A-Za-z_][\w.]*\.fill\(\s*{quoted}\s*\)"
    for statement in (item, filled):
        m = re.fullmatch(rf"\s*({statement})\s*(?:#.*)?", line)
        if m:
            return m.group(1)
    return ""


def _inside_subscript(before: str) -> bool:
    """An open `[` of ``before`` follows a name, `)` or `]` (a subscript, not a list literal)."""
    opened: list[bool] = []  # per open bracket: is it a subscript
    for i, char in enumerate(before):
        if char in "([{":
            opened.append(char == "[" and bool(re.search(r"[\w)\]]\s*$", before[:i])))
        elif char in ")]}" and opened:
            opened.pop()
    return any(opened)


def _text_from_the_line(p, value: str | None) -> str:
    """The text comes from the failing line itself: a string literal passed where data goes,
    `sys.argv` (a notebook's kernel arguments), seaborn reading a positional column as wide-form
    data, or a heatmap of a frame with a text column. "" when none of these shows."""
    line = p.user_line
    if "sys.argv" in line:
        return (
            "In a notebook `sys.argv` holds the kernel's own arguments (`-f …/kernel-….json`), "
            "not yours: set these values in the notebook instead of reading the command line."
        )
    call = failing_call(p)
    named = value and re.fullmatch(r"[A-Za-z_][\w ]*", value)  # a name, no number written oddly
    if value and _written_among_numbers(line, value):
        as_text = " (or drop `dtype=` to keep them as text)" if "dtype" in line else ""
        return (
            f"The value {_quoted(value)} is written on this line among numbers, and is not a "
            f"number itself: correct or remove it{as_text}."
        )
    stored = _stored_into_an_item(line, value) if value and raised_by_the_line(p) else ""
    if stored:
        # NumPy converts what is stored to the array's one dtype: the text is no name of data.
        return (
            f"`{stored}` stores text into an array of numbers, and an array holds one type: "
            "build it with `dtype=object` (or keep mixed values in a list or DataFrame), or "
            "store a number."
        )
    if named and _passed_as_literal(line, value):
        return (
            f"The text {_quoted(value)} is written on this line as a string and cannot become "
            "a number: if it names data, pass the data itself (the variable, or "
            f"`df[{_quoted(value)}]`), not its name in quotes."
        )
    if call is None or call.library != "seaborn":
        return ""
    name = call.function.rsplit(".", 1)[-1]
    if name == "heatmap":
        # A wide table (one column per measure) and a long one (one row per pair) both fail
        # so; which one the frame is, the crash does not show: both fixes are named.
        given = call.args[0] if call.args and call.args[0].isidentifier() else "df"
        return (
            f"`heatmap` draws every cell of the frame as a number, and a column holds text"
            f"{' like ' + _quoted(value) if value else ''}: drop the text columns "
            f"(`{given}.select_dtypes('number')`); a long table, one row per pair of labels, is "
            f"to be pivoted first (`{given}.pivot(index=..., columns=..., values=...)`)."
        )
    readers = {f.function.rsplit(".", 1)[-1] for f in p.frames if f.library == "seaborn"}
    if "establish_variables" in readers and call.args and not call.keywords().get("x"):
        return (
            f"seaborn took `{call.args[0]}` (given without a name) as wide-form data and tried "
            f"to read its text as numbers: name the axis, `{call.function}(x={call.args[0]})`."
        )
    return ""


def _unreadable_date(message: str) -> str | None:
    """The text dateutil's "Unknown string format" refused: after the colon (pandas may add
    "present at position N"), or the second item of the tuple Python 3.6's two-argument
    ValueError prints (`('Unknown string format:', 'asd')`). None when the message names none
    (older dateutil's bare "Unknown string format")."""
    as_tuple = re.search(r"Unknown string format:?['\"],\s*(['\"])(.*?)\1\)", message)
    if as_tuple:
        return as_tuple.group(2)
    after = re.search(r"Unknown string format: (.+?)(?: present at position \d+)?$", message, re.M)
    return after.group(1).strip() if after and after.group(1).strip() else None


def _quoted(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


# The text a float conversion refused, as the message quotes it (``b'...'`` from a file's bytes).
_FLOAT_TEXT = re.compile(
    r"could not convert string (?:to float: b?(['\"])(.*)\1\s*$|(['\"])(.*?)\3 to float)"
)
_SEPARATORS = {",": "comma", ";": "semicolon", "\\t": "tab"}


def _numbers_joined(p) -> str | None:
    """The hint when the refused text is a whole line of numbers joined by one separator
    (``'1.0,2.0,3.0'``): a file read with the wrong delimiter, not a column to clean.
    When: split at that separator every piece is a number, and the text is no single number
    written with a decimal comma or thousands groups (two comma pieces are both decimals)."""
    m = _FLOAT_TEXT.search(p.message) if "could not convert string" in p.message else None
    if m is None:
        return None
    text = m.group(2) if m.group(2) is not None else m.group(4)
    if _FORMATTED_NUMBER.match(text):
        return None  # `1,234,567.00`: one number with thousands groups
    for sep, word in _SEPARATORS.items():
        pieces = text.split(sep)
        numbers = all(_DECIMAL_TEXT.match(x) or x.strip().isdigit() for x in pieces)
        if len(pieces) < 2 or not numbers:
            continue
        if len(pieces) == 2 and sep == "," and not all(_DECIMAL_TEXT.match(x) for x in pieces):
            return None  # `12,5` or `208,959.00`: one number with a decimal comma or a group
        shown = "'\\t'" if sep == "\\t" else repr(sep)
        if re.search(r"\b(?:loadtxt|genfromtxt)\(", p.user_line):
            reader = "loadtxt" if "loadtxt(" in p.user_line else "genfromtxt"
            fix = f"pass `delimiter={shown}` to `{reader}`"
        elif re.search(r"\bread_(?:csv|table)\(", p.user_line):
            fix = f"pass `sep={shown}` when reading the file"
        else:
            fix = f"split it at {shown} first, or read the file with that delimiter"
        return (
            f"The text {_quoted(text)} is several numbers joined by a {word}: the data is "
            f"{word}-separated, so {fix}."
        )
    return None


# dask's read_csv when a later block's values do not fit the types read from the first rows.
_DASK_DTYPES = "Mismatched dtypes found in `pd.read_csv`/`pd.read_table`"
_DASK_DTYPE_PAIR = re.compile(r"(?<=dtype=\{)'[^'\n]+': '\w+'")


def _text_to_number(p, f):
    """When: the message quotes text that a number conversion refused (or a date format it
    could not match); other conversion messages get the safe hint."""
    message = p.message
    if message.startswith(_DASK_DTYPES):
        # dask typed each column from a sample of the first rows; its message prints the fix.
        pair = _DASK_DTYPE_PAIR.search(message)
        example = f" (e.g. `{pair.group(0)}`)" if pair else ""
        return (
            "dask guessed each column's type from the first rows of the file, and later rows do "
            f"not fit it: pass the `dtype={{...}}` the message prints{example} to the "
            "`read_csv` call."
        )
    fmt = re.search(
        r"time data ['\"]?(.+?)['\"]? (?:does not|doesn't) match format ['\"]([^'\"]+)", message
    )
    if fmt and fmt.group(1).startswith("1970-01-01 00:00:00"):
        # The values are already datetimes: integers read as nanoseconds since 1970.
        return (
            f"The text {_quoted(fmt.group(1))} is already a date: numbers were turned into "
            "datetimes as nanoseconds since 1970 before this line; convert the original "
            f"numbers once (`pd.to_datetime(col.astype(str), format={fmt.group(2)!r})`)."
        )
    if fmt and not any(frame.library == "pandas" for frame in p.frames):
        # Python's own `datetime.strptime` (no pandas frame): it has no `errors=` to pass.
        return (
            f"`strptime` cannot read the date {_quoted(fmt.group(1))} with the format "
            f"{fmt.group(2)!r}: make the format match the text exactly (`%Y` 4-digit year, `%m` "
            "month number, `%b` month name, `%d` day, `%f` microseconds)."
        )
    if fmt:
        return (
            f"pandas cannot read the date {_quoted(fmt.group(1))} with the format "
            f"{fmt.group(2)!r}: make the format match the text (`%Y` 4-digit year, `%y` 2 digits, "
            "`%m` month, `%d` day), or pass `errors='coerce'` to turn impossible dates into NaT."
        )
    if "Unknown string format" in message:
        unreadable = _unreadable_date(message)
        if unreadable is None:
            return (
                "pandas cannot read one of the values as a date (the message does not say which): "
                "find it with `pd.to_datetime(col, errors='coerce')`, where it turns into NaT, "
                "then fix or drop it."
            )
        return (
            f"pandas cannot read {_quoted(unreadable)} as a date: fix or drop that "
            "value, or pass `errors='coerce'` to turn unreadable dates into NaT."
        )
    if "cannot convert the series to" in message:
        return (
            "A whole Series went where one number is needed (`float(...)`, `int(...)` or a "
            "`math` function): use vectorised NumPy/pandas functions (`np.log(s)`) instead."
        )
    joined = _numbers_joined(p)
    if joined:
        return joined
    value = f.get("value")
    if value is None:
        parsed = re.search(r'Unable to parse string "([^"]*)"', message)
        value = parsed.group(1) if parsed else None
    if value is None and not re.search(r"could not convert|invalid literal|parse string", message):
        return None
    shown = f" like {_quoted(value)}" if value is not None else ""
    told = _text_from_the_line(p, value)
    if told:
        return told
    if _REPLACES_BY_NAME.search(p.user_line):
        return _left_unmapped(p, value)
    if re.search(r"with base (?!10\b)\d+", message):
        return None  # a library parsing its own hexadecimal (or other base) text: no column
    if value and "literal for int()" in message and _DECIMAL_TEXT.match(value):
        # `int('0.68')`: the text is a number, but `int()` reads only whole-number text
        return (
            f"Text{shown} is a decimal number, and `int()` reads only whole-number text: convert "
            "with `float(...)` first (`int(float(x))` to drop the decimals, or `.astype(float)` "
            "for a column)."
        )
    # A whole-frame reduction meets every text column, a date only among them.
    call = failing_call(p)
    if call is not None and _options_only(call) and _reduces_every_column(p, call.function):
        return (
            f"`{call.text}` reads every column, and one holds text{shown}: pass "
            "`numeric_only=True` or select the numeric columns (`df.select_dtypes('number')`)."
        )
    plotted = _whole_frame_plotted(p, call)
    if plotted:
        return (
            f"`{call.function}` is given the whole frame `{plotted}`, and one of its columns "
            f"holds text{shown}: pass only the column of numbers to draw "
            f"(`{plotted}['<column>']`), and the text column as labels if you want it."
        )
    if value and _DATE_LIKE.match(value):
        whole = _whole_frame_converted(p)
        if whole:
            return (
                f"`{whole[0]}` holds every column of `{whole[1]}`, and one of them holds dates"
                f"{shown}: keep only the numeric columns before converting (select them, or "
                "make the date column the index)."
            )
        return (
            f"Text{shown} is a date, not a number: parse the column with `pd.to_datetime(...)` "
            "(and take `.dt.month`, `.dt.year`, ... if you need a number)."
        )
    if value and re.fullmatch(r"-?\d+,(?:\d{1,2}|\d{4,})", value.strip()):
        # `12,5`: a decimal comma (a thousands separator would group three digits).
        return (
            f"Text{shown} writes its decimals with a comma: replace it with a point "
            "(`.replace(',', '.')` before converting), or read the file with `decimal=','`."
        )
    if value and _ACCOUNTING_NEGATIVE.match(value):
        # `(6410.85)`: bookkeeping's way of writing -6410.85; coercing would blank it.
        return (
            f"Text{shown} is an accounting negative, `(x)` meaning `-x`: rewrite it before "
            "converting, e.g. `col.str.replace('(', '-', regex=False).str.replace(')', '', "
            "regex=False)`, then `pd.to_numeric(...)` (remove any `,` too)."
        )
    if value and _FORMATTED_NUMBER.match(value):
        return (
            f"Text{shown} is a number written with separators or signs: remove them before "
            "converting, e.g. `col.str.replace(r'[,$%\\s]', '', regex=True).astype(float)`."
        )
    if value and _IDENTIFIER.match(value):
        return (
            f"Text{shown} reads like an identifier (a hash, code or ID), not a number: drop that "
            "column from the features (an ID carries no meaning for a model)."
        )
    if re.search(r"\binput\s*\(", p.user_line):
        # `int(input())`: what was typed, not a data column.
        typed = f"the text typed ({_quoted(value)})" if value else "nothing (an empty answer)"
        return (
            f"`input()` returned {typed}, which is not a number: type a single number, or "
            "check and convert the answer first (e.g. split `'1,2,3'` with `.split(',')`)."
        )
    split = _split_piece(p)
    if split:
        return (
            f"Text{shown} is a piece of a text line cut with `.split()` (`{split}`), not a "
            "number: some lines hold other fields than expected; print a line that fails, and "
            "skip or parse such lines differently."
        )
    header = (
        _names_without_header(p, value)  # the surer cause of a column's name among its rows
        or _header_row_in_column(p, value)
        or _header_read_as_data(p, value)
    )
    if header:
        return header
    specific = (
        _text_padded(p, value)
        or _text_as_regression_target(p, value)
        or _text_into_a_model(p, value)
        or _plotted_text(p, value)
        or _old_seaborn_whole_frame(p)
    )
    if specific:
        return specific
    if _a_sentence(value):
        return None  # sentences: neither `to_numeric` nor one-hot encoding turns them to numbers
    one_value = "[" not in p.user_line or re.search(r"(?<![\w.])(?:int|float)\(", p.user_line)
    if not p.libraries and one_value and ".astype" not in p.user_line:
        # A builtin `int(...)`/`float(...)` on one value: no column to clean or encode.
        return (
            f"Text{shown} is not a number, so `int(...)`/`float(...)` cannot convert it: find "
            "where that value comes from, or check it before converting."
        )
    if re.search(r"\.(?:predict|predict_proba|score)\(", p.user_line):
        # a fitted model given text: its training columns were other ones, so encoding this
        # column now would not match what it learnt
        return None
    if value and _words_without_digits(value):
        # 'Mr. Moses Aaron Troupiansky': coercing blanks every row, and one-hot encoding free
        # text (names, descriptions) makes a column per row; a category of words is the other
        # reading
        return (
            f"Text{shown} is words, not a number: drop that column from the features if it is "
            "free text (names, descriptions), or one-hot encode it if it is a category."
        )
    return (
        f"Text{shown} cannot be turned into a number: clean or encode that column first, e.g. "
        "`pd.to_numeric(col, errors='coerce')` or one-hot encoding for categories."
    )


def _words_without_digits(value: str) -> bool:
    """Three words or more and no digit: text no cleaning turns into a number."""
    return len(value.split()) >= 3 and not re.search(r"\d", value)


# `.replace(mapping)` with one name: the values the mapping does not name stay as they were.
_REPLACES_BY_NAME = re.compile(r"\.replace\(\s*([A-Za-z_]\w*)\s*\)")


def _left_unmapped(p, value: str | None) -> str | None:
    """`df[c].replace(age_mapping).astype(float)` refused a text: `.replace` leaves a value the
    mapping does not name as it was. Said only when the cell or notebook shows the mapping as a
    dict literal that has the text neither as a key nor as a value (a value mapped to text);
    else no cleaning advice fits, and the safe hint speaks."""
    name = _REPLACES_BY_NAME.search(p.user_line).group(1)
    mapping = _dict_literal(p, name)
    if value is None or mapping is None or any(isinstance(v, dict) for v in mapping.values()):
        return None  # (a dict of dicts maps each column's values: no key of it is a label)
    texts = {str(k) for k in mapping} | {str(v) for v in mapping.values()}
    if value in texts:
        return None
    return (
        f"{_quoted(value)} is no key of `{name}`, so `.replace({name})` left it as text: add it "
        f"to `{name}` (`value_counts()` of the column lists the other labels it misses)."
    )


def _dict_literal(p, name: str) -> dict | None:
    """The dict literal the code last assigns to ``name`` (`name = {...}`), or None."""
    code = p.code_seen
    found = list(re.finditer(rf"^[ \t]*{re.escape(name)}\s*=\s*(?=\{{)", code, re.M))
    if not found:
        return None
    start, depth = found[-1].end(), 0
    for i in range(start, min(len(code), start + 5_000)):
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            try:
                value = ast.literal_eval(code[start : i + 1])
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                return None
            return value if isinstance(value, dict) else None
    return None


# A number with a decimal point (or an exponent), as `str(0.5)` writes it.
_DECIMAL_TEXT = re.compile(r"\s*[-+]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][-+]?\d+)\s*$")


# `linestyle=custom` / `ls=(8, 2)` on the failing line: what it passes as the line style.
_LINESTYLE_GIVEN = re.compile(r"\b(?:linestyle|ls)\s*=\s*(\([^()]*\)|[\w.]+)")


def _dash_tuple(p) -> str | None:
    """Matplotlib's `_get_dash_pattern` unpacks a tuple style as `offset, dashes`: a flat tuple
    of lengths (`(8, 2, 2, 2)`) fails there, whatever the data."""
    last = p.last_frame
    if last is None or last.function.rsplit(".", 1)[-1] != "_get_dash_pattern":
        return None
    given = _LINESTYLE_GIVEN.search(p.user_line)
    what = f"`linestyle={given.group(1)}`" if given else "the line style tuple"
    return (
        f"Matplotlib reads a dash tuple as `(offset, (on, off, ...))`, and {what} is not that "
        "shape: nest the lengths after an offset, e.g. `linestyle=(0, (5, 2))`."
    )


def _unpack_count(p, f):
    """When: the failing line unpacks itself (its own ``a, b = ...`` or ``for a, b in ...``);
    a library's internal unpacking gets the safe hint, but for Matplotlib's dash tuple."""
    if not raised_by_the_line(p):
        return _dash_tuple(p)
    want, got = f.get("expected", ""), f.get("got", "")
    kind, targets, value = loop_or_unpack(p.user_line)
    if len(value) > 60:
        value = re.sub(r"^([\w.]+)\(.*$", r"\1(…)", value)
    nested = "(" in targets or "[" in targets  # ``for i, (a, b) in ...``: which level failed?
    source = (
        f"`{value}`" if kind and value and len(value) <= 60 and not nested else "the right side"
    )
    if kind == "for" and len(call_arguments(f"({value})")) > 1:
        # `for a, b in xs, ys`: the loop walks the tuple (xs, ys), a whole sequence per step
        return (
            f"`for … in {short(value, 50)}` loops over the tuple of those values, one whole "
            f"value per step, not over their items side by side: pair the items with "
            f"`zip({short(value, 50)})`."
        )
    if kind == "for" and source != "the right side":
        source = f"each item of {source}"
    if f.get("kind") == "too many":
        what = f"more than {want} values" if want else "more values"
        return (
            f"The left side has {want} names but {source} gives {what}: match the names to what "
            "it returns (e.g. `.items()` to loop over a dict's pairs)."
        )
    gives = f"gives {got}" if got else "gives fewer"
    split = " (`train_test_split(X, y)` returns 4)" if want == "4" else ""
    return (
        f"The left side expects {want} values but {source} {gives}: print it to see what it "
        f"holds, and match the names to it{split}."
    )


def _table_as_seaborn_x(p) -> tuple[str, str] | None:
    """(function, name) when a seaborn frame raised and the line's `sns.f(name, ...)` passes a
    plain name first and no `data=`: older seaborn binds that value to `x`."""
    if not any(fr.library == "seaborn" for fr in p.frames):
        return None
    m = re.search(r"(?<![\w.])(?:sns|seaborn)\.(\w+)\(\s*([A-Za-z_]\w*)\s*[,)]", p.user_line)
    if m is None or re.search(r"\b(?:data|x)\s*=(?!=)", p.user_line):
        return None  # with `x=` given, the first value cannot be x (Python would refuse it)
    # the frame's printed signature (`in catplot(data, x, y, …)`): a seaborn whose first
    # parameter is `data` takes the table as the table
    header = re.search(rf"\bin {re.escape(m.group(1))}\((\w+)", p.text)
    if header and header.group(1) != "x":
        return None
    return m.group(1), m.group(2)


# A conditional expression, `a if condition else b`: the condition.
_CONDITIONAL_EXPRESSION = re.compile(r"\S\s+if\s+(.+?)\s+else\b")


# `x != None` / `None == x`: Python's `==` with None, which arrays answer item by item.
_COMPARED_WITH_NONE = re.compile(
    r"(?<![\w.])([A-Za-z_][\w.]*(?:\[[^\[\]]*\])?)\s*(!=|==)\s*None\b"
    r"|\bNone\s*(!=|==)\s*([A-Za-z_][\w.]*)"
)


def _inspected_by_ipython(p) -> str:
    """The object of a `x?` / `x??` line (IPython's `pinfo` magic) when IPython's inspector
    (`oinspect.py`) is among the frames that ran; else ""."""
    m = re.search(r"run_line_magic\(\s*['\"]pinfo2?['\"],\s*['\"]([^'\"]+)['\"]", p.user_line)
    if m is None or not any(f.filename.endswith("oinspect.py") for f in p.frames):
        return ""
    return m.group(1).strip()


def _array_as_bool(p, f):
    """When: the user's own line (or function) tests the array as one True/False; a library
    that does it got an array where it expects one value, which the safe hint leaves open."""
    if not raised_by_the_line(p):
        inspected = _inspected_by_ipython(p)
        if inspected:
            # `grades.loc?`: the user passed nothing; IPython's inspector tested the object
            return (
                f"IPython's `?` inspector itself failed on `{inspected}`: some IPython versions "
                "test a pandas object as one True/False while looking up its documentation, and "
                f"nothing of yours is at fault: use `help({inspected})` instead, or upgrade "
                "IPython."
            )
        idle = _argumentless_method(p)
        if idle:
            # nothing passed: the test ran on the values the method works on
            return (
                f"`.{idle}()` is given no argument here, so the True/False test ran on the values "
                "it works on: some of them are arrays or Series, not single values; print "
                "`type(...)` of a few of them."
            )
        table = _table_as_seaborn_x(p)
        if table:
            func, name = table
            return (
                f"Your seaborn version takes the first value of `sns.{func}({name})` as `x`, one "
                f"column's values, not as the table: pass the table by name, `sns.{func}(data="
                f"{name})` (with `x=`/`y=` naming its columns)."
            )
        call = failing_call(p)
        line = p.user_line.strip()
        where = f"`{call.text}`" if call else f"`{line}`" if 0 < len(line) <= 70 else "Your call"
        return (
            f"{where} had a library test an array or Series as one True/False: one of its "
            "arguments probably got an array or Series where a single value (a bool, a string, a "
            "number) is expected; check what you pass it."
        )
    line = p.user_line
    against_none = _COMPARED_WITH_NONE.search(line)
    if against_none and not re.search(r"\b(?:and|or)\b", line):
        # (with `and`/`or` the array tested may be another operand's)
        # `mask != None` compares each item with None: an array comes back, not one bool
        name = against_none.group(1) or against_none.group(4)
        op = against_none.group(2) or against_none.group(3)
        test = "is not" if op == "!=" else "is"
        return (
            f"`{name} {op} None` compares each item of the {f.get('what', 'array')} with None "
            f"and gives many True/False values: test the object itself with `{name} {test} None`."
        )
    member = re.search(r"\b(\w+)\s+(?:not\s+)?in\s+(\w+)\b", line)
    slip = member and _comprehension_without_for(line, *member.groups())
    if slip:
        return slip
    if member and not re.match(r"\s*for\b", line) and not re.search(r"\b(?:and|or|if)\b", line):
        # `x in items` compares x with each item by ==: an array x gives an array, not a bool.
        x, items = member.groups()
        return (
            f"`{x} in {items}` compares `{x}` with each item using `==`, which for arrays gives "
            "an array, not one True/False: compare explicitly, e.g. "
            f"`any(np.array_equal({x}, item) for item in {items})`."
        )
    single = re.match(r"\s*(?:if|elif|while)\s+([A-Za-z_]\w*)\s*[<>=!]=?\s*[\d.]+\s*:", line)
    if single:
        # `if score > 0.9:` with no and/or: the name holds an array where one number was meant.
        name = single.group(1)
        if _parameter_of_failing_function(p, name):
            return _one_value_function_given_many(p, name, f.get("what", "array"))
        made = _assigned_from(p, name)
        if "more than one element" in p.message or made:
            # several values: `.item()` would fail too, and how they came is what to check
            source = f" (`{name} = {made}`)" if made else ""
            return (
                f"`{name}` holds an array of several values, not one number, so the comparison "
                "gives many True/False values: print its `.shape` and check how it is computed"
                f"{source}; if several values are meant, test them with `.any()` / `.all()`."
            )
        return (
            f"`{name}` holds an array (or Series), not one number, so the comparison gives many "
            f"True/False values: pick the value (`{name}.item()` when it holds one), or use "
            "`.any()` / `.all()`."
        )
    builtin = _BUILTIN_ORDERING.search(line)
    if builtin and not re.search(r"\b(?:and|or|if|elif|while|not)\b", line):
        # Python's max/min/sorted compare the items by `>`/`<`: a 2-D array's items are rows,
        # and comparing two rows gives an array, with no and/or on the line.
        name = builtin.group(1)
        fix = (
            "sort with `np.sort(...)` (with `axis=`), or give `sorted` a `key=` that returns one "
            "value per item"
            if name == "sorted"
            else f"use `np.{name}(...)` or the array's `.{name}()` (with `axis=` for per-row or "
            "per-column values)"
        )
        return (
            f"Python's built-in `{name}()` compares the items one by one, and here each item is "
            f"an array (e.g. a row of a 2-D array): {fix}."
        )
    choice = _CONDITIONAL_EXPRESSION.search(line)
    if choice and not re.match(r"\s*(?:if|elif|while)\b", line):
        # `"A" if s > 80 else "B"` picks once for the whole Series: a choice per row is meant
        what = f.get("what", "array")
        return (
            f"`… if {short(choice.group(1), 30)} else …` tests its condition once, but the "
            f"condition is a whole {what}: choose per row with `np.where(condition, a, b)` "
            "(nested, or `np.select`, for several conditions), or `.apply` a function to each "
            "value."
        )
    text = _TESTED_AGAINST_TEXT.match(line)
    if text and not re.search(r"\b(?:and|or)\b", line):
        # `if group_df == "name":` compares every value of the frame with the text
        name, what = text.group(1), f.get("what", "array")
        return (
            f"`{name}` is a whole {what}, so comparing it with a string compares each of its "
            "values and gives many True/False values: compare the one value meant (a name, a "
            f"cell), not the whole {what}."
        )
    column = _IF_ON_A_COLUMN.match(line)
    if column and f.get("what") in ("Series", "DataFrame") and not _AND_OR_NOT.search(line):
        column = None if _indexed_by_loop_position(p.user_code, column.group(1)) else column
    if column and f.get("what") in ("Series", "DataFrame") and not _AND_OR_NOT.search(line):
        # `if df["price"] > 100:` with no and/or: one test of a whole column; rows were meant
        test = column.group(1).strip()
        return (
            f"`if` tests one True/False, but `{short(test, 50)}` gives one per row: to act on "
            f"the rows where it holds, select them with boolean indexing, `{column.group(2)}"
            f"[{short(test, 50)}]`; use `.any()` / `.all()` only to ask whether some / every "
            "row holds."
        )
    found = _LIST_SEARCH.search(line)
    if found and not re.search(r"\b(?:and|or|if|elif|while|not)\b", line):
        # `items.remove(x)` / `.index(x)` / `.count(x)` find x by `==`: items holding arrays
        # give an array per comparison, with no and/or on the line.
        items, method, x = found.groups()
        return (
            f"`{items}.{method}({x})` looks for `{x}` by comparing it with each item using `==`, "
            "and here they hold NumPy arrays, so each comparison gives an array: work by "
            f"position instead (e.g. skip item `i` with `{items}[:i] + {items}[i+1:]`), or hold "
            "plain lists (`.tolist()`)."
        )
    if not _AND_OR_NOT.search(line):
        # no `and`/`or` on the line: the operator advice would point at nothing
        return (
            f"A whole {f.get('what', 'array')} is used where one True/False is needed: print "
            "`type(...)` and the `.shape` of what this line tests, and use `.any()` / `.all()` "
            "if some / every value is meant."
        )
    return (
        f"A whole {f.get('what', 'array')} is used as one True/False: combine conditions "
        "with `&`, `|` "
        "and parentheses instead of `and`/`or`, or use `.any()` / `.all()`."
    )


# `items.remove(x)`: a list's search by `==` (one plain name as the argument)
_LIST_SEARCH = re.compile(r"\b([A-Za-z_]\w*)\.(remove|index|count)\(\s*([A-Za-z_]\w*)\s*\)")


def _parameter_of_failing_function(p, name: str) -> str:
    """The notebook function whose line failed when ``name`` is one of its parameters (the
    value came in as an argument), else ""."""
    i = user_frame_index(p)
    function = p.frames[i].function if i is not None else ""
    if not re.fullmatch(r"[A-Za-z_]\w*", function or ""):
        return ""  # a cell's own `<module>` line: no parameter
    return function if name in _parameters(p, function) else ""


def _first_parameter(p, function: str) -> str:
    """The first parameter of the notebook's `def function(...)` (after `self`/`cls`)."""
    params = [n for n in _parameters(p, function) if n not in ("self", "cls")]
    return params[0] if params else ""


def _parameters(p, function: str) -> list[str]:
    """The parameter names of the first `def function(...)` of the failing frame's lines, the
    notebook's cells or the crash cell, in order; [] when none shows."""
    i = user_frame_index(p)
    shown = p.frames[i].code_lines if i is not None else ()
    code = "\n".join((*shown, *p.notebook_code, p.user_code))
    header = re.search(rf"\bdef\s+{re.escape(function)}\s*\(([^)]*)\)", code)
    return re.findall(r"(?:^|,)\s*\**([A-Za-z_]\w*)", header.group(1)) if header else []


def _one_value_function_given_many(p, name: str, what: str) -> str | None:
    """`def f(x): if x > 0.5: ...` called as `f(df['number'])`: the function is written for one
    value and got a whole column; `.item()` or `.any()` would not give a value per row. Said
    only when the calling cell line passes the column straight to the function; called some
    other way (`.apply`, a loop), what reached it is unknown and the safe hint speaks."""
    function = _parameter_of_failing_function(p, name)
    i = user_frame_index(p)
    caller = next((fr for fr in reversed(p.frames[:i]) if fr.is_user), None)
    line = caller.failing_line if caller else ""
    m = re.search(rf"(?<![\w.]){re.escape(function)}\(", line)
    arguments = call_arguments(line[m.start() :]) if m else []
    if len(arguments) != 1 or "=" in arguments[0] or _first_parameter(p, function) != name:
        return None  # `f(col)` binds its one argument to the first parameter, no other
    given = arguments[0]
    each = (
        f"`{given}.apply({function})`"
        if what == "Series"
        else f"`[{function}(v) for v in {given}]`"
    )
    return (
        f"`{function}` tests its parameter `{name}` as one number, but `{function}({given})` "
        f"passes a whole {what}: call it on each value, {each}, or compare the whole "
        f"{what} at once without the function."
    )


# `if group_df == "Group by city":`: a name tested against a string literal.
# `if df["price"] > 100:` / `if (df.price == 0):`: a comparison of a frame's column
_IF_ON_A_COLUMN = re.compile(
    r"\s*(?:if|elif)\b\s*\(?\s*(([A-Za-z_]\w*)(?:\[[^\]]+\]|\.[A-Za-z_]\w*)\s*"
    r"(?:[<>]=?|[!=]=)\s*[^:]+?)\s*\)?\s*:"
)
# `s[i]` with `for i in range(...)`: one item by position meant, many given (a repeated label)
_BY_LOOP_NAME = re.compile(r"^[A-Za-z_]\w*\[\s*([A-Za-z_]\w*)\s*\]")


def _indexed_by_loop_position(code: str, test: str) -> bool:
    """`s[i] > 0` where `i` counts positions (`for i in range(...)`): an item was meant, and a
    Series came back because its index repeats a label; no column is tested."""
    m = _BY_LOOP_NAME.match(test)
    return bool(m and re.search(rf"\bfor\s+{m.group(1)}\s+in\s+range\(", code))


_AND_OR_NOT = re.compile(r"\b(?:and|or|not)\b|[&|]")
_TESTED_AGAINST_TEXT = re.compile(r"\s*(?:if|elif|while)\s+([A-Za-z_][\w.]*)\s*[!=]=\s*[rbf]?['\"]")

# A call of Python's own max/min/sorted (not `np.max`, not `a.max`).
_BUILTIN_ORDERING = re.compile(r"(?<![\w.])(max|min|sorted)\(")


def _argumentless_method(p) -> str:
    """The method the line calls without arguments into the library that raised (`s.mode()`),
    else ""."""
    below = callee(p)
    if below is None or not below.library:
        return ""
    name = below.function.rsplit(".", 1)[-1]
    if not re.fullmatch(r"[a-z_]\w*", name) or name.startswith("__"):
        return ""
    return name if re.search(rf"\.{name}\(\s*\)", p.user_line) else ""


def _comprehension_without_for(line: str, x: str, items: str) -> str:
    """`[l**2, l in liste]`: a list display whose first item uses `l` and whose second tests
    `l in liste` reads as a comprehension that lost its `for`."""
    m = re.search(
        rf"\[\s*([^\[\],]*\b{re.escape(x)}\b[^\[\],]*?)\s*,\s*{re.escape(x)}\s+in\s+"
        rf"{re.escape(items)}\s*\]",
        line,
    )
    if m is None or re.search(r"\bfor\b", line):
        return ""
    head = m.group(1).strip()
    return (
        f"`[{head}, {x} in {items}]` is a list of two items, the second the test `{x} in {items}` "
        f"(for an array `{x}`, many True/False values): a list comprehension is written "
        f"`[{head} for {x} in {items}]`."
    )


def _assigned_from(p, name: str) -> str:
    """What the last `name = ...` line above the failing one assigns (short), or "". The code
    holds the traceback's lines, then the cell's: each copy of the failing line is looked above."""
    found, last = "", ""
    for line in p.user_code.splitlines():
        if line.strip() == p.user_line.strip():
            found = last or found
            continue
        m = re.match(rf"\s*{re.escape(name)}\s*=(?!=)\s*(.+?)\s*$", line)
        if m:
            last = m.group(1).split("#", 1)[0].strip()
    return found if 0 < len(found) <= 50 else ""


def _length_mismatch(p, f):
    """When: the message says which lengths differ; the wording follows it (rows assigned,
    column names set, columns assigned, arrays of a DataFrame or a plot)."""
    message, line = p.message, p.user_line
    a, b = f.get("a", ""), f.get("b", "")
    if "Length mismatch: Expected axis" in message:
        axis = "columns" if ".columns" in line else "index" if ".index" in line else "axis"
        if axis == "columns":
            return (
                f"The DataFrame has {b} column{'s' if b != '1' else ''} but {a} names are given: "
                "give one name per column (if the file was read into too few columns, check "
                "`sep=`/`delimiter=`)."
            )
        return (
            f"The {axis} has {b} elements but {a} new labels are given: give exactly one label "
            "per element."
        )
    if "Columns must be same length as key" in message:
        single = _single_key_target(line)
        if single:
            # pandas raises this for one name only when the value is a DataFrame.
            return (
                f"`{single}` names one column, but the right side is a DataFrame of another "
                "number of columns: select one column there, and check for repeated column "
                "names (`df.columns[df.columns.duplicated()]`), which make a selection by name "
                "return a DataFrame."
            )
        if not re.match(r"^\s*[A-Za-z_][\w.]*\s*\[\s*(?:\[|[A-Za-z_])", line):
            return None  # not `df[[...]] = ...` nor `df[names] = ...` on this line
        return (
            "The right side has a different number of columns than the names on the left "
            "(`df[[...]] = ...`): assign as many columns as names (a transformer may drop or add "
            "columns)."
        )
    if "All arrays must be of the same length" in message or "arrays must all be" in message:
        where = _arrays_given(failing_call(p))
        return (
            f"The arrays or columns given{where} have different lengths: print `len(...)` of "
            "each and make them equal."
        )
    if "If using all scalar values, you must pass an index" in message:
        if "DataFrame(" not in line:
            return None  # built inside a call (apply, a Series per row): not the user's frame
        return (
            "`pd.DataFrame` got only single values: wrap them in lists (`{'a': [1]}`) or pass "
            "`index=[0]`."
        )
    if re.search(r"Length of values|Length of passed values", message):
        pair = f" ({a} vs {b})" if a and b else ""
        if "passed values" in message:
            return (
                f"The data and the index have different lengths{pair}: pass as many index labels "
                "as rows of data."
            )
        if not _stored_by_the_line(p):
            # A Series built inside an operation or a function: no assignment of the user's.
            return None
        return (
            f"The values' length does not match the DataFrame's index{pair}: assign one value "
            "per row."
        )
    return None


_SLOT_TARGET = re.compile(r"^\s*[A-Za-z_][\w.]*(?:\[.*\]|\.\w+)\s*=(?!=)")


def _stored_by_the_line(p) -> bool:
    """The failing line assigns into a frame's slot (`df['c'] = v`, `df.loc[...] = v`) and its
    first callee is that assignment (pandas' `__setitem__`), not a function it calls."""
    if not _SLOT_TARGET.match(p.user_line):
        return False
    return bool(re.search(r"__set(?:item|attr)__$", callee_function(p)))


def _single_key_target(line: str) -> str:
    """`df['col']` when the line assigns to one column named by a string, else ""."""
    m = re.match(r"""^\s*([A-Za-z_][\w.]*\[\s*(['"])[^'"\]]*\2\s*\])\s*=(?!=)""", line)
    return m.group(1) if m else ""


def _arrays_given(call) -> str:
    """ " (`a`, `b`)": the arrays a call got, as written (a dict literal's values; no literals)."""
    if call is None:
        return ""
    items = list(call.arguments)
    if len(items) == 1 and items[0].startswith("{"):
        items = [i.split(":", 1)[-1].strip() for i in call_arguments(f"f({items[0][1:-1]})")]
    arrays = [i for i in items if not literal_argument(i)]
    return f" ({', '.join(f'`{a}`' for a in arrays[:4])})" if arrays else ""


def _gym_reset_pair(p) -> tuple[str, str] | None:
    """(name, call) when the failing line reads a name the code assigns from an environment's
    `.reset()` in a notebook that imports Gym or Gymnasium; else None."""
    code_text = p.code_seen
    if not re.search(r"^\s*(?:import|from)\s+gym(?:nasium)?\b", code_text, re.M):
        return None
    for m in re.finditer(
        r"^[ \t]*([A-Za-z_]\w*)\s*=\s*([\w.]+\.reset\([^()]*\))\s*$", code_text, re.M
    ):
        if re.search(rf"\b{m.group(1)}\b", p.user_line):
            return m.group(1), m.group(2)
    return None


_BUILDS_ARRAY = re.compile(
    r"\b(?:np|numpy)\.(?:array|asarray|stack|vstack|hstack)\(|\b(?:torch\.tensor|tf\.constant)\("
)


# `m[j] = ...` / `m[i, j] += ...`: a store into one slot (an index with no slice)
_ONE_SLOT_STORE = re.compile(r"^\s*([A-Za-z_]\w*\[(?!\s*['\"])[^\]:\[]+\])\s*[-+*/]?=(?!=)")


def _fewer_indexes_than_axes(p, target: str) -> bool:
    """Whether the code makes the stored-into array with more axes (`np.zeros((n, 3))`) than
    the store's index names (`X[i]`): the store then fills a row, not one slot."""
    m = re.match(r"([A-Za-z_]\w*)\[(.*)\]$", target.strip())
    if not m:
        return False
    name, index = m.groups()
    code = "\n".join(p.notebook_code or (p.user_code,))
    made = re.findall(
        rf"(?<![\w.]){re.escape(name)}\s*=\s*(?:np|numpy)\.(?:zeros|ones|empty|full)\(\s*"
        r"[\(\[]([^()\[\]]*)[\)\]]",
        code,
    )
    if not made:
        return False
    axes = len([d for d in made[-1].split(",") if d.strip()])
    return axes > len(index.split(","))


def _ragged_sequences(p, f):
    """When: NumPy could not build one array from items of different lengths or shapes (what
    the items are is not known: the fix is not guessed)."""
    shape = re.search(r"detected shape was (\([^)]*\)) \+ inhomogeneous", p.message)
    detected = f" (shape {shape.group(1)} + an inhomogeneous part)" if shape else ""
    reset = _gym_reset_pair(p) if shape and shape.group(1) == "(2,)" else None
    if reset:
        name, call = reset
        return (
            f"`{name}` comes from `{call}`, which in Gym 0.26+ and Gymnasium returns a pair "
            f"`(observation, info)`, not the observation alone: unpack it, `{name}, info = {call}`."
        )
    slot = _ONE_SLOT_STORE.match(p.user_line)
    if slot and _fewer_indexes_than_axes(p, slot.group(1)):
        slot = None  # `X[i] = [...]` of `X = np.zeros((n, 3))`: a whole row, not one slot
    if slot and not shape and not _BUILDS_ARRAY.search(p.user_line):
        # `m[j] = expr`: one slot of an array takes one number, and the right side gave several
        # (no list of ragged items is built here, so padding is no fix).
        target = slot.group(1)
        return (
            f"`{short(target, 40)} = ...` stores one value in one slot of the array, but the "
            "right side gives a sequence (an array of several values): print the `.shape` of "
            "each value it is computed from and make it one number."
        )
    last = p.frames[-1] if p.frames else None
    if (
        last is not None
        and last.function.split(".")[-1] == "_pairwise_callable"
        and last.filename.replace("\\", "/").endswith("sklearn/metrics/pairwise.py")
    ):
        # `out[i, j] = metric(x, y)`: scikit-learn stores what the callable returns for one
        # pair of rows in one slot, and it returned several values
        return (
            "The function given as the metric (or kernel) is called on each pair of rows and "
            "must return one number, but it returned several: reduce its result to a scalar, "
            "e.g. `np.sum(np.abs(x - y))` or `np.linalg.norm(x - y)`."
        )
    if (
        last is not None
        and last.library not in (None, "numpy")
        and not _BUILDS_ARRAY.search(p.user_line)
    ):
        # A library turned an argument into one array: the argument is not what it expects,
        # and padding or keeping a list of it is no fix.
        return (
            f"A function this line calls turns an argument into one array, but its items have "
            f"different lengths or types{detected}: print `type(...)` and `len(...)` of what you "
            "pass it and compare with what it expects."
        )
    return (
        f"NumPy cannot build one array: its items have different lengths or types{detected}. "
        "Print `len(...)` and `type(...)` of a few items, then make them the same length (pad "
        "or truncate) or keep a list."
    )


_REDUCERS = re.compile(r"(?:^|\.)(?:max|min|argmax|argmin|concat|concatenate|stack|vstack|hstack)$")


_REDUCER_CALL = re.compile(
    r"(?<![\w])(?:\w+\.)*(?:max|min|argmax|argmin|amax|amin|concat|concatenate|stack)\s*\("
)


def _while_drawing_the_figure(p) -> bool:
    """IPython's display drew the cell's figure (`print_figure`) and matplotlib's `draw` went
    on to the failing step, with no line of the cell's own in the traceback: the data the cell
    computed was not what raised."""
    if p.user_line.strip() or any(fr.is_user for fr in p.frames):
        return False
    functions = [fr.function.rsplit(".", 1)[-1] for fr in p.frames]
    drawn = any(fr.library == "matplotlib" and fr.function.endswith("draw") for fr in p.frames)
    return "print_figure" in functions and drawn


def _empty_reduction(p, f):
    """When: the user's own call reduces or concatenates the empty input (the call is named);
    an empty result inside a library's own step gets the safe hint."""
    if _while_drawing_the_figure(p):
        return (
            "This came while Jupyter drew the figure, after the cell's code ran: matplotlib met "
            "a drawn element with no points (e.g. an empty scatter or a legend's marker). If the "
            "plotted data is not empty, update matplotlib and seaborn together: some versions "
            "fail this way on a legend's markers."
        )
    call = failing_call(p)
    if call is not None and _REDUCERS.search(call.function):
        first = call.arguments[0] if call.arguments else ""
        plain = re.fullmatch(r"[A-Za-z_][\w.]*", first)
        what = f"`{first}`" if plain else f"The input of `{call.function}`"
        nothing = " (or holds only None)" if "concatenate" in p.message else ""
        return (
            f"{what} is empty{nothing}: the step that fills it produced nothing (a filter that "
            "matched no row, a loop that added nothing, a folder without files); check it before "
            f"`{call.function}`."
        )
    if not (raised_by_the_line(p) or _REDUCER_CALL.search(p.user_line)):
        return None
    return (
        "The array or list is empty: the step before produced no data; check it before taking "
        "max/min/concat."
    )


# "int too large to convert to float" (Python 2: "long int too large …")
_INT_TO_FLOAT = re.compile(r"\bint too large to convert to float")
# "Python int too large to convert to C long": a C function's integer parameter.
_C_INTEGER = re.compile(r"\bint too large to convert to C (?:long|int|ssize_t|size_t)")


# pandas' out-of-range date quoted as text of one- or two-digit numbers only (`01/06`, `3-11`):
# no four-digit year in it.
_YEARLESS_DATE = re.compile(
    r"nanosecond timestamp: (\d{1,2}[/.\-]\d{1,2})(?:, at position \d+)?\s*$"
)


def _math_domain(p, f):
    """When: the message says which range was left."""
    message = p.message
    if "math domain error" in message:
        return (
            "A math function got a value outside its domain (e.g. `math.log` of 0 or a "
            "negative number, `math.sqrt` of a negative one): print the input."
        )
    yearless = _YEARLESS_DATE.search(message) if "nanosecond timestamp: " in message else None
    if yearless:
        # `01/06`: pandas takes one of the short numbers for the year (year 6)
        return (
            f"The text {_quoted(yearless.group(1))} has no four-digit year, so pandas read one of "
            "its short numbers as the year, far outside 1677–2262: pass the `format=` it is "
            "written in (e.g. `'%d/%m'` for day/month, which sets year 1900), add the year to "
            "the text, or parse a column that holds whole dates."
        )
    if "nanosecond timestamp" in message or "out of bounds for datetime" in message:
        return (
            "A date lies outside what pandas can store (years 1677–2262): fix the wrong dates, "
            "or pass `errors='coerce'` to `pd.to_datetime`."
        )
    if _INT_TO_FLOAT.search(message):
        # Python's int has no limit; a float has: int64 would overflow sooner
        return (
            "A Python integer on that line is too large to become a float (above about "
            "1.8e308): keep the arithmetic exact in integers (`//`, `fractions.Fraction`), or "
            "work with logarithms (`math.lgamma(n + 1)` is log n!)."
        )
    if _C_INTEGER.search(message) and not _typed_conversion(p):
        # A C function's integer argument (`cv2.line`'s points): it takes no float, and no wider
        # type fits it; the value itself is wrong.
        return (
            "An integer is too large for the C integer the function on that line converts it "
            "to: print the values you pass and find where one grew so large (a float holds it "
            "only where the function accepts floats)."
        )
    return (
        "A number is too large for the integer type it must fit: use a float or a wider type "
        "(`int64`), or check where the value grew so large."
    )


# A conversion to a NumPy integer type written on the line: `astype(int)`, `dtype=int`,
# `np.int32(x)`; on Windows NumPy's `int` is a 32-bit C long, and `int64` holds the value.
_TYPED_CONVERSION = re.compile(
    r"\.astype\(|\bdtype\s*=|\b(?:np|numpy)\.(?:u?int\w*|array|asarray)\("
)


def _typed_conversion(p) -> bool:
    """The line converts to a NumPy or pandas integer type (or a frame of theirs raised): the
    type may be too narrow for a right value, so a wider one is a fix."""
    if any(frame.library in ("numpy", "pandas") for frame in p.frames):
        return True
    return bool(_TYPED_CONVERSION.search(code_only(p.user_line)))


def _not_in_list(p, f):
    if not raised_by_the_line(p):
        # A library's own `.index(...)` (CatBoost finding a `cat_features` name among its
        # columns): the list is the library's, not one the user can check with `in`.
        return None
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
    if not re.search(r"\bdict\(|\.update\(", p.user_line) and not raised_by_the_line(p):
        # A library turned an argument into a dict (plotly's first positional argument).
        return (
            f"The call read an argument as a dict of settings, but it is not key/value "
            f"pairs{length}: pass the data by keyword, e.g. `x=..., y=...`."
        )
    pair = _one_pair_given(p)
    if pair:
        name, written = pair
        brackets = (
            " (parentheses around it make no tuple of it: the comma does)"
            if written.startswith("((")
            else ""
        )
        shown = f"`{name}` is" if name == written else f"`{name}` is `{short(written, 30)}`,"
        return (
            f"{shown} one (key, value) pair, not a sequence of pairs{brackets}, so `dict` "
            f"reads its items as pairs: wrap it, `dict([{short(name, 30)}])`, or write it with "
            "a trailing comma, `((key, value),)`."
        )
    return (
        f"`dict(...)` needs (key, value) pairs, but got items that are not pairs{length}: build "
        "it with `dict(zip(keys, values))`, or use `json.load` to read a file."
    )


def _one_pair_given(p) -> tuple[str, str] | None:
    """(the argument, its literal as written) when `dict(x)` gets a tuple of two single
    values, written on the line or assigned to the name by the cell's last assignment of it
    (`my_tuple = (("a", 1))`: the doubled parentheses are still one pair)."""
    m = re.search(r"\bdict\(\s*([^(),]+?|\(.*\))\s*\)", p.user_line)
    if m is None:
        return None
    argument = m.group(1).strip()
    written = argument
    if re.fullmatch(r"[A-Za-z_]\w*", argument):
        assigned = re.findall(rf"^[ \t]*{argument}\s*=(?!=)\s*(.+?)\s*$", p.user_code, re.M)
        if not assigned:
            return None
        written = assigned[-1]
    try:
        value = ast.parse(written, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(value, ast.Tuple) or len(value.elts) != 2:  # a list of two is no pair
        return None
    if not all(isinstance(item, (ast.Constant, ast.Name)) for item in value.elts):
        return None
    return argument, written


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
