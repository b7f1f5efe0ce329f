"""Why a value is None, for the ``types`` family's hint on unpacking or looping over None.

A None has many producers, and "it returned nothing (no ``return``, or a method that works in
place)" is true of only some: ``cv2.imread``, ``cursor.fetchone()``, ``re.match`` and
``dict.get`` return None by design when they find nothing. The cause is named only when the
producer is seen: the call on the failing line, or the one assignment of the name above it in the
same block; then a known None-returner gets its reason, a method that works in place or a
function of the user's without a ``return`` the "returned nothing", and any other producer only
where the None came from.
"""

from __future__ import annotations

import re

from ..definitions import def_returns_value, seen_code
from ..text import code_span
from ..traceback import ParsedError

# A call as a whole expression: `cv2.imread(path)`, `cur.fetchone()`.
_CALL = re.compile(r"([A-Za-z_][\w.]*)\s*\(.*\)")
_NAME = re.compile(r"[A-Za-z_]\w*")

# Calls that return None by design when they find nothing, and what that None means
# ({call}: the call as written). Matched on the called name as written.
_NONE_ON_NOTHING = (
    (
        re.compile(r"cv2\.imread"),
        "{call} could not read the file (`cv2.imread` returns None instead of raising): check "
        "the path and that the file is an image.",
    ),
    (
        re.compile(r".+\.fetchone"),
        "the query matched no row, and then {call} returns None: check for None before using "
        "the row.",
    ),
    (
        re.compile(r"re\.(?:match|search|fullmatch)"),
        "the pattern of {call} did not match the text (it returns None then): check for None "
        "before using the match.",
    ),
    (
        re.compile(r".+\.get"),
        "{call} found no such key (`.get()` returns None then, unless given a default): check "
        "the key.",
    ),
    (
        re.compile(r".+\.(?:find|select_one)"),
        "{call} found nothing that matches (it returns None then): check what it searches for.",
    ),
    (
        re.compile(r"shutil\.which"),
        "the program {call} looks for is not on the PATH (it returns None then).",
    ),
)
# Methods that change their object and return None.
_IN_PLACE = re.compile(
    r".+\.(?:sort|append|extend|insert|reverse|shuffle|update|clear|remove)|random\.shuffle"
)
# Calls that only show a value and return None.
_SHOW = re.compile(r"print|display")


def none_hint(p: ParsedError, what: str, source: str, verb: str) -> str:
    """The hint for ``what`` (the value as the hint names it) being None where the line
    ``verb`` ("unpacked", "looped over") it; ``source`` is the expression the line reads it
    from, "" when the line does not show it."""
    head = f"{what or 'The value'} is None, so it cannot be {verb}"
    call = producer(p, source)
    if not call:
        return f"{head}: find where it gets its value, and why that gave None."
    cause = _cause(p, call)
    if cause:
        return f"{head}: {cause}"
    span = code_span(call, 60)
    if call == source.strip():
        return f"{head}: look at why {span} gave None here (what it received, what it found)."
    return (
        f"{head}: it comes from {span}, which gave None here; look at why (what it received, "
        "what it found)."
    )


def producer(p: ParsedError, source: str) -> str:
    """The call that produced the value: ``source`` itself when it is a call, else the one
    assignment ``name = call(...)`` above the failing line at its indentation; "" if unseen."""
    source = source.strip()
    if _CALL.fullmatch(source):
        return source
    if not _NAME.fullmatch(source):
        return ""
    line = p.user_line.strip()
    end = p.user_code.rfind(line) if line else -1
    if end <= 0:
        return ""
    start = p.user_code.rfind("\n", 0, end) + 1
    indent = p.user_code[start:end]  # the failing line's own indentation, as the code has it
    assigned = re.compile(rf"^([ \t]*){re.escape(source)}[ \t]*=(?!=)[ \t]*(.+?)[ \t]*(?:#.*)?$")
    # The traceback's lines of the cell come before the cell's code: one line may show twice.
    above = {m.groups() for m in map(assigned.match, p.user_code[:start].splitlines()) if m}
    if len(above) != 1:
        return ""  # none, or several: which one gave the None is not seen
    (where, call), *_ = above
    if where != indent or not _CALL.fullmatch(call):
        return ""  # in another block (a branch that may not have run), or no call
    return call


def _cause(p: ParsedError, call: str) -> str:
    """Why ``call`` gives None, when that is certain from the call or the user's code."""
    function = _CALL.fullmatch(call).group(1)
    span = code_span(call, 60)
    for pattern, reason in _NONE_ON_NOTHING:
        if pattern.fullmatch(function):
            return reason.format(call=span)
    if re.search(r"\binplace\s*=\s*True\b", call):
        return (
            f"with `inplace=True`, `{function}` changes its object and returns None: use the "
            "object itself, or drop `inplace=True`."
        )
    if _IN_PLACE.fullmatch(function):
        return (
            f"`{function}()` changes its object in place and returns None: use the object "
            "itself (or a function that returns a new one, such as `sorted(...)`)."
        )
    if _SHOW.fullmatch(function):
        return f"`{function}` only shows a value and returns None: use the value itself."
    own = function.removeprefix("self.")
    if not _NAME.fullmatch(own):
        return ""
    code, _ = seen_code(p)
    returns = def_returns_value(code, own)
    if returns is False:
        return (
            f"your function `{own}` has no `return` with a value, so it returns None; return "
            "what this line expects."
        )
    if returns:
        return (
            f"your function `{own}` returned None on this run: one of its paths ends without "
            "`return` (or returns None)."
        )
    return ""


def no_gradient_hint(p: ParsedError) -> str | None:
    """The None is a PyTorch tensor's ``.grad`` read on the failing line, after a ``backward()``
    in the code seen: the value was set (it is the tensor), but ``backward()`` fills ``.grad``
    only for leaf tensors that require grad, and ``x = x - lr * x.grad`` turns ``x`` into a new
    tensor computed from others, which has none. Nothing returned None here."""
    read = re.search(r"\b([A-Za-z_]\w*)\.grad\b(?!_)", p.user_line)
    if read is None or ".backward(" not in seen_code(p)[0]:
        return None
    name = read.group(1)
    return (
        f"`{name}.grad` is None: `backward()` fills `.grad` only for a leaf tensor created with "
        f"`requires_grad=True`, and an assignment such as `{name} = {name} - lr * {name}.grad` "
        f"makes `{name}` a new tensor computed from others, which gets none. Create `{name}` "
        "again with `requires_grad=True` and update it in place under `with torch.no_grad():`."
    )
