"""Hints of the object families (attributes, keys, indexes, other, files, network, memory) speak
only where the message, the failing line, the frames or the cell show the cause; otherwise the
safe hint speaks. The messages are the libraries' own wording; the tracebacks are written by hand
in IPython 8's style (the cell's line, then the library frames)."""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.hints import make_hint
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import apply_rules, matching_rules
from jupyterlab_nbcrash.diagnosis.text import key_strings, spelled_alike
from jupyterlab_nbcrash.diagnosis.traceback import parse

# Library frames by the name a test gives them: (file, function).
SITE = "/opt/conda/lib/python3.10/site-packages"
COLAB = "/usr/local/lib/python3.10/dist-packages"
WINDOWS = "C:\\Users\\ana\\anaconda3\\lib\\site-packages"


def frame(path: str, function: str, code: str = "return f(x)") -> str:
    return f"File {path}:10, in {function}(self)\n---> 10 {code}\n"


def hint(ename, evalue, line="", frames=(), code="", before=""):
    """The hint of a crash whose cell's failing line is ``line`` (line 2 of the cell, after
    ``before``), raised in ``frames`` below it."""
    tb = []
    if line:
        cell = f"Cell In[3], line 2\n      1 {before or 'x = 1'}\n----> 2 {line}\n"
        tb = ["-" * 75, f"{ename}    Traceback (most recent call last)", cell, *frames]
    tb.append(f"{ename}: {evalue}" if evalue else ename)
    rec = ErrorRecord(
        ename=ename,
        evalue=evalue,
        traceback=tuple(tb),
        code=code or (f"{before or 'x = 1'}\n{line}" if line else ""),
    )
    parsed = parse(rec)
    match = apply_rules(parsed)
    labels = {"crash_type": match.crash_type if match else "other"}
    text, _ = make_hint(parsed, labels, matching_rules(parsed))
    return text


PANDAS_GET = frame(f"{SITE}/pandas/core/frame.py", "DataFrame.__getitem__", "indexer = ...")
PANDAS_DROP = frame(f"{SITE}/pandas/core/generic.py", "NDFrame.drop", "obj = obj._drop_axis()")


# ---------------------------------------------------------------------------------------- keys


def test_a_key_inside_a_sentence_is_the_key_and_its_container_is_named():
    text = hint(
        "KeyError",
        "\"Key 'independt' not present\"",
        "print(model.wv['independt'])",
        [frame(f"{SITE}/gensim/models/keyedvectors.py", "KeyedVectors.get_index")],
    )
    assert "'independt'" in text and "`model.wv`" in text and "Key '" not in text


def test_only_an_unquoted_number_is_a_position_mistaken_for_a_label():
    assert ".iloc[0]" in hint("KeyError", "0", "s[0]", [PANDAS_GET])
    text = hint("KeyError", "'1993'", 'ages = df["1993"]', [PANDAS_GET])
    assert ".iloc" not in text and "'1993'" in text


@pytest.mark.parametrize(
    ("evalue", "line", "code", "wrong"),
    [
        # another column the same list asks for is no spelling of the missing one
        (
            "\"['Customer Name'] not in index\"",
            "df[cols]",
            "cols = ['Order ID', 'Customer Name', 'Customer ID']\ndf[cols]",
            "Customer ID",
        ),
        # a comment and a plot label are no column names
        ("'order_date'", "df.groupby('order_date')", "# by 'order date'\n", "order date"),
        ("'x1'", "X = data['x1']", "plt.xlabel('X1')\n", "X1"),
        ("'borrower_score'", "d['borrower_score'] + d['co-borrower_score']", "", "co-borrower"),
    ],
)
def test_no_did_you_mean_without_a_slip_in_typing(evalue, line, code, wrong):
    text = hint("KeyError", evalue, line, [PANDAS_GET], code=code + line)
    assert "Did you mean" not in text and wrong not in text


def test_a_slip_in_typing_a_column_is_still_suggested():
    code = "df = pd.DataFrame({'price': [1.0]})\ndf['prices'].mean()"
    assert "Did you mean `price`?" in hint(
        "KeyError", "'prices'", "df['prices'].mean()", [PANDAS_GET], code
    )


def test_dict_keys_come_from_the_same_dict_only():
    code = "pt.align['Category'] = 'l'\nc = [like['category'] for like in likes]"
    text = hint("KeyError", "'category'", "c = [like['category'] for like in likes]", code=code)
    assert "Category" not in text
    code = "params = {'n_estimators': 10}\nparams['n_estimator']"
    assert "`n_estimators`" in hint("KeyError", "'n_estimator'", "params['n_estimator']", code=code)


def test_drop_looks_among_rows_without_axis():
    text = hint("KeyError", "\"['PRCP'] not found in axis\"", "df.drop(['PRCP'])", [PANDAS_DROP])
    assert "columns=['PRCP']" in text
    text = hint(
        "KeyError", "\"['PRCP'] not found in axis\"", "df.drop(['PRCP'], axis=1)", [PANDAS_DROP]
    )
    assert "row labels" not in text


def test_a_column_the_cell_removes_explains_a_rerun_or_an_earlier_line():
    line = "df.drop('PassengerId', inplace=True, axis=1)"
    text = hint("KeyError", "\"['PassengerId'] not found in axis\"", line, [PANDAS_DROP])
    assert "if it ran before" in text and "'PassengerId'" in text
    before = "df = df.drop(columns=['Age'])"
    text = hint("KeyError", "'Age'", "df['Age'].mean()", [PANDAS_GET], before=before)
    assert "Line 1" in text and "before the failing line" in text


def test_a_key_looked_up_inside_a_helper_names_the_call():
    frames = [frame("/home/ana/proj/helpers.py", "count_cells"), PANDAS_GET]
    text = hint("KeyError", "'cell_id'", "helpers.count_cells(df)", frames)
    assert "`helpers.count_cells(df)`" in text and "spelling" not in text


@pytest.mark.parametrize(
    ("key", "fragment", "absent"),
    [("lr", "learning_rate", "validation"), ("val_loss", "validation_split", "learning_rate")],
)
def test_history_keys(key, fragment, absent):
    text = hint("KeyError", f"'{key}'", f"plt.plot(history.history['{key}'])")
    assert fragment in text and absent not in text


# ------------------------------------------------------------------------------------- indexes


def test_index_messages_are_read_not_the_exception_class():
    msg = (
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
        "boolean arrays are valid indices"
    )
    text = hint("IndexError", msg, "x = a[n / 2]")
    assert "int(...)" in text and "`//`" in text and "past the end" not in text
    msg = "Dimension out of range (expected to be in range of [-1, 0], but got 1)"
    text = hint("IndexError", msg, "a.mean(dim=1)")
    assert "1 dimension" in text and "past the end" not in text
    text = hint(
        "IndexError",
        "Target 5 is out of bounds.",
        "loss = F.cross_entropy(logits, y)",
        [frame(f"{SITE}/torch/nn/functional.py", "cross_entropy")],
    )
    assert "number of classes" in text


def test_element_zero_missing_means_an_empty_list():
    assert "`cards` is empty" in hint("IndexError", "list index out of range", "cards[0]")
    assert "`word` is empty string" not in hint(
        "IndexError", "string index out of range", "word[0]"
    )
    assert "empty string" in hint("IndexError", "string index out of range", "word[0]")
    assert "empty" not in hint("IndexError", "list index out of range", "cards[i + 1]")


def test_an_index_error_inside_a_library_gets_the_safe_hint():
    frames = [frame(f"{SITE}/transformers/tokenization_utils_base.py", "_call_one")]
    text = hint("IndexError", "list index out of range", "out = tokenizer(texts)", frames)
    assert "raised IndexError" in text and "past the end" not in text and "loop" not in text


def test_list_assignment_and_shape_entries():
    assert ".append(" in hint("IndexError", "list assignment index out of range", "arr[1] = 5")
    text = hint("IndexError", "tuple index out of range", "n = X.shape[1]")
    assert "`X.shape` has no entry [1]" in text


def test_numpy_style_index_on_a_tuple_or_a_model_output():
    text = hint(
        "TypeError", "tuple indices must be integers or slices, not tuple", "e = out[:, 0, :]"
    )
    assert "np.array" in text and "int(...)" not in text
    frames = [frame(f"{SITE}/transformers/utils/generic.py", "ModelOutput.__getitem__")]
    text = hint(
        "TypeError",
        "tuple indices must be integers or slices, not tuple",
        "e = out[:, 0, :]",
        frames,
    )
    assert "last_hidden_state" in text
    text = hint("TypeError", "string indices must be integers", "int(x[:, -1])")
    assert "indexed by name" not in text and "x[:-1]" in text


def test_negative_embedding_id_is_not_a_small_input_dim():
    msg = "indices[60,0] = -1 is not in [0, 49981)\n\t [[{{node embedding/embedding_lookup}}]]"
    text = hint("InvalidArgumentError", msg, "model.fit(x, y)")
    assert "negative" in text and "input_dim" not in text


# ---------------------------------------------------------------------------------- attributes


def test_none_passed_into_a_library_is_not_an_inplace_result():
    frames = [frame("/home/ana/proj/plots.py", "plot_rows", "df = df.merge(other)")]
    text = hint(
        "AttributeError",
        "'NoneType' object has no attribute 'merge'",
        "plots.plot_rows(meta, other=None)",
        frames,
    )
    assert "`other=None`" in text and "inplace" not in text


@pytest.mark.parametrize(
    ("line", "before", "fragment"),
    [
        ("h.grad.data.zero_()", "y.backward()", "requires_grad=True"),
        ("df.info().sort_values()", "", "`df.info()` returns None"),
        ("item.find('addr').text", "", "found nothing"),
        ("values.append(4)", "values = [3, 1, 2].sort()", "`.sort(...)` returns None"),
    ],
)
def test_what_gave_none_is_read_from_the_line_and_the_cell(line, before, fragment):
    attr = line.split(".")[-1].split("(")[0] if "grad" not in line else "data"
    attr = {"df.info().sort_values()": "sort_values", "item.find('addr').text": "text"}.get(
        line, attr
    )
    text = hint(
        "AttributeError", f"'NoneType' object has no attribute '{attr}'", line, before=before
    )
    assert fragment in text


def test_fit_first_only_where_fitting_can_be_missing():
    frames = [
        frame(f"{SITE}/sklearn/semi_supervised/_self_training.py", "SelfTrainingClassifier.fit")
    ]
    text = hint(
        "AttributeError",
        "'OneClassSVM' object has no attribute 'classes_'",
        "clf.fit(X, y)",
        frames,
        code="base = OneClassSVM()\nclf.fit(X, y)",
    )
    assert "after fitting" not in text and "another kind of object" in text
    text = hint(
        "AttributeError",
        "'RandomForestClassifier' object has no attribute 'coef_'",
        "print(model.coef_)",
        before="model.fit(X, y)",
    )
    # A forest never has coef_: fitting cannot help, the attribute of its kind can.
    assert "never has `coef_`" in text and "`feature_importances_`" in text
    assert "call `model.fit" not in text
    text = hint(
        "AttributeError",
        "'SVC' object has no attribute 'coef_'",
        "print(model.coef_)",
        before="model.fit(X, y)",
    )
    assert "was fitted in this cell" in text and "never" not in text
    frames = [frame(f"{SITE}/sklearn/linear_model/_base.py", "LinearClassifierMixin.predict")]
    text = hint(
        "AttributeError",
        "'LogisticRegression' object has no attribute 'coef_'",
        "model.predict(X)",
        frames,
    )
    assert "only after fitting" in text


@pytest.mark.parametrize(
    ("owner", "attr", "line", "fragment", "absent"),
    [
        ("Series", "values_count", "s.values_count()", "`value_counts`", "df['"),
        ("DataFrame", "dtype", "df[cols].dtype == 'object'", "`dtypes`", "df['"),
        ("DataFrame", "Style", "df.Style.value_counts()", "df['Style']", "`style`"),
        ("DataFrame", "reshape", "x = df.reshape(-1, 1)", ".to_numpy().reshape", "df['"),
        (
            "numpy.ndarray",
            "median",
            "a.astype(float).median()",
            "np.median(a.astype(float))",
            "spelling",
        ),
        ("int", "sort_values", "df['x'].max().sort_values()", "single number", "spelling"),
    ],
)
def test_pandas_and_numpy_attributes(owner, attr, line, fragment, absent):
    text = hint("AttributeError", f"'{owner}' object has no attribute '{attr}'", line)
    assert fragment in text and absent not in text


@pytest.mark.parametrize(
    ("module", "attr", "line", "code", "fragment"),
    [
        ("numpy", "__version__", "import pandas as pd", "", "shadows it"),
        ("matplotlib", "plot", "plt.plot(x, y)", "", "import matplotlib.pyplot as plt"),
        ("numpy", "meadian", "np.meadian(a)", "", "`median`"),
        ("os", "listdirs", "os.listdirs('.')", "", "`listdir`"),
        ("numpy.linalg", "diag", "np.linalg.diag(b)", "", "np.diag("),
        (
            "torchvision.transforms",
            "randomcrop",
            "transforms.randomcrop(100)",
            "t = transforms.RandomCrop(100)\ntransforms.randomcrop(100)",
            "`RandomCrop`",
        ),
    ],
)
def test_module_attributes(module, attr, line, code, fragment):
    frames = [frame(f"{SITE}/pandas/__init__.py", "<module>")] if attr == "__version__" else ()
    text = hint(
        "AttributeError", f"module '{module}' has no attribute '{attr}'", line, frames, code
    )
    assert fragment in text


def test_names_of_other_objects_are_no_suggestion():
    code = "ax.set_ylabel('y')\nsns.set_xlabel('x')"
    text = hint(
        "AttributeError",
        "module 'seaborn' has no attribute 'set_xlabel'",
        "sns.set_xlabel('x')",
        code=code,
    )
    assert "set_ylabel" not in text


def test_messages_of_other_shapes_get_the_safe_hint_or_their_own_words():
    msg = "Can't get attribute 'RNN' on <module '__main__'>"
    frames = [frame(f"{SITE}/torch/serialization.py", "_load")]
    assert "class `RNN`" in hint("AttributeError", msg, "model = torch.load('net.pkl')", frames)
    msg = (
        "score_samples is not available when novelty=False. Use novelty=True if you want to use "
        "LOF for novelty detection."
    )
    assert "`novelty=True`" in hint("AttributeError", msg, "t.score_samples")
    msg = "Cannot load _jvm from SparkContext. Is SparkContext initialized?"
    text = hint("AttributeError", msg, "si = StringIndexer(inputCol='a')")
    assert "SparkContext" in text and "spelling" not in text


def test_special_owners():
    text = hint(
        "AttributeError",
        "'float' object has no attribute 'replace'",
        "df.d = df['d'].apply(lambda x: x.replace('%', ''))",
    )
    assert "NaN" in text
    text = hint(
        "AttributeError",
        "'numpy.ndarray' object has no attribute 'values'",
        "X_train = X_train.values",
    )
    assert "if the cell ran before" in text
    assert "placeholder" in hint(
        "AttributeError", "'ellipsis' object has no attribute 'fit'", "kmeans.fit(X)"
    )
    text = hint(
        "AttributeError",
        "'function' object has no attribute 'load_weights'",
        "load_model.load_weights(p)",
    )
    assert "call it first" in text
    text = hint(
        "AttributeError",
        "'int' object has no attribute 'append'",
        "i.append(i)",
        code="i = []\nfor i in range(3):\n    i.append(i)",
    )
    assert "loop variable" in text


def test_h5py_decode_inside_keras_is_not_the_users_decode():
    frames = [
        frame(f"{SITE}/tensorflow/python/keras/saving/hdf5_format.py", "load_model_from_hdf5")
    ]
    text = hint(
        "AttributeError", "'str' object has no attribute 'decode'", "m = load_model('m.h5')", frames
    )
    assert "h5py" in text and "use the str itself" not in text


def test_scikit_learns_not_available_when_names_the_parameter():
    tb_message = "This 'SVC' has no attribute 'predict_proba'"
    rec = ErrorRecord(
        ename="AttributeError",
        evalue=tb_message,
        traceback=(
            "AttributeError: predict_proba is not available when probability=False",
            "\nThe above exception was the direct cause of the following exception:\n",
            "AttributeError    Traceback (most recent call last)",
            "Cell In[3], line 1\n----> 1 probs = svc.predict_proba(X)\n",
            f"AttributeError: {tb_message}",
        ),
    )
    parsed = parse(rec)
    text, _ = make_hint(parsed, {"crash_type": "attribute_error"}, matching_rules(parsed))
    assert "`probability=True`" in text


# --------------------------------------------------------------------------------------- other


def test_system_exit():
    code = "parser = argparse.ArgumentParser()\nargs = parser.parse_args()"
    assert "parse_args(args=[])" in hint("SystemExit", "2", code=code)
    assert "calls `exit()`" in hint("SystemExit", "", code="x = 1\nsys.exit()")
    # An exit under the cell's own check: the check's condition is what to look at.
    guarded = hint("SystemExit", "", code="img = load()\nif img is None:\n    sys.exit()")
    assert "`if img is None` was true" in guarded, guarded
    assert "re-run it when ready" not in hint("SystemExit", "", code="bot = Bot()")


@pytest.mark.parametrize(
    ("evalue", "line", "fragment"),
    [
        ("invalid syntax", "if label = 'neg':", "`==`"),
        ("invalid syntax", "if phase == 'train'", "colon"),
        ("invalid syntax", "esle:", "`else`"),
        ("invalid syntax", "model =", "Nothing follows `=`"),
        ("invalid syntax", "data.Heart Disease", "data['Heart Disease']"),
        ("invalid syntax", "cimport numpy as np", "Cython"),
        ("invalid syntax", "Train Models", "Markdown"),
        # a command that starts a notebook server belongs in a terminal, not in a cell's `!`
        ("invalid syntax", 'xvfb-run -s "-screen 0" jupyter notebook --allow-root', "terminal"),
        ("name 'a' is used prior to global declaration", "global a", "used prior to global"),
        ("EOL while scanning string literal", "p = 'C:\\data\\' + name", "backslash"),
    ],
)
def test_syntax_errors_say_what_the_line_or_message_shows(evalue, line, fragment):
    tb = (f"  Cell In[3], line 1\n    {line}\n    ^\n", f"SyntaxError: {evalue}")
    rec = ErrorRecord(ename="SyntaxError", evalue=evalue, traceback=tb, code=line)
    parsed = parse(rec)
    text, _ = make_hint(parsed, {"crash_type": "other"}, matching_rules(parsed))
    assert fragment in text


def test_a_block_without_body_is_no_unclosed_bracket():
    code = "class RNN(nn.Module):\n    def forward(self, x):"
    tb = (
        "  Cell In[3], line 2\n    def forward(self, x):\n    ^\n",
        "SyntaxError: unexpected EOF while parsing",
    )
    parsed = parse(
        ErrorRecord(
            ename="SyntaxError", evalue="unexpected EOF while parsing", traceback=tb, code=code
        )
    )
    text, _ = make_hint(parsed, {"crash_type": "other"}, matching_rules(parsed))
    assert "no body" in text and "bracket" not in text


def test_a_syntax_error_of_parsed_text_is_not_the_cells():
    frames = [
        frame("/usr/lib/python3.10/ast.py", "literal_eval"),
        frame("/usr/lib/python3.10/ast.py", "parse"),
    ]
    text = hint(
        "SyntaxError",
        "unexpected EOF while parsing (<unknown>, line 0)",
        "lst = ast.literal_eval(text)",
        frames,
    )
    assert "`ast.literal_eval(text)` could not parse" in text


def test_recursion_assertion_and_not_implemented_speak_only_when_they_know():
    frames = [frame(f"{SITE}/tensorflow/python/ops/variables.py", "_call_wrapper")] * 3
    text = hint(
        "RecursionError", "maximum recursion depth exceeded", "out = model.output[:, 3]", frames
    )
    assert "raised RecursionError" in text
    frames = [frame(f"{SITE}/bidi/algorithm.py", "get_display")]
    text = hint("AssertionError", "not allowed here", "t = get_display(s)", frames)
    assert "not allowed here" in text and "The check" not in text
    assert "The check `x > 0` is false" in hint(
        "AssertionError", "x must be positive", "assert x > 0, 'x must be positive'"
    )
    msg = (
        "Can only union MultiIndex with MultiIndex or Index of tuples, try "
        "mi.to_flat_index().union(other) instead."
    )
    frames = [frame(f"{SITE}/pandas/core/indexes/multi.py", "MultiIndex.union")]
    text = hint("NotImplementedError", msg, "data = pd.concat([a, b], axis=1)", frames)
    assert "to_flat_index" in text and "abstract method" not in text
    frames = [
        frame(f"{SITE}/tensorflow/python/ops/array_ops.py", "zeros"),
        frame(f"{SITE}/numpy/core/fromnumeric.py", "prod"),
    ]
    msg = "Cannot convert a symbolic Tensor (lstm/strided_slice:0) to a numpy array."
    assert "NumPy" in hint("NotImplementedError", msg, "x = layers.LSTM(16)(inputs)", frames)


# --------------------------------------------------------------------------------------- files


def _missing(path, line, frames=(), ename="FileNotFoundError"):
    return hint(ename, f"[Errno 2] No such file or directory: '{path}'", line, frames)


def test_platform_paths_depend_on_the_machine_the_frames_show():
    path = "/kaggle/input/bike/day.csv"
    line = f"df = pd.read_csv('{path}')"
    assert "download the data" in _missing(
        path, line, [frame(f"{WINDOWS}\\pandas\\io\\common.py", "get_handle")]
    )
    assert "Add Input" in _missing(path, line, [frame(f"{SITE}/pandas/io/common.py", "get_handle")])
    path = "/content/drive/MyDrive/data.csv"
    line = f"df = pd.read_csv('{path}')"
    assert "drive.mount" in _missing(
        path, line, [frame(f"{COLAB}/pandas/io/common.py", "get_handle")]
    )
    text = _missing(
        "/content/loan.xlsx",
        "d = pd.read_excel('/content/loan.xlsx')",
        [frame(f"{COLAB}/pandas/io/common.py", "get_handle")],
    )
    assert "upload it again" in text and "download the data" not in text


def test_writing_is_told_by_the_line_or_the_deepest_frames():
    frames = [
        frame(f"{SITE}/matplotlib/figure.py", "savefig"),
        frame(f"{SITE}/matplotlib/cbook.py", "to_filehandle"),
    ]
    assert "os.makedirs('figs'" in _missing("figs/a.png", "utils.save(fig)", frames)
    frames = [
        frame(f"{SITE}/matplotlib/backend_bases.py", "print_figure"),
        frame(f"{SITE}/matplotlib/text.py", "_get_layout"),
        frame(f"{SITE}/matplotlib/backends/backend_agg.py", "_get_agg_font"),
    ]
    text = _missing("/usr/share/fonts/wqy/wqy-microhei.ttc", "plt.show()", frames)
    assert "save into" not in text and "typo" not in text
    text = _missing(
        "/content/drive/My Drive/m.pt",
        "torch.save(model, path)",
        [frame(f"{COLAB}/torch/serialization.py", "_open_file_like")],
    )
    assert "drive.mount" in text and "makedirs" not in text


def test_a_missing_program_is_no_missing_data_file():
    frames = [
        frame(f"{SITE}/whisper/audio.py", "load_audio"),
        frame("/usr/lib/python3.10/subprocess.py", "Popen._execute_child"),
    ]
    text = hint(
        "FileNotFoundError",
        "[WinError 2] The system cannot find the file specified",
        "audio = whisper.load_audio('a.wav')",
        frames,
    )
    assert "ffmpeg" in text and "data was downloaded" not in text
    frames = [frame(f"{SITE}/pydot/core.py", "Dot.create")]
    assert "Graphviz" in hint(
        "FileNotFoundError", '[WinError 2] "dot" not found in path.', "graph.create_png()", frames
    )


def test_web_addresses_and_readers():
    text = _missing(
        "https://www.kaggle.com/datasets/x/y", "f = open('https://www.kaggle.com/datasets/x/y')"
    )
    assert "web address" in text
    text = hint(
        "LookupError",
        "\n****\n  Resource omw-1.4 not found.\n  Please use the NLTK Downloader",
        "lem.lemmatize(w)",
    )
    assert "nltk.download('omw-1.4')" in text
    url = "https://github.com/a/b/blob/main/iris.csv"
    msg = "Error tokenizing data. C error: Expected 5 fields in line 28, saw 436"
    text = hint("ParserError", msg, f"df = pd.read_csv('{url}')")
    assert "raw" in text and "on_bad_lines" not in text
    msg = "Error tokenizing data. C error: EOF inside string starting at row 6552"
    text = hint("ParserError", msg, "df = pd.read_csv('ner.csv')")
    assert "QUOTE_NONE" in text and "sep=" not in text
    assert "empty" in hint(
        "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", "d = json.loads(a)"
    )


# ------------------------------------------------------------------------------ network, memory


def test_a_documentation_link_is_not_the_failed_url():
    msg = (
        "(pymysql.err.OperationalError) (2003, \"Can't connect to MySQL server on "
        "'db.example.com'\")\n"
        "(Background on this error at: https://sqlalche.me/e/14/e3q8)"
    )
    text = hint(
        "OperationalError",
        msg,
        "pd.read_sql(q, db)",
        [frame(f"{SITE}/pymysql/connections.py", "connect")],
    )
    assert "sqlalche.me" not in text and "connection failed" in text


def test_status_codes_are_read_where_the_message_says_so():
    msg = (
        "HTTPSConnectionPool(host='api.polygon.io', port=443): Max retries exceeded with url: /v2 "
        "(Caused by ResponseError('too many 429 error responses'))"
    )
    assert "429" in hint(
        "MaxRetryError",
        msg,
        "for a in client.list_aggs(t):",
        [frame(f"{SITE}/urllib3/util/retry.py", "increment")],
    )
    text = hint(
        "HTTPError",
        "HTTP Error 403: Forbidden",
        "urlopen(url)",
        [frame("/usr/lib/python3.10/urllib/request.py", "http_error_default")],
    )
    assert "User-Agent" in text
    msg = "404 Client Error. Entry Not Found for url: https://huggingface.co/m/resolve/main//content/x.gguf."
    assert "local path" in hint("EntryNotFoundError", msg, "p = hf_hub_download(repo, name)")


def test_a_server_that_answered_gets_its_own_words():
    msg = "You exceeded your current quota, please check your plan and billing details."
    text = hint(
        "RateLimitError",
        msg,
        "r = openai.Completion.create(prompt=p)",
        [frame(f"{SITE}/openai/api_requestor.py", "_interpret_response")],
    )
    assert "quota" in text and "internet" not in text
    msg = (
        "HTTPSConnectionPool(host='github.com', port=443): Max retries exceeded with url: /a "
        "(Caused by SSLError(SSLEOFError(8, 'EOF occurred in violation of protocol')))"
    )
    assert "certificate" not in hint(
        "SSLError", msg, "r = requests.get(u)", [frame(f"{SITE}/requests/adapters.py", "send")]
    )


def test_an_object_array_out_of_memory_is_named():
    msg = "Unable to allocate 1.45 GiB for an array with shape (86420, 50, 45) and data type object"
    assert "dtype object" in hint("MemoryError", msg, "return np.array(X)")


# ------------------------------------------------------------------------------------ wording


@pytest.mark.parametrize(
    ("word", "other", "alike"),
    [
        ("prices", "price", True),
        ("values_count", "value_counts", True),
        ("Revenue", "revenue", True),
        ("Customer Name", "Customer ID", False),
        ("input_size", "output_size", False),
        ("borrower_score", "co-borrower_score", False),
        ("X_train", "y_train", False),
        ("x1", "x2", False),
        ("set_xlabel", "set_ylabel", False),
    ],
)
def test_spelled_alike(word, other, alike):
    assert spelled_alike(word, other) is alike


def test_key_strings_are_keys_not_comments_or_labels():
    code = (
        "# 'order date'\nplt.xlabel('X1')\ndf[['a', 'b']]\nd = {'c': 1}\n"
        "sns.barplot(x='e', data=d)\nprint('f')"
    )
    assert key_strings(code) == ["a", "b", "c", "e"]
