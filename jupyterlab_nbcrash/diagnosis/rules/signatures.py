"""How the user's call meets a function's signature: which call on the line passes a keyword,
whether the user's code defines a function as a method, and the words for missing arguments."""

from __future__ import annotations

import re
import sys

from ..where import call_arguments, own_lines

_STDLIB_MODULES = frozenset(getattr(sys, "stdlib_module_names", ()))

# Functions a message names that the user never called: constructors, NumPy's dispatchers and
# the wrappers of decorators. The user's call that passed the keyword is the one to name.
INTERNAL_FUNCTION = re.compile(r"^(?:__init__|__new__|_\w*dispatcher|inner_f|wrapper|wrapped|f)$")


def keyword_call(line: str, keyword: str) -> str:
    """The name of the call on ``line`` whose arguments pass ``keyword=``, innermost first."""
    found = ""
    for m in re.finditer(r"([A-Za-z_][\w.]*)\s*\(", line):
        if re.search(rf"(?<![\w.]){re.escape(keyword)}\s*=(?!=)", line[m.end() :]):
            args = call_arguments(line[m.start() :])
            if any(re.match(rf"{re.escape(keyword)}\s*=(?!=)", a) for a in args):
                found = m.group(1)
    return found


# Arguments a function gets when a library calls it (a loss, a metric, a callback): missing them
# in ``loss=f(...)`` means the function was called instead of handed over.
CALL_TIME_ARGUMENTS = frozenset(
    {"y_true", "y_pred", "y", "x", "X", "input", "inputs", "target", "targets", "logits"}
    | {"labels", "preds", "predictions", "outputs", "output", "epoch", "logs"}
)


def defines_method(p, short: str) -> bool:
    """The user's code defines ``short`` as a method: the nearest line above its indented
    ``def`` that is indented less is a ``class`` line (not a function it is nested in)."""
    lines = p.user_code.expandtabs().splitlines()
    for i, line in enumerate(lines):
        m = re.match(rf"( +)(?:async\s+)?def {re.escape(short)}\s*\(", line)
        if m is None:
            continue
        outer = next(
            (
                above
                for above in reversed(lines[:i])
                if above.strip()
                and not above.lstrip().startswith("#")
                and len(above) - len(above.lstrip()) < len(m.group(1))
            ),
            "",
        )
        if re.match(r"\s*class\s+\w", outer):
            return True
    return False


def missing_arguments_words(p, func: str, missing: str) -> str:
    """The hint when the user's call of ``func`` lacks the arguments ``missing`` names: a method
    called on its class, a function called where it should be handed over, or plainly missing."""
    short = func.split(".")[-1]
    them = "them" if " and " in missing else "it"
    if "." in func and re.search(rf"(?<![\w.]){re.escape(func)}\s*\(", p.user_line):
        return (
            f"`{func}()` is called on the class `{func.split('.')[0]}`, so your first "
            f"argument became `self` and {missing} is missing: call it on an instance, "
            f"e.g. `{func.split('.')[0]}().{short}(...)`."
        )
    as_value = re.search(rf"[(,]\s*\w+\s*=\s*[\w.]*{re.escape(short)}\s*\(", p.user_line)
    call_time = re.findall(r"'(\w+)'", missing)
    if as_value and call_time and set(call_time) <= CALL_TIME_ARGUMENTS:
        return (
            f"`{short}(...)` is called right here, and called without {missing}: to hand over "
            f"the function itself, drop the `(...)` (`={short}`), or use a class that takes "
            "these options."
        )
    method_call = re.search(rf"(\w+)\.{re.escape(short)}\s*\(\s*[^)\s]", p.user_line)
    obj = method_call.group(1) if method_call else ""
    # The class bound without `()` in this cell or another one of the notebook.
    code = "\n".join((p.user_code, *p.notebook_code))
    cls = re.search(rf"^\s*{re.escape(obj)}\s*=\s*([A-Z][\w.]*)\s*$", code, re.M) if obj else None
    if obj and cls:
        return (
            f"`{obj}` is the class `{cls.group(1)}` itself, not an instance, so your first "
            f"argument became `self`: create one with `{obj} = {cls.group(1)}()`."
        )
    if re.fullmatch(r"[A-Z]\w*", obj) and re.search(
        rf"^\s*from\s+[\w.]+\s+import\s+(?:.*,\s*)?{re.escape(obj)}\b", code, re.M
    ):
        # `from lib import EM` then `EM.complete(X)`: a CapWords name imported from a library is
        # a class; calling its method on it makes the first argument `self`.
        return (
            f"`{obj}.{short}()` is called on the class `{obj}`, so your first argument became "
            f"`self` and {missing} is missing: call it on an instance (`obj = {obj}(...)`, "
            f"then `obj.{short}(...)`)."
        )
    # A module (imported in any cell, or a standard one such as `re`) is no class to call.
    imported = obj in _STDLIB_MODULES or re.search(
        rf"\bimport\s+[\w.]+(?:\s+as\s+{re.escape(obj)}|(?<=\b{re.escape(obj)}))\b", code
    )
    if obj and "." not in func and "(pos " not in p.message and not imported:
        return (
            f"`{short}()` got no value for {missing}: pass {them}. If you did, `{obj}` may be "
            f"the class itself rather than an instance (`{obj} = SomeClass()` needs the `()`)."
        )
    elsewhere = _made_in_another_cell(p, func)
    if elsewhere:
        cls, obj = elsewhere
        return (
            f"`{obj}` holds a `{cls}`, which this cell does not make (another cell did), and its "
            f"`{short}()` needs {missing}: pass {them}, or if `{obj}` should hold something else, "
            f"create that in this cell before calling `{short}()`."
        )
    return f"`{func}()` needs {missing}: pass {them} in the call."


def _made_in_another_cell(p, func: str) -> tuple[str, str] | None:
    """(class, object) when the line calls `obj.method()` of the message's `Class.method`, and
    the crashing cell neither assigns `obj` nor names `Class`: the object comes from another
    cell, maybe not the one this cell means (a cell that imports ARIMA calls `model.fit()` of an
    earlier LinearRegression)."""
    if "." not in func or p.cell_lines <= 0:
        return None
    cls, short = func.rsplit(".", 1)
    on = re.search(rf"(?<![\w.])([A-Za-z_]\w*)\.{re.escape(short)}\s*\(", p.user_line)
    if on is None:
        return None
    obj = on.group(1)
    cell = "\n".join(own_lines(p))
    assigned = re.search(rf"^\s*(?:[\w, ]*,\s*)?{re.escape(obj)}\s*(?:,[\w, ]*)?=(?!=)", cell, re.M)
    if assigned or re.search(rf"\b{re.escape(cls.split('.')[-1])}\b", cell):
        return None
    return cls.split(".")[-1], obj
