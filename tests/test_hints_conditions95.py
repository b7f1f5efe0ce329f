"""Hints of the fifteenth round (issue 12) written by the lead: a quoted message whose second
sentence starts with "!"/"?" or with a quoted value stays one sentence of the hint.

Messages are written here by hand in the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.message_words import one_sentence

# ------------------------------ a quoted message's sentence ends after "!" and before a quote


def test_an_exclamation_inside_a_quoted_message_becomes_a_semicolon():
    assert one_sentence("Weights are NaN! Stopping the training") == (
        "Weights are NaN; Stopping the training"
    )


def test_a_quoted_value_that_starts_the_next_sentence_ends_the_first():
    said = one_sentence("URL can't contain control characters. '/api/data list/' (found ' ')")
    assert said == "URL can't contain control characters; '/api/data list/' (found ' ')"


def test_a_dot_inside_a_quoted_value_or_after_one_letter_stays():
    assert one_sentence("cannot parse 'No. 5'") == "cannot parse 'No. 5'"
    assert one_sentence("use e.g. 'utf-8' here") == "use e.g. 'utf-8' here"
    assert one_sentence("Hello! what") == "Hello! what"  # no capital after it: no new sentence
