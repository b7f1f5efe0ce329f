"""`jupyter nbcrash scan`: diagnose every crash saved in folders of notebooks.

discover.py (find the files) → read.py (one notebook's cells and error outputs) → worker.py
(records → diagnose → rows) → run.py (in-process, a process pool or Dask) → summary.py and
result.py (streamed counts and spooled rows) → report.py / html.py (table, JSON, CSV, HTML).

Kept free of imports: the CLI imports this package to build its parser.
"""
