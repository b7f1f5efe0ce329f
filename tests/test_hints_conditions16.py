"""Conditions of the safe hint's looks and of templates for crashes whose message, failing line
or frames say more than the family's look: a web address in an OSError, a window with no
screen, a cursor's fetch, a weights-only Keras file, a dataset of several elements, a nested
model's layer, a package of its own, a compiled module loaded from outside the environment,
a case slip in `model = model(...)`, a library's check that catches every error, ...

Each pairs a crash where the sentence must speak with one where it must not. Messages and
tracebacks are written here by hand in the libraries' wording and the layout IPython prints,
never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_notebook_saved import saved

SITE = "/usr/local/lib/python3.10/dist-packages"


def _framed(ename, message, line, frames, code=None) -> str:
    """The hint of a crash whose library frames show their lines: ``frames`` are (path,
    function, lines, failing) with ``failing`` the index of the line that raised."""
    out = [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[4], line 1\n----> 1 {line}\n",
    ]
    for path, function, lines, failing in frames:
        shown = "\n".join(
            f"{'---> ' if i == failing else '     '}{100 + i} {text}"
            for i, text in enumerate(lines)
        )
        out.append(f"File {path}:{100 + failing}, in {function}(*args, **kwargs)\n{shown}\n")
    out.append(f"{ename}: {message}")
    record = ErrorRecord(
        ename=ename, evalue=message, traceback=tuple(out), code=code if code is not None else line
    )
    return diagnose(record).hint


def _at(*parts):
    """Frames (path, function) below the cell, under the installed packages' folder."""
    return [(f"{SITE}/{path}", function) for path, function in parts]


_TRINO = (
    'TrinoUserError(type=USER_ERROR, name=NOT_SUPPORTED, message="Inserting into this table is '
    'not supported", query_id=20240101_000000_00001_abcde)'
)
_LAYERS = "Existing layers are: ['input_layer', 'sequential', 'resnet50', 'reshape', 'dense']."
_ONE = "Dataset had more than one element. [Op:DatasetToSingleElement]"
_TF_DATA = _at(("tensorflow/python/data/ops/dataset_ops.py", "get_single_element"))
_KERAS_LOAD = _at(("keras/saving/save.py", "load_model"))
_GET_LAYER = _at(("keras/src/models/model.py", "get_layer"))
_IMSHOW = _at(("matplotlib/image.py", "set_data"))
_CONCAT = _at(("pandas/core/reshape/concat.py", "__init__"))
_CONCAT_OF = (
    "cannot concatenate object of type '<class '{}'>'; only Series and DataFrame objs are valid"
)
_OOM = "DefaultCPUAllocator: not enough memory: you tried to allocate 602112 bytes."
_FIT_XY = "LinearRegression.fit() missing 2 required positional arguments: 'X' and 'y'"
_PLUGINS = (
    "Unable to decompress 'JPEG Lossless' pixel data because all plugins are missing "
    "dependencies:\n\tgdcm - requires gdcm>=3.0.10\n\tpylibjpeg - requires pylibjpeg>=2.0 "
    "and pylibjpeg-libjpeg>=2.1"
)
_NON_CONTIGUOUS = (
    "You are trying to save a non contiguous tensor: `bert.layer.0.weight` which is not "
    "allowed. It either means you are trying to save tensors which are reference of each "
    "other, or simply call `.contiguous()` on your tensor to pack it before saving."
)
_CV2 = "dlopen({}/cv2.so, 2): Symbol not found: _PyCObject_Type"
_CANNOT_IMPORT = "cannot import name '{}' from '{}' ({}/__init__.py)"

# name: ((ename, message, failing line, frames, cell code or None), says, never)
CASES = {
    "a web address in an OSError": (
        (
            "OSError",
            "https://tfhub.dev/google/some/model/1 does not appear to be a valid module.",
            "layer = hub.KerasLayer(url)",
            _at(("tensorflow_hub/resolver.py", "download_and_uncompress")),
            None,
        ),
        ("web address",),
        ("os.getcwd()",),
    ),
    "a local path in an OSError": (
        ("OSError", "[Errno 22] Invalid argument: 'C:\\\\d\\\\t?.csv'", "pd.read_csv(p)", [], None),
        (),
        ("web address",),
    ),
    "no display": (
        (
            "NoSuchDisplayException",
            'Cannot connect to "None"',
            "env.render()",
            _at(("pyglet/canvas/xlib.py", "__init__")),
            None,
        ),
        ("no screen",),
        ("the state of `env`",),
    ),
    "a refused connection": (
        (
            "ConnectionRefusedError",
            "[Errno 111] Connection refused",
            "r.fetch()",
            _at(("urllib3/connection.py", "_new_conn")),
            None,
        ),
        (),
        ("no screen",),
    ),
    "a fetch that raises the database's error": (
        (
            "TrinoUserError",
            _TRINO,
            "rows = cur.fetchall()",
            _at(("trino/dbapi.py", "Cursor.fetchall"), ("trino/client.py", "process")),
            None,
        ),
        ("the statement `cur` ran last",),
        ("state of `cur`",),
    ),
    "a fetch with nothing to fetch": (
        (
            "ProgrammingError",
            "no results to fetch",
            "rows = cur.fetchall()",
            _at(("psycopg2/extras.py", "fetchall")),
            None,
        ),
        (),
        ("refused that statement",),
    ),
    "need to specify, with no argument": (
        (
            "ValueError",
            "Need to specify at least one of 'labels', 'index' or 'columns'",
            "df.drop()",
            _at(("pandas/core/generic.py", "drop")),
            None,
        ),
        ("called without arguments",),
        ("state of `df`",),
    ),
    "a keras file of weights only": (
        (
            "ValueError",
            "No model found in config file.",
            "m = tf.keras.models.load_model('weights.h5')",
            _KERAS_LOAD,
            None,
        ),
        ("weights only", "load_weights"),
        ("which version",),
    ),
    "another refusal of a keras file": (
        (
            "ValueError",
            "Unknown layer: MyBlock",
            "m = tf.keras.models.load_model('model.h5')",
            _KERAS_LOAD,
            None,
        ),
        (),
        ("weights only",),
    ),
    "a layer of a nested model": (
        (
            "ValueError",
            f"No such layer: conv5_block3_out. {_LAYERS}",
            "m.get_layer(n)",
            _GET_LAYER,
            None,
        ),
        ("model.get_layer('resnet50').get_layer('conv5_block3_out')",),
        ("`.shape`",),
    ),
    "a layer of a flat model": (
        (
            "ValueError",
            "No such layer: dense_9. Existing layers are: ['input_layer', 'dense'].",
            "m.get_layer('dense_9')",
            _GET_LAYER,
            None,
        ),
        ("not one of this model's own layers",),
        ("nested",),
    ),
    "a dataset of several elements, repeated": (
        (
            "InvalidArgumentError",
            _ONE,
            "x = tf.data.experimental.get_single_element(ds)",
            _TF_DATA,
            "ds = tf.data.Dataset.range(8).repeat()\n"
            "x = tf.data.experimental.get_single_element(ds)",
        ),
        ("exactly one element", "`.repeat()` makes a dataset endless"),
        ("`.shape`",),
    ),
    "a dataset of several elements": (
        ("InvalidArgumentError", _ONE, "x = ds.get_single_element()", _TF_DATA, None),
        ("exactly one element",),
        ("repeat",),
    ),
    "a flat array of no square size": (
        ("TypeError", "Invalid shape (50000,) for image data", "plt.imshow(t[1])", _IMSHOW, None),
        ("no square image",),
        ("reshape a flattened image",),
    ),
    "a flat array of a square size": (
        ("TypeError", "Invalid shape (784,) for image data", "plt.imshow(x[0])", _IMSHOW, None),
        ("reshape a flattened image",),
        (),
    ),
    "comparisons joined by & inside an index": (
        (
            "TypeError",
            "Cannot perform 'rand_' with a dtyped [object] array and scalar of type [bool]",
            "df[df['d'] >= '2020-01-01' & df['d'] <= '2020-02-01']",
            _at(("pandas/core/ops/array_ops.py", "na_logical_op")),
            None,
        ),
        ("`(df['d'] >= '2020-01-01') & (df['d'] <= '2020-02-01')`",),
        ("`(df[df",),
    ),
    "a package of its own imported from another library": (
        (
            "ImportError",
            _CANNOT_IMPORT.format("imblearn", "sklearn.utils", f"{SITE}/sklearn/utils"),
            "from sklearn.utils import imblearn",
            [],
            None,
        ),
        ("`imblearn` is a package of its own", "`%pip install imbalanced-learn`"),
        (),
    ),
    "a plain word that is many libraries' submodule": (
        (
            "ImportError",
            _CANNOT_IMPORT.format("numpy", "jax", f"{SITE}/jax"),
            "from jax import numpy as jnp",
            [],
            None,
        ),
        (),
        ("package of its own",),
    ),
    "a submodule the library provides": (
        (
            "ImportError",
            _CANNOT_IMPORT.format("keras", "tensorflow", f"{SITE}/tensorflow"),
            "from tensorflow import keras",
            [],
            None,
        ),
        (),
        ("package of its own",),
    ),
    "a compiled module of another Python outside the environment": (
        ("ImportError", _CV2.format("/opt/tool/python/python2.7"), "import cv2", [], None),
        ("a copy for Python 2.7",),
        ("force-reinstall",),
    ),
    "a compiled module built outside the environment": (
        ("ImportError", _CV2.format("/home/me/builds/opencv/lib"), "import cv2", [], None),
        ("outside the folders pip installs",),
        ("Reinstall it",),
    ),
    "a compiled module in the environment": (
        ("ImportError", _CV2.format(f"{SITE}/cv2"), "import cv2", [], None),
        ("Reinstall it",),
        ("outside",),
    ),
    "a torch dataset read whole by another library": (
        (
            "RuntimeError",
            _OOM,
            "a, b = train_test_split(data)",
            _at(
                ("sklearn/utils/__init__.py", "<listcomp>"),
                ("torchvision/datasets/folder.py", "DatasetFolder.__getitem__"),
            ),
            None,
        ),
        ("random_split",),
        ("earlier cells",),
    ),
    "a small allocation elsewhere": (
        ("RuntimeError", _OOM, "y = net(x)", _at(("torch/nn/functional.py", "linear")), None),
        ("already used up",),
        (),
    ),
    "pd.concat of a dict": (
        ("TypeError", _CONCAT_OF.format("dict"), "pd.concat([df, row])", _CONCAT, None),
        ("`pd.DataFrame([d])`",),
        ("wrap arrays",),
    ),
    "pd.concat of an array": (
        ("TypeError", _CONCAT_OF.format("numpy.ndarray"), "pd.concat([df, a])", _CONCAT, None),
        ("wrap arrays",),
        (),
    ),
    "pydicom's missing plugins": (
        (
            "RuntimeError",
            _PLUGINS,
            "plt.imshow(ds.pixel_array)",
            _at(("pydicom/pixels/common.py", "_validate_plugins")),
            None,
        ),
        ('`%pip install "pylibjpeg>=2.0" "pylibjpeg-libjpeg>=2.1"`',),
        ("Check the inputs",),
    ),
    "a non-contiguous weight saved by a library": (
        (
            "ValueError",
            _NON_CONTIGUOUS,
            "model.train_model(df)",
            _at(("safetensors/torch.py", "_tobytes")),
            None,
        ),
        ("safe_serialization=False",),
        ("Print the values",),
    ),
    "a method of an object another cell made": (
        (
            "TypeError",
            _FIT_XY,
            "res = model.fit()",
            _at(("sklearn/base.py", "wrapper")),
            "from statsmodels.tsa.arima.model import ARIMA\nres = model.fit()",
        ),
        ("`model` holds a `LinearRegression`, which this cell does not make",),
        (),
    ),
    "a method of an object this cell made": (
        (
            "TypeError",
            _FIT_XY,
            "res = model.fit()",
            _at(("sklearn/base.py", "wrapper")),
            "model = LinearRegression()\nres = model.fit()",
        ),
        (),
        ("which this cell does not make",),
    ),
    "global_variables_initializer as a weight initializer": (
        (
            "TypeError",
            "global_variables_initializer() got an unexpected keyword argument 'seed'",
            "w = tf.get_variable('w', initializer=tf.global_variables_initializer(seed=1))",
            [],
            None,
        ),
        ("not an initializer for one variable's weights",),
        ("check its spelling",),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_sentence_speaks_only_where_its_condition_holds(case):
    (ename, message, line, frames, code), says, never = CASES[case]
    text = hint(crash(ename, message, line, frames, code=code))
    assert all(w in text for w in says) and not any(w in text for w in never), text


# --------------------------------------------------------------- `model = model(...)`: case


_OUTPUTS = ("TypeError", "call() got an unexpected keyword argument 'outputs'")


def test_a_call_of_its_own_name_with_a_class_of_other_capitals_is_a_case_slip():
    sources = [
        "from keras.models import Model",
        "model = Model(a, b)",
        "model = model(inputs=a, outputs=b)",
    ]
    text = diagnose(saved(sources, [1, 2, 5], crash=3, error=_OUTPUTS)).hint
    assert "write `model = Model(...)`" in text and "saved counts suggest" not in text, text


def test_without_a_class_of_other_capitals_there_is_no_case_slip():
    sources = ["from keras.models import Sequential", "model = Sequential()", "model = model(x)"]
    text = diagnose(saved(sources, [1, 2, 3], crash=3, error=_OUTPUTS)).hint
    assert "case-sensitive" not in text, text


# ------------------------------------------------------------- what the library's frames show

_KERAS_TENSOR = (
    "A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic "
    "placeholder for a shape and dtype. You can only use it as input to a Keras layer or a Keras "
    "operation (from the namespaces `keras.layers` and `keras.operations`)."
)
_AS_TENSOR = (f"{SITE}/keras/src/backend/common/keras_tensor.py", "__tf_tensor__", ("raise X",), 0)
_CHECK = f"{SITE}/lifelines/utils/__init__.py"
_RAISE_NUMERIC = 'raise ValueError("Values must be numeric")'
_VOTING = f"{SITE}/sklearn/ensemble/_voting.py"
_ZIP = "zip argument #1 must support iteration"
_OVERLOADS = "No matching overloads found for constructor java.lang.Boolean(bool)"
_JOBJECT = (f"{SITE}/jpype/_jobject.py", "__init__", ("jv = cls.newInstance(*args)",), 0)
_FORWARDS = (f"{SITE}/reg/api.py", "register", ("return reg.add(model, source=source)",), 0)
_READS = (f"{SITE}/reg/registry.py", "Registry.add", ('if source.upper() == "NB":',), 0)
_NO_UPPER = "'NoneType' object has no attribute 'upper'"

# name: ((ename, message, failing line, frames with their lines), says, never)
FRAMED = {
    "a raise under a catch-all except": (
        ("ValueError", "Values must be numeric", "kmf.fit(t, e)",
         [(_CHECK, "check", ("return v", "except:", _RAISE_NUMERIC), 2)]),
        ("catches every error",),
        (),
    ),
    "a raise under a named except": (
        ("ValueError", "Values must be numeric", "kmf.fit(t, e)",
         [(_CHECK, "check", ("return v", "except TypeError:", _RAISE_NUMERIC), 2)]),
        (),
        ("catches every error",),
    ),
    "a method failing on its object's own attribute": (
        ("TypeError", _ZIP, "vc.fit(X, y)",
         [(_VOTING, "fit", ("self._check()", "names, clfs = zip(*self.estimators)"), 1)]),
        ("`self.estimators`", "print `vc.estimators`"),
        (),
    ),
    "a method failing on its arguments": (
        ("TypeError", _ZIP, "vc.fit(X, y)",
         [(_VOTING, "fit", ("self._check()", "n = zip(*X)"), 1)]),
        (),
        ("self.",),
    ),
    "a library calling another with no matching overload": (
        ("TypeError", _OVERLOADS, "okt.pos(s)",
         [(f"{SITE}/konlpy/tag/_okt.py", "pos", ("jpype.java.lang.Boolean(norm)",), 0), _JOBJECT]),
        ("`konlpy`'s own code calls `jpype`", "`JPype1`"),
        (),
    ),
    "the user's own call with no matching overload": (
        ("TypeError", _OVERLOADS, "b = jpype.java.lang.Boolean(True)", [_JOBJECT]),
        (),
        ("own code calls",),
    ),
    "a keras tensor handed to tensorflow by a library": (
        ("ValueError", _KERAS_TENSOR, "m = some_vit.ViT()",
         [(f"{SITE}/some_vit/attention.py", "block", ("q, k, v = tf.split(qkv, 3)",), 0),
          _AS_TENSOR]),
        ("written for Keras 2", "TF_USE_LEGACY_KERAS"),
        (),
    ),
    "a keras tensor handed to tensorflow by the user's line": (
        ("ValueError", _KERAS_TENSOR, "y = tf.split(x, 3)", [_AS_TENSOR]),
        (),
        ("Keras 2",),
    ),
    "None read of a parameter the call does not pass": (
        ("AttributeError", _NO_UPPER, "register(model=m, name='x')", [_FORWARDS, _READS]),
        ("passes no `source=`",),
        (),
    ),
    "None read of a parameter the call passes": (
        ("AttributeError", _NO_UPPER, "register(model=m, source=s)", [_FORWARDS, _READS]),
        (),
        ("passes no `source=`",),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(FRAMED))
def test_what_the_frames_show_speaks_only_where_they_show_it(case):
    (ename, message, line, frames), says, never = FRAMED[case]
    text = _framed(ename, message, line, frames)
    assert all(w in text for w in says) and not any(w in text for w in never), text


# ---------------------------------------------------------------------- messages of their own


@pytest.mark.parametrize(
    ("status", "says"),
    [("Model is deploying", "not ready yet"), ("Invalid model id", "act on what that status")],
)
def test_a_raise_of_the_users_that_reports_a_services_status(status, says):
    line = 'raise Exception("Request failed, status: " + resp.status.description)'
    message = f"Request failed, status: {status}"
    traceback = (
        "---------------------------------------------------------------------------",
        "Exception                                 Traceback (most recent call last)",
        f"Cell In[3], line 3\n      1 resp = stub.Post(req)\n      2 if resp.status.code != 1:\n"
        f"----> 3     {line}\n",
        f"Exception: {message}",
    )
    code = f"resp = stub.Post(req)\nif resp.status.code != 1:\n    {line}"
    record = ErrorRecord(ename="Exception", evalue=message, traceback=traceback, code=code)
    text = diagnose(record).hint
    assert says in text and "condition before this `raise` tests" not in text, text
