"""Live transcript news: the commits of a round trip reach live readers in one message
that carries the entries written, and a socket sends each entry once, in order, reading
the store only for what the news did not bring."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from harness import Gateway

from gateway.store import CommitConflict, Store, Transaction, keys
from gateway.web.live import LiveHub, TranscriptSocket


async def until(done: Any, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not done():
        assert asyncio.get_running_loop().time() < deadline, "not told in time"
        await asyncio.sleep(0.01)


def turn(key: str, *texts: str, language: str = "") -> Transaction:
    """A turn's writes: the user's message and the replies, in the transcript."""
    tx = Transaction()
    tx.transcript(key, {"direction": "in", "text": texts[0]})
    for text in texts[1:]:
        tx.transcript(key, {"direction": "out", "text": text})
    if language:
        tx.hset(keys.conversation(key), {"language": language})
    return tx


async def published(store: Store, commits: Any) -> list[Any]:
    """The messages on the live channel while `commits` runs (up to a marker after it)."""
    pubsub = store.redis.pubsub()
    await pubsub.subscribe(keys.EVENTS_CHANNEL)
    got: list[Any] = []
    try:
        while (await pubsub.get_message(timeout=10))["type"] != "subscribe":
            pass
        await commits
        await store.redis.publish(keys.EVENTS_CHANNEL, '"marker"')
        while True:
            message = await pubsub.get_message(timeout=10)
            assert message is not None, "the marker never came"
            if message["type"] == "message":
                if json.loads(message["data"]) == "marker":
                    return got
                got.append(json.loads(message["data"]))
    finally:
        await pubsub.aclose()


async def test_the_commits_of_a_round_trip_are_told_in_one_message_with_their_entries(
    store: Store,
) -> None:
    if store.cluster:
        pytest.skip("a cluster's commits are told one by one, without their entries")
    await store.commit(turn("webchat:a", "hi"))  # the transcript has one entry before
    stale = turn("webchat:gone", "never stored")
    stale.expect(keys.conversation("webchat:gone"), "version", "7")

    async def together() -> None:
        _, many = await asyncio.gather(
            store.commit(turn("webchat:a", "printer offline", "Is it plugged in?", language="en")),
            store.commit_many([turn("webchat:b", "нет звука", language="ru"), stale]),
        )
        assert many[0] is None and isinstance(many[1], CommitConflict)

    messages = await published(store, together())

    assert len(messages) == 1  # one PUBLISH for the three commits of the round trip
    news = {item["conversation"]: item for item in messages[0]}
    assert sorted(news) == ["webchat:a", "webchat:b"]  # the conflicting commit told nothing
    for key, language in (("webchat:a", "en"), ("webchat:b", "ru")):
        stored = await store.conversations.transcript(key)
        assert news[key]["end"] == len(stored)  # where the transcript ends after the commit
        assert news[key]["entries"] == stored[len(stored) - len(news[key]["entries"]) :]
        assert news[key]["language"] == language
    assert [e["text"] for e in news["webchat:a"]["entries"]] == [
        "printer offline",
        "Is it plugged in?",
    ]


async def test_news_a_cut_short_round_trip_left_is_told_with_the_next_commit(
    store: Store,
) -> None:
    """A process killed between its commits and the PUBLISH that ends their round trip
    leaves their news waiting: the next commit of any process tells it."""
    if store.cluster:
        pytest.skip("a cluster publishes each commit's news after its steps")
    left = json.dumps({"type": "transcript", "conversation": "webchat:killed"})
    await store.redis.rpush(keys.LIVE_NEWS, left)
    messages = await published(store, store.commit(turn("webchat:next", "hello")))
    assert [[item["conversation"] for item in m] for m in messages] == [
        ["webchat:killed", "webchat:next"]
    ]
    assert await store.redis.llen(keys.LIVE_NEWS) == 0


class Screen:
    """A browser's socket: the frames it was sent."""

    def __init__(self) -> None:
        self.closed = False
        self.frames: list[dict[str, Any]] = []

    async def send_str(self, text: str) -> None:
        self.frames.append(json.loads(text))

    async def close(self, **_: Any) -> None:
        self.closed = True

    def shown(self) -> list[tuple[int, str]]:
        return [
            (e["index"], e["entry"]["text"])
            for f in self.frames
            if f["type"] == "entries"
            for e in f["entries"]
        ]


class Chat(TranscriptSocket):
    __slots__ = ("languages",)

    def __init__(self, ws: Any, key: str) -> None:
        super().__init__(ws, key)
        self.languages: list[str] = []

    async def entries_sent(self, store: Store, language: str) -> None:
        self.languages.append(language)


async def test_a_socket_shows_each_entry_once_in_order_reading_only_what_news_missed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    read_since = store.conversations.read_since

    async def counted(key: str, start: int) -> Any:
        reads.append(start)
        return await read_since(key, start)

    monkeypatch.setattr(store.conversations, "read_since", counted)
    key = "webchat:v"
    await store.commit(turn(key, "hello", "Hi! How can I help?"))  # before the page opened
    hub = LiveHub(store)
    screen = Screen()
    chat = Chat(screen, key)
    hub.follow(key, chat)
    hub.start()
    try:
        await asyncio.wait_for(hub.subscribed.wait(), 60)
        chat.start(store)
        await until(lambda: len(screen.shown()) == 2)
        await store.commit(turn(key, "no sound", "Is it muted?", language="en"))
        await until(lambda: len(screen.shown()) == 4)
        hub.unfollow(key, chat)  # the news of the next turn does not reach it
        await store.commit(turn(key, "no", "Which device?"))
        hub.follow(key, chat)
        await store.commit(turn(key, "laptop", "Try the volume key", language="ru"))
        await until(lambda: len(screen.shown()) == 8)
        await asyncio.sleep(0.2)  # anything sent twice would have arrived by now
    finally:
        await hub.stop()
        await chat.stop()
    assert screen.shown() == list(
        enumerate(
            [
                "hello",
                "Hi! How can I help?",
                "no sound",
                "Is it muted?",
                "no",
                "Which device?",
                "laptop",
                "Try the volume key",
            ]
        )
    )
    if not store.cluster:  # a cluster's news says only that a transcript changed
        assert reads == [0, 4]  # at the start, and for the turn whose news it missed
        assert chat.languages == ["", "en", "ru"]


async def test_a_process_listens_to_the_live_news_once_for_the_web_chat_and_the_console(
    gateway: Gateway,
) -> None:
    """Every message on the live channel is read and parsed by each subscription: the
    web chat's sockets and the console's share one."""
    from gateway.app import CONNECTORS, RUNTIME

    store = gateway.app[RUNTIME].store
    [hub] = {c.hub for c in gateway.app[CONNECTORS] if isinstance(getattr(c, "hub", None), LiveHub)}
    await asyncio.wait_for(hub.subscribed.wait(), 60)
    [(_, subscribers)] = await store.redis.pubsub_numsub(keys.EVENTS_CHANNEL)
    assert subscribers == 1
