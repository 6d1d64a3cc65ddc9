"""How long `firstline serve` takes to be ready, and what its start costs in CPU.

Starts `python -m gateway serve` with the embedded defaults (its own redis-server, a fresh
data dir) ROUNDS times and prints, per round, the wall seconds until /readyz answers 200,
the serve process's CPU seconds by then (user + system, from /proc: the figure a loaded
machine does not move) and the load average. With --imports it also prints where the serve
process's imports spend their time (`python -X importtime`, self time summed by package):
on a 2-core machine shared with others, every CPU second of start-up is several of wall.

    python bench/bench_serve_start.py [--rounds 3] [--imports]
"""

from __future__ import annotations

import argparse
import collections
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY_WITHIN = 600.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def one_start() -> tuple[float, float, float]:
    """Wall seconds to ready, serve's CPU seconds by then, the 1-minute load at the start."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as data:
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        env |= {"FIRSTLINE_DATA_DIR": data, "PYTHONPATH": str(ROOT)}
        load = os.getloadavg()[0]
        began = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve", "--port", str(port)],
            env=env, cwd=ROOT, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            while not ready(f"http://127.0.0.1:{port}/readyz"):
                if proc.poll() is not None or time.monotonic() - began > READY_WITHIN:
                    raise SystemExit("serve did not become ready")
                time.sleep(0.05)
            took = time.monotonic() - began
            cpu = cpu_seconds(proc.pid)
        finally:
            proc.terminate()
            proc.wait(60)
    return took, cpu, load


def imports() -> None:
    """Self time of serve's imports, summed by package, largest first."""
    served = ("worker_processes", "app", "web.console", "connectors.webchat")
    modules = ", ".join(f"gateway.{name}" for name in served)
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {modules}"],
        env=os.environ | {"PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    spent: collections.Counter[str] = collections.Counter()
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        parts = name.split(".")
        package = ".".join(parts[:2]) if parts[0] == "gateway" and len(parts) > 2 else parts[0]
        spent[package] += int(self_us)
    total = sum(spent.values())
    print(f"imports: {total / 1e6:.2f} s in all (wall, self time summed)")
    for package, us in spent.most_common(10):
        print(f"  {us / 1e6:7.2f} s {100 * us / total:5.1f} %  {package}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--imports", action="store_true")
    args = parser.parse_args()
    for n in range(1, args.rounds + 1):
        took, cpu, load = one_start()
        print(f"round {n}: ready after {took:6.2f} s wall, serve used {cpu:5.2f} s CPU", end="")
        print(f" (load {load:.1f})")
    if args.imports:
        imports()


if __name__ == "__main__":
    main()
