"""A commit carries its texts to Redis as UTF-8: a Russian or Ukrainian reply used to
travel as \\u escapes (six bytes a letter instead of two, seven for a reply's delivery,
escaped twice), and whatever is written reads back as it was."""

from __future__ import annotations

import asyncio

from gateway.models import OutboundMessage
from gateway.store import Store, Transaction
from gateway.store.conversations import ConversationStore

TEXTS = [
    "Принтер пишет «офлайн», ничего не печатается",
    "Не працює пошта: помилка 0x800CCC0E, пароль змінено вчора",
    "emoji 😀, a line separator \u2028, a DEL \x7f, a tab \t and a newline \n",
    'quotes " and a backslash \\ and a slash /',
]


async def received_bytes(store: Store) -> int:
    """What the server (a cluster: its primaries) has received so far."""
    if not store.cluster:
        return int((await store.redis.info("stats"))["total_net_input_bytes"])
    nodes = store.redis.get_primaries()  # type: ignore[attr-defined]
    stats = await store.redis.info("stats", target_nodes=nodes)  # type: ignore[call-arg]
    return sum(int(node["total_net_input_bytes"]) for node in stats.values())


async def test_a_cyrillic_reply_goes_to_redis_in_its_own_bytes(store: Store) -> None:
    """A reply of 1,500 Cyrillic letters (a FAQ answer) is ~3 KB of UTF-8; written to the
    transcript and queued for delivery in one commit. The commit used to send ~21 KB."""
    text = ("Перезапустите принтер и проверьте очередь печати. " * 30)[:1500]
    warm_up = Transaction()  # the first commit loads the script
    warm_up.transcript("telegram:40", {"direction": "out", "text": "ok"})
    await store.commit(warm_up)
    conv, _ = await store.conversations.load("telegram:41", "telegram", "41")
    before = await received_bytes(store)
    tx = Transaction()
    tx.transcript(conv.key, {"direction": "out", "text": text})
    tx.deliver("telegram", "41", OutboundMessage(text=text))
    ConversationStore.save(tx, conv, 1.0)
    await store.commit(tx)
    sent = await received_bytes(store) - before

    # the text twice (a cluster: three times, the delivery in its intent and its step),
    # and the rest of the calls
    assert sent < (6 if store.cluster else 4) * len(text.encode()), sent
    assert (await store.conversations.transcript(conv.key))[-1]["text"] == text


async def test_texts_read_back_as_written(store: Store) -> None:
    conv, _ = await store.conversations.load("telegram:42", "telegram", "42")
    tx = Transaction()
    for text in TEXTS:
        tx.transcript(conv.key, {"direction": "out", "text": text})
        tx.deliver("telegram", "42", OutboundMessage(text=text))
    conv.state = {"fields": {"problem": TEXTS[0], "error": TEXTS[1]}, "note": TEXTS[2]}
    ConversationStore.save(tx, conv, 1.0)
    await store.commit(tx)

    assert [e["text"] for e in await store.conversations.transcript(conv.key)] == TEXTS
    await store.outbox.ensure_group("telegram")
    queued = await store.outbox.read("telegram", "test", 10, 1)
    assert [e.delivery.message.text for e in queued] == TEXTS
    again, _ = await store.conversations.load("telegram:42", "telegram", "42")
    assert again.state == conv.state


async def test_text_utf8_cannot_carry_fails_its_own_commit_only(store: Store) -> None:
    """A lone surrogate (refused at the door, but if one got through) fails its commit in
    the script, as before: not the round trip it shares with another conversation's."""
    good, bad = Transaction(), Transaction()
    good.transcript("telegram:43", {"direction": "out", "text": "Привет"})
    bad.transcript("telegram:44", {"direction": "out", "text": "broken \ud800 text"})
    results = await asyncio.gather(store.commit(good), store.commit(bad), return_exceptions=True)

    assert results[0] is None
    assert isinstance(results[1], Exception)
    assert [e["text"] for e in await store.conversations.transcript("telegram:43")] == ["Привет"]
    assert await store.conversations.transcript("telegram:44") == []
