"""Keys, files and attributes told only where the crash shows it (wave 16c): a Series looked up
by old pandas' compiled files, a validation key after its training key worked, a GroupBy given
several keys, a missing NLTK corpus entry, ChatGPT's `/mnt/data` on Windows, a frame's
`.reshape` unpacked into two names.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording,
never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions80 import _cell_frame, _hint

SITE = "~/miniconda3/lib/python3.11/site-packages"
WIN_SITE = "~\\anaconda3\\Lib\\site-packages"


def _old_series_frames(code: str) -> list[str]:
    """IPython 5 on Python 2: pandas' frames are its compiled `.pyc` files."""
    return [
        f"<ipython-input-12-0123456789ab> in <module>()\n----> 1 {code}\n",
        "/Users/me/anaconda/lib/python2.7/site-packages/pandas/core/series.pyc in "
        "__getitem__(self, key)\n    599         try:\n--> 601             result = "
        "self.index.get_value(self, key)\n",
        "/Users/me/anaconda/lib/python2.7/site-packages/pandas/indexes/base.pyc in "
        "get_value(self, series, key)\n-> 2169             return self._engine.get_value(s, k)\n",
    ]


# ------------------------------------------- a Series' lookup in old pandas' compiled files


def test_old_pandas_series_lookup_is_told_a_series_not_columns_to_print():
    code = "years[years['Year'] > 1990].mean()"
    text = _hint("KeyError", "'Year'", _old_series_frames(code), code)
    assert "is a Series here" in text, text
    assert "years.columns" not in text, text


def test_old_pandas_frame_lookup_is_not_told_a_series():
    code = "films[films['Year'] > 1990].mean()"
    frames = [
        f"<ipython-input-12-0123456789ab> in <module>()\n----> 1 {code}\n",
        "/Users/me/anaconda/lib/python2.7/site-packages/pandas/core/frame.pyc in "
        "__getitem__(self, key)\n-> 2059             return self._getitem_column(key)\n",
        "/Users/me/anaconda/lib/python2.7/site-packages/pandas/core/series.pyc in "
        "__getitem__(self, key)\n--> 601             result = self.index.get_value(self, key)\n",
    ]
    text = _hint("KeyError", "'Year'", frames, code)
    assert "is a Series here" not in text, text


# ------------------------------------------ a validation key after the training key worked


def _history_hint(code: str, key: str) -> str:
    number = next(i for i, ln in enumerate(code.splitlines(), 1) if f"['{key}']" in ln)
    return _hint("KeyError", f"'{key}'", [_cell_frame(code, number)], code)


def test_val_acc_after_acc_worked_is_told_fit_got_no_validation_data():
    code = "plt.plot(history.history['acc'])\nplt.plot(history.history['val_acc'])\nplt.show()"
    text = _history_hint(code, "val_acc")
    assert "validation_split" in text, text
    assert "val_accuracy" not in text, text


def test_val_acc_alone_keeps_the_keras_rename():
    code = "plt.plot(history.history['val_acc'])\nplt.show()"
    assert "val_accuracy" in _history_hint(code, "val_acc")


# ------------------------------------------------------------- a GroupBy given several keys


def _groupby_frames(code: str) -> list[str]:
    return [
        _cell_frame(code, 1),
        f"File {SITE}/pandas/core/base.py:239, in SelectionMixin.__getitem__(self, key)\n"
        f"    237     if len(self.obj.columns.intersection(key)) != len(set(key)):\n"
        f"    238         bad_keys = list(set(key).difference(self.obj.columns))\n"
        f'--> 239         raise KeyError(f"Columns not found: {{str(bad_keys)[1:-1]}}")\n',
    ]


def test_a_groupby_given_several_missing_keys_is_not_told_to_print_columns():
    code = "by_area['Queens', 'Astoria']"
    message = "\"Columns not found: 'Queens', 'Astoria'\""
    text = _hint("KeyError", message, _groupby_frames(code), code)
    assert ".columns" not in text, text
    assert "no column or label" not in text, text


# ------------------------------------------------------------- a missing NLTK corpus entry


def _open_hint(path: str, code: str, site: str = SITE) -> str:
    frames = [
        _cell_frame(code, 1),
        f"File {site}/nltk/corpus/reader/wordlist.py:21, in WordListCorpusReader.words"
        "(self, fileids, ignore_lines_startswith)\n"
        "---> 21     for line in line_tokenize(self.raw(fileids))\n",
    ]
    return _hint("OSError", f"No such file or directory: '{path}'", frames, code)


def test_a_missing_stopwords_language_is_told_to_list_the_corpus_fileids():
    text = _open_hint("/home/me/nltk_data/corpora/stopwords/klingon", "stopwords.words('klingon')")
    assert text.startswith("NLTK's `stopwords` corpus has no `klingon` entry"), text
    assert "stopwords.fileids()" in text, text


def test_a_missing_file_outside_nltk_data_is_not_told_of_a_corpus():
    text = _open_hint("/home/me/data/stopwords/klingon", "open('/home/me/data/stopwords/klingon')")
    assert "NLTK" not in text, text


# ------------------------------------------------------------ ChatGPT's `/mnt/data` on Windows


def _mnt_hint(site: str) -> str:
    code = "with open('/mnt/data/setup_program.sas') as fh:\n    lines = fh.readlines()"
    frames = [
        _cell_frame(code, 1),
        f"File {site}/IPython/core/interactiveshell.py:324, in _modified_open(file, *args, "
        "**kwargs)\n--> 324     return io_open(file, *args, **kwargs)\n",
    ]
    frames[1] = frames[1].replace("/", "\\") if site == WIN_SITE else frames[1]
    message = "[Errno 2] No such file or directory: '/mnt/data/setup_program.sas'"
    return _hint("FileNotFoundError", message, frames, code)


def test_mnt_data_on_windows_is_told_it_is_chatgpts_sandbox_not_an_extension_typo():
    text = _mnt_hint(WIN_SITE)
    assert "ChatGPT's sandbox" in text, text
    assert "typo" not in text, text


def test_mnt_data_on_linux_is_not_told_of_chatgpt():
    assert "ChatGPT" not in _mnt_hint(SITE)


# ------------------------------------------------- a frame's `.reshape` unpacked into names


def _reshape_hint(code: str) -> str:
    frames = [
        _cell_frame(code, 1),
        f"File {SITE}/pandas/core/generic.py:6204, in NDFrame.__getattr__(self, name)\n"
        "-> 6204     return object.__getattribute__(self, name)\n",
    ]
    return _hint("AttributeError", "'DataFrame' object has no attribute 'reshape'", frames, code)


def test_reshape_unpacked_into_two_names_is_told_shape_too():
    text = _reshape_hint("n_rows, n_cols = sales.reshape(4, 3)")
    assert "`rows, cols = sales.shape`" in text, text
    assert "`sales.to_numpy().reshape(...)`" in text, text


def test_reshape_kept_whole_keeps_to_numpy():
    text = _reshape_hint("grid = sales.reshape(4, 3)")
    assert text == "pandas objects have no `.reshape`: use `.to_numpy().reshape(...)`.", text


# --------------------------------------------------------- scikit-learn's gone mldata.org


def _timeout_hint(frames: list[str], code: str) -> str:
    message = "[Errno 110] Connection timed out"
    return _hint("TimeoutError", message, [_cell_frame(code, 1), *frames], code)


SOCKET = (
    "File /usr/lib/python3.8/socket.py:669, in SocketIO.readinto(self, b)\n"
    "--> 669     return self._sock.recv_into(b)\n"
)


def test_fetch_mldata_is_told_mldata_org_is_gone_not_to_retry():
    code = "digits = fetch_mldata('MNIST original')"
    mldata = (
        f"File {SITE}/sklearn/datasets/mldata.py:154, in fetch_mldata(dataname, target_name, "
        "data_name, transpose_data, data_home)\n--> 154     mldata_url = urlopen(urlname)\n"
    )
    text = _timeout_hint([mldata, SOCKET], code)
    assert "fetch_openml" in text, text
    assert "retry" not in text, text


def test_another_download_timing_out_is_not_told_of_mldata():
    code = "page = urlopen('https://example.org/data.csv')"
    assert "mldata" not in _timeout_hint([SOCKET], code)


# --------------------------------------------- a 2-D decision-boundary grid on a wider model


def _features_hint(code: str, number: int) -> str:
    message = "X has 2 features, but LogisticRegression is expecting 30 features as input."
    frames = [
        _cell_frame(code, number),
        f"File {SITE}/sklearn/base.py:389, in BaseEstimator._check_n_features(self, X, reset)\n"
        "--> 389     raise ValueError(\n",
    ]
    return _hint("ValueError", message, frames, code)


def test_a_meshgrid_plot_on_a_wider_model_is_told_to_fit_on_two_features():
    code = (
        "xx, yy = np.meshgrid(np.arange(0, 10, 0.1), np.arange(0, 10, 0.1))\n"
        "zz = clf.predict(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape)"
    )
    text = _features_hint(code, 2)
    assert "a 2-D decision boundary needs a model fitted on 2 features" in text, text
    assert "fit_transform" not in text, text


def test_two_columns_without_a_grid_are_not_told_of_a_plot():
    code = "zz = clf.predict(X_new[['age', 'salary']])"
    assert "decision boundary" not in _features_hint(code, 1)
