"""Hints whose claim was false on crashes nobody tuned on (TypeError, ValueError, AttributeError
and invalid-argument hints of the fourteenth audit): each test pairs a crash where the new hint
must speak with one where its condition does not hold.

- A keyword the user's code never writes as `kw=` (a bare word such as `os.path` is no keyword)
  was passed by a library: the two packages' versions, not its spelling.
- `int('0.5')`: decimal text, which `int()` does not read, is a number all the same.
- A module's function replaced by an assignment comes back with a restart, not a new import.
- `math.exp(-x)` on a list: NumPy's function, since an array would fail in `math` next.
- A call that passes the missing parameter's name filled an earlier parameter with it.
- Keras given an object of another Keras package, not a misspelt name.
- An `int` total plus a `timedelta`, or a time and a number: which side is wrong.
- A method without `()` beside an object of the user's class: neither side is a value.
- NumPy's ufunc signature shows which operand of `a * b` holds text.
- `cv2.imread(path, image)`: imwrite's argument order.
- `x.values` of an array where the notebook sets `X`.
- File-path columns handed to a Keras model.
- seaborn before 0.12 binds a first positional table to `x`.
- `pd.read_df.head_csv`: a dotted name, no one function to suggest.
- urllib3 speaking TLS to a proxy, a Keras callback's own check, a frame no cell sets.

Crashes are written here by hand in the libraries' wording and IPython 8's layout, never
copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions30 import SITE, _hint

IMPORT_HOOK = [
    (f"{SITE}/qlib/__init__.py", "<module>", "with _import.delay('qlib.core'):"),
    (f"{SITE}/qlib/_import.py", "delay", "importlib.import_module(name)"),
    ("/usr/lib/python3.11/importlib/__init__.py", "import_module", "return _gcd_import(name)"),
    (
        f"{SITE}/qlib/_import.py",
        "find_spec",
        "spec = self.finder.find_spec(fullname, path=path, target=target)",
    ),
]
TF_KERAS_GET = [
    (f"{SITE}/tf_keras/src/engine/training.py", "compile", "self.optimizer = self._get(opt)"),
    (f"{SITE}/tf_keras/src/optimizers/__init__.py", "get", "raise ValueError("),
]
TEXT_TIMES_INT = (
    "ufunc 'multiply' did not contain a loop with signature matching types (dtype('<U1'), "
    "dtype('int64')) -> None"
)
ARRAY_VALUES = "'numpy.ndarray' object has no attribute 'values'"
OBJECTS_TO_TENSOR = "Failed to convert a NumPy array to a Tensor (Unsupported object type float)."
KERAS_FIT = [
    (f"{SITE}/tensorflow/python/framework/constant_op.py", "convert_to_eager_tensor", "return x")
]
TRUTH = (
    "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all()."
)
SEABORN = [
    (f"{SITE}/seaborn/categorical.py", "establish_variables", "orient = infer_orient(x, y)"),
    (f"{SITE}/seaborn/_core.py", "variable_type", "if pd.isna(vector).all():"),
    (f"{SITE}/pandas/core/generic.py", "__nonzero__", "raise ValueError("),
]
MODULE_GETATTR = [(f"{SITE}/pandas/__init__.py", "__getattr__", "raise AttributeError(name)")]
HOSTNAME = "check_hostname requires server_hostname"
TLS_PROXY = [
    (f"{SITE}/urllib3/connectionpool.py", "_prepare_proxy", "conn.connect()"),
    (f"{SITE}/urllib3/connection.py", "_connect_tls_proxy", "return ssl_wrap_socket("),
    ("/usr/lib/python3.9/ssl.py", "_create", "raise ValueError("),
]
CALLBACK = [
    (f"{SITE}/keras/engine/training.py", "fit", "callbacks.on_epoch_end(epoch, logs)"),
    (f"{SITE}/keras/callbacks/tensorboard_v1.py", "on_epoch_end", "raise ValueError("),
]
NO_COLUMN = "'DataFrame' object has no attribute 'reviewText'"
PANDAS_GETATTR = [
    (f"{SITE}/pandas/core/generic.py", "__getattr__", "return object.__getattribute__(self, name)")
]
PANDAS = "import pandas as pd"

# (ename, message, failing line, library frames, other cells, the user's function frames,
#  words the hint must hold, words it must not hold)
CASES = {
    # a keyword only a library's line writes (`os.path` is no `path=`), and one the user writes
    "keyword_passed_by_a_library": (
        "TypeError", "OtherFinder.find_spec() got an unexpected keyword argument 'path'",
        "import qlib", IMPORT_HOOK, ["import os\nroot = os.path.join('data', 'x')"], (),
        ["Your code does not pass `path`: `qlib` passed it"], [],
    ),
    "keyword_the_user_writes": (
        "TypeError", "save() got an unexpected keyword argument 'pth'",
        "tool.save(obj, pth='out.bin')", [(f"{SITE}/tool/io.py", "save", "return write(**kw)")],
        (), (), ["pth"], ["Your code does not pass"],
    ),
    # int() of decimal text, and of a word
    "int_of_decimal_text": (
        "ValueError", "invalid literal for int() with base 10: '3.75'", "n = int(row[1])",
        (), (), (), ["is a decimal number", "int(float(x))"], ["is not a number"],
    ),
    "int_of_a_word": (
        "ValueError", "invalid literal for int() with base 10: 'abc'", "n = int(row[1])",
        (), (), (), [], ["decimal"],
    ),
    # a module's function replaced by an assignment: a restart, not a new import
    "replaced_module_function": (
        "TypeError", "'str' object is not callable", "plt.xlabel('Age')",
        (), ["import matplotlib.pyplot as plt"], (),
        ["restart the kernel"], ["run the import again"],
    ),
    "module_function_assigned_in_the_code": (
        "TypeError", "'str' object is not callable", "plt.title('Ages')",
        (), ["import matplotlib.pyplot as plt\nplt.title = 'Ages'"], (),
        ["restart the kernel"], ["re-run"],
    ),
    "builtin_assigned_in_the_code": (
        "TypeError", "'int' object is not callable", "n = len(items)",
        (), ["len = 3"], (), ["rename the variable and re-run"], [],
    ),
    # a negated list inside `math.exp`, and outside any math function
    "negated_list_in_math_exp": (
        "TypeError", "bad operand type for unary -: 'list'", "sigmoid([1, 2, 3])",
        (), (), [(4, "sigmoid", "s = 1 / (1 + math.exp(-x))")], ["np.exp(-np.array(x))"], [],
    ),
    "negated_list_alone": (
        "TypeError", "bad operand type for unary -: 'list'", "y = -values",
        (), (), (), ["np.array(x)"], ["math"],
    ),
    # the call passes a value named as the missing parameter, and a call without it
    "missing_name_passed": (
        "TypeError", "decode_fn() missing 1 required positional argument: 'feats'",
        "out = model(words)", (), (), [(5, "forward", "score, path = self.decode(feats)")],
        ["This line passes `feats`"], ["pass it in the call"],
    ),
    "missing_name_not_passed": (
        "TypeError", "decode_fn() missing 1 required positional argument: 'feats'",
        "score = decode_fn()", (), (), (), ["'feats'"], ["This line passes"],
    ),
    # an optimizer object of another Keras package, and a misspelt name
    "object_of_another_keras": (
        "ValueError",
        "Could not interpret optimizer identifier: <keras.src.optimizers.adam.Adam object at "
        "0x7f3a2c1b5d50>",
        "model.compile(optimizer=opt)", TF_KERAS_GET, (), (),
        ["`keras` package", "from tf_keras import optimizers"], ["spelling"],
    ),
    "misspelt_optimizer": (
        "ValueError", "Could not interpret optimizer identifier: adamm",
        "model.compile(optimizer='adamm')", TF_KERAS_GET, (), (), ["spelling"], [],
    ),
    # an int total plus a timedelta, and a datetime plus a number (both readings)
    "int_total_plus_timedelta": (
        "TypeError", "unsupported operand type(s) for +: 'int' and 'datetime.timedelta'",
        "queue(trucks)", (), (), [(6, "queue", "waited = waited + delay")],
        ["`waited` holds an `int`", "timedelta(0)"], [],
    ),
    "datetime_plus_number": (
        "TypeError", "unsupported operand type(s) for +: 'datetime.datetime' and 'int'",
        "end = start + 5", (), (), (), ["either", "datetime.datetime"], ["a variable holds"],
    ),
    # a method without `()` beside an object of the user's class, and beside a number
    "method_beside_an_object": (
        "TypeError", "unsupported operand type(s) for *: 'Fit' and 'builtin_function_or_method'",
        "model.fit(x, y)", (), (), [(4, "Fit.fit", "self.b = y.mean() - (self * x.mean)")],
        ["Neither side of `*` is a number"], [],
    ),
    "method_beside_a_number": (
        "TypeError",
        "unsupported operand type(s) for -: 'float' and 'builtin_function_or_method'",
        "d = 3.0 - a.mean", (), (), (), ["parentheses"], ["Neither side"],
    ),
    # the ufunc's signature names the operand of `a * b` that holds text; a call keeps the rest
    "text_operand_named": (
        "UFuncTypeError", TEXT_TIMES_INT, "c * arr", (), (), (), ["`c` holds text"], ["`arr`"],
    ),
    "ufunc_called": (
        "UFuncTypeError", TEXT_TIMES_INT, "out = np.multiply(c, arr)", (), (), (),
        ["numeric dtype"], ["holds text"],
    ),
    # imread given an image after the file name: imwrite's order; another call a number's
    "imread_given_an_image": (
        "TypeError", "only size-1 arrays can be converted to Python scalars",
        'cv2.imread("blurred.png", out)', (), ["import cv2"], (),
        ['cv2.imwrite("blurred.png", out)'], [],
    ),
    "resize_given_an_array": (
        "TypeError", "only size-1 arrays can be converted to Python scalars",
        "small = cv2.resize(img, size)", (), ["import cv2"], (), ["single number"], ["imwrite"],
    ),
    # `.values` of an x no cell sets, of a set x beside an X, of an x without a twin
    "values_of_unset_x_beside_X": (
        "AttributeError", ARRAY_VALUES, "plot_regions(x.values, y.values, clf)", (),
        [PANDAS, "X = df.iloc[:, 0:2]\ny = df.iloc[:, -1]"], (),
        ["No cell of this notebook sets `x`", "`X.values`"], [],
    ),
    "values_of_set_x_beside_X": (
        "AttributeError", ARRAY_VALUES, "plot_regions(x.values, y, clf)", (),
        ["import numpy as np", "X = df.iloc[:, 0:2]", "x = np.linspace(0, 1, 50)"], (),
        ["drop the `.values`", "`X.values`"], [],
    ),
    "values_of_x_alone": (
        "AttributeError", ARRAY_VALUES, "plot(x.values)", (),
        ["import numpy as np", "x = np.linspace(0, 1, 50)"], (), ["drop the `.values`"], ["X"],
    ),
    # a column of file paths given to a model, and a column of values
    "file_path_column_to_a_model": (
        "ValueError", OBJECTS_TO_TENSOR, "model.fit(imgs, masks)", KERAS_FIT,
        ["train = pd.read_csv('meta.csv')", "imgs = train['tile_path']\nmasks = train['mask']"],
        (), ["`imgs` holds the column 'tile_path', file paths"], [],
    ),
    "value_column_to_a_model": (
        "ValueError", OBJECTS_TO_TENSOR, "model.fit(feats, y)", KERAS_FIT,
        ["train = pd.read_csv('meta.csv')", "feats = train['pixels']"], (),
        ["astype('float32')"], ["file paths"],
    ),
    # a table given first to seaborn, and a call that passes `data=`
    "table_first_to_seaborn": (
        "ValueError", TRUTH, "sns.violinplot(scores)", SEABORN, (), (),
        ["`sns.violinplot(data=scores)`"], [],
    ),
    "seaborn_with_data": (
        "ValueError", TRUTH, "sns.violinplot(data=scores, x=cols)", SEABORN, (), (),
        [], ["data=scores)`"],
    ),
    # a missing module name read as a submodule, and one called
    "missing_name_read_as_a_submodule": (
        "AttributeError", "module 'pandas' has no attribute 'read_df'",
        "t = pd.read_df.tail_csv(f)", MODULE_GETATTR, [PANDAS], (),
        ["`read_df.tail_csv`"], ["Did you mean"],
    ),
    "missing_name_called": (
        "AttributeError", "module 'pandas' has no attribute 'read_df'",
        "t = pd.read_df(f)", MODULE_GETATTR, [PANDAS], (), ["Did you mean"], [],
    ),
    # urllib3 speaking TLS to a proxy, and the same message without a proxy
    "tls_to_a_proxy": (
        "ValueError", HOSTNAME, "r = requests.get(url)", TLS_PROXY, (), (),
        ["`https://`", "HTTPS_PROXY"], [],
    ),
    "hostname_without_a_proxy": (
        "ValueError", HOSTNAME, "s = ctx.wrap_socket(sock)",
        [("/usr/lib/python3.9/ssl.py", "_create", "raise ValueError(")], (), (), [], ["proxy"],
    ),
    # a Keras callback's own check, and a check of `fit` itself
    "callbacks_own_check": (
        "ValueError", "To visualize embeddings, embeddings_data must be provided.",
        "model.fit(x, y, callbacks=cbs)", CALLBACK, (), (),
        ["A callback raised it"], ["Print the values"],
    ),
    "fits_own_check": (
        "ValueError", "When passing validation_split, x must be an array.",
        "model.fit(x, y, validation_split=0.2)",
        [(f"{SITE}/keras/engine/training.py", "fit", "raise ValueError(")], (), (),
        [], ["callback"],
    ),
    # a frame no cell sets beside a frame the notebook reads, and a frame a cell sets
    "frame_no_cell_sets": (
        "AttributeError", NO_COLUMN, "tokens = df.reviewText.apply(split)", PANDAS_GETATTR,
        [PANDAS, "reviews = pd.read_json('r.json')", "df.columns"], (),
        ["No cell of this notebook sets `df`", "`reviews.reviewText`"], [],
    ),
    "frame_a_cell_sets": (
        "AttributeError", NO_COLUMN, "tokens = df.reviewText.apply(split)", PANDAS_GETATTR,
        [PANDAS, "df = pd.read_json('r.json')"], (), ["df.columns"], ["No cell"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_the_hint_speaks_only_when_its_condition_holds(case):
    ename, message, line, frames, cells, functions, present, absent = CASES[case]
    text = _hint(ename, message, line, frames, cells, functions)
    for words in present:
        assert words in text, text
    for words in absent:
        assert words not in text, text
