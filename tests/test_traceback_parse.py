"""The traceback parser on real kernel error outputs (tests/fixtures/tracebacks, see record.py)."""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import (
    MAX_FRAMES,
    parse,
    strip_ansi,
    top_package,
)
from tests.fixtures.tracebacks.loader import fixture, names, record


@pytest.mark.parametrize("name", names())
def test_every_fixture_parses_to_its_exception(name):
    data = fixture(name)
    parsed = parse(record(name))
    expected = data["ename"] or "URLError"  # the one fixture without ename ends in URLError
    assert parsed.ename.lower() == expected.lower()
    if expected != expected.lower():
        assert parsed.ename == expected  # a live kernel's class name is kept as it is
    else:
        assert parsed.ename != parsed.ename.lower()  # lower-case names are made canonical
    assert "\x1b" not in parsed.text and "\x1b" not in parsed.message
    assert parsed.message or not data["evalue"]


def test_ansi_colour_codes_are_removed_from_message_frames_and_lines():
    parsed = parse(record("key_error_column_typo"))
    assert parsed.message == "'prices'"
    assert all("\x1b" not in f.failing_line for f in parsed.frames)
    assert parsed.user_line == "df['prices'].mean()"


def test_cell_in_frames_are_user_frames_with_their_line():
    parsed = parse(record("name_undefined_variable"))
    (frame,) = parsed.frames
    assert frame.is_user and frame.filename.startswith("Cell In[")
    assert frame.lineno == 2
    assert frame.failing_line == "print(totl + 1)"
    assert frame.library is None


def test_ipykernel_temp_file_frames_are_user_frames():
    # IPython falls back to "/tmp/ipykernel_PID/N.py in ?()" when a library hides its frames.
    parsed = parse(record("attribute_removed_append"))
    user = [f for f in parsed.frames if f.is_user]
    assert user and "ipykernel_" in user[0].filename
    assert parsed.user_line.startswith("df = df.append(")
    assert parsed.library == "pandas"


def test_library_is_the_deepest_third_party_frame_and_cython_paths_count():
    parsed = parse(record("key_error_column_typo"))
    assert parsed.library == "pandas"
    assert "pandas" in parsed.libraries
    cython = [f for f in parsed.frames if f.filename.endswith((".pyx", ".pxi"))]
    assert not cython or all(f.library == "pandas" for f in cython)


def test_api_library_is_the_outermost_library_frame():
    # seaborn's scatterplot raised from inside seaborn: both ends are seaborn here, but the
    # outermost frame is the API the user called even when a deeper library raises.
    parsed = parse(record("seaborn_missing_column"))
    assert parsed.api_library == "seaborn"
    parsed = parse(record("handwritten_ipython_input_windows_sklearn"))
    assert parsed.api_library == parsed.library == "sklearn"
    assert parse(record("name_undefined_variable")).api_library is None


def test_keras_frames_count_as_tensorflow():
    parsed = parse(record("handwritten_ipython_input_keras_shape"))
    assert parsed.library == "tensorflow"
    assert [f.package for f in parsed.frames if not f.is_user] == ["keras", "keras"]


def test_stdlib_frames_are_not_a_library():
    parsed = parse(record("network_urlopen_dns"))
    assert parsed.library is None
    assert "urllib" in parsed.packages
    assert all(f.library is None for f in parsed.frames)


def test_windows_site_packages_paths():
    parsed = parse(record("handwritten_ipython_input_windows_sklearn"))
    assert parsed.library == "sklearn"
    assert [f.function for f in parsed.frames] == [
        "<module>",
        "fit",
        "check_array",
        "_assert_all_finite",
    ]
    assert parsed.user_line == "clf.fit(X_train, y_train)"


def test_lower_case_ename_is_made_canonical():
    assert parse(record("handwritten_ipython_input_windows_sklearn")).ename == "ValueError"
    rec = record("module_not_found_cv2", ename="modulenotfounderror")
    assert parse(rec).ename == "ModuleNotFoundError"
    # Without a traceback, the known lower-case names still map.
    assert parse(ErrorRecord(ename="filenotfounderror", evalue="x")).ename == "FileNotFoundError"


def test_missing_ename_and_evalue_come_from_the_traceback():
    parsed = parse(record("handwritten_ipython_input_chained_urlerror"))
    assert parsed.ename == "URLError"
    assert "Temporary failure in name resolution" in parsed.message


def test_qualified_exception_names_keep_the_dotted_form():
    parsed = parse(record("handwritten_input_in_tf_qualified"))
    assert parsed.ename == "InvalidArgumentError"
    assert parsed.qualified_ename == "tensorflow.python.framework.errors_impl.InvalidArgumentError"
    assert parsed.frames[0].filename == "Input In [5]" and parsed.frames[0].is_user
    assert parsed.frames[0].function == "<cell line: 2>"


def test_chained_exceptions_are_kept_in_order():
    parsed = parse(record("handwritten_ipython_input_chained_urlerror"))
    assert parsed.chain == (("gaierror", "[Errno -3] Temporary failure in name resolution"),)
    real = parse(record("network_requests_dns"))
    assert real.ename == "ConnectionError"
    assert [name for name, _ in real.chain][-1] == "MaxRetryError"
    assert "requests" in real.libraries and "urllib3" in real.libraries


def test_direct_cause_chain_of_ipython8():
    parsed = parse(record("key_error_column_typo"))
    assert parsed.chain and parsed.chain[0][0] == "KeyError"
    # The final block's frames: the user's cell first, the library's last.
    assert parsed.frames[0].is_user and not parsed.frames[-1].is_user


def test_syntax_error_without_arrow():
    parsed = parse(record("syntax_print_py2"))
    assert parsed.ename == "SyntaxError"
    assert parsed.frames and parsed.frames[0].is_user


def test_extracts_names_shapes_keys_and_modules():
    assert parse(record("name_undefined_variable")).names == ("totl",)
    assert parse(record("shapes_not_aligned")).shapes == ("(2,3)",)
    assert parse(record("shapes_broadcast")).shapes == ("(3,)", "(4,)")
    assert parse(record("key_error_column_typo")).keys == ("prices",)
    assert parse(record("key_error_not_in_index")).keys == ("country",)
    assert parse(record("module_not_found_removed_sklearn")).modules == (
        "sklearn.cross_validation",
    )
    assert parse(record("import_name_removed_imputer")).modules == ("sklearn.preprocessing",)


def test_user_code_joins_cell_frames_and_the_records_code():
    rec = record("name_undefined_variable", code="total = 3\nprint(totl + 1)")
    parsed = parse(rec)
    assert "total = 3" in parsed.user_code


def test_empty_traceback():
    parsed = parse(ErrorRecord(ename="ValueError", evalue="bad value", traceback=()))
    assert (parsed.ename, parsed.message, parsed.frames, parsed.user_line) == (
        "ValueError",
        "bad value",
        (),
        "",
    )
    assert parsed.library is None and parsed.chain == ()


def test_traceback_stored_as_one_joined_string():
    data = fixture("name_undefined_variable")
    rec = ErrorRecord.from_dict({"ename": "", "traceback": "\n".join(data["traceback"])})
    parsed = parse(rec)
    assert parsed.ename == "NameError"
    assert parsed.user_line == "print(totl + 1)"


def test_traceback_stored_as_the_repr_of_a_list():
    data = fixture("key_error_column_typo")
    rec = ErrorRecord.from_dict({"ename": "keyerror", "traceback": [repr(data["traceback"])]})
    parsed = parse(rec)
    assert (parsed.ename, parsed.library, parsed.user_line) == (
        "KeyError",
        "pandas",
        "df['prices'].mean()",
    )


def test_traceback_stored_as_a_list_repr_that_was_cut_off():
    """Some exporters cut that string at a length limit, even inside an escape: the frames
    before the cut still count."""
    data = fixture("key_error_column_typo")
    text = repr(data["traceback"])
    whole = parse(ErrorRecord.from_dict({"ename": "keyerror", "traceback": [text]}))
    cut_at = text.index("frame.py") + 120  # in the library frame the user's line called
    for cut in range(cut_at, cut_at + 12):  # every cut position, escapes included
        rec = ErrorRecord.from_dict({"ename": "keyerror", "traceback": [text[:cut]]})
        parsed = parse(rec)
        assert parsed.library == whole.library == "pandas"
        assert parsed.user_line == whole.user_line


def test_cut_off_list_repr_items_are_prefixes_of_the_originals():
    from jupyterlab_nbcrash.diagnosis.traceback import unrepr

    items = ["\x1b[0;31m--\x1b[0m", "a 'quoted' \"b\" \\ \u00e9\u4e2d\n", "KeyError: 'x'"]
    text = repr(items)
    assert unrepr([text]) == items
    for cut in range(3, len(text)):
        got = unrepr([text[:cut]])
        assert got[:-1] == items[: len(got) - 1]
        assert items[len(got) - 1].startswith(got[-1])


def test_ten_thousand_line_traceback_is_capped():
    frame = (
        "File ~/lib/python3.11/site-packages/mylib/core.py:10, in step(n)\n     9 def "
        "step(n):\n---> 10     return step(n + 1)\n"
    )
    lines = [
        "RecursionError                            Traceback (most recent call last)",
        "Cell In[1], line 1\n----> 1 step(0)\n",
    ]
    lines += [frame] * 3_400  # ~10,000 lines once split
    lines.append("RecursionError: maximum recursion depth exceeded")
    parsed = parse(ErrorRecord(ename="RecursionError", evalue="", traceback=tuple(lines)))
    assert parsed.ename == "RecursionError"
    assert parsed.message == "maximum recursion depth exceeded"
    assert len(parsed.frames) <= MAX_FRAMES
    assert parsed.library == "mylib"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/usr/lib/python3/dist-packages/numpy/core/fromnumeric.py", ("numpy", False)),
        ("C:\\Anaconda3\\Lib\\site-packages\\pandas\\core\\frame.py", ("pandas", False)),
        ("/opt/conda/lib/python3.6/urllib/request.py", ("urllib", True)),
        ("~\\anaconda3\\lib\\importlib\\_bootstrap.py", ("importlib", True)),
        ("<frozen importlib._bootstrap>", ("importlib", True)),
        ("pandas/_libs/parsers.pyx", ("pandas", False)),
        ("/home/me/project/model.py", (None, False)),
        ("/site-packages/six.py", ("six", False)),
    ],
)
def test_top_package(path, expected):
    assert top_package(path) == expected


def test_strip_ansi():
    assert strip_ansi("\x1b[0;31mKeyError\x1b[0m: 'x'") == "KeyError: 'x'"
    assert strip_ansi("plain") == "plain"
