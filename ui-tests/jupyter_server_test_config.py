"""Jupyter server configuration for the galata UI tests.

Never use this configuration in production: galata's helper removes every security protection.
"""

import os
from tempfile import mkdtemp

from jupyterlab.galata import configure_jupyter_server

c = get_config()  # noqa: F821 (injected by jupyter's config loader)

configure_jupyter_server(c)
c.ServerApp.port = int(os.environ.get("NBCRASH_UI_PORT", "8917"))
# CI runs as root in a container.
c.ServerApp.allow_root = True
c.FileContentsManager.delete_to_trash = False
# Keep the crash history of the tests out of the user's data directory.
c.NbCrashConfig.store_path = os.path.join(mkdtemp(prefix="nbcrash-ui-store-"), "nbcrash.sqlite3")
