"""Shapes: arrays, tensors or matrices that do not fit an operation or a layer, and element-wise
shapes that cannot be broadcast. Messages of NumPy, pandas, scikit-learn, PyTorch, TensorFlow/Keras
and Matplotlib."""

from __future__ import annotations

import ast
import re

from ..definitions import assigned_values, seen_code
from ..finding import short
from ..layer_shapes import keras_hint, torch_layer_hint
from ..shape_text import SPLIT_INTO_FOUR, call_args, code, dims, show
from ..split_unpacking import misordered_unpacking
from ..where import (
    Call,
    call_arguments,
    call_from_text,
    code_only,
    failing_call,
    failing_line_number,
    own_lines,
    raised_outside_notebook,
)
from .base import Facts, Template, pattern_rule
from .shape_arithmetic import (
    PRODUCT_ON_LINE,
    broadcast_words,
    element_count_words,
    in_layer,
    matrix_product_words,
    shape_facts,
    shape_facts_with,
    transpose_code,
)

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NOT_ALIGNED = "shapes.not_aligned"
MATMUL = "shapes.matmul"
TORCH_MAT1_MAT2 = "shapes.torch_mat1_mat2"
TORCH_VIEW = "shapes.torch_view"
TORCH_CHANNELS = "shapes.torch_channels"
KERAS_EXPECTED_SHAPE = "shapes.keras_expected_shape"
KERAS_INCOMPATIBLE_INPUT = "shapes.keras_incompatible_input"
INCONSISTENT_SAMPLES = "shapes.inconsistent_samples"
EXPECTED_2D = "shapes.expected_2d"
CANNOT_RESHAPE = "shapes.cannot_reshape"
CONCATENATE = "shapes.concatenate"
PLOT_DIMENSIONS = "shapes.plot_dimensions"
PANDAS_SHAPE = "shapes.pandas_shape"
BOOLEAN_INDEX = "shapes.boolean_index"
OPENCV_SIZES = "shapes.opencv_sizes"
GENERIC_SHAPE = "shapes.generic_shape"
BROADCAST = "shapes.broadcast"
TORCH_BROADCAST = "shapes.torch_broadcast"
CANNOT_BROADCAST = "shapes.cannot_broadcast"

_TM = "tensor_shape_mismatch"
_BC = "unsupported_broadcast"


RULES = (
    # NumPy / scikit-learn linear algebra
    pattern_rule(
        NOT_ALIGNED,
        _TM,
        r"shapes (?P<a>\([\d, ]*\)) and (?P<b>\([\d, ]*\)) not aligned",
        ml_bug=True,
        confidence=0.97,
        facts=shape_facts_with(op="dot"),
    ),
    pattern_rule(
        MATMUL,
        _TM,
        r"matmul: Input operand \d has a mismatch in its core dimension"
        r"|Matrix size-incompatible|In\[0\] mismatch In\[1\] shape",
        ml_bug=True,
        confidence=0.95,
        facts=shape_facts_with(op="matmul"),
    ),
    # PyTorch
    pattern_rule(
        TORCH_MAT1_MAT2,
        _TM,
        r"mat1 and mat2 shapes cannot be multiplied \((?P<a>\d+x\d+) and (?P<b>\d+x\d+)\)"
        r"|size mismatch, m1: \[(?P<a2>[^\]]+)\], m2: \[(?P<b2>[^\]]+)\]",
        library="torch",
        ml_bug=True,
        confidence=0.97,
        facts=lambda p, m: {
            "a": m.group("a") or m.group("a2"),
            "b": m.group("b") or m.group("b2"),
            "op": "linear",
        },
    ),
    pattern_rule(
        TORCH_VIEW,
        _TM,
        r"shape '(?P<a>\[[^\]]*\])' is invalid for input of size (?P<b>\d+)",
        library="torch",
        ml_bug=True,
        confidence=0.95,
        facts=shape_facts_with(op="view"),
    ),
    pattern_rule(
        TORCH_CHANNELS,
        _TM,
        r"expected input\[(?P<a>[^\]]+)\] to have (?P<b>\d+) channels"
        r"|Expected \d+-dimensional input for \d+-dimensional weight"
        r"|Expected (?:3D|4D|2D).*input.*but got"
        r"|input\.size\(-1\) must be equal to input_size"
        r"|Expected input batch_size \((?P<a3>\d+)\) to match target batch_size \((?P<b3>\d+)\)"
        r"|Target size \((?P<a4>[^)]*\)?)\) must be the same as input size"
        r"|Sizes of tensors must match except in dimension"
        r"|Expected more than 1 value per channel when training"
        r"|Expected target size|only batches of spatial targets supported"
        r"|\d+D or \d+D target tensor expected|Kernel size can't be greater than actual input size"
        r"|Expected size for first two dimensions of batch\d tensor"
        r"|stack expects each tensor to be equal size"
        r"|number of dimensions in the tensor input does not match the length of the desired"
        r"|size mismatch for \w[\w.]*: copying a param with shape"
        r"|Output size is too small|input must have \d+ dimensions, got \d+",
        library="torch",
        ml_bug=True,
        confidence=0.9,
        facts=shape_facts_with(op="layer"),
    ),
    # TensorFlow / Keras
    pattern_rule(
        KERAS_EXPECTED_SHAPE,
        _TM,
        r"expected (?P<layer>\S+) to have (?:shape (?P<a>\([^)]*\))|\d+ dimensions)"
        r"(?:,)? but got array with shape (?P<b>\([^)]*\))"
        r"|Error when checking (?:input|target|model input|model target)",
        library="tensorflow",
        ml_bug=True,
        confidence=0.95,
        facts=shape_facts_with(op="layer"),
    ),
    pattern_rule(
        KERAS_INCOMPATIBLE_INPUT,
        _TM,
        r"Input \d+(?: with name '[^']*')? (?:of layer|is incompatible with layer) .*?"
        r"(?:is )?incompatible with the layer"
        r"|expected (?:shape|axis|ndim|min_ndim)=.*?found (?:shape|ndim)="
        r"|Shapes (?P<a>\([^)]*\)) and (?P<b>\([^)]*\)) are incompatible"
        r"|Dimensions must be equal, but are \d+ and \d+"
        r"|Shape must be (?:at least )?rank \d+ but is rank \d+"
        r"|Incompatible shapes: (?P<a2>\[[^\]]*\]) vs\. (?P<b2>\[[^\]]*\])"
        r"|requires inputs with matching shapes|Negative dimension size caused by"
        r"|logits and labels must (?:have the same shape|be broadcastable)"
        r"|should equal the shape of logits except for the last dimension"
        r"|Input to reshape is a tensor with \d+ values, but the requested shape"
        r"|Data cardinality is ambiguous|must have (?:the same )?rank \(ndim\)"
        r"|A target array with shape \(.*\) was passed for an output of shape"
        r"|Input arrays should have the same number of samples as target arrays"
        r"|`?logits`? and `?labels`? must (?:have the same (?:first dimension|shape)"
        r"|be broadcastable)"
        r"|Arguments `target` and `output` must have the same (?:rank|shape)"
        r"|is not compatible with provided weight shape|Dimensions \d+ and \d+ are not compatible"
        r"|\(op: '\w+'\) with input shapes: \[",
        library="tensorflow",
        ml_bug=True,
        confidence=0.93,
        facts=shape_facts_with(op="layer"),
    ),
    # scikit-learn
    pattern_rule(
        INCONSISTENT_SAMPLES,
        _TM,
        r"Found input variables with inconsistent numbers of samples: \[(?P<a>\d+), (?P<b>\d+)",
        library="sklearn",
        ml_bug=True,
        confidence=0.97,
        facts=shape_facts_with(op="samples"),
    ),
    pattern_rule(
        EXPECTED_2D,
        _TM,
        r"Expected 2D array, got (?P<a>1D|scalar) array instead"
        r"|Found array with dim (?P<a2>\d+)(?:\. .*expected <= 2|, while dim <= 2 is required)",
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=lambda p, m: {"got": m.group("a") or f"{m.group('a2')}D", "op": "2d"},
    ),
    # NumPy / pandas / Matplotlib reshaping and lengths
    pattern_rule(
        CANNOT_RESHAPE,
        _TM,
        r"cannot reshape array of size (?P<b>\d+) into shape (?P<a>\([^)]*\))",
        ml_bug=True,
        confidence=0.95,
        facts=shape_facts_with(op="reshape"),
    ),
    pattern_rule(
        CONCATENATE,
        _TM,
        r"all the input array dimensions .*must match exactly"
        r"|all the input arrays must have same number of dimensions"
        r"|zero-dimensional arrays cannot be concatenated",
        ml_bug=True,
        confidence=0.9,
        facts=shape_facts_with(op="concatenate"),
    ),
    pattern_rule(
        PLOT_DIMENSIONS,
        _TM,
        r"x and y must have same first dimension, but have shapes (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))|x and y must be the same size",
        library="matplotlib",
        ml_bug=True,
        confidence=0.93,
        facts=shape_facts_with(op="plot"),
    ),
    pattern_rule(
        PANDAS_SHAPE,
        _TM,
        r"Shape of passed values is (?P<a>\([^)]*\)), indices imply (?P<b>\([^)]*\))"
        r"|Data must be 1-dimensional|Per-column arrays must each be 1-dimensional"
        r"|Must pass 2-d input|Buffer has wrong number of dimensions",
        library="pandas",
        ml_bug=True,
        confidence=0.85,
        facts=shape_facts_with(op="frame"),
    ),
    pattern_rule(
        BOOLEAN_INDEX,
        _TM,
        r"Inconsistent shape between the condition and the input \(got (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))\)",
        ml_bug=True,
        confidence=0.85,
        facts=shape_facts_with(op="mask"),
    ),
    pattern_rule(
        # cv2.add / addWeighted / absdiff / bitwise_* on two images of another size or channels.
        OPENCV_SIZES,
        _TM,
        r"\(-209:\s*Sizes of input arguments do not match\)",
        library="cv2",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        GENERIC_SHAPE,
        _TM,
        r"(?:shape|dimension)s? (?:mismatch|do(?:es)? not match)|must have the same shape"
        r"|incompatible (?:shape|dimension)s?|whose shape matches|must be consistent with shape",
        ml_bug=True,
        confidence=0.7,
        facts=shape_facts,
    ),
    # Broadcasting
    pattern_rule(
        BROADCAST,
        _BC,
        r"operands could not be broadcast together with (?:remapped )?shapes(?: "
        r"\[original->remapped\])?"
        r":? ?(?P<a>\([\d,]*\)) ?(?P<b>\([\d,]*\))?"
        r"|could not broadcast input array from shape (?P<a2>\(?[\d,]*\)?) into shape "
        r"(?P<b2>\([\d,]*\))"
        r"|non-broadcastable output operand with shape",
        ml_bug=True,
        confidence=0.97,
        facts=lambda p, m: {
            "a": m.group("a") or m.group("a2") or "",
            "b": m.group("b") or m.group("b2") or "",
        },
    ),
    pattern_rule(
        TORCH_BROADCAST,
        _BC,
        r"The size of tensor a \((?P<a>\d+)\) must match the size of tensor b \((?P<b>\d+)\)"
        r"(?: at non-singleton dimension (?P<dim>\d+))?"
        r"|The expanded size of the tensor \((?P<a2>\d+)\) must match the existing size "
        r"\((?P<b2>\d+)\)",
        library="torch",
        ml_bug=True,
        confidence=0.95,
        facts=lambda p, m: {
            "a": m.group("a") or m.group("a2") or "",
            "b": m.group("b") or m.group("b2") or "",
            "dim": m.group("dim") or "",
        },
    ),
    pattern_rule(
        CANNOT_BROADCAST,
        _BC,
        r"(?:cannot|could not|unable to) (?:be )?broadcast|not broadcastable|broadcast shapes",
        ml_bug=True,
        confidence=0.8,
        facts=shape_facts,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads
#
# A template names both shapes and says which side to change only when the message and the
# failing call make that certain; otherwise it returns None and the safe hint speaks.


def _shapes(f: Facts) -> str:
    """The two shapes the rule found, as " (a vs b)" (or " (a)", or nothing)."""
    a, b = f.get("a", ""), f.get("b", "")
    return f" ({a} vs {b})" if a and b else (f" ({a})" if a else "")


_NAME_AT_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*@\s*([A-Za-z_]\w*)(?![\w.(\[])")
_FOR_NAME_IN = re.compile(r"\bfor\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_][\w.]*)\s*(?:\]|\)|:|$)")


def _items_multiplied(p):
    """((a, from), (b, from)) when the failing line's `a @ b` multiplies two names that `for`
    loops of the failing frame's shown lines take one at a time from arrays, else None."""
    m = _NAME_AT_NAME.search(p.user_line)
    if not m:
        return None
    last = p.frames[-1] if p.frames else None
    shown = [p.user_line]
    if last is not None and last.is_user:
        shown += list(last.code_lines)
    loops = {}
    for line in shown:
        for name, source in _FOR_NAME_IN.findall(line):
            loops.setdefault(name, source)
    left, right = m.groups()
    if left == right or left not in loops or right not in loops:
        return None
    return (left, loops[left]), (right, loops[right])


def _matmul_inner_dimensions(p, f):
    """When: NumPy's "shapes (a) and (b) not aligned" or TensorFlow's "In[0]: [a], In[1]: [b]"
    gives both shapes; in a Dense layer the second is the layer's weights."""
    a_text, b_text = f.get("a"), f.get("b")
    m = re.search(r"In\[0\]:? \[([\d,? ]+)\],? In\[1\]:? \[([\d,? ]+)\]", p.message)
    if m:
        a_text, b_text = f"[{m.group(1)}]", f"[{m.group(2)}]"
    a, b = dims(a_text), dims(b_text)
    if (
        a
        and b
        and len(a) == 2 == len(b)
        and in_layer(p)
        and not PRODUCT_ON_LINE.search(p.user_line)
    ):
        return (
            f"A Dense layer built for {b[0]} input features got an input with {a[1]} "
            f"({a_text} @ weights {b_text}): give it data of the shape the model was built for, "
            f"or build the layer for {a[1]} features."
        )
    core = re.search(
        r"Input operand 1 has a mismatch in its core dimension 0.*?\(size (\d+) is different "
        r"from (\d+)\)",
        p.message,
    )
    if (a is None or b is None) and core and "1" in core.groups():
        # The message gives one axis of each: a side of size 1 may be a vector or a 1x1 value,
        # which no transpose fixes; `.T` helps only when its other axis has the needed size.
        rows, columns = core.groups()
        return (
            f"The matrix product needs the first's columns ({columns}) to equal the second's "
            f"rows ({rows}), and one side has size 1 there: a transpose (`.T`) fits only if "
            f"that side's other axis is {rows if columns == '1' else columns}; else check how "
            "each was made (print both `.shape`s)."
        )
    items = _items_multiplied(p) if (a is None or b is None) and core else None
    if items:
        # `xi @ theta` with both taken one at a time by `for` loops: rows of two arrays, whose
        # lengths differ; a transpose of a row changes nothing, the arrays' columns differ
        (left, left_of), (right, right_of) = items
        return (
            f"`{left} @ {right}` multiplies an item of `{left_of}` with an item of `{right_of}`, "
            f"and their lengths differ ({core.group(2)} vs {core.group(1)}), which a transpose "
            f"of a row does not change: print `{left_of}.shape` and `{right_of}.shape`, and "
            "build both from the same features (columns)."
        )
    if (a is None or b is None) and core:
        return (
            f"The matrix product needs the first's columns ({core.group(2)}) to equal the "
            f"second's rows ({core.group(1)}): print both `.shape`s, and transpose one "
            f"({transpose_code(p, '')}) if that makes them match."
        )
    aligned = re.search(r"not aligned: (\d+) \(dim (\d+)\) != (\d+) \(dim (\d+)\)", p.message)
    if _library_product(p):
        return (
            f"{p.frames[-1].library} multiplies matrices of shapes {a_text} and {b_text} inside "
            "this call: print the `.shape` of each array you pass it and check which one is not "
            "what it expects."
        )
    # A contraction over the second's dim 0 is a matrix product; np.inner or tensordot
    # contract other axes, so rows and columns would be the wrong words.
    hint = None
    if not (aligned and aligned.group(4) != "0"):
        hint = matrix_product_words(p, a, b, f"{a_text} @ {b_text}")
    if hint is None and aligned:
        n, i, m2, j = aligned.groups()
        what = "`np.dot` of" if re.search(r"\bdot\(", p.user_line) else "The product of"
        return (
            f"{what} {a_text} and {b_text} needs dimension {i} of the first ({n}) to "
            f"equal dimension {j} of the second ({m2}): print both `.shape`s and fix the one "
            "that is wrong."
        )
    return hint


def _library_product(p) -> bool:
    """True when a library (not NumPy itself, not a layer) computed the product inside the
    user's call and the user's line shows none: which of the arrays passed is wrong is
    the library's business, not a transpose of the line's operands."""
    if PRODUCT_ON_LINE.search(p.user_line) or not p.frames or in_layer(p):
        return False
    last = p.frames[-1]
    return bool(last.library) and last.library not in ("numpy", "scipy")


def _linear_layer_in_features(p, f):
    """When: PyTorch's "mat1 and mat2 shapes cannot be multiplied (AxB and CxD)". An nn.Linear
    layer's frames (or no product on the user's line) mean mat2 is the layer's weight."""
    a, b = f.get("a", ""), f.get("b", "")
    da, db = dims(a.replace(" ", "")), dims(b.replace(" ", ""))
    if PRODUCT_ON_LINE.search(p.user_line) and not in_layer(p):
        return matrix_product_words(p, da, db, f"({a}) @ ({b})")
    if (
        not p.frames
        and PRODUCT_ON_LINE.search(p.user_code)
        and not _LINEAR_IN_CODE.search(p.user_code)
    ):
        # A cut traceback: the cell's own product, not a layer, is what the cell shows.
        return matrix_product_words(p, da, db, f"({a}) @ ({b})")
    if not (da and db and len(da) == 2 == len(db)):
        return None
    if not in_layer(p) and p.frames:
        return None  # neither a layer nor a product the line shows: say only what failed
    got, want = da[1], db[0]
    if got == want:
        return None  # the numbers do not show the mismatch (a cut or re-worded message)
    if da[0] > 1 and da[0] * got == want:
        # One sample without its batch axis: flattening from dim 1 kept its first axis apart.
        return (
            f"The Linear layer gets {a}, and {da[0]} × {got} = {want}, its `in_features`: one "
            "sample was split into rows. Either the input lacks its batch dimension (add it with "
            "`x.unsqueeze(0)`), or a reshape before the layer must keep the batch axis "
            "(`x.view(x.size(0), -1)`)."
        )
    built_here = re.search(rf"nn\.Linear\(\s*(?:in_features\s*=\s*)?{want}\s*,", p.user_code)
    if built_here:
        # The cell itself builds a Linear layer for that width: the layer is the new part.
        return (
            f"This cell builds `nn.Linear` for {want} input features, but it gets {got} ({a} vs "
            f"{b}): set that layer's `in_features={got}`, or flatten/reshape the input before it."
        )
    if _PREDICTING.search(p.user_code) and ".backward(" not in p.user_code:
        # Inference on a model trained before: the layer fitted the training inputs. A cell
        # that also trains may fail on the training data itself.
        return (
            f"The model's Linear layer was built for {want} input features but this input gives "
            f"{got} ({a} vs {b}): give it inputs shaped like the training data (e.g. images "
            "resized to the training size)."
        )
    if da[0] == 1:
        # One row: a single sample, whose shape (another image size) may be what is wrong as
        # well as the layer; the numbers do not tell which. A missing batch axis is not named:
        # a Linear layer takes an unbatched row as it is, so adding one leaves {got} features.
        return (
            f"A Linear layer built for {want} input features gets one row of {got} ({a} vs {b}): "
            "compare this sample's shape with the training samples', and the layer's "
            "`in_features` with what the layers before it produce."
        )
    return (
        f"A Linear layer gets {got} input features but was built for {want} ({a} vs {b}): set its "
        f"`in_features` to {got}, or flatten/reshape the input before the layer."
    )


_LINEAR_IN_CODE = re.compile(r"\b(?:nn\.)?Linear\(|\bnn\.Sequential\(")
# A cell that only predicts with a model (no training step in it).
_PREDICTING = re.compile(r"\btorch\.(?:inference_mode|no_grad)\(\)")


def _view_element_count(p, f):
    """When: "shape '[a]' is invalid for input of size n" names the shape and the size."""
    hint = element_count_words(f.get("b", ""), f.get("a", ""), "viewed as")
    if hint and "-1" not in f.get("a", ""):
        hint = hint.replace(
            "put -1 in one dimension", "use -1 for one, e.g. `x.view(x.size(0), -1)`"
        )
    return hint


def _reshape_element_count(p, f):
    """When: "cannot reshape array of size n into shape (a)" names both. An array of size 1 is
    one value (a reduction such as max(), a single prediction): the shape's numbers are not
    what is wrong, the array is."""
    if f.get("b") == "1":
        return (
            f"The array reshaped into {f.get('a', 'that shape')} holds a single value: the "
            "numbers of the shape are not the problem; print what the reshaped expression "
            "holds (a reduction like `.max()` or one prediction gives one value)."
        )
    per_class = _scores_per_class(p, f.get("b", ""), f.get("a", ""))
    return per_class or element_count_words(f.get("b", ""), f.get("a", ""), "reshaped into")


_TEXT_VECTORIZER = re.compile(r"\b(?:Tfidf|Count|Hashing)Vectorizer\(")
# A model's per-class output: one column per class for more than two classes.
_PER_CLASS = re.compile(r"\.(decision_function|predict_proba|predict_log_proba)\(")


def _scores_per_class(p, total: str, shape_text: str) -> str:
    """`Z = clf.decision_function(grid)` then `Z.reshape(xx.shape)` with k times the elements:
    the scores hold one column per class (k classes), not one value per point."""
    name = re.search(r"([A-Za-z_]\w*)\.reshape\(", p.user_line)
    shape = dims(shape_text)
    if name is None or shape is None or None in shape or not total.isdigit():
        return ""
    size = 1
    for n in shape:
        size *= n
    made = re.search(
        rf"^[ \t]*{name.group(1)}\s*=\s*([\w.]+?){_PER_CLASS.pattern}", p.user_code, re.M
    )
    k = int(total) // size if size else 0
    if made is None or k < 2 or k * size != int(total):
        return ""
    model, method = made.group(1), made.group(2)
    return (
        f"`{name.group(1)}` comes from `{model}.{method}(...)`, which gives one column per class "
        f"({k} here), not one value per point: reshape one column, `{name.group(1)}[:, k]`, or "
        f"use `{model}.predict(...)` for one label per point."
    )


# PyTorch layer and loss messages, each with the numbers the hint needs.
def _torch_layer_input_shape(p, f):
    """When: the message is one of PyTorch's layer or loss shape checks (``torch_layer_hint``
    reads each); otherwise None."""
    return torch_layer_hint(p)


# TensorFlow's check that `tf.concat`'s axis is one number: a shape against the scalar's `()`.
_NOT_A_SCALAR = re.compile(r"Shapes \([\d, ]*\) and \(\) are incompatible")
_TF_CONCAT = re.compile(r"(?<![\w.])(?:tf|tensorflow)\.concat\s*\(")


def _concat_axis_not_a_number(p) -> str | None:
    """`tf.concat(b, c)`: concat takes a list of tensors, then the axis; a second tensor given
    as the axis fails TensorFlow's check that the axis is a scalar. Only when the message is
    that check (a shape against `()`), a frame is TensorFlow's `concat`, and the line's call
    passes two positional arguments, the first not a list or tuple written out."""
    if not _NOT_A_SCALAR.search(p.message):
        return None
    if not any(fr.function == "concat" and fr.library == "tensorflow" for fr in p.frames):
        return None
    m = _TF_CONCAT.search(p.user_line)
    if m is None:
        return None
    args = call_arguments(p.user_line[m.end() - 1 :])
    if len(args) < 2 or "=" in args[0] or "=" in args[1] or args[0].lstrip()[:1] in "[(":
        return None
    first, second = args[0].strip(), args[1].strip()
    return (
        f"`tf.concat` takes a list of tensors and then the axis, so `{second}` was read as the "
        f"axis, which must be one number: write `tf.concat([{first}, {second}], axis=0)`."
    )


def _keras_input_shape(p, f):
    """When: a Keras/TensorFlow message that names the shapes and says whose they are (the
    layer's input, the labels and the output, a named op); otherwise None: the safe hint."""
    msg = p.message
    axis = _concat_axis_not_a_number(p)
    if axis:
        return axis
    if "requires inputs with matching shapes" in msg:
        shapes = re.search(r"Got inputs shapes: (\[.*?\])", msg)
        got = f" ({shapes.group(1)})" if shapes else ""
        return (
            f"The tensors joined by the merge layer differ outside the joining axis{got}: make "
            "the branches match first, e.g. the same pooling or `padding='same'`, or crop/pad one."
        )
    if re.search(r"Incompatible shapes: \[[\d,]+\] vs\. \[[\d,]+\]", msg):
        op = re.search(r"\[Op:(\w+)\]", msg)
        where = f" in `{op.group(1)}`" if op else ""
        return (
            f"Two tensors combined element-wise{where} have different sizes{_shapes(f)}: often "
            "predictions vs. labels (or a last, smaller batch); make their shapes equal."
        )
    return keras_hint(p)


# ---- scikit-learn, NumPy, pandas, Matplotlib

# scikit-learn's metric functions (a model's own .score(X, y) pairs X and y instead).
_METRIC = re.compile(
    r"^(?!cross_val)\w+_score$|^\w+_error$|^confusion_matrix$|^classification_report$"
    r"|^\w*_curve$|^log_loss$"
)


# A call in a cell's code, and scikit-learn's calls that check X and y's lengths besides metrics.
_CALLED = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*\(")
_CHECKS_X_Y = re.compile(r"fit\w*|train_test_split|cross_val\w*|score|\w*_resample")


def _only_metric_call(p) -> Call | None:
    """A traceback cut before the user's line (a saved output's first line only): the cell's
    one call that compares two lengths, when that call is a metric
    (`print(classification_report(y_test, pred))`); None when a fit or split could be it."""
    if p.user_line.strip():
        return None
    checking = [
        m
        for m in _CALLED.finditer(p.user_code or "")
        if _METRIC.search(m.group(1)) or _CHECKS_X_Y.fullmatch(m.group(1))
    ]
    if len(checking) != 1 or not _METRIC.search(checking[0].group(1)):
        return None
    m = checking[0]
    line = p.user_code[m.start() :].split("\n", 1)[0]
    return call_from_text(line, m.group(1), "sklearn")


def _x_y_row_counts(p, f):
    """When: scikit-learn's check_consistent_length lists the lengths, in the order of the
    call's arguments. A metric compares true labels with predictions (the `predict(X_test)`
    example only where the cell calls a `.predict`); fit pairs X and y."""
    counts = [int(x) for x in re.findall(r"\d+", p.message.split("samples:", 1)[-1])[:4]]
    if len(counts) < 2:
        return None
    a, b = counts[0], counts[1]
    if a == b:
        return None  # the odd length is a third array's (groups, sample_weight): not this pair
    vectorizer = _TEXT_VECTORIZER.search(p.user_code)
    kind = vectorizer.group(0)[:-1] if vectorizer else ""
    if not kind and a < b and a <= 20:
        kind = _vectorized_first_argument(p)
    if kind and a < b and a <= 20:
        # a text vectorizer iterates what it gets: over a DataFrame, that is its column names
        return (
            f"`{kind}` reads one text per item of X, and a DataFrame's items "
            f"are its column names ({a} 'documents' against {b} labels if X is a DataFrame of "
            f"{a} columns): pass one text column (`X['text']`), or use a `ColumnTransformer`."
        )
    call = failing_call(p) or _only_metric_call(p)
    args = call.args if call is not None else ()
    named = len(args) == len(counts) and all(code(x) for x in args)
    pair = f"{code(args[0])} and {code(args[1])}" if named else ""
    in_metrics = any("metrics" in fr.filename for fr in p.frames if fr.library)
    called = call.function.rsplit(".", 1) if call is not None else [""]
    on_object = len(called) == 2 and not re.search(r"metrics$|^skm$", called[0])
    if call is not None and (in_metrics or (_METRIC.search(called[-1]) and not on_object)):
        if named and 1 in (a, b) and a != b:
            # One side holds a single value: it was computed from one row, not from the rows
            # the other side belongs to.
            one, other = (args[0], b) if a == 1 else (args[1], a)
            return (
                f"`{one}` holds 1 value against {other}: it was computed from a single row or "
                "value; print the shape of what it was made from."
            )
        if named and 0 in (a, b):
            # the metric got an empty side: nothing filled it (yet), whatever the rows were
            none, other, full = (args[0], args[1], b) if a == 0 else (args[1], args[0], a)
            return (
                f"`{none}` is empty (0 values against {full} in `{other}`): run the code that "
                f"fills `{none}` before this line, or check why it left it empty."
            )
        which = pair or "The true labels and the predictions"
        empty = " (one is empty)" if 0 in (a, b) else ""
        reduced = next((x for x in args[:2] if named and _argmax_of(p, x)), "")
        if reduced and not empty:
            # `pre = np.argmax(pre, 1)`: the count is that of the axis left, which may be a list
            # of a model's outputs or the wrong axis as well as other rows.
            return (
                f"{which} have {a} and {b} values: `{reduced}` comes from an `argmax`; print the "
                "shape of what it was taken from (a model's list of outputs, or the wrong axis, "
                "gives another count), and predict on the rows the labels belong to."
            )
        # The train/test example only where the cell predicts with a model.
        example = (
            ", e.g. `model.predict(X_test)` with `y_test`" if ".predict" in p.user_code else ""
        )
        return (
            f"{which} have {a} and {b} values{empty}: compare predictions with the labels of the "
            f"same rows{example}."
        )
    if call is not None and call.function.endswith("fit") and a == 1 and b > 1:
        return (
            f"X was read as 1 sample of {b} values: a single feature must be a column, e.g. "
            "`df[['col']]` or `x.reshape(-1, 1)`."
        )
    disordered = _split_out_of_order(p, args[:2]) if named else None
    if disordered:
        return (
            f"`train_test_split` returns X_train, X_test, y_train, y_test in that order, but the "
            f"notebook unpacks it as `{disordered}`: {pair} come from different parts; reorder "
            "the names."
        )
    listed = _LIST_OF_ARRAYS.fullmatch(args[1].strip()) if named else None
    if listed and b == len(call_arguments(f"({listed.group(1)})")):
        # `fit(X, [y1, y2])`: a list of n arrays is an array of n rows, one per array
        return (
            f"`{args[1]}` is a list of {b} arrays, which scikit-learn reads as {b} rows: stack "
            f"them as columns, `np.column_stack({args[1]})`, to give one row per sample."
        )
    one_row = _reshaped_into_one_row(args[1]) if named and b == 1 and a > 1 else ""
    if one_row:
        # `y.reshape(1, -1)` makes one row of all the labels: y goes to fit 1-D
        return (
            f"`{args[1]}` makes one row of all of `{one_row}`'s values (1 row vs {a}): pass "
            f"`{one_row}` as it is, 1-D (or `{one_row}.ravel()`)."
        )
    partner = _split_partner(p, args[0], args[1]) if named else None
    if partner:
        part, whole, matching = partner
        return (
            f"`{part}` is a part of a `train_test_split`, and `{whole}` the whole input it was "
            f"split from ({a} vs {b} rows): pass the matching part, `{matching}`."
        )
    sliced = _rows_sliced(p, args[:2], (a, b)) if named else ""
    if sliced:
        return sliced
    bare = _tuple_of_columns(p, args[:2], (a, b)) if named else ""
    if bare:
        return bare
    who = pair or "X and y"
    code_seen = seen_code(p)[0]
    if call is not None and call.function.rsplit(".", 1)[-1] == "train_test_split":
        # the split itself failed: its inputs differ already
        resplit = _split_of_a_part(p, args[0], args[1]) if named else ""
        if resplit:
            return resplit
        return (
            f"{who} have different numbers of rows ({a} vs {b}) before the split: print the "
            "length of each and check the lines that made them from the data."
        )
    if "train_test_split(" in code_seen and named and _same_part(args[0], args[1]):
        # already the same part of a split: a step after the split changed one of them
        return (
            f"{who} have different numbers of rows ({a} vs {b}), though they are named as the "
            "same part of a split: print the length of each and check the steps that made them "
            "after the split."
        )
    if "train_test_split(" in code_seen:
        # the notebook splits already: re-splitting is no advice; parts of one split go together
        return (
            f"{who} have different numbers of rows ({a} vs {b}): print the length of each and "
            "check where they were made; pass parts of the same split together (`X_train` with "
            "`y_train`)."
        )
    return (
        f"{who} have different numbers of rows ({a} vs {b}): build them from the same rows, e.g. "
        "split them together with `train_test_split(X, y)` and drop rows from both at once."
    )


_NAME_LIKE = re.compile(r"[A-Za-z_][\w.]*(?:\[[^\[\]]+\])*(?:\.\w+)*")


def _sklearn_wants_2d(p, f):
    """When: check_array's "Expected 2D array, got 1D/scalar array" or "Found array with dim
    N"; the argument is named when the call passes one array by name."""
    args = call_args(p)
    name = args[0] if len(args) == 1 and _NAME_LIKE.fullmatch(args[0]) and code(args[0]) else ""
    got = f.get("got", "1D")
    text = _printed_text(p.message) if got == "scalar" else ""
    if _OBJECT_REPR.fullmatch(text):
        return _object_as_data(name, text)
    if text:
        # `[[value]]` of raw text fails again: a model of text features reads the vectors.
        return (
            f"scikit-learn wants a 2-D X of features but got one text value "
            f"({short(text, 40)!r}): turn it into the features the model was trained on "
            "first, e.g. the same vectorizer's `.transform([text])`."
        )
    if got == "scalar":
        return (
            "scikit-learn wants a 2-D X (samples × features) but got a single value: wrap it, "
            "e.g. `[[value]]`."
        )
    x = name or "X"
    # X is the first argument of fit, predict, score and transform.
    first = args[0] if args and re.fullmatch(r"[A-Za-z_]\w*", args[0]) else ""
    swapped = misordered_unpacking(p, first) if first and got == "1D" else None
    if swapped and swapped.holds_labels:
        return swapped.hint()
    printed = _printed_items(p.message)
    if got == "1D" and printed and all(item.lower() == "nan" for item in printed):
        # Not one feature nor one sample: what should hold the features came out empty.
        return (
            f"{'`' + x + '`' if name else 'X'} is 1-D and every value printed is NaN, so it does "
            "not hold the features yet: check the step that builds it (e.g. vectors per row "
            "that came out NaN) and pass a 2-D X (samples × features, `np.vstack` of the rows)."
        )
    several = _target_of_several_columns(p) if got == "1D" else ""
    if several:
        return several
    column = _PANDAS_COLUMN.fullmatch(name) if name else None
    if got == "1D" and column:
        # A pandas column has no .reshape: the double brackets give a one-column DataFrame.
        frame, col = column.group(1), column.group(2) or column.group(3)
        return (
            f"scikit-learn wants a 2-D X (samples × features) but `{name}` is one column (1-D): "
            f"select it as a one-column DataFrame, `{frame}[['{col}']]`."
        )
    scaler = _PER_FEATURE_SCALER.search(p.message[:300]) if got != "1D" else None
    if scaler:
        # Flattening each sample would scale every (step, feature) pair as its own feature and
        # lose the layout a sequence model reads next: the features are the last axis.
        return (
            f"`{scaler.group(1)}` scales each feature (column) and `{x}` is {got}: scale the 2-D "
            "table before cutting it into samples, or scale it as rows of features "
            "(`.reshape(-1, n_features)`) and reshape the result back."
        )
    if got == "1D" and re.search(r"array=\[\s*\]", p.message[:300]):
        return (
            f"{'`' + x + '`' if name else 'X'} is empty (`array=[]`): the step that builds it "
            "gave no data (e.g. a file pattern that matched no file, or a filter that kept no "
            "rows); check its length before fitting."
        )
    call = failing_call(p)
    if got != "1D" and call is not None and _APPLIES_A_FITTED_MODEL.search(call.function):
        # A fitted model reads the features it was trained on: flattening is right only when
        # the training X was flattened too, not when it was extracted (HoG, embeddings).
        return (
            f"scikit-learn wants a 2-D X (samples × features) but `{x}` is {got}: prepare it "
            "exactly as the X the model was fitted on (the same feature extraction, or the same "
            f"flattening `{x}.reshape(len({x}), -1)`)."
        )
    if got != "1D":
        return (
            f"scikit-learn wants a 2-D X (samples × features) but `{x}` is {got}: flatten each "
            f"sample with `{x}.reshape(len({x}), -1)`."
        )
    series = _column_it_comes_from(p, name) if name else ""
    if series:
        # A pandas Series has no `.reshape`: its one-column frame is the 2-D X.
        return (
            f"scikit-learn wants a 2-D X (samples × features) but `{x}` comes from the pandas "
            f"column `{series}` (a 1-D Series, which has no `.reshape`): pass `{x}.to_frame()` "
            f"(or `{x}.values.reshape(-1, 1)`) for one feature."
        )
    # A parameter or a list has no `.reshape`: NumPy makes the array first.
    shaped = f"np.asarray({x})" if name and _maybe_a_list(p, name) else x
    return (
        f"scikit-learn wants a 2-D X (samples × features) but "
        f"{'`' + x + '` is' if name else 'got'} a 1D array: use `{shaped}.reshape(-1, 1)` for "
        f"one feature (or `df[['col']]` instead of `df['col']`), or `{shaped}.reshape(1, -1)` "
        "for one sample."
    )


# The methods that apply a fitted model to new data (never `fit`).
_APPLIES_A_FITTED_MODEL = re.compile(
    r"(?:^|\.)(?:predict|predict_proba|predict_log_proba|decision_function|score)$"
)


# check_array naming a scaler that works per column ("Found array with dim 3. MinMaxScaler
# expected <= 2.").
_PER_FEATURE_SCALER = re.compile(r"\b(\w*Scaler)\s+expected\b")


def _object_as_data(name: str, text: str) -> str:
    """`array=StandardScaler().`: check_array got an object (a scaler assigned to X_test), not
    text: a vectorizer is no advice; a transformer's data is what its method returns."""
    held = f"`{name}` holds" if name else "The value passed is"
    given = name or "X"
    step = (
        f"assign what its method returns, e.g. `{given} = scaler.transform({given})` after "
        "making the data again"
        if _TRANSFORMER_NAME.match(text)
        else "pass the data, and re-run the cells that make it if a line replaced it"
    )
    return f"{held} an object, `{short(text, 40)}`, not data: {step}."


# scikit-learn's transformers, by their class names: their `.transform` gives the data.
_TRANSFORMER_NAME = re.compile(
    r"\w*(?:Scaler|Encoder|Vectorizer|Transformer|Imputer|Normalizer|PCA)\("
)


def _printed_text(message: str) -> str:
    """The one value check_array printed (`array=some words.`) when it is no number, else ""."""
    m = re.search(r"array=(.*?)\.?\s*\nReshape", message, re.S)
    value = m.group(1).strip() if m else ""
    return value if value and not _NUMBER_TEXT.fullmatch(value) else ""


# An object's repr as check_array prints it: `StandardScaler()`, `<generator object f at 0x…>`.
_OBJECT_REPR = re.compile(r"[A-Za-z_][\w.]*\(.*\)|<[\w.]+(?: object)?\b.*>", re.S)
_NUMBER_TEXT = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)", re.I)


def _printed_items(message: str) -> list[str]:
    """The values check_array printed after "array=" (NumPy's `...` left out)."""
    m = re.search(r"array=\[(.*?)\]\.?\s*(?:Reshape|$)", message, re.S)
    if not m:
        return []
    return [item for item in m.group(1).split() if item != "..."]


def _maybe_a_list(p, name: str) -> bool:
    """``name`` is a parameter of a `def` in the cell, or assigned a list there: it may have
    no `.reshape`."""
    params = re.findall(r"^\s*def\s+\w+\(([^)]*)\)", p.user_code, re.M)
    if any(re.search(rf"(?:^|,)\s*{re.escape(name)}\s*(?:[:=,]|$)", ps) for ps in params):
        return True
    return bool(re.search(rf"^\s*{re.escape(name)}\s*=\s*(?:\[|list\()", p.user_code, re.M))


# `y = df['tip']`: a name assigned one pandas column selected by its label.
_ONE_LABELLED_COLUMN = r"^[ \t]*{name}\s*=\s*([A-Za-z_]\w*\[\s*(['\"])[^'\"\]]+\2\s*\])\s*(?:#.*)?$"


def _column_it_comes_from(p, name: str) -> str:
    """The pandas column (`df['tip']`) the code seen assigns to ``name``, or to the input of a
    `train_test_split` that ``name`` is a part of (the parts keep their input's type); "" when
    none, or when ``name`` is assigned anything else too (what it holds then is not seen)."""
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        return ""
    code_seen = seen_code(p)[0]
    sources = {
        m.group(5 + m.groups()[:4].index(name) // 2)
        for m in _SPLIT_WITH_INPUTS.finditer(code_seen)
        if name in m.groups()[:4]
    }
    if sources and _assigned_alone(code_seen, name):
        return ""  # a part assigned anew (`y_train = y_train.values`): no longer the split's
    if len(sources) > 1:
        return ""  # parts of several splits: which one ran last is not seen
    source = sources.pop() if sources else name
    if not re.fullmatch(r"[A-Za-z_]\w*", source):
        return ""
    if _unpacked_into(code_seen, name) or (source != name and _unpacked_into(code_seen, source)):
        return ""  # `X, y = X.values, y.values`: assigned again among other names
    found = re.findall(_ONE_LABELLED_COLUMN.format(name=re.escape(source)), code_seen, re.M)
    columns = {column for column, _ in found}
    if len(columns) != 1 or _assigned_alone(code_seen, source, found):
        return ""
    column = columns.pop()
    return column if _a_pandas_frame(code_seen, column.split("[", 1)[0]) else ""


def _unpacked_into(code_seen: str, name: str) -> bool:
    """A line other than a `train_test_split` assigns ``name`` among several targets."""
    lines = re.findall(
        rf"^[ \t]*(?:[\w.]+\s*,\s*)*{re.escape(name)}\s*(?:,\s*[\w.]+\s*)*,?\s*=(?!=)[^\n]*",
        code_seen,
        re.M,
    )
    return any("," in line.split("=", 1)[0] and "train_test_split(" not in line for line in lines)


def _a_pandas_frame(code_seen: str, frame: str) -> bool:
    """Is ``frame`` a DataFrame in the code seen: the last line that assigns it from something
    else than itself makes one with pandas (`pd.read_csv(`, `pd.DataFrame(`) or takes rows of
    another frame with a method only pandas has (`raw.dropna()`); when no line assigns it, its
    name says so (`df`, `train_df`). A dict, an `np.load` file or a JSON object subscripted by
    a label gives no Series."""
    values = [
        value
        for value in re.findall(rf"^[ \t]*{re.escape(frame)}\s*=(?!=)\s*([^\n]*)", code_seen, re.M)
        if not re.match(rf"{re.escape(frame)}\b", value)
    ]
    if not values:
        return bool(re.search(r"df|frame", frame, re.I))
    return bool(_PANDAS_MAKER.match(values[-1]) or _PANDAS_ROWS.match(values[-1]))


# Rows of another frame taken with a method only pandas has: `raw.dropna()`, `raw.loc[...]`.
_PANDAS_ROWS = re.compile(
    r"[A-Za-z_][\w.]*\.(?:loc|iloc|dropna|fillna|query|merge|reset_index|set_index|sort_values"
    r"|rename|drop_duplicates|drop|groupby|sample|head|tail|assign)\b"
)


def _assigned_alone(code_seen: str, name: str, but=()) -> bool:
    """Does a line of ``code_seen`` assign ``name`` alone (`name = …`), other than ``but``?"""
    everything = re.findall(rf"^[ \t]*{re.escape(name)}\s*=(?!=)", code_seen, re.M)
    return len(everything) > len(but)


# `x = df.iloc[:, 0]` and `y = df.iloc[:, 1:]`: one column as X, a slice of columns as y.
_ONE_COLUMN = re.compile(r"^[ \t]*([xX]\w*)\s*=\s*([\w.]+)\.iloc\[\s*:\s*,\s*-?\d+\s*\]", re.M)
_COLUMN_SLICE = re.compile(
    r"^[ \t]*([yY]\w*)\s*=\s*([\w.]+)\.iloc\[\s*:\s*,\s*-?\d*\s*:\s*-?\d*\s*\]", re.M
)


def _target_of_several_columns(p) -> str:
    """The notebook takes X as one column and y as a slice of columns of the same frame: the
    1-D X is the target, features and target look swapped."""
    code, _ = seen_code(p)

    def last(m) -> bool:  # no later line assigns the name anew
        later = re.compile(rf"^[ \t]*{re.escape(m.group(1))}\s*=[^=]", re.M)
        return not later.search(code, m.end())

    xs = {m.group(2): m for m in _ONE_COLUMN.finditer(code) if last(m)}
    for m in _COLUMN_SLICE.finditer(code):
        x = xs.get(m.group(2))
        if x is not None and last(m):
            one, many = x.group(0).strip(), m.group(0).strip()
            return (
                f"`{one}` takes one column and `{many}` several: features and target look "
                "swapped; X should hold the feature columns (2-D) and y the one target column."
            )
    return ""


# df.col or df['col'] (a pandas column, which has no .reshape).
_PANDAS_COLUMN = re.compile(r"([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*)|\[['\"]([^'\"\]]+)['\"]\])")
_SPLIT_UNPACK = re.compile(SPLIT_INTO_FOUR, re.M)


def _several_columns_slice(line: str) -> str:
    """`data[:, 1:3]` on the line: a 2-D slice of two or more columns (ends written as numbers);
    "" when none."""
    for m in re.finditer(r"\b[A-Za-z_][\w.]*\[\s*:\s*,\s*(\d*)\s*:\s*(\d+)\s*\]", line):
        if int(m.group(2)) - int(m.group(1) or 0) >= 2:
            return m.group(0)
    return ""


def _argmax_of(p, name: str) -> bool:
    """Does the crash's code assign ``name`` an argmax (`pre = np.argmax(pre, 1)`)?"""
    pattern = (
        rf"^[ \t]*{re.escape(name)}\s*=\s*[\w.]*argmax\(|^[ \t]*{re.escape(name)}\s*=.*\.argmax\("
    )
    return re.search(pattern, p.user_code, re.M) is not None


# The part of `train_test_split`'s output a name says it holds: (X or y, train or test).
_SPLIT_ROLES = (("x", "train"), ("x", "test"), ("y", "train"), ("y", "test"))
# A list written out of several items (`[y_date_train, y_region_train]`).
_LIST_OF_ARRAYS = re.compile(r"\[\s*([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)+)\s*,?\s*\]")

# What a name says it holds: `X_test`, `y_val`, `x_te` or `X_train`, `y_tr`.
_TEST_PART = re.compile(r"test|val|(?:^|_)te(?:$|_)", re.I)
_TRAIN_PART = re.compile(r"train|(?:^|_)tr(?:$|_)", re.I)


def _split_role(name: str) -> tuple[str, str] | None:
    axis = "x" if name[0] in "xX" else "y" if name[0] in "yY" else ""
    test, train = _TEST_PART.search(name), _TRAIN_PART.search(name)
    part = "test" if test and not train else "train" if train and not test else ""
    return (axis, part) if axis and part else None


def _reshaped_into_one_row(argument: str) -> str:
    """`y_train.reshape(1,-1)`: the name reshaped into a single row, else ""."""
    m = re.fullmatch(r"\s*([A-Za-z_][\w.]*)\.reshape\(\s*1\s*,\s*-1\s*\)\s*", argument)
    return m.group(1) if m else ""


# `a, b, c, d = train_test_split(X, y, …)`: the four parts and the two inputs.
_SPLIT_WITH_INPUTS = re.compile(SPLIT_INTO_FOUR + r"\s*([\w.]+)\s*,\s*([\w.]+)\s*[,)]", re.M)


def _split_partner(p, x: str, y: str) -> tuple[str, str, str] | None:
    """(part, whole, matching part) when one of ``x``, ``y`` is a part of a split in the code
    seen and the other is the split's other input itself, not its part: `fit(tr_df, target_df)`
    after `tr_df, te_df, tr_target, te_target = train_test_split(train_df, target_df)`."""
    for m in _SPLIT_WITH_INPUTS.finditer(seen_code(p)[0]):
        parts, (first, second) = m.groups()[:4], m.groups()[4:]
        if _is_failing_line(p, m.group(0)):
            continue  # the split that failed made no parts yet: its targets are no fix
        if x in parts[:2] and y == second:
            return x, y, parts[parts.index(x) + 2]
        if y in parts[2:] and x == first:
            return y, x, parts[parts.index(y) - 2]
    return None


# `name = obj.fit_transform(` / `.transform(`, and `obj = CountVectorizer(`, in the code seen.
_TRANSFORMED_INTO = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)\.(?:fit_)?transform\(", re.M
)
_VECTORIZER_MADE = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[\w.]*\.)?((?:Tfidf|Count|Hashing)Vectorizer)\(", re.M
)


def _vectorized_first_argument(p) -> str:
    """The text vectorizer's class when the failing call's first argument was made by that
    vectorizer's `fit_transform`/`transform` in the code seen, else "": its rows are the items
    the vectorizer was given."""
    call = failing_call(p)
    code_seen = seen_code(p)[0]
    if call is None or not call.args or "Vectorizer(" not in code_seen:
        return ""
    first = call.args[0].strip()
    makers = {m.group(1): m.group(2) for m in _VECTORIZER_MADE.finditer(code_seen)}
    for m in _TRANSFORMED_INTO.finditer(code_seen):
        if m.group(1) == first and m.group(2) in makers:
            return makers[m.group(2)]
    return ""


_NAME_WORDS = re.compile(r"[A-Za-z][a-z]*")
_PART_WORDS = {"train": "train", "tr": "train", "test": "test", "te": "test", "val": "val"}


def _split_part_of(name: str) -> str:
    """The part of a split a name says: "train" (`x_train`, `Xtrain`, `feats_tr`), "test",
    "val", or ""."""
    low = name.lower()
    for part in ("train", "test"):
        if part in low:
            return part
    words = [w.lower() for w in _NAME_WORDS.findall(name)]
    return next((_PART_WORDS[w] for w in words if w in _PART_WORDS), "")


def _same_part(x: str, y: str) -> bool:
    """Both names say the same part of a split (`x_train` and `y_train`, `Xte` and `y_te`)."""
    part = _split_part_of(x)
    return bool(part) and part == _split_part_of(y)


def _is_failing_line(p, text: str) -> bool:
    """True when ``text`` (a match in the code seen) is the failing line itself."""
    line = p.user_line.strip()
    return bool(line) and text.strip() in line


def _split_of_a_part(p, x: str, y: str) -> str:
    """The hint when `train_test_split(x, y)` fails and ``y`` is itself a label part of an
    earlier split in the code seen (not this line): a part has fewer rows than the whole
    ``x`` was made from. "" otherwise."""
    for m in _SPLIT_WITH_INPUTS.finditer(seen_code(p)[0]):
        parts, second = m.groups()[:4], m.group(6)
        if _is_failing_line(p, m.group(0)) or y not in parts[2:] or x in parts:
            continue
        side = "train" if parts.index(y) == 2 else "test"
        return (
            f"`{y}` is only the {side} part of an earlier split of `{second}`: if `{x}` holds "
            f"all the rows, split it with the whole labels, `train_test_split({x}, {second}, ...)`."
        )
    return ""


def _rows_sliced(p, names, counts) -> str:
    """`y = df.iloc[:5]` in the code seen, where `y` has exactly 5 rows: the slice took the
    first rows; `.iloc[:, 5]` would be column 5."""
    code_seen = seen_code(p)[0]
    for name, count in zip(names, counts, strict=False):
        m = re.search(
            rf"^[ \t]*{re.escape(name)}\s*=\s*([\w.]+)\.iloc\[\s*:\s*{count}\s*\]",
            code_seen,
            re.M,
        )
        if m and re.fullmatch(r"[A-Za-z_]\w*", name):
            return (
                f"`{name} = {m.group(1)}.iloc[:{count}]` takes the first {count} rows, so "
                f"`{name}` has {count} rows against {max(counts)}: if column {count} was meant, "
                f"write `{m.group(1)}.iloc[:, {count}]`."
            )
    return ""


def _tuple_of_columns(p, names, counts) -> str:
    """`X = df['a'], df['b']` in the code seen, where `X` has exactly as many "samples" as the
    tuple has items: a tuple of columns is read as one row per column. The fix selects the
    columns together when they are one frame's, else stacks them as columns."""
    code_seen = seen_code(p)[0]
    for name, count in zip(names, counts, strict=False):
        if not re.fullmatch(r"[A-Za-z_]\w*", name) or count < 2:
            continue
        for m in re.finditer(rf"^[ \t]*{re.escape(name)}\s*=(?!=)\s*(.+?)\s*$", code_seen, re.M):
            try:
                value = ast.parse(m.group(1), mode="eval").body
            except SyntaxError:
                continue
            if not isinstance(value, ast.Tuple) or len(value.elts) != count:
                continue
            return (
                f"`{name} = {short(m.group(1), 40)}` makes `{name}` a tuple of {count} items, "
                f"which scikit-learn reads as {count} rows: {_as_columns(value)}."
            )
    return ""


def _as_columns(value: ast.Tuple) -> str:
    """How to make one table of a tuple's items: `df[['a', 'b']]` when each item is a column
    of the same frame by its name, else `np.column_stack(...)`."""
    frames, columns = set(), []
    for item in value.elts:
        if (
            isinstance(item, ast.Subscript)
            and isinstance(item.value, ast.Name)
            and isinstance(item.slice, ast.Constant)
            and isinstance(item.slice.value, str)
        ):
            frames.add(item.value.id)
            columns.append(repr(item.slice.value))
    if len(frames) == 1 and len(columns) == len(value.elts):
        return f"select the columns together, `{frames.pop()}[[{', '.join(columns)}]]`"
    items = ", ".join(ast.unparse(item) for item in value.elts)
    return f"stack them as columns, `np.column_stack(({short(items, 40)}))`"


def _split_out_of_order(p, names) -> str | None:
    """The four names of a ``train_test_split`` unpacking, when one of ``names`` stands where
    the function returns another part than its name says (`x_train, x_test, y_test, y_train`):
    every name must say its part, or nothing is claimed."""
    for source in (*p.notebook_code, p.user_code):
        for m in _SPLIT_UNPACK.finditer(source):
            unpacked = m.groups()
            roles = [_split_role(n) for n in unpacked]
            if None in roles or len(set(roles)) < 4:
                continue
            if any(
                n in unpacked and roles[unpacked.index(n)] != _SPLIT_ROLES[unpacked.index(n)]
                for n in names
            ):
                return ", ".join(unpacked)
    return None


def _concat_dimensions(p, f):
    """When: NumPy names the dimension and the sizes that differ (otherwise generic)."""
    m = re.search(
        r"along dimension (\d+), the array at index (\d+) has size (\d+) and the array at index "
        r"(\d+) has size (\d+)",
        p.message,
    )
    if m:
        return (
            # Joining along that dimension instead would need the others to match, which the
            # message does not tell: only what must be equal is said.
            f"Array {m.group(2)} has size {m.group(3)} and array {m.group(4)} size {m.group(5)} "
            f"in dimension {m.group(1)}, which is not the one you join on and must match: print "
            "both `.shape`s and make that dimension equal, or check that these are the arrays "
            "meant to be joined."
        )
    ndims = re.search(
        r"the array at index (\d+) has (\d+) dimension\(s\) and the array at index (\d+) has "
        r"(\d+) dimension\(s\)",
        p.message,
    )
    if ndims:
        # a count of dimensions, not the size of one: no axis argument makes them agree
        return (
            f"Array {ndims.group(1)} has {ndims.group(2)} dimensions and array {ndims.group(3)} "
            f"{ndims.group(4)}: arrays are joined only with the same number of dimensions; print "
            "both `.shape`s and give them the same (`reshape`, or the value's brackets)."
        )
    return (
        "The arrays differ in a dimension other than the one you join on: print their `.shape`s "
        "and check the `axis` argument."
    )


def _plot_x_y_lengths(p, f):
    wide = _several_columns_slice(p.user_line)
    if wide:
        # `data[:, 1:3]` as x: two columns give twice the values of one column as y.
        return (
            f"`{wide}` selects several columns, so it holds more values than the other axis: "
            "plot one column against one column (e.g. `data[:, 1]`), or one call per column."
        )
    columns = _length_of_the_others_columns(dims(f.get("a")), dims(f.get("b")))
    if columns:
        # x = np.arange(a.shape[-1]) or fftfreq(a.shape[-1]) on an (n, k) array: its column
        # count, not its row count.
        one, other, count, shape = columns
        return (
            f"{one} has {count} values, as many as {other} {shape} has columns, not rows: make "
            f"{one} from {other}'s rows (`.shape[0]`, `len(...)`), or plot one column of {other}."
        )
    quoted = _quoted_axis(p.user_line) if "must be the same size" in p.message else None
    if quoted:
        return (
            f"`{quoted}` passes the text itself (one value), not the variable of that name: "
            "remove the quotes."
        )
    counted = _size_attribute_as_axis(p.user_line) if "must be the same size" in p.message else ""
    if counted:
        # `df.size` is the count of all its values (one number), never the column `size`.
        return (
            f"`{counted}.size` is a count (how many values `{counted}` holds: pandas' and "
            f"NumPy's `.size`), not a column named size: write `{counted}['size']` for the column."
        )
    if "must be the same size" in p.message:
        # scatter compares the counts of all values (`x.size`): a table of several columns is
        # larger than one column of as many rows, so the row counts may well be equal.
        return (
            f"`scatter` flattens x and y and compares how many values each holds{_shapes(f)}: "
            "print both `.shape`s; give one column for each (a table of several columns holds "
            "more values), taken from the same rows."
        )
    empty = [axis for axis, shape in (("x", f.get("a")), ("y", f.get("b"))) if _is_empty(shape)]
    if len(empty) == 1:
        # An empty side is no mismatch of two data sets: what should fill it gave nothing. The
        # side is the plot's axis, not a variable of that name (`plt.plot(y, x)`): the argument
        # is named when the line shows the two
        drawn = _PLOT_CALL.search(p.user_line)
        written = call_arguments(p.user_line[drawn.start() :]) if drawn else []
        args = [a for a in written if not re.match(r"\w+\s*=", a)][:2]
        given = args[0 if empty[0] == "x" else 1] if len(args) == 2 else ""
        shown = f" (`{given}`)" if given and not given.startswith(("'", '"')) else ""
        backwards = _empty_literal_range(given)
        if backwards:
            return (
                f"The {empty[0]} values (`{given}`) are empty{_shapes(f)}: a range whose start "
                f"{backwards} is not below its stop gives no numbers; write the range the other "
                "values were made over (as many numbers as they hold)."
            )
        return (
            f"The {empty[0]} values{shown} are empty{_shapes(f)}: the step that should fill "
            "them gave no values; check that step (a loop that appends to it, a filter) before "
            "plotting."
        )
    closed = _one_side_closed(p, dims(f.get("a")), dims(f.get("b")))
    if closed:
        done, other = closed
        return (
            f"`{done}` was closed with its first value (one more point, as a radar chart's loop "
            f"is) but `{other}` was not{_shapes(f)}: close it too, "
            f"`{other} = np.concatenate(({other}, [{other}[0]]))`."
        )
    single = _one_value_side(p, f)
    if single:
        return single
    return (
        f"x and y must have the same length{_shapes(f)}: plot values that belong together, e.g. "
        "`range(len(y))` as x, or the same filtered rows for both."
    )


def _empty_literal_range(text: str) -> str:
    """The start of `range(a, b)` written with numbers where a >= b (an empty range), else ""."""
    m = re.fullmatch(r"range\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)", text.strip())
    return m.group(1) if m and int(m.group(1)) >= int(m.group(2)) else ""


def _one_value_side(p, f) -> str | None:
    """One side holds a single value and the other many: no other x makes the two fit. When the
    cell made that side as `y = f(x)` of the other side, `f` gave one value for the whole
    array, not one per item."""
    x, y = dims(f.get("a")), dims(f.get("b"))
    sizes = (x[0] if x else None, y[0] if y else None)
    if 1 not in sizes or None in sizes or max(sizes) < 2:
        return None
    lone = "x" if sizes[0] == 1 else "y"
    if len(x if lone == "x" else y) != 1:
        return None  # a (1, 5) array is one row of five values, not a single value
    drawn = _PLOT_CALL.search(p.user_line)
    written = call_arguments(p.user_line[drawn.start() :]) if drawn else []
    args = [a.strip() for a in written if not re.match(r"\w+\s*=", a)][:2]
    if len(args) == 2 and all(a.isidentifier() for a in args):
        one, many = args if lone == "x" else args[::-1]
        made = assigned_values(p.user_code, one)
        call = (
            re.fullmatch(rf"([A-Za-z_][\w.]*)\(\s*{re.escape(many)}\s*\)", made[-1])
            if made
            else None
        )
        if call:
            func = call.group(1)
            return (
                f"`{one} = {made[-1]}` gave one value for the {max(sizes)} values of `{many}`: "
                f"make `{func}` return one value per item (NumPy operations on its argument), or "
                f"write `{one} = [{func}(v) for v in {many}]`."
            )
    return (
        f"The {lone} values are a single value{_shapes(f)}, not one for each point: "
        "print how they are made (a function or a sum that gives one number for all)."
    )


def _one_side_closed(p, x, y) -> tuple[str, str] | None:
    """(the longer side's name, the other's) when x and y differ by one value and the cell's
    last assignment above the failing line of the longer one appends its own first item
    (`v = np.concatenate((v, [v[0]]))`, a polar plot's closed loop) and that of the other,
    assigned there too, does not."""
    if not (x and y and len(x) == len(y) == 1 and abs(x[0] - y[0]) == 1):
        return None
    drawn = _PLOT_CALL.search(p.user_line)
    written = call_arguments(p.user_line[drawn.start() :]) if drawn else []
    args = [a.strip() for a in written if not re.match(r"\s*\w+\s*=", a)][:2]
    if len(args) != 2 or not all(a.isidentifier() for a in args):
        return None
    longer, shorter = (args[1], args[0]) if y[0] > x[0] else (args[0], args[1])
    above = "\n".join(own_lines(p)[: failing_line_number(p) - 1])
    made_long, made_short = assigned_values(above, longer), assigned_values(above, shorter)
    grown = re.search(
        rf"(?<![\w.]){re.escape(shorter)}\s*(?:\+=|\.(?:append|extend|insert)\()", above
    )
    if grown:
        return None  # (`angles += angles[:1]`: the other side grows in a way not read here)
    if made_long and made_short and _closes(made_long[-1], longer):
        return None if _closes(made_short[-1], shorter) else (longer, shorter)
    return None


def _closes(value: str, name: str) -> bool:
    """``value`` joins ``name`` and its own first item (`np.append(v, v[0])`, `v + v[:1]`)."""
    first = re.search(rf"(?<![\w.]){re.escape(name)}\[\s*(?:0|:\s*1)\s*\]", value)
    return first is not None and len(re.findall(rf"(?<![\w.]){re.escape(name)}\b", value)) >= 2


# The call that draws x against y on a line (`plt.plot(`, `ax.semilogy(`).
_PLOT_CALL = re.compile(r"(?<![\w])(?:plot|loglog|semilog[xy]|step|errorbar|stem)\s*\(")


def _is_empty(shape: str | None) -> bool:
    """A printed shape whose first dimension is 0: `(0,)`, `(0, 3)`."""
    sizes = dims(shape)
    return bool(sizes) and sizes[0] == 0


def _list_of_tables(p) -> tuple[str, bool]:
    """(the name the failing call passes first when the code seen makes it a list that items
    are appended to (`dfs = []` … `dfs.append(df)`), whether every item appended is seen to
    be a DataFrame (`pd.read_csv(f)`, a name a pandas call made)); ("", False) when none."""
    args = call_args(p)
    name = args[0] if args and re.fullmatch(r"[A-Za-z_]\w*", args[0]) else ""
    if not name:
        return "", False
    code_seen = seen_code(p)[0]
    made = re.search(rf"^[ \t]*{re.escape(name)}\s*=\s*(?:\[\s*\]|list\(\s*\))", code_seen, re.M)
    items = re.findall(rf"\b{re.escape(name)}\.append\(\s*([^\n]*)", code_seen)
    if not made or not items:
        return "", False
    return name, all(_a_frame_made(code_seen, item) for item in items)


def _a_frame_made(code_seen: str, item: str) -> bool:
    """``item`` (what an `.append(` is given) is a pandas call, or a name only pandas calls
    assign in the code seen."""
    if _PANDAS_MAKER.match(item):
        return True
    m = re.match(r"([A-Za-z_]\w*)\s*\)", item)
    if m is None:
        return False
    values = re.findall(rf"^[ \t]*{m.group(1)}\s*=(?!=)\s*([^\n]*)", code_seen, re.M)
    return bool(values) and all(_PANDAS_MAKER.match(value) for value in values)


# A call that makes a DataFrame: `pd.read_csv(`, `pandas.DataFrame(`, `pd.concat(`.
_PANDAS_MAKER = re.compile(r"(?:pd|pandas)\.(?:read_\w+|DataFrame|concat|merge|pivot_table)\s*\(")


def _length_of_the_others_columns(x, y) -> tuple[str, str, int, str] | None:
    """("x", "y", len(x), y's shape) when 1-D x is as long as 2-D y has columns, and not as it
    has rows (or the other way round); else None."""
    for one, other, names in ((x, y, ("x", "y")), (y, x, ("y", "x"))):
        shaped = one and other and len(one) == 1 and len(other) == 2
        if shaped and one[0] == other[1] and one[0] != other[0]:
            return (*names, one[0], show(other))
    return None


def _pandas_constructor_shape(p, f):
    """When: the data's shape and the one the index/columns imply differ in one dimension and
    the call passes that keyword (pandas printed (rows, cols) or, before 0.24, (cols, rows))."""
    a, b = dims(f.get("a")), dims(f.get("b"))
    call = failing_call(p)
    sparse = _sparse_encoding_given(p) if a and b and a[1:] == (1,) and b[1] > 1 else None
    if sparse:
        data, encoder = sparse
        return (
            f"`{data}` is the SciPy sparse matrix `{encoder}` returns, which pandas cannot "
            f"read as columns{_shapes(f)}: pass `{data}.toarray()`{_dense_option(encoder)}."
        )
    if a and b and len(a) == len(b) == 2 and call is not None:
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        keyword = (
            "columns" if "columns=" in call.text else ("index" if "index=" in call.text else "")
        )
        # both keywords given: which one is off hangs on the axis order, which changed with
        # pandas 0.24, so it cannot be told from the message
        both = "columns=" in call.text and "index=" in call.text
        if len(diff) == 1 and keyword and not both:
            have, named = diff[0]
            unit = "columns" if keyword == "columns" else "rows"
            return (
                f"The data has {have} {unit} but `{keyword}=` gives {named} labels: pass one label "
                f"per {unit[:-1]}, or select the data that matches them."
            )
    more = re.search(r"Must pass 2-d input\. shape=(\([\d, ]+\))", p.message)
    listed, frames = (
        _list_of_tables(p) if more and len(dims(more.group(1)) or ()) == 3 else ("", False)
    )
    if listed and frames:
        # each item is a DataFrame: stacking the rows is meant, not one row per table
        return (
            f"`{listed}` is a list of DataFrames (together shape {more.group(1)}), which a "
            f"DataFrame cannot hold as rows: join them, `pd.concat({listed})`."
        )
    if listed:
        # 2-D items of another kind: a table of rows each (join) or one sample each, such as
        # an image (flatten each): which is meant is not seen
        return (
            f"`{listed}` is a list of 2-D items (together shape {more.group(1)}), which a "
            "DataFrame cannot hold as rows: if each item is a table of rows, join them "
            f"(`np.vstack({listed})`, `pd.concat` for DataFrames); if each is one sample (an "
            f"image), flatten each, `np.array({listed}).reshape(len({listed}), -1)`."
        )
    if more:
        # DataFrame wants rows × columns; a 3-D (or more) array must be flattened per row.
        return (
            f"A DataFrame needs 2-D data (rows × columns) but got shape {more.group(1)}: reshape "
            "it to 2-D first, e.g. `arr.reshape(len(arr), -1)`."
        )
    wrapped = _numpy_result_rewrapped(p)
    if wrapped and a and b:
        return (
            f"`{wrapped}(...)` was given a pandas object, and pandas could not put NumPy's "
            f"result back into its rows and columns{_shapes(f)}: filter rows with pandas "
            "(`df[mask]`, `df.drop(...)`), or give NumPy one column's values (`df['col'].values`)."
        )
    if a and b and not _builds_a_pandas_object(p.user_line):
        # the line builds no frame itself: a library's code built it from what the line passed
        return (
            f"The data's shape does not fit the pandas object made from it{_shapes(f)}: print the "
            "shape of the data this line passes and of the frame it came from."
        )
    if a and b:
        return (
            f"The data's shape does not fit the pandas object being built{_shapes(f)}: pass as "
            "many column names as columns, and an index as long as the rows."
        )
    return _one_column_wanted(p, a)


# ``y = pd.get_dummies(y ...`` : the line replaces the name it encodes.
_DUMMIES_OF_ITSELF = re.compile(
    r"^\s*([A-Za-z_]\w*)\s*=\s*(?:pd\.|pandas\.)?get_dummies\(\s*([A-Za-z_]\w*)\s*[,)]"
)


def _one_column_wanted(p, a) -> str:
    """pandas wanted 1-D data. `arr.ravel()` only when the array is one column or row: a table
    of k > 1 columns flattened is k times too long and mixes the columns.
    When the line encodes a name into itself (``y = pd.get_dummies(y)``), a 2-D ``y`` is
    what an earlier run of this line left: re-create it first."""
    if a and len(a) == 2 and None not in a and min(a) > 1:
        m = _DUMMIES_OF_ITSELF.match(p.user_line) if "get_dummies(" in p.user_line else None
        if m and m.group(1) == m.group(2):
            name = m.group(1)
            return (
                f"This line replaces `{name}` with its one-hot columns, so if the cell already "
                f"ran, `{name}` is that {show(a)} table now: re-create `{name}` from its source "
                "(re-run the cell that sets it) before this one."
            )
        return (
            f"pandas needs 1-D data here (one column) but got a 2-D array of shape {show(a)}: "
            "pass the one column meant (e.g. `arr[:, 0]`), or build a DataFrame for several."
        )
    return (
        "The data's shape does not fit the pandas object being built: pass a 1-D array for a "
        "Series/column (e.g. `arr.ravel()`)."
    )


def _sparse_encoding_given(p) -> tuple[str, str] | None:
    """(the data `pd.DataFrame(` is given, the encoder's class) when that data is the result of
    `.fit_transform`/`.transform` of a one-hot encoder or text vectorizer of the code seen made
    without a dense output: scikit-learn returns a SciPy sparse matrix, no array of columns."""
    made = re.search(r"(?<![\w.])(?:pd|pandas)\.DataFrame\s*\(", p.user_line)
    given = call_arguments(p.user_line[made.start() :])[:1] if made else []
    data = given[0].strip() if given and "=" not in given[0] else ""
    code, _ = seen_code(p)
    values = assigned_values(code, data) if data.isidentifier() else [data]
    results = [_SPARSE_RESULT.match(v) for v in values]
    encoders = {m.group(1) for m in results if m}
    if not data or not results or not all(results) or len(encoders) != 1:
        return None
    made_as = assigned_values(code, encoders.pop())
    kind = [_SPARSE_MAKER.match(v) for v in made_as]
    if not kind or not all(kind) or any("sparse" in v for v in made_as):
        return None  # `sparse_output=False` (or `sparse=False`) gives an array
    return data, kind[-1].group(1)


def _dense_option(encoder: str) -> str:
    """The encoder's own switch to an array, where it has one (vectorizers have none)."""
    if encoder != "OneHotEncoder":
        return ""
    return (
        ", or make the encoder with `OneHotEncoder(sparse_output=False)` (`sparse=False` "
        "before 1.2)"
    )


# `enc.fit_transform(...)`: the encoder's name; and the classes whose result is sparse.
_SPARSE_RESULT = re.compile(r"([A-Za-z_]\w*)\.(?:fit_)?transform\s*\(")
_SPARSE_MAKER = re.compile(
    r"(?:[\w.]+\.)?(OneHotEncoder|CountVectorizer|TfidfVectorizer|HashingVectorizer)\s*\("
)


def _numpy_result_rewrapped(p) -> str:
    """The NumPy function the line calls on a pandas object, when pandas' `__array_wrap__`
    built the failing object from its result (`np.delete(df, …)` flattens the frame); else ""."""
    if not any(f.function.endswith("__array_wrap__") for f in p.frames if f.library == "pandas"):
        return ""
    call = failing_call(p)
    return call.function if call is not None and call.function.startswith("np.") else ""


def _builds_a_pandas_object(line: str) -> bool:
    """The line calls a pandas constructor or passes `columns=`/`index=` itself."""
    return re.search(r"\b(?:DataFrame|Series)\s*\(|\b(?:columns|index)\s*=", line) is not None


def _shapes_do_not_fit(p, f):
    if "cross product" in p.message and "must be 2 or 3" in p.message:
        # NumPy's `np.cross` is defined for vectors of 2 or 3 components only: no two shapes
        # disagree, one vector has another length.
        return (
            "`np.cross` works only on vectors of 2 or 3 components (the last axis), and an "
            "input here has another length: print both `.shape`s and pass 2- or 3-component "
            "vectors."
        )
    return (
        f"Two shapes do not fit together{_shapes(f)}: print the `.shape` of each input just "
        "before this line."
    )


# `theta += alpha * grad`: a name (or attribute) updated in place by an operator
_AUGMENTED_UPDATE = re.compile(r"\s*([A-Za-z_][\w.]*)\s*([-+*/%@])=\s*(.+?)\s*(?:#.*)?$")


def _not_broadcastable(p, f):
    """When: the message gives the shapes; a 1-D array whose length matches the other's rows
    is certain to need a column view (`b[:, None]`); an assignment is named as one."""
    msg = p.message
    m = re.search(
        r"value tensor of shape \[([^\]]*)\] cannot be broadcast to indexing result of shape "
        r"\[([^\]]*)\]",
        msg,
    )
    if m:
        return (
            f"The assigned value has shape [{m.group(1)}] but the indexed place holds "
            f"[{m.group(2)}]: assign a value of the place's shape (e.g. one element of it)."
        )
    if "could not broadcast input array" in msg:
        return _input_array_not_broadcast(p, f)
    m = re.search(
        r"non-broadcastable output operand with shape (\([^)]*\)) doesn't match the broadcast "
        r"shape (\([^)]*\))",
        msg,
    )
    if m and not re.search(r"[-+*/%@]=|\bout\s*=", p.user_line):
        return None  # the in-place write is a library's own, on data of another shape
    update = _AUGMENTED_UPDATE.match(p.user_line)
    if m and update:
        # `theta += alpha * grad`: an in-place update keeps the target's shape, so the right
        # side is usually what has the wrong shape (a new variable would only grow `theta`)
        target, op, rhs = update.groups()
        return (
            f"`{target} {op}= {short(rhs, 40)}` gives shape {m.group(2)}, but `{target}` has "
            f"shape {m.group(1)} and an in-place `{op}=` keeps it: if `{target}` should keep "
            f"its shape, check how the right side is computed (it must fit {m.group(1)}); if "
            f"the larger result is meant, write `{target} = {target} {op} ...`."
        )
    if m:
        return (
            f"The result has shape {m.group(2)} but is written into an array of shape "
            f"{m.group(1)} (an in-place `+=` or `out=`): assign to a new variable instead."
        )
    operands = len(re.findall(r"\([\d, ]*\)", msg.split("shapes", 1)[-1]))
    if "out=" in p.user_line:
        operands -= 1  # NumPy lists the out= array's shape last: it is no operand
    if "requested shape" in msg or operands > 2:
        # Broadcast to a shape a library asked for, or three operands: "the two arrays" and
        # their pair would name the wrong things.
        return None
    raiser = raised_outside_notebook(p)
    if (
        raiser is not None
        and raiser.library == "numpy"
        and not _OPERATOR.search(code_only(p.user_line))
    ):
        # NumPy's own arithmetic inside a function (`np.repeat(arr, [1, 0])` broadcasts the
        # repeat counts): its operands are its values, not two arrays the line combined.
        return None
    a, b = dims(f.get("a")), dims(f.get("b"))
    if not a or not b:
        return None
    line = code_only(p.user_line)
    if (
        raiser is not None
        and raiser.library
        and raiser.library != "numpy"
        and not _OPERATOR.search(line)
    ):
        # a library's own arithmetic (`seasonal_decompose` subtracting its trend): the two
        # arrays are its inputs or values it built from them, not two the line made
        call = failing_call(p)
        named_call = f"`{call.function}`" if call is not None else "the function"
        return (
            f"The mismatch ({f['a']} vs {f['b']}) arises inside {named_call} ({raiser.library}), "
            "between arrays it takes or builds from your inputs, not two the line combines: "
            "print the length and shape of each input and check what it needs (equal lengths, "
            "enough rows for a window or period, the expected dimensions)."
        )
    joined = _SUM_MADE_AN_ARRAY.search(line)
    # no other operator on the line (`np.array(a + b) * w`): the shapes may be that one's
    rest = line[: joined.start()] + "joined" + line[joined.end() :] if joined else line
    if joined and len(a) == len(b) == 1 and a != b and not _OPERATOR.search(rest):
        # `np.array(gen + imp)`: written as if `+` joined two lists, on two NumPy arrays
        first, second = joined.groups()
        return (
            f"`{first}` and `{second}` are NumPy arrays of different lengths ({f['a']} vs "
            f"{f['b']}), and `+` adds arrays item by item (it joins only lists): to join them, "
            f"use `np.concatenate([{first}, {second}])`."
        )
    return broadcast_words(a, b, f"({f['a']} vs {f['b']})")


# An operator written on the line: `a * b`, `x - y`, `m @ v`, `s > 0` (not `**kwargs`, `=`).
_OPERATOR = re.compile(r"[\w)\]]\s*(?:[-+*/%@&|^<>]|==|!=)")
# `np.array(a + b)`, `list(a + b)`: a sum of two names turned into one array or list.
_SUM_MADE_AN_ARRAY = re.compile(
    r"(?<![\w.])(?:(?:np|numpy)\.(?:as)?array|list)\(\s*([A-Za-z_][\w.]*)\s*\+\s*"
    r"([A-Za-z_][\w.]*)\s*\)"
)


_ASSIGNED = re.compile(r"^\s*([\w.]+\[[^\]]+\](?:\[[^\]]+\])*)\s*=(?!=)")
# `np.array(items)` / `np.asarray(...)` on the line: NumPy copies each item into one array.
_BUILDS_ARRAY = re.compile(r"\b(?:np|numpy)\.(?:as)?array\(|(?<![\w.])(?:as)?array\(")


def _input_array_not_broadcast(p, f):
    """NumPy's "could not broadcast input array from shape A into shape B" is a copy into a
    slot: the user's assignment only when the line assigns into a subscript; `np.array(items)`
    copies each item into one array (items of different shapes); any other line called a
    library whose own assignment failed (PolynomialFeatures(degree=0)): the safe hint."""
    if _ASSIGNED.match(p.user_line):
        return (
            f"An assignment puts an array of one shape into a slot of another{_shapes(f)}: the "
            "values you assign must have the target's shape; check both `.shape`s."
        )
    raiser = raised_outside_notebook(p)
    if _BUILDS_ARRAY.search(p.user_line) and (raiser is None or raiser.library == "numpy"):
        return (
            f"`np.array(...)` got items of different shapes{_shapes(f)}, and NumPy can join "
            "items into one array only when they have one shape: print the items' shapes "
            "(`{x.shape for x in items}`) and resize or pad the odd ones."
        )
    return None


def _torch_sizes_differ(p, f):
    """When: PyTorch names the two sizes. "The expanded size" is an assignment or expand (the
    target's size first); "The size of tensor a" an element-wise operation."""
    a, b = f.get("a", "?"), f.get("b", "?")
    if "expanded size" in p.message:
        target = _ASSIGNED.match(p.user_line)
        where = f"`{target.group(1)}`" if target else "the target"
        return (
            f"A value of size {b} is written into (or expanded to) {where}, which has size {a}: "
            "the assigned value must have the target's shape."
        )
    dim = f" in dimension {f['dim']}" if f.get("dim") else ""
    in_loss = any(re.search(r"[\\/]loss\.py$", fr.filename) for fr in p.frames)
    if in_loss and f.get("dim") == "0":
        return (
            f"The loss got {a} predictions and {b} targets (dimension 0 is the batch): compute "
            "both from the same batch of samples."
        )
    if in_loss:
        return (
            f"The loss got predictions and targets of different sizes{dim} ({a} vs {b}): make "
            "the model's output have the target's shape."
        )
    return (
        f"Two tensors combined element-wise have sizes {a} and {b}{dim}: print both `.shape`s "
        "and make them equal (or 1) there."
    )


_HEATMAP_CALL = re.compile(r"\bheatmap\s*\(")
_ONE_DIMENSION = re.compile(r"\(\d+,\)")
_MASK_ON_LINE = re.compile(r"\[|\bwhere\s*\(|\bmask")


def _boolean_mask_shape(p, f):
    """When: the line itself builds or applies a mask (a subscript, `where`, a `mask`
    argument); a mask made inside a library call the line only names is not the user's."""
    line = code_only(p.user_line)
    if raised_outside_notebook(p) and not _MASK_ON_LINE.search(line):
        a, b = f.get("a", ""), f.get("b", "")
        shapes = {a.replace(" ", ""), b.replace(" ", "")}
        one_d = next((x for x in shapes if _ONE_DIMENSION.fullmatch(x)), "")
        if _HEATMAP_CALL.search(line) and one_d and f"{one_d[:-1]}1)" in shapes:
            # seaborn turned a one-dimensional Series into a one-column table, then masked
            # it against the values it still held as one row of numbers
            return (
                "`heatmap` got one-dimensional data (a Series), but it draws a 2-D table: "
                "pass a DataFrame, e.g. a grouped Series made wide with `.unstack()`."
            )
        return None
    return (
        f"The boolean mask's shape differs from the array's{_shapes(f)}: build the mask from the "
        "same array (flatten a column vector with `.ravel()`)."
    )


def _opencv_sizes_differ(p, f):
    return (
        "The two images (or the image and the mask) differ in size or number of channels: "
        "print both `.shape`s and make them equal first, e.g. `cv2.resize(b, a.shape[1::-1])`."
    )


HINTS: dict[str, Template] = {
    NOT_ALIGNED: _matmul_inner_dimensions,
    MATMUL: _matmul_inner_dimensions,
    TORCH_MAT1_MAT2: _linear_layer_in_features,
    TORCH_VIEW: _view_element_count,
    TORCH_CHANNELS: _torch_layer_input_shape,
    KERAS_EXPECTED_SHAPE: _keras_input_shape,
    KERAS_INCOMPATIBLE_INPUT: _keras_input_shape,
    INCONSISTENT_SAMPLES: _x_y_row_counts,
    EXPECTED_2D: _sklearn_wants_2d,
    CANNOT_RESHAPE: _reshape_element_count,
    CONCATENATE: _concat_dimensions,
    PLOT_DIMENSIONS: _plot_x_y_lengths,
    PANDAS_SHAPE: _pandas_constructor_shape,
    GENERIC_SHAPE: _shapes_do_not_fit,
    BROADCAST: _not_broadcastable,
    CANNOT_BROADCAST: _not_broadcastable,
    TORCH_BROADCAST: _torch_sizes_differ,
    BOOLEAN_INDEX: _boolean_mask_shape,
    OPENCV_SIZES: _opencv_sizes_differ,
}


_SCATTER_CALL = re.compile(r"(?<![\w])scatter\s*\(")
_SIZE_ATTRIBUTE = re.compile(r"([A-Za-z_][\w.]*(?:\[[^\[\]]+\])*)\s*\.\s*size")


def _size_attribute_as_axis(line: str) -> str:
    """`plt.scatter(d.size, d.price)`: x or y given as `<value>.size`, which is how many values
    the value holds, not its column `size`; the value's expression, or ""."""
    call = _SCATTER_CALL.search(line)
    if call is None or "data=" in line:
        return ""
    args = call_arguments(line[call.start() :])
    positional = [a for a in args if not re.match(r"\w+\s*=", a)][:2]
    named = [a.split("=", 1)[1].strip() for a in args if re.match(r"[xy]\s*=[^=]", a)]
    for arg in (*positional, *named):
        m = _SIZE_ATTRIBUTE.fullmatch(arg.strip())
        if m:
            return m.group(1)
    return ""


def _quoted_axis(line: str) -> str | None:
    """`x="y_test"` of `plt.scatter(x="y_test", y=pred)` without `data=`: x is the text itself
    (one value), so no table of several columns is to blame."""
    if "data=" in line or "scatter(" not in line or ".plot.scatter(" in line:
        return None  # `data=` or a frame's `.plot.scatter(x='a')`: the text names a column
    quoted = re.search(r"""\b[xy]\s*=\s*(['"])[A-Za-z_]\w*\1""", line)
    return quoted.group(0) if quoted else None
