"""The WhatsApp connector against the emulated Graph API and Meta's signed webhooks."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from test_channel_conversations import run_gateway

from emulators.harness import Intake, serve_connector, stored_inbound, user_wrote, with_meta
from emulators.meta import MetaEmulator
from emulators.server import eventually
from gateway.config import Settings
from gateway.connectors.base import DeliveryError, RecipientBlocked
from gateway.connectors.whatsapp import WEBHOOK_PATH, WhatsAppConnector
from gateway.models import Button, OutboundMessage
from gateway.store import Store

USER = "380501234567"
HOURS = 3600.0


@pytest.fixture
async def whatsapp(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> AsyncIterator[tuple[WhatsAppConnector, Intake, str]]:
    connector = WhatsAppConnector(with_meta(settings, meta_api, "whatsapp"), store)
    intake, server, url = await serve_connector(connector, store, meta_api, "whatsapp")
    assert url.endswith(WEBHOOK_PATH)
    yield connector, intake, url
    await connector.stop()
    await server.stop()


async def window_open(store: Store, api: MetaEmulator) -> None:
    """The user wrote just now, for the gateway and for Meta."""
    now = api.clock()
    await user_wrote(store, "whatsapp", USER, now)
    api.last_user_at[("whatsapp", USER)] = now


async def test_the_handshake_echoes_the_challenge_only_for_our_verify_token(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator
) -> None:
    _, _, url = whatsapp
    assert meta_api.webhooks["whatsapp"] == url
    assert not await meta_api.subscribe("whatsapp", url, verify_token="verify-me_43")
    assert not await meta_api.subscribe("whatsapp", url, verify_token="")
    async with aiohttp.ClientSession() as http:
        query = {
            "hub.mode": "unsubscribe",
            "hub.challenge": "7",
            "hub.verify_token": "verify-me_42",
        }
        async with http.get(url, params=query) as resp:
            assert resp.status == 403


async def test_messages_of_every_kind_become_inbound_messages(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, intake, _ = whatsapp
    meta_api.media["1037543291543636"] = b"\xff\xd8\xff screenshot"
    meta_api.wa_text(USER, "не печатает принтер")
    meta_api.wa_send(
        USER,
        "image",
        {"caption": "скрин", "mime_type": "image/jpeg", "sha256": "x", "id": "1037543291543636"},
    )
    meta_api.wa_send(
        USER,
        "document",
        {"filename": "log.txt", "mime_type": "text/plain", "sha256": "y", "id": "2245"},
    )
    meta_api.wa_send(USER, "audio", {"mime_type": "audio/ogg", "id": "3356", "voice": True})
    meta_api.wa_send(
        USER,
        "interactive",
        {"type": "button_reply", "button_reply": {"id": "faq:no", "title": "Нет"}},
    )
    meta_api.wa_send(
        USER,
        "interactive",
        {"type": "list_reply", "list_reply": {"id": "csat:4", "title": "4", "description": ""}},
    )
    meta_api.wa_send(USER, "button", {"text": "5", "payload": "csat:5"})
    meta_api.wa_send(USER, "reaction", {"message_id": "wamid.X", "emoji": "👍"})  # ignored
    await eventually(lambda: len(intake.accepted) == 7, what="seven messages")
    text, image, doc, audio, pressed, listed, template_press = intake.accepted
    assert (text.channel, text.chat_id, text.text, text.user_name) == (
        "whatsapp",
        USER,
        "не печатает принтер",
        "Ivan",
    )
    assert text.message_id.startswith("wamid.") and text.timestamp > 0
    assert image.text == "скрин"
    assert [(a.kind, a.file_id, a.mime_type) for a in image.attachments] == [
        ("photo", "1037543291543636", "image/jpeg")
    ]
    assert [(a.kind, a.name) for a in doc.attachments] == [("document", "log.txt")]
    assert [a.kind for a in audio.attachments] == ["audio"]
    assert (pressed.payload, pressed.text) == ("faq:no", "Нет")
    assert (listed.payload, listed.text) == ("csat:4", "4")
    assert (template_press.payload, template_press.text) == ("csat:5", "5")
    assert len(await stored_inbound(store)) == 7
    # The operator can fetch the picture the user sent.
    assert await connector.download("1037543291543636") == b"\xff\xd8\xff screenshot"


async def test_a_batch_of_fifty_is_stored_whole_and_in_order_per_user(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    _, intake, _ = whatsapp
    users = [f"38050000000{i}" for i in range(5)]
    entries = []
    for entry in range(5):  # 5 entries x 2 changes x 5 messages, users interleaved
        changes = []
        for change in range(2):
            base = entry * 10 + change * 5
            messages = [
                meta_api.wa_message(users[(base + i) % 5], "text", {"body": f"msg {base + i}"})
                for i in range(5)
            ]
            changes.append({"messages": messages})
        entries += meta_api.wa_payload(changes)["entry"]
    delivery = meta_api.post("whatsapp", {"object": "whatsapp_business_account", "entry": entries})
    await eventually(lambda: delivery.done, what="the batch delivered")
    assert delivery.statuses == [200]
    assert len(intake.accepted) == 50
    stored = await stored_inbound(store)
    for user in users:
        mine = [int(m.text.split()[1]) for m in stored if m.chat_id == user]
        assert mine == sorted(mine) and len(mine) == 10


async def test_a_retried_webhook_is_stored_once(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    _, intake, _ = whatsapp
    meta_api.redeliver = 1
    delivery = meta_api.wa_text(USER, "двічі")
    await eventually(lambda: delivery.done, what="delivered twice")
    assert delivery.statuses == [200, 200]
    assert [m.text for m in intake.accepted] == ["двічі"] and intake.repeats == 1
    assert len(await stored_inbound(store)) == 1


async def test_a_signed_delivery_replayed_after_the_dedupe_forgot_it_is_not_stored(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    """Meta signs the body, not when it is sent: a captured delivery replayed once its
    dedupe mark (7 days) had gone was stored again as the user's message."""
    old = meta_api.wa_message(USER, "text", {"body": "скиньте пароль ще раз"})
    old["timestamp"] = str(int(meta_api.clock() - 8 * 24 * HOURS))
    replay = meta_api.post("whatsapp", meta_api.wa_payload([{"messages": [old]}]))
    await eventually(lambda: replay.done, what="delivered")
    assert replay.statuses == [200]  # acknowledged: nothing for Meta to redeliver
    assert await stored_inbound(store) == []
    fresh = meta_api.wa_text(USER, "а це нове")
    await eventually(lambda: fresh.done, what="delivered")
    assert [m.text for m in await stored_inbound(store)] == ["а це нове"]


async def test_a_failed_write_answers_500_and_the_retry_is_stored(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator
) -> None:
    _, intake, _ = whatsapp
    intake.fail_next = 1
    delivery = meta_api.wa_text(USER, "після збою")
    await eventually(lambda: delivery.done, what="delivered after a retry")
    assert delivery.statuses == [500, 200]
    assert [m.text for m in intake.accepted] == ["після збою"]


async def test_forged_unsigned_and_malformed_posts_are_refused(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    _, intake, url = whatsapp
    payload = meta_api.wa_payload(
        [{"messages": [meta_api.wa_message(USER, "text", {"body": "x"})]}]
    )
    body = json.dumps(payload).encode()
    async with aiohttp.ClientSession() as http:
        for headers in (
            {},
            {"X-Hub-Signature-256": "sha256=" + "0" * 64},
            {"X-Hub-Signature-256": meta_api.sign(body + b" ")},
            {"X-Hub-Signature-256": meta_api.sign(body).upper()},
            {"X-Hub-Signature-256": meta_api.sign(body).removeprefix("sha256=")},
        ):
            async with http.post(url, data=body, headers=headers) as resp:
                assert resp.status == 403
        for bad in (b"{not json", b"[]", b'{"a": NaN}'):
            async with http.post(
                url, data=bad, headers={"X-Hub-Signature-256": meta_api.sign(bad)}
            ) as resp:
                assert resp.status == 400
    assert intake.accepted == [] and await stored_inbound(store) == []


async def test_an_unreadable_message_in_a_batch_is_kept_aside_and_the_rest_stored(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    _, intake, _ = whatsapp
    good = meta_api.wa_message(USER, "text", {"body": "хороше"})
    bad = {"from": USER, "id": "wamid.BAD", "timestamp": "soon", "type": "text", "text": {}}
    worse = {"from": {"id": 1}, "type": "text"}
    delivery = meta_api.post("whatsapp", meta_api.wa_payload([{"messages": [bad, good, worse]}]))
    await eventually(lambda: delivery.done, what="delivered")
    assert delivery.statuses == [200]  # Meta would redeliver a 4xx for days
    assert [m.text for m in intake.accepted] == ["хороше"]
    kept = await store.inbound.unreadable_list()
    assert [(k["channel"], "wamid.BAD" in k["raw"]) for k in kept] == [
        ("whatsapp", False),
        ("whatsapp", True),
    ]
    # A signed envelope of the wrong shape (found by the fuzz harness: it was a 500).
    odd = meta_api.post("whatsapp", {"object": "whatsapp_business_account", "entry": [-2.4e124]})
    await eventually(lambda: odd.done, what="delivered")
    assert odd.statuses == [200]
    assert (await store.inbound.unreadable_list())[0]["error"].startswith("envelope:")


async def test_statuses_are_recorded_against_the_sent_message(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, intake, _ = whatsapp
    await window_open(store, meta_api)
    await connector.send(USER, OutboundMessage(text="Перезагрузите принтер"))
    wamid = meta_api.last("whatsapp", USER).message_id  # type: ignore[union-attr]

    async def record() -> dict[str, str]:
        rec = await store.channel_record("whatsapp", f"sent:{wamid}")
        return rec if "delivered_at" in rec else {}

    rec = await eventually(record, what="sent and delivered recorded")
    assert rec["chat_id"] == USER and rec["type"] == "text" and "sent_at" in rec
    # Read, then a late "delivered" (webhooks are not ordered): the status stays "read".
    for late in ("read", "delivered"):
        sent = meta_api.status(USER, wamid, late)
        await eventually(lambda sent=sent: sent.done, what=f"{late} delivered")
    rec = await store.channel_record("whatsapp", f"sent:{wamid}")
    assert rec["status"] == "read" and "read_at" in rec

    # The user blocks the business: the next message fails asynchronously.
    meta_api.gone.add(("whatsapp", USER))
    await connector.send(USER, OutboundMessage(text="Ещё одно"))
    assert meta_api.calls[-1][1]["text"]["body"] == "Ещё одно"
    await eventually(lambda: any(m.kind == "blocked" for m in intake.accepted), what="marked")
    gone = next(m for m in intake.accepted if m.kind == "blocked")
    rec = await store.channel_record("whatsapp", f"sent:{gone.meta['message_id']}")
    assert (rec["status"], rec["error_code"], rec["error_title"]) == (
        "failed",
        "131026",
        "Message undeliverable",
    )


async def test_buttons_become_reply_buttons_a_list_or_numbered_text(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _, _ = whatsapp
    await window_open(store, meta_api)
    yes_no = (Button("Да, помогло", "faq:yes"), Button("Нет", "faq:no"))
    await connector.send(USER, OutboundMessage(text="Помогло?", buttons=yes_no))
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "buttons"
    assert shown.buttons == [("Да, помогло", "faq:yes"), ("Нет", "faq:no")]

    rating = tuple(Button(str(i), f"csat:{i}") for i in range(1, 6))
    await connector.send(USER, OutboundMessage(text="Оцените", buttons=rating))
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "list" and shown.labels == ["1", "2", "3", "4", "5"]
    assert shown.body["interactive"]["action"]["button"] == "Выбрать"

    long_titles = (Button("1. Принтер не печатает, пишет offline", "faq:printer"),)
    await connector.send(USER, OutboundMessage(text="Что из этого?", buttons=long_titles))
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "list"
    assert shown.body["interactive"]["action"]["sections"][0]["rows"][0]["description"] == (
        "1. Принтер не печатает, пишет offline"
    )

    many = tuple(Button(f"Вариант {i}", f"opt:{i}") for i in range(12))
    await connector.send(USER, OutboundMessage(text="Выберите", buttons=many))
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "text"
    assert "\n12. Вариант 11" in shown.text

    await connector.send(USER, OutboundMessage(text="слово " * 1000, buttons=yes_no))
    *parts, last = meta_api.shown[("whatsapp", USER)][-2:]
    assert [p.kind for p in parts] == ["text"] and last.kind == "buttons"


async def test_outside_the_window_templates_go_out_in_the_users_language(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _, _ = whatsapp
    await user_wrote(store, "whatsapp", USER, meta_api.clock())
    later = meta_api.clock() + 25 * HOURS
    connector.clock = meta_api.clock = lambda: later
    reply = OutboundMessage(
        text="Заменил картридж.\nПопробуйте    ещё раз", author="operator:anna", author_name="Анна"
    )
    await connector.send(USER, reply)
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "template"
    assert shown.text == "Новости по вашей заявке: Анна: Заменил картридж. · Попробуйте ещё раз"

    rating = tuple(Button(str(i), f"csat:{i}") for i in range(1, 6))
    await connector.send(
        USER, OutboundMessage(text="Оцените", buttons=rating, purpose="csat_request")
    )
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "template"
    assert shown.buttons == [(str(i), f"csat:{i}") for i in range(1, 6)]


async def test_a_closed_window_found_by_meta_falls_back_to_the_template(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _, _ = whatsapp
    # We think the window is open; Meta says 131047.
    await user_wrote(store, "whatsapp", USER, meta_api.clock())
    meta_api.forced.append(("whatsapp", 131047, 0, 400))
    await connector.send(USER, OutboundMessage(text="Готово"))
    shown = meta_api.last("whatsapp", USER)
    assert shown is not None and shown.kind == "template"
    assert shown.text.endswith("Готово")


async def test_graph_errors_map_to_retries_blocks_and_failures(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    connector, _, _ = whatsapp
    await window_open(store, meta_api)
    hello = OutboundMessage(text="hello")
    for code in (4, 80007, 130429, 131056):
        meta_api.forced.append(("whatsapp", code, 0, 400))
        with pytest.raises(DeliveryError) as throttled:
            await connector.send(USER, hello)
        assert not throttled.value.permanent and not isinstance(throttled.value, RecipientBlocked)
    meta_api.forced.append(("whatsapp", 131026, 0, 400))
    with pytest.raises(RecipientBlocked):
        await connector.send(USER, hello)
    meta_api.forced.append(("whatsapp", 100, 0, 400))
    with pytest.raises(DeliveryError) as bad:
        await connector.send(USER, hello)
    assert bad.value.permanent and not isinstance(bad.value, RecipientBlocked)
    assert meta_api.texts("whatsapp", USER) == []


async def test_an_http_429_is_a_retry_after_the_time_graph_gives_never_a_dead_letter(
    whatsapp: tuple[WhatsAppConnector, Intake, str], meta_api: MetaEmulator, store: Store
) -> None:
    # Graph (or a proxy before it) answering 429 Too Many Requests with a code outside the
    # throttling list was a permanent failure: the reply was dead-lettered, never retried.
    connector, _, _ = whatsapp
    await window_open(store, meta_api)
    hello = OutboundMessage(text="hello")
    for code, after, wait in (
        (0, "", None),
        (100, "7", 7.0),
        (0, "Wed, 21 Oct 2026 07:28:00 GMT", None),
    ):
        meta_api.forced_retry_after = after
        meta_api.forced.append(("whatsapp", code, 0, 429))
        with pytest.raises(DeliveryError) as throttled:
            await connector.send(USER, hello)
        assert not throttled.value.permanent, code
        assert throttled.value.retry_after == wait
    meta_api.forced_retry_after = ""
    await connector.send(USER, hello)
    assert meta_api.texts("whatsapp", USER) == ["hello"]


async def test_outside_the_window_without_a_template_nothing_is_sent(
    settings: Settings, store: Store, meta_api: MetaEmulator
) -> None:
    config = with_meta(settings, meta_api, "whatsapp", whatsapp={"templates": {}})
    connector = WhatsAppConnector(config, store)
    try:
        with pytest.raises(DeliveryError, match="ticket_update") as closed:
            await connector.send(USER, OutboundMessage(text="late"))
        assert closed.value.permanent
    finally:
        await connector.stop()
    assert meta_api.calls == []


async def test_a_batch_over_one_mebibyte_is_stored_whole(
    settings: Settings, meta_api: MetaEmulator
) -> None:
    """Outside pass: Meta's webhook POSTs "can be up to 3MB" (a batch of up to 1,000
    changes), but the gateway refused every body over its 1 MiB with 413, so Meta resent
    such a batch for days and then dropped it: every message in it lost. Now a Meta
    webhook may be 3 MiB; more is refused 413 (and logged) with nothing stored."""
    config = with_meta(settings, meta_api, "whatsapp")
    worker = config.worker.model_copy(update={"in_process": False})  # the stream shows all
    gw = await run_gateway(config.model_copy(update={"worker": worker}))
    try:
        host, port = gw.runner.addresses[0][:2]
        url = f"http://{host}:{port}{WEBHOOK_PATH}"
        assert await meta_api.subscribe("whatsapp", url)
        messages = [
            meta_api.wa_message(f"38050{i % 40:07d}", "text", {"body": f"msg {i} " + "ж" * 360})
            for i in range(1000)
        ]
        delivery = meta_api.post("whatsapp", meta_api.wa_payload([{"messages": messages}]))
        assert 2 * 1024**2 < len(delivery.body) < 3 * 1024**2
        await eventually(lambda: delivery.done, what="the batch delivered")
        assert delivery.statuses == [200]
        stored = await stored_inbound(gw.rt.store)
        assert sorted(int(m.text.split()[1]) for m in stored) == list(range(1000))

        body = json.dumps({"object": "whatsapp_business_account", "pad": "x" * 3 * 1024**2})
        headers = {"X-Hub-Signature-256": meta_api.sign(body.encode())}
        async with aiohttp.ClientSession() as http, http.post(url, data=body, headers=headers) as r:
            assert r.status == 413
        assert len(await stored_inbound(gw.rt.store)) == 1000
    finally:
        await gw.runner.cleanup()
