"""Where a crash happened, read from its traceback: the user's call into a library, the frame
that raised, and the machine the notebook ran on.

Hints use these to say *where* without guessing *why*: "`model.fit(X, y)` raised ValueError
inside scikit-learn". Each function answers only what the traceback shows and returns an empty
value when it does not show it.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from .traceback import Frame, ParsedError

# What a hint quotes of the user's code at most.
MAX_CALL = 70


@dataclass(frozen=True)
class Call:
    """The call on the user's failing line that went into the frame that raised (or the line's
    own call when the error was raised on it)."""

    text: str  # the call as written, e.g. "model.fit(X_train, y_train)" (cut at MAX_CALL)
    function: str  # the called name as written, e.g. "model.fit"
    library: str | None  # the library the call went into, None for the user's own code
    # The arguments as written (["X", "y", "epochs=5"]); empty when the line cuts the call off.
    arguments: tuple[str, ...] = ()
    closed: bool = True  # False when the line ends before the call's closing parenthesis

    def keywords(self) -> dict[str, str]:
        """The call's keyword arguments, name -> value as written."""
        return keyword_arguments(self.arguments)

    @property
    def args(self) -> tuple[str, ...]:
        """The positional arguments as written ("X_train", "y_train"); empty when the call is not
        closed on the line (a statement over several lines)."""
        if not self.closed:
            return ()
        return tuple(a for a in self.arguments if not _KEYWORD_ARG.match(a))


def user_frame_index(parsed: ParsedError) -> int | None:
    """Index in ``parsed.frames`` of the last notebook-cell frame (the user's failing line)."""
    for i in range(len(parsed.frames) - 1, -1, -1):
        if parsed.frames[i].is_user and parsed.frames[i].failing_line:
            return i
    return None


def own_lines(parsed: ParsedError) -> list[str]:
    """The crashing cell's own lines when the record carries its code (they end
    ``user_code``, after the traceback's copies of some lines), else the traceback's lines."""
    lines = parsed.user_code.splitlines()
    return lines[len(lines) - parsed.cell_lines :] if 0 < parsed.cell_lines <= len(lines) else lines


def failing_line_number(parsed: ParsedError) -> int:
    """The number (from 1) of the line that failed, in ``own_lines(parsed)``; 0 when unknown.
    The traceback's number is checked against the code: a cell edited after it ran shifts its
    lines, and then the line is found by its text."""
    cell = next((f for f in parsed.frames if f.is_user), None)
    if cell is None or not parsed.user_code:
        return 0
    lines = own_lines(parsed)
    text = (cell.failing_line or "").strip()
    if cell.lineno and 0 < cell.lineno <= len(lines) and lines[cell.lineno - 1].strip() == text:
        return cell.lineno
    if not text:
        return 0
    return next((i for i, line in enumerate(lines, 1) if line.strip() == text), 0)


def callee(parsed: ParsedError) -> Frame | None:
    """The frame the user's failing line called into (the first frame after it), if any."""
    i = user_frame_index(parsed)
    if i is None or i + 1 >= len(parsed.frames):
        return None
    return parsed.frames[i + 1]


def raised_in_user_code(parsed: ParsedError) -> bool:
    """True when the last frame is a notebook cell: the failing line itself raised (``d['k']``,
    ``a[5]``, ``1 / 0``), no library function stands between."""
    last = parsed.last_frame
    return last is not None and last.is_user


def raised_outside_notebook(parsed: ParsedError) -> Frame | None:
    """The frame that raised when it is neither a notebook cell nor Python's own machinery: a
    library's file, or the user's own module called from a cell. None when a cell raised, the
    standard library did (``exec`` of a string), or the traceback shows no frame to tell."""
    last = parsed.last_frame
    if last is None or last.is_user:
        return None
    if last.library:
        return last
    own_file = not last.package and not last.filename.startswith("<")
    return last if own_file and any(f.is_user for f in parsed.frames) else None


# Methods a line's own syntax runs in: operators (``a - b`` is ``Series.__sub__``), truth tests
# (``if s:`` is ``NDFrame.__nonzero__``), unpacking and loops (``__iter__``), and pandas' wrapper
# of its operators (``new_method``).
_SYNTAX_METHOD = re.compile(
    r"(?:^|[.>])(?:new_method|__(?:r|i)?(?:add|sub|mul|truediv|floordiv|mod|pow|matmul|lt|le|gt|"
    r"ge|eq|ne|and|or|xor|invert|neg|pos|abs|bool|nonzero|iter|len)__)$"
)


def raised_by_the_line(parsed: ParsedError) -> bool:
    """True when the failing line's own operation raised: the last frame is a notebook cell, or
    the line's operator, truth test or loop went straight into a library's method for it. Also
    True for a crash that shows no frames at all (a bare message: nothing says otherwise)."""
    if parsed.last_frame is None or parsed.last_frame.is_user:
        return True
    return bool(_SYNTAX_METHOD.search(callee_function(parsed)))


def callee_function(parsed: ParsedError) -> str:
    """The name of the function the failing line called into ("" when none or unknown)."""
    after = callee(parsed)
    if after is None:
        return ""
    name = after.function
    if not re.search(r"\w", name):  # IPython 8.x's "in ?(self)": the frame's code shows the def
        defs = re.findall(r"def (\w+)\(", "\n".join(after.code_lines))
        name = defs[-1] if defs else ""
    return name


_FOR = re.compile(r"^\s*for\s+(.+?)\s+in\s+(.+?)\s*:\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^\s*([\w\s,()\[\]*.]+?)\s*=(?!=)\s*(.+?)\s*(?:#.*)?$")


def loop_or_unpack(line: str) -> tuple[str, str, str]:
    """("for" | "assign" | "", targets, source) of a line that loops (``for a, b in pairs:``) or
    assigns (``a, b = f(x)``): what it takes its values from, as written."""
    m = _FOR.match(line)
    if m:
        return "for", m.group(1).strip(), m.group(2).strip()
    m = _ASSIGN.match(line)
    if m:
        return "assign", m.group(1).strip(), m.group(2).strip()
    return "", "", ""


# A literal argument: a quoted string (with an optional keyword) or a number, never None.
_LITERAL = re.compile(r"(?:\w+\s*=\s*)?(?:[rbfu]{0,2}(?:'[^']*'|\"[^\"]*\")|-?\d[\d._]*)")


def passes_only_literals(call: Call | None) -> bool:
    """The call passes arguments, each a quoted string or a number (`save_weights("w/m")`): none
    of them is None, so a None the library met came from inside its object."""
    return bool(call and call.arguments) and all(
        _LITERAL.fullmatch(a.strip()) for a in call.arguments
    )


def failing_call(parsed: ParsedError) -> Call | None:
    """The call of the user's failing line that the crash went into, when the line shows it.

    The frames after the user's frame name the function that was called (``fit``, or
    ``NDFrame.to_hdf``; decorators such as ``wrapper`` or ``inner_f`` may come first); the line
    is searched for a call of one of those names (``model.fit(``). Operators, indexing and
    properties raise in functions the line does not name (``__getitem__``): then there is no call
    to quote, and the answer is None rather than a guess."""
    line = parsed.user_line.strip()
    i = user_frame_index(parsed)
    if not line or i is None:
        return None
    below = parsed.frames[i + 1 : i + 1 + _CALLEE_DEPTH]
    library = next((f.library for f in below if f.library), None)
    for frame in below:
        parts = frame.function.strip("<>").split(".")
        # `DataFrame.__init__` (IPython 8 qualifies methods) was called as `DataFrame(`.
        name = parts[-2] if parts[-1] == "__init__" and len(parts) > 1 else parts[-1]
        if not re.fullmatch(r"[A-Za-z_]\w*", name) or name.startswith("__"):
            continue
        if name not in line:
            continue  # (no compile of the name's pattern where it cannot match)
        m = re.search(rf"(?<![\w.])((?:[A-Za-z_]\w*(?:\(\))?\.)*{re.escape(name)})\s*\(", line)
        if m is None:
            continue
        text = line[m.start() : closing_bracket(line, m.end() - 1) + 1]
        # the library of the function the line names: a decorator's frame before it may be
        # another library's (pandas' `wrapper` around pandas_datareader's `DataReader`)
        return call_from_text(text, m.group(1), frame.library or library)
    return None


def call_from_text(text: str, function: str, library: str | None) -> Call:
    """The ``Call`` written as ``text`` (from the called name to its closing parenthesis, or to
    the line's end when the line does not close it)."""
    # The call's own parenthesis, after its name: `m.maker().run(x)` passes `x`, not the `()`
    # of `maker()` that the name holds.
    own = text.find("(", len(function)) if text.startswith(function) else text.find("(")
    arguments = tuple(call_arguments(text[own:])) if own >= 0 else ()
    closed = own >= 0 and any(c == ")" and d == 0 for _, c, d in code_chars(text, own))
    if len(text) > MAX_CALL:
        text = text[: MAX_CALL - 1].rstrip() + "…"
    return Call(text=text, function=function, library=library, arguments=arguments, closed=closed)


def call_arguments(text: str) -> list[str]:
    """The arguments of the first call in ``text`` as written, split at its top-level commas
    ("fit(X, y[:, 0], epochs=5)" -> ["X", "y[:, 0]", "epochs=5"]). Of a call the line does not
    close (a statement that spans several lines), the items the line completes."""
    start = text.find("(")
    if start < 0:
        return []
    end = closing_bracket(text, start)
    closed = end < len(text) and text[end] == ")"
    parts, depth, quote, current = [], 0, "", []
    for c in text[start + 1 : end if closed else len(text)]:
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    if closed:  # an unclosed call's last item may go on on the next line
        parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


_KEYWORD = re.compile(r"(\w+)\s*=(?!=)\s*(.+)", re.S)


# A keyword (or unpacked) argument: not positional.
_KEYWORD_ARG = re.compile(r"^\*|^[A-Za-z_]\w*\s*=(?!=)")


def keyword_arguments(arguments) -> dict[str, str]:
    """``name -> value`` for the ``name=value`` items of a call's arguments."""
    out = {}
    for arg in arguments:
        m = _KEYWORD.fullmatch(arg)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


# How many frames below the user's line may stand before the called function (decorators).
_CALLEE_DEPTH = 4


def closing_bracket(line: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start`` (the line's end if unclosed)."""
    for i, c, depth in code_chars(line, start):
        if c in ")]}" and depth == 0:
            return i
    return len(line) - 1


def code_only(line: str) -> str:
    """The line without its string literals and comment: what its operators are."""
    return re.sub(r"'[^']*'|\"[^\"]*\"", "''", line).split("#", 1)[0]


def code_chars(line: str, start: int):
    """(index, char, bracket depth after it) of the characters of ``line`` from ``start`` that
    stand outside string literals."""
    depth, quote = 0, ""
    for i in range(start, len(line)):
        c = line[i]
        if quote:
            if c == quote and line[i - 1] != "\\":
                quote = ""
            continue
        if c in "'\"":
            quote = c
            continue
        depth += (c in "([{") - (c in ")]}")
        yield i, c, depth


# Paths that only one kind of machine has. Kaggle mounts its data under /kaggle/input and runs
# notebooks from /kaggle/working; Colab keeps files under /content and packages in
# /usr/local/lib/pythonX.Y/dist-packages with cells as /tmp/ipython-input-*.py.
_KAGGLE = re.compile(r"(?:^|[\s'\"(])/kaggle/(?:input|working|temp|lib)\b")
_COLAB = re.compile(
    r"(?:^|[\s'\"(])/content/|google[\\/.]colab|/tmp/ipython-input-\d+(?:-[0-9a-f]+)?\.py"
)
_WINDOWS = re.compile(r"\b[A-Za-z]:\\(?:Users|ProgramData|Anaconda|Program Files)|\\AppData\\")
_MAC = re.compile(r"(?:^|[\s'\"(])/Users/[^/\s]+/|/opt/homebrew/|/Library/Frameworks/")


def runtime(parsed: ParsedError) -> str:
    """Where the notebook ran, from the paths its traceback shows: "kaggle", "colab",
    "windows", "macos" or "" when the paths do not tell."""
    text = parsed.text[:20_000] + "\n" + parsed.message[:2_000]
    for name, pattern in (
        ("kaggle", _KAGGLE),
        ("colab", _COLAB),
        ("windows", _WINDOWS),
        ("macos", _MAC),
    ):
        if pattern.search(text):
            return name
    return ""


def failing_statement(p: ParsedError) -> str:
    """The failing line with the lines that continue its statement (an open bracket)."""
    more = continued_lines(p)
    return f"{p.user_line}\n{more}" if more else p.user_line


_STRING = re.compile(r"""(['"])(?:\\.|(?!\1).)*\1""")


def _open_brackets(line: str) -> int:
    """How many brackets the line opens and leaves open (strings and a comment left out)."""
    code = _STRING.sub("", line).split("#", 1)[0]
    return sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")


def continued_lines(p: ParsedError) -> str:
    """The lines of the failing statement below its marked line, as the traceback shows them
    (the cell may have been edited since), while a bracket the marked line opened stays open."""
    cell = next((f for f in reversed(p.frames) if f.is_user and f.failing_line), None)
    if cell is None or _open_brackets(cell.failing_line) <= 0:
        return ""
    lines = list(cell.code_lines)
    start = next((i for i, line in enumerate(lines) if line == cell.failing_line.strip()), None)
    if start is None:
        return ""
    depth, taken = _open_brackets(lines[start]), []
    for line in lines[start + 1 : start + 20]:
        if depth <= 0:
            break
        taken.append(line)
        depth += _open_brackets(line)
    return "\n".join(taken)


def statement_start(lines: list[str], number: int) -> int:
    """The number (from 1) of the line that opens the statement line ``number`` belongs to:
    lines above it that leave a bracket open continue into it. ``number`` when none does."""
    depth, start = 0, number
    for i, line in enumerate(lines[: max(number - 1, 0)], 1):
        if depth <= 0:
            start = i
        depth += _open_brackets(line)
    return start if depth > 0 else number


# Blocks that run their body whatever the values: a `raise` under them alone always runs.
_UNCONDITIONAL_BLOCK = re.compile(r"(?:try|finally|with\s.*)\s*:")


def else_branch_of(parsed: ParsedError) -> str:
    """When the failing line of the cell is the body of an `else:`: "try" when the cell shows
    that `else:` ends a `try`'s `except` clauses, "if" when it ends an `if`/`elif` (or a loop),
    "else" when only the traceback's lines are known (they lose their indentation). "" when the
    line right above it is no `else:`."""
    user = [f for f in parsed.frames if f.is_user]
    if not user:
        return ""
    frame = user[-1]
    number = failing_line_number(parsed) if len(user) == 1 else 0
    if not number:
        n = frame.lineno or 0
        shown = frame.code_lines
        at = next(
            (i for i in range(len(shown)) if shown[i].strip() == frame.failing_line.strip()), -1
        )
        code = [line.split("#", 1)[0].strip() for line in shown[:at] if line.strip()]
        return "else" if n and code and code[-1] == "else:" else ""
    lines = own_lines(parsed)
    depth = len(lines[number - 1]) - len(lines[number - 1].lstrip())
    above = [line for line in lines[: number - 1] if line.split("#", 1)[0].strip()]
    if not above or above[-1].split("#", 1)[0].strip() != "else:":
        return ""
    indent = len(above[-1]) - len(above[-1].lstrip())
    if indent >= depth:
        return ""
    for line in reversed(above[:-1]):
        code = line.split("#", 1)[0].strip()
        if len(line) - len(line.lstrip()) != indent:
            continue
        if code.startswith("except") or code.startswith("try"):
            return "try"
        return "if"
    return ""


def _raise_atop_the_shown_cell(frame) -> int:
    """The failing line's number when the traceback shows the cell from its first line down to
    it with only comments or blank lines above it (the cell was edited since it ran, so its
    code cannot tell): no block can hold it. 0 otherwise."""
    n = frame.lineno or 0
    shown = frame.code_lines
    if not 0 < n <= len(shown) or shown[n - 1].strip() != frame.failing_line.strip():
        return 0
    if any(line.strip() and not line.strip().startswith("#") for line in shown[: n - 1]):
        return 0
    return n


def unconditional_raise_number(parsed: ParsedError) -> int:
    """The number of the cell's line whose `raise` ran at the cell's top level, under no `if`,
    loop, `def` or `except` (only `try:`/`with`/`finally:` around it): a deliberate raise that
    no value decides. 0 otherwise, and when the cell called a function that raised."""
    user = [f for f in parsed.frames if f.is_user]
    number = failing_line_number(parsed)
    if len(user) == 1 and not number:
        return _raise_atop_the_shown_cell(user[0])
    if len(user) != 1 or not number:
        return 0
    lines = own_lines(parsed)
    depth = len(lines[number - 1]) - len(lines[number - 1].lstrip())
    for line in reversed(lines[: number - 1]):
        code = line.split("#", 1)[0].rstrip()
        indent = len(code) - len(code.lstrip())
        if not code or indent >= depth:
            continue
        if not _UNCONDITIONAL_BLOCK.fullmatch(code.strip()):
            return 0
        depth = indent
    return number


def leaves_bracket_open(code: str) -> bool:
    """The line, read as code, opens a bracket it does not close (`x = f(a,`, `df.loc[:, ["a",`):
    the statement goes on below it."""
    if code.endswith(("[", "(", "{")):
        return True
    depth = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code + "\n").readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                depth += 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
                if depth < 0:
                    return False
    except (tokenize.TokenError, SyntaxError):
        pass  # the end of the text inside a bracket: what is counted so far stands
    return depth > 0
