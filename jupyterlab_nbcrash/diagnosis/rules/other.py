"""Everything the taxonomy files under "other": syntax and indentation errors, division by zero,
failed assertions, recursion, interrupted cells, missing system executables."""

from __future__ import annotations

import ast
import io
import itertools
import keyword
import re
import tokenize
from collections import Counter

from ..definitions import bound_in, seen_code
from ..message_words import one_sentence
from ..text import spelled_alike
from ..traceback import COLAB_PLACEHOLDER, ParsedError
from ..where import failing_call, leaves_bracket_open, own_lines, raised_in_user_code
from .base import RuleMatch, Template, named, pattern_rule
from .odd_characters import full_width_signs, odd_character_hint, quotes_a_string
from .syntax_slips import caret_slip
from .syntax_texts import apostrophe_ends_string, comment_only_body, drawn_tree

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

# `python` is a command only with an option or a script after it (`python this` is no command).
# Cloud and data tools (`bq mk`, `gsutil cp`, `kaggle datasets download`) are commands too.
_SHELL = re.compile(
    r"^\s*(?:(?:pip3?|conda|apt(?:-get)?|brew|git|wget|curl|cd|ls|mkdir|bq|gsutil|gcloud|kaggle"
    r"|unzip|sudo|nvidia-smi|docker)\s"
    r"|python3?\s+(?:-|\S+\.py\b|\S*/))"
)
# A command with options: `xvfb-run -s "..." jupyter notebook --allow-root`.
_SHELL_OPTIONS = re.compile(r"^\s*[a-z][\w.-]*(?:\s+[\w./-]+)*\s+--?[A-Za-z][\w-]*(?:\s|=|$)")


# `def f1("s", 2)`: a quoted string or a number where a parameter's name goes.
_DEF_WITH_VALUES = re.compile(r"^\s*def\s+([A-Za-z_]\w*)\s*\((?:[^()]*,)?\s*(?:['\"]|\d)")
# a quoted string's text, comma and all (`sep=", "`), so that a default's comma splits nothing
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
# `print python --version`: after `print`, a program's name and a long option (`--name`).
_PRINTED_COMMAND = re.compile(r"^\s*print\s+([a-z][\w.-]*(?:\s+[\w./-]+)*\s+--[A-Za-z][\w-]*.*)$")


@named(SYNTAX)
def syntax(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("SyntaxError", "IndentationError", "TabError"):
        return None
    facts = {"kind": parsed.ename}
    line = parsed.user_line or _syntax_line(parsed.text)
    if line:
        facts["line"] = line[:200]
    caret = caret_text(parsed.text)
    if caret:
        facts["caret"] = caret
    command = _PRINTED_COMMAND.match(line)
    if command:
        # `print python --version`: a long option glued to a word is a command line, and
        # `print(python --version)` would only fail again
        facts["printed_command"] = command.group(1).strip()[:80]
    elif "Missing parentheses in call to 'print'" in parsed.message or re.match(
        r"^\s*print\s+[^(\s=]", line
    ):
        facts["print"] = "yes"
    elif _SHELL.match(line) or line.lstrip().startswith("!") or _SHELL_OPTIONS.match(line):
        facts["shell"] = line.split()[0].lstrip("!") if line.split() else "pip"
    elif _foreign_here(parsed, line):
        # SQL, a shell script, a page, a URL, LaTeX
        facts["foreign"] = _foreign(line, parsed.user_code, _first_line(parsed))
    elif _parsed_as_code(parsed) and _prose(line) and not _spaced_numbers(line):
        facts["prose"] = "yes"  # an English sentence in a code cell (markdown cell meant)
    elif parsed.ename == "SyntaxError" and _heading_of_notes(parsed, line):
        facts["notes"] = "yes"  # `syntax:` over unindented notes: no block opens there
    elif parsed.ename == "SyntaxError" and _other_language(line):
        facts["language"] = "other"  # C, Java or JavaScript pasted into a Python cell
    return RuleMatch(
        rule=SYNTAX,
        crash_type="other",
        library="none",
        ml_bug=False,
        confidence=0.97,
        facts=facts,
    )


# Two operands side by side with only spaces between them (`Mini Batch`, `5.1  3.5`) are never
# Python outside strings and comments, unless one of them is a keyword (`for x in y`).
_OPERAND = re.compile(r"[A-Za-z_]\w*|\d+(?:\.\d+)?")
_STRING = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_SOFT_KEYWORDS = {"match", "case", "type", "print", "exec"}
# A declaration or block opener of C, C++, Java or JavaScript (`int main() {`, `#include`).
_C_LIKE = re.compile(
    r"^\s*(?:#include\b|(?:int|void|float|double|char|bool|long|public|private|static|function"
    r"|let|var|const|std::)\s+[A-Za-z_][\w:<>]*\s*[(=;\[{]|.*\)\s*\{\s*$|\}\s*else\b)"
)


def _side_by_side(line: str) -> int:
    """How many times two operands stand side by side on the line (strings and comments out)."""
    code = _STRING.sub("''", line).split("#", 1)[0]
    tokens = list(_OPERAND.finditer(code))
    pairs = 0
    for a, b in itertools.pairwise(tokens):
        words = {a.group(), b.group()}
        if code[a.end() : b.start()].isspace() and not words & _KEYWORDS:
            pairs += 1
    return pairs


_KEYWORDS = set(keyword.kwlist) | _SOFT_KEYWORDS


def _other_language(line: str) -> bool:
    return bool(_C_LIKE.match(line))


# Text of another kind than Python in a code cell, by the marked line (a URL, LaTeX) or by the
# cell (a shell script's keywords on lines of their own, an SQL statement).
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_LATEX = re.compile(r"\$\$|\$[^$\n]*\\[a-zA-Z]+|\\(?:frac|sum|int|mathbf|begin)\{")
# A Markdown horizontal rule or heading underline (`-----`, `=====`, `***`); `___` is a name.
_MARKDOWN_RULE = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,})\s*$")
_SHELL_LINE = re.compile(r"^\s*(?:fi|done|then|esac|do|#!/bin/(?:ba)?sh)\s*$|^\s*if \[ ", re.M)
# A cell whose first line is an HTML tag (`<!DOCTYPE html>`, `<div class="x">`, `<!-- … -->`):
# no line of Python starts with `<`, so the whole cell is a page. The tag is one of HTML's own,
# in lower case: a pasted repr (`<class 'int'>`, `<Figure size 640x480 …>`) is output.
_HTML_START = re.compile(
    r"<(?:(?i:!DOCTYPE\s+html)|!--|(?:html|head|body|div|span|p|a|img|script|style|link|meta|title"
    r"|table|tr|td|th|ul|ol|li|h[1-6]|iframe|svg|canvas|form|input|button|center|section|header"
    r"|footer|nav|main|br|hr|b|i|strong|em|pre|code|font|label|select|video|audio|template)"
    r"(?:\s[^<>]*)?/?>)"
)
_SQL = re.compile(
    r"^\s*(?:SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+"
    r"(?:TABLE|VIEW|DATABASE)|DROP\s+TABLE)\b",
    re.I,
)
FOREIGN_HINTS = {
    "url": "The marked line is a web address, not Python: put it in quotes (`url = '…'`) or "
    "start it with `#`.",
    "latex": "The marked line is Markdown or LaTeX, not Python: put that text in a Markdown cell.",
    "shell": "The cell is a shell script, not Python: put `%%bash` on its first line (or run it "
    "in a terminal).",
    "rule": "The marked line is a Markdown rule (a line of `-`, `=` or `*`), not Python: delete "
    "it, or put the text around it in a Markdown cell.",
    "sql": "The cell is an SQL query, not Python: put the query in a string and run it through "
    "your database library (e.g. `pd.read_sql(query, connection)`).",
    "html": "The cell is HTML (it starts with a tag), not Python, so commenting out the marked "
    "line would only move the error: put `%%html` on its first line to show it in the notebook, "
    "or `%%writefile page.html` to save it as a file to open in a browser.",
}


# How a notebook runs its SQL queries: on DataFrames (pandasql, DuckDB), Spark, or a database.
_QUERY_RUNNER = re.compile(
    r"\b(sqldf|duckdb\.(?:sql|query)|spark\.sql|pd\.read_sql(?:_query)?|\w+\.execute)\s*\("
)
_FROM_TABLE = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_]\w*)", re.I)


def _sql_hint(p: ParsedError) -> str:
    """An SQL query typed as a cell's code: put it in a string and run it as the notebook
    already runs its queries (`sqldf(query)` of pandasql); a query over a DataFrame of the
    notebook (`FROM df_students`, assigned in its code) needs an SQL-on-DataFrames library, no
    database connection."""
    code, _ = seen_code(p)
    runners = Counter(_QUERY_RUNNER.findall(_without_cell(code, own_lines(p))))
    if runners:
        runner = runners.most_common(1)[0][0]  # the way most of its queries run
        return (
            "The cell is an SQL query, not Python: put the query in a string and run it as the "
            f"notebook's other queries are run (with `{runner}(...)`)."
        )
    tables = [t for t in _FROM_TABLE.findall("\n".join(own_lines(p))) if t.upper() != "SELECT"]
    frame = next(
        (t for t in tables if re.search(rf"^[ \t]*{re.escape(t)}[ \t]*=(?!=)", code, re.M)), ""
    )
    if frame:
        return (
            f"The cell is an SQL query over `{frame}`, a variable of this notebook, not a "
            "database table: put the query in a string and run it on the DataFrame with an "
            "SQL-on-DataFrames library (`sqldf(query)` of `pandasql`, or `duckdb.sql(query).df()`)."
        )
    return FOREIGN_HINTS["sql"]


def _without_cell(code: str, cell: list[str]) -> str:
    """``code`` without the crashing cell's own text (its query is no way of running one)."""
    own = "\n".join(cell)
    return code.replace(own, "") if own.strip() else code


def _foreign(line: str, code: str, first: str = "") -> str:
    """One of "url", "rule", "latex", "shell", "html" or "sql" when the marked line (or the whole
    cell, for a script, a page or a query; ``first`` is the cell's first line) is that kind of
    text; else ""."""
    if _URL_LINE.match(line):
        return "url"
    if _MARKDOWN_RULE.match(line):
        return "rule"
    if _LATEX.search(line):
        return "latex"
    body = code or line
    if len(_SHELL_LINE.findall(body)) >= 2:
        return "shell"
    if _HTML_START.match(first):
        return "html"
    statement = "\n".join(ln for ln in body.splitlines() if not ln.lstrip().startswith("--"))
    if _SQL.match(statement.lstrip()):  # the cell starts with a statement (its comments out)
        return "sql"
    return ""


def _first_line(parsed: ParsedError) -> str:
    """The crashing cell's first line that holds anything, stripped ("" when the record has no
    code)."""
    return (
        next((ln.strip() for ln in own_lines(parsed) if ln.strip()), "")
        if parsed.cell_lines
        else ""
    )


def _marked(text: str) -> tuple[str, int] | None:
    """(the line a SyntaxError traceback marks, the caret's column in it), or None: the line
    stands right above a line of only `^` and `~`."""
    lines = text.splitlines()
    for i, caret_line in enumerate(lines[1:], 1):
        stripped = caret_line.strip()
        if stripped and set(stripped) <= set("^~") and "^" in caret_line:
            return lines[i - 1], caret_line.index("^")
    return None


def caret_text(text: str) -> str:
    """The text of the marked line from where the caret `^` points (at most a few words), or
    "<end>" when the caret stands past the line's end; "" when the traceback shows no caret."""
    marked = _marked(text)
    if marked is None:
        return ""
    code, column = marked
    rest = code[column:].strip() if column < len(code) else ""
    if not rest:
        return "<end>"
    token = re.match(r"\S+(?: \S+)?", rest).group()
    return token if len(token) <= 24 else token[:23] + "…"


def _foreign_here(parsed: ParsedError, line: str) -> bool:
    """Another language's text: by the marked line where Python read it as code, or by the
    whole cell (a shell script, a query, a page) whatever its first error (`fi` "unindent ...")."""
    kind = _foreign(line, parsed.user_code, _first_line(parsed))
    return bool(kind) and (_parsed_as_code(parsed) or kind in ("shell", "sql", "html"))


def _parsed_as_code(parsed: ParsedError) -> bool:
    """A SyntaxError, or an indented line where no block opens ("unexpected indent"): an
    indented sentence is text as much as one at the margin."""
    return parsed.ename == "SyntaxError" or parsed.message.startswith("unexpected indent")


def _prose(line: str) -> bool:
    """An English sentence, a title or pasted output in a code cell (a Markdown cell meant):
    three pairs of words side by side; a capitalised heading of one to four words ending with a
    colon (`SVM:`); five words or more without code signs, two pairs of them side by side; or
    two to four words starting with a capital (`Train Models`)."""
    words = line.split()
    if not line or re.match(r"\s*(?:from|import)\s+\w+\.\w", line):
        return False  # `from google.colab im port x`: a broken import, not a sentence
    if _side_by_side(line) >= 3 and not _C_LIKE.match(line):
        return True
    if re.fullmatch(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3}:", line.strip()):
        return True  # a heading such as `SVM:` or `Model Results:`
    if re.search(r"[=()\[\]{}:]", line):
        return False
    if len(words) >= 5:
        return _side_by_side(line) >= 2  # not an `if a is not b and c` missing its colon
    return (
        len(words) >= 2
        and line[0].isupper()
        and all(re.fullmatch(r"[\w'’,.?!-]+", w) for w in words)
    )


def _heading_of_notes(parsed: ParsedError, line: str) -> bool:
    """A lower-case heading of one to four words and a colon (`syntax:`) that opens no block:
    no keyword starts it and the cell's next line is not indented under it. No statement is
    then unfinished: the cell holds notes."""
    m = re.fullmatch(r"\s*([a-z][\w'’-]*)(?: [\w'’-]+){0,3}:\s*", line)
    if not m or keyword.iskeyword(m.group(1)) or keyword.issoftkeyword(m.group(1)):
        return False
    lines = own_lines(parsed)
    at = next((i for i, cell_line in enumerate(lines) if cell_line.strip() == line.strip()), None)
    if at is None:
        return False
    below = next((b for b in lines[at + 1 :] if b.strip()), "")
    indent = len(line) - len(line.lstrip())
    return bool(below) and len(below) - len(below.lstrip()) <= indent


def _syntax_line(text: str) -> str:
    # SyntaxError tracebacks show the offending line, then a caret line.
    marked = _marked(text)
    return marked[0].strip() if marked else ""


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
        r"failed to execute (?:\[?(?:\w*Path\()?'?(?P<exe>[\w.-]+))|ExecutableNotFound"
        r"|make sure the Graphviz "
        r"executables are on your systems' PATH|executable .* not found|command not found"
        r"|because (?P<exe2>latex|dvipng|ghostscript) could not be found"
        r"|\"(?P<exe3>[\w.-]+)\" not found in path",
        root_cause="environment_setting",
        confidence=0.8,
        facts=lambda p, m: {
            "executable": (m.group("exe") or m.group("exe2") or m.group("exe3") or "") if m else ""
        },
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


# "invalid syntax (<ipython-input-3-5d39>, line 6)": the message without its place.
_PLACE = re.compile(r"\s*\((?:[^()]*), line \d+\)\s*$")
_COMPOUND = re.compile(r"^\s*(if|elif|else|for|while|def|class|try|except|finally|with)\b")
# A command line that starts a notebook server (`xvfb-run ... jupyter notebook --allow-root`).
_STARTS_JUPYTER = re.compile(
    r"\bjupyter(?:\s+|-)(?:notebook|lab|server)\b"
    r"(?!\s+(?:build|clean|extension|list|stop|password|paths|workspaces|labextension)\b)"
)
_MAGICS = {"pip": "%pip ...", "pip3": "%pip ...", "conda": "%conda ..."}
_LINE_KEYWORDS = ("else", "elif", "return", "import", "while", "for", "def", "class", "lambda",
                  "except", "finally", "print", "from", "yield", "continue", "break")  # fmt: skip


# A Windows path written in the code: a drive (`C:\`) or a user's folder (`\Users\`)
_WINDOWS_PATH = re.compile(r"\b[A-Za-z]:\\|\\(?:Users|Documents|Desktop|Downloads)\\")
# `\U+1F60E`, `\U1F60E`, `\u0e9`: a code point written with fewer hex digits than the escape
# takes (`\U` eight, `\u` four), or with the `+` of the U+ notation
_SHORT_ESCAPE = re.compile(
    r"\\(U)\+?([0-9A-Fa-f]{1,7})(?![0-9A-Fa-f])|\\(u)\+?([0-9A-Fa-f]{1,3})(?![0-9A-Fa-f])"
)


# A raw string literal (`r'...'`, `rb"..."`, `fr'...'`), on one line
_RAW_STRING = re.compile(r"""(?<![\w'"])(?:[rR][bBfF]?|[bBfF][rR])(['"])[^\n]*?\1""")


def _unicode_escape(p, message: str) -> str:
    r"""The 'unicodeescape' SyntaxError. A Windows path is blamed only when the code shows one
    (`C:\`, `\Users\`) outside a raw string; a code point written short (`\U+1F60E`) is told
    its full escape; else the escape is named without a guess at what the text was."""
    code = p.user_code or p.user_line
    # a raw string's path (`r'C:\Users\...'`) starts no escape: only a plain string's is blamed
    if _WINDOWS_PATH.search(_RAW_STRING.sub("''", code)):
        # 'C:\Users\...' in a normal string: \U starts a unicode escape.
        return (
            "A backslash in a string starts an escape (`\\U`, `\\N`, `\\x`), which a Windows "
            "path often contains: write the path as a raw string `r'C:\\Users\\...'` or with "
            "forward slashes `/`."
        )
    short = _SHORT_ESCAPE.search(code) if "truncated \\u" in message.lower() else None
    if short:
        letter = short.group(1) or short.group(3)
        digits = short.group(2) or short.group(4)
        width = 8 if letter == "U" else 4
        return (
            f"`{short.group()}` is no escape Python reads: `\\{letter}` takes exactly {width} hex "
            f"digits (no `+`), so write `\\{letter}{digits.upper().zfill(width)}`."
        )
    return (
        "A backslash in a string starts an escape (`\\U`, `\\N`, `\\x`), and the one the "
        "message names is incomplete: if the backslash is meant as text (a Windows path, a "
        "regex), write the string as a raw string (`r'...'`) or double the backslash."
    )


def _syntax_error(p, f):
    """When: the message or the marked line shows the mistake (each case below checks its own);
    for a plain "invalid syntax" the hint lists what to look for on the marked line, and any
    other message is quoted."""
    message = _PLACE.sub("", p.message).strip()
    line = f.get("line", "")
    elsewhere = _file_not_cell(p.message) or _compiled_library_file(p)
    if elsewhere and (not _parsed_at_run_time(p) or _compiles_file(p, elsewhere[0])):
        return _syntax_in_file(elsewhere, message, _syntax_line(p.text))
    if _parsed_at_run_time(p):
        call = failing_call(p)
        what = f"`{call.text}`" if call else "The function the marked line calls"
        return (
            f"{what} could not parse the text it was given ({message}): print that text (it "
            "may be empty); the line's own code is fine."
        )
    if f.get("printed_command"):
        command = f["printed_command"]
        return (
            f"`{command}` is a shell command, not a Python value to print: run it as "
            f"`!{command}` (without `print`)."
        )
    if f.get("print"):
        return "This is Python 2 `print`: in Python 3 write `print(...)` with parentheses."
    if f.get("shell") and _STARTS_JUPYTER.search(line):
        # `!...` would start a second server inside this one's kernel
        return (
            f"The marked line is a terminal command that starts a Jupyter server "
            f"(`{f['shell']} … jupyter …`): run it in a terminal to start Jupyter, not in a cell."
        )
    if f.get("shell"):
        shell = f["shell"]
        # IPython has `%pip` and `%conda` magics, no `%pip3`.
        run = _MAGICS.get(shell, f"!{shell} ...")
        return f"`{shell}` is a shell command, not Python: run it in a cell as `{run}`."
    if "unicodeescape" in message:
        return _unicode_escape(p, message)
    if _BLANK.search(line):
        return (
            "The marked line still holds the exercise's blanks (`____`): replace each with the "
            "code it asks for."
        )
    if "invalid character" in message:
        if drawn_tree(line):
            return drawn_tree(line)
        if f.get("prose") and not quotes_a_string(line):
            # `I’ll write it below`: the sign is part of a sentence, retyping it leaves text
            return _text_line(p)
        return odd_character_hint(line) or _pasted_text(line) or _rejected_character(line)
    if "positional argument follows keyword argument" in message:
        return _positional_after_keyword(line)
    if message.startswith("expected ':'"):
        return (
            "A colon is missing at the end of the `if`/`for`/`def`/`class` line marked in the cell."
        )
    if "triple-quoted string" in message:
        return "A triple-quoted string (`\"\"\"` or `'''`) is never closed: add its closing quotes."
    if "EOL while scanning" in message or "unterminated string literal" in message:
        if f.get("prose") and _APOSTROPHE.match(line):
            # `We'll generate ...`: the quote is a word's apostrophe, no string was meant
            return _text_line(p)
        four = re.search(r"\"{4}|'{4}", line)
        if four:
            return (
                f"`{four.group()}` is a triple quote and one more: open and close the string "
                f"with exactly three (`{four.group()[:3]}text{four.group()[:3]}`)."
            )
        lone = _lone_quote_at_end(line)
        if lone:
            return (
                f"The `{lone}` at the end of the marked line opens a string that never closes: "
                "remove it if it is stray, or add the quote where that string should start."
            )
        stray = _stray_tail(line)
        if stray:
            return (
                f"The marked line ends with stray text after its code (`{stray}`), whose quote "
                "opens a string that never closes: delete that text."
            )
        closing = _string_goes_on(p, line)
        if closing:
            where = "the next line" if closing == _message_line(p) + 1 else f"line {closing}"
            return (
                f"The string opened on the marked line closes on {where}, but a string in "
                'plain quotes must end on its own line: use triple quotes (`"""..."""`) for text '
                "over several lines, or put it on one line."
            )
        if re.search(r"\\['\"]", line):
            return (
                "A backslash before a quote (`'\\'`) escapes it, so the string never ends: write "
                "the backslash as `'\\\\'`, or use forward slashes in paths."
            )
        return (
            "A string on the marked line has no closing quote: add it (a curly quote `’` does "
            "not close a string)."
        )
    if re.search(r"was never closed|EOF while parsing|incomplete input", message):
        if _unclosed_block(p.user_code or line):
            return (
                "The block the cell ends with (its last `def`/`if`/`for` line) has no body: add "
                "its indented lines, or `pass`."
            )
        if (p.user_code or line).rstrip().endswith("\\"):
            # A trailing backslash continues the line into one that never comes.
            return (
                "The cell ends with a backslash `\\`, which continues its line onto a next one "
                "that does not exist: remove it (or write the rest of the statement)."
            )
        return _never_closed(p.user_code, line, seen_code(p)[0])
    if _DIGIT_NAME.match(line):
        return "A name cannot start with a digit: rename it (e.g. `model_1` instead of `1_model`)."
    if f.get("foreign") == "sql":
        return _sql_hint(p)
    if f.get("foreign"):
        return FOREIGN_HINTS[f["foreign"]]
    folder = _folder_change(line)
    if folder:
        return folder
    slashes = _slash_comment(line, p.text)
    if slashes:
        return slashes
    if f.get("prose"):
        return (
            apostrophe_ends_string(p.user_line or _syntax_line(p.text))  # (facts cut at 200)
            or _unquoted_text(line, seen_code(p)[0])
            or _text_line(p, docstring=False)
        )
    if f.get("notes"):
        return (
            "The marked line is a heading of notes (a word and a colon that opens no block), "
            "not Python: move the cell's notes to a Markdown cell, or start each of their "
            "lines with `#`."
        )
    if f.get("language"):
        return (
            "The marked line is not Python (it reads like C, Java or JavaScript): this kernel "
            "runs Python, so write it in Python or run it in a kernel for that language."
        )
    if f.get("kind") in ("IndentationError", "TabError"):
        return _indentation(p, message, line)
    # Python's "Maybe you meant '=='" is a guess of its own: only in a condition is `==` likely.
    condition = re.match(r"\s*(?:if|elif|while|assert)\b", line) is not None
    if not condition:
        message = re.sub(r"\.? ?Maybe you meant '==?'.*$", "", message).strip()
    plain = message in ("", "invalid syntax", "ignored", COLAB_PLACEHOLDER) or message.startswith(
        "invalid syntax. Perhaps you forgot a comma"
    )
    outside = _OUTSIDE.match(message)
    if outside:
        # `return`/`break` at a cell's top level: Python refuses the whole cell before it runs
        word, block = outside.group(1), outside.group(2)
        where = "a `def`" if block == "function" else "a `for` or `while` loop"
        return (
            f"`{word}` works only inside {where}, and this one stands outside any: wrap the code "
            f"in {where}, or remove the `{word}` (a cell cannot be stopped early with it)."
        )
    if not plain:
        said = one_sentence(message.rstrip("."))
        return f"Python cannot parse this cell: {said} (on the marked line)."
    return (
        _invalid_line(line, p.user_code)
        or _spaced_name(line, p.notebook_code)
        or _condition_without_keyword(line)
        or _increment_operator(line)
        or caret_slip(*(_marked(p.text) or ("", -1)), p.code_seen)
        or _path_tail(line, f.get("caret", ""))
        or _unreadable(f.get("caret", ""), "comma" in message)
    )


# A hidden folder's name and its `/` glued onto the end of a line (`plot().ipynb_checkpoints/`):
# Python reads an attribute divided by nothing; the text is a path pasted onto the code.
_PATH_TAIL = re.compile(
    r"[)\]\w](\.(?:ipynb_checkpoints|git|kaggle|ssh|jupyter|ipython|venv|vscode"
    r"|virtual_documents)/)\s*$"
)


def _path_tail(line: str, caret: str) -> str:
    """The hint for a line that ends with a hidden folder's path (Python stopped at its end):
    delete it. "" otherwise."""
    m = _PATH_TAIL.search(line) if caret == "<end>" and "#" not in line else None
    if m is None:
        return ""
    tail = m.group(1)
    return (
        f"The marked line ends with `{tail}`, a hidden folder's name pasted onto the code, not "
        f"Python: delete `{tail}` and run the rest of the line."
    )


# `pwd C:\Users\me\data sets`, `cd /home/me/data`: a folder command (or a slip of `cd`) and
# an absolute path written without quotes, the whole line.
_FOLDER_COMMAND = re.compile(
    r"^\s*(?P<word>cd|pwd|pd|chdir|cwd)\s+(?P<path>(?:[A-Za-z]:[\\/]|/|~[\\/])[^'\"#]*?)\s*$"
)


def _folder_change(line: str) -> str:
    """A folder command with a path on a line of its own: IPython's `%cd` changes the folder
    (`pwd` only prints it, and takes no path); a path with spaces needs quotes."""
    m = _FOLDER_COMMAND.match(line)
    if m is None:
        return ""
    path = m.group("path")
    return (
        f"The marked line is a folder command, not Python: to change the notebook's folder write "
        f'`%cd "{path}"` (in quotes, for the spaces), and `%pwd` alone to print it.'
        if " " in path
        else "The marked line is a folder command, not Python: to change the notebook's folder "
        f"write `%cd {path}`, and `%pwd` alone to print it."
    )


# An exercise's blank: three underscores or more standing alone (`axes.plot(____, ____)`).
_BLANK = re.compile(r"(?<![\w])_{3,}(?![\w])")
# A name that starts with a digit where the line defines it (`1_model = ...`, `def 2fit():`).
_DIGIT_NAME = re.compile(
    r"^\s*(?:(?:def|class|for|import)\s+\d+[A-Za-z_]\w*|\d+[A-Za-z_]\w*\s*=(?!=))"
)


# A line whose first quote is an apostrophe inside a word (`We'll`, `don't`).
_APOSTROPHE = re.compile(r"^[^'\"]*[A-Za-z]'[A-Za-z]")


def _text_line(p: ParsedError, docstring: bool = True) -> str:
    """A sentence among the code. When a triple quote stands above it in the cell, the text
    may be a docstring's that a misplaced `\"\"\"` left outside: both readings are named. When
    more sentences follow it in the cell, they are named too: commenting out the marked line
    alone only moves the error to the next."""
    if docstring and _triple_quote_above(p):
        return (
            "The marked line is text outside any string: if it belongs to a docstring, a triple "
            'quote above it closes that docstring too early (check where each `"""` opens and '
            "closes); otherwise start it with `#` or move it to a Markdown cell."
        )
    more = _text_below(p)
    if more:
        return (
            f"The marked line is text, not Python, and so is more of the cell below it (`{more}`): "
            "move that text to a Markdown cell (or delete it); a `#` on the marked line alone "
            "only moves the error to the next line of text."
        )
    return (
        "The marked line is text, not Python: move it to a Markdown cell or start it with `#` "
        "to make it a comment."
    )


# Code, then `//` and a note of words (`df.drop('a', axis=1)  // drop it now`): a C-style comment.
_SLASH_NOTE = re.compile(
    r"^(?P<code>.*?\S)[ \t]+//[ \t]*"
    r"(?P<note>[A-Za-z][A-Za-z']*(?:[ \t]+[A-Za-z][\w']*){2,}[ \t.!]*)$"
)


def _slash_comment(line: str, text: str) -> str:
    """When: the marked line is a whole statement that compiles, then `//` and three words or
    more, and the caret points into those words; Python reads `//` as floor division."""
    m = _SLASH_NOTE.match(line)
    marked = _marked(text)
    if m is None or marked is None or "#" in line:
        return ""
    shown, column = marked
    start = shown.find("//")
    if start < 0 or column <= start:
        return ""
    code = m.group("code").strip()
    try:
        compile(code, "<line>", "exec")
    except (SyntaxError, ValueError):
        return ""
    return (
        "`//` is not a comment in Python (it divides): write the note after `#` instead "
        f"(`{code}  # ...`), keeping the code before it."
    )


# A call whose only argument is words without quotes (`print(xin chào các bạn)`), and an
# `assert` whose message is such words (`assert f(3) == 6, You are wrong`).
_CALL_OF_WORDS = re.compile(
    r"^\s*(?P<head>[A-Za-z_][\w.]*\(\s*)(?P<text>[^'\"()\[\]{}=,#]+?)\s*\)\s*$"
)
_ASSERT_OF_WORDS = re.compile(r"^\s*(?P<head>assert\s.+?,\s*)(?P<text>[^'\"()\[\]{}=,#.]+?)\s*$")


def _unquoted_text(line: str, code: str) -> str:
    """The hint when a sentence stands where a string goes: the whole argument of a call (three
    words side by side at least) or the message of an `assert` (two): the words are meant as
    text, so quotes are the fix, not a Markdown cell. "" otherwise, and when two of the words
    are names the code binds (`print(name age city salary)`: commas missing between them)."""
    call = _CALL_OF_WORDS.match(line)
    said = _ASSERT_OF_WORDS.match(line) if call is None else None
    found = call or said
    if found is None or keyword.iskeyword(found.group("head").split("(")[0].strip()):
        return ""
    text = found.group("text").strip()
    if _side_by_side(text) < (2 if call else 1) or re.search(r"[_\d]", text):
        return ""  # (`fit(X_train y_train)`: names of code, commas missing between them)
    words = set(re.findall(r"[A-Za-z]\w*", text)) - _KEYWORDS
    if sum(bound_in(code, w) for w in words) >= 2:
        return ""
    quote = "'" if '"' in text else '"'
    fixed = f"{found.group('head').strip()}{'' if call else ' '}{quote}{text}{quote}"
    fixed += ")" if call else ""
    what = "The `assert`'s message" if said else "The argument"
    return (
        f"{what} `{text}` is text without quotes (Python reads its words as names): put it in "
        f"quotes, `{fixed}`."
    )


def _text_below(p: ParsedError) -> str:
    """The first line below the marked one (by the message's line number) that reads as a
    sentence, shortened; "" when none does or the line is not known."""
    number = _message_line(p)
    lines = own_lines(p) if p.cell_lines else []
    if not 0 < number < len(lines):
        return ""
    inside = False  # in a triple-quoted string, whose sentences are no code
    for below in lines[number:]:
        quotes = below.count(_TRIPLE) + below.count("'''")
        if not inside and not quotes and _prose(below.strip()):
            text = below.strip()
            return text if len(text) <= 40 else text[:39] + "…"
        inside ^= quotes % 2 == 1
    return ""


def _triple_quote_above(p: ParsedError) -> bool:
    """A line of the cell above the marked one (by the message's line number) holds a triple
    quote that may have closed a docstring too early: it stands right above the marked line's
    text, or a triple quote below is left without its pair (the docstring's own closing one).
    Balanced docstrings far above say nothing of a pasted text further down."""
    place = re.search(r", line (\d+)\)\s*$", p.message)
    number = int(place.group(1)) if place else next((f.lineno for f in p.frames if f.is_user), None)
    lines = own_lines(p) if p.cell_lines else []
    if not number:
        return False
    above = lines[: number - 1]
    if not any(_TRIPLE in ln or "'''" in ln for ln in above):
        return False
    nearest = next((ln for ln in reversed(above) if ln.strip()), "")
    below = sum(ln.count(_TRIPLE) + ln.count("'''") for ln in lines[number:])
    return _TRIPLE in nearest or "'''" in nearest or below % 2 == 1


_TRIPLE = '"""'


def _unfinished_header(word: str, code: str) -> bool:
    """A block line a colon would not complete: a `for` with no `in` or nothing after it, or a
    line that ends on an operator or a word that needs a right side (`if x ==`, `while a and`)."""
    body = code.strip()[len(word) :].strip()
    if word == "for" and not re.search(r"\bin\b\s*\S", body):
        return True
    return bool(re.search(r"(?:\b(?:in|and|or|not|is)|[-+*/%<>=!&|^])\s*$", body))


def _pasted_text(line: str) -> str:
    if not _script_words(line):
        return ""
    return (
        "The marked line is text, not Python (words with a symbol Python rejects): move it, and "
        "any other lines of text pasted with the code, to a Markdown cell or start them with `#`."
    )


def _script_words(line: str) -> bool:
    """Two words or more of a non-Latin script (Persian, Korean, …) and no sign of code on the
    line: a sentence pasted among the code, whose emoji or mark is only what Python met first.
    Python accepts such letters in names, but names stand beside `=`, brackets or dots."""
    words = [w for w in re.findall(r"[^\W\d_]+", line) if not w.isascii()]
    return len(words) >= 2 and not re.search(r"[=()\[\]{}.'\"]", line)


def _rejected_character(line: str) -> str:
    if not line.strip():
        return (
            "The cell contains a character Python does not accept (often curly quotes or dashes "
            "pasted from a web page): retype the quotes as ' or \"."
        )
    return (
        "The marked line holds a character Python does not accept, where the caret `^` points "
        "or just before: delete it and retype that part of the line."
    )


# `marker'X'`: a keyword and its value with the `=` left out; string prefixes (`f'x'`) excepted.
_MISSING_EQUALS = re.compile(r"[(,]\s*([A-Za-z_]\w*)\s*('[^'\n]*'|\"[^\"\n]*\")")
_STRING_PREFIXES = {"r", "b", "f", "u", "rb", "br", "fr", "rf"}


# A pyplot call that sets up the figure (`plt.xticks(rotation=90)`) written among another
# call's arguments after a keyword one.
_PYPLOT_STEP_AMONG_ARGUMENTS = re.compile(
    r"\w\s*=[^=,]+,\s*(plt\.(?:x|y)?(?:ticks|label|lim|title|legend|grid|tight_layout|show"
    r"|figure|suptitle)\w*\([^()]*\))\s*[,)]"
)


def _positional_after_keyword(line: str) -> str:
    """Moving the positional argument first is only right when no keyword already sets its
    parameter (`histplot(data=df, df['x'])` would then pass `data` twice): the hint offers
    naming it first, and names the `=` a keyword lost (`marker'X'`) when the line shows one."""
    for m in _MISSING_EQUALS.finditer(line):
        name, value = m.groups()
        if name.lower() not in _STRING_PREFIXES and not keyword.iskeyword(name):
            return (
                f"`{name}{value}` lacks the `=` between keyword and value: write `{name}={value}`."
            )
    step = _PYPLOT_STEP_AMONG_ARGUMENTS.search(line)
    if step:
        # `sns.barplot(x=..., plt.xticks(rotation=90), data=df)`: pyplot's call changes the
        # figure and returns nothing the outer call wants; naming or moving it does not help.
        return (
            f"`{step.group(1)}` is a step of its own, not an argument of the marked call: take "
            "it out of the call and run it on a line of its own after it."
        )
    return (
        "An argument without a name follows a keyword argument in the marked call: write it "
        "with its parameter's name (`x=...`), or move it before the keyword arguments when "
        "none of them sets the same parameter."
    )


def _stray_tail(line: str) -> str:
    """The stray text after a complete statement, past a wide gap of spaces (`... stop]     0")`),
    that holds the unclosed quote; "" when the line's code before it does not parse alone."""
    m = re.match(r"^(.*\S)\s{3,}(\S+)$", line.rstrip())
    if not m or not re.search(r"['\"]", m.group(2)) or len(m.group(2)) > 20:
        return ""
    try:
        compile(m.group(1).strip(), "<line>", "exec")
    except (SyntaxError, ValueError):
        return ""
    return m.group(2)


def _unclosed_bracket(code: str) -> tuple[str, str] | None:
    """(the bracket, its line) of the first bracket the cell
    opens and never closes, or None when the cell's brackets all close."""
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                stack.append((tok.string, tok.start[0]))
            elif tok.type == tokenize.OP and tok.string in pairs:
                if not stack or stack[-1][0] != pairs[tok.string]:
                    return None  # a mismatch: the cell is not read the way Python read it
                stack.pop()
    except (tokenize.TokenError, SyntaxError):
        pass
    if not stack:
        return None
    bracket, number = stack[0]
    return bracket, code.splitlines()[number - 1].strip()


_WORD = re.compile(r"[A-Za-z_]\w*")


def _stray_opener(line: str, cell: str, seen: str) -> str:
    """The hint when the never-closed bracket is the first sign of a line that, without it, is
    one whole call (`[lt.legend(loc=2)`): a stray key, not a list left open; the name it stands
    in for (`plt`, a letter more) is given when the code ``seen`` uses it. "" otherwise."""
    text = line.strip()
    if len(text) < 3 or text[0] != "[" or not (text[1].isalpha() or text[1] == "_"):
        return ""
    lines = [ln.strip() for ln in cell.splitlines()]
    after = next((lines[i + 1 :] for i, ln in enumerate(lines) if ln == text), [])
    below = next((ln for ln in after if ln and not ln.startswith("#")), "")
    if below.startswith((".", ",", ")", "]", "}", "+", "-", "*", "/", "for ", "if ")):
        return ""  # the line goes on below: a list (a comprehension) left open
    try:
        tree = ast.parse(text[1:], mode="eval")
    except (SyntaxError, ValueError):
        return ""
    if not isinstance(tree.body, ast.Call):
        return ""
    first = _WORD.match(text, 1).group()
    words = set(_WORD.findall(seen.replace(text, "")))
    longer = sorted({w for w in words if len(w) == len(first) + 1 and w[1:] == first})
    if first in words:
        # `[df.head()` beside a `pdf` of the notebook: `df` is a name of its own, the `[` a
        # stray key before it, no letter of a longer name
        longer = []
    shown = text if len(text) <= 40 else text[:39] + "…"
    opener = f"The `[` that starts the marked line (`{shown}`) is never closed, and"
    if len(longer) == 1:
        meant = longer[0] + text[1 + len(first) :]
        again = " The cell already reads so: run it again." if meant in lines else ""
        return (
            f"{opener} without it the line is one whole call: it stands where the "
            f"`{longer[0][0]}` of `{longer[0]}` belongs, so write `{meant[:60]}`.{again}"
        )
    return (
        f"{opener} without it the line is one whole call: delete that `[` (or, if a list is "
        "meant, close it where it ends)."
    )


def _never_closed(code: str, line: str, seen: str = "") -> str:
    """Python marks the cell's end, not the open bracket: the bracket's own line is named when
    the cell shows it; else the marked line is blamed only when it holds code."""
    stray = _stray_opener(line, code, seen or code)
    if stray:
        return stray
    unclosed = _unclosed_bracket(code)
    if unclosed:
        bracket, text = unclosed
        shown = text if len(text) <= 40 else text[:39] + "…"
        closing = {"(": ")", "[": "]", "{": "}"}[bracket]
        return (
            f"The bracket `{bracket}` opened in `{shown}` is never closed: add its `{closing}` "
            "there."
        )
    lines = [ln for ln in code.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if lines and lines[-1].lstrip().startswith("@"):
        # A decorator as the cell's last line: Python waits for the `def` it decorates.
        return (
            "A line starting with `@` is a decorator and needs a `def` or `class` below it: to "
            "call the function, remove the `@`."
        )
    if not line.strip() or line.lstrip().startswith("#"):
        return (
            "A bracket or quote opened above the marked line is never closed: add the closing one."
        )
    return "A bracket or quote opened on the marked line is never closed: add the closing one."


def _file_not_cell(message: str) -> tuple[str, str] | None:
    """(file, line) when the SyntaxError is in a `.py` file the cell imports or runs, not in the
    cell: IPython names a cell `<ipython-input-…>`, `<string>` or a numbered `123.py`, and
    Colab's newer IPython `ipython-input-635693387.py` (the message keeps only the file's name)."""
    m = re.search(r"\(([^()]*), line (\d+)\)\s*$", message)
    if not m:
        return None
    name = m.group(1).strip()
    base = re.split(r"[\\/]", name)[-1]
    if not base.endswith(".py") or re.fullmatch(r"\d+\.py", base) or "ipykernel" in name:
        return None
    if re.fullmatch(r"ipython-input-\d+(?:-[0-9a-f]+)?\.py", base):
        return None
    return base, m.group(2)


def _compiled_library_file(p: ParsedError) -> tuple[str, str] | None:
    """(file, line) when the message names no place (Colab's "ignored") but the traceback's
    only place is an installed library's `.py` file being compiled (no function): an import
    of that file failed, the cell's own code is not the one Python could not read."""
    last = p.last_frame
    if last is None or last.is_user or last.function or not last.library:
        return None
    base = re.split(r"[\\/]", last.filename)[-1]
    if not base.endswith(".py") or not last.lineno:
        return None
    return base, str(last.lineno)


def _compiles_file(p: ParsedError, base: str) -> bool:
    """The traceback's last frame is the file the message names, shown as a place with no
    function (`File ".../ib/lib/__init__.py", line 239`): Python was compiling that module
    for an import (or a run), so no text was handed to a parsing call."""
    last = p.last_frame
    if last is None or last.function:
        return False
    return re.split(r"[\\/]", last.filename)[-1] == base


# Python 2's own statements on a file's marked line: `except E, e:`, `print "x"`,
# `exec "code"`, `raise E, "text"`.
_PYTHON_2 = re.compile(
    r"^\s*except\s*(?:\([^()]*\)|[\w.]+)\s*,\s*\w+\s*:|^\s*(?:print|exec)\s+[\"'\w]"
    r"|^\s*raise\s+[\w.]+\s*,"
)


def _syntax_in_file(where: tuple[str, str], message: str, line: str = "") -> str:
    base, number = where
    if _PYTHON_2.search(line):
        return (
            f"`{base}` (line {number}), a file this cell imports or runs, is Python 2 code "
            f"(`{line.strip()[:40]}`), which Python 3 cannot read: use a Python 3 version of "
            "that package (or its maintained successor)."
        )
    if "Non-ASCII character" in message:
        return (
            f"`{base}` (line {number}) has a non-ASCII character but no encoding line, which "
            "Python 2 needs: add `# -*- coding: utf-8 -*-` as its first line (or run it with "
            "Python 3)."
        )
    message = re.sub(r"\s*\(.*, line \d+\)\s*$", "", message).rstrip(".")
    return f"Python cannot parse `{base}` (line {number}), a file this cell runs: {message}."


def _commented_out_body(code: str, line: str) -> tuple[str, str] | None:
    """(the block line, its commented-out body line) when the only lines between a block line
    and the marked line are comments, one of them code (`#  ax = plt.gca()`)."""
    lines = code.splitlines()
    text = line.strip()
    for at in (i for i, ln in enumerate(lines) if text and ln.strip() == text):
        above = list(itertools.takewhile(_comment_or_blank, reversed(lines[:at])))
        rest = lines[: at - len(above)]
        if not rest or not rest[-1].split("#", 1)[0].rstrip().endswith(":"):
            continue
        body = next((c.strip() for c in above if _commented_code(c)), "")
        if body:
            return rest[-1].strip(), body
    return None


def _placeholder_body(p, line: str) -> str:
    """The hint when the block above the marked line has only comments for a body (`# Your
    Code Here`, `# ... (same as before)`) and the marked line comes after that block: the body
    is what is missing, so indenting the marked line into the block would be the wrong fix."""
    lines = own_lines(p) if p.cell_lines else []
    number = _marked_line_number(lines, _message_line(p), line)
    if not number:
        return ""
    found = comment_only_body(lines, number)
    if found is None:
        return ""
    opener, comment = found
    shown = opener if len(opener) <= 40 else opener[:39] + "…"
    return (
        f"The body of `{shown}` is only comments (`{comment[:30]}`), and a comment is no "
        "statement: write that block's code under it (indented), or `pass` as a placeholder."
    )


def _marked_line_number(lines: list[str], number: int, line: str) -> int:
    """The 1-based number of the marked ``line`` in the cell's ``lines``: the message's number
    when that line holds it, else the one line that does (the saved cell may have gained or lost
    a blank line since it ran); 0 when neither holds."""
    text = line.strip()
    if not text:
        return 0
    if 0 < number <= len(lines) and lines[number - 1].strip() == text:
        return number
    at = [i + 1 for i, ln in enumerate(lines) if ln.strip() == text]
    return at[0] if len(at) == 1 else 0


def _comment_or_blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _commented_code(line: str) -> bool:
    """A comment that is a statement (`# ax = plt.gca()`), not words or a lone name."""
    text = line.strip().lstrip("#").strip()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return bool(tree.body) and not (
        isinstance(tree.body[0], ast.Expr)
        and isinstance(tree.body[0].value, (ast.Name, ast.Constant))
    )


def _unclosed_quote(line: str) -> str:
    """The quote of the string the line leaves open (`"` in `x = "a and`), or ""."""
    quote = ""
    escaped = False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char == "#":
            return ""
        elif char in "'\"":
            quote = char
    return quote


def _string_goes_on(p: ParsedError, line: str) -> int:
    """The number of the cell's line, below the marked one, that closes the string the marked
    line opens (the text was written over several lines in plain quotes), or 0: the lines
    between hold no such quote and none is blank (a paragraph goes on). Read only when the
    message's line number points at the marked line in the cell's own code."""
    number = _message_line(p)
    lines = own_lines(p) if p.cell_lines else []
    if not line.strip() or not 0 < number < len(lines):
        return 0
    index = number - 1
    quote = _unclosed_quote(line)
    if lines[index].strip() != line.strip() or not quote:
        return 0
    for below, following in enumerate(lines[index + 1 : index + 11], index + 2):
        if not following.strip():
            return 0
        if quote in following:
            return below if following.count(quote) % 2 == 1 else 0
    return 0


def _message_line(p: ParsedError) -> int:
    """The line number the SyntaxError's message gives (`(<ipython-input-2-a>, line 6)`), or 0."""
    number = re.search(r", line (\d+)\)\s*$", p.message)
    return int(number.group(1)) if number else 0


def _lone_quote_at_end(line: str) -> str:
    """The quote the line ends with, when the quotes before it are paired
    (`data['dept'] = 16.5'`)."""
    code = line.rstrip()
    if code[-1:] in ("'", '"') and code.count(code[-1]) % 2 == 1:
        return code[-1]
    return ""


def _functions_called_on(alias: str, code: str) -> list[str]:
    """The functions the code calls on ``alias`` (`get_book` of `pe.get_book(...)`)."""
    return list(dict.fromkeys(re.findall(rf"(?<![\w.]){re.escape(alias)}\.(\w+)\s*\(", code)))


# `x == 'f' or x == 'F':`: a comparison that ends with the colon of a block, and no keyword
_COMPARISON = re.compile(r"==|!=|<=|>=|(?<![-=<>])[<>](?![=<>])|\b(?:not\s+)?in\b|\bis\b")


_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


def _condition_without_keyword(line: str) -> str:
    """The marked line compares values and ends with a block's `:`, but starts with a name, no
    keyword: the `if` (or `elif`, `while`) before the condition is missing."""
    code = line.split("#", 1)[0].strip()
    first = re.match(r"[A-Za-z_]\w*", code)
    if not code.endswith(":") or first is None or first.group() in _KEYWORDS:
        return ""
    if not _COMPARISON.search(code[:-1]) or re.match(r"[\w.]+\s*=[^=]", code):
        return ""
    return (
        "The marked line tests a condition and ends with `:`, but starts with no keyword: write "
        "`if` (or `elif`, `while`) at its start."
    )


# "'return' outside function", "'break' outside loop", "'continue' not properly in loop"
_OUTSIDE = re.compile(
    r"'(return|yield|break|continue)' (?:outside|not properly in) (function|loop)"
)


# `i++` / `count--;` alone on a line: C's increment, which Python does not have (`++i` is
# valid Python, two unary pluses, so only the trailing form fails).
_INCREMENT = re.compile(r"^\s*([A-Za-z_][\w.]*(?:\[[^\]\n]*\])?)\s*(\+\+|--)\s*;?\s*$")


def _increment_operator(line: str) -> str:
    found = _INCREMENT.match(line.split("#", 1)[0])
    if found is None:
        return ""
    name, sign = found.group(1), found.group(2)[0]
    return f"Python has no `{sign}{sign}` operator: write `{name} {sign}= 1`."


def _unreadable(caret: str, comma: bool) -> str:
    """A plain "invalid syntax": where Python stopped reading, and what can be wrong there. No
    single cause is claimed: a stray word, a typo and a missing bracket read the same."""
    suggests = " (Python suggests a missing comma)" if comma else ""
    if caret == "<end>":
        return (
            "Python reached the end of the marked line with the statement unfinished"
            f"{suggests}: something is missing at its end or in the line before it (a closing "
            "bracket or quote, an operand, a colon)."
        )
    if caret:
        return (
            f"Python could not read the marked line from `{caret}` on (the caret `^`){suggests}: "
            "the mistake is there or just before it (a typo, a stray or missing character, or "
            "text that is not Python)."
        )
    return (
        "Python cannot parse the marked line: the mistake is on it or at the end of the line "
        f"before it{suggests} (a typo, a stray or missing bracket, colon, comma or quote, or "
        "text that is not Python)."
    )


# IPython's translation of a cell's `!command` line.
_SHELL_ESCAPE = re.compile(r"""^get_ipython\(\)\.system\((['"])(.*)\1\)$""")
# Python 3.10's "expected an indented block after 'if' statement on line 3" (a `def`/`class`:
# "after function definition on line 4").
_AFTER = re.compile(
    r"expected an indented block after (?:'?(\w+)'? statement|(function|class) definition) "
    r"on line (\d+)"
)


def _indented_alike_below(p, number: str, line: str) -> int:
    """How many code lines after the marked one (line ``number`` of the cell) start at its
    indentation, up to the first line that starts further left; 0 when the cell's line
    ``number`` is not the marked line as it ran (indented)."""
    lines = own_lines(p) if p.cell_lines else []
    at = int(number) - 1
    if not 0 <= at < len(lines) or lines[at].strip() != line.strip():
        return 0
    indent = len(lines[at]) - len(lines[at].lstrip())
    if not indent:
        return 0  # the cell's code was edited since it ran: the line is not indented now
    count = 0
    for below in lines[at + 1 :]:
        code = below.strip()
        if not code or code.startswith("#"):
            continue
        depth = len(below) - len(below.lstrip())
        if depth < indent:
            break
        count += depth == indent
    return count


def _commented_opener_above(p, number: str, line: str) -> str:
    """The comment right above the marked line (line ``number`` of the cell) when, without its
    `#`, it is code whose bracket stays open (`#df2 = df[`): the marked line continued that
    statement before it was commented out. "" otherwise (or the cell was edited since)."""
    lines = own_lines(p) if p.cell_lines else []
    at = int(number) - 1
    if not 0 < at < len(lines) or lines[at].strip() != line.strip():
        return ""
    above = lines[at - 1].strip()
    code = above.lstrip("#").strip()
    if not above.startswith("#") or not leaves_bracket_open(code):
        return ""
    return above if re.match(r"[\w.]+\s*=|[\w.]+\(", code) else ""


def _indented_line_above(p, number: str, line: str) -> tuple[str, int] | None:
    """The statement right above the marked one (line ``number`` of the cell), by its first
    line (`x = f(a,` continued on bracketed lines counts from there), and its depth, when it is
    itself indented, less than the marked line, and opens no block: the marked line belongs to
    that statement's block. None otherwise (a top-level line above, or the cell edited)."""
    statement = _statement_above(p, number, line)
    if statement is None:
        return None
    first, last, marked = statement
    if last.split("#", 1)[0].rstrip().endswith((":", "\\")):
        return None
    depth = len(first) - len(first.lstrip())
    if "\t" in first[:depth] or not 0 < depth < len(marked) - len(marked.lstrip()):
        return None
    return first.strip(), depth


def _statement_above(p, number: str, line: str) -> tuple[str, str, str] | None:
    """(the first line, the last line of the statement right above the marked line, the marked
    line as the cell has it), read with Python's tokenizer; None when the cell's line
    ``number`` is not the marked line, no statement stands above it, or the lines above do not
    tokenize into complete statements (a bracket left open)."""
    lines = own_lines(p) if p.cell_lines else []
    at = int(number) - 1
    if not 0 <= at < len(lines) or lines[at].strip() != line.strip():
        return None
    skipped = (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)
    start = last = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO("\n".join(lines[:at]) + "\n").readline):
            if tok.type == tokenize.NEWLINE and start is not None:
                last, start = (start, tok.start[0]), None
            elif tok.type not in skipped and start is None:
                start = tok.start[0]
    except (tokenize.TokenError, SyntaxError):
        return None
    if last is None or start is not None:
        return None
    return lines[last[0] - 1], lines[last[1] - 1], lines[at]


def _indentation(p, message: str, line: str) -> str:
    """What the IndentationError's own words say is wrong, and on which line."""
    # the marked line's number is the place's (`(<ipython-input-1-a>, line 770)`), not the
    # block line's that Python 3.10 names before it ("... on line 765")
    m = re.search(r", line (\d+)\)\s*$", p.message) or re.search(
        r"(?<!\bon )\bline (\d+)\)?\s*$", message
    )
    number = (
        m.group(1) if m else next((str(f.lineno) for f in p.frames if f.is_user and f.lineno), "")
    )
    where = f"Line {number}" if number else "The marked line"
    if line.strip():
        where += f" (`{line.strip()[:40]}`)"
    after = _AFTER.search(message)
    if after:
        word = after.group(1) or {"function": "def", "class": "class"}[after.group(2)]
        placeholder = _placeholder_body(p, line)
        if placeholder:
            return placeholder
        lost = _bodiless_blocks(p)
        if len(lost) >= 2:
            # every block line of the cell is followed by a line at its own depth: the
            # indentation was lost (a paste), not one body forgotten
            shown = ", ".join(f"`{b}`" for b in lost[:3])
            return (
                f"The cell's blocks have lost their indentation ({shown} have no indented "
                "body): indent each block's lines under its `def`/`for`/`while`/`if` line."
            )
        return (
            f"The `{word}` line (line {after.group(3)}) needs an indented body: indent "
            "the lines that belong to it under it (or write `pass`)."
        )
    shell = _SHELL_ESCAPE.match(line.strip())
    if message.startswith("unexpected indent") and shell:
        # IPython read a `!` line as a shell command: in notes (`!t -> f`) it is text, and
        # removing its indentation would run it in the shell.
        written = f"!{shell.group(2)}"[:40]
        place = f"Line {number}" if number else "The marked line"
        return (
            f"{place} (`{written}`) starts with `!`, which IPython runs as a shell command, and "
            f"it is indented: if it is a note, make it a comment (`# {written}`); if a shell "
            "command is meant, remove the spaces at its start."
        )
    if message.startswith("unexpected indent") and re.match(r"\.[A-Za-z_]", line.strip()):
        # `.sort_values()` under `df`: a method chain split over lines; without its spaces
        # the line still starts a statement with `.`
        above = _statement_above(p, number, line) if number else None
        start = f"`({above[0].strip()[:30]}`" if above else "`(` before"
        return (
            f"{where} continues the line above as a method chain, but a statement ends with "
            f"its line: wrap the whole chain in parentheses, {start} on its first line and "
            "`)` after its last, or end each line but the last with `\\`."
        )
    stray = re.fullmatch(r"[-+*/%=<>&|^~.,;:@!]+", line.strip())
    if message.startswith("unexpected indent") and stray and stray.group() != "...":
        # (`...` alone is Python's placeholder statement: its indentation is what is wrong)
        # a line of signs alone is no statement: without its spaces it fails again
        return f"{where} holds only `{stray.group()}`, no statement: delete that line."
    opened = _commented_opener_above(p, number, line) if number else ""
    if message.startswith("unexpected indent") and opened:
        return (
            f"The line above it (`{opened[:40]}`) is commented out, but the statement it starts "
            f"continues on {where[0].lower()}{where[1:]}: remove that `#`, or comment out the "
            "lines that continue it too."
        )
    closed = _closed_early(p, number, line) if message.startswith("unexpected indent") else ""
    if closed:
        return closed
    more = _indented_alike_below(p, number, line) if number else 0
    above = _indented_line_above(p, number, line) if number else None
    if message.startswith("unexpected indent") and above:
        # inside a `def`: the lines belong to its block, at the depth of the line above
        text, depth = above
        shown = text if len(text) <= 40 else text[:39] + "…"
        others = f" and the {more} lines after it" if more > 1 else " and the line after it"
        are, them = ("are", "them") if more else ("is", "it")
        return (
            f"{where}{others if more else ''} {are} indented deeper than the line above it "
            f"(`{shown}`), which opens no block: give {them} that line's indentation "
            f"({depth} spaces)."
        )
    if message.startswith("unexpected indent") and more and _top_level_above(p, number, line):
        # ` k = 3` and the lines after it: a stray space before a whole block of lines
        others = f"the {more} lines" if more > 1 else "the line"
        return (
            f"{where} and {others} after it start with the same indentation, but no `if`/`for`/"
            "`def`/`with` line above opens a block for them: remove the spaces at their start."
        )
    if message.startswith("unexpected indent") and more:
        # the statement above could not be read: its block is not known
        return (
            f"{where} and the lines after it are indented deeper than the statement above "
            "them, which opens no block: give them the indentation of the block they belong to."
        )
    if message.startswith("unexpected indent") and _top_level_above(p, number, line):
        return (
            f"{where} is indented, but no `if`/`for`/`def`/`with` line above opens a block for "
            "it: remove the spaces at its start (or indent it under the line it belongs to)."
        )
    if message.startswith("unexpected indent"):
        # the lines above could not be read (the cell edited since), or a block above (a
        # `class`, a `def`) may hold it: its line is deeper than that block's, not at the margin
        return (
            f"{where} is indented deeper than the lines of the block it belongs to: give it "
            "the same indentation as the line above it in that block (the margin if it "
            "belongs to no `def`/`class`/`if`/`for`)."
        )
    commented = _commented_out_body(p.user_code, line)
    if message.startswith("expected an indented block") and commented:
        opener, body = commented
        return (
            f"The body of `{opener[:40]}` is commented out (`{body[:40]}`): remove its `#` "
            "(keeping the indentation) so the block has a body again."
        )
    placeholder = _placeholder_body(p, line)
    if message.startswith("expected an indented block") and placeholder:
        return placeholder
    opener = _bodiless_opener(p, line)
    if message.startswith("expected an indented block") and opener:
        # The marked line is less indented than the block line above it: it may close an
        # outer block, or be the body that lost its indentation (both readings).
        shown = opener if len(opener) <= 40 else opener[:39] + "…"
        return (
            f"The line above it (`{shown}`) has no body: indent the lines that belong to it "
            f"under it, or write `pass` there if {where[0].lower() + where[1:]} comes after "
            "that block."
        )
    if message.startswith("expected an indented block") and _opener_without_body(p, line):
        # Python marks the block line itself when the cell ends right after it (`for s in x:`
        # as the last line): that line lacks a body, it is no unindented body of the line above
        return (
            f"{where} opens a block, but no indented line follows it: write its body under it "
            "(indented 4 spaces more), or `pass`."
        )
    if message.startswith("expected an indented block") and _first_code_line(p, line):
        # Nothing above it opens a block (a `class` header as the cell's first line): its
        # body below is what Python did not read as indented, for a reason not shown here.
        return None
    joined = re.match(r"(and|or)\b", line.strip())
    if message.startswith("expected an indented block") and joined:
        # `and x > 95` under `if a in x:`: the rest of the condition, which no indentation makes
        # a statement
        return (
            f"{where} starts with `{joined.group(1)}`, so it continues the condition above, not "
            "its body: move it onto the line above, before its colon "
            f"(`if a {joined.group(1)} b:`), then indent the body under it."
        )
    if message.startswith("expected an indented block") and _definition_after_block(p, line):
        # a `def` is seldom a loop's body: the block line above it more likely lost its body
        return (
            f"The block line above {where[0].lower() + where[1:]} has no body: write that body "
            "(or `pass`) under it, before this definition; only if the definition belongs "
            "inside that block, indent it instead."
        )
    if message.startswith("expected an indented block"):
        return (
            f"{where} should be the indented body of the `if`/`for`/`def`/`with` line above "
            "it: indent it (4 spaces), or write `pass` as that body."
        )
    if message.startswith("unindent does not match") and _comment_tail(p, number, line):
        # `for exploring.` under `# ... the first element is picked`: a comment wrapped onto a
        # line of its own, which no indentation makes Python
        return (
            f"{where} is words, no Python statement, right under a comment: it is the rest of "
            "that comment wrapped onto a line of its own, so start it with `#` (no indentation "
            "makes it code). Then indent the lines of each block alike (4 spaces a level)."
        )
    if message.startswith("unindent does not match") and _notes_cell(p, line):
        # a cell of notes (headings, numbered points, sentences): no indentation makes them Python
        return (
            f"{where} is text, not Python, like most lines of this cell: it holds notes, so "
            "change it to a Markdown cell (Esc, then M) or start each line with `#`."
        )
    if message.startswith("unindent does not match"):
        return (
            f"{where} lines up with no block above it: give it exactly the indentation of the "
            "block it belongs to (spaces only, no tabs)."
        )
    if p.ename == "TabError" or "tabs and spaces" in message:
        return "This block mixes tabs and spaces: re-indent it with spaces only (4 per level)."
    return (
        "The indentation is wrong: indent the lines of one block the same way (4 spaces, no tabs)."
    )


# A line of words and a sentence's signs only (`for exploring.`), no code sign.
_WORDS_ONLY = re.compile(r"[A-Za-z][\w'’,.;!?-]*(?:\s+[\w'’,.;!?-]+)*")


def _comment_tail(p, number: str, line: str) -> bool:
    """The marked line (line ``number`` of the cell) is words that Python cannot read as a
    statement, right under a comment line: the rest of that comment, wrapped onto a line of its
    own (an editor's or a paste's line break), not code whose indentation is wrong."""
    lines = own_lines(p) if p.cell_lines and number else []
    at = int(number) - 1 if number else -1
    if not 0 < at < len(lines) or lines[at].strip() != line.strip():
        return False
    if not _WORDS_ONLY.fullmatch(line.strip()) or _compiles(line.strip()):
        return False
    above = next((text.strip() for text in reversed(lines[:at]) if text.strip()), "")
    return above.startswith("#")


def _notes_cell(p, line: str) -> bool:
    """The marked line is no Python statement, and neither are most of the cell's other lines:
    at least three of them, and more than half of its lines that are not comments, are words
    (a sentence, two words side by side) that Python cannot read alone. The cell holds notes."""
    if not p.cell_lines or _compiles(line.strip()) or _compiles_in_a_body(line.strip()):
        return False
    lines = [t.strip() for t in _outside_long_strings(own_lines(p)[:60])]
    code = [t for t in lines if t and not t.startswith("#") and t != line.strip()]
    words = [t for t in code if (_prose(t) or _side_by_side(t) >= 2) and not _compiles(t)]
    return len(words) >= 3 and 2 * len(words) > len(code)


def _compiles_in_a_body(statement: str) -> bool:
    """Python reads ``statement`` inside a function's loop (`return df`, `break`, `yield x`)."""
    body = "\n            pass" if statement.endswith(":") else ""
    try:
        compile(f"def _f():\n    for _ in _:\n        {statement}{body}", "<line>", "exec")
    except SyntaxError:
        return False
    return True


def _outside_long_strings(lines: list[str]) -> list[str]:
    """``lines`` without those inside a triple-quoted string (a docstring's sentences are
    Python's text, no notes written as code)."""
    out, inside = [], False
    for line in lines:
        marks = line.count('"""') + line.count("'''")
        if not inside and not marks:
            out.append(line)
        if marks % 2:
            inside = not inside
    return out


def _compiles(statement: str) -> bool:
    """Python reads ``statement`` alone (with a body when it opens a block)."""
    body = "\n    pass" if statement.endswith(":") else ""
    try:
        compile(statement + body, "<line>", "exec")
    except SyntaxError:
        return False
    return True


# An item of a literal: a quoted key (`"sampler": {`), or a line that ends on a comma or an
# opening bracket.
_LITERAL_ITEM = re.compile(r"^\s*(?:['\"][^'\"]*['\"]\s*:|.*[,(\[{]\s*(?:#.*)?$)")


def _closed_early(p, number: str, line: str) -> str:
    """The hint for an indented item of a literal (`"sampler": {`) right below a statement whose
    last line closes a bracket and ends with a comma (`'path': path},`): that bracket ended the
    statement one item too early, so the item below starts a statement of its own. "" when the
    lines do not read so."""
    statement = _statement_above(p, number, line) if number else None
    if statement is None or not _LITERAL_ITEM.match(line):
        return ""
    first, last, _ = statement
    code = last.split("#", 1)[0].rstrip()
    if first == last or not re.search(r"[)\]}]\s*,$", code):
        return ""
    extra = _extra_closers("\n".join(own_lines(p)))
    fix = (
        "delete it (the statement's end closes it already)"
        if extra == 1
        else "move it to where the statement ends"
    )
    shown = code.strip() if len(code.strip()) <= 40 else "…" + code.strip()[-39:]
    return (
        f"Line {number} (`{line.strip()[:40]}`) continues the statement above, but that statement "
        f"already ended: the closing bracket on its last line (`{shown}`) came too early; {fix}."
    )


def _extra_closers(code: str) -> int:
    """How many more closing brackets than opening ones the code holds (strings and comments
    left out); 0 when it does not tokenize. The tokenizer's "EOF in multi-line statement" comes
    at the end, after every bracket was counted (brackets that do not balance raise it)."""
    count = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code + "\n").readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                count -= 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                count += 1
    except tokenize.TokenError as error:
        return count if "EOF in multi-line statement" in str(error) else 0
    except SyntaxError:  # an IndentationError too
        return 0
    return count


def _bodiless_blocks(p) -> list[str]:
    """The block lines of the cell (ending with `:`) whose next code line is no deeper than
    they are, each shown by its first words (`def bestsolution(state):`)."""
    lines = [ln for ln in own_lines(p) if ln.strip() and not ln.lstrip().startswith("#")]
    found = []
    for opener, after in itertools.pairwise(lines):
        if not _COMPOUND.match(opener) or not opener.split("#", 1)[0].rstrip().endswith(":"):
            continue
        if len(after) - len(after.lstrip()) <= len(opener) - len(opener.lstrip()):
            found.append(opener.strip()[:30])
    return found


def _top_level_above(p, number: str, line: str) -> bool:
    """The statement right above the marked line starts at the cell's margin, or none stands
    above it: no block above takes an indented line."""
    lines = own_lines(p) if p.cell_lines else []
    at = int(number) - 1 if number else -1
    marked = 0 <= at < len(lines) and lines[at].strip() == line.strip()
    if marked and not any(ln.strip() and not ln.lstrip().startswith("#") for ln in lines[:at]):
        return True
    statement = _statement_above(p, number, line) if number else None
    return statement is not None and not statement[0][:1].isspace()


def _first_code_line(p, line: str) -> bool:
    """The marked line is the first line of code of the cell (blank and comment lines
    aside): no line above it can be the block it belongs to."""

    def code_of(ln: str) -> str:
        # The traceback may show the line's comment spaced otherwise than the cell.
        return " ".join(ln.split("#", 1)[0].split())

    lines = [ln for ln in own_lines(p) if code_of(ln)]
    return bool(lines) and bool(code_of(line)) and code_of(lines[0]) == code_of(line)


def _opener_without_body(p, line: str) -> bool:
    """The marked line opens a block (ends with `:`), nothing deeper follows it, and it is no
    missing body itself: the line above it opens no block, or it is already indented under
    that line. Read in the cell's own lines."""
    lines = [ln for ln in own_lines(p) if ln.strip() and not ln.lstrip().startswith("#")]
    text = line.strip()
    if not text.split("#", 1)[0].rstrip().endswith(":"):
        return False

    def indent(ln: str) -> int:
        return len(ln) - len(ln.lstrip())

    for at in (i for i, ln in enumerate(lines) if ln.strip() == text):
        below = lines[at + 1 : at + 2]
        if below and indent(below[0]) > indent(lines[at]):
            continue
        above = lines[at - 1] if at else ""
        if not above.split("#", 1)[0].rstrip().endswith(":") or indent(lines[at]) > indent(above):
            return True
    return False


def _definition_after_block(p, line: str) -> bool:
    """When: the marked line starts a definition (`def`, `class`, a decorator) and no `class`
    line stands right above it in the cell (under a `class` line, an unindented method is the
    slip, and indenting it is right)."""
    text = line.strip()
    if not re.match(r"(?:async\s+)?def\s|class\s|@\w", text):
        return False
    lines = own_lines(p)
    for at in (i for i, ln in enumerate(lines) if ln.strip() == text):
        above = [ln for ln in lines[:at] if ln.strip() and not ln.lstrip().startswith("#")]
        if above and re.match(r"\s*class\s", above[-1]):
            return False
    return True


def _bodiless_opener(p, line: str) -> str:
    """The block line (`while x:`) right above the marked line when the marked line is less
    indented than it; "" otherwise (then the marked line may be the body, unindented). Read in
    the cell's own lines, not the traceback's copies that start ``user_code``."""
    lines = own_lines(p)
    text = line.strip()
    for at in (i for i, ln in enumerate(lines) if text and ln.strip() == text):
        above = [ln for ln in lines[:at] if ln.strip() and not ln.lstrip().startswith("#")]
        if not above or not above[-1].split("#", 1)[0].rstrip().endswith(":"):
            continue
        indent = len(lines[at]) - len(lines[at].lstrip())
        if indent < len(above[-1]) - len(above[-1].lstrip()):
            return above[-1].strip()
    return ""


def _invalid_line(line: str, cell: str = "") -> str:
    """What the marked line itself shows, for a plain "invalid syntax"."""
    code = line.split("#", 1)[0].rstrip()
    if full_width_signs(code):
        return odd_character_hint(code)
    hyphen = re.match(r"\s*(?:import|from)\s+([\w.]*-[\w.-]*)(?:\s+as\s+(\w+))?", code)
    if hyphen:
        # `import pyexcel-xlsx`: a pip name, not a module name.
        module = hyphen.group(1).replace("-", "_")
        called = _functions_called_on(hyphen.group(2), cell) if hyphen.group(2) else []
        base = hyphen.group(1).split("-")[0]
        if called and base:
            # `pe.get_book(...)`: a `base-x` package may be a plugin that `base` itself uses,
            # and then the functions the code calls are `base`'s.
            return (
                f"A module name cannot contain `-`: `{hyphen.group(1)}` is how pip names the "
                f"package. Import its module (often `{module}`), or, if it is a plugin of "
                f"`{base}`, `import {base}`: the one to import has `{called[0]}`, which the code "
                "calls (see their documentation)."
            )
        return (
            f"A module name cannot contain `-`: `{hyphen.group(1)}` is how pip names the "
            f"package; import it by its module name (often `{module}`, see its documentation)."
        )
    numbers = _spaced_numbers(code)
    if numbers:
        # `np.array([0.998 0.998 ...])`: NumPy's printout pasted into code, which has no commas
        a, b = numbers
        return (
            f"The numbers in the marked line's brackets are separated by spaces only (`{a} {b}`"
            f", as NumPy prints an array): put a comma between each two (`{a}, {b}`), or read "
            f"the pasted text with `np.array('{a} {b} …'.split(), dtype=float)`."
        )
    compound = _COMPOUND.match(code)
    assigned = re.match(r"^\s*([a-z]+)\s*=(?!=)", code)
    if compound and assigned and assigned.group(1) == compound.group(1):
        # `class = pd.Series(...)`, `if = 'hello'`: the keyword itself is assigned, so there is
        # no condition to compare in; a keyword cannot be a name.
        word = compound.group(1)
        return f"`{word}` is a Python keyword and cannot be a variable name: rename it (`{word}_`)."
    condition = re.sub(r"\([^()]*\)", "()", code)  # keyword arguments are no assignments
    if (
        compound
        and compound.group(1) in ("if", "elif", "while")
        and re.search(r"[^=!<>:]=[^=]", condition)
    ):
        return "To compare, write `==` in the condition (a single `=` assigns)."
    alone = compound is not None and compound.group(1) in ("else", "try", "finally")
    if compound and code.split()[1:] and _unfinished_header(compound.group(1), code):
        # `for n, row in`: a colon alone would leave it without what it loops over
        if compound.group(1) == "for" and code.rstrip().endswith(":"):
            # `for i super_strin df['title']:` has its colon and more words than a loop
            # variable: the `in` between them is what is missing or misspelt.
            return (
                "The marked `for` line has no `in` between its loop variable and what it loops "
                "over: write it as `for x in items:` (check the words after `for`)."
            )
        if compound.group(1) == "for":
            return (
                "The marked `for` line is unfinished: write what it loops over and end it with a "
                "colon (`for x in items:`), then its indented body."
            )
        return (
            f"The marked `{compound.group(1)}` line is unfinished: write the rest of its "
            "expression after the last word or sign, then end it with a colon."
        )
    called = _DEF_WITH_VALUES.match(_QUOTED.sub('""', code))
    if called:
        # `def f1("s", 2)`: a value where a parameter's name goes is a call with `def` before it
        return (
            f"`def` defines a function and its parameters must be names, not values: to call "
            f"`{called.group(1)}`, write `{called.group(1)}(...)` with those values, without `def`."
        )
    if compound and (alone or code.split()[1:]) and not code.endswith((":", "\\")):
        return f"Add a colon at the end of the marked `{compound.group(1)}` line."
    first = re.match(r"^\s*([A-Za-z_]+)\b", code)
    if first and first.group(1) in ("cimport", "cdef", "cpdef"):
        return (
            f"`{first.group(1)}` is Cython, not Python: run the cell as Cython (`%load_ext Cython`"
            ", then `%%cython` on its first line)."
        )
    # `esle:`, `fro x in y:`: a misspelt keyword that opens a block.
    if first and first.group(1) not in keyword.kwlist and code.endswith(":"):
        slip = next((k for k in _LINE_KEYWORDS if spelled_alike(first.group(1), k)), "")
        if slip:
            return f"`{first.group(1)}` is a misspelling of the keyword `{slip}`."
    if re.match(r"^\s*[\w.\[\]'\", ]+\s=\s*$", code) or re.match(r"^\s*[\w.]+\s*=\s*$", code):
        return (
            "Nothing follows `=` on the marked line: write the value to assign (an exercise's "
            "placeholder may still be empty)."
        )
    return ""


# Code, then an opening bracket with two numbers or more separated by spaces alone
# (`p = np.array([0.998 0.998 0.002`): printed values pasted where a list was meant.
_SPACED_NUMBERS = re.compile(
    r"(?:=|\w\()\s*[\[(]*[\[(]\s*(-?\d+(?:\.\d*)?(?:e[-+]?\d+)?)\s+(-?\d+(?:\.\d*)?(?:e[-+]?\d+)?)"
    r"(?:\s|[\])]|$)",
    re.I,
)


def _spaced_numbers(code: str) -> tuple[str, str] | None:
    """The first two numbers of a bracket that code opens (an assignment or a call) and that
    holds numbers separated by spaces only, else None."""
    m = _SPACED_NUMBERS.search(_STRING.sub("''", code).split("#", 1)[0])
    return (m.group(1), m.group(2)) if m else None


def _spaced_name(line: str, notebook: tuple[str, ...]) -> str:
    """`df.Park Code`: a name with a space read with a dot. It is a column unless a cell makes
    it the index (`index_col=`, `set_index(`), where `df['Park Code']` finds no column."""
    code = line.split("#", 1)[0].rstrip()
    spaced = re.match(r"^\s*([A-Za-z_][\w.]*)\.([A-Za-z_]\w*(?: [A-Za-z_]\w*)+)\s*$", code)
    if not spaced:
        return ""
    frame, name = spaced.groups()
    indexed = re.compile(rf"""(?:index_col\s*=|set_index\()[^)\n]*['"]{re.escape(name)}['"]""")
    if any(indexed.search(cell) for cell in notebook):
        return (
            f"`{name}` has a space, so it cannot be read with a dot; a cell makes it the index "
            f"(`index_col`/`set_index`), so read it as `{frame}.index`."
        )
    return f"`{name}` has a space, so it cannot be read with a dot: write `{frame}['{name}']`."


def _unclosed_block(code: str) -> bool:
    """The code's last statement line opens a block (ends with `:`) and its brackets balance."""
    lines = [ln.split("#", 1)[0].rstrip() for ln in code.splitlines()]
    lines = [ln for ln in lines if ln.strip()]
    if not lines or not lines[-1].endswith(":"):
        return False
    return all(code.count(a) == code.count(b) for a, b in ("()", "[]", "{}"))


def _parsed_at_run_time(p: ParsedError) -> bool:
    """A SyntaxError raised by a call (`eval`, `ast.literal_eval`): the text parsed is the
    problem, not the cell."""
    last = p.last_frame
    return last is not None and not last.is_user and any(fr.is_user for fr in p.frames)


def _division_by_zero(p, f):
    return (
        "A division by zero: check the denominator (an empty list's length, a zero count) "
        "before dividing."
    )


# Conditions that are false whatever the notebook holds.
_ALWAYS_FALSE = frozenset({"False", "0", "None", "''", '""', "[]", "()", "{}"})


def _assertion_failed(p, f):
    """When: the `assert` is on the marked line (its condition is named); inside a library the
    safe hint speaks."""
    m = re.match(r"\s*assert\s*\(?(.+?)\)?\s*(?:,.*)?$", p.user_line)
    if not raised_in_user_code(p) or m is None:
        return None
    condition = " ".join(m.group(1).split())
    if condition in _ALWAYS_FALSE:
        # `assert False, "msg"` compares nothing: it fails on every run by design.
        return (
            f"`assert {condition}` fails on every run: it tests no value. Put the real "
            "condition in its place, or remove it if it is only meant to stop the cell."
        )
    condition = condition if len(condition) <= 60 else condition[:59] + "…"
    detail = f" ({f['detail'][:100]})" if f.get("detail") else ""
    return (
        f"The check `{condition}` is false{detail}: print the values it compares to see which "
        "one is not what it expects."
    )


def _endless_recursion(p, f):
    """When: the repeating frames are the user's own function."""
    repeated = Counter(fr.function for fr in p.frames if fr.is_user and fr.function != "<module>")
    if not repeated:
        return None
    name, count = repeated.most_common(1)[0]
    if count < 2:
        return None
    return f"`{name}` calls itself without end: check its stop condition (the base case)."


def _cell_interrupted(p, f):
    """When: a KeyboardInterrupt; for a SystemExit, argparse's exit (code 2) or the cell's own
    `exit()` when the code shows them, else that something the cell ran called `exit()`."""
    if f.get("kind") == "KeyboardInterrupt":
        return "The cell was interrupted (stop button or Kernel → Interrupt): re-run it when ready."
    code = p.user_code
    if p.message.strip() == "2" and re.search(r"argparse|parse_args\(", code):
        # Required positionals (`add_argument('echo')`) need values, so `args=[]` alone fails.
        required = re.findall(r"add_argument\(\s*['\"]([A-Za-z_]\w*)['\"]", code)
        values = (
            f"[...])` with a value for each required argument ({', '.join(required[:3])}),"
            if required
            else "[])` (or `parse_known_args()`)"
        )
        return (
            "`argparse` read the kernel's own command line in a notebook and stopped: call "
            f"`parser.parse_args(args={values} and set the options in code."
        )
    exits = re.search(r"^([ \t]*).*(?<![\w.])(?:sys\.)?(?:exit|quit)\(", code, re.M)
    if exits:
        guard = _guard_of(code, exits.start(), len(exits.group(1)))
        if re.search(r"__name__\s*==\s*['\"]__main__['\"]", guard):
            # A script's entry point: always true in a notebook, and `sys.exit(main())` (a Qt
            # app's `sys.exit(app.exec_())`) ends the cell even when the program went well.
            ended = (
                " with code 0, so the program itself ended normally"
                if p.message.strip() in ("0", "None", "")
                else ""
            )
            return (
                f"`if __name__ == '__main__'` is always true in a notebook, and the `exit()` under "
                f"it stopped the cell{ended}: call the program's main function without "
                "`sys.exit(...)` around it."
            )
        inverted = _inverted_success_check(code, guard, exits.start())
        if inverted:
            return inverted
        block = _enclosing_block(code, exits.start(), len(exits.group(1)))
        if guard and block:
            leave = "the loop with `break`" if block != "def" else "the function with `return`"
            return (
                f"The cell's own check `{guard}` was true, so it called `exit()`, which a "
                f"notebook reports as this error: if that stop was intended, leave {leave} "
                "instead; if not, print what it tests."
            )
        if guard:
            # at the cell's top level there is nothing to leave: what the check caught failed
            why = _checked_source(code, guard)
            return (
                f"The cell's own check `{guard}` was true, so it called `exit()`, which a "
                f"notebook reports as this error: what it tests failed{why}."
            )
        return (
            "The cell's code calls `exit()`, which stops the cell (a notebook cannot exit): use "
            "`return`, `break` or `raise` instead."
        )
    return (
        "Something this cell runs called `exit()` (SystemExit): a function of yours or a "
        "library. Replace a `sys.exit()` of yours with `return`/`raise`; a library's printed "
        "output above says why it stopped."
    )


def _enclosing_block(code: str, at: int, indent: int) -> str:
    """`for`, `while` or `def` when the line at offset ``at`` (indented ``indent``) sits in such
    a block, the nearest one; "" at the cell's top level (under `if`s only)."""
    for line in reversed(code[:at].splitlines()):
        depth = len(line) - len(line.lstrip())
        if not line.strip() or depth >= indent:
            continue
        indent = depth
        m = re.match(r"\s*(?:async\s+)?(for|while|def)\b", line)
        if m:
            return m.group(1)
    return ""


# What OpenCV gives when it cannot read a file or open a camera, and where to look then.
_OPENCV_SOURCES = (
    (r"cv2\.imread\(", "`cv2.imread` gives None for a file it cannot read: check the path "
     "from the working folder (`os.getcwd()`)"),
    (r"cv2\.VideoCapture\(", "`cv2.VideoCapture` did not open its camera or file: check that "
     "the camera is connected and free (release an earlier capture) or try another index"),
)  # fmt: skip


# A check that is true when something worked: a capture or file opened, a path exists.
_SUCCESS_CHECK = re.compile(
    r"if\s+(?P<call>[\w.]+\.(?:isOpened|is_open|exists|isfile|isdir|is_available)\([^()]*\))"
)
# A message that speaks of a failure (`print('video open failed')`).
_FAILURE_WORDS = re.compile(r"['\"][^'\"]*\b(?:fail|error|cannot|can't|could not|unable)", re.I)


def _inverted_success_check(code: str, guard: str, at: int) -> str:
    """The hint when the check over `exit()` is true on success (`if cap.isOpened():`, no
    `not`) while the lines under it, up to the `exit()`, report a failure: the test is
    inverted, nothing failed. "" otherwise (an intended stop, or a negated check)."""
    m = _SUCCESS_CHECK.fullmatch(guard)
    if m is None:
        return ""
    start = code.rfind(guard.removeprefix("if ").strip(), 0, at)
    if start < 0 or not _FAILURE_WORDS.search(code[start:at]):
        return ""
    call = m.group("call")
    return (
        f"`{guard}` is true when it succeeded, yet the lines under it report a failure and "
        f"call `exit()`: the check is inverted, write `if not {call}:`."
    )


def _checked_source(code: str, guard: str) -> str:
    """What made the value the check tests, when it is OpenCV's reader (`src = cv2.imread(...)`
    under `if src is None`): its way of failing; else the advice to print it."""
    for name in re.findall(r"[A-Za-z_]\w*", guard.removeprefix("if ")):
        made = re.search(rf"^\s*{name}\s*=\s*(.+)$", code, re.M)
        for pattern, advice in _OPENCV_SOURCES:
            if made and re.search(pattern, made.group(1)):
                return f"; {advice}"
    return " (print it to see why)"


def _guard_of(code: str, at: int, indent: int) -> str:
    """The `if` line an indented `exit()` at offset ``at`` sits under (`if img is None:`), or
    ""."""
    if indent == 0:
        return ""
    for line in reversed(code[:at].splitlines()):
        stripped = line.strip()
        if not stripped or len(line) - len(line.lstrip()) >= indent:
            continue
        m = re.match(r"(?:el)?if\s+(.+?):\s*(?:#.*)?$", stripped)
        return f"if {m.group(1)}" if m and len(m.group(1)) <= 60 else ""
    return ""


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


_READ_WITH_NAMES = re.compile(r"\bread_(?:csv|table)\([^\n]*\bnames\s*=\s*\[")


def _not_implemented(p, f):
    """When: a PyTorch module without `forward`, TensorFlow handing a symbolic tensor to NumPy
    inside its own code, or a method of the user's own class; else the safe hint."""
    if p.ename == "StopIteration":
        return None
    if "forward" in p.message or any(
        fr.function.endswith("_forward_unimplemented") for fr in p.frames
    ):
        return (
            "Your `nn.Module` has no `forward` method: define `def forward(self, x):` (check its "
            "spelling and indentation inside the class)."
        )
    if "Cannot convert a symbolic Tensor" in p.message and _numpy_inside_tensorflow(p):
        return (
            "This TensorFlow is older than the installed NumPy (it hands a symbolic tensor to "
            "NumPy inside its own code): upgrade TensorFlow, or install the NumPy it supports."
        )
    if "MultiIndex" in p.message and _READ_WITH_NAMES.search(p.user_code):
        # pandas makes the leading fields of a line longer than `names` its index
        return (
            "A frame here may have a MultiIndex it was not meant to have: `read_csv` given fewer "
            "`names` than a line has fields makes the extra leading fields the index. Print each "
            "frame's `.index`; if so, pass a separator no line holds, or read the lines whole."
        )
    unwritten = _method_left_to_subclass(p)
    if unwritten:
        method, cls = unwritten
        return (
            f"`{method}` is a method the library leaves for subclasses to write, and your class "
            f"{cls} does not define it: add `def {method}(self, ...)` to it, with the arguments "
            "the library's documentation gives."
        )
    if raised_in_user_code(p) and len([fr for fr in p.frames if fr.is_user]) > 1:
        return (
            "This method is not implemented for this object (often an abstract method you must "
            "override)."
        )
    return None


def _method_left_to_subclass(p: ParsedError) -> tuple[str, str] | None:
    """(method, the user's class) when a library's bare `raise NotImplementedError` ends a
    method the library calls on `self`, and the cell defines a subclass without that method:
    an abstract method the user's subclass must write, not a feature the library lacks."""
    frames = [fr for fr in p.frames if not fr.is_user]
    if p.message.strip() or len(frames) < 2:
        return None
    last, caller = frames[-1], frames[-2]
    if last.failing_line.strip() not in (
        "raise NotImplementedError",
        "raise NotImplementedError()",
    ):
        return None
    method = last.function.rsplit(".", 1)[-1]  # IPython 8 prints `Dataset.load_item`
    if not re.search(rf"\bself\.{re.escape(method)}\(", caller.failing_line):
        return None
    if re.search(rf"\bdef\s+{re.escape(method)}\b", p.user_code):
        return None
    classes = re.findall(r"^\s*class\s+(\w+)\s*\(\s*[A-Za-z_][\w.]*", p.user_code, re.M)
    if not classes:
        return None
    return method, f"`{classes[0]}`" if len(classes) == 1 else "(the one that extends it)"


def _numpy_inside_tensorflow(p: ParsedError) -> bool:
    """A NumPy frame called from a TensorFlow frame, with no user frame in between."""
    libraries = [fr.library for fr in p.frames if not fr.is_user]
    return "numpy" in libraries and "tensorflow" in libraries[: libraries.index("numpy")]


# Fire on the exception class alone: their templates speak only where the message or line tells.
CATCH_ALL = frozenset({ASSERTION, NOT_IMPLEMENTED, RECURSION})

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
