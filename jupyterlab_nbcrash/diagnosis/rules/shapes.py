"""Shapes: arrays, tensors or matrices that do not fit an operation or a layer, and element-wise
shapes that cannot be broadcast. Messages of NumPy, pandas, scikit-learn, PyTorch, TensorFlow/Keras
and Matplotlib."""

from __future__ import annotations

import re

from .base import Facts, Template, group_facts, pattern_rule

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

_SHAPES = group_facts(a="a", b="b")
_TM = "tensor_shape_mismatch"
_BC = "unsupported_broadcast"


def _all_shapes(parsed, m):
    facts = _SHAPES(parsed, m)
    if "a" not in facts and len(parsed.shapes) >= 2:
        facts = {"a": parsed.shapes[0], "b": parsed.shapes[1]}
    elif "a" not in facts and parsed.shapes:
        facts = {"a": parsed.shapes[0]}
    return facts


def _with(**extra):
    def facts(parsed, m):
        out = _all_shapes(parsed, m)
        out.update(extra)
        return out

    return facts


RULES = (
    # NumPy / scikit-learn linear algebra
    pattern_rule(
        NOT_ALIGNED,
        _TM,
        r"shapes (?P<a>\([\d, ]*\)) and (?P<b>\([\d, ]*\)) not aligned",
        ml_bug=True,
        confidence=0.97,
        facts=_with(op="dot"),
    ),
    pattern_rule(
        MATMUL,
        _TM,
        r"matmul: Input operand \d has a mismatch in its core dimension"
        r"|Matrix size-incompatible|In\[0\] mismatch In\[1\] shape",
        ml_bug=True,
        confidence=0.95,
        facts=_with(op="matmul"),
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
        facts=_with(op="view"),
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
        r"|Output size is too small",
        library="torch",
        ml_bug=True,
        confidence=0.9,
        facts=_with(op="layer"),
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
        facts=_with(op="layer"),
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
        facts=_with(op="layer"),
    ),
    # scikit-learn
    pattern_rule(
        INCONSISTENT_SAMPLES,
        _TM,
        r"Found input variables with inconsistent numbers of samples: \[(?P<a>\d+), (?P<b>\d+)",
        library="sklearn",
        ml_bug=True,
        confidence=0.97,
        facts=_with(op="samples"),
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
        facts=_with(op="reshape"),
    ),
    pattern_rule(
        CONCATENATE,
        _TM,
        r"all the input array dimensions .*must match exactly"
        r"|all the input arrays must have same number of dimensions"
        r"|zero-dimensional arrays cannot be concatenated",
        ml_bug=True,
        confidence=0.9,
        facts=_with(op="concatenate"),
    ),
    pattern_rule(
        PLOT_DIMENSIONS,
        _TM,
        r"x and y must have same first dimension, but have shapes (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))|x and y must be the same size",
        library="matplotlib",
        ml_bug=True,
        confidence=0.93,
        facts=_with(op="plot"),
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
        facts=_with(op="frame"),
    ),
    pattern_rule(
        BOOLEAN_INDEX,
        _TM,
        r"Inconsistent shape between the condition and the input \(got (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))\)",
        ml_bug=True,
        confidence=0.85,
        facts=_with(op="mask"),
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
        facts=_all_shapes,
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
        facts=_all_shapes,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _shapes(f: Facts) -> str:
    """The two shapes the rule found, as " (a vs b)" (or " (a)", or nothing)."""
    a, b = f.get("a", ""), f.get("b", "")
    return f" ({a} vs {b})" if a and b else (f" ({a})" if a else "")


def _matmul_inner_dimensions(p, f):
    return (
        f"The matrix product's inner dimensions differ{_shapes(f)}: the first's columns must equal "
        "the second's rows; transpose one (`.T`) or reshape, and print both `.shape`s."
    )


def _linear_layer_in_features(p, f):
    a, b = f.get("a", ""), f.get("b", "")
    got = a.split("x")[-1] if "x" in a else "?"
    want = b.split("x")[0] if "x" in b else "?"
    return (
        f"A Linear layer gets {got} input features but was built for {want} ({a} vs {b}): set its "
        f"`in_features` to {got}, or flatten/reshape the input before the layer."
    )


def _view_element_count(p, f):
    return (
        f"{f.get('b', 'The')} elements cannot be viewed as shape {f.get('a', '')}: the new shape's "
        "product must equal the element count; use -1 for one dimension, e.g. "
        "`x.view(x.size(0), -1)`."
    )


def _torch_layer_input_shape(p, f):
    if "dimensional input" in p.message:
        return (
            "The layer expects a batch dimension: a single image must be `x.unsqueeze(0)` "
            "(shape N, C, H, W), not (C, H, W)."
        )
    if "more than 1 value per channel" in p.message:
        return (
            "BatchNorm cannot train on a batch of one sample: pass `drop_last=True` to the "
            "DataLoader (the last batch may hold 1), or call `model.eval()` to predict one sample."
        )
    if "batch_size" in p.message:
        return (
            "Inputs and targets have different batch sizes: the tensor was probably flattened "
            "wrongly; use `x.view(x.size(0), -1)` instead of `x.view(-1, n)`."
        )
    return (
        f"The tensor's shape does not fit the layer{_shapes(f)}: check the batch and channel "
        "layout (N, C, H, W for Conv2d) and the loss's input vs. target shapes."
    )


def _keras_input_shape(p, f):
    if "requires inputs with matching shapes" in p.message:
        shapes = re.search(r"Got inputs shapes: (\[.*?\])", p.message)
        got = f" ({shapes.group(1)})" if shapes else ""
        return (
            f"The tensors joined by the merge layer differ outside the joining axis{got}: make "
            "the branches match first, e.g. the same pooling or `padding='same'`, or crop/pad one."
        )
    if re.search(r"Incompatible shapes: \[[\d,]+\] vs\. \[[\d,]+\]", p.message):
        op = re.search(r"\[Op:(\w+)\]", p.message)
        where = f" in `{op.group(1)}`" if op else ""
        return (
            f"Two tensors combined element-wise{where} have different sizes{_shapes(f)}: often "
            "predictions vs. labels (or a last, smaller batch); make their shapes equal."
        )
    m = re.search(r"Shapes \(None, (\d+)\) and \(None, (\d+)\) are incompatible", p.message)
    if m and "1" in m.groups():
        return (
            f"The labels and the output layer disagree{_shapes(f)}: with integer class labels use "
            "`loss='sparse_categorical_crossentropy'`, or one-hot encode them with "
            "`to_categorical` for 'categorical_crossentropy'."
        )
    if "checking target" in p.message or "checking model target" in p.message:
        return (
            f"The labels' shape does not fit the output layer{_shapes(f)}: give the last layer one "
            "unit per class, and one-hot labels for 'categorical_crossentropy' (or integer labels "
            "with 'sparse_categorical_crossentropy')."
        )
    return (
        f"The data's shape does not fit the model{_shapes(f)}: make the first layer's "
        "`input_shape` equal `X.shape[1:]` (or reshape X), and check labels match the output "
        "layer and loss."
    )


def _x_y_row_counts(p, f):
    return (
        f"X and y have different numbers of rows{_shapes(f)}: build them from the same rows, e.g. "
        "split them together with `train_test_split(X, y)` and drop rows from both at once."
    )


def _sklearn_wants_2d(p, f):
    return (
        f"scikit-learn wants a 2-D X (samples × features) but got a {f.get('got', '1D')} array: "
        "use `X.reshape(-1, 1)` for one feature, or `df[['col']]` instead of `df['col']`."
    )


def _reshape_element_count(p, f):
    return (
        f"An array of {f.get('b', 'N')} elements cannot become shape {f.get('a', '')}: the new "
        "shape's product must equal the size; check the numbers or put -1 in one dimension."
    )


def _concat_dimensions(p, f):
    return (
        "The arrays differ in a dimension other than the one you join on: print their `.shape`s "
        "and check the `axis` argument."
    )


def _plot_x_y_lengths(p, f):
    return (
        f"x and y must have the same length{_shapes(f)}: plot values that belong together, e.g. "
        "`range(len(y))` as x, or the same filtered rows for both."
    )


def _pandas_constructor_shape(p, f):
    return (
        f"The data's shape does not fit the pandas object being built{_shapes(f)}: pass a 1-D "
        "array for a Series/column (e.g. `arr.ravel()`) and as many column names as columns."
    )


def _shapes_do_not_fit(p, f):
    return (
        f"Two shapes do not fit together{_shapes(f)}: print the `.shape` of each input just "
        "before this line."
    )


def _not_broadcastable(p, f):
    if "could not broadcast input array" in p.message:
        return (
            f"An assignment puts an array of one shape into a slot of another{_shapes(f)}: the "
            "values you assign must have the target's shape; check both `.shape`s."
        )
    return (
        f"An element-wise operation got shapes that cannot be broadcast{_shapes(f)}: trailing "
        "dimensions must be equal or 1; reshape one (e.g. `a[:, None]`) or align the samples."
    )


def _torch_sizes_differ(p, f):
    dim = f" at dimension {f['dim']}" if f.get("dim") else ""
    return (
        f"Two tensors of sizes {f.get('a', '?')} and {f.get('b', '?')} meet{dim} in an "
        "element-wise "
        "operation: often predictions (N, 1) vs. targets (N,); use `.squeeze()` or `.view(-1)`."
    )


def _boolean_mask_shape(p, f):
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
