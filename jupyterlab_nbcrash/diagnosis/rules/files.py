"""Files and paths: missing, not permitted, a directory, of the wrong format or encoding."""

from __future__ import annotations

import difflib
import re

from ..traceback import ParsedError
from .base import RuleMatch, group_facts, named, pattern_rule

_PATH = re.compile(
    r"""(?:No such file or directory|does not exist|Permission denied|File exists|Is a directory"""
    r"""|Not a directory|cannot find the (?:path|file) specified|Invalid argument|not found"""
    r"""|non-existent directory)"""
    r"""[:\s]*b?['"]([^'"]+)['"]"""
    r"""|File b?['"]([^'"]+)['"] does not exist"""
    r"""|name = '([^']+)'"""
    r"""|(?:file|path|directory)\s+b?['"]([^'"]+)['"]""",
    re.I,
)
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
COMMON_EXTENSIONS = (
    "csv",
    "tsv",
    "txt",
    "json",
    "jsonl",
    "xlsx",
    "xls",
    "parquet",
    "pkl",
    "pickle",
    "npy",
    "npz",
    "h5",
    "hdf5",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "bmp",
    "tif",
    "tiff",
    "zip",
    "gz",
    "tar",
    "pt",
    "pth",
    "ckpt",
    "keras",
    "joblib",
    "yaml",
    "yml",
    "xml",
    "html",
    "pdf",
    "wav",
    "mp3",
    "mp4",
    "nc",
    # other real extensions, so that none is taken for a typo of the ones above
    "py",
    "ipynb",
    "md",
    "cfg",
    "ini",
    "log",
    "mat",
    "bin",
    "onnx",
    "weights",
    "sav",
    "svg",
    "hdf",
    "shp",
    "geojson",
    "sqlite",
    "db",
    "feather",
    "arff",
    "data",
    "dat",
    "model",
)
_NO_PARENT = re.compile(r"Parent directory of (\S+) doesn't exist, can't save")
# The failing line writes a file: a missing folder there is the code's, not the data's.
_WRITING = re.compile(
    r"\.to_(?:csv|excel|json|parquet|pickle|hdf)\(|savefig\(|\.save(?:_weights)?\(|imwrite\("
    r"|open\([^)]*,\s*['\"][wa]b?\+?['\"]|mode\s*=\s*['\"][wa]|\bdump\(|savetxt\(|np\.save"
)


def path_in(message: str) -> str:
    m = _PATH.search(message)
    if not m:
        return ""
    return next((g for g in m.groups() if g), "")


@named("files.not_found")
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
    facts = {"path": path}
    escape = path_escape(path)
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
            close = difflib.get_close_matches(ext, COMMON_EXTENSIONS, n=1, cutoff=0.6)
            if close:
                facts["extension_typo"] = close[0]
                certain = False
        if "/kaggle/" in path or "../input" in path:
            facts["platform"] = "Kaggle"
        elif "/content/" in path or "drive/My Drive" in path or "MyDrive" in path:
            facts["platform"] = "Google Colab"
    return RuleMatch(
        rule="files.not_found",
        crash_type="io_error",
        root_cause="environment_setting" if certain else None,
        confidence=confidence,
        facts=facts,
    )


_INVALID_PATH = re.compile(
    r"\[Errno 22\] Invalid argument|The filename, directory name, or volume label syntax"
)
# In the message the path is a repr: an odd run of backslashes before n/t/r or x07 etc. is a
# control character, i.e. a backslash escape in the user's string ('C:\new' -> newline).
_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(n|t|r|x0[789bc])")
_ESCAPE_NAMES = {"x07": "a", "x08": "b", "x09": "t", "x0b": "v", "x0c": "f"}
_WINDOWS_FORBIDDEN = re.compile(r'[:*?"<>|]')


def path_escape(path: str) -> str:
    """The backslash escape (``\\n``) a path's repr shows, or ""."""
    m = _ESCAPE.search(path)
    return "\\" + _ESCAPE_NAMES.get(m.group(1), m.group(1)) if m else ""


@named("files.invalid_path")
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
        bad = _WINDOWS_FORBIDDEN.findall(re.sub(r"^[A-Za-z]:", "", path))
        facts["characters"] = " ".join(dict.fromkeys(bad))
        if not bad and path != path.rstrip(" ."):
            facts["trailing"] = "yes"
    # Without a path the cause (a huge write on macOS, a device) is anyone's guess.
    return RuleMatch(
        rule="files.invalid_path",
        crash_type="io_error",
        confidence=0.8 if path else 0.55,
        facts=facts,
    )


RULES = (
    not_found,
    pattern_rule(
        # sheet_name= names a sheet the workbook does not have: a label that does not exist.
        "files.sheet_not_found",
        "key_error",
        r"No sheet named <?'(?P<sheet>[^']*)'>?|Worksheet named '(?P<s2>[^']*)' not found"
        r"|Worksheet index (?P<index>\d+) is invalid",
        confidence=0.85,
        facts=group_facts(sheet="sheet", sheet2="s2", index="index"),
    ),
    pattern_rule(
        "files.permission_denied",
        "io_error",
        r"Permission denied|Errno 13|Access is denied|Operation not permitted"
        r"|Read-only file system|Errno 30",
        enames={"PermissionError", "OSError", "IOError"},
        root_cause="environment_setting",
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        "files.is_a_directory",
        "io_error",
        enames={"IsADirectoryError", "NotADirectoryError"},
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message), "kind": p.ename},
    ),
    pattern_rule(
        "files.exists",
        "io_error",
        enames={"FileExistsError"},
        confidence=0.95,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        "files.json_decode",
        "io_error",
        r"Expecting (?:value|property name|',' delimiter|':' delimiter)|Extra data"
        r"|Unterminated string"
        r"|Invalid control character|Invalid \\escape|Trailing data|Expected object or value",
        enames={"JSONDecodeError", "ValueError"},
        confidence=0.9,
        facts=lambda p, m: {"from_response": "yes" if ".json()" in p.user_line else ""},
    ),
    pattern_rule(
        "files.unicode_decode",
        "io_error",
        r"codec can't decode",
        enames={"UnicodeDecodeError", "UnicodeError"},
        confidence=0.8,
        facts=lambda p, m: {
            "codec": (re.search(r"'([\w-]+)' codec", p.message) or [None, ""])[1],
        },
    ),
    pattern_rule(
        "files.unsupported_format",
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
        "files.nltk_resource",
        "io_error",
        r"Resource (?P<res>[\w/.]+) not found"
        r"|Please use the NLTK Downloader to obtain the resource",
        root_cause="environment_setting",
        library="nltk",
        confidence=0.85,
        facts=lambda p, m: {"resource": (m.group("res") or "").split("/")[-1]},
    ),
    pattern_rule(
        "files.opencv_parse",
        "io_error",
        r"OpenCV\([\d.]+\).*\(-212:\s*Parsing error\)|Failed to parse NetParameter"
        r"|Can't open \"[^\"]+\" in function",
        confidence=0.75,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    pattern_rule(
        "files.bad_pickle",
        "io_error",
        enames={"UnpicklingError", "EOFError", "BadZipFile", "EmptyDataError", "ParserError"},
        confidence=0.8,
        facts=lambda p, m: {"kind": p.ename},
    ),
    pattern_rule(
        "files.raster_io",
        "io_error",
        enames={"RasterioIOError", "DriverError", "CPLE_OpenFailedError"},
        confidence=0.7,
        facts=lambda p, m: {"path": path_in(p.message)},
    ),
    invalid_path,
)
