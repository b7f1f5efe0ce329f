"""TypeError that is about the object, not the call: not callable, not subscriptable, not
iterable, unhashable, bad operand types."""

from __future__ import annotations

import re

from .base import Template, group_facts, pattern_rule
from .indexes import non_integer_index_hint

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
        r"|'(?P<t3>[\w.]+)' object does not support item assignment",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: _type_of(p, m) or {"type": m.group("t2") or m.group("t3") or ""},
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
        r"|Can't convert '\w+' object to str implicitly",
        enames={"TypeError"},
        confidence=0.88,
        facts=lambda p, m: {
            "type": m.group("type") or "str",
            "other": m.group("other") or m.group("o2") or "",
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
        r"|Could not convert .* to numeric|agg function failed \[how->(?P<op2>\w+)",
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


def _text_and_numbers_mixed(p, f):
    return (
        "NumPy cannot combine text and numbers in this operation: convert the array to a numeric "
        "dtype first (e.g. `arr.astype(float)` after cleaning the text values)."
    )


def _text_columns_in_numeric_operation(p, f):
    op = f" `{f['op']}`" if f.get("op") else ""
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
    return (
        f"OpenCV's `{arg}` argument is not a NumPy image: it is often None (a failed "
        "`cv2.imread`), a PIL image or a list; check `img is not None` and convert with "
        "`np.array(img)`."
    )


def _not_callable(p, f):
    t = f.get("type", "")
    if t in ("list", "dict", "str", "int", "float", "tuple", "DataFrame", "Series"):
        return (
            f"A `{t}` is called like a function: use `[...]` to index it, or a variable has "
            "replaced a function of the same name (e.g. `list = ...`); rename it and re-run."
        )
    if t == "module":
        return "You call a module: call the class or function inside it, e.g. `tqdm.tqdm(...)`."
    article = "An" if t[:1].lower() in "aeiou" else "A"
    return (
        f"{article} `{t}` object is called with `(...)` but is not a function: a variable may "
        "hide the function of the same name; rename it and restart."
    )


def _not_subscriptable(p, f):
    t = f.get("type", "")
    if (f.get("none") or t == "NoneType") and "has no len" in p.message:
        return (
            "You take `len()` of None: the call before returned nothing (e.g. `.sort()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if f.get("none") or t == "NoneType":
        return (
            "You index a None: the call before returned nothing (e.g. `.sort()`, `.append()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if t in ("method", "function", "builtin_function_or_method"):
        return "You index a method: call it first with `()`, or drop the `[...]`."
    if t in ("map", "filter", "zip", "dict_keys", "dict_values", "dict_items", "generator"):
        return f"In Python 3 a `{t}` is a lazy view: wrap it in `list(...)` before indexing."
    if "item assignment" in p.message:
        if "GroupBy" in t:
            return (
                "A groupby result cannot be assigned to: compute with `.transform(...)` and assign "
                "to the original DataFrame, e.g. `df['avg'] = "
                "df.groupby('k')['x'].transform('mean')`."
            )
        return (
            f"A `{t}` cannot be changed in place: build a new object (tuples and strings are "
            "immutable)."
        )
    if "has no len" in p.message:
        return (
            f"`len()` does not work on a value of type `{t}`: check what the variable holds "
            "(a single number where a list or array was expected?)."
        )
    if t in ("int", "float", "numpy.int64", "numpy.float64", "bool"):
        return (
            f"A single number (`{t}`) is indexed with `[...]`: the variable holds a number where "
            "a list, array or tuple was expected (e.g. `figsize=(8, 4)`, not `figsize=8`)."
        )
    return (
        f"A `{t}` object cannot be indexed with `[...]`: check how this type gives its items "
        "(e.g. loop over it, or `next(iter(...))` for a DataLoader)."
    )


def _not_iterable(p, f):
    t = f.get("type", "")
    if t in ("int", "float", "numpy.int64", "numpy.float64"):
        return f"You loop over a single {t}: use `range(n)` to loop n times."
    if t == "NoneType":
        return "You loop over or unpack a None: the function before returned nothing."
    return f"A `{t}` cannot be looped over or unpacked: check what the variable holds."


def _unhashable(p, f):
    t = f.get("type", "")
    return (
        f"A `{t}` cannot be a dict key, set member or label: convert it to a tuple or string "
        "(or select the column you meant)."
    )


def _unsupported_operands(p, f):
    t, o = f.get("type", ""), f.get("other", "")
    if "method" in (t, o):
        return "A method is used as a value: add the parentheses to call it, e.g. `df['x'].mean()`."
    if "NoneType" in (t, o):
        return (
            f"One operand of `{f.get('op', '')}` is None: the value before was never set or a "
            "function returned nothing (no `return`, or `inplace=True`)."
        )
    if "unary" in p.message:
        return (
            f"`{f.get('op', '')}` in front of a {t} value does not work: check for a stray "
            f"`{f.get('op', '')}` (e.g. a line break inside a sum) or convert the value first."
        )
    if t == o == "str" and f.get("op") not in ("+", "*", "%"):
        return (
            f"`{f.get('op', '')}` is not defined for text: the columns hold strings; convert them "
            "first with `pd.to_numeric(...)` or `pd.to_datetime(...)`."
        )
    if "str" in (t, o):
        return (
            f"`{f.get('op', '')}` mixes text and numbers ({t} and {o}): convert first, e.g. "
            "`pd.to_numeric(df['col'])`, `float(x)` or `str(n)`."
        )
    if "list" in (t, o) or "tuple" in (t, o):
        return (
            f"Python {t}s do not support `{f.get('op', '')}` element by element: use NumPy arrays, "
            "e.g. `np.array(a) - np.array(b)`."
        )
    return f"`{f.get('op', '')}` does not work between {t} and {o}: convert one side first."


def _text_joined_with_non_text(p, f):
    other = f.get("other", "")
    if other == "bytes" or "bytes" in p.message:
        return (
            "Text (str) and bytes are mixed: decode the bytes with `b.decode('utf-8')`, or open "
            "the file in text mode (`'w'`, not `'wb'`) to write text."
        )
    if other in ("list", "tuple", "dict", "NoneType", "DataFrame", "Series"):
        return (
            f"Text (str) is joined with a {other}: join only strings, e.g. with "
            "`', '.join(map(str, items))` or an f-string."
        )
    return "Text and a number are joined with `+`: convert with `str(x)`, or use an f-string."


def _not_serializable(p, f):
    if f.get("type") in ("weakref", "_thread.lock", "_thread.RLock", "module", "generator"):
        return (
            f"Objects holding a `{f['type']}` (Keras/TF models, locks, open handles) cannot be "
            "pickled: save a model with its own `model.save(path)`, or pickle only plain data."
        )
    return (
        f"A value of type `{f.get('type', 'value')}` cannot be saved this way: convert it "
        "first (e.g. `.tolist()`, `int(x)`), or save only the parts that can be serialised."
    )


def _text_expected(p, f):
    got = f.get("type", "")
    if got == "float":
        return (
            "A text function (a regex or string method) got a number, usually NaN in a text "
            "column: fill or drop the missing values first, e.g. `df['text'].fillna('')`."
        )
    if not got:
        return (
            "A text function (a regex or string method) got something that is not a string, "
            "often NaN in a text column: use `df['text'].fillna('')` or `.astype(str)` first."
        )
    return (
        f"A text function (a regex or string method) got a `{got}`, not a string: pass the "
        "text itself, or convert with `str(...)` / `.astype(str)`."
    )


def _integer_needed(p, f):
    return "An integer is needed (a size, index or count): convert with `int(...)`."


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


def _wrong_type(p, f):
    """Only for a non-integer index; any other TypeError gets the safe hint."""
    if "indices must be integers" in p.message:
        return non_integer_index_hint(p, f)
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
