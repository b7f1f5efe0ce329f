"""AttributeError: an object or module has no such attribute, often a removed or renamed API."""

from __future__ import annotations

import ast
import builtins
import difflib
import importlib
import inspect
import re
import sys

from ..definitions import (
    assigned_case_twin,
    assigned_values,
    binds,
    defines_callable,
    imports_name,
    seen_code,
)
from ..finding import short
from ..text import (
    article,
    as_code,
    code_span,
    edit_distance,
    expression_before,
    key_strings,
    spelled_alike,
)
from ..traceback import ParsedError
from ..where import (
    call_arguments,
    failing_call,
    failing_line_number,
    failing_statement,
    own_lines,
    passes_only_literals,
    raised_in_user_code,
)
from .attribute_kinds import type_tells
from .attribute_reads import (
    assigned_to,
    misspelled_member,
    object_of,
    read_inside,
    reads_on_line,
    reassigned_on_rerun,
)
from .base import RuleMatch, Template, named
from .files import cloned_folder_of
from .module_names import (
    PROJECT_NAMES,
    STDLIB_TOPS,
    is_known_module,
    is_known_submodule,
    pip_name,
)
from .paths import edited_failing_line
from .tables.members import (
    CV2,
    MEMBERS,
    NDARRAY,
    NUMPY,
    PANDAS,
    PANDAS_OBJECT,
    PYPLOT,
    SERIES_ONLY,
)
from .tables.removed_apis import lookup

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
ATTRIBUTE_ERROR = "attributes.attribute_error"
NONE_ATTRIBUTE = "attributes.none_attribute"
REMOVED_API = "attributes.removed_api"
MODULE_ATTRIBUTE = "attributes.module_attribute"
ARRAY_NOT_FRAME = "attributes.array_not_frame"
PANDAS_ACCESSOR = "attributes.pandas_accessor"

_ATTR = re.compile(
    r"(?:(?P<mod>module) '(?P<module>[\w.]+)'|(?P<type>type object) '(?P<cls>[\w.]+)'"
    r"|'(?P<obj>[\w.]+)' object)(?: \(most likely due to a circular import\))?"
    r" has no attribute '(?P<attr>\w+)'"
)
_DID_YOU_MEAN = re.compile(r"Did you mean:? '?([\w.]+)'?\??")
# The owning library of common class names, for the label when no library frame is shown.
CLASS_LIBRARIES = {
    "DataFrame": "pandas",
    "Series": "pandas",
    "Index": "pandas",
    "DataFrameGroupBy": "pandas",
    "SeriesGroupBy": "pandas",
    "Timestamp": "pandas",
    "ndarray": "numpy",
    "numpy.ndarray": "numpy",
    "Tensor": "torch",
    "Sequential": "tensorflow",
    "Functional": "tensorflow",
    "Model": "tensorflow",
    "History": "tensorflow",
    "EagerTensor": "tensorflow",
    "AxesSubplot": "matplotlib",
    "Axes": "matplotlib",
    "Figure": "matplotlib",
    "FacetGrid": "seaborn",
    "PairGrid": "seaborn",
}


# DataFrame (and Series) attributes that are values, not methods: they are read, never called.
_FRAME_PROPERTIES = frozenset(
    [
        "style",
        "loc",
        "iloc",
        "at",
        "iat",
        "shape",
        "columns",
        "index",
        "values",
        "dtypes",
        "empty",
        "size",
        "ndim",
        "axes",
        "T",
        "str",
        "dt",
        "cat",
        "sparse",
        "attrs",
        "flags",
    ]
)


@named(
    "attributes.missing_attribute",
    ATTRIBUTE_ERROR,
    NONE_ATTRIBUTE,
    REMOVED_API,
    MODULE_ATTRIBUTE,
    ARRAY_NOT_FRAME,
    PANDAS_ACCESSOR,
)
def missing_attribute(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "AttributeError":
        return None
    m = _ATTR.search(parsed.message)
    facts: dict[str, str] = {}
    library = None
    rule = ATTRIBUTE_ERROR
    confidence = 0.9
    if m:
        owner = m.group("module") or m.group("cls") or m.group("obj")
        kind = "module" if m.group("mod") else ("type" if m.group("type") else "object")
        attr = m.group("attr")
        facts.update(owner=owner, attribute=attr, kind=kind)
        short_owner = owner.rsplit(".", 1)[-1] if kind != "module" else owner
        if owner == "NoneType":
            rule = NONE_ATTRIBUTE
            facts["none"] = "yes"
        hit = lookup(short_owner, attr)
        if hit is not None:
            rule = REMOVED_API
            facts.update(replacement=hit.use, note=hit.note)
            library = None if hit.library == "none" else hit.library
            confidence = 0.95
        elif kind == "module":
            rule = MODULE_ATTRIBUTE
        else:
            library = CLASS_LIBRARIES.get(short_owner) or CLASS_LIBRARIES.get(owner)
            if attr.endswith("_") and not attr.startswith("_"):
                facts["fitted_attribute"] = "yes"  # scikit-learn sets these in fit()
            if owner in ("numpy.ndarray", "ndarray") and attr in (
                "columns",
                "iloc",
                "loc",
                "head",
                "values",
                "info",
                "iteritems",
                "describe",
                "index",
                "to_csv",
                "dropna",
                "fillna",
                "isnull",
                "plot",
                "corr",
                "apply",
            ):
                facts["expected"] = "DataFrame"
                rule = ARRAY_NOT_FRAME
    accessor = re.search(r"Can only use \.(\w+) accessor with", parsed.message)
    if accessor:
        rule = PANDAS_ACCESSOR
        facts["accessor"] = accessor.group(1)
        library = "pandas"
    did = _DID_YOU_MEAN.search(parsed.message)
    if did:
        facts["suggestion"] = did.group(1)
    return RuleMatch(
        rule=rule,
        crash_type="attribute_error",
        library=library,
        confidence=confidence,
        facts=facts,
    )


RULES = (missing_attribute,)

# Fires on every AttributeError: its template speaks only where the message and line tell.
CATCH_ALL = frozenset({ATTRIBUTE_ERROR})


# ----------------------------------------------------------- hints: the words the user reads


def _removed_api(p, f):
    """When: the removed API is used on the user's line. Used inside a library, the library is
    older than the package it calls: said for h5py's `str.decode`, else the safe hint speaks."""
    attr = f.get("attribute", "")
    if read_inside(p, attr):
        if attr == "decode" and any(
            "hdf5" in fr.function or "h5py" in (fr.package or "") for fr in p.frames
        ):
            return (
                "Your Keras/TensorFlow reads .h5 files with an older h5py in mind (h5py 3 returns "
                "`str`, not bytes): upgrade TensorFlow, or `%pip install 'h5py<3'` and restart."
            )
        return _removed_under_a_library(p, f)
    if p.user_code.strip() and attr not in p.user_code:
        # The cell never names it (an import printed the error): a package read it.
        removed = _REMOVED_BY.search(f.get("note", ""))
        if removed:
            by, version = removed.group(1) or removed.group(3), removed.group(2) or removed.group(4)
            return (
                f"A package this cell uses reads `{f.get('owner')}.{attr}`, which {by} {version} "
                f"removed: upgrade that package, or pin the older {by} (`%pip install "
                f"'{by.lower()}<{version}'`), then restart the kernel."
            )
    upgrade = re.match(r"pip install (-U )?(\S+)(?: \((needs [^)]*)\))?$", f.get("replacement", ""))
    if upgrade:
        needs = f" ({upgrade.group(3)})" if upgrade.group(3) else ""
        return (
            f"`{attr}` is newer than your {f.get('owner')}{needs}: run "
            f"`%pip install -U {upgrade.group(2)}`, then restart the kernel."
        )
    note = f" ({f['note']})" if f.get("note") else ""
    return (
        f"`{attr}` was removed from {f.get('owner')}{note}: use "
        f"{as_code(f['replacement'])} instead."
    )


# "numpy 1.24 removed …", "removed in pandas 2.0": the package and the version that removed it.
_REMOVED_BY = re.compile(r"(?:(\w+) (\d+(?:\.\d+)?) removed|removed in (\w+) (\d+(?:\.\d+)?))")


def _removed_under_a_library(p, f):
    """When: a removed API (`np.float`, `collections.Iterable`) is read inside an installed
    package's own code, not on the user's line. That package is older than the one it reads
    from, so upgrading the dependency cannot help: upgrade the package, or pin the dependency
    below the version that removed the name (stated only when the table knows it)."""
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    removed = _REMOVED_BY.search(f.get("note", ""))
    by = (removed.group(1) or removed.group(3)) if removed else owner
    # The reader is the last frame outside the package that removed the name (protobuf's own
    # builder runs for the `_pb2` module of the package that imports it).
    outside = [
        fr for fr in p.frames if not fr.is_user and f"/{by.lower()}/" not in fr.filename.lower()
    ]
    if not outside:
        return None  # only the removing package's own frames: who called it is not shown
    frame = outside[-1]
    beside = "" if frame.package else _installed_beside(frame.filename, p.frames, by)
    lib = frame.package or beside
    if not lib:
        return _removed_in_a_copied_file(frame.filename, f)
    if lib.lower() in (owner.lower(), by.lower()) or not (frame.library or beside):
        return None
    upgrade = f"upgrade `{lib}` (`%pip install -U {pip_name(lib)}`)"
    if owner == "collections":
        return (
            f"`{lib}` reads `collections.{attr}` in its own code, written for Python before 3.10 "
            f"(which moved these names to `collections.abc`): {upgrade}, then restart the kernel."
        )
    if removed:
        version = removed.group(2) or removed.group(4)
        return (
            f"`{lib}` reads `{owner}.{attr}` in its own code, which {by} {version} removed: "
            f"{upgrade} or pin the older {by} (`%pip install '{by.lower()}<{version}'`), then "
            "restart the kernel."
        )
    return (
        f"`{lib}` reads `{owner}.{attr}` in its own code, which your installed `{owner}` no "
        f"longer has: {upgrade} or install the older `{owner}` it was made for, then restart the "
        "kernel."
    )


def _installed_beside(filename: str, frames, by: str) -> str:
    """The top folder of ``filename`` when it lies in the very folder that holds the package
    ``by`` whose frame the traceback shows (`/packages/…/3.8/seaborn/utils.py` beside
    `/packages/…/3.8/numpy/__init__.py`): a packages folder of another name than site-packages
    (a hosted service's), so the reader is an installed package, no copied file. "" otherwise."""
    for fr in frames:
        at = fr.filename.lower().rfind(f"/{by.lower()}/")
        if fr.is_user or at <= 0:
            continue
        root = fr.filename[: at + 1]
        if filename.startswith(root):
            top = filename[len(root) :].split("/", 1)
            if len(top) == 2 and top[0].isidentifier():
                return top[0]
    return ""


# "removed in scikit-learn 0.20": the package (a pip name may have a hyphen) and the version.
_REMOVED_IN = re.compile(r"removed in ([\w-]+) (\d+(?:\.\d+)?)|([\w-]+) (\d+(?:\.\d+)?) removed")


def _removed_in_a_copied_file(filename: str, f) -> str | None:
    """A file outside the installed packages and the standard library (a module next to the
    notebook, a copied folder such as a book's `mglearn/`) reads a name that a package removed
    (said only when the table knows which version removed it, and its replacement)."""
    removed = _REMOVED_IN.search(f.get("note", ""))
    if removed is None or not f.get("replacement"):
        return None
    by, version = removed.group(1) or removed.group(3), removed.group(2) or removed.group(4)
    shown = "/".join(re.split(r"[\\/]", filename)[-2:])
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    return (
        f"`{shown}`, a file outside your installed packages, reads `{owner}.{attr}`, which {by} "
        f"{version} removed: use {as_code(f['replacement'])} there (or a newer copy of that "
        f"code), or pin the older {by} (`%pip install '{by.lower()}<{version}'`)."
    )


def _pandas_accessor_dtype(p, f):
    convert = {
        "str": "`.astype(str)`",
        "dt": "`pd.to_datetime(...)`",
        "cat": "`.astype('category')`",
    }.get(f.get("accessor", ""), "the right dtype")
    if f.get("accessor") == "str":
        # The column may hold numbers stored as numbers (then `astype(str)` fits) or results
        # of other values by design (booleans of `.str.match`, lists): not a conversion then.
        return (
            "The `.str` accessor needs a column of text, and this one holds other values "
            "(numbers, booleans): check what made the column; convert it with "
            "`.astype(str)` only if its values are meant as text."
        )
    # a line of two `.dt` reads (`df['shipped'].dt.day - df['ordered'].dt.day`) does not show
    # which column failed: the first may be the datetime one
    columns = _DT_COLUMN.findall(p.user_line) if f.get("accessor") == "dt" else []
    column = _DT_COLUMN.search(p.user_line) if len(columns) == 1 else None
    if column and not _DATE_LIKE_NAME.search(column.group(3) or column.group(4)):
        # `df['SlNo'].dt.month`: a column whose name says no date may be the wrong column, and
        # converting serial numbers to dates gives days of 1970
        read = column.group(0)[: -len(".dt")]
        return (
            f"`.dt` needs a datetime column, and `{read}` is not one: check that it is the column "
            "of dates you mean (`df.dtypes`); if it holds dates written as text, convert it with "
            "`pd.to_datetime(...)`."
        )
    return (
        f"The `.{f.get('accessor')}` accessor needs a column of the matching dtype: convert it "
        f"first with {convert} (check `df.dtypes`; a re-run cell may have converted it already)."
    )


# The column a line reads `.dt` on: `df['col'].dt` or `df.col.dt`.
_DT_COLUMN = re.compile(r"(\w+)(?:\[\s*(['\"])([^'\"\]]+)\2\s*\]|\.(\w+))\.dt\b")
# Words of a column name that holds dates or times (`Release Date`, `created_at`, `yr`).
# Short words count only as a whole part of the name (`end_dt`, not `Gender` or `width`).
_DATE_LIKE_NAME = re.compile(
    r"dat[ea]|time|day|month|year|week|hour|minute|stamp|period|quarter|created|updated"
    r"|modified|birth|launch|release|(?:^|[\W_])(?:dt|yr|dob|start|end|when)(?:$|[\W_])",
    re.I,
)


# Methods that change their object in place (or print) and return None.
_RETURNS_NONE = frozenset(
    {
        "sort", "append", "extend", "insert", "remove", "reverse", "update", "shuffle", "info",
        "clear", "show", "print", "display", "seed", "setdefault",
    }
)  # fmt: skip
# Lookups that return None when they find nothing.
_FINDS = frozenset(
    {"find", "get", "match", "search", "fullmatch", "select_one", "find_element", "getenv"}
)
_IMREAD = re.compile(r"\bimread\(")


def _library_search_found_nothing(p, attr: str) -> bool:
    """The library's own line reads `.group` of its own regular expression's search: the None
    is that search's, made inside the library from what it read, not a value the user passed
    (the safe hint names that search)."""
    frame = p.frames[-1] if p.frames else None
    if frame is None or frame.is_user or not frame.library:
        return False
    searched = rf"\.(?:search|match|fullmatch)\((?:[^()]|\([^()]*\))*\)\.{re.escape(attr)}\b"
    return re.search(searched, frame.failing_line) is not None


# `row["name"]`: a field read by a quoted key from a parameter.
_FIELD_READ = re.compile(r"^(\w+)\[(['\"])[^'\"]+\2\]$")


def _record_field_of_callback(p: ParsedError, expr: str) -> tuple[str, str] | None:
    """(library, function) when ``expr`` reads a field by a quoted key (`row["name"]`) of a
    parameter of the user's function that a library frame called (the last frame is that
    function, the frame before it a library's): a record of the data the library passes in."""
    field = _FIELD_READ.match(expr)
    frames = p.frames
    if field is None or len(frames) < 2 or not frames[-1].is_user or frames[-2].is_user:
        return None
    caller, function = frames[-2].library, frames[-1].function
    if not caller or not function or function.startswith("<"):
        return None
    if any(
        fr.is_user and re.search(rf"(?<![\w.]){re.escape(function)}\s*\(", fr.failing_line)
        for fr in frames[:-1]
    ):
        # `evaluate(batch)` under `@torch.no_grad()`: the user's own call passed the value in,
        # and the library frame between is a decorator's wrapper, no reader of records
        return None
    header = rf"^\s*def\s+{re.escape(function)}\s*\([^)]*\b{field.group(1)}\b"
    if not re.search(header, p.user_code, re.M):
        return None  # the key is read from a global, not from the record passed in
    return caller, function


def _own_file_global_none(p: ParsedError, attr: str) -> str:
    """The user's own module file (no package, no cell) raised on `name.attr`, and its frame's
    header lists the function's parameters without `name`: the None is no value the call
    passes, but a name of that file (a global it never set, or a local)."""
    last = p.frames[-1] if p.frames else None
    if last is None or last.is_user or last.library or last.package or not last.function:
        return ""
    if last.filename.startswith("<") or not last.filename.endswith(".py"):
        return ""
    read = re.search(rf"(?<![\w.])([A-Za-z_]\w*)\.{re.escape(attr)}\b", last.failing_line)
    # `%xmode Verbose` prints the values: `in f(parts=[1, 2], size=(3, 3), model=None)`
    header = re.search(rf" in {re.escape(last.function)}\(((?:[^()\n]|\([^()\n]*\))*)\)", p.text)
    if read is None or header is None or read.group(1) == "self":
        return ""
    name = read.group(1)
    if name in re.findall(r"(?<![\w.=])\w+", header.group(1)):
        return ""  # a parameter: a value the call passes
    if any(re.match(rf"\s*{name}\s*=(?!=)", line) for line in last.code_lines):
        return ""  # `df = df.merge(...)`: a local the function sets (or a parameter it reuses)
    file = re.split(r"[\\/]", last.filename)[-1]
    module = file[:-3]
    # a repository a cell clones (`/content/yolov5/...`) is no file of the user's
    whose = "the cloned repository's file" if cloned_folder_of(p, last.filename) else "your file"
    return (
        f"`{name}` is None in {whose} `{file}` (line {last.lineno}, in "
        f"`{last.function}()`), and it is no value you pass: it is a name of that file (a "
        f"global, or set earlier in the function). Give it its value before the call (a global "
        f"from the notebook with `{module}.{name} = ...`)."
    )


def _attribute_of_none(p, f):
    """When: the failing line reads `.attr` of None (then say what gave None, from the line and
    the cell), or a call on the line passed None into a library."""
    attr = f.get("attribute", "")
    expr = object_of(p, attr)
    if read_inside(p, attr):
        call = failing_call(p)
        if call is None or raised_in_user_code(p) or passes_only_literals(call):
            return None  # `save_weights("w/m")`: no argument is None, the object holds it
        if _library_search_found_nothing(p, attr):
            return None
        unpassed = _own_file_global_none(p, attr)
        if unpassed:
            return unpassed
        nones = re.findall(r"\b(\w+)\s*=\s*None\b", call.text)
        named = f" (`{nones[0]}=None`)" if nones else ""
        return (
            f"`{call.text}` got None where it needs an object with `.{attr}`: one of the values "
            f"you pass is None{named}; print them."
        )
    has = f"so it has no `.{attr}`"
    if _IMREAD.search(expr) or _IMREAD.search(assigned_to(p, expr)):
        return (
            "`cv2.imread` returned None: the image path is wrong or the file unreadable; "
            "check the path and `img is not None` before using it."
        )
    if expr.endswith(".grad"):
        return (
            f"`{expr}` is None, {has}: PyTorch keeps `.grad` only for leaf tensors created with "
            "`requires_grad=True`, after `.backward()` ran."
        )
    called = re.search(r"\.?(\w+)\((.*)\)$", expr)
    if called:
        method = called.group(1)
        if method in _RETURNS_NONE or "inplace=True" in called.group(2).replace(" ", ""):
            return (
                f"`{expr}` returns None (it prints, or changes the object in place), {has}: "
                f"call `.{attr}` on the object itself."
            )
        if method in _FINDS:
            return f"`{expr}` returned None because it found nothing, {has}: check for None first."
        return (
            f"`{expr}` returned None, {has}: check what it returns (a function without "
            "`return` gives None)."
        )
    source = assigned_to(p, expr)
    step = re.search(r"\.(\w+)\(([^()]*)\)\s*$", source)
    if step and (
        step.group(1) in _RETURNS_NONE or "inplace=True" in step.group(2).replace(" ", "")
    ):
        return (
            f"`{expr}` is None, {has}: it was assigned `{source}`, and `.{step.group(1)}(...)` "
            "returns None (it works in place); keep the object and call the method on its own line."
        )
    callback = _record_field_of_callback(p, expr)
    if callback:
        # `example["label"].lower()` in a function that `Dataset.map`/`df.apply` calls per record:
        # a field of the data that is empty in some record, not a value the code assigned
        library, function = callback
        return (
            f"`{expr}` is None in a record that `{library}` passes to `{function}`, {has}: that "
            f"field is missing in some records, so filter them out first or handle None in "
            f"`{function}`."
        )
    if expr:
        return (
            f"`{expr}` is None here, {has}: look where it was last assigned (a function without "
            "`return`, an in-place method, a lookup that found nothing)."
        )
    return None


# Names the plotting code gives the result of `plt.subplots(...)`; with several subplots that
# result is a NumPy array of Axes, not one Axes.
_AXES_NAMES = frozenset({"ax", "axs", "axes", "axarr"})


def _axes_array(p, attr: str) -> str | None:
    """When: the array's attribute is read on a name of `plt.subplots`' result (`ax.plot`)."""
    owner = re.search(rf"\b(\w+)\s*\.\s*{re.escape(attr)}\b", p.user_line)
    if not owner or owner.group(1) not in _AXES_NAMES:
        return None
    name = owner.group(1)
    return (
        f"`{name}` is an array of Axes (what `plt.subplots(rows, cols)` returns for several "
        f"subplots), which has no `.{attr}`: pick one subplot, e.g. `{name}[0].{attr}(...)` "
        f"(`{name}[0, 0]` in a grid)."
    )


def _array_not_frame(p, f):
    attr = f.get("attribute", "")
    return (
        reassigned_on_rerun(p, attr, f.get("owner", ""))
        or _axes_array(p, attr)
        or _values_of_array(p, attr)
        or _array_from_unknown(p, attr)
        or (
            f"This is a NumPy array, which has no `.{attr}` (scalers and `.values` return arrays): "
            "wrap it with `pd.DataFrame(X, columns=...)` or use array indexing."
        )
    )


# What returns a NumPy array from pandas or scikit-learn: `.values`, `.to_numpy()`, a
# transformer's `transform`, a model's `predict`, a `np.` function.
_MAKES_ARRAY = re.compile(
    r"\.values\b|\.to_numpy\(|transform\(|\.predict(?:_proba)?\(|\b(?:np|numpy)\.|\.array\("
)


def _array_from_unknown(p, attr: str) -> str:
    """When: the array is a plain name whose last assignment in the code seen is found and
    holds none of what makes arrays (`.values`, a scaler's `transform`): the scaler reading
    would then be a guess, so the hint points at that assignment instead."""
    name = object_of(p, attr)
    if not re.fullmatch(r"[A-Za-z_]\w*", name or ""):
        return ""
    code, _ = seen_code(p)
    plain = list(re.finditer(rf"^[ \t]*{name}[ \t]*=(?!=)[ \t]*(.+?)[ \t]*$", code, re.M))
    found = [m.group(1) for m in plain]
    if not found or _MAKES_ARRAY.search(found[-1]):
        return ""
    # `X, y = np.array(X), np.array(y)`, `for X in ...`, `X *= 2` after `X = df[cols]`: a
    # later binding of another form may be what made the array
    other = re.compile(
        rf"^[ \t]*(?:[\w\[\]()*. ]+,[ \t]*)+{name}\b[^=\n]*=(?!=)"
        rf"|^[ \t]*\(?{name}[ \t]*,[^=\n]*=(?!=)"
        rf"|^[ \t]*for\b[^\n]*\b{name}\b[^\n]*\bin\b"
        rf"|^[ \t]*{name}[ \t]*(?:[-+*/%@&|^]|//|\*\*)=",
        re.M,
    )
    if any(m.start() > plain[-1].start() for m in other.finditer(code)):
        return ""
    made = found[-1] if len(found[-1]) <= 60 else found[-1][:57] + "…"
    return (
        f"`{name}` is a NumPy array here, which has no `.{attr}`: it comes from `{name} = "
        f"{made}`, so check what each step of that expression (and of the names it uses) "
        "returns; one of them gave an array, not a pandas Series or DataFrame."
    )


def _values_of_array(p, attr: str) -> str:
    """`.values`/`.to_numpy()` of an array: the array already is what they would return."""
    if attr not in ("values", "to_numpy"):
        return ""
    name = object_of(p, attr)
    shown = f"`{name}`" if name else "This"
    code, whole = seen_code(p)
    twin = assigned_case_twin(name, code) if name else ""
    if twin and whole and not binds(code, name):
        # no cell sets `x` (an array of earlier work in this kernel), one sets `X`
        return (
            f"No cell of this notebook sets `{name}` (it holds a NumPy array of earlier work in "
            f"this kernel), but one sets `{twin}`: if you meant that, write `{twin}.{attr}`."
        )
    if twin:
        return (
            f"{shown} is already a NumPy array, which is what `.{attr}` gives of a pandas "
            f"object: drop the `.{attr}`; or, if you meant `{twin}` (also set in the code), "
            f"write `{twin}.{attr}`."
        )
    return (
        f"{shown} is already a NumPy array, which is what `.{attr}` gives of a pandas object: "
        f"drop the `.{attr}`{'()' if attr == 'to_numpy' else ''} and use the array itself."
    )


# scikit-learn's `available_if`: "predict_proba is not available when probability=False".
# Old versions joined the words with two spaces ("when  probability=False").
_AVAILABLE_WHEN = re.compile(r"\b(\w+) is not available when\s+(\w+)=(True|False)\b")
# scikit-learn 1.6 asks each class of an estimator for `__sklearn_tags__`; its mixins call
# `super().__sklearn_tags__()`, which a model class written for an older scikit-learn (whose
# base is no `BaseEstimator` of 1.6) lacks.
_SKLEARN_TAGS = "'super' object has no attribute '__sklearn_tags__'"
_TAGS_FRAMES = frozenset({"__sklearn_tags__", "get_tags"})
# Libraries whose models plug into scikit-learn and lagged its 1.6 tags (import words in code).
_SKLEARN_PLUGINS = re.compile(
    r"^\s*(?:from|import)\s+(xgboost|lightgbm|catboost|imblearn|scikeras|skorch|"
    r"category_encoders|mlxtend|sktime|pycaret)\b",
    re.M,
)
# A class of the notebook's own built on scikit-learn's mixins (`class M(BaseEstimator, ...Mixin)`).
_OWN_MIXED_CLASS = re.compile(r"^\s*class\s+(\w+)\s*\(([^)]*\w+Mixin\b[^)]*)\)", re.M)
_PICKLED = re.compile(r"Can't get attribute '(\w+)' on <module '([\w.]+)'")
_STR_METHODS = frozenset(n for n in dir(str) if not n.startswith("_"))
_REDUCERS = frozenset(
    {
        "max", "min", "sum", "mean", "median", "count", "std", "var", "nunique", "idxmax",
        "idxmin", "item", "prod", "mode", "argmax", "argmin", "len", "round", "quantile",
    }
)  # fmt: skip
_SCALARS = re.compile(r"^(?:numpy\.)?(?:int|float|bool|complex|str_)\w*$|^bool_$")


def _old_plugin_tags(p: ParsedError, message: str) -> str:
    """scikit-learn's own tag lookup (`get_tags`, a mixin's `__sklearn_tags__`) found no
    `__sklearn_tags__` above a mixin: the model's class is from a library older than the
    installed scikit-learn (1.6 or later). "" otherwise."""
    if message.strip() != _SKLEARN_TAGS:
        return ""
    if not any(
        f.library == "sklearn" and f.function.rsplit(".", 1)[-1] in _TAGS_FRAMES for f in p.frames
    ):
        return ""
    # the one plugin library the crashing cell (else the notebook) imports; two or more do not
    # tell which model's class failed
    plugins = set(_SKLEARN_PLUGINS.findall(p.user_code)) or set(
        _SKLEARN_PLUGINS.findall(p.code_seen)
    )
    plugin = plugins if len(plugins) == 1 else None
    own = _OWN_MIXED_CLASS.search(p.code_seen)
    if plugins and not own and plugin:
        lib = next(iter(plugin))
        return (
            f"Your scikit-learn (1.6 or later) asks each model for `__sklearn_tags__`, which "
            f"`{lib}` is too old to give: upgrade it (`%pip install -U {pip_name(lib)}`) or "
            "install `scikit-learn<1.6`, then restart the kernel."
        )
    if own and not plugins:
        # its own bases put in the order 1.6 wants: the mixins it lists, then the rest, with
        # `BaseEstimator` last (added when missing)
        bases = [b.strip() for b in own.group(2).split(",") if b.strip() and "=" not in b]
        mixins = [b for b in bases if b.endswith("Mixin")]
        rest = [b for b in bases if not b.endswith("Mixin") and b.split(".")[-1] != "BaseEstimator"]
        order = [*mixins, *rest, "BaseEstimator"]
        if bases == order:
            order = []  # already in that order: the bases are not what is wrong
    if own and not plugins and order:
        return (
            f"Your scikit-learn (1.6 or later) asks each model for `__sklearn_tags__`, which your "
            f"class `{own.group(1)}` gives only with its mixins first and `BaseEstimator` last: "
            f"write `class {own.group(1)}({', '.join(order)})`."
        )
    return (
        "Your scikit-learn (1.6 or later) asks each model for `__sklearn_tags__`, which this "
        "model's class does not give: upgrade the library it comes from (or install "
        "`scikit-learn<1.6`), or, for a class of yours, list its mixins before `BaseEstimator`."
    )


def _forwarded_by_wrapper(p: ParsedError, owner: str, attr: str) -> str:
    """The library's `__getattr__` that raised forwards a missing name to the object it wraps
    (`return getattr(self._wrapped, attr)`): the message names the wrapped object's type, while
    the line's object is the wrapper, which lacks the name too. "" otherwise."""
    last = p.last_frame
    if (
        last is None
        or last.is_user
        or not last.library
        or not last.function.endswith("__getattr__")
        or "getattr(self." not in last.failing_line
    ):
        return ""
    at = p.user_line.find(f".{attr}")
    start = at
    while start > 0 and (p.user_line[start - 1].isalnum() or p.user_line[start - 1] in "_."):
        start -= 1
    name, lib = p.user_line[start:at], last.library
    if at <= 0 or not name or name.rsplit(".", 1)[-1] == owner:
        return ""
    if lib == "yellowbrick" and attr == "show":
        # yellowbrick's visualizers drew with `poof()` before 1.0 named it `show()`
        return (
            f"`{name}` is a yellowbrick visualizer that passes names it lacks on to the "
            f"`{owner}` it wraps, and your yellowbrick (before 1.0) has no `show()`: call "
            f"`{name}.poof()`, or upgrade it (`%pip install -U yellowbrick`)."
        )
    return (
        f"`{name}` is a `{lib}` wrapper that passes names it lacks on to the `{owner}` it wraps, "
        f"and neither has `{attr}`: look up the wrapper's own methods in your `{lib}` version "
        f"(`dir({name})`)."
    )


# Python 2's message for an object of a class without a base: "Point instance has no attribute 'x'"
_OLD_STYLE_INSTANCE = re.compile(r"([A-Za-z_]\w*) instance has no attribute '(\w+)'")


def _class_bodies(code: str, cls: str) -> str:
    """The lines of every `class cls` of ``code`` (its header and the lines indented under it)."""
    lines, body, indent = code.splitlines(), [], None
    for line in lines:
        header = re.match(rf"([ \t]*)class[ \t]+{cls}\b", line)
        if header:
            indent = len(header.group(1))
            body.append(line)
        elif indent is not None and (not line.strip() or len(line) - len(line.lstrip()) > indent):
            body.append(line)
        else:
            indent = None
    return "\n".join(body)


def _old_style_instance(p: ParsedError) -> str:
    """Python 2's "C instance has no attribute 'm'" where the code seen defines `class C`: the
    user's own class, so no library version is in question; either its code has no `m`, or the
    object was made before the class cell that defines `m` ran. "" otherwise."""
    m = _OLD_STYLE_INSTANCE.fullmatch(p.message.strip())
    if m is None:
        return ""
    cls, attr = m.groups()
    code = p.code_seen
    if not re.search(rf"^[ \t]*class[ \t]+{cls}\b", code, re.M):
        return ""
    name = object_of(p, attr)
    obj = f"`{name}`" if name else "the object"
    body = _class_bodies(code, cls)
    gives = re.search(rf"\bdef[ \t]+{attr}\b|\.{attr}[ \t]*=(?!=)|^[ \t]+{attr}[ \t]*=", body, re.M)
    # a `def` at the margin (not indented under the class) or `Cls.attr = ...` anywhere: another
    # class's `def area` or `self.area = ...` gives `cls` nothing
    if gives or re.search(rf"^def[ \t]+{attr}\b|\b{cls}\.{attr}[ \t]*=(?!=)", code, re.M):
        return (
            f"`{cls}` is your own class and a cell gives it `{attr}`, but {obj} was made "
            "before that definition ran (or the `def` is not indented under the class): run "
            f"the class cell again, then create {obj} again."
        )
    return (
        f"`{cls}` is your own class, and its code defines no `{attr}`: add that method to the "
        f"class (check the `def`'s name and indentation), run the class cell again and create "
        f"{obj} again."
    )


def _missing_attribute(p, f):
    """When: the message is Python's "X has no attribute Y" and the failing line reads `.Y`
    (then what the line and the cell show about the object), or a library used `.Y` of an
    object the user's code names (a model passed in). Anything else: the safe hint."""
    message = p.message
    owner, attr = f.get("owner", "the object"), f.get("attribute", "")
    if "partially initialized module" in message or "circular import" in message:
        if _failed_inside_installed(p, owner):
            top = owner.split(".")[0]
            return (
                f"`{owner}` is only partly imported, and it failed inside the installed `{top}` "
                "itself, not in a file of yours: that install is broken or mixed from two "
                f"versions; reinstall it (`%pip install --force-reinstall {pip_name(top)}`), then "
                "restart the kernel."
            )
        return (
            f"`{owner}` is only partly imported: a file of yours is probably named "
            f"`{owner.split('.')[0]}.py` and shadows the library; rename it and restart the kernel."
        )
    old_style = _old_style_instance(p)
    if old_style:
        return old_style
    pickled = _PICKLED.search(message)
    if pickled:
        cls, module = pickled.groups()
        where = "the notebook that saved it" if module == "__main__" else f"`{module}`"
        return (
            f"The file refers to the class `{cls}` of {where}: define or import `{cls}` before "
            "loading it (saving only a `state_dict` avoids this)."
        )
    tags = _old_plugin_tags(p, message)
    if tags:
        return tags
    available = _AVAILABLE_WHEN.search("\n".join([message, *(m for _, m in p.chain)]))
    if available:
        name, param, value = available.groups()
        other = "False" if value == "True" else "True"
        return (
            f"`{name}` exists only with `{param}={other}`: create the model with "
            f"`{param}={other}` and fit it again."
        )
    if not attr:
        return None
    proxied = _forwarded_by_wrapper(p, owner, attr)
    if proxied:
        return proxied
    if f.get("suggestion"):
        return f"`{owner}` has no attribute `{attr}`. Did you mean `{f['suggestion']}`?"
    if f.get("kind") == "module" and attr.startswith("__") and attr.endswith("__"):
        top = owner.split(".")[0]
        if not is_known_module(top):
            return None  # a module of the user's own needs no `__version__`: no package to blame
        return (
            f"The `{owner}` that was imported has no `{attr}`, so it is not the installed package: "
            f"a file or folder named `{top}` in the notebook's folder shadows it, or the install "
            f"is broken (reinstall `{top}`); then restart the kernel."
        )
    lacking = _own_class_lacks_method(p, owner, attr)
    if lacking:
        return lacking
    aggregated = _aggregated_set(p, attr)
    if aggregated:
        return aggregated
    if read_inside(p, attr):
        return _used_inside(p, f)
    if _private_of_a_library(p, attr):
        return None  # a library's internal state: nothing about the user's variable to say
    return (
        reassigned_on_rerun(p, attr, owner)
        or _special_owner(p, f)
        or (_module_attribute(p, f) if f.get("kind") == "module" else "")
        or _fitted_attribute(p, f)
        or _pandas_attribute(p, f)
        or _array_attribute(p, f)
        or _generic_attribute(p, f)
    )


# The reductions a grouped object's `.agg` takes by name.
_AGG_FUNCTIONS = (
    "mean", "median", "sum", "min", "max", "count", "size", "std", "var", "sem", "first",
    "last", "nunique", "prod", "idxmin", "idxmax", "any", "all", "quantile", "describe",
)  # fmt: skip


def _aggregated_set(p: ParsedError, attr: str) -> str:
    """`df.groupby('g').agg({'col'})`: braces without `key: value` make a set, and pandas takes
    each string in it as the name of a function to apply, so it read `.col` of each grouped
    column. Only right after `groupby(...)`, where a dict of columns is what `.agg` takes."""
    m = re.search(
        r"\.groupby\((?:[^()]|\([^()]*\))*\)\.agg(?:regate)?\(\s*\{([^{}:]*)\}\s*\)",
        failing_statement(p),
    )
    if m is None or not re.search(rf"['\"]{re.escape(attr)}['\"]", m.group(1)):
        return ""
    named = re.findall(r"['\"](\w+)['\"]", m.group(1))
    if any(spelled_alike(f, n) and f != n for f in _AGG_FUNCTIONS for n in named):
        return ""  # `{'mean', 'medain'}`: function names meant as such, one of them misspelt
    # `{'Date', 'mean'}`: the column and its function, a comma typed where `:` belongs
    given = [n for n in named if n in _AGG_FUNCTIONS]
    function = given[0] if len(named) == 2 and given and attr not in given else "mean"
    return (
        f"`{{{m.group(1).strip()}}}` is a set (braces without `key: value`), and `.agg` takes "
        "each string in it as the name of a function to apply: map the column to its function, "
        f"e.g. `.agg({{{attr!r}: {function!r}}})`."
    )


def _table_built_inside(p: ParsedError, attr: str) -> str | None:
    """`df.attr` read in a called function's frame, where `df` was assigned from a call above
    the failing line of that frame or of a frame that called it (`df = loading.get_table(...)`,
    then `plot(df)`): that code built the table, the user's arguments were no DataFrame of
    theirs. The assignment's text, else None."""
    called = [fr for fr in p.frames if not fr.is_user]
    for at, frame in enumerate(called):
        read = re.search(rf"\b([A-Za-z_]\w*)\.{re.escape(attr)}\b", frame.failing_line)
        if read is None:
            continue
        assigned = re.compile(rf"^\s*{re.escape(read.group(1))}\s*=\s*[\w.]+\(")
        for caller in called[: at + 1]:
            lines = list(caller.code_lines)
            above = (
                lines[: lines.index(caller.failing_line)] if caller.failing_line in lines else []
            )
            found = next((line for line in above if assigned.match(line)), None)
            if found:  # the call's arguments are not the point: `df = load(…)`
                return re.sub(r"\(.*", "(…)", found.strip())
    return None


def _failed_inside_installed(p: ParsedError, owner: str) -> bool:
    """The deepest frame is a file of the installed package `owner` (site-packages), so the
    half-imported module is the library itself, not a file of the user's that shadows it."""
    last = p.last_frame
    return bool(last is not None and last.library and last.package == owner.split(".")[0])


def _private_of_a_library(p: ParsedError, attr: str) -> bool:
    """`_verts3d` read in a library's own code (its drawing, after `plt.show()`)."""
    last = p.last_frame
    private = attr.startswith("_") and not attr.endswith("__")
    return private and last is not None and bool(last.library)


def _called_on_class(p: ParsedError, call, owner: str, attr: str) -> str:
    """`Model.fit(df)`: the method is called on its class, so the first argument became `self`
    and the method's `self.attr` is read of that argument (a DataFrame has no such attribute)."""
    cls = re.fullmatch(r"([A-Z]\w*)\.(\w+)", call.function)
    if (
        not cls
        or cls.group(1) == owner.rsplit(".", 1)[-1]
        or not any(
            not fr.is_user and re.search(rf"\bself\.{re.escape(attr)}\b", fr.failing_line or "")
            for fr in p.frames
        )
    ):
        return ""
    name, method = cls.groups()
    return (
        f"`{name}.{method}(...)` is called on the class, so its first argument (a `{owner}`) "
        f"became `self`: create an object first, `model = {name}(...)`, then call "
        f"`model.{method}(...)`."
    )


def _used_inside(p: ParsedError, f) -> str | None:
    """The attribute was read inside the function the line called, not on the line."""
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    short = owner.rsplit(".", 1)[-1]
    subclass = _own_subclass_unset(p, short, attr)
    if subclass:
        return subclass
    call = failing_call(p)
    if call is None:
        return None
    if owner in ("float", "list", "int", "dict", "tuple") and attr in _STR_METHODS:
        if owner == "float" and any(
            fr.function.endswith(("apply", "map_infer", "map")) for fr in p.frames
        ):
            return _nan_in_text(attr)
        return (
            f"`{call.text}` expected text (strings) but got a `{owner}` item, which has no "
            f"`.{attr}`: check what the values you pass contain."
        )
    fitting = re.search(r"\.fit(?:_transform|_predict)?$", call.function)
    if f.get("fitted_attribute") and short[:1].isupper() and not fitting:
        kept = _kept_elsewhere(short, attr)
        if kept:
            # `plot_tree(search)`: fitting the search gives it no `tree_`; its model has one.
            return f"`{call.text}` needs `{attr}`, which {kept}"
        return (
            f"`{call.text}` needs `{attr}`, which this {short} has only after fitting: fit it "
            "first (if its `fit` failed or never ran, it has none)."
        )
    if owner in ("DataFrame", "Series") and _named_by_string(call.text, attr):
        # A string names a method of the object (`"sum"`); a NumPy function is passed itself.
        func = f"`np.{attr}`" if attr in NUMPY else f"your function `{attr}`"
        return (
            f"`{call.text}` looks for a {owner} method named `{attr}`, and there is none: pass "
            f"the function itself ({func}, without quotes)."
        )
    unbound = _called_on_class(p, call, owner, attr)
    if unbound:
        return unbound
    if owner == "DataFrame":
        built = _table_built_inside(p, attr)
        if built:
            return (
                f"`{call.text}` reads the column `{attr}` of a DataFrame its own code builds "
                f"(`{built}`), not one you passed: that table has no such column, so check "
                "that the data it loads for your arguments exists and fits the package's version."
            )
        return (
            f"`{call.text}` reads the column `{attr}` (as `.{attr}`) of a DataFrame that does "
            "not have it: print the columns of the DataFrames you pass it."
        )
    last = p.last_frame
    own_code = last is not None and not last.is_user and not last.library and not fitting
    if (
        own_code
        and not attr.startswith("_")
        and re.search(rf"\bself\.{re.escape(attr)}\b", last.failing_line)
    ):
        # A method of the user's own module read it: a step that sets it has not run. (In a
        # library's code, or in `fit` itself, the object's internals tell no such order.)
        return (
            f"`{call.text}` reads `self.{attr}`, which this {short} has not set yet: the step "
            "that sets it (often a fit or setup method) did not run, or failed, on this object; "
            "run it first and check its output."
        )
    ends_in_a_model = _pipeline_ends_in_a_model(p, call, short, attr)
    if ends_in_a_model:
        return ends_in_a_model
    if short[:1].isupper() and re.search(rf"\b{re.escape(short)}\b", p.user_code):
        return (
            f"`{call.text}` used `.{attr}` of the `{short}` it got, which has none: it expects "
            "another kind of object there (check what this function accepts)."
        )
    return None


_SKLEARN_PIPELINE = re.compile(r"sklearn[\\/]pipeline\.py$")
# scikit-learn's estimators without `predict`: embeddings (`fit_transform` only) and clusterers
# or outlier detectors with `fit_predict` only; a Pipeline ending in one has no `.predict` either.
_NO_PREDICT = frozenset(
    {"TSNE", "MDS", "SpectralEmbedding", "DBSCAN", "OPTICS", "HDBSCAN",
     "AgglomerativeClustering", "SpectralClustering", "LocalOutlierFactor"}
)  # fmt: skip


def _pipeline_ends_in_a_model(p: ParsedError, call, short: str, attr: str) -> str:
    """scikit-learn's Pipeline ran `.fit_transform`/`.transform`, which pass on to its last
    step's `transform`: a last step that is a model (a classifier) has none. The Pipeline is
    right; the method called on it is not."""
    last = p.last_frame
    if (
        attr != "transform"
        or last is None
        or not _SKLEARN_PIPELINE.search(last.filename)
        or not re.search(r"\.(?:fit_)?transform$", call.function)
        or short in _NO_PREDICT
        or re.search(rf"^\s*class\s+{re.escape(short)}\b", seen_code(p)[0], re.M)
    ):
        return ""  # (a class of the user's may be a transformer that lacks its method)
    pipeline = call.function.rsplit(".", 1)[0]
    return (
        f"The Pipeline's last step, the `{short}`, is a model with no `transform`, so "
        f"`{call.function.rsplit('.', 1)[1]}` cannot run on `{pipeline}`: fit it with "
        f"`{pipeline}.fit(...)` and use `{pipeline}.predict(...)`."
    )


def _own_subclass_unset(p: ParsedError, short: str, attr: str) -> str:
    """`class IMGFoveaIterator(Iterator):` in the notebook, and the library's code reads
    `self.n` of it: the base class's `__init__`, which sets it, did not run."""
    last = p.last_frame
    if last is None or not last.library or not short[:1].isupper():
        return ""
    if not re.search(rf"\bself\.{re.escape(attr)}\b", last.failing_line):
        return ""
    code = p.code_seen
    defined = re.search(rf"^\s*class\s+{re.escape(short)}\s*\(\s*([\w.]+)", code, re.M)
    if not defined or defined.group(1) == "object":
        return ""
    base = defined.group(1)
    return (
        f"Your class `{short}` (a subclass of `{base}`) has no `self.{attr}`, which "
        f"`{base}`'s code reads: call `super().__init__(...)` in its `__init__` with what "
        f"`{base}` needs, so it sets `{attr}`."
    )


def _own_class_lacks_method(p: ParsedError, owner: str, attr: str) -> str:
    """`class Arrow3D(FancyArrowPatch):` in the code seen, and a library's code calls
    `artist.do_3d_projection()` of it: that version of the library asks classes of that kind
    for a method the user's class does not define (a recipe written for an older version)."""
    last = p.last_frame
    if last is None or last.is_user or not last.library or attr.startswith("_"):
        return ""
    if not re.search(rf"\.{re.escape(attr)}\s*\(", last.failing_line):
        return ""
    short = owner.rsplit(".", 1)[-1]
    code = p.code_seen
    defined = re.search(rf"^\s*class\s+{re.escape(short)}\s*\(\s*([\w.]+)", code, re.M)
    if not defined or defined.group(1) == "object":
        return ""
    base, library = defined.group(1), last.library
    return (
        f"Your class `{short}` (a subclass of `{base}`) has no method `{attr}`, which "
        f"`{library}`'s code calls on it: this version of `{library}` expects such classes to "
        f"define it; add `{attr}` to your class as its documentation describes, or install the "
        f"`{library}` version your class was written for."
    )


def _named_by_string(call: str, attr: str) -> bool:
    """`df.apply("sqrt")`: pandas looks the string up as a method of the object."""
    quoted = rf"['\"]{re.escape(attr)}['\"]"
    return bool(re.search(rf"\.(?:apply|agg|aggregate|transform)\(\s*{quoted}", call))


# Conventional aliases, for a module whose import the code seen does not show.
_ALIASES = {"np": "numpy", "pd": "pandas", "plt": "matplotlib.pyplot"}
# What the functions of those modules return: a name none of these has is no result's.
_RESULTS = NDARRAY | MEMBERS["DataFrame"] | MEMBERS["Tensor"]


def _module_name_through_function(p: ParsedError, name: str, attr: str) -> str:
    """`np.array.random`: `attr` is a name of the module (`np.random`) that neither the function
    (`np.array`) nor what such functions return has: the function's name is one too many."""
    dotted = re.fullmatch(r"([A-Za-z_]\w*)\.(\w+)", name)
    if dotted is None:
        return ""
    alias, function = dotted.groups()
    code = p.code_seen
    imported = re.search(rf"^\s*import\s+([\w.]+)\s+as\s+{re.escape(alias)}\s*$", code, re.M)
    module = imported.group(1) if imported else _ALIASES.get(alias, alias)
    # pyplot's functions return figures, axes and artists, no frame nor array (`plt.plotting`
    # lists the plotting functions): its name read after one is pyplot's own
    results = frozenset() if module == "matplotlib.pyplot" else _RESULTS
    if attr not in MEMBERS.get(module, ()) or attr in results:
        return ""
    return (
        f"`{attr}` is a name of `{alias}` itself, not of its function `{name}` nor of what that "
        f"returns: write `{alias}.{attr}` (drop `.{function}`)."
    )


def _set_to_a_result_only(p: ParsedError, name: str) -> bool:
    """The code seen binds the bare ``name`` only to what a call returns (`df_grouped =
    df.groupby(...).agg(...)`, another line than the failing one), never to a function (`def`,
    `lambda`, an import): the function it holds came from a run the code does not show, and
    calling it is no cure of the line."""
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        return False
    code, _ = seen_code(p)
    if defines_callable(code, name):
        return False
    failing = p.user_line.strip()
    made = re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)[ \t]*[\w.]+[ \t]*\(.*$", re.M)
    return any(m.group(0).strip() != failing for m in made.finditer(code))


def _outside_tensorflow(p) -> bool:
    """The user's own line raised, and no frame of TensorFlow or Keras ran (no `tf.function`,
    `model.fit` or `Dataset.map` traced the code): the tensor was symbolic at the top level."""
    last = p.last_frame
    own = last is not None and last.is_user
    return own and not {"tensorflow", "keras", "tf_keras"} & set(p.packages)


def _graph_mode_numpy(p) -> str | None:
    """`.numpy()` at the top level: TensorFlow runs in graph mode, when the code seen shows it
    (TF1 calls, eager execution switched on or off); a Keras layer's symbolic output reads the
    same, so without such a sign the safe hint speaks."""
    if not _GRAPH_MODE.search(seen_code(p)[0]):
        return None
    return (
        "This `.numpy()` runs outside any `tf.function`, yet the tensor is symbolic: TensorFlow "
        "runs in graph mode (1.x, or eager execution turned off); call "
        "`tf.compat.v1.enable_eager_execution()` right after importing TensorFlow and restart the "
        "kernel, or use TensorFlow 2 (or `tfds.as_numpy(ds)` for a dataset)."
    )


# Code that shows TensorFlow's graph mode: TF1's session and placeholders, eager execution
# switched off, or switched on by hand (TF1 only needs that).
# (TensorFlow's own `Session`: `requests.Session()` is none)
_GRAPH_MODE = re.compile(
    r"\b(?:(?:enable|disable)_eager_execution|disable_v2_behavior"
    r"|(?:tf|v1|tensorflow)\.(?:Session|placeholder))\s*\("
)


def _nan_in_text(attr: str) -> str:
    return (
        f"Some values are floats (usually NaN where text is missing), which have no "
        f"`.{attr}`: fill them first (`.fillna('')`) or use the `.str` methods "
        f"(`s.str.{attr}(...)`), which skip NaN."
    )


def _builtin_read_for_a_variable(p: ParsedError, name: str) -> str | None:
    """`input.shape`: Python's own `input` (no cell binds the name), whose result is text, not
    data; the variable the code assigns under a name spelled close to it (`inputs`) was meant.
    With no such variable, nothing tells what was meant."""
    code, _ = seen_code(p)
    if binds(code, name):
        return None
    assigned = set(re.findall(r"^[ \t]*(\w+)[ \t]*(?:,[^=\n]*)?=(?!=)", code, re.M))
    assigned |= set(re.findall(r"^[ \t]*for[ \t]+(\w+)[ \t]+in\b", code, re.M))
    close = difflib.get_close_matches(name, sorted(assigned - {name}), n=1, cutoff=0.8)
    if not close:
        return None
    return (
        f"`{name}` here is Python's built-in function, not a variable of yours: the notebook "
        f"assigns `{close[0]}`, which is likely the name meant."
    )


# Public names of the `IPython.display` module (the function `display` is one of them).
_IPYTHON_DISPLAY = frozenset(
    """clear_output update_display display_markdown display_html display_png display_svg
    display_json display_latex display_javascript display_pretty Image HTML Markdown Audio Video
    IFrame Javascript Math Latex SVG JSON FileLink FileLinks YouTubeVideo Pretty
    set_matplotlib_formats""".split()  # noqa: SIM905
)
_DISPLAY_FROM_ITS_MODULE = re.compile(
    r"^[ \t]*from[ \t]+IPython\.display[ \t]+import\b[^\n]*\bdisplay\b", re.M
)


def _display_function_for_its_module(p: ParsedError, name: str, attr: str) -> str:
    """`display.clear_output(...)`: `display` is IPython's function (the kernel puts it in every
    namespace, and `from IPython.display import display` binds it too), not the module
    `IPython.display` that has `.clear_output`; calling the function gives no such object."""
    if name != "display" or attr not in _IPYTHON_DISPLAY:
        return ""
    code, _ = seen_code(p)
    if binds(code, name) and not _DISPLAY_FROM_ITS_MODULE.search(code):
        return ""
    return (
        f"`display` here is IPython's `display` function, not the module `IPython.display` "
        f"that has `{attr}`: write `from IPython.display import {attr}` and use `{attr}` alone "
        "(or `from IPython import display` to keep the line as it is)."
    )


def _method_name_split_by_a_dot(name: str, attr: str) -> str | None:
    """`df.drop.duplicates`: the method's name and the attribute joined by `_` are one method of
    the libraries' objects (`drop_duplicates`), so a `.` was typed for the `_`; calling `drop`
    first would fail again."""
    owner, dot, method = name.rpartition(".")
    joined = f"{method}_{attr}"
    if not dot or not any(joined in members for members in MEMBERS.values()):
        return None
    return (
        f"`{name}.{attr}` reads `.{attr}` of the method `{method}`: the method meant is likely "
        f"`{owner}.{joined}(...)`, one name with `_` where the `.` is."
    )


def _special_owner(p: ParsedError, f) -> str:
    """Owners whose type alone tells the cause."""
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    name = object_of(p, attr) or "it"
    code_name = f"`{name}`" if name != "it" else "it"
    if owner == "ellipsis":
        return (
            f"{code_name} is `...` (Ellipsis), an exercise's placeholder: replace the `...` where "
            f"{code_name} is assigned with the real code."
        )
    if owner in ("function", "method", "builtin_function_or_method"):
        through = _module_name_through_function(p, name, attr)
        if through:
            return through
        if name == "it":
            return None  # no line of the user's reads it: the function is not seen
        if _set_to_a_result_only(p, name):
            return None  # a cell builds it as a frame: an unseen run left a function there
        display = _display_function_for_its_module(p, name, attr)
        if display:
            return display
        if hasattr(builtins, name):  # ipykernel replaces `input` with a plain function
            return _builtin_read_for_a_variable(p, name)
        joined = _method_name_split_by_a_dot(name, attr)
        if joined:
            return joined
        return (
            f"{code_name} is a function, not the object it returns: call it first (e.g. "
            f"`result = {name}(...)`) and use `.{attr}` on the result."
        )
    loop = _loop_replaced(p, name)
    if loop:
        return (
            f"`{name}` is also the loop variable of `{loop.group(0).strip()} ...`, which replaced "
            f"your `{name}` (now {article(owner)} `{owner}`): give one of them another name."
        )
    if owner == "float" and attr in _STR_METHODS and "lambda" in p.user_line:
        return _nan_in_text(attr)
    if owner.endswith("EagerTensor") and attr.startswith("assign"):
        return (
            "A `tf.constant` (EagerTensor) cannot be changed: create it with `tf.Variable(...)` "
            f"to use `.{attr}`."
        )
    if owner in ("Tensor", "EagerTensor", "SymbolicTensor") and attr == "numpy":
        if _outside_tensorflow(p):
            return _graph_mode_numpy(p)
        return (
            "`.numpy()` works only eagerly: inside `tf.function`/`model.fit` code the tensor is "
            "symbolic; use TensorFlow ops there, or call it outside."
        )
    reducer = re.search(r"\.(\w+)\([^()]*\)$", name)
    if _SCALARS.match(owner) and reducer and reducer.group(1) in _REDUCERS:
        return (
            f"`{name}` returns a single number (a `{owner}`), which has no `.{attr}`: apply "
            f"`.{attr}` to the data before `.{reducer.group(1)}()`, or drop it."
        )
    compared = re.search(
        rf"(\([^()]*(?:==|!=|<=|>=|<|>)[^()]*\))\s*\.{re.escape(attr)}\b", p.user_line
    )
    if owner in ("bool", "numpy.bool_") and compared:
        return (
            f"`{compared.group(1)}` gave a single True/False, not one per element: either a "
            "side is a plain list (convert it with `np.array(...)`) or the two sides have "
            "different lengths (compare their `len(...)`; compare values of the same rows)."
        )
    return ""


def _loop_replaced(p: ParsedError, name: str) -> re.Match | None:
    """`for name in ...` and an assignment of `name` elsewhere in the cell: the loop variable
    replaced it. Not when `name` is assigned again between the loop's header and the failing
    line (in the loop's body): that value is the one the line reads."""
    header = rf"^\s*for\s+(?:[\w, ]*\b)?{re.escape(name)}\b[\w, ]*\s+in\b"
    assigned = rf"^\s*{re.escape(name)}\s*=(?!=)"
    # the cell's own lines: ``user_code`` also starts with the traceback's copies of some lines
    lines = own_lines(p)
    code = "\n".join(lines)
    loop = re.search(header, code, re.M)
    if loop is None or not re.search(assigned, code, re.M):
        return None
    text = p.user_line.strip()
    for at in (i for i, line in enumerate(lines) if text and line.strip() == text):
        for line in reversed(lines[:at]):
            if re.match(header, line):
                break
            if re.match(assigned, line):
                return None  # the body gave `name` its value after the header
    return loop


def _close_member(p: ParsedError, owner: str, attr: str) -> str:
    """A name the object has that reads as a slip in typing ``attr``: from the tables, from
    ``dir()`` of a builtin type or standard module, or read with a dot on the same object
    elsewhere in the notebook (`transforms.RandomCrop` for `transforms.randomcrop`; a cell
    that ran `nn.Linear` read it on the module the failing line reads too)."""
    pool = set(MEMBERS.get(owner, ())) | _builtin_members(owner)
    if owner.split(".")[0] == "cv2":  # `cv2` or the `cv2.cv2` of older OpenCV wheels
        pool |= CV2
    name = object_of(p, attr)
    read = re.compile(rf"(?<![\w.]){re.escape(name)}\.([A-Za-z_]\w*)") if name else None
    if read is not None and re.fullmatch(r"[\w.]+", name):
        pool |= set(read.findall(p.user_code))
    found = sorted(c for c in pool if spelled_alike(attr, c))
    if not found:
        # `d.key()` of a dict: a plural or singular slip, too short for `spelled_alike`
        plural = {attr + "s", attr[:-1] if attr.endswith("s") else ""}
        found = sorted(plural & _builtin_members(owner))
    if not found and read is not None and re.fullmatch(r"[\w.]+", name):
        # Other cells' reads of the same name: a slip of one letter or of case only (`nn.linear`
        # for the `nn.Linear` of cell 21), or the dunder (`tf.version`, `tf.__version__`); two
        # letters off (`MeanPool2d`, `MaxPool2d`) or a private name may be another thing.
        found = sorted(
            c
            for c in set(read.findall(p.code_seen))
            if c == f"__{attr}__"
            or (
                not c.startswith("_")
                and not attr.startswith("_")
                and spelled_alike(attr, c)
                and edit_distance(attr.lower(), c.lower(), 1) <= 1
            )
        )
    return " or ".join(f"`{c}`" for c in found[:2])


# Standard modules and builtin types whose names ``dir()`` gives without importing anything new.
_STANDARD = frozenset({"os", "os.path", "sys", "re", "math", "random", "json", "time", "string"})
_BUILTIN_TYPES = {"str": str, "list": list, "dict": dict, "int": int, "float": float,
                  "tuple": tuple, "set": set}  # fmt: skip


def _builtin_members(owner: str) -> set[str]:
    if owner in _BUILTIN_TYPES:
        return {n for n in dir(_BUILTIN_TYPES[owner]) if not n.startswith("_")}
    if owner in _STANDARD:
        return _public_names(owner)
    return set()


def _public_names(module_name: str) -> set[str]:
    """``dir()`` of a standard module, without its private names."""
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    return {n for n in dir(module) if not n.startswith("_")}


# Modules whose names the tables or ``dir()`` give, to say where a name a module lacks lives.
_ELSEWHERE = ("numpy", "pandas", "matplotlib.pyplot", "torch", "statistics", "math")


def _owners_of(attr: str, besides: str) -> str:
    """Where ``attr`` lives, when ``besides`` (a module) lacks it and its own table does not list
    it (a listed name that is missing means a shadowed or broken install, not another module):
    "`statistics` and pandas objects (`.mode()`)"."""
    top = besides.split(".")[0]
    if besides not in _ELSEWHERE or attr in _names_of(besides) or attr in _names_of(top):
        # Only a module whose names we know lacks it for sure (`keras.models.load` is no
        # `np.load`: Keras names it `load_model`).
        return ""
    modules = [f"`{o}`" for o in _ELSEWHERE if o not in (besides, top) and attr in _names_of(o)]
    if top != "pandas" and attr in MEMBERS["DataFrame"]:
        modules.append(f"pandas objects (`df.{attr}`)")
    return " and ".join([", ".join(modules[:-1]), modules[-1]] if len(modules) > 1 else modules)


# NumPy's names that PyTorch gives another name: `torch.average` is `torch.mean`.
_TORCH_NAME_OF = {
    "average": "`torch.mean(t)`, or `t.mean()` on a tensor",
    "concatenate": "`torch.cat([a, b])`",
    "expand_dims": "`torch.unsqueeze(t, dim)`, or `t.unsqueeze(dim)`",
    "power": "`torch.pow(t, p)`, or `t.pow(p)`",
    "array": "`torch.tensor(data)`",
}


# Attributes of a matplotlib Axes that pyplot has no function for (its own names aside).
_AXES_ONLY = frozenset({"xaxis", "yaxis", "spines", "transAxes", "transData"})


def _unknown_module_reads(code: str, alias: str, owner: str) -> tuple[str, str] | None:
    """The first name ``code`` reads on the module (`pd.dataframe`) that the module's table
    lacks, with the table's name of other case (`DataFrame`, or "" when none): None when
    all are known, or the module has no table. A name a release removed (`np.NaN`, gone in
    NumPy 2.0) counts as known: the table holds the newest names, and an older install has it."""
    names = _names_of(owner)
    if not names or not alias.isidentifier():
        return None
    lowered = {n.lower(): n for n in names}
    start = 0
    while (at := code.find(f"{alias}.", start)) >= 0:
        start = at + len(alias) + 1
        if at and (code[at - 1].isalnum() or code[at - 1] in "_."):
            continue
        m = _NAME_AT.match(code, start)
        if m and m.group(0) not in names and lookup(owner, m.group(0)) is None:
            return m.group(0), lowered.get(m.group(0).lower(), "")
    return None


_NAME_AT = re.compile(r"[A-Za-z_]\w*")


def _names_of(owner: str) -> set[str]:
    if owner in ("statistics", "math"):
        return _public_names(owner)
    return set(MEMBERS.get(owner, ()))


_LEADING_NAME = re.compile(r"\w+")


def _doubled_alias_call(line: str, attr: str) -> str:
    """The name after `attr.attr.` when the line reads the missing attribute right after a
    name spelled the same (`pd.pd.read_excel`: the module bound to `pd` read as its own
    attribute); "" otherwise."""
    twice = f"{attr}.{attr}."
    start = line.find(twice) if attr else -1
    while start >= 0:
        before = line[start - 1] if start else " "
        if not (before.isalnum() or before in "._"):
            name = _LEADING_NAME.match(line, start + len(twice))
            if name:
                return name.group()
        start = line.find(twice, start + 1)
    return ""


def _module_attribute(p: ParsedError, f) -> str:
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    top = owner.split(".")[0]
    if owner == "matplotlib" and attr in PYPLOT:
        return (
            f"`matplotlib` itself has no `{attr}`: plotting functions live in "
            "`matplotlib.pyplot`; write `import matplotlib.pyplot as plt`."
        )
    # `helpers.helpers.clean()`: a package's submodule of its own name, not yet imported, is
    # no alias written twice; only an alias (`pd` of `pandas`) names itself once more
    doubled = _doubled_alias_call(p.user_line, attr) if attr != owner.rsplit(".", 1)[-1] else ""
    if doubled:
        # `pd.pd.read_csv(...)`: the module is read as `pd`, which names itself once more
        return (
            f"`{attr}.{attr}.` writes the name twice: `{attr}` already is the module `{owner}`, "
            f"so write `{attr}.{doubled}` instead."
        )
    if (owner, attr) == ("sys", "setdefaultencoding"):
        # Python 2's way to change the default encoding: its read-only twin
        # `getdefaultencoding`, the close name, changes nothing
        return (
            "`sys.setdefaultencoding` is Python 2 only; Python 3's text is Unicode already: "
            "delete that line, and pass `encoding='utf-8'` to `open(...)` where a file's "
            "encoding matters."
        )
    if top == "numpy" and owner != "numpy" and attr in NUMPY:
        return f"`{attr}` is in NumPy itself, not in `{owner}`: call `np.{attr}(...)`."
    namespace = _read_as_namespace(p, attr)
    imported = _submodule_imported_elsewhere(p, owner, attr, namespace)
    if imported:
        # `Chem.rdMolDescriptors.CalcNumHBA` after `import rdkit`: a submodule becomes its
        # package's attribute only once some import loads it, which the notebook has
        return (
            f"`{owner}.{attr}` is a submodule, which `{owner}` holds only once it is imported, "
            f"and the notebook imports it (`{imported}`): run that import before this line, "
            f"or add `import {owner}.{attr}` to this cell."
        )
    if _submodule_never_imported(p, owner, attr):
        # `mpl.pyplot.rc(...)` after `import matplotlib` alone: no import loads the submodule
        return (
            f"`{owner}.{attr}` is a submodule, which `{owner}` holds only once an import loads "
            f"it: add `import {owner}.{attr}` before this line."
        )
    if owner == "pandas" and attr in MEMBERS["DataFrame"] and attr not in _names_of("pandas"):
        if namespace:  # `pd.plot.scatter_matrix`: the name sought is not `df.plot`'s
            return _unknown_module_name(owner, attr)
        if attr in _FRAME_PROPERTIES:  # `df.style(...)` would call the Styler it returns
            return (
                f"`{attr}` is a property of pandas DataFrames (and Series), not a function of "
                f"the `pandas` module: read it on your data, without parentheses: `df.{attr}`."
            )
        return (
            f"`{attr}` is a method of pandas DataFrames (and Series), not a function of the "
            f"`pandas` module: call it on your data, e.g. `df.{attr}(...)`."
        )
    torch_name = _TORCH_NAME_OF.get(attr) if owner == "torch" and not namespace else None
    if torch_name:
        # NumPy's name for it: on tensors, PyTorch's own function keeps the device and autograd
        return f"`torch` has no `{attr}` (NumPy's name): in PyTorch it is {torch_name}."
    # `np.mode`: a real name of other libraries is no slip in typing `modf`; say where it is.
    # Not when the line reads a name after it (`pd.plot.scatter`): then it is no function.
    # Not for `torch`: NumPy's functions take arrays, and a tensor user wants torch's own name.
    elsewhere = "" if namespace or top == "torch" else _owners_of(attr, besides=owner)
    if elsewhere:
        return f"The module `{owner}` has no `{attr}`: it is in {elsewhere}; call it from there."
    if attr in _names_of(owner):  # a name the package has: an older install, or a shadowing file
        return (
            f"The `{owner}` that was imported has no `{attr}`, which recent versions of `{top}` "
            f"have: check `{top}.__version__` and upgrade it (then restart the kernel), and that "
            f"no file of yours is named `{top}.py`."
        )
    if owner == "matplotlib.pyplot" and attr in _AXES_ONLY:
        # `plt.yaxis`: a real name of an Axes, so no slip in typing pyplot's `axis`.
        read = f"`{attr}` is an attribute of an Axes, not of `pyplot`: read it as "
        read += f"`plt.gca().{attr}`"
        if attr not in ("xaxis", "yaxis"):
            return read + "."
        a = attr[0]
        return (
            f"{read}; to set a label, ticks or limits, pyplot has `plt.{a}label(...)`, "
            f"`plt.{a}ticks(...)` and `plt.{a}lim(...)`."
        )
    close = _close_member(p, owner, attr)
    if close and namespace and not _close_is_namespace(owner, close):
        # `pd.read_df.head_csv(...)`: the line reads a name after `read_df`, which a function
        # such as `read_hdf` does not have; the dotted name as a whole is the slip
        chain = re.search(rf"\.{re.escape(attr)}((?:\.\w+)+)", p.user_line)
        whole = f"{attr}{chain.group(1)}" if chain else attr
        return (
            f"The module `{owner}` has no `{attr}`, and the line reads `{whole}` as if it were "
            "a submodule: check the whole dotted name in the documentation (a dot may split "
            "one function's name in two)."
        )
    if close:
        return f"The module `{owner}` has no `{attr}`. Did you mean {close}?"
    ran = edited_failing_line(p)
    now = "\n".join(p.user_code.splitlines()[-p.cell_lines :])
    reader = re.search(rf"(\w+)\.{re.escape(attr)}\b", ran)
    if reader and f"{reader.group(1)}." in now and not re.search(rf"\.{re.escape(attr)}\b", now):
        # the saved cell still reads the module but no longer the name that failed: an edit
        # renamed it, and the new text has not run yet
        unknown = _unknown_module_reads(now, reader.group(1), owner)
        if unknown and unknown[1]:
            # the new name is no name of the module either, but its other case is: the edit
            # fails again. A name of no case there may still be the module's (`torch.linalg`
            # beside a table of some of torch's names): the edit is run again, not judged
            read, fixed = unknown
            return (
                f"The cell was edited after this error, but the new `{reader.group(1)}.{read}` "
                f"is no name of `{owner}` either: write `{reader.group(1)}.{fixed}` (names are "
                "case-sensitive)."
            )
        return (
            f"The cell was edited after this error: it ran {code_span(ran, 50)}, and its code "
            f"no longer reads `{attr}`. Run it again, and read the new error if it still fails."
        )
    # `stats = df.describe()` beside `scipy.stats.norm`: a submodule not imported yet, whatever
    # the notebook's own variable of that name
    alias = "" if is_known_submodule(f"{owner}.{attr}") else _module_prefix_on_own_name(p, attr)
    if alias:
        # `pd.df[0]`: the notebook's own variable, read through the module's name; the
        # documentation or another library would not have it
        return (
            f"`{attr}` is your notebook's own name (a cell gives it a value at its top level), "
            f"not one of the module `{owner}`: write `{attr}` without the `{alias}.` before it."
        )
    if top in _STANDARD_PACKAGES and PROJECT_NAMES.search(top):
        # `test`: a file of the user's of that name comes first on the path, else the standard
        # library's package is what was imported; which one, the traceback does not show.
        return (
            f"`{top}` is also a package of Python's standard library, which is what was imported "
            f"when no `{top}.py` of yours sits next to the notebook: name your file otherwise "
            f"(e.g. `my_{top}.py`) and import that; if it is there, check that it defines "
            f"`{attr}` and restart the kernel."
        )
    if _RESEARCH_PACKAGES.match(top):
        # a clone of a research repository (the TF Object Detection API's `object_detection`):
        # no file of the user's, and its names are those of the version cloned
        return (
            f"`{owner}` is a module of the `{top}` research package, not your own, and it has no "
            f"`{attr}`: look for the name in that package's files, or use another function."
        )
    if not is_known_module(top) and PROJECT_NAMES.search(top):
        # `utils`, `Untitled56` (a notebook imported with import_ipynb): the user's own file,
        # which no documentation describes and no other file shadows.
        return (
            f"`{owner}` is most likely your own module, and it has no `{attr}`: check that its "
            f"file defines `{attr}` (spelling), and restart the kernel after editing it (Python "
            "keeps the version it imported first)."
        )
    if owner in MEMBERS or "." in owner:
        # Its names are known and `attr` is none of them: a file shadowing the module would
        # lack the known names too (answered above), so only the name itself is in question.
        # A submodule (`PIL.Image`) was found inside its package: a file `PIL.py` has none.
        return _unknown_module_name(owner, attr)
    return (
        f"The module `{owner}` has no `{attr}`: check the name in the documentation of your "
        f"installed version, and that no file of yours is named `{top}.py`."
    )


# The packages of research repositories, imported from a clone (PROJECT_NAMES has them too)
_RESEARCH_PACKAGES = re.compile(r"(?:ldm|taming|object_detection|mrcnn)$")


def _module_prefix_on_own_name(p: ParsedError, attr: str) -> str:
    """The module alias the failing line writes before ``attr`` (`pd` of `pd.df[0]`) when
    the code assigns, or defines, ``attr`` at the top level of a cell (`df = ...`); else "".
    An assignment inside a function, or the failing line's own, gives no name that the line
    could read instead."""
    found = re.search(rf"(?<![\w.])(\w+)\.{re.escape(attr)}\b", p.user_line)
    code, _ = seen_code(p)
    if found is None or not imports_name(code, found.group(1)):
        return ""
    name = re.escape(attr)
    # `benchmark = gym.benchmark(...)` assigns its name from the failing read itself: that
    # line (wherever it stands) gives no value that the line could read instead
    failing = p.user_line.strip()
    own = any(
        m.group(0).strip() != failing
        for m in re.finditer(rf"^(?:{name}[ \t]*=(?!=)|(?:def|class)[ \t]+{name}\b).*", code, re.M)
    )
    return found.group(1) if own else ""


# The standard library's modules; `sys.stdlib_module_names` leaves out `test` (Python's own
# test suite), which most installs have and which `import test` finds without a `test.py`.
_STANDARD_PACKAGES = STDLIB_TOPS | {"test"}


# Packages whose own `__init__` loads (or lazily gives) every submodule of theirs that exists:
# `tf.keras` or `torch.nn` missing means a broken install, a version without it or a file of
# that name, never an import still to run.
_LOADS_ITS_SUBMODULES = frozenset({"numpy", "pandas", "torch", "tensorflow", "keras", "jax"})


def _submodule_imported_elsewhere(p: ParsedError, owner: str, attr: str, namespace: bool) -> str:
    """The import line of the notebook that loads `owner.attr` as a module: `import
    owner.attr`, `from owner.attr import x`, or `from owner import attr` when the failing line
    reads names of `attr` (a module's, then); "" when there is none (or the line is no valid
    Python: it imported nothing)."""
    code = seen_code(p)[0]
    if attr not in code or owner in _LOADS_ITS_SUBMODULES:
        return ""
    o, a = re.escape(owner), re.escape(attr)
    lines = [rf"import[ \t]+{o}\.{a}\b", rf"from[ \t]+{o}\.{a}(?:\.[\w.]+)?[ \t]+import\b"]
    if namespace:
        lines.append(rf"from[ \t]+{o}[ \t]+import[ \t]+(?:[\w \t]*,[ \t]*)?{a}(?![\w.])")
    for m in re.finditer(rf"^[ \t]*((?:{'|'.join(lines)})[^\n]*)", code, re.M):
        line = m.group(1).split("#", 1)[0].strip()
        try:
            ast.parse(line)
        except SyntaxError:
            continue
        return line
    return ""


def _submodule_never_imported(p: ParsedError, owner: str, attr: str) -> bool:
    """`owner.attr` is a submodule the tables know, of a package whose `__init__` does not load
    its submodules, and the package is whole (no circular import left it half-made)."""
    return (
        owner not in _LOADS_ITS_SUBMODULES
        and is_known_submodule(f"{owner}.{attr}")
        and "circular import" not in p.message
    )


def _unknown_module_name(owner: str, attr: str) -> str:
    return (
        f"The module `{owner}` has no `{attr}`: check the name in the documentation of your "
        f"installed version (another library may provide `{attr}`)."
    )


def _close_is_namespace(owner: str, close: str) -> bool:
    """One of the close names (`` `random` ``) is a submodule the tables know (`numpy.random`),
    which a line may read a name of."""
    return any(f"{owner}.{c}" in MEMBERS for c in re.findall(r"`(\w+)`", close))


def _read_as_namespace(p: ParsedError, attr: str) -> bool:
    """The line reads a name of `.attr` (`pd.plot.scattermatrix`): `attr` is used as a module
    or object there, not as a function."""
    return bool(re.search(rf"\.{re.escape(attr)}\.\w", p.user_line))


# A search (GridSearchCV) keeps the fitted model it found in `best_estimator_`; these are its own.
_SEARCH = re.compile(r"^(?:Halving)?(?:Grid|Randomized)SearchCV$|^BayesSearchCV$")
_SEARCH_OWN = frozenset(
    {"best_estimator_", "best_params_", "best_score_", "best_index_", "cv_results_", "scorer_"}
    | {"n_splits_", "refit_time_", "multimetric_", "classes_", "n_features_in_"}
    | {"feature_names_in_", "n_candidates_", "n_resources_", "n_iterations_"}
)
# What a search sets in `fit` (no version lacks them); `best_estimator_` only when it refits.
_REFIT_OWN = frozenset({"best_estimator_", "best_params_", "best_score_", "best_index_"})
_REFIT_ONLY = frozenset({"best_estimator_"})
# Only a search has them; a model (even the one a search chose) never does.
_SEARCH_ONLY = frozenset({"best_estimator_", "best_params_", "best_score_", "cv_results_"})
# `grid = GridSearchCV(` in the code: the search's name.
_SEARCH_BUILT = re.compile(
    r"^[ \t]*(\w+)[ \t]*=[ \t]*(?:\w+\.)*(?:Halving)?(?:Grid|Randomized)SearchCV\(", re.M
)
_PIPELINE_OWN = frozenset({"classes_", "n_features_in_", "feature_names_in_"})
# Fitted attributes only some estimators have: (attribute, the class names that have it, what
# the others use). A class of a known family outside the pattern never gets the attribute.
_ONLY_SOME: dict[str, tuple[re.Pattern, str]] = {
    "coef_": (
        re.compile(
            r"Regression(?:CV)?$|^(?:Ridge|Lasso|ElasticNet|Lars\w*|Lasso\w*CV|Ridge\w*|"
            r"ElasticNetCV|SGD\w+|LinearSVC|LinearSVR|SVC|SVR|NuSVC|NuSVR|Perceptron|"
            r"PassiveAggressive\w+|LinearDiscriminantAnalysis|ARDRegression|"
            r"(?:Huber|TheilSen|Quantile|Poisson|Gamma|Tweedie)Regressor|"
            r"BayesianRidge|\w*NB|OrthogonalMatchingPursuit\w*)$"
        ),
        "only linear models have it (trees and forests have `feature_importances_`)",
    ),
    "feature_importances_": (
        re.compile(
            r"^(?:DecisionTree|ExtraTrees?|RandomForest|GradientBoosting|AdaBoost|XGB|LGBM|"
            r"CatBoost|Bagging)\w*$"
        ),
        "only tree models have it; for a linear model compare `abs(model.coef_)`, for any "
        "model use `sklearn.inspection.permutation_importance`",
    ),
    "tree_": (
        re.compile(r"^(?:DecisionTree|ExtraTree)(?:Classifier|Regressor)$"),
        "only a single decision tree has it; a forest keeps its trees in `estimators_` "
        "(e.g. `model.estimators_[0].tree_`)",
    ),
}
# Class names of estimators whose attributes the table above can vouch for.
# Fitted attributes that the estimators named have had in every scikit-learn version.
_ALWAYS_FITTED: dict[str, re.Pattern] = {
    "vocabulary_": re.compile(r"^(?:Count|Tfidf)Vectorizer$"),
    "idf_": re.compile(r"^Tfidf(?:Vectorizer|Transformer)$"),
    "cluster_centers_": re.compile(r"^(?:MiniBatch)?KMeans$"),
    "components_": re.compile(r"^(?:PCA|TruncatedSVD|NMF|LatentDirichletAllocation)$"),
    "explained_variance_ratio_": re.compile(r"^(?:PCA|TruncatedSVD)$"),
}


_ESTIMATOR = re.compile(
    r"(?:Classifier|Regressor|Regression|CV|NB|SVC|SVR|KMeans|DBSCAN|Forest|Tree|Ridge|Lasso|"
    r"ElasticNet|Perceptron|Analysis)$|^(?:KMeans|KNeighbors\w*|SVC|SVR|LinearSVC|MLP\w+)$"
)


_ENSEMBLE = re.compile(r"^(?:RandomForest|ExtraTrees|Bagging|AdaBoost|IsolationForest)")


def _kept_elsewhere(short: str, attr: str) -> str:
    """Where a search or a Pipeline keeps the fitted attribute a function wanted of it."""
    if _SEARCH.match(short) and attr not in _SEARCH_OWN:
        return (
            f"a {short} does not have even after fitting: pass the model it found, "
            "`.best_estimator_` (fitted with `refit=True`)."
        )
    if short == "Pipeline" and attr not in _PIPELINE_OWN:
        return "a Pipeline does not have: pass the step that has it, e.g. `pipe[-1]`."
    return ""


# Bases that set no fitted attribute of their own (scikit-learn's mixins set none)
_BASES_WITHOUT_FITTED = frozenset(
    {"", "object", "BaseEstimator", "ClassifierMixin", "RegressorMixin", "TransformerMixin"}
)


def _own_class_without(p: ParsedError, short: str, attr: str) -> str:
    """The notebook's own `class MyForest` whose code never sets `self.attr`: scikit-learn's
    rules for its estimators say nothing of it; its own code decides what it has."""
    code = p.code_seen
    header = re.search(rf"^\s*class\s+{re.escape(short)}\s*(?:\(([^)]*)\))?\s*:", code, re.M)
    if header is None:
        return ""
    bases = {b.strip().rsplit(".", 1)[-1] for b in (header.group(1) or "").split(",")}
    if not bases <= _BASES_WITHOUT_FITTED:
        return ""  # a subclass of a library's model inherits what that model's `fit` sets
    if re.search(rf"\.{re.escape(attr)}\s*(?:=[^=]|:)|def\s+{re.escape(attr)}\b", code):
        return ""  # set somewhere: then whether it ran before the read is the question
    return (
        f"`{short}` is your own class, and its code never sets `{attr}`: compute it in its "
        f"`fit` (`self.{attr} = ...`), or drop the line that reads it."
    )


def _fitted_attribute(p: ParsedError, f) -> str:
    """`model.coef_`: scikit-learn sets attributes ending in `_` in `fit`. "Fit first" only when
    this kind of estimator has the attribute at all: a search keeps its model in
    `best_estimator_`, a Pipeline in its steps, and a forest has no `coef_`."""
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    if not f.get("fitted_attribute") or not owner[:1].isupper():
        return ""
    name = object_of(p, attr) or "model"
    short = owner.rsplit(".", 1)[-1]
    if _SEARCH.match(short) and attr not in _SEARCH_OWN:
        # a slip of the search's own name (`best_param_`): the fitted model has it no more
        own = difflib.get_close_matches(attr, _SEARCH_OWN - {"scorer_"}, n=1, cutoff=0.85)
        if own and attr.startswith("n_") == own[0].startswith("n_"):
            # (`n_classes_` is the fitted model's count of `classes_`, no slip of that name)
            return f"A {short} has no `{attr}`; its own attribute is `{name}.{own[0]}`."
        return (
            f"`{name}` is a {short}: the model it fitted is `{name}.best_estimator_`, so read "
            f"`{name}.best_estimator_.{attr}` (after `{name}.fit(...)`, with `refit=True`)."
        )
    if attr == "estimator_" and _ENSEMBLE.search(short) and f"{name}.estimator_[" in p.user_line:
        # One template estimator is never indexed: the fitted ones are a list, `estimators_`.
        return (
            f"A {short} keeps its fitted trees in `estimators_` (plural): write "
            f"`{name}.estimators_[0]`."
        )
    if short == "Pipeline" and attr not in _PIPELINE_OWN:
        return (
            f"`{name}` is a Pipeline: `{attr}` belongs to one of its steps, e.g. "
            f"`{name}[-1].{attr}` for the last one (or `{name}.named_steps['<step>'].{attr}`)."
        )
    own = _own_class_without(p, short, attr)
    if own:
        return own
    if (
        attr in _SEARCH_ONLY
        and _ESTIMATOR.search(short)
        and not short.endswith("CV")
        and _from_sklearn(p, short)
    ):
        # `best_score_` on the model a search chose: no fit or version gives a model it
        # (LightGBM's and CatBoost's models have a `best_score_` of their own)
        return _search_attribute_on_model(p, short, attr)
    only = _ONLY_SOME.get(attr)
    if only and _ESTIMATOR.search(short) and not only[0].search(short):
        return f"A {short} never has `{attr}`, fitted or not: {only[1]}."
    if _SEARCH.match(short) and attr in _REFIT_OWN:
        return _search_without_refit(p, name, short, attr)
    if ".fit(" in p.user_line:
        return ""
    fitted = re.search(rf"\b{re.escape(name)}\.fit(?:_transform)?\(", p.user_code)
    if fitted:
        return (
            f"`{name}` was fitted in this cell, yet this {owner} has no `{attr}`: fitted "
            "attributes differ from model to model; see the attribute list in its documentation."
        )
    fit = re.compile(rf"\b{re.escape(name)}\.fit(?:_transform)?\(")
    if object_of(p, attr) and any(fit.search(code) for code in p.notebook_code):
        if _ALWAYS_FITTED.get(attr) and _ALWAYS_FITTED[attr].search(short):
            # every version's fit sets it: only an unfitted estimator lacks it
            return (
                f"This {owner} has not been fitted: a cell of the notebook fits `{name}`, so run "
                f"that cell before this one (or fit it again if `{name}` was made anew since)."
            )
        # Another cell fits it: whether that ran is not seen, so both readings, that one first.
        return (
            f"A cell of the notebook fits `{name}`: if it ran, this {owner} has no `{attr}` in "
            "your scikit-learn version (see its attribute list); if not, run that fit first."
        )
    return (
        f"`{attr}` exists only after fitting: call `{name}.fit(...)` on this {owner} first (if it "
        f"is fitted already, this model has no `{attr}`: see its documentation)."
    )


# `from sklearn.x import A, B`, also in parentheses over several lines or continued with `\`.
_SKLEARN_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+sklearn[\w.]*[ \t]+import[ \t]+(\([^)]*\)|(?:[^\n]*\\\n)*[^\n]+)", re.M
)


def _from_sklearn(p: ParsedError, short: str) -> bool:
    """The code seen imports the class ``short`` from scikit-learn (or calls it through
    `sklearn.…`)."""
    code = p.code_seen
    for m in _SKLEARN_IMPORT.finditer(code):
        if short in re.findall(r"\w+", m.group(1)):
            return True
    return f".{short}(" in code and "sklearn." in code


def _search_attribute_on_model(p: ParsedError, short: str, attr: str) -> str:
    """A search's own attribute (`best_score_`) read of a plain model: name the search the code
    builds when there is exactly one."""
    searches = set(_SEARCH_BUILT.findall(p.code_seen))
    where = f"`{searches.pop()}.{attr}`" if len(searches) == 1 else f"`search.{attr}`"
    return (
        f"`{attr}` belongs to a search (`GridSearchCV`, `RandomizedSearchCV`), never to a "
        f"{short}, fitted or not: read it from the fitted search object, {where}."
    )


def _search_without_refit(p: ParsedError, name: str, short: str, attr: str) -> str:
    """A search's `best_*` attributes: every version of scikit-learn has them after `fit`, and
    `best_estimator_` as long as the search refits (`refit=True`, the default). So the search
    was not fitted, or was built with `refit=False`: no version question."""
    if attr not in _REFIT_ONLY:
        return (
            f"A {short} has `{attr}` in every scikit-learn version after fitting: run "
            f"`{name}.fit(...)` (or the cell that fits it) first."
        )
    code = p.code_seen
    built = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)[^=]", code, re.M)
    if built and re.search(r"\brefit\s*=\s*False\b", code[built.start() : built.start() + 400]):
        return (
            f"The search is built with `refit=False`, so it keeps no `{attr}`: pass `refit=True` "
            f"(or, with several scorers, the name of one) and fit `{name}` again."
        )
    return (
        f"A {short} has `{attr}` only after `{name}.fit(...)` has run with `refit=True` (the "
        "default): run the cell that fits it first, and check that it does not set `refit=False`."
    )


# Members of statsmodels' prediction and forecast results, which no pandas object has.
_STATSMODELS_RESULT_MEMBERS = frozenset({"conf_int", "summary_frame", "predicted_mean"})
# Words for a frame's rows or their count, which pandas spells `len(df)` / `df.shape[0]`.
_SIZE_WORDS = frozenset({"rows", "nrows", "num_rows", "n_rows", "row_count", "length"})


def _unpacked_into_dimensions(p: ParsedError) -> str:
    """The object of `rows, cols = df.reshape(...)`, whose result is unpacked into two names."""
    m = re.search(r"^\s*\w+\s*,\s*\w+\s*=\s*([\w.]+)\.reshape\(", p.user_code, re.M)
    return m.group(1) if m else ""


_METHOD_READ = re.compile(r"\.([A-Za-z_]\w*)\b(?!\s*\()")
# an instance of a class (`Nominatim(...)`, `geocoders.Nominatim(...)`), whose methods are meant
# to run on each value; no call of a data library (`gpd.points_from_xy(...)`,
# `gpd.GeoSeries(...)`), whose result is data the frame was to hold as a column
_MADE_BY_A_CALL = re.compile(
    r"(?!(?:pd|pandas|np|numpy|gpd|geopandas|torch|tf|xr|pl|dd|scipy|sp)\.)"
    r"(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(.*\)\s*(?:#.*)?"
)


def _own_object_as_member(p: ParsedError, attr: str) -> str:
    """`df["address"].geo.geocode`: `geo` is no pandas member but the notebook's own object
    (`geo = Nominatim()`), written as if the column had it; its method is meant to run on each
    value. Only when the line reads a method of it and the notebook makes it by a call."""
    at = p.user_line.find(f".{attr}.")
    m = _METHOD_READ.match(p.user_line, at + len(attr) + 1) if at >= 0 else None
    if not m or attr in PANDAS_OBJECT:
        return ""
    made = [v for v in assigned_values(seen_code(p)[0], attr) if _MADE_BY_A_CALL.fullmatch(v)]
    if not made:
        return ""
    series = expression_before(p.user_line, at)
    method = f"{attr}.{m.group(1)}"
    on = f"`{series}.apply({method})`" if series else f"`.apply({method})` on the values"
    return (
        f"`{attr}` is the notebook's own object (`{attr} = {short(made[-1], 30)}`), not a member "
        f"of the {'Series' if series else 'pandas object'}: to call `{method}` on each value "
        f"write {on}."
    )


# Libraries whose frames are also called DataFrame; pandas' list of members says nothing of them.
_OTHER_FRAME_LIBRARIES = re.compile(
    r"^\s*(?:import|from)\s+(?:dask|modin|polars|pyspark|vaex|cudf|koalas|databricks)\b", re.M
)


# DataFrame methods of newer pandas that a Series has had for long (`value_counts`, `map`).
_SERIES_TOO = frozenset({"value_counts", "map"})


# DataFrame methods pandas added in 0.25 or later: only for those can an installed pandas lack
# the method (`iterrows`, `pivot_table` have been there for long: a frame lacking them is
# another library's, unseen).
_DATAFRAME_SINCE_0_25 = frozenset(
    {"explode", "sparse", "attrs", "convert_dtypes", "to_markdown", "value_counts", "compare",
     "set_flags", "flags", "to_xml", "isetitem", "map", "case_when", "select", "from_arrow",
     "to_orc"}
) & PANDAS_OBJECT  # fmt: skip


def _other_frames(p: ParsedError) -> bool:
    """The code imports a library of DataFrames other than pandas (or one of its frames ran)."""
    if any(fr.library and fr.library not in ("pandas", "numpy") for fr in p.frames):
        return True
    return bool(_OTHER_FRAME_LIBRARIES.search(seen_code(p)[0]))


def _raised_by_pyspark(p: ParsedError) -> bool:
    """A frame of the traceback is PySpark's (often installed outside site-packages, as
    `/usr/local/spark/python/pyspark/...`, so read from the file's path)."""
    return any("/pyspark/" in fr.filename.replace("\\", "/") for fr in p.frames)


def _frame_made_an_array(p: ParsedError, name: str, named: list[str]) -> bool:
    """The members named are pandas' (`columns`, `head`), and `name` is no figure's Axes (no
    `fig, ax = plt.subplots(...)` binds it): `name` was a frame when they were read."""
    pandas = set(MEMBERS.get("DataFrame", ())) | set(MEMBERS.get("Series", ()))
    if not any(c in pandas for c in named):
        return False
    n = re.escape(name)
    return not re.search(rf"\b{n}\b[^\n=]*=[^\n]*\bsubplots?\(", p.code_seen)


_INDEXERS = ("loc", "iloc", "at", "iat")
# Columns' own short names one letter off an indexer (`df.lat[0]` latitude, `df.lon`, a stock's
# `df.low`, `df.cat`): a column read as an attribute, missing in another case or spelling.
_COLUMN_WORDS = frozenset({"lat", "lon", "low", "lot", "cat", "rat", "sat", "hat", "bat", "doc"})


def _indexer_slip(p: ParsedError, attr: str) -> str:
    """`df.log[0]`: a name one letter off pandas' indexers, read with `[...]` right after it and
    quoted as a column nowhere in the code: the indexer meant (`loc`)."""
    if attr in _INDEXERS or not re.search(rf"\.{re.escape(attr)}\s*\[", p.user_line):
        return ""
    if attr.lower() in {k.lower() for k in key_strings(p.user_code)} or attr in _COLUMN_WORDS:
        return ""
    near = [i for i in _INDEXERS if len(i) > 2 and edit_distance(attr, i, 1) <= 1]
    return near[0] if len(near) == 1 else ""


# Members of pandas' `.dt` and `.str` accessors that a Series lacks itself (none of these is a
# Series member: `tz_localize` and `replace`, which a Series has, are left out).
_DT_MEMBERS = frozenset(
    {"year", "month", "day", "hour", "minute", "second", "microsecond", "date", "time",
     "dayofweek", "day_of_week", "weekday", "dayofyear", "day_of_year", "quarter",
     "is_month_start", "is_month_end", "days_in_month", "strftime", "day_name", "month_name",
     "total_seconds", "days", "seconds", "isocalendar", "week", "weekofyear"}
)  # fmt: skip
_STR_MEMBERS = frozenset(
    {"lower", "upper", "strip", "lstrip", "rstrip", "split", "rsplit", "startswith",
     "endswith", "contains", "title", "capitalize", "casefold", "swapcase", "isdigit",
     "isalpha", "isalnum", "isnumeric", "isspace", "islower", "isupper", "zfill", "find",
     "rfind", "ljust", "rjust", "center", "extract", "findall", "partition", "removeprefix",
     "removesuffix"}
)  # fmt: skip


def _is_a_row(code: str, name: str) -> bool:
    """``name`` is one row of a frame (`for i, row in df.iterrows()`, `lambda row: ...` applied
    with `axis=1`): a Series of the row's cells, whose index is the columns."""
    if re.search(r"\.i?loc\[[^\]:,]+\]$", name):
        return True  # `df.loc[0]`, `df.iloc[i]`: one row by its label or position
    n = re.escape(name)
    if re.search(rf"\bfor\s+(?:\w+\s*,\s*)?\(?{n}\)?\s+in\s+[^\n]*\.iterrows\(", code):
        return True
    applied = re.search(r"\baxis\s*=\s*(?:1|['\"]columns['\"])", code)
    return bool(applied and re.search(rf"\blambda\s+{n}\s*:|\bdef\s+\w+\(\s*{n}\b", code))


def _accessor_hint(p: ParsedError, owner: str, attr: str, called) -> str:
    """`s.month`, `s.lower()` on a Series: the member of each item's type (a date's, a string's)
    that pandas gives a Series through its `.dt` / `.str` accessor, not as its own; "" else.
    Dates' parts are read (`.dt.month`), their methods called (`.dt.strftime(...)`); string
    members are all methods, so only a call speaks for `.str`."""
    if owner != "Series":
        return ""
    name = object_of(p, attr) or "s"
    if _is_a_row(p.user_code, name):
        return ""  # `row.month` on a row of `iterrows`/`apply(axis=1)`: a column's name, no dates
    if attr in _DT_MEMBERS:
        use = f"{name}.dt.{attr}" + ("(...)" if called else "")
        if attr in ("week", "weekofyear"):
            use = f"{name}.dt.isocalendar().week"  # `.dt.week` is gone since pandas 2.0
        return (
            f"A Series has no `{attr}` of its own: the parts of the dates it holds are read "
            f"through its `.dt` accessor, `{use}` (if it holds text, convert it first with "
            f"`pd.to_datetime({name})`)."
        )
    if attr in _STR_MEMBERS and called:
        return (
            f"A Series has no `{attr}()` of its own: string methods run on each of its items "
            f"through its `.str` accessor, `{name}.str.{attr}(...)` (its items must be text)."
        )
    return ""


# Libraries whose call on a frame keeps it a pandas (or NumPy) object.
_PANDAS_KIN = frozenset({"pd", "pandas", "np", "numpy", "sns", "plt", "px", "copy"})


def _converted_elsewhere(p: ParsedError, attr: str, owner: str) -> str:
    """When: the frame the method is called on is passed whole to another library's class in
    the code seen (`hf = h2o.H2OFrame(df)`), so the method is likely that object's: the hint
    names that object; "" otherwise."""
    name = object_of(p, attr)
    if not re.fullmatch(r"[A-Za-z_]\w*", name or "") or misspelled_member(p.message):
        return ""
    made = re.findall(
        rf"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(([A-Za-z_]\w*)\.[A-Z]\w*)\([ \t]*{name}[ \t]*[,)]",
        p.code_seen,
        re.M,
    )
    made = [m for m in made if m[2] not in _PANDAS_KIN and m[0] != name]
    if not made:
        return ""
    other, maker, _ = made[-1]
    return (
        f"`{name}` is still a pandas {owner}, which has no `{attr}`; the notebook converts it "
        f"with `{other} = {maker}({name})`: call `{other}.{attr}(...)` on that object (after "
        "running that line)."
    )


def _pandas_attribute(p: ParsedError, f) -> str:
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    if owner not in ("DataFrame", "Series"):
        return ""
    unpacked = _unpacked_into_dimensions(p) if attr == "reshape" else ""
    if unpacked:
        # `rows, cols = df.reshape(3, 4)`: names for a shape, which an array would not give
        return (
            "pandas objects have no `.reshape`: for the numbers of rows and columns write "
            f"`rows, cols = {unpacked}.shape`; to reshape the values, "
            f"`{unpacked}.to_numpy().reshape(...)`."
        )
    if attr in ("reshape", "ravel"):
        return f"pandas objects have no `.{attr}`: use `.to_numpy().{attr}(...)`."
    if _raised_by_pyspark(p):
        # PySpark's DataFrame has the same class name, but none of pandas' methods
        return (
            f"This `{owner}` is PySpark's, not pandas': it has no column or method `{attr}`; "
            "check the name against `.columns` and Spark's DataFrame methods, or call "
            "`.toPandas()` first (small data only) to use pandas' methods."
        )
    called = re.search(rf"\.{re.escape(attr)}\s*\(", failing_statement(p))
    if called and owner == "DataFrame" and attr in SERIES_ONLY:
        # `df.unique()` is a Series' own method called on a frame: no slip of `nunique`
        return _series_attribute(p, attr, True)
    indexer = _indexer_slip(p, attr)
    if indexer:
        name = object_of(p, attr) or "df"
        return (
            f"`{name}.{attr}[...]` reads like a slip for the indexer `{name}.{indexer}[...]`: "
            f"pandas objects have no `{attr}`, and no column of that name is used in the code."
        )
    accessor = _accessor_hint(p, owner, attr, called)
    if accessor:
        return accessor  # before a close member: `s.days` is a date's part, not a slip
    # `df.Style` is a column more likely than the `style` member: members only for lower case.
    close = _close_member(p, owner, attr) if called or attr.islower() else ""
    if close:
        return f"A pandas {owner} has no `{attr}`. Did you mean {close}?"
    spaced = _column_starting_with(p, attr)
    if spaced:
        # `df.Odometer (KM)`: a column whose name has a space or symbol is cut at it by the dot,
        # and the rest reads as a call.
        name = object_of(p, attr) or "df"
        return (
            f"The column `{spaced}` has a name that a dot cannot read (it stops at `{attr}`): "
            f"write `{name}[{spaced!r}]`."
        )
    if owner == "DataFrame" and attr in SERIES_ONLY:
        return _series_attribute(p, attr, called)
    if attr in _MODEL_METHODS and called:
        # `df.predict(...)`: no pandas object has it; the fitted model does.
        return (
            f"`.{attr}` is a method of a model (scikit-learn, Keras), not of a pandas {owner}: "
            f"call it on the fitted model, passing the data, `model.{attr}(...)`."
        )
    if attr in _STATSMODELS_RESULT_MEMBERS:
        # `model_fit.predict(...).conf_int()`: the member of another library's object, which
        # pandas' documentation does not list
        return (
            f"`{attr}` is a member of statsmodels' prediction results, and this is a pandas "
            f"{owner} (as `.predict(...)` returns): take it from the fitted model's "
            "`.get_forecast(...)` or `.get_prediction(...)`, whose result has it."
        )
    if called and attr in PANDAS and attr not in PANDAS_OBJECT:
        # `df.read_csv(...)`, `df.concat(...)`: a name of the module (a function, a class such
        # as `DataFrame`), which no frame has
        return (
            f"`{attr}` belongs to the pandas module itself, not to a {owner}: call it on the "
            f"module instead, `pd.{attr}(...)`."
        )
    if called and owner == "DataFrame" and attr in _DATAFRAME_SINCE_0_25 and not _other_frames(p):
        # a DataFrame method of today's pandas (`value_counts` came in 1.1, `map` in 2.1)
        # that this DataFrame lacks: the installed pandas predates it
        column = f", or for one column `df[col].{attr}(...)`" if attr in _SERIES_TOO else ""
        return (
            f"`DataFrame.{attr}` exists only in newer pandas, so the installed pandas is older: "
            f"upgrade it (`%pip install -U pandas`, then restart the kernel){column}."
        )
    own = _own_object_as_member(p, attr) if not called else ""
    if own:
        return own
    converted = _converted_elsewhere(p, attr, owner) if called else ""
    if converted:
        return converted
    if called or owner == "Series":
        return (
            f"A pandas {owner} has no {'method' if called else 'attribute'} `{attr}`: check the "
            "name in the pandas documentation of your version."
        )
    name = object_of(p, attr) or "df"
    if re.match(rf"\s*{re.escape(name)}\[['\"]{re.escape(attr)}['\"]\]\s*=(?!=)", p.user_line):
        # `df["target"] = df.target`: the line reads the column it is about to create.
        return (
            f"This line reads `{name}.{attr}` to create the column `{attr}`, which `{name}` does "
            f"not have yet: take the values from where they are now (another variable)."
        )
    if re.search(rf"\bindex\s*=\s*[\[(][^\])]*['\"]{re.escape(attr)}['\"]", p.user_code):
        # `.Ohio` of a frame built with `index=['Ohio', ...]`: a row label, not a column.
        return (
            f"`{attr}` is a row label (in the index), not a column: read the row with "
            f"`{name}.loc['{attr}']`."
        )
    made_index = _made_the_index(p, attr)
    if made_index:
        return (
            f"The notebook makes `{attr}` the index (`{made_index}`), and an index is no "
            f"column: if this DataFrame was made so, read it with `{name}.index` (or "
            f"`{name}.reset_index()` makes it a column again)."
        )
    columns = [c for c in key_strings(p.user_code) if spelled_alike(attr, c)]
    if columns:
        return (
            f"`{attr}` is not a DataFrame attribute; did you mean the column `{columns[0]}` "
            f"(`df[{columns[0]!r}]`)?"
        )
    elsewhere = _frames_read_instead(p, name)
    if elsewhere:
        shown = " or ".join(f"`{v}`" for v in elsewhere[:2])
        return (
            f"No cell of this notebook sets `{name}` (it holds a DataFrame of earlier work in "
            f"this kernel), while the notebook reads its data into {shown}: if that is the "
            f"frame meant, write `{elsewhere[0]}.{attr}`; else print `{name}.columns`."
        )
    if attr in _SIZE_WORDS:
        # `df.rows`: the frame's size or its rows, which no attribute of that name gives
        return (
            f"A DataFrame has no `.{attr}`: its number of rows is `len({name})` (or "
            f"`{name}.shape[0]`), and its rows are read with `.iloc[...]` or `.iterrows()`."
        )
    # the frame the line reads (`df1.cluster`), not a `df` of another cell
    return (
        f"The DataFrame has no column or attribute `{attr}`: print `{name}.columns` (spelling, "
        f"case, spaces); a column is also read with `{name}['{attr}']`."
    )


# `frame = pd.read_csv(...)`: a variable the notebook fills with data it reads.
_READ_INTO = re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:pd|pandas)\.read_\w+\(", re.M)
# Lines whose names are parameters, not reads.
_DEFINING = re.compile(r"^[ \t]*(?:(?:async[ \t]+)?def|class)\b|\blambda\b")


def _frames_read_instead(p: ParsedError, name: str) -> list[str]:
    """Variables that a whole notebook fills with `pd.read_*(...)`, when it never sets `name`
    itself: every use of `name` is a read (`name.x`, `name[...]`, `f(name)`, shown alone)."""
    code, whole = seen_code(p)
    if not whole or not name.isidentifier() or binds(code, name):
        return []
    for line in code.splitlines():
        at = [m.end() for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", line)]
        if at and _DEFINING.search(line):
            return []
        if any(not re.match(r"\s*(?:[.\[)]|$)", line[i:]) for i in at):
            return []  # assigned, unpacked, looped over or passed on: perhaps set here
    return [v for v in dict.fromkeys(_READ_INTO.findall(code)) if v != name]


def _series_attribute(p: ParsedError, attr: str, called: bool) -> str:
    """`df.hasnans`: a name pandas gives a Series (one column) and not a DataFrame. Unless
    called, it may also be a column the frame lacks, spelled like that name."""
    name = object_of(p, attr) or "df"
    kind = "method" if called else "attribute"
    use = f"{name}['col'].{attr}{'(...)' if called else ''}"
    column = "" if called else f"; if you meant a column `{attr}`, print `{name}.columns`"
    return (
        f"`{attr}` is {article(kind)} {kind} of a pandas Series (one column), not of a "
        f"DataFrame: use it on a column, `{use}`{column}."
    )


def _made_the_index(p: ParsedError, attr: str) -> str:
    """`index_col='Date'` or `set_index('Date')` (so written) when the notebook's code has one:
    the column became the index, which `df.Date` does not read."""
    code = _code_run_before(p)
    if attr not in code:
        return ""
    quoted = rf"\[?\s*['\"]{re.escape(attr)}['\"]"
    made = re.search(rf"\b(index_col)\s*=\s*{quoted}|\.set_index\(\s*{quoted}", code)
    if made is None:
        return ""
    return f"index_col='{attr}'" if made.group(1) else f"set_index('{attr}')"


def _code_run_before(p: ParsedError) -> str:
    """The notebook's code that may have run before the failing line: no comments (they run
    nothing), and of a cell that holds the failing line, only the lines above it (a
    `set_index` below it has not run yet when this line fails; a run before may have, which
    the record does not show)."""
    failing = p.user_line.strip()
    kept = []
    for source in (*p.notebook_code, p.user_code):
        lines = source.splitlines()
        if failing and failing in (line.strip() for line in lines):
            lines = lines[: [line.strip() for line in lines].index(failing)]
        kept.extend(line.split("#", 1)[0] for line in lines)
    return "\n".join(kept)


# Methods of models that users call on their data by mistake; pandas has none of them.
_MODEL_METHODS = frozenset(
    {"predict", "predict_proba", "fit_transform", "fit_predict", "evaluate", "inverse_transform"}
)


def _column_starting_with(p: ParsedError, attr: str) -> str:
    """A column named in the notebook whose name is ``attr`` followed by a space or symbol
    (`'Odometer (KM)'` for `.Odometer`), when the line writes such a rest after `.attr`."""
    rest = re.search(rf"\.{re.escape(attr)}(\s+\S|[^\w\s.(\[=),:])", p.user_line)
    if not rest:
        return ""
    code = p.code_seen
    names = {k for k in key_strings(code) if re.match(rf"{re.escape(attr)}[^\w]", k)}
    return names.pop() if len(names) == 1 else ""


# NumPy functions that take their arrays as one sequence: `np.concatenate((a, b))`.
_TAKES_A_SEQUENCE = frozenset(
    {"concatenate", "concat", "stack", "vstack", "hstack", "dstack", "column_stack", "row_stack"}
)
# NumPy functions whose first parameter is not the array a method would be called on:
# `np.where(cond, x, y)` (pandas' `s.where(cond, other)` is `np.where(cond, s, other)`),
# `np.savetxt(fname, X)`, `np.select(condlist, choicelist)`: the call's arguments kept in
# their order would be wrong.
_ARRAY_NOT_FIRST = frozenset({"where", "savetxt", "savez", "savez_compressed", "select"})


def _numpy_call_for_method(p: ParsedError, attr: str) -> str:
    """`a.add(b)` written as NumPy's function, `np.add(a, b)`: the call's own arguments are
    kept (a binary function given the array alone fails again); unread, they stay `...`."""
    m = reads_on_line(p, attr)
    name = object_of(p, attr)
    if attr in _ARRAY_NOT_FIRST:
        return f"np.{attr}(...)"
    if not (m and name and p.user_line[m.end() :].lstrip().startswith("(")):
        return f"np.{attr}(...)"
    operands = ", ".join([name, *call_arguments(p.user_line[m.end() :])])
    if attr in _TAKES_A_SEQUENCE:
        return f"np.{attr}(({operands}))"
    return f"np.{attr}({operands})"


def _array_attribute(p: ParsedError, f) -> str:
    owner, attr = f.get("owner", ""), f.get("attribute", "")
    if owner in ("numpy.ndarray", "ndarray"):
        if attr == "append":
            return (
                "NumPy arrays have no `.append`: use a Python list, or `arr = np.append(arr, x)`."
            )
        if attr == "save":
            # np.save's first argument is the file and it writes .npy, not an image.
            return (
                "NumPy arrays have no `.save()`: to write an image, convert it first, "
                "`Image.fromarray(arr).save(path)`; for a `.npy` file use `np.save(path, arr)`."
            )
        if attr in NUMPY and attr not in NDARRAY:
            call = _numpy_call_for_method(p, attr)
            if attr == "split" and "," not in call:
                # `np.split(a)` fails too: its `indices_or_sections` has no default.
                call = call.replace("(...)", "(arr)")[:-1] + ", n)"
                return (
                    f"NumPy arrays have no `.split()` method: call `{call}` instead, with `n` "
                    "the number of equal parts or a list of split indices."
                )
            if attr == "stack":
                # `np.stack` needs arrays of one shape (it adds an axis); joining arrays of
                # different shapes along an existing axis is `concatenate`'s work
                joins = (
                    f"call `{call.replace('np.stack', 'np.hstack', 1)}` (side by side) or "
                    f"`{call.replace('np.stack', 'np.vstack', 1)}` (one under the other)"
                    if call.endswith("))")
                    else "call `np.hstack` (side by side) or `np.vstack` (one under the other)"
                )
                return (
                    f"NumPy arrays have no `.stack()` method: `{call}` needs arrays of the same "
                    f"shape (it adds an axis); to join along an existing axis, where shapes may "
                    f"differ, {joins}."
                )
            return f"NumPy arrays have no `.{attr}()` method: call `{call}` instead."
        close = _close_member(p, "ndarray", attr)
        named = re.findall(r"`(\w+)`", close)
        if close and all(c in NDARRAY for c in named):
            return f"A NumPy array has no `{attr}`. Did you mean {close}?"
        name = object_of(p, attr)
        if named and name and re.fullmatch(r"\w+", name) and _frame_made_an_array(p, name, named):
            # `X.colums` after `X = scaler.fit_transform(X)`: `X.columns` was read while `X`
            # was a frame; no item of the array has it, the whole array lost it
            return (
                f"`{name}` holds a NumPy array here, which has neither `{attr}` nor {close} "
                f"(a pandas name): an earlier line made it an array (scalers, `.values` and "
                f"`np.array` return arrays); wrap it with `pd.DataFrame({name}, columns=...)`, "
                f"or check what `{name}` was last assigned."
            )
        if named and name and re.fullmatch(r"\w+", name):
            # `ax.coutour` read as `ax.contour` in another cell, when `ax` held another object:
            # an array has neither (several Axes from `plt.subplots(2, 2)` are an array of them)
            return (
                f"`{name}` holds a NumPy array here, which has neither `{attr}` nor "
                f"{close}: index one item of it first (e.g. `{name}[0].{named[0]}`), or check "
                f"what `{name}` was last assigned."
            )
        tensor = _tensor_method_of_an_array(p, attr)
        if tensor:
            return tensor
    if owner == "tuple" and attr in NDARRAY:
        # A tuple is as often several results returned together (`(x, y)`, a model's
        # outputs) as numbers: converting the first kind would not give the array meant.
        name = object_of(p, attr) or "it"
        return (
            f"`{name}` is a tuple, which has no `.{attr}`: if it holds several results (a "
            f"function's `(X, y)`, a model's outputs), take the one you need (`{name}[0]`); if "
            "it holds numbers, convert it with `np.array(...)`."
        )
    code = p.code_seen
    torch = re.search(r"^\s*(?:import|from)\s+torch\b", code, re.M)
    if owner == "list" and attr in NDARRAY and torch:
        # In a PyTorch notebook the list often holds tensors, which `np.array` does not join.
        return (
            f"A Python list has no `.{attr}`: convert it first, with `torch.stack(...)` if it "
            "holds tensors, or `np.array(...)` if it holds numbers."
        )
    if owner == "list" and attr in NDARRAY and _read_of_a_list_of_names(p.user_line, attr):
        # `df[['a', 'b'].max()]`: the list of column names, its `]` before the method;
        # as an array of strings it would not give the columns' values either
        return ""
    if owner == "list" and attr in NDARRAY:
        return f"A Python {owner} has no `.{attr}`: convert it first with `np.array(...)`."
    return ""


def _call_text(line: str, attr: str) -> str:
    """The parenthesised arguments of the call of `.attr(...)` on ``line``, as written."""
    at = line.find(f".{attr}(")
    if at < 0:
        return "(...)"
    args = call_arguments(line[at + len(attr) + 1 :])
    return f"({', '.join(args)})"


def _positional_count(line: str, attr: str) -> int | None:
    """How many positional arguments the line's call of `.attr(...)` passes; None when the line
    does not call it (or unpacks a sequence into it)."""
    at = line.find(f".{attr}(")
    if at < 0:
        return None
    args = call_arguments(line[at + len(attr) + 1 :])
    if any(a.startswith("*") for a in args):
        return None
    return sum(1 for a in args if not re.match(r"\w+\s*=(?!=)", a))


def _accepts(owner: str, method: str, count: int) -> bool:
    """The builtin type's ``method`` can take ``count`` positional arguments (True when its
    signature cannot be read)."""
    try:
        signature = inspect.signature(getattr(_BUILTIN_TYPES[owner], method))
    except (AttributeError, TypeError, ValueError):
        return True
    params = list(signature.parameters.values())[1:]  # `self`
    if any(x.kind is inspect.Parameter.VAR_POSITIONAL for x in params):
        return True
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return count <= sum(1 for x in params if x.kind in positional)


def _own_function_like(p: ParsedError, attr: str, count: int) -> str:
    """A function the notebook defines whose name begins with ``attr`` (`remove_el` for
    `remove_`) and which takes ``count`` parameters: the call meant it, not a method."""
    stem = attr.rstrip("_")
    if len(stem) < 4:
        return ""
    code = p.code_seen
    for m in re.finditer(rf"^\s*def\s+({re.escape(stem)}\w*)\s*\(([^)]*)\)", code, re.M):
        params = [x for x in m.group(2).split(",") if x.strip() and x.strip() != "self"]
        if len(params) == count and m.group(1) != stem:
            return m.group(1)
    return ""


def _read_of_a_list_of_names(line: str, attr: str) -> bool:
    """``line`` reads `.attr` of a list literal of quoted strings (`['a', 'b'].max()`)."""
    item = r"\s*(?:'[^'\n]*'|\"[^\"\n]*\")\s*"
    return re.search(rf"\[{item}(?:,{item})*,?\s*\]\s*\.{re.escape(attr)}\b", line) is not None


def _tensor_method_of_an_array(p: ParsedError, attr: str) -> str:
    """`seq.to(device)` of a NumPy array in a notebook that imports torch: the code expects a
    tensor there (`.to`, `.cuda`, `.unsqueeze` are PyTorch's), and the value is still an array."""
    if attr not in MEMBERS["Tensor"] or attr in NDARRAY or attr == "numpy":
        return ""
    code = p.code_seen
    if not re.search(r"^\s*(?:import|from)\s+torch\b", code, re.M):
        return ""
    name = object_of(p, attr) or "x"
    return (
        f"`{name}` is a NumPy array, and `.{attr}` is a PyTorch tensor's: convert it to a tensor "
        f"first (`torch.from_numpy({name})`, or `torch.tensor(...)` where the data is made or "
        "passed)."
    )


def _metaclass_lookup(p: ParsedError) -> bool:
    """A library's own `__getattr__`/`__getattribute__` frame raised the error: a class of
    that library forwards an object's lookups to its type (H2O's metaclass), so "type object"
    names the object's class, not a class read itself."""
    return any(
        not fr.is_user and fr.function in ("__getattr__", "__getattribute__") for fr in p.frames
    )


def _generic_attribute(p: ParsedError, f) -> str:
    owner, attr = f.get("owner", "the object"), f.get("attribute", "")
    close = _close_member(p, owner.rsplit(".", 1)[-1], attr)
    name = object_of(p, attr) if _owner_is_the_read_object(p, attr) else ""
    what = (
        f"`{name}` ({article(owner)} `{owner}`)"
        if name
        else f"{article(owner).title()} `{owner}` object"
    )
    instance = _instance_attribute_read_on_its_class(p, owner, attr)
    if instance:
        return instance
    if (owner, attr) in _PYTHON3_ONLY:
        # every Python 3 that runs Jupyter today has it: the kernel runs Python 2
        return (
            f"`{owner}` has `.{attr}` from Python 3.3 on, so this kernel runs Python 2: switch "
            f"the notebook to a Python 3 kernel, or write {_PYTHON3_ONLY[owner, attr]} instead."
        )
    # an `IterableDataset` is iterable, no iterator: `next(ds)` fails too (`next(iter(ds))`)
    iterator = _ITERATOR_TYPE.search(owner) and "iterable" not in owner.lower()
    if attr == "next" and name and iterator:
        call = re.search(rf"(?<![\w.]){re.escape(name)}\.next\(\s*\)", p.user_line)
        if call:
            # `it.next()`: Python 2's method; a Python 3 iterator is advanced by the built-in
            return (
                f"`{name}.next()` is Python 2's way to take the next item: a Python 3 iterator "
                f"has no `.next()` method; write `next({name})`."
            )
    if p.message.startswith("type object ") and name and not _metaclass_lookup(p):
        # the read object is the class itself, no object "of" it
        what = f"`{name}` (the class `{owner}` itself)"
    told = type_tells(p, name, owner, attr)
    if told:
        return told
    key = _loop_key_read(p, name) if owner == "dict" and attr == "value" and name else ""
    if key:
        # `d.values()` gives every value at once; the line wants the one of the loop's key
        return (
            f"{what} has no attribute `{attr}`: `{name}.values()` gives all its values at "
            f"once; for the value of the loop's key `{key}`, write `{name}[{key}]`."
        )
    passed = _positional_count(p.user_line, attr)
    if close and owner in _BUILTIN_TYPES and passed is not None:
        # `l.remove_(a, b)`: a method that takes one value is no slip for a call given two
        fitting = [c for c in re.findall(r"`(\w+)`", close) if _accepts(owner, c, passed)]
        close = " or ".join(f"`{c}`" for c in fitting)
        own = _own_function_like(p, attr, passed)
        if own and not close:
            args = _call_text(p.user_line, attr)
            return (
                f"{what} has no attribute `{attr}`; if you mean your own function `{own}`, call "
                f"it as a function, not a method of the {owner}: `{own}{args}`."
            )
    if close:
        return f"{what} has no attribute `{attr}`. Did you mean {close}?"
    look = f" (`dir({name})` lists what it has)" if name and "(" not in name else ""
    return (
        f"{what} has no attribute `{attr}`: check the name{look} and what type the variable "
        "really holds."
    )


# Iterators by their type's name, which ends so: generators, the built-ins' iterators
# (`list_iterator`, `dict_keyiterator`, `zip`, `map`), csv's reader, Keras' `DirectoryIterator`,
# a DataLoader's `_SingleProcessDataLoaderIter` (not a `Writer`, a `Literal`, an `Iterable`).
_ITERATOR_TYPE = re.compile(
    r"(?:Iter|Iterator|iterator|generator)$|^(?:map|zip|filter|enumerate|_csv\.reader)$"
)

# Methods of built-in types that came with Python 3.3, and Python 2's way to the same value
_PYTHON3_ONLY = {
    ("datetime.datetime", "timestamp"): "`time.mktime(dt.timetuple())`",
    ("list", "copy"): "`list(xs)` (or `xs[:]`)",
    ("list", "clear"): "`del xs[:]`",
    ("str", "casefold"): "`s.lower()`",
}


def _instance_attribute_read_on_its_class(p: ParsedError, owner: str, attr: str) -> str:
    """ "type object 'Lang' has no attribute 'words'" where the notebook's own `class Lang` sets
    `self.words`: the attribute exists on each object `Lang(...)` makes, not on the class."""
    if not p.message.startswith(f"type object '{owner}'"):
        return ""
    code = p.code_seen
    if not re.search(rf"^\s*class\s+{re.escape(owner)}\b", code, re.M):
        return ""
    if not re.search(rf"\bself\.{re.escape(attr)}\s*(?:=[^=]|\+=|:)", code):
        return ""
    return (
        f"`{owner}` is the class, and `{attr}` is set on each object it makes (`self.{attr}` in "
        f"its code): read it from such an object (`obj = {owner}(...)`, then `obj.{attr}`), not "
        "from the class."
    )


def _owner_is_the_read_object(p: ParsedError, attr: str) -> bool:
    """The message's type is that of the object before `.attr` on the failing line: not when the
    line reads `.attr` twice (`df.groupby(a).groupby(b)`: the first read worked, on `df`), nor
    when a library's `__getattr__` hands the read on to an inner object (scapy's `PacketList`
    reads it of its inner list: `getattr(self.res, attr)`)."""
    if len(re.findall(rf"\.{re.escape(attr)}\b", p.user_line)) > 1:
        return False
    # (a library's own `raise AttributeError` names its own type, which is the object's)
    deepest = p.frames[-1] if p.frames else None
    if deepest is None:
        return True
    if not deepest.is_user and re.search(rf"\w\.{re.escape(attr)}\b", deepest.failing_line or ""):
        # `nx.nodes(view)`: the library's own line reads `.nodes`, of what it was given
        return False
    return not re.search(r"\bgetattr\(\s*self\.\w", deepest.failing_line or "")


def _loop_key_read(p: ParsedError, name: str) -> str:
    """The variable of a `for` loop around the failing line that the line reads besides the
    dict ``name`` itself (`a` in `for a in sorted(keys):` above `out[a] = d.value()`), or "".
    Not the dict itself (`for row in rows: row.value()`: each item is the dict), nor a counter
    of `range`/`enumerate`/`len` (a position, no key of the dict)."""
    lines, number = own_lines(p), failing_line_number(p)
    if not 0 < number <= len(lines):
        return ""
    indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
    for line in reversed(lines[: number - 1]):
        depth = len(line) - len(line.lstrip())
        if not line.strip() or depth >= indent:
            continue
        indent = depth
        loop = re.match(r"\s*for\s+([A-Za-z_]\w*)\s+in\b(.*)", line)
        if loop is None:
            continue
        key, iterated = loop.groups()
        if key == name or re.search(r"\b(?:range|enumerate|len)\s*\(", iterated):
            return ""
        if re.search(rf"\b{key}\b", p.user_line):
            return key
    return ""


HINTS: dict[str, Template] = {
    REMOVED_API: _removed_api,
    PANDAS_ACCESSOR: _pandas_accessor_dtype,
    NONE_ATTRIBUTE: _attribute_of_none,
    ARRAY_NOT_FRAME: _array_not_frame,
    MODULE_ATTRIBUTE: _missing_attribute,
    ATTRIBUTE_ERROR: _missing_attribute,
}
