"""Templates speak only where their conditions hold (issue 12, tenth round: shapes, types,
memory and autograd hints that blind graders called wrong). Each case is a crash with the words
its hint must hold and the wrong claim it must no longer make; where a condition decides,
a second crash shows the other side.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

TORCH = f"{SITE}/torch/nn/modules"
LINEAR = [(f"{TORCH}/container.py", "forward"), (f"{TORCH}/linear.py", "forward")]
CHECK = [(f"{SITE}/sklearn/utils/validation.py", "check_array")]
WANTS_2D = (
    "Expected 2D array, got 1D array instead:\narray=[3. 1. 4.].\nReshape your data either using "
    "array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it "
    "contains a single sample."
)
MUL = "mat1 and mat2 shapes cannot be multiplied"
STACK = (
    "stack expects each tensor to be equal size, but got [32, 4] at entry 0 and [7, 4] at entry 5"
)
CHANNELS = (
    "Given groups=1, weight of size [6, 4, 3, 3, 3], expected input[{}] to have 4 channels, but "
    "got 8 channels instead"
)
SPLIT = "{} = train_test_split(X, y)\nm.score(xb, yb)"

# (ename, message, failing line, frames below it, the cell (None: the line), must say, must not)
CASES = {
    "np.inner contracts last axes: no rows and columns": (
        "ValueError",
        "shapes (4,2) and (3,6) not aligned: 2 (dim 1) != 6 (dim 1)",
        "np.inner(p, q)",
        [],
        None,
        "dimension 1 of the second (6)",
        "rows",
    ),
    "equal shapes, several products on the line: no operand named": (
        "ValueError",
        "shapes (50,1) and (50,1) not aligned: 1 (dim 1) != 50 (dim 0)",
        "B = B + np.dot(u, v) / (w.T @ B @ w)",
        [],
        None,
        "transposing either one",
        "`w.T`",
    ),
    "equal shapes, one product: its second operand is named": (
        "ValueError",
        "shapes (50,1) and (50,1) not aligned: 1 (dim 1) != 50 (dim 0)",
        "g = np.dot(u, v)",
        [],
        None,
        "transpose the second with `v.T`",
        "either",
    ),
    "a library's own product: the inputs, not a transpose": (
        "ValueError",
        "shapes (80,3) and (80,3) not aligned: 3 (dim 1) != 80 (dim 0)",
        "res.summary()",
        [(f"{SITE}/statsmodels/regression/linear_model.py", "summary")],
        None,
        "statsmodels multiplies",
        "transpose",
    ),
    "a Linear layer built in the cell": (
        "RuntimeError",
        f"{MUL} (1x400 and 12x5)",
        "net(img)",
        LINEAR,
        "net = nn.Sequential(nn.Flatten(), nn.Linear(12, 5))\nnet(img)",
        "in_features=400",
        "batch axis",
    ),
    "a trained model predicting under inference_mode": (
        "RuntimeError",
        f"{MUL} (8x9216 and 640x2)",
        "out = net(photo)",
        LINEAR,
        "with torch.inference_mode():\n    out = net(photo)",
        "shaped like the training data",
        "set its",
    ),
    "channels last, 3-D conv": (
        "RuntimeError",
        CHANNELS.format("2, 8, 8, 8, 4"),
        "conv(x)",
        [(f"{TORCH}/conv.py", "forward")],
        None,
        "x.permute(0, 4, 1, 2, 3)",
        "in_channels",
    ),
    "channels last, 2-D conv": (
        "RuntimeError",
        CHANNELS.format("2, 8, 8, 4"),
        "conv(x)",
        [(f"{TORCH}/conv.py", "forward")],
        None,
        "x.permute(0, 3, 1, 2)",
        "in_channels",
    ),
    "the user's own torch.stack": (
        "RuntimeError",
        STACK,
        "allp = torch.stack(parts)",
        [],
        None,
        "`torch.stack`",
        "DataLoader",
    ),
    "a DataLoader's collate stacks the samples": (
        "RuntimeError",
        STACK,
        "for xb, yb in loader:",
        [(f"{SITE}/torch/utils/data/_utils/collate.py", "default_collate")],
        None,
        "DataLoader",
        "`torch.stack`",
    ),
    "three operands are not two arrays": (
        "ValueError",
        "operands could not be broadcast together with shapes (6,) (9,) (2,2) ",
        "f(a, b, M)",
        [(f"{SITE}/numpy/x.py", "f")],
        None,
        "",
        "two arrays",
    ),
    "a shape a library requested is not a second array": (
        "ValueError",
        "operands could not be broadcast together with remapped shapes [original->remapped]: "
        "(49,)  and requested shape (7,)",
        "ax.plot3D(P, Q, R)",
        [(f"{SITE}/numpy/lib/stride_tricks.py", "broadcast_to")],
        None,
        "",
        "two arrays",
    ),
    "an array of one value": (
        "ValueError",
        "cannot reshape array of size 1 into shape (6,6)",
        "m.reshape(6, 6)",
        [],
        None,
        "single value",
        "put -1",
    ),
    "an array of 30 values keeps the count's words": (
        "ValueError",
        "cannot reshape array of size 30 into shape (4,4)",
        "m.reshape(4, 4)",
        [],
        None,
        # 30 is no multiple of 4: -1 in either place cannot fit it either
        "no -1 in any place fits them",
        "single value",
    ),
    "equal first counts are not the mismatch": (
        "ValueError",
        "Found input variables with inconsistent numbers of samples: [90, 90, 7]",
        "learning_curve(est, X, y, 'alpha', [1, 2])",
        [
            (f"{SITE}/sklearn/model_selection/_validation.py", "learning_curve"),
            (f"{SITE}/sklearn/utils/validation.py", "check_consistent_length"),
        ],
        None,
        "",
        "90 and 90",
    ),
    "train_test_split unpacked in X, y, X, y order": (
        "ValueError",
        WANTS_2D,
        "m.score(xb, yb)",
        [(f"{SITE}/sklearn/base.py", "score"), *CHECK],
        SPLIT.format("xa, ya, xb, yb"),
        "`xb` holds labels",
        "reshape",
    ),
    "train_test_split unpacked in its order": (
        "ValueError",
        WANTS_2D,
        "m.score(xb, yb)",
        [(f"{SITE}/sklearn/base.py", "score"), *CHECK],
        SPLIT.format("xa, xb, ya, yb"),
        "reshape",
        "train_test_split` returns",
    ),
    "a pandas column has no .reshape": (
        "ValueError",
        WANTS_2D,
        "sc.fit_transform(data.Age)",
        [(f"{SITE}/sklearn/base.py", "fit_transform"), *CHECK],
        None,
        "`data[['Age']]`",
        ".reshape",
    ),
    "a 3-D array for a DataFrame": (
        "ValueError",
        "Must pass 2-d input. shape=(5, 3, 2)",
        "pd.DataFrame(cube)",
        [(f"{SITE}/pandas/core/internals/construction.py", "_prep_ndarraylike")],
        None,
        "needs 2-D data",
        "1-D array for a Series",
    ),
    "a column picked after the reduction": (
        "TypeError",
        "agg function failed [how->mean,dtype->object]",
        "t.groupby('Port').mean()['Fare']",
        [(f"{SITE}/pandas/core/groupby/groupby.py", "mean")],
        None,
        "`.mean()` runs on every column before `['Fare']`",
        "`Fare` holds text",
    ),
    "datetimes mixed with numbers": (
        "DTypePromotionError",
        "The DType <class 'numpy.dtypes.DateTime64DType'> could not be promoted by <class "
        "'numpy.dtypes.Float64DType'>. This means that no common DType exists for the given "
        "inputs.",
        "sc.fit(X)",
        CHECK,
        None,
        "datetimes",
        "text",
    ),
    "a built-in function assigned into": (
        "TypeError",
        "'builtin_function_or_method' object does not support item assignment",
        "max[k] = k",
        [],
        None,
        "built-in function",
        "You index a method",
    ),
    "a Keras History indexed": (
        "TypeError",
        "'History' object is not subscriptable",
        "plt.plot(h['acc'])",
        [],
        None,
        "`.history`",
        "DataLoader",
    ),
    "a number assigned into": (
        "TypeError",
        "'float' object does not support item assignment",
        "v[0] = 3",
        [],
        None,
        "single number",
        "immutable",
    ),
    "rows and columns in one plain subscript": (
        "TypeError",
        "unhashable type: 'slice'",
        "frame[:5, ['a', 'b']]",
        # pandas' frame hashes the key (raised by the cell's own line, it is a dict: round 15)
        [(f"{SITE}/pandas/core/frame.py", "__getitem__")],
        None,
        "`df.iloc[rows, cols]`",
        "dict key",
    ),
    ".loc called instead of indexed": (
        "TypeError",
        "unhashable type: 'Series'",
        "sub = df.loc(df.k == 1)",
        [],
        None,
        "square brackets",
        "dict key",
    ),
    "float() of a DataFrame": (
        "TypeError",
        "float() argument must be a string or a real number, not 'DataFrame'",
        "model.fit(float(X))",
        [],
        None,
        "`.astype(float)`",
        "one value, not a container",
    ),
    "the model's own save": (
        "TypeError",
        "cannot pickle 'module' object",
        "net.save('m.h5')",
        [(f"{SITE}/keras/src/saving/saving_api.py", "save_model")],
        None,
        "",
        "model.save(path)",
    ),
    "pickle of a model": (
        "TypeError",
        "cannot pickle 'module' object",
        "pickle.dump(net, f)",
        [(f"{SITE}/lib/a.py", "f")],
        None,
        "model.save(path)",
        "",
    ),
    "OpenCV out of memory is no GPU's": (
        "error",
        "OpenCV(4.9.0) /io/opencv/modules/core/src/alloc.cpp:73: error: (-4:Insufficient memory) "
        "Failed to allocate 921600 bytes in function 'OutOfMemoryError'",
        "img = cv2.imread(p)",
        [],
        None,
        "",
        "GPU",
    ),
    "a small refused allocation": (
        "RuntimeError",
        "[enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: not enough memory: you "
        "tried to allocate 401408 bytes.",
        "a, b = split(ds)",
        [(f"{SITE}/torch/utils/data/dataset.py", "__getitem__")],
        None,
        "already used up",
        "float32",
    ),
    "a line that already uses float32": (
        "MemoryError",
        "",
        "buf = np.zeros((n, 512, 512, 3), dtype='float32')",
        [],
        None,
        "not enough memory",
        "float32",
    ),
    "DataLoader workers that cannot fork": (
        "OSError",
        "[Errno 12] Cannot allocate memory",
        "fit(net, dl)",
        [
            (f"{SITE}/torch/utils/data/dataloader.py", "__iter__"),
            ("/usr/lib/python3.10/multiprocessing/popen_fork.py", "_launch"),
        ],
        None,
        "`num_workers=0`",
        "float32",
    ),
    "backward of a tensor of several values": (
        "RuntimeError",
        "grad can be implicitly created only for scalar outputs",
        "out.backward()",
        [(f"{SITE}/torch/autograd/__init__.py", "backward")],
        None,
        "`y.sum().backward()`",
        "requires_grad",
    ),
    "two Python strings subtracted": (
        "TypeError",
        "unsupported operand type(s) for -: 'str' and 'str'",
        "d = start - end",
        [],
        None,
        "both sides are strings",
        "columns",
    ),
    "a time of day shifted": (
        "TypeError",
        "unsupported operand type(s) for +: 'datetime.time' and 'datetime.timedelta'",
        "t2 = t + step",
        [],
        None,
        "`datetime.combine(",
        "where a value was expected",
    ),
    "a list operator applied inside a call": (
        "TypeError",
        "unsupported operand type(s) for -: 'list' and 'int'",
        "r = np.arange([0, 9, 2])",
        [],
        None,
        "",
        "np.array(a) - np.array(b)",
    ),
    "a sequence multiplied inside np.dot": (
        "TypeError",
        "can't multiply sequence by non-int of type 'str'",
        "g = np.dot(At, A)",
        [],
        None,
        "",
        "`*` on a sequence repeats it",
    ),
    "NaN to int inside a plotting library": (
        "ValueError",
        "cannot convert float NaN to integer",
        "plt.pie([a, b, c])",
        [(f"{SITE}/matplotlib/patches.py", "__init__")],
        None,
        "",
        "contains missing values",
    ),
    "one-column DataFrames compared": (
        "ValueError",
        "Can only compare identically-labeled DataFrame objects",
        "same = t.iloc[:, [i]] == t.iloc[:, [j]]",
        [(f"{SITE}/pandas/core/ops/__init__.py", "f")],
        None,
        "column names",
        "reset_index",
    ),
    "scalars to a DataFrame inside apply": (
        "ValueError",
        "If using all scalar values, you must pass an index",
        "out = frame.apply(make_row)",
        [(f"{SITE}/pandas/core/apply.py", "apply")],
        None,
        "",
        "`pd.DataFrame` got only single values",
    ),
    "plotly reads a positional list as its settings": (
        "ValueError",
        "dictionary update sequence element #0 has length 300; 2 is required",
        "tr = go.Bar([xs, ys])",
        [(f"{SITE}/plotly/graph_objs/graph_objs.py", "__init__")],
        None,
        "by keyword",
        "`dict(...)` needs",
    ),
    "an array tested with `in` a list": (
        "ValueError",
        "The truth value of an array with more than one element is ambiguous. Use a.any() or "
        "a.all()",
        "found = [v in seen]",
        [],
        None,
        "`any(np.array_equal(v, item) for item in seen)`",
        "`and`/`or`",
    ),
    "an if on one name compared with a number": (
        "ValueError",
        "The truth value of an array with more than one element is ambiguous. Use a.any() or "
        "a.all()",
        "if score > 0.5:",
        [],
        None,
        "`score` holds an array",
        "`and`/`or`",
    ),
    "x empty in Keras fit": (
        "ValueError",
        "Input arrays should have the same number of samples as target arrays. Found 0 input "
        "samples and 500 target samples.",
        "model.fit(X, Y)",
        [(f"{SITE}/keras/engine/training_utils.py", "check_array_length_consistency")],
        None,
        "x is empty",
        "one label per sample",
    ),
    "one-hot labels of one class from a generator": (
        "ValueError",
        "Arguments `target` and `output` must have the same shape. Received: "
        "target.shape=(None, 1), output.shape=(None, 5)",
        "model.fit(flow)",
        [(f"{SITE}/keras/src/backend/tensorflow/nn.py", "categorical_crossentropy")],
        "flow = gen.flow_from_directory(d, class_mode='categorical')\nmodel.fit(flow)",
        "found 1 class",
        "sparse_categorical_crossentropy",
    ),
    "a class of one member in a stratified split": (
        "ValueError",
        "The least populated class in y has only 1 member, which is too few. The minimum number "
        "of groups for any class cannot be less than 2.",
        "for a, b in splitter.split(X, y):",
        [(f"{SITE}/sklearn/model_selection/_split.py", "split")],
        None,
        "only 1 member,",
        "fewer classes",
    ),
    "a singular matrix a library built": (
        "LinAlgError",
        "Singular matrix",
        "fig = plot_pacf(series)",
        [
            (f"{SITE}/statsmodels/tsa/stattools.py", "pacf"),
            (f"{SITE}/numpy/linalg/linalg.py", "inv"),
        ],
        None,
        "built from your data",
        "pinv",
    ),
    "a metric given two columns of scores": (
        "ValueError",
        "y should be a 1d array, got an array of shape (40, 2) instead.",
        "roc_auc_score(y, proba)",
        [(f"{SITE}/sklearn/metrics/_ranking.py", "roc_auc_score")],
        None,
        "`proba[:, 1]`",
        "np.argmax(y",
    ),
    "seaborn: another attempt is no suggestion, the known column is": (
        "ValueError",
        "Could not interpret input 'Unit_Price'",
        "sns.barplot(x='Unit_Price', y='qty', data=d)",
        [(f"{SITE}/seaborn/categorical.py", "barplot")],
        "d = pd.read_csv(f, names=['unit price', 'qty'])\n"
        "sns.barplot(x='`Unit Price`', y='qty', data=d)\n"
        "sns.barplot(x='Unit_Price', y='qty', data=d)",
        "Did you mean `unit price`?",
        "as keywords",
    ),
    "only size-1 arrays inside a library call": (
        "TypeError",
        "only size-1 arrays can be converted to Python scalars",
        "layer = Dense(np.ones((3, 2)))",
        [(f"{SITE}/keras/layers/core.py", "__init__")],
        None,
        "converts one of its arguments",
        "np.log(a)",
    ),
    "the out= array is no third operand": (
        "ValueError",
        "operands could not be broadcast together with shapes (4,) (3,) (4,) ",
        "np.add(p, q, out=p)",
        [],
        None,
        "different lengths",
        "",
    ),
    "a size the cell sets by hand": (
        "ValueError",
        "shapes (20,61) and (64,1) not aligned: 61 (dim 1) != 64 (dim 0)",
        "h = np.dot(self.w, x)",
        [],
        "n_in = 61\nnet = Net(n_in, 20)\nnet.train(rows)",
        "this cell sets `n_in = 61`",
        "",
    ),
    "no size set by hand": (
        "ValueError",
        "shapes (20,61) and (64,1) not aligned: 61 (dim 1) != 64 (dim 0)",
        "h = np.dot(w, x)",
        [],
        None,
        "print both `.shape`s",
        "this cell sets",
    ),
    "a GPU build of a library other than torch": (
        "RuntimeError",
        "Error while calling cudaGetDevice(&the_device_id) in file "
        "/tmp/dlib/cuda/gpu_data.cpp:204. code: 100, reason: no CUDA-capable device is detected",
        "import face_detect",
        [(f"{SITE}/face_detect/api.py", "<module>")],
        None,
        "`face_detect` (or a library it uses)",
        "torch",
    ),
    "a column slice that is empty on the loop's first pass": (
        "ValueError",
        "Found array with 0 feature(s) (shape=(50, 0)) while a minimum of 1 is required.",
        "s = cross_val_score(m, Z[:, :k], y)",
        [(f"{SITE}/sklearn/utils/validation.py", "check_array")],
        None,
        "start the loop at 1",
        "X.columns",
    ),
    "a library turns a ragged argument into an array": (
        "ValueError",
        "setting an array element with a sequence. The requested array has an inhomogeneous "
        "shape after 1 dimensions. The detected shape was (3,) + inhomogeneous part.",
        "frame = pd.DataFrame(parts)",
        [(f"{SITE}/pandas/core/internals/construction.py", "ndarray_to_mgr")],
        None,
        "A function this line calls turns an argument into one array",
        "keep a list",
    ),
    "the line's own np.array of ragged rows": (
        "ValueError",
        "setting an array element with a sequence. The requested array has an inhomogeneous "
        "shape after 1 dimensions. The detected shape was (3,) + inhomogeneous part.",
        "arr = np.array(rows)",
        [],
        None,
        "pad or truncate",
        "A function this line calls",
    ),
    "a ufunc a plotting call ran on the data": (
        "TypeError",
        "ufunc 'divide' not supported for the input types, and the inputs could not be safely "
        "coerced to any supported types according to the casting rule ''safe''",
        "plt.boxplot(frame[c])",
        [(f"{SITE}/matplotlib/cbook/__init__.py", "boxplot_stats")],
        None,
        "ran NumPy's `divide` on data you passed",
        "print the `.dtype` of its inputs",
    ),
    "the line's own ufunc": (
        "TypeError",
        "ufunc 'isfinite' not supported for the input types, and the inputs could not be safely "
        "coerced to any supported types according to the casting rule ''safe''",
        "ok = np.isfinite(v)",
        [],
        None,
        "print the `.dtype` of its inputs",
        "A library function",
    ),
    "a loop over a name the cell also indexes": (
        "TypeError",
        "'numpy.int64' object is not iterable",
        "for v in vals:",
        [],
        "for v in vals:\n    print(vals[0])",
        "single numpy.int64",
        "range(vals)",
    ),
    "a loop over a count": (
        "TypeError",
        "'int' object is not iterable",
        "for k in n:",
        [],
        None,
        "`range(n)`",
        "",
    ),
    "a metric whose predictions hold one value": (
        "ValueError",
        "Found input variables with inconsistent numbers of samples: [500, 1]",
        "print(roc_auc_score(y_v, m.predict(X_v)))",
        [
            (f"{SITE}/sklearn/metrics/_ranking.py", "roc_auc_score"),
            (f"{SITE}/sklearn/utils/validation.py", "check_consistent_length"),
        ],
        None,
        "`m.predict(X_v)` holds 1 value against 500",
        "same rows",
    ),
    "two single-argument plots on a date axis": (
        "ValueError",
        "view limit minimum -3650.0 is less than 1 and is an invalid Matplotlib date value. This "
        "often happens if you pass a non-datetime value to an axis that has datetime units",
        "plt.show()",
        [(f"{SITE}/matplotlib/dates.py", "viewlim_to_dt")],
        "plt.plot(actual, label='a')\nplt.plot(guess, label='g')\nplt.show()",
        "takes x from its own index",
        "pd.to_datetime",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hint_says_what_its_condition_shows_and_not_the_wrong_claim(case):
    ename, message, line, frames, cell, says, not_says = CASES[case]
    text = hint(crash(ename, message, line, frames=frames, code=cell))
    assert says in text, text
    assert not (not_says and not_says in text), text


def test_a_cut_traceback_of_a_cell_multiplying_tensors_is_no_linear_layer():
    record = crash("RuntimeError", f"{MUL} (4x3 and 4x3)", "torch.mm(p, q)")
    cut = type(record)(**{**record.__dict__, "frames": (), "user_line": ""})
    text = hint(cut)
    assert "Linear" not in text and "matrix product" in text, text
