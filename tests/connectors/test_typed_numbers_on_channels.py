"""Typed numbers on Telegram, whose buttons are an inline keyboard the user never sees
numbered (outside pass, session 21): a "1" is what the user wrote."""

from __future__ import annotations

from connectors.test_channel_conversations import (
    ANNA,
    Gateway,
    open_ticket,
    ru,
    taken,
    telegram_gateway,
    telegram_user,
)

from emulators.telegram import TelegramEmulator

__all__ = ["telegram_gateway"]  # a fixture used below


async def test_a_typed_1_after_a_ticket_note_is_another_note(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, user = telegram_gateway, telegram_user(telegram_api, 515151515)
    ticket, seen = await open_ticket(gw, user)
    await user.say("у коллеги в кабинете то же самое")
    seen = await user.sees(ru("ticket_note_added", ticket_id=ticket.id), after=seen)
    assert user.buttons() == [ru("btn_new_request")]
    await user.say("1")  # the floor, say: no number was on the screen
    await user.sees(ru("ticket_note_added", ticket_id=ticket.id), after=seen)
    assert ru("new_request") not in user.texts()
    conv = await gw.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.state["phase"] == "ticket"
    assert conv.state["ticket_id"] == ticket.id


async def test_a_score_typed_after_the_rating_is_no_skip_and_no_comment(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, user = telegram_gateway, telegram_user(telegram_api, 525252525)
    ticket, seen = await open_ticket(gw, user)
    await gw.rt.desk.take_over(ticket.id, ANNA)
    await gw.rt.desk.resolve(ticket.id, ANNA, "перезапущен спулер")
    seen = await user.sees(ru("csat_ask"), after=seen)
    await user.press("5")
    seen = await user.sees(ru("csat_comment_ask"), after=seen)
    await user.say("1")
    seen = await user.sees(ru("csat_already", score=5), after=seen)
    assert ru("csat_thanks") not in user.texts() and user.buttons() == [ru("btn_skip")]
    await user.say("Анна всё быстро сделала")
    await user.sees(ru("csat_thanks"), after=seen)
    await taken(gw, user, "Анна всё быстро сделала")
    done = await gw.rt.store.tickets.get(ticket.id)
    assert done is not None and (done.csat, done.csat_comment) == (5, "Анна всё быстро сделала")
