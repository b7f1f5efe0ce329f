"""Runtime: devices (CUDA asked for on a machine without a GPU, tensors on different devices),
autograd mistakes, dtype mismatches, and the generic RuntimeError fallback."""

from __future__ import annotations

from .base import group_facts, pattern_rule

RULES = (
    pattern_rule(
        "runtime.no_cuda",
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
        "runtime.device_mismatch",
        "runtime_error",
        r"Expected (?:all tensors to be on the same device|object of device type \w+ but got "
        r"device type \w+)|Input type \(.*\) and weight type \(.*\) should be the same"
        r"|is on (?:CPU|cpu), but expected (?:it )?to be on GPU"
        r"|can't convert cuda:\d+ device type tensor to numpy",
        library="torch",
        ml_bug=True,
        confidence=0.88,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
    pattern_rule(
        # A fault inside a CUDA kernel: an out-of-range index (a label, an embedding id) far more
        # often than a device mix-up, which PyTorch reports by name.
        "runtime.device_assert",
        "runtime_error",
        r"device-side assert triggered|illegal memory access",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        "runtime.non_contiguous",
        "runtime_error",
        r"view size is not compatible with input tensor's size and stride",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        "runtime.dtype_mismatch",
        "runtime_error",
        r"expected scalar type (?P<a>\w+) but found (?P<b>\w+)"
        r"|Found dtype (?P<b2>\w+) but expected (?P<a2>\w+)"
        r"|result type (?P<b3>\w+) can't be cast to the desired output type (?P<a3>\w+)"
        r"|expected (?:m1|mat1) and (?:m2|mat2) to have the same dtype"
        r"|mat1 and mat2 must have the same dtype"
        r"|expected target dtype to be (?P<a4>\w+)(?: or \w+)?, but got (?P<b4>\w+)",
        library="torch",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {
            "want": m.group("a") or m.group("a2") or m.group("a3") or m.group("a4") or "",
            "got": m.group("b") or m.group("b2") or m.group("b3") or m.group("b4") or "",
        },
    ),
    pattern_rule(
        "runtime.autograd",
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
        "runtime.ambiguous_tensor",
        "runtime_error",
        r"Boolean value of Tensor with more than one value is ambiguous",
        library="torch",
        ml_bug=True,
        confidence=0.85,
    ),
    pattern_rule(
        # pack_padded_sequence: the lengths must stay a 1-D int64 tensor on the CPU.
        "runtime.pack_lengths",
        "runtime_error",
        r"'lengths' argument should be a 1D CPU int64 tensor"
        r"(?:, but got (?P<dims>\d+)D (?P<device>[\w:]+) (?P<dtype>\w+) tensor)?",
        library="torch",
        ml_bug=True,
        confidence=0.85,
        facts=group_facts(dims="dims", device="device", dtype="dtype"),
    ),
    pattern_rule(
        "runtime.event_loop",
        "runtime_error",
        r"This event loop is already running|cannot be called from a running event loop",
        confidence=0.85,
        facts=lambda p, m: {"detail": "asyncio"},
    ),
    pattern_rule(
        "runtime.runtime_error",
        "runtime_error",
        enames={"RuntimeError"},
        confidence=0.55,
    ),
)
