"""The arithmetic behind shape messages and its words: a matrix product's inner dimensions (and
which operand to transpose), the element count a reshape must keep, the axis two shapes cannot
broadcast on; and the shapes a rule's match carries."""

from __future__ import annotations

import re

from ..shape_text import Dims, dims, show
from ..traceback import ParsedError
from .base import group_facts

_SHAPES = group_facts(a="a", b="b")


def shape_facts(parsed, m):
    """A rule's facts: the two shapes its pattern caught, else the first two the parser found."""
    facts = _SHAPES(parsed, m)
    if "a" not in facts and len(parsed.shapes) >= 2:
        facts = {"a": parsed.shapes[0], "b": parsed.shapes[1]}
    elif "a" not in facts and parsed.shapes:
        facts = {"a": parsed.shapes[0]}
    return facts


def shape_facts_with(**extra):
    """``shape_facts`` plus fixed facts."""

    def facts(parsed, m):
        out = shape_facts(parsed, m)
        out.update(extra)
        return out

    return facts


# Frames of a layer's forward pass: the product is a layer's weights times its input.
_LAYER_FRAME = re.compile(r"[\\/](?:linear|core[\\/]dense|dense|layers[\\/]core)\.py$|Dense")
PRODUCT_ON_LINE = re.compile(r"@|\b(?:matmul|mm|dot|bmm|einsum|tensordot)\s*\(")
# ``np.inner(a, b)`` on the line: NumPy reports it as a product with ``b``'s axes reversed.
_INNER_CALL = re.compile(
    r"(?<![\w])(?:np\.|numpy\.)?inner\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)"
)


def in_layer(p: ParsedError) -> bool:
    """True when a library layer (nn.Linear, keras Dense) computed the product, not the line."""
    return any(fr.library and _LAYER_FRAME.search(fr.filename) for fr in p.frames)


def _operands(p: ParsedError) -> tuple[str, str]:
    """The two operands of the product on the failing line when they are plain names
    (``A @ B``, ``np.dot(A, B)``, ``A.dot(B)``, ``torch.matmul(A, B)``), else ("", "").
    A line with several products does not say which one failed: no names then."""
    if len(PRODUCT_ON_LINE.findall(p.user_line)) > 1:
        return "", ""
    m = re.search(r"(?<![\w.])([A-Za-z_]\w*)\s*@\s*([A-Za-z_]\w*)(?![\w.(\[])", p.user_line)
    if m:
        return m.group(1), m.group(2)
    m = re.search(
        r"(?<![\w.])([A-Za-z_]\w*)\.(?:dot|matmul|mm)\(\s*([A-Za-z_]\w*)\s*\)", p.user_line
    )
    if m:
        return m.group(1), m.group(2)
    m = re.search(r"\b(?:matmul|mm|dot)\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)", p.user_line)
    if m:
        return m.group(1), m.group(2)
    return "", ""


def transpose_code(p: ParsedError, operand: str) -> str:
    """How to transpose ``operand`` (a name, or "" for an unnamed one) in the crash's library."""
    if "tensorflow" in p.libraries or "keras" in p.libraries:
        return f"`tf.transpose({operand or 'x'})`"
    return f"`{operand}.T`" if operand else "`.T`"


def matrix_product_words(p: ParsedError, a: Dims | None, b: Dims | None, shown: str) -> str | None:
    """The product A @ B of two matrices whose inner dimensions differ.
    When: both shapes are known and 2-D (or both 1-D, for a dot product of vectors)."""
    if a is None or b is None:
        return None
    if len(a) == 1 and len(b) == 1:
        return (
            f"A dot product of two 1-D arrays needs equal lengths, but they have {a[0]} and "
            f"{b[0]} elements: compute it on vectors of the same length."
        )
    if len(a) != 2 or len(b) != 2:
        return None
    inner = _inner_words(p, a, b)
    if inner:
        return inner
    k, k2 = a[1], b[0]
    head = (
        f"The matrix product {shown} needs the first's columns ({k}) to equal the second's "
        f"rows ({k2})"
    )
    first, second = _operands(p)
    if a == b and not second:
        # Either transpose fits, and they give different products (inner vs outer): without
        # the line's one product to name, the shapes cannot say which the formula means.
        return (
            f"{head}: transposing either one with `.T` fits, with different results (first: "
            f"{show((a[1], a[1]))}, second: {show((a[0], a[0]))}); use the one your formula means."
        )
    if a[1] == b[1]:
        return f"{head}: transpose the second with {transpose_code(p, second)}, to {show(b[::-1])}."
    if a[0] == b[0]:
        return f"{head}: transpose the first with {transpose_code(p, first)}, to {show(a[::-1])}."
    if a[0] == b[1]:
        # Swapped, the product fits: which order is right is the formula's, not the shapes'.
        named = f" (`{second}` first, then `{first}`)" if first and second else ""
        return (
            f"{head}; in the other order{named}, {show(b)} @ {show(a)}, they fit: a matrix "
            "product depends on the order, so write the one your formula means."
        )
    for mine, other in ((k, k2), (k2, k)):
        setting = _size_set_in_cell(p, mine, other)
        if setting:
            return (
                f"{head}: this cell sets `{setting}`, the size of one side, but the other has "
                f"{other}; if that number sizes the arrays, set it to {other}."
            )
    # No transpose nor swap fits, and a reshape would only scramble a matrix: the operands
    # themselves (another variable, factors in another order) are what differs.
    return (
        f"{head}, and no transpose makes them fit: print both `.shape`s and check that these "
        "are the arrays, in the order, your formula means."
    )


def _inner_words(p: ParsedError, a: Dims, b: Dims) -> str | None:
    """``np.inner(x, y)`` pairs the last axes of both; NumPy's message shows ``y`` reversed, so
    "transpose the second" would name a shape ``y`` already has.
    When: the failing line's one product is a call of ``inner`` on two names."""
    m = _INNER_CALL.search(p.user_line) if "inner(" in p.user_line else None
    if m is None or len(PRODUCT_ON_LINE.findall(p.user_line)) > 0:
        return None
    first, second = m.groups()
    real = b[::-1]
    head = (
        f"`np.inner` pairs the last axis of each array, and those differ ({a[1]} vs {real[1]}; "
        f"the message shows `{second}` reversed, it is {show(real)})"
    )
    if a[1] == real[0]:
        return f"{head}: for the matrix product write `{first} @ {second}` (`np.dot`), it fits."
    return (
        f"{head}: give both the same last axis, or use `@` when the first's columns equal the "
        "second's rows."
    )


def _size_set_in_cell(p: ParsedError, size: int | None, other: int | None) -> str:
    """``name = size`` when the crashing cell assigns that mismatched size to a name as a plain
    number and never writes the other size: a layer or weight size typed by hand."""
    if size is None or other is None or re.search(rf"\b{other}\b", p.user_code):
        return ""
    found = re.findall(rf"^[ \t]*([A-Za-z_]\w*)\s*=\s*{size}[ \t]*(?:#.*)?$", p.user_code, re.M)
    return f"{found[0]} = {size}" if len(found) == 1 else ""


def element_count_words(total: str, shape_text: str, verb: str) -> str | None:
    """Why ``total`` elements cannot take ``shape_text``; None when the numbers do not show."""
    shape = dims(shape_text)
    if shape is None or not total.isdigit():
        return None
    n, known = int(total), [x for x in shape if x is not None and x >= 0]
    rest = 1
    for x in known:
        rest *= x
    if len(known) == len(shape) - 1 and rest:  # one -1: the others must divide the size
        return (
            f"{n} elements cannot be {verb} shape {shape_text}: {n} is not a multiple of "
            f"{rest} (the product of the other dimensions); check where the size comes from."
        )
    if len(known) == len(shape) and rest and not _minus_one_fits(n, known):
        # `(8, 8)` of 4 values: no -1 in any place makes them fit, so -1 is no way out
        return (
            f"{n} elements cannot be {verb} shape {shape_text} ({rest} elements), and no -1 in "
            "any place fits them: print the array's `.shape` where it is made; it holds other "
            "data than this shape was written for, or the numbers are wrong."
        )
    if len(known) == len(shape):
        times = f", {n // rest} times as many" if rest and n > rest and n % rest == 0 else ""
        return (
            f"{n} elements cannot be {verb} shape {shape_text} ({rest} elements{times}): the "
            "new shape's product must equal the size; fix the numbers or put -1 in one dimension."
        )
    return None


def _minus_one_fits(n: int, shape: list[int]) -> bool:
    """Some dimension of ``shape`` written as -1 takes ``n`` elements (the others divide it)."""
    for i in range(len(shape)):
        others = 1
        for x in shape[:i] + shape[i + 1 :]:
            others *= x
        if others and n % others == 0:
            return True
    return False


def _first_mismatch(a: Dims, b: Dims) -> tuple[int, int | None, int | None] | None:
    """The axis (counted from the right, -1 first) where two shapes cannot broadcast."""
    for i in range(1, min(len(a), len(b)) + 1):
        x, y = a[-i], b[-i]
        if x != y and x != 1 and y != 1:
            return -i, x, y
    return None


def broadcast_words(a: Dims, b: Dims, pair: str) -> str | None:
    """Why two known shapes (``pair`` as the message wrote them) cannot broadcast: a 1-D array
    whose length matches the other's rows needs a column view; else the first axis, from the
    right, that differs. None when the shapes show no mismatch."""
    if len(a) == len(b) == 1:
        short_n, long_n = sorted((a[0], b[0]))
        if short_n > 1 and long_n == short_n * short_n:
            # 9216 = 96 * 96: a flattened square (an image, a grid) as well as other rows; a
            # mere multiple (80 = 40 * 2) is too common a coincidence to name.
            return (
                f"The two arrays have different lengths {pair}, and {long_n} = {short_n} × "
                f"{short_n}: the longer may be a flattened {short_n} × {short_n} result (reshape "
                "it, or take the matching axis or row), or the two come from different rows."
            )
        if long_n >= 10 * short_n:
            # (10,) vs (1000,): far apart, more often values of two kinds (coefficients and
            # points, a grid and samples) than rows of one table filtered apart
            return (
                f"The two arrays have different lengths {pair}: element-wise operations need "
                "equal lengths (or one of length 1); print how each is made."
            )
        if long_n - short_n == 1:
            # one apart: as often a term one side has and the other lacks (an intercept among
            # coefficients, a `diff()`) as rows filtered apart: "the same rows" may be wrong
            return (
                f"The two arrays have different lengths {pair}, one element apart: look for "
                "what adds or drops one (an intercept or constant term, a `diff()` or shift, a "
                "slice off by one) and print how each is made."
            )
        return (
            f"The two arrays have different lengths {pair}: element-wise operations need equal "
            "lengths; build both from the same rows."
        )
    for one, two in ((a, b), (b, a)):
        axes = [k for k, n in enumerate(two) if n == one[0]] if len(one) == 1 else []
        if len(two) >= 2 and len(axes) == 1 and axes[0] < len(two) - 1:
            k = axes[0]
            nones = ", None" * (len(two) - 1 - k)
            return (
                f"The {show(one)} array matches axis {k} of the {show(two)} one, but "
                f"broadcasting aligns the last axis: reshape it with `v[:{nones}]` "
                f"(shape {show((one[0],) + (1,) * (len(two) - 1 - k))})."
            )
    bad = _first_mismatch(a, b)
    if bad is None:
        return None
    axis, x, y = bad
    return (
        f"The shapes {pair} cannot be broadcast: compared from the right, each pair of "
        f"dimensions must be equal or 1, but axis {axis} has {x} vs {y}."
    )
