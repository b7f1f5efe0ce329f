"""Files, environments and module attributes told only what the crash shows (wave 17c): a
row with more fields than a header the separator split, Python 2's `setdefaultencoding`, a
submodule no import loaded, a cell edited since it failed, a file written through a handle
opened for reading, `plot_model`'s image never written, TensorFlow's undecodable status
message, a memory failure chained before a library's message, a dotted import one level too
deep, torchvision's folder without class folders, a file inside a cloned repository on Colab.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording,
never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame, _hint

SITE = "/usr/local/lib/python3.11/dist-packages"
READERS = (
    f"File {SITE}/pandas/io/parsers/c_parser_wrapper.py:234, in CParserWrapper.read(self, nrows)\n"
    "--> 234     chunks = self._reader.read_low_memory(nrows)\n"
)


def _csv_hint(fields: int, line: str = "df = pd.read_csv('books.csv')") -> str:
    message = f"Error tokenizing data. C error: Expected {fields} fields in line 40, saw 13\n"
    return _hint("ParserError", message, [_cell_frame(line, 1), READERS], line)


def _module_hint(code: str, message: str, ran: str = "") -> str:
    """An AttributeError of a module read on the cell's last line (``ran``, when the traceback
    shows another line than the saved cell's)."""
    shown = ran or code
    frame = _cell_frame(shown, len(shown.splitlines()))
    return _hint("AttributeError", message, [frame], code)


def _dump_hint(code: str) -> str:
    message = "[Errno 2] No such file or directory: 'features.pickle'"
    return _hint("FileNotFoundError", message, [_cell_frame(code, 2)], code)


DISPLAY = (
    f"File {SITE}/IPython/core/display.py:1302, in Image._data_and_metadata(self, always_both)\n"
    "-> 1302     raise FileNotFoundError(\n"
)


def _shown_image_hint(drawn: str) -> str:
    code = f"plot_model(model, to_file='{drawn}')\nImage('net.png')"
    message = "No such file or directory: 'net.png'"
    return _hint("FileNotFoundError", message, [_cell_frame(code, 2), DISPLAY], code)


EXECUTE = (
    f"File {SITE}/tensorflow/python/eager/execute.py:53, in quick_execute(op_name, "
    "num_outputs, inputs, attrs, ctx, name)\n"
    "---> 53     tensors = pywrap_tfe.TFE_Py_Execute(ctx._handle, device_name, op_name,\n"
)
CODECS = (
    "File /usr/lib/python3.11/codecs.py:322, in BufferedIncrementalDecoder.decode(self, "
    "input, final)\n---> 322     (result, consumed) = self._buffer_decode(data, self.errors)\n"
)


def _decode_hint(last: str) -> str:
    code = "img = tf.io.read_file('image/cat.jpg')"
    message = "'utf-8' codec can't decode byte 0xb2 in position 51: invalid start byte"
    return _hint("UnicodeDecodeError", message, [_cell_frame(code, 1), last], code)


def _chained_hint(first: str) -> str:
    hub = f"{SITE}/transformers/modeling_utils.py"
    lines = [
        "RuntimeError                              Traceback (most recent call last)",
        f"File {hub}:530, in load_state_dict(checkpoint_file)\n"
        "--> 530     return torch.load(checkpoint_file, map_location='cpu')\n",
        f"RuntimeError: {first}",
        "\nDuring handling of the above exception, another exception occurred:\n",
        "OSError                                   Traceback (most recent call last)",
        "Cell In[3], line 1\n----> 1 model = AutoModel.from_pretrained('big-model')\n",
        f"File {hub}:545, in load_state_dict(checkpoint_file)\n--> 545     raise OSError(\n",
        "OSError: Unable to load weights from pytorch checkpoint file for 'big-model'",
    ]
    message = "Unable to load weights from pytorch checkpoint file for 'big-model'"
    record = ErrorRecord(ename="OSError", evalue=message, traceback=tuple(lines), code="x")
    return diagnose(record).hint


ALLOCATOR = (
    "[enforce fail at alloc_cpu.cpp:83] data. DefaultCPUAllocator: not enough memory: you "
    "tried to allocate 1625423872 bytes."
)


def _not_a_package_hint(module: str, shadow: str) -> str:
    line = f"from {module} import Client"
    message = f"No module named '{module}'; '{shadow}' is not a package"
    return _hint("ModuleNotFoundError", message, [_cell_frame(line, 1)], line)


FOLDER = (
    f"File {SITE}/torchvision/datasets/folder.py:42, in find_classes(directory)\n"
    '---> 42     raise FileNotFoundError(f"Couldn\'t find any class folder in {directory}.")\n'
)


def _folder_hint(message: str) -> str:
    code = "test_set = ImageFolder(root='/data/test', transform=tf)"
    return _hint("FileNotFoundError", message, [_cell_frame(code, 1), FOLDER], code)


def _colab_hint(first_cell: str) -> str:
    line = "synth = Synthesizer(config_path='/content/vocoder/runs/config.json')"
    message = "[Errno 2] No such file or directory: '/content/vocoder/runs/config.json'"
    opener = (
        f"File {SITE}/fsspec/implementations/local.py:364, in LocalFileOpener._open(self)\n"
        "--> 364     self.f = open(self.path, mode=self.mode)\n"
    )
    traceback = [
        "-" * 75,
        "FileNotFoundError                         Traceback (most recent call last)",
        _cell_frame(line, 1),
        opener,
        f"FileNotFoundError: {message}",
    ]
    rows = [(first_cell, 1, None), (line, None, None)]
    return notebook_hint("FileNotFoundError", message, line, rows, 1, traceback=traceback)


SETDEFAULT = "module 'sys' has no attribute 'setdefaultencoding'"
CIRCULAR = (
    "partially initialized module 'scipy' has no attribute 'stats' (most likely due to a "
    "circular import)"
)
LOADERS = "module 'loaders' has no attribute 'load_testing_set'"
RAN = "x, y = loaders.load_testing_set()"

SIZEOF = "module 'sys' has no attribute 'getsizeof_'"
IZIP = "module 'itertools' has no attribute 'izip_longest'"
PYPLOT = "module 'matplotlib' has no attribute 'pyplot'"
NN = "module 'torch' has no attribute 'nn'"
DUMP = "import pickle\nwith open('features.pickle') as f:\n    pickle.dump(t, f)"
LOAD = "import pickle\nwith open('features.pickle', 'rb') as f:\n    t = pickle.load(f)"
DEEP = "musicdl.utils.search.client"
DOTTED = "`musicdl.utils.search` is a plain module|no submodule `client`"
FLAT = "Couldn't find any class folder in /data/test."
ABSENT = "[Errno 2] No such file or directory: '/data/test'"
CLONE = "!git clone https://github.com/someone/vocoder.git"

# Each id: the crash's hint, then the words it must hold and those it must not ("|" between).
PAIRS = {
    # a row longer than the header the separator split: the separator fits
    "header-split": (lambda: _csv_hint(12), "into 12 fields, so it fits|line 40 has 13", "sep=';'"),
    "one-field-header": (lambda: _csv_hint(1), "", "so it fits"),
    "names-given": (lambda: _csv_hint(12, "d = pd.read_csv(p, names=cols)"), "", "so it fits"),
    # Python 2's setdefaultencoding, and Python 2 names the removed-API table gives
    "setdefaultencoding": (
        lambda: _module_hint("import sys\nsys.setdefaultencoding('utf-8')", SETDEFAULT),
        "Python 2 only|delete that line",
        "getdefaultencoding",
    ),
    "other-sys-name": (
        lambda: _module_hint("sys.getsizeof_(x)", SIZEOF),
        "`getsizeof`",
        "Python 2",
    ),
    "izip-longest": (lambda: _module_hint("itertools.izip_longest(a, b)", IZIP), "zip_longest", ""),
    # a submodule no import loaded
    "not-imported": (
        lambda: _module_hint("import matplotlib as mpl\nmpl.pyplot.title('loss')", PYPLOT),
        "add `import matplotlib.pyplot` before this line",
        "no file of yours",
    ),
    "loads-its-own": (lambda: _module_hint("torch.nn.Linear(4, 2)", NN), "", "`import torch.nn`"),
    "circular": (lambda: _module_hint("scipy.stats.norm.cdf(1.2)", CIRCULAR), "", "`import scipy"),
    # a cell edited since it failed
    "edited": (
        lambda: _module_hint("x, y = loaders.load_test_set()", LOADERS, ran=RAN),
        "The cell was edited after this error",
        "no file of yours",
    ),
    "unedited": (lambda: _module_hint(RAN, LOADERS), "", "edited"),
    # a file written through a handle opened for reading
    "dump-to-read-handle": (lambda: _dump_hint(DUMP), "opens it for reading|'wb')", ""),
    "load-from-read-handle": (lambda: _dump_hint(LOAD), "", "opens it for reading"),
    # the image plot_model should have written
    "plot-model-image": (lambda: _shown_image_hint("net.png"), "should have written|pydot", ""),
    "other-image": (lambda: _shown_image_hint("model.png"), "", "plot_model"),
    # TensorFlow's undecodable status message
    "tf-status": (lambda: _decode_hint(EXECUTE), "TensorFlow could not decode", "encoding="),
    "text-read": (lambda: _decode_hint(CODECS), "", "TensorFlow"),
    # memory that ran out before a library's message
    "allocator-first": (lambda: _chained_hint(ALLOCATOR), "memory ran out", "an empty input"),
    "other-first": (lambda: _chained_hint("failed reading zip archive"), "", "memory ran out"),
    # a dotted import one level too deep
    "dotted": (lambda: _not_a_package_hint(DEEP, "musicdl.utils.search"), DOTTED, "rename"),
    "top-level": (lambda: _not_a_package_hint("plots.helpers", "plots"), "rename", "plain"),
    # torchvision's folder without class folders
    "no-class-folders": (lambda: _folder_hint(FLAT), "`/data/test` exists but", "not exist:"),
    "missing-folder": (lambda: _folder_hint(ABSENT), "", "holds no subfolders"),
    # a file inside a repository a cell clones, on Colab
    "cloned": (lambda: _colab_hint(CLONE), "lies in the repository a cell clones", "empties"),
    "nothing-cloned": (lambda: _colab_hint("!pip install vocoder"), "session storage", "lies in"),
}


@pytest.mark.parametrize("case", PAIRS)
def test_a_hint_speaks_only_when_its_condition_holds(case):
    make, wanted, unwanted = PAIRS[case]
    text = make()
    assert all(w in text for w in wanted.split("|") if w), text
    assert not any(u in text for u in unwanted.split("|") if u), text
