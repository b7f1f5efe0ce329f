"""Runtime: devices (CUDA asked for on a machine without a GPU, tensors on different devices),
autograd mistakes, dtype mismatches, and the generic RuntimeError fallback."""

from __future__ import annotations

import re

from ..where import callee, raised_by_the_line
from .base import Template, group_facts, pattern_rule
from .imports import file_name

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NO_CUDA = "runtime.no_cuda"
DEVICE_MISMATCH = "runtime.device_mismatch"
DEVICE_ASSERT = "runtime.device_assert"
NON_CONTIGUOUS = "runtime.non_contiguous"
DTYPE_MISMATCH = "runtime.dtype_mismatch"
TF_DTYPE = "runtime.tf_dtype"
AUTOGRAD = "runtime.autograd"
AMBIGUOUS_TENSOR = "runtime.ambiguous_tensor"
PACK_LENGTHS = "runtime.pack_lengths"
EVENT_LOOP = "runtime.event_loop"
RUNTIME_ERROR = "runtime.runtime_error"

RULES = (
    pattern_rule(
        NO_CUDA,
        "environment_error",
        r"Torch not compiled with CUDA enabled|Found no NVIDIA driver|No CUDA GPUs are available"
        r"|CUDA driver version is insufficient|torch\.cuda\.is_available\(\) is False"
        r"|no CUDA-capable device is detected|CUDA driver initialization failed"
        r"|Could not load dynamic library 'libcud|cudart64_\d+\.dll not found"
        r"|Failed to get convolution algorithm|cuDNN (?:launch failure|failed to initialize)"
        r"|no kernel image is available for execution on the device"
        r"|not compiled with (?:GPU|CUDA) support|compiled without CUDA",
        root_cause="environment_setting",
        ml_bug=True,
        confidence=0.9,
        facts=lambda p, m: {
            "map_location": "yes"
            if "deserialize" in p.message or "torch.load" in p.user_line
            else "",
            "device": "GPU",
        },
    ),
    pattern_rule(
        DEVICE_MISMATCH,
        "runtime_error",
        r"Expected (?:all tensors to be on the same device|object of device type \w+ but got "
        r"device type \w+)|Input type \(.*\) and weight type \(.*\) should be the same"
        r"|is on (?:CPU|cpu), but expected (?:it |them )?to be on GPU"
        r"|Expected object of backend (?:CPU but got backend CUDA|CUDA but got backend CPU)"
        r"|can't convert cuda:\d+ device type tensor to numpy",
        library="torch",
        ml_bug=True,
        confidence=0.88,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        # A fault inside a CUDA kernel: an out-of-range index (a label, an embedding id) far more
        # often than a device mix-up, which PyTorch reports by name.
        DEVICE_ASSERT,
        "runtime_error",
        r"device-side assert triggered|illegal memory access",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        NON_CONTIGUOUS,
        "runtime_error",
        r"view size is not compatible with input tensor's size and stride",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        DTYPE_MISMATCH,
        "runtime_error",
        r"expected scalar type (?P<a>\w+) but found (?P<b>\w+)"
        r"|Found dtype (?P<b2>\w+) but expected (?P<a2>\w+)"
        r"|result type (?P<b3>\w+) can't be cast to the desired output type (?P<a3>\w+)"
        r"|expected (?:m1|mat1) and (?:m2|mat2) to have the same dtype"
        r"|mat1 and mat2 must have the same dtype"
        r"|expected target dtype to be (?P<a4>\w+)(?: or \w+)?, but got (?P<b4>\w+)"
        r"|expected backend \w+ and dtype (?P<a5>\w+) but got backend \w+ and dtype (?P<b5>\w+)"
        r"|Can only calculate the mean of (?P<a6>floating) types\. Got (?P<b6>\w+) instead"
        # PyTorch < 1.5: the tensor types name device and dtype ("torch.cuda.LongTensor")
        r"|Expected object of type (?:torch\.)?(?P<da>cuda\.)?(?P<a7>\w+)Tensor but found type "
        r"(?:torch\.)?(?P<db>cuda\.)?(?P<b7>\w+)Tensor"
        r"|Expected object of scalar type (?P<a8>\w+) but got scalar type (?P<b8>\w+)",
        library="torch",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {
            "want": next(
                (m.group(g) for g in ("a", "a2", "a3", "a4", "a5", "a6", "a7", "a8") if m.group(g)),
                "",
            ),
            "got": next(
                (m.group(g) for g in ("b", "b2", "b3", "b4", "b5", "b6", "b7", "b8") if m.group(g)),
                "",
            ),
            # two devices only where the types say so (cuda. on one side)
            "devices": "two" if m.group("a7") and m.group("da") != m.group("db") else "",
            "argument": _argument_named(p.message),
        },
    ),
    pattern_rule(
        # TensorFlow ops are typed: an int tensor into a float op, float64 (NumPy's default)
        # into a float32 layer.
        TF_DTYPE,
        "invalid_argument",
        r"Value for attr '\w+' of (?P<got>\w+) is not in the list of allowed values: "
        r"(?P<allowed>[\w, ]+)"
        r"|cannot compute (?P<op>\w+) as input #\d+\(zero-based\) was expected to be a "
        r"(?P<want>\w+) tensor but is a (?P<got2>\w+) tensor",
        library="tensorflow",
        ml_bug=True,
        confidence=0.85,
        facts=group_facts(got="got", allowed="allowed", op="op", want="want", got2="got2"),
    ),
    pattern_rule(
        AUTOGRAD,
        "runtime_error",
        r"Trying to backward through the graph a second time|does not require grad and does not "
        r"have a grad_fn|Can't call numpy\(\) on Tensor that requires grad"
        r"|a leaf Variable that requires grad is being used in an in-place operation"
        r"|one of the variables needed for gradient computation has been modified"
        r"|grad can be implicitly created only for scalar outputs",
        library="torch",
        ml_bug=True,
        confidence=0.88,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        AMBIGUOUS_TENSOR,
        "runtime_error",
        r"Boolean value of Tensor with more than one value is ambiguous",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        # pack_padded_sequence: the lengths must stay a 1-D int64 tensor on the CPU.
        PACK_LENGTHS,
        "runtime_error",
        r"'lengths' argument should be a 1D CPU int64 tensor"
        r"(?:, but got (?P<dims>\d+)D (?P<device>[\w:]+) (?P<dtype>\w+) tensor)?",
        library="torch",
        ml_bug=True,
        confidence=0.85,
        facts=group_facts(dims="dims", device="device", dtype="dtype"),
    ),
    pattern_rule(
        EVENT_LOOP,
        "runtime_error",
        r"This event loop is already running|cannot be called from a running event loop",
        confidence=0.85,
        facts=lambda p, m: {"detail": "asyncio"},
    ),
    pattern_rule(
        RUNTIME_ERROR,
        "runtime_error",
        enames={"RuntimeError"},
        confidence=0.55,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _no_cuda_gpu(p, f):
    """When: the message says there is no usable GPU. "No kernel image" is no missing GPU: the
    GPU is there, but the installed PyTorch (or library) was built for other GPU generations."""
    if "no kernel image is available" in p.message:
        return (
            "The GPU is there, but this PyTorch (or the library that failed) was not built for its "
            "generation (no kernel image for it): install a build that supports this GPU (match "
            "the CUDA version on pytorch.org), or run on the CPU."
        )
    if _gpu_named_by_message(p.message):
        # cuDNN failed on a node placed on GPU:0: the GPU exists (memory taken, or a cuDNN
        # that does not match the library's build), so "this machine has none" would be false.
        return None
    if p.libraries and "torch" not in p.libraries:
        # Another library (dlib, a TF build) wants the GPU: torch's device advice does not apply.
        lib = p.libraries[-1]
        if _BUILT_WITHOUT_GPU.search(p.message):
            # The reverse: this build has no GPU code, and the code asks it for the GPU
            # (XGBoost's `tree_method='gpu_hist'`); a CPU build is what is installed already.
            return (
                f"This `{lib}` was built without GPU support, and the code asks it to use the "
                "GPU (an option such as `tree_method='gpu_hist'` or `device='cuda'`): drop that "
                "option to train on the CPU, or install a GPU-enabled build on a machine with a "
                "CUDA GPU."
            )
        return (
            f"`{lib}` (or a library it uses) was built for a CUDA GPU, and this machine has none "
            "usable: run on a machine (or notebook runtime) with a GPU, or install a CPU build."
        )
    own = _cuda_line_of_own_file(p)
    if own is not None:
        # the notebook's device choice does not reach a line that names CUDA itself
        where = f"`{own.function}`, line {own.lineno}" if own.lineno else f"`{own.function}`"
        return (
            f"`{own.failing_line.strip()}` in your file `{file_name(own.filename)}` ({where}) "
            "needs a CUDA GPU whatever device the notebook picks, and this machine has none "
            "usable: switch to a GPU runtime, or run that line only when "
            "`torch.cuda.is_available()`."
        )
    return (
        "This machine has no usable CUDA GPU: use `device = 'cuda' if torch.cuda.is_available() "
        "else 'cpu'`, and `torch.load(path, map_location='cpu')` for GPU checkpoints."
    )


# "XGBoost version not compiled with GPU support": the installed build has no GPU code.
_BUILT_WITHOUT_GPU = re.compile(
    r"not (?:compiled|built) with (?:GPU|CUDA)|(?:compiled|built) without (?:GPU|CUDA)", re.I
)
# TensorFlow's node placement, "device:GPU:0", names a GPU the op already runs on.
_PLACED_ON_GPU = re.compile(r"device:GPU:\d")


def _gpu_named_by_message(message: str) -> bool:
    return bool(_PLACED_ON_GPU.search(message))


# A line that asks for CUDA by name: `torch.cuda.synchronize()`, `x.cuda()`, `.to('cuda')`.
_NAMES_CUDA = re.compile(r"\bcuda\b")


def _cuda_line_of_own_file(p):
    """The deepest frame of the user's own module (no cell, no installed package) whose line
    names CUDA itself, when the GPU check failed below it; else None."""
    for frame in reversed(p.frames):
        if frame.is_user:
            return None
        own_file = not frame.library and not frame.package and not frame.filename.startswith("<")
        if own_file and _NAMES_CUDA.search(frame.failing_line):
            return frame
    return None


# "Input type (torch.cuda.ByteTensor) and weight type (torch.cuda.FloatTensor)": the tensor
# types name the device ("cuda.") and the dtype ("Byte", "Float").
_TENSOR_TYPES = re.compile(
    r"Input type \((?:torch\.)?(cuda\.)?(\w+)Tensor\) and weight type \((?:torch\.)?(cuda\.)?"
    r"(\w+)Tensor\)"
)


def _device_mismatch(p, f):
    """When: the message names two devices. Tensor types that are on one device but of two
    dtypes (ByteTensor vs FloatTensor) are a dtype mismatch, not a device one."""
    detail = f.get("detail", "")
    if "numpy" in detail:
        return "Move the tensor to the CPU before NumPy: `t.detach().cpu().numpy()`."
    types = _TENSOR_TYPES.search(detail)
    if types and types.group(1) == types.group(3):
        got, want = types.group(2), types.group(4)
        if got == want:
            return None  # same device, same dtype: the message means something else
        return (
            f"The input is a {got} tensor but the layer's weights are {want}: convert the input's "
            f"dtype, e.g. `x.float()` (scale 0-255 images with `x.float() / 255`)."
            if want == "Float"
            else f"The input is a {got} tensor but the layer's weights are {want}: convert one "
            f"so that both have the same dtype (e.g. `x.to(next(model.parameters()).dtype)`)."
        )
    if _tensors_only_on_line(p):
        # `x_cuda + x` at the cell itself: two tensors meet, no model's weights are involved.
        return (
            "Two tensors on this line are on different devices: move one to the other's "
            "device first, e.g. `a + b.to(a.device)` (or `.cpu()` on the GPU one)."
        )
    return (
        "The model and its inputs are on different devices: move both with `.to(device)` "
        "(the model once, every batch in the loop)."
    )


def _tensors_only_on_line(p) -> bool:
    """True when the error rose on the cell's own line (no library frame below it) and that
    line calls nothing: an operator between tensors, where no model can be the one to move."""
    if any(not frame.is_user for frame in p.frames):
        return False
    return bool(p.user_line.strip()) and "(" not in p.user_line


def _cuda_kernel_assert(p, f):
    if "device-side assert" not in p.message:
        return (
            "A CUDA kernel failed (illegal memory access), most often on an index out of range: "
            "a class label ≥ n_classes or an embedding id ≥ its vocabulary size. Restart the "
            "kernel (the GPU state is broken), then run once on the CPU for a readable error."
        )
    return (
        "A check inside a CUDA kernel failed, most often a class label outside 0 … n_classes-1: "
        "check the labels' range (run once on the CPU for a readable error)."
    )


def _not_contiguous(p, f):
    return "The tensor is not contiguous in memory: use `.reshape(...)` instead of `.view(...)`."


def _pack_lengths(p, f):
    device, dims, dtype = f.get("device", ""), f.get("dims", ""), f.get("dtype", "")
    if dims == "0":
        what = "is a single number: pass one length per sequence, as a 1-D int64 CPU tensor."
    elif dims and dims != "1":
        what = f"is {dims}-D: pass a flat 1-D tensor of lengths, e.g. `lengths.view(-1).cpu()`."
    elif device and not device.lower().startswith("cpu"):
        what = f"is on {device}: pass `lengths.cpu()` (the lengths stay on the CPU)."
    elif dtype and dtype != "Long":
        what = f"is {dtype}: pass `lengths.to(torch.int64)`."
    else:
        what = "must be a 1-D int64 tensor on the CPU: pass `lengths.cpu().to(torch.int64)`."
    return f"`pack_padded_sequence`'s `lengths` {what}"


def _argument_named(message: str) -> str:
    """The argument an old PyTorch message names ("for argument #2 'target'"), or ""."""
    m = re.search(r"for argument #\d+ '(\w+)'", message)
    # the operands of PyTorch's own kernels (`mat2` of a Linear layer's matmul) are no names the
    # user passed: only the function's parameters (a loss's `target`) help
    internal = ("self", "other", "input", "mat1", "mat2", "m1", "m2", "weight", "tensor", "vec")
    return m.group(1) if m and m.group(1) not in internal else ""


def _tensor_dtype_mismatch(p, f):
    """When: the message names the two dtypes (or says the tensors' dtypes differ); the same
    dtype on two backends is a device mix-up, and a device is spoken of only when the tensor
    types show two (`torch.FloatTensor` vs `torch.cuda.FloatTensor`)."""
    want, got = f.get("want", ""), f.get("got", "")
    if (want and want == got) or (f.get("devices") == "two" and want == got):
        return _device_mismatch(p, {"detail": "backend"})
    if f.get("devices") == "two":
        return (
            f"The tensors differ in device and dtype ({got} on one device, {want} expected on the "
            "other): move both to one device with `.to(device)` and convert the dtype as well."
        )
    if want == "floating":
        return f"This needs a float tensor, not {got}: convert it first with `.float()`."
    argument = f.get("argument", "")
    if argument and want and got:
        convert = {"Float": ".float()", "Long": ".long()", "Double": ".double()"}.get(want)
        to = f" with `{convert}`" if convert else ""
        return (
            f"The tensor passed as `{argument}` is {got} where {want} is expected: convert it{to} "
            "before the call."
        )
    pair = f" ({got} given, {want} expected)" if want and got else ""
    return (
        f"A tensor has the wrong dtype{pair}: convert it with `.float()` (inputs) or `.long()` "
        "(class labels); NumPy's float64 arrays become double tensors."
    )


def _tf_dtype_mismatch(p, f):
    """When: TensorFlow names the op's allowed dtypes (or the dtype it expected) and the one it
    got."""
    op = re.search(r"\[Op:(\w+)\]", p.message)
    op_name = f.get("op") or (op.group(1) if op else "")
    name = f"`{op_name}`" if op_name else "This op"
    if f.get("want") and f.get("got2"):
        return (
            f"{name} got a {f['got2']} tensor where it expects {f['want']}: cast one side, e.g. "
            f"`tf.cast(x, tf.{f['want']})` (NumPy arrays are float64, Keras layers float32)."
        )
    got, allowed = f.get("got", ""), f.get("allowed", "")
    if "float" in allowed and got.startswith(("int", "uint")):
        return (
            f"{name} works on floats but got {got}: cast first, e.g. `tf.cast(x, tf.float32)` "
            "(an integer tensor comes from integer values such as `tf.constant([1, 2])`)."
        )
    return None


def _autograd_failed(p, f):
    detail = f.get("detail", "")
    if "second time" in detail:
        return (
            "You call backward twice through the same graph: recompute the forward pass each step."
        )
    converter = _library_converting(p) if "numpy()" in detail else None
    if converter and converter[0] in _DRAWING_LIBRARIES:
        # a plotting library computes no tensor: the tensor is (in) what the line passed it,
        # often a list of losses kept with their graph, which `.detach()` cannot take whole
        library, function, _ = converter
        return (
            f"`{library}` turns what you pass it into NumPy (`{function}`) and met a tensor that "
            "requires grad: pass values without the graph, `t.detach()` for a tensor, or for a "
            "list of one-value tensors (such as losses) `[t.item() for t in values]`."
        )
    if converter:
        library, function, option = converter
        off = f", or turn that step off (`{option}=False`)" if option else ""
        return (
            f"`{library}` turns a tensor that requires grad into NumPy in its own code "
            f"(`{function}`): if it is a tensor you pass it, pass `t.detach()`; if `{library}` "
            f"computed it (e.g. your model's output), this version of `{library}` fails on it: "
            f"try another version{off}."
        )
    if "numpy()" in detail:
        return "Detach the tensor before converting: `t.detach().cpu().numpy()`."
    if "only for scalar outputs" in p.message:
        # backward() without a gradient argument differentiates one number, not a tensor.
        return (
            "`backward()` without arguments needs a one-value (scalar) output, but this tensor "
            "holds several: reduce it first (`y.sum().backward()`), or pass "
            "`gradient=torch.ones_like(y)`."
        )
    changed = _CHANGED_IN_PLACE.search(p.message[:1_000])
    if (
        changed
        and all(fr.is_user or fr.library == "torch" for fr in p.frames)
        and not (changed.group("op") or "").startswith("TBackward")
    ):
        # Autograd's version counter: a tensor saved for backward was written in place later.
        # Only the user's code and torch's run here, so the in-place step is the user's to change.
        # (The output of `TBackward` is a layer's weight, transposed: `optimizer.step()` run
        # before this `backward` changed it, which no out-of-place rewrite of the user's fixes.)
        made = f" (the output of `{changed.group('op')}`)" if changed.group("op") else ""
        return (
            f"A tensor that autograd kept for the backward pass{made} was changed in place after "
            "it was used: write that step out of place (`x = x + y` for `x += y`, `inplace=False` "
            "for an activation), and `torch.autograd.set_detect_anomaly(True)` names the operation."
        )
    return (
        "Autograd cannot compute this gradient: check that the loss comes from parameters with "
        "`requires_grad=True`, outside `torch.no_grad()`, without in-place changes."
    )


_CHANGED_IN_PLACE = re.compile(
    r"modified by an inplace operation(?:[^\n]*?which is output \d+ of (?P<op>\w+))?"
)


# Libraries that draw the values given to them and compute none of their own.
_DRAWING_LIBRARIES = frozenset({"matplotlib", "seaborn", "plotly", "bokeh", "altair"})


def _library_converting(p) -> tuple[str, str, str] | None:
    """(library, function, option) when the tensor was turned into NumPy inside a library's
    code that the line called, not by PyTorch's own `.numpy()` on the line: the last frame of
    a library other than torch and numpy. ``option`` is the `check_x` parameter that the frames
    pass along when that function is `_check_x` (a step the caller can turn off), else ""."""
    if raised_by_the_line(p) or callee(p) is None:
        return None
    frame = next(
        (fr for fr in reversed(p.frames) if fr.library and fr.library not in ("torch", "numpy")),
        None,
    )
    if frame is None or frame.is_user:
        return None
    step = re.fullmatch(r"_?(check_\w+)", frame.function)
    shown = "\n".join(line for fr in p.frames if fr.library for line in fr.code_lines)
    option = step.group(1) if step and re.search(rf"\b{step.group(1)}\s*=", shown) else ""
    return frame.library, frame.function or frame.filename.rsplit("/", 1)[-1], option


# The message's own command (`pip install tf-keras`), read before its prose: "Please install
# the backwards-compatible tf-keras package" puts an article where the name would go.
_PIP_COMMAND = re.compile(r"\bpip install\s+[`'\"]?(?:--?[\w-]+\s+)*([A-Za-z][\w.\[\]-]*)")
_PLEASE_INSTALL = re.compile(r"[Pp]lease install (?:either )?`?([\w.-]+)`?")
_NO_PACKAGE_WORDS = frozenset({"the", "a", "an", "this", "that", "it", "one", "some"})


def _package_the_message_asks_for(message: str) -> str | None:
    """The package a library's message asks to install ("Please install ..."): its `pip
    install` command's, else the word after "Please install" unless that word is an article or
    a pronoun. None when the message asks for no install (an upgrade tip is no missing
    package)."""
    asked = _PLEASE_INSTALL.search(message)
    if asked is None:
        return None
    command = _PIP_COMMAND.search(message, asked.start())
    if command:
        return command.group(1)
    return None if asked.group(1).lower() in _NO_PACKAGE_WORDS else asked.group(1)


def _library_runtime_error(p, f):
    """Only when the message names a package to install; otherwise the safe hint speaks."""
    package = _package_the_message_asks_for(p.message)
    if package:
        return (
            f"This needs an extra package: run `%pip install {package}`, then restart the kernel."
        )
    return None


def _tensor_as_bool(p, f):
    return (
        "A tensor with several values is used as one True/False: use `(t > 0).any()` / `.all()` "
        "or compare a single element (`t.item()`)."
    )


def _event_loop_running(p, f):
    """When: asyncio says a loop is already running (Jupyter's). The call the cell makes
    (`asyncio.run(main())`, `loop.run_until_complete(main())`) is named when the line shows it."""
    m = re.search(
        r"(asyncio\.run|[\w.]*run_until_complete)\(\s*(\w[\w.]*\([^()]*\))\s*\)", p.user_line
    )
    if m:
        return (
            f"Jupyter already runs an event loop: write `await {m.group(2)}` in the cell instead "
            f"of `{m.group(1)}({m.group(2)})`."
        )
    return (
        "Jupyter already runs an event loop: `await` the coroutine in the cell instead of "
        "starting a loop (`asyncio.run(...)`, `run_until_complete(...)`)."
    )


# Fire on the exception class or a broad message shape: they cannot know the cause.
CATCH_ALL = frozenset({RUNTIME_ERROR})

HINTS: dict[str, Template] = {
    NO_CUDA: _no_cuda_gpu,
    DEVICE_MISMATCH: _device_mismatch,
    DEVICE_ASSERT: _cuda_kernel_assert,
    NON_CONTIGUOUS: _not_contiguous,
    PACK_LENGTHS: _pack_lengths,
    DTYPE_MISMATCH: _tensor_dtype_mismatch,
    TF_DTYPE: _tf_dtype_mismatch,
    AUTOGRAD: _autograd_failed,
    RUNTIME_ERROR: _library_runtime_error,
    AMBIGUOUS_TENSOR: _tensor_as_bool,
    EVENT_LOOP: _event_loop_running,
}
