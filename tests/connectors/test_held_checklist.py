"""A conversation an operator holds while the bot's checklist for a new request waits
(the real gateway, real Redis, emulated Telegram): what the user is asked, what each
ticket holds, what the operator sees."""

from __future__ import annotations

import copy

from test_channel_conversations import (
    ANNA,
    Gateway,
    open_ticket,
    ru,
    taken,
    telegram_gateway,
    telegram_user,
)

from emulators.telegram import TelegramEmulator
from gateway.models import TicketStatus

__all__ = ["telegram_gateway"]

SCANNER = "не работает сканер в бухгалтерии, не сканирует"
# Typed while Anna held the printer ticket: answers to the scanner's checklist as the user
# meant them, a status question, a word for her.
WHILE_HELD = ["сканер Canon DR-C225", "что с моей заявкой?", "Windows 10", "спасибо, жду"]


async def test_a_held_conversation_leaves_the_new_requests_checklist_where_it_waited(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """desk37's hand-back probe said an answer typed while a person held the conversation
    seemed to move the checklist on: it does not (the state is the same after each message;
    the words go to the held ticket's operator, once). Resolved by her, the printer ticket's
    news was the bot's last word while its checklist still waited: the question is asked
    again after it, and the next words are its answer."""
    gw, chat = telegram_gateway, 616161616
    user = telegram_user(telegram_api, chat)
    printer, seen = await open_ticket(gw, user)
    await user.say("новая заявка")
    seen = await user.sees(ru("new_request"), after=seen)
    await user.say(SCANNER)
    seen = await user.sees(ru("did_it_help"), after=seen)
    await user.press(ru("btn_no"))
    seen = await user.sees("?", after=seen)
    question = user.texts()[-1]
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None
    assert (conv.state["phase"], conv.state["asking"]) == ("checklist", "tried")
    shown = copy.deepcopy(telegram_api.last(chat))

    assert (await gw.rt.desk.take_over(printer.id, ANNA)).won
    seen = await user.sees(ru("ticket_taken", ticket_id=printer.id), after=seen)
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None
    waiting = dict(conv.state)
    await telegram_api.press(chat, ru("btn_dont_know"), as_shown=shown)
    await taken(gw, user, ru("btn_dont_know"))
    for text in WHILE_HELD:
        await user.say(text)
        await taken(gw, user, text)
        conv = await gw.rt.store.conversations.get(user.conversation_key)
        assert conv is not None and conv.state == waiting, text  # the checklist did not move
    assert len(user.texts()) == seen  # the bot said nothing while Anna held it

    await gw.rt.desk.resolve(printer.id, ANNA, "переподключен к сети")
    seen = await user.sees(printer.id, after=seen)
    await user.sees(question, after=seen)  # the question waited on, after the news
    await user.say("перезагружал сканер")
    seen = await user.sees("?", after=seen + 1)

    # the scanner's request is still being collected: no ticket for it yet
    assert not await gw.rt.store.tickets.for_conversation(user.conversation_key)
    done = await gw.rt.store.tickets.get(printer.id)
    assert done is not None and done.status == TicketStatus.RESOLVED
    assert done.fields["product"] == "HP LaserJet 400"  # the printer's facts, untouched
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.state["fields"]["tried"] == "перезагружал сканер"
    transcript = await gw.rt.store.conversations.transcript(user.conversation_key)
    said = [e["text"] for e in transcript if e["direction"] == "in"]
    for text in WHILE_HELD:
        assert said.count(text) == 1  # kept once, where the operator reads it
