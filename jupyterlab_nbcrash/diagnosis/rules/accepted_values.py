"""An argument value a function does not accept, in its message's words: the sentence that says
so, the values it allows, and the user's argument it names (or the allowed value closest to it)."""

from __future__ import annotations

import re

from ..message_words import one_sentence
from ..text import allowed_values, closest_allowed, named_arguments
from ..traceback import ParsedError
from ..where import call_arguments, failing_call


def value_not_accepted_words(p: ParsedError, detail: str) -> str | None:
    """The hint for a rejected parameter value whose message holds ``detail``; None when the
    message has no sentence to quote."""
    lines = [ln.strip() for ln in p.message.strip().splitlines() if ln.strip()]
    sentence = next((ln for ln in lines if detail in ln), lines[0] if lines else "")
    sentence = sentence if len(sentence) <= 200 else sentence[:199] + "…"
    allowed = allowed_values(p.message, sentence)
    call = failing_call(p)
    passed = named_arguments(p, call.arguments if call else call_arguments(p.user_line), p.message)
    quoted = " and ".join(f"`{a}`" for a in passed)
    if not sentence:
        return None
    sentence = one_sentence(sentence.rstrip("."))
    sentence += "" if sentence.endswith(("?", "!")) else "."
    given, near = closest_allowed(p.message, call.arguments if call else ())
    if near:
        sentence = re.split(r"\s*Did you mean", sentence)[0].rstrip(".") + "."
        tail = f" `{given}` is not among the values it allows: did you mean `{near}`?"
    elif quoted and allowed:
        tail = f" Change {quoted} to a value it allows ({allowed})."
    elif quoted:
        tail = f" Change {quoted} to a value the message allows."
    elif allowed:
        tail = f" Pick a value it allows: {allowed}."
    else:
        tail = " Pick a value the message allows (the function's documentation lists them)."
    return f"An argument value is not accepted: {sentence}{tail}"
