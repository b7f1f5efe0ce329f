"""The message's own words, as a hint quotes them: its gist (the first sentence, cut to a readable
length), the fix it states ("Please use …", "Did you mean …?"), and the words of an error it
wraps (Keras's "in user code:", a worker's traceback, TensorFlow's graph errors)."""

from __future__ import annotations

import re

from .traceback import ParsedError

# Sentences of a message that state the fix ("Please use the NLTK Downloader", "Reshape your data
# either using …", "Did you mean …?", "As a substitution, consider using …"): the user must read
# them first.
_STATED_FIX = re.compile(
    r"(?:^|(?<=[.:!?]\s)|(?<=\n))\s*(?:\d\. )?((?:[A-Z][a-z]+(?: [a-z]+){0,3}, "
    r"(?=consider|please|try|use)|(?:When|If) [^,.\n]{3,60}, (?=you (?:should|must|need to)\b))?"
    r"(?:Please|Use|Try|Did you mean|Reshape|Consider|Install|Downgrade|Upgrade|consider|please|"
    r"try|use|"
    r"Maybe you meant|Perhaps you|Make sure|To fix|HINT|Hint|Only call|"
    r"[Yy]ou (?:should|must|need to|can(?!'t|not)|may want to|might want to)|[Nn]eed to call)"
    r"\b[^\n]{3,220}?(?:[.!?](?=\s|$)|$))",
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
        if not _NOT_A_FIX.search(sentence) or _INSTALL_AT.match(sentence):
            return sentence
    # pandas' "Slicing a positional slice with .loc is not allowed, Use .loc with labels or
    # .iloc with positions instead.": a capitalised fix verb right after a comma
    after_comma = _FIX_AFTER_COMMA.search(text)
    if after_comma and not _NOT_A_FIX.search(after_comma.group(1)):
        return " ".join(after_comma.group(1).split())
    return ""


# "Install MeCab in order to use it: http://konlpy.org/…": the install page is the fix itself.
_INSTALL_AT = re.compile(r"(?:Install|Download|Upgrade)\b[^:]{3,80}:\s*https?://\S+$")
_FIX_AFTER_COMMA = re.compile(
    r",\s((?:Use|Please use|Try|Consider using)\s[^\n]{3,200}?(?:[.!?](?=\s|$)|$))"
)


# A service's reason for refusing a request, in the message's own words.
_REFUSAL = re.compile(r"\b(?:subscription|pricing|billing|quota|rate limit)\b", re.I)


def refusal_before_fix(message: str, fix: str) -> str:
    """The sentence of ``message`` that gives a service's refusal (a subscription, a quota, a
    plan) when it comes before the stated ``fix``: the fix is then the service's stock advice
    ("Make sure to include your HF token"), the refusal the reason. "" otherwise."""
    text = message[:4_000]
    at = text.find(fix.split("`")[0][:40]) if fix else -1
    if at <= 0:
        return ""
    for piece in re.split(r"(?<=[.;!?])\s+|\n+", text[:at]):
        piece = " ".join(piece.split()).rstrip(";")
        if _REFUSAL.search(piece) and not piece.startswith("("):
            return piece
    return ""


_PRINTED_BLOCK = re.compile(r"\s*\{\n(?:[^\n]*\n)*?\}[ \t]*\n?")


# A sentence's end inside a quoted message: "No GPU found. A GPU is needed", "Solver 'ECOS'
# failed. Try another solver.", "Loss is NaN! Stopping", a dot before a quoted value that starts
# the next sentence ("… control characters. '/api/…' (found …)"). Not after one letter ("e.g.")
# or a title ("Mr. Joseph").
_QUOTED_SENTENCE_END = re.compile(
    r"(?<=[\w)\]'\"`])(?<!\b\w)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)"
    r"(?:\. (?=[A-Z]|'[^'\n]{2,}'(?!\w))|[!?] (?=[A-Z]))"
)
# Words shortened with a dot that a capital may follow inside a sentence ("vs. Pandas",
# "approx. Total", "St. Louis", "Fig. A").
_ABBREVIATION = re.compile(
    r"(?:\b(?:vs|etc|approx|incl|excl|dept|Inc|Ltd|Co|Corp|Jr|Sr|St|Mt|Ave|Prof|Gen|Col"
    r"|Lt|Sgt|Capt|Rev|No|Nos|Nr|Fig|Figs|Vol|Eq|Sec|Ch|Ref|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep"
    r"|Sept|Oct|Nov|Dec|cf))$",
    re.I,
)
# A quoted value inside the message ('St. Louis', "Approx. Total"): the data's own text. One
# that opens the message is the message itself (KeyError's quotes), so it is no value.
_QUOTED_VALUE = re.compile(r"""(?<![\w'"])(['"])[^'"\n]*\1(?!\w)""")


def one_sentence(text: str) -> str:
    """A message quoted inside a hint's sentence kept as one sentence of the hint: its own
    sentence ends become semicolons, so the hint stays at two sentences. A quoted value's dots
    and an abbreviation's ("vs. Pandas") are left as they are."""
    values = [m.span() for m in _QUOTED_VALUE.finditer(text) if m.start() > 0]

    def end(m: re.Match) -> str:
        if any(a < m.start() < b for a, b in values) or _ABBREVIATION.search(text[: m.start()]):
            return m.group(0)
        return "; "

    return _QUOTED_SENTENCE_END.sub(end, text)


_FRAME_RULE = re.compile(r"([*=_#~-])\1{9,}")


def message_gist(message: str) -> str:
    """The message's first sentence (or line), cut to a readable length. A line wrapped in the
    middle of a sentence (the next one goes on in lower case) is read with its continuation."""
    # A printed object that opens the message (a pipeline's JSON config): its body is no
    # sentence; "X {…} has been incorrectly initialized" is.
    if message.lstrip().split("\n", 1)[0].rstrip().endswith("{"):
        message = _PRINTED_BLOCK.sub(" {…} ", message[:20_000], count=1)
    # A rule of stars or dashes framing the message (NLTK's "*****…" box) is no sentence.
    lines = [ln.strip() for ln in message.splitlines()]
    lines = [ln for ln in lines if not _FRAME_RULE.fullmatch(ln)] or lines
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
    first = one_sentence(first)
    return "" if first in ("Message", "Error") else first


# Exceptions that carry the real error further down their message: Keras' "in user code:" stack,
# a worker's "Traceback (most recent call last)" or "Caught X in DataLoader worker process".
WRAPPER = re.compile(
    r"^\s*in user code:|Traceback \(most recent call last\)|^Caught \w+ in "
    r"|^Exception raised: <class",
    re.M,
)
# pythae's ModelError: "… Exception raised: <class 'TypeError'> with message: list indices …",
# the error its check of the model caught (the advice listed before it is a guess).
_RAISED_WITH = re.compile(r"Exception raised: <class '(?:[\w.]+\.)?(\w+)'> with message: (.+)")
# statsmodels' "predict requires that you use a DataFrame …" quotes the error patsy raised, which
# says what failed (a category the model never saw).
_ORIGINAL = re.compile(
    r"original error message(?: returned by [\w ]+)? (?:is|was):\s*\n+(.+)", re.I
)
_INNER_ERROR = re.compile(r"^\s*(?:[\w.]+\.)?(\w+(?:Error|Exception|Exit)): (.+)$", re.M)


# TensorFlow's "Graph execution error": the op's message stands before its "[[{{node …}}]]".
_GRAPH_NODE = re.compile(r"\[\[\{\{node ([^}]+)\}\}\]\]|\[\[Node: ([^ =\]]+)")
_GRAPH_NOISE = re.compile(
    r"^(?:Detected at node|Node:|File |\d+ root error|\d+ successful|\d+ derived|"
    r"Graph execution error|\[\[|Caused by|Traceback|\s*$)"
)


def inner_gist(parsed: ParsedError) -> str:
    """The wrapped error's own words when the message only wraps it ("in user code: …
    ValueError: Shape mismatch …"), else ""."""
    message = parsed.message[:20_000]
    original = _ORIGINAL.search(message)
    if original:
        return message_gist(original.group(1))
    raised = _RAISED_WITH.search(message)
    if raised:
        return f"{raised.group(1)}: {message_gist(raised.group(2))}"
    if WRAPPER.search(message):
        found = _INNER_ERROR.findall(message)
        if found:
            name, text = found[-1]
            inner = message_gist(text)
            return inner if name == parsed.ename else f"{name}: {inner}"
    if message.startswith("Graph execution error"):
        lines = [ln.strip() for ln in message.splitlines()]
        for i, ln in enumerate(lines):
            node = _GRAPH_NODE.search(ln)
            if node is None:
                continue
            before = [b for b in lines[:i] if b and not _GRAPH_NOISE.match(b)]
            if before:
                return message_gist(re.sub(r"^\(\d+\) [A-Z_]+:\s*", "", before[-1]))
            return f"Graph execution error in node {node.group(1) or node.group(2)}"
    return ""
