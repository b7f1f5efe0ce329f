"""Crashes of an earlier server session in the UI tests' crash history (issue 15).

The test server starts with them in its store (``jupyter_server_test_config.py``), as a user's
JupyterLab does after a restart; ``tests/uncertainty.spec.ts`` adds them again because other
specs clear the history. Each crash is diagnosed by ``diagnose()``, as the server would, and
stored under a session id that is not the running server's.

    python earlier_history.py STORE.sqlite3    # prints how many crashes it added
"""

from __future__ import annotations

import sys

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.store import CrashHistory, Database

SESSION = "an-earlier-session-of-the-ui-tests"
NOTEBOOK = "earlier_session.ipynb"

# Three kinds of crash that the specs' own notebooks never raise, so that the charts show
# whether they are counted.
CRASHES = [
    (
        "FileNotFoundError",
        "[Errno 2] No such file or directory: 'train_2019.csv'",
        "df = pd.read_csv('train_2019.csv')",
    ),
    ("ZeroDivisionError", "division by zero", "rate = hits / total"),
    (
        "RecursionError",
        "maximum recursion depth exceeded",
        "def walk(n):\n    return walk(n + 1)\nwalk(0)",
    ),
]


def seed(path: str) -> int:
    """Add the crashes of an earlier session to the store at ``path``; return how many."""
    with Database(path) as db:
        history = CrashHistory(db, session=SESSION)
        for i, (ename, evalue, code) in enumerate(CRASHES):
            record = ErrorRecord.from_dict(
                {
                    "ename": ename,
                    "evalue": evalue,
                    "traceback": [
                        f"Cell In[{i + 1}], line 1\n----> 1 {code.splitlines()[-1]}\n",
                        f"{ename}: {evalue}",
                    ],
                    "code": code,
                    "cell_id": f"earlier-{i}",
                    "execution_count": i + 1,
                    "cell_index": i,
                    "notebook": {"path": NOTEBOOK, "cells": [], "history": []},
                }
            )
            history.add(record, diagnose(record).to_dict(), cell_index=i)
    return len(CRASHES)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python earlier_history.py STORE.sqlite3")
    print(seed(sys.argv[1]))
