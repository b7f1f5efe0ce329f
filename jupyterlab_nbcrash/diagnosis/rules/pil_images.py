"""Pillow's ``Image.fromarray`` refusing an array: the dtype and axes its message reports, and
how to make the array an image."""

from __future__ import annotations

import re

from ..traceback import ParsedError


def fromarray_facts(parsed: ParsedError, m: re.Match) -> dict[str, str]:
    """The facts of Pillow's "Cannot handle this data type: (1, 1, ...), <dtype": the dtype,
    and the channel count of an array whose last axis cannot be an image's."""
    # Pillow reports (1, 1) plus the array's axes after the second, and NumPy's dtype string.
    if not m.group("kind"):
        return {}  # older Pillow names neither the shape nor the dtype
    axes = [a for a in (m.group("key") or "").replace(" ", "").split(",") if a]
    kinds = {"f": "float", "i": "int", "u": "uint", "b": "bool", "c": "complex", "O": "object"}
    kind, size = m.group("kind"), m.group("size")
    facts = {"dtype": f"{kinds.get(kind, kind)}{int(size) * 8 if kind not in 'bO' else ''}"}
    if kind == "u" and size == "1":
        facts["dtype"] = ""  # uint8 is right: the axes are the problem
    if len(axes) > 3 or (len(axes) == 3 and axes[2] not in ("3", "4")):
        facts["channels"] = axes[-1]
    return facts


def fromarray_words(dtype: str, channels: str) -> str:
    """The hint for an array ``Image.fromarray`` cannot map: a dtype other than uint8, a last
    axis of ``channels`` values, or neither known."""
    shape = (
        f"; its last axis has {channels} values, but it must be shaped (H, W) or (H, W, 3/4) "
        "(use `arr.transpose(1, 2, 0)` for channels first, `arr.squeeze()` for a single one)"
        if channels
        else ""
    )
    if dtype.startswith("float"):
        fix = (
            f"`Image.fromarray` needs uint8 pixels, not {dtype}: scale 0–1 values with "
            f"`(arr * 255).astype('uint8')`{shape}."
        )
    elif dtype:
        fix = (
            f"`Image.fromarray` needs uint8 pixels, not {dtype}: use `arr.astype('uint8')`{shape}."
        )
    elif shape:
        fix = f"`Image.fromarray` cannot map this array to an image{shape}."
    else:
        fix = (
            "`Image.fromarray` needs a uint8 array shaped (H, W) or (H, W, 3/4): scale 0–1 floats "
            "with `(arr * 255).astype('uint8')` and check `arr.shape`."
        )
    return fix
