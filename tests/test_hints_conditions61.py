"""Speak-only-when pairs for wave 10's notebook-analysis and NameError hints, narrowed where a
review found them false (crashes written here by hand, in Python's wording and IPython's layout):

- "`f()` computes `y_pred` but not `y_test`: compute `y_test` in the function": the shared word
  is the data's role (`y_`, `_train`), and the name is an input; only a shared word that names
  the call computing the sibling (`mean_accuracy = np.mean(scores)`) makes it a result to compute.
- "the next run has the same line with `val_loss`" (`plt.plot(val_loss)`): not while a cell
  that sets `train_loss` never ran (or ran after the crash): that cell is as likely the cure.
- "the `forward()` that ran is another definition: run cell N again": not when no other
  top-level `def forward` shows (a method `Net.forward(self, x)` may be what ran).

Each crash is built twice, with the condition and without it: one table row per side.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions53 import _hint, _not_defined
from tests.test_hints_conditions56 import _head

# ---------------------------------------- a name beside the function's own result, an input


def _evaluated(sibling: str, value: str, name: str, line: str) -> str:
    frames = [
        *_head("NameError"),
        "Cell In[20], line 6\n----> 6 evaluate(model)\n",
        f"Cell In[20], line 4, in evaluate(model)\n      2     {sibling} = {value}\n"
        f"      3     print('done')\n----> 4     {line}\n",
        f"NameError: name '{name}' is not defined",
    ]
    source = (
        f"def evaluate(model):\n    {sibling} = {value}\n    print('done')\n    {line}\n\n"
        "evaluate(model)"
    )
    cells = [
        ("X_train, X_test = split(X)", 3, None),
        ("model = fit(X_train)", 4, None),
        (source, 20, None),
    ]
    message = _not_defined(name)
    return notebook_hint("NameError", message, "evaluate(model)", cells, 2, 20, traceback=frames)


# ------------------------------------ the next run's line of another name, a definer unrun


def _curves(definer_count: int | None) -> str:
    cells = [
        ("history = model.fit(X, y)", 1, None),
        ("train_loss = history.history['loss']", definer_count, None),
        ("val_loss = history.history['val_loss']", 2, None),
        ("plt.plot(train_loss)", 3, None),
        ("plt.plot(val_loss)", 4, None),
    ]
    return _hint("NameError", _not_defined("train_loss"), cells, 3, "plt.plot(train_loss)", 3)


# ------------------------------------- a parameter of a top-level def, a method that raised


def _method(other_def: str) -> str:
    frames = [
        *_head("NameError"),
        "Cell In[14], line 2\n      1 net = Net()\n----> 2 net.forward(batch)\n",
        "Cell In[13], line 5, in forward(self, x)\n      4     def forward(self, x):\n"
        "----> 5         return self.layer(inputs)\n",
        "NameError: name 'inputs' is not defined",
    ]
    net = (
        "class Net:\n    def __init__(self):\n        self.layer = abs\n"
        "    def forward(self, x):\n        return self.layer(inputs)"
    )
    cells = [
        (net, 13, None),
        ("net = Net()\nnet.forward(batch)", 14, None),
        ("def forward(inputs):\n    return inputs * 2", 12, None),
    ]
    if other_def:
        cells.append((other_def, 11, None))
    message = _not_defined("inputs")
    return notebook_hint("NameError", message, cells[1][0], cells, 1, 14, traceback=frames)


# (crash, words the hint must hold or None, words it must not hold or None)
PAIRS = [
    pytest.param(
        lambda: _evaluated(
            "y_pred", "model.predict(X_test)", "y_test", "print(accuracy_score(y_test, y_pred))"
        ),
        None,
        "compute `y_test` in the function",
        id="input-beside-a-prediction",
    ),
    pytest.param(
        lambda: _evaluated(
            "X_train", "scale(X_train_raw)", "y_train", "model.fit(X_train, y_train)"
        ),
        None,
        "compute `y_train` in the function",
        id="input-beside-a-scaled-input",
    ),
    pytest.param(
        lambda: _evaluated(
            "test_accuracy",
            "accuracy_score(y, model.predict(X))",
            "train_accuracy",
            "print(train_accuracy, test_accuracy)",
        ),
        "computes `test_accuracy` but not `train_accuracy`",
        None,
        id="result-of-the-same-computation",
    ),
    pytest.param(
        lambda: _curves(None),
        "Run cell 2 first",
        "numbered next",
        id="next-run-line-beside-a-definer-never-run",
    ),
    pytest.param(
        lambda: _curves(9),
        None,
        "numbered next",
        id="next-run-line-beside-a-definer-run-after",
    ),
    pytest.param(
        lambda: _curves(1),
        "Cell 5 [4], numbered next",
        None,
        id="next-run-line-beside-a-definer-of-before",
    ),
    pytest.param(
        lambda: _method(""),
        None,
        "is another definition",
        id="parameter-of-a-def-named-like-the-method-that-ran",
    ),
    pytest.param(
        lambda: _method("def forward(x):\n    return net.layer(inputs)"),
        "the `forward()` that ran is another definition",
        None,
        id="parameter-of-a-def-redefined-without-it",
    ),
]


@pytest.mark.parametrize(("crash", "wanted", "unwanted"), PAIRS)
def test_a_hint_speaks_only_when_its_condition_holds(crash, wanted, unwanted):
    text = crash()
    assert wanted is None or wanted in text, text
    assert unwanted is None or unwanted not in text, text
