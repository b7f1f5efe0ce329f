"""Hints of the fifteenth round (issue 12) written by the lead: a quoted message whose second
sentence starts with "!"/"?" or with a quoted value stays one sentence of the hint; a message
framed by rules of stars; fixes the message states (NLTK's resource, a ChromeDriver for another
Chrome, one SparkContext a process, autograd's tensor changed in place, `fillna` with nothing
to fill, an empty tensor as a truth value); the makers above a fresh kernel's [1] named once
each, in page order; `moviepy.editor`, which moviepy 2.0 removed; a browser driver not on the
PATH; Python 2's "invalid mode ('w') or filename" read like "[Errno 22] Invalid argument".

Messages are written here by hand in the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.message_words import message_gist, one_sentence
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions53 import _hint, _not_defined

SITE = "/opt/env/lib/python3.11/site-packages"
NLTK_FRAMES = ((f"{SITE}/nltk/data.py", "find"),)
SE = ((f"{SITE}/selenium/webdriver/remote/errorhandler.py", "check_response"),)
PANDAS_FILLNA = ((f"{SITE}/pandas/core/generic.py", "fillna"),)
SPARK = ((f"{SITE}/pyspark/context.py", "_ensure_initialized"),)
TORCH_BACKWARD = (
    (f"{SITE}/torch/_tensor.py", "backward"),
    (f"{SITE}/torch/autograd/__init__.py", "backward"),
)

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


# ------------------------------------------------------- a message framed by rules of stars


def test_a_rule_of_stars_around_a_message_is_no_sentence_of_it():
    framed = "\n" + "*" * 70 + "\n  The cache is locked.\n  Close the other reader\n" + "*" * 70
    assert message_gist(framed).startswith("The cache is locked")
    assert message_gist("*" * 12) == "*" * 12  # nothing else to read: the rule stays


# ------------------------------------------- NLTK: the resource path older versions quote


def test_a_quoted_resource_file_is_downloaded_by_its_package_name():
    message = (
        "\n" + "*" * 70 + "\n  Resource 'tokenizers/punkt/PY3/english.pickle' not found.  "
        "Please use the NLTK\n  Downloader to obtain the resource:  >>> nltk.download()\n"
        "  Searched in:\n    - '/home/me/nltk_data'\n" + "*" * 70
    )
    text = hint(crash("LookupError", message, "words = word_tokenize(text)", NLTK_FRAMES))
    assert "nltk.download('punkt')" in text and "english.pickle')" not in text, text


def test_a_resource_named_alone_is_downloaded_by_that_name():
    message = "\n  Resource \x1b[93mstopwords\x1b[0m not found.\n  Please use the NLTK Downloader"
    text = hint(crash("LookupError", message, "stop = stopwords.words('english')", NLTK_FRAMES))
    assert "nltk.download('stopwords')" in text, text


# -------------------------------------------------------- a driver for another browser version


def test_a_driver_for_another_chrome_version_names_both_versions():
    message = (
        "Message: session not created: This version of ChromeDriver only supports Chrome version "
        "114\nCurrent browser version is 120.0.6099.109 with binary path /usr/bin/google-chrome\n"
    )
    text = hint(crash("SessionNotCreatedException", message, "driver = webdriver.Chrome()", SE))
    assert "ChromeDriver of version 120" in text, text
    # Chrome 120 is no update away from 114 (review 15a): only the newer driver is told
    assert "update Chrome to 114" not in text, text


def test_a_chrome_that_failed_to_start_is_no_version_mismatch():
    message = "Message: session not created: Chrome failed to start: exited abnormally."
    text = hint(crash("SessionNotCreatedException", message, "driver = webdriver.Chrome()", SE))
    assert "made for Chrome" not in text, text


# -------------------------------------------------------------------- one SparkContext only


def test_a_second_spark_context_is_told_to_reuse_the_first():
    message = (
        "Cannot run multiple SparkContexts at once; existing SparkContext(app=demo, "
        "master=local[*]) created by __init__ at /tmp/ipykernel_7/3301.py:4 "
    )
    text = hint(crash("ValueError", message, "sc = SparkContext('local[*]', 'demo')", SPARK))
    assert "SparkContext.getOrCreate()" in text and "`sc.stop()`" in text, text


def test_another_spark_refusal_is_not_told_a_context_runs():
    message = "Could not parse Master URL: 'locl[2]'"
    text = hint(crash("ValueError", message, "sc = SparkContext('locl[2]', 'demo')", SPARK))
    assert "already runs" not in text, text


# ------------------------------------------------- autograd: a saved tensor changed in place

INPLACE = (
    "one of the variables needed for gradient computation has been modified by an inplace "
    "operation: [torch.FloatTensor [32, 64]], which is output 0 of ReluBackward0, is at version "
    "1; expected version 0 instead. Hint: enable anomaly detection to find the operation that "
    "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."
)


def test_a_tensor_changed_in_place_under_the_users_backward_is_told_so():
    text = hint(crash("RuntimeError", INPLACE, "loss.backward()", TORCH_BACKWARD))
    assert "`ReluBackward0`" in text and "changed in place" in text, text
    assert "set_detect_anomaly(True)" in text, text


def test_a_library_that_runs_the_backward_is_not_told_to_change_the_users_step():
    frames = ((f"{SITE}/deepctr_torch/models/basemodel.py", "fit"), *TORCH_BACKWARD)
    text = hint(crash("RuntimeError", INPLACE, "model.fit(x, y, epochs=3)", frames))
    assert "write that step out of place" not in text, text


# ------------------------------------------------------- fixes the message's words imply


def test_fillna_without_a_value_or_method_is_given_both():
    message = "Must specify a fill 'value' or 'method'."
    text = hint(crash("ValueError", message, "df.fillna(axis=0)", PANDAS_FILLNA))
    assert "`df.fillna(0)`" in text and "`df.ffill()`" in text, text


def test_another_fill_refusal_is_not_told_to_pass_a_value():
    message = "Cannot specify both 'value' and 'method'."
    text = hint(crash("ValueError", message, "df.fillna(0, method='ffill')", PANDAS_FILLNA))
    assert "got neither a value" not in text, text


def test_an_empty_tensor_as_a_truth_value_is_told_it_is_empty():
    message = "Boolean value of Tensor with no values is ambiguous"
    text = hint(crash("RuntimeError", message, "if mask.any(dim=0):", ()))
    assert "The tensor is empty" in text and "t.numel() > 0" in text, text


def test_a_tensor_of_several_values_is_not_told_it_is_empty():
    message = "Boolean value of Tensor with more than one value is ambiguous"
    text = hint(crash("RuntimeError", message, "if scores > 0.5:", ()))
    assert "The tensor is empty" not in text, text


# ------------------------------------- a fresh kernel's [1]: the makers above, each named once


def test_the_cells_above_that_define_the_name_are_named_in_page_order_once():
    cells = [
        ("log = open('visits.csv')\ncontent = log.read()", None, None),
        ("print(len(content))", None, None),
        ("with open('visits.csv') as f:\n    content = f.read()", 2, None),
        ("words = content.split()", 1, None),
    ]
    text = _hint("NameError", _not_defined("content"), cells, 3, "words = content.split()", 1)
    assert "(cells 1 and 3 define `content`)" in text, text


# ------------------------------------------------------ a module a major version removed


def test_moviepy_editor_is_told_moviepy_2_removed_it():
    message = "No module named 'moviepy.editor'"
    text = hint(crash("ModuleNotFoundError", message, "from moviepy.editor import VideoFileClip"))
    assert "removed in moviepy 2.0" in text and "`moviepy`" in text, text


def test_moviepy_not_installed_is_no_removed_module():
    message = "No module named 'moviepy'"
    text = hint(crash("ModuleNotFoundError", message, "from moviepy.editor import VideoFileClip"))
    assert "removed in moviepy" not in text, text


# ---------------------------------------------------------- a browser driver not on the PATH


def test_a_driver_not_on_the_path_is_named_as_a_program():
    message = "Message: 'geckodriver' executable needs to be in PATH. \n"
    text = hint(crash("WebDriverException", message, "driver = webdriver.Firefox()", SE))
    assert "`geckodriver` (the browser's driver" in text and "Selenium 4.6" in text, text


def test_a_driver_found_but_failing_is_not_told_it_is_missing():
    message = "Message: Service /usr/bin/chromedriver unexpectedly exited. Status code was: 127\n"
    text = hint(crash("WebDriverException", message, "driver = webdriver.Chrome()", SE))
    assert "is not on the PATH" not in text, text


# ------------------------------------------- Python 2's words for a path Windows rejects


def test_python_2s_invalid_mode_or_filename_reads_the_paths_escape():
    message = "[Errno 22] invalid mode ('w') or filename: 'D:\\\\Reports\\results.csv'"
    line = "df.to_csv('D:\\Reports\\results.csv')"
    text = hint(crash("IOError", message, line, ((f"{SITE}/pandas/io/common.py", "_get_handle"),)))
    assert "contains `\\r`" in text and "raw string" in text, text


def test_python_2s_invalid_mode_without_an_escape_names_no_escape():
    message = "[Errno 22] invalid mode ('w') or filename: 'D:\\\\Reports\\\\a?.csv'"
    line = "df.to_csv('D:\\\\Reports\\\\a?.csv')"
    text = hint(crash("IOError", message, line, ((f"{SITE}/pandas/io/common.py", "_get_handle"),)))
    assert "backslash escape" not in text, text
