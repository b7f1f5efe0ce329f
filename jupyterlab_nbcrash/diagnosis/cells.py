"""Which names a notebook cell defines, uses and changes: a def/use analysis with Python's ``ast``.

Cells are IPython, not Python: ``%magic``, ``%%cell magic``, ``!shell``, ``x?`` and ``files = !ls``
are rewritten to plain Python with the same line numbers first, and a cell that still does not
parse is read statement by statement, with a line-based fallback for the pieces that never parse.
Results are cached by source, so a 5,000-cell notebook costs one analysis per distinct cell, and
the syntax trees by text (``python_tree``), so that the other readers of a cell's tree do not
parse it again.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Cell magics whose body is Python that runs in the user namespace (not %%timeit: it runs the
# body inside a function, so nothing it assigns survives).
_PYTHON_CELL_MAGICS = frozenset({"time", "capture", "prun", "debug"})
# Line magics that run the rest of the line as Python in the user namespace.
_PYTHON_LINE_MAGICS = frozenset({"time", "prun", "debug"})
# Methods that change their object each time they run (so re-running the cell is not harmless).
# Of those, the ones whose result is used too (`last = stack.pop()` still changes `stack`).
_RETURNING_METHODS = frozenset({"pop", "popitem"})
_MUTATING_METHODS = frozenset(
    {"append", "extend", "insert", "pop", "remove", "add", "popitem", "appendleft", "extendleft"}
)

# Methods that give the same result when applied again (`df = df.dropna()` twice is harmless).
_IDEMPOTENT_METHODS = frozenset(
    {
        *("dropna", "fillna", "ffill", "bfill", "interpolate", "astype", "copy", "sort_values"),
        *("sort_index", "drop_duplicates", "replace", "reshape", "squeeze", "ravel", "flatten"),
        *("strip", "lower", "upper", "round", "abs", "clip", "rename", "infer_objects"),
        *("convert_dtypes", "to_list", "tolist", "unique", "head", "tail", "describe"),
        # tensors: moving or casting again to the same device or dtype changes nothing
        *("to", "cuda", "cpu", "float", "double", "long", "half", "detach", "contiguous"),
        *("to_numpy",),
    }
)
# Functions that give the same result applied to their own output (`pd.to_datetime(s)` twice).
_IDEMPOTENT_FUNCTIONS = frozenset({"to_datetime", "to_numeric", "asarray", "array", "reload"})

_MAGIC = re.compile(r"^(\s*)(%{1,2}|!{1,2})(.*)$")
_ASSIGN_MAGIC = re.compile(r"^(\s*)([\w\s,.()\[\]*]+?)\s*=\s*[%!]")
_HELP = re.compile(r"^(\s*)(\?{1,2}[\w.]+\s*|[\w.\[\]()'\"]+\?{1,2}\s*)$")
_IDENT = re.compile(r"[A-Za-z_]\w*")
_FALLBACK_ASSIGN = re.compile(
    r"^([A-Za-z_][\w\s,*()\[\]]*?)\s*(?:[-+*/%&|^@]|//|\*\*|>>|<<)?=(?!=)"
)
_FALLBACK_DEF = re.compile(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)")
_FALLBACK_IMPORT = re.compile(r"^import\s+(.+)$")
_FALLBACK_FROM = re.compile(r"^from\s+\S+\s+import\s+\(?([^)#]+)")
_CONTINUATION = ("else", "elif", "except", "finally", "case")
_CLOSERS = (")", "]", "}")


@dataclass(frozen=True)
class Mutation:
    """A statement that changes a name's value in a way that depends on its old value."""

    name: str
    line: int
    kind: str  # "reassign", "augmented", "inplace", "del", "method"
    text: str  # e.g. "df = df.drop(...)" shortened, for hints and evidence
    idempotent: bool = False  # running it again changes nothing more (`df = df.dropna()`)


@dataclass(frozen=True)
class CellNames:
    """What one cell does to the notebook's global namespace."""

    defines: frozenset[str] = frozenset()  # module-level names the cell binds
    uses: frozenset[str] = frozenset()  # names it reads (module level and free names in functions)
    def_lines: dict[str, int] = field(default_factory=dict)  # first line binding each name
    use_lines: dict[str, int] = field(default_factory=dict)  # first module-level line reading it
    conditional: frozenset[str] = frozenset()  # bound only under if/while/try
    local_only: frozenset[str] = frozenset()  # bound only inside a function or class body
    deletes: frozenset[str] = frozenset()  # names removed with ``del name``
    mutations: tuple[Mutation, ...] = ()
    strings: frozenset[str] = frozenset()  # string literals (column names, dict keys)
    key_stores: frozenset[tuple[str, str]] = frozenset()  # (name, key) of `name["key"] = ...`
    dynamic: bool = False  # star import, %run, %store -r, exec: may bind names we cannot see
    parsed: bool = True  # False when part of the cell was read by the line fallback

    def mutations_of(self, name: str) -> tuple[Mutation, ...]:
        return tuple(m for m in self.mutations if m.name == name)

    @property
    def rerun_changes(self) -> tuple[Mutation, ...]:
        """The changes that make running this cell twice differ from running it once."""
        return tuple(m for m in self.mutations if not m.idempotent)


# The cache is keyed by source: bound its memory (at most ~40 MB of keys) for long-lived servers
# and batch scans; longer cells are rare and simply analysed again.
CACHE_SIZE = 4096
CACHE_SOURCE_LIMIT = 10_000


def analyse_cell(source: str) -> CellNames:
    """The def/use analysis of one code cell's source (cached by source)."""
    if len(source) > CACHE_SOURCE_LIMIT:
        return _analyse(source)
    return _cached(source)


def clear_cache() -> None:
    _cached.cache_clear()
    _cached_tree.cache_clear()


# One parse per Python text for every reader of a cell's syntax tree: this analysis, where a
# saved failure happened (saved.py) and the fix builder's names (fix_edits.py) read the same cells
# of a notebook, one after the other. Trees are large (≈60 bytes a character of text): fewer are
# kept than analyses, none of a long cell (at most ≈60 MB).
TREE_CACHE_SIZE = 256
TREE_SOURCE_LIMIT = 4_000


def python_tree(code: str) -> ast.Module | None:
    """The syntax tree of Python text (cached, shared: do not change it); None when the text does
    not parse. RecursionError and MemoryError (absurdly nested code) propagate, uncached."""
    if len(code) > TREE_SOURCE_LIMIT:
        return _parse(code)
    return _cached_tree(code)


def local_of_a_function(source: str, name: str) -> bool:
    """A function the cell defines at its top level assigns ``name`` (without `global`): code of
    that cell reading ``name`` means that function's local, not another cell's variable."""
    return bool(function_with_local(source, name))


def function_with_local(source: str, name: str) -> str:
    """The name of the first function the cell defines at its top level that assigns ``name``
    (without `global`, nested functions included), else ""."""
    tree = python_tree(to_python(source)[0])
    functions = [
        n for n in (tree.body if tree is not None else ()) if isinstance(n, ast.FunctionDef)
    ]
    return next(
        (
            f.name
            for f in functions
            if not any(isinstance(g, ast.Global) and name in g.names for g in ast.walk(f))
            and any(
                isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
                for node in ast.walk(f)
            )
        ),
        "",
    )


def bound_at_top_level(source: str, name: str) -> bool:
    """A statement of the cell outside any function or class binds ``name`` (`x = …`, `for x
    in …`, `import x`): its top-level code has its own value."""
    tree = python_tree(to_python(source)[0])
    body = [
        s
        for s in (tree.body if tree is not None else ())
        if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    for node in (n for s in body for n in ast.walk(s)):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
            (a.asname or a.name.split(".")[0]) == name for a in node.names
        ):
            return True
    return False


def assigned_on_the_way(source: str, lineno: int, name: str) -> bool:
    """A plain statement that binds ``name`` (`x = …`, `a, x = f()`) precedes the statement at
    ``lineno`` in one of the blocks that hold it (the cell's top level, a loop's or a `with`'s
    body): whenever the failing line ran, that statement ran just before, in the same pass of
    the loop (`while True: ret, frame = cap.read() … frame.shape`). An assignment under an `if`
    or a `try` of its own is not counted: it may have been skipped."""
    tree = python_tree(to_python(source)[0])
    block = tree.body if tree is not None else []
    while block:
        at = next((s for s in block if s.lineno <= lineno <= (s.end_lineno or s.lineno)), None)
        if at is None:
            return False
        if any(_binds_plainly(s, name) for s in block[: block.index(at)]):
            return True
        if not isinstance(at, ast.For | ast.While | ast.With | ast.AsyncFor | ast.AsyncWith):
            return False
        block = at.body
    return False


def _binds_plainly(statement: ast.stmt, name: str) -> bool:
    """``statement`` is an assignment whose targets bind ``name`` (not reading it first)."""
    if not isinstance(statement, ast.Assign | ast.AnnAssign):
        return False
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    return any(
        isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
        for target in targets
        for n in ast.walk(target)
    )


def _parse(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


_cached_tree = lru_cache(maxsize=TREE_CACHE_SIZE)(_parse)


def _analyse(source: str) -> CellNames:
    code, dynamic, magic_defs = to_python(source)
    collector = _Collector(code.splitlines())
    parsed = True
    try:
        tree = python_tree(code)
        if tree is not None:
            collector.visit(tree)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    if tree is None:
        parsed = _analyse_by_statement(code, collector)
    for name, line in magic_defs.items():
        collector.define(name, line)
    return collector.result(dynamic=dynamic or collector.dynamic, parsed=parsed)


_cached = lru_cache(maxsize=CACHE_SIZE)(_analyse)


def to_python(source: str) -> tuple[str, bool, dict[str, int]]:
    """IPython source → (Python with the same line numbers, may-define-unseen-names, magic defs)."""
    lines = _without_leading_indent(source.splitlines())
    dynamic = False
    defs: dict[str, int] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].lstrip().startswith("%%"):
        words = lines[first].strip()[2:].split()
        magic = words[0] if words else ""
        if magic == "capture" and len(words) > 1 and not words[-1].startswith("-"):
            defs[words[-1]] = first + 1  # %%capture out: binds `out`
        if magic not in _PYTHON_CELL_MAGICS:  # %%bash, %%writefile, %%html ...: no Python
            return "", magic in {"sql", "R", "local"}, defs
        lines[first] = ""
    out = []
    for number, line in enumerate(lines, 1):
        rewritten, is_dynamic = _rewrite_line(line, number, defs)
        dynamic = dynamic or is_dynamic
        out.append(rewritten)
    return "\n".join(out), dynamic, defs


def _rewrite_line(line: str, number: int, defs: dict[str, int]) -> tuple[str, bool]:
    help_match = _HELP.match(line)
    if help_match and "?" in line:
        return help_match.group(1) + "pass", False
    assign = _ASSIGN_MAGIC.match(line)
    if assign and not line.lstrip().startswith(("%", "!")):
        return f"{assign.group(1)}{assign.group(2).strip()} = None", False
    magic = _MAGIC.match(line)
    if not magic:
        return line, False
    indent, sigil, rest = magic.groups()
    if sigil == "%":
        words = rest.split(None, 1)
        name = words[0] if words else ""
        if name in _PYTHON_LINE_MAGICS and len(words) > 1 and not words[1].startswith("-"):
            return indent + words[1], False  # `%time x = f()` runs `x = f()` here
        if name == "store" and len(words) > 1 and words[1].startswith("-r"):
            for stored in words[1].split()[1:]:
                defs.setdefault(stored, number)
            return indent + "pass", len(words[1].split()) == 1
        # `%pylab` star-imports NumPy and pyplot (`plot`, `yscale`, `arange`) unseen
        return indent + "pass", name in {"run", "load", "store", "pylab"}
    return indent + "pass", False


class _Collector(ast.NodeVisitor):
    """Walks one cell, keeping module-level bindings apart from function and class locals."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.defines: dict[str, int] = {}
        self.uses: dict[str, int] = {}
        self.free_uses: set[str] = set()
        self.unconditional: set[str] = set()
        self.local: set[str] = set()
        self.deletes: set[str] = set()
        self.mutations: list[Mutation] = []
        self.strings: set[str] = set()
        self.key_stores: set[tuple[str, str]] = set()
        self.dynamic = False
        self.depth = 0  # function/class/lambda nesting: names bound there are local
        self.comprehension = 0  # comprehension nesting: loop variables are local too
        self.fresh: dict[str, int] = {}  # first unconditional binding that ignores the old value
        self.reading: set[str] = set()  # names the statement being visited reads
        self.comprehension_locals: set[str] = set()
        self.conditional = 0  # if/while/try nesting at module level
        self.discarded: set[int] = set()  # ids of calls that are whole statements

    # --- bookkeeping
    def define(self, name: str, line: int) -> None:
        if self.depth:
            self.local.add(name)
            return
        if self.comprehension:
            self.comprehension_locals.add(name)
            return
        self.defines.setdefault(name, line)
        if not self.conditional:
            self.unconditional.add(name)
            if name not in self.reading:
                self.fresh.setdefault(name, line)

    def use(self, name: str, line: int) -> None:
        if self.depth:
            self.free_uses.add(name)
        else:
            self.uses.setdefault(name, line)

    def mutate(self, name: str, node: ast.AST, kind: str, idempotent: bool = False) -> None:
        if self.depth:
            return
        line = getattr(node, "lineno", 0)
        text = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else kind
        self.mutations.append(Mutation(name, line, kind, text[:80], idempotent))

    def result(self, *, dynamic: bool, parsed: bool) -> CellNames:
        defined = set(self.defines)
        # A change after a fresh binding in the same cell (`xs = []` then `xs.append(1)`) gives
        # the same state on every run: only changes of a value carried over from before count.
        carried = tuple(m for m in self.mutations if self.fresh.get(m.name, m.line + 1) > m.line)
        return CellNames(
            defines=frozenset(defined),
            uses=frozenset(
                (set(self.uses) - (self.comprehension_locals - defined))
                | (self.free_uses - self.local - defined)
            ),
            def_lines=dict(self.defines),
            use_lines=dict(self.uses),
            conditional=frozenset(defined - self.unconditional),
            local_only=frozenset(self.local - defined),
            deletes=frozenset(self.deletes),
            mutations=carried,
            strings=frozenset(self.strings),
            key_stores=frozenset(self.key_stores),
            dynamic=dynamic,
            parsed=parsed,
        )

    # --- bindings
    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.use(node.id, node.lineno)
        elif isinstance(node.ctx, ast.Store):
            self.define(node.id, node.lineno)
        else:  # del name
            if not self.depth:
                self.deletes.add(node.id)
                self.mutate(node.id, node, "del")

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and len(node.value) <= 200:
            self.strings.add(node.value)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.define(alias.asname or alias.name.split(".")[0], node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                self.dynamic = True
            else:
                self.define(alias.asname or alias.name, node.lineno)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:  # a function that assigns a global defines it when called
            self.defines.setdefault(name, node.lineno)

    def _scope(self, node: ast.AST, name: str | None, args: ast.arguments | None, body) -> None:
        for decorator in getattr(node, "decorator_list", ()):
            self.visit(decorator)
        if args is not None:
            for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
                self.visit(default)
        for base in [*getattr(node, "bases", ()), *getattr(node, "keywords", ())]:
            self.visit(base)
        if name is not None:
            self.define(name, node.lineno)
        self.depth += 1
        if args is not None:
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None:
                    self.local.add(arg.arg)
        for statement in body if isinstance(body, list) else [body]:
            self.visit(statement)
        self.depth -= 1

    def visit_FunctionDef(self, node) -> None:
        self._scope(node, node.name, node.args, node.body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._scope(node, node.name, None, node.body)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._scope(node, None, node.args, node.body)

    def _comprehension(self, node) -> None:
        # Loop variables are local to the comprehension; a walrus inside binds outside.
        self.visit(node.generators[0].iter)
        self.comprehension += 1
        for generator in node.generators:
            self.visit(generator.target)
            if generator is not node.generators[0]:
                self.visit(generator.iter)
            for condition in generator.ifs:
                self.visit(condition)
        for part in ("elt", "key", "value"):
            if getattr(node, part, None) is not None:
                self.visit(getattr(node, part))
        self.comprehension -= 1

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        # A walrus binds in the enclosing function or module, even inside a comprehension.
        comprehension, self.comprehension = self.comprehension, 0
        self.define(node.target.id, node.lineno)
        self.comprehension = comprehension

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        for statement in node.body:  # `except E as e`: e is unbound again after the handler
            self.visit(statement)

    def visit_MatchAs(self, node) -> None:
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name:
            self.define(node.name, node.lineno)

    def visit_MatchStar(self, node) -> None:
        if node.name:
            self.define(node.name, node.lineno)

    def visit_MatchMapping(self, node) -> None:
        self.generic_visit(node)
        if node.rest:
            self.define(node.rest, node.lineno)

    # --- control flow: bindings under if/while/try may not happen
    def _conditional(self, node) -> None:
        self.conditional += 1
        self.generic_visit(node)
        self.conditional -= 1

    def visit_If(self, node: ast.If) -> None:
        if _is_main_guard(node.test) and not node.orelse:
            # `if __name__ == "__main__":` always holds in a notebook's kernel
            self.generic_visit(node)
        else:
            self._conditional(node)

    visit_While = visit_Try = _conditional
    visit_TryStar = _conditional

    # --- statements that change a name from its own old value
    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        read = _names_in(node.value)
        self.reading = read
        for target in node.targets:
            self.visit(target)
            for name in _target_names(target):
                if name in read:
                    self.mutate(name, node, "reassign", _idempotent(node.value, name))
            base = _base_name(target)
            slot = isinstance(target, (ast.Subscript, ast.Attribute)) and base in read
            slot_read = slot and _reads_same_slot(node.value, target)
            if slot_read:  # df["a"] = df["a"] * 2
                self.mutate(base, node, "reassign", _idempotent_on(node.value, _load(target)))
            # `df["F"] = ...` stores a key (a column); `df.loc["F"] = ...` a row, no `df["F"]`
            named = isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
            # `df["F"] = f(df["F"])` reads the key before storing it: it converts, never creates
            if named and base and not self.depth and not slot_read:
                key = target.slice
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    self.key_stores.add((base, key.value))
        self.reading = set()

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is None and isinstance(node.target, ast.Name) and not self.depth:
            # `table: pd.DataFrame({...})` (a colon for `=`) annotates the name and binds
            # nothing: the annotation runs, the name stays undefined
            self.visit(node.annotation)
            return
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        self.reading = {_base_name(node.target)}
        self.visit(node.target)
        self.reading = set()
        base = _base_name(node.target)
        if isinstance(node.target, ast.Name):
            self.use(node.target.id, node.lineno)
        if base:
            self.mutate(base, node, "augmented")

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self.visit(target)
            base = _base_name(target)
            if base and not isinstance(target, ast.Name):
                self.mutate(base, node, "del")

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"exec", "globals", "execfile"}:
            self.dynamic = True
        if not isinstance(func, ast.Attribute):
            return
        base = _base_name(func.value)
        if not base:
            return
        inplace = any(
            k.arg == "inplace" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in node.keywords
        )
        if inplace:
            # `df['a'].fillna(0, inplace=True)`: the chain's own methods decide, whatever it starts
            # from (a column of `df` as much as `df` itself).
            self.mutate(base, node, "inplace", _idempotent_on(node, _innermost(node)))
        elif (
            func.attr in _MUTATING_METHODS
            and isinstance(func.value, ast.Name)
            and (id(node) in self.discarded or func.attr in _RETURNING_METHODS)
        ):
            # `xs.append(1)` changes `xs` and returns None, so it stands alone as a statement;
            # `m = np.append(a, 1)` uses its result: a function of a module, nothing changed.
            self.mutate(base, node, "method")

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Call):
            self.discarded.add(id(node.value))
        self.generic_visit(node)


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def repeats_harmlessly(mutation: Mutation, source: str, failing_line: str = "") -> bool:
    """A re-run of the cell ``source`` leaves ``mutation``'s result as it was. Not when the
    mutation comes after ``failing_line`` in that cell: that line then reads what the last run
    made of the value (`s.str.replace` on a column a later line turned into floats)."""
    if not mutation.idempotent:
        return False
    wanted = failing_line.strip()
    # `df['b'] = df['b'].fillna(0)` below a line that reads only `df['a']`: another column.
    slots = re.findall(r"\[\s*['\"]([^'\"]+)['\"]\s*\]|^\s*\w+\.(\w+)\s*=", mutation.text)
    slots = [a or b for a, b in slots]
    if wanted and slots and not any(slot in wanted for slot in slots):
        return True
    if wanted:
        for number, line in enumerate(source.splitlines(), 1):
            if line.strip() == wanted:
                return mutation.line <= number
    return True


def _innermost(node: ast.AST) -> str:
    """The dumped expression a chain of method calls starts from (`df['a']` of
    `df['a'].fillna(0).astype(int)`)."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        node = node.func.value
    return ast.dump(node, annotate_fields=False)


def _load(target: ast.AST) -> str:
    return ast.dump(target, annotate_fields=False).replace("Store()", "Load()")


def _idempotent(value: ast.AST, name: str) -> bool:
    """`name.dropna().astype(int)`, `name = name`, `pd.to_datetime(name)` and the like: applying
    it again changes nothing."""
    return _idempotent_on(value, ast.dump(ast.Name(name, ast.Load()), annotate_fields=False))


def _idempotent_on(value: ast.AST, same: str) -> bool:
    """Idempotent methods or functions applied to the expression dumped as ``same`` (a name
    or a slot such as `df['a']`)."""
    if ast.dump(value, annotate_fields=False) == same:
        return True  # `x = x`
    if isinstance(value, ast.Call) and len(value.args) == 1:
        func = value.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called in _IDEMPOTENT_FUNCTIONS:
            return _idempotent_on(value.args[0], same)
    if _reshaped_to_fixed_shape(value, same):
        return True
    node, methods = value, []
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in _IDEMPOTENT_FUNCTIONS and len(node.args) == 1:
            break  # `np.array(x)`, a module's function the chain starts from: checked below
        keywords = {k.arg: k.value for k in node.keywords}
        drop = keywords.get("drop")
        if node.func.attr == "reset_index" and isinstance(drop, ast.Constant) and drop.value:
            methods.append("dropna")  # reset_index(drop=True) is idempotent, without drop not
        else:
            methods.append(node.func.attr)
        node = node.func.value
    if not methods or not all(m in _IDEMPOTENT_METHODS for m in methods):
        return False
    # `np.array(x).reshape(-1, 1)`: the chain may start from an idempotent call of the slot
    return ast.dump(node, annotate_fields=False) == same or (
        isinstance(node, ast.Call) and _idempotent_on(node, same)
    )


def _reshaped_to_fixed_shape(value: ast.AST, same: str) -> bool:
    """`np.reshape(x, (-1, n))`: a shape that does not read the slot is the same on every run,
    and reshaping an array to the shape it already has changes nothing."""
    if not (isinstance(value, ast.Call) and len(value.args) == 2):
        return False
    func = value.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    slot, shape = value.args
    return (
        called == "reshape"
        and ast.dump(slot, annotate_fields=False) == same
        and not any(ast.dump(n, annotate_fields=False) == same for n in ast.walk(shape))
    )


def _reads_same_slot(value: ast.AST, target: ast.AST) -> bool:
    """Does the value read what the target overwrites (`df["a"] = df["a"] * 2`)?"""
    wanted = ast.dump(target, annotate_fields=False).replace("Store()", "Load()")
    return any(
        ast.dump(node, annotate_fields=False) == wanted
        for node in ast.walk(value)
        if isinstance(node, type(target))
    )


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []


def _base_name(node: ast.AST) -> str | None:
    """`df` of `df`, `df['a']`, `df.a.b`, `df.loc[0]`."""
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _without_leading_indent(lines: list[str]) -> list[str]:
    """The lines as IPython runs them: it removes the first line's indentation from every line
    that starts with it (its ``leading_indent`` step), so ``  s = pd.Series(...)`` defines ``s``.
    Leading blank lines are ignored as IPython drops them first; line numbers are kept."""
    first = next((line for line in lines if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    if not indent:
        return lines
    return [line[len(indent) :] if line.startswith(indent) else line for line in lines]


def _analyse_by_statement(code: str, collector: _Collector) -> bool:
    """Read a cell that does not parse piece by piece: top-level chunks, then single lines."""
    lines = code.splitlines()
    starts = [
        i
        for i, line in enumerate(lines)
        if line.strip()
        and not line[0].isspace()
        and not line.startswith(("#", *_CLOSERS))
        and not re.match(rf"(?:{'|'.join(_CONTINUATION)})\b", line)
    ]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(lines))
    i = 0
    while i < len(starts) - 1:
        for j in range(i + 1, min(i + 6, len(starts))):  # let a statement span a few chunks
            chunk = "\n" * starts[i] + "\n".join(lines[starts[i] : starts[j]])
            try:
                tree = ast.parse(chunk)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            collector.visit(tree)
            i = j
            break
        else:
            _fallback_lines(lines[starts[i] : starts[i + 1]], starts[i], collector)
            i += 1
    return False


def _fallback_lines(lines: list[str], offset: int, collector: _Collector) -> None:
    """Regular-expression reading of lines that never parse: good enough for bindings."""
    for number, raw in enumerate(lines, offset + 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        indented = raw[:1].isspace()
        if match := _FALLBACK_DEF.match(line):
            if not indented:
                collector.define(match.group(1), number)
        elif match := _FALLBACK_FROM.match(line):
            for part in match.group(1).split(","):
                words = part.split()
                if words == ["*"]:
                    collector.dynamic = True
                elif words:
                    collector.define(words[-1], number)
        elif match := _FALLBACK_IMPORT.match(line):
            for part in match.group(1).split(","):
                words = part.split()
                if words:
                    collector.define(words[-1] if "as" in words else words[0].split(".")[0], number)
        elif (match := _FALLBACK_ASSIGN.match(line)) and not indented:
            for name in _IDENT.findall(match.group(1)):
                collector.define(name, number)
            for name in _IDENT.findall(line[match.end() :]):
                collector.use(name, number)
            continue
        else:
            for name in _IDENT.findall(line):
                collector.use(name, number)
