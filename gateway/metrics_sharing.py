"""Metrics of several processes: `serve` and its worker processes each write their
prometheus-client samples to files in one private directory, and serve's `/metrics` adds
them up (prometheus-client's multiprocess mode, `PROMETHEUS_MULTIPROC_DIR`).

The client decides where values live when it is first imported, so the directory is set
up before anything imports it (`gateway.metrics`), and before the workers are forked;
the ones started later inherit it through the environment. The directory belongs to this
run of serve and is removed when it exits. A run that could not remove it (SIGKILL, a
power cut) leaves it behind: the next run removes every such directory whose owner is
gone. The owner holds a lock on a file in it for as long as it runs (its forked workers
share the lock), so a directory is judged by that lock, never by a pid that may have been
reused.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
from pathlib import Path

MULTIPROCESS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
PREFIX = "firstline-metrics-"
OWNER_LOCK = "owner.lock"  # not a `*.db` file: the client's collector never reads it


def share_metrics_between_processes() -> str:
    """Remove the directories of runs that are gone, create this run's and point the
    client (and every process started from here) at it; returns its path."""
    if "prometheus_client" in sys.modules:
        raise RuntimeError("metrics shared between processes must be set up before import")
    parent = Path(tempfile.gettempdir())
    remove_abandoned(parent)
    path, lock = _owned_directory(parent)
    os.environ[MULTIPROCESS_DIR_ENV] = str(path)
    pid = os.getpid()

    def remove() -> None:
        if os.getpid() == pid:  # not in a forked child that happens to exit normally
            shutil.rmtree(path, ignore_errors=True)
            os.close(lock)

    atexit.register(remove)
    return str(path)


def remove_abandoned(parent: Path) -> list[Path]:
    """Remove the metrics directories under `parent` whose owner is gone; the removed.
    Directories whose owner runs, or that have no owner lock (not made by this code),
    are left alone."""
    removed = []
    for path in parent.glob(PREFIX + "*"):
        try:
            lock = os.open(path / OWNER_LOCK, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:  # no lock file (or not ours to read): not ours to judge
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its owner (or one of its worker processes) still runs
            os.close(lock)
            continue
        try:
            shutil.rmtree(path)
            removed.append(path)
        except OSError:
            pass  # another user's, or removed meanwhile
        finally:
            os.close(lock)
    return removed


def _owned_directory(parent: Path) -> tuple[Path, int]:
    """A new metrics directory, locked by this process from before it bears the name
    `remove_abandoned` looks for: it is made under another name and renamed once locked."""
    making = Path(tempfile.mkdtemp(prefix="." + PREFIX, dir=parent))
    lock = os.open(making / OWNER_LOCK, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        path = parent / making.name[1:]
        making.rename(path)
    except BaseException:
        os.close(lock)
        with contextlib.suppress(OSError):
            shutil.rmtree(making)
        raise
    return path, lock
