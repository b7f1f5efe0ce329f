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
from .rules.imports import module_not_found_hint, package_for
from .rules.keys import missing_key_hint
from .rules.names import undefined_name_hint
from .traceback import ParsedError
from .where import MAX_CALL, failing_call


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
# either using …", "Did you mean …?"): the user must read them first.
_STATED_FIX = re.compile(
    r"(?:^|(?<=[.:!?]\s)|(?<=\n))\s*((?:Please|Use|Try|Did you mean|Reshape|Consider|Install|"
    r"Maybe you meant|Perhaps you|Make sure|To fix|HINT|Hint|You (?:should|must|need to|can|may "
    r"want to|might want to))\b[^\n]{3,220}?(?:[.!?](?=\s|$)|$))",
    re.M,
)
# The code line a "…:" fix sentence introduces (">>> nltk.download('punkt')", "pip install x").
_CODE_AFTER = re.compile(
    r"\s*\n\s*(?:>>>\s*)?((?:[\w.]+\(.*\)|%?pip install \S.*|!?\S+ -m \S.*))\s*$", re.M
)
_GIST_MAX = 140
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
    colon takes the code on the next line with it ("… obtain the resource: `nltk.download(…)`")."""
    text = message[:4_000]
    for m in _STATED_FIX.finditer(text):
        sentence = " ".join(m.group(1).split())
        if sentence.endswith(":"):
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
    for more in lines[start + 1 : start + 4]:
        if not re.match(r"[a-z]+ ", more) or first.endswith((".", "!", "?", ":")):
            break
        first = f"{first} {more}"
    m = re.match(r"(.{20,}?[.!?])\s+[A-Z(]", first)
    if m:
        first = m.group(1)
    if len(first) > _GIST_MAX:
        first = first[: _GIST_MAX - 1].rstrip() + "…"
    return first.rstrip(".:")


def safe_hint(parsed: ParsedError) -> str:
    """The family's safe hint: what failed and where (the user's call, the library it went
    into), the message's own words and its stated fix, and what to look at. True for every
    crash of the family: it guesses no cause."""
    call = failing_call(parsed)
    line = parsed.user_line.strip()
    what = parsed.ename or "an error"
    if call is not None:
        inside = taxonomy.title("library", call.library) if call.library else ""
        lead = f"`{call.text}` raised {what}" + (f" inside {inside}" if inside else "")
        on = f"in `{call.text if len(call.text) <= 30 else call.function + '(…)'}`"
    elif line and len(line) <= MAX_CALL and not _FRAGMENT.search(line):
        lead, on = f"`{line}` raised {what}", "on that line"
    else:
        lead, on = f"The marked line raised {what}", "on that line"
    gist = _gist(parsed.message)
    first = f"{lead}: {gist}" if gist else lead
    first += "" if first.endswith(("?", "!", "…")) else "."
    fix = stated_fix(parsed.message)
    if fix and fix.rstrip(".!?") not in gist:
        return f"{first} The message says what to do: {fix.rstrip('.')}."
    family = _FAMILY.get(parsed.ename, parsed.ename)
    return f"{first} {_LOOK.get(family, _LOOK_ELSE).format(on=on)}"


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
