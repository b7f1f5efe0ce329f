"""The hint a student reads, and the evidence it rests on.

``make_hint(parsed, labels, matches)`` picks the most specific template it can fill: the template
of the rule that fired (each family in ``rules/`` keeps its templates next to its rules, see
``rules.HINTS``), with the specifics the rule found (module, package, shapes, column, replacement
API, ...); failing that, a generic hint for the crash type, with what the parser found where it
helps. Each hint is one or two sentences. Notebook-cause hints (cell order, an earlier failing
cell) come from the notebook analysis, not from here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .. import taxonomy
from .rules import CATCH_ALL, HINTS, RuleMatch, embedded_error
from .rules.imports import module_not_found_hint
from .rules.keys import missing_key_hint
from .rules.module_names import package_for
from .rules.names import undefined_name_hint
from .text import allowed_values, closest_allowed, literal_argument, named_arguments
from .traceback import ParsedError
from .where import MAX_CALL, call_arguments, failing_call, raised_in_user_code


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
    return " ".join(_generic_hint(inner, crash_type).split()), evidence


def own_raise(parsed: ParsedError) -> bool:
    """The user's own ``raise`` statement in a cell raised the error."""
    return parsed.user_line.strip().startswith("raise ") and raised_in_user_code(parsed)


def _generic_hint(parsed: ParsedError, crash_type: str) -> str:
    """The hint when no rule's template speaks: what the exception itself makes certain (an
    undefined name, a missing key or module, two shapes), else the safe hint of its family.

    Keyed by the exception, never by the model's crash type alone: the model may be wrong, and a
    hint must stay true whatever label it chose."""
    message = parsed.message
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
    return safe_hint(parsed)


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
    "TypeError": "Print `type(...)` of the values {on} and compare them with the types the "
    "message names.",
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
# Sentences of a message that state the fix ("Please use the NLTK Downloader", "Reshape your data
# either using …", "Did you mean …?", "As a substitution, consider using …"): the user must read
# them first.
_STATED_FIX = re.compile(
    r"(?:^|(?<=[.:!?]\s)|(?<=\n))\s*(?:\d\. )?((?:[A-Z][a-z]+(?: [a-z]+){0,3}, "
    r"(?=consider|please|try|use))?"
    r"(?:Please|Use|Try|Did you mean|Reshape|Consider|Install|Downgrade|Upgrade|consider|please|"
    r"try|use|"
    r"Maybe you meant|Perhaps you|Make sure|To fix|HINT|Hint|You (?:should|must|need to|can|may "
    r"want to|might want to))\b[^\n]{3,220}?(?:[.!?](?=\s|$)|$))",
    re.M,
)
# The code line a "…:" (or "… using") fix sentence introduces (">>> nltk.download('punkt')",
# "pip install x", "from google.colab.patches import cv2_imshow").
_CODE_AFTER = re.compile(
    r"\s*\n\s*(?:>>>\s*)?((?:[\w.]+\(.*\)|%?pip install \S.*|!?\S+ -m \S.*|from [\w.]+ import \w.*"
    r"|import [\w.]+))\s*$",
    re.M,
)
_INTRODUCES_CODE = re.compile(r"(?::|\b(?:using|use|run|with))$")
_GIST_MAX = 140
# A hint a card shows whole: a longer safe hint quotes the call by its name only.
_HINT_MAX = 360
# A line of a statement that spans several (IPython marks one of them): not worth quoting alone.
_FRAGMENT = re.compile(r"[,(\[{\\]$|^[)\]}.]|^\w+\s*=\s*[^=]*,$")


# Imperative sentences that are no fix: a pointer elsewhere, a request to report a bug.
_NOT_A_FIX = re.compile(
    r"refer to|see (?:the )?(?:doc|https?:)|https?://|report|file an issue|open an issue|"
    r"following|:\s*$",
    re.I,
)


def stated_fix(message: str) -> str:
    """The first sentence of ``message`` that states a fix, or "". A sentence that ends with a
    colon (or "… using") takes the code on the next line with it ("… obtain the resource:
    `nltk.download(…)`")."""
    text = message[:4_000]
    for m in _STATED_FIX.finditer(text):
        sentence = " ".join(m.group(1).split())
        if _INTRODUCES_CODE.search(sentence):
            code = _CODE_AFTER.match(text, m.end())
            if code is None:
                continue
            sentence = f"{sentence} `{code.group(1).strip()}`"
        if not _NOT_A_FIX.search(sentence):
            return sentence
    return ""


def _gist(message: str) -> str:
    """The message's first sentence (or line), cut to a readable length. A line wrapped in the
    middle of a sentence (the next one goes on in lower case) is read with its continuation."""
    lines = [ln.strip() for ln in message.splitlines()]
    start = next((i for i, ln in enumerate(lines) if ln), len(lines))
    first = lines[start] if start < len(lines) else ""
    rest = [ln for ln in lines[start + 1 :] if ln]
    if first.count("'") % 2 and rest:
        # a quoted value that spans lines (a printed Series): keep the quote whole
        first = " ".join(" ".join([first, *rest]).split())
    else:
        for more in lines[start + 1 : start + 4]:
            if not re.match(r"[a-z]+ ", more) or first.endswith((".", "!", "?", ":")):
                break
            first = f"{first} {more}"
    m = re.match(r"(.{20,}?[.!?])\s+[A-Z(]", first)
    if m:
        first = m.group(1)
    if len(first) > _GIST_MAX:
        first = first[: _GIST_MAX - 1].rstrip() + "…"
    first = first.rstrip(".:")
    # Two short sentences of the message stay one sentence of the hint ("Failed to execute;
    # parameters are not valid").
    first = re.sub(r"(?<=[a-z])\. (?=[A-Z][a-z])", "; ", first)
    return "" if first in ("Message", "Error") else first


# Exceptions that carry the real error further down their message: Keras' "in user code:" stack,
# a worker's "Traceback (most recent call last)" or "Caught X in DataLoader worker process".
_WRAPPER = re.compile(
    r"^\s*in user code:|Traceback \(most recent call last\)|^Caught \w+ in ", re.M
)
_INNER_ERROR = re.compile(r"^\s*(?:[\w.]+\.)?(\w+(?:Error|Exception|Exit)): (.+)$", re.M)
# TensorFlow's "Graph execution error": the op's message stands before its "[[{{node …}}]]".
_GRAPH_NODE = re.compile(r"\[\[\{\{node ([^}]+)\}\}\]\]|\[\[Node: ([^ =\]]+)")
_GRAPH_NOISE = re.compile(
    r"^(?:Detected at node|Node:|File |\d+ root error|\d+ successful|\d+ derived|"
    r"Graph execution error|\[\[|Caused by|Traceback|\s*$)"
)


def _inner_gist(parsed: ParsedError) -> str:
    """The wrapped error's own words when the message only wraps it ("in user code: …
    ValueError: Shape mismatch …"), else ""."""
    message = parsed.message[:20_000]
    if _WRAPPER.search(message):
        found = _INNER_ERROR.findall(message)
        if found:
            name, text = found[-1]
            inner = _gist(text)
            return inner if name == parsed.ename else f"{name}: {inner}"
    if message.startswith("Graph execution error"):
        lines = [ln.strip() for ln in message.splitlines()]
        for i, ln in enumerate(lines):
            node = _GRAPH_NODE.search(ln)
            if node is None:
                continue
            before = [b for b in lines[:i] if b and not _GRAPH_NOISE.match(b)]
            if before:
                return _gist(re.sub(r"^\(\d+\) [A-Z_]+:\s*", "", before[-1]))
            return f"Graph execution error in node {node.group(1) or node.group(2)}"
    return ""


# IPython's own traceback display failing on an earlier error (an interrupt, a broken import):
# the earlier error, in the chain, is the one to read.
_DISPLAY_FRAMES = frozenset(
    {
        "showtraceback",
        "structured_traceback",
        "_render_traceback_",
        "format_exception_as_a_whole",
        "find_recursion",
        "get_records",
        "_showtraceback",
    }
)
_KERNEL_DIED = re.compile(
    r"Kernel crashed while executing|kernel (?:appears to have )?died|Canceled future for "
    r"execute_request",
    re.I,
)


def display_failure(parsed: ParsedError) -> tuple[str, str] | None:
    """(name, message) of the error IPython failed to display, when the raised error comes from
    IPython's traceback display itself; else None. No rule's template applies then."""
    if not parsed.chain or not any(
        f.library == "IPython" and f.function.rsplit(".", 1)[-1] in _DISPLAY_FRAMES
        for f in parsed.frames[-6:]
    ):
        return None
    return parsed.chain[0]


def _special_hint(parsed: ParsedError) -> str:
    """The hint of a crash that is not an error of the user's line: the kernel died, or IPython
    failed while showing an earlier error."""
    if not parsed.ename and not parsed.message and _KERNEL_DIED.search(parsed.text[:5_000]):
        return (
            "The kernel process died while running this cell (or an earlier one), so Python left "
            "no traceback: native code crashed or memory ran out. Restart the kernel and run the "
            "cells one at a time to find the one that stops it."
        )
    shown = display_failure(parsed)
    if shown is None:
        return ""
    name, text = shown
    if name == "KeyboardInterrupt":
        return (
            "The cell was interrupted (KeyboardInterrupt), and IPython failed while showing "
            "that: run the cell again and let it finish."
        )
    gist = _gist(text)
    return (
        f"IPython failed while showing an earlier {name}{': ' + gist if gist else ''}. That "
        "earlier error is the one to fix: run the cell again to see its own traceback."
    )


_MAGIC = re.compile(r"get_ipython\(\)\.run_(line|cell)_magic\('(\w+)',\s*'([^']*)'")
# An installed package's file (not the user's own module next to the notebook).
_INSTALLED = re.compile(r"[\\/](?:site|dist)-packages[\\/]|[\\/]lib[\\/]python\d")
_IMPORT_LINE = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))")


def _as_written(line: str) -> str:
    """The line as the user typed it: ``%load x`` rather than IPython's translation."""
    m = _MAGIC.search(line)
    if m is None:
        return line
    return f"%{m.group(2)} {m.group(3)}".strip() if m.group(1) == "line" else f"%%{m.group(2)}"


def _balanced(line: str) -> bool:
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", line)
    return all(bare.count(a) == bare.count(b) for a, b in ("()", "[]", "{}"))


def safe_hint(parsed: ParsedError) -> str:
    """The family's safe hint: what failed and where (the user's call, the library it went
    into), the message's own words and its stated fix (or the values it allows, and the user's
    arguments it names), and what to look at. True for every crash of the family: it guesses no
    cause."""
    special = _special_hint(parsed)
    if special:
        return special
    call = failing_call(parsed)
    # A trailing comment is no part of the statement a hint quotes.
    line = re.sub(r"\s+#[^'\"]*$", "", _as_written(parsed.user_line.strip()))
    what = parsed.ename or "an error"
    own = own_raise(parsed)
    arguments = call.arguments if call is not None else tuple(call_arguments(line))
    if call is not None and _MAGIC.search(call.text) is None and not own:
        inside = taxonomy.title("library", call.library) if call.library else ""
        lead = f"`{call.text}` raised {what}" + (f" inside {inside}" if inside else "")
        on = f"in `{call.text if len(call.text) <= 30 else call.function + '(…)'}`"
    elif own:
        function = parsed.last_frame.function.strip("<>") if parsed.last_frame else ""
        where = f" in `{function}()`" if re.fullmatch(r"[A-Za-z_][\w.]*", function) else ""
        lead, on = f"Your own code raised {what}{where}", ""
    elif line and len(line) <= MAX_CALL and not _FRAGMENT.search(line) and _balanced(line):
        lead, on = f"`{line}` raised {what}", "on that line"
    else:
        lead, on = f"The marked line raised {what}", "on that line"
    literal_only = line.startswith("%") or (
        bool(arguments) and all(literal_argument(a) for a in arguments)
    )
    gist = _inner_gist(parsed) or _gist(parsed.message)
    look = _what_to_look_at(parsed, gist, on, arguments, own, literal_only)
    if len(lead) + len(gist) + len(look) > _HINT_MAX and call is not None:
        lead = lead.replace(f"`{call.text}`", f"`{call.function}(…)`", 1)
    first = f"{lead}: {gist}" if gist else lead
    first += "" if first.endswith(("?", "!", "…")) else "."
    return f"{first} {look}"


def _what_to_look_at(parsed, gist, on, arguments, own_raise, literal_only) -> str:
    """The safe hint's second sentence: the message's stated fix, else the values it allows and
    the user's arguments it names, else what to look at for the exception's family."""
    fix = stated_fix(parsed.message)
    if fix and fix.rstrip(".!?") not in gist:
        return f"The message says what to do: {fix.rstrip('.')}."
    given, near = closest_allowed(parsed.message, arguments)
    if near:
        return f"`{given}` is not among the values it allows: did you mean `{near}`?"
    allowed = allowed_values(parsed.message, gist)
    passed = named_arguments(
        parsed, arguments, gist if _WRAPPER.search(parsed.message) else parsed.message
    )
    quoted = " and ".join(f"`{a}`" for a in passed)
    if allowed and quoted:
        return f"Compare {quoted} with what the message allows ({allowed})."
    if allowed:
        return f"The message says what it accepts: {allowed}."
    if quoted:
        return f"Check {quoted}, the argument{'s' if len(passed) > 1 else ''} the message names."
    if own_raise:
        return "Print the values the condition before this `raise` tests."
    family = _FAMILY.get(parsed.ename, parsed.ename)
    if not parsed.message.strip() and "message" in _LOOK.get(family, _LOOK_ELSE):
        # A saved output that lost its message (Colab's "ignored"): nothing to compare with.
        return (
            "The error has no message here (a saved notebook may have dropped it): run the cell "
            "again and read the traceback's last line."
        )
    imported = _IMPORT_LINE.match(parsed.user_line)
    installed = any(_INSTALLED.search(f.filename) for f in parsed.frames if not f.is_user)
    failure = _not_about_inputs(parsed, family)
    if failure:
        return failure
    if imported and family not in ("ImportError", "NameError") and installed:
        module = (imported.group(1) or imported.group(2)).split(".")[0]
        libraries = [f"`{lib}`" for lib in parsed.libraries[:3] if lib != module]
        inside = f" (in {', '.join(libraries)})" if libraries else ""
        return (
            f"The error came from code that ran while `{module}` was imported{inside}, not from "
            "your line: restart the kernel and import it again; if it fails again, the installed "
            "package versions do not fit together (compare them with `%pip list`)."
        )
    if family == "ValueError" and literal_only:
        return _LOOK_ELSE.format(on=on)
    return _LOOK.get(family, _LOOK_ELSE).format(on=on or "on that line")


# Messages that say what failed without any value of the user's call being wrong: the
# family's "check the inputs" look would send the user after the wrong thing. Each is known by
# lower-case substrings of "ename: message" (`in` tests: a message may be 4,000 characters).
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("python worker failed to connect back",),
        "Spark could not start its Python workers (common on Windows): set "
        "`os.environ['PYSPARK_PYTHON'] = sys.executable` before creating the SparkSession, then "
        "restart the kernel.",
    ),
    (
        ("keyboard interrupt", "keyboardinterrupt", "interrupted"),
        "The run was interrupted (the stop button or Ctrl-C) before it finished: run the cell "
        "again and let it finish.",
    ),
    (
        (
            "executables not found", "executable not found", "executables were not found",
            "not installed or it's not in", "not in path", "not in your path",
            "pdfinfonotinstallederror", "java gateway process exited", "chromedriver",
            "geckodriver",
        ),
        "A program or component outside Python that this library runs is missing, not on PATH "
        "or of another version: install the one it needs (see the library's installation "
        "notes), then restart the kernel.",
    ),
    (
        (
            "forbidden", "unauthorized", "unauthorised", "not_authorized", "quota",
            "rate limit", "too many requests", "billing", "credential", "subscription",
            "plan doesn't include",
        ),
        "The service refused the request (access, plan or quota), not a value of your code: "
        "check your credentials and plan, or wait and retry later.",
    ),
    (
        (
            "broken pipe", "could not open port", "access is denied", "failed to rename",
            "socket is already closed", "connection reset", "connection refused",
            "connection aborted", "timed out", "timeout", "failed copying input tensor",
            "dst tensor is not initialized",
        ),
        "The operating system, a device or a connection failed here, not a check of your values: "
        "retry, and make sure no other program holds the port, file or device it names.",
    ),
)  # fmt: skip
_HTTP_REFUSED = re.compile(r"\b(?:401|403|429)\b")
# Words of a message about the values, types or shapes the code passed: only then does the
# family's "check the inputs" look apply.
_ABOUT_INPUTS: tuple[str, ...] = (
    "argument", "parameter", "param", "expect", "must be", "must have", "should be", "invalid",
    "unknown", "got", "not supported", "unsupported", "shape", "dtype", "type", "value", "index",
    "length", "size", "dimension", "column", "key", "not in", "out of range", "out of bounds",
    "empty", "convert", "cast", "incompatible", "mismatch", "require", "need", "missing",
    "cannot", "can't", "could not", "not a ", "not an ", "only", "allowed", "positive",
    "negative", "nan", "infinity", "format", "encod", "decod", "found", "exist", "nonetype",
    "object", "iterable", "callable", "subscriptable", "attribute", "divi", "equal", "sql",
    "syntax", "file", "path", "director", "folder", "writ", "read", "open", "save", "load",
)  # fmt: skip


def _not_about_inputs(parsed: ParsedError, family: str) -> str:
    """The look sentence of a message that names a failure no input of the user explains (an
    interrupt, a missing program, a refused service, the OS or a device), or of a message of no
    input words at all, for the families whose look is "check the inputs"; else ""."""
    # The opening says what failed; Spark's Java stack buries its cause, read whole for it.
    said = f"{parsed.ename}: {parsed.message[:1_000]}".lower()
    for words, sentence in _FAILURES:
        whole = parsed.message.lower() if words is _FAILURES[0][0] else said
        if any(word in whole for word in words):
            return sentence
    if ("401" in said or "403" in said or "429" in said) and _HTTP_REFUSED.search(said):
        return _FAILURES[3][1]
    if family in _LOOK and family not in ("ValueError", "TypeError"):
        return ""
    opening = parsed.message[:1_000].lower()
    if any(word in opening for word in _ABOUT_INPUTS):
        return ""
    library = parsed.api_library or parsed.library
    whose = f" is `{library}`'s own account of the failure and" if library else ""
    return (
        f"The message{whose} names no value of your code to check: search for it together with "
        "the library's name and version."
    )


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
