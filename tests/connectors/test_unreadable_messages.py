"""Messages the channel delivers with nothing the gateway can read: an Instagram
`is_unsupported` message (a reel, an unsupported attachment), WhatsApp's "unsupported"
type (a poll, a video note), a Telegram die. Outside pass (session 21): Instagram's was
greeted as a hello, WhatsApp's got no answer at all, and on Telegram a die thrown while a
ticket was open was "added to the ticket". The user is told it could not be seen; the
conversation stays where it was."""

from __future__ import annotations

import secrets

from connectors.test_channel_conversations import (
    TEXTS,
    Gateway,
    messenger_user,
    meta_gateway,
    open_ticket,
    ru,
    telegram_gateway,
    telegram_user,
    whatsapp_user,
)

from emulators.meta import MetaEmulator
from emulators.telegram import TelegramEmulator

__all__ = ["meta_gateway", "telegram_gateway"]  # fixtures used below


async def test_an_unsupported_instagram_message_is_not_greeted(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    igsid = "17841400000000077"
    meta_api.ms_event(
        "instagram",
        igsid,
        {"message": {"mid": f"m_{secrets.token_hex(8)}", "is_unsupported": True}},
    )
    user = messenger_user(meta_api, igsid, "instagram")
    await user.sees(ru("unreadable"))
    assert ru("greet_reply") not in user.texts()


async def test_an_unsupported_whatsapp_message_is_answered_and_the_question_stays(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380507777777"
    user = whatsapp_user(meta_api, wa_id)
    await user.say("при проведении накладной ошибка ZX-417")
    seen = await user.sees("?")
    before = await meta_gateway.rt.store.conversations.get(user.conversation_key)
    assert before is not None
    offered = user.buttons()
    unsupported = {"errors": [{"code": 131051, "title": "Message type unknown"}]}
    meta_api.wa_send(wa_id, "unsupported", {}, **unsupported)
    seen = await user.sees(ru("unreadable"), after=seen)
    conv = await meta_gateway.rt.store.conversations.get(user.conversation_key)
    assert conv is not None and conv.state["phase"] == before.state["phase"]
    assert conv.state["buttons"] == before.state["buttons"]  # the question's own, offered again
    assert user.buttons() == offered


async def test_a_telegram_die_while_a_ticket_is_open_is_not_added_to_it(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    gw, chat = telegram_gateway, 535353535
    user = telegram_user(telegram_api, chat)
    ticket, seen = await open_ticket(gw, user)
    dice = {"emoji": "🎲", "value": 3}  # a thrown die: no text, no file
    await telegram_api.add_update({"message": telegram_api._message(chat, None, dice=dice)})
    await user.sees(ru("unreadable"), after=seen)
    assert not any(
        ru("ticket_note_added", ticket_id=ticket.id) in t for t in user.texts()[seen:]
    )


async def test_a_first_message_with_no_words_is_answered_in_the_users_app_language(
    telegram_gateway: Gateway, telegram_api: TelegramEmulator
) -> None:
    """A conversation's first message that has no words (a screenshot, a voice message, a
    die) was answered in the desk's default language, Russian, although Telegram says the
    user's app speaks Ukrainian or English; a first message with words already followed it.
    Outside pass, session 27."""
    photo = [{"file_id": "AgACscreen01", "file_unique_id": "s1", "width": 1280, "height": 960,
              "file_size": 2048}]  # fmt: skip
    voice = {"file_id": "AwACvoice01", "file_unique_id": "v1", "duration": 4}
    dice = {"emoji": "🎲", "value": 3}
    for chat, lang, content, key in (
        (545454541, "uk", {"photo": photo}, "text_only"),
        (545454542, "en", {"voice": voice}, "text_only"),
        (545454543, "en", {"dice": dice}, "unreadable"),
        (545454544, "ru", {"photo": photo}, "text_only"),
    ):
        who = telegram_api.user(chat, "Olena", lang)
        await telegram_api.add_update({"message": telegram_api._message(chat, who, **content)})
        user = telegram_user(telegram_api, chat)
        await user.sees(TEXTS.get(lang, key))
        assert user.texts() == [TEXTS.get(lang, key)]
