"""A frozen Redis server: the store's calls fail by the configured socket timeout.

The bound is a timeout scope on the caller's task (`store/socket_bound.py`), not
redis-py's own socket timeout; whatever carries it, a call to a server that stopped
answering must fail as "store unavailable" (callers answer "try again later"), and the
store must work again once the server answers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis_topologies import RedisProcess, _data_node

from gateway.models import InboundMessage
from gateway.store import STORE_UNAVAILABLE, RedisTarget, Store

SOCKET_TIMEOUT = 0.2
# Only a guard against a hang: the store gives up after its five tries of 0.2 s and the
# backoff between them (under 2 s), long before this; redis-py's default socket timeout
# (5 s a try, which a single server's store used whatever was configured) would not.
GUARD_SECONDS = 8.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RedisProcess]:
    node = _data_node("frozen", tmp_path)
    node.start()
    try:
        yield node
    finally:
        node.resume()
        node.stop()


def message(n: int) -> InboundMessage:
    return InboundMessage("telegram", "42", f"m{n}", text=f"printer error {n}")


async def failure(call: object) -> BaseException:
    try:
        await asyncio.wait_for(call, GUARD_SECONDS)  # type: ignore[arg-type]
    except Exception as exc:  # the store's, or the guard's TimeoutError (no store error)
        return exc
    raise AssertionError("a call to a frozen server succeeded")


async def test_calls_to_a_frozen_server_fail_as_unavailable_and_work_once_it_answers(
    server: RedisProcess,
) -> None:
    target = RedisTarget(url=f"redis://{server.address}", socket_timeout=SOCKET_TIMEOUT)
    store = Store.connect(target, shards=4)
    try:
        assert await store.inbound.accept(message(1))
        server.pause()
        accepted = await failure(store.inbound.accept(message(2)))  # the shared pipeline
        backlog = await failure(store.inbound.backlog())  # a pipeline of its own
        read = await failure(store.inbound.read([0, 1, 2, 3], "c1", 10, 0))  # one command
        for error in (accepted, backlog, read):
            assert isinstance(error, STORE_UNAVAILABLE), repr(error)
        server.resume()
        # The channel retries the message it was refused: stored once, whether or not the
        # frozen server ran the first try once it woke.
        await store.inbound.accept(message(2))
        assert await store.inbound.accept(message(3))
        assert await store.inbound.backlog() == 3
    finally:
        server.resume()
        await store.close()
