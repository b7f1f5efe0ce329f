"""Where the failing line reads an attribute: the expression before the dot, whether a function
it called read it instead, what the cell last assigned to a name, and a line that replaces its
own object (``X = X.values``, wrong on a second run)."""

from __future__ import annotations

import re

from ..text import expression_before, spelled_alike
from ..traceback import ParsedError
from ..where import continued_lines, failing_line_number, own_lines
from .tables.members import MEMBERS
from .tables.removed_apis import lookup


def reads_on_line(p: ParsedError, attr: str) -> re.Match | None:
    """Where the user's failing line reads `.attr`, if it does."""
    if not attr or "." + attr not in p.user_line:
        return None  # (no compile of the pattern where it cannot match)
    return re.search(rf"\.{re.escape(attr)}\b", p.user_line)


def read_inside(p: ParsedError, attr: str) -> bool:
    """The traceback shows the user's line and it does not read `.attr`: a function it called
    did. (A record without the line, a bare message, proves nothing either way.) A statement
    continued over the next lines counts whole: Python before 3.8 marks its first line, whatever
    line of it failed (`df = (pd.read_csv(f)` over `.dropall(...))`)."""
    if not p.user_line.strip() or reads_on_line(p, attr) is not None:
        return False
    return not re.search(rf"\.{re.escape(attr)}\b", continued_lines(p))


def object_of(p: ParsedError, attr: str) -> str:
    """The expression before `.attr` on the failing line (`item.find('addr')`), or ""."""
    m = reads_on_line(p, attr)
    return expression_before(p.user_line, m.start()) if m else ""


def assigned_to(p: ParsedError, name: str) -> str:
    """What the cell's code last assigns to ``name`` before the failing line (the right-hand
    side), or ""."""
    if not re.fullmatch(r"[\w.]+", name or ""):
        return ""
    lines = own_lines(p)[: failing_line_number(p) - 1 or 2000]
    found = re.findall(rf"^\s*{re.escape(name)}\s*=(?!=)\s*(.+?)\s*$", "\n".join(lines), re.M)
    return found[-1] if found else ""


def misspelled_member(message: str) -> bool:
    """ "'DataFrame' object has no attribute 'sort_value'": a member of that type, misspelled
    (`sort_values`); no earlier run changes what the type has."""
    m = re.search(r"'([\w.]+)' object has no attribute '(\w+)'", message)
    members = MEMBERS.get(m.group(1), frozenset()) if m else frozenset()
    return any(spelled_alike(m.group(2), member) for member in members)


# "'DataFrame' object has no attribute 'append'", "module 'numpy' has no attribute 'float'"
_NO_MEMBER = re.compile(r"(module )?'([\w.]+)'(?: object)? has no attribute '(\w+)'")


def removed_member(message: str) -> bool:
    """The member is one the installed library removed (`DataFrame.append`, pandas 2.0): every
    run fails alike, whatever ran before."""
    m = _NO_MEMBER.search(message)
    if not m:
        return False
    owner = m.group(2) if m.group(1) else m.group(2).rsplit(".", 1)[-1]
    return lookup(owner, m.group(3)) is not None


# Methods whose result is an object of the same kind, which has the method again.
_KEEPS_ITS_KIND = frozenset(
    {"reshape", "astype", "copy", "transpose", "flatten", "ravel", "squeeze", "unsqueeze"}
    | {"view", "clip", "round", "fillna", "dropna", "drop", "rename", "reset_index"}
    | {"sort_values", "sort_index", "replace", "head", "tail", "reindex"}
)


# What pandas' and NumPy's methods of these names return: a second run leaves one of these.
_RESULT_KINDS = {
    "unique": frozenset({"ndarray", "Categorical", "DatetimeArray", "ExtensionArray"}),
    "to_numpy": frozenset({"ndarray"}),
    "values": frozenset({"ndarray"}),
    "tolist": frozenset({"list", "int", "float", "str", "bool"}),
    "to_list": frozenset({"list"}),
    "to_dict": frozenset({"dict", "list"}),
}


# Methods that write a file and return None (or the text when given no path).
_WRITES_A_FILE = frozenset(
    {"to_csv", "to_excel", "to_json", "to_parquet", "to_pickle", "to_html", "to_sql", "save"}
    | {"savefig", "to_feather", "to_hdf", "to_latex", "to_markdown", "write"}
)


def reassigned_on_rerun(p: ParsedError, attr: str, owner: str) -> str:
    """`X = X.values`: a second run of the cell applies the line to its own result."""
    m = re.match(rf"\s*([\w.]+)\s*=\s*([\w.]+)\.{re.escape(attr)}\b", p.user_line)
    if m is None or m.group(1) != m.group(2) or in_loop_body(p):
        # In a loop's body an earlier pass, not only an earlier run, may have replaced it.
        return ""
    if "." not in m.group(1) and _in_a_function(p):
        return ""  # a function's local name starts afresh on every call, whatever ran before
    if _made_afresh_before(p, m.group(1).split(".")[0]):
        return ""  # `df = load(); df.index = df.index.date`: every run builds `df` anew first
    if misspelled_member(p.message):
        return ""  # `qm = qm.sort_value(...)`: a slip of every run, not of a second one
    if attr in _WRITES_A_FILE and owner not in ("NoneType", "str"):
        return ""  # `f = f.to_csv(path)` leaves None (or text), never the `list` of the message
    if attr in _KEEPS_ITS_KIND and "inplace" not in p.user_line:
        # `x = x.reshape(1, -1)` gives an array, which has `.reshape` again: a second run does
        # not fail, so a `list` here came from the cell that made `x`, not from this line
        return ""
    kinds = _RESULT_KINDS.get(attr)
    if kinds and owner.rsplit(".", 1)[-1] not in kinds:
        # `tags = tags.unique()` gives an array, never the `list` of the message: the value
        # came from elsewhere (a cell that assigns a list), not from an earlier run of this line
        return ""
    name = m.group(1)
    return (
        f"This line replaces `{name}` with `{name}.{attr}`: if the cell ran before, `{name}` "
        f"already holds that result (a `{owner}`), which has no `.{attr}`; re-run the cell that "
        f"creates `{name}` first."
    )


def _made_afresh_before(p: ParsedError, root: str) -> bool:
    """A shown line above the failing one, in the same frame, assigns `root` anew (`root = ...`
    or `a, root = ...`): a second run rebuilds it before this line, so no earlier run shows."""
    frame = next((f for f in reversed(p.frames) if f.is_user), None)
    if frame is None or frame.failing_line not in frame.code_lines:
        return False
    before = frame.code_lines[: frame.code_lines.index(frame.failing_line)]
    target = rf"^\s*(?:[\w.]+\s*,\s*)*{re.escape(root)}\s*(?:,\s*[\w.]+\s*)*=(?!=)(.*)"
    word = rf"\b{re.escape(root)}\b"
    # `df = df.copy()` keeps the former run's `df`: only a value made without it is afresh
    return any((m := re.match(target, line)) and not re.search(word, m.group(1)) for line in before)


def _in_a_function(p: ParsedError) -> bool:
    """The failing line is in the body of a function of the user's (the deepest frame of a cell
    is a `def`'s, not the cell's own `<module>` or `<cell line: N>`)."""
    frame = next((f for f in reversed(p.frames) if f.is_user), None)
    return frame is not None and bool(re.fullmatch(r"[A-Za-z_][\w.]*", frame.function))


def in_loop_body(p: ParsedError) -> bool:
    """The failing line sits in the body of a `for` or `while` of the cell: at its number, or
    wherever the cell has its text (a cell edited after it ran moves its lines)."""
    lines = own_lines(p)
    text = p.user_line.strip()
    places = {i for i, line in enumerate(lines) if text and line.strip() == text}
    number = failing_line_number(p)
    places |= {number - 1} if 0 < number <= len(lines) else set()
    return any(_under_loop(lines, i) for i in places)


def _under_loop(lines: list[str], at: int) -> bool:
    indent = len(lines[at]) - len(lines[at].lstrip())
    for line in reversed(lines[:at]):
        depth = len(line) - len(line.lstrip())
        if not line.strip() or depth >= indent:
            continue
        if re.match(r"\s*(?:async\s+)?(?:for|while)\b", line):
            return True
        indent = depth  # an enclosing `if`/`def`/`with`: look further out
    return False


# A match object's members: read of None, they follow a search that found nothing.
_MATCH_MEMBERS = frozenset({"group", "groups", "groupdict", "span", "start", "end"})
# `self.RE_TKK.search(r.text).group(1)`: the search call whose result the line reads a member of.
_SEARCH_THEN_MEMBER = re.compile(
    r"([\w.]*\.(?:search|match|fullmatch)\((?:[^()]|\([^()]*\))*\))\s*\.(\w+)\b"
)
_NONE_READ = re.compile(r"'NoneType' object has no attribute '(\w+)'")


def search_found_nothing(p: ParsedError) -> tuple[str, str]:
    """(the search call, the member read) when a library's (or a project's) frame raised the
    None error reading a match's member straight off a `.search(...)`/`.match(...)`
    (`self.RE_TKK.search(r.text).group(1)`): the regular expression found no match in the text
    it searched, no value the user passed is None. () otherwise."""
    last = p.last_frame
    said = _NONE_READ.search(p.message)
    if said is None or said.group(1) not in _MATCH_MEMBERS or last is None or last.is_user:
        return ()
    for m in _SEARCH_THEN_MEMBER.finditer(last.failing_line):
        if m.group(2) == said.group(1):
            return m.group(1), m.group(2)
    return ()
