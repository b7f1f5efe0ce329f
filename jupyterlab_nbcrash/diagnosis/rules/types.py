"""TypeError that is about the object, not the call: not callable, not subscriptable, not
iterable, unhashable, bad operand types."""

from __future__ import annotations

import builtins
import difflib
import importlib
import re

from ..definitions import assigned_values, defines_callable, imports_name, seen_code
from ..name_reads import has_word
from ..text import article, spelled_alike
from ..where import (
    call_arguments,
    callee,
    code_only,
    failing_call,
    failing_line_number,
    loop_or_unpack,
    own_lines,
    raised_by_the_line,
)
from .base import Template, group_facts, pattern_rule
from .indexes import non_integer_index_hint
from .module_names import STDLIB_TOPS
from .none_values import no_gradient_hint, none_hint
from .number_arguments import NUMBERS, is_number, number_argument_words
from .word_operands import text_operand_words

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NOT_CALLABLE = "types.not_callable"
NOT_SUBSCRIPTABLE = "types.not_subscriptable"
NOT_ITERABLE = "types.not_iterable"
UNHASHABLE = "types.unhashable"
BAD_OPERANDS = "types.bad_operands"
STR_CONCAT = "types.str_concat"
NOT_SERIALIZABLE = "types.not_serializable"
TEXT_EXPECTED = "types.text_expected"
CANNOT_INTERPRET = "types.cannot_interpret"
UNSUPPORTED_DTYPE_OPERATION = "types.unsupported_dtype_operation"
DTYPE_PROMOTION = "types.dtype_promotion"
CONTEXT_MANAGER = "types.context_manager"
OPENCV_NOT_ARRAY = "types.opencv_not_array"
TYPE_ERROR = "types.type_error"

_T = "type_error"


def _type_of(parsed, m):
    facts = group_facts(type="type", other="other", op="op")(parsed, m)
    if facts.get("type") == "NoneType":
        facts["none"] = "yes"
    return facts


RULES = (
    pattern_rule(
        NOT_CALLABLE,
        _T,
        r"'(?P<type>[\w.]+)' object is not callable",
        enames={"TypeError"},
        confidence=0.93,
        facts=_type_of,
    ),
    pattern_rule(
        NOT_SUBSCRIPTABLE,
        _T,
        r"'(?P<type>[\w.]+)' object is not subscriptable|object of type '(?P<t2>\w+)' has no len"
        r"|'(?P<t3>[\w.]+)' object does not support item assignment"
        # Python before 3.7 words "not subscriptable" so: `'set' object does not support indexing`
        r"|'(?P<t4>[\w.]+)' object does not support indexing"
        # Python 2 words indexing a bound method so: `'instancemethod' object has no attribute
        # '__getitem__'`
        r"|'(?P<t5>instancemethod)' object has no attribute '__getitem__'",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: (
            _type_of(p, m) or {"type": m.group("t2") or m.group("t3") or m.group("t4") or ""}
            if not m.group("t5")
            else {"type": "method"}
        ),
    ),
    pattern_rule(
        NOT_ITERABLE,
        _T,
        r"'(?P<type>[\w.]+)' object is not iterable|cannot unpack non-iterable (?P<t2>\w+) object",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: {"type": m.group("type") or m.group("t2") or ""},
    ),
    pattern_rule(
        UNHASHABLE,
        _T,
        r"unhashable type: '(?P<type>[\w.]+)'",
        enames={"TypeError"},
        confidence=0.9,
        facts=_type_of,
    ),
    pattern_rule(
        BAD_OPERANDS,
        _T,
        r"unsupported operand type\(s\) for (?P<op>\S+): '(?P<type>[\w.]+)' and '(?P<other>[\w.]+)'"
        r"|'(?P<op2>[<>=!]+)' not supported between instances of '(?P<t2>[\w.]+)' and "
        r"'(?P<o2>[\w.]+)'"
        r"|bad operand type for unary (?P<op3>\S+): '(?P<t3>[\w.]+)'"
        r"|Invalid comparison between dtype=(?P<t4>\w+)|Cannot compare types '(?P<t5>[^']+)'",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: {
            "op": m.group("op") or m.group("op2") or m.group("op3") or "",
            "type": m.group("type")
            or m.group("t2")
            or m.group("t3")
            or m.group("t4")
            or m.group("t5")
            or "",
            "other": m.group("other") or m.group("o2") or "",
        },
    ),
    pattern_rule(
        STR_CONCAT,
        _T,
        r"can only concatenate (?P<type>\w+) \(not \"(?P<other>\w+)\"\) to \w+"
        r"|must be str, not (?P<o2>\w+)|can't multiply sequence by non-int"
        r"|Can't convert '(?P<o3>\w+)' object to str implicitly",
        enames={"TypeError"},
        confidence=0.88,
        facts=lambda p, m: {
            "type": m.group("type") or "str",
            "other": m.group("other") or m.group("o2") or m.group("o3") or "",
        },
    ),
    pattern_rule(
        NOT_SERIALIZABLE,
        _T,
        r"Object of type '?(?P<type>\w+)'? is not JSON serializable|cannot pickle '(?P<t2>[\w.]+)'"
        r"|can't pickle (?P<t3>\w+)",
        confidence=0.8,
        facts=lambda p, m: {"type": m.group("type") or m.group("t2") or m.group("t3") or ""},
    ),
    pattern_rule(
        # A text function (re, str methods) called with NaN or another non-string argument.
        TEXT_EXPECTED,
        "invalid_argument",
        r"expected string or bytes-like object(?:, got '(?P<type>\w+)')?",
        enames={"TypeError"},
        confidence=0.85,
        facts=lambda p, m: {"type": m.group("type") or "", "detail": "text"},
    ),
    pattern_rule(
        CANNOT_INTERPRET,
        _T,
        r"'(?P<type>[\w.]+)' object cannot be interpreted as an (?:integer|index)"
        r"|only (?:integer scalar arrays|size-1 arrays) can be converted"
        r"|argument must be a string or a (?:real )?number, not '(?P<t2>\w+)'"
        r"|must be real number, not (?P<t3>\w+)",
        enames={"TypeError"},
        confidence=0.8,
        facts=lambda p, m: {"type": m.group("type") or m.group("t2") or m.group("t3") or ""},
    ),
    pattern_rule(
        UNSUPPORTED_DTYPE_OPERATION,
        _T,
        r"does not support (?:operation|reduction) '?(?P<op>\w+)'?|no numeric data to plot"
        r"|Cannot perform reduction '(?P<op3>\w+)' with (?:string|object) dtype"
        # a long message is cut in its middle (`[...]` on a line of its own): `[\s\S]` spans it
        r"|Could not convert [\s\S]* to numeric|agg function failed \[how->(?P<op2>\w+)",
        enames={"TypeError"},
        confidence=0.8,
        facts=lambda p, m: {"op": m.group("op") or m.group("op2") or m.group("op3") or ""},
    ),
    pattern_rule(
        DTYPE_PROMOTION,
        _T,
        r"could not be promoted by|ufunc '\w+' did not contain a loop with signature matching types"
        r"|ufunc '\w+' not supported for the input types",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        CONTEXT_MANAGER,
        _T,
        r"'(?P<type>[\w.]+)' object does not support the (?:asynchronous )?context manager"
        r" protocol",
        enames={"TypeError", "AttributeError"},
        confidence=0.85,
        facts=lambda p, m: {"type": m.group("type")},
    ),
    pattern_rule(
        # A cv2 function got no NumPy image but None (a failed imread), a PIL image, a list, or
        # an array of a dtype OpenCV has no type for: the object's type, not a parameter value.
        OPENCV_NOT_ARRAY,
        _T,
        r"Expected (?:Ptr<)?cv::UMat>? for argument '(?P<arg>\w+)'"
        r"|(?P<arg2>\w+) is not a numpy array, neither a scalar",
        library="cv2",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {
            "argument": m.group("arg") or m.group("arg2"),
            "dtype": (re.search(r"data type = (\w+) is not supported", p.message) or [0, ""])[1],
        },
    ),
    pattern_rule(
        TYPE_ERROR,
        _T,
        enames={"TypeError"},
        confidence=0.5,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads

# Attributes that are values, not methods: ``df.shape()`` calls a tuple.
_ATTRIBUTE_TYPES = {
    "shape": ("tuple", "torch.Size", "TensorShape"),
    "values": ("numpy.ndarray",),
    "columns": ("Index", "RangeIndex", "MultiIndex"),
    "index": ("Index", "RangeIndex", "MultiIndex", "DatetimeIndex"),
    "dtypes": ("Series",),
    "size": ("int",),
    "ndim": ("int",),
    "T": ("DataFrame", "numpy.ndarray"),
}
# A statement that tests its expression for one True/False.
_TESTED = re.compile(r"\s*(?:if|elif|while|assert)\b")
_CALL_NAME = re.compile(r"(?<![\w.\]\)])([A-Za-z_]\w*(?:\.\w+)*)\s*\(")


def _object_attributes_called(p) -> list[str]:
    """The `self.x` attributes the failing line calls (`self.fc2(self.fc1(x))`), innermost
    last, when every call of the line is one: a method's line that calls nothing else, so the
    value called is an attribute the object was given, not a name that hides a function. []
    otherwise."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", p.user_line)
    called = _CALL_NAME.findall(bare)
    if not called or re.search(r"[\])]\s*\(", bare):
        return []
    if not all(re.fullmatch(r"self\.\w+", name) for name in called):
        return []
    return list(dict.fromkeys(called))


def _only_call(p) -> str:
    """The name the failing line calls, when it calls exactly one thing (and nothing that is
    not a name, such as ``fns[0](x)`` or ``f(a)(b)``)."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", p.user_line)
    names = _CALL_NAME.findall(bare)
    if len(names) != 1 or re.search(r"[\])]\s*\(", bare):
        return ""
    return names[0]


_TEXT_DTYPE = re.compile(r"dtype\('?<?[UO]|dtype\('?object|dtype\('?str|StrDType|ObjectDType")
# A string literal on one side of a `+` (not `+=`).
_JOINED_TEXT = re.compile(
    r"""(?P<lit>(['"])[^'"\n]*\2)\s*\+(?!=)|(?<![=<>!+])\+\s*(?P<lit2>(['"])[^'"\n]*\4)"""
)


# The operator a line writes for a NumPy ufunc.
_UFUNC_OPERATORS = {
    "add": "+",
    "subtract": "-",
    "multiply": "*",
    "true_divide": "/",
    "divide": "/",
    "floor_divide": "//",
    "power": "**",
}
# The two input dtypes of "signature matching types (dtype('<U1'), dtype('int32'))".
_SIGNATURE_DTYPES = re.compile(r"matching types \((dtype\([^)]*\)), (dtype\([^)]*\))\)")


def _text_operand(p, ufunc: str) -> str:
    """The operand that holds text, when the line is one `a op b` of two plain names (or its
    assignment) and the message's signature shows which of its two inputs is text."""
    op = _UFUNC_OPERATORS.get(ufunc)
    dtypes = _SIGNATURE_DTYPES.search(p.message)
    if not op or not dtypes or not raised_by_the_line(p):
        return ""
    text = [bool(_TEXT_DTYPE.search(d)) for d in dtypes.groups()]
    if text[0] == text[1]:
        return ""  # both or neither: no one side to name
    names = r"([A-Za-z_]\w*)"
    line = re.sub(r"^\s*[A-Za-z_]\w*\s*=(?!=)", "", p.user_line.split("#", 1)[0])
    m = re.fullmatch(rf"\s*{names}\s*{re.escape(op)}\s*{names}\s*", line)
    if m is None:
        return ""
    return m.group(1) if text[0] else m.group(2)


def _text_and_numbers_mixed(p, f):
    """When: a ufunc found no loop for its input dtypes; text / object only when the message
    shows a text or object dtype."""
    ufunc = re.search(r"ufunc '(\w+)'", p.message)
    name = ufunc.group(1) if ufunc else ""
    if name == "invert":
        return (
            "`~` works on booleans (and integers), and these values are neither: build the mask "
            "with a comparison first (e.g. `~(df['a'] > 0)` or `~df['a'].isna()`)."
        )
    if "DateTime64DType" in p.message or "Timedelta64DType" in p.message:
        # NumPy names the datetime dtype it cannot mix with numbers: no text is involved.
        return (
            "NumPy cannot put datetimes and numbers in one array: drop the datetime columns "
            "before this step, or convert them to numbers first (e.g. `.dt.year` or "
            "`.astype('int64')`)."
        )
    text_dtype = _TEXT_DTYPE.search(p.message)
    joined = _JOINED_TEXT.search(p.user_line) if name == "add" and text_dtype else None
    if joined:
        literal = joined.group("lit") or joined.group("lit2")
        # `df['score'] + 'pt'`, `x + " " + y`: text joined to numbers, not numbers wanted
        return (
            f"This `+` joins the text `{literal}` to NumPy values, and NumPy does not "
            "add text to them: convert the values to text first (`str(x)`, or `.astype(str)` "
            "for an array or column); to add numbers, write them without quotes."
        )
    text_operand = _text_operand(p, name)
    if text_operand:
        return (
            f"`{text_operand}` holds text (a string dtype) and NumPy's `{name}` needs numbers on "
            f"both sides: convert `{text_operand}` to a number first (`float(...)`, or "
            f"`.astype(float)` for an array), or check what it was assigned."
        )
    if text_dtype:
        what = f"NumPy's `{name}`" if name else "NumPy"
        return (
            f"{what} got text (or Python objects) where it needs numbers: convert the array to "
            "a numeric dtype first (e.g. `arr.astype(float)` after cleaning the text values)."
        )
    size = _text_as_scatter_size(p) if name == "sqrt" else ""  # matplotlib's `set_sizes`
    if size:
        return size
    if name and not raised_by_the_line(p) and name not in p.user_line:
        # A library (a plot, a statistic) ran the ufunc on data the line passed it.
        return (
            f"A library function this line calls ran NumPy's `{name}` on data you passed, and "
            "that data is not numeric (probably text or Python objects, dtype `object`): print "
            "the `.dtype` of what you pass, and convert with `pd.to_numeric(...)` or pass "
            "numeric columns."
        )
    if name:
        return (
            f"NumPy's `{name}` does not support the dtypes it got: print the `.dtype` of its "
            "inputs; an `object` dtype holds text or Python objects and needs `.astype(float)`."
        )
    return None


# `.groupby(["Make"])`, `.groupby(by=['a', 'b'])`: the keys the rows are grouped by.
_GROUP_KEYS = re.compile(r"\.groupby\((?:[^()]|\([^()]*\))*\)")

# `df["Hobbyist"].plot(`: one column of a frame plotted (group 1 the column, 2 its name)
_ONE_COLUMN_PLOTTED = re.compile(r"""([A-Za-z_][\w.]*\[\s*(?:'([^']+)'|"([^"]+)")\s*\])\.plot\b""")


def _made_true_false(code: str, name: str) -> bool:
    """The code assigns the column ``name`` a test's result (a comparison, `.isin(...)`,
    `.isna()`, `.duplicated()`): True/False values, no text."""
    target = rf"""\[\s*['"]{re.escape(name)}['"]\s*\]\s*=(?!=)"""
    test = r"(?:[<>]=?|==|!=)|\.(?:isin|isna|isnull|notna|notnull|duplicated|str\.contains)\("
    return bool(re.search(rf"{target}[^\n]*?(?:{test})", code))


def _text_columns_in_numeric_operation(p, f):
    """When: pandas refused a numeric reduction or plot because the data is not numeric. A
    column named inside `groupby(...)` is a group key, not a column the reduction computes on."""
    computed = _GROUP_KEYS.sub(".groupby()", p.user_line)
    column = re.findall(r"\[\s*['\"]([^'\"]+)['\"]\s*\]", computed)
    where = f"`{column[0]}`" if len(set(column)) == 1 else "The data"
    single = _ONE_COLUMN_PLOTTED.search(p.user_line)
    if "no numeric data to plot" in p.message and single:
        # one text column: categories (Yes/No) are counted, not converted (coerce gives NaN)
        col, name = single.group(1), single.group(2) or single.group(3)
        if _made_true_false(p.user_code, name):
            # `df['big'] = df['price'] > 100`: a bool column, which pandas does not plot either
            return (
                f"`{name}` holds True/False values, which pandas does not plot as numbers: plot "
                f"their counts, `{col}.value_counts().plot(kind='bar')`, or convert them first "
                f"with `{col}.astype(int)`."
            )
        return (
            f"`{name}` holds text, not numbers: if its values are categories (such "
            f"as Yes/No), plot their counts, `{col}.value_counts().plot(kind='bar')`; if they "
            "are numbers stored as text, convert them with `pd.to_numeric(..., errors='coerce')` "
            "first."
        )
    if "no numeric data to plot" in p.message:
        return (
            f"{where} has no numeric values to plot (its dtype is text/object): convert it with "
            "`pd.to_numeric(..., errors='coerce')` (after removing symbols such as `$` or `,`)."
        )
    op = f" `{f['op']}`" if f.get("op") else ""
    after = re.search(r"\.(\w+)\(\s*\)\s*\[\s*['\"]([^'\"]+)['\"]\s*\]", p.user_line)
    if after and after.group(1) == f.get("op"):
        # `.mean()['Survived']`: the reduction ran on every column first, and a text column
        # (not necessarily the one picked after it) failed.
        col, how = after.group(2), after.group(1)
        first = (
            f"df.groupby(...)['{col}'].{how}()"
            if "groupby" in p.user_code
            else f"df['{col}'].{how}()"
        )
        return (
            f"`.{how}()` runs on every column before `['{col}']` picks one, and some column "
            f"holds text: select the column first, e.g. `{first}`, or pass `numeric_only=True`."
        )
    plot = re.search(r"\b(?:sns|seaborn|plt)\.(\w+)\(", p.user_line)
    if plot and re.match(r"Could not convert [\d.]{8}(?![^\s]{0,40}[-/:,])", p.message):
        # "Could not convert 96.195.094.3... to numeric": pandas summed texts of numbers into one
        # (dates, `2021-01-01...`, are no numbers to convert; nor `1,234` with its separator,
        # which pd.to_numeric turns into NaN)
        return (
            f"`{plot.group(0)[:-1]}` computes on a column that holds numbers written as text "
            "(pandas joined them into the text the message shows): convert it first, "
            "`df['col'] = pd.to_numeric(df['col'], errors='coerce')`."
        )
    if plot:
        # A plot's statistic (seaborn's mean, regression): `numeric_only` and `select_dtypes`
        # are no arguments of it, and words such as 'yes'/'no' do not parse as numbers.
        return (
            f"`{plot.group(0)[:-1]}` computes on a column that holds text: pass numeric columns; "
            "for categories written as words, map them to numbers first (`.map({...})`)."
        )
    if column and len(set(column)) == 1:
        return (
            f"{where} holds text, so{op or ' the operation'} cannot compute on it: convert it with "
            f"`pd.to_numeric(df['{column[0]}'], errors='coerce')` if it holds numbers written as "
            "text, or use the numeric columns only (`df.select_dtypes('number')`)."
        )
    return (
        f"The operation{op} got text columns: select the numeric columns first, e.g. "
        "`df.select_dtypes('number')` or `numeric_only=True`, or convert with `pd.to_numeric`."
    )


def _opencv_not_an_array(p, f):
    arg = f.get("argument", "src")
    if f.get("dtype"):
        return (
            f"The image `{arg}` is a NumPy array of dtype {f['dtype']}, which OpenCV cannot use: "
            "convert it with `.astype('uint8')` (or `'float32'`) first."
        )
    pair = _video_read_pair(p)
    if pair:
        name, read = pair
        return (
            f"`{name}` holds what `{read}` returns, a pair (ret, frame), not the image: unpack "
            f"it, `ret, {name} = {read}`, and check `ret` before using the frame."
        )
    rebound = _pair_stored_over_its_image(p)
    if rebound:
        name, function = rebound
        return (
            f"`cv2.{function}` returns a pair (retval, image), and this line stores the pair in "
            f"`{name}`, which it also reads: after one run `{name}` is that pair; write "
            f"`_, {name} = cv2.{function}(...)` and load `{name}` again."
        )
    return (
        f"OpenCV's `{arg}` argument is not a NumPy image: it is often None (a failed "
        "`cv2.imread`), a PIL image or a list; check `img is not None` and convert with "
        "`np.array(img)`."
    )


# cv2 functions whose first argument is a window's or a file's name, the image the second.
_IMAGE_SECOND = ("imshow", "imwrite")


# cv2 functions that return (retval, image): stored in one name, the name holds a tuple.
_RETURNS_A_PAIR = ("threshold",)


def _pair_stored_over_its_image(p) -> tuple[str, str] | None:
    """(name, function) of `img = cv2.threshold(img, ...)`: the failing line gives the name the
    pair it returns, so a second run passes that tuple as the image."""
    m = re.match(r"\s*([A-Za-z_]\w*)\s*=\s*cv2\.(\w+)\s*\(", p.user_line)
    if not m or m.group(2) not in _RETURNS_A_PAIR:
        return None
    given = call_arguments(p.user_line[m.end() - 1 :])
    if not given or given[0].strip() != m.group(1):
        return None
    return m.group(1), m.group(2)


def _video_read_pair(p) -> tuple[str, str] | None:
    """(name, `cap.read()`) when the cv2 call's image argument is a plain name that the code
    only ever assigns a capture's `.read()`: VideoCapture.read gives a (ret, frame) tuple,
    which OpenCV refuses as an image."""
    call = re.search(r"\bcv2\.(\w+)\s*\(", p.user_line)
    given = call_arguments(p.user_line[call.start() :]) if call else []
    # `imshow(winname, mat)`, `imwrite(filename, img)`: the image comes after a name
    at = 1 if call and call.group(1) in _IMAGE_SECOND else 0
    name = given[at].strip() if len(given) > at else ""
    code, _ = seen_code(p)
    if not name.isidentifier() or "VideoCapture(" not in code:
        return None
    values = assigned_values(code, name)
    reads = [v for v in values if re.fullmatch(r"[A-Za-z_]\w*\.read\(\s*\)", v)]
    return (name, reads[-1]) if reads and len(reads) == len(values) else None


# `sorted(xs, key='name')`: Python calls what `key=` holds on each item.
_KEY_TEXT = re.compile(
    r"\b(?:sort|sorted|min|max)\s*\((?:[^()]|\([^()]*\))*?\bkey\s*=\s*((['\"])[^'\"]*\2)"
)


def _key_given_text(p, t: str) -> str:
    """`values.sort(key='name')`: the str called is the sort key, a text where a function
    belongs. Raised by the builtin itself (no frame below the line's), so `key=` got it."""
    key = _KEY_TEXT.search(p.user_line) if t == "str" else None
    if key is None or p.last_frame is None or not p.last_frame.is_user:
        return ""
    text = key.group(1)
    return (
        f"`key=` takes a function that is called on each item, not the text `{text}`: e.g. "
        f"`key=lambda v: v[{text}]` for dicts (or `v[0]`, `v.attr`: what gives the value to "
        "sort by)."
    )


def _assigned_attribute(p, name: str) -> bool:
    """Some code seen assigns the attribute `obj.attr` the line calls (`obj.attr = ...`)."""
    attr = name.rsplit(".", 1)[-1]
    code, _ = seen_code(p)
    return re.search(rf"\.{re.escape(attr)}\s*=(?!=)", code) is not None


def _soup_child_tag(p, name: str) -> str | None:
    """`soup.body.div.split()` in a notebook that imports BeautifulSoup: a Tag's unknown
    attribute is a search for a child tag of that name, None when there is none; else None (the
    safe hint: the object's own attribute is None, no assignment of the user's to blame)."""
    code, _ = seen_code(p)
    if not re.search(r"^\s*(?:from\s+bs4\s+import|import\s+bs4)\b", code, re.M):
        return None
    tag, method = name.rsplit(".", 1)
    fix = (
        f"take its text first, `{tag}.get_text().{method}()`"
        if hasattr(str, method)  # a text method: the tag's text has it
        else "check the method's name in BeautifulSoup's documentation"
    )
    return (
        f"If `{tag}` is a BeautifulSoup tag, `.{method}` looks for a child tag `<{method}>` and "
        f"gives None when there is none: a tag has no `{method}()` method; {fix}."
    )


# TensorFlow's `tf.data` pipeline classes (`_PrefetchDataset`, `BatchDataset`, `MapDatasetV2`…)
_TF_DATASET = re.compile(
    r"_?(?:Prefetch|Batch|PaddedBatch|Map|ParallelMap|Shuffle|Take|Skip|TensorSlice|Tensor|"
    r"Repeat|Cache|Filter|Zip|Concatenate|Unbatch|Range|FlatMap|Interleave|ParallelInterleave|"
    r"Options|Window|Shard|Rebatch|Scan|Generator|TFRecord|TextLine)"
    r"Dataset(?:V[12])?"
)


# `import matplotlib as plt`: the alias of a package's submodule given to the package itself
_PACKAGE_AS_ALIAS = re.compile(r"^[ \t]*import[ \t]+(matplotlib)[ \t]+as[ \t]+(plt)\b", re.M)
_ALIAS_MEANT = {("matplotlib", "plt"): "matplotlib.pyplot"}


def _package_as_alias(p, name: str) -> str | None:
    """`plt.legend()` is a module when the code imports `matplotlib as plt`: pyplot was meant
    (its `legend` is a function, the package's `legend` a module)."""
    head, _, attr = (name or "").partition(".")
    if not attr or "." in attr:
        return None
    for m in _PACKAGE_AS_ALIAS.finditer(seen_code(p)[0]):
        package, alias = m.groups()
        if alias == head:
            meant = _ALIAS_MEANT[(package, alias)]
            return (
                f"`{alias}` is the `{package}` package itself here (`import {package} as "
                f"{alias}`), so `{name}` is its module, not a function: import "
                f"`{meant}` instead (`import {meant} as {alias}`) and re-run."
            )
    return None


def _tf_dataset_indexed(p, t: str, indexed: str) -> str | None:
    """`test_ds[0]` on a `tf.data` pipeline: it streams batches and has no items by position."""
    if "subscriptable" not in p.message or not _TF_DATASET.fullmatch(t):
        return None
    if "mindspore" in seen_code(p)[0]:
        return None  # MindSpore's pipeline has the same class names (`BatchDataset`, ...)
    ds = f"`{indexed}`" if indexed else "it"
    return (
        f"A `tf.data` dataset (`{t}`) cannot be indexed with `[...]`: pass {ds} whole (e.g. to "
        "`model.predict`), or take a batch with `.take(1)` (or `next(iter(...))`)."
    )


def _not_callable(p, f):
    """When: the failing line calls something that is not callable. A library's own call of a
    non-callable (a callback it stored) is not the user's line: the safe hint speaks, unless
    the library's line calls a module's function that now holds a plain value."""
    if not raised_by_the_line(p):
        return _module_function_replaced(p, f.get("type", ""))
    t = f.get("type", "")
    key = _key_given_text(p, t)
    if key:
        return key
    for attr, types in _ATTRIBUTE_TYPES.items():
        m = re.search(rf"([\w.\]\[')\"]+)\.{attr}\s*\(\s*\)", p.user_line)
        if m and t in types:
            return (
                f"`.{attr}` is an attribute (a {t}), not a method: write `{m.group(1)}.{attr}` "
                "without the `()`."
            )
    if t.endswith("Index") and re.search(r"\.index\s*\(", p.user_line):
        # `s.index(max(s))`: list's method, but a pandas object's `.index` holds its labels.
        return (
            f"`.index` of a pandas object is its labels (`{t}`), not list's `.index()` "
            "method: for the label of the largest value use `.idxmax()`, for a position "
            "`list(x).index(v)`."
        )
    constant = _module_constant_called(p, t)
    if constant:
        return constant
    name = _only_call(p) or _only_unimported_call(p)
    if not name and is_number(t):
        name = _only_call_but_builtins(p)
    if t == "module":
        if name and hasattr(builtins, name):
            # `import str` (a file or package of that name) hides Python's own `str`: the call
            # meant the builtin, not something inside the module.
            return (
                f"`{name}` is a module here, so it hides Python's built-in `{name}`: remove the "
                f"`import {name}` (or import it under another name) and restart the kernel."
            )
        if name and "." not in name:
            return (
                f"`{name}` is a module here, not a function: call the function or class inside "
                f"it (`{name}.something(...)`, see `dir({name})`), or import that one by name."
            )
        package = _package_as_alias(p, name)
        if package:
            return package
        return "You call a module: call the class or function inside it (`module.function(...)`)."
    if t == "NoneType":
        chained = re.search(r"\bprint\((?:[^()]|\([^()]*\))*\)\s*(\([^()]*\))", p.user_line)
        if chained:
            # `print(x.shape) (5, 1024)`: the parenthesis after print's call calls its None.
            return (
                f"`print(...)` returns None, and the `{chained.group(1)}` right after it calls "
                "that None: delete it, or make it a comment (`# ...`)."
            )
        if name and "." in name and not _assigned_attribute(p, name):
            # no code sets that attribute: the object itself answered None for it
            return _soup_child_tag(p, name)
        holds = f"`{name}` is None" if name else "What is called here is None"
        return (
            f"{holds}, not a function: the variable (or attribute) that should hold the function "
            "was set to None, often by assigning a call's result that returns nothing."
        )
    sympy = _sympy_call_hint(p, t, name)
    if sympy:
        return sympy
    layers = _object_attributes_called(p) if t == "tuple" else []
    if layers:
        # `self.fc = nn.Linear(2, 4),` in `__init__`: the trailing comma stored a tuple
        which = (
            f"`{layers[0]}`"
            if len(layers) == 1
            else "one of " + ", ".join(f"`{a}`" for a in layers)
        )
        return (
            f"{which[0].upper()}{which[1:]} holds a tuple, not a function or layer: if its "
            f"assignment (in `__init__`) ends in a comma, `{layers[-1]} = ...,`, that comma made "
            "the tuple; remove it and create the object again."
        )
    if name:
        return _called_value(p, name, t)
    held = _number_attributes_called(p) if is_number(t) else []
    if held:
        # `model.rsquared()`: a fitted result keeps numbers as attributes, not methods
        which = " or ".join(f"`{a}`" for a in held[:2])
        return (
            f"{which} holds a number (`{t}`), not a method: read it without the `()` (`{held[0]}`)."
        )
    if is_number(t):
        # a number cannot be indexed either, so "use [...]" would be wrong: `a(-1)` on an int.
        return (
            f"A number (`{t}`) is called like a function: check what stands before `(...)` on "
            "this line (a missing `*`, as in `2(x + 1)`?), or a variable has replaced a function "
            "of the same name (e.g. `sum = ...`); rename it and re-run."
        )
    if t in ("list", "dict", "str", "tuple", "DataFrame", "Series") and _item_called(p):
        # `data["type"]("Movie")`: what is called is an item, not a name that could hide a
        # function; the `(...)` was meant as an index or as a comparison with the value.
        return (
            f"The `(...)` right after a `[...]` on this line calls the item it took, a `{t}`: "
            "to take items write `[...]`, to compare with a value write `== value`."
        )
    if t in ("list", "dict", "str", "tuple", "DataFrame", "Series"):
        return (
            f"A `{t}` is called like a function: use `[...]` to index it, or a variable has "
            "replaced a function of the same name (e.g. `list = ...`); rename it and re-run."
        )
    if t == "DeprecationWrapper":  # TensorFlow 1.14's wrapper of a module (`tf.train`, …)
        return "You call a module: call the class or function inside it (`module.function(...)`)."
    if _decorated_call(p):
        return None  # a decorator made the `def` an object (numba, …): no variable hides it
    # A library's object that is not callable (a loaded model, a tracker): a variable hiding a
    # function is one reading; the other is that the object works through its methods.
    return (
        f"{article(t).capitalize()} `{t}` object is called with `(...)` but is not a function: "
        "if a variable hides a function of the same name, rename it and restart; else call one "
        "of the object's methods (see `dir(...)`)."
    )


# Module aliases as libraries write them: `np.zeros(...)` there is NumPy's function.
_MODULE_CALL = re.compile(r"(?<![\w.])(np|numpy|math|os|pd|pandas)\.(\w+)\s*\(")
_PLAIN_VALUES = frozenset({"tuple", "list", "dict", "str", "int", "float", "bool", "set"})


def _item_called(p) -> bool:
    """The line calls what one `[...]` took (`d["k"](x)`), and no name (methods aside)."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", p.user_line)
    return len(re.findall(r"\]\s*\(", bare)) == 1 and not _CALL_NAME.findall(bare)


def _module_function_replaced(p, t: str) -> str | None:
    """A library's line calls a module's function (`np.zeros(shape)` in Keras) and a plain value
    (a tuple) was called: if it is that function, an assignment in this kernel replaced it for
    every library (`np.zeros = ...`); the other calls of the line are named as the other
    reading."""
    last = p.last_frame
    if last is None or last.is_user or t not in _PLAIN_VALUES:
        return None
    calls = _MODULE_CALL.findall(last.failing_line or "")
    if len(calls) != 1:
        return None
    module, name = calls[0]
    package = last.package or last.library
    where = f"`{package}`" if package else "the library"
    line = last.failing_line.strip()
    line = line if len(line) <= 60 else line[:59] + "…"
    return (
        f"Inside {where}, the line `{line}` called a `{t}`: if it "
        f"is `{module}.{name}`, that function was replaced in this kernel (an assignment such as "
        f"`{module}.{name} = ...`); restart the kernel and remove that assignment."
    )


# SymPy's expression classes that a "not callable" names: a symbol or an expression built from
# symbols (`x + 1` is an `Add`). Other libraries' `Symbol` (MXNet's) can be called.
_SYMPY_EXPRESSIONS = frozenset({"Symbol", "Add", "Mul", "Pow", "Integer", "Rational", "Float"})


def _sympy_call_hint(p, t: str, name: str) -> str:
    """`y(t)` where `y = sp.symbols('y')`: a SymPy symbol is no function, so neither a hidden
    function nor the object's methods are the way; an unknown function (`y(t)` in an ODE) is a
    `Function`, a product needs `*`. Only when the code imports SymPy."""
    if t not in _SYMPY_EXPRESSIONS:
        return ""
    code, _ = seen_code(p)
    alias = re.search(r"^[ \t]*import[ \t]+sympy(?:[ \t]+as[ \t]+(\w+))?[ \t]*$", code, re.M)
    if alias is None and not re.search(r"^[ \t]*from[ \t]+sympy\b", code, re.M):
        return ""
    prefix = f"{alias.group(1) or 'sympy'}." if alias else ""
    f = name if name and name.isidentifier() else _called_symbol(p.user_line, code) or "f"
    what = "A SymPy symbol" if t == "Symbol" else f"A SymPy expression (`{t}`)"
    # `f = x**2` then `f(2)`: an expression evaluated at a value, which neither a Function nor
    # a `*` gives
    return (
        f"{what} is called like a function, which it is not: to evaluate an expression at a "
        f"value, substitute it (`{f}.subs(x, 2)`, or make a function with "
        f"`{prefix}lambdify(x, {f})`); "
        f"for an unknown function (as in `{f}(t)` of a differential equation) create it with "
        f"`{f} = {prefix}Function('{f}')`; for a product write `*` (`x*(x + 1)`, not "
        "`x(x + 1)`)."
    )


def _called_symbol(line: str, code: str) -> str:
    """A plain name ``line`` calls that ``code`` makes a SymPy symbol (`y, t = sp.symbols(...)`
    then `y(t)`), or ""."""
    made = re.findall(r"^[ \t]*([\w, \t]+?)[ \t]*=[ \t]*(?:\w+\.)?(?:symbols|Symbol)\(", code, re.M)
    symbols = {n.strip() for targets in made for n in targets.split(",")}
    called = re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", line)
    return next((n for n in called if n in symbols), "")


def _decorated_call(p) -> bool:
    """The line calls a name the notebook defines with a decorated `def` and never assigns:
    the decorator's object is what is not callable here."""
    code, _ = seen_code(p)
    for name in _CALL_NAME.findall(p.user_line):
        n = re.escape(name)
        decorated = re.search(rf"^[ \t]*@.+\n(?:[ \t]*@.+\n)*[ \t]*def[ \t]+{n}\b", code, re.M)
        if decorated and not re.search(rf"^[ \t]*{n}[ \t]*=(?!=)", code, re.M):
            return True
    return False


# Standard modules whose import does something (opens a window, a browser, prints).
_IMPORT_ACTS = frozenset({"antigravity", "this", "turtle", "turtledemo", "idlelib", "tkinter"})


def _standard_module_value(
    code: str, alias: str, attribute: str, t: str
) -> tuple[str, bool] | None:
    """(the standard module `alias` names, whether its value has items) when the code imports
    a standard module as `alias` (`import calendar as cd`) whose `attribute` is no function and
    of type ``t``: the module's own value, not one an assignment put there; else None."""
    if not alias or "." in alias or not attribute:
        return None
    m = re.search(
        rf"^[ \t]*import[ \t]+([\w.]+)[ \t]+as[ \t]+{re.escape(alias)}[ \t]*$", code, re.M
    )
    module = m.group(1) if m else ""
    if not module and re.search(rf"^[ \t]*import[ \t]+{re.escape(alias)}[ \t]*$", code, re.M):
        module = alias
    if module.split(".")[0] not in STDLIB_TOPS or module.split(".")[0] in _IMPORT_ACTS:
        return None
    try:
        value = getattr(importlib.import_module(module), attribute)
    except Exception:  # pragma: no cover - a module this Python lacks, or no such name
        return None
    if callable(value) or type(value).__name__ != t:
        return None
    return module, hasattr(type(value), "__getitem__")


# Numbers that numerical modules keep as values, not functions (`np.pi`, `math.e`, `torch.inf`).
_MODULE_CONSTANTS = frozenset({"pi", "e", "tau", "inf", "nan", "euler_gamma", "NaN", "Inf"})
_MODULE_CONSTANT_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\(")


def _module_constant_called(p, t: str) -> str | None:
    """`np.pi(x)`: a number called, and the line calls a number an imported module keeps as a
    value (`pi`, `e`, `inf`, `nan`) that the code never assigns: that call is the slip, not
    another name on the line (`print` around it is a function)."""
    if not is_number(t):
        return None
    code, _ = seen_code(p)
    for m in _MODULE_CONSTANT_CALL.finditer(p.user_line):
        alias, attribute = m.groups()
        if attribute not in _MODULE_CONSTANTS or not imports_name(code, alias):
            continue
        if f"{alias}.{attribute} =" in code or f"{alias}.{attribute}=" in code:
            continue
        return (
            f"`{alias}.{attribute}` is a number (a `{t}`), not a function: to multiply, "
            f"write `{alias}.{attribute} * (...)` instead of `{alias}.{attribute}(...)`."
        )
    return None


def _only_unimported_call(p) -> str:
    """The one name the line calls apart from functions of imported modules (`pd.concat` in
    `pd.concat([a, b(c)])`): the other call is the one that met a value."""
    code, _ = seen_code(p)
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", p.user_line)
    names = [
        n
        for n in _CALL_NAME.findall(bare)
        if not ("." in n and imports_name(code, n.split(".")[0]))
    ]
    if len(names) != 1 or re.search(r"[\])]\s*\(", bare):
        return ""
    return names[0]


def _only_call_but_builtins(p) -> str:
    """The one name the line calls apart from Python's builtins that the code never assigns
    (`a` in `print(a(-1))`): a builtin is a function, so the other call met the value."""
    code, _ = seen_code(p)
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", p.user_line)
    names = [
        n
        for n in _CALL_NAME.findall(bare)
        if not (
            callable(getattr(builtins, n, None))
            and not re.search(rf"^[ \t]*{re.escape(n)}[ \t]*=(?!=)", code, re.M)
        )
    ]
    if len(names) != 1 or re.search(r"[\])]\s*\(", bare):
        return ""
    return names[0]


_IMPORTS_PYSPARK = re.compile(r"^[ \t]*(?:from|import)[ \t]+pyspark\b", re.M)


def _spark_column_member(code: str, column: str, member: str) -> str | None:
    """`df.label.map(...)` on a PySpark Column: a Column answers a member it lacks with the
    nested field of that name (another Column), so the method is one Spark does not have, and
    neither dropping the `()` nor a renamed variable helps. Said only when the notebook imports
    pyspark; another library's `Column` gets the safe hint."""
    if not _IMPORTS_PYSPARK.search(code):
        return None
    return (
        f"`{column}` is a PySpark Column, which has no method `{member}` (a Column reads "
        f"`.{member}` as a nested field): use Spark's functions instead, e.g. "
        f'`df.withColumn("new", F.when(...).otherwise(...))` with '
        "`from pyspark.sql import functions as F`."
    )


_EMPTY_ATTRIBUTE_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\(\s*\)")
_ANY_CALL = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\s*\(")
_NUMBER_BEFORE_CALL = re.compile(r"(?:\d|\))\s*\(")
_MODULE_ALIASES = frozenset({"np", "pd", "math", "torch", "tf", "plt", "sns", "random", "scipy"})


def _number_attributes_called(p) -> list[str]:
    """The `obj.attr()` calls of the failing line, when they are its only calls (besides
    `print`/`display`): no bare name that a variable could hide, no `2(x)` nor `f()(x)`;
    a module's function (`np.pi()` aside) is no number."""
    line = p.user_line.split("#")[0]
    if _NUMBER_BEFORE_CALL.search(line):
        return []
    called = [m.group(1) for m in _ANY_CALL.finditer(line)]
    if any("." not in c and c not in ("print", "display") for c in called):
        return []
    found = [
        m.group(1)
        for m in _EMPTY_ATTRIBUTE_CALL.finditer(line)
        if m.group(1).split(".")[0] not in _MODULE_ALIASES
    ]
    if len(found) != len([c for c in called if "." in c]):
        return []  # a call with arguments may be the one (`f.area(r)` of a number `f.area`)
    return found


def _called_value(p, name: str, t: str) -> str:
    """`name(...)` where `name` holds a value of type ``t``. "An assignment replaced the
    function" only when there is a function of that name: a Python builtin, a ``def``, class,
    lambda or import in the notebook, or an imported module's attribute the code assigns
    (`plt.title = "x"`); else the ``()`` is the slip, said outright only of a plain name in a
    notebook seen whole (an object's attribute may hide a method of its class)."""
    code, whole = seen_code(p)
    first, _, attribute = name.rpartition(".")
    if t == "Column" and first:
        return _spark_column_member(code, first, attribute)
    builtin = not first and callable(getattr(builtins, name, None))
    # `plt.title = "Ages"`, `plt.ylim=(0, 8)`: the code set an attribute that its library (or
    # class) has as a method; the assignment is what put the value there, imported or not
    module_attribute = bool(first) and (
        re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)", code, re.M) is not None
    )
    if module_attribute and imports_name(code, first.split(".")[0]):
        # `plt.title = "Ages"`: the module keeps that value until the kernel restarts
        return (
            f"`{name}` holds a `{t}` here, not a function: an assignment (`{name} = ...`) "
            f"replaced the function of `{first}`; remove it and restart the kernel (importing "
            "again keeps the module as it is in memory)."
        )
    if first and attribute == "title" and t == "Text" and not module_attribute:
        # `ax.title('Sales')`: a matplotlib Axes keeps its title as a `Text` attribute by
        # design; no assignment replaced anything, and its setter is the method
        return (
            f"`{name}` is the title of a matplotlib Axes (a `Text`), not a method: set it "
            f"with `{first}.set_title(...)`."
        )
    if builtin and _callback_argument_unassigned(p.user_line, code, name):
        return None  # `sorted(xs, key=xs[0])`: the value may be the callback, not `sorted`
    if builtin or module_attribute or defines_callable(code, attribute or name):
        return (
            f"`{name}` holds a `{t}` here, not a function: an assignment (`{name} = ...`) "
            "replaced the function, or `[...]` was meant; rename the variable and re-run."
        )
    standard = _standard_module_value(code, first, attribute, t)
    if standard:
        # `calendar.day_name(...)`: the standard module's own value, of the very type the
        # message names, so no assignment replaced a function
        items = " (it holds items: take one with `[...]`)" if standard[1] else ""
        return (
            f"`{name}` is a value of the standard module `{standard[0]}` (a `{t}`), not a "
            f"function: drop the `()`{items}."
        )
    if first and imports_name(code, first.split(".")[0]):
        # `np.zeros(...)`: the name is the module's; whether it is a function of the module
        # (then something replaced it) or a value (then the `()` is the slip) is not seen here.
        # A second `import` finds the module in `sys.modules` and leaves the value there.
        return (
            f"`{name}` holds a `{t}` here, not a function: if it is a function of "
            f"`{first}`, an assignment (`{name} = ...`) replaced it: remove that assignment and "
            "restart the kernel (importing again keeps the module as it is in memory); if it is "
            "a value, drop the `()`."
        )
    if is_number(t):
        fix = f"write `{name} * (...)` to multiply, or drop the `()`"
        index = re.search(rf"\b{re.escape(name)}\(\s*(-?\d+)\s*\)", p.user_line)
        if index:
            # `a(-1)` on a number: an item was meant, but a number has none; its text has digits
            fix = (
                f"for a digit, index its text (`str({name})[{index.group(1)}]`: a number has no "
                f"items), or write `{name} * (...)` to multiply"
            )
    else:
        fix = f"write `{name}` without the `()`, or `{name}[...]` to take items"
    if whole and not first:  # an object's attribute may hide a method of its class: unseen
        # No function has this name, yet the user may have meant one of another name (a
        # `def get_result` for `result(...)`) or a method (`df.apply(f)` for `df(f)`): the `()`
        # is only one reading of the two.
        kin = _function_named_like(code, name)
        if kin:
            return (
                f"`{name}` holds a `{t}` here, not a function, and the notebook defines "
                f"`{kin}`: if that function was meant, call it by its name; if the value was "
                f"meant, {fix}."
            )
        return (
            f"`{name}` holds a `{t}` here, and no function of that name is defined or imported "
            f"in the notebook: if the value was meant, {fix}; if a function or method was "
            f"meant, call it by its own name (a method as `{name}.method(...)`)."
        )
    return (
        f"`{name}` holds a `{t}` here, not a function: {fix}; if a function of that name was "
        f"meant, an assignment `{name} = ...` replaced it (rename the variable)."
    )


# Built-ins that call a function they are given (`key=`, or map's and filter's first argument).
_CALLING_BUILTINS = frozenset({"sorted", "min", "max", "map", "filter"})


def _callback_argument_unassigned(line: str, code: str, name: str) -> bool:
    """`sorted(data, key=data[0][0])`: a built-in that calls an argument it was given, which the
    code never assigns; the value that is not callable may be that argument, not the built-in."""
    if name not in _CALLING_BUILTINS:
        return False
    if re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)", code, re.M):
        return False
    return name in ("map", "filter") or re.search(r"\bkey\s*=(?!=)", line) is not None


def _function_named_like(code: str, name: str) -> str:
    """The one function the code defines whose name holds ``name`` or is spelled close to it
    (`get_result` for `result`, `svckernel` for `svc`): the function the call may have meant."""
    defined = set(re.findall(r"^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)", code, re.M)) - {name}
    low = name.lower()
    kin = {d for d in defined if len(low) >= 3 and low in d.lower()}
    kin |= set(difflib.get_close_matches(name, sorted(defined), n=2, cutoff=0.8))
    return next(iter(kin)) if len(kin) == 1 else ""


def _assigned_above_in_cell(p, name: str) -> bool:
    """The crashing cell's own lines above its failing line assign `name` (`a = d.keys()`), at
    the start of a line, without compiling the name into a pattern."""
    number = failing_line_number(p)
    body = -1  # the indent of the `def`/`class` whose body is read, else -1
    for line in own_lines(p)[: max(number - 1, 0)]:
        rest = line.strip()
        indent = len(line) - len(line.lstrip())
        if body >= 0 and (not rest or indent > body):
            continue  # a function's local name, not the one the cell's line reads
        body = indent if re.match(r"(?:async\s+)?(?:def|class)\s", rest) else -1
        after = rest[len(name) :].lstrip() if rest.startswith(name) else ""
        if after.startswith("=") and not after.startswith("=="):
            return True
    return False


def _shown_lines_above(p) -> tuple[str, ...]:
    """The lines the last cell frame shows above its failing line (none when it shows none)."""
    frame = next((f for f in reversed(p.frames) if f.is_user), None)
    if frame is None or frame.failing_line not in frame.code_lines:
        return ()
    return frame.code_lines[: frame.code_lines.index(frame.failing_line)]


def _unpacked_before(p) -> bool:
    """A name the failing line indexes came, on a shown line above it, from unpacking a tuple
    (`ok, frame = cap.read()`): a call that returns a tuple with a None in it, not one that
    returns nothing."""
    before = _shown_lines_above(p)
    indexed = set(re.findall(r"\b([A-Za-z_]\w*)\s*\[", p.user_line))
    targets = (re.match(r"\s*([\w\s,]*,[\w\s,]*)=(?!=)", line) for line in before)
    unpacked = {w for m in targets if m for w in re.findall(r"\w+", m.group(1))}
    return bool(indexed & unpacked)


def _looped_before(p) -> bool:
    """A name the failing line indexes is, on a shown line above it, the variable of a `for`
    loop (`for span in cluster:`): the None is an item of the data looped over."""
    before = _shown_lines_above(p)
    indexed = set(re.findall(r"\b([A-Za-z_]\w*)\s*\[", p.user_line))
    loops = (re.match(r"\s*(?:async\s+)?for\s+([\w\s,()]+?)\s+in\b", line) for line in before)
    looped = {w for m in loops if m for w in re.findall(r"\w+", m.group(1))}
    return bool(indexed & looped)


# Objects that give their items one by one, never by position (an OrderedDict's views too).
_LAZY_VIEWS = frozenset(
    {"map", "filter", "zip", "dict_keys", "dict_values", "dict_items", "generator"}
    | {"odict_keys", "odict_values", "odict_items"}
)


def _not_subscriptable(p, f):
    """When: the message names the type indexed (or measured, or assigned into). What the line
    did with None is only known when the line did it itself."""
    t = f.get("type", "")
    none = f.get("none") or t == "NoneType"
    if none and not raised_by_the_line(p):
        return None
    if none and _unpacked_before(p):
        return None  # `ret, frame = cap.read()`: one part of a returned tuple, not a no-return call
    if none and _looped_before(p):
        return None  # `for span in cluster: span[0]`: an item of the data is None, no call's result
    if none and "has no len" in p.message:
        return (
            "You take `len()` of None: the call before returned nothing (e.g. `.sort()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if none:
        return (
            "You index a None: the call before returned nothing (e.g. `.sort()`, `.append()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if t == "builtin_function_or_method" and "item assignment" in p.message:
        return _assigned_into_builtin(p)
    if t == "function" and "item assignment" in p.message:
        # `f3[0] = y[1]` inside `def f3`: the function's own name, where an array was meant.
        target = re.match(r"\s*([A-Za-z_]\w*)\s*\[", p.user_line)
        into = f"`{target.group(1)}`" if target else "The name you assign into"
        return (
            f"{into} is a function (a `def`), not an array or list, so `[...] =` cannot fill "
            "it: create your own array under another name (e.g. `out = np.zeros(n)`) and fill "
            "that instead."
        )
    if t in ("method", "function", "builtin_function_or_method"):
        return _indexed_method(p, t)
    if t == "History":
        # Keras's fit() returns a History whose metrics live in its .history dict.
        return (
            "A Keras `History` object is not a dict: its metrics are in `.history`, e.g. "
            "`history.history['loss']`."
        )
    if t in ("set", "frozenset") and "item assignment" not in p.message:
        return (
            f"A `{t}` has no order, so it cannot be indexed: convert it first, e.g. "
            "`list(s)[0]`, or keep the values in a list."
        )
    if t in _LAZY_VIEWS:
        return f"In Python 3 a `{t}` is a lazy view: wrap it in `list(...)` before indexing."
    if "item assignment" in p.message:
        if "GroupBy" in t:
            return (
                "A groupby result cannot be assigned to: compute with `.transform(...)` and assign "
                "to the original DataFrame, e.g. `df['avg'] = "
                "df.groupby('k')['x'].transform('mean')`."
            )
        if t in ("ResourceVariable", "Variable", "RefVariable"):
            return (
                "A `tf.Variable` is not changed with `v[i] = x`: use `v[i].assign(x)` (or "
                "`v.assign(...)` for the whole variable)."
            )
        if "Tensor" in t:
            return (
                f"A TensorFlow `{t}` cannot be changed in place: build a new one (e.g. with "
                "`tf.tensor_scatter_nd_update`), or hold the values in a `tf.Variable`."
            )
        if t == "tuple":
            return (
                "A tuple cannot be changed in place: convert it first with `list(...)`, change "
                "the list, and use it instead."
            )
        if is_number(t):
            return (
                f"You assign into a single number (`{t}`) with `[...] =`: the variable holds a "
                "number where a list or array was expected; check what it was set to."
            )
        return (
            f"A `{t}` cannot be changed in place: build a new object (tuples and strings are "
            "immutable)."
        )
    if "has no len" in p.message and t == "Response":
        # BeautifulSoup, json, … measure the text they read; a `requests` response holds it.
        return (
            "A `requests` `Response` has no length: pass its text, `response.text` (or "
            "`response.content` for bytes, `response.json()` for JSON), not the response itself."
        )
    if is_number(t) and not raised_by_the_line(p):
        # a library's own code measured or indexed a number: no variable of the user's holds it
        return _labels_unlike_pos_label(p, t)
    if "has no len" in p.message and t == "DataFrame":
        # pandas' DataFrame has a length: this one is Spark's (or another library's)
        return (
            "This DataFrame has no `len()`, so it is not pandas' (which has one): for a Spark "
            "DataFrame count its rows with `.count()`, or convert it with `.toPandas()`."
        )
    if "has no len" in p.message:
        guess = " (a single number where a list or array was expected?)" if is_number(t) else ""
        return f"`len()` does not work on a value of type `{t}`: check what it holds{guess}."
    if is_number(t) and _len_then_indexed(p.user_line):
        return (
            "`len(...)` returns a number, and the `[...]` right after its closing parenthesis "
            "indexes that number: a parenthesis is misplaced; put the `[...]` inside `len(...)`."
        )
    if is_number(t):
        return (
            f"A single number (`{t}`) is indexed with `[...]`: the variable holds a number where "
            "a list, array or tuple was expected."
        )
    if "DataLoader" in t or t.endswith("Iterator"):
        return (
            f"A `{t}` object cannot be indexed with `[...]`: take its items by looping over it, "
            "or `next(iter(...))` for the first batch."
        )
    last = p.frames[-1] if p.frames else None
    if (
        last is not None
        and "not subscriptable" in p.message
        and t not in ("NoneType", "type", "str", "list", "dict")
        and last.filename.replace("\\", "/").endswith("sklearn/pipeline.py")
        and "steps" in last.failing_line
    ):
        # `Pipeline([CountVectorizer(), MultinomialNB()])`: scikit-learn reads each step as a
        # `(name, estimator)` pair and indexes it; a bare estimator is what it got
        return (
            f"scikit-learn's `Pipeline` reads each step as a `(name, estimator)` pair and got a "
            f"bare `{t}`: write the steps as pairs, e.g. `Pipeline([('prep', ...), ('model', "
            f"{t}())])`, or build it with `make_pipeline(...)`, then fit it again."
        )
    indexed = _one_indexed_name(p)
    # Other objects (a fitted model, a figure): often a variable got another object than the
    # table or list the line expects, so the name is worth checking before the type's docs.
    # A class (`list[int]` on an old Python) or a module is no object a variable was given.
    if indexed and raised_by_the_line(p) and t not in ("type", "module"):
        given = _given_as_parameter(p, indexed, t)
        if given:
            return given
        streamed = _tf_dataset_indexed(p, t, indexed)
        if streamed:
            return streamed
        if _assigned_above_in_cell(p, indexed):
            # the cell's own line above gave it the value: no other cell is to blame
            return (
                f"`{indexed}` holds a `{t}` here, made by this cell's assignment above, and a "
                f"`{t}` cannot be indexed with `[...]`: check what that assignment returns "
                f"(`type(...)`) and how a `{t}` gives its items."
            )
        return (
            f"`{indexed}` holds a `{t}` here, which cannot be indexed with `[...]`: check where "
            f"`{indexed}` was last assigned (another cell may have reused the name)."
        )
    streamed = _tf_dataset_indexed(p, t, indexed)
    if streamed:
        return streamed
    return (
        f"A `{t}` object cannot be indexed with `[...]`: check what the variable holds, and "
        "how this type gives its items."
    )


def _labels_unlike_pos_label(p, t: str) -> str | None:
    """scikit-learn's `_binary_clf_curve` indexes `y_true == pos_label`: that comparison gives
    one bool, not an array, when the labels and `pos_label=` are of other kinds (numbers and a
    text), as NumPy cannot compare them item by item."""
    last = p.last_frame
    given = re.search(r"\bpos_label\s*=\s*([^,)]+)", p.user_line)
    if t != "bool" or given is None or last is None or last.function != "_binary_clf_curve":
        return None
    label = given.group(1).strip()
    kind = "numbers" if label[:1] in "'\"" else "of another kind"
    call = re.search(r"[A-Za-z_][\w.]*\s*\((?=.*\bpos_label\s*=)", p.user_line)
    first = call_arguments(p.user_line[call.start() :])[:1] if call else []
    labels = first[0].strip() if first and "=" not in first[0] else "y_true"
    return (
        f"The labels could not be compared with `pos_label={label}` one by one (`y_true == "
        f"pos_label` gave one bool): they are likely {kind}. Pass as `pos_label` one of the "
        f"values the labels hold (print `np.unique({labels})`)."
    )


# A line of a function's body that binds `name` again: `name = …`, `a, name = …`, `name += …`,
# `for name in …`, `with … as name`.
_REBINDS = (
    r"^[ \t]+(?:[\w\s,()\[\]]*?\b{name}\b[^=\n]*(?<![=!<>])=(?!=)|for[ \t]+[\w\s,]*?\b{name}\b"
    r"|with\b.*\bas[ \t]+{name}\b)"
)


def _given_as_parameter(p, name: str, t: str) -> str:
    """`name` is a parameter of the user's function whose line failed (`def f(dataset):`): its
    value is what the caller passed (a library that calls `f`, such as `Dataset.apply`, passes
    what its documentation says), not what a cell last assigned to that name. "" otherwise."""
    last = p.last_frame
    if last is None or not last.is_user or not re.fullmatch(r"[A-Za-z_]\w*", last.function):
        return ""
    func = last.function
    # the notebook's code keeps the body's indentation; the frame's shown lines do not
    code = "\n".join((seen_code(p)[0], *last.code_lines))
    header = re.search(rf"^[ \t]*def[ \t]+{func}[ \t]*\(([^)]*)\)[^\n]*\n", code, re.M)
    if header is None:
        return ""
    parameters = {
        part.split("=")[0].split(":")[0].strip(" *") for part in header.group(1).split(",")
    }
    if name not in parameters:
        return ""
    body = re.match(r"(?:[ \t]+\S[^\n]*\n?|[ \t]*\n)*", code[header.end() :]).group(0)
    if re.search(_REBINDS.format(name=name), body, re.M):
        return ""  # the function rebinds it: the value may be its own, not the caller's
    frames = p.frames
    caller = frames[-2] if len(frames) >= 2 else None
    if caller is not None and caller.library:
        called_by = caller.function.rsplit(".", 1)[-1] or caller.library
        return (
            f"`{name}` is a parameter of `{func}()`: `{called_by}` (`{caller.library}`'s code, "
            f"which calls `{func}`) gave it a `{t}`, which cannot be indexed with `[...]`; check "
            f"in its documentation what it passes to `{func}`, and write `{func}` for that."
        )
    return (
        f"`{name}` is a parameter of `{func}()`, and the call of `{func}` gave it a `{t}`, "
        f"which cannot be indexed with `[...]`: check the value passed to `{func}`."
    )


def _one_indexed_name(p) -> str:
    """The one plain name the failing line indexes (`df` in `np.array(df[cols])`), if only one."""
    names = set(re.findall(r"(?<![\w.\]\)])([A-Za-z_]\w*)\s*\[", code_only(p.user_line)))
    return names.pop() if len(names) == 1 and not re.search(r"[\])]\s*\[", p.user_line) else ""


def _len_then_indexed(line: str) -> bool:
    """True when the line indexes the number `len(...)` returns: `range(len(d)["k"])`."""
    return bool(re.search(r"\blen\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*\[", line))


def _indexed_builtin(p) -> str:
    """The one plain name the line indexes when it is a builtin's (`id[:, -3:]`), else ""."""
    name = _one_indexed_name(p)
    return name if name and callable(getattr(builtins, name, None)) else ""


def _builtin_among_indexed(p) -> str:
    """The one built-in function among several plain names the line indexes, when it opens the
    statement (`print[arr[:4]]`), else ""."""
    m = re.match(r"\s*([A-Za-z_]\w*)\s*\[", code_only(p.user_line))
    name = m.group(1) if m else ""
    return name if name and callable(getattr(builtins, name, None)) else ""


# `std.update['joe'] = 6`: the assignment's target is a method read through a dot.
_METHOD_TARGET = re.compile(r"\s*([A-Za-z_][\w.]*)\.([A-Za-z_]\w*)\s*\[[^\]]*\]\s*=(?!=)")
# `sum[i] = x`: the target is one bare name.
_NAME_TARGET = re.compile(r"\s*[A-Za-z_]\w*\s*\[[^\]]*\]\s*=(?!=)")


def _assigned_into_builtin(p) -> str | None:
    """A built-in function or method assigned into: a bare name is a built-in's (`sum[i] = x`,
    where the user meant a list of their own); a dotted one is a method of the user's object
    (`std.update['joe'] = 6`), to be called, never replaced by a new list."""
    line = code_only(p.user_line)
    method = _METHOD_TARGET.match(line)
    if method:
        owner, name = method.groups()
        return (
            f"`{owner}.{name}` is a method, not a container, so `[...] =` cannot store into it: "
            f"call it with parentheses (`{owner}.{name}(...)`), or assign into `{owner}` itself."
        )
    if not _NAME_TARGET.match(line):
        return None  # the target is not read from the line: no name to blame
    return (
        "The name you assign into is a built-in function (such as `sum` or `max`), not a "
        "list: create your own list or dict first, under another name, e.g. `totals = {}`."
    )


def _indexed_method(p, t: str) -> str:
    """`s.isin[values]`: brackets where the call's parentheses belong. A bound method is read
    through a dot, so when the line indexes one dotted name only, that is the method."""
    dotted = re.findall(r"\.(\w+)\s*\[", code_only(p.user_line))
    builtin = _indexed_builtin(p) if t == "builtin_function_or_method" and not dotted else ""
    if builtin:
        names = set(re.findall(r"\b[A-Za-z_]\w*", p.user_code)) - set(dir(builtins))
        # `id` for `idx`: a short name one letter short of a name the code uses
        close = [n for n in names if spelled_alike(builtin, n) or n[:-1] == builtin]
        meant = f" (did you mean `{close[0]}`?)" if len(close) == 1 else ""
        return (
            f"`{builtin}` is Python's built-in function here, not a variable of yours, and it "
            f"cannot be indexed: check the name{meant}."
        )
    among = _builtin_among_indexed(p) if t == "builtin_function_or_method" and not dotted else ""
    if among:
        # `print[arr[:4]]`: no method is indexed; the built-in wants its values in parentheses.
        return (
            f"`{among}` is Python's built-in function, indexed here with `[...]`: call it with "
            f"parentheses, `{among}(...)`, putting what the brackets hold inside them."
        )
    if t == "method" and len(dotted) == 1:
        name = dotted[0]
        return (
            f"`.{name}` is a method, indexed here with `[...]`: to pass it values, use "
            f"parentheses, `.{name}(...)`; to index its result, call it first, `.{name}()[...]`."
        )
    module_function = _module_function_indexed(p) if t != "method" else ""
    if module_function:
        return module_function
    if t == "function":
        # a plain function (a `def`, or a library's function): no method is said to be indexed
        return (
            "A function is indexed with `[...]`: to pass it values, call it with parentheses "
            "`(...)`; else index the array or list meant, not the function."
        )
    return "You index a method: call it first with `()`, or drop the `[...]`."


# `np.dot[a, b]`: a module's function (`alias.function`) subscripted, its arguments in brackets.
_MODULE_FUNCTION_INDEXED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\[")


# Members of modules that are indexed by design (`np.c_[...]`, `np.r_[...]`, `np.s_[...]`,
# `plt.rcParams[...]`, `sys.argv[1]`): no function, and not the subscript at fault.
_SUBSCRIPTABLE_MEMBERS = frozenset(
    [
        "mgrid",
        "ogrid",
        "index_exp",
        "rcParams",
        "environ",
        "argv",
        "path",
        "modules",
        "IndexSlice",
        "loc",
        "iloc",
        "at",
        "iat",
        "newaxis",
        "nan",
        "pi",
        "e",
        "inf",
    ]
)


def _module_function_indexed(p) -> str:
    """The hint when the line that raised (a cell's function's line, else the cell's) indexes
    one `module.function[...]`, the module a name the code imports: the call's parentheses
    were typed as brackets. "" otherwise (another subscript may be the one at fault)."""
    last = p.frames[-1] if p.frames else None
    line = code_only(last.failing_line if last is not None and last.is_user else p.user_line)
    found = [
        (module, function)
        for module, function in _MODULE_FUNCTION_INDEXED.findall(line)
        if not function.endswith("_") and function not in _SUBSCRIPTABLE_MEMBERS
    ]
    if len(found) != 1:
        return ""
    module, function = found[0]
    code = "\n".join(p.notebook_code or (p.user_code,))
    if not imports_name(code, module):
        return ""
    where = (
        f" (in `{last.function}()`)"
        if last is not None and last.is_user and last.function not in ("", "<module>")
        else ""
    )
    return (
        f"`{module}.{function}` is a function, indexed here with `[...]`{where}: call it with "
        f"parentheses, `{module}.{function}(...)`, putting what the brackets hold inside them."
    )


def _not_iterable(p, f):
    """When: the failing line loops over or unpacks the value itself; a library that iterates
    over an argument gets the safe hint (the argument is not known). The value is named only
    where the line makes it certain: the iterable of a ``for`` that fails on "not iterable",
    the right side of ``a, b = ...`` that fails on "cannot unpack". A None's cause only where
    its producer is seen (``none_values.none_hint``)."""
    t = f.get("type", "")
    if not raised_by_the_line(p):
        return number_argument_words(p, t)
    kind, targets, source = loop_or_unpack(p.user_line)
    unpack = "unpack" in p.message
    if len(source) > 60:
        source = ""
    if unpack:
        what = (
            f"`{source}`"
            if kind == "assign" and "," in targets and source
            else f"An item of `{source}`"
            if kind == "for" and source
            else ""
        )
    else:
        what = f"`{source}`" if kind == "for" and source else ""
    if t == "NoneType":
        # The None's producer decides the cause (`none_values.py`): an item of a loop has none.
        verb = "unpacked" if unpack else "looped over"
        return none_hint(p, what, source if what.startswith("`") else "", verb)
    if unpack and t == "function" and re.fullmatch(r"[\w.]+", source) and what:
        # `X, y = make_regression`: the function itself, never called
        return (
            f"`{source}` is the function itself: call it, `{source}(...)`, to unpack what it "
            "returns."
        )
    if unpack:
        return (
            f"{what or 'The right side'} is a single {t}, not a sequence: it cannot be unpacked "
            "into several names; check what it holds."
        )
    if (
        what
        and t.startswith(("int", "numpy.int", "numpy.uint"))
        and re.fullmatch(r"[\w.]+", source)
        # A cell that also indexes it means a container, not a count: range() is no fix.
        and not re.search(rf"\b{re.escape(source)}\s*\[", p.user_code)
    ):
        return (
            f"{what} is a single {t}, not a sequence: loop with `range({source})` to repeat that "
            "many times, or check why it holds one number."
        )
    if (
        what
        and t in ("builtin_function_or_method", "method")
        and re.fullmatch(r"[\w.]+\.\w+", source)
    ):
        # `for k, v in x.items:`: the method itself, never called
        return f"`{source}` is the method itself, not what it returns: call it, `{source}()`."
    if what:
        return f"{what} is a single {t}, not a sequence: check what it holds."
    each = _loop_over_applied_value(p.user_line)
    if each and is_number(t):
        # `s.apply(lambda x: [f(y) for y in x])`: apply passes one value at a time.
        return (
            f"`.apply` passes the function one value at a time, so `{each}` is a single {t}, "
            f"not a sequence: drop the loop over `{each}` and compute on `{each}` itself."
        )
    if is_number(t) and not t.startswith(("int", "numpy.int", "numpy.uint")):
        return f"A single {t} is used where a sequence is expected: check what the value holds."
    if is_number(t):
        return f"A single {t} is used where a sequence is expected: pass a list or `range(n)`."
    return f"A `{t}` cannot be looped over or unpacked: check what the variable holds."


def _loop_over_applied_value(line: str) -> str:
    """The parameter of an `.apply(lambda x: ...)` that the lambda loops over (`for y in x`)."""
    m = re.search(r"\.(?:apply|map)\(\s*lambda\s+(\w+)\s*:", line)
    if m and re.search(rf"\bfor\s+[\w, ]+\s+in\s+{m.group(1)}\b(?!\s*[.\[(])", line[m.end() :]):
        return m.group(1)
    return ""


def _unhashable(p, f):
    t = f.get("type", "")
    if re.search(r"\.i?loc\(", p.user_line):
        return (
            "`.loc` and `.iloc` are indexed with square brackets, not called: write "
            "`df.loc[...]` / `df.iloc[...]`."
        )
    if (
        t == "slice"
        and re.search(r"(?<![.\w])[A-Za-z_]\w*\[\s*[\w-]*\s*:[^\]]*,", p.user_line)
        and not _raised_in_the_cell(p)
    ):
        # df[:10, cols]: a DataFrame takes rows and columns together only through .iloc/.loc.
        # Raised by the cell's own line (no pandas frame under it), the object hashed the key
        # itself: a dict or a dict-like, no DataFrame.
        return (
            "A DataFrame is not indexed by rows and columns at once with `df[rows, cols]`: use "
            "`df.loc[rows, cols]` (labels) or `df.iloc[rows, cols]` (positions)."
        )
    sliced = _sliced_mapping(p.user_line) if t == "slice" and _raised_in_the_cell(p) else ""
    if sliced:
        # `d[0, :]` raised by the line itself: a dict (or a dict-like, as scikit-learn's
        # datasets are) hashes its key, an array or a list would slice
        name, subscript = sliced
        return (
            f"`{name}` is a dict or a dict-like object here (scikit-learn's datasets are), not "
            f"an array or a list, so `{subscript}` cannot slice it: pick the array it holds "
            f"first (`{name}.keys()` lists them)."
        )
    if t in ("DataFrame", "Series") or t.endswith("GroupBy"):
        return _pandas_object_as_label(p, t)
    braces = _set_with_a_list(p.user_line) if t == "list" and raised_by_the_line(p) else ""
    if not braces and t != "slice" and _raised_in_the_cell(p):
        passed = _set_passed(p.user_line)
        if passed:
            # `np.hstack({a, b})`: braces without `:` build a set of the values, which
            # must be hashable; several values are passed together in a tuple or a list
            return (
                f"`{passed}` is a set (braces without `key: value`), and a `{t}` cannot be a "
                f"member of a set: to pass the values together write a tuple "
                f"`({passed[1:-1]})` or a list `[{passed[1:-1]}]`."
            )
    if braces:
        # `a.replace({[1, np.nan], 2})`: commas without `:` make a set, which cannot hold a
        # list; a dict (`{old: new}`) or a list was meant.
        shown = braces if braces in p.user_line else "{...}"  # its strings are blanked
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return (
            f"`{shown}` is a set (items without `key: value`), and a list cannot be a member of "
            "a set: write a dict `{old: new}` if a mapping was meant, or `[...]` for a list."
        )
    if _matplotlib_categories(p):
        # Values that are not plain numbers are read as category labels, one per point.
        return (
            f"Matplotlib got values that are themselves arrays or lists (here a `{t}`) where it "
            "expects one number per point: pass flat 1-D numeric arrays for x and y (print "
            "`x[:3]`)."
        )
    if "feed_dict" in p.user_line and t in ("list", "dict", "numpy.ndarray"):
        # feed_dict's keys are placeholders: a data value as key means the placeholder's
        # name was given that data later, which no tuple or string of it repairs.
        return (
            f"A key of `feed_dict` is a `{t}`, not a placeholder: one of the names used as keys "
            "was assigned data after its `tf.placeholder` was made; give the data another "
            "name and run the placeholder's cell again."
        )
    own = _library_hashed_its_own(p, t) or _where_positions_as_label(p) or _counted_rows(p, t)
    if own:
        return own
    if t in ("dict", "list") and p.last_frame is not None and p.last_frame.library == "networkx":
        # networkx makes every item it is given a node (a dict key of the graph): a
        # `(node, attributes)` pair or a list there is no node id, and converting it is no cure
        return (
            f"networkx used a `{t}` from what you passed as a node, and a node must be a "
            "hashable id: pass only the node ids (e.g. `[n for n, _ in pairs]` of `(node, "
            "attributes)` pairs, or a `range`), and give attributes with `G.add_nodes_from`."
        )
    return (
        f"A `{t}` cannot be a dict key, set member or label: convert it to a tuple or string "
        "(or select the column you meant)."
    )


# `Counter(X)` (or `collections.Counter(X)`) of one name: the call counts the name's items.
_COUNTER_OF_A_NAME = re.compile(r"(?<![\w.])(?:collections\.)?Counter\(\s*([A-Za-z_][\w.]*)\s*\)")


def _counted_rows(p, t: str) -> str:
    """`Counter(X)` of an array whose items are arrays (the rows of a 2-D array): no tuple of
    them is meant, the values to count are; a loop around the line whose variable it does not
    read (`for preds in y: Counter(X)`) is named, since its variable is then likely the one."""
    m = _COUNTER_OF_A_NAME.search(p.user_line)
    if m is None or t not in ("numpy.ndarray", "ndarray"):
        return ""
    rest = p.user_line[: m.start()] + p.user_line[m.end() :]
    keyed = re.search(r"\[\s*[A-Za-z_][\w.]*\s*\]|\{", rest)
    if keyed or p.user_line[m.end() :].lstrip().startswith("["):
        return ""  # (`Counter(y)[pred]`, `{arr: 1}`: an array used as a key elsewhere on the line)
    name = m.group(1)
    loop = _loop_around_the_line(p)
    counted = loop and not re.search(r"\bin\s+(?:range|enumerate|zip)\(", loop[1])
    if counted and not has_word(p.user_line, loop[0], after_dot=False):
        # (a loop over `range(...)` gives positions, which are no values to count)
        return (
            f"`Counter({name})` runs inside `{loop[1]}` but counts `{name}`, not `{loop[0]}`, "
            f"and the items of `{name}` are arrays (its rows), which Counter cannot count: count "
            f"the values meant (e.g. `Counter({loop[0]})`)."
        )
    return (
        f"`Counter({name})` counts the items of `{name}`, and each item is itself an array (a "
        "row of a 2-D array), which Counter cannot count: check that it is what you meant to "
        f"count, or count its values (`Counter({name}.ravel())`)."
    )


def _loop_around_the_line(p) -> tuple[str, str] | None:
    """(variable, header) of the `for v in ...:` right above the failing line in its own
    frame's shown lines, when the failing line is the loop's first statement; else None."""
    frame = next((f for f in reversed(p.frames) if f.is_user), None)
    lines = [line.strip() for line in frame.code_lines] if frame else []
    if frame is None or frame.failing_line.strip() not in lines:
        return None
    at = lines.index(frame.failing_line.strip())
    header = lines[at - 1] if at else ""
    m = re.fullmatch(r"for\s+([A-Za-z_]\w*)\s+in\s+.+:", header)
    return (m.group(1), header) if m else None


# `df[np.where(cond)]`: the brackets of a frame hold `np.where`'s tuple of position arrays.
_WHERE_IN_BRACKETS = re.compile(r"(?<![.\w])([A-Za-z_]\w*)\[\s*(?:np|numpy)\.where\(")


def _where_positions_as_label(p) -> str:
    """`df[np.where(df['a'] == 348)]`: `np.where` gives a tuple of position arrays, which the
    frame's `[...]` reads as one column label; no tuple or string of it selects rows."""
    m = _WHERE_IN_BRACKETS.search(p.user_line)
    if m is None or "pandas" not in p.libraries:
        return ""
    frame = m.group(1)
    return (
        f"`np.where(...)` gives a tuple of position arrays, which `{frame}[...]` reads as one "
        f"column label: select the rows with the condition itself, `{frame}[condition]`, or "
        f"by position with `{frame}.iloc[np.where(condition)[0]]`."
    )


# Unhashable values a user's code makes and passes (a tuple or string of them is the fix).
_USERS_VALUES = frozenset(
    {"list", "dict", "set", "slice", "bytearray", "numpy.ndarray", "ndarray", "Tensor", "Index"}
)


def _library_hashed_its_own(p, t: str) -> str:
    """`unhashable type: 'ListWrapper'` raised by the type's own `__hash__` in a library, the
    code seen naming no such type: the library hashed an object of its own making, which no
    value of the user's turns into a tuple. Its caller fits another version of it."""
    last = p.last_frame
    if last is None or not last.library or not last.function.endswith("__hash__"):
        return ""
    short = t.rsplit(".", 1)[-1]
    if t in _USERS_VALUES or re.search(rf"\b{re.escape(short)}\b", seen_code(p)[0]):
        return ""
    project = [f for f in p.frames if not (f.is_user or f.library or f.package in STDLIB_TOPS)]
    caller = "/".join(re.split(r"[\\/]", project[-1].filename)[-2:]) if project else ""
    by = f"the code that calls it (`{caller}`)" if caller else "the code that calls it"
    return (
        f"A `{short}` is an object `{last.library}` makes for itself (your code names none), "
        f"and its own code failed to hash it: no value of yours is to convert; {by} was "
        f"probably written for another version of `{last.library}`, so install the versions it "
        "asks for."
    )


def _raised_in_the_cell(p) -> bool:
    """The last frame the traceback shows is the notebook's own code (not a bare message)."""
    return p.last_frame is not None and p.last_frame.is_user


# `name[...]` with a `:` inside the brackets (a slice), read on the line without its strings
_SLICING_SUBSCRIPT = re.compile(r"(?<![\w.\])])([A-Za-z_][\w.]*)(\[[^\[\]]*:[^\[\]]*\])")


def _sliced_mapping(line: str) -> tuple[str, str] | None:
    """The one `name[...:...]` of the line, as (name, subscript); None when the line has none
    or several (then which one is a mapping is not told)."""
    found = _SLICING_SUBSCRIPT.findall(code_only(line))
    if len(found) != 1 or found[0][1] not in line:
        return None
    if re.search(r"[\w\])]\[\s*[A-Za-z_][\w.]*\s*\]", code_only(line)):
        # `signal[window] - baseline[:n]`: a name may hold a `slice(...)`, and its lookup hashes it
        return None
    return found[0]


# a call's argument that is a brace literal: `f({` or `f(x, {`
_BRACE_ARGUMENT = re.compile(r"[\w\])]\s*\((?:[^()]*,)?\s*(\{)")


def _set_passed(line: str) -> str:
    """The `{a, b}` a call of the line is given, as written: items separated by top-level
    commas, no `:` (a dict), no `**` and no `for` (a comprehension); "" when there is none."""
    code = code_only(line)
    for m in _BRACE_ARGUMENT.finditer(code):
        start = m.start(1)
        depth, comma, i = 0, False, start
        for i in range(start, len(code)):
            ch = code[i]
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and ch == ":":
                return ""
            elif depth == 1 and ch == ",":
                comma = True
        body = code[start : i + 1]
        if depth == 0 and comma and "**" not in body and "for" not in body.split():
            if _OTHER_HASHING.search(code[:start] + code[i + 1 :]):
                # `set(rows).intersection({a, b})`, `d[cols] = f({a, b})`: the line hashes
                # something else too, so the set's items need not be what failed
                return ""
            return body if body in line else ""
    return ""


# what else on a line hashes a value: a subscript (a dict's key), `in`, a set or dict built
_OTHER_HASHING = re.compile(
    r"\[|\{|\bin\b|\b(?:set|frozenset|dict|fromkeys|Counter|defaultdict|hash)\s*\("
)


def _set_with_a_list(line: str) -> str:
    """The `{...}` of the line whose items hold a list (`{[1, 2], 3}`) and no `:` at its top
    level (so a set, not a dict), as written; "" when there is none."""
    code = code_only(line)
    for start in (i for i, ch in enumerate(code) if ch == "{"):
        depth, colon, has_list, i = 0, False, False, start
        for i in range(start, len(code)):
            ch = code[i]
            if ch in "([{":
                depth += 1
                if ch == "[" and depth == 2 and re.search(r"[{,]\s*$", code[start:i]):
                    has_list = True  # an item that starts with `[`: a list literal
            elif ch in ")]}":
                depth -= 1
                if depth == 0:
                    break
            elif ch == ":" and depth == 1:
                colon = True
        if depth == 0 and has_list and not colon and "for" not in code[start:i].split():
            return code[start : i + 1]
    return ""


def _matplotlib_categories(p) -> bool:
    """True when the error rose in matplotlib's reading of the data as categories."""
    last = p.frames[-1] if p.frames else None
    return last is not None and last.library == "matplotlib" and "category" in last.filename


def _pandas_object_as_label(p, t: str) -> str:
    """A DataFrame, Series or grouping where a label goes: no tuple or string of it is meant,
    its column's name is; `df[df.groupby('x')]` meant the grouping's own aggregation."""
    if re.search(r"\[[^\[\]]*\.groupby\(", p.user_line):
        return (
            "A grouping (`.groupby(...)`) is put inside `[...]`, where column names go: call an "
            "aggregation on the grouping itself instead, e.g. `df.groupby('x').sum()` or "
            "`.size()`."
        )
    return (
        f"A `{t}` is used where a label goes (a column name, a dict key, a set member): pass "
        "the column's name (`'col'`), not its data."
    )


def _sorting_mixed_items(p, op: str, types: set[str]) -> str:
    """`sorted(df['c'].unique())` where the line writes no comparison: the sort compared a float
    with text, and a float among text is most often a missing value (NaN), which no
    `pd.to_numeric` of the words turns into numbers."""
    line = code_only(p.user_line)
    if op not in ("<", ">", "<=", ">=") or types != {"float", "str"}:
        return ""
    if re.search(r"[<>]", line) or not raised_by_the_line(p):
        return ""
    m = re.search(r"\bsorted\(|\.sort\(", line)
    if m is None:
        return ""
    return (
        "The sort on this line compares its items, and a float sits among text: most often a "
        "missing value (NaN); drop it first (`.dropna()`, e.g. `sorted(s.dropna().unique())`) "
        "or sort text only (`.astype(str)`)."
    )


def _text_and_number(p, op: str, t: str, o: str) -> str:
    """Text meets a number: converting the text is the fix only when the text holds numbers.
    Not when the text is a bar chart's category labels shifted to place bars side by side
    (`ax.bar(df['cat'] - 0.2, ...)`), nor when it is a loop variable over a DataFrame, which
    gives the column names."""
    if _labels_joined_by_pandas(p, op):
        return (
            f"The `{op}` is pandas' own, sorting both sides' labels to align them: one side is "
            "labelled by text, the other by numbers, e.g. a DataFrame (a repeated column name "
            "makes `df[col]` one) meeting a Series. Print `type(...)`, `.columns` and `.index` "
            "of both sides."
        )
    words = _word_operand(p.user_line, op) if op not in ("+", "*", "%") else ""
    if words and not _pandas_applied(p):
        # `label='MAY'/10`: a word in quotes, no text of digits (`+` may join text instead)
        return _quoted_words(op, words, with_number=True)
    held = text_operand_words(p, op, t, o) if op not in ("+", "*", "%") else None
    if held:  # `+` may join text (`str(n) + label`), `*` repeat it, `%` format it
        return _words_held(op, *held)
    line = code_only(p.user_line)
    if re.search(r"\.barh?\(\s*[^,]*[-+]\s*[\d.]", line):
        return (
            "The x values shifted here to place bars side by side are text: for category "
            "labels use positions `x = np.arange(len(labels))`, draw at `x - 0.2` and "
            "`x + 0.2` and name them with `ax.set_xticks(x, labels)` (for text that holds "
            "numbers, `pd.to_numeric(...)`)."
        )
    summed = _builtin_sum_of(line) if (op, t, o) == ("+", "int", "str") else ""
    if summed and raised_by_the_line(p):
        # `sum()` starts from 0 and adds each item: the items are text
        return (
            f"`sum({summed})` adds its items to 0, and some of them are text: join words with "
            f"`''.join({summed})`, or convert text that holds numbers first, "
            f"`sum(float(v) for v in {summed})`."
        )
    sorting = _sorting_mixed_items(p, op, {t, o})
    if sorting:
        return sorting
    table = _loop_over_table(p)
    if table:
        return (
            f"A loop over the DataFrame `{table}` gives its column names (text), not its "
            f"values: use `{table}.mean()`/`{table}.sum()`, or loop over `{table}[col]`."
        )
    column = _text_column_ordered(p, op, t, o)
    if column:
        name, number = column
        return (
            f"The column `{name}` holds text here, which `{op}` cannot order against the number "
            f"`{number}`: if it should hold numbers, convert it (`pd.to_numeric`); if it holds "
            "labels, this test belongs on another column (or compares with a label)."
        )
    return (
        f"`{op}` mixes text and numbers ({t} and {o}): convert first, e.g. "
        "`pd.to_numeric(df['col'])`, `float(x)` or `str(n)`."
    )


# `row["Embarked"] < 18`: a column read by its name, ordered against a number written out.
_COLUMN_AGAINST_NUMBER = re.compile(
    r"\[\s*(['\"])([^'\"\n]+)\1\s*\]\s*(<=|>=|<|>)\s*(-?\d[\d.]*)(?![\w.])"
)


def _text_column_ordered(p, op: str, t: str, o: str) -> tuple[str, str] | None:
    """(column, number) when the line that raised orders a column read by name (`["Age"]`)
    against a number, and the message puts the text on that side (str first): whether the
    column holds numbers written as text (convert) or labels (a slip of column) the crash does
    not tell. None otherwise."""
    if op not in ("<", ">", "<=", ">=") or t != "str" or o not in ("int", "float"):
        return None
    if not raised_by_the_line(p):
        return None
    found = [m for m in _COLUMN_AGAINST_NUMBER.finditer(p.user_line) if m[3] == op]
    if not found or len({m[2] for m in found}) != 1:
        return None  # (two columns ordered: which one failed the line does not tell)
    return found[0][2], found[0][4]


def _labels_joined_by_pandas(p, op: str) -> bool:
    """A comparison the user's line does not write, raised while pandas joins two indexes
    (`Index.join`, `outer_join_indexer`): the values compared are labels, not the data."""
    if op not in ("<", ">", "<=", ">=") or op in code_only(p.user_line):
        return False
    return any(f.library == "pandas" and "join" in f.function.lower() for f in p.frames)


def _builtin_sum_of(line: str) -> str:
    """What Python's own `sum(x)` adds on ``line`` (not `np.sum`, not `df.sum`), when the line
    has no other `+`; else ""."""
    m = re.search(r"(?<![\w.])sum\(\s*([^(),+]+?)\s*\)", line)
    return m.group(1) if m and "+" not in line else ""


def _words_held(op: str, written: str, passed: str, words: str) -> str:
    """The text side of `op` holds words the code sets (`v = 'aeiou'`, a column of
    `['rainy', …]`): no conversion gives numbers; a comparison with one text may mean its
    length, arithmetic on several words their counts."""
    which = f"`{written}` (here `{passed}`)" if passed else f"`{written}`"
    if "," in words:
        return (
            f"`{op}` needs numbers, and {which} holds words the code sets ({words}), which no "
            "conversion turns into numbers: pass numbers instead (e.g. counts of each word, or a "
            "code for each)."
        )
    instead = (
        f"compare with a number instead (its length is `len({passed or written})`)"
        if op in ("<", ">", "<=", ">=")
        else "use a number instead"
    )
    return (
        f"`{op}` needs numbers, and {which} holds the text {words} the code sets, which no "
        f"conversion turns into a number: {instead}."
    )


def _quoted_words(op: str, words: str, with_number: bool = False) -> str:
    """The words given to `op`; with a number on the other side, the text may be meant as it
    is (`label='MAY'/10`), the `op` being the slip."""
    code = f" (a character's code is `ord({words})`)" if len(words) == 3 else ""
    kept = f", or drop the `{op}` if the text is meant as it is" if with_number else ""
    return (
        f"`{op}` needs numbers, and this line gives it text written in quotes (`{words}`), which "
        f"no conversion turns into a number: pass numbers instead{code}{kept}."
    )


def _pandas_applied(p) -> bool:
    """pandas' own code applied the operator (to columns), not the user's line or a function of
    the user's that pandas called (`s.map(lambda a: 'A' - a)`)."""
    last = p.last_frame
    return last is not None and not last.is_user and last.library == "pandas"


def _loop_over_table(p) -> str | None:
    """The name of a DataFrame (read or built with pandas in the code seen) that the cell loops
    over directly, when the failing line uses that loop's variable."""
    code, _ = seen_code(p)
    for item, table in re.findall(r"\bfor\s+(\w+)\s+in\s+([A-Za-z_]\w*)\s*:", p.user_code):
        assignments = re.findall(rf"^\s*{table}\s*=(?!=)\s*(.*)", code, re.M)
        # the last assignment seen must be pandas' (a later `x = x.tolist()` gives values)
        last = assignments[-1] if assignments else ""
        built = re.match(r"(?:pd|pandas)\.(?:read_\w+|DataFrame)\(", last)
        if built and re.search(rf"\b{item}\b", p.user_line):
            return table
    return None


def _negated_in_math_call(line: str, op: str) -> tuple[str, str] | None:
    """(function, operand) when the line negates a plain name inside a `math.f(...)` call."""
    if op != "-":
        return None
    m = re.search(r"(?<![\w.])math\.(\w+)\(\s*-\s*([A-Za-z_]\w*)\s*\)", line)
    return (m.group(1), m.group(2)) if m and m.group(1) in _MATH_AS_NUMPY else None


# `math` functions that NumPy has under the same name, for whole arrays.
_MATH_AS_NUMPY = frozenset(
    {"exp", "expm1", "log", "log10", "log2", "log1p", "sqrt", "sin", "cos", "tan", "sinh"}
    | {"cosh", "tanh", "floor", "ceil", "fabs", "trunc"}
)


def _unsupported_operands(p, f):
    """When: the message names the operator and both types, and the user's line applies that
    operator (directly or through pandas/NumPy operator methods)."""
    t, o, op = f.get("type", ""), f.get("other", ""), f.get("op", "")
    dates = re.search(
        r"Invalid comparison between dtype=(datetime64\S*|timedelta64\S*) and (\w+)", p.message
    )
    if dates:
        return (
            f"A {dates.group(1)} column is compared with a {dates.group(2)}: compare it with a "
            "date (`pd.Timestamp('1980-01-01')`), or compare its `.dt.year` with the number."
        )
    if not op or not raised_by_the_line(p):
        return None
    if "unary" in p.message:
        in_math = _negated_in_math_call(p.user_line, op)
        if in_math and t in ("list", "tuple"):
            # `math.exp(-x)`: an array would pass the `-` and fail in `math`, which takes one number
            func, operand = in_math
            return (
                f"`math.{func}` takes one number, and `{operand}` is a {t}: use NumPy's version "
                f"on an array, `np.{func}(-np.array({operand}))`, or apply `math.{func}` to each "
                "item."
            )
        fix = "use a NumPy array (`np.array(x)`)" if t in ("list", "tuple") else "convert it first"
        return (
            f"`{op}` in front of a {t} does not work: {fix}, or check for a stray `{op}` (e.g. a "
            "line break inside a sum)."
        )
    if not o:
        return None
    if {"method", "function", "builtin_function_or_method"} & {t, o}:
        return _function_as_operand(p, t, o, op)
    if "NoneType" in (t, o):
        return no_gradient_hint(p) or (
            f"One operand of `{op}` is None: the value before was never set or a "
            "function returned nothing (no `return`, or `inplace=True`)."
        )
    if t == o == "str" and op == "/" and _PATH_DIVIDED.search(code_only(p.user_line)):
        # `str(folder) / name`: the `/` of pathlib's paths, after the path became text.
        return (
            "`/` joins paths only when the left side is a `pathlib.Path`, and here both sides "
            "are strings: keep the `Path` (drop the `str(...)`), or use `os.path.join(a, b)`."
        )
    if t == o == "str" and op not in ("+", "*", "%"):
        words = _word_operand(p.user_line, op)
        if words and not _pandas_applied(p):
            # `divmod('Hello', 'Python!')`: words, which no conversion turns into numbers.
            return _quoted_words(op, words)
        several = _numbers_in_one_text(p, op)
        if several and "pandas" not in p.libraries:
            name, text, sep = several
            shown = text if len(text) <= 16 else text[:15] + "…"
            return (
                f"`{name}` holds several numbers in one text (`'{shown}'`), which `float(...)` "
                f"cannot read: split it into numbers first, e.g. "
                f"`np.array({name}.split('{sep}'), dtype=float)`."
            )
        if "pandas" not in p.libraries and _in_own_function(p):
            # `row1[i] - row2[i]` in a function of the notebook's: its strings came with the
            # call (a loop over a DataFrame gives column names), so converting them inside the
            # function is no sure fix; the safe hint speaks
            return None
        # Columns only when pandas applied the operator; otherwise two Python strings.
        if "pandas" in p.libraries:
            held, first = "the columns hold strings", ""
        else:
            held, first = "both sides are strings", "`float(...)`, "
        return (
            f"`{op}` is not defined for text: {held}; convert them first with {first}"
            "`pd.to_numeric(...)` or `pd.to_datetime(...)`."
        )
    if "datetime.time" in (t, o):
        # A time of day has no arithmetic: only a full datetime can be shifted or subtracted.
        return (
            f"A `datetime.time` (a time of day) does not support `{op}`: combine it with a date "
            "first, e.g. `datetime.combine(date.today(), t)`, then compute."
        )
    if op in ("&", "|") and {t, o} == {"str", "bool"}:
        # `df[(df['Price']) & (df['a'] == 'x')]`: a column of text where a condition belongs.
        return (
            f"`{op}` combines conditions (True/False), and one side here is text, not a "
            "condition: write each side as a comparison in parentheses, e.g. "
            "`(df['a'] == 'x') & (df['b'] > 0)`."
        )
    if t == o == "dict" and op == "+":
        return (
            "Two dicts cannot be added with `+`: merge them with `{**a, **b}` (or `a | b` in "
            "Python 3.9+, or `a.update(b)` to change `a` in place)."
        )
    if "str" in (t, o) and (is_number(t) or is_number(o)):
        return _text_and_number(p, op, t, o)
    if ("list" in (t, o) or "tuple" in (t, o)) and {t, o} <= {"list", "tuple", *NUMBERS}:
        if op not in code_only(p.user_line):
            return None  # the line shows no such operator: a call it makes applied it
        # name the sequence (the message may put the number first) and show the same operator
        seq = t if t in ("list", "tuple") else o
        other = "np.array(b)" if {t, o} <= {"list", "tuple"} else "2"
        if op in ("<", ">", "<=", ">=") and other == "2" and _TESTED.match(p.user_line):
            # `if 0 < ls:` wants one True/False: an array of them would fail there again
            return (
                f"A {seq} cannot be compared with a number by `{op}`, and the condition needs "
                f"one True/False: compare one item (`a[0] {op} 2`), its length (`len(a) {op} "
                f"2`), or every item (`all(v {op} 2 for v in a)`)."
            )
        if _TESTED.match(p.user_line) and op in _ARITHMETIC and _op_outside_calls(p, op):
            # `if a % 2 == 1:` wants one True/False per test: an array of them fails there too
            return (
                f"`{op}` does not apply to each item of a {seq}, and the condition needs one "
                f"True/False: loop over the items and test each one (`for v in a:` then "
                f"`if v {op} ...:`)."
            )
        return (
            f"Python {seq}s do not support `{op}` element by element: use NumPy arrays, "
            f"e.g. `np.array(a) {op} {other}`."
        )
    data = ("numpy.ndarray", "Tensor", "Series", "DataFrame", "str", "list", "tuple")
    if all(is_number(x) or x in data for x in (t, o)):
        return f"`{op}` does not work between {t} and {o}: convert one side first."
    odd = t if not (is_number(t) or t in data) else o
    if _TIME_TYPES.search(odd) and (is_number(t) or is_number(o)):
        return _time_and_number(p, op, t, o, odd)
    if op == "+" and _PATH_TYPES.fullmatch(odd) and "str" in (t, o):
        return _text_added_to_path(p)
    return (
        f"`{op}` got {article(odd)} `{odd}` as an operand: a variable holds "
        f"{article(odd)} `{odd}` where a "
        "value was expected; print `type(...)` of both sides."
    )


# pathlib's path types, as the message names them.
_PATH_TYPES = re.compile(r"(?:Pure)?(?:Posix|Windows)?Path")
# `folder / name + '.csv'`: a `/` whose right side a `+` continues (groups: the left side, the
# name after `/`, what `+` adds)
_DIVIDED_THEN_ADDED = re.compile(
    r"([A-Za-z_][\w.]*)\s*/(?!/)\s*([A-Za-z_][\w.]*|'[^']*'|\"[^\"]*\")\s*\+\s*"
    r"([A-Za-z_][\w.]*|'[^']*'|\"[^\"]*\")"
)

_PLAIN_TEXT = re.compile(r"'[^'{}\\]*'|\"[^\"{}\\]*\"")


def _text_added_to_path(p) -> str:
    """A `pathlib` path and text joined with `+`. When the line writes `folder / name + '.csv'`,
    `/` binds first, so `+` adds text to a path: parentheses (or an f-string) fix it. Else a
    path takes no `+`: `/` joins, `str(...)` makes text."""
    found = _DIVIDED_THEN_ADDED.search(p.user_line.split("#", 1)[0])
    if found:
        left, part, added = found.groups()
        fixed = f"`{left} / ({part} + {added})`"
        if part.isidentifier() and _PLAIN_TEXT.fullmatch(added):
            fixed += f" or `{left} / f{added[0]}{{{part}}}{added[1:]}`"
        return (
            f"`/` binds tighter than `+`, so `{left} / {part}` is a path before `+` adds "
            f"{added} to it, and a path takes no `+`: write {fixed}."
        )
    return (
        "A `pathlib` path takes no `+`: join a part with `/` (`folder / 'name.csv'`), or make it "
        "text first (`str(path) + '...'`)."
    )


# Types of points and spans of time, Python's and pandas'.
_TIME_TYPES = re.compile(r"(?:^|\.)(?:datetime|date|timedelta|Timestamp|Timedelta)$")


def _time_and_number(p, op: str, t: str, o: str, odd: str) -> str:
    """A time and a number: which side is wrong the types do not say, except when the line adds
    to a total (`s = s + d`, `s += d`) that holds the number, a sum started at `0`."""
    number = o if odd == t else t
    total = re.match(r"\s*([A-Za-z_][\w.]*)\s*(?:\+=|=\s*\1\s*\+)", p.user_line)
    # only a duration sums: points in time (datetime, Timestamp) cannot be added up at all
    if total and op in ("+", "+=") and is_number(t) and re.search(r"(?i)timedelta$", odd):
        name = total.group(1)
        return (
            f"`{name}` holds {article(number)} `{number}` (a total started at `0`?) and gets "
            f"{article(odd)} `{odd}` added: start it as a zero duration, `{name} = "
            "timedelta(0)` (or `pd.Timedelta(0)`), or add numbers (e.g. `.total_seconds()`)."
        )
    return (
        f"`{op}` cannot combine {article(number)} `{number}` and {article(odd)} `{odd}`: either "
        f"the number should be a duration (`timedelta(...)`; a total started at `0` instead of "
        f"`timedelta(0)`), "
        f"or the time should be a number (`.total_seconds()`, `.days`); print both sides."
    )


# A text of numbers with a separator between them: "4,2,2", "1.5; 2", "3 4 5".
_NUMBER_LIST = re.compile(r"^\s*-?\d+(?:\.\d+)?(?:\s*([,;]|\s)\s*-?\d+(?:\.\d+)?)+\s*$")


def _numbers_in_one_text(p, op: str) -> tuple[str, str, str] | None:
    """(name, its text, the separator) when a plain-name operand of `op` on the line was
    last assigned a quoted text of several numbers (`a = "4,2,2"`): no conversion of the whole
    text gives a number."""
    code, _ = seen_code(p)
    for name in re.findall(
        rf"(?<![\w.])([A-Za-z_]\w*)\s*{re.escape(op)}|{re.escape(op)}\s*([A-Za-z_]\w*)(?![\w.(\[])",
        code_only(p.user_line),
    ):
        name = name[0] or name[1]
        assigned = re.findall(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)[ \t]*(.*)$", code, re.M)
        literal = re.fullmatch(r"""(['"])([^'"]*)\1\s*""", assigned[-1]) if assigned else None
        numbers = _NUMBER_LIST.match(literal.group(2)) if literal else None
        if numbers:
            return name, literal.group(2), numbers.group(1).strip() or " "
    return None


def _word_operand(line: str, op: str) -> str:
    """A quoted literal without a digit that the line gives `op` directly (`'a' - x`,
    `divmod('a', 3)`), or "": text no float() or to_datetime() could read as a number."""
    lit = r"""(?P<lit>(['"])[^'"\d]*\2)"""
    name = re.escape(op[:-2]) if op.endswith("()") else ""
    if name:
        patterns = (rf"\b{name}\(\s*{lit}", rf"\b{name}\([^()]*,\s*{lit}\s*\)")
    else:
        patterns = (rf"{lit}\s*{re.escape(op)}(?!=)", rf"(?<![=<>!]){re.escape(op)}\s*{lit}")
    for pattern in patterns:
        m = re.search(pattern, line)
        if m:
            return m.group("lit")
    return ""


# `str(flowers_path) / species`, `data_dir / 'a.csv'`: the left side of `/` is a path made text
# by `str(...)`, or a name that ends in path, dir, folder or root (`img_dir`, `path_in`; not
# `direction`); `str(hits) / str(total)` is numbers made text, no path.
_PATH_DIVIDED = re.compile(
    r"\bstr\(\s*(?:[\w.]*(?:path|dir|folder|root)(?:s|_\w*)?|(?:pathlib\.)?Path\([^()]*\))"
    r"\s*\)\s*\)?\s*/(?!/)"
    r"|\b\w*(?:path|dir|folder|root)(?:s|_\w*)?\s*\)?\s*/(?!/)\s*[\w('\"]",
    re.I,
)


# Operators whose result a lambda could compute from a function's result (not comparisons).
_ARITHMETIC = ("+", "-", "*", "/", "//", "%", "**", "@")


def _function_as_operand(p, t: str, o: str, op: str) -> str:
    """A function or method where a value belongs. `df.pop > 5`: a column named like a
    DataFrame method is read through the dot as the method; `f - 0.3` on a plain function:
    calling it needs its arguments, or the user builds a new function."""
    key = re.search(r"\bkey\s*=\s*lambda\s+(\w+)\s*:\s*(\1\.\w+)\s*[,)]", p.user_line)
    if key and op in ("<", ">", "<=", ">="):
        # `sorted(s, key=lambda x: x.index)`: the key returns each item's method, and sorting
        # compares those methods.
        attribute = key.group(2).rsplit(".", 1)[-1]
        if "builtin_function_or_method" in (t, o) and attribute in ("index", "values"):
            # a pandas object holds `.index`/`.values` as values; a text, list or dict has
            # them as methods: the items are plain Python objects (a DataFrame yields its
            # column names), not the rows the key was written for
            return (
                f"The items sorted are plain Python values (iterating a DataFrame gives its "
                f"column names, a dict its keys), whose `.{attribute}` is a method, not a value "
                "as on pandas objects: to order a DataFrame or Series by its index, use "
                "`.sort_index()` (by a column, `.sort_values('col')`)."
            )
        return (
            f"The `key` function returns `{key.group(2)}`, a method of each item, not a value, "
            "and sorting compares what `key` returns: make it return a value (call the method "
            "with what it needs, or use an item or attribute that holds the value)."
        )
    bare = re.findall(r"\.([A-Za-z_]\w*)\b(?!\s*[(\w])", code_only(p.user_line))
    if "method" in (t, o) and len(bare) == 1:
        name = bare[0]
        return (
            f"`.{name}` is a method here, not a value: for a column named '{name}', write "
            f"`df['{name}']` (a column named like a method is read only with `[...]`); "
            f"otherwise call it, `.{name}(...)`."
        )
    clash = _value_and_def_named_alike(p)
    if clash and "function" in (t, o):
        # `N = 8` and later `def N(mu0)`: the line meant the number, the `def` took the name.
        return (
            f"The notebook binds `{clash}` both to a value (`{clash} = ...`) and to a function "
            f"(`def {clash}`), so here `{clash}` is the function: rename one of them and re-run."
        )
    if "function" in (t, o) and "method" not in (t, o) and op in _ARITHMETIC:
        return (
            f"A function is used as a value in `{op}`: call it with its arguments, `f(x)`, or, "
            f"to build a new function from it, write `lambda x: f(x) {op} ...`."
        )
    other = o if t in _FUNCTION_TYPES else t
    if other not in _FUNCTION_TYPES and not is_number(other) and other not in _VALUE_TYPES:
        # `self * xtrain.mean`: the method lacks its `()`, and the other side is no value either
        return (
            f"Neither side of `{op}` is a number: one is a function or method used without `()` "
            f"(call it, e.g. `.mean()`); the other is {article(other)} `{other}` object: print "
            "its `type(...)` if it is not what the operation needs."
        )
    return (
        "A function or method is used as a value: add the parentheses to call it, e.g. "
        "`df['x'].mean()`."
    )


_FUNCTION_TYPES = frozenset({"method", "function", "builtin_function_or_method"})
# Types that hold values an operator may take (numbers aside).
_VALUE_TYPES = frozenset(
    {"numpy.ndarray", "Tensor", "Series", "DataFrame", "str", "list", "tuple", "NoneType", "bool"}
)


def _value_and_def_named_alike(p) -> str:
    """The one name of the failing line that the code assigns a value to and also defines with
    `def` (the later binding wins, so one of the two uses meets the other's object)."""
    code, _ = seen_code(p)
    names = set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\b(?!\s*\()", code_only(p.user_line)))
    both = {
        n
        for n in names
        if re.search(rf"^[ \t]*def[ \t]+{re.escape(n)}\b", code, re.M)
        and re.search(rf"^[ \t]*{re.escape(n)}[ \t]*=(?![=\s]*lambda\b)", code, re.M)
    }
    return both.pop() if len(both) == 1 else ""


def _callee_library(p) -> str | None:
    """The library the failing line called into (its operator's method), None for none."""
    after = callee(p)
    return after.library if after is not None else None


def _text_joined_with_non_text(p, f):
    """When: the user's line itself joins (``+``) or repeats (``*``) the values; the message
    names the sequence type and the other one."""
    other, kind = f.get("other", ""), f.get("type", "str")
    if "can't multiply sequence" in p.message:
        if not raised_by_the_line(p):
            return None
        m = re.search(r"of type '([\w.]+)'", p.message)
        if "*" not in code_only(p.user_line):
            return None  # no `*` on the line: a call (np.dot of text arrays) multiplied
        if _callee_library(p) in ("numpy", "pandas"):
            # the `*` went into NumPy's or pandas' own multiplication, which met a text item:
            # the operands are arrays or columns, not lists, and their items are text
            return (
                "The `*` multiplies the items of NumPy arrays or pandas columns, and some items "
                "are text or lists (dtype `object`, e.g. a text column of the file): keep only "
                "the numeric columns and convert them (`.astype(float)`) before the maths."
            )
        if _QUOTED_TIMES.search(p.user_line):
            # `"g" * str(x)`: a text written on the line is repeated, no maths is meant
            return (
                f"A string repeats only by an int (`'ab' * 3`), and the other side of `*` is a "
                f"{m.group(1) if m else 'non-integer'} here: pass a whole number (`int(...)` of "
                "it, or a count such as `len(...)`)."
            )
        return (
            f"A list (or string) is multiplied by a {m.group(1) if m else 'non-integer'}: `*` on "
            "a sequence repeats it; for maths on each element use a NumPy array "
            "(`np.array(values) * 2.54`)."
        )
    if other == "bytes" or "bytes" in p.message:
        return (
            "Text (str) and bytes are mixed: decode the bytes with `b.decode('utf-8')`, or open "
            "the file in text mode (`'w'`, not `'wb'`) to write text."
        )
    joined = re.search(r"(\w+)\(\) argument must be str", p.message)
    if "must be str" in p.message and not joined and not p.message.startswith("must be str"):
        return None  # a parameter that must be a str ("order must be str, not int")
    if joined:
        return (
            f"`{joined.group(1)}()` needs a str, not a {other}: convert the value with `str(...)`."
        )
    if not raised_by_the_line(p):
        return None
    if "implicitly" in p.message and "+" not in code_only(p.user_line):
        # Python 3.5 says so of a str method's argument too (`s.find(1)`), not only of `+`
        return None
    if kind == "list":
        return _text_meant_as_items(p) if other == "str" else _list_joined_with(other)
    if kind == "tuple":
        return (
            f"A tuple and {article(other)} {other} are joined with `+`: one operand is a tuple (a "
            "trailing comma makes one, as in `n = 6,`); print `type(...)` of both."
        )
    if other in ("list", "tuple", "dict", "NoneType", "DataFrame", "Series"):
        return (
            f"Text (str) is joined with a {other}: join only strings, e.g. with "
            "`', '.join(map(str, items))` or an f-string."
        )
    if other == "Tag" and re.search(r"\bbs4\b|BeautifulSoup", p.user_code):
        # BeautifulSoup's element where text is joined: its text (or its HTML) is what fits
        return (
            f"Text (str) is joined with a BeautifulSoup `{other}` (an HTML element, not text): "
            "take its text with `.get_text()`, or `str(...)` for its HTML."
        )
    if not _NUMBER_TYPE.match(other):
        return None  # a Path, an object: whether its text is meant is not seen here
    added = _number_written_after(p) if kind == "str" else None
    if added:
        name, number = added
        source = _loop_source(p.user_code, name)
        typed = any(v.startswith("input(") for v in assigned_values(p.user_code, name))
        source = (
            f" (it takes its values from `{source}`)"
            if source
            else " (`input()` always returns text)"
            if typed
            else ""
        )
        return (
            f"`{name} + {number}` adds a number to `{name}`, which holds text (a str) here"
            f"{source}: print `repr({name})` and check where it was set, or convert it with "
            "`int(...)`/`float(...)` if it holds digits."
        )
    if p.last_frame is not None and p.last_frame.package == "pandas":
        return _number_column_joined_to_text(p)
    return (
        "Text and a number are joined with `+`: convert the number with `str(x)` (or the text "
        "with `int(...)`/`float(...)` if it holds a number), or use an f-string."
    )


# A text literal added with `+` (`df['a'] + ' ' + df['b']`): a `"]` closing a column's name
# before the `+` is no such operand.
_TEXT_OPERAND = re.compile(r"""\+\s*[rbfuRBFU]{0,2}['"]|['"]\s*\+""")


def _number_column_joined_to_text(p) -> str:
    """pandas joined the items of a column one by one: `str(col)` would give the column's
    printed form, not its values, so the column itself is converted. A missing value (NaN) is
    a float too, which is why the blank is named. Joining text is what was meant only when the
    line adds a text literal; columns added to columns may as well be numbers kept as text."""
    if not _TEXT_OPERAND.search(code_only(p.user_line) or p.user_line):
        return (
            "pandas adds the columns item by item, and some items are text (str) while others "
            "are numbers (NaN counts as one): to add numbers, convert the text columns with "
            "`pd.to_numeric(col, errors='coerce')`; to join text, use `.astype(str)` on each."
        )
    return (
        "pandas joins a column item by item, and some items are numbers (NaN counts as one): "
        "convert the whole column with `.astype(str)` (after `.fillna('')` if values are "
        "missing); `str(col)` would give the column's printed form."
    )


def _number_written_after(p) -> tuple[str, str] | None:
    """(name, number) when the line's only `+` adds a number written as digits to a plain name
    (`value + 2`): arithmetic is meant, so the str is the name's value, not the number."""
    line = code_only(p.user_line)
    m = re.search(r"(?<![\w.'\"\]\)])([A-Za-z_]\w*)\s*\+\s*(\d+(?:\.\d+)?)(?![\w.])", line)
    return m.groups() if m and line.count("+") == 1 else None


def _loop_source(code: str, name: str) -> str:
    """What a `for` of the code takes `name` from (`for k, v in s.items():` gives `s`), or ""."""
    m = re.search(
        rf"^[ \t]*for\s+(?:[\w\s,]*,\s*)?{re.escape(name)}\s+in\s+([A-Za-z_][\w.]*?)"
        r"(?:\.(?:items|iteritems|values|itertuples)\(\))?\s*:",
        code,
        re.M,
    )
    return m.group(1) if m else ""


# A string literal on one side of a `*` (not `**`): `"g" * n`, `n * '-'`.
_QUOTED_TIMES = re.compile(
    r"""(?:^|[^\w'"])[rbfu]?(['"])[^'"\n]*\1\s*\*(?!\*)|(?<!\*)\*\s*[rbfu]?['"]""", re.I
)


def _word_literal_in_call(line: str):
    """`chr('Python')` on the line: a call (group 1) given a quoted text (group 2) that is no
    number, the call's only argument."""
    return re.search(r"""\b([A-Za-z_][\w.]*)\(\s*(['"][^'"\d]*[A-Za-z][^'"\d]*['"])\s*\)""", line)


_NUMBER_TYPE = re.compile(r"^(?:numpy\.)?(?:int|float|complex|bool|u?int\d+|float\d+)_?$")
# Iterables whose items `list(...)` gives: appending them to a list is what `+` was meant for.
_ITERABLES = ("range", "tuple", "set", "dict_keys", "dict_values", "map", "filter", "zip")


def _text_meant_as_items(p) -> str:
    """`items + s` with `s` a str: when the cell also loops over `s` (`for w in s`), it takes
    `s` for a list of items (tokens), which a str is not (a loop over it gives characters):
    neither `[s]` nor a suffix is meant, a list made from the text is."""
    code = p.user_code[-2000:]
    for name in re.findall(r"\+\s*([A-Za-z_]\w*)\b(?!\s*[\[(.])", code_only(p.user_line)):
        # a `for` statement or a comprehension's `for` over the name itself
        if re.search(rf"\bfor\s+[\w, ]+\s+in\s+{re.escape(name)}\s*(?:[:\])]|if\b)", code):
            return (
                f"`{name}` is a str, which this cell also loops over as if it held items (a "
                "loop over a str gives its characters): make it a list first, e.g. "
                "`.split()`, or `ast.literal_eval(...)` for a list read back from a CSV file."
            )
    return _list_joined_with("str") or ""


def _list_joined_with(other: str) -> str | None:
    """`items + x`: a number is one item to wrap (or maths meant on each element), a range or
    other iterable its items to convert, a str one item or a suffix meant for each item."""
    if other in _ITERABLES or other == "generator":
        return (
            f"A list and {article(other)} {other} are joined with `+`, which only appends another "
            f"list: convert the {other} first (`items + list(r)`)."
        )
    if other == "str":
        return (
            "A list and a str are joined with `+`, which only appends another list: to add the "
            "text as one item write `items + [s]`; to add it to each item, "
            "`[x + s for x in items]`."
        )
    if not _NUMBER_TYPE.match(other):
        return None
    return (
        f"A list and {article(other)} {other} are joined with `+`, which only appends another "
        "list: wrap the value in a list (`items + [x]`), or use a NumPy array for maths on "
        "each element."
    )


def _not_serializable(p, f):
    if re.search(r"\.save\(", p.user_line):
        return None  # the line already uses the model's own save: the advice would be its own
    if f.get("type") in ("weakref", "_thread.lock", "_thread.RLock", "module", "generator"):
        return (
            f"Objects holding a `{f['type']}` (Keras/TF models, locks, open handles) cannot be "
            "pickled: save a model with its own `model.save(path)`, or pickle only plain data."
        )
    kind = f.get("type", "")
    return (
        f"A value of type `{kind or 'value'}` cannot be saved this way: convert it first "
        f"({_plain_conversion_of(kind)}), or save only the parts that can be serialised."
    )


# NumPy's and torch's containers and scalars: `.tolist()` / `int(x)` make plain Python values.
_NUMERIC_CONTAINER = re.compile(r"^(?:ndarray|Series|Tensor|(?:u?int|float|complex)\d+|bool_)$")
_DATE_TYPE = re.compile(r"^(?:Timestamp|Timedelta|datetime|date|time|timedelta|datetime64)$")


def _plain_conversion_of(kind: str) -> str:
    """The conversion that fits the type: `.tolist()`/`int(x)` fail on a set or a Timestamp."""
    if _NUMERIC_CONTAINER.match(kind):
        return "e.g. `.tolist()`, `int(x)`"
    if kind in ("set", "frozenset"):
        return "e.g. `list(s)`"
    if _DATE_TYPE.match(kind):
        return "e.g. `str(x)`, or `df[col].astype(str)` for a date column"
    return "to plain str, int, float, list or dict values"


def _text_expected(p, f):
    got = f.get("type", "")
    if got == "float":
        return (
            "A text function (a regex or string method) got a number, usually NaN in a text "
            "column: fill or drop the missing values first, e.g. `df['text'].fillna('')`."
        )
    split = _list_of_pieces_passed(p) if got in ("", "list") else None
    if split:
        name, value, function = split
        return (
            f"`{name}` holds a list: `{value}` returns the pieces of the text, and `{function}` "
            "takes one str. Pass it a str: join the pieces (`' '.join(...)`), or remove "
            "characters with `str.replace`/`str.translate` instead of splitting."
        )
    if not got:
        return (
            "A text function (a regex or string method) got something that is not a string: "
            "print `type(...)` of what it got (NaN in a text column is a float: "
            "`df['text'].fillna('')`)."
        )
    return (
        f"A text function (a regex or string method) got a `{got}`, not a string: pass the "
        "text itself, or convert with `str(...)` / `.astype(str)`."
    )


# A call that returns a list of strings, never one str: `s.split(...)`, `f.readlines()`,
# `re.findall(...)` (pandas' `.str.split` gives a Series).
_LIST_OF_TEXTS = re.compile(
    r"[\w.\[\]'\"]+(?<!\.str)\.(?:r?split|splitlines|readlines)\(.*\)"
    r"|re\.(?:findall|split)\(.*\)"
)


def _list_of_pieces_passed(p) -> tuple[str, str, str] | None:
    """(name, its value, the function) when the innermost line of the user's passes a plain
    name to a function, and every assignment of that name the code shows (the notebook and the
    frame's lines) is a call that returns a list of strings: a text function got the list."""
    frame = next((fr for fr in reversed(p.frames) if fr.is_user), None)
    line = frame.failing_line if frame is not None else p.user_line
    code = "\n".join((seen_code(p)[0], *(frame.code_lines if frame is not None else ())))
    for function, name in re.findall(r"([A-Za-z_][\w.]*)\(\s*([A-Za-z_]\w*)\s*[,)]", line or ""):
        values = assigned_values(code, name)
        if values and all(_LIST_OF_TEXTS.fullmatch(v) for v in values):
            return name, values[-1], function
    return None


def _image_given_to_imread(line: str) -> tuple[str, str] | None:
    """(path, name) of `cv2.imread('out.png', img)`: a file name and a plain variable where
    `imread` takes its flag, the argument order of `cv2.imwrite`."""
    m = re.search(r"""(?<![\w.])cv2\.imread\(\s*((['"])[^'"]+\2)\s*,\s*([A-Za-z_]\w*)\s*\)""", line)
    if m is None or m.group(3).isupper():  # `FLAG`: a constant holds a flag
        return None
    return m.group(1), m.group(3)


# `range(frame.index[0], …)`: a row label, read by its position, as a bound of a range.
_INDEX_LABEL = re.compile(r"\brange\([^)]*?\b([A-Za-z_][\w.]*)\.index\[")


# `x_test.Age`, `df['Age']`: a column of a frame (group 1 the frame)
_FRAME_OF_COLUMN = re.compile(r"""([A-Za-z_]\w*)(?:\.[A-Za-z_]\w*|\[\s*['"][^'"]+['"]\s*\])$""")


def _text_as_scatter_size(p) -> str:
    """`plt.scatter(x, y, 'b')`: the third positional parameter of `scatter` is `s`, the marker
    sizes, and matplotlib's square root of them fails on the text; the data is fine."""
    call = failing_call(p)
    if call is None or not call.function.endswith("scatter"):
        return ""
    keywords = call.keywords()
    size = keywords.get("s", "").strip()
    if "data" not in keywords and re.fullmatch(r"""(['"])[^'"]*\1""", size):
        # `s='bubble_size'`: text given as the sizes (`data=` would look it up as a column)
        plotted = _FRAME_OF_COLUMN.match(call.args[0].strip()) if call.args else None
        frame = plotted.group(1) if plotted else "df"
        return (
            f"`scatter`'s `s=` sets the marker sizes and needs numbers, but it got the text "
            f"{size}: pass a number or a numeric array or column (`s={frame}[{size}]` if it "
            "names a column)."
        )
    if len(call.args) < 3:
        return ""
    third = call.args[2].strip()
    if not re.fullmatch(r"""(['"])[^'"]*\1""", third):
        return ""
    return (
        f"`scatter`'s third positional argument is `s`, the marker size, so the text {third} "
        f"was read as sizes: pass a color by name, `c={third}` (a plot's format string such "
        "as `'b-'` belongs to `plot`)."
    )


def _raised_in_pandas_lookup(p) -> bool:
    """The deepest frame is pandas' and a pandas `__getitem__` led to it."""
    deepest = p.frames[-1] if p.frames else None
    return bool(
        deepest
        and deepest.library == "pandas"
        and any(fr.library == "pandas" and fr.function.endswith("__getitem__") for fr in p.frames)
    )


def _integer_needed(p, f):
    """When: the message says which conversion failed and, for "cannot be interpreted as an
    integer", of what type the value is; ``int(...)`` is only offered for numbers."""
    t = f.get("type", "")
    if not raised_by_the_line(p) and failing_call(p) is not None:
        return number_argument_words(p, t, "uses") if "interpreted" in p.message else None
    if "only size-1 arrays" in p.message and not re.search(
        r"\b(?:float|int|complex)\(|\bmath\.", code_only(p.user_line)
    ):
        # No conversion on the line: a function it calls turned an argument into one number.
        read = _image_given_to_imread(p.user_line)
        if read:
            path, image = read
            return (
                f"`cv2.imread` reads a file, and its second argument is a flag (a number such as "
                f"`cv2.IMREAD_GRAYSCALE`), not the array `{image}`: to save `{image}` to "
                f"{path}, call `cv2.imwrite({path}, {image})`."
            )
        return (
            "A function on this line converts one of its arguments to a single number, but got "
            "an array: check which argument must be one number (a size, a count, a rate)."
        )
    if "only size-1 arrays" in p.message:
        return (
            "A whole array went where one number is needed (`float(...)`, `int(...)` or a "
            "`math` function): use NumPy's element-wise functions (`np.log(a)`) or pick one item."
        )
    if "only integer scalar arrays" in p.message and _in_own_function(p):
        # the array came in as an argument: converting it inside the function hides the wrong
        # value the call passed
        name = p.last_frame.function
        return (
            f"An array went where one integer is needed (an index, a size or a count) inside "
            f"your function `{name}`: print what the call passes to `{name}(...)`; one "
            "argument may not be the value the function expects."
        )
    if "only integer scalar arrays" in p.message and _raised_in_pandas_lookup(p):
        # pandas' own column lookup (`x['a']` → `iget`) met positions it made itself, as
        # duplicated or nested column labels give: the line need pass no array at all
        return None
    indexed = _sequence_indexed_by_array(p) if "only integer scalar arrays" in p.message else None
    if indexed:
        # `b[mask]` on a line that calls nothing: only a list's or a tuple's `[...]` turns
        # its index into one integer (an array's takes masks and positions)
        name, index = indexed
        return (
            f"`{name}` is a Python list (or tuple), whose `[...]` takes one integer position, "
            f"not an array of positions or a mask like `{index}`: make it an array first "
            f"(`{name} = np.array({name})`)."
        )
    if "only integer scalar arrays" in p.message:
        return (
            "An array went where one integer is needed (an index, a size or a count): pass one "
            "number, e.g. `int(a[0])` or `len(a)`."
        )
    if ("must be a string or a" in p.message or "must be real number" in p.message) and t in (
        "DataFrame",
        "Series",
    ):
        # float() converts one value; pandas converts a whole table or column with astype.
        return (
            f"`float()`/`int()` convert one value, not a `{t}`: convert its values with "
            "`.astype(float)` instead."
        )
    if t == "NAType" and (
        "must be a string or a" in p.message or "must be real number" in p.message
    ):
        # `pd.NA` is pandas' missing value (nullable dtypes, `convert_dtypes()`), not text.
        return (
            "A number was needed and the value was `pd.NA`, pandas' missing value, not text: "
            "find the gaps with `.isna().sum()`, then fill or drop them before this step."
        )
    if ("must be a string or a" in p.message or "must be real number" in p.message) and not (
        raised_by_the_line(p)
    ):
        # Raised deep in a library (matplotlib drawing a figure): no `int()` of the user's.
        last = p.last_frame
        lib = last.package or last.library if last is not None else ""
        where = f"`{lib}`" if lib else "A library"
        return (
            f"{where} needed a number and got a `{t or 'value'}`: one of the values your code "
            "passed to it holds text where a number belongs; print their types to find it."
        )
    if "must be a string or a" in p.message or "must be real number" in p.message:
        return (
            f"`int()`/`float()` (or a `math` function) got a `{t or 'value'}`, which is no "
            "number: pass the number it holds (one value, not a container or None)."
        )
    shape = _ndarray_constructor(p.user_line)
    if shape and (t == "str" or is_number(t) or t.startswith("numpy.float")):
        # `np.ndarray([0, '1'])`: the list is read as a shape, though it was meant as the values
        return (
            f"`np.ndarray(...)` takes the array's shape (whole numbers), not its values, so "
            f"`{shape}` is read as sizes: to build an array of these values write "
            f"`np.array({shape})`."
        )
    built = _integer_tensor_of(p.user_line)
    if built and (is_number(t) or t.startswith("numpy.float")):
        # the float is an item of the data, not one size or index that int(...) would convert
        return (
            f"`{built.group(0)}` needs integers, and `{built.group(2)}` holds {t} values: "
            "check the step that produced them, which should give whole numbers (class "
            "labels, indices, chosen actions), not floats."
        )
    stepped = _fraction_in_range(p.user_line)
    if stepped and (is_number(t) or t.startswith("numpy.float")):
        # `range(1, 10, 0.5)`: int(0.5) is 0, so converting would give no step at all
        return (
            f"`range(...)` takes whole numbers only, and `{stepped.group(1)}` is a fraction: "
            f"for fractional steps use `np.arange({stepped.group(0)[6:-1]})`."
        )
    if is_number(t) or t.startswith("numpy.float"):
        return (
            f"A {t} is used where an integer is needed (a size, index, count or `range`): "
            "convert it with `int(...)` or compute it with `//`."
        )
    if t == "str":
        word = _word_literal_in_call(p.user_line)
        if word and word.group(1) != "input":  # input's prompt is no argument of the failing call
            # `chr('Python')`: the text written on the line holds no number to parse.
            return (
                f"`{word.group(0)}` passes the text {word.group(2)} where an integer is "
                f"needed, and that text holds no number: pass an integer (see "
                f"`help({word.group(1)})`)."
            )
        labels = _INDEX_LABEL.search(p.user_line)
        if labels:
            # `range(pv.index[0], pv.index[-1])`: the labels are text (dates, names), and
            # parsing them gives no positions
            return (
                f"`range(...)` is given text, and `{labels.group(1)}.index[...]` reads a row label "
                "(text when the index holds dates or names), not a position: loop over positions "
                f"with `range(len({labels.group(1)}))` and read "
                "rows with `.iloc[...]`."
            )
        return (
            "Text is used where an integer is needed (a size, index, count or `range`): parse "
            "it with `int(...)`."
        )
    return (
        f"A `{t or 'value'}` object is used where an integer is needed (a size, index, count or "
        "`range`): pass the integer itself."
    )


def _op_outside_calls(p, op: str) -> bool:
    """The line writes ``op`` outside every call's parentheses (`if a % 2 == 1:`), so the test
    itself works on its result; inside a call (`if sum(a / 2) > 3:`) the call's value is the
    one True/False-bound value, and the operator's operands are what to fix."""
    line = code_only(p.user_line)
    while True:
        flat = re.sub(r"[\w\]\)]\s*\([^()]*\)", "_", line)
        if flat == line:
            break
        line = flat
    return op in line


# `name[index]` with a name (or an attribute) as its whole index
_NAME_INDEXED = re.compile(r"(?<![\w.\])])([A-Za-z_]\w*)\[\s*([A-Za-z_][\w.]*)\s*\]")


def _sequence_indexed_by_array(p) -> tuple[str, str] | None:
    """(sequence, index) when the cell's own line raised and it calls nothing, with one
    subscript of a name by a name: that subscript is the only operation that asks for an
    integer index."""
    if not _raised_in_the_cell(p):
        return None
    code = code_only(p.user_line)
    found = _NAME_INDEXED.findall(code)
    if "(" in code or len(found) != 1 or code.count("[") != 1:
        return None
    name = found[0][0]
    seen, _ = seen_code(p)
    if re.search(
        rf"^[ \t]*{name}\s*=\s*(?:[rbfuRBFU]{{0,2}}['\"]|str\(|input\(|[^\n]*\.read\(\))",
        seen,
        re.M,
    ):
        # `seq = 'ACGT...'`: a string's `[...]` wants one integer too, and is no list to convert
        return None
    return found[0]


def _in_own_function(p) -> bool:
    """The failing line is in a function of the notebook's that the cell called (a user frame
    under another user frame), not at the cell's top level."""
    last = p.last_frame
    users = [f for f in p.frames if f.is_user]
    return (
        last is not None
        and last.is_user
        and len(users) > 1
        and re.fullmatch(r"[A-Za-z_]\w*", last.function or "") is not None
    )


def _fraction_in_range(line: str) -> re.Match | None:
    """`range(1, 10, 0.5)` on the line: a `range(...)` call (group 0) whose arguments are written
    out, one of them a decimal literal with a fraction (group 1)."""
    call = re.search(r"(?<![\w.])range\(([^()]*)\)", line)
    if not call:
        return None
    # the literal is a whole argument (`range(0, 1, 0.1)`), not a factor of one (`range(n *
    # 0.5)`, where the count wanted is a whole number: `int(...)`, not a fractional step)
    fraction = next(
        (a for a in call.group(1).split(",") if re.fullmatch(r"\s*\d*\.\d*[1-9]\d*\s*", a)), ""
    )
    fraction = re.search(r"\d*\.\d*[1-9]\d*", fraction)
    if not fraction:
        return None
    return re.search(rf"(?<![\w.])range\([^()]*?({re.escape(fraction.group(0))})[^()]*\)", line)


def _ndarray_constructor(line: str) -> str:
    """The list or tuple written as the first argument of `np.ndarray(...)` on the line (NumPy's
    low-level constructor, whose first parameter is the shape) when it holds a quoted or a
    decimal literal, values no shape has; else "" (names may be sizes held as text)."""
    m = re.search(r"(?<![\w.])(?:np|numpy)\.ndarray\(\s*(\[[^\[\]]*\]|\([^()]*\))", line)
    written = m.group(1) if m else ""
    return written if re.search(r"""['"]|(?<![\w.])\d*\.\d""", written) else ""


def _integer_tensor_of(line: str) -> re.Match | None:
    """`torch.LongTensor(actions)` on the line: an integer tensor (group 1) built from the data
    of one name (group 2)."""
    return re.search(r"\b(torch\.(?:Long|Int|Short|Byte|Char)Tensor)\(\s*([\w.]+)\s*\)", line)


def _not_a_context_manager(p, f):
    if f.get("type") in ("type", "function", "method", "builtin_function_or_method"):
        return (
            "`with` needs an object, not a class or function: call it, e.g. "
            "`with torch.no_grad():`."
        )
    return (
        f"A `{f.get('type')}` cannot be used in a `with` statement: check what the expression "
        "returns."
    )


# `torch.Tensor.random_(3, 10)`, `str.lower(5)`: a method called on its class, so the first
# argument took the place of the object.
_ON_THE_CLASS = re.compile(
    r"descriptor '(?P<method>\w+)' (?:for|of) '(?P<cls>[\w.]+)' objects? "
    r"(?:doesn't apply to an? '[\w.]+' object|needs an argument)"
)


# "tuple expected at most 1 argument, got 2": a builtin given its items one by one.
_AT_MOST = re.compile(r"^(\w+) expected at most (\d+) arguments?, got (\d+)")


def _wrong_type(p, f):
    """Only for a non-integer index, a builtin given too many arguments ("tuple expected at
    most 1 argument"), or a method called on its class (the message's "descriptor … doesn't
    apply"); any other TypeError gets the safe hint."""
    if "indices must be integers" in p.message:
        return non_integer_index_hint(p, f)
    many = _AT_MOST.search(p.message)
    if many:
        function, most, got = many.groups()
        return (
            f"`{function}()` takes at most {most} argument{'s' if most != '1' else ''} and the "
            f"call passes {got}: pass the values together as one (a list or tuple, e.g. "
            f"`{function}([a, b])`), or check the call against its documentation."
        )
    m = _ON_THE_CLASS.search(p.message)
    if m:
        method, cls = m.group("method"), m.group("cls").rsplit(".", 1)[-1]
        return (
            f"`{method}` was called on the class, not on an object: it is a method of a "
            f"`{cls}`, so call it on one (`x.{method}(...)`, with `x` a `{cls}` you made)."
        )
    return None


# Fire on the exception class or a broad message shape: they cannot know the cause.
CATCH_ALL = frozenset({TYPE_ERROR})

HINTS: dict[str, Template] = {
    DTYPE_PROMOTION: _text_and_numbers_mixed,
    UNSUPPORTED_DTYPE_OPERATION: _text_columns_in_numeric_operation,
    OPENCV_NOT_ARRAY: _opencv_not_an_array,
    NOT_CALLABLE: _not_callable,
    NOT_SUBSCRIPTABLE: _not_subscriptable,
    NOT_ITERABLE: _not_iterable,
    UNHASHABLE: _unhashable,
    BAD_OPERANDS: _unsupported_operands,
    STR_CONCAT: _text_joined_with_non_text,
    NOT_SERIALIZABLE: _not_serializable,
    TEXT_EXPECTED: _text_expected,
    CANNOT_INTERPRET: _integer_needed,
    CONTEXT_MANAGER: _not_a_context_manager,
    TYPE_ERROR: _wrong_type,
}
