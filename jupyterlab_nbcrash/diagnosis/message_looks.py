"""The safe hint's second sentence for messages whose own words say what to look at, where the
family's look ("print the `.shape`", "print `type(...)`", "check the values you pass") would
point elsewhere: a read-only array, an empty unpack, an argument given twice, a callback that a
library calls without the arguments its `def` needs, a module attribute a library reads that the
installed version lacks, Python 2 code. Each reads the message's wording and the frames only, so
it holds for every crash whose message says so."""

from __future__ import annotations

import re

from ..taxonomy import LIBRARY_TITLES
from .text import before_valid_list
from .traceback import GLUE_PACKAGES, ParsedError
from .where import failing_call, raised_in_user_code

# A pandas Index printed in a message (`Index(['key'], dtype='object')`) lists labels: its dtype
# is no dtype of the user's values.
_DTYPE_REPR = re.compile(r"(?<=\]), dtype='\w+'")


def message_opening(message: str) -> str:
    """The message's first 1,000 characters without the dtype reprs of the objects it prints."""
    return _DTYPE_REPR.sub("", before_valid_list(message[:4_000])[:1_000])


_READ_ONLY = re.compile(r"assignment destination is read-only|array is read-only", re.I)
_UNPACK = re.compile(
    r"(not enough|too many) values to unpack \(expected (\d+)(?:, got (\d+))?\)", re.I
)
_EMPTY = re.compile(r"\bhas length 0\b|\bof length 0\b|\blength 0\b|\bis empty\b", re.I)
_LEVELS = re.compile(r"\bMultiIndex\b|\bnumber of levels\b", re.I)
# "columns overlap but no suffix specified", "pie requires either y column or 'subplots=True'":
# the call lacks a setting the message names.
_LACKS_SETTING = re.compile(
    r"\bno \w+ (?:was |is )?(?:specified|given|provided|passed)\b|\brequires either\b", re.I
)


_INVALID_PROPERTY = re.compile(r"Invalid property specified for object of type ([\w.]+): '(\w+)'")


_FREQUENCY_SUMS = re.compile(r"sum of the observed frequencies must agree with the sum of the exp")
# category_encoders' check of its `cols` against the frame it is fitted on
_COLUMNS_LISTED = re.compile(r"X does not contain the columns listed in cols")
# TensorFlow's image decoders given an empty string: one file read from disk has 0 bytes.
_EMPTY_IMAGE = re.compile(
    r"Input is empty\.?\s*\[\[\{\{node [\w/]*Decode(?:Image|Jpeg|Png|Bmp|Gif)\b"
)


def value_message_look(parsed: ParsedError, on: str) -> str:
    """The ValueError look that the message's wording states, else ""."""
    opening = message_opening(parsed.message)
    if _FREQUENCY_SUMS.search(opening):
        # SciPy 1.9+ checks this; code written for older SciPy passes unscaled expectations
        return (
            "SciPy's chi-square test needs observed and expected frequencies with the same sum: "
            "scale the expected ones (`f_exp * f_obs.sum() / f_exp.sum()`) where `chisquare` is "
            "called, or install the SciPy version that code was written for."
        )
    if _COLUMNS_LISTED.search(opening):
        return (
            "Some columns the encoder lists in `cols` are not columns of the data passed: compare "
            "`cols` with the data's `.columns` (one may have been dropped or renamed earlier)."
        )
    # the node's name follows the message: an embedded error's own message stops before it
    if _EMPTY_IMAGE.search(parsed.message[:3_000]) or _EMPTY_IMAGE.search(parsed.text[-4_000:]):
        # not an empty dataset: the decoder ran on one file's contents, and those were empty
        return (
            "An image decoder got an empty file (0 bytes), not an empty dataset: find and remove "
            "the empty or broken image files in the data folder (`os.path.getsize(p) == 0`)."
        )
    invalid = _INVALID_PROPERTY.search(opening)
    if invalid and not re.search(rf"\b{invalid.group(2)}\b", parsed.user_code or parsed.user_line):
        # plotly_express sets `hovertemplate` on a plotly Scatter too old to know it
        kind, prop = invalid.group(1).rsplit(".", 1)[-1], invalid.group(2)
        return (
            f"Your code does not set `{prop}`: the library you call does, and the installed "
            f"plotly's `{kind}` does not know it, so the two versions do not fit together; "
            "upgrade plotly (or install the library version that fits it)."
        )
    if _READ_ONLY.search(opening):
        return (
            "The array written to is read-only (its `flags.writeable` is False: a view such as "
            "`np.broadcast_to(...)`, or memory another object owns): write into a copy, "
            "`arr = arr.copy()`."
        )
    unpack = _UNPACK.search(opening)
    if unpack and (unpack.group(3) == "0" or raised_in_user_code(parsed)):
        # inside a library, `h, w = X.shape` is the common unpack: the family's `.shape` look
        got = unpack.group(3)
        held = f"holds {got} value{'s' if got != '1' else ''}" if got else "holds more values"
        empty = " (0: it is empty; check the step that built it)" if got == "0" else ""
        return (
            f"What is unpacked {on} {held} where {unpack.group(2)} are expected{empty}: print "
            "`len(...)` of it."
        )
    if _EMPTY.search(opening):
        return (
            f"The message says the data is empty: print the length of the values {on} and check "
            "the step that loaded or filtered them (a folder, pattern or filter that matched "
            "nothing)."
        )
    if _LEVELS.search(opening):
        return (
            f"The message is about index levels: print `.index` and `.columns` (their `.nlevels` "
            f"and `.names`) of the frames {on}."
        )
    if _LACKS_SETTING.search(opening):
        call = failing_call(parsed)
        where = f"`{call.function}(…)`" if call is not None else "the call"
        helper = f" (`help({call.function})` lists them)" if call is not None else ""
        return f"The message names a setting the call lacks: pass it to {where}{helper}."
    return ""


_TWICE = re.compile(
    r"got multiple values for (?:keyword )?argument '(\w+)'"
    r"|given by name \('(\w+)'\) and position",
)


def argument_twice_look(parsed: ParsedError) -> str:
    """`np.zeros_like(a, 3.2, dtype=float)`: the argument the message names is fine; a positional
    argument too many (or in the wrong order) lands in its place."""
    m = _TWICE.search(parsed.message[:500])
    if m is None:
        return ""
    name = m.group(1) or m.group(2)
    return (
        f"`{name}` gets a value twice: from `{name}=…` and from a positional argument in its "
        "place (one positional argument too many, or in the wrong order): check the positional "
        "arguments against the function's parameters."
    )


_MISSING_ARGUMENTS = re.compile(
    r"(\w+)\(\) missing \d+ required (?:positional |keyword-only )?arguments?: (.+)"
)


def callback_arguments_look(parsed: ParsedError) -> str:
    """Your own `def f(x, low, high)` handed to a library (`agg`, `apply`, `map`) that calls it
    with only its own arguments: the call's keywords do not reach it."""
    m = _MISSING_ARGUMENTS.search(parsed.message[:300])
    last = parsed.last_frame
    if m is None or last is None or last.is_user or not last.library:
        return ""
    function = m.group(1)
    code = "\n".join((*parsed.notebook_code, parsed.user_code))
    if not re.search(rf"^\s*def {re.escape(function)}\(", code, re.M):
        return ""
    names = m.group(2).strip().rstrip(".")
    return (
        f"`{last.library}` calls your `{function}()` itself, without {names}: hand it a function "
        f"that sets them, e.g. `functools.partial({function}, …)` or a `lambda`."
    )


_MODULE_ATTRIBUTE = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")


def module_attribute_look(parsed: ParsedError) -> str:
    """`sns.heatmap(m)` → "module 'numpy' has no attribute 'bool'" raised in seaborn's code: the
    installed seaborn was written for another numpy; nothing on the user's line is at fault."""
    m = _MODULE_ATTRIBUTE.search(parsed.message[:300])
    if m is None or raised_in_user_code(parsed) or not parsed.user_line.strip():
        return ""
    module, attr = m.group(1), m.group(2)
    if re.search(rf"\.{re.escape(attr)}\b", parsed.user_line):
        return ""  # the user's line reads it (through an alias): the family's look holds
    top = module.split(".")[0]
    reader = next(
        (
            f.library
            for f in reversed(parsed.frames)
            if f.library and f.library != top and f.library not in GLUE_PACKAGES
        ),
        None,
    )
    if reader is not None:
        return (
            f"`{reader}`'s code reads `{module}.{attr}`, which your `{top}` version does not "
            f"have: the installed `{reader}` and `{top}` do not fit together; upgrade `{reader}` "
            f"(or install the `{top}` version it was written for), then restart the kernel."
        )
    if top not in LIBRARY_TITLES or top == "none":
        return ""  # a module of the project's own: no versions of two libraries to fit
    # Frames of an install the parser does not know as a library's: the call still names it.
    call = failing_call(parsed)
    who = f"The code `{call.function}()` runs" if call is not None else "The code your line runs"
    return (
        f"{who} reads `{module}.{attr}`, not your line, and your `{top}` version does not have "
        f"it: that library and `{top}` do not fit together; upgrade it (or install the `{top}` "
        "version it was written for), then restart the kernel."
    )


# Methods of Python 2's builtins that Python 3 removed, and what Python 3 writes instead.
_PYTHON2_METHODS = {
    "has_key": "`key in d`",
    "iteritems": "`.items()`",
    "iterkeys": "`.keys()`",
    "itervalues": "`.values()`",
}


def python2_look(parsed: ParsedError) -> str:
    """'dict' object has no attribute 'has_key': code written for Python 2."""
    m = re.search(r"'(dict|str)' object has no attribute '(\w+)'", parsed.message[:300])
    if m is None or m.group(2) not in _PYTHON2_METHODS:
        return ""
    last = parsed.last_frame
    where = "" if last is None or last.is_user else f" (in `{last.filename.split('/')[-1]}`)"
    return (
        f"`.{m.group(2)}` is a Python 2 method: the code that reads it{where} was written for "
        f"Python 2; in Python 3 write {_PYTHON2_METHODS[m.group(2)]} instead."
    )


def not_callable_look(parsed: ParsedError) -> str:
    """Python 2's "X instance has no __call__ method": the line calls an object."""
    m = re.search(r"(\w+) instance has no __call__ method", parsed.message[:300])
    if m is None:
        return ""
    return (
        f"What the line calls is a `{m.group(1)}` object, not a function: print `type(...)` of "
        "what stands before the `(`."
    )


_IMAGE_MODE = re.compile(r"cannot write mode (\w+) as (\w+)")


def image_mode_look(parsed: ParsedError) -> str:
    """Pillow's "cannot write mode P as JPEG": the image's mode, not the path."""
    m = _IMAGE_MODE.search(parsed.message[:300])
    if m is None:
        return ""
    return (
        f"The image is in mode {m.group(1)}, which {m.group(2)} cannot store: convert it first "
        "(`img.convert('RGB')`), or save it in a format that keeps the mode (PNG)."
    )


_COMPARISON = r"[\w.]+(?:\[[^\]]*\])?\s*(?:[<>]=?|==|!=)\s*[\w.'\"-]+"
# `a < 2000 | b > 2009`: `|` and `&` bind tighter than comparisons, so Python compares
# `a < (2000 | b) > 2009` (a chained comparison of a Series, or a bool with an array).
_UNPARENTHESIZED = re.compile(rf"(?<![\w.(])({_COMPARISON})\s*([|&])\s*({_COMPARISON})")


def precedence_look(parsed: ParsedError) -> str:
    """Two comparisons joined by `|` or `&` without parentheses on the failing line."""
    m = _UNPARENTHESIZED.search(parsed.user_line)
    if m is None:
        return ""
    left, op, right = m.groups()
    return (
        f"`{op}` binds tighter than `<`, `>` and `==`, so Python does not read the line as two "
        f"comparisons: put each in parentheses, `({left}) {op} ({right})`."
    )


# "KeyError: \"Unknown task x, available tasks are [...]\"": a library's sentence, not a key.
_SENTENCE = re.compile(r"^['\"]?[A-Z]?[a-z]+ \w+ \w+")


def key_sentence_look(parsed: ParsedError, on: str) -> str:
    """A KeyError a library raised with a sentence for its message: the keys of "what is looked
    up" on the user's line are not what it means."""
    if raised_in_user_code(parsed) or not _SENTENCE.match(parsed.message.strip()):
        return ""
    return f"The message is the library's own account: check the values {on} against it."


_MIXED_KINDS = re.compile(
    r"argument must be a string or number|require their input to be uniformly strings or numbers"
)


def mixed_kinds_look(parsed: ParsedError) -> str:
    """scikit-learn's encoders sort the values: a column that mixes kinds (NaN, a float, among
    strings) cannot be sorted, whatever `type(...)` of the column says."""
    if not _MIXED_KINDS.search(parsed.message[:300]):
        return ""
    return (
        "The values mix kinds (often NaN, a float, among strings): print "
        "`pd.Series(values).map(type).value_counts()`, then fill the gaps or convert them all "
        "(`.astype(str)`)."
    )


_SPARSE = re.compile(r"\bSparseTensor\b|\bsparse matri(?:x|ces)\b", re.I)


def sparse_look(parsed: ParsedError) -> str:
    """ "Failed to convert elements of SparseTensor(...) to Tensor. Consider casting elements":
    no cast helps a sparse value where a dense one is needed."""
    opening = parsed.message[:300]
    if not (_SPARSE.search(opening) and re.search(r"\bconvert", opening, re.I)):
        return ""
    return (
        "A sparse value reached code that needs a dense one: pass a dense array (`X.toarray()` "
        "for a SciPy sparse matrix, `tf.sparse.to_dense(x)` for a SparseTensor)."
    )


def layer_given_for_a_tensor_look(parsed: ParsedError) -> str:
    """Keras: "… called with an input that isn't a symbolic tensor. Received type: <class
    'keras.layers.convolutional.Conv2D'>": a layer object went where its output goes."""
    received = re.search(r"Received type: <class '[\w.]*\.layers\.[\w.]*?(\w+)'>", parsed.message)
    if not received or "tensor" not in parsed.message[:200]:
        return ""
    return (
        f"The inputs are `{received.group(1)}` layers themselves, not tensors: call each layer "
        f"on a tensor first (`x1 = {received.group(1)}(...)(inputs)`, Keras' functional API)."
    )
