""" "Where is my ticket?" in the web chat, in English and Ukrainian (the real gateway, real
Redis, the widget's protocol over a WebSocket): with a number and without, another
visitor's number refused, a comment the owner sees as unread, "it works now" with its
rating, and "still broken" reopening it."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from harness import Console, Gateway, Visitor, seed_ticket

from emulators.server import in_one_window
from gateway.app import RUNTIME
from gateway.models import TicketStatus
from gateway.store import Store
from gateway.texts import Texts

TEXTS = Texts.load()

# lang: (a question without a number, one with {id}, the operator's reply, a comment)
WORDING = {
    "en": (
        "hi, how is my request going?",
        "any update on {id}?",
        "Please restart the scanner and tell me what it shows",
        "Restarted it, the light is still red",
    ),
    "uk": (
        "Підкажіть, що там з моєю заявкою?",
        "Який стан заявки {id}?",
        "Перезапустіть, будь ласка, сканер і напишіть, що він показує",
        "Перезапустив, індикатор досі червоний",
    ),
}
# lang: how the card tells when the last update came and when the ticket was resolved (past
# moments: "by 16:04 today", the due-time wording, read as a deadline)
PAST = {
    "en": ("Last update today at ", "Resolved today at "),
    "uk": ("Останнє оновлення сьогодні о ", "Вирішена сьогодні о "),
}


async def bot_says(visitor: Visitor, needle: str) -> dict[str, Any]:
    """The next message of the bot that contains `needle` (earlier ones are skipped)."""
    while True:
        frame = await visitor.entry()
        entry: dict[str, Any] = frame["entry"]
        if entry.get("direction") == "out" and needle in entry.get("text", ""):
            return entry


async def press(visitor: Visitor, entry: dict[str, Any], label: str) -> None:
    """Press the button `label` of a message, as the widget does."""
    button = next(b for b in entry["buttons"] if b["label"] == label)
    await visitor.say(button["label"], payload=button["payload"])


async def unread(console: Console, ticket_id: str) -> int:
    status, body = await console.get("/console/api/tickets?mine=1")
    assert status == 200
    return int(next(t["unread"] for t in body["tickets"] if t["id"] == ticket_id))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_ticket_status_in_the_web_chat(
    lang: str, gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    def t(key: str, **fmt: Any) -> str:
        return TEXTS.get(lang, key, **fmt)

    without_number, with_number, reply, comment = WORDING[lang]
    # the cards say "today at" of moments in this test: the desk's (UTC) day throughout
    await in_one_window(86_400, room=120)
    ws = await http.ws_connect(gateway.ws_url, origin=gateway.url)
    visitor = Visitor(ws)
    await visitor.hello(lang=lang)
    chat_id = visitor.token.split(".")[0]
    ticket = await seed_ticket(store, chat_id=chat_id, language=lang)
    someone_else = await seed_ticket(store, subject="VPN drops every hour", language=lang)
    bob = Console(http, gateway)
    assert (await bob.sign_in("bob"))[0] == 200
    assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
    assert (await bob.post(f"/console/api/tickets/{ticket.id}/reply", {"text": reply}))[0] == 200
    await bot_says_anything(visitor, reply)

    # Without a number: status, group, who has it, the last update, the next step.
    await visitor.say(without_number)
    card = await bot_says(visitor, f"{ticket.id} — {t('status_waiting_for_user')}")
    assert t("status_group", group=t("group_hardware")) in card["text"]
    assert t("status_handler", name="Bob") in card["text"]
    assert reply in card["text"]
    assert PAST[lang][0] in card["text"], card["text"]
    assert t("status_next_you") in card["text"]
    labels = [b["label"] for b in card["buttons"]]
    assert labels == [t("btn_status_comment"), t("btn_status_solved"), t("btn_status_person")]

    # Someone else's number reads exactly like a number that does not exist.
    await visitor.say(with_number.format(id=someone_else.id))
    foreign = await bot_says(visitor, t("status_not_found", ticket_id=someone_else.id))
    await visitor.say(with_number.format(id="HD-000999"))
    missing = await bot_says(visitor, t("status_not_found", ticket_id="HD-000999"))
    assert foreign["text"].replace(someone_else.id, "#") == missing["text"].replace(
        "HD-000999", "#"
    )
    assert foreign.get("buttons", []) == missing.get("buttons", []) == []
    assert someone_else.subject not in foreign["text"]

    # A comment lands on the ticket, and Bob's queue shows it unread.
    before = await unread(bob, ticket.id)
    await press(visitor, card, t("btn_status_comment"))
    await bot_says(visitor, t("status_comment_ask", ticket_id=ticket.id))
    await visitor.say(comment)
    await bot_says(visitor, t("status_commented", ticket_id=ticket.id))
    assert await unread(bob, ticket.id) > before
    history = [(e.actor, e.action, e.detail) for e in await store.tickets.events(ticket.id)]
    assert ("user", "user_comment", comment) in history

    # With a number: "it works now" resolves it and asks for a rating.
    await visitor.say(with_number.format(id=ticket.id))
    card = await bot_says(visitor, f"{ticket.id} — {t('status_open')}")
    await press(visitor, card, t("btn_status_solved"))
    rating = await bot_says(visitor, t("csat_ask"))
    await press(visitor, rating, "5")
    await bot_says(visitor, t("csat_comment_ask"))
    solved = await store.tickets.get(ticket.id)
    assert solved is not None and (solved.status, solved.csat) == (TicketStatus.RESOLVED, 5)

    # Still broken: it reopens and goes back to its queue, the SLA clock going on.
    await visitor.say(with_number.format(id=ticket.id))
    card = await bot_says(visitor, f"{ticket.id} — {t('status_resolved')}")
    assert PAST[lang][1] in card["text"], card["text"]
    assert [b["label"] for b in card["buttons"]] == [t("btn_status_reopen")]
    await press(visitor, card, t("btn_status_reopen"))
    await bot_says(visitor, t("status_reopened", ticket_id=ticket.id))
    reopened = await store.tickets.get(ticket.id)
    assert reopened is not None and reopened.status == TicketStatus.OPEN
    # desk34: the 5 was for the resolution that did not hold; the reopened ticket is unrated
    # (the console showed "★ 5" on it), the rating kept in its history
    assert (reopened.csat, reopened.csat_comment) == (0, "")
    history = [(e.action, e.detail) for e in await store.tickets.events(ticket.id)]
    assert ("rated", "5") in history
    assert reopened.resolution_due >= solved.resolution_due
    assert ticket.id in [q.id for q in await store.tickets.queue("hardware")]
    # No checklist, no new ticket: the visitor's conversation holds the one ticket.
    runtime = gateway.app[RUNTIME]
    mine = await runtime.store.tickets.for_conversation(f"webchat:{chat_id}", active_only=False)
    assert [m.id for m in mine] == [ticket.id]
    await ws.close()


async def bot_says_anything(visitor: Visitor, needle: str) -> None:
    """Wait until the conversation shows `needle`, whoever said it (an operator's reply)."""
    while True:
        frame = await visitor.entry()
        if needle in frame["entry"].get("text", ""):
            return
