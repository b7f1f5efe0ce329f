"""Jupyter server configuration for the galata UI tests.

Never use this configuration in production: galata's helper removes every security protection.
"""

import os
import sys
from tempfile import mkdtemp

from ipykernel.kernelspec import write_kernel_spec
from jupyter_client.kernelspec import KernelSpecManager
from jupyterlab.galata import configure_jupyter_server
from traitlets import default

c = get_config()  # noqa: F821 (injected by jupyter's config loader)

configure_jupyter_server(c)
c.ServerApp.port = int(os.environ.get("NBCRASH_UI_PORT", "8917"))
# CI runs as root in a container.
c.ServerApp.allow_root = True
c.FileContentsManager.delete_to_trash = False

scratch = mkdtemp(prefix="nbcrash-ui-")
# Keep the crash history of the tests out of the user's data directory: in the file the specs
# are told about (playwright.config.js sets NBCRASH_UI_STORE), else in the scratch folder.
store = os.environ.get("NBCRASH_UI_STORE") or os.path.join(scratch, "nbcrash.sqlite3")
for stale in (store, f"{store}-wal", f"{store}-shm"):
    if os.path.exists(stale):
        os.remove(stale)
c.NbCrashConfig.store_path = store

# The server starts with crashes of an earlier server session in its history, as a user's
# JupyterLab does after a restart: the panel must list only this session's (issue 15).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from earlier_history import seed  # noqa: E402 (the folder is on the path only now)

seed(store)

# A second Python kernelspec, as on many machines, whose name sorts before "Python 3 (ipykernel)":
# File > New > Notebook would preselect it, and a notebook that does not name its kernel gets a
# Select Kernel dialog when JupyterLab has no session for it. The tests must name theirs (python3).
second_kernels = os.path.join(scratch, "kernels")
write_kernel_spec(
    os.path.join(second_kernels, "nbcrash-second"),
    overrides={"display_name": "A second Python (nbcrash UI tests)"},
)


class WithASecondKernelspec(KernelSpecManager):
    """The machine's kernelspecs and the one above (`kernel_dirs` cannot be configured)."""

    @default("kernel_dirs")
    def _kernel_dirs_default(self):
        return [*super()._kernel_dirs_default(), second_kernels]


c.ServerApp.kernel_spec_manager_class = WithASecondKernelspec
