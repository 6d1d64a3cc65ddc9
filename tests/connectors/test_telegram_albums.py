"""Telegram albums and edits through the emulator (issue 19; seen in session 21): photos sent
together arrive as one message each, the caption on the first. The album is one message to the
dialog: it answers "did it help?" once and one checklist question, and the transcript keeps
every photo. An edited message answers no question."""

from __future__ import annotations

from connectors.test_channel_conversations import (
    CHECKLIST_ANSWERS,
    QUESTION,
    Gateway,
    ru,
    telegram_gateway,
    telegram_user,
    ticket_of,
)

from emulators.telegram import TelegramEmulator

__all__ = ["telegram_gateway"]  # a fixture used below

FIELDS = {
    "problem": QUESTION,
    "tried": "перезагрузил принтер",
    "error": "offline",
    "product": "HP LaserJet 400",
    "os": "Windows 11",
    "since": "со вчера",
}


async def test_an_album_during_did_it_help_is_one_answer(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    chat = 646464646
    user = telegram_user(telegram_api, chat)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    photos = [b"\x89PNG-1", b"\x89PNG-2", b"\x89PNG-3"]
    await telegram_api.send_album(chat, photos, "нет, вот экран")
    for answer in CHECKLIST_ANSWERS:
        seen = await user.sees("?", after=seen)
        await user.say(answer)
    ticket = await ticket_of(telegram_gateway, user)
    await user.sees(ticket.id, after=seen)
    assert ticket.fields == FIELDS  # no photo took the place of an answer
    assert not any(ru("ask_yes_no") in t for t in user.texts())
    transcript = await telegram_gateway.rt.store.conversations.transcript(user.conversation_key)
    photos = [e for e in transcript if e["direction"] == "in" and e["attachments"]]
    assert len(photos) == 3  # each part is kept


async def test_an_edit_during_did_it_help_is_no_answer(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    chat = 656565656
    user = telegram_user(telegram_api, chat)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    await telegram_api.edit_text(chat, 1, QUESTION + ", на втором этаже")
    await user.press(ru("btn_yes"))
    await user.sees(ru("resolved_by_bot"), after=seen)
    assert not any(ru("intake_not_solved") in t for t in user.texts())
