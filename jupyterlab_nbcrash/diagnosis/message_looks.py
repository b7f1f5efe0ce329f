"""The safe hint's second sentence for messages whose own words say what to look at, where the
family's look ("print the `.shape`", "print `type(...)`", "check the values you pass") would
point elsewhere: a read-only array, an empty unpack, an argument given twice, a callback that a
library calls without the arguments its `def` needs, a module attribute a library reads that the
installed version lacks, Python 2 code. Each reads the message's wording and the frames only, so
it holds for every crash whose message says so."""

from __future__ import annotations

import re

from ..taxonomy import LIBRARY_TITLES
from .definitions import imports_name, seen_code
from .rules.module_names import pip_name
from .rules.tables.removed_apis import REMOVED_RC_SETTINGS
from .text import before_valid_list, edit_distance
from .traceback import GLUE_PACKAGES, ParsedError
from .where import (
    call_arguments,
    code_only,
    failing_call,
    failing_line_number,
    own_lines,
    raised_in_user_code,
)

# A pandas Index printed in a message (`Index(['key'], dtype='object')`) lists labels: its dtype
# is no dtype of the user's values.
_DTYPE_REPR = re.compile(r"(?<=\]), dtype='\w+'")


def message_opening(message: str) -> str:
    """The message's first 1,000 characters without the dtype reprs of the objects it prints."""
    return _DTYPE_REPR.sub("", before_valid_list(message[:4_000])[:1_000])


_READ_ONLY = re.compile(r"assignment destination is read-only|array is read-only", re.I)
_UNPACK = re.compile(
    r"(not enough|too many) values to unpack \(expected (\d+)(?:, got (\d+))?\)", re.I
)
# mlxtend: "The input DataFrame `df` containing the frequent itemsets is empty."
_NO_ITEMSETS = re.compile(r"frequent itemsets is empty", re.I)
_EMPTY = re.compile(
    r"\bhas length 0\b|\bof length 0\b|\blength 0\b|\bis empty\b|\bcannot be (?:an? )?empty\b", re.I
)
_LEVELS = re.compile(r"\bMultiIndex\b|\bnumber of levels\b", re.I)
# "columns overlap but no suffix specified", "pie requires either y column or 'subplots=True'":
# the call lacks a setting the message names.
_LACKS_SETTING = re.compile(
    r"\bno \w+ (?:was |is )?(?:specified|given|provided|passed)\b|\brequires either\b", re.I
)


_INVALID_PROPERTY = re.compile(r"Invalid property specified for object of type ([\w.]+): '(\w+)'")


_FREQUENCY_SUMS = re.compile(r"sum of the observed frequencies must agree with the sum of the exp")
# category_encoders' check of its `cols` against the frame it is fitted on
_COLUMNS_LISTED = re.compile(r"X does not contain the columns listed in cols")
# TensorFlow's image decoders given an empty string: one file read from disk has 0 bytes.
_EMPTY_IMAGE = re.compile(
    r"Input is empty\.?\s*\[\[\{\{node [\w/]*Decode(?:Image|Jpeg|Png|Bmp|Gif)\b"
)


# TensorFlow 1's feed of a placeholder ("Cannot feed value of shape (128, 28, 28) for Tensor
# 'x:0', which has shape '(?, 28, 28, 1)'") and Keras' image helpers ("Expected image array to
# have rank 3 (single image). Got array with shape: (96, 96)").
_FED_SHAPE = re.compile(
    r"Cannot feed value of shape \(([\d, ]*)\) for Tensor [^,]*, which has shape "
    r"'?\(([\w?, ]*)\)"
)
_IMAGE_RANK = re.compile(
    r"Expected image array to have rank 3.*?Got array with shape: \((\d+), (\d+)\)"
)


def _dims(text: str) -> list[str]:
    return [d.strip() for d in text.split(",") if d.strip()]


def _missing_axis_look(message: str) -> str:
    """A value whose shape lacks only one axis of 1 the receiver asks for: at the end (a
    grayscale image's channel) or at the front (one sample without its batch)."""
    image = _IMAGE_RANK.search(message)
    if image:
        return (
            f"The image array is 2-D ({image.group(1)}, {image.group(2)}), a grayscale image "
            "without its channel axis: add one, `np.expand_dims(image, -1)`."
        )
    fed = _FED_SHAPE.search(message)
    if not fed:
        return ""
    given, wanted = _dims(fed.group(1)), _dims(fed.group(2))

    def fits(a: list[str], b: list[str]) -> bool:
        return len(a) == len(b) and all(
            w in ("?", "None") or w == g for g, w in zip(a, b, strict=True)
        )

    shape = ", ".join(wanted).replace("?", "-1").replace("None", "-1")
    if wanted and wanted[-1] == "1" and fits(given, wanted[:-1]):
        # a channel only where each sample has axes of its own (an image, a signal):
        # `(128,)` fed to `(?, 1)` is a column of targets, one number per sample
        what = "a channel" if len(given) >= 2 else "one value per sample, as a column"
        return (
            f"The value fed lacks the placeholder's last axis of size 1 ({what}): reshape it "
            f"to `({shape})`, or add the axis with `x[..., None]`."
        )
    if wanted and wanted[0] in ("1", "?", "None") and fits(given, wanted[1:]):
        return (
            "The value fed is one sample without the batch axis the placeholder has first: add "
            "it with `x[None]` (or `np.expand_dims(x, 0)`)."
        )
    return ""


# pandas refusing a position that is no whole number: old pandas' ValueError, newer TypeError,
# and `.iat`'s own ValueError.
_POSITION_NOT_INTEGER = re.compile(
    r"Location based indexing can only have \[integer|Cannot index by location index with a "
    r"non-integer key|iAt based indexing can only have integer indexers"
)
# `df.iloc["5", "5"]`, `df.iat['a', 0]`: a positional indexer given a quoted text.
_POSITIONAL_BY = re.compile(r"(?P<frame>[A-Za-z_][\w.]*)\.(?P<how>iloc|iat)\[")


def _positional_by_text(line: str) -> re.Match | None:
    """The `.iloc[`/`.iat[` of the line whose own brackets hold a quoted text at their top
    level (`['b', 'c']`, `[rows[0], 'price']`); a quote inside a nested subscript or call
    (`[grid['score'].idxmax()]`) is a column read there, no position given as text."""
    code = code_only(line)
    for m in _POSITIONAL_BY.finditer(code):
        depth = 1
        for c in code[m.end() :]:
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
                if depth == 0:
                    break
            elif c == "'" and depth == 1:
                return m
    return None


def text_position_look(parsed: ParsedError) -> str:
    """pandas' "Location based indexing can only have [integer, …]" (or "Cannot index by
    location index with a non-integer key") and the failing line gives `.iloc`/`.iat` a quoted
    text: positions are numbers, labels are `.loc`/`.at`'s. Else ""."""
    if not _POSITION_NOT_INTEGER.search(parsed.message[:300]):
        return ""
    given = _positional_by_text(parsed.user_line)
    if given is None:
        return ""
    frame, how = given.group("frame"), given.group("how")
    label = "loc" if how == "iloc" else "at"
    return (
        f"`{frame}.{how}[...]` takes whole-number positions, and this line gives it text: "
        f"write the positions as numbers, or use `{frame}.{label}[...]` to select by labels."
    )


# scikit-learn's encoders: "Shape mismatch: if categories is an array, it has to be of shape
# (n_features,)."
_PER_FEATURE_SETTING = re.compile(
    r"^Shape mismatch: if (\w+) is an array, it has to be of shape \(n_features,\)"
)
# transformers' image processors: "The `size` dictionary must contain the keys `height` and
# `width`. Got dict_keys(['shortest_edge'])"
_SIZE_KEYS = re.compile(
    r"^The `size` dictionary must contain (?:the keys |)(`\w+` and `\w+`|`\w+`)"
)

# the user's code setting `size` itself (a `size=...` keyword, `{"size": ...}`, `.size = ...`);
# a variable `size = (256, 256)` of the cell's own resizing sets no processor's
_SIZE_GIVEN = re.compile(r"[(,]\s*size\s*=(?!=)|\.size\s*=(?!=)|['\"]size['\"]\s*[:\]]")
# a loader that already picks the processor class from the checkpoint's own config
_AUTO_LOADER = re.compile(r"\bAuto(?:Image)?Processor\.from_pretrained\(|\bpipeline\(")


def value_message_look(parsed: ParsedError, on: str) -> str:
    """The ValueError look that the message's wording states, else ""."""
    opening = message_opening(parsed.message)
    position = text_position_look(parsed)
    if position:
        return position
    if _FREQUENCY_SUMS.search(opening):
        # SciPy 1.9+ checks this; code written for older SciPy passes unscaled expectations
        return (
            "SciPy's chi-square test needs observed and expected frequencies with the same sum: "
            "scale the expected ones (`f_exp * f_obs.sum() / f_exp.sum()`) where `chisquare` is "
            "called, or install the SciPy version that code was written for."
        )
    per_feature = _PER_FEATURE_SETTING.search(opening)
    if per_feature:
        # scikit-learn's encoders: the setting holds one entry per column, and it was given
        # another count (a column's index, as the removed `categorical_features` took)
        setting = per_feature.group(1)
        return (
            f"The encoder's `{setting}=` setting must hold one list per column of the data it "
            f"is fitted on (or be `'auto'`), and it holds another number of them; to encode only "
            "some columns (not pick them with it), use a `ColumnTransformer` with "
            "`remainder='passthrough'`."
        )
    size_keys = _SIZE_KEYS.search(opening)
    if (
        size_keys
        and ".from_pretrained(" in parsed.user_code
        and not _SIZE_GIVEN.search(parsed.user_code)
        and not _AUTO_LOADER.search(parsed.code_seen)
    ):
        # transformers: the processor's saved config has the other `size` form (a checkpoint
        # saved for another processor class, loaded by a class named by hand); the crashing
        # cell loads it and sets no `size` of its own
        return (
            f"This image processor class wants `size` with {size_keys.group(1)}, but the "
            "configuration it loaded has another form: the checkpoint was saved for another "
            "processor class, so load it with `AutoImageProcessor.from_pretrained(...)`, which "
            "picks the right one."
        )
    if _COLUMNS_LISTED.search(opening):
        return (
            "Some columns the encoder lists in `cols` are not columns of the data passed: compare "
            "`cols` with the data's `.columns` (one may have been dropped or renamed earlier)."
        )
    # the node's name follows the message: an embedded error's own message stops before it
    if _EMPTY_IMAGE.search(parsed.message[:3_000]) or _EMPTY_IMAGE.search(parsed.text[-4_000:]):
        # not an empty dataset: the decoder ran on one file's contents, and those were empty
        return (
            "An image decoder got an empty file (0 bytes), not an empty dataset: find and remove "
            "the empty or broken image files in the data folder (`os.path.getsize(p) == 0`)."
        )
    invalid = _INVALID_PROPERTY.search(opening)
    if invalid and not re.search(rf"\b{invalid.group(2)}\b", parsed.user_code or parsed.user_line):
        # plotly_express sets `hovertemplate` on a plotly Scatter too old to know it
        kind, prop = invalid.group(1).rsplit(".", 1)[-1], invalid.group(2)
        return (
            f"Your code does not set `{prop}`: the library you call does, and the installed "
            f"plotly's `{kind}` does not know it, so the two versions do not fit together; "
            "upgrade plotly (or install the library version that fits it)."
        )
    axis = _missing_axis_look(parsed.message[:1_000])
    if axis:
        return axis
    if _READ_ONLY.search(opening):
        return (
            "The array written to is read-only (its `flags.writeable` is False: a view such as "
            "`np.broadcast_to(...)`, or memory another object owns): write into a copy, "
            "`arr = arr.copy()`."
        )
    unpack = _UNPACK.search(opening)
    if unpack and (unpack.group(3) == "0" or raised_in_user_code(parsed)):
        # inside a library, `h, w = X.shape` is the common unpack: the family's `.shape` look
        got = unpack.group(3)
        held = f"holds {got} value{'s' if got != '1' else ''}" if got else "holds more values"
        empty = " (0: it is empty; check the step that built it)" if got == "0" else ""
        return (
            f"What is unpacked {on} {held} where {unpack.group(2)} are expected{empty}: print "
            "`len(...)` of it."
        )
    if _NO_ITEMSETS.search(opening):
        # mlxtend's association_rules gets the mining step's output: nothing loaded wrong
        # empty either way: no itemset reached `min_support`, or a filter of the user's (a
        # `length > 1` keep) removed them all
        return (
            "The frequent itemsets are empty: `apriori`/`fpgrowth` found none as frequent as its "
            "`min_support` asks, or a step after it filtered them all out; print them before "
            "`association_rules`, and check the one-hot basket table it was given."
        )
    if _EMPTY.search(opening):
        return (
            f"The message says the data is empty: print the length of the values {on} and check "
            "the step that loaded or filtered them (a folder, pattern or filter that matched "
            "nothing)."
        )
    if _LEVELS.search(opening):
        return (
            f"The message is about index levels: print `.index` and `.columns` (their `.nlevels` "
            f"and `.names`) of the frames {on}."
        )
    closed = _closed_figure_look(parsed) or _grid_for_a_figure_look(parsed)
    if closed:
        return closed
    packed = non_contiguous_look(parsed)
    if packed:
        return packed
    single = dataset_elements_look(parsed)
    if single:
        return single
    layer = missing_layer_look(parsed)
    if layer:
        return layer
    if _LACKS_SETTING.search(opening):
        call = failing_call(parsed)
        where = f"`{call.function}(…)`" if call is not None else "the call"
        helper = f" (`help({call.function})` lists them)" if call is not None else ""
        return f"The message names a setting the call lacks: pass it to {where}{helper}."
    return ""


# pyplot's `sca` given Axes of a figure it no longer manages (closed, or never pyplot's).
_AXES_NOT_IN_FIGURE = re.compile(r"Axes instance argument was not found in a figure")


def _closed_figure_look(parsed: ParsedError) -> str:
    """`g.map(...)` on a seaborn grid (or Axes) made in another cell: Jupyter's inline backend
    closes a cell's figures when the cell ends, so pyplot finds no figure for its Axes. Said only
    when the crash cell does not make the object above its failing line; else ""."""
    if not _AXES_NOT_IN_FIGURE.search(parsed.message[:300]):
        return ""
    call = failing_call(parsed)
    owner = call.function.rsplit(".", 1)[0] if call is not None and "." in call.function else ""
    if not re.fullmatch(r"[A-Za-z_]\w*", owner) or imports_name(seen_code(parsed)[0], owner):
        return ""  # `plt.sca(ax)`: a module, no figure's owner
    above = own_lines(parsed)[: max(failing_line_number(parsed) - 1, 0)]
    if (
        not parsed.user_code
        or failing_line_number(parsed) == 0
        or any(re.match(rf"\s*{owner}\s*(?:,[^=]*)?=(?!=)", line) for line in above)
    ):
        return ""
    return (
        f"`{owner}`'s figure is no longer open in pyplot: Jupyter's inline backend closes a "
        f"cell's figures when the cell ends, so make `{owner}` and call `{call.function}(...)` "
        "in the same cell."
    )


# `PdfPages.savefig(grid)`: matplotlib looks a seaborn grid up as a figure number and fails.
_GRID_FOR_A_FIGURE = re.compile(r"^No such figure: <seaborn\.[\w.]*?(\w*Grid) object")


def _grid_for_a_figure_look(parsed: ParsedError) -> str:
    """Matplotlib was given a seaborn grid (`FacetGrid`, `ClusterGrid`) where it takes a Figure:
    the grid holds its figure as `.fig`; else ""."""
    m = _GRID_FOR_A_FIGURE.search(parsed.message[:300])
    if m is None:
        return ""
    call = failing_call(parsed)
    given = call.arguments[0].strip() if call is not None and call.arguments else ""
    if re.fullmatch(r"[A-Za-z_]\w*", given):
        fix = f"`{call.function}({given}.fig)`"
    else:
        fix = "the grid's `.fig`"
    return (
        f"Matplotlib takes a Figure here, and it was given a seaborn `{m.group(1)}`, which is "
        f"not one: pass the figure the grid holds, {fix}."
    )


_MORE_THAN_ONE = re.compile(r"Dataset had more than one element")


def dataset_elements_look(parsed: ParsedError) -> str:
    """TensorFlow's `get_single_element` on a dataset of several elements: a count of elements,
    not a shape, is what the message is about."""
    if not _MORE_THAN_ONE.search(parsed.message[:300]):
        return ""
    code = parsed.code_seen
    endless = (
        "; a `.repeat()` makes a dataset endless, so batch it before repeating"
        if re.search(r"\.repeat\(", code)
        else ""
    )
    return (
        "`get_single_element` needs a dataset of exactly one element, and this one has more: "
        "take one (`ds.take(1)`) or put the whole finite dataset into one batch (`ds.batch(n)`, "
        f"n at least its size{endless})."
    )


_NO_SUCH_LAYER = re.compile(r"No such layer: ([\w/.\-]+?)\.? Existing layers are: \[([^\]]*)\]")
# Layer names Keras gives to whole models nested as one layer of another (an application such
# as ResNet50, a Sequential): their own layers are reached only through them. An application
# comes first in the example: its layers are the ones named like `conv5_block3_out`.
_APPLICATIONS = ("resnet", "vgg", "densenet", "mobilenet", "efficientnet", "inception",
                 "xception", "nasnet", "convnext", "regnet")  # fmt: skip
_PLAIN_MODELS = ("sequential", "functional", "model")


def missing_layer_look(parsed: ParsedError) -> str:
    """Keras's "No such layer: x. Existing layers are: [...]": a name, not a shape, is wrong;
    a layer of a model nested in this one is not among its own layers."""
    m = _NO_SUCH_LAYER.search(parsed.message[:4_000])
    if m is None:
        return ""
    name = m.group(1)
    listed = [n for n in re.findall(r"'([^']+)'", m.group(2)) if n != name]
    nested = [n for n in listed if n.lower().startswith(_APPLICATIONS)]
    nested += [n for n in listed if n.lower().startswith(_PLAIN_MODELS)]
    names = ", ".join(f"`{n}`" for n in nested[:3])
    through = (
        f"; if it belongs to a model nested in this one ({names}), reach it through that model: "
        f"`model.get_layer('{nested[0]}').get_layer('{name}')`"
        if nested
        else ""
    )
    return (
        f"`{name}` is not one of this model's own layers (the message lists them): use one of "
        f"those names{through}."
    )


# A `raise` of the user's that reports a response's status (`resp.status.description`).
_STATUS_RAISE = re.compile(r"\.status\b|\bstatus_code\b|\bstatus\[")
# A status that says the service is not ready yet, rather than that the request was wrong.
_NOT_READY = re.compile(
    r"\b(?:deploying|loading|starting|warming up|not ready|pending|in progress|unavailable)\b",
    re.I,
)


def service_status_look(parsed: ParsedError) -> str:
    """The user's own `raise` reports the status a service answered (`raise Exception("…
    status: " + resp.status.description)`): the status is the service's account, not a value
    the user's condition got wrong."""
    if not _STATUS_RAISE.search(parsed.user_line):
        return ""
    if _NOT_READY.search(parsed.message[:300]):
        return (
            "It reports the status the service answered (quoted in the message), which says the "
            "service is not ready yet: wait a while, then run the cell again."
        )
    return (
        "It reports the status the service answered (quoted in the message): act on what that "
        "status says, not on the values the condition tests."
    )


# pydicom: "… because all plugins are missing dependencies:\n\tgdcm - requires gdcm>=3.0.10\n
# \tpylibjpeg - requires pylibjpeg>=2.0 and pylibjpeg-libjpeg>=2.1"
_PLUGIN_NEEDS = re.compile(r"^\s*([\w-]+) - requires (.+?)\s*$", re.M)
_REQUIREMENT = re.compile(r"([A-Za-z][\w.-]*)\s*((?:[<>=!~]=?)\s*[\w.*]+)?")


def missing_plugins_look(parsed: ParsedError) -> str:
    """A library whose plugins all lack their packages lists each plugin with what it requires:
    installing one plugin's packages is the fix (the message's list is cut in the hint's gist)."""
    if "missing dependencies" not in parsed.message[:500]:
        return ""
    needs = _PLUGIN_NEEDS.findall(parsed.message[:2_000])
    if not needs:
        return ""
    plugin, requires = needs[-1]
    specs = [
        f'"{pip_name(m.group(1))}{(m.group(2) or "").replace(" ", "")}"'
        for part in re.split(r"\s+and\s+|,\s*", requires)
        if (m := _REQUIREMENT.match(part.strip()))
    ]
    if not specs:
        return ""
    others = ", ".join(f"`{name}`" for name, _ in needs[:-1])
    also = f" (or those of {others}, as the message lists)" if others else ""
    return (
        f"Install the packages of one plugin it lists, e.g. `{plugin}`'s: `%pip install "
        f"{' '.join(specs)}`{also}, then restart the kernel."
    )


_NON_CONTIGUOUS = re.compile(r"save a non contiguous tensor: `([^`]+)`")


def non_contiguous_look(parsed: ParsedError) -> str:
    """safetensors refuses a model weight that is a view (not contiguous) while a library saves
    the model: the weights need packing before the save, or another format."""
    m = _NON_CONTIGUOUS.search(parsed.message[:300])
    if m is None or raised_in_user_code(parsed):
        return ""
    return (
        f"A weight of the model (`{m.group(1)}`) is not contiguous in memory, and safetensors "
        "will not save it: make the weights contiguous before the save (`for p in "
        "model.parameters(): p.data = p.data.contiguous()` on the PyTorch model), or save "
        "without safetensors (`save_pretrained(..., safe_serialization=False)`)."
    )


_TWICE = re.compile(
    r"got multiple values for (?:keyword )?argument '(\w+)'"
    r"|given by name \('(\w+)'\) and position",
)


def argument_twice_look(parsed: ParsedError) -> str:
    """`np.zeros_like(a, 3.2, dtype=float)`: the argument the message names is fine; a positional
    argument too many (or in the wrong order) lands in its place."""
    m = _TWICE.search(parsed.message[:500])
    if m is None:
        return ""
    name = m.group(1) or m.group(2)
    return (
        f"`{name}` gets a value twice: from `{name}=…` and from a positional argument in its "
        "place (one positional argument too many, or in the wrong order): check the positional "
        "arguments against the function's parameters."
    )


# Python ≤ 3.11: "… abstract class Bike with abstract methods a, b"; 3.12: "… abstract class Bike
# without an implementation for abstract methods 'a', 'b'"
_ABSTRACT = re.compile(
    r"Can't instantiate abstract class (\w+) with(?:out an implementation for)? abstract "
    r"methods? (.+)"
)


def abstract_class_look(parsed: ParsedError) -> str:
    """An abstract class (an `ABC` with `@abstractmethod`s) cannot be instantiated: no argument
    changes that; a subclass that defines the methods can."""
    m = _ABSTRACT.match(parsed.message[:500])
    if m is None:
        return ""
    names = [n.strip(" '\"") for n in m.group(2).split(",") if n.strip(" '\"")]
    methods = ", ".join(f"`{n}`" for n in names[:4])
    return (
        f"`{m.group(1)}` is an abstract class ({methods} abstract): define a subclass of it that "
        "implements them, and create an object of that subclass instead."
    )


def debugger_quit_look(parsed: ParsedError) -> str:
    """`BdbQuit` is raised by Python's debugger (pdb, `breakpoint()`, `set_trace()`, `%debug`)
    when it is told to quit while stopped in the code: no library failed."""
    if parsed.ename != "BdbQuit":
        return ""
    return (
        "`BdbQuit` means the debugger (`pdb`, `breakpoint()`, `set_trace()`) was quit while "
        "stopped here: run again and continue with `c` instead of `q`, or remove the breakpoint."
    )


# pandas_datareader's `ImmediateDeprecationError`, and any library's "...DeprecatedError": raised
# instead of running a function its library has switched off
_DEPRECATION_ERROR = re.compile(r"\w*Deprecat(?:ed|ion)\w*Error")


def disabled_function_look(parsed: ParsedError) -> str:
    """A library raised its own deprecation *error* (not a warning): it switched the function
    off, and no value the user passes brings it back."""
    if not _DEPRECATION_ERROR.fullmatch(parsed.ename) or raised_in_user_code(parsed):
        return ""
    return (
        f"The library has switched this function off (`{parsed.ename}`), so no input on your "
        "line makes it work: use the replacement the message or the library's documentation "
        "names, or another package or data source."
    )


# errno 34 (ERANGE): a float operation of Python's own (`x ** 4`, `math.exp`) left the range
_FLOAT_RANGE = re.compile(r"\(34, '(?:Result too large|Numerical result out of range)'\)")


def float_range_look(parsed: ParsedError) -> str:
    """A float of the user's own code (`x ** 4` in a cell, no library's frame) grew past the
    largest float: the values grow without bound, no library or version is at fault."""
    if not _FLOAT_RANGE.match(parsed.message) or not parsed.frames:
        return ""
    if not all(f.is_user for f in parsed.frames):
        return ""
    return (
        "A float on that line grew past the largest one (about 1.8e308): print the values it "
        "uses step by step to see where they start growing without bound (a loop that diverges, "
        "a step too large)."
    )


# pandas' "Cannot subtract tz-naive and tz-aware datetime-like objects" (and compare, join)
_TIME_ZONES_MIXED = re.compile(r"\b(?:tz-naive and tz-aware|tz-aware and tz-naive)\b")


def time_zones_look(parsed: ParsedError) -> str:
    """pandas met a datetime with a time zone and one without: which side has one is in the
    data, and either side may be made like the other."""
    if not _TIME_ZONES_MIXED.search(parsed.message[:300]):
        return ""
    return (
        "One side of this operation has a time zone and the other has none: make them alike "
        "with `tz_localize` (`.dt.tz_localize` on a column), `None` to drop the aware one's "
        "zone or e.g. `'UTC'` to give the naive one a zone."
    )


_MISSING_ARGUMENTS = re.compile(
    r"(\w+)\(\) missing \d+ required (?:positional |keyword-only )?arguments?: (.+)"
)


# A library's `__call__` that hands the caller's own arguments on to the user's method (torch's
# `Module._call_impl`, Keras' `Layer.__call__`): nothing is left out by the library.
_PASS_THROUGH_CALLS = frozenset({"_call_impl", "_wrapped_call_impl", "__call__", "_slow_forward"})


def callback_arguments_look(parsed: ParsedError) -> str:
    """Your own `def f(x, low, high)` handed to a library (`agg`, `apply`, `map`) that calls it
    with only its own arguments: the call's keywords do not reach it."""
    m = _MISSING_ARGUMENTS.search(parsed.message[:300])
    last = parsed.last_frame
    if m is None or last is None or last.is_user or not last.library:
        return ""
    function = m.group(1)
    if last.function in _PASS_THROUGH_CALLS:
        # `model.encoder(x)` → torch's `Module.__call__` runs `forward(*args)` with the
        # caller's own arguments: the call on the user's line left one out, no library did
        if function not in ("forward", "call"):
            return ""
        last_user = max((i for i, fr in enumerate(parsed.frames) if fr.is_user), default=-1)
        if any(fr.function not in _PASS_THROUGH_CALLS for fr in parsed.frames[last_user + 1 :]):
            # a library's own loop (a `Trainer`'s `model(**inputs)`) built the arguments
            return ""
        names = m.group(2).strip().rstrip(".")
        it = "them" if " and " in names else "it"
        return (
            f"The model or layer called on that line runs its `{function}()` with exactly the "
            f"arguments you pass it, and `{function}()` also needs {names}: pass {it} in that call."
        )
    code = parsed.code_seen
    if not re.search(rf"^\s*def {re.escape(function)}\(", code, re.M):
        return ""
    names = m.group(2).strip().rstrip(".")
    return (
        f"`{last.library}` calls your `{function}()` itself, without {names}: hand it a function "
        f"that sets them, e.g. `functools.partial({function}, …)` or a `lambda`."
    )


_MODULE_ATTRIBUTE = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")


def module_attribute_look(parsed: ParsedError) -> str:
    """`sns.heatmap(m)` → "module 'numpy' has no attribute 'bool'" raised in seaborn's code: the
    installed seaborn was written for another numpy; nothing on the user's line is at fault."""
    m = _MODULE_ATTRIBUTE.search(parsed.message[:300])
    if m is None or raised_in_user_code(parsed) or not parsed.user_line.strip():
        return ""
    module, attr = m.group(1), m.group(2)
    if re.search(rf"\.{re.escape(attr)}\b", parsed.user_line):
        return ""  # the user's line reads it (through an alias): the family's look holds
    top = module.split(".")[0]
    reader = next(
        (
            f.library
            for f in reversed(parsed.frames)
            if f.library and f.library != top and f.library not in GLUE_PACKAGES
        ),
        None,
    )
    if reader is not None:
        return (
            f"`{reader}`'s code reads `{module}.{attr}`, which your `{top}` version does not "
            f"have: the installed `{reader}` and `{top}` do not fit together; upgrade `{reader}` "
            f"(or install the `{top}` version it was written for), then restart the kernel."
        )
    if top not in LIBRARY_TITLES or top == "none":
        return ""  # a module of the project's own: no versions of two libraries to fit
    # Frames of an install the parser does not know as a library's: the call still names it.
    call = failing_call(parsed)
    who = f"The code `{call.function}()` runs" if call is not None else "The code your line runs"
    return (
        f"{who} reads `{module}.{attr}`, not your line, and your `{top}` version does not have "
        f"it: that library and `{top}` do not fit together; upgrade it (or install the `{top}` "
        "version it was written for), then restart the kernel."
    )


# Methods of Python 2's builtins that Python 3 removed, and what Python 3 writes instead.
_PYTHON2_METHODS = {
    "has_key": "`key in d`",
    "iteritems": "`.items()`",
    "iterkeys": "`.keys()`",
    "itervalues": "`.values()`",
}


def python2_look(parsed: ParsedError) -> str:
    """'dict' object has no attribute 'has_key': code written for Python 2."""
    m = re.search(r"'(dict|str)' object has no attribute '(\w+)'", parsed.message[:300])
    if m is None or m.group(2) not in _PYTHON2_METHODS:
        return ""
    last = parsed.last_frame
    where = "" if last is None or last.is_user else f" (in `{last.filename.split('/')[-1]}`)"
    return (
        f"`.{m.group(2)}` is a Python 2 method: the code that reads it{where} was written for "
        f"Python 2; in Python 3 write {_PYTHON2_METHODS[m.group(2)]} instead."
    )


def not_callable_look(parsed: ParsedError) -> str:
    """Python 2's "X instance has no __call__ method": the line calls an object."""
    m = re.search(r"(\w+) instance has no __call__ method", parsed.message[:300])
    if m is None:
        return ""
    return (
        f"What the line calls is a `{m.group(1)}` object, not a function: print `type(...)` of "
        "what stands before the `(`."
    )


_IMAGE_MODE = re.compile(r"cannot write mode (\w+) as (\w+)")


def image_mode_look(parsed: ParsedError) -> str:
    """Pillow's "cannot write mode P as JPEG": the image's mode, not the path."""
    m = _IMAGE_MODE.search(parsed.message[:300])
    if m is None:
        return ""
    return (
        f"The image is in mode {m.group(1)}, which {m.group(2)} cannot store: convert it first "
        "(`img.convert('RGB')`), or save it in a format that keeps the mode (PNG)."
    )


# An index holds no bracket of its own: in `df[df['a'] >= 1 & …]` the comparison starts at the
# inner `df['a']`, not at the outer `df[` (an example with an unclosed `[` is broken code).
_COMPARISON = r"[\w.]+(?:\[[^\[\]]*\])?\s*(?:[<>]=?|==|!=)\s*[\w.'\"-]+"
# `a < 2000 | b > 2009`: `|` and `&` bind tighter than comparisons, so Python compares
# `a < (2000 | b) > 2009` (a chained comparison of a Series, or a bool with an array).
_UNPARENTHESIZED = re.compile(rf"(?<![\w.(])({_COMPARISON})\s*([|&])\s*({_COMPARISON})")


def precedence_look(parsed: ParsedError) -> str:
    """Two comparisons joined by `|` or `&` without parentheses on the failing line."""
    m = _UNPARENTHESIZED.search(parsed.user_line)
    if m is None:
        return ""
    left, op, right = m.groups()
    return (
        f"`{op}` binds tighter than `<`, `>` and `==`, so Python does not read the line as two "
        f"comparisons: put each in parentheses, `({left}) {op} ({right})`."
    )


# Matplotlib's words for a setting it does not know: `mpl.rc(group, name=...)`'s, then
# `rcParams[key] = ...`'s.
_UNKNOWN_RC = re.compile(
    r"Unrecognized key \"([\w.]+)\" for group|^['\"]?([\w.]+) is not a valid rc parameter"
)


def rc_setting_look(parsed: ParsedError) -> str:
    """Matplotlib does not know a setting (an `rcParams` key): a name this version removed or
    renamed (the table says what replaced it), else a misspelling or an older version's name.
    No keys of the user's data are involved."""
    m = _UNKNOWN_RC.search(parsed.message[:300])
    if m is None or "matplotlib" not in parsed.libraries:
        return ""
    name = m.group(1) or m.group(2)
    removed = REMOVED_RC_SETTINGS.get(name)
    if removed is not None:
        return f"This Matplotlib no longer has the setting `{name}`: {removed.use}."
    return (
        f"`{name}` is no setting of this Matplotlib: a misspelling, or a name of another "
        "version; find the current name in `mpl.rcParams.keys()`."
    )


# `df.query('category'=='fruit')`: two quoted strings compared inside the call's parentheses.
_QUOTED_COMPARISON = re.compile(
    r"\.(query|eval)\(\s*(['\"])([^'\"]*)\2\s*(==|!=|<=|>=|<|>)\s*(['\"])([^'\"]*)\5\s*\)"
)


def quoted_comparison_look(parsed: ParsedError) -> str:
    """pandas' "expr must be a string to be evaluated, <class 'bool'> given" where the call
    compares two quoted strings: Python compared them (False) before pandas saw an expression."""
    m = _QUOTED_COMPARISON.search(parsed.user_line)
    if m is None or "must be a string" not in parsed.message[:300]:
        return ""
    method, _, left, op, _, right = m.groups()
    return (
        f"Python compared the two strings itself and passed `.{method}()` the result (a bool): "
        f"write the whole condition as one string, `.{method}(\"{left} {op} '{right}'\")`."
    )


def wide_form_look(parsed: ParsedError) -> str:
    """seaborn's "The following variable cannot be assigned with wide-form data: `hue`": the
    data went in positionally (or without x=/y=), which seaborn reads as wide-form; hue= and
    the like need long-form data with named columns."""
    m = re.search(r"cannot be assigned with wide-form data: `?(\w+)`?", parsed.message[:300])
    if m is None:
        return ""
    return (
        f"seaborn read the data as wide-form (given positionally, or without `x=`/`y=`), and "
        f"`{m.group(1)}=` needs named columns: pass them by keyword, e.g. "
        f"`data=df, x='col', {m.group(1)}='group'`."
    )


# pandas' SpecificationError for `.agg({'new_name': 'mean'})` on a grouped column (or a dict
# whose keys are no columns, or a dict inside the dict): the old renaming form.
_NESTED_RENAMER = re.compile(r"nested renamer is not supported")
_AGG_DICT = re.compile(r"""\.agg(?:regate)?\(\s*\{\s*(?:['"](\w+)['"]\s*:\s*['"](\w+)['"])?""")


def renamed_aggregation_look(parsed: ParsedError) -> str:
    """pandas' "nested renamer is not supported" on a line that hands `.agg` a dict: a dict's
    keys may only be existing columns (each with its functions); names for the results, which
    the old renaming dict gave, are named aggregation's keywords now."""
    if not _NESTED_RENAMER.search(parsed.message[:200]):
        return ""
    m = _AGG_DICT.search(parsed.user_line)
    if m is None:
        return ""
    name, function = (m.group(1), m.group(2)) if m.group(1) else ("result", "mean")
    if re.search(r"\]\s*\.agg(?:regate)?\(\s*\{", parsed.user_line):
        # `df.groupby('g')['x'].agg({'total': 'sum'})`: one column's keywords name functions
        return (
            "A dict given to one grouped column's `.agg` is the old way to name results, which "
            f"pandas no longer takes: name them as keywords, e.g. `.agg({name}='{function}')`."
        )
    return (
        "A dict given to `.agg` may only map existing columns to functions; names for the "
        f"results are keywords now (named aggregation), e.g. `.agg({name}=('column', "
        f"'{function}'))`."
    )


# healpy's `_get_hdu`: "Available hdu in [0-1]", where the number is how many HDUs the FITS file
# has (so the last index is one less).
_HDU_PAST_END = re.compile(r"^Available hdu in \[0-(\d+)\]")


# scikit-learn's fetch_openml: "Dataset titanic-dataset.csv with version 1 not found." (the name
# lower-cased), for a name OpenML has under no status with that version.
_OPENML_MISSING = re.compile(r"Dataset (.+?) with version (\S+) not found")
_DATA_FILE = re.compile(r"\.(?:csv|tsv|txt|arff|xlsx?|json|parquet|data|zip|gz)$", re.I)


def openml_name_look(parsed: ParsedError) -> str:
    """OpenML found no dataset of that name and version: the name and the version are looked up
    together, so the version the message names is no more at fault than the name; a name with a
    file's suffix is a local file's, which no OpenML name is."""
    missing = _OPENML_MISSING.search(parsed.message[:300])
    if missing is None or parsed.ename != "OpenMLError":
        return ""
    name, version = missing.groups()
    written = re.search(r"""(['"])([^'"]+)\1""", parsed.user_line)
    if written and written.group(2).lower() == name.lower():
        name = written.group(2)  # as the code writes it
    if _DATA_FILE.search(name):
        reader = f"`pd.read_csv('{name}')`" if re.search(r"\.[ct]sv$", name, re.I) else "pandas"
        return (
            f"`{name}` is a file's name, not the name of a dataset on OpenML: read your file "
            f"with {reader}, or give `fetch_openml` the dataset's name as openml.org lists it."
        )
    return (
        f"OpenML has no dataset named `{name}` with version {version}: check the name on "
        "openml.org (or pass its `data_id=`) and which versions it has."
    )


def fits_hdu_look(parsed: ParsedError) -> str:
    """healpy asked the FITS file for an HDU past its last. The `hdu=` the call passes is named;
    without one `read_map` reads HDU 1 (the first extension, where `hp.write_map` puts a map),
    so a file of one HDU was not written as a map."""
    past = _HDU_PAST_END.match(parsed.message.strip())
    if past is None or "healpy" not in parsed.libraries:
        return ""
    count = int(past.group(1))
    has = f"The FITS file has {count} HDU{'s' if count != 1 else ''} (numbered from 0)"
    given = re.search(r"\bhdu\s*=\s*(\d+)", parsed.user_line)
    if given:
        return f"{has}, so there is no `hdu={given.group(1)}`: pass an `hdu=` below {count}."
    if re.search(r"\bhdu\s*=", parsed.user_line):  # a variable's value: not known here
        return f"{has}: the `hdu=` the call passes must be below {count}; print its value."
    written = "it was not written as `hp.write_map` writes maps; " if count == 1 else ""
    return (
        f"{has}, so there is no HDU 1 (`read_map`'s default) to read a map from: {written}list "
        "its HDUs with `astropy.io.fits.open(path).info()` and pass `hdu=` of the one that "
        "holds the map."
    )


# "KeyError: \"Unknown task x, available tasks are [...]\"": a library's sentence, not a key.
# Its second word may be a parameter in backticks or quotes (statsmodels' "The `start`
# argument could not be matched ...").
_SENTENCE = re.compile(r"^['\"]?[A-Z]?[a-z]+ [`'\"]?\w+[`'\"]? \w+")


def key_sentence_look(parsed: ParsedError, on: str) -> str:
    """A KeyError a library raised with a sentence for its message: the keys of "what is looked
    up" on the user's line are not what it means. Or a key the user's code passed as an option's
    value (`criterion='entropy'`) that a library (not pandas) looked up in its own table."""
    if raised_in_user_code(parsed):
        return ""
    if _SENTENCE.match(parsed.message.strip()):
        marked = _argument_the_sentence_marks(parsed)
        if marked:
            name, value = marked
            return (
                f"The message is the library's own account of `{name}=`: print the value your "
                f"call gives it (`{value}`) and compare it with what the message says."
            )
        return f"The message is the library's own account: check the values {on} against it."
    return _option_value_look(parsed) or _key_inside_a_magic(parsed)


# IPython's translation of a `%name` / `%%name` line of a cell.
_MAGIC_CALL = re.compile(r"get_ipython\(\)\.run_(?:line|cell)_magic\('(\w+)'")


def _key_inside_a_magic(parsed: ParsedError) -> str:
    """A KeyError raised in a magic's code (`%%sql`'s lookup of its style among prettytable's
    names): the cell looks nothing up, so its keys are no thing to print."""
    magic = _MAGIC_CALL.search(parsed.user_line)
    called = next((f for f in parsed.frames if not f.is_user), None)
    if magic is None or called is None or called.library in (None, "IPython"):
        # IPython's own magics (`%%time`, `%run`) run the user's code: the key may be theirs
        return ""
    sign = "%%" if "run_cell_magic" in parsed.user_line else "%"
    return (
        f"The key is looked up in the code of the `{sign}{magic.group(1)}` magic, not in your "
        "cell: a setting of the magic, or the versions of its package and of those it uses "
        "(`%pip list`), do not fit that code; the traceback's last lines show what it looked up."
    )


def _argument_the_sentence_marks(parsed: ParsedError) -> tuple[str, str] | None:
    """(name, value) of the user's `name=value` whose name the library's sentence marks as a
    parameter (in backticks or quotes): what the sentence judges, rather than the keys of what
    the line looks up."""
    call = failing_call(parsed)
    if call is None:
        return None
    for name, value in call.keywords().items():
        if re.search(rf"[`'\"]{re.escape(name)}[`'\"]", parsed.message[:500]):
            return name, value
    return None


def _option_value_look(parsed: ParsedError) -> str:
    last = parsed.last_frame
    key = parsed.message.strip().strip("'\"")
    if last is None or last.library in (None, "pandas") or not re.fullmatch(r"[\w.-]+", key):
        return ""
    # the crash cell's own `opt='key'`: a cell elsewhere may pass the value to another call
    given = re.search(rf"\b(\w+)\s*=\s*['\"]{re.escape(key)}['\"]", parsed.user_code)
    option = given.group(1) if given else ""
    if not option:
        return ""
    return (
        f"Your code passes `{option}='{key}'`, and `{last.library}` found no '{key}' among the "
        f"values it knows for it: this class (or version) does not accept that value; check "
        f"the values `{option}` allows in its documentation."
    )


_MIXED_KINDS = re.compile(
    r"argument must be a string or number|require their input to be uniformly strings or numbers"
)


def mixed_kinds_look(parsed: ParsedError) -> str:
    """scikit-learn's encoders sort the values: a column that mixes kinds (NaN, a float, among
    strings) cannot be sorted, whatever `type(...)` of the column says."""
    if not _MIXED_KINDS.search(parsed.message[:300]):
        return ""
    return (
        "The values mix kinds (often NaN, a float, among strings): print "
        "`pd.Series(values).map(type).value_counts()`, then fill the gaps or convert them all "
        "(`.astype(str)`)."
    )


_SPARSE = re.compile(r"\bSparseTensor\b|\bsparse matri(?:x|ces)\b", re.I)


def sparse_look(parsed: ParsedError) -> str:
    """ "Failed to convert elements of SparseTensor(...) to Tensor. Consider casting elements":
    no cast helps a sparse value where a dense one is needed."""
    opening = parsed.message[:300]
    if not (_SPARSE.search(opening) and re.search(r"\bconvert", opening, re.I)):
        return ""
    return (
        "A sparse value reached code that needs a dense one: pass a dense array (`X.toarray()` "
        "for a SciPy sparse matrix, `tf.sparse.to_dense(x)` for a SparseTensor)."
    )


def layer_given_for_a_tensor_look(parsed: ParsedError) -> str:
    """Keras: "… called with an input that isn't a symbolic tensor. Received type: <class
    'keras.layers.convolutional.Conv2D'>": a layer object went where its output goes."""
    received = re.search(r"Received type: <class '[\w.]*\.layers\.[\w.]*?(\w+)'>", parsed.message)
    if not received or "tensor" not in parsed.message[:200]:
        return ""
    return (
        f"The inputs are `{received.group(1)}` layers themselves, not tensors: call each layer "
        f"on a tensor first (`x1 = {received.group(1)}(...)(inputs)`, Keras' functional API)."
    )


# "__str__ returned non-string (type NoneType)": Python called a class's special method, which
# returned the wrong kind of value.
_DUNDER_RETURNED = re.compile(r"\b(__\w+__) returned non-(\w+) \(type ([\w.]+)\)")
# Python's own check of a class's `__init__` that ended with `return value`.
_INIT_RETURNED = re.compile(r"__init__\(\) should return None, not '(\w+)'")
# `f"{x:.1f}"` (or `format(x, ".1f")`) of a None.
_FORMAT_OF_NONE = re.compile(r"unsupported format string passed to NoneType\.__format__")
# The same of a container (`f"{costs:.2f}"` of a list): a format spec of numbers given to it.
_FORMAT_OF_CONTAINER = re.compile(r"unsupported format string passed to (list|tuple|dict|set)\.")
_COMPLEX_TO = re.compile(r"can't convert complex to (int|float)")
# An assignment to a slice: `xs[0:2] = 100`, `xs[:] = v`.
_SLICE_ASSIGNED = re.compile(r"\[[^\]]*:[^\]]*\]\s*=(?!=)")
# A call on the line (`f(`, `x.m(`, `a[0](`, `f()(`): a name or a closing bracket before `(`.
_CALL = re.compile(r"[\w\])]\s*\(")


def _special_method_returned(method: str, wanted: str, got: str) -> str:
    none = " (a method that only `print`s returns None)" if got == "NoneType" else ""
    return (
        f"A class's `{method}` method returned a `{got}`, not a {wanted}: make it `return` "
        f"the {wanted}{none}."
    )


def type_message_look(parsed: ParsedError, on: str) -> str:
    """The TypeError look where the message or the line says more than "check the values' types,
    number and order against the parameters": a class's special method that returned the wrong
    type, a complex number given to `int`/`float`, a number assigned to a slice, an array dtype
    PyTorch refused, NumPy's iterator that needs a buffer to cast."""
    message = parsed.message[:1_000]
    position = text_position_look(parsed)
    if position:
        return position
    dunder = _DUNDER_RETURNED.search(message)
    if dunder:
        return _special_method_returned(*dunder.groups())
    init = _INIT_RETURNED.search(message)
    if init:
        return (
            f"A class's `__init__` returned a value of type `{init.group(1)}`: `__init__` only "
            "sets up the object and must return nothing; remove its `return` of a value (put "
            "that computation in a method of its own)."
        )
    formatted = _FORMAT_OF_NONE.search(message)
    if formatted and raised_in_user_code(parsed):  # a library's own format is not the line's
        return (
            "A value formatted with a format spec (`f'{x:.1f}'`) on the marked line is None, "
            "which has no such format: print the values formatted there, and fill or skip the "
            "missing ones before formatting."
        )
    container = _FORMAT_OF_CONTAINER.search(message)
    if container and raised_in_user_code(parsed):
        return (
            f"A value formatted with a number's format spec (`f'{{x:.2f}}'`) on the marked line "
            f"is a `{container.group(1)}`, which takes no such spec: format one number of it "
            "(an item, a sum), or drop the spec."
        )
    complex_to = _COMPLEX_TO.search(message)
    if complex_to:
        return (
            f"The value is a complex number, which `{complex_to.group(1)}()` cannot convert: take "
            "its `.real` part (or `abs(...)`), or find where it became complex (a power such as "
            "`** 0.5` of a negative number gives one)."
        )
    misspelt = _misspelt_init(parsed, message)
    if misspelt:
        return misspelt
    said = _array_dtype_for_a_tensor(message) or _iterator_needs_a_buffer(parsed, message)
    if said:
        return said
    line = re.sub(r"'[^']*'|\"[^\"]*\"", "''", parsed.user_line)
    if "can only assign an iterable" in message and _SLICE_ASSIGNED.search(line):
        return (
            "A slice (`x[0:2] = ...`) takes a list or other iterable, one item per position it "
            "replaces: write e.g. `x[0:2] = [v, v]`, or assign each index on its own."
        )
    return ""


# PyTorch's refusal of a NumPy array whose dtype no tensor has (`torch.tensor`, `from_numpy`).
_TENSOR_DTYPE = re.compile(r"can't convert np\.ndarray of type numpy\.(\w+)\. The only supported")
# NumPy's nditer asked to give items of another dtype (or layout) than the array holds.
_NDITER_COPY = re.compile(r"Iterator operand required copying or buffering, but neither")


def _array_dtype_for_a_tensor(message: str) -> str:
    """PyTorch named the dtype of the array it refused: text and Python objects are values to
    convert (no argument's number or order is at fault), another number type a cast."""
    refused = _TENSOR_DTYPE.search(message)
    if refused is None:
        return ""
    kind = refused.group(1)
    if kind in ("str_", "bytes_", "unicode_", "string_"):
        return (
            f"The array holds text (`numpy.{kind}`), and a tensor holds only the number and bool "
            "types the message lists: print a few of its values and convert them to numbers "
            "first (`.astype(np.float32)` for numbers written as text; words need an encoding)."
        )
    if kind == "object_":
        return (
            "The array holds Python objects (mixed types, text, or lists of different lengths), "
            "which no tensor holds: print a few of its values and build a numeric array first "
            "(`np.asarray(x).astype(np.float32)` after encoding text)."
        )
    return (
        f"A tensor cannot hold `numpy.{kind}` values: convert the array to one of the types the "
        "message lists first (e.g. `.astype(np.int64)` or `.astype(np.float32)`)."
    )


def _iterator_needs_a_buffer(parsed: ParsedError, message: str) -> str:
    """`np.nditer` must cast or copy the array to give what was asked (`op_dtypes=['S']`), which
    it does only when allowed: the flag the message means is the fix."""
    if _NDITER_COPY.search(message) is None:
        return ""
    asked = "the `op_dtypes` you ask for" if "op_dtypes" in parsed.user_line else "another form"
    return (
        f"`np.nditer` must convert the array to {asked}, which needs a buffer or a copy: pass "
        "`flags=['buffered']` (or `op_flags=['readonly', 'copy']`)."
    )


_TAKES_NO_ARGUMENTS = re.compile(r"^(\w+)\(\) takes no arguments")
_METHODS = re.compile(r"^\s+def\s+(_\w*)\s*\(\s*self\b", re.M)


def _misspelt_init(parsed: ParsedError, message: str) -> str:
    """`MyClass(7)` raised "MyClass() takes no arguments" and the class defines `__int__` (or
    `_init_`, `__init`): Python found no `__init__`, so the class takes no arguments."""
    taken = _TAKES_NO_ARGUMENTS.match(message)
    if taken is None:
        return ""
    name = taken.group(1)
    for code in (parsed.user_code, *parsed.notebook_code):
        for body in re.finditer(rf"^class\s+{name}\b.*?(?=^\S|\Z)", code, re.M | re.S):
            misspelt = next(
                (
                    method
                    for method in _METHODS.findall(body.group(0))
                    if method != "__init__" and edit_distance(method, "__init__", 2) <= 2
                ),
                "",
            )
            if misspelt:
                return (
                    f"`{name}` defines `{misspelt}`, not `__init__`, so Python gives it no "
                    f"constructor that takes arguments: rename it `__init__`."
                )
    return ""


def no_call_look(parsed: ParsedError, on: str) -> str:
    """The TypeError look for a line that calls no function (an operator, an augmented or a
    slice assignment): no parameter is there to check the values against."""
    line = re.sub(r"'[^']*'|\"[^\"]*\"", "''", parsed.user_line)
    if parsed.user_line.strip() and not _CALL.search(line):
        return f"Print `type(...)` of the values {on} and compare them with what the message says."
    return ""


_COMMAND_FAILED = re.compile(r"Command '(.*)' returned non-zero exit status (-?\d+)", re.S)
# A `(` after an argument of the same command (`ls my file (1).txt`, `echo a(1)`): the shell's
# syntax error. Not a subshell at a command's start, `$(…)`, `<(…)`, `>(…)` nor `f() {`.
_PAREN_IN_ARGUMENTS = re.compile(r"[^\s;&|($<>]\s*\((?!\)\s*\{)")
# `ls` exits with status 2 when it cannot access a path it was given (GNU coreutils).
_LS_FAILED = re.compile(r"Command '\['ls',\s*(?:'-\w+',\s*)*'([^'-][^']*)'\]' .*exit status 2\b")


def failed_command_look(parsed: ParsedError) -> str:
    """A shell command (`!cmd`, `%%shell`, `subprocess.run(..., check=True)`) that exited with
    an error: the command's own output says why (a subprocess's goes to the kernel's terminal,
    not the notebook, so it is run alone to see it); `ls` that could not access its path (exit
    status 2); a `(` among its arguments outside quotes is a syntax error of the shell (a file
    name such as `x (1).ipynb`)."""
    failed = _COMMAND_FAILED.search(parsed.message[:2_000])
    if parsed.ename != "CalledProcessError" or failed is None:
        return ""
    listed = _LS_FAILED.search(parsed.message[:1_000])
    if listed:
        return (
            f"`ls` could not access `{listed.group(1)}` (exit status 2): that folder does not "
            "exist where this notebook runs; point the code at the folder that holds your data "
            "(`os.listdir(...)` shows what is there)."
        )
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "''", failed.group(1))
    paren = _PAREN_IN_ARGUMENTS.search(unquoted)
    if paren:
        word = re.search(r"\S*\($|\S*\(\S*", unquoted[: paren.end() + 20])
        shown = f" (`{word.group()}`)" if word else ""
        return (
            f"The command has a parenthesis outside quotes{shown}, which the shell reads as its "
            'own syntax: put the file name (or argument) that holds it in quotes (`"..."`).'
        )
    return (
        f"The command itself failed (exit status {failed.group(2)}), not Python: run it alone "
        "in a cell with `!` to see its own error message."
    )


_NO_CHECKPOINT_MATCH = "Nothing except the root object matched a checkpointed value"


def library_assert_look(parsed: ParsedError, on: str) -> str:
    """A library's own `assert` (not the user's) whose message says the data is empty
    (pingouin's "y cannot be an empty list or array"): the data passed, not a condition of the
    user's, is what to look at."""
    if raised_in_user_code(parsed):
        return ""
    if _NO_CHECKPOINT_MATCH in parsed.message[:300]:
        # TensorFlow's check that a restore matched anything: the values it tests are its own
        return (
            "No variable of this model matched a value in the checkpoint: it was most likely "
            "saved by another model (other layers, or a TF1 graph); build the model that wrote "
            "it before loading, or load a checkpoint this model saved."
        )
    if not _EMPTY.search(message_opening(parsed.message)):
        return ""
    return (
        f"The library's check says the data is empty: print the length of the values {on} and "
        "check the step that built them (a filter that matched no row, a read that found "
        "nothing)."
    )


_UNFED = re.compile(r"You must feed a value for placeholder tensor '([^']+)'")


def fed_placeholder_look(parsed: ParsedError) -> str:
    """TensorFlow 1's "You must feed a value for placeholder tensor 'x'" on a line that passes a
    `feed_dict`: the message's "feed it" misses the usual cause, an op of an older graph (each
    run of a cell that builds the model adds new placeholders beside the old ones), whose
    placeholder the dict's new ones are not."""
    unfed = _UNFED.search(parsed.message[:300])
    if unfed is None or "feed_dict" not in parsed.user_line:
        return ""
    return (
        f"If `feed_dict` already feeds '{unfed.group(1)}', the op belongs to an older graph "
        "(each run of a cell that builds the model adds new placeholders): call "
        "`tf.reset_default_graph()` at the top of that cell, or restart the kernel, and run the "
        "cells in order; else add it to `feed_dict`."
    )


# Keras's `Model.call` of a model that is neither Functional nor a subclass: "When subclassing
# the `Model` class, you should implement a `call` method."
_SUBCLASS_ADVICE = re.compile(r"When subclassing the `Model` class, you should implement")


def unsubclassed_model_look(parsed: ParsedError) -> str:
    """Keras's advice for a subclass of `Model` where the notebook defines none and makes the
    object it calls with `Model(...)`: when that object ran, it was a plain `Model` not made
    from inputs and outputs (no Functional graph), which has no `call` of its own; the advice
    to write one is for code the user does not have. "" when a class of the code seen
    subclasses something named `…Model`, the object is made otherwise (an imported class, a
    file), or only the cell is seen (another cell may define a subclass)."""
    if _SUBCLASS_ADVICE.search(parsed.message[:300]) is None:
        return ""
    code, whole = seen_code(parsed)
    if not whole or re.search(r"^[ \t]*class[ \t]+\w+[ \t]*\([^)]*Model\b", code, re.M):
        return ""
    call = failing_call(parsed)
    if call is None or "." not in call.function:
        return ""
    owner = call.function.rsplit(".", 1)[0]
    made = rf"^[ \t]*{re.escape(owner)}[ \t]*=[ \t]*(?:[\w.]+\.)?Model\("
    if not re.search(made, code, re.M):
        return ""
    return (
        f"No class of your notebook subclasses `Model`: `{owner}` was a plain Keras `Model` "
        "not made from inputs and outputs when this ran, and such a model has no `call` of its "
        "own; make it from connected layers, `Model(inputs=…, outputs=…)`, before this call."
    )


# Matplotlib's `hist`: "must have one color per dataset, but 60 datasets and 1 colors were provided"
_DATASETS_PER_COLOR = re.compile(r"one color per dataset, but (\d+) datasets and (\d+) colors")


def hist_datasets_look(parsed: ParsedError) -> str:
    """`plt.hist(x, color='g')` where `x` is 2-D: `hist` draws each column as a dataset of its
    own, so the colour named is fine for the one dataset meant; both readings are given. The
    older message counts nothing: then only when the line's `hist` names one colour, a string."""
    m = _DATASETS_PER_COLOR.search(parsed.message[:1_000])
    if m is not None and int(m.group(1)) > int(m.group(2)):
        return (
            f"`hist` reads each column of a 2-D array (each item of a list) as a dataset, "
            f"{m.group(1)} here: for one histogram pass 1-D data (`x.ravel()`); to draw them "
            "all, pass one colour per dataset."
        )
    if m is not None or "one color per dataset" not in parsed.message[:200]:
        return ""
    call = _HIST_ONE_COLOUR.search(parsed.user_line)
    if call is None and any(
        f.library == "matplotlib" and f.function == "hist" for f in parsed.frames
    ):
        # a wrapper (`sns.distplot(x, color="red")`) handed its one colour to matplotlib's hist
        call = _ONE_COLOUR_CALL.search(parsed.user_line)
    if call is None or _COLOUR_LETTERS.fullmatch(call.group(1)[1:-1]):
        return ""
    data = (call_arguments(parsed.user_line[call.start() :]) or ["x"])[0].strip()
    data = data if data.isidentifier() else "x"
    return (
        f"`color={call.group(1)}` is one colour, but `hist` reads each column of a 2-D array "
        f"(each item of a list) as a dataset: for one histogram pass 1-D data "
        f"(`{data}.ravel()`), or pass one colour per dataset."
    )


# LangChain's query constructor:
# "Parsing text\n<the model's answer>\n raised following error:\n<why>".
_PARSED_ANSWER = "\n raised following error:\n"
# "Received unrecognized function contains. Valid functions are [<Comparator.EQ: 'eq'>, ...]"
_UNKNOWN_FUNCTION = re.compile(r"unrecognized function (\w+)\. Valid functions are \[(.*?)\]")
_ENUM_VALUE = re.compile(r": '(\w+)'>")


def model_answer_unparsed_look(parsed: ParsedError) -> str:
    """LangChain's "Parsing text ... raised following error": the text it quotes is the language
    model's answer (often echoing the prompt's own instructions), not advice to the user; what
    failed is the parse of that answer, told after "raised following error"."""
    said = parsed.message
    if not said.startswith("Parsing text") or _PARSED_ANSWER not in said[:20_000]:
        return ""
    why = said[said.index(_PARSED_ANSWER) + len(_PARSED_ANSWER) :].strip()
    unknown = _UNKNOWN_FUNCTION.search(why[:2_000])
    if unknown:
        valid = ", ".join(_ENUM_VALUE.findall(unknown.group(2))) or "the message's list"
        told = (
            f"the model wrote the filter function `{unknown.group(1)}`, which the parser does "
            f"not know (valid: {valid})"
        )
    else:
        first = why.splitlines()[0].strip() if why else "its text is no valid request"
        told = f"the model's answer did not parse ({first[:120].rstrip('.')})"
    return (
        f'The text after "Parsing text" is the language model\'s answer, not advice to you: '
        f"{told}; run it "
        "again, use a stronger model, or add examples of valid requests to the prompt."
    )


# `color='rg'`: the matplotlib that says no counts reads a string that names no colour one letter
# at a time, so it is two colours (one per dataset of 1-D data is what failed), not one.
_COLOUR_LETTERS = re.compile(r"[bgrcmykw]{2,}")
# A `hist(...)` call whose `color=` is one quoted colour (`color='r'`, `color="#1f77b4"`).
_HIST_ONE_COLOUR = re.compile(r"\bhist\s*\((?=[^\n]*\bcolou?r\s*=\s*(['\"][^'\"\[\](),]*['\"]))")
# Any call of the line that names one colour, a string (`sns.distplot(x, color="red")`).
_ONE_COLOUR_CALL = re.compile(r"\b\w+\s*\((?=[^\n]*\bcolou?r\s*=\s*(['\"][^'\"\[\](),]*['\"]))")


# Python's `re` compiles the pattern in these modules (`sre_parse` before Python 3.11).
_REGEX_MODULES = frozenset({"re", "sre_parse", "sre_compile"})
# What `re` says of a pattern it cannot compile → the sign at fault (and why), what to do with
# it, and how to write it to match the sign itself.
_REGEX_FAULTS = {
    "unbalanced parenthesis": ("`)` that no `(` opens", "add its pair or remove it", "`\\)`"),
    "missing ), unterminated subpattern": ("`(` that no `)` closes", "close it", "`\\(`"),
    "unterminated character set": ("`[` that no `]` closes", "close it", "`\\[`"),
    "nothing to repeat": ("`*`, `+`, `?` or `{` after nothing to repeat", "remove it", "`\\*`"),
    "multiple repeat": ("`*`, `+` or `?` right after another", "remove one", "`\\*`, `\\+`"),
}
# A pattern given as written: a plain or raw string literal (no f-string) with nothing added.
_PLAIN_PATTERN = re.compile(r"""[rRbB]{0,2}(['"])[^'"]*\1""")
_STRING = re.compile(r"""[rRbBfFuU]{0,2}['"]""")


def regex_pattern_look(parsed: ParsedError) -> str:
    """A regular expression `re` could not compile (raised in `re`'s own parser, in its
    wording): the sign at fault and how to write it to match it as text. The pattern is the
    user's call's first argument; one built from other text (`rf"\\b{word})"`, a variable) may
    hold the sign in that text, so `re.escape` is named too. "" otherwise."""
    last = parsed.last_frame
    if last is None or last.package not in _REGEX_MODULES:
        return ""
    said = next((words for words in _REGEX_FAULTS if parsed.message.startswith(words)), "")
    if not said:
        return ""
    sign, action, escaped = _REGEX_FAULTS[said]
    call = failing_call(parsed)
    pattern = call.arguments[0] if call is not None and call.arguments else ""
    if not (call is not None and call.function.startswith("re.")) and not _STRING.match(pattern):
        pattern = ""  # the first argument of another function need not be the pattern
    written = f" `{pattern}`" if pattern and len(pattern) <= 40 else ""
    inserted = (
        "; if it comes from text put into the pattern, pass that text through `re.escape(...)`"
        if not _PLAIN_PATTERN.fullmatch(pattern)
        else ""
    )
    return (
        f"The pattern{written} has a {sign} (the message's position counts from the pattern's "
        f"start): {action}, or write {escaped} to match the sign itself{inserted}."
    )
