"""The words for shape errors of deep-learning layers and losses: PyTorch's layer and loss
checks, Keras's input specs, its losses (labels vs. the model's output) and TensorFlow's ops.

Each reader recognises one library wording and returns a hint that names both shapes and says
which side to change (the data given to a trained model, the model being fitted, the labels or
the output layer) only as far as the message and the failing call make it certain; None for any
other message. The shapes family's templates (``rules/shapes.py``) call them.
"""

from __future__ import annotations

import re

from .definitions import seen_code
from .shape_text import Dims, call_args, call_kind, code, dims, per_sample, show, size
from .traceback import ParsedError
from .where import failing_call, failing_line_number, own_lines


def _find(pattern: str, text: str) -> re.Match | None:
    return re.search(pattern, text, re.S)


def _pair(shapes: tuple[str, ...]) -> str:
    """The first two shapes of a message as " (a vs b)", or nothing."""
    return f" ({shapes[0]} vs {shapes[1]})" if len(shapes) >= 2 else ""


# ---- PyTorch

_TORCH_DIMS = re.compile(
    r"Expected (\d+)-dimensional input for \d+-dimensional weight \[([^\]]*)\], but got "
    r"(\d+)-dimensional input of size \[([^\]]*)\]"
    r"|Expected (\d)D \(unbatched\) or (\d)D \(batched\) input to \w+, but got input of size: "
    r"\[([^\]]*)\]"
)
_TORCH_CHANNELS = re.compile(
    r"expected input\[([^\]]+)\] to have (\d+) channels, but got (\d+) channels"
)
_TORCH_TARGET_SIZE = re.compile(
    r"Target size \((?:torch\.)?(Size\(\[[^\]]*\]\))\) must be the same as input size "
    r"\((?:torch\.)?(Size\(\[[^\]]*\]\))\)"
)
_TORCH_STACK = re.compile(
    r"stack expects each tensor to be equal size, but got \[([^\]]*)\] at entry \d+ and "
    r"\[([^\]]*)\] at entry \d+"
)
_TORCH_CHECKPOINT = re.compile(
    r"size mismatch for ([\w.]+): copying a param with shape (torch\.Size\(\[[^\]]*\]\)) from "
    r"checkpoint, the shape in current model is (torch\.Size\(\[[^\]]*\]\))"
)

# The input layouts of PyTorch's conv layers by the number of dimensions they want (Conv1d's
# (N, C, L): naming a Conv2d's H, W for it would send the user after an axis it has not).
_LAYOUTS = {3: "N, C, L", 4: "N, C, H, W", 5: "N, C, D, H, W"}


# Images come with few channels (grey, RGB, RGBA, a dozen spectral bands): a conv's mismatch
# of at least this many on both sides, inside the user's own `forward`, is between layers.
_FEATURE_MAP_CHANNELS = 16


def _in_own_forward(p: ParsedError) -> bool:
    return any(fr.is_user and fr.function.rsplit(".", 1)[-1] == "forward" for fr in p.frames)


def _in_collate(p: ParsedError) -> bool:
    """True when a DataLoader batched the samples (its collate frames), or when no frame of the
    user's shows a ``stack(`` of their own."""
    if any(re.search(r"collate|dataloader", fr.filename) for fr in p.frames if fr.library):
        return True
    return not re.search(r"\bstack\(", p.user_line)


# `torch.FloatTensor([0, 0, 1])`, `torch.tensor([0., 1.])`: a tensor made from a list of 0s and
# 1s written on the line.
_ZEROS_AND_ONES = re.compile(
    r"(?:torch\.)?(?:tensor|Tensor|FloatTensor|LongTensor)\(\s*\[\s*([01](?:\.0?)?"
    r"(?:\s*,\s*[01](?:\.0?)?)+)\s*\][^()]*\)"
)


def _one_hot_target(line: str, targets: str) -> tuple[str, int] | None:
    """(the tensor, the position of its 1) for the tensor written on the line that is one
    sample's one-hot vector of as many items as the loss counted targets, or None."""
    for m in _ZEROS_AND_ONES.finditer(line):
        items = [float(v) for v in m.group(1).split(",")]
        if len(items) == int(targets) and items.count(1.0) == 1:
            return m.group(0), items.index(1.0)
    return None


def torch_layer_hint(p: ParsedError) -> str | None:
    """The hint for one of PyTorch's layer or loss shape checks, following what that check
    says and naming its shapes; None for other messages."""
    msg = p.message
    m = _TORCH_DIMS.search(msg)
    if m:
        want = int(m.group(1) or m.group(6))
        got_size = m.group(4) if m.group(4) is not None else m.group(7)
        shape = dims(f"[{got_size}]") or ()
        got = len(shape)
        weight = dims(f"[{m.group(2)}]") if m.group(2) else None
        in_channels = weight[1] if weight and len(weight) > 1 else None
        if got == want - 1 and shape and shape[0] == in_channels:
            layout = _LAYOUTS.get(want, "N, C, …")
            return (
                f"The layer expects a batch dimension: a single sample of size [{got_size}] must "
                f"be `x.unsqueeze(0)` (shape {layout}), not ({layout[3:]})."
            )
        if got == want - 1 and in_channels == 1:
            return (
                f"The layer was built for 1 input channel, but [{got_size}] has no channel axis: "
                "add it with `x.unsqueeze(1)` (N, 1, H, W)."
            )
        if got == 2 and want == 4:
            return (
                f"The conv layer wants (N, C, H, W) (or (C, H, W) for one sample) but got 2-D "
                f"[{got_size}]: add the missing axes, e.g. `x[None]` for one grey image, or "
                "`x.view(N, C, H, W)` for a batch of vectors."
            )
        return None
    if "more than 1 value per channel" in msg:
        return (
            "BatchNorm cannot train on a batch of one sample: pass `drop_last=True` to the "
            "DataLoader (the last batch may hold 1), or call `model.eval()` to predict one sample."
        )
    m = re.search(r"Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)", msg)
    one_hot = _one_hot_target(p.user_line, m.group(2)) if m and m.group(1) == "1" else None
    if one_hot:
        tensor, index = one_hot
        return (
            f"`{tensor}` is read as {m.group(2)} targets, one class index each, for the model's "
            "1 row of outputs: the loss wants the class's index, not a one-hot vector; pass "
            f"`torch.tensor([{index}])`."
        )
    if m and not _reshapes_anywhere(p):
        # no view or reshape in the code shown: only inputs and targets of other rows remain
        return (
            f"The model gives {m.group(1)} rows of outputs for {m.group(2)} targets: the inputs "
            "and the targets passed here are not the same samples; print the `.shape` of both "
            "and pass the targets made for these inputs."
        )
    if m:
        return (
            f"The model gives {m.group(1)} rows of outputs for {m.group(2)} targets: a "
            "`view(-1, n)` with the wrong n changes the batch size (flatten with "
            "`x.view(x.size(0), -1)`), or the targets are not this batch's."
        )
    m = _TORCH_CHANNELS.search(msg)
    if m:
        shape, want, got = dims(f"[{m.group(1)}]") or (), int(m.group(2)), int(m.group(3))
        if len(shape) >= 3 and shape[-1] == want and shape[1] == got:
            # Channels last (as images load): the layer is right, the axes are in NumPy's order.
            order = ", ".join(str(k) for k in (0, len(shape) - 1, *range(1, len(shape) - 1)))
            return (
                f"The input [{m.group(1)}] has its {want} channels last, but PyTorch's conv "
                f"layers want them in axis 1 (N, C, ...): use `x.permute({order})`."
            )
        if min(want, got) >= _FEATURE_MAP_CHANNELS and _in_own_forward(p):
            # Neither count is an image's: the input is an earlier layer's output (a feature
            # map, a `torch.cat` of skips), so "give the images N channels" would be wrong and
            # `in_channels=got` may only move the mismatch to the next block.
            return (
                f"The conv layer was built for {want} input channels but gets [{m.group(1)}], a "
                f"feature map of {got} from the layers before it (not the images): print "
                "`x.shape` where `forward` calls each block, and build each layer for the "
                "channels the block before it (or a `torch.cat`) really gives it."
            )
        extra = " (e.g. `x.repeat(1, 3, 1, 1)` for grey images)" if (got, want) == (1, 3) else ""
        return (
            f"The conv layer was built for {want} input channels but the input [{m.group(1)}] "
            f"has {got}: set its `in_channels={got}`, or give the images {want} channels{extra}."
        )
    m = _TORCH_TARGET_SIZE.search(msg)
    if m:
        target, output = dims(m.group(1)), dims(m.group(2))
        if target and output and output == (*target, 1):
            return (
                f"The loss got targets of shape {show(target)} and predictions {show(output)}: "
                "use `output.squeeze(1)` (or `target.unsqueeze(1)`) so both have one shape."
            )
        return (
            f"The loss needs targets of the predictions' shape, but got targets {m.group(1)} "
            f"for predictions {m.group(2)}: print both shapes where the loss is called."
        )
    m = _TORCH_STACK.search(msg)
    if m:
        a, b = dims(f"[{m.group(1)}]"), dims(f"[{m.group(2)}]")
        if a and b and len(a) == len(b) == 3 and a[1:] == b[1:] and a[0] != b[0]:
            return (
                f"The DataLoader cannot batch samples of {a[0]} and {b[0]} channels "
                f"([{m.group(1)}] vs [{m.group(2)}]): convert every image to the same mode, "
                "e.g. `Image.open(path).convert('RGB')` in the Dataset."
            )
        if not _in_collate(p):
            # The user's own torch.stack, not a DataLoader batching samples.
            return (
                f"`torch.stack` needs tensors of one shape but got [{m.group(1)}] and "
                f"[{m.group(2)}]: make them one size first, or join them with `torch.cat(...)` "
                "along the axis that differs."
            )
        return (
            f"The DataLoader cannot batch samples of different shapes ([{m.group(1)}] vs "
            f"[{m.group(2)}]): give every sample one size in the Dataset, e.g. "
            "`transforms.Resize((224, 224))` for images or padding for sequences."
        )
    m = _TORCH_CHECKPOINT.search(msg)
    if m:
        return (
            f"The checkpoint's `{m.group(1)}` has shape {m.group(2)} but this model's has "
            f"{m.group(3)}: build the model with the settings it was saved with (e.g. the number "
            "of classes), or drop those keys and load with `strict=False`."
        )
    m = re.search(
        r"Sizes of tensors must match except in dimension (\d+)\. Expected size (\d+) but got "
        r"size (\d+) for tensor number (\d+)",
        msg,
    )
    if m:
        return (
            f"`torch.cat` joins tensors that may differ only in dimension {m.group(1)}, but "
            f"tensor {m.group(4)} has size {m.group(3)} where {m.group(2)} is expected in "
            "another one: print their `.shape`s and make the other dimensions equal."
        )
    m = re.search(
        r"Expected size for first two dimensions of batch2 tensor to be: \[(\d+), (\d+)\] but "
        r"got: \[(\d+), (\d+)\]",
        msg,
    )
    if m:
        return (
            f"A batched matrix product needs the second tensor's first two dimensions to be "
            f"[{m.group(1)}, {m.group(2)}] (batch, the first's last size) but they are "
            f"[{m.group(3)}, {m.group(4)}]: transpose or reshape one so the inner sizes match."
        )
    m = re.search(r"input must have (\d+) dimensions, got (\d+)", msg)
    if m:
        return (
            f"The recurrent layer expects {m.group(1)}-D input (batch, steps, features with "
            f"`batch_first=True`, else steps, batch, features) but got {m.group(2)}-D: add the "
            "missing axis with `x.unsqueeze(...)`."
        )
    m = re.search(r"input\.size\(-1\) must be equal to input_size\. Expected (\d+), got (\d+)", msg)
    if m:
        return (
            f"The recurrent layer was built with `input_size={m.group(1)}` but the input has "
            f"{m.group(2)} features on its last axis: set `input_size={m.group(2)}` or fix the "
            "input's layout."
        )
    if re.search(r"\dD or \dD target tensor expected|multi-target not supported", msg):
        return (
            "The loss wants one class index per sample (targets of shape (N,)): use "
            "`target.argmax(dim=1)` for one-hot targets, or `target.squeeze(1)` for (N, 1)."
        )
    if re.search(
        r"Kernel size can't be greater than actual input size|Output size is too small", msg
    ):
        return (
            "The input has become smaller than this layer's kernel (earlier conv/pooling layers "
            "shrink it): use larger inputs, fewer pooling layers, or padding."
        )
    return None


# ---- TensorFlow / Keras: which side of the mismatch is the data, the model, the labels


def _side(p: ParsedError, model_fix: str) -> str:
    """Which side to change, as a clause: the data when the failing call uses a trained model
    (predict, evaluate), either side when it fits one, "make them match" when the line does
    not show."""
    kind = call_kind(p)
    if kind == "predict":
        return (
            "the data must have the shape the model was trained on (the same features and "
            "preprocessing)"
        )
    if kind == "fit":
        return f"change the data, or build the model for it ({model_fix})"
    return f"make the input match, or build the layer for it ({model_fix})"


def _layer_name(msg: str) -> str:
    m = re.search(r"(?:of|with) layer ['\"]?([\w/.-]+?)['\"]?[ :,]", msg)
    return f"`{m.group(1)}`" if m else "The model"


# `to_categorical(y)`, `one_hot(y, …)`: labels made one-hot.
_ONE_HOT = re.compile(r"\b(?:to_categorical|one_hot)\(\s*([A-Za-z_]\w*)")


def _inputs_made_from_labels(p: ParsedError) -> tuple[str, str] | None:
    """(name, the labels' name) when the failing `fit`/`evaluate` gets, as its inputs, a name
    that the cell's last assignment above the failing line set to one-hot labels made from
    another name (`X_train = to_categorical(y_train)`): the slip of one name for another."""
    args = call_args(p)
    if not args or not re.fullmatch(r"[A-Za-z_]\w*", args[0]) or not call_kind(p):
        return None
    name = args[0]
    failing = failing_line_number(p)
    above = own_lines(p)[: failing - 1] if failing else []
    bound = [line for line in above if re.match(rf"\s*{name}\s*=[^=]", line)]
    if not bound:
        return None
    value = bound[-1].split("=", 1)[1].split("#", 1)[0].strip()
    made = _ONE_HOT.search(value)
    if made is None or made.group(1) == name:
        return None
    return name, made.group(1)


def _keras_layer_input(p: ParsedError) -> str | None:
    """When: Keras's input check ("Input 0 of layer ... is incompatible", "Error when checking
    input") names what the layer expects and what it got."""
    msg = p.message
    layer = _layer_name(msg)
    m = _find(
        r"expected axis (-?\d+) of input shape to have value (\d+),? but received input with "
        r"shape ([\[(][^\])]*[\])])",
        msg,
    )
    if m:
        got = dims(m.group(3))
        have = got[int(m.group(1))] if got and -len(got) <= int(m.group(1)) < len(got) else None
        if have is None:
            return None
        want = int(m.group(2))
        labels = _inputs_made_from_labels(p)
        if labels:
            name, source = labels
            return (
                f"`{name}` is set to one-hot labels made from `{source}` above, and the model "
                f"gets them as its input ({have} values per sample where {layer} expects "
                f"{want}): that line was probably meant to set `{source}`."
            )
        if m.group(1) == "-1" and len(got) >= 3 and size(got[1:]) == want:
            return (
                f"{layer} expects {want} values per sample but each sample has shape "
                f"{show(got[1:])} ({want} values): flatten it, with a `Flatten()` layer first or "
                "`x.reshape(len(x), -1)`."
            )
        return (
            f"{layer} expects {m.group(2)} values on axis {m.group(1)} of its input but got "
            f"{have} (shape {m.group(3)}): " + _side(p, f"inputs ending in {have}") + "."
        )
    m = _find(r"expected shape=(\([^)]*\)), found shape=(\([^)]*\))", msg)
    if m:
        return _expected_vs_found(p, layer, dims(m.group(1)), dims(m.group(2)))
    m = _find(r"expected (min_)?ndim=(\d+), found ndim=(\d+)", msg)
    if m:
        full = _find(r"Full shape received: ([\[(][^\])]*[\])])", msg)
        return _rank_hint(p, layer, int(m.group(2)), int(m.group(3)), full and full.group(1))
    m = _find(
        r"Error when checking (?:model )?input: expected (\S+) to have (\d+) dimensions, but got "
        r"array with shape (\([^)]*\))",
        msg,
    )
    if m:
        return _rank_hint(p, f"`{m.group(1)}`", int(m.group(2)), None, m.group(3))
    m = _find(
        r"Error when checking(?: model)?(?: input)? ?: expected (\S+) to have shape (\([^)]*\)) "
        r"but got array with shape (\([^)]*\))",
        msg,
    )
    if m:
        want, got = dims(m.group(2)), dims(m.group(3))
        if want and want[0] is None:  # a batched shape: the array's shape is printed whole
            return _expected_vs_found(p, f"`{m.group(1)}`", want, got)
        if want is not None and got is not None:  # per-sample shapes
            return _expected_vs_found(p, f"`{m.group(1)}`", (None, *want), (None, *got), True)
    return None


def _expected_vs_found(
    p: ParsedError, layer: str, want: Dims | None, got: Dims | None, per_sample_only=False
) -> str | None:
    if not want or not got:
        return None
    shown_want = show(want[1:] if per_sample_only else want)
    shown_got = show(got[1:] if per_sample_only else got)
    head = f"{layer} expects input of shape {shown_want} but got {shown_got}"
    need = per_sample(want)
    if need and per_sample(got) == need and len(want) != len(got):
        target = "len(x), -1" if len(want) == 2 else f"-1, {', '.join(map(str, want[1:]))}"
        flat = (
            f", or start the model with `Flatten(input_shape={show(got[1:])})`"
            if len(want) == 2 and call_kind(p) != "predict"
            else ""
        )
        return (
            f"{head}: each sample holds the same {need} values, so reshape it with "
            f"`x.reshape({target})`{flat}."
        )
    if len(got) == len(want) - 1 and got[1:] == want[2:] and not per_sample_only:
        return (
            f"{head}: this is one sample without its batch axis (Keras split its first axis "
            "into batches); add it with `np.expand_dims(x, 0)`."
        )
    total = size(got)
    if (
        need
        and total
        and total % need == 0
        and got[1:] != want[1:]
        and not per_sample_only
        and total // need < (got[0] or 0)
    ):
        return (
            f"{head}: its {total} values make {total // need} sample(s) of shape "
            f"{show(want[1:])}; reshape with `x.reshape(-1, {', '.join(map(str, want[1:]))})`."
        )
    if len(want) == len(got):
        diff = [
            i for i, (w, g) in enumerate(zip(want, got, strict=True)) if w is not None and w != g
        ]
        if len(diff) == 1:
            i = diff[0]
            return (
                f"{head}: axis {i} has {got[i]} where {want[i]} are expected; "
                + _side(p, f"input shape {show(got[1:])}")
                + "."
            )
    return f"{head}: " + _side(p, f"input shape {show(got[1:])}") + "."


def _rank_hint(
    p: ParsedError, layer: str, want: int, got: int | None, full_text: str | None
) -> str | None:
    full = dims(full_text)
    if got is None and full is not None:
        got = len(full)
    if got is None:
        return None
    shown = f" {full_text}" if full_text else ""
    head = f"{layer} expects {want}-D input but got {got}-D{shown}"
    if want == 4 and got == 3 and full:
        if full[-1] in (1, 3, 4):
            return (
                f"{head}: this looks like one image without the batch axis; add it with "
                "`np.expand_dims(x, 0)` (or `x[None]`)."
            )
        channels = _declared_channels(p, full[1], full[2])
        if channels == {3}:
            return (
                f"{head}: the model takes colour images ({full[1]}, {full[2]}, 3) and these have "
                "no channel axis (grey): convert them to RGB when loading, e.g. "
                "`Image.open(path).convert('RGB')`."
            )
        if channels == {1}:
            return (
                f"{head}: the model takes one channel ({full[1]}, {full[2]}, 1): add it with "
                "`x[..., None]`."
            )
        # Which of the two the model takes is not written in the code seen.
        return (
            f"{head}: images need a channel axis (batch, height, width, channels) with as many "
            "channels as the model's input: `x[..., None]` for 1, or convert the images to RGB "
            "for 3."
        )
    if want == 3 and got == 2 and _FUNCTIONAL.search(p.message):
        # The data went through the model's `Input` first: it fits it, and a 3-D X would not;
        # the layer before this one hands it 2-D.
        tokens = (
            "an `Embedding` layer for integer token ids, or "
            if _INT_INPUT.search(p.message)
            else ""
        )
        return (
            f"{head} from the layer before it inside the model, whose `Input` the data fits: "
            f"add {tokens}a `Reshape((steps, 1))` layer before it, or change the model's "
            "`Input` shape (and X with it)."
        )
    if want == 3 and got == 2:
        return (
            f"{head}: recurrent and Conv1D layers want (samples, steps, features); reshape, e.g. "
            "`X.reshape(X.shape[0], X.shape[1], 1)`."
        )
    return None


def _declared_channels(p: ParsedError, height, width) -> set[int]:
    """The channel counts of the image shapes `(height, width, c)` the notebook's code writes
    (`input_shape=(224, 224, 3)`, `Input(shape=...)`)."""
    text = p.code_seen
    found = re.findall(rf"\(\s*{height}\s*,\s*{width}\s*,\s*(\d+)\s*\)", text)
    return {int(c) for c in found}


# Keras names the model it called: a Functional one was built on an `Input` layer.
_FUNCTIONAL = re.compile(r"when calling layer [\"'][\w.]+[\"'] \(type Functional\)")
_INT_INPUT = re.compile(r"inputs=tf\.Tensor\(shape=\([^)]*\), dtype=u?int\d*\)")


# Loss wordings that name the labels (target) and the model's output, in that order or named.
_ONE_HOT_SPARSE = (
    "the labels are one-hot but `sparse_categorical_crossentropy` wants one class id per "
    "sample: use `loss='categorical_crossentropy'`, or pass `np.argmax(y, axis=1)` as labels"
)
_INT_LABELS_CATEGORICAL = (
    "with integer class labels use `loss='sparse_categorical_crossentropy'`, or one-hot encode "
    "them with `to_categorical` for 'categorical_crossentropy'"
)
_EXTRA_AXIS = (
    "the output keeps an axis the labels do not have: add `Flatten()` (or pooling) before the "
    "output layer, or `return_sequences=False` on the last recurrent layer"
)


def _labels_vs_output(target: Dims, output: Dims) -> str:
    """What to change when the labels ``target`` and the model's ``output`` differ."""
    pair = f"The labels {show(target)} and the model's output {show(output)} do not fit"
    if len(output) >= 3 and len(output) > len(target):
        return f"{pair}: {_EXTRA_AXIS}."
    if len(target) == len(output) == 2:
        t, o = target[1], output[1]
        if t == 1 and o and o > 1:
            return f"{pair}: {_INT_LABELS_CATEGORICAL}."
        if t and o and t > 1:
            return (
                f"{pair}: the labels have {t} columns (classes) but the output layer {o} "
                f"units; give the last layer {t} units (one per class)."
            )
    if len(target) == 1 and len(output) == 2:
        return f"{pair}: {_INT_LABELS_CATEGORICAL}."
    twice = len(target) == 3 and len(output) == 2 and (output[1] or 0) > 1
    if twice and target[1] == target[2] == output[1]:
        # (n, c, c) against (n, c): one-hot labels one-hot encoded again, not a wrong model
        return (
            f"{pair}: the labels have an extra axis of the class count ({output[1]}), which "
            "one-hot labels encoded a second time get (`to_categorical` run again, e.g. by a "
            "re-run cell); print the labels' `.shape` and encode the original labels once."
        )
    return f"{pair}: make the last layer produce the labels' shape per sample."


def _encoded_again(p: ParsedError, msg: str) -> tuple[str, str] | None:
    """(the labels' shape, the statement) when Keras got labels of shape (n, classes, 2, ...)
    and the code seen one-hot encodes a name into itself (`y = to_categorical(y)`): run again,
    it encodes one-hot labels, whose values 0 and 1 are two classes, adding an axis of 2."""
    got = re.search(r"checking (?:model )?target: .*?got array with shape (\([^)]*\))", msg)
    shape = dims(got.group(1)) if got else None
    if not shape or len(shape) < 3 or any(d != 2 for d in shape[2:]):
        return None
    passed = (  # a name the crashing cell passes, not another split's labels
        m
        for m in _ENCODED_INTO_ITSELF.finditer(seen_code(p)[0])
        if re.search(rf"(?<![\w.]){m.group(1)}\b", p.user_code)
    )
    itself = next(passed, None)
    if itself is None or _ONE_HOT_ELSEWHERE.search(seen_code(p)[0]):
        return None  # (labels one-hot before the first run: no re-run made the axis)
    return show(shape), " ".join(itself.group(0).split())


# Other one-hot encodings in the code: labels may have been one-hot before `to_categorical` ever
# ran (`pd.get_dummies`, a binarizer or encoder, `np.eye(k)[y]`).
_ONE_HOT_ELSEWHERE = re.compile(
    r"\bget_dummies\(|LabelBinarizer\(|OneHotEncoder\(|MultiLabelBinarizer\(|\beye\(\s*\w+\s*\)\s*\["
    r"|\bone_hot\("
)
# `y = to_categorical(y)` (`keras.utils.to_categorical(y, 10)`): a name one-hot encoded into
# itself, which each run of its cell encodes once more.
_ENCODED_INTO_ITSELF = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[\w.]+\.)?to_categorical\((?:[ \t]*)\1\b[^\n]*?\)",
    re.M,
)


def _one_class_found(p: ParsedError, target: Dims) -> bool:
    """True when labels of one column come from a generator that one-hot encodes the class
    folders it found (``class_mode='categorical'``): one column is one class folder."""
    if len(target) != 2 or target[1] != 1:
        return False
    code_text = p.code_seen
    return bool(re.search(r"class_mode\s*=\s*['\"]categorical['\"]", code_text))


def _keras_loss_shapes(p: ParsedError) -> str | None:
    """When: a loss's own check names the labels and the output (Keras 2/3, tf.nn)."""
    msg = p.message
    m = _find(
        r"Argument `output` must have rank \(ndim\) `target\.ndim - 1`\. Received: "
        r"target\.shape=(\([^)]*\)), output\.shape=(\([^)]*\))",
        msg,
    )
    if m is None:
        m = _find(
            r"The shape of labels \(received (\([^)]*\))\) should equal the shape of logits "
            r"except for the last dimension \(received (\([^)]*\))\)",
            msg,
        )
    if m:
        target, output = dims(m.group(1)), dims(m.group(2))
        if target and output:
            ids = target[:-1] if len(target) > 1 and target[-1] == 1 else target
            if len(target) == len(output) and target[-1] == output[-1] and target[-1] != 1:
                return f"The labels {show(target)} do not fit the sparse loss: {_ONE_HOT_SPARSE}."
            if len(output) - 1 > len(ids):
                pair = f"The labels {show(target)} and the model's output {show(output)}"
                return f"{pair}: {_EXTRA_AXIS}."
        return None
    m = _find(
        r"logits and labels must have the same first dimension, got logits shape "
        r"\[(\d+),(\d+)\] and labels shape \[(\d+)\]",
        msg,
    )
    if m:
        rows, classes, n = (int(x) for x in m.groups())
        if n == rows * classes:
            return f"{n} labels for {rows} rows of {classes} class scores: {_ONE_HOT_SPARSE}."
        if rows > n and rows % n == 0:
            return (
                f"The model gives {rows} rows of class scores for {n} labels ({rows // n} per "
                f"sample): {_EXTRA_AXIS}."
            )
        return None
    m = _find(
        r"logits and labels must be broadcastable: logits_size=\[(\d+),(\d+)\] "
        r"labels_size=\[(\d+),(\d+)\]",
        msg,
    )
    if m:
        r1, c1, r2, c2 = (int(x) for x in m.groups())
        if r1 == r2 and c1 != c2:
            return (
                f"The output layer has {c1} units but the labels have {c2} classes (columns): "
                f"make them equal, usually with a last layer of {c2} units."
            )
        return None
    m = _find(
        r"`?logits`? and `?labels`? must have the same shape,? (?:received )?\((\([^)]*\)) vs "
        r"(\([^)]*\))\)",
        msg,
    )
    if m:
        output, target = dims(m.group(1)), dims(m.group(2))
        if output and target and len(output) == len(target) == 2:
            if output[1] and output[1] > 1 and target[1] == 1:
                return (
                    f"The model outputs {output[1]} values per sample but the labels have 1 and "
                    "the loss is binary: for several classes use softmax with "
                    "`sparse_categorical_crossentropy`; for a yes/no target use "
                    "`Dense(1, activation='sigmoid')`."
                )
            if output[1] == 1 and target[1] and target[1] > 1:
                return (
                    f"The labels have {target[1]} columns but the model outputs 1 value: for "
                    f"one-hot labels use `Dense({target[1]}, activation='softmax')` with "
                    "`categorical_crossentropy`."
                )
        return None
    m = _find(
        r"Arguments `target` and `output` must have the same (?:rank \(ndim\)|shape)\. "
        r"Received: target\.shape=(\([^)]*\)), output\.shape=(\([^)]*\))",
        msg,
    )
    if m is None:
        # Keras 2's categorical_crossentropy: target.shape.assert_is_compatible_with(output).
        # Only a loss (its frames, the fit call) or Keras's batched shapes mean labels/output.
        m = _find(r"Shapes (\(None, [^)]*\)) and (\(None, [^)]*\)) are incompatible", msg)
        if m is None and re.search(r"crossentropy|[Ll]oss|\bfit\b", msg + " " + p.user_line):
            m = _find(r"Shapes (\([^)]*\)) and (\([^)]*\)) are incompatible", msg)
    if m:
        target, output = dims(m.group(1)), dims(m.group(2))
        if target and output and _one_class_found(p, target):
            return (
                f"The labels {show(target)} are one-hot over the classes the generator found "
                "(`class_mode='categorical'`), so it found 1 class: point it at a folder with "
                "one subfolder per class."
            )
        return _labels_vs_output(target, output) if target and output else None
    m = _find(
        r"A target array with shape (\([^)]*\)) was passed for an output of shape (\([^)]*\))",
        msg,
    )
    if m:
        target, output = dims(m.group(1)), dims(m.group(2))
        if target and output:
            return _labels_vs_output((None, *target[1:]), output)
    m = _find(
        r"Error when checking (?:model )?target: expected (\S+) to have shape (\([^)]*\)) but got "
        r"array with shape (\([^)]*\))",
        msg,
    )
    if m:
        want, got = dims(m.group(2)), dims(m.group(3))
        units = want[-1] if want else None
        if got == (1,) and units and units > 1:
            return (
                f"The labels have one column but the output layer {units} units: "
                f"{_INT_LABELS_CATEGORICAL}."
            )
        if want == (1,) and got and len(got) == 1 and got[0] > 1:
            # One unit is a binary or single-value output: labels of many values each are
            # as likely built wrong (sequences, features) as the layer is too small.
            return (
                f"The output layer gives 1 value per sample but each label has {got[0]} values: "
                "for a binary or single-number target, y must hold one value per sample (check "
                f"what it was built from); for {got[0]} classes, give the last layer {got[0]} "
                "units and a categorical loss."
            )
    again = _encoded_again(p, msg)
    if again:
        shape, statement = again
        return (
            f"The labels have shape {shape}: `{statement}` ran again on labels already one-hot "
            "(each run adds an axis of 2), as when its cell runs twice; load the labels again and "
            "encode them once, keeping the result under a new name."
        )
    if "checking target" in msg or "checking model target" in msg:
        flat = _OUTPUT_MORE_AXES.search(msg)
        wanted = int(flat.group(1)) if flat else 0
        if flat and wanted == 3 and wanted > len(re.findall(r"\d+", flat.group(2))):
            # (samples, steps, units): a sequence layer's output, no image's feature map
            return (
                f"The model's output has 3 axes (samples, time steps, units) but the labels "
                f"have shape {flat.group(2)}, as when the last LSTM/GRU keeps "
                "`return_sequences=True` or a Dense layer follows an Embedding or Conv1D (it "
                "keeps the time axis). If each label is one vector, set "
                "`return_sequences=False` on the last recurrent layer or add `Flatten()` or "
                "`GlobalAveragePooling1D()` before the last Dense layer; if one label per step "
                "is meant, give the labels 3 axes too."
            )
        if flat and wanted >= 4 and wanted > len(re.findall(r"\d+", flat.group(2))):
            axes = flat.group(1)
            return (
                f"The model's output has {axes} axes but the labels have shape {flat.group(2)}, "
                "as when a Dense layer sits on a convolution's feature map (it keeps its height "
                "and width). If each label is a vector, add `Flatten()` or "
                "`GlobalAveragePooling2D()` before the last "
                f"Dense layer; if the model should output a map, give the labels {axes} axes too."
            )
        return (
            f"The labels' shape does not fit the output layer{_pair(p.shapes)}: give "
            "the last layer one unit per class, and one-hot labels for 'categorical_crossentropy' "
            "(or integer labels with 'sparse_categorical_crossentropy')."
        )
    m = _find(
        r"Dimensions must be equal, but are (\d+) and (\d+) for '\{?\{?node ([\w/]+).*?with "
        r"input shapes: (\[[^\]]*\]), (\[[^\]]*\])",
        msg,
    )
    if m and re.search(
        r"loss|crossentropy|squared|absolute|hinge|huber|logcosh|poisson", m.group(3), re.I
    ):
        loss = m.group(3).split("/")[0]
        return (
            f"The loss `{loss}` gets the model's output and the labels with different shapes "
            f"({m.group(4)} and {m.group(5)}): make the last layer produce the labels' shape."
        )
    return None


def _keras_sample_counts(p: ParsedError) -> str | None:
    """When: Keras says how many samples x and y have."""
    m = _find(r"Found (\d+) input samples and (\d+) target samples", p.message)
    m = m or _find(r"'x' sizes: ([\d, ]+)\s*'y' sizes: ([\d, ]+)", p.message)
    if m is None:
        return None
    x, y = m.group(1).strip(), m.group(2).strip()
    if x == "0" or y == "0":
        # An empty side: no pairing of labels fixes it; what built it left nothing.
        empty = "x" if x == "0" else "y"
        return (
            f"{empty} is empty (0 samples, the other has {y if empty == 'x' else x}): check how it "
            "was loaded or filtered (print its `len(...)` and shape before `fit`)."
        )
    args = call_args(p)
    names = (
        f" ({code(args[0])}, {code(args[1])})"
        if len(args) >= 2 and code(args[0]) and code(args[1])
        else ""
    )
    return (
        f"x has {x} samples but y has {y}{names}: give one label per sample, built from the same "
        "rows; a single sample still needs its batch axis (shape (1, ...))."
    )


def _tf_reshape(p: ParsedError) -> str | None:
    """When: tf.reshape's message gives both numbers; a Flatten layer's node means the inputs
    are of another size than the model was built for."""
    m = _find(
        r"Input to reshape is a tensor with (\d+) values, but the requested shape "
        r"(has|requires a multiple of) (\d+)",
        p.message,
    )
    if m is None:
        return None
    n, how, want = int(m.group(1)), m.group(2), int(m.group(3))
    if re.search(r"flatten\w*/Reshape", p.message, re.I):
        return (
            f"The Flatten layer gets {n} values where the model was built for multiples of "
            f"{want}: the inputs have another size than the model's `input_shape` (e.g. the "
            "generator's `target_size`); resize them to the size it was built for."
        )
    ratio = f" ({n // want} times as many)" if want and n % want == 0 and n > want else ""
    return (
        f"`tf.reshape` got a tensor of {n} values but the requested shape "
        f"{'holds' if how == 'has' else 'needs a multiple of'} {want}{ratio}: print the tensor's "
        "shape before the reshape."
    )


def _tf_op_shapes(p: ParsedError) -> str | None:
    """When: a TensorFlow op's own shape check names the op and the ranks or sizes."""
    msg = p.message
    m = _find(r"^Dimensions (\d+) and (\d+) are not compatible", msg)
    call = failing_call(p)
    if m and call is not None and call.function.endswith("from_tensor_slices"):
        return (
            f"The tensors sliced together have {m.group(1)} and {m.group(2)} rows: "
            "`from_tensor_slices` pairs them row by row, so give them the same first dimension."
        )
    m = _find(r"Shape must be rank (\d+) but is rank (\d+) for '([^']*)' \(op: '(\w+)'\)", msg)
    if m:
        want, got, op = int(m.group(1)), int(m.group(2)), m.group(4)
        if (want, got) == (1, 0) and re.match(r"Random|Fill|Zeros|Ones|TruncatedNormal", op):
            return (
                f"`{op}` wants the shape as a list, but got a single number: write `[n]` or "
                "`(n,)`; `(3)` is just the number 3."
            )
        return (
            f"The op `{op}` needs a rank-{want} tensor but got rank {got}: print its input's shape."
        )
    m = _find(
        r"Negative dimension size caused by subtracting (\d+) from (\d+) for '\{?\{?node ([\w/]+)",
        msg,
    )
    if m:
        layer = m.group(3).split("/")[0]
        first = _channels_first_input(msg)
        if first:
            return (
                f"Layer `{layer}` reads its input {first[0]} as (batch, height, width, channels), "
                f"so the images' channel axis stands where the height should be: they are "
                f"channels-first; move the channels last, `{first[2]}` (and "
                f"`input_shape=({first[1]})`)."
            )
        return (
            f"Layer `{layer}` gets a feature map of size {m.group(2)}, smaller than its window "
            f"{m.group(1)}: earlier conv/pooling layers shrank the input too much; use larger "
            "inputs, fewer pooling layers, or `padding='same'`."
        )
    m = _find(
        r"weight shape (\([^)]*\)) (?:is )?not compatible with provided weight shape "
        r"(\([^)]*\))",
        msg,
    )
    if m:
        return (
            f"The saved weights do not fit this model ({m.group(2)} saved, {m.group(1)} here): "
            "build the model exactly as it was when the weights were saved (input size, classes, "
            "layers)."
        )
    return None


def _channels_first_input(message: str) -> tuple[str, str, str] | None:
    """(the input's shape as printed, the channels-last sizes `28, 28, 1`, the move: a reshape
    for one channel, a transpose for several) when a channels-last
    (`NHWC`) convolution got images laid out channels-first: the height is a channel count (1
    to 4) while the width and the channels are alike and larger (`[?,1,28,28]`), which no
    stack of layers shrinks a map to; None otherwise."""
    if 'data_format="NHWC"' not in message:
        return None
    m = re.search(r"with input shapes: (\[\?,(\d+),(\d+),(\d+)\])", message)
    if m is None:
        return None
    channels, height, width = (int(x) for x in m.groups()[1:])
    if not 1 <= channels <= 4 or min(height, width) < 8 or height != width:
        return None
    move = f"x.reshape(-1, {height}, {width}, 1)" if channels == 1 else "x.transpose(0, 2, 3, 1)"
    return m.group(1), f"{height}, {width}, {channels}", move


# Keras's target check: "expected dense_6 to have 4 dimensions, but got array with shape
# (2000, 50)".
_OUTPUT_MORE_AXES = re.compile(r"to have (\d+) dimensions, but got array with shape (\([\d, ]*\))")


def keras_hint(p: ParsedError) -> str | None:
    """The hint for a Keras/TensorFlow shape message that says whose shapes differ (the
    layer's input, the labels and the output, the samples of x and y, a named op)."""
    for reader in (
        _keras_loss_shapes,
        _keras_sample_counts,
        _keras_layer_input,
        _tf_reshape,
        _tf_op_shapes,
    ):
        hint = reader(p)
        if hint:
            return hint
    return None


def layer_size_words(value: str, kind: str, param: str) -> str:
    """The hint when a layer's size (``param``, or an unnamed one) got ``value`` of type ``kind``
    where one integer is expected: the whole shape, a float, or another type."""
    param = f"`{param}`" if param else "A layer size"
    if kind in ("tuple", "list", "TensorShape") or value.startswith(("(", "[", "TensorShape")):
        return (
            f"{param} got the whole shape `{value[:60]}` where one number is expected: pass one "
            "dimension, e.g. `X.shape[1]` instead of `X.shape` (`input_dim=X.shape[1]`)."
        )
    if "float" in kind:
        return (
            f"{param} got the float `{value[:60]}`, but sizes must be integers: use `int(...)` or "
            "integer division `//`."
        )
    return (
        f"{param} got `{value[:60]}` of type {kind or 'unknown'}, but a size must be an integer "
        "or None: pass a number, e.g. `X.shape[1]`."
    )


def _reshapes_anywhere(p) -> bool:
    """The crash's code or the notebook's calls `view` or `reshape` (which may change a batch)."""
    code = "\n".join((p.user_code, *p.notebook_code))
    return re.search(r"\.(view|reshape)\(", code) is not None
