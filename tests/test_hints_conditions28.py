"""Hints whose claim was false on crashes nobody tuned on (the fourteenth audit's files,
environment, request, runtime and "other" hints): a colon offered to a `for` line with nothing to
loop over, "no block above" said inside a `def`, one character blamed for a pasted sentence, an
empty error name for a kernel that never started, "check the spelling" for names `os.listdir`
gave without their folder, an old traceback of a cell edited since, an example's `'path'`,
"mount Drive" to a notebook that mounts it, "upload it" for what a cell unpacks, "leave the loop"
where there is none, a user's recursion inside a library, a service's stock advice over its
reason, "check the URL" the library chose, a preamble guessed for a downloaded file, "your module"
for a GitHub project's file, "reinstall torch" when TensorFlow loaded its cuDNN first, `df['x']`
for an index, `!jupyter notebook` in a cell.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

CELL = "<ipython-input-3-0123456789ab>"
COLAB_CELL = "/tmp/ipython-input-3-1234567.py"


def _hint(ename, message, code, frames=(), cells=(), failing="", tb=None, cell=CELL) -> str:
    """A record in IPython 7's layout. ``frames`` are (path, function, shown lines, failing
    line); ``cells`` the notebook's other code cells; ``failing`` the line the traceback shows
    (by default the code's last line)."""
    failing = failing or code.splitlines()[-1]
    if tb is None:
        tb = ["-" * 75, f"{ename}                               Traceback (most recent call last)"]
        tb.append(f"{cell} in <module>\n----> 1 {failing}\n")
        for path, function, shown, line in frames:
            before = "".join(f"      {i} {text}\n" for i, text in enumerate(shown, 2))
            tb.append(f"{path} in {function}()\n{before}----> 9 {line}\n")
        tb.append(f"{ename}: {message}")
    sources = [*cells, code]
    notebook = {"cells": [{"id": str(i), "source": s} for i, s in enumerate(sources)]}
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": tb,
        "code": code,
        "cell_id": str(len(sources) - 1),
        "notebook": notebook,
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def _syntax(line: str, said: str = "invalid syntax", code: str = "", caret: int = 0, at=1) -> str:
    """A SyntaxError (an IndentationError for "unexpected indent") of line ``at`` of the cell."""
    ename = "IndentationError" if said.startswith("unexpected indent") else "SyntaxError"
    message = f"{said} ({CELL}, line {at})"
    tb = [
        f'  File "{CELL}", line {at}\n',
        f"    {line.strip()}\n",
        f"    {' ' * caret}^\n",
        f"{ename}: {message}\n",
    ]
    return _hint(ename, message, code or line, tb=tb)


# ------------------------------------------------------------ SyntaxError and IndentationError


@pytest.mark.parametrize(
    ("line", "caret", "says", "never"),
    [
        # a `for` with nothing to loop over: a colon alone does not finish it
        ("for i, row in ", 14, "unfinished", "Add a colon"),
        ("for i, row in df.iterrows()", 27, "Add a colon", "unfinished"),
        ("sales.Store Id", 10, "sales['Store Id']", "index"),
        # a command that starts a notebook server belongs in a terminal, not in a cell's `!`
        ('xvfb-run -s "-screen 0 1024x768x24" jupyter lab --no-browser', 30, "terminal", "`!"),
        ("xvfb-run -a python train.py", 12, "!xvfb-run", "terminal"),
    ],
)
def test_a_marked_line_gets_what_finishes_it(line, caret, says, never):
    text = _syntax(line, caret=caret)
    assert says in text and never not in text, text


CLASS = """class Net(nn.Module):
    def __init__(self):
        super().__init__()
            self.fc1 = nn.Linear(4, 2)
            self.fc2 = nn.Linear(2, 1)
    def forward(self, x):
        return self.fc2(self.fc1(x))"""


def test_lines_deeper_than_a_plain_line_inside_a_def_take_its_indentation():
    text = _syntax("self.fc1 = nn.Linear(4, 2)", "unexpected indent", CLASS, at=4)
    assert "8 spaces" in text and "no `if`/`for`/`def`" not in text, text


def test_a_stray_indent_at_the_top_level_still_loses_its_spaces():
    code = "import numpy as np\n  x = np.ones(3)\n  y = x * 2"
    text = _syntax("x = np.ones(3)", "unexpected indent", code, at=2)
    assert "remove the spaces" in text, text


def test_a_pasted_sentence_with_an_emoji_is_text_not_one_bad_character():
    message = "invalid character '✅' (U+2705)"
    text = _syntax("✅ 결과 확인 방법", message)
    assert "Markdown" in text and "retype" not in text, text


def test_a_curly_quote_in_code_is_still_a_character_to_retype():
    message = "invalid character '“' (U+201C)"
    text = _syntax("name = “Ada”", message, caret=7)
    assert "Markdown" not in text, text


def test_a_name_with_a_space_that_a_cell_makes_the_index_is_read_from_the_index():
    message = f"invalid syntax ({CELL}, line 1)"
    tb = [
        f'  File "{CELL}", line 1\n',
        "    sales.Store Id\n",
        "          ^\n",
        f"SyntaxError: {message}\n",
    ]
    cells = ["sales = pd.read_csv('sales.csv', index_col=['Store Id'])"]
    text = _hint("SyntaxError", message, "sales.Store Id", tb=tb, cells=cells)
    assert "sales.index" in text and "['Store Id']" not in text, text


# ------------------------------------------------------------ a kernel that never started


def test_vs_codes_kernel_start_failure_is_no_library_error():
    tb = [
        "Failed to start the Kernel. \n",
        "Unable to start Kernel 'venv (Python 3.11.4)' due to a timeout waiting for the ports "
        "to get used. \n",
        "View Jupyter <a href='command:jupyter.viewOutput'>log</a> for further details.",
    ]
    text = _hint("", "", "import pandas as pd", tb=tb)
    assert "did not start" in text and "documentation" not in text, text


# ------------------------------------------------------------ missing files the code misnamed

PIL_OPEN = ("/home/u/.venv/lib/python3.10/site-packages/PIL/Image.py", "open", [], "fp = open()")


def test_a_name_from_os_listdir_is_opened_with_its_folder():
    helper = (
        "<ipython-input-2-0123456789ab>",
        "shrink",
        ["folder = 'thumbs'", "for name in os.listdir(folder):"],
        "    im = Image.open(name)",
    )
    message = "[Errno 2] No such file or directory: 'cat_01.png'"
    text = _hint("FileNotFoundError", message, "shrink()", frames=[helper, PIL_OPEN])
    assert "os.path.join(folder, name)" in text, text


def test_a_cell_edited_since_its_error_is_run_again_first():
    message = "[Errno 2] No such file or directory: 'train_v1.csv'"
    code = "df = pd.read_csv('train_v2.csv')"
    text = _hint("FileNotFoundError", message, code, failing="df = pd.read_csv('train_v1.csv')")
    assert "edited after this error" in text, text


def test_a_cell_that_still_holds_its_line_is_no_edit():
    message = "[Errno 2] No such file or directory: 'train_v1.csv'"
    text = _hint("FileNotFoundError", message, "df = pd.read_csv('train_v1.csv')")
    assert "edited" not in text, text


def test_an_examples_placeholder_path_is_replaced_not_uploaded():
    message = "[Errno 2] No such file or directory: 'path/to/dataset'"
    text = _hint("FileNotFoundError", message, "os.chdir('path/to/dataset')")
    assert "placeholder" in text, text


def test_a_quoted_variable_name_loses_its_quotes():
    message = "[Errno 2] No such file or directory: 'file_path'"
    cells = ["file_path = '/data/scores.csv'"]
    text = _hint("FileNotFoundError", message, "df = pd.read_csv('file_path')", cells=cells)
    assert "remove the quotes" in text, text


def test_a_file_opened_for_reading_and_written_to_is_opened_to_write():
    code = "f = open('marks.csv', 'r', newline='')\nw = csv.writer(f)\nw.writerow(['a', 1])"
    message = "[Errno 2] No such file or directory: 'marks.csv'"
    text = _hint(
        "FileNotFoundError", message, code, failing="f = open('marks.csv', 'r', newline='')"
    )
    assert "'w'" in text and "csv.writer(f)" in text, text


MOUNT = "from google.colab import drive\ndrive.mount('/content/drive')"


def test_a_drive_folder_to_save_into_is_made_when_a_cell_mounts_drive():
    path = "/content/drive/MyDrive/runs/exp1/scores.json"
    code = f"with open('{path}', 'w') as out:\n    json.dump(scores, out)"
    message = f"[Errno 2] No such file or directory: '{path}'"
    text = _hint("FileNotFoundError", message, code, cells=[MOUNT], failing=code.splitlines()[0])
    assert "os.makedirs('/content/drive/MyDrive/runs/exp1'" in text, text
    assert "mount Drive first" not in text, text


def test_a_drive_file_to_read_is_looked_for_from_the_paths_own_drive_root():
    path = "/content/drive/MyDrive/course/data/covid.csv"
    message = f"[Errno 2] No such file or directory: '{path}'"
    text = _hint("FileNotFoundError", message, f"df = pd.read_csv('{path}')", cells=[MOUNT])
    assert "from `'/content/drive/MyDrive'` down" in text and "My Drive" not in text, text


def test_a_drive_path_without_a_mount_cell_still_asks_to_mount():
    path = "/content/drive/MyDrive/data/a.csv"
    message = f"[Errno 2] No such file or directory: '{path}'"
    text = _hint("FileNotFoundError", message, f"df = pd.read_csv('{path}')")
    assert "mount Drive first" in text, text


def test_a_folder_a_cell_may_unpack_is_not_sent_to_an_upload():
    message = "[Errno 2] No such file or directory: 'flowers/train'"
    cells = ["import zipfile\nwith zipfile.ZipFile('Flowers.zip') as z:\n    z.extractall()"]
    code = "names = os.listdir('flowers/train')"
    text = _hint("FileNotFoundError", message, code, cells=cells, cell=COLAB_CELL)
    assert "unpacks an archive" in text, text


def test_a_colab_folder_nothing_unpacks_is_still_uploaded():
    message = "[Errno 2] No such file or directory: 'flowers/train'"
    text = _hint("FileNotFoundError", message, "os.listdir('flowers/train')", cell=COLAB_CELL)
    assert "upload it there" in text, text


READ_CSV = [
    ("/home/u/.venv/lib/python3.11/site-packages/pandas/io/parsers/readers.py", "read_csv", [],
     "return _read(filepath_or_buffer, kwds)"),
]  # fmt: skip
TOKENIZING = "Error tokenizing data. C error: Expected 1 fields in line 7, saw 3\n"


def test_a_downloaded_file_that_reads_as_one_field_is_opened_and_looked_at():
    code = "r = requests.get(url)\nopen('q.csv', 'wb').write(r.content)\ndf = pd.read_csv('q.csv')"
    text = _hint("ParserError", TOKENIZING, code, frames=READ_CSV)
    assert "downloads" in text and "look at its first lines" in text, text


def test_a_local_file_that_reads_as_one_field_keeps_the_preamble_reading():
    text = _hint("ParserError", TOKENIZING, "df = pd.read_csv('q.csv')", frames=READ_CSV)
    assert "lines before the table" in text, text


# ------------------------------------------------------------ SystemExit, RecursionError


def test_an_exit_at_the_cells_top_level_names_what_failed_not_a_loop():
    code = "img = cv2.imread('pics/a.jpg')\nif img is None:\n    print('failed')\n    sys.exit()"
    tb = ["An exception has occurred, use %tb to see the full traceback.\n", "SystemExit\n"]
    text = _hint("SystemExit", "", code, tb=tb)
    assert "cv2.imread" in text and "break" not in text, text


def test_an_exit_inside_a_loop_still_offers_break():
    code = "for i in range(9):\n    if i > 3:\n        sys.exit()"
    tb = ["An exception has occurred, use %tb to see the full traceback.\n", "SystemExit\n"]
    text = _hint("SystemExit", "", code, tb=tb)
    assert "`break`" in text and "`return`" not in text, text


KERAS = "/usr/local/lib/python3.10/dist-packages/keras/engine/base_layer.py"
RECURSION = "maximum recursion depth exceeded while calling a Python object"


def test_a_recursion_among_a_librarys_own_frames_is_not_the_users():
    frames = [(KERAS, "__call__", [], "return self.call(x)")] * 3
    text = _hint("RecursionError", RECURSION, "g = K.gradients(out, layer.output)", frames=frames)
    assert "none of yours" in text and "calls itself" not in text, text


def test_a_users_own_recursion_is_still_its_stop_condition():
    frames = [("<ipython-input-2-0123456789ab>", "walk", [], "return walk(n - 1)")] * 3
    text = _hint("RecursionError", RECURSION, "walk(10)", frames=frames)
    assert "stop condition" in text, text


# ------------------------------------------------------------ requests and imports

HUB = "/home/u/.venv/lib/python3.11/site-packages/huggingface_hub/utils/_http.py"


def test_a_services_reason_comes_before_its_stock_advice():
    message = (
        "(Request ID: Abc123)\n\nBad request:\nModel requires a Pro subscription; check out "
        "hf.co/pricing to learn more. Make sure to include your HF token in your query."
    )
    frames = [(HUB, "hf_raise_for_status", [], "raise _format(BadRequestError, m, r)")]
    text = _hint("BadRequestError", message, "out = client.chat_completion(msgs)", frames=frames)
    assert "Pro subscription" in text and "The message says what to do" not in text, text


def test_a_message_with_only_its_advice_keeps_it():
    message = "Bad request:\nMake sure to include your HF token in your query."
    frames = [(HUB, "hf_raise_for_status", [], "raise _format(BadRequestError, m, r)")]
    text = _hint("BadRequestError", message, "out = client.chat_completion(msgs)", frames=frames)
    assert "The message says what to do" in text, text


DOWNLOAD = [
    ("/usr/local/lib/python3.10/dist-packages/torchvision/datasets/utils.py", "download_url", [],
     "urllib.request.urlretrieve(url, fpath)"),
    ("/usr/lib/python3.10/urllib/request.py", "http_error_default", [],
     "raise HTTPError(req.full_url, code, msg, hdrs, fp)"),
]  # fmt: skip


def test_a_404_at_an_address_a_library_chose_is_no_url_of_the_users():
    code = "data = torchvision.datasets.Places365('data', download=True)"
    text = _hint("HTTPError", "HTTP Error 404: Not Found", code, frames=DOWNLOAD)
    assert "library's code" in text and "check the URL" not in text, text


def test_a_404_at_the_users_own_address_still_checks_the_url():
    code = "urllib.request.urlretrieve('https://example.org/d/x.zip', 'x.zip')"
    frames = DOWNLOAD[1:]
    text = _hint("HTTPError", "HTTP Error 404: Not Found", code, frames=frames)
    assert "check the URL" in text, text


def _import_error(path: str) -> str:
    message = f"cannot import name 'CrossAttnBlend' from 'attn_utils' ({path})"
    return _hint("ImportError", message, "from attn_utils import CrossAttnBlend")


def test_a_file_of_a_github_download_may_define_the_name_elsewhere():
    text = _import_error("/content/drive/MyDrive/attn-edit-main/attn_utils.py")
    assert "attn-edit-main" in text and "restart the kernel" not in text, text


def test_a_file_of_the_users_own_folder_is_still_their_module():
    text = _import_error("/content/drive/MyDrive/project/attn_utils.py")
    assert "Your module `attn_utils`" in text, text


TORCH_INIT = (
    "C:\\Users\\ana\\miniconda3\\envs\\dl\\lib\\site-packages\\torch\\__init__.py",
    "<module>",
    [],
    "raise err",
)
WINERROR_127 = (
    '[WinError 127] The specified procedure could not be found. Error loading "C:\\Users\\ana\\'
    'miniconda3\\envs\\dl\\lib\\site-packages\\torch\\lib\\cudnn_cnn_infer64_8.dll" or one of '
    "its dependencies."
)


def test_a_missing_procedure_after_tensorflow_loaded_is_an_import_order():
    cells = ["import tensorflow as tf"]
    text = _hint("OSError", WINERROR_127, "import torch", frames=[TORCH_INIT], cells=cells)
    assert "before `tensorflow`" in text and "force-reinstall" not in text, text


def test_a_missing_procedure_alone_still_reinstalls():
    text = _hint("OSError", WINERROR_127, "import torch", frames=[TORCH_INIT])
    assert "force-reinstall" in text, text


# ------------------------------------------------------------ NotImplementedError

CONCAT = [
    ("/usr/local/lib/python3.10/dist-packages/pandas/core/indexes/base.py", "union", [],
     "raise NotImplementedError("),
]  # fmt: skip
UNION = (
    "Can only union MultiIndex with MultiIndex or Index of tuples, try "
    "mi.to_flat_index().union(other) instead."
)


def test_a_multiindex_from_too_few_names_is_named():
    code = (
        "a = pd.read_csv('a.txt', header=None, names=['text'])\n"
        "b = pd.read_csv('b.txt', header=None, names=['text'])\n"
        "both = pd.concat([a, b], axis=1)"
    )
    text = _hint("NotImplementedError", UNION, code, frames=CONCAT)
    assert "fewer `names`" in text, text


def test_a_multiindex_union_without_such_a_read_keeps_the_safe_hint():
    text = _hint("NotImplementedError", UNION, "both = pd.concat([a, b], axis=1)", frames=CONCAT)
    assert "fewer `names`" not in text, text
