""" "Where is my ticket?" typed in a hurry, on Telegram (emulated Bot API, the real gateway,
real Redis): a typo in the ticket word or the question word still gets the ticket's card,
and opens nothing new."""

from __future__ import annotations

import pytest
from test_channel_conversations import TEXTS, Gateway, open_ticket, telegram_gateway, telegram_user

from emulators.telegram import TelegramEmulator
from gateway.store import keys

__all__ = ["telegram_gateway"]  # the fixture used below


@pytest.mark.parametrize(
    ("chat", "typed", "lang"),
    [(515151501, "какой сатус моей заяфки?", "ru"), (515151502, "wher is my tiket", "en")],
)
async def test_a_status_question_with_typos_gets_the_card(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator, chat: int, typed: str, lang: str
) -> None:
    gw = telegram_gateway
    user = telegram_user(telegram_api, chat)
    ticket, seen = await open_ticket(gw, user)
    tickets_before = await gw.rt.store.redis.get(keys.TICKET_SEQ)
    await user.say(typed)
    await user.sees(f"{ticket.id} — {TEXTS.get(lang, 'status_new')}", after=seen)
    assert user.buttons()[0] == TEXTS.get(lang, "btn_status_comment")
    assert await gw.rt.store.redis.get(keys.TICKET_SEQ) == tickets_before
