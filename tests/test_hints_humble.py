"""Specific templates speak only where their conditions hold on the crash (issue 12's "a hint may
be generic; it must never be wrong"): each test pairs a crash where the template must speak with
one where it must not, for the wrong-hint patterns a blind audit of real notebooks found (a
device tip for a dtype mismatch, "no GPU" for a GPU build mismatch, "fit first" where fitting
cannot help, "add self" without a class, a Kaggle download hint on Kaggle, ...).

The messages are the libraries' own wordings; the tracebacks are written by hand in IPython 8's
layout, as in ``test_hints_args``.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import SITE, crash, hint

COLAB_SITE = "/usr/local/lib/python3.10/dist-packages"
VENV_SITE = "/home/ana/.venv/lib/python3.11/site-packages"


# ------------------------------------------------------------------ runtime: devices and dtypes


def test_no_kernel_image_is_a_gpu_build_mismatch_not_a_missing_gpu():
    text = hint(
        crash(
            "RuntimeError",
            "CUDA error: no kernel image is available for execution on the device",
            "x = x.to('cuda')",
        )
    )
    assert "GPU is there" in text and "no usable CUDA GPU" not in text
    text = hint(crash("AssertionError", "Torch not compiled with CUDA enabled", "x = x.cuda()"))
    assert "no usable CUDA GPU" in text


@pytest.mark.parametrize(
    ("message", "fragment", "wrong"),
    [
        (  # one device, two dtypes: a uint8 image into a float layer
            "Input type (torch.cuda.ByteTensor) and weight type (torch.cuda.FloatTensor) should "
            "be the same",
            "`x.float()`",
            "devices",
        ),
        (
            "Input type (torch.LongTensor) and weight type (torch.FloatTensor) should be the same",
            "Long tensor",
            "devices",
        ),
        (  # two devices, one dtype: the device tip is right
            "Input type (torch.FloatTensor) and weight type (torch.cuda.FloatTensor) should be "
            "the same or input should be a MKLDNN tensor and weight is a dense tensor",
            "different devices",
            "dtype",
        ),
    ],
)
def test_tensor_types_tell_a_dtype_mismatch_from_a_device_mismatch(message, fragment, wrong):
    frames = [(f"{SITE}/torch/nn/modules/conv.py", "_conv_forward")]
    text = hint(crash("RuntimeError", message, "out = model(images)", frames))
    assert fragment in text and wrong not in text


# ------------------------------------------------------------------------------ shapes: Linear


def test_a_sample_split_into_rows_is_a_missing_batch_axis_not_a_wrong_in_features():
    frames = [(f"{SITE}/torch/nn/modules/linear.py", "forward")]
    line = "out = net(img)"
    message = "mat1 and mat2 shapes cannot be multiplied ({} and 400x120)"
    text = hint(crash("RuntimeError", message.format("16x25"), line, frames))
    assert "`x.unsqueeze(0)`" in text and "set its `in_features`" not in text
    text = hint(crash("RuntimeError", message.format("64x500"), line, frames))
    assert "set its `in_features` to 500" in text and "unsqueeze" not in text


# ----------------------------------------------------------------- arguments: self, own raises


@pytest.mark.parametrize(
    ("code", "line", "says_self"),
    [
        (
            "class Net:\n    def step(x):\n        pass\nnet = Net()\nnet.step(1)",
            "net.step(1)",
            True,
        ),
        ("def step(model):\n    pass\nclass A:\n    pass\nstep(m, d)", "step(m, d)", 0),
        (  # a function nested in a method is no method
            "class A:\n    def run(self):\n        def step(x):\n            pass\n"
            "        step(1, 2)\nstep(1, 2)",
            "step(1, 2)",
            0,
        ),
    ],
)
def test_add_self_only_for_a_def_inside_a_class(code, line, says_self):
    message = "step() takes 1 positional argument but 2 were given"
    text = hint(crash("TypeError", message, line, code=code))
    assert ("add `self`" in text) is bool(says_self)


def test_the_users_own_raise_gets_no_library_template():
    own = hint(crash("ValueError", "bad input shape (10, 2)", "raise ValueError(msg)"))
    assert own.startswith("Your own code raised ValueError") and "ravel" not in own
    frames = [(f"{SITE}/sklearn/utils/validation.py", "column_or_1d")]
    library = hint(crash("ValueError", "bad input shape (10, 2)", "clf.fit(X, y)", frames))
    assert "1-D array of labels" in library


# ---------------------------------------------------------------------- attributes: fitted ones


@pytest.mark.parametrize(
    ("owner", "attr", "fragment", "wrong"),
    [
        (
            "GridSearchCV",
            "feature_importances_",
            "`grid.best_estimator_.feature_importances_`",
            "never",
        ),
        ("GridSearchCV", "best_params_", "after fitting", "best_estimator_"),
        ("Pipeline", "coef_", "`grid[-1].coef_`", "never"),
        ("KMeans", "coef_", "never has `coef_`", "fit(...)` on"),
        ("RandomForestClassifier", "tree_", "`estimators_`", "fit(...)` on"),
        ("LinearRegression", "feature_importances_", "permutation_importance", "fit(...)` on"),
        ("LogisticRegression", "coef_", "after fitting", "never"),
        ("LogisticRegressionCV", "coef_", "after fitting", "never"),
    ],
)
def test_fit_first_only_for_attributes_the_estimator_can_have(owner, attr, fragment, wrong):
    message = f"'{owner}' object has no attribute '{attr}'"
    text = hint(crash("AttributeError", message, f"print(grid.{attr})"))
    assert fragment in text and wrong not in text


# ------------------------------------------------------------------------- imports: installs


def test_removed_names_imported_by_a_library_need_an_older_package_or_a_newer_importer():
    message = (
        "cannot import name 'DEFAULT_CIPHERS' from 'urllib3.util.ssl_' "
        f"({COLAB_SITE}/urllib3/util/ssl_.py)"
    )
    frames = [(f"{COLAB_SITE}/botocore/httpsession.py", "<module>")]
    text = hint(crash("ImportError", message, "import boto3", frames))
    assert "'urllib3<2'" in text and "upgrade `botocore`" in text and "-U urllib3" not in text
    message = "cannot import name 'ABCIndexClass' from 'pandas.core.dtypes.generic'"
    text = hint(
        crash("ImportError", message, f"from pandas.core.dtypes.generic import {'ABCIndexClass'}")
    )
    assert "`ABCIndex`" in text


def _import_crash(code: str, cells=()):
    line = code.splitlines()[-1]
    record = {
        "ename": "ModuleNotFoundError",
        "evalue": "No module named 'timm'",
        "traceback": [
            "ModuleNotFoundError                       Traceback (most recent call last)",
            f"Cell In[4], line 2\n      1 x = 1\n----> 2 {line}\n",
            "ModuleNotFoundError: No module named 'timm'",
        ],
        "code": code,
    }
    if cells:
        sources = [*cells, code]
        record["notebook"] = {
            "cells": [
                {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1}
                for i, s in enumerate(sources)
            ]
        }
        record["cell_id"] = f"c{len(cells)}"
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_package_the_notebook_installs_itself_did_not_reach_the_kernel():
    plain = _import_crash("import timm")
    assert "%pip install timm" in plain and "did not reach" not in plain
    same_cell = _import_crash("!pip install -q timm==0.9.2\nimport timm")
    assert "another Python" in same_cell and "`%pip install`" in same_cell
    assert "the install failed" in same_cell  # a shell install may also have failed
    earlier = _import_crash("import timm", cells=["%pip install timm torch", "x = 1"])
    assert "cell 1" in earlier and "did not reach this kernel" in earlier
    other = _import_crash("import timm", cells=["!pip install torch", "x = 1"])
    assert "did not reach" not in other


# ----------------------------------------------------------------------------- keys: no typo


def test_a_key_the_code_names_elsewhere_is_meant_not_a_typo():
    code = "df['age_group'] = pd.cut(df['Age'], 3)\nprint(df['Age_group'].mean())"
    text = hint(crash("KeyError", "'Age_group'", "print(df['Age_group'].mean())", code=code))
    assert "Did you mean" in text
    code = "df = df.rename(columns={'Age_group': 'age'})\n" + code
    text = hint(crash("KeyError", "'Age_group'", "print(df['Age_group'].mean())", code=code))
    assert "Did you mean" not in text


# ------------------------------------------------------------------- files: the machine it ran on


@pytest.mark.parametrize(
    ("path", "site", "fragment", "wrong"),
    [
        ("/kaggle/input/titanic/train.csv", SITE, "“Add Input”", "download"),
        ("/kaggle/input/titanic/train.csv", VENV_SITE, "download", "this Kaggle notebook"),
        # Kaggle's image keeps its packages where Colab's does: both readings, no platform
        ("/kaggle/input/titanic/train.csv", COLAB_SITE, "elsewhere, download", "runs on Colab"),
        ("/kaggle/working/submission.csv", SITE, "output folder", "download"),
        ("/content/train.csv", COLAB_SITE, "session storage", "outside Colab"),
        ("/content/train.csv", VENV_SITE, "outside Colab", "/kaggle"),
        # /opt/conda alone is also Jupyter's Docker images: no Kaggle folders for a relative path
        # without a /kaggle/ path in the traceback or the notebook (tests/test_hints_conditions26)
        ("train.csv", SITE, "working directory", "Kaggle"),
    ],
)
def test_platform_paths_are_read_against_the_machine_the_frames_show(path, site, fragment, wrong):
    message = f"[Errno 2] No such file or directory: '{path}'"
    frames = [(f"{site}/pandas/io/common.py", "get_handle")]
    text = hint(crash("FileNotFoundError", message, f"df = pd.read_csv('{path}')", frames))
    assert fragment in text and wrong not in text


# ------------------------------------------------------------- Colab's placeholder message


def _colab_crash(ename: str, last_line: str | None):
    """A Colab error output saved with the value "ignored"; the traceback's last line holds the
    real message unless ``last_line`` is None."""
    traceback = [
        "---------------------------------------------------------------------------",
        f"{ename}                                  Traceback (most recent call last)",
        "<ipython-input-3-0a1b2c3d4e5f> in <module>()\n----> 1 df['Age'].mean()\n",
        f"{COLAB_SITE}/pandas/core/frame.py in __getitem__(self, key)\n   2905 \n",
    ]
    if last_line is not None:
        traceback.append(last_line)
    record = ErrorRecord(ename=ename, evalue="ignored", traceback=tuple(traceback), code="")
    return diagnose(record).hint


def test_colabs_placeholder_is_never_quoted_as_a_key_or_name():
    assert "'Age'" in _colab_crash("KeyError", "KeyError: 'Age'")
    for ename in ("KeyError", "NameError", "ValueError"):
        text = _colab_crash(ename, None)
        assert "ignored" not in text and "''" not in text
    assert "run the cell again" in _colab_crash("ValueError", None)


# ----------------------------------------- the safe hint: "check the inputs" only about inputs


@pytest.mark.parametrize(
    ("ename", "message", "fragment"),
    [
        ("error", "Caught keyboard interrupt", "interrupted"),
        ("InvocationException", "GraphViz's executables not found", "outside Python"),
        ("RuntimeError", "Java gateway process exited before sending its port number", "PATH"),
        ("RateLimitError", "You exceeded your current quota, please check your plan", "quota"),
        ("Forbidden", "403 Forbidden", "credentials"),
        (
            "SerialException",
            "could not open port 'COM3': PermissionError(13, 'Access is denied.')",
            "port",
        ),
        (
            "Py4JJavaError",
            "An error occurred while calling o451.showString.\n: org.apache.spark.SparkException: "
            "Python worker failed to connect back.",
            "PYSPARK_PYTHON",
        ),
        ("ValueError", "Creating variables on a non-first call to a function", "own account"),
    ],
)
def test_failures_no_input_explains_are_not_sent_to_check_the_inputs(ename, message, fragment):
    frames = [(f"{SITE}/somelib/core.py", "run")]
    text = hint(crash(ename, message, "result = client.run(job)", frames))
    assert fragment in text and "Check the inputs" not in text and "Print the values" not in text


@pytest.mark.parametrize(
    ("ename", "message"),
    [
        ("ValueError", "array split does not result in an equal division"),
        ("SomeLibError", "Input must be a list of strings"),
        ("TypeError", "'NoneType' object is not iterable"),
    ],
)
def test_messages_about_the_inputs_keep_the_look_at_the_inputs(ename, message):
    frames = [(f"{SITE}/somelib/core.py", "run")]
    text = hint(crash(ename, message, "result = client.run(job)", frames))
    assert "names no value" not in text and "not a check of your values" not in text
