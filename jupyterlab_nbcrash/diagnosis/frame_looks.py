"""The safe hint's second sentence where a library's own frames show what failed, not the values
on the user's line: a check that catches every error and reports one message, an attribute the
object already held (`self.estimators`), one library calling another that its installed version
refuses, Keras 3's symbolic tensors handed to TensorFlow by a library written for Keras 2. Each
reads the frames' printed lines, so it holds for every crash whose frames show it."""

from __future__ import annotations

import builtins
import re
from collections import Counter

from .definitions import seen_code
from .rules.attribute_reads import search_found_nothing
from .rules.module_names import pip_name
from .traceback import Frame, ParsedError, strip_ansi
from .where import failing_call

# `except:` or `except Exception:` with no name: whatever failed inside, the same message.
_CATCH_ALL = re.compile(r"^except(?:\s+(?:Exception|BaseException))?\s*:")


# A frame of a notebook cell in a traced stack a message lists (Keras's "in user code:"), in
# TensorFlow's two styles: `/tmp/ipykernel_830/12.py:21 call  *` and `File "<ipython-input-3-a>",
# line 21, in call`, each followed by its code line.
_TRACED_CELL = re.compile(
    r"""^\s*(?:File ")?(?:\S*ipykernel_\d+[\\/]\d+\.py|<ipython-input-\d+-[0-9a-f]+>"""
    r"""|\S*ipython-input-[\w-]+\.py)(?:",? line |:)(\d+),?(?: in)? (\w+)[ *]*\n\s+(\S[^\n]*)""",
    re.M,
)


def traced_cell_line_look(parsed: ParsedError) -> str:
    """Keras's "in user code:" lists the stack it traced the model with; a cell's frame in it
    (the user's `call` or step function) is the user's own line that made the failing op, below
    the call the traceback marks (`model.fit(...)`), which only ran the trace."""
    # the safe hint reads the wrapped error (its message cut to the inner one): the stack is
    # in the traceback's text
    text = parsed.message if "in user code:" in parsed.message[:300] else parsed.text
    at = text.rfind("in user code:")
    if at < 0:
        return ""
    found = list(_TRACED_CELL.finditer(strip_ansi(text[at : at + 20_000])))
    if not found:
        return ""
    line, function, code = found[-1].groups()
    code = code.split("  #", 1)[0].strip()
    return (
        f"The error comes from your own code that TensorFlow traced, line {line} of "
        f"`{function}` in a cell (`{code}`): check what that line passes against the message."
    )


def caught_everything_look(parsed: ParsedError) -> str:
    """The library's `raise` sits right under an `except:` that catches any error: its message
    names one cause, while the error it caught may have been another (lifelines' "Values must
    be numeric" for an empty group)."""
    last = parsed.last_frame
    if last is None or last.is_user or not last.library or not _raise_under_catch_all(last):
        return ""
    if _FORMATTED.search(last.failing_line):
        # `raise TypeError('Could not convert %s to numeric' % str(x))`: the message shows the
        # value the check failed on, so it tells its own cause
        return ""
    pandas_kind = _caught_pandas_object(parsed)
    if pandas_kind:
        # the error it caught shows the check read a pandas object's attribute it lacks: the
        # library wants plain arrays, whatever the values
        return (
            f"`{last.library}` raises this message from an `except:`, and the error it caught "
            f"says its check failed on a pandas `{pandas_kind}`: pass plain NumPy arrays "
            "instead, `.to_numpy()` (or `.values`) of each column."
        )
    return (
        f"`{last.library}` raises this message from an `except:` that catches every error of its "
        "check, so the real fault may be another one (an empty input, a missing value): print "
        "`len(...)`, `.dtype` and the first values of what you pass."
    )


# The error a library's catch-all caught: a pandas object lacks what an array has.
_PANDAS_LACKS = re.compile(r"^'(Series|DataFrame|Index)' object has no attribute '\w+'")


def _caught_pandas_object(parsed: ParsedError) -> str:
    """The pandas kind (`Series`) when the error the catch-all caught, printed above the
    library's message, is an AttributeError of a pandas object; "" otherwise."""
    for name, message in parsed.chain:
        m = _PANDAS_LACKS.match(message) if name == "AttributeError" else None
        if m:
            return m.group(1)
    return ""


# A `raise` whose message is formatted with a value: `'... %s' % x`, `.format(x)`, `f"...{x}"`.
_FORMATTED = re.compile(r"""['"]\s*%\s*[\w(]|\.format\(|\bf['"][^'"]*\{""")


def _raise_under_catch_all(frame: Frame) -> bool:
    lines = [line.strip() for line in frame.code_lines]
    failing = frame.failing_line.strip()
    if not failing.startswith("raise ") or failing not in lines:
        return False
    at = lines.index(failing)
    return at > 0 and bool(_CATCH_ALL.match(lines[at - 1]))


_SELF_ATTRIBUTE = re.compile(r"\bself\.(\w+)")
_BUILTINS = frozenset(dir(builtins))


def own_attribute_look(parsed: ParsedError) -> str:
    """A library's method failed on a line that reads only its object's own attributes
    (`zip(*self.estimators)` in `fit`): what the object was built with, not what the user's
    call passes now, is what to check."""
    last = parsed.last_frame
    call = failing_call(parsed)
    if last is None or last.is_user or not last.library or call is None or "." not in call.function:
        return ""
    if last.function.rsplit(".", 1)[-1] != call.function.rsplit(".", 1)[-1]:
        return ""  # deeper inside, `self` is another object of the library's
    line = last.failing_line.strip()
    value = line.split("=", 1)[1] if re.match(r"^[\w\s,]+=(?!=)", line) else line
    attributes = _SELF_ATTRIBUTE.findall(value)
    if not attributes or value.lstrip().startswith("raise "):
        return ""
    bare = re.sub(r"\bself\.\w+|\.\w+|'[^']*'|\"[^\"]*\"", " ", value)
    if any(word not in _BUILTINS for word in re.findall(r"\b[A-Za-z_]\w*\b", bare)):
        return ""  # the line reads other values too (the call's arguments among them)
    owner = call.function.rsplit(".", 1)[0]
    attribute = attributes[0]
    return (
        f"It failed inside `{last.library}` on `self.{attribute}`, which `{owner}` already held "
        f"(from when it was created, or an earlier call), not on what you pass to "
        f"`{call.function}()`: print `{owner}.{attribute}` and compare it with what the "
        "documentation asks for (often a parameter given when the object was created)."
    )


_NO_ATTRIBUTE = re.compile(r"'([\w.]+)' object has no attribute '(\w+)'")
# `knn = pickle.load(f)`, `model = joblib.load(path)`, `m = load_model(...)`: an object from a file.
_LOADED_FROM_A_FILE = r"[ \t]*=[^\n]*\bload\w*\("


def unset_own_attribute_look(parsed: ParsedError) -> str:
    """The method the user's line calls (`knn.predict(3, 758)`) raised AttributeError reading
    its own object's attribute (`self.trainset`) of a library's class: nothing the call passes
    is read; the object lacks what another of its steps (a `fit`) sets, or, loaded from a file,
    was saved by another version of the library. "" otherwise."""
    m = _NO_ATTRIBUTE.search(parsed.message[:500])
    last = parsed.last_frame
    call = failing_call(parsed)
    if m is None or last is None or last.is_user or not last.library or call is None:
        return ""
    if "." not in call.function:
        return ""
    if last.function.rsplit(".", 1)[-1] != call.function.rsplit(".", 1)[-1]:
        return ""  # deeper inside, `self` is another object of the library's
    cls, attribute = m.group(1).rsplit(".", 1)[-1], m.group(2)
    if not re.search(rf"\bself\.{re.escape(attribute)}\b", last.failing_line):
        return ""
    code, whole = seen_code(parsed)
    if re.search(rf"^[ \t]*class[ \t]+{re.escape(cls)}\b", code, re.M):
        return ""  # a class of the user's: its own code sets (or forgets) the attribute
    owner = call.function.rsplit(".", 1)[0]
    reads = f"`{call.function}()` reads `self.{attribute}`"
    if re.search(rf"^[ \t]*{re.escape(owner)}{_LOADED_FROM_A_FILE}", code, re.M):
        return (
            f"{reads}, which the `{cls}` loaded into `{owner}` lacks: the file was saved before "
            "the step that sets it (such as `fit`) ran, or by another version of the library; "
            "save it again after that step, with the version installed now."
        )
    made = rf"^[ \t]*{re.escape(owner)}[ \t]*=[ \t]*[\w.]*\b{re.escape(cls)}\("
    if whole and re.search(made, code, re.M):
        return (
            f"{reads}, which this `{cls}` does not hold yet: another of its steps sets it (such "
            f"as `fit`) and has not run to its end on `{owner}`; run that step again and check "
            "that it ends without an error."
        )
    # made elsewhere (a function, another cell not sent, a file): both readings
    return (
        f"{reads}, which this `{cls}` does not hold: another of its steps sets it (such as "
        f"`fit`) and has not run to its end on `{owner}`, or `{owner}` was made by another "
        "version of the library (loaded from a file it saved)."
    )


# JPype's words for a Java call that no signature of the installed version takes.
_NO_OVERLOAD = re.compile(r"No matching overloads found")


def library_to_library_look(parsed: ParsedError) -> str:
    """konlpy calls JPype with arguments the installed JPype's Java bindings refuse: the two
    installed versions do not fit together; nothing the user passed reaches that call."""
    if not _NO_OVERLOAD.search(parsed.message[:300]):
        return ""
    frames = [f for f in parsed.frames if not f.is_user]
    if len(frames) < 2 or not frames[-1].library:
        return ""
    callee = frames[-1].library
    caller = next((f.library for f in reversed(frames) if f.library and f.library != callee), "")
    if not caller:
        return ""
    return (
        f"`{caller}`'s own code calls `{callee}` in a way your installed `{callee}` does not "
        f"accept: the two versions do not fit together; install the `{pip_name(callee)}` version "
        f"`{caller}` was made for (its installation notes), or upgrade `{caller}`, then restart "
        "the kernel."
    )


# Keras 3 heads a layer's error so ("Exception encountered when calling BasicDecoder.call()");
# Keras 2 wrote "... when calling layer 'x' (type Y)".
_KERAS3_CALL = re.compile(r"Exception encountered when calling [\w.]+\.call\(\)")
# Libraries made for Keras 2 that never had a release for Keras 3 (tensorflow-addons ended in 2024).
_KERAS2_ONLY = frozenset({"tensorflow_addons"})


def keras2_library_look(parsed: ParsedError) -> str:
    """A layer of a Keras-2-only library failed under Keras 3 (its wording heads the message):
    whatever the inner error, the library does not support the installed Keras."""
    if not _KERAS3_CALL.match(parsed.message.lstrip()[:200]):
        return ""
    library = next((f.library for f in parsed.frames if f.library in _KERAS2_ONLY), "")
    if not library:
        return ""
    return (
        f"`{library}` was made for Keras 2, and this error comes from Keras 3 (its wording), "
        "which it does not support: install `tf-keras` and set "
        "`os.environ['TF_USE_LEGACY_KERAS'] = '1'` before importing TensorFlow, or use "
        "TensorFlow 2.15 or older."
    )


_KERAS_TENSOR = re.compile(r"A KerasTensor cannot be used as input to a TensorFlow function")
_KERAS_PACKAGES = frozenset({"keras", "tensorflow", "tf_keras"})


def keras_tensor_in_library_look(parsed: ParsedError) -> str:
    """Keras 3's "A KerasTensor cannot be used as input to a TensorFlow function" raised from a
    library's code (not the user's): the library was written for Keras 2, and the message's
    advice (wrap the call in a layer) is for code the user does not own."""
    if not _KERAS_TENSOR.search(parsed.message[:300]):
        return ""
    outside = [f for f in parsed.frames if not f.is_user and f.library]
    callers = [f for f in outside if (f.package or f.library) not in _KERAS_PACKAGES]
    if not callers:
        return ""
    library = callers[-1].package or callers[-1].library
    return (
        f"`{library}`'s own code passes a Keras 3 symbolic tensor to a TensorFlow function, so "
        "it was written for Keras 2: install `tf-keras` and set `os.environ['TF_USE_LEGACY_KERAS']"
        f" = '1'` before importing TensorFlow, or use a version of `{library}` made for Keras 3."
    )


_TENSOR_AS_BOOL = re.compile(
    r"Using a (?:symbolic )?`tf\.Tensor` as a Python `bool` is not allowed"
)
# A line that tests a value's truth: `if x:`, `while x`, `x and y`, `not x`.
_TRUTH_TEST = re.compile(r"^\s*(?:el)?if\b|^\s*while\b|\b(?:and|or|not)\b")


def tensor_truth_in_library_look(parsed: ParsedError) -> str:
    """TensorFlow's "Using a `tf.Tensor` as a Python `bool`" where the line that tested the
    tensor (the frame above TensorFlow's own) is another library's (`if summaries:` in skflow):
    the message's advice (`if t is not None:`) is for code the user does not own."""
    if not _TENSOR_AS_BOOL.search(parsed.message[:200]):
        return ""
    outside = [f for f in parsed.frames if (f.package or f.library) not in _KERAS_PACKAGES]
    tester = outside[-1] if outside else None
    if tester is None or tester.is_user or not tester.library:
        return ""
    if not _TRUTH_TEST.search(tester.failing_line):
        return ""
    library = tester.package or tester.library
    return (
        f"The tensor was tested as True/False in `{library}`'s own code "
        f"(`{tester.failing_line.strip()}`), not in yours: this `{library}` does not fit your "
        f"TensorFlow version (install the TensorFlow it was made for, or a `{library}` made for "
        "yours), unless your call passed it a tensor where it expects a plain Python value."
    )


def tensor_truth_in_tensorflow_look(parsed: ParsedError) -> str:
    """TensorFlow's "using a `tf.Tensor` as a Python `bool`" where the line that tested the
    tensor (the frame above `__bool__`) is TensorFlow's own (`if name:` in `name_scope`) and the
    user's line tests nothing: the user's call handed a tensor to a parameter that takes a plain
    Python value, so the message's advice (eager execution, `@tf.function`) does not apply."""
    if "`tf.Tensor` as a Python `bool`" not in parsed.message[:200]:
        return ""
    frames = parsed.frames
    at = next((i for i, f in enumerate(frames) if f.function == "__bool__"), 0)
    tester = frames[at - 1] if at else None
    if tester is None or tester.is_user or tester.library not in _KERAS_PACKAGES:
        return ""
    if not _TRUTH_TEST.search(tester.failing_line):
        return ""
    users = [i for i, f in enumerate(frames[:at]) if f.is_user]
    if not users or _TRUTH_TEST.search(frames[users[-1]].failing_line):
        return ""
    called = frames[users[-1] + 1].function
    return (
        f"The tensor was tested as True/False in TensorFlow's own code "
        f"(`{tester.failing_line.strip()}` in `{tester.function}`), not in yours: your call of "
        f"`{called}` passed a tensor where it takes a plain Python value (a name, a flag), so "
        f"check its arguments against its signature (`help(...)`)."
    )


# "Unknown expression type <class 'cvxpy.atoms.affine.unary_operators.NegExpression'>": a type
# the message calls unknown or unsupported, named by its class.
_UNHANDLED_TYPE = re.compile(
    r"(?:unknown|unsupported|not supported|cannot handle|unexpected)\b[^<\n]{0,40}"
    r"<class '(\w+)\.(?:[\w.]*\.)?(\w+)'>",
    re.I,
)


def own_type_unhandled_look(parsed: ParsedError) -> str:
    """A library's code calls a type of its own unknown (cvxpy's `NegExpression` at one of its
    reduction steps): the expression built with that library takes a form this version of its
    code does not process, whatever the values in it."""
    unhandled = _UNHANDLED_TYPE.search(parsed.message[:300])
    last = parsed.last_frame
    if unhandled is None or last is None or last.is_user:
        return ""
    library, kind = unhandled.groups()
    if (last.package or last.library) != library:
        return ""
    return (
        f"`{library}` met one of its own objects (`{kind}`) at a step of its code that does not "
        f"handle it: what you built with `{library}` takes a form this version cannot process; "
        f"upgrade `{library}`, or write that expression another way."
    )


def library_recursion_look(parsed: ParsedError) -> str:
    """A RecursionError whose repeating frames are a library's and none of the user's: that
    library's own recursion, reached by the marked call (no missing stop condition of the
    user's). Python's "Previous line repeated" names no function, so then a function of the
    user's in the traceback may be the one that repeats."""
    if parsed.ename != "RecursionError":
        return ""
    own = [fr.function for fr in parsed.frames if fr.is_user and fr.function != "<module>"]
    skipped = set(re.findall(r"skipping similar frames: ([\w.<>]+)", parsed.text))
    if len(own) != len(set(own)) or skipped & set(own):
        return ""
    if own and "Previous line repeated" in parsed.text:
        return ""
    repeated = Counter(
        (fr.package or fr.library, fr.function) for fr in parsed.frames if fr.library
    )
    if not repeated:
        return ""
    (library, function), count = repeated.most_common(1)[0]
    if count < 2:
        return ""
    return (
        f"The repeating frames are `{library}`'s own (`{function}`), none of yours: the marked "
        f"call is a use `{library}` does not handle this way; look it up in the documentation "
        "of your version."
    )


# Where Keras (and tf.keras) keep their training callbacks, and the hooks `fit` calls on them.
_CALLBACK_FILE = re.compile(r"[\\/]callbacks(?:[\\/]|\.py$)")
_CALLBACK_HOOK = re.compile(r"^(?:on_\w+|set_model|set_params)$")


def keras_callback_look(parsed: ParsedError) -> str:
    """A callback's own hook (`on_epoch_end` in `callbacks/tensorboard_v1.py`) raised while
    `fit` ran: the settings the user gave that callback, not the values of the `fit` line."""
    last = parsed.last_frame
    if last is None or last.library not in ("keras", "tensorflow", "tf_keras"):
        return ""
    if not (_CALLBACK_FILE.search(last.filename) and _CALLBACK_HOOK.match(last.function)):
        return ""
    where = re.split(r"[\\/]", last.filename)[-1]
    return (
        f"A callback raised it (`{last.function}` in Keras's `{where}`): the "
        "message is about the settings of a callback you passed in `callbacks=`, not the data "
        "the call was given; change those settings where you create the callback."
    )


def no_match_in_code_look(parsed: ParsedError) -> str:
    """`.group` of None read inside a library's (or a project's) code whose failing line reads it
    straight off a `.search(...)`/`.match(...)`: the regular expression found no match in the
    text it searched, which is what that code did not expect (a page it downloads changed, a
    file of another format). "" otherwise."""
    found = search_found_nothing(parsed)
    if not found:
        return ""
    search, attr = found
    last = parsed.last_frame
    where = last.library or re.split(r"[\\/]", last.filename)[-1]
    search = search if len(search) <= 50 else "its search"
    return (
        f"In `{where}`, `{search}` found no match and returned None, whose `.{attr}` failed: the "
        "text it searched is not what that code expects (for a page it downloads, the site "
        "changed since that version: install a newer one or another library)."
    )
