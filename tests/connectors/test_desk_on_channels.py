"""The desk's dead ends on real channels (emulated Telegram and Viber, the real gateway):
keyboards that go away once answered, stale presses ignored politely, replies to users who
blocked the bot never counted as a response, and one Viber greeting."""

from __future__ import annotations

import copy

import pytest
from lost_answers import lost_answers
from test_channel_conversations import (
    ANNA,
    Gateway,
    open_ticket,
    ru,
    run_gateway,
    telegram_gateway,
    telegram_user,
    viber_gateway,
    viber_user,
)

from emulators.harness import with_telegram
from emulators.server import eventually
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.config import Settings
from gateway.models import TicketStatus
from gateway.operations import ActionRefused

__all__ = ["telegram_gateway", "viber_gateway"]  # fixtures used below


def keyboards(api: TelegramEmulator, chat: int) -> list[list[str]]:
    """The buttons still pressable in the app, message by message (empty ones left out)."""
    return [m.buttons for m in api.sent.get(chat, []) if m.buttons]


async def test_telegram_keyboards_go_once_answered_and_stale_presses_are_ignored(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, chat = telegram_gateway, 515151515
    user = telegram_user(telegram_api, chat)
    await user.say("не печатает принтер, пишет offline")
    seen = await user.sees(ru("did_it_help"))
    faq_answer = copy.deepcopy(telegram_api.last(chat))  # as the app showed it
    await user.press(ru("btn_yes"))
    seen = await user.sees(ru("csat_ask"), after=seen)
    # The answered question lost its buttons; only the rating is pressable now.
    await eventually(lambda: keyboards(telegram_api, chat) == [["1", "2", "3", "4", "5"]])
    assert ("editmessagereplymarkup" in [m for m, _ in telegram_api.calls])

    rating = copy.deepcopy(telegram_api.last(chat))
    await user.press("5")
    seen = await user.sees(ru("csat_comment_ask"), after=seen)
    await eventually(lambda: keyboards(telegram_api, chat) == [[ru("btn_skip")]])
    # A second tap on "5" that raced the keyboard's removal is not taken as a comment...
    await telegram_api.press(chat, "5", as_shown=rating)
    seen = await user.sees(ru("stale_button"), after=seen)
    # ...nor is "No" on the long-answered article a new conversation.
    await telegram_api.press(chat, ru("btn_no"), as_shown=faq_answer)
    seen = await user.sees(ru("stale_button"), after=seen)
    assert all(ru("greeting") not in t for t in user.texts())
    await user.press(ru("btn_skip"))
    await user.sees(ru("csat_thanks"), after=seen)

    outcomes = await gw.rt.store.redis.xrange("fl:outcomes")
    ratings = [f for _, f in outcomes if f[b"outcome"] == b"csat"]
    assert [(r[b"score"], r[b"comment"]) for r in ratings] == [(b"5", b"")]
    assert not [f for _, f in outcomes if f[b"outcome"] == b"csat_comment"]
    pressed = set(telegram_api.callback_ids)
    await eventually(lambda: pressed <= set(telegram_api.answered_callbacks), what="answers")


async def test_telegram_reply_to_a_user_who_blocked_the_bot_is_not_a_response(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, chat = telegram_gateway, 525252525
    user = telegram_user(telegram_api, chat)
    ticket, _ = await open_ticket(gw, user)
    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    await user.sees(ru("ticket_taken", ticket_id=ticket.id))
    telegram_api.blocked.add(chat)  # blocked quietly: only the next send finds out

    await gw.rt.desk.reply(ticket.id, ANNA, "Проверьте, пожалуйста, кабель")

    async def undone() -> bool:
        stored = await gw.rt.store.tickets.get(ticket.id)
        return stored is not None and stored.first_response_at == 0

    await eventually(undone, what="the undelivered reply taken back as a first response")
    stored = await gw.rt.store.tickets.get(ticket.id)
    assert stored is not None and stored.status == TicketStatus.OPEN
    events = [(e.actor, e.action) for e in await gw.rt.store.tickets.events(ticket.id)]
    assert ("channel", "reply_undelivered") in events
    assert "Проверьте, пожалуйста, кабель" not in user.texts()

    # Now the desk knows: the next reply is refused with the reason, and changes nothing.
    with pytest.raises(ActionRefused, match="blocked the bot on telegram"):
        await gw.rt.desk.reply(ticket.id, ANNA, "Алло?")
    again = await gw.rt.store.tickets.get(ticket.id)
    assert again is not None and (again.first_response_at, again.status) == (0, "open")

    # The user unblocks and writes: reachable again, and the reply goes through.
    telegram_api.blocked.discard(chat)
    await user.say("я снова здесь")

    async def reachable() -> bool:
        conv = await gw.rt.store.conversations.get(user.conversation_key)
        return conv is not None and not conv.blocked

    await eventually(reachable, what="the conversation reachable again")
    await gw.rt.desk.reply(ticket.id, ANNA, "Отлично, проверьте кабель")
    await user.sees("Отлично, проверьте кабель")
    answered = await gw.rt.store.tickets.get(ticket.id)
    assert answered is not None and answered.first_response_at > 0
    assert answered.status == TicketStatus.WAITING_FOR_USER


async def test_telegram_an_operator_reply_telegram_refuses_is_marked_failed_in_the_transcript(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """A reply Telegram will not take (400 "chat not found": the account is gone) goes to
    the dead letters, and the operator reading the ticket sees, under their reply, that it
    did not arrive and why: not a reply that looks sent."""
    gw, chat = telegram_gateway, 535353535
    user = telegram_user(telegram_api, chat)
    ticket, _ = await open_ticket(gw, user)
    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    await user.sees(ru("ticket_taken", ticket_id=ticket.id))
    telegram_api.fail_next("sendMessage", 400, "Bad Request: chat not found")

    await gw.rt.desk.reply(ticket.id, ANNA, "Проверьте, пожалуйста, кабель")

    async def failed_entries() -> list[dict[str, object]]:
        log = await gw.rt.store.conversations.transcript(user.conversation_key)
        return [e for e in log if e["direction"] == "system" and "delivery failed" in str(e)]

    await eventually(failed_entries, what="the failed reply in the transcript")
    (entry,) = await failed_entries()
    assert entry["text"] == "delivery failed: Bad Request: chat not found"
    log = await gw.rt.store.conversations.transcript(user.conversation_key)
    replied = next(i for i, e in enumerate(log) if e["text"] == "Проверьте, пожалуйста, кабель")
    assert log.index(entry) > replied
    assert len(await gw.rt.store.outbox.dead_letters(10)) == 1
    assert "Проверьте, пожалуйста, кабель" not in user.texts()


async def test_telegram_an_operator_reply_whose_store_answer_was_lost_is_shown_once(
    settings: Settings, telegram_api: TelegramEmulator, redis_url: str
) -> None:
    """Redis applied the reply's commit and the answer was lost (the connection broke):
    redis-py sent the commit again. The user sees the reply once, and the transcript
    keeps it once (before: twice, computed again after the resent commit's conflict)."""
    async with lost_answers(redis_url) as proxy:
        redis = settings.redis.model_copy(update={"url": proxy.url})
        gw = await run_gateway(
            with_telegram(settings.model_copy(update={"redis": redis}), telegram_api)
        )
        try:
            chat = 535353535
            user = telegram_user(telegram_api, chat)
            ticket, seen = await open_ticket(gw, user)
            assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
            seen = await user.sees(ru("ticket_taken", ticket_id=ticket.id), after=seen)

            proxy.arm("Проверьте кабель принтера")
            await gw.rt.desk.reply(ticket.id, ANNA, "Проверьте кабель принтера")
            assert proxy.lost == 1
            # Deliveries to a chat keep their order: a second copy would come before this.
            await gw.rt.desk.reply(ticket.id, ANNA, "Напишите, когда проверите")
            await user.sees("Напишите, когда проверите", after=seen)
            shown = user.texts()[seen:]
            assert shown == ["Анна: Проверьте кабель принтера", "Анна: Напишите, когда проверите"]
            logged = await gw.rt.store.conversations.transcript(user.conversation_key)
            assert [e["text"] for e in logged].count("Проверьте кабель принтера") == 1
        finally:
            await gw.runner.cleanup()


async def test_viber_user_who_unsubscribed_gets_no_reply_and_no_clock_change(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    gw, user_id = viber_gateway, "blocked-viber-user=="
    user = viber_user(viber_api, user_id)
    viber_api.user(user_id, name="Ivan", language="ru")
    ticket, _ = await open_ticket(gw, user)
    assert (await gw.rt.desk.take_over(ticket.id, ANNA)).won
    await user.sees(ru("ticket_taken", ticket_id=ticket.id))
    viber_api.unsubscribe(user_id)

    async def blocked() -> bool:
        conv = await gw.rt.store.conversations.get(user.conversation_key)
        return conv is not None and conv.blocked

    await eventually(blocked, what="the unsubscribe recorded")
    with pytest.raises(ActionRefused, match="blocked the bot on viber"):
        await gw.rt.desk.reply(ticket.id, ANNA, "Вы тут?")
    stored = await gw.rt.store.tickets.get(ticket.id)
    assert stored is not None
    assert (stored.first_response_at, stored.status) == (0, TicketStatus.OPEN)
    assert "Вы тут?" not in user.texts()


async def test_viber_greets_once_when_the_chat_is_opened(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "greeted-once=="
    user = viber_user(viber_api, user_id)
    viber_api.open_conversation(user_id, name="Ivan", language="ru")
    await user.sees(ru("greeting"))
    await user.say("не печатает принтер, пишет offline")
    await user.sees(ru("did_it_help"))
    assert sum(ru("greeting") in t for t in user.texts()) == 1
    assert viber_api.refused == []  # the bot's own greeting was never sent after the inline one
    transcript = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
    assert next(e["text"] for e in transcript if e["direction"] == "out") == ru("greeting")
