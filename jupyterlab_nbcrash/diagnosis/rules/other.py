"""Everything the taxonomy files under "other": syntax and indentation errors, division by zero,
failed assertions, recursion, interrupted cells, missing system executables."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, Template, named, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
SYNTAX = "other.syntax"
ZERO_DIVISION = "other.zero_division"
ASSERTION = "other.assertion"
RECURSION = "other.recursion"
INTERRUPTED = "other.interrupted"
EXECUTABLE_NOT_FOUND = "other.executable_not_found"
IPYTHON_USAGE = "other.ipython_usage"
NOT_IMPLEMENTED = "other.not_implemented"

_SHELL = re.compile(r"^\s*(?:pip3?|conda|apt(?:-get)?|brew|git|wget|curl|cd|ls|mkdir|python3?)\s")


@named(SYNTAX)
def syntax(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("SyntaxError", "IndentationError", "TabError"):
        return None
    facts = {"kind": parsed.ename}
    line = parsed.user_line or _syntax_line(parsed.text)
    if line:
        facts["line"] = line[:200]
    if "Missing parentheses in call to 'print'" in parsed.message or re.match(
        r"^\s*print\s+[^(\s=]", line
    ):
        facts["print"] = "yes"
    elif _SHELL.match(line) or line.lstrip().startswith("!"):
        facts["shell"] = line.split()[0].lstrip("!") if line.split() else "pip"
    elif (
        parsed.ename == "SyntaxError"
        and line
        and not re.search(r"[=()\[\]:]", line)
        and (len(line.split()) >= 5)
    ):
        facts["prose"] = "yes"  # an English sentence in a code cell (markdown cell meant)
    return RuleMatch(
        rule=SYNTAX,
        crash_type="other",
        library="none",
        ml_bug=False,
        confidence=0.97,
        facts=facts,
    )


def _syntax_line(text: str) -> str:
    # SyntaxError tracebacks show the offending line, then a caret line.
    lines = text.splitlines()
    for i, line in enumerate(lines[1:], 1):
        if set(line.strip()) <= set("^~") and line.strip():
            return lines[i - 1].strip()
    return ""


RULES = (
    syntax,
    pattern_rule(
        ZERO_DIVISION,
        "other",
        enames={"ZeroDivisionError"},
        confidence=0.95,
        facts=lambda p, m: {"detail": p.message},
    ),
    pattern_rule(
        ASSERTION,
        "other",
        enames={"AssertionError"},
        confidence=0.6,
        facts=lambda p, m: {"detail": p.message[:200]},
    ),
    pattern_rule(
        RECURSION,
        "other",
        enames={"RecursionError"},
        confidence=0.9,
    ),
    pattern_rule(
        INTERRUPTED,
        "other",
        enames={"KeyboardInterrupt", "SystemExit"},
        confidence=0.9,
        facts=lambda p, m: {"kind": p.ename},
    ),
    pattern_rule(
        EXECUTABLE_NOT_FOUND,
        "other",
        r"failed to execute (?:\[?'?(?P<exe>[\w.-]+))|ExecutableNotFound|make sure the Graphviz "
        r"executables are on your systems' PATH|executable .* not found|command not found"
        r"|because (?P<exe2>latex|dvipng|ghostscript) could not be found",
        root_cause="environment_setting",
        confidence=0.8,
        facts=lambda p, m: {"executable": (m.group("exe") or m.group("exe2") or "") if m else ""},
    ),
    pattern_rule(
        IPYTHON_USAGE,
        "other",
        enames={"UsageError"},
        confidence=0.85,
        facts=lambda p, m: {
            "magic": (re.search(r"function `%*(\w+)` not found", p.message) or [None, ""])[1]
        },
    ),
    pattern_rule(
        NOT_IMPLEMENTED,
        "other",
        enames={"NotImplementedError", "StopIteration"},
        confidence=0.6,
        facts=lambda p, m: {"kind": p.ename},
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _syntax_error(p, f):
    if f.get("print"):
        return "This is Python 2 `print`: in Python 3 write `print(...)` with parentheses."
    if f.get("shell"):
        shell = f["shell"]
        run = f"%{shell} ..." if shell in ("pip", "pip3", "conda") else f"!{shell} ..."
        return f"`{shell}` is a shell command, not Python: run it in a cell as `{run}`."
    if "unicodeescape" in p.message:
        # 'C:\Users\...' in a normal string: \U starts a unicode escape.
        return (
            "A backslash in a string starts an escape (`\\U`, `\\N`, `\\x`), which a Windows "
            "path often contains: write the path as a raw string `r'C:\\Users\\...'` or with "
            "forward slashes `/`."
        )
    if "invalid character" in p.message:
        return (
            "The cell contains a character Python does not accept (often curly quotes or dashes "
            "pasted from a web page): retype the quotes as ' or \"."
        )
    if "positional argument follows keyword argument" in p.message:
        return "Put positional arguments before keyword arguments (`f(a, b, key=value)`)."
    if p.message.startswith("expected ':'"):
        return (
            "A colon is missing at the end of the `if`/`for`/`def`/`class` line marked in the cell."
        )
    if "was never closed" in p.message or "unexpected EOF" in p.message:
        return "A bracket or quote opened on the marked line is never closed: add the closing one."
    if "invalid decimal literal" in p.message:
        return "A name cannot start with a digit: rename it (e.g. `model_1` instead of `1_model`)."
    if f.get("prose"):
        return "This cell holds text, not code: change the cell type to Markdown."
    if f.get("kind") in ("IndentationError", "TabError"):
        return (
            "The indentation is wrong: indent the lines of one block the same way (4 spaces, "
            "no tabs)."
        )
    return (
        "Python cannot parse this cell: look for a missing bracket, colon, comma or quote on "
        "the marked line or the line before it."
    )


def _division_by_zero(p, f):
    return (
        "A division by zero: check the denominator (an empty list's length, a zero count) "
        "before dividing."
    )


def _assertion_failed(p, f):
    detail = f": {f['detail']}" if f.get("detail") else ""
    return (
        f"A check in the code failed{detail[:150]}; the data or arguments do not meet its "
        "condition."
    )


def _endless_recursion(p, f):
    return "A function calls itself without end: check the recursion's stop condition."


def _cell_interrupted(p, f):
    return "The cell was interrupted (or called exit): re-run it when ready."


def _system_program_missing(p, f):
    exe = f.get("executable") or "a program"
    if exe in ("dot", "neato"):
        return (
            "Graphviz's `dot` program is missing: install the Graphviz system package (e.g. "
            "`conda install graphviz` or apt), not only the pip package."
        )
    return (
        f"The system program `{exe}` is not installed or not on PATH: install it, then "
        "restart the kernel."
    )


def _magic_misused(p, f):
    magic = f.get("magic", "")
    if magic == "tensorflow_version":
        return (
            "`%tensorflow_version` exists only on Google Colab: remove it and install the "
            "TensorFlow version you need."
        )
    if magic:
        return (
            f"The magic `%{magic}` does not exist in this IPython: check its name with `%lsmagic`."
        )
    return "IPython rejected the magic command's usage: check its options with `%magic_name?`."


def _not_implemented(p, f):
    if "forward" in p.message:
        return (
            "Your `nn.Module` has no `forward` method: define `def forward(self, x):` (check its "
            "spelling and indentation inside the class)."
        )
    return (
        "This method is not implemented for this object (often an abstract method you must "
        "override)."
    )


HINTS: dict[str, Template] = {
    SYNTAX: _syntax_error,
    ZERO_DIVISION: _division_by_zero,
    ASSERTION: _assertion_failed,
    RECURSION: _endless_recursion,
    INTERRUPTED: _cell_interrupted,
    EXECUTABLE_NOT_FOUND: _system_program_missing,
    IPYTHON_USAGE: _magic_misused,
    NOT_IMPLEMENTED: _not_implemented,
}
