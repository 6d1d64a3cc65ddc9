"""Metrics of several processes: `serve` and its worker processes each write their
prometheus-client samples to files in one private directory, and serve's `/metrics` adds
them up (prometheus-client's multiprocess mode, `PROMETHEUS_MULTIPROC_DIR`).

The client decides where values live when it is first imported, so the directory is set
up before anything imports it (`gateway.metrics`), and before the workers are forked;
the ones started later inherit it through the environment. The directory belongs to this
run of serve and is removed when it exits.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

MULTIPROCESS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


def share_metrics_between_processes() -> str:
    """Create this run's metrics directory and point the client (and every process
    started from here) at it; returns its path."""
    if "prometheus_client" in sys.modules:
        raise RuntimeError("metrics shared between processes must be set up before import")
    path = tempfile.mkdtemp(prefix="firstline-metrics-")
    os.environ[MULTIPROCESS_DIR_ENV] = path
    pid = os.getpid()

    def remove() -> None:
        if os.getpid() == pid:  # not in a forked child that happens to exit normally
            shutil.rmtree(path, ignore_errors=True)

    atexit.register(remove)
    return path
