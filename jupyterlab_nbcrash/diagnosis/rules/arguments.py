"""Arguments: an API got a keyword, a value or a type of argument it does not accept."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, group_facts, named, pattern_rule
from .removed_apis import lookup_kwarg

_IA = "invalid_argument"
# Function names start where no name character precedes them: without the look-behind a long run
# of word characters is re-scanned from every position (quadratic on huge messages).
_UNEXPECTED_KW = re.compile(
    r"(?<![\w.<>])(?P<func>[\w.<>]+)\(\) got an unexpected keyword argument '(?P<kw>\w+)'"
    r"|got an unexpected keyword argument '(?P<kw2>\w+)'"
    r"|Keyword argument not understood: '?(?P<kw3>\w+)'?"
    r"|Unrecognized keyword arguments?(?: passed to (?<![\w.<>])(?P<func4>\w+))?: \{?'(?P<kw4>\w+)'"
    r"|Argument\(s\) not recognized: \{'(?P<kw5>\w+)'"
    r"|(?<![\w.<>])(?P<func6>\w+) got unexpected keyword argument '(?P<kw6>\w+)'"
    r"|invalid keyword argument '(?P<kw7>\w+)'"
)
_POSITIONAL = re.compile(
    r"(?<![\w.<>])(?P<func>[\w.<>]+)\(\) missing (?P<n>\d+) required "
    r"(?:positional|keyword-only) arguments?: "
    r"(?P<args>.+)"
    r"|(?<![\w.<>])(?P<func2>[\w.<>]+)\(\) takes (?P<takes>(?:from )?\d+(?: to \d+)?|no) "
    r"(?:positional )?"
    r"arguments? but (?P<given>\d+) (?:were|was) given"
    r"|(?<![\w.<>])(?P<func3>[\w.<>]+)\(\) got multiple values for "
    r"(?:keyword )?argument '(?P<kw>\w+)'"
    r"|(?<![\w.<>])(?P<func4>[\w.<>]+)\(\) takes exactly (?P<exact>\d+) arguments?"
    r"|missing a required argument: (?P<args2>'\w+')"
)


@named("arguments.unexpected_keyword")
def unexpected_keyword(parsed: ParsedError) -> RuleMatch | None:
    # Matplotlib's artist.set() raises AttributeError for an unknown keyword.
    if parsed.ename not in ("TypeError", "ValueError", "AttributeError"):
        return None
    m = _UNEXPECTED_KW.search(parsed.message)
    if m is None:
        return None
    keyword = next(g for g in (m.group(f"kw{s}") for s in ("", "2", "3", "4", "5", "6", "7")) if g)
    func = m.group("func") or m.group("func4") or m.group("func6") or ""
    short = func.split(".")[-1]
    facts = {"keyword": keyword, "function": func}
    hit = lookup_kwarg(short, keyword)
    if hit is not None:
        facts.update(replacement=hit.use, note=hit.note)
    return RuleMatch(
        rule="arguments.unexpected_keyword",
        crash_type=_IA,
        confidence=0.95,
        facts=facts,
    )


@named("arguments.positional")
def positional(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "TypeError":
        return None
    m = _POSITIONAL.search(parsed.message)
    if m is None:
        return None
    func = m.group("func") or m.group("func2") or m.group("func3") or m.group("func4") or ""
    if not func and parsed.user_line:  # "missing a required argument" names no function
        call = re.search(r"([\w.]+)\s*\([^()]*\)\s*$", parsed.user_line)
        func = call.group(1) if call else ""
    facts = {"function": func}
    missing = m.group("args") or m.group("args2")
    if missing:
        facts["missing"] = missing.strip()
        facts["kind"] = "missing"
        if "'self'" in missing:
            facts["self"] = "yes"
    elif m.group("given"):
        facts.update(kind="too_many", takes=m.group("takes"), given=m.group("given"))
    elif m.group("kw"):
        facts.update(kind="multiple", keyword=m.group("kw"))
    else:
        facts["kind"] = "count"
    return RuleMatch(
        rule="arguments.positional",
        crash_type=_IA,
        confidence=0.9,
        facts=facts,
    )


@named("arguments.none_passed_to_library")
def none_passed_to_library(parsed: ParsedError) -> RuleMatch | None:
    """``'NoneType' object has no attribute`` raised inside a library: the call got None."""
    if (
        parsed.ename != "AttributeError"
        or "'NoneType' object has no attribute" not in parsed.message
    ):
        return None
    facts = _raised_in_library(parsed)
    if facts is None:
        return None
    m = re.search(r"has no attribute '(\w+)'", parsed.message)
    facts["attribute"] = m.group(1) if m else ""
    return RuleMatch(
        rule="arguments.none_passed_to_library",
        crash_type=_IA,
        confidence=0.92,
        facts=facts,
    )


def _raised_in_library(parsed: ParsedError) -> dict[str, str] | None:
    """Facts when a library's own code raised the error (a call it rejected), else None (veto)."""
    last = parsed.last_frame
    if last is None or last.is_user or not parsed.library:
        return None
    return {"library": parsed.library, "function": last.function}


def _pil_facts(parsed: ParsedError, m: re.Match) -> dict[str, str]:
    # Pillow reports (1, 1) plus the array's axes after the second, and NumPy's dtype string.
    if not m.group("kind"):
        return {}  # older Pillow names neither the shape nor the dtype
    axes = [a for a in (m.group("key") or "").replace(" ", "").split(",") if a]
    kinds = {"f": "float", "i": "int", "u": "uint", "b": "bool", "c": "complex", "O": "object"}
    kind, size = m.group("kind"), m.group("size")
    facts = {"dtype": f"{kinds.get(kind, kind)}{int(size) * 8 if kind not in 'bO' else ''}"}
    if kind == "u" and size == "1":
        facts["dtype"] = ""  # uint8 is right: the axes are the problem
    if len(axes) > 3 or (len(axes) == 3 and axes[2] not in ("3", "4")):
        facts["channels"] = axes[-1]
    return facts


def _dimension_facts(parsed: ParsedError, m: re.Match) -> dict[str, str] | None:
    value = m.group("value") or m.group("value2") or ""
    kind = m.group("type") or ""
    if m.group("param") and not kind:
        kind = "tuple"  # Keras 3 names the parameter; the pattern took only sequence values
    return {"value": value, "type": kind, "param": m.group("param") or ""}


RULES = (
    none_passed_to_library,
    unexpected_keyword,
    positional,
    pattern_rule(
        "arguments.sklearn_invalid_parameter",
        _IA,
        r"Invalid parameter '?(?P<param>[\w_]+)'? for estimator (?P<est>\w+)"
        r"|Invalid parameter (?P<p2>\w+) for estimator"
        r"|The '(?P<p3>\w+)' parameter of (?P<e3>\w+) must be (?P<valid>.+?)\. Got"
        r"|Estimator \w+ does not have (?:a )?parameter",
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=lambda p, m: {
            "param": m.group("param") or m.group("p2") or m.group("p3") or "",
            "estimator": m.group("est") or m.group("e3") or "",
            "valid": (m.group("valid") or "")[:200],
        },
    ),
    pattern_rule(
        "arguments.invalid_parameter_error",
        _IA,
        enames={"InvalidParameterError", "ParamValidationError", "ValidationError"},
        confidence=0.85,
        facts=lambda p, m: {"detail": p.message.split("\n", 1)[0][:200]},
    ),
    pattern_rule(
        "arguments.torch_argument_type",
        _IA,
        r"(?P<func>[\w.]+)(?:\(\))? received an invalid combination of arguments"
        r"|argument '(?P<arg>\w+)' (?:\(position \d+\) )?must be (?P<want>[\w.]+), not "
        r"(?P<got>[\w.]+)"
        r"|expected np\.ndarray \(got (?P<got2>\w+)\)",
        library="torch",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {
            "function": m.group("func") or "",
            "argument": m.group("arg") or "",
            "want": m.group("want") or "",
            "got": m.group("got") or m.group("got2") or "",
        },
    ),
    pattern_rule(
        "arguments.unknown_identifier",
        _IA,
        r"(?:Unknown|Could not interpret) (?P<what>activation|loss|optimizer|metric|initializer"
        r"|regularizer|constraint|layer)(?: function)?(?: identifier)?:? ?'?(?P<name>[\w.]+)?'?",
        library="tensorflow",
        ml_bug=True,
        confidence=0.9,
        facts=group_facts(what="what", name="name"),
    ),
    pattern_rule(
        "arguments.sklearn_value",
        _IA,
        r"Solver \w+ supports only|penalty=?'?\w+'? is not supported"
        r"|is not a valid (?:value|scoring)"
        r"|n_components=\d+ must be between"
        r"|test_size=[\d.]+ should be|train_size=[\d.]+ should be"
        r"|should be (?:either )?(?:positive and smaller|a float in the|an int in the)"
        r"|must be (?:an int|a float|a str) in the range|must be an instance of"
        r"|Unknown (?:solver|criterion|kernel|metric|method|algorithm|strategy)"
        r"|Samplewise metrics are not available outside of multilabel"
        r"|is not a valid (?:metric|criterion|kernel|algorithm|solver)",
        enames={"ValueError", "TypeError", "InvalidParameterError", "KeyError"},
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "arguments.axis_out_of_bounds",
        _IA,
        r"axis -?\d+ is out of bounds for array of dimension \d+",
        enames={"AxisError", "IndexError", "ValueError"},
        library="numpy",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "arguments.unknown_encoding",
        _IA,
        r"unknown encoding: (?P<enc>\S+)",
        enames={"LookupError"},
        confidence=0.9,
        facts=lambda p, m: {"detail": f"encoding {m.group('enc')}"},
    ),
    pattern_rule(
        "arguments.torch_state_dict_keys",
        _IA,
        r"(?:Missing|Unexpected) key\(s\) in state_dict",
        library="torch",
        ml_bug=True,
        confidence=0.7,
        facts=lambda p, m: {"detail": "state_dict keys"},
    ),
    pattern_rule(
        "arguments.metric_average",
        _IA,
        r"Target is multiclass but average='binary'|average has to be one of",
        library="sklearn",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"param": "average"},
    ),
    pattern_rule(
        "arguments.wrong_input_container",
        _IA,
        r"Failed to find data adapter that can handle input"
        r"|only Series and DataFrame objs are valid|first argument must be an iterable of pandas"
        r"|Expected sequence or array-like, got|No common columns to perform merge on"
        r"|Singleton array .* cannot be considered a valid collection",
        ml_bug=True,
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        "arguments.device_string",
        _IA,
        r"Expected one of cpu, cuda.* device type at start of device string"
        r"|Invalid device string|Unknown device",
        library="torch",
        confidence=0.9,
        facts=lambda p, m: {"detail": "device"},
    ),
    pattern_rule(
        "arguments.plot_value",
        _IA,
        r"Unrecognized marker style|is not a valid (?:color|colour) value|Invalid RGBA argument"
        r"|is not a valid value for (?:\w+)|is not a recognized (?:color|colormap|palette)"
        r"|is not a valid colormap name|Colormap \w+ is not recognized|is not a valid package style"
        r"|Unknown property|has no property|got an unexpected keyword argument 'normed'"
        r"|Invalid shape \(.*\) for image data|Image data of dtype \w+ cannot be converted"
        r"|Could not interpret value `\w+` for parameter|num must be (?:an integer with )?1 <= num"
        r"|Image data (?:of dtype \w+ )?cannot be converted to float"
        r"|latex was not able to process the following string"
        r"|The number of FixedLocator locations \(\d+\).* does not match the number of labels"
        r"|is not a valid (?:palette|colormap|cmap|font|marker|linestyle)(?: name)?",
        confidence=0.85,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        # Image.fromarray: only uint8-like dtypes and (H, W) or (H, W, 3|4) arrays map to a mode.
        "arguments.pil_fromarray",
        _IA,
        r"Cannot handle this data type(?:: \((?P<key>[\d, ]*)\), "
        r"[<>|=](?P<kind>[a-zA-Z])(?P<size>\d+))?",
        enames={"TypeError"},
        ml_bug=True,
        confidence=0.85,
        facts=_pil_facts,
    ),
    pattern_rule(
        # A whole shape (X.shape) where a layer wants one size (X.shape[1]): TensorFlow's
        # Dimension, or Keras 3's check of units / input_dim / output_dim.
        "arguments.shape_for_dimension",
        _IA,
        r"Dimension value must be integer or None or have an __index__ method, got value "
        r"'(?P<value>.*?)' with type '<(?:class|type) '(?P<type>[\w.]+)'>'"
        r"|`(?P<param>units|filters|input_dim|output_dim|num_heads|key_dim)`"
        r"(?: must be|, expected) a positive integer[^\n]*?(?:Received: \w+=|got )"
        r"(?P<value2>\((?:\d+|None)(?:, ?(?:\d+|None))*,?\)|\[[\d, ]*\]|TensorShape\(\[[^\]]*\]\))",
        library="tensorflow",
        ml_bug=True,
        confidence=0.85,
        facts=_dimension_facts,
    ),
    pattern_rule(
        "arguments.library_rejected_type",
        _IA,
        enames={"TypeError"},
        confidence=0.55,
        facts=lambda p, m: _raised_in_library(p),
    ),
    pattern_rule(
        "arguments.library_rejected_value",
        _IA,
        enames={"ValueError"},
        confidence=0.48,
        facts=lambda p, m: _raised_in_library(p),
    ),
    pattern_rule(
        "arguments.invalid_argument_generic",
        _IA,
        r"\binvalid (?:argument|value|parameter|option)s?\b|\bunknown (?:argument|parameter|option)"
        r"|not a valid (?:argument|option|parameter)|must be one of|expected one of"
        r"|supported values are"
        r"|Valid options are|Allowed values are|should be one of|valid values are"
        r"|expects '\w+' to be less than '\w+'",
        confidence=0.65,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
)
