"""Loading the server extension loads nothing heavy: the diagnosis code and the model wait for the
first diagnosis (the start-up time itself is measured by benchmarks/server_startup.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
from jupyter_server.serverapp import ServerApp
app = ServerApp()
app.initialize(argv=["--ServerApp.jpserver_extensions={}", "--ServerApp.log_level=ERROR"],
               find_extensions=False, new_httpserver=False)
import jupyterlab_nbcrash
jupyterlab_nbcrash._load_jupyter_server_extension(app)
loaded = [m for m in ("numpy", "sklearn", "jupyterlab_nbcrash.diagnosis") if m in sys.modules]
nbcrash = app.web_app.settings["nbcrash"]
print(json.dumps({
    "loaded": loaded,
    "store_exists": __import__("os").path.exists(nbcrash.config.store_path),
    "threads": len(nbcrash.executor._threads),
}))
"""


def test_extension_load_imports_no_model_and_opens_no_store(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "JUPYTER_NO_CONFIG": "1",
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    state = json.loads(out.stdout.strip().splitlines()[-1])
    assert state == {"loaded": [], "store_exists": False, "threads": 0}
