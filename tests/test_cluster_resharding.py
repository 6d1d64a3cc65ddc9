"""A Redis Cluster refusing, moving or cutting a turn's write (real cluster of 3 primaries
and 3 replicas, real worker and dialog engine, `wait_replicas: 1`).

- Resharded: a conversation's hash slot moves from one primary to another while its
  message is being answered. While it moves, the servers refuse the turn's writes (ASK to
  the node importing it, TRYAGAIN while its keys are split, MOVED once it has moved).
  Nothing of a refused write was applied: the message stays pending and is answered once
  the slot has moved, once, not put aside as a message that keeps failing.
- Connection reset: the primary applies the turn's commit and the connection breaks
  before its answer. The turn is taken again and found applied: answered once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from lost_answers import LostAnswers
from redis.crc import key_slot
from redis_topologies import ClusterSetup, RedisProcess, wait_for

from emulators.server import eventually
from gateway.config import Settings
from gateway.models import InboundMessage
from gateway.runtime import open_runtime
from gateway.store import keys
from gateway.turns import start_workers


@pytest.fixture
def moving_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterSetup]:
    """A cluster of the test's own (its slots are moved)."""
    setup = ClusterSetup.start(tmp_path_factory.mktemp("resharded"))
    yield setup
    setup.stop()


def on(settings: Settings, setup: ClusterSetup, seeds: list[str] | None = None) -> Settings:
    redis = settings.redis.model_copy(
        update={
            "topology": "cluster",
            "url": None,
            "cluster_nodes": seeds or setup.addresses[:2],
            "wait_replicas": 1,
            "wait_timeout_ms": 500,
        }
    )
    return settings.model_copy(update={"redis": redis})


class SlotMove:
    """One hash slot moved between primaries the way `redis-cli --cluster reshard` does:
    IMPORTING and MIGRATING set, the keys migrated, then the slot given to the target."""

    def __init__(self, setup: ClusterSetup, slot: int) -> None:
        self.setup, self.slot = setup, slot
        self.source = self._owner()
        self.target = next(n for n in setup.primaries() if n is not self.source)

    def _owner(self) -> RedisProcess:
        for address, node in self.setup.known(self.setup.nodes[0]).items():
            for span in node["slots"]:  # type: ignore[attr-defined]
                if int(span[0]) <= self.slot <= int(span[-1]):
                    return next(n for n in self.setup.nodes if address.startswith(n.address))
        raise AssertionError(f"slot {self.slot} has no owner")

    @staticmethod
    def _id(node: RedisProcess) -> str:
        return str(node.client().execute_command("CLUSTER MYID").decode())

    def begin(self) -> None:
        self.target.client().execute_command(
            "CLUSTER SETSLOT", self.slot, "IMPORTING", self._id(self.source)
        )
        self.source.client().execute_command(
            "CLUSTER SETSLOT", self.slot, "MIGRATING", self._id(self.target)
        )

    def held(self) -> set[str]:
        """The slot's keys on either primary, read off the servers themselves: a cluster
        client's read of a migrating slot goes through ASK, and redis-py sends ASKING on
        a pooled connection of its own, so under a busy pool it can bounce until its
        request TTL runs out."""
        return {
            name.decode()
            for node in (self.source, self.target)
            for name in node.client().execute_command("CLUSTER GETKEYSINSLOT", self.slot, 1000)
        }

    def finish(self) -> None:
        source = self.source.client()
        while names := source.execute_command("CLUSTER GETKEYSINSLOT", self.slot, 100):
            source.execute_command(
                "MIGRATE", "127.0.0.1", self.target.port, "", 0, 5000, "KEYS", *names
            )
        target = self._id(self.target)
        for node in [self.target, self.source, *self.setup.primaries()]:
            node.client().execute_command("CLUSTER SETSLOT", self.slot, "NODE", target)


class Refusals(logging.Handler):
    """The worker's warnings and errors (a refused turn is logged each time)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


async def test_a_message_whose_conversation_slot_moves_mid_turn_is_answered_once(
    settings: Settings, moving_cluster: ClusterSetup
) -> None:
    config = on(settings, moving_cluster)
    chat = "5550001"
    key = f"telegram:{chat}"
    slot = key_slot(keys.conversation(key).encode())
    refusals = Refusals()
    worker_log = logging.getLogger("gateway.worker")
    worker_log.addHandler(refusals)
    async with open_runtime(config) as rt:
        store = rt.store
        assert key_slot(keys.inbound_stream(store.inbound.shard_of(key)).encode()) != slot
        move = SlotMove(moving_cluster, slot)
        move.begin()
        message = InboundMessage("telegram", chat, "m-1", text="the printer is offline")
        assert await store.inbound.accept(message)
        workers = start_workers(rt, 1)
        tasks = [asyncio.create_task(w.run()) for w in workers]
        try:
            # The turn is refused while the slot moves: more often than a message that
            # keeps failing is tried before it is put aside (3 tries), or until it is.
            async def refused_long_enough() -> bool:
                return len(refusals.seen) >= 5 or bool(await store.redis.llen(keys.INBOUND_DEAD))

            await eventually(refused_long_enough, what="the turn refused while the slot moves")
            assert not await store.redis.llen(keys.INBOUND_DEAD), "put aside as failing"
            assert keys.transcript(key) not in move.held()  # nothing half-applied
            move.finish()

            async def answered() -> bool:
                log = await store.conversations.transcript(key)
                return any(e["direction"] == "out" for e in log)

            await eventually(answered, timeout=60, what="the answer once the slot has moved")

            async def acknowledged() -> bool:
                return await store.inbound.backlog() == 0

            await eventually(acknowledged, what="the message acknowledged")
        finally:
            for w in workers:
                w.stop()
            await asyncio.gather(*tasks)
            worker_log.removeHandler(refusals)
        log = await store.conversations.transcript(key)
        assert [e["message_id"] for e in log if e["direction"] == "in"] == ["m-1"]
        replies = [e for e in log if e["direction"] == "out"]
        assert await store.outbox.pending("telegram") == len(replies)  # queued once each
        assert await store.redis.llen(keys.INBOUND_DEAD) == 0, "not put aside as failing"
        assert await store.redis.zcard(keys.INTENTS) == 0
        owner = store.redis.get_node_from_key(keys.conversation(key))
        assert owner.port == move.target.port


async def test_a_turn_whose_commit_answer_is_lost_on_a_cluster_is_answered_once(
    settings: Settings, moving_cluster: ClusterSetup
) -> None:
    """The conversation's primary is reached through a proxy (it announces the proxy's
    port) that drops the connection once a step of the turn's commit holding the user's
    words has been sent and answered: applied, unconfirmed. The worker counts the store
    unavailable, reads the message again, finds the commit applied and finishes it:
    nothing is lost or doubled."""
    chat = "5550002"
    key = f"telegram:{chat}"
    primary = SlotMove(moving_cluster, key_slot(keys.conversation(key).encode())).source
    proxy = LostAnswers(f"redis://{primary.address}")
    await proxy.start()
    primary.client().config_set("cluster-announce-bus-port", primary.port + 10000)
    primary.client().config_set("cluster-announce-port", proxy.port)
    try:
        others = [n for n in moving_cluster.nodes if n is not primary]
        wait_for(
            lambda: all(f"127.0.0.1:{proxy.port}" in str(moving_cluster.known(n)) for n in others),
            "the other nodes to know the primary by the proxy's port",
        )  # (it names itself by its own port: the gateway asks the others)
        seeds = [n.address for n in others[:2]]
        async with open_runtime(on(settings, moving_cluster, seeds)) as rt:
            store = rt.store
            await store.redis.initialize()
            node_of = store.redis.get_node_from_key
            assert node_of(keys.conversation(key)).port == proxy.port
            shard = keys.inbound_stream(store.inbound.shard_of(key))
            assert node_of(shard).port != proxy.port  # the accept does not go through it
            text = "the scanner on floor 3 is offline"
            proxy.arm(text)  # in the commit's transcript entry (the accept is elsewhere)
            message = InboundMessage("telegram", chat, "m-1", text=text)
            assert await store.inbound.accept(message)
            workers = start_workers(rt, 1)
            tasks = [asyncio.create_task(w.run()) for w in workers]
            try:

                async def answered() -> bool:
                    log = await store.conversations.transcript(key)
                    out = any(e["direction"] == "out" for e in log)
                    return out and await store.inbound.backlog() == 0

                await eventually(answered, timeout=60, what="the answer")
            finally:
                for w in workers:
                    w.stop()
                await asyncio.gather(*tasks)
            assert proxy.lost == 1, "the commit's answer was lost once"
            log = await store.conversations.transcript(key)
            assert [e["message_id"] for e in log if e["direction"] == "in"] == ["m-1"]
            replies = [e for e in log if e["direction"] == "out"]
            assert await store.outbox.pending("telegram") == len(replies)  # queued once each
            assert await store.redis.llen(keys.INBOUND_DEAD) == 0
    finally:
        primary.client().config_set("cluster-announce-port", 0)
        await proxy.stop()
