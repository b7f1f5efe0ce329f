"""The hint a student reads, and the evidence it rests on.

``make_hint(parsed, labels, matches)`` picks the most specific template it can fill: the template
of the rule that fired (each family in ``rules/`` keeps its templates next to its rules, see
``rules.HINTS``), with the specifics the rule found (module, package, shapes, column, replacement
API, ...); failing that, a generic hint for the crash type, with what the parser found where it
helps. Each hint is one or two sentences. Notebook-cause hints (cell order, an earlier failing
cell) come from the notebook analysis, not from here.

The generic (safe) hint reads the message through ``message_words`` (its gist, the fix it
states, a wrapped error's words), ``special_crashes`` (a dead kernel, IPython failing to show an
earlier error) and ``input_failures`` (failures that no input of the user explains).
"""

from __future__ import annotations

import builtins
import re
import sys
from collections.abc import Mapping, Sequence

from .. import taxonomy
from .code_slips import code_slip_hint
from .definitions import seen_code
from .estimator_looks import float_array_with_categories_look, wrapped_estimator_look
from .frame_looks import (
    caught_everything_look,
    keras2_library_look,
    keras_callback_look,
    keras_tensor_in_library_look,
    library_recursion_look,
    library_to_library_look,
    no_match_in_code_look,
    own_attribute_look,
    own_type_unhandled_look,
    tensor_truth_in_library_look,
    tensor_truth_in_tensorflow_look,
    traced_cell_line_look,
    unset_own_attribute_look,
)
from .input_failures import named_failure, not_about_inputs, r_cell_look, spark_pythons_look
from .message_looks import (
    abstract_class_look,
    argument_twice_look,
    callback_arguments_look,
    debugger_quit_look,
    disabled_function_look,
    failed_command_look,
    fed_placeholder_look,
    fits_hdu_look,
    float_range_look,
    hist_datasets_look,
    image_mode_look,
    key_sentence_look,
    layer_given_for_a_tensor_look,
    library_assert_look,
    message_opening,
    missing_plugins_look,
    mixed_kinds_look,
    model_answer_unparsed_look,
    module_attribute_look,
    no_call_look,
    not_callable_look,
    openml_name_look,
    precedence_look,
    python2_look,
    quoted_comparison_look,
    rc_setting_look,
    regex_pattern_look,
    renamed_aggregation_look,
    service_status_look,
    sparse_look,
    time_zones_look,
    type_message_look,
    unsubclassed_model_look,
    value_message_look,
    wide_form_look,
)
from .message_words import (
    WRAPPER,
    inner_gist,
    message_gist,
    one_sentence,
    refusal_before_fix,
    stated_fix,
)
from .parameter_counts import exactly_so_many_look
from .rules import CATCH_ALL, HINTS, RuleMatch, embedded_error
from .rules.attribute_reads import read_inside
from .rules.files import cloned_folder_of, errno_look
from .rules.imports import module_not_found_hint
from .rules.keys import missing_key_hint
from .rules.memory import DISK_FULL_WORDS, OUT_OF_MEMORY_WORDS
from .rules.module_names import package_for
from .rules.names import undefined_name_hint
from .saved_objects import other_version_hint
from .special_crashes import annotation_arrow_look, display_failure, special_hint
from .text import (
    allowed_values,
    article,
    closest_allowed,
    code_span,
    literal_argument,
    named_arguments,
)
from .traceback import GLUE_PACKAGES, ParsedError, is_cell_file, strip_ansi
from .where import (
    MAX_CALL,
    call_arguments,
    else_branch_of,
    failing_call,
    failing_line_number,
    own_lines,
    passes_only_literals,
    raised_in_user_code,
    raised_outside_notebook,
    unconditional_raise_number,
)


def _ufunc_given_out(parsed: ParsedError) -> str:
    """NumPy's ufuncs (`np.log`, `np.sqrt`) take a value after their inputs as the array to
    write into (`out`): a second number there is what "return arrays must be of ArrayType"
    refuses."""
    star = re.search(r"^\s*from\s+numpy\s+import\s+\*", parsed.user_code, re.M)
    shadow = (
        ": here `from numpy import *` replaced `math`'s function of that name; import `math` "
        "and call it from there (e.g. `math.log(x, base)`)"
        if star
        else ": pass only the function's inputs (`np.log(x) / np.log(base)` for another base)"
    )
    return (
        "A NumPy function got one value more than its inputs, and took it as the array to "
        f"write the result into (`out`){shadow}."
    )


def _message_tells_a_fix(parsed: ParsedError) -> bool:
    """The message tells the user to set, install or update something (Aesara's "set
    MKL_THREADING_LAYER=GNU in your environment"): a restart would not change that."""
    # Colab appends its own "NOTE: ... install dependencies" to every import failure.
    own = parsed.message[:1_000].split("NOTE: If your import is failing", 1)[0]
    return bool(_FIX_WORDS.search(own))


_FIX_WORDS = re.compile(r"\b(?:set|install|update|upgrade|downgrade|reinstall)\b", re.I)


def _raised_without_message(parsed: ParsedError) -> bool:
    """The traceback's own last line is the bare name (`SpreadsheetNotFound: `): the exception
    was raised without a message, none was lost in saving, and running again shows no more."""
    lines = [strip_ansi(line).strip() for line in parsed.text.splitlines() if line.strip()]
    last = lines[-1].rstrip(":").rsplit(".", 1)[-1] if lines else ""
    return bool(parsed.ename) and last == parsed.ename and not hasattr(builtins, parsed.ename)


def _bare_raise_look(parsed: ParsedError) -> str:
    """The library's failing line is `raise ValueError` with no message: nothing was lost in
    saving, and running again shows no more; the `if` just above it is the whole account."""
    last = parsed.last_frame
    if last is None or last.is_user or not parsed.ename:
        return ""
    line = last.failing_line.strip()
    if line not in (f"raise {parsed.ename}", f"raise {parsed.ename}()"):
        return ""
    where = f"`{last.library}`'s `{last.function}`" if last.library else f"`{last.function}`"
    lines = list(last.code_lines)
    # the shown lines keep no arrow: with two same `raise` lines, which one failed is not told
    at = lines.index(line) if lines.count(line) == 1 else -1
    test = lines[at - 1].strip() if at > 0 else ""
    if test.startswith(("if ", "elif ")) and test.endswith(":") and len(test) <= 160:
        return (
            f"{where} ends in a bare `{line}`, with no message, so running again shows no "
            f"more: the check just above it, `{test}`, is what failed; compare the values it "
            "tests with what you pass."
        )
    return (
        f"{where} ends in a bare `{line}`, with no message, so running again shows no more: "
        "the lines just above it in the traceback show the check that failed."
    )


# Exceptions raised without a message whose name alone tells the cause and the fix.
_TOLD_BY_NAME = {
    "ReactorNotRestartable": (
        "Twisted's reactor, which Scrapy runs on, cannot start twice in one kernel: restart the "
        "kernel before crawling again, or run each crawl in its own process (`!scrapy crawl …`)."
    ),
}


def _name_is_the_account(parsed: ParsedError) -> str:
    if parsed.ename in _TOLD_BY_NAME:
        return _TOLD_BY_NAME[parsed.ename]
    library = parsed.api_library or parsed.library
    whose = f"`{library}`'s" if library else "the library's"
    return (
        f"`{parsed.ename}` comes without a message, so running again shows no more: its name "
        f"is {whose} whole account of what failed; look it up in that library's documentation "
        "for what causes it."
    )


def make_hint(
    parsed: ParsedError, labels: Mapping[str, str | None], matches: Sequence[RuleMatch] = ()
) -> tuple[str, list[str]]:
    """(hint, evidence) for a diagnosed crash; never raises. ``matches`` are the rules that fired
    on it, best first, as ``matching_rules`` returns them.

    A template is chosen by what the message says (the rules that fired on it), not by the
    model's label: the most confident rule first (the label breaks ties), catch-all rules last.
    A template returns None when its conditions do not hold on this crash; then the next rule's
    template is tried, and finally the safe hint of the exception's family."""
    crash_type = labels.get("crash_type") or (matches[0].crash_type if matches else "other")
    ordered = sorted(
        matches,
        key=lambda m: (m.rule in CATCH_ALL, -m.confidence, m.crash_type != crash_type),
    )
    evidence = _evidence(parsed, ordered[0] if ordered else None)
    if display_failure(parsed) is not None or own_raise(parsed):
        # IPython's display broke on an earlier error, or the user's own `raise` wrote the
        # message (a library's wording in it is no sign of that library's failure): no template
        # reads it.
        ordered = []
    if parsed.ename != "NameError" and "NameError: " in parsed.message:
        # a wrapper (Py4J's Java error) carries a NameError raised in a file of the user's, on a
        # Spark worker or in a subprocess: the kernel's names and cells do not explain it
        elsewhere = _embedded_own_frame_look(parsed)
        if elsewhere.startswith("The NameError"):
            return elsewhere, evidence
    slip, why = code_slip_hint(parsed)
    if slip:  # the cell's own slip explains what any template would blame on the library
        return slip, [*evidence, why]
    saved = other_version_hint(parsed)
    if saved:  # not a broken install or a shadowing file: the loaded file's library version
        return saved, [*evidence, "a loaded file refers to library internals this version lacks"]
    for match in ordered:
        template = HINTS.get(match.rule)
        if template is None:
            continue
        try:
            hint = template(parsed, match.facts)
        except Exception:  # pragma: no cover - a template bug must not break a diagnosis
            hint = None
        if hint:
            return " ".join(hint.split()), evidence
    # A wrapper (TensorFlow's "Graph execution error", Keras's "in user code:", a DataLoader
    # worker's "Caught ... Original Traceback") is no account of the crash: its inner error is.
    inner = embedded_error(parsed) or parsed
    worker = _embedded_own_frame_look(parsed) if inner is not parsed else ""
    if worker:
        return worker, evidence
    return " ".join(_generic_hint(inner, crash_type).split()), evidence


# The last frame of a Python traceback printed inside a message (a Spark worker's, a
# subprocess'): its file, line, function, code line, then the error line.
_EMBEDDED_FRAME = re.compile(
    r'File "([^"\n]+)", line (\d+), in ([\w<>]+)\n[ \t]+([^\n]+)\n'
    r"([A-Za-z_][\w.]*(?:Error|Exception)): ([^\n]*)"
)
# Where installed packages and Python's own modules live (a Spark zip of pyspark too, and
# Spark's own unzipped `python/pyspark` folder, as Databricks and a Spark install have it).
_INSTALLED_PLACE = re.compile(
    r"site-packages|dist-packages|\.zip[\\/]|[\\/]lib[\\/]python\d[\d.]*[\\/]|[\\/]Lib[\\/]"
    r"|[\\/](?:pyspark|py4j)[\\/]",
    re.I,
)


def _embedded_own_frame_look(parsed: ParsedError) -> str:
    """A wrapper's message (Py4J's "PythonException: Traceback ...") carries a Python traceback
    whose last frame lies outside the installed packages: the error was raised in that file's
    line, not in the library the cell called; else ""."""
    message = parsed.message[:20_000]
    if "Traceback (most recent call last)" not in message:
        return ""
    found = None
    for match in _EMBEDDED_FRAME.finditer(message):
        found = match
    if found is None:
        return ""
    path, line, function, code, ename, text = found.groups()
    if _INSTALLED_PLACE.search(path) or path.startswith("<") or is_cell_file(path):
        return ""  # (a cell's function shipped to a worker keeps its cell's file name)
    folders = re.split(r"[\\/]", path)[:-1]
    if any(f.library and f.package in folders for f in parsed.frames):
        return ""  # a folder named for a package the cell's traceback runs through: its copy
    name = re.split(r"[\\/]", path)[-1]
    where = "on a Spark worker, " if "worker.py" in message else ""
    if ename == "NameError":
        ipython = "get_ipython()" in code
        fix = (
            "`get_ipython()` (a magic left from a notebook) exists only in IPython, so replace "
            "it in that file with plain Python (imports)"
            if ipython
            else "that file runs apart from this kernel's names, so define or import it there"
        )
        return (
            f"The NameError was raised {where}in `{name}` (line {line}, on "
            f"{code_span(code, 50)}), not in this kernel: {fix}, then load the file again."
        )
    return (
        f"The {ename.rsplit('.', 1)[-1]} was raised {where}in `{name}` (line {line}, in "
        f"`{function}`), a file outside the installed packages, on {code_span(code, 60)}: "
        f"{one_sentence(text.strip()[:160]).rstrip('.')}. Check the values that line uses there "
        f"(print them inside `{function}`): the library only passed the error on."
    )


def own_raise(parsed: ParsedError) -> bool:
    """The user's own ``raise`` statement in a cell raised the error."""
    return parsed.user_line.strip().startswith("raise ") and raised_in_user_code(parsed)


def _generic_hint(parsed: ParsedError, crash_type: str) -> str:
    """The hint when no rule's template speaks: what the exception itself makes certain (an
    undefined name, a missing key or module, two shapes), else the safe hint of its family.

    Keyed by the exception, never by the model's crash type alone: the model may be wrong, and a
    hint must stay true whatever label it chose."""
    message = parsed.message
    if parsed.ename == "UndefinedVariableError" and parsed.names:
        # pandas' query/eval reads a bare name as a column of the frame
        name = parsed.names[0]
        return (
            f"`{name}` in the query string is no column of the frame: check `df.columns` for its "
            f"spelling (a name with spaces needs backticks, a Python variable `@{name}`)."
        )
    if parsed.names and (
        parsed.ename in ("NameError", "UnboundLocalError") or _UNDEFINED.search(message)
    ):
        what = "function" if crash_type == "name_error" else "variable"
        return undefined_name_hint(parsed, {"name": parsed.names[0]}, what)
    if parsed.keys:  # a KeyError's key, or the labels pandas lists as "not in index"
        container = "DataFrame" if "pandas" in parsed.libraries else "dict"
        hint = missing_key_hint(parsed, {"key": parsed.keys[0], "container": container})
        return hint or safe_hint(parsed)
    if parsed.modules and _NO_MODULE.search(message):
        module = parsed.modules[0]
        return module_not_found_hint(
            parsed,
            {"module": module, "top_module": module.split(".")[0], "package": package_for(module)},
        )
    placeholder = _broken_percent_placeholder(parsed)
    if placeholder:
        return placeholder
    return safe_hint(parsed)


# Python's words for a `%` in a format string followed by no conversion letter.
_BAD_FORMAT = re.compile(r"unsupported format character '(.)' \(0x[0-9a-f]+\) at index (\d+)")


def _broken_percent_placeholder(parsed: ParsedError) -> str:
    """`'a=%, b=%.f' % (x, y)` raised on the cell's own line: the format string is at fault, not
    the values it formats (a library's own `%` formatting raises below the line instead)."""
    m = _BAD_FORMAT.search(parsed.message)
    last = parsed.last_frame
    if not m or last is None or not last.is_user or "%" not in parsed.user_line:
        return ""
    return (
        f"The format string has a `%` followed by '{m.group(1)}' (at index {m.group(2)}), which "
        "is no placeholder: complete it (`%d`, `%s`, `%.1f`), or write `%%` for a percent sign."
    )


_UNDEFINED = re.compile(
    r"name '\w+' is not defined|referenced before assignment|cannot access (?:local|free) variable"
)
_NO_MODULE = re.compile(r"No module named|cannot import name")
# What to look at, by exception family: true of every crash of that family, never a guessed
# cause. "{call}" is the user's call into the library ("`model.fit(X, y)`") or "the marked line".
_LOOK: dict[str, str] = {
    "KeyError": "Print the keys (or `df.columns`) of what is looked up {on}, and compare them "
    "with the missing one.",
    "IndexError": "Print the length or `.shape` of what is indexed {on}, and the index used.",
    "ValueError": "Print the values {on} (with their `.shape` and `.dtype`) and compare them with "
    "what the message asks for.",
    # Not only the types: a value in the wrong parameter (`np.zeros(2, 2)` puts 2 in `dtype`)
    # or one too many or too few reads as a type error too.
    "TypeError": "Print `type(...)` of the values {on}, and check their number and order "
    "against the function's parameters (`help(...)`): compare both with what the message says.",
    "AttributeError": "Print `type(...)` of the object before the dot: it is not the kind of "
    "object the code expects, or your library version names the attribute differently.",
    "ZeroDivisionError": "One of the divisors {on} is 0: print them.",
    "AssertionError": "An `assert` condition was false: print the values it tests.",
    "FileNotFoundError": "Print `os.getcwd()` and list the folder (`os.listdir(...)`) to compare "
    "the path with what exists.",
    "OSError": "Print the path or resource used {on}, and `os.getcwd()` for a relative path.",
    "MemoryError": "Use less data at once (a sample, smaller batches, a smaller dtype), then "
    "restart the kernel to free memory.",
    "RecursionError": "A function calls itself (directly or through others) without reaching "
    "its stop condition.",
    "ImportError": "Check the installed version of the package (`%pip show <package>`) against "
    "the documentation you follow.",
    "NotImplementedError": "This operation is not implemented for these objects (in a class of "
    "yours, a method that a subclass must override).",
    "StopIteration": "An iterator was already exhausted: create it again before reading it.",
}
# Any other exception: the message is the library's (or Python's) own account.
_LOOK_ELSE = "Check the inputs {on} against that message."
# Exceptions that read like another family for the hint.
_FAMILY = {
    "UnboundLocalError": "NameError",
    "IsADirectoryError": "OSError",
    "PermissionError": "OSError",
    "NotADirectoryError": "OSError",
    "ModuleNotFoundError": "ImportError",
    "InvalidArgumentError": "ValueError",
    "UnicodeDecodeError": "ValueError",
    "JSONDecodeError": "ValueError",
}
# A hint a card shows whole: a longer safe hint quotes the call by its name only.
_HINT_MAX = 360
# A line of a statement that spans several (IPython marks one of them): not worth quoting alone.
_FRAGMENT = re.compile(r"[,(\[{\\]$|^[)\]}.]|^\w+\s*=\s*[^=]*,$")


_MAGIC = re.compile(r"get_ipython\(\)\.run_(line|cell)_magic\('(\w+)',\s*'([^']*)'")
_SHELL_MAGIC = re.compile(r"get_ipython\(\)\.(?:system|getoutput)\(")
# An installed package's file (not the user's own module next to the notebook).
_INSTALLED = re.compile(r"[\\/](?:site|dist)-packages[\\/]|[\\/]lib[\\/]python\d")
# pandas' refusal to set one label of an Index (TypeError today, a bare Exception in pandas < 0.20)
_INDEX_IMMUTABLE = re.compile(
    r"^Index does not support mutable operations|^<class 'pandas\.[\w.]*Index'> object is immutable"
)
_IMPORT_LINE = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))")


def _as_written(line: str) -> str:
    """The line as the user typed it: ``%load x`` rather than IPython's translation."""
    m = _MAGIC.search(line)
    if m is None:
        return line
    return f"%{m.group(2)} {m.group(3)}".strip() if m.group(1) == "line" else f"%%{m.group(2)}"


def _raising_library_called(parsed: ParsedError, call_text: str) -> str | None:
    """The library that raised, when the called object comes from it although the call went in
    through another one's frames: `encoder.fit_transform(X)` with `encoder = ce.OrdinalEncoder()`
    runs scikit-learn's inherited `fit_transform`, then category_encoders' own check raises.
    Only when the code seen imports that library under the name the call starts from (or that
    name is built from it), else None: the first library the call entered is then named."""
    last = parsed.last_frame
    root = re.match(r"[A-Za-z_]\w*", call_text)
    if last is None or not last.library or root is None:
        return None
    package = re.escape(last.library)
    code = parsed.code_seen
    aliases = set(re.findall(rf"^\s*import\s+{package}(?:\.\w+)*\s+as\s+(\w+)", code, re.M))
    aliases |= set(re.findall(rf"^\s*from\s+{package}(?:\.\w+)*\s+import\s+(\w+)", code, re.M))
    aliases |= {last.library} if re.search(rf"^\s*import\s+{package}\b", code, re.M) else set()
    name = root.group(0)
    built = any(re.search(rf"^\s*{name}\s*=\s*{a}\b", code, re.M) for a in aliases)
    return last.library if name in aliases or built else None


def _balanced(line: str) -> bool:
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", line)
    return all(bare.count(a) == bare.count(b) for a, b in ("()", "[]", "{}"))


def _within_open_brackets(parsed: ParsedError) -> bool:
    """The cell's lines above the failing one leave a bracket open: the failing line is the
    last piece of a statement over several lines (`steps=5000` of `clf.train(\n ...`), which
    quoted alone reads as a statement of its own."""
    number, lines = failing_line_number(parsed), own_lines(parsed)
    # the cell's failing line must be the one quoted (not a deeper frame's, of a function)
    if number <= 1 or lines[number - 1].strip() != parsed.user_line.strip():
        return False
    above = "\n".join(re.sub(r"#.*$", "", line) for line in lines[: number - 1])
    bare = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "", above)
    return sum(bare.count(a) - bare.count(b) for a, b in ("()", "[]", "{}")) > 0


def safe_hint(parsed: ParsedError) -> str:
    """The family's safe hint: what failed and where (the user's call, the library it went
    into), the message's own words and its stated fix (or the values it allows, and the user's
    arguments it names), and what to look at. True for every crash of the family: it guesses no
    cause."""
    special = special_hint(parsed)
    if special:
        return special
    call = failing_call(parsed)
    # A trailing comment is no part of the statement a hint quotes.
    line = re.sub(r"\s+#[^'\"]*$", "", _as_written(parsed.user_line.strip()))
    what = parsed.ename or "an error"
    own = own_raise(parsed)
    arguments = call.arguments if call is not None else tuple(call_arguments(line))
    if call is not None and _MAGIC.search(call.text) is None and not own:
        library = _raising_library_called(parsed, call.text) or call.library
        inside = taxonomy.title("library", library) if library else ""
        if _own_file_raised(parsed):
            # a library ran it (scipy's optimizer calling the user's gradient), but the line
            # that raised is in the user's own module: naming the library points away from it
            inside = ""
        lead = f"`{call.text}` raised {what}" + (f" inside {inside}" if inside else "")
        on = f"in `{call.text if len(call.text) <= 30 else call.function + '(…)'}`"
    elif own:
        function = parsed.last_frame.function if parsed.last_frame else ""
        # `<module>` names no function (and is what a frame shows whose header gives none,
        # as VS Code's `Cell 5 line 1`): naming it `module()` would point at the wrong code
        where = f" in `{function}()`" if re.fullmatch(r"[A-Za-z_][\w.]*", function) else ""
        lead, on = f"Your own code raised {what}{where}", ""
    elif (
        line
        and len(line) <= MAX_CALL
        and not _FRAGMENT.search(line)
        and _balanced(line)
        and not _within_open_brackets(parsed)
    ):
        lead, on = f"`{line}` raised {what}", "on that line"
    else:
        lead, on = f"The marked line raised {what}", "on that line"
    literal_only = line.startswith("%") or (
        bool(arguments) and all(literal_argument(a) for a in arguments)
    )
    gist = inner_gist(parsed) or message_gist(parsed.message)
    cause = _chained_cause(parsed)
    if cause and cause not in gist:
        gist = f"{gist.rstrip('.')} (after {cause})" if gist else cause
    look = _what_to_look_at(parsed, gist, on, arguments, own, literal_only)
    if len(lead) + len(gist) + len(look) > _HINT_MAX and call is not None:
        cut = "(…)" if call.arguments or not call.closed else "()"
        lead = lead.replace(f"`{call.text}`", f"`{call.function}{cut}`", 1)
    first = f"{lead}: {gist}" if gist else lead
    first += "" if first.endswith(("?", "!", "…")) else "."
    return f"{first} {look}"


# Errors a library raises and catches inside itself while looking something up: the error it
# raised next is its own account, and the lookup's key adds nothing.
_LOOKUPS = frozenset(
    {"KeyError", "LookupError", "IndexError", "StopIteration", "KeyboardInterrupt"}
)
# Errors of Python's own kinds that a library's code raises and re-raises as another (counted
# only when a cell's function raised them), and Java wrappers that only say a call failed.
_INTERNAL = frozenset({"TypeError", "ValueError", "AttributeError", "Py4JJavaError"})


def _chained_cause(parsed: ParsedError) -> str:
    """The first error of a chain (``raise … from``, or raised while handling it) when it is of
    another kind than the last and says something the last does not: "ImportError: numpy.core.
    multiarray failed to import" under a SystemError, a TypeError of the user's own function
    under SciPy's RuntimeError. Often that first error is the cause."""
    if not parsed.chain:
        return ""
    name, text = parsed.chain[0]
    if name == "_RemoteTraceback" and len(parsed.chain) > 1 and not re.search(r"\w", text):
        # the worker's traceback opens the chain; the worker's own error follows it (of this
        # very error's kind most often, which the checks below leave out)
        name, text = parsed.chain[1][0], parsed.chain[1][1].rstrip().removesuffix('"""')
    first = " ".join((text.strip().splitlines() or [""])[0].split())
    if not re.search(r"\w", first) or name == parsed.ename or name in _LOOKUPS:
        # no words (a worker's `_RemoteTraceback: """` opens the text of this very error)
        return ""
    if first in parsed.message:
        return ""
    if name in _INTERNAL and not parsed.chain_root_in_cell:
        return ""  # a library's own check that it caught and re-raised as the last error
    return one_sentence(f"{name}: {first if len(first) <= 100 else first[:99] + '…'}")


def _stop_signal_through_a_library(parsed: ParsedError) -> bool:
    """`raise StopIteration` in a callback that a library's frames called (a cell's function
    below a library's frame)."""
    if parsed.ename not in ("StopIteration", "StopAsyncIteration"):
        return False
    frames = parsed.frames
    return len(frames) >= 3 and frames[-1].is_user and any(f.library for f in frames[1:-1])


def _inplace_run_by_a_library(parsed: ParsedError) -> str:
    """Autograd's "modified by an inplace operation" raised under a library other than torch
    (deepctr_torch's `fit`): the library whose step ran it, else ""."""
    said = parsed.message[:500]
    if "inplace" not in said.replace("in-place", "inplace").replace("in place", "inplace"):
        return ""
    runners = [f.library for f in parsed.frames if f.library and f.library != "torch"]
    return runners[0] if runners and parsed.frames[-1].library == "torch" else ""


def _except_names(parsed: ParsedError, cause: str) -> bool:
    """An `except` of the user's code (the cell's, or the lines its frames show) names the first
    error's class (`except ValueError:`, `except (ValueError, KeyError) as e:`): its `raise`
    turns that error into this one on purpose. A bare `except:` or `except Exception:` catches
    a bug of the `try` block's as well (`'Total: ' + 5`), which is no value to pass."""
    name = re.escape(cause.split(":")[0].strip())
    shown = "\n".join([parsed.user_code, *("\n".join(fr.code_lines) for fr in parsed.frames)])
    return re.search(rf"^\W*except\b[^:\n]*\b{name}\b", shown, re.M) is not None


def _what_to_look_at(parsed, gist, on, arguments, own_raise, literal_only) -> str:
    """The safe hint's second sentence: the message's stated fix, else the values it allows and
    the user's arguments it names, else what to look at for the exception's family."""
    sparse = (
        sparse_look(parsed) or layer_given_for_a_tensor_look(parsed) or fed_placeholder_look(parsed)
    )
    if sparse:  # a value of another kind (sparse, a layer) or an older graph's op: no cast helps
        return sparse
    legacy = (
        keras_tensor_in_library_look(parsed)
        or keras2_library_look(parsed)
        or tensor_truth_in_library_look(parsed)
        or tensor_truth_in_tensorflow_look(parsed)
        or model_answer_unparsed_look(parsed)
        or own_type_unhandled_look(parsed)
        or unsubclassed_model_look(parsed)
        or annotation_arrow_look(parsed)
    )
    if legacy:  # the message's advice is for code the user does not own
        return legacy
    r_cell = r_cell_look(parsed)
    if r_cell:  # R's own error under rpy2's wrapper: what R said, not the wrapper's words
        return r_cell
    spark = spark_pythons_look(parsed)
    if spark:  # the message's "check the variables" says less than which to set, and how
        return spark
    # The user's own `raise` wrote the message: what it asks for is the check's wish, and the
    # check itself (`type(input()) != int` is always true) may be what is wrong.
    fix = "" if own_raise else stated_fix(parsed.message)
    runner = _inplace_run_by_a_library(parsed) if fix else ""
    if runner:
        return (
            f"The in-place operation may be in `{runner}`'s code, which ran the step, not in "
            f"yours: if your code has none, this `{runner}` version does not fit your PyTorch; "
            "install one made for it (or the PyTorch it was made for)."
        )
    refusal = refusal_before_fix(parsed.message, fix)
    if refusal and refusal.rstrip(".") not in gist:
        # the service's stock advice follows its reason: the reason is what to resolve
        return (
            f"The message's reason comes first: {refusal.rstrip('.')}; resolve that (what your "
            "account or plan allows) before its other advice."
        )
    if fix and _MULTILABEL_BINARY in parsed.message:
        # the advice fits labels that are really several per sample; one label per sample
        # stored as 2-D rows (a (1, n) array, one-hot rows) only needs flattening
        return (
            "scikit-learn sees 2-D targets with several 0/1 columns (multilabel), while "
            "`average='binary'` expects one label per sample: if each sample has one label, pass "
            "1-D arrays (`.ravel()` of a (1, n) row, `.argmax(axis=1)` of one-hot rows); if "
            "samples really have several labels, pick `average='micro'` or `'macro'`."
        )
    passed = _suggestion_already_passed(parsed, fix)
    if passed:
        return passed
    scalars = _scalars_handed_on(parsed) if fix else ""
    if scalars:
        return scalars
    if fix and fix.rstrip(".!?") not in gist:
        return f"The message says what to do: {fix.rstrip('.')}."
    if fix:  # the quoted message already states its fix: no other look competes with it
        return "Do what the message says; nothing else on the line needs checking first."
    plugins = missing_plugins_look(parsed)
    if plugins:  # the packages the message lists, which its quoted gist cuts off
        return plugins
    failed = named_failure(parsed) or failed_command_look(parsed) or keras_callback_look(parsed)
    if failed:
        # a failure no argument explains (a server, a graph, a missing program): the arguments
        # the message names (a URL, a feed_dict) are not what to change
        return failed
    cause = _chained_cause(parsed)
    if cause and DISK_FULL_WORDS.search(cause):
        # the error before this one (a worker's, writing its data) says why
        return (
            "The error before it says the disk is full: free space on that disk (old outputs, "
            "checkpoints, the temporary folder), then run the cell again."
        )
    if cause and OUT_OF_MEMORY_WORDS.search(cause):
        # the library caught the allocator's failure and re-raised it as its own message
        return (
            "The error before it says memory ran out: free memory (restart the kernel, delete "
            "large objects, close other programs) or use a smaller model, batch or data."
        )
    if cause and parsed.chain_root_in_cell and not (own_raise and _except_names(parsed, cause)):
        # a function of the user's failed first, and the library's error followed from it (a
        # `raise` of the user's in its `except` turned the first error into this one on purpose)
        return (
            f"The first error ({cause.split(':')[0]}) was raised in your own code and led to this "
            "one: fix it first."
        )
    literal = _bytes_literal_path_look(parsed)
    if literal:
        return literal
    series = _series_axis_look(parsed)
    if series:
        return series
    # the argument the message names is fine: another one lands in its place, or a library
    # calls the user's function without it
    twice = (
        argument_twice_look(parsed)
        or abstract_class_look(parsed)
        or callback_arguments_look(parsed)
        or mixed_kinds_look(parsed)
        or (precedence_look(parsed) if parsed.ename in ("TypeError", "ValueError") else "")
        or quoted_comparison_look(parsed)
        or wide_form_look(parsed)
        or renamed_aggregation_look(parsed)
        or wrapped_estimator_look(parsed)
        or float_array_with_categories_look(parsed)
        or openml_name_look(parsed)
        or fits_hdu_look(parsed)
        or hist_datasets_look(parsed)
        or regex_pattern_look(parsed)
        or _frame_only_plot_look(parsed)
    )
    if twice:
        return twice
    caught = caught_everything_look(parsed)
    if caught:  # the message names one cause of any the library's check caught
        return caught
    counted = exactly_so_many_look(parsed)
    if counted:  # the arguments the message names are fine one by one; their number is not
        return counted
    given, near = closest_allowed(parsed.message, arguments)
    if near:
        return f"`{given}` is not among the values it allows: did you mean `{near}`?"
    allowed = allowed_values(parsed.message, gist)
    passed = named_arguments(
        parsed, arguments, gist if WRAPPER.search(parsed.message) else parsed.message
    )
    quoted = " and ".join(f"`{a}`" for a in passed)
    if allowed and quoted:
        return f"Compare {quoted} with what the message allows ({allowed})."
    if allowed:
        return f"The message says what it accepts: {allowed}."
    if quoted and _NO_SAMPLES.search(parsed.message[:1_000]):
        # "n_folds=5 greater than the number of samples: 0": the argument is fine, the data is
        # empty (a folder read found nothing, a filter kept no row).
        return (
            "The message counts 0 samples: the data passed is empty; print its length and check "
            "the step that loaded or filtered it."
        )
    if quoted and _TOO_LITTLE_DATA.search(parsed.message[:1_000]):
        # "With n_samples=1, test_size=0.2", "less than two full seasonal cycles in the data":
        # no setting can make one row split, the data itself is too short.
        return (
            "The message says the data is too short for this call: print its length "
            "(`len(...)`) and check the step that loaded or built it before changing arguments."
        )
    if quoted:
        return f"Check {quoted}, the argument{'s' if len(passed) > 1 else ''} the message names."
    if own_raise and _stop_signal_through_a_library(parsed):
        # The raise is meant: a signal to stop the caller, which this library does not catch.
        return (
            f"It raises {parsed.ename} to stop the library that called it, which does not catch "
            "it here: stop with the library's own option (a maximum of iterations, a "
            "tolerance), or check that your version supports stopping this way."
        )
    deliberate = unconditional_raise_number(parsed) if own_raise else 0
    if deliberate and parsed.ename == "NotImplementedError":
        # an exercise's placeholder (`# YOUR CODE HERE` then the raise): code still to write
        return (
            f"Line {deliberate} raises NotImplementedError under no condition: it is a "
            "placeholder for code still to write, so delete that line, write your code in its "
            "place and run the cell again."
        )
    if deliberate:
        # no `if` decides it: there is no condition to print, the cell stops there on purpose
        return (
            f"Line {deliberate} raises {parsed.ename} under no condition, so the cell stops "
            f"there every time: remove that `raise`, or catch it with `except {parsed.ename}:`."
        )
    if (
        own_raise
        and parsed.chain_root_in_cell
        and cause.split(":")[0] in ("ValueError", "TypeError")
        and _except_names(parsed, cause)
    ):
        # `except: raise TypeError` while handling a ValueError: the user's code turned the
        # first error into this one on purpose; no condition precedes this `raise`
        return (
            f"Its `except` turns that {cause.split(':')[0]} into this {parsed.ename} on purpose: "
            f"pass a value it accepts, or catch `{parsed.ename}` where you call it."
        )
    branch = else_branch_of(parsed) if own_raise else ""
    if branch == "try":
        # a test's `try: f(bad) except ValueError: pass else: raise`: no value is tested, the
        # call in the `try` was expected to fail and did not
        return (
            "It is the `else:` of a `try`, which runs because the call in that `try` raised no "
            "error: make that function raise the error the `except` expects for this input."
        )
    status = service_status_look(parsed) if branch == "else" else ""
    if status:
        # `if r.status_code == 200: ... else: raise Exception(r.status_code, r.text)`: the
        # branch reports the service's answer, which says what failed; the test is right
        return status
    if branch == "else":
        return (
            "It runs in an `else:` branch: if that belongs to a `try`, the call in the `try` "
            "raised no error though the `except` expected one; if to an `if`, print what it tests."
        )
    if own_raise:
        return service_status_look(parsed) or (
            "Print the values the condition before this `raise` tests."
        )
    family = _FAMILY.get(parsed.ename, parsed.ename)
    known = (
        debugger_quit_look(parsed)
        or float_range_look(parsed)
        or time_zones_look(parsed)
        or disabled_function_look(parsed)
    )
    if known:
        return known
    if not parsed.message.strip() and "message" in _LOOK.get(family, _LOOK_ELSE):
        bare = _bare_raise_look(parsed)
        if bare:
            return bare
        if _raised_without_message(parsed):
            return _name_is_the_account(parsed)
        # A saved output that lost its message (Colab's "ignored"): nothing to compare with.
        return (
            "The error has no message here (a saved notebook may have dropped it): run the cell "
            "again and read the traceback's last line."
        )
    imported = _IMPORT_LINE.match(parsed.user_line)
    installed = any(_INSTALLED.search(f.filename) for f in parsed.frames if not f.is_user)
    failure = not_about_inputs(parsed, family not in _LOOK or family in ("ValueError", "TypeError"))
    if failure:
        return failure
    if _INDEX_IMMUTABLE.search(parsed.message[:300]) and ".categories[" in parsed.user_line:
        # `s.cat.categories[0] = "S"`: a categorical's categories are an Index too
        owner = re.search(r"([\w.]+(?:\[[^\]]*\])?)\.cat\.categories\[", parsed.user_line)
        series = owner.group(1) if owner else "s"
        return (
            "A categorical's categories are a pandas Index, which cannot be changed one label "
            f"at a time: rename them with `{series}.cat.rename_categories({{old: new}})`."
        )
    if _INDEX_IMMUTABLE.search(parsed.message[:300]):
        # `df.index[0] = 15`, `df.columns[2] = "x"`: pandas' labels are set as a whole
        return (
            "A pandas Index (the row labels, or `df.columns`) cannot be changed one label at a "
            "time: rename a label with `df.rename(index={old: new})` (`columns=` for a column), "
            "or assign a whole new one (`df.index = [...]`)."
        )
    if "sanity check due to a bug in the windows runtime" in parsed.message:
        # NumPy 1.19.4's own check for the fmod bug of a Windows 10 update (numpy#17726).
        return (
            "This NumPy release does not work with this Windows version's runtime: install "
            "`numpy==1.19.3` (`%pip install numpy==1.19.3`) or update Windows, then restart "
            "the kernel."
        )
    if imported and family not in ("ImportError", "NameError") and installed:
        module = (imported.group(1) or imported.group(2)).split(".")[0]
        libraries = [f"`{lib}`" for lib in parsed.libraries[:3] if lib != module]
        inside = f" (in {', '.join(libraries)})" if libraries else ""
        ran = f"The error came from code that ran while `{module}` was imported{inside}"
        if family != "OSError" and _message_tells_a_fix(parsed):
            return (
                f"{ran}, not from your line: read the whole message, which names what that "
                "code needs (a setting, a package or its version)."
            )
        # An OSError here is a compiled file the system refused (a DLL of another
        # architecture, a missing system library): restarting does not mend it.
        if family != "OSError":
            return (
                f"{ran}, not from your line: restart the kernel and import it again; if it fails "
                "again, the installed package versions do not fit together (compare them with "
                "`%pip list`)."
            )
    if family == "ValueError" and literal_only:
        # only literals on the line (`wn.synset("bank")`): they are what the message judges
        saved = _saved_file_look(parsed, arguments)
        said = saved or value_message_look(parsed, on or "on that line")
        return said or _LOOK_ELSE.format(on=on)
    said = value_message_look(parsed, on or "on that line") if family == "ValueError" else ""
    if family == "AssertionError":
        said = library_assert_look(parsed, on or "on that line")
    if said:
        return said
    if family == "AttributeError":
        return _attribute_look(parsed, on)
    idle = _no_argument_look(parsed, family)
    if idle:
        return idle
    said = type_message_look(parsed, on or "on that line") if family == "TypeError" else ""
    if said:
        return said
    if family == "TypeError" and not raised_in_user_code(parsed):
        inside = _library_look(parsed)
        if inside:
            return inside
    if family == "TypeError" and "return arrays must be of ArrayType" in parsed.message:
        return _ufunc_given_out(parsed)
    path = _PATH_FOR_TEXT.search(parsed.message[:1_000]) if family == "TypeError" else None
    if path:
        # a pathlib path where a library checks for a str: its text is what it wants, wherever
        # the path was handed over (often an earlier cell that built the object used here)
        return (
            f"The library wants the path as text (`str`) and got a `{path.group(1)}` (a "
            "`pathlib` path): pass `str(...)` of it where you give the path, which may be an "
            "earlier cell that built the object this line uses."
        )
    if family == "TypeError" and _STATES_DIMENSIONS.search(parsed.message[:1_000]):
        # "Input z must be 2D, not 1D": what it must be is a number of axes, not a type
        return (
            f"Print the `.shape` of the values {on or 'on that line'} and compare them with the "
            "number of dimensions the message asks for."
        )
    if family == "TypeError" and _STATES_TYPE.search(parsed.message[:1_000]):
        # The message names the type it wanted: the types are what to compare.
        return (
            f"Print `type(...)` of the values {on or 'on that line'} and compare them with the "
            "types the message names."
        )
    said = no_call_look(parsed, on or "on that line") if family == "TypeError" else ""
    if said:
        return said
    if family == "ValueError":
        return (
            _library_unpack_look(parsed)
            or _loop_unpack_look(parsed)
            or _value_look(parsed.message, on or "on that line")
        )
    if family == "OSError":
        said = image_mode_look(parsed) or errno_look(parsed)
        if said:
            return said
    if family == "NotImplementedError" and not raised_in_user_code(parsed):
        # A library's own "not implemented" is a feature it lacks, not a subclass of the user's.
        # The library named is the one that raised it, not one whose decorator came first.
        said = _subprocess_loop_look(parsed)
        if said:
            return said
        library = parsed.library or parsed.api_library
        who = f"`{library}`" if library else "The library"
        return (
            f"{who} does not implement this for what it was given (the message says what): look "
            "in its documentation for another way (another function, option or data source), "
            "or for a version that has it."
        )
    if family == "RecursionError":
        said = library_recursion_look(parsed)
        if said:  # the library recursed, not a function of the user's
            return said
    if family == "IndexError":
        return _index_look(parsed, on or "on that line")
    if family == "KeyError":
        said = rc_setting_look(parsed) or key_sentence_look(parsed, on or "on that line")
        if said:
            return said
    return _LOOK.get(family, _LOOK_ELSE).format(on=on or "on that line")


_DID_YOU_MEAN = re.compile(
    r"`?(\w+)`? is not a valid keyword argument.*?[Dd]id you mean `?(\w+)`?", re.S
)


# scikit-learn's metrics given 2-D 0/1 targets with the default `average='binary'`.
_MULTILABEL_BINARY = "Target is multilabel-indicator but average='binary'"


def _suggestion_already_passed(parsed: ParsedError, fix: str) -> str:
    """ "`output_latex` is not a valid keyword … Did you mean `output_jax_format`?" where the
    call already passes `output_jax_format=`: renaming would pass it twice."""
    said = _DID_YOU_MEAN.search(parsed.message[:1_000]) if fix else None
    if said is None or not re.search(rf"\b{said.group(2)}\s*=(?!=)", parsed.user_code):
        return ""
    bad, near = said.groups()
    return (
        f"`{bad}` is not an option of this version, and the `{near}` the message suggests is "
        f"already passed: remove `{bad}=...` (its documentation says how to get what it did)."
    )


# `pd.read_csv(b'data.csv')`: a bytes literal as the call's first argument
_BYTES_LITERAL_FIRST = re.compile(r"""\w\(\s*[bB][rR]?(['"])([^'"]*)\1""")


_SERIES_AXIS = re.compile(r"No axis named (?:1|columns) for object type Series")
_CALL_WITH_AXIS = re.compile(
    r"([A-Za-z_][\w.]*?(?:\[[^\[\]]*\])*)\.\w+\([^()]*\baxis\s*=\s*(?:1|'columns'|\"columns\")"
)


def _one_row_name(code: str, name: str) -> bool:
    """`name` is a lambda's or a function's parameter or a loop's target in ``code``: what
    `df.apply(..., axis=1)` or `df.iterrows()` hands over, one row (a Series)."""
    n = re.escape(name)
    return bool(
        re.search(rf"\blambda\b[^:\n]*\b{n}\b[^:\n]*:", code)
        or re.search(rf"^[ \t]*def[ \t]+\w+\([^)]*\b{n}\b", code, re.M)
        or re.search(
            rf"^[ \t]*(?:async[ \t]+)?for[ \t]+[^\n]*\b{n}\b[^\n]*[ \t]in[ \t]", code, re.M
        )
    )


def _series_axis_look(parsed: ParsedError) -> str:
    """ "No axis named 1 for object type Series": `axis=1` is right for a frame; the object is a
    Series, which has rows only. An earlier line put one column where the frame was (`df =
    df.col.fillna(0)`) only for a plain name no loop or function hands over: a row of
    `df.apply(..., axis=1)` or `iterrows()` is a Series by design, and `df['a'].drop(...)` picks
    its one column on the failing line itself."""
    if not _SERIES_AXIS.search(parsed.message[:200]):
        return ""
    call = _CALL_WITH_AXIS.search(parsed.user_line)
    if call is None:
        return (
            "The object given `axis=1` is a pandas Series here, not a DataFrame, so it has no "
            "columns (axis 1): print its type, and find where it became one column or one row."
        )
    name = call.group(1)
    if "[" in name:
        return (
            f"`{name}` picks one column (or row), a pandas Series, which has no columns (axis "
            f"1): drop `axis=1` for the Series, or pick a frame with a list (`[['...']]`)."
        )
    if _one_row_name(parsed.user_code or parsed.code_seen, name):
        return (
            f"`{name}` is one row here (a pandas Series, as `apply(..., axis=1)` and `iterrows()` "
            f"hand over), so it has no columns (axis 1): drop `axis=1` and name its labels "
            f"directly (e.g. `{name}.drop('id')`)."
        )
    return (
        f"`{name}` is a pandas Series here, not a DataFrame, so it has no columns (axis 1): find "
        "the line that last assigned it one column (e.g. `df = df['a'].fillna(0)`, where "
        "`df['a'] = df['a'].fillna(0)` was meant), fix it and rebuild the frame."
    )


def _bytes_literal_path_look(parsed: ParsedError) -> str:
    """pandas' "Expected file path name or file-like object, got <class 'bytes'> type" for a
    line that passes a bytes literal first: the `b` prefix, not the folder, is the matter."""
    if "got <class 'bytes'>" not in parsed.message[:300]:
        return ""
    literal = _BYTES_LITERAL_FIRST.search(parsed.user_line)
    if literal is None:
        return ""
    return (
        f"The path is written as bytes (`b'{literal.group(2)}'`), and the reader takes a str: "
        f"drop the `b`, `'{literal.group(2)}'`."
    )


def _scalars_handed_on(parsed: ParsedError) -> str:
    """pandas' "If using all scalar values, you must pass an index" raised while another
    library (seaborn, plotly) built a DataFrame of what it was given: its advice (an index) is
    for that inner call, the user's call gave single values or no columns to plot."""
    if "must pass an index" not in parsed.message[:300]:
        return ""
    call = failing_call(parsed)
    last = parsed.last_frame
    if call is None or last is None or last.library != "pandas":
        return ""
    if call.library == "pandas" and call.function.rsplit(".", 1)[-1] == "read_json":
        # read_json has no index to pass: the JSON's top level is one object of single values
        return (
            "The JSON holds one object of single values (no lists to make columns of), and "
            "`read_json` takes no index: read it with `pd.read_json(..., typ='series')`, or "
            "load it with `json.load` and build the DataFrame from that."
        )
    if call.library == "pandas":
        return _apply_results_unframed(parsed, call)
    if call.library is None:
        return ""
    return (
        f"`{call.library}` built a table of what `{call.function}()` was given and found only "
        "single values (no columns): pass the data by keyword with the columns to use, e.g. "
        "`data=df, x='col_a', y='col_b'`."
    )


def _apply_results_unframed(parsed: ParsedError, call) -> str:
    """`df.apply(f)`: pandas builds one DataFrame of what `f` returned for each column
    (`wrap_results`), and found no Series among them; the "pass an index" is for that inner
    constructor, which the user's call cannot take: what `f` returns is to change."""
    method = call.function.rsplit(".", 1)[-1]
    if method not in ("apply", "agg", "aggregate", "transform") or not any(
        "wrap_results" in frame.function for frame in parsed.frames
    ):
        return ""
    given = call.arguments[0] if call.arguments else ""
    f = given if re.fullmatch(r"[A-Za-z_]\w*", given) else "the function"
    shown = f"`{f}`" if f != "the function" else f
    return (
        f"pandas builds one table of what {shown} returns for each column (or row), and "
        f"`.{method}` takes no index to pass on: make {shown} return a `pd.Series` (with its "
        "`index=`) or one value, not a table (a DataFrame, a 2-D array); print what it returns "
        "for one column to check."
    )


def _subprocess_loop_look(parsed: ParsedError) -> str:
    """asyncio's event loop raised NotImplementedError where it starts a subprocess: the loop
    has no subprocess support (the selector loop on Windows, which Jupyter's kernel sets), so no
    library on the way lacks the feature."""
    last = parsed.last_frame
    if (
        last is None
        or last.package != "asyncio"
        or "_make_subprocess_transport" not in (last.function)
    ):
        return ""
    return (
        "asyncio's event loop here cannot start a subprocess (on Windows, Jupyter's kernel uses "
        "the selector loop, which has no subprocess support): call `asyncio.set_event_loop_policy"
        "(asyncio.WindowsProactorEventLoopPolicy())` before this line, or run the code as a "
        "script."
    )


# pandas' words for labels given to `.iloc` ("iloc requires numeric indexers, got ['a' 'b']").
_ILOC_LABELS = re.compile(r"\.?iloc requires numeric indexers")
_INDEX_WORDS = re.compile(r"index|range|bounds|\bsize\b|length|dimension|\baxis\b", re.I)


def _index_look(parsed: ParsedError, on: str) -> str:
    """The IndexError look: "what is indexed on that line" only where the line indexes; an index
    a library's code took points at the values handed to it, and a message of no index words
    ("At least one sheet must be visible") at the message."""
    if not _INDEX_WORDS.search(parsed.message[:1_000]):
        return _LOOK_ELSE.format(on=on)
    if _ILOC_LABELS.search(parsed.message[:300]):
        # pandas says so only when `.iloc` was given labels: no length is wrong, the accessor is
        return (
            "`.iloc` selects by position (numbers) and was given labels: use `.loc` to select "
            "rows or columns by their names, or pass their positions to `.iloc`."
        )
    last = parsed.last_frame
    if last is not None and not last.is_user and last.library:
        return (
            f"The index failed inside `{last.library}`'s code: print the length or `.shape` of "
            f"the values {on}, and compare them with what it expects."
        )
    return _LOOK["IndexError"].format(on=on)


# A message that counts no samples at all ("number of samples: 0", "n_samples=0").
_NO_SAMPLES = re.compile(
    r"(?:number of samples|n_samples|samples?|rows?)\s*[:=]\s*0\b|\b0 samples?\b", re.I
)
# The data is too short, whatever the arguments: one sample to split, too few cycles in it.
_TOO_LITTLE_DATA = re.compile(
    r"\bn_samples=1\b|\bless than [\w ]{1,40} in the data\b|\btoo few (?:samples|observations)\b",
    re.I,
)
# Words of a message about shapes or about dtypes: only then is `.shape`/`.dtype` the look.
_SHAPE_WORDS = re.compile(
    r"shape|dimension|\bndim|\bsize|length|\baxis|broadcast|\bdim\b|unpack|n_samples|\bsplit\b"
    r"|\bone element",
    re.I,
)
_DTYPE_WORDS = re.compile(
    r"dtype|\bfloat|\bint\b|\bint\d|integer|\bstr\b|string|object|convert|cast|numeric",
    re.I,
)


# A library line that unpacks each item of a sequence (`for name, trans, cols in ...`, a
# comprehension's `[... for regexp, tag in regexps]`, `names, trans, _ = zip(*self.transformers)`),
# never a shape.
_UNPACKS_ITEMS = re.compile(
    r"^(?!.*\bshape\b)(?:\s*for\b.*\bin\b|.*\bfor\s+\(?\w+(?:\s*,\s*\w+)+\s*\)?\s+in\b"
    r"|.*\bzip\(\s*\*)"
)


def _library_unpack_look(parsed: ParsedError) -> str:
    """A library's own line unpacked an item of what the user passed (ColumnTransformer's
    `(name, transformer, columns)`): the items' parts are short or long, no array's shape."""
    # Python 2 says "too many values to unpack" without the count: the library's line tells
    if not _UNPACK_WORDS.search(parsed.message) or raised_in_user_code(parsed):
        return ""
    last = parsed.last_frame
    if last is None or not last.library or not _UNPACKS_ITEMS.search(last.failing_line):
        return ""  # `nr, nc = arg.shape[:2]` unpacks a shape: the shape look is right there
    return (
        f"`{last.library}`'s code unpacks the items of a value you passed into a fixed number of "
        "parts and one has another number: check that every item (e.g. each tuple of a list) "
        "has the parts its documentation lists."
    )


# Python's unpacking words without the counts (older Pythons), and a loop's or comprehension's
# `for a, b in items` with flat names.
_UNPACK_WORDS = re.compile(r"^(?:too many|not enough) values to unpack")
_LOOP_UNPACKS = re.compile(
    r"\bfor\s+\(?\s*(\w+(?:\s*,\s*\w+)+)\s*\)?\s+in\s+([A-Za-z_][\w.]*(?:\(\))?)(?=\s*(?:[:\]]|if\b|$))"
)


# `a, b = ...` (or `a, *b = ...`) before the loop: an unpacking of its own on the same line.
_TUPLE_TARGET = re.compile(r"\s*\(?\s*\*?\w+(?:\s*,\s*\*?\w+)+\s*\)?\s*=(?!=)")


def _made_as_a_mapping(parsed: ParsedError, items: str) -> bool:
    """``items`` is a name the notebook makes as a dict or a pandas frame: looping over it gives
    keys or column names, whose parts no unpacking or indexing fixes."""
    if not re.fullmatch(r"[A-Za-z_]\w*", items):
        return False
    code = parsed.code_seen
    return bool(
        re.search(
            rf"^[ \t]*{items}\s*=\s*(?:\{{|dict\(|(?:\w+\.)*(?:defaultdict|Counter|OrderedDict)\("
            r"|(?:pd|pandas)\.(?:read_\w+|DataFrame|Series|concat|merge)\()",
            code,
            re.M,
        )
    )


def _loop_unpack_look(parsed: ParsedError) -> str:
    """The user's own `for a, b in data` (a loop or a comprehension) unpacked each item into a
    fixed number of names: the items are rows of some number of fields, no array whose
    `.shape` tells; one item shows how many parts it has."""
    if not _UNPACK_WORDS.search(parsed.message) or not raised_in_user_code(parsed):
        return ""
    m = _LOOP_UNPACKS.search(parsed.user_line)
    if m is None:
        return ""
    names, items = [n.strip() for n in m.group(1).split(",")], m.group(2)
    if _TUPLE_TARGET.match(parsed.user_line[: m.start()]):
        return ""  # `a, b = [(x, y) for x, y in rows]`: the assignment's unpacking may be it
    if _made_as_a_mapping(parsed, items):
        return ""  # a dict's or a DataFrame's items are its keys or column names: `.items()`
    return (
        f"`for {', '.join(names)} in {items}` unpacks each item of `{items}` into {len(names)} "
        f"names, and an item has another number of parts: print one (`next(iter({items}))`) "
        f"and unpack all its parts, or loop over whole items (`for row in {items}`) and index "
        "them."
    )


# pandas' words when `Series.plot` is asked for a kind that plots columns against each other.
_FRAME_ONLY_PLOT = re.compile(r"^plot kind (\w+) can only be used for data frames")
# `df["Age"].plot(` / `df.Age.plot(`: the frame whose one column the line plots.
_COLUMN_PLOT = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?:\[[^\[\]]+\]|\.\w+)\.plot\s*\(")


def _frame_only_plot_look(parsed: ParsedError) -> str:
    """pandas' `Series.plot(kind='scatter')`: the kind plots one column against another, which
    only a DataFrame has; the line called it on one column."""
    m = _FRAME_ONLY_PLOT.search(parsed.message)
    if m is None or raised_in_user_code(parsed):
        return ""
    kind = m.group(1)
    on = _COLUMN_PLOT.search(parsed.user_line)
    frame = on.group(1) if on else "df"
    return (
        f"`kind='{kind}'` plots one column against another, so it needs a DataFrame, and "
        f"`.plot` was called on a Series (one column): call it on the DataFrame, "
        f"`{frame}.plot(x=..., y=..., kind='{kind}')`."
    )


# "with the 'pyarrow' engine", "on CUDA" name an option or a device, not a kind of object
_SUPPORTED_ONLY_FOR = re.compile(r"\bis only (?:supported|available|allowed) for\b")


_COERCE_TO_SERIES = re.compile(r"^Unable to coerce to Series, length must be (\d+): given (\d+)")
_TRANSLATE_KEYS = re.compile(r"^string keys in translate table must be of length 1")
_ASSEMBLES_DATES = re.compile(r"^to assemble mappings requires at least that \[year, month, day\]")


_DUPLICATE_COLUMN = re.compile(
    r"^Duplicate feature column name found for columns: \w+\(key='([^']*)'.*? and "
    r"\w+\(key='([^']*)'"
)
# An object's repr in a message: `Name(key='x', dtype=tf.string)`.
_REPR = re.compile(r"\b[A-Z]\w*\((?:[^()]|\([^()]*\))*\)")


def _value_look(message: str, on: str) -> str:
    """The ValueError look. `.shape` and `.dtype` only when the message is about them: a bad
    format specifier or a frequency sum is neither, and printing them sends the user astray."""
    opening = message_opening(message)
    if _TRANSLATE_KEYS.search(opening):
        # only `str.maketrans(dict)` says so: a key of several characters, no array's values
        return (
            "`str.maketrans(dict)` takes keys of one character each, and a key here is longer: "
            "remove such keys (print them: `[k for k in table if len(k) != 1]`) and replace "
            "those texts with `str.replace` or `re.sub`."
        )
    if _ASSEMBLES_DATES.search(opening):
        # pandas builds dates from a frame's year/month/day columns only when given a frame
        return (
            "`pd.to_datetime` given a whole DataFrame (or dict) builds dates from columns named "
            "`year`, `month` and `day`: to parse one column of dates, pass that column alone, "
            "`pd.to_datetime(df['<column>'])`."
        )
    coerce = _COERCE_TO_SERIES.search(opening)
    if coerce:
        # pandas' flex arithmetic/comparison (`df.add(x)`, `df + x`, `df == x`) lines a
        # list-like's items up with the frame's columns: a count, not a shape, disagrees
        return (
            f"A DataFrame's arithmetic or comparison (`+`, `.add(...)`, `==` ...) with a list, "
            f"tuple or set pairs its items with the {coerce.group(1)} columns, and "
            f"{coerce.group(2)} were given: pass one value per column or a single number; to "
            "make a new column write `df['name'] = value` instead."
        )
    if _SUPPORTED_ONLY_FOR.search(opening):
        # "… using strings is only supported for pandas DataFrames": the kind of object passed
        # is what the message judges, not its values' dtype.
        return (
            f"Print `type(...)` of the values {on} and compare it with the kind of object the "
            "message says this is supported for."
        )
    twice = _DUPLICATE_COLUMN.search(opening)
    if twice and twice.group(1) == twice.group(2):
        # TensorFlow's feature columns: two of the list read one feature, which a string
        # literal where a loop's variable was meant (`key='key'`) or a list built twice makes
        return (
            f"Two of the feature columns read the same feature `{twice.group(1)}`: give each "
            "column its own feature's name (in a loop, the loop's variable, not a quoted "
            "string) and build the list once, so no column is in it twice."
        )
    # a dtype in an object's repr (`HashedCategoricalColumn(..., dtype=tf.string)`) is no
    # dtype the message asks for
    shape, dtype = _SHAPE_WORDS.search(opening), _DTYPE_WORDS.search(_REPR.sub("", opening))
    if shape and dtype:
        return _LOOK["ValueError"].format(on=on)
    compare = "and compare them with what the message asks for."
    if shape:
        return f"Print the `.shape` of the values {on}, {compare}"
    if dtype:
        return f"Print the values {on} and their `.dtype`, {compare}"
    return f"Print the values {on} {compare}"


_WEIGHTS_ONLY = re.compile(r"No model found in config file")
_LOADS = re.compile(r"(?:^|[._])(?:load|read|open)", re.I)
_FILE_NAME = re.compile(r"""^[rbf]?['"][^'"]*\.\w{1,6}['"]$""")


# "model.pdf is empty", "File 'a.h5' is empty": the message calls the file itself empty
_EMPTY_FILE = re.compile(r"(?:\.\w{1,5}['\"]?|\bfile) is empty\b", re.I)
_EMPTY_WORD = re.compile(r"\bempty\b", re.I)
_BAD_MARSHAL = re.compile(r"bad marshal data", re.I)
# A shape as a message prints it: `[3688,10]`, `(128, 64)`.
_PRINTED_SHAPE = re.compile(r"[\[(]\d+(?:,\s*\d+)+[\])]")


def _saved_shape_pair(message: str) -> tuple[str, str] | None:
    """Two different shapes in a message about shapes ("Dimension 0 in both shapes must be
    equal ... [3688,10], [6040,10]", "Shapes (10, 4) and (12, 4) are incompatible"), else None."""
    if "shape" not in message.lower():
        return None
    found = _PRINTED_SHAPE.findall(message)
    if len(found) < 2:
        return None
    first = found[0]
    inner = first[1:-1].replace(" ", "")
    second = next((s for s in found[1:] if s[1:-1].replace(" ", "") != inner), "")
    return (first, second) if second else None


_WEB_ADDRESS = re.compile(r"(?:https?|ftp)://", re.I)


def _saved_file_look(parsed: ParsedError, arguments) -> str:
    """`load_model('model.h5')` raised a ValueError inside the library: the file was found and
    read, so the message is about what was saved in it, not about the name passed."""
    call = failing_call(parsed)
    if call is None or not call.library or not _LOADS.search(call.function.rsplit(".", 1)[-1]):
        return ""
    name = next((a for a in arguments if _FILE_NAME.match(a.strip())), "")
    if not name:
        return ""
    if _WEB_ADDRESS.match(name.strip("'\"")):
        # `pd.read_html('http://…')`: a page the server sends today, not a file some version of
        # the library saved
        tables = "has no `<table>`" if "No tables found" in parsed.message[:300] else "is not"
        what = "" if tables.startswith("has") else " what the call reads"
        return (
            f"The page `{call.library}` fetched from {name} {tables}{what}: open the address in a "
            "browser, since pages move and change; use its current address (or the site's "
            "download file), or fetch it with `requests` and pass the text."
        )
    if _EMPTY_FILE.search(parsed.message[:300]):
        # tabula's "x.pdf is empty. Check the file, or download it manually.": 0 bytes, no
        # content for any version to read
        return (
            f"{name} is empty (no bytes saved in it): download or write it again and check its "
            "size before reading it."
        )
    if _EMPTY_WORD.search(parsed.message[:300]):
        return ""  # an empty array or table read from the file: not a version's format
    if _WEIGHTS_ONLY.search(parsed.message[:300]):
        # Keras writes no model config into a file of `save_weights`: it holds no model to load.
        return (
            f"{name} holds weights only, no model (as `save_weights` writes it): build the "
            "model in code and call `model.load_weights(...)` on it, or save the whole model "
            "with `model.save(...)` and load that."
        )
    shapes = _saved_shape_pair(parsed.message[:500])
    if shapes:
        # Two shapes of one weight differ: the file was read, and the model built here has
        # other sizes than the one that saved it (a vocabulary, an input count, a layer order).
        return (
            f"The model built here does not match the one saved in {name}: one weight has shape "
            f"{shapes[0]} on one side and {shapes[1]} on the other; build the model with the "
            "same sizes (vocabulary or input counts, layers in the same order) as the code that "
            "saved the file."
        )
    if _BAD_MARSHAL.search(parsed.message[:300]):
        # `marshal` is Python's bytecode format, which changes between Python versions: a Lambda
        # layer (or another saved function) was written by another Python, not another library
        return (
            f"{name} holds Python bytecode (a Lambda layer or a saved function) written by "
            "another Python version, which `marshal` cannot read: load it with the Python "
            "version that saved it, or build the model in code and `load_weights` from the file."
        )
    return (
        f"`{call.library}` read {name} and rejects what is saved in it, not its name: check how "
        f"and with which version of `{call.library}` the file was written (a file saved by "
        "another version often needs that version, or the code that built it)."
    )


# A message that asks the call for an argument it did not get.
_NEEDS_ARGUMENTS = re.compile(
    r"\b(?:must|needs? to) (?:specify|pass|provide|give)|\brequired\b|\bmissing\b"
    r"|\bneeds? (?:at least|an?)"
    r"|\bexpects? (?:at least|an?)\b|\bno (?:labels|columns|value)",
    re.I,
)


def _no_argument_look(parsed: ParsedError, family: str) -> str:
    """A call that passes nothing (`env.reset()`, `execution.wait()`) failed inside a library:
    "check what you pass" has nothing to point at. The object's own state (how it was built, what
    ran on it before) or the library's code is what failed."""
    if family not in ("TypeError", "ValueError") and family in _LOOK:
        return ""
    call = failing_call(parsed)
    if call is None or not call.closed or call.arguments or not call.library:
        return ""
    if _MAGIC.search(parsed.user_line) or _SHELL_MAGIC.search(parsed.user_line):
        return ""  # IPython's call of a magic or `!` line: the user's words are its text
    if raised_in_user_code(parsed) or _STATES_TYPE.search(parsed.message[:1_000]):
        return ""
    named = re.search(r"([\w.]+)\(\) missing", parsed.message[:300])
    other = named is not None and named.group(1).split(".")[-1] != call.function.split(".")[-1]
    if other and named is not None:
        inner = _library_call_missing_arguments(parsed, named.group(1).split(".")[-1])
        if inner:
            return inner
    if _NEEDS_ARGUMENTS.search(parsed.message[:1_000]) and not other:
        # `data.fillna()` → "Must specify a fill 'value' or 'method'": the call lacks what the
        # message names.
        return (
            f"`{call.function}()` is called without arguments, and the message names what it "
            f"needs: pass that in the call (`help({call.function})` lists the parameters)."
        )
    owner = call.function.rsplit(".", 1)[0] if "." in call.function else ""
    instead = _USE_INSTEAD.search(parsed.message[:1_000])
    if instead:
        # "cannot sort an Index object in-place, use sort_values instead": the message names
        # the call to make, and no state of the object is at fault.
        other = f"{owner}.{instead.group(1)}()" if owner else f"{instead.group(1)}()"
        return (
            f"The message names what to call instead of `{call.function}()`: `{other}` (see "
            "its documentation for what it returns)."
        )
    if owner and _FETCH.search(call.function) and not _NOTHING_TO_FETCH.search(parsed.message):
        # A DB-API cursor's fetch only reads the answer to the statement it ran last: the
        # database's error is about that statement (Trino reports it on the fetch).
        return (
            f"`{call.function}()` reads the result of the statement `{owner}` ran last: the "
            "database refused that statement, and the message says why; change the SQL (or the "
            "table it targets), not this call."
        )
    state = f"the state of `{owner}` (how it was built, what ran on it before)" if owner else ""
    state = state or "what ran before it"
    return (
        f"`{call.function}()` passes no arguments: what failed is {state} or `{call.library}`'s "
        "own code, not a value on your line."
    )


# A message that names the method to call instead ("…, use sort_values instead").
_USE_INSTEAD = re.compile(r"\buse [`'\"]?\.?([A-Za-z_]\w*)(?:\(\))?[`'\"]? instead\b")
# A DB-API cursor's fetch, and the messages that say the statement had no result to fetch
# (an INSERT), which is no refusal of the statement.
_FETCH = re.compile(r"\.fetch(?:all|one|many)$")
_NOTHING_TO_FETCH = re.compile(
    r"no results? to fetch|no result set|not a query|before fetch|closed cursor|cursor is closed|"
    r"no rows|has not been executed|did not execute|nothing to fetch",
    re.I,
)


def _library_call_missing_arguments(parsed: ParsedError, function: str) -> str:
    """A "get_data() missing 2 required positional arguments" raised where a library's own line
    calls `get_data(` (Python raises it at the call, in the caller's frame): that library's code
    calls a function of another version than the one installed, whatever the user passed."""
    last = parsed.last_frame
    if last is None or last.is_user or not last.library:
        return ""
    if "required positional" not in parsed.message[:300]:
        return ""
    if not re.search(rf"\b{re.escape(function)}\(", last.failing_line):
        return ""
    if re.search(rf"\bdef\s+{re.escape(function)}\s*\(", seen_code(parsed)[0]):
        return ""  # the user's own function, which the library calls back with its arguments
    return (
        f"`{last.library}`'s own code calls `{function}()` without arguments that the installed "
        f"version of `{function}` requires: `{last.library}` was written for another version of "
        "the package that provides it; install the versions it asks for (its requirements)."
    )


# A pathlib path where a library's type check wants a str (hdmf's docval wording, and the like).
_PATH_FOR_TEXT = re.compile(r"got '?((?:Windows|Posix|Pure\w*)?Path)'?,? expected '?str\b")
# A TypeError whose message states the type it wanted ("must be a string, not float"): printing
# the types of the values passed is the right look even when a library raised it.
_STATES_TYPE = re.compile(
    r"\b(?:must|should) be\b|\bexpected\b.*\b(?:got|not|but|instead)\b|incorrect type|"
    r"\bgot <class|\bnot <class",
    re.I,
)


# "must be 2D, not 1D", "must be a 2-dimensional array": a number of axes, not a type
_STATES_DIMENSIONS = re.compile(r"\bmust be (?:an? |at least )?\d-?(?:D|d|dimensional)\b")
_DIMENSIONS = re.compile(r"\bdimensions?\b|\bndim\b", re.I)
_LENGTHS = re.compile(r"\blength of \w+ must\b|\bnumber of (?:columns|rows)\b", re.I)


# `{m.id: m.score(x) for m in self.models}`: one loop, over the object's own attribute
_LOOP_CLAUSE = re.compile(r"\bfor\s+[\w\s,()]+?\s+in\s+([\w.]+)")


def _none_attribute_looped(parsed: ParsedError) -> str:
    """ "'NoneType' object is not iterable" raised by the method the user called
    (`grid.model_performance(test)`) on a line whose one loop runs over `self.models`: that
    attribute of the user's object is None, the arguments are not looped over."""
    last = parsed.last_frame
    call = failing_call(parsed)
    if not parsed.message.startswith("'NoneType' object is not iterable"):
        return ""
    if last is None or last.is_user or not last.library or call is None:
        return ""
    if (
        "." not in call.function
        or last.function.rsplit(".", 1)[-1] != call.function.rsplit(".", 1)[-1]
    ):
        return ""  # deeper inside, `self` is another object of the library's
    line = last.failing_line
    loops = _LOOP_CLAUSE.findall(line)
    if len(loops) != 1 or not re.fullmatch(r"self\.\w+", loops[0]):
        return ""
    if "*" in line or re.match(r"^\s*\w+\s*,[\w\s,]*=(?!=)", line):
        return ""  # an unpacking may be what met the None
    owner = call.function.rsplit(".", 1)[0]
    attribute = loops[0].split(".", 1)[1]
    return (
        f"`{owner}.{attribute}` is None (the `{last.library}` code loops over it), not what you "
        f"pass: run the step that fills it (training `{owner}`, or what it was created with) "
        "before this call."
    )


def _own_file_raised(parsed: ParsedError) -> str:
    """The deepest frame is a module file of the user's own (no installed package, no cell),
    reached through a library's frames: its name, else ""."""
    last = raised_outside_notebook(parsed)
    if last is None or last.library or not any(f.library for f in parsed.frames):
        return ""
    if not last.filename.endswith(".py"):
        return ""  # `lib.pyx:2834, in pandas._libs.lib.map_infer()`: a library's compiled part
    return last.filename.replace("\\", "/").rsplit("/", 1)[-1]


def _library_look(parsed: ParsedError) -> str:
    """The look for a TypeError raised inside a library's code whose message states no wanted
    type ("'NoneType' object is not iterable" in `learn.TTA()`): the library may have built the
    wrong value itself, or need another version, so the look is what the call passes (and the
    data in it) against the message and the documentation, not "print the types on your line"."""
    framed = (
        traced_cell_line_look(parsed)
        or own_attribute_look(parsed)
        or library_to_library_look(parsed)
    )
    if framed:  # the library's frames show what failed: not the call's arguments
        return framed
    unset = _none_attribute_looped(parsed)
    if unset:
        return unset
    own = _own_file_raised(parsed)
    if own:
        last = parsed.last_frame
        at = f"line {last.lineno} of " if last.lineno else ""
        # `/content/yolov5/models/common.py` after `!git clone .../yolov5`: no file of the user's
        cloned = cloned_folder_of(parsed, last.filename)
        whose = "a file of the repository a cell clones" if cloned else "your own file"
        return (
            f"It was raised in {whose}, at {at}`{own}` (in `{last.function}()`), which a "
            "library called: print the values that line uses there; after editing the file, "
            "reload it (`importlib.reload`) or restart the kernel."
        )
    call = failing_call(parsed)
    passed = f"you pass to `{call.function}()`" if call is not None else "on that line"
    if _DIMENSIONS.search(parsed.message[:1_000]):
        return (
            f"Print the `.shape` of the values {passed} and compare their number of dimensions "
            "with what the message says it wants."
        )
    if _LENGTHS.search(parsed.message[:1_000]):
        # "Length of x must be number of columns in z": sizes, not types, though it says "must"
        return (
            f"Print the `.shape` (or `len(...)`) of the values {passed} and compare them with the "
            "sizes the message says must agree."
        )
    if _STATES_TYPE.search(parsed.message[:1_000]):
        return ""
    # The library whose code raised (mlxtend under scikit-learn's `fit_transform` wrapper).
    last = parsed.last_frame
    raised_in = last.library if last is not None and last.library not in GLUE_PACKAGES else None
    if raised_in and last.package and last.package != raised_in:
        # The label folds standalone `keras` (and `torchvision`, ...) into the library it serves;
        # the code that raised is the frame's own package.
        raised_in = last.package
    library = raised_in or (call.library if call else "") or parsed.api_library or parsed.library
    # A wrapper's inner error, or IPython running a magic: no call of the user's to look up.
    if not library or library == "IPython" or WRAPPER.search(parsed.message):
        return ""
    replaced = _library_function_replaced(parsed, call)
    if replaced:
        return replaced
    # Not "the arguments are wrong": the data they carry, or the library's own state, may be.
    what = f"to `{call.function}()`" if call is not None else "on your line"
    return (
        f"It was raised inside `{library}`'s code: compare what you pass {what} (the arguments "
        "and the data they hold) with that message, and with the documentation of your "
        "installed version."
    )


# "'tuple' object is not callable": a plain value where a function was called.
_VALUE_NOT_CALLABLE = re.compile(
    r"^'(tuple|list|str|int|float|dict|bool|NoneType)' object is not callable"
)
# A literal of each kind the message names, as an argument is written: passed, it may be the
# value the library called (`np.apply_along_axis('sum', 1, X)` → 'str' object is not callable).
_LITERAL_OF_KIND = {
    "str": re.compile(r"[rbfuRBFU]{0,2}(['\"]).*\1", re.S),
    "int": re.compile(r"[-+]?\d[\d_]*"),
    "float": re.compile(r"[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"),
    "tuple": re.compile(r"\(.*\)", re.S),
    "list": re.compile(r"\[.*\]", re.S),
    "dict": re.compile(r"\{.*\}", re.S),
    "bool": re.compile(r"True|False"),
    "NoneType": re.compile(r"None"),
}
# A bare name called on a line (`figure(`), not a method (`.figure(`).
_BARE_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


def _library_function_replaced(parsed: ParsedError, call) -> str:
    """`plt.matshow(A)` → 'tuple' object is not callable, raised in `matshow` itself on a line
    that calls module functions by bare name (`figure(...)`): no value the call passes is
    called there, so a function of the module was replaced (`plt.figure = (10, 7)`); else ""."""
    m = _VALUE_NOT_CALLABLE.search(parsed.message[:200])
    last = parsed.last_frame
    if m is None or call is None or last is None or last.is_user or not last.library:
        return ""
    module, _, function = call.function.rpartition(".")
    if not re.fullmatch(r"[A-Za-z_]\w*", module) or function != last.function.rsplit(".")[-1]:
        return ""  # the frame that raised is not the function the line called on a module
    if any(re.fullmatch(r"(?:\w+\s*=\s*)?[A-Za-z_]\w*", a.strip()) for a in call.arguments):
        return ""  # a plain name passed may be the callable (`df.apply(func)`)
    literal = _LITERAL_OF_KIND.get(m.group(1))
    values = [re.sub(r"^\w+\s*=(?!=)\s*", "", a.strip()) for a in call.arguments]
    if literal and any(literal.fullmatch(v) for v in values):
        return ""  # `np.apply_along_axis('sum', ...)`: the string passed is what was called
    called = dict.fromkeys(_BARE_CALL.findall(last.failing_line))
    names = [n for n in called if not hasattr(builtins, n) and n not in ("self", "cls")]
    if not names:
        return ""
    which = (
        f"calls `{names[0]}`, which is"
        if len(names) == 1
        else f"calls {', '.join(f'`{n}`' for n in names[:-1])} and `{names[-1]}`, and one of "
        "them is"
    )
    return (
        f"Inside `{call.function}`, the line {code_span(last.failing_line, 60)} "
        f"{which} now a `{m.group(1)}`, not a function: an assignment such as "
        f"`{module}.{names[0]} = ...` replaced the library's own; restart the kernel and call it "
        f"instead (`{module}.{names[0]}(...)`)."
    )


# What each protocol method is needed for, when an AttributeError names it alone.
_PROTOCOL_LOOK = {
    "__delitem__": "This object does not support `del ...[...]`: remove the items with its own "
    "method instead, e.g. `df = df.drop(columns=[...])` for a pandas DataFrame.",
    "__setitem__": "This object does not support `...[...] = value`: print its `type(...)`; "
    "build a changed copy instead, or assign into the object it came from.",
    "__enter__": "The object after `with` is not a context manager: call the function that "
    "opens it (e.g. `open(...)`), or drop the `with`.",
    "__exit__": "The object after `with` is not a context manager: call the function that "
    "opens it (e.g. `open(...)`), or drop the `with`.",
}
_PROTOCOL_ELSE = (
    "This object lacks `{method}`, which the statement on the line needs (an operator, `del`, "
    "`with` or a loop): print its `type(...)`."
)
_NO_ATTRIBUTE = re.compile(r"'([\w.]+)' object has no attribute '(\w+)'")
# Methods of `str` that no number has (`startswith`, `lower`); a dict for a fast lookup.
_TEXT_METHODS_ONLY = {
    name: True for name in dir(str) if not name.startswith("_") and not hasattr(1.5, name)
}
# A number's type as an AttributeError names it: `int`, `float`, `numpy.int64`, `numpy.float32`.
_NUMBER_KIND = re.compile(r"(?:numpy\.)?(?:u?int\d*|float\d*|bool_?|complex\d*|long)")


def _attribute_look(parsed: ParsedError, on: str) -> str:
    """The AttributeError look: "the object before the dot" only where the user's line has that
    dot; a library that read the attribute of what it was given points at the call's values;
    a message of another kind ("Setting unexpected parameter …") at the message."""
    said = python2_look(parsed) or not_callable_look(parsed) or module_attribute_look(parsed)
    if said:
        return said
    no_match = no_match_in_code_look(parsed)
    if no_match:  # None from a library's search: no value passed, nothing to run before it
        return no_match
    m = _NO_ATTRIBUTE.search(parsed.message)
    bare = re.fullmatch(r"\w+", parsed.message.strip())  # old pandas: "AttributeError: isnull"
    if bare and re.fullmatch(r"__\w+__", bare.group(0)):
        # Older Pythons name the missing protocol method alone (`del x[...]` → `__delitem__`):
        # the statement, not the attribute read through a dot, asks for it.
        return _PROTOCOL_LOOK.get(bare.group(0), _PROTOCOL_ELSE).format(method=bare.group(0))
    if m is None and bare is None and "has no attribute" not in parsed.message:
        return _LOOK_ELSE.format(on=on or "on that line")
    passed = m is not None and read_inside(parsed, m.group(2)) and not raised_in_user_code(parsed)
    # `save_weights("w/model")`: every argument is written out, so the value the library read
    # came from inside its object, not from what the call passes
    passed = passed and not passes_only_literals(failing_call(parsed))
    if passed and (m.group(1) in _PASSED_KINDS or _standard_library_class(m.group(1))):
        # A plain value (a str, a list, None, an array) in a library's code most often is one
        # the call handed over; a library's own class is not.
        return (
            f"A library read `.{m.group(2)}` of a `{m.group(1)}` it was given: check the values "
            f"you pass {on or 'on that line'} (one is another kind of object than it expects), "
            "and that the library's version fits your code."
        )
    if passed and m.group(1) in _FUNCTION_KINDS:
        # `self.df.index.name` of a list passed for a DataFrame: the library met a method
        # (`list.index`) where the kind of object it expects has a value of that name.
        return (
            f"The library read `.{m.group(2)}` of a method where it expects a value: something "
            f"you pass {on or 'on that line'} is probably of another kind than it expects (a "
            "method passed without `()`, or an object with a method where the expected kind has "
            "a value); print `type(...)` of what you pass."
        )
    if m is not None and m.group(1) == "Flags" and m.group(2) in _ARRAY_FLAGS:
        return _pandas_flags_look(parsed, m.group(2))
    library = parsed.api_library or parsed.library
    last = parsed.last_frame
    source = library or (re.split(r"[\\/]", last.filename)[-1] if last is not None else "")
    owner_class = m.group(1).rsplit(".", 1)[-1] if m is not None else ""
    unset = unset_own_attribute_look(parsed) if m is not None else ""
    if unset:  # the called method read its own object: no value the call passes
        return unset
    made = _made_in_notebook(parsed, owner_class)
    if made and read_inside(parsed, m.group(2)) and not raised_in_user_code(parsed):
        # `data.x = nn.Embedding(31, 10)` in another cell: the object the library read may be
        # one the user made and passed, not the library's own.
        return (
            f"`.{m.group(2)}` was read inside a library's code, of {article(owner_class)} "
            f"`{owner_class}`, a kind of object your notebook makes (`{made}`): either one "
            "reached code that expects another kind of object there (check what you pass), or "
            "the library's version does not fit your code."
        )
    if (
        m is not None
        and source.strip()
        and read_inside(parsed, m.group(2))
        and not raised_in_user_code(parsed)
        and not re.search(rf"\b{re.escape(owner_class)}\b", parsed.user_code or parsed.user_line)
        and not _quoted_on_line(parsed, m.group(2))
    ):
        # `esn.recover_hps()` → 'RcBayesOpt' object has no attribute 'X_turbo': the library read
        # it of its own object (no class the cell names or defines); the object before the
        # user's dot is the right kind.
        owner, attr = m.group(1), m.group(2)
        other = owner.split(".")[0] if "." in owner else ""
        edited = _edited_since_import(parsed, attr)
        if edited:
            return edited
        if library and _TEXT_METHODS_ONLY.get(attr) and _NUMBER_KIND.fullmatch(owner):
            # A string method read of a number: a value of the wrong kind (numeric labels), not
            # a library written for another version of the number's library.
            reader = last.library if last is not None and last.library else library
            by = f", from `{library}`'s call" if reader != library else ""
            return (
                f"`{reader}` read `.{attr}`, a method of text, of a number (`{owner}`){by}: "
                "pass the values it uses as labels (hue, column or category names) as strings "
                f"(`.astype(str)`); if `{library}` passes them on its own, upgrade it to a "
                "version made for your other libraries, then restart the kernel."
            )
        if library and other and other != library:
            return (
                f"`{library}` read `.{attr}` of a `{other}` object that has no such attribute: "
                f"`{library}` was written for another version of `{other}`; install the versions "
                "it asks for (its requirements), then restart the kernel."
            )
        if not library:  # a module of the project's, or a library's clone next to it
            return (
                f"`.{attr}` was read inside `{source}`, of a `{owner}` object, not on your line: "
                f"find where that code sets `{attr}` and make sure it runs before this call."
            )
        return (
            f"`.{attr}` was read inside `{library}`'s code, of a `{owner}` object, not on your "
            "line: check in the documentation what must run before this call, and that the "
            "versions fit your code."
        )
    return _LOOK["AttributeError"]


def _made_in_notebook(parsed: ParsedError, owner_class: str) -> str:
    """The call in the notebook's other cells that makes an object of the class (`nn.Embedding(31,
    10)`), as written, or ""."""
    if not owner_class[:1].isupper() or not parsed.notebook_code:
        return ""
    code = "\n".join(parsed.notebook_code)
    if owner_class not in code:
        return ""
    made = re.search(rf"(?<![\w.])[\w.]*\b{re.escape(owner_class)}\([^()\n]*\)", code)
    return made.group(0) if made and len(made.group(0)) <= 40 else ""


# A NumPy array's `.flags`; pandas objects have `.flags` too (pandas' `Flags`), without them.
_ARRAY_FLAGS = frozenset({"c_contiguous", "f_contiguous", "writeable", "aligned", "owndata"})


def _pandas_flags_look(parsed: ParsedError, attr: str) -> str:
    """`X.flags.c_contiguous` read of a pandas DataFrame or Series (whose `.flags` is pandas'
    `Flags`), by code that expected a NumPy array there."""
    library = parsed.library if parsed.library and parsed.library != "pandas" else ""
    upgrade = f", or upgrade `{package_for(library)}`" if library else ""
    return (
        f"A pandas DataFrame or Series reached code that reads a NumPy array's `.flags.{attr}` "
        f"(pandas' own `Flags` has none): pass its values as an array (`X.to_numpy()`){upgrade}."
    )


def _quoted_on_line(parsed, attr: str) -> bool:
    """The failing line passes the missing attribute's name as a string (`.agg({'col'})`): the
    library looked up the user's argument, whose form, not the call order or a version, is at
    fault."""
    return re.search(rf"['\"]{re.escape(attr)}['\"]", parsed.user_line) is not None


def _edited_since_import(parsed: ParsedError, attr: str) -> str:
    """The frame that raised shows a Python line that reads attributes but not `attr` (nor does
    any line shown around it, a `getattr` or a `raise`): a traceback shows a file's text as it
    is now, so the code that ran (and read `.attr`) was changed on disk since it was imported;
    the kernel still runs the old code. "" otherwise."""
    last = parsed.last_frame
    if last is None or last.is_user or not last.failing_line or not last.filename.endswith(".py"):
        return ""
    if last.function.split(".")[-1].startswith("__"):
        return ""  # `__getattr__` and the like read the attribute by a name held in a variable
    line = last.failing_line
    if not re.search(r"[\w)\]]\.[A-Za-z_]", line) or re.search(r"\braise\b|getattr|__dict__", line):
        return ""  # the line reads no attribute itself, or by a name it holds or raises one
    if any(re.search(rf"\b{re.escape(attr)}\b", text) for text in (line, *last.code_lines)):
        return ""  # the statement may span the lines shown around it
    name = re.split(r"[\\/]", last.filename)[-1]
    return (
        f"The line shown in `{name}` reads no `.{attr}`: that file was changed after it was "
        "imported (a traceback shows its current text), and the kernel still runs the old "
        "code; restart the kernel to load the changed file."
    )


# Kinds of value a user's call hands to a library (not a library's own classes).
_FUNCTION_KINDS = frozenset({"method", "builtin_function_or_method", "function"})
_PASSED_KINDS = frozenset(
    {
        "str", "bytes", "list", "tuple", "dict", "set", "int", "float", "bool", "NoneType",
        "generator", "map", "zip", "filter", "range", "numpy.ndarray", "ndarray", "DataFrame",
        "Series", "Tensor", "KerasTensor", "EagerTensor", "PosixPath", "WindowsPath",
    }
)  # fmt: skip


def _standard_library_class(owner: str) -> bool:
    """`collections.OrderedDict`: a class of Python's own library is a value handed over (a
    state_dict given where a model belongs), never a library "written for another version"."""
    return "." in owner and owner.split(".")[0] in sys.stdlib_module_names


def _deepest_library_frame(parsed: ParsedError):
    for frame in reversed(parsed.frames):
        if frame.library:
            return frame
    return None


def _evidence(parsed: ParsedError, match: RuleMatch | None) -> list[str]:
    lines: list[str] = []
    if match is not None:
        lines.append(f"rule {match.rule} fired (confidence {match.confidence:.2f})")
        facts = ", ".join(f"{k}={v}" for k, v in list(match.facts.items())[:4])
        if facts:
            lines.append(f"found: {facts[:200]}")
    head = parsed.message.strip().splitlines()[0] if parsed.message.strip() else ""
    lines.append(f"exception: {parsed.ename or 'unknown'}{': ' + head[:160] if head else ''}")
    frame = _deepest_library_frame(parsed)
    if frame is not None:
        where = f"{frame.function} " if frame.function else ""
        name = re.split(r"[\\/]", frame.filename)[-1]
        lines.append(f"raised inside {frame.library} ({where}in {name})")
    if parsed.user_line:
        lines.append(f"failing line: {parsed.user_line[:160]}")
    if parsed.chain:
        name, msg = parsed.chain[-1]
        first = msg.splitlines()[0][:120] if msg else ""
        lines.append(f"while handling: {name}{': ' + first if first else ''}")
    return lines


def template_count() -> int:
    """How many distinct hint templates exist (rule templates plus the safe hints)."""
    return len(set(HINTS.values())) + len(_LOOK)
