"""KeyError and pandas' "not in index": a key or column label that does not exist."""

from __future__ import annotations

import re

from ..definitions import bound_in, defines_callable, function_parameters, seen_code
from ..name_reads import has_word
from ..text import expression_before, key_strings, spelled_alike
from ..traceback import ParsedError
from ..where import (
    call_arguments,
    callee,
    code_only,
    failing_call,
    failing_line_number,
    own_lines,
    raised_outside_notebook,
    statement_start,
)
from .base import Facts, RuleMatch, Template, named

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
KEY_ERROR = "keys.key_error"
MISSING_LABEL = "keys.missing_label"
FORMULA_COLUMN = "keys.formula_column"

_MISSING_LABELS = re.compile(
    # `set_index` writes "None of ['a'] are in the columns", without brackets round the axis
    r"not in index|not found in axis|None of \[.*\] are in the \[?(?:columns|index)\b"
    r"|are in the \[columns\]|not contained in the index",
    re.S,
)
_PANDAS_FRAME = re.compile(r"pandas[\\/]")
# pandas' KeyError(Index(missing)) of a `subset=` check: the labels pandas printed as an Index.
_INDEX_OF_LABELS = re.compile(r"Index\(\[(.*)\],\s*dtype='\w+'(?:,\s*name='[^']*')?\)", re.S)


@named(KEY_ERROR, KEY_ERROR, MISSING_LABEL)
def key_error(parsed: ParsedError) -> RuleMatch | None:
    listed = _MISSING_LABELS.search(parsed.message)
    if parsed.ename != "KeyError" and not (listed and parsed.ename in ("ValueError", "IndexError")):
        return None
    facts: dict[str, str] = {}
    keys = list(parsed.keys)
    bare: list[str] = []
    if listed and (not keys or re.match(r"None of \[|\[", keys[0])):
        # pandas lists the missing labels: "None of [Index(['a', 'b'], dtype=...)] are in ..."
        listing = re.sub(r"dtype='[^']*'", "", parsed.message)
        bare = _bare_labels(listing)
        keys = bare or re.findall(r"'([^']+)'", listing)[:10] or keys
    labels = _INDEX_OF_LABELS.fullmatch(parsed.message.strip()) if not listed else None
    if labels:
        # `drop_duplicates(subset=...)`, `dropna(subset=...)`: pandas raises the missing
        # columns as an Index, "KeyError: Index(['a'], dtype='object')": the labels are the key
        keys = re.findall(r"'([^']+)'", labels.group(1))[:10] or keys
    if keys:
        inner = _KEY_IN_SENTENCE.fullmatch(keys[0])
        if inner:  # gensim: KeyError: "Key 'independt' not present"
            keys[0] = next(g for g in inner.groups() if g)
        facts["key"] = keys[0]
        # "[3] not found in axis" lists the number 3, not the text '3': shown as pandas wrote it
        facts["keys"] = ", ".join(k if bare else repr(k) for k in keys[:5])
    pandas = "pandas" in parsed.libraries or bool(listed)
    if pandas:
        facts["container"] = "DataFrame"
    elif re.search(r"\.history\b|history\[", parsed.user_line):
        facts["container"] = "history"
    elif parsed.libraries:
        facts["container"] = parsed.libraries[-1]
    else:
        facts["container"] = "dict"
    # KeyError: 0 is a number; KeyError: '0' a string that looks like one.
    if keys and pandas and re.fullmatch(r"-?\d+", parsed.message.strip()):
        facts["integer_key"] = "yes"
    return RuleMatch(
        rule=MISSING_LABEL if listed else KEY_ERROR,
        crash_type="key_error",
        library=None,
        confidence=0.95 if parsed.ename == "KeyError" else 0.8,
        facts=facts,
    )


# A key inside a sentence: gensim's "Key 'x' not present", "word 'x' not in vocabulary";
# pandas' groupby "Column not found: x" and old pandas' .loc "the label [x] is not in the [index]".
_KEY_IN_SENTENCE = re.compile(
    r"(?:Key|word) '(.+)' not (?:present|in vocabulary)|Column not found: (.+)"
    r"|the label \[(.+)\] is not in the \[(?:index|columns)\]"
)


# `frame[names]`: a frame subscripted with one variable (a list of labels), no literal. Not an
# accessor (`base.loc[names]` picks rows, and `loc` is no frame).
_LIST_NAME_KEY = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\[\s*([A-Za-z_]\w*)\s*\]")


def _bare_labels(listing: str) -> list[str]:
    """The labels of "[1, 2] not found in axis" when pandas lists them unquoted (numbers)."""
    m = re.search(r"\[([^\[\]'\"]+)\] not (?:found in axis|in index|contained in axis)", listing)
    return [x.strip() for x in m.group(1).split(",") if x.strip()][:10] if m else []


@named(FORMULA_COLUMN)
def formula_column(parsed: ParsedError) -> RuleMatch | None:
    """A statsmodels/patsy formula names a column the DataFrame does not have."""
    if parsed.ename != "PatsyError":
        return None
    m = re.search(r"name '([^']+)' is not defined", parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=FORMULA_COLUMN,
        crash_type="key_error",
        library="statsmodels",
        confidence=0.85,
        facts={"key": m.group(1), "container": "formula"},
    )


RULES = (key_error, formula_column)


# ----------------------------------------------------------- hints: the words the user reads


def _lone_loc_label(p: ParsedError, key: str) -> bool:
    """`.loc['label']` with one quoted label and no columns part, and nothing in the code that
    uses the label as a column (`x['label']`, `columns=[..., 'label']`): a row label was meant,
    so no rows-versus-columns slip is to be told."""
    m = re.search(r"\.loc\[\s*(['\"])(.*?)\1\s*\]", p.user_line)
    if not m or m.group(2) != key:
        return False
    code, _ = seen_code(p)
    for quote in "'\"":
        quoted = f"{quote}{key}{quote}"
        at = code.find(quoted)
        while at != -1:
            before = code[:at].rstrip()
            if before.endswith("[") and not re.search(r"\.(?:loc|at|xs)\s*\[$", before):
                return False  # `df['label']`: the code reads it as a column
            if re.search(r"columns\s*=\s*[\[({][^\])}]*$", before):
                return False
            if _COLUMN_LIST_OR_KEYWORD.search(before):
                return False  # `df[['a', 'label']]`, `x='label'`: named as a column
            at = code.find(quoted, at + 1)
    return True


# a quoted label as an item of a list subscript (`df[['a', ` before it, not `.loc[[`) or as
# the value of a keyword that names columns (`x=`, `hue=`, `subset=[`)
_COLUMN_LIST_OR_KEYWORD = re.compile(
    r"(?<!\.loc)(?<!\.iloc)(?<!\.at)(?<!\.xs)\[\s*\[[^\[\]]*$"
    r"|\b(?:x|y|hue|by|on|subset|usecols|values|column)\s*=\s*(?:[\[(][^\])]*)?$"
)


def _row_lookup(p: ParsedError, key: str) -> bool:
    """pandas says it searched the index ("… are in the [index]"), or the line's `.loc[` puts
    the key first, among the rows (`df.loc['DF']`, `df.loc[['a', 'b'], cols]`)."""
    if re.search(r"are in the \[index\]|is not in the \[index\]", p.message):
        return True
    if not key:
        return False
    m = re.search(r"\.loc\[\s*[\[(]?\s*(['\"])(.*?)\1", p.user_line)
    return m is not None and m.group(2) == key


# NumPy's print of an array of numbers (`[ 775000  620000  720000]`): spaces, no commas.
_PRINTED_NUMBERS = re.compile(r"\[?\s*-?\d+(?:\.\d*)?(?:\s+-?\d+(?:\.\d*)?)+\s*\]?")


_TUPLE_MESSAGE = re.compile(r"\(([^()]+,[^()]*)\)")
_COMMA_SUBSCRIPT = re.compile(r"\b([A-Za-z_][\w.]*)\[([^\[\]:]+,[^\[\]:]+)\]")
# Code that builds tuple labels (a MultiIndex): `groupby('a')['b'].value_counts()` and
# `df[['a', 'b']].value_counts()` count pairs; `read_csv(..., index_col=[0, 1])` reads two levels.
_TUPLE_LABELS = re.compile(
    r"MultiIndex|set_index\(\s*\[|groupby\(\s*(?:by\s*=\s*)?\[|pivot|stack\(|index_col\s*=\s*\["
    r"|groupby\([^\n]*\.value_counts\(|\[\[[^\]\n]*,[^\]\n]*\]\]\.value_counts\("
)


_QUOTED_WORD = re.compile(r"'([A-Za-z_]\w*)'")


def _variable_name_as_label(p: ParsedError) -> str:
    """`df.loc['df1']`: the missing label is, in quotes, the name the code assigns a variable
    (`df1 = ...`), and no other line quotes it (no column or row is made so): that object may
    be what was meant, or a label is mistyped; both readings are told."""
    m = _QUOTED_WORD.fullmatch(p.message.strip())
    if m is None:
        return ""
    word = m.group(1)
    forms = (f"'{word}'", f'"{word}"')
    if not any(q in p.user_line for q in forms):
        return ""
    code, _ = seen_code(p)
    if not bound_in(code, word) or defines_callable(code, word):
        return ""
    failing = p.user_line.strip()
    for line in code.splitlines():
        if line.strip() != failing and any(q in line for q in forms):
            return ""
    return (
        f"'{word}' is in quotes, so it was looked up as a label, and there is none of that name; "
        f"`{word}` is also a variable of yours: if that object is meant, write `{word}` without "
        f"quotes (e.g. `{word}.iloc[...]`), else print the index or columns and compare."
    )


def _labels_as_one_tuple(p: ParsedError) -> str:
    """`s[100, 200, 300]`: the commas in one pair of brackets make one tuple label, which a
    Series without a MultiIndex (none is built in the code seen) never has; a list of labels,
    `s[[100, 200, 300]]`, picks several."""
    if not _TUPLE_MESSAGE.fullmatch(p.message.strip()):
        return ""
    m = _COMMA_SUBSCRIPT.search(p.user_line)
    if m is None or _TUPLE_LABELS.search(p.code_seen):
        return ""
    name, inside = m.groups()
    return (
        f"`{name}[{inside}]` looks up one label, the tuple ({inside.strip()}): to pick several "
        f"labels pass a list, `{name}[[{inside}]]` (or `{name}.iloc[[...]]` for positions)."
    )


def _printed_array_key(key: str) -> str:
    """The hint when the missing key is an array of numbers (pandas prints the array it was
    given): its items were taken as index labels, which they are not; they may be values
    (select with a mask) or positions (`.iloc`), and the hint names both readings."""
    m = _PRINTED_NUMBERS.fullmatch(key.strip())
    if m is None:
        return ""
    shown = " ".join(m.group().strip("[] ").split()[:2])
    return (
        f"The array of numbers used as the key (`[{shown} …]`) is not among the index labels: if "
        "they are values, select with a mask (`s[s.isin(values)]`, the same for assigning); if "
        "they are positions, use `.iloc[...]`."
    )


# A label that reads as a date or a month: `'Aug 2016'`, `'2016-08'`, `'31/08/2016'`.
_DATE_LABEL = re.compile(
    r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})"
    r"|\d{4}[-/]\d{1,2}(?:[-/]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
)


def _date_in_text_index(p: ParsedError, key: str) -> str:
    """`.loc['Aug 2016']` whose lookup ran in an index of objects (pandas' `ObjectEngine` or
    `PyObjectHashTable` frames): the index holds the dates as text, where only an exact label
    matches; a DatetimeIndex would have selected the month. "" otherwise (a DatetimeIndex
    that lacks the date says so by other frames)."""
    if not _DATE_LABEL.fullmatch(key.strip()):
        return ""
    if not re.search(r"PyObjectHashTable|ObjectEngine", p.text):
        return ""
    frame = next(iter(re.findall(r"([A-Za-z_][\w.]*)\.loc\[", p.user_line)), "df")
    return (
        f"{key!r} reads as a date, but the index of `{frame}` holds text, not dates, so only an "
        f"exact label matches: convert it first, `{frame}.index = pd.to_datetime({frame}.index)` "
        "(or read the file with `index_col=0, parse_dates=True`)."
    )


# `df['Sex' == 'male']`: the comparison inside the brackets runs first and gives one bool.
_COMPARED_IN_BRACKETS = re.compile(r"\[\s*(['\"][^'\"]*['\"]\s*[=!]=\s*[^\]]+)\]")


def _loc_rows(p: ParsedError) -> bool:
    """`.loc[x]` with one argument: pandas' indexer looked along the rows (no tuple of rows and
    columns, no `df[...]` of a DataFrame in the frames)."""
    names = [f.function.rsplit(".", 1)[-1] for f in p.frames if f.library == "pandas"]
    tuple_key = {"_getitem_tuple", "_getitem_lowerdim", "_getitem_nested_tuple"} & set(names)
    return "_getitem_axis" in names and not tuple_key and not _frame_column_lookup_any(p)


def _multiindex_row_tuple(p: ParsedError, key: str) -> bool:
    """`df.loc[(a, b), col]` whose tuple pandas looked up in a MultiIndex (its `multi.py`
    frames): the tuple is the rows' part, so the missing label is a row's, not a column's."""
    if not key.startswith("(") or not re.search(r"\.loc\[\s*\(", p.user_line):
        return False
    files = [f.filename.replace("\\", "/") for f in p.frames if not f.is_user]
    return any(name.endswith("pandas/core/indexes/multi.py") for name in files)


def _frame_column_lookup_any(p: ParsedError) -> bool:
    """DataFrame.__getitem__ (pandas/core/frame.py) is among the frames: `df[...]`."""
    return any(
        f.filename.replace("\\", "/").endswith("pandas/core/frame.py")
        and f.function.endswith("__getitem__")
        for f in p.frames
    )


def _odd_key(p: ParsedError, key: str) -> str:
    """A key no table has by name: True/False (a comparison that gave one bool) or None (a
    variable meant to hold a name that holds None); else "". The message shows them unquoted
    (`KeyError: False`); a quoted 'None' is a string key like any other."""
    if p.message.strip() != key:
        return ""
    if key in ("True", "False"):
        m = _COMPARED_IN_BRACKETS.search(p.user_line)
        if m:
            return (
                f"`{m.group(1).strip()}` inside the brackets is compared first and gives {key}, "
                "which is then looked up as a key: to filter rows write `df[df['col'] == value]`."
            )
        if "pandas" not in p.libraries:
            return ""  # a dict may be keyed by bools: nothing says a mask was meant
        return (
            f"The key looked up is the bool {key}: a comparison or test inside the brackets gave "
            "one True/False instead of a column name or a mask."
        )
    if key == "None" and _subscripted_by_the_line(p):
        return (
            "The key looked up is None: the variable meant to hold the name (a column, a key or "
            "a setting read from a config) holds None; print it and set it first."
        )
    return ""


def _series_lookup(p: ParsedError) -> bool:
    """The key was looked up by a Series' `__getitem__` (pandas/core/series.py), no DataFrame's."""
    # only the frames below the user's last line: `s.apply(f)` runs series.py's `apply`, and
    # a dict's `d[k]` inside `f` is no Series' lookup
    files = [f.filename.replace("\\", "/") for f in _below_users_last_line(p)]
    # `.pyc`: Python 2's pandas prints its compiled files
    return any(re.search(r"pandas/core/series\.pyc?$", n) for n in files) and not any(
        re.search(r"pandas/core/frame\.pyc?$", n) for n in files
    )


def _series_hist_by(p: ParsedError, key: str) -> str:
    """`s.hist('Age')` on a Series (pandas' `hist_series` ran): its first parameter is `by`, a
    grouping, so the column name was looked up as a group key; no column is missing."""
    if not key or not any(fr.function == "hist_series" for fr in p.frames if not fr.is_user):
        return ""
    # (`s.hist(by='Sex')` meant the grouping: the fix is `by=df['Sex']`, no column to plot)
    m = re.search(rf"""([\w.\]\['"]+)\.hist\(\s*['"]{re.escape(key)}['"]""", p.user_line)
    series = m.group(1) if m else ""
    picked = re.match(r"([A-Za-z_]\w*)\[", series)
    frame = picked.group(1) if picked else "df"
    return series and (
        f"`{series}` is a Series, and `Series.hist()` takes no column: its first argument is "
        f"`by` (a grouping), so {key!r} was looked up as a group key; call `{series}.hist()`, "
        f"or `{frame}.hist(column={key!r})` on the DataFrame."
    )


def _built_as_series(p: ParsedError, name: str) -> bool:
    """The code's last assignment of `name` builds a Series itself (`s = pd.Series(...)`): no
    DataFrame it came from (an earlier one may since have been replaced by a frame's column)."""
    code, _ = seen_code(p)
    made = re.findall(rf"^\s*{re.escape(name)}\s*=\s*(.*)", code, re.M)
    return bool(made) and re.match(r"(?:pd\.|pandas\.)?Series\(", made[-1]) is not None


# pandas' own words when a label slice's bound is in a non-unique index that is not sorted.
_NON_UNIQUE_BOUND = re.compile(r"Cannot get (left|right) slice bound for non-unique label: (.+)$")


def missing_key_hint(p: ParsedError, f: Facts) -> str | None:
    """The hint of a missing key or column (the generic key_error hint uses it too). None when
    the key was looked up inside a library with nothing on the user's line to point at: then
    the safe hint speaks."""
    key = f.get("key", "")
    if not key and not f.get("keys"):
        return None  # the message names no key (a saved output without it): the safe hint
    unsorted = _NON_UNIQUE_BOUND.match(key)
    if unsorted:
        # the label is there, several times, in an unsorted index: no spelling to check
        return (
            f"The index holds the label {unsorted.group(2)} more than once and is not sorted, so "
            "a `.loc[start:stop]` slice by labels cannot find where to start or stop: sort the "
            "index first (`.sort_index().loc[start:stop]`), or select the rows by value with a "
            "boolean mask."
        )
    told = _key_misused(p, key)
    if told:
        return told
    emptied = _EMPTY_CONTAINER.get(key)
    if emptied:
        return emptied
    if _pandas_own_sentence(p, key):
        # no label to check: the safe hint speaks
        return _single_bool_setitem(p, key) or _list_with_missing_labels(p, key) or None
    looked_up = _setting_not_accepted(p, key) or _count_of_an_absent_value(p, key)
    if looked_up:
        return looked_up
    if "\\n" in key or "\n" in key:
        return None  # a KeyError that carries a library's message (keras), no key: the safe hint
    shown = _short(key)
    container = f.get("container", "dict")
    if container == "DataFrame" and _raised_by_the_cells_own_lookup(p):
        container = "dict"  # `names[v]` inside a function `s.apply` runs: no pandas lookup
    if container == "formula":
        return (
            f"The formula uses `{shown}`, which is not a column of the DataFrame: check "
            "`df.columns`; quote odd names with `Q('name')`."
        )
    if container == "history":
        return _history_key(p, key)
    if container == "DataFrame" and f.get("integer_key") and _frame_column_lookup(p):
        # `df[0]` on a DataFrame asks for a column labelled 0: no row, no position.
        frame = _subscripted_name(p.user_line, key)
        counter, names = ("", []) if frame else _looped_subscripts(p)
        if names:
            # `ytest[i]` in `for i in range(...)`: the counter is a position, looked up as a label
            who = " or ".join(f"`{n}`" for n in names)
            parts = _split_parts(p, names)
            if parts or _model_data_call(p.user_line, names, counter):
                # `lr.fit(X[j], y[j])`: one row (`.iloc[j]`) is no data to fit; a split's
                # parts, when the cell made them, are what the counter walks through
                take = (
                    "the loop's parts are "
                    + " and ".join(f"`{part}[{counter}]`" for part in parts)
                    + f" (from `{parts[0]} = ...split(...)` above)"
                    if parts
                    else "pass the rows meant for this step (a part of a split), not one row"
                )
                return (
                    f"{who} is a DataFrame here, and `[{counter}]` on it looks up a column "
                    f"labelled {key} (the counter's value), which it lacks: {take}."
                )
            return (
                f"{who} is a DataFrame here, and `[{counter}]` on it looks up a column labelled "
                f"{key} (the counter's value), which it lacks: the row at position {counter} "
                f"is `.iloc[{counter}]`, if a row is what the loop needs."
            )
        labelled, label, others = ("", "", []) if frame else _row_label_subscript(p)
        if labelled:
            # `df[index]` with `index` from `iterrows()`: a row label, so neither a column
            # nor a position (`.iloc[68208]` fails too)
            also = (
                f" `{others[0]}.iterrows()` also sets `{label}`, to its own rows' labels: give "
                "that loop's variable another name."
                if others
                else ""
            )
            return (
                f"`{label}` holds a row label ({key}, from `iterrows()`), and "
                f"`{labelled}[{label}]` looks it up among the columns: for that row write "
                f"`{labelled}.loc[{label}]`, for one of its cells `{labelled}.loc[{label}, "
                f"'column']`.{also}"
            )
        if not frame and "[" not in code_only(p.user_line):
            return None  # the line indexes nothing: the lookup is the library call's own
        said = f"`{frame}[{key}]`" if frame else f"A DataFrame's `[{key}]`"
        frame = frame or "df"
        return (
            f"{said} looks up a column labelled {key}, and there is none (print "
            f"`{frame}.columns`): by position, `{frame}.iloc[:, {key}]` is a column and "
            f"`{frame}.iloc[{key}]` a row."
        )
    if container == "DataFrame" and f.get("integer_key"):
        piece = _piece_of_each_string(p, key)
        if piece:
            return piece
        if _looked_up_in_a_range_index(p) and not key.startswith("-"):
            # labels 0, 1, 2 … are positions too, unless a slice kept labels that start later
            # or step over some; a negative key is no label of a range (`s[-1]`: the last row
            # is `.iloc[-1]`), which the hint below says
            return (
                f"The index is a range (RangeIndex) without the label {key}: print `len(...)` and "
                "`.index` of what is indexed. It holds fewer rows than you think, or its "
                "labels are not 0, 1, 2 … (a slice of rows keeps its rows' labels: `[5:]` starts "
                f"at 5, `[::2]` steps by 2) and `.iloc[{key}]` takes position {key}."
            )
        replaced = _index_replaced(p, key)
        if replaced:
            # `y.index = x.index`: the labels are the ones assigned, and the row count may be
            # smaller than the key too, so `.iloc[key]` is no sure fix
            return (
                f"An assignment `{replaced}.index = ...` gave `{replaced}` other row labels, "
                f"and {key} is not one of them: print `{replaced}.index` and look up one of "
                "its labels (`.iloc[...]` takes a position within its length)."
            )
        # The key may be a label meant (the row is gone) or a position meant: both readings
        return (
            f"pandas looked up the label {key}, not the position {key}, and the index has no "
            f"label {key} (filtering rows or `drop_duplicates` keeps the labels of the rows "
            f"left): print the index to see which are there; if you meant the row at position "
            f"{key}, use `.iloc[{key}]`."
        )
    odd = _odd_key(p, key)
    if odd:
        return odd
    option = _option_value_refused(p, key)
    if option:
        return option
    empty = _empty_slice(p.user_line)
    if empty:
        # `df[df.columns[13:5]]` selects nothing: the key is missing from an empty selection.
        sliced = expression_before(p.user_line, empty.start()) + empty.group(0)
        return (
            f"`{sliced}` is empty (its start {empty.group(1)} is past its stop "
            f"{empty.group(2)}), so it selects nothing and `{shown}` is not in the result: "
            f"write `[{empty.group(2)}:{empty.group(1)}]` (or `[{empty.group(1)}:"
            f"{empty.group(2)}:-1]` for the reverse order)."
        )
    hist_by = _series_hist_by(p, key)
    if hist_by:
        return hist_by
    removed = _made_without(p, key) or _removed_in_cell(p, key)
    if removed:
        return removed
    dropped = _dropped_by_aggregation(p, key) or _dropped_by_correlation(p, key)
    if dropped:
        return dropped
    given_text = _data_given_as_text(p) if container == "DataFrame" else ""
    if given_text:
        return given_text
    inside = _looked_up_inside(p, key)
    where = _subscripted(p.user_line, key)
    close = _close_keys(p, key, f, where)
    if container == "DataFrame":
        bunch = _dataset_bunch_key(p, key, where)
        if bunch:
            return bunch
        if close:
            return f"The DataFrame has no column or label `{shown}`. Did you mean {close}?"
        levels = _first_level_lookup(p, key)
        if levels:
            return levels
        labels = f.get("keys") if f.get("keys") and len(f["keys"]) <= 80 else repr(shown)
        if inside is not None and not _quoted_in_code(p, key) and _looked_up_by_a_library(p):
            return None  # the user's code never names it: a frame the library built itself
        if inside is not None:
            return (
                f"`{inside.text}` looked up the column or label {labels} in a DataFrame (one you "
                "passed, or one it built) that has none: print the columns of the DataFrames "
                "you pass it."
            )
        dropped_from = _drop_call(p.user_line)
        read = where if where and where.isidentifier() else (dropped_from or ("",))[0]
        argument = _global_read_for_argument(p, read, key) if read else ""
        if argument:
            return argument
        drop = (
            _drop_rows_by_default(p, labels)
            or _drop_a_row_as_column(p, key)
            or _drop_along_named_axis(p, labels, key)
        )
        if drop:
            return drop
        inside_drop = _loc_inside_drop(p, key)
        if inside_drop:
            return inside_drop
        positions = _positions_as_column_labels(p, where)
        if positions:
            return positions
        variable = _variable_name_as_label(p)
        if variable:
            return variable
        if _row_lookup(p, key):
            applied = _loc_in_column_apply(p)
            if applied:
                return (
                    f"`.apply(...)` of a DataFrame passes each column to `{applied}` (axis=0 by "
                    f"default), so `{applied}.loc[...]` looked for {labels} among the row "
                    "labels: write `.apply(..., axis=1)` to get each row instead."
                )
            dated = _date_in_text_index(p, key)
            if dated:
                return dated
            if _lone_loc_label(p, key):
                # `temp.loc['chr1:100-200']` (a row label meant as one, absent from this frame)
                # or `df.loc['Salary']` (a column asked for in the rows' place): the code does
                # not tell which, so both readings
                return (
                    f"{labels} was looked up among the row labels (`.index`) of the frame "
                    f"before `.loc`, and it is not there: if it is a column, `df[{labels}]` "
                    f"selects it and `df[df[{labels}] > …]` filters rows by it (`.loc` takes "
                    "rows first); if it is a row label, print that index and compare the "
                    "label's spelling, form and type."
                )
            # `.loc['DF']`, "None of [...] are in the [index]": a row label was asked for.
            were = "were" if isinstance(labels, str) and "', '" in labels else "was"
            return (
                f"{labels} {were} looked up among the row labels (`df.index`), not the columns: "
                "`.loc[rows, columns]` takes rows first; to pick rows by a column's value write "
                "`df[df['col'] == value]`."
            )
        if _loc_rows(p) or _multiindex_row_tuple(p, key):
            return (
                f"`.loc[...]` looked for {labels} among the row labels (`.index`) and it is not "
                "there: print the index of the frame before `.loc` and compare the labels' "
                "values and types (the number 7 is not the text '7')."
            )
        # The frame the line subscripts (`c["Country"]`) or pops from (`data.pop('k')`), so
        # the user prints the right one.
        named = where if where and re.fullmatch(r"[A-Za-z_][\w.]*", where) else ""
        frame = named or _popped(p.user_line, key) or _dropping_frame(p) or "df"
        if p.message.lstrip("\"'").startswith("None of ["):
            if "''" in p.message:
                return None  # an empty label (`X[[""]]`): a name left blank, no frame mixed up
            own = _frame_by_own_column(p.user_line) or _method_argument_label(p, key, labels)
            if own:
                return own
            plotted = _plot_given_values(p)
            if plotted:
                return plotted
            more = "" if labels == f.get("keys") else ", …"
            if _frame_read_in_this_cell(p, frame):
                # just read: no other frame, no rename; the file's header names them otherwise
                return (
                    f"None of the labels asked for ({labels}{more}) is a column of `{frame}`, "
                    f"which this cell has just read from its file: print `{frame}.columns` and "
                    "use the names the file gives (spelling, case, spaces)."
                )
            return (
                f"None of the labels asked for ({labels}{more}) is in the DataFrame: it is "
                "probably another frame than you think, or its columns were renamed; print "
                f"`{frame}.columns`."
            )
        elsewhere = _no_column_lookup(p, labels)
        if elsewhere:
            return elsewhere
        if _series_lookup(p):
            several = _labels_as_one_tuple(p)
            if several:
                return several
            printed = _printed_array_key(key)
            if printed:
                return printed
            frame = _iterrows_row_subscripted(p, frame, key) or frame
            iterated = _iterrows_source(p, frame)
            if iterated:
                # a row of iterrows() is labelled by the frame's columns: the lookup is right
                return (
                    f"`{frame}` is a row of `{iterated}` (from `iterrows()`), labelled by its "
                    f"columns: `{iterated}` has no column {labels}; print `{iterated}.columns` "
                    "and check spelling, case and spaces."
                )
            if frame != "df" and _built_as_series(p, frame):
                # made as a Series, not picked from a frame: the label is simply not in it
                return (
                    f"`{frame}` (a Series the notebook builds) has no index label {labels}: "
                    f"print `{frame}.index`, or use `{frame}.get({key!r})`, which gives None "
                    "for a missing label."
                )
            # `s['Poids']` on a Series (a column picked earlier): its index labels, no columns.
            name = f"`{frame}`" if frame != "df" else "The object looked up"
            return (
                f"{name} is a Series here, not a DataFrame: {labels} was looked up among its "
                "index labels (`.index`); select from the DataFrame it came from, or filter "
                "the Series by its values."
            )
        if frame != "df" and _frame_column_lookup_any(p) and _row_label_of(p, frame, key):
            # `df1['Guy']` where the notebook makes or reads 'Guy' as one of df1's rows
            return (
                f"{labels} is a row label of `{frame}` (the notebook uses it as one), and "
                f"`{frame}[...]` looks among the columns: write `{frame}.loc[{key!r}]` for the row."
            )
        if ("Column not found" in p.message and named) or "Columns not found: " in p.message:
            # the subscripted object selects like a GroupBy or a window (pandas' words for
            # them; the plural is their list of several keys), not a frame: it has no
            # `.columns` to print, and its `[...]` picks columns, never a group
            return None
        what = f"`{frame}`" if frame != "df" else "The DataFrame"
        made = _column_made_by_the_code(p, f)
        if made:
            # The code creates the column under this very name: its spelling is right, the
            # frame read here never went through that step (or lost the column since).
            listed = re.search(
                rf"""([A-Za-z_][\w.]*)\[\[[^\]]*['"]{re.escape(key)}['"]""", p.user_line
            )
            what = f"`{listed.group(1)}`" if listed and frame == "df" else what
            maker = made.split("[", 1)[0]
            if what == "The DataFrame" and re.search(
                rf"(?<![\w.]){re.escape(maker)}\.", p.user_line
            ):
                # `messages.hist(column='length')`: the frame the step made it on is this line's
                what = f"`{maker}`"
            chosen = _LIST_NAME_KEY.search(p.user_line) if "not in index" in p.message else None
            if (
                chosen
                and chosen.group(2) not in ("True", "False", "None")
                and chosen.group(1) != maker
            ):
                # `raw[keep]`: the label comes from the list `keep`, not from this line; the
                # list may have been built on the frame the step made the column on
                source, chooser = chosen.group(1), chosen.group(2)
                return (
                    f"`{chooser}` holds {labels}, which `{source}` does not have (the notebook "
                    f"creates it by `{made} = …`): check how `{chooser}` was built; if from a "
                    f"frame with that column, build it from `{source}.columns` or drop {labels} "
                    "from it."
                )
            guarded = _store_in_try(p, made)
            if guarded:
                # the store may never have run: its `except` swallowed each failure, and the
                # frame this line reads was left without (or empty of) what it collects
                return (
                    f"The notebook makes {labels} by `{made} = …` inside a `try` block: if every "
                    "pass failed there (the `except` hides why), no data with that column "
                    f"reached {what.replace('The DataFrame', 'this frame')}; print what the "
                    "`except` catches, and the frame's length."
                )
            # the step made the column on this very frame: it did not run before this line
            same = maker == what.strip("`")
            todo = (
                "run that step before this line"
                if same
                else "apply it to this frame too, before this line"
            )
            return (
                f"{what} has no column {labels}, which the notebook creates by assignment "
                f"(`{made} = …`): this frame did not go through that step (or dropped the "
                f"column since); {todo}."
            )
        if _moved_into_the_index(p, frame, key):
            return (
                f"`{frame}.set_index(...)` moved {labels} from the columns into the index: read "
                f"it as `{frame}.index`, or make it a column again with `{frame}.reset_index()`."
            )
        unkept = _rename_not_kept(p, key)
        if unkept and unkept[0] != frame and frame != "df":
            unkept = None  # another frame's rename says nothing of this one's columns
        if unkept:
            # `df.rename(columns={'a': 'id'})` alone on its line: the renamed copy was dropped
            target, call = unkept
            return (
                f"{what} has no column {labels}: `{call}` makes it, but on a copy that is not "
                f"kept; write `{target} = {call}` (or pass `inplace=True`), then run it again."
            )
        if (
            key.lstrip("-").isdigit()
            and raised_outside_notebook(p)
            and not has_word(code_only(p.user_line), key)
        ):
            # `df.pivot(index='a', ...)` failing on a number the line never writes: a position
            # the library looked up itself, no label of the user's to spell
            return None
        return (
            f"{what} has no column or label {labels}: print `{frame}.columns` "
            "and check spelling, case and spaces."
        )
    if inside is None and raised_outside_notebook(p) and not _quoted_on_line(p, key):
        return None  # looked up deep in a library, by a name the line does not show
    if inside is not None:
        if not _quoted_on_line(p, key):
            return None
        # The key may be data (a word outside a model's vocabulary) as well as a name the
        # function accepts: both readings, so neither sends the user the wrong way.
        return (
            f"`{inside.text}` does not know {shown!r} (a KeyError inside "
            f"{inside.library or 'the function'}): either the data it holds lacks that entry "
            "(a word outside a model's vocabulary, a label its table lacks) or it is not a "
            "name it accepts (see its documentation)."
        )
    of = f" in `{where}`" if where else " here"
    if where in ("os.environ", "environ") and key and not close:
        # the kernel's environment variables: set outside the notebook, or not at all
        return (
            f"The environment variable {key!r} is not set in the kernel's environment: set it "
            f"before starting Jupyter, or in a cell (`%env {key}=...`); "
            f"`os.environ.get({key!r})` gives None instead of failing."
        )
    if close:
        return f"There is no key `{shown}`{of}. Did you mean {close}?"
    plain = where and re.fullmatch(r"[\w.]+", where) and len(key) <= 30
    test = f"`{key!r} in {where}`" if plain else "`.keys()`"
    return (
        f"There is no key {shown!r}{of}: check the spelling, and which keys exist ({test})."
        if key
        else "A key is missing here: print the available keys (`.keys()`)."
    )


# `frame.loc[:, 'k']`, `frame['k']`, `frame.xs('k')`: the frame the line looks the key up in.
_LOOKED_UP_IN = r"([A-Za-z_]\w*)(?:\.(?:loc|at|xs))?[\[(][^\]\n]*?['\"]{key}['\"]"


def _global_read_for_argument(p: ParsedError, frame: str, key: str) -> str:
    """`def f(X): X['T'] = X.Name...; data.drop('Name', ...)`: the failing line of a function
    of the user's reads a frame that is neither its parameter nor assigned in it (the
    notebook's global), while a parameter of the function is read with this very key in the
    lines shown: the argument was meant. "" otherwise."""
    cell = next((fr for fr in reversed(p.frames) if fr.is_user), None)
    if cell is None or not frame.isidentifier() or not cell.function.isidentifier():
        return ""
    shown = "\n".join(cell.code_lines)
    found = function_parameters(shown, cell.function) if "def " in shown else []
    if not found or frame in found[0]:
        return ""
    # `df['m'] = df['city'].map(stats['price'])`: a line that reads the argument too uses the
    # global beside it, a table looked up on purpose, not the argument misnamed
    if any(q != "self" and has_word(cell.failing_line, q, False) for q in found[0]):
        return ""
    body = [ln for ln in cell.code_lines if ln.strip() != cell.failing_line.strip()]
    if any(_assigns(ln, frame) for ln in body):
        return ""
    reads = (".{}", "['{}']", '["{}"]')
    for q in found[0]:
        if q != "self" and any(_read_on(ln, q, r.format(key)) for ln in body for r in reads):
            call = f"{cell.function}({', '.join(found[0])})"
            return (
                f"`{frame}` is not a parameter of `{call}`: the failing line reads the "
                f"notebook's global `{frame}`, while the function reads {key!r} from its "
                f"argument `{q}`; write `{q}` instead of `{frame}` there."
            )
    return ""


def _read_on(line: str, name: str, after: str) -> bool:
    """``line`` reads ``name`` (a whole name) followed by ``after`` (`.col`, `['col']`)."""
    at = line.find(name + after)
    while at >= 0:
        if at == 0 or not (line[at - 1].isalnum() or line[at - 1] in "._"):
            return True
        at = line.find(name + after, at + 1)
    return False


def _assigns(line: str, name: str) -> bool:
    """``line`` assigns the plain ``name`` (`data = ...`, `data, y = ...`, `global data`)."""
    text = line.strip()
    if text.startswith(("global ", "nonlocal ")):
        return has_word(text, name)
    target, sep, rest = text.partition("=")
    return (
        bool(sep)
        and not rest.startswith("=")
        and name in (t.strip() for t in target.rstrip("+-*/ ").split(","))
    )


def _first_level_lookup(p: ParsedError, key: str) -> str:
    """pandas looked a plain label up in a MultiIndex (its `multi.py` frames), where a label
    that is not a tuple is searched in the first level only: the label may belong to another
    level (`('Ohio', 'Green')` columns), or be misspelt; both readings, and how to see each."""
    if key.startswith("(") or not _quoted_on_line(p, key):
        return ""
    files = [f.filename.replace("\\", "/") for f in p.frames if not f.is_user]
    if not any(name.endswith("pandas/core/indexes/multi.py") for name in files):
        return ""
    columns = any(f.function.endswith("_getitem_multilevel") for f in p.frames)
    m = re.search(_LOOKED_UP_IN.format(key=re.escape(key)), p.user_line)
    frame = m.group(1) if m else "df"
    if not columns and m and _level_name_of(p, frame, key):
        return (
            f"{key!r} is the name of a level of `{frame}`'s MultiIndex (a key of the "
            f"`groupby`/`set_index` that made it), not a label in it: "
            f"`{frame}.reset_index()` makes the levels columns again (or read them with "
            f"`{frame}.index.get_level_values({key!r})`)."
        )
    if columns:
        where, select = f"`{frame}.columns` are", f"`{frame}.xs({key!r}, level=1, axis=1)`"
        levels = f"`{frame}.columns.levels`"
    else:  # the index or the columns: the frames do not tell which
        where, select = f"`{frame}`'s labels are", f"`{frame}.xs({key!r}, level=1)`"
        levels = "the MultiIndex's `.levels`"
    return (
        f"{where} a MultiIndex, and {key!r} alone is looked up in its first level only, which "
        f"lacks it: a label of a lower level is selected with {select} (print {levels} to see "
        "each level's labels and their spelling)."
    )


def _moved_into_the_index(p: ParsedError, frame: str, key: str) -> bool:
    """The code makes the column `key` of `frame` its index (`df.set_index('k', inplace=True)`,
    `df = df.set_index(['k'])`) and nothing after that sets `frame` again or resets its index."""
    if not re.fullmatch(r"[A-Za-z_]\w*", frame):
        return False
    code, _ = seen_code(p)
    quoted = rf"['\"]{re.escape(key)}['\"]"
    moves = list(
        re.finditer(
            rf"^[ \t]*(?:{frame}[ \t]*=[ \t]*)?{frame}\.set_index\(\s*\[?[^\])]*?{quoted}",
            code,
            re.M,
        )
    )
    if not moves:
        return False
    after = code[moves[-1].end() :]
    if not re.match(rf"\s*{frame}\s*=", moves[-1].group(0)) and not re.search(
        r"inplace\s*=\s*True", code[moves[-1].end() : moves[-1].end() + 200].split("\n")[0]
    ):
        return False  # `df.set_index('k')` alone returns a new frame: `df` keeps the column
    return not re.search(rf"^[ \t]*{frame}[ \t]*=(?!=)|\b{frame}\.reset_index\(", after, re.M)


def _level_name_of(p: ParsedError, frame: str, key: str) -> bool:
    """The code assigns `frame` from a `groupby([...])` or `set_index([...])` whose list quotes
    `key`: then `key` names a level of the index that call made, it is no label in one."""
    made = re.compile(
        rf"^[ \t]*{re.escape(frame)}\s*=.*\.(?:groupby|set_index)\(\s*\[[^\]]*"
        rf"['\"]{re.escape(key)}['\"]",
        re.M,
    )
    return any(made.search(code) for code in (p.user_code, *p.notebook_code))


def _loc_inside_drop(p: ParsedError, key: str) -> str:
    """`df.drop(df.loc['Y,D'], axis=1)`: `.loc` inside drop's arguments looked the key up among
    the rows before drop ran; drop takes the labels themselves."""
    drop = _drop_call(p.user_line)
    if drop is None or not drop[1]:
        return ""
    inner = re.match(r"\s*([A-Za-z_]\w*)\.loc\[\s*(['\"])(.*?)\2\s*\]\s*$", drop[1][0])
    if inner is None or inner.group(3) != key:
        return ""
    names = ", ".join(repr(n.strip()) for n in key.split(",") if n.strip()) or repr(key)
    frame = drop[0] or inner.group(1)
    axis = _drop_axis(drop[1])
    given = {"columns": f"columns=[{names}]", "rows": f"index=[{names}]"}.get(axis, f"[{names}]")
    return (
        f"`{inner.group(0).strip()}` inside `drop(...)` first looks up {key!r} among the row "
        f"labels, and there is none: give `drop` the labels themselves, as a list "
        f"(`{frame}.drop({given})`)."
    )


def _iterrows_source(p: ParsedError, name: str) -> str:
    """The frame `data` when the cell loops `for _, name in data.iterrows()`, else ""."""
    m = re.search(
        rf"for\s+\w+\s*,\s*{re.escape(name)}\s+in\s+([A-Za-z_][\w.]*)\.iterrows\(\)",
        p.user_code,
    )
    return m.group(1) if m else ""


def _iterrows_row_subscripted(p: ParsedError, frame: str, key: str) -> str:
    """When the failing line is not shown (`<timed exec>`): the one loop variable of
    `for _, row in data.iterrows()` that the cell subscripts with the quoted key, else ""."""
    if frame != "df" or p.user_line.strip():
        return ""
    quoted = rf"""\[\s*['"]{re.escape(key)}['"]\s*\]"""
    names = set(re.findall(rf"([A-Za-z_]\w*){quoted}", p.user_code))
    rows = [n for n in names if _iterrows_source(p, n)]
    return rows[0] if len(names) == 1 and rows else ""


# A KeyError whose key is a bool: a mask (`grouped[grouped['x'] == 'y']`) given to an object
# that selects columns only (a GroupBy, a resampler, a rolling window: pandas' SelectionMixin).
_BOOL_COLUMN = re.compile(r"Column not found: (True|False)['\"]?$")


def _no_column_lookup(p: ParsedError, labels: str) -> str:
    """The key was looked up elsewhere than among a frame's columns, and the line shows where:
    a group of `get_group`, a label of an index's `get_loc`, a bool given to a GroupBy; else ""."""
    boolean = _BOOL_COLUMN.search(p.message.strip())
    # `grouped['False']` is a text key, no bool: the line quotes it
    if boolean and not re.search(rf"['\"]{boolean.group(1)}['\"]", p.user_line):
        return (
            f"A bool ({boolean.group(1)}) was looked up as a column name: a grouped (or "
            "resampled, rolling) object selects columns only, not rows by a condition; filter "
            "the DataFrame's rows before grouping (`df[df['col'] == value].groupby(...)`)."
        )
    functions = [f.function.rsplit(".", 1)[-1] for f in _below_users_last_line(p)]
    first = functions[0] if functions else ""
    grouped = re.search(r"([A-Za-z_][\w.]*)\.get_group\(", p.user_line)
    if first == "get_group" and grouped:
        return (
            f"`{grouped.group(1)}` has no group {labels} (`get_group` looks up the values of the "
            f"grouping column): print `list({grouped.group(1)}.groups)` and compare values and "
            "types (the number 7 is not the text '7')."
        )
    indexed = re.search(r"([A-Za-z_][\w.]*)\.get_loc\(", p.user_line)
    if first == "get_loc" and indexed and not indexed.group(1).endswith(".columns"):
        return (
            f"`{indexed.group(1)}` has no label {labels} (`get_loc` looks up that index's "
            "labels, not the columns): print it and compare values and types (a date as text "
            "or as a Timestamp, the number 7 or the text '7')."
        )
    return ""


def _row_label_of(p: ParsedError, frame: str, key: str) -> bool:
    """The notebook reads ``key`` as a row of ``frame`` (`frame.loc['k']`, `frame.loc['k', …]`)
    or builds ``frame`` with it in `index=[...]`."""
    code, _ = seen_code(p)
    name, quoted = re.escape(frame), rf"""['"]{re.escape(key)}['"]"""
    if re.search(rf"\b{name}\.(?:loc|at)\[\s*{quoted}\s*[\],]", code):
        return True
    built = re.finditer(rf"^\s*{name}\s*=\s*(?:pd\.)?DataFrame\(([^\n]*)", code, re.M)
    return any(re.search(rf"\bindex\s*=\s*\[[^\]]*{quoted}", m.group(1)) for m in built)


def _short(key: str) -> str:
    if len(key) > 60 or "\n" in key:
        return " ".join(key.split())[:57] + "…"
    return key


def _history_key(p: ParsedError, key: str) -> str:
    if key.endswith("acc") and not key.endswith("_acc_") and not _train_key_read_before(p, key):
        return (
            f"Keras now logs accuracy as `{key.replace('acc', 'accuracy')}`: use that key in "
            "`history.history`."
        )
    if key.startswith("val_"):
        return (
            f"`history.history` has no `{key}`: validation keys exist only when `fit` got "
            "`validation_data` or `validation_split`; print `history.history.keys()`."
        )
    if key == "lr":
        return (
            "`history.history` has no `lr`: newer Keras logs the learning rate as "
            "`learning_rate` (and only with a learning-rate callback); print "
            "`history.history.keys()`."
        )
    return f"`history.history` has no `{key}`: print `history.history.keys()` for the keys it has."


def _train_key_read_before(p: ParsedError, key: str) -> bool:
    """`history.history['acc']` read by an earlier line of the cell before `['val_acc']` fails:
    the old name worked, so no rename is at fault; only the validation key is missing."""
    if not key.startswith("val_") or p.user_line.strip() not in p.user_code:
        return False
    before = p.user_code.split(p.user_line.strip(), 1)[0]
    return bool(re.search(rf"""\[\s*['"]{re.escape(key[4:])}['"]\s*\]""", before))


def _close_keys(p: ParsedError, key: str, f: Facts, where: str) -> str:
    """Keys or columns of the user's code that read as a slip in typing ``key`` (never one the
    message itself lists as missing). For a dict, only keys of the same dict count: the keys of
    the code's other dicts are no candidates."""
    if not key:
        return ""
    missing = set(re.findall(r"'([^']*)'", f.get("keys", "")))
    quoted = re.compile(rf"""(['"]){re.escape(key)}\1""")
    if any(
        quoted.search(ln) for ln in p.user_code.splitlines() if ln.strip() != p.user_line.strip()
    ):
        return ""  # the code names the key elsewhere too: meant, not a slip of the keyboard
    if f.get("container") == "DataFrame":
        pool = key_strings(p.user_code)
    else:
        same = rf"{re.escape(where)}\[\s*" if where else r"(?!)"
        pool = re.findall(same + r"""['"]([^'"\n]+)['"]|['"]([^'"\n]+)['"]\s*:""", p.user_code)
        pool = [a or b for a, b in pool]
    found = [c for c in dict.fromkeys(pool) if c not in missing and spelled_alike(key, c)]
    return " or ".join(f"`{c}`" for c in found[:2])


def _quoted_on_line(p: ParsedError, key: str) -> bool:
    return f"'{key}'" in p.user_line or f'"{key}"' in p.user_line


def _looked_up_inside(p: ParsedError, key: str):
    """The user's call when the key was looked up inside the function it called (not by pandas
    indexing on the user's line), else None."""
    below = callee(p)
    call = failing_call(p)
    if below is None or call is None or below.library == "pandas":
        return None
    if below.is_user and _quoted_on_line(p, key):
        return None
    return call


def _subscripted(line: str, key: str) -> str:
    """The expression the line subscripts with ``key``, or ""."""
    m = re.search(r"\[\s*(['\"])" + re.escape(key) + r"\1\s*\]", line)
    return expression_before(line, m.start()) if m else ""


# A line that removes a key or column: df.drop(...), del df['k'], df.pop('k'), rename({'k': …}).
_REMOVES = re.compile(r"\.(?:drop|pop|rename)\(|^\s*del\s")


def _looked_up_by_a_library(p) -> bool:
    """The code that asked pandas for the key is a third-party library's (plotnine's stat),
    not a module of the user's own (`utilities.py`)."""
    asking = [f for f in p.frames if not f.is_user and f.package not in ("pandas", "numpy")]
    return bool(asking) and bool(asking[-1].library)


def _column_made_by_the_code(p, f: Facts) -> str:
    """`frame['k']`, the first column assignment of the notebook's other cells that creates
    one of the missing keys, when every missing key has one (`train_df['Lag_1'] = …`, a
    function's `data['score'] = …`); else "". A rewrite from itself (`df['k'] =
    f(df['k'])`) needs the column and makes none."""
    keys = re.findall(r"'([^']*)'", f.get("keys", "")) or [f.get("key", "")]
    cells = [code for code in p.notebook_code if code.strip() != p.user_code.strip()]
    made = ""
    for key in keys:
        found = next((m for code in cells for m in _column_stores(code, key)), None)
        if not key or found is None or not _first_named_by_a_store(p, key):
            return ""
        made = made or f"{found}[{key!r}]"
    return made


def _store_in_try(p, made: str) -> bool:
    """The line storing ``made`` (`frame['k']`) sits, in the cell that has it, inside the body
    of a `try:` (any enclosing block), so a failure before it went unseen."""
    frame, _, key = made.partition("[")
    written = (made, f"{frame}[{key.replace(chr(39), chr(34))}")
    for code in (*p.notebook_code, p.user_code):
        at = max(code.find(w) for w in written)
        if at < 0:
            continue
        lines = code[:at].split("\n")
        indent = len(lines[-1]) - len(lines[-1].lstrip())
        for line in reversed(lines[:-1]):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            depth = len(line) - len(line.lstrip())
            if depth < indent:
                if text.startswith("try:") or text == "try :":
                    return _caught_after(code[at:], depth)
                indent = depth
        return False
    return False


def _caught_after(rest: str, depth: int) -> bool:
    """The `try:` at ``depth`` whose body ``rest`` continues is followed by an `except`: a
    `try: … finally:` alone hides no failure, which would have stopped the cell."""
    for line in rest.split("\n")[1:]:
        text = line.strip()
        if text and not text.startswith("#") and len(line) - len(line.lstrip()) <= depth:
            return text.startswith("except")
    return False


def _first_named_by_a_store(p, key: str) -> bool:
    """The page's first line that quotes ``key`` stores it (`train['Age'] = …`): a column read
    before any store (`values='Age'`, `df['Age'].mean()`) came with the data, and a later
    store only rewrites it (`train['Age'] = train.apply(fill_age, axis=1)`)."""
    quoted = re.compile(rf"""['"]{re.escape(key)}['"]""")
    for code in p.notebook_code or (p.user_code,):
        line = next((line for line in code.splitlines() if quoted.search(line)), None)
        if line is not None:
            return any(True for _ in _column_stores(line, key))
    return False


def _column_stores(code: str, key: str):
    """The frames ``code`` gives the column ``key`` by `frame['key'] = value`, where the value
    does not read ``key`` itself."""
    name = re.escape(key)
    store = re.compile(rf"""^\s*([A-Za-z_][\w.]*)\[\s*(['"]){name}\2\s*\]\s*=(?!=)(.*)$""", re.M)
    for m in store.finditer(code):
        if not re.search(rf"""\[\s*(['"]){name}\1\s*\]""", m.group(3)):
            yield m.group(1)


def _quoted_in_code(p, key: str) -> bool:
    """`'x'` written as a string in the cell or the notebook (a column the user names)."""
    quoted = re.compile(rf"""['"]{re.escape(key)}['"]""")
    return any(quoted.search(code) for code in (p.user_code, p.user_line, *p.notebook_code))


def _empty_slice(line: str):
    """`cols[13:5]` on the line: a slice written with a start past its stop and no step."""
    for m in re.finditer(r"(?<=[\w\]\)])\[\s*(\d+)\s*:\s*(\d+)\s*\]", line):
        if int(m.group(1)) > int(m.group(2)):
            return m
    return None


# Keywords whose values are a library's options, never a column's name.
_OPTION_KEYWORDS = frozenset(
    ("how", "method", "kind", "orient", "engine", "errors", "join", "validate", "interpolation")
)


def _option_value_refused(p, key: str) -> str:
    """`pd.merge(a, b, how='natural')` raising KeyError 'natural': the key is the value of a
    keyword on the line (never a subscript there), which the library looked up in its table of
    options; it names no column."""
    quoted = rf"""['"]{re.escape(key)}['"]"""
    keyword = re.search(rf"\b(\w+)\s*=\s*{quoted}", p.user_line)
    if not keyword or re.search(rf"\[\s*{quoted}", p.user_line):
        return ""
    if keyword.group(1) not in _OPTION_KEYWORDS:
        return ""  # `by='price'`, `on='id'`: keywords that name columns
    return (
        f"`{keyword.group(0)}` is not a value this call accepts for `{keyword.group(1)}` (it "
        "looked the value up among its options): use one of the values its documentation lists."
    )


def _removed_in_another_cell(p: ParsedError, quoted: re.Pattern) -> bool:
    """Another cell of the notebook has a line removing the key (`df.drop('left', ...)`)."""
    for cell in p.notebook_code:
        for line in cell.splitlines():
            code = line.split("#", 1)[0]
            if _REMOVES.search(code) and quoted.search(code) and code.strip() not in p.user_code:
                return True
    return False


# pandas' KeyError of `drop`: "['a' 'b'] not found in axis", the labels it missed.
_NOT_FOUND_IN_AXIS = re.compile(r"\[([^\]]*)\] not found in axis")


def drop_found_some(text: str, message: str) -> bool:
    """``text`` drops quoted labels (`df.drop(['a', 'b', 'c'], …)`) and the message misses only
    some of them: `drop` removes all or none, so a run of it before would have removed the
    labels it found now too; it never ran through, and did not change what this line reads."""
    missed = _NOT_FOUND_IN_AXIS.search(message[:2000])
    call = re.search(r"\.drop\((.*)", text, re.S)
    if missed is None or call is None:
        return False
    quoted = r"'([^'\n]*)'|\"([^\"\n]*)\""
    # `axis='columns'`, `errors='raise'`: options of the call, no labels it drops
    labels = re.sub(r"\b(?:axis|errors|level)\s*=\s*(?:'[^']*'|\"[^\"]*\")", "", call.group(1))
    dropped = {a or b for a, b in re.findall(quoted, labels)}
    absent = {a or b for a, b in re.findall(quoted, missed.group(1))}
    return bool(absent) and absent < dropped


def _removed_in_cell(p: ParsedError, key: str) -> str:
    """The key is removed by a line of this very cell: before the failing line (so the cell
    cannot work), or at or after it (so running the cell a second time fails)."""
    if not key or not p.user_code:
        return ""
    failing = failing_line_number(p)
    quoted = re.compile(r"['\"]" + re.escape(key) + r"['\"]")
    lines = own_lines(p)
    # a statement over several lines is one: its first line is no line before the failing one
    first = statement_start(lines, failing)
    for number, line in enumerate(lines[:400], 1):
        code = line.split("#", 1)[0]
        if not _REMOVES.search(code) or not quoted.search(code):
            continue
        if ".rename(" in code and not re.search(quoted.pattern + r"\s*:", code):
            continue  # renamed *to* this name, not from it
        if not code.lstrip().startswith("del") and re.search(
            r"[\w\])]\[\s*" + quoted.pattern, code
        ):
            continue  # `df.drop(df.loc["k"])`: the key is read inside the call, not removed
        what = " ".join(code.split())
        what = what if len(what) <= 60 else what[:59] + "…"
        if failing and number < first:
            return (
                f"Line {number} of this cell (`{what}`) removes {key!r} before the failing "
                "line reads it: read it before removing it, or keep it."
            )
        popped = _popped(code, key)
        if first <= number <= failing and popped and not _assigned_above(lines, popped, number):
            # `y = data.pop('k')` takes the key out of `data` whatever the result is bound to:
            # a second run finds it gone (or the data never had it).
            return (
                f"`{popped}.pop({key!r})` removes {key!r} from `{popped}`: if this cell ran "
                f"before, it is gone already (re-run the cell that makes `{popped}` first); else "
                f"`{popped}` never had it, so print its keys (`{popped}.columns` for a "
                "DataFrame)."
            )
        if first <= number <= failing and drop_found_some(code, p.message):
            return ""  # it found other labels it drops: it never ran through, no re-run story
        if first <= number <= failing and _removed_in_another_cell(p, quoted):
            return ""  # another cell removed it first: no re-run of this line is needed
        if first <= number <= failing and "inplace=True" in code.replace(" ", ""):
            # Only this line removes it: a second run, or a key the data never had. A drop
            # without an axis searched the rows, where a column's name never was: no re-run.
            drop = _drop_call(code)
            axis = _drop_axis(drop[1]) if drop else "columns"
            if not axis:
                continue
            frame = drop[0] if drop and drop[0] else "df"
            labels = f"the row labels (`{frame}.index`)" if axis == "rows" else "the columns"
            return (
                f"{key!r} is not in the data: if it ran before, this line's `inplace=True` "
                f"already removed it (re-run the cell that loads the data); else print {labels}."
            )
        if _rebuilt_before("\n".join(lines), code, number):
            continue  # the cell makes the frame anew before removing: a re-run starts afresh
        if "inplace=True" in code.replace(" ", "") or _reassigns(code):
            # a second run is one reading; a frame that never had the key is the other
            removing = re.match(
                r"\s*(?:[\w.]+\s*=\s*)?(\w+(?:\.\w+)*?)\.(?:drop|pop|rename)\(", code
            )
            frame = removing.group(1) if removing else "df"
            return (
                f"This cell removes {key!r} (`{what}`): if it ran before, {key!r} is already "
                "gone (re-run the cell that loads the data first); else the data never had it, "
                f"so print `{frame}.columns`."
            )
    return ""


# `df.groupby('Year').mean()['Pay']`: an aggregation, then the key picked from its result.
_AGGREGATED = r"\.groupby\(.*\)\.(mean|sum|median|std|var|prod)\(\s*\)\s*\[\s*['\"]{key}['\"]"


def _dropped_by_aggregation(p: ParsedError, key: str) -> str:
    """The key is picked from a groupby aggregation's result, which (pandas before 2.0, or
    `numeric_only=True`) leaves out the columns it cannot aggregate: text, or numbers read as
    text. A misspelt name is the other reading."""
    m = re.search(_AGGREGATED.format(key=re.escape(key)), p.user_line)
    if not m:
        return ""
    how = m.group(1)
    grouped_by = re.search(r"\.groupby\(([^)]*)\)", p.user_line)
    if grouped_by and re.search(rf"['\"]{re.escape(key)}['\"]", grouped_by.group(1)):
        # the grouping column becomes the result's index, no column
        return (
            f"{key!r} is the grouping key, which becomes the index of the `.{how}()` result, "
            "not a column: read `.index`, or group with `as_index=False` (or add "
            "`.reset_index()`)."
        )
    return (
        f"{key!r} is not among the columns `.{how}()` kept: pandas leaves out columns it cannot "
        f"aggregate (text, or numbers read as text; convert them with `pd.to_numeric(..., "
        "errors='coerce')` first), unless the name is misspelt (check `df.columns`)."
    )


# a pandas installed for Python 3.12 or later: no pandas 1.x supports it
_PANDAS_2_PYTHON = re.compile(r"python3\.(?:1[2-9]|[2-9]\d)\b")
_CORRELATED = re.compile(r"\.(corr|cov)\(\s*\)\s*\[\s*['\"]([^'\"]+)['\"]")


def _dropped_by_correlation(p: ParsedError, key: str) -> str:
    """The key is picked from `df.corr()` (or `.cov()`) called without arguments, which
    (pandas before 2.0) silently leaves out the columns that are not numbers: a text column
    (labels like 'M'/'B') is not there. A misspelt name is the other reading."""
    m = _CORRELATED.search(p.user_line)
    if not m or m.group(2) != key:
        return ""
    if any(_PANDAS_2_PYTHON.search(fr.filename) for fr in p.frames if fr.library == "pandas"):
        # pandas on Python 3.12 or later is 2.1 or later, whose `.corr()` raises on a text
        # column (ValueError) rather than leave it out: the key was never a column
        return ""
    how = m.group(1)
    return (
        f"`.{how}()` keeps only the numeric columns, so {key!r} is missing from its result if it "
        f"holds text (labels): map it to numbers first (e.g. `.map({{'yes': 1, 'no': 0}})`), "
        "unless the name is misspelt (check `df.columns`)."
    )


_DATA_AS_TEXT = re.compile(r"\bdata\s*=\s*(['\"])([A-Za-z_]\w*)\1")


def _data_given_as_text(p: ParsedError) -> str:
    """`pd.pivot_table(data="sales", ...)`: the frame's name in quotes is passed, a string
    and no DataFrame, so every column looked up in it is missing."""
    m = _DATA_AS_TEXT.search(p.user_line)
    if not m or not any(fr.library in ("pandas", "seaborn") for fr in p.frames):
        return ""
    name = m.group(2)
    callee = _enclosing_callee(p.user_line, m.start())
    if callee.split(".")[0] not in ("pd", "pandas", "sns", "seaborn") and not bound_in(
        seen_code(p)[0], name
    ):
        # `requests.post(url, data='query')` inside the line: a payload of another call, and
        # no frame of that name in the notebook
        return ""
    return (
        f"`data={m.group(0).split('=', 1)[1].strip()}` passes the text {name!r}, not the "
        f"DataFrame, so its columns cannot be found: write `data={name}` without quotes."
    )


def _enclosing_callee(line: str, at: int) -> str:
    """The dotted name of the call whose open bracket encloses position ``at`` of ``line``
    (`pd.pivot_table` in `pd.pivot_table(data=…`), else ""."""
    depth = 0
    for i in range(at - 1, -1, -1):
        if line[i] in ")]}":
            depth += 1
        elif line[i] in "([{":
            if depth == 0:
                if line[i] != "(":
                    return ""
                m = re.search(r"([A-Za-z_][\w.]*)\s*$", line[:i])
                return m.group(1) if m else ""
            depth -= 1
    return ""


def _popped(code: str, key: str) -> str:
    """The name `code` pops ``key`` from (`y = data.pop('k')` -> "data"), else ""."""
    m = re.search(r"([A-Za-z_][\w.]*)\.pop\(\s*(['\"])" + re.escape(key) + r"\2\s*[,)]", code)
    return m.group(1) if m else ""


def _assigned_above(lines: list[str], name: str, number: int) -> bool:
    """`name = ...` on a line of the cell above line ``number``: a re-run makes it anew."""
    bound = re.compile(rf"\s*{re.escape(name)}\s*=[^=]")
    return any(bound.match(line) for line in lines[: number - 1])


def _rebuilt_before(cell: str, code: str, number: int) -> bool:
    """`data = raw.copy()` before `data = data.drop(...)`: the frame the line removes from is
    assigned anew by an earlier line of the cell, so running the cell again starts afresh."""
    m = re.match(r"\s*(?:del\s+)?([\w.]+)", code)
    if m is None:
        return False
    return _assigned_above(cell.splitlines(), m.group(1).split(".")[0], number)


def _reassigns(code: str) -> bool:
    """`df = df.drop(...)`: the name is rebound to the result."""
    m = re.match(r"\s*([\w.]+)\s*=\s*([\w.]+)\.(?:drop|rename)\(", code)
    return m is not None and m.group(1) == m.group(2)


def _drop_a_row_as_column(p: ParsedError, key: str) -> str:
    """`df.drop('F', axis=1)` where the notebook made 'F' a row (`df.loc['F'] = ...`): the
    columns were searched for a row's label."""
    if "not found in axis" not in p.message or not re.search(r"\.drop\(", p.user_line):
        return ""
    if not re.search(r"\baxis\s*=\s*(?:1|['\"]columns['\"])|\bcolumns\s*=", p.user_line):
        return ""
    code, _ = seen_code(p)
    row = re.search(r"\.loc\[\s*(['\"])" + re.escape(key) + r"\1\s*\]\s*=(?!=)", code)
    if row is None:
        return ""
    return (
        f"{key!r} is a row label (the notebook adds it with `.loc[{key!r}] = ...`), and "
        f"`axis=1` looks among the columns: drop the row with `.drop({key!r})` (`axis=0`)."
    )


def _dropping_frame(p: ParsedError) -> str:
    """`x` when the failing line continues a statement `… x.drop(` opened on a line above (the
    frame whose columns to print), else ""."""
    number = failing_line_number(p)
    lines = own_lines(p)
    first = statement_start(lines, number)
    if not number or first == number:
        return ""
    drop = _drop_call(lines[first - 1])
    return drop[0] if drop else ""


def _made_without(p: ParsedError, key: str) -> str:
    """The frame the failing line reads was last assigned a drop of this very column from
    another frame (`small = data.drop('k', axis=1)`): the spelling is right, the column was
    removed on purpose when the frame was made. "" otherwise."""
    if not key or not re.search(r"['\"]" + re.escape(key) + r"['\"]", p.user_line):
        return ""
    line = code_only(p.user_line)
    code, _ = seen_code(p)
    # the frame the line reads the column from: the last name before the first quoted key
    at = re.search(r"['\"]" + re.escape(key) + r"['\"]", p.user_line).start()
    before = re.findall(r"(?<![\w.])([A-Za-z_]\w*)(?=\s*[.\[])", p.user_line[:at])
    reader = before[-1] if before else ""
    for name in dict.fromkeys(re.findall(r"(?<![\w.])([A-Za-z_]\w*)(?=\s*[.\[])", line)):
        if name != reader:
            continue  # the line reads the column from another frame (`test['k']`), not this one
        made = re.findall(rf"^[ \t]*{re.escape(name)}[ \t]*=[ \t]*(.+)", code, re.M)
        drop = _drop_call(made[-1]) if made else None
        if drop is None or not drop[0] or drop[0] == name or not made[-1].startswith(drop[0]):
            continue
        args = drop[1]
        named = [a for a in args if re.search(r"['\"]" + re.escape(key) + r"['\"]", a)]
        if named and (_drop_axis(args) == "columns" or any("columns" in a for a in named)):
            return (
                f"`{name}` was made by `{drop[0]}.drop(...)`, which removed {key!r} from it: "
                f"read {key!r} from `{drop[0]}` instead, or leave it out of that drop."
            )
    return ""


def _drop_call(line: str) -> tuple[str, list[str]] | None:
    """(the frame `x` of `x.drop(...)` on the line, "" when no plain name; drop's own
    arguments), or None when the line calls no `drop`."""
    m = re.search(r"(?:\b([A-Za-z_]\w*))?\.drop\(", line)
    if m is None:
        return None
    return m.group(1) or "", call_arguments(line[m.start() + 1 :])


def _drop_axis(args: list[str]) -> str:
    """The axis drop's own arguments name: "rows" (`axis=0`, `axis='index'`, `index=`),
    "columns" (`axis=1`, `columns=`, a second positional 1), else ""."""
    second = args[1].strip() if len(args) > 1 and "=" not in args[1] else ""
    for arg in args:
        m = re.fullmatch(r"\s*(axis|index|columns)\s*=\s*(.+?)\s*", arg)
        if m is None:
            continue
        if m.group(1) == "columns" or re.fullmatch(r"1|['\"]columns['\"]", m.group(2)):
            return "columns"
        if m.group(1) == "index" or re.fullmatch(r"0|['\"](?:index|rows)['\"]", m.group(2)):
            return "rows"
    if re.fullmatch(r"1|['\"]columns['\"]", second):
        return "columns"
    if re.fullmatch(r"0|['\"]index['\"]", second):
        return "rows"
    return ""


def _drop_along_named_axis(p: ParsedError, labels: str, key: str) -> str:
    """`temp.drop(x, axis=1)` or `df.drop(3, axis=0)`: the axis searched is the one the line
    names, and the frame to print is the one dropped from (not a `df` of the hint's making)."""
    drop = _drop_call(p.user_line) if "not found in axis" in p.message else None
    if drop is None:
        return ""
    frame, args = drop
    frame = frame or "df"
    axis = _drop_axis(args)
    if axis == "rows":
        # pandas lists numbers bare ("[3] not found"): an index of texts '3' has no number 3
        number = "'" not in labels and re.fullmatch(r"-?\d+", key)
        types = f" (the number {key} is not the text '{key}')" if number else ""
        return (
            f"`{frame}.drop` looked for {labels} among the row labels (`axis=0`) and found "
            f"none: print `{frame}.index` and compare its labels' values and types{types}."
        )
    if axis != "columns":
        return ""
    source = re.match(r"\s*(?:labels\s*=\s*)?([A-Za-z_]\w*)\.columns\[", args[0] if args else "")
    if source and source.group(1) != frame:
        # `temp.drop(df.columns[0], axis=1)`: a label of another frame's columns
        return (
            f"`{frame}` has no column {labels}: the label comes from `{source.group(1)}.columns`, "
            f"another frame's; print `{frame}.columns` and drop a name it has."
        )
    return (
        f"`{frame}` has no column {labels}: print `{frame}.columns` and check spelling, case "
        "and spaces."
    )


def _drop_rows_by_default(p: ParsedError, labels: str) -> str:
    """`df.drop('col')` without `axis=1`/`columns=`: pandas looks among the row labels."""
    m = re.search(r"\.drop\(", p.user_line)
    if m is None or "not found in axis" not in p.message:
        return ""
    # drop's own arguments only: a later call's `columns=` (`.rename(columns=...)`) is not its.
    args = ", ".join(call_arguments(p.user_line[m.start() + 1 :]))
    if re.search(r"\b(?:axis|columns|index)\s*=|^[^,]+,\s*(?:1|'columns'|\"columns\")\b", args):
        return ""
    if not any(_quoted_on_line(p, k) for k in re.findall(r"'([^']+)'", labels)):
        # `df.drop(other)`: the labels come from a variable; nothing says columns were meant.
        return (
            f"`drop` looked for {labels} among the row labels (its default axis) and found "
            "none: print what you passed and `df.index`; to drop columns, pass `columns=`."
        )
    value = _label_written_as_a_value(p, labels)
    if value:
        return value
    return (
        f"`drop` looks for {labels} among the row labels by default: to drop columns, "
        f"write `.drop(columns=[{labels}])` (or pass `axis=1`)."
    )


def _label_written_as_a_value(p: ParsedError, labels: str) -> str:
    """`df.loc[10, 'name'] = 'HI'` in the notebook, then `df.drop(['HI'])`: the one label is a
    value the code writes into a column, and no line uses it otherwise (as a key, a column name,
    an argument) but to compare or to drop: a value in a cell is neither axis's label. "" when
    the code shows no such write."""
    texts = re.findall(r"'([^']+)'", labels)
    if len(texts) != 1:
        return ""
    text = texts[0]
    quoted = (f"'{text}'", f'"{text}"')
    code = seen_code(p)[0]
    if not any(q in code for q in quoted):
        return ""
    written = None
    for line in code.splitlines():
        bare = line.split("#", 1)[0]
        if not any(q in bare for q in quoted):
            continue
        if ".drop(" in bare:
            continue  # the drop itself (or another like it)
        uses = sum(bare.count(q) for q in quoted)
        compared = len(re.findall(rf"[=!]=\s*(['\"]){re.escape(text)}\1", bare))
        target = _VALUE_WRITE.match(bare)
        wrote = bool(target) and target.group("text") == text
        if uses > compared + wrote:
            return ""  # used otherwise (a key, a column name, an argument): it may be a label
        if wrote:
            written = written or (target.group("frame"), target.group("column"), bare.strip())
    if written is None:
        return ""
    frame, column, line = written
    return (
        f"'{text}' is a value the notebook writes into the column '{column}' (`{line}`), and "
        "`drop` removes rows or columns by their labels, not by the values they hold: to drop "
        f"the rows holding it, keep the others, `{frame} = {frame}[{frame}['{column}'] != "
        f"'{text}']`."
    )


# `df.loc[10, 'name'] = 'HI'`, `df['name'] = "HI"`: a text written into a frame's column.
_VALUE_WRITE = re.compile(
    r"""\s*(?P<frame>[A-Za-z_]\w*)(?:\.(?:loc|at)\[[^\]]*?,\s*|\[)(['"])(?P<column>[^'"]+)\2\]"""
    r"""\s*=\s*(['"])(?P<text>[^'"]+)\4\s*;?\s*$"""
)


# ------------------------------------------- keys that are no name: what the line did instead


def _key_misused(p: ParsedError, key: str) -> str:
    """A hint for a key that says how the line went wrong rather than which name is missing: a
    tuple, a dtype or data values where a column name goes, a label slice, a set's element, a
    `str.format` field, a string's letter. "" when none of these shows."""
    for reads in (
        _groupby_as_key,
        _applied_by_column,
        _fraction_key,
        _empty_dict_read,
        _tuple_key,
        _dtype_key,
        _values_as_labels,
        _label_slice,
        _set_element,
        _format_field,
        _letter_of_a_string,
    ):
        told = reads(p, key)
        if told:
            return told
    return ""


def _pandas_functions(p: ParsedError) -> set[str]:
    """The functions of pandas' frames (`__getitem__`, `get_slice_bound`, …)."""
    return {f.function.rsplit(".", 1)[-1] for f in p.frames if f.library == "pandas"}


def _frame_column_lookup(p: ParsedError) -> bool:
    """`df[key]`: DataFrame.__getitem__ raised, no `.loc`/`.iloc` indexer stands between. Only
    the frames below the user's last line count: `df.apply(f)` runs frame.py's `apply`, and a
    Series' `a[0]` inside `f` is no DataFrame's lookup."""
    files = [f.filename.replace("\\", "/") for f in _below_users_last_line(p)]
    return any(n.endswith("pandas/core/frame.py") for n in files) and not any(
        n.endswith("pandas/core/indexing.py") for n in files
    )


def _raised_by_the_cells_own_lookup(p: ParsedError) -> bool:
    """The KeyError rose in the notebook's own code with pandas' frames only above it (a
    function `df.apply` ran): a dict's lookup, since pandas' lookups print their frames."""
    last = p.last_frame
    above = [f for f in p.frames if f.library == "pandas"]
    return bool(above) and last is not None and last.is_user and not _below_users_last_line(p)


def _below_users_last_line(p: ParsedError) -> list:
    """pandas' frames after the last frame of a notebook cell (all of them when none is)."""
    last = max((i for i, f in enumerate(p.frames) if f.is_user), default=-1)
    return [f for f in p.frames[last + 1 :] if f.library == "pandas"]


def _subscripted_name(line: str, key: str) -> str:
    """The name the line subscripts with the bare (unquoted) ``key``: `temp` in `temp[0]`."""
    m = re.search(r"([A-Za-z_][\w.]*)\[\s*" + re.escape(key) + r"\s*\]", line)
    return m.group(1) if m else ""


# A model's methods that take a table of rows: one row (`.iloc[j]`) is no data for them.
_MODEL_DATA = re.compile(r"\.\s*(?:fit|partial_fit|fit_transform|fit_predict|train|score)\s*\(")


def _model_data_call(line: str, names: list[str], counter: str) -> bool:
    """The line hands `name[counter]` to a model's `fit` (or another method of rows)."""
    m = _MODEL_DATA.search(line)
    return bool(m) and any(f"{n}[{counter}]" in line[m.end() :].replace(" ", "") for n in names)


def _split_parts(p: ParsedError, names: list[str]) -> list[str]:
    """For each name, the variable the cell assigns its split into parts to
    (`X_0 = np.array_split(X, n)`), when every name has one; else []."""
    parts = []
    for name in names:
        m = re.search(
            rf"^[ \t]*(\w+)[ \t]*=[ \t]*(?:np|numpy)\.(?:array_)?split\([ \t]*{re.escape(name)}\b",
            p.user_code,
            re.M,
        )
        if m is None:
            return []
        parts.append(m.group(1))
    return parts


def _row_label_subscript(p: ParsedError) -> tuple[str, str, list[str]]:
    """(the frame, the variable, the other frames whose loops also bind it) of `frame[var]` on
    the failing line, where `var` is the label a `for var, row in x.iterrows():` of the cell
    binds; else ("", "", [])."""
    loops = re.findall(
        r"^\s*for\s+([A-Za-z_]\w*)\s*,\s*[A-Za-z_]\w*\s+in\s+([\w.]+)\.iterrows\(\)",
        p.user_code,
        re.M,
    )
    for label in dict.fromkeys(name for name, _ in loops):
        if _bound_otherwise(p.user_code, label, len([n for n, _ in loops if n == label])):
            continue  # `for label in ids:` or `label = …` too: which value it holds is not seen
        m = re.search(rf"([A-Za-z_][\w.]*)\[\s*{label}\s*\]", p.user_line)
        if m:
            others = [src for name, src in loops if name == label and src != m.group(1)]
            return m.group(1), label, list(dict.fromkeys(others))
    return "", "", []


def _bound_otherwise(code: str, name: str, loops: int) -> bool:
    """``code`` binds ``name`` other than by its ``loops`` `iterrows()` loops: another `for`
    loop over it (`for idx in ids:`, `for idx, x in enumerate(...)`), or an assignment."""
    n = re.escape(name)
    fors = re.findall(rf"^\s*for\s+(?:\(?\s*[\w\s,]*,\s*)?{n}\b", code, re.M)
    assigned = re.search(
        rf"^\s*(?:[\w.]+\s*,\s*)*{n}\s*(?:,\s*[\w.]+\s*)*(?:=(?!=)|[-+*/]=)", code, re.M
    )
    return len(fors) > loops or assigned is not None


def _looped_subscripts(p: ParsedError) -> tuple[str, list[str]]:
    """(the counter of a `for i in range(...)` loop of the cell, the names the line subscripts
    with it), or ("", [])."""
    counters = re.findall(r"^\s*for\s+([A-Za-z_]\w*)\s+in\s+range\(", p.user_code, re.M)
    found = []
    for counter in dict.fromkeys(counters):
        names = re.findall(rf"([A-Za-z_][\w.]*)\[\s*{counter}\s*\]", p.user_line)
        if names:
            found.append((counter, list(dict.fromkeys(names))))
    if len(found) != 1:
        # `a[j] * f(b[i])` in nested loops: both counters start at 0, so the key does not
        # tell which lookup failed (nor which object is the DataFrame)
        return "", []
    return found[0]


# `df[df.groupby('a')]`: a GroupBy as the whole subscript
_GROUPBY_SUBSCRIPT = re.compile(r"([A-Za-z_][\w.]*)\[\s*([A-Za-z_][\w.]*\.groupby\([^()]*\))\s*\]")


def _groupby_as_key(p: ParsedError, key: str) -> str:
    """`df[df.groupby('Team')]`: the GroupBy itself is the key, which pandas reads as a list of
    its groups (the first one's number missing): no column is misspelt."""
    m = _GROUPBY_SUBSCRIPT.search(p.user_line)
    if not m:
        return ""
    frame, grouped = m.groups()
    return (
        f"`{grouped}` is a GroupBy, not a column name or a mask, so `{frame}[...]` cannot "
        f"select with it: aggregate the groups instead, e.g. `{grouped}.sum()` (or `.mean()`, "
        "`.size()`)."
    )


# Python 2's pandas adds where `DataFrame.apply` was: `('meas', u'occurred at index count')`
_APPLY_NOTE = re.compile(r"""\(u?(['"])(.+?)\1, u?['"]occurred at index (.+?)['"]\)""")
_APPLY_CALL = re.compile(r"\.apply\(\s*([A-Za-z_]\w*)\s*[,)]")


# a function's parameter named for a column it is to get (`col`, `column`, `series`, `s`)
_NAMED_A_COLUMN = re.compile(r"col\w*|c|s|ser|series|\w*_col(?:umn)?|column\w*", re.I)


def _applied_by_column(p: ParsedError, key: str) -> str:
    """`df.apply(f)` without `axis=1`, where `f` reads `row['name']`: pandas passes each column,
    indexed by the frame's row labels, and adds "occurred at index <column>" to the key."""
    m = _APPLY_NOTE.fullmatch(p.message.strip())
    if not m:
        return ""
    label, column = m.group(2), m.group(3)
    calls = [f.failing_line for f in p.frames if f.is_user and f.failing_line]
    applied = next((c for c in calls if _APPLY_CALL.search(c)), "")
    if not applied:
        return ""
    function = _APPLY_CALL.search(applied).group(1)
    if re.search(r"axis\s*=\s*(1|['\"]columns['\"])", applied):
        # rows were asked for: the row, labelled by the frame's columns, lacks the label
        return (
            f"The rows `{function}` gets are labelled by the frame's columns, and {label!r} is "
            f'not one of them (pandas adds "occurred at index {column}", the row): print the '
            "frame's `.columns` and check spelling, case and spaces."
        )
    code, _ = seen_code(p)
    param = re.search(rf"\bdef\s+{function}\s*\(\s*([A-Za-z_]\w*)", code)
    if param and _NAMED_A_COLUMN.fullmatch(param.group(1)):
        # `def share(col): return col / col['total']`: columns were meant, and `'total'` is a
        # row label this frame lacks, no row's field
        return ""
    return (
        f"`.apply({function})` passes each column to `{function}` (axis=0 by default; here the "
        f"column {column!r}), so {label!r} was looked up among the row labels: write "
        f"`.apply({function}, axis=1)` to get each row."
    )


_FRACTIONAL = re.compile(r"-?\d+\.\d*[1-9]\d*(?:e-?\d+)?")


def _fraction_key(p: ParsedError, key: str) -> str:
    """`d[x]` raised by the cell's own line (a dict) with a key like 49.0829 that `x` got from a
    true division: a computed float matches no key; the key must be made whole first."""
    last = p.last_frame
    if not (last is not None and last.is_user and _FRACTIONAL.fullmatch(p.message.strip())):
        return ""
    m = re.search(r"([A-Za-z_][\w.]*)\[\s*([A-Za-z_]\w*)\s*\]", code_only(p.user_line))
    if not m:
        return ""
    container, index = m.groups()
    code, _ = seen_code(p)
    assigned = rf"^[ \t]*{index}\s*=([^=\n][^\n]*)$"
    made = re.search(assigned, code, re.M)
    if not made or not re.search(r"[^/]/[^/=]", made.group(1)):
        return ""
    made_all = re.findall(assigned, code, re.M)
    if any(not re.search(r"[^/]/[^/=]", m) for m in made_all) or _made_again(index).search(
        re.sub(assigned, "", code, flags=re.M)
    ):
        return ""  # `for rate in rates:` (or another assignment) also makes it: no division's
    return (
        f"`{index}` is a float made by a division (`{index} ={made.group(1).rstrip()}`), here "
        f"{p.message.strip()}, which is no key of `{container}`: make it a whole key first "
        f"(`int(...)`, `round(...)` or `//`)."
    )


def _empty_dict_read(p: ParsedError, key: str) -> str:
    """The failing line only reads `d[...]` (an expression of its own) where the cell made `d`
    empty above it (`d = {}`) and no line stores into it: a `= value` was left out."""
    line = code_only(p.user_line).strip()
    m = re.fullmatch(r"([A-Za-z_]\w*)\[[^\[\]]+\]", line)
    if not m or not p.cell_lines:
        return ""
    name = m.group(1)
    number = failing_line_number(p)
    before = own_lines(p)[: number - 1] if number else []
    if not any(re.fullmatch(rf"\s*{name}\s*=\s*(?:\{{\s*\}}|dict\(\s*\))\s*", b) for b in before):
        return ""
    code, _ = seen_code(p)
    if re.search(rf"\b{name}\[[^\n]*\]\s*=[^=]|\b{name}\.(?:update|setdefault)\(", code):
        return ""
    if _made_again(name).search(code):
        # `results = cross_validate(...)` after `results = {}`: the dict read is not the empty one
        return ""
    raw = p.user_line.strip()
    shown = raw if re.fullmatch(r"[A-Za-z_]\w*\[[^\[\]]+\]", raw) else f"{name}[...]"
    return (
        f"`{name}` is made empty above (`{name} = {{}}`) and this line only reads "
        f"`{shown}`, it stores nothing: to store a value write `{shown} = value`."
    )


def _made_again(name: str) -> re.Pattern:
    """A statement that gives ``name`` another value than an empty dict: `name = f(...)`,
    `name |= ...`, `for name in ...`, `a, name = ...`, `with ... as name`."""
    empty = r"(?:\{\s*\}|dict\(\s*\))\s*(?:#.*)?$"
    return re.compile(
        rf"^[ \t]*{name}\s*(?:\|=|=(?!=)(?!\s*{empty}))"
        rf"|^[ \t]*(?:[\w.]+\s*,\s*)+{name}\s*=(?!=)|^[ \t]*{name}\s*,[^=\n]*=(?!=)"
        rf"|\bfor\s+(?:[\w\s,(]*,\s*)?{name}\b[^\n]*\bin\b|\bas\s+{name}\b",
        re.M,
    )


def _tuple_key(p: ParsedError, key: str) -> str:
    """`df["a", "b"]`: the comma inside single brackets makes one tuple, looked up as one
    column label."""
    if not (key.startswith("(") and key.endswith(")") and "," in key):
        return ""
    if not _frame_column_lookup(p) or not re.search(r"\w\[[^\[\]]*,", p.user_line):
        return ""
    numbers = re.fullmatch(r"\((-?\d+), (-?\d+)\)", key)
    if numbers:
        # `df[4, 2]`: two numbers read as a (row, column) position as often as as two columns
        row, col = numbers.groups()
        return (
            f"Inside single brackets `{row}, {col}` makes one tuple key, {key}, looked up as one "
            f"column label: for the value at row {row}, column {col} by position write "
            f"`df.iloc[{row}, {col}]`; to select several columns pass a list, `df[['a', 'b']]`."
        )
    written = re.search(r"([A-Za-z_][\w.]*)\[\s*\(", p.user_line)
    if written:
        # `df[(i, len(x))]`: a tuple written as one on purpose, no list of columns mistyped
        return (
            f"`{written.group(1)}[(…)]` looks up the tuple {key} as one column label, and there "
            "is none: a DataFrame's brackets take column names (or a True/False mask of rows), "
            "not a pair of values."
        )
    return (
        f"Inside single brackets the comma makes one tuple key, {key}, looked up as one column "
        "label: to select several columns pass a list, `df[['a', 'b']]`."
    )


# Python's own KeyError sentences for taking an item out of an empty container: no key to check.
_EMPTY_CONTAINER = {
    "pop from an empty set": (
        "`.pop()` was called on an empty set: check `len(...)` (or `if s:`) before popping, or "
        "find where the set should have been filled."
    ),
    "popitem(): dictionary is empty": (
        "`.popitem()` was called on an empty dict: check `if d:` before it, or find where the "
        "dict should have been filled."
    ),
}


# A KeyError pandas raises with a sentence of its own (`raise KeyError("cannot use a single
# bool ...")`): a plain string literal, no f-string, so the message names no label.
_RAISES_A_SENTENCE = re.compile(r"raise KeyError\(\s*(['\"])(.+)\1\s*\)")


# `raise KeyError(` with its message on the lines below, as adjacent string literals.
_RAISE_OPENS = re.compile(r"raise KeyError\(\s*$")
_LITERAL_LINE = re.compile(r"\s*(['\"])(.*)\1\s*$")


def _pandas_own_sentence(p: ParsedError, key: str) -> bool:
    """The KeyError's message is pandas' own sentence, no label: the raising pandas frame's line
    writes the message as a plain string literal, on that line or (adjacent literals) on the
    lines the traceback shows below it."""
    last = p.last_frame
    if last is None or last.library != "pandas" or " " not in key:
        return False
    m = _RAISES_A_SENTENCE.search(last.failing_line)
    if m is not None:
        return m.group(2) == key
    return bool(_RAISE_OPENS.search(last.failing_line)) and key.startswith(
        _literals_below(last) or "\0"
    )


def _literals_below(frame) -> str:
    """The text of the plain string literals that follow the frame's failing line, one a line,
    up to the first line that is none (the traceback shows only a few lines)."""
    lines = list(frame.code_lines)
    if frame.failing_line not in lines:
        return ""
    text = ""
    for line in lines[lines.index(frame.failing_line) + 1 :]:
        m = _LITERAL_LINE.fullmatch(line)
        if m is None:
            break
        text += m.group(2)
    return text


# pandas' listing of the labels asked for: "None of [Index(['a', 'b'], dtype='object')] are in"
_LABELS_LISTED = re.compile(r"None of \[(.*?)\] are in the", re.S)
_LISTED_ITEM = re.compile(r"'[^']*'|\"[^\"]*\"|(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


def _labels_repeat(message: str) -> bool:
    """A label repeats among those pandas lists: a list of column names seldom holds one twice,
    a column's values (`df[df['education']]`, a Series used as the labels) do."""
    listed = _LABELS_LISTED.search(message[:3_000])
    if listed is None:
        return False
    listing = re.sub(r"\b(?:dtype|length|name)=\S+", "", listed.group(1))
    items = _LISTED_ITEM.findall(listing)
    return len(items) != len(set(items))


_RANGE_INDEX_FILE = re.compile(r"pandas[\\/]core[\\/]indexes[\\/]range\.py$")


def _index_replaced(p: ParsedError, key: str) -> str:
    """The variable whose subscript on the failing line ends in `[key]` (`y` of `y['c'][2]`),
    when the notebook assigns its `.index` outright (`y.index = x.index`)."""
    pattern = rf"\b([A-Za-z_]\w*)(?:\.\w+|\[[^\[\]]*\])*\[\s*{re.escape(key)}\s*\]"
    code, _ = seen_code(p)
    for m in re.finditer(pattern, p.user_line):
        name = m.group(1)
        if re.search(rf"^[ \t]*{re.escape(name)}\.index[ \t]*=(?!=)", code, re.M):
            return name
    return ""


def _looked_up_in_a_range_index(p: ParsedError) -> bool:
    """pandas' RangeIndex raised the KeyError (its `get_loc`): a label there is a position
    whenever the range starts at 0, so "label, not position" may be false."""
    last = p.last_frame
    return last is not None and bool(_RANGE_INDEX_FILE.search(last.filename))


# pandas ≥ 1.0's KeyError for a list of labels some of which the axis lacks.
_LIST_WITH_MISSING = "Passing list-likes to .loc or [] with any missing labels"
# The user's `df[names]`, `df.loc[names]` or `df.loc[:, names]`: the frame and the list's name.
_COLUMNS_BY_LIST = re.compile(r"(?<![.\w])(\w+)(?:\[|\.loc\[\s*:\s*,)\s*(\w+)\s*\]")
_ROWS_BY_LIST = re.compile(r"(\w+)\.loc\[\s*(\w+)\s*\]")


def _list_with_missing_labels(p: ParsedError, key: str) -> str:
    """pandas' "Passing list-likes … with any missing labels": some labels of the list given
    are not on the axis (pandas no longer skips them). The frame and the list when the line
    writes them plainly."""
    if not key.startswith(_LIST_WITH_MISSING):
        return ""
    # a Series' `s[names]` looks the names up in its index (it has no columns)
    series = _series_lookup(p)
    found = [] if series else _COLUMNS_BY_LIST.findall(p.user_line)
    axis = "columns" if found else "index"
    found = found or _ROWS_BY_LIST.findall(p.user_line)
    if series:
        found = found or _COLUMNS_BY_LIST.findall(p.user_line)
    if len(set(found)) == 1:  # several lookups on the line (`X[i], y[i]`): which one failed?
        frame, names = found[0]
        return (
            f"Some labels in `{names}` are not in `{frame}.{axis}` (pandas no longer skips "
            f"missing ones): print `set({names}) - set({frame}.{axis})` and fix or drop them."
        )
    if series:
        return (
            "Some labels of the list on that line are not in the Series' index (pandas no "
            "longer skips missing ones): print the ones missing, e.g. "
            "`set(labels) - set(s.index)`."
        )
    return (
        "Some labels of the list on that line are not in the frame (pandas no longer skips "
        "missing ones): print the ones missing, e.g. `set(labels) - set(df.columns)`."
    )


def _single_bool_setitem(p: ParsedError, key: str) -> str:
    """pandas' "cannot use a single bool to index into setitem": the row selector of
    `.loc[...] = value` is one True/False (a comparison of one value), no mask of rows."""
    if not key.startswith("cannot use a single bool"):
        return ""
    return (
        "The row selector of `.loc[rows, col] = value` is one True/False, not a mask of rows: "
        "the condition compares a single value (such as `df['a'][0] == x`); compare the whole "
        "column instead, `df.loc[df['a'] == x, 'col'] = value`."
    )


def _subscripted_by_the_line(p: ParsedError) -> bool:
    """The user's line subscripts something and no library but pandas looked the key up: a
    key the line itself gave, not one a library read from its own arguments (folium's key_on)."""
    if set(p.libraries) - {"pandas"}:
        return False
    return re.search(r"[\w)\]]\s*\[", p.user_line) is not None


# `s.str.split('-')[-1]`: the subscript after a `.str` method picks a row of the Series.
_AFTER_STR_METHOD = r"(\.str\.\w+\((?:[^()]|\([^()]*\))*\))\[\s*{key}\s*\]"


def _piece_of_each_string(p: ParsedError, key: str) -> str:
    """`df['d'].str.split('-')[-1]`: `[key]` applies to the Series the `.str` method returned (a
    row label), not to each string's list of pieces."""
    m = re.search(_AFTER_STR_METHOD.format(key=re.escape(key)), p.user_line)
    if not m:
        return ""
    return (
        f"`[{key}]` after `{m.group(1)}` picks the Series' row labelled {key}, not item {key} of "
        f"each row's value: write `{m.group(1)}.str[{key}]` to take it from every row."
    )


# pandas' "None of [Int64Index([2, 4], dtype='int64')] are in the [columns]" (newer pandas
# writes `Index([2, 4], dtype='int64')`): only whole numbers were asked among the columns.
_INTEGER_COLUMN_LABELS = re.compile(
    r"None of \[(?:Int64)?Index\(\[(-?\d+(?:, -?\d+)*)\], dtype='u?int\d*'\)\] are in the "
    r"\[columns\]"
)


def _positions_as_column_labels(p: ParsedError, frame: str) -> str:
    """`df.loc[:, [2, 4]]`: numbers asked of the columns, which are named: positions meant."""
    m = _INTEGER_COLUMN_LABELS.search(p.message)
    if not m:
        return ""
    numbers = m.group(1)
    named = re.search(r"([A-Za-z_][\w.]*)\[", p.user_line)
    if not re.fullmatch(r"[A-Za-z_][\w.]*", frame or ""):
        frame = named.group(1).removesuffix(".loc") if named else "df"
    if ".loc[" not in p.user_line:
        # `x[i]` with positions in `i`: NumPy's habit takes rows, pandas' `[...]` columns; the
        # crash does not tell which were meant.
        plain = re.search(rf"\b{re.escape(frame)}\[\s*([A-Za-z_]\w*)\s*\]", p.user_line)
        given = plain.group(1) if plain else f"[{numbers}]"
        return (
            f"`{frame}[...]` looks up columns labelled {numbers}, and the columns have no such "
            f"labels: by position, `{frame}.iloc[{given}]` takes rows and "
            f"`{frame}.iloc[:, {given}]` columns."
        )
    return (
        f"The columns have no labels {numbers}: `.loc` and `[...]` take column names, so "
        f"for columns by position write `{frame}.iloc[:, [{numbers}]]`."
    )


def _dtype_key(p: ParsedError, key: str) -> str:
    """KeyError: dtype('float64'): the variable in the brackets holds a dtype (a loop over
    `df.dtypes` gives dtypes, not names)."""
    if not re.fullmatch(r"dtype\('\w+'\)", key):
        return ""
    return (
        f"The key is a dtype, {key}, not a column name: a loop over `df.dtypes` gives the "
        "dtypes; loop over `df.columns` (or `df.dtypes.items()` for name and dtype)."
    )


# "None of [Int64Index([3, 5, …], dtype='int64')] are in the [columns]": values, no names.
_VALUES_AS_LABELS = re.compile(
    r"None of \[\w*Index\(\[([^'\"]*?)\],.*\] are in the \[columns\]", re.S
)


def _values_as_labels(p: ParsedError, key: str) -> str:
    """pandas was asked for columns named by numbers or None: a Series, an array or a variable
    holding None went where column names go."""
    m = _VALUES_AS_LABELS.search(p.message)
    if m is None:
        return _repeated_text_labels(p)
    values = " ".join(m.group(1).replace("\\n", " ").split())
    items = [v for v in values.split(",") if v.strip()]
    if values != "None" and len(items) < 8 and "..." not in values and "nan" not in values:
        return ""  # a few numbers may be a frame's real labels (`header=None` gives 0, 1, …)
    if values == "None":
        return (
            "The column asked for is None: the variable meant to hold the column's name holds "
            "None; print it and set it first."
        )
    first = values[:40].rstrip(", ")
    return (
        f"The labels asked for are data values ({first}…), not column names: a Series or an "
        "array went where column names go; pass the columns' names, or filter rows with a mask "
        "(`df[df['col'] > 0]`)."
    )


def _repeated_text_labels(p: ParsedError) -> str:
    """ "None of [Index(['college', 'college', …])] are in the [columns]": texts that repeat are
    a column's values, not names. The variable that holds them when the line subscripts one
    plain name."""
    if not _labels_repeat(p.message) or not re.search(r"are in the \[columns\]", p.message):
        return ""
    first = ", ".join(re.findall(r"'[^']*'", p.message[:200])[:3])
    held = set(re.findall(r"\w\[\s*([A-Za-z_]\w*)\s*\]", p.user_line))
    if len(held) == 1:
        return (
            f"`{held.pop()}` holds a column's values ({first} …, some repeated), not column "
            "names: set it to a list of the names (`['col']`), not to the column (`df['col']`)."
        )
    return (
        f"The labels asked for are a column's values ({first} …, some repeated), not column "
        "names: pass a list of the names (`df[['col']]`), not the column (`df[df['col']]`)."
    )


def _label_slice(p: ParsedError, key: str) -> str:
    """A slice by labels (`df['a':'b']`, `df.loc['a':'b']`): pandas looked for the slice's end
    among the row labels."""
    if not {"get_slice_bound", "slice_locs"} & _pandas_functions(p):
        return ""
    if not re.search(r"\[\s*['\"]" + re.escape(key) + r"['\"]\s*:", p.user_line + " ") and not (
        re.search(r":\s*['\"]" + re.escape(key) + r"['\"]\s*\]", p.user_line)
    ):
        return ""
    if ".loc[" in p.user_line:
        return (
            f"{key!r} is not a row label, and a slice by labels may skip missing labels only on "
            "a sorted index: sort it first (`.sort_index()`), or slice between labels it has."
        )
    return (
        f"`df['{key}':…]` slices rows, not columns, and {key!r} is no row label: for a range of "
        f"columns write `df.loc[:, '{key}':…]`."
    )


def _set_element(p: ParsedError, key: str) -> str:
    """`s.remove(4)` on a set raises KeyError: 4 when 4 is not in it."""
    m = re.search(r"([\w.]+)\.remove\(", p.user_line)
    if m is None or (p.frames[-1:] and not p.frames[-1].is_user):
        return ""
    name, element = m.group(1), " ".join(p.message.split())[:40]
    return (
        f"`{name}.remove(...)` raises KeyError when the element ({element}) is not in the set: "
        f"test `{element} in {name}` first, or use `{name}.discard(...)`, which ignores it."
    )


def _format_field(p: ParsedError, key: str) -> str:
    """`"{%.3f}".format(x)`: `str.format` reads the text in braces as a field's name."""
    if ".format(" not in p.user_line or "{" + key not in p.user_line:
        return ""
    if p.frames[-1:] and not p.frames[-1].is_user:
        return ""
    return (
        f"`.format` reads `{{{key}…}}` as a field named {key!r}, which no argument gives: a "
        "format spec goes after a colon (`{:.3f}`), and a literal brace is written `{{`."
    )


def _letter_of_a_string(p: ParsedError, key: str) -> str:
    """A one-letter key that starts a word quoted on the line: a string was looped over letter
    by letter where a list of names was expected."""
    if len(key) != 1 or not key.isalpha():
        return ""
    word = next(
        (w for w in re.findall(r"['\"](\w{2,})['\"]", p.user_line) if w.startswith(key)), ""
    )
    if not word or f"'{key}'" in p.user_line or f'"{key}"' in p.user_line:
        return ""
    indexed = re.search(rf"""(['"]){word}\1\s*\[[^\]]*\]""", p.user_line)
    if indexed:
        # `'reviewTime'[0]`: the subscript takes the literal's own letter, no loop made it
        return (
            f"`{indexed.group(0)}` indexes the text '{word}' itself, which gives {key!r}: to "
            f"take part of each value of a column, index the column, `df['{word}'].str[...]`."
        )
    return (
        f"The key {key!r} is the first letter of '{word}': a string was probably looped over "
        "letter by letter where a list of names was expected; check where this name is passed "
        "on as one string instead of a list."
    )


# A library's line that looks a setting of its object up in a module's constant table of
# accepted values (capitals): scikit-learn's `CRITERIA_REG[self.criterion]`. A lowercase
# `self._cache[self.key]` is no such table.
_SETTING_IN_TABLE = re.compile(r"\b_?[A-Z][A-Z0-9_]*\[\s*self\.([A-Za-z_]\w*)\s*\]")


def _setting_not_accepted(p: ParsedError, key: str) -> str:
    """The library's raising line indexes a table with one of its object's settings
    (`CRITERIA_REG[self.criterion]`): the key is the value the user gave that setting, which
    this kind of object does not accept (a classifier's 'entropy' on a regressor), no data."""
    last = p.last_frame
    if last is None or last.is_user or not last.library:
        return ""
    m = _SETTING_IN_TABLE.search(last.failing_line)
    if m is None:
        return ""
    setting = m.group(1)
    call = failing_call(p)
    owner = call.function.rsplit(".", 1)[0] if call is not None and "." in call.function else ""
    ran = next((f.function for f in p.frames if f.library == last.library), "")
    who = f"`{owner}`" if re.fullmatch(r"[A-Za-z_]\w*", owner) else "the object"
    shown = f" (the traceback runs `{ran}`)" if re.fullmatch(r"\w+\.\w+", ran) else ""
    written = rf"\b{re.escape(setting)}\s*=\s*['\"]{re.escape(key)}['\"]"
    if any(re.search(written, code) for code in (p.user_code, *p.notebook_code)):
        # the user's own `criterion='entropy'`: name where the value comes from
        return (
            f"Your code passes `{setting}={key!r}`, and the library's code looked it up among "
            f"the values this kind of object accepts (`{m.group(0)}`): it is not one; check "
            f"that {who} is the model you meant{shown} and which `{setting}` values it takes."
        )
    return (
        f"{key!r} is the value of the `{setting}` setting, which the library's code looked up "
        f"among the values this kind of object accepts (`{m.group(0)}`), and it is not one: check "
        f"that {who} is the model you meant{shown} and which `{setting}` values it takes."
    )


def _count_of_an_absent_value(p: ParsedError, key: str) -> str:
    """`s.value_counts()[0]`: the counts are labelled by the values counted, so the key is a
    value that does not occur in what was counted; `.iloc[0]` would give the largest count,
    whatever its value."""
    if ".value_counts(" not in p.user_line:
        return ""
    m = re.search(
        r"\.value_counts\(([^()]*)\)\s*\[\s*(['\"]?)" + re.escape(key) + r"\2\s*\]", p.user_line
    )
    if m is None:
        return ""
    shown = f"{m.group(2)}{key}{m.group(2)}"
    # `ascending=True`, `sort=False`: then the first count is not the largest
    first = (
        "" if m.group(1).strip() else " (`.iloc[0]` would be the largest count, whatever its value)"
    )
    return (
        f"`value_counts()` labels each count by the value counted, so `[{shown}]` asks for the "
        f"count labelled {shown}, and no value counted has that label (a bool column's are "
        f"True/False): `.get({shown}, 0)` gives 0 for an absent label{first}."
    )


# Keys of the Bunch scikit-learn's `load_*()`/`fetch_*()` return, no DataFrame's columns.
_BUNCH_KEYS = frozenset({"DESCR", "feature_names", "target_names"})
_BUNCH_MADE = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)\s*=\s*(?:[\w.]+\.)?(?:load|fetch)_\w+\(\s*\)", re.M
)


def _dataset_bunch_key(p: ParsedError, key: str, where: str) -> str:
    """`data['DESCR']` on a DataFrame: the key is one of a scikit-learn dataset's Bunch."""
    if key not in _BUNCH_KEYS:
        return ""
    frame = where if where and re.fullmatch(r"[A-Za-z_]\w*", where) else ""
    code = seen_code(p)[0]
    # a `load_data()` of the user's own is no Bunch: name a source only from scikit-learn's
    made = [b for b in _BUNCH_MADE.findall(code) if b != frame] if "datasets" in code else []
    source = f"`{made[-1]}['{key}']`" if made else "the object `load_…()` returned"
    what = f"`{frame}`" if frame else "the object looked up"
    return (
        f"'{key}' is a key of the Bunch that a scikit-learn `load_…()` returns, and {what} is a "
        f"DataFrame, whose columns lack it: read it from the dataset itself ({source})."
    )


HINTS: dict[str, Template] = {
    KEY_ERROR: missing_key_hint,
    MISSING_LABEL: missing_key_hint,
    FORMULA_COLUMN: missing_key_hint,
}


def _loc_in_column_apply(p: ParsedError) -> str:
    """`frame.apply(lambda x: x.loc[['a']])` without `axis=1`, run by `DataFrame.apply` (its
    frame.py frame; a Series' apply passes values): the lambda's parameter is a column, indexed
    by the frame's rows; its name, or "" when the crash is no such apply."""
    line = p.user_line
    by_frame = any(
        f.library == "pandas"
        and f.function.rsplit(".", 1)[-1] == "apply"
        and f.filename.endswith("frame.py")
        for f in p.frames
    )
    m = by_frame and re.search(r"\.apply\(\s*lambda\s+(\w+)\s*:[^\n]*?\b\1\.loc\[", line)
    if not m or re.search(r"axis\s*=\s*(1|['\"]columns['\"])", line):
        return ""
    return m.group(1)


# `df = pd.read_csv(...)`, `df = read_excel(...)`: the frame comes from a file's header.
_READ_CALL = r"\s*=\s*(?:[\w.]+\.)?read_(?:csv|excel|table|parquet|json|feather|sql|fwf)\("


# `df.plot(x=df.index, ...)`, `df.plot.hist(y=df['B'])`: `x=`/`y=` given values, not a name.
_PLOT_CALL = re.compile(r"([A-Za-z_][\w.]*)\.plot(?:\.\w+)?\(")
_PLOT_VALUES = re.compile(
    r"\b(?P<arg>[xy])\s*=\s*(?P<values>[A-Za-z_][\w.]*\.(?:index|values)\b(?!\s*[\[(])"
    r"|[A-Za-z_][\w.]*\[[^\[\]]+\](?!\s*[\[(.]))"
)


def _plot_given_values(p) -> str:
    """pandas' `DataFrame.plot` read `x=`/`y=` as column labels and found none: the line gives
    one of them values (`x=frame.index`, `y=frame['B']`) rather than a column's name. Only when
    the message looked among the columns and the failing line is such a `.plot` call; else ""."""
    if "in the [columns]" not in p.message:
        return ""
    line = code_only(p.user_line)
    plotted = _PLOT_CALL.search(line)
    if plotted is None:
        return ""
    given = _PLOT_VALUES.search(p.user_line.split("#", 1)[0])
    if given is None:
        return ""
    arg, values = given.group("arg"), given.group("values")
    if "[" in values and not _a_frames_column(p, values.split("[", 1)[0], plotted.group(1)):
        return ""  # `y=groups['rates']`: a dict's or list's item may well be column names
    instead = (
        "leave `x=` out (the index is what `plot` puts on the x axis by default)"
        if arg == "x" and values.endswith(".index")
        else f"pass the column's name, `{arg}='column'`"
    )
    return (
        f"`{arg}=` of `DataFrame.plot` takes a column's name, and `{arg}={values}` gives it "
        f"values, which pandas looked up as column labels: {instead}."
    )


def _a_frames_column(p: ParsedError, name: str, plotted: str) -> bool:
    """`name[...]` reads a frame's column: `name` is the plotted frame itself, or the code seen
    makes it with a pandas reader or `pd.DataFrame(`."""
    if name == plotted:
        return True
    name = re.escape(name)
    made = rf"^[ \t]*{name}{_READ_CALL}|^[ \t]*{name}\s*=\s*(?:pd\.)?DataFrame\("
    return re.search(made, p.code_seen, re.M) is not None


def _frame_read_in_this_cell(p: ParsedError, frame: str) -> bool:
    """The crashing cell assigns `frame` from a pandas reader before its failing line (the
    whole cell when that line is unknown): the frame is the one just read, with the file's
    column names."""
    if not p.cell_lines or not re.fullmatch(r"[A-Za-z_]\w*", frame):
        return False
    lines = own_lines(p)
    number = failing_line_number(p)
    before = lines[: number - 1] if number else lines
    reads = [i for i, line in enumerate(before) if re.match(rf"\s*{frame}{_READ_CALL}", line)]
    if not reads:
        return False
    # a later `frame = ...` or `frame.columns = ...` before the failing line changes it again
    later = before[reads[-1] + 1 :]
    changed = rf"\s*{frame}(?:\.columns)?\s*=[^=]|.*\b{frame}\.(?:rename|set_axis)\("
    return not any(re.match(changed, line) for line in later)


# `df.pivot(index='date', columns='x')`: the frame's own method given the label as an argument
_FRAME_METHOD_CALL = re.compile(r"\b([A-Za-z_]\w*)\.(\w+)\((.*)\)")


def _moves_its_own_index(line: str, frame: str) -> bool:
    """The line makes `frame`'s own column its index and keeps the result in `frame`:
    `df = df.set_index('k')` or `df.set_index('k', inplace=True)`."""
    code = code_only(line).strip().replace(" ", "")
    return code.startswith(f"{frame}={frame}.set_index(") or (
        code.startswith(f"{frame}.set_index(") and "inplace=True" in code
    )


def _method_argument_label(p: ParsedError, key: str, labels: str) -> str | None:
    """`df2.boxplot('Fare')`, `df.pivot(columns='index')`: the line subscripts nothing, it
    passes the label to a method of the frame, which looked it up in that very frame, so no
    other frame or rename is shown. pandas' `boxplot` first keeps the numeric columns only."""
    m = _FRAME_METHOD_CALL.search(p.user_line)
    if (
        not m
        or "[" in p.user_line[: m.end()]
        or not re.search(rf"""(['"]){re.escape(key)}\1""", m.group(3))
    ):
        return None
    frame, method = m.group(1), m.group(2)
    if method == "boxplot" and any(fr.function == "boxplot" for fr in p.frames):
        return (
            f"`{frame}.boxplot(...)` plots only the numeric columns, and {labels} is not one "
            f"of them: print `{frame}.dtypes`; a column of text numbers needs "
            f"`pd.to_numeric({frame}[...], errors='coerce')` first."
        )
    if method == "set_index" and _moves_its_own_index(p.user_line, frame):
        # `df = df.set_index('k')` run a second time: its first run made 'k' the index
        return (
            f"{labels} is no column of `{frame}`, and this line moves it into the index: if "
            f"this line (or another cell's `set_index`) already ran, it is `{frame}`'s index "
            f"now (check `{frame}.index.name`); skip the line, or run "
            f"`{frame} = {frame}.reset_index()` first."
        )
    return (
        f"`{frame}.{method}(...)` looked up {labels} among the columns of `{frame}`, which has "
        f"no such column: print `{frame}.columns` and pass one of those names."
    )


def _frame_by_own_column(line: str) -> str | None:
    """`df[df["Name"]]`: a frame subscripted by one of its own columns asks for columns named
    after that column's values, so no frame was mixed up and no column renamed."""
    m = re.search(r"""([A-Za-z_][\w.]*)\[\s*\1\[\s*(['"])([^'"]+)\2\s*\]\s*\]""", line)
    if not m:
        return None
    frame, q, column = m.group(1), m.group(2), m.group(3)
    return (
        f"`{m.group(0)}` asks for columns named after the values of `{column}`: to pick rows, "
        f"index with a condition on it, e.g. `{frame}[{frame}[{q}{column}{q}] == value]`."
    )


def _rename_not_kept(p: ParsedError, key: str) -> tuple[str, str] | None:
    """(frame, the call) of a `frame.rename(columns={…: 'key'})` statement standing alone on
    its line (`key` a new name: after a `:`), without `inplace=True`: it renames a copy and
    throws it away, so `key` never became a column. None when no such line is in the code."""
    k = re.escape(key)
    for found in re.finditer(
        rf"""^[ \t]*(([A-Za-z_]\w*)\.rename\((?=[^\n]*columns)[^\n]*:\s*['"]{k}['"]"""
        r"[^\n]*\))[ \t]*$",
        p.code_seen,
        re.M,
    ):
        call, target = found.group(1), found.group(2)
        t = re.escape(target)
        kept = re.search(rf"^[ \t]*{t}[ \t]*=[ \t]*{t}\.rename\(", p.code_seen, re.M)
        if kept is None and "inplace" not in call and call.count("(") == call.count(")"):
            # (a cell that does keep a rename of that frame may be the one that ran)
            return target, call if len(call) <= 80 else call[:77] + "…)"
    return None
