"""The web-chat socket without a browser: origins, limits, acks, dedupe, resuming."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import tracemalloc

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from harness import Console, Gateway, Visitor, running_gateway

from emulators.harness import every_stored_value
from emulators.server import eventually
from gateway.app import CONNECTORS, RUNTIME
from gateway.config import Settings
from gateway.store import Store


async def open_visitor(http: aiohttp.ClientSession, gw: Gateway, origin: str = "") -> Visitor:
    ws = await http.ws_connect(gw.ws_url, origin=origin or gw.url)
    return Visitor(ws)


async def user_texts(store: Store, chat_token_owner: str) -> list[str]:
    entries = await store.conversations.transcript(f"webchat:{chat_token_owner}")
    return [e["text"] for e in entries if e["direction"] == "in" and e.get("kind") == "message"]


def chat_id_of(token: str) -> str:
    return token.split(".")[0]


async def test_a_socket_from_another_site_is_refused(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(gateway.ws_url, origin="https://evil.example")
    assert refused.value.status == 403
    async with http.get(
        gateway.url + "/webchat/ws", headers={"Origin": "https://evil.example"}
    ) as r:
        assert r.status == 403
        assert (await r.json())["error"] == "origin_not_allowed"


async def test_a_listed_origin_may_open_the_chat(
    web_settings: Settings, http: aiohttp.ClientSession
) -> None:
    web_cfg = web_settings.web.model_copy(update={"allowed_origins": ["https://intranet.example"]})
    async with running_gateway(web_settings.model_copy(update={"web": web_cfg})) as gw:
        ws = await http.ws_connect(gw.ws_url, origin="https://intranet.example")
        welcome = await Visitor(ws).hello()
        assert welcome["resumed"] is False and welcome["token"]
        await ws.close()


async def test_an_idle_socket_keeps_no_frame_it_was_sent(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """The visitor's last frame stayed in serve's memory for as long as the socket then
    idled (up to ~70 KB a socket: a pasted log, refused as too long), and the tickets read
    for its welcome for the socket's whole life: a thousand open widgets could hold 70 MB
    of text nobody reads again."""
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    pasted = "x" * 60_000
    tracemalloc.start()
    try:
        await visitor.say(pasted)
        assert (await visitor.frame("error"))["code"] == "too_long"
        await asyncio.sleep(0.2)  # the socket idles, waiting for the next frame
        gc.collect()
        held = [t for t in tracemalloc.take_snapshot().traces if t.size >= len(pasted)]
    finally:
        tracemalloc.stop()
    assert held == []
    await visitor.say("still answered")
    assert (await visitor.frame("ack"))["type"] == "ack"


async def test_an_oversize_message_gets_a_clear_error_and_is_not_stored(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    sent = await visitor.say("x" * 501)
    error = await visitor.frame("error")
    assert error == {"type": "error", "code": "too_long", "id": sent, "limit": 500}
    ok = await visitor.say("printer is offline")
    assert (await visitor.frame("ack"))["id"] == ok
    await visitor.own_entry(ok)
    assert await user_texts(store, chat_id_of(visitor.token)) == ["printer is offline"]


async def test_too_many_messages_are_refused_with_a_retry_time(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    limit = gateway.settings.web.messages_per_minute
    # Twice the limit plus one: refused even if a minute boundary passes meanwhile.
    ids = [await visitor.say(f"message {i}") for i in range(2 * limit + 1)]
    refused = await visitor.frame("error")
    assert refused["code"] == "rate_limited"
    assert refused["id"] in ids
    assert 0 < refused["retry_after"] <= 60


async def test_a_resent_message_is_acknowledged_but_stored_once(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    client_id = await visitor.say("my monitor flickers")
    assert (await visitor.frame("ack"))["id"] == client_id
    mine = await visitor.own_entry(client_id)
    await visitor.ws.close()

    # The ack was "lost": the widget resends after reconnecting.
    again = await open_visitor(http, gateway)
    welcome = await again.hello(token=visitor.token, have=mine["index"] + 1)
    assert welcome["resumed"] is True
    await again.say("my monitor flickers", client_id=client_id)
    assert (await again.frame("ack"))["id"] == client_id
    assert await user_texts(store, chat_id_of(visitor.token)) == ["my monitor flickers"]


async def test_resuming_sends_only_what_the_visitor_has_not_seen(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    first = await visitor.own_entry(await visitor.say("printer is offline"))
    await visitor.ws.close()

    again = await open_visitor(http, gateway)
    await again.hello(token=visitor.token, have=first["index"] + 1)
    nxt = await again.entry()
    assert nxt["index"] > first["index"]

    fresh = await open_visitor(http, gateway)
    await fresh.hello(token=visitor.token, have=0)  # a reloaded page starts from the top
    assert (await fresh.entry())["index"] == first["index"]


async def test_a_turn_reaches_the_visitor_in_one_frame(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    client_id = await visitor.say("my printer shows offline")
    frame = await visitor.frame("entries")
    shown = [(e["index"], e["entry"]) for e in frame["entries"]]
    # The visitor's message and every reply of its turn, oldest first, in one frame.
    transcript = await store.conversations.transcript(f"webchat:{chat_id_of(visitor.token)}")
    visible = [i for i, e in enumerate(transcript) if e["direction"] in ("in", "out")]
    assert [i for i, _ in shown] == visible
    assert shown[0][1]["client_id"] == client_id
    assert [e["direction"] for _, e in shown] == ["in"] + ["out"] * (len(shown) - 1)
    assert [e["text"] for _, e in shown] == [transcript[i]["text"] for i in visible]
    assert len(shown) >= 2


async def test_a_forged_token_starts_a_new_conversation(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    visitor = await open_visitor(http, gateway)
    welcome = await visitor.hello()
    chat_id, stamp, _ = welcome["token"].split(".")
    other = await open_visitor(http, gateway)
    forged = await other.hello(token=f"{chat_id}.{stamp}.AAAA", have=5)
    assert forged["resumed"] is False
    assert chat_id_of(forged["token"]) != chat_id


async def test_a_socket_must_say_hello_first(gateway: Gateway, http: aiohttp.ClientSession) -> None:
    ws = await http.ws_connect(gateway.ws_url, origin=gateway.url)
    await ws.send_json({"type": "message", "id": "abcdefgh1", "text": "hi"})
    assert (await ws.receive_json())["code"] == "bad_frame"
    assert (await ws.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_a_binary_frame_is_answered_as_a_bad_frame(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """Frames are JSON text. A binary one after hello was dropped without a word: a client
    sending its message so waited for an ack that never came. It gets `bad_frame`, and the
    socket goes on."""
    visitor = await open_visitor(http, gateway)
    await visitor.hello()
    await visitor.ws.send_bytes(b'{"type": "message", "id": "abcdefgh12", "text": "hi"}')
    sent = await visitor.say("printer is offline")
    answers = []
    while not answers or answers[-1]["type"] != "ack":
        frame = await visitor.ws.receive_json()
        if frame["type"] in ("error", "ack"):
            answers.append(frame)
    assert answers == [{"type": "error", "code": "bad_frame", "detail": "frames are JSON text"},
                       {"type": "ack", "id": sent}]  # fmt: skip


async def _settled_task_count(store: Store | None = None) -> int:
    """The number of tasks once the loop is idle: with `store`, nothing left for the worker
    or the sender (a reply's delivery runs in a task of its own, which comes and goes), and
    the same count for `SETTLED` samples in a row (two, 50 ms apart, could both catch a
    delivery or a frame in flight: a loaded host makes each last longer)."""
    if store is not None:

        async def idle() -> bool:
            return not await store.inbound.backlog() and not await store.outbox.pending("webchat")

        await eventually(idle, what="the worker and the sender to be idle")
    counts: list[int] = []
    for _ in range(400):
        await asyncio.sleep(0.05)
        counts.append(len(asyncio.all_tasks()))
        if len(counts) >= SETTLED and len(set(counts[-SETTLED:])) == 1:
            break
    return counts[-1]


SETTLED = 8


async def test_an_idle_widget_socket_holds_no_task_of_its_own(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """A thousand open widgets must cost their state alone: once a socket has everything,
    it keeps no task beyond what aiohttp keeps for any WebSocket (a bare echo socket)."""

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        while (msg := await ws.receive()).type == aiohttp.WSMsgType.TEXT:
            await ws.send_str(msg.data)
        return ws

    app = web.Application()
    app.router.add_get("/echo", echo)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    sockets = 4
    try:
        start = await _settled_task_count()
        echoes = [await http.ws_connect(server.make_url("/echo")) for _ in range(sockets)]
        for ws in echoes:
            await ws.send_str("ping")
            assert (await ws.receive(timeout=20)).data == "ping"
        per_echo = (await _settled_task_count() - start) / sockets

        store = gateway.app[RUNTIME].store
        start = await _settled_task_count(store)
        visitors = [await open_visitor(http, gateway) for _ in range(sockets)]
        for visitor in visitors:
            await visitor.hello()
            await visitor.own_entry(await visitor.say("hello"))  # its replies now on their way
        per_widget = (await _settled_task_count(store) - start) / sockets
        assert per_widget == per_echo
        for v in visitors:
            await v.ws.close()
        for ws in echoes:
            await ws.close()
    finally:
        await server.close()


async def test_live_sockets_do_not_compress_what_browsers_offer_to(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """Every browser offers permessage-deflate. A socket that accepts it keeps zlib state
    (~100 KiB resident each, a few hundred bytes a frame to save): the widget's and the
    console's sockets answer without it, and work."""
    offered = 15  # the window bits a browser offers
    ws = await http.ws_connect(gateway.ws_url, origin=gateway.url, compress=offered)
    visitor = Visitor(ws)
    await visitor.hello()
    assert ws.compress == 0  # the handshake's answer named no extension
    sent = await visitor.say("my printer is offline")
    assert (await visitor.own_entry(sent))["entry"]["text"] == "my printer is offline"
    await ws.close()
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200
    live = await http.ws_connect(
        gateway.url + "/console/ws", headers={"Origin": gateway.url}, compress=offered
    )
    assert live.compress == 0
    await live.close()


async def test_a_password_written_in_the_chat_is_never_kept(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """A visitor's "my password is …" was stored as written: in the transcript operators
    read (and search), the ticket's first message, the inbound stream."""
    visitor = await open_visitor(http, gateway)
    await visitor.hello(lang="ru")
    client_id = await visitor.say("не могу войти в почту, мой пароль Zima_2025! не подходит")
    mine = await visitor.own_entry(client_id)
    assert mine["entry"]["text"] == "не могу войти в почту, мой пароль •••••• не подходит"
    told = [(await visitor.entry())["entry"]["text"]]
    while "похоже на пароль" not in told[-1] and len(told) < 6:  # after the bot's answer
        told.append((await visitor.entry())["entry"]["text"])
    assert "похоже на пароль" in told[-1], told
    assert "Zima_2025" not in await every_stored_value(store)


async def refused_counts(http: aiohttp.ClientSession, gw: Gateway) -> dict[str, float]:
    """`firstline_webchat_frames_refused_total` on /metrics, by reason."""
    async with http.get(gw.url + "/metrics") as r:
        text = await r.text()
    counts = {}
    for line in text.splitlines():
        if line.startswith("firstline_webchat_frames_refused_total{"):
            labels, value = line.rsplit(" ", 1)
            counts[labels.split('reason="')[1].split('"')[0]] = float(value)
    return counts


async def test_refused_frames_are_logged_without_their_text_and_counted(
    gateway: Gateway, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Refused frames (not a frame we know, before hello, too long, too large) were answered
    and logged nowhere. Each socket logs its first five, then at its close how many it
    left out; /metrics counts them all by reason; no message text reaches the log."""
    secret = "my password is Hunter2-secret"
    before = await refused_counts(http, gateway)
    caplog.set_level(logging.INFO, logger="gateway")
    logging.getLogger("gateway").addHandler(caplog.handler)  # propagation may be off
    try:
        early = await http.ws_connect(gateway.ws_url, origin=gateway.url)
        await early.send_json({"type": "message", "id": "abcdefgh1", "text": secret})
        assert (await early.receive_json())["code"] == "bad_frame"
        await early.close()
        visitor = await open_visitor(http, gateway)
        await visitor.hello()
        for _ in range(7):
            await visitor.ws.send_str(f"not json: {secret}")
            assert (await visitor.frame("error"))["code"] == "bad_frame"
        await visitor.say(secret + "x" * 500)
        assert (await visitor.frame("error"))["code"] == "too_long"
        await visitor.ws.close()
        big = await open_visitor(http, gateway)
        await big.hello()
        await big.ws.send_str("x" * (70 * 1024 + 8 * 500))
        assert (await big.frame("error"))["code"] == "too_long"
        closed = await big.ws.receive(timeout=10)
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 1009

        def handlers_done() -> bool:  # aiohttp sends the 1009 before the handler logs it
            return any(getattr(r, "reason", "") == "too_large" for r in caplog.records) and any(
                r.getMessage() == "web-chat frames refused and not logged" for r in caplog.records
            )

        await eventually(handlers_done, what="the server's socket handlers to log their refusals")
    finally:
        logging.getLogger("gateway").removeHandler(caplog.handler)
    records = list({id(r): r for r in caplog.records}.values())  # once, however it came
    refused = [r for r in records if r.getMessage() == "web-chat frame refused"]
    reasons = [r.reason for r in refused]  # type: ignore[attr-defined]
    assert reasons == ["before_hello"] + ["bad_frame"] * 5 + ["too_large"], reasons
    left_out = [r for r in records if r.getMessage() == "web-chat frames refused and not logged"]
    assert [r.count for r in left_out] == [3]  # type: ignore[attr-defined]  # 2 bad + too_long
    assert all(r.client for r in refused)  # type: ignore[attr-defined]
    assert all("Hunter2" not in str(r.__dict__) for r in records)
    after = await refused_counts(http, gateway)
    grown = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    assert grown == {"before_hello": 1, "bad_frame": 7, "too_long": 1, "too_large": 1}


async def test_a_frame_over_the_socket_s_limit_is_refused_in_words_and_loses_nothing(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """A frame past `max_msg_size` (64 KiB + 8 bytes a character: 95 KiB by default) was
    closed by aiohttp with a bare 1009: nothing a client could show. Now an error frame
    says it (too_long, the limits), the close carries a reason, the message acknowledged
    before it is kept and answered, and the visitor goes on after reconnecting."""
    visitor = await open_visitor(http, gateway)
    welcome = await visitor.hello()
    first = await visitor.say("I forgot my password")
    assert (await visitor.frame("ack"))["id"] == first
    await visitor.ws.send_str(
        json.dumps({"type": "message", "id": "big00001", "text": "x" * 1_000_000})
    )
    refused = await visitor.frame("error")
    assert refused["code"] == "too_long" and "id" not in refused
    assert refused["limit"] == welcome["max_chars"] and refused["max_bytes"] < 1_000_000
    closed = await visitor.ws.receive(timeout=10)
    assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 1009
    assert closed.extra == "message too big"

    again = await open_visitor(http, gateway)
    assert (await again.hello(token=visitor.token))["resumed"] is True
    later = await again.say("the printer is offline")
    assert (await again.frame("ack"))["id"] == later
    chat = chat_id_of(visitor.token)
    both = ["I forgot my password", "the printer is offline"]

    async def kept() -> bool:
        entries = await store.conversations.transcript(f"webchat:{chat}")
        answered = any(e["direction"] == "out" for e in entries)
        return answered and await user_texts(store, chat) == both

    await eventually(kept, what="both messages stored")
    assert "big00001" not in json.dumps(await store.conversations.transcript(f"webchat:{chat}"))
    await again.ws.close()


async def test_a_visitor_gone_before_the_ack_is_one_quiet_log_line(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A visitor who vanishes (a tab closed, the network lost: no close frame) while their
    message is being stored: the ack then meets a closed transport. That is expected, and
    the message is kept (the widget resends it when it comes back, as a repeat). Before,
    each such visitor left an ERROR 'web-chat frame failed' with aiohttp's traceback
    ('Cannot write to closing transport') and a WARNING 'socket closed on an error'."""
    chat = next(c for c in gateway.app[CONNECTORS] if c.channel == "webchat")
    storing, gone = asyncio.Event(), asyncio.Event()
    accept = chat._on_message

    async def slow_accept(message, limits=()):  # type: ignore[no-untyped-def]
        storing.set()
        await gone.wait()
        return await accept(message, limits)

    chat._on_message = slow_accept
    caplog.set_level(logging.INFO, logger="gateway")
    logging.getLogger("gateway").addHandler(caplog.handler)  # propagation may be off
    try:
        visitor = await open_visitor(http, gateway)
        await visitor.hello()
        await visitor.say("the printer on floor 2 is offline")
        await eventually(storing.is_set, what="the message being stored")
        [server_side] = chat.sockets
        visitor.ws._response.connection.transport.abort()  # type: ignore[union-attr]

        def reset_seen() -> bool:
            writer = server_side._writer
            return writer is None or writer.transport is None or writer.transport.is_closing()

        await eventually(reset_seen, what="the server to see the visitor gone")
        gone.set()
        await eventually(lambda: not chat.sockets, what="the server's socket handler to end")
    finally:
        chat._on_message = accept
        logging.getLogger("gateway").removeHandler(caplog.handler)
    said = await eventually(
        lambda: user_texts(store, chat_id_of(visitor.token)), what="the message's turn"
    )
    assert said == ["the printer on floor 2 is offline"], "kept, once"
    records = list({id(r): r for r in caplog.records}.values())
    assert [r for r in records if r.exc_info or r.levelno >= logging.WARNING] == []
    left = [r.getMessage() for r in records if "left" in r.getMessage()]
    assert left == ["live socket: its reader left before a frame reached it"]
