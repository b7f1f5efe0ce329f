"""Syntax, indentation, file and GPU-memory hints whose claim did not hold on the crash: each
test pairs a crash where the specific sentence must speak with one where it must not.

Cells, tracebacks and messages are written here by hand in Python's and the libraries' wording
and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions7 import _indentation_hint

# ------------------------------------------------- a SyntaxError in a file an import compiles

# The frames above the file Python could not compile: (file, line, function, code shown).
_IMPORTS = (
    (
        "/usr/lib/python3/site-packages/IPython/core/interactiveshell.py",
        3553,
        "run_code",
        "exec(x)",
    ),
    ("<ipython-input-2-1f2e3d4c5b6a>", 1, "<module>", "from wrapper import Client"),
    ("/home/u/proj/wrapper.py", 3, "<module>", "from tws.lib import net"),
)


def _import_chain_hint(marked: str, last_file: str, message: str) -> str:
    """A cell imports `wrapper`, whose import compiles ``last_file`` (a frame with no
    function, as Python prints a file it could not compile)."""
    shown = [f'  File "{f}", line {n}, in {fn}\n    {code}\n' for f, n, fn, code in _IMPORTS]
    compiled = f'  File "/home/u/proj/tws/lib/{last_file}", line 88\n    {marked}\n        ^\n'
    lines = ["Traceback (most recent call last):\n", *shown, compiled, f"SyntaxError: {message}\n"]
    code = "from wrapper import Client"
    return diagnose(ErrorRecord("SyntaxError", message, tuple(lines), code=code)).hint


def test_python_2_code_in_an_imported_file_is_named_not_a_parsed_text():
    text = _import_chain_hint(
        "except (IOError, ), err:", "net.py", "invalid syntax (net.py, line 88)"
    )
    assert "`net.py` (line 88)" in text and "Python 2 code" in text, text
    assert "could not parse the text" not in text, text
    # A Python 3 file's own mistake: the file is named, no Python 2 is claimed.
    text = _import_chain_hint("x = = 1", "net.py", "invalid syntax (net.py, line 88)")
    assert "`net.py` (line 88)" in text and "Python 2" not in text, text


def test_a_text_parsed_by_a_call_is_still_the_text():
    traceback = (
        "---------------------------------------------------------------------------\n",
        "Traceback (most recent call last):\n",
        '  File "<ipython-input-5-0a1b2c3d4e5f>", line 2, in <module>\n'
        "    rows = ast.literal_eval(raw)\n",
        '  File "/usr/lib/python3.11/ast.py", line 64, in literal_eval\n'
        "    node_or_string = parse(node_or_string.lstrip(' \\t'), mode='eval')\n",
        '  File "/usr/lib/python3.11/ast.py", line 50, in parse\n'
        "    return compile(source, filename, mode, flags,\n",
        '  File "<unknown>", line 1\n    [1, 2\n         ^\n',
        "SyntaxError: '[' was never closed (<unknown>, line 1)\n",
    )
    message = "'[' was never closed (<unknown>, line 1)"
    record = ErrorRecord(
        ename="SyntaxError",
        evalue=message,
        traceback=traceback,
        code="import ast\nrows = ast.literal_eval(raw)",
    )
    assert "could not parse the text" in diagnose(record).hint


# ----------------------------------------------------------- a sentence among the code


def test_an_apostrophe_in_a_sentence_is_text_not_a_quote_to_retype():
    marked = "    model.fit(the same data again, but I’ll scale it first)"
    cell = f"for k in range(3):\n{marked}\n"
    text = _syntax_hint(cell, marked, "invalid character '’' (U+2019)")
    assert "is text, not Python" in text and "retype the quotes" not in text, text
    # Curly quotes around a string's words: retyping them is the fix.
    marked = "print(‘the model is ready now for you’)"
    text = _syntax_hint(marked, marked, "invalid character '‘' (U+2018)")
    assert "retype the quotes" in text, text


def test_a_bullet_sentence_is_text_not_a_character_to_retype():
    marked = "• The model reads the images in batches and writes the scores to a file."
    # the sentence right below a docstring's closing quotes: it may have belonged inside
    cell = f'def run():\n    """Run it."""\n{marked}\n    return 1\n'
    text = _syntax_hint(cell, marked, "invalid character '•' (U+2022)")
    assert "text outside any string" in text and "docstring" in text, text
    assert "retype that part" not in text, text


@pytest.mark.parametrize(("above", "docstring"), [('    """Search."""\n', True), ("", False)])
def test_a_sentence_whose_apostrophe_opens_a_string_is_text(above, docstring):
    marked = "    We'll draw random points and keep the best one found so far."
    cell = f"def search(n):\n    count = n\n{above}{marked}\n"
    text = _syntax_hint(cell, marked, "unterminated string literal (detected at line 4)")
    assert "has no closing quote" not in text, text
    assert ("docstring" in text) == docstring and "start it with `#`" in text, text


def test_a_string_left_open_in_code_still_needs_its_quote():
    marked = "name = 'alice"
    text = _syntax_hint(marked, marked, "unterminated string literal (detected at line 1)")
    assert "has no closing quote" in text, text


# ------------------------------------------------------------------------- indentation


def _indentation_at(cell: str, number: int, message: str) -> str:
    """The hint for an IndentationError on line ``number`` of ``cell``, its message ending
    with the place IPython names (`(<ipython-input-3-1>, line 5)`)."""
    marked = cell.splitlines()[number - 1]
    return _indentation_hint(cell, marked, f"{message} (<ipython-input-3-1>, line {number})")


def test_lines_too_deep_under_a_continued_statement_take_its_indentation():
    cell = (
        "for seed in range(5):\n"
        "    X_tr, X_te, y_tr, y_te = train_test_split(X, y,\n"
        "                                              random_state=seed)\n"
        "          clf = LogisticRegression()\n"
        "          clf.fit(X_tr, y_tr)\n"
    )
    text = _indentation_at(cell, 4, "unexpected indent")
    assert "(4 spaces)" in text and "no `if`/`for`/`def`/`with` line above" not in text, text
    # Under a top-level statement no block opens: the spaces go.
    cell = "k = 3\n  total = k * 2\n  print(total)\n"
    text = _indentation_at(cell, 2, "unexpected indent")
    assert "remove the spaces" in text, text


def test_a_missing_body_names_the_block_line_python_names():
    cell = "import numpy as np\n\ndef best(state):\nresult = np.zeros(9)\n    return result\n"
    message = "expected an indented block after function definition on line 3"
    text = _indentation_at(cell, 4, message)
    assert "The `def` line (line 3)" in text and "Line 3 (" not in text, text


def test_a_cell_that_lost_all_its_indentation_is_told_so():
    cell = "def best(state):\nresult = []\nwhile state:\nresult.append(state.pop())\n"
    message = "expected an indented block after function definition on line 1"
    text = _indentation_at(cell, 2, message)
    assert "lost their indentation" in text and "`while state:`" in text, text


# ------------------------------------------------------------------------------- files

_SITE = "/usr/lib/python3/site-packages"


def _in_site(*places: str) -> list[tuple[str, str]]:
    """Library frames below the failing line, each written `path-under-site-packages function`."""
    return [(f"{_SITE}/{place.split()[0]}", place.split()[1]) for place in places]


_DATES = _in_site("pandas/core/tools/datetimes.py to_datetime", "dateutil/parser/_parser.py parse")
_TORCH_LOAD = _in_site(
    "torch/serialization.py load",
    "torch/serialization.py _cuda_deserialize",
    "torch/_utils.py _cuda",
)
_FORWARD = _in_site("torch/nn/modules/module.py _call_impl")

# (exception, message, failing line, frames below it, words the hint says, words it must not)
_FILE_AND_MEMORY = [
    # data text given where a path goes; a Windows path whose `\n` is an escape
    ("OSError", "[Errno 22] Invalid argument: \"'a','b'\\n'1','2'\\n'3','4'\"",
     "pd.read_csv(data)", [], "io.StringIO", "2 GB"),
    ("OSError", "[Errno 22] Invalid argument: 'C:\\\\Users\\\\me\\new.csv'",
     "pd.read_csv('C:\\Users\\me\\new.csv')", [], "backslash escape", "io.StringIO"),
    # the C reader broke on the file: no separator question; a field count: the separator fits
    ("ParserError", "Error tokenizing data. C error: Buffer overflow caught - possible "
     "malformed input file.", "df = pd.read_csv('movies.csv')", [], "engine='python'", "sep="),
    ("ParserError", "Error tokenizing data. C error: Expected 4 fields in line 12, saw 6",
     "df = pd.read_csv('movies.csv')", [], "so it fits the file", "engine="),
    # a link's target exists; a folder made again (in any language); a file created anew
    ("FileExistsError", "[Errno 17] File exists: '/content/drive/MyDrive/nbs' -> '/content/nbs'",
     "os.symlink('/content/drive/MyDrive/nbs', p)", [], "`/content/nbs`", "makedirs"),
    ("FileExistsError", "[WinError 183] Impossible de créer un fichier déjà existant: 'D:/runs'",
     'os.mkdir("D:/runs")', [], "`D:/runs` already exists: use `os.makedirs", "`It`"),
    ("FileExistsError", "[Errno 17] File exists: 'out/report.txt'",
     "f = open('out/report.txt', 'x')", [], "`out/report.txt`", "makedirs"),
    # dateutil's ParserError reads a value, no file; a pickle that ends early is the file's
    ("ParserError", "year 41020 is out of range: 41020", "df['when'] = pd.to_datetime(df['when'])",
     _DATES, "Excel date", "saved file"),
    ("ParserError", "Unknown string format: next tuesday", "d = pd.to_datetime(df['when'])",
     _DATES, "errors='coerce'", "Excel"),
    ("EOFError", "Ran out of input", "model = pickle.load(f)", [], "saved file is empty", "date"),
    # the GPU filled while torch.load restored tensors; during a forward pass
    ("RuntimeError", "CUDA error: out of memory", "model.load_state_dict(torch.load('m.pth'))",
     _TORCH_LOAD, "map_location='cpu'", "batch size"),
    ("RuntimeError", "CUDA error: out of memory", "out = model(xb)", _FORWARD, "batch size",
     "map_location"),
]  # fmt: skip


@pytest.mark.parametrize(("ename", "message", "line", "frames", "says", "never"), _FILE_AND_MEMORY)
def test_file_and_memory_hints_speak_only_when_their_condition_holds(
    ename, message, line, frames, says, never
):
    text = hint(crash(ename, message, line, frames))
    assert says in text and never not in text, text


def test_names_listed_through_a_progress_bar_are_joined_to_their_folder():
    code = (
        "for cls in tqdm(os.listdir('data/train')):\n    for f in os.listdir(cls):\n        pass\n"
    )
    traceback = (
        "---------------------------------------------------------------------------\n",
        "FileNotFoundError                         Traceback (most recent call last)\n",
        "Cell In[9], line 2\n      1 for cls in tqdm(os.listdir('data/train')):\n"
        "----> 2     for f in os.listdir(cls):\n      3         pass\n",
        "FileNotFoundError: [Errno 2] No such file or directory: 'cats'",
    )
    message = "[Errno 2] No such file or directory: 'cats'"
    record = ErrorRecord(ename="FileNotFoundError", evalue=message, traceback=traceback, code=code)
    text = diagnose(record).hint
    assert "os.path.join('data/train', cls)" in text, text
