"""Templates speak only where their conditions hold (issue 12, wave 14b: text functions, OpenCV,
positional arguments, numbers indexed inside libraries, losses, plots, `+` and layout
embeddings): each test pairs a crash where a template must speak with one where it must not, or
where another, truer one speaks.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_fixes import traceback
from tests.test_hints_conditions67 import SITE, _crash


def _through(ename: str, message: str, code: str, line: str, *frames: str) -> str:
    """The hint of a crash at ``line`` of cell ``code``, then through ``frames``: each
    "path | function | the lines shown, the failing one last" (a path without `/` is a cell's
    function, shown as IPython shows it)."""
    shown = []
    for frame in frames:
        path, function, lines = frame.split(" | ", 2)
        *above, failing = lines.split("\n")
        at = len(above) + 11
        where = f"File {SITE}/{path}:{at}" if "/" in path else f"Cell In[4], line {at}"
        body = "".join(f"     {n + 11} {text}\n" for n, text in enumerate(above))
        shown.append(f"{where}, in {function}\n{body}---> {at} {failing}\n")
    lineno = code.splitlines().index(line) + 1
    tb = traceback(ename, message, code, lineno, *shown)
    return diagnose(
        ErrorRecord.from_dict({"ename": ename, "evalue": message, "traceback": tb, "code": code})
    ).hint


# ------------------------------------------------- 1. a text function given a `.split()` list

TEXT = "expected string or bytes-like object"
NLTK = "nltk/tokenize/punkt.py | _slices_from_text | for match in self._re.finditer(text):"


def _tokenized(assignment: str) -> str:
    code = (
        f"def clean(doc):\n    {assignment}\n    tokens = word_tokenize(words)\n    return tokens\n"
        "out = [clean(d) for d in docs]"
    )
    inner = f"cell | clean | {assignment}\ntokens = word_tokenize(words)"
    return _through("TypeError", TEXT, code, "out = [clean(d) for d in docs]", inner, NLTK)


def test_a_name_made_by_split_is_a_list_given_to_a_text_function():
    text = _tokenized("words = doc.split(',')")
    assert "`words` holds a list" in text and "`doc.split(',')`" in text, text
    assert "word_tokenize" in text and "fillna" not in text, text
    # made otherwise, the name's type is not known: the type advice stays
    for made in ("words = doc.lower()", "words = df['doc'].str.split(',')"):
        other = _tokenized(made)  # a str, or pandas' Series of lists: not a list
        assert "holds a list" not in other and "type(...)" in other, other


# ---------------------------------------------- 2. OpenCV's image after a window's name

CAPTURE = "cap = cv2.VideoCapture(0)\nframe = cap.read()\n"


def _shown(line: str) -> str:
    message = "Expected cv::UMat for argument 'mat'"
    return _crash("TypeError", message, CAPTURE + line, line)


def test_imshow_of_a_read_pair_after_the_window_name_is_unpacked():
    text = _shown("cv2.imshow('original', frame)")
    assert "`frame` holds what `cap.read()` returns" in text, text


def test_imshow_of_another_name_keeps_the_general_words():
    text = _shown("cv2.imshow('original', img)")
    assert "cap.read()" not in text and "not a NumPy image" in text, text


# ------------------------------------------------- 3. a method that takes the features alone

TOO_MANY = "predict() takes 2 positional arguments but 3 were given"


def test_predict_given_the_labels_too_is_called_on_the_features():
    line = "reg.predict(X_new, y_new)"
    text = _crash("TypeError", TOO_MANY, f"reg.fit(X, y)\n{line}", line)
    assert "`reg.predict(X_new)`" in text and "`reg.score(X_new, y_new)`" in text, text
    assert "by name" not in text, text


def test_predict_given_a_keyword_says_nothing_of_features():
    line = "reg.predict(X_new, y_new, verbose=1)"
    text = _crash("TypeError", TOO_MANY, f"reg.fit(X, y)\n{line}", line)
    assert "takes only the features" not in text, text


CALL = "__call__() takes 2 positional arguments but 3 were given"
GETITEM = "cell | __getitem__ | img = Image.open(p)\nimg, target = self.transforms(img, target)"


def _transformed(imports: str) -> str:
    code = f"{imports}\nds = Boxes(get_transform())\nbatch = next(iter(loader))"
    return _through("TypeError", CALL, code, "batch = next(iter(loader))", GETITEM)


def test_torchvision_transforms_given_a_target_take_the_image_alone():
    text = _transformed("from torchvision import transforms as T")
    assert "`self.transforms(img, target)` passes two values" in text, text
    assert "`self.transforms(img)`" in text and "by name" not in text, text


def test_transforms_of_another_library_are_not_called_torchvision():
    text = _transformed("import albumentations as A")
    assert "torchvision" not in text, text


# ------------------------------------------- 4. a number measured or indexed inside a library

BOOL = "'bool' object is not subscriptable"
CURVE = "sklearn/metrics/_ranking.py | _binary_clf_curve | y_true = y_true[desc_score_indices]"


def test_roc_curve_with_a_pos_label_of_another_kind_names_the_labels():
    line = "fpr, tpr, _ = roc_curve(y_val, scores, pos_label='yes')"
    text = _crash("TypeError", BOOL, line, line, CURVE)
    assert "`pos_label='yes'`" in text and "`np.unique(y_val)`" in text, text
    assert "the variable holds a number" not in text, text


def test_a_bool_indexed_inside_a_library_blames_no_variable():
    line = "sdf.to_featureclass(out_location=folder, out_name='lots')"
    frame = "arcgis/geometry/_types.py | __call__ | if len(iterable) > 0:"
    text = _crash("TypeError", "object of type 'bool' has no len()", line, line, frame)
    assert "a single number where" not in text, text


def test_a_bool_the_line_indexes_itself_still_holds_a_number():
    line = "first = flag[0]"
    text = _crash("TypeError", BOOL, "flag = x > 3\n" + line, line)
    assert "holds a number" in text, text


# ------------------------------------------------------- 5. one sample's one-hot target

BATCH = "Expected input batch_size (1) to match target batch_size (4)."
LOSS = "torch/nn/functional.py | cross_entropy | return torch._C._nn.cross_entropy_loss(input)"


def test_a_one_hot_target_is_named_only_when_the_line_writes_it():
    hints = {
        target: _crash("ValueError", BATCH, line, line, LOSS)
        for target in ("torch.FloatTensor([0, 1, 0, 0])", "labels")
        for line in [f"loss = F.cross_entropy(out, {target})"]
    }
    # one sample's one-hot vector: the class index is what the loss wants
    one_hot = hints["torch.FloatTensor([0, 1, 0, 0])"]
    assert "`torch.tensor([1])`" in one_hot and "view(-1" not in one_hot, one_hot
    # a variable of targets: nothing shows it is one-hot
    assert "one-hot" not in hints["labels"], hints["labels"]
    assert "1 rows of outputs for 4 targets" in hints["labels"], hints["labels"]


# --------------------------------------------------------- 6. a plot whose y is one value

PLOT = "x and y must have same first dimension, but have shapes (30,) and (1,)"
AXES = "matplotlib/axes/_base.py | _plot_args | raise ValueError(f'x and y must have same')"


def test_y_made_by_a_function_of_x_gave_one_value():
    code = "x = np.linspace(0, 3, 30)\ny = g(x)\nplt.plot(x, y)"
    text = _crash("ValueError", PLOT, code, "plt.plot(x, y)", AXES)
    assert "`y = g(x)` gave one value for the 30 values of `x`" in text, text
    assert "range(len(y))" not in text, text


def test_a_single_value_made_otherwise_is_only_called_one():
    code = "y = totals.sum()\nplt.plot(x, y)"
    text = _crash("ValueError", PLOT, code, "plt.plot(x, y)", AXES)
    assert "single value" in text and "range(len(y))" not in text, text


def test_lengths_that_both_exceed_one_keep_the_filtered_rows_words():
    for shapes in ("(30,) and (29,)", "(30,) and (1, 5)"):
        message = f"x and y must have same first dimension, but have shapes {shapes}"
        text = _crash("ValueError", message, "plt.plot(x, y)", "plt.plot(x, y)", AXES)
        assert "single value" not in text, text


# ------------------------------------------------------------- 7. text plus a written number

PY35 = "Can't convert 'int' object to str implicitly"


def test_a_name_plus_a_number_holds_the_text():
    code = "for key, count in tally.items():\n    print(count + 1)"
    text = _crash("TypeError", PY35, code, "    print(count + 1)")
    assert "`count + 1` adds a number to `count`, which holds text" in text, text
    assert "`tally`" in text and "str(x)" not in text, text


def test_text_plus_a_name_keeps_the_conversion_advice():
    line = "print('total: ' + n)"
    text = _crash("TypeError", PY35, line, line)
    assert "str(x)" in text, text


# -------------------------------------------------- 8. a layout model's box embeddings

RANGE = "index out of range in self"
SPARSE = "torch/nn/functional.py | embedding | return torch.embedding(weight, input)"


def _looked_up(call: str) -> str:
    code = "out = model(input_ids=ids, bbox=boxes)"
    return _through("IndexError", RANGE, code, code, f"cell | forward | {call}", SPARSE)


# (the lookup's line, what the hint says, what it never says)
LOOKUPS = (
    ("w = self.w_position_embeddings(\nbbox[:, :, 2] - bbox[:, :, 0]", "boxes' widths", "vocab"),
    ("x = self.x_position_embeddings(bbox[:, :, 0])", "box coordinates", "vocab"),
    ("emb = self.word_embeddings(input_ids)", "embedding it goes to", "box"),
)


def test_an_embedding_looked_up_with_boxes_names_them():
    for call, says, never in LOOKUPS:
        text = _looked_up(call)
        assert says in text and never not in text, text
        assert ("0-1000" in text) == ("box" in says), text
