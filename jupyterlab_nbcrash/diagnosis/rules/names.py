"""NameError: a function or class that is not defined (name_error) versus a variable used as a
value (variable_not_found). The user's failing line tells the two apart: ``f(`` is a call."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named, user_calls
from .imports import IMPORT_ALIASES

_NAME = re.compile(r"name '([^']+)' is not defined")
_FREE = re.compile(
    r"(?:local variable|free variable|cannot access (?:local|free) variable) '(\w+)'"
    r".*(?:referenced before assignment|not associated with a value)"
)
# Names people use without importing them: name -> the import that defines it.
KNOWN_IMPORTS: dict[str, str] = {
    "train_test_split": "from sklearn.model_selection import train_test_split",
    "cross_val_score": "from sklearn.model_selection import cross_val_score",
    "GridSearchCV": "from sklearn.model_selection import GridSearchCV",
    "RandomizedSearchCV": "from sklearn.model_selection import RandomizedSearchCV",
    "KFold": "from sklearn.model_selection import KFold",
    "StratifiedKFold": "from sklearn.model_selection import StratifiedKFold",
    "accuracy_score": "from sklearn.metrics import accuracy_score",
    "confusion_matrix": "from sklearn.metrics import confusion_matrix",
    "classification_report": "from sklearn.metrics import classification_report",
    "mean_squared_error": "from sklearn.metrics import mean_squared_error",
    "mean_absolute_error": "from sklearn.metrics import mean_absolute_error",
    "r2_score": "from sklearn.metrics import r2_score",
    "f1_score": "from sklearn.metrics import f1_score",
    "roc_auc_score": "from sklearn.metrics import roc_auc_score",
    "roc_curve": "from sklearn.metrics import roc_curve",
    "precision_score": "from sklearn.metrics import precision_score",
    "recall_score": "from sklearn.metrics import recall_score",
    "StandardScaler": "from sklearn.preprocessing import StandardScaler",
    "MinMaxScaler": "from sklearn.preprocessing import MinMaxScaler",
    "LabelEncoder": "from sklearn.preprocessing import LabelEncoder",
    "OneHotEncoder": "from sklearn.preprocessing import OneHotEncoder",
    "PolynomialFeatures": "from sklearn.preprocessing import PolynomialFeatures",
    "SimpleImputer": "from sklearn.impute import SimpleImputer",
    "Pipeline": "from sklearn.pipeline import Pipeline",
    "make_pipeline": "from sklearn.pipeline import make_pipeline",
    "ColumnTransformer": "from sklearn.compose import ColumnTransformer",
    "LinearRegression": "from sklearn.linear_model import LinearRegression",
    "LogisticRegression": "from sklearn.linear_model import LogisticRegression",
    "Ridge": "from sklearn.linear_model import Ridge",
    "Lasso": "from sklearn.linear_model import Lasso",
    "RandomForestClassifier": "from sklearn.ensemble import RandomForestClassifier",
    "RandomForestRegressor": "from sklearn.ensemble import RandomForestRegressor",
    "GradientBoostingClassifier": "from sklearn.ensemble import GradientBoostingClassifier",
    "GradientBoostingRegressor": "from sklearn.ensemble import GradientBoostingRegressor",
    "DecisionTreeClassifier": "from sklearn.tree import DecisionTreeClassifier",
    "DecisionTreeRegressor": "from sklearn.tree import DecisionTreeRegressor",
    "KNeighborsClassifier": "from sklearn.neighbors import KNeighborsClassifier",
    "SVC": "from sklearn.svm import SVC",
    "GaussianNB": "from sklearn.naive_bayes import GaussianNB",
    "MultinomialNB": "from sklearn.naive_bayes import MultinomialNB",
    "KMeans": "from sklearn.cluster import KMeans",
    "DBSCAN": "from sklearn.cluster import DBSCAN",
    "PCA": "from sklearn.decomposition import PCA",
    "TSNE": "from sklearn.manifold import TSNE",
    "CountVectorizer": "from sklearn.feature_extraction.text import CountVectorizer",
    "TfidfVectorizer": "from sklearn.feature_extraction.text import TfidfVectorizer",
    "Sequential": "from tensorflow.keras.models import Sequential",
    "Model": "from tensorflow.keras.models import Model",
    "load_model": "from tensorflow.keras.models import load_model",
    "Dense": "from tensorflow.keras.layers import Dense",
    "Dropout": "from tensorflow.keras.layers import Dropout",
    "Conv2D": "from tensorflow.keras.layers import Conv2D",
    "MaxPooling2D": "from tensorflow.keras.layers import MaxPooling2D",
    "Flatten": "from tensorflow.keras.layers import Flatten",
    "LSTM": "from tensorflow.keras.layers import LSTM",
    "Embedding": "from tensorflow.keras.layers import Embedding",
    "Input": "from tensorflow.keras.layers import Input",
    "Adam": "from tensorflow.keras.optimizers import Adam",
    "EarlyStopping": "from tensorflow.keras.callbacks import EarlyStopping",
    "ImageDataGenerator": "from tensorflow.keras.preprocessing.image import ImageDataGenerator",
    "to_categorical": "from tensorflow.keras.utils import to_categorical",
    "DataLoader": "from torch.utils.data import DataLoader",
    "TensorDataset": "from torch.utils.data import TensorDataset",
    "Dataset": "from torch.utils.data import Dataset",
    "XGBClassifier": "from xgboost import XGBClassifier",
    "XGBRegressor": "from xgboost import XGBRegressor",
    "stopwords": "from nltk.corpus import stopwords",
    "word_tokenize": "from nltk.tokenize import word_tokenize",
    "resize": "from skimage.transform import resize",
    "imread": "from skimage.io import imread (or cv2.imread)",
    "glob": "from glob import glob",
    "Image": "from PIL import Image",
    "display": "from IPython.display import display",
    "tqdm": "from tqdm import tqdm",
    "Counter": "from collections import Counter",
    "defaultdict": "from collections import defaultdict",
    "Path": "from pathlib import Path",
    "datetime": "from datetime import datetime",
    "timedelta": "from datetime import timedelta",
    "pprint": "from pprint import pprint",
    "reduce": "from functools import reduce",
    "partial": "from functools import partial",
    "norm": "from scipy.stats import norm",
}

# Python 2 builtins that no longer exist: a NameError on them is a version problem.
PY2_BUILTINS = {
    "xrange": "range",
    "raw_input": "input",
    "unicode": "str",
    "basestring": "str",
    "long": "int",
    "unichr": "chr",
    "reduce": "functools.reduce (from functools import reduce)",
    "reload": "importlib.reload (from importlib import reload)",
    "execfile": "exec(open(path).read())",
    "file": "open",
    "cmp": "(a > b) - (a < b)",
    "izip": "zip",
}


def _is_class_name(name: str) -> bool:
    # CamelCase with a lower-case letter: a class (Dense, StratifiedKFold); ALL_CAPS is a constant.
    return name[:1].isupper() and any(c.islower() for c in name)


@named("names.undefined", *(f"names.undefined_{k}" for k in ("variable", "function", "class")))
def undefined(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "NameError":
        return None
    m = _NAME.search(parsed.message)
    if m is None:
        return None
    name = m.group(1)
    if name in IMPORT_ALIASES:
        return None  # imports.alias_not_imported
    facts = {"name": name}
    if name in PY2_BUILTINS:
        facts["replacement"] = PY2_BUILTINS[name]
    called = user_calls(parsed, name)
    if name in KNOWN_IMPORTS and not called:
        # A library's function or class (train_test_split, StandardScaler) used before import.
        kind, ctype, confidence = (
            "class" if _is_class_name(name) else "function",
            "name_error",
            0.8,
        )
    elif called or (not parsed.user_line and _is_class_name(name)):
        kind, ctype = ("class" if _is_class_name(name) else "function"), "name_error"
        confidence = 0.85 if called else 0.6
    elif _is_class_name(name) and re.search(rf"\b{re.escape(name)}\s*\(", parsed.user_code):
        kind, ctype, confidence = "class", "name_error", 0.7
    else:
        kind, ctype = "variable", "variable_not_found"
        confidence = 0.9 if parsed.user_line else 0.75
    facts["kind"] = kind
    return RuleMatch(
        rule=f"names.undefined_{kind}",
        crash_type=ctype,
        library="none",
        confidence=confidence,
        facts=facts,
    )


@named("names.unbound_local")
def unbound_local(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("UnboundLocalError", "NameError"):
        return None
    m = _FREE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule="names.unbound_local",
        crash_type="variable_not_found",
        root_cause="implementation_error",
        library="none",
        confidence=0.9,
        facts={"name": m.group(1)},
    )


RULES = (undefined, unbound_local)
