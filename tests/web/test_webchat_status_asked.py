""" "Коли вже буде?", "any update?" in the web chat (issue 18): a question that names no
ticket gets the status of the visitor's own ticket in their language, and with none the
answer that there is none, never a new ticket. The real gateway, real Redis, the widget's
socket protocol."""

from __future__ import annotations

import asyncio

import aiohttp
from harness import Gateway, Visitor, seed_ticket

from emulators.server import WAIT_SECONDS
from gateway.store import Store
from gateway.texts import Texts

TEXTS = Texts.load()


async def bot_says(visitor: Visitor, wanted: str) -> str:
    """The first bot entry from now on that contains `wanted` (other replies are skipped,
    for at most WAIT_SECONDS in all)."""
    async with asyncio.timeout(WAIT_SECONDS):
        while True:
            entry = (await visitor.entry())["entry"]
            if entry.get("author") == "bot" and wanted in entry.get("text", ""):
                return str(entry["text"])


async def test_a_question_naming_no_ticket_gets_the_status_in_the_web_chat(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    visitor = Visitor(await http.ws_connect(gateway.ws_url, origin=gateway.url))
    await visitor.hello(lang="uk")
    chat_id = visitor.token.split(".")[0]
    ticket = await seed_ticket(store, chat_id=chat_id, language="uk")
    await visitor.say("коли вже буде?")
    card = await bot_says(visitor, f"{ticket.id} — {TEXTS.get('uk', 'status_new')}")
    assert TEXTS.get("uk", "status_queued") in card
    assert len(await store.tickets.for_conversation(f"webchat:{chat_id}", False)) == 1

    stranger = Visitor(await http.ws_connect(gateway.ws_url, origin=gateway.url))
    await stranger.hello(lang="en")
    await stranger.say("any update?")
    await bot_says(stranger, TEXTS.get("en", "status_none"))
    key = f"webchat:{stranger.token.split('.')[0]}"
    assert await store.tickets.for_conversation(key, False) == []
