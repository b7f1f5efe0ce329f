"""NameError: a function or class that is not defined (name_error) versus a variable used as a
value (variable_not_found). The user's failing line tells the two apart: ``f(`` is a call."""

from __future__ import annotations

import ast
import difflib
import keyword
import re

from ..cells import (
    analyse_cell,
    bound_at_top_level,
    function_with_local,
    local_of_a_function,
    python_tree,
    to_python,
)
from ..definitions import (
    bound_in,
    compared_instead_of_assigned,
    defines_callable,
    function_parameters,
    name_slip,
    only_closes,
    passed_as_own_keyword,
)
from ..name_reads import assigns_a_call_of
from ..text import CLOSE, as_code, possibly_close, suggest
from ..traceback import Frame, ParsedError
from ..where import own_lines, raised_outside_notebook
from .base import Facts, RuleMatch, Template, named, user_calls
from .imports import file_name, strptime_of_a_column
from .module_names import dropped_prefix_hint, package_for
from .tables.known_imports import ALIASES, LIBRARY_NAMES, import_for

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
UNDEFINED_VARIABLE = "names.undefined_variable"
UNDEFINED_FUNCTION = "names.undefined_function"
UNDEFINED_CLASS = "names.undefined_class"
UNBOUND_LOCAL = "names.unbound_local"
_UNDEFINED = {
    "variable": UNDEFINED_VARIABLE,
    "function": UNDEFINED_FUNCTION,
    "class": UNDEFINED_CLASS,
}

_NAME = re.compile(r"name '([^']+)' is not defined")
_FREE = re.compile(
    r"(?:local variable|free variable|cannot access (?:local|free) variable) '(\w+)'"
    r".*(?:referenced before assignment|not associated with a value)"
)
# Python 2 builtins that no longer exist: a NameError on them is a version problem.
PY2_BUILTINS = {
    "xrange": "range",
    "raw_input": "input",
    "unicode": "str",
    "basestring": "str",
    "long": "int",
    "unichr": "chr",
    "reduce": "functools.reduce (from functools import reduce)",
    "reload": "importlib.reload (from importlib import reload)",
    "execfile": "exec(open(path).read())",
    "file": "open",
    "cmp": "(a > b) - (a < b)",
    "izip": "zip",
}


def is_class_name(name: str) -> bool:
    # CamelCase with a lower-case letter: a class (Dense, StratifiedKFold); ALL_CAPS is a constant.
    return name[:1].isupper() and any(c.islower() for c in name)


@named("names.undefined", *_UNDEFINED.values())
def undefined(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "NameError":
        return None
    m = _NAME.search(parsed.message)
    if m is None:
        return None
    name = m.group(1)
    if name in ALIASES:
        return None  # imports.alias_not_imported
    facts = {"name": name}
    if name in PY2_BUILTINS:
        facts["replacement"] = PY2_BUILTINS[name]
    called = user_calls(parsed, name)
    if name in LIBRARY_NAMES and not called:
        # A library's function or class (train_test_split, StandardScaler) used before import.
        kind, ctype, confidence = (
            "class" if is_class_name(name) else "function",
            "name_error",
            0.8,
        )
    elif called or (not parsed.user_line and is_class_name(name)):
        kind, ctype = ("class" if is_class_name(name) else "function"), "name_error"
        confidence = 0.85 if called else 0.6
    elif is_class_name(name) and re.search(rf"\b{re.escape(name)}\s*\(", parsed.user_code):
        kind, ctype, confidence = "class", "name_error", 0.7
    else:
        kind, ctype = "variable", "variable_not_found"
        confidence = 0.9 if parsed.user_line else 0.75
    facts["kind"] = kind
    return RuleMatch(
        rule=_UNDEFINED[kind],
        crash_type=ctype,
        library="none",
        confidence=confidence,
        facts=facts,
    )


@named(UNBOUND_LOCAL)
def unbound_local(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("UnboundLocalError", "NameError"):
        return None
    m = _FREE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=UNBOUND_LOCAL,
        crash_type="variable_not_found",
        root_cause="implementation_error",
        library="none",
        confidence=0.9,
        facts={"name": m.group(1)},
    )


RULES = (undefined, unbound_local)


# ----------------------------------------------------------- hints: the words the user reads


_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)*(?:=[^=]|\+=|-=)", re.M)
# Every target of an assignment line: `X`, or `X_train, X_test` of `X_train, X_test = ...`.
_ASSIGNED_ALL = re.compile(r"^\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?:=[^=]|\+=|-=)")
_DEFINED = re.compile(
    r"^\s*(?:def|class)\s+([A-Za-z_]\w*)|\bas\s+([A-Za-z_]\w*)|\bfor\s+(\w+)\s+in", re.M
)
# A variable as written: not an attribute (`keras.models`) and not a keyword argument's name.
_IDENTS = re.compile(r"(?<![\w.])[A-Za-z_]\w*\b(?!\s*=[^=])")
# Lines whose words are module paths, not the user's variables (`from tensorflow.keras import x`).
_STRING = re.compile(r"""(['"])(?:\\.|(?!\1).)*\1""")
_IMPORT_LINE = re.compile(r"^\s*(?:from\s+\S+\s+)?import\s")


def _code_names(parsed: ParsedError, callables: bool = False) -> list[str]:
    """Names the user's code defines or uses; only called/defined ones when ``callables``.

    A name that the failing line only uses (``y_train`` in ``fit(X_train, y_train)``) is no
    candidate: the user wrote both on purpose, and it may be just as undefined; nor is a name the
    failing line assigns (``X`` in ``X = np.array([x])``: it is made from the missing one)."""
    code = parsed.user_code[:50_000]
    if callables:
        names = re.findall(r"^\s*(?:def|class)\s+([A-Za-z_]\w*)", code, re.M)
        # (as for values: a function the failing line also calls, `yscale('log'); xscale('log')`
        # from `%pylab`, is written on purpose and may be just as undefined)
        failing = parsed.user_line.strip()
        others = "\n".join(x for x in code.splitlines() if not failing or x.strip() != failing)
        names += re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", others)
        return names + list(LIBRARY_NAMES)
    failing = parsed.user_line.strip()
    made_here = (
        set(_ASSIGNED_ALL.findall(failing)[0].replace(" ", "").split(","))
        if (_ASSIGNED_ALL.match(failing))
        else set()
    )
    names = [n for n in _ASSIGNED.findall(code) if n not in made_here]
    for groups in _DEFINED.findall(code):
        names.extend(g for g in groups if g)
    for line in code.splitlines():
        if (not failing or line.strip() != failing) and not _IMPORT_LINE.match(line):
            names.extend(_IDENTS.findall(_STRING.sub("''", line.split("#", 1)[0])))
    return names


_NAME_TOKENS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def is_misspelling(name: str, other: str) -> bool:
    """True when ``other`` looks like ``name`` mistyped, not a sibling variable of the same
    family (``count1``/``count2``, ``d_optimizer``/``g_optimizer``, ``df18``/``df18b``), not
    the class an instance is named after (``model``/``Model``), and not another one-letter name
    (``x`` and ``X`` are usually two different things)."""
    if min(len(name), len(other)) < 2:
        return False
    if name.lower().replace("_", "") == other.lower().replace("_", ""):
        # `svc = SVC()`, `model = Model(...)`: an instance named after its class; but `X_test`
        # (a capital and `_`, the data's convention) is no class, and `x_test` a slip of it.
        return not (name.islower() and other[:1].isupper() and other[1:2] != "_")
    a = [t.lower() for t in _NAME_TOKENS.findall(name)]
    b = [t.lower() for t in _NAME_TOKENS.findall(other)]
    if a == b:
        return True  # only case or underscores differ
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            return False  # a whole word added or dropped
        x, y = a[i1], b[j1]
        if x.isdigit() or y.isdigit() or min(len(x), len(y)) < 3:
            return False  # another number or letter of a family
        if (x in y or y in x) and abs(len(x) - len(y)) > 1:
            return False  # a prefix or suffix word: noncore vs core
        if abs(len(x) - len(y)) > 1 and _abbreviates(min(x, y, key=len), max(x, y, key=len)):
            return False  # `img` for `image`, `val` for `value`: another name, not a slip
        if difflib.SequenceMatcher(None, x, y).ratio() < CLOSE:
            return False
    return True


def _abbreviates(short: str, long: str) -> bool:
    """True when ``short`` keeps ``long``'s letters in order (``img`` of ``image``)."""
    rest = iter(long)
    return short[:1] == long[:1] and all(c in rest for c in short)


def missing_import_hint(name: str, statement: str, suggestion: str = "") -> str:
    """The one wording of a forgotten import, for these hints and the notebook analysis (which
    adds a close name some cell defines, when the name may as well be a typo of it)."""
    hint = f"`{name}` must be imported before use: add `{statement}` and run it"
    return hint + (f", or did you mean `{suggestion}`?" if suggestion else ".")


# Names that exist when Python runs a file but never in a notebook's kernel.
NOT_IN_NOTEBOOKS = {
    "__file__": "`__file__` is set only when Python runs a .py file, never in a notebook: use "
    "`os.getcwd()` (or `pathlib.Path.cwd()`) for the notebook's folder instead.",
}

# IPython commands a line may hold alone, and what runs them: with automagic off (or outside
# IPython), a bare `pwd` is a Python name looked up, not the command.
_BARE_MAGICS = {
    "pwd": "`%pwd` (or `os.getcwd()`)",
    "ls": "`%ls` (or `os.listdir()`)",
    "ll": "`%ll` (or `os.listdir()`)",
    "whos": "`%whos`",
    "who": "`%who`",
    "env": "`%env` (or `os.environ`)",
    "history": "`%history`",
}


# Of those, the names notebooks often give a value (`history = model.fit(…)`, a gym `env`, a
# list `ls`), and what binds names no cell shows.
_BARE_MAGIC_VARIABLES = {"ls", "env", "history"}
_BINDS_UNSEEN = re.compile(r"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]+\*|%run\b)", re.M)


def _bare_magic(p: ParsedError, name: str) -> str:
    """The hint when the failing line is only ``name``, an IPython command (`pwd`), and no cell
    of the notebook binds that name (a `pwd` password variable would be a value to set): IPython
    ran no command, Python looked the name up. "" otherwise."""
    line = p.user_line.split("#", 1)[0].strip()
    if line != name or name not in _BARE_MAGICS:
        return ""
    sources = (p.user_code, *p.notebook_code)
    if any(name in analyse_cell(source).defines for source in sources):
        return ""
    if any(_BINDS_UNSEEN.search(source) for source in sources):
        return ""  # `from training import *`, `%run setup.py`: names no cell shows may be bound
    if name in _BARE_MAGIC_VARIABLES and not p.notebook_code:
        return ""  # `history = model.fit(…)` may stand in a cell this crash does not show
    return (
        f"`{name}` is an IPython command, not a Python variable, and here Python looked it up "
        f"as a name: write {_BARE_MAGICS[name]}."
    )


def _at_top_level(p: ParsedError) -> bool:
    """The error was raised by a cell's own top-level code, not inside a function of it."""
    last = p.last_frame
    return (
        last is not None
        and last.is_user
        and (last.function in ("", "<module>") or last.function.startswith("<cell line"))
    )


def _plain_function_reading_self(p: ParsedError) -> str:
    """The name of the notebook's function that raised, when its `def` (in the cell or the
    notebook) has no `self` first parameter: a function, not a method. "" otherwise."""
    last = p.last_frame
    if last is None or not last.is_user or _at_top_level(p):
        return ""
    function = last.function.split("(")[0].rsplit(".", 1)[-1].strip()
    if not function.isidentifier():
        return ""
    sources = (p.user_code, *p.notebook_code)
    if any(_def_in_a_class(code, function) for code in sources):
        return ""  # a method (`@classmethod`, a first parameter named otherwise): no plain function
    defs = [ps for code in sources for ps in function_parameters(code, function)]
    return function if defs and all(ps[:1] != ["self"] for ps in defs) else ""


def _def_in_a_class(code: str, function: str) -> bool:
    """A `def function(` of ``code`` stands in the body of a `class` (its nearest less indented
    header above is a `class` line)."""
    lines = code.splitlines()
    head = re.compile(rf"([ \t]*)(?:async[ \t]+)?def[ \t]+{re.escape(function)}[ \t]*\(")
    for number, text in enumerate(lines):
        m = head.match(text)
        if not m or not m.group(1):
            continue
        indent = len(m.group(1).expandtabs())
        for above in reversed(lines[:number]):
            stripped = above.lstrip()
            depth = len(above[: len(above) - len(stripped)].expandtabs())
            if not stripped or stripped.startswith(("#", "@")) or depth >= indent:
                continue
            if stripped.startswith("class ") or stripped.startswith("class\t"):
                return True
            indent = depth
            if stripped.startswith(("def ", "async def ")):
                break  # a function nested in a function: the class, if any, is not its owner
    return False


def deletes_name(line: str, name: str) -> bool:
    """The failing line is a `del` of ``name`` (`del df`, `del(df)`, `del a, df`)."""
    if "del" not in line or name not in line:
        return False  # (no compile of the name's pattern where it cannot match)
    return bool(re.match(rf"\s*del\b[\s(]*(?:[\w\s,()]*,\s*)?{re.escape(name)}\b", line))


def special_name_hint(p: ParsedError, name: str) -> str | None:
    """What a NameError certainly means whatever the notebook holds: a name raised inside a
    library's (or another file's) own code, a name notebooks never have, or a name this very
    cell deleted before the failing line. None when none of these holds."""
    # Only the NameError's own frames tell where it was raised (a Spark job wraps one raised
    # on a worker, in another process).
    own = p.ename in ("NameError", "UnboundLocalError")
    elsewhere = raised_outside_notebook(p) if own else None
    if elsewhere is not None:
        return _inside_other_code(p, name, elsewhere)
    if name in NOT_IN_NOTEBOOKS:
        return NOT_IN_NOTEBOOKS[name]
    magic = _bare_magic(p, name) if own else ""
    if magic:
        return magic
    if name == "self" and own and _at_top_level(p):
        return (
            "`self` has a value only inside a method of a class (its first parameter), and this "
            "line runs at the top level of a cell: use the object itself (the variable that "
            "holds it) in place of `self`."
        )
    plain = _plain_function_reading_self(p) if name == "self" and own else ""
    if plain:
        # `def lmagic(line):` under `@register_line_magic` copied from a `Magics` class's
        # method: no global `self` can make it work
        shell = " (in an IPython magic, `get_ipython()` is the shell `self.shell` meant)"
        return (
            f"`self` has a value only inside a method of a class (its first parameter), and "
            f"`{plain}()` is a plain function without one: pass the object it needs as an "
            f"argument{shell if 'self.shell' in p.user_code else ''}, or make `{plain}` a "
            "method of that class."
        )
    if "Error evaluating factor" in p.message:
        # patsy (statsmodels' formulas) looks a formula's names up in the data first, then in
        # the notebook's variables: the name is in neither.
        return (
            f"The formula names `{name}`, which is no column of the data passed (nor a "
            "variable): check its spelling and case against the data's columns (`df.columns`)."
        )
    if name in ("args", "kwargs") and re.search(rf"\*{name}\b", p.user_line):
        return (
            f"`*{'*' if name == 'kwargs' else ''}{name}` was copied from the function's "
            "signature: remove it from the call, and pass the arguments you need by name."
        )
    prose = (
        _prose_line(p.user_line, name)
        or _note_beside_name(p.user_line, name)
        or _probability_notation(p.user_line, name)
    )
    if prose:
        return prose
    python2 = _python2_encoding_idiom(p, name)
    if python2:
        return python2
    if name in ("python", "python3") and re.search(rf"\b{name}\s*\.\s*(?:__)?version", p.user_line):
        return (
            f"`{name}` is no module or variable: for Python's version, use `sys.version` (after "
            "`import sys`) or `platform.python_version()`."
        )
    if deletes_name(p.user_line, name):
        return (
            f"`{name}` is already undefined here, so `del` has nothing to delete: drop that "
            f"`del`, or guard it with `if '{name}' in globals():`."
        )
    deleted = deleted_before(p, name)
    if deleted:
        return (
            f"This cell deletes `{name}` (`{deleted}`) before the failing line uses it: remove "
            "the `del`, or move it below the last use."
        )
    return name_slip(p, name) or dropped_prefix_hint(p, name)


def _prose_line(line: str, name: str) -> str:
    """The hint when the failing line is the name alone and the name has no ASCII letter
    (`定义卷积函数`): words of a human language, most often a note that lost its `#`. Said with
    both readings, since a variable may bear such a name too. "" otherwise."""
    if any(c.isascii() for c in name):
        return ""
    text = line.strip()
    if text == name:
        note, looks, markdown, variable = name, "stands alone on its line, as words would", "", ""
    elif _ASCII_LETTER.search(text) or not _OTHER_WORD.search(text.replace(name, "", 1)):
        return ""
    else:
        # `디스크립터 - 접근제한자`: words of a human language joined by a dash, with no letter
        # of code anywhere on the line; Python reads the dash as a subtraction.
        note, looks = text[:60], "has words of a human language and no code"
        markdown, variable = " or a Markdown cell", f"`{name}` "
    return (
        f"`{note}` {looks}: if it is a note, make it a comment (`# {note}`){markdown}; if "
        f"{variable or 'it '}is a variable, assign it first."
    )


def _note_beside_name(line: str, name: str) -> str:
    """The hint when the failing line is the name, then operators and words of a human language
    only (`ravel > 참조`: "ravel, see …"): a note that lost its `#`, which Python reads as a
    comparison and fails on its first word. Said with both readings. "" otherwise."""
    text = line.strip()
    rest = text[len(name) :]
    if not text.startswith(name) or not rest or _ASCII_LETTER.search(rest):
        return ""
    if _CODE_SIGNS.search(rest) or not _OTHER_WORD.search(rest):
        return ""  # a call, an index, a string or an assignment: code, not a note
    note = text[:60]
    return (
        f"`{note}` has a word of a human language beside `{name}` and no other code: if it is "
        f"a note, make it a comment (`# {note}`) or a Markdown cell; if `{name}` is a variable, "
        "assign it first."
    )


# What a line of code has and a note beside a name has not.
_CODE_SIGNS = re.compile(r"[()\[\]{}'\"=.#\d]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# A second word of letters (a non-ASCII script: no ASCII letter is on such a line).
_OTHER_WORD = re.compile(r"[^\W\d_]{2,}")


def _probability_notation(line: str, name: str) -> str:
    """The hint when the failing line writes `P(A|B)`: the notation of a conditional probability
    (a one-letter function of names joined by `|`), most often a note copied into a code cell.
    Said with both readings, since `P` may be a function yet to define. "" otherwise."""
    if len(name) != 1 or not name.isupper() or "|" not in line:
        return ""
    m = re.search(rf"(?<![\w.]){name}\(\s*[A-Za-z_]\w*\s*\|\s*[A-Za-z_]\w*[^()]*\)", line)
    if not m:
        return ""
    return (
        f"`{m.group(0)[:50]}` reads as probability notation (P(A|B)), not Python: if it is a note, "
        f"move it to a Markdown cell or after a `#`; if `{name}` is a function, define it first."
    )


def _python2_encoding_idiom(p: ParsedError, name: str) -> str:
    """`reload(sys)` (then `sys.setdefaultencoding("utf-8")`): Python 2's way to change the
    default encoding, which Python 3 neither has nor needs. "" otherwise."""
    if name != "reload" or not re.search(r"\breload\s*\(\s*sys\s*\)", p.user_line):
        return ""
    if "setdefaultencoding" not in p.user_code:
        return (
            "`reload(sys)` is Python 2's way to reach `sys.setdefaultencoding`, which Python 3 "
            "does not have (its text is Unicode already): delete that line."
        )
    return (
        "`reload(sys)` and `sys.setdefaultencoding(...)` are a Python 2 idiom to change the "
        "default encoding; Python 3's text is Unicode already: delete both lines."
    )


# Python 2 builtins that are common variable names too (a file, a longitude, a comparison):
# undefined in a file the notebook does not show, either may be meant.
_PY2_AND_VARIABLE = {"file", "long", "cmp"}


def _inside_other_code(p: ParsedError, name: str, frame: Frame) -> str:
    where = file_name(frame.filename)
    if frame.library is None and name in PY2_BUILTINS and name not in _PY2_AND_VARIABLE:
        # `xrange` in a helper file written for Python 2: defining it would hide the real fix
        return (
            f"`{name}` is Python 2, used in `{where}` (a file of your own, not this notebook): "
            f"in Python 3 use {as_code(PY2_BUILTINS[name])} there, then restart the kernel so "
            "the file is imported again."
        )
    if frame.library is None:  # the user's own .py module
        return (
            f"`{name}` is undefined in `{where}` (a file of your own, not this notebook): define "
            "or import it in that file, then restart the kernel so the file is imported again."
        )
    lib = frame.package or frame.library
    if p.chain:
        ename, message = p.chain[-1]
        first = " ".join((message.strip().splitlines() or [""])[0].split())[:120]
        return (
            f"`{lib}` failed while handling an earlier error, {ename}: {first} — that error is "
            f"the one to fix (`{name}` is undefined inside `{lib}`'s own `{where}`, a bug of that "
            "version)."
        )
    if name in ("exit", "quit"):
        # The site builtins `exit`/`quit` are missing in some kernels: the library wanted to
        # stop after a failure it reported itself (printed above the traceback).
        return (
            f"`{lib}` tried to stop with `{name}()` (missing in this kernel) after a failure it "
            "reported itself: read the output printed above the traceback (e.g. a missing "
            "credentials file) and fix that."
        )
    called = re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", frame.failing_line or "")
    if re.fullmatch(r"_[A-Za-z]\w*", name) and not called:
        # `_all_models_internal`: a module's private global that a function of the library
        # assigns with `global` (pycaret's `setup()`): unset until that runs, not a broken
        # build; a private function called (`_fetch_figure_metadata(...)`) is a broken build
        return (
            f"`{name}` is a private variable of `{lib}`'s own code (`{where}`) that has no value "
            f"yet: such a variable is often set by a setup or init function of `{lib}`, so check "
            f"its documentation for one to call first. If you did call it, reinstall `{lib}` "
            "and restart the kernel."
        )
    return (
        f"`{name}` is undefined inside `{lib}`'s own code (`{where}`), not in yours: that version "
        f"of `{lib}` is broken or does not fit your Python or other packages. Upgrade or "
        f"reinstall it (`%pip install -U {package_for(lib).split(' ')[0]}`), then restart the "
        "kernel."
    )


def deleted_before(p: ParsedError, name: str) -> str:
    """The `del` statement of ``name`` that the failing cell runs before its failing line, or
    "": read in the failing frame's lines, then in the cell's whole code when the record has it."""
    failing = p.user_line.strip()
    if not failing or "del" not in p.user_code or name not in p.user_code:
        return ""
    cell_frames = [f for f in p.frames if f.is_user]
    shown = cell_frames[-1].code_lines if cell_frames else ()
    for lines in (shown, _cell_code(p).splitlines()):
        for line in lines[:2_000]:
            if line.strip() == failing:
                break
            m = _DEL.match(line.split("#", 1)[0].rstrip()) if "del" in line else None
            if m and name in [t.strip() for t in m.group(1).split(",")]:
                return " ".join(m.group(0).split())
    return ""


_DEL = re.compile(r"^\s*del\s+([\w\s,]+)$")


def _cell_code(p: ParsedError) -> str:
    """The failing cell's own code: ``user_code`` without the traceback's cell lines that the
    parser puts before it."""
    code = p.user_code
    seen: set[str] = set()
    for frame in p.frames:
        for line in frame.code_lines if frame.is_user else ():
            if line and line not in seen:
                seen.add(line)
                if code.startswith(line + "\n"):
                    code = code[len(line) + 1 :]
    return code


def commented_definition(code: str, name: str, read_at: str = "") -> str:
    """A commented-out line of ``code`` that would define ``name`` (`# from google.colab
    import drive`, `# df = pd.read_csv(...)`), or "". With ``read_at`` (the line that read the
    name), a line inside a `def` body is skipped when ``read_at`` stands outside it: uncommented,
    it would bind a local of that function only."""
    if "#" not in code or name not in code:
        return ""
    lines = code[:50_000].splitlines()
    for at, line in enumerate(lines):
        if "#" not in line or name not in line:
            continue
        if read_at and _local_of_a_def_above(lines, at, read_at):
            continue
        m = _COMMENTED.match(line)
        if m and name in m.group(1):
            statement = " ".join(m.group(1).split())
            if _binds(statement, name):
                return statement[:80]
    return ""


def _local_of_a_def_above(lines: list[str], at: int, read_at: str) -> bool:
    """Line ``at`` lies in the body of a `def` that the line ``read_at`` (found in ``lines``
    at a smaller indentation) is not in."""
    indent = len(lines[at]) - len(lines[at].lstrip())
    reads = [
        len(ln) - len(ln.lstrip())
        for ln in lines
        if read_at.strip() and ln.strip() == read_at.strip()
    ]
    if not reads or min(reads) >= indent:
        return False
    for above in reversed(lines[:at]):
        code = above.split("#", 1)[0]
        level = len(above) - len(above.lstrip())
        if not code.strip() or level >= indent:
            continue
        if re.match(r"\s*(?:async\s+)?def\s", code):
            return level >= min(reads)
        indent = level
    return False


# A commented-out statement that can bind a name: an import, an assignment, a def or a class.
_COMMENTED = re.compile(
    r"^\s*#+\s*((?:from\s+[\w.]+\s+)?import\s.*|[A-Za-z_][\w\s,]*=[^=].*|(?:def|class)\s.*)$"
)


def _binds(statement: str, name: str) -> bool:
    """True when ``statement`` is one line of Python that binds ``name`` without reading it
    (not prose after a `#`, not `df = df.dropna()`, not an unfinished `model = f([`)."""
    if statement.startswith(("def ", "class ")):
        statement += "\n    pass" if statement.endswith(":") else ""
    try:
        tree = ast.parse(statement)
    except (SyntaxError, ValueError):
        return False
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            bound.add(node.name)
    return name in bound and name not in read


def commented_hint(name: str, statement: str, where: str = "this cell", sibling: str = "") -> str:
    if sibling:
        # `#X_test = test.drop([...])` under the live `X_train = train.drop([...])`: switched off
        # on purpose, perhaps because it failed (a column the other frame lacks): both readings
        return (
            f"`{name}` would be defined by a line that is commented out in {where} "
            f"(`# {statement}`), unlike the same line for `{sibling}` beside it: remove the `#` "
            "and run it, and if that line fails (the reason it may have been switched off), "
            "fix what it reads."
        )
    return (
        f"`{name}` would be defined by a line that is commented out in {where} "
        f"(`# {statement}`): remove the `#` and run it."
    )


def live_twin(code: str, statement: str) -> str:
    """The name a live line of ``code`` assigns with the same statement as the commented-out
    ``statement`` but for other names (`X_train = train.drop(cols)` for `X_test =
    test.drop(cols)`), or ""."""
    commented = _assignment_shape(statement)
    if commented is None:
        return ""
    for line in code.splitlines():
        if line.lstrip().startswith("#") or "=" not in line:
            continue
        live = _assignment_shape(line.strip())
        if live is not None and live[1] == commented[1] and live[0] != commented[0]:
            return live[0]
    return ""


def _assignment_shape(statement: str) -> tuple[str, str] | None:
    """(target, the value's syntax with every name blanked) of a one-name assignment, or None."""
    try:
        tree = ast.parse(statement)
    except (SyntaxError, ValueError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
        return None
    target = tree.body[0].targets
    if len(target) != 1 or not isinstance(target[0], ast.Name):
        return None
    value = tree.body[0].value
    if not isinstance(value, ast.Call):
        return None  # `x = 0` beside `y = 0`: no twin worth naming
    blank = ast.dump(value).replace("'", "")
    blank = re.sub(r"Name\(id=\w+", "Name(id=_", blank)
    return target[0].id, blank


def subscript_of(line: str, name: str) -> str:
    """``df`` when the failing line reads ``df[name]``: the name may be a column or key that
    lacks its quotes. "" otherwise."""
    if "[" not in line:
        return ""
    return next((obj for obj, key in _SUBSCRIPT.findall(line) if key == name), "")


_SUBSCRIPT = re.compile(r"([A-Za-z_][\w.]*)\[\s*([A-Za-z_]\w*)\s*\]")


def _binds_variable(code: str, name: str) -> bool:
    """``code`` gives ``name`` a value, also as one of several (`i, j = 0, 1`, `for i, j in`,
    a comprehension's `for i in`, a parameter, `as i`, `i :=`)."""
    n = re.escape(name)
    return bound_in(code, name) or bool(
        re.search(
            rf"^[ \t]*[\w, ()*]*\b{n}\b[\w, ()*]*=(?!=)|\bfor\b[^\n]*?\b{n}\b[^\n]*?\bin\b"
            rf"|\bdef[ \t]+\w+[ \t]*\([^)]*\b{n}\b|\bas[ \t]+{n}\b|\b{n}[ \t]*:=",
            code,
            re.M,
        )
    )


def indexed_by_variables_hint(
    line: str, obj: str, name: str, nowhere: str, code: str | None
) -> str:
    """When the failing line indexes ``obj`` with other bare names besides ``obj[name]``
    (`l[i], l[j] = l[j], l[ii]`) that ``code`` (with the line) binds, its subscripts are
    variables, not keys to quote: the hint names the one ``name`` is a slip of, else asks to
    check it against them. "" otherwise, and when the other names are bound nowhere either
    (`df[Sex], df[Survived]`: columns all written without quotes). ``code`` None: the
    notebook is unseen, so the line's other subscripts are taken as its variables."""
    beside = []
    code = None if code is None else f"{code}\n{line}"
    for other, key in _SUBSCRIPT.findall(line):
        if other != obj or key == name or key in beside or keyword.iskeyword(key):
            continue
        if code is None or _binds_variable(code, key):
            beside.append(key)
    if not beside:
        return ""
    close = [
        c
        for c in beside
        if any(name[:k] + name[k + 1 :] == c for k in range(len(name)))
        or any(c[:k] + c[k + 1 :] == name for k in range(len(c)))
    ]
    if len(close) == 1:
        meant = close[0]
        return (
            f"{nowhere}, but this line indexes `{obj}` with `{meant}`: did you mean "
            f"`{obj}[{meant}]`?"
        )
    shown = ", ".join(f"`{c}`" for c in beside[:3])
    return (
        f"{nowhere}, and this line indexes `{obj}` by variables ({shown}): check the spelling "
        f"of `{name}` against them, or assign it before this line."
    )


def top_level_assignment(sources, name: str) -> str:
    """The first line of ``sources`` that assigns ``name``, in a cell that binds it at its top
    level (not only inside a function), shortened; "" when none does."""
    lines = _top_level_assignments(sources, name)
    return " ".join(lines[0].split())[:60] if lines else ""


def quotes_hint(obj: str, name: str) -> str:
    """The advice for ``obj[name]`` with an undefined ``name``."""
    return f"if it is a column name or a key, put it in quotes: `{obj}['{name}']`"


# scikit-learn's fitted attributes (a trailing `_`), each with the estimators that set it in
# `fit`: a NameError on one is the attribute read without its object.
_FITTED_ATTRIBUTES = {
    **dict.fromkeys(
        ("best_params_", "best_score_", "best_estimator_", "cv_results_", "best_index_"),
        ("a search (`GridSearchCV`, `RandomizedSearchCV`)", "grid"),
    ),
    **dict.fromkeys(("coef_", "intercept_"), ("a linear model", "model")),
    "feature_importances_": ("a tree model (a forest, boosting)", "model"),
    **dict.fromkeys(("cluster_centers_", "labels_", "inertia_"), ("a clustering (`KMeans`)", "km")),
    **dict.fromkeys(
        ("explained_variance_ratio_", "explained_variance_", "components_"),
        ("a `PCA`", "pca"),
    ),
}


def fitted_attribute_hint(name: str, code: str = "") -> str:
    """`best_params_` read bare: no variable, the attribute of a fitted scikit-learn object;
    "" for other names. The notebook analysis asks only when no cell binds the name. A class
    of ``code`` that sets `self.coef_` itself (a model written by hand) meant its own."""
    if name not in _FITTED_ATTRIBUTES:
        return ""
    if re.search(rf"\bself\.{re.escape(name)}\s*=(?!=)", code):
        return (
            f"`{name}` is no variable: your class sets it as `self.{name}`, so read it as "
            f"`self.{name}` in its methods."
        )
    owner, example = _FITTED_ATTRIBUTES[name]
    return (
        f"`{name}` is no variable: scikit-learn sets it on {owner} when it is fitted, so read "
        f"it from your object, e.g. `{example}.{name}`."
    )


def undefined_name_hint(p: ParsedError, f: Facts, what: str) -> str:
    """The hint of an undefined name used as a ``what`` (variable, function or class): its
    import, a Python 3 replacement, a close name of the user's code, or where to define it.

    When: NameError. The hint cannot see the notebook's other cells, so it never claims that a
    cell assigns the name (the notebook analysis says so when it knows)."""
    name = f.get("name", "")
    special = special_name_hint(p, name)
    if special:
        return special
    if f.get("replacement"):
        return f"`{name}` is Python 2; in Python 3 use {as_code(f['replacement'])}."
    # `labels_ = [...]` in a cell that has not run: the user's own variable, no fitted attribute
    fitted = "" if bound_in(p.code_seen, name) else fitted_attribute_hint(name, p.code_seen)
    if fitted:
        return fitted
    statement = import_for(name, p.user_line or p.user_code)
    if passed_as_own_keyword(p.user_line, name):
        statement, what = "", "variable"  # `explode=explode`: a value, not pyspark's function
    if statement:
        return strptime_of_a_column(p.user_line, name) or missing_import_hint(name, statement)
    compared = compared_instead_of_assigned(p.user_line, name, "\n".join(own_lines(p)))
    if compared:
        return compared_hint(name, compared)
    local = _local_read_at_top_level(p, name) if what == "variable" else ""
    if local:
        # `def func1(): num = 12` then `print(num)` below it: no cell to run, no word to quote
        return (
            f"`{name}` is set only inside `{local}()` of this cell, a local that is gone once "
            f"the function returns: `return {name}` from it and keep the result, `{name} = "
            f"{local}(…)`."
        )
    did = re.search(r"Did you mean:? '?(\w+)'?", p.message)
    if did:
        suggestion = f"`{did.group(1)}`"
    else:
        # Only names that close_matches could return at all are weighed as misspellings: a big
        # cell has thousands of identifiers, and this runs on every NameError.
        candidates = [
            c
            for c in possibly_close(name, _code_names(p, callables=what != "variable"))
            if is_misspelling(name, c) and not keyword.iskeyword(c)  # `elif` is never a value
        ]
        suggestion = suggest(name, candidates)
    todo = "assigns" if what == "variable" else "defines or imports"
    if suggestion:
        return (
            f"`{name}` has no value in this kernel: did you mean {suggestion}? If not, run the "
            f"cell that {todo} it first, if there is one."
        )
    commented = commented_definition(p.user_code, name, p.user_line)
    if commented:
        return commented_hint(name, commented)
    obj = subscript_of(p.user_line, name) if what == "variable" else ""
    others = [c for c in p.notebook_code if p.user_line.strip() not in c]  # not the crash cell
    assignment = top_level_assignment(others, name) if obj else ""
    if assignment:
        # `history_last[fold]` where a cell sets `fold = 'fold_' + str(i)`: a variable of the
        # notebook, not a key without quotes (quoting it would look up the word itself)
        return (
            f"`{name}` has no value in this kernel, though a cell assigns it (`{assignment}`): "
            "run that cell first, and check that it ran to that line without failing."
        )
    unset = f"`{name}` has no value in this kernel"
    seen = p.code_seen if p.notebook_code else None  # (None: the line's cell alone)
    beside = indexed_by_variables_hint(p.user_line, obj, name, unset, seen) if obj else ""
    if beside:
        return beside
    if obj:
        return (
            f"`{name}` has no value in this kernel: {quotes_hint(obj, name)}. If it is a "
            "variable, assign it first (or run the cell that does)."
        )
    # every cell but the crash's own (a copy of the failing line elsewhere counts as a cell)
    rest = [c for c in p.notebook_code if c.strip() != p.user_code.strip()]
    # a one-letter name (`x`, `y`) is as often a loop's or a plot's as the one line's that sets
    # it: which one is meant here is a guess
    only = _only_assignment(rest, name) if what == "variable" and len(name) > 1 else ""
    if only and only_closes(p.user_code, name):
        only = ""  # `conn.close()` before `conn` was made: running its maker first then closes it
    if only and p.cell_lines and local_of_a_function("\n".join(own_lines(p)), name):
        only = ""  # `def step(): psi_new = ...` in this very cell: its own name, not that cell's
    if only:
        # One cell gives the name its value, from other names: whatever the order the counts
        # tell, running that line is what the crash lacks (several cells: which one is meant
        # is a guess, so the general advice speaks)
        return (
            f"`{name}` has no value in this kernel, though a cell assigns it (`{only}`): "
            "run that cell first, and check that it ran to that line without failing."
        )
    if name.isalpha() and re.fullmatch(rf"print\(\s*{re.escape(name)}\s*\)", p.user_line.strip()):
        # `print(sachin)`: a word alone (no digit or `_` of a code name) printed is as often
        # text without its quotes
        return (
            f"`{name}` has no value in this kernel: if a cell assigns it, run that cell first; if "
            f"you meant the word itself, put it in quotes, `print('{name}')`."
        )
    subject = f"`{name}`" if what == "variable" else f"The {what} `{name}`"
    return (
        f"{subject} has no value in this kernel: if a cell {todo} it, run that cell first (and "
        "check that it did not fail); if none does, define or import it, or check the spelling."
    )


def compared_hint(name: str, value: str) -> str:
    """`key == cv2.waitKey()` alone on its line: the comparison's result is dropped."""
    return (
        f"`{name} == {value}` only compares `{name}` with a value (and needs `{name}` to exist "
        f"already); to give `{name}` that value, write one `=`: `{name} = {value}`."
    )


def _local_read_at_top_level(p: ParsedError, name: str) -> str:
    """The function of the crash cell whose local ``name`` is (no top-level line of the cell
    binds it), when the failing line is the cell's own top-level code; else ""."""
    users = [frame for frame in p.frames if frame.is_user]
    if len(users) != 1 or not p.cell_lines:
        return ""  # the failing line is inside a function: its scope rules differ
    code = "\n".join(own_lines(p))
    if bound_at_top_level(code, name):
        return ""
    return function_with_local(code, name)


def _undefined_variable(p, f):
    return undefined_name_hint(p, f, "variable")


def _undefined_function(p, f):
    return undefined_name_hint(p, f, "function")


def _undefined_class(p, f):
    return undefined_name_hint(p, f, "class")


def _read_before_assignment(p, f):
    frame = raised_outside_notebook(p)
    if frame is not None and frame.library and any(e == "KeyboardInterrupt" for e, _ in p.chain):
        # the library was stopped by an interrupt and its cleanup read a local the interrupted
        # line never set: the interrupt is the cause, no input of the user's
        return (
            f"The cell was interrupted (KeyboardInterrupt) while `{frame.library}` was running, "
            f"and its cleanup then read `{f.get('name')}`, which the interrupted line never set: "
            "run the cell again and let it finish (if it hangs, find out what it waits for)."
        )
    if frame is not None and frame.library:
        # keras' `predict` reads its own `batch_outputs`: no function of the user's to change
        return (
            f"`{f.get('name')}` is a local variable of `{frame.library}`'s own code, read before "
            "it got a value: a branch or loop there did not run (often because the input is "
            f"empty): check that the data you pass is not empty, and that your `{frame.library}` "
            "version fits your code."
        )
    name = f.get("name", "")
    if name and _assigned_above_in_a_branch(p, name):
        # The assignment is above the read: only a branch or loop that did not run skips it.
        return (
            f"`{name}` is assigned above this line only inside an `if`/`else`, loop or `try` "
            "that did not assign it this time: give it a value before that block, or in every "
            "branch (or check that the branch reads the name you meant)."
        )
    if p.last_frame is not None and "<locals>." in p.last_frame.function:
        # A nested function (a closure handed to a library): an extra argument is not passed
        # to it, and `global` does not reach the enclosing function's variable.
        inner = p.last_frame.function.rsplit(".", 1)[-1]
        return (
            f"`{name}` is assigned inside the nested function `{inner}`, so Python treats it as "
            "local there, but it is read before that line: give it a value before that line, or "
            f"declare `nonlocal {name}` in `{inner}` to use the enclosing function's `{name}`."
        )
    added = adds_to_itself(p.last_frame.failing_line if p.last_frame else p.user_line, name)
    if added:
        return _accumulator_hint(p, name, added)
    function = p.last_frame.function if p.last_frame is not None else ""
    if function and _only_the_functions_result(p, name, function):
        # `kernel_x = filter_y.T` in the function whose own result is `filter_y`: no outer
        # value exists to pass in or make global; the read is early, or of a misspelt name
        return (
            f"`{name}` is read in `{function}()` before the line there that assigns it, and "
            f"outside the function it is only that function's result, so there is no value to "
            f"pass in: give it a value before that line, or read the name you meant there."
        )
    own = ("\n".join(own_lines(p)),) if p.cell_lines else ()
    if name and defines_callable("\n".join((*p.notebook_code, *own)), name):
        # `accuracy_score = accuracy_score(y, pred)` in a function, the name imported (or a
        # `def`) outside: the function meant the outer function, which no argument or `global`
        # gives back once the name is rebound; the local needs a name of its own
        return (
            f"`{name}` is imported or defined outside (a module, function or class), but this "
            f"function also assigns `{name}`, so inside it the name is local and the outer "
            f"`{name}` is not read: give the value assigned there another name (e.g. "
            f"`{name}_value`)."
        )
    if name and _top_level_assignments((*p.notebook_code, *own), name):
        # a value of that name exists outside the function: the function meant to read it
        return (
            f"`{name}` is assigned inside the function, so Python treats it as local there, "
            "but it is read before that line: pass it in as an argument (or declare it `global`)."
        )
    # no outer value of that name is seen: the function's own assignment was skipped (a loop
    # over nothing, an `except` that swallowed the error before it) or comes too late
    where = f" in `{function}()`" if function and not function.startswith("<") else ""
    return (
        f"`{name}` is read{where} before any line there gave it a value: the line that assigns "
        "it comes later, or sits in a loop, `if` or `try` that skipped it this time (a loop over "
        "nothing, an `except` that caught an error first); make it run before this line."
    )


def _only_the_functions_result(p: ParsedError, name: str, function: str) -> bool:
    """The cells seen bind ``name`` outside any function only from a call of ``function``
    (`fx, fy = get_filters(im)`), and at least once (bound nowhere, it is no result either).
    Each cell is read alone: the traceback's lines of a function lose their indentation."""
    sources = p.notebook_code or ("\n".join(p.user_code.splitlines()[-p.cell_lines :]),)
    if not (p.cell_lines or p.notebook_code):
        return False
    trees = [python_tree(to_python(source)[0]) for source in sources if name in source]
    if not trees or None in trees:
        return False  # a cell that mentions the name but cannot be read may bind it
    results = 0
    for statement in (s for tree in trees for s in tree.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        stores = [
            n
            for n in ast.walk(statement)
            if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
        ]
        if not stores:
            continue
        value = getattr(statement, "value", None)
        called = isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] == function
        if not (isinstance(statement, ast.Assign) and called):
            return False
        results += 1
    return results > 0


def adds_to_itself(line: str, name: str) -> str:
    """The operator (`+=`) when ``line`` changes ``name`` from its own value (`total += x`): an
    accumulator that the function reads before giving it a start value. "" otherwise."""
    m = re.match(r"\s*([A-Za-z_]\w*)\s*([-+*/%@&|^]|//|\*\*|<<|>>)=(?!=)", line)
    return f"{m.group(2)}=" if m and m.group(1) == name else ""


def start_number(op: str) -> str:
    """The start value to offer an accumulator changed by ``op``: `0` for a sum (`+=`), `1` for
    a product (`*=`); "" for any other operator (`remain -= p`: what is left of a whole, a
    budget), since a guessed number (0) would run on with wrong results."""
    return {"+=": "0", "*=": "1"}.get(op, "")


def _accumulator_hint(p: ParsedError, name: str, op: str) -> str:
    """`total += x` in a function with no `total = 0` above: the start value is missing. When a
    cell sets `total` at the top level (other than from this function's own result), or the
    notebook's cells are not seen, the function may have meant that one, with `global`: then
    both readings."""
    function = (p.last_frame.function if p.last_frame else "").rsplit(".", 1)[-1]
    where = f"`{function}`" if function and function != "<module>" else "the function"
    number = start_number(op)
    start = (
        f"`{name} = {number}` (or its start value)" if number else f"`{name} = …` (its start value)"
    ) + f" at the top of {where}"
    outside = not p.notebook_code or [
        line
        for line in _top_level_assignments(p.notebook_code, name)
        if not (function and assigns_a_call_of(line, function))
    ]
    if not outside:
        return (
            f"`{name} {op} …` changes `{name}` before {where} gave it a value (a name assigned "
            f"in a function is local to it): set {start}."
        )
    return (
        f"`{name} {op} …` makes `{name}` local to {where}, where it has no value yet: to count "
        f"within the function, set {start}; to change the notebook's `{name}`, declare "
        f"`global {name}` at the top of {where}."
    )


def _only_assignment(sources, name: str) -> str:
    """The line that assigns ``name`` at a cell's top level, shortened, when one cell of
    ``sources`` does and its first such line does not read ``name`` itself (`x = x + 1`, `x +=`
    need a value already); "" otherwise."""
    cells = [source for source in sources if _top_level_assignments([source], name)]
    if len(cells) != 1:
        return ""
    # a `def`'s own `model = {}` is no line the cell runs to give the name: not the one to quote
    lines = _top_level_assignments([_outside_functions(cells[0])], name)
    if not lines:
        return ""
    line = lines[0]
    target = _ASSIGNED_ALL.match(line)
    if target.group(0).endswith(("+=", "-=")):
        return ""
    if re.search(rf"\b{re.escape(name)}\b", line[target.end() - 1 :]):
        return ""
    return " ".join(line.split())[:60]


def _outside_functions(source: str) -> str:
    """``source`` without the bodies of its `def`s and `class`es (blank lines in their place)."""
    kept, body = [], None
    for line in source.splitlines():
        stripped = line.lstrip()
        depth = len(line) - len(stripped)
        if body is not None and (not stripped or depth > body):
            kept.append("")
            continue
        body = depth if re.match(r"(?:async\s+)?(?:def|class)\b", stripped) else None
        kept.append(line)
    return "\n".join(kept)


def _top_level_assignments(sources, name: str) -> list[str]:
    """The lines assigning ``name`` in the cells of ``sources`` that bind it at their top level."""
    return [
        line
        for source in sources
        if name in source and name in analyse_cell(source).defines
        for line in source.splitlines()
        if (target := _ASSIGNED_ALL.match(line))
        and name in target.group(1).replace(" ", "").split(",")
    ]


def _assigned_above_in_a_branch(p, name: str) -> bool:
    """The function that raised is a `def` of the notebook whose body assigns `name` (`name =`)
    above the failing line, indented deeper than the body's first line."""
    frame = p.last_frame
    if frame is None or not frame.failing_line.strip() or not frame.function:
        return False
    function = frame.function.rsplit(".", 1)[-1]
    for code in (*p.notebook_code, p.user_code):
        start = re.search(rf"^([ \t]*)def\s+{re.escape(function)}\s*\(", code, re.M)
        if not start:
            continue
        body = code[start.end() :]
        at = body.find(frame.failing_line.strip())
        if at < 0:
            continue
        lines = [line for line in body[:at].splitlines()[1:] if line.strip()]
        if not lines:
            return False
        top = len(lines[0]) - len(lines[0].lstrip())
        assigns = re.compile(rf"^([ \t]*){re.escape(name)}\s*(?:[-+*/]?=)(?!=)")
        return any((m := assigns.match(line)) and len(m.group(1)) > top for line in lines)
    return False


HINTS: dict[str, Template] = {
    UNDEFINED_VARIABLE: _undefined_variable,
    UNDEFINED_FUNCTION: _undefined_function,
    UNDEFINED_CLASS: _undefined_class,
    UNBOUND_LOCAL: _read_before_assignment,
}
