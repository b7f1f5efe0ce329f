"""Objects loaded from a file that another version of their library saved: a pickle refers to the
library's internals by name (``pandas._libs.internals._unpickle_block``), and a version without
them fails inside the load, with an error that reads like a broken install or a shadowing file."""

from __future__ import annotations

import re

from .rules.module_names import is_known_module
from .traceback import ParsedError

# A library's submodule, or a name in one, that the loaded file refers to.
_MISSING = re.compile(
    r"module '(?P<a>[A-Za-z_]\w*)\.(?P<ap>[\w.]+)' has no attribute '(?P<attr>\w+)'"
    r"|No module named '(?P<b>[A-Za-z_]\w*)\.(?P<bp>[\w.]+)'"
    r"|Can't get attribute '(?P<cattr>\w+)' on <module '(?P<c>[A-Za-z_]\w*)\.(?P<cp>[\w.]+)'"
)
# The user's line loads a saved object, or the frames show an unpickler at work.
_LOADING_LINE = re.compile(
    r"\b(?:read_pickle|pickle\.loads?|joblib\.load|dill\.loads?|cloudpickle\.loads?|torch\.load"
    r"|load_model|np\.load)\s*\("
)
_UNPICKLING = re.compile(r"^(?:_?unpickle\w*|find_class|load_build|load_global|_load|load)$")


def other_version_hint(parsed: ParsedError) -> str:
    """The hint for a load that fails on a library's internals the installed version lacks."""
    if parsed.ename not in ("AttributeError", "ModuleNotFoundError", "ImportError"):
        return ""
    m = _MISSING.search(parsed.message[:500])
    if m is None:
        return ""
    library = m.group("a") or m.group("b") or m.group("c")
    if not is_known_module(library):
        return ""  # the user's own package (or `__main__`): no installed version to match
    loading = _LOADING_LINE.search(parsed.user_line) or any(
        _UNPICKLING.match(f.function.rsplit(".", 1)[-1]) and f.package in ("pickle", "joblib")
        for f in parsed.frames
    )
    if not loading:
        return ""
    path = m.group("ap") or m.group("bp") or m.group("cp")
    name = m.group("attr") or m.group("cattr")
    what = f"{library}.{path}" + (f".{name}" if name else "")
    return (
        f"The file was saved with another version of `{library}` than the one installed: it "
        f"refers to `{what}`, which this version does not have. Install the version that wrote "
        f"it (compare `{library}.__version__` on both sides), or re-save the data in a portable "
        "format (CSV, Parquet)."
    )
