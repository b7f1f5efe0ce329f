"""File, network, environment, syntax and argument hints whose claim did not hold on the crash
(session 18c): a model saved by another TensorFlow build, a cached hub download, a decode error
inside a TensorFlow session, a shell's escaped space in a path, a cut-short download, a small
allocation that fails, C's `i++`, a comment that opened a bracket, a class bound without `()`,
a relative import in a cell, SMTP's refused login, a table that exists, a reset connection, a
405 from a library's request, a call that needs a GPU.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions18 import _ipython_syntax
from tests.test_hints_conditions28 import _hint as _hint28

SITE = "/usr/lib/python3/dist-packages"
TF = f"{SITE}/tensorflow/python"


def _said(ename: str, message: str, line: str, *frames: tuple[str, str]) -> str:
    """The hint for ``line`` failing with ``message``, raised below it in ``frames``."""
    return hint(crash(ename, message, line, frames))


# ------------------------------------------------- a model saved by another TensorFlow build

LOAD = (f"{TF}/saved_model/load.py", "load_internal")
UNREGISTERED = "Op type not registered 'FusedConvX' in binary running on lab-pc. Make sure..."


def test_an_unregistered_op_is_a_build_mismatch_not_a_missing_file():
    text = _said("FileNotFoundError", UNREGISTERED, "m = keras.models.load_model('net')", LOAD)
    assert "`FusedConvX`" in text and "another TensorFlow build" in text, text


def test_a_missing_saved_model_is_still_a_missing_file():
    message = "[Errno 2] No such file or directory: 'net/saved_model.pb'"
    assert "TensorFlow build" not in _said("FileNotFoundError", message, "load('net')", LOAD)


# ------------------------------------------------------ a cached TensorFlow Hub download

PARSE = (f"{TF}/saved_model/loader_impl.py", "parse_saved_model")
NO_MODEL_AT = "SavedModel file does not exist at: {}/{{saved_model.pbtxt|saved_model.pb}}"


def test_a_hub_cache_folder_without_its_model_file_is_an_incomplete_download():
    message = NO_MODEL_AT.format("/tmp/tfhub_modules/0a1b2c3d4e5f")
    text = _said("OSError", message, "layer = hub.KerasLayer(url)", PARSE)
    assert "cached download" in text and "/tmp/tfhub_modules/0a1b2c3d4e5f" in text, text


def test_a_saved_model_folder_of_the_users_is_no_hub_cache():
    message = NO_MODEL_AT.format("./export/1")
    assert "cached download" not in _said("OSError", message, "tf.saved_model.load(p)", PARSE)


# ------------------------------------------------ a decode error inside a TensorFlow session

UNDECODED = "'utf-8' codec can't decode byte 0xb0 in position 88: invalid start byte"


def test_a_decode_error_in_a_session_run_is_no_file_encoding():
    code = "# 모델 학습\nclassifier.train(input_fn=train_fn, steps=500)"
    run = (f"{TF}/client/session.py", "_call_tf_sessionrun")
    text = hint(crash("UnicodeDecodeError", UNDECODED, code.splitlines()[-1], [run], code=code))
    assert "error message of the op" in text and "encoding=" not in text, text


def test_a_decode_error_reading_a_file_keeps_the_encoding_hint():
    decode = ("/usr/lib/python3.10/codecs.py", "decode")
    assert "encoding=" in _said("UnicodeDecodeError", UNDECODED, "open('a.txt').read()", decode)


# ------------------------------------------------------ a shell's escaped space in a path

MAKE_FID = (f"{SITE}/h5py/_hl/files.py", "make_fid")
UNCREATED = "Unable to create file (unable to open file: name = '{}', errno = 2, error message = "


def test_a_backslash_space_in_a_saved_path_is_a_shell_escape():
    message = UNCREATED.format("drive/My\\ Drive/m.h5") + "'No such file or directory')"
    text = _said("OSError", message, "model.save('drive/My\\ Drive/m.h5')", MAKE_FID)
    assert "shell's escape" in text and "`drive/My Drive/m.h5`" in text, text


def test_a_plain_missing_folder_to_save_into_is_still_made():
    message = UNCREATED.format("out/runs/m.h5") + "'No such file or directory')"
    text = _said("OSError", message, "model.save('out/runs/m.h5')", MAKE_FID)
    assert "makedirs" in text, text


# -------------------------------------------------------------- a download cut short

CUT = "Compressed file ended before the end-of-stream marker was reached"
GZIP = ("/usr/lib/python3.10/gzip.py", "read")


def test_a_truncated_archive_while_a_dataset_downloads_is_the_download():
    fetch = (f"{SITE}/torchvision/datasets/utils.py", "download_and_extract_archive")
    text = _said("EOFError", CUT, "ds = KMNIST('./data', download=True)", fetch, GZIP)
    assert "download was cut short" in text and "save it again" not in text, text


def test_a_truncated_archive_the_user_opens_is_still_a_broken_file():
    assert "download" not in _said("EOFError", CUT, "data = gzip.open('x.gz').read()", GZIP)


# --------------------------------------------------------- a small allocation that fails

ALLOCATE = "Unable to allocate {} for an array with shape (1024, 3072) and data type float32"


def test_a_few_mebibytes_refused_means_the_memory_was_full_already():
    text = _said("MemoryError", ALLOCATE.format("12.0 MiB"), "w = np.zeros(shape, 'f4')")
    assert "Even 12.0 MiB" in text and "float32 instead" not in text, text


def test_gibibytes_refused_keep_the_advice_to_use_less():
    text = _said("MemoryError", ALLOCATE.format("7.45 GiB"), "d = np.zeros(shape)")
    assert "Even" not in text and "sample or in chunks" in text, text


# ------------------------------------------------------------------------- C's `i++`


def test_an_increment_operator_is_told_python_has_none():
    text = _syntax_hint("n = 0\nwhile n < 5:\n    n++\n", "    n++")
    assert "no `++` operator" in text and "`n += 1`" in text, text


def test_a_line_ending_in_plus_is_no_increment():
    assert "operator:" not in _syntax_hint("total = a +\n", "total = a +")


# ------------------------------------------------------ a comment that opened a bracket


def test_an_indented_line_under_a_commented_opening_bracket():
    cell = "#subset = frame[\n    ['a', 'b', 'c']\n].mean()\n"
    text = _ipython_syntax(cell, 2, "['a', 'b', 'c']", "unexpected indent", "IndentationError")
    assert "is commented out" in text and "`#subset = frame[`" in text, text


def test_an_indented_line_under_a_plain_comment():
    cell = "# the columns we keep\n    cols = ['a', 'b']\n"
    text = _ipython_syntax(cell, 2, "cols = ['a', 'b']", "unexpected indent", "IndentationError")
    assert "is commented out" not in text, text


# ---------------------------------------------- a class bound without `()`, method aliased

UNRATED = "rate_text() missing 1 required positional argument: 'text'"


def test_a_class_bound_without_parentheses_whose_method_has_another_name():
    text = _hint28("TypeError", UNRATED, "s.rate(review)", cells=("s = Scorer",))
    assert "`s` is the class `Scorer`" in text and "`s = Scorer()`" in text, text


def test_an_instance_whose_method_lacks_an_argument_is_no_class():
    assert "is the class" not in _hint28("TypeError", UNRATED, "s.rate()", cells=("s = Scorer()",))


# ------------------------------------------------------- a relative import in a cell

NO_PARENT = "attempted relative import with no known parent package"


def test_a_relative_import_in_a_cell_has_no_package():
    text = _said("ImportError", NO_PARENT, "from .models import Net")
    assert "works only inside a package" in text and "%pip" not in text, text


def test_a_relative_import_inside_an_imported_file_is_not_told_about_cells():
    inner = ("/home/me/project/loader.py", "<module>")
    assert "notebook cell" not in _said("ImportError", NO_PARENT, "import loader", inner)


def test_a_missing_name_in_a_package_is_no_relative_import():
    message = "cannot import name 'load' from 'helpers' (/home/me/project/helpers/__init__.py)"
    assert "relative import" not in _said("ImportError", message, "from helpers import load")


# ------------------------------------------------------------------ SMTP's refused login

AUTH = ("/usr/lib/python3.10/smtplib.py", "auth")


def test_smtp_535_is_the_password_not_a_quota():
    message = "(535, b'5.7.8 Username and Password not accepted. For more information, go to')"
    text = _said("SMTPAuthenticationError", message, "server.login(user, pw)", AUTH)
    assert "app password" in text and "quota" not in text, text


def test_another_smtp_refusal_is_not_told_about_passwords():
    message = "(530, b'5.7.0 Must issue a STARTTLS command first.')"
    assert "app password" not in _said("SMTPSenderRefused", message, "s.sendmail(a, b, m)", AUTH)


# ------------------------------------------------------------------- a table that exists


def test_to_sql_into_an_existing_table_is_told_if_exists():
    create = (f"{SITE}/pandas/io/sql.py", "create")
    text = _said("ValueError", "Table 'sales' already exists.", "df.to_sql('sales', con)", create)
    assert "if_exists='replace'" in text, text


def test_another_existing_thing_is_not_a_table():
    assert "if_exists" not in _said("ValueError", "File 'a.csv' already exists.", "save(df)")


# --------------------------------------------------------------- a reset connection

RESET = "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"
SEND = (f"{SITE}/requests/adapters.py", "send")


def test_a_reset_on_a_plain_request_is_told_a_user_agent():
    text = _said("ConnectionError", RESET, "page = requests.get(url)", SEND)
    assert "User-Agent" in text and "internet connection" not in text, text


def test_a_reset_with_a_user_agent_sent_keeps_the_connection_hint():
    line = "page = requests.get(url, headers={'User-Agent': 'Mozilla/5.0'})"
    assert "drop requests from scripts" not in _said("ConnectionError", RESET, line, SEND)


# ------------------------------------------------------ a 405 from a library's request

NOT_ALLOWED = "405 Client Error: Method Not Allowed for url: https://example.org/api/list"
RAISE = (f"{SITE}/requests/models.py", "raise_for_status")


def test_a_405_from_a_library_request_is_the_library():
    listing = (f"{SITE}/oldscraper/api.py", "listing")
    text = _said("HTTPError", NOT_ALLOWED, "oldscraper.listing('shop', n=5)", listing, RAISE)
    assert "HTTP 405" in text and "update the library" in text, text


def test_a_405_of_the_users_own_request_is_not_blamed_on_a_library():
    line = "requests.post(url).raise_for_status()"
    assert "update the library" not in _said("HTTPError", NOT_ALLOWED, line, RAISE)


def test_a_405_of_a_session_of_the_users_is_not_blamed_on_a_library():
    text = _said("HTTPError", NOT_ALLOWED, "resp = client.post(url)", RAISE)
    assert "update the library" not in text, text


# -------------------------------------------------------------- a call that needs a GPU

OFFLOAD = (f"{SITE}/diffusers/pipelines/pipeline_utils.py", "enable_model_cpu_offload")
NO_ACCELERATOR = "`enable_model_cpu_offload` requires accelerator, but not found"


def test_cpu_offload_without_an_accelerator_is_the_machine():
    text = _said("RuntimeError", NO_ACCELERATOR, "pipe.enable_model_cpu_offload()", OFFLOAD)
    assert "needs a GPU" in text and "state of `pipe`" not in text, text


def test_another_pipeline_error_is_not_about_a_gpu():
    message = "`enable_model_cpu_offload` requires `accelerate v0.17.0` or higher."
    assert "needs a GPU" not in _said("RuntimeError", message, "pipe.to('cuda')", OFFLOAD)
