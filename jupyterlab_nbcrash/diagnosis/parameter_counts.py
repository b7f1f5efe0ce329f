"""Messages that ask for exactly so many of a list of parameters (pandas' `date_range`: "Of
the four parameters: start, end, periods, and freq, exactly three must be specified"): the
hint counts the ones the failing call passes by name and says which way to go. It speaks only
when every argument of the call is given by name, so the count is the call's own."""

from __future__ import annotations

import re

from .traceback import ParsedError
from .where import call_arguments, failing_call

__all__ = ["exactly_so_many_look"]

_EXACTLY = re.compile(
    r"Of the \w+ parameters: (?P<names>[\w ,]+?),? exactly (?P<n>\w+) must be specified", re.I
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4}


def exactly_so_many_look(parsed: ParsedError) -> str:
    """The hint when the message asks for exactly N of its parameters and the failing call,
    all of whose arguments are named, passes another number of them (None values aside)."""
    m = _EXACTLY.search(parsed.message[:1_000])
    call = failing_call(parsed)
    if m is None or call is None:
        return ""
    wanted = _NUMBERS.get(m.group("n").lower()) or (int(m.group("n")) if m["n"].isdigit() else 0)
    names = [w for w in re.split(r",\s*|\s+and\s+|\s+", m.group("names")) if w and w != "and"]
    # the whole call as the line writes it (`call.text` is shortened for display); a call the
    # line does not close leaves arguments uncounted
    written = parsed.user_line[max(parsed.user_line.find(call.text.split("(")[0]), 0) :]
    if written.count("(") != written.count(")"):
        return ""
    arguments = call_arguments(written)
    keywords = [re.match(r"\s*(\w+)\s*=(?!=)\s*(.*)", a) for a in arguments]
    named = {k.group(1): k.group(2) for k in keywords if k}
    if not wanted or len(named) != len(arguments) or any("*" in a for a in arguments):
        return ""
    given = [n for n in names if n in named and named[n].strip() != "None"]
    if len(given) == wanted:
        return ""
    shown = ", ".join(f"`{n}`" for n in given) or "none"
    if len(given) > wanted:
        return (
            f"The call passes {len(given)} of them ({shown}), and the message asks for exactly "
            f"{m.group('n')}: remove {len(given) - wanted} (e.g. `{given[-1]}`)."
        )
    return (
        f"The call passes {len(given)} of them ({shown}), and the message asks for exactly "
        f"{m.group('n')}: add {'one' if wanted - len(given) == 1 else wanted - len(given)} of "
        f"{', '.join(f'`{n}`' for n in names if n not in given)}."
    )
