""" "Where is my ticket?" on Telegram (emulated Bot API, the real gateway, real Redis):
with a number and without, another user's number refused, a comment, "it works now"
with its rating, and "still broken" reopening the ticket with its SLA clock going on."""

from __future__ import annotations

import time
from typing import Any

from test_channel_conversations import (
    ANNA,
    CHECKLIST_ANSWERS,
    QUESTION,
    TEXTS,
    Gateway,
    open_ticket,
    ru,
    telegram_gateway,
    telegram_user,
    ticket_of,
    viber_gateway,
    viber_user,
)

from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.dialogs.checklist import question
from gateway.models import Ticket, TicketStatus
from gateway.store import Transaction, keys

__all__ = ["telegram_gateway", "viber_gateway"]  # fixtures used below

REPLY = "Переподключил принтер к сети, попробуйте ещё раз"


def text(lang: str, key: str, **fmt: Any) -> str:
    return TEXTS.get(lang, key, **fmt)


async def stored(gw: Gateway, ticket_id: str) -> Ticket:
    ticket = await gw.rt.store.tickets.get(ticket_id)
    assert ticket is not None
    return ticket


async def held_by_anna(gw: Gateway, user: Any) -> tuple[Ticket, int]:
    """A ticket opened by `user`, taken over by Anna, who has answered them (what they saw)."""
    ticket, seen = await open_ticket(gw, user)
    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    await gw.rt.desk.reply(ticket.id, ANNA, REPLY)
    return ticket, await user.sees(REPLY, after=seen)


async def test_status_comment_works_now_and_reopen_on_telegram_in_russian(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, chat = telegram_gateway, 181818181
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_by_anna(gw, user)
    tickets_before = await gw.rt.store.redis.get(keys.TICKET_SEQ)

    # Without a number, in the user's own words, while Anna holds the conversation.
    await user.say("Подскажите, что там с моей заявкой?")
    seen = await user.sees(f"{ticket.id} — {ru('status_waiting_for_user')}", after=seen)
    card = user.texts()[seen - 1]
    assert ru("status_group", group=ru("group_hardware")) in card
    assert ru("status_handler", name="Анна") in card
    assert f"«{REPLY}»" in card  # the last public update
    assert ru("status_next_you") in card  # the clock waits for the user's answer
    assert user.buttons() == [
        ru("btn_status_comment"),
        ru("btn_status_solved"),
        ru("btn_status_person"),
    ]

    # A comment lands on the ticket: its history, and the clock runs again for Anna.
    await user.press(ru("btn_status_comment"))
    seen = await user.sees(ru("status_comment_ask", ticket_id=ticket.id), after=seen)
    await user.say("Переподключил, всё равно offline")
    seen = await user.sees(ru("status_commented", ticket_id=ticket.id), after=seen)
    history = [(e.actor, e.action, e.detail) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("user", "user_comment", "Переподключил, всё равно offline") in history
    commented = await stored(gw, ticket.id)
    assert commented.status == TicketStatus.OPEN and commented.sla_paused_at == 0

    # With a number: "it works now" resolves it, and the user rates it.
    await user.say(f"Статус {ticket.id}?")
    seen = await user.sees(f"{ticket.id} — {ru('status_open')}", after=seen)
    await user.press(ru("btn_status_solved"))
    seen = await user.sees(ru("csat_ask"), after=seen)
    await user.press("4")
    seen = await user.sees(ru("csat_comment_ask"), after=seen)
    solved = await stored(gw, ticket.id)
    assert (solved.status, solved.csat) == (TicketStatus.RESOLVED, 4)
    assert ("user", "resolved") in [
        (e.actor, e.action) for e in await gw.rt.store.tickets.events(ticket.id)
    ]
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.bot_owns  # the bot has the conversation again

    # Still broken: the recently resolved ticket reopens, its SLA clock going on.
    await user.say(f"что с заявкой {ticket.id}")
    seen = await user.sees(f"{ticket.id} — {ru('status_resolved')}", after=seen)
    assert user.buttons() == [ru("btn_status_reopen")]
    await user.press(ru("btn_status_reopen"))
    seen = await user.sees(ru("status_reopened", ticket_id=ticket.id), after=seen)
    reopened = await stored(gw, ticket.id)
    assert reopened.status == TicketStatus.OPEN and reopened.resolved_at == 0
    assert reopened.resolution_due >= solved.resolution_due  # the resolved time is not counted
    assert await gw.rt.store.redis.zscore(keys.SLA_TIMERS, ticket.id) is not None
    assert await gw.rt.store.redis.zscore(keys.group_queue("hardware"), ticket.id) is not None
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.active_ticket == ticket.id

    # None of it was a new problem: no checklist question, no new ticket.
    assert await gw.rt.store.redis.get(keys.TICKET_SEQ) == tickets_before
    assert await gw.rt.store.tickets.for_conversation(user.conversation_key, False) == [
        await stored(gw, ticket.id)
    ]


async def test_another_users_number_answers_like_a_missing_one_on_telegram(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw = telegram_gateway
    owner = telegram_user(telegram_api, 282828282)
    ticket, _ = await open_ticket(gw, owner)
    history = await gw.rt.store.tickets.events(ticket.id)
    missing = "HD-000777"
    for lang, chat, ask in (
        ("en", 292929291, "What's the status of {}?"),
        ("uk", 292929292, "Який статус заявки {}?"),
        ("ru", 292929293, "Какой статус у заявки {}?"),
    ):
        other = telegram_user(telegram_api, chat)
        await other.say(ask.format(ticket.id))
        seen = await other.sees(text(lang, "status_not_found", ticket_id=ticket.id))
        await other.say(ask.format(missing))
        await other.sees(text(lang, "status_not_found", ticket_id=missing), after=seen)
        foreign, absent = other.texts()[-2:]
        assert foreign.replace(ticket.id, "#") == absent.replace(missing, "#")
        assert ticket.subject not in foreign and other.buttons() == []
        # A forged press of a card button on that ticket changes nothing either.
        await telegram_api.add_update(
            {
                "callback_query": {
                    "id": f"forged{chat}",
                    "from": telegram_api.user(chat),
                    "chat_instance": f"-{chat}77",
                    "message": {
                        "message_id": 1,
                        "date": 0,
                        "chat": {"id": chat, "type": "private"},
                    },
                    "data": f"status:solved:{ticket.id}",
                }
            }
        )
        await other.sees(foreign, after=2)  # the answer to the forged press, the third

    assert (await stored(gw, ticket.id)).status == TicketStatus.NEW
    assert await gw.rt.store.tickets.events(ticket.id) == history


async def test_status_without_a_number_lists_every_open_ticket_in_english(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, chat = telegram_gateway, 373737373
    user = telegram_user(telegram_api, chat)
    await user.say("/lang en")
    first = await _ticket_by_person(gw, user, "The VPN client will not connect from home")
    second = await _ticket_by_person(gw, user, "Excel crashes when I open the budget file")
    await user.say("any news on my tickets?")
    seen = await user.sees(text("en", "status_header"))
    listing = user.texts()[seen - 1]
    for ticket in (first, second):
        assert f"{ticket.id} — {text('en', 'status_new')}: {ticket.subject}" in listing
    assert listing.count(text("en", "status_queued")) == 2
    assert user.buttons() == [second.id, first.id]  # the newest first
    await user.press(first.id)
    seen = await user.sees(f"{first.id} — {text('en', 'status_new')}", after=seen)
    next_step = text("en", "status_next_answer", when="WHEN").split("WHEN")[0]
    assert next_step in user.texts()[seen - 1]
    assert user.buttons()[0] == text("en", "btn_status_comment")


async def test_status_and_its_buttons_on_viber_in_ukrainian(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    gw, user_id = viber_gateway, "status-viber-user=="
    viber_api.user(user_id, name="Olena", language="uk")
    user = viber_user(viber_api, user_id)
    ticket, seen = await open_ticket(gw, user)  # in Russian, as the helper speaks
    await user.say("Підкажіть, будь ласка, стан мого звернення")
    seen = await user.sees(f"{ticket.id} — {text('uk', 'status_new')}", after=seen)
    assert text("uk", "status_queued") in user.texts()[seen - 1]
    assert user.buttons() == [
        text("uk", "btn_status_comment"),
        text("uk", "btn_status_solved"),
        text("uk", "btn_status_person"),
    ]
    await user.press(text("uk", "btn_status_person"))
    seen = await user.sees(text("uk", "status_person_asked", ticket_id=ticket.id), after=seen)
    history = [(e.actor, e.action) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("user", "person_requested") in history
    await user.say(f"{ticket.id}?")
    seen = await user.sees(f"{ticket.id} — {text('uk', 'status_new')}", after=seen)
    await user.press(text("uk", "btn_status_solved"))
    await user.sees(text("uk", "csat_ask"), after=seen)
    assert (await stored(gw, ticket.id)).status == TicketStatus.RESOLVED


async def _ticket_by_person(gw: Gateway, user: Any, problem: str) -> Ticket:
    """A ticket asked for straight away: /operator, the problem, "don't know" to the rest."""
    store = gw.rt.store.tickets
    before = {t.id for t in await store.for_conversation(user.conversation_key)}
    if before:  # the open ticket collects the user's words until a new request is asked for
        shown = len(user.texts())
        await user.say("new request")
        await user.sees(text("en", "new_request"), after=shown)
    shown = len(user.texts())
    await user.say("/operator")
    answered = await user.sees(text("en", "intake_person"), after=shown)
    await user.say(problem)
    dont_know = text("en", "btn_dont_know")

    async def next_step() -> tuple[str, Any] | None:
        new = [t for t in await store.for_conversation(user.conversation_key) if t.id not in before]
        if new:
            return "opened", new[0]
        if len(user.texts()) > answered and dont_know in user.buttons():
            return "asked", len(user.texts())
        return None

    while True:
        step, value = await eventually(next_step, what="a question or the ticket")
        if step == "opened":
            await user.sees(value.id, after=answered)
            return value  # type: ignore[no-any-return]
        answered = value
        await user.press(dont_know)


async def test_a_question_naming_no_ticket_gets_its_card_on_telegram(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """Issue 18: "Коли вже зроблять?" after a ticket opened in Russian is its status, in
    Ukrainian, with an apology for the wait; the impatience goes to the ticket's history."""
    gw, chat = telegram_gateway, 464646464
    user = telegram_user(telegram_api, chat)
    ticket, seen = await open_ticket(gw, user)
    tickets_before = await gw.rt.store.redis.get(keys.TICKET_SEQ)
    await user.say("Коли вже зроблять?")
    seen = await user.sees(f"{ticket.id} — {text('uk', 'status_new')}", after=seen)
    assert text("uk", "status_impatient") in user.texts()[seen - 2 : seen]
    assert user.buttons()[0] == text("uk", "btn_status_comment")
    history = [(e.actor, e.action, e.detail) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("user", "impatient", "Коли вже зроблять?") in history
    await user.say("є новини?")  # asked calmly: the card, no apology
    seen = await user.sees(f"{ticket.id} — {text('uk', 'status_new')}", after=seen)
    assert text("uk", "status_impatient") != user.texts()[seen - 2]
    assert await gw.rt.store.redis.get(keys.TICKET_SEQ) == tickets_before


async def test_a_question_naming_no_ticket_is_the_persons_while_they_hold_it(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """While Anna holds the conversation, "есть новости?" is asked of her: it reaches the
    ticket as the user's answer (the clock runs again for Anna), and the bot shows no card;
    a question about "my ticket" is still answered with the card (the first test)."""
    gw, chat = telegram_gateway, 474747474
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_by_anna(gw, user)
    assert (await stored(gw, ticket.id)).status == TicketStatus.WAITING_FOR_USER

    await user.say("есть новости?")

    async def answered() -> bool:
        return (await stored(gw, ticket.id)).status == TicketStatus.OPEN

    await eventually(answered, what="the user's words on Anna's ticket")
    assert not any(ticket.id in said for said in user.texts()[seen:])  # no card


async def test_still_broken_said_to_the_rating_reopens_the_ticket_on_telegram(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """Anna resolves the ticket; the user, asked to rate it, types that it still does not
    work. Before: "Не уверен, что понял, в чём проблема с ИТ" and the ticket stayed
    resolved (in English "Please send a number from 1 to 5"). Now it reopens as with the
    card's "still broken": back in its queue, the user told so, no new ticket."""
    gw, chat = telegram_gateway, 191919191
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_by_anna(gw, user)
    tickets_before = await gw.rt.store.redis.get(keys.TICKET_SEQ)
    await gw.rt.desk.resolve(ticket.id, ANNA, "переподключил")
    seen = await user.sees(ru("csat_ask"), after=seen)

    await user.say("всё равно не работает")
    seen = await user.sees(ru("status_reopened", ticket_id=ticket.id), after=seen)
    reopened = await stored(gw, ticket.id)
    assert reopened.status == TicketStatus.OPEN and reopened.resolved_at == 0
    assert await gw.rt.store.redis.zscore(keys.group_queue("hardware"), ticket.id) is not None
    history = [(e.actor, e.action) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert history[-1] == ("user", "reopened")
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.active_ticket == ticket.id
    # What the user says next goes to the reopened ticket: no checklist, no new ticket.
    await user.say("принтер всё так же offline")
    await user.sees(ru("ticket_note_added", ticket_id=ticket.id), after=seen)
    assert await gw.rt.store.redis.get(keys.TICKET_SEQ) == tickets_before


async def test_a_ticket_the_user_reopens_waits_in_its_queue_for_whoever_takes_it(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """Reopened by the user, the ticket kept Anna as its holder while the bot had the
    conversation: the console showed it "In progress · taken by anna", the user's card
    "in progress, Занимается: Анна", and Anna's reply was refused with "take the ticket
    over first (it is held by anna)". It is back in its group's queue with nobody holding
    it, as a ticket handed back is; whoever takes it answers the user."""
    gw, chat = telegram_gateway, 202020202
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_by_anna(gw, user)
    await gw.rt.desk.resolve(ticket.id, ANNA, "переподключил")
    seen = await user.sees(ru("csat_ask"), after=seen)
    await user.say(f"что с заявкой {ticket.id}")
    seen = await user.sees(f"{ticket.id} — {ru('status_resolved')}", after=seen)
    await user.press(ru("btn_status_reopen"))
    seen = await user.sees(ru("status_reopened", ticket_id=ticket.id), after=seen)
    seen = await user.sees(f"{ticket.id} — ", after=seen)
    card = user.texts()[seen - 1]
    assert card.startswith(f"{ticket.id} — {ru('status_in_queue')}")
    assert ru("status_handler", name="Анна") not in card
    reopened = await stored(gw, ticket.id)
    assert (reopened.status, reopened.assignee) == (TicketStatus.OPEN, "")
    assert reopened.shown_status == "in_queue"

    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    await gw.rt.desk.reply(ticket.id, ANNA, "Посмотрю ещё раз, минуту")
    await user.sees("Посмотрю ещё раз, минуту", after=seen)


async def test_still_not_printing_said_to_the_rating_of_the_printers_ticket_reopens_it_on_viber(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    """Anna resolves the printer's ticket; asked to rate it, the user writes "всё равно не
    печатает". Before: the printer named, it was read as a new request (the FAQ answer and
    the checklist again, a second ticket after it). Now the same thing said to go on reopens
    the ticket; another thing named is still a new request."""
    gw = viber_gateway
    user = viber_user(viber_api, "still-printing")
    ticket, seen = await held_by_anna(gw, user)
    tickets_before = await gw.rt.store.redis.get(keys.TICKET_SEQ)
    await gw.rt.desk.resolve(ticket.id, ANNA, "переподключил")
    seen = await user.sees(ru("csat_ask"), after=seen)

    await user.say("всё равно не печатает")
    seen = await user.sees(ru("status_reopened", ticket_id=ticket.id), after=seen)
    reopened = await stored(gw, ticket.id)
    assert reopened.status == TicketStatus.OPEN and reopened.resolved_at == 0
    assert [(e.actor, e.action) for e in await gw.rt.store.tickets.events(ticket.id)][-1] == (
        "user",
        "reopened",
    )
    assert not any(ru("did_it_help") in said for said in user.texts()[seen:])
    assert await gw.rt.store.redis.get(keys.TICKET_SEQ) == tickets_before

    # Resolved again; a VPN that fails "again" is another thing: a new request, not a reopen.
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.resolve(ticket.id, ANNA, "переподключил ещё раз")
    seen = await user.sees(ru("csat_ask"), after=seen)
    await user.say("опять не работает vpn")
    await user.sees("?", after=seen)
    assert (await stored(gw, ticket.id)).status == TicketStatus.RESOLVED
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.state["problem"] == "опять не работает vpn"


async def test_still_broken_said_to_the_rating_of_the_bots_answer_goes_back_to_its_no(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """The printer article helped ("Да"), the rating is asked; the user then writes "всё
    равно не работает". Before: "Не уверен, что понял, в чём проблема с ИТ" (in English
    "Please send a number from 1 to 5") and the facts given were lost. Now it is the "no"
    the article did not get: the person's questions, the error already given not asked,
    and the ticket at the end holds every fact."""
    gw, chat = telegram_gateway, 202020202
    user = telegram_user(telegram_api, chat)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    await user.press(ru("btn_yes"))
    seen = await user.sees(ru("csat_ask"), after=seen)

    await user.say("всё равно не работает")
    seen = await user.sees(ru("intake_not_solved"), after=seen)
    assert not any(ru("csat_again") in said for said in user.texts()[seen - 1 :])
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.state["phase"] == "checklist"
    assert conv.state["fields"]["error"] == "offline" and conv.state["problem"] == QUESTION
    for answer in CHECKLIST_ANSWERS:
        seen = await user.sees("?", after=seen)
        await user.say(answer)
    ticket = await ticket_of(gw, user)
    assert ticket.topic == "printer_offline" and ticket.fields["error"] == "offline"
    assert ticket.fields["problem"] == QUESTION and ticket.fields["since"] == "со вчера"


async def test_a_fault_back_on_a_ticket_resolved_too_long_ago_is_the_new_request_on_telegram(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """desk36: "still broken" of a ticket resolved 40 days ago was answered "resolved too
    long ago to reopen, describe the problem again", though the user had just described
    it. Now the words are the new request at once, as a first message: the printer's
    answer and "did it help?", then its checklist and a ticket that names the old one for
    the operator. A bare "нет" to the card's question tells nothing: it is still asked."""
    gw, chat = telegram_gateway, 212121212
    user = telegram_user(telegram_api, chat)
    ticket, seen = await held_by_anna(gw, user)
    await gw.rt.desk.resolve(ticket.id, ANNA, "переподключил")
    seen = await user.sees(ru("csat_ask"), after=seen)
    tx = Transaction()
    tx.update_ticket(ticket.id, {"resolved_at": time.time() - 40 * 86400})
    await gw.rt.store.commit(tx)

    said = "всё равно не печатает, та же ошибка offline"
    await user.say(said)
    seen = await user.sees(ru("did_it_help"), after=seen)
    shown = "\n".join(user.texts()[seen - 3 : seen])
    assert ru("reopen_late_new_request", ticket_id=ticket.id) in shown
    assert ru("status_reopen_late", ticket_id=ticket.id) not in "\n".join(user.texts())
    assert (await stored(gw, ticket.id)).status == TicketStatus.RESOLVED
    await user.press(ru("btn_no"))
    # desk37: the printer, the system and "the same error" are the old ticket's, not asked
    known = {f: ticket.fields[f] for f in ("product", "os", "error")}
    fields = {"problem": said, **known}
    for field, answer in (("tried", "почистил очередь"), ("since", "с утра")):
        seen = await user.sees(question(field, fields, TEXTS, "ru").text, after=seen)
        await user.say(answer)
    await user.sees(ru("ticket_opened", ticket_id="HD-000002", when="")[:20], after=seen)
    new = await stored(gw, "HD-000002")
    assert new.fields["problem"] == said and new.topic == "printer_offline"
    assert {f: new.fields[f] for f in known} == known and new.fields["since"] == "с утра"
    history = [(e.action, e.detail) for e in await gw.rt.store.tickets.events(new.id)]
    assert ("follows", ticket.id) in history
    old = [(e.action, e.detail) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("followed", new.id) in old
