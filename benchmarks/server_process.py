"""Start and stop a real `jupyter server` (or `jupyter lab`) for the server benchmarks.

The server runs in a fresh Jupyter environment under a temporary directory (JUPYTER_NO_CONFIG:
only the extensions named here are enabled), on 127.0.0.1 with a random token, with nbcrash
imported from this source tree.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``with Server(nbcrash=True) as server: server.url, server.token, server.pid``."""

    def __init__(
        self,
        nbcrash: bool = True,
        app: str = "jupyter_server",
        extra_extensions: dict[str, bool] | None = None,
        config_py: str = "",
        log_level: str = "WARN",
    ):
        self.nbcrash = nbcrash
        self.app = app
        self.extensions = {"jupyterlab_nbcrash": nbcrash, **(extra_extensions or {})}
        self.config_py = config_py
        self.log_level = log_level
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.started_in: float | None = None

    def __enter__(self) -> Server:
        self._tmp = tempfile.TemporaryDirectory(prefix="nbcrash-bench-")
        tmp = Path(self._tmp.name)
        (tmp / "config").mkdir()
        (tmp / "config" / "jupyter_server_config.py").write_text(self.config_py)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
            "JUPYTER_NO_CONFIG": "1",
            "JUPYTER_CONFIG_DIR": str(tmp / "config"),
            "JUPYTER_DATA_DIR": str(tmp / "data"),
            "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        }
        cmd = [
            sys.executable,
            "-m",
            self.app,
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            f"--ServerApp.root_dir={tmp}",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.jpserver_extensions={self.extensions!r}",  # a Python literal
            f"--ServerApp.log_level={self.log_level}",
            f"--NbCrashConfig.store_path={tmp / 'data' / 'nbcrash.sqlite3'}",
            # JUPYTER_NO_CONFIG skips the config directories; an explicit file still loads.
            f"--config={tmp / 'config' / 'jupyter_server_config.py'}",
        ]
        self.log_path = tmp / "server.log"
        self._log = open(self.log_path, "wb")
        start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_ready()
        self.started_in = time.perf_counter() - start
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def _wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_path.read_text(errors="replace"))
            try:
                self.get("/api/status", timeout=2)
                return
            except OSError:
                time.sleep(0.005)
        raise RuntimeError("server did not start:\n" + self.log_path.read_text(errors="replace"))

    def get(self, path: str, timeout: float = 10):
        request = urllib.request.Request(
            self.url + path, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        self._tmp.cleanup()


def machine() -> str:
    """One line describing where the numbers came from."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM"
    except ImportError:
        mem = "RAM unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average {load:.1f} when measured"
    )
