"""Names people use without importing them, and the import statement that defines each.

One table for the rules (``imports.alias_not_imported``, ``names.undefined``), their hints and the
notebook analysis (``rules.names.missing_import_hint`` words it for both). It comes in two parts,
because a NameError means different things for each:

- ``ALIASES``: conventional module aliases (``np``, ``pd``, ``plt``) and the modules and names that
  nearly every notebook imports in its first cell (``os``, ``Path``, ``tqdm``). A NameError on one
  means that the imports cell has not run.
- ``LIBRARY_NAMES``: a library's functions and classes (``train_test_split``, ``KMeans``). A
  NameError on one is a forgotten import, but may also be a typo or the user's own name.

``import_for`` picks, for the few names that two imports define, the one the code uses.
"""

from __future__ import annotations

import re

ALIASES: dict[str, str] = {
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
    "sk": "import sklearn as sk",
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
    # The class, which `datetime.now()`, `datetime.strptime(...)` and `datetime(2020, 1, 1)` use;
    # `import_for` gives `import datetime` for `datetime.date(...)`, `datetime.timedelta(...)`.
    "datetime": "from datetime import datetime",
    "pickle": "import pickle",
    # The module, for `glob.glob(...)`; `import_for` gives `from glob import glob` for `glob(...)`.
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
    "tfp": "import tensorflow_probability as tfp",
    "pyplot": "from matplotlib import pyplot",
    "cm": "from matplotlib import cm",
    "mdates": "import matplotlib.dates as mdates",
    "ticker": "import matplotlib.ticker as ticker",
    "gridspec": "import matplotlib.gridspec as gridspec",
    "dt": "import datetime as dt",
    "xr": "import xarray as xr",
    "alt": "import altair as alt",
    "ff": "import plotly.figure_factory as ff",
    "pio": "import plotly.io as pio",
    "linear_model": "from sklearn import linear_model",
    "model_selection": "from sklearn import model_selection",
    "svm": "from sklearn import svm",
    "tree": "from sklearn import tree",
    "ensemble": "from sklearn import ensemble",
    "cluster": "from sklearn import cluster",
    "decomposition": "from sklearn import decomposition",
    "optimize": "from scipy import optimize",
    "interpolate": "from scipy import interpolate",
    "signal": "from scipy import signal",
    "spacy": "import spacy",
    "gensim": "import gensim",
    "string": "import string",
    "io": "import io",
    "functools": "import functools",
    "subprocess": "import subprocess",
    "urllib": "import urllib.request",
    "zipfile": "import zipfile",
    "copy": "import copy",
    "gc": "import gc",
    "logging": "import logging",
    "pathlib": "import pathlib",
    "statistics": "import statistics",
    "sqlite3": "import sqlite3",
    "wandb": "import wandb",
    "optuna": "import optuna",
    "shap": "import shap",
    "folium": "import folium",
    "plotly": "import plotly",
    "imageio": "import imageio",
    # A library's own name written where the notebook imports it under an alias (or not at all):
    # `numpy.array(...)` needs `import numpy` (an `import numpy as np` binds only `np`).
    "numpy": "import numpy",
    "pandas": "import pandas",
    "matplotlib": "import matplotlib",
    "seaborn": "import seaborn",
    "tensorflow": "import tensorflow",
}

LIBRARY_NAMES: dict[str, str] = {
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
    "imread": "from skimage.io import imread",  # cv2 and matplotlib's imread are used dotted
    "timedelta": "from datetime import timedelta",
    "pprint": "from pprint import pprint",
    "reduce": "from functools import reduce",
    "partial": "from functools import partial",
    "norm": "from scipy.stats import norm",
    # scikit-learn: datasets, models, selection and metrics beyond the most common ones above
    "load_iris": "from sklearn.datasets import load_iris",
    "load_digits": "from sklearn.datasets import load_digits",
    "load_breast_cancer": "from sklearn.datasets import load_breast_cancer",
    "load_wine": "from sklearn.datasets import load_wine",
    "load_diabetes": "from sklearn.datasets import load_diabetes",
    "fetch_openml": "from sklearn.datasets import fetch_openml",
    "fetch_california_housing": "from sklearn.datasets import fetch_california_housing",
    "make_classification": "from sklearn.datasets import make_classification",
    "make_regression": "from sklearn.datasets import make_regression",
    "make_blobs": "from sklearn.datasets import make_blobs",
    "make_moons": "from sklearn.datasets import make_moons",
    "make_circles": "from sklearn.datasets import make_circles",
    "cross_val_predict": "from sklearn.model_selection import cross_val_predict",
    "cross_validate": "from sklearn.model_selection import cross_validate",
    "StratifiedShuffleSplit": "from sklearn.model_selection import StratifiedShuffleSplit",
    "learning_curve": "from sklearn.model_selection import learning_curve",
    "silhouette_score": "from sklearn.metrics import silhouette_score",
    "log_loss": "from sklearn.metrics import log_loss",
    "precision_recall_curve": "from sklearn.metrics import precision_recall_curve",
    "ConfusionMatrixDisplay": "from sklearn.metrics import ConfusionMatrixDisplay",
    "mean_absolute_percentage_error": (
        "from sklearn.metrics import mean_absolute_percentage_error"
    ),
    "RobustScaler": "from sklearn.preprocessing import RobustScaler",
    "OrdinalEncoder": "from sklearn.preprocessing import OrdinalEncoder",
    "KNNImputer": "from sklearn.impute import KNNImputer",
    "SVR": "from sklearn.svm import SVR",
    "LinearSVC": "from sklearn.svm import LinearSVC",
    "KNeighborsRegressor": "from sklearn.neighbors import KNeighborsRegressor",
    "AdaBoostClassifier": "from sklearn.ensemble import AdaBoostClassifier",
    "ExtraTreesClassifier": "from sklearn.ensemble import ExtraTreesClassifier",
    "VotingClassifier": "from sklearn.ensemble import VotingClassifier",
    "MLPClassifier": "from sklearn.neural_network import MLPClassifier",
    "ElasticNet": "from sklearn.linear_model import ElasticNet",
    "SGDClassifier": "from sklearn.linear_model import SGDClassifier",
    "AgglomerativeClustering": "from sklearn.cluster import AgglomerativeClustering",
    "TruncatedSVD": "from sklearn.decomposition import TruncatedSVD",
    "SelectKBest": "from sklearn.feature_selection import SelectKBest",
    "plot_tree": "from sklearn.tree import plot_tree",
    "export_graphviz": "from sklearn.tree import export_graphviz",
    # Keras / TensorFlow
    "Conv1D": "from tensorflow.keras.layers import Conv1D",
    "MaxPooling1D": "from tensorflow.keras.layers import MaxPooling1D",
    "GlobalAveragePooling2D": "from tensorflow.keras.layers import GlobalAveragePooling2D",
    "BatchNormalization": "from tensorflow.keras.layers import BatchNormalization",
    "Activation": "from tensorflow.keras.layers import Activation",
    "GRU": "from tensorflow.keras.layers import GRU",
    "Bidirectional": "from tensorflow.keras.layers import Bidirectional",
    "SimpleRNN": "from tensorflow.keras.layers import SimpleRNN",
    "ModelCheckpoint": "from tensorflow.keras.callbacks import ModelCheckpoint",
    "ReduceLROnPlateau": "from tensorflow.keras.callbacks import ReduceLROnPlateau",
    "RMSprop": "from tensorflow.keras.optimizers import RMSprop",
    "Tokenizer": "from tensorflow.keras.preprocessing.text import Tokenizer",
    "pad_sequences": "from tensorflow.keras.preprocessing.sequence import pad_sequences",
    "plot_model": "from tensorflow.keras.utils import plot_model",
    "VGG16": "from tensorflow.keras.applications import VGG16",
    "ResNet50": "from tensorflow.keras.applications import ResNet50",
    "MobileNetV2": "from tensorflow.keras.applications import MobileNetV2",
    # Hugging Face
    "AutoTokenizer": "from transformers import AutoTokenizer",
    "AutoModelForSequenceClassification": (
        "from transformers import AutoModelForSequenceClassification"
    ),
    "TrainingArguments": "from transformers import TrainingArguments",
    "load_dataset": "from datasets import load_dataset",
    "SentenceTransformer": "from sentence_transformers import SentenceTransformer",
    # boosting, imbalanced-learn, statsmodels, SciPy
    "LGBMClassifier": "from lightgbm import LGBMClassifier",
    "LGBMRegressor": "from lightgbm import LGBMRegressor",
    "CatBoostClassifier": "from catboost import CatBoostClassifier",
    "CatBoostRegressor": "from catboost import CatBoostRegressor",
    "SMOTE": "from imblearn.over_sampling import SMOTE",
    "seasonal_decompose": "from statsmodels.tsa.seasonal import seasonal_decompose",
    "adfuller": "from statsmodels.tsa.stattools import adfuller",
    "plot_acf": "from statsmodels.graphics.tsaplots import plot_acf",
    "plot_pacf": "from statsmodels.graphics.tsaplots import plot_pacf",
    "ARIMA": "from statsmodels.tsa.arima.model import ARIMA",
    "pearsonr": "from scipy.stats import pearsonr",
    "spearmanr": "from scipy.stats import spearmanr",
    "ttest_ind": "from scipy.stats import ttest_ind",
    "chi2_contingency": "from scipy.stats import chi2_contingency",
    "linregress": "from scipy.stats import linregress",
    "curve_fit": "from scipy.optimize import curve_fit",
    "odeint": "from scipy.integrate import odeint",
    # text, images, scraping, Spark
    "sent_tokenize": "from nltk.tokenize import sent_tokenize",
    "PorterStemmer": "from nltk.stem import PorterStemmer",
    "WordNetLemmatizer": "from nltk.stem import WordNetLemmatizer",
    "FreqDist": "from nltk import FreqDist",
    "Word2Vec": "from gensim.models import Word2Vec",
    "WordCloud": "from wordcloud import WordCloud",
    "BeautifulSoup": "from bs4 import BeautifulSoup",
    "ImageDraw": "from PIL import ImageDraw",
    "ImageFont": "from PIL import ImageFont",
    "SparkSession": "from pyspark.sql import SparkSession",
    "explode": "from pyspark.sql.functions import explode",
    # the standard library and IPython
    "listdir": "from os import listdir",
    "deepcopy": "from copy import deepcopy",
    "OrderedDict": "from collections import OrderedDict",
    "namedtuple": "from collections import namedtuple",
    "literal_eval": "from ast import literal_eval",
    "combinations": "from itertools import combinations",
    "permutations": "from itertools import permutations",
    "sleep": "from time import sleep",
    "randint": "from random import randint",
    "Tk": "from tkinter import Tk",
    "clear_output": "from IPython.display import clear_output",
    "tqdm_notebook": "from tqdm import tqdm_notebook",
    "trange": "from tqdm import trange",
    # statistics courses' tests and Keras' base class for custom layers
    "proportions_ztest": "from statsmodels.stats.proportion import proportions_ztest",
    "ttest_rel": "from scipy.stats import ttest_rel",
    "ttest_1samp": "from scipy.stats import ttest_1samp",
    "f_oneway": "from scipy.stats import f_oneway",
    "mannwhitneyu": "from scipy.stats import mannwhitneyu",
    "Layer": "from tensorflow.keras.layers import Layer",
    "MultiIndex": "from pandas import MultiIndex",
    "plot_decision_regions": "from mlxtend.plotting import plot_decision_regions",
    "AnalysisException": "from pyspark.sql.utils import AnalysisException",
}

KNOWN_IMPORTS: dict[str, str] = {**LIBRARY_NAMES, **ALIASES}

# Names that another import defines too: how the code uses the name says which one is meant.
# name -> (what follows the name in such a use, the statement for it).
BY_USE: dict[str, tuple[str, str]] = {
    "glob": (r"\s*\(", "from glob import glob"),  # glob("*.csv") calls the function
    "datetime": (  # the module's own classes: datetime.date(...), datetime.timedelta(days=1)
        r"\.(?:datetime|date|time|timedelta|timezone|tzinfo|MINYEAR|MAXYEAR|UTC)\b",
        "import datetime",
    ),
    # `dt.now()`, `dt.strptime(...)`: the class `datetime`, which the module `datetime` only holds
    "dt": (
        r"\.(?:now|today|utcnow|strptime|fromtimestamp|utcfromtimestamp|fromisoformat|combine)\b",
        "from datetime import datetime as dt",
    ),
    "Image": (r"\s*\(", "from IPython.display import Image"),  # PIL's Image is a module
    "norm": (r"\s*\(", "from numpy.linalg import norm"),  # norm(v); scipy's is norm.pdf(...)
    "io": (r"\.(?:imread|imshow|imsave|imread_collection)\b", "from skimage import io"),
    "copy": (
        r"\s*\(",
        "from copy import copy",
    ),  # copy(x) calls the function; the module is not callable
    # `matplotlib.pyplot.plot(x)`: `import matplotlib` does not load its submodule `pyplot`
    "matplotlib": (r"\.pyplot\b", "import matplotlib.pyplot"),
}


def import_for(name: str, code: str = "") -> str | None:
    """The statement that defines ``name`` (None for a name not in the table); ``code`` (the
    failing line, else the cell) chooses where two imports define it (``glob(...)`` versus
    ``glob.glob(...)``)."""
    if code and _indexed_by_text(name, code):
        # `stats['mean']`: a module, function or class of the table is never indexed by text;
        # the code means a value of its own (a `describe()` result, a dict)
        return None
    if name in BY_USE and code:
        use, statement = BY_USE[name]
        if re.search(rf"(?<![\w.]){re.escape(name)}{use}", code):
            return statement
    return KNOWN_IMPORTS.get(name)


def _indexed_by_text(name: str, code: str) -> bool:
    """``code`` indexes the bare ``name`` with a string (`name['mean']`); read without compiling
    the name into a pattern (this runs for every undefined name)."""
    start = code.find(name + "[")
    while start != -1:
        before = code[start - 1] if start else ""
        after = code[start + len(name) + 1 :].lstrip()
        if not (before.isalnum() or before in "_.") and after[:1] in ("'", '"'):
            return True
        start = code.find(name + "[", start + 1)
    return False
