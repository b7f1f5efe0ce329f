"""Everything the taxonomy files under "other": syntax and indentation errors, division by zero,
failed assertions, recursion, interrupted cells, missing system executables."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named, pattern_rule

_SHELL = re.compile(r"^\s*(?:pip3?|conda|apt(?:-get)?|brew|git|wget|curl|cd|ls|mkdir|python3?)\s")


@named("other.syntax")
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
        rule="other.syntax",
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
        "other.zero_division",
        "other",
        enames={"ZeroDivisionError"},
        confidence=0.95,
        facts=lambda p, m: {"detail": p.message},
    ),
    pattern_rule(
        "other.assertion",
        "other",
        enames={"AssertionError"},
        confidence=0.6,
        facts=lambda p, m: {"detail": p.message[:200]},
    ),
    pattern_rule(
        "other.recursion",
        "other",
        enames={"RecursionError"},
        confidence=0.9,
    ),
    pattern_rule(
        "other.interrupted",
        "other",
        enames={"KeyboardInterrupt", "SystemExit"},
        confidence=0.9,
        facts=lambda p, m: {"kind": p.ename},
    ),
    pattern_rule(
        "other.executable_not_found",
        "other",
        r"failed to execute (?:\[?'?(?P<exe>[\w.-]+))|ExecutableNotFound|make sure the Graphviz "
        r"executables are on your systems' PATH|executable .* not found|command not found"
        r"|because (?P<exe2>latex|dvipng|ghostscript) could not be found",
        root_cause="environment_setting",
        confidence=0.8,
        facts=lambda p, m: {"executable": (m.group("exe") or m.group("exe2") or "") if m else ""},
    ),
    pattern_rule(
        "other.ipython_usage",
        "other",
        enames={"UsageError"},
        confidence=0.85,
        facts=lambda p, m: {
            "magic": (re.search(r"function `%*(\w+)` not found", p.message) or [None, ""])[1]
        },
    ),
    pattern_rule(
        "other.not_implemented",
        "other",
        enames={"NotImplementedError", "StopIteration"},
        confidence=0.6,
        facts=lambda p, m: {"kind": p.ename},
    ),
)
