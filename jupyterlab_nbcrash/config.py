"""Server-side settings of nbcrash, as traitlets options (``c.NbCrashConfig.<name>``).

Set them like any Jupyter server option, e.g. in ``jupyter_server_config.py``::

    c.NbCrashConfig.history_length = 1000
    c.NbCrashConfig.store_path = "/data/me/nbcrash.sqlite3"

or on the command line: ``jupyter lab --NbCrashConfig.history_length=1000``. Every path here is
configuration only: no request can choose where the server reads or writes.
"""

from __future__ import annotations

import os

from jupyter_core.paths import jupyter_config_path, jupyter_data_dir
from traitlets import Float, Int, TraitError, Unicode, default, validate
from traitlets.config import Config, Configurable
from traitlets.config.loader import JSONFileConfigLoader, PyFileConfigLoader

MB = 1024 * 1024
MAX_DAYS = 36_500  # a century: "any age" is 0; a date before year 1 would not compute


def default_store_path() -> str:
    """``<jupyter data dir>/nbcrash/nbcrash.sqlite3`` (honours ``JUPYTER_DATA_DIR``)."""
    return os.path.join(jupyter_data_dir(), "nbcrash", "nbcrash.sqlite3")


class NbCrashConfig(Configurable):
    """Limits, storage and model location of the nbcrash server extension."""

    max_body_size = Int(
        MB,
        help="Largest request body accepted by the /nbcrash/ routes, in bytes; larger gets 413.",
    ).tag(config=True)

    store_path = Unicode(
        help=(
            "SQLite file holding the crash history and the users' feedback. "
            "Default: <jupyter data dir>/nbcrash/nbcrash.sqlite3. Created on first use."
        ),
    ).tag(config=True)

    history_length = Int(
        500,
        help="How many diagnosed crashes the side panel's history keeps (oldest dropped first); "
        "0 keeps none. Feedback is kept regardless.",
    ).tag(config=True)

    history_days = Float(
        30,
        help="How many days a diagnosed crash stays in the history (older ones are dropped when "
        "the server starts and on each write); 0 keeps crashes of any age, up to history_length. "
        "Feedback is kept regardless.",
    ).tag(config=True)

    model_path = Unicode(
        "",
        help="Directory of a trained nbcrash model to use instead of the user's or shipped one.",
    ).tag(config=True)

    diagnose_threads = Int(
        1,
        help="Worker threads that run diagnoses off the server's event loop.",
    ).tag(config=True)

    @default("store_path")
    def _default_store_path(self) -> str:
        return default_store_path()

    @validate("max_body_size", "diagnose_threads")
    def _positive(self, proposal):
        if proposal["value"] < 1:
            raise TraitError(f"NbCrashConfig.{proposal['trait'].name} must be at least 1")
        return proposal["value"]

    @validate("history_length")
    def _not_negative(self, proposal):
        if proposal["value"] < 0:
            raise TraitError("NbCrashConfig.history_length must be 0 or more")
        return proposal["value"]

    @validate("history_days")
    def _days(self, proposal):
        if not 0 <= proposal["value"] <= MAX_DAYS:  # also refuses NaN and infinity
            raise TraitError(f"NbCrashConfig.history_days must be from 0 to {MAX_DAYS}")
        return proposal["value"]

    @validate("store_path", "model_path")
    def _expand_user(self, proposal):
        return os.path.expanduser(proposal["value"]) if proposal["value"] else proposal["value"]


def load_server_config() -> Config:
    """The options the user gave the Jupyter server in its config files, for the CLI.

    Reads ``jupyter_server_config.json`` / ``.py`` from every Jupyter config directory, lowest
    priority first, so ``jupyter nbcrash feedback`` finds the store the server writes to.
    """
    config = Config()
    for directory in reversed(jupyter_config_path()):
        for loader in (JSONFileConfigLoader, PyFileConfigLoader):
            suffix = ".json" if loader is JSONFileConfigLoader else ".py"
            filename = "jupyter_server_config" + suffix
            if os.path.isfile(os.path.join(directory, filename)):
                config.merge(loader(filename, path=directory).load_config())
    return config
