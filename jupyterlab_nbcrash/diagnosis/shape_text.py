"""Reading shapes out of error messages, and what the failing call tells about which side of a
shape mismatch the user can change (the data given to a trained model, or the model being
fitted). Used by the templates of the shapes family (``rules/shapes.py``)."""

from __future__ import annotations

import math
import re

from .traceback import ParsedError
from .where import failing_call

Dims = tuple[int | None, ...]

# One dimension as libraries print it: 28, None, ? (TensorFlow's unknown), -1.
_DIM = re.compile(r"None|\?|-?\d+")


def dims(text: str | None) -> Dims | None:
    """The dimensions of a printed shape: "(None, 28, 28)", "[?,784]", "torch.Size([1, 64])",
    "(784,)", "3x2", "[1 x 3]", "()" -> (None, 28, 28), ...; None when ``text`` is no shape."""
    if text is None:
        return None
    text = text.strip()
    m = re.fullmatch(r"(?:torch\.)?Size\(\[(.*)\]\)|[\[(](.*)[\])]", text)
    if m:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        parts = [p for p in re.split(r"[,x ]+", inner.strip()) if p]
    else:
        parts = text.split("x") if re.fullmatch(r"\d+(?:x\d+)+", text) else []
        if not parts:
            return None
    if not all(_DIM.fullmatch(p) for p in parts):
        return None
    return tuple(None if p in ("None", "?") else int(p) for p in parts)


def show(d: Dims) -> str:
    """A shape as Python prints a tuple: (None, 3), (784,), ()."""
    inner = ", ".join("None" if x is None else str(x) for x in d)
    return f"({inner},)" if len(d) == 1 else f"({inner})"


def size(d: Dims) -> int | None:
    """The number of elements of a shape (None when a dimension is unknown)."""
    if any(x is None or x < 0 for x in d):
        return None
    return math.prod(d)  # type: ignore[arg-type]


def per_sample(d: Dims) -> int | None:
    """Elements per sample of a batched shape (the first dimension is the batch)."""
    return size(d[1:]) if d else None


_PREDICTING = re.compile(r"(?:^|\.)(?:predict\w*|evaluate|transform|score|__call__)$")
_FITTING = re.compile(r"(?:^|\.)(?:fit\w*|train_on_batch|partial_fit)$")


def call_kind(parsed: ParsedError) -> str:
    """ "predict" when the failing call uses a model that exists already (``predict``,
    ``evaluate``, ``transform``), "fit" when it trains one, "" when the line does not show.
    Keras's traced functions hide the called method from the frames: then the line's own
    ``.predict(`` or ``.fit(`` tells."""
    call = failing_call(parsed)
    if call is not None:
        function = call.function
    else:
        m = _METHOD_ON_LINE.search(parsed.user_line)
        function = m.group(1) if m else ""
    if _PREDICTING.search(function):
        return "predict"
    if _FITTING.search(function):
        return "fit"
    return ""


_METHOD_ON_LINE = re.compile(r"\.((?:predict\w*|evaluate|fit\w*|train_on_batch))\s*\(")


def call_args(parsed: ParsedError) -> tuple[str, ...]:
    """The positional arguments of the failing call, as written."""
    call = failing_call(parsed)
    return call.args if call is not None else ()


def code(arg: str, limit: int = 30) -> str:
    """An argument as a code span when it is short enough to quote."""
    return f"`{arg}`" if arg and len(arg) <= limit and "`" not in arg else ""


# `a, b, c, d = train_test_split(`: the four parts a split is unpacked into (groups 1-4), up to
# the call's opening bracket, for the rules that go on to read its inputs their own way.
SPLIT_INTO_FOUR = (
    r"^[ \t]*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*=\s*(?:\w+\.)*train_test_split\("
)
