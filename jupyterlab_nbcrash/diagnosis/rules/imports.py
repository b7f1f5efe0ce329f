"""Imports: a module that is not installed, a name that cannot be imported, a broken install,
and a well-known module alias (``np``, ``pd``, ``plt``) used before its import ran."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named
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

# Conventional aliases: a NameError on one of these means the import cell has not run.
IMPORT_ALIASES: dict[str, str] = {
    "np": "import numpy as np",
    "pd": "import pandas as pd",
    "plt": "import matplotlib.pyplot as plt",
    "mpl": "import matplotlib as mpl",
    "sns": "import seaborn as sns",
    "tf": "import tensorflow as tf",
    "keras": "from tensorflow import keras",
    "K": "from tensorflow.keras import backend as K",
    "torch": "import torch",
    "nn": "import torch.nn as nn",
    "F": "import torch.nn.functional as F",
    "optim": "import torch.optim as optim",
    "transforms": "from torchvision import transforms",
    "torchvision": "import torchvision",
    "tfds": "import tensorflow_datasets as tfds",
    "hub": "import tensorflow_hub as hub",
    "sm": "import statsmodels.api as sm",
    "smf": "import statsmodels.formula.api as smf",
    "stats": "from scipy import stats",
    "sp": "import scipy as sp",
    "scipy": "import scipy",
    "sklearn": "import sklearn",
    "px": "import plotly.express as px",
    "go": "import plotly.graph_objects as go",
    "cv2": "import cv2",
    "xgb": "import xgboost as xgb",
    "lgb": "import lightgbm as lgb",
    "nx": "import networkx as nx",
    "gpd": "import geopandas as gpd",
    "dd": "import dask.dataframe as dd",
    "da": "import dask.array as da",
    "os": "import os",
    "sys": "import sys",
    "re": "import re",
    "json": "import json",
    "math": "import math",
    "random": "import random",
    "time": "import time",
    "datetime": "import datetime",
    "pickle": "import pickle",
    "glob": "import glob",
    "shutil": "import shutil",
    "csv": "import csv",
    "collections": "import collections",
    "itertools": "import itertools",
    "warnings": "import warnings",
    "joblib": "import joblib",
    "requests": "import requests",
    "nltk": "import nltk",
    "Image": "from PIL import Image",
    "display": "from IPython.display import display",
    "tqdm": "from tqdm import tqdm",
    "Counter": "from collections import Counter",
    "defaultdict": "from collections import defaultdict",
    "Path": "from pathlib import Path",
    "sequence": "from tensorflow.keras.preprocessing import sequence",
    "layers": "from tensorflow.keras import layers",
    "models": "from tensorflow.keras import models",
    "metrics": "from sklearn import metrics",
    "preprocessing": "from sklearn import preprocessing",
    "datasets": "from sklearn import datasets",
}

_IMPORT_LINE = re.compile(r"^\s*(?:from\s+\S+\s+import\b|import\s+\S)")
_NOT_A_PACKAGE = re.compile(r"No module named '?([\w.]+)'?; '?([\w.]+)'? is not a package")
_CANNOT_IMPORT = re.compile(
    r"cannot import name '?([\w.]+)'?(?: from '?([\w.]+)'?)?(?: \((?P<path>[^)]*)\))?"
)
_BROKEN = re.compile(
    r"DLL load failed|cannot open shared object file|undefined symbol|Could not load dynamic library"
    r"|compiled (?:using|against) (?:NumPy|API version)|numpy\.core\.multiarray failed to import"
    r"|_ARRAY_API not found|partially initialized module|circular import|Please install"
    r"|requires the .* package|is not installed|install (?:it|the)",
    re.I,
)


def _import_stage(parsed: ParsedError) -> str | None:
    line = parsed.user_line
    return "environment_setup" if not line or _IMPORT_LINE.match(line) else None


def package_for(module: str) -> str:
    """The pip package that provides the import name ``module``."""
    for candidate in (module, module.split(".")[0]):
        if candidate in PIP_NAMES:
            return PIP_NAMES[candidate]
    return module.split(".")[0].replace("_", "-")


@named("imports.module_not_found")
def module_not_found(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ModuleNotFoundError", "ImportError"):
        if "No module named" not in parsed.message:
            return None
    m = re.search(r"No module named ['\"]?([\w.]+)['\"]?", parsed.message)
    if m is None:
        return None
    if _NOT_A_PACKAGE.search(parsed.message):
        return None  # a local file shadows a package: environment_error below
    module = m.group(1)
    facts = {"module": module, "top_module": module.split(".")[0], "package": package_for(module)}
    moved = lookup_module(module)
    if moved is not None:
        facts.update(replacement=moved.use, replaced_library=moved.library, note=moved.note)
    elif "." in module and parsed.user_line:
        # "No module named 'pkg.sub'" while 'pkg' imports fine: a renamed submodule.
        facts["submodule"] = "yes"
    return RuleMatch(
        rule="imports.module_not_found",
        crash_type="module_not_found",
        root_cause="environment_setting" if moved is None else None,
        stage=_import_stage(parsed),
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
        stage=_import_stage(parsed),
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
        stage=_import_stage(parsed),
        confidence=0.85,
        facts=facts,
    )


@named("imports.broken_install")
def broken_install(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ImportError", "OSError", "RuntimeError", "AttributeError"):
        return None
    if parsed.ename != "ImportError" and not re.search(
        r"DLL load failed|cannot open shared object file|compiled (?:using|against) NumPy"
        r"|numpy\.core\.multiarray failed to import|_ARRAY_API not found",
        parsed.message,
    ):
        return None
    if "No module named" in parsed.message or "cannot import name" in parsed.message:
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
        stage=_import_stage(parsed),
        confidence=0.8 if m else 0.6,
        facts=facts,
    )


@named("imports.alias_not_imported")
def alias_not_imported(parsed: ParsedError) -> RuleMatch | None:
    """NameError on ``np``/``pd``/``plt``...: the module's import has not run in this kernel."""
    if parsed.ename != "NameError":
        return None
    m = re.search(r"name '(\w+)' is not defined", parsed.message)
    if m is None or m.group(1) not in IMPORT_ALIASES:
        return None
    alias = m.group(1)
    statement = IMPORT_ALIASES[alias]
    return RuleMatch(
        rule="imports.alias_not_imported",
        crash_type="module_not_found",
        library="none",
        ml_bug=None,
        confidence=0.85,
        facts={"name": alias, "import": statement, "module": statement.split()[1]},
    )


RULES = (module_not_found, not_a_package, cannot_import_name, broken_install, alias_not_imported)
