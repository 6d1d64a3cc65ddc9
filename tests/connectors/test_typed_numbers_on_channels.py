"""Typed numbers on Telegram, whose buttons are an inline keyboard the user never sees
numbered (outside pass, session 21): a "1" is what the user wrote."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from connectors.test_channel_conversations import (
    Gateway,
    open_ticket,
    ru,
    run_gateway,
    telegram_user,
)

from emulators.harness import with_telegram
from emulators.telegram import TelegramEmulator
from gateway.config import Settings


@pytest.fixture
async def telegram_gateway(
    settings: Settings, telegram_api: TelegramEmulator
) -> AsyncIterator[Gateway]:
    gw = await run_gateway(with_telegram(settings, telegram_api))
    yield gw
    await gw.runner.cleanup()


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
