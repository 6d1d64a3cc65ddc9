"""The Viber connector against the emulated REST bot API and its signed callbacks."""

from __future__ import annotations

import json
import time

import aiohttp
import pytest
from aiohttp import web

from emulators.harness import FAST_BACKOFF, Intake, stored_inbound, with_viber
from emulators.server import LoopbackServer, eventually, free_port
from emulators.viber import ViberEmulator
from gateway.config import Settings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.connectors.viber import WEBHOOK_PATH, ViberConnector
from gateway.models import REOPENED, Button, OutboundMessage
from gateway.store import Store

USER = "01234567890A/+b=="


async def test_set_webhook_is_verified_with_a_signed_callback(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    _, intake, url = viber
    assert viber_api.webhook_url == url
    assert "conversation_started" in viber_api.event_types
    check = viber_api.callbacks[-1]
    assert (check.event, check.statuses) == ("webhook", [200])
    assert intake.accepted == []  # the check is acknowledged, not stored


async def test_webhook_registration_is_retried_until_the_server_listens(
    settings: Settings, store: Store, viber_api: ViberEmulator
) -> None:
    port = free_port()
    config = with_viber(settings, viber_api, webhook_url=f"http://127.0.0.1:{port}{WEBHOOK_PATH}")
    connector = ViberConnector(config, store, backoff=FAST_BACKOFF)
    app = web.Application()
    app.router.add_routes(connector.routes())
    server = LoopbackServer(app, port)
    await connector.start(Intake(store))  # as in the gateway: before the site listens
    try:
        await eventually(lambda: viber_api.callbacks, what="a first, failed check")
        assert viber_api.webhook_url == ""
        await server.start()
        await eventually(lambda: viber_api.webhook_url, what="webhook registered")
    finally:
        await connector.stop()
        await server.stop()
    assert [c.statuses for c in viber_api.callbacks][-1] == [200]


async def test_callbacks_become_inbound_messages(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator, store: Store
) -> None:
    _, intake, _ = viber
    opened = viber_api.open_conversation(USER, name="Олена", language="uk")
    await eventually(lambda: len(intake.accepted) == 1, what="conversation_started")
    # Viber lets the bot greet a user who has not subscribed only in the callback reply.
    await eventually(lambda: viber_api.sent.get(USER), what="inline welcome")
    welcome = viber_api.last(USER)
    assert welcome is not None and welcome.inline_welcome and welcome.text.startswith("Вітаю!")
    assert welcome.sender == {"name": "IT Support"}

    viber_api.send_text(USER, "не друкує принтер")
    viber_api.send_picture(USER, "https://dl.viber.test/p/1.jpg", caption="скрін")
    viber_api.send_file(USER, "https://dl.viber.test/f/log.txt", "log.txt", 5120)
    viber_api.unsubscribe(USER)
    await eventually(lambda: len(intake.accepted) == 5, what="five callbacks stored")
    start, text, picture, file, gone = intake.accepted
    assert (start.kind, start.chat_id, start.language_hint, start.user_name) == (
        "start",
        USER,
        "uk",
        "Олена",
    )
    assert start.message_id == str(json.loads(opened.body)["message_token"])
    assert (text.kind, text.text, text.payload) == ("message", "не друкує принтер", "")
    assert picture.text == "скрін"
    assert [(a.kind, a.url) for a in picture.attachments] == [
        ("photo", "https://dl.viber.test/p/1.jpg")
    ]
    assert [(a.kind, a.name, a.size) for a in file.attachments] == [("document", "log.txt", 5120)]
    assert (gone.kind, gone.chat_id) == ("blocked", USER)
    assert len(await stored_inbound(store)) == 5


async def test_keyboard_presses_come_back_as_payloads(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    viber_api.send_text(USER, "привіт")
    await eventually(lambda: len(intake.accepted) == 1, what="first message")
    await connector.send(
        USER,
        OutboundMessage(
            text="Допомогло?", buttons=(Button("Так", "faq:yes"), Button("Ні", "faq:no"))
        ),
    )
    shown = viber_api.last(USER)
    assert shown is not None and shown.buttons == ["Так", "Ні"]
    assert shown.keyboard is not None
    # each ActionBody is the payload and the keyboard's serial, the same for its buttons
    bodies = [(b["ActionType"], b["ActionBody"]) for b in shown.keyboard["Buttons"]]
    serial = bodies[0][1].rsplit("|kb:", 1)[-1]
    assert bodies == [("reply", f"faq:yes|kb:{serial}"), ("reply", f"faq:no|kb:{serial}")]
    viber_api.press(USER, "Ні")
    viber_api.send_text(USER, "faq:yes")  # typed, not pressed: the user's own words
    await eventually(lambda: len(intake.accepted) == 3, what="press stored")
    pressed, typed = intake.accepted[1:]
    assert (pressed.payload, pressed.text) == ("faq:no", "Ні")
    assert (typed.payload, typed.text) == ("", "faq:yes")

    await connector.send(
        USER,
        OutboundMessage(
            text="Оцініть", buttons=tuple(Button(str(i), f"csat:{i}") for i in range(1, 6))
        ),
    )
    rating = viber_api.last(USER)
    assert rating is not None and rating.keyboard is not None
    assert [b["Columns"] for b in rating.keyboard["Buttons"]] == [1, 1, 1, 1, 1]  # one row


async def test_operator_replies_are_sent_under_the_operators_name(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    viber_api.send_text(USER, "привіт")
    await eventually(lambda: intake.accepted, what="first message")
    reply = OutboundMessage(text="Перезавантажте", author="operator:anna", author_name="Анна")
    await connector.send(USER, reply)
    shown = viber_api.last(USER)
    assert shown is not None and (shown.text, shown.sender["name"]) == ("Перезавантажте", "Анна")


async def test_viber_statuses_map_to_delivery_errors(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    viber_api.send_text(USER, "привіт")
    await eventually(lambda: intake.accepted, what="first message")
    hello = OutboundMessage(text="hello")

    viber_api.forced_status.append(12)
    with pytest.raises(DeliveryError) as flood:
        await connector.send(USER, hello)
    assert not flood.value.permanent

    viber_api.forced_status.append(3)
    with pytest.raises(DeliveryError) as bad:
        await connector.send(USER, hello)
    assert bad.value.permanent and not isinstance(bad.value, RecipientBlocked)

    with pytest.raises(RecipientBlocked):
        await connector.send("never-wrote-to-us==", hello)  # status 5: not registered

    viber_api.unsubscribe(USER)
    await eventually(lambda: len(intake.accepted) == 2, what="unsubscribed")
    with pytest.raises(RecipientBlocked):
        await connector.send(USER, hello)  # status 6
    assert viber_api.texts(USER) == []


async def test_replies_before_the_user_subscribes_are_dropped_not_blocking(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    viber_api.open_conversation(USER)
    await eventually(lambda: intake.accepted, what="conversation_started")
    # The engine's reply to "start" cannot reach a user who only opened the chat.
    await connector.send(USER, OutboundMessage(text="hello"))
    assert [m.inline_welcome for m in viber_api.sent[USER]] == [True]


async def test_a_subscriber_opening_the_chat_again_is_no_fresh_start(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    _, intake, _ = viber
    viber_api.open_conversation(USER)  # first contact: a start the bot greets
    viber_api.send_text(USER, "не друкує принтер")  # writing subscribes the user
    viber_api.open_conversation(USER)  # back in the chat from the chat list, mid-checklist
    await eventually(lambda: len(intake.accepted) == 3, what="three callbacks")
    first, _, again = intake.accepted
    assert (first.kind, again.kind) == ("start", "start")
    assert (first.meta[REOPENED], again.meta[REOPENED]) == ("0", "1")


async def test_retried_callbacks_are_stored_once(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator, store: Store
) -> None:
    _, intake, _ = viber
    viber_api.redeliver = 1
    callback = viber_api.send_text(USER, "двічі")
    await eventually(lambda: callback.done, what="delivered twice")
    assert callback.statuses == [200, 200]
    assert [m.text for m in intake.accepted] == ["двічі"]
    assert intake.repeats == 1
    assert len(await stored_inbound(store)) == 1


async def test_a_failed_write_is_retried_by_viber_and_stored_once(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    _, intake, _ = viber
    intake.fail_next = 2  # Redis is briefly unavailable: answer 500, Viber retries
    callback = viber_api.send_text(USER, "після збою")
    await eventually(lambda: callback.done, what="delivered after retries")
    assert callback.statuses == [500, 500, 200]
    assert [m.text for m in intake.accepted] == ["після збою"]


async def test_a_callback_older_than_the_dedupe_window_is_not_stored(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator, store: Store
) -> None:
    """Viber signs the body: a callback captured and replayed once its dedupe mark (7
    days) had gone was stored again. Now a message is timed as Viber stamped it."""
    _, _, url = viber
    now_ms = int(time.time() * 1000)
    async with aiohttp.ClientSession() as http:
        for token, stamp, said in ((7001, now_ms - 8 * 24 * 3600 * 1000, "a week old"),
                                   (7002, now_ms, "sent now")):  # fmt: skip
            event = {"event": "message", "timestamp": stamp, "message_token": token,
                     "sender": {"id": USER, "name": "Ann"},
                     "message": {"type": "text", "text": said}}  # fmt: skip
            body = json.dumps(event).encode()
            headers = {"X-Viber-Content-Signature": viber_api.sign(body)}
            async with http.post(url, data=body, headers=headers) as resp:
                assert resp.status == 200
    assert [m.text for m in await stored_inbound(store)] == ["sent now"]


async def test_forged_and_malformed_callbacks_are_rejected(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator, store: Store
) -> None:
    _, intake, url = viber
    event = {
        "event": "message",
        "timestamp": 1457764197627,
        "message_token": 4912661846655238145,
        "sender": {"id": USER, "name": "Mallory"},
        "message": {"type": "text", "text": "forged"},
    }
    body = json.dumps(event).encode()
    async with aiohttp.ClientSession() as http:
        for headers in (
            {},
            {"X-Viber-Content-Signature": "0" * 64},
            {"X-Viber-Content-Signature": viber_api.sign(body + b" ")},
            {"X-Viber-Content-Signature": viber_api.sign(body).upper()},
        ):
            async with http.post(url, data=body, headers=headers) as resp:
                assert resp.status == 403
        for bad in (
            b"{not json",
            b"[]",
            b'{"event": "message"}',
            b'{"event": "message", "message_token": 1, "sender": {}}',
            json.dumps({**event, "sender": {"id": "x" * 5000, "name": "M"}}).encode(),
        ):
            signed = {"X-Viber-Content-Signature": viber_api.sign(bad)}
            async with http.post(url, data=bad, headers=signed) as resp:
                assert resp.status == 400
        # Delivery receipts are acknowledged and not stored; so is an event type Viber
        # adds later, whatever its fields (one without a message_token was refused 400).
        for ack in (
            {"event": "seen", "message_token": 1, "user_id": USER},
            {"event": "client_status", "timestamp": 1457764197627, "user_id": USER},
            {"event": "action", "chat_hostname": "SN-CHAT-01_"},
        ):
            body = json.dumps(ack).encode()
            headers = {"X-Viber-Content-Signature": viber_api.sign(body)}
            async with http.post(url, data=body, headers=headers) as resp:
                assert resp.status == 200, ack
    assert intake.accepted == [] and await stored_inbound(store) == []


async def test_a_retried_reply_does_not_repeat_messages_already_sent(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    """An operator's answer and its file are two Viber messages: when the second is refused
    for a moment (status 12, too many requests), the sender's retry sends only the second,
    and a long text's parts already shown are not shown again."""
    connector, intake, _ = viber
    viber_api.send_text(USER, "привіт")
    await eventually(lambda: intake.accepted, what="first message")
    line = "рядок " * 1000  # two parts of about 6000 characters
    text = f"{line.strip()}\n{line.strip()}\nкінець"
    real = viber_api._send_message
    calls = 0

    async def second_call_refused(body: dict) -> web.Response:
        nonlocal calls
        calls += 1
        if calls == 2:
            return web.json_response({"status": 12, "status_message": "Too many requests"})
        return await real(body)

    viber_api._send_message = second_call_refused  # type: ignore[method-assign]
    reply = OutboundMessage(text=text, author="operator:anna", author_name="Анна")
    with pytest.raises(DeliveryError) as flood:
        await connector.send(USER, reply)
    assert not flood.value.permanent
    await connector.send(USER, reply)  # the sender's retry
    shown = [t.strip() for t in viber_api.texts(USER)]
    assert shown == [line.strip(), f"{line.strip()}\nкінець"]


async def test_a_press_echoed_without_tracking_data_is_still_a_press(
    viber: tuple[ViberConnector, Intake, str], viber_api: ViberEmulator
) -> None:
    connector, intake, _ = viber
    other = "no-keyboard-user=="
    viber_api.send_text(USER, "привіт")
    viber_api.send_text(other, "привіт")
    await eventually(lambda: len(intake.accepted) == 2, what="first messages")
    rating = tuple(Button(str(i), f"csat:{i}") for i in range(1, 6))
    await connector.send(USER, OutboundMessage(text="Оцініть", buttons=rating))
    viber_api.users[USER].tracking_data = ""  # a second device: nothing echoed
    viber_api.press(USER, "5")
    viber_api.send_text(USER, "дякую")  # typed, untracked: words stay words
    viber_api.send_text(other, "csat:5")  # never shown a keyboard: taken as typed
    await eventually(lambda: len(intake.accepted) == 5, what="three more messages")
    pressed, typed, stranger = intake.accepted[2:]
    assert (pressed.payload, pressed.text) == ("csat:5", "5")
    assert (typed.payload, typed.text) == ("", "дякую")
    assert (stranger.payload, stranger.text) == ("", "csat:5")
