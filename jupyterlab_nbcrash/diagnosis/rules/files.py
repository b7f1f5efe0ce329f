"""Files and paths: missing, not permitted, a directory, of the wrong format or encoding."""

from __future__ import annotations

import re
import unicodedata

from ..definitions import function_parameters, seen_code
from ..input_failures import hub_cache_incomplete
from ..text import close_matches, code_span, edit_distance
from ..traceback import ParsedError
from ..where import call_arguments, failing_call, failing_line_number, own_lines
from .base import RuleMatch, Template, group_facts, named, pattern_rule
from .paths import (
    COMMON_EXTENSIONS,
    WINDOWS_FORBIDDEN,
    as_typed,
    bare_listed_name,
    bare_path_escape,
    drive_mounted_by_a_cell,
    edited_failing_line,
    is_absolute,
    machine_of,
    on_conda_image,
    path_escape,
    path_in,
    placeholder_path,
    unpacking_line,
    writes_file,
    written_after_read_open,
)

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NOT_FOUND = "files.not_found"
SHEET_NOT_FOUND = "files.sheet_not_found"
PERMISSION_DENIED = "files.permission_denied"
IS_A_DIRECTORY = "files.is_a_directory"
EXISTS = "files.exists"
JSON_DECODE = "files.json_decode"
UNICODE_DECODE = "files.unicode_decode"
UNSUPPORTED_FORMAT = "files.unsupported_format"
NLTK_RESOURCE = "files.nltk_resource"
OPENCV_PARSE = "files.opencv_parse"
BAD_PICKLE = "files.bad_pickle"
RASTER_IO = "files.raster_io"
INVALID_PATH = "files.invalid_path"

_MISSING = re.compile(
    r"No such file or directory|does not exist|cannot find the (?:path|file) specified"
    r"|Unable to open file|could not find|file not found|not found\.|\bWinError [23]\b"
    r"|Could not open|Unable to (?:open|find|locate)|Can't find .* file|\bno such file\b"
    r"|non-existent directory",
    re.I,
)
# Exceptions that readers raise for a file of the wrong format or a malformed file.
_FORMAT_ENAMES = frozenset(
    [
        "OSError",
        "IOError",
        "ValueError",
        "UnidentifiedImageError",
        "BadZipFile",
        "ParserError",
        "EmptyDataError",
        "UnpicklingError",
        "RuntimeError",
        "Exception",
        "error",
        "XLRDError",
        "ReadError",
        "DecodeError",
        "ParseError",
        "EOFError",
        "TypeError",
        "FileNotFoundError",
    ]
)
_MISSING_ENAMES = frozenset({"FileNotFoundError", "OSError", "IOError", "NotFoundError"})
_NO_PARENT = re.compile(r"Parent directory of (\S+) doesn't exist, can't save")
# The failing line writes a file: a missing folder there is the code's, not the data's.
_WRITING = re.compile(
    r"\.to_(?:csv|excel|json|parquet|pickle|hdf)\(|savefig\(|\.save(?:_weights)?\(|imwrite\("
    r"|open\([^)]*,\s*['\"][wa]b?\+?['\"]|mode\s*=\s*['\"][wa]|\bdump\(|savetxt\(|np\.save"
)


@named(NOT_FOUND)
def not_found(parsed: ParsedError) -> RuleMatch | None:
    msg = parsed.message
    if parsed.ename == "FileNotFoundError":
        confidence = 0.97
    elif parsed.ename in _MISSING_ENAMES or parsed.ename.endswith(("IOError", "OpenFailedError")):
        if not _MISSING.search(msg):
            return None
        confidence = 0.85
    elif parsed.ename in ("ValueError", "Exception", "RuntimeError") and re.search(
        r"(?:file|path|directory)\b.*(?:does not exist|not found|doesn't exist)"
        r"|No such file or directory|(?:Can't|Could not|Unable to|cannot) find .*(?:file|path)",
        msg,
        re.I,
    ):
        confidence = 0.6
    else:
        return None
    path = path_in(msg)
    escape = path_escape(path)
    if not path:
        path, escape = bare_path_escape(msg, seen_code(parsed)[0])
    facts = {"path": path}
    if escape:
        facts["escape"] = escape  # 'C:\new_data' is missing because \n became a newline
    certain = True
    parent = _NO_PARENT.search(msg)
    if parent:
        # TensorFlow's checkpoint saver: the folder to save into is missing.
        facts.update(path=parent.group(1), writing="yes")
        confidence, certain = max(confidence, 0.85), False
    if _WRITING.search(parsed.user_line):
        facts["writing"] = "yes"  # the folder to write into is missing: a code or set-up issue
        certain = False
    if path:
        facts["filename"] = re.split(r"[\\/]", path.rstrip("\\/"))[-1]
        if re.match(r"^(?:/home/|/Users/|[A-Za-z]:\\|/content/|/kaggle/|/mnt/|/gws/|/data)", path):
            facts["absolute"] = "yes"
        ext = facts["filename"].rsplit(".", 1)[-1].lower() if "." in facts["filename"] else ""
        # A two-letter extension is close to too many others to call it a typo.
        if len(ext) >= 3 and ext not in COMMON_EXTENSIONS:
            close = close_matches(ext, COMMON_EXTENSIONS, n=1, cutoff=0.6, ignore_case=False)
            if close:
                facts["extension_typo"] = close[0]
                certain = False
        if "/kaggle/" in path or "../input" in path:
            facts["platform"] = "Kaggle"
        elif "/content/" in path or "drive/My Drive" in path or "MyDrive" in path:
            facts["platform"] = "Google Colab"
    return RuleMatch(
        rule=NOT_FOUND,
        crash_type="io_error",
        root_cause="environment_setting" if certain else None,
        confidence=confidence,
        facts=facts,
    )


_INVALID_PATH = re.compile(
    r"\[Errno 22\] Invalid argument|The filename, directory name, or volume label syntax"
    # Python 2's words for the same, when the mode is a valid one (`'rw'` is the mode's fault)
    r"|\[Errno 22\] invalid mode \('[rwaU]U?[bt]?\+?[bt]?'\) or filename"
)


@named(INVALID_PATH)
def invalid_path(parsed: ParsedError) -> RuleMatch | None:
    """OSError 22 on a path: Windows rejects its characters (often a backslash escape turned
    into a control character), or it is a URL given to a function that opens local files."""
    if parsed.ename not in ("OSError", "IOError") or not _INVALID_PATH.search(parsed.message):
        return None
    path = path_in(parsed.message)
    facts = {"path": path}
    escape = path_escape(path)
    if re.match(r"(?:https?|ftp)://|www\.", path, re.I):
        facts["url"] = "yes"
    elif escape:
        facts["escape"] = escape
    else:
        # The drive's colon is allowed; anything of : * ? " < > | after it is not.
        bad = WINDOWS_FORBIDDEN.findall(re.sub(r"^[A-Za-z]:", "", path))
        facts["characters"] = " ".join(dict.fromkeys(bad))
        if not bad and path != path.rstrip(" ."):
            facts["trailing"] = "yes"
    # Without a path the cause (a huge write on macOS, a device) is anyone's guess.
    return RuleMatch(
        rule=INVALID_PATH,
        crash_type="io_error",
        confidence=0.8 if path else 0.55,
        facts=facts,
    )


RULES = (
    not_found,
    pattern_rule(
        # sheet_name= names a sheet the workbook does not have: a label that does not exist.
        SHEET_NOT_FOUND,
        "key_error",
        r"No sheet named <?'(?P<sheet>[^']*)'>?|Worksheet named '(?P<s2>[^']*)' not found"
        r"|Worksheet index (?P<index>\d+) is invalid",
        confidence=0.85,
        facts=group_facts(sheet="sheet", sheet2="s2", index="index"),
    ),
    pattern_rule(
        PERMISSION_DENIED,
        "io_error",
        r"Permission denied|Errno 13|Access is denied|Operation not permitted"
        r"|Read-only file system|Errno 30",
        enames={"PermissionError", "OSError", "IOError"},
        root_cause="environment_setting",
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        IS_A_DIRECTORY,
        "io_error",
        enames={"IsADirectoryError", "NotADirectoryError"},
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message), "kind": p.ename},
    ),
    pattern_rule(
        EXISTS,
        "io_error",
        enames={"FileExistsError"},
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        JSON_DECODE,
        "io_error",
        r"Expecting (?:value|property name|',' delimiter|':' delimiter)|Extra data"
        r"|Unterminated string"
        r"|Invalid control character|Invalid \\escape|Trailing data|Expected object or value"
        # Python 2's json (and simplejson) for text that is no JSON at all
        r"|No JSON object could be decoded",
        enames={"JSONDecodeError", "ValueError"},
        confidence=0.9,
        facts=lambda p, m: {"from_response": "yes" if ".json()" in p.user_line else ""},
    ),
    pattern_rule(
        UNICODE_DECODE,
        "io_error",
        r"codec can't decode",
        enames={"UnicodeDecodeError", "UnicodeError"},
        confidence=0.8,
        facts=lambda p, m: {
            "codec": (re.search(r"'([\w-]+)' codec", p.message) or [None, ""])[1],
        },
    ),
    pattern_rule(
        UNSUPPORTED_FORMAT,
        "io_error",
        r"Unsupported file (?:type|format)|cannot identify image file|not a zip file|File "
        r"is not a zip"
        r"|Excel file format cannot be determined|Unsupported format|file format|BadZipFile"
        r"|Unable to (?:open|read|load) (?:file|image)|invalid load key|pickle data was truncated"
        r"|Error tokenizing data|No columns to parse from file"
        r"|is not a valid (?:image|HDF5|h5|zip)|file signature not found"
        r"|SavedModel file does not exist|Unknown file format|magic number"
        r"|Object arrays cannot be loaded when allow_pickle=False|Failed to interpret file"
        r"|Excel xlsx file; not supported",
        enames=_FORMAT_ENAMES,
        confidence=0.85,
        facts=lambda p, m: {"path": path_in(p.message), "detail": m.group(0) if m else ""},
    ),
    pattern_rule(
        NLTK_RESOURCE,
        "io_error",
        r"Resource '?(?P<res>[\w/.-]+)'? not found"
        r"|Please use the NLTK Downloader to obtain the resource",
        root_cause="environment_setting",
        library="nltk",
        confidence=0.85,
        facts=lambda p, m: {"resource": _nltk_package(m.group("res") or "")},
    ),
    pattern_rule(
        OPENCV_PARSE,
        "io_error",
        r"OpenCV\([\d.]+\).*\(-212:\s*Parsing error\)|Failed to parse NetParameter"
        r"|Can't open \"[^\"]+\" in function",
        confidence=0.75,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        BAD_PICKLE,
        "io_error",
        enames={"UnpicklingError", "EOFError", "BadZipFile", "EmptyDataError", "ParserError"},
        confidence=0.8,
        facts=lambda p, m: {"kind": p.ename},
    ),
    pattern_rule(
        RASTER_IO,
        "io_error",
        enames={"RasterioIOError", "DriverError", "CPLE_OpenFailedError"},
        confidence=0.7,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    invalid_path,
)


# ----------------------------------------------------------- hints: the words the user reads


def _backslash_escape_in_path(path: str, escape: str) -> str:
    return (
        f"The path {code_span(as_typed(path))} contains `{escape}`, which Python read as a "
        "backslash escape: write the path as a raw string `r'C:\\...'` or with forward "
        "slashes `/`."
    )


# Programs that a library starts (a missing one raises FileNotFoundError from subprocess).
_PROGRAMS = {"whisper": "ffmpeg", "pydub": "ffmpeg", "moviepy": "ffmpeg", "audioread": "ffmpeg",
             "pydot": "Graphviz (`dot`)", "graphviz": "Graphviz (`dot`)",
             "pytesseract": "Tesseract", "pdf2image": "poppler"}  # fmt: skip


_WINDOWS_MAX_PATH = 260


# `with open(path) as h:` or `h = open(path, 'rb')`: a file opened to read, and its handle.
_OPENED_FOR_READING = re.compile(
    r"\bopen\(\s*[^,()]+(?:,\s*(?:mode\s*=\s*)?['\"]r?b?t?['\"])?\s*\)\s*as\s+(\w+)"
    r"|\b(\w+)\s*=\s*open\(\s*[^,()]+(?:,\s*(?:mode\s*=\s*)?['\"]r?b?t?['\"])?\s*\)"
)


def _unregistered_op(message: str) -> str:
    """TensorFlow found the saved model but not one of its ops in this build: the model was
    saved by another build (Apple's tensorflow-macos, a newer version) or with a custom op."""
    op = re.search(r"Op type not registered '(\w+)'", message)
    name = f" (`{op.group(1)}`)" if op else ""
    return (
        f"The saved model uses an operation{name} this TensorFlow build does not have: it was "
        "saved by another TensorFlow build or version (or with a custom op); load it there, or "
        "save it again there in a form this one reads (e.g. its weights only)."
    )


def _shell_escaped_space(path: str) -> str:
    """`'My\\ Drive'` escapes a space the way a shell does; in a Python string the backslash
    stays part of the folder's name, so the folder the path names does not exist."""
    meant = path.replace("\\ ", " ")
    return (
        f"The path writes a space as `\\ ` (a shell's escape), and in a Python string the "
        f"backslash stays part of the name: write the space alone, {code_span(meant, 60)}."
    )


def _drawn_by_plot_model(p, filename: str) -> bool:
    """The cell's `plot_model(..., to_file=...)` names the very file that is missing."""
    if not filename or not p.cell_lines:
        return False
    cell = "\n".join(p.user_code.splitlines()[-p.cell_lines :])
    drawn = re.findall(r"\bplot_model\([^\n]*\bto_file\s*=\s*['\"]([^'\"]+)['\"]", cell)
    return any(d.replace("\\", "/").rsplit("/", 1)[-1] == filename for d in drawn)


def _written_through_a_read_handle(p) -> str:
    """The call of the cell that writes through the handle the failing line opens for reading
    (`pickle.dump(df, h)`, `h.write(text)`); "" when there is none."""
    opened = _OPENED_FOR_READING.search(p.user_line)
    if opened is None or not p.cell_lines:
        return ""
    handle = re.escape(opened.group(1) or opened.group(2))
    number = failing_line_number(p)
    if not number:
        return ""
    # the lines after the failing `open`, up to another binding of the handle's name: a
    # `with open(out, 'w') as f:` elsewhere in the cell writes another file
    after = own_lines(p)[number:]
    rebound = re.compile(rf"\bas\s+{handle}\b|^\s*{handle}\s*=(?!=)")
    end = next((i for i, line in enumerate(after) if rebound.search(line)), len(after))
    cell = "\n".join(after[:end])
    writer = re.search(
        rf"\b(?:(?:pickle|joblib|dill|cPickle|json|yaml)\.dump\([^()\n]*\b{handle}\b[^()\n]*\)"
        rf"|{handle}\.write(?:lines)?\()",
        cell,
    )
    if writer is None:
        return ""
    return writer.group(0) + ("...)" if writer.group(0).endswith("(") else "")


def _missing_file(p, f):
    """When: a path the message names (or the program a library started) is missing; what to
    do depends on whether the line writes, on the kind of path, and on the machine the frames
    show (a Kaggle or Colab path on that very platform needs its data attached or mounted)."""
    path = f.get("path", "")
    if re.search(r"\" not found in path", p.message):
        return None  # a program, not a file: the executable template speaks
    if any(fr.package == "subprocess" or fr.function.endswith("_execute_child") for fr in p.frames):
        return _program_missing(p)
    flat = re.search(r"Couldn't find any class folder in (.+?)\.?$", p.message.strip())
    if flat:
        # torchvision listed the folder (so it exists) and found no subfolder in it
        return (
            f"{code_span(flat.group(1), 50)} exists but holds no subfolders: `ImageFolder` "
            "takes one subfolder per class (`root/<class>/image.jpg`). For images without "
            "labels (a test set), write a `Dataset` of your own that lists the files."
        )
    if f.get("escape") and not f.get("writing"):
        return _backslash_escape_in_path(path, f["escape"])
    norm = path.replace("\\\\", "/").replace("\\", "/")
    if re.match(r"(?:https?|ftp)://", path):
        return (
            f"{code_span(path, 60)} is a web address, but this function opens local files "
            "only: download the file first (a dataset page is no file), or read the URL with "
            "a function that accepts one (`pd.read_csv(url)`, `requests.get(url)`)."
        )
    remote = re.match(r"([a-z][a-z0-9+.-]*)://", path)
    if remote and len(remote.group(1)) > 1:  # (not `C://`: one letter is a Windows drive)
        # `hdfs://`, `s3://`: storage of another machine, which no working folder holds
        return (
            f"{code_span(path, 60)} is a `{remote.group(1)}://` address, not a file of this "
            "machine's folders: check it exists there, and read it through a client of that "
            "storage (fsspec with its driver, Spark) or copy it to a local folder first."
        )
    row = _data_row_as_path(path or _chained_missing_path(p))
    if row:
        return row
    early = _edited_cell(p, f) or _placeholder(p, norm, path) or _path_from_the_code(p, f, path)
    if early:
        return early
    if _drawn_by_plot_model(p, f.get("filename", "")):
        # in a notebook, Keras' `plot_model` prints a message and returns when pydot or
        # Graphviz is missing, so the image the cell shows next was never written
        return (
            f"`plot_model` in this cell should have written `{f['filename']}` but did not: in a "
            "notebook it only prints a message when `pydot` or Graphviz is missing. Install both "
            "(`%pip install pydot` and Graphviz's program), restart the kernel and run the cell."
        )
    dumped = _written_through_a_read_handle(p)
    if dumped:
        mode = "'wb'" if re.match(r"(?:pickle|joblib|dill|cPickle)\.", dumped) else "'w'"
        return (
            f"The cell writes to this file ({code_span(dumped, 40)}) but opens it for reading "
            f"(`open` without a write mode), which needs it to exist already: open it with "
            f"`open(path, {mode})`."
        )
    removal = _REMOVES.search(p.user_line)
    if removal and path and not _OTHER_PATH_CALL.search(p.user_line):
        # a deletion, not a read: nothing to look for in the working folder
        return (
            f"`{removal.group(0).rstrip('(')}` found no {code_span(path, 50)} to delete: it was "
            "deleted already (by this cell or another, run before) or never made at that path; "
            "to delete it only when present, test `os.path.exists` first."
        )
    if "\\" in path and len(norm) >= _WINDOWS_MAX_PATH:
        # A Windows path this long fails whether or not its folders exist (unless long paths
        # were enabled): the share or folder it names may be fine.
        return (
            f"The path is {len(norm)} characters long, over Windows' usual limit of 260: shorten "
            "the folder or file names (or enable long paths in Windows)."
        )
    hub = hub_cache_incomplete(p)
    if hub:
        return hub  # a download's cache folder, not a path of the user's
    if "Op type not registered" in p.message:
        return _unregistered_op(p.message)
    if "\\ " in path:
        return _shell_escaped_space(path)
    if not path and p.ename == "NotFoundError":
        return None  # TensorFlow's "Resource ... does not exist" or a checkpoint key: no file
    if re.search(r"[*?]", f.get("filename", "")):
        # `os.listdir('data/*.nii')`: only `glob` expands a pattern; no file has that name.
        return (
            f"`{f['filename']}` is a pattern, and this function does not expand `*`: list the "
            f"matching files with `glob.glob({path!r})` and open them one by one."
        )
    machine = machine_of(p)
    mixed = _mixed_separators(path)
    if mixed and re.search(r"\.split\(\s*['\"]/['\"]\s*\)", p.user_code):
        # Windows accepts both separators: only a name cut at `/` from a `\\` path is wrong.
        return (
            f"The path mixes `/` and `\\` (`{mixed}`): a name cut with `split('/')` kept a "
            "folder of a Windows path, so the path names another folder than you meant; take "
            "names with `os.path.basename(...)` and build paths with `os.path.join(...)`."
        )
    twice = re.match(r"((?:[^/]+/){2,})\1", norm)
    if twice and re.search(r"[^./]", twice.group(1)):  # `../../../../` only climbs higher
        # `'../../Results/' + name` where name already starts with it: creating that folder
        # would only make the wrong one
        return (
            f"The path repeats `{twice.group(1)}` ({code_span(path, 60)}): the folder was joined "
            "onto a name that already starts with it; add it only once."
        )
    if f.get("writing") or writes_file(p):
        if norm.startswith("/content/drive"):
            return _drive_not_mounted(p, norm, writing=True)
        if norm.startswith("//"):
            return (
                f"The network folder {code_span(path, 60)} is not reachable from this computer "
                "(or does not exist): save to a local folder instead."
            )
        if "non-existent directory" in p.message:
            folder = norm
        else:
            folder = norm.rsplit("/", 1)[0] if "/" in norm else ""
        make = f"os.makedirs({folder!r}, exist_ok=True)" if folder else "os.makedirs(folder)"
        return f"The folder you save into does not exist: create it first with `{make}`."
    dll = _WINDOWS_DLL_MISSING.search(p.message)
    if dll:
        # ctypes on Windows: a DLL (or a DLL it needs) is not on the DLL search path; no data
        # file of the notebook's folder is meant
        return (
            f"Windows could not find the library `{dll.group(1)}` (or a DLL it needs) on its "
            "DLL search path: install the software that ships it (the version your code "
            "expects) and add its `bin` folder to PATH (or `os.add_dll_directory(folder)`), or "
            "pass the DLL's full path."
        )
    if not path:
        return (
            "A file or folder the code needs does not exist: check the path relative to the "
            "notebook's folder (`os.getcwd()`) and that the data was downloaded."
        )
    corpus = _nltk_corpus_entry(norm)
    if corpus:
        return corpus
    sandbox = _chatgpt_sandbox_path(p, norm)
    if sandbox:
        return sandbox
    typo = f.get("extension_typo", "")
    ext = f.get("filename", "").rsplit(".", 1)[-1]
    if typo and edit_distance(ext.lower(), typo, 1) <= 1:
        return (
            f"`{f.get('filename') or path}` does not exist: is the extension a typo for `.{typo}`?"
        )
    impossible = _impossible_date(f.get("filename", "") or norm.rsplit("/", 1)[-1])
    if impossible and not (f.get("writing") or writes_file(p)):
        # a loop over days 01..31 of every month asks for 2020-04-31
        return (
            f"The file name asks for the date {impossible}, which does not exist: loop over real "
            "dates (e.g. `pd.date_range(start, end)`), or skip the files that are missing "
            "(`os.path.exists`)."
        )
    local = machine in ("windows", "macos", "home")
    on_kaggle = machine == "kaggle" or on_conda_image(p)
    on_colab = machine == "colab" or (machine == "hosted" and not on_kaggle)
    # Kaggle's newer image keeps its packages where Colab's does (/usr/local/.../dist-packages):
    # such frames alone cannot tell a Kaggle notebook from a Colab one.
    surely_colab = machine == "colab" or (machine == "hosted" and p.saved_by_colab)
    if norm.startswith("/content/drive") or "drive/My Drive" in norm or "MyDrive" in norm:
        if local or on_kaggle:
            return _elsewhere(path, "a Google Colab")
        return _drive_not_mounted(p, norm, mount=_mount_point(norm))
    if norm.startswith("/content/"):
        if local or on_kaggle:
            return _elsewhere(path, "a Google Colab")
        clone = _cloned_by_a_cell(p, norm.split("/")[2])
        if clone and norm.count("/") > 2:
            # a file inside a cloned repository: the clone may hold no such file at all (an
            # output a training run makes), which no upload of a lost file explains
            inside = norm.split("/", 3)[3]
            return (
                f"{code_span(path, 60)} lies in the repository a cell clones "
                f"({code_span(clone, 40)}): if that cell ran, the repository has no `{inside}`, "
                "which a step of yours (a training run, a download) must make first; list "
                "what is there with `os.listdir(...)` and point the path at an existing file."
            )
        elsewhere = "" if on_colab else "; outside Colab, point the code at your copy"
        # Uploaded or downloaded by an earlier cell: either is lost with the runtime.
        return (
            f"{code_span(path, 60)} is not in Colab's session storage, which the runtime empties "
            "when it restarts: upload it again or re-run the cell that downloads it (or "
            f"read it from Drive){elsewhere}."
        )
    if "/kaggle/" in norm or norm.startswith("../input"):
        if surely_colab and not local:
            return (
                f"{code_span(path, 60)} is a Kaggle path, and this notebook runs on Colab: "
                "download the dataset into this session (the Kaggle API or `kagglehub`) and point "
                "the code at that copy, or run the notebook on Kaggle."
            )
        if local:
            return _elsewhere(path, "a Kaggle")
        if "/kaggle/working" in norm:
            # The output folder: it holds only what this session's cells wrote.
            return (
                f"{code_span(path, 60)} is in Kaggle's output folder, which holds only what "
                "this session's cells wrote: run the cell that writes it first, or read the "
                "file from the dataset or notebook output you attached (under `/kaggle/input`)."
            )
        if on_kaggle:
            return (
                f"{code_span(path, 60)} is not in this Kaggle notebook's inputs: attach the "
                "dataset (“Add Input”) and check the folder names, which can differ from the "
                "code's, with `os.listdir('/kaggle/input')`."
            )
        return (
            f"{code_span(path, 60)} exists only on Kaggle with that dataset attached: there, add "
            "it with “Add Input” and check the folder names with `os.listdir('/kaggle/input')`; "
            "elsewhere, download it and point the code at your copy."
        )
    named = f.get("filename", "") or norm.rsplit("/", 1)[-1]
    no_arguments = not re.search(r"\(\s*[^)\s]", p.user_line)
    by_a_library = p.last_frame is not None and p.last_frame.library is not None
    if named and named not in p.user_code and no_arguments and by_a_library:
        # The line passes nothing and the cell names no such file: a library built the path
        # (a config, a cache, a default).
        variable = _environment_read(p.last_frame)
        if variable:
            # `os.environ['PROJ_LIB']` on the library's own lines: that setting, not the
            # library's documentation, is what to fix
            return (
                f"{code_span(path, 60)} is built from the environment variable `{variable}`, "
                f"which `{_module_of(p.last_frame.filename)}` reads: set it to the folder that "
                f"holds that file (`os.environ['{variable}'] = ...` in a cell after a kernel "
                "restart, before the import)."
            )
        library = p.api_library or p.last_frame.library
        who = f"`{library}`"
        return (
            f"{who} looked for {code_span(path, 60)}, a path your cell does not name: it comes "
            "from that code's own settings, cache or defaults. Check in its documentation where "
            "it expects that file, and how to point it at your copy."
        )
    unix = any(fr.filename.startswith("/") for fr in p.frames if not fr.is_user)
    if re.match(r"[A-Za-z]:/", norm) and (unix or machine in ("colab", "kaggle", "hosted")):
        return (
            f"{code_span(path, 60)} is a Windows path, but this kernel runs on Linux (a "
            "server, Colab or Kaggle): copy or upload the file to this machine and open it by "
            "its path here."
        )
    source = _built_from(p, f.get("filename", ""))
    if source:
        # `temp_Trial 1.xlsx` of a function given `Trial 1.xlsx`: a file the code should have
        # made, not one to copy next to the notebook
        return (
            f"`{f['filename']}` is written nowhere in the code, which builds it (from "
            f"`{source}`), and no such file exists: check that the step meant to create it "
            "ran, and where it wrote it."
        )
    added = _path_added_to_listed_name(p)
    if is_absolute(norm) and added:
        # `folder + name` of a listed file: a folder without its trailing `/` glues the names
        return (
            f"{code_span(path, 70)} does not exist, and the code builds paths by adding "
            f"strings (`{added}`): check the `/` between the folder and the file name is "
            "there, or build it with `os.path.join(folder, name)`."
        )
    if is_absolute(norm):
        return (
            f"{code_span(path, 70)} does not exist: check each folder of this absolute path "
            "(`os.path.exists`); if the notebook comes from another computer, put the file next "
            f"to it and open it by a relative path (`'{f.get('filename', '')}'`)."
        )
    shown = path if len(path) <= 70 else f.get("filename") or path
    prompted = _typed_at_a_prompt(p, path)
    if prompted:
        return (
            f"`{shown}` is what was typed at the `input()` prompt (`{prompted}`), and the code "
            "opens it as a file path: at the prompt, type the name of a file that exists "
            "(`os.listdir()` lists the working folder's)."
        )
    written = _written_by_a_cell(p, norm)
    if written:
        path_written, line, function = written
        if function and function not in p.user_code and not _passed_as_value(p, function):
            # `fig.savefig('x.png')` in the body of `def make_x():`: defining the function in
            # its cell wrote nothing; a call of it does
            return (
                f"`{path_written}` is written by `{function}()` ({code_span(line, 50)} is in its "
                f"body), and running its cell only defines it: call `{function}()` before this "
                "cell, so that the file exists."
            )
        if path_written == norm.removeprefix("./"):
            return (
                f"`{shown}` is a file the notebook writes itself ({code_span(line, 50)}): make "
                "sure that cell ran before this one and wrote it (its output), in the same "
                "working folder."
            )
        return (
            f"`{shown}` does not exist, but a cell writes `{path_written}` "
            f"({code_span(line, 50)}): read the path it writes, and run that cell first."
        )
    if on_kaggle and not is_absolute(norm) and _surely_kaggle(p, machine):
        return (
            f"`{shown}` is not in the working folder: on Kaggle a notebook runs in "
            "`/kaggle/working`, and attached data is under `/kaggle/input/<dataset>/`; read it "
            "from there (list it with `os.listdir('/kaggle/input')`)."
        )
    unpacked = unpacking_line(p)
    if (
        machine == "colab"
        and not is_absolute(norm)
        and unpacked
        and not _fetched_by_a_cell(p, norm)
    ):
        # `zip.extractall()` names no folder: the path may be what it makes, under another name
        return (
            f"`{shown}` is not in the working folder; a cell unpacks an archive there "
            f"({code_span(unpacked, 40)}): if the path should come from it, run that cell and "
            "compare the folder names it made (`os.listdir()`) with the path, else upload it."
        )
    if machine == "colab" and not is_absolute(norm) and not _fetched_by_a_cell(p, norm):
        return (
            f"`{shown}` is not in the working folder (on Colab `/content`, unless a cell "
            "changed it with `%cd`): upload it there (files are lost when the runtime restarts), "
            "or mount Drive and read it by its Drive path."
        )
    return (
        f"`{shown}` was not found from the notebook's working directory (`os.getcwd()`): check "
        "the folder and the file name's spelling and extension."
    )


# Code that downloads a file itself (its content is whatever the server answered).
_DOWNLOADS = re.compile(
    r"\brequests\.get\(|\burlretrieve\(|\burlopen\(|\.iter_content\(|!\s*wget\b"
)
# A line that downloads or unpacks data: the files under what it names come from the notebook
# itself, not from an upload.
_FETCHES = re.compile(
    r"\b(?:curl|wget|tar|unzip|7z|gdown|git\s+clone|get_file|urlretrieve|extractall|unpack_archive"
    r"|download)\b"
)


def _typed_at_a_prompt(p, path: str) -> str:
    """The variable a cell's `x = input(...)` binds when a line of the traceback's cells passes
    it on as it is (`f(x)`, no folder added) and the path is written nowhere in the code (so the
    user typed it), else ""."""
    code = p.code_seen
    if not path or path in code:
        return ""
    prompted = re.findall(r"^\s*([A-Za-z_]\w*)\s*=\s*input\(", code, re.M)
    own = [fr for fr in p.frames if fr.is_user]
    if not own:
        return ""
    # The innermost frame of the user's opens the file: a function of theirs may build the path
    # from its parameter (`open(f'data/{path}.csv')`), so there the name, or a parameter of its
    # function, is passed on as it is.
    inner = set(_PASSED_AS_IT_IS.findall(own[-1].failing_line or ""))
    shown = "\n".join((*own[-1].code_lines, code))
    parameters = {n for ps in function_parameters(shown, own[-1].function) for n in ps}
    lines = [fr.failing_line or "" for fr in own]
    return next(
        (
            name
            for name in prompted
            if (name in inner or (inner & parameters and len(own) > 1))
            and any(name in _PASSED_AS_IT_IS.findall(line) for line in lines)
            and _only_typed(code, name)
        ),
        "",
    )


# A bare name passed as an argument (`f(x)`, `open(x, 'r')`).
_PASSED_AS_IT_IS = re.compile(r"[(,]\s*([A-Za-z_]\w*)\s*(?=[,)])")


def _only_typed(code: str, name: str) -> bool:
    """Every assignment of ``name`` in ``code`` reads it from `input(...)` (`name = 'data/' +
    name` would make the path of more than what was typed)."""
    made = re.findall(rf"^\s*{name}\s*(?:[-+*/%|&]|//)?=(?!=)\s*(.*)", code, re.M)
    return bool(made) and all(v.startswith("input(") for v in made)


# A statement that writes a file by a quoted path: `open(path, 'w')`, `df.to_csv(path)`, …
_WRITES = re.compile(
    r"""\bopen\(\s*['"](?P<o>[^'"]+)['"]\s*,\s*(?:mode\s*=\s*)?['"][wax]"""
    r"""|\.(?:to_\w+|save\w*|dump)\(\s*['"](?P<t>[^'"]+)['"]"""
)


def _written_by_a_cell(p, norm: str) -> tuple[str, str] | None:
    """(the path, the line) where a cell of the notebook writes a file of the missing path's
    name (`open("yearinfo.json", "w")` for `data/yearinfo.json`): the file comes from the code,
    not from an upload."""
    name = norm.rstrip("/").rsplit("/", 1)[-1]
    if not name:
        return None
    # the failing cell's own lines: a read before its write (a cache) is no cell to run first
    own = set(p.user_code.splitlines())
    for code in p.notebook_code:
        if name not in code:
            continue  # (no scan of a cell that cannot name it)
        lines = code.splitlines()
        for at, line in enumerate(lines):
            for m in _WRITES.finditer(line) if line not in own else ():
                path = (m.group("o") or m.group("t")).replace("\\", "/").removeprefix("./")
                if path.rsplit("/", 1)[-1] == name:
                    return path, line.strip(), _enclosing_function(lines, at)
    return None


def _passed_as_value(p, function: str) -> bool:
    """A cell hands ``function`` to a library uncalled (`LambdaCallback(on_epoch_end=save)`,
    `df.apply(save)`): the library calls it, so no call of the user's is missing."""
    value = re.compile(rf"(?<![\w.]){re.escape(function)}\b(?!\s*\()")
    return any(
        value.search(line) and not _DEF.match(line)
        for code in p.notebook_code
        if function in code
        for line in code.splitlines()
    )


_DEF = re.compile(r"([ \t]*)(?:async[ \t]+)?def[ \t]+(\w+)")


def _enclosing_function(lines: list[str], at: int) -> str:
    """The function whose body holds line ``at`` of a cell (its name), or "" at the top level:
    a write in a `def` runs only when the function is called."""
    indent = len(lines[at]) - len(lines[at].lstrip())
    for line in reversed(lines[:at]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        outer = len(line) - len(line.lstrip())
        if outer < indent:
            m = _DEF.match(line)
            if m:
                # a method (`on_epoch_end` of a Keras callback) or a nested function: the
                # library or the outer function calls it, no call of the user's by its name
                return "" if m.group(1) else m.group(2)
            indent = outer  # an `if`/`with`/`for` block: look further out
        if indent == 0:
            return ""
    return ""


def cloned_folder_of(p, path: str) -> str:
    """The `git clone` line of a cell that made a folder of ``path`` (`/content/yolov5/...`
    after `!git clone .../yolov5`): the file is that repository's, not the user's; or ""."""
    folders = re.split(r"[\\/]", path)[:-1]
    return next((line for f in folders if f for line in [_cloned_by_a_cell(p, f)] if line), "")


def _cloned_by_a_cell(p, folder: str) -> str:
    """The `git clone` line of a cell that makes ``folder`` (its URL's last part, or the folder
    it names), or ""."""
    if not folder:
        return ""
    name = re.escape(folder)
    clone = re.compile(
        rf"git\s+clone\s+\S*/{name}(?:\.git)?/?(?:\s|$)|git\s+clone\s+\S+\s+{name}\b"
    )
    codes = p.notebook_code or (p.user_code,)
    lines = (line.strip() for code in codes for line in code.splitlines())
    return next((line for line in lines if clone.search(line)), "")


def _fetched_by_a_cell(p, norm: str) -> bool:
    """A cell of the notebook downloads or unpacks the relative path's first folder
    (`!tar -xf aclImdb_v1.tar.gz` for `aclImdb/train/...`): then no upload is missing."""
    top = norm.lstrip("./").split("/", 1)[0]
    if not top or top == norm.lstrip("./"):
        return False
    return any(
        top in line and _FETCHES.search(line)
        for code in p.notebook_code
        for line in code.splitlines()
    )


_ENVIRON_READ = re.compile(r"""\b(?:environ\[|environ\.get\(|getenv\()\s*['"](\w+)['"]""")


def _environment_read(frame) -> str:
    """The environment variable the frame's shown code reads (`os.environ['PROJ_LIB']`), or ""."""
    found = (_ENVIRON_READ.search(line) for line in frame.code_lines)
    return next((m.group(1) for m in found if m), "")


def _module_of(filename: str) -> str:
    """`mpl_toolkits.basemap` of `.../site-packages/mpl_toolkits/basemap/__init__.py`."""
    parts = re.split(r"[\\/]+", filename)
    start = max((i + 1 for i, part in enumerate(parts) if part.endswith("-packages")), default=0)
    parts = [part.removesuffix(".py") for part in parts[start:] if part != "__init__.py"]
    return ".".join(parts[-3:]) if parts else filename


def _surely_kaggle(p: ParsedError, machine: str) -> bool:
    """Kaggle, for a hint that tells where Kaggle keeps files: a /kaggle/ path in the traceback,
    or Kaggle's /opt/conda image (never a named conda env, /opt/conda/envs/) with a notebook
    whose cells read Kaggle's inputs. /opt/conda alone is also Jupyter's Docker images and
    hosted courses, whose relative paths are not Kaggle's."""
    if machine == "kaggle":
        return True
    if any(fr.filename.startswith("/opt/conda/envs/") for fr in p.frames):
        return False
    return any("/kaggle/" in code or "../input/" in code for code in p.notebook_code)


def _elsewhere(path: str, platform: str) -> str:
    return (
        f"{code_span(path, 60)} is {platform} path: download the data and point the code at "
        "your local copy, or run the notebook there."
    )


def _drive_not_mounted(p, norm: str, writing: bool = False, mount: str = "/content/drive") -> str:
    what = "save into" if writing else "read"
    if drive_mounted_by_a_cell(p):
        # mounted already, unless that cell did not run: then a folder of the path is missing
        folder = norm.rsplit("/", 1)[0] if writing else norm
        if writing:
            return (
                "A cell mounts Drive: if it ran, the folder you save into does not exist yet; "
                f"create it first with `os.makedirs({folder!r}, exist_ok=True)`."
            )
        # the path's own Drive root (`MyDrive` or `My Drive`): the one its cells use
        root = re.match(r"(.*?/(?:My ?Drive|Shareddrives|Shared drives))(?:/|$)", norm)
        start = root.group(1) if root else mount
        return (
            f"A cell mounts Drive: if it ran, {code_span(path_tail(norm), 60)} is not on your "
            "Drive as written; check each folder's name and capitals with `os.listdir(...)`, "
            f"from `'{start}'` down."
        )
    return (
        f"The Google Drive folder you {what} is not there: mount Drive first (`from google.colab "
        f"import drive; drive.mount('{mount}')`) and check the folder names (`MyDrive`, "
        "`My Drive`) with `os.listdir`."
    )


def _mount_point(norm: str) -> str:
    """Where the path expects Drive (`gdrive/My Drive/x` → `/content/gdrive`)."""
    m = re.match(r"(.*?)/(?:My ?Drive)(?:/|$)", norm)
    if m is None or not m.group(1):
        return "/content/drive"
    folder = m.group(1)
    return folder if folder.startswith("/") else f"/content/{folder.lstrip('./')}"


def path_tail(norm: str) -> str:
    """The path under Drive's `My Drive` folder, where the reader checks it."""
    m = re.search(r"My ?Drive/(.+)", norm)
    return m.group(1) if m else norm


# A line that deletes a file or folder.
_REMOVES = re.compile(r"\b(?:os\.(?:remove|unlink|rmdir)|shutil\.rmtree)\(|\.unlink\(")
# Another call on the line that reads a path (`os.remove(os.path.join(d, os.listdir(d)[0]))`):
# the missing path may be what it read, not what is deleted.
_OTHER_PATH_CALL = re.compile(
    r"\b(?:listdir|scandir|walk|open|stat|getsize|getmtime|chdir|rename|replace|move|copy\w*"
    r"|iterdir|glob|read_\w+|load)\("
)


def _chained_missing_path(p: ParsedError) -> str:
    """The path of a FileNotFoundError the raised error carries in its chain (a Spark job's
    worker failed on it), or ""."""
    return next((path_in(m) for n, m in p.chain if n == "FileNotFoundError" and path_in(m)), "")


def _data_row_as_path(path: str) -> str:
    """A "path" that is a row of comma-separated values (`94123,Tournahu George L,3301 …`: two
    commas or more, no folder, no file suffix): the code passed a file's lines or values where
    a path goes."""
    if path.count(",") < 2 or re.search(r"[\\/]|\.[A-Za-z]\w{0,4}(?:[\s,'\"\])]|$)", path):
        return ""  # a folder, or file names (`a.csv,b.csv,c.csv`, a list's `['a.csv', …]`)
    if re.match(r"\s*[\[({]", path):
        return ""  # a list, tuple or set written as text: names, not a line of data
    return (
        f"{code_span(path, 50)} is no file name but a line of comma-separated data: the code "
        "passes each line (or value) of the data where a path is expected (a reader mapped over "
        "the lines); parse the line instead (`line.split(',')`)."
    )


def _edited_cell(p, f) -> str:
    """The cell no longer holds the line that failed, and its code no longer names the file."""
    ran = edited_failing_line(p)
    name = f.get("filename", "")
    now = "\n".join(p.user_code.splitlines()[-p.cell_lines :]) if p.cell_lines else ""
    if not ran or not name or name in now:
        return ""
    return (
        f"The cell was edited after this error: it ran {code_span(ran, 50)}, which it no "
        "longer holds. Run it again, and read the new error if it still fails."
    )


def _placeholder(p, norm: str, path: str) -> str:
    """`os.chdir('path')`: an example's stand-in, or a variable's name written in quotes."""
    if not placeholder_path(norm):
        return ""
    word = norm.strip().lstrip("./").rstrip("/")
    if re.fullmatch(r"\w+", word) and any(
        re.search(rf"^\s*{word}\s*=(?!=)", code, re.M) for code in p.notebook_code or (p.user_code,)
    ):
        return (
            f"`'{word}'` in quotes is the text {word!r}, not the variable `{word}` a cell sets: "
            "remove the quotes."
        )
    return (
        f"{code_span(path, 60)} is a placeholder from an example, not a real path: replace it "
        "with the path of your own folder or file."
    )


def _path_from_the_code(p, f, path: str) -> str:
    """A slip of the code that makes the path, read before any hunt for the file."""
    name, folder = bare_listed_name(p)
    if name:
        return (
            f"`{name}` holds names from `os.listdir({folder})`, which come without their folder: "
            f"open `os.path.join({folder}, {name})`."
        )
    use = written_after_read_open(p, f.get("filename", ""))
    if use:
        return (
            f"The cell opens {code_span(path, 40)} for reading (`'r'`) but writes to it "
            f"(`{use}`): open it with `'w'` (or `'a'` to add), which creates the file."
        )
    return ""


def _mixed_separators(path: str) -> str:
    """The path's last part when it holds a backslash after a `/` (`out/resize_a\\img.jpg`),
    else ""."""
    tail = path.rsplit("/", 1)[-1] if "/" in path else ""
    return tail.replace("\\\\", "\\") if "\\" in tail and not path_escape(path) else ""


def _program_missing(p: ParsedError) -> str:
    call = failing_call(p)
    what = f"`{call.text}`" if call else "The code"
    program = next((_PROGRAMS[fr.package] for fr in p.frames if fr.package in _PROGRAMS), "")
    needs = f" ({program})" if program else ""
    return (
        f"{what} starts a program that is not installed or not on PATH{needs}: install it as a "
        "system program, then restart the kernel."
    )


def _creates_a_folder(p) -> bool:
    """The refused call is one that makes folders: the last frame is `os.makedirs`/`os.mkdir`
    or pathlib's `mkdir` (or the cell's own line calls one, when no frame is below it)."""
    last = p.frames[-1] if p.frames else None
    if last is not None and not last.is_user:
        return last.function in ("makedirs", "mkdir") and last.package in ("os", "pathlib")
    return bool(re.search(r"\b(?:makedirs|mkdir)\(", p.user_line))


def _permission_denied(p, f):
    if "Read-only file system" in p.message or "Errno 30" in p.message:
        if "/kaggle/input" in p.message or "../input" in p.message:
            return "Kaggle's input folder is read-only: write your files to `/kaggle/working/`."
        relative = _relative_path_written(p.message)
        if relative:
            # a relative path already goes to the working folder: that is the read-only one
            colab = " (on Colab, `/content/`)" if p.saved_by_colab else ""
            return (
                f"`{relative}` is relative, so it goes to the kernel's working folder "
                f"(`os.getcwd()`), which is read-only here: write to a full path in a folder "
                f"you may write to{colab}."
            )
        return (
            "That folder is read-only: save your files somewhere you may write, e.g. the "
            "notebook's folder."
        )
    where = f" `{f['path']}`" if f.get("path") else " the file"
    if _creates_a_folder(p):
        # `os.makedirs` was refused: a folder to make, so no lock of Excel and no file to open
        return (
            f"The kernel may not create the folder{where.replace(' the file', '')} there (no "
            "write permission in its parent folder): make it point to a folder you may write "
            "to, e.g. one inside the notebook's folder."
        )
    return (
        f"The kernel may not open{where}: close it in other programs (Excel locks files on "
        "Windows) or check its permissions, and make sure it is a file, not a folder."
    )


def _relative_path_written(message: str) -> str:
    """The path a read-only error quotes (`[Errno 30] Read-only file system: 'out.txt'`) when
    it is relative to the working folder (no `/`, `~`, `..`, `\\` or drive start), else ""."""
    m = re.search(r"""Read-only file system:\s*(['"])([^'"]+)\1""", message)
    if not m or is_absolute(m.group(2)) or re.match(r"~|\.\.|\\|[A-Za-z]:", m.group(2)):
        return ""
    return m.group(2)


def _file_or_folder_mixup(p, f):
    if f.get("kind") == "NotADirectoryError":
        return f"A part of `{f.get('path', 'the path')}` is a file where a folder is expected."
    if re.search(r"\bos\.(?:remove|unlink)\(|\.unlink\(", p.user_line):
        # deleting, not opening: the folder is the thing to remove
        return (
            f"`{f.get('path', 'The path')}` is a folder, and `os.remove` deletes files only: "
            "remove a folder with `shutil.rmtree(path)` (or `os.rmdir(path)` when it is empty)."
        )
    return (
        f"`{f.get('path', 'The path')}` is a folder, not a file: open a file inside it, "
        "e.g. `os.path.join(folder, name)`."
    )


def _path_exists(p, f):
    """When: the call makes a folder (`mkdir`/`makedirs` on the failing line or in the deepest
    frames), for `exist_ok=True`; a link or rename (`'a' -> 'b'`) names its target `b`; any
    other call is told to check or remove the path first."""
    target = re.search(r"""['"][^'"]+['"]\s*->\s*['"]([^'"]+)['"]""", p.message)
    if target:
        return (
            f"`{target.group(1)}`, the target of this link or move, already exists (an earlier "
            "run may have made it): skip this step when `os.path.exists(...)` says it is there, "
            "or remove it first."
        )
    path = _existing_path(p.message)
    named = f"`{path}`" if path else "The path"
    if re.search(r"\b(?:mkdir|makedirs)\(", p.user_line) or any(
        fr.function.rsplit(".", 1)[-1] in ("mkdir", "makedirs") for fr in p.frames[-3:]
    ):
        return f"{named} already exists: use `os.makedirs(path, exist_ok=True)`."
    if _refused_by_library(p):
        # a library's own check on a file it is about to write: the step itself is wanted
        return (
            f"{named} already exists, and the library refuses to write over it: remove it or "
            "use a new file name before this step (or the library's overwrite/append option)."
        )
    return (
        f"{named} already exists, and this call creates it anew: skip this step when "
        "`os.path.exists(...)` says it is there, or remove it first."
    )


def _refused_by_library(p: ParsedError) -> bool:
    """The FileExistsError is a library's own `raise` (its last frame, not the OS's call):
    the library checked the file it was about to write, an output of the step."""
    last = p.last_frame
    return (
        last is not None
        and not last.is_user
        and last.library is not None
        and "raise FileExistsError" in last.failing_line
    )


def _existing_path(message: str) -> str:
    """The path a FileExistsError quotes at its end, whatever the message's language
    (`[WinError 183] …: 'C:/doit'`)."""
    m = re.search(r""":\s*b?(['"])([^'"]+)\1\s*$""", message.strip())
    return m.group(2) if m else path_in(message)


def _invalid_json(p, f):
    if f.get("from_response"):
        return (
            "The server's answer is not JSON (often empty or an HTML error page): check "
            "`response.status_code` and `response.text` before calling `.json()`."
        )
    if re.search(r"line 1 column 1 \(char 0\)|No JSON object could be decoded", p.message):
        return (
            "The text does not start like JSON at all: it is empty, or something else (an HTML "
            "page, plain text); print its first characters."
        )
    if "Invalid control character" in p.message:
        # a raw tab or line break inside a JSON string: JSON needs it written as `\t`, `\n`
        return (
            "A JSON string in the text holds a raw control character (a tab or a line break), "
            "which JSON allows only escaped: remove such characters from what is sent or "
            "written, or parse with `json.loads(text, strict=False)`."
        )
    if "Expecting property name enclosed in double quotes" in p.message:
        # JSON's keys take double quotes: a Python dict's repr ('key') or a trailing comma
        return (
            "A key there is not in double quotes (single quotes, as Python prints a dict) or a "
            "comma stands before `}`: write the text as JSON, or read a Python literal with "
            "`ast.literal_eval`."
        )
    return (
        "The text is not valid JSON: check the file is complete JSON (for one object per line use "
        "`pd.read_json(path, lines=True)`)."
    )


def _wrong_text_encoding(p, f):
    codec = f.get("codec") or "utf-8"
    if _raised_by_tensorflow_op(p):
        # TensorFlow decodes the status message of a failed op (the system's own, in its
        # language on Windows) as UTF-8: what failed is hidden, and no text file was read
        return (
            "TensorFlow could not decode the error message of the op it ran (a system message "
            "in the machine's language), so the real error is hidden: no file's text is at "
            "fault. Check what the op reads, e.g. that its file exists "
            "(`os.path.exists(path)` from `os.getcwd()`)."
        )
    if codec == "charmap" or re.fullmatch(r"cp125\d", codec):
        # Windows opened the file with its own code page (no encoding passed): most text files
        # today are UTF-8
        return (
            f"Windows read the file with its own code page ({codec}), as no encoding was passed: "
            "the file is most likely UTF-8, so pass `encoding='utf-8'` to the call that opens it "
            "(`open(path, encoding='utf-8')`)."
        )
    decoded = _bytes_decoded_here(p)
    if decoded:
        # `data.decode("ascii")` on the notebook's own line: bytes in memory, no file read
        other = "'utf-8'" if codec != "utf-8" else "the encoding they were written in"
        return (
            f"`{decoded}` holds bytes that are not {codec} text, and this line decodes them in "
            f"memory (no file is read): decode with {other}, or pass `errors='replace'`."
        )
    binary = _binary_reader(p)
    if binary:
        return (
            f"`{binary}` reads a binary file, but it was opened as text, which decodes it as "
            f"{codec}: open the file in binary mode, `open(path, 'rb')`."
        )
    if codec.startswith("utf") and _GZIP_SECOND_BYTE in p.message:
        # gzip files start with the bytes 1f 8b: byte 0x8b at position 1 is that mark, so the
        # file is compressed, and no text encoding reads it (latin-1 would read garbage).
        return (
            "The file is gzip-compressed (byte 0x8b at position 1 is gzip's mark), not text in "
            "another encoding: read it with `compression='gzip'` (e.g. `pd.read_csv(path, "
            "compression='gzip')`) or decompress it first."
        )
    archive = _ARCHIVE_READ.search(p.user_line)
    if archive:
        # No text encoding reads an archive's compressed bytes: latin-1 would read garbage.
        return (
            f"`{archive.group(1)}` is a compressed archive (or one part of a split one), not a "
            "text file: extract it first (all its parts together) and read the file it holds."
        )
    local = _east_asian_encoding(p) if codec.startswith("utf") else None
    if local:
        # The notebook writes in that script: its files most likely use the same legacy code page.
        return (
            f"The file is not encoded as {codec}: the notebook's text is {local[0]}, so the file "
            f"is most likely in a {local[0]} legacy encoding; pass `encoding='{local[1]}'` (or "
            f"'{local[2]}') to the call that reads it."
        )
    return (
        f"The file is not encoded as {codec}: pass its encoding, e.g. "
        "`pd.read_csv(path, encoding='latin-1')` (or 'cp1252' for files saved by Excel)."
    )


# `name.decode(` (or `name.attr.decode(`) on a line: bytes decoded in memory.
_DECODE_CALL = re.compile(r"([A-Za-z_][\w.]*)\.decode\(")


def _bytes_decoded_here(p: ParsedError) -> str:
    """The name whose bytes the notebook's own failing line decodes (`after.decode("ascii")`)
    when no library frame lies below it and the line opens or reads no file; "" otherwise."""
    if any(not fr.is_user for fr in p.frames) or ".decode(" not in p.user_line:
        return ""
    if re.search(r"\b(?:open|read_\w+|read|load\w*)\(", p.user_line):
        return ""
    m = _DECODE_CALL.search(p.user_line)
    if m is None:
        return ""
    if m.group(1) in ("codecs", "bytes", "bytearray"):
        # `codecs.decode(raw, 'ascii')`, `bytes.decode(raw)`: the bytes are the first argument
        given = call_arguments(p.user_line[m.end() - 1 :])
        return given[0] if given and re.fullmatch(r"[A-Za-z_][\w.]*", given[0]) else ""
    return m.group(1)


# gzip's mark is 1f 8b: UTF-8 reads 1f, then fails on 0x8b in position 1.
_GZIP_SECOND_BYTE = "can't decode byte 0x8b in position 1:"
# ctypes' Windows message for a DLL not on the search path.
_WINDOWS_DLL_MISSING = re.compile(
    r"Could not find module '(?:[^']*[\\/])?([^'\\/]+\.dll)' \(or one of its dependencies\)", re.I
)
# A script's name in Unicode -> (language, its Windows code page, another common encoding).
_LEGACY_ENCODINGS = (
    ("HANGUL", ("Korean", "cp949", "euc-kr")),
    ("HIRAGANA", ("Japanese", "cp932", "shift_jis")),
    ("KATAKANA", ("Japanese", "cp932", "shift_jis")),
    ("CJK", ("Chinese", "gbk", "gb18030")),
)


def _raised_by_tensorflow_op(p) -> bool:
    """The decode error is raised where TensorFlow runs an op (eager or in a session)."""
    last = p.last_frame
    return (
        last is not None
        and last.function in _TENSORFLOW_OP_RUNNERS
        and "tensorflow" in last.filename.replace("\\", "/")
    )


# Where TensorFlow hands an op to its C++ core: eager mode's `quick_execute`, a graph
# session's `_call_tf_sessionrun` (TF1 and estimators' `train`).
_TENSORFLOW_OP_RUNNERS = frozenset({"quick_execute", "_call_tf_sessionrun"})


def _east_asian_encoding(p) -> tuple[str, str, str] | None:
    """The language whose letters the cell's code (or the notebook's) writes, Korean or
    Japanese before Chinese (their texts use Chinese characters too)."""
    text = "\n".join((p.user_code, *p.notebook_code))[:200_000]
    names = {unicodedata.name(c, "").split(" ")[0] for c in set(text) if ord(c) > 0x2E7F}
    for script, encoding in _LEGACY_ENCODINGS:
        if script in names:
            return encoding
    return None


# A file name in the failing line ending as an archive that no reader decompresses by itself:
# a split zip's part (`news.csv.z02`, `data.zip.001`), 7-Zip, RAR.
_ARCHIVE_READ = re.compile(r"""['"]([^'"]*?\.(?:z\d\d|zip\.\d{3}|7z|rar))['"]""", re.I)


def _binary_reader(p) -> str:
    """`pickle.load(f)` of a file opened with `'r'`: the reader that needs bytes."""
    m = re.search(r"\b((?:pickle|joblib|dill|cloudpickle)\.load|np\.load)\s*\(", p.user_line)
    if m and re.search(r"""\bopen\s*\([^)]*,\s*(?:mode\s*=\s*)?['"]r['"]""", p.user_code):
        return m.group(1)
    return ""


# Addresses that serve an HTML page about a dataset, never the file itself: Kaggle's dataset
# pages and Google Drive's file viewer.
_WEB_PAGE = re.compile(
    r"https?://(?:www\.)?(kaggle\.com)/[^\s'\"]+|https?://(drive\.google\.com)/file/d/[^\s'\"]+"
)


# GitHub's HTML page of a file (`/blob/`) or folder (`/tree/`), never the file's bytes.
_GITHUB_PAGE = re.compile(r"https?://github\.com/[^\s'\"]+/(blob|tree)/[^\s'\"]+")
# A file name quoted on a line, with its folders left out.
_QUOTED_FILE_NAME = re.compile(r"""['"](?:[^'"\n]*/)?([^'"/\n]+\.\w{1,5})['"]""")


def _github_page_fetched(p) -> tuple[str, str] | None:
    """(file name, `blob` or `tree`) when a cell downloads (`!wget`, `urlretrieve`) GitHub's
    page of the very file name the failing line reads: what was saved is HTML."""
    read = set(_QUOTED_FILE_NAME.findall(p.user_line))
    for code in (*p.notebook_code, p.user_code):
        for line in code.splitlines():
            if not _FETCHES.search(line):
                continue
            for m in _GITHUB_PAGE.finditer(line):
                name = m.group(0).rstrip("/").rsplit("/", 1)[-1]
                if name in read:
                    return name, m.group(1)
    return None


# `pd.read_csv('cars.xlsx')`: a text reader given a workbook's name
_WORKBOOK_READ_AS_TEXT = re.compile(
    r"\bread_(?:csv|table|fwf)\(\s*[rR]?['\"]([^'\"]+\.(?:xlsx|xlsm|xlsb|xls|ods))['\"]"
)
_QUOTES_OFF = re.compile(r"\bquoting\s*=\s*(?:csv\.QUOTE_NONE\b|3\b)")


# More lines than any title, comment block or ARFF header holds before its table.
_LONGEST_PREAMBLE = 500


def _table_read_as_one_field(p, line: int) -> bool:
    """ "Expected 1 fields in line 4319": thousands of lines of one field are the table itself,
    read with a separator it does not use (a tab file with the default comma), not lines before
    it; a call that sets the separator already is not told so."""
    return line > _LONGEST_PREAMBLE and not re.search(r"\b(?:sep|delimiter)\s*=", p.user_line)


_SEPARATOR_ARGUMENT = re.compile(r"\b(?:sep|delimiter)\s*=\s*(?:r?(['\"])[^'\"\n]*\1|\w+)")
_TABLE_READ = re.compile(r"\.read_(?:csv|table)\(")


def _separator_added_since(p) -> str:
    """The separator argument (`sep="\\t"`) the crashing cell's saved code now passes to the
    failing line's reader when the line that ran passed none: the cell was edited after the
    error, and the edit is the fix for a file read with the wrong separator. "" otherwise."""
    ran = edited_failing_line(p)
    if not ran or not _TABLE_READ.search(ran) or _SEPARATOR_ARGUMENT.search(ran):
        return ""
    for line in p.user_code.splitlines()[-p.cell_lines :]:
        if line.lstrip().startswith("#") or not _TABLE_READ.search(line):
            continue
        added = _SEPARATOR_ARGUMENT.search(line)
        if added and _without_spaces(_SEPARATOR_ARGUMENT.sub("", line)) == _without_spaces(ran):
            # `sep=','` to `read_csv` (`'\t'` to `read_table`) is the separator the failed read
            # used already: the edit changes nothing, the next run fails the same way
            value = added.group().split("=", 1)[1].strip().lstrip("r")
            defaults = ("\\t", "\t") if ".read_table(" in line else (",",)
            if value[1:-1] in defaults:
                return ""
            return added.group()
    return ""


def _without_spaces(line: str) -> str:
    """A call's text without spaces and the empty place a removed argument leaves."""
    squeezed = "".join(line.split())
    return squeezed.replace(",,", ",").replace(",)", ")").replace("(,", "(")


# pandas' count of a row's fields against the first line's: "Expected 20 fields in line 6, saw 22"
_FIELDS_COUNTED = re.compile(r"Expected (\d+) fields? in line (\d+), saw (\d+)")


def _one_field_more_or_so(fields: re.Match) -> bool:
    """The row has a few fields more than a first line of several (24 against 26): a separator
    inside a text field. A first line of one or two fields against many more (2 against 12) is
    more often a title or notes above the table than its header."""
    expected, saw = int(fields.group(1)), int(fields.group(3))
    return expected >= 3 and saw - expected <= 3


def _unreadable_format(p, f):
    detail = f.get("detail", "")
    # `/blob/` and `/tree/` addresses are both GitHub's HTML pages (GitHub serves a file's
    # `/tree/` address as its `/blob/` page).
    blob = re.search(
        r"https?://github\.com/[^\s'\"]+/(blob|tree)/[^\s'\"]+", p.user_code + p.user_line
    )
    if blob and ("tokenizing" in detail or "No columns" in detail):
        return (
            f"The URL is GitHub's web page for the file (`/{blob.group(1)}/`), not the file: "
            "use its raw address (the “Raw” button: raw.githubusercontent.com/…, or add "
            "`?raw=true`)."
        )
    fetched = _github_page_fetched(p)
    if fetched and ("tokenizing" in detail or "No columns" in detail):
        name, kind = fetched
        return (
            f"A cell downloads `{name}` from GitHub's web page for it (`/{kind}/`), so the file "
            "is that HTML page, not the table: download its raw address instead "
            "(raw.githubusercontent.com/…, or add `?raw=true`)."
        )
    page = _WEB_PAGE.search(p.user_code + p.user_line)
    if page and ("tokenizing" in detail or "No columns" in detail):
        return (
            f"The {page.group(1) or page.group(2)} address is a web page about the data "
            "(HTML), not the file: download the file (or use its direct download address) and "
            "read that."
        )
    if "EOF inside string" in p.message:
        return (
            "A quote character opens a field that never closes, so pandas read to the end of "
            "the file: check that row's quotes, or pass `quoting=csv.QUOTE_NONE` "
            "(with `import csv`) if quotes are plain text in this file."
        )
    one = re.search(r"Expected 1 fields? in line (\d+), saw (\d+)", p.message)
    if "tokenizing" in detail and one and _DOWNLOADS.search(p.user_code):
        # a file the cell downloaded may be no table at all: a server's error page, a binary
        return (
            f"The file's first line has one field but line {one.group(1)} has {one.group(2)}, "
            "and the cell downloads its files: open one and look at its first lines, since a "
            "server's error page or another format reads so; if it is a table after a title or "
            "comments, skip those (`skiprows=...`, `comment=...`)."
        )
    separator = _separator_added_since(p) if "tokenizing" in detail and one else ""
    if separator:
        # the run read the file with commas; the saved cell now passes the file's separator
        return (
            f"The cell was edited after this error: the read that failed passed no separator, "
            f"and the cell now passes `{separator}`, which explains a first line of one field: "
            "run the cell again."
        )
    if "tokenizing" in detail and one and _table_read_as_one_field(p, int(one.group(1))):
        return (
            f"Lines 1 to {int(one.group(1)) - 1} were each read as one field and line "
            f"{one.group(1)} as {one.group(2)}: the file is no comma-separated table (tabs, `;`, "
            "or one column of text with a comma in that line); pass its separator, e.g. "
            "`sep='\\t'` or `sep=';'`."
        )
    if "tokenizing" in detail and one:
        # A wrong separator gives every row one field, with no error: here only the first
        # line has one, so lines before the table (a title, comments, an ARFF header) are read.
        return (
            f"The file's first line has one field but line {one.group(1)} has {one.group(2)}: "
            "lines before the table (a title, comments, another format's header) are read as "
            "its header; skip them (`skiprows=...`, `comment=...`) or use that format's reader."
        )
    if "tokenizing" in detail and "engine='python'" in p.message:
        return (
            "pandas' fast reader could not read the file itself (not its content): pass "
            "`engine='python'` as the message says; if that fails too, check the file opens."
        )
    workbook = _WORKBOOK_READ_AS_TEXT.search(p.user_line)
    if "tokenizing" in detail and workbook:
        # an Excel workbook's zipped bytes read as text split at random commas
        return (
            f"`{workbook.group(1)}` is an Excel workbook, not a text table: read it with "
            "`pd.read_excel(...)`, not a separator or skipped rows."
        )
    if "tokenizing" in detail and _QUOTES_OFF.search(p.user_line):
        # with quoting off, a separator inside a quoted field splits it: no separator fits
        return (
            "The call passes `quoting=csv.QUOTE_NONE`, so a separator inside a quoted field "
            "splits it into more fields: if the file quotes its fields, remove `quoting=`; "
            "else look at that line of the file."
        )
    fields = _FIELDS_COUNTED.search(p.message)
    if (
        "tokenizing" in detail
        and fields
        and _one_field_more_or_so(fields)
        and "names=" not in p.user_line
    ):
        # the separator split the first line read into several fields, so it fits the file
        # (a wrong one leaves one field there); a longer row holds one inside a field
        expected, line, saw = fields.groups()
        return (
            f"The separator split the first line into {expected} fields, so it fits the file, "
            f"but line {line} has {saw}: most often a text field there holds the separator "
            "without quotes (a comma in a title). Fix that row's quoting in the file, or skip "
            "such rows with `on_bad_lines='skip'`."
        )
    if "tokenizing" in detail and re.search(r"Expected \d+ fields? in line", p.message):
        return (
            "pandas could not split a row into the header's columns: set the right separator "
            "(`sep=';'`, `sep='\\t'`) or skip bad rows with `on_bad_lines='skip'`."
        )
    if "tokenizing" in detail and "malformed input" in p.message:
        # "Buffer overflow caught - possible malformed input file": the C reader broke on
        # the file's bytes (line endings, a binary or broken file), no field count is named
        return (
            "pandas' fast reader broke on the file's bytes (it calls the file malformed): "
            "open the file to check it is a complete text table, then try `engine='python'` "
            "or `lineterminator='\\n'`."
        )
    if "image" in detail and "BytesIO object" in p.message:
        # bytes in memory, not a file in a folder: most often what a web address served
        if ".content" in p.user_line or "urlopen" in p.user_line:
            return (
                "The downloaded bytes are not an image: the address most likely serves a web "
                "page or an error, so use the image's direct address and check the response's "
                "`headers['Content-Type']` is an image type."
            )
        return (
            "The bytes given to PIL in memory are not an image file: check where they come "
            "from (a download's page or error, or text instead of bytes)."
        )
    if "image" in detail:
        return (
            "The image file is corrupt or not an image: remove it from the folder or skip files "
            "that fail to open."
        )
    text_file = re.search(r"['\"]([^'\"]+\.(?:csv|txt|tsv))['\"]", p.user_line)
    if "Excel" in detail and text_file:
        return (
            f"`{text_file.group(1)}` is a text file, not an Excel workbook: read it with "
            "`pd.read_csv(...)`."
        )
    if "xlsx file; not supported" in detail and not any(fr.library == "pandas" for fr in p.frames):
        # xlrd called by the code itself: no pandas `engine` to pass.
        return (
            "xlrd 2 reads only old `.xls` files: open an `.xlsx` workbook with openpyxl "
            "(`openpyxl.load_workbook(path)`)."
        )
    if "Excel" in detail:
        return "pandas cannot tell the Excel format: pass `engine='openpyxl'` for .xlsx files."
    if "allow_pickle" in detail:
        return _pickled_array(p)
    if writes_file(p) and re.search(r"[Uu]nknown .*format", p.message):
        # `nib.streamlines.save(t, 'out.tck')`: a writer picks the format by the file name,
        # so no content is read here
        ext = _extension_in(p.message)
        named = f" (`{ext}`)" if ext else ""
        return (
            f"The save picks its format from the file name's extension{named}, and knows none "
            "for it: use an extension this library (in this version) can write, or pass the "
            "format explicitly if its save function takes one."
        )
    return (
        "The file's content does not match the reader you use: check it is complete and of the "
        "expected format (not an HTML page or a Git LFS pointer saved under that name)."
    )


_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(\d\d)(?!\d)")


def _impossible_date(filename: str) -> str:
    """`2020-04-31` when ``filename`` holds a year, month and day (`..._20200431.csv`) that make
    no date of the calendar; else ""."""
    import datetime

    m = _DATE_IN_NAME.search(filename)
    if m is None:
        return ""
    year, month, day = map(int, m.groups())
    if day == 0 or day > 31:
        return ""  # not a day: the digits are something else
    try:
        datetime.date(year, month, day)
    except ValueError:
        return f"{year}-{month:02d}-{day:02d}"
    return ""


_ADDED_PATH = re.compile(r"^[ \t]*(\w+)[ \t]*=[ \t]*(\w+[ \t]*\+[ \t]*\w+)[ \t]*$", re.M)


def _path_added_to_listed_name(p) -> str:
    """`file_path = file_loc + i` in code that lists a folder (`os.listdir`, `glob`), with
    `file_path` passed on a failing line of the user's: the `a + b` that built the missing
    path, else "" (a sum used elsewhere, `total = count + n`, is no path)."""
    code = p.user_code
    if not re.search(r"\blistdir\(|\bglob\(|\bscandir\(", code):
        return ""
    failing = [fr.failing_line for fr in p.frames if fr.is_user]
    for m in _ADDED_PATH.finditer(code):
        if any(re.search(rf"\b{m.group(1)}\b", line) for line in failing):
            return m.group(2)
    return ""


def _built_from(p, filename: str) -> str:
    """The file name the code writes (`Trial 1.xlsx`) that the missing ``filename`` (`temp_Trial
    1.xlsx`) ends with, when the code writes no ``filename`` itself: the code built the name."""
    if not filename:
        return ""
    code = "\n".join((p.user_code, *p.notebook_code))
    if filename in code:
        return ""
    for m in re.finditer(r"""[/\\'"]([^/\\'"\n]{3,}\.\w{2,5})['"]""", code):
        written = m.group(1)
        if filename.endswith(written) and len(filename) > len(written):
            return written
    return ""


def _extension_in(message: str) -> str:
    """The extension of the file name the message quotes (`.tck`), or ""."""
    m = re.search(r"""['"][^'"]*?(\.[A-Za-z0-9]{1,6})['"]""", message)
    return m.group(1) if m else ""


def _pickled_array(p: ParsedError) -> str:
    """NumPy >= 1.16.3 loads arrays of Python objects only when asked to."""
    library = next((fr.package for fr in p.frames if fr.library and fr.library != "numpy"), "")
    if library:
        return (
            f"`{library}`'s loader calls `np.load` without `allow_pickle=True`, which NumPy "
            f"1.16.3 and later require for this file: upgrade `{library}` (or use an older NumPy)."
        )
    return (
        "The file holds arrays of Python objects, which `np.load` reads only with "
        "`allow_pickle=True`: pass it if you trust the file."
    )


def _nltk_package(resource: str) -> str:
    """The name `nltk.download` takes for a resource path: `punkt` for `punkt`, for
    `corpora/wordnet` and for `tokenizers/punkt/PY3/english.pickle` (older NLTK quotes the file
    inside the package's folder)."""
    parts = [part for part in resource.split("/") if part]
    name = parts[1] if len(parts) > 1 else parts[0] if parts else ""
    return name.removesuffix(".zip")


def _nltk_data_missing(p, f):
    """When: the message names the resource (else the safe hint quotes NLTK's own fix)."""
    res = f.get("resource")
    if not res:
        return None
    return f"NLTK's data `{res}` is not downloaded: run `import nltk; nltk.download('{res}')` once."


def _unloadable_saved_file(p, f):
    if _dateutil_error(p):
        return _unreadable_date(p.message)  # a value is no date, no file is read
    if "Weights only load failed" in p.message:
        return (
            "PyTorch >= 2.6 loads only tensors by default: pass `weights_only=False` to "
            "`torch.load` if you trust the file, or save and load a `state_dict` instead."
        )
    index = re.search(
        r"Could not construct index\. Requested to use (\d+) number of columns, but (\d+) left",
        p.message,
    )
    if index:
        # pandas' C parser: the data rows hold more fields than the header, and it takes the
        # extra leading ones as the index; the file was read, it is not empty or truncated.
        asked, extra = index.groups()
        return (
            f"The first data row has {extra} more fields than the header, which pandas takes as "
            f"index columns, while `index_col` asks for {asked}: open the file and compare a row "
            "with the header (a value holding commas, written unquoted, splits into many fields)."
        )
    if _download_cut_short(p):
        return (
            "The archive the library downloaded is incomplete (the download was cut short): "
            "delete the downloaded file from the data folder and run the download again."
        )
    return (
        "The saved file is empty, truncated or of another format than the loader expects: save it "
        "again and load it with the same library (and version) that wrote it."
    )


def _download_cut_short(p) -> bool:
    """A compressed file ends early while a library's download function unpacks what it just
    fetched (torchvision's `download_and_extract_archive`): the user saved nothing."""
    if "ended before the end-of-stream marker" not in p.message:
        return False
    return any("download" in fr.function for fr in p.frames if not fr.is_user)


def _dateutil_error(p: ParsedError) -> bool:
    """The ParserError is dateutil's (a text it could not read as a date), raised in its
    parser: pandas' own ParserError comes from its CSV readers."""
    return p.ename == "ParserError" and any(fr.package == "dateutil" for fr in p.frames[-3:])


def _unreadable_date(message: str) -> str | None:
    """dateutil's "<reason>: <text>": the text it could not read as a date. A whole number of
    five digits may be a spreadsheet's day count (`39032`), named as a possibility."""
    m = re.match(r"(.+): (\S.*)$", message.strip())
    if m is None:
        return None
    reason, value = m.group(1).rstrip("."), m.group(2).strip()
    serial = (
        f" A number such as `{value}` may be an Excel date (days since 1899-12-30), which "
        "`pd.to_datetime(numbers, unit='D', origin='1899-12-30')` converts."
        if re.fullmatch(r"[1-9]\d{4}(?:\.0)?", value)
        else ""
    )
    return (
        f"`{value[:40]}` is no date dateutil can read ({reason}): find such values with "
        "`pd.to_datetime(col, errors='coerce')`, which makes them NaT, and fix or drop them."
        f"{serial}"
    )


def _data_file_unreadable(p, f):
    return (
        "The data file could not be opened by the reader: check the path, that the file is "
        "complete, and that the format (or sheet name) is the one the reader expects."
    )


def _invalid_path(p, f):
    path = f.get("path", "")
    if not path and re.search(r": ''$", p.message.strip()):
        return (
            "The path passed is empty (`''`): the variable that holds it is empty (a cancelled "
            "dialog, a setting not filled in); print it before this line."
        )
    if re.search(r"[A-Za-z]:[\\/].*[A-Za-z]:[\\/]", path):
        return (
            f"{code_span(path)} holds two absolute paths one after the other: join a folder with "
            "a bare file name only (`os.path.join(folder, name)`), or use the full path once."
        )
    if re.match(r"[a-z][a-z0-9+.-]*://", path) and not f.get("url"):
        return (
            f"{code_span(path)} is a storage URL, not a local file: open it with a library that "
            "reads that storage (`fsspec`/`gcsfs`, `tf.io.gfile`), or download it first."
        )
    if _text_for_a_path(p.message):
        return (
            "The file name passed is text with line breaks (the data itself, not a path): pass "
            "the file's path, or, to read this text as a file, wrap it in `io.StringIO(...)`."
        )
    if not path:
        return (
            "The operating system rejected an argument of this file operation (Errno 22): check "
            "the path and mode you pass (on macOS, writing over 2 GB in one call also raises it)."
        )
    if f.get("url"):
        return (
            f"{code_span(path)} is a URL, but this function opens local files only: read it with "
            "`pd.read_csv(url)` (or similar), or download it first with "
            "`urllib.request.urlretrieve`."
        )
    if f.get("escape"):
        return _backslash_escape_in_path(path, f["escape"])
    if f.get("characters"):
        chars = " ".join(f"`{c}`" for c in f["characters"].split())
        return (
            f"The file name in {code_span(path)} contains {chars}, which Windows does not allow in "
            "file names: replace it (e.g. with `_` or `-`)."
        )
    return (
        f"The path {code_span(path)} is not valid on this system: look for a character Windows "
        "does not allow (`:` `?` `*` `|` `<` `>`), a name ending in a space or dot, or a very long "
        "path."
    )


def _text_for_a_path(message: str) -> bool:
    """Errno 22's argument is text of several lines with no folder in it (`'c1','c2' \\n
    'x','y'`): data given where a path goes. A Windows path whose `\\n` is an escape (`C:\\new`)
    has a drive or a separator, and one line break at most."""
    m = re.search(r"Invalid argument:\s*(['\"])(.*)\1\s*$", message, re.S)
    if m is None:
        return False
    text = m.group(2)
    breaks = len(re.findall(r"\\n|\n", text))
    folder = re.search(r"^[A-Za-z]:|/|\\\\", text)
    return breaks >= 2 and not folder


def _opencv_file_unreadable(p, f):
    return (
        "OpenCV could not read the model or image file: check the path and that the file is "
        "complete and of the expected format (e.g. .cfg and .weights swapped)."
    )


def _excel_sheet_missing(p, f):
    sheet = f.get("sheet") or f.get("sheet2")
    what = f"no sheet `{sheet}`" if sheet else "no such sheet"
    return (
        f"The Excel file has {what}: list its sheets with `pd.ExcelFile(path).sheet_names` and "
        "check the spelling and spaces (or pass `sheet_name=0` for the first)."
    )


HINTS: dict[str, Template] = {
    NOT_FOUND: _missing_file,
    PERMISSION_DENIED: _permission_denied,
    IS_A_DIRECTORY: _file_or_folder_mixup,
    EXISTS: _path_exists,
    JSON_DECODE: _invalid_json,
    UNICODE_DECODE: _wrong_text_encoding,
    UNSUPPORTED_FORMAT: _unreadable_format,
    NLTK_RESOURCE: _nltk_data_missing,
    BAD_PICKLE: _unloadable_saved_file,
    RASTER_IO: _data_file_unreadable,
    INVALID_PATH: _invalid_path,
    OPENCV_PARSE: _opencv_file_unreadable,
    SHEET_NOT_FOUND: _excel_sheet_missing,
}


# OS errors whose message alone says what is wrong, whatever the path (by their words: the errno
# numbers differ between Linux, macOS and Windows): the safe hint's look for
# an OSError no rule above explains ("print the path" sends the user to a path that is fine).
_ERRNO_LOOKS: tuple[tuple[re.Pattern, str, str], ...] = (
    (
        re.compile(r"Directory not empty|directory is not empty", re.I),
        "rmdir",
        "`os.rmdir` removes only empty folders: delete a folder with its contents with "
        "`shutil.rmtree(path)`.",
    ),
    (
        re.compile(r"Directory not empty|directory is not empty", re.I),
        "",
        "The folder is not empty, and this call needs an empty one: empty it first, or delete it "
        "with its contents with `shutil.rmtree(path)`.",
    ),
    (
        re.compile(r"cross-device link|cannot move the file to a different disk", re.I),
        "",
        "A rename cannot move a file to another drive or file system: use `shutil.move(src, dst)`.",
    ),
    (
        re.compile(r"File name too long|filename or extension is too long", re.I),
        "",
        "The path is longer than the file system allows: shorten the file or folder names.",
    ),
    (
        re.compile(r"being used by another process", re.I),
        "",
        "Another program (or this notebook, through a file it has not closed) holds the file: "
        "close it there (Excel, a viewer, `f.close()`; open files with `with open(...)`), then "
        "retry.",
    ),
    (
        # TF Hub's "https://tfhub.dev/… does not appear to be a valid module": the message's
        # subject is a web address, so the working folder and a local path are not the matter.
        re.compile(r"^\s*['\"]?https?://\S+ (?:does not|is not|could not|cannot)\b"),
        "",
        "The resource is a web address, not a file on this machine: open it in a browser to see "
        "what it serves now (a model or file that moved or was retired serves a web page or an "
        "error instead), and use its current address.",
    ),
    (
        re.compile(r"Too many open files", re.I),
        "",
        "The process has too many files open: close them (open files with `with open(...)`), "
        "or start fewer worker processes (a data loader's `num_workers`).",
    ),
)


# A file in the system's temporary folder (Windows' `...\\Temp\\tmpab12.csv`, `/tmp/...`)
_TEMP_PATH = re.compile(r"[\\/](?:Temp|tmp)[\\/]+tmp\w*\.\w+['\"]?\s*$", re.I)


def _library_temp_file_locked(parsed: ParsedError, said: str) -> str:
    """h2o's `H2OFrame(df)` removes the temporary CSV it wrote while its server still reads it:
    a library's own temporary file, locked from inside the library, is no file the user left
    open in Excel or with `open()`."""
    last = parsed.last_frame
    if last is None or last.is_user or "being used by another process" not in said:
        return ""
    return (last.library or "") if _TEMP_PATH.search(said) else ""


def errno_look(parsed: ParsedError) -> str:
    """What an OS error's message says is wrong, when it names a condition of the file system
    rather than a path to check (a folder not empty, a cross-device rename); else ""."""
    said = parsed.message[:500]
    library = _library_temp_file_locked(parsed, said)
    if library:
        return (
            f"The locked file is a temporary file `{library}` wrote itself, not one your code "
            "opened: another process still holds it (often the library's own server, or a virus "
            "scan); retry, or search for this error with the library's name and version."
        )
    for pattern, call, look in _ERRNO_LOOKS:
        if pattern.search(said) and (not call or re.search(rf"\b{call}\(", parsed.user_line)):
            return look
    return ""


def _nltk_corpus_entry(norm: str) -> str:
    """`stopwords.words('marathi')` on a downloaded corpus without that list: NLTK opens
    `nltk_data/corpora/<corpus>/<entry>`, and the entry is missing from the corpus itself (a
    corpus not downloaded at all raises LookupError instead), so no path of the user's is wrong."""
    found = re.search(r"nltk_data/corpora/(\w+)/([^/]+)$", norm)
    if not found:
        return ""
    corpus, entry = found.groups()
    return (
        f"NLTK's `{corpus}` corpus has no `{entry}` entry: print `{corpus}.fileids()` for the "
        "ones it has, and supply your own list for a missing language."
    )


def _chatgpt_sandbox_path(p, norm: str) -> str:
    """`/mnt/data/...` on a Windows machine: no such folder can exist there; it is the folder
    ChatGPT's code sandbox keeps uploaded files in, so the file is somewhere else on this one."""
    if not norm.startswith("/mnt/data/"):
        return ""
    if not any(re.match(r"^[A-Za-z]:[\\/]|^~\\", fr.filename) for fr in p.frames):
        return ""  # on Linux `/mnt/data` may be a real mount
    return (
        f"{code_span(norm, 70)} is no path on this Windows computer (`/mnt/data` is where "
        "ChatGPT's sandbox keeps uploaded files): open the file by its path on this machine."
    )
