"""The console's HTTP API: sign-in, CSRF, who sees what, and actions through the desk."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from urllib.parse import quote

import aiohttp
import pytest
from harness import PASSWORD, Console, Gateway, running_gateway, seed_ticket

from emulators.harness import every_stored_value
from emulators.server import in_one_window
from gateway.app import RUNTIME
from gateway.config import Settings
from gateway.models import InboundMessage, SupportGroup
from gateway.reports.figures import ReportQuery
from gateway.reports.service import ReportService
from gateway.store import Store, Transaction, keys
from gateway.texts import Texts
from gateway.web.auth import hash_password


async def test_a_wrong_password_gives_no_session(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    console = Console(http, gateway)
    status, body = await console.sign_in("alice", "not her password")
    assert (status, body) == (401, {"error": "wrong login or password"})
    assert "fl_console" not in {c.key for c in http.cookie_jar}
    assert (await console.get("/console/api/tickets"))[0] == 401
    status, _ = await console.sign_in("nobody", "whatever123")
    assert status == 401


async def test_sign_in_without_the_form_token_is_refused(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    console = Console(http, gateway)
    await console.get("/console/api/session")  # sets the nonce cookie
    status, body = await console.post(
        "/console/api/login", {"login": "alice", "password": "correct horse battery"}, csrf=""
    )
    assert status == 403
    assert "expired" in body["error"]
    assert "fl_console" not in {c.key for c in http.cookie_jar}


async def test_an_action_without_the_csrf_token_is_refused_and_changes_nothing(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    ticket = await seed_ticket(store)
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200
    status, body = await console.post(f"/console/api/tickets/{ticket.id}/take", csrf="")
    assert status == 403
    assert "CSRF" in body["error"]
    status, _ = await console.post(f"/console/api/tickets/{ticket.id}/take", csrf="forged")
    assert status == 403
    assert (await store.tickets.get(ticket.id)).assignee == ""  # type: ignore[union-attr]


async def test_a_second_operator_sees_the_ticket_taken(gateway: Gateway, store: Store) -> None:
    ticket = await seed_ticket(store)
    jars = [aiohttp.CookieJar(unsafe=True) for _ in range(2)]
    async with (
        aiohttp.ClientSession(cookie_jar=jars[0]) as a,
        aiohttp.ClientSession(cookie_jar=jars[1]) as b,
    ):
        alice, bob = Console(a, gateway), Console(b, gateway)
        await alice.sign_in("alice")
        await bob.sign_in("bob")
        status, body = await alice.post(f"/console/api/tickets/{ticket.id}/take")
        assert status == 200 and body["ticket"]["assignee"] == "alice"
        status, body = await bob.post(f"/console/api/tickets/{ticket.id}/take")
        refusal = {"error": "taken by alice", "key": "taken", "params": {"name": "alice"}}
        assert (status, body) == (409, refusal)
        status, body = await bob.post(f"/console/api/tickets/{ticket.id}/reply", {"text": "hi"})
        assert status == 409 and "alice" in body["error"]
        _, page = await bob.get(f"/console/api/tickets/{ticket.id}")
        assert page["conversation"]["owner"] == "operator:alice"


async def test_operators_see_only_their_groups_and_the_queue_is_ordered(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    from gateway.models import Priority

    low = await seed_ticket(store, subject="mouse", priority=Priority.P4)
    urgent = await seed_ticket(store, subject="server down", priority=Priority.P1)
    vpn = await seed_ticket(store, subject="vpn", group=SupportGroup.NETWORK)
    carol = Console(http, gateway)
    await carol.sign_in("carol")  # network only
    _, queue = await carol.get("/console/api/tickets")
    assert [t["id"] for t in queue["tickets"]] == [vpn.id]
    assert (await carol.get(f"/console/api/tickets/{low.id}"))[0] == 404
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        admin = Console(other, gateway)
        await admin.sign_in("root")
        _, queue = await admin.get("/console/api/tickets")
        ids = [t["id"] for t in queue["tickets"]]
        assert ids.index(urgent.id) < ids.index(vpn.id) < ids.index(low.id)
        _, hardware = await admin.get("/console/api/tickets?group=hardware")
        assert {t["id"] for t in hardware["tickets"]} == {low.id, urgent.id}


async def test_an_action_sent_again_with_its_id_is_applied_once(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The console sends an id with each click and the same id when it repeats an action
    whose answer was lost: the reply reaches the user once, both answers say done."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4242")
    console = Console(http, gateway)
    await console.sign_in("bob")
    take = {"action_id": "0f3c9a7e52d14b6c"}
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", take))[0] == 200
    reply = {"text": "Please try the scanner now.", "action_id": "7d1e0b6a9c2f4e8d"}
    for _ in range(2):
        status, body = await console.post(f"/console/api/tickets/{ticket.id}/reply", reply)
        assert status == 200 and body["ticket"]["status"] == "waiting_for_user"

    logged = await store.conversations.transcript(ticket.conversation_key)
    assert [e["text"] for e in logged].count("Please try the scanner now.") == 1
    queued = await store.redis.xrange(keys.outbound_stream("telegram"))
    assert sum(b"Please try the scanner now." in f[b"d"] for _, f in queued) == 1
    status, body = await console.post(
        f"/console/api/tickets/{ticket.id}/reply", {"text": "x", "action_id": "a b"}
    )
    assert status == 400 and "action_id" in body["error"]


@pytest.mark.parametrize("action", ["escalate", "resolve", "hand_back"])
async def test_escalate_resolve_and_hand_back_sent_twice_by_a_flaky_client_happen_once(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store, action: str
) -> None:
    """A client that lost the answer sends the same action again with its id: both
    answers say done, the history records it once, the user is told once. An escalation
    past the operator's level took the ticket out of their sight, and its resend was
    answered 404 as if nothing had been done."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4343")
    console = Console(http, gateway)
    await console.sign_in("bob")
    take = {"action_id": "1a2b3c4d5e6f7a8b"}
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", take))[0] == 200
    path, body = {
        "escalate": ("update", {"level": "L2"}),
        "resolve": ("resolve", {"comment": "replaced the toner"}),
        "hand_back": ("hand_back", {}),
    }[action]
    body = {**body, "action_id": "9f8e7d6c5b4a3f2e"}
    outbound_before = len(await store.redis.xrange(keys.outbound_stream("telegram")))
    first = await console.post(f"/console/api/tickets/{ticket.id}/{path}", body)
    events = [e.action for e in await store.tickets.events(ticket.id)]
    told = len(await store.redis.xrange(keys.outbound_stream("telegram"))) - outbound_before
    again = await console.post(f"/console/api/tickets/{ticket.id}/{path}", body)
    assert (first[0], again[0]) == (200, 200)
    assert first[1]["ticket"] == again[1]["ticket"]
    assert first[1]["visible"] == again[1]["visible"]  # an escalation past L1: False
    assert [e.action for e in await store.tickets.events(ticket.id)] == events
    after = len(await store.redis.xrange(keys.outbound_stream("telegram"))) - outbound_before
    assert after == told


async def test_a_take_s_id_sent_again_as_a_force_take_opens_no_ticket_out_of_sight(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """A resend passes the sight check only as the action it was first applied as. A
    take and a force-take counted as one: a lead who had taken a ticket and escalated it
    past their level could send that take's id again with `force` and take the ticket
    they can no longer see (an L3 ticket, for an L2 lead)."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4344")
    console = Console(http, gateway)
    await console.sign_in("dave")  # lead of hardware, L2
    url = f"/console/api/tickets/{ticket.id}"
    take = {"action_id": "7c6b5a4d3e2f1a0b"}
    assert (await console.post(url + "/take", take))[0] == 200
    status, body = await console.post(url + "/update", {"level": "L3", "action_id": "0a1b2c3d4e"})
    assert (status, body["visible"]) == (200, False)
    assert (await console.post(url + "/take", take))[0] == 200  # the same click: as the first
    status, body = await console.post(url + "/take", {**take, "force": True})
    assert status == 404 and body["key"] == "no_ticket", body
    held = await store.tickets.get(ticket.id)
    assert held is not None and held.assignee == "" and held.level.value == "L3"


async def test_an_incident_declared_again_with_its_id_is_declared_once(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The console repeats a declaration whose answer was lost (or a double click) with
    the same id: one incident, and both answers name it. Before, the declaration carried
    no id, and one without services (no signature to claim) was declared twice."""
    console = Console(http, gateway)
    await console.sign_in("bob")
    declare = {"title": "Phones are down", "messages": {"en": "We are on it."},
               "action_id": "5b7e0c1d9a3f4e2b"}  # fmt: skip
    answers = [await console.post("/console/api/incidents", declare) for _ in range(2)]
    assert [status for status, _ in answers] == [200, 200]
    first, again = (body["incident"]["id"] for _, body in answers)
    assert again == first and await store.incidents.open_ids() == [first]
    declare["action_id"] = "5b7e0c1d9a3f4e2c"  # another click is another declaration
    status, body = await console.post("/console/api/incidents", declare)
    assert status == 200 and body["incident"]["id"] != first
    assert len(await store.incidents.open_ids()) == 2


async def test_a_reply_with_a_password_is_refused_and_nothing_is_sent(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """An operator's "your temporary password: …" went to the user's channel and stayed in
    the transcript. Passwords never go in the chat: refused (409, its own text), nothing
    kept or sent; the reply without it goes out."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4343")
    console = Console(http, gateway)
    await console.sign_in("bob")
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
    url = f"/console/api/tickets/{ticket.id}/reply"
    status, body = await console.post(url, {"text": "Ваш временный пароль: Temp-2026!x"})
    assert (status, body["key"]) == (409, "password_in_reply")
    # Nor as the name of a file for the reply ("пароль Temp-2026!x.txt"): refused at its
    # upload, so it does not wait in the upload store for its retention either.
    for name in ("пароль Temp-2026!x.txt", "пароль_Zima2025.png"):
        headers = {"Origin": gateway.url, "X-CSRF-Token": console.csrf,
                   "X-File-Name": quote(name)}  # fmt: skip
        async with http.post(gateway.url + f"/console/api/tickets/{ticket.id}/files",
                             data=b"see the attached", headers=headers) as resp:  # fmt: skip
            assert (resp.status, (await resp.json())["key"]) == (409, "password_in_file_name")
    stored = await every_stored_value(store)
    assert "Temp-2026" not in stored and "Zima2025" not in stored
    status, _ = await console.post(url, {"text": "Пароль не подходит? Отправьте /reset."})
    assert status == 200
    logged = json.dumps(await store.conversations.transcript(ticket.conversation_key))
    queued = repr(await store.redis.xrange(keys.outbound_stream("telegram")))
    assert "Temp-2026" not in logged + queued and "/reset" in logged


async def test_a_note_stays_internal(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    ticket = await seed_ticket(store)
    console = Console(http, gateway)
    await console.sign_in("bob")
    status, _ = await console.post(
        f"/console/api/tickets/{ticket.id}/note", {"text": "user is in room 301"}
    )
    assert status == 200
    _, page = await console.get(f"/console/api/tickets/{ticket.id}")
    assert [n["text"] for n in page["notes"]] == ["user is in room 301"]
    transcript = await store.conversations.transcript(ticket.conversation_key)
    assert all("room 301" not in e["text"] for e in transcript)
    assert await store.outbox.dead_letters() == []


async def test_sign_out_ends_the_session(gateway: Gateway, http: aiohttp.ClientSession) -> None:
    console = Console(http, gateway)
    await console.sign_in("bob")
    assert (await console.get("/console/api/tickets"))[0] == 200
    assert (await console.post("/console/api/logout"))[0] == 200
    assert (await console.get("/console/api/tickets"))[0] == 401


@pytest.fixture
async def https_gateway(web_settings: Settings) -> AsyncIterator[Gateway]:
    """A gateway behind a TLS proxy: its public address is https, it speaks plain HTTP."""
    http_settings = web_settings.http.model_copy(
        update={"public_url": "https://support.example.com"}
    )
    async with running_gateway(web_settings.model_copy(update={"http": http_settings})) as gw:
        yield gw


async def test_behind_a_tls_proxy_the_session_cookie_is_secure(
    https_gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """A proxy ends TLS and speaks plain HTTP to the gateway: the session cookie was set
    without Secure, so the browser would send it in the clear to http://the same host."""
    gw = https_gateway
    async with http.get(gw.url + "/console/api/session") as resp:
        csrf = (await resp.json())["csrf"]
        login_cookie = resp.cookies["fl_login"]
    # The browser sends it back over https, through the proxy: here by hand (the jar
    # rightly keeps a Secure cookie off a plain-HTTP address).
    headers = {"Origin": gw.url, "X-CSRF-Token": csrf,
               "Cookie": f"fl_login={login_cookie.value}"}  # fmt: skip
    body = {"login": "bob", "password": PASSWORD}
    async with http.post(gw.url + "/console/api/login", json=body, headers=headers) as resp:
        assert resp.status == 200
        session_cookie = resp.cookies["fl_console"]
    for cookie in (login_cookie, session_cookie):
        assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Strict"
        assert cookie["path"] == "/console"


async def test_with_an_https_address_a_plain_http_page_is_told_where_to_sign_in(
    https_gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """Desk34: with an https `public_url`, the console opened over plain http failed every
    sign-in with "the sign-in form expired; reload the page": the form's cookie is Secure, the
    browser never keeps it, and a reload never helps. The refusal now says where to go; CSRF
    is checked as before (no cookie, no sign-in)."""
    gw = https_gateway
    async with http.get(gw.url + "/console/api/session") as resp:
        csrf = (await resp.json())["csrf"]
        assert resp.cookies["fl_login"]["secure"]
    # as the browser does on http: the Secure cookie is not kept, nor sent back
    http.cookie_jar.clear()
    headers = {"Origin": gw.url, "X-CSRF-Token": csrf}
    body = {"login": "bob", "password": PASSWORD}
    async with http.post(gw.url + "/console/api/login", json=body, headers=headers) as resp:
        refusal = await resp.json()
        assert resp.status == 403 and "fl_console" not in resp.cookies
    url = "https://support.example.com/console"
    assert refusal == {
        "error": f"this console signs in over https only: open {url}",
        "key": "https_only",
        "params": {"url": url},
    }
    for lang in ("en", "ru", "uk"):  # the console shows it in the operator's language
        shown = Texts.load().section("console", lang)["refused_https_only"]
        assert url in shown.format(url=url)
    # the same form over https (through the proxy) without its cookie: expired, as before
    headers["Origin"] = "https://support.example.com"
    async with http.post(gw.url + "/console/api/login", json=body, headers=headers) as resp:
        assert resp.status == 403 and "expired" in (await resp.json())["error"]


async def test_the_ticket_page_says_when_a_reply_goes_out_as_a_template(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    import time

    now = time.time()
    late = await seed_ticket(
        store, channel="whatsapp", chat_id="380501234567", last_user_at=now - 25 * 3600
    )
    fresh = await seed_ticket(
        store, channel="whatsapp", chat_id="380509999999", last_user_at=now - 3600
    )
    page_user = await seed_ticket(
        store, channel="messenger", chat_id="6254982447", last_user_at=now - 30 * 3600
    )
    console = Console(http, gateway)
    await console.sign_in("root")
    windows = {}
    for ticket in (late, fresh, page_user):
        _, page = await console.get(f"/console/api/tickets/{ticket.id}")
        windows[ticket.id] = page["conversation"]["reply_window"]
    assert windows[late.id]["mode"] == "template"
    assert (
        "25 h ago" in windows[late.id]["note"]
        and "ticket_update template" in windows[late.id]["note"]
    )
    assert windows[fresh.id] == {"mode": "free", "note": ""}
    assert windows[page_user.id]["mode"] == "closed"  # no Human Agent feature configured
    assert "until they write again" in windows[page_user.id]["note"]


async def test_bytes_that_are_not_utf8_and_positions_past_64_bits_are_4xx(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Found by the outside pass (each a 500 before): the language preference read its
    body as text (UnicodeDecodeError), a file's position went to Redis as an index past
    64 bits ("value is not an integer or out of range")."""
    ticket = await seed_ticket(store)
    console = Console(http, gateway)
    assert (await console.sign_in("root"))[0] == 200
    headers = {"Origin": gateway.url, "X-CSRF-Token": console.csrf}
    async with http.post(
        gateway.url + "/console/api/preferences", data=b'{"language": "\xff"}', headers=headers
    ) as resp:
        assert resp.status == 400
    for index, n in (("99999999999999999999", "0"), ("0", "99999999999999999999"), ("-1", "0")):
        path = f"/console/api/tickets/{ticket.id}/files/{index}/{n}"
        assert (await console.get(path))[0] == 404, path
    assert (await console.get(f"/console/api/tickets/{ticket.id}/original/1e3"))[0] == 404


async def test_a_watch_past_64_bits_is_read_from_the_start_not_failed(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """The console socket's `watch` took any positive `have` as its cursor: past 64 bits
    Redis refused the read, the socket was closed 1011 (the page reconnects and sends the
    same), and the operator's "seen up to" mark was set past every entry (the ticket never
    showed unread again)."""
    ticket = await seed_ticket(store)
    console = Console(http, gateway)
    assert (await console.sign_in("root"))[0] == 200
    async with http.ws_connect(gateway.url + "/console/ws", headers={"Origin": gateway.url}) as ws:
        await ws.send_json({"type": "watch", "ticket": ticket.id, "have": 2**80})
        await ws.send_json({"type": "watch", "ticket": "HD-999999"})
        while (msg := await ws.receive(timeout=30)).type == aiohttp.WSMsgType.TEXT:
            if msg.json().get("error") == "no such ticket":
                break
        assert msg.type == aiohttp.WSMsgType.TEXT, f"closed {ws.close_code}"
    assert all(n <= 10**7 for n in (await store.operators.seen("root")).values())


async def _raw(gw: Gateway, request: bytes) -> bytes:
    """The status line the gateway answers to a request written byte by byte (headers
    with bytes no client library would send)."""
    host, port = gw.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(request)
    await writer.drain()
    status = await reader.readline()
    writer.close()
    return status.strip()


async def test_tokens_that_are_not_ascii_are_nobody_s(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """A session cookie, a CSRF header, a chat token or a file link that is not ASCII was
    compared as text (hmac.compare_digest raises TypeError on non-ASCII str): a 500 on
    every console request of that browser, a 1011 on the web chat. Now nobody's."""
    forged = "a.1796280000.\u00e9".encode()
    cookie = b"GET /console/api/session HTTP/1.1\r\nHost: x\r\nCookie: fl_console=" + forged
    assert await _raw(gateway, cookie + b"\r\nConnection: close\r\n\r\n") == b"HTTP/1.1 200 OK"
    upload = (b"POST /webchat/files HTTP/1.1\r\nHost: x\r\nX-Chat-Token: " + forged
              + b"\r\nX-Client-Id: abcdefgh12\r\nContent-Length: 3\r\nConnection: close"
              + b"\r\n\r\nabc")  # fmt: skip
    assert (await _raw(gateway, upload)).startswith(b"HTTP/1.1 401")
    async with http.get(gateway.url + "/files/public/a.b.%C3%A9") as link:
        assert link.status == 404
    console = Console(http, gateway)
    assert (await console.sign_in("root"))[0] == 200
    status, _ = await console.post("/console/api/preferences", {"language": "en"}, csrf="\u00e9")
    assert status == 403
    async with http.ws_connect(gateway.url + "/webchat/ws", origin=gateway.url) as ws:
        await ws.send_json({"type": "hello", "token": "a.b.\u00e9", "have": 0, "lang": "en"})
        welcome = await ws.receive_json(timeout=30)
        assert (welcome["type"], welcome["resumed"]) == ("welcome", False)


async def test_a_file_name_of_undecodable_bytes_is_kept_as_text(
    gateway: Gateway, http: aiohttp.ClientSession
) -> None:
    """X-File-Name as raw bytes that are not UTF-8 (a header's undecodable bytes reach us
    as surrogates): the upload was a 500 (the name could not be stored); now kept."""
    async with http.ws_connect(gateway.url + "/webchat/ws", origin=gateway.url) as ws:
        await ws.send_json({"type": "hello", "token": None, "have": 0, "lang": "en"})
        token = (await ws.receive_json(timeout=30))["token"]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    upload = (b"POST /webchat/files HTTP/1.1\r\nHost: x\r\nX-Chat-Token: " + token.encode()
              + b"\r\nX-Client-Id: upload0001\r\nX-File-Name: \xff\xfe.png\r\nContent-Length: "
              + str(len(png)).encode() + b"\r\nConnection: close\r\n\r\n" + png)  # fmt: skip
    assert await _raw(gateway, upload) == b"HTTP/1.1 200 OK"


async def told_on_telegram(store: Store, chat_id: str) -> list[str]:
    """What the Telegram user was sent (queued for delivery), in order."""
    texts = []
    for _, fields in await store.redis.xrange(keys.outbound_stream("telegram")):
        delivery = json.loads(fields[b"d"])
        if delivery["chat_id"] == chat_id:
            texts.append(delivery["message"]["text"])
    return texts


@pytest.mark.parametrize("late", [False, True])
async def test_after_hand_back_the_user_is_told_when_a_person_answers(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store, late: bool
) -> None:
    """Handed back to the bot, the ticket waits in the queue with nobody on it: the user is
    told when a specialist answers (the desk's promise, the first answer here), or, when
    that time has passed, that one will as soon as possible. Before, only that the request
    "stays open"."""
    # "today" is the desk's (UTC) day when the bot tells it and when this test reads it
    await in_one_window(86_400, room=60)
    ticket = await seed_ticket(store, channel="telegram", chat_id="4545")
    if late:  # nobody answered in time, and the breach was handled without a new promise
        ticket.first_response_due = time.time() - 60
        # (as for a P1 at L3: nothing to raise). Not marked, the SLA timers could handle it
        # between these steps and promise a new time, which the user would then be told.
        for fired in ("first_response_warning", "first_response_breach", "promise_breach"):
            ticket.mark_fired(fired)
        tx = Transaction()
        tx.save_ticket(ticket)
        await store.commit(tx)
    console = Console(http, gateway)
    await console.sign_in("bob")
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", {}))[0] == 200
    assert (await console.post(f"/console/api/tickets/{ticket.id}/hand_back", {}))[0] == 200

    told = (await told_on_telegram(store, "4545"))[-1]
    assert told.startswith("The specialist has handed the conversation back to me.")
    if late:
        assert "already past the time we promised" in told
        assert "as soon as possible" in told
    else:
        due = datetime.fromtimestamp(ticket.first_response_due, UTC)
        when = due.strftime("by %H:%M today")
        if due.date() != datetime.now(UTC).date():
            when = due.strftime("by %d.%m at %H:%M")
        assert f"expect an answer {when}." in told


async def test_a_reply_of_an_account_without_a_name_is_signed_operator(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass: an account added without --name replied on Viber under the bot's name
    and unsigned on Telegram: the user could not tell a person wrote. The README says such an
    account signs as "operator"; now it does, in the user's language."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4646", language="uk")
    console = Console(http, gateway)
    await console.sign_in("sysadmin")  # an admin account with no display name
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", {}))[0] == 200
    reply = {"text": "Перевірте кабель, будь ласка."}
    assert (await console.post(f"/console/api/tickets/{ticket.id}/reply", reply))[0] == 200
    sent = [
        json.loads(fields[b"d"])["message"]
        for _, fields in await store.redis.xrange(keys.outbound_stream("telegram"))
    ]
    [message] = [m for m in sent if m["text"] == "Перевірте кабель, будь ласка."]
    assert message["author_name"] == "Оператор"


async def test_a_ticket_handed_back_is_in_the_queue_for_console_user_and_report(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass: handed back to the bot, a ticket stayed "in progress" with nobody on
    it. The console, the user's "where is my ticket?" and the report now say it waits in
    its group's queue; the clock the operator's question had paused runs again."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4646")
    console = Console(http, gateway)
    await console.sign_in("bob")
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", {}))[0] == 200
    status, body = await console.post(
        f"/console/api/tickets/{ticket.id}/reply", {"text": "Which floor is it on?"}
    )
    assert status == 200 and body["ticket"]["shown_status"] == "waiting_for_user"
    status, body = await console.post(f"/console/api/tickets/{ticket.id}/hand_back", {})
    assert status == 200
    shown = body["ticket"]
    assert (shown["status"], shown["shown_status"], shown["assignee"]) == ("open", "in_queue", "")
    assert shown["sla_paused_at"] == 0  # waiting for a specialist: the clock runs
    opened = (await console.get(f"/console/api/tickets/{ticket.id}"))[1]
    assert opened["ticket"]["shown_status"] == "in_queue"
    queue = (await console.get("/console/api/tickets"))[1]["tickets"]
    assert [t["shown_status"] for t in queue if t["id"] == ticket.id] == ["in_queue"]
    # the user asks where the request is
    rt = gateway.app[RUNTIME]
    asked = InboundMessage(channel="telegram", chat_id="4646", message_id="4646:1",
                           text="/status", language_hint="en")  # fmt: skip
    outcome = await rt.service.handle(asked)
    card = "\n".join(r.text for r in outcome.replies)
    assert f"{ticket.id} — in the specialists' queue" in card, card
    assert "in progress" not in card
    # the report's live SLA rows say the same
    report = ReportService(store)
    [live] = await report._live([ticket.id], ReportQuery(date(2026, 1, 1), date(2026, 1, 1)))
    assert (live["status"], live["assignee"]) == ("in_queue", "")


async def test_handing_back_a_resolved_ticket_says_it_is_resolved(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass (hard-out19): the operator who resolved a ticket pressed "hand back"
    (resolving had already given the conversation back to the bot) and read "Take the
    ticket over first (it is held by bob)": themselves, and a take is refused on a resolved
    ticket. The console says what is true, and nothing is changed or told."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4646")
    console = Console(http, gateway)
    await console.sign_in("bob")
    assert (await console.post(f"/console/api/tickets/{ticket.id}/take", {}))[0] == 200
    assert (await console.post(f"/console/api/tickets/{ticket.id}/resolve", {}))[0] == 200
    told = len(await told_on_telegram(store, "4646"))
    events = [e.action for e in await store.tickets.events(ticket.id)]
    status, body = await console.post(f"/console/api/tickets/{ticket.id}/hand_back", {})
    assert (status, body["key"]) == (409, "already"), body
    assert body["error"] == f"ticket {ticket.id} is already resolved"
    assert [e.action for e in await store.tickets.events(ticket.id)] == events
    assert len(await told_on_telegram(store, "4646")) == told


async def test_a_ticket_brought_back_to_the_first_line_is_no_longer_escalated(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass (session 26): escalated to L2 and brought back to L1 by its lead, a
    ticket kept the status "escalated": the console showed "Escalated" on a first-line
    ticket and the user asking where it was read "with the second line". Back at L1 it
    waits in its group's queue; L3 brought back to L2 is still above the first line."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4747")
    console = Console(http, gateway)
    await console.sign_in("sysadmin")
    url = f"/console/api/tickets/{ticket.id}/update"
    status, body = await console.post(url, {"level": "L3"})
    assert status == 200 and body["ticket"]["status"] == "escalated"
    status, body = await console.post(url, {"level": "L2"})
    assert status == 200 and body["ticket"]["status"] == "escalated"
    status, body = await console.post(url, {"level": "L1"})
    assert status == 200
    shown = body["ticket"]
    assert (shown["level"], shown["status"], shown["shown_status"]) == ("L1", "open", "in_queue")
    queue = (await console.get("/console/api/tickets"))[1]["tickets"]
    assert [t["shown_status"] for t in queue if t["id"] == ticket.id] == ["in_queue"]
    rt = gateway.app[RUNTIME]
    asked = InboundMessage(channel="telegram", chat_id="4747", message_id="4747:1",
                           text="/status", language_hint="en")  # fmt: skip
    card = "\n".join(r.text for r in (await rt.service.handle(asked)).replies)
    assert f"{ticket.id} — in the specialists' queue" in card, card
    assert "second line" not in card


async def test_the_user_is_told_their_ticket_went_back_a_line_not_to_another_team(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass (session 26): a held ticket brought back from L3 to L2, or to L1, told
    its user "passed to another team": it is the same team's other line, and the news says
    which. A ticket moved to another group is still another team's."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4848", language="ru")
    console = Console(http, gateway)
    await console.sign_in("sysadmin")
    url = f"/console/api/tickets/{ticket.id}"
    assert (await console.post(url + "/update", {"level": "L3"}))[0] == 200
    for level, line in (("L2", "второй линии"), ("L1", "первой линии")):
        assert (await console.post(url + "/take", {}))[0] == 200
        assert (await console.post(url + "/update", {"level": level}))[0] == 200
        told = (await told_on_telegram(store, "4848"))[-1]
        back = f"Заявка {ticket.id} возвращена специалистам {line}. Специалист напишет вам здесь."
        assert told == back, told
    assert (await console.post(url + "/take", {}))[0] == 200
    assert (await console.post(url + "/update", {"group": "network"}))[0] == 200
    told = (await told_on_telegram(store, "4848"))[-1]
    assert told == f"Заявка {ticket.id} передана другой команде. Специалист напишет вам здесь."


async def test_a_conversation_the_bot_already_has_is_not_handed_back_again(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    """Outside pass (session 26): an admin's page still showed the ticket held (another
    operator had escalated it meanwhile, which gave the conversation to the bot); "hand
    back" then told the user "the specialist has handed the conversation back to me" about
    nobody. Refused now as for any operator, and the user is told nothing."""
    ticket = await seed_ticket(store, channel="telegram", chat_id="4949")
    bob = Console(http, gateway)
    await bob.sign_in("bob")
    url = f"/console/api/tickets/{ticket.id}"
    assert (await bob.post(url + "/take", {}))[0] == 200
    assert (await bob.post(url + "/update", {"group": "network"}))[0] == 200
    told = len(await told_on_telegram(store, "4949"))
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        admin = Console(other, gateway)
        await admin.sign_in("sysadmin")
        status, body = await admin.post(url + "/hand_back", {})
    assert (status, body["key"]) == (409, "take_first"), body
    assert len(await told_on_telegram(store, "4949")) == told


async def test_a_fresh_install_says_how_to_make_the_first_account(
    settings: Settings, http: aiohttp.ClientSession, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """`scripts/run.sh` on a fresh data directory has no operator account: the sign-in said
    "wrong login or password" and the log nothing, so the console could not be opened."""
    assert not settings.operators
    async with running_gateway(settings) as gw:
        console = Console(http, gw)
        status, body = await console.sign_in("admin", "whatever123")
        assert status == 401 and body["key"] == "no_accounts"
        # the first account is an admin's: a plain operator's sees no dead letters
        assert "firstline operator add LOGIN --role admin" in body["error"]
        for lang in ("ru", "uk", "en"):
            hint = Texts.load().section("console", lang)["refused_no_accounts"]
            assert "firstline operator add" in hint and "--role admin" in hint
        assert any("nobody to sign in" in r.getMessage() for r in caplog.records)
        # once there is one, a wrong password is only that
        await store.operators.put_account(
            {"login": "anna", "password_hash": hash_password(PASSWORD), "role": "admin"}
        )
        status, body = await console.sign_in("admin", "whatever123")
        assert (status, body) == (401, {"error": "wrong login or password"})
        assert (await console.sign_in("anna"))[0] == 200
