"""TypeError that is about the object, not the call: not callable, not subscriptable, not
iterable, unhashable, bad operand types."""

from __future__ import annotations

import re

from .base import group_facts, pattern_rule

_T = "type_error"


def _type_of(parsed, m):
    facts = group_facts(type="type", other="other", op="op")(parsed, m)
    if facts.get("type") == "NoneType":
        facts["none"] = "yes"
    return facts


RULES = (
    pattern_rule(
        "types.not_callable",
        _T,
        r"'(?P<type>[\w.]+)' object is not callable",
        enames={"TypeError"},
        confidence=0.93,
        facts=_type_of,
    ),
    pattern_rule(
        "types.not_subscriptable",
        _T,
        r"'(?P<type>[\w.]+)' object is not subscriptable|object of type '(?P<t2>\w+)' has no len"
        r"|'(?P<t3>[\w.]+)' object does not support item assignment",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: _type_of(p, m) or {"type": m.group("t2") or m.group("t3") or ""},
    ),
    pattern_rule(
        "types.not_iterable",
        _T,
        r"'(?P<type>[\w.]+)' object is not iterable|cannot unpack non-iterable (?P<t2>\w+) object",
        enames={"TypeError"},
        confidence=0.9,
        facts=lambda p, m: {"type": m.group("type") or m.group("t2") or ""},
    ),
    pattern_rule(
        "types.unhashable",
        _T,
        r"unhashable type: '(?P<type>[\w.]+)'",
        enames={"TypeError"},
        confidence=0.9,
        facts=_type_of,
    ),
    pattern_rule(
        "types.bad_operands",
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
        "types.str_concat",
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
        "types.not_serializable",
        _T,
        r"Object of type '?(?P<type>\w+)'? is not JSON serializable|cannot pickle '(?P<t2>[\w.]+)'"
        r"|can't pickle (?P<t3>\w+)",
        confidence=0.8,
        facts=lambda p, m: {"type": m.group("type") or m.group("t2") or m.group("t3") or ""},
    ),
    pattern_rule(
        # A text function (re, str methods) called with NaN or another non-string argument.
        "types.text_expected",
        "invalid_argument",
        r"expected string or bytes-like object(?:, got '(?P<type>\w+)')?",
        enames={"TypeError"},
        confidence=0.85,
        facts=lambda p, m: {"type": m.group("type") or "", "detail": "text"},
    ),
    pattern_rule(
        "types.cannot_interpret",
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
        "types.unsupported_dtype_operation",
        _T,
        r"does not support (?:operation|reduction) '?(?P<op>\w+)'?|no numeric data to plot"
        r"|Cannot perform reduction '(?P<op3>\w+)' with (?:string|object) dtype"
        r"|Could not convert .* to numeric|agg function failed \[how->(?P<op2>\w+)",
        enames={"TypeError"},
        confidence=0.8,
        facts=lambda p, m: {"op": m.group("op") or m.group("op2") or m.group("op3") or ""},
    ),
    pattern_rule(
        "types.dtype_promotion",
        _T,
        r"could not be promoted by|ufunc '\w+' did not contain a loop with signature matching types"
        r"|ufunc '\w+' not supported for the input types",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "types.context_manager",
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
        "types.opencv_not_array",
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
        "types.type_error",
        _T,
        enames={"TypeError"},
        confidence=0.5,
    ),
)
