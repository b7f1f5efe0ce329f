"""Hints whose claim did not hold on the crash (session w26c): a cell that is the rest of the
function body above it, a Pipeline given bare estimators, a line that looks up a position
embedding beside a token one, a stray letter before a list, an Axes' `title` called, a method
the line also calls bare, a module's class path passed as an argument under the import's
unbound name.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the library's wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions28 import CELL
from tests.test_hints_conditions28 import _hint as _hint28

# ------------------------------------------- an indented cell: the rest of a def's body


_DEF_CELL = "import numpy as np\n\ndef fit(x, y):\n    w = 0.0\n    steps = 200\n    rate = 0.05"


def test_an_indented_cell_after_a_def_is_told_to_go_back_inside_it():
    code = "    for k in range(steps):\n        w = w - rate * k"
    text = _hint28(
        "NameError",
        "name 'steps' is not defined",
        code,
        cells=[_DEF_CELL],
        failing="for k in range(steps):",
    )
    assert "indented like the rest of `fit()`'s body" in text and "call `fit(...)`" in text, text


def test_a_top_level_cell_reading_a_local_keeps_the_return_hint():
    code = "for k in range(steps):\n    print(k)"
    text = _hint28(
        "NameError",
        "name 'steps' is not defined",
        code,
        cells=[_DEF_CELL],
        failing="for k in range(steps):",
    )
    assert "indented like" not in text and "local" in text, text


# ------------------------------------------------------- a Pipeline given bare estimators

_PIPELINE = "/opt/conda/lib/python3.11/site-packages/sklearn/pipeline.py"


def test_a_pipeline_of_bare_estimators_is_told_to_name_its_steps():
    frames = [(_PIPELINE, "_final_estimator", [], "estimator = self.steps[-1][1]")]
    message = "'LogisticRegression' object is not subscriptable"
    text = _hint28("TypeError", message, "clf.predict(X_new)", frames=frames)
    assert "`(name, estimator)` pair" in text and "bare `LogisticRegression`" in text, text
    assert "make_pipeline" in text, text


def test_a_subscript_in_another_sklearn_file_is_no_pipeline():
    frames = [
        (
            "/opt/conda/lib/python3.11/site-packages/sklearn/utils/_indexing.py",
            "_safe_indexing",
            [],
            "return X[indices]",
        )
    ]
    message = "'LogisticRegression' object is not subscriptable"
    text = _hint28("TypeError", message, "clf.predict(X_new)", frames=frames)
    assert "Pipeline" not in text, text


# ------------------------------------------ a position embedding beside a token embedding

_FUNCTIONAL = "/usr/local/lib/python3.10/dist-packages/torch/nn/functional.py"


def _embedding_hint(line: str) -> str:
    frames = [
        (CELL, "forward", ["pos = torch.arange(0, n).repeat(b, 1)"], line),
        (_FUNCTIONAL, "embedding", [], "return torch.embedding(weight, input, padding_idx)"),
    ]
    code = "vocab = build_vocab(tokens)\nloss = model(batch_ids)"
    return _hint28("IndexError", "index out of range in self", code, frames=frames)


def test_a_line_with_a_position_and_a_token_embedding_names_both():
    text = _embedding_hint("x = self.word_emb(src) * self.scale + self.pos_emb(pos)")
    assert "position embedding" in text and "`max_length`" in text, text
    assert "A token id is not below" not in text, text


def test_a_line_with_one_embedding_keeps_its_hint():
    text = _embedding_hint("x = self.dropout(self.word_emb(src))")
    assert "position embedding" not in text, text


# ----------------------------------------------------------- a stray letter before a list


def _function_hint(line: str, message: str) -> str:
    code = "def summarize(values, top):\n    report = {\n" + f"        {line}\n    }}\n"
    code += "    return report\n\nout = summarize(scores, 3)"
    tb = [
        "-" * 75,
        "NameError                               Traceback (most recent call last)",
        f"{CELL} in <module>\n----> 8 out = summarize(scores, 3)\n",
        f"{CELL} in summarize(values, top)\n      2     report = {{\n----> 3         {line}\n"
        "      4     }\n",
        f"NameError: {message}",
    ]
    return _hint28("NameError", message, code, cells=["scores = [4, 1, 3]"], tb=tb)


def test_a_lone_letter_spaced_before_a_list_is_told_it_may_be_stray():
    text = _function_hint("'best': q [top],", "name 'q' is not defined")
    assert "`q [top]`" in text and "stray keystroke" in text and "`[top]`" in text, text


def test_a_longer_name_before_a_list_is_no_stray_letter():
    text = _function_hint("'best': qs [top],", "name 'qs' is not defined")
    assert "stray" not in text, text


# --------------------------------------------------------------- an Axes' `title` called


def test_an_axes_title_called_is_told_set_title():
    text = hint(crash("TypeError", "'Text' object is not callable", "ax.title('Sales by month')"))
    assert "`ax.set_title(...)`" in text and "replaced" not in text, text


def test_another_text_attribute_called_is_no_title():
    text = hint(crash("TypeError", "'Text' object is not callable", "ax.caption('Sales')"))
    assert "set_title" not in text, text


# ------------------------------------------- a method the statement also calls bare


def _column_hint(first: str, second: str = "") -> str:
    code = first + ("\n" + second if second else "")
    shown = f"----> 1 {first}\n" + (f"      2 {second}\n" if second else "")
    tb = [
        "-" * 75,
        "NameError                               Traceback (most recent call last)",
        f"{CELL} in <module>\n{shown}",
        "NameError: name 'price' is not defined",
    ]
    cells = ["import pandas as pd\nsales = pd.read_csv('sales.csv')"]
    return _hint28("NameError", "name 'price' is not defined", code, cells=cells, tb=tb)


def test_a_column_read_bare_is_told_to_read_it_from_the_frame():
    text = _column_hint("sales.price = price.clip(sales.price.min(), 100)")
    assert "write `sales.price` where the bare `price` stands" in text, text


def test_a_method_also_called_bare_keeps_the_column_hint_quiet():
    text = _column_hint(
        "sales.price = price.clip(sales.price < lo, lo,",
        "                         clip(sales.price > hi, hi, sales.price))",
    )
    assert "write `sales.price`" not in text, text


# ------------------------------- a module's class path passed under the unbound name


def _alias_hint(line: str) -> str:
    cells = ["import pandas as pd\nfrom sim import Simulation"]
    return _hint28("NameError", "name 'pandas' is not defined", line, cells=cells)


def test_a_class_path_passed_as_an_argument_is_told_it_is_no_data():
    text = _alias_hint("run = Simulation(values=pandas.DataFrame, steps=10)")
    assert "`pandas.DataFrame` is a class, not data" in text and "write `pd`" in text, text


def test_a_function_of_the_module_keeps_the_alias_hint():
    text = _alias_hint("run = Simulation(values=pandas.DataFrame(rows), steps=10)")
    assert "not data" not in text and "write `pd` here in place of `pandas`" in text, text


def test_a_module_constant_compared_is_no_class_passed():
    text = _alias_hint("kept = rows[rows.score == pandas.NaT, 1]")
    assert "not data" not in text, text


def test_a_pipeline_whose_steps_are_none_is_not_told_of_bare_estimators():
    frames = [(_PIPELINE, "_final_estimator", [], "estimator = self.steps[-1][1]")]
    text = _hint28(
        "TypeError", "'NoneType' object is not subscriptable", "clf.fit(X, y)", frames=frames
    )
    assert "(name, estimator)" not in text, text
