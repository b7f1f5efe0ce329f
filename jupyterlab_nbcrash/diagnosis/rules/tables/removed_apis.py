"""Removed or renamed APIs of the main libraries and what replaces them.

Notebooks written for an older library version crash on a newer one: these tables let the
attribute, import and argument rules say "this API was removed; use that instead". Keys use the
import name of the owning module (or the class name for methods); "*" matches any owner.
"""

from __future__ import annotations

from typing import NamedTuple


class Replacement(NamedTuple):
    use: str  # what to write instead, as code a student can paste
    library: str  # the library the API belongs to (taxonomy library id)
    note: str = ""  # when it went away


_NP_ALIAS = "numpy 1.24 removed the aliases of Python's builtin types"
_NP2 = "removed in NumPy 2.0"

# TensorFlow 1 graph-mode APIs: their tf.compat.v1 form fails under TensorFlow 2's eager mode.
_GRAPH_ONLY = frozenset(
    {"placeholder", "Session", "InteractiveSession", "global_variables_initializer",
     "variable_scope", "get_variable", "AdamOptimizer", "GradientDescentOptimizer", "Saver"}
)  # fmt: skip
_GRAPH_MODE = "; in TensorFlow 2 run `tf.compat.v1.disable_eager_execution()` first"

# (owner, attribute) -> replacement. Owner is a module ("numpy", "sklearn.datasets") or a class.
REMOVED: dict[tuple[str, str], Replacement] = {
    # NumPy
    ("numpy", "float"): Replacement("float (or np.float64)", "numpy", _NP_ALIAS),
    ("numpy", "int"): Replacement("int (or np.int64)", "numpy", _NP_ALIAS),
    ("numpy", "bool"): Replacement("bool (or np.bool_)", "numpy", _NP_ALIAS),
    ("numpy", "object"): Replacement("object", "numpy", _NP_ALIAS),
    ("numpy", "str"): Replacement("str", "numpy", _NP_ALIAS),
    ("numpy", "long"): Replacement("int", "numpy", _NP_ALIAS),
    ("numpy", "complex"): Replacement("complex (or np.complex128)", "numpy", _NP_ALIAS),
    ("numpy", "unicode"): Replacement("str", "numpy", _NP_ALIAS),
    ("numpy", "asscalar"): Replacement("a.item()", "numpy", "removed in NumPy 1.23"),
    ("numpy", "NaN"): Replacement("np.nan", "numpy", _NP2),
    ("numpy", "NAN"): Replacement("np.nan", "numpy", _NP2),
    ("numpy", "Inf"): Replacement("np.inf", "numpy", _NP2),
    ("numpy", "Infinity"): Replacement("np.inf", "numpy", _NP2),
    ("numpy", "infty"): Replacement("np.inf", "numpy", _NP2),
    ("numpy", "PINF"): Replacement("np.inf", "numpy", _NP2),
    ("numpy", "NINF"): Replacement("-np.inf", "numpy", _NP2),
    ("numpy", "float_"): Replacement("np.float64", "numpy", _NP2),
    ("numpy", "complex_"): Replacement("np.complex128", "numpy", _NP2),
    ("numpy", "unicode_"): Replacement("np.str_", "numpy", _NP2),
    ("numpy", "string_"): Replacement("np.bytes_", "numpy", _NP2),
    ("numpy", "product"): Replacement("np.prod", "numpy", _NP2),
    ("numpy", "cumproduct"): Replacement("np.cumprod", "numpy", _NP2),
    ("numpy", "sometrue"): Replacement("np.any", "numpy", _NP2),
    ("numpy", "alltrue"): Replacement("np.all", "numpy", _NP2),
    ("numpy", "round_"): Replacement("np.round", "numpy", _NP2),
    ("numpy", "trapz"): Replacement("np.trapezoid", "numpy", _NP2),
    ("numpy", "in1d"): Replacement("np.isin", "numpy", "deprecated in NumPy 2.0"),
    ("numpy", "row_stack"): Replacement("np.vstack", "numpy", _NP2),
    ("numpy", "mat"): Replacement("np.asmatrix (or better, a plain array)", "numpy", _NP2),
    ("numpy", "msort"): Replacement("np.sort(a, axis=0)", "numpy", _NP2),
    ("numpy", "find_common_type"): Replacement("np.result_type", "numpy", _NP2),
    ("numpy", "int0"): Replacement("np.intp", "numpy", _NP2),
    ("numpy", "bool8"): Replacement("np.bool_", "numpy", _NP2),
    ("numpy", "object0"): Replacement("np.object_", "numpy", _NP2),
    ("numpy", "typeDict"): Replacement("np.sctypeDict", "numpy", "removed in NumPy 1.24"),
    ("numpy", "sctypes"): Replacement("the concrete types, e.g. np.float64", "numpy", _NP2),
    ("numpy.random", "random_integers"): Replacement("np.random.randint", "numpy"),
    # pandas (class methods)
    ("DataFrame", "append"): Replacement(
        "pd.concat([df, other])", "pandas", "removed in pandas 2.0"
    ),
    ("Series", "append"): Replacement("pd.concat([s, other])", "pandas", "removed in pandas 2.0"),
    ("DataFrame", "ix"): Replacement(".loc[...] (labels) or .iloc[...] (positions)", "pandas"),
    ("Series", "ix"): Replacement(".loc[...] (labels) or .iloc[...] (positions)", "pandas"),
    ("DataFrame", "as_matrix"): Replacement("df.to_numpy()", "pandas", "removed in pandas 1.0"),
    ("Series", "as_matrix"): Replacement("s.to_numpy()", "pandas", "removed in pandas 1.0"),
    ("DataFrame", "iteritems"): Replacement("df.items()", "pandas", "removed in pandas 2.0"),
    ("Series", "iteritems"): Replacement("s.items()", "pandas", "removed in pandas 2.0"),
    ("DataFrame", "get_value"): Replacement("df.at[row, col]", "pandas"),
    ("DataFrame", "set_value"): Replacement("df.at[row, col] = value", "pandas"),
    ("DataFrame", "sort"): Replacement("df.sort_values(...)", "pandas"),
    ("Series", "sort"): Replacement("s.sort_values()", "pandas"),
    ("DataFrame", "convert_objects"): Replacement("df.infer_objects()", "pandas"),
    ("DataFrame", "reindex_axis"): Replacement("df.reindex(...)", "pandas"),
    ("DataFrame", "get_dtype_counts"): Replacement("df.dtypes.value_counts()", "pandas"),
    ("DataFrame", "lookup"): Replacement("df.melt(...) or df.loc with .to_numpy()", "pandas"),
    ("DataFrame", "mad"): Replacement("(df - df.mean()).abs().mean()", "pandas"),
    ("Series", "mad"): Replacement("(s - s.mean()).abs().mean()", "pandas"),
    ("Series", "valid"): Replacement("s.dropna()", "pandas"),
    ("Series", "is_monotonic"): Replacement("s.is_monotonic_increasing", "pandas"),
    ("Index", "is_monotonic"): Replacement("idx.is_monotonic_increasing", "pandas"),
    ("DataFrame", "applymap"): Replacement("df.map(func)", "pandas", "renamed in pandas 2.1"),
    ("DataFrame", "swapaxes"): Replacement("df.transpose()", "pandas"),
    ("Series", "nonzero"): Replacement("s.to_numpy().nonzero()", "pandas"),
    ("DataFrame", "ftypes"): Replacement("df.dtypes", "pandas"),
    ("DataFrameGroupBy", "pad"): Replacement(".ffill()", "pandas"),
    ("pandas", "rolling_mean"): Replacement("s.rolling(window).mean()", "pandas"),
    ("pandas", "rolling_std"): Replacement("s.rolling(window).std()", "pandas"),
    ("pandas", "rolling_sum"): Replacement("s.rolling(window).sum()", "pandas"),
    ("pandas", "ewma"): Replacement("s.ewm(span=...).mean()", "pandas"),
    ("pandas", "scatter_matrix"): Replacement("pd.plotting.scatter_matrix", "pandas"),
    ("pandas", "datetime"): Replacement("import datetime; datetime.datetime", "pandas"),
    ("pandas", "np"): Replacement("import numpy as np", "pandas"),
    ("pandas", "Panel"): Replacement("a DataFrame with a MultiIndex, or xarray", "pandas"),
    ("pandas", "TimeGrouper"): Replacement("pd.Grouper(freq=...)", "pandas"),
    ("pandas", "value_counts"): Replacement("pd.Series(values).value_counts()", "pandas"),
    # scikit-learn
    ("*", "get_feature_names"): Replacement(
        "get_feature_names_out()", "sklearn", "removed in scikit-learn 1.2"
    ),
    ("sklearn.preprocessing", "Imputer"): Replacement(
        "from sklearn.impute import SimpleImputer", "sklearn", "removed in scikit-learn 0.22"
    ),
    ("sklearn.datasets", "load_boston"): Replacement(
        "fetch_california_housing() or fetch_openml(name='boston', version=1)",
        "sklearn",
        "removed in scikit-learn 1.2",
    ),
    ("sklearn.metrics", "plot_confusion_matrix"): Replacement(
        "ConfusionMatrixDisplay.from_estimator(model, X, y)", "sklearn", "removed in 1.2"
    ),
    ("sklearn.metrics", "plot_roc_curve"): Replacement(
        "RocCurveDisplay.from_estimator(model, X, y)", "sklearn", "removed in 1.2"
    ),
    ("sklearn.metrics", "plot_precision_recall_curve"): Replacement(
        "PrecisionRecallDisplay.from_estimator(model, X, y)", "sklearn", "removed in 1.2"
    ),
    # A search's own attribute, not its best model's: `best_estimator_.grid_scores_` is no cure.
    ("GridSearchCV", "grid_scores_"): Replacement(
        "cv_results_", "sklearn", "removed in scikit-learn 0.20"
    ),
    ("RandomizedSearchCV", "grid_scores_"): Replacement(
        "cv_results_", "sklearn", "removed in scikit-learn 0.20"
    ),
    # protobuf 5 removed it; TensorFlow, TensorBoard and others built for protobuf 3/4 call it
    # when they are imported (Kaggle and Colab images with a newer protobuf).
    ("MessageFactory", "GetPrototype"): Replacement(
        "message_factory.GetMessageClass(descriptor)", "protobuf", "removed in protobuf 5"
    ),
    ("sklearn.externals", "joblib"): Replacement("import joblib", "sklearn"),
    ("sklearn.externals", "six"): Replacement("import six", "sklearn"),
    ("sklearn.utils", "safe_indexing"): Replacement("sklearn.utils._safe_indexing", "sklearn"),
    ("sklearn.datasets", "fetch_mldata"): Replacement("fetch_openml(...)", "sklearn"),
    ("sklearn.metrics", "mean_squared_error(squared=False)"): Replacement(
        "root_mean_squared_error(y_true, y_pred)", "sklearn"
    ),
    # TensorFlow 1 APIs gone in TensorFlow 2: name -> (its tf.compat.v1 path, the TF2 way)
    **{
        ("tensorflow", name): Replacement(
            f"{compat} (or the TF2 way: {tf2})",
            "tensorflow",
            "a TensorFlow 1 API" + (_GRAPH_MODE if name in _GRAPH_ONLY else ""),
        )
        for name, (compat, tf2) in {
            "placeholder": ("tf.compat.v1.placeholder", "pass tensors to a Keras model"),
            "Session": ("tf.compat.v1.Session", "run eagerly, no session needed"),
            "InteractiveSession": ("tf.compat.v1.InteractiveSession", "run eagerly"),
            "get_default_graph": ("tf.compat.v1.get_default_graph", "eager execution"),
            "reset_default_graph": (
                "tf.compat.v1.reset_default_graph",
                "tf.keras.backend.clear_session()",
            ),
            "global_variables_initializer": (
                "tf.compat.v1.global_variables_initializer",
                "variables are initialised on creation",
            ),
            "variable_scope": ("tf.compat.v1.variable_scope", "Keras layers or tf.Module"),
            "get_variable": ("tf.compat.v1.get_variable", "tf.Variable"),
            "set_random_seed": ("tf.compat.v1.set_random_seed", "tf.random.set_seed"),
            "random_normal": ("tf.compat.v1.random_normal", "tf.random.normal"),
            "random_uniform": ("tf.compat.v1.random_uniform", "tf.random.uniform"),
            "truncated_normal": ("tf.compat.v1.truncated_normal", "tf.random.truncated_normal"),
            "log": ("tf.compat.v1.log", "tf.math.log"),
            "to_float": ("tf.compat.v1.to_float", "tf.cast(x, tf.float32)"),
            "ConfigProto": (
                "tf.compat.v1.ConfigProto",
                "tf.config.experimental.set_memory_growth",
            ),
            "GPUOptions": ("tf.compat.v1.GPUOptions", "tf.config.experimental.set_memory_growth"),
            "AdamOptimizer": ("tf.compat.v1.train.AdamOptimizer", "tf.keras.optimizers.Adam"),
            "GradientDescentOptimizer": (
                "tf.compat.v1.train.GradientDescentOptimizer",
                "tf.keras.optimizers.SGD",
            ),
            "Saver": ("tf.compat.v1.train.Saver", "tf.train.Checkpoint or model.save"),
            "FileWriter": ("tf.compat.v1.summary.FileWriter", "tf.summary.create_file_writer"),
            "app": ("tf.compat.v1.app", "absl.app"),
            "logging": ("tf.compat.v1.logging", "absl.logging or Python's logging"),
            "flags": ("tf.compat.v1.flags", "absl.flags"),
            "layers": ("tf.compat.v1.layers", "tf.keras.layers"),
            "rnn_cell": ("tf.compat.v1.nn.rnn_cell", "tf.keras.layers.LSTMCell / GRUCell"),
            "softmax_cross_entropy": (
                "tf.compat.v1.losses.softmax_cross_entropy",
                "tf.keras.losses.CategoricalCrossentropy",
            ),
        }.items()
    },
    ("tensorflow", "contrib"): Replacement(
        "the TF2 modules (tf.keras, tf.data) or the tensorflow-addons package",
        "tensorflow",
        "tf.contrib was removed in TensorFlow 2.0",
    ),
    # pandas 1.0 removed the guessing converter; `to_numeric` converts a Series explicitly
    ("Series", "convert_objects"): Replacement(
        "pd.to_numeric(s, errors='coerce')", "pandas", "removed in pandas 1.0"
    ),
    # Keras
    ("*", "predict_classes"): Replacement(
        "np.argmax(model.predict(x), axis=-1) (or (model.predict(x) > 0.5) for one output)",
        "tensorflow",
        "removed in TensorFlow 2.6",
    ),
    ("*", "fit_generator"): Replacement("model.fit(generator, ...)", "tensorflow"),
    ("*", "evaluate_generator"): Replacement("model.evaluate(generator, ...)", "tensorflow"),
    ("*", "predict_generator"): Replacement("model.predict(generator, ...)", "tensorflow"),
    ("keras.optimizers", "adam"): Replacement("from keras.optimizers import Adam", "tensorflow"),
    ("keras.optimizers", "sgd"): Replacement("from keras.optimizers import SGD", "tensorflow"),
    ("keras.optimizers", "rmsprop"): Replacement(
        "from keras.optimizers import RMSprop", "tensorflow"
    ),
    ("Sequential", "predict_proba"): Replacement("model.predict(x)", "tensorflow"),
    ("Functional", "predict_proba"): Replacement("model.predict(x)", "tensorflow"),
    ("sklearn", "cross_validation"): Replacement(
        "sklearn.model_selection", "sklearn", "removed in 0.20"
    ),
    ("sklearn", "grid_search"): Replacement(
        "sklearn.model_selection", "sklearn", "removed in 0.20"
    ),
    ("sklearn.gaussian_process", "GaussianProcess"): Replacement(
        "GaussianProcessRegressor", "sklearn", "removed in 0.20"
    ),
    ("pandas.io.json", "json_normalize"): Replacement("pd.json_normalize(...)", "pandas"),
    ("pandas.core.dtypes.generic", "ABCIndexClass"): Replacement(
        "ABCIndex", "pandas", "removed in pandas 1.3"
    ),
    # Imported by old botocore/requests-toolbelt: the fix is theirs or an older urllib3.
    ("urllib3.util.ssl_", "DEFAULT_CIPHERS"): Replacement(
        "a newer version of the package that imports it", "urllib3", "removed in urllib3 2.0"
    ),
    ("scipy.ndimage", "imread"): Replacement("imageio.v3.imread(path)", "scipy"),
    ("scipy.signal", "gaussian"): Replacement("scipy.signal.windows.gaussian", "scipy"),
    ("skimage.measure", "compare_ssim"): Replacement(
        "from skimage.metrics import structural_similarity", "skimage"
    ),
    ("torchtext.data", "Field"): Replacement(
        "torchtext.legacy.data.Field (torchtext <= 0.11) or torchtext's current API", "torch"
    ),
    ("torchtext.data", "BucketIterator"): Replacement(
        "torchtext.legacy.data.BucketIterator (torchtext <= 0.11) or a DataLoader", "torch"
    ),
    ("torchtext.data", "TabularDataset"): Replacement(
        "torchtext.legacy.data.TabularDataset (torchtext <= 0.11) or pandas + a Dataset", "torch"
    ),
    ("keras.preprocessing.sequence", "pad_sequences"): Replacement(
        "from keras.utils import pad_sequences", "tensorflow"
    ),
    ("keras.utils", "np_utils"): Replacement(
        "from keras.utils import to_categorical", "tensorflow"
    ),
    ("keras.utils.np_utils", "to_categorical"): Replacement(
        "from keras.utils import to_categorical", "tensorflow"
    ),
    ("keras.optimizers", "Adam(lr=...)"): Replacement("Adam(learning_rate=...)", "tensorflow"),
    ("keras", "initializations"): Replacement(
        "from keras import initializers", "tensorflow", "renamed in Keras 2"
    ),
    ("keras.layers", "Convolution2D"): Replacement(
        "from keras.layers import Conv2D", "tensorflow", "renamed in Keras 2"
    ),
    ("keras.layers", "Merge"): Replacement(
        "keras.layers.concatenate(...) or keras.layers.Add()(...)", "tensorflow", "Keras 1 API"
    ),
    ("keras.layers", "merge"): Replacement(
        "keras.layers.concatenate(...) or keras.layers.Add()(...)", "tensorflow", "Keras 1 API"
    ),
    ("keras.preprocessing.image", "load_img"): Replacement(
        "from keras.utils import load_img", "tensorflow", "moved in Keras 3"
    ),
    ("keras.preprocessing.image", "img_to_array"): Replacement(
        "from keras.utils import img_to_array", "tensorflow", "moved in Keras 3"
    ),
    # matplotlib / seaborn
    ("matplotlib.cm", "get_cmap"): Replacement(
        "matplotlib.colormaps[name] (or plt.get_cmap(name))", "matplotlib", "removed in 3.9"
    ),
    ("matplotlib.mlab", "normpdf"): Replacement("scipy.stats.norm.pdf", "matplotlib"),
    ("matplotlib.pyplot", "hold"): Replacement("nothing: plots hold by default now", "matplotlib"),
    ("seaborn", "distplot"): Replacement("sns.histplot(...) or sns.displot(...)", "seaborn"),
    ("seaborn", "factorplot"): Replacement("sns.catplot(...)", "seaborn"),
    ("seaborn", "plt"): Replacement("import matplotlib.pyplot as plt; plt.show()", "seaborn"),
    ("seaborn", "tsplot"): Replacement("sns.lineplot(...)", "seaborn"),
    ("seaborn", "scatterplot"): Replacement(
        "pip install -U seaborn (needs seaborn >= 0.9)", "seaborn"
    ),
    ("seaborn", "lineplot"): Replacement(
        "pip install -U seaborn (needs seaborn >= 0.9)", "seaborn"
    ),
    ("seaborn", "histplot"): Replacement(
        "pip install -U seaborn (needs seaborn >= 0.11)", "seaborn"
    ),
    # Matplotlib's Axes methods added in 3.4 (a subplot is `AxesSubplot` before 3.7)
    ("AxesSubplot", "bar_label"): Replacement(
        "pip install -U matplotlib (needs matplotlib >= 3.4)", "matplotlib"
    ),
    ("Axes", "bar_label"): Replacement(
        "pip install -U matplotlib (needs matplotlib >= 3.4)", "matplotlib"
    ),
    # SciPy / PIL / networkx / gensim / statsmodels
    ("scipy.misc", "imread"): Replacement("imageio.v3.imread(path)", "scipy"),
    ("scipy.misc", "imresize"): Replacement("PIL.Image.fromarray(a).resize(size)", "scipy"),
    ("scipy.misc", "imsave"): Replacement("imageio.v3.imwrite(path, a)", "scipy"),
    ("scipy.misc", "comb"): Replacement("scipy.special.comb", "scipy"),
    ("scipy.misc", "logsumexp"): Replacement("scipy.special.logsumexp", "scipy"),
    ("scipy.misc", "factorial"): Replacement("scipy.special.factorial", "scipy"),
    ("scipy", "interp"): Replacement("np.interp", "scipy"),
    ("scipy.integrate", "simps"): Replacement("scipy.integrate.simpson", "scipy"),
    ("scipy.integrate", "trapz"): Replacement("scipy.integrate.trapezoid", "scipy"),
    ("PIL.Image", "ANTIALIAS"): Replacement("Image.LANCZOS", "PIL", "removed in Pillow 10"),
    ("PIL.Image", "LINEAR"): Replacement("Image.BILINEAR", "PIL", "removed in Pillow 10"),
    ("ImageDraw", "textsize"): Replacement("draw.textbbox((0, 0), text, font=font)", "PIL"),
    ("networkx", "from_numpy_matrix"): Replacement("nx.from_numpy_array", "networkx"),
    ("networkx", "to_numpy_matrix"): Replacement("nx.to_numpy_array", "networkx"),
    ("Graph", "node"): Replacement("G.nodes", "networkx"),
    ("Word2Vec", "vocab"): Replacement("model.wv.key_to_index", "gensim"),
    ("KeyedVectors", "vocab"): Replacement("kv.key_to_index", "gensim"),
    ("statsmodels.tsa.arima_model", "ARIMA"): Replacement(
        "from statsmodels.tsa.arima.model import ARIMA", "statsmodels"
    ),
    ("transformers", "AdamW"): Replacement("torch.optim.AdamW", "transformers"),
    ("torchvision.models.utils", "load_state_dict_from_url"): Replacement(
        "torch.hub.load_state_dict_from_url", "torch"
    ),
    # Python 2 → 3 and standard library removals
    ("str", "decode"): Replacement("the str itself (it is already text in Python 3)", "none"),
    ("dict", "iteritems"): Replacement("d.items()", "none"),
    ("dict", "itervalues"): Replacement("d.values()", "none"),
    ("dict", "iterkeys"): Replacement("d.keys()", "none"),
    ("dict", "has_key"): Replacement("(key in d)", "none"),
    ("collections", "Iterable"): Replacement("collections.abc.Iterable", "none"),
    ("collections", "Mapping"): Replacement("collections.abc.Mapping", "none"),
    ("collections", "MutableMapping"): Replacement("collections.abc.MutableMapping", "none"),
    ("collections", "Sequence"): Replacement("collections.abc.Sequence", "none"),
    ("collections", "Callable"): Replacement("collections.abc.Callable", "none"),
    ("time", "clock"): Replacement("time.perf_counter()", "none"),
    ("string", "letters"): Replacement("string.ascii_letters", "none"),
    ("string", "maketrans"): Replacement("str.maketrans", "none"),
    ("itertools", "izip"): Replacement("zip", "none"),
    ("itertools", "imap"): Replacement("map", "none"),
    ("itertools", "ifilter"): Replacement("filter", "none"),
    ("itertools", "izip_longest"): Replacement("itertools.zip_longest", "none"),
    ("string", "lowercase"): Replacement("string.ascii_lowercase", "none"),
    ("string", "uppercase"): Replacement("string.ascii_uppercase", "none"),
    ("os", "getcwdu"): Replacement("os.getcwd()", "none"),
    ("inspect", "getargspec"): Replacement("inspect.getfullargspec", "none"),
    ("fractions", "gcd"): Replacement("math.gcd", "none"),
    ("base64", "encodestring"): Replacement("base64.encodebytes", "none"),
    ("sys", "maxint"): Replacement("sys.maxsize", "none"),
    ("jinja2", "Markup"): Replacement("from markupsafe import Markup", "jinja2"),
    ("jinja2", "escape"): Replacement("from markupsafe import escape", "jinja2"),
}

# Whole modules that were removed or moved: "No module named 'x.y'".
REMOVED_MODULES: dict[str, Replacement] = {
    "sklearn.cross_validation": Replacement(
        "sklearn.model_selection", "sklearn", "removed in 0.20"
    ),
    "sklearn.grid_search": Replacement("sklearn.model_selection", "sklearn", "removed in 0.20"),
    "sklearn.learning_curve": Replacement("sklearn.model_selection", "sklearn", "removed in 0.20"),
    "sklearn.externals.joblib": Replacement("joblib (import joblib)", "sklearn", "removed in 0.23"),
    "sklearn.externals.six": Replacement("six (import six)", "sklearn", "removed in 0.23"),
    "sklearn.metrics.scorer": Replacement("sklearn.metrics (get_scorer)", "sklearn"),
    "sklearn.utils.testing": Replacement("sklearn.utils._testing", "sklearn"),
    "sklearn.ensemble.partial_dependence": Replacement("sklearn.inspection", "sklearn"),
    "sklearn.preprocessing.imputation": Replacement("sklearn.impute", "sklearn"),
    "sklearn.neighbors.base": Replacement("sklearn.neighbors", "sklearn"),
    "sklearn.datasets.samples_generator": Replacement(
        "sklearn.datasets (`from sklearn.datasets import make_blobs`)", "sklearn", "removed in 0.24"
    ),
    "tensorflow.contrib": Replacement(
        "the TF2 equivalents (tf.keras, tensorflow-addons); contrib was removed in TF 2.0",
        "tensorflow",
    ),
    "tensorflow.examples.tutorials": Replacement(
        "tf.keras.datasets.mnist.load_data()", "tensorflow"
    ),
    "tensorflow.examples.tutorials.mnist": Replacement(
        "tf.keras.datasets.mnist.load_data()", "tensorflow"
    ),
    "keras.layers.core": Replacement("keras.layers", "tensorflow"),
    "keras.layers.convolutional": Replacement("keras.layers", "tensorflow"),
    "keras.layers.recurrent": Replacement("keras.layers", "tensorflow"),
    "keras.layers.normalization": Replacement("keras.layers", "tensorflow"),
    "keras.layers.embeddings": Replacement("keras.layers", "tensorflow"),
    "keras.layers.merge": Replacement("keras.layers", "tensorflow"),
    "keras.layers.pooling": Replacement("keras.layers", "tensorflow"),
    "keras.layers.advanced_activations": Replacement("keras.layers", "tensorflow"),
    "keras.engine": Replacement(
        "keras.layers / keras.Model (keras.engine is internal)", "tensorflow"
    ),
    "tensorflow.keras.layers.experimental": Replacement(
        "tf.keras.layers (the preprocessing layers moved there)", "tensorflow"
    ),
    "keras.utils.np_utils": Replacement("keras.utils", "tensorflow"),
    "keras.wrappers": Replacement("scikeras (pip install scikeras)", "tensorflow"),
    "keras.wrappers.scikit_learn": Replacement(
        "scikeras.wrappers (pip install scikeras)", "tensorflow"
    ),
    "keras.engine.topology": Replacement("keras.layers / keras.Model", "tensorflow"),
    "keras.applications.imagenet_utils": Replacement("keras.applications", "tensorflow"),
    "keras.preprocessing.text": Replacement("keras.layers.TextVectorization", "tensorflow"),
    "pandas.tools": Replacement("pandas.plotting", "pandas"),
    "pandas.tools.plotting": Replacement("pandas.plotting", "pandas"),
    "pandas.io.data": Replacement("pandas_datareader (pip install pandas-datareader)", "pandas"),
    "pandas.util.testing": Replacement("pandas.testing", "pandas"),
    "pandas.core.index": Replacement("pandas (pd.Index)", "pandas"),
    "statsmodels.tsa.arima_model": Replacement("statsmodels.tsa.arima.model", "statsmodels"),
    "torchtext.legacy": Replacement("an older torchtext (<= 0.11) or torchtext's new API", "torch"),
    "scipy.misc.pilutil": Replacement("Pillow / imageio", "scipy"),
    "matplotlib.finance": Replacement("mplfinance (pip install mplfinance)", "matplotlib"),
    # GraphLab Create: a commercial package for Python 2, discontinued; pip has no build of it
    # for Python 3 (a near miss of the standard library's `graphlib` is no reading of it).
    "graphlab": Replacement(
        "turicreate (its open-source successor, pip install turicreate)", "none", "discontinued"
    ),
    "moviepy.editor": Replacement("moviepy", "moviepy", "removed in moviepy 2.0"),
    "imp": Replacement("importlib", "none", "removed in Python 3.12"),
    "distutils": Replacement("setuptools / packaging", "none", "removed in Python 3.12"),
}

# Matplotlib settings (`rcParams` keys) that later versions no longer know: name -> replacement.
REMOVED_RC_SETTINGS: dict[str, Replacement] = {
    "axes.color_cycle": Replacement(
        "set `axes.prop_cycle` instead, e.g. `mpl.rc('axes', prop_cycle=cycler(color=['r', "
        "'g']))` (`from cycler import cycler`)",
        "matplotlib",
        "replaced by axes.prop_cycle in 1.5",
    ),
    "axes.hold": Replacement("drop it: axes always keep their plots now", "matplotlib"),
    "text.latex.unicode": Replacement("drop it: LaTeX text is always Unicode now", "matplotlib"),
}

# Keyword arguments that were renamed or removed: (function, keyword) -> replacement.
RENAMED_KWARGS: dict[tuple[str, str], Replacement] = {
    ("*", "lr"): Replacement("learning_rate=...", "tensorflow"),
    ("mean_squared_error", "squared"): Replacement(
        "root_mean_squared_error(y_true, y_pred)", "sklearn", "removed in scikit-learn 1.6"
    ),
    ("OneHotEncoder", "sparse"): Replacement("sparse_output=False", "sklearn", "renamed in 1.2"),
    ("*", "base_estimator"): Replacement("estimator=...", "sklearn", "renamed in 1.2"),
    ("AgglomerativeClustering", "affinity"): Replacement("metric=...", "sklearn"),
    ("LinearRegression", "normalize"): Replacement(
        "a StandardScaler in a Pipeline", "sklearn", "removed in 1.2"
    ),
    ("hist", "normed"): Replacement("density=True", "matplotlib"),
    ("*", "normed"): Replacement("density=True", "matplotlib"),
    ("gca", "projection"): Replacement("fig.add_subplot(projection='3d')", "matplotlib"),
    ("grid", "b"): Replacement("visible=True", "matplotlib"),
    ("Word2Vec", "size"): Replacement("vector_size=...", "gensim"),
    ("Word2Vec", "iter"): Replacement("epochs=...", "gensim"),
    ("fillna", "method"): Replacement(
        "df.ffill() or df.bfill()", "pandas", "removed from fillna in pandas 3.0"
    ),
    ("date_range", "closed"): Replacement(
        "inclusive=...", "pandas", "renamed in pandas 1.4: 'left', 'right', 'both' or 'neither'"
    ),
    ("read_csv", "error_bad_lines"): Replacement("on_bad_lines='skip'", "pandas"),
    ("read_csv", "warn_bad_lines"): Replacement("on_bad_lines='warn'", "pandas"),
    ("read_csv", "squeeze"): Replacement("pd.read_csv(...).squeeze('columns')", "pandas"),
    ("read_csv", "line_terminator"): Replacement("lineterminator=...", "pandas"),
    ("to_csv", "line_terminator"): Replacement("lineterminator=...", "pandas"),
    ("*", "infer_datetime_format"): Replacement("date_format=... (or drop it)", "pandas"),
    ("*", "nb_epoch"): Replacement("epochs=...", "tensorflow"),
    ("*", "samples_per_epoch"): Replacement("steps_per_epoch=...", "tensorflow"),
    ("*", "output_dim"): Replacement("units=...", "tensorflow"),
    ("*", "border_mode"): Replacement("padding=...", "tensorflow"),
    ("*", "subsample"): Replacement("strides=...", "tensorflow"),
    ("KFold", "n_folds"): Replacement(
        "n_splits=... (sklearn.model_selection.KFold takes no n)", "sklearn"
    ),
    # xgboost 2 moved these from fit() to the estimator (a "Class.fit" key: other fit()s differ)
    **{
        (f"{estimator}.fit", keyword): Replacement(
            f"{estimator}(..., {keyword}=...)", "xgboost", "moved to the constructor in xgboost 2"
        )
        for estimator in ("XGBClassifier", "XGBRegressor", "XGBRanker", "XGBModel")
        for keyword in ("eval_metric", "early_stopping_rounds", "callbacks")
    },
    **{
        (f"{estimator}.fit", keyword): Replacement(use, "lightgbm", "removed in lightgbm 4")
        for estimator in ("LGBMClassifier", "LGBMRegressor", "LGBMRanker", "LGBMModel")
        for keyword, use in (
            ("early_stopping_rounds", "callbacks=[lightgbm.early_stopping(n)]"),
            ("verbose", "callbacks=[lightgbm.log_evaluation(n)]"),
        )
    },
}


def lookup(owner: str, attribute: str) -> Replacement | None:
    """The replacement of ``owner.attribute``; the owner may be given fully or partly dotted."""
    if not attribute:
        return None
    candidates = [owner]
    if "." in owner:
        candidates.append(owner.split(".")[0])
    if owner.startswith(("tensorflow", "tf")):
        candidates.append("tensorflow")
    if owner in ("np",):
        candidates.append("numpy")
    if owner in ("pd",):
        candidates.append("pandas")
    candidates.append("*")
    for cand in candidates:
        hit = REMOVED.get((cand, attribute))
        if hit is not None:
            return hit
    return None


def lookup_module(module: str) -> Replacement | None:
    """The replacement of a removed module, or of its closest removed parent package."""
    parts = module.split(".")
    for n in range(len(parts), 1, -1):
        hit = REMOVED_MODULES.get(".".join(parts[:n]))
        if hit is not None:
            return hit
    return REMOVED_MODULES.get(module)


def lookup_kwarg(function: str, keyword: str) -> Replacement | None:
    return RENAMED_KWARGS.get((function, keyword)) or RENAMED_KWARGS.get(("*", keyword))


def removed_function(name: str) -> tuple[str, Replacement] | None:
    """(owner, replacement) when ``name`` is a scikit-learn module's function or class that a
    release removed (`plot_roc_curve`, `load_boston`): a NameError on it, with no cell importing
    it, is code written for an older scikit-learn, and importing it would fail on a newer one.
    Only notes that say "removed in": other entries moved (an import fixes those)."""
    for (owner, attribute), hit in REMOVED.items():
        if attribute == name and owner.startswith("sklearn.") and hit.note.startswith("removed in"):
            return owner, hit
    return None
