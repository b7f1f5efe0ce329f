"""Templates and safe hints that blind graders called wrong on crashes where a library rejected
an argument (the fifteenth audit): `torch.from_numpy` offered for a list, a search's or an
ensemble's estimator blamed on `fit`'s data, CatBoost's categorical features on a float array,
TensorFlow's advice for a library's own `if t:`, a GPU driver that is not loaded, a graph reset in
the crash's own cell, an OpenML name that is a file's, coordinates given where one point goes, a
library's own type it does not handle, and healpy's HDU count. Each case is a crash with words its
hint must hold and a claim it must not make; where a condition decides, a second crash shows the
other side.

Cells and messages are written here by hand in the libraries' wording and IPython's layout,
never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/opt/conda/lib/python3.10/site-packages"


def _hint(ename, message, code, frames=(), function=None):
    """The hint of a crash on the last line of ``code`` (a cell); ``frames`` are (path,
    function, source) below it. ``function``: (name, its lines, the failing one's index) of a
    cell's own function the line called, shown as IPython 8 shows it."""
    lines = code.splitlines()
    shown = "\n".join(f"      {i} {line}" for i, line in enumerate(lines[:-1], 1))
    tb = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[5], line {len(lines)}\n{shown}\n----> {len(lines)} {lines[-1]}\n",
    ]
    if function is not None:
        name, body, at = function
        context = "\n".join(
            f"{'----> ' if i == at else '      '}{i + 1} {line}" for i, line in enumerate(body)
        )
        tb.append(f"Cell In[5], line {at + 1}, in {name}()\n{context}\n")
    tb += [f"File {path}:10, in {fn}()\n---> 10 {source}\n" for path, fn, source in frames]
    tb.append(f"{ename}: {message}")
    return diagnose(ErrorRecord(ename=ename, evalue=message, traceback=tuple(tb), code=code)).hint


TORCH_SUM = "sum(): argument 'input' (position 1) must be Tensor, not {}"
PARTS = ["def total(xs):", "    parts = [x.mean() for x in xs]", "    return torch.sum(parts)"]

NOT_A_MODEL = (
    "estimator should be an estimator implementing 'fit' method,       F1  Recall\n"
    "models\nForest  0.61    0.70\nBoosted 0.64    0.59 was passed"
)
SEARCH = [
    (f"{SITE}/sklearn/model_selection/_search.py", "fit", "scorers = check_scoring(est)"),
    (f"{SITE}/sklearn/metrics/_scorer.py", "check_scoring", "raise TypeError(msg)"),
]
VOTING = [
    (f"{SITE}/sklearn/ensemble/_voting.py", "fit", "names, clfs = self._validate_estimators()"),
    (f"{SITE}/sklearn/ensemble/_base.py", "_validate_estimators", "raise ValueError(msg)"),
]

CATBOOST = [(f"{SITE}/catboost/core.py", "_process_predict_input_data", "raise CatBoostError(m)")]
FLOAT_ARRAY = (
    "'data' is numpy array of floating point numerical type, it means no categorical features, "
    "but 'cat_features' parameter specifies nonzero number of categorical features"
)

TENSOR_BOOL = (
    "Using a `tf.Tensor` as a Python `bool` is not allowed. Use `if t is not None:` instead of "
    "`if t:` to test if a tensor is defined, and use TensorFlow ops such as tf.cond to execute "
    "subgraphs conditioned on the value of a tensor."
)
TF_BOOL = (f"{SITE}/tensorflow/python/framework/ops.py", "__bool__", "raise TypeError(msg)")
STEP = ["def step(t):", "    if t:", "        return 1"]

OTHER_GRAPH = (
    "Fetch argument <tf.Tensor 'MatMul_1:0' shape=(2, 2) dtype=float32> cannot be interpreted "
    'as a Tensor. (Tensor Tensor("MatMul_1:0", shape=(2, 2), dtype=float32) is not an element '
    "of this graph.)"
)
SESSION = [(f"{SITE}/tensorflow/python/client/session.py", "run", "raise ValueError(msg)")]
RUN = "with tf.Session() as sess:\n    out = sess.run(c)"

OPENML = [(f"{SITE}/sklearn/datasets/_openml.py", "_get_data_info_by_name", "raise OpenMLError")]

TOO_MANY = "{}() takes from 2 to 3 positional arguments but 4 were given"
MOVE = [
    "def move(i):",
    "    label.set_position_3d(pos_x,",
    "                          pos_y + i,",
    "                          pos_z)  # above the line",
]

NEG = "Unknown expression type <class 'cvxpy.atoms.affine.unary_operators.NegExpression'>."
CVXPY = [
    (f"{SITE}/cvxpy/problems/problem.py", "solve", "return solve_func(self)"),
    (f"{SITE}/cvxpy/utilities/coeff_extractor.py", "get_coeffs", "raise Exception(msg)"),
]

# name: (ename, message, cell, frames, the cell's function or None, must say, must not say)
CASES = {
    "a list for a tensor may hold tensors: stack or tensor, no from_numpy": (
        "TypeError",
        TORCH_SUM.format("list"),
        "import torch\n" + "\n".join(PARTS) + "\ntotal(batch)",
        [],
        ("total", PARTS, 2),
        "`torch.stack(parts)` (or `torch.cat(parts)`); if it holds numbers, use `torch.tensor(",
        "from_numpy",
    ),
    "a NumPy array for a tensor still gets from_numpy": (
        "TypeError",
        TORCH_SUM.format("numpy.ndarray"),
        "import torch\ny = torch.sum(arr)",
        [],
        None,
        "`torch.from_numpy(x)`",
        "stack",
    ),
    "an argument that is no tensor is named with its types": (
        "TypeError",
        "argmax(): argument 'dim' (position 2) must be int, not tuple",
        "import torch\ni = torch.argmax(t, (0, 1))",
        [],
        None,
        "`dim` must be an int, not a tuple",
        "from_numpy",
    ),
    "a search built with a table: its estimator, not fit's data": (
        "TypeError",
        NOT_A_MODEL,
        "results = pd.DataFrame(scores).set_index('models')\n"
        "grid = GridSearchCV(results, params, cv=5)\nsearch = grid.fit(X_train, y_train)",
        SEARCH,
        None,
        "where `grid = GridSearchCV(...)` is created",
        "Print `type(...)`",
    ),
    "a function given the table directly: no wrapper reading": (
        "TypeError",
        NOT_A_MODEL,
        "scores = cross_val_score(results, X, y, cv=5)",
        SEARCH,
        None,
        "cross_val_score",
        "was built with",
    ),
    "a Keras model in a voting ensemble needs a scikit-learn wrapper": (
        "ValueError",
        "The estimator Sequential should be a classifier.",
        "from tensorflow.keras.models import Sequential\nnet = Sequential()\n"
        "vote = VotingClassifier(estimators=[('rf', rf), ('nn', net)], voting='soft')\n"
        "vote.fit(X_train, y_train)",
        VOTING,
        None,
        "`scikeras.wrappers.KerasClassifier`",
        "Print the values",
    ),
    "a class of the user's in an ensemble is told the mixin": (
        "ValueError",
        "The estimator Rules should be a regressor.",
        "class Rules:\n    def fit(self, X, y):\n        return self\n"
        "stack = StackingRegressor(estimators=[('r', Rules())])\nstack.fit(X, y)",
        VOTING,
        None,
        "`sklearn.base.RegressorMixin`",
        "Keras",
    ),
    "a frame's .values given to a model with categories: the frame is named": (
        "CatBoostError",
        FLOAT_ARRAY,
        "model.fit(train[cols], y, cat_features=cats)\nX_new = test[cols].values\n"
        "p = model.predict_proba(X_new)",
        CATBOOST,
        None,
        "pass `test[cols]` itself",
        "Check `cat_features",
    ),
    "a float array at fit may also drop cat_features": (
        "CatBoostError",
        FLOAT_ARRAY,
        "model.fit(X_arr, y, cat_features=[0, 3])",
        CATBOOST,
        None,
        "leave out `cat_features`",
        "Check `cat_features",
    ),
    "a library's own truth test of a tensor: no advice for the user's code": (
        "TypeError",
        TENSOR_BOOL,
        "clf.fit(X_train, y_train)",
        [(f"{SITE}/skflow/trainer.py", "train", "if summaries:"), TF_BOOL],
        None,
        "`skflow`'s own code (`if summaries:`)",
        "The message says what to do",
    ),
    "the user's own truth test of a tensor keeps the message's advice": (
        "TypeError",
        TENSOR_BOOL,
        "\n".join(STEP) + "\nstep(loss)",
        [TF_BOOL],
        ("step", STEP, 1),
        "`if t is not None:`",
        "own code",
    ),
    "a driver that is not loaded: no GPU here, not the library's state": (
        "NVMLError_DriverNotLoaded",
        "Driver Not Loaded",
        "pynvml.nvmlInit()",
        [(f"{SITE}/pynvml.py", "_nvmlCheckReturn", "raise NVMLError(ret)")],
        None,
        "No NVIDIA driver is running",
        "state of",
    ),
    "a graph reset in the crash's cell is not mended by a restart": (
        "ValueError",
        OTHER_GRAPH,
        "tf.reset_default_graph()\na = tf.Variable(a_np)\nc = tf.matmul(old_a, old_b)\n" + RUN,
        SESSION,
        None,
        "`reset_default_graph()`",
        "restart the kernel",
    ),
    "without a reset in the cell the graph hint stays": (
        "ValueError",
        OTHER_GRAPH,
        RUN,
        SESSION,
        None,
        "restart the kernel and run the cells in order",
        "reset_default_graph",
    ),
    "a file's name given to fetch_openml is named, not the version": (
        "OpenMLError",
        "Dataset houses-2020.csv with version 1 not found.",
        "df = fetch_openml('Houses-2020.csv', version=1, as_frame=True)",
        OPENML,
        None,
        "`Houses-2020.csv` is a file's name, not the name of a dataset on OpenML: read your file "
        "with `pd.read_csv('Houses-2020.csv')`",
        "Check `version=1`",
    ),
    "a name OpenML lacks is checked with its versions": (
        "OpenMLError",
        "Dataset tittanic with version 2 not found.",
        "d = fetch_openml('tittanic', version=2)",
        OPENML,
        None,
        "OpenML has no dataset named `tittanic` with version 2",
        "Check `version=2`",
    ),
    "coordinates given separately go as one point": (
        "TypeError",
        TOO_MANY.format("Text3D.set_position_3d"),
        "\n".join(MOVE) + "\nmove(0)",
        [],
        ("move", MOVE, 1),
        "`label.set_position_3d((pos_x, pos_y + i, pos_z))`",
        "by name",
    ),
    "values that are no coordinates keep the signature advice": (
        "TypeError",
        TOO_MANY.format("Bar.draw"),
        "bar.draw(canvas, color, width)",
        [],
        None,
        "pass the optional ones by name",
        "one argument",
    ),
    "a library's own type it cannot handle is no input to check": (
        "Exception",
        NEG,
        "q = prob.solve()",
        CVXPY,
        None,
        "`cvxpy` met one of its own objects (`NegExpression`)",
        "Check the inputs",
    ),
    "another library's type gets no own-type reading": (
        "TypeError",
        "Unsupported type <class 'numpy.ndarray'> for this operation",
        "e = cp.sum(x, arr)",
        [(f"{SITE}/cvxpy/expressions/expression.py", "cast", "raise TypeError(msg)")],
        None,
        "cvxpy",
        "own objects",
    ),
    "healpy asking past the file's HDUs counts them": (
        "ValueError",
        "Available hdu in [0-1]",
        "m = hp.read_map('sky.fits')",
        [(f"{SITE}/healpy/fitsfunc.py", "_get_hdu", "raise ValueError(msg)")],
        None,
        "The FITS file has 1 HDU (numbered from 0), so there is no HDU 1 (`read_map`'s default)",
        "own account",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_the_hint_speaks_only_where_its_condition_holds(case):
    ename, message, code, frames, function, says, never = case
    text = _hint(ename, message, code, frames, function)
    assert says in text and never not in text, text
