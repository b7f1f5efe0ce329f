"""Shapes: arrays, tensors or matrices that do not fit an operation or a layer, and element-wise
shapes that cannot be broadcast. Messages of NumPy, pandas, scikit-learn, PyTorch, TensorFlow/Keras
and Matplotlib."""

from __future__ import annotations

from .base import group_facts, pattern_rule

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
        "shapes.not_aligned",
        _TM,
        r"shapes (?P<a>\([\d, ]*\)) and (?P<b>\([\d, ]*\)) not aligned",
        ml_bug=True,
        confidence=0.97,
        facts=_with(op="dot"),
    ),
    pattern_rule(
        "shapes.matmul",
        _TM,
        r"matmul: Input operand \d has a mismatch in its core dimension"
        r"|Matrix size-incompatible|In\[0\] mismatch In\[1\] shape",
        ml_bug=True,
        confidence=0.95,
        facts=_with(op="matmul"),
    ),
    # PyTorch
    pattern_rule(
        "shapes.torch_mat1_mat2",
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
        "shapes.torch_view",
        _TM,
        r"shape '(?P<a>\[[^\]]*\])' is invalid for input of size (?P<b>\d+)",
        library="torch",
        ml_bug=True,
        confidence=0.95,
        facts=_with(op="view"),
    ),
    pattern_rule(
        "shapes.torch_channels",
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
        "shapes.keras_expected_shape",
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
        "shapes.keras_incompatible_input",
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
        "shapes.inconsistent_samples",
        _TM,
        r"Found input variables with inconsistent numbers of samples: \[(?P<a>\d+), (?P<b>\d+)",
        library="sklearn",
        ml_bug=True,
        confidence=0.97,
        facts=_with(op="samples"),
    ),
    pattern_rule(
        "shapes.expected_2d",
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
        "shapes.cannot_reshape",
        _TM,
        r"cannot reshape array of size (?P<b>\d+) into shape (?P<a>\([^)]*\))",
        ml_bug=True,
        confidence=0.95,
        facts=_with(op="reshape"),
    ),
    pattern_rule(
        "shapes.concatenate",
        _TM,
        r"all the input array dimensions .*must match exactly"
        r"|all the input arrays must have same number of dimensions"
        r"|zero-dimensional arrays cannot be concatenated",
        ml_bug=True,
        confidence=0.9,
        facts=_with(op="concatenate"),
    ),
    pattern_rule(
        "shapes.plot_dimensions",
        _TM,
        r"x and y must have same first dimension, but have shapes (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))|x and y must be the same size",
        library="matplotlib",
        ml_bug=True,
        confidence=0.93,
        facts=_with(op="plot"),
    ),
    pattern_rule(
        "shapes.pandas_shape",
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
        "shapes.boolean_index",
        _TM,
        r"Inconsistent shape between the condition and the input \(got (?P<a>\([^)]*\)) and "
        r"(?P<b>\([^)]*\))\)",
        ml_bug=True,
        confidence=0.85,
        facts=_with(op="mask"),
    ),
    pattern_rule(
        # cv2.add / addWeighted / absdiff / bitwise_* on two images of another size or channels.
        "shapes.opencv_sizes",
        _TM,
        r"\(-209:\s*Sizes of input arguments do not match\)",
        library="cv2",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        "shapes.generic_shape",
        _TM,
        r"(?:shape|dimension)s? (?:mismatch|do(?:es)? not match)|must have the same shape"
        r"|incompatible (?:shape|dimension)s?|whose shape matches|must be consistent with shape",
        ml_bug=True,
        confidence=0.7,
        facts=_all_shapes,
    ),
    # Broadcasting
    pattern_rule(
        "shapes.broadcast",
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
        "shapes.torch_broadcast",
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
        "shapes.cannot_broadcast",
        _BC,
        r"(?:cannot|could not|unable to) (?:be )?broadcast|not broadcastable|broadcast shapes",
        ml_bug=True,
        confidence=0.8,
        facts=_all_shapes,
    ),
)
