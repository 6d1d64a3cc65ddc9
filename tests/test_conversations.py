"""Turns of one shard taken together: one read and one commit round trip for several
conversations, each still applied on its own, in order, exactly once (real redis-server,
real dialog engine, the real worker)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from gateway.config import Settings
from gateway.dialogs.state import DialogState
from gateway.models import InboundMessage
from gateway.runtime import Runtime, open_runtime
from gateway.store import Fence, Store, Transaction, keys
from gateway.turns import start_workers

QUESTIONS = ["I forgot my password", "the printer is offline", "no sound on my laptop"]


def _chats_of_one_shard(store: Store, count: int) -> list[str]:
    shard = store.inbound.shard_of("webchat:c0")
    same = [f"c{n}" for n in range(400) if store.inbound.shard_of(f"webchat:c{n}") == shard]
    return same[:count]


async def _transcript(store: Store, chat: str) -> list[dict[str, Any]]:
    return await store.conversations.transcript(f"webchat:{chat}")


async def test_a_conversation_changed_during_a_group_is_answered_again_alone(
    settings: Settings,
) -> None:
    """One conversation of a group changes between the group's read and its commit (as
    when an operator takes it over): the others commit, that one's turn is computed
    again from what is stored now, and every message is answered exactly once."""
    async with open_runtime(settings) as rt:
        store = rt.store
        chats = _chats_of_one_shard(store, 4)
        changed = chats[1]
        real_commit_many = store.commit_many
        grouped: list[int] = []

        async def commit_many(txs: list[Transaction], fence: Fence) -> list[Any]:
            if not grouped:  # the first group: someone else writes to one conversation
                await store.redis.hset(
                    keys.conversation(f"webchat:{changed}"),
                    mapping={"channel": "webchat", "chat_id": changed, "user_name": "Op"},
                )
                await store.redis.hincrby(keys.conversation(f"webchat:{changed}"), "version", 1)
            grouped.append(len(txs))
            return await real_commit_many(txs, fence)

        store.commit_many = commit_many  # type: ignore[method-assign]
        for n, chat in enumerate(chats):
            text = QUESTIONS[n % len(QUESTIONS)]
            assert await store.inbound.accept(
                InboundMessage("webchat", chat, f"m-{chat}", text=text)
            )
        await _drain(rt)

        assert grouped[0] >= 2, "the shard's messages were taken together"
        for chat in chats:
            log = await _transcript(store, chat)
            assert [e["message_id"] for e in log if e["direction"] == "in"] == [f"m-{chat}"]
            assert [e for e in log if e["direction"] == "out"], f"{chat} got no answer"
        conv = await store.conversations.get(f"webchat:{changed}")
        assert conv is not None and conv.user_name == "Op"  # computed from what was stored
        replies = " ".join(
            e["text"] for e in await _transcript(store, changed) if e["direction"] == "out"
        )
        assert "print" in replies.lower()


async def test_a_chat_s_messages_in_one_batch_are_answered_in_order(settings: Settings) -> None:
    """A read batch holding the same chat twice: its second message sees the first's
    effects (the bot asked for the error; the answer fills it)."""
    async with open_runtime(settings) as rt:
        store = rt.store
        chats = _chats_of_one_shard(store, 3)
        batch = [
            (chats[0], "outlook does not send mail"),
            (chats[1], "I forgot my password"),
            (chats[0], "no"),
            (chats[2], "the printer is offline"),
            (chats[0], "it says error 0x800CCC0E"),
        ]
        for n, (chat, text) in enumerate(batch):
            assert await store.inbound.accept(InboundMessage("webchat", chat, f"m{n}", text=text))
        await _drain(rt)

        log = await _transcript(store, chats[0])
        assert [e["text"] for e in log if e["direction"] == "in"] == [
            "outlook does not send mail",
            "no",
            "it says error 0x800CCC0E",
        ]
        inbound_at = [n for n, e in enumerate(log) if e["direction"] == "in"]
        assert all(log[i + 1]["direction"] == "out" for i in inbound_at), "each got its answer"
        conv = await store.conversations.get(f"webchat:{chats[0]}")
        assert conv is not None and conv.version == 3
        assert "0x800CCC0E" in json.dumps(conv.state)


async def _drain(rt: Runtime, timeout: float = 60.0) -> None:
    """Run one real worker until every stored message is processed."""
    workers = start_workers(rt, 1)
    tasks = [asyncio.create_task(w.run()) for w in workers]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while await rt.store.inbound.backlog():
            if loop.time() > deadline:
                raise AssertionError("the messages were not processed in time")
            await asyncio.sleep(0.02)
    finally:
        for w in workers:
            w.stop()
        await asyncio.gather(*tasks)


async def test_a_dialog_is_stored_as_what_differs_from_a_new_one_and_continues_from_it(
    settings: Settings,
) -> None:
    """The dialog state is written every turn: only what differs from a new conversation's
    is stored (defaults are what loading gives a missing field), and the next message,
    taken by another worker run, continues from it."""
    async with open_runtime(settings) as rt:
        store = rt.store
        chat = "compact-state"
        for n, text in enumerate(["outlook does not send mail", "no"]):
            assert await store.inbound.accept(InboundMessage("webchat", chat, f"m{n}", text=text))
            await _drain(rt)
            raw = await store.redis.hget(keys.conversation(f"webchat:{chat}"), "state")
            stored = json.loads(raw)
            new = DialogState().to_dict()
            assert stored and all(stored[name] != new[name] for name in stored), stored
            assert DialogState.from_dict(stored).stored() == stored
        assert stored["asking"] and stored["asked"], "the checklist goes on"
        log = await _transcript(store, chat)
        inbound_at = [n for n, e in enumerate(log) if e["direction"] == "in"]
        assert len(inbound_at) == 2 and all(log[i + 1]["direction"] == "out" for i in inbound_at)
