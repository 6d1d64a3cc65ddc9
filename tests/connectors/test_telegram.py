"""The Telegram connector against the emulated Bot API, through the real aiogram client."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import weakref
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram.methods.base import Response
from aiohttp import web
from pydantic import SecretStr
from sending import sent_or_given_up

from emulators.harness import FAST_BACKOFF, TG_SECRET, Intake, stored_inbound, with_telegram
from emulators.server import LoopbackServer, eventually, free_port
from emulators.telegram import TelegramEmulator
from gateway.config import ConfigError, Settings, TelegramSettings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.connectors.ratelimit import SendRateLimiter
from gateway.connectors.telegram import WEBHOOK_PATH, TelegramConnector
from gateway.models import ALBUM, Attachment, Button, OutboundMessage
from gateway.store import Store, Transaction

CHAT = 111111111


def no_pacing() -> SendRateLimiter:
    return SendRateLimiter(per_chat_rate=1000, per_chat_burst=1000, global_rate=1000)


@pytest.fixture
async def polling(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> AsyncIterator[tuple[TelegramConnector, Intake]]:
    connector = TelegramConnector(
        with_telegram(settings, telegram_api), store, backoff=FAST_BACKOFF, limiter=no_pacing()
    )
    intake = Intake(store)
    await connector.start(intake)
    yield connector, intake
    await connector.stop()


async def test_replies_are_paced_at_telegrams_limits_unless_configured_otherwise(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> None:
    limits = TelegramSettings()
    assert (limits.per_chat_rate, limits.global_rate) == (1.0, 30.0)  # Telegram's published
    shipped = TelegramConnector(with_telegram(settings, telegram_api, per_chat_rate=1.0), store)
    faster = TelegramConnector(with_telegram(settings, telegram_api, per_chat_rate=4.0), store)
    try:
        for connector, gap in ((shipped, 1.02), (faster, 0.255)):
            # The next message to the same chat waits its slot; another chat does not.
            assert connector.limiter.reserve_chat("7") == 0.0
            assert connector.limiter.reserve_chat("7") == pytest.approx(gap, abs=0.01)
            assert connector.limiter.reserve_chat("8") == 0.0
        free = 0
        while shipped.limiter.take_global() == 0.0:
            free += 1
        assert free == 30  # one second's worth overall, then sends wait
    finally:
        for connector in (shipped, faster):
            await connector.bot.session.close()


async def test_polling_turns_each_update_kind_into_one_inbound_message(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    connector, intake = polling
    await telegram_api.send_text(CHAT, "/start")
    await telegram_api.send_text(CHAT, "не печатает принтер")
    await telegram_api.send_photo(CHAT, b"\x89PNG-screenshot-bytes", caption="вот ошибка")
    await telegram_api.send_document(CHAT, b"%PDF-1.4 log", "log.pdf", "application/pdf")
    await telegram_api.edit_text(CHAT, 2, "не печатает принтер, пишет offline")
    await eventually(lambda: len(intake.accepted) == 5, what="five updates stored")

    start, text, photo, document, edited = intake.accepted
    assert (start.kind, start.text, start.language_hint) == ("start", "/start", "ru")
    assert (text.kind, text.text, text.chat_id, text.user_name) == (
        "message",
        "не печатает принтер",
        str(CHAT),
        "Ivan",
    )
    assert photo.text == "вот ошибка"
    assert [(a.kind, a.size) for a in photo.attachments] == [("photo", 21)]
    assert photo.attachments[0].file_id.startswith("AgACbig")  # the largest size is kept
    assert [(a.kind, a.name, a.mime_type) for a in document.attachments] == [
        ("document", "log.pdf", "application/pdf")
    ]
    assert (edited.kind, edited.text) == ("edited", "не печатает принтер, пишет offline")
    assert ALBUM not in photo.meta  # a photo sent alone is no album
    # Dedupe key: the update_id; everything is in the durable inbound stream.
    assert len({m.message_id for m in intake.accepted}) == 5
    assert len(await stored_inbound(store)) == 5
    # The offset moved past the batch and Telegram was told (next getUpdates confirms it).
    last_update = int(edited.message_id)
    await eventually(
        lambda: store.get_cursor("telegram", "offset"), what="stored offset"
    )  # set after the batch
    assert await store.get_cursor("telegram", "offset") == str(last_update + 1)
    await eventually(lambda: not telegram_api.pending, what="updates confirmed")

    # Operators can fetch a user's file through getFile and the file URL.
    assert await connector.download(photo.attachments[0].file_id) == b"\x89PNG-screenshot-bytes"


async def test_an_album_arrives_as_its_parts_marked_as_one_album(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    """Photos sent together are one update each; the album's id says they go together, so
    the dialog reads them as one message (tests/dialogs/test_albums_and_edits.py)."""
    intake = polling[1]
    await telegram_api.send_album(CHAT, [b"\x89PNG-1", b"\x89PNG-2"], caption="вот ошибка")
    await telegram_api.send_album(CHAT, [b"\x89PNG-3", b"\x89PNG-4"])
    await eventually(lambda: len(intake.accepted) == 4, what="four parts stored")
    parts = [(m.text, m.meta.get(ALBUM), len(m.attachments)) for m in intake.accepted]
    assert [(text, n) for text, _, n in parts] == [("вот ошибка", 1), ("", 1), ("", 1), ("", 1)]
    albums = [album for _, album, _ in parts]
    assert albums[0] == albums[1] != albums[2] == albums[3] and all(albums)


async def test_group_chats_are_no_one_person_and_are_not_taken_in(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    """A conversation is a chat: added to a group, the bot took every member's messages as
    one user's, so anyone there saw the others' tickets ("where is my ticket?"), commented,
    solved or reopened them, and pressed buttons sent for someone else. Groups, supergroups
    and channels are not taken in; a private chat is."""
    intake = polling[1]
    anna, boris = telegram_api.user(201, "Anna"), telegram_api.user(202, "Boris")
    for n, (kind, who) in enumerate((("group", anna), ("supergroup", boris), ("channel", anna))):
        chat = {"id": -1001 - n, "type": kind, "title": "IT questions"}
        message = {"message_id": 1, "date": int(time.time()), "from": who, "chat": chat}
        await telegram_api.add_update({"message": message | {"text": "где моя заявка?"}})
        await telegram_api.add_update({"edited_message": message | {"text": "статус HD-000001"}})
        await telegram_api.add_update({"callback_query": {
            "id": f"9{n}", "from": boris, "chat_instance": "1", "data": "status:solved:HD-000001",
            "message": message | {"from": telegram_api.user(1, "bot")},
        }})  # fmt: skip
    await telegram_api.send_text(CHAT, "не печатает принтер")
    await eventually(lambda: intake.accepted, what="the private chat's message stored")
    await eventually(lambda: not telegram_api.pending, what="updates confirmed")
    taken = [(m.chat_id, m.text) for m in intake.accepted]
    assert taken == [(str(CHAT), "не печатает принтер")]
    assert len(await stored_inbound(store)) == 1


async def test_buttons_become_an_inline_keyboard_and_presses_come_back_as_payloads(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    connector, intake = polling
    long_payload = "kb:article:" + "printer-offline-" * 6  # 107 bytes > 64
    await connector.send(
        str(CHAT),
        OutboundMessage(
            text="Помогло?",
            buttons=(Button("Да, помогло", "faq:yes"), Button("Нет", long_payload)),
        ),
    )
    shown = telegram_api.last(CHAT)
    assert shown is not None and shown.text == "Помогло?"
    assert shown.buttons == ["Да, помогло", "Нет"]

    await telegram_api.press(CHAT, "Да, помогло")
    await telegram_api.press(CHAT, "Нет")
    await eventually(lambda: len(intake.accepted) == 2, what="two presses stored")
    yes, no = intake.accepted
    assert (yes.payload, yes.text, yes.kind) == ("faq:yes", "Да, помогло", "message")
    assert (no.payload, no.text) == (long_payload, "Нет")  # restored from the stand-in
    # Both callback queries were answered, so the user's spinner stops.
    await eventually(lambda: len(telegram_api.answered_callbacks) == 2, what="answers")


async def test_short_buttons_share_a_row_and_long_texts_are_split(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    connector, _ = polling
    await connector.send(
        str(CHAT),
        OutboundMessage(text="Оцените", buttons=tuple(Button(str(i), f"csat:{i}") for i in (1, 5))),
    )
    markup = telegram_api.last(CHAT).reply_markup  # type: ignore[union-attr]
    assert markup == {
        "inline_keyboard": [
            [{"text": "1", "callback_data": "csat:1"}, {"text": "5", "callback_data": "csat:5"}]
        ]
    }
    paragraph = "Проверьте кабель питания и сетевое подключение принтера.\n"
    text = paragraph * 150  # ~8.6k characters
    await connector.send(str(CHAT), OutboundMessage(text=text, buttons=(Button("OK", "ok"),)))
    parts = telegram_api.sent[CHAT][1:]
    assert len(parts) == 3 and all(len(p.text) <= 4096 for p in parts)
    assert "\n".join(p.text for p in parts).strip() == text.strip()
    assert [p.reply_markup is not None for p in parts] == [False, False, True]


async def test_replies_build_no_answer_class_again_after_a_garbage_collection(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    """aiogram reads each Bot API answer with a pydantic class that pydantic keeps only
    weakly; rebuilt after every collection, it cost 10-20 ms of CPU a send (issue 13)."""
    connector, _ = polling
    keyboard = OutboundMessage(text="Помогло?", buttons=(Button("Да", "faq:yes"),))
    await connector.send(str(CHAT), keyboard)
    await connector.send(str(CHAT), OutboundMessage(text="Спасибо"))  # the keyboard goes too
    # What an earlier test built and nothing holds (a getFile's Response[File]) goes first:
    # whether a collection had already taken it decided the test, not the sends.
    gc.collect()
    built = [weakref.ref(answer) for answer in Response.__subclasses__()]
    assert built
    gc.collect()
    await connector.send(str(CHAT), keyboard)
    await connector.send(str(CHAT), OutboundMessage(text="Спасибо"))
    assert telegram_api.texts(CHAT) == ["Помогло?", "Спасибо"] * 2
    assert all(answer() is not None for answer in built)
    assert len(Response.__subclasses__()) == len(built)


async def test_operator_replies_show_the_operators_name(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    connector, _ = polling
    reply = OutboundMessage(text="Перезагрузите", author="operator:anna", author_name="Анна")
    await connector.send(str(CHAT), reply)
    assert telegram_api.texts(CHAT) == ["Анна: Перезагрузите"]


async def test_bot_api_errors_map_to_delivery_errors(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    connector, _ = polling
    hello = OutboundMessage(text="hello")
    telegram_api.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(DeliveryError) as flood:
        await connector.send(str(CHAT), hello)
    assert (flood.value.retry_after, flood.value.permanent) == (7.0, False)

    telegram_api.fail_next("sendMessage", 500, "Internal Server Error")
    with pytest.raises(DeliveryError) as server:
        await connector.send(str(CHAT), hello)
    assert (server.value.retry_after, server.value.permanent) == (None, False)

    telegram_api.fail_next("sendMessage", 400, "Bad Request: chat not found")
    with pytest.raises(DeliveryError) as bad:
        await connector.send(str(CHAT), hello)
    assert bad.value.permanent and not isinstance(bad.value, RecipientBlocked)

    await telegram_api.block(CHAT)
    with pytest.raises(RecipientBlocked, match="bot was blocked by the user"):
        await connector.send(str(CHAT), hello)
    assert telegram_api.texts(CHAT) == []


async def test_a_429_holds_the_bots_other_sends_until_its_retry_after(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    """Flood control is the bot's: after a 429 no other chat is sent to until its
    `retry_after` passes (before, they went on at 30/s, and Telegram lengthens the wait
    of a bot that keeps sending)."""
    connector, _ = polling
    assert connector.limiter.take_global() == 0.0  # free to send
    telegram_api.fail_next("sendMessage", 429, "Too Many Requests: retry after 30", 30)
    with pytest.raises(DeliveryError) as flood:
        await connector.send(str(CHAT), OutboundMessage(text="hello"))
    assert flood.value.retry_after == 30.0
    assert connector.limiter.take_global() > 0  # every chat's next send waits


async def test_an_operators_file_that_takes_long_to_upload_is_sent_once(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    """The sender gave every send `outbound.send_timeout` (15 s), files included, though a
    document may take Telegram up to UPLOAD_TIMEOUT (120 s) to take in: an operator's file
    on a slow uplink was cut off at 15 s each try, sent again (Telegram kept each one that
    arrived) and dead-lettered. A reply's files now add the upload's time to its send's."""
    connector, _ = polling
    telegram_api.upload_seconds = 1.0  # the send's own budget below is 0.3 s
    meta = await store.files.put(f"telegram:{CHAT}", "fix.pdf", "application/pdf", b"%PDF", "o", 60)
    file = Attachment("document", meta.id, "fix.pdf", "application/pdf", 4)
    reply = OutboundMessage(text="Try this", attachments=(file,), author="operator:bob")
    tx = Transaction()
    tx.deliver("telegram", str(CHAT), reply)
    await store.commit(tx)

    _, given_up = await sent_or_given_up(
        store, connector, max_attempts=3, backoff_base=0.01, send_timeout=0.3
    )
    await asyncio.sleep(telegram_api.upload_seconds)  # an upload cut off still arrives
    assert given_up == []
    assert [d.name for d in telegram_api.documents[CHAT]] == ["fix.pdf"]
    assert telegram_api.texts(CHAT) == ["Try this"]


async def test_a_retried_long_message_does_not_repeat_parts_already_sent(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    connector, _ = polling
    text = ("строка " * 500 + "\n") * 2  # two parts of 3500 characters
    # The first part goes out, the second hits 429 ...
    telegram_api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1, after=1)
    with pytest.raises(DeliveryError):
        await connector.send(str(CHAT), OutboundMessage(text=text))
    # ... and the sender's retry sends only the second part.
    await connector.send(str(CHAT), OutboundMessage(text=text))
    line = ("строка " * 500).strip()
    assert [t.strip() for t in telegram_api.texts(CHAT)] == [line, line]


async def test_blocking_the_bot_arrives_as_a_blocked_message(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator
) -> None:
    _, intake = polling
    await telegram_api.block(CHAT)
    await eventually(lambda: intake.accepted, what="blocked update")
    assert [(m.kind, m.chat_id) for m in intake.accepted] == [("blocked", str(CHAT))]


async def test_polling_survives_the_api_being_down_and_loses_nothing(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    _, intake = polling
    await telegram_api.send_text(CHAT, "первое")
    await eventually(lambda: len(intake.accepted) == 1, what="first message")

    telegram_api.down = "502"  # a proxy in front of the API answers with an HTML page
    await eventually(lambda: telegram_api.refused >= 1, what="a poll refused with 502")
    await telegram_api.send_text(CHAT, "второе")
    await telegram_api.send_text(CHAT, "третье")
    await eventually(lambda: telegram_api.refused >= 3, what="polls refused with 502")
    telegram_api.down = "close"  # then connections are dropped without an answer
    await telegram_api.send_text(CHAT, "четвёртое")
    await eventually(lambda: telegram_api.refused >= 6, what="polls cut off")
    assert [m.text for m in intake.accepted] == ["первое"]
    telegram_api.down = ""
    await eventually(lambda: len(intake.accepted) == 4, what="all four messages")
    assert [m.text for m in intake.accepted] == ["первое", "второе", "третье", "четвёртое"]
    assert intake.repeats == 0
    assert [m.text for m in await stored_inbound(store)] == [m.text for m in intake.accepted]


async def test_an_update_is_confirmed_only_after_it_was_stored(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    _, intake = polling
    intake.fail_next = 3  # the store refuses three writes in a row
    first = await telegram_api.send_text(CHAT, "раз")
    await telegram_api.send_text(CHAT, "два")
    await eventually(lambda: len(intake.accepted) == 2, what="both stored after the outage")
    assert [m.text for m in intake.accepted] == ["раз", "два"]
    assert intake.repeats == 0
    # While the writes failed, the offset was never moved past the first update.
    assert int(await store.get_cursor("telegram", "offset") or 0) > first


async def test_a_polled_update_aiogram_cannot_read_does_not_stop_polling(
    polling: tuple[TelegramConnector, Intake], telegram_api: TelegramEmulator, store: Store
) -> None:
    """One update in a batch that aiogram's models refuse (a poll from another Bot API
    version than the installed aiogram's, a message with no chat) failed the whole
    getUpdates: polling retried the same batch for good and no user of the bot was heard
    again. Each polled update is now read as a webhook's is: the poll is a message the bot
    cannot read (answered so, as on the webhook), the one with no chat is kept aside for
    people, and both are confirmed with the message after them."""
    _, intake = polling
    user = telegram_api.user(CHAT)
    old_poll = {"id": "5", "question": "Works?", "options": [], "total_voter_count": 0,
                "is_closed": False, "is_anonymous": True, "type": "regular",
                "allows_multiple_answers": False}  # fmt: skip
    await telegram_api.add_update({"message": telegram_api._message(CHAT, user, poll=old_poll)})
    no_chat = await telegram_api.add_update(
        {"message": {"message_id": 2, "date": int(time.time()), "text": "no chat"}}
    )
    last = await telegram_api.send_text(CHAT, "принтер не печатает")
    await eventually(lambda: len(intake.accepted) == 2, what="the readable updates stored")
    assert [m.text for m in intake.accepted] == ["", "принтер не печатает"]
    kept = await store.inbound.unreadable_list()
    assert [json.loads(k["raw"])["update_id"] for k in kept] == [no_chat]
    await eventually(lambda: not telegram_api.pending, what="the batch confirmed to Telegram")
    assert int(await store.get_cursor("telegram", "offset") or 0) == last + 1


async def test_a_restarted_connector_resumes_at_the_stored_offset(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> None:
    config = with_telegram(settings, telegram_api)
    intake = Intake(store)
    first = TelegramConnector(config, store, backoff=FAST_BACKOFF)
    await first.start(intake)
    await telegram_api.send_text(CHAT, "до перезапуска")
    await eventually(lambda: len(intake.accepted) == 1, what="first message")
    await first.stop()
    # Telegram still holds anything not confirmed; a new process picks up from the cursor.
    await telegram_api.send_text(CHAT, "после перезапуска")
    second = TelegramConnector(config, store, backoff=FAST_BACKOFF)
    await second.start(intake)
    try:
        await eventually(lambda: len(intake.accepted) == 2, what="second message")
    finally:
        await second.stop()
    assert [m.text for m in intake.accepted] == ["до перезапуска", "после перезапуска"]
    assert intake.repeats <= 1  # an unconfirmed batch may come again; the store drops it


# Webhook mode


@pytest.fixture
async def webhook(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> AsyncIterator[tuple[TelegramConnector, Intake, str]]:
    port = free_port()
    config = with_telegram(
        settings, telegram_api, mode="webhook", webhook_secret=SecretStr(TG_SECRET)
    )
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    connector = TelegramConnector(config, store, backoff=FAST_BACKOFF, limiter=no_pacing())
    app = web.Application()
    app.router.add_routes(connector.routes())
    server = LoopbackServer(app, port)
    await server.start()
    intake = Intake(store)
    await connector.start(intake)
    yield connector, intake, server.url + WEBHOOK_PATH
    await connector.stop()
    await server.stop()


async def test_webhook_is_registered_with_the_secret_and_receives_updates(
    webhook: tuple[TelegramConnector, Intake, str], telegram_api: TelegramEmulator
) -> None:
    connector, intake, url = webhook
    await eventually(lambda: telegram_api.webhook, what="webhook registered")
    assert telegram_api.webhook is not None
    assert (telegram_api.webhook.url, telegram_api.webhook.secret) == (url, TG_SECRET)

    await connector.send(str(CHAT), OutboundMessage(text="Выберите", buttons=(Button("A", "a"),)))
    await telegram_api.send_text(CHAT, "привет")
    await telegram_api.press(CHAT, "A")
    await eventually(lambda: len(intake.accepted) == 2, what="two updates via webhook")
    assert [(m.text, m.payload) for m in intake.accepted] == [("привет", ""), ("A", "a")]
    # The callback was answered through the webhook reply (`method` in the 200 body).
    await eventually(lambda: telegram_api.answered_callbacks, what="callback answered")
    assert (
        "answercallbackquery",
        {"method": "answerCallbackQuery", "callback_query_id": telegram_api.answered_callbacks[0]},
    ) in telegram_api.calls


async def test_a_location_contact_or_sticker_without_text_reaches_the_store_as_text(
    webhook: tuple[TelegramConnector, Intake, str], telegram_api: TelegramEmulator, store: Store
) -> None:
    """What the user shared is in the transcript the operator reads, not an empty message."""
    _, intake, _ = webhook
    await eventually(lambda: telegram_api.webhook, what="webhook registered")
    user = telegram_api.user(CHAT)
    shared = [
        {"location": {"latitude": 50.4501, "longitude": 30.5234}},
        {
            "venue": {
                "location": {"latitude": 49.8397, "longitude": 24.0297},
                "title": "Офіс 3",
                "address": "вул. Городоцька, 15",
            }
        },
        {
            "contact": {
                "phone_number": "+380501234567",
                "first_name": "Петро",
                "last_name": "Іваненко",
                "user_id": 42,
            }
        },
        {
            "sticker": {
                "file_id": "CAACAgIAAxk",
                "file_unique_id": "AgAD",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "👍",
            }
        },
    ]
    for content in shared:
        await telegram_api.add_update({"message": telegram_api._message(CHAT, user, **content)})
    await eventually(lambda: len(intake.accepted) == 4, what="four updates via webhook")
    assert [m.text for m in await stored_inbound(store)] == [
        "50.4501,30.5234",
        "Офіс 3, вул. Городоцька, 15 (49.8397,24.0297)",
        "Петро Іваненко +380501234567",
        "👍",
    ]


async def test_a_round_video_message_reaches_the_store_as_a_file_operators_can_fetch(
    webhook: tuple[TelegramConnector, Intake, str], telegram_api: TelegramEmulator, store: Store
) -> None:
    """Outside pass (hard-out19): a round video message (`video_note`, what a user records
    to show a blinking printer) came in with no text and no file: the bot greeted the user
    as if they had said nothing, and the operator's transcript held an empty message with
    nothing to download. It is a video like any other now."""
    _, intake, _ = webhook
    await eventually(lambda: telegram_api.webhook, what="webhook registered")
    user = telegram_api.user(CHAT)
    note = {"file_id": "DQACAgIAAxk", "file_unique_id": "AgADvn", "length": 240,
            "duration": 7, "file_size": 412000}  # fmt: skip
    await telegram_api.add_update({"message": telegram_api._message(CHAT, user, video_note=note)})
    await eventually(lambda: intake.accepted, what="the update via webhook")
    [stored] = await stored_inbound(store)
    assert [(a.kind, a.file_id, a.size) for a in stored.attachments] == [
        ("video", "DQACAgIAAxk", 412000)
    ]


async def test_webhook_redelivery_stores_the_update_once(
    webhook: tuple[TelegramConnector, Intake, str], telegram_api: TelegramEmulator, store: Store
) -> None:
    _, intake, _ = webhook
    await eventually(lambda: telegram_api.webhook, what="webhook registered")
    update_id = await telegram_api.send_text(CHAT, "дважды")
    telegram_api.redeliver.add(update_id)  # the first 200 "gets lost": Telegram sends again
    await eventually(
        lambda: (
            [u for u, s in telegram_api.webhook_posts if u == update_id and s == 200]
            == [update_id, update_id]
            and not telegram_api.pending
        ),
        what="two deliveries",
    )
    assert [m.text for m in intake.accepted] == ["дважды"]
    assert intake.repeats == 1
    assert len(await stored_inbound(store)) == 1


async def test_webhook_rejects_forged_secrets_and_malformed_bodies(
    webhook: tuple[TelegramConnector, Intake, str], store: Store
) -> None:
    _, intake, url = webhook
    update = {
        "update_id": 5,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": CHAT, "type": "private"},
            "text": "forged",
        },
    }
    body = json.dumps(update)
    async with aiohttp.ClientSession() as http:
        for headers in (
            {},
            {"X-Telegram-Bot-Api-Secret-Token": "wrong"},
            {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET + "x"},
        ):
            async with http.post(url, data=body, headers=headers) as resp:
                assert resp.status == 401
        good = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
        unreadable = (
            b"{not json",
            b"[1, 2]",
            b'{"message": {}}',
            b'{"update_id": 6, "message": {"text": "no chat"}}',
            b'{"update_id": 8, "edited_message": {"message_id": 1, "chat": {"id": 1}, "text": 5}}',
        )
        for bad_body in unreadable:
            # Telegram's own (the secret matched): confirmed, or it retries for hours; kept.
            async with http.post(url, data=bad_body, headers=good) as resp:
                assert resp.status == 200
        # Update types we do not use are acknowledged and dropped.
        async with http.post(url, json={"update_id": 7, "poll": {"id": "1"}}, headers=good) as resp:
            assert resp.status == 200
    assert intake.accepted == [] and await stored_inbound(store) == []
    kept = await store.inbound.unreadable_list()
    assert sorted(k["raw"].encode() for k in kept) == sorted(unreadable)


async def test_a_webhook_update_older_than_the_dedupe_window_is_not_stored(
    webhook: tuple[TelegramConnector, Intake, str], store: Store
) -> None:
    """The secret header is the same on every call: an update captured and replayed once
    its dedupe mark (7 days) had gone was stored again. Now a message is timed as
    Telegram dated it, and one older than the dedupe remembers is acknowledged, not
    stored; an edit is timed by its edit."""
    _, _, url = webhook
    week_ago = int(time.time()) - 8 * 24 * 3600
    chat = {"id": CHAT, "type": "private"}
    updates = [
        {"update_id": 901, "message": {"message_id": 9, "date": week_ago, "chat": chat,
                                       "text": "captured a week ago"}},
        {"update_id": 902, "edited_message": {"message_id": 9, "date": week_ago, "chat": chat,
                                              "edit_date": int(time.time()), "text": "edited"}},
        {"update_id": 903, "message": {"message_id": 10, "date": int(time.time()), "chat": chat,
                                       "text": "sent now"}},
    ]  # fmt: skip
    good = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
    async with aiohttp.ClientSession() as http:
        for update in updates:
            async with http.post(url, json=update, headers=good) as resp:
                assert resp.status == 200
    assert [m.text for m in await stored_inbound(store)] == ["edited", "sent now"]


def test_webhook_mode_needs_a_valid_secret_and_a_url(
    settings: Settings, store: Store, telegram_api: TelegramEmulator
) -> None:
    hooked = with_telegram(settings, telegram_api, mode="webhook", webhook_url="https://x/hook")
    with pytest.raises(ConfigError, match=r"telegram\.webhook_secret"):
        TelegramConnector(hooked, store)
    bad = with_telegram(
        settings,
        telegram_api,
        mode="webhook",
        webhook_url="https://x/hook",
        webhook_secret=SecretStr("has spaces"),
    )
    with pytest.raises(ConfigError, match=r"telegram\.webhook_secret"):
        TelegramConnector(bad, store)
    no_url = with_telegram(
        settings, telegram_api, mode="webhook", webhook_secret=SecretStr(TG_SECRET)
    )
    with pytest.raises(ConfigError, match=r"telegram\.webhook_url"):
        TelegramConnector(no_url, store)
