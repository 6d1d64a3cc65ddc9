"""Durable, deduplicated intake and ordered processing against a real redis-server."""

from __future__ import annotations

import asyncio
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from emulators.server import in_one_window
from gateway.models import InboundMessage, OutboundMessage, RateLimit, RateLimited
from gateway.store import Fence, InboundEntry, Store, Transaction, keys
from gateway.store.conversations import ConversationStore
from gateway.store.embedded import EmbeddedRedis, bundled_redis_server
from gateway.worker import InboundWorker


def msg(chat: str, n: int, channel: str = "telegram") -> InboundMessage:
    return InboundMessage(channel=channel, chat_id=chat, message_id=f"{chat}-{n}", text=f"#{n}")


async def test_repeated_channel_message_id_is_stored_once(store: Store) -> None:
    first = await store.inbound.accept(msg("42", 1))
    again = await store.inbound.accept(msg("42", 1))
    other_channel = await store.inbound.accept(msg("42", 1, channel="viber"))

    assert (first, again, other_channel) == (True, False, True)
    entries = await store.inbound.read(list(range(store.inbound.shards)), "c1", 100, 10)
    assert sorted((e.message.channel, e.message.text) for e in entries) == [
        ("telegram", "#1"),
        ("viber", "#1"),
    ]


async def test_a_message_over_a_rate_limit_is_counted_and_not_stored(store: Store) -> None:
    def limits(chat: str) -> list[RateLimit]:
        return [RateLimit("chat", chat, 3), RateLimit("addr", "10.0.0.7", 5)]

    await in_one_window(60)  # the limits' windows: every message in one
    stored = [await store.inbound.accept(msg("a", n), limits("a")) for n in range(3)]
    for n in (3, 4, 5):  # over its chat's limit: the address's budget is not used up
        with pytest.raises(RateLimited) as per_chat:
            await store.inbound.accept(msg("a", n), limits("a"))
    assert await store.inbound.accept(msg("b", 1), limits("b"))  # the address's 4th
    assert await store.inbound.accept(msg("b", 2), limits("b"))  # and 5th: within
    with pytest.raises(RateLimited) as per_address:
        await store.inbound.accept(msg("b", 3), limits("b"))

    assert stored == [True, True, True]
    assert per_chat.value.limit.scope == "chat"
    assert per_address.value.limit.scope == "addr"
    assert 0 < per_chat.value.retry_after <= 60
    entries = await store.inbound.read(list(range(store.inbound.shards)), "c1", 100, 10)
    assert sorted(e.message.message_id for e in entries) == ["a-0", "a-1", "a-2", "b-1", "b-2"]
    # The same counters as every other hit of these scopes (what the address has used).
    assert (await store.operators.hit("addr", "10.0.0.7", 60))[0] == 7
    assert (await store.operators.hit("chat", "a", 60))[0] == 7


async def test_a_rate_window_keeps_the_ttl_it_got_when_it_opened(store: Store) -> None:
    """A window's counter expires once, when the window is over: later messages in it
    count without setting its TTL again (before, each one did: a command a limit)."""
    limits = [RateLimit("chat", "t", 100)]
    await in_one_window(60)
    counter = keys.rate_window("chat", "t", int(time.time() // 60))
    assert await store.inbound.accept(msg("t", 0), limits)
    assert 59 <= await store.redis.ttl(counter) <= 61
    await store.redis.expire(counter, 30)  # as if half the window had passed
    assert await store.inbound.accept(msg("t", 1), limits)
    assert await store.inbound.accept(msg("t", 2), limits)
    assert await store.redis.get(counter) == b"3"
    assert 28 <= await store.redis.ttl(counter) <= 30


async def test_accepts_arriving_together_each_get_their_own_answer(store: Store) -> None:
    await store.redis.script_flush()  # as after a restart: the script is loaded again
    messages = [msg(f"c{n % 7}", n) for n in range(60)]
    limited = [RateLimit("chat", "busy", 2)]

    answers = await asyncio.gather(
        *(store.inbound.accept(m) for m in messages),
        *(store.inbound.accept(m) for m in messages[:10]),  # repeats in the same burst
        *(store.inbound.accept(msg("busy", n), limited) for n in range(4)),
        return_exceptions=True,
    )

    # Of two identical accepts in one burst exactly one is new. Which one is not promised:
    # on a cluster each accept goes on its own, so the repeat may land first.
    assert answers[10:60] == [True] * 50
    pairs = zip(answers[:10], answers[60:70], strict=True)
    assert all(sorted(pair) == [False, True] for pair in pairs)
    busy = answers[70:]
    accepted_busy = [f"busy-{n}" for n, answer in enumerate(busy) if answer is True]
    assert len(accepted_busy) == 2
    assert all(isinstance(a, RateLimited) for a in busy if a is not True)
    entries = await store.inbound.read(list(range(store.inbound.shards)), "c1", 1000, 10)
    assert sorted(e.message.message_id for e in entries) == sorted(
        [m.message_id for m in messages] + accepted_busy
    )
    if store.cluster:  # calls made together go one by one there, in no promised order
        return
    for chat in {m.chat_id for m in messages}:  # each conversation's messages in call order
        mine = [e.message.text for e in entries if e.message.chat_id == chat]
        assert mine == [m.text for m in messages if m.chat_id == chat]


async def test_messages_of_a_conversation_stay_in_order_with_three_workers(store: Store) -> None:
    chats = [f"chat{i}" for i in range(12)]
    per_chat = 25
    processed: dict[str, list[int]] = {c: [] for c in chats}

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        await asyncio.sleep(random.uniform(0, 0.003))  # workers interleave at every await
        await store.commit(_recorded(entry, ack), fence)
        processed[entry.message.chat_id].append(int(entry.message.text[1:]))

    workers = [InboundWorker(store, handler, lease_seconds=1, block_ms=50) for _ in range(3)]
    tasks = [asyncio.create_task(w.run()) for w in workers]
    # The shards are shared out: every worker holds some, and every shard has a holder.
    await _until(
        lambda: (
            all(w.held for w in workers)
            and sum(len(w.held) for w in workers) == store.inbound.shards
        )
    )
    for n in range(per_chat):
        for chat in random.sample(chats, len(chats)):
            assert await store.inbound.accept(msg(chat, n))
    await _until(lambda: sum(map(len, processed.values())) == len(chats) * per_chat)
    await _stop(workers, tasks)

    await _assert_in_order(store, chats, per_chat)
    assert sum(w.processed for w in workers) == len(chats) * per_chat
    assert all(w.processed > 0 for w in workers), "shards were not spread over the workers"
    assert await store.inbound.backlog() == 0


async def test_order_holds_when_a_shard_s_messages_are_taken_in_groups(store: Store) -> None:
    """Messages of different chats are committed together (one round trip), a chat's next
    message only after its previous one; a member of a group that is not done (a conflict,
    a failure) is run alone before the chat's next message, exactly once."""
    chats = [f"g{i}" for i in range(10)]
    per_chat = 12
    groups: list[list[str]] = []
    alone: list[str] = []

    async def together(
        entries: list[InboundEntry], fence: Fence, acks: list[list[list[str]]]
    ) -> list[bool]:
        groups.append([e.message.conversation_key for e in entries])
        await asyncio.sleep(random.uniform(0, 0.003))
        kept = [random.random() > 0.2 for _ in entries]  # the others "conflicted"
        txs = [_recorded(e, a) for e, a, keep in zip(entries, acks, kept, strict=True) if keep]
        failures = await store.commit_many(txs, fence)
        assert failures == [None] * len(txs)
        return kept

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        alone.append(entry.message.conversation_key)
        await store.commit(_recorded(entry, ack), fence)

    for n in range(per_chat):  # a backlog first: reads come in batches of many chats
        for chat in random.sample(chats, len(chats)):
            assert await store.inbound.accept(msg(chat, n))
    workers = [
        InboundWorker(store, handler, lease_seconds=1, block_ms=50, together=together)
        for _ in range(2)
    ]
    tasks = [asyncio.create_task(w.run()) for w in workers]
    await _until(lambda: sum(w.processed for w in workers) == len(chats) * per_chat)
    await _stop(workers, tasks)

    await _assert_in_order(store, chats, per_chat)
    assert all(len(set(g)) == len(g) for g in groups), "a group holds a chat at most once"
    assert max(map(len, groups)) > 1, "messages were never taken together"
    assert alone, "no member of a group was left to run alone"
    assert await store.inbound.backlog() == 0


async def _stop(workers: list[InboundWorker], tasks: list[asyncio.Task[None]]) -> None:
    for w in workers:
        w.stop()
    await asyncio.gather(*tasks)


async def _assert_in_order(store: Store, chats: list[str], per_chat: int) -> None:
    """Each chat's messages were recorded once each, in the order they were sent."""
    for chat in chats:
        stored = [int(x[1:]) for x in await store.redis.lrange(f"test:order:{chat}", 0, -1)]
        assert stored == list(range(per_chat)), chat


def _recorded(entry: InboundEntry, ack: list[list[str]]) -> Transaction:
    """A turn that only records the message in its chat's order list, and retires it."""
    tx = Transaction()
    tx.raw("RPUSH", f"test:order:{entry.message.chat_id}", entry.message.text)
    tx.ops.extend(ack)
    return tx


async def test_commit_by_a_worker_that_lost_its_lease_is_discarded(store: Store) -> None:
    await store.inbound.accept(msg("7", 1))
    shard = store.inbound.shard_of("telegram:7")
    assert await store.leases.acquire(shard, "old-worker", 60_000)
    entries = await store.inbound.read([shard], "old-worker", 10, 10)
    await store.redis.delete(f"fl:in:{{{shard}}}:lease")
    assert await store.leases.acquire(shard, "new-worker", 60_000)

    tx = Transaction()
    tx.raw("SET", "test:effect", "1")
    tx.ops.extend(store.inbound.ack_ops(entries[0]))
    from gateway.store import LeaseLost

    try:
        await store.commit(tx, store.leases.fence(shard, "old-worker"))
        raise AssertionError("commit should have been refused")
    except LeaseLost:
        pass
    assert await store.redis.get("test:effect") is None
    assert not await store.leases.renew(shard, "old-worker", 60_000)
    reclaimed = await store.inbound.reclaim(shard, "new-worker")
    assert [e.message.text for e in reclaimed] == ["#1"]


async def test_a_worker_starved_past_its_lease_keeps_the_shard_nobody_took(store: Store) -> None:
    """A lease that ran out (a loaded host) while no other worker took the shard costs
    nothing: the turn commits, the lease is renewed, and nobody else can take it then."""
    await store.inbound.accept(msg("8", 1))
    shard = store.inbound.shard_of("telegram:8")
    assert await store.leases.acquire(shard, "slow-worker", 60_000)
    entries = await store.inbound.read([shard], "slow-worker", 10, 10)
    await store.redis.delete(keys.shard_lease(shard))  # expired: the worker was starved

    tx = Transaction()
    tx.raw("SET", "test:effect", "1")
    for entry in entries:
        tx.ops.extend(store.inbound.ack_ops(entry))
    await store.commit(tx, store.leases.fence(shard, "slow-worker"))
    assert await store.redis.get("test:effect") == b"1"
    assert await store.inbound.backlog() == 0
    assert await store.leases.renew(shard, "slow-worker", 60_000)
    assert not await store.leases.acquire(shard, "other-worker", 60_000)


async def _until(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


async def test_backlog_counts_unread_and_pending_messages_on_redis_6_2(tmp_path: Path) -> None:
    """The embedded default ships Redis 6.2, whose consumer groups report no `lag`."""
    with EmbeddedRedis(tmp_path / "r62", appendonly=False, binary=bundled_redis_server()) as url:
        store = Store.from_url(url, shards=4)
        try:
            info = await store.redis.info("server")
            assert str(info["redis_version"]).startswith("6.2.")
            await store.prepare()
            for n in range(5):
                assert await store.inbound.accept(msg(f"c{n}", 1))
            assert await store.inbound.backlog() == 5  # nobody has read any of them yet

            read = await store.inbound.read(list(range(4)), "w1", 2, 10)
            assert await store.inbound.backlog() == 5  # read is not processed
            tx = Transaction()
            tx.ops.extend(store.inbound.ack_ops(read[0]))
            await store.commit(tx)
            await store.inbound.give_up(read[1])
            assert await store.inbound.backlog() == 3
        finally:
            await store.close()


async def test_a_shard_whose_read_met_an_outage_is_taken_up_again_and_kept(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A consumer whose read fails (Redis restarting) leaves its shard to the balancer,
    which takes it up again. Nothing of the failed consumer's reaches Redis later: redis-py
    retries a command through a restart, so a release sent then could land after the
    shard was taken up again and take that new lease away (the worker then left the shard
    as expired, and its turns in flight were refused)."""
    shard = store.inbound.shard_of("telegram:outage")
    reads, acquired = store.inbound.read, asyncio.Event()
    failed: list[int] = []

    async def read_failing_once(shards: list[int], *args: object) -> list[InboundEntry]:
        if shard in shards and not failed:  # the read of its shard (and others, read with it)
            failed.append(shard)
            raise RedisConnectionError("Connection closed by server.")
        return await reads(shards, *args)  # type: ignore[arg-type]

    acquire, release, renew = store.leases.acquire, store.leases.release, store.leases.renew
    renewals: list[int] = []

    async def renew_counted(s: int, token: str, ttl_ms: int) -> bool:
        renewals.append(s)
        return await renew(s, token, ttl_ms)

    async def acquire_seen(s: int, token: str, ttl_ms: int) -> bool:
        taken = await acquire(s, token, ttl_ms)
        if s == shard and failed and taken:
            acquired.set()
        return taken

    async def release_landing_late(s: int, token: str) -> None:
        if s == shard and failed:
            await acquired.wait()  # as a retried command lands once Redis is back
        await release(s, token)

    store.inbound.read = read_failing_once  # type: ignore[method-assign]
    store.leases.acquire = acquire_seen  # type: ignore[method-assign]
    store.leases.release = release_landing_late  # type: ignore[method-assign]
    store.leases.renew = renew_counted  # type: ignore[method-assign]
    done: list[str] = []

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        await store.commit(_recorded(entry, ack), fence)
        done.append(entry.message.message_id)

    worker = InboundWorker(store, handler, lease_seconds=1, block_ms=50)
    task = asyncio.create_task(worker.run())
    await _until(lambda: bool(failed) and acquired.is_set())
    assert await store.inbound.accept(msg("outage", 1))
    await _until(lambda: done == ["outage-1"])
    since = len(renewals)
    await _until(lambda: renewals[since:].count(shard) >= 3)  # three rounds of the balancer
    holder = await store.redis.get(keys.shard_holder(shard))
    await _stop([worker], [task])
    assert holder == worker.id.encode()
    lost = [r.getMessage() for r in caplog.records if "lease" in r.getMessage()]
    assert lost == []
    assert await store.redis.lrange("test:order:outage", 0, -1) == [b"#1"]


async def test_a_turn_commit_sent_again_after_it_was_applied_is_kept_once(store: Store) -> None:
    """redis-py sends a command again after a connection error, also when the server had
    applied it and died before answering (the embedded redis-server SIGKILLed mid-traffic).
    The same turn's commit sent again is done already: the message is in the transcript
    once and its reply queued once. Before, it failed its version check and the turn was
    computed again from the state it had written: the message was kept twice."""

    async def turn(n: int) -> Transaction:
        assert await store.inbound.accept(msg("77", n))
        [entry] = await store.inbound.read([store.inbound.shard_of("telegram:77")], "w", 10, 10)
        conv, _ = await store.conversations.load("telegram:77", "telegram", "77")
        tx = Transaction()
        tx.transcript(conv.key, {"direction": "in", "text": f"#{n}", "message_id": f"77-{n}"})
        tx.deliver("telegram", "77", OutboundMessage(text=f"reply {n}"))
        ConversationStore.save(tx, conv, 1.0 + n)
        tx.ops.extend(store.inbound.ack_ops(entry))
        return tx

    first = await turn(1)
    await store.commit(first)
    await store.commit(first)  # sent again: no CommitConflict, nothing written twice
    second = await turn(2)  # the conversation's next message still commits
    assert await store.commit_many([second]) == [None]
    assert await store.commit_many([second, first]) == [None, None]

    transcript = await store.conversations.transcript("telegram:77")
    assert [e["text"] for e in transcript] == ["#1", "#2"]
    assert await store.outbox.pending("telegram") == 2
    assert await store.inbound.backlog() == 0


async def test_turns_of_several_shards_committing_together_share_a_round_trip(store: Store) -> None:
    """A worker's shards each commit a turn at the same moment, beside a visitor's accept
    and a socket catching up: one round trip for all of them on a single server, and each
    still gets its own answer (applied, a conflict, a lost lease), as when sent alone."""
    chats = [f"s{n}" for n in range(40)]
    by_shard = {store.inbound.shard_of(f"telegram:{c}"): c for c in chats}
    assert len(by_shard) == store.inbound.shards
    for shard, chat in by_shard.items():
        assert await store.inbound.accept(msg(chat, 1))
        assert await store.leases.acquire(shard, "w", 60_000)
    await store.redis.rpush(keys.transcript("telegram:s-read"), '{"text": "old"}')
    entries = await store.inbound.read(sorted(by_shard), "w", 100, 10)
    conflicted, fenced_off = entries[0], entries[1]
    await store.redis.delete(keys.shard_lease(fenced_off.shard))  # taken over meanwhile
    assert await store.leases.acquire(fenced_off.shard, "other", 60_000)

    def turn(entry: InboundEntry) -> Transaction:
        tx = _recorded(entry, store.inbound.ack_ops(entry))
        if entry is conflicted:  # someone changed what this turn was computed from
            tx.expect("test:version", "v", "1")
        return tx

    fences = {e.shard: store.leases.fence(e.shard, "w") for e in entries}
    warm = Transaction()  # the scripts loaded, as on a running server
    warm.raw("SET", "test:warm", "1")
    await store.commit(warm)
    await store.conversations.read_since("telegram:s-read", 0)
    reads_before = await _reads_processed(store)
    *committed, accepted, page = await asyncio.gather(
        *(store.commit_many([turn(e)], fences[e.shard]) for e in entries),
        store.inbound.accept(msg("s-new", 1)),
        store.conversations.read_since("telegram:s-read", 0),
    )
    reads = await _reads_processed(store) - reads_before

    assert [type(r[0]).__name__ for r in committed[:2]] == ["CommitConflict", "LeaseLost"]
    assert [r[0] for r in committed[2:]] == [None] * (len(entries) - 2)
    assert accepted is True
    assert [e["text"] for e in page.entries] == ["old"]
    for entry in entries[2:]:
        assert await store.redis.lrange(f"test:order:{entry.message.chat_id}", 0, -1) == [b"#1"]
    for entry in entries[:2]:
        assert not await store.redis.exists(f"test:order:{entry.message.chat_id}")
    assert await store.inbound.backlog() == 3  # the two not applied, and the new message
    if not store.cluster:  # the calls and the INFO after them (a cluster: each on its own)
        assert reads <= 3, reads


async def _reads_processed(store: Store) -> int:
    """How many times the redis-server read a client's socket (its round trips)."""
    return int((await store.redis.info("stats"))["total_reads_processed"])


async def test_a_worker_waits_for_all_its_shards_in_one_read(store: Store) -> None:
    """One blocking read for every shard a worker holds, not one per shard: a message on
    any of them wakes it, and a Redis connection is not held per shard. Messages of every
    shard are still processed, each once, in order."""
    chats = [f"w{i}" for i in range(12)]
    assert len({store.inbound.shard_of(f"telegram:{c}") for c in chats}) == store.inbound.shards
    done: list[str] = []

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        await store.commit(_recorded(entry, ack), fence)
        done.append(entry.message.message_id)

    worker = InboundWorker(store, handler, lease_seconds=1, block_ms=50)
    task = asyncio.create_task(worker.run())
    await _until(lambda: len(worker.held) == store.inbound.shards)
    waiting = [1]
    for _ in range(0 if store.cluster else 20):  # idle: one read at a time (a cluster: one
        # per shard, each stream on its own node)
        clients = (await store.redis.execute_command("CLIENT", "LIST")).decode().splitlines()
        waiting.append(sum(1 for c in clients if "cmd=xreadgroup" in c and "flags=b" in c))
        await asyncio.sleep(0.02)
    for n in range(3):
        for chat in chats:
            assert await store.inbound.accept(msg(chat, n))
    await _until(lambda: len(done) == len(chats) * 3)
    await _stop([worker], [task])

    assert max(waiting) == 1, waiting
    await _assert_in_order(store, chats, 3)
    assert await store.inbound.backlog() == 0


async def test_a_message_read_for_a_worker_that_never_reached_it_is_still_processed(
    store: Store,
) -> None:
    """After a store outage Redis may answer a read the worker had given up on: the
    message is then pending for the worker, which never saw it, while the conversation's
    next message is processed. It is processed too (late, once), not left pending for good
    nor taken for one already applied."""
    if store.cluster:
        pytest.skip("a cluster commits a turn in slot steps (store/slot_steps.py)")
    done: list[str] = []

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        await store.commit(_recorded(entry, ack), fence)
        done.append(entry.message.text)

    worker = InboundWorker(store, handler, lease_seconds=1, block_ms=50, worker_id="w-lost")
    task = asyncio.create_task(worker.run())
    await _until(lambda: len(worker.held) == store.inbound.shards)
    await asyncio.sleep(0.5)  # its consumers reclaimed what was pending and wait for more
    # Message #0 arrives and a read hands it to the worker in the same instant, but the
    # answer goes to a connection the worker had dropped (here: the test's own call).
    shard = store.inbound.shard_of("telegram:lost")
    stream = keys.inbound_stream(shard)
    pipe = store.redis.pipeline(transaction=True)
    pipe.xadd(stream, {"m": json.dumps(msg("lost", 0).to_dict())})
    pipe.xreadgroup(keys.INBOUND_GROUP, "w-lost", {stream: ">"}, count=10)
    await pipe.execute()
    assert await store.inbound.accept(msg("lost", 1))
    await _until(lambda: bool(done), timeout=10)
    assert done == ["#1"]  # the worker knows nothing of #0
    await _until(lambda: len(done) == 2, timeout=20)
    await asyncio.sleep(0.5)
    await _stop([worker], [task])

    assert done == ["#1", "#0"]
    assert sorted(await store.redis.lrange("test:order:lost", 0, -1)) == [b"#0", b"#1"]
    assert await store.inbound.backlog() == 0


async def test_a_turn_longer_than_the_stranded_age_is_not_taken_from_its_worker(
    store: Store,
) -> None:
    """A message in a worker's hands for more than two leases (a long first message read
    off the event loop, the leases renewed meanwhile) or waiting its turn behind one was
    taken for one a lost read left pending: the shard was dropped, the turn in hand cut
    off, and the messages read again (a long one three times in a loaded run). Now what
    the worker holds is no stranded entry: each message is processed once, in order."""
    beats: list[float] = []
    calls: list[str] = []
    release = asyncio.Event()

    async def handler(entry: InboundEntry, fence: Fence, ack: list[list[str]]) -> None:
        calls.append(entry.message.text)
        if entry.message.text == "#0":
            await release.wait()  # the long turn: the balancer beats meanwhile
        await store.commit(_recorded(entry, ack), fence)

    worker = InboundWorker(store, handler, lease_seconds=0.3, block_ms=50, worker_id="w-long")
    heartbeat = store.leases.heartbeat

    async def counted(*args: Any, **kwargs: Any) -> Any:
        beats.append(time.monotonic())
        return await heartbeat(*args, **kwargs)

    store.leases.heartbeat = counted  # type: ignore[method-assign]
    task = asyncio.create_task(worker.run())
    await _until(lambda: len(worker.held) == store.inbound.shards)
    for n in range(3):
        assert await store.inbound.accept(msg("long", n))
    await _until(lambda: calls == ["#0"])
    before = len(beats)
    # Two leases and more go by (at least 8 rounds of a balancer beating every 0.1 s).
    await _until(lambda: len(beats) >= before + 8)
    release.set()
    await _until(lambda: len(calls) >= 3)
    await asyncio.sleep(0.5)
    await _stop([worker], [task])

    assert calls == ["#0", "#1", "#2"]
    assert await store.redis.lrange("test:order:long", 0, -1) == [b"#0", b"#1", b"#2"]
    assert await store.inbound.backlog() == 0
