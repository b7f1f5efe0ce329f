"""The hint a student reads, and the evidence it rests on.

``make_hint(parsed, labels, match)`` picks the most specific template it can fill: the rule that
fired (with its facts: module, package, shapes, column, replacement API, ...), then close matches
(difflib) from the message and the user's code, then a generic hint for the crash type. Each hint
is one or two sentences. Notebook-cause hints (cell order, an earlier failing cell) come from the
notebook analysis, not from here.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Mapping

from .rules import matching_rules
from .rules.base import RuleMatch
from .rules.imports import is_known_module, package_for
from .rules.known_imports import ALIASES, LIBRARY_NAMES, import_for
from .rules.names import is_class_name
from .traceback import ParsedError

Template = Callable[[ParsedError, Mapping[str, str]], "str | None"]

# A rule's hint is used even when the model chose another crash type, if the rule was this sure.
TRUST_RULE = 0.8


_HINTS: dict[str, Template] = {}


def _hint(*rules: str) -> Callable[[Template], Template]:
    def register(func: Template) -> Template:
        for rule in rules:
            _HINTS[rule] = func
        return func

    return register


def _as_code(text: str) -> str:
    """Backticks around the code parts of a replacement: "`a()` or `b()`", "`x` (note)",
    while prose ("the tensorflow-addons package") stays plain."""
    parts = re.split(r"\s+or\s+(?![^()]*\))", text)
    return " or ".join(_code_part(part) for part in parts)


def _code_part(part: str) -> str:
    m = re.match(r"^(.*?\S)\s+\(([^()]*(?:\([^()]*\)[^()]*)*)\)$", part)
    if m and _is_code(m.group(1)) and re.search(r"[A-Za-z]{3,} ", m.group(2) + " "):
        return f"`{m.group(1)}` ({m.group(2)})"
    return f"`{part}`" if _is_code(part) else part


def _is_code(text: str) -> bool:
    if text.startswith(("from ", "import ", "%pip ", "!")):
        return True
    bare = text
    for _ in range(5):  # drop (possibly nested) argument lists
        bare = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", bare)
    return " " not in bare.strip() or bool(re.search(r"[=.(]", bare) and " = " in text)


def _code(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return f"`{text[:limit]}{'…' if len(text) > limit else ''}`"


_CLOSE = 0.75  # difflib ratio from which a candidate counts as close


def close_matches(word: str, candidates, n: int = 3) -> list[str]:
    """Candidates close to ``word`` (difflib), case-insensitive matches first; never ``word``."""
    pool = [c for c in dict.fromkeys(candidates) if c and c != word]
    if not word or not pool:
        return []
    same_case = [c for c in pool if c.lower() == word.lower() or c.strip() == word.strip()]
    found = difflib.get_close_matches(word, pool, n=n, cutoff=_CLOSE)
    if not found:
        lowered = {c.lower(): c for c in pool}
        found = [
            lowered[c] for c in difflib.get_close_matches(word.lower(), lowered, n=n, cutoff=_CLOSE)
        ]
    return list(dict.fromkeys(same_case + found))[:n]


def _possibly_close(word: str, candidates) -> list[str]:
    """The candidates ``close_matches`` could return at all, in order: it drops only those whose
    letters shared with ``word``, case ignored, bound difflib's ratio below the cutoff (its
    ``quick_ratio``, which case-folding can only raise)."""
    letters = Counter(word.lower())
    out = []
    for c in dict.fromkeys(candidates):
        total = len(word) + len(c)
        if c.lower() == word.lower() or c.strip() == word.strip():
            out.append(c)
        elif 2 * min(len(word), len(c)) >= _CLOSE * total:
            shared = sum((letters & Counter(c.lower())).values())
            if 2 * shared >= _CLOSE * total:
                out.append(c)
    return out


_STRINGS = re.compile(r"""['"]([^'"\n]{1,80})['"]""")
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)*(?:=[^=]|\+=|-=)", re.M)
_DEFINED = re.compile(
    r"^\s*(?:def|class)\s+([A-Za-z_]\w*)|\bas\s+([A-Za-z_]\w*)|\bfor\s+(\w+)\s+in", re.M
)
_IDENTS = re.compile(r"\b[A-Za-z_]\w*\b")


def _code_strings(parsed: ParsedError) -> list[str]:
    return _STRINGS.findall(parsed.user_code[:50_000])


def _code_names(parsed: ParsedError, callables: bool = False) -> list[str]:
    """Names the user's code defines or uses; only called/defined ones when ``callables``.

    A name that the failing line only uses (``y_train`` in ``fit(X_train, y_train)``) is no
    candidate: the user wrote both on purpose, and it may be just as undefined."""
    code = parsed.user_code[:50_000]
    if callables:
        names = re.findall(r"^\s*(?:def|class)\s+([A-Za-z_]\w*)", code, re.M)
        names += re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", code)
        return names + list(LIBRARY_NAMES)
    names = list(_ASSIGNED.findall(code))
    for groups in _DEFINED.findall(code):
        names.extend(g for g in groups if g)
    failing = parsed.user_line.strip()
    for line in code.splitlines():
        if not failing or line.strip() != failing:
            names.extend(_IDENTS.findall(line))
    return names


def _suggest(word: str, candidates) -> str:
    found = close_matches(word, candidates)
    return " or ".join(f"`{c}`" for c in found)


# --- imports -------------------------------------------------------------------------------


@_hint("imports.module_not_found")
def _module_not_found(p: ParsedError, f: Mapping[str, str]) -> str:
    module, package = f.get("module", ""), f.get("package", "")
    if f.get("replacement"):
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{module}` no longer exists{note}: import from {_as_code(f['replacement'])} instead."
        )
    if package.startswith("(only available on"):
        return (
            f"`{module}` exists only {package[1:-1].replace('only available ', '')}: outside it, "
            "remove this import and read your files from a local path instead."
        )
    top = f.get("top_module", module)
    if f.get("suggestion"):
        return (
            f"There is no module `{module}`: did you mean `{f['suggestion']}`? Check the spelling "
            "of the import (the pip name and the import name can differ)."
        )
    alias = re.fullmatch(rf"import ([\w.]+) as {re.escape(top)}", ALIASES.get(module, ""))
    if alias and alias.group(1) != top:
        # `import tf` for `import tensorflow as tf`: the short name is only an alias.
        return f"`{top}` is only the usual short name, not a module: write `{alias.group(0)}`."
    if "." in module and f.get("submodule"):
        # Python names the first part it cannot find: `top` itself was found.
        return (
            f"`{top}` is there, but has no submodule `{module}`: it was renamed or removed in "
            "your version (or is misspelt); look up its current location in the documentation."
        )
    if top == "google":
        return (
            "`google` is the shared prefix of many packages: install the one this import needs, "
            "e.g. `%pip install google-cloud-storage` for `google.cloud.storage`, then restart the "
            "kernel (`google.colab` exists only on Colab)."
        )
    guessed = package.replace("-", "_").lower() == top.lower()
    renamed = "" if guessed else f" (the package is called `{package}`)"
    # A name we know nothing of may as well be the user's own file (`utils`, `task`).
    own = (
        f" If `{top}` is your own `{top}.py`, put it in the notebook's folder instead."
        if guessed and not is_known_module(top)
        else ""
    )
    return (
        f"The module `{top}` is not installed in this kernel's environment{renamed}: run "
        f"`%pip install {package.split(' ')[0]}` in a cell, then restart the kernel.{own}"
    )


@_hint("imports.optional_dependency")
def _optional_dependency(p, f):
    if f.get("spacy_model"):
        return (
            f"The spaCy model `{f['spacy_model']}` is not downloaded: run "
            f"`!python -m spacy download {f['spacy_model']}`, then restart the kernel."
        )
    return (
        f"This function needs the optional package `{f.get('module')}`: run "
        f"`%pip install {f.get('package', f.get('module'))}`, then restart the kernel."
    )


@_hint("imports.alias_not_imported")
def _alias(p: ParsedError, f: Mapping[str, str]) -> str:
    return (
        f"`{f['name']}` is normally imported, but no cell run in this kernel imported it: run "
        f"`{f['import']}` (or your imports cell) first."
    )


@_hint("imports.not_a_package")
def _not_a_package(p: ParsedError, f: Mapping[str, str]) -> str:
    shadow = f.get("shadow", "")
    return (
        f"Python found a `{shadow}` that is not the package you mean, usually your own "
        f"`{shadow}.py` next to the notebook: rename that file and restart the kernel."
    )


@_hint("imports.cannot_import_name")
def _cannot_import(p: ParsedError, f: Mapping[str, str]) -> str:
    name, module = f.get("name", ""), f.get("module", "")
    if f.get("replacement"):
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{name}` is no longer in `{module}`{note}: use {_as_code(f['replacement'])} instead."
        )
    if f.get("circular"):
        return (
            f"`{module}` is only partly imported (a circular import): most often a file of yours "
            f"has the same name as the library; rename it and restart the kernel."
        )
    if f.get("local_path"):
        return (
            f"Your module `{module}` has no `{name}`: check the spelling, and restart the kernel "
            "if you edited the file (Python keeps the old version imported)."
        )
    top = module.split(".")[0] if module else "the library"
    return (
        f"The installed `{top}` has no `{name}`: it was renamed or removed in your version. "
        f"Compare `{top}.__version__` with the version the code was written for."
    )


@_hint("imports.broken_install")
def _broken_install(p: ParsedError, f: Mapping[str, str]) -> str:
    if f.get("package"):
        return (
            f"This needs an extra package: run `%pip install {f['package']}`, then restart "
            "the kernel."
        )
    if "libGL" in p.message or "libgthread" in p.message:
        return (
            "OpenCV needs system graphics libraries that are missing: use "
            "`%pip install opencv-python-headless` (or install libgl1 with apt)."
        )
    if not re.search(
        r"DLL|shared object|symbol|dynamic library|compiled|ARRAY_API|multiarray",
        f.get("detail", "") + p.message,
    ):
        return (
            "An import failed although the module exists: read the message for the package it "
            "needs, install or upgrade it with `%pip install -U ...`, then restart the kernel."
        )
    return (
        "A compiled part of a library failed to load: its installed version does not fit the "
        "others (often NumPy 2 vs. a package built for NumPy 1). Upgrade them together with "
        "`%pip install -U ...` and restart the kernel."
    )


# --- names ---------------------------------------------------------------------------------


_NAME_TOKENS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _is_misspelling(name: str, other: str) -> bool:
    """True when ``other`` looks like ``name`` mistyped, not a sibling variable of the same
    family (``count1``/``count2``, ``d_optimizer``/``g_optimizer``, ``df18``/``df18b``) and not
    the class an instance is named after (``model``/``Model``)."""
    if name.lower().replace("_", "") == other.lower().replace("_", ""):
        return not (name.islower() and is_class_name(other))
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
        if difflib.SequenceMatcher(None, x, y).ratio() < 0.75:
            return False
    return True


def _undefined_name(p: ParsedError, f: Mapping[str, str], what: str) -> str:
    name = f.get("name", "")
    if f.get("replacement"):
        return f"`{name}` is Python 2; in Python 3 use {_as_code(f['replacement'])}."
    statement = import_for(name, p.user_line or p.user_code)
    if statement:
        return f"`{name}` must be imported before use: add `{statement}` and run it."
    did = re.search(r"Did you mean:? '?(\w+)'?", p.message)
    if did:
        suggestion = f"`{did.group(1)}`"
    else:
        # Only names that close_matches could return at all are weighed as misspellings: a big
        # cell has thousands of identifiers, and this runs on every NameError.
        candidates = [
            c
            for c in _possibly_close(name, _code_names(p, callables=what != "variable"))
            if _is_misspelling(name, c)
        ]
        suggestion = _suggest(name, candidates)
    if suggestion:
        todo = "assigns" if what == "variable" else "defines or imports"
        return (
            f"`{name}` has no value in this kernel. Did you mean {suggestion}? If not, run the "
            f"cell that {todo} it first."
        )
    if what == "variable":
        return (
            f"`{name}` has no value in this kernel: run the cell that assigns it first (and check "
            "that cell did not fail), or check its spelling."
        )
    return (
        f"The {what} `{name}` is not defined: run the cell with its definition or import it, and "
        "check the spelling."
    )


@_hint("names.undefined_variable")
def _undefined_variable(p, f):
    return _undefined_name(p, f, "variable")


@_hint("names.undefined_function")
def _undefined_function(p, f):
    return _undefined_name(p, f, "function")


@_hint("names.undefined_class")
def _undefined_class(p, f):
    return _undefined_name(p, f, "class")


@_hint("names.unbound_local")
def _unbound(p, f):
    return (
        f"`{f.get('name')}` is assigned inside the function, so Python treats it as local there, "
        "but it is read before that line: pass it in as an argument (or declare it `global`)."
    )


# --- files ---------------------------------------------------------------------------------


def _escape_hint(path: str, escape: str) -> str:
    return (
        f"The path {_code(path)} contains `{escape}`, which Python read as a backslash escape: "
        "write the path as a raw string `r'C:\\...'` or with forward slashes `/`."
    )


@_hint("files.not_found")
def _file_not_found(p, f):
    path = f.get("path", "")
    if f.get("escape") and not f.get("writing"):
        return _escape_hint(path, f["escape"])
    if f.get("writing"):
        norm = path.replace("\\", "/")
        if "non-existent directory" in p.message:
            folder = norm
        else:
            folder = norm.rsplit("/", 1)[0] if "/" in norm else ""
        make = f"os.makedirs({folder!r}, exist_ok=True)" if folder else "os.makedirs(folder)"
        return f"The folder you save into does not exist: create it first with `{make}`."
    if not path:
        return (
            "A file or folder the code needs does not exist: check the path relative to the "
            "notebook's folder (`os.getcwd()`) and that the data was downloaded."
        )
    if f.get("extension_typo"):
        return (
            f"`{f.get('filename') or path}` does not exist: is the extension a typo for "
            f"`.{f['extension_typo']}`?"
        )
    if f.get("platform"):
        return (
            f"`{path}` is a {f['platform']} path: download the data and point the code at your "
            "local copy, or run the notebook there."
        )
    if f.get("absolute"):
        return (
            f"`{path}` is an absolute path from another computer: put the file next to the "
            f"notebook and open it by a relative path such as `'{f.get('filename', '')}'`."
        )
    return (
        f"`{f.get('filename') or path}` was not found from the notebook's working directory "
        "(`os.getcwd()`): check the folder and the file name's spelling and extension."
    )


@_hint("files.permission_denied")
def _permission(p, f):
    if "Read-only file system" in p.message or "Errno 30" in p.message:
        if "/kaggle/input" in p.message or "../input" in p.message:
            return "Kaggle's input folder is read-only: write your files to `/kaggle/working/`."
        return (
            "That folder is read-only: save your files somewhere you may write, e.g. the "
            "notebook's folder."
        )
    where = f" `{f['path']}`" if f.get("path") else " the file"
    return (
        f"The kernel may not open{where}: close it in other programs (Excel locks files on "
        "Windows) or check its permissions, and make sure it is a file, not a folder."
    )


@_hint("files.is_a_directory")
def _is_dir(p, f):
    if f.get("kind") == "NotADirectoryError":
        return f"A part of `{f.get('path', 'the path')}` is a file where a folder is expected."
    return (
        f"`{f.get('path', 'The path')}` is a folder, not a file: open a file inside it, "
        "e.g. `os.path.join(folder, name)`."
    )


@_hint("files.exists")
def _exists(p, f):
    return f"`{f.get('path', 'It')}` already exists: use `os.makedirs(path, exist_ok=True)`."


@_hint("files.json_decode")
def _json(p, f):
    if f.get("from_response"):
        return (
            "The server's answer is not JSON (often empty or an HTML error page): check "
            "`response.status_code` and `response.text` before calling `.json()`."
        )
    return (
        "The text is not valid JSON: check the file is complete JSON (for one object per line use "
        "`pd.read_json(path, lines=True)`)."
    )


@_hint("files.unicode_decode")
def _unicode(p, f):
    codec = f.get("codec") or "utf-8"
    return (
        f"The file is not encoded as {codec}: pass its encoding, e.g. "
        "`pd.read_csv(path, encoding='latin-1')` (or 'cp1252' for files saved by Excel)."
    )


@_hint("files.unsupported_format")
def _unsupported(p, f):
    detail = f.get("detail", "")
    if "tokenizing" in detail:
        return (
            "pandas could not split a row into the header's columns: set the right separator "
            "(`sep=';'`, `sep='\\t'`) or skip bad rows with `on_bad_lines='skip'`."
        )
    if "image" in detail:
        return (
            "The image file is corrupt or not an image: remove it from the folder or skip files "
            "that fail to open."
        )
    if "Excel" in detail:
        return "pandas cannot tell the Excel format: pass `engine='openpyxl'` for .xlsx files."
    return (
        "The file's content does not match the reader you use: check it is complete and of the "
        "expected format (not an HTML page or a Git LFS pointer saved under that name)."
    )


@_hint("files.nltk_resource")
def _nltk(p, f):
    res = f.get("resource") or "the resource"
    return f"NLTK's data `{res}` is not downloaded: run `import nltk; nltk.download('{res}')` once."


@_hint("files.bad_pickle")
def _bad_pickle(p, f):
    if "Weights only load failed" in p.message:
        return (
            "PyTorch >= 2.6 loads only tensors by default: pass `weights_only=False` to "
            "`torch.load` if you trust the file, or save and load a `state_dict` instead."
        )
    return (
        "The saved file is empty, truncated or of another format than the loader expects: save it "
        "again and load it with the same library (and version) that wrote it."
    )


@_hint("files.raster_io")
def _raster(p, f):
    return (
        "The data file could not be opened by the reader: check the path, that the file is "
        "complete, and that the format (or sheet name) is the one the reader expects."
    )


@_hint("files.invalid_path")
def _invalid_path(p, f):
    path = f.get("path", "")
    if not path:
        return (
            "The operating system rejected an argument of this file operation (Errno 22): check "
            "the path and mode you pass (on macOS, writing over 2 GB in one call also raises it)."
        )
    if f.get("url"):
        return (
            f"{_code(path)} is a URL, but this function opens local files only: read it with "
            "`pd.read_csv(url)` (or similar), or download it first with "
            "`urllib.request.urlretrieve`."
        )
    if f.get("escape"):
        return _escape_hint(path, f["escape"])
    if f.get("characters"):
        chars = " ".join(f"`{c}`" for c in f["characters"].split())
        return (
            f"The file name in {_code(path)} contains {chars}, which Windows does not allow in "
            "file names: replace it (e.g. with `_` or `-`)."
        )
    return (
        f"The path {_code(path)} is not valid on this system: look for a character Windows does "
        "not allow (`:` `?` `*` `|` `<` `>`), a name ending in a space or dot, or a very long path."
    )


# --- network -------------------------------------------------------------------------------


@_hint("network.request_failed")
def _request(p, f):
    status = f.get("status", "")
    if f.get("bad_url"):
        return "The URL is malformed: it must start with `http://` or `https://` (check for typos)."
    if f.get("dns"):
        return (
            "The host name could not be resolved: this kernel has no internet access (on Kaggle, "
            "switch Internet on in the settings) or needs a proxy; or download the data by hand."
        )
    if re.search(r"no such (?:table|column)|sqlite|relation \S+ does not exist", p.message):
        return (
            "The database has no such table or column: check the database file's path (a "
            "wrong path opens a new, empty database) and the names in the SQL."
        )
    if status == "429":
        return (
            "The server got too many requests (HTTP 429): wait, retry later and pause between "
            "calls."
        )
    if status in ("401", "403"):
        return (
            f"The server refused access (HTTP {status}): check your API key, token or permissions."
        )
    if status == "404":
        return (
            f"The address was not found (HTTP 404){_at(f)}: the resource moved; look up its "
            "new URL."
        )
    if f.get("ssl"):
        return (
            "The server's SSL certificate could not be verified: update certificates "
            "(`%pip install -U certifi`) or configure your network's proxy."
        )
    return (
        f"A network request failed{_at(f)}: check the internet connection and the URL, then "
        "retry (the remote service may be down)."
    )


def _at(f: Mapping[str, str]) -> str:
    return f" for {f['url']}" if f.get("url") else ""


# --- memory --------------------------------------------------------------------------------


@_hint("memory.cuda_oom")
def _cuda_oom(p, f):
    size = f" ({f['size']} more)" if f.get("size") else ""
    return (
        f"The GPU ran out of memory{size}: lower the batch size (or image/sequence size), free "
        "unused tensors with `del` and `torch.cuda.empty_cache()`, or restart the kernel."
    )


@_hint("memory.tf_oom", "memory.resource_exhausted")
def _tf_oom(p, f):
    shape = f" for a tensor of shape {f['shape']}" if f.get("shape") else ""
    return (
        f"TensorFlow ran out of memory{shape}: reduce the batch size or the model/input size, "
        "and restart the kernel to free memory held by earlier models."
    )


@_hint("memory.memory_error", "memory.unable_to_allocate")
def _ram(p, f):
    size = f" ({f['size']}" if f.get("size") else ""
    shape = f" for shape {f['shape']}" if f.get("shape") else ""
    needed = f"{size}{shape})" if size else ""
    return (
        f"There is not enough memory{needed}: work on a sample or in chunks, use float32 "
        "instead of float64, or a sparse matrix."
    )


@_hint("memory.dataloader_killed")
def _worker(p, f):
    return (
        "A DataLoader worker process died, usually from lack of (shared) memory: set "
        "`num_workers=0` or use a smaller batch size."
    )


@_hint("memory.disk_full")
def _disk(p, f):
    return "The disk is full: delete old checkpoints or outputs, or save to a disk with free space."


# --- shapes --------------------------------------------------------------------------------


def _pair(f: Mapping[str, str]) -> str:
    a, b = f.get("a", ""), f.get("b", "")
    return f" ({a} vs {b})" if a and b else (f" ({a})" if a else "")


@_hint("shapes.not_aligned", "shapes.matmul")
def _not_aligned(p, f):
    return (
        f"The matrix product's inner dimensions differ{_pair(f)}: the first's columns must equal "
        "the second's rows; transpose one (`.T`) or reshape, and print both `.shape`s."
    )


@_hint("shapes.torch_mat1_mat2")
def _mat1(p, f):
    a, b = f.get("a", ""), f.get("b", "")
    got = a.split("x")[-1] if "x" in a else "?"
    want = b.split("x")[0] if "x" in b else "?"
    return (
        f"A Linear layer gets {got} input features but was built for {want} ({a} vs {b}): set its "
        f"`in_features` to {got}, or flatten/reshape the input before the layer."
    )


@_hint("shapes.torch_view")
def _view(p, f):
    return (
        f"{f.get('b', 'The')} elements cannot be viewed as shape {f.get('a', '')}: the new shape's "
        "product must equal the element count; use -1 for one dimension, e.g. "
        "`x.view(x.size(0), -1)`."
    )


@_hint("shapes.torch_channels")
def _torch_layer(p, f):
    if "dimensional input" in p.message:
        return (
            "The layer expects a batch dimension: a single image must be `x.unsqueeze(0)` "
            "(shape N, C, H, W), not (C, H, W)."
        )
    if "more than 1 value per channel" in p.message:
        return (
            "BatchNorm cannot train on a batch of one sample: pass `drop_last=True` to the "
            "DataLoader (the last batch may hold 1), or call `model.eval()` to predict one sample."
        )
    if "batch_size" in p.message:
        return (
            "Inputs and targets have different batch sizes: the tensor was probably flattened "
            "wrongly; use `x.view(x.size(0), -1)` instead of `x.view(-1, n)`."
        )
    return (
        f"The tensor's shape does not fit the layer{_pair(f)}: check the batch and channel layout "
        "(N, C, H, W for Conv2d) and the loss's input vs. target shapes."
    )


@_hint("shapes.keras_expected_shape", "shapes.keras_incompatible_input")
def _keras_shape(p, f):
    if "requires inputs with matching shapes" in p.message:
        shapes = re.search(r"Got inputs shapes: (\[.*?\])", p.message)
        got = f" ({shapes.group(1)})" if shapes else ""
        return (
            f"The tensors joined by the merge layer differ outside the joining axis{got}: make "
            "the branches match first, e.g. the same pooling or `padding='same'`, or crop/pad one."
        )
    if re.search(r"Incompatible shapes: \[[\d,]+\] vs\. \[[\d,]+\]", p.message):
        op = re.search(r"\[Op:(\w+)\]", p.message)
        where = f" in `{op.group(1)}`" if op else ""
        return (
            f"Two tensors combined element-wise{where} have different sizes{_pair(f)}: often "
            "predictions vs. labels (or a last, smaller batch); make their shapes equal."
        )
    m = re.search(r"Shapes \(None, (\d+)\) and \(None, (\d+)\) are incompatible", p.message)
    if m and "1" in m.groups():
        return (
            f"The labels and the output layer disagree{_pair(f)}: with integer class labels use "
            "`loss='sparse_categorical_crossentropy'`, or one-hot encode them with "
            "`to_categorical` for 'categorical_crossentropy'."
        )
    if "checking target" in p.message or "checking model target" in p.message:
        return (
            f"The labels' shape does not fit the output layer{_pair(f)}: give the last layer one "
            "unit per class, and one-hot labels for 'categorical_crossentropy' (or integer labels "
            "with 'sparse_categorical_crossentropy')."
        )
    return (
        f"The data's shape does not fit the model{_pair(f)}: make the first layer's `input_shape` "
        "equal `X.shape[1:]` (or reshape X), and check labels match the output layer and loss."
    )


@_hint("shapes.inconsistent_samples")
def _samples(p, f):
    return (
        f"X and y have different numbers of rows{_pair(f)}: build them from the same rows, e.g. "
        "split them together with `train_test_split(X, y)` and drop rows from both at once."
    )


@_hint("shapes.expected_2d")
def _expected_2d(p, f):
    return (
        f"scikit-learn wants a 2-D X (samples × features) but got a {f.get('got', '1D')} array: "
        "use `X.reshape(-1, 1)` for one feature, or `df[['col']]` instead of `df['col']`."
    )


@_hint("shapes.cannot_reshape")
def _reshape(p, f):
    return (
        f"An array of {f.get('b', 'N')} elements cannot become shape {f.get('a', '')}: the new "
        "shape's product must equal the size; check the numbers or put -1 in one dimension."
    )


@_hint("shapes.concatenate")
def _concat(p, f):
    return (
        "The arrays differ in a dimension other than the one you join on: print their `.shape`s "
        "and check the `axis` argument."
    )


@_hint("shapes.plot_dimensions")
def _plot_dims(p, f):
    return (
        f"x and y must have the same length{_pair(f)}: plot values that belong together, e.g. "
        "`range(len(y))` as x, or the same filtered rows for both."
    )


@_hint("shapes.pandas_shape")
def _pandas_shape(p, f):
    return (
        f"The data's shape does not fit the pandas object being built{_pair(f)}: pass a 1-D array "
        "for a Series/column (e.g. `arr.ravel()`) and as many column names as columns."
    )


@_hint("shapes.generic_shape")
def _generic_shape(p, f):
    return (
        f"Two shapes do not fit together{_pair(f)}: print the `.shape` of each input just "
        "before this line."
    )


@_hint("shapes.broadcast", "shapes.cannot_broadcast")
def _broadcast(p, f):
    if "could not broadcast input array" in p.message:
        return (
            f"An assignment puts an array of one shape into a slot of another{_pair(f)}: the "
            "values you assign must have the target's shape; check both `.shape`s."
        )
    return (
        f"An element-wise operation got shapes that cannot be broadcast{_pair(f)}: trailing "
        "dimensions must be equal or 1; reshape one (e.g. `a[:, None]`) or align the samples."
    )


@_hint("shapes.torch_broadcast")
def _torch_broadcast(p, f):
    dim = f" at dimension {f['dim']}" if f.get("dim") else ""
    return (
        f"Two tensors of sizes {f.get('a', '?')} and {f.get('b', '?')} meet{dim} in an "
        "element-wise "
        "operation: often predictions (N, 1) vs. targets (N,); use `.squeeze()` or `.view(-1)`."
    )


# --- data values, features, models ----------------------------------------------------------


@_hint("data_values.nan")
def _nan(p, f):
    if f.get("what") == "infinity":
        return (
            "The data contains infinite values: replace them with "
            "`df.replace([np.inf, -np.inf], np.nan)` and then drop or impute them."
        )
    if "infinity" in p.message:
        return (
            "The data contains NaN or infinite values: count them with `np.isinf(X).sum()` and "
            "`X.isna().sum()`, replace inf with NaN, then drop or impute them."
        )
    return (
        "The data contains missing values (NaN): find them with `df.isna().sum()`, then drop them "
        "(`df.dropna()`) or fill them, e.g. `SimpleImputer(strategy='median')`."
    )


@_hint("data_values.unseen_labels")
def _unseen(p, f):
    labels = f" ({f['labels']})" if f.get("labels") else ""
    return (
        f"The encoder meets categories it did not see when fitted{labels}: fit it on all the "
        "categories, or use `OneHotEncoder(handle_unknown='ignore')`."
    )


@_hint("data_values.y_not_1d")
def _y_1d(p, f):
    return (
        "y must be a 1-D array of labels: use `y.ravel()` or `df['target']` (not "
        "`df[['target']]`), "
        "and `np.argmax(y, axis=1)` for one-hot labels."
    )


@_hint("data_values.label_type")
def _label_type(p, f):
    return (
        "A classification function got continuous values where class labels are expected: "
        "threshold predictions (e.g. `(y_pred > 0.5).astype(int)`) or use a regression model "
        "and metric."
    )


@_hint("shapes.boolean_index")
def _boolean_index(p, f):
    return (
        f"The boolean mask's shape differs from the array's{_pair(f)}: build the mask from the "
        "same array (flatten a column vector with `.ravel()`)."
    )


@_hint("models.torch_module_init")
def _torch_init_hint(p, f):
    if f.get("what") == "super_init":
        return (
            "Call `super().__init__()` as the first line of your `nn.Module`'s `__init__`, before "
            "assigning layers."
        )
    return (
        "The optimizer got no parameters: create it from `model.parameters()` after the model's "
        "layers are assigned as attributes (`self.fc = nn.Linear(...)`)."
    )


@_hint("models.graph_disconnected")
def _graph(p, f):
    return (
        "The model's outputs are not computed from its `inputs`: build every layer on the tensors "
        "that start at your `keras.Input(...)` and pass that same Input to `Model(...)`."
    )


@_hint("data_values.target_range")
def _target_range(p, f):
    return (
        "The targets are outside the range the loss accepts: binary cross-entropy needs 0/1 "
        "targets, and class indices must lie in 0 … n_classes-1."
    )


@_hint("values.tensor_conversion")
def _tensor_conversion(p, f):
    return (
        "The array holds Python objects or mixed types, which cannot become a tensor: convert it "
        "with `np.asarray(X).astype('float32')` after encoding text columns."
    )


@_hint("arguments.axis_out_of_bounds")
def _axis(p, f):
    return (
        f"The `axis` argument does not exist for this array ({f.get('detail', '')}): check the "
        "array's `.ndim`; a 1-D array only has axis 0."
    )


@_hint("arguments.unknown_encoding")
def _encoding(p, f):
    return (
        "That encoding name does not exist: use a valid one such as 'utf-8', 'latin-1' or 'cp1252'."
    )


@_hint("arguments.torch_state_dict_keys")
def _state_dict(p, f):
    return (
        "The checkpoint's parameter names differ from the model's: build the same architecture "
        "before `load_state_dict`, strip a 'module.' prefix, or pass `strict=False` knowingly."
    )


@_hint("indexes.tf_gather")
def _tf_gather(p, f):
    return (
        "A token id is not below the Embedding's `input_dim`: set `input_dim` to the vocabulary "
        "size (largest id + 1)."
    )


@_hint("types.dtype_promotion")
def _promotion(p, f):
    return (
        "NumPy cannot combine text and numbers in this operation: convert the array to a numeric "
        "dtype first (e.g. `arr.astype(float)` after cleaning the text values)."
    )


@_hint("data_values.empty_data")
def _empty_data(p, f):
    who = f"`{f['estimator']}`" if f.get("estimator") else "The estimator"
    shape = f" (shape {f['shape']})" if f.get("shape") else ""
    n, minimum = f.get("n", "0"), f.get("minimum", "1")
    if f.get("what") == "feature":
        if n == "0":
            return (
                f"{who} got data with no columns{shape}: the column selection is empty; print "
                "`X.columns` (or `X.shape`) and check the names or dtypes you selected."
            )
        return (
            f"{who} needs at least {minimum} feature columns but got {n}{shape}: pass more "
            "columns, or use another method for a single feature."
        )
    if n == "0":
        return (
            f"{who} got no rows at all{shape}: the data is empty after a filter, `dropna()`, "
            "split or a load that found nothing; print `len(...)` after each step to see where."
        )
    return (
        f"{who} needs at least {minimum} rows but got {n}{shape}: a filter or split left too "
        "little data; check it, or use more samples."
    )


@_hint("arguments.metric_average")
def _average(p, f):
    return "y has more than two classes: pass `average='macro'` (or 'weighted') to the metric."


@_hint("values.too_few_samples")
def _too_few(p, f):
    return (
        f"There is too little data for this setting ({f.get('detail', '')}): lower the number "
        "(folds, neighbours, clusters) or use more samples."
    )


@_hint("values.alignment")
def _alignment(p, f):
    return (
        "The two Series/DataFrames have different indexes, so pandas cannot compare them row by "
        "row: align them first, e.g. `a.reset_index(drop=True) == b.reset_index(drop=True)`."
    )


@_hint("values.duplicates")
def _duplicates(p, f):
    return (
        "The index or the keys contain duplicates, so pandas cannot place the values uniquely: "
        "drop them (`df.drop_duplicates(...)`) or aggregate with `pivot_table(..., aggfunc=...)`."
    )


@_hint("types.unsupported_dtype_operation")
def _dtype_op(p, f):
    op = f" `{f['op']}`" if f.get("op") else ""
    return (
        f"The operation{op} got text columns: select the numeric columns first, e.g. "
        "`df.select_dtypes('number')` or `numeric_only=True`, or convert with `pd.to_numeric`."
    )


@_hint("data_values.class_count")
def _class_count(p, f):
    if f.get("a") and f.get("b"):
        return (
            f"The data has {f['a']} classes but {f['b']} target names: give one name per class or "
            "pass `labels=` with the classes to report."
        )
    return (
        "The labels contain fewer classes than needed (often only one): check the filter or split, "
        "e.g. `train_test_split(..., stratify=y)`."
    )


@_hint("data_values.negative")
def _negative(p, f):
    return (
        "This estimator needs non-negative input (e.g. MultinomialNB, chi2, NMF): scale with "
        "`MinMaxScaler` instead of `StandardScaler`, or choose another model."
    )


@_hint("data_values.linear_algebra")
def _linalg(p, f):
    return (
        "The matrix is singular (not invertible): drop constant or duplicated columns, or use "
        "`np.linalg.pinv` instead of `inv`."
    )


@_hint("data_values.plot_limits")
def _plot_limits(p, f):
    if "date" in f.get("detail", ""):
        return (
            "The x values are not dates, but the axis is formatted as dates: convert the column "
            "with `pd.to_datetime(...)` or remove the date formatter."
        )
    return (
        "The plotted values give an impossible axis range (huge, NaN or infinite): check the "
        "data's min/max and drop NaN/inf before plotting."
    )


@_hint("data_values.merge_dtypes")
def _merge(p, f):
    return (
        f"The merge keys have different types ({f.get('a')} vs {f.get('b')}): convert both first, "
        "e.g. `pd.to_datetime(...)` or `.astype(str)`."
    )


@_hint("data_values.empty_image")
def _empty_image(p, f):
    return (
        "OpenCV got an empty image: `cv2.imread` returns None when the path is wrong or the file "
        "unreadable; check the path and `img is not None` first."
    )


@_hint("data_values.opencv_channels")
def _cv_channels(p, f):
    return (
        "The image has a different number of channels than the colour conversion expects: check "
        "`img.shape` (a grey image has no third axis) and pick the matching `cv2.COLOR_...` code."
    )


@_hint("shapes.opencv_sizes")
def _cv_sizes(p, f):
    return (
        "The two images (or the image and the mask) differ in size or number of channels: "
        "print both `.shape`s and make them equal first, e.g. `cv2.resize(b, a.shape[1::-1])`."
    )


@_hint("types.opencv_not_array")
def _cv_not_array(p, f):
    arg = f.get("argument", "src")
    if f.get("dtype"):
        return (
            f"The image `{arg}` is a NumPy array of dtype {f['dtype']}, which OpenCV cannot use: "
            "convert it with `.astype('uint8')` (or `'float32'`) first."
        )
    return (
        f"OpenCV's `{arg}` argument is not a NumPy image: it is often None (a failed "
        "`cv2.imread`), a PIL image or a list; check `img is not None` and convert with "
        "`np.array(img)`."
    )


@_hint("arguments.pil_fromarray")
def _pil_fromarray(p, f):
    dtype, channels = f.get("dtype", ""), f.get("channels", "")
    shape = (
        f"; its last axis has {channels} values, but it must be shaped (H, W) or (H, W, 3/4) "
        "(use `arr.transpose(1, 2, 0)` for channels first, `arr.squeeze()` for a single one)"
        if channels
        else ""
    )
    if dtype.startswith("float"):
        fix = (
            f"`Image.fromarray` needs uint8 pixels, not {dtype}: scale 0–1 values with "
            f"`(arr * 255).astype('uint8')`{shape}."
        )
    elif dtype:
        fix = (
            f"`Image.fromarray` needs uint8 pixels, not {dtype}: use `arr.astype('uint8')`{shape}."
        )
    elif shape:
        fix = f"`Image.fromarray` cannot map this array to an image{shape}."
    else:
        fix = (
            "`Image.fromarray` needs a uint8 array shaped (H, W) or (H, W, 3/4): scale 0–1 floats "
            "with `(arr * 255).astype('uint8')` and check `arr.shape`."
        )
    return fix


@_hint("files.opencv_parse")
def _cv_parse(p, f):
    return (
        "OpenCV could not read the model or image file: check the path and that the file is "
        "complete and of the expected format (e.g. .cfg and .weights swapped)."
    )


@_hint("data_values.opencv_assertion")
def _cv_assert(p, f):
    return (
        "OpenCV's input check failed: print the image's `.shape` and `.dtype` and check they are "
        "what the function expects (e.g. uint8, 3 channels for colour conversions)."
    )


@_hint("features.names_mismatch")
def _feature_names(p, f):
    extra = ""
    if f.get("unseen"):
        extra = f" (new: {f['unseen']})"
    elif f.get("missing"):
        extra = f" (missing: {f['missing']})"
    return (
        f"The columns given at predict time differ from those at fit time{extra}: apply the same "
        "preprocessing, e.g. `X_test = X_test[X_train.columns]`."
    )


@_hint("features.count_mismatch")
def _feature_count(p, f):
    counts = ""
    if f.get("got") and f.get("expected"):
        counts = f" ({f['got']} given, {f['expected']} expected)"
    return (
        f"The model was fitted on a different number of features{counts}: transform new data with "
        "the already fitted encoder/vectorizer (`.transform`, not a new `.fit_transform`)."
    )


@_hint("features.seaborn_column")
def _seaborn_column(p, f):
    column = f.get("column", "")
    close = _suggest(column, _code_strings(p))
    extra = f" Did you mean {close}?" if close else ""
    return (
        f"seaborn found no column `{column}` in `data=`: check the exact name in `df.columns` and "
        f"pass `x=`, `y=` as keywords.{extra}"
    )


@_hint("models.not_fitted", "models.not_fitted_error")
def _not_fitted(p, f):
    est = f.get("estimator", "model")
    return (
        f"The {est} has not been fitted: call `.fit(X, y)` on this same object before "
        "predict/transform (a new or re-created estimator starts unfitted)."
    )


@_hint("models.not_built")
def _not_built(p, f):
    return (
        "The Keras model has no weights yet: give its first layer `input_shape=...` (or an "
        "`Input`), or call `model.build(...)`/fit it before `summary()`."
    )


@_hint("models.not_compiled")
def _not_compiled(p, f):
    return "Compile the model first: `model.compile(optimizer='adam', loss=..., metrics=[...])`."


@_hint("values.weights_layer_count")
def _weights_layers(p, f):
    saved, model = f.get("saved") or f.get("saved2"), f.get("model") or f.get("model2")
    counts = f" (the file has {saved} layers, this model {model})" if saved and model else ""
    return (
        f"The saved weights are for another model than the one built now{counts}: a cell that "
        "adds layers ran twice, or the architecture changed. Restart and rebuild the model "
        "exactly as when saving, or save and load the whole model (`model.save`)."
    )


@_hint("models.duplicate_layers")
def _dup_layers(p, f):
    return (
        "The model-building cell ran more than once, so layers or variables are duplicated: call "
        "`tf.keras.backend.clear_session()` (or restart) and build the model once."
    )


# --- runtime -------------------------------------------------------------------------------


@_hint("runtime.no_cuda")
def _no_cuda(p, f):
    return (
        "This machine has no usable CUDA GPU: use `device = 'cuda' if torch.cuda.is_available() "
        "else 'cpu'`, and `torch.load(path, map_location='cpu')` for GPU checkpoints."
    )


@_hint("runtime.device_mismatch")
def _device(p, f):
    if "numpy" in f.get("detail", ""):
        return "Move the tensor to the CPU before NumPy: `t.detach().cpu().numpy()`."
    return (
        "The model and its inputs are on different devices: move both with `.to(device)` "
        "(the model once, every batch in the loop)."
    )


@_hint("runtime.device_assert")
def _device_assert(p, f):
    if "device-side assert" not in p.message:
        return (
            "A CUDA kernel failed (illegal memory access), most often on an index out of range: "
            "a class label ≥ n_classes or an embedding id ≥ its vocabulary size. Restart the "
            "kernel (the GPU state is broken), then run once on the CPU for a readable error."
        )
    return (
        "A check inside a CUDA kernel failed, most often a class label outside 0 … n_classes-1: "
        "check the labels' range (run once on the CPU for a readable error)."
    )


@_hint("runtime.non_contiguous")
def _contiguous(p, f):
    return "The tensor is not contiguous in memory: use `.reshape(...)` instead of `.view(...)`."


@_hint("runtime.pack_lengths")
def _pack_lengths(p, f):
    device, dims, dtype = f.get("device", ""), f.get("dims", ""), f.get("dtype", "")
    if dims == "0":
        what = "is a single number: pass one length per sequence, as a 1-D int64 CPU tensor."
    elif dims and dims != "1":
        what = f"is {dims}-D: pass a flat 1-D tensor of lengths, e.g. `lengths.view(-1).cpu()`."
    elif device and not device.lower().startswith("cpu"):
        what = f"is on {device}: pass `lengths.cpu()` (the lengths stay on the CPU)."
    elif dtype and dtype != "Long":
        what = f"is {dtype}: pass `lengths.to(torch.int64)`."
    else:
        what = "must be a 1-D int64 tensor on the CPU: pass `lengths.cpu().to(torch.int64)`."
    return f"`pack_padded_sequence`'s `lengths` {what}"


@_hint("runtime.dtype_mismatch")
def _dtype(p, f):
    want, got = f.get("want", ""), f.get("got", "")
    pair = f" ({got} given, {want} expected)" if want and got else ""
    return (
        f"A tensor has the wrong dtype{pair}: convert it with `.float()` (inputs) or `.long()` "
        "(class labels); NumPy's float64 arrays become double tensors."
    )


@_hint("runtime.autograd")
def _autograd(p, f):
    detail = f.get("detail", "")
    if "second time" in detail:
        return (
            "You call backward twice through the same graph: recompute the forward pass each step."
        )
    if "numpy()" in detail:
        return "Detach the tensor before converting: `t.detach().cpu().numpy()`."
    return (
        "Autograd cannot compute this gradient: check that the loss comes from parameters with "
        "`requires_grad=True`, outside `torch.no_grad()`, without in-place changes."
    )


@_hint("runtime.runtime_error")
def _runtime(p, f):
    install = re.search(r"[Pp]lease install (?:either )?`?([\w.-]+)`?", p.message)
    if install:
        return (
            f"This needs an extra package: run `%pip install {install.group(1)}`, then restart "
            "the kernel."
        )
    lib = p.library or "The library"
    first = p.message.strip().splitlines()[0][:120] if p.message.strip() else ""
    said = f" ({first})" if first else ""
    return (
        f"{lib} stopped with a runtime error{said}: check the inputs it got at the failing line "
        "and search this message with the library's name and version."
    )


@_hint("runtime.ambiguous_tensor")
def _ambiguous_tensor(p, f):
    return (
        "A tensor with several values is used as one True/False: use `(t > 0).any()` / `.all()` "
        "or compare a single element (`t.item()`)."
    )


@_hint("runtime.event_loop")
def _loop(p, f):
    return (
        "Jupyter already runs an event loop: write `await main()` in the cell instead of "
        "`asyncio.run(main())`."
    )


# --- arguments -----------------------------------------------------------------------------


@_hint("arguments.unexpected_keyword")
def _unexpected_kw(p, f):
    func, kw = f.get("function", ""), f.get("keyword", "")
    call = f"`{func}()`" if func else "This call"
    if f.get("replacement"):
        note = f" ({f['note']})" if f.get("note") else ""
        return f"{call} no longer takes `{kw}`{note}: use {_as_code(f['replacement'])} instead."
    if not func:
        return (
            f"This call does not accept the argument `{kw}`: check its spelling and the "
            "documentation of your installed version."
        )
    return (
        f"`{func}()` has no parameter `{kw}`: check its spelling and the documentation of your "
        f"installed version (`help({func.split('.')[-1] or 'function'})`)."
    )


@_hint("arguments.positional")
def _positional(p, f):
    func = f.get("function", "the function")
    if f.get("self"):
        return (
            f"`{func}()` was called on the class, not an instance: create one first, e.g. "
            "`obj = MyClass()`, then call `obj.method(...)`."
        )
    kind = f.get("kind")
    if kind == "missing":
        them = "them" if " and " in f.get("missing", "") else "it"
        return f"`{func}()` needs {f.get('missing')}: pass {them} in the call."
    if kind == "too_many":
        return (
            f"`{func}()` takes {f.get('takes')} positional arguments but got "
            f"{f.get('given')}: pass "
            "optional ones by name (`name=value`), or add `self` to the method's def."
        )
    if kind == "multiple":
        return f"`{func}()` got `{f.get('keyword')}` twice, by position and by name: remove one."
    return f"`{func}()` was called with the wrong number of arguments: check its signature."


@_hint("arguments.sklearn_invalid_parameter")
def _sk_param(p, f):
    param, est = f.get("param", ""), f.get("estimator", "the estimator")
    if f.get("valid"):
        return f"The `{param}` parameter of {est} must be {f['valid']}."
    return (
        f"`{param}` is not a parameter of {est}: in a Pipeline or GridSearchCV write "
        f"`<step>__{param}`; list valid names with `estimator.get_params().keys()`."
    )


@_hint("arguments.invalid_parameter_error")
def _param_error(p, f):
    lines = [line.strip() for line in p.message.strip().splitlines() if line.strip()]
    detail = f.get("detail", lines[0] if lines else "")
    if detail.endswith(":") and len(lines) > 1:
        # botocore and friends: "Parameter validation failed:" and the details below.
        m = re.match(
            r"(Invalid type|Invalid length|Missing required|Unknown) (?:for )?parameter"
            r"(?: in input)?:? \"?(\w+)",
            lines[1],
        )
        valid = re.search(r"type: <class '(\w+)'>, valid types: (.+)$", lines[1])
        if m and valid:
            allowed = ", ".join(re.findall(r"<class '(\w+)'>", valid.group(2)))
            fix = (
                "pass the one field you need, not the whole dict"
                if valid.group(1) == "dict"
                else "convert the value first"
            )
            return (
                f"The parameter `{m.group(2)}` got a `{valid.group(1)}`, but accepts "
                f"{allowed}: {fix}."
            )
        if m:
            what = {"Missing required": "is required but missing", "Unknown": "is not known"}
            return (
                f"The parameter `{m.group(2)}` {what.get(m.group(1), 'has an invalid value')}: "
                "check the parameter names and types in the service's API documentation."
            )
        detail = lines[1]
    detail = detail if len(detail) <= 160 else detail[:157] + "…"
    return f"A parameter value was rejected: {detail.rstrip('.:')}."


@_hint("arguments.shape_for_dimension")
def _shape_for_dimension(p, f):
    value, kind = f.get("value", ""), f.get("type", "")
    param = f"`{f['param']}`" if f.get("param") else "A layer size"
    if kind in ("tuple", "list", "TensorShape") or value.startswith(("(", "[", "TensorShape")):
        return (
            f"{param} got the whole shape `{value[:60]}` where one number is expected: pass one "
            "dimension, e.g. `X.shape[1]` instead of `X.shape` (`input_dim=X.shape[1]`)."
        )
    if "float" in kind:
        return (
            f"{param} got the float `{value[:60]}`, but sizes must be integers: use `int(...)` or "
            "integer division `//`."
        )
    return (
        f"{param} got `{value[:60]}` of type {kind or 'unknown'}, but a size must be an integer "
        "or None: pass a number, e.g. `X.shape[1]`."
    )


@_hint("arguments.torch_argument_type")
def _torch_arg(p, f):
    combo = re.search(r"invalid combination of arguments - got \(([^)]*)\)", p.message)
    if combo and "numpy" not in combo.group(1) and "list" not in combo.group(1):
        func = f.get("function") or "The function"
        return (
            f"`{func}` got arguments of types ({combo.group(1)}), which match none of its "
            "signatures: the message lists the accepted ones; compare types and keyword names."
        )
    got = f.get("got") or ("a NumPy array" if combo else "a NumPy array or list")
    return (
        f"PyTorch got {got} where it needs a tensor: convert with `torch.from_numpy(x)` or "
        "`torch.tensor(x, dtype=torch.float32)`."
    )


@_hint("arguments.unknown_identifier")
def _unknown_id(p, f):
    return (
        f"Keras does not know the {f.get('what', 'name')} `{f.get('name', '')}`: check "
        "the string's "
        "spelling (e.g. 'relu', 'adam', 'categorical_crossentropy') or pass the object itself."
    )


@_hint("arguments.sklearn_value", "arguments.invalid_argument_generic")
def _bad_value(p, f):
    first = p.message.strip().splitlines()[0].strip() if p.message.strip() else ""
    detail = f.get("detail", "")
    # The message's own sentence names the value and the allowed ones (unless they follow it).
    one_sentence = len(first) <= 160 and ". " not in first and not first.endswith(":")
    if detail and detail in first != detail and one_sentence:
        return (
            f"An argument value is not accepted: {first.rstrip('.')}. Pick a value the "
            "message allows (the function's documentation lists them)."
        )
    return (
        f"An argument value is not accepted here ({f.get('detail', 'see the message')}): choose a "
        "value the function supports; its documentation lists them."
    )


@_hint("arguments.wrong_input_container")
def _wrong_container(p, f):
    detail = f.get("detail", "")
    if "merge" in detail:
        return "The two DataFrames share no column name: pass `on=` or `left_on=`/`right_on=`."
    if "pandas" in detail or "Series and DataFrame" in detail:
        return (
            "`pd.concat` takes a list of Series/DataFrames: wrap arrays in `pd.DataFrame(...)` "
            "first."
        )
    return (
        "The function got a container it cannot read: pass NumPy arrays or DataFrames "
        "(e.g. `np.asarray(x)`), not lists of mixed objects, generators or scalars."
    )


@_hint("arguments.device_string")
def _device_string(p, f):
    m = re.search(r"device string: ?(\S*)|Invalid device string: '([^']*)'", p.message)
    given = next((g for g in m.groups() if g), "") if m else ""
    got = f", not {given!r}" if given else " (the string given here is empty)"
    return f"`torch.device` takes 'cpu', 'cuda' or 'cuda:0'{got}."


@_hint("arguments.plot_value")
def _plot_value(p, f):
    detail = f.get("detail", "")
    if "image data" in detail or "Image data" in detail:
        return (
            "`imshow` needs a 2-D (H, W) or 3-D (H, W, 3/4) numeric array: check the array's "
            "`.shape` and `.dtype` (convert with `.astype(float)` or `np.squeeze`)."
        )
    if "palette" in detail or "colormap" in detail or "cmap" in detail:
        return (
            "That palette/colormap name does not exist: use a known one such as 'viridis', "
            "'deep' or 'Set2' (names are case-sensitive)."
        )
    if "latex was not able" in p.message.lower() or "latex" in detail.lower():
        return (
            "LaTeX could not typeset a label: escape special characters (`_`, `%`, `$`, `&`) "
            "in titles and labels, or turn `text.usetex` off if LaTeX is not installed."
        )
    if "style" in detail:
        if "seaborn" in p.message:
            return "Matplotlib renamed its seaborn styles: use `plt.style.use('seaborn-v0_8')`."
        return (
            "That Matplotlib style name does not exist in your version: list them with "
            "`plt.style.available`."
        )
    return (
        f"The plotting library rejected an argument value ({detail}): check the spelling "
        "of colour, "
        "marker or style names and the keyword names in its documentation."
    )


@_hint("arguments.none_passed_to_library")
def _none_passed(p, f):
    lib = f.get("library") or "The library"
    return (
        f"{lib} received None where it needs a real object: one of the arguments of the failing "
        "call is None (often the result of a function without `return` or with `inplace=True`)."
    )


@_hint("arguments.library_rejected_type", "arguments.library_rejected_value")
def _library_rejected(p, f):
    lib = f.get("library") or p.library or "the library"
    func = f.get("function") or "it"
    return (
        f"{lib} rejected an argument of the call (inside `{func}`): compare what you pass (its "
        "type, shape, dtype) with what the function's documentation expects."
    )


# --- types, indexes, keys, attributes, values ---------------------------------------------------


@_hint("types.not_callable")
def _not_callable(p, f):
    t = f.get("type", "")
    if t in ("list", "dict", "str", "int", "float", "tuple", "DataFrame", "Series"):
        return (
            f"A `{t}` is called like a function: use `[...]` to index it, or a variable has "
            "replaced a function of the same name (e.g. `list = ...`); rename it and re-run."
        )
    if t == "module":
        return "You call a module: call the class or function inside it, e.g. `tqdm.tqdm(...)`."
    article = "An" if t[:1].lower() in "aeiou" else "A"
    return (
        f"{article} `{t}` object is called with `(...)` but is not a function: a variable may "
        "hide the function of the same name; rename it and restart."
    )


@_hint("types.not_subscriptable")
def _not_subscriptable(p, f):
    t = f.get("type", "")
    if (f.get("none") or t == "NoneType") and "has no len" in p.message:
        return (
            "You take `len()` of None: the call before returned nothing (e.g. `.sort()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if f.get("none") or t == "NoneType":
        return (
            "You index a None: the call before returned nothing (e.g. `.sort()`, `.append()`, "
            "`inplace=True` or a function without `return`); use its object instead."
        )
    if t in ("method", "function", "builtin_function_or_method"):
        return "You index a method: call it first with `()`, or drop the `[...]`."
    if t in ("map", "filter", "zip", "dict_keys", "dict_values", "dict_items", "generator"):
        return f"In Python 3 a `{t}` is a lazy view: wrap it in `list(...)` before indexing."
    if "item assignment" in p.message:
        if "GroupBy" in t:
            return (
                "A groupby result cannot be assigned to: compute with `.transform(...)` and assign "
                "to the original DataFrame, e.g. `df['avg'] = "
                "df.groupby('k')['x'].transform('mean')`."
            )
        return (
            f"A `{t}` cannot be changed in place: build a new object (tuples and strings are "
            "immutable)."
        )
    if "has no len" in p.message:
        return (
            f"`len()` does not work on a value of type `{t}`: check what the variable holds "
            "(a single number where a list or array was expected?)."
        )
    if t in ("int", "float", "numpy.int64", "numpy.float64", "bool"):
        return (
            f"A single number (`{t}`) is indexed with `[...]`: the variable holds a number where "
            "a list, array or tuple was expected (e.g. `figsize=(8, 4)`, not `figsize=8`)."
        )
    return (
        f"A `{t}` object cannot be indexed with `[...]`: check how this type gives its items "
        "(e.g. loop over it, or `next(iter(...))` for a DataLoader)."
    )


@_hint("types.not_iterable")
def _not_iterable(p, f):
    t = f.get("type", "")
    if t in ("int", "float", "numpy.int64", "numpy.float64"):
        return f"You loop over a single {t}: use `range(n)` to loop n times."
    if t == "NoneType":
        return "You loop over or unpack a None: the function before returned nothing."
    return f"A `{t}` cannot be looped over or unpacked: check what the variable holds."


@_hint("types.unhashable")
def _unhashable(p, f):
    t = f.get("type", "")
    return (
        f"A `{t}` cannot be a dict key, set member or label: convert it to a tuple or string "
        "(or select the column you meant)."
    )


@_hint("types.bad_operands")
def _bad_operands(p, f):
    t, o = f.get("type", ""), f.get("other", "")
    if "method" in (t, o):
        return "A method is used as a value: add the parentheses to call it, e.g. `df['x'].mean()`."
    if "NoneType" in (t, o):
        return (
            f"One operand of `{f.get('op', '')}` is None: the value before was never set or a "
            "function returned nothing (no `return`, or `inplace=True`)."
        )
    if "unary" in p.message:
        return (
            f"`{f.get('op', '')}` in front of a {t} value does not work: check for a stray "
            f"`{f.get('op', '')}` (e.g. a line break inside a sum) or convert the value first."
        )
    if t == o == "str" and f.get("op") not in ("+", "*", "%"):
        return (
            f"`{f.get('op', '')}` is not defined for text: the columns hold strings; convert them "
            "first with `pd.to_numeric(...)` or `pd.to_datetime(...)`."
        )
    if "str" in (t, o):
        return (
            f"`{f.get('op', '')}` mixes text and numbers ({t} and {o}): convert first, e.g. "
            "`pd.to_numeric(df['col'])`, `float(x)` or `str(n)`."
        )
    if "list" in (t, o) or "tuple" in (t, o):
        return (
            f"Python {t}s do not support `{f.get('op', '')}` element by element: use NumPy arrays, "
            "e.g. `np.array(a) - np.array(b)`."
        )
    return f"`{f.get('op', '')}` does not work between {t} and {o}: convert one side first."


@_hint("types.str_concat")
def _str_concat(p, f):
    other = f.get("other", "")
    if other == "bytes" or "bytes" in p.message:
        return (
            "Text (str) and bytes are mixed: decode the bytes with `b.decode('utf-8')`, or open "
            "the file in text mode (`'w'`, not `'wb'`) to write text."
        )
    if other in ("list", "tuple", "dict", "NoneType", "DataFrame", "Series"):
        return (
            f"Text (str) is joined with a {other}: join only strings, e.g. with "
            "`', '.join(map(str, items))` or an f-string."
        )
    return "Text and a number are joined with `+`: convert with `str(x)`, or use an f-string."


@_hint("types.not_serializable")
def _serializable(p, f):
    if f.get("type") in ("weakref", "_thread.lock", "_thread.RLock", "module", "generator"):
        return (
            f"Objects holding a `{f['type']}` (Keras/TF models, locks, open handles) cannot be "
            "pickled: save a model with its own `model.save(path)`, or pickle only plain data."
        )
    return (
        f"A value of type `{f.get('type', 'value')}` cannot be saved this way: convert it "
        "first (e.g. `.tolist()`, `int(x)`), or save only the parts that can be serialised."
    )


@_hint("types.text_expected")
def _text_expected(p, f):
    got = f.get("type", "")
    if got == "float":
        return (
            "A text function (a regex or string method) got a number, usually NaN in a text "
            "column: fill or drop the missing values first, e.g. `df['text'].fillna('')`."
        )
    if not got:
        return (
            "A text function (a regex or string method) got something that is not a string, "
            "often NaN in a text column: use `df['text'].fillna('')` or `.astype(str)` first."
        )
    return (
        f"A text function (a regex or string method) got a `{got}`, not a string: pass the "
        "text itself, or convert with `str(...)` / `.astype(str)`."
    )


@_hint("types.cannot_interpret")
def _cannot_interpret(p, f):
    return "An integer is needed (a size, index or count): convert with `int(...)`."


@_hint("types.context_manager")
def _context_manager(p, f):
    if f.get("type") in ("type", "function", "method", "builtin_function_or_method"):
        return (
            "`with` needs an object, not a class or function: call it, e.g. "
            "`with torch.no_grad():`."
        )
    return (
        f"A `{f.get('type')}` cannot be used in a `with` statement: check what the expression "
        "returns."
    )


@_hint("types.type_error")
def _type_generic(p, f):
    if "indices must be integers" in p.message:
        return _indices_type(p, f)
    return (
        "An object of the wrong type reached this operation: print `type(...)` of the values "
        f"in {_code(p.user_line) if p.user_line else 'the failing line'}."
    )


@_hint("indexes.zero_dim_tensor")
def _zero_dim(p, f):
    return (
        "The tensor is a scalar (0-dim): use `tensor.item()` instead of `tensor[0]` or `.data[0]`."
    )


@_hint("indexes.embedding_index")
def _embedding(p, f):
    return (
        "A token id is not below the embedding's `num_embeddings`: make it at least the "
        "vocabulary size (largest id + 1) and check the padding index."
    )


@_hint("indexes.iloc_out_of_bounds")
def _iloc(p, f):
    return (
        "`.iloc` asks for a row or column position that does not exist (the frame may be empty "
        "after a filter): check `len(df)` / `df.shape` first."
    )


@_hint("indexes.out_of_range", "indexes.index_error")
def _index(p, f):
    if "boolean index did not match" in p.message or "Unalignable boolean" in p.message:
        return (
            "The boolean mask has another length than the array it selects from: build the mask "
            "from the same array (or the same filtered rows)."
        )
    if "index out of range in self" in p.message:
        return _embedding(p, f)
    if "invalid index to scalar variable" in p.message:
        return (
            "A single number (a NumPy scalar) is indexed with `[...]`: the variable holds one "
            "value, not an array; drop the index or check what the loop gives you."
        )
    if "Too many indexers" in p.message:
        return (
            "More positions than the object's dimensions are given (e.g. `s.iloc[i, j]` on a "
            "Series, which has one): use one index per dimension, or select the column first."
        )
    if "must be of integer (or boolean) type" in p.message:
        return "An array of floats is used as an index: convert it with `idx.astype(int)`."
    if "too many indices" in p.message:
        return (
            "The array has fewer dimensions than the indices used (e.g. `a[i, j]` on a 1-D "
            "array): check `a.ndim` / `a.shape`."
        )
    if f.get("size") == "0":
        return (
            f"The array is empty (size 0 along axis {f.get('axis', '0')}): the filter or loading "
            "step before returned no rows; check it before indexing."
        )
    if f.get("size"):
        return (
            f"Index {f.get('index')} is past the end of axis {f.get('axis')} (size {f['size']}): "
            "valid indices run from 0 to size-1; check loop bounds."
        )
    container = f.get("container", "sequence")
    return (
        f"The code reads past the end of a {container}: check its length with `len(...)` and the "
        "loop's range (indices run from 0 to len-1)."
    )


@_hint("indexes.bad_indices_type")
def _indices_type(p, f):
    m = re.search(
        r"(string|slice|list|tuple) indices must be integers.*?(?:not '?(\w+)'?)?$", p.message
    )
    kind, got = (m.group(1), m.group(2)) if m else ("list", None)
    if kind == "slice":
        return (
            "A slice bound is not a whole number (`a[x:y]` with a float or None-like value): "
            "convert it with `int(...)` or use `//` for division."
        )
    if kind == "string" or got == "str":
        what = "a string" if kind == "string" else f"a {kind}"
        return (
            f"{what[0].upper()}{what[1:]} is indexed by name, like a dict or DataFrame: the "
            "variable holds another type than you think; print it, or use an integer position."
        )
    return (
        f"A {kind} is indexed with a non-integer: use an integer position (`int(...)`), or a "
        "dict / DataFrame if you meant to look up by name."
    )


@_hint("keys.key_error", "keys.missing_label", "keys.formula_column")
def _key(p, f):
    key = f.get("key", "")
    if len(key) > 60 or "\n" in key:
        key = " ".join(key.split())[:57] + "…"
    container = f.get("container", "dict")
    if container == "history" and key.endswith("acc"):
        return (
            f"Keras now logs accuracy as `{key.replace('acc', 'accuracy')}`: use that key in "
            "`history.history`."
        )
    if container == "formula":
        return (
            f"The formula uses `{key}`, which is not a column of the DataFrame: check "
            "`df.columns`; quote odd names with `Q('name')`."
        )
    if container == "history":
        return (
            f"`history.history` has no `{key}`: print `history.history.keys()`; validation keys "
            "exist only when `validation_data` or `validation_split` was given."
        )
    close = _suggest(key, _code_strings(p)) if key else ""
    if container == "DataFrame":
        if f.get("integer_key"):
            return (
                f"pandas looked up the label {key}, not position {key}: use `.iloc[{key}]` for "
                "positions (or reset the index)."
            )
        if close:
            return f"The DataFrame has no column or label `{key}`. Did you mean {close}?"
        labels = f.get("keys") if f.get("keys") and len(f["keys"]) <= 80 else repr(key)
        if p.message.lstrip("\"'").startswith("None of ["):
            more = "" if labels == f.get("keys") else ", …"
            return (
                f"None of the labels asked for ({labels}{more}) is in the DataFrame: it is "
                "probably another frame than you think, or its columns were renamed; print "
                "`df.columns`."
            )
        return (
            f"The DataFrame has no column or label {labels}: print `df.columns` "
            "and check spelling, case and spaces."
        )
    if close:
        return f"There is no key `{key}`. Did you mean {close}?"
    return (
        f"There is no key {repr(key) if key else ''} here: print the available keys "
        "(`.keys()`) and check the spelling."
    )


@_hint("attributes.removed_api")
def _removed(p, f):
    upgrade = re.match(r"pip install (-U )?(\S+)(?: \((needs [^)]*)\))?$", f.get("replacement", ""))
    if upgrade:
        needs = f" ({upgrade.group(3)})" if upgrade.group(3) else ""
        return (
            f"`{f.get('attribute')}` is newer than your {f.get('owner')}{needs}: run "
            f"`%pip install -U {upgrade.group(2)}`, then restart the kernel."
        )
    note = f" ({f['note']})" if f.get("note") else ""
    return (
        f"`{f.get('attribute')}` was removed from {f.get('owner')}{note}: use "
        f"{_as_code(f['replacement'])} instead."
    )


@_hint("attributes.pandas_accessor")
def _accessor(p, f):
    convert = {
        "str": "`.astype(str)`",
        "dt": "`pd.to_datetime(...)`",
        "cat": "`.astype('category')`",
    }.get(f.get("accessor", ""), "the right dtype")
    return (
        f"The `.{f.get('accessor')}` accessor needs a column of the matching dtype: convert it "
        f"first with {convert} (check `df.dtypes`; a re-run cell may have converted it already)."
    )


@_hint("attributes.none_attribute")
def _none_attr(p, f):
    if "imread" in p.user_code:
        return (
            "`cv2.imread` returned None: the image path is wrong or the file unreadable; "
            "check the path and `img is not None` before using it."
        )
    return (
        f"You call `.{f.get('attribute')}` on None: the step before returned nothing (e.g. "
        "`inplace=True`, `.sort()`, a function without `return`); use its object instead."
    )


@_hint("attributes.array_not_frame")
def _array_not_frame(p, f):
    return (
        f"This is a NumPy array, which has no `.{f.get('attribute')}` (scalers and "
        "`.values` return "
        "arrays): wrap it with `pd.DataFrame(X, columns=...)` or use array indexing."
    )


@_hint("attributes.module_attribute", "attributes.attribute_error")
def _attribute(p, f):
    owner, attr = f.get("owner", "the object"), f.get("attribute", "")
    if "partially initialized module" in p.message or "circular import" in p.message:
        return (
            f"`{owner}` is only partly imported: a file of yours is probably named "
            f"`{owner.split('.')[0]}.py` and shadows the library; rename it and restart the kernel."
        )
    if f.get("suggestion"):
        return f"`{owner}` has no attribute `{attr}`. Did you mean `{f['suggestion']}`?"
    if owner in ("DataFrame", "Series") and attr:
        close = _suggest(attr, _code_strings(p))
        if close:
            return (
                f"`{attr}` is not a DataFrame attribute; did you mean the column {close} "
                f"(`df[{close[1:-1]!r}]`)?"
            )
        return (
            f"The {owner} has no attribute or column `{attr}`: for columns use `df['{attr}']` and "
            "check `df.columns`; for methods check the pandas docs of your version."
        )
    if f.get("kind") == "module":
        return (
            f"The module `{owner}` has no `{attr}`: check the spelling and your installed version, "
            f"and that no file of yours is named `{owner.split('.')[0]}.py`."
        )
    if f.get("fitted_attribute"):
        return (
            f"`{attr}` exists only after fitting: call `.fit(...)` on this {owner} first (and "
            "check the name: scikit-learn's fitted attributes end with `_`)."
        )
    if owner in ("Tensor", "EagerTensor", "SymbolicTensor") and attr == "numpy":
        return (
            "`.numpy()` works only eagerly: inside `tf.function`/`model.fit` code the tensor is "
            "symbolic; use TensorFlow ops there, or call it outside."
        )
    if owner in ("numpy.ndarray", "ndarray") and attr == "append":
        return "NumPy arrays have no `.append`: use a Python list, or `arr = np.append(arr, x)`."
    if owner in ("Series", "DataFrame") and attr in ("reshape", "ravel"):
        return f"pandas objects have no `.{attr}`: use `.to_numpy().{attr}(...)`."
    if owner in ("list", "tuple") and attr in ("shape", "reshape", "astype", "mean", "sum", "size"):
        return f"A Python {owner} has no `.{attr}`: convert it first with `np.array(...)`."
    if attr:
        return (
            f"A `{owner}` object has no attribute `{attr}`: check the spelling and what type "
            "the variable really holds."
        )
    return "The object has no such attribute: check the spelling and the variable's type."


@_hint("values.cannot_convert")
def _convert(p, f):
    value = f" like {f['value']!r}" if f.get("value") is not None and "value" in f else ""
    return (
        f"Text{value} cannot be turned into a number: clean or encode that column first, e.g. "
        "`pd.to_numeric(col, errors='coerce')` or one-hot encoding for categories."
    )


@_hint("values.unpack")
def _unpack(p, f):
    want = f.get("expected", "")
    if f.get("kind") == "too many":
        what = f"more than {want} values" if want else "more values"
        return (
            f"The right side gives {what}, but the left side has {want} names: match the "
            "names to what it returns (e.g. `.items()` to loop over a dict's pairs)."
        )
    got = f" but there are {f['got']}" if f.get("got") else ""
    split = " (`train_test_split(X, y)` returns 4)" if want == "4" else ""
    return (
        f"The left side expects {want} values{got}: match the number of names to what the "
        f"function returns{split}."
    )


@_hint("values.ambiguous_truth")
def _ambiguous(p, f):
    return (
        f"A whole {f.get('what', 'array')} is used as one True/False: combine conditions "
        "with `&`, `|` "
        "and parentheses instead of `and`/`or`, or use `.any()` / `.all()`."
    )


@_hint("values.length_mismatch")
def _length(p, f):
    pair = f" ({f['a']} vs {f['b']})" if f.get("a") and f.get("b") else ""
    return (
        f"The values' length does not match the DataFrame's index{pair}: assign one value per row."
    )


@_hint("values.sequence_element")
def _sequence(p, f):
    return (
        "The lists inside the array have different lengths: pad or truncate them to one length, "
        "or keep them as a list of arrays."
    )


@_hint("values.empty_reduction")
def _empty(p, f):
    return (
        "The array or list is empty: the step before produced no data; check it before taking "
        "max/min/concat."
    )


@_hint("values.math_domain")
def _domain(p, f):
    return (
        "A value is outside the allowed range (e.g. log or sqrt of a negative number): check "
        "the inputs."
    )


@_hint("values.not_in_list")
def _not_in_list(p, f):
    return (
        f"`.index(...)` did not find {f.get('item', 'the value')} in the list: check it with "
        "`x in items` first, and the spelling, case and type (`'1'` is not `1`)."
    )


@_hint("values.column_exists")
def _column_exists(p, f):
    column = f.get("column", "")
    if column in ("index", "level_0"):
        return (
            "`reset_index()` ran twice, so the old index is already a column: use "
            "`reset_index(drop=True)`, or run the cell that builds the DataFrame again first."
        )
    return (
        f"The DataFrame already has a column `{column}`: drop or rename it first, or assign "
        f"it with `df['{column}'] = ...` to replace it."
    )


@_hint("values.dict_pairs")
def _dict_pairs(p, f):
    length = f" (one has {f['length']})" if f.get("length") else ""
    return (
        f"`dict(...)` needs (key, value) pairs, but got items that are not pairs{length}: build "
        "it with `dict(zip(keys, values))`, or use `json.load` to read a file."
    )


@_hint("files.sheet_not_found")
def _sheet(p, f):
    sheet = f.get("sheet") or f.get("sheet2")
    what = f"no sheet `{sheet}`" if sheet else "no such sheet"
    return (
        f"The Excel file has {what}: list its sheets with `pd.ExcelFile(path).sheet_names` and "
        "check the spelling and spaces (or pass `sheet_name=0` for the first)."
    )


@_hint("values.value_error")
def _value_generic(p, f):
    return (
        "A value has the right type but unacceptable content: print the inputs of "
        f"{_code(p.user_line) if p.user_line else 'the failing line'} and compare with "
        "what the call expects."
    )


# --- other -----------------------------------------------------------------------------------


@_hint("other.syntax")
def _syntax(p, f):
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


@_hint("other.zero_division")
def _zero(p, f):
    return (
        "A division by zero: check the denominator (an empty list's length, a zero count) "
        "before dividing."
    )


@_hint("other.assertion")
def _assert(p, f):
    detail = f": {f['detail']}" if f.get("detail") else ""
    return (
        f"A check in the code failed{detail[:150]}; the data or arguments do not meet its "
        "condition."
    )


@_hint("other.recursion")
def _recursion(p, f):
    return "A function calls itself without end: check the recursion's stop condition."


@_hint("other.interrupted")
def _interrupted(p, f):
    return "The cell was interrupted (or called exit): re-run it when ready."


@_hint("other.executable_not_found")
def _exe(p, f):
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


@_hint("other.ipython_usage")
def _usage(p, f):
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


@_hint("other.not_implemented")
def _not_impl(p, f):
    if "forward" in p.message:
        return (
            "Your `nn.Module` has no `forward` method: define `def forward(self, x):` (check its "
            "spelling and indentation inside the class)."
        )
    return (
        "This method is not implemented for this object (often an abstract method you must "
        "override)."
    )


# --- generic fallbacks per crash type ----------------------------------------------------------

GENERIC: dict[str, str] = {
    "variable_not_found": (
        "A name used in this cell has no value yet: run the cell that defines it first."
    ),
    "invalid_argument": (
        "A call got an argument it does not accept: check the names, values and types against "
        "the function's documentation."
    ),
    "io_error": (
        "A file could not be read or written: check the path, the file's format and its "
        "permissions."
    ),
    "module_not_found": (
        "A module is not installed: install it with `%pip install <package>` and restart the "
        "kernel."
    ),
    "attribute_error": (
        "The object has no such attribute: check the spelling, the object's type and your "
        "library version."
    ),
    "key_error": (
        "A key or column does not exist: print the available keys or `df.columns` and check "
        "the spelling."
    ),
    "value_error": (
        "A value has the right type but unacceptable content: print the inputs of the failing line."
    ),
    "tensor_shape_mismatch": (
        "Shapes do not fit together: print the `.shape` of every input of the failing line."
    ),
    "type_error": (
        "An object of the wrong type is used: print `type(...)` of the values in the failing line."
    ),
    "index_error": "An index is out of range: check the length or shape before indexing.",
    "name_error": "A function or class is not defined: run its definition or import it first.",
    "data_value_violation": (
        "The data's values may break the function's requirements: check for NaN or infinity, "
        "labels it has not seen, and the number of classes."
    ),
    "out_of_memory": (
        "Memory ran out: use less data at once (smaller batches or a sample) and restart the "
        "kernel."
    ),
    "environment_error": (
        "The environment is broken or mismatched: check the library versions and reinstall, "
        "then restart the kernel."
    ),
    "request_error": (
        "A network call failed: check the connection, the URL and your credentials, then retry."
    ),
    "unsupported_broadcast": (
        "Element-wise shapes cannot be broadcast: make the trailing dimensions equal or 1."
    ),
    "runtime_error": (
        "The library failed while running: read the last line of the message for the specific "
        "cause."
    ),
    # The three below are what the model may choose when no rule knows the message: say the
    # usual cause as a condition, so that an unrelated crash does not get a false statement.
    "feature_name_mismatch": (
        "If the model now gets other features than at fit time: give it the same columns, in the "
        "same order and with the same preprocessing as the training data."
    ),
    "model_initialization_error": (
        "If the model or a layer is used before it is built, compiled or fitted (or built twice "
        "by re-running a cell): run its cells in order, re-creating the model first."
    ),
    "other": "Read the last line of the error and check the marked line of the cell.",
}


def _deepest_library_frame(parsed: ParsedError):
    for frame in reversed(parsed.frames):
        if frame.library:
            return frame
    return None


def _evidence(parsed: ParsedError, match: RuleMatch | None) -> list[str]:
    lines: list[str] = []
    if match is not None:
        lines.append(f"rule {match.rule} fired (confidence {match.confidence:.2f})")
        facts = ", ".join(f"{k}={v}" for k, v in list(match.facts.items())[:4])
        if facts:
            lines.append(f"found: {facts[:200]}")
    head = parsed.message.strip().splitlines()[0] if parsed.message.strip() else ""
    lines.append(f"exception: {parsed.ename or 'unknown'}{': ' + head[:160] if head else ''}")
    frame = _deepest_library_frame(parsed)
    if frame is not None:
        where = f"{frame.function} " if frame.function else ""
        name = re.split(r"[\\/]", frame.filename)[-1]
        lines.append(f"raised inside {frame.library} ({where}in {name})")
    if parsed.user_line:
        lines.append(f"failing line: {parsed.user_line[:160]}")
    if parsed.chain:
        name, msg = parsed.chain[-1]
        first = msg.splitlines()[0][:120] if msg else ""
        lines.append(f"while handling: {name}{': ' + first if first else ''}")
    return lines


def make_hint(
    parsed: ParsedError, labels: Mapping[str, str | None], match: RuleMatch | None
) -> tuple[str, list[str]]:
    """(hint, evidence) for a diagnosed crash; never raises."""
    crash_type = labels.get("crash_type") or (match.crash_type if match else None) or "other"
    if match is None or (match.crash_type != crash_type and match.confidence < TRUST_RULE):
        # The model chose another crash type than this rule: a rule that agrees with the
        # label, if any fired, knows the specifics for the hint.
        match = _agreeing_rule(parsed, crash_type) or match
    evidence = _evidence(parsed, match)
    hint = None
    if match is not None and (match.crash_type == crash_type or match.confidence >= TRUST_RULE):
        template = _HINTS.get(match.rule)
        if template is not None:
            try:
                hint = template(parsed, match.facts)
            except Exception:  # pragma: no cover - a template bug must not break a diagnosis
                hint = None
    if not hint:
        hint = _fallback(parsed, crash_type)
    return " ".join(hint.split()), evidence


def _agreeing_rule(parsed: ParsedError, crash_type: str) -> RuleMatch | None:
    try:
        return next((m for m in matching_rules(parsed) if m.crash_type == crash_type), None)
    except Exception:  # pragma: no cover - a hint must never break a diagnosis
        return None


def _fallback(parsed: ParsedError, crash_type: str) -> str:
    """Generic hint for the crash type, with what the parser found where it helps."""
    if crash_type in ("variable_not_found", "name_error") and parsed.names:
        return _undefined_name(
            parsed,
            {"name": parsed.names[0]},
            "variable" if crash_type == "variable_not_found" else "function",
        )
    if crash_type == "key_error" and parsed.keys:
        return _key(
            parsed,
            {
                "key": parsed.keys[0],
                "container": "DataFrame" if "pandas" in parsed.libraries else "dict",
            },
        )
    if crash_type == "module_not_found" and parsed.modules:
        module = parsed.modules[0]
        return _module_not_found(
            parsed,
            {"module": module, "top_module": module.split(".")[0], "package": package_for(module)},
        )
    if crash_type in ("tensor_shape_mismatch", "unsupported_broadcast") and len(parsed.shapes) >= 2:
        return (
            f"The shapes {parsed.shapes[0]} and {parsed.shapes[1]} do not fit together here: "
            "print the `.shape` of each input and reshape or transpose one of them."
        )
    return GENERIC.get(crash_type, GENERIC["other"])


def template_count() -> int:
    """How many distinct hint templates exist (rule templates plus generic fallbacks)."""
    return len(set(_HINTS.values())) + len(GENERIC)
