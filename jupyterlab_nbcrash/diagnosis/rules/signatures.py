"""How the user's call meets a function's signature: which call on the line passes a keyword,
whether the user's code defines a function as a method, and the words for missing arguments."""

from __future__ import annotations

import re
import sys

from ..definitions import function_parameters
from ..where import call_arguments, failing_statement, own_lines

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
    """The user's code (this cell or another one: `t1.add(1, 2)` is often run cells below the
    class) defines ``short`` as a method without `self`: the nearest line above its indented
    ``def`` that is indented less is a ``class`` line (not a function it is nested in). A
    method whose first parameter is `self` got too many arguments from the call, not from
    the instance, so adding `self` would be wrong."""
    lines = p.code_seen.expandtabs().splitlines()
    for i, line in enumerate(lines):
        m = re.match(rf"( +)(?:async\s+)?def {re.escape(short)}\s*\(\s*(\w*)", line)
        if m is None or m.group(2) in ("self", "cls"):
            continue
        if i and lines[i - 1].strip().startswith(("@staticmethod", "@classmethod")):
            continue  # without `self` on purpose: the call passes too many
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


def _sole_method_call_object(line: str) -> str:
    """The object of the line's only call, when that call is a method called on a plain name
    with arguments (`af.score(article)`); "" otherwise."""
    calls = re.findall(r"([\w.]*)\(", line)
    if len(calls) != 1:
        return ""
    called = re.fullmatch(r"([A-Za-z_]\w*)\.\w+", calls[0])
    return called.group(1) if called else ""


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
    method_call = re.search(rf"([\w.]*?)(\w+)\.{re.escape(short)}\s*\(\s*[^)\s]", p.user_line)
    obj = method_call.group(2) if method_call else ""
    # `tf.train.exponential_decay(...)`: an attribute of a module (`tf`), no object of the user's.
    root = method_call.group(1).split(".")[0] if method_call and method_call.group(1) else obj
    # The class bound without `()` in this cell or another one of the notebook.
    code = "\n".join((p.user_code, *p.notebook_code))
    # The method may be reached under another name (`score = score_with_pattern` in its class):
    # then the line's one method call names the object.
    bound = obj or _sole_method_call_object(p.user_line)
    bare = rf"^\s*{re.escape(bound)}\s*=\s*([A-Z][\w.]*)\s*$"
    cls = re.search(bare, code, re.M) if bound else None
    if bound and cls:
        return (
            f"`{bound}` is the class `{cls.group(1)}` itself, not an instance, so your first "
            f"argument became `self`: create one with `{bound} = {cls.group(1)}()`."
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
    shifted = _passed_to_an_object_method(p, short, missing)
    if shifted:
        return shifted
    # A module (imported in any cell, or a standard one such as `re`) is no class to call.
    imported = _is_module(root, code) if root != obj else _is_module(obj, code)
    if obj and "." not in func and "(pos " not in p.message and not imported:
        return (
            f"`{short}()` got no value for {missing}: pass {them}. If you did, `{obj}` may be "
            f"the class itself rather than an instance (`{obj} = SomeClass()` needs the `()`)."
        )
    elsewhere = _made_in_another_cell(p, func)
    if elsewhere and _is_module(elsewhere[1], code):
        # `plt.savefig()`: a module's function that hands over to an object's method (the
        # current figure), no object some other cell made
        named = ", ".join(f"{n}=..." for n in re.findall(r"'(\w+)'", missing)) or "..."
        return (
            f"`{elsewhere[1]}.{short}()` hands over to `{func}()`, which needs {missing}: pass "
            f"{them} in the call, `{elsewhere[1]}.{short}({named})`."
        )
    if elsewhere:
        cls, obj = elsewhere
        return (
            f"`{obj}` holds a `{cls}`, which this cell does not make (another cell did), and its "
            f"`{short}()` needs {missing}: pass {them}, or if `{obj}` should hold something else, "
            f"create that in this cell before calling `{short}()`."
        )
    registered = _called_while_registered(p.user_line, short, missing)
    if registered:
        return registered
    passed = _missing_passed_by_position(p.user_line, missing)
    if passed:
        # `self.decode(feats)` and `feats` still missing: the value filled an earlier parameter
        return (
            f"This line passes `{passed}`, yet `{func}()` got no value for {missing}: it filled "
            f"a parameter before it. If that is `self`, the function is reached through an "
            f"attribute of the object rather than defined in its class: define it in the class, "
            f"or pass the object too (`f(obj, {passed})`); else check its parameters "
            f"(`help({short})`)."
        )
    near = _near_method_elsewhere(p, short)
    if near:
        obj, other = near
        return (
            f"`{short}()` needs {missing}, and the notebook also calls `{obj}.{other}()` with no "
            f"argument: if you meant that method, write `{obj}.{other}()`; else pass {them}."
        )
    filled = _positional_values(p.user_line, short)
    if filled >= 2 and " and " not in missing:
        # `f(0.5, step, 0.95)` missing 'decay_rate': the values fill the parameters in order,
        # so the one meant for it may sit in the place of another
        name = missing.strip("'")
        return (
            f"`{func}()` needs {missing}: your {filled} positional values fill its first "
            f"{filled} parameters in order (`help({short})`), so if one was meant for {missing}, "
            f"pass it by name (`{name}=...`)."
        )
    return f"`{func}()` needs {missing}: pass {them} in the call."


# An event handler's registration whose library calls the handler with one value (the event, the
# change, the button): `w.bind('<Button-1>', f)`, `button.on_click(f)`, `fig.canvas.mpl_connect`.
_REGISTRAR = re.compile(
    r"\.(?:bind|bind_all|bind_class|tag_bind|on_click|on_submit|observe|mpl_connect)\s*\("
)


def _called_while_registered(line: str, short: str, missing: str) -> str:
    """The hint when the call that lacks one argument is itself an argument of an event
    handler's registration and passes one value (`w.bind('<Button-1>', f(label))`): `f` runs
    right there, as the line runs, and its value filled the event's place. "" otherwise."""
    if " and " in missing:
        return ""
    for m in _REGISTRAR.finditer(line):
        for argument in call_arguments(line[m.end() - 1 :]):
            call = re.fullmatch(rf"(?:[\w.]+\.)?{re.escape(short)}\s*\((.*)\)", argument.strip())
            if call is None:
                continue
            values = call_arguments(argument.strip()[argument.strip().index("(") :])
            if len(values) != 1 or re.match(r"\*|[A-Za-z_]\w*\s*=(?!=)", values[0]):
                return ""
            value = values[0].strip()
            if value == missing.strip("'"):
                # named as the missing parameter: the parameter before it is the event's
                return (
                    f"`{short}({value})` runs right here, as this line registers it, so `{value}` "
                    f"took the event's place: hand over a function to call later instead, "
                    f"`lambda event: {short}(event, {value})`."
                )
            return (
                f"`{short}({value})` runs right here, as this line registers it, without the "
                f"event: hand over a function to call later instead, a `lambda event: ...` that "
                f"calls `{short}` with the event and `{value}`."
            )
    return ""


def _passed_to_an_object_method(p, short: str, missing: str) -> str:
    """`api.get_bars(tickers, timeframe, ...)` missing 'timeframe': the statement (over its
    lines) passes a variable of the missing name by position to a method of a plain name, so
    each value filled the parameter before the one meant; the method did not get `self` from an
    instance (the name holds the class itself, or another object). Not a module's function
    (`utils.evaluate(model, X, y)`): no instance is meant there."""
    statement = " ".join(failing_statement(p).split())
    call = re.search(rf"(?<![\w.])([a-z_]\w*)\.{re.escape(short)}\s*\(", statement)
    if call is None or call.group(1) in ("self", "cls") or "(pos " in p.message:
        return ""
    if _is_module(call.group(1), "\n".join((p.user_code, *p.notebook_code))):
        return ""
    passed = _missing_passed_by_position(statement[call.start() :], missing)
    if not passed:
        return ""
    obj = call.group(1)
    return (
        f"The call passes `{passed}` by position, yet `{short}()` got no value for it: each "
        f"value filled the parameter before the one meant, as when `{obj}` is the class itself "
        f"or another object, not an instance of the class that defines `{short}`; check "
        f"`type({obj})` and call it on the instance your code creates."
    )


def _missing_passed_by_position(line: str, missing: str) -> str:
    """The one missing parameter's name when the line's call hands over a variable of exactly
    that name as a positional argument (`self.decode(feats)` missing 'feats')."""
    name = missing.strip("'")
    if " and " in missing or not re.fullmatch(r"[A-Za-z_]\w*", name):
        return ""
    call = re.search(rf"[\w.\]]\s*\((?:[^()]*,)?\s*{re.escape(name)}\s*[,)]", line)
    return name if call else ""


def _positional_values(line: str, short: str) -> int:
    """How many positional arguments the line's call of ``short`` passes; 0 when it unpacks
    (`*args`, `**kw`) or is not closed on the line."""
    call = re.search(rf"(?<![\w])(?:[\w.]+\.)?{re.escape(short)}\s*\(", line)
    if call is None:
        return 0
    arguments = call_arguments(line[call.start() :])
    if any(a.startswith("*") for a in arguments):
        return 0
    return sum(1 for a in arguments if not re.match(r"[A-Za-z_]\w*\s*=(?!=)", a))


def _is_module(name: str, code: str) -> bool:
    """``name`` is a module: imported in the code seen (`import x`, `import y as x`), or a
    standard one such as `re`."""
    return name in _STDLIB_MODULES or bool(
        re.search(
            rf"\bimport\s+[\w.]+(?:\s+as\s+{re.escape(name)}|(?<=\b{re.escape(name)}))\b", code
        )
    )


def _near_method_elsewhere(p, short: str) -> tuple[str, str] | None:
    """(object, method) when the line calls `obj.short()` with empty parentheses and another
    place in the notebook calls a method of nearly the same spelling on the same object with none
    (`combine.isin()` here, `combine.isna()` there): a slip of one or two letters."""
    on = re.search(rf"(?<![\w.])([A-Za-z_]\w*)\.{re.escape(short)}\s*\(\s*\)", p.user_line)
    if on is None or not p.notebook_code:
        return None
    obj = on.group(1)
    calls = re.findall(rf"(?<![\w.]){re.escape(obj)}\.(\w+)\s*\(\s*\)", "\n".join(p.notebook_code))
    for other in dict.fromkeys(calls):
        if other != short and other[:2] == short[:2] and _few_edits(other, short):
            return obj, other
    return None


def _few_edits(a: str, b: str, most: int = 2) -> bool:
    """``a`` and ``b`` differ by at most ``most`` letters changed, added or dropped."""
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1] <= most


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


# Classes whose `fit`/`fit_transform` take the target alone (`fit_transform(y)`): a Pipeline or a
# ColumnTransformer calls its steps with `(X, y)`.
_TARGET_ENCODERS = ("LabelEncoder", "LabelBinarizer", "MultiLabelBinarizer")
_STEP_CALLERS = ("pipeline", "compose")


def target_encoder_as_a_step(p, func: str, given: str) -> str:
    """`LabelEncoder.fit_transform() takes 2 positional arguments but 3 were given` raised where
    scikit-learn calls a step with `(X, y)`: the encoder of a target was made a feature step.
    Without the class in the message (Python before 3.10), only when the code builds one."""
    cls, _, short = func.rpartition(".")
    if given != "3" or short not in ("fit", "fit_transform"):
        return ""
    if not any(f.library == "sklearn" and _in_step_caller(f.filename) for f in p.frames):
        return ""
    named = cls.split(".")[-1] if cls else _target_encoder_in_the_code(p, short)
    if named not in _TARGET_ENCODERS:
        return ""
    return (
        f"`{named}` encodes a target (`{short}(y)` takes y alone), but a Pipeline or "
        "ColumnTransformer calls each step with `(X, y)`: for feature columns use "
        "`OrdinalEncoder` (or `OneHotEncoder`) there, and encode the target outside it."
    )


# A target encoder made (`LabelBinarizer()`), and one written as a step of a Pipeline or a
# ColumnTransformer (`('name', LabelBinarizer())`).
_ENCODER_MADE = re.compile(r"(?<!\w)(LabelEncoder|LabelBinarizer|MultiLabelBinarizer)\(")
_ENCODER_STEP = re.compile(r"""['"]\s*,\s*(LabelEncoder|LabelBinarizer|MultiLabelBinarizer)\(""")


def _target_encoder_in_the_code(p, short: str) -> str:
    """Which target encoder the step is, when the message does not name it (Python before
    3.10): the one the crashing cell writes as a step, else the only kind it makes, else the same
    read over the code seen. "" when the code makes several kinds and none as a step, or when it
    defines its own `fit(self, X)` (`fit_transform`), which a step calls with `(X, y)` as well."""
    if any(len(params) == 2 for params in function_parameters(p.code_seen, short)):
        # `def fit(self, X)` of the notebook's own transformer is as likely the step at fault
        return ""
    cell = "\n".join(own_lines(p))
    for found in (
        _ENCODER_STEP.findall(cell),
        _ENCODER_MADE.findall(cell),
        _ENCODER_STEP.findall(p.code_seen),
        _ENCODER_MADE.findall(p.code_seen),
    ):
        kinds = set(found)
        if kinds:
            return kinds.pop() if len(kinds) == 1 else ""
    return ""


def _in_step_caller(filename: str) -> bool:
    """A file of scikit-learn's that runs the steps of a Pipeline or a ColumnTransformer."""
    parts = re.split(r"[\\/]", filename)
    return any(part.split(".")[0] in _STEP_CALLERS for part in parts[-2:])


def replaced_warn(p, func: str, facts) -> str:
    """`warn() takes 0 positional arguments but 2 were given` at a `warnings.warn(...)` call:
    Python's `warnings.warn` takes the message by position, so something run in this kernel
    replaced it (code that hides warnings does). Whose line replaced it, the code seen tells
    only when it is the user's."""
    if func != "warn" or facts.get("kind") != "too_many" or facts.get("takes") not in ("0", "no"):
        return ""
    last = p.frames[-1] if p.frames else None
    if last is None or not re.search(r"(?<![\w.])(?:warnings\.)?warn\(", last.failing_line):
        return ""
    code = p.code_seen
    if re.search(r"^\s*warnings\.warn\s*=(?!=)", code, re.M):
        return (
            "A cell of yours replaces `warnings.warn` (`warnings.warn = …`) with a function that "
            "takes no positional argument, so every ordinary warning now fails: remove that line "
            "(`warnings.filterwarnings('ignore')` hides warnings safely) and restart the kernel."
        )
    who = f"`{last.library}`'s" if last.library else "an ordinary"
    called = next((f.library for f in p.frames if not f.is_user and f.library), None)
    perhaps = (
        f" (perhaps `{called}`, which you called)" if called and called != last.library else ""
    )
    return (
        f"`warnings.warn` is not Python's own here: code run in this kernel replaced it with a "
        f"`warn()` that takes no positional argument, so {who} warning fails. Look for "
        f"`warnings.warn = …` in your cells; else upgrade the library that replaces it{perhaps} "
        "and restart the kernel."
    )


# Functions whose first parameter takes all the values at once (`np.array([1, 2, 3])`).
_ONE_SEQUENCE = frozenset(
    {"array", "asarray", "asanyarray", "Series", "tensor", "matrix"}
    | {"mean", "median", "std", "var", "sum", "prod", "average"}
)
_LITERAL = re.compile(r"-?\d+(?:\.\d*)?(?:e-?\d+)?|'[^']*'|\"[^\"]*\"")


def values_meant_as_one_sequence(line: str, short: str, given: str) -> str:
    """`np.array(1, 2, 3, 4, 5)`: bare values, each its own argument, given to a function whose
    first parameter takes them all as one sequence."""
    if short not in _ONE_SEQUENCE or not given.isdigit():
        return ""
    call = re.search(rf"(?<![\w.])((?:\w+\.)*{re.escape(short)})\s*\(", line)
    if call is None:
        return ""
    values = call_arguments(line[call.start() :])
    if len(values) < 3 or len(values) != int(given):
        return ""
    if not all(_LITERAL.fullmatch(v) for v in values):
        return ""
    function = call.group(1)
    return (
        f"`{function}()` got {given} separate values, each its own argument, where it takes them "
        f"all as one sequence: put them in a list, `{function}([{', '.join(values)}])`."
    )


# A comment at a line's end, outside strings (a quote after the `#` keeps it).
_TRAILING_COMMENT = re.compile(r"\s+#[^'\"]*$")
_LEADING_NAME = re.compile(r"[(\s]*([A-Za-z_]\w*)")


def _statement_from(p) -> str:
    """The failing statement on one line, its continuation lines joined and their comments cut
    (a call that spans lines shows only its first on the failing line)."""
    return " ".join(
        _TRAILING_COMMENT.sub("", line.strip()) for line in failing_statement(p).splitlines()
    )


def _is_axis(name: str, axis: str) -> bool:
    """`x`, `end_x`, `x0`, `pos_x1` for the axis `x`."""
    bare = name.lower().rstrip("0123456789")
    return bare == axis or bare.endswith(f"_{axis}")


def coordinates_meant_as_one_point(p, short: str, given: str) -> str:
    """`t.set_position_3d(x, y, z)` refused for too many positional arguments, where the values
    are one point's coordinates in order (`end_x`, `end_y + dy`, `end_z`): the function takes the
    point as one argument, a tuple."""
    statement = _statement_from(p)
    call = re.search(rf"(?<![\w.])((?:\w+\.)*{re.escape(short)})\s*\(", statement)
    if call is None or not given.isdigit():
        return ""
    values = call_arguments(statement[call.start() :])
    if not 2 <= len(values) <= 3 or len(values) not in (int(given), int(given) - 1):
        return ""
    if any(re.match(r"\w+\s*=(?!=)", v) for v in values):
        return ""  # a keyword argument: no bare coordinates
    names = [_LEADING_NAME.match(v) for v in values]
    if not all(m and _is_axis(m.group(1), "xyz"[i]) for i, m in enumerate(names)):
        return ""
    point = ", ".join(values)
    return (
        f"`{call.group(1)}()` got {len(values)} coordinates as separate arguments, and takes "
        f"fewer: it takes the point as one argument, `{call.group(1)}(({point}))` (check with "
        f"`help({call.group(1)})`)."
    )
