"""The values a plotting call refuses (a subplot index, image data, a palette or colormap, a
style, tick labels, a property name, a column name) and what to pass instead."""

from __future__ import annotations

import math
import re

from ..definitions import assigned_values
from ..where import call_arguments


def subplot_index_from_items(message: str, line: str, code: str) -> str:
    """A subplot index out of the grid, computed from a loop variable that walks the items of a
    sequence (`for i in picks:`), not a count (`range`): the items may be data indices, which
    are no grid positions; both readings, since the items could be positions in a small grid."""
    num = _SUBPLOT_NUM.search(message)
    call = re.search(r"(?<![\w])subplot\s*\(", line)
    if num is None or call is None:
        return ""
    arguments = call_arguments(line[call.start() :])
    index = arguments[2] if len(arguments) >= 3 else ""
    for name in dict.fromkeys(re.findall(r"(?<![\w.])[A-Za-z_]\w*", index)):
        loops = set(re.findall(rf"^\s*for\s+{re.escape(name)}\s+in\s+(.+?)\s*:\s*$", code, re.M))
        # one loop over a plain name's items (`range(n)` counts, and two loops leave it open)
        loop = re.fullmatch(r"[\w.]+", next(iter(loops))) if len(loops) == 1 else None
        if loop:
            items = loop.group(0)
            return (
                f"The subplot index must be between 1 and {num.group(1)} (rows × columns of the "
                f"grid), not {num.group(2)}: `{name}` takes the values of `{items}`, not grid "
                f"positions; if those are data indices, loop with `for j, {name} in "
                f"enumerate({items})` and give `subplot` the position `j + 1`, else make the grid "
                "large enough."
            )
    return ""


_SUBPLOT_NUM = re.compile(r"num must be (?:an integer with )?1 <= num <= (\d+), not (\S+)")


def image_data_words(message: str, detail: str, line: str, code: str) -> str:
    """`imshow`'s refusals that no `.astype(float)` or `np.squeeze` mends: data of dtype object
    (None, such as a failed `cv2.imread`, or pieces of different sizes) and a channels-first
    (C, H, W) array; "" for the others."""
    if "image data" not in detail.lower():
        return ""
    if "dtype object" in message or "dtype object" in detail:
        return _object_image_words(line, code)
    shape = re.search(r"Invalid shape \((\d+), (\d+), (\d+)\) for image data", message)
    if shape and int(shape.group(1)) in (1, 3, 4) and int(shape.group(3)) > 4:
        # (3, 1500, 1850): bands or channels first (a raster's bands, a PyTorch tensor), which
        # Matplotlib reads as 3 rows of 1500 pixels with 1850 channels; 3 or 4 may also count
        # single-channel images (`X[:3]`), which no moved axis shows.
        channels, height, width = shape.groups()
        images = (
            f"; if they are {channels} separate images, show one, `img[0]`"
            if channels != "1"
            else ""
        )
        return (
            f"`imshow` got shape ({channels}, {height}, {width}) but wants (H, W) or (H, W, 3/4): "
            f"if the first axis holds colour channels or bands, move it last, "
            f"`np.moveaxis(img, 0, -1)` (or `.transpose(1, 2, 0)`) gives ({height}, {width}, "
            f"{channels}){images}."
        )
    return ""


def _object_image_words(line: str, code: str) -> str:
    """An image of dtype object: NumPy made it of something that is no array of numbers, None
    most plainly; when the code's last assignment of the shown name is `cv2.imread(...)`, that
    read failed (it returns None, never raises)."""
    call = re.search(r"\bimshow\s*\(", line)
    shown = call_arguments(line[call.start() :])[:1] if call else []
    name = shown[0].strip() if shown else ""
    read = None
    if name.isidentifier() and _only_read_by_imread(code, name):
        read = re.match(r"cv2\.imread\s*\((.*)\)$", assigned_values(code, name)[-1])
    if read:
        path = call_arguments(f"({read.group(1)})")[:1]
        return (
            f"`{name}` is None: `cv2.imread({path[0].strip() if path else '...'})` returns None "
            "when it cannot read the file (a wrong path or name, or a format it cannot decode); "
            f"check the path, and that `{name} is not None`, before showing it."
        )
    return (
        "`imshow` got data of dtype object, not numbers: such an array is made of None (an "
        "image read that failed, e.g. `cv2.imread` of a wrong path) or of images of different "
        "sizes; print `type(...)` of what you pass and check how it was made."
    )


def _only_read_by_imread(code: str, name: str) -> bool:
    """Every line of ``code`` that assigns ``name`` reads it with `cv2.imread` (a later
    `name = cv2.cvtColor(name, ...)` would have failed on None first, or made an array)."""
    values = assigned_values(code, name)
    return bool(values) and all(v.startswith("cv2.imread(") for v in values)


def refused_plot_value_words(message: str, detail: str) -> str | None:
    """The hint for the value a plotting library refused (``detail``: the message's sentence the
    rule caught), or None when the message does not say which."""
    num = _SUBPLOT_NUM.search(message)
    if num:
        return (
            f"The subplot index must be between 1 and {num.group(1)} (rows × columns of the "
            f"grid), not {num.group(2)}: count from 1, and make the grid large enough."
        )
    if "image data" in detail or "Image data" in detail:
        flat = re.search(r"Invalid shape \((\d+),\) for image data", message)
        if flat:
            # A 1-D array: no `.astype` or `np.squeeze` makes it an image.
            size = int(flat.group(1))
            lead = (
                f"`imshow` got a 1-D array (shape ({size},)), but an image is 2-D (H, W) or 3-D "
                "(H, W, 3/4)"
            )
            if _square_image_size(size):
                return (
                    f"{lead}: check which array you selected, and reshape a flattened image to "
                    "its height and width."
                )
            # 60000 values make no square image of 1, 3 or 4 channels: the array may hold one
            # value per sample (a dataset's labels) rather than a flattened picture.
            return (
                f"{lead}, and {size} values make no square image: the array may hold one value "
                "per sample (such as labels) rather than pixels, so check which array you "
                "selected (print the `.shape` of what you index)."
            )
        return (
            "`imshow` needs a 2-D (H, W) or 3-D (H, W, 3/4) numeric array: check the array's "
            "`.shape` and `.dtype` (convert with `.astype(float)` or `np.squeeze`)."
        )
    if "palette" in detail or "colormap" in detail or "cmap" in detail:
        return (
            "That palette/colormap name does not exist: use a known one such as 'viridis', "
            "'deep' or 'Set2' (names are case-sensitive)."
        )
    if "latex was not able" in message.lower() or "latex" in detail.lower():
        return (
            "LaTeX could not typeset a label: escape special characters (`_`, `%`, `$`, `&`) "
            "in titles and labels, or turn `text.usetex` off if LaTeX is not installed."
        )
    if "style" in detail:
        if "seaborn" in message:
            return "Matplotlib renamed its seaborn styles: use `plt.style.use('seaborn-v0_8')`."
        named = re.search(r"'(whitegrid|darkgrid|white|dark|ticks)'", message)
        if named:
            # seaborn's own style names, which pyplot does not know
            return (
                f"'{named.group(1)}' is a seaborn style, not Matplotlib's: use "
                f"`sns.set_style('{named.group(1)}')` (after `import seaborn as sns`)."
            )
        return (
            "That Matplotlib style name does not exist in your version: list them with "
            "`plt.style.available`."
        )
    if "FixedLocator" in detail:
        return (
            "The tick labels and the tick positions differ in number: set the ticks first "
            "(`ax.set_xticks(positions)`) and give exactly one label per tick."
        )
    interpret = re.search(r"Could not interpret value `(\w+)` for parameter `(\w+)`", message)
    if interpret:
        return (
            f"`{interpret.group(2)}='{interpret.group(1)}'` names no column of `data`: check the "
            "spelling (and case) against `data.columns`, or pass `data=` the DataFrame."
        )
    prop = re.search(r"(?:Unknown property|has no property) '?(\w+)'?", message)
    if prop:
        return (
            f"Matplotlib has no property `{prop.group(1)}`: check the keyword's spelling, or "
            "remove it (it may belong to another plotting function)."
        )
    spec = _PALETTE_SPEC.search(message)
    if spec:
        # seaborn's palette strings (cubehelix `ch:`, `light:`, `dark:`, `blend:`) name many
        # colours: `palette=` reads them, a single `color=` cannot
        return (
            f"'{spec.group(1)}' is a seaborn palette spec, not one colour: pass it as "
            f"`palette='{spec.group(1)}'` (with `hue=`), or give `color=` one colour, e.g. "
            f"`sns.color_palette('{spec.group(1)}')[2]`."
        )
    if re.search(r"marker|color|colour|RGBA|linestyle|font", detail):
        return (
            f"The plotting library rejected a value ({detail}): check the spelling of colour, "
            "marker or style names in its documentation."
        )
    return None


# Matplotlib's "Invalid RGBA argument: 'ch:start=.2'": a seaborn palette string given as a colour.
_PALETTE_SPEC = re.compile(r"Invalid RGBA argument: '((?:ch|light|dark|blend):[^'\n]{0,60})'")


def _square_image_size(size: int) -> bool:
    """`size` values can be a flattened square image: H × H pixels of 1, 3 or 4 channels."""
    return any(
        size % channels == 0 and math.isqrt(size // channels) ** 2 == size // channels
        for channels in (1, 3, 4)
    )
