"""Resources: CPU or GPU memory ran out, or the disk is full."""

from __future__ import annotations

import math
import re

from .base import Template, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
CUDA_OOM = "memory.cuda_oom"
TF_OOM = "memory.tf_oom"
MEMORY_ERROR = "memory.memory_error"
UNABLE_TO_ALLOCATE = "memory.unable_to_allocate"
RESOURCE_EXHAUSTED = "memory.resource_exhausted"
DATALOADER_KILLED = "memory.dataloader_killed"
DISK_FULL = "memory.disk_full"

# A full disk in any OS's words (a message, or an error chained before one).
DISK_FULL_WORDS = re.compile(
    r"No space left on device|Errno 28|Disk quota exceeded|not enough space on the disk"
)

# The allocator's words when RAM ran out (NumPy, PyTorch's CPU allocator, C++, the OS).
_ALLOCATION_FAILED = (
    r"Unable to allocate [\d.]+ ?[KMGT]i?B|can't allocate memory|DefaultCPUAllocator"
    r"|not enough memory|std::bad_alloc|Cannot allocate memory|\[Errno 12\]"
)
# Memory ran out, in RAM or on the GPU (an error chained before another one).
OUT_OF_MEMORY_WORDS = re.compile(rf"{_ALLOCATION_FAILED}|CUDA out of memory|^MemoryError\b")


def _memory_facts(parsed, m):
    msg = parsed.message
    facts = {}
    size = re.search(r"(?:allocate|allocating)\s+([\d.]+\s*[KMGT]i?B)", msg)
    if size:
        facts["size"] = size.group(1)
    shape = re.search(r"shape\s*[\[(]([\d, ]+)[\])]", msg)
    if shape:
        facts["shape"] = f"({shape.group(1)})"
    gpu = re.search(r"CUDA|GPU|cuda|device:GPU", msg)
    facts["device"] = "GPU" if gpu else "CPU"
    return facts


RULES = (
    pattern_rule(
        CUDA_OOM,
        "out_of_memory",
        r"CUDA out of memory|CUDA error: out of memory|cuda runtime error \(\d+\) : out of memory"
        r"|OutOfMemoryError|cudaErrorMemoryAllocation"
        r"|CUBLAS_STATUS_ALLOC_FAILED|failed to allocate .* (?:on )?(?:device|GPU)",
        root_cause="insufficient_resource",
        ml_bug=True,
        confidence=0.97,
        facts=_memory_facts,
    ),
    pattern_rule(
        TF_OOM,
        "out_of_memory",
        r"\bOOM when allocating|Out of memory while trying to allocate|ran out of memory",
        root_cause="insufficient_resource",
        library="tensorflow",
        ml_bug=True,
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        MEMORY_ERROR,
        "out_of_memory",
        enames={"MemoryError", "OutOfMemoryError"},
        root_cause="insufficient_resource",
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        UNABLE_TO_ALLOCATE,
        "out_of_memory",
        _ALLOCATION_FAILED,
        root_cause="insufficient_resource",
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        RESOURCE_EXHAUSTED,
        "out_of_memory",
        enames={"ResourceExhaustedError"},
        root_cause="insufficient_resource",
        library="tensorflow",
        confidence=0.8,
        facts=lambda p, m: None if "No space left" in p.message else _memory_facts(p, m),
    ),
    pattern_rule(
        DATALOADER_KILLED,
        "out_of_memory",
        r"DataLoader worker \(pid.*\) (?:is killed by signal|exited unexpectedly)"
        r"|shared memory|Bus error",
        root_cause="insufficient_resource",
        library="torch",
        confidence=0.65,
        facts=lambda p, m: {"device": "CPU", "shm": "yes"},
    ),
    pattern_rule(
        DISK_FULL,
        "other",
        DISK_FULL_WORDS.pattern,
        root_cause="insufficient_resource",
        confidence=0.9,
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _gpu_out_of_memory(p, f):
    if f.get("device") == "CPU":
        # OpenCV's cv::OutOfMemoryError (and other messages naming no GPU) is the machine's RAM.
        return None
    size = f" ({f['size']} more)" if f.get("size") else ""
    if _moves_a_model_only(p):
        # `.to(device)` copies the weights alone: no batch is on the GPU yet.
        return (
            f"The GPU ran out of memory{size} while this line moved the model's weights onto "
            "it, before any batch: the model (or what earlier cells left on the GPU) is too "
            "big; restart the kernel, and if it fails again make the largest layers smaller."
        )
    mover = _library_moving_a_model(p)
    if mover:
        # A library's own `model.to(device)` before its first batch: the batch size is not yet
        # in play, and a model the library ships may be small, so the GPU may be held elsewhere.
        return (
            f"The GPU ran out of memory{size} while `{mover}` moved the model's weights onto it, "
            "before any batch: the GPU is already full (earlier cells, another notebook or "
            "process: see `nvidia-smi`) or the model is too big for it; restart the kernel and "
            "close the others, or run on the CPU."
        )
    if _restores_saved_tensors(p):
        # `torch.load` puts each tensor back on the GPU it was saved from: no batch is involved
        return (
            f"The GPU ran out of memory{size} while `torch.load` put the saved tensors back on "
            "the GPU: load them to the CPU (`torch.load(path, map_location='cpu')`), or free "
            "the GPU (models earlier cells hold, other processes) and restart the kernel."
        )
    hint = (
        f"The GPU ran out of memory{size}: lower the batch size (or image/sequence size), free "
        "unused tensors with `del` and `torch.cuda.empty_cache()`, or restart the kernel."
    )
    if _fragmented(p):
        # PyTorch's own tip against fragmentation: every message gives it, so it is told only
        # when the memory reserved but unallocated would hold the allocation that failed
        hint += (
            " The message's own tip helps when much memory is reserved but unallocated: set "
            "`PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True` before torch is imported."
        )
    return hint


_SIZE = r"([\d.]+) ([KMGT]i?B)"
_TRIED = re.compile(rf"Tried to allocate {_SIZE}")
_UNALLOCATED = re.compile(rf"{_SIZE} is reserved by PyTorch but unallocated")
_UNITS = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def _fragmented(p) -> bool:
    """PyTorch's message says memory is reserved but unallocated at least as large as the
    allocation that failed (its `expandable_segments` tip applies), and the code does not set
    that option already."""
    if "expandable_segments:True" not in p.message or "expandable_segments" in p.code_seen:
        return False
    tried, unallocated = _TRIED.search(p.message), _UNALLOCATED.search(p.message)
    if not tried or not unallocated:
        return False
    size = [float(m.group(1)) * _UNITS[m.group(2)[0]] for m in (tried, unallocated)]
    return size[1] >= size[0]


def _moves_a_model_only(p) -> bool:
    """The failing call is torch's `Module.to`/`Module.cuda`, and every frame below it is in
    torch's module file (no forward pass, no training step)."""
    inside = [fr for fr in p.frames if not fr.is_user]
    if not inside or inside[0].function.rsplit(".", 1)[-1] not in ("to", "cuda"):
        return False
    return all(fr.filename.replace("\\", "/").endswith("nn/modules/module.py") for fr in inside)


def _library_moving_a_model(p) -> str:
    """The library whose call ends in torch's `Module.to`/`Module.cuda`, when every frame from
    there down is a move of weights (torch's module file, or a library's own `_apply` override
    such as Ultralytics'): no forward pass, no training step; else ""."""
    inside = [fr for fr in p.frames if not fr.is_user]
    for i, frame in enumerate(inside):
        if _is_torch_module_file(frame) and frame.function.rsplit(".", 1)[-1] in ("to", "cuda"):
            below = inside[i + 1 :]
            caller = inside[0].library or ""
            moves = all(_is_torch_module_file(fr) or fr.function.endswith("_apply") for fr in below)
            return caller if i > 0 and moves and caller != "torch" else ""
    return ""


def _is_torch_module_file(frame) -> bool:
    return frame.filename.replace("\\", "/").endswith("nn/modules/module.py")


def _restores_saved_tensors(p) -> bool:
    """The failing call is `torch.load` (torch's `serialization.py`), and the frames below it
    are torch's restoring of storages: the file's tensors were going to the device they were
    saved on."""
    inside = [fr for fr in p.frames if not fr.is_user]
    if not inside or not inside[0].filename.replace("\\", "/").endswith("torch/serialization.py"):
        return False
    return all(fr.library == "torch" for fr in inside)


def _merge_multiplies_rows(p) -> bool:
    return any(fr.package == "pandas" and "merge" in fr.function for fr in p.frames) and bool(
        re.search(r"\.(?:merge|join)\(", p.user_line)
    )


def _tensorflow_out_of_memory(p, f):
    shape = f" for a tensor of shape {f['shape']}" if f.get("shape") else ""
    size = _tensor_megabytes(p.message, f.get("shape", ""))
    on_gpu = "GPU" in p.message
    if shape and on_gpu and _initializes_weights(p) and 0 < size < _SMALL_WEIGHTS_MB:
        # So small a matrix fits any GPU: the memory was taken before (models built earlier in
        # the session, a loop that builds one model each time, another process).
        # It may also be this model's own earlier layers (a big `Dense` created just before):
        # a restart frees nothing of those, so both readings are given.
        return (
            f"TensorFlow ran out of memory creating weights of shape {f['shape']}, only about "
            f"{size:.0f} MB, so the GPU was already nearly full: free the models built before "
            "(`del model` and `tf.keras.backend.clear_session()` between runs of a loop, or "
            "restart the kernel) and check other processes with `nvidia-smi`; if it fails "
            "again after a restart, this model's other layers fill it: shrink the biggest "
            "(`model.summary()` lists their parameters)."
        )
    if shape and _initializes_weights(p):
        # The tensor is a layer's weight matrix being created: no batch exists yet, so the
        # batch size changes nothing; the layer's size (inputs x units) is what to shrink.
        return (
            f"TensorFlow ran out of memory creating a layer's weights of shape {f['shape']}, "
            "before any data went through it: the layer is too big for its input (a `Dense` "
            "after a `Flatten` has one weight per input value and unit); shrink its input "
            "(pooling) or its units, and restart the kernel to free memory earlier models hold."
        )
    return (
        f"TensorFlow ran out of memory{shape}: reduce the batch size or the model/input size, "
        "and restart the kernel to free memory held by earlier models."
    )


# Weights below this size fit any GPU that runs TensorFlow: a failure to place them means the
# memory was already used up, not that the layer is too big.
_SMALL_WEIGHTS_MB = 512
_DTYPE_BYTES = {"half": 2, "bfloat16": 2, "float": 4, "int32": 4, "double": 8, "int64": 8}


def _tensor_megabytes(message: str, shape: str) -> float:
    """The size in MB of the tensor the OOM message names (its shape and `type float`), or 0
    when the shape or the type is not read."""
    kind = re.search(r"\band type (\w+)", message)
    dims = re.findall(r"\d+", shape)
    if not kind or kind.group(1) not in _DTYPE_BYTES or not dims:
        return 0
    return math.prod(int(d) for d in dims) * _DTYPE_BYTES[kind.group(1)] / 2**20


def _initializes_weights(p) -> bool:
    """A frame of TensorFlow's or Keras's weight initializers (`init_ops`, `initializers/`)
    is on the stack: the tensor that did not fit is a variable's initial value."""
    return any(
        fr.library in ("tensorflow", "keras")
        and re.search(r"init_ops|/initializers/", fr.filename.replace("\\", "/"))
        for fr in p.frames
    )


# `columns=[df['date']]`, `index=df["id"]`: one column of a frame, subscripted by its name
_COLUMN_AS_LABELS = re.compile(
    r"""\b(?:index|columns)\s*=\s*\[?\s*[A-Za-z_]\w*\[\s*['"][^'"]+['"]\s*\]\]?"""
)


def _column_values_as_labels(line: str) -> str:
    """`pd.DataFrame(df, columns=[df['date']])`: the `index=`/`columns=` argument written on
    the line holds a column of a frame (its values, each a label), not names; "" when none."""
    if "DataFrame(" not in line:
        return ""
    m = _COLUMN_AS_LABELS.search(line)
    return m.group(0) if m else ""


def _java_heap(p) -> bool:
    """Java's `java.lang.OutOfMemoryError` (by its name, or quoted in the message)."""
    names = (p.ename, p.qualified_ename, p.message[:300])
    return any("java.lang.OutOfMemoryError" in name for name in names)


# `pickle.dump(model, f)`, `cPickle.dumps(obj)` on the failing line.
_PICKLE_DUMP = re.compile(r"(?<![\w.])c?[pP]ickle\.dumps?\(")


def _not_enough_ram(p, f):
    size = f" ({f['size']}" if f.get("size") else ""
    shape = f" for shape {f['shape']}" if f.get("shape") else ""
    needed = f"{size}{shape})" if size else ""
    if _java_heap(p):
        # The Java VM a library started (konlpy, Spark) has its own heap limit: float32 or
        # sparse arrays of Python do not enlarge it.
        return (
            "The Java VM that the library started ran out of its own heap, which is smaller "
            "than the machine's memory: start it with a larger maximum heap (the library's JVM "
            "option, set before it starts) or give it less data at once."
        )
    if "data type object" in p.message:
        return (
            f"There is not enough memory{needed}, and the array holds Python objects (dtype "
            "object, e.g. pieces of different lengths): build a numeric array of equal-length "
            "pieces (`np.array(rows, dtype=np.float32)`), or use less data."
        )
    if any("dataloader" in fr.filename for fr in p.frames) and any(
        fr.package == "multiprocessing" and "fork" in fr.filename for fr in p.frames
    ):
        # fork() copies the session: the DataLoader's worker processes could not start.
        return (
            "Starting worker processes failed for lack of memory (each copies the session): set "
            "`num_workers=0` in the DataLoader, or free memory the session holds first."
        )
    if _merge_multiplies_rows(p):
        # A merge returns one row per matching pair: keys repeated on both sides multiply.
        return (
            "There is not enough memory for the merge's result: a key that repeats on both "
            "sides gives one row per matching pair; check that the key columns are unique on "
            "one side (`df[key].duplicated().sum()`) and name them with `on=`."
        )
    every_item = _dataset_read_whole(p)
    if every_item:
        return every_item
    labels = _column_values_as_labels(p.user_line)
    if labels:
        return (
            f"`{labels}` makes every value of that column (one per row) a label of the new "
            "frame, hence its size: name columns by their names (`df[['a', 'b']]`), or move "
            "columns into the index with `df.set_index([...])`."
        )
    small = _small_allocation(p.message)
    if small:
        # Less than 100 MB refused: the memory was already used up before this line.
        return (
            f"Even {small} could not be allocated, so the memory was "
            "already used up: free large objects earlier cells hold (`del x; gc.collect()`) or "
            "restart the kernel, then load less data at once."
        )
    if (
        _PICKLE_DUMP.search(p.user_line)
        and not any(f.library for f in p.frames)
        and not f.get("shape")
    ):
        # an array of a named shape failed to be built (`pickle.dump(np.zeros((n, n)), f)`):
        # the allocation, not the pickling, ran out of memory
        # pickle copies each NumPy array it meets into bytes before writing it
        return (
            "Saving with `pickle` ran out of memory while serializing the object: save it with "
            "`joblib.dump(obj, path)`, which writes NumPy arrays (a fitted model's, a frame's) "
            "without copying them first, or make the object smaller."
        )
    # float32 is only advice when the line does not already ask for it.
    smaller = "" if "float32" in p.user_line else ", use float32 instead of float64"
    return (
        f"There is not enough memory{needed}: work on a sample or in chunks{smaller}, or a "
        "sparse matrix."
    )


# "allocate 123456 bytes" (C allocators) or numpy's "allocate 9.00 MiB for an array".
_ALLOCATED = re.compile(r"allocate (\d+(?:\.\d+)?) (bytes|KiB|MiB)\b")
_UNIT_BYTES = {"bytes": 1, "KiB": 2**10, "MiB": 2**20}


def _small_allocation(message: str) -> str:
    """The size the message says could not be allocated (`9.00 MiB`, `5120 KB`) when under
    100 MiB, which any machine has unless earlier work filled its memory; else ""."""
    found = _ALLOCATED.search(message)
    if found is None:
        return ""
    size, unit = float(found.group(1)), found.group(2)
    if size * _UNIT_BYTES[unit] >= 100 * 2**20:
        return ""
    return f"{int(size) // 1024} KB" if unit == "bytes" else f"{found.group(1)} {unit}"


def _dataset_read_whole(p) -> str:
    """Another library's list comprehension reads a PyTorch dataset item by item (sklearn's
    `train_test_split(dataset)` indexes every image): the call itself fills the memory, so what
    earlier cells hold is not the matter."""
    frames = p.frames
    for i, frame in enumerate(frames):
        if (
            frame.is_user
            or frame.library in (None, "torch")
            or not _COMPREHENSION.match(frame.function)
        ):
            continue
        item = next((f for f in frames[i + 1 :] if f.function.endswith("__getitem__")), None)
        if item is not None and item.library == "torch":
            return (
                f"`{frame.library}` reads every item of the PyTorch dataset into a list here, "
                "loading each one into memory, and memory ran out on the way: split the indices "
                "instead (`torch.utils.data.random_split(dataset, [n_train, n_test])` or "
                "`Subset`), so items load only batch by batch."
            )
    return ""


_COMPREHENSION = re.compile(r"<(?:listcomp|genexpr|dictcomp|setcomp)>$")


def _dataloader_worker_killed(p, f):
    return (
        "A DataLoader worker process died, usually from lack of (shared) memory: set "
        "`num_workers=0` or use a smaller batch size."
    )


def _disk_full(p, f):
    return "The disk is full: delete old checkpoints or outputs, or save to a disk with free space."


HINTS: dict[str, Template] = {
    CUDA_OOM: _gpu_out_of_memory,
    TF_OOM: _tensorflow_out_of_memory,
    RESOURCE_EXHAUSTED: _tensorflow_out_of_memory,
    MEMORY_ERROR: _not_enough_ram,
    UNABLE_TO_ALLOCATE: _not_enough_ram,
    DATALOADER_KILLED: _dataloader_worker_killed,
    DISK_FULL: _disk_full,
}
