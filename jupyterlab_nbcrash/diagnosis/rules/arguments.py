"""Arguments: an API got a keyword, a value or a type of argument it does not accept."""

from __future__ import annotations

import re

from ..definitions import function_parameters, imported_from, seen_code
from ..layer_shapes import layer_size_words
from ..text import article, as_code, close_matches, spelled_alike
from ..traceback import ParsedError
from ..where import (
    call_arguments,
    failing_call,
    failing_line_number,
    own_lines,
    passes_only_literals,
    raised_by_the_line,
)
from .accepted_values import value_not_accepted_words
from .attribute_reads import search_found_nothing
from .base import RuleMatch, Template, group_facts, named, pattern_rule, user_calls
from .pil_images import fromarray_facts, fromarray_words
from .plot_values import image_data_words, refused_plot_value_words, subplot_index_from_items
from .signatures import (
    INTERNAL_FUNCTION,
    coordinates_meant_as_one_point,
    defines_method,
    keyword_call,
    missing_arguments_words,
    replaced_warn,
    target_encoder_as_a_step,
    values_meant_as_one_sequence,
)
from .tables.removed_apis import lookup_kwarg
from .validation_errors import parameter_validation_words, pydantic_words

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NONE_PASSED_TO_LIBRARY = "arguments.none_passed_to_library"
UNEXPECTED_KEYWORD = "arguments.unexpected_keyword"
POSITIONAL = "arguments.positional"
SKLEARN_INVALID_PARAMETER = "arguments.sklearn_invalid_parameter"
INVALID_PARAMETER_ERROR = "arguments.invalid_parameter_error"
TORCH_ARGUMENT_TYPE = "arguments.torch_argument_type"
UNKNOWN_IDENTIFIER = "arguments.unknown_identifier"
SKLEARN_VALUE = "arguments.sklearn_value"
AXIS_OUT_OF_BOUNDS = "arguments.axis_out_of_bounds"
UNKNOWN_ENCODING = "arguments.unknown_encoding"
TORCH_STATE_DICT_KEYS = "arguments.torch_state_dict_keys"
METRIC_AVERAGE = "arguments.metric_average"
WRONG_INPUT_CONTAINER = "arguments.wrong_input_container"
DEVICE_STRING = "arguments.device_string"
PLOT_VALUE = "arguments.plot_value"
PIL_FROMARRAY = "arguments.pil_fromarray"
SHAPE_FOR_DIMENSION = "arguments.shape_for_dimension"
LIBRARY_REJECTED_TYPE = "arguments.library_rejected_type"
LIBRARY_REJECTED_VALUE = "arguments.library_rejected_value"
INVALID_ARGUMENT_GENERIC = "arguments.invalid_argument_generic"

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
    # CPython's builtins and C extensions: "'axis' is an invalid keyword argument for sort()"
    r"|'(?P<kw8>\w+)' is an invalid keyword argument for (?P<func8>[\w.]+)\(\)"
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
    # C functions (NumPy, OpenCV): "Laplacian() missing required argument 'ddepth' (pos 2)"
    r"|(?<![\w.<>])(?P<func5>[\w.<>]+)\(\) missing required argument (?P<args3>'\w+') \(pos \d+\)"
)


@named(UNEXPECTED_KEYWORD)
def unexpected_keyword(parsed: ParsedError) -> RuleMatch | None:
    # Matplotlib's artist.set() raises AttributeError for an unknown keyword.
    if parsed.ename not in ("TypeError", "ValueError", "AttributeError"):
        return None
    m = _UNEXPECTED_KW.search(parsed.message)
    if m is None:
        return None
    keyword = next(
        g for g in (m.group(f"kw{s}") for s in ("", "2", "3", "4", "5", "6", "7", "8")) if g
    )
    func = m.group("func") or m.group("func4") or m.group("func6") or m.group("func8") or ""
    short = func.split(".")[-1]
    facts = {"keyword": keyword, "function": func}
    hit = lookup_kwarg(short, keyword)
    if hit is not None:
        facts.update(replacement=hit.use, note=hit.note)
    return RuleMatch(
        rule=UNEXPECTED_KEYWORD,
        crash_type=_IA,
        confidence=0.95,
        facts=facts,
    )


@named(POSITIONAL)
def positional(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "TypeError":
        return None
    m = _POSITIONAL.search(parsed.message)
    if m is None:
        return None
    func = next(
        (m.group(g) for g in ("func", "func2", "func3", "func4", "func5") if m.group(g)), ""
    )
    if not func and parsed.user_line:  # "missing a required argument" names no function
        call = re.search(r"([\w.]+)\s*\([^()]*\)\s*$", parsed.user_line)
        func = call.group(1) if call else ""
    facts = {"function": func}
    missing = m.group("args") or m.group("args2") or m.group("args3")
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
        rule=POSITIONAL,
        crash_type=_IA,
        confidence=0.9,
        facts=facts,
    )


@named(NONE_PASSED_TO_LIBRARY)
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
        rule=NONE_PASSED_TO_LIBRARY,
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
        SKLEARN_INVALID_PARAMETER,
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
        INVALID_PARAMETER_ERROR,
        _IA,
        enames={"InvalidParameterError", "ParamValidationError", "ValidationError"},
        confidence=0.85,
        facts=lambda p, m: {"detail": p.message.split("\n", 1)[0][:200]},
    ),
    pattern_rule(
        TORCH_ARGUMENT_TYPE,
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
        UNKNOWN_IDENTIFIER,
        _IA,
        r"(?:Unknown|Could not interpret) (?P<what>activation|loss|optimizer|metric|initializer"
        r"|regularizer|constraint|layer)(?: function)?(?: identifier)?:? ?'?(?P<name>[\w.]+)?'?",
        library="tensorflow",
        ml_bug=True,
        confidence=0.9,
        facts=group_facts(what="what", name="name"),
    ),
    pattern_rule(
        SKLEARN_VALUE,
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
        AXIS_OUT_OF_BOUNDS,
        _IA,
        r"axis -?\d+ is out of bounds for array of dimension \d+",
        enames={"AxisError", "IndexError", "ValueError"},
        library="numpy",
        confidence=0.8,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        UNKNOWN_ENCODING,
        _IA,
        r"unknown encoding: (?P<enc>\S+)",
        enames={"LookupError"},
        confidence=0.9,
        facts=lambda p, m: {"detail": f"encoding {m.group('enc')}"},
    ),
    pattern_rule(
        TORCH_STATE_DICT_KEYS,
        _IA,
        r"(?:Missing|Unexpected) key\(s\) in state_dict",
        library="torch",
        ml_bug=True,
        confidence=0.7,
        facts=lambda p, m: {"detail": "state_dict keys"},
    ),
    pattern_rule(
        METRIC_AVERAGE,
        _IA,
        r"Target is multiclass but average='binary'|average has to be one of",
        library="sklearn",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"param": "average"},
    ),
    pattern_rule(
        WRONG_INPUT_CONTAINER,
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
        DEVICE_STRING,
        _IA,
        r"Expected one of cpu, cuda.* device type at start of device string"
        r"|Invalid device string|Unknown device",
        library="torch",
        confidence=0.9,
        facts=lambda p, m: {"detail": "device"},
    ),
    pattern_rule(
        PLOT_VALUE,
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
        PIL_FROMARRAY,
        _IA,
        r"Cannot handle this data type(?:: \((?P<key>[\d, ]*)\), "
        r"[<>|=](?P<kind>[a-zA-Z])(?P<size>\d+))?",
        enames={"TypeError"},
        ml_bug=True,
        confidence=0.85,
        facts=fromarray_facts,
    ),
    pattern_rule(
        # A whole shape (X.shape) where a layer wants one size (X.shape[1]): TensorFlow's
        # Dimension, or Keras 3's check of units / input_dim / output_dim.
        SHAPE_FOR_DIMENSION,
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
        LIBRARY_REJECTED_TYPE,
        _IA,
        enames={"TypeError"},
        confidence=0.55,
        facts=lambda p, m: _raised_in_library(p),
    ),
    pattern_rule(
        LIBRARY_REJECTED_VALUE,
        _IA,
        enames={"ValueError"},
        confidence=0.48,
        facts=lambda p, m: _raised_in_library(p),
    ),
    pattern_rule(
        INVALID_ARGUMENT_GENERIC,
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


# ----------------------------------------------------------- hints: the words the user reads


def _axis_out_of_bounds(p, f):
    return (
        f"The `axis` argument does not exist for this array ({f.get('detail', '')}): check the "
        "array's `.ndim`; a 1-D array only has axis 0."
    )


def _unknown_encoding(p, f):
    return (
        "That encoding name does not exist: use a valid one such as 'utf-8', 'latin-1' or 'cp1252'."
    )


def _state_dict_keys_differ(p, f):
    return (
        "The checkpoint's parameter names differ from the model's: build the same architecture "
        "before `load_state_dict`, strip a 'module.' prefix, or pass `strict=False` knowingly."
    )


def _metric_average_needed(p, f):
    """When: the metric is called by the line itself; a scorer named by `scoring=` takes no
    `average` (its name carries it), and a scorer run some other way gets the safe hint."""
    scoring = re.search(r"\bscoring\s*=\s*(['\"])(precision|recall|f1|jaccard)\1", p.user_line)
    if scoring:
        name = scoring.group(2)
        return (
            f"y has more than two classes and `scoring='{name}'` scores two: name the average "
            f"in the scorer, `scoring='{name}_macro'` (or '{name}_weighted')."
        )
    if any("scorer" in fr.filename or "scorer" in fr.function.lower() for fr in p.frames):
        return None
    return "y has more than two classes: pass `average='macro'` (or 'weighted') to the metric."


def _pil_fromarray(p, f):
    return fromarray_words(f.get("dtype", ""), f.get("channels", ""))


def _frame_keyword_on_another_type(p, func: str, kw: str) -> str:
    """`Index.rename() got an unexpected keyword argument 'columns'` from `df.rename(columns=…)`:
    only a DataFrame's methods take `columns=`, so `df` holds an Index or a Series now."""
    owner, _, method = func.rpartition(".")
    if kw != "columns" or owner not in ("Index", "MultiIndex", "Series"):
        return ""
    m = re.search(rf"([A-Za-z_]\w*)\.{re.escape(method)}\s*\(", p.user_line)
    if not m:
        return ""
    return (
        f"`{m.group(1)}` holds a pandas {owner} here, not a DataFrame: only a DataFrame's "
        f"`{method}` takes `columns=`; check where `{m.group(1)}` was reassigned (e.g. "
        f"`{m.group(1)} = {m.group(1)}.columns`) and rebuild the DataFrame."
    )


_KERAS_PACKAGES = ("keras", "tensorflow", "tf_keras")


def _keyword_passer(p, kw: str) -> str | None:
    """The library whose frame passes ``kw``: the last one, unless its line only hands on the
    `**kwargs` it was given (msgpack_numpy's `Packer(**kwargs)`); then the caller above it whose
    line names `kw=`. None when no shown line names it."""
    for frame in reversed(p.frames):
        if frame.is_user:
            return None
        if re.search(rf"(?<![\w.]){re.escape(kw)}\s*=(?!=)", frame.failing_line):
            return frame.library
        if not re.search(r"\*\*\w", frame.failing_line):
            return frame.library
    return None


# A call that unpacks a mapping into keywords: `model(**inputs)`.
_UNPACKED_MAPPING = re.compile(r"([A-Za-z_][\w.]*)\s*\((?:[^()]*,)?\s*\*\*([A-Za-z_]\w*)\s*[,)]")


def _hands_on(line: str, kw: str) -> bool:
    """A library's line that only hands on the keywords it got: each `**` it writes unpacks a
    `**kwargs` (`**kwargs`, `**kw`, `**model_kwargs`), and it names no `kw=` of its own."""
    unpacked = re.findall(r"\*\*\s*(\w+)", line)
    return (
        bool(unpacked)
        and all(re.fullmatch(r"\w*kw(?:args?|ds)?", name) for name in unpacked)
        and not re.search(rf"(?<![\w.]){re.escape(kw)}\s*=(?!=)", line)
    )


def _keyword_from_an_unpacked_dict(p, func: str, kw: str) -> str:
    """`outputs = model(**inputs)` in the user's code, and every library frame below it only
    hands on the `**kwargs` it got: the keyword is a key of the user's mapping (a processor's
    `pixel_values`), not one a library added. Handing on means `**kwargs` (`**model_kwargs`):
    a mapping of its own (`self(**model_inputs)` in `generate`) may hold keys the library added
    (`cache_position`), and so does a line that names the keyword."""
    users = [i for i, fr in enumerate(p.frames) if fr.is_user]
    if not users:
        return ""
    line = p.frames[users[-1]].failing_line.strip()
    unpack = _UNPACKED_MAPPING.search(line)
    below = p.frames[users[-1] + 1 :]
    if unpack is None or not below or not all(_hands_on(fr.failing_line, kw) for fr in below):
        return ""
    callee, mapping = unpack.groups()
    owner = f"`{func}()`" if func else "the function it reaches"
    return (
        f"Your `{callee}(**{mapping})` passes each key of `{mapping}` as a keyword, and {owner} "
        f"takes no `{kw}`: pass only what it takes (e.g. the value by position, "
        f"`{callee}({mapping}['{kw}'])`), or use a model made for these inputs."
    )


def _keyword_passed_by_a_library(p, func: str, kw: str) -> str:
    """A library's call of another function refused a keyword: the last library frame names who
    passes it. Keras rebuilding a saved model is the one case where a file, not the code, does."""
    owner = f"`{func}()`" if func else "a function"
    passer = _keyword_passer(p, kw)
    if not passer or passer in _KERAS_PACKAGES:
        keras = any(fr.library in _KERAS_PACKAGES for fr in p.frames)
        example = " (e.g. a model saved with another Keras version)" if keras else ""
        return (
            f"Your code does not pass `{kw}`: a library passed it to {owner}, which your "
            f"installed version does not accept; the code or file that passes it{example} "
            "needs the library version it was made with."
        )
    # msgpack_numpy passing `encoding` to msgpack 1.0, SQLAlchemy 2 passing `field_specifiers`
    # to an old typing_extensions: the versions of two installed packages do not fit together.
    return (
        f"Your code does not pass `{kw}`: `{passer}` passed it to {owner}, which your installed "
        f"version of the package that defines it does not accept. The two installed versions do "
        f"not fit together: install the version of that package `{passer}` was made for (or "
        f"another `{passer}` version), then restart the kernel."
    )


def _keras_model_endpoints(p, func: str, kw: str) -> str:
    """`Model(Input=inp)`, `Model(input=a, output=b)`: Keras' functional `Model` takes its
    graph's ends as `inputs=` and `outputs=` (Keras 1's `input`/`output` are gone), so the
    keyword is that parameter misspelled, not one to remove. Read only when a Keras or
    TensorFlow frame refused it."""
    spelled = kw.lower() in ("input", "output", "inputs", "outputs")
    if func.split(".")[-1] != "Model" or not spelled or kw in ("inputs", "outputs"):
        return ""
    if not any(fr.library in _KERAS_PACKAGES for fr in p.frames):
        return ""
    right = kw.lower().rstrip("s") + "s"
    return (
        f"Keras' `Model` takes its input and output tensors as `inputs=` and `outputs=` "
        f"(lower case, plural), not `{kw}=`: write `{right}=`, e.g. "
        "`Model(inputs=inp, outputs=out)`."
    )


def _the_one_call_passing(p, short: str, kw: str) -> str:
    """The call of the cell that passes ``kw=`` when the message names only an internal
    function (`__init__`) and the failing line is another line of the same statement (the
    traceback shows its last line): read only when the cell passes ``kw=`` once."""
    if not INTERNAL_FUNCTION.match(short):
        return ""
    # Distinct lines: the cell's text may hold the failing statement twice.
    passing = {
        line.strip()
        for line in p.user_code.splitlines()
        if re.search(rf"(?<![\w.]){re.escape(kw)}\s*=(?!=)", line)
    }
    if len(passing) != 1:
        return ""
    return keyword_call(p.user_code, kw)


# The data a loss or metric object is called on (Keras' `MeanSquaredError()(y_true, y_pred)`):
# no class of them takes it when it is created.
_CALL_TIME_DATA = frozenset({"y_true", "y_pred"})
# Where such loss and metric classes come from: Keras (`tf.keras.losses.Huber`, an import of
# `keras`); scikit-learn's `...Display` classes take `y_true` only in `from_predictions`.
_KERAS_WORD = re.compile(r"\b(?:keras|tensorflow|tf)\b")


def _data_given_to_a_class(p, short: str, caller: str, kw: str) -> str:
    """`MeanSquaredError(y_true=y, y_pred=p)`: the constructor (`__init__`) refused the data,
    which the created object takes when it is called; no spelling or version is at fault."""
    if short != "__init__" or kw not in _CALL_TIME_DATA or not caller:
        return ""
    name = caller.split(".")[-1]
    if not name[:1].isupper():
        return ""
    head = caller.split(".")[0]
    imported = re.search(
        rf"^\s*(?:from\s+([\w.]+)\s+)?import\b[^\n]*\b{re.escape(head)}\b", p.code_seen, re.M
    )
    where = caller + " " + (imported.group(0) if imported else "")
    if not _KERAS_WORD.search(where):
        # no Keras loss or metric: a class that takes the data another way (a `Display`'s
        # `from_predictions`), which no call of the object reaches
        return ""
    return (
        f"`{name}` is a class: creating it takes only settings, and the data (`{kw}`) goes to "
        f"the object it makes, so create it and then call that: `{caller}()(y_true, y_pred)`."
    )


def _unexpected_keyword(p, f):
    """When: the message names the keyword. It is the user's own typo or an old name only when
    the user's code passes it; otherwise a library passed it on (a model file saved by another
    version), which the wording says instead."""
    func, kw = f.get("function", ""), f.get("keyword", "")
    short = func.split(".")[-1]
    variables_op = _variables_op_as_initializer(p)
    if variables_op:
        return variables_op
    # Not the user's: the keyword is nowhere in their code (not even in a ``**kwargs`` dict) and
    # the function that refused it runs deep inside the library (a saved model being rebuilt).
    # Passed means written as `kw=` or quoted as a dict's key: the bare word (`os.path`) is no
    # keyword of the user's.
    mentioned = re.search(
        rf"(?<![\w.]){re.escape(kw)}\s*=(?!=)|['\"]{re.escape(kw)}['\"]",
        f"{p.user_code}\n{p.user_line}",
    )
    deep = sum(1 for fr in p.frames if not fr.is_user) >= 3
    if not mentioned and deep and p.user_line:
        return _keyword_from_an_unpacked_dict(p, func, kw) or _keyword_passed_by_a_library(
            p, func, kw
        )
    caller = keyword_call(p.user_line, kw) or _the_one_call_passing(p, short, kw)
    data_to_class = _data_given_to_a_class(p, short, caller, kw)
    if data_to_class:
        return data_to_class
    if caller and (not func or INTERNAL_FUNCTION.match(short)):
        func, short = caller, caller.split(".")[-1]
    replacement = f.get("replacement")
    note = f.get("note", "")
    if not replacement:
        hit = lookup_kwarg(short, kw)
        if hit is None and caller:
            # Known by the user's call (`pd.date_range`), not the internal one that refused it.
            hit = lookup_kwarg(caller.split(".")[-1], kw)
            func = func if hit is None else caller
        if hit is None and "." in func:
            hit = lookup_kwarg(".".join(func.split(".")[-2:]), kw)
        if hit is not None:
            replacement, note = hit.use, hit.note
    endpoints = _keras_model_endpoints(p, caller or func, kw)
    if endpoints:
        return endpoints
    call = f"`{func}()`" if func else "This call"
    if replacement:
        note = f" ({note})" if note else ""
        return f"{call} no longer takes `{kw}`{note}: use {as_code(replacement)} instead."
    if caller and func and caller.split(".")[-1] != short:
        return (
            f"`{caller}()` passes `{kw}` on to `{func}()`, which has no such parameter: remove it "
            "or check its spelling in the documentation of your installed version."
        )
    if not func:
        return (
            f"This call does not accept the argument `{kw}`: check its spelling and the "
            "documentation of your installed version."
        )
    frame_only = _frame_keyword_on_another_type(p, func, kw)
    if frame_only:
        return frame_only
    shown = caller if caller and caller.split(".")[-1] == short and "." not in func else func
    source = imported_from(f"{p.user_code}\n{p.user_line}", shown)
    if source:
        # `Polygon(..., closed=True)` with shapely's Polygon imported: which one is called
        return (
            f"`{shown}` here is `{source}`'s (`from {source} import {shown}`), which has no "
            f"parameter `{kw}` in your installed version: check that it is the `{shown}` you "
            f"mean, and its parameters (`help({shown})`)."
        )
    if INTERNAL_FUNCTION.match(shown):
        # `help(__init__)` is a NameError: the class that refused it is not known here.
        return (
            f"The class called here has no parameter `{kw}`: check its spelling and the "
            "documentation of your installed version."
        )
    own = _own_function_without(p, shown, kw)
    if own:
        return own
    alike = _keyword_alike(p, kw)
    if alike:
        return (
            f"`{shown}()` has no parameter `{kw}`: if `{alike}` is meant (a slip in typing it), "
            f"write `{alike}=`; else check the parameters of your installed version "
            f"(`help({shown})`)."
        )
    return (
        f"`{shown}()` has no parameter `{kw}`: check its spelling and the documentation of your "
        f"installed version (`help({shown})`)."
    )


def _own_function_without(p, func: str, kw: str) -> str:
    """`f(x, k=1)` where the code seen has `def f(...)`: the function is the user's, so no
    installed version is at fault. When another `def f` of the code takes `kw`, the kernel holds
    an older one (its cell was not run, or an older `def` ran after it). A `def` that takes
    `**kwargs` takes any keyword. A `def` the crashing cell runs above the call is the one the
    kernel holds: only it is told, and nothing when it takes the keyword."""
    if not func or "." in func:
        return ""
    defs = function_parameters(p.code_seen, func)
    if not defs:
        return ""
    lines = own_lines(p)
    at = failing_line_number(p)
    here = _takes_keyword(func, "\n".join(lines[: at - 1]) if at else "", kw)
    if here is not None:
        if here:
            return ""
        return (
            f"`{func}` is your own function, and the `def {func}(...)` this cell runs before the "
            f"call has no parameter `{kw}`: add it to that `def`, or fix the name in the call."
        )
    if _takes_keyword(func, p.code_seen, kw):
        return (
            f"`{func}` is your own function, and a `def {func}(...)` of the notebook takes "
            f"`{kw}`, but the one the kernel holds does not: run the cell with that `def` "
            "again before this one."
        )
    return (
        f"`{func}` is your own function and its `def` has no parameter `{kw}`: add it to the "
        "`def`, or fix the name in the call."
    )


def _takes_keyword(func: str, code: str, kw: str) -> bool | None:
    """Whether the last `def func(...)` of ``code`` takes ``kw`` (by name or through `**`);
    None when ``code`` has no such `def`. With several, any one that takes it counts."""
    defs = function_parameters(code, func)
    if not defs:
        return None
    starred = re.search(rf"\bdef[ \t]+{re.escape(func)}[ \t]*\([^)]*\*\*[ \t]*\w", code)
    return bool(starred) or any(kw in params for params in defs)


# Keywords that notebooks pass most: a slip in typing one of them (`dype=`) is told as such.
_COMMON_KEYWORD_TEXT = """
    dtype axis inplace index columns figsize ignore_index random_state test_size n_estimators
    max_depth epochs batch_size verbose kind label labels color alpha bins fontsize header sep
    encoding usecols index_col names parse_dates how on left_on right_on ascending by keepdims
    shape fill_value hue data x y palette title xlabel ylabel marker linewidth linestyle
    activation input_shape optimizer loss metrics validation_data learning_rate n_jobs cv
    scoring n_clusters n_components kernel criterion
"""
_COMMON_KEYWORDS = frozenset(_COMMON_KEYWORD_TEXT.split())


def _keyword_alike(p, kw: str) -> str:
    """The one keyword, among those the notebook's code passes (`name=`) and the most common
    ones, that ``kw`` is a slip in typing of; else ""."""
    passed = set(re.findall(r"[(,]\s*([A-Za-z_]\w*)\s*=(?!=)", seen_code(p)[0]))
    alike = sorted(k for k in passed | _COMMON_KEYWORDS if spelled_alike(kw, k))
    return alike[0] if len(alike) == 1 else ""


# TensorFlow 1's op that runs the variables' initializers, given where a weight initializer goes.
_VARIABLES_OP = re.compile(
    r"\binitializer\s*=\s*((?:tf\.)?(?:compat\.v1\.)?(?:global_variables_initializer|"
    r"initialize_all_variables))\s*\("
)


def _variables_op_as_initializer(p) -> str:
    """`get_variable(..., initializer=tf.global_variables_initializer(seed=s))`: that op starts
    a session's variables, it is no weight initializer, so no keyword makes it one."""
    last = p.last_frame
    lines = (last.failing_line if last is not None else "", p.user_line)
    m = next((m for m in map(_VARIABLES_OP.search, lines) if m), None)
    if m is None:
        return ""
    return (
        f"`{m.group(1)}()` is the operation that runs the variables' initializers in a session, "
        "not an initializer for one variable's weights: pass a weight initializer there, e.g. "
        "`tf.glorot_uniform_initializer(seed=...)` (TensorFlow 1)."
    )


# NumPy's functions that take the arrays together as one sequence (`np.vstack((a, b))`).
_STACKERS = frozenset(("vstack", "hstack", "dstack", "column_stack", "row_stack"))
# NumPy 1.17-1.24 checks the arguments in a dispatcher of its own, which the message names.
_STACK_DISPATCHERS = {
    "_vhstack_dispatcher": {"vstack", "hstack", "row_stack"},
    "_column_stack_dispatcher": {"column_stack"},
    "_dstack_dispatcher": {"dstack"},
}
_STACK_CALL = re.compile(
    r"(?<![\w.])((?:np|numpy)\.(vstack|hstack|dstack|column_stack|row_stack))\s*\("
)


def _stacked_one_by_one(p, short: str, takes: str) -> str:
    """`np.vstack(a, b)`: NumPy's stacking functions take one sequence of arrays, so the arrays
    go in a tuple, not one by one. Only when the line calls that function with two or more
    values by position; passing the others by name would not help. NumPy before 1.25 names
    the function's dispatcher instead (`_vhstack_dispatcher() takes 1 positional argument`)."""
    names = _STACK_DISPATCHERS.get(short, {short} & _STACKERS)
    if not names or takes != "1":
        return ""
    call = next((m for m in _STACK_CALL.finditer(p.user_line) if m.group(2) in names), None)
    passed = [a.strip() for a in call_arguments(p.user_line[call.start() :])] if call else []
    arrays = [a for a in passed if "=" not in a and not a.startswith(("*", "(", "["))]
    if len(arrays) < 2 or len(arrays) != len(passed):
        return ""
    together = ", ".join(arrays)
    return (
        f"`{call.group(1)}` takes the arrays together as one sequence, not one by one: write "
        f"`{call.group(1)}(({together}))`."
    )


def _wrong_positional_arguments(p, f):
    """When: the user's line (or the user's own function) makes the call the message names; a
    call inside a library is the library's business and gets the safe hint. "Add `self`" only
    when the user's code defines that method."""
    func = f.get("function", "the function")
    short = func.split(".")[-1]
    # Calls a library makes itself, whose cause the message's own names tell.
    inside = target_encoder_as_a_step(p, func, f.get("given", "")) or replaced_warn(p, func, f)
    if inside:
        return inside
    if f.get("kind") == "too_many":
        # NumPy's dispatcher (`<__array_function__ internals>`) is called by no line of the user's
        stacked = _stacked_one_by_one(p, short, f.get("takes", ""))
        if stacked:
            return stacked
    called = re.search(rf"(?<!\w){re.escape(short)}\s*\(", p.user_line)
    if not called and not raised_by_the_line(p):
        return None
    if f.get("self"):
        return (
            f"`{func}()` was called on the class, not an instance: create one first, e.g. "
            "`obj = MyClass()`, then call `obj.method(...)`."
        )
    kind = f.get("kind")
    if kind == "missing":
        return _missing_for_a_known_api(p, func, f.get("missing", "")) or missing_arguments_words(
            p, func, f.get("missing", "")
        )
    if kind == "too_many":
        told = _too_many_told_by_the_line(p, short, f.get("takes", ""), f.get("given", ""))
        if told:
            return told
        keyed = _parameter_read_by_keys(p, short)
        if keyed:
            return (
                f"`{func}()` takes {f.get('takes')} positional arguments but got "
                f"{f.get('given')}: its `def` reads its values by key from one parameter "
                f"({keyed}), so pass them together in one object with those keys (a dict, a "
                "DataFrame's row or table), not one by one."
            )
        unseen = _beyond_the_signature(p, func, f.get("takes", ""), f.get("given", ""))
        if unseen:
            return unseen
        if defines_method(p, short):
            fix = "add `self` as the first parameter of the method's `def`"
        elif _defined_without_optional_parameters(p, short):
            # Passing by name cannot help: the user's own `def` has no optional parameter.
            fix = (
                "its `def` has no optional parameter to pass by name, so remove the extra "
                "argument from the call or add a parameter to the `def`"
            )
        else:
            fix = (
                "check its signature (`help(...)`) and pass the optional ones by name "
                "(`name=value`)"
            )
        return (
            f"`{func}()` takes {f.get('takes')} positional arguments but got {f.get('given')}: "
            f"{fix}."
        )
    if kind == "multiple":
        return _given_twice(p, func, short, f.get("keyword", ""))
    return f"`{func}()` was called with the wrong number of arguments: check its signature."


# The methods of a fitted model that take the features alone (`predict(self, X)`).
_FEATURES_ONLY = ("predict", "predict_proba", "predict_log_proba", "decision_function")


def _features_only(p, short: str) -> str:
    """`model.predict(X, y)` of a method that takes only the features: the labels given with
    them are for a score, not for the prediction."""
    if short not in _FEATURES_ONLY:
        return ""
    call = re.search(rf"([A-Za-z_][\w.]*)\.{short}\s*\(", p.user_line)
    given = call_arguments(p.user_line[call.start() :]) if call else []
    if len(given) != 2 or any("=" in a for a in given):
        return ""
    model, (features, labels) = call.group(1), (a.strip() for a in given)
    score = f" (`{model}.score({features}, {labels})` for a score)" if short == "predict" else ""
    return (
        f"`{model}.{short}()` takes only the features: call `{model}.{short}({features})`, and "
        f"compare its result with `{labels}` apart{score}."
    )


def _transform_given_a_target(p, short: str) -> str:
    """`img, target = self.transforms(img, target)` where the code builds torchvision's
    transforms: its `Compose` and transforms take the image alone (the detection tutorial's
    own `transforms.py` takes the pair)."""
    call = re.search(r"([A-Za-z_][\w.]*transforms?)\s*\(([^()]*)\)", p.user_line, re.I)
    code = seen_code(p)[0]
    torchvision = re.search(
        r"\bfrom\s+torchvision\s+import\s+transforms\b|torchvision\.transforms\b", code
    )
    if short != "__call__" or call is None or torchvision is None:
        return ""
    given = call_arguments(call.group(0))
    if len(given) != 2:
        return ""
    return (
        f"`{call.group(0)}` passes two values, but torchvision's `transforms.Compose` and its "
        f"transforms take the image alone: call it on the image (`{call.group(1)}"
        f"({given[0].strip()})`), or build it from transforms that take both, as the "
        "detection tutorial's `transforms.py` does."
    )


def _beyond_the_signature(p, func: str, takes: str, given: str) -> str:
    """The hint when "pass the optional ones by name" has nothing to stand on: a function that
    takes no positional argument at all (the call may name the wrong function), or a method
    whose count includes `self` (the line's call passes one value fewer than "given") and whose
    class the notebook does not show, given several values too many. "" otherwise."""
    short = func.split(".")[-1]
    if takes == "0" and not re.search(rf"^\s*def {re.escape(short)}\s*\(", p.code_seen, re.M):
        return (
            f"`{func}()` takes no positional argument, yet the call passes {given}: check that "
            f"it is the function you meant (`help({short})` shows what it does and takes)."
        )
    if "." not in func or not takes.isdigit() or not given.isdigit():
        return ""
    call = re.search(rf"(?<!\w){re.escape(short)}\s*\(.*", p.user_line)
    passed = call_arguments(call.group()) if call else []
    if len(passed) != int(given) - 1 or any(a.startswith("*") or "=" in a for a in passed):
        return ""
    owner = func.split(".")[-2]
    if int(given) - int(takes) < 2 or re.search(rf"\bclass {re.escape(owner)}\b", p.code_seen):
        return ""
    return (
        f"`{func}()` takes {int(takes) - 1} values besides `self`, but the call passes "
        f"{len(passed)}: pass the values its `def` lists, in its order "
        f"(`help({func})` shows them)."
    )


def _defined_without_optional_parameters(p, short: str) -> bool:
    """The user's code defines ``short`` at top level on one line, with plain parameters only
    (no default, no `*args`, no keyword-only ones)."""
    code = p.code_seen
    m = re.search(rf"^def {re.escape(short)}\s*\(([^()]*)\)\s*(?:->[^:]*)?:", code, re.M)
    return m is not None and not re.search(r"[=*]", m.group(1))


def _parameter_read_by_keys(p, short: str) -> str:
    """The key reads (`data["x1"]`, `data["x2"]`) of the one parameter that the user's top-level
    `def short(data):` body reads by string keys, as written, or "": the values the call passes
    one by one are meant together in one object holding them by key."""
    code = p.code_seen
    m = re.search(rf"^def {re.escape(short)}\s*\(\s*(\w+)\s*\)[^:\n]*:[ \t]*\n", code, re.M)
    if m is None:
        return ""
    body = re.match(r"(?:[ \t]+\S[^\n]*\n?|[ \t]*\n)*", code[m.end() :]).group(0)
    reads = re.findall(rf"(?<![\w.]){m.group(1)}\[\s*(['\"])(\w+)\1\s*\]", body)
    keys = list(dict.fromkeys(key for _, key in reads))
    if len(keys) < 2 or not _passed_as_the_keys_values(p, short, keys):
        return ""
    return ", ".join(f"`{m.group(1)}['{key}']`" for key in keys[:3])


def _passed_as_the_keys_values(p, short: str, keys: list[str]) -> bool:
    """The call of ``short`` on the line passes values that can be what the keys hold: no more
    than the keys, each a literal (`0.5`, `'red'`) or a name that is one of the keys (`height`
    for `row['height']`). `score(df, model)` passes a table and another object: a parameter is
    missing there, not a dict to build."""
    m = re.search(rf"(?<![\w.]){re.escape(short)}\s*\(", p.user_line)
    if m is None:
        return False
    given = [a for a in call_arguments(p.user_line[m.start() :]) if not re.match(r"\w+\s*=", a)]
    literal = re.compile(
        r"""[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|(['"]).*\1|True|False"""
    )
    return 2 <= len(given) <= len(keys) and all(
        literal.fullmatch(value.strip()) or value.strip() in keys for value in given
    )


def _missing_for_a_known_api(p, func: str, missing: str) -> str:
    """Missing arguments whose cause the library's API tells: a statsmodels model's `predict`
    wants the fitted `params` (call it on the fit's results), and `tf.Tensor(...)` is no way to
    make a tensor (its `__init__` wants graph internals)."""
    short = func.split(".")[-1]
    if short == "predict" and missing == "'params'":
        on = re.search(r"([\w.]+)\.predict\s*\(", p.user_line)
        model = on.group(1) if on else "model"
        return (
            "A statsmodels model's `predict` wants the fitted parameters: fit it first "
            f"(`res = {model}.fit()`), then call `res.predict(...)`."
        )
    if short == "imshow" and missing == "'mat'":
        # OpenCV's only `imshow` with a 'mat' parameter: `imshow(winname, mat)`, the image alone
        # filled the window's name.
        return (
            "OpenCV's `imshow` takes a window name first, then the image: "
            "`cv2.imshow('window', img)` (in a notebook, `plt.imshow(img)` shows it inline)."
        )
    if short == "__init__" and re.search(r"(?<![\w.])(?:tf|tensorflow)\.Tensor\(", p.user_line):
        return (
            "`tf.Tensor(...)` is not how a tensor is made: use `tf.constant(value)` or "
            "`tf.convert_to_tensor(value)`."
        )
    return ""


def _too_many_told_by_the_line(p, short: str, takes: str, given: str) -> str:
    """Too many positional arguments, where the line says why: a starred argument unpacked more
    values than the function takes, a torch layer given its input data at construction, an
    `__init__` that takes nothing besides `self` (no optional ones to pass by name), or bare
    values meant as one sequence."""
    indexer = re.search(r"([\w.\]\[]+)\.(iloc|loc|iat|at)\s*\(([^()]*)\)", p.user_line)
    if short == "__call__" and indexer:
        # pandas' indexers are subscripted; calling one runs its `__call__(axis)`
        frame, kind, inside = indexer.groups()
        return (
            f"`{frame}.{kind}` is indexed with square brackets, not called: write "
            f"`{frame}.{kind}[{inside.strip()}]`."
        )
    values = values_meant_as_one_sequence(p.user_line, short, given) or (
        coordinates_meant_as_one_point(p, short, given)
    )
    if values:
        return values
    star = re.search(r"\(\s*\*(?!\*)\s*([\w.]+)", p.user_line)
    if star and short != "__init__":
        return (
            f"`*{star.group(1)}` unpacks {given} values into `{short}()`, which takes {takes}: "
            f"check `len({star.group(1)})` and what the sequence holds."
        )
    layer = re.search(r"(?<![\w.])((?:torch\.)?nn\.[A-Z]\w*)\(\s*([^,()]+)", p.user_line)
    if short == "__init__" and layer:
        return _layer_given_its_data(layer.group(1), layer.group(2).strip(), takes)
    if (takes, given) == ("2", "3"):
        one_input = _features_only(p, short) or _transform_given_a_target(p, short)
        if one_input:
            return one_input
    if short == "__init__" and takes == "1":
        extra = int(given) - 1 if given.isdigit() else "some"
        return (
            "The `__init__` that runs for this object (its class's or a parent's) takes no "
            f"argument besides `self`, but the call passes {extra}: give `__init__` the "
            "parameters, or create the object without arguments."
        )
    return ""


def _layer_given_its_data(layer: str, given: str, takes: str) -> str:
    """`nn.Softmax(x)`: the layer's arguments are settings; the data goes to the layer made.
    A layer whose `__init__` takes only `self` (`nn.Sigmoid`, `nn.ReLU`) has no settings at all,
    and a bare number is no tensor to call it on."""
    data = "x" if re.fullmatch(r"[-+]?[\d.]+", given) else given
    if takes == "1":
        return (
            f"`{layer}` takes no settings: create it with `{layer}()`, then call it on a tensor, "
            f"`{layer}()({data})`."
        )
    settings = " (such as `dim`)" if re.search(r"Soft(max|min)$", layer) else ""
    return (
        f"`{layer}(...)` only creates the layer, and its arguments are settings{settings}: "
        f"create it, then call it on the data, `{layer}(...)({data})`."
    )


def _given_twice(p, func: str, short: str, keyword: str) -> str:
    """`f(a, b, data=df)` where `data` is the 2nd parameter: a positional argument already
    filled it. With no positional argument on the line, the plain "remove one" stands."""
    if "for keyword argument" in p.message:
        return _keyword_given_twice(p, func, keyword)
    call = re.search(rf"(?<!\w){re.escape(short)}\s*\((.*)", p.user_line)
    positional = call and re.match(r"\s*[^\s=)][^=]*?,", call.group(1))
    if not positional:
        return f"`{func}()` got `{keyword}` twice, by position and by name: remove one."
    return (
        f"`{func}()` got `{keyword}` twice: a positional argument of the call already lands in "
        f"`{keyword}`'s place, and `{keyword}=` names it again; check which parameter each "
        f"positional argument fills (`help({short})`) and pass them by name, or group them "
        "(a list) where one argument is expected."
    )


def _keyword_given_twice(p, func: str, keyword: str) -> str:
    """Python says "keyword argument" when `name=` meets the same name inside a `**` dict:
    nothing was passed by position. A wrapper that replaces the function it saved
    (`old = np.load; np.load = lambda **k: old(x=1, **k)`) wraps itself when the cell runs twice."""
    twice = (
        f"`{func}()` got `{keyword}` twice by name: once as `{keyword}=` and again inside the "
        "`**` keyword arguments of the call"
    )
    if _wraps_its_own_replacement(p.code_seen):
        return (
            f"{twice}. The cell saves a function and then replaces it with a wrapper, so running "
            "it twice wraps the wrapper: restart the kernel (or save the original only once)."
        )
    return f"{twice}: pass it only once."


def _wraps_its_own_replacement(code: str) -> bool:
    """`old = mod.f` and later `mod.f = lambda ...` (or `def`-free rebinding) of that name."""
    for saved in re.finditer(r"^\s*(\w+)\s*=\s*([\w.]+\.\w+)\s*$", code, re.M):
        target = re.escape(saved.group(2))
        if re.search(rf"^\s*{target}\s*=\s*lambda\b.*\b{saved.group(1)}\(", code, re.M):
            return True
    return False


# scikeras' words when a parameter of the model function reaches the wrapper's `set_params`.
_CONSTRUCTOR_FIX = re.compile(
    r"can likely be resolved by setting this parameter in the \w+ constructor"
)


_VALID_PARAMETERS = re.compile(r"Valid parameters are: \[([^\]]*)\]")
# Estimators that hold others, whose parameters are named `<step>__param`.
_NESTING_ESTIMATOR = re.compile(
    r"Pipeline|ColumnTransformer|FeatureUnion|Search|Voting|Stacking|Bagging|OneVs|MultiOutput"
    r"|Calibrated|SelectFrom|RFE|TransformedTarget|SequentialFeature|AdaBoost"
)


# Values scikit-learn renamed (1.0-1.3), old -> new: a notebook written before passes the old.
_RENAMED_VALUES = {
    "mse": "squared_error",
    "mae": "absolute_error",
    "ls": "squared_error",
    "lad": "absolute_error",
    "deviance": "log_loss",
    "log": "log_loss",
}


def _allowed_value_fix(param: str, got: str, valid: str) -> str:
    """`: write criterion='squared_error' ...` when the value given is the old name of one the
    message allows, or one slip from exactly one of them ('acurracy'); "" otherwise."""
    value = got.strip("'\"")
    if not value or got[:1] not in "'\"":
        return ""  # only a string given: a number or an object is no slip of a name
    allowed = re.findall(r"'([^']+)'", valid)
    new = _RENAMED_VALUES.get(value)
    if new in allowed:
        return f" ('{value}' is the old name of '{new}': write `{param}='{new}'`)"
    near = close_matches(value, allowed, n=2)
    if len(near) == 1:
        return f" (did you mean `{param}='{near[0]}'`?)"
    return ""


def _sklearn_invalid_parameter(p, f):
    param, est = f.get("param", ""), f.get("estimator", "the estimator")
    if f.get("valid"):
        got = re.search(r"\. Got (.{1,60}?) instead", p.message)
        fix = _allowed_value_fix(param, got.group(1) if got else "", f["valid"])
        got = f"; got {got.group(1)}" if got else ""
        return f"The `{param}` parameter of {est} must be {f['valid']}{got}{fix}."
    unknown_step = _unknown_step_name(p, param, est)
    if unknown_step:
        return unknown_step
    # The estimator's repr in the message lists parameters it has: a slip of one is the fix.
    listed = re.findall(r"[(,]\s*(\w+)=", p.message[:2_000])
    near = next((name for name in listed if spelled_alike(param, name)), "")
    if near and near != param:
        return f"`{param}` is not a parameter of {est}: did you mean `{near}`?"
    # "Valid parameters are: ['C', 'kernel', ...]": the message's own list holds the fix
    valid = _VALID_PARAMETERS.search(p.message[:4_000])
    names = re.findall(r"'(\w+)'", valid.group(1)) if valid else []
    cased = next((n for n in names if n.lower() == param.lower() and n != param), "")
    near = cased or next((n for n in names if spelled_alike(param, n)), "")
    if near and near != param:
        case = " (names are case-sensitive)" if cased else ""
        return (
            f"`{param}` is not a parameter of {est}: write `{near}`{case}, one of the valid "
            "names the message lists."
        )
    if names and "__" not in param and not _NESTING_ESTIMATOR.search(est):
        # the estimator is itself the model (no Pipeline around it): a step prefix is no fix
        return (
            f"`{param}` is not a parameter of {est}: use one of the valid names the message "
            "lists (in the grid, `set_params` or the constructor)."
        )
    if _CONSTRUCTOR_FIX.search(p.message[:2_000]):
        # scikeras says the fix itself: a parameter of the model function, unknown to the
        # wrapper until its constructor is given it (or the search routes it with `model__`)
        return (
            f"`{param}` is not yet a parameter of the {est} wrapper: as the message says, pass "
            f"it to its constructor (`{est}(..., {param}=...)`), or name it `model__{param}` "
            "in the search's grid so it reaches your model function."
        )
    plain = _plain_estimator_parameter(param, est, names)
    if plain:
        return plain
    return (
        f"`{param}` is not a parameter of {est}: in a Pipeline or GridSearchCV write "
        f"`<step>__{param}`; list valid names with `estimator.get_params().keys()`."
    )


# Parameters of scikit-learn's estimators that grids and `set_params` name most: a slip in typing
# one (`max_ter`) is told as such when the message lists no valid names (older scikit-learn).
_SKLEARN_PARAMETER_TEXT = """
    max_iter solver penalty tol fit_intercept class_weight multi_class l1_ratio n_estimators
    max_depth min_samples_split min_samples_leaf max_features max_leaf_nodes criterion bootstrap
    learning_rate n_neighbors weights metric algorithm leaf_size kernel gamma degree coef0
    alpha n_components n_clusters random_state subsample colsample_bytree min_child_weight
    reg_alpha reg_lambda hidden_layer_sizes activation batch_size learning_rate_init
    max_samples n_jobs warm_start shrinking probability
"""
_SKLEARN_PARAMETERS = tuple(_SKLEARN_PARAMETER_TEXT.split())


def _plain_estimator_parameter(param: str, est: str, names: list[str]) -> str:
    """An unknown parameter of an estimator that holds no others, whose message lists no valid
    names: a `<step>__` prefix is no fix; a slip of a common parameter's name is told."""
    if names or "__" in param or _NESTING_ESTIMATOR.search(est):
        return ""
    near = next((n for n in _SKLEARN_PARAMETERS if spelled_alike(param, n)), "")
    if near:
        return (
            f"`{param}` is not a parameter of {est}: if `{near}` is meant (a slip in typing it), "
            "write that in the grid, `set_params` or the constructor."
        )
    return (
        f"`{param}` is not a parameter of {est}: check its name in the grid, `set_params` or the "
        "constructor against `estimator.get_params().keys()`."
    )


def _top_level_steps(message: str) -> list[tuple[str, str]]:
    """(name, class) of each step a printed `Pipeline(steps=[('name', Class(...)), ...])` lists,
    the steps of its nested transformers left out (read by bracket depth)."""
    start = message.find("steps=[")
    if start == -1:
        return []
    steps, depth = [], 0
    text = message[start + len("steps=[") : 20_000]
    for m in re.finditer(r"\(\s*'([\w.-]+)',\s*(\w+)\(|[\[\]()]", text):
        if m.group(1) and depth == 0:
            steps.append((m.group(1), m.group(2)))
        token = m.group(0)
        if token.startswith("(") and m.group(1):
            depth += 2  # the step's tuple and its class's parenthesis
        elif token in "[(":
            depth += 1
        elif depth == 0:
            break  # the list of steps closed
        else:
            depth -= 1
    return steps


def _unknown_step_name(p, param: str, est: str) -> str:
    """`'trf5__max_depth'` in the code, and the Pipeline the message prints has no step `trf5`
    (`make_pipeline` names its steps after their classes): `trf5` is a step name, so writing
    `<step>__trf5` would not help; the printed step names are the ones to use."""
    if est != "Pipeline":
        return ""
    written = re.search(rf"['\"]{re.escape(param)}__(\w+)['\"]", seen_code(p)[0])
    steps = _top_level_steps(p.message)
    if written is None or not steps or param in (name for name, _ in steps):
        return ""
    sub = written.group(1)
    bound = re.search(rf"^\s*{re.escape(param)}\s*=\s*(\w+)\(", seen_code(p)[0], re.M)
    meant = next((name for name, cls in steps if bound and cls == bound.group(1)), "")
    # `make_pipeline` names a step after its class, lower-cased (`-2` for a second of one class)
    auto = all(name.split("-")[0] == cls.lower() for name, cls in steps)
    made = " (`make_pipeline` names steps after their classes)" if auto else ""
    if meant:
        rebuild = f", or build it with `Pipeline([('{param}', {param}), ...])`" if auto else ""
        return (
            f"The Pipeline has no step named `{param}`: its step for `{param}` "
            f"({bound.group(1)}) is named `{meant}`{made}, so write `'{meant}__{sub}'`{rebuild}."
        )
    names = ", ".join(f"`{name}`" for name, _ in steps[:6])
    return (
        f"The Pipeline has no step named `{param}`: its steps are {names}{made}; write the key "
        f"as `'<step>__{sub}'` with one of them."
    )


def _parameter_rejected(p, f):
    lines = [line.strip() for line in p.message.strip().splitlines() if line.strip()]
    detail = f.get("detail", lines[0] if lines else "")
    if detail.endswith(":") and len(lines) > 1:
        # botocore and friends: "Parameter validation failed:" and the details below.
        said = parameter_validation_words(lines[1])
        if said:
            return said
        detail = lines[1]
    pydantic = pydantic_words(lines)
    if pydantic:
        return pydantic
    detail = detail if len(detail) <= 160 else detail[:157] + "…"
    return f"A parameter value was rejected: {detail.rstrip('.:')}."


def _shape_for_dimension(p, f):
    return layer_size_words(f.get("value", ""), f.get("type", ""), f.get("param", ""))


def _torch_argument_types(p, f):
    """When: PyTorch names the argument types it got. The function it names is the user's call
    only when the line calls it; otherwise it ran inside the user's call, which is named."""
    combo = re.search(r"invalid combination of arguments - got \(([^)]*)\)", p.message)
    func = f.get("function") or "The function"
    if combo and _numpy_keywords_to_a_tensor(p, combo.group(1)):
        short = func.split(".")[-1]
        return (
            f"A NumPy function was given a PyTorch tensor and called the tensor's own "
            f"`{short}()` with NumPy's keywords (axis, out), which PyTorch does not take: convert "
            "the tensor first (`t.cpu().numpy()`) or use its own method (`t.any()`)."
        )
    if combo and "numpy" not in combo.group(1) and "list" not in combo.group(1):
        short = func.split(".")[-1]
        call = failing_call(p)
        if not user_calls(p, short) and call is not None:
            return (
                f"`{call.text}` called `{func}()` inside PyTorch with arguments of types "
                f"({combo.group(1)}), which match none of its signatures: check the types of "
                "what you pass (sizes must be ints, not floats or tuples of floats)."
            )
        return (
            f"`{func}` got arguments of types ({combo.group(1)}), which match none of its "
            "signatures: the message lists the accepted ones; compare types and keyword names."
        )
    # An invalid combination left here holds a NumPy array or a list among its types.
    got = f.get("got") or ("a NumPy array" if combo and "numpy" in combo.group(1) else "list")
    if re.search(r"expected np\.ndarray \(got Tensor\)", p.message):
        # `torch.from_numpy(x)` where x is a Tensor already
        return (
            "`torch.from_numpy` takes a NumPy array, and this value is a Tensor already: use it "
            "as it is (or `torch.as_tensor(x)`, which takes both)."
        )
    return _torch_conversion_words(p, f, got)


def _numpy_keywords_to_a_tensor(p, got: str) -> bool:
    """NumPy's reductions (`np.any`, `np.sum`) hand a tensor back to its own method with NumPy's
    keywords: PyTorch got `axis=`/`out=` from a NumPy frame, not from the user's sizes."""
    numpy_frame = any(frame.package == "numpy" for frame in p.frames)
    return numpy_frame and re.search(r"\b(axis|out)=", got) is not None


# "sum(): argument 'input' (position 1) must be Tensor, not list": the function named first.
_TORCH_FUNCTION = re.compile(r"^\s*([\w.]+)\(\): argument '")


def _torch_conversion_words(p, f, got: str) -> str:
    """How to make a tensor of what PyTorch got. `torch.from_numpy` takes NumPy arrays only; a
    list may hold tensors (`torch.stack`) or numbers (`torch.tensor`), and nothing on the line
    tells which; an argument that is no tensor (`dim` must be int) is named with its types."""
    want, argument = f.get("want", ""), f.get("argument", "")
    named = _TORCH_FUNCTION.match(p.message)
    if named and argument:
        where = f"`{named.group(1)}()`'s argument `{argument}`"
    else:
        where = f"`{f['function']}()`" if f.get("function") else "PyTorch"
    if want and want != "Tensor":
        return (
            f"{where} must be {article(want)} {want}, not {article(got)} {got}: check the value "
            "passed there."
        )
    if got in ("list", "tuple"):
        x = _first_argument_name(p, named.group(1)) if named else ""
        x = x or "x"
        return (
            f"{where} got a Python {got} where it needs a tensor: if the {got} holds tensors, "
            f"join them with `torch.stack({x})` (or `torch.cat({x})`); if it holds numbers, use "
            f"`torch.tensor({x}, dtype=torch.float32)`."
        )
    if "ndarray" in got or "NumPy" in got:
        return (
            f"PyTorch got {got} where it needs a tensor: convert with `torch.from_numpy(x)` or "
            "`torch.tensor(x, dtype=torch.float32)`."
        )
    if got in ("int", "float", "bool"):
        return (
            f"{where} got a Python {got} where it needs a tensor: make one with `torch.tensor(x)`."
        )
    if got in ("DataFrame", "Series"):
        return (
            f"{where} got a pandas {got} where it needs a tensor: convert its values, "
            "`torch.tensor(x.values, dtype=torch.float32)`."
        )
    return (
        f"{where} got {article(got)} {got} where it needs a tensor: print what the value passed "
        "holds, and make a tensor of it (`torch.tensor(...)`) if it holds numbers."
    )


def _first_argument_name(p, function: str) -> str:
    """The plain name passed first to ``function`` on the line that called it (a cell's own
    function's line when the cell's frame raised), when the message says it is position 1."""
    if "(position 1)" not in p.message[:200]:
        return ""
    last = p.last_frame
    line = last.failing_line if last is not None and last.is_user else p.user_line
    short = re.escape(function.split(".")[-1])
    given = re.search(rf"(?<![\w]){short}\(\s*([A-Za-z_]\w*)\s*[,)]", line)
    return given.group(1) if given else ""


def _keras_unknown_identifier(p, f):
    """When: Keras names what it does not know. A layer it cannot rebuild from a saved file is
    no spelling mistake: the message's own fix (``custom_objects``) or the Keras version is."""
    what, name = f.get("what", "name"), f.get("name", "").rstrip(".")
    if what == "layer":
        own = (
            f"pass it to `load_model(..., custom_objects={{'{name}': {name}}})`"
            if "custom_objects" in p.message
            else f"pass `custom_objects={{'{name}': {name}}}` to `load_model`"
        )
        return (
            f"Keras cannot rebuild the layer class `{name}` from the saved model: if it is your "
            f"own class, {own}; if it is a Keras class, the file was saved by another Keras "
            "version than the installed one."
        )
    given = re.search(r"identifier:? <([\w.]+)\.(\w+) object at 0x", p.message)
    if given:
        return _object_of_another_keras(p, what, given.group(1), given.group(2))
    if re.search(r"\bload_model\(", p.user_line):
        # Loading a model saved with a function of the user's: no string of theirs to respell.
        return (
            f"The saved model uses the {what} `{name}`, which Keras does not know when loading: "
            f"pass your own `{name}` with `load_model(..., custom_objects={{'{name}': {name}}})`, "
            "or load with `compile=False` to predict only."
        )
    return (
        f"Keras does not know the {what} `{name}`: check the string's spelling (e.g. 'relu', "
        "'adam', 'categorical_crossentropy') or pass the object itself."
    )


def _object_of_another_keras(p, what: str, module: str, cls: str) -> str:
    """Keras got an object, no name to respell, and did not take it as its own: an object of
    another Keras package (Keras 3's `keras.src` given to `tf_keras`) when the raising code's
    package differs from the object's; otherwise not a class Keras knows as one."""
    last = p.last_frame
    raiser = last.package if last is not None else ""
    owner = module.split(".")[0]
    # both sides Keras packages: a user's own class (`__main__`) is no other Keras's object
    kerases = ("keras", "tf_keras", "tensorflow")
    if raiser in kerases and owner in kerases and owner != raiser:
        home = "tensorflow.keras" if raiser == "tensorflow" else raiser
        kind = "losses" if what == "loss" else f"{what}s"
        return (
            f"The {what} is {article(cls)} `{cls}` of the `{owner}` package (`{module}`), and "
            f"the model belongs to `{raiser}`, which does not take another Keras package's "
            f"objects: make the {what} with the model's package (e.g. `from {home} import "
            f"{kind}`), then restart the kernel."
        )
    return (
        f"Keras got {article(cls)} `{cls}` object (`{module}`), not a name, and does not take "
        f"it as the {what}: check that it comes from the same Keras package as the model (`keras`, "
        "`tf.keras` or `tf_keras`)."
    )


def _value_not_accepted(p, f):
    """When: a parameter value message (scikit-learn's wording): its own sentence, the values it
    allows and the user's argument it names. Without any of them the safe hint speaks."""
    return _other_keras_layer(p.message) or value_not_accepted_words(p, f.get("detail", "\0"))


def _other_keras_layer(message: str) -> str | None:
    """When: Keras refuses as "no Layer" an object that is a Keras layer, of the other Keras
    (`tensorflow.python.keras` or `tf.keras` beside the standalone `keras`): no value of the
    argument is wrong, the two imports are mixed."""
    found = re.search(
        r"must be an instance of class Layer\. Found: <([\w.]*keras[\w.]*layers[\w.]*)", message
    )
    if not found:
        return None
    return (
        f"The layer given is a Keras layer of another Keras package (`{found.group(1)}`) than "
        "the model's: import the model and all layers from one of them, `keras` or "
        "`tensorflow.keras`, then restart the kernel."
    )


# `x = np.random.shuffle(x)`: shuffles in place and returns None (a `ds.shuffle(n)` of
# tf.data returns a new dataset: only the `random` modules' function is meant).
_IN_PLACE_ASSIGNED = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)\s*=\s*((?:np\.|numpy\.)?random\.shuffle)\(\s*\1\s*\)", re.M
)


def _in_place_result_passed(p) -> tuple[str, str] | None:
    """(name, call) when the crash's cell reads a name whose last assignment in the code seen is
    `name = random.shuffle(name)` (so None); else None."""
    code_seen = seen_code(p)[0]
    for m in _IN_PLACE_ASSIGNED.finditer(code_seen):
        name = m.group(1)
        later = re.compile(rf"^[ \t]*{re.escape(name)}\s*=(?!=)", re.M)
        if not later.search(code_seen, m.end()) and re.search(rf"\b{name}\b", p.user_code):
            return name, m.group(2)
    return None


# The end of Keras's data adapter message when y is None (as `predict(x)` passes it).
_NONE_Y = ", <class 'NoneType'>"


def _wrong_input_container(p, f):
    detail = f.get("detail", "")
    if "merge" in detail:
        return "The two DataFrames share no column name: pass `on=` or `left_on=`/`right_on=`."
    passed = re.search(r'you passed an object of type "(DataFrame|Series)"', p.message)
    if passed:
        # `pd.concat(df)` or `pd.concat(a, b)`: the frames, not in a list
        return (
            f"`pd.concat` takes a list of frames, and got one {passed.group(1)}: put the "
            "objects to join in square brackets, `pd.concat([a, b])`."
        )
    if "pandas" in detail or "Series and DataFrame" in detail:
        return _concat_other_object(p.message)
    if re.search(r"got <class '(?:method|function|builtin_function_or_method)'>", p.message):
        return (
            "A function or method itself was passed where data is expected: call it and pass "
            "its result (e.g. `model.predict(X)`, not `model.predict`)."
        )
    # `<class 'NoneType'>` given itself, not a list `containing values of types {"<class
    # 'NoneType'>"}` (a list of Nones: items, not a variable, hold None)
    given = re.sub(r"containing values of types \{[^}]*\}", "", p.message)
    if "data adapter" in p.message:
        # Keras lists x's type, then y's: a None y is what `predict(x)` passes itself, so
        # only a None in x (or a y given beside x) is a variable holding None.
        x_part = p.message.partition("handle input: ")[2]
        if x_part.endswith(_NONE_Y):
            x_part = x_part[: -len(_NONE_Y)]
            given = re.sub(r"containing values of types \{[^}]*\}", "", x_part)
        if "KerasTensor" in x_part:
            return (
                "Keras got symbolic `KerasTensor`s as data (outputs of `Input` or of layers, "
                "which hold no values): pass NumPy arrays (or tensors with values) for every "
                "input of this call."
            )
    if "data adapter" in p.message and "<class 'NoneType'>" in given:
        # Keras names the type it got: a variable passed holds None, no container of data
        in_place = _in_place_result_passed(p)
        if in_place:
            name, call = in_place
            return (
                f"`{name} = {call}({name})` stores None: `{call}` works in place and returns "
                f"None, so Keras got None as data; call it without assigning (`{call}({name})`)."
            )
        return (
            "Keras got None as its data (`NoneType`): a variable this call passes holds None; "
            "find where it is assigned (e.g. `np.random.shuffle(x)` shuffles in place and "
            "returns None)."
        )
    if "array(None" in p.message:
        # scikit-learn made an array of a None: no container at all was given
        call = failing_call(p)
        if call is not None and _fit_without_target(p, call):
            return (
                f"`{call.function}(...)` got only X, so its target y is None and the estimator "
                f"checked it: pass the labels too, `{call.function}(X, y)` (to predict for new "
                "rows, call `.predict(X)` on the fitted model)."
            )
        return (
            "A value passed here is None (`array(None, dtype=object)`), not data: print each "
            "argument of the call, and find where the one that is None was assigned."
        )
    if re.search(r"\bgot <class 'NoneType'>", given):
        # "Expected sequence or array-like, got <class 'NoneType'>": no container, a None.
        return (
            "A value passed here is None, not data: print each argument of the call, and find "
            "where the one that is None was assigned (a function without `return`, or an "
            "in-place method such as `inplace=True` whose None result was stored)."
        )
    return (
        "The function got a container it cannot read: pass NumPy arrays or DataFrames "
        "(e.g. `np.asarray(x)`), not lists of mixed objects, generators or scalars."
    )


# A library line that checks the target: `check_array(y, …)`, `check_X_y(X, y, …)`, `_check_y(y`.
_CHECKS_TARGET = re.compile(r"\b(?:check_array|_check_y|column_or_1d)\(\s*y\b|check_X_y\(")


def _fit_without_target(p, call) -> bool:
    """`model.fit(X)`: one positional argument, no `y=`, and a library frame checks y."""
    if call.function.rsplit(".", 1)[-1] not in ("fit", "fit_transform", "score"):
        return False
    if len(call.args) != 1 or "y" in call.keywords():
        return False
    return any(f.library and _CHECKS_TARGET.search(f.failing_line) for f in p.frames)


# pandas names the object `pd.concat` refused: "cannot concatenate object of type '<class
# 'dict'>'; only Series and DataFrame objs are valid".
_CONCAT_KIND = re.compile(r"cannot concatenate object of type '?<class '([\w.]+)'>")


def _concat_other_object(message: str) -> str:
    """`pd.concat` got something other than a Series or DataFrame: what to make of it depends
    on what it is (a dict of single values is one row, not columns)."""
    m = _CONCAT_KIND.search(message[:300])
    kind = m.group(1).rsplit(".", 1)[-1] if m else ""
    if kind == "dict":
        return (
            "`pd.concat` takes only Series and DataFrames, and one of the objects is a dict: "
            "make it a frame first, `pd.DataFrame([d])` for one row of single values or "
            "`pd.DataFrame(d)` for columns of lists."
        )
    if kind in ("", "ndarray", "list", "tuple"):
        return (
            "`pd.concat` takes a list of Series/DataFrames: wrap arrays in `pd.DataFrame(...)` "
            "first."
        )
    return (
        f"`pd.concat` takes only Series and DataFrames, and one of the objects is a `{kind}`: "
        "print `type(...)` of each object in the list, and make that one a DataFrame first."
    )


def _torch_device_string(p, f):
    m = re.search(r"device string: ?(\S*)|Invalid device string: '([^']*)'", p.message)
    given = next((g for g in m.groups() if g), "") if m else ""
    got = f", not {given!r}" if given else " (the string given here is empty)"
    return f"`torch.device` takes 'cpu', 'cuda' or 'cuda:0'{got}."


def _plot_value_rejected(p, f):
    """When: the message says which value a plotting call refused; the wording follows it."""
    # the loop around the failing line is in the crashing cell
    detail = f.get("detail", "")
    return (
        subplot_index_from_items(p.message, p.user_line, p.user_code)
        or image_data_words(p.message, detail, p.user_line, seen_code(p)[0])
        or refused_plot_value_words(p.message, detail)
    )


def _none_passed_to_library(p, f):
    """When: a library's code found None where it reads an attribute. Which value is None is not
    known: the plain names passed to the user's call are the ones to check."""
    call = failing_call(p)
    if p.last_frame is not None and p.last_frame.library == "threadpoolctl":
        # threadpoolctl reads the math libraries the process loaded, never the call's data:
        # versions before 3 break on newer OpenBLAS builds, whose version they read as None.
        return (
            "The None is inside `threadpoolctl`, which looks up the machine's math libraries "
            "(OpenBLAS, MKL), not in your data: older threadpoolctl versions fail this way on "
            "newer OpenBLAS; `%pip install -U threadpoolctl`, then restart the kernel."
        )
    names = [a for a in (call.arguments if call else ()) if re.fullmatch(r"[A-Za-z_][\w.]*", a)]
    unpassed = _parameter_left_out(p, call) if call and not names else ""
    if unpassed:
        return (
            f"Inside the library, `{unpassed}` is None where it needs a real object, and your call "
            f"passes no `{unpassed}=`: pass it (`help({call.function})` lists the parameters)."
        )
    if passes_only_literals(call):
        # `model.save_weights("w/model")`: every argument is written out, none is None; the
        # None is something the library found inside the object
        return None
    if search_found_nothing(p):
        return None  # `RE.search(page).group(1)`: a search of the library's found nothing
    where = f"`{call.text}`" if call else "The failing call"
    if names:
        them = ", ".join(f"`{n}`" for n in names[:3])
        return (
            f"{where} met a None inside the library where it needs a real object: check whether "
            f"{them} {'is' if len(names) == 1 else 'are'} None (a step before that returned "
            "nothing, e.g. a failed read or a function without `return`)."
        )
    return (
        f"{where} met a None inside the library where it needs a real object: one of its "
        "arguments is probably None (often the result of a function without `return` or with "
        "`inplace=True`)."
    )


def _parameter_left_out(p, call) -> str:
    """The parameter a library read an attribute of (`source.upper()`) when a library frame
    hands it on as `source=source` (the wrapper's own parameter, None by default) and the
    user's call does not pass it; else ""."""
    m = re.search(r"has no attribute '(\w+)'", p.message[:300])
    last = p.last_frame
    if m is None or last is None or last.is_user:
        return ""
    read = re.search(rf"(?<![\w.])([a-z_]\w*)\.{re.escape(m.group(1))}\b", last.failing_line)
    if read is None or read.group(1) == "self":
        return ""
    name = read.group(1)
    forwarded = any(
        re.search(rf"\b{name}\s*=\s*{name}\b", line)
        for frame in p.frames
        if not frame.is_user
        for line in frame.code_lines
    )
    passed = any(re.match(rf"\s*{name}\s*=", a) for a in call.arguments)
    return name if forwarded and not passed else ""


# Fire on the exception class or a broad message shape: they cannot know the cause.
CATCH_ALL = frozenset({LIBRARY_REJECTED_TYPE, LIBRARY_REJECTED_VALUE, INVALID_ARGUMENT_GENERIC})

HINTS: dict[str, Template] = {
    AXIS_OUT_OF_BOUNDS: _axis_out_of_bounds,
    UNKNOWN_ENCODING: _unknown_encoding,
    TORCH_STATE_DICT_KEYS: _state_dict_keys_differ,
    METRIC_AVERAGE: _metric_average_needed,
    PIL_FROMARRAY: _pil_fromarray,
    UNEXPECTED_KEYWORD: _unexpected_keyword,
    POSITIONAL: _wrong_positional_arguments,
    SKLEARN_INVALID_PARAMETER: _sklearn_invalid_parameter,
    INVALID_PARAMETER_ERROR: _parameter_rejected,
    SHAPE_FOR_DIMENSION: _shape_for_dimension,
    TORCH_ARGUMENT_TYPE: _torch_argument_types,
    UNKNOWN_IDENTIFIER: _keras_unknown_identifier,
    SKLEARN_VALUE: _value_not_accepted,
    WRONG_INPUT_CONTAINER: _wrong_input_container,
    DEVICE_STRING: _torch_device_string,
    PLOT_VALUE: _plot_value_rejected,
    NONE_PASSED_TO_LIBRARY: _none_passed_to_library,
}
