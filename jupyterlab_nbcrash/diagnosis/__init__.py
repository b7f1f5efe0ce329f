"""Diagnosis of one crash: parse the traceback, apply rules, the model and the notebook analysis."""

from .diagnose import diagnose
from .record import Diagnosis, ErrorRecord, NotebookContext, RecordError

__all__ = ["Diagnosis", "ErrorRecord", "NotebookContext", "RecordError", "diagnose"]
