"""Reading paths: the path a message names, the backslash escape a Windows path's repr shows, the
extensions data files commonly have, whether the failing code writes a file, and the machine
the frames show (a path that exists only there)."""

from __future__ import annotations

import dataclasses
import re

from ..traceback import ParsedError
from ..where import runtime

_PATH = re.compile(
    r"""(?:No such file or directory|does not exist|Permission denied|File exists|Is a directory"""
    r"""|Not a directory|cannot find the (?:path|file) specified|Invalid argument|not found"""
    r"""|invalid mode \('\w+\+?'\) or filename"""
    r"""|non-existent directory)"""
    r"""[:\s]*b?['"]([^'"]+)['"]"""
    r"""|File b?['"]([^'"]+)['"] does not exist"""
    r"""|No such file(?: or no access)?:\s*b?['"]([^'"]+)['"]"""
    r"""|File `['"]([^'"`]+)['"]` not found"""
    r"""|^([^\s'"]+\.\w{1,5}) not found\.$"""
    r"""|name = '([^']+)'"""
    r"""|(?:file|path|directory)\s+b?['"]([^'"]+)['"]""",
    re.I | re.M,
)
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


def path_in(message: str) -> str:
    m = _PATH.search(message)
    if not m:
        return ""
    return next((g for g in m.groups() if g), "")


# In the message the path is a repr: an odd run of backslashes before n/t/r or x07 etc. is a
# control character, i.e. a backslash escape in the user's string ('C:\new' -> newline).
_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(n|t|r|x0[789bc])")
_ESCAPE_NAMES = {"x07": "a", "x08": "b", "x09": "t", "x0b": "v", "x0c": "f"}
WINDOWS_FORBIDDEN = re.compile(r'[:*?"<>|]')


def path_escape(path: str) -> str:
    """The backslash escape (``\\n``) a path's repr shows, or ""."""
    m = _ESCAPE.search(path)
    return "\\" + _ESCAPE_NAMES.get(m.group(1), m.group(1)) if m else ""


# pandas < 0.24 printed the missing path bare (`%s`, no repr): "File C:\\x.csv does not exist".
_BARE_PATH = re.compile(r"^File ([^'\"\n]+?) does not exist$", re.M)
# A control character in such a path: a backslash escape of the user's string made it.
_CONTROL = re.compile(r"[\t\r\x07\x08\x0b\x0c]")
_CONTROL_NAMES = {"\t": "t", "\r": "r", "\x07": "a", "\x08": "b", "\x0b": "v", "\x0c": "f"}


def bare_path_escape(message: str, code: str) -> tuple[str, str]:
    """(path, its escape `\\r`) when the message prints a path bare and a control character is
    in it, else ("", ""). Its backslashes are the string's own: only a control character tells
    of an escape, and only where the code shows it typed so (`\\ratings`): a `\\r` that ends
    a path read from a file's lines is a Windows line end, no escape."""
    m = _BARE_PATH.search(message)
    control = _CONTROL.search(m.group(1)) if m else None
    if control is None:
        return "", ""
    escape = "\\" + _CONTROL_NAMES[control.group(0)]
    after = m.group(1)[control.end() : control.end() + 8]
    if not after or escape + after not in code:
        return "", ""
    return m.group(1), escape


def as_typed(path: str) -> str:
    """The path with each control character written back as the escape that made it (`\\r`)."""
    return _CONTROL.sub(lambda m: "\\" + _CONTROL_NAMES[m.group(0)], path)


# The failing line writes a file (a missing folder there is the code's, not the data's); the
# frames of a writer function tell it when the line calls a helper that saves.
_WRITES_LINE = re.compile(
    r"\.to_(?:csv|excel|json|parquet|pickle|hdf)\(|savefig\(|\.save(?:_weights)?\(|imwrite\("
    r"|\bopen\(.*,\s*(?:mode\s*=\s*)?['\"][wax]b?\+?['\"]|\bdump\(|savetxt\(|np\.save"
)
_WRITER_FRAMES = frozenset(
    {"savefig", "imwrite", "to_csv", "to_excel", "to_pickle", "to_parquet",
     "save", "save_weights", "savetxt", "dump", "to_filehandle", "write"}
)  # fmt: skip


def writes_file(p: ParsedError) -> bool:
    """The line writes, or one of the deepest frames (those that opened the path) is a writer:
    frames further up may save a figure while a font is read."""
    deepest = [fr for fr in p.frames[-4:] if not fr.is_user]
    return bool(_WRITES_LINE.search(p.user_line)) or any(
        fr.function.rsplit(".", 1)[-1] in _WRITER_FRAMES for fr in deepest
    )


def is_absolute(path: str) -> bool:
    return bool(re.match(r"^(?:/|[A-Za-z]:/|~)", path))


def machine_of(p: ParsedError) -> str:
    """The machine the notebook ran on, from the files of its frames (not from the path it
    failed to open, which is where the notebook was written): "windows", "macos", "kaggle",
    "colab", "hosted" for the Linux images of Colab and Kaggle, "home" for a Python installed in
    a user's home folder; "" when they do not tell."""
    if p.message.startswith("[WinError"):
        # only Windows raises a WinError, whatever path (a Colab one) it failed to open
        return "windows"
    files = " ".join(" " + fr.filename for fr in p.frames)
    found = runtime(dataclasses.replace(p, text=files, message=""))
    if not found and re.search(r"/usr/local/lib/python3\.\d+/dist-packages/|/opt/conda/", files):
        return "hosted"
    if not found and _HOME_PYTHON.search(files):
        return "home"
    return found or ("colab" if p.saved_by_colab else "")


# A conda installed in a user's home folder (`~/anaconda3/lib/python3.7/site-packages`): a
# machine of one's own; Colab and Kaggle keep their Pythons under /usr/local and /opt/conda.
_HOME_PYTHON = re.compile(r"(?:^|\s)(?:~|/home/[^/\s]+)/(?:opt/)?(?:ana|mini)conda\d?/")


def on_conda_image(p: ParsedError) -> bool:
    """Kaggle's image keeps its packages under /opt/conda (Colab's under /usr/local)."""
    return any(fr.filename.startswith("/opt/conda/") for fr in p.frames)


# Words an example writes where the reader's own path goes (`os.chdir('path')`).
_PLACEHOLDER_PATHS = frozenset(
    {"path", "your_path", "yourpath", "folder_path", "file_path", "filepath", "path_to_file",
     "path_to_folder", "path_to_data", "path_to_your_file", "your_directory", "directory"}
)  # fmt: skip


def placeholder_path(norm: str) -> bool:
    """The path is an example's stand-in, not a place: a bare placeholder word, `path/to/…`,
    or `<…>` to fill in."""
    bare = norm.strip().lstrip("./").rstrip("/")
    return (
        bare.lower() in _PLACEHOLDER_PATHS
        or bare.lower().startswith("path/to/")
        or bool(re.search(r"<[^<>/]+>", bare))
    )


def _squeezed(line: str) -> str:
    return "".join(line.split())


def edited_failing_line(p: ParsedError) -> str:
    """The line the traceback shows failing in the crashing cell when the cell's own code (the
    record carries it) no longer has that line: the cell was edited after the error. ""
    otherwise."""
    cell = next((f for f in p.frames if f.is_user), None)
    if cell is None or not p.cell_lines or not cell.failing_line.strip():
        return ""
    lines = p.user_code.splitlines()[-p.cell_lines :]
    shown = _squeezed(cell.failing_line)
    if any(_squeezed(line) == shown for line in lines):
        return ""
    # `x = os.rename(a, b)` now written `os.rename(a, b)`: the edit dropped what the line kept
    # of the result, and the call that failed is still there to fail again
    call = _squeezed(_ASSIGNED_TO.sub("", cell.failing_line.strip(), count=1))
    if call != shown and any(call in _squeezed(line) for line in lines):
        return ""
    return cell.failing_line.strip()


# A line's leading plain assignment (`x = `, `a, b = `), not a comparison.
_ASSIGNED_TO = re.compile(r"^[\w\s,.\[\]'\"]+=(?!=)")


# `for f in os.listdir(d)`, also through a call that keeps the names (`sorted(`, `tqdm(`).
_LISTED = re.compile(
    r"\bfor\s+(\w+)\s+in\s+(?:(?:sorted|list|reversed|tqdm|tqdm\.tqdm|notebook\.tqdm)\()?"
    r"os\.listdir\(([^()]*)\)"
)


def bare_listed_name(p: ParsedError) -> tuple[str, str]:
    """(`name`, `folder`) when a cell's frame loops `for name in os.listdir(folder)` and its
    failing line opens `name` alone: listdir gives names without their folder, so the path is
    looked for in the working directory. ("", "") otherwise, or when the folder is `.`."""
    for frame in (f for f in p.frames if f.is_user):
        line = frame.failing_line
        for m in (_LISTED.search(code) for code in frame.code_lines):
            if m is None or m.group(2).strip().strip("'\"") in ("", "."):
                continue
            name = m.group(1)
            if "join(" not in line and re.search(rf"[(,]\s*{name}\s*[,)]", line):
                return name, m.group(2).strip()
    return "", ""


_READ_OPEN = re.compile(r"""(?:(\w+)\s*=\s*)?\bopen\((?:[^(),]+),\s*(?:mode\s*=\s*)?['"]r['"]""")


def written_after_read_open(p: ParsedError, filename: str) -> str:
    """The use that writes through a handle the code opened for reading from the missing file
    (`cf = open('x.csv', 'r')`, then `csv.writer(cf)`); "" otherwise. Read from the cell's
    lines, since a traceback printed as links (VS Code's) shows no failing line."""
    for line in p.user_code.splitlines():
        m = _READ_OPEN.search(line)
        with_as = re.search(r"\bas\s+(\w+)\s*:", line)
        handle = (m.group(1) or (with_as.group(1) if with_as else "")) if m else ""
        if not handle or not filename or filename not in line:
            continue
        use = re.search(
            rf"\bcsv\.(?:Dict)?[wW]riter\(\s*{handle}\b|\b{handle}\.write(?:lines)?\(", p.user_code
        )
        if use:
            called = use.group(0).split("(")[0]
            return f"{called}({handle})" if called.startswith("csv.") else f"{called}(...)"
    return ""


_MOUNTS_DRIVE = re.compile(r"\bdrive\.mount\(")


def drive_mounted_by_a_cell(p: ParsedError) -> bool:
    """A code cell of the notebook mounts Google Drive (`drive.mount(...)`)."""
    return any(_MOUNTS_DRIVE.search(code) for code in p.notebook_code)


# A line that unpacks an archive into the working folder, naming no folder of its own.
_UNPACKS = re.compile(
    r"\.extractall\(\s*\)|\bunpack_archive\(\s*[^,()]+\)|^\s*!\s*unzip\s+(?!.*\s-d\b)[^\n]+$"
    r"|^\s*!\s*tar\s+-?\w*x\w*\s+(?!.*\s-C\b)[^\n]+$",
    re.M,
)


def unpacking_line(p: ParsedError) -> str:
    """A line of a cell that unpacks an archive without naming where: whatever folders the
    archive holds appear in the working folder, under names the code may not show."""
    for code in p.notebook_code:
        m = _UNPACKS.search(code)
        if m:
            return next(
                (line.strip() for line in code.splitlines() if _UNPACKS.search(line)),
                m.group(0).strip(),
            )
    return ""
