"""Imports: a module that is not installed, a name that cannot be imported, a broken install,
and a well-known module alias (``np``, ``pd``, ``plt``) used before its import ran."""

from __future__ import annotations

import difflib
import re

from ..traceback import ParsedError
from .base import RuleMatch, named
from .known_imports import ALIASES, import_for
from .removed_apis import lookup, lookup_module

# Import name -> the name to pip install, where the two differ.
PIP_NAMES: dict[str, str] = {
    "sklearn": "scikit-learn",
    "cv2": "opencv-python",
    "PIL": "Pillow",
    "skimage": "scikit-image",
    "yaml": "pyyaml",
    "bs4": "beautifulsoup4",
    "dateutil": "python-dateutil",
    "dotenv": "python-dotenv",
    "Crypto": "pycryptodome",
    "OpenSSL": "pyOpenSSL",
    "google.colab": "(only available on Google Colab)",
    "colab": "(only available on Google Colab)",
    "kaggle_secrets": "(only available on Kaggle)",
    "mpl_toolkits.basemap": "basemap",
    "tensorflow_hub": "tensorflow-hub",
    "tensorflow_datasets": "tensorflow-datasets",
    "tensorflow_addons": "tensorflow-addons",
    "tensorflow_probability": "tensorflow-probability",
    "tensorflow_text": "tensorflow-text",
    "torch": "torch",
    "pytorch_lightning": "pytorch-lightning",
    "lightning": "lightning",
    "sentence_transformers": "sentence-transformers",
    "umap": "umap-learn",
    "hdbscan": "hdbscan",
    "docx": "python-docx",
    "pptx": "python-pptx",
    "magic": "python-magic",
    "serial": "pyserial",
    "usb": "pyusb",
    "Levenshtein": "python-Levenshtein",
    "jose": "python-jose",
    "jwt": "PyJWT",
    "git": "GitPython",
    "MySQLdb": "mysqlclient",
    "psycopg2": "psycopg2-binary",
    "fitz": "PyMuPDF",
    "wx": "wxPython",
    "gi": "PyGObject",
    "osgeo": "GDAL",
    "Bio": "biopython",
    "sklearn_crfsuite": "sklearn-crfsuite",
    "imblearn": "imbalanced-learn",
    "category_encoders": "category-encoders",
    "pandas_datareader": "pandas-datareader",
    "pandas_profiling": "ydata-profiling",
    "ydata_profiling": "ydata-profiling",
    "mpl_finance": "mplfinance",
    "speech_recognition": "SpeechRecognition",
    "googleapiclient": "google-api-python-client",
    "google.cloud": "google-cloud-<service> (e.g. google-cloud-storage)",
    "attr": "attrs",
    "fastai": "fastai",
    "gym": "gymnasium (the maintained fork) or gym",
    "keras_tuner": "keras-tuner",
    "kerastuner": "keras-tuner",
    "xgboost": "xgboost",
    "lightgbm": "lightgbm",
    "catboost": "catboost",
    "pyspark": "pyspark",
    "folium": "folium",
    "wordcloud": "wordcloud",
    "plotly": "plotly",
    "tqdm": "tqdm",
    "nltk": "nltk",
    "spacy": "spacy",
    "gensim": "gensim",
    "transformers": "transformers",
    "datasets": "datasets",
    "statsmodels": "statsmodels",
    "seaborn": "seaborn",
    "matplotlib": "matplotlib",
    "numpy": "numpy",
    "pandas": "pandas",
    "scipy": "scipy",
    "tensorflow": "tensorflow",
    "keras": "keras (or use tensorflow.keras)",
    "prophet": "prophet",
    "fbprophet": "prophet (fbprophet was renamed)",
    "shap": "shap",
    "lime": "lime",
    "mlxtend": "mlxtend",
    "pydot": "pydot (and the Graphviz system package)",
    "graphviz": "graphviz (and the Graphviz system package)",
    "geopandas": "geopandas",
    "shapely": "shapely",
    "networkx": "networkx",
    "sqlalchemy": "SQLAlchemy",
    "requests": "requests",
    "openpyxl": "openpyxl",
    "xlrd": "xlrd",
    "pyarrow": "pyarrow",
    "h5py": "h5py",
    "imageio": "imageio",
    "librosa": "librosa",
    "pymc3": "pymc3 (or its successor pymc)",
    "pmdarima": "pmdarima",
    "tensorboard": "tensorboard",
    "ipywidgets": "ipywidgets",
}

# Submodules people import often: a near miss of one of these is a typo, not a missing package.
KNOWN_SUBMODULES = (
    "sklearn.model_selection",
    "sklearn.preprocessing",
    "sklearn.metrics",
    "sklearn.linear_model",
    "sklearn.ensemble",
    "sklearn.tree",
    "sklearn.neighbors",
    "sklearn.svm",
    "sklearn.cluster",
    "sklearn.decomposition",
    "sklearn.feature_extraction.text",
    "sklearn.naive_bayes",
    "sklearn.pipeline",
    "sklearn.impute",
    "sklearn.compose",
    "sklearn.datasets",
    "tensorflow.keras",
    "tensorflow.keras.layers",
    "tensorflow.keras.models",
    "tensorflow.keras.optimizers",
    "tensorflow.keras.callbacks",
    "tensorflow.keras.utils",
    "tensorflow.keras.preprocessing",
    "keras.layers",
    "keras.models",
    "keras.optimizers",
    "keras.callbacks",
    "keras.utils",
    "torch.nn",
    "torch.optim",
    "torch.utils.data",
    "torchvision.transforms",
    "torchvision.datasets",
    "matplotlib.pyplot",
    "scipy.stats",
    "scipy.optimize",
    "statsmodels.api",
    "statsmodels.formula.api",
    "nltk.corpus",
    "nltk.tokenize",
)
_NOT_A_PACKAGE = re.compile(r"No module named '?([\w.]+)'?; '?([\w.]+)'? is not a package")
_CANNOT_IMPORT = re.compile(
    r"cannot import name '?([\w.]+)'?(?: from '?([\w.]+)'?)?(?: \((?P<path>[^)]*)\))?"
)
_BROKEN = re.compile(
    r"DLL load failed|cannot open shared object file|undefined symbol|Could not load "
    r"dynamic library|WinError 126|The specified module could not be found|Error loading .*\.dll"
    r"|compiled (?:using|against) (?:NumPy|API version)|numpy\.core\.multiarray failed to import"
    r"|_ARRAY_API not found|partially initialized module|circular import|Please install"
    r"|requires the .* package|is not installed|install (?:it|the)",
    re.I,
)


def _known_modules() -> set[str]:
    known = set(PIP_NAMES) | set(KNOWN_SUBMODULES)
    for statement in ALIASES.values():
        known.add(statement.split()[1])
    return {k for k in known if not k.startswith("(")}


# Names people write for a package whose import name differs.
MISNAMED = {
    "pytorch": "torch",
    "opencv": "cv2",
    "scikit": "sklearn",
    "scikitlearn": "sklearn",
    "pillow": "PIL",
    "beautifulsoup": "bs4",
    "BeautifulSoup": "bs4",
    "tensorflow_keras": "tensorflow.keras",
}


def misspelt_module(module: str) -> str | None:
    """The import name the user probably meant: a near miss of a well-known module, or the pip
    name written instead of the import name (``scikit_learn`` for ``sklearn``)."""
    by_pip = {v.split(" ")[0].lower().replace("-", "_"): k for k, v in PIP_NAMES.items()}
    top = module.split(".")[0]
    if top in MISNAMED or top.lower() in MISNAMED:
        return MISNAMED.get(top, MISNAMED.get(top.lower())) + module[len(top) :]
    if top.lower() in by_pip and by_pip[top.lower()] != top:
        return by_pip[top.lower()] + module[len(top) :]
    if module in _KNOWN:
        return None
    close = difflib.get_close_matches(module, _KNOWN, n=1, cutoff=0.85)
    return close[0] if close else None


def package_for(module: str) -> str:
    """The pip package that provides the import name ``module``."""
    for candidate in (module, module.split(".")[0]):
        if candidate in PIP_NAMES:
            return PIP_NAMES[candidate]
    return module.split(".")[0].replace("_", "-")


@named("imports.module_not_found")
def module_not_found(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ModuleNotFoundError", "ImportError") and (
        "No module named" not in parsed.message
    ):
        return None
    m = re.search(r"No module named ['\"]?([\w.]+)['\"]?", parsed.message)
    if m is None:
        return None
    if _NOT_A_PACKAGE.search(parsed.message):
        return None  # a local file shadows a package: environment_error below
    module = m.group(1)
    facts = {"module": module, "top_module": module.split(".")[0], "package": package_for(module)}
    moved = lookup_module(module)
    typo = None if moved else misspelt_module(module)
    if moved is not None:
        facts.update(replacement=moved.use, replaced_library=moved.library, note=moved.note)
    elif typo is not None:
        facts["suggestion"] = typo
    elif "." in module and parsed.user_line:
        # "No module named 'pkg.sub'" while 'pkg' imports fine: a renamed submodule.
        facts["submodule"] = "yes"
    return RuleMatch(
        rule="imports.module_not_found",
        crash_type="module_not_found",
        root_cause="environment_setting" if moved is None and typo is None else None,
        library="none",
        confidence=0.97,
        facts=facts,
    )


@named("imports.not_a_package")
def not_a_package(parsed: ParsedError) -> RuleMatch | None:
    m = _NOT_A_PACKAGE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule="imports.not_a_package",
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.9,
        facts={"module": m.group(1), "shadow": m.group(2)},
    )


@named("imports.cannot_import_name")
def cannot_import_name(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "ImportError" and "cannot import name" not in parsed.message:
        return None
    m = _CANNOT_IMPORT.search(parsed.message)
    if m is None:
        return None
    name, module = m.group(1), m.group(2) or ""
    facts = {"name": name, "module": module}
    if m.group("path") and "site-packages" not in m.group("path"):
        facts["local_path"] = m.group("path")
    hit = lookup(module, name) if module else None
    if hit is None and not module:
        fm = re.search(r"from\s+([\w.]+)\s+import", parsed.user_line)
        if fm:
            module = fm.group(1)
            facts["module"] = module
            hit = lookup(module, name)
    if hit is not None:
        facts.update(replacement=hit.use, note=hit.note, replaced_library=hit.library)
    if "partially initialized module" in parsed.message or "circular import" in parsed.message:
        facts["circular"] = "yes"
    return RuleMatch(
        rule="imports.cannot_import_name",
        crash_type="environment_error",
        root_cause=None,
        confidence=0.85,
        facts=facts,
    )


@named("imports.broken_install")
def broken_install(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ImportError", "OSError", "RuntimeError", "AttributeError"):
        return None
    if parsed.ename != "ImportError" and not re.search(
        r"DLL load failed|cannot open shared object file|compiled (?:using|against) NumPy"
        r"|numpy\.core\.multiarray failed to import|_ARRAY_API not found|WinError 126"
        r"|Error loading \"?[^\"]*\.dll",
        parsed.message,
    ):
        return None
    if re.search(
        r"No module named|cannot import name|Missing optional dependency|`Import [\w.]+` failed",
        parsed.message,
    ):
        return None
    m = _BROKEN.search(parsed.message)
    facts = {"detail": m.group(0)} if m else {}
    pm = re.search(r"pip3? install ([\w.\-\[\]]+)", parsed.message)
    if pm:
        facts["package"] = pm.group(1)
    return RuleMatch(
        rule="imports.broken_install",
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.8 if m else 0.6,
        facts=facts,
    )


@named("imports.alias_not_imported")
def alias_not_imported(parsed: ParsedError) -> RuleMatch | None:
    """NameError on ``np``/``pd``/``plt``...: the module's import has not run in this kernel."""
    if parsed.ename != "NameError":
        return None
    m = re.search(r"name '(\w+)' is not defined", parsed.message)
    if m is None or m.group(1) not in ALIASES:
        return None
    alias = m.group(1)
    statement = import_for(alias, parsed.user_line or parsed.user_code)
    return RuleMatch(
        rule="imports.alias_not_imported",
        crash_type="module_not_found",
        library="none",
        ml_bug=None,
        confidence=0.85,
        facts={"name": alias, "import": statement, "module": statement.split()[1]},
    )


@named("imports.optional_dependency")
def optional_dependency(parsed: ParsedError) -> RuleMatch | None:
    """pandas & co. name the optional package they need ("Missing optional dependency 'x'")."""
    m = re.search(
        r"Missing optional dependency '([\w.\-]+)'|`Import ([\w.]+)` failed"
        r"|Can't find model '([\w.\-]+)'",
        parsed.message,
    )
    if m is None:
        return None
    module = m.group(1) or m.group(2)
    if module:
        facts = {"module": module, "top_module": module, "package": package_for(module)}
    else:  # spaCy's language models are pip packages, downloaded with spacy
        facts = {"module": m.group(3), "spacy_model": m.group(3)}
    return RuleMatch(
        rule="imports.optional_dependency",
        crash_type="module_not_found",
        root_cause="environment_setting",
        confidence=0.85,
        facts=facts,
    )


_KNOWN = sorted(_known_modules())
_KNOWN_TOPS = frozenset(k.split(".")[0] for k in _KNOWN)


def is_known_module(top: str) -> bool:
    """Whether a top-level module is one whose package nbcrash knows (not a user's own file)."""
    return top in _KNOWN_TOPS


RULES = (
    module_not_found,
    optional_dependency,
    not_a_package,
    cannot_import_name,
    broken_install,
    alias_not_imported,
)
