"""Resources: CPU or GPU memory ran out, or the disk is full."""

from __future__ import annotations

import re

from .base import pattern_rule


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
        "memory.cuda_oom",
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
        "memory.tf_oom",
        "out_of_memory",
        r"\bOOM when allocating|Out of memory while trying to allocate|ran out of memory",
        root_cause="insufficient_resource",
        library="tensorflow",
        ml_bug=True,
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        "memory.memory_error",
        "out_of_memory",
        enames={"MemoryError", "OutOfMemoryError"},
        root_cause="insufficient_resource",
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        "memory.unable_to_allocate",
        "out_of_memory",
        r"Unable to allocate [\d.]+ ?[KMGT]i?B|can't allocate memory|DefaultCPUAllocator"
        r"|not enough memory|std::bad_alloc|Cannot allocate memory|\[Errno 12\]",
        root_cause="insufficient_resource",
        confidence=0.95,
        facts=_memory_facts,
    ),
    pattern_rule(
        "memory.resource_exhausted",
        "out_of_memory",
        enames={"ResourceExhaustedError"},
        root_cause="insufficient_resource",
        library="tensorflow",
        confidence=0.8,
        facts=lambda p, m: None if "No space left" in p.message else _memory_facts(p, m),
    ),
    pattern_rule(
        "memory.dataloader_killed",
        "out_of_memory",
        r"DataLoader worker \(pid.*\) (?:is killed by signal|exited unexpectedly)"
        r"|shared memory|Bus error",
        root_cause="insufficient_resource",
        library="torch",
        confidence=0.65,
        facts=lambda p, m: {"device": "CPU", "shm": "yes"},
    ),
    pattern_rule(
        "memory.disk_full",
        "other",
        r"No space left on device|Errno 28|Disk quota exceeded|not enough space on the disk",
        root_cause="insufficient_resource",
        confidence=0.9,
    ),
)
