"""Speak-only-when pairs for wave 9's value, shape, key, file, network, memory and argument
conditions where a near neighbour of the crash they were written for let a false claim through
(each crash written here by hand, in the libraries' own wording):

- `X = data['x']` is a pandas column only when `data` is a DataFrame (not a dict, an `np.load`
  file), and only while no line unpacks a new value into `X`.
- `pd.DataFrame(items)` of a list appended to: `pd.concat` only for DataFrames; 2-D arrays may
  be images (one sample each), which are flattened, not stacked.
- A plot's empty side is the x (or y) values, named as passed: `plt.plot(y, x)`.
- A host reached above proves the kernel online only when it is not the machine or its network.
- A Hugging Face 404: "Repository Not Found" may be a private or gated repository, "Revision
  Not Found" a wrong revision.
- A "path" that is file names joined, or a tuple written as text, is no line of data; a
  deletion's line that lists a folder may have failed on the folder.
- `scoring='accuracy'` on a line whose `f1_score` failed: no `'accuracy_macro'`.
- Keras's data adapter given a list holding None: no variable holds None.
- `score(df, model)` to a `def score(row)` reading keys: a parameter is missing, no dict.
- A label from `iterrows()` that another loop rebinds is not named the row label.
- TensorFlow's small weights that do not fit: the model's own other layers may fill the GPU.
- `arr[q[0.75]]`: the float written is a lookup's key, not the index.
- An embedding of text ids (`char2idx`) keeps the text hint beside a LabelEncoder of y.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions40 import _crash
from tests.test_hints_conditions48 import _HUB, _PREDICT, _at
from tests.test_hints_conditions49 import (
    _ADAPTER,
    _CHECK_ARRAY,
    _FRAME_FRAMES,
    _MULTICLASS,
    _ONLY_INTEGERS,
    _PLOT,
    _RESHAPE,
)
from tests.test_hints_conditions50 import _FRAME_GET, _INIT, _NO_HOST, _REQUESTS

SITE = "/usr/local/lib/python3.10/dist-packages"

# ------------------------------------------------------------ a 1-D X from a pandas column


def _sklearn_2d(code: str) -> str:
    message = f"Expected 2D array, got 1D array instead:\narray=[1.5 2.  3.5].\n{_RESHAPE}"
    return hint(crash("ValueError", message, code.splitlines()[-1], _CHECK_ARRAY, code=code))


def test_a_label_of_an_npz_file_or_a_dict_is_no_pandas_column():
    for made in ("data = np.load('sales.npz')", "data = {'x': [1.5, 2, 3.5]}"):
        text = _sklearn_2d(f"{made}\nX = data['x']\nsc.fit_transform(X)")
        assert "to_frame" not in text and "`X.reshape(-1, 1)`" in text, text


def test_a_label_of_a_frame_pandas_made_is_still_a_column():
    text = _sklearn_2d("data = pd.read_csv('sales.csv')\nX = data['x']\nsc.fit_transform(X)")
    assert "`X.to_frame()`" in text and "`data['x']`" in text, text


def test_a_column_unpacked_again_into_arrays_is_no_series():
    code = "X = df['x']\ny = df['y']\nX, y = X.values, y.values\nsc.fit_transform(X)"
    text = _sklearn_2d(code)
    assert "to_frame" not in text, text


# ------------------------------------------------------------ a list of 2-D items as a frame


def _listed(code: str) -> str:
    message = "Must pass 2-d input. shape=(3, 28, 28)"
    return hint(crash("ValueError", message, code.splitlines()[-1], _FRAME_FRAMES, code))


def test_a_list_of_images_is_not_only_joined():
    code = "imgs = []\nfor f in files:\n    imgs.append(cv2.imread(f, 0))\ndf = pd.DataFrame(imgs)"
    text = _listed(code)
    assert "flatten each" in text and "a list of DataFrames" not in text, text


def test_a_list_of_frames_made_by_pandas_is_joined():
    code = "parts = []\nfor f in files:\n    part = pd.read_csv(f)\n    parts.append(part)\n"
    text = _listed(code + "df = pd.DataFrame(parts)")
    assert "`pd.concat(parts)`" in text and "flatten" not in text, text


# ------------------------------------------------------------ a plot's empty side


def test_an_empty_side_is_named_as_passed_not_by_its_axis():
    message = "x and y must have same first dimension, but have shapes (0,) and (6,)"
    text = hint(crash("ValueError", message, "plt.plot(y, x)", _PLOT))
    assert "The x values (`y`) are empty" in text and "x is empty" not in text, text
    unequal = "x and y must have same first dimension, but have shapes (5,) and (6,)"
    assert "range(len(y))" in hint(crash("ValueError", unequal, "plt.plot(y, x)", _PLOT))


# ------------------------------------------------------------ a host reached above


def _resolved_after(reached: str) -> str:
    code = (
        f"import requests\nok = requests.get('{reached}')\n"
        "old = requests.get('https://api.oldweather.example/v1/today')"
    )
    return _crash("ConnectionError", _NO_HOST, code, _REQUESTS)


def test_a_local_server_reached_proves_no_internet():
    for local in ("http://localhost:8000/health", "http://192.168.1.20/api", "http://minio:9000"):
        text = _resolved_after(local)
        assert "kernel is online" not in text and "no internet access" in text, text


def test_a_public_host_reached_still_proves_the_kernel_online():
    text = _resolved_after("https://www.python.org")
    assert "kernel is online" in text, text


# ------------------------------------------------------------ a 404 of the Hugging Face Hub


def _hub(words: str) -> str:
    message = (
        f"404 Client Error. (Request ID: Root=1-6a)\n\n{words} for url: "
        "https://huggingface.co/ana/churn-model/resolve/v2/model.pkl."
    )
    frames = [(_HUB, "hf_hub_download", ["return _hf_hub_download_to_cache_dir("])]
    code = "path = hf_hub_download(repo_id='ana/churn-model', filename='model.pkl')"
    return _at("HfHubHTTPError", message, code, 1, frames)


def test_a_repository_not_found_may_be_private():
    text = _hub("Repository Not Found")
    assert "private or gated" in text and "has no file" not in text, text


def test_a_revision_not_found_is_the_revision():
    text = _hub("Revision Not Found")
    assert "no revision `v2`" in text and "no file" not in text, text


def test_an_entry_not_found_is_still_the_file():
    text = _hub("Entry Not Found")
    assert "`ana/churn-model` has no file `model.pkl`" in text and "private" not in text, text


# ------------------------------------------------------------ file names as text; a deletion


def test_a_list_of_file_names_as_text_is_no_line_of_data():
    for names in ("train.csv, test.csv, notes", "(sales_q1, sales_q2, sales_q3)"):
        message = f"[Errno 2] No such file or directory: '{names}'"
        text = _crash("FileNotFoundError", message, "f = open(', '.join(files))")
        assert "comma-separated data" not in text, text
    message = "[Errno 2] No such file or directory: '10115,Mueller Anna,Hauptstr 5,Berlin'"
    text = _crash("FileNotFoundError", message, "f = open(line)")
    assert "comma-separated data" in text, text


def test_a_deletion_that_lists_a_folder_may_fail_on_the_folder():
    message = "[Errno 2] No such file or directory: 'out/tmp'"
    text = _crash("FileNotFoundError", message, "os.remove(os.path.join(d, os.listdir(d)[0]))")
    assert "to delete" not in text, text
    text = _crash("FileNotFoundError", message, "os.remove(path)")
    assert "to delete" in text, text


# ------------------------------------------------------------ scoring= beside another metric


def test_a_scorer_without_an_averaged_name_is_not_given_one():
    frames = [(f"{SITE}/sklearn/metrics/_classification.py", "f1_score")]
    line = "print(cross_val_score(m, X, y, scoring='accuracy').mean(), f1_score(y_te, pred))"
    text = hint(crash("ValueError", _MULTICLASS, line, frames))
    assert "accuracy_macro" not in text and "`average='macro'`" in text, text


# ------------------------------------------------------------ Keras given a list holding None

_FIT = "model.fit(x=train_set, y=labels)"


def test_a_list_holding_none_is_no_variable_holding_none():
    message = (
        "Failed to find data adapter that can handle input: (<class 'list'> containing values "
        "of types {\"<class 'NoneType'>\"}), <class 'numpy.ndarray'>"
    )
    text = hint(crash("ValueError", message, _FIT, _ADAPTER))
    assert "a variable this call passes holds None" not in text, text
    message = "Failed to find data adapter that can handle input: <class 'NoneType'>, <class 'int'>"
    text = hint(crash("ValueError", message, _FIT, _ADAPTER))
    assert "a variable this call passes holds None" in text, text


# ------------------------------------------------------------ a def that reads keys, given two


def _too_many(line: str) -> str:
    message = "score() takes 1 positional argument but 2 were given"
    definition = "def score(row):\n    return model_fn(row['height'], row['weight'])\n"
    return _crash("TypeError", message, line, cells=(definition,))


def test_a_table_and_another_object_are_no_values_of_the_keys():
    text = _too_many("score(df, model)")
    assert "by key" not in text, text


def test_values_named_as_the_keys_still_go_together():
    text = _too_many("score(height, weight)")
    assert "(`row['height']`, `row['weight']`)" in text, text


# ------------------------------------------------------------ a label that another loop rebinds


def test_a_name_another_loop_rebinds_is_no_iterrows_label():
    code = (
        "for idx, row in stops.iterrows():\n    n += 1\nfor idx in picked:\n"
        "    lat = stops[idx]['STOP_LAT']"
    )
    text = _crash("KeyError", "68208", code, _FRAME_GET)
    assert "from `iterrows()`" not in text, text
    code = "for idx, row in stops.iterrows():\n    lat = stops[idx]['STOP_LAT']"
    text = _crash("KeyError", "68208", code, _FRAME_GET)
    assert "from `iterrows()`" in text, text


# ------------------------------------------------------------ small weights that do not fit


def test_small_weights_name_the_models_own_layers_too():
    message = (
        "OOM when allocating tensor with shape[4096,4096] and type float on "
        "/job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:Add]"
    )
    text = _crash("ResourceExhaustedError", message, "model = build(config)", _INIT)
    assert "already nearly full" in text and "this model's other layers" in text, text


# ------------------------------------------------------------ a float inside a lookup


def test_a_float_key_of_a_lookup_inside_an_index_is_not_the_slip():
    text = hint(crash("IndexError", _ONLY_INTEGERS, "top = values[q[0.75]]"))
    assert "written as a float" not in text, text
    text = hint(crash("IndexError", _ONLY_INTEGERS, "top = values[0.75]"))
    assert "`0.75` on this line is written as a float" in text, text


# ------------------------------------------------------------ an embedding of characters

_GATHER = "indices[12,0] = 41 is not in [0, 40)\n\t [[{{node model/emb/embedding_lookup}}]]"


def test_character_ids_beside_a_label_encoder_of_y_keep_the_text_hint():
    cells = (
        "y = LabelEncoder().fit_transform(labels)",
        "char2idx = {c: i for i, c in enumerate(chars)}\nmodel.fit(seq, y)",
    )
    text = _at("InvalidArgumentError", _GATHER, "model.predict(new_seq)", 1, _PREDICT, cells)
    assert "one encoder" not in text, text
    cells = ("data['city'] = LabelEncoder().fit_transform(data['city'])", "model.fit(X, y)")
    text = _at("InvalidArgumentError", _GATHER, "model.predict(X_new)", 1, _PREDICT, cells)
    assert "one encoder" in text, text
