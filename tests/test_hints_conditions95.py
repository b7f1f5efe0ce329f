"""Hints of the fifteenth round (issue 12) written by the lead: a quoted message whose second
sentence starts with "!"/"?" or with a quoted value stays one sentence of the hint; a message
framed by rules of stars; fixes the message states (NLTK's resource, a ChromeDriver for another
Chrome, one SparkContext a process, autograd's tensor changed in place, `fillna` with nothing to
fill, an empty tensor as a truth value); the makers above a fresh kernel's [1] named once each,
in page order; `moviepy.editor`, which moviepy 2.0 removed; a browser driver not on the PATH;
Python 2's "invalid mode ('w') or filename" read like "[Errno 22] Invalid argument"; a pandas
module function called on a frame; a frame method of newer pandas; a keyword one slip from a
common one or from one the notebook passes; `join`'s overlapping columns, TensorFlow 1's
uninitialized variable, Python 2's "insecure string pickle", scikit-learn's `GaussianProcess`; a
pandas method read of a plain value (`a.to_excel` on an int); `x[a:b, c]` refused by the cell's
own line is no DataFrame; a lone `.loc['x']` label told both readings (a column, a row label);
SQLite's existing table and repeated key, a parameter grid's single value, `np.array` given rows
as arguments, `list.remove` of a missing item, an unset environment variable, `fig.axes =
plt.subplots(...)`; a value short of one axis of size 1 (TensorFlow's feed, Keras' image
helpers); a change that keeps the shape (a transform, arithmetic with a number) explains no size
error on a re-run.

Messages are written here by hand in the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.message_words import message_gist, one_sentence
from jupyterlab_nbcrash.diagnosis.saved import _change_keeps_what_failed
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


# ----------------------------------------- a pandas frame without a function or a newer method

PANDAS_CELL = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2]})\n"


def _frame_lacks(attr: str, line: str, code: str = PANDAS_CELL) -> str:
    message = f"'DataFrame' object has no attribute '{attr}'"
    return hint(crash("AttributeError", message, line, code=code + line))


def test_a_module_function_called_on_a_frame_is_called_on_the_module():
    text = _frame_lacks("read_csv", "sales = df.read_csv('sales.csv')")
    assert "belongs to the pandas module itself" in text and "`pd.read_csv(...)`" in text, text


def test_a_frame_method_of_pandas_is_no_module_function():
    text = _frame_lacks("merge", "df.merge(other, on='id')")  # a DataFrame has merge
    assert "belongs to the pandas module itself" not in text, text


def test_a_frame_method_of_newer_pandas_asks_for_an_upgrade():
    text = _frame_lacks("value_counts", "counts = df.value_counts()")
    assert "exists only in newer pandas" in text and "`df[col].value_counts(...)`" in text, text


def test_another_librarys_frame_is_not_told_to_upgrade_pandas():
    code = "import dask.dataframe as dd\ndf = dd.read_csv('big-*.csv')\n"
    text = _frame_lacks("value_counts", "counts = df.value_counts()", code)
    assert "newer pandas" not in text, text


# -------------------------------------------------- a keyword one slip away from a common one


def _unexpected(kw: str, line: str, code: str = "", function: str = "empty") -> str:
    message = f"{function}() got an unexpected keyword argument '{kw}'"
    return hint(crash("TypeError", message, line, code=code + line))


def test_a_keyword_one_slip_from_a_common_one_is_told_which():
    text = _unexpected("dytpe", "grid = np.empty((3, 3), dytpe=int)")
    assert "if `dtype` is meant" in text and "write `dtype=`" in text, text


def test_a_keyword_the_notebook_passes_elsewhere_is_a_candidate_too():
    code = "model = Net(hidden_units=64)\n"
    text = _unexpected("hiden_units", "model = Net(hiden_units=32)", code, "__init__")
    assert "if `hidden_units` is meant" in text, text


def test_a_keyword_like_no_other_gets_no_guess():
    text = _unexpected("mode", "grid = np.empty((3, 3), mode='fast')")
    assert "is meant" not in text, text


# ------------------------------------------------ fixes that these messages' words imply


def test_a_join_of_frames_sharing_columns_is_given_a_suffix():
    message = "columns overlap but no suffix specified: Index(['price'], dtype='object')"
    text = hint(crash("ValueError", message, "both = left.join(right)", PANDAS_FILLNA))
    assert "`rsuffix=`" in text and "`merge`" in text, text


def test_a_join_refused_otherwise_gets_no_suffix():
    message = "Other Series must have a name"
    text = hint(crash("ValueError", message, "both = left.join(right)", PANDAS_FILLNA))
    assert "rsuffix" not in text, text


TF1 = ((f"{SITE}/tensorflow/python/client/session.py", "_do_call"),)


def test_a_tf1_variable_read_before_its_initializer_is_told_to_initialize():
    message = (
        "Attempting to use uninitialized value dense/kernel\n\t [[{{node dense/kernel/read}}]]"
    )
    text = hint(crash("FailedPreconditionError", message, "out = sess.run(y, feed)", TF1))
    assert "global_variables_initializer()" in text, text


def test_another_failed_precondition_is_not_told_to_initialize():
    message = "Could not find variable dense/bias. This could mean that the variable was deleted."
    text = hint(crash("FailedPreconditionError", message, "out = sess.run(y, feed)", TF1))
    assert "global_variables_initializer" not in text, text


def test_an_insecure_string_pickle_is_opened_in_binary_mode():
    text = hint(crash("ValueError", "insecure string pickle", "m = pickle.load(open(p, 'r'))"))
    assert "`open(path, 'rb')`" in text, text


def test_another_unpickling_failure_is_not_told_about_text_mode():
    text = hint(crash("UnpicklingError", "invalid load key, '<'.", "m = pickle.load(f)"))
    assert "insecure" not in text and "text mode" not in text, text


def test_sklearns_gaussianprocess_is_told_its_replacement():
    message = "cannot import name 'GaussianProcess' from 'sklearn.gaussian_process'"
    line = "from sklearn.gaussian_process import GaussianProcess"
    text = hint(crash("ImportError", message, line))
    assert "`GaussianProcessRegressor`" in text and "removed in 0.20" in text, text


# --------------------------------------------------- a pandas method read of a plain value


def test_a_pandas_method_of_a_list_is_told_to_make_a_frame_first():
    message = "'list' object has no attribute 'to_csv'"
    text = hint(crash("AttributeError", message, "rows.to_csv('out.csv')"))
    assert "`rows` holds a `list`" in text and "`pd.DataFrame(...)`" in text, text


def test_a_list_method_missing_from_a_str_is_no_pandas_method():
    message = "'str' object has no attribute 'append'"
    text = hint(crash("AttributeError", message, "name.append('x')"))
    assert "pandas' DataFrame" not in text, text


# ------------------------------------ `x[a:b, c]` refused by the cell's own line: no DataFrame


def test_rows_and_columns_at_once_refused_inside_pandas_is_a_dataframe():
    frames = ((f"{SITE}/pandas/core/frame.py", "__getitem__"),)
    text = hint(crash("TypeError", "unhashable type: 'slice'", "top = df[:10, 'price']", frames))
    assert "`df.iloc[rows, cols]`" in text, text


def test_rows_and_columns_at_once_refused_by_the_line_itself_is_no_dataframe():
    line = "both = np.hstack([left[1:, 0], right[:2, 1]])"
    text = hint(crash("TypeError", "unhashable type: 'slice'", line))
    assert "A DataFrame is not indexed" not in text, text


# ------------------------------------ a lone `.loc['x']` label: a column or a row, both readings

LOC_FRAMES = (
    (f"{SITE}/pandas/core/indexing.py", "__getitem__"),
    (f"{SITE}/pandas/core/indexes/base.py", "get_loc"),
)


def test_a_lone_loc_label_gets_the_column_and_the_row_reading():
    line = "high = df.loc['Income'] > 50000"
    code = f"df = pd.read_excel('staff.xlsx')\n{line}"
    text = hint(crash("KeyError", "'Income'", line, LOC_FRAMES, code=code))
    assert "if it is a column, `df['Income']` selects it" in text, text
    assert "if it is a row label, print that index" in text, text


# ------------------------------- fixes the message implies: SQL, a grid, np.array, a list, env

SQLITE = ((f"{SITE}/pandas/io/sql.py", "execute"),)


def test_a_table_that_exists_is_created_if_not_exists():
    message = "table Students already exists"
    text = hint(crash("OperationalError", message, "cur.execute(create_sql)"))
    assert "CREATE TABLE IF NOT EXISTS" in text, text


def test_another_sqlite_refusal_is_no_existing_table():
    text = hint(crash("OperationalError", "no such table: Students", "cur.execute(q)"))
    assert "IF NOT EXISTS" not in text, text


def test_a_unique_key_inserted_twice_is_told_so():
    message = "UNIQUE constraint failed: Students.Roll"
    text = hint(crash("IntegrityError", message, "cur.execute(insert_sql)"))
    assert "INSERT OR IGNORE" in text, text


def test_a_not_null_refusal_is_no_repeated_key():
    message = "NOT NULL constraint failed: Students.Name"
    text = hint(crash("IntegrityError", message, "cur.execute(insert_sql)"))
    assert "INSERT OR IGNORE" not in text, text


def test_a_grid_value_that_is_no_list_is_wrapped():
    message = "Parameter values for parameter (max_depth) need to be a sequence."
    text = hint(crash("ValueError", message, "search = GridSearchCV(tree, grid)"))
    assert "`{'max_depth': [3]}`" in text, text


def test_np_array_given_rows_as_arguments_gets_one_outer_list():
    message = "only 2 non-keyword arguments accepted"
    text = hint(crash("ValueError", message, "m = np.array([1, 2], [3, 4], [5, 6])"))
    assert "wrap the rows in one outer list" in text, text


def test_a_list_item_removed_twice_is_told_both_readings():
    message = "list.remove(x): x not in list"
    text = hint(crash("ValueError", message, "features.remove('price')"))
    assert "if this cell ran before" in text and "`if x in items:" in text, text


def test_an_unset_environment_variable_is_told_to_set_it():
    message = "'API_TOKEN'"
    frames = (("/usr/lib/python3.11/os.py", "__getitem__"),)
    text = hint(crash("KeyError", message, "token = os.environ['API_TOKEN']", frames))
    assert "environment variable 'API_TOKEN' is not set" in text, text
    assert "`%env API_TOKEN=...`" in text, text


def test_a_dict_key_is_no_environment_variable():
    text = hint(crash("KeyError", "'API_TOKEN'", "token = settings['API_TOKEN']"))
    assert "environment variable" not in text, text


def test_subplots_into_an_attribute_is_a_comma_typed_as_a_dot():
    message = "property 'axes' of 'Figure' object has no setter"
    text = hint(crash("AttributeError", message, "fig.axes = plt.subplots(2, 2)"))
    assert "`fig, axes = plt.subplots(...)`" in text, text


def test_another_property_without_a_setter_is_no_subplots_slip():
    message = "property 'shape' of 'Tensor' object has no setter"
    text = hint(crash("AttributeError", message, "t.shape = (2, 3)"))
    assert "a comma, not a dot" not in text, text


# ---------------------------------------------- a value short of one axis of size 1 (TF, Keras)

TF_FEED = ((f"{SITE}/tensorflow/python/client/session.py", "_run"),)


def test_a_fed_value_without_the_channel_axis_is_given_it():
    message = (
        "Cannot feed value of shape (64, 32, 32) for Tensor 'Placeholder:0', which has shape "
        "'(?, 32, 32, 1)'"
    )
    text = hint(crash("ValueError", message, "sess.run(train, {x: batch})", TF_FEED))
    assert "`(-1, 32, 32, 1)`" in text and "x[..., None]" in text, text


def test_a_fed_value_of_another_size_gets_no_axis_advice():
    message = (
        "Cannot feed value of shape (64, 784) for Tensor 'Placeholder:0', which has shape "
        "'(?, 28, 28, 1)'"
    )
    text = hint(crash("ValueError", message, "sess.run(train, {x: batch})", TF_FEED))
    assert "axis of size 1" not in text and "batch axis" not in text, text


def test_a_2d_image_for_keras_gets_a_channel_axis():
    message = "Expected image array to have rank 3 (single image). Got array with shape: (96, 96)"
    frames = ((f"{SITE}/keras/src/utils/image_utils.py", "array_to_img"),)
    text = hint(crash("ValueError", message, "img = array_to_img(face)", frames))
    assert "np.expand_dims(image, -1)" in text, text


# ------------------------------ a change that keeps the shape explains no size error on re-run


SIZE = "cannot reshape array of size 200 into shape (100,1)"


def test_a_transform_or_a_number_applied_again_keeps_the_size():
    # a saved notebook's re-run of `x_test = sc.transform(x_test)` was told as the cause of a
    # reshape's size error: scaling again changes values, never how many there are
    for change in ("x_test = sc.transform(x_test)", "x = x / 255", "x /= 255.0"):
        assert _change_keeps_what_failed(change, set(), SIZE), change


def test_a_change_of_the_size_applied_again_can_explain_it():
    for change in ("x_test = x_test.repeat(2)", "x = np.append(x, x)", "x = pca.transform(y)"):
        assert not _change_keeps_what_failed(change, set(), SIZE), change
    # a transform explains nothing about a size only when the message is about a size
    assert not _change_keeps_what_failed("x = sc.transform(x)", set(), "could not convert")
