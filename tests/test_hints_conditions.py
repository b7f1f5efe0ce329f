"""Templates speak only where their conditions hold (issue 12, second round on the wild set's
study half): each test pairs a crash where a template must speak with one where it must not, for
the wrong-hint patterns the last blind audit still found (library failures told to check the
inputs, same-named pip installs of a project's modules, "upgrade X" where X is too new, dtype vs
device, in_features for a single row, "ran more than once" for errors of every run).

The messages are the libraries' own wordings; tracebacks are written by hand (IPython 8's layout
from ``test_hints_args``, IPython 7's for the old-style cases), never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

SITE = "/usr/local/lib/python3.10/dist-packages"
CHECK_INPUTS = ("Print the values", "Check the inputs", "Print `type(")


def _ipython7(ename, message, line, frames):
    """A record in IPython 7's layout: ``frames`` are (path, function, source line)."""
    tb = [
        "-" * 75,
        f"{ename}                               Traceback (most recent call last)",
        f"<ipython-input-3-0123456789ab> in <module>\n----> 1 {line}\n",
    ]
    for path, function, code in frames:
        tb.append(f"{path} in {function}()\n      5 import os\n----> 6 {code}\n")
    tb.append(f"{ename}: {message}")
    return diagnose(ErrorRecord(ename=ename, evalue=message, traceback=tuple(tb), code=line)).hint


# --------------------------------------------- 1. library failures no input of the call explains


@pytest.mark.parametrize(
    ("ename", "message", "line", "says"),
    [
        (
            "ValueError",
            'Tensor Tensor("dense_2/Softmax:0", shape=(?, 3), dtype=float32) is not an element '
            "of this graph.",
            "probs = clf.predict(batch)",
            "another TensorFlow graph",
        ),
        (
            "TypeError",
            'Cannot interpret feed_dict key as Tensor: Tensor Tensor("x:0", shape=(?, 10), '
            "dtype=float32) is not an element of this graph.",
            "sess.run(loss, feed_dict={x: xs})",
            "another TensorFlow graph",
        ),
        ("RuntimeError", "Attempted to use a closed Session.", "sess.run(step)", "was closed"),
        ("HTTPError", "HTTP Error 502: Bad Gateway", "urlretrieve(link, 'x.csv')", "server"),
        (
            "APIError",
            "The server had an error while processing your request.",
            "reply = llm.invoke(prompt)",
            "server",
        ),
        ("ValueError", "Invalid API key provided.", "client = Geo(key=token)", "API key"),
        (
            "FeatureNotFound",
            "Couldn't find a tree builder with the features you requested: lxml. Do you need to "
            "install a parser library?",
            "soup = BeautifulSoup(page, 'lxml')",
            "not installed",
        ),
    ],
)
def test_library_failures_say_what_failed_not_check_the_inputs(ename, message, line, says):
    text = hint(crash(ename, message, line, [(f"{SITE}/somelib/core.py", "run")]))
    assert says in text and not any(look in text for look in CHECK_INPUTS), text


@pytest.mark.parametrize(
    ("ename", "message", "line"),
    [
        ("ValueError", "perplexity must be less than n_samples", "emb = tsne.fit_transform(X)"),
        ("ValueError", "Input contains NaN, infinity or a value too large.", "model.fit(X, y)"),
    ],
)
def test_messages_about_the_values_keep_the_look_at_the_inputs(ename, message, line):
    text = hint(crash(ename, message, line, [(f"{SITE}/sklearn/base.py", "fit")]))
    assert "graph" not in text and "server" not in text and "API key" not in text


def test_a_missing_program_is_named_as_the_message_writes_it():
    message = "failed to execute PosixPath('dot'), make sure the Graphviz executables are on your"
    text = hint(crash("ExecutableNotFound", message + " systems' PATH", "g.render('tree')"))
    assert "`dot`" in text and "PosixPath" not in text


# ------------------------------------------------------- 2. modules: the pip name, or no pip at all


@pytest.mark.parametrize(
    ("module", "install"),
    [
        ("pytorch_grad_cam", "grad-cam"),
        ("whisper", "openai-whisper"),
        ("health_multimodal", "hi-ml-multimodal"),
        ("sklearn", "scikit-learn"),
    ],
)
def test_known_import_names_are_installed_by_their_pypi_name(module, install):
    text = hint(crash("ModuleNotFoundError", f"No module named '{module}'", f"import {module}"))
    assert f"%pip install {install}" in text


@pytest.mark.parametrize(
    ("module", "line", "code"),
    [
        ("nbutils", "from nbutils.core import *", None),  # imported by its submodule
        ("diffcore", "import diffcore", "import sys\nsys.path.append('../repo')\nimport diffcore"),
        ("sgm", "from sgm import models", "%cd generative-models\nfrom sgm import models"),
        ("exp", "from exp.nb_02 import *", None),
    ],
)
def test_a_projects_own_module_is_not_sent_to_pip(module, line, code):
    message = f"No module named '{module}'"
    text = hint(crash("ModuleNotFoundError", message, line, code=code))
    assert "%pip install" not in text and "sys.path" in text


def test_an_unknown_plain_import_still_offers_both_readings():
    text = hint(crash("ModuleNotFoundError", "No module named 'tickdata'", "import tickdata"))
    assert "%pip install tickdata" in text and "sys.path" in text


def test_a_project_file_importing_a_sibling_folder_is_not_sent_to_pip():
    frames = [("/home/u/book/ch04/two_layer_net.py", "<module>")]
    text = hint(crash("ModuleNotFoundError", "No module named 'common'", "import ch04.net", frames))
    assert "%pip install" not in text and "sys.path" in text
    frames = [("/home/u/book/ch04/two_layer_net.py", "<module>")]
    text = hint(crash("ModuleNotFoundError", "No module named 'mdutils'", "import gen", frames))
    assert "%pip install mdutils" in text  # a package name: both readings stay


# ------------------------------------------ 3. a dependency too new for the package importing it


@pytest.mark.parametrize(
    ("message", "code", "library", "pin"),
    [
        (
            "module 'numpy' has no attribute 'float'.",
            "self.thr = np.float(thr)",
            "catsim",
            "'numpy<1.24'",
        ),
        ("'DataFrame' object has no attribute 'append'", "out = out.append(row)", "tsfeat", "2.0"),
    ],
)
def test_a_removed_api_read_inside_a_library_pins_the_dependency_or_upgrades_the_library(
    message, code, library, pin
):
    frames = [(f"{SITE}/{library}/core.py", "fit", code)]
    text = _ipython7("AttributeError", message, "est.fit(X)", frames)
    assert f"upgrade `{library}`" in text and pin in text, text
    assert "-U numpy" not in text and "-U pandas" not in text


def test_collections_abc_names_inside_a_library_ask_for_a_newer_library():
    frames = [(f"{SITE}/oldgraph/base.py", "__init__", "if isinstance(x, collections.Iterable):")]
    text = _ipython7(
        "AttributeError", "module 'collections' has no attribute 'Iterable'", "g()", frames
    )
    assert "upgrade `oldgraph`" in text and "Python before 3.10" in text


def test_a_removed_api_on_the_users_own_line_is_still_replaced():
    text = hint(
        crash("AttributeError", "module 'numpy' has no attribute 'float'.", "a = np.float(b)")
    )
    assert "float" in text and "upgrade" not in text


def test_a_name_missing_from_a_dependency_names_the_importers_line_when_python_does_not():
    # Python < 3.8 names no module: the importing frame's line does.
    frames = [
        (
            f"{SITE}/botocore/httpsession.py",
            "<module>",
            "from urllib3.util.ssl_ import DEFAULT_CIPHERS",
        )
    ]
    text = _ipython7("ImportError", "cannot import name 'DEFAULT_CIPHERS'", "import boto3", frames)
    assert "'urllib3<2'" in text and "upgrade `botocore`" in text
    # a Python 2 package's implicit relative import is no package to install
    frames = [(f"{SITE}/seotool/__init__.py", "<module>", "from api import get_rank")]
    text = _ipython7("ImportError", "cannot import name 'get_rank'", "import seotool", frames)
    assert "%pip install -U api" not in text and "seotool" in text


def test_an_unknown_missing_name_asks_both_directions():
    message = f"cannot import name 'Buffer' from 'typing_extensions' ({SITE}/typing_extensions.py)"
    frames = [(f"{SITE}/typeguard/_checkers.py", "<module>")]
    text = hint(crash("ImportError", message, "import typeguard", frames))
    assert "-U typing-extensions" in text and "upgrade `typeguard`" in text


# ------------------------------------------------------------- 4. a dtype mismatch on one device


@pytest.mark.parametrize(
    ("message", "says", "never"),
    [
        (
            "Expected object of type torch.cuda.FloatTensor but found type torch.cuda.LongTensor "
            "for argument #2 'target'",
            "`target` is Long where Float",
            "device",
        ),
        (
            "Expected object of scalar type Float but got scalar type Double for argument #2 "
            "'mat2'",
            "Double given, Float expected",
            "device",
        ),
        (
            "Expected object of type torch.FloatTensor but found type torch.cuda.FloatTensor for "
            "argument #2 'weight'",
            "different devices",
            "dtype",
        ),
        (
            "Expected object of backend CPU but got backend CUDA for argument #2 'mat2'",
            "different devices",
            "dtype",
        ),
    ],
)
def test_old_tensor_type_messages_tell_dtype_from_device(message, says, never):
    text = hint(crash("RuntimeError", message, "loss = crit(out, y)"))
    assert says in text and never not in text, text


# -------------------------------------------------------- 5. a single row into a Linear layer


def test_one_row_into_a_linear_layer_is_not_told_to_change_in_features_alone():
    text = hint(
        crash(
            "RuntimeError",
            "mat1 and mat2 shapes cannot be multiplied (1x3072 and 400x120)",
            "out = net(img)",
            [(f"{SITE}/torch/nn/modules/linear.py", "forward")],
        )
    )
    # both readings, the sample's shape and the layer's width; no batch axis: a Linear layer
    # takes an unbatched row as it is, so `unsqueeze(0)` leaves 3072 features
    assert "sample's shape" in text and "set its `in_features` to 3072" not in text
    batch = hint(
        crash(
            "RuntimeError",
            "mat1 and mat2 shapes cannot be multiplied (32x3072 and 400x120)",
            "out = net(imgs)",
            [(f"{SITE}/torch/nn/modules/linear.py", "forward")],
        )
    )
    assert "`in_features` to 3072" in batch


# ---------------------------------------------- 6. "ran more than once" only for errors of a re-run


def _rerun(code: str, ename: str, message: str, line: str, extra=()) -> str:
    """The crash cell (cell 2, count [3]) after a count no cell shows ([2]): a re-run.
    ``extra``: more cells (never run) after it."""
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": [
            f"{ename}                                 Traceback (most recent call last)",
            f"Cell In[3], line 2\n      1 x = 1\n----> 2 {line}\n",
            f"{ename}: {message}",
        ],
        "code": code,
        "cell_id": "c1",
        "execution_count": 3,
        "notebook": {
            "cells": [
                {"id": "c0", "index": 0, "source": "items = [1, 2]\nk = 1", "execution_count": 1},
                {"id": "c1", "index": 1, "source": code, "execution_count": 3},
                *extra,
            ]
        },
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_an_error_inside_the_call_of_a_growing_statement_is_no_rerun():
    code = "items += solver.encode(k, bound=7)"
    text = _rerun(code, "ValueError", "Wrong bound: 7", code)
    assert "more than once" not in text


def test_a_type_error_after_a_self_rebinding_is_a_rerun():
    code = "items = items[0]\nfirst = items[0] + 1"
    text = _rerun(code, "TypeError", "'int' object is not subscriptable", "first = items[0] + 1")
    assert "more than once" in text and "`items`" in text


# ------------------------------------------- more from the study half: attribute errors, Spark


def test_an_attribute_a_library_read_of_a_plain_value_points_at_the_calls_values():
    frames = [(f"{SITE}/keras/utils/image_utils.py", "load_img")]
    message = "'generator' object has no attribute 'read'"
    text = hint(
        crash("AttributeError", message, "img = load_img(paths, target_size=(64, 64))", frames)
    )
    assert "of a `generator` it was given" in text and "before the dot" not in text
    # the user's own line reads it: the object before the dot is the user's
    text = hint(
        crash("AttributeError", "'list' object has no attribute 'split'", "b = a.split(',')")
    )
    assert "it was given" not in text
    # a library's own object: no claim that the user handed it over
    message = "'Generator' object has no attribute 'randint'"
    text = hint(
        crash("AttributeError", message, "obs = env.reset()", [(f"{SITE}/gymlib/env.py", "reset")])
    )
    assert "it was given" not in text


def test_an_attribute_error_that_is_no_missing_attribute_gets_no_dot_advice():
    message = "Setting unexpected parameter 'name' in Params instance 'Params'"
    text = hint(
        crash(
            "AttributeError",
            message,
            "cfg = Params(name='x')",
            [(f"{SITE}/bertlib/p.py", "__setattr__")],
        )
    )
    assert "before the dot" not in text


def test_a_stopped_spark_context_is_said_so():
    message = "Cannot load _jvm from SparkContext. Is SparkContext initialized?"
    text = hint(
        crash(
            "AttributeError",
            message,
            "df = spark.createDataFrame(rows)",
            [(f"{SITE}/pyspark/sql/session.py", "createDataFrame")],
        )
    )
    assert "SparkContext is not running" in text and "Check the inputs" not in text


def test_a_store_into_columns_is_no_rerun_cause_for_a_column_count_error():
    code = "X[cols] = imputer.fit_transform(X[cols])"
    text = _rerun(code, "ValueError", "Columns must be same length as key", code)
    assert "more than once" not in text


def test_a_rebinding_through_a_call_is_no_rerun_cause_for_an_error_inside_the_call():
    code = "loss, items = train_step(items, k)"
    text = _rerun(code, "KeyError", "0", code)
    assert "more than once" not in text


def test_a_searchs_removed_attribute_is_not_sent_to_its_best_model():
    # `grid_scores_` belonged to the search itself (scikit-learn < 0.20), never to the model it
    # fitted; an attribute the search never had still goes to `best_estimator_`.
    removed = hint(
        crash(
            "AttributeError",
            "'GridSearchCV' object has no attribute 'grid_scores_'",
            "print(grid.grid_scores_)",
        )
    )
    assert "cv_results_" in removed and "best_estimator_" not in removed, removed
    model_attr = hint(
        crash("AttributeError", "'GridSearchCV' object has no attribute 'coef_'", "grid.coef_")
    )
    assert "grid.best_estimator_.coef_" in model_attr, model_attr
