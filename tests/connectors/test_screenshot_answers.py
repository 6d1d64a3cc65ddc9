"""A screenshot sent as the answer to a checklist question (outside pass, session 21): it
is noted "(см. вложение)" in the ticket, and the next question named that note as the
product: "На какой операционной системе работает (см. вложение)?"."""

from __future__ import annotations

from connectors.test_channel_conversations import Gateway, ru, telegram_gateway, telegram_user

from emulators.telegram import TelegramEmulator

__all__ = ["telegram_gateway"]  # a fixture used below


async def test_no_question_names_the_screenshot_note(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    chat = 545454545
    user = telegram_user(telegram_api, chat)
    await user.say("при проведении накладной в программе выскакивает ошибка ZX-417")
    seen = await user.sees(ru("did_it_help"))
    await user.press(ru("btn_no"))
    seen = await user.sees(ru("ask_tried"), after=seen)
    for _ in range(4):  # a screenshot for every question asked
        await telegram_api.send_photo(chat, b"\x89PNG-screenshot")
        seen = await user.sees("", after=seen)
        if user.buttons() != [ru("btn_dont_know")]:
            break
    note = ru("attachment_noted")
    asked = [t for t in user.texts() if t.endswith("?") or "?" in t]
    assert asked and not any(note in t for t in user.texts()), user.texts()
