"""What the user's code defines: whether a name is a function of theirs (a ``def``, a class, a
``lambda`` or an import) and whether such a ``def`` returns a value.

A template whose cause rests on a definition reads it here, and speaks only when the code shows
it: "an assignment replaced the function" needs a function of that name somewhere, "it has no
``return``" a ``def`` without one. The code read is the notebook's code cells when the record
carries them (``ParsedError.notebook_code``), else what the crash shows (the cell and the
traceback's lines): then an answer of "not defined" is only "not defined in what was seen".
"""

from __future__ import annotations

import ast
import re

from .name_reads import assigns_a_call_of
from .traceback import ParsedError


def seen_code(p: ParsedError) -> tuple[str, bool]:
    """(the code to search, whether it is the whole notebook)."""
    return p.code_seen, bool(p.notebook_code)


def defines_callable(code: str, name: str) -> bool:
    """``code`` binds ``name`` to something callable: ``def``/``class``, ``= lambda`` or an
    import (``import name``, ``import m as name``, ``from m import name``)."""
    n = re.escape(name)
    if re.search(
        rf"^[ \t]*(?:(?:async[ \t]+)?def|class)[ \t]+{n}\b|^[ \t]*{n}[ \t]*=[ \t]*lambda\b",
        code,
        re.M,
    ):
        return True
    return imports_name(code, name)


def case_twin(name: str, sources) -> str:
    """A function or class that ``sources`` define or import under ``name`` written with other
    capitals (`Model` for `model`), or ""."""
    code = "\n".join(sources)
    words = set(re.findall(rf"\b(?i:{re.escape(name)})\b", code)) - {name}
    return next((w for w in sorted(words) if defines_callable(code, w)), "")


def assigned_case_twin(name: str, code: str) -> str:
    """A variable that ``code`` assigns under ``name`` written with other capitals (`X` for
    `x`; also as the first of several targets, `X, y = ...`), or ""."""
    words = set(re.findall(rf"\b(?i:{re.escape(name)})\b", code)) - {name}
    assigned = (
        w for w in sorted(words) if re.search(rf"^[ \t]*{w}[ \t]*(?:,[^=\n]*)?=(?!=)", code, re.M)
    )
    return next(assigned, "")


def assigned_values(code: str, name: str) -> list[str]:
    """The values of the lines of ``code`` that assign ``name`` alone (`name = value`), as
    written, in order."""
    values = re.findall(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)[ \t]*(.*)$", code, re.M)
    return [v.strip() for v in values]


def binds(code: str, name: str) -> bool:
    """``code`` gives ``name`` a value (an assignment, `def`, `class`, `for` or import), or may
    give names values unseen (`from m import *`, `%run`, `exec(...)`, `%store -r`, `globals()`)."""
    return bound_in(code, name) or bool(_UNSEEN_NAMES.search(code))


_UNSEEN_NAMES = re.compile(r"\bimport[ \t]+\*|^[ \t]*%(?:run|store)\b|\bexec\(|\bglobals\(\)", re.M)


def function_parameters(code: str, function: str) -> list[list[str]]:
    """The parameter names of each `def function(...)` in ``code``, in order (`*args` as `args`);
    a header that does not parse is left out."""
    found = []
    for m in re.finditer(
        rf"^[ \t]*(?:async[ \t]+)?def[ \t]+{re.escape(function)}[ \t]*\(", code, re.M
    ):
        depth, end = 1, m.end()
        while depth and end < len(code):
            depth += {"(": 1, ")": -1}.get(code[end], 0)
            end += 1
        try:
            header = ast.parse(f"def f({code[m.end() : end - 1]}):\n pass").body[0]
        except (SyntaxError, ValueError):
            continue
        arguments = header.args
        every = [*arguments.posonlyargs, *arguments.args, arguments.vararg, *arguments.kwonlyargs]
        found.append([a.arg for a in (*every, arguments.kwarg) if a is not None])
    return found


def imports_name(code: str, name: str) -> bool:
    """An import statement of ``code`` binds ``name`` (``import name``, ``import a.b`` binds
    ``a``, ``import m as name``, ``from m import name``)."""
    imports = re.finditer(r"^[ \t]*(from[ \t]+[\w.]+[ \t]+)?import[ \t]+([^\n#;]+)", code, re.M)
    for m in imports:
        for item in m.group(2).strip().strip("()").split(","):
            words = item.split()
            if not words:
                continue
            # `import a.b` binds `a`; `import a as b` and `from m import a as b` bind `b`
            bound = words[-1] if "as" in words or m.group(1) else words[0].split(".")[0]
            if bound == name:
                return True
    return False


def passed_as_own_keyword(line: str, name: str) -> bool:
    """`ax.pie(sizes, explode=explode)`: the name is a variable passed to the parameter of its
    own name, not the library function a table knows by that name."""
    if "=" not in line or line.count(name) < 2:
        return False  # (no compile of the name's pattern where it cannot match)
    n = re.escape(name)
    return re.search(rf"(?<![\w.]){n}\s*=\s*{n}\b(?!\s*[(.\[])", line) is not None


def compared_instead_of_assigned(line: str, name: str, code: str) -> str:
    """The failing ``line`` is a statement of its own that only compares ``name`` (`key ==
    cv2.waitKey()`), whose result is dropped: `=` was meant. Returns the value's text, else "".
    Not the last line of the cell ``code`` at its top level: IPython shows that one's value (`a
    == b` written to see True or False)."""
    last = next((text for text in reversed(code.splitlines()) if text.strip()), "")
    if last.strip() == line.strip() and not last[:1].isspace():
        return ""
    tree = _statement(line.strip())
    if tree is None or len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return ""
    node = tree.body[0].value
    if not (
        isinstance(node, ast.Compare)
        and isinstance(node.left, ast.Name)
        and node.left.id == name
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.Eq)
    ):
        return ""
    return ast.get_source_segment(line.strip(), node.comparators[0]) or ""


def _statement(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError):
        return None


def imported_from(code: str, name: str) -> str:
    """The module of the last ``from module import name`` line of ``code`` (no `as`), or ""."""
    if not re.fullmatch(r"[A-Za-z_]\w*", name or ""):
        return ""
    # the name itself imported, not an alias (`as name`) nor renamed (`name as x`)
    bound = rf"(?<![\w.])(?<!as ){name}\b(?![ \t]+as\b)"
    found = re.findall(
        rf"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\(?[^\n#;]*?{bound}", code, re.M
    )
    return found[-1] if found else ""


def def_returns_value(code: str, name: str) -> bool | None:
    """Whether a ``def name(...)`` in ``code`` can return a value (a ``return x`` or ``yield`` in
    its body, nested functions included: the safe side), or None when ``code`` has no such
    ``def``."""
    found = False
    lines = code.splitlines()
    start = re.compile(rf"^([ \t]*)(?:async[ \t]+)?def[ \t]+{re.escape(name)}[ \t]*\(")
    for i, line in enumerate(lines):
        m = start.match(line)
        if not m:
            continue
        found = True
        indent = len(m.group(1).expandtabs())
        for body in lines[i + 1 :]:
            body = body.expandtabs()
            outdented = body.strip() and len(body) - len(body.lstrip()) <= indent
            # a comment, or a long signature's closing `):`, does not end the body
            if outdented and not body.lstrip().startswith((")", "#")):
                break
            if re.match(r"\s*(?:return[ \t]+(?!None\s*(?:#|$))\S|yield\b)", body):
                return True
    return False if found else None


# Suffixes of data and image files a notebook reads by name (not `.data` or `.py`: `iris.data` is
# a Bunch's attribute, `setup.py` no expression).
_FILE_SUFFIXES = (
    "csv|tsv|txt|xlsx?|json|png|jpe?g|gif|bmp|tiff?|pdf|hdf5|h5|pkl|pickle|parquet|zip|npy|npz|"
    "wav|mp3|mp4|avi|html|xml|ya?ml|sqlite|docx|pptx|ipynb|joblib|feather|geojson|shp"
)


# `iris-data-set.csv` outside a string: words joined by `-` with no spaces, ending in a file's
# suffix that is not called (`a-b.json()` is a method).
_DASHED_FILE_NAME = re.compile(
    rf"(?<![\w.'\"/\\-])[A-Za-z_]\w*(?:-[A-Za-z_]\w*)+\.(?:{_FILE_SUFFIXES})\b(?!\s*\()"
)


def dashed_file_name(line: str) -> str:
    """A file name with dashes written without quotes on ``line`` (`iris-data-set.csv`), which
    Python reads as subtractions of variables; "" when there is none."""
    if "-" not in line:
        return ""
    found = _DASHED_FILE_NAME.search(line)
    if found is None or _quoted_around(line, found.start()) or "#" in line[: found.start()]:
        return ""  # in a string, or (perhaps) in a comment
    return found.group(0)


def file_read_into(code: str, file_name: str) -> str:
    """The variable the code reads ``file_name`` into (`df = pd.read_csv('…/iris-data-set.csv')`),
    the last such one; "" when none."""
    found = re.findall(
        rf"""^[ \t]*([A-Za-z_]\w*)[ \t]*=[^\n=]*\(\s*[rf]?['"][^'"\n]*{re.escape(file_name)}['"]""",
        code,
        re.M,
    )
    return found[-1] if found else ""


def bound_in(code: str, word: str) -> bool:
    """``code`` gives ``word`` a value: an assignment, a ``def``/``class``, a ``for`` or an
    import of that name."""
    w = re.escape(word)
    return bool(
        re.search(rf"^[ \t]*(?:{w}[ \t]*=(?!=)|(?:def|class|for)[ \t]+{w}\b)", code, re.M)
    ) or imports_name(code, word)


# Calls that take a path: a quoted file name is what they want. Any other call (a chart's
# `kdeplot(sample.csv)`) may want the file's data, which quotes alone do not give.
_TAKES_A_PATH = re.compile(
    r"(?:read|open|load|save|write|to_|imread|imwrite|exists|path|file)", re.I
)


def _unquoted_file_hint(line: str, written: str, at: int) -> str:
    """The hint of a file name written without quotes at ``line[at]``."""
    call = re.findall(r"([A-Za-z_][\w.]*)\s*\(", line[:at])
    if not call or _TAKES_A_PATH.search(call[-1].rsplit(".", 1)[-1]):
        return f"`{written}` is a file name without quotes: write it as a string, `'{written}'`."
    return (
        f"`{written}` is a file name without quotes: if `{call[-1]}` takes a path, write "
        f"`'{written}'`; if it needs the file's data, load it first (e.g. "
        f"`pd.read_csv('{written}')`) and pass that."
    )


def _unquoted_path(line: str, name: str, code: str) -> str:
    """`pd.read_csv(Users/me/Documents/week4)`: ``name`` starts a run of `/`-joined words
    without spaces, given to a call that takes a path, and the code defines none of the words:
    a path without quotes (no file suffix, which ``name_slip`` reads first). Else ""."""
    found = re.search(rf"(?<![\w.'\"/\\]){re.escape(name)}((?:/[\w.-]+)+)", line)
    if found is None or _quoted_around(line, found.start()):
        return ""
    call = re.findall(r"([A-Za-z_][\w.]*)\s*\(", line[: found.start()])
    if not call or not _TAKES_A_PATH.search(call[-1].rsplit(".", 1)[-1]):
        return ""  # `np.log(a/b)`: a division is as likely
    words = [re.match(r"[\w]*", part).group(0) for part in found.group(1).split("/")[1:]]
    if not any(re.search(r"[A-Za-z]", w) for w in words):
        return ""  # `read(n/2)`: a number divides
    if any(bound_in(code, w) for w in [name, *words] if w.isidentifier()):
        return ""  # `load(data_dir/name)`: variables the notebook defines, divided
    return found.group(0)


def _subtracts_a_variable(code: str, text: str) -> bool:
    """A word after a `-` in ``text`` is a name ``code`` defines: a subtraction (`total -tax`),
    not a command's option or a file name's dash (`credit-a.csv`)."""
    return any(bound_in(code, word) for word in re.findall(r"-([A-Za-z_]\w*)", text))


def _quoted_around(line: str, at: int) -> bool:
    """``line[at]`` lies inside a string literal (an odd number of quotes of a kind before)."""
    before = line[:at]
    return before.count("'") % 2 == 1 or before.count('"') % 2 == 1


def _lambda_parameter_in_other_case(line: str, name: str) -> str:
    """The parameter of a `lambda` on ``line`` that is ``name`` in other capitals, when that
    lambda's body reads ``name`` and not the parameter itself (`lambda debt: ... Debt > 1000`);
    a body that reads both (`lambda x: x / X.max()`) means two values; else ""."""
    for params, body in re.findall(r"\blambda\b([^:]*):([^\n]*)", line):
        if not re.search(rf"(?<![\w.'\"]){re.escape(name)}\b", body):
            continue
        for param in re.findall(r"[A-Za-z_]\w*", params):
            own = re.search(rf"(?<![\w.'\"]){re.escape(param)}\b", body)
            if param != name and param.lower() == name.lower() and not own:
                return param
    return ""


def _default_reads_parameter(line: str, name: str) -> tuple[str, str] | None:
    """(function, parameter) when ``line`` is a `def` whose default value of ``parameter``
    reads ``name``, another parameter of the same function; else None."""
    if not re.match(r"(?:async\s+)?def\s", line):
        return None
    try:
        tree = ast.parse(line.rstrip() + "\n    pass")
    except SyntaxError:  # a signature spread over several lines: not read here
        return None
    node = tree.body[0] if tree.body else None
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    a = node.args
    positional = [*a.posonlyargs, *a.args]
    pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults, strict=True)) + [
        (arg, d) for arg, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None
    ]
    params = {arg.arg for arg in [*positional, *a.kwonlyargs]}
    if name not in params:
        return None
    for arg, value in pairs:
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value)):
            return node.name, arg.arg
    return None


def name_slip(p: ParsedError, name: str) -> str | None:
    """Slips the code shows around the name: an exercise's blank (`____`), `=` typed for `.`
    before a module's function (`sns=histplot(...)`), a submodule imported under another name
    (`import torchvision.models as models` binds no `torchvision`)."""
    if re.fullmatch(r"_{2,}", name):
        return (
            f"`{name}` is a blank left to fill in (an exercise's placeholder): replace it with "
            "your code."
        )
    line = p.user_line.strip()
    # Not a method (`response.json()`): a call reads the name as an object.
    # (each check below first asks the line for the text its pattern needs: a name's pattern is
    # a compile of ≈60 µs, and most lines hold none of these slips)
    unquoted = any(name + sign in line for sign in "./-") and re.search(
        rf"(?<![\w.'\"/\\]){re.escape(name)}(?:-\w+)*(?:/[\w.-]+)*\.({_FILE_SUFFIXES})\b(?!\s*\()",
        line,
    )
    code, _ = seen_code(p)
    if unquoted and _subtracts_a_variable(code, unquoted.group(0)):
        unquoted = None  # `total-tax.txt` is no file name when the code defines `tax`
    if unquoted and not _quoted_around(line, unquoted.start()):
        # `pd.read_excel(file.xlsx)`, `Image.open(data/img.jpg)`: Python reads `file` as a
        # variable (and the rest as attributes or divisions), so the NameError comes first.
        return _unquoted_file_hint(line, unquoted.group(0), unquoted.start())
    path = _unquoted_path(line, name, code) if name + "/" in line else ""
    if path:
        return (
            f"`{path}` is a path without quotes (Python reads it as divisions of variables): "
            f"write it as a string, `'{path}'` (the full path, with the file's extension if it "
            "has one)."
        )
    arithmetic = _subtracts_a_variable(code, line)
    shell = r"(?:[ \t]+--?[A-Za-z][\w-]*(?:[ \t]+[^\s#]+)*)+"
    command = line.startswith(name) and re.fullmatch(rf"{re.escape(name)}{shell}", line)
    if not arithmetic and command:
        # `tesseract --version` parses as `tesseract - (-version)`.
        return f"`{line}` is a shell command, not Python: run it in a cell as `!{line}`."
    snappy = line.startswith(name + "-")
    if not arithmetic and snappy and re.fullmatch(rf"{re.escape(name)}(?:-[A-Za-z]\w*)+", line):
        # `python-snappy` parses as `python - snappy`.
        return (
            f"Python reads `{line}` as a subtraction, `{name} - {line.split('-', 1)[1]}`: a "
            f"package name belongs in `%pip install {line}`, a command on a line starting `!`."
        )
    pasted = re.fullmatch(r"([A-Z]\w*)\s*:\s*\[([^\]]*)\]", line)
    if pasted and re.search(rf"(?<![\w.]){re.escape(name)}\b", pasted.group(2)):
        # pandas prints "Columns: [a, b]": pasted as code it is an annotation, and Python
        # evaluates the names in it
        return (
            f"`{pasted.group(1)}: [...]` is printed output pasted into the cell (Python reads it "
            "as an annotation and looks its names up): delete the line or make it a comment."
        )
    parameter = _lambda_parameter_in_other_case(line, name) if "lambda" in line else ""
    if parameter:
        # `map(lambda debt: 'High' if Debt > 1000 else 'Low')`: a global of that name would be
        # a column or key read by chance; the lambda's own parameter is what its body reads
        return (
            f"`{name}` is not defined, but the lambda's parameter is `{parameter}`: Python names "
            f"are case-sensitive; write `{parameter}` in the lambda's body."
        )
    default = _default_reads_parameter(line, name)
    if default:
        function, parameter = default
        return (
            f"The default value of `{parameter}` in `def {function}(...)` reads `{name}`, another "
            "parameter: defaults are computed once, when the `def` runs, before any call passes "
            f"`{name}`. Default it to `None` and compute it inside the function from `{name}`."
        )
    dotted = line.startswith(name + ".") and re.match(rf"{re.escape(name)}\.(\w+)\s*=(?!=)", line)
    sibling = (
        dotted
        and name + "_" in p.user_code
        and re.search(rf"^[ \t]*({re.escape(name)}_\w+)[ \t]*=(?!=)", p.user_code, re.M)
    )
    if dotted and sibling:
        # `history.rnn = fit(...)` in a cell that also assigns `history_lstm = fit(...)`
        meant = f"{name}_{dotted.group(1)}"
        return (
            f"`{name}.{dotted.group(1)} = ...` sets an attribute of `{name}`, which is not "
            f"defined; as this cell also assigns `{sibling.group(1)}`, you probably meant the "
            f"variable `{meant}`: write `{meant} = ...`."
        )
    typed = assigns_a_call_of(p.user_line, name) and re.search(
        rf"\b([A-Za-z_]\w*)\s*=\s*{re.escape(name)}\s*\(", p.user_line
    )
    if typed and imports_name(code, typed.group(1)):
        # The NameError came before the assignment: the module's name still holds the module.
        alias = typed.group(1)
        return f"`{alias}={name}(` has `=` where a `.` belongs: write `{alias}.{name}(...)`."
    spaced = (f"{a}{name}{b}" for a in " \t" for b in ". \t")  # as `import`/`from` need it
    sub = any(word in code for word in spaced) and re.search(
        rf"^[ \t]*(?:import[ \t]+({re.escape(name)}\.[\w.]+)[ \t]+as[ \t]+(\w+)"
        rf"|from[ \t]+({re.escape(name)}(?:\.[\w.]+)?)[ \t]+import[ \t]+(\w+))",
        code,
        re.M,
    )
    if sub and not defines_callable(code, name):
        module, bound = sub.group(1) or sub.group(3), sub.group(2) or sub.group(4)
        how = f"import {module} as {bound}" if sub.group(1) else f"from {module} import {bound}"
        used = re.search(rf"\b{re.escape(name)}\.(\w+)\b(?!\s*\()", p.user_line)
        # `mlflow.start_run(...)` calls a function, which no `import` of its own can bind
        if used and re.search(rf"\b{re.escape(name)}\.{used.group(1)}\.\w", p.user_line):
            # `sklearn.metrics.f1_score(...)`: a subpackage, whose own import binds the package
            sub = f"{name}.{used.group(1)}"
            return (
                f"`{how}` binds `{bound}`, not `{name}`: add `import {sub}` (which binds "
                f"`{name}` too)."
            )
        also = (
            f" (a subpackage such as `{name}.{used.group(1)}` may need its own "
            f"`import {name}.{used.group(1)}`)"
            if used
            else ""
        )
        return f"`{how}` binds `{bound}`, not `{name}`: add `import {name}`{also}."
    return None


def only_closes(source: str, name: str) -> bool:
    """Every line of ``source`` that mentions ``name`` closes it (`conn.close()`): running its
    maker first and then this cell would close the fresh object the cells after it need."""
    word = re.compile(rf"\b{re.escape(name)}\b")
    closing = re.compile(
        rf"\s*{re.escape(name)}\.(?:close|disconnect|quit|shutdown|stop|release|terminate)\(\)\s*;?\s*"
    )
    lines = [x for x in source.splitlines() if word.search(x)]
    return bool(lines) and all(closing.fullmatch(x) for x in lines)
