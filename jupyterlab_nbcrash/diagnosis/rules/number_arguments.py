"""A single number where a library wants a sequence or an integer: which numbers are numbers, and
the arguments of the failing call written as one."""

from __future__ import annotations

import re

from ..where import failing_call

NUMBERS = ("int", "float", "bool", "complex")


def is_number(t: str) -> bool:
    return t in NUMBERS or t.startswith(("numpy.int", "numpy.float", "numpy.uint", "int", "float"))


def number_argument_words(p, t: str, verb: str = "iterates over") -> str | None:
    """A library iterated over a number (or used a float as an integer): name the call's
    arguments written as a single number of that type, when there are any
    (``plt.tight_layout(rect=0)``)."""
    call = failing_call(p)
    if call is None or not is_number(t):
        return None
    pattern = r"[-+]?\d+" if t.startswith(("int", "numpy.int")) else r"[-+]?\d*\.\d+|[-+]?\d+\."
    numbers = [a for a in call.arguments if re.fullmatch(pattern, a.split("=", 1)[-1].strip())]
    if not numbers:
        return None
    them = " and ".join(f"`{a}`" for a in numbers[:2])
    if verb != "iterates over":
        return (
            f"`{call.text}` needs an integer where it got a {t}: of its arguments, {them} "
            f"{'is a float' if len(numbers) == 1 else 'are floats'}; pass whole numbers."
        )
    return (
        f"`{call.text}` iterates over a single {t} inside it: {them} "
        f"{'is a single number' if len(numbers) == 1 else 'are single numbers'}; pass a list or "
        "tuple where the function expects a sequence (its documentation says which)."
    )
