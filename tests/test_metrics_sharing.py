"""The metrics directory of a `serve` run: its own, removed at exit, and removed by the
next run when the run was killed (once none of its processes is left)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

from gateway.metrics_sharing import PREFIX

ROOT = Path(__file__).resolve().parents[1]


class Run:
    """`tests/processes/metrics_run.py` (a run and its forked worker), with its temporary
    files under `tmp`; both wait until their standard input closes."""

    def __init__(self, tmp: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "processes" / "metrics_run.py")],
            env=env | {"TMPDIR": str(tmp)},
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        self.directory = Path(self.stdout.readline().decode().strip())
        self.worker = int(self.stdout.readline())

    def end(self) -> None:
        """As serve ends on SIGTERM: its worker first, then itself."""
        self.stdin.close()
        assert self.proc.wait(30) == 0
        self.stdout.close()


def test_a_killed_runs_directory_is_removed_by_the_next_run_once_its_workers_are_gone(
    tmp_path: Path,
) -> None:
    foreign = tmp_path / f"{PREFIX}made-by-hand"  # no owner lock: not ours to judge
    foreign.mkdir()
    live, killed = Run(tmp_path), Run(tmp_path)
    assert live.directory.parent == killed.directory.parent == tmp_path
    assert live.directory != killed.directory

    killed.proc.kill()  # SIGKILL: no exit handler runs; its worker goes on for now
    assert killed.proc.wait(30) < 0
    assert killed.directory.is_dir()
    Run(tmp_path).end()  # the worker is still writing there: the directory stays
    assert killed.directory.is_dir() and live.directory.is_dir()

    worker_exit = os.pidfd_open(killed.worker)  # readable once the worker has exited
    killed.stdin.close()
    readable, _, _ = select.select([worker_exit], [], [], 60)
    os.close(worker_exit)
    killed.stdout.close()
    assert readable, "the killed run's worker did not exit"
    following = Run(tmp_path)
    assert not killed.directory.exists()
    assert live.directory.is_dir() and following.directory.is_dir() and foreign.is_dir()

    following.end()
    live.end()
    assert sorted(p.name for p in tmp_path.iterdir()) == [foreign.name]
