"""Hints whose claim was false on crashes nobody tuned on (the thirteenth audit, invalid
arguments, values and model set-up): a target encoder made a Pipeline's step, a `warnings.warn`
some code replaced, bare values meant as one array, a module's attribute read as a class, a
keyword a library only handed on, a subplot index taken from a loop over data indices, a short
category read as free text, a loaded estimator told to be fitted anew, and three safe hints that
sent users to their inputs for a missing package, ImageMagick's policy and a redefined class.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/usr/local/lib/python3.10/site-packages"


def _crash(ename, message, cell, frames=(), cells=()):
    """The hint of a crash of ``cell``'s last line, in IPython 7's layout; ``frames`` are
    (path under site-packages, function, source line), ``cells`` the notebook's other cells."""
    lines = cell.splitlines()
    shown = [f"      {i} {text}" for i, text in enumerate(lines[:-1], 1)]
    shown.append(f"----> {len(lines)} {lines[-1]}")
    tb = [
        "-" * 75,
        f"{ename}                               Traceback (most recent call last)",
        "<ipython-input-4-0123456789ab> in <module>\n" + "\n".join(shown) + "\n",
    ]
    for path, function, code in frames:
        tb.append(f"{SITE}/{path} in {function}(self)\n      5 x = 1\n----> 6 {code}\n")
    tb.append(f"{ename}: {message}")
    notebook = {"cells": [{"id": str(i), "source": c} for i, c in enumerate([*cells, cell])]}
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": message,
            "traceback": tb,
            "code": cell,
            "cell_id": str(len(cells)),
            "notebook": notebook,
        }
    )
    return diagnose(record).hint


# ------------------------------------------------------------ a target encoder as a step

STEP = [
    ("sklearn/pipeline.py", "fit", "Xt = self._fit(X, y, **fit_params_steps)"),
    ("sklearn/compose/_column_transformer.py", "_fit_transform", "return Parallel(n_jobs=1)(x)"),
    ("sklearn/pipeline.py", "_fit_transform_one", "res = transformer.fit_transform(X, y)"),
]
ENCODER_CELL = (
    "from sklearn.preprocessing import LabelEncoder\n"
    "ct = ColumnTransformer([('enc', LabelEncoder(), ['city'])])\n"
    "pipe = Pipeline([('prep', ct), ('model', Ridge())])\n"
    "pipe.fit(X_train, y_train)"
)


def test_a_label_encoder_inside_a_column_transformer_is_a_target_encoder():
    message = "LabelEncoder.fit_transform() takes 2 positional arguments but 3 were given"
    text = _crash("TypeError", message, ENCODER_CELL, STEP)
    assert "OrdinalEncoder" in text and "`(X, y)`" in text, text


def test_the_unqualified_message_of_older_pythons_needs_the_encoder_in_the_code():
    message = "fit_transform() takes 2 positional arguments but 3 were given"
    assert "OrdinalEncoder" in _crash("TypeError", message, ENCODER_CELL, STEP)
    own = ENCODER_CELL.replace("LabelEncoder", "MyScaler")
    text = _crash("TypeError", message, own, STEP)
    assert "OrdinalEncoder" not in text, text


def test_a_label_encoder_the_user_calls_with_two_arguments_is_no_pipeline_step():
    message = "LabelEncoder.fit_transform() takes 2 positional arguments but 3 were given"
    cell = "le = LabelEncoder()\nz = le.fit_transform(X, y)"
    text = _crash("TypeError", message, cell)
    assert "Pipeline" not in text, text


# ------------------------------------------------------------ a replaced warnings.warn

WARN_FRAMES = [
    ("sweetviz/sv_public.py", "analyze", "report = DataframeReport(source, target_feat)"),
    ("matplotlib/backend_bases.py", "_fix_ipython_backend2gui", "if hasattr(pt, 'backend2gui'):"),
    ("IPython/core/pylabtools.py", "__getattr__", 'warnings.warn(f"{name} is deprecated", cls)'),
]
WARN = "warn() takes 0 positional arguments but 2 were given"


def test_a_warn_without_positional_arguments_was_put_in_place_of_warnings_warn():
    text = _crash("TypeError", WARN, "import sweetviz\nreport = sweetviz.analyze(df)", WARN_FRAMES)
    assert "`warnings.warn` is not Python's own" in text and "`sweetviz`" in text, text
    assert "what you pass" not in text, text


def test_the_users_own_replacement_of_warnings_warn_is_named():
    cells = ["import warnings\ndef warn(**kwargs):\n    pass\nwarnings.warn = warn"]
    text = _crash("TypeError", WARN, "report = sweetviz.analyze(df)", WARN_FRAMES, cells)
    assert "A cell of yours replaces `warnings.warn`" in text, text


# ------------------------------------------------------------ bare values meant as one array


def test_bare_numbers_given_to_np_array_belong_in_a_list():
    message = "array() takes from 1 to 2 positional arguments but 4 were given"
    text = _crash("TypeError", message, "import numpy as np\na = np.array(7, 8, 9, 10)")
    assert "`np.array([7, 8, 9, 10])`" in text and "by name" not in text, text


# Too many arguments of the user's own, where neither reading holds: one's own `warn` of one
# parameter is no replaced `warnings.warn`; names given to np.array, or numbers to another
# function, need no list.
OWN_TOO_MANY = {
    "warn() takes 1 positional argument but 2 were given": (
        "def warn(m):\n    print(m)\nwarn('a', 'b')",
        "warnings.warn",
    ),
    "array() takes from 1 to 2 positional arguments but 3 were given": (
        "import numpy as np\na = np.array(xs, ys, zs)",
        "put them in a list",
    ),
    "area() takes 2 positional arguments but 3 were given": (
        "def area(w, h):\n    return w * h\narea(3, 4, 5)",
        "put them in a list",
    ),
}


@pytest.mark.parametrize("message", OWN_TOO_MANY)
def test_too_many_arguments_of_the_users_own_get_neither_reading(message):
    cell, wrong = OWN_TOO_MANY[message]
    text = _crash("TypeError", message, cell)
    assert wrong not in text, text


# ------------------------------------------------------------ a module's attribute is no class

DECAY = "exponential_decay() missing 1 required positional argument: 'decay_rate'"


def test_a_function_of_an_imported_modules_submodule_is_no_class_called_bare():
    cell = (
        "import tensorflow as tf\n"
        "step = tf.Variable(0)\n"
        "lr = tf.train.exponential_decay(0.1, step, 0.9)"
    )
    text = _crash("TypeError", DECAY, cell)
    assert "class itself" not in text and "`decay_rate=...`" in text, text
    assert "your 3 positional values fill its first 3 parameters" in text, text


def test_one_positional_value_fills_no_other_parameter():
    message = "scale() missing 1 required positional argument: 'factor'"
    text = _crash("TypeError", message, "import numpy as np\nout = np.scale(xs)")
    assert "fill its first" not in text and "'factor'" in text, text


def test_a_method_of_an_object_of_the_users_may_still_be_called_on_its_class():
    message = "fit() missing 1 required positional argument: 'y'"
    text = _crash("TypeError", message, "model.fit(X_train)")
    assert "class itself" in text, text


# ------------------------------------------------------------ a keyword a library handed on

SPACY = [
    ("spacy/displacy/__init__.py", "render", "parsed = [converter(doc, options) for doc in docs]"),
    (
        "spacy/util.py",
        "to_bytes",
        "return msgpack.dumps(serialized, use_bin_type=True, encoding='utf8')",
    ),
    ("msgpack_numpy.py", "packb", "return Packer(**kwargs).pack(o)"),
]
ENCODING = "__init__() got an unexpected keyword argument 'encoding'"


def test_the_library_that_names_the_keyword_passed_it_not_the_one_that_hands_on_kwargs():
    text = _crash("TypeError", ENCODING, "displacy.serve(doc, style='dep')", SPACY)
    assert "`spacy` passed it" in text and "`msgpack_numpy` passed" not in text, text


def test_the_last_library_passes_the_keyword_when_its_own_line_names_it():
    frames = [*SPACY[:2], ("msgpack_numpy.py", "packb", "return Packer(encoding='utf8').pack(o)")]
    text = _crash("TypeError", ENCODING, "displacy.serve(doc, style='dep')", frames)
    assert "`msgpack_numpy` passed it" in text, text


# ------------------------------------------------------------ a subplot index from data indices

SUBPLOT = "num must be 1 <= num <= 10, not 4013"
MPL = [("matplotlib/pyplot.py", "subplot", "ax = fig.add_subplot(*args, **kwargs)")]


@pytest.mark.parametrize(
    ("loop", "index", "enumerate_told"),
    [("for i in picks:", "4013", True), ("for i in range(12):", "11", False)],
)
def test_a_subplot_index_from_a_loop_over_items_gets_both_readings(loop, index, enumerate_told):
    """Items of a list may be data indices (both readings); a `range` counts positions."""
    cell = f"picks = [4012, 77, 310]\n{loop}\n    ax = plt.subplot(2, 5, i + 1)"
    text = _crash("ValueError", SUBPLOT.replace("4013", index), cell, MPL)
    assert ("enumerate(picks)" in text) == enumerate_told and "large enough" in text, text


# ------------------------------------------------------------ a short category is no free text

LOGISTIC = [
    ("sklearn/linear_model/_logistic.py", "fit", "X, y = self._validate_data(X, y)"),
    ("sklearn/utils/validation.py", "check_array", "array = np.asarray(array, dtype=dtype)"),
]


def test_five_words_without_a_sentences_end_may_be_a_category():
    message = "could not convert string to float: 'Born abroad of American parents'"
    text = _crash("ValueError", message, "clf.fit(X_train, y_train)", LOGISTIC)
    assert "one-hot" in text and "vectorizer" in text and "a column of sentences" not in text


def test_a_sentence_is_free_text():
    message = "could not convert string to float: 'The room was clean and the staff kind.'"
    text = _crash("ValueError", message, "clf.fit(X_train, y_train)", LOGISTIC)
    assert "a column of sentences" in text, text


# ------------------------------------------------------------ a loaded estimator is not refitted

TFIDF = [
    ("sklearn/feature_extraction/text.py", "transform", "check_is_fitted(self, msg=msg)"),
    ("sklearn/utils/validation.py", "check_is_fitted", "raise NotFittedError(msg % {'name': n})"),
]
NOT_FITTED = "The TF-IDF vectorizer is not fitted"


def test_an_estimator_loaded_from_a_pickle_was_saved_unfitted():
    cell = "vec = pickle.load(open('vec.pkl', 'rb'))\nX = vec.transform(texts)"
    text = _crash("NotFittedError", NOT_FITTED, cell, TFIDF)
    assert "loaded from a file" in text and "call `.fit" not in text, text


def test_an_estimator_made_in_the_notebook_is_to_be_fitted():
    cell = "vec = TfidfVectorizer()\nX = vec.transform(texts)"
    text = _crash("NotFittedError", NOT_FITTED, cell, TFIDF)
    assert "call `.fit(...)` on this same object" in text, text


# ------------------------------------------------------------ what the message says failed

KALEIDO = (
    '\nImage export using the "kaleido" engine requires the kaleido package,\n'
    "which can be installed using pip:\n    $ pip install -U kaleido\n"
)
PLOTLY = [("plotly/io/_kaleido.py", "to_image", "raise ValueError(msg)")]


def test_a_message_that_gives_the_pip_command_is_a_missing_package():
    text = _crash("ValueError", KALEIDO, "fig.write_image('fig.png')", PLOTLY)
    assert "`%pip install -U kaleido`" in text and "Print the values" not in text, text


def test_a_message_without_a_pip_line_gets_no_install():
    message = "Invalid format 'pngg'.\n    Supported formats: ['png', 'jpg']"
    text = _crash("ValueError", message, "fig.write_image('fig.pngg')", PLOTLY)
    assert "%pip" not in text, text


WAND = [("wand/image.py", "read", "self.raise_exception()")]


def test_imagemagicks_policy_refuses_a_format_not_a_value():
    message = (
        "attempt to perform an operation not allowed by the security policy `PDF' @ "
        "error/constitute.c/IsCoderAuthorized/408"
    )
    text = _crash("PolicyError", message, "img = Image(filename='scan.pdf')", WAND)
    assert "policy.xml" in text and "pdf2image" in text and "Check the inputs" not in text, text
    other = _crash(
        "PolicyError", message.replace("`PDF'", "`PS'"), "img = Image(filename='a.ps')", WAND
    )
    assert "policy.xml" in other and "pdf2image" not in other, other


PICKLE = [("multiprocessing/reduction.py", "dumps", "cls(buf, protocol).dump(obj)")]


def test_a_class_pickle_finds_changed_under_its_name_was_defined_again():
    message = "Can't pickle <class '__main__.Point'>: it's not the same object as __main__.Point"
    text = _crash("PicklingError", message, "pickle.dump(p, f)")
    assert "defined again" in text and "Check the inputs" not in text, text


def test_a_lambda_pickle_cannot_find_is_no_redefined_class():
    message = (
        "Can't pickle <function <lambda> at 0x7f3a>: attribute lookup <lambda> on __main__ failed"
    )
    text = _crash("PicklingError", message, "pickle.dump(f, out)")
    assert "defined again" not in text, text
