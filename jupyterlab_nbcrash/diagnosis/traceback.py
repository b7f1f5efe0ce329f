"""Parse an error output the way notebooks store it into a ``ParsedError``.

Handles every frame style IPython/ipykernel have printed over the years (``<ipython-input-N-h> in
<module>``, ``<tempdir>/ipykernel_P/N.py in <module>``, ``Input In [N], in <module>``,
``Cell In[N], line M``, ``File path:123, in f(...)`` and the plain ``File "...", line N, in f``),
ANSI colour codes, chained exceptions and lower-case or missing exception names. It never raises:
any text gives some ``ParsedError``. Work is linear in the text and capped for huge tracebacks.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .exception_names import CANONICAL
from .record import ErrorRecord

# Huge tracebacks (deep recursion) repeat themselves: keep the head and the tail only.
MAX_LINES = 2_500
HEAD_LINES = 200
MAX_LINE = 4_000  # characters kept of any single line
MAX_FRAMES = 100  # frames kept per exception block (the deepest ones)
MAX_MESSAGE = 4_000
MAX_EXTRACTED = 20

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b")

# A block header: "ValueError        Traceback (most recent call last)" or the plain Python one.
_HEADER = re.compile(
    r"^\s*(?:(?P<name>[A-Za-z_][\w.]*)\s+)?Traceback \(most recent call last\):?\s*$"
)
_CHAIN = re.compile(
    r"^\s*(During handling of the above exception, another exception occurred"
    r"|The above exception was the direct cause of the following exception)"
)
# Google Colab saved every error's value as this word for a few years; the traceback's last line
# still holds the real message.
COLAB_PLACEHOLDER = "ignored"
_SEPARATOR = re.compile(r"^-{20,}\s*$")

# Frame headers, newest IPython first.
_CELL_IN = re.compile(
    r"^\s*Cell In ?\[(?P<n>\d*)\], line (?P<line>\d+)(?:, in (?P<func><[^>]*>|[^\s(]+))?"
)
_INPUT_IN = re.compile(r"^\s*Input In ?\[(?P<n>\d*)\](?:, in (?P<func><[^>]*>|[^\s(]+))?")
_FILE_COLON = re.compile(
    r"^\s*File (?P<file>[^\s\"].*?):(?P<line>\d+)(?:, in (?P<func><[^>]*>|[^\s(]+))?"
)
_FILE_CLASSIC = re.compile(
    r"^\s*File \"(?P<file>[^\"]+)\", line (?P<line>\d+)(?:, in (?P<func><[^>]*>|[^\s(]+))?"
)
_FILE_IN = re.compile(
    r"^(?P<file><[^>]+>|(?:[A-Za-z]:)?[^:<>\"]*?\.(?:py|pyc|pyo|pyx|pxi|pxd|pyd|so))"
    r" in (?P<func><[^>]*>|[\w.<>?]+)"
)
# Code lines of a frame: "----> 3 code", "-> 1318 code", "      2 code", "   3815 code".
_CODE = re.compile(r"^\s*(?P<arrow>-*>)?\s*(?P<no>\d+)(?: (?P<code>.*))?$")
# An exception line: "ValueError: message", "tensorflow.python...InvalidArgumentError: msg".
_EXC_LINE = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)(?:(?P<colon>:)\s?(?P<msg>.*))?$")

# A notebook cell's code: IPython 7 (`<ipython-input-5-9f1e>`), ipykernel's temp files, and
# Colab's newer `/tmp/ipython-input-12-2538972458.py` and `/tmp/ipython-input-635693387.py`.
_USER_FILE = re.compile(
    r"^<ipython-input-\d+-[0-9a-f]+>$|ipykernel_\d+[\\/]\d+\.py$|^<timed "
    r"|[\\/]ipython-input-\d+(?:-[0-9a-f]+)?\.py$"
)
_PKG_DIRS = ("site-packages", "dist-packages")
_STDLIB_PATH = re.compile(r"[\\/]lib[\\/](?:python\d[\d.]*[\\/])?[^\\/]+(?:[\\/]|\.py)", re.I)

# Packages that only pass an exception through (compatibility shims, the kernel itself).
GLUE_PACKAGES = frozenset(
    {"six", "decorator", "wrapt", "IPython", "ipykernel", "traitlets", "typing_extensions"}
)
# IPython's translation of a line magic that runs a Python statement (`%timeit x = f()`), old
# (`.magic(u'timeit x')`) and new (`.run_line_magic('timeit', 'x')`): the statement, a literal.
_STATEMENT_MAGIC = re.compile(
    r"^get_ipython\(\)\.(?:magic\((?P<old>u?(['\"])(?:timeit|time|prun)\s.*\2)\)"
    r"|run_line_magic\((['\"])(?:timeit|time|prun)\3,\s*(?P<new>u?(['\"]).*\5)\))\s*$"
)


def _magic_statement(line: str, frames: tuple[Frame, ...]) -> str:
    """The statement a `%timeit`/`%time`/`%prun` line runs, when it raised in that statement (or
    a library it called) rather than in IPython's handling of the magic: the user's line is then
    the statement, not IPython's call of the magic. No options (`-n 10`): the text is taken as
    is. Otherwise the line unchanged."""
    m = _STATEMENT_MAGIC.match(line.strip()) if "get_ipython" in line else None
    if m is None or not frames or frames[-1].library in GLUE_PACKAGES:
        return line
    try:
        text = ast.literal_eval(m.group("old") or m.group("new"))
    except (SyntaxError, ValueError):
        return line
    if not isinstance(text, str):
        return line
    if m.group("old"):
        text = text.split(None, 1)[1] if len(text.split(None, 1)) == 2 else ""
    text = text.strip()
    return line if not text or text.startswith("-") or "\n" in text else text


# Import names that belong to a bigger library for the purpose of the label.
LIBRARY_ALIASES = {
    "keras": "tensorflow",
    "tf_keras": "tensorflow",
    "tensorflow_core": "tensorflow",
    "tensorflow_estimator": "tensorflow",
    "keras_preprocessing": "tensorflow",
    "torchvision": "torch",
    "torchaudio": "torch",
    "torchtext": "torch",
    "mpl_toolkits": "matplotlib",
    "scikit_learn": "sklearn",
}

_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) | {"__future__", "_bootstrap"}


@dataclass(frozen=True)
class Frame:
    """One stack frame as printed in the traceback."""

    filename: str
    function: str = ""
    lineno: int | None = None
    code_lines: tuple[str, ...] = ()
    failing_line: str = ""
    is_user: bool = False  # a notebook cell (or %%time cell) frame
    library: str | None = None  # top-level package of a third-party frame
    package: str | None = None  # top-level module of any non-user frame, stdlib included


@dataclass(frozen=True)
class ParsedError:
    """What the rules, the model and the hints read about one crash."""

    ename: str
    message: str
    qualified_ename: str = ""
    frames: tuple[Frame, ...] = ()
    user_line: str = ""
    # The user's code the crash shows: the traceback's lines of notebook cells, then the
    # crashing cell's own code (``cell_lines`` lines at its end; 0 when the record has none).
    user_code: str = ""
    cell_lines: int = 0
    # The sources of the notebook's code cells when the record carries the notebook, else ():
    # for the templates whose condition is a definition in another cell (`definitions.py`).
    notebook_code: tuple[str, ...] = ()
    library: str | None = None
    libraries: tuple[str, ...] = ()
    chain: tuple[tuple[str, str], ...] = ()
    # The chain's first error was raised in a notebook cell (a function the user wrote).
    chain_root_in_cell: bool = False
    names: tuple[str, ...] = ()
    shapes: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    text: str = ""
    # Packages (stdlib included) of all non-user frames, outermost first: for rules such as
    # "a socket/urllib frame means a network failure".
    packages: tuple[str, ...] = field(default=())
    # The library whose API the user's code called: the outermost library frame of the raised
    # exception (seaborn when seaborn called matplotlib that raised). Agrees more often with the
    # study's library labels than the deepest frame (dev file 100 vs 91 of 157 crashes with frames).
    api_library: str | None = None
    # Saved by Google Colab, which writes "ignored" for an error output's message: the notebook
    # ran on Colab even when no frame's path says so.
    saved_by_colab: bool = False

    @property
    def last_frame(self) -> Frame | None:
        return self.frames[-1] if self.frames else None

    @property
    def code_seen(self) -> str:
        """The code the templates search: the notebook's cells (when the record carries them),
        then the crash's own code. Without the notebook it is only what the crash shows."""
        return "\n".join((*self.notebook_code, self.user_code))

    @property
    def head(self) -> str:
        """'Ename: message' as Python prints it."""
        return f"{self.ename}: {self.message}" if self.message else self.ename


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text) if "\x1b" in text else text


@lru_cache(maxsize=2048)  # the same library files appear in crash after crash
def top_package(path: str, function: str = "") -> tuple[str | None, bool]:
    """(top-level module, is_stdlib) of a frame's file; (None, False) for unknown user files."""
    parts = [p for p in re.split(r"[\\/]+", path) if p]
    low = [p.lower() for p in parts]
    for marker in _PKG_DIRS:
        if marker in low:
            i = len(low) - 1 - low[::-1].index(marker)
            rest = parts[i + 1 :]
            while rest and (rest[0].endswith((".egg", ".egg-link")) or rest[0].startswith("_")):
                if rest[0].startswith("_") and len(rest) == 1:
                    break
                if rest[0].endswith((".egg", ".egg-link")):
                    rest = rest[1:]
                else:
                    break
            if not rest:
                return None, False
            return _module_name(rest[0]), False
    if path.startswith("<frozen "):
        return path[8:-1].split(".")[0], True
    if path.startswith("<"):
        return None, False
    m = _STDLIB_PATH.search(path)
    if m:
        after = path[m.start() :]
        seg = [p for p in re.split(r"[\\/]+", after) if p]
        # seg: ['lib', 'python3.8', 'urllib', 'request.py'] or ['lib', 'json', ...] (Windows)
        seg = seg[1:]
        if seg and re.match(r"python\d", seg[0], re.I):
            seg = seg[1:]
        if seg:
            name = _module_name(seg[0])
            if name in _STDLIB:
                return name, True
    # Cython frames print a package-relative path: "pandas/_libs/parsers.pyx".
    if len(parts) >= 2 and not re.match(r"^(?:[A-Za-z]:|~|\.)", path) and not path.startswith("/"):
        first = parts[0]
        if first == "src" and len(parts) >= 3 and path.endswith((".pyx", ".pxi", ".pxd")):
            # a src-layout build (`src/gurobipy/gurobi.pxi`): `src` is a folder, no package
            first = parts[1]
        if re.fullmatch(r"[A-Za-z_]\w*", first):
            return first, first in _STDLIB
    if function and "." in function and path.endswith((".pyx", ".pxi")):
        first = function.split(".")[0]
        return first, first in _STDLIB
    return None, False


def _module_name(part: str) -> str:
    for ext in (".py", ".pyc", ".pyx", ".pyd", ".so"):
        if part.endswith(ext):
            return part[: -len(ext)].split(".")[0]
    return part


def library_of(package: str | None) -> str | None:
    if not package:
        return None
    return LIBRARY_ALIASES.get(package, package)


class _FrameBuilder:
    __slots__ = ("classic", "code", "failing", "filename", "function", "is_user", "lineno")

    def __init__(self, filename, function, lineno, is_user, classic):
        self.filename = filename
        self.function = function or ""
        self.lineno = lineno
        self.is_user = is_user
        self.classic = classic
        self.code: list[str] = []
        self.failing = ""

    def add_code(self, line: str) -> bool:
        """Take a code line of this frame; False when the line is not code."""
        if self.classic:
            stripped = line.strip()
            if not line[:1].isspace() or not stripped:
                return False
            if not stripped.strip("^~ "):  # only ^~ markers (no two sets built a code line)
                return True
            if len(self.code) < 3:
                self.code.append(stripped)
                if not self.failing:
                    self.failing = stripped
            return True
        m = _CODE.match(line)
        if not m:
            return False
        code = (m.group("code") or "").rstrip()
        if len(self.code) < 40:
            self.code.append(code.strip())
        if m.group("arrow"):
            self.failing = code.strip()
            if self.lineno is None:
                self.lineno = int(m.group("no"))
        return True

    def build(self) -> Frame:
        package = is_std = None
        if not self.is_user:
            package, is_std = top_package(self.filename, self.function)
        library = None if (self.is_user or is_std) else library_of(package)
        return Frame(
            filename=self.filename,
            function=self.function,
            lineno=self.lineno,
            code_lines=tuple(self.code),
            failing_line=self.failing,
            is_user=self.is_user,
            library=library,
            package=package,
        )


def _frame_header(line: str) -> _FrameBuilder | None:
    if "Cell In" in line:
        m = _CELL_IN.match(line)
        if m:
            return _FrameBuilder(
                f"Cell In[{m['n']}]", m["func"] or "<module>", int(m["line"]), True, False
            )
    if ".ipynb Cell " in line:
        m = _VSCODE_CELL.match(line)
        if m:
            # a function of the cell keeps its name; the cell's own lines are `<module>`'s
            func = m["func"] or ""
            func = func.split("(", 1)[0] if func and not func.startswith("<cell") else "<module>"
            return _FrameBuilder(f"Cell {m['n']}", func, None, True, False)
    if "Input In" in line:
        m = _INPUT_IN.match(line)
        if m:
            return _FrameBuilder(f"Input In [{m['n']}]", m["func"] or "<module>", None, True, False)
    if "File" in line:
        m = _FILE_CLASSIC.match(line)
        if m:
            f = m["file"]
            return _FrameBuilder(f, m["func"] or "", int(m["line"]), _is_user_file(f), True)
        m = _FILE_COLON.match(line)
        if m:
            f = m["file"].strip()
            return _FrameBuilder(f, m["func"] or "", int(m["line"]), _is_user_file(f), False)
    if " in " in line and not line[:1].isspace():
        m = _FILE_IN.match(line)
        if m:
            f = m["file"]
            return _FrameBuilder(f, m["func"], None, _is_user_file(f), False)
    return None


def _is_user_file(filename: str) -> bool:
    return bool(_USER_FILE.search(filename))


def is_cell_file(filename: str) -> bool:
    """``filename`` is a notebook cell's (`/tmp/ipykernel_41/2358.py`), not a module file."""
    return _is_user_file(filename)


def _looks_like_exception(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return (
        last.lower() in CANONICAL
        or last.endswith(("Error", "Exception", "Warning", "Exit", "Interrupt", "Iteration"))
        or last.lower().endswith(("error", "exception"))
    )


@dataclass
class _Block:
    header: str = ""
    frames: deque = field(default_factory=lambda: deque(maxlen=MAX_FRAMES))
    exc_name: str = ""
    exc_msg: list = field(default_factory=list)


# One string literal of a list's repr; the last one may be cut off (no closing quote).
_REPR_ITEM = re.compile(r"""'(?:[^'\\]|\\.)*(?:'|\\?$)|"(?:[^"\\]|\\.)*(?:"|\\?$)""", re.S)
_REPR_SEP = re.compile(r"\s*,\s*")


def unrepr(traceback: tuple[str, ...] | list[str]) -> tuple[str, ...] | list[str]:
    """Some exporters store the traceback list as its Python repr in a single string, and some
    cut that string off at a length limit: read what is there."""
    if len(traceback) == 1 and isinstance(traceback[0], str):
        text = traceback[0].strip()
        if text.startswith(("['", '["')) and len(text) < 2_000_000:
            try:
                value = ast.literal_eval(text)
            except Exception:  # cut off, or not a list literal after all
                return _unrepr_prefix(text) or traceback
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return value
    return traceback


def _literal(literal: str) -> str | None:
    try:
        value = ast.literal_eval(literal)
    except Exception:
        return None
    return value if isinstance(value, str) else None


def _cut_literal(literal: str) -> str | None:
    """A string literal cut off anywhere, even inside an escape (``\\x1``): what it had."""
    quote, body = literal[0], literal[1:]
    if body.endswith(quote) and not body.endswith("\\" + quote):
        body = body[:-1]
    for drop in range(6):  # the longest escape cut short: \\uXXX
        value = _literal(quote + body[: len(body) - drop] + quote)
        if value is not None:
            return value
    return None


def _unrepr_prefix(text: str) -> list[str] | None:
    """The string items of a list repr that was cut off somewhere; None if it is not one."""
    items: list[str] = []
    pos = 1
    while pos < len(text):
        m = _REPR_ITEM.match(text, pos)
        if m is None:
            return None
        literal = m.group(0)
        pos = m.end()
        complete = len(literal) > 1 and literal.endswith(literal[0]) and pos < len(text)
        item = _literal(literal) if complete else _cut_literal(literal)
        if item is None:
            return None
        items.append(item)
        if not complete:
            break
        sep = _REPR_SEP.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    return items or None


def _split_lines(traceback: tuple[str, ...] | list[str]) -> list[str]:
    traceback = unrepr(traceback)
    lines: list[str] = []
    for entry in traceback:
        if not isinstance(entry, str):
            continue
        lines.extend(entry.split("\n"))
        if len(lines) > 4 * MAX_LINES:
            # Keep the head and the newest part; the middle of a huge traceback repeats itself.
            lines = lines[:HEAD_LINES] + lines[-MAX_LINES:]
    if len(lines) > MAX_LINES + HEAD_LINES:
        lines = [*lines[:HEAD_LINES], "[... lines skipped ...]", *lines[-MAX_LINES:]]
    return [_vscode_line(strip_ansi(line[:MAX_LINE]).rstrip("\r")) for line in lines]


# VS Code writes a cell's line numbers as links (`<a href='vscode-notebook-cell:…'>3</a> code`)
# under a header naming the notebook's cell (`…\\nb.ipynb Cell 42 in <cell line: 3>()`).
_VSCODE_LINK = re.compile(r"<a href='vscode-notebook-cell:[^']*'>(\d+)</a>")
# A code line (`----> 2 raise ValueError('see run.ipynb Cell 4 in loader')`) is no header.
# Older VS Code marks the cell's number with a prime (`nb.ipynb Cell 5' in <cell line: 4>()`).
_VSCODE_CELL = re.compile(
    r"^(?!-*>|\s*\d+\s)\S.*?\.ipynb Cell (?P<n>\d+)'?(?: line \d+| in (?P<func>.*))?\s*$"
)


def _vscode_line(line: str) -> str:
    """A VS Code code line as IPython writes it (`----> 3 code`)."""
    return _VSCODE_LINK.sub(r"\1", line) if "vscode-notebook-cell" in line else line


def _parse_blocks(lines: list[str]) -> list[_Block]:
    blocks = [_Block()]
    frame: _FrameBuilder | None = None
    in_message = False
    for line in lines:
        block = blocks[-1]
        if line.startswith("---") and _SEPARATOR.match(line):
            continue
        if "Traceback (most recent call last)" in line:
            m = _HEADER.match(line)
            if m:
                if frame:
                    block.frames.append(frame)
                    frame = None
                if block.frames or block.exc_name or block.header:
                    blocks.append(_Block())
                blocks[-1].header = m["name"] or ""
                in_message = False
                continue
        if (
            "exception" in line
            and _CHAIN.match(line)
            and (block.exc_name or block.frames or frame is not None)
        ):
            if frame:
                block.frames.append(frame)
                frame = None
            blocks.append(_Block())
            in_message = False
            continue
        if in_message:
            if len(block.exc_msg) < 60:
                block.exc_msg.append(line)
            continue
        header = _frame_header(line)
        if header is not None:
            if frame:
                block.frames.append(frame)
            frame = header
            continue
        if frame is not None and frame.add_code(line):
            continue
        if not line.strip() or line[:1].isspace():
            continue
        m = _EXC_LINE.match(line.strip())
        if m and (m["colon"] or _looks_like_exception(m["name"])):
            name = m["name"]
            if (
                frame is not None or block.frames or block.header or _looks_like_exception(name)
            ) and _plausible_name(name, block):
                if frame:
                    block.frames.append(frame)
                    frame = None
                block.exc_name = name
                block.exc_msg = [m["msg"] or ""]
                in_message = True
    if frame:
        blocks[-1].frames.append(frame)
    kept = [b for b in blocks if b.frames or b.exc_name or b.header]
    for b in kept:  # build only the frames kept (the deque holds the deepest MAX_FRAMES)
        b.frames = deque((fb.build() for fb in b.frames), maxlen=MAX_FRAMES)
    return kept


def _plausible_name(name: str, block: _Block) -> bool:
    last = name.rsplit(".", 1)[-1]
    if block.header and last == block.header.rsplit(".", 1)[-1]:
        return True
    return _looks_like_exception(name)


# Private subclasses Python raises under a public name's meaning: Python 3.13's codeop raises
# `_IncompleteInputError` (a SyntaxError) for a cell that ends inside an open bracket.
_PUBLIC_NAMES = {"_IncompleteInputError": "SyntaxError"}


def _canonical(ename: str, tb_names: list[str]) -> tuple[str, str]:
    """(canonical class name, dotted name if any) from the record's ename and the traceback."""
    raw = ename.strip()
    qualified = ""
    if "." in raw:
        qualified = raw
        raw = raw.rsplit(".", 1)[-1]
    for full in reversed(tb_names):
        short = full.rsplit(".", 1)[-1]
        if raw and short.lower() == raw.lower():
            if "." in full and not qualified:
                qualified = full
            return short, qualified
    if raw and raw != raw.lower():
        return raw, qualified  # a live kernel's ename is already canonical
    if raw:
        return CANONICAL.get(raw.lower(), raw), qualified
    if tb_names:
        full = tb_names[-1]
        return full.rsplit(".", 1)[-1], full if "." in full else ""
    return "", ""


_QUOTED = re.compile(r"""(?<![\w])['"`‘“]([^'"`’”\n]{1,200})['"`’”]""")
_IDENT = re.compile(r"^[A-Za-z_][\w.]*$")
_SHAPE = re.compile(
    r"\((?:None|\?|-?\d+)(?:,\s*(?:None|\?|-?\d+))*,?\)|\[(?:None|\?|\d+)(?:,\s*(?:None|\?|\d+))+\]"
    r"|\b\d+x\d+(?:x\d+)*\b|\b(?:torch\.)?Size\(\[[\d, ]*\]\)"
)
_MODULE = re.compile(
    r"No module named ['\"]?(?P<m>[\w.]+)|cannot import name ['\"]?[\w.]+['\"]? from "
    r"['\"]?(?P<f>[\w.]+)"
    r"|module ['\"](?P<a>[\w.]+)['\"] has no attribute"
)
_LIST_KEYS = re.compile(
    r"\[([^\[\]]{1,2000})\] (?:not in index|not found in axis|not contained in axis)"
)


def _extract(message: str, ename: str) -> tuple[tuple, tuple, tuple, tuple]:
    msg = message[:MAX_MESSAGE]
    quoted = _QUOTED.findall(msg)
    names = _uniq(q for q in quoted if _IDENT.match(q))
    shapes = _uniq(s for s in _SHAPE.findall(msg))
    modules = _uniq(m["m"] or m["f"] or m["a"] for m in _MODULE.finditer(msg))
    keys: list[str] = []
    listed = _LIST_KEYS.search(msg)
    if listed:
        keys = re.findall(r"'([^']*)'|\"([^\"]*)\"", listed.group(1))
        keys = [a or b for a, b in keys]
    elif ename == "KeyError":
        stripped = msg.strip()
        m = re.fullmatch(r"""(['"])(.*)\1""", stripped, re.S)
        if m:
            keys = [m.group(2)]
            # pandas' GroupBy words its missing column "Column not found: x": the key is x
            column = re.fullmatch(r"Column not found: (.+)", keys[0], re.S)
            keys = [column.group(1)] if column else keys
            # `agg` given a dict of columns the frame lacks: "Column(s) ['x', 'y'] do not exist"
            listing = re.fullmatch(r"(?:Column|Label)\(s\) \[(.*)\] do not exist", keys[0], re.S)
            if listing:
                keys = [a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", listing[1])]
        elif stripped:
            keys = [stripped]
    return names, shapes, tuple(keys[:MAX_EXTRACTED]), modules


def _uniq(items) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
            if len(seen) >= MAX_EXTRACTED:
                break
    return tuple(seen)


def _cell_shown_as_a_file(frames: list[Frame], code: str) -> list[Frame]:
    """The frames with the first one read as the cell's when IPython printed the cell under an
    installed file's name (`…/gpflow/__init__.py in <module>()` showing the cell's own line):
    a cell's run always starts in the cell, so a traceback whose outermost frame is a file's
    module level, with no cell frame anywhere, and whose line is a line of the cell's code, is
    the cell's. The frames unchanged otherwise."""
    first = frames[0]
    if any(f.is_user for f in frames) or first.function != "<module>" or not first.failing_line:
        return frames
    if first.failing_line.strip() not in (line.strip() for line in code.splitlines()):
        return frames
    return [replace(first, is_user=True, library=None, package=None), *frames[1:]]


def parse(record: ErrorRecord) -> ParsedError:
    """Parse one error record; never raises on any text."""
    try:
        return _parse(record)
    except Exception:  # pragma: no cover - a last resort: a diagnosis must never crash
        ename = strip_ansi(str(getattr(record, "ename", "") or ""))[:200]
        evalue = strip_ansi(str(getattr(record, "evalue", "") or ""))[:MAX_MESSAGE]
        return ParsedError(ename=CANONICAL.get(ename.lower(), ename), message=evalue)


def _parse(record: ErrorRecord) -> ParsedError:
    lines = _split_lines(record.traceback)
    blocks = _parse_blocks(lines)
    tb_names = [b.exc_name or b.header for b in blocks if b.exc_name or b.header]
    ename, qualified = _canonical(strip_ansi(record.ename or ""), tb_names)
    ename = _PUBLIC_NAMES.get(ename, ename)

    last = blocks[-1] if blocks else _Block()
    tb_msg = "\n".join(last.exc_msg).strip()
    evalue = strip_ansi(record.evalue or "").strip()
    message = evalue
    if tb_msg and (
        not evalue
        or evalue == COLAB_PLACEHOLDER
        or (evalue in tb_msg and len(tb_msg) > len(evalue))
    ):
        message = tb_msg
    if message == COLAB_PLACEHOLDER:
        # Colab saved the error without its message: nothing in it names a key, column or name.
        message = ""
    if len(message) > MAX_MESSAGE:
        # TensorFlow's "Graph execution error" lists a stack before the real error at the end.
        half = MAX_MESSAGE // 2
        message = f"{message[:half]}\n[...]\n{message[-half:]}"
    if not qualified and "." in last.exc_name and last.exc_name.rsplit(".", 1)[-1] == ename:
        qualified = last.exc_name

    chain = tuple(
        (
            (b.exc_name or b.header).rsplit(".", 1)[-1],
            "\n".join(b.exc_msg).strip()[:500],
        )
        for b in blocks[:-1]
        if b.exc_name or b.header
    )

    if len(blocks) == 1 and last.frames:
        shown = _cell_shown_as_a_file(list(last.frames), record.code or "")
        last.frames = deque(shown, maxlen=MAX_FRAMES)
    frames = tuple(last.frames)
    all_frames = [f for b in blocks for f in b.frames]
    user_line = ""
    for f in reversed(frames):
        if f.is_user and f.failing_line:
            user_line = f.failing_line
            break
    if not user_line:
        for f in reversed(all_frames):
            if f.is_user and f.failing_line:
                user_line = f.failing_line
                break
    user_line = _magic_statement(user_line, frames)

    library = None
    for source in (frames, all_frames):
        for f in reversed(source):
            if f.library and f.library not in GLUE_PACKAGES:
                library = f.library
                break
        if library:
            break
    api_library = None
    for source in (frames, all_frames):
        api_library = next(
            (f.library for f in source if f.library and f.library not in GLUE_PACKAGES), None
        )
        if api_library:
            break
    libraries = _uniq(f.library for f in all_frames if f.library)
    packages = _uniq(f.package for f in all_frames if f.package)

    code_parts: list[str] = []
    seen: set[str] = set()
    for f in all_frames:
        if f.is_user:
            for c in f.code_lines:
                if c and c not in seen:
                    seen.add(c)
                    code_parts.append(c)
    if record.code:
        code_parts.append(record.code[:100_000])
    names, shapes, keys, modules = _extract(message, ename)
    return ParsedError(
        ename=ename,
        message=message,
        qualified_ename=qualified,
        frames=frames if frames else tuple(all_frames[-MAX_FRAMES:]),
        user_line=user_line,
        user_code="\n".join(code_parts),
        cell_lines=len(record.code[:100_000].splitlines()) if record.code else 0,
        notebook_code=tuple(
            c.source
            for c in (record.notebook.cells if record.notebook else ())
            if c.cell_type == "code"
        ),
        library=library,
        libraries=libraries,
        chain=chain,
        chain_root_in_cell=bool(chain and blocks[0].frames and blocks[0].frames[-1].is_user),
        names=names,
        shapes=shapes,
        keys=keys,
        modules=modules,
        text="\n".join(lines),
        packages=packages,
        api_library=api_library,
        saved_by_colab=evalue == COLAB_PLACEHOLDER,
    )
