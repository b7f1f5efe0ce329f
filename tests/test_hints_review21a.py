"""Review 21a of fix wave 26: counter-cases to its new hint conditions, written by hand in
the library's wording and the layout IPython prints, never copied from a notebook."""

from __future__ import annotations

from tests.test_hints_conditions28 import CELL
from tests.test_hints_conditions28 import _hint as _hint28
from tests.test_hints_conditions121 import _RESET, _URLLIB, SITE, _at_module
from tests.test_hints_conditions123 import _column_hint

# ------------------------------- a module's dotted value passed: a colormap is no class


def _mpl_hint(line: str) -> str:
    cells = ["import matplotlib as mpl\nimport numpy as np\nfig, ax = mpl.pyplot.subplots()"]
    return _hint28("NameError", "name 'matplotlib' is not defined", line, cells=cells)


def test_a_colormap_passed_by_its_path_is_not_called_a_class():
    # `matplotlib.cm.Blues` is a Colormap instance, and `cmap=` wants exactly that
    text = _mpl_hint("ax.imshow(grid, cmap=matplotlib.cm.Blues)")
    assert "is a class, not data" not in text, text
    assert "write `mpl` here in place of `matplotlib`" in text, text


def test_a_color_scale_keyword_given_a_module_path_is_not_called_a_class():
    text = _mpl_hint("ax.scatter(x, y, c=z, cmap=matplotlib.colormaps.Viridis, s=4)")
    assert "is a class, not data" not in text, text


def test_a_class_path_as_data_still_gets_the_class_hint():
    cells = ["import pandas as pd\nfrom sim import Simulation"]
    text = _hint28(
        "NameError",
        "name 'pandas' is not defined",
        "run = Simulation(values=pandas.DataFrame, steps=10)",
        cells=cells,
    )
    assert "`pandas.DataFrame` is a class, not data" in text and "write `pd`" in text, text


# ------------------------- a part-of-speech tag embedding is no position embedding


_FUNCTIONAL = "/usr/local/lib/python3.10/dist-packages/torch/nn/functional.py"


def _embedding_hint(line: str) -> str:
    frames = [
        (CELL, "forward", ["words, tags = batch"], line),
        (_FUNCTIONAL, "embedding", [], "return torch.embedding(weight, input, padding_idx)"),
    ]
    code = "vocab = build_vocab(tokens)\nloss = model(batch_ids)"
    return _hint28("IndexError", "index out of range in self", code, frames=frames)


def test_a_pos_tag_embedding_is_not_told_of_max_length():
    # `pos` is the part of speech here: its embedding is sized by the tag set, not a length
    text = _embedding_hint("x = torch.cat([self.word_emb(words), self.pos_emb(tags)], dim=-1)")
    assert "`max_length`" not in text, text


def test_a_position_embedding_beside_a_token_one_still_names_both():
    text = _embedding_hint("x = self.word_emb(src) * self.scale + self.pos_emb(pos)")
    assert "position embedding" in text and "`max_length`" in text, text


# ------------------- an indented cell whose NameError is raised inside another function

_OTHER_CELL = "/tmp/ipykernel_4121/2291046114.py"


def test_a_name_missing_inside_another_function_is_no_split_body():
    # the indented cell only calls `train()` (cell 1), which reads a global `lr`; `lr` is also
    # a local of `configure()` above, yet moving this cell into `configure` mends nothing
    cells = [
        "def train(net):\n    opt = make_opt(net, lr)\n    return opt",
        "def configure():\n    lr = 0.01\n    epochs = 5",
    ]
    frames = [(_OTHER_CELL, "train", ["def train(net):"], "opt = make_opt(net, lr)")]
    text = _hint28(
        "NameError",
        "name 'lr' is not defined",
        "    history = train(net)",
        cells=cells,
        frames=frames,
        failing="history = train(net)",
    )
    assert "indented like the rest of" not in text, text


def test_an_indented_cell_reading_the_local_itself_still_gets_the_split_hint():
    cells = ["import numpy as np\n\ndef fit(x, y):\n    w = 0.0\n    steps = 200\n    rate = 0.05"]
    text = _hint28(
        "NameError",
        "name 'steps' is not defined",
        "    for k in range(steps):\n        w = w - rate * k",
        cells=cells,
        failing="for k in range(steps):",
    )
    assert "indented like the rest of `fit()`'s body" in text and "call `fit(...)`" in text, text


# --------------------- an array rebound by a tuple assignment after its plain assignment


def test_an_array_rebound_in_a_tuple_is_not_traced_to_the_earlier_assignment():
    # `X, y = np.array(X), np.array(y)` made the array; `X = df[cols]` is not where it came from
    code = "X = df[['age', 'fare']]\ny = df['survived']\nX, y = np.array(X), np.array(y)\nX.columns"
    message = "'numpy.ndarray' object has no attribute 'columns'"
    text = _hint28("AttributeError", message, code)
    assert "it comes from `X = df[" not in text, text


def test_an_array_from_a_plain_expression_still_points_at_its_assignment():
    code = "picked = flags[flags]\npicked.index.names = ['a', 'b']"
    message = "'numpy.ndarray' object has no attribute 'index'"
    text = _hint28("AttributeError", message, code)
    assert "it comes from `picked = flags[flags]`" in text and "scalers" not in text, text


# ----------------------- a label list read through `.loc`: `loc` is no frame of the notebook

_GRADE_CELLS = [
    "import pandas as pd\nbase = pd.read_csv('a.csv')\nwork = base.copy()\n"
    "work['grade'] = work['score'] > 5\nchosen = list(work.columns)"
]


def test_a_label_list_read_through_loc_does_not_name_loc_as_the_frame():
    text = _hint28(
        "KeyError", "\"['grade'] not in index\"", "sub = base.loc[chosen]", cells=_GRADE_CELLS
    )
    assert "which `loc` does not have" not in text and "`loc.columns`" not in text, text


def test_a_label_list_on_the_frame_itself_still_points_at_the_list():
    text = _hint28(
        "KeyError", "\"['grade'] not in index\"", "sub = base[chosen]", cells=_GRADE_CELLS
    )
    assert "`chosen` holds 'grade'" in text and "`base.columns`" in text, text


# ------------- a builtin called bare is no function written for the bare name's method


def test_a_builtin_sum_beside_the_sum_method_keeps_the_column_hint():
    # `sum(...)` is Python's own: nothing suggests `price.sum()` was meant as a function call
    text = _column_hint("avg = sum(sales.qty * sales.price) / price.sum()")
    assert "write `sales.price` where the bare `price` stands" in text, text


def test_a_method_also_called_bare_as_a_function_stays_quiet():
    text = _column_hint(
        "sales.price = price.clip(sales.price < lo, lo,",
        "                         clip(sales.price > hi, hi, sales.price))",
    )
    assert "write `sales.price`" not in text, text


# ---------------- a reset from a database server or a bare socket is no library download


_PEER = "[Errno 104] Connection reset by peer"


def test_a_database_connection_reset_is_not_called_a_download():
    message = f"(2013, 'Lost connection to MySQL server during query ({_PEER})')"
    frames = [
        (f"{SITE}/pandas/io/sql.py", "execute", "return self.con.execute(sql, *args)"),
        (f"{SITE}/pymysql/connections.py", "_read_bytes", "raise err.OperationalError("),
    ]
    text = _at_module("OperationalError", message, "df = pd.read_sql(query, conn)", frames)
    assert "while the library downloaded" not in text, text


def test_a_socket_read_of_the_lines_own_is_not_called_a_library_download():
    frames = [("/opt/conda/lib/python3.9/socket.py", "readinto", "return self._sock.recv_into(b)")]
    text = _at_module("ConnectionResetError", _PEER, "data = conn_file.read()", frames)
    assert "while the library downloaded" not in text, text


def test_a_library_download_reset_still_is_told_to_retry():
    frames = [
        (f"{SITE}/vega_datasets/core.py", "fetch_table", "with urlopen(self.url) as f:"),
        *_URLLIB,
    ]
    text = _at_module("URLError", _RESET, 'cars = fetch_table("cars")', frames)
    assert "closed the connection while the library downloaded" in text, text
