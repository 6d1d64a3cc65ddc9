"""Real Redis topologies for tests: a primary with replicas watched by three sentinels,
and a cluster of primaries with replicas. Every process is a real redis-server (the
embedded binary also runs as a sentinel), on loopback, on free ports.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis

from emulators.server import free_port
from gateway.store import RedisTarget
from gateway.store.embedded import find_redis_server
from gateway.store.topology import parse_address

ROOT = Path(__file__).resolve().parents[1]
SERVICE = "firstline"
DOWN_AFTER_MS = 1000
CLUSTER_SLOTS = 16384


def firstline(
    *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a `firstline` command with these settings in the environment (no REDIS_URL)."""
    full = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | env
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        env=full, capture_output=True, text=True, cwd=ROOT, check=False, timeout=timeout,
    )  # fmt: skip


def found_topology(check: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The topology `firstline config check` printed."""
    found: dict[str, Any] = json.loads(check.stdout.split("redis topology found: ", 1)[1])
    return found


def free_cluster_port() -> int:
    """A free port whose cluster bus port (+10000) is free too (Redis 6.2 has no
    `cluster-port`); both below the ephemeral range (see `free_port`)."""
    return free_port(span=10_000)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except (redis.RedisError, OSError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@dataclass
class RedisProcess:
    """One redis-server (data node or sentinel) on 127.0.0.1:port."""

    name: str
    port: int
    args: list[str]
    workdir: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.workdir / f"{self.name}.out", "ab")  # noqa: SIM115 - kept by Popen
        self.proc = subprocess.Popen(
            [find_redis_server(), *self.args],
            cwd=self.workdir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_for(lambda: self.client().ping(), f"{self.name} to answer", timeout=15)

    def client(self, timeout: float = 2.0) -> redis.Redis:
        return redis.Redis("127.0.0.1", self.port, socket_timeout=timeout)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no last write to anyone."""
        if self.alive():
            assert self.proc is not None
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def pause(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.alive():
            assert self.proc is not None
            self.proc.kill()
            self.proc.wait()


def _data_node(name: str, workdir: Path, *extra: str, port: int = 0) -> RedisProcess:
    port = port or free_port()
    node_dir = workdir / name
    node_dir.mkdir(parents=True, exist_ok=True)
    args = [
        "--port", str(port), "--bind", "127.0.0.1", "--dir", str(node_dir),
        "--appendonly", "no", "--save", "", "--daemonize", "no",
        "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0",
        "--loglevel", "warning", "--logfile", str(node_dir / "redis.log"),
        *extra,
    ]  # fmt: skip
    return RedisProcess(name, port, args, node_dir)


@dataclass
class SentinelSetup:
    """1 primary, `replicas` replicas and 3 sentinels (quorum 2) watching them."""

    workdir: Path
    nodes: list[RedisProcess] = field(default_factory=list)
    sentinels: list[RedisProcess] = field(default_factory=list)
    service: str = SERVICE

    @classmethod
    def start(cls, workdir: Path, replicas: int = 2) -> SentinelSetup:
        setup = cls(workdir)
        try:
            primary = _data_node("primary", workdir)
            primary.start()
            setup.nodes.append(primary)
            for i in range(replicas):
                node = _data_node(f"replica{i + 1}", workdir, "--replicaof", "127.0.0.1",
                                  str(primary.port))  # fmt: skip
                node.start()
                setup.nodes.append(node)
            for i in range(3):
                setup.sentinels.append(setup._sentinel(i + 1, primary.port))
            setup.wait_settled(replicas)
        except BaseException:
            setup.stop()
            raise
        return setup

    def _sentinel(self, number: int, primary_port: int) -> RedisProcess:
        port = free_port()
        sdir = self.workdir / f"sentinel{number}"
        sdir.mkdir(parents=True, exist_ok=True)
        conf = sdir / "sentinel.conf"  # a sentinel rewrites its config file: its own copy
        conf.write_text(
            f"port {port}\nbind 127.0.0.1\ndaemonize no\ndir {sdir}\n"
            f"logfile {sdir / 'sentinel.log'}\n"
            f"sentinel monitor {self.service} 127.0.0.1 {primary_port} 2\n"
            f"sentinel down-after-milliseconds {self.service} {DOWN_AFTER_MS}\n"
            f"sentinel failover-timeout {self.service} 5000\n"
            f"sentinel parallel-syncs {self.service} 2\n"
        )
        sentinel = RedisProcess(f"sentinel{number}", port, [str(conf), "--sentinel"], sdir)
        sentinel.start()
        return sentinel

    @property
    def addresses(self) -> list[str]:
        return [s.address for s in self.sentinels]

    def primary_port(self) -> int:
        """The primary as the live sentinels name it now."""
        for s in self.sentinels:
            if s.alive():
                try:
                    _, port = s.client().sentinel_get_master_addr_by_name(self.service)
                    return int(port)
                except (redis.RedisError, TypeError):
                    continue
        raise AssertionError("no sentinel answers")

    def primary(self) -> RedisProcess:
        port = self.primary_port()
        return next(n for n in self.nodes if n.port == port)

    def wait_settled(self, replicas: int, timeout: float = 60.0) -> None:
        """Every sentinel agrees on one live primary with `replicas` online replicas and
        knows the other sentinels; the primary sees its replicas online."""

        def settled() -> bool:
            ports = set()
            for s in self.sentinels:
                info = s.client().sentinel_master(self.service)
                if info["num-other-sentinels"] < len(self.sentinels) - 1:
                    return False
                if info["num-slaves"] < replicas or "s_down" in str(info["flags"]):
                    return False
                ports.add(int(info["port"]))
            if len(ports) != 1:
                return False
            port = ports.pop()
            primary = next(n for n in self.nodes if n.port == port)
            repl = primary.client().info("replication")
            online = [v for k, v in repl.items() if k.startswith("slave") and
                      isinstance(v, dict) and v.get("state") == "online"]  # fmt: skip
            return repl["role"] == "master" and len(online) >= replicas

        wait_for(settled, "the sentinels to settle", timeout)

    def stop(self) -> None:
        for p in [*self.sentinels, *self.nodes]:
            p.stop()


@dataclass
class ClusterSetup:
    """`primaries` primaries with `replicas_each` replicas each, formed with CLUSTER MEET,
    ADDSLOTS and REPLICATE (cluster-node-timeout 1000 ms)."""

    workdir: Path
    nodes: list[RedisProcess] = field(default_factory=list)

    @classmethod
    def start(cls, workdir: Path, primaries: int = 3, replicas_each: int = 1) -> ClusterSetup:
        setup = cls(workdir)
        try:
            count = primaries * (1 + replicas_each)
            for i in range(count):
                node = _data_node(
                    f"node{i + 1}", workdir, "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
                    port=free_cluster_port(),
                )  # fmt: skip
                node.start()
                setup.nodes.append(node)
            first = setup.nodes[0].client()
            for node in setup.nodes[1:]:
                first.execute_command("CLUSTER MEET", "127.0.0.1", node.port)
            per = CLUSTER_SLOTS // primaries
            for i, node in enumerate(setup.nodes[:primaries]):
                end = CLUSTER_SLOTS if i == primaries - 1 else (i + 1) * per
                node.client().execute_command("CLUSTER ADDSLOTS", *range(i * per, end))
            wait_for(lambda: all(len(setup.known(n)) == count for n in setup.nodes),
                     "the nodes to meet")  # fmt: skip
            for j, node in enumerate(setup.nodes[primaries:]):
                primary = setup.nodes[j % primaries]
                primary_id = primary.client().execute_command("CLUSTER MYID").decode()
                node.client().execute_command("CLUSTER REPLICATE", primary_id)
            setup.wait_settled()
        except BaseException:
            setup.stop()
            raise
        return setup

    @staticmethod
    def known(node: RedisProcess) -> dict[str, dict[str, object]]:
        """CLUSTER NODES as that node sees it: address -> id, flags, primary id, slots."""
        nodes: dict[str, dict[str, object]] = node.client().execute_command("CLUSTER NODES")
        return nodes

    def wait_settled(self, timeout: float = 60.0, *, replicas: bool = True) -> None:
        """Every live node says the cluster is ok and (with `replicas`) every primary that
        serves slots has a live replica."""

        def settled() -> bool:
            live = [n for n in self.nodes if n.alive()]
            for node in live:
                info = node.client().execute_command("CLUSTER INFO")
                if info.get("cluster_state") != "ok":
                    return False
            if not replicas:
                return True
            view = list(self.known(live[0]).values())
            serving = [p for p in view if "master" in str(p["flags"]) and p["slots"]]

            def has_replica(primary: dict[str, object]) -> bool:
                return any(
                    r["master_id"] == primary["node_id"] and "fail" not in str(r["flags"])
                    for r in view
                )

            return all(has_replica(p) for p in serving)

        wait_for(settled, "the cluster to settle", timeout)

    @property
    def addresses(self) -> list[str]:
        return [n.address for n in self.nodes]

    def target(self, wait_replicas: int = 0) -> RedisTarget:
        """How the store reaches this cluster (two seed nodes)."""
        seeds = tuple(parse_address(a) for a in self.addresses[:2])
        return RedisTarget(kind="cluster", cluster_nodes=seeds, wait_replicas=wait_replicas)

    def flush(self) -> None:
        """Empty every primary (between tests sharing the cluster)."""
        for node in self.primaries():
            node.client().flushall()

    def primaries(self) -> list[RedisProcess]:
        """Live nodes that serve slots now."""
        out = []
        for node in self.nodes:
            if node.alive() and node.client().info("replication")["role"] == "master":
                out.append(node)
        return out

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
