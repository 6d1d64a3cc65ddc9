"""An operator resolves the ticket while the user is typing (the real gateway, real Redis,
emulated Telegram): what the user sent after the resolution, before its news reached
them, is neither lost nor taken as a rating; it reopens the ticket or starts a new request,
as README's "Ratings" says."""

from __future__ import annotations

import asyncio

from test_channel_conversations import (
    ANNA,
    Gateway,
    User,
    open_ticket,
    ru,
    taken,
    telegram_gateway,
    telegram_user,
)

from emulators.telegram import TelegramEmulator
from gateway.models import Ticket, TicketStatus

__all__ = ["telegram_gateway"]


async def held_ticket(gw: Gateway, user: User) -> tuple[Ticket, int]:
    """The user's printer ticket, taken over by Anna; how far the user read."""
    ticket, seen = await open_ticket(gw, user)
    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    seen = await user.sees(ru("ticket_taken", ticket_id=ticket.id), after=seen)
    return ticket, seen


async def said_once(gw: Gateway, user: User, text: str) -> None:
    await taken(gw, user, text)
    transcript = await gw.rt.store.conversations.transcript(user.conversation_key)
    assert [e["text"] for e in transcript if e["direction"] == "in"].count(text) == 1


async def test_still_broken_sent_as_the_ticket_is_resolved_reopens_it(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """The user's "всё равно не печатает" leaves as Anna presses Resolve: it comes after
    the resolution, before the user read its news or the rating question. It reopens the
    ticket (the user told so), and is not read as a score or a comment."""
    gw, chat = telegram_gateway, 717171717
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_ticket(gw, user)

    await gw.rt.desk.resolve(ticket.id, ANNA, "перезапущен спулер")
    await user.say("всё равно не печатает")
    await said_once(gw, user, "всё равно не печатает")
    await user.sees(ru("status_reopened", ticket_id=ticket.id), after=seen)
    reopened = await gw.rt.store.tickets.get(ticket.id)
    assert reopened is not None and reopened.status.is_active
    assert reopened.csat == 0 and reopened.resolution_counted == ""
    history = [e.action for e in await gw.rt.store.tickets.events(ticket.id)]
    assert history.index("resolved") < history.index("reopened")


async def test_another_problem_sent_as_the_ticket_is_resolved_is_a_new_request(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """The user's next problem, sent as Anna resolves the printer: a new request (the bot's
    answer for it), the printer ticket stays resolved, nothing rated."""
    gw, chat = telegram_gateway, 727272727
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_ticket(gw, user)

    await gw.rt.desk.resolve(ticket.id, ANNA, "перезапущен спулер")
    await user.say("а ещё сканер не сканирует, пишет нет связи")
    await said_once(gw, user, "а ещё сканер не сканирует, пишет нет связи")
    await user.sees(ru("did_it_help"), after=seen)
    done = await gw.rt.store.tickets.get(ticket.id)
    assert done is not None and done.status == TicketStatus.RESOLVED and done.csat == 0


async def test_still_broken_racing_the_resolution_is_kept_once_and_acted_on(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """The two at once (the webhook's message and the console's Resolve, each retried on
    the other's commit): whichever commits first, the message is kept once; taken before
    the resolution it was Anna's to read (and the ticket stays resolved), taken after it
    reopens the ticket."""
    gw, chat = telegram_gateway, 737373737
    user = telegram_user(telegram_api, chat)
    ticket, _ = await held_ticket(gw, user)

    await asyncio.gather(
        gw.rt.desk.resolve(ticket.id, ANNA, "перезапущен спулер"),
        user.say("всё равно не печатает"),
    )
    await said_once(gw, user, "всё равно не печатает")
    history = [e.action for e in await gw.rt.store.tickets.events(ticket.id)]
    now = await gw.rt.store.tickets.get(ticket.id)
    assert now is not None
    if "reopened" in history:  # taken after the resolution
        assert now.status.is_active
        await user.sees(ru("status_reopened", ticket_id=ticket.id))
    else:  # taken while Anna held it: hers to read, before the resolution's news
        assert now.status == TicketStatus.RESOLVED
        await user.sees(ru("csat_ask"))
