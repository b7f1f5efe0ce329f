"""The values a plotting call refuses (a subplot index, image data, a palette or colormap, a
style, tick labels, a property name, a column name) and what to pass instead."""

from __future__ import annotations

import math
import re


def refused_plot_value_words(message: str, detail: str) -> str | None:
    """The hint for the value a plotting library refused (``detail``: the message's sentence the
    rule caught), or None when the message does not say which."""
    num = re.search(r"num must be (?:an integer with )?1 <= num <= (\d+), not (\S+)", message)
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
    if re.search(r"marker|color|colour|RGBA|linestyle|font", detail):
        return (
            f"The plotting library rejected a value ({detail}): check the spelling of colour, "
            "marker or style names in its documentation."
        )
    return None


def _square_image_size(size: int) -> bool:
    """`size` values can be a flattened square image: H × H pixels of 1, 3 or 4 channels."""
    return any(
        size % channels == 0 and math.isqrt(size // channels) ** 2 == size // channels
        for channels in (1, 3, 4)
    )
