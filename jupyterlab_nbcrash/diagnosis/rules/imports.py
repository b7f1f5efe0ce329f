"""Imports: a module that is not installed, a name that cannot be imported, a broken install,
and a well-known module alias (``np``, ``pd``, ``plt``) used before its import ran."""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import importlib.util
import re
import sys

from ..definitions import imported_from, name_slip, seen_code
from ..text import as_code
from ..traceback import Frame, ParsedError, library_of, top_package
from ..where import raised_outside_notebook
from .base import Facts, RuleMatch, Template, named
from .install import asked_packages, install_line, install_not_taken_hint, installed_alike
from .module_names import (
    KNOWN_TOPS,
    PROJECT_NAMES,
    STDLIB_TOPS,
    class_named_like,
    close_member,
    distribution_root,
    dropped_prefix_hint,
    is_known_module,
    is_known_submodule,
    misspelt_module,
    package_for,
    pip_name,
    separately_installed,
)
from .tables.known_imports import ALIASES, LIBRARY_NAMES, import_for
from .tables.packages import MISNAMED, NOT_MODULES, PIP_NAMES, SELF_OUTSIDE_METHOD
from .tables.removed_apis import lookup, lookup_module, removed_function

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
MODULE_NOT_FOUND = "imports.module_not_found"
OPTIONAL_DEPENDENCY = "imports.optional_dependency"
NOT_A_PACKAGE = "imports.not_a_package"
CANNOT_IMPORT_NAME = "imports.cannot_import_name"
BROKEN_INSTALL = "imports.broken_install"
ALIAS_NOT_IMPORTED = "imports.alias_not_imported"

_NOT_A_PACKAGE = re.compile(r"No module named '?([\w.]+)'?; '?([\w.]+)'? is not a package")
_CANNOT_IMPORT = re.compile(
    r"cannot import name '?([\w.]+)'?(?: from (?:partially initialized module )?'?([\w.]+)'?)?"
    r"(?: \((?:most likely due to a circular import\) \()?(?P<path>[^)]*)\))?"
)
_BROKEN = re.compile(
    r"DLL load failed|cannot open shared object file|undefined symbol|Could not load "
    r"dynamic library|WinError 126|The specified module could not be found|Error loading .*\.dll"
    r"|compiled (?:using|against) (?:NumPy|API version)|numpy\.core\.multiarray failed to import"
    r"|_ARRAY_API not found|partially initialized module|circular import|Please install"
    r"|requires the .* package|is not installed|install (?:it|the)",
    re.I,
)


@named(MODULE_NOT_FOUND)
def module_not_found(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ModuleNotFoundError", "ImportError") and (
        "No module named" not in parsed.message
    ):
        return None
    m = re.search(r"No module named ['\"]?([\w.]+)['\"]?", parsed.message)
    if m is None:
        return None
    if _NOT_A_PACKAGE.search(parsed.message):
        return None  # a local file shadows a package: environment_error below
    module = _as_imported(parsed, m.group(1)) if m.group(0).endswith(m.group(1)) else m.group(1)
    facts = {"module": module, "top_module": module.split(".")[0], "package": package_for(module)}
    moved = lookup_module(module)
    typo = None if moved else misspelt_module(module)
    if moved is not None:
        facts.update(replacement=moved.use, replaced_library=moved.library, note=moved.note)
    elif typo is not None:
        facts["suggestion"] = typo
    elif "." in module and parsed.user_line:
        # "No module named 'pkg.sub'" while 'pkg' imports fine: a renamed submodule.
        facts["submodule"] = "yes"
    return RuleMatch(
        rule=MODULE_NOT_FOUND,
        crash_type="module_not_found",
        root_cause="environment_setting" if moved is None and typo is None else None,
        library="none",
        confidence=0.97,
        facts=facts,
    )


def _as_imported(parsed: ParsedError, module: str) -> str:
    """Python 2 names, unquoted, only the part of a dotted import it could not find ("No module
    named contrib.distributions" for `from tensorflow.contrib.distributions import ...`): the
    whole name is the one the failing import line writes."""
    line = parsed.frames[-1].failing_line if parsed.frames else parsed.user_line
    whole = re.search(rf"\b(?:from|import)\s+((?:\w+\.)+{re.escape(module)})\b", line)
    return whole.group(1) if whole else module


@named(NOT_A_PACKAGE)
def not_a_package(parsed: ParsedError) -> RuleMatch | None:
    m = _NOT_A_PACKAGE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=NOT_A_PACKAGE,
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.9,
        facts={"module": m.group(1), "shadow": m.group(2)},
    )


@named(CANNOT_IMPORT_NAME)
def cannot_import_name(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "ImportError" and "cannot import name" not in parsed.message:
        return None
    m = _CANNOT_IMPORT.search(parsed.message)
    if m is None:
        return None
    name, module = m.group(1), m.group(2) or ""
    facts = {"name": name, "module": module}
    if m.group("path") and "site-packages" not in m.group("path"):
        facts["local_path"] = m.group("path")
    hit = lookup(module, name) if module else None
    if hit is None and not module:
        # An old Python names no module: the importing line does (the user's, else the deepest
        # frame's, which is where the import ran).
        last = parsed.last_frame
        line = parsed.user_line if last is None or last.is_user else last.failing_line
        fm = re.search(rf"from\s+([\w.]+)\s+import\b[^#]*\b{re.escape(name)}\b", line)
        if (
            fm
            and line is not parsed.user_line
            and not is_known_module(fm.group(1).split(".")[0])
            and lookup(fm.group(1), name) is None
        ):
            fm = None  # `from api import x` in a Python 2 package: its own module, not a package
        if fm:
            module = fm.group(1)
            facts["module"] = module
            hit = lookup(module, name)
    if hit is not None:
        facts.update(replacement=hit.use, note=hit.note, replaced_library=hit.library)
    if "partially initialized module" in parsed.message or "circular import" in parsed.message:
        facts["circular"] = "yes"
        facts["circular_path"] = m.group("path") or ""
    return RuleMatch(
        rule=CANNOT_IMPORT_NAME,
        crash_type="environment_error",
        root_cause=None,
        confidence=0.85,
        facts=facts,
    )


@named(BROKEN_INSTALL)
def broken_install(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ImportError", "OSError", "RuntimeError", "AttributeError"):
        return None
    if parsed.ename != "ImportError" and not re.search(
        r"DLL load failed|cannot open shared object file|compiled (?:using|against) NumPy"
        r"|numpy\.core\.multiarray failed to import|_ARRAY_API not found|WinError 126"
        r"|Error loading \"?[^\"]*\.dll",
        parsed.message,
    ):
        return None
    if re.search(
        r"No module named|cannot import name|Missing optional dependency|`Import [\w.]+` failed",
        parsed.message,
    ):
        return None
    m = _BROKEN.search(parsed.message)
    facts = {"detail": m.group(0)} if m else {}
    pm = re.search(r"pip3? install ([\w.\-\[\]]+)", parsed.message)
    if pm:
        facts["package"] = pm.group(1)
    return RuleMatch(
        rule=BROKEN_INSTALL,
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.8 if m else 0.6,
        facts=facts,
    )


@named(ALIAS_NOT_IMPORTED)
def alias_not_imported(parsed: ParsedError) -> RuleMatch | None:
    """NameError on ``np``/``pd``/``plt``...: the module's import has not run in this kernel."""
    if parsed.ename != "NameError":
        return None
    m = re.search(r"name '(\w+)' is not defined", parsed.message)
    if m is None or m.group(1) not in ALIASES:
        return None
    alias = m.group(1)
    statement = import_for(alias, parsed.user_line or parsed.user_code)
    return RuleMatch(
        rule=ALIAS_NOT_IMPORTED,
        crash_type="module_not_found",
        library="none",
        ml_bug=None,
        confidence=0.85,
        facts={"name": alias, "import": statement, "module": statement.split()[1]},
    )


@named(OPTIONAL_DEPENDENCY)
def optional_dependency(parsed: ParsedError) -> RuleMatch | None:
    """pandas & co. name the optional package they need ("Missing optional dependency 'x'")."""
    m = re.search(
        r"Missing optional dependency '([\w.\-]+)'|`Import ([\w.]+)` failed"
        r"|Can't find model '([\w.\-]+)'",
        parsed.message,
    )
    if m is None:
        return None
    module = m.group(1) or m.group(2)
    if module:
        imported = _module_not_found_before(parsed) or module
        facts = {"module": module, "top_module": module, "package": package_for(imported)}
    else:  # spaCy's language models are pip packages, downloaded with spacy
        facts = {"module": m.group(3), "spacy_model": m.group(3)}
    return RuleMatch(
        rule=OPTIONAL_DEPENDENCY,
        crash_type="module_not_found",
        root_cause="environment_setting",
        confidence=0.85,
        facts=facts,
    )


def _module_not_found_before(parsed: ParsedError) -> str:
    """The module whose import failed first ("No module named 'tables'" under pandas' "Missing
    optional dependency 'pytables'"): pandas names some dependencies by their conda name, the
    import name is what gives the pip name. "" when the chain shows none."""
    for name, message in parsed.chain:
        m = re.fullmatch(r"No module named '([A-Za-z]\w*)'", message.strip())
        if name == "ModuleNotFoundError" and m:
            # (a dotted 'a.b' means `a` imported and lacks `b`: no pip name to give)
            return m.group(1)
    return ""


RULES = (
    module_not_found,
    optional_dependency,
    not_a_package,
    cannot_import_name,
    broken_install,
    alias_not_imported,
)


# ----------------------------------------------------------- hints: the words the user reads


def importer(p: ParsedError) -> Frame | None:
    """The frame whose import failed: the last one that is not Python's import machinery. A
    notebook cell when the user's own line imports; a library's or the user's own file else."""
    for frame in reversed(p.frames):
        if frame.filename.startswith("<frozen") or frame.package == "importlib":
            continue
        return frame
    return None


def importer_is_library(p: ParsedError) -> bool:
    """A library's code (not the user's line or file) made the failing import."""
    by = importer(p)
    return by is not None and not by.is_user and bool(by.library)


def file_name(path: str) -> str:
    """The file name of a frame's path (`cli.py` of `/usr/lib/.../instapy_cli/cli.py`)."""
    return re.split(r"[\\/]", path.strip())[-1] or path


def _library_name_imported_as_module(p: ParsedError, module: str) -> str:
    """`import LinearRegression`: a library's class or function (the known-imports table's),
    imported as if it were a module; no package installs a module of that name."""
    statement = import_for(module) if module in LIBRARY_NAMES else None
    if not (statement or "").startswith("from ") or not re.match(
        rf"\s*import\s+{re.escape(module)}\b", p.user_line
    ):
        return ""
    return (
        f"`{module}` is a library's class or function, not a module: import it with "
        f"`{statement}` (or, if `{module}.py` is a file of yours, put it next to the notebook)."
    )


def _import_edited_away(p: ParsedError, top: str) -> bool:
    """The failing line the traceback shows imports ``top``, and the cell's saved code (the
    record's) has no line importing it: the cell was edited after that run."""
    if not p.cell_lines or not re.match(rf"\s*(?:from|import)\s+{re.escape(top)}\b", p.user_line):
        return False
    code = "\n".join(p.user_code.splitlines()[-p.cell_lines :])
    importing = rf"^\s*(?:from|import)\s+(?:[\w.]+\s*,\s*)*{re.escape(top)}\b"
    return re.search(importing, code, re.M) is None


# A Spark worker's traceback (inside the Java error's message) that fails unpickling the task.
_SPARK_WORKER_UNPICKLES = 'worker.py", line'


# Import names a package installs in two cases (Cython's `Cython` package and `cython` module):
# the name as written is right, the package is missing.
_BOTH_CASES = frozenset({"Cython"})


def module_not_found_hint(p: ParsedError, f: Facts) -> str:
    """The hint of a missing module (the generic module_not_found hint uses it too).

    When: "No module named 'x'". Who imported it (the user's line, a library, the user's own
    file) and whether nbcrash knows the module decide between installing it, a typo, a broken or
    mismatched install and the user's own file; an unknown name gets both of the last two."""
    module, package = f.get("module", ""), f.get("package", "")
    top = f.get("top_module", module.split(".")[0])
    if _SPARK_WORKER_UNPICKLES in p.message and "pyspark" in p.message:
        # the import failed on Spark's executors (unpickling a function the notebook sent them,
        # or running it): the driver (the notebook's kernel) may well have the module
        return (
            f"Spark's workers could not import `{top}` (their Python, not this notebook's, "
            f"lacks it): ship your module to them (`sc.addPyFile('path/to/{top}.py')`) or "
            "install the package on every worker, then run the job again."
        )
    by = importer(p)
    lib = (by.package or by.library) if by is not None and by.library and not by.is_user else ""
    if f.get("replacement") and lib and library_of(lib) != library_of(top):
        # Another package's own import of a module `top` removed: no line of the user's to
        # change; that package needs the older `top` it was written for.
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{lib}` imports `{module}`, which your installed `{top}` no longer has{note}: "
            f"install the older `{top}` that `{lib}` was made for (see its requirements), or "
            f"upgrade `{lib}` if a version of it supports yours, then restart the kernel."
        )
    if f.get("replacement"):
        tf1_only = _contrib_without_equivalent(p.user_line, module)
        if tf1_only:
            return tf1_only
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{module}` no longer exists{note}: import from {as_code(f['replacement'])} instead."
        )
    only = _runtime_only(p, module) or _browser_only(module.split(".")[0])
    if only:
        return only
    if _loaded_as_extension(p):
        return (
            f"`%load_ext {module}` loads a module of that name, which Python cannot find: put its "
            "file next to the notebook (or install the package that provides it), then restart "
            "the kernel."
        )
    installed = install_line(p.user_code, module) if not importer_is_library(p) else ""
    if installed:
        # The cell ran down to its failing line: an install below it has not run.
        below = p.user_code.find(installed) > p.user_code.rfind(p.user_line.strip())
        return install_not_taken_hint(module, installed, "this cell", "not" if below else "before")
    if top in NOT_MODULES:
        # `import self.discriminator as disc`: the line has the rest of the dotted name.
        line = re.search(rf"import\s+{re.escape(top)}\.([\w.]+)(?:\s+as\s+(\w+))?", p.user_line)
        rest = line.group(1) if line else "..."
        alias = line.group(2) if line and line.group(2) else rest.split(".")[-1]
        if top == "self" and not re.search(r"\bdef\s+\w+\s*\(\s*self\b", p.user_code):
            # No method here, so no `self` to read the attribute from.
            return SELF_OUTSIDE_METHOD.format(rest=rest, alias=alias)
        return NOT_MODULES[top].format(rest=rest, alias=alias)
    taken = _name_after_comma(p.user_line, top)
    if taken:
        return (
            f"`import {taken}, {top}` imports `{top}` as a module of its own, and there is "
            f"none: to take it out of `{taken}`, write `from {taken} import {top}`."
        )
    unlike = bool(f.get("suggestion")) and _submodules_unlike(p, top, f["suggestion"])
    meant = f.get("suggestion", "").split(".")[0]
    if unlike and pip_name(meant) == top:
        # `pip install mosaicml` installs `composer`: it would not give this code its module
        sub = re.search(rf"\b{re.escape(top)}\.[\w.]+", seen_code(p)[0])
        return (
            f"Python finds no module `{top}`, and `%pip install {top}` would not give one: that "
            f"package installs `{meant}`, while this code imports `{sub.group(0) if sub else top}`"
            f", of another package by that name; install that one as its provider documents, "
            "or run the notebook where it is installed."
        )
    submodule = _submodule_imported_alone(p, module)
    if submodule:
        return submodule
    if (
        f.get("suggestion")
        and not unlike
        and f["suggestion"].lower() == module.lower()
        and f["suggestion"].split(".")[0] not in STDLIB_TOPS
        and top not in _BOTH_CASES
    ):
        # `import Quandl`: the module's name differs only in case, which imports never ignore
        meant = f["suggestion"]
        return (
            f"Module names are case-sensitive, and the module is `{meant}`: write "
            f"`import {meant}` (if it is not installed, `%pip install {pip_name(meant)}`, then "
            "restart the kernel)."
        )
    if f.get("suggestion") and not unlike:
        return (
            f"There is no module `{module}`: did you mean `{f['suggestion']}`? If not, install "
            f"the package that provides `{top}` (its pip name can differ)."
        )
    alias = re.fullmatch(rf"import ([\w.]+) as {re.escape(top)}", ALIASES.get(module, ""))
    if alias and alias.group(1) != top:
        # `import tf` for `import tensorflow as tf`: the short name is only an alias.
        return f"`{top}` is only the usual short name, not a module: write `{alias.group(0)}`."
    meant = _module_of_alias(p.user_line, top)
    if meant:
        # `import tensorflownew as tf`: the alias tells which module the line means
        return (
            f"There is no module `{top}`, and `{meant[1]}` is the usual name of `{meant[0]}`: "
            f"did you mean `import {meant[0]} as {meant[1]}`? If `{top}` is a package of its "
            "own, install it under its pip name, then restart the kernel."
        )
    by = importer(p)
    by = None if by is None or by.is_user else by
    if "." in module and top in STDLIB_TOPS and by is None and _PYTHON2_NO_MODULE.match(p.message):
        # "No module named request" (no quotes: Python 2) for `urllib.request`: a standard
        # module's Python 3 layout; pip has no `urllib` to show or install
        aliases = p.user_code.find("install_aliases()") > p.user_code.find(p.user_line.strip())
        first = " (or move the cell's `install_aliases()` above this import)" if aliases else ""
        return (
            f"This kernel runs Python 2, whose standard `{top}` has no `{module}` (Python 3's "
            f"layout): run the notebook on a Python 3 kernel{first}, or use the Python 2 names."
        )
    if "." in module and not separately_installed(module):
        # Python names the first part it cannot find: `top` itself was imported.
        return _own_function_imported(p, module) or _missing_submodule(module, top, by)
    if top == "google":
        return (
            "`google` is the shared prefix of many packages: install the one this import needs, "
            "e.g. `%pip install google-cloud-storage` for `google.cloud.storage`, then restart the "
            "kernel."
        )
    if top in _ONLY_ON:
        return (
            f"`{top}` is a standard module that exists only on {_ONLY_ON[top]}, and this kernel "
            f"runs elsewhere: no install adds it; use a cross-platform package or run the "
            f"notebook on {_ONLY_ON[top]}."
        )
    if top in STDLIB_TOPS:
        return (
            f"`{top}` belongs to Python's standard library, but this Python lacks it: it was "
            "removed in your Python version or left out of this build (for `tkinter`, install "
            "the system package, e.g. `python3-tk`); pip cannot add it."
        )
    if top in _NO_WHEELS:
        # No pip release for today's Pythons: pip would fail, the code needs another toolkit.
        use = _NO_WHEELS[top]
        lib = by.package or by.library if by is not None else ""
        if lib == "matplotlib":
            return (
                f"matplotlib's backend is set to one that needs `{top}`, which pip does not "
                "install: choose another backend (`%matplotlib inline`, or "
                f"`matplotlib.use('QtAgg')` with `{use}`) in the code "
                "or your `matplotlibrc`, then restart the kernel."
            )
        return (
            f"`{top}` has no pip package for current Pythons: port the code to `{use}`, or use an "
            "old Python environment that has it (e.g. with conda)."
        )
    if top in _NOT_FROM_PIP and not _SYSTEM_INSTALL.search(p.user_code):
        # `pip install fenics` succeeds yet gives no `fenics` module: the suggestion would waste
        # an install and a restart (an apt install in the cell has its own hint, below)
        project, conda = _NOT_FROM_PIP[top]
        return (
            f"`{top}` comes with {project}, which pip does not install (`pip install {top}` "
            f"gives no such module): install it with conda (`conda install -c conda-forge "
            f"{conda}`), or on Colab with the FEM-on-Colab installer; then restart the kernel."
        )
    install = f"%pip install {pip_name(module)}"
    note = package[len(pip_name(module)) :].strip()
    note = f" {note}" if note.startswith("(") else ""
    if by is not None and (by.package or by.library) in _PYTHON3_NAMES:
        # `HTMLParser.py` from PyPI needs `markupbase`: a copy of a Python 2 standard module,
        # whose own imports are Python 2's; installing them would not make it run
        old = by.package or by.library
        return (
            f"The installed `{old}` is Python 2's standard module (a copy from PyPI), and its "
            f"`{top}` exists only in Python 2: in Python 3 use `{_PYTHON3_NAMES[old]}` instead "
            f"(and `%pip uninstall {old}`)."
        )
    if by is not None and by.library:
        lib = by.package or by.library
        return (
            f"`{lib}` needs the package `{top}`, which is not installed: run `{install}`{note} in "
            "a cell, then restart the kernel."
        )
    foreign = _not_of_package(p.user_line, top)
    if foreign:
        # `from datasets import XRaysTrainDataset`: Hugging Face's `datasets` has no such name,
        # a project's own `datasets.py` may
        return (
            f"`{foreign}` is no known name of the `{top}` package, and `{top}.py` is a usual "
            "file of a project: if it is yours, put it next to the notebook (or add its folder "
            f"to `sys.path`); if not, run `{install}`. Then restart the kernel."
        )
    if is_known_module(top) or top in PIP_NAMES:
        renamed = (
            "" if pip_name(module).replace("-", "_").lower() == top.lower() else " (its pip name)"
        )
        return (
            f"The module `{top}` is not installed in this kernel's environment: run "
            f"`{install}`{renamed}{note} in a cell, then restart the kernel."
        )
    if _import_edited_away(p, top):
        # an unknown name's failing `import identifiers` is gone from the saved cell: the user
        # changed it since, and installing what it named would undo their fix
        return (
            f"This cell's saved code no longer imports `{top}`: it was edited after the run "
            "that failed; run it again to see whether anything still fails."
        )
    elsewhere = _imported_from_a_module(p, module) if by is None else ""
    if elsewhere:
        return elsewhere
    named_class = _library_name_imported_as_module(p, module) if by is None else ""
    if named_class:
        return named_class
    # `import add3` in a notebook whose cell has `def add3(x):`; a project name (`train`) or a
    # notebook that reaches a project's folder may have a file of that name too
    own_project = by is not None or _looks_local(p, top) or _notebook_reaches_a_project(p)
    if not own_project and (own_function := _own_function_imported(p, module)):
        return own_function
    if reference := _detection_reference(p, top):
        return reference
    # A name nbcrash does not know: a package, or a file or folder of the user's project.
    own = (
        f"if `{top}` is your project's file or folder, put it next to the notebook (or add its "
        "folder to `sys.path`)"
    )
    pkg = f"if it is a package, run `{install}` (the pip name can differ)"
    local = _looks_local(p, top)
    if by is not None:
        where = file_name(by.filename)
        if local:
            # `common` imported by a file of a cloned book's repository: that repository's
            # folder, which a same-named PyPI package is not
            return (
                f"Your file `{where}` imports `{top}`, which Python cannot find: it is most "
                f"likely a folder of the same project; add the project's root folder to "
                "`sys.path` (or run the notebook from it), then restart the kernel."
            )
        return f"Your file `{where}` imports `{top}`, which Python cannot find: {own}; {pkg}."
    alike = installed_alike((p.user_code, *p.notebook_code), top) if not local else ""
    if alike:
        # `pip install app_store_scraper` in a cell, `import app_store_reviews` here: a pip
        # name guessed from the import would install some other package, or none
        return (
            f"Python finds no module `{top}`, and the notebook installs `{alike}`, a package "
            f"of a like name: if that is the library meant, import from its own module (likely "
            f"`{_norm_module(alike)}`) instead; if not, install the package that provides "
            f"`{top}` under its pip name. Then restart the kernel."
        )
    apt = _SYSTEM_INSTALL.findall(p.user_code)
    # an apt install in this very cell is the story, whatever folders other cells reach
    if local or len(top) <= 2 or (not apt and _notebook_reaches_a_project(p)):
        # A project's name (`utils`, `ldm`), or one or two letters (`s`, most often a slip of
        # the import line): a package of that pip name is most often another
        # one, so no install command is guessed.
        pkg = "if it comes from a package, install that package under its pip name"
        if len(top) <= 2 and not local:
            # `import s` under four complete imports: first of all a slip or an unfinished line
            return (
                f"Python finds no module `{top}`: if the import line is a slip or unfinished, "
                f"complete or remove it; {own}. {pkg.capitalize()}, then restart the kernel."
            )
        return f"Python finds no module `{top}`: {own}; {pkg}. Then restart the kernel."
    if apt:
        # the cell installs for this import with apt, which serves the system's Python, not
        # necessarily the kernel's; a pip package of the module's name is often no build of it
        # either (FEniCS' `dolfin`)
        return (
            f"Python finds no module `{top}`: `{apt[-1].strip()}` installs for the system's "
            "Python (if at all), which need not be this kernel's; install a build made for this "
            "kernel's environment (the package's own instructions for it), then restart the "
            "kernel."
        )
    return f"Python finds no module `{top}`: {pkg}; {own}. Then restart the kernel."


# A system package manager's install in a cell (`!apt-get install -y fenics`).
_SYSTEM_INSTALL = re.compile(r"^[ \t]*!\s*(?:sudo\s+)?apt(?:-get)?\s+install\b[^\n]*", re.M)


# Packages whose name is also a usual file of a project (`datasets.py`), with the public names
# of the package: a name imported from it that is none of these is most likely the project's.
_PROJECT_LIKE_PACKAGES = {
    "datasets": frozenset({
        "load_dataset", "load_from_disk", "load_dataset_builder", "load_metric", "Dataset",
        "DatasetDict", "IterableDataset", "IterableDatasetDict", "Features", "Value", "ClassLabel",
        "Sequence", "List", "LargeList", "Image", "Audio", "Video", "Pdf", "Array2D", "Array3D",
        "Array4D", "Array5D", "Translation", "TranslationVariableLanguages",
        "concatenate_datasets", "interleave_datasets", "get_dataset_config_names",
        "get_dataset_split_names", "get_dataset_infos", "get_dataset_config_info",
        "get_dataset_default_config_name", "disable_caching", "enable_caching",
        "is_caching_enabled", "set_caching_enabled", "disable_progress_bar", "enable_progress_bar",
        "disable_progress_bars", "enable_progress_bars", "DownloadConfig", "DownloadManager",
        "DownloadMode", "VerificationMode", "GeneratorBasedBuilder", "ArrowBasedBuilder",
        "DatasetBuilder", "BuilderConfig", "DatasetInfo", "Split", "SplitGenerator", "NamedSplit",
        "NamedSplitAll", "ReadInstruction", "Metric", "MetricInfo", "logging", "config", "utils",
        "table", "features", "arrow_dataset", "info", "splits", "StreamingDownloadManager",
        "load_metric_builder", "inspect_dataset", "inspect_metric", "list_datasets",
        "list_metrics", "DatasetInfosDict",
    }),
}  # fmt: skip


def _name_after_comma(line: str, top: str) -> str:
    """`import torch.utils.data as data, Dataset`: a class-like name listed after a dotted module
    in a plain `import`, which imports each name as a module: the module it was meant to be
    taken from, else ""."""
    m = re.match(r"\s*import\s+(\w+(?:\.\w+)+)(?:\s+as\s+\w+)?\s*,(.*)", line)
    if not m or not top[:1].isupper():
        return ""
    listed = [part.split(" as ")[0].strip() for part in m.group(2).split(",")]
    return m.group(1) if top in listed else ""


def _norm_module(package: str) -> str:
    """The module name a package of that pip name most often has (`app-store-scraper` gives
    `app_store_scraper`): a likely name, said as such."""
    return re.sub(r"[-.]+", "_", package).lower()


def _not_of_package(line: str, top: str) -> str:
    """The first name ``line`` imports `from top` that ``top``'s package does not have, when
    ``top`` is also a usual file name of a project; else ""."""
    names = _PROJECT_LIKE_PACKAGES.get(top)
    m = re.match(rf"\s*from\s+{re.escape(top)}\s+import\s+\(?([\w\s,]+)", line) if names else None
    if m is None:
        return ""
    imported = [part.split()[0] for part in m.group(1).split(",") if part.split()]
    return next((n for n in imported if n not in names), "")


def _module_of_alias(line: str, top: str) -> tuple[str, str] | None:
    """(module, alias) when ``line`` imports ``top`` under an alias that usually names another
    module whose name begins ``top`` (`import tensorflownew as tf`: `tensorflow`)."""
    m = re.search(rf"\bimport\s+{re.escape(top)}\s+as\s+(\w+)", line)
    usual = re.fullmatch(r"import ([\w.]+) as (\w+)", ALIASES.get(m.group(1), "")) if m else None
    if usual is None or usual.group(1) == top or not top.startswith(usual.group(1)):
        return None
    return usual.group(1), usual.group(2)


def _runtime_only(p: ParsedError, module: str) -> str:
    """The hint for a module that exists only on Colab or Kaggle (`google.colab`, whose import
    fails as "No module named 'google'" where no other google package is installed)."""
    line = p.user_line
    for name in (module, *re.findall(r"(?:from|import)\s+([\w.]+)", line)):
        package = PIP_NAMES.get(name, "")
        if package.startswith("(only available on") and name.startswith(module):
            where = package[1:-1].replace("only available ", "")
            used = re.search(r"\bimport\s+([\w, ]+)", line)
            names = [n.strip() for n in used.group(1).split(",")] if used else []
            if names and not set(names) & _FILE_ACCESS:
                # `from google.colab import widgets`: no file to read elsewhere.
                return (
                    f"`{name}` exists only {where}: run this notebook there, or replace "
                    f"`{names[0]}` with what your own Jupyter offers (e.g. `ipywidgets`)."
                )
            return (
                f"`{name}` exists only {where}: outside it, remove this import and read your "
                "files from a local path instead."
            )
    return ""


# What Colab and Kaggle import to reach files (Drive, uploads, secrets): outside them, a local
# path (or an environment variable) replaces it.
_FILE_ACCESS = frozenset({"drive", "files", "auth", "userdata", "UserSecretsClient"})


# Modules only Pyodide has (Python running in the browser, as in JupyterLite): no pip package
# brings them to a real kernel (PyPI's `js` is another package).
_BROWSER_ONLY = {
    "piplite": "write `%pip install <package>` instead of `piplite.install(...)`",
    "pyodide": "read files and URLs with `open(...)` or `requests` instead",
    "pyodide_js": "read files and URLs with `open(...)` or `requests` instead",
    "js": "read files and URLs with `open(...)` or `requests` instead",
}


def _browser_only(top: str) -> str:
    if top not in _BROWSER_ONLY:
        return ""
    return (
        f"`{top}` exists only in Pyodide (Python in the browser, as in JupyterLite), not in this "
        f"kernel: {_BROWSER_ONLY[top]}."
    )


def _loaded_as_extension(p: ParsedError) -> bool:
    """`%load_ext name`: IPython imports the name itself, so its frames are no library asking
    for a dependency."""
    return bool(re.match(r"\s*%load_ext\b", p.user_line)) or any(
        fr.function == "load_extension" for fr in p.frames
    )


# A cell that reaches a project's own modules: edits `sys.path`, changes folder, clones a repo.
_PROJECT_SETUP = re.compile(r"sys\.path|^\s*%cd\b|os\.chdir\(|git clone", re.M)


def _looks_local(p: ParsedError, top: str) -> bool:
    """True when the import is more likely the user's own file than a package: a generic
    project name (`utils`, `my_model`), or a cell that edits `sys.path` to reach it; never a
    name made of a known package's (`tensorflow_data_validation`)."""
    prefix = top.split("_")[0]
    if len(prefix) >= 5 and prefix in KNOWN_TOPS:
        return False
    # `from exp.nb_02 import *`: an unknown package imported by its submodule is a project's
    # folder far more often than a PyPI package
    dotted = re.search(rf"(?:from|import)\s+{re.escape(top)}\.\w", p.user_line)
    return bool(PROJECT_NAMES.search(top) or dotted or _PROJECT_SETUP.search(p.user_code))


def _notebook_reaches_a_project(p: ParsedError) -> bool:
    """Another cell edits `sys.path`, changes folder or clones a repository: an unknown module
    is as likely a file of that project (`get_dataset_colormap` of a cloned repository's
    scripts) as a package, so no pip name is guessed from it."""
    return any(_PROJECT_SETUP.search(source) for source in p.notebook_code)


# The tf.contrib modules that have a TF2 home (tf.keras, tf.data, tf_slim, tensorflow-addons,
# tensorflow-probability): the others (`graph_editor`, `tensor_forest`) left no replacement.
_CONTRIB_WITH_EQUIVALENT = frozenset(
    {
        "layers", "slim", "rnn", "seq2seq", "legacy_seq2seq", "cudnn_rnn", "opt", "image", "crf",
        "losses", "metrics", "learn", "keras", "data", "distributions", "lite", "eager",
        "summary", "tpu", "framework", "estimator", "training", "nn", "tensorboard",
    }
)  # fmt: skip


def _contrib_without_equivalent(line: str, module: str) -> str:
    """The hint for a `tensorflow.contrib` module that TF2 gave no equivalent
    (`import tensorflow.contrib.graph_editor as ge`): the code needs TensorFlow 1.x. "" when the
    line names no contrib module or one with a TF2 home."""
    if module != "tensorflow.contrib":
        return ""
    m = re.search(
        r"tensorflow\.contrib\.(\w+)|from\s+tensorflow\.contrib\s+import\s+\(?\s*(\w+)", line
    )
    part = (m.group(1) or m.group(2)) if m else ""
    if not part or part in _CONTRIB_WITH_EQUIVALENT:
        return ""
    return (
        f"`tensorflow.contrib` was removed in TensorFlow 2.0, and `contrib.{part}` has no TF2 "
        "replacement: this code needs TensorFlow 1.x (`tensorflow<2`, on Python 3.7 or older), "
        "or a rewrite without it."
    )


def _own_function_imported(p: ParsedError, module: str) -> str:
    """`import nltk.get_word_features` where a cell of the notebook has `def get_word_features`:
    the user's own function, imported as if it were a submodule of the library. "" otherwise."""
    last = module.rsplit(".", 1)[-1]
    code, whole = seen_code(p)
    if not whole or not re.search(rf"^[ \t]*(?:def|class)[ \t]+{re.escape(last)}\b", code, re.M):
        return ""
    of = f" of `{module.split('.')[0]}`" if "." in module else ""
    return (
        f"`{last}` is a function of this notebook (a cell defines it), not a module{of}: "
        f"remove this import and run the cell that defines `{last}`."
    )


# The helper files of torchvision's detection tutorial (references/detection in its repository),
# with the names the tutorial imports from them: no pip package installs them.
_DETECTION_REFERENCES = {
    "engine": ("train_one_epoch", "evaluate"),
    "coco_eval": ("CocoEvaluator",),
    "coco_utils": ("get_coco_api_from_dataset", "get_coco"),
}


def _detection_reference(p: ParsedError, top: str) -> str:
    """`from engine import train_one_epoch, evaluate` in a notebook that imports torchvision:
    a file of torchvision's detection references, to download next to the notebook. ""
    otherwise."""
    names = _DETECTION_REFERENCES.get(top, ())
    code, _ = seen_code(p)
    imported = re.search(rf"from\s+{top}\s+import\s+([\w, ()]+)", p.user_line + "\n" + code)
    if not imported or not set(re.findall(r"\w+", imported.group(1))) & set(names):
        return ""
    if not re.search(r"^[ \t]*(?:import|from)[ \t]+torchvision\b", code, re.M):
        return ""
    return (
        f"`{top}` is no package but a file of torchvision's detection references "
        f"(`references/detection/{top}.py` in the torchvision repository): put that folder's "
        "files next to the notebook (or its folder on `sys.path`), then run the import again."
    )


def _imported_from_a_module(p: ParsedError, module: str) -> str:
    """`import input_data` where another cell writes `from tensorflow.examples.tutorials.mnist
    import input_data`: the name is a member of that module, not a package of its own. ""
    otherwise."""
    if "." in module:
        return ""
    code, whole = seen_code(p)
    source = imported_from(code, module) if whole else ""
    if not source or source.split(".")[0] == module:
        # `from TwitterAPI import TwitterAPI`: the package of that name is what is missing
        return ""
    hint = (
        f"`{module}` is no package of its own: other cells of this notebook import it as "
        f"`from {source} import {module}`; use that import."
    )
    gone = lookup_module(source)
    if gone is not None:
        hint += (
            f" If that import fails, its module is gone from your version: use {as_code(gone.use)}."
        )
    return hint


# Submodule names that are also the import name of a package of their own (dm-tree's `tree`),
# or of a file a tutorial has its users download beside the notebook (the `transforms.py` of
# torchvision's detection references, imported as `import transforms as T`).
_OTHER_PACKAGES_NAMES = frozenset({"tree", "transforms"})


def _submodule_imported_alone(p: ParsedError, module: str) -> str:
    """`import stats` for SciPy's `stats`: the user's own line imports, as a module of its own,
    a name the tables import from a library's package (`from scipy import stats`), and that name
    is no top-level module the tables know, no standard one and no name a project gives its own
    files (`models`, `layers`: then the user's file is as likely). The submodule is meant, not a
    typo of another module (`stat`). "" otherwise."""
    if "." in module or module in KNOWN_TOPS or module in STDLIB_TOPS or module in MISNAMED:
        return ""  # (a name the tables map to what it meant, `Image`, keeps their suggestion)
    if PROJECT_NAMES.search(module) or module in _OTHER_PACKAGES_NAMES or importer_is_library(p):
        return ""
    known = re.fullmatch(rf"from ([\w.]+) import {re.escape(module)}", import_for(module) or "")
    if known is None or not is_known_submodule(f"{known.group(1)}.{module}"):
        return ""
    package = known.group(1)
    line = p.user_line.strip()
    if re.match(rf"from\s+{re.escape(module)}\s+import\b", line):
        fixed = re.sub(rf"^from\s+{re.escape(module)}\b", f"from {package}.{module}", line)
    elif re.fullmatch(rf"import\s+{re.escape(module)}(?:\s+as\s+\w+)?", line):
        fixed = f"from {package} {line}"
    else:
        return ""
    return (
        f"`{module}` is no module of its own: it is `{package}.{module}`, a submodule of "
        f"`{package}`; write `{fixed}`."
    )


def _submodules_unlike(p: ParsedError, top: str, suggestion: str) -> bool:
    """The code imports submodules of `top` (`mosaicml.constants`) that the suggested module
    under another name (`composer`) is not known to have: the code was written for a package
    that is `top` itself, not for the one a table maps its name to."""
    meant = suggestion.split(".")[0]
    if top not in MISNAMED and meant not in STDLIB_TOPS:
        return False  # a near miss of a known name: its submodules are the same words
    code = seen_code(p)[0]
    if f"{top}." not in code:
        return False
    subs = re.findall(rf"^[ \t]*(?:from|import)[ \t]+{re.escape(top)}\.([\w.]+)", code, re.M)
    if top not in MISNAMED:
        # a near miss of a standard module (`stats` for `stat`): it only fits when that module
        # has the submodules the code imports (`oss.path` for `os.path`)
        return any(not _stdlib_has(meant, sub.split(".")[0]) for sub in subs)
    return any(not is_known_submodule(f"{meant}.{sub}") for sub in subs)


@functools.lru_cache(maxsize=256)
def _stdlib_has(module: str, sub: str) -> bool:
    """The standard module ``module`` has a submodule ``sub`` (`os.path`, `json.decoder`).
    Cached: the standard library does not change while the server runs, and the look-up reads
    its folders (one scan per pair, not one per diagnosis)."""
    if f"{module}.{sub}" in sys.modules:
        return True
    # found without importing anything (`antigravity` would open a browser)
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return False
    places = spec.submodule_search_locations if spec is not None else None
    if not places:
        return False  # `stat` is a single file, no package
    return importlib.machinery.PathFinder.find_spec(sub, list(places)) is not None


# Submodules that every release of their package has had (unlike `sklearn.impute` or
# `tensorflow.keras`, added later), so their absence is never a version mismatch.
EVERY_VERSION_HAS = frozenset(
    {
        "matplotlib.pyplot",
        "matplotlib.colors",
        "matplotlib.patches",
        "scipy.stats",
        "scipy.optimize",
        "scipy.linalg",
        "scipy.sparse",
        "scipy.io",
        "torch.nn",
        "torch.optim",
        "PIL.Image",
    }
)


def _missing_submodule(module: str, top: str, by: Frame | None) -> str:
    """`top` imported fine but `module` does not exist in it."""
    lib = (by.package or by.library) if by is not None and by.library else ""
    if lib and (lib == top or library_of(lib) == library_of(top)):
        return (
            f"Your `{top}` installation is broken or mixed from two versions: its own code cannot "
            f"find `{module}`. Reinstall it "
            f"(`%pip install --force-reinstall {pip_name(top)}`), then "
            "restart the kernel."
        )
    if top == "numpy" and re.search(r"numpy\.(?:core\._|_core)", module):
        made = (
            "was made with NumPy 2 (it needs `numpy._core`)"
            if module.startswith("numpy._core")
            else f"was built for a newer NumPy (it needs `{module}`)"
        )
        return (
            f"Something imported here {made} than the NumPy installed in this kernel: upgrade "
            "NumPy (`%pip install -U numpy`), then restart the kernel."
        )
    if lib:
        return (
            f"`{lib}` imports `{module}`, which your installed `{top}` does not have: the two "
            f"versions do not fit together. Install the `{top}` version `{lib}` supports (see "
            f"its requirements) or upgrade `{lib}`, then restart the kernel."
        )
    if by is not None:
        return (
            f"Your file `{file_name(by.filename)}` imports `{module}`, which your installed "
            f"`{top}` does not have: that code was written for another `{top}` version. Install "
            "the version it needs (see its requirements), or update that import."
        )
    parts = module.split(".")
    if any(part.startswith("_") for part in parts[1:]) or parts[1:2] == ["python"]:
        return (
            f"`{module}` is an internal module of `{top}`, which moves between versions: "
            f"import the same thing from `{top}`'s public API instead (see its documentation)."
        )
    if not is_known_module(top):
        # `top` imported, but it may as well be a folder of the user's project as a package
        return (
            f"`{top}` is found but has no submodule `{module}`: if `{top}` is your project's "
            f"folder, run the notebook from the folder that holds it (or add that folder to "
            f"`sys.path`) and check that `{top}` holds `{module.split('.')[1]}`; if it is a "
            "package, check the spelling and its version."
        )
    if module in EVERY_VERSION_HAS:
        # no release lacks it, so a version mismatch cannot explain it: what Python found under
        # `top`'s name is a folder of the user's (or an install whose files were lost)
        return (
            f"Every `{top}` has `{module}`, so the `{top}` found here is not the whole package: "
            f"`print({top}.__file__)` shows which one. Rename your own file or folder of that "
            f"name, or reinstall (`%pip install --force-reinstall {pip_name(top)}`) and restart "
            "the kernel."
        )
    holder, name = class_named_like(module)
    if holder:
        # `import sklearn.kmeans`: the class's name written as a module; it lives in another one
        return (
            f"`{top}` has no submodule `{module}`: `{name}` is a class of `{holder}`; write "
            f"`from {holder} import {name}`."
        )
    return (
        f"`{top}` is installed but has no submodule `{module}`: check the spelling first. If it "
        f"is right, your `{top}` is another version (or another package of that name) than the "
        f"code expects: compare `%pip show {pip_name(top)}` with its documentation."
    )


def _optional_package_missing(p, f):
    if f.get("spacy_model"):
        return (
            f"The spaCy model `{f['spacy_model']}` is not downloaded: run "
            f"`!python -m spacy download {f['spacy_model']}`, then restart the kernel."
        )
    return (
        f"This function needs the optional package `{f.get('module')}`: run "
        f"`%pip install {f.get('package', f.get('module'))}`, then restart the kernel."
    )


def _alias_not_imported(p: ParsedError, f: Facts) -> str | None:
    """When: a NameError on `np`, `pd`, ... that a notebook cell raised; raised inside a library
    or the user's own module, the NameError hint says whose code lacks the import."""
    if raised_outside_notebook(p) is not None:
        return None
    # `import torchvision.models as models` binds no `torchvision`; `nn` where `tf.nn` is meant
    slip = name_slip(p, f["name"]) or dropped_prefix_hint(p, f["name"])
    if slip:
        return slip
    column = strptime_of_a_column(p.user_line, f["name"])
    if column:
        return column
    return (
        f"`{f['name']}` is normally imported, but no cell run in this kernel imported it: run "
        f"`{f['import']}` (or your imports cell) first."
    )


# `dt.strptime(df['col'], '%Y-%m-%d')`: the class method parses one string, and its first
# argument is a frame's column (a name subscripted with a string).
_STRPTIME_OF_COLUMN = re.compile(
    r"(?<![\w.])(?P<name>\w+)\.strptime\(\s*(?P<column>\w+\[\s*(?:'[^'\n]*'|\"[^\"\n]*\")\s*\])"
    r"\s*(?:,\s*(?P<format>'[^'\n]*'|\"[^\"\n]*\"))?"
)


def strptime_of_a_column(line: str, name: str) -> str:
    """The undefined ``name`` is `datetime` (or its alias) and the line parses a whole column
    with its `strptime`: importing it would only move the error on (strptime takes one string),
    so the hint names pandas' parser for a column."""
    m = _STRPTIME_OF_COLUMN.search(line)
    if m is None or m.group("name") != name:
        return ""
    fmt = f", format={m.group('format')}" if m.group("format") else ""
    return (
        f"`{name}` is not defined here, and even imported, `{name}.strptime` parses one string, "
        f"not a column: write `pd.to_datetime({m.group('column')}{fmt})`."
    )


def _package_shadowed(p: ParsedError, f: Facts) -> str:
    shadow, module = f.get("shadow", ""), f.get("module", "")
    if shadow == "__main__":
        # `from .vgg import x` in a notebook: there is no package around it to be relative to.
        name = module.split(".", 1)[-1]
        return (
            f"A relative import (`from .{name} import ...`) does not work in a notebook: write "
            f"`from {name} import ...`, with `{name}.py` in the notebook's folder."
        )
    if module == f"{shadow}.py":
        # `import string.py` asks for a submodule `py` of `string`: the file's suffix, not a
        # file of the user's, is what breaks it.
        return (
            f"An import names a module without its `.py` suffix: write `{shadow}`, not "
            f"`{shadow}.py`, in the import."
        )
    if "." in shadow and p.last_frame is not None and not p.last_frame.is_user:
        # `keras.metrics` imported by installed code: a submodule of an installed package is no
        # file of the user's; the installed packages' versions do not fit each other.
        top = shadow.split(".", 1)[0]
        return (
            f"Installed code expects `{shadow}` to be a package, but the installed `{top}` has "
            "it as a plain module: its version does not fit the packages that import it (often "
            f"after a `pip install` changed one of them). Install the `{top}` version they "
            "require and restart the kernel."
        )
    if "." in shadow and module.startswith(f"{shadow}."):
        # `from spotdl.utils.search.spotifyClient import X`: a dotted name is found inside its
        # package (no file next to the notebook is named so); the path goes one level too deep
        rest = module[len(shadow) + 1 :].split(".")[0]
        return (
            f"`{shadow}` is a plain module (one file) of its package, not a package, so it has "
            f"no submodule `{rest}`: import a name it defines (`from {shadow} import ...`), or "
            "look up which module defines the name you need in your installed version."
        )
    return (
        f"Python found a `{shadow}` that is not the package you mean, usually your own "
        f"`{shadow}.py` next to the notebook: rename that file and restart the kernel."
    )


def _is_the_package_itself(module: str, path: str) -> bool:
    """The half-imported module's file is `numpy/core/__init__.py` for `numpy.core`: the
    package's own folder tree, not a file of the user's named like it (`numpy.py`)."""
    tree = "/".join(module.split("."))
    return bool(module) and f"{tree}/__init__.py" in path.replace("\\", "/")


# Modules no pip package provides (PyPI's `fenics` is a meta-package of FEniCS' Python parts,
# without DOLFIN, which holds the `fenics` and `dolfin` modules) -> (project, conda package).
_NOT_FROM_PIP = {
    "fenics": ("FEniCS's DOLFIN", "fenics"),
    "dolfin": ("FEniCS's DOLFIN", "fenics"),
    "dolfinx": ("FEniCSx's DOLFINx", "fenics-dolfinx"),
}

# Modules pip cannot install for a current Python -> what replaces them.
_NO_WHEELS = {"PyQt4": "PyQt5", "PySide": "PySide6"}


def _circular_hint(module: str, path: str = "") -> str:
    if _is_the_package_itself(module, path):
        top = module.split(".")[0]
        return (
            f"`{module}` was half imported from the installed `{top}` package itself, not from "
            f"a file of yours named like it: that install is broken or mixed from two versions; "
            f"reinstall `{top}` (and the libraries that import it) in one place, then restart "
            "the kernel."
        )
    return (
        f"`{module}` is only partly imported (a circular import): most often a file of yours "
        f"has the same name as the library; rename it and restart the kernel."
    )


def _removed_hint(name: str, module: str, f: Facts) -> str:
    note = f" ({f['note']})" if f.get("note") else ""
    return f"`{name}` is no longer in `{module}`{note}: use {as_code(f['replacement'])} instead."


def _is_library_path(path: str) -> bool:
    package, is_std = top_package(path.strip())
    return bool(package) or is_std


# "No module named request": Python 2's wording (Python 3 quotes the name).
_PYTHON2_NO_MODULE = re.compile(r"No module named [\w.]+\s*$")

# Python 2 standard modules that PyPI packages copy, and where Python 3 has them.
_PYTHON3_NAMES = {
    "HTMLParser": "from html.parser import HTMLParser",
    "urllib2": "urllib.request",
    "urlparse": "urllib.parse",
    "httplib": "http.client",
    "cookielib": "http.cookiejar",
    "ConfigParser": "configparser",
    "Queue": "queue",
}

# Standard modules of Python 2 whose Python 3 name is not theirs in lower case (`Queue` and
# `ConfigParser` are): no pip package gives them, a library tries them first for Python 2.
_PYTHON2_MODULES = frozenset(
    {"cPickle", "cStringIO", "StringIO", "urllib2", "urlparse", "HTMLParser", "httplib"}
    | {"cookielib", "commands", "thread", "xmlrpclib", "copy_reg", "htmlentitydefs"}
    | {"tkMessageBox", "tkFileDialog", "exceptions", "sets", "md5", "anydbm"}
)


def _dependency_not_installed(p: ParsedError) -> str:
    """A library's ImportError raised while it handled "No module named 'x'" for a top-level
    module of another package (pafy without `youtube_dl`): that package is what to install;
    else ""."""
    last = p.last_frame
    library = last.library if last is not None else None
    for name, message in p.chain:
        m = re.fullmatch(r"No module named '([A-Za-z]\w*)'", message.strip())
        if name != "ModuleNotFoundError" or not m or not library:
            continue
        module = m.group(1)
        if module == library or module in STDLIB_TOPS or PROJECT_NAMES.match(module):
            continue  # its own part (a broken install), Python's own, or a project's file
        if module.lower() in STDLIB_TOPS or module in _PYTHON2_MODULES:
            continue  # `try: import cPickle`: a Python 2 name the library falls back from

        return (
            f"`{library}` needs `{module}`, which is not installed (No module named "
            f"'{module}'): run `%pip install {pip_name(module)}`, then restart the kernel."
        )
    return ""


def _installed_package_file(p: ParsedError, path: str, top: str) -> bool:
    """The module's file lies in the installed packages under its own name
    (`…/dist-packages/deepforest/__init__.py`) and a cell installs that package: the package
    the notebook asked for, no other package or file of that name shadowing it."""
    if not top or top_package(path.strip())[0] != top:
        return False
    # IPython runs a bare `pip install x` line as its `%pip` magic
    wanted = re.compile(
        rf"^[ \t]*[!%]?[ \t]*pip3?[ \t]+install\b[^\n#]*[ \t]['\"]?{re.escape(top)}\b(?![-.])",
        re.M | re.I,
    )
    codes = (*p.notebook_code, p.user_code)
    return any(wanted.search(code) for code in codes) or any(
        _installs_repository_named(code, top) for code in codes
    )


# `pip install git+https://github.com/owner/PyKoSpacing.git`: the repository's name, its last part
_GIT_INSTALL = re.compile(
    r"[!%]?\s*pip3?\s+install\b[^\n#]*?\bgit\+\S*/([\w.-]+?)(?:\.git)?(?=[@#\s'\"]|$)"
)


def _installs_repository_named(code: str, top: str) -> bool:
    """A cell installs a git repository whose name is the module's, up to case and `-`/`_`."""
    wanted = top.lower().replace("-", "_")
    return any(m.group(1).lower().replace("-", "_") == wanted for m in _GIT_INSTALL.finditer(code))


def _name_not_in_module(p: ParsedError, f: Facts) -> str:
    """When: "cannot import name 'x' (from 'm')". The importing frame says whose import it
    was: a library's (its versions do not fit the module's), the user's own file, or the user's
    line (a typo, or a name the installed version does not have)."""
    name, module = f.get("name", ""), f.get("module", "")
    if f.get("circular"):
        return _circular_hint(module, f.get("circular_path", ""))
    top = distribution_root(module) if module else ""
    by = importer(p)
    by = None if by is None or by.is_user else by
    lib = (by.package or by.library) if by is not None and by.library else ""
    foreign = bool(lib and top and library_of(lib) != library_of(top))
    removed = _REMOVED_IN.search(f.get("note", ""))
    if foreign and removed:
        # Another package's import of a name the installed `top` removed: upgrading `top`
        # cannot bring it back; an older `top` or a newer importer does.
        return (
            f"`{lib}` imports `{name}` from `{module}`, which was {removed.group(0)}: upgrade "
            f"`{lib}` to a version made for it, or pin the older one (`%pip install "
            f"'{pip_name(top)}<{removed.group(2).removesuffix('.0')}'`), then restart the kernel."
        )
    if foreign and f.get("replacement"):
        # The name moved or went away in `top`; the import is in `lib`'s code, not the user's.
        return (
            f"`{lib}` imports `{name}` from `{module}`, which your installed `{top}` no longer "
            f"has (now {as_code(f['replacement'])}): upgrade `{lib}` to a version made for it, "
            f"or install an older `{top}`; then restart the kernel."
        )
    if f.get("replacement") and not lib:
        # An import in the library's own file (`pandas/io/formats/csvs.py` importing a name
        # pandas removed) is no code the user can change: its files are of mixed versions.
        return _removed_hint(name, module, f)
    if foreign:
        # A name not known as removed: `top` may be older than `lib` needs (a name added later)
        # or newer (a name removed since); nothing here tells which. Upgrading the importer is
        # right either way (pip brings `top` to a version it requires).
        return (
            f"`{lib}` imports `{name}` from `{module}`, which your installed `{top}` lacks: the "
            f"two versions do not fit together. If `{top}` is older than `{lib}` needs, upgrade "
            f"it (`%pip install -U {pip_name(top)}`); if newer (a name removed since), upgrade "
            f"`{lib}` instead; then restart the kernel."
        )
    if lib == "keras" and top == "tensorflow":
        # Standalone Keras (2.6 on) is released apart from TensorFlow, one version for each:
        # its import of TensorFlow's internals fails when the two versions differ.
        return (
            f"The installed `keras` does not match your `tensorflow`: it imports `{name}` from "
            f"`{module}`, which this TensorFlow lacks. Install the Keras of your TensorFlow's "
            "version (`%pip install 'keras==X.Y.*'` for TensorFlow X.Y) or use `tf.keras`, then "
            "restart the kernel."
        )
    if lib:
        return _own_import_failed(lib, name)
    path = f.get("local_path", "")
    if module and _browser_only(top):
        return _browser_only(top)
    if path == "unknown location" and by is None:
        # A folder without `__init__.py` (a namespace package): the code that defines `name`
        # was never installed there, it is no file of the user's.
        return (
            f"Python found `{module}` only as a folder with no code of its own (a namespace "
            f'package: "unknown location"), and nothing installed in it provides `{name}`: '
            f"install the package that provides `{module}.{name}` (its documentation names it; "
            "the name may have moved to a package of its own), then restart the kernel."
        )
    if path and _STDLIB_PATH.search(path):
        # `import test` found Python's own `test` package: the user's module was not found.
        return (
            f"`{module}` here is a module of Python's standard library (`{path}`), which has no "
            f"`{name}`: if you meant a file of yours, give it a name no standard module has and "
            "put it next to the notebook."
        )
    if by is not None and top and is_known_module(top) and file_name(by.filename) != f"{top}.py":
        # Your file imports from a library: the library lacks the name, not your file.
        return (
            f"Your file `{file_name(by.filename)}` imports `{name}` from `{module}`, which your "
            f"installed `{top}` lacks: that code was written for another `{top}` version; "
            f"install the version it needs (`%pip show {pip_name(top)}` shows yours)."
        )
    home = _standard_home(module, name)
    if home is not None:
        where = f": it is in `{home}`" if home else ": check the spelling"
        return f"Python's standard `{module}` has no `{name}`{where}."
    project = _downloaded_project(path) if by is None and path else ""
    if project and not _is_library_path(path):
        # a repository's own file, not one the user wrote: the name may live elsewhere in it
        return (
            f"`{module}` comes with the project in `{project}` (named like a GitHub download) "
            f"and has no `{name}`: search the project's files and notebooks for `{name}` and "
            "import it from where it is defined, or copy that definition into a cell."
        )
    if by is not None or (path and not _is_library_path(path)):
        where = file_name(by.filename) if by is not None else module
        return (
            f"Your module `{where}` has no `{name}`: check the spelling, and restart the kernel "
            "if you edited the file (Python keeps the old version imported)."
        )
    if not module:
        return (
            f"`{name}` cannot be imported from the module this line imports: check the name's "
            "spelling, and your installed version of that package against its documentation."
        )
    alias = ALIASES.get(name, "")
    if alias.startswith(f"import {module} as "):
        # `from numpy import np`: the short name is what the module is imported as.
        return (
            f"`{name}` is the usual short name of `{module}` itself, not a name inside it: "
            f"write `{alias}`."
        )
    close = close_member(module, name)
    if close:
        return f"`{module}` has no `{name}`: did you mean `{close}`?"
    own = _package_of_its_own(module, name)
    if own:
        return own
    if is_known_module(top) or _installed_package_file(p, path, top):
        # No table knows the name as moved or removed (those are answered above): whether any
        # version of `top` ever had it is not known, so no version is blamed.
        return (
            f"The installed `{top}` has no `{name}` in `{module}`: look the name up in `{top}`'s "
            "documentation (it may be spelled differently, live in another module, belong to "
            f"another version than yours, `{top}.__version__`, or not exist at all)."
        )
    return (
        f"The `{module}` that Python imports has no `{name}`: check the spelling, and which file "
        f"it is (`{module}.__file__`): another package or file of that name may shadow the one "
        "the code expects."
    )


def _own_import_failed(lib: str, name: str) -> str:
    """A library that cannot import a name from its own files: a broken or mixed install. The
    pip command is given only for a module whose package the tables know: an unknown import
    name is often no pip name (`sql` is installed by ipython-sql and by jupysql)."""
    if not is_known_module(lib):
        return (
            f"`{lib}` cannot import its own `{name}`: the installed `{lib}` is broken, not made "
            f"for your Python version, or mixed from two packages that both install `{lib}`. "
            f"Reinstall the package that provides it (after uninstalling any other that installs "
            f"`{lib}`), then restart the kernel."
        )
    return (
        f"`{lib}` cannot import its own `{name}`: the installed `{lib}` is broken or not made "
        f"for your Python version. Reinstall or upgrade it (`%pip install -U {pip_name(lib)}`), "
        "then restart the kernel."
    )


def _package_of_its_own(module: str, name: str) -> str:
    """`from sklearn.preprocessing import category_encoders`: the name is the import name of a
    package of its own (another library than `module`'s), not a submodule the tables know."""
    top = distribution_root(module)
    if not is_known_module(name) or pip_name(name).startswith("(") or name in STDLIB_TOPS:
        return ""  # no package, one that is no pip install (`colab`), or Python's own
    if "_" not in name and pip_name(name) == name:
        # A plain word (`numpy`, `notebook`) is also the name of many libraries' submodules
        # (`jax.numpy`, `tqdm.notebook`): only a package's compound or distinct name is sure.
        return ""
    if is_known_submodule(f"{module}.{name}") or is_known_submodule(f"{top}.{name}"):
        return ""  # `tensorflow.keras`, `google.colab`: the module does provide that name
    if library_of(name) == library_of(top) or name.lower() == top.lower():
        return ""
    return (
        f"`{name}` is a package of its own, not part of `{module}`: import it directly "
        f"(`import {name}`; `%pip install {pip_name(name)}` first if it is missing)."
    )


# A file of the standard library (`/usr/lib/python3.8/test/__init__.py`), not of site-packages.
_STDLIB_PATH = re.compile(r"[\\/]lib[\\/]python\d\.\d+[\\/](?!site-packages|dist-packages)")
# Standard modules whose names are looked up for a name another standard module lacks.
_STANDARD_HOMES = ("concurrent.futures", "collections", "collections.abc", "typing", "itertools",
                   "functools", "os", "os.path", "shutil", "math", "statistics", "time",
                   "datetime", "pathlib", "json", "subprocess", "threading", "queue")  # fmt: skip


def _standard_home(module: str, name: str) -> str | None:
    """For a standard module that lacks `name` in this Python: the standard module that has
    it, or "" (none of the usual ones); None when `module` is no standard module or has it
    (then it was shadowed, or this Python is another version)."""
    if module.split(".")[0] not in STDLIB_TOPS:
        return None
    try:
        if hasattr(importlib.import_module(module), name):
            return None
    except Exception:  # a module this Python cannot import tells nothing
        return None
    return next(
        (h for h in _STANDARD_HOMES if h != module and hasattr(importlib.import_module(h), name)),
        "",
    )


# "removed in urllib3 2.0", "removed in NumPy 2.0": the version to stay below.
_REMOVED_IN = re.compile(r"removed in (\w+) (\d+(?:\.\d+)?)")


# Standard modules built only on one family of systems (the others lack them in every build).
_ONLY_ON = {
    **dict.fromkeys(("winsound", "winreg", "msvcrt", "_winapi", "msilib"), "Windows"),
    **dict.fromkeys(("termios", "fcntl", "pwd", "grp", "resource", "tty", "pty"), "Unix"),
}
_COMPILED = re.compile(
    r"DLL|shared object|[Ss]ymbol|dynamic library|compiled|ARRAY_API|multiarray|umath"
    r"|WinError 12[67]"
)
# Python's own message for a `.pyc` of another version: "bad magic number in 'mooc': b'...'".
_BAD_MAGIC = re.compile(r"^bad magic number in '([\w.]+)'")
# NumPy's message when its C-extensions fail, whichever package imported NumPy.
_NUMPY_OWN_FAILURE = "Importing the numpy C-extensions failed"
_NUMPY_ABI = re.compile(
    r"compiled (?:using|against) NumPy|_ARRAY_API|numpy\.core\.\w+ failed to import"
    r"|numpy\._core",
    re.I,
)


# "version `GLIBCXX_3.4.30' not found (required by …)": the environment's C++ runtime is old.
_CXX_RUNTIME = re.compile(r"GLIBCXX_[\d.]+|libstdc\+\+")
# "Numba needs NumPy 1.21 or less": the message states the version range it wants.
_VERSION_BOUND = re.compile(
    r"\b([A-Za-z][\w-]*) (?:needs|requires) ([A-Za-z][\w-]*) ([\d.]*\d) or "
    r"(less|lower|older|greater|higher|newer)\b"
)


def _broken_install(p: ParsedError, f: Facts) -> str:
    """When: an ImportError (or DLL OSError) of a module that exists. The message's own request
    (install X, reinstall Y) comes first; a compiled part that failed to load is named."""
    removed = _removed_import(p)
    if removed:
        return removed
    if f.get("package"):
        return (
            f"This needs an extra package: run `%pip install {f['package']}`, then restart "
            "the kernel."
        )
    if "partially initialized module" in p.message or "circular import" in p.message:
        m = re.search(r"partially initialized module '([\w.]+)'", p.message)
        return _circular_hint(m.group(1) if m else "The module")
    if "libGL" in p.message or "libgthread" in p.message:
        return (
            "OpenCV needs system graphics libraries that are missing: use "
            "`%pip install opencv-python-headless` (or install libgl1 with apt)."
        )
    if "paging file is too small" in p.message:
        # WinError 1455: Windows ran out of virtual memory while loading the DLLs; the
        # install itself is fine.
        return (
            "Windows ran out of virtual memory (its paging file is too small) while loading "
            "this library's DLLs: close other programs or enlarge the paging file, then restart "
            "the kernel."
        )
    verb, asked = asked_packages(p.message)
    if asked and not _NUMPY_ABI.search(p.message):
        pinned = _asked_with_version(p.message, asked)
        if pinned:
            # "Install geoplot <= 0.2.4": `-U` would install the newest, outside that range.
            return (
                f"The message asks for {' and '.join(f'`{a}`' for a in pinned)}: run "
                f"`%pip install {' '.join(repr(a) for a in pinned)}`, then restart the kernel."
            )
        flag = "--force-reinstall" if verb == "reinstall" else "-U"
        return (
            f"The message asks to {verb} {' and '.join(f'`{a}`' for a in asked)}: run "
            f"`%pip install {flag} {' '.join(asked)}`, then restart the kernel."
        )
    if _CXX_RUNTIME.search(p.message):
        return (
            "A compiled package needs a newer C++ runtime (`libstdc++`, GLIBCXX) than this "
            "environment has, which pip cannot update: in a conda environment run `%conda install "
            "-c conda-forge libstdcxx-ng`, or use a newer environment; then restart the kernel."
        )
    bound = _VERSION_BOUND.search(p.message)
    if bound:
        who, needed, version, side = bound.groups()
        below = side in ("less", "lower", "older")
        pin = f"{needed.lower()}{'<=' if below else '>='}{version}"
        return (
            f"`{who}` needs {needed} {version} or {side}: install a {needed} in that range "
            f"(`%pip install '{pin}'`) or a `{who}` made for your {needed}, then restart the "
            "kernel."
        )
    if "attempted relative import with no known parent package" in p.message and re.match(
        r"\s*from\s+\.", p.user_line
    ):
        # `from .module import x` written in a cell (or run as a script): no package holds it.
        return (
            "A relative import (`from .module import ...`) works only inside a package, and a "
            "notebook cell is in none: drop the dot (`from module import ...`) with the module's "
            "folder on `sys.path`, or import the package from outside it."
        )
    magic = _BAD_MAGIC.search(p.message)
    if magic:
        # Python read a `.pyc` whose header is not its own: compiled by another Python version,
        # or damaged in transfer (a text-mode copy); no pip package replaces a local file.
        name = magic.group(1).rsplit(".", 1)[-1]
        return (
            f"`{name}` was loaded from a compiled file (`{name}.pyc`) made by another Python "
            f"version or damaged in a copy (bad magic number): delete that `.pyc` (and "
            f"`__pycache__`) and import the `{name}.py` source, or get a copy that matches "
            "this Python."
        )
    arch = _ARCHITECTURE.search(p.message[:2_000])
    if arch:
        return _architecture_hint(arch)
    if not _COMPILED.search(f.get("detail", "") + p.message):
        needed = _dependency_not_installed(p)
        if needed:
            return needed
        # The module the message names may be the missing one ("PIL is required"): no claim
        # that it exists; its pip name can differ from the import name (PIL is `pillow`).
        return (
            "An import failed: read the message for the package it needs, install or upgrade "
            "it with `%pip install -U ...` under its pip name (PIL's is `pillow`), then restart "
            "the kernel."
        )
    if _NUMPY_ABI.search(p.message):
        return (
            "A compiled library was built against another NumPy version than the one installed "
            "(often NumPy 2 vs. a package built for NumPy 1): upgrade them together with "
            "`%pip install -U numpy <that package>`, or install `numpy<2`; restart the kernel."
        )
    if _NUMPY_OWN_FAILURE in p.message:
        # NumPy's own message: its compiled part failed, whichever package imported it first.
        return (
            "NumPy's compiled part could not load, whichever package imported it: the "
            "environment's NumPy is broken or mixed (pip over conda), or Jupyter runs outside "
            "the environment the message names. Reinstall NumPy in that environment (`%pip "
            "install --force-reinstall numpy`, or `conda install --force-reinstall numpy`), "
            "then restart the kernel."
        )
    lib = _compiled_module_owner(p) or _failing_library(p)
    outside = _loaded_from_outside(p.message, lib)
    if outside:
        return outside
    dll = re.search(r"[\w.\-]+\.(?:dll|pyd|dylib|so(?:\.\d+)*)\b", p.message)
    what = f"its compiled file `{dll.group(0)}`" if dll else "a compiled part"
    named = _WHILE_IMPORTING.search(p.message[:500])
    if named and not dll and _compiled_module_owner(p):
        what = f"its compiled module `{named.group(1)}`"
    if lib in _STDLIB_MODULES and dll:
        # Python's own module (tkinter, sqlite3, ssl) loads a library of the operating system:
        # pip does not ship it, the system's package manager does.
        return (
            f"Python's own `{lib}` could not load `{dll.group(0)}`, a library of the operating "
            "system that is missing or broken here (pip cannot install it): install it with "
            "the system's package manager (e.g. `apt-get`), or use a Python build that has it."
        )
    if lib in _STDLIB_MODULES:
        # "DLL load failed while importing _sqlite3": the compiled half of Python's own module,
        # which comes with Python, not from pip (`pip install sqlite3` finds no such package)
        return (
            f"Python's own `{lib}` could not load {what}, which comes with Python itself (pip "
            "cannot reinstall it): this Python installation or environment is broken or lacks "
            "a system library it needs; repair or recreate it, then restart the kernel."
        )
    first = _cuda_library_loaded_before(p, lib) if dll else ""
    if first:
        # WinError 127: the DLL was found, but a procedure it needs is missing from a DLL of the
        # same name already loaded, such as the cuDNN that another CUDA library brought
        return (
            f"`{lib}` found {what} but not a procedure it needs, and the notebook imports "
            f"`{first}`, which loads its own CUDA/cuDNN files: if it ran first, restart the kernel "
            f"and import `{lib}` before `{first}` (or use them in separate environments)."
        )
    if lib:
        cuda = " or CUDA" if lib in _CUDA_LIBRARIES else " or"
        return (
            f"`{lib}` could not load {what}: the install is broken or was built for another "
            f"system{cuda} version. Reinstall it "
            f"(`%pip install --force-reinstall {pip_name(lib)}`"
            "), then restart the kernel."
        )
    return (
        f"A library could not load {what}: its install is broken or was built for another "
        "system or version. Reinstall the package named in the traceback "
        "(`%pip install --force-reinstall ...`), then restart the kernel."
    )


_STDLIB_MODULES = frozenset(getattr(sys, "stdlib_module_names", ()))
# A compiled module's full path in the message: its folder, its file's module name.
_COMPILED_PATH = re.compile(
    r"((?:[A-Za-z]:)?[\\/][^\s:,'\"()]*[\\/])(\w+)(?:\.[\w\-]+)?\.(?:so|pyd|dylib)\b"
)
# Folders pip and conda install into, and Python's own compiled modules.
_INSTALL_FOLDER = re.compile(r"site-packages|dist-packages|lib-dynload|[\\/]DLLs[\\/]", re.I)


def _loaded_from_outside(message: str, lib: str) -> str:
    """The failing module's own compiled file (`cv2.so` for `cv2`) lies outside the folders
    pip installs into (a tool's folder put on PYTHONPATH, such as OpenVINO's Python 2.7 build):
    Python loads that copy first, so reinstalling the package changes nothing."""
    for m in _COMPILED_PATH.finditer(message[:1_000]):
        folder, module = m.group(1), m.group(2)
        if module != lib or _INSTALL_FOLDER.search(folder):
            continue
        other = re.search(r"python(2\.\d+|3\.\d+)", folder, re.I)
        if other:
            return (
                f"The `{lib}` Python loaded is `{m.group(0)}`, a copy for Python {other.group(1)} "
                "outside your environment's packages (its folder is on PYTHONPATH or "
                "`sys.path`), so reinstalling with pip does not replace it: remove that folder "
                "from the path, then restart the kernel."
            )
        return (
            f"The `{lib}` Python loaded is `{m.group(0)}`, outside the folders pip installs into "
            "(a folder on PYTHONPATH or `sys.path`, or a build of your own), so reinstalling with "
            "pip does not replace it: remove that folder from the path or rebuild that copy for "
            "this Python, then restart the kernel."
        )
    return ""


def _asked_with_version(message: str, asked: list[str]) -> list[str]:
    """The asked packages with the version bound the message puts right after them
    ("geoplot<=0.2.4"), or [] when none has one."""
    pinned = []
    for name in asked:
        m = re.search(rf"\b{re.escape(name)}\s*(<=|>=|==|<|>)\s*(\d+(?:\.\d+)*)", message)
        pinned.append(f"{name}{m.group(1)}{m.group(2)}" if m else name)
    return pinned if pinned != asked else []


# "DLL load failed while importing _arpack": the compiled module Python could not load.
_WHILE_IMPORTING = re.compile(r"while importing (\w+)")


def _compiled_module_owner(p: ParsedError) -> str:
    """The package whose own compiled module failed to load (SciPy's `_arpack`, reached through
    scikit-learn's import of SciPy): the deepest library frame, when its failing line imports
    the module the message names. "" otherwise (the first library frame is then the one named)."""
    m = _WHILE_IMPORTING.search(p.message[:500])
    if m is None:
        return ""
    for frame in reversed(p.frames):
        if frame.filename.startswith("<frozen") or frame.package == "importlib":
            continue
        if frame.is_user or not frame.library:
            return ""
        imports = re.search(
            rf"\b(?:import|from)\b.*\b{re.escape(m.group(1))}\b", frame.failing_line
        )
        return (frame.package or frame.library) if imports else ""
    return ""


# macOS's loader: "'/path/mod.cpython-39-darwin.so' (mach-o file, but is an incompatible
# architecture (have 'arm64', need 'x86_64'))": a compiled file built for the other processor.
# macOS 13+ writes the names in parentheses, maybe two needed: "(have (x86_64), need (arm64e
# or arm64))", or "need 'arm64e' or 'arm64'".
_ARCHITECTURE = re.compile(
    r"'([^']*?)' \([^()']*incompatible architecture \(have [('](\w+)[)'], "
    r"need [('](\w+)[)']?(?: or [('\"]?(\w+))?"
)


def _architecture_hint(arch: re.Match) -> str:
    """When: the loader found the compiled file but it is built for another processor
    architecture than the kernel's Python runs as (arm64 vs. x86_64 under Rosetta). A package's
    file (in the folders pip installs into) is reinstalled by the kernel's own pip; a file of
    one's own is rebuilt with the kernel's Python. No install of a missing package helps."""
    path, have, need, plain = arch.groups()
    need = plain or need  # "need (arm64e or arm64)": the kernel's Python runs as arm64
    # Rosetta runs an x86_64 Python on an arm64 Mac; a kernel that needs arm64 is native
    rosetta = " (e.g. under Rosetta)" if need == "x86_64" else ""
    module = re.split(r"[\\/]", path)[-1].split(".")[0]
    if _INSTALL_FOLDER.search(path):
        return (
            f"`{module}`'s compiled file is built for {have} but this kernel's Python runs as "
            f"{need}: reinstall that package from the notebook (`%pip install --force-reinstall "
            "...`) so pip picks the build for this Python, or run a Python native to the machine."
        )
    return (
        f"`{module}` is a compiled file built for {have}, but this kernel's Python runs as "
        f"{need}{rosetta}: rebuild it with the kernel's own Python, or run the "
        "notebook with a Python of the same architecture; then restart the kernel."
    )


def _failing_library(p: ParsedError) -> str:
    """The library whose import failed: the first library frame, else the user's import."""
    for frame in p.frames:
        if frame.library:
            return frame.package or frame.library
    m = re.match(r"\s*(?:from|import)\s+([\w]+)", p.user_line)
    return m.group(1) if m else ""


# A library's own words for a name it removed, raised when the name is read (scikit-learn's
# module `__getattr__`): "`load_boston` has been removed from scikit-learn since version 1.2."
_REMOVED_SINCE = re.compile(
    r"^\s*`?(\w+)`? has been removed from ([A-Za-z][\w.-]*) since version (\d+(?:\.\d+)*)"
)


def _removed_import(p: ParsedError) -> str:
    """The hint when the user's `from m import name` hit a name the tables know was removed,
    with a message of its own (scikit-learn's "`load_boston` has been removed ..."), or when
    the message itself says the name was removed since a version (no install brings it back)."""
    m = re.match(r"\s*from\s+([\w.]+)\s+import\s+(\w+)", p.user_line)
    if m is None:
        return _removed_since(p)
    hit = lookup(m.group(1), m.group(2))
    if hit is None:
        return _removed_since(p)
    return _removed_hint(m.group(2), m.group(1), {"replacement": hit.use, "note": hit.note})


def _removed_since(p: ParsedError) -> str:
    """The message says its library removed the name in a version: the tables' replacement
    when they know one, else what the message offers; never "install or upgrade"."""
    said = _REMOVED_SINCE.match(p.message[:300])
    if said is None:
        return ""
    name, library, version = said.groups()
    known = removed_function(name)
    if known is not None and known[1].note.startswith("removed in"):
        owner, hit = known
        return _removed_hint(name, owner, {"replacement": hit.use, "note": hit.note})
    return (
        f"`{name}` was removed from {library} in version {version}, so no install or upgrade "
        f"brings it back: use the replacement the message shows, or a {library} older than "
        f"{version}."
    )


HINTS: dict[str, Template] = {
    MODULE_NOT_FOUND: module_not_found_hint,
    OPTIONAL_DEPENDENCY: _optional_package_missing,
    ALIAS_NOT_IMPORTED: _alias_not_imported,
    NOT_A_PACKAGE: _package_shadowed,
    CANNOT_IMPORT_NAME: _name_not_in_module,
    BROKEN_INSTALL: _broken_install,
}


def _downloaded_project(path: str) -> str:
    """The folder of a GitHub download (`prompt-to-prompt-main`, `repo-master`) the module's file
    lies in, or "": GitHub names a repository's zip after its branch."""
    folders = re.split(r"[\\/]+", path)[:-1]
    return next((part for part in reversed(folders) if re.search(r".-(?:main|master)$", part)), "")


# Libraries that bring their own CUDA and cuDNN files.
_CUDA_LIBRARIES = ("tensorflow", "torch", "jax", "cupy", "paddle", "mxnet")


def _cuda_library_loaded_before(p: ParsedError, lib: str) -> str:
    """Another CUDA library a cell imports, when Windows found the failing DLL but not a
    procedure in it (WinError 127, "The specified procedure could not be found"): a DLL of the
    same name that library loaded first is then the one in use. "" otherwise."""
    if lib not in _CUDA_LIBRARIES or "procedure could not be found" not in p.message:
        return ""
    for other in (name for name in _CUDA_LIBRARIES if name != lib):
        imports = re.compile(rf"^\s*(?:import|from)\s+{other}\b", re.M)
        if any(imports.search(code) for code in p.notebook_code or (p.user_code,)):
            return other
    return ""
