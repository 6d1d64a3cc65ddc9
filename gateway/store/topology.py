"""How the store reaches Redis: one server, a primary watched by Sentinel, or a Cluster.

The client is built here and nowhere else. Failover is the engines' work (Sentinel,
Cluster); this module only connects through them, and describes what it found
(primary, replicas, slot coverage) for `firstline config check` and `/readyz`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import redis.asyncio as aioredis
from redis.asyncio.client import Pipeline
from redis.asyncio.cluster import ClusterNode, ClusterPipeline, RedisCluster
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import ExponentialWithJitterBackoff, NoBackoff
from redis.commands.core import AsyncCoreCommands
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from gateway.store import scripts
from gateway.store.socket_bound import bound_by_scope

Kind = Literal["single", "sentinel", "cluster"]
CLUSTER_SLOTS = 16384


@dataclass(frozen=True)
class RedisTarget:
    """Where Redis is and how to talk to it (built from the `redis` settings)."""

    kind: Kind = "single"
    url: str = ""
    sentinels: tuple[tuple[str, int], ...] = ()
    service: str = ""
    cluster_nodes: tuple[tuple[str, int], ...] = ()
    username: str | None = None
    password: str | None = None
    sentinel_password: str | None = None
    tls: bool = False
    tls_ca_file: str = ""
    socket_timeout: float = 5.0
    wait_replicas: int = 0
    wait_timeout_ms: int = 1000


@dataclass
class TopologyView:
    """What was found: the primary (or primaries), their replicas, the slot coverage."""

    kind: Kind
    primary: str = ""
    replicas: list[str] = field(default_factory=list)
    primaries: list[str] = field(default_factory=list)
    slots_covered: int = 0
    primaries_without_replica: list[str] = field(default_factory=list)
    wait_replicas: int = 0
    problems: list[str] = field(default_factory=list)
    degraded: list[str] = field(default_factory=list)  # served, with less durability

    @property
    def ready(self) -> bool:
        """Writes can be taken, and acknowledged as durable as configured."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "wait_replicas": self.wait_replicas}
        if self.kind == "cluster":
            out |= {
                "primaries": self.primaries,
                "replicas": self.replicas,
                "slots_covered": self.slots_covered,
                "slots_total": CLUSTER_SLOTS,
                "primaries_without_replica": self.primaries_without_replica,
            }
        else:
            out |= {"primary": self.primary, "replicas": self.replicas}
        if self.problems:
            out["problems"] = self.problems
        if self.degraded:
            out["degraded"] = self.degraded
        return out


def parse_address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host.strip("[]"), int(port)


def _tls(target: RedisTarget) -> dict[str, Any]:
    if not target.tls:
        return {}
    return {"ssl": True, "ssl_ca_certs": target.tls_ca_file or None}


def connect(target: RedisTarget, max_connections: int) -> tuple[Any, Sentinel | None]:
    """The client for the configured topology (and the Sentinel it asks, if any)."""
    if target.kind == "sentinel":
        return _sentinel_client(target, max_connections)
    if target.kind == "cluster":
        return _cluster_client(target, max_connections), None
    # A blocking pool: under load callers wait for a connection instead of failing.
    # A dropped connection (Redis restarted) is retried on a new one with backoff; a
    # longer outage surfaces as STORE_UNAVAILABLE to the caller's own loop.
    pool = aioredis.BlockingConnectionPool.from_url(
        target.url,
        max_connections=max_connections,
        timeout=30,
        socket_timeout=target.socket_timeout,
        health_check_interval=30,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=1.0), 4),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )
    bound_by_scope(pool)
    return ServerClient(connection_pool=pool), None


class ServerClient(aioredis.Redis):  # type: ignore[misc]
    """The client of a single server, whose pipelines give their connection back as its
    single commands do."""

    def pipeline(self, transaction: bool = True, shard_hint: str | None = None) -> Any:
        return ReleasingPipeline(
            self.connection_pool, self.response_callbacks, transaction, shard_hint
        )


class ReleasingPipeline(Pipeline):  # type: ignore[misc]
    """A pipeline that gives its connection back to the pool as redis-py's single commands
    do (`await pool.release(...)`), not through `asyncio.shield`: the shield ran the
    release as a task of its own, three of the seven event-loop passes and a sixth of the
    Python calls of a lone round trip of the store's shared pipeline (`batching.py`),
    counted. What the shield guarded against, a second cancel while the release waits for
    a pool lock, leaves that connection out of the pool, as it does for a single command.
    A pipeline that watched keys is reset as before (its UNWATCH first)."""

    async def reset(self) -> None:
        if self.watching or self.connection is None:
            await super().reset()
            return
        connection, self.connection = self.connection, None
        await super().reset()  # the queued commands and flags
        await self.connection_pool.release(connection)


def _sentinel_client(target: RedisTarget, max_connections: int) -> tuple[Any, Sentinel]:
    # No retries inside redis-py here: with a retry policy its Sentinel connections kept
    # dialling the dead primary's address for seconds after the sentinels had named the
    # new one (redis-py issue 3874). Each failed call surfaces as STORE_UNAVAILABLE (a 503
    # to the channel, a pause in a worker loop) and the next call asks the sentinels again.
    sentinel_kwargs: dict[str, Any] = {"socket_timeout": target.socket_timeout, **_tls(target)}
    if target.sentinel_password:
        sentinel_kwargs["password"] = target.sentinel_password
    sentinel = Sentinel(
        list(target.sentinels),
        sentinel_kwargs=sentinel_kwargs,
        socket_timeout=target.socket_timeout,
        socket_connect_timeout=min(target.socket_timeout, 1.0),
        username=target.username,
        password=target.password,
        retry=Retry(NoBackoff(), 0),
        health_check_interval=30,
        **_tls(target),
    )
    client = sentinel.master_for(
        target.service, max_connections=max_connections, check_connection=True
    )
    return client, sentinel


class FailoverSafeCluster(RedisCluster):  # type: ignore[misc]
    """RedisCluster whose failover hiccups surface as connection errors.

    During a failover the asyncio client sometimes raises an AttributeError (a closed
    connection's writer is None) instead of a RedisError; callers that handle "the store
    is unavailable, retry later" would crash on it.
    """

    translated = 0  # how many such errors were turned into connection errors (all clients)

    async def execute_command(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().execute_command(*args, **kwargs)
        except (AttributeError, OSError) as exc:
            raise _lost(exc) from exc

    def pipeline(self, transaction: Any | None = None, shard_hint: Any | None = None) -> Any:
        if shard_hint:
            return super().pipeline(transaction, shard_hint)
        if transaction:
            return QueuedScript(self)
        return FailoverSafePipeline(self, transaction)


class QueuedScript(AsyncCoreCommands):  # type: ignore[misc]
    """`pipeline(transaction=True)` on a cluster: the queued commands (of one slot) run as
    one script, atomic like MULTI/EXEC. redis-py 8.1's asyncio cluster transaction runs
    every queued command in a new thread with its own event loop, and after a failover
    it fails (its lock is bound to another loop): not usable under load or failover."""

    def __init__(self, client: FailoverSafeCluster) -> None:
        self._client = client
        self._queued: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self._script = client.register_script(scripts.RUN_QUEUED)

    def execute_command(self, *args: Any, **options: Any) -> QueuedScript:
        self._queued.append((args, options))
        return self

    async def execute(self, raise_on_error: bool = True) -> list[Any]:
        queued, self._queued = self._queued, []
        if not queued:
            return []
        lengths = [len(args) for args, _ in queued]
        words = [word for args, _ in queued for word in args]
        replies = await self._script(
            keys=[args[1] for args, _ in queued], args=[json.dumps(lengths), *words]
        )
        return [_parsed(self._client, args, options, reply)
                for (args, options), reply in zip(queued, replies, strict=True)]  # fmt: skip

    async def __aenter__(self) -> QueuedScript:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._queued = []


def _parsed(client: Any, args: tuple[Any, ...], options: dict[str, Any], reply: Any) -> Any:
    """A reply as redis-py would have returned it for that command."""
    callback = client.response_callbacks.get(str(args[0]).upper())
    options = {k: v for k, v in options.items() if k != "keys"}
    return callback(reply, **options) if callback else reply


class FailoverSafePipeline(ClusterPipeline):  # type: ignore[misc]
    """A cluster pipeline (or single-slot transaction) with the same translation."""

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().execute(*args, **kwargs)
        except (AttributeError, OSError) as exc:
            raise _lost(exc) from exc


def _lost(exc: Exception) -> RedisConnectionError:
    FailoverSafeCluster.translated += 1
    return RedisConnectionError(f"cluster connection lost: {exc!r}")


def _cluster_client(target: RedisTarget, max_connections: int) -> Any:
    return FailoverSafeCluster(
        startup_nodes=[ClusterNode(h, p) for h, p in target.cluster_nodes],
        username=target.username,
        password=target.password,
        socket_timeout=target.socket_timeout,
        socket_connect_timeout=min(target.socket_timeout, 1.0),
        max_connections=max_connections,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=1.0), 6),
        **_tls(target),
    )


async def describe(client: Any, sentinel: Sentinel | None, target: RedisTarget) -> TopologyView:
    """Ask the servers what the topology is now."""
    if target.kind == "cluster":
        return await _describe_cluster(client, target)
    view = TopologyView(target.kind, wait_replicas=target.wait_replicas)
    if sentinel is not None:
        host, port = await sentinel.discover_master(target.service)
        view.primary = f"{host}:{port}"
    else:
        view.primary = _where(target.url)
    info = await client.info("replication")
    if info.get("role") != "master":
        view.problems.append(f"the server is a {info.get('role')}, not a primary")
    for name, value in info.items():
        online = isinstance(value, dict) and value.get("state") == "online"
        if name.startswith("slave") and online:
            view.replicas.append(f"{value.get('ip')}:{value.get('port')}")
    if len(view.replicas) < target.wait_replicas:
        view.problems.append(
            f"{len(view.replicas)} replicas online, writes wait for {target.wait_replicas}"
        )
    return view


async def _describe_cluster(client: Any, target: RedisTarget) -> TopologyView:
    view = TopologyView("cluster", wait_replicas=target.wait_replicas)
    slots = await _cluster_slots(client)
    covered, primaries, replicas = 0, {}, set()
    for (start, end), nodes in slots.items():
        covered += int(end) - int(start) + 1
        primary = _node(nodes["primary"])
        primaries.setdefault(primary, set()).update(_node(r) for r in nodes["replicas"])
        replicas.update(_node(r) for r in nodes["replicas"])
    view.slots_covered = covered
    view.primaries = sorted(primaries)
    view.replicas = sorted(replicas)
    view.primaries_without_replica = sorted(p for p, r in primaries.items() if not r)
    if covered < CLUSTER_SLOTS:
        view.problems.append(f"{CLUSTER_SLOTS - covered} hash slots are not covered")
    short = [p for p, r in primaries.items() if len(r) < target.wait_replicas]
    if short:  # served (writes confirmed by the replicas they have): an alert, not an outage
        view.degraded.append(
            f"primaries with fewer than {target.wait_replicas} replicas: {sorted(short)}"
        )
    return view


async def _cluster_slots(client: Any) -> Any:
    """CLUSTER SLOTS from the first node that answers (a dead one may still be known)."""
    await client.initialize()  # learns the nodes on first use
    error: Exception = RedisConnectionError("no cluster node answers")
    for node in [*client.get_primaries(), *client.get_replicas()]:
        try:
            return await client.execute_command("CLUSTER SLOTS", target_nodes=node)
        except (RedisConnectionError, RedisTimeoutError) as exc:
            error = exc
    raise error


def _node(value: Any) -> str:
    host, port = value[0], value[1]
    return f"{host.decode() if isinstance(host, bytes) else host}:{port}"


def _where(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme == "unix":
        return "unix socket"  # a local path is nobody's business outside the host
    return f"{parts.hostname}:{parts.port or 6379}"
