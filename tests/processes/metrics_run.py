"""A run that shares its metrics as `serve` does, with one forked worker process.

It prints its metrics directory, then the worker's pid, and both wait until their
standard input closes (or they are killed): the test decides how the run ends.
"""

from __future__ import annotations

import os
import sys

from gateway.metrics_sharing import share_metrics_between_processes

if __name__ == "__main__":
    print(share_metrics_between_processes(), flush=True)
    worker = os.fork()  # as serve forks its workers: they share the directory
    if worker == 0:
        sys.stdin.read()
        os._exit(0)
    print(worker, flush=True)
    sys.stdin.read()
    os.waitpid(worker, 0)
