"""A single server's connections pack commands with hiredis (`store/packing.py`): the
bytes on the wire are redis-py's own, what hiredis does not take is packed or refused as
redis-py does, and the store's values reach the server and come back unchanged."""

from __future__ import annotations

import pytest
from redis.asyncio.connection import Connection
from redis.exceptions import DataError

from gateway.store import Store
from gateway.store.packing import HiredisPacking
from gateway.store.topology import RedisTarget


class Packed(HiredisPacking, Connection):
    pass


COMMANDS = [
    ("SET", "k", "v"),
    ("EVALSHA", "a" * 40, 2, "lease:1", "t:conv:webchat:x", '[["HSET", "k", "f", "1"]]', ""),
    ("HSET", "k", "text", "Не друкує принтер — «HP» ✓ 🖨", "score", 0.1, "n", -7),
    ("ZADD", "z", 1764712345.123456, "m", 1e20, "n", float("inf"), "o", -0.0, "p"),
    ("SET", "big", 123456789012345678901234567890),
    ("SET", b"bin", b"\x00\xff\r\n$*"),
    ("CONFIG GET", "maxmemory"),  # a command of two words: split, as redis-py does
    (b"CLIENT SETNAME", b"firstline"),
    ("RPUSH", "t", "x" * 70_000),  # past redis-py's buffer cutoff (it sends it in chunks)
    ("SET", "view", memoryview(b"abc")),  # not hiredis's: redis-py's packer
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: str(c[0]))
def test_the_bytes_are_redis_pys(command: tuple[object, ...]) -> None:
    ours, redis_pys = Packed(), Connection()
    assert b"".join(ours.pack_command(*command)) == b"".join(redis_pys.pack_command(*command))


@pytest.mark.parametrize("value", [True, None, object()])
def test_what_redis_py_refuses_is_refused(value: object) -> None:
    with pytest.raises(DataError):
        Packed().pack_command("SET", "k", value)


def test_another_encoding_is_packed_by_redis_py() -> None:
    conn = Packed(encoding="latin-1")
    assert conn.pack_command("SET", "k", "é") == Connection(encoding="latin-1").pack_command(
        "SET", "k", "é"
    )


async def test_the_stores_connections_pack_with_hiredis_and_values_round_trip(
    redis_url: str,
) -> None:
    store = Store.connect(RedisTarget(url=redis_url), shards=4)
    try:
        assert issubclass(store.redis.connection_pool.connection_class, HiredisPacking)
        text = "Не друкує принтер — «HP» ✓ 🖨"
        pipe = store.redis.pipeline(transaction=False)
        pipe.hset("t:packing", mapping={"text": text, "score": 0.1, "n": -7})
        pipe.zadd("t:packing:z", {"m": 1764712345.123456})
        pipe.hgetall("t:packing")
        pipe.zscore("t:packing:z", "m")
        *_, stored, score = await pipe.execute()
        assert stored == {b"text": text.encode(), b"score": b"0.1", b"n": b"-7"}
        assert score == 1764712345.123456
        assert await store.redis.execute_command("CONFIG GET", "maxmemory")
    finally:
        await store.redis.delete("t:packing", "t:packing:z")
        await store.close()
